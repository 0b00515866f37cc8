"""Field lines that a hard-wrapped copy (a text browser's dump, a mail client's) carries on
over the next lines, `Title:…Secretly a` then `Reward Model`: joined into one line before it
is read.
"""

from __future__ import annotations

import re

from digest.readers.pasted.blocks import HEADING, ITEM, QUOTE, RULE, TABLE_ROW
from digest.readers.pasted.fields import labelled_field
from digest.readers.pasted.text import SENTENCE_END, URL, is_prose
from digest.readers.plaintext import NAME, looks_like_names

# A field's value that a hard-wrapped copy (a text browser's dump, a mail client's) carries
# on to the next lines: "Title:…Secretly a" then "Reward Model". Only a line that reached a
# wrap width was wrapped; one that ends short ended there.
_WRAP_WIDTH = 60
_WRAPPED_FIELDS = frozenset({"title", "authors", "subjects", "venue", "comments"})


def wrapped_field(lines: list[str], index: int) -> tuple[str, int] | None:
    """A field line and the lines that continue its value, joined, and the number of the
    last line taken; or None when the line is no field or its value ends on it."""
    first = lines[index]
    if len(first.rstrip()) < _WRAP_WIDTH or QUOTE.match(first):
        return None
    found = labelled_field(first.strip())
    if found is None or found[0] not in _WRAPPED_FIELDS:
        return None
    if found[0] != "authors" and SENTENCE_END.search(first.rstrip()):
        return None  # an author's initial ("Tom B. Brown") ends no sentence
    # A list item's field goes on only on lines indented under it ("- Authors: …, Rui Costa,"
    # then "  Ana Lima, …"): a line back at its margin is the text after the list.
    item = ITEM.match(first)
    margin = len(item.group(1)) if item else -1
    taken = [first.rstrip()]
    for offset, line in enumerate(lines[index + 1 : index + 4], index + 1):
        if len(line) - len(line.lstrip()) <= margin or not _continues(found[0], line):
            break
        if found[0] == "title" and _unlabelled_authors(lines, offset):
            break
        taken.append(line.strip())
        if len(line.rstrip()) < _WRAP_WIDTH:
            break  # a short line ends the value
    return (" ".join(taken), index + len(taken)) if len(taken) > 1 else None


def _unlabelled_authors(lines: list[str], index: int) -> bool:
    """The names under a title that arXiv's listing pages print without an "Authors:" label,
    a field other than the authors on the next line ("Comments:", "Subjects:")."""
    after = labelled_field(lines[index + 1].strip()) if index + 1 < len(lines) else None
    named = looks_like_names(lines[index].strip())
    return named and after is not None and after[0] not in ("title", "authors")


def _continues(name: str, line: str) -> bool:
    """A line that can carry on a wrapped field's value: no field, no Markdown structure, no
    link, no prose; for authors, names (what an abstract page puts after them ends them)."""
    text = line.strip()
    if not text or labelled_field(text) is not None or URL.search(text):
        return False
    if text.endswith(":"):
        return False  # "Related DOI:", a label whose value is on the line after it
    if any(p.match(line) for p in (HEADING, RULE, ITEM, QUOTE, TABLE_ROW)):
        return False
    if name == "authors":
        names = [part.strip() for part in re.split(r",|\band\b", text) if part.strip()]
        return all(NAME.match(part) and part[:1].isupper() for part in names)
    return len(text.split()) <= 15 and not SENTENCE_END.search(text) and not is_prose(text)
