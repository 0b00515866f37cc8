"""The chat payloads as pure functions: limits on large and pathological issues, the
shortened form of a huge issue, and each platform's escaping."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from digest.chat import (
    MAX_MESSAGES,
    PLATFORMS,
    ChatIssue,
    ChatPaper,
    ChatTheme,
    build_messages,
    chat_issue_of,
    discord_text,
    mattermost_text,
    slack_text,
    teams_text,
    text_length,
)

from webhooks import check_limits

PAGE = "https://lab.example.org/digest/issues/2026-W47.html"


def issue(themes: dict[str, list[ChatPaper]], page_url: str | None = PAGE) -> ChatIssue:
    return ChatIssue(
        title="Lab digest",
        number=3,
        week="2026-W47",
        paper_count=sum(len(p) for p in themes.values()),
        themes=tuple(ChatTheme(label, label.lower(), tuple(p)) for label, p in themes.items()),
        page_url=page_url,
    )


def papers(n: int, tag: str = "", summary: str = "We do a thing " * 12) -> list[ChatPaper]:
    return [
        ChatPaper(f"Paper {tag}{i:04d}", summary.strip(), f"https://arxiv.org/abs/2101.{i:05d}")
        for i in range(n)
    ]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_huge_issue_lists_the_first_papers_of_each_theme_and_links_the_rest(
    platform: str,
) -> None:
    huge = issue({"Robots": papers(3000, "R"), "Language": papers(2000, "L"), "Small": papers(2)})
    messages = build_messages(platform, huge)
    assert 1 <= len(messages) <= MAX_MESSAGES
    for m in messages:
        check_limits(platform, m)
    text = json.dumps(messages, ensure_ascii=False)
    shown = re.findall(r"Paper ([RL]?)(\d{4})", text)
    robots = [int(n) for t, n in shown if t == "R"]
    assert robots == list(range(len(robots))) and 0 < len(robots) <= 20  # the first ones
    assert "Paper 0001" in text  # a small theme is shown whole
    assert f"and {3000 - len(robots)} more in" in text
    if platform != "teams":  # Teams links the full issue with the card's button
        assert text.count(PAGE) >= 2


@pytest.mark.parametrize("platform", PLATFORMS)
def test_pathological_text_still_fits(platform: str) -> None:
    long = ChatPaper("😀&<>" * 3000, "@everyone " * 2000, "https://arxiv.org/abs/2101.00001")
    messages = build_messages(platform, issue({"Ω" * 400: [long] * 30}))
    for m in messages:
        check_limits(platform, m)
    assert "…" in json.dumps(messages, ensure_ascii=False)


def test_a_long_theme_is_split_into_sections_and_embeds_that_say_so() -> None:
    big = issue({"Robots": papers(60)})
    slack = build_messages("slack", big)
    sections = [b["text"]["text"] for m in slack for b in m["blocks"] if b["type"] == "section"]
    assert len(sections) > 1
    assert sections[0].startswith("*Robots*\n") and sections[1].startswith("*Robots (continued)*")
    discord = build_messages("discord", big)
    embeds = [e for m in discord for e in m["embeds"]]
    assert [e["title"] for e in embeds[:2]] == ["Robots", "Robots (continued)"]
    # Discord shows only the first of several embeds with one URL.
    assert [e.get("url") for e in embeds] == [f"{PAGE}#robots"] + [None] * (len(embeds) - 1)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_papers_that_share_no_theme_are_posted_without_a_count_of_themes(platform: str) -> None:
    # An issue's one section "Papers" holds papers that share no theme, as the issue says.
    alone = json.dumps(build_messages(platform, issue({"Papers": papers(3)})))
    assert "3 new papers" in alone and "theme" not in alone
    grouped = json.dumps(build_messages(platform, issue({"Robots": papers(3)})))
    assert "3 new papers in 1 theme" in grouped


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_theme_the_team_named_papers_is_posted_as_a_theme(platform: str) -> None:
    # A named theme "Papers" has keywords: the issue says "in 1 theme", and so does its post.
    paper = {"headline": "Spring tides", "summary": "The moon raises tides.", "url": None}
    named = {"label": "Papers", "keywords": ["tides"], "papers": [paper]}
    data = {"title": "Lab digest", "number": 3, "week": "2026-W47", "paper_count": 1}
    post = json.dumps(build_messages(platform, chat_issue_of(data, [named], PAGE, None)))
    assert "1 new paper in 1 theme" in post
    alone = {**named, "keywords": []}
    post = json.dumps(build_messages(platform, chat_issue_of(data, [alone], PAGE, None)))
    assert "1 new paper" in post and "theme" not in post


def test_text_length_counts_utf16_units() -> None:
    assert text_length("aé") == 2
    assert text_length("😀") == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<!channel> & <@U123>", "&lt;!channel&gt; &amp; &lt;@U123&gt;"),
        ("<https://evil.example|click>", "&lt;https://evil.example|click&gt;"),
        ("two\n\nlines", "two lines"),
    ],
)
def test_slack_text(raw: str, expected: str) -> None:
    assert slack_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@everyone <@123>", "@\u200beveryone \\<@\u200b123>"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        (
            "**b** __u__ ~~s~~ ||sp|| `c`",
            "\\*\\*b\\*\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\`c\\`",
        ),
        ("# head", "\\# head"),
        ("see https://x.example/a`b now", "see `https://x.example/a%60b` now"),
        ("<t:1:R> <:e:1> <#1>", "\\<t:1:R> \\<:e:1> \\<#1>"),
    ],
)
def test_discord_text(raw: str, expected: str) -> None:
    assert discord_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@all <!channel>", "@\u200ball &lt;!channel&gt;"),
        ("~town-square #tag", "~\u200btown-square #\u200btag"),
        ("[x](javascript:1) $x$", "\\[x\\](javascript:1) \\$x\\$"),
        ("www.evil.example", "`www.evil.example`"),
        ("R&D", "R&amp;D"),
    ],
)
def test_mattermost_text(raw: str, expected: str) -> None:
    assert mattermost_text(raw) == expected


def test_teams_text_is_plain_but_defuses_date_functions() -> None:
    assert teams_text("**not bold** {{DATE(2017-02-14T06:08:00Z)}}") == (
        "**not bold** {\u200b{DATE(2017-02-14T06:08:00Z)}}"
    )
    assert teams_text(": a\nb ") == ": a b "


def payloads_of_seeds(platform: str) -> list[dict[str, Any]]:
    return list(build_messages(platform, issue({"Robots": papers(6)})))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_small_issue_is_one_message(platform: str) -> None:
    [message] = payloads_of_seeds(platform)
    assert "part 1" not in json.dumps(message)


SEARCH = "https://scholar.google.com/scholar?q=%22We+study+a+thing%22"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_paper_without_a_page_gets_its_search_link_marked_as_a_search(platform: str) -> None:
    linked = ChatPaper("Linked paper", "We do a thing.", "https://arxiv.org/abs/2101.00001")
    bare = ChatPaper("Bare paper", "We study a thing.", None, SEARCH)
    [message] = build_messages(platform, issue({"Robots": [linked, bare]}))
    flat = json.dumps(message)
    assert flat.count(SEARCH) == 1
    if platform == "teams":
        runs = [
            run
            for block in message["attachments"][0]["content"]["body"]
            for item in block.get("items", [block])
            for run in item.get("inlines", [])
        ]
        search = [r for r in runs if r.get("selectAction", {}).get("url") == SEARCH]
        assert [r["text"] for r in search] == ["search for it"]
        bare_head = next(r for r in runs if r["text"] == "Bare paper")
        assert "selectAction" not in bare_head
    else:
        text = re.sub(r"\s+", " ", flat)
        # The headline is not the link: the search is a link of its own, after the summary.
        assert re.search(r"Bare paper\W+: We study a thing\. \(no link: \S*search for it", text)
        assert not re.search(r"[\[<][^\]>|]*\|?\W*Bare paper", text.replace(SEARCH, "S"))
