"""Sending a message over SMTP (smtplib), with every failure turned into a clear message.

The password is passed in by the CLI (from the environment or a file), never logged, and never
part of an error message. A server that accepts some recipients and refuses others is reported
per recipient: the caller learns exactly who got the message.

The outcome is known only when the server answers the end of the message: 250, delivered (to
the recipients it accepted); anything else, refused. A connection that fails after the whole
message went out but before that answer leaves it unknown: the server may have delivered it.
Such recipients come back as `unconfirmed`, for the caller to record, so that sending again is
a choice (--resend) and not an accident. A failure after the answer (QUIT refused, the
connection dropped) changes nothing: the message was accepted.

Each message names the cause and the fix that fits it: the option to change, and only one
that can help.
"""

from __future__ import annotations

import base64
import contextlib
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digest.errors import DigestError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class SendError(DigestError):
    """The message could not be sent (connection, TLS, login or every recipient refused)."""


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    security: str  # "starttls", "ssl" or "none"
    user: str | None = None
    password: str | None = None
    ca_file: Path | None = None
    timeout: float = 30.0


@dataclass(frozen=True)
class Delivery:
    accepted: tuple[str, ...]
    refused: Mapping[str, str]  # recipient -> the server's reply
    # Recipients the server took before the connection failed without its final answer: the
    # message may or may not have reached them. `unknown` says what happened.
    unconfirmed: tuple[str, ...] = ()
    unknown: str = ""


DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
# Seconds to wait for the server: to connect, and for each reply.
TIMEOUT_SECONDS = 30.0

# OpenSSL's reasons when what answered a TLS handshake does not speak TLS (a plain port).
_NOT_TLS = {"WRONG_VERSION_NUMBER", "UNKNOWN_PROTOCOL", "RECORD_LAYER_FAILURE", "HTTP_REQUEST"}


class _SMTP(smtplib.SMTP):
    """smtplib.SMTP that notes when the message itself has gone out: smtplib sends commands
    as text and only the message as bytes. A failure after that leaves the outcome unknown."""

    body_sent = False

    def send(self, s: ReadableBuffer | str) -> None:
        super().send(s)
        if isinstance(s, bytes):
            self.body_sent = True


class _SMTPS(_SMTP, smtplib.SMTP_SSL):
    """The same, over TLS from the start."""


def send_message(
    message: bytes, sender: str, recipients: Sequence[str], server: SmtpServer
) -> Delivery:
    """Send `message` (the bytes of a whole RFC 5322 message) to `recipients`; report who
    was accepted, who was refused and why, and who may have received it."""
    where = f"{server.host}:{server.port}"
    context = _tls_context(server.ca_file)
    smtp = _connect(server, context, where)
    accepted: list[str] = []
    try:
        if server.security == "starttls":
            _starttls(smtp, context, where, server.host)
        if server.user:
            _login(smtp, server.user, server.password or "", where, server.security)
        refused = _envelope(smtp, sender, recipients, where, server.security)
        accepted = [r for r in recipients if r not in refused]
        code, reply = smtp.data(message)
        if code != 250:
            raise SendError(
                f"{where} refused the message ({_reply(code, reply)}); nothing was delivered"
            )
    except (smtplib.SMTPServerDisconnected, OSError) as err:
        smtp.close()
        if smtp.body_sent:
            return Delivery((), {}, tuple(accepted), f"{where} {_unknown(err)}")
        raise _failure(err, where, server) from None
    except smtplib.SMTPException as err:
        smtp.close()
        raise _failure(err, where, server) from None
    except BaseException:
        smtp.close()
        raise
    # Delivered: whatever QUIT answers, or if the connection drops now, changes nothing.
    with contextlib.suppress(smtplib.SMTPException, OSError):
        smtp.quit()
    smtp.close()
    return Delivery(accepted=tuple(accepted), refused=refused)


def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as err:
        reason = getattr(err, "strerror", None) or getattr(err, "reason", None) or err
        raise SendError(
            f"{ca_file}: cannot read certificate authorities from it ({reason}); pass a PEM "
            "file of certificates with --ca-file"
        ) from None


def _connect(server: SmtpServer, context: ssl.SSLContext, where: str) -> _SMTP:
    try:
        if server.security == "ssl":
            return _SMTPS(server.host, server.port, timeout=server.timeout, context=context)
        return _SMTP(server.host, server.port, timeout=server.timeout)
    except ssl.SSLCertVerificationError as err:
        raise _certificate_error(err, where, server.host) from None
    except ssl.SSLError as err:
        if err.reason in _NOT_TLS or "EOF" in str(err):
            raise SendError(
                f"{where} did not answer in TLS ({err.reason or err}); --ssl is for servers "
                "that take TLS from the start (usually port 465): for this port use --starttls "
                "(the default), or --no-tls on a trusted network"
            ) from None
        raise SendError(f"{where}: the TLS handshake failed ({err.reason or err})") from None
    except smtplib.SMTPConnectError as err:
        raise SendError(
            f"{where} refused the connection ({_reply(err.smtp_code, err.smtp_error)}); "
            "try again later"
        ) from None
    except (smtplib.SMTPServerDisconnected, TimeoutError) as err:
        advice = (
            "if it takes TLS from the start (usually port 465), pass --ssl"
            if server.security != "ssl"
            else "check --smtp-port"
        )
        raise SendError(f"{where} sent no greeting ({_reason(err)}); {advice}") from None
    except OSError as err:
        raise SendError(
            f"{where}: cannot connect ({_reason(err)}); check --smtp-host and --smtp-port"
        ) from None


def _starttls(smtp: _SMTP, context: ssl.SSLContext, where: str, host: str) -> None:
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("starttls"):
        raise SendError(
            f"{where} does not offer STARTTLS; if it takes TLS from the start (usually port "
            "465), pass --ssl; on a trusted network, --no-tls sends in clear text"
        )
    try:
        smtp.starttls(context=context)
    except ssl.SSLCertVerificationError as err:
        raise _certificate_error(err, where, host) from None
    except ssl.SSLError as err:
        raise SendError(f"{where}: the TLS handshake failed ({err.reason or err})") from None


def _certificate_error(err: ssl.SSLCertVerificationError, where: str, host: str) -> SendError:
    detail = err.verify_message or str(err)
    if "mismatch" in detail.lower() or "not valid for" in detail:
        return SendError(
            f"{where}: the server's certificate is not for {host!r} ({detail}); pass the name "
            "it was issued for as --smtp-host"
        )
    if "expired" in detail:
        return SendError(
            f"{where}: the server's certificate has expired ({detail}); ask its administrator "
            "to renew it"
        )
    return SendError(
        f"{where}: the server's certificate is not trusted ({detail}); if a private authority "
        "signed it, pass that authority's certificate with --ca-file"
    )


def _login(smtp: _SMTP, user: str, password: str, where: str, security: str) -> None:
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        if security == "none":
            raise SendError(
                f"{where} offers no login on a connection without TLS; if it needs none, leave "
                "out --smtp-user (and smtp.user in digest.toml); if it offers one only over "
                "TLS, drop --no-tls"
            )
        raise SendError(
            f"{where} offers no login; if it needs none, leave out --smtp-user (and smtp.user "
            "in digest.toml)"
        )
    if (user + password).isascii():
        try:
            smtp.login(user, password)
        except smtplib.SMTPAuthenticationError as err:
            raise _login_refused(err.smtp_code, err.smtp_error, where, user) from None
        except smtplib.SMTPException as err:
            if "No suitable authentication method" not in str(err):
                raise
            offered = smtp.esmtp_features.get("auth", "").strip() or "none"
            raise SendError(
                f"{where} offers no login method digest knows (it offers: {offered}; digest "
                "knows CRAM-MD5, PLAIN and LOGIN)"
            ) from None
        return
    # smtplib sends user and password as ASCII only. PLAIN carries them as UTF-8 (RFC 4616).
    methods = smtp.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in methods:
        raise SendError(
            f"{where} offers no login that can carry a user or password with non-ASCII "
            f"characters (it offers: {' '.join(methods) or 'none'}; that takes PLAIN)"
        )
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):  # 503: already logged in
        raise _login_refused(code, reply, where, user)


def _login_refused(code: int, reply: bytes | str, where: str, user: str) -> SendError:
    return SendError(
        f"{where} refused the login for user {user!r} ({_reply(code, reply)}); check the user "
        "and the password (DIGEST_SMTP_PASSWORD or --password-file)"
    )


def _envelope(
    smtp: _SMTP, sender: str, recipients: Sequence[str], where: str, security: str
) -> dict[str, str]:
    """MAIL FROM and RCPT TO; the recipients refused, with the server's replies."""
    smtp.ehlo_or_helo_if_needed()
    options: tuple[str, ...] = ()
    if not all(a.isascii() for a in (sender, *recipients)):
        if not smtp.has_extn("smtputf8"):
            raise SendError(
                f"{where} does not take addresses with non-ASCII characters (no SMTPUTF8)"
            )
        options = ("SMTPUTF8", "BODY=8BITMIME")
    code, reply = smtp.mail(sender, options)
    if code != 250:
        raise SendError(
            f"{where} refused the sender {sender} ({_reply(code, reply)}); "
            + (_needs(reply, security) or "check --from (or mail.from in digest.toml)")
        )
    refused: dict[str, str] = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = _reply(code, reply)
    if len(refused) == len(recipients):
        raise SendError(
            f"{where} refused every recipient: "
            + "; ".join(f"{r} ({reply})" for r, reply in sorted(refused.items()))
        )
    return refused


def _needs(reply: bytes | str, security: str) -> str:
    """The fix for a 530 ("do this first") before the sender is taken, if the reply says."""
    text = (reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply).lower()
    if "starttls" in text and security == "none":
        return "it takes mail only over TLS: drop --no-tls"
    if "auth" in text:
        return "it takes mail only after a login: pass --smtp-user (and the password)"
    return ""


def _failure(err: Exception, where: str, server: SmtpServer) -> SendError:
    """What a failure before the message went out means (nothing was delivered)."""
    if isinstance(err, SendError):
        return err
    if isinstance(err, smtplib.SMTPHeloError):
        return SendError(f"{where} refused the greeting ({_reply(err.smtp_code, err.smtp_error)})")
    if isinstance(err, smtplib.SMTPResponseException):
        return SendError(
            f"{where} answered {_reply(err.smtp_code, err.smtp_error)}; nothing was delivered"
        )
    return SendError(
        f"{where}: the connection failed before the message was sent ({_reason(err)}); "
        "nothing was delivered: run again"
    )


def _unknown(err: Exception) -> str:
    return f"took the message but did not confirm it ({_reason(err)})"


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    text = str(err) or type(err).__name__
    return text.removeprefix("Connection unexpectedly closed: ")


def _reply(code: int, text: bytes | str) -> str:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {message}".strip()
