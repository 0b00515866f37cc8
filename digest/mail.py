"""The issue as a complete email message (RFC 5322, multipart/alternative).

Headers are built only from settings and the issue date, never from paper text, and every
header value is checked for line breaks: a header can never be injected.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import hashlib
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage

from digest.errors import ConfigError


def build_message(
    *,
    subject: str,
    sender: str,
    recipients: Sequence[str],
    date: dt.date,
    message_key: str,
    text: str,
    html: str,
) -> EmailMessage:
    """A multipart/alternative message: plain text first, then HTML (clients show the last
    part they can render). The same arguments give the same bytes: Date, Message-ID and the
    MIME boundary all derive from them."""
    for name, value in [("subject", subject), ("from", sender), *(("to", r) for r in recipients)]:
        _check_header_value(name, value)
    from_address = _parse_address(sender, "from")
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = sender
    if recipients:
        for r in recipients:
            _parse_address(r, "to")
        msg["To"] = ", ".join(recipients)
    msg["Date"] = email.utils.format_datetime(
        dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    )
    msg["Message-ID"] = f"<digest.{message_key}@{from_address.domain or 'localhost'}>"
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    for part in msg.iter_parts():
        # EmailMessage stamps MIME-Version on the part add_alternative creates; it belongs
        # on the top level only.
        del part["MIME-Version"]
    digest_of_body = hashlib.sha256((text + html).encode("utf-8")).hexdigest()[:24]
    msg.set_boundary(f"=_digest_{digest_of_body}")
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes(policy=email.policy.SMTP)


def _check_header_value(name: str, value: str) -> None:
    if any(ch in value for ch in "\r\n\x00") or any(ord(ch) < 32 and ch != "\t" for ch in value):
        raise ConfigError(f"mail {name} {value!r} contains a line break or control character")


def _parse_address(value: str, name: str) -> Address:
    _, addr = email.utils.parseaddr(value)
    if "@" not in addr:
        raise ConfigError(
            f"mail {name} {value!r} is not an email address; write it as "
            "'Name <user@example.org>' or 'user@example.org'"
        )
    user, _, domain = addr.rpartition("@")
    return Address(username=user, domain=domain)
