"""JSON Lines (one object a line) and JSON arrays of objects with named fields."""

from __future__ import annotations

import json
from typing import Any

from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    first_lines,
    record_from_fields,
)


def looks_like_jsonl(text: str) -> bool:
    """Starts with an object, and one of the first lines parses (the first may be broken)."""
    lines = first_lines(text, 20)
    if not lines or not lines[0].startswith("{"):
        return False
    for line in lines:
        try:
            if isinstance(_loads(line), dict):
                return True
        except ValueError:
            continue
    return False


class _TooDeep(ValueError):
    pass


# Deeper than this, the standard library's decoder runs out of stack (RecursionError) and
# would take the whole build down; no export nests anywhere near it.
MAX_DEPTH_HINT = "JSON nested too deep to read (hundreds of levels); no export nests like this"


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise _TooDeep(MAX_DEPTH_HINT) from None


def _raw_decode(decoder: json.JSONDecoder, text: str, pos: int) -> tuple[Any, int]:
    try:
        return decoder.raw_decode(text, pos)
    except RecursionError:
        raise _TooDeep(MAX_DEPTH_HINT) from None


def parse_jsonl(text: str) -> Parsed:
    records: list[Record] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = _loads(line)
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
    # Lines are counted from the last object on, never from the start again: counting
    # from the start for every object made a 20,000-object array take 47 s.
    number, counted = 1, 0
    while True:
        pos = _skip_json_space(text, pos)
        if pos >= len(text) or text[pos] == "]":
            break
        number += text.count("\n", counted, pos)
        counted = pos
        try:
            value, end = _raw_decode(decoder, text, pos)
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
