"""Sending a message over SMTP (smtplib), with every failure turned into a clear message.

The password is passed in by the CLI (from the environment or a file), never logged, and never
part of an error message. A server that accepts some recipients and refuses others is reported
per recipient: the caller learns exactly who got the message.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from digest.errors import DigestError


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


DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def send_message(
    msg: EmailMessage, sender: str, recipients: Sequence[str], server: SmtpServer
) -> Delivery:
    """Send `msg` to `recipients`; report who was accepted and who was refused, and why."""
    where = f"{server.host}:{server.port}"
    context = ssl.create_default_context(cafile=str(server.ca_file) if server.ca_file else None)
    try:
        smtp: smtplib.SMTP
        if server.security == "ssl":
            smtp = smtplib.SMTP_SSL(
                server.host, server.port, timeout=server.timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
        with smtp:
            if server.security == "starttls":
                smtp.starttls(context=context)
            if server.user:
                smtp.login(server.user, server.password or "")
            refused = smtp.send_message(msg, from_addr=sender, to_addrs=list(recipients))
    except smtplib.SMTPRecipientsRefused as err:
        replies = {r: _reply(code, text) for r, (code, text) in err.recipients.items()}
        raise SendError(
            f"{where} refused every recipient: "
            + "; ".join(f"{r} ({reply})" for r, reply in sorted(replies.items()))
        ) from None
    except smtplib.SMTPAuthenticationError as err:
        reply = _reply(err.smtp_code, err.smtp_error)
        raise SendError(
            f"{where} refused the login for user {server.user!r} ({reply}); "
            "check the user and DIGEST_SMTP_PASSWORD"
        ) from None
    except smtplib.SMTPNotSupportedError as err:
        raise SendError(
            f"{where} does not support {err}; try --ssl, or --no-tls on a trusted network"
        ) from None
    except ssl.SSLError as err:
        raise SendError(
            f"{where}: TLS failed ({err.reason or err}); pass --ca-file if the server uses a "
            "private certificate authority"
        ) from None
    except smtplib.SMTPException as err:
        raise SendError(f"{where}: the server refused the message ({err})") from None
    except OSError as err:
        raise SendError(
            f"{where}: cannot connect ({err.strerror or err}); check --smtp-host and --smtp-port"
        ) from None
    refused_replies = {r: _reply(code, text) for r, (code, text) in refused.items()}
    accepted = tuple(r for r in recipients if r not in refused_replies)
    return Delivery(accepted=accepted, refused=refused_replies)


def _reply(code: int, text: bytes | str) -> str:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {message}".strip()
