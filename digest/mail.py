"""The issue as an email: CSS inlining, and the complete message (RFC 5322,
multipart/alternative). css_inline's and the email package's quirks stay here.

Headers are built only from settings and dates, never from paper text, and every header value
is checked for line breaks and control characters before it reaches the email package, so a
header can never be injected, even on Pythons with CVE-2024-6923 (whose email generator did not
quote newlines when folding encoded words).
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import hashlib
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage

import css_inline

from digest.errors import ConfigError

# Gmail clips a message whose HTML passes about 102 KB; stay under it.
HTML_SIZE_LIMIT = 100_000

_INLINER = css_inline.CSSInliner(
    # Never fetch anything: a stylesheet link in a user's template is dropped, not loaded.
    load_remote_stylesheets=False,
    keep_link_tags=False,
    # @media rules cannot be inlined; kept in a <style> for the clients that honour them.
    keep_at_rules=True,
)


def inline_css(html: str) -> str:
    """The HTML with every <style> rule moved into the style attributes it applies to."""
    return str(_INLINER.inline(html))


def build_message(
    *,
    subject: str,
    sender: str,
    recipients: Sequence[str],
    date: dt.date | dt.datetime,
    message_key: str,
    text: str,
    html: str,
    list_id: str | None = None,
    unsubscribe: str | None = None,
) -> EmailMessage:
    """A multipart/alternative message: plain text first, then HTML (clients show the last
    part they can render). The same arguments give the same bytes: Date, Message-ID and the
    MIME boundary all derive from them."""
    headers = [("subject", subject), ("from", sender), *(("to", r) for r in recipients)]
    headers += [("list_id", list_id or ""), ("unsubscribe", unsubscribe or "")]
    for name, value in headers:
        _check_header_value(name, value)
    from_address = _parse_address(sender, "from")
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = sender
    if recipients:
        for r in recipients:
            _parse_address(r, "to")
        msg["To"] = ", ".join(recipients)
    when = (
        date if isinstance(date, dt.datetime) else dt.datetime(*date.timetuple()[:3], tzinfo=dt.UTC)
    )
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = f"<digest.{message_key}@{from_address.domain or 'localhost'}>"
    if list_id:
        msg["List-Id"] = list_id
    if unsubscribe:
        msg["List-Unsubscribe"] = f"<{unsubscribe}>"
        if unsubscribe.startswith("https://"):
            # RFC 8058 one-click: mailbox providers POST to the https URL.
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
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
