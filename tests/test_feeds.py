import datetime as dt

import feedparser

from digest.feeds import FeedEntry, build_feeds

SITE = "https://example.org/digest/"


def entry(week: str, day: dt.date, content: str = "<p>ok</p>") -> FeedEntry:
    link = f"{SITE}issues/{week}.html"
    return FeedEntry(
        id=link,
        title=f"Digest — {week}",
        link=link,
        date=day,
        content_html=content,
        summary="3 papers in 2 themes.",
    )


def test_feeds_parse_cleanly_with_stable_ids_and_issue_dates() -> None:
    entries = [entry("2026-W47", dt.date(2026, 11, 16)), entry("2026-W46", dt.date(2026, 11, 9))]
    feeds = build_feeds("Digest", "Weekly papers", SITE, entries)
    rss, atom = feedparser.parse(feeds.rss), feedparser.parse(feeds.atom)
    assert not rss.bozo and rss.version == "rss20"
    assert not atom.bozo and atom.version == "atom10"
    for parsed in (rss, atom):
        # Newest first, as given: feedgen would prepend without order="append".
        assert [e.id for e in parsed.entries] == [e.id for e in entries]
        assert parsed.entries[0].published_parsed[:3] == (2026, 11, 16)
    assert rss.feed.link == SITE
    assert b'<atom:link href="https://example.org/digest/feed.xml" rel="self"/>' in feeds.rss
    assert b'<link href="https://example.org/digest/atom.xml" rel="self"/>' in feeds.atom
    assert b'<guid isPermaLink="true">' in feeds.rss
    # The build date comes from the newest issue, never the clock.
    assert b"<lastBuildDate>Mon, 16 Nov 2026 00:00:00 +0000</lastBuildDate>" in feeds.rss


def test_xml_illegal_characters_never_break_a_feed() -> None:
    bad = entry("2026-W47", dt.date(2026, 11, 16), content="<p>a\x00b\x1bc\ufffe</p>")
    feeds = build_feeds("Digest\x07", "d", SITE, [bad])
    for raw in (feeds.rss, feeds.atom):
        parsed = feedparser.parse(raw)
        assert not parsed.bozo
        assert "abc" in parsed.entries[0].content[0].value


def test_same_input_same_bytes() -> None:
    entries = [entry("2026-W47", dt.date(2026, 11, 16))]
    assert build_feeds("D", "d", SITE, entries) == build_feeds("D", "d", SITE, entries)
