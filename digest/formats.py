"""Structured input formats (JSON Lines, JSON, CSV), the records parsers return, and the
identifiers (arXiv ids, DOIs) found in any format.

A parser turns a file's decoded text into `Record`s (one paper as that file told it) and
`Problem`s (lines that did not become a record, with why). Parsers only split and label;
cleaning, ids and duplicate merging happen in digest/loading.py, the same for every format.
Plain-text dumps have their own module, digest/plaintext.py.

The other formats have a module each: digest/arxiv_listing.py (arXiv's daily email),
digest/saved_feeds.py (RSS/Atom, arXiv API answers), digest/bibtex.py and digest/ris.py. To
add one, write `looks_like_x(text)` and `parse_x(text)` and add them to `FORMATS` in
digest/loading.py, before the plain-text fallback.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    """One paper as one file gave it: raw strings, before cleaning and merging."""

    line: int
    abstract: str
    id: str | None = None
    arxiv: str | None = None  # an arXiv id in any accepted spelling
    title: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    doi: str | None = None
    date: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something in a file that did not become a record. `line` is None for the whole file.

    `notice`: expected in its format and nothing to fix (see models.Skipped)."""

    line: int | None
    reason: str
    excerpt: str = ""
    notice: bool = False


@dataclass(frozen=True)
class Parsed:
    records: tuple[Record, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Format:
    name: str
    looks_like: Callable[[str], bool]
    parse: Callable[[str], Parsed]


def excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- identifiers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ArxivId:
    id: str  # without version: "2112.09332", "hep-th/9901001"
    version: int | None
    end: int  # where the id ended in the text it was read from


_NEW_ID = re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?")
_OLD_ID = re.compile(r"([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?)/(\d{7})(?:v(\d+))?")
_ID_PREFIX = re.compile(
    r"\s*(?:arxiv\s*:\s*|(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)", re.I
)
# Where an id sits inside a longer value: an arxiv.org URL, or arXiv's own DOI.
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.", re.I)
_DOI = re.compile(r"\b(10\.\d{4,9}/\S+)")


def read_arxiv_id(text: str, pos: int = 0) -> ArxivId | None:
    """The arXiv id starting exactly at `pos`, even when text is glued to it.

    Since 2015 (yymm 1501) the number has 5 digits, before it 4: that is how
    "arXiv:1412.69803D models" splits into 1412.6980 + "3D models".
    """
    new = _NEW_ID.match(text, pos)
    if new:
        yymm = int(new.group(1) + new.group(2))
        if not 1 <= int(new.group(2)) <= 12:
            return None
        digits = 5 if yymm >= 1501 else 4
        number = new.group(3)
        if len(number) < digits:
            return None
        if len(number) > digits:  # the 5th digit belongs to the glued text
            return ArxivId(
                f"{new.group(1)}{new.group(2)}.{number[:digits]}", None, new.start(3) + 4
            )
        version = int(new.group(4)) if new.group(4) else None
        return ArxivId(f"{new.group(1)}{new.group(2)}.{number}", version, new.end())
    old = _OLD_ID.match(text, pos)
    if old:
        version = int(old.group(3)) if old.group(3) else None
        return ArxivId(f"{old.group(1)}/{old.group(2)}", version, old.end())
    return None


def arxiv_id_at_start(text: str) -> ArxivId | None:
    """An id that opens the text: "arXiv:2112.09332…", "https://arxiv.org/abs/…"."""
    prefix = _ID_PREFIX.match(text)
    return read_arxiv_id(text, prefix.end()) if prefix else None


def parse_arxiv_field(value: str) -> ArxivId | None:
    """An id given as a field: bare ("2101.00001v2"), prefixed, or an arxiv.org URL."""
    value = value.strip()
    found = arxiv_id_at_start(value) or read_arxiv_id(value)
    if found is None:
        url = _ARXIV_URL.search(value)
        found = read_arxiv_id(value, url.end()) if url else None
    return found


def parse_doi(value: str) -> str | None:
    """The DOI in a field or URL ("https://doi.org/10.1/X" -> "10.1/X"), or None."""
    found = _DOI.search(value)
    return found.group(1).rstrip(".,;)") if found else None


# --- JSON Lines and JSON --------------------------------------------------------------------

# Column/key names we understand; anything else is kept as metadata under its own name.
_FIELD_NAMES: dict[str, str] = {
    "abstract": "abstract", "summary": "abstract", "id": "id", "title": "title",
    "authors": "authors", "author": "authors", "url": "url", "link": "url", "date": "date",
    "published": "date", "doi": "doi", "arxiv_id": "arxiv", "arxiv": "arxiv",
}  # fmt: skip


def looks_like_jsonl(text: str) -> bool:
    """Starts with an object, and one of the first lines parses (the first may be broken)."""
    lines = _first_lines(text, 20)
    if not lines or not lines[0].startswith("{"):
        return False
    for line in lines:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except ValueError:
            continue
    return False


def parse_jsonl(text: str) -> Parsed:
    records: list[Record] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as error:
            reason = f"invalid JSON ({_json_error(error)}); each line must be one object"
            problems.append(Problem(number, reason, excerpt(line)))
            continue
        _add_object(value, number, line, records, problems)
    return Parsed(tuple(records), tuple(problems))


def looks_like_json_array(text: str) -> bool:
    # "[" then "{" or "]": a numbered list of abstracts ("[1] We show…") is not JSON.
    head = "".join(text[:200].split())
    return head.startswith(("[{", "[]"))


def parse_json_array(text: str) -> Parsed:
    """A JSON array of objects; each object's line is where it starts."""
    decoder = json.JSONDecoder()
    records: list[Record] = []
    problems: list[Problem] = []
    pos = text.index("[") + 1
    while True:
        pos = _skip_json_space(text, pos)
        if pos >= len(text) or text[pos] == "]":
            break
        number = text.count("\n", 0, pos) + 1
        try:
            value, end = decoder.raw_decode(text, pos)
        except ValueError as error:
            reason = f"invalid JSON ({_json_error(error)}); the rest of the file is unread"
            problems.append(Problem(number, reason, excerpt(text[pos : pos + 80])))
            break
        _add_object(value, number, text[pos:end], records, problems)
        pos = _skip_json_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1
    return Parsed(tuple(records), tuple(problems))


def _json_error(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        joint = " " if error.msg.endswith(" at") else " at "  # "…string starting at"
        return f"{error.msg}{joint}column {error.colno}"
    return str(error)


def _skip_json_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _add_object(
    value: object, number: int, raw: str, records: list[Record], problems: list[Problem]
) -> None:
    if not isinstance(value, dict):
        problems.append(Problem(number, "not a JSON object", excerpt(raw)))
        return
    fields = [(str(key), _json_text(item)) for key, item in value.items()]
    record = record_from_fields(number, fields)
    if isinstance(record, Problem):
        problems.append(Problem(number, record.reason, excerpt(raw)))
    else:
        records.append(record)


def _json_text(value: object) -> str | list[str]:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str | dict) for v in value):
        # Author lists: plain names, or objects with a "name".
        return [v if isinstance(v, str) else str(v.get("name", "")) for v in value]
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_from_fields(
    line: int, fields: Sequence[tuple[str, str | list[str]]]
) -> Record | Problem:
    """Sort named fields (a JSON object, a CSV row) into a Record; the rest is metadata.

    A field's own name beats a synonym ("abstract" over "summary"); a synonym that lost,
    and every unknown field, is kept as metadata so nothing the user wrote disappears.
    """
    known: dict[str, str | list[str]] = {}
    metadata: list[tuple[str, str]] = []
    synonyms: list[tuple[str, str, str | list[str]]] = []
    for key, value in fields:
        key = key.strip()
        name = _FIELD_NAMES.get(key.lower())
        if not _filled(value):
            continue
        if name == key.lower() and name not in known:
            known[name] = value
        elif name:
            synonyms.append((name, key, value))
        else:
            metadata.append((key, _joined(value)))
    for name, key, value in synonyms:
        if name in known:
            metadata.append((key, _joined(value)))
        else:
            known[name] = value
    abstract = known.get("abstract")
    if not isinstance(abstract, str):
        return Problem(line, "no abstract (no non-empty 'abstract' or 'summary' field)")
    return Record(
        line=line,
        abstract=abstract,
        id=_one(known.get("id")),
        arxiv=_one(known.get("arxiv")),
        title=_one(known.get("title")),
        authors=_authors(known.get("authors")),
        url=_one(known.get("url")),
        doi=_one(known.get("doi")),
        date=_one(known.get("date")),
        metadata=tuple(metadata),
    )


def _filled(value: str | list[str]) -> bool:
    return bool(value.strip()) if isinstance(value, str) else any(v.strip() for v in value)


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "; ".join(v for v in value if v.strip())


def _one(value: str | list[str] | None) -> str | None:
    return None if value is None else _joined(value)


def _authors(value: str | list[str] | None) -> tuple[str, ...]:
    """A list as given; a string split on ';' if it has one, else on ',' and ' and '."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(name.strip() for name in value if name.strip())
    return split_authors(value)


_AUTHOR_SEPARATOR = re.compile(r",\s*and\s+|,|\s+and\s+")


def split_authors(value: str) -> tuple[str, ...]:
    """Names from one string: split on ';' if it has one, else on ',' and ' and '.

    Text in parentheses is an affiliation ("Kofi Mensah (University of Ghana, Legon)") and
    stays with its name, commas and all.
    """
    if ";" in value:
        names: Iterable[str] = value.split(";")
    elif "(" in value:
        names = _split_outside_parentheses(value)
    else:
        names = _AUTHOR_SEPARATOR.split(value)
    return tuple(" ".join(name.split()) for name in names if name.strip())


def _split_outside_parentheses(value: str) -> list[str]:
    names: list[str] = []
    depth, start = 0, 0
    for match in re.finditer(r"[()]|,\s*and\s+|,|\s+and\s+", value):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return names


# --- CSV ------------------------------------------------------------------------------------

_DELIMITERS = (",", "\t", ";")


def _csv_delimiter(text: str) -> str | None:
    """The delimiter that makes the first line a header with an abstract column."""
    first = _first_line(text)
    for delimiter in _DELIMITERS:
        if delimiter not in first:
            continue
        header = next(csv.reader([first], delimiter=delimiter), [])
        names = {_FIELD_NAMES.get(cell.strip().lower()) for cell in header}
        if "abstract" in names or len(names - {None}) >= 2:
            return delimiter
    return None


def looks_like_csv(text: str) -> bool:
    return _csv_delimiter(text) is not None


def parse_csv(text: str) -> Parsed:
    delimiter = _csv_delimiter(text) or ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    records: list[Record] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(start, f"unreadable CSV row ({error})"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            if "abstract" not in {_FIELD_NAMES.get(name.lower()) for name in header}:
                columns = ", ".join(header)
                reason = f"CSV header has no 'abstract' column (found: {columns}); add one"
                return Parsed((), (Problem(start, reason, excerpt(",".join(row))),))
            continue
        fields: list[tuple[str, str | list[str]]] = list(zip(header, row, strict=False))
        fields += [(f"column {i + 1}", cell) for i, cell in enumerate(row) if i >= len(header)]
        record = record_from_fields(start, fields)
        if isinstance(record, Problem):
            reason = "no abstract (the 'abstract' column is empty)"
            problems.append(Problem(start, reason, excerpt(delimiter.join(row))))
        else:
            records.append(record)
    return Parsed(tuple(records), tuple(problems))


def _first_line(text: str) -> str:
    lines = _first_lines(text, 1)
    return lines[0] if lines else ""


def _first_lines(text: str, count: int) -> list[str]:
    found: list[str] = []
    start = 0
    while len(found) < count and start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if line:
            found.append(line)
        start = end + 1
    return found
