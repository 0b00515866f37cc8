"""The typed records that flow through the pipeline.

Every stage takes records from the one before and returns new ones; nothing is changed in
place. All records are frozen and hold tuples, so they can be shared between stages safely.

    load  ->  Corpus (Papers + Skipped + FileReports)
    summarize -> Summary per paper
    group -> Theme per group of papers
    orchestrate -> Issue (the whole newsletter), rendered by the writers
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# Where a paper with no page of its own (no arXiv id, DOI, PMID or URL) can be looked for.
SEARCH_URL = "https://scholar.google.com/scholar?q="
# Words of the abstract searched for (as a phrase) when a paper has no title, and at most
# this many characters of them: Chinese and Japanese write no spaces between words, and the
# whole abstract would be one "word" (a link of kilobytes, which the email leaves out).
SEARCH_WORDS = 12
SEARCH_CHARS = 120


@dataclass(frozen=True, order=True)
class Source:
    """Where a record was read: a file and the 1-based line its record starts on."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Paper:
    """One paper, after loading, cleaning and merging duplicates.

    `id` is the input's own id when it gave one, else the arXiv id, else a stable id derived
    from the abstract text. `metadata` keeps what the input said that has no field of its own
    (arXiv comment lines, extra CSV columns), as sorted (key, value) pairs. `pmid` is a
    PubMed id (digits), `venue` the journal, proceedings or server the paper appeared in.
    """

    id: str
    abstract: str
    arxiv_id: str | None = None
    arxiv_version: int | None = None
    doi: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    date: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    sources: tuple[Source, ...] = ()
    pmid: str | None = None
    venue: str | None = None
    keywords: tuple[str, ...] = ()

    @property
    def link(self) -> str | None:
        """The paper's own page, from the most lasting id it has: its arXiv abstract page,
        its DOI, its PubMed page, else the URL the input gave. None when it has none of
        these (see `search_link`)."""
        if self.arxiv_id:
            return f"https://arxiv.org/abs/{self.arxiv_id}"
        if self.doi:
            # Characters a URL would read as its own syntax are escaped (DOIs may hold them).
            return "https://doi.org/" + urllib.parse.quote(self.doi, safe="/:;()[]._-,")
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url

    @property
    def search_link(self) -> str | None:
        """For a paper with no page of its own: a search for its title, or for its opening
        words as a phrase. It finds the paper; it is not the paper's page, and every output
        says so. None when `link` is known."""
        if self.link:
            return None
        query = self.title or '"' + _opening_words(self.abstract) + '"'
        return SEARCH_URL + urllib.parse.quote_plus(query)

    @property
    def link_is_search(self) -> bool:
        return self.link is None


def _opening_words(abstract: str) -> str:
    """The first SEARCH_WORDS words of an abstract, cut to SEARCH_CHARS characters (after a
    whole word where the cut leaves one)."""
    opening = " ".join(abstract.split()[:SEARCH_WORDS])
    if len(opening) <= SEARCH_CHARS:
        return opening
    cut = opening[:SEARCH_CHARS]
    space = cut.rfind(" ")
    return cut[:space] if space > 0 else cut


@dataclass(frozen=True, order=True)
class Skipped:
    """Something in the input that did not become a paper, and why.

    A `notice` is a part of its format that never carries a paper, such as an arXiv listing's
    replacement announced without its abstract: it is reported, but it is not a problem
    with the input (nothing to fix), so `--strict` lets it pass."""

    path: str
    line: int | None
    reason: str
    excerpt: str = ""
    notice: bool = False
    count: int = 1  # records it stands for: a file's records without an abstract are one

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Merge:
    """A record that was the same paper as one already loaded, and was merged into it."""

    kept_id: str
    source: Source
    rule: str  # "arxiv id", "doi", "abstract text"


@dataclass(frozen=True)
class FileReport:
    """What loading one file found."""

    path: str
    format: str
    records: int
    encoding: str = "utf-8"
    sha256: str = ""  # of the file's bytes: the history remembers which files it has read


@dataclass(frozen=True)
class Corpus:
    """The result of loading: distinct papers in a stable order, plus the full account."""

    papers: tuple[Paper, ...]
    skipped: tuple[Skipped, ...] = ()
    merges: tuple[Merge, ...] = ()
    files: tuple[FileReport, ...] = ()


@dataclass(frozen=True)
class Summary:
    """The one line said about a paper.

    `sentence` is taken verbatim from the abstract; `text` is the line a reader sees: the
    sentence without a leading clause that only links it to the one before ("To address
    this challenge, ", first letter capitalised), and, when that is too long for one line,
    cut after its main clause with an ellipsis (`shortened` is then true).
    """

    paper_id: str
    headline: str
    sentence: str
    text: str
    shortened: bool = False


@dataclass(frozen=True)
class NamedTheme:
    """A theme a team names itself (in digest.toml): papers mentioning its keywords go there."""

    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """A group of papers on one topic, most central paper first."""

    label: str
    keywords: tuple[str, ...]
    paper_ids: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """A paper as it appears in an issue."""

    paper: Paper
    summary: Summary


# The label of an issue's one section when its papers share no theme: it names no theme.
UNGROUPED_LABEL = "Papers"


class Labelled(Protocol):
    """A theme as an issue (a Section) or a chat post of it has it."""

    @property
    def label(self) -> str: ...

    @property
    def keywords(self) -> Sequence[str]: ...


def count_themes(sections: Sequence[Labelled]) -> int:
    """The themes an issue's new papers are in: none when its one section holds papers that
    share no theme (grouping's UNGROUPED_LABEL, with no keywords; a theme the team named
    "Papers" has some), so no issue of two unrelated papers says "in 1 theme"."""
    if len(sections) == 1 and sections[0].label == UNGROUPED_LABEL and not sections[0].keywords:
        return 0
    return len(sections)


@dataclass(frozen=True)
class Section:
    """A theme as it appears in an issue."""

    label: str
    keywords: tuple[str, ...]
    entries: tuple[Entry, ...]

    @property
    def slug(self) -> str:
        return slugify(self.label)


@dataclass(frozen=True)
class Issue:
    """One newsletter issue: everything the writers need, nothing they must compute.

    `sections` hold the papers announced for the first time, by theme; `updated` holds papers
    announced in an earlier issue that came back with a new arXiv version."""

    title: str
    date: dt.date
    sections: tuple[Section, ...]
    number: int = 1
    updated: tuple[Entry, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    site_url: str | None = None

    @property
    def paper_count(self) -> int:
        return sum(len(s.entries) for s in self.sections)

    @property
    def theme_count(self) -> int:
        return count_themes(self.sections)

    @property
    def week(self) -> str:
        return iso_week(self.date)


def iso_week(day: dt.date) -> str:
    """The ISO week a date falls in, as '2026-W47'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# The longest readable part of a slug; with the hash, a slug stays under 70 characters, a
# safe length for a folder name and an HTML id anywhere.
SLUG_MAX = 60


def slugify(text: str) -> str:
    """A stable, bounded ASCII name for a label, for its folder and its HTML id.

    Its words in lowercase ASCII, joined by hyphens ('Dialogue evaluation' ->
    'dialogue-evaluation'; accents dropped: 'Café' -> 'cafe'). Where that would lose what
    tells labels apart (letters of another script, a label past 60 characters, no letter at
    all), 8 hex digits of the label's SHA-256 follow: '机器人' -> 'theme-' + 8 hex digits,
    '..' too, with other digits. The same label always gives the same slug."""
    out: list[str] = []
    lossy = False
    for ch in unicodedata.normalize("NFKD", text).lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif unicodedata.combining(ch):
            continue  # an accent of the letter before it
        else:
            lossy = lossy or ch.isalnum()
            if out and out[-1] != "-":
                out.append("-")
    slug = "".join(out).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rstrip("-")
        lossy = True
    if lossy or not slug:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        slug = f"{slug or 'theme'}-{digest}"
    return slug


def unique_slugs(labels: Sequence[str]) -> list[str]:
    """The slug of each label, made unique within one page: a later label whose slug an
    earlier one has gets '-2', '-3'… Named themes come first in an issue, so theirs never
    change."""
    seen: set[str] = set()
    slugs = []
    for label in labels:
        base = slug = slugify(label)
        n = 1
        while slug in seen:
            n += 1
            slug = f"{base}-{n}"
        seen.add(slug)
        slugs.append(slug)
    return slugs


@dataclass(frozen=True)
class WrittenFile:
    """An output file as a build wrote it: a hash of what its bytes were made from
    (`recipe`), and its size and modification time right after, which change if anything
    else writes to it."""

    recipe: str
    size: int
    mtime_ns: int
