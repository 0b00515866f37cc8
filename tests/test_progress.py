"""Progress: every stage of a build reports, and a stage's reports add up to its total."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from digest import pipeline
from digest.cli import _Reporter
from digest.config import Settings
from digest.grouping import group_by_theme
from digest.loading import load_papers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Recording:
    """A Progress that remembers what it was told: [name, total, papers, advanced]."""

    def __init__(self) -> None:
        self.stages: list[list[object]] = []

    def stage(self, name: str, total: int = 0, papers: int | None = None) -> None:
        self.stages.append([name, total, papers, 0])

    def advance(self, done: int) -> None:
        current = self.stages[-1]
        assert isinstance(current[3], int)
        current[3] += done


def _many_files(folder: Path, files: int, per_file: int) -> Path:
    """Files of distinct abstracts, as JSONL."""
    folder.mkdir()
    for f in range(files):
        rows = [
            {
                "id": f"p{f}-{i}",
                "title": f"Paper {f}-{i} on topic {i % 7}",
                "abstract": (
                    f"We study problem number {f * per_file + i} of topic {i % 7} in depth. "
                    f"We propose method {i % 5} for it, and it improves accuracy on benchmark "
                    f"{i % 3}. Experiments on {f} datasets confirm the gains."
                ),
            }
            for i in range(per_file)
        ]
        lines = "".join(json.dumps(row) + "\n" for row in rows)
        (folder / f"{f:02d}.jsonl").write_text(lines, encoding="utf-8")
    return folder


def test_a_build_reports_every_stage_and_each_adds_up(tmp_path: Path) -> None:
    corpus = pipeline.load_corpus([SEEDS])
    progress = Recording()
    settings = Settings(state=tmp_path / "history.sqlite3")
    pipeline.build_from_corpus(corpus, tmp_path / "out", dt.date(2026, 11, 16), settings, progress)
    names = [stage[0] for stage in progress.stages]
    assert names == ["summarize", "group", "render", "write"]
    for name, total, _papers, advanced in progress.stages:
        assert advanced == total, name
    papers = {stage[0]: stage[2] for stage in progress.stages}
    assert papers["render"] == papers["write"] == len(corpus.papers)


def test_loading_reports_bytes_read_up_to_the_total(tmp_path: Path) -> None:
    folder = _many_files(tmp_path / "in", files=4, per_file=20)
    told: list[tuple[int, int]] = []
    corpus = load_papers([folder], lambda done, total: told.append((done, total)))
    assert len(corpus.papers) == 80
    total = sum(path.stat().st_size for path in folder.iterdir())
    assert told[0] == (0, total)
    assert told[-1] == (total, total)
    assert len(told) == 5  # before the first file, then after each
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_grouping_reports_every_paper_once() -> None:
    corpus = pipeline.load_corpus([SEEDS])
    told: list[int] = []
    themes = group_by_theme(corpus.papers, on_progress=told.append)
    assert sum(told) == len(corpus.papers)
    assert sum(len(theme.paper_ids) for theme in themes) == len(corpus.papers)


@pytest.mark.parametrize(
    ("enabled", "total", "papers", "shown"),
    [
        (True, 5_000, None, True),  # a stage counted in papers: a bar from 1,000
        (True, 500, None, False),
        (True, 5, 5_000, True),  # a few slow steps over many papers
        (True, 5, 50, False),
        (False, 5_000, None, False),  # not a terminal, or --quiet
        (True, 0, None, False),  # nothing to count
    ],
)
def test_a_bar_only_for_a_long_stage_on_a_terminal(
    enabled: bool, total: int, papers: int | None, shown: bool
) -> None:
    reporter = _Reporter(bar=enabled, verbose=False)
    reporter.stage("render", total, papers)
    assert (reporter._bar is not None) is shown
    reporter.finish()
    assert reporter._bar is None
    assert reporter.timings[0][0] == "render"


def test_loading_shows_a_bar_by_bytes_only_for_a_large_input() -> None:
    small, large = _Reporter(bar=True, verbose=False), _Reporter(bar=True, verbose=False)
    for reporter, total in ((small, 1_000_000), (large, 100_000_000)):
        reporter.stage("load")
        reporter.bytes_read(0, total)
    assert small._bar is None
    assert large._bar is not None
    large.bytes_read(60_000_000, 100_000_000)
    assert large._bar.pos == 60_000_000
    large.finish()
