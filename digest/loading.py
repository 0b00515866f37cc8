"""The load stage: files and folders of abstracts -> a Corpus of distinct papers.

    paths -> files (sorted, hidden skipped) -> bytes -> text (digest.cleaning)
          -> records (a reader picked by content: see digest/readers/)
          -> cleaned Papers -> duplicates merged -> Corpus

Nothing the user gave disappears silently: what does not become a paper is a `Skipped`
with its file and line, and every merge is listed. The order of the given paths does not
matter; files are read in sorted order, so the same input always gives the same corpus.
Many megabytes of input in several files are read by forked workers, one per core, and
their papers taken back in that same order (see PARALLEL_MIN_BYTES).
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path, PurePosixPath
from typing import Any, Final

from digest import forking
from digest.cleaning import (
    binary_reason,
    clean_keyword,
    clean_text,
    clean_token,
    collapse_whitespace,
    comparable_text,
    decode_bytes,
    is_catalogue_line,
    is_first_page_picture,
    is_placeholder,
    researchgate_description,
    space_run_on_sentences,
    strip_abstract_trailer,
    strip_invisible,
    without_accents,
    without_editors_summary,
    without_own_citation,
    without_stray_punctuation,
)
from digest.config import CONFIG_NAME
from digest.errors import InputError
from digest.models import Corpus, FileReport, Merge, Paper, Skipped, Source
from digest.readers import sniff_format
from digest.readers.arxiv_pages import FLATTENED_RSS
from digest.readers.identifiers import (
    parse_arxiv_field,
    parse_doi,
    pubmed_page_pmid,
    venue_arxiv_id,
    venue_name,
    without_proxy_login,
)
from digest.readers.markup import (
    UnreadableMarkup,
    inline_markup_to_text,
    run_in_sections,
    unglued_sections,
    without_abstract_heading,
)
from digest.readers.records import (
    NO_ABSTRACT,
    Problem,
    Record,
    cased_venue,
    excerpt,
    has_letter,
    in_capitals,
    in_one_language,
    nlm_title,
    normal_date,
    without_doubled_names,
    without_footnote_mark,
    without_honorific,
    without_names_left_out,
)
from digest.reports import lines_listed

_WHAT_TO_PASS = (
    "pass text files with one abstract per line (or 'Abstract:' lines), "
    "JSONL with an \"abstract\" field, CSV with an 'abstract' column, arXiv listing "
    "or Google Scholar alert emails (saved as .eml or mbox), RSS/Atom feeds, or BibTeX/RIS "
    "files with abstracts"
)


def load_papers(
    paths: Sequence[Path],
    on_progress: Callable[[int, int], None] | None = None,
    *,
    out_dir: Path | None = None,
    history: Path | None = None,
    config: Path | None = None,
) -> Corpus:
    """Read every file at or below `paths` and return the distinct papers found.

    `on_progress(done, total)` is told the bytes read so far out of the total, once before
    the first file and after each file. `out_dir`, `history` and `config` are digest's own
    files (the output folder, the history database, the settings file in use): never read,
    however the paths reach them; nor is any file named digest.toml (settings, not papers).
    Raises InputError when a path does not exist, or when nothing at all yields a paper
    (after every file was tried, so the message can say what was found instead).
    """
    if not paths:
        raise InputError(f"no input given; {_WHAT_TO_PASS}")
    missing = [display_path(Path(p)) for p in paths if not os.path.lexists(p)]
    if missing:
        raise InputError(
            f"{', '.join(missing)}: no such file or folder; pass a file or folder of abstracts"
        )
    files, skipped = _list_files(paths, _own_files(out_dir, history, config))
    sizes = [_file_size(path) for _, path in files]
    total, done = sum(sizes), 0
    if on_progress is not None:
        on_progress(done, total)
    loaded: list[_Loaded] = []
    reports: list[FileReport] = []
    for size, file_load in zip(sizes, _load_files(files, sizes), strict=True):
        if on_progress is not None:
            done += size
            on_progress(done, total)
        loaded.extend(file_load.papers)
        skipped.extend(file_load.skipped)
        reports.append(file_load.report)
    papers, merges = _merge_duplicates(loaded)
    if not papers:
        raise InputError(_nothing_found(paths, reports, skipped))
    return Corpus(papers=papers, skipped=tuple(skipped), merges=merges, files=tuple(reports))


def _nothing_found(paths: Sequence[Path], reports: list[FileReport], skipped: list[Skipped]) -> str:
    names = ", ".join(display_path(Path(p)) for p in paths)
    found = f"{len(reports)} file{'s' if len(reports) != 1 else ''} read"
    if skipped:
        found += "; " + "; ".join(str(s) for s in skipped[:3])
        if len(skipped) > 3:
            found += f"; and {len(skipped) - 3} more"
    return f"no abstracts found in {names} ({found}); {_WHAT_TO_PASS}"


@dataclass(frozen=True)
class FileAccount:
    """What became of one file's records: new papers, merges into earlier ones, skips."""

    report: FileReport
    papers: int  # records that are a paper of their own (first of their kind)
    merges: tuple[Merge, ...]
    skipped: tuple[Skipped, ...]


def account_by_file(corpus: Corpus) -> tuple[tuple[FileAccount, ...], tuple[Skipped, ...]]:
    """The corpus told file by file, plus what was skipped outside any file (a folder).

    Every record of a file is one of: the first source of a paper, a merge, or skipped.
    """
    firsts = Counter(paper.sources[0].path for paper in corpus.papers if paper.sources)
    merges: dict[str, list[Merge]] = {}
    for merge in corpus.merges:
        merges.setdefault(merge.source.path, []).append(merge)
    skipped: dict[str, list[Skipped]] = {}
    for item in corpus.skipped:
        skipped.setdefault(item.path, []).append(item)
    accounts = tuple(
        FileAccount(
            report,
            firsts[report.path],
            tuple(merges.pop(report.path, ())),
            tuple(skipped.pop(report.path, ())),
        )
        for report in corpus.files
    )
    elsewhere = tuple(item for items in skipped.values() for item in items)
    return accounts, elsewhere


# --- finding files --------------------------------------------------------------------------


def _list_files(
    paths: Sequence[Path], own: dict[str, str] | None = None
) -> tuple[list[tuple[str, Path]], list[Skipped]]:
    """Every regular file at or below `paths` as (display path, path), in sorted order.

    The display path is the file's path as reached from the given one ("seeds/000_x.txt"),
    with forward slashes, so reports read the same on every machine. A file reached twice
    (given twice, or through a folder and directly) is read once; so is a folder, however
    many links lead to it. A link found in a folder that leads outside the given paths is
    reported and not followed. `own` files (see `_own_files`) are never read.
    """
    walk = _Walk(roots=tuple(os.path.realpath(p) for p in paths), own=own or {})
    found: list[tuple[str, Path]] = []
    for given in paths:
        for path in walk.files(Path(given), top=True):
            found.append((display_path(path), path))
    found.sort(key=lambda item: PurePosixPath(item[0]).parts)
    seen: set[str] = set()
    unique: list[tuple[str, Path]] = []
    for display, path in found:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            unique.append((display, path))
    skipped = sorted(walk.skipped, key=lambda s: PurePosixPath(s.path).parts)
    return unique, skipped


def display_path(path: Path) -> str:
    """A path as text every output can carry: forward slashes; bytes that are not UTF-8
    and control or bidi characters in a file name are shown escaped ("caf\\xe9.txt")."""
    text = os.fsencode(path.as_posix()).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


# The files SQLite and our lock keep beside the history database.
_HISTORY_COMPANIONS = ("", ".lock", "-journal", "-wal", "-shm")


_OUTPUTS = "digest's output folder"
_SETTINGS = "digest's settings"


def _own_files(
    out_dir: Path | None, history: Path | None, config: Path | None = None
) -> dict[str, str]:
    """Real path -> what it is, for digest's own files: the output folder (and all in it),
    the history database and the files beside it, the settings file."""
    found: dict[str, str] = {}
    if config is not None:
        found[os.path.realpath(config)] = _SETTINGS
    if out_dir is not None:
        found[os.path.realpath(out_dir)] = _OUTPUTS
    if history is not None:
        real = os.path.realpath(history)
        found.update((real + suffix, "digest's history") for suffix in _HISTORY_COMPANIONS)
    return found


def _inside(real: str, folder: str) -> bool:
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


@dataclass
class _Walk:
    """One walk over the given paths: what was found, skipped and already read."""

    roots: tuple[str, ...]
    own: dict[str, str]
    skipped: list[Skipped] = field(default_factory=list)
    folders: set[str] = field(default_factory=set)  # real paths of folders read

    def files(self, path: Path, top: bool = False) -> Iterator[Path]:
        real = os.path.realpath(path)
        # A file named as digest's settings is settings, whichever config is in use.
        own = _SETTINGS if path.name == CONFIG_NAME else self._own(real)
        if own == _SETTINGS:
            reason = f"not read: {own} (settings are never inputs)"
            self.skipped.append(Skipped(display_path(path), None, reason, notice=True))
            return
        if own:
            reason = f"not read: {own} (outputs and history are never inputs)"
            self.skipped.append(Skipped(display_path(path), None, reason, notice=True))
            return
        if not top and path.is_symlink() and not any(_inside(real, r) for r in self.roots):
            reason = (
                "not read: a link to a file or folder outside the paths given; "
                "pass its target itself to read it"
            )
            self.skipped.append(Skipped(display_path(path), None, reason))
            return
        if path.is_file():
            yield path
            return
        if not path.is_dir():
            self.skipped.append(Skipped(display_path(path), None, "not a regular file or folder"))
            return
        if real in self.folders:  # reached again through a link (or a loop): read once
            return
        self.folders.add(real)
        try:
            names = sorted(os.listdir(path))
        except OSError as error:
            reason = f"cannot list folder ({error.strerror}); check its permissions"
            self.skipped.append(Skipped(display_path(path), None, reason))
            return
        if _ISSUE_RECORD in names and _is_output_folder(path / _ISSUE_RECORD):
            reason = (
                "not read: an earlier build's output folder (it holds digest.json; outputs "
                "are never inputs)"
            )
            self.skipped.append(Skipped(display_path(path), None, reason, notice=True))
            return
        for name in names:
            if not name.startswith("."):  # .git, .DS_Store, editor swap files
                yield from self.files(path / name)

    def _own(self, real: str) -> str | None:
        for path, what in self.own.items():
            if real == path or (what == _OUTPUTS and _inside(real, path)):
                return what
        return None


# An output folder of an earlier build (another --out, or one moved into the inputs) holds
# the issue's record, digest.json, which opens so: its feeds, Markdown and pages would be
# read as papers (each issue one more "paper", each paper again from the per-paper feeds).
_ISSUE_RECORD = "digest.json"
_ISSUE_RECORD_HEAD = re.compile(
    r'\A\s*\{\s*"title":[^\n]*\n\s*"date":[^\n]*\n\s*"week": "\d{4}-W\d{2}",\s*"number": \d+'
)


def _is_output_folder(record: Path) -> bool:
    """Whether `record` is the digest.json a build writes (read: its first bytes only)."""
    try:
        with open(record, "rb") as f:
            head = f.read(1024).decode("utf-8", "replace")
    except OSError:
        return False
    return bool(_ISSUE_RECORD_HEAD.match(head))


# A file larger than this is not read: about 250,000 abstracts, far more than one export or
# one week holds. Larger is a disk image, a database or a mistake. A file is read whole,
# and its reader keeps lists of its lines or records beside its text, so a file costs
# several times its size in memory, not once. Measured peaks (RSS, 47 MB of it the program
# itself): 224 MB for a 30 MB RIS export, 300 MB for 30 MB of pasted text, 1.7 GB for
# 200 MB of it (the plain-text reader keeps a tuple for every line). Only streaming
# readers would lower that.
MAX_FILE_BYTES = 256 * 1024 * 1024


# --- many files at once ---------------------------------------------------------------------

# From this many bytes of input in two files or more, the files are shared out between this
# process and forked workers, one per core: below it, forking and sending the papers back
# cost more than they save.
PARALLEL_MIN_BYTES = 4_000_000
# This process's share of the bytes, against a worker's 1 (measured at 10,000 abstracts).
_OWN_SHARE = 0.6

# A paper as a worker sends it back: the values of Paper's fields but its sources, then its
# one source's line, given_id and text_key. Plain tuples pickle several times faster than
# dataclasses; the fields are read from Paper itself, so a new one travels too.
_SENT_FIELDS = tuple(f.name for f in fields(Paper) if f.name != "sources")
_sent_values = operator.attrgetter(*_SENT_FIELDS)
_PackedPaper = tuple[Any, ...]
_PackedLoad = tuple[tuple[_PackedPaper, ...], "_FileLoad"]


def _load_files(files: Sequence[tuple[str, Path]], sizes: Sequence[int]) -> Iterator[_FileLoad]:
    """Each file's load, in the order of `files`; shared out between processes for a large
    input. A file's papers depend on its bytes alone, so where it is read changes nothing.

    This process reads the first share itself while forked workers read the others: only
    their papers pay for the trip back (as tuples, rebuilt here).
    """
    workers = forking.cores() if len(files) > 1 else 1
    shares = _shares(files, sizes, workers) if sum(sizes) >= PARALLEL_MIN_BYTES else [files]
    if len(shares) == 1:
        for display, path in files:
            yield _load_file(display, path)
        return
    # The workers inherit the shares (the file lists), not pickled.
    with forking.forked_pool(len(shares) - 1, shares) as pool:
        futures = [pool.submit(_load_forked_share, i) for i in range(1, len(shares))]
        for display, path in shares[0]:
            yield _load_file(display, path)
        for share, future in zip(shares[1:], futures, strict=True):
            for (display, _), packed in zip(share, future.result(), strict=True):
                yield _unpack(display, packed)


def _file_size(path: Path) -> int:
    """The bytes the file will be read for (a file over the limit is not read at all)."""
    try:
        size = path.stat().st_size
    except OSError:
        return 0  # reported when the file is read
    return size if size <= MAX_FILE_BYTES else 0


def _shares(
    files: Sequence[tuple[str, Path]], sizes: Sequence[int], parts: int
) -> list[Sequence[tuple[str, Path]]]:
    """`files` cut into at most `parts` runs, in order, none empty (one run when a last
    file holds most of the bytes). The first run, read by this process, has fewer bytes:
    this process also rebuilds the papers the others send back."""
    weights = list(itertools.accumulate([_OWN_SHARE] + [1.0] * (parts - 1)))
    total = sum(sizes)
    cuts = [0]
    running = 0
    for i, size in enumerate(sizes):
        running += size
        reached = running >= total * weights[len(cuts) - 1] / weights[-1]
        if reached and len(cuts) < parts and i + 1 < len(files):
            cuts.append(i + 1)
    cuts.append(len(files))
    return [files[start:stop] for start, stop in itertools.pairwise(cuts)]


def _load_forked_share(index: int) -> list[_PackedLoad]:
    shares: Sequence[Sequence[tuple[str, Path]]] = forking.inherited()
    loads = [_load_file(display, path) for display, path in shares[index]]
    return [(tuple(map(_pack, load.papers)), replace(load, papers=())) for load in loads]


def _pack(item: _Loaded) -> _PackedPaper:
    line = item.paper.sources[0].line
    return (*_sent_values(item.paper), line, item.given_id, item.text_key)


def _unpack(display: str, packed: _PackedLoad) -> _FileLoad:
    rows, file_load = packed
    n = len(_SENT_FIELDS)
    papers: list[_Loaded] = []
    for row in rows:
        line, given_id, text_key = row[n:]
        values = dict(zip(_SENT_FIELDS, row[:n], strict=True))
        paper = Paper(**values, sources=(Source(display, line),))
        papers.append(_Loaded(paper, given_id, text_key))
    return replace(file_load, papers=tuple(papers))


# --- one file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Loaded:
    """A paper read from one record, with what merging needs to know about it."""

    paper: Paper
    given_id: bool  # the input named its own id
    text_key: str  # the abstract without case, spaces and punctuation


@dataclass(frozen=True)
class _FileLoad:
    papers: tuple[_Loaded, ...]
    skipped: tuple[Skipped, ...]
    report: FileReport


def _load_file(display: str, path: Path) -> _FileLoad:
    sha256 = ""

    def unusable(fmt: str, reason: str, encoding: str = "unknown") -> _FileLoad:
        report = FileReport(display, fmt, 0, encoding, sha256)
        return _FileLoad((), (Skipped(display, None, reason),), report)

    try:
        with path.open("rb") as handle:
            # The size is checked before reading: a 4 GB sparse file costs nothing to
            # stat. (read(n) would allocate n bytes up front, whatever the file holds.)
            size = os.fstat(handle.fileno()).st_size
            data = handle.read() if size <= MAX_FILE_BYTES else b""
    except OSError as error:
        return unusable("unreadable", f"cannot read file ({error.strerror}); check its permissions")
    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        megabytes = max(size, len(data)) // 1_000_000
        reason = (
            f"file too large to read ({megabytes:,} MB; the limit is "
            f"{MAX_FILE_BYTES // 1_000_000} MB): split it, or export fewer records at a time"
        )
        return unusable("too large", reason)
    sha256 = hashlib.sha256(data).hexdigest()
    # isspace() where strip() would copy a whole file to find it is not blank.
    if not data or data.isspace():
        return unusable("empty", "empty file", "utf-8")
    why_binary = binary_reason(data)
    if why_binary:
        return unusable("binary", why_binary)
    decoded = decode_bytes(data)
    del data  # not held beside its text while it is parsed
    if not decoded.text or decoded.text.isspace():
        return unusable("empty", "empty file", decoded.encoding)
    fmt = sniff_format(decoded.text)
    try:
        if fmt.parse_file is not None:
            parsed = fmt.parse_file(decoded.text, decoded.encoding)
        else:
            parsed = fmt.parse(decoded.text)
    except UnreadableMarkup as error:  # the readers read around what they can
        reason = f"{error}; open the file, fix or remove that markup, or export it again"
        return unusable(fmt.name, reason, decoded.encoding)
    papers: list[_Loaded] = []
    skipped = [_skipped(display, problem) for problem in parsed.problems]
    for record in parsed.records:
        loaded = _paper_from_record(record, Source(display, record.line))
        if isinstance(loaded, str):
            shown = excerpt(strip_invisible(record.abstract))
            skipped.append(Skipped(display, record.line, loaded, shown))
        else:
            papers.append(loaded)
    skipped.sort(key=lambda s: s.line or 0)
    fmt_name = parsed.format or fmt.name  # a reader may know more than its row
    report = FileReport(display, fmt_name, len(parsed.records), decoded.encoding, sha256)
    missing = _count_missing_abstracts(skipped, bool(papers), fmt_name)
    return _FileLoad(tuple(papers), missing, report)


def _count_missing_abstracts(
    skipped: list[Skipped], has_papers: bool, fmt_name: str
) -> tuple[Skipped, ...]:
    """A file's records without an abstract as one Skipped, in place of one per record.

    In a file that also holds papers they are a notice: databases export records they
    have no abstract for, and there is nothing to fix (--strict passes). A file where no
    record has an abstract is a problem: likely the wrong export (or the wrong file), and
    for the formats whose exports may leave abstracts out, the line says how to keep them."""
    missing = [s for s in skipped if s.reason.startswith(NO_ABSTRACT)]
    if not missing:
        return tuple(skipped)
    if len(missing) == 1:
        [one] = missing
        summary = replace(one, notice=one.notice or has_papers)
    else:
        listed = lines_listed([s.line for s in missing if s.line is not None])
        whys = sorted({s.reason.removeprefix(NO_ABSTRACT).strip(" ()") for s in missing} - {""})
        reason = f"{len(missing)} records without an abstract, not papers ({listed})"
        if whys:
            reason += ": " + "; ".join(whys[:3]) + ("; …" if len(whys) > 3 else "")
        notice = has_papers or all(s.notice for s in missing)
        first = missing[0]
        summary = Skipped(first.path, first.line, reason, "", notice, len(missing))
    if not has_papers and fmt_name in _WITH_ABSTRACTS:
        summary = replace(summary, reason=f"{summary.reason}; {_WITH_ABSTRACTS[fmt_name]}")
    rest = [s for s in skipped if not s.reason.startswith(NO_ABSTRACT)]
    return tuple(sorted([*rest, summary], key=lambda s: s.line or 0))


# How to get abstracts into an export of a format that may leave them out.
_WITH_ABSTRACTS: Final = {
    "bibtex": (
        "the BibTeX of Google Scholar, DBLP, INSPIRE, arXiv and publishers' citation buttons "
        "has no abstracts: export these references from Zotero, Mendeley or JabRef (which "
        "keep abstracts), from NASA ADS as 'BibTeX with abstracts', or from the database "
        "with abstracts included (Scopus: 'Abstract & keywords'; Web of Science: 'Full "
        "Record')"
    ),
    "ris": (
        "this export left abstracts out: export again with them included (Scopus: "
        "'Abstract & keywords'; Web of Science: 'Full Record'; Ovid: 'Complete Reference'); "
        "Google Scholar's RefMan citations never have them: export from Zotero or the "
        "database itself"
    ),
    "web-of-science": "export again with Record Content 'Full Record', which has abstracts",
    "endnote-tagged": (
        "Google Scholar's EndNote citations have no abstracts: export these references "
        "from EndNote, Zotero or the database itself, which write them in %X"
    ),
    "endnote-xml": (
        "EndNote exports the abstracts its library holds, and these records hold none: "
        "fill them in with EndNote's 'Find Reference Updates', or export the references "
        "from the database with their abstracts"
    ),
    "ieee-text": (
        "this IEEE Xplore export holds citations only: export again as Plain Text with "
        "'Citation and Abstract' chosen"
    ),
    "scopus-text": (
        "this Scopus export left abstracts out: export again as Plain text with "
        "'Abstract & keywords' ticked"
    ),
    "proquest": (
        "this ProQuest export left abstracts out: export again as text with the content "
        "'Citation, abstract, indexing' (or 'Full text')"
    ),
    "sciencedirect": (
        "this export holds citations only: export again from ScienceDirect as text with "
        "'Citation and abstract' chosen"
    ),
    "biorxiv": (
        "this bioRxiv/medRxiv answer (/publisher, /funder) has no abstracts: ask /details for them"
    ),
    "europe-pmc": (
        "Europe PMC's 'lite' results have no abstracts: search again with resultType=core"
    ),
    "crossref": (
        "Crossref has abstracts only where publishers deposited them: search again with "
        "filter=has-abstract:true, or ask OpenAlex or Semantic Scholar for these DOIs"
    ),
    "crossref-xml": (
        "Crossref has abstracts only where publishers deposited them: ask OpenAlex or "
        "Semantic Scholar for these DOIs"
    ),
    "datacite-xml": (
        "DataCite records have an abstract only where the depositor gave one: ask OpenAlex "
        "or Semantic Scholar for these DOIs"
    ),
    "openalex": (
        "OpenAlex sends abstracts only when asked for (a select= must name "
        "abstract_inverted_index), and none where a publisher withholds them: search again "
        "with filter=has_abstract:true"
    ),
    "semantic-scholar": (
        "Semantic Scholar sends abstracts only when asked for (fields=title,abstract,…), "
        "and none where a publisher withholds them"
    ),
    "google-scholar": (
        "the scholarly library's publications have abstracts once filled: save them "
        "after scholarly.fill()"
    ),
    "core": (
        "CORE has abstracts only where the repository it harvested gave one: ask OpenAlex "
        "or Semantic Scholar for these DOIs"
    ),
    "doaj": (
        "DOAJ has abstracts only where the publisher uploaded one: ask OpenAlex or "
        "Semantic Scholar for these DOIs"
    ),
    "pubmed-esummary": (
        "E-utilities' esummary answers have no abstracts: fetch these PMIDs with "
        "efetch.fcgi?db=pubmed&retmode=xml (or rettype=medline) and load that"
    ),
    "elsevier": (
        "Elsevier's search answers have abstracts only from the Scopus Search API with "
        "view=COMPLETE (ScienceDirect's search has none): search Scopus with it, or ask the "
        "Abstract Retrieval API for each DOI"
    ),
}


def _skipped(display: str, problem: Problem) -> Skipped:
    # Reasons may quote the input (a BibTeX key, an API error message): no control
    # characters may reach a terminal or an output through them either.
    reason = collapse_whitespace(strip_invisible(problem.reason))
    return Skipped(display, problem.line, reason, clean_text(problem.excerpt), problem.notice)


_WEB_LINK = re.compile(r"https?://[^/\s]", re.I)
# ScienceDirect numbers a book's chapters in their titles, in each of its exports (BibTeX,
# RIS, text): "1 - Congruence of deep learning in biomedical engineering: …", "Chapter 3 -
# Hydrogels". Only for Elsevier's books (DOIs 10.1016/B978-…), whose chapters these are.
# MDPI's feeds title each item with its source ("Brain Sciences, Vol. 15, Pages 618: Prediction
# of …"), and notes made from them keep it: the journal is the venue, the rest the title.
_MDPI_ITEM = re.compile(r"([^,:]{2,80}), Vol\. \d+, Pages? [\w.-]+: (?=\S)")
_ELSEVIER_BOOK = ("10.1016/B978-", "10.1016/b978-")
_CHAPTER_NUMBER = re.compile(r"^(?:Chapter\s+)?\d{1,3}\s+[-\u2013]\s+(?=\S)", re.I)
# AACR's meeting abstracts are titled with their number at Crossref, and so in OpenAlex and
# what is made from it: "Abstract IA22: Insights from adopting a data commons approach …",
# "Abstract 1898: SNAF: …". Only for AACR's DOIs (10.1158/…), whose titles these are.
_AACR_DOI = "10.1158/"
_AACR_NUMBER = re.compile(r"Abstract [A-Z]{0,3}-?\d{1,5}: (?=\S)")
_PMID = re.compile(r"\b\d{1,9}\b")


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    """Non-empty values once each (any case), in their first order."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)


def _paper_from_record(record: Record, source: Source) -> _Loaded | str:
    """Clean every field of a record and give it its id; why not, if no abstract is left."""
    abstract = in_one_language(record.abstract)
    if abstract != record.abstract:
        # The half kept opens with its own heading, which the reader could not take off
        # ("RESUMO O estudo … Prata. , ABSTRACT The study …": SciELO's two abstracts in one
        # of Crossref's, as Zotero keeps it).
        abstract = without_abstract_heading(abstract)
    abstract = clean_text(abstract)
    # arXiv's feed description kept whole as the abstract by a script's JSON or CSV
    # ("arXiv:2604.13213v2 Announce Type: replace-cross Abstract: Rare events …"): its head
    # names the paper, it is no part of the text.
    announced = FLATTENED_RSS.match(abstract) if abstract.startswith("arXiv:") else None
    if announced:
        abstract = announced.group(3)
    if is_first_page_picture(abstract):
        return f"{NO_ABSTRACT} (only IEEE Xplore's picture of its first page)"
    if is_placeholder(abstract) or not has_letter(abstract):
        # Not a letter: a separator a script kept ("-----…", the arXiv mail's line between
        # papers, as a replaced paper's abstract).
        return f"{NO_ABSTRACT} (only {abstract!r})"
    title = nlm_title(clean_text(record.title)) if record.title else ""
    # A footnote's dagger closing the title ("… Technology Evaluator †", an MDPI paper in
    # Scopus's RIS and CSV) is no part of it; a "*" there is left as a source wrote it.
    if title.endswith(("†", "‡")):
        title = without_footnote_mark(title)
    if is_catalogue_line(abstract, title):
        return f"{NO_ABSTRACT} (only a library catalogue's line on the book, {abstract!r})"
    described = researchgate_description(abstract, title)
    if described:
        abstract, title = described
    abstract = without_editors_summary(strip_abstract_trailer(abstract), record.venue or "")
    abstract = space_run_on_sentences(without_stray_punctuation(abstract))
    # A structured abstract's headings glued to their sections or run into them by a space,
    # in whichever format a database gave it ("ConclusionsThis …", "Background The …").
    abstract = run_in_sections(unglued_sections(abstract))
    if not abstract:
        return f"{NO_ABSTRACT} (its text is empty once cleaned)"
    # Looked for as text first: the pattern, tried on every title, is about 10x slower.
    source_line = _MDPI_ITEM.match(title) if ", Vol. " in title else None
    if source_line:
        title = title[source_line.end() :]
    if title:
        abstract = without_own_citation(abstract, title)
    given = collapse_whitespace(strip_invisible(record.id)) if record.id else ""
    url = without_proxy_login(clean_token(record.url)) if record.url else None
    arxiv = None
    # arXiv's own DOI ("10.48550/arXiv.1006.5399", OpenAlex's and Crossref's only id of a
    # preprint) names the paper's arXiv id too; parse_arxiv_field reads no other DOI as one.
    # So does a venue that is only the id (a RIS's "JO  - arXiv preprint arXiv:2411.13560").
    venue_id = venue_arxiv_id(record.venue) if record.venue else None
    announced_id = announced.group(1) if announced else None
    for candidate in (record.arxiv, given, url, record.doi, venue_id, announced_id):
        arxiv = parse_arxiv_field(candidate) if candidate else None
        if arxiv:
            break
    doi = None
    for candidate in (record.doi, given, url):
        doi = parse_doi(clean_token(candidate)) if candidate and "10." in candidate else None
        if doi:
            break
    if title and doi and doi.startswith(_ELSEVIER_BOOK):
        title = _CHAPTER_NUMBER.sub("", title, count=1)
    if title.startswith("Abstract ") and doi and doi.startswith(_AACR_DOI):
        title = _AACR_NUMBER.sub("", title, count=1)
    pairs = list(record.metadata)
    title, original = _without_original_title(title)
    if original:
        pairs.append(("original title", original))
    if url and not _WEB_LINK.match(url):
        # Readers follow Paper.url: only a web link may become one ("javascript:", "file:"
        # and the like are kept as metadata, where they stay text).
        pairs.append(("url", url))
        url = None
    metadata: tuple[tuple[str, str], ...] = ()
    if pairs:
        cleaned = ((clean_text(key), clean_text(value)) for key, value in pairs)
        metadata = tuple(sorted({(key, value) for key, value in cleaned if value}))
    text_key = comparable_text(abstract)
    venue = clean_text(record.venue) if record.venue else ""
    # Zotero names the site where it found the page as the paper's journal.
    venue = "" if described and venue == "ResearchGate" else venue
    venue = venue or (source_line.group(1) if source_line else "")
    given_pmid = _PMID.search(record.pmid) if record.pmid else None
    # A record may give its PubMed page, not its PMID (Rayyan's CSV, feeds, notes).
    pmid = given_pmid.group() if given_pmid else (pubmed_page_pmid(url) if url else None) or ""
    paper = Paper(
        id=given or (arxiv.id if arxiv else abstract_id(text_key)),
        abstract=abstract,
        arxiv_id=arxiv.id if arxiv else None,
        arxiv_version=arxiv.version if arxiv else None,
        doi=doi,
        title=title or None,
        # A name without a letter is a piece of punctuation an author list was split on:
        # arXiv's "The CMS", "LHCb Collaborations", " :" (1411.4413).
        # "et al." where a list names no more (MEDLINE's "AU  - et al.") is no one's name.
        # A list some exports write twice (IEEE Xplore's RIS: "G. Kalbe", "G. Kalbe") is
        # one.
        authors=without_doubled_names(
            [
                name
                for name in (
                    without_honorific(without_names_left_out(clean_text(a))) for a in record.authors
                )
                if has_letter(name)
            ]
        ),
        url=url or None,
        date=normal_date(clean_text(record.date)) or None if record.date else None,
        metadata=metadata,
        sources=(source,),
        pmid=pmid.lstrip("0") or None,
        venue=cased_venue(venue_name(venue)) or None if venue else None,
        # A keyword without the inline HTML an export copied into it: Scopus CSV's author
        # keywords "CO<sub>2</sub> permeability", "TiO<sub>2</sub>".
        keywords=_distinct(clean_keyword(inline_markup_to_text(k)) for k in record.keywords)
        if record.keywords
        else (),
    )
    return _Loaded(paper, bool(given), text_key)


def _without_original_title(title: str) -> tuple[str, str]:
    """A title without the one in the paper's own language that Scopus gives after its
    English translation, in brackets ("Learned resourcefulness and coping with stress …;
    [Engelli çocuğa sahip annelerde …]", in its BibTeX and CSV exports), and that title;
    a title with no such part, and "". Only a last part in one pair of brackets goes: a title
    that is all brackets, or whose brackets hold brackets, stays whole. Before 2023 Scopus
    wrote each original title after a space alone ("Teaching work … in Chile: A review of
    the evidence [Trabalho docente e nova gestão …] [Trabajo docente y nueva gestión …]");
    such parts go when they read as titles and hold a letter English does not write ("ã",
    "ó", Han, Cyrillic), so that an English title's own brackets stay ("Sparse sampling
    [Lecture Notes]", "[Fe/H]", an erratum's "[J. Math. Phys. 64, 023301 (2023)]")."""
    if not title.endswith("]"):  # most titles, and this runs on every one
        return title, ""
    cut = title.rfind("; [")
    original = title[cut + 3 : -1].strip()
    if cut > 0 and original and "[" not in original and "]" not in original:
        return title[:cut].rstrip(), original
    originals: list[str] = []
    rest = title
    for _ in range(_MOST_ORIGINAL_TITLES):
        cut = rest.rfind(" [") if rest.endswith("]") else -1
        original = rest[cut + 2 : -1].strip()
        if cut <= 0 or "[" in original or "]" in original or not _title_like(original):
            break
        originals.insert(0, original)
        rest = rest[:cut].rstrip()
    if not any(ch.isalpha() and not ch.isascii() for ch in "".join(originals)):
        return title, ""
    return rest, "; ".join(originals)


def _title_like(text: str) -> bool:
    """Whether a bracketed part reads as a title: three words or more, or four letters of a
    script written without spaces (Han, kana, Hangul)."""
    return len(text.split()) >= 3 or sum(ch.isalpha() and ch >= "\u3040" for ch in text) >= 4


# The most bracketed parts taken as original titles: Scopus's records give two at most.
_MOST_ORIGINAL_TITLES: Final = 3


def abstract_id(text_key: str) -> str:
    """A stable id for a paper known only by its abstract: same words, same id.

    `text_key` is `comparable_text(abstract)`, so whitespace, case and punctuation changes
    (the same changes that count as a duplicate) do not change the id.
    """
    digest = hashlib.sha256(text_key.encode("utf-8")).hexdigest()
    return f"abs-{digest[:12]}"


# --- duplicates -----------------------------------------------------------------------------


def _merge_duplicates(loaded: Sequence[_Loaded]) -> tuple[tuple[Paper, ...], tuple[Merge, ...]]:
    """Merge records of the same paper, keeping first-appearance order.

    Same paper means, in this order: the same arXiv id (any version), the same DOI (any
    case), the same PMID, the same title and first author's surname (up to case, accents
    and punctuation; a title cut short with "…", as Google Scholar cuts long ones, is the
    same as a title it starts), or the same abstract up to whitespace, case and
    punctuation. The last three hold unless the two carry different arXiv ids, DOIs or
    PMIDs (then they are different papers that share a title or an abstract); the abstract
    also needs titles that agree where both records have one. Each record costs a few
    dictionary look-ups, however many records share an abstract or an id: loading stays
    linear in the number of records.
    """
    groups: list[list[_Loaded]] = []
    # The arXiv ids, DOIs and PMIDs each group holds, so a conflict is found without
    # walking it.
    group_ids: list[_GroupIds] = []
    pending: list[tuple[int, Source, str]] = []
    by_arxiv: dict[str, int] = {}
    by_doi: dict[str, int] = {}
    by_pmid: dict[str, int] = {}
    by_title: dict[str, int] = {}
    by_start: dict[str, int] = {}
    by_text: dict[str, int] = {}
    for item in loaded:
        paper = item.paper
        ids: _Ids = (paper.arxiv_id, paper.doi.casefold() if paper.doi else None, paper.pmid)
        arxiv_id, doi, pmid = ids
        text = item.text_key
        title, start = _title_keys(paper)
        target: int | None = None
        rule = ""
        if arxiv_id and arxiv_id in by_arxiv:
            target, rule = by_arxiv[arxiv_id], "arxiv id"
        elif doi and doi in by_doi and not _shares_only_doi(groups[by_doi[doi]][0], item):
            target, rule = by_doi[doi], "doi"
        elif pmid and pmid in by_pmid:
            target, rule = by_pmid[pmid], "pmid"
        elif title and title in by_title and not group_ids[by_title[title]].conflict(ids):
            target, rule = by_title[title], "title and first author"
        elif (
            start in by_start
            and not group_ids[by_start[start]].conflict(ids)
            and _cut_title_of(group_ids[by_start[start]].title, paper.title)
        ):
            target, rule = by_start[start], "title cut short and first author"
        elif (
            text in by_text
            and not group_ids[by_text[text]].conflict(ids)
            and not group_ids[by_text[text]].other_title(paper.title)
        ):
            target, rule = by_text[text], "abstract text"
        if target is None:
            target = len(groups)
            groups.append([item])
            group_ids.append(_GroupIds(ids, paper.title))
        else:
            groups[target].append(item)
            pending.append((target, paper.sources[0], rule))
            group_ids[target].add(ids, paper.title)
        if arxiv_id:
            by_arxiv.setdefault(arxiv_id, target)
        if doi:
            by_doi.setdefault(doi, target)
        if pmid:
            by_pmid.setdefault(pmid, target)
        if title:
            by_title.setdefault(title, target)
        if start:
            by_start.setdefault(start, target)
        by_text.setdefault(text, target)
    papers = _unique_ids([_combine(group) for group in groups])
    merges = tuple(Merge(papers[index].id, source, rule) for index, source, rule in pending)
    return tuple(papers), merges


# A group holding two different ids of one kind conflicts with any paper having that kind.
_MANY = "\0many"
_Ids = tuple[str | None, str | None, str | None]  # arXiv id, DOI (casefolded), PMID


class _GroupIds:
    """The arXiv id, DOI and PMID of one group of records, each kind as its one value, or
    _MANY when the group's records disagree (merged by another id). Built for every paper
    loaded, so kept to three slots rather than three sets."""

    __slots__ = ("ids", "title")

    def __init__(self, ids: _Ids, title: str | None) -> None:
        self.ids: list[str | None] = list(ids)
        self.title = title  # the first title the group's records gave

    def add(self, ids: _Ids, title: str | None) -> None:
        for kind, value in enumerate(ids):
            known = self.ids[kind]
            if value and value != known:
                self.ids[kind] = value if known is None else _MANY
        if title and not self.title:
            self.title = title

    def conflict(self, ids: _Ids) -> bool:
        """Whether the group holds an id of a kind the paper has, other than the paper's."""
        return any(
            value and known is not None and known != value
            for value, known in zip(ids, self.ids, strict=True)
        )

    def other_title(self, title: str | None) -> bool:
        """Whether the paper's title names another paper than the group's: two records
        that share only a web page's boilerplate for an abstract are not one paper. A
        title that holds the other ("X" and "X: a study") is the same one; a title too
        short to name a paper decides nothing. (Folded only here, when abstracts match.)"""
        return _other_titles(self.title, title)


def _other_titles(one: str | None, other: str | None) -> bool:
    """Whether two titles name two papers: neither holds the other, and both are long
    enough to name a paper."""
    if not (one and other):
        return False
    mine, theirs = _folded_title(one), _folded_title(other)
    return bool(mine and theirs) and mine not in theirs and theirs not in mine


def _shares_only_doi(first: _Loaded, item: _Loaded) -> bool:
    """Whether a record with the DOI of an earlier one is another paper all the same: the
    meeting abstracts of a journal's supplement each carry the supplement's DOI (Embase's,
    through Ovid: "BMC Proceedings. Conference: … 12 (Supplement 3)"), and differ in title,
    first author and abstract alike, where one paper from two databases keeps at least one
    of the three."""
    one, other = first.paper, item.paper
    return (
        first.text_key != item.text_key
        and bool(one.authors and other.authors)
        and _surname(one.authors[0]) != _surname(other.authors[0])
        and _other_titles(one.title, other.title)
    )


# A title this short ("Editorial", "Introduction") names no one paper, whoever wrote it.
_TITLE_KEY_MIN = 20


def _folded_title(title: str) -> str:
    """The title without case, accents or punctuation; "" when too short to name a paper."""
    folded = comparable_text(without_accents(title))
    return folded if len(folded) >= _TITLE_KEY_MIN else ""


def _title_keys(paper: Paper) -> tuple[str | None, str | None]:
    """The paper's folded title and its first author's surname (the same paper exported by
    two databases has different ids, or none), and the folded start of its title with the
    surname, when the title is long enough that Google Scholar may have cut it ("…" and
    "..." fold away: the start of a title cut short is the start of the whole one). The
    title is folded and the surname found once for both."""
    if not (paper.title and paper.authors):
        return None, None
    folded = _folded_title(paper.title)
    surname = _surname(paper.authors[0]) if folded else ""
    if not surname:
        return None, None
    start = f"{folded[:_TITLE_START]} {surname}" if len(folded) >= _TITLE_START else None
    return f"{folded} {surname}", start


# Titles cut short ("Graph neural networks for the prediction of … across …") are matched
# to whole ones by this many characters of their folded start and the first author.
_TITLE_START = 40
_ELLIPSIS = ("…", "...")


def _cut_title_of(one: str | None, other: str | None) -> bool:
    """Whether one of the two titles is cut short with "…" and the other starts with it."""
    if not (one and other):
        return False
    for cut, whole in ((one, other), (other, one)):
        if cut.rstrip().endswith(_ELLIPSIS):
            start = comparable_text(without_accents(cut))
            if comparable_text(without_accents(whole)).startswith(start):
                return True
    return False


def _whole_title(titles: Sequence[str]) -> str | None:
    """The first title, or a later one that the first, cut short with "…", starts; a title
    in capitals (an old Web of Science record's: "EFFECTS OF SALINITY ON …") gives way to
    the same title as another record writes it in small letters."""
    first = next(iter(titles), None)
    if first is None:
        return None
    if first.rstrip().endswith(_ELLIPSIS):
        whole = (
            t for t in titles[1:] if not t.rstrip().endswith(_ELLIPSIS) and _cut_title_of(first, t)
        )
        first = next(whole, first)
    if not in_capitals(first):
        return first
    key = comparable_text(without_accents(first))
    cased = (t for t in titles if not in_capitals(t) and comparable_text(without_accents(t)) == key)
    return next(cased, first)


def _surname(name: str) -> str:
    """The last word of a name's surname, folded: "Lewis, Patrick", "Patrick Lewis",
    "Lewis P." and "Lewis PS" all give "lewis"; "van der Berg, J." and "J. van der Berg"
    give "berg"."""
    if "," in name:
        part = name.split(",", 1)[0]
    else:
        words = name.split()
        # MEDLINE and Scopus write the initials last: "Lewis P", "Lewis P.S.", "Lewis PS".
        while len(words) > 1 and _is_initials(words[-1]):
            words.pop()
        part = words[-1] if words else ""
    words = without_accents(part).replace("-", " ").split()
    return comparable_text(words[-1]) if words else ""


def _is_initials(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return 0 < len(letters) <= 3 and letters.isupper()


def _combine(group: list[_Loaded]) -> Paper:
    """One paper from its records: the richest of each field, every source in order.

    The abstract comes from the newest arXiv version when the records name versions, else
    it is the longest one (a database may cut it short); the author list is the longest;
    keywords are every record's; other fields come first from the newest version, then
    from the first record that has them. The id is the input's own id if any record gave
    one, else the arXiv id, else the first record's id.
    """
    if len(group) == 1:
        return group[0].paper
    newest = max(group, key=lambda item: item.paper.arxiv_version or 0)
    ordered = [newest.paper] + [item.paper for item in group if item is not newest]
    given = next((item.paper.id for item in group if item.given_id), None)
    arxiv_id = next((p.arxiv_id for p in ordered if p.arxiv_id), None)
    versions = [p.arxiv_version for p in ordered if p.arxiv_version is not None]
    abstract = newest.paper.abstract if versions else max((p.abstract for p in ordered), key=len)
    return Paper(
        id=given or arxiv_id or group[0].paper.id,
        abstract=abstract,
        arxiv_id=arxiv_id,
        arxiv_version=max(versions) if versions else None,
        doi=next((p.doi for p in ordered if p.doi), None),
        title=_whole_title([p.title for p in ordered if p.title]),
        authors=max((p.authors for p in ordered), key=len),
        url=next((p.url for p in ordered if p.url), None),
        date=next((p.date for p in ordered if p.date), None),
        metadata=tuple(sorted({pair for p in ordered for pair in p.metadata})),
        sources=tuple(item.paper.sources[0] for item in group),
        pmid=next((p.pmid for p in ordered if p.pmid), None),
        venue=next((p.venue for p in ordered if p.venue), None),
        keywords=_distinct(keyword for p in ordered for keyword in p.keywords),
    )


def _unique_ids(papers: list[Paper]) -> list[Paper]:
    """Distinct papers that claim the same id (two inputs both said "p1") get "-2", "-3".

    The last suffix given for each id is remembered, so 20,000 papers that all say "p1"
    do not each try every suffix before theirs again."""
    taken: set[str] = set()
    last_suffix: dict[str, int] = {}
    out: list[Paper] = []
    for paper in papers:
        new_id, n = paper.id, last_suffix.get(paper.id, 1)
        if new_id in taken:
            while new_id in taken:
                n += 1
                new_id = f"{paper.id}-{n}"
            last_suffix[paper.id] = n
        taken.add(new_id)
        out.append(paper if new_id == paper.id else replace(paper, id=new_id))
    return out
