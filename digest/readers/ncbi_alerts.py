"""My NCBI's e-mail of a saved PubMed search ("This message contains My NCBI what's new
results from the National Center for Biotechnology Information…"), its HTML saved on its own
or read out of a saved mail (turned into lines with its links: markup.html_to_lines):

    Search: breast cancer
    …
    PubMed Results
    Items 1 - 5 of 72

    2. Influence of Body Image in Women Undergoing Treatment for Breast Cancer.
    <http://www.ncbi.nlm.nih.gov/pubmed/28359110>
    Prates AC, Freitas-Junior R, Prates MF, Veloso MF, Barros NM.
    Rev Bras Ginecol Obstet. 2017 Mar 30. doi: 10.1055/s-0037-1601453. [Epub ahead of print]
    PMID: 28359110 [PubMed - as supplied by publisher]

An item is its numbered title, its link, the authors, the citation and the `PMID:` line
(then "Similar articles" and other links). In the e-mail's default Summary format that is
all: every item is a record without an abstract, whose reason names the export to use
instead. Text an item holds besides those lines, if a format of the
e-mail adds it, is its abstract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.readers.identifiers import pubmed_page_pmid
from digest.readers.markup import html_to_lines
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    missing_abstract,
    parsed_from,
)

_MARK = re.compile(r"My NCBI what(?:'|\u2019|&#39;|&#x27;|&apos;)s new results", re.I)
_ITEM = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")
_LINK = re.compile(r"^<(https?://\S+)>$")
_PMID_LINE = re.compile(r"^PMID:\s*(\d+)")
# "Rev Bras Ginecol Obstet. 2017 Mar 30. doi: 10.1055/…": the journal, then the date.
_CITATION = re.compile(r"^(?P<venue>.+?)\.\s+(?P<date>(?:1[89]|20)\d\d\b[^.;:]*)")
_DOI = re.compile(r"\bdoi:\s*(10\.\S+?)\.?(?:\s|$)")
_MIN_ABSTRACT_WORDS = 12
# Why an item is no paper, which loading sums up for the file; a mail of nothing else is
# then refused with it.
_NO_ABSTRACT = (
    "My NCBI's e-mail of a saved search lists no abstracts: open the search in PubMed "
    "('View complete results' in the e-mail), click Save and choose Format: PubMed to save "
    "the abstracts in a file digest reads"
)


def looks_like_ncbi_alert(text: str) -> bool:
    """My NCBI's e-mail of a saved search: its opening sentence, as text or as HTML."""
    return _MARK.search(text[:20_000]) is not None


@dataclass(frozen=True)
class _Item:
    line: int  # 1-based, of its numbered title
    title: str
    lines: tuple[str, ...]  # the item's lines after the title, up to its PMID line


def parse_ncbi_alert(text: str) -> Parsed:
    if "<" in text[:20_000] and re.search(r"<(?:html|body|p|div|table)\b", text[:20_000], re.I):
        text = html_to_lines(text)
    return parsed_from(map(_record, _items([line.strip() for line in text.splitlines()])))


def _items(lines: list[str]) -> list[_Item]:
    """The numbered items, each up to its PMID line (what follows it, up to the next item,
    is links and buttons)."""
    items: list[_Item] = []
    current: list[str] | None = None
    start = 0
    title = ""
    for index, line in enumerate(lines):
        numbered = _ITEM.match(line)
        if numbered and (current is None or not current or _PMID_LINE.match(current[-1])):
            if current is not None:
                items.append(_Item(start, title, tuple(current)))
            start, title, current = index + 1, numbered.group(2), []
        elif current is not None and line and not (current and _PMID_LINE.match(current[-1])):
            current.append(line)
    if current is not None:
        items.append(_Item(start, title, tuple(current)))
    return items


def _record(item: _Item) -> Record | Problem:
    pmid = None
    text: list[str] = []
    for line in item.lines:
        link = _LINK.match(line)
        if link:
            pmid = pmid or pubmed_page_pmid(link.group(1))
        elif found := _PMID_LINE.match(line):
            pmid = found.group(1)
        else:
            text.append(line)
    authors, citation, rest = (text[:1], text[1:2], text[2:]) if len(text) >= 2 else ([], text, [])
    abstract = " ".join(rest)
    if len(abstract.split()) < _MIN_ABSTRACT_WORDS:
        return missing_abstract(item.line, _NO_ABSTRACT, excerpt(item.title))
    source = _CITATION.match(citation[0]) if citation else None
    doi = _DOI.search(citation[0]) if citation else None
    names = authors[0].removesuffix(".").split(", ") if authors else []
    return Record(
        line=item.line,
        abstract=abstract,
        title=item.title,
        authors=tuple(name.strip() for name in names if name.strip()),
        doi=doi.group(1) if doi else None,
        date=source.group("date").strip() if source else None,
        pmid=pmid,
        venue=source.group("venue") if source else None,
    )
