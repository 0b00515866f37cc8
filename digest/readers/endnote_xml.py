"""EndNote XML (`<xml><records><record>…`), as EndNote, and Mendeley or Papers posing as it,
export a library.

Every value sits in a `<style face=… font=… size=…>` wrapper, often the whole file on one
line; line breaks inside a field are `&#xD;` (EndNote's separator: a structured abstract's
sections, or "10.1016/j.x&#xD;S0896… [pii]" where a DOI is followed by a publisher id).
`accession-num` is a PMID when the record came from PubMed.

An older layout names its elements in capitals, each value bare: `<XML><RECORDS><RECORD>
<REFERENCE_TYPE>0</REFERENCE_TYPE><REFNUM>1</REFNUM><AUTHORS><AUTHOR>…</AUTHOR></AUTHORS>
<YEAR>…<DATE>Sept.</DATE><TITLE>…<SECONDARY_TITLE>…<URL>…`, the URL sometimes a bare DOI.
Its records are rebuilt in today's layout and read the same way.

Read with the standard library's ElementTree through defusedxml (xml_documents.py): no
maintained library reads EndNote XML, and its fields are few and plain.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, SubElement

from digest.readers.identifiers import parse_doi
from digest.readers.markup import without_abstract_heading
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    endnote_date,
    excerpt,
    parsed_from,
    split_keywords,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

_ROOT = re.compile(r"<records>\s*<record>")
_ENDNOTE_FIELD = re.compile(r"<(?:ref-type|rec-number|source-app|contributors|titles)[\s>]")
# The older layout: <XML><RECORDS><RECORD><REFERENCE_TYPE>0</REFERENCE_TYPE>…
_CAPITALS_ROOT = re.compile(r"<RECORDS>\s*<RECORD>\s*<REFERENCE_TYPE>")
_SHAPE = RecordShape(
    re.compile(r"<(?:record|RECORD)[\s>]"), lambda tag, _depth: tag in ("record", "RECORD")
)
# Where today's layout puts the fields the older one has at the record's top level.
_MOVED = {"title": "titles", "secondary-title": "titles", "year": "dates",
          "date": "dates/pub-dates", "authors": "contributors"}  # fmt: skip
_PUBMED = re.compile(r"pubmed|medline|\bnlm\b|ncbi", re.I)
_WEB_LINK = re.compile(r"https?://", re.I)


def looks_like_endnote_xml(text: str) -> bool:
    head = text[:8192]
    return opens_like_xml(text) and (
        (_ROOT.search(head) is not None and _ENDNOTE_FIELD.search(head) is not None)
        or _CAPITALS_ROOT.search(head) is not None
    )


def parse_endnote_xml(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "EndNote export", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    found = list(document.root.iter("record"))
    tag = "record" if found else "RECORD"  # the older layout's, in capitals
    found = found or list(document.root.iter(tag))
    lines = document.lines_of(found, lambda: start_lines(text, tag))
    if tag == "RECORD":
        found = [_rebuilt(record) for record in found]
    problems = document.problems(bool(found), "EndNote XML without any record")
    return parsed_from(map(_record, found, lines), problems)


def _field(record: Element, path: str) -> str:
    """A field's text with EndNote's &#xD; separators as line breaks."""
    return all_text(record.find(path)).replace("\r\n", "\n").replace("\r", "\n")


def _record(record: Element, line: int) -> Record | Problem:
    title = " ".join(_field(record, "titles/title").split())
    abstract = without_abstract_heading(_field(record, "abstract"))
    if not abstract:
        return Problem(line, "no abstract (EndNote record without an <abstract>)", excerpt(title))
    urls = [all_text(url) for url in record.iter("url")]
    related = [all_text(url) for url in record.iterfind("*/related-urls/url")]
    # The first web link: a Web of Science record's first URL is "<Go to ISI>://WOS:…".
    links = related + urls
    numbers = _field(record, "electronic-resource-num").split()
    doi = next((found for part in numbers if (found := parse_doi(part))), None)
    databases = [_field(record, f"remote-database-{key}") for key in ("name", "provider")]
    provenance = " ".join(databases + urls)
    accession = _field(record, "accession-num")
    pmid = accession if accession.isdigit() and _PUBMED.search(provenance) else None
    year = _field(record, "dates/year")
    # JabRef writes the month in <month>, not in <pub-dates>.
    day = _field(record, "dates/pub-dates/date") or _field(record, "dates/month")
    venue = _field(record, "titles/secondary-title") or _field(record, "periodical/full-title")
    ref_type = record.find("ref-type")
    metadata = [("type", ref_type.get("name", ""))] if ref_type is not None else []
    metadata += [(key, value) for key in ("volume", "pages") if (value := _field(record, key))]
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(_name(all_text(a)) for a in record.iterfind("contributors/authors/author")),
        url=next((u for u in links if _WEB_LINK.match(u)), links[0] if links else None),
        doi=doi,
        date=endnote_date(day, year) or None,
        pmid=pmid,
        venue=" ".join(venue.split()) or None,
        keywords=_keywords(record),
        metadata=tuple((key, value) for key, value in metadata if value),
    )


def _keywords(record: Element) -> tuple[str, ...]:
    """One <keyword> each; a record imported from a RIS file whose KW line joined them all
    ("text analysis,machine learning,…", EndNote 2025) has them in its only one."""
    words = [word for word in map(all_text, record.iterfind("keywords/keyword")) if word]
    return split_keywords(words[0]) if len(words) == 1 else tuple(words)


def _rebuilt(old: Element) -> Element:
    """A record of the older layout in today's: each element's name in small letters with
    dashes, title, year, date and authors where today's layout has them, and the URL among the
    related URLs, or as the DOI where it is a bare one."""
    record = Element("record")
    for field in map(_small_letters, old):
        if field.tag == "url":
            if parse_doi(field.text or "") and not _WEB_LINK.match(field.text or ""):
                field.tag = "electronic-resource-num"
            else:
                _child(_child(record, "urls"), "related-urls").append(field)
                continue
        parent = record
        for step in _MOVED[field.tag].split("/") if field.tag in _MOVED else ():
            parent = _child(parent, step)
        parent.append(field)
    return record


def _small_letters(element: Element) -> Element:
    copy = Element(element.tag.lower().replace("_", "-"), element.attrib)
    copy.text = element.text
    copy.extend(map(_small_letters, element))
    for child, original in zip(copy, element, strict=True):
        child.tail = original.tail
    return copy


def _child(parent: Element, tag: str) -> Element:
    found = parent.find(tag)
    return found if found is not None else SubElement(parent, tag)


def _name(name: str) -> str:
    """ "Malenka, R. C." -> "R. C. Malenka"; other forms as written."""
    last, comma, first = name.partition(",")
    return f"{first.strip()} {last.strip()}" if comma and first.strip() else name.strip()
