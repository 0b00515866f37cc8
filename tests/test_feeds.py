import datetime as dt

import feedparser

from digest.feeds import FeedEntry, build_feeds

from jsonfeed import check_json_feed

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


def test_every_feed_has_a_feed_level_author() -> None:
    # RFC 4287 4.1.1: an atom:feed must have an author unless every entry has one.
    feeds = build_feeds("Digest", "d", SITE, [entry("2026-W47", dt.date(2026, 11, 16))])
    atom = feedparser.parse(feeds.atom)
    assert not atom.bozo
    assert atom.feed.author_detail.name == "Digest"
    assert check_json_feed(feeds.json)["authors"] == [{"name": "Digest"}]


def test_json_feed_beside_rss_and_atom_has_the_same_items_in_the_same_order() -> None:
    entries = [entry("2026-W47", dt.date(2026, 11, 16)), entry("2026-W46", dt.date(2026, 11, 9))]
    feeds = build_feeds("Digest", "Weekly papers", SITE, entries, feed_dir="papers/")
    feed = check_json_feed(feeds.json)
    assert feed["feed_url"] == f"{SITE}papers/feed.json"
    items = feed["items"]
    assert isinstance(items, list)
    assert [i["id"] for i in items] == [e.id for e in entries]
    assert items[0]["date_published"] == "2026-11-16T00:00:00Z"
    assert items[0]["content_html"] == "<p>ok</p>"


def test_a_paper_entry_names_its_authors_in_every_format() -> None:
    paper = FeedEntry(
        id=f"{SITE}issues/2026-W47.html#p-2110.14168",
        title="GSM8K",
        link=f"{SITE}issues/2026-W47.html#p-2110.14168",
        date=dt.date(2026, 11, 16),
        content_html="<p>Grade school math.</p>",
        summary="Grade school math.",
        authors=("Karl Cobbe", "Vineet Kosaraju"),
    )
    feeds = build_feeds("Digest", "d", SITE, [paper], feed_dir="papers/")
    rss, atom = feedparser.parse(feeds.rss), feedparser.parse(feeds.atom)
    assert not rss.bozo and not atom.bozo
    assert [a.name for a in atom.entries[0].authors] == ["Karl Cobbe", "Vineet Kosaraju"]
    # RSS's own <author> takes an email address only: names go in Dublin Core's creator.
    assert b"<dc:creator>Karl Cobbe</dc:creator>" in feeds.rss
    assert b"<dc:creator>Vineet Kosaraju</dc:creator>" in feeds.rss
    items = check_json_feed(feeds.json)["items"]
    assert isinstance(items, list)
    assert items[0]["authors"] == [{"name": "Karl Cobbe"}, {"name": "Vineet Kosaraju"}]
