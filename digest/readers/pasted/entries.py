# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001
"""The paper being assembled (`Entry`) and the state of the reading (`Reader`): it opens
entries, ends paragraphs and decides what each one is (the abstract, the authors, a title, or
text that is no paper, kept as a notice), files each field and every id and link where it
belongs, and takes in the pieces of arXiv found whole (arxiv_pages.Found).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.cleaning import tex_dashes
from digest.readers import arxiv_pages
from digest.readers.arxiv_pages import Found
from digest.readers.identifiers import old_feed_title, parse_arxiv_field, parse_doi
from digest.readers.pasted.fields import (
    SUMMARY_LABELS,
    date_value,
    labelled_field,
    title_like,
    translated,
)
from digest.readers.pasted.text import LINK, URL, inline_text, is_prose, join_lines, word_count
from digest.readers.plaintext import MIN_ABSTRACT_WORDS, NAME, looks_like_names
from digest.readers.records import (
    SURNAME_FIRST,
    Problem,
    excerpt,
    first_name_first,
    mostly_cjk,
    split_authors,
)

# "Title (https://arxiv.org/abs/…)": the link is the paper's, not part of its title.
# Each branch starts where a run of spaces starts: tried from inside a long run, "\s*" rescanned
# the rest of it from every space (100,000 spaces in a title: 30 s).
_TITLE_URL = re.compile(
    r"(?<!\s)\s*[(（]\s*https?://[^\s)）]+\s*[)）]|(?<!\s)\s*<?https?://[^\s>]+>?"
)

# Why text labelled as a summary ("简介", "TL;DR") is set aside: the entry has its abstract.
_SUMMARY = "a summary of the paper, not its abstract"

# Keywords written as code spans, one each ("`ELO rating` `model evaluation`"), with no
# comma between them.
_CODE_SPANS = re.compile(r"(?:\s*`[^`\n]+`)+\s*")

# The pages of an arXiv paper on other sites, named by its id.
_PAPER_PAGE = re.compile(
    r"//(?:huggingface\.co/papers|(?:www\.)?alphaxiv\.org/abs)/([\d.]+(?:v\d+)?)"
)
_CODE_HOSTS = ("github.com", "gitlab.com", "huggingface.co", "paperswithcode.com")


@dataclass
class Entry:
    """A paper being assembled from the lines of a paste."""

    line: int
    kind: str  # "heading", "listing", "search", "item", "row", "block", "found"
    title: str = ""
    title_rank: int = 0  # 3 a Title: field, 2 a feed's title, 1 a heading or a link's text
    abstract: str = ""
    authors: tuple[str, ...] = ()
    ids: dict[str, str] = field(default_factory=dict)  # arxiv, doi, url, pmid
    date: str = ""
    venue: str = ""
    keywords: list[str] = field(default_factory=list)
    metadata: list[tuple[str, str]] = field(default_factory=list)
    # "body", "abstract" (after an Abstract heading), "notes", "publication" (notes whose
    # links are the paper's)
    mode: str = "body"
    pending: str = ""  # a field whose label came alone ("### Title:"): its value is next
    labelled: bool = False  # the abstract came with a label ("Abstract:", a heading)
    summary: bool = False  # that label names a summary ("简介", "TL;DR"), not the abstract
    next_summary: bool = False  # the text being read is labelled as a summary
    abstract_line: int = 0  # where a labelled abstract starts
    abstract_level: int = 0  # the level of the heading over its abstract ("## Abstract": 2)
    level: int = 0  # a heading's level (1 for "#"), 0 for an entry not opened by a heading
    footnotes: list[str] = field(default_factory=list)  # the footnotes it refers to or is
    replacement: bool = False
    translated: bool = False  # the abstract came a line at a time, each over its translation

    def set_title(self, title: str, rank: int) -> None:
        title = _TITLE_URL.sub("", inline_text(title)).strip(" .:,")
        if title and rank > self.title_rank:
            self.title, self.title_rank = title, rank

    def identified(self) -> bool:
        """Named by an arXiv id, a DOI or a PMID (a web link alone names no paper)."""
        return any(key in self.ids for key in ("arxiv", "doi", "pmid"))

    def has_sections(self) -> bool:
        """Its deeper headings are sections of a note about it, no papers: it is named by an
        id, or its abstract is one of its sections ("# Title", then "## Abstract")."""
        return self.identified() or 0 < self.level < self.abstract_level

    def has(self, name: str) -> bool:
        return bool(self.title if name == "title" else self.abstract if name == "abstract"
                    else self.ids.get(name))  # fmt: skip


class Reader:
    def __init__(self, structured: bool) -> None:
        self.structured = structured  # Markdown structure or listing lines delimit entries
        self.entries: list[Entry] = []
        self.found: list[Entry] = []  # papers found whole (arxiv_pages.Found)
        self.problems: list[Problem] = []
        self.current: Entry | None = None
        self.paragraph: list[tuple[int, str]] = []
        self.quote = False
        self.columns: list[str] = []
        self.section = "new"
        self.title_lines: set[int] = set()  # lines taken as a feed item's title
        self.properties: dict[str, str] = {}  # the note's front matter (a page's clipping)
        self.item_note = False  # the properties name a paper, the text is its description
        # An abstract page's "[Submitted on …]" line: its number and day, for the Title: just
        # below it.
        self.submitted_on: tuple[int, str] | None = None
        self.referred: set[str] = set()  # footnotes an entry refers to (parsing._refer)
        self.line_start = 0  # where the line being read starts (a wrapped field's first)
        self.toggled = False  # a <details> toggle labelled with another field is open
        # A <details> toggle under a paper, labelled with no field, is open: its headings are
        # the paper's own sections (an analysis of it), no papers.
        self.paper_toggle = False

    # entries

    def start(self, line: int, kind: str) -> Entry:
        self.flush()
        entry = Entry(line, kind, replacement=self.section == "replace")
        self.entries.append(entry)
        self.current = entry
        return entry

    def entry(self, line: int) -> Entry:
        return self.current if self.current is not None else self.start(line, "block")

    # paragraphs

    def flush(self) -> None:
        """The paragraph just ended: the entry's abstract, or text that is not a paper's."""
        if not self.paragraph:
            return
        number = self.paragraph[0][0]
        lines = [line for _, line in self.paragraph]
        entry = self.current
        if entry is not None and _names_over_prose(entry, lines):
            # "# Title", its authors, then its abstract with no blank line between (a copy
            # of an abstract page): the names are the authors, no part of the abstract.
            entry.authors = split_authors(inline_text(lines[0]))
            number, lines = self.paragraph[1][0], lines[1:]
        translated = _over_translations(lines)
        text = join_lines(lines[::2] if translated else lines)
        quote, self.paragraph, self.quote = self.quote, [], False
        if not text:
            return  # the empty ">" lines between a quote's paragraphs
        pending = entry.pending if entry is not None else ""
        if entry is not None and pending:
            entry.pending = ""  # "### Title:" then the title on a line of its own
            if pending != "title" or (len(text.split()) <= 40 and not is_prose(text)):
                self.add_field(number, pending, pending, text)
            else:
                self.not_a_paper(number, text, "text that is not part of any paper")
        elif entry is not None and entry.mode in ("notes", "publication"):
            self.not_a_paper(number, text, "note text, not an abstract")
        elif entry is not None and entry.mode == "abstract":
            entry.mode = "body"
            summary, entry.next_summary = entry.next_summary, False
            if entry.labelled and (summary or not entry.summary):
                reason = _SUMMARY if summary else "a second abstract in one entry"
                self.not_a_paper(number, text, reason)
            else:
                # A labelled abstract beats prose met before it (a page's greeting), and the
                # abstract beats a summary labelled as one ("简介" before "摘要").
                if entry.abstract:
                    reason = _SUMMARY if entry.labelled else "text that is not part of any paper"
                    self.not_a_paper(entry.abstract_line or entry.line, entry.abstract, reason)
                entry.abstract, entry.labelled, entry.summary = text, True, summary
                entry.abstract_line = number
        elif (is_prose(text) or (quote and word_count(text) >= MIN_ABSTRACT_WORDS)) and (
            entry is not None or not self.structured or (self.item_note and not self.entries)
        ):
            # In a structured paste only an entry (a heading, a listing line, a Title:
            # field, a linked item, a feed item's properties) holds an abstract: a page's
            # greeting is no paper.
            if entry is None or (entry.abstract and not self.structured):
                entry = self.start(number, "block")
            if not entry.abstract:
                entry.abstract, entry.translated = text, translated
            elif translated and entry.translated:
                # A page clipped with a translation under each line: its abstract's
                # sentences come one pair a paragraph.
                entry.abstract += " " + text
            else:
                self.not_a_paper(number, text, "text after the abstract, not part of it")
        elif entry is not None and not entry.authors and (byline := _byline(text)):
            # "*A, B* | **Category: cs.CR** | **Updated: …**": the names, then fields
            entry.authors = split_authors(byline[0])
            for name, label, value in byline[1]:
                self.add_field(number, name, label, value)
        elif looks_like_names(_unslanted(text)) and entry is not None and not entry.authors:
            entry.authors = split_authors(_unslanted(text))  # "_Zheqi He, Yesheng Liu_"
        elif (
            entry is not None
            and entry.title
            and not entry.authors
            and NAME.match(text)
            and (entry.kind == "listing" or (entry.kind == "heading" and _one_author(entry, text)))
        ):
            # arXiv's listing prints a paper's one author under its title, unlabelled; so do
            # the daily lists under the heading linking the paper ("### [Title](arXiv link)").
            entry.authors = split_authors(text)
        elif not self.structured and title_like(text) and "\n" not in text:
            if entry is None or entry.has("title") or entry.abstract:
                entry = self.start(number, "block")
            entry.set_title(text, 1)
        else:
            self.not_a_paper(number, text, "text that is not part of any paper")

    def not_a_paper(self, line: int, text: str, reason: str) -> None:
        self.problems.append(Problem(line, reason, excerpt(text), notice=True))

    # fields

    def add_field(self, number: int, name: str, label: str, value: str) -> None:
        # "**Year:** 2017. **Preprint:** arXiv:…": each bold field on the line its own (one
        # after another, not each inside the last: a line can hold thousands)
        while name != "abstract" and (later := _LATER_FIELD.search(value)):
            field = labelled_field(value[later.start() :])
            if field is None:
                break
            self.add_one_field(number, name, label, value[: later.start()].rstrip(" .,;|"))
            name, label, value = field
        self.add_one_field(number, name, label, value)

    def add_one_field(self, number: int, name: str, label: str, value: str) -> None:
        entry = self.entry(number)
        if name == "title" and entry.title_rank >= 3 and _translated_title(value, entry.title):
            return  # "Title: …", then its translation "\u6807\u9898\uff1a…": one paper
        if name == "title" and entry.title_rank >= 3 and entry.kind != "row":
            entry = self.start(number, "block")  # a second Title: opens the next paper
        elif not self.structured and entry.has(name) and name == "abstract":
            entry = self.start(number, "block")
        value = value.strip()
        if value.rstrip(":： ").lower() == label:
            value = ""  # "- **Subjects:** Subjects:": the label twice, its value next
        if name in ("authors", "date", "venue") and value.strip("*_ ").lower() in _NO_VALUE:
            return  # "- Author: Unknown", "- Published: Unknown": a template's blank
        if _UNFILLED.fullmatch(value):
            return  # "- **Journal**: {{publicationTitle}}, ": a template's field left unfilled
        if name == "authors" and _AUTHOR_COUNT.fullmatch(value.strip("*_ ")):
            return  # "- **Authors**: 3 researchers", a template's statistics: no names
        if name == "abstract":
            self.flush()
            id_line = arxiv_pages.RSS_ID_LINE.fullmatch(value)
            if id_line:  # "**Abstract:** arXiv:…v1 Announce Type: new", "Abstract: …" below
                _add_arxiv(entry, id_line.group(1))
                entry.metadata.append(("announce type", id_line.group(2).lower()))
                value = ""
            entry.mode = "abstract"  # the value, and the lines that continue it
            entry.next_summary = label in SUMMARY_LABELS or translated(label)
            if value:
                self.paragraph = [(number, value)]
        elif not value and name in NEXT_LINE_FIELDS:
            entry.pending = name  # the value is on the next line
        elif name == "title":
            history = self.submitted_on
            if history and 0 < self.line_start - history[0] <= _SUBMITTED_REACH:
                entry.date = entry.date or history[1]
            self.submitted_on = None
            old_style = old_feed_title(inline_text(value))
            if old_style:  # "Title. (arXiv:2008.04826v1 [cs.SI])", arXiv's feeds until 2024
                value = old_style[0]
                self.add_ids(entry, f"arXiv:{old_style[1]}", prefer="arxiv")
            entry.set_title(value, 3)
        elif name == "authors":  # "Authors: … View a PDF of the paper titled …" (a page)
            names = split_authors(arxiv_pages.AUTHORS_END.sub("", inline_text(value)))
            if ";" in value and all(map(SURNAME_FIRST.fullmatch, names)):
                # "Huang, Junlong; Zhou, Boyu" (Zotero's mdnotes): surnames first, turned round.
                names = tuple(map(first_name_first, names))
            entry.authors = names
        elif name in ("url", "arxiv", "doi", "pmid"):
            self.add_ids(entry, value, prefer=name)
        elif name == "date":
            # "**SubmitDate**: 2025-05-22 [abs](…/abs/…) [paper-pdf](…)": the day, then links
            entry.date = entry.date or date_value(inline_text(LINK.sub(" ", value)))
            if "://" in value:
                self.add_ids(entry, value)
        elif name == "venue":
            entry.venue = entry.venue or inline_text(value)
        elif name == "keywords":
            if _CODE_SPANS.fullmatch(value):
                words = re.findall(r"`([^`]+)`", value)
            else:
                # Chinese and Japanese part them by full-width ";" and "," and by "\u3001".
                words = re.split(r"[;,\uff1b\uff0c\u3001]", inline_text(value))
            # A tag that opens with "/" is a reader's state in Zotero ("/unread"), no subject.
            entry.keywords += [k for k in map(str.strip, words) if k and not k.startswith("/")]
        else:
            entry.metadata.append((name or label, inline_text(value)))
            if name in ("", "citation") and "://" in value:
                # "**Source:** cs.GT updates on arXiv.org — https://arxiv.org/abs/…": a
                # note's own label over the paper's link; the link is the paper's.
                self.add_ids(entry, value)

    def add_ids(self, entry: Entry, text: str, prefer: str = "") -> None:
        """Every id and link in a piece of text: arXiv ids, DOIs, PMIDs, the first web link."""
        # An image's address is no paper's page ("![No Figure Available](https://img.shields.io/…)").
        links = list(LINK.finditer(text))
        images = {link.group(2) for link in links if link.group(0)[0] == "!"}
        plain = LINK.sub(" ", text)
        # Nor is the link around one (a README's badge: "[![RDKit](…svg)](https://www.rdkit.org/)").
        images |= set(re.findall(r"\[\s*\]\(\s*<?([^)\s>]+)", plain))
        urls = [link.group(2) for link in links] + URL.findall(plain)
        for url in urls:
            paper_page = _PAPER_PAGE.search(url)  # Hugging Face's page of an arXiv paper
            arxiv = None
            if "arxiv.org/" in url:
                arxiv = parse_arxiv_field(url)
            elif paper_page:
                arxiv = parse_arxiv_field(paper_page.group(1))
            doi = parse_doi(url) if "doi.org/" in url or "10.48550" in url else None
            if arxiv:
                _add_arxiv(entry, arxiv.id + (f"v{arxiv.version}" if arxiv.version else ""))
            elif doi:
                entry.ids.setdefault("doi", doi)
            if "arxiv.org/" in url and not arxiv:
                continue  # "https://arxiv.org/abs/" with its id left out, a listing's link
            if (
                "url" not in entry.ids
                and url.startswith(("http://", "https://"))  # not "zotero://select/…"
                and url not in images
                and (paper_page or not _is_code_host(url))
            ):
                entry.ids["url"] = url
        if prefer in ("arxiv", "url") or "arxiv:" in plain.lower():
            found = re.search(rf"(?:arXiv:\s*|^\s*)({arxiv_pages.ARXIV_ID})\b", plain, re.I)
            if found:
                _add_arxiv(entry, found.group(1))
        if prefer == "doi" or "doi" in plain.lower():
            doi = parse_doi(plain)
            if doi:
                entry.ids.setdefault("doi", doi)
        if prefer == "pmid":
            pmid = re.search(r"\b\d{1,9}\b", plain)
            if pmid:
                entry.ids.setdefault("pmid", pmid.group(0))

    # arXiv pieces found whole

    def add_found(self, found: Found, title_line: tuple[int, str] | None = None) -> None:
        entry = Entry(found.line, "found")
        fields = found.fields
        entry.abstract = join_lines([fields.get("abstract", "")])
        entry.labelled = True
        if "announce type" in fields:
            # An arXiv listing item: its text is the TeX its authors wrote ("3--5$\times$").
            entry.abstract = tex_dashes(entry.abstract)
        if fields.get("title"):
            entry.set_title(fields["title"], 3 if "announce type" not in fields else 2)
        elif title_line is not None:
            entry.set_title(title_line[1], 2)
        if fields.get("authors"):
            entry.authors = split_authors(fields["authors"])
        if fields.get("arxiv"):
            entry.ids["arxiv"] = fields["arxiv"]
        if fields.get("url"):
            self.add_ids(entry, fields["url"])
        entry.date = fields.get("date", "")
        for key in ("comments", "subjects", "announce type"):
            if fields.get(key):
                entry.metadata.append((key, fields[key]))
        self.found.append(entry)


# How far below its "[Submitted on …]" line an abstract page's Title: starts (a text
# browser's copy wraps the history line, and the title over the lines below it).
_SUBMITTED_REACH = 3
# A bold label after a field's value on its line: "2017. **Preprint:** …".
_LATER_FIELD = re.compile(r"(?<=\s)(\*\*|__)[^*_:\uff1a\n]{1,40}?(?:[:\uff1a]\1|\1\s*[:\uff1a])")
# Fields whose label may stand alone, the value on the line after it.
NEXT_LINE_FIELDS = frozenset({"title", "authors", "subjects", "venue", "date", "comments"})


def _names_over_prose(entry: Entry, lines: list[str]) -> bool:
    """A titled entry's paragraph opens with its author list on a line of its own, and a
    sentence follows (a line that starts a new one, not the list's wrapped end)."""
    if entry.authors or entry.abstract or not entry.title or len(lines) < 2:
        return False
    names, rest = inline_text(lines[0]), inline_text(lines[1])
    return (
        looks_like_names(names)
        and not names.endswith((",", ";", " and"))
        and rest[:1].isupper()
        and is_prose(join_lines(lines[1:]))
    )


def _one_author(entry: Entry, text: str) -> bool:
    """A line that names one person ("Takuhiro Kaneko"), under the heading naming a paper by
    its id and before its abstract: two words or more, each capitalised, no digit."""
    words = text.split()
    return (
        entry.identified()
        and not entry.abstract
        and len(words) >= 2
        and all(word[:1].isupper() and not any(c.isdigit() for c in word) for word in words)
    )


def _byline(text: str) -> tuple[str, list[tuple[str, str, str]]] | None:
    """A paper's authors, then its labelled fields, on one line parted by " | " (an arXiv
    daily's "*A, B* | **Category: cs.CR** | **Updated: 2025-07-09**"): the names and the
    fields, or None."""
    if " | " not in text:
        return None
    first, *rest = text.split(" | ")
    names = inline_text(first).strip()
    if not (looks_like_names(names) or NAME.fullmatch(names)):
        return None
    fields = [labelled_field(part.strip()) for part in rest]
    found = [field for field in fields if field is not None]
    return (names, found) if len(found) == len(fields) else None


def _unslanted(text: str) -> str:
    """A text set in italics whole with underscores ("_names_") without them."""
    return text[1:-1] if len(text) > 2 and text[0] == text[-1] == "_" else text


def _is_code_host(url: str) -> bool:
    return any(host in url for host in _CODE_HOSTS)


def _add_arxiv(entry: Entry, arxiv: str) -> None:
    """The entry's arXiv id, unless it has one; the same id with its version replaces it
    ("[Title](https://arxiv.org/abs/2601.22031)" then "**ArXiv ID**: 2601.22031v1")."""
    known = entry.ids.get("arxiv", "")
    if not known or (arxiv.startswith(known) and _VERSION.fullmatch(arxiv[len(known) :])):
        entry.ids["arxiv"] = arxiv


_VERSION = re.compile(r"v\d+")


def _over_translations(lines: list[str]) -> bool:
    """Lines that alternate a line in another script and its translation in Chinese, Japanese
    or Korean ("The growing use of \u2026", "\u968f\u7740\u7edf\u8ba1\u5b66\u4e60\u2026")."""
    return len(lines) % 2 == 0 and all(
        mostly_cjk(line) == bool(at % 2) for at, line in enumerate(lines)
    )


def _translated_title(value: str, title: str) -> bool:
    """A title in Chinese, Japanese or Korean after the paper's own in another script: its
    translation (a page clipped with its translation under each line), not a next paper."""
    return mostly_cjk(value) and not mostly_cjk(title)


# An author field that counts the authors, a template's statistics ("3 researchers").
_AUTHOR_COUNT = re.compile(r"\d+\s+[a-z]+")
# A template's placeholder left in its note (Zotero's mdnotes: "{{publicationTitle}},"), or
# the quotes a template put round one, empty (Zotero Integration's "Journal:: \u201c\u201d").
_UNFILLED = re.compile(r"\{\{[^{}\n]{1,80}\}\}[,;.]?|[\"'\u201c\u201d\u2018\u2019]{2}")
# What a note's template writes where it knows no value.
_NO_VALUE = frozenset({"unknown", "n/a", "na", "none", "null", "-", "—", "tbd", "?"})
