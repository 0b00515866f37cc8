# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001
"""A Markdown heading: a paper's title (a daily list's number and arXiv id taken off it), a
label over the abstract ("## Abstract", "摘要"), or a section of a note that names no paper
("Notes", "3.2 Related Work", "💡 Inspiration").
"""

from __future__ import annotations

import re
import unicodedata

from digest.readers import arxiv_pages
from digest.readers.pasted.entries import NEXT_LINE_FIELDS, Reader
from digest.readers.pasted.fields import (
    ABSTRACT_HEADING,
    LABELS,
    SUMMARY_LABELS,
    labelled_field,
    translated,
)
from digest.readers.pasted.front_matter import names_one_paper
from digest.readers.pasted.text import inline_text, same_title

_ANNOUNCED = re.compile(r"^\s*\[(new|cross|replaced|updated)\s+\d{1,4}\]\s+(?=\S)", re.I)
_LIST_NUMBER = re.compile(r"^(?:\d{1,3}[.)]|\[\d{1,3}\])\s+(?=\S)")
_HEADING_ID = re.compile(rf"^\s*\[?(?:arXiv:)?({arxiv_pages.ARXIV_ID})\]?\s+(?=\S)", re.I)

# A paper's own sections, numbered or not ("1. Introduction", "3.2 Related Work"), are
# also part of a note about it, never a paper's title; so are a note's own ("Metadata",
# "Main contributions"; in Korean, "메타데이터" and "주요 기여").
_NOTE_HEADINGS = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\w))?"
    r"(?:content|contents|table of contents|notes?|my notes|connections|links?|references?|"
    r"related(?: work)?|introduction|background|methods?|methodology|experiments?|results|"
    r"evaluation|discussion|conclusions?|limitations|future work|appendix|further reading|"
    r"comments?|tags|todo|to do|thoughts|highlights|key points|takeaways|citation|bibtex|cite|"
    r"code|resources|sources?|metadata|details|(?:main |key )?contributions|scraped from\b.*|"
    r"source:.*|메타데이터|주요 기여)$",
    re.I,
)


# "Paper information" in Japanese and Chinese, over the fields of the paper a note is about.
_PAPER_DETAILS = re.compile(r"^(?:\u8ad6\u6587\u60c5\u5831|\u8bba\u6587\u4fe1\u606f)$")


def read_heading(reader: Reader, number: int, text: str, level: int) -> None:
    reader.flush()
    text = re.sub(r"<!--.*?-->", " ", text).strip()  # "RefineNet <!-- omit in toc -->"
    name = inline_text(text).strip(" :：").lower()
    current = reader.current
    labelled = labelled_field(inline_text(text))
    if labelled is not None and labelled[0] == "title" and labelled[2].strip():
        # "# Title:When Engineering …": an abstract page's Title: field made a heading.
        reader.add_field(number, "title", "title", labelled[2])
        return
    if labelled is not None and labelled[0] == "title":
        # "### Title:" with the title on the next line (an arxiv-daily generator's layout):
        # a paper's entry, its title to come.
        entry = reader.start(number, "heading")
        entry.level, entry.pending = level, "title"
        return
    abstract = ABSTRACT_HEADING.match(name)
    if abstract:
        # "## Abstract" opening a note about one paper (its title in the front matter) opens
        # that paper's entry; under a paper's heading, it labels that paper's abstract.
        entry = current if current is not None else reader.start(number, "heading")
        entry.mode = "abstract"
        entry.next_summary = abstract.group(1) in SUMMARY_LABELS or translated(name)
        if not entry.next_summary:  # a digest's "## Summary" heads no paper's sections
            entry.abstract_level = level
        return
    first = reader.entries[0] if reader.entries else None
    if first is not None and first.labelled and not first.title and reader.properties.get("title"):
        # A clipped article: its "## Abstract" opened the note's one paper (its title in the
        # properties), and "## Background & Summary", "### Subjects" are its own sections, no
        # papers, their text and its links no part of the paper's.
        reader.current = None
        return
    if _PAPER_DETAILS.match(name) and reader.properties.get("title"):
        described = next((e for e in reader.entries if e.abstract), None)
        if described is not None:
            # "#### \u8ad6\u6587\u60c5\u5831" (the paper's details: authors, journal, DOI) at
            # the end of a note about one paper: the fields of the paper the note summed up.
            reader.current = described
            described.mode = "notes"
            return
    if reader.paper_toggle and current is not None:
        current.mode = "notes"  # a section of the paper's analysis (see Reader.paper_toggle)
        return
    if name == "publication" and current is not None:
        # A paper's README: "## Publication", the journal's reference and its link under it,
        # the preprint's too: no paper's abstract, but the links are the paper's.
        current.mode = "publication"
        return
    if _NOTE_HEADINGS.match(name):
        if current is not None:
            current.mode = "notes"
            reader.add_ids(current, text) if "arxiv.org/abs" in text else None
        return
    within = current is not None and 0 < current.level < level
    if name.startswith(_PAPER_ICONS) and _without_icon(name) and not within:
        # "## \U0001f4c4 Title" (Daily_paper_update's template): the page icon marks a paper;
        # under a paper's heading it marks a section ("## \U0001f4c4 Paper info").
        text = name = _without_icon(inline_text(text))
    if _icon_led(name):
        # "## 📋 메타데이터", "### 💡 Inspiration": a section of a note, or a topic above
        # papers, in any language; a paper's title does not open with an icon.
        if current is None or not within:
            reader.current = None
        elif (field := LABELS.get(_without_icon(name), "")) in NEXT_LINE_FIELDS:
            # "### \U0001f465 Authors" under the paper's heading, the names on the next line.
            current.pending = field
        else:
            current.mode = "notes"  # the paper's own section: its fields still count
        return
    if (
        current is not None
        and 0 < current.level < level
        and (
            current.has_sections()
            or same_title(current.title, reader.properties.get("title", ""))
            or names_one_paper(reader)
        )
    ):
        # "# Title", its arXiv link, then "## Key points": a part of the paper's note, not
        # the next paper (a topic heading above papers names no paper's id). So too under
        # a heading whose abstract is one of its sections ("# Title", "## Abstract", then
        # mdnotes's "## Tags and Collections", the reader's "### Path Optimization"), under
        # the heading that repeats the note's title property, before its link comes, and
        # under any heading of a note whose properties link to one paper ("## 问题").
        current.mode = "body"
        return
    if (
        current is not None
        and current.level == level
        and not current.abstract
        and same_title(current.title, reader.properties.get("title", ""))
        and names_one_paper(reader)
    ):
        # "# Title" then "# \u6807\u9898": a note about one paper gives its title (the one its
        # properties name), then the title translated, which is no paper of its own.
        current.metadata.append(("translated title", inline_text(text)))
        return
    if (
        current is not None
        and current.kind == "heading"
        and current.level == level
        and current.title_rank >= 3
        and current.identified()
        and not same_title(current.title, inline_text(text))
        and not _HEADING_ID.match(text)
        and "://" not in text
    ):
        # "## 1. Metadata y resumen ejecutivo" over the paper's "**Título:**" field and its
        # arXiv link, then "## 2. Contexto histórico": the heading named no paper, a section
        # of a note about the one its fields name, and so do the headings beside it.
        current.mode = "body"
        return
    entry = reader.start(number, "heading")
    entry.level = level
    announced = _ANNOUNCED.match(text)  # "#### [new 001] Title": a daily list's numbering
    if announced:
        entry.metadata.append(("announce type", announced.group(1).lower()))
        text = text[announced.end() :]
    numbered = _HEADING_ID.match(text)  # "### 2509.00366 KG-RAG: …", "## [2509.00366] …"
    if numbered:
        entry.ids["arxiv"] = numbered.group(1)
        text = text[numbered.end() :]
    # "### 1. **[Title]**", "### [1] [Title](…)": the list's number and the brackets around
    # the title are not it.
    plain = _LIST_NUMBER.sub("", inline_text(text))
    bracketed = re.fullmatch(r"\[([^\[\]]+)\]", plain)
    entry.set_title(bracketed.group(1) if bracketed else plain, 1)
    reader.add_ids(entry, text)


# A page, the icon a generated list puts before each paper's title.
_PAPER_ICONS = ("\U0001f4c4", "\U0001f4c3")


def _without_icon(text: str) -> str:
    """The text after its icon ("\U0001f3f7\ufe0f Classification": "Classification")."""
    return text.lstrip()[1:].lstrip("\ufe0f ")


def _icon_led(text: str) -> bool:
    """Text that opens with a pictograph or symbol (📋, 💡, ⚡): a section's icon."""
    first = text.lstrip()[:1]
    return bool(first) and unicodedata.category(first) == "So"
