"""`digest send` against a real SMTP server on 127.0.0.1 (aiosmtpd), with and without
STARTTLS and authentication. What arrives is parsed and checked."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email
import email.policy
import json
import re
import socket
import sqlite3
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from click.testing import CliRunner, Result

from digest import mail, sending
from digest.cli import main
from digest.errors import ConfigError

from factories import one_line_error

USER, PASSWORD = "digest", "s3cret pass"
UNICODE_PASSWORD = "pässwörd-日本"
SENDER = "Lab digest <digest@lab.example.org>"


@dataclass
class Inbox:
    """Collects what the server receives; refuses recipients at 'refused.example.org'.

    The other fields make it misbehave as real servers do: answer QUIT with an error, take
    its time or hang up instead of answering the end of the message, refuse the sender or
    the message."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    quit_reply: str = "221 Bye"
    data_reply: str = "250 Message accepted"
    data_delay: float = 0.0
    hang_up_after_data: bool = False
    sender_reply: str = "250 OK"

    async def handle_MAIL(
        self, server: Any, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.sender_reply.startswith("250"):
            envelope.mail_from = address
            envelope.mail_options.extend(options)
        return self.sender_reply

    async def handle_RCPT(
        self, server: Any, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address.endswith("@refused.example.org"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.messages.append((str(envelope.mail_from), list(envelope.rcpt_tos), envelope.content))
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        if self.hang_up_after_data:
            server.transport.abort()
        return self.data_reply

    async def handle_QUIT(self, server: Any, session: Session, envelope: Envelope) -> str:
        return self.quit_reply


def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) in [
        (USER.encode(), PASSWORD.encode()),
        (USER.encode(), UNICODE_PASSWORD.encode()),
    ]
    # handled=False: aiosmtpd then answers 535 itself (True means the hook already replied).
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    inbox: Inbox
    port: int
    ca_file: Path | None


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def start(
    tmp_path: Path,
    ca: trustme.CA,
    *,
    tls: bool,
    auth: bool,
    implicit_tls: bool = False,
    inbox: Inbox | None = None,
) -> Iterator[Server]:
    inbox = inbox or Inbox()
    kwargs: dict[str, Any] = {}
    ca_file = None
    if tls or implicit_tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1").configure_cert(context)
        if implicit_tls:
            kwargs.update(ssl_context=context)
        else:
            kwargs.update(tls_context=context, require_starttls=True)
        ca_file = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
    if auth:
        kwargs.update(authenticator=authenticate, auth_required=True, auth_require_tls=tls)
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield Server(inbox, port, ca_file)
    finally:
        controller.stop()


@pytest.fixture
def plain_server(tmp_path: Path, ca: trustme.CA) -> Iterator[Server]:
    yield from start(tmp_path, ca, tls=False, auth=False)


@pytest.fixture
def tls_auth_server(tmp_path: Path, ca: trustme.CA) -> Iterator[Server]:
    yield from start(tmp_path, ca, tls=True, auth=True)


@pytest.fixture
def make_server(tmp_path: Path, ca: trustme.CA) -> Iterator[Callable[..., Server]]:
    """Starts servers of any kind (see `start`) for one test; stops them after it."""
    started: list[Iterator[Server]] = []

    def make(**kwargs: Any) -> Server:
        server = start(tmp_path, ca, **{"tls": False, "auth": False, **kwargs})
        started.append(server)
        return next(server)

    yield make
    for server in started:
        next(server, None)


def build_issue() -> None:
    rows = [
        {"id": "a", "abstract": "We introduce a robot hand that learns in simulation. It works."},
        {"id": "b", "abstract": "We present a metric for dialogue quality. It matches people."},
    ]
    Path("inbox").mkdir()
    Path("inbox/papers.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = CliRunner().invoke(main, ["build", "inbox", "--date", "2026-11-16"])
    assert result.exit_code == 0, result.output


def send(server: Server, *args: str, env: dict[str, str] | None = None) -> Result:
    base = ["send", "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port), "--from", SENDER]
    return CliRunner(env=env).invoke(main, [*base, *args])


def received(server: Server, index: int = -1) -> email.message.EmailMessage:
    msg = email.message_from_bytes(server.inbox.messages[index][2], policy=email.policy.default)
    assert isinstance(msg, email.message.EmailMessage)
    return msg


def test_send_without_tls_delivers_the_issue(plain_server: Server) -> None:
    build_issue()
    result = send(plain_server, "--no-tls", "--to", "team@lab.example.org")
    assert result.exit_code == 0, result.output
    assert "Sent issue 1 (2026-W47) to 1 of 1 recipients." in result.output
    sender, rcpts, _ = plain_server.inbox.messages[0]
    assert (sender, rcpts) == ("digest@lab.example.org", ["team@lab.example.org"])
    msg = received(plain_server)
    assert msg["Subject"] == "Research digest — 2026-W47"
    assert msg["To"] == "team@lab.example.org"
    assert msg["Message-ID"] == "<digest.2026-W47@lab.example.org>"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    text = msg.get_body(("plain",))
    assert text is not None and "We introduce a robot hand" in text.get_content()


# smtplib sends passwords as ASCII only; one with other characters goes as UTF-8 (PLAIN).
@pytest.mark.parametrize("password", [PASSWORD, UNICODE_PASSWORD])
def test_send_with_starttls_and_login(tls_auth_server: Server, password: str) -> None:
    build_issue()
    assert tls_auth_server.ca_file is not None
    result = send(
        tls_auth_server,
        "--starttls",
        "--ca-file",
        str(tls_auth_server.ca_file),
        "--smtp-user",
        USER,
        "--to",
        "team@lab.example.org",
        env={"DIGEST_SMTP_PASSWORD": password},
    )
    assert result.exit_code == 0, result.output
    assert password not in result.output
    assert received(tls_auth_server)["Subject"] == "Research digest — 2026-W47"


@pytest.mark.parametrize("wrong", ["wrong", "wrông"])
def test_wrong_password_is_a_clear_error(tls_auth_server: Server, wrong: str) -> None:
    build_issue()
    assert tls_auth_server.ca_file is not None
    Path("pw").write_text(f"{wrong}\n", encoding="utf-8")
    result = send(
        tls_auth_server,
        "--ca-file",
        str(tls_auth_server.ca_file),
        "--smtp-user",
        USER,
        "--password-file",
        "pw",
        "--to",
        "team@lab.example.org",
    )
    assert result.exit_code == 1
    assert "refused the login for user 'digest'" in result.output
    assert wrong not in result.output
    assert tls_auth_server.inbox.messages == []


def test_untrusted_certificate_is_refused(tls_auth_server: Server) -> None:
    build_issue()
    result = send(
        tls_auth_server,
        "--smtp-user",
        USER,
        "--to",
        "t@lab.example.org",
        env={"DIGEST_SMTP_PASSWORD": PASSWORD},
    )
    assert result.exit_code == 1
    assert "the server's certificate is not trusted (unable to get local issuer" in result.output
    assert "pass that authority's certificate with --ca-file" in result.output


def test_second_send_refuses_until_resend(plain_server: Server) -> None:
    build_issue()
    assert send(plain_server, "--no-tls", "--to", "team@lab.example.org").exit_code == 0
    again = send(plain_server, "--no-tls", "--to", "team@lab.example.org")
    assert again.exit_code == 1
    assert "issue 1 (2026-W47) was already sent to team@lab.example.org" in again.output
    assert "pass --resend" in again.output
    assert len(plain_server.inbox.messages) == 1
    forced = send(plain_server, "--no-tls", "--to", "team@lab.example.org", "--resend")
    assert forced.exit_code == 0
    assert len(plain_server.inbox.messages) == 2


def test_partial_refusal_is_reported_per_recipient(plain_server: Server) -> None:
    build_issue()
    result = send(
        plain_server, "--no-tls", "--to", "ok@lab.example.org", "--to", "bob@refused.example.org"
    )
    assert result.exit_code == 1
    assert "refused: bob@refused.example.org: 550 5.1.1 No such user here" in result.output
    assert "Sent issue 1 (2026-W47) to 1 of 2 recipients." in result.output
    # Only the accepted recipient is recorded: the refused one can be retried alone.
    retry = send(plain_server, "--no-tls", "--to", "bob@refused.example.org")
    assert "already sent" not in retry.output


def test_dry_run_prints_the_message_and_sends_nothing(plain_server: Server) -> None:
    build_issue()
    result = send(plain_server, "--dry-run", "--to", "team@lab.example.org")
    assert result.exit_code == 0
    printed, _, note = result.output.rpartition("Dry run: ")
    assert note == "issue 1 (2026-W47) not sent.\n"
    head, _, body = printed.partition("\n\n")
    # Readable: headers decoded, the text part as text, not quoted-printable.
    assert head.splitlines()[:3] == [
        "Subject: Research digest — 2026-W47",
        f"From: {SENDER}",
        "To: team@lab.example.org",
    ]
    assert "We introduce a robot hand that learns in simulation." in body
    assert re.search(r"=[0-9A-F]{2}|[^=]=$", printed, re.MULTILINE) is None  # no QP escapes
    assert "Content-Transfer-Encoding" not in printed
    assert "[and the same issue as HTML:" in body.splitlines()[-1]
    assert plain_server.inbox.messages == []


def test_header_injection_through_options_is_refused(plain_server: Server) -> None:
    build_issue()
    result = send(plain_server, "--no-tls", "--to", "a@lab.example.org\r\nBcc: evil@example.org")
    assert result.exit_code == 1
    assert "line break" in result.output
    assert plain_server.inbox.messages == []


# --- Every cause of failure gets a message that names it and the fix that fits it. ---------


def test_a_server_without_starttls_is_told_apart_from_one_without_tls(
    plain_server: Server,
) -> None:
    build_issue()
    message = one_line_error(send(plain_server, "--to", "t@lab.example.org"))  # --starttls
    assert message == (
        f"Error: 127.0.0.1:{plain_server.port} does not offer STARTTLS; if it takes TLS from "
        "the start (usually port 465), pass --ssl; on a trusted network, --no-tls sends in "
        "clear text"
    )


def test_a_login_on_a_server_that_offers_none_says_to_drop_the_user(plain_server: Server) -> None:
    build_issue()
    result = send(
        plain_server,
        "--no-tls",
        "--smtp-user",
        USER,
        "--to",
        "t@lab.example.org",
        env={"DIGEST_SMTP_PASSWORD": PASSWORD},
    )
    message = one_line_error(result)
    assert "offers no login on a connection without TLS; if it needs none, leave out " in message
    assert "--smtp-user (and smtp.user in digest.toml)" in message
    assert "try --ssl" not in message
    assert plain_server.inbox.messages == []


def test_no_tls_where_the_server_wants_tls_says_to_drop_no_tls(tls_auth_server: Server) -> None:
    build_issue()
    message = one_line_error(send(tls_auth_server, "--no-tls", "--to", "t@lab.example.org"))
    assert "refused the sender digest@lab.example.org (530 Must issue a STARTTLS command" in message
    assert message.endswith("it takes mail only over TLS: drop --no-tls")


def test_ssl_on_a_plain_port_says_to_use_starttls(plain_server: Server) -> None:
    build_issue()
    message = one_line_error(send(plain_server, "--ssl", "--to", "t@lab.example.org"))
    assert f"127.0.0.1:{plain_server.port} did not answer in TLS (" in message
    assert "--ssl is for servers that take TLS from the start (usually port 465)" in message
    assert "use --starttls (the default), or --no-tls" in message
    assert "--ca-file" not in message


def test_starttls_on_a_tls_port_says_to_use_ssl(
    make_server: Callable[..., Server], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sending, "TIMEOUT_SECONDS", 1.0)
    server = make_server(implicit_tls=True)
    build_issue()
    message = one_line_error(send(server, "--to", "t@lab.example.org"))
    assert f"127.0.0.1:{server.port} sent no greeting (timed out); if it takes TLS from " in message
    assert message.endswith("pass --ssl")
    assert server.ca_file is not None
    ok = send(server, "--ssl", "--ca-file", str(server.ca_file), "--to", "t@lab.example.org")
    assert ok.exit_code == 0, ok.output


def test_a_certificate_for_another_name_says_which(tls_auth_server: Server) -> None:
    build_issue()
    assert tls_auth_server.ca_file is not None
    args = ["--smtp-host", "localhost", "--ca-file", str(tls_auth_server.ca_file)]
    result = send(tls_auth_server, *args, "--to", "t@lab.example.org")
    message = one_line_error(result)
    assert "the server's certificate is not for 'localhost' (" in message
    assert message.endswith("pass the name it was issued for as --smtp-host")


def test_a_missing_ca_file_is_a_clear_error(plain_server: Server) -> None:
    build_issue()
    message = one_line_error(send(plain_server, "--ca-file", "nowhere.pem", "--to", "t@x.org"))
    assert message == (
        "Error: nowhere.pem: cannot read certificate authorities from it (No such file or "
        "directory); pass a PEM file of certificates with --ca-file"
    )


def test_nothing_listening_says_to_check_host_and_port() -> None:
    build_issue()
    port = free_port()
    result = CliRunner().invoke(
        main, ["send", "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--to", "t@x.org"]
    )
    message = one_line_error(result)
    assert message == (
        f"Error: 127.0.0.1:{port}: cannot connect (Connection refused); check --smtp-host and "
        "--smtp-port"
    )


def test_a_refused_sender_says_to_check_from(make_server: Callable[..., Server]) -> None:
    server = make_server(inbox=Inbox(sender_reply="553 5.7.1 Sender not allowed"))
    build_issue()
    message = one_line_error(send(server, "--no-tls", "--to", "t@lab.example.org"))
    assert message == (
        f"Error: 127.0.0.1:{server.port} refused the sender digest@lab.example.org (553 5.7.1 "
        "Sender not allowed); check --from (or mail.from in digest.toml)"
    )


def test_a_refused_message_says_nothing_was_delivered(make_server: Callable[..., Server]) -> None:
    server = make_server(inbox=Inbox(data_reply="554 5.7.1 Rejected as spam"))
    build_issue()
    message = one_line_error(send(server, "--no-tls", "--to", "t@lab.example.org"))
    assert message == (
        f"Error: 127.0.0.1:{server.port} refused the message (554 5.7.1 Rejected as spam); "
        "nothing was delivered"
    )
    again = send(server, "--no-tls", "--to", "t@lab.example.org")
    assert "already sent" not in again.output and "may have been" not in again.output


# --- What the server did with the message decides what is recorded. ------------------------


def test_a_message_accepted_before_quit_fails_is_recorded_as_sent(
    make_server: Callable[..., Server],
) -> None:
    server = make_server(inbox=Inbox(quit_reply="500 5.5.1 Internal error"))
    build_issue()
    result = send(server, "--no-tls", "--to", "team@lab.example.org")
    assert result.exit_code == 0, result.output
    assert "Sent issue 1 (2026-W47) to 1 of 1 recipients." in result.output
    again = send(server, "--no-tls", "--to", "team@lab.example.org")
    assert "issue 1 (2026-W47) was already sent to team@lab.example.org" in one_line_error(again)
    assert len(server.inbox.messages) == 1


@pytest.mark.parametrize("failure", ["no reply", "hang-up"])
def test_an_unconfirmed_message_may_have_been_delivered_and_needs_resend(
    make_server: Callable[..., Server], monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    monkeypatch.setattr(sending, "TIMEOUT_SECONDS", 0.5)
    inbox = Inbox(data_delay=2.0) if failure == "no reply" else Inbox(hang_up_after_data=True)
    server = make_server(inbox=inbox)
    build_issue()
    result = send(
        server, "--no-tls", "--to", "team@lab.example.org", "--to", "x@refused.example.org"
    )
    assert result.exit_code == 1
    assert "Sent issue" not in result.output
    reason = "timed out" if failure == "no reply" else "Connection unexpectedly closed"
    assert (
        f"warning: 127.0.0.1:{server.port} took the message but did not confirm it ({reason}"
    ) in result.output
    assert "issue 1 (2026-W47) may have been delivered to team@lab.example.org; ask them " in (
        result.output
    )
    assert len(server.inbox.messages) == 1  # it did arrive
    again = send(server, "--no-tls", "--to", "team@lab.example.org", "--to", "new@lab.example.org")
    message = one_line_error(again)
    assert "issue 1 (2026-W47) may have been delivered to team@lab.example.org (on " in message
    assert "pass --resend to send it again at the risk of a duplicate" in message
    assert message.endswith("or send it only to the others: --to new@lab.example.org")
    assert len(server.inbox.messages) == 1
    # The refused recipient was not recorded either way: it can be retried alone.
    retry = send(server, "--no-tls", "--to", "x@refused.example.org")
    assert "may have been" not in retry.output and "already sent" not in retry.output


def test_the_hint_after_a_partial_refusal_names_only_the_refused(plain_server: Server) -> None:
    build_issue()
    result = send(
        plain_server,
        "--no-tls",
        "--to",
        "ok@lab.example.org",
        "--to",
        "bob@refused.example.org",
        "--to",
        "eve@refused.example.org",
    )
    assert result.exit_code == 1
    hint = next(line for line in result.output.splitlines() if line.startswith("To send it"))
    assert hint == (
        "To send it to the refused recipients only, once fixed: digest send --issue 1 "
        "--to bob@refused.example.org --to eve@refused.example.org (and the same server options)"
    )
    retry = send(plain_server, "--no-tls", "--to", "bob@refused.example.org")
    assert "already sent" not in retry.output


# --- Header injection: nothing but the settings' own text reaches a header. ----------------


HOSTILE_TITLES = [
    "=?utf-8?q?Lab=0D=0AReply-To:_attacker@evil.example?=",
    "=?utf-8?q?Lab=0D=0A=0D=0AFake body?=",
    "Lab =?UTF-8?B?DQpCY2M6IGV2aWxAZXZpbC5leGFtcGxl?=",
    "Lab\u2028Reply-To: attacker@evil.example",
    "Lab\u2029x",
    "Lab\x85Bcc: evil@evil.example",
    "Lab\x1cx",
    "Lab\x0bx",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_title_that_would_forge_headers_is_refused_naming_the_setting(title: str) -> None:
    Path("inbox").mkdir()
    Path("inbox/p.jsonl").write_text(
        json.dumps({"id": "a", "abstract": "We introduce a robot hand. It works well."}) + "\n"
    )
    result = CliRunner().invoke(main, ["build", "inbox", "--title", title])
    message = one_line_error(result)
    assert message.startswith("Error: the title (--title, or title in digest.toml) holds ")
    assert not Path("out").exists() and not Path(".digest/history.sqlite3").exists()


@pytest.mark.parametrize(
    ("table", "key", "value", "setting"),
    [
        ("", "title", "=?utf-8?q?Lab=0D=0AReply-To:_a@evil.example?=", "the title"),
        ("mail", "list_id", "=?utf-8?q?L=0D=0ABcc:_a@evil.example?= <l.x>", "mail.list_id"),
        ("mail", "from", "=?utf-8?q?D=0D=0ABcc:_a@evil.example?= <d@x.org>", "the sender"),
        ("mail", "to", ["=?utf-8?q?T=0D=0ABcc:_a@evil.example?= <t@x.org>"], "a recipient"),
    ],
)
def test_settings_that_would_forge_headers_are_refused(
    table: str, key: str, value: object, setting: str
) -> None:
    toml = json.dumps(value, ensure_ascii=False)
    Path("digest.toml").write_text(
        (f"[{table}]\n" if table else "") + f"{key} = {toml}\n", encoding="utf-8"
    )
    Path("inbox").mkdir()
    Path("inbox/p.jsonl").write_text(
        json.dumps({"id": "a", "abstract": "We introduce a robot hand. It works well."}) + "\n"
    )
    message = one_line_error(CliRunner().invoke(main, ["build", "inbox"]))
    assert message.startswith(f"Error: {setting}")
    assert "holds an encoded word ('=?...?=')" in message


def test_a_hostile_title_in_an_older_history_is_never_sent(plain_server: Server) -> None:
    build_issue()
    with contextlib.closing(sqlite3.connect(".digest/history.sqlite3")) as conn:
        conn.execute("UPDATE issues SET title = ?", (HOSTILE_TITLES[0],))
        conn.commit()
    message = one_line_error(send(plain_server, "--no-tls", "--to", "t@lab.example.org"))
    assert "the title (--title, or title in digest.toml) holds an encoded word" in message
    assert plain_server.inbox.messages == []


def test_headers_are_checked_again_once_the_message_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Without the check of values, the check of the built message still catches the forgery
    # on a Python whose email package has CVE-2024-6923, and passes the message elsewhere.
    monkeypatch.setattr(mail, "check_headers", lambda *args: None)
    msg = mail.build_message(
        subject=HOSTILE_TITLES[0],
        sender=SENDER,
        recipients=["t@lab.example.org"],
        date=dt.date(2026, 11, 16),
        message_key="k",
        text="text",
        html="<p>html</p>",
    )
    try:
        data = mail.message_bytes(msg)
    except ConfigError as err:
        assert "the email's headers would not come out as set" in str(err)
        assert "Reply-To" in str(err)
    else:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        assert "Reply-To" not in parsed and parsed["Subject"] == msg["Subject"]


@pytest.mark.parametrize(
    ("args", "env"),
    [([], {"DIGEST_SMTP_USER": ""}), (["--smtp-user", ""], {"DIGEST_SMTP_USER": "someone"})],
)
def test_an_empty_smtp_user_means_no_login(
    plain_server: Server, args: list[str], env: dict[str, str]
) -> None:
    build_issue()
    Path("digest.toml").write_text('[smtp]\nuser = "digest"\n')
    result = send(
        plain_server,
        "--no-tls",
        "--to",
        "t@x.org",
        *args,
        env={**env, "DIGEST_SMTP_PASSWORD": None},
    )
    assert result.exit_code == 0, result.output
    assert len(plain_server.inbox.messages) == 1


def test_digest_smtp_user_names_the_login_user(plain_server: Server) -> None:
    build_issue()
    result = send(
        plain_server,
        "--no-tls",
        "--to",
        "t@x.org",
        env={"DIGEST_SMTP_USER": "someone", "DIGEST_SMTP_PASSWORD": None},
    )
    assert result.exit_code == 1
    assert "no SMTP password" in result.output
