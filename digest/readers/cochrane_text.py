"""The Cochrane Library's plain-text export (Export selected citations, "Plain text", the
file "citation-export.txt"): each record headed "Record #n of N", then one labelled line
a field, a line break (CRLF) between them and none between records:

    Record #1 of 271
    ID: CD009275
    AU: Han Shanshan
    AU: Crowther Caroline A
    TI: Different types of dietary advice for women with gestational diabetes mellitus
    SO: Cochrane Database of Systematic Reviews
    YR: 2017
    KY: Caloric Restriction;Diabetes, Gestational [diet therapy];…;Humans[checkword]
    DOI: 10.1002/14651858.CD009275.pub3
    AB: Background: Dietary advice is the main strategy …Objectives: To assess …
    US: http://onlinelibrary.wiley.com/doi/10.1002/14651858.CD009275.pub3/abstract

A trial from CENTRAL (ID "CN-…") has PM ("PUBMED 12345678"), XR, PT lines too. Names are
written surname first without a comma ("Roqué i Figuls Marta", "Smith J"); its KY terms
are MeSH headings with their qualifiers in brackets and the check tags ("Humans
[checkword]") that say nothing of the paper. Its RIS export, with the same "Record #"
heading, is read by the RIS reader. Read here with the splitting the tagged formats share
(digest/readers/tagged.py).
"""

from __future__ import annotations

import re

from digest.readers.identifiers import parse_doi
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    first_lines,
    missing_abstract,
)
from digest.readers.tagged import TaggedRecord, parse_records, split_tagged

# The heading that opens a record, or a field's label (two or three capitals), a colon and
# its value.
_TAG_LINE = re.compile(r"(Record(?= #\d+ of \d+\s*$)|[A-Z]{2,3})(?: #\d+ of \d+\s*$|: ?(.*)$)")
_HEADING = re.compile(r"Record #1 of \d+")
_PUBMED = re.compile(r"PUBMED (\d{1,9})")
# A MeSH heading's qualifiers ("Epilepsy [diet therapy]") and check tags ("Humans[checkword]").
# From a run's first space only, and never past a "[": a long run of either stays linear.
_QUALIFIERS = re.compile(r"(?<!\s)\s*+\[[^\[\]]*\]")
_INITIAL = re.compile(r"[A-Z]\.?")


def looks_like_cochrane_text(text: str) -> bool:
    """The first line is "Record #1 of N" and an "ID:" line follows it."""
    lines = first_lines(text[:4096].lstrip("\ufeff"), 2)
    return (
        len(lines) == 2 and _HEADING.fullmatch(lines[0].strip()) is not None
        and lines[1].startswith("ID: ")
    )  # fmt: skip


def parse_cochrane_text(text: str) -> Parsed:
    split = split_tagged(text, _TAG_LINE, opens=lambda tag: tag == "Record")
    return parse_records(split, _record, "Cochrane Library records")


def _record(tagged: TaggedRecord) -> Record | Problem:
    title = tagged.text("TI")
    abstract = tagged.text("AB")
    if not abstract:
        return missing_abstract(tagged.line, "a Cochrane Library record without an AB line", title)
    link = tagged.text("US")
    pmid = _PUBMED.fullmatch(tagged.text("PM"))
    terms = [term for term in tagged.text("KY").split(";") if "[checkword]" not in term]
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(map(_given_names_first, tagged.items("AU"))),
        url=link or None,
        doi=parse_doi(tagged.text("DOI")) or parse_doi(link),
        date=tagged.text("YR") or None,
        pmid=pmid.group(1) if pmid else None,
        venue=tagged.text("SO") or None,
        keywords=tuple(word for term in terms if (word := _QUALIFIERS.sub("", term).strip())),
    )


def _given_names_first(name: str) -> str:
    """'Roqué i Figuls Marta' -> 'Marta Roqué i Figuls', 'Crowther Caroline A' -> 'Caroline
    A Crowther', 'Smith J' -> 'J Smith': the given names are the last word and the initials
    after it, or the initials alone after the surname's first word."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and _INITIAL.fullmatch(words[start]):
        start -= 1
    return " ".join(words[start:] + words[:start]) if start > 0 else name
