# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001, RUF002, RUF003
"""What people paste by hand: Markdown paper lists and notes, browser copies of arXiv listing
and abstract pages, and plain notes of title / URL / abstract blocks.

A paste has no schema, so records are assembled from what each line is:

- structure: Markdown headings, list items with a `[Title](url)` link, table rows, `---` rules,
  and arXiv's `[1] arXiv:ID [pdf, …]` listing lines start a new entry; a heading named like a
  part of a paper ("Abstract", "Summary", "摘要") labels what follows, and one named like a
  part of a note ("Notes", "Content", "Connections", "Scraped from …") holds no abstract;
- labelled fields, in English or Chinese, plain or bold (`Title:`, `**Authors**:`,
  `**摘要**：`, `Subjects:`, `Link:`…): a field line is never an abstract;
- the abstract: a labelled one, a blockquote, or else the entry's first paragraph of prose
  (MIN_ABSTRACT_WORDS words and a sentence end) that is not a list of names;
- pieces of arXiv found whole (arxiv_pages.py): a flattened RSS item, a flattened abstract
  page, RSS/Atom XML pasted into a note.

A summary labelled as one ("简介", "TL;DR") is the abstract only of an entry that has no other.
A list whose entries all lack an abstract (titles and links only) says so in each entry's
reason. In a paste without structure, an entry ends where a field it already has comes again (a
second title, a second abstract). The same paper pasted twice in one file (its arXiv id, DOI, URL or
title) is one record, keeping the longest abstract and the most explicit title. Headings, notes
and page navigation that are no paper come back as notices, so nothing vanishes silently.
Markdown's backslash escapes (`G\\-YOLOv11`, `\\(CAD\\)`) are removed.

No Markdown library helps here: they render documents, while this needs the lines' roles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from digest.cleaning import join_wrapped_lines
from digest.readers import arxiv_pages, markup
from digest.readers.arxiv_pages import Found
from digest.readers.identifiers import old_feed_title, parse_arxiv_field, parse_doi
from digest.readers.plaintext import MIN_ABSTRACT_WORDS, stray_text_reason
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    first_lines,
    rfc2822_day,
    split_authors,
)

# The text never ends in a space, so it stops only after a non-space: stopping at every space
# of a long run, "\s*" rescanned the rest of the run from each.
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(|.*?(?<!\s))\s*(?:\s#+\s*)?$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
# Possessive: each run stops before a character that cannot be a space, so giving some back never
# helps, and "\s*\|?\s*" no longer splits a long run of tabs at each of its places.
_TABLE_RULE = re.compile(r"^\s*+(?:\|\s*+)?:?-{3,}+:?\s*+(?:\|\s*+:?-{3,}+:?\s*+)*+(?:\|\s*+)?$")
# Repeats are bounded: a line of 50,000 "[" must not cost 50,000 scans to its end each. They
# are possessive too: each stops only before the one character that may follow it, so giving
# characters back never helps, and a line of 20,000 "[](" must not try 2,000 lengths at each.
_LINK = re.compile(
    r"!?\[([^\]\n]{0,500}+)\]\(\s*+<?([^)\s>]{1,2000}+)>?(?:\s+\"[^\"]{0,200}+\")?\s*\)"
)
_URL_LINE = re.compile(r"^\s*<?(https?://\S+?)>?\s*$")
_URL = re.compile(r"https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:]")
# Pandoc's attributes after a link or a span ("[Emma Brunskill](…){rel="nofollow"}",
# "{.arxivid}", "{#title}"): a web page turned into Markdown by pandoc keeps them.
# One attribute: "#id", ".class" or 'key="value"'.
_PANDOC_ATTRIBUTE = r'(?:[#.][\w-]{1,60}|[\w-]{1,40}="[^"{}\n]{0,300}")'
_PANDOC_ATTRIBUTES = re.compile(rf"\{{{_PANDOC_ATTRIBUTE}(?:\s{_PANDOC_ATTRIBUTE}){{0,20}}\}}")
_MD_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")
_EMPHASIS = re.compile(
    r"(\*\*|__)(.{1,500}?)\1|(?<![\w*])\*(?!\s)([^*\n]{1,500}?)(?<!\s)\*(?!\w)|`([^`]{1,500})`"
)
# "Authors: …", "**Authors:** …", "*Authors:* …" (bold or italic labels), with a bullet.
# The leading spaces are taken whole, or all but the last (a label may start with that one,
# "   : x"): giving back any more cannot match where these fail, and a plain "\s*" gave back
# one at a time, rescanning the rest of a long run of tabs for each.
_FIELD = re.compile(
    r"^(?:(?>\s*)|\s*?(?=\s(?!\s)))(?:[-*+]\s+)?(?:\*\*|__|\*|_)?([^:：*_\[\]()<>|/]{1,40}?)(?:\*\*|__|\*|_)?\s*[:：]\s*"
    r"(?:\*\*|__|\*|_)?\s*(.*)$"
)
_BOLD_FIELD = re.compile(r"^\s*(?:[-*+]\s+)?(\*\*|__)[^*_:：]{1,40}[:：]")
_HTML_LINK = re.compile(
    r"<a\s[^<>]{0,300}?href=[\"'](https?://[^\"'<>\s]{1,2000})[\"'][^<>]{0,300}>([^<]{1,300})</a>",
    re.I,
)
_INLINE_HTML = re.compile(r"</?(?:font|span|u|em|i|mark|small)\b[^<>]{0,200}>", re.I)
_HTML_ONLY = re.compile(
    r"^(?:<\s*/?\s*(?:details|summary|br|p|div|ol|ul|li|b|strong)\b[^>]*>[^<]{0,40})+$", re.I
)
_DEFINITION = re.compile(r"^\s{0,3}:\s+(\S.*)$")  # a definition list's description line
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)|\.\.\.$|…$")
_ANNOUNCED = re.compile(r"^\s*\[(new|cross|replaced|updated)\s+\d{1,4}\]\s+(?=\S)", re.I)
_LIST_NUMBER = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
_HEADING_ID = re.compile(rf"^\s*\[?(?:arXiv:)?({arxiv_pages.ARXIV_ID})\]?\s+(?=\S)", re.I)
# "Title (https://arxiv.org/abs/…)": the link is the paper's, not part of its title.
# Each branch starts where a run of spaces starts: tried from inside a long run, "\s*" rescanned
# the rest of it from every space (100,000 spaces in a title: 30 s).
_TITLE_URL = re.compile(
    r"(?<!\s)\s*[(（]\s*https?://[^\s)）]+\s*[)）]|(?<!\s)\s*<?https?://[^\s>]+>?"
)
_BOLD_LABEL = re.compile(r"^(\*\*|__|\*|_)([^*_:：\n]{1,40}?)\s*(?:[:：]\1|\1\s*[:：])\s*")
# "**Curriculum Learning** (2009)" on a line of its own, its fields as items under it.
_BOLD_TITLE = re.compile(r"^(\*\*|__)([^*_\n]{3,300}?)\1\s*(?:[(（]\s*(\d{4})\s*[)）])?$")
_ITEM_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*[,，|]?\s*(?=\*\*|__|\[)")
_ET_AL = re.compile(r"^([^,;]{2,80}?)\s+et\.?\s?al\.?(?:[,;]\s*|\s+|$)(.*)$")
_EMPTY_LABEL = re.compile(
    r"(?:^|[,;]\s*)(?:paper|pdf|code|link|url|github|project|arxiv)\s*[:：]?\s*(?=[,;]|$)", re.I
)
_NAME = re.compile(r"^[\w.'’\-]+(?:\s+[\w.'’\-]+){0,4}$")

# Field labels (lower case) and the field they fill.
_LABELS: dict[str, str] = {
    "title": "title", "paper title": "title", "标题": "title", "题目": "title", "论文标题": "title",
    "论文名称": "title",
    "author": "authors", "authors": "authors", "author(s)": "authors", "by": "authors",
    "作者": "authors",
    "abstract": "abstract", "summary": "abstract", "tl;dr": "abstract", "tldr": "abstract",
    "摘要": "abstract", "概要": "abstract", "简介": "abstract",
    "link": "url", "url": "url", "pdf": "url", "paper": "url", "paper link": "url",
    "arxiv link": "url", "论文链接": "url", "链接": "url", "论文地址": "url",
    "arxiv": "arxiv", "arxiv id": "arxiv", "cite as": "arxiv",
    "doi": "doi", "pmid": "pmid",
    "date": "date", "published": "date", "publication date": "date", "submitted": "date",
    "year": "date", "发布日期": "date", "日期": "date",
    "venue": "venue", "journal": "venue", "conference": "venue", "published in": "venue",
    "journal-ref": "venue", "journal ref": "venue",
    "keywords": "keywords", "tags": "keywords", "关键词": "keywords",
    "subjects": "subjects", "categories": "subjects",
    "comments": "comments", "comment": "comments", "备注": "comments", "评论": "comments",
    "分类": "subjects", "类别": "subjects",
    "code": "code", "code link": "code", "github": "code", "代码": "code", "代码链接": "code",
}  # fmt: skip
# Labels of a summary of the paper (a model's or a reader's): its abstract when the entry
# has no other, but the abstract itself replaces it ("**简介:** …" then "**摘要:** …").
_SUMMARY_LABELS = frozenset({"summary", "tl;dr", "tldr", "简介", "概要"})
_SUMMARY = "a summary of the paper, not its abstract"
# Headings that name a part of a paper's entry, or a part of a note: no paper's title.
# "摘要（原文）", "Abstract (original)", "📄 Abstract", "Original abstract": still the abstract.
_ABSTRACT_HEADING = re.compile(
    r"^[^\w]*(?:(?:original|paper|full|english)\s+|完整|原文|英文|论文)?"
    r"(abstract|summary|tl;dr|tldr|摘要|概要|简介)\s*(?:[(（][^)）]{1,40}[)）])?$"
)
# A paper's own sections, numbered or not ("1. Introduction", "3.2 Related Work"), are
# also part of a note about it, never a paper's title.
_NOTE_HEADINGS = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\w))?"
    r"(?:content|contents|table of contents|notes?|my notes|connections|links?|references?|"
    r"related(?: work)?|introduction|background|methods?|methodology|experiments?|results|"
    r"evaluation|discussion|conclusions?|limitations|future work|appendix|further reading|"
    r"comments?|tags|todo|to do|thoughts|highlights|key points|takeaways|citation|bibtex|cite|"
    r"code|resources|sources?|metadata|details|scraped from\b.*|source:.*)$",
    re.I,
)
_LINK_WORDS = frozenset(
    {"paper", "pdf", "arxiv", "link", "code", "html", "abs", "project", "website", "github",
     "阅读更多", "论文", "代码", "read more", "here", "doi", "bibtex"}
)  # fmt: skip


# The pages of an arXiv paper on other sites, named by its id.
_PAPER_PAGE = re.compile(
    r"//(?:huggingface\.co/papers|(?:www\.)?alphaxiv\.org/abs)/([\d.]+(?:v\d+)?)"
)
_CODE_HOSTS = ("github.com", "gitlab.com", "huggingface.co", "paperswithcode.com")


@dataclass
class _Entry:
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
    mode: str = "body"  # "body", "abstract" (after an Abstract heading), "notes"
    pending: str = ""  # a field whose label came alone ("### Title:"): its value is next
    labelled: bool = False  # the abstract came with a label ("Abstract:", a heading)
    summary: bool = False  # that label names a summary ("简介", "TL;DR"), not the abstract
    next_summary: bool = False  # the text being read is labelled as a summary
    abstract_line: int = 0  # where a labelled abstract starts
    level: int = 0  # a heading's level (1 for "#"), 0 for an entry not opened by a heading
    replacement: bool = False

    def set_title(self, title: str, rank: int) -> None:
        title = _TITLE_URL.sub("", _inline_text(title)).strip(" .:")
        if title and rank > self.title_rank:
            self.title, self.title_rank = title, rank

    def has(self, name: str) -> bool:
        return bool(self.title if name == "title" else self.abstract if name == "abstract"
                    else self.ids.get(name))  # fmt: skip


def looks_like_markdown(text: str) -> bool:
    """Front matter, headings with paper-ish content, lists of links, or a table (in
    Markdown, or in HTML under a heading)."""
    lines = first_lines(text, 300)
    if not lines:
        return False
    if _FRONT_MATTER.match(text.lstrip("\ufeff")):
        return True
    headings = sum(1 for line in lines if _HEADING.match(line))
    links = sum(1 for line in lines if _LINK.search(line))
    bold_fields = sum(1 for line in lines if line.startswith(("**", "- **", "* **")))
    tables = any(_TABLE_RULE.match(line) for line in lines) and any(
        _TABLE_ROW.match(line) for line in lines
    )
    # An HTML table under a Markdown heading: a generated index page, a model zoo's list.
    html_table = any(line.lstrip().lower().startswith("<table") for line in lines)
    return (
        tables
        or (headings >= 1 and ((links + bold_fields) >= 1 or html_table))
        or headings >= 2
        or links >= 2
    )


def looks_like_notes(text: str) -> bool:
    """Plain notes: a line that is only a URL, next to a short title-like line."""
    lines = text.split("\n")[:400]
    for index, line in enumerate(lines):
        if _URL_LINE.match(line) or _FIELD_URL.match(line):
            near = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
            if any(_title_like(n.strip()) for n in near):
                return True
    return False


_FIELD_URL = re.compile(r"^\s*(?:url|link|doi)\s*:\s*\S+\s*$", re.I)


def parse_markdown(text: str) -> Parsed:
    return _parse(text, "markdown")


def parse_arxiv_page(text: str) -> Parsed:
    return _parse(text, "arxiv-paste")


def parse_notes(text: str) -> Parsed:
    return _parse(text, "notes")


# --- reading -------------------------------------------------------------------------------


class _Reader:
    def __init__(self, structured: bool) -> None:
        self.structured = structured  # Markdown structure or listing lines delimit entries
        self.entries: list[_Entry] = []
        self.found: list[_Entry] = []  # papers found whole (arxiv_pages.Found)
        self.problems: list[Problem] = []
        self.current: _Entry | None = None
        self.paragraph: list[tuple[int, str]] = []
        self.quote = False
        self.columns: list[str] = []
        self.section = "new"
        self.title_lines: set[int] = set()  # lines taken as a feed item's title
        self.properties: dict[str, str] = {}  # the note's front matter (a page's clipping)
        # An abstract page's "[Submitted on …]" line: its number and day, for the Title: just
        # below it.
        self.submitted_on: tuple[int, str] | None = None

    # entries

    def start(self, line: int, kind: str) -> _Entry:
        self.flush()
        entry = _Entry(line, kind, replacement=self.section == "replace")
        self.entries.append(entry)
        self.current = entry
        return entry

    def entry(self, line: int) -> _Entry:
        return self.current if self.current is not None else self.start(line, "block")

    # paragraphs

    def flush(self) -> None:
        """The paragraph just ended: the entry's abstract, or text that is not a paper's."""
        if not self.paragraph:
            return
        number = self.paragraph[0][0]
        text = _join([line for _, line in self.paragraph])
        quote, self.paragraph, self.quote = self.quote, [], False
        if not text:
            return  # the empty ">" lines between a quote's paragraphs
        entry = self.current
        pending = entry.pending if entry is not None else ""
        if entry is not None and pending:
            entry.pending = ""  # "### Title:" then the title on a line of its own
            if pending != "title" or (len(text.split()) <= 40 and not _is_prose(text)):
                self.add_field(number, pending, pending, text)
            else:
                self._not_a_paper(number, text, "text that is not part of any paper")
        elif entry is not None and entry.mode == "notes":
            self._not_a_paper(number, text, "note text, not an abstract")
        elif entry is not None and entry.mode == "abstract":
            entry.mode = "body"
            summary, entry.next_summary = entry.next_summary, False
            if entry.labelled and (summary or not entry.summary):
                reason = _SUMMARY if summary else "a second abstract in one entry"
                self._not_a_paper(number, text, reason)
            else:
                # A labelled abstract beats prose met before it (a page's greeting), and the
                # abstract beats a summary labelled as one ("简介" before "摘要").
                if entry.abstract:
                    reason = _SUMMARY if entry.labelled else "text that is not part of any paper"
                    self._not_a_paper(entry.abstract_line or entry.line, entry.abstract, reason)
                entry.abstract, entry.labelled, entry.summary = text, True, summary
                entry.abstract_line = number
        elif (_is_prose(text) or (quote and len(text.split()) >= MIN_ABSTRACT_WORDS)) and (
            entry is not None or not self.structured
        ):
            # In a structured paste only an entry (a heading, a listing line, a Title:
            # field, a linked item) holds an abstract: a page's greeting is no paper.
            if entry is None or (entry.abstract and not self.structured):
                entry = self.start(number, "block")
            if not entry.abstract:
                entry.abstract = text
            else:
                self._not_a_paper(number, text, "text after the abstract, not part of it")
        elif _looks_like_names(_unslanted(text)) and entry is not None and not entry.authors:
            entry.authors = split_authors(_unslanted(text))  # "_Zheqi He, Yesheng Liu_"
        elif not self.structured and _title_like(text) and "\n" not in text:
            if entry is None or entry.has("title") or entry.abstract:
                entry = self.start(number, "block")
            entry.set_title(text, 1)
        else:
            self._not_a_paper(number, text, "text that is not part of any paper")

    def _not_a_paper(self, line: int, text: str, reason: str) -> None:
        self.problems.append(Problem(line, reason, excerpt(text), notice=True))

    # fields

    def add_field(self, number: int, name: str, label: str, value: str) -> None:
        entry = self.entry(number)
        if name == "title" and entry.title_rank >= 3 and entry.kind != "row":
            entry = self.start(number, "block")  # a second Title: opens the next paper
        elif not self.structured and entry.has(name) and name == "abstract":
            entry = self.start(number, "block")
        value = value.strip()
        if value.rstrip(":： ").lower() == label:
            value = ""  # "- **Subjects:** Subjects:": the label twice, its value next
        if name in ("authors", "date", "venue") and value.strip("*_ ").lower() in _NO_VALUE:
            return  # "- Author: Unknown", "- Published: Unknown": a template's blank
        if name == "abstract":
            self.flush()
            entry.mode = "abstract"  # the value, and the lines that continue it
            entry.next_summary = label in _SUMMARY_LABELS or _translated(label)
            if value:
                self.paragraph = [(number, value)]
        elif not value and name in _NEXT_LINE_FIELDS:
            entry.pending = name  # the value is on the next line
        elif name == "title":
            if self.submitted_on and 0 < number - self.submitted_on[0] <= _SUBMITTED_REACH:
                entry.date = entry.date or self.submitted_on[1]
            self.submitted_on = None
            old_style = old_feed_title(_inline_text(value))
            if old_style:  # "Title. (arXiv:2008.04826v1 [cs.SI])", arXiv's feeds until 2024
                value = old_style[0]
                self.add_ids(entry, f"arXiv:{old_style[1]}", prefer="arxiv")
            entry.set_title(value, 3)
        elif name == "authors":  # "Authors: … View a PDF of the paper titled …" (a page)
            entry.authors = split_authors(arxiv_pages.AUTHORS_END.sub("", _inline_text(value)))
        elif name in ("url", "arxiv", "doi", "pmid"):
            self.add_ids(entry, value, prefer=name)
        elif name == "date":
            entry.date = entry.date or _date_value(_inline_text(value))
        elif name == "venue":
            entry.venue = entry.venue or _inline_text(value)
        elif name == "keywords":
            entry.keywords += [
                k.strip() for k in re.split(r"[;,]", _inline_text(value)) if k.strip()
            ]
        else:
            entry.metadata.append((name or label, _inline_text(value)))
            if not name and "://" in value:
                # "**Source:** cs.GT updates on arXiv.org — https://arxiv.org/abs/…": a
                # note's own label over the paper's link; the link is the paper's.
                self.add_ids(entry, value)

    def add_ids(self, entry: _Entry, text: str, prefer: str = "") -> None:
        """Every id and link in a piece of text: arXiv ids, DOIs, PMIDs, the first web link."""
        urls = [url for _, url in _LINK.findall(text)] + _URL.findall(_LINK.sub(" ", text))
        for url in urls:
            paper_page = _PAPER_PAGE.search(url)  # Hugging Face's page of an arXiv paper
            arxiv = None
            if "arxiv.org/" in url:
                arxiv = parse_arxiv_field(url)
            elif paper_page:
                arxiv = parse_arxiv_field(paper_page.group(1))
            doi = parse_doi(url) if "doi.org/" in url or "10.48550" in url else None
            if arxiv:
                entry.ids.setdefault(
                    "arxiv", arxiv.id + (f"v{arxiv.version}" if arxiv.version else "")
                )
            elif doi:
                entry.ids.setdefault("doi", doi)
            if "arxiv.org/" in url and not arxiv:
                continue  # "https://arxiv.org/abs/" with its id left out, a listing's link
            if "url" not in entry.ids and (paper_page or not _is_code_host(url)):
                entry.ids["url"] = url
        plain = _LINK.sub(" ", text)
        if prefer in ("arxiv", "url") or "arxiv:" in plain.lower():
            found = re.search(rf"(?:arXiv:\s*|^\s*)({arxiv_pages.ARXIV_ID})\b", plain, re.I)
            if found:
                entry.ids.setdefault("arxiv", found.group(1))
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
        entry = _Entry(found.line, "found")
        fields = found.fields
        entry.abstract = _join([fields.get("abstract", "")])
        entry.labelled = True
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


def _parse(text: str, name: str) -> Parsed:
    lines = text.split("\n")
    structured = name != "notes"
    reader = _Reader(structured)
    skip_until = 0
    front = _FRONT_MATTER.match(text)
    if front:
        skip_until = front.group(0).count("\n")
        reader.properties = _properties(front.group(1) or "")
        reason = "front matter (the note's properties), not a paper"
        reader.problems.append(Problem(1, reason, excerpt(front.group(1) or ""), notice=True))
    in_fence = False
    number = skip_until
    while number < len(lines):
        line = lines[number]
        number += 1
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            reader.flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if stripped.startswith(("<?xml", "<rss", "<feed", "<rdf:RDF")):
            end = _section_end(lines, number - 1)
            chunk = "\n".join(lines[number - 1 : end])
            reader.flush()
            for found in arxiv_pages.xml_items(number, chunk):
                reader.add_found(found)
            number = end
            continue
        if stripped.lower().startswith("<table"):
            # An HTML table in a Markdown page (an arxiv-daily index, a model zoo's list):
            # its rows are the table rows they would be in Markdown.
            end = _table_end(lines, number - 1)
            reader.flush()
            for row in markup.html_table_rows("\n".join(lines[number - 1 : end])):
                _table_cells(reader, number - 1 + row.line, list(row.cells), row.header)
            number = end
            continue
        split_page = arxiv_pages.split_abs_page(lines, number - 1)
        if split_page is not None:
            reader.flush()
            reader.add_found(split_page[0])
            number = split_page[1]
            continue
        wrapped = _wrapped_field(lines, number - 1)
        if wrapped is not None:
            line, number = wrapped
        _read_line(reader, number, line, lines)
    reader.flush()
    return _finish(reader, name)


# A field's value that a hard-wrapped copy (a text browser's dump, a mail client's) carries
# on to the next lines: "Title:…Secretly a" then "Reward Model". Only a line that reached a
# wrap width was wrapped; one that ends short ended there.
_WRAP_WIDTH = 60
_WRAPPED_FIELDS = frozenset({"title", "authors", "subjects", "venue", "comments"})


def _wrapped_field(lines: list[str], index: int) -> tuple[str, int] | None:
    """A field line and the lines that continue its value, joined, and the number of the
    last line taken; or None when the line is no field or its value ends on it."""
    first = lines[index]
    if len(first.rstrip()) < _WRAP_WIDTH or _ITEM.match(first) or _QUOTE.match(first):
        return None
    found = _field(first.strip())
    if found is None or found[0] not in _WRAPPED_FIELDS or _SENTENCE_END.search(first.rstrip()):
        return None
    taken = [first.rstrip()]
    end = index + 1
    while end < len(lines) and end <= index + 3 and _continues(found[0], lines[end]):
        taken.append(lines[end].strip())
        end += 1
        if len(lines[end - 1].rstrip()) < _WRAP_WIDTH:
            break  # a short line ends the value
    return (" ".join(taken), end) if len(taken) > 1 else None


def _continues(name: str, line: str) -> bool:
    """A line that can carry on a wrapped field's value: no field, no Markdown structure, no
    link, no prose; for authors, names (what an abstract page puts after them ends them)."""
    text = line.strip()
    if not text or _field(text) is not None or _URL.search(text):
        return False
    if any(p.match(line) for p in (_HEADING, _RULE, _ITEM, _QUOTE, _TABLE_ROW)):
        return False
    if name == "authors":
        names = [part.strip() for part in re.split(r",|\band\b", text) if part.strip()]
        return all(_NAME.match(part) and part[:1].isupper() for part in names)
    return len(text.split()) <= 15 and not _SENTENCE_END.search(text) and not _is_prose(text)


def _table_end(lines: list[str], start: int) -> int:
    """Where an HTML table ends: after its "</table>" line, or at the end of the file."""
    for index in range(start, len(lines)):
        if "</table>" in lines[index].lower():
            return index + 1
    return len(lines)


def _section_end(lines: list[str], start: int) -> int:
    """Where pasted XML ends: the next Markdown heading, or the end of the file."""
    for index in range(start + 1, len(lines)):
        if _HEADING.match(lines[index]) and not lines[index].lstrip().startswith("<"):
            return index
    return len(lines)


def _read_line(reader: _Reader, number: int, line: str, lines: list[str]) -> None:
    if "<" in line:  # "**<font color=#1a73e8>作者：</font>** …": a label coloured in HTML
        line = _INLINE_HTML.sub("", line)
        # '<a href="https://arxiv.org/abs/…">📄 arXiv</a>' (a page's toolbar): a link.
        line = _HTML_LINK.sub(lambda m: f"[{m.group(2).strip()}]({m.group(1)})", line)
    described = _DEFINITION.match(line)
    if described:  # ":   Title: …", an arXiv listing page turned into Markdown
        line = described.group(1)
    stripped = line.strip()
    if stripped.startswith(("View PDF", "HTML (")):  # "View PDFAbstract:…" (a clipper's)
        line = stripped = arxiv_pages.ABSTRACT_LEAD.sub("", stripped)
    if not stripped or stripped == "~":  # "~": a pager's filler below the text (newsboat)
        reader.flush()
        return
    current = reader.current
    if current is not None and current.pending and not reader.paragraph and _value_line(line):
        reader.paragraph.append((number, stripped))  # "PanoImager: …" after "### Title:"
        return
    found = arxiv_pages.flat_abs_page(number, stripped) or arxiv_pages.flattened_rss(
        number, stripped
    )
    if found is not None:
        reader.flush()
        title = _title_before(lines, number)
        reader.add_found(found, title)
        if title is not None:
            _drop_title_line(reader, title[0])
        return
    submitted = arxiv_pages.SUBMITTED_ON.match(stripped)
    if submitted:  # an abstract page's history line, above its Title:
        reader.flush()
        reader.submitted_on = (number, submitted.group(1))
        return
    version = arxiv_pages.THIS_VERSION.search(stripped)
    if version and reader.current is not None:
        known = reader.current.ids.get("arxiv", "")
        if known and not re.search(r"v\d+$", known):
            reader.current.ids["arxiv"] = known + version.group(1)
    versioned = arxiv_pages.FOR_THIS_VERSION.search(stripped)
    if versioned and reader.current is not None:
        known = reader.current.ids.get("arxiv", "")
        if not known or versioned.group(1).startswith(known):
            reader.current.ids["arxiv"] = versioned.group(1)
    search = arxiv_pages.SEARCH_ENTRY.match(line)
    if search:
        entry = reader.start(number, "search")
        entry.ids["arxiv"] = search.group(1)
        _search_result_line(entry, search.group(2))
        return
    current = reader.current
    if current is not None and current.kind == "search":
        if not current.title and not reader.paragraph and _search_result_line(current, stripped):
            return
        submitted = arxiv_pages.SUBMITTED.match(stripped)
        if submitted:  # the line after the abstract, with no blank line between them
            reader.flush()
            current.date = current.date or submitted.group(2) or submitted.group(1)
            return
    listing = arxiv_pages.LISTING_ENTRY.match(line)
    if listing:
        entry = reader.start(number, "listing")
        entry.ids["arxiv"] = listing.group(1)
        if "cross-list" in listing.group(2).lower():
            entry.metadata.append(("announce type", "cross"))
        return
    section = arxiv_pages.LISTING_SECTION.match(stripped)
    if section and reader.structured:
        reader.flush()
        word = section.group(1).lower()
        reader.section = (
            "replace" if word.startswith("replace") else "cross" if "cross" in word else "new"
        )
        reader.current = None
        return
    if _HTML_ONLY.match(stripped):
        # "<details>", "<summary>Abstract</summary>": HTML a Markdown list wraps around an
        # abstract; a summary naming the abstract labels what follows.
        label = _inline_text(re.sub(r"<[^>]*>", " ", stripped)).strip(" :：").lower()
        reader.flush()
        if _ABSTRACT_HEADING.match(label) and reader.current is not None:
            reader.current.mode = "abstract"
        return
    heading = _HEADING.match(line)
    if heading:
        _heading(reader, number, heading.group(2), len(heading.group(1)))
        return
    if _RULE.match(line):
        reader.flush()
        current = reader.current
        if not (current and _same_title(current.title, reader.properties.get("title", ""))):
            reader.current = None  # a rule under the paper a note is about is no next paper
        return
    if _TABLE_RULE.match(line) and reader.columns:
        return
    row = _TABLE_ROW.match(line)
    if row:
        # A header row (the next table names its own columns) has a rule under it.
        header = number < len(lines) and bool(_TABLE_RULE.match(lines[number]))
        _table_row(reader, number, row.group(1), header)
        return
    quote = _QUOTE.match(line)
    quoted_field = _field(quote.group(1).strip()) if quote else None
    if quoted_field is not None and quoted_field[0] and (reader.quote or not reader.paragraph):
        # "> Title: …", "> Cite as: …": an abstract page's fields quoted into a note.
        reader.flush()
        reader.add_field(number, *quoted_field)
        return
    if quote:
        if reader.paragraph and not reader.quote:
            reader.flush()
        reader.quote = True
        reader.paragraph.append((number, quote.group(1)))
        return
    item = _ITEM.match(line)
    if item and _item(reader, number, item.group(2), nested=bool(item.group(1))):
        return
    bold_title = _BOLD_TITLE.match(stripped)
    if bold_title and reader.structured and not reader.paragraph and _fields_follow(lines, number):
        entry = reader.start(number, "item")
        entry.set_title(bold_title.group(2), 1)
        entry.date = bold_title.group(3) or ""
        return
    field_line = _field(stripped)
    if field_line is not None and (field_line[0] or not reader.paragraph):
        # Inside a paragraph only a known label starts a field: "results: we …" on a
        # wrapped line is still the abstract.
        name, label, value = field_line
        reader.flush()
        reader.add_field(number, name, label, value)
        return
    last = reader.paragraph[-1][1] if reader.paragraph else ""
    open_sentence = bool(last) and not _SENTENCE_END.search(last) and not _title_like(last)
    if _URL_LINE.match(stripped) and not open_sentence:  # else: "… available at" + URL
        reader.flush()
        entry = reader.entry(number)
        if not reader.structured and entry.ids.get("url") and entry.abstract:
            entry = reader.start(number, "block")
        reader.add_ids(entry, stripped)
        return
    if reader.paragraph and reader.quote:
        reader.flush()
    if (
        reader.current is not None
        and _LINK.search(stripped)
        and _ONLY_LINKS.fullmatch(_LINK.sub("", stripped))
    ):
        # "[[code](https://github.com/…)]" on a line of its own, before the authors' line:
        # the paper's links, no part of the paragraph after them.
        reader.flush()
        reader.add_ids(reader.current, stripped)
        return
    reader.paragraph.append((number, stripped))
    if reader.current is not None and _LINK.search(stripped):
        reader.add_ids(reader.current, stripped)


def _heading(reader: _Reader, number: int, text: str, level: int) -> None:
    reader.flush()
    text = re.sub(r"<!--.*?-->", " ", text).strip()  # "RefineNet <!-- omit in toc -->"
    name = _inline_text(text).strip(" :：").lower()
    current = reader.current
    labelled = _field(_inline_text(text))
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
    abstract = _ABSTRACT_HEADING.match(name)
    if abstract:
        # "## Abstract" opening a note about one paper (its title in the front matter) opens
        # that paper's entry; under a paper's heading, it labels that paper's abstract.
        entry = current if current is not None else reader.start(number, "heading")
        entry.mode = "abstract"
        entry.next_summary = abstract.group(1) in _SUMMARY_LABELS or _translated(name)
        return
    if _NOTE_HEADINGS.match(name):
        if current is not None:
            current.mode = "notes"
            reader.add_ids(current, text) if "arxiv.org/abs" in text else None
        return
    if _icon_led(name):
        # "## 📋 메타데이터", "### 💡 Inspiration": a section of a note, or a topic above
        # papers, in any language; a paper's title does not open with an icon.
        if current is not None and 0 < current.level < level:
            current.mode = "notes"  # the paper's own section: its fields still count
        else:
            reader.current = None
        return
    if (
        current is not None
        and 0 < current.level < level
        and (
            any(key in current.ids for key in ("arxiv", "doi", "pmid"))
            or _same_title(current.title, reader.properties.get("title", ""))
        )
    ):
        # "# Title", its arXiv link, then "## Key points": a part of the paper's note, not
        # the next paper (a topic heading above papers names no paper's id). So too under
        # the heading that repeats the note's title property, before its link comes.
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
    # "### 1. **[Title]**": the list's number and the brackets around the title are not it.
    plain = _LIST_NUMBER.sub("", _inline_text(text))
    bracketed = re.fullmatch(r"\[([^\[\]]+)\]", plain)
    entry.set_title(bracketed.group(1) if bracketed else plain, 1)
    reader.add_ids(entry, text)


def _fields_follow(lines: list[str], number: int) -> bool:
    """The line after line `number` (1-based) is a list item holding a labelled field."""
    item = _ITEM.match(lines[number]) if number < len(lines) else None
    if item is None:
        return False
    labelled = _field(item.group(2))
    return (labelled is not None and bool(labelled[0])) or bool(_BOLD_LABEL.match(item.group(2)))


def _search_result_line(entry: _Entry, text: str) -> bool:
    """A line of a search result before its Authors: its category tags, its `doi 10.…` tag,
    or its title (a bare line there). True when the line was used."""
    tags = arxiv_pages.search_tags(text)
    if tags is not None:
        categories, doi = tags
        if categories:
            entry.metadata.append(("subjects", " ".join(categories)))
        if doi:
            entry.ids.setdefault("doi", doi)
        return True
    if re.match(r"^10\.\d{4,9}/\S+$", text):
        entry.ids.setdefault("doi", text)  # the value of the "doi" tag, on its own line
        return True
    labelled = _field(text)
    if not text or (labelled is not None and labelled[0]):  # "Authors: …" ends the header
        return False
    entry.set_title(text, 3)
    return True


def _item(reader: _Reader, number: int, text: str, nested: bool) -> bool:
    """A list item: a field of the entry, or a new entry when it opens with a linked or bold
    title. Other items are left to the paragraph rules. True when the item was used."""
    field_line = _field(text)
    if field_line is not None:
        name, label, value = field_line
        reader.flush()
        reader.add_field(number, name, label, value)
        return True
    if _abstract_label(text) and reader.current is not None:
        # "- **Abstract**" with the abstract on the next lines: the label, no paper's title.
        reader.flush()
        reader.current.mode = "abstract"
        return True
    labelled = _BOLD_LABEL.match(text)
    if labelled and reader.current is not None:
        # "- **What's New**: …" under a paper: a labelled note on it (a reader's or a model's
        # summary), neither its abstract nor the next paper's title.
        reader.flush()
        reason = f"a note labelled '{_inline_text(labelled.group(2))}', not an abstract"
        reader._not_a_paper(number, text[labelled.end() :], reason)
        return True
    dated = _ITEM_DATE.match(text)  # "2022-02-22, **Title**, …": a daily list's line
    if dated:
        text = text[dated.end() :]
    link = _LINK.match(text.lstrip("*_ "))
    bold = re.match(r"^(\*\*|__)(.+?)\1", text)
    title = ""
    if link and not link.group(2).lower().startswith(("http://", "https://", "doi:", "www.")):
        pass  # "[1. Introduction](#1-introduction)", "[返回目录](./index.md)": the site's pages
    elif link and _inline_text(link.group(1)).lower() not in _LINK_WORDS:
        title = link.group(1)
    elif bold:
        title = bold.group(2)
    if not title or nested:
        if reader.current is not None and reader.current.mode == "notes":
            reader.flush()
            reader.paragraph.append((number, text))
            reader.flush()
            return True
        return False
    entry = reader.start(number, "item")
    entry.set_title(title, 1)
    entry.date = dated.group(1) if dated else ""
    reader.add_ids(entry, text)
    rest = _LINK.sub(" ", text[len(bold.group(0)) :] if bold and not link else text)
    rest = re.sub(r"^[\s:：—–-]+", "", _inline_text(rest)).strip()
    rest = rest.removeprefix(_inline_text(title)).strip(" :：—–-")
    rest = re.sub(r"\[\s*\]|\(\s*\)", " ", rest).strip(" .,;[]()")
    if not re.search(r"\w", rest):
        return True
    if _is_prose(rest):
        reader.paragraph.append((number, rest))
        return True
    rest = _EMPTY_LABEL.sub("", rest).strip(" ,;")  # "Paper: , Code:" once links are gone
    etal = _ET_AL.match(rest)
    if etal and (_looks_like_names(etal.group(1)) or _NAME.match(etal.group(1))):
        entry.authors = split_authors(etal.group(1))
        rest = etal.group(2).strip(" .,;")
    # "Ana Lima, Kofi Mensah. *ACL 2024*.": the authors, then where it appeared.
    names, _, after = rest.partition(". ")
    one_name = bool(_NAME.match(names)) and names[:1].isupper() and len(names.split()) <= 4
    if _looks_like_names(names) or one_name or (" et al" in names and len(names.split()) <= 6):
        entry.authors = split_authors(names.replace(" et al", ""))
        rest = after.strip(" .")
    if rest:
        entry.metadata.append(("citation", rest))
    return True


def _table_row(reader: _Reader, number: int, inner: str, header: bool) -> None:
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]
    _table_cells(reader, number, cells, header)


def _table_cells(reader: _Reader, number: int, cells: list[str], header: bool) -> None:
    if header:
        reader.columns = [_column(cell) for cell in cells]
        return
    reader.flush()
    entry = reader.start(number, "row")
    for name, cell in zip(reader.columns or _guessed_columns(cells), cells, strict=False):
        if not cell or not name:
            continue
        if name == "title":
            link = _LINK.search(cell)
            entry.set_title(link.group(1) if link else cell, 1)
            reader.add_ids(entry, cell)
        elif name == "abstract":
            entry.abstract, entry.labelled = _join([cell.replace("<br>", " ")]), True
        else:
            reader.add_field(number, name, name, cell)
            if name not in _LABELS.values() and "arxiv:" in cell.lower():
                reader.add_ids(entry, cell)  # "arXiv:2507.08104v1" in a column of its own
    reader.current = None


def _column(header: str) -> str:
    """The field a table column holds, by its header ("题目", "论文名称(链接)": title)."""
    label = _inline_text(header).lower()
    return _LABELS.get(label) or _LABELS.get(_BRACKETED.sub("", label), label)


# "(链接)", "(link)". Spaces before it only from where their run starts: tried from inside a
# long run, "\s*" rescanned the rest of it each time.
_BRACKETED = re.compile(r"(?<!\s)\s*+[(（][^()（）]{1,20}[)）]\s*$")


def _guessed_columns(cells: list[str]) -> list[str]:
    """The fields of a table row with no header row above it (nlp-arxiv-daily's monthly
    archives: `|**2018-10-23**|**Title**|Tomer Libal et.al.|[id](link)|null|`), told by
    what each cell holds: a date, a link, names, a title (bold, or the first title-like)."""
    names: list[str] = []
    for cell in cells:
        text = _inline_text(cell)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            name = "date"
        elif _LINK.search(cell) or _URL.search(cell):
            name = "url"
        elif "title" not in names and cell.startswith(("**", "__")) and _title_like(text):
            name = "title"
        elif _ET_AL.match(text) or _looks_like_names(text):
            name = "authors"
        elif "title" not in names and _title_like(text):
            name = "title"
        else:
            name = ""  # "null" where a code link would be, a number
        names.append(name)
    return names


def _field(text: str) -> tuple[str, str, str] | None:
    """(field, label, value) of a field line ("**Authors**: …", "Title:…"), or None."""
    found = _FIELD.match(text)
    if found is None:
        return None
    label = _inline_text(found.group(1)).strip().lower()
    value = found.group(2)
    bold = _BOLD_FIELD.match(text)
    if bold and value.rstrip().endswith(bold.group(1)) and value.count(bold.group(1)) % 2:
        value = value.rstrip()[: -len(bold.group(1))]  # "**简介: …**": the whole field bold
    if label in ("http", "https") or len(label.split()) > 4:
        return None
    name = _LABELS.get(label, "")
    if not name and _ABSTRACT_HEADING.match(label):
        name = "abstract"  # "完整摘要（实际读）：", "Abstract (arXiv):"
    if name == "url" and label == "paper" and not _URL.search(value) and not _LINK.search(value):
        name = "title"
    if not name and (_is_prose(value) or not value.strip()):
        return None  # "Background: We …" is an abstract's own label, not a field
    return name, label, value


# --- text tests ----------------------------------------------------------------------------


def _inline_text(text: str) -> str:
    """Markdown inline markup to text: links to their text, emphasis and escapes removed."""
    # Each pass only where its markup can be: abstracts are long, and most have none.
    if "{" in text:
        text = _PANDOC_ATTRIBUTES.sub("", text)
    if "](" in text:
        text = _LINK.sub(lambda m: m.group(1), text)
    if "*" in text or "__" in text or "`" in text:
        for _ in range(2):
            text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return text.strip()


def _join(lines: Iterable[str]) -> str:
    """Lines of a paragraph as one text, hard wraps and their hyphens undone."""
    return join_wrapped_lines([_inline_text(line) for line in lines if line.strip()])


def _is_prose(text: str) -> bool:
    words = text.split()
    if len(words) < MIN_ABSTRACT_WORDS or not _SENTENCE_END.search(text):
        return False
    urls = sum(1 for word in words if word.startswith(("http://", "https://")))
    return urls * 3 < len(words) and not _looks_like_names(text) and not stray_text_reason(text)


def _looks_like_names(text: str) -> bool:
    """An author list: several short capitalised parts separated by commas or 'and'."""
    parts = [p.strip() for p in re.split(r",|;|\band\b|，", text) if p.strip()]
    if parts and re.fullmatch(r"et\.?\s?al\.?", parts[-1]):
        parts.pop()  # "Zheqi He, Yesheng Liu, et al.": the names left out are no part
    if len(parts) < 2:
        return False
    named = [p for p in parts if _NAME.match(p) and p[:1].isupper()]
    return len(named) >= 0.8 * len(parts) and not text.rstrip().endswith(("!", "?"))


# How far below its "[Submitted on …]" line an abstract page's Title: stands.
_SUBMITTED_REACH = 3
# Fields whose label may stand alone, the value on the line after it.
_NEXT_LINE_FIELDS = frozenset({"title", "authors", "subjects", "venue", "date", "comments"})


def _value_line(line: str) -> bool:
    """A line that can be the value of a label on the line before: no Markdown structure and
    no known field ("PanoImager: Geometry-Guided …" is a title with a colon in it)."""
    if any(p.match(line) for p in (_HEADING, _RULE, _ITEM, _QUOTE, _TABLE_ROW)):
        return False
    found = _field(line.strip())
    return found is None or not found[0]


def _abstract_label(text: str) -> bool:
    """A bold or italic label naming the abstract, alone ("**Abstract**", "_摘要_")."""
    bare = re.fullmatch(r"(\*\*|__|\*|_)([^*_\n]{1,40})\1\s*[:：]?\s*", text.strip())
    label = _inline_text(bare.group(2)).strip(" :：").lower() if bare else ""
    return bool(label) and bool(_ABSTRACT_HEADING.match(label))


def _title_like(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 30 or text.endswith((".", ":", ",", ";")):
        return False
    if _URL.search(text) or _field(text) is not None or _looks_like_names(text):
        return False
    return text[:1].isupper() or text[:1].isdigit()


_ONLY_LINKS = re.compile(r"[\s\[\]()|·,/]*")  # what is left of a line of links without them


def _unslanted(text: str) -> str:
    """A text set in italics whole with underscores ("_names_") without them."""
    return text[1:-1] if len(text) > 2 and text[0] == text[-1] == "_" else text


def _translated(label: str) -> bool:
    """An abstract's label naming a translation ("摘要（中文）", "Abstract (translated)"):
    the abstract only of an entry that has no other, as a summary ("摘要（原文）" follows)."""
    return bool(re.search(r"[(（][^)）]{0,20}(?:中文|译|chinese|translat)", label, re.I))


def _icon_led(text: str) -> bool:
    """Text that opens with a pictograph or symbol (📋, 💡, ⚡): a section's icon."""
    first = text.lstrip()[:1]
    return bool(first) and unicodedata.category(first) == "So"


def _is_code_host(url: str) -> bool:
    return any(host in url for host in _CODE_HOSTS)


def _same_title(one: str, other: str) -> bool:
    def words(text: str) -> str:
        return " ".join(re.sub(r"\W+", " ", _inline_text(text).casefold()).split())

    return bool(one and other) and words(one) == words(other.strip("'\""))


# What a note's template writes where it knows no value.
_NO_VALUE = frozenset({"unknown", "n/a", "na", "none", "null", "-", "—", "tbd", "?"})
_RFC_2822 = re.compile(r"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d")


def _date_value(value: str) -> str:
    """A date as the note has it; an e-mail style one ("Thu, 28 May 2026 00:00:00 -0400",
    a feed's pubDate copied into a note's properties) as its ISO day."""
    return (rfc2822_day(value) or value) if _RFC_2822.match(value) else value


def _title_before(lines: list[str], number: int) -> tuple[int, str] | None:
    """The title line just before a flattened feed item ("Title" then "arXiv:… Abstract: …")."""
    for index in range(number - 2, max(-1, number - 4), -1):
        text = lines[index].strip()
        if not text:
            continue
        plain = _inline_text(text)
        if _title_like(plain) and not _HEADING.match(text):
            return index + 1, plain
        return None
    return None


def _drop_title_line(reader: _Reader, line: int) -> None:
    """A title line read as part of a paragraph belongs to the feed item after it."""
    reader.paragraph = [(n, t) for n, t in reader.paragraph if n != line]
    reader.title_lines.add(line)


# --- records -------------------------------------------------------------------------------


# A YAML block scalar's indicator ("abstract: >-"): the value is on the indented lines after.
_BLOCK_SCALAR = re.compile(r"[>|][-+]?")


def _properties(block: str) -> dict[str, str]:
    """The note's front matter properties that name a paper: top-level `key: value` lines,
    a folded value's indented lines, and a `- item` list joined with commas. Only these
    shapes: a clipper writes them, and a YAML parser is not worth a dependency for them."""
    found: dict[str, list[str]] = {}
    key = ""
    for line in block.split("\n"):
        top = re.match(r"^([A-Za-z_][\w -]{0,40}):\s*(.*)$", line)
        if top:
            key = top.group(1).strip().lower()
            found[key] = [top.group(2).strip()] if top.group(2).strip() else []
        elif key and line.startswith((" ", "\t", "-")) and line.strip():
            item = re.match(r"^\s*-\s+(.*)$", line)
            parts = found[key]
            if item:
                parts.append(item.group(1).strip())
            elif parts and not _BLOCK_SCALAR.fullmatch(parts[-1]):
                parts[-1] += " " + line.strip()  # a folded value's next line
            else:
                parts.append(line.strip())
    values: dict[str, str] = {}
    for key, parts in found.items():
        if parts and _BLOCK_SCALAR.fullmatch(parts[0]):
            parts = [" ".join(parts[1:])]  # "abstract: >-", its text on the indented lines
        cleaned = [re.sub(r"^\[\[|\]\]$", "", p.strip("'\" ")) for p in parts if p.strip("'\" ")]
        if cleaned and not cleaned[0].startswith(("[", "{", "|", ">")):
            values[key] = ", ".join(cleaned)
    return values


def _apply_properties(reader: _Reader, entry: _Entry) -> None:
    """A clipped page's properties fill what its text left out: title, link, authors, date.
    Only a note that names its source (a clipping) lends its authors and date: a note's own
    `author:` may be its writer's."""
    properties = reader.properties
    if properties.get("title") and not entry.title:
        entry.set_title(properties["title"], 2)
    keys = ("doi", "arxiv", "source", "url", "link", "pdf")
    linked = [key for key in keys if properties.get(key)]
    if not linked:
        return
    for key in linked:
        reader.add_ids(entry, properties[key], prefer=key if key in ("doi", "arxiv") else "")
    names = properties.get("authors") or properties.get("author")
    if names and not entry.authors:
        entry.authors = split_authors(names)
    for key in ("published", "date", "date_published", "publication_date", "year"):
        entry.date = entry.date or _date_value(properties.get(key, ""))
    entry.venue = entry.venue or properties.get("venue") or properties.get("journal") or ""


def _finish(reader: _Reader, name: str) -> Parsed:
    merged = _merge_same_papers([*reader.entries, *reader.found])
    papers = [entry for entry in merged if entry.abstract]
    if not papers and reader.properties.get("abstract"):
        # A reference note whose properties are the whole reference, abstract included.
        entry = _Entry(1, "front", abstract=_join([reader.properties["abstract"]]))
        merged.append(entry)
        papers = [entry]
        reader.title_lines.add(1)  # the front matter is the paper, not text left out
    if reader.properties and len(papers) == 1:  # a note about one paper: its properties
        _apply_properties(reader, papers[0])
    blurbs = {id(entry) for entry in _page_blurbs(papers)}
    papers = [entry for entry in papers if id(entry) not in blurbs]
    records: list[Record] = []
    problems = [p for p in reader.problems if p.line not in reader.title_lines]
    # A paper list of titles and links with no abstract at all (an arxiv-daily table) is
    # the wrong file, and says so in each entry's reason, which loading sums up in one line;
    # its headings and page furniture are then no news.
    no_abstracts = not papers and any(_names_a_paper(entry) for entry in merged)
    why = _NO_ABSTRACTS if no_abstracts else "a pasted entry without one"
    if no_abstracts:
        problems = [p for p in problems if not p.notice]
    for entry in merged:
        if id(entry) in blurbs:
            reason = "a page's heading and its line of text, not a paper (no id, no authors)"
            problems.append(Problem(entry.line, reason, excerpt(entry.title), notice=True))
        elif entry.abstract:
            records.append(_record(entry))
        elif _names_a_paper(entry):
            what = f"arXiv:{entry.ids['arxiv']}" if "arxiv" in entry.ids else entry.title
            problems.append(
                Problem(entry.line, f"no abstract ({why})", excerpt(what or ""), entry.replacement)
            )
        elif entry.title and not no_abstracts:
            reason = "heading without an abstract, not a paper"
            problems.append(Problem(entry.line, reason, excerpt(entry.title), notice=True))
    records.sort(key=lambda r: r.line)
    problems.sort(key=lambda p: p.line or 0)
    return Parsed(tuple(records), tuple(problems), format=name)


_NO_ABSTRACTS = (
    "the file lists papers without their abstracts (titles, links, notes): use a list made "
    "with abstracts, or the papers' arXiv listing or feed"
)


def _page_blurbs(papers: list[_Entry]) -> list[_Entry]:
    """Headings over one short sentence ("# Showing new listings for …" then "Auto update
    papers at about 2:30am UTC every weekday."), with neither id nor authors, in a list
    whose papers have them: the page's own heading and blurb, no paper."""
    if sum(1 for entry in papers if entry.ids or entry.authors) < 2:
        return []
    return [
        entry
        for entry in papers
        if entry.kind == "heading"
        and not entry.ids
        and not entry.authors
        and len(entry.abstract.split()) < 25
        and len(_SENTENCE_END.findall(entry.abstract)) <= 1
    ]


def _names_a_paper(entry: _Entry) -> bool:
    """An entry without an abstract that still names a paper: by an id or link, as a line
    of an arXiv listing, or as a list item or table row with its authors. A bold list item
    alone ("- **20 new papers**") names none."""
    if entry.ids or entry.kind == "listing":
        return True
    return entry.kind in ("item", "row") and bool(entry.authors or entry.date)


def _record(entry: _Entry) -> Record:
    metadata = list(dict.fromkeys((k, v) for k, v in entry.metadata if v))
    return Record(
        line=entry.line,
        abstract=arxiv_pages.without_toggles(entry.abstract),
        arxiv=entry.ids.get("arxiv"),
        title=entry.title or None,
        authors=entry.authors,
        url=entry.ids.get("url"),
        doi=entry.ids.get("doi"),
        date=entry.date or None,
        pmid=entry.ids.get("pmid"),
        venue=entry.venue or None,
        keywords=tuple(dict.fromkeys(entry.keywords)),
        metadata=tuple(metadata),
    )


def _keys(entry: _Entry) -> list[str]:
    keys: list[str] = []
    if arxiv := entry.ids.get("arxiv"):
        keys.append("arxiv:" + re.sub(r"v\d+$", "", arxiv))
    if doi := entry.ids.get("doi"):
        keys.append("doi:" + doi.casefold())
    if entry.title and entry.title_rank >= 1 and len(entry.title) >= 20:
        keys.append("title:" + re.sub(r"\W+", " ", entry.title.casefold()).strip())
    return keys


def _merge_same_papers(entries: list[_Entry]) -> list[_Entry]:
    """The same paper pasted more than once in a file becomes one entry."""
    groups: list[list[_Entry]] = []
    where: dict[str, int] = {}
    for entry in sorted(entries, key=lambda e: e.line):
        keys = _keys(entry)
        target = next((where[k] for k in keys if k in where), None)
        if target is None:
            target = len(groups)
            groups.append([])
        groups[target].append(entry)
        for key in keys:
            where.setdefault(key, target)
    return [_combined(group) for group in groups]


def _combined(group: list[_Entry]) -> _Entry:
    if len(group) == 1:
        return group[0]
    first = group[0]
    out = _Entry(first.line, first.kind)
    for entry in group:
        out.set_title(entry.title, entry.title_rank) if entry.title else None
        if len(entry.abstract) > len(out.abstract):
            out.abstract = entry.abstract
        if len(entry.authors) > len(out.authors):
            out.authors = entry.authors
        for key, value in entry.ids.items():
            known = out.ids.get(key)
            if known is None or (key == "arxiv" and value.startswith(known) and value != known):
                out.ids[key] = value  # the first id, with its version when a later one has it
        out.date = out.date or entry.date
        out.venue = out.venue or entry.venue
        out.keywords += entry.keywords
        out.metadata += entry.metadata
        out.replacement = out.replacement or entry.replacement
    return out
