"""JSON Feed 1.1's rules, checked field by field: https://www.jsonfeed.org/version/1.1/"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

VERSION = "https://jsonfeed.org/version/1.1"


def check_json_feed(raw: bytes) -> dict[str, Any]:
    """The required fields (version, title, items; each item's id and content_html or
    content_text), and the types of the optional ones we write. Returns the feed."""
    feed: dict[str, Any] = json.loads(raw)
    assert feed["version"] == VERSION
    assert isinstance(feed["title"], str) and feed["title"]
    assert isinstance(feed["items"], list)
    for key in ("home_page_url", "feed_url", "description", "language"):
        assert isinstance(feed.get(key, ""), str), key
    for author in feed.get("authors", []):
        assert {"name", "url", "avatar"} & set(author), author
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html"), str) or isinstance(
            item.get("content_text"), str
        )
        if "date_published" in item:
            # RFC 3339: a date, a time and a zone.
            assert dt.datetime.fromisoformat(item["date_published"]).tzinfo is not None
        for author in item.get("authors", []):
            assert {"name", "url", "avatar"} & set(author), author
    return feed
