"""An arXiv listing page saved from the browser (File > Save Page As, .html):
arxiv.org/list/cs.CL/new, …/recent, …/pastweek, a catch-up page.

One `<dt>` per paper holds its arXiv id (the link to its abstract page), the `<dd>` after it
the title, authors, comments, journal reference and subjects in `<div class="list-…">`
elements and, on the /new page, the abstract in a `<p>`:

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

Read with the standard library's HTMLParser (markup.MarkupParser): nothing is fetched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from digest.readers.arxiv_listing import no_abstract
from digest.readers.arxiv_pages import ARXIV_ID, listing_section
from digest.readers.markup import MarkupParser
from digest.readers.records import Parsed, Problem, Record, excerpt, split_authors

# The class of the `<dd>`'s parts, as arXiv names them ("list-title mathjax").
_PART = re.compile(r"(?<![\w-])list-(title|authors|comments|journal-ref|subjects|doi)(?![\w-])")
_ABS_LINK = re.compile(rf"^(?:https?://(?:export\.)?arxiv\.org)?/abs/({ARXIV_ID})/?$", re.I)
# A part's label when it is written as text rather than in a `descriptor` span.
_LABEL = re.compile(r"^(?:Title|Authors?|Comments|Journal-ref|Subjects|DOI)\s*:\s*", re.I)
_SNIFF = re.compile(r"""\bclass\s*=\s*["']?(?:[\w-]+\s+)*list-title\b""", re.I)
_SNIFF_DT = re.compile(r"<dt\b", re.I)
_SNIFF_ABS = re.compile(r"""\bhref\s*=\s*["']?(?:https?://(?:export\.)?arxiv\.org)?/abs/""", re.I)
_HEAD = 200_000

_TITLES_ONLY = (
    "arXiv listing entry without an abstract ({what}): this page lists titles only, as "
    "/recent and /pastweek do; save the category's /new page or pass its RSS feed, which "
    "give the abstracts"
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
    """A paper being read: its `<dt>`'s line, id and section, then its `<dd>`'s parts."""

    line: int
    section: str
    arxiv: str = ""
    heading: list[str] = field(default_factory=list)  # the `<dt>`'s text
    parts: dict[str, list[str]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # the linked names of list-authors
    abstract: list[str] = field(default_factory=list)


class _ListPage(MarkupParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[_Entry] = []
        self._section = "new"
        self._heading: list[str] | None = None  # an `<h3>`'s text while in it
        self._entry: _Entry | None = None
        self._in_dt = False
        self._in_dd = False
        # The elements open inside the `<dd>`, each with what its text is: a part's name,
        # "abstract", "label" (a part's own label), or "" (none); and how many of each tag.
        self._open: list[tuple[str, str]] = []
        self._open_tags: Counter[str] = Counter()
        self._name: list[str] | None = None  # a linked author's name while in its `<a>`

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "h3":
            self._heading = []
        elif tag == "dt":
            self._in_dt, self._in_dd = True, False
            self._entry = _Entry(self.getpos()[0], self._section)
            self.entries.append(self._entry)
        elif tag == "dd":
            self._in_dt, self._in_dd = False, self._entry is not None
            self._open, self._open_tags = [], Counter()
        elif self._in_dt and tag == "a" and self._entry and not self._entry.arxiv:
            link = _ABS_LINK.match(values.get("href", "").strip())
            if link:
                self._entry.arxiv = link.group(1)
        elif self._in_dd:
            self._open_in_dd(tag, values.get("class", ""))

    def _open_in_dd(self, tag: str, classes: str) -> None:
        outer = self._part()
        part = _PART.search(classes)
        if outer == "label":
            what = outer
        elif part:
            what = part.group(1)
        elif "descriptor" in classes.split():
            what = "label"
        elif tag == "p" and outer == "":
            what = "abstract"
        else:
            what = outer
            if tag == "a" and outer == "authors":
                self._name = []
        self._open.append((tag, what))
        self._open_tags[tag] += 1

    def _part(self) -> str:
        """What the text at this point is part of."""
        return self._open[-1][1] if self._open else ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3" and self._heading is not None:
            heading = " ".join("".join(self._heading).split())
            self._section = listing_section(heading) or self._section
            self._heading = None
        elif tag == "dt":
            self._in_dt = False
        elif tag == "dd":
            self._in_dd = False
        elif self._in_dd and self._open_tags[tag]:
            while True:  # elements left open inside the one that ends close with it
                closed, _ = self._open.pop()
                self._open_tags[closed] -= 1
                if closed == tag:
                    break
            if tag == "a" and self._name is not None and self._entry is not None:
                self._entry.names.append(" ".join("".join(self._name).split()))
                self._name = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        entry = self._entry
        if entry is None:
            return
        if self._in_dt:
            entry.heading.append(data)
        elif self._in_dd:
            part = self._part()
            if part == "abstract":
                entry.abstract.append(data)
            elif part and part != "label":
                entry.parts.setdefault(part, []).append(data)
            if self._name is not None:
                self._name.append(data)


def _text(pieces: list[str]) -> str:
    return _LABEL.sub("", " ".join("".join(pieces).split()))


def parse_arxiv_list_page(text: str) -> Parsed:
    """Every paper on the page; a paper without an abstract comes back as a Problem."""
    page = _ListPage()
    page.read(text)
    entries = [entry for entry in page.entries if entry.arxiv]
    if not entries:
        return Parsed(problems=(Problem(None, _NO_PAPERS),))
    any_abstract = any(_text(entry.abstract) for entry in entries)
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
        title = parts.get("title", "")
        abstract = _text(entry.abstract)
        if not abstract:
            what = f"arXiv:{entry.arxiv}"
            if any_abstract or section.startswith("replace"):
                problems.append(no_abstract(entry.line, what, title, section))
            else:
                reason = _TITLES_ONLY.format(what=what)
                problems.append(Problem(entry.line, reason, excerpt(f"{what} {title}")))
            continue
        names = [name for name in entry.names if name]
        metadata = [("announce type", section)]
        metadata += [(name, parts[name]) for name in ("comments", "subjects") if parts.get(name)]
        records.append(
            Record(
                line=entry.line,
                abstract=abstract,
                arxiv=entry.arxiv,
                title=title or None,
                authors=tuple(names) or split_authors(parts.get("authors", "")),
                doi=parts.get("doi") or None,
                venue=parts.get("journal-ref") or None,
                metadata=tuple(metadata),
            )
        )
    return Parsed(tuple(records), tuple(problems))
