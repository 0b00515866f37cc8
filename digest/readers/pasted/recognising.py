"""Whether a file is a paste: Markdown (front matter, headings with paper-ish content, lists
of links, a table) or plain notes (a line that is only a URL beside a title-like line).
"""

from __future__ import annotations

import re

from digest.readers.pasted.blocks import FRONT_MATTER, HEADING, TABLE_ROW, TABLE_RULE, URL_LINE
from digest.readers.pasted.fields import title_like
from digest.readers.pasted.text import LINK
from digest.readers.records import first_lines


def looks_like_markdown(text: str) -> bool:
    """Front matter, headings with paper-ish content, lists of links, or a table (in
    Markdown, or in HTML under a heading)."""
    lines = first_lines(text, 300)
    if not lines:
        return False
    if FRONT_MATTER.match(text.lstrip("\ufeff")):
        return True
    headings = sum(1 for line in lines if HEADING.match(line))
    links = sum(1 for line in lines if LINK.search(line))
    bold_fields = sum(1 for line in lines if line.startswith(("**", "- **", "* **")))
    tables = any(TABLE_RULE.match(line) for line in lines) and any(
        TABLE_ROW.match(line) for line in lines
    )
    # An HTML table under a Markdown heading: a generated index page, a model zoo's list.
    html_table = any(line.lstrip().lower().startswith("<table") for line in lines)
    return (
        tables
        or (headings >= 1 and ((links + bold_fields) >= 1 or html_table))
        or headings >= 2
        or links >= 2
    )


def looks_like_notes(text: str) -> bool:
    """Plain notes: a line that is only a URL, next to a short title-like line."""
    lines = text.split("\n")[:400]
    for index, line in enumerate(lines):
        if URL_LINE.match(line) or _FIELD_URL.match(line):
            near = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
            if any(title_like(n.strip()) for n in near):
                return True
    return False


_FIELD_URL = re.compile(r"^\s*(?:url|link|doi)\s*:\s*\S+\s*$", re.I)
