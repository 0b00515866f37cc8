"""ScienceDirect's text export ("Export citation > Export citation to text"):

    S. Mo Jang, Tieming Geng, Jo-Yun Queenie Li,
    A computational approach for examining the roots and spreading patterns of fake news,
    Computers in Human Behavior,
    Volume 84,
    2018,
    Pages 103-113,
    ISSN 0747-5632,
    https://doi.org/10.1016/j.chb.2018.02.032.
    (http://www.sciencedirect.com/science/article/pii/S0747563218300906)
    Abstract: To improve the flow of quality information and combat fake news …
    Keywords: Fake news; Evolution tree analysis; Computational social science

One field a line, each ending with a comma, in a fixed order: authors, title, the journal
(or, for a book chapter, "Editor(s): …" then the book), volume, year, pages, ISSN or ISBN,
the DOI as a URL, the article's page in parentheses, then the abstract and keywords.
Structured abstracts put each heading on a line of its own ("Objectives", "Methods"):
they become labels ("Objectives: … Methods: …"). Records are separated by a blank line.
Nothing else writes this format, so it is read here.
"""

from __future__ import annotations

import re

from digest.readers.identifiers import parse_doi
from digest.readers.markup import BARE_HEADINGS, labelled_sections
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    blocks,
    excerpt,
    missing_abstract,
    parsed_from,
    split_authors,
    split_keywords,
)
from digest.reports import count

_PAGE_ADDRESS = "www.sciencedirect.com/science/article/"
_PAGE_LINE = re.compile(r"\(https?://" + re.escape(_PAGE_ADDRESS) + r"(?:pii|abs/pii)/\w+\)")
_PAGE_IN_FILE = re.compile(r"^" + _PAGE_LINE.pattern + r"\s*$", re.M)
# Lines of the citation that are not the authors, title or venue; a journal without pages
# has its article number ("110325", "e13245") in their place.
_CITATION_PARTS = re.compile(
    r"(?:Volume\b|Issue\b|Pages?\b|ISSN\b|ISBN\b|Editor\(s\):|https?://|e?\d+$|$)", re.I
)
# A heading of a structured abstract on its own line: a few capitalised words, no stop.
_HEADING = re.compile(r"[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}")


# The citation's ISSN or ISBN line: an export made without abstracts has it too.
_ISSN_LINE = re.compile(r"^(?:ISSN|ISBN) [\dX-]+,\s*$", re.M)


def looks_like_sciencedirect(text: str) -> bool:
    """An article's page alone on a line, and an abstract or an ISSN/ISBN line: the
    export "citation only" has no abstracts, and is told apart to say so. Looked for in
    the whole file, not its first pages: a collaboration's paper (ATLAS's in Physics
    Letters B) opens with its 3,000 authors on one line."""
    if _PAGE_ADDRESS not in text:  # the quick test first: this runs on every text file
        return False
    if _PAGE_IN_FILE.search(text) is None:
        return False
    return "Abstract: " in text or _ISSN_LINE.search(text) is not None


def parse_sciencedirect(text: str) -> Parsed:
    """Each paragraph with an article's page or an abstract is a record; the others are
    text around the records (a README's, where a record was pasted to be cited), counted
    in one notice for the file rather than as records without an abstract."""
    found: list[Record | Problem] = []
    stray: list[tuple[int, str]] = []
    for start, block in blocks(text):
        if any(_PAGE_LINE.fullmatch(line) or line.startswith("Abstract:") for line in block):
            found.append(_record(start, block))
        else:
            stray.append((start, block[0]))
    problems = []
    if stray:
        first, shown = stray[0]
        reason = (
            f"{count(len(stray), 'paragraph')} outside ScienceDirect records"
            " (a record has its article's page line)"
        )
        problems.append(Problem(first, reason, excerpt(shown), notice=True))
    return parsed_from(found, problems)


def _record(line: int, block: list[str]) -> Record | Problem:
    citation: list[str] = []
    abstract_lines: list[str] = []
    keywords = ""
    url = ""
    part = "citation"
    for text in block:
        if text.startswith("Abstract:"):
            part = "abstract"
            text = text.removeprefix("Abstract:").strip()
        elif text.startswith("Keywords:"):
            part = "keywords"
            keywords = text.removeprefix("Keywords:").strip()
            continue
        if part == "abstract":
            abstract_lines.append(text)
        elif part == "citation":
            if _PAGE_LINE.fullmatch(text):
                url = text.strip("()")
            else:
                citation.append(text.removesuffix(",").strip())
    doi = next(
        (d for text in citation if text.startswith("https://doi.org/") and (d := parse_doi(text))),
        None,
    )
    named = [text for text in citation if not _CITATION_PARTS.match(text)]
    # Authors, title, journal; an editorial without authors names the title and journal.
    if len(named) == 2:
        named = ["", *named]
    authors = named[0] if len(named) >= 2 else ""
    title = named[1] if len(named) >= 2 else (named[0] if named else "")
    venue = named[2] if len(named) >= 3 else ""
    years = [text for text in citation if re.fullmatch(r"\d{4}", text)]
    abstract = _abstract(abstract_lines)
    if not abstract:
        return missing_abstract(line, "a ScienceDirect record without an 'Abstract:' line", title)
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=split_authors(authors) if authors else (),
        url=url or None,
        doi=doi,
        date=years[0] if years else None,
        venue=venue or None,
        keywords=split_keywords(keywords or None),
    )


def _abstract(lines: list[str]) -> str:
    """The abstract's lines as one text: a heading line labels the paragraph after it."""
    sections: list[tuple[str, str]] = []
    label = ""
    for text in lines:
        if _HEADING.fullmatch(text) and len(text) < 40:
            label = "" if text.casefold() in BARE_HEADINGS else text
            continue
        sections.append((label, text))
        label = ""
    return labelled_sections(sections)
