"""The email as built by `digest build`: size, links, headers free of paper text."""

from __future__ import annotations

import email
import email.policy
import json
import re
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


def test_the_footer_says_why_it_came_and_how_to_stop_it() -> None:
    Path("digest.toml").write_text(
        '[mail]\nlist_id = "Lab digest <digest.lab.example.org>"\n'
        'unsubscribe = "https://lab.example.org/unsubscribe?list=digest"\n'
    )
    build(3)
    html = Path("out/email.html").read_text()
    footer = html.split('class="footer"', 1)[1].split("</td>", 1)[0]
    assert "You get this email because you are on the Lab digest list." in footer
    assert f'<a href="{SITE}index.html"' in footer and "the archive</a>" in footer
    assert '<a href="https://lab.example.org/unsubscribe?list=digest"' in footer
    assert "Unsubscribe</a>" in footer
    text = Path("out/email.txt").read_text()
    assert text.endswith(
        "\n-- \nYou get this email because you are on the Lab digest list.\n"
        f"Every issue: {SITE}index.html\n"
        "Unsubscribe: https://lab.example.org/unsubscribe?list=digest\n"
    )
    # The web page is not an email: no footer about a list.
    assert "You get this email" not in Path("out/issues/2026-W47.html").read_text()


def test_without_an_unsubscribe_link_the_footer_names_the_list_only() -> None:
    build(3)
    html = Path("out/email.html").read_text()
    assert "You get this email because you are on the Research digest list." in html
    assert "Unsubscribe" not in html
    assert "Unsubscribe" not in Path("out/email.txt").read_text()


def test_every_headline_has_the_same_style_linked_or_not() -> None:
    Path("inbox").mkdir()
    rows = [
        {"id": f"p{i}", "title": f"Robot study {i}", "abstract": abstract, **extra}
        for i, extra in enumerate([{"url": "https://arxiv.org/abs/2101.00001"}, {}])
        for abstract in [
            f"We introduce robot method {i} for grasping with careful evaluation. "
            "Earlier robot work used small data sets. Our robot method improves grasping."
        ]
    ]
    Path("inbox/p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = CliRunner().invoke(main, ["build", "inbox", "--date", "2026-11-16", "-q"])
    assert result.exit_code == 0, result.output
    html = Path("out/email.html").read_text()
    headlines = re.findall(r'<p class="headline" style="([^"]*)">(<a [^>]*style="([^"]*)")?', html)
    assert len(headlines) == 2
    colours = set()
    for p_style, _, a_style in headlines:
        colour = re.search(r"(?:^|;)\s*color: ([^;]+)", a_style or p_style)
        assert colour is not None
        colours.add(colour.group(1))
    assert len(colours) == 1, colours


def test_a_huge_word_anywhere_keeps_the_email_under_its_size() -> None:
    word = "x" * 1_000_000
    Path("digest.toml").write_text(
        f'[[theme]]\nlabel = "Robots {word}"\nkeywords = ["robot", "{word}"]\n', encoding="utf-8"
    )
    Path("inbox").mkdir()
    rows = [
        {
            "id": "big",
            "title": f"A robot {word}",
            "abstract": f"We introduce a robot {word} that learns to grasp. It works well.",
        },
        {"id": "small", "title": "A galaxy survey", "abstract": "We map galaxies. It scales."},
    ]
    Path("inbox/p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    args = ["build", "inbox", "--date", "2026-11-16", "--site-url", SITE, "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    html = Path("out/email.html").read_bytes()
    assert len(html) <= HTML_SIZE_LIMIT
    assert b"Robots xxx" in html and "…".encode() in html
    assert b"A galaxy survey" in html  # the other theme is still there
    text = Path("out/email.txt").read_bytes()
    assert len(text) <= HTML_SIZE_LIMIT
