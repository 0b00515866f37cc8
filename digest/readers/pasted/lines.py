# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001, RUF003
"""One line of a paste and what it is, tried in this order: a flattened arXiv abstract page or
feed item, an abstract page's history lines, a search result's or a listing's line, a
listing's section, HTML around an abstract, a heading, a rule, a table row, a quote, a list
item, a bold title over its fields, a field, a bare link, else a line of the paragraph.
Headings, list items and table rows each have a module of their own.
"""

from __future__ import annotations

import re

from digest.readers import arxiv_pages
from digest.readers.pasted.arxiv_lines import drop_title_line, read_search_result_line, title_before
from digest.readers.pasted.blocks import (
    FOOTNOTE,
    HEADING,
    ITEM,
    QUOTE,
    RULE,
    TABLE_ROW,
    TABLE_RULE,
    URL_LINE,
    next_text,
)
from digest.readers.pasted.entries import Entry, Reader
from digest.readers.pasted.fields import (
    ABSTRACT_HEADING,
    BOLD_LABEL,
    LABELS,
    labelled_field,
    title_like,
)
from digest.readers.pasted.headings import read_heading
from digest.readers.pasted.items import read_item
from digest.readers.pasted.tables import read_table_row
from digest.readers.pasted.text import LINK, SENTENCE_END, inline_text, is_prose, same_title

_HTML_LINK = re.compile(
    r"<a\s[^<>]{0,300}?href=[\"'](https?://[^\"'<>\s]{1,2000})[\"'][^<>]{0,300}>([^<]{1,300})</a>",
    re.I,
)
_INLINE_HTML = re.compile(r"</?(?:font|span|u|em|i|mark|small)\b[^<>]{0,200}>", re.I)
_HTML_ONLY = re.compile(
    r"^(?:<\s*/?\s*(?:details|summary|br|p|div|ol|ul|li|b|strong)\b[^>]*>[^<]{0,40})+$", re.I
)
_DEFINITION = re.compile(r"^\s{0,3}:\s+(\S.*)$")  # a definition list's description line
# A <details> toggle's label that heads what the toggle holds: a section's heading
# ("<summary><h2>Agent Applications (4 papers)</h2></summary>") or a paper's title, the rest
# of the label its authors and links ("<summary><strong>Title</strong> - Ana Lima, Bo Chen -
# [[pdf]](…)</summary>", an arXiv daily list whose toggles hold the abstracts).
_SUMMARY_HEADING = re.compile(
    r"^\s*<summary>\s*<(h[1-6]|strong|b)>([^<]{1,500})</\1>([^<]{0,5000})</summary>\s*$", re.I
)
_LABEL_PARTS = re.compile(r" [-–—|] ")
_LABEL_LINK = re.compile(r"\[?\[[^\[\]\n]{1,40}\]\]?\(https?://[^()\s]{1,2000}\)")  # "[[pdf]](…)"

# "**Curriculum Learning** (2009)" on a line of its own, its fields as items under it.
_BOLD_TITLE = re.compile(r"^(\*\*|__)([^*_\n]{3,300}?)\1\s*(?:[(（]\s*(\d{4})\s*[)）])?$")


def read_line(reader: Reader, number: int, line: str, lines: list[str]) -> None:
    if "<" in line:  # "**<font color=#1a73e8>作者：</font>** …": a label coloured in HTML
        line = _INLINE_HTML.sub("", line)
        # '<a href="https://arxiv.org/abs/…">📄 arXiv</a>' (a page's toolbar): a link.
        line = _HTML_LINK.sub(lambda m: f"[{m.group(2).strip()}]({m.group(1)})", line)
    summary = _SUMMARY_HEADING.match(line)
    if summary:
        tag, text, rest = summary.groups()
        # A paper's bold title heads deeper than any section's heading.
        read_heading(reader, number, text, int(tag[1]) if tag[0] in "hH" else 6)
        # The authors and the links, each part a paragraph of its own: "Ana Lima, Bo Chen -
        # [[pdf]](…)" (read as one, the names would end in the link, or not be names).
        for part in _LABEL_PARTS.split(rest.strip(" -–—|")):
            if reader.current is not None and _LABEL_LINK.fullmatch(part):
                reader.add_ids(reader.current, part)
            elif part:
                read_line(reader, number, part, lines)
                reader.flush()
        return
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
    if current is not None and current.pending and not reader.paragraph:
        if _value_line(line):
            reader.paragraph.append((number, stripped))  # "PanoImager: …" after "### Title:"
            return
        # A label left blank ("**Authors:** " under its heading, then "## Abstract"): no
        # value follows, and the next paragraph is not the authors.
        current.pending = ""
    found = arxiv_pages.flat_abs_page(number, stripped) or arxiv_pages.flattened_rss(
        number, stripped
    )
    if found is not None:
        reader.flush()
        title = title_before(lines, number)
        reader.add_found(found, title)
        if title is not None:
            drop_title_line(reader, title[0])
        return
    if arxiv_pages.cut_abs_page(stripped):
        reader.flush()
        named = stripped[stripped.index("Title:") + len("Title:") :]
        reader.not_a_paper(number, named, "an arXiv abstract page cut before its abstract")
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
        read_search_result_line(entry, search.group(2))
        return
    current = reader.current
    if current is not None and current.kind == "search":
        if (
            not current.title
            and not reader.paragraph
            and read_search_result_line(current, stripped)
        ):
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
    section = arxiv_pages.listing_section(stripped)
    if section and reader.structured:
        reader.flush()
        reader.section = section
        reader.current = None
        return
    if _HTML_ONLY.match(stripped):
        # "<details>", "<summary>Abstract</summary>": HTML a Markdown list wraps around an
        # abstract; a summary naming the abstract labels what follows.
        label = inline_text(re.sub(r"<[^>]*>", " ", stripped)).strip(" :：").lower()
        reader.flush()
        current = reader.current
        closed = "</details" in stripped.lower()
        if closed:
            # The toggle under a paper ends, even where a rule in it ("---" between the parts
            # of the analysis) left no entry open.
            reader.paper_toggle = False
        if current is None:
            return
        if ABSTRACT_HEADING.match(label):
            current.mode = "abstract"
        elif LABELS.get(label, "abstract") != "abstract":
            # "<summary>关键词</summary>" under "## Abstract": the toggle holds the keywords
            # (in another language), not the abstract the heading announced.
            current.mode, reader.toggled = "notes", True
        elif reader.toggled and closed:
            current.mode, reader.toggled = "body", False
        elif (
            "<summary" in stripped.lower()
            and not closed
            and current.kind == "heading"
            and current.identified()
        ):
            # "<summary>Deep Research 深度解读</summary>" under a paper's heading and links: an
            # analysis of the paper, its "## 第一模块" headings its sections, its "TL;DR" no
            # abstract of a paper of its own.
            reader.paper_toggle = True
        return
    heading = HEADING.match(line)
    if heading:
        read_heading(reader, number, heading.group(2), len(heading.group(1)))
        return
    footnote = FOOTNOTE.match(line)
    if footnote and reader.structured:
        # "[^1]: 差分隐私切片逆回归", the paper's abstract indented below: the rest of the entry
        # that refers to it, joined to it when the entries are finished. Its first line
        # heads it like a title.
        entry = reader.start(number, "footnote")
        entry.footnotes.append(footnote.group(1))
        text = footnote.group(2).strip()
        if text and not is_prose(text):
            entry.set_title(text, 1)
        elif text:
            reader.paragraph.append((number, text))
        return
    if RULE.match(line):
        reader.flush()
        current = reader.current
        if not (
            current
            and (
                same_title(current.title, reader.properties.get("title", ""))
                or _sections_follow(current, lines, number)
            )
        ):
            reader.current = None  # a rule under the paper a note is about is no next paper
        return
    if TABLE_RULE.match(line) and reader.columns:
        return
    row = TABLE_ROW.match(line)
    if row:
        # A header row (the next table names its own columns) has a rule under it.
        header = number < len(lines) and bool(TABLE_RULE.match(lines[number]))
        read_table_row(reader, number, row.group(1), header)
        return
    quote = QUOTE.match(line)
    callout = _CALLOUT.match(quote.group(1)) if quote else None
    if callout:
        _read_callout(reader, number, callout.group(1), callout.group(2))
        return
    quoted_field = labelled_field(quote.group(1).strip()) if quote else None
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
    item = ITEM.match(line)
    if item and read_item(reader, number, item.group(2), nested=bool(item.group(1))):
        return
    bold_title = _BOLD_TITLE.match(stripped)
    if bold_title and reader.structured and not reader.paragraph and _fields_follow(lines, number):
        entry = reader.start(number, "item")
        entry.set_title(bold_title.group(2), 1)
        entry.date = bold_title.group(3) or ""
        return
    field_line = labelled_field(stripped)
    if field_line is not None and (field_line[0] or not reader.paragraph):
        # Inside a paragraph only a known label starts a field: "results: we …" on a
        # wrapped line is still the abstract.
        name, label, value = field_line
        reader.flush()
        reader.add_field(number, name, label, value)
        return
    last = reader.paragraph[-1][1] if reader.paragraph else ""
    open_sentence = bool(last) and not SENTENCE_END.search(last) and not title_like(last)
    if URL_LINE.match(stripped) and not open_sentence:  # else: "… available at" + URL
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
        and LINK.search(stripped)
        and _ONLY_LINKS.fullmatch(LINK.sub("", stripped))
    ):
        # "[[code](https://github.com/…)]" on a line of its own, before the authors' line:
        # the paper's links, no part of the paragraph after them.
        reader.flush()
        reader.add_ids(reader.current, stripped)
        return
    if reader.current is not None and " \u00b7 " in stripped and _META_LINE.fullmatch(stripped):
        # "_2026-02-09_ \u00b7 https://arxiv.org/abs/2602.08784v1 \u00b7 `cs.RO`" under a paper's
        # names (a daily digest's item, its lines parted by hard breaks): its date and link.
        reader.flush()
        reader.add_ids(reader.current, stripped)
        day = _META_DAY.search(stripped)
        reader.current.date = reader.current.date or (day.group(0) if day else "")
        return
    reader.paragraph.append((number, stripped))
    current = reader.current
    if current is not None and (LINK.search(stripped) or current.mode == "publication"):
        reader.add_ids(current, stripped)  # under "## Publication", a bare link too


# A line of a paper's date, links and category, parted by " \u00b7 ", with a link among them.
_META_PART = r"(?:[_*]?\d{4}-\d\d-\d\d[_*]?|https?://\S{1,2000}|`[^`\n]{1,40}`)"
_META_LINE = re.compile(rf"(?=.{{0,60}}https?://){_META_PART}(?: \u00b7 {_META_PART}){{1,5}}")
_META_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _read_callout(reader: Reader, number: int, kind: str, title: str) -> None:
    """An Obsidian callout's first line ("> [!abstract]", "> [!info]+ Metadata"): a label over
    the quoted lines under it, none of their text. Its title, else its type, names what they
    are: the abstract (Zotero Integration's "> [!Abstract]", "> [!quote] Abstract") as under
    an "Abstract" heading; anything else ("> [!Index Card]" of the note's own fields, "> [!tip]
    My take") the note's own text, whose fields are still the paper's. The web links of its
    title are the paper's ("> [!info]+ Metadata [Zotero](zotero://…) | [URL](http://arxiv.org/abs/…)")."""
    reader.flush()
    label = inline_text(title).strip(" :：").lower() or kind.strip().lower()
    if ABSTRACT_HEADING.match(label):
        read_heading(reader, number, label, 6)
    elif reader.current is not None:
        reader.current.mode = "notes"
    if "http" in title:
        reader.add_ids(reader.entry(number), title)


def _fields_follow(lines: list[str], number: int) -> bool:
    """The line after line `number` (1-based) is a list item holding a labelled field."""
    item = ITEM.match(lines[number]) if number < len(lines) else None
    if item is None:
        return False
    labelled = labelled_field(item.group(2))
    return (labelled is not None and bool(labelled[0])) or bool(BOLD_LABEL.match(item.group(2)))


def _sections_follow(entry: Entry, lines: list[str], number: int) -> bool:
    """A rule between a paper's heading, its id given, and deeper headings ("# Title", its
    DOI, "---", "## Quick Summary"): the note's sections about that paper, no papers. So
    too under a heading whose abstract is one of its sections (Entry.has_sections)."""
    if not entry.has_sections():
        return False
    heading = HEADING.match(next_text(lines, number))
    return heading is not None and len(heading.group(1)) > entry.level > 0


def _value_line(line: str) -> bool:
    """A line that can be the value of a label on the line before: no Markdown structure and
    no known field ("PanoImager: Geometry-Guided …" is a title with a colon in it)."""
    if any(p.match(line) for p in (HEADING, RULE, ITEM, QUOTE, TABLE_ROW)):
        return False
    found = labelled_field(line.strip())
    return found is None or not found[0]


# An Obsidian callout's first line, after the quote's ">": "[!abstract]", "[!info]+ Metadata".
_CALLOUT = re.compile(r"^\s*\[!([^\]\n]{1,40})\][-+]?[ \t]*(.*)$")
_ONLY_LINKS = re.compile(r"[\s\[\]()|·,/]*")  # what is left of a line of links without them
