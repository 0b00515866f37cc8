"""The email as built by `digest build`: size, links, headers free of paper text."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

from click.testing import CliRunner

from digest.cli import main
from digest.mail import HTML_SIZE_LIMIT

SITE = "https://lab.example.org/digest/"
TOPICS = ["robot", "dialogue", "galaxy", "protein", "graph", "market"]


def build(n: int, *extra: str) -> None:
    Path("inbox").mkdir()
    rows = [
        {
            "id": f"p{i:04d}",
            "title": f"A study of {TOPICS[i % 6]} systems, part {i}\\r\\nBcc: victim@example.org",
            "abstract": (
                f"We introduce method {i} for {TOPICS[i % 6]} analysis with careful evaluation. "
                f"Earlier {TOPICS[i % 6]} work used small data sets and weak baselines only. "
                f"Our {TOPICS[i % 6]} method improves the state of the art by {i % 17} points."
            ),
        }
        for i in range(n)
    ]
    Path("inbox/p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    args = ["build", "inbox", "--date", "2026-11-16", "--site-url", SITE, "-q", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_headers_hold_no_paper_text_and_link_to_the_web_page() -> None:
    build(3)
    raw = Path("out/email.eml").read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert sorted(msg.keys()) == sorted(
        ["Subject", "From", "Date", "Message-ID", "MIME-Version", "Content-Type"]
    )
    assert b"victim" not in raw.split(b"\r\n\r\n", 1)[0]
    html = Path("out/email.html").read_text()
    assert f'href="{SITE}issues/2026-W47.html"' in html
    assert "View this issue in your browser" in html
    assert f"Read it on the web: {SITE}issues/2026-W47.html" in Path("out/email.txt").read_text()
    # The archived page is the full issue, without the link to itself.
    assert "View this issue in your browser" not in Path("out/issues/2026-W47.html").read_text()


def test_css_is_inlined_with_dark_mode_kept() -> None:
    build(3)
    html = Path("out/email.html").read_text()
    assert 'class="card"' in html and "max-width: 600px" in html
    assert "prefers-color-scheme: dark" in html
    head_styles = html.split("<style>")[1].split("</style>")[0]
    assert head_styles.strip().startswith("@media")  # plain rules were moved into elements


def test_a_large_issue_stays_under_the_clipping_size() -> None:
    build(600)
    html = Path("out/email.html").read_bytes()
    assert len(html) <= HTML_SIZE_LIMIT
    assert b"more in this theme" in html
    page = Path("out/issues/2026-W47.html").read_bytes()
    data = json.loads(Path("out/digest.json").read_text())
    assert sum(len(t["papers"]) for t in data["themes"]) == 600
    assert page.count(b'class="paper"') == 600  # the web page keeps every paper
