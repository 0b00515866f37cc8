"""ProQuest's text export (Export/Save as "Text only", or the report it mails), one
document a block of labelled paragraphs:

    ____________________________________________________________

    Document 1 of 100

    Entrenchment and the Kripke-Wittgenstein paradox

    Author: Dorst, Chris

    http://search.proquest.com/docview/1548716365?accountid=14906

    Abstract: Surprisingly little attention has been paid to Goodman's own …

    Links: http://sfx.scholarsportal.info/waterloo?url_ver=Z39.88-2004&amp;…

    Identifier / keyword: Philosophy, religion and theology, Entrenchment, Goodman
    Publication year: 2014
    ProQuest document ID: 1548716365
    Title: Entrenchment and the Kripke-Wittgenstein paradox

The report opens with its date and a table of contents, and closes with ProQuest's contact
and copyright lines: neither is a document. A document opens with "Document N of M" and its
title; then "Label: value" paragraphs, the abstract's and the full text's running over the
paragraphs after them until the next label ProQuest writes. A document without an abstract
says "Abstract: None available." or has no "Abstract:" at all (a newspaper's full text is
no abstract). Nothing else writes this, so it is read here.
"""

from __future__ import annotations

import re

from digest.readers.identifiers import parse_doi
from digest.readers.markup import without_abstract_heading
from digest.readers.records import (
    YEAR,
    Parsed,
    Problem,
    Record,
    blocks,
    first_name_first,
    iso_date,
    missing_abstract,
    month_number,
    parsed_from,
    split_keywords,
)

_DOCUMENT = re.compile(r"^Document (\d+) of (\d+)\s*$", re.M)
_RULE = re.compile(r"_{20,}")
# A paragraph that starts with a label: a few words ("Identifier / keyword", "Dissertation/
# thesis number"), a colon and a space.
_LABELLED = re.compile(r"([A-Z][A-Za-z]*(?:[ /-]{1,3}[A-Za-z()]+){0,4}): ?(.*)", re.S)
# The labels ProQuest writes: within the abstract or the full text only these end it, so
# that a structured abstract's "Methods: …" paragraph stays in it.
_LABELS = frozenset(
    label.casefold()
    for label in (
        "Abstract",
        "Accession number",
        "Advisor",
        "Author",
        "Classification",
        "CODEN",
        "Committee member",
        "Company / organization",
        "Conference title",
        "Copyright",
        "Country of publication",
        "Credit",
        "Database",
        "Dateline",
        "Degree",
        "Degree date",
        "Department",
        "Dissertation/thesis number",
        "Document feature",
        "Document type",
        "Document URL",
        "DOI",
        "e-ISSN",
        "Editor",
        "First page",
        "Full text",
        "Identifier / keyword",
        "Illustration",
        "ISBN",
        "ISSN",
        "Issue",
        "Language",
        "Language of publication",
        "Last updated",
        "Links",
        "Location",
        "MeSH",
        "Number of pages",
        "Online publication date",
        "Pages",
        "People",
        "Place of publication",
        "ProQuest document ID",
        "Publication date",
        "Publication history",
        "Publication subject",
        "Publication title",
        "Publication year",
        "Publisher",
        "PubMed ID",
        "School code",
        "Section",
        "Source",
        "Source type",
        "Sponsor",
        "Subject",
        "Title",
        "University location",
        "University/institution",
        "Update",
        "Volume",
        "Year",
    )
)
# Fields whose paragraphs run on: the others are one paragraph each.
_RUNNING = frozenset({"abstract", "full text"})
_NONE = re.compile(r"(?:none available|not available|n/a)\.?", re.I)
_DOCVIEW = re.compile(r"https?://\S*/docview/\S+")
_DAY_DATE = re.compile(r"([A-Z][a-z]{2,8})\.? (\d{1,2}), ((?:1[89]|20)\d\d)\b")
_MONTH_DATE = re.compile(r"([A-Z][a-z]{2,8})\.?(?:/[A-Z][a-z]{2,8})? ((?:1[89]|20)\d\d)\b")


def looks_like_proquest(text: str) -> bool:
    """A "Document 1 of N" line, and ProQuest's own name for its documents' ids or its
    report's heading."""
    found = _DOCUMENT.search(text, 0, 200_000)
    if found is None:
        return False
    head = text[: found.start() + 200_000]
    return "ProQuest document ID:" in head or "Report Information from ProQuest" in head


def parse_proquest(text: str) -> Parsed:
    lines = text.split("\n")
    starts = [n for n, line in enumerate(lines) if _DOCUMENT.fullmatch(line.strip())]
    found: list[Record | Problem] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        found.append(_record(start + 1, lines[start + 1 : end]))
    return parsed_from(found)


def _paragraphs(lines: list[str]) -> list[str]:
    """A document's paragraphs, up to the rule that closes it; a paragraph's lines joined."""
    end = next((n for n, line in enumerate(lines) if _RULE.fullmatch(line.strip())), len(lines))
    return [" ".join(block) for _, block in blocks("\n".join(lines[:end]))]


def _fields(paragraphs: list[str]) -> tuple[str, list[str], dict[str, list[str]]]:
    """The title the document opens with, the docview links, and the labelled fields (each
    label's values, one a paragraph; a running field's paragraphs joined to it)."""
    heading = ""
    links: list[str] = []
    fields: dict[str, list[str]] = {}
    label = ""
    for paragraph in paragraphs:
        found = _LABELLED.fullmatch(paragraph)
        name = found.group(1).casefold() if found else ""
        known = found is not None and name in _LABELS
        if not label and not heading and not known:
            heading = paragraph  # the title, even one with a colon ("Quantify this: …")
        elif _DOCVIEW.fullmatch(paragraph):
            links.append(paragraph)
        elif found and (known or (label not in _RUNNING and not paragraph.startswith("http"))):
            label = name
            fields.setdefault(label, []).append(found.group(2).strip())
        elif label in _RUNNING:
            fields[label][-1] += "\n\n" + paragraph
    return heading, links, fields


def _record(line: int, lines: list[str]) -> Record | Problem:
    heading, links, fields = _fields(_paragraphs(lines))

    def first(*labels: str) -> str:
        return next((v for label in labels for v in fields.get(label, []) if v), "")

    title = first("title") or heading
    abstract = " ".join(first("abstract").split())
    if _NONE.fullmatch(abstract):
        abstract = ""
    abstract = without_abstract_heading(abstract)
    if not abstract:
        return missing_abstract(line, "a ProQuest document without an 'Abstract:'", title)
    authors = [
        first_name_first(name.strip())
        for value in fields.get("author", [])
        for name in value.split(";")
        if name.strip()
    ]
    keywords = [
        *split_keywords(first("identifier / keyword") or None),
        *split_keywords(";".join(fields.get("subject", [])) or None),
        *split_keywords(";".join(fields.get("mesh", [])) or None),
    ]
    pmid = first("pubmed id")
    metadata = [("proquest document id", v)] if (v := first("proquest document id")) else []
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(authors),
        url=first("document url") or (links[0] if links else "") or None,
        doi=parse_doi(first("doi")),
        date=_date(first("publication date"), first("publication year", "degree date", "year")),
        metadata=tuple(metadata),
        pmid=pmid if pmid.isdigit() else None,
        venue=first("publication title", "university/institution") or None,
        keywords=tuple(dict.fromkeys(k for k in keywords if k)),
    )


def _date(published: str, year: str) -> str | None:
    """'Jan 31, 2024' -> '2024-01-31', 'Spring 2019' -> '2019', else the year given."""
    if found := _DAY_DATE.search(published):
        month = month_number(found.group(1))
        if month:
            return iso_date(found.group(3), month, int(found.group(2)))
    if found := _MONTH_DATE.search(published):
        month = month_number(found.group(1))
        if month:
            return iso_date(found.group(2), month)
    found = YEAR.search(published) or YEAR.search(year)
    return found.group(0) if found else None
