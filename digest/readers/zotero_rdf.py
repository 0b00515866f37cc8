"""Zotero RDF (`<rdf:RDF xmlns:z="http://www.zotero.org/namespaces/export#" …>`), Zotero's
own export format, which keeps everything.

Every node with a `z:itemType` is an item; attachments and notes are not papers and are
passed over without a word. An item's journal is a separate node (`bib:Journal`), inline
in `dcterms:isPartOf` or referenced by `rdf:resource`, and Zotero puts the article's DOI
there ("DOI 10.1007/…"). Authors are `foaf:Person`s in an `rdf:Seq` (an edited book's
editors where it has no authors); tags are `dc:subject`;
"PMID: …", "arXiv: …" and "DOI: …" lines of Zotero's Extra field come as `dc:description`
(Zotero keeps a DOI there for the item types without a DOI field: a preprint before Zotero 7,
a report, a thesis, a book section).

It must be recognised before RSS: RSS 1.0 is RDF too. Read with the standard library's
ElementTree through defusedxml (xml_documents.py); an RDF library (rdflib) would be a large
dependency to read one tree-shaped export.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.readers.identifiers import parse_doi
from digest.readers.markup import (
    decode_entities,
    without_abstract_heading,
    without_keywords_line,
)
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    given_and_family,
    parsed_from,
    split_keywords,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    opens_like_xml,
    parse_xml,
    prepare_xml,
)

_Z = "{http://www.zotero.org/namespaces/export#}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_BIB = "{http://purl.org/net/biblio#}"
_FOAF = "{http://xmlns.com/foaf/0.1/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_SNIFF = re.compile(r"http://www\.zotero\.org/namespaces/export#|http://purl\.org/net/biblio#")
_NOT_PAPERS = frozenset({"attachment", "note", "annotation"})
_ITEM_TYPE = re.compile(r"<(?:[\w.-]+:)?itemType[\s>]")
# Every node under rdf:RDF is a record (items, and the journals they refer to); damage is read
# around from the next item: Zotero writes an item's type first.
_SHAPE = RecordShape(
    re.compile(r"<[\w.:-]+(?:\s[^<>]*)?>\s*<(?:[\w.-]+:)?itemType[\s>]"),
    lambda _tag, depth: depth == 1,
)
_EXTRA_PMID = re.compile(r"\bPMID:\s*(\d+)")
_EXTRA_ARXIV = re.compile(r"\barXiv:\s*(\S+)")
_EXTRA_DOI = re.compile(r"^[^\S\n]*DOI:\s*(\S+)", re.I | re.M)


def looks_like_zotero_rdf(text: str) -> bool:
    head = text[:4096]
    return opens_like_xml(text) and "<rdf:RDF" in head and _SNIFF.search(head) is not None


def parse_zotero_rdf(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "Zotero export", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    root = document.root
    about = {node.get(f"{_RDF}about"): node for node in root if node.get(f"{_RDF}about")}
    items = [node for node in root.iter() if node.find(f"{_Z}itemType") is not None]
    lines = document.lines_of(items, lambda: _item_lines(text))
    papers = [
        (item, line)
        for item, line in zip(items, lines, strict=True)
        if all_text(item.find(f"{_Z}itemType")) not in _NOT_PAPERS
    ]
    problems = document.problems(bool(items), "Zotero RDF without any item")
    return parsed_from((_record(item, line, about) for item, line in papers), problems)


def _item_lines(text: str) -> list[int]:
    """Each item's line: that of the tag just before its `z:itemType` (Zotero writes the
    item type first), in document order."""
    lines: list[int] = []
    line, counted = 1, 0
    for match in _ITEM_TYPE.finditer(text):
        start = max(text.rfind("<", 0, match.start()), counted)
        line += text.count("\n", counted, start)
        counted = start
        lines.append(line)
    return lines


def _record(item: Element, line: int, about: dict[str | None, Element]) -> Record | Problem:
    # Zotero keeps what a site's page gave it: ACM's abstracts escape '<' once more than the
    # page needs ("p-value &lt; 10" in the item, "&amp;lt;" in the RDF).
    title = decode_entities(all_text(item.find(f"{_DC}title")))
    abstract = decode_entities(all_text(item.find(f"{_DCTERMS}abstract")))
    abstract, keywords_line = without_keywords_line(abstract)
    abstract = without_abstract_heading(abstract)
    if not abstract:
        return Problem(line, "no abstract (Zotero item without an abstract)", excerpt(title))
    container = _container(item, about)
    identifiers = [all_text(i) for node in (item, container) if node is not None
                   for i in node.findall(f"{_DC}identifier")]  # fmt: skip
    doi = next(
        (found for i in identifiers if i.startswith("DOI") and (found := parse_doi(i))), None
    )
    url = all_text(item.find(f"{_DC}identifier/{_DCTERMS}URI/{_RDF}value")) or None
    extra = "\n".join(all_text(d) for d in item.findall(f"{_DC}description"))
    pmid, arxiv = _EXTRA_PMID.search(extra), _EXTRA_ARXIV.search(extra)
    if doi is None:
        doi = next((found for m in _EXTRA_DOI.finditer(extra) if (found := parse_doi(m[1]))), None)
    keywords = [all_text(s) for s in item.findall(f"{_DC}subject")] or [
        *split_keywords(keywords_line)
    ]
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv.group(1) if arxiv else None,
        title=title or None,
        # An edited book or proceedings has editors and no authors: its editors are named.
        authors=_people(item.find(f"{_BIB}authors")) or _people(item.find(f"{_BIB}editors")),
        url=url,
        doi=doi,
        date=all_text(item.find(f"{_DC}date")) or None,
        pmid=pmid.group(1) if pmid else None,
        venue=all_text(container.find(f"{_DC}title")) if container is not None else None,
        keywords=tuple(k for k in keywords if k),
        metadata=(("type", all_text(item.find(f"{_Z}itemType"))),),
    )


def _container(item: Element, about: dict[str | None, Element]) -> Element | None:
    """The journal (book, series) an item is part of: inline, or referenced. A newspaper
    article's section is a `bib:Part` of the newspaper ("Opinion" of The New York Times):
    the newspaper is the container, unless it is missing or empty."""
    container = _part_of(item, about)
    if container is not None and container.tag == f"{_BIB}Part":
        # Not `or`: an Element's truth is its number of children, which Python 3.12 warns of.
        whole = _part_of(container, about)
        return whole if whole is not None and len(whole) else container
    return container


def _part_of(node: Element, about: dict[str | None, Element]) -> Element | None:
    part = node.find(f"{_DCTERMS}isPartOf")
    if part is None:
        return None
    inline = next(iter(part), None)
    return inline if inline is not None else about.get(part.get(f"{_RDF}resource"))


def _people(seq: Element | None) -> tuple[str, ...]:
    if seq is None:
        return ()
    names: list[str] = []
    for person in seq.iter(f"{_FOAF}Person"):
        # Older Zotero wrote FOAF's older "givenname" (its RDF import still reads both).
        given = all_text(person.find(f"{_FOAF}givenName")) or all_text(
            person.find(f"{_FOAF}givenname")
        )
        family = all_text(person.find(f"{_FOAF}surname"))
        name = given_and_family(given, family) or all_text(person.find(f"{_FOAF}name"))
        if name:
            names.append(name)
    return tuple(names)
