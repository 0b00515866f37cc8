"""MODS XML (the Library of Congress's Metadata Object Description Schema), as Zotero,
Paperpile, JabRef and bibutils (`bib2xml`) export a library, and as the ACL Anthology gives
each paper and volume:

    <modsCollection xmlns="http://www.loc.gov/mods/v3">
      <mods ID="santhanam-etal-2022-colbertv2">
        <titleInfo><nonSort>The</nonSort><title>…</title><subTitle>…</subTitle></titleInfo>
        <name type="personal"><namePart type="given">Keshav</namePart>
          <namePart type="family">Santhanam</namePart>
          <role><roleTerm type="text">author</roleTerm></role></name>
        <originInfo><dateIssued>2022-07</dateIssued></originInfo>
        <relatedItem type="host"><titleInfo><title>Proceedings of …</title></titleInfo>
          <part><date>2022</date>…</part></relatedItem>
        <abstract>…</abstract>
        <subject><topic>retrieval</topic></subject>
        <identifier type="doi">10.18653/…</identifier>
        <location><url>https://aclanthology.org/…</url></location>
      </mods>…

Each `mods` element is a record, with or without the `mods:` prefix, alone or in a
collection. Its authors are its own `name`s whose role is author (or that name no role);
editors, and the names of the `relatedItem` it is part of, are not. Its venue is the title
of that host item (a journal, proceedings, a book); its date the item's own `dateIssued`,
or else the host's (Zotero dates a journal article in its host's `originInfo`). Several
`abstract` elements are paragraphs of one abstract, as Zotero reads them, unless they are
in several languages (`lang="eng"`, `lang="swe"`): then the English ones are the abstract.
Zotero writes its Extra field as a `note`, whose "PMID: …" and "arXiv: …" lines are the
paper's ids.

Read with the standard library's ElementTree through defusedxml (xml_documents.py): the
MODS libraries (pymods) read library catalogues' fields, not a reference manager's.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.readers.identifiers import parse_doi
from digest.readers.markup import without_abstract_heading, without_keywords_line
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    first_name_first,
    missing_abstract,
    parsed_from,
    split_keywords,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    children_by_name,
    descendants_by_name,
    in_one_language,
    local,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

_HEAD = 4096
_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:modsCollection|mods)[\s>]")
_NAMESPACE = "www.loc.gov/mods/"
_SHAPE = RecordShape(re.compile(r"<(?:[\w.-]+:)?mods[\s>]"), lambda tag, _d: local(tag) == "mods")
# A title that is not the item's own: another language's, an abbreviation, a cataloguer's.
_OTHER_TITLES = frozenset({"abbreviated", "alternative", "translated", "uniform"})
# MARC relator terms and codes for whoever wrote the item (bibutils writes "author",
# Zotero "aut", library catalogues "creator"/"cre").
_AUTHOR_ROLES = frozenset({"author", "aut", "creator", "cre"})
_NOT_A_LINK = frozenset({"preview"})
_PRIMARY = frozenset({"primary", "primary display"})
_PMID = re.compile(r"\d{1,9}")
# Zotero writes its Extra field as a <note>: "PMID: 22006061", "arXiv: 2106.01234".
_NOTE_PMID = re.compile(r"\bPMID:\s*(\d{1,9})\b")
_NOTE_ARXIV = re.compile(r"\barXiv:\s*(\S+)")


def looks_like_mods(text: str) -> bool:
    head = text[:_HEAD]
    return opens_like_xml(text) and _NAMESPACE in head and _ROOT.search(head) is not None


def parse_mods(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "MODS export", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    found = descendants_by_name(document.root, "mods")
    lines = document.lines_of(found, lambda: start_lines(text, "mods"))
    problems = document.problems(bool(found), "MODS XML without any <mods> record")
    return parsed_from(map(mods_record, found, lines), problems)


def mods_record(mods: Element, line: int) -> Record | Problem:
    kids = children_by_name(mods)
    title = _title(kids.get("titleInfo", []))
    paragraphs = [all_text(part) for part in in_one_language(kids.get("abstract", []))]
    abstract, keywords_line = without_keywords_line("\n\n".join(p for p in paragraphs if p))
    abstract = without_abstract_heading(abstract)
    if not abstract:
        return missing_abstract(line, "MODS record without an <abstract>", excerpt(title))
    host = next((item for item in kids.get("relatedItem", []) if item.get("type") == "host"), None)
    host_kids = children_by_name(host) if host is not None else {}
    identifiers = _identifiers(kids.get("identifier", []))
    links = _links(kids.get("location", []))
    doi = parse_doi(identifiers.get("doi", "")) or next(
        (found for link in links if "doi.org/" in link and (found := parse_doi(link))), None
    )
    notes = "\n".join(all_text(note) for note in kids.get("note", []))
    in_note = _NOTE_PMID.search(notes)
    pmid = identifiers.get("pmid") or identifiers.get("pubmed") or ""
    pmid = pmid if _PMID.fullmatch(pmid) else in_note.group(1) if in_note else ""
    arxiv = identifiers.get("arxiv") or identifiers.get("eprint")
    arxiv_note = _NOTE_ARXIV.search(notes)
    genre = next((all_text(g) for g in kids.get("genre", []) if all_text(g)), "")
    publisher = _first(kids, "originInfo", "publisher") or _first(
        host_kids, "originInfo", "publisher"
    )
    metadata = [("type", genre), ("publisher", publisher)]
    return Record(
        line=line,
        abstract=abstract,
        id=mods.get("ID") or identifiers.get("citekey") or None,
        arxiv=arxiv or (arxiv_note.group(1) if arxiv_note else None),
        title=title or None,
        authors=_authors(kids.get("name", [])),
        url=links[0] if links else identifiers.get("uri") or identifiers.get("url") or None,
        doi=doi,
        date=_date(kids, host_kids) or None,
        pmid=pmid or None,
        venue=_title(host_kids.get("titleInfo", [])) or None,
        keywords=_keywords(kids.get("subject", [])) or split_keywords(keywords_line),
        metadata=tuple((key, value) for key, value in metadata if value),
    )


def _title(infos: list[Element]) -> str:
    """The item's own title: "The" (nonSort) + title + ": " + subtitle."""
    own = [info for info in infos if info.get("type") not in _OTHER_TITLES] or infos
    if not own:
        return ""
    parts = children_by_name(own[0])
    title = " ".join(all_text(t) for t in parts.get("title", []))
    nonsort = "".join("".join(n.itertext()) for n in parts.get("nonSort", []))
    if nonsort.strip():
        joined = nonsort.endswith((" ", "'", "\u2019", "-"))
        title = nonsort.lstrip() + ("" if joined else " ") + title
    subtitle = " ".join(all_text(s) for s in parts.get("subTitle", []))
    if subtitle:
        title = f"{title.rstrip(' :')}: {subtitle}"
    return " ".join(title.split())


def _authors(names: list[Element]) -> tuple[str, ...]:
    authors: list[str] = []
    for name in names:
        roles = {all_text(term).casefold() for term in name.iter() if local(term.tag) == "roleTerm"}
        if roles and not roles & _AUTHOR_ROLES:
            continue  # an editor, a translator, a degree grantor
        written = _name(name)
        if written:
            authors.append(written)
    return tuple(authors)


def _name(name: Element) -> str:
    """A name from its parts: "given family", or one part as written ("Ulmer, Fran" ->
    "Fran Ulmer"); a corporate name as it is. Life dates and terms of address are no part."""
    parts = children_by_name(name)
    given: list[str] = []
    family: list[str] = []
    untyped: list[str] = []
    for part in parts.get("namePart", []):
        kind, value = part.get("type"), all_text(part)
        if kind == "given":
            given.append(value)
        elif kind == "family":
            family.append(value)
        elif kind is None:
            untyped.append(value)
    if given or family:
        return " ".join(p for p in [*given, *family] if p)
    if untyped:
        whole = " ".join(p for p in untyped if p)
        if name.get("type") == "corporate":
            return whole
        # A library catalogue's name (MODS from MARC) ends with the comma that set its life
        # dates apart there: "West, Matthew," and then a namePart of type "date".
        return first_name_first(whole.rstrip(" ,"))
    return " ".join(all_text(d) for d in parts.get("displayForm", [])).strip()


def _identifiers(identifiers: list[Element]) -> dict[str, str]:
    """Identifiers by their type ("doi", "pmid", "citekey"…), the first of each."""
    found: dict[str, str] = {}
    for identifier in identifiers:
        kind, value = (identifier.get("type") or "").casefold(), all_text(identifier)
        if value and identifier.get("invalid") != "yes":
            found.setdefault(kind, value)
    return found


def _links(locations: list[Element]) -> list[str]:
    """The item's web addresses, the primary one first; a thumbnail's is none."""
    urls = [
        url
        for location in locations
        for url in location
        if local(url.tag) == "url" and url.get("access") not in _NOT_A_LINK and all_text(url)
    ]
    urls.sort(key=lambda url: url.get("usage") not in _PRIMARY)
    return [all_text(url) for url in urls]


def _first(kids: dict[str, list[Element]], outer: str, inner: str) -> str:
    for element in kids.get(outer, []):
        for child in element:
            if local(child.tag) == inner and all_text(child):
                return all_text(child)
    return ""


def _date(kids: dict[str, list[Element]], host: dict[str, list[Element]]) -> str:
    """The item's issue date, else the host's: a journal article's is in the host's part."""
    for source in (kids, host):
        for origin in source.get("originInfo", []):
            for child in origin:
                dated = local(child.tag) in ("dateIssued", "copyrightDate", "dateCreated")
                if dated and all_text(child) and child.get("point") != "end":
                    return all_text(child)
        for part in source.get("part", []):
            for child in part:
                if local(child.tag) == "date" and all_text(child):
                    return all_text(child)
    return ""


def _keywords(subjects: list[Element]) -> tuple[str, ...]:
    words = [
        " ".join(all_text(topic).split())
        for subject in subjects
        for topic in subject
        if local(topic.tag) == "topic"
    ]
    return tuple(dict.fromkeys(word for word in words if word))
