"""Scopus's plain-text export (Export > "Plain text"), each record a citation, then
labelled lines, closed by "SOURCE: Scopus":

    Scopus
    EXPORT DATE: 12 March 2024

    Hossain M.A., Chen L.
    AUTHOR FULL NAMES: Hossain, Mohammad Alamgir (57190000001); Chen, Li (57190000002)
    57190000001; 57190000002
    Graph neural networks for traffic forecasting: A review
    (2023) Transportation Research Part C: Emerging Technologies, 148, art. no. 104012, .
    https://www.scopus.com/inward/record.uri?eid=2-s2.0-85147000001&doi=…
    DOI: 10.1016/j.trc.2023.104012

    AFFILIATIONS: School of Civil Engineering, University of Sydney, …
    ABSTRACT: Graph neural networks have become the leading method for …
    AUTHOR KEYWORDS: Deep learning; Graph neural network; Traffic forecasting
    …
    DOCUMENT TYPE: Review
    SOURCE: Scopus

The unlabelled lines before the labelled ones are, in order, the authors (as "Hossain
M.A., Chen L.", or "Kumar, R., Singh, A." in older exports), their Scopus ids, the title,
and the citation: the year in brackets, the source's name, volume and pages. A labelled
field is one line, but for the references, funding texts and abstract, whose further lines
continue them. An export made without "Abstract & keywords" says which export has the
abstracts. Nothing else writes this, so it is read here.
"""

from __future__ import annotations

import re

from digest.readers.identifiers import parse_doi
from digest.readers.markup import without_abstract_heading
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    first_name_first,
    missing_abstract,
    parsed_from,
    split_authors,
    split_keywords,
)

_END = re.compile(r"^SOURCE: Scopus\s*$", re.M)
_CITATION_LINE = re.compile(r"^\(((?:1[89]|20)\d\d)\)\s+\S", re.M)
_LABELLED = re.compile(r"([A-Z][A-Z0-9 /&()-]{1,40}):(?: (.*)|$)")
# Fields whose value may run on over the lines after the label's.
_RUNNING = re.compile(r"REFERENCES|FUNDING TEXT \d+|ABSTRACT")
# Labels read as labels even before the citation line, where a title may look like one.
_ALWAYS_LABELS = frozenset(
    {"AUTHOR FULL NAMES", "DOI", "ABSTRACT", "AFFILIATIONS", "AUTHOR KEYWORDS", "INDEX KEYWORDS"}
)
_IDS = re.compile(r"[\d;\s]+")
_LINK = re.compile(r"https?://www\.scopus\.com/\S+")
# Where a source's name ends in the citation: its volume, pages, article number, or the
# "Cited N times." after a name alone. Spaces only from where their run starts, so that a
# long run is not rescanned from each of its spaces.
_SOURCE_END = re.compile(
    r",\s*(?=\d|pp\.|p\.\s|art\. no\.)|(?<![\s.])\.?\s+Cited \d+ times?|(?<![\s.])\.?\s*$"
)
_FULL_NAME_ID = re.compile(r"\s*\(\d+\)\s*$")
_NO_AUTHOR = "[No author name available]"


def looks_like_scopus_text(text: str) -> bool:
    """A record's closing "SOURCE: Scopus" line, and a citation line opening with its year
    in brackets."""
    head = text[:200_000]
    if "SOURCE: Scopus" not in head:  # the quick test first: this runs on every text file
        return False
    return _END.search(head) is not None and _CITATION_LINE.search(head) is not None


def parse_scopus_text(text: str) -> Parsed:
    found: list[Record | Problem] = []
    start = 0
    number = 1  # the line `start` is on
    for end in _END.finditer(text):
        found.append(_record(text[start : end.start()], number))
        number += text.count("\n", start, end.end())
        start = end.end()
    return parsed_from(found)


def _record(text: str, number: int) -> Record | Problem:
    head: list[str] = []  # the unlabelled lines before the labelled ones
    fields: dict[str, list[str]] = {}
    running: list[str] | None = None
    first = 0
    cited = False  # the citation line is read: the title ("COVID-19: A REVIEW") is before it
    for at, raw in enumerate(text.split("\n"), start=number):
        line = raw.strip()
        if not line:
            running = None
            continue
        if line == "Scopus" or line.startswith("EXPORT DATE:"):
            continue  # the export's header
        first = first or at
        labelled = _LABELLED.fullmatch(line)
        cited = cited or _CITATION_LINE.match(line) is not None
        if labelled and (cited or labelled.group(1).strip() in _ALWAYS_LABELS):
            label = labelled.group(1).strip()
            values = fields.setdefault(label, [])
            values.append(labelled.group(2) or "")
            running = values if _RUNNING.fullmatch(label) else None
        elif running is not None:
            running[-1] += " " + line
        elif not fields.keys() - {"AUTHOR FULL NAMES", "DOI"}:
            head.append(line)
    return _from_fields(first or number, head, fields)


def _from_fields(line: int, head: list[str], fields: dict[str, list[str]]) -> Record | Problem:
    def value(label: str) -> str:
        return " ".join(fields.get(label, [""])[0].split())

    citation_at = next((i for i, text in enumerate(head) if _CITATION_LINE.match(text)), None)
    named = [
        text
        for text in head[: citation_at if citation_at is not None else len(head)]
        if not _IDS.fullmatch(text) and not _LINK.match(text)
    ]
    title = named[-1] if named else ""
    abstract = without_abstract_heading(value("ABSTRACT"))
    if not abstract:
        return missing_abstract(line, "a Scopus record without an 'ABSTRACT:' line", title)
    full_names = [
        first_name_first(_FULL_NAME_ID.sub("", name))
        for name in value("AUTHOR FULL NAMES").split(";")
        if name.strip()
    ]
    written = named[0] if len(named) > 1 and named[0] != _NO_AUTHOR else ""
    citation = head[citation_at] if citation_at is not None else ""
    year = citation[1:5] if citation else ""
    source = citation[6:].strip()
    venue = source[: cut.start()] if (cut := _SOURCE_END.search(source)) else source
    link = next((text for text in head if _LINK.match(text)), "")
    pmid = value("PUBMED ID")
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(full_names) or split_authors(written),
        url=link or None,
        doi=parse_doi(value("DOI")) or (parse_doi(link) if link else None),
        date=year or None,
        pmid=pmid if pmid.isdigit() else None,
        venue=venue.strip() or value("ABBREVIATED SOURCE TITLE") or None,
        keywords=split_keywords(value("AUTHOR KEYWORDS") or value("INDEX KEYWORDS") or None),
    )
