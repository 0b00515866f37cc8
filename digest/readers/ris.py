"""RIS files (Zotero, Mendeley, EndNote exports), read with rispy.

    TY  - JOUR
    TI  - Retrieval-Augmented Generation …
    AU  - Lewis, Patrick
    AB  - Large pre-trained language models …
    DO  - 10.5555/…
    ER  -

rispy silently drops a record that lacks its closing `ER` line and any text between
records, so this module splits the file into records itself (which also gives each its
line) and hands rispy one record at a time: nothing is lost without a Problem saying so.
"""

from __future__ import annotations

import re

import rispy  # type: ignore[import-untyped]

from digest.readers.records import Parsed, Problem, Record, excerpt

_START = re.compile(r"^\s*TY  - ", re.M)
_HEAD = 4096
# rispy's names for what has a Record field of its own, or is bookkeeping.
_OWN_FIELDS = frozenset(
    {"abstract", "notes_abstract", "title", "primary_title", "authors", "first_authors",
     "doi", "urls", "year", "publication_year", "date", "id", "end_of_reference",
     "unknown_tag", "file_attachments1", "file_attachments2", "access_date"}
)  # fmt: skip


def looks_like_ris(text: str) -> bool:
    """A `TY  - ` line opens the file (after blank lines), as every RIS export does."""
    match = _START.search(text, 0, _HEAD)
    return match is not None and not text[: match.start()].strip()


def parse_ris(text: str) -> Parsed:
    records: list[Record] = []
    problems: list[Problem] = []
    chunk: list[str] = []
    start = 0
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("TY  -"):
            if chunk:
                _finish(start, chunk, records, problems, closed=False)
            chunk, start = [line.lstrip()], number
        elif chunk:
            chunk.append(line)
            if line.startswith("ER  -"):
                _finish(start, chunk, records, problems, closed=True)
                chunk = []
        elif line.strip():
            reason = "text outside a RIS record (records run from 'TY  -' to 'ER  -')"
            problems.append(Problem(number, reason, excerpt(line)))
    if chunk:
        _finish(start, chunk, records, problems, closed=False)
    return Parsed(tuple(records), tuple(problems))


def _finish(
    line: int, chunk: list[str], records: list[Record], problems: list[Problem], closed: bool
) -> None:
    if not closed:
        chunk = [*chunk, "ER  - "]
    [entry] = _rispy_loads("\n".join(chunk) + "\n")
    abstract = _first(entry, "abstract", "notes_abstract")
    title = _first(entry, "title", "primary_title")
    if not abstract:
        reason = "no abstract (RIS record without an 'AB' or 'N2' line)"
        problems.append(Problem(line, reason, excerpt(title)))
        return
    metadata = [
        (key.replace("_", " "), _joined(value))
        for key, value in sorted(entry.items())
        if key not in _OWN_FIELDS and _joined(value)
    ]
    if not closed:
        metadata.append(("note", "record had no closing ER line"))
    urls = _list(entry.get("urls"))
    names = _list(entry.get("authors")) + _list(entry.get("first_authors"))
    records.append(
        Record(
            line=line,
            abstract=abstract,
            id=_first(entry, "id") or None,
            title=title or None,
            authors=tuple(_name(name) for name in names),
            url=urls[0] if urls else None,
            doi=_first(entry, "doi") or None,
            date=_first(entry, "date", "year", "publication_year") or None,
            metadata=tuple(metadata),
        )
    )


def _rispy_loads(text: str) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = rispy.loads(text)
    return entries


def _first(entry: dict[str, object], *keys: str) -> str:
    for key in keys:
        value = _joined(entry.get(key))
        if value:
            return value
    return ""


def _list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value else []


def _joined(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if str(v).strip())
    return str(value).strip() if value is not None else ""


def _name(name: str) -> str:
    """'Lewis, Patrick' -> 'Patrick Lewis'; RIS may add a suffix: 'King, Martin L., Jr.'."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and all(parts):
        return f"{parts[1]} {parts[0]}"
    return name.strip()
