"""CSV (or tab- or semicolon-separated) files with a header row naming an abstract column."""

from __future__ import annotations

import csv
import io

from digest.readers.records import (
    FIELD_NAMES,
    Parsed,
    Problem,
    Record,
    excerpt,
    first_line,
    record_from_fields,
)

_DELIMITERS = (",", "\t", ";")


def _csv_delimiter(text: str) -> str | None:
    """The delimiter that makes the first line a header with an abstract column."""
    first = first_line(text)
    for delimiter in _DELIMITERS:
        if delimiter not in first:
            continue
        header = next(csv.reader([first], delimiter=delimiter), [])
        names = {FIELD_NAMES.get(cell.strip().lower()) for cell in header}
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
            if "abstract" not in {FIELD_NAMES.get(name.lower()) for name in header}:
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
