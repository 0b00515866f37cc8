"""DSpace's Simple Archive Format: the `dublin_core.xml` a DSpace repository writes for each
item it exports (`dspace export`, the batch import's input), one item a file:

    <dublin_core schema="dc">
      <dcvalue element="contributor" qualifier="author">Herrera,&#x20;Manuel</dcvalue>
      <dcvalue element="date" qualifier="issued">2006</dcvalue>
      <dcvalue element="identifier" qualifier="uri">http:&#x2F;&#x2F;hdl.handle.net&#x2F;…</dcvalue>
      <dcvalue element="description" qualifier="abstract" language="en_US">…</dcvalue>
      <dcvalue element="title" qualifier="none" language="en_US">…</dcvalue>
    </dublin_core>

The abstract is `description.abstract` (`abstract` in a `dcterms` schema file), the first
when there is one per language; other descriptions (provenance, sponsorship) are not. The
authors are the `contributor`s qualified author (or creator) and `creator`s, "Surname,
Given"; the date is `date.issued`; the links are the `identifier`s (the handle, a DOI).
Read as text, each `dcvalue` line was refused as "not an abstract".
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.readers.identifiers import parse_doi
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    first_name_first,
    missing_abstract,
    parsed_from,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    local,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

_HEAD = 4096
_ROOT = re.compile(r"<dublin_core[\s>]")
_SHAPE = RecordShape(_ROOT, lambda tag, _d: local(tag) == "dublin_core")
_WEB_LINK = re.compile(r"^https?://\S+$")
_AUTHORS = (("contributor", "author"), ("contributor", "creator"), ("creator", ""))


def looks_like_dspace_archive(text: str) -> bool:
    return opens_like_xml(text) and _ROOT.search(text, 0, _HEAD) is not None


def parse_dspace_archive(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "DSpace dublin_core.xml", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    return parsed_from([_record(document.root, start_lines(text, "dublin_core")[0])])


def _record(root: Element, line: int) -> Record | Problem:
    values: dict[tuple[str, str], list[str]] = {}
    for value in root:
        if local(value.tag) == "dcvalue" and (text := " ".join(all_text(value).split())):
            qualifier = value.get("qualifier", "")
            key = (value.get("element", ""), "" if qualifier == "none" else qualifier)
            values.setdefault(key, []).append(text)
    title = _first(values, ("title", ""))
    abstract = _first(values, ("description", "abstract"), ("abstract", ""))
    if not abstract:
        why = "DSpace item without a description.abstract"
        return missing_abstract(line, why, excerpt(title))
    identifiers = _all(values, "identifier")
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(first_name_first(name) for name in _all(values, *_AUTHORS)),
        url=next((link for link in identifiers if _WEB_LINK.match(link)), None),
        doi=next((doi for value in identifiers if (doi := parse_doi(value))), None),
        date=_first(values, ("date", "issued")) or None,
        venue=_first(values, ("relation", "ispartof")) or None,
        keywords=tuple(dict.fromkeys(_all(values, "subject"))),
        metadata=tuple(
            (name, text) for name in ("publisher", "type") if (text := _first(values, (name, "")))
        ),
    )


def _all(values: dict[tuple[str, str], list[str]], *wanted: str | tuple[str, str]) -> list[str]:
    """The texts of the fields wanted, an element (any qualifier) or an element and
    qualifier, in the order the file gives them."""
    return [
        text for key, texts in values.items() if key in wanted or key[0] in wanted for text in texts
    ]


def _first(values: dict[tuple[str, str], list[str]], *wanted: tuple[str, str]) -> str:
    return next(iter(_all(values, *wanted)), "")
