"""PubMed's "Abstract (text)" export (Save, Format: Abstract (text); the old site's "Send to:
File, Abstract"; E-utilities' `efetch -format abstract`):

    1. Phytomedicine. 2018 Dec 31;57:364-376. doi: 10.1016/j.phymed.2018.12.034.

    Anti-inflammatory and immune-modulating effects of rice callus suspension culture
    (RCSC) and bioactive fractions in an in vitro inflammatory bowel disease model.

    Driscoll K(1), Deshpande A(1), Ramakrishna W(2).

    Author information:
    (1)Department of Biological Sciences, Michigan Technological University, …

    BACKGROUND: Rice callus suspension culture (RCSC) has been shown to exhibit
    potent antiproliferative activity …

    Copyright © 2019 Elsevier GmbH. All rights reserved.

    DOI: 10.1016/j.phymed.2018.12.034
    PMID: 30831485  [Indexed for MEDLINE]

A record is a run of blocks (paragraphs between blank lines) from a numbered citation to
the block holding its `PMID:` line; after the citation come the title, the authors (with
their affiliation numbers), and then blocks each export labels ("Author information:",
"Collaborators:", "Comment in" with its indented citations, a copyright line, an
"[Article in Chinese]" note) around the abstract, which is what no label claims. Lines are
wrapped at 80 columns and joined here. Its "Summary (text)" and "PMID" siblings hold no
abstracts: a file of those is refused with the export to use instead. The old site's
Summary (text) wrote each record as one citation, numbered with a colon:

    1: Wild PJ. [Importance of tumour mutation burden testing]. Pathologe. 2019
    Dec;40(Suppl 3):366-368. doi: 10.1007/s00292-019-00717-3. German. PubMed PMID:
    31807843.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from digest.readers.markup import decode_entities
from digest.readers.records import Parsed, Problem, Record, excerpt, missing_abstract, nlm_title

# A record's number, "1. ", before its citation or (Summary (text)) its title: the text
# after it is only looked ahead at, so that removing the number leaves the title whole.
_CITATION = re.compile(r"(\d+)\.\s+(?=\S)")
# "1. Phytomedicine. 2018 Dec 31;57:364-376. doi: …": the journal, then the date.
_SOURCE = re.compile(r"\d+\.\s+(?P<venue>.+?)\.\s+(?P<date>(?:1[89]|20)\d\d\b[^.;:]*)")
_PMID_LINE = re.compile(r"^PMID:\s*(\d+)", re.M)
_ID_LINE = re.compile(r"(DOI|PMCID|PMID|PII):\s*(\S+)")
_DOI_IN_CITATION = re.compile(r"\bdoi:\s*(10\.\S+?)\.?(?:\s|$)")
# Blocks that are not the abstract, by how they open: Wiley's notice is a copyright line,
# printed in a block of its own after the abstract that ends with it too.
_LABELLED = re.compile(
    r"(?:Author information:|Collaborators:|Conflict of interest statement:|Copyright|©|"
    r"\([cC]\) ?\d{4}|Crown [Cc]opyright|Published by |\[[^\]]*\]$|"
    r"This article is protected by copyright\.)"
)
# An author list: names with their affiliation marks, separated by commas or semicolons,
# ending with a stop: "Gendo Y(1)(2), Matsumoto T(3), … Kobayashi T(1)."
_NAME = r"[^\s,;.()][^,;.()]{0,80}?(?:\((?:\d+|#|\*)\))*"
_AUTHORS = re.compile(rf"{_NAME}(?:[,;] {_NAME})*\.")
_MARKS = re.compile(r"\((?:\d+|#|\*)\)")
_INITIALS = re.compile(r"\s[A-Z]{1,4}(?:\s(?:Jr|Sr|2nd|3rd|II|III|IV))?$")
_PMID_LIST = re.compile(r"\s*\d{1,9}\s*(?:\n\s*\d{1,9}\s*)*")
_PMID_LIST_HELP = (
    "a list of PubMed ids (PubMed's PMID export) has no abstracts; in PubMed, search for "
    "them, click Save and choose Format: PubMed to save their abstracts in a file digest reads"
)
_SUMMARY_RECORD = "a Summary (text) record"  # why such a record has no abstract
# The old site's Summary (text) record: "1: Authors. Title. Journal. … PubMed PMID: 123."
_OLD_SUMMARY = re.compile(r"\d+: \S.*\bPubMed\s+PMID:\s*\d+", re.S)
_OLD_SUMMARY_NUMBER = re.compile(r"\d+: ")
_SUMMARY_HELP = (
    "PubMed's Summary (text) export has no abstracts; in PubMed, click Save and choose "
    "Format: PubMed (or Abstract (text)) to save them in a file digest reads"
)


def looks_like_pubmed_text(text: str) -> bool:
    """A numbered citation ("1. Nature. 2020 …") first and a `PMID:` line after it, or a
    first block holding both (a Summary (text) record). The `PMID:` line is looked for in
    the whole file: a consortium's paper lists hundreds of authors and affiliations first."""
    head = text[:20_000].lstrip("\ufeff \t\r\n")
    first_block = re.split(r"\n\s*\n", head, maxsplit=1)[0]
    if _OLD_SUMMARY.match(first_block):
        return True
    if not _CITATION.match(first_block):
        return False
    if _PMID_LINE.search(first_block):  # a PMID line there is one in the file too
        return True
    # The whole file last: a notes file opening with "1. " is no citation's source line.
    return _SOURCE.match(first_block) is not None and _PMID_LINE.search(text) is not None


def looks_like_pmid_list(text: str) -> bool:
    """Nothing but PubMed ids, one a line (Save, Format: PMID)."""
    head = text.lstrip("\ufeff")
    if len(head) > 20_000:  # judged by its whole lines
        head = head[:20_000].rsplit("\n", 1)[0]
    return _PMID_LIST.fullmatch(head) is not None


def parse_pmid_list(text: str) -> Parsed:
    return Parsed((), (Problem(None, _PMID_LIST_HELP),))


@dataclass(frozen=True)
class _Block:
    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


def parse_pubmed_text(text: str) -> Parsed:
    records: list[Record] = []
    problems: list[Problem] = []
    stray: list[_Block] = []
    summaries = 0
    blocks = _blocks(text)
    first = next(blocks, None)
    if first is None:
        return Parsed((), ())
    if _OLD_SUMMARY.match("\n".join(first.lines)):
        shown = _OLD_SUMMARY_NUMBER.sub("", first.text, count=1)
        return Parsed((), (Problem(first.line, _SUMMARY_HELP, excerpt(shown)),))
    for found in _records(itertools.chain((first,), blocks), stray):
        if isinstance(found, Record):
            records.append(found)
        else:
            summaries += found.reason.endswith(f"({_SUMMARY_RECORD})")
            problems.append(found)
    if not records and problems and summaries == len(problems):
        return Parsed((), (Problem(problems[0].line, _SUMMARY_HELP, problems[0].excerpt),))
    if stray:
        count = sum(len(block.lines) for block in stray)
        reason = f"{count} {'line' if count == 1 else 'lines'} outside PubMed records"
        problems.append(Problem(stray[0].line, reason, excerpt(stray[0].text)))
    return Parsed(tuple(records), tuple(problems))


def _blocks(text: str) -> Iterator[_Block]:
    lines: list[str] = []
    start = 0
    for number, line in enumerate([*text.lstrip("\ufeff").split("\n"), ""], start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.rstrip())
        elif lines:
            yield _Block(start, tuple(lines))
            lines = []


def _records(blocks: Iterator[_Block], stray: list[_Block]) -> Iterator[Record | Problem]:
    """Records from the blocks: a numbered citation opens one, its PMID line closes it;
    blocks after the PMID (a conflict-of-interest statement) belong to no record."""
    current: list[_Block] = []
    closed = True
    for block in blocks:
        if closed and _CITATION.match(block.lines[0]):
            current, closed = [block], False
        elif closed:
            if not current:
                stray.append(block)
            continue
        else:
            current.append(block)
        if _PMID_LINE.search("\n".join(block.lines)):
            yield _record(current)
            closed = True
    if current and not closed:
        yield _record(current)


def _record(blocks: list[_Block]) -> Record | Problem:
    citation, rest = blocks[0], blocks[1:]
    line = citation.line
    ids: dict[str, str] = {
        m.group(1): m.group(2) for b in blocks for m in map(_ID_LINE.match, b.lines) if m
    }
    if not rest or any(_PMID_LINE.search(raw) for raw in citation.lines):
        shown = _CITATION.sub("", citation.lines[0], count=1)
        return missing_abstract(line, _SUMMARY_RECORD, excerpt(shown))
    body = [b for b in rest if not _ID_LINE.match(b.lines[0]) and not _labelled(b)]
    # PubMed prints the HTML entities a publisher deposited as written ("14&nbsp;min").
    title = nlm_title(decode_entities(body[0].text)) if body else ""
    authors: tuple[str, ...] = ()
    if len(body) > 1 and _is_author_list(body[1], rest):
        authors = _names(body[1].text)
        body = body[1:]
    abstract = decode_entities(" ".join(block.text for block in body[1:]))
    if not abstract:
        return missing_abstract(line, "a PubMed record without an abstract", excerpt(title))
    source = _SOURCE.match(citation.text)
    doi = ids.get("DOI") or _doi_in(citation.text)
    metadata = (("pmcid", ids["PMCID"]),) if "PMCID" in ids else ()
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=authors,
        doi=doi,
        date=source.group("date").strip() if source else None,
        metadata=metadata,
        pmid=ids.get("PMID"),
        venue=source.group("venue") if source else None,
    )


def _labelled(block: _Block) -> bool:
    """A block some label claims: affiliations, a copyright line, a note in brackets, or a
    list of linked citations ("Comment in", "Erratum in", "Update of") indented below its
    heading."""
    if _LABELLED.match(block.text):
        return True
    return len(block.lines) > 1 and all(line.startswith(" ") for line in block.lines[1:])


def _is_author_list(block: _Block, blocks: list[_Block]) -> bool:
    """Names with their affiliation marks; a one-sentence abstract has the same shape, so
    the names must also look like MEDLINE's ("Kim Y", "de Aguiar Neto FS") or be followed
    by their affiliations."""
    if not _AUTHORS.fullmatch(block.text):
        return False
    after = blocks.index(block) + 1
    if after < len(blocks) and blocks[after].text.startswith(("Author information:", "Collab")):
        return True
    names = _names(block.text)
    surnamed = [name for name in names if _INITIALS.search(name)]
    return all(len(name.split()) <= 6 for name in names) and 2 * len(surnamed) >= len(names)


def _names(text: str) -> tuple[str, ...]:
    names = re.split(r"[,;] ", _MARKS.sub("", text.removesuffix(".")))
    return tuple(" ".join(name.split()) for name in names if name.strip())


def _doi_in(citation: str) -> str | None:
    found = _DOI_IN_CITATION.search(citation)
    return found.group(1) if found else None
