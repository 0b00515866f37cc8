"""JSON: JSON Lines, a JSON array of records, and API answers saved to a file (OpenAlex,
Crossref, Semantic Scholar, Europe PMC, bioRxiv/medRxiv, Zotero's CSL-JSON).

A document is decoded once, by the standard library, walking only the containers that hold
the records (`[...]`, `{"results": [...]}`, `{"message": {"items": [...]}}`, `{"collection":
[...]}`, `{"data": [...]}`, `{"resultList": {"result": [...]}}`, `{"search-results":
{"entry": [...]}}`, a Solr answer's `{"response": {"docs": [...]}}`) element by element, so
each record keeps the line it starts on
and a broken element costs only the rest of the file, not what came before it. Each record
object is then given to the mapper its shape calls for (digest/readers/scholarly_json/);
an object of no known shape is read by its field names ("abstract", "title", …).

The decoder is recursive: a document nested deeper than its stack raises RecursionError,
which is turned into a problem of that file (or that line), never a crash of the build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from digest.readers.markup import looks_like_jats, without_abstract_heading
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    first_lines,
    record_from_fields,
)
from digest.readers.scholarly_json import GENERIC, map_object, newest_versions_first, shape_of
from digest.readers.scholarly_json.values import list_of, markup_free, nested, text_of

# Keys under which API answers keep their list of records, in the order they are looked
# for; "message" is Crossref's envelope (one work, or a list under "items"), "resultList"
# Europe PMC's search (its list under "result"), "result" its /article answer (one record);
# "search-results" is Elsevier's (Scopus, ScienceDirect), its list under "entry";
# "publications" the list of an author (Google Scholar's, as the scholarly library gives it);
# "hits" Zenodo's search, an envelope holding its list under the same name; "response" a
# Solr answer's (NASA ADS's search API), its list under "docs"; "papers" the list a script
# keeps of a day's papers beside its date and counts (an arXiv mail digest's).
_RECORD_LISTS = (
    "results", "items", "collection", "data", "recommendedPapers", "result", "entry",
    "publications", "hits", "records", "articles", "docs", "papers",
)  # fmt: skip
# Springer Nature's answer counts its records in a list under "result": no records.
_PAGE_COUNTS = frozenset({"total", "start", "pageLength", "recordsDisplayed"})
_ENVELOPES = ("message", "resultList", "result", "search-results", "hits", "response")
# A key opening an object, `"key": {`, tried at every quote: the pattern takes only the quote.
_OBJECT_KEY = re.compile(r'"(?=([^"]*)"\s*:\s*\{)')
_TOO_DEEP = "nested too deep to read (hundreds of levels); no export nests like this"


class _Invalid(ValueError):
    """A decoding error with where it happened."""

    def __init__(self, pos: int, reason: str) -> None:
        super().__init__(reason)
        self.pos = pos
        self.reason = reason


_DECODER = json.JSONDecoder()


def _decode_at(text: str, pos: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, pos)
    except RecursionError:
        raise _Invalid(pos, _TOO_DEEP) from None
    except json.JSONDecodeError as error:
        joint = " " if error.msg.endswith(" at") else " at "  # "…string starting at"
        raise _Invalid(error.pos, f"{error.msg}{joint}column {error.colno}") from None


def _loads(text: str) -> Any:
    value, end = _decode_at(text, _skip_space(text, 0))
    if _skip_space(text, end) != len(text):
        raise _Invalid(end, "extra data after the JSON value")
    return value


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


# --- sniffing --------------------------------------------------------------------------------


def looks_like_jsonl(text: str) -> bool:
    """Starts with an object, and one of the first lines parses (the first may be broken).

    Only a line that is not indented counts: in a pretty-printed document the objects on a
    line of their own are nested, hence indented ("{"creatorType": "author", …}")."""
    lines = first_lines(text, 20)
    if not lines or not lines[0].startswith("{"):
        return False
    for line in text.lstrip("\ufeff\r\n").split("\n", 20)[:20]:
        if not line.startswith("{"):
            continue
        try:
            if isinstance(_loads(line), dict):
                return True
        except ValueError:
            continue
    return False


def looks_like_json(text: str) -> bool:
    """A JSON document: an array of records (objects, or null where an API found nothing)
    or an object, opened as JSON opens them. A numbered list of abstracts ("[1] We show…")
    is not JSON."""
    head = "".join(text[:200].split())
    return head.startswith(("[{", "[]", "[null", "[[", '{"', "{}"))


# --- JSON Lines ------------------------------------------------------------------------------


def parse_jsonl(text: str) -> Parsed:
    records: list[Record] = []
    problems: list[Problem] = []
    answers: list[tuple[int, _Located]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = _loads(line)
        except _Invalid as error:
            reason = f"invalid JSON ({error.reason}); each line must be one object"
            problems.append(Problem(number, reason, excerpt(line)))
            continue
        if not (isinstance(value, dict) and (_holds_records(value) or _records_by_key(value))):
            _add(value, number, line, records, problems)
            continue
        # An API answer (or a script's papers by id) saved on one line, as curl saves it:
        # its records all start here.
        located = _Located()
        _collect(value, number, located)
        located.items = _summaries_apart(located.items)
        for _, item in located.items:
            _add(item, number, line, records, problems)
        answers.append((number, located))
    if len(answers) == 1 and not answers[0][1].items and not records:
        problems.append(_empty_answer(answers[0][1].envelope, answers[0][0]))
    name = _source_of([item for _, answer in answers for _, item in answer.items])
    if name == "biorxiv":
        records = newest_versions_first(records)
    # A line of records read one by one stays JSON Lines; an API's one-line answer is named
    # by its source, as the same answer pretty-printed is.
    return Parsed(tuple(records), tuple(problems), format=name if answers else "")


# --- JSON documents --------------------------------------------------------------------------


class _Located:
    """Records found in a document, each with the position it starts at."""

    def __init__(self) -> None:
        self.items: list[tuple[int, Any]] = []
        # The other members of the object that held the records (an API's status, counts).
        self.envelope: dict[str, Any] = {}


def parse_json(text: str) -> Parsed:
    """Every record of a JSON document, each with the line it starts on."""
    records: list[Record] = []
    problems: list[Problem] = []
    located = _Located()
    start = _skip_space(text, 0)
    try:
        _walk(text, start, located, depth=0)
    except _Invalid as error:
        line = _line_of(text, error.pos)
        if located.items:
            reason = f"invalid JSON ({error.reason}); the rest of the file is unread"
        else:
            reason = f"invalid JSON ({error.reason}); the file is unread"
        problems.append(Problem(line, reason, excerpt(text[error.pos : error.pos + 80])))
    if len(located.items) == 1 and _counts_only(located.items[0][1]):
        located.envelope, located.items = located.items[0][1], []
    located.items = _summaries_apart(located.items, text)
    lines = _lines_at(text, [pos for pos, _ in located.items])
    for line, (pos, item) in zip(lines, located.items, strict=True):
        _add(item, line, text[pos : pos + 200], records, problems)
    if not located.items and not problems:
        problems.append(_empty_answer(located.envelope, 1))
    name = _source_of([item for _, item in located.items])
    if name == "biorxiv":
        records = newest_versions_first(records)
    return Parsed(tuple(records), tuple(problems), format=name)


def _summaries_apart(items: list[tuple[int, Any]], text: str = "") -> list[tuple[int, Any]]:
    """E-utilities' esummary answer keeps its document summaries in `result`, each under
    its uid, listed in `result.uids`: each summary is a record of its own, found at its
    `"uid": {` in the document's text where there is one. Scripts keep their papers the same
    way, each under its DOI or id ({"10.3390/en16186462": {"title": …, "abstract": …}, …}).
    Springer Nature's page counts ({"total", "start", "pageLength", "recordsDisplayed"}) are
    no records at all."""
    out: list[tuple[int, Any]] = []
    for pos, item in items:
        if isinstance(item, dict) and item and set(item) <= _PAGE_COUNTS:
            continue
        uids = item.get("uids") if isinstance(item, dict) else None
        if isinstance(uids, list):
            summaries = [
                (uid, summary)
                for uid in map(str, uids)
                if isinstance(summary := item.get(uid), dict)
            ]
        elif _records_by_key(item):
            summaries = [(str(key), record) for key, record in item.items()]
        else:
            out.append((pos, item))
            continue
        at = _keys_at(text, pos, {uid for uid, _ in summaries})
        found = [(at.get(uid, pos), summary) for uid, summary in summaries]
        out.extend(sorted(found, key=lambda found: found[0]))  # as the text has them
    return out


def _records_by_key(item: Any) -> bool:
    """An object whose every member is a paper (with a title or an abstract) under its id."""
    return (
        isinstance(item, dict)
        and bool(item)
        and all(
            isinstance(value, dict) and ("title" in value or "abstract" in value)
            for value in item.values()
        )
    )


def _keys_at(text: str, pos: int, keys: set[str]) -> dict[str, int]:
    """Where each key first opens an object, `"key": {`, in the text from `pos` on: one
    pass over the text for all the keys (a search from `pos` for each key was quadratic:
    4,000 summaries took 4 s)."""
    plain = {key for key in keys if '"' not in key}
    at: dict[str, int] = {}
    for found in _OBJECT_KEY.finditer(text, pos) if plain else ():
        if found.group(1) in plain:
            at.setdefault(found.group(1), found.start())
            if len(at) == len(plain):
                break
    for key in keys - plain:  # a quote in the key: the pattern's [^"]* cannot hold it
        if quoted := re.compile(rf'"{re.escape(key)}"\s*:\s*\{{').search(text, pos):
            at[key] = quoted.start()
    return at


def _source_of(items: list[Any]) -> str:
    """The one source whose shape every known record has; "" if none or several."""
    shapes = {shape_of(item) for item in items if isinstance(item, dict)}
    shapes.discard(GENERIC)
    return shapes.pop() if len(shapes) == 1 else ""


def _counts_only(item: Any) -> bool:
    """OpenAlex's group_by answer without its empty `results` ({"meta": {…}, "group_by":
    [{"key": "2026", "count": 105}, …]}): counts of works, no record."""
    return (
        isinstance(item, dict)
        and isinstance(item.get("meta"), dict)
        and isinstance(item.get("group_by"), list)
    )


def _empty_answer(envelope: dict[str, Any], line: int) -> Problem:
    """An answer without records, with what the API said about it where it says something:
    bioRxiv's `messages[0].status` ("no posts found"), OpenAlex's `group_by` counts."""
    reason = "JSON without any record (an empty list or object)"
    status = next(iter(envelope.get("messages") or [None]), None)
    if isinstance(status, dict) and str(status.get("status", "ok")).lower() != "ok":
        reason = f"{reason}; the API said: {status['status']}"
    if isinstance(error := envelope.get("error"), str):  # E-utilities' "Too many UIDs…"
        reason = f"{reason}; the API said: {error}"
    if envelope.get("group_by"):
        reason = f"{reason}; an OpenAlex group_by answer counts works and lists none"
    return Problem(line, reason)


def _walk(text: str, pos: int, located: _Located, depth: int) -> int:
    """Decode the value at `pos`, collecting records; return where the value ends.

    An array at the top, or under a record-list key, is read element by element; an object
    at the top (or in an envelope) member by member, so that the records' own positions are
    known. Anything else is decoded whole.
    """
    opener = text[pos : pos + 1]
    if opener == "[" and depth <= 2:
        return _walk_array(text, pos, located)
    if opener == "{" and depth <= 1:
        members, end = _walk_object(text, pos, located, depth)
        if members is not None:  # an object that is itself a record
            located.items.append((pos, members))
        return end
    _, end = _decode_at(text, pos)
    return end


def _walk_array(text: str, pos: int, located: _Located) -> int:
    pos = _skip_space(text, pos + 1)
    if text[pos : pos + 1] == "]":
        return pos + 1
    while True:
        value, end = _decode_at(text, pos)
        located.items.append((pos, value))
        pos = _skip_space(text, end)
        if text[pos : pos + 1] == ",":
            pos = _skip_space(text, pos + 1)
        elif text[pos : pos + 1] == "]":
            return pos + 1
        else:
            raise _Invalid(pos, "expected ',' or ']' between records")


def _walk_object(
    text: str, pos: int, located: _Located, depth: int
) -> tuple[dict[str, Any] | None, int]:
    """Members of the object at `pos`. When one of them holds the records (a record list,
    an envelope), they are collected and None is returned for the object itself."""
    members: dict[str, Any] = {}
    lists: dict[str, int] = {}  # record lists met, and where their items start in `located`
    pos = _skip_space(text, pos + 1)
    if text[pos : pos + 1] == "}":
        return members, pos + 1
    while True:
        key, pos = _decode_at(text, pos)
        pos = _skip_space(text, pos)
        if not isinstance(key, str) or text[pos : pos + 1] != ":":
            raise _Invalid(pos, "expected a name and ':' in an object")
        pos = _skip_space(text, pos + 1)
        opener = text[pos : pos + 1]
        if (key in _RECORD_LISTS and opener == "[") or (key in _ENVELOPES and opener == "{"):
            lists[key] = len(located.items)
            pos = _walk(text, pos, located, depth + 1)
        else:
            members[key], pos = _decode_at(text, pos)
        pos = _skip_space(text, pos)
        if text[pos : pos + 1] == ",":
            pos = _skip_space(text, pos + 1)
        elif text[pos : pos + 1] == "}":
            break
        else:
            raise _Invalid(pos, "expected ',' or '}' in an object")
    if lists and "abstract" in members:
        # A record of its own that merely has a field named like a list ("data"): its
        # items go back into it.
        for key, mark in sorted(lists.items(), key=lambda item: item[1], reverse=True):
            inner = [value for _, value in located.items[mark:]]
            members[key] = inner if key in _RECORD_LISTS else (inner[0] if inner else {})
            del located.items[mark:]
        lists = {}
    if lists and depth == 0:
        located.envelope = members
    return (None if lists else members), pos + 1


def _holds_records(value: dict[str, Any]) -> bool:
    """An API's answer: its records under a known key, or only counts of them."""
    return (
        any(isinstance(value.get(key), list) for key in _RECORD_LISTS)
        or any(isinstance(value.get(key), dict) for key in _ENVELOPES)
        or _counts_only(value)
    )


def _collect(value: Any, line: int, located: _Located, depth: int = 0) -> None:
    """The records of an already decoded value (a JSONL line), as `_walk` finds them."""
    if isinstance(value, list) and depth <= 2:
        located.items.extend((line, item) for item in value)
    elif isinstance(value, dict) and depth <= 1 and _holds_records(value):
        if depth == 0:
            located.envelope = value
        # "result" and "hits" are both a record list and an envelope: each key is read once.
        for key in dict.fromkeys(_RECORD_LISTS + _ENVELOPES):
            inner = value.get(key)
            if isinstance(inner, list | dict):
                _collect(inner, line, located, depth + 1)
    else:
        located.items.append((line, value))


def _lines_at(text: str, positions: list[int]) -> Iterator[int]:
    """The line of each position (in increasing order), counting on from the last one."""
    line, counted = 1, 0
    for pos in positions:
        line += text.count("\n", counted, pos)
        counted = pos
        yield line


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


# --- one record ------------------------------------------------------------------------------


def _add(value: Any, line: int, raw: str, records: list[Record], problems: list[Problem]) -> None:
    if value is None:
        # An API's batch answer holds null for each id it did not find: as it sends it.
        reason = "null entry (the API found no paper for one of the ids asked for)"
        problems.append(Problem(line, reason, "null", notice=True))
        return
    if not isinstance(value, dict):
        problems.append(Problem(line, "not a JSON object", excerpt(raw)))
        return
    try:
        found = map_object(line, value)
    except RecursionError:  # a deeply nested field, turned back into text
        found = Problem(line, f"JSON {_TOO_DEEP}")
    if found is None and (said := _api_error(value)):
        found = Problem(line, f"an API's error answer, no record (the API said: {said})")
    if found is None:
        fields = [(str(key), _json_text(item)) for key, item in value.items()]
        found = _without_jats(record_from_fields(line, fields))
    if isinstance(found, Problem):
        problems.append(Problem(line, found.reason, found.excerpt or excerpt(raw), found.notice))
    else:
        records.append(found)


def _without_jats(found: Record | Problem) -> Record | Problem:
    """A record read by its field names, its abstract without the JATS and the heading a
    script copied into it from Crossref's answer (a script's own JSON of Crossref hits:
    "<jats:p>Abstract. Persimmon is one of …"), as Crossref's own answer is read. Other
    markup stays text, as the user wrote it."""
    if isinstance(found, Problem) or not looks_like_jats(found.abstract):
        return found
    abstract = without_abstract_heading(markup_free(found.abstract))
    if not abstract:
        return Problem(found.line, "no abstract (its 'abstract' field holds only markup)")
    return replace(found, abstract=abstract)


# All an API answers when a request fails: Semantic Scholar's gateway {"message": "Endpoint
# request timed out"} and rate limit {"message": "Too Many Requests. …", "code": "429"}, its
# {"error": "Paper with id … not found"}, OpenAlex's {"error": …, "message": …}, Crossref's
# {"status": "failed", "message-type": "validation-failure", "message": [{"message": …}]}.
_ERROR_KEYS = frozenset({"message", "error", "code", "status", "message-type", "message-version"})


def _api_error(value: dict[str, Any]) -> str:
    """What an API's error answer says; "" for any other object."""
    if not set(value) <= _ERROR_KEYS:
        return ""
    said = [value.get("error"), value.get("message")]
    said += [nested(item, "message") for item in list_of(value.get("message"))]
    return "; ".join(dict.fromkeys(text for item in said if (text := text_of(item))))


def _json_text(value: object) -> str | list[str]:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, list) and all(
        isinstance(v, str) or (isinstance(v, dict) and "name" in v) for v in value
    ):
        # Author lists: plain names, or objects with a "name".
        return [v if isinstance(v, str) else str(v["name"]) for v in value]
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
