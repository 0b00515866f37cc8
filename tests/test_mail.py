import datetime as dt
import email
import email.policy

import pytest

from digest.errors import ConfigError
from digest.mail import build_message, inline_css, message_bytes


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


@pytest.mark.parametrize(
    ("field", "value"),
    [
        # Non-ASCII forces an encoded word: the path of CVE-2024-6923, where the generator
        # did not quote a newline when folding.
        ("subject", "Résumé des articles\nBcc: victim@example.org"),
        ("list_id", "Lab <lab.example.org>\r\nBcc: victim@example.org"),
        ("unsubscribe", "https://lab.example.org/u\nBcc: victim@example.org"),
        ("subject", "Digest\x00 null"),
    ],
)
def test_no_header_can_carry_a_line_break(field: str, value: str) -> None:
    with pytest.raises(ConfigError, match="line break or control character"):
        build(**{field: value})


def test_list_headers_and_one_click_unsubscribe() -> None:
    msg = email.message_from_bytes(
        build(
            list_id="Lab digest <digest.lab.example.org>", unsubscribe="https://lab.example.org/u"
        ),
        policy=email.policy.default,
    )
    assert msg["List-Id"] == "Lab digest <digest.lab.example.org>"
    assert msg["List-Unsubscribe"] == "<https://lab.example.org/u>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mailto = email.message_from_bytes(build(unsubscribe="mailto:leave@lab.example.org"))
    assert mailto["List-Unsubscribe-Post"] is None


def test_inline_css_moves_rules_into_elements_and_fetches_nothing() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="https://evil.example/x.css">'
        "<style>.a { color: red } @media (prefers-color-scheme: dark) { .a { color: blue } }"
        '</style></head><body><p class="a">x</p></body></html>'
    )
    out = inline_css(html)
    assert 'style="color: red;"' in out
    assert "prefers-color-scheme" in out  # kept for clients that honour it
    assert "evil.example" not in out
