"""RSS 2.0 and Atom feeds, written with feedgen, and JSON Feed 1.1 beside them, written with
json. feedgen's quirks stay in this module.

- feedgen prepends entries unless told `order="append"`; we append, newest first as given.
- It stamps `now()` as the build date unless told: we set every date from the issues.
- It needs timezone-aware datetimes: issues are dated at 00:00 UTC of their day.
- It raises on XML-illegal characters only when serialising: we remove them first, so one bad
  character in an abstract can never break the feed.
- RSS entries have an author only with an email address: a paper's authors go in dc:creator.

Which fields are HTML: an RSS item's `description` (RSS 2.0: "entity-encoded HTML is
allowed") and, in practice, the channel's (feed readers render both), `content:encoded`, Atom
`content type="html"` and JSON Feed's `content_html`. The content is HTML we rendered with
autoescaping; the summary and the feed's description are plain text (a theme label, an
abstract's sentence, the title), so they are HTML-escaped on their way into an RSS
description, where `<img src=…>` in a label would otherwise load in every reader. Titles are
text in every format (Atom `type="text"`, JSON Feed, RSS by its profile) and stay as they are.

Atom (RFC 4287) requires an author on every entry, or on the feed when an entry has none: every
feed here has a feed-level author.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

# Characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: an issue, a theme of an issue, or one paper (with its authors)."""

    id: str
    title: str
    link: str
    date: dt.date
    content_html: str
    summary: str
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feeds:
    rss: bytes
    atom: bytes
    json: bytes = b""


JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def issue_datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def build_feeds(
    title: str,
    description: str,
    site_url: str,
    entries: Sequence[FeedEntry],
    feed_dir: str = "",
    author: str | None = None,
) -> Feeds:
    """The RSS, Atom and JSON feeds of `entries` (newest first) for the site at `site_url`;
    the feeds themselves live at `site_url + feed_dir` as feed.xml, atom.xml and feed.json.
    `author` is the feed's author (default: its title)."""
    base = site_url + feed_dir
    by = xml_safe(author or title)
    rss = _generator(title, description, site_url, entries, base, "feed.xml", "CDATA", by)
    atom = _generator(title, description, site_url, entries, base, "atom.xml", "html", by)
    return Feeds(
        rss=rss.rss_str(pretty=True),
        atom=atom.atom_str(pretty=True),
        json=_json_feed(title, description, site_url, entries, base + "feed.json", by),
    )


def _json_feed(
    title: str,
    description: str,
    site_url: str,
    entries: Sequence[FeedEntry],
    feed_url: str,
    author: str,
) -> bytes:
    """JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/ (version, title and items are
    required; each item needs an id and content_html or content_text)."""
    items = []
    for entry in entries:
        item: dict[str, object] = {
            "id": entry.id,
            "url": entry.link,
            "title": xml_safe(entry.title),
            "content_html": xml_safe(entry.content_html),
            "summary": xml_safe(entry.summary),
            "date_published": issue_datetime(entry.date).isoformat().replace("+00:00", "Z"),
        }
        if entry.authors:
            item["authors"] = [{"name": xml_safe(name)} for name in entry.authors]
        items.append(item)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": xml_safe(title),
        "home_page_url": site_url,
        "feed_url": feed_url,
        "description": xml_safe(description),
        "language": "en",
        "authors": [{"name": author}],
        "items": items,
    }
    # ASCII only: the bytes are the same whatever a server says the charset is.
    return (json.dumps(feed, indent=1, ensure_ascii=True) + "\n").encode("ascii")


def _generator(
    title: str,
    description: str,
    site_url: str,
    entries: Sequence[FeedEntry],
    base: str,
    name: str,
    content_type: str,
    author: str,
) -> FeedGenerator:
    # One generator per format: RSS wants HTML content in CDATA, Atom wants type="html",
    # and each feed's rel="self" link is its own address.
    fg = FeedGenerator()
    rss = content_type == "CDATA"
    fg.id(base)
    fg.title(xml_safe(title))
    # RSS: the channel's description; Atom: the feed's subtitle, which is text.
    fg.description(_as_html(description) if rss else xml_safe(description))
    fg.language("en")
    fg.generator("digest")
    fg.author({"name": author})
    if rss and any(e.authors for e in entries):
        fg.load_extension("dc", atom=False, rss=True)
    fg.link(href=base + name, rel="self")
    fg.link(href=site_url, rel="alternate")
    newest = max((e.date for e in entries), default=dt.date(1970, 1, 1))
    fg.updated(issue_datetime(newest))
    fg.lastBuildDate(issue_datetime(newest))
    for entry in entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.id)
        fe.guid(entry.id, permalink=entry.id == entry.link)
        fe.title(xml_safe(entry.title))
        fe.link(href=entry.link, rel="alternate")
        fe.published(issue_datetime(entry.date))
        fe.updated(issue_datetime(entry.date))
        # RSS: the item's description, HTML; Atom: replaced by the content just below.
        fe.description(_as_html(entry.summary))
        fe.content(xml_safe(entry.content_html), type=content_type)
        if entry.authors and rss:
            fe.dc.dc_creator([xml_safe(a) for a in entry.authors])
        elif entry.authors:
            fe.author([{"name": xml_safe(a)} for a in entry.authors])
    return fg


def _as_html(text: str) -> str:
    """Plain text for a field that readers take for HTML: it shows as written, never runs."""
    return html.escape(xml_safe(text), quote=False)
