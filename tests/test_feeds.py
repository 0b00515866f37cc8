import datetime as dt
import html
import json
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import feedparser
from click.testing import CliRunner

from digest.cli import main
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


# --- No text from settings or input is live HTML in any feed. ------------------------------

TRACKER = '<img src="http://tracker.example/p.gif"><script>alert(1)</script>'
# Fields that feed readers render as HTML, by format.
RSS_HTML = {"description", "{http://purl.org/rss/1.0/modules/content/}encoded"}
ATOM = "{http://www.w3.org/2005/Atom}"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


def live_tags(html_text: str) -> set[str]:
    parser = _Tags()
    parser.feed(html_text)
    return parser.tags


def html_fields(path: Path) -> list[tuple[str, str]]:
    """(where, HTML) for every field of the feed at `path` that readers render as HTML."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return [(f"{path}: item {i}", item["content_html"]) for i, item in enumerate(data["items"])]
    root = ElementTree.parse(path).getroot()
    found = []
    for element in root.iter():
        html_typed = (
            element.tag in RSS_HTML
            if root.tag == "rss"
            else element.tag.startswith(ATOM) and element.get("type") == "html"
        )
        if html_typed and element.text:
            found.append((f"{path}: {element.tag}", element.text))
    return found


def test_no_text_becomes_live_html_in_any_feed() -> None:
    Path("digest.toml").write_text(
        f"title = {json.dumps('Lab ' + TRACKER)}\n"
        f'[[theme]]\nlabel = {json.dumps(TRACKER)}\nkeywords = ["robot"]\n',
        encoding="utf-8",
    )
    rows = [
        {"id": "r1", "title": "A robot hand", "abstract": "We introduce a robot hand. It works."},
        {
            "id": "x1",
            "title": f"Alone {TRACKER}",
            "abstract": f"We introduce {TRACKER} a parser for galaxy surveys. It scales well.",
        },
    ]
    Path("inbox").mkdir()
    Path("inbox/p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    site = "https://lab.example.org/digest/"
    result = CliRunner().invoke(
        main, ["build", "inbox", "--date", "2026-11-16", "--site-url", site]
    )
    assert result.exit_code == 0, result.output
    feeds = sorted(
        p for p in Path("out").rglob("*") if p.name in ("feed.xml", "atom.xml", "feed.json")
    )
    assert len(feeds) >= 9  # the issue's, the papers', the named theme's: three formats each
    fields = [field for path in feeds for field in html_fields(path)]
    assert len(fields) >= 15
    for where, html_text in fields:
        assert not live_tags(html_text) & {"img", "script"}, where
    # Escaped, not dropped: a reader sees the text as it was written.
    rss = ElementTree.parse("out/feed.xml").getroot()
    description = rss.findtext("channel/item/description") or ""
    assert TRACKER in html.unescape(description)  # the named theme's label
    # As feedparser (and the readers built on it) sees them: its sanitizer keeps <img>.
    for path in feeds:
        if path.suffix == ".xml":
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, path
            details = [parsed.feed.get("subtitle_detail")]
            details += [item.get("summary_detail") for item in parsed.entries]
            for detail in filter(None, details):
                assert detail.type == "text/plain" or "<img" not in detail.value, path
