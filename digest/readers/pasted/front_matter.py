"""A note's front matter (the `---` block a web clipper writes): the properties that name a
paper, and how they fill in what a clipped page's text left out.
"""

from __future__ import annotations

import json
import re

from digest.readers.pasted.blocks import HEADING
from digest.readers.pasted.entries import Entry, Reader
from digest.readers.pasted.fields import date_value
from digest.readers.pasted.text import inline_text
from digest.readers.records import split_authors

# A YAML block scalar's indicator ("abstract: >-"): the value is on the indented lines after.
_BLOCK_SCALAR = re.compile(r"[>|][-+]?")
# A flow sequence's items ("authors: ["Ana Lima (Univ A)", "Kofi Mensah"]"): quoted, or
# bare up to the next comma.
_FLOW_ITEM = re.compile(r"\"([^\"]*)\"|'([^']*)'|([^,\"']+)")
# A page's label kept in the value a script scraped: "Authors:Alex DeWeese, Guannan Qu".
_AUTHORS_LABEL = re.compile(r"^authors?\s*:\s*", re.I)
# The properties that link a note to its paper, the ids first; Hugo Academic's (Wowchemy's)
# `url_pdf:` and `links:` list (its items' `name: arXiv`, `url: https://arxiv.org/abs/…`).
_LINKED = ("doi", "arxiv", "source", "url", "originalurl", "link", "pdf", "url_pdf", "links")
# A Hugo Academic author that is a site profile's id written as one word ("LevGrossman"):
# the page shows the profile's name, those words.
_PROFILE_ID = re.compile(r"(?:[A-Z][a-z]+){2,4}")


def front_matter_properties(block: str) -> dict[str, str]:
    """The note's front matter properties that name a paper: top-level `key: value` lines,
    a folded value's indented lines, and a `- item` or `[a, b]` list joined with commas. Only these
    shapes: a clipper writes them, and a YAML parser is not worth a dependency for them."""
    found: dict[str, list[str]] = {}
    key = ""
    for line in block.split("\n"):
        top = re.match(r"^([A-Za-z_][\w -]{0,40}):\s*(.*)$", line)
        if top:
            key = top.group(1).strip().lower()
            value = top.group(2).strip()
            if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
                # A list on one line, as a script writes it: its items, as a "- item" list's.
                found[key] = _flow_items(value[1:-1])
            else:
                found[key] = [value] if value else []
        elif key and line.startswith((" ", "\t", "-")) and line.strip():
            item = re.match(r"^\s*-\s+(.*)$", line)
            parts = found[key]
            if item:
                parts.append(item.group(1).strip())
            elif parts and not _BLOCK_SCALAR.fullmatch(parts[-1]):
                parts[-1] += " " + line.strip()  # a folded value's next line
            else:
                parts.append(line.strip())
    values: dict[str, str] = {}
    for key, parts in found.items():
        if parts and _BLOCK_SCALAR.fullmatch(parts[0]):
            parts = [" ".join(parts[1:])]  # "abstract: >-", its text on the indented lines
        cleaned = [re.sub(r"^\[\[|\]\]$", "", _unquoted(p)) for p in parts if p.strip("'\" ")]
        if cleaned and not cleaned[0].startswith(("[", "{", "|", ">")):
            values[key] = ", ".join(cleaned)
    return values


def _flow_items(text: str) -> list[str]:
    """The items of a list written on one line ("a, 'b, c', \"d\""), each without its quotes."""
    return ["".join(item) for item in _FLOW_ITEM.findall(text)]


def _unquoted(value: str) -> str:
    """A property's value as YAML reads it. A double-quoted one has its escapes undone: a
    note written with JSON strings for values gives arXiv's TeX `Le\\"ina` as `"Le\\\\\\"ina"`,
    whose backslashes read as written were TeX's line break ("Le \u00efna")."""
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] == '"':
        try:
            value = str(json.loads(value)).strip()
        except ValueError:  # an escape YAML has and JSON has not ("\\x41"): quotes only
            return value.strip("'\" ")
        if value[:1] == value[-1:] == '"' and '","' in value:
            # A list's items, each in its own quotes inside the value's: a script's JSON
            # list joined by commas (`author: "\\"Bo Liao\\",\\"Fang Wu\\""`).
            return ", ".join(_flow_items(value))
        return value
    return value.strip("'\" ")


def apply_properties(reader: Reader, entry: Entry) -> None:
    """A clipped page's properties fill what its text left out: title, link, authors, date.
    Only a note that names its source (a clipping) lends its authors and date: a note's own
    `author:` may be its writer's."""
    properties = reader.properties
    # Hugo Academic's publication page: its type and its venue, "In *[Name](site)*".
    hugo = "publication_types" in properties
    if properties.get("title") and not entry.title:
        entry.set_title(properties["title"], 2)
    if not add_property_ids(reader, entry):
        return
    names = _AUTHORS_LABEL.sub("", properties.get("authors") or properties.get("author") or "")
    if names and not entry.authors:
        # Hugo Academic lists its site's owner as the profile `admin`, a name it never shows.
        entry.authors = tuple(
            _profile_name(name) if hugo else name
            for name in split_authors(names)
            if name != "admin"
        )
    # Astro's `pubDate` and Hugo's `publishDate` too; a value without a digit is a
    # placeholder ("pendiente"), no date.
    for key in ("published", "date", "pubdate", "publishdate", "date_published",
                "publication_date", "year"):  # fmt: skip
        value = properties.get(key, "")
        if any(character.isdigit() for character in value):
            entry.date = entry.date or date_value(value)
    entry.venue = entry.venue or properties.get("venue") or properties.get("journal") or ""
    if hugo and not entry.venue:
        entry.venue = re.sub(r"^In\s+", "", inline_text(properties.get("publication", "")))


def _profile_name(name: str) -> str:
    """A Hugo Academic author as its page shows it: a profile id's words ("Lev Grossman")."""
    if _PROFILE_ID.fullmatch(name):
        return " ".join(re.findall(r"[A-Z][a-z]+", name))
    return name


def add_property_ids(reader: Reader, entry: Entry) -> bool:
    """The ids and links the note's properties give (`doi`, `url`, `source`…) added to the
    entry; whether any property links to the paper."""
    linked = _linked_keys(reader.properties)
    for key in linked:
        reader.add_ids(entry, reader.properties[key], prefer=key if key in ("doi", "arxiv") else "")
    return bool(linked)


def is_item_note(properties: dict[str, str], body: list[str]) -> bool:
    """A feed item kept as a note: properties that give a paper's title and link, then its
    description as the whole text, under no heading (an Astro content file's `title:`, `url:`,
    `pubDate:`, then the MDPI item's abstract, unlabelled)."""
    linked = bool(_linked_keys(properties))
    return bool(properties.get("title")) and linked and not any(map(HEADING.match, body))


def _linked_keys(properties: dict[str, str]) -> list[str]:
    """The properties, of those that can link to the paper, that the note fills."""
    return [key for key in _LINKED if properties.get(key)]


def names_one_paper(reader: Reader) -> bool:
    """The note's properties link to one paper by its arXiv id or DOI: a note about it."""
    named = Entry(0, "front")
    add_property_ids(reader, named)
    return "arxiv" in named.ids or "doi" in named.ids
