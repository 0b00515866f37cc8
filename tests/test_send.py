"""`digest send` against a real SMTP server on 127.0.0.1 (aiosmtpd), with and without
STARTTLS and authentication. What arrives is parsed and checked."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from click.testing import CliRunner, Result

from digest.cli import main

USER, PASSWORD = "digest", "s3cret pass"
SENDER = "Lab digest <digest@lab.example.org>"


@dataclass
class Inbox:
    """Collects what the server receives; refuses recipients at 'refused.example.org'."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

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
        return "250 Message accepted"


def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
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


def start(tmp_path: Path, ca: trustme.CA, *, tls: bool, auth: bool) -> Iterator[Server]:
    inbox = Inbox()
    kwargs: dict[str, Any] = {}
    ca_file = None
    if tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1").configure_cert(context)
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


def test_send_with_starttls_and_login(tls_auth_server: Server) -> None:
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
        env={"DIGEST_SMTP_PASSWORD": PASSWORD},
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    assert received(tls_auth_server)["Subject"] == "Research digest — 2026-W47"


def test_wrong_password_is_a_clear_error(tls_auth_server: Server) -> None:
    build_issue()
    assert tls_auth_server.ca_file is not None
    Path("pw").write_text("wrong\n")
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
    assert "wrong" not in result.output
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
    assert "TLS failed" in result.output and "--ca-file" in result.output


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
    printed, _, note = result.output.rpartition("\n\nDry run: ")
    msg = email.message_from_string(printed, policy=email.policy.default)
    assert msg["Subject"] == "Research digest — 2026-W47"
    assert msg["To"] == "team@lab.example.org"
    assert note == "issue 1 (2026-W47) not sent.\n"
    assert plain_server.inbox.messages == []


def test_header_injection_through_options_is_refused(plain_server: Server) -> None:
    build_issue()
    result = send(plain_server, "--no-tls", "--to", "a@lab.example.org\r\nBcc: evil@example.org")
    assert result.exit_code == 1
    assert "line break" in result.output
    assert plain_server.inbox.messages == []
