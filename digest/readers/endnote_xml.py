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
from collections.abc import Iterable
from xml.etree.ElementTree import Element, SubElement

from digest.readers.identifiers import parse_doi, split_addresses
from digest.readers.markup import (
    decode_entities,
    inline_markup_to_text,
    without_abstract_heading,
)
from digest.readers.records import (
    NAME_SEPARATOR,
    Parsed,
    Problem,
    Record,
    cased_in_list,
    endnote_date,
    excerpt,
    parsed_from,
    split_keywords,
)
from digest.readers.xml_documents import (
    RecordShape,
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
    return _text(record.find(path)).replace("\r\n", "\n").replace("\r", "\n")


def _text(element: Element | None) -> str:
    """The text inside an element, its <style> wrappers left out; what a wrapper sets in the
    Symbol font as the characters that font shows: EndNote keeps a Greek letter pasted from
    Word as `<style face="normal" font="Symbol" size="100%">a</style>`, an alpha."""
    if element is None:
        return ""
    parts: list[str] = []
    _walk(element, False, parts)
    # Mendeley escapes a character twice ("Knowledge Discovery &amp;#38; Data Mining").
    return decode_entities("".join(parts).strip())


def _walk(element: Element, symbol: bool, parts: list[str]) -> None:
    font = element.get("font", "") if element.tag == "style" else ""
    symbol = symbol or _SYMBOL_FONT.fullmatch(font) is not None
    if element.text:
        parts.append(element.text.translate(_SYMBOL) if symbol else element.text)
    for child in element:
        _walk(child, symbol, parts)
        if child.tail:
            parts.append(child.tail.translate(_SYMBOL) if symbol else child.tail)


_SYMBOL_FONT = re.compile(r"\s*symbol\s*", re.I)
# The Symbol font's letters and signs (Adobe's Symbol encoding), by the character code they
# stand at: as Latin-1 text, or in the private use area at U+F000 above it (as Word writes
# a symbol). Other characters, a Greek letter written as one among them, stay as they are.
_SYMBOL_CHARACTERS = {
    **dict(zip("ABGDEZHQIKLMNXOPRSTUFCYWJV", "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩϑς", strict=True)),
    **dict(zip("abgdezhqiklmnxoprstufcywjv", "αβγδεζηθικλμνξοπρστυφχψωϕϖ", strict=True)),
    "-": "\u2212", "~": "\u223c", "\u00a2": "\u2032", "\u00a3": "≤", "\u00a5": "∞", "\u00ab": "↔",
    "\u00ac": "←", "\u00ad": "↑", "\u00ae": "→", "\u00af": "↓", "\u00b2": "″",
    "\u00b3": "≥", "\u00b4": "\u00d7", "\u00b5": "∝", "\u00b6": "∂", "\u00b7": "•",
    "\u00b8": "÷", "\u00b9": "≠", "\u00ba": "≡", "\u00bb": "≈", "\u00d6": "√",
    "\u00d7": "⋅", "\u00e5": "∑", "\u00f2": "∫",
}  # fmt: skip
_SYMBOL = str.maketrans(
    {ord(code): char for code, char in _SYMBOL_CHARACTERS.items()}
    | {0xF000 + ord(code): char for code, char in _SYMBOL_CHARACTERS.items()}
)


def _record(record: Element, line: int) -> Record | Problem:
    title = " ".join(_field(record, "titles/title").split())
    # Mendeley Reference Manager keeps the publisher's markup, escaped: "&lt;p&gt; We recently
    # showed … multivalent &lt;italic&gt;pi&lt;/italic&gt; …&lt;/p&gt;".
    abstract = without_abstract_heading(inline_markup_to_text(_field(record, "abstract")))
    if not abstract:
        return Problem(line, "no abstract (EndNote record without an <abstract>)", excerpt(title))
    urls = _addresses(record.iter("url"))
    related = _addresses(record.iterfind("*/related-urls/url"))
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
        # Names typed into one author field are each an author ("Schumann, P.; Rose, E.",
        # a research institute's EndNote 22 library).
        authors=tuple(
            _name(name)
            for name in cased_in_list(
                [
                    name
                    for author in record.iterfind("contributors/authors/author")
                    for name in NAME_SEPARATOR.split(_text(author))
                    if name.strip()
                ]
            )
        ),
        url=next((u for u in links if _WEB_LINK.match(u)), links[0] if links else None),
        doi=doi,
        date=endnote_date(day, year) or None,
        pmid=pmid,
        venue=" ".join(venue.split()) or None,
        keywords=_keywords(record),
        metadata=tuple((key, value) for key, value in metadata if value),
    )


def _addresses(urls: Iterable[Element]) -> list[str]:
    """The addresses these <url>s hold: Mendeley writes all of an item's into one, "%5Cn"
    between them ("http://www.psi.toronto.edu/…/PSI-TR-2004-23.pdf%5Cnhttp://…")."""
    return [address for url in urls for address in split_addresses(_text(url))]


def _keywords(record: Element) -> tuple[str, ...]:
    """One <keyword> each; a record imported from a RIS file whose KW line joined them all
    ("text analysis,machine learning,…", EndNote 2025) has them in its only one."""
    words = [word for word in map(_text, record.iterfind("keywords/keyword")) if word]
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
