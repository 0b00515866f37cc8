"""RSS 2.0 and Atom feeds, written with feedgen. feedgen's quirks stay in this module.

- feedgen prepends entries unless told `order="append"`; we append, newest first as given.
- It stamps `now()` as the build date unless told: we set every date from the issues.
- It needs timezone-aware datetimes: issues are dated at 00:00 UTC of their day.
- It raises on XML-illegal characters only when serialising: we remove them first, so one bad
  character in an abstract can never break the feed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

# Characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FeedEntry:
    """One issue as a feed item."""

    id: str
    title: str
    link: str
    date: dt.date
    content_html: str
    summary: str


@dataclass(frozen=True)
class Feeds:
    rss: bytes
    atom: bytes


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
) -> Feeds:
    """The RSS and Atom feeds of `entries` (newest first) for the site at `site_url`; the
    feeds themselves live at `site_url + feed_dir` as feed.xml and atom.xml."""
    base = site_url + feed_dir
    rss = _generator(title, description, site_url, entries, base, "feed.xml", "CDATA")
    atom = _generator(title, description, site_url, entries, base, "atom.xml", "html")
    return Feeds(rss=rss.rss_str(pretty=True), atom=atom.atom_str(pretty=True))


def _generator(
    title: str,
    description: str,
    site_url: str,
    entries: Sequence[FeedEntry],
    base: str,
    name: str,
    content_type: str,
) -> FeedGenerator:
    # One generator per format: RSS wants HTML content in CDATA, Atom wants type="html",
    # and each feed's rel="self" link is its own address.
    fg = FeedGenerator()
    fg.id(base)
    fg.title(xml_safe(title))
    fg.description(xml_safe(description))
    fg.language("en")
    fg.generator("digest")
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
        fe.description(xml_safe(entry.summary))
        fe.content(xml_safe(entry.content_html), type=content_type)
    return fg
