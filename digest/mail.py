"""The issue as an email: CSS inlining, and the complete message (RFC 5322,
multipart/alternative). css_inline's and the email package's quirks stay here.

Headers are built only from settings and dates, never from paper text. A header can never be
injected, even on Pythons with CVE-2024-6923 (whose email generator writes the line breaks an
RFC 2047 encoded word decodes to back out as real ones when it folds a header):

- every header value is refused, with the setting it came from, if it holds any character that
  ends a line (each one `str.splitlines()` knows: CR, LF, VT, FF, FS, GS, RS, NEL, U+2028,
  U+2029), another control character, or an encoded word (`=?charset?q?...?=`: text a team
  sets is never already encoded, and the email package encodes what needs it);
- after the message is built, its bytes are parsed back: the headers must be exactly the ones
  set, or the message is refused.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import functools
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from typing import Any

from digest.errors import ConfigError

# Gmail clips a message whose HTML passes about 102 KB; stay under it.
HTML_SIZE_LIMIT = 100_000


def inline_css(html: str) -> str:
    """The HTML with every <style> rule moved into the style attributes it applies to."""
    return str(_inliner().inline(html))


@functools.cache
def _inliner() -> Any:
    # Imported on first use: `digest send` and `digest show` never inline.
    import css_inline

    return css_inline.CSSInliner(
        # Never fetch anything: a stylesheet link in a user's template is dropped, not loaded.
        load_remote_stylesheets=False,
        keep_link_tags=False,
        # @media rules cannot be inlined; kept in a <style> for the clients that honour them.
        keep_at_rules=True,
    )


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
    check_headers(subject, sender, recipients, list_id, unsubscribe)
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
    """The message as it is written and sent, once its headers are checked to come out as set."""
    data = msg.as_bytes(policy=email.policy.SMTP)
    parsed = BytesHeaderParser(policy=email.policy.SMTP).parsebytes(data)
    if [k.lower() for k in parsed] != [k.lower() for k in msg]:
        # What CVE-2024-6923 did with an encoded word: headers the settings never set.
        raise ConfigError(
            "the email's headers would not come out as set (set: "
            f"{', '.join(msg.keys())}; written: {', '.join(parsed.keys())}); check "
            + ", ".join(sorted(set(HEADER_SETTINGS.values())))
        )
    return data


# The setting each header value comes from, for messages.
HEADER_SETTINGS = {
    "Subject": "the title (--title, or title in digest.toml)",
    "From": "the sender (--from, or mail.from in digest.toml)",
    "To": "a recipient (--to, or mail.to in digest.toml)",
    "List-Id": "mail.list_id in digest.toml",
    "List-Unsubscribe": "mail.unsubscribe in digest.toml",
}

# Every character str.splitlines() ends a line at.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# An RFC 2047 encoded word, as loosely as the email package's decoders accept one.
_ENCODED_WORD = re.compile(r"=\?[^?]*\?[bq]\?.*?\?=", re.IGNORECASE | re.DOTALL)


def check_headers(
    subject: str,
    sender: str,
    recipients: Sequence[str],
    list_id: str | None = None,
    unsubscribe: str | None = None,
) -> None:
    """Refuse any of these header values that could become more than its header."""
    for header, value in [
        ("Subject", subject),
        ("From", sender),
        *(("To", r) for r in recipients),
        ("List-Id", list_id or ""),
        ("List-Unsubscribe", unsubscribe or ""),
    ]:
        check_header_value(HEADER_SETTINGS[header], value)


def check_header_value(setting: str, value: str) -> None:
    """Refuse a value bound for a mail header that could become more than that header."""
    for ch in value:
        if ch in _LINE_BREAKS or (unicodedata.category(ch) == "Cc" and ch != "\t"):
            raise ConfigError(
                f"{setting} holds a line break or control character (U+{ord(ch):04X}) in "
                f"{_excerpt(value)}; write it on one line"
            )
    if _ENCODED_WORD.search(value):
        raise ConfigError(
            f"{setting} holds an encoded word ('=?...?=') in {_excerpt(value)}, which mail "
            "programs decode and which could add headers; write the text itself (digest "
            "encodes what needs it)"
        )


def _excerpt(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _parse_address(value: str, name: str) -> Address:
    _, addr = email.utils.parseaddr(value)
    if "@" not in addr:
        raise ConfigError(
            f"mail {name} {value!r} is not an email address; write it as "
            "'Name <user@example.org>' or 'user@example.org'"
        )
    user, _, domain = addr.rpartition("@")
    return Address(username=user, domain=domain)


def readable_message(msg: EmailMessage) -> str:
    """The message as a person reads it: headers decoded, the plain-text part as text (not
    quoted-printable), and a line saying what the HTML part holds."""
    lines = [
        f"{name}: {value}"
        for name, value in msg.items()
        if not name.startswith(("MIME", "Content"))
    ]
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    body = text.get_content() if isinstance(text, EmailMessage) else ""
    lines += ["", body.rstrip("\n"), ""]
    if isinstance(html, EmailMessage):
        size = len(html.get_content().encode("utf-8"))
        lines.append(f"[and the same issue as HTML: {size / 1000:.1f} KB, as in email.html]")
    return "\n".join(lines) + "\n"
