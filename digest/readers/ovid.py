"""Ovid's own tagged layout (Export or Display, the "Ovid" field format, a `.txt` or
`.ovd` file), as Ovid writes it for MEDLINE, Embase, PsycINFO, BIOSIS …:

    <1. >
    VN  - Ovid Technologies
    DB  - Ovid MEDLINE(R)
    AN  - 31234567
    AU  - Werner, S. M. [Author, Reprint Author; E-mail: …]
    TI  - Comparison of methods for sampling Thysanoptera on basswood …
    SO  - Forest Ecology & Management. 201(2-3):327-334, November 15, 2004.
    AB  - Canopy arthropods play integral roles …
    YR  - 2004

Each record opens with its number ("<1. >", "<2>") on a line of its own and the "VN"
line; the tags are MEDLINE-like but Ovid's: TI (PsycInfo's "[References]." mark at its
end dropped), AB, AU (or FA, full names; a role in brackets dropped), SO (the citation; JN
the journal where given), YR, DO (the DOI, often as a link), KW or MH, UI/AN (a PubMed id
when DB names MEDLINE or PubMed), PM (Embase's PubMed id: "29635641 [http://…]"), UR or XL
(the record's page: XL is Ovid's "Link to the Ovid Full Text or citation", the only link
a dissertation's PsycInfo record has, used where there is no DOI or PubMed id). A field
glued to the sentence before it (PsycInfo's "….DP  - 2023") is split off. Split with the
other tagged formats (digest/readers/tagged.py). Ovid's CSV export has the same tags as
its header's column names; tabular.py reads each row with `ovid_record` here.
"""

from __future__ import annotations

import re

from digest.readers.identifiers import parse_doi
from digest.readers.medline import mesh_heading
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    cased_in_list,
    first_name_first,
    initials_turned_round,
    last_year,
    missing_abstract,
)
from digest.readers.tagged import Split, TaggedRecord, parse_records, split_tagged

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9]{1,3}) {1,3}- ?(.*)")
_NUMBER = re.compile(r"\s*<\d+\.?\s*>\s*")
# A field glued to the end of the sentence before it: PsycInfo's dissertation records end
# their title so, "…rhythmic movements.DP  - 2023".
_GLUED_TAG = re.compile(r"(?<=[.?!])([A-Z][A-Z0-9]{1,3})  - ")
_OVID = re.compile(r"^VN  - Ovid Technologies\s*$", re.M)
_JOURNAL = re.compile(r"(.+?)\.\s+\d")
_RIS_TYPE = re.compile(r"^TY  - ", re.M)
_MEDLINE_DB = re.compile(r"MEDLINE|PubMed", re.I)
# Embase's PubMed id, its PubMed link after it: "29635641 [http://www.ncbi.nlm.nih.gov/…]".
_PUBMED_ID = re.compile(r"(\d+)(?:\s|$)")
# PsycInfo's mark on a record that lists its references, at the title's end, and the
# article type Ovid puts there for journals' own full texts ("….Germany.[Article]").
_REFERENCES_MARK = re.compile(
    r"(?<!\s)\s*+\[(?:References|Article|Review|Review Article|Original Article|Editorial|Letter"
    r"|Comment|Commentary|Case Report|Miscellaneous Article)\]\.?$"
)
# The labelled layout (Ovid's "Citation" display, and the text export of it): a record's
# number alone ("<8>"), then each field's name on a line of its own, its value indented.
_RECORD_NUMBER = re.compile(r"<\d+>")
_WEB_LINK = re.compile(r"https?://\S+$")
_LABEL_LINE = re.compile(r"[A-Z][A-Za-z/()' -]{1,60}")
_LABEL_TAGS = {
    "title": "TI", "abstract": "AB", "author": "AU", "authors": "AU",
    "authors full name": "FA", "source": "SO", "journal name": "JN",
    "year of publication": "YR", "publication year": "YR", "digital object identifier": "DO",
    "doi": "DO", "author keywords": "KW", "keywords": "KW", "keyword heading": "KW",
    "mesh subject headings": "MH", "unique identifier": "UI", "accession number": "AN",
    "database": "DB", "url": "UR",
    "link to the ovid full text or citation": "XL",
}  # fmt: skip
# Fields holding a list in one line: names ("Kohler, Lars 1;  Leuschner, Christoph 1",
# their affiliations' numbers after them) and keywords ("canopy cover;  throughfall.").
_LISTS = {"AU", "FA", "KW", "MH"}
# The affiliation numbers at the end of an author ("Lima, Ana 1, 3"), read backwards from
# the end: the same as `(?<!\s)\s++\d+(?:\s*,\s*\d+)*$`, which tried every run of spaces
# in the item and scanned the rest of the list from each (quadratic on " 1, 1, … x").
_AFFILIATION_NUMBERS_REVERSED = re.compile(r"(\n?)(?:\d+\s*,\s*)*\d+\s+(?!\s)")


def looks_like_ovid(text: str) -> bool:
    head = text[:4096]
    return _OVID.search(head) is not None and _RIS_TYPE.search(head) is None


def parse_ovid(text: str) -> Parsed:
    # Record numbers stand where a blank line would: they keep their line, not a field.
    lines = ["" if _NUMBER.fullmatch(line) else line for line in text.split("\n")]
    split = split_tagged("\n".join(lines), _TAG_LINE, opens=lambda tag: tag == "VN")
    return parse_records(split, ovid_record, "Ovid records (records are tagged lines)")


def looks_like_ovid_labelled(text: str) -> bool:
    """A record number alone on the first line, then a field's name and its indented value,
    and a Title label among the first lines."""
    lines = [line.rstrip() for line in text[:8192].split("\n") if line.strip()]
    if len(lines) < 3 or not _RECORD_NUMBER.fullmatch(lines[0].lstrip("\ufeff").strip()):
        return False
    return (
        _LABEL_LINE.fullmatch(lines[1]) is not None
        and lines[2][:1].isspace()
        and "Title" in lines[:60]
    )


def parse_ovid_labelled(text: str) -> Parsed:
    records: list[TaggedRecord] = []
    stray: list[tuple[int, str]] = []
    values: list[str] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if not line[:1].isspace() and _RECORD_NUMBER.fullmatch(line.strip()):
            records.append(TaggedRecord(number))
            values = None
        elif records and not line[:1].isspace():
            label = line.strip()
            values = []
            records[-1].fields.append((_LABEL_TAGS.get(label.casefold(), label), values))
        elif values is not None:
            values.append(line)
        else:
            stray.append((number, line.strip()))
    for record in records:
        record.fields = [(tag, _listed(tag, lines)) for tag, lines in record.fields]
    return parse_records(Split(records, stray), ovid_record, "Ovid records (a <number> each)")


def _listed(tag: str, lines: list[str]) -> list[str]:
    """A list field's items one a line, as the tagged layout has them; others as they are."""
    if tag not in _LISTS:
        return lines
    items = [item.strip().rstrip(".") for line in lines for item in line.split(";")]
    return [_without_affiliation_numbers(item) for item in items if item]


def _without_affiliation_numbers(item: str) -> str:
    found = _AFFILIATION_NUMBERS_REVERSED.match(item[::-1])
    return item[: len(item) - found.end()] + found.group(1) if found else item


def _unglued(tagged: TaggedRecord) -> TaggedRecord:
    """The record with each field glued to the end of a line split off as a field of its
    own (done after splitting the text, so that every line keeps its number)."""
    fields: list[tuple[str, list[str]]] = []
    for tag, lines in tagged.fields:
        field: tuple[str, list[str]] = (tag, [])
        fields.append(field)
        for line in lines:
            head, *glued = _GLUED_TAG.split(line)  # the text, then each tag and its value
            field[1].append(head)
            for glued_tag, value in zip(glued[::2], glued[1::2], strict=True):
                field = (glued_tag, [value])
                fields.append(field)
    return TaggedRecord(tagged.line, fields)


def _without_role(name: str) -> str:
    """The name without a bracketed role at its end: "Ng, Anna [ed]" -> "Ng, Anna".

    The bracket is the last "]" (nothing but spaces after it) and the first "[" since the
    "]" before it; the spaces before that "[" go too. Found from the end, not by a pattern
    tried at every "[" (a line of 40,000 "x[" took 1.4 s)."""
    kept = name.rstrip()
    if not kept.endswith("]"):
        return name
    opening = kept.find("[", kept.rfind("]", 0, len(kept) - 1) + 1, len(kept) - 1)
    if opening < 0:
        return name
    return kept[:opening].rstrip()


def _links(tagged: TaggedRecord) -> list[str]:
    """The record's own web addresses, its URL field first, then Ovid's link to it."""
    return [tagged.text(tag) for tag in ("UR", "XL")]


def ovid_record(tagged: TaggedRecord) -> Record | Problem:
    """A record of Ovid's fields, from its tagged text, its labelled text or a row of its
    CSV export."""
    tagged = _unglued(tagged)
    title = _REFERENCES_MARK.sub("", tagged.text("TI"))
    abstract = tagged.text("AB")
    if not abstract:
        return missing_abstract(tagged.line, "an Ovid record without an AB field", title)
    personal = "FA" if tagged.values("FA") else "AU"
    names = cased_in_list([_without_role(name) for name in tagged.items(personal)])
    # Embase's names are surname first, then initials ("Hall V.", "Lucas J.S."): turned
    # round as Embase's own exports' are.
    authors = initials_turned_round(tuple(first_name_first(name) for name in names))
    database = tagged.text("DB")
    medline = _MEDLINE_DB.search(database) is not None
    pmid = (tagged.text("UI") or tagged.text("AN")) if medline else ""
    pubmed_id = _PUBMED_ID.match(tagged.text("PM"))
    pmid = pmid if pmid.isdigit() else pubmed_id.group(1) if pubmed_id else ""
    journal = _JOURNAL.match(tagged.text("SO"))
    # Embase's citation of a meeting abstract names the meeting after the journal: "BMC
    # Proceedings. Conference: 2nd BEAT-PCD Conference … Spain. 12 (Supplement 3) …".
    venue = journal.group(1).partition(". Conference: ")[0] if journal else ""
    keywords = tagged.items("KW") or [mesh_heading(term) for term in tagged.items("MH")]
    # Embase indexes a record's type among its subject terms ("MH  - conference abstract",
    # with "PT  - Conference Abstract"): no keyword, as in Scopus's RIS (ris.py).
    kinds = {kind.casefold() for kind in tagged.items("PT")}
    keywords = [keyword for keyword in keywords if keyword.casefold() not in kinds]
    page = next((link for link in _links(tagged) if _WEB_LINK.match(link)), None)
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(name for name in authors if name),
        doi=parse_doi(tagged.text("DO")),  # often a link: "https://dx.doi.org/10.…"
        url=page,
        date=tagged.text("YR") or last_year(tagged.text("SO")) or None,
        pmid=pmid or None,
        venue=tagged.text("JN") or venue or None,
        keywords=tuple(keywords),
        metadata=(("database", database),) if database else (),
    )
