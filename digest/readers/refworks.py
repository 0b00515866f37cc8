"""RefWorks' tagged format, as CNKI (China's national database), Wanfang and ProQuest's
"RefWorks" export write it:

    RT Journal Article
    SR 1
    A1 薛婉钰;刘娜;苑鑫
    T1 黄瓜胚性愈伤组织的诱导保存和再生
    JF 西北农林科技大学学报(自然科学版)
    YR 2024
    K1 黄瓜;遗传转化;胚性愈伤组织
    AB 【目的】对黄瓜胚性愈伤组织的诱导保存和再生进行研究…
    DS CNKI
    LK https://link.cnki.net/doi/10.13207/j.cnki.jnwafu.2024.07.011
    DO 10.13207/j.cnki.jnwafu.2024.07.011

A two-character tag, a space and its value a line; `RT` (the type) opens a record; a line
without a tag continues the field before it (CNKI breaks an abstract at its paragraphs).
CNKI's export has its own habits: CRLF line ends, a tag glued to a value in Chinese
("A1林行众"), a tag in lower case ("vo 49"), `URL` for `UL`, several names in one `A1`
joined by ";" (or "," before a Chinese name, or full-width separators), and `&amp;` in its
links. A thesis's university is its publisher (`PB`). Read here with the splitting the
tagged formats share (digest/readers/tagged.py).
"""

from __future__ import annotations

import html
import re

from digest.readers.cnki_custom import OPENING_TEXT, OPENING_TEXT_ONLY, cnki_abstract
from digest.readers.identifiers import parse_doi
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    first_lines,
    first_name_first,
    missing_abstract,
    split_keywords,
)
from digest.readers.tagged import (
    TaggedRecord,
    first_tagged_line,
    parse_records,
    split_tagged,
)

# RefWorks' tags (its "tagged format" list): only these are tags, as a line of an abstract
# may start with two capitals and a space ("AD patients…"). CNKI writes some in lower case
# ("vo 49"); of those, only ones that are no English word ("an", "is", "no") are read, as
# a continued line may start with one.
_TAG_LINE = re.compile(
    r"(PMID|URL|RT|SR|ID|A[1-6]|T[1-3]|JF|JO|YR|FD|VO|IS|SP|OP|K1|AB|NO|ED|PB|PP|SN|AV|AD"
    r"|AN|LA|CL|SF|OT|LK|DO|CN|DB|DS|IP|RD|ST|UL|SL|LL|CR|WT|WV|WP|OL|U[1-5]"
    r"|vo|yr|fd|sp|op|k1|a1|t1|jf|jo|ab|sn|lk|ul|pb)"
    r"(?: +|(?=[^\x00-\x7f])|$)(.*)$"
)
# Names in one A1: ";" and the full-width separators always; "," only before a Chinese
# name ("颜宏,石德成"), as "Smith, John" keeps its comma. Spaces before one only from where
# their run starts: tried from inside a long run, "\s*" rescanned the rest of it each time.
_NAMES = re.compile(r"(?<!\s)\s*(?:[;\uff1b\uff0c]|,(?=\s?[\u4e00-\u9fff]))\s*")
# A reference type: "Journal Article", "Dissertation/Thesis", "Book, Section", "Generic".
_TYPE = re.compile(r"[A-Z][A-Za-z]*(?:[ /,]+[A-Z][A-Za-z]*)*")
_THESIS = re.compile(r"dissertation|thesis", re.I)
_DAY = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def looks_like_refworks(text: str) -> bool:
    """The first line is the type of a record ("RT Journal Article"), and a title or
    author line follows within the first few; after RefWorks' own header, if it has one."""
    text = _without_header(text)
    found = first_tagged_line(text, _TAG_LINE)
    if found is None or found.group(1) != "RT" or not _TYPE.fullmatch(found.group(2).strip()):
        return False
    lines = first_lines(text[:4096], 12)
    return any(re.match(r"(?:T1|A1|JF|AB)(?: |[^\x00-\x7f])", line, re.I) for line in lines)


def parse_refworks(text: str) -> Parsed:
    split = split_tagged(_without_header(text), _TAG_LINE, opens=lambda tag: tag == "RT")
    return parse_records(split, _record, "RefWorks records")


def _without_header(text: str) -> str:
    """The text with the header of RefWorks' own export made blank lines (so each line
    keeps its number): "Refworks Export Tagged Format", its character set, a legend of its
    tags ("RT=Reference Type", "AB=Abstract", ...) and of its font marks, up to "BEGIN
    EXPORTED REFERENCES"."""
    # The head alone: this runs on every file the readers before it do not take.
    if not text[:_HEADER_LENGTH].lstrip("\ufeff \t\n").lower().startswith(_HEADER_START):
        return text
    end = text.find(_HEADER_END, 0, _HEADER_LENGTH)
    if end < 0:
        return text
    end += len(_HEADER_END)
    return "\n" * text.count("\n", 0, end) + text[end:]


_HEADER_START = "refworks export tagged format"
_HEADER_END = "BEGIN EXPORTED REFERENCES"
_HEADER_LENGTH = 4096  # RefWorks' legend of some 70 tags is under 2,000 characters


def _record(tagged: TaggedRecord) -> Record | Problem:
    tagged.fields = [(tag.upper(), lines) for tag, lines in tagged.fields]
    title = tagged.text("T1")
    given = tagged.text("AB")
    if given.startswith(OPENING_TEXT):
        return missing_abstract(tagged.line, OPENING_TEXT_ONLY, title)
    abstract = cnki_abstract(given)
    if not abstract:
        return missing_abstract(tagged.line, "a RefWorks record without an AB field", title)
    authors = [
        first_name_first(name)
        for item in tagged.items("A1")
        for name in _NAMES.split(item)
        if name.strip()
    ]
    link = html.unescape(tagged.text("LK", "UL", "URL"))
    doi = parse_doi(tagged.text("DO")) or parse_doi(link)
    venue = tagged.text("JF", "JO", "T2")
    if not venue and _THESIS.search(tagged.text("RT")):
        venue = tagged.text("PB")
    free = tagged.text("FD")
    pmid = tagged.text("PMID")
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(authors),
        url=link or None,
        doi=doi,
        date=free if _DAY.fullmatch(free) else (tagged.text("YR") or free or None),
        pmid=pmid if pmid.isdigit() else None,
        venue=venue or None,
        keywords=split_keywords(";".join(tagged.items("K1")) or None),
    )
