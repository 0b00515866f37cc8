"""arXiv's pages that list papers, saved from the browser (File > Save Page As, .html): a
listing (arxiv.org/list/cs.CL/new, …/recent, …/pastweek, a catch-up page) and search results
(arxiv.org/search).

In a listing, one `<dt>` per paper holds its arXiv id (the link to its abstract page), the
`<dd>` after it the title, authors, comments, journal reference and subjects in `<div
class="list-…">` elements and, on the /new page, the abstract in a `<p>`:

    <h3>New submissions (showing 158 of 158 entries)</h3>
    <dt><a name='item1'>[1]</a> <a href ="/abs/2410.01234" title="Abstract">arXiv:2410.01234</a>
        [<a href="/pdf/2410.01234">pdf</a>, …]</dt>
    <dd><div class='meta'>
      <div class='list-title mathjax'><span class='descriptor'>Title:</span> Sparse …</div>
      <div class='list-authors'><a href="…">Ana Lima</a>, <a href="…">Kofi Mensah</a></div>
      <div class='list-subjects'><span class='descriptor'>Subjects:</span> …</div>
      <p class='mathjax'>Long-context language models …</p></div></dd>

arXiv's older pages wrap the id in `<span class="list-identifier">` and label the authors
"Authors:"; both are read. The `<h3>` headings divide the page as the mailed listing's
markers do ("Cross-lists", "Replacements"; a cross-listed or replaced paper's `<dt>` also
says "(cross-list from …)" or "(replaced)"); each paper's section is kept as its announce
type, as the mail reader keeps it. The /recent and /pastweek pages list no abstracts: each of
their papers is reported with its line, and the report says which page to save instead.

Search results are an `<li class="arxiv-result">` each: the id's link, the title (`<p
class="title">`), the authors, the abstract twice (cut, "… ▽ More", and whole, hidden: the
whole one is taken), "Submitted …; v1 submitted …; originally announced …" (the first
version's day is the date), a DOI tag and "Comments:" / "Journal ref:" notes. A search shown
without abstracts says to search again with them shown.

Read with the standard library's HTMLParser (markup.MarkupParser): nothing is fetched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from digest.readers.arxiv_listing import no_abstract
from digest.readers.arxiv_pages import ARXIV_ID, SUBMITTED, listing_section
from digest.readers.markup import MarkupParser
from digest.readers.records import Parsed, Problem, Record, excerpt, split_authors

# The class of the `<dd>`'s parts, as arXiv names them ("list-title mathjax").
_PART = re.compile(r"(?<![\w-])list-(title|authors|comments|journal-ref|subjects|doi)(?![\w-])")
# A link to a paper's abstract page, relative as arXiv's own pages write it or absolute.
_ABS_PATH = r"(?:https?://(?:export\.)?arxiv\.org)?/abs/"
_ABS_LINK = re.compile(rf"^{_ABS_PATH}({ARXIV_ID})/?$", re.I)
# A part's label when it is written as text rather than in a `descriptor` span.
_LABEL = re.compile(r"^(?:Title|Authors?|Comments|Journal-ref|Subjects|DOI)\s*:\s*", re.I)
_SNIFF = re.compile(r"""\bclass\s*=\s*["']?(?:[\w-]+\s+)*list-title\b""", re.I)
_SNIFF_DT = re.compile(r"<dt\b", re.I)
_SNIFF_ABS = re.compile(rf"""\bhref\s*=\s*["']?{_ABS_PATH}""", re.I)
# An element's attributes before its class are few: a bounded run, or a page of "<li "s
# without a ">" would be scanned to its end from every one of them.
_SNIFF_RESULT = re.compile(r"""<li\s[^<>]{0,200}?\bclass\s*=\s*["']?arxiv-result\b""", re.I)
_NOTE = re.compile(r"^([A-Z][A-Za-z ]{1,20}?)\s*:\s*(.+)$")
_HEAD = 200_000
# Between the texts of two elements of one part: a separator str.split() takes for a space.
_APART = "\x1f"

_TITLES_ONLY = (
    "arXiv listing entry without an abstract ({what}): this page lists titles only, as "
    "/recent and /pastweek do; save the category's /new page or pass its RSS feed, which "
    "give the abstracts"
)
_SEARCH_HIDDEN = (
    "arXiv search result without an abstract ({what}): the search was shown without "
    'abstracts; search again with "Show abstracts" and save that page'
)
_SEARCH_CUT = (
    'arXiv search result whose abstract the page cut ("… More") ({what}): save the page '
    'as the browser shows it (File > Save Page As, "Web Page, complete"), which keeps the '
    "whole abstract"
)
_NO_PAPERS = (
    "a saved arXiv page that lists no papers (no links to abstract pages in its list): "
    "save the listing page itself (arxiv.org/list/<category>/new) once it has loaded"
)


def looks_like_arxiv_list_page(text: str) -> bool:
    """HTML with arXiv's `list-title` parts, `<dt>`s and links to abstract pages."""
    head = text[:_HEAD]
    return all(sniff.search(head) for sniff in (_SNIFF, _SNIFF_DT, _SNIFF_ABS))


@dataclass
class _Entry:
    """A paper being read: where it starts, its id and section, and the text of its parts
    (the title, the authors, the abstract …) as the page's elements say what they hold."""

    line: int
    section: str = "new"
    arxiv: str = ""
    doi: str = ""
    heading: list[str] = field(default_factory=list)  # a listing's `<dt>` text
    parts: dict[str, list[str]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # the linked names of its authors


class _Blocks(MarkupParser):
    """A page of papers, one block of elements each: what each element's text is part of
    is decided when it opens (`_what`, from its tag and class and the part it is in), kept
    with it while it is open, and its text goes to that part of the paper. An element left
    open inside one that ends closes with it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[_Entry] = []
        self._entry: _Entry | None = None
        # The elements open inside the paper's block, each with what its text is part of
        # ("" for none, "label" for a part's own label), and how many of each tag.
        self._open: list[tuple[str, str]] = []
        self._open_tags: Counter[str] = Counter()
        self._name: list[str] | None = None  # a linked author's name while in its `<a>`

    def _start(self, entry: _Entry) -> None:
        self._entry = entry
        self.entries.append(entry)
        self._open, self._open_tags, self._name = [], Counter(), None

    def _what(self, tag: str, classes: str, outer: str) -> str:
        raise NotImplementedError

    def _link(self, href: str) -> None:
        """A link of the paper's: the first to its abstract page gives its arXiv id, the first
        to doi.org its DOI (the link as it is: loading reads the DOI out of it)."""
        entry = self._entry
        if entry is None:
            return
        href = href.strip()
        if not entry.arxiv and (found := _ABS_LINK.match(href)):
            entry.arxiv = found.group(1)
        elif not entry.doi and "doi.org/" in href.lower():
            entry.doi = href

    def _push(self, tag: str, values: dict[str, str]) -> None:
        """An element opening inside the paper's block."""
        outer = self._part()
        what = "label" if outer == "label" else self._what(tag, values.get("class", ""), outer)
        if tag == "a" and what == "authors":
            self._name = []
        if self._entry is not None and what not in ("", "label", outer):
            self._entry.parts.setdefault(what, []).append(_APART)
        self._open.append((tag, what))
        self._open_tags[tag] += 1

    def _part(self) -> str:
        """What the text at this point is part of."""
        return self._open[-1][1] if self._open else ""

    def _pop(self, tag: str) -> None:
        """An element ending inside the paper's block; one never opened there is passed over."""
        if not self._open_tags[tag]:
            return
        while True:
            closed, _ = self._open.pop()
            self._open_tags[closed] -= 1
            if closed == tag:
                break
        if tag == "a" and self._name is not None and self._entry is not None:
            self._entry.names.append(" ".join("".join(self._name).split()))
            self._name = None

    def _add(self, data: str) -> None:
        """Text inside the paper's block."""
        part = self._part()
        if self._entry is not None and part and part != "label":
            self._entry.parts.setdefault(part, []).append(data)
        if self._name is not None:
            self._name.append(data)


class _ListPage(_Blocks):
    """A listing: each paper a `<dt>` (its id) and the `<dd>` after it (its parts)."""

    def __init__(self) -> None:
        super().__init__()
        self._section = "new"
        self._heading: list[str] | None = None  # an `<h3>`'s text while in it
        self._in_dt = False
        self._in_dd = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "h3":
            self._heading = []
        elif tag == "dt":
            self._in_dt, self._in_dd = True, False
            self._start(_Entry(self.getpos()[0], self._section))
        elif tag == "dd":
            self._in_dt, self._in_dd = False, self._entry is not None
        elif self._in_dt and tag == "a":
            self._link(values.get("href", ""))
        elif self._in_dd:
            self._push(tag, values)

    def _what(self, tag: str, classes: str, outer: str) -> str:
        part = _PART.search(classes)
        if part:
            return part.group(1)
        if "descriptor" in classes.split():
            return "label"
        return "abstract" if tag == "p" and outer == "" else outer

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3" and self._heading is not None:
            heading = " ".join("".join(self._heading).split())
            self._section = listing_section(heading) or self._section
            self._heading = None
        elif tag == "dt":
            self._in_dt = False
        elif tag == "dd":
            self._in_dd = False
        elif self._in_dd:
            self._pop(tag)

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self._in_dt and self._entry is not None:
            self._entry.heading.append(data)
        elif self._in_dd:
            self._add(data)


class _SearchPage(_Blocks):
    """Search results: each paper an `<li class="arxiv-result">`."""

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0  # the result's `<li>`s open, itself and any inside it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "li" and "arxiv-result" in values.get("class", "").split():
            self._start(_Entry(self.getpos()[0]))
            self._depth = 1
            return
        if not self._depth or self._entry is None:
            return
        self._depth += tag == "li"
        if tag == "a":
            self._link(values.get("href", ""))
        self._push(tag, values)

    def _what(self, tag: str, classes: str, outer: str) -> str:
        words = set(classes.split())
        if "abstract-full" in words:
            return "abstract"
        if "abstract-short" in words:
            return "short"  # cut with "… ▽ More"
        if tag == "p" and outer == "":
            for part in ("title", "authors", "comments"):
                if part in words:
                    return part
            if "abstract" in words:
                return ""  # "Abstract:", then the short and the full abstract
            # "Submitted 25 September, 2023; originally announced …"; else the id's line
            return "submitted" if "is-size-7" in words and "list-title" not in words else "label"
        if outer == "authors" and "has-text-black-bis" in words:
            return "label"  # "Authors:"
        if outer in ("abstract", "short") and tag == "a":
            return "label"  # the "▽ More" / "△ Less" toggle
        return outer

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        self._pop(tag)
        self._depth -= tag == "li"

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._add(data)


def _text(pieces: list[str]) -> str:
    return _LABEL.sub("", " ".join("".join(pieces).split()))


def parse_arxiv_list_page(text: str) -> Parsed:
    """Every paper on the page; a paper without an abstract comes back as a Problem."""
    page = _ListPage()
    page.read(text)
    entries = [entry for entry in page.entries if entry.arxiv]
    if not entries:
        return Parsed(problems=(Problem(None, _NO_PAPERS),))
    any_abstract = any(_text(entry.parts.get("abstract", [])) for entry in entries)
    records: list[Record] = []
    problems: list[Problem] = []
    for entry in entries:
        heading = " ".join("".join(entry.heading).split()).lower()
        section = entry.section
        if "(replaced" in heading:
            section = "replace"
        elif "cross-list" in heading:
            section = "replace-cross" if section == "replace" else "cross"
        parts = {name: _text(pieces) for name, pieces in entry.parts.items()}
        title, abstract = parts.get("title", ""), parts.get("abstract", "")
        if not abstract:
            what = f"arXiv:{entry.arxiv}"
            if any_abstract or section.startswith("replace"):
                problems.append(no_abstract(entry.line, what, title, section))
            else:
                reason = _TITLES_ONLY.format(what=what)
                problems.append(Problem(entry.line, reason, excerpt(f"{what} {title}")))
            continue
        metadata = [("announce type", section)]
        metadata += [(name, parts[name]) for name in ("comments", "subjects") if parts.get(name)]
        records.append(_record(entry, parts, abstract, parts.get("journal-ref"), metadata))
    return Parsed(tuple(records), tuple(problems))


def looks_like_arxiv_search_page(text: str) -> bool:
    """HTML with arXiv's `<li class="arxiv-result">` search results."""
    return _SNIFF_RESULT.search(text, 0, _HEAD) is not None


def parse_arxiv_search_page(text: str) -> Parsed:
    """Every result on the page; a result without its whole abstract is a Problem."""
    page = _SearchPage()
    page.read(text)
    entries = [entry for entry in page.entries if entry.arxiv]
    if not entries:
        return Parsed(problems=(Problem(None, _NO_PAPERS),))
    records: list[Record] = []
    problems: list[Problem] = []
    for entry in entries:
        parts = {name: _text(pieces) for name, pieces in entry.parts.items()}
        abstract, what = parts.get("abstract", ""), f"arXiv:{entry.arxiv}"
        if not abstract:
            reason = _SEARCH_CUT if parts.get("short") else _SEARCH_HIDDEN
            shown = excerpt(f"{what} {parts.get('title', '')}")
            problems.append(Problem(entry.line, reason.format(what=what), shown))
            continue
        notes = _notes(entry.parts.get("comments", []))
        submitted = SUBMITTED.match(parts.get("submitted", ""))
        date = (submitted.group(2) or submitted.group(1)) if submitted else None
        metadata = [("comments", notes["comments"])] if notes.get("comments") else []
        records.append(_record(entry, parts, abstract, notes.get("journal ref"), metadata, date))
    return Parsed(tuple(records), tuple(problems))


def _notes(pieces: list[str]) -> dict[str, str]:
    """A search result's notes by their labels, one element each: "Comments: …", "Journal
    ref: …"."""
    labelled = (_NOTE.match(" ".join(note.split())) for note in "".join(pieces).split(_APART))
    return {found.group(1).lower(): found.group(2) for found in labelled if found}


def _record(
    entry: _Entry,
    parts: dict[str, str],
    abstract: str,
    venue: str | None,
    metadata: list[tuple[str, str]],
    date: str | None = None,
) -> Record:
    names = [name for name in entry.names if name]
    return Record(
        line=entry.line,
        abstract=abstract,
        arxiv=entry.arxiv,
        title=parts.get("title") or None,
        authors=tuple(names) or split_authors(parts.get("authors", "")),
        doi=entry.doi or parts.get("doi") or None,
        venue=venue or None,
        date=date,
        metadata=tuple(metadata),
    )
