"""BibTeX (.bib) files, as Zotero, Google Scholar, arXiv and hand-kept reference lists write
them, read with bibtexparser (v2).

Each entry with an `abstract` field is a record; its key is the paper's id, and `eprint`,
`doi` and `url` are kept. An entry without an abstract, and a block bibtexparser could not
read, come back as Problems with their line. Values keep their LaTeX: the loader's cleaning
turns it into Unicode the same way for every format; only BibTeX's case-protecting braces
(`{BERT}`) are removed here, since they mean nothing outside BibTeX.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from digest.readers.records import Parsed, Problem, Record, excerpt

if TYPE_CHECKING:
    from bibtexparser.model import Entry, ParsingFailedBlock

_ENTRY_START = re.compile(r"^[ \t]*@[A-Za-z]+[ \t]*[{(]", re.M)
_HEAD = 8192
# A brace group not opened by a command ("{BERT}", but not "\emph{x}" or "M{\"u}ller"'s
# inner accent, which the LaTeX cleaning reads).
_PROTECTING_BRACES = re.compile(r"(?<![\\A-Za-z])\{([^{}\\]*)\}")
# Fields with a Record field of their own, or that are bookkeeping, not metadata.
_OWN_FIELDS = frozenset(
    {"abstract", "title", "author", "eprint", "doi", "url", "year", "month", "date",
     "archiveprefix", "eprinttype", "primaryclass", "file", "urldate"}
)  # fmt: skip


def looks_like_bibtex(text: str) -> bool:
    """An `@type{` entry start on a line of its own, near the top."""
    return _ENTRY_START.search(text, 0, _HEAD) is not None


@contextmanager
def _quiet_bibtexparser() -> Iterator[None]:
    # bibtexparser logs each block it cannot read; those blocks come back as Problems, so
    # the log lines would only repeat them on the terminal.
    names = [n for n in logging.root.manager.loggerDict if n.startswith("bibtexparser")]
    loggers = [logging.getLogger(name) for name in names]
    were = [logger.disabled for logger in loggers]
    for logger in loggers:
        logger.disabled = True
    try:
        yield
    finally:
        for logger, was in zip(loggers, were, strict=True):
            logger.disabled = was


def parse_bibtex(text: str) -> Parsed:
    # Imported here: bibtexparser costs a tenth of a second to import, and most runs read
    # no BibTeX at all.
    from bibtexparser.entrypoint import parse_string

    with _quiet_bibtexparser():
        library = parse_string(text)
    records: list[Record] = []
    problems: list[Problem] = []
    for entry in library.entries:
        found = _record(entry)
        if isinstance(found, Record):
            records.append(found)
        else:
            problems.append(found)
    for block in library.failed_blocks:
        problems.append(_failed(block))
    problems.sort(key=lambda p: p.line or 0)
    return Parsed(tuple(records), tuple(problems))


def _record(entry: Entry) -> Record | Problem:
    line = (entry.start_line or 0) + 1  # bibtexparser counts from 0
    fields = {key.lower(): str(field.value) for key, field in entry.fields_dict.items()}
    abstract = _unbrace(fields.get("abstract", ""))
    if not abstract.strip():
        reason = f"no abstract (BibTeX entry '{entry.key}' has no 'abstract' field)"
        return Problem(line, reason, excerpt(_unbrace(fields.get("title", entry.key))))
    arxiv = None
    eprint = fields.get("eprint", "")
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "arxiv").lower()
    if eprint and prefix == "arxiv":
        arxiv = eprint
    metadata = [
        (key, _unbrace(value))
        for key, value in sorted(fields.items())
        if key not in _OWN_FIELDS and value.strip()
    ]
    metadata.append(("bibtex type", entry.entry_type.lower()))
    return Record(
        line=line,
        abstract=abstract,
        id=entry.key,
        arxiv=arxiv,
        title=_unbrace(fields["title"]) if "title" in fields else None,
        authors=tuple(_author_name(name) for name in _split_names(fields.get("author", ""))),
        url=fields.get("url") or None,
        doi=fields.get("doi") or None,
        date=fields.get("date") or _year_month(fields),
        metadata=tuple(metadata),
    )


def _failed(block: ParsingFailedBlock) -> Problem:
    from bibtexparser.model import DuplicateBlockKeyBlock

    line = (block.start_line or 0) + 1
    if isinstance(block, DuplicateBlockKeyBlock):
        reason = f"BibTeX entry key '{block.key}' used twice; the second entry is unread"
    else:
        reason = "unreadable BibTeX entry (unbalanced braces or quotes?); fix it or remove it"
    return Problem(line, reason, excerpt(block.raw or ""))


def _unbrace(value: str) -> str:
    if "{" not in value:
        return value
    for _ in range(3):  # nested protection: {{BERT}}
        value, count = _PROTECTING_BRACES.subn(r"\1", value)
        if not count:
            break
    return value


def _split_names(value: str) -> list[str]:
    """BibTeX separates names with ' and ' (any case), never inside braces."""
    names: list[str] = []
    depth, start = 0, 0
    for match in re.finditer(r"[{}]|\s+and\s+", value, re.I):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return [" ".join(name.split()) for name in names if name.strip()]


def _author_name(name: str) -> str:
    """'Last, First' -> 'First Last'; other forms (and 'Last, Jr., First') as written."""
    name = _unbrace(name)
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and all(parts):
        return f"{parts[1]} {parts[0]}"
    return name


def _year_month(fields: dict[str, str]) -> str | None:
    year = fields.get("year", "").strip()
    month = fields.get("month", "").strip()
    if not year:
        return None
    return f"{month} {year}" if month else year
