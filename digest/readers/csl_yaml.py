"""CSL YAML: the bibliography pandoc and citeproc read from a YAML document's `references`,
as Better BibTeX's "Better CSL YAML" export and pandoc (`pandoc refs.bib -s -t markdown`)
write it:

    ---
    references:
    - id: Adams2001
      type: article-journal
      title: >-
        The physical volcanology of the 1600 eruption of **Huaynaputina**
      abstract: >-
        …
      author:
        - family: Adams
          given: Nancy K
      container-title: Bulletin of Volcanology
      issued:
        - year: 2014
          month: 12
      DOI: 10.1007/s004450000114
    ...

Each item of `references` is a CSL item and is read as CSL-JSON's are
(scholarly_json.csl_record). Its date is CSL-JSON's `date-parts`, pandoc-citeproc's list of
`{year, month, day}` (Better BibTeX writes these) or an EDTF string (`2014-12-31`, which
YAML reads as a date). Titles and abstracts are pandoc Markdown: `**bold**`, `*italic*`,
`~sub~` and `^sup^` lose their marks, and HTML (`<span class="nocase">`) its tags.

Each item is parsed on its own (PyYAML's safe loader), so a broken one is a Problem on its
line and the others are read. A Markdown document whose front matter holds `references` is
a document, not a bibliography: it is left to the Markdown reader, which reads those
references with `front_matter_references` (a blog post's, as blogdown and Quarto keep the
works it cites, abstracts and all).
"""

from __future__ import annotations

import datetime
import re
import textwrap
from typing import Any

from digest.readers.identifiers import doi_in_addresses, split_addresses
from digest.readers.markup import decode_entities
from digest.readers.records import Parsed, Problem, Record, excerpt, parsed_from
from digest.readers.scholarly_json import csl_record

_HEAD = 4096
_REFERENCES = re.compile(r"^references:[ \t]*$", re.M)
_TOP_LEVEL_KEY = re.compile(r"[A-Za-z_][\w-]*:(?:\s|$)")
# The end of a YAML document: what follows it in a Markdown file is the document's text.
_DOCUMENT_END = re.compile(r"^(?:\.\.\.|---)[ \t]*$", re.M)
_ITEM = re.compile(r"^([ \t]*)-(?:[ \t]|$)")
# A bracketed span with attributes: pandoc-citeproc writes BibTeX's protecting braces
# as "[Toward Game Level Generation]{.nocase}".
_ATTRIBUTED_SPAN = re.compile(r"\[([^\[\]\n]*)\]\{[.#][^{}\n]*\}")
# Bold and italic spans, each with the pattern of its opening mark alone.
_EMPHASIS = (
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), re.compile(r"\*\*(?=\S)")),
    (
        re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"),
        re.compile(r"(?<![\w*\\])\*(?=[^\s*])"),
    ),
)
# Subscript and superscript.
_SCRIPTS = (re.compile(r"~([^~\s]+)~"), re.compile(r"\^([^\^\s]+)\^"))


def looks_like_csl_yaml(text: str) -> bool:
    """A YAML document of top-level keys, one of them `references` holding a list, with
    nothing after the document but blank lines."""
    head = text[:_HEAD]
    found = _REFERENCES.search(head)
    if found is None:
        return False
    before = head[: found.start()].split("\n")
    if before and before[0].strip() == "---":
        before = before[1:]
    for line in before:
        top = line.strip() and not line[:1].isspace() and not line.startswith(("-", "#"))
        if top and not _TOP_LEVEL_KEY.match(line):
            return False
    first_item = next((line for line in head[found.end() :].split("\n") if line.strip()), "")
    if not _ITEM.match(first_item):
        return False
    end = _DOCUMENT_END.search(text, found.end())
    return end is None or not text[end.end() :].strip()


def parse_csl_yaml(text: str, first_line: int = 1) -> Parsed:
    """The CSL items of a YAML text whose first line is the file's line `first_line`."""
    import yaml  # only when a CSL YAML file is read

    lines = text.split("\n")
    found = _REFERENCES.search(text)
    start = text.count("\n", 0, found.start()) + 1 if found else len(lines)
    items = _item_spans(lines, start)
    results: list[Record | Problem] = []
    for first, last in items:
        chunk = textwrap.dedent("\n".join(lines[first:last]))
        try:
            loaded = yaml.safe_load(chunk)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {first + first_line + mark.line}" if mark is not None else ""
            why = getattr(error, "problem", None) or error
            reason = f"unreadable CSL YAML item ({why}{where})"
            results.append(
                Problem(first + first_line, reason, excerpt(" ".join(chunk.split()[:12])))
            )
            continue
        except RecursionError:  # PyYAML composes nested collections by recursion
            reason = "unreadable CSL YAML item (nested too deep: hundreds of levels)"
            results.append(
                Problem(first + first_line, reason, excerpt(" ".join(chunk.split()[:12])))
            )
            continue
        item = loaded[0] if isinstance(loaded, list) and len(loaded) == 1 else loaded
        if not isinstance(item, dict):
            results.append(
                Problem(first + first_line, "not a CSL item (a mapping of fields)", excerpt(chunk))
            )
            continue
        results.append(csl_record(first + first_line, _as_csl_json(item), "CSL YAML"))
    problems = () if items else (Problem(first_line, "CSL YAML without any item in 'references'"),)
    return parsed_from(results, problems)


def front_matter_references(front_matter: str, first_line: int = 1) -> Parsed | None:
    """The CSL items of a Markdown document's front matter (its `---` block, from the
    file's line `first_line`), as a CSL YAML file's; None where it holds no `references`
    list."""
    found = _REFERENCES.search(front_matter)
    if found is None:
        return None
    first = next((line for line in front_matter[found.end() :].split("\n") if line.strip()), "")
    return parse_csl_yaml(front_matter, first_line) if _ITEM.match(first) else None


def _item_spans(lines: list[str], start: int) -> list[tuple[int, int]]:
    """Where each item of the list opened on line `start` (1-based, `references:`) begins
    and ends, as 0-based [first, last) line ranges; the list ends at a line indented less
    than its items, or at the document's end."""
    indent: str | None = None
    starts: list[int] = []
    end = len(lines)
    for number in range(start, len(lines)):
        line = lines[number]
        if not line.strip():
            continue
        item = _ITEM.match(line)
        if indent is None:
            if item is None:
                return []
            indent = item.group(1)
        if _DOCUMENT_END.match(line) or (
            line[: len(indent)] != indent or (not line[len(indent) :].startswith(("-", " ", "\t")))
        ):
            end = number
            break
        if item is not None and item.group(1) == indent:
            starts.append(number)
    return list(zip(starts, [*starts[1:], end], strict=True))


def _as_csl_json(item: dict[Any, Any]) -> dict[str, Any]:
    """The item as CSL-JSON would hold it: string keys, CSL dates, Markdown-free text."""
    csl = {str(key): value for key, value in item.items()}
    for key in ("issued", "accessed"):
        if key in csl:
            csl[key] = _csl_date(csl[key])
    for key in ("title", "abstract", "container-title"):
        if isinstance(csl.get(key), str):
            csl[key] = decode_entities(_ESCAPED_ENTITY.sub("&#", _without_markdown_marks(csl[key])))
    if isinstance(csl.get("URL"), str):
        addresses = split_addresses(_TEX_ESCAPE_IN_URL.sub(_unescaped, csl["URL"]))
        csl["URL"] = addresses[0] if addresses else ""
        if not csl.get("DOI") and (doi := doi_in_addresses(addresses[1:])):
            csl["DOI"] = doi
    return csl


# pandoc-citeproc converts a BibTeX file's fields as they are: Mendeley's HTML entities
# with their "#" escaped as Markdown ("&\\#x201C;rhythm groups,&\\#x201D;"), and its
# url's TeX escapes ("…?id=1814257{\\%}5Cnhttp://dl.acm.org/…", "{~}riedl", "{\\_}14").
_ESCAPED_ENTITY = re.compile(r"&\\#(?=x[0-9A-Fa-f]+;|\d+;)")
_TEX_ESCAPE_IN_URL = re.compile(r"\{\\?([%_&#~$])\}|\\([%_&#$])")


def _unescaped(found: re.Match[str]) -> str:
    return found.group(1) or found.group(2)


def _csl_date(value: Any) -> Any:
    """pandoc-citeproc's `[{year, month, day}, …]` (a range's first date; a `season` for
    the month), or a date YAML read, as CSL-JSON's date-parts."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = value[0]
    if isinstance(value, dict) and "year" in value:
        if value.get("season") is not None and value.get("month") is None:
            # A season beside the year, as CSL-JSON writes it; its mapper reads a season
            # (and leaves out one it cannot read, "season: spring").
            return {"date-parts": [[value["year"]]], "season": value["season"]}
        parts = [value[key] for key in ("year", "month", "day") if value.get(key) is not None]
        return {"date-parts": [parts]}
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    return value


def _without_markdown_marks(text: str) -> str:
    text = _ATTRIBUTED_SPAN.sub(r"\1", text)
    for span, opening in _EMPHASIS:
        text = _spans_unwrapped(span, opening, text)
    for pattern in _SCRIPTS:
        text = pattern.sub(r"\1", text)
    return text


def _spans_unwrapped(span: re.Pattern[str], opening: re.Pattern[str], text: str) -> str:
    """`span.sub(r"\\1", text)`, for an emphasis span of one line, in one pass: `sub` tried
    each opening mark with no closing one after it to the line's end (a title of 10,000
    "**a " took 4 s). A closing mark closes any earlier opening one on its line, so once
    one finds none, none after it on its line does."""
    parts: list[str] = []
    kept = at = 0
    while (opened := opening.search(text, at)) is not None:
        found = span.match(text, opened.start())
        if found is None:
            at = text.find("\n", opened.start())
            if at < 0:
                break
            continue
        parts += (text[kept : found.start()], found.group(1))
        kept = at = found.end()
    parts.append(text[kept:])
    return "".join(parts)
