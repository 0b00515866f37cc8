import datetime as dt
import email
import email.policy

import pytest

from digest.errors import ConfigError
from digest.mail import build_message, message_bytes


def build(**kw: object) -> bytes:
    args: dict[str, object] = {
        "subject": "Digest — 2026-W47",
        "sender": "Lab digest <digest@lab.example.org>",
        "recipients": ["team@lab.example.org"],
        "date": dt.date(2026, 11, 16),
        "message_key": "2026-W47",
        "text": "Plain text é\n",
        "html": "<p>HTML é</p>\n",
    }
    args.update(kw)
    return message_bytes(build_message(**args))  # type: ignore[arg-type]


def test_multipart_alternative_text_first_with_headers() -> None:
    raw = build()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content().replace("\r\n", "\n") == "Plain text é\n"
    assert parts[1].get_content().replace("\r\n", "\n") == "<p>HTML é</p>\n"
    assert msg["Subject"] == "Digest — 2026-W47"
    assert msg["Date"] == "Mon, 16 Nov 2026 00:00:00 +0000"
    assert msg["Message-ID"] == "<digest.2026-W47@lab.example.org>"
    assert msg["To"] == "team@lab.example.org"
    assert raw.count(b"MIME-Version") == 1
    assert b"\r\n" in raw  # SMTP line endings


def test_same_input_same_bytes() -> None:
    assert build() == build()
    assert build() != build(text="Other text\n")


@pytest.mark.parametrize("field", ["subject", "sender"])
def test_header_injection_is_refused(field: str) -> None:
    value = "Digest\r\nBcc: victim@example.org" if field == "subject" else "a@b.org\nBcc: x@y.org"
    with pytest.raises(ConfigError, match="line break"):
        build(**{field: value})


def test_bad_address_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="is not an email address"):
        build(recipients=["nobody"])
