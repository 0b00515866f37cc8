"""Pieces of arXiv pages read with the lines around them: the header lines of a search result
(its categories, its `doi` tag, its title) and the title line just above a flattened feed
item. What a line of arXiv's holds on its own is recognised in digest/readers/arxiv_pages.py.
"""

from __future__ import annotations

import re

from digest.readers import arxiv_pages
from digest.readers.pasted.blocks import HEADING
from digest.readers.pasted.entries import Entry, Reader
from digest.readers.pasted.fields import labelled_field, title_like
from digest.readers.pasted.text import inline_text


def read_search_result_line(entry: Entry, text: str) -> bool:
    """A line of a search result before its Authors: its category tags, its `doi 10.…` tag,
    or its title (a bare line there). True when the line was used."""
    tags = arxiv_pages.search_tags(text)
    if tags is not None:
        categories, doi = tags
        if categories:
            entry.metadata.append(("subjects", " ".join(categories)))
        if doi:
            entry.ids.setdefault("doi", doi)
        return True
    if re.match(r"^10\.\d{4,9}/\S+$", text):
        entry.ids.setdefault("doi", text)  # the value of the "doi" tag, on its own line
        return True
    labelled = labelled_field(text)
    if not text or (labelled is not None and labelled[0]):  # "Authors: …" ends the header
        return False
    entry.set_title(text, 3)
    return True


def title_before(lines: list[str], number: int) -> tuple[int, str] | None:
    """The title line just before a flattened feed item ("Title" then "arXiv:… Abstract: …")."""
    for index in range(number - 2, max(-1, number - 4), -1):
        text = lines[index].strip()
        if not text:
            continue
        plain = inline_text(text)
        if title_like(plain) and not HEADING.match(text):
            return index + 1, plain
        return None
    return None


def drop_title_line(reader: Reader, line: int) -> None:
    """A title line read as part of a paragraph belongs to the feed item after it."""
    reader.paragraph = [(n, t) for n, t in reader.paragraph if n != line]
    reader.title_lines.add(line)
