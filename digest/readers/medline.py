"""MEDLINE text, as PubMed saves it ("Save", Format: PubMed; a `.txt` or `.nbib` file):

    PMID- 36206242
    TI  - On the Monte Carlo weights in multiple criteria decision analysis.
    LID - 10.1371/journal.pone.0268950 [doi]
    AB  - In multiple-criteria decision making/aiding/analysis (MCDM/MCDA) weights of
          criteria constitute a crucial input …
    FAU - Mazurek, Jiří
    AU  - Mazurek J

Tags are padded to four characters before "- "; a value runs on over lines indented six
spaces; records are separated by a blank line and open with PMID (the older layout starts
the file with a blank line, the newer does not; both may have CRLF line ends). Written
here rather than taken from Biopython (Bio.Medline reads it, but Biopython is a large
dependency for a format this regular), with the splitting shared with the other tagged
formats (digest/readers/tagged.py). A book chapter's venue is its book (BTI); a record
without AB may have an English OAB (an abstract from KIE, NASA, PIP), its OABL saying so.
PubMed keeps the HTML entities some publishers deposited ("within 14&nbsp;min", "p &lt;
0.001") and prints them as written: they are read as their characters.
"""

from __future__ import annotations

import re

from digest.readers.identifiers import doi_in_addresses
from digest.readers.markup import decode_entities
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    first_name_first,
    missing_abstract,
    nlm_title,
    split_keywords,
)
from digest.readers.tagged import (
    TaggedRecord,
    first_tagged_line,
    parse_records,
    split_tagged,
)

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)")
_DOI = re.compile(r"(\S+)\s*\[doi\]", re.I)
_PMID_LINE = re.compile(r"^PMID- ?\d+[ \t]*\r?$", re.M)
_WEB_ADDRESS = re.compile(r"https?://\S+")
_HEAD = 4096
# Fields kept as metadata, by tag: what a reader of a digest may want besides the record.
_METADATA = {"PT": "publication type", "LA": "language", "PMC": "pmcid", "IS": "issn"}


def looks_like_medline(text: str) -> bool:
    """A file opening with PMID, or with OWN (ERIC's MEDLINE export: its records have no
    PMID and open "OWN - ERIC"); or with another tag, where a PMID line follows: a program
    writing "PubMed" records (Python's bibliograpy) puts a record's PMID after its AU, TI,
    DP … AID lines."""
    found = first_tagged_line(text, _TAG_LINE)
    if found is None:
        return False
    if found.group(1) in ("PMID", "OWN"):
        return True
    return _PMID_LINE.search(text, 0, _HEAD) is not None


def parse_medline(text: str) -> Parsed:
    # A PMID opens a record only where the one before has its own: in a record that has
    # none yet, it is that record's PMID, after its other lines.
    split = split_tagged(text, _TAG_LINE, opens=lambda tag: tag == "PMID", opens_once=True)
    return parse_records(split, _record, "MEDLINE records (records are tagged lines)")


def _record(tagged: TaggedRecord) -> Record | Problem:
    title = nlm_title(decode_entities(tagged.text("TI"))) or tagged.text("BTI", "TT")
    abstract = decode_entities(tagged.text("AB")) or _other_abstract(tagged)
    pmid = tagged.text("PMID")
    if not abstract:
        return missing_abstract(tagged.line, "a MEDLINE record without an AB field", title)
    names = _authors(tagged)
    keywords = _other_terms(tagged) or [mesh_heading(term) for term in tagged.texts("MH")]
    metadata = [
        (name, value) for tag, name in _METADATA.items() for value in [tagged.text(tag)] if value
    ]
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=names,
        doi=_doi(tagged),
        date=tagged.text("DP") or None,
        metadata=tuple(metadata),
        pmid=pmid or None,
        url=_page(tagged),
        venue=tagged.text("JT", "TA") or (tagged.text("BTI") if tagged.text("TI") else "") or None,
        keywords=tuple(keywords),
    )


def _other_terms(tagged: TaggedRecord) -> list[str]:
    """The authors' keywords (OT), one a field (a long one wrapped onto a second line), but
    for a field a publisher gave several in, joined by semicolons ("*Referral to Treatment
    (SBIRT); Addiction; Substance-related disorders"): each is a keyword, and a semicolon
    inside parentheses splits none ("Stress (physical; mental)"). A comma stays inside its
    keyword ("Diabetes, Type 2")."""
    fields = tagged.texts("OT")
    return [term for text in fields for term in split_keywords(text if ";" in text else [text])]


def _other_abstract(tagged: TaggedRecord) -> str:
    """An OAB (abstract from a collaborating organisation: KIE, NASA, PIP …) in English, its
    OABL saying so; a record without AB may have one."""
    languages = [" ".join(lines).strip() for lines in tagged.values("OABL")]
    for index, lines in enumerate(tagged.values("OAB")):
        language = languages[index] if index < len(languages) else "eng"
        if language == "eng":
            return " ".join(part for part in (line.strip() for line in lines) if part)
    return ""


def _authors(tagged: TaggedRecord) -> tuple[str, ...]:
    """FAU names (else AU), turned round, with the groups of CN where the record lists
    them ("Australian Ovarian Cancer Study Group" between two people)."""
    personal = "FAU" if tagged.values("FAU") else "AU"
    names: list[str] = []
    for tag, lines in tagged.fields:
        name = " ".join(" ".join(lines).split())
        if name and tag == personal:
            names.append(first_name_first(name))
        elif name and tag == "CN":
            names.append(name)
    return tuple(names)


def _doi(tagged: TaggedRecord) -> str | None:
    """The DOI marked "[doi]" in LID or AID; else one an AID gives as its address, as ERIC
    does ("AID - http://dx.doi.org/10.1007/s11423-019-09653-8")."""
    for tag in ("LID", "AID"):
        for value in tagged.items(tag):
            found = _DOI.match(value)
            if found:
                return found.group(1)
    return doi_in_addresses([value for value in tagged.items("AID") if "://" in value])


def _page(tagged: TaggedRecord) -> str | None:
    """The record's page an LID gives as an address: ERIC's ("LID -
    http://eric.ed.gov/?id=EJ1208101"). PubMed's LIDs are a DOI or a pii, never one."""
    return next((value for value in tagged.items("LID") if _WEB_ADDRESS.fullmatch(value)), None)


def mesh_heading(term: str) -> str:
    """'*Decision Making/methods' -> 'Decision Making': the heading without its star
    (major topic) and subheadings."""
    return term.lstrip("*").split("/", 1)[0].strip()
