"""Benchmark: read every real export file in ../shared/bench/exports/ and say how well it was read.

    .venv/bin/python bench/exports.py [--exports DIR] [--verbose]

For each file of MANIFEST.tsv (written by reference managers and databases, not by us), the
file is loaded on its own, as `digest load FILE` would, and one row is printed:

    expect   records with an abstract, per the manifest (counted by a quick script: close,
             not exact; read the oddities column when a row disagrees)
    papers   papers digest found (after merging duplicates inside the file)
    merged   records merged into an earlier paper of the same file (the same DOI, arXiv id
             or abstract: an API listing a preprint and its journal version)
    titled   papers with a title
    ids      papers with a DOI, an arXiv id or a PMID
    linked   papers with a link a reader can follow (not a search link)
    short    papers whose abstract has under 30 words: usually a field line or a heading
             read as an abstract (junk)
    skipped  what loading reported as not a paper
    verdict  ok when papers + merged == expect (a file without abstracts: no papers and a
             message saying why), every paper has a title, and no short
             papers where the reader itself decides what is an abstract (plain text,
             pastes, Markdown). In a format whose records name their abstract (BibTeX's
             `abstract`, CSL-JSON's, a CSV column…) a short abstract is the source's own
             (a web page's one-line description saved by Zotero): shown, not judged.

A file that raises (nothing loadable at all) shows its message. The totals line counts the
files read right. `--verbose` prints each paper's title, ids and the start of its abstract.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EXPORTS = REPO.parent / "shared" / "bench" / "exports"
SHORT_WORDS = 30
# Formats whose readers find abstracts by the shape of lines, where a short "abstract" is
# most likely a field line, a heading or an author list read as one.
SHAPE_READ = frozenset({"text", "markdown", "arxiv-paste", "notes"})


# Where the manifest's count (made by a quick script) is wrong, the count found by reading
# the file record by record, and what the script counted that is not an abstract.
VERIFIED: dict[str, tuple[int, str]] = {
    "zotero_csv/gabrielp_arxiv_zotero.csv": (
        59,
        "68 rows: 5 with an empty Abstract Note, 1 'Not Available', 2 holding NASA ADS's "
        "page description ('A powerful, streamlined new way to search the Astrophysics Data "
        "System') and 1 GitHub's ('Contribute to gencmd development by creating an account "
        "on GitHub.') instead of an abstract",
    ),
}


@dataclass(frozen=True)
class Row:
    path: str
    kind: str
    expect: int
    fmt: str
    papers: int
    merged: int
    titled: int
    ids: int
    linked: int
    short: int
    skipped: int
    error: str = ""

    @property
    def ok(self) -> bool:
        if self.expect == 0:  # a file with no abstracts at all: nothing read, and told why
            return self.papers == 0 and bool(self.error)
        judged = bool(set(self.fmt.split(",")) & SHAPE_READ)
        return (
            not self.error
            and self.papers + self.merged == self.expect
            and not (judged and self.short)
            and self.titled == self.papers
        )


def _ids(paper: Paper) -> bool:
    return bool(paper.doi or paper.arxiv_id or getattr(paper, "pmid", None))


def _linked(paper: Paper) -> bool:
    if getattr(paper, "link_is_search", False):
        return False
    return bool(paper.link)


def measure(path: Path, kind: str, expect: int, root: Path) -> tuple[Row, Corpus | None]:
    shown = str(path.relative_to(root))
    try:
        corpus = load_papers([path])
    except InputError as error:
        return Row(shown, kind, expect, "-", 0, 0, 0, 0, 0, 0, 0, str(error)), None
    papers = corpus.papers
    row = Row(
        path=shown,
        kind=kind,
        expect=expect,
        fmt=",".join(sorted({f.format for f in corpus.files})),
        papers=len(papers),
        merged=len(corpus.merges),
        titled=sum(1 for p in papers if p.title),
        ids=sum(1 for p in papers if _ids(p)),
        linked=sum(1 for p in papers if _linked(p)),
        short=sum(1 for p in papers if len(p.abstract.split()) < SHORT_WORDS),
        skipped=len(corpus.skipped),
    )
    return row, corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exports", type=Path, default=DEFAULT_EXPORTS)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    root: Path = args.exports
    manifest = root / "MANIFEST.tsv"
    if not manifest.is_file():
        print(f"no {manifest}: pass --exports DIR", file=sys.stderr)
        return 1
    with manifest.open(encoding="utf-8", newline="") as handle:
        entries = list(csv.DictReader(handle, delimiter="\t"))
    header = (
        f"{'file':58} {'format':>16} {'expect':>6} {'papers':>6} {'merged':>6} {'titled':>6} "
        f"{'ids':>5} {'linked':>6} {'short':>5} {'skip':>5}  verdict"
    )
    print(header)
    print("-" * len(header))
    rows: list[Row] = []
    for entry in entries:
        path = root / entry["local_path"]
        verified = VERIFIED.get(entry["local_path"])
        expect = verified[0] if verified else int(entry["with_abstract"])
        row, corpus = measure(path, entry["format"], expect, root)
        rows.append(row)
        verdict = "ok" if row.ok else (f"ERROR: {row.error[:60]}" if row.error else "WRONG")
        mark = "*" if verified else " "
        print(
            f"{row.path[:58]:58} {row.fmt[:16]:>16} {row.expect:5d}{mark} {row.papers:6d} "
            f"{row.merged:6d} {row.titled:6d} {row.ids:5d} {row.linked:6d} {row.short:5d} "
            f"{row.skipped:5d}  {verdict}"
        )
        if args.verbose and corpus is not None:
            for paper in corpus.papers:
                ids = " ".join(
                    f"{name}={value}"
                    for name, value in (
                        ("doi", paper.doi),
                        ("arxiv", paper.arxiv_id),
                        ("pmid", getattr(paper, "pmid", None)),
                    )
                    if value
                )
                print(f"    - {(paper.title or '(no title)')[:70]} [{ids}]")
                print(f"      {paper.abstract[:100]}")
    good = sum(1 for row in rows if row.ok)
    print("-" * len(header))
    print(
        f"{good}/{len(rows)} files read right; papers {sum(r.papers for r in rows)} against "
        f"{sum(r.expect for r in rows)} expected; {sum(r.short for r in rows)} short (likely "
        f"junk); {sum(r.papers - r.titled for r in rows)} without a title"
    )
    for path, (count, why) in VERIFIED.items():
        print(f"* {path}: {count} by reading the file, not the manifest's count: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
