"""Score one-line summaries on SciTLDR dev, with the protocol of /work/shared/bench/README.md.

    .venv/bin/python bench/summaries.py                 # every method, all 618 papers
    .venv/bin/python bench/summaries.py --method contribution --limit 100
    .venv/bin/python bench/summaries.py --half odd      # papers 1, 3, 5, ... only
    .venv/bin/python bench/summaries.py --untitled      # abstracts alone, like bare seeds

Each paper's summary (title + abstract in, one sentence out) is scored with rouge-score
(ROUGE-1/2/L F1, use_stemmer=True) against every target; the target with the best ROUGE-1 is
kept; the table shows means x100 and papers per second of summarizing alone (scoring excluded).
Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from rouge_score import rouge_scorer  # type: ignore[import-untyped]

from digest.models import Paper
from digest.summarizing import DEFAULT_METHOD, METHODS, summarize_papers

DEV = Path("/work/shared/bench/scitldr/dev.jsonl")
# Our method first, then sumy's own summarizers and the lead-1 baseline.
ORDER = (DEFAULT_METHOD, "luhn", "lexrank", "lsa", "textrank", "edmundson", "lead")


def load_dev(path: Path, *, titled: bool = True) -> list[tuple[Paper, list[str]]]:
    """(paper as a user would give it: title + joined abstract, targets) per line."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            title = row["title"] if titled else None
            paper = Paper(id=row["paper_id"], abstract=" ".join(row["source"]), title=title)
            rows.append((paper, row["target"]))
    return rows


def score_summary(
    scorer: rouge_scorer.RougeScorer, summary: str, targets: list[str]
) -> tuple[float, float, float]:
    """R1, R2, RL F1 against the target with the best R1 (SciTLDR's multi-target max)."""
    best = max((scorer.score(t, summary) for t in targets), key=lambda s: s["rouge1"].fmeasure)
    return best["rouge1"].fmeasure, best["rouge2"].fmeasure, best["rougeL"].fmeasure


def run_method(
    method: str, rows: list[tuple[Paper, list[str]]], scorer: rouge_scorer.RougeScorer
) -> tuple[float, float, float, float]:
    start = time.perf_counter()
    summaries = summarize_papers([paper for paper, _ in rows], method=method)
    elapsed = time.perf_counter() - start
    # The verbatim sentence is scored, not the shortened display text.
    scores = [
        score_summary(scorer, s.sentence, t) for s, (_, t) in zip(summaries, rows, strict=True)
    ]
    r1, r2, rl = (100 * statistics.fmean(col) for col in zip(*scores, strict=True))
    return r1, r2, rl, len(rows) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N papers")
    parser.add_argument("--method", choices=sorted(METHODS), action="append", help="repeatable")
    parser.add_argument("--half", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--untitled", action="store_true", help="hide the titles")
    args = parser.parse_args()

    rows = load_dev(args.data, titled=not args.untitled)
    if args.half != "all":
        rows = rows[(args.half == "odd") :: 2]
    rows = rows[: args.limit]
    methods = args.method or [m for m in ORDER if m in METHODS]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)

    # One untimed pass fills the word-stem caches, so that each method is timed warm, the way
    # it runs on a second week's papers (a cold first pass costs about twice as much).
    summarize_papers([paper for paper, _ in rows])
    titles = "without titles" if args.untitled else "with titles"
    print(f"SciTLDR dev: {len(rows)} papers ({args.half}, {titles}); speed with warm caches")
    print(f"{'method':<14} {'R1':>6} {'R2':>6} {'RL':>6} {'papers/s':>10}")
    for method in methods:
        r1, r2, rl, speed = run_method(method, rows, scorer)
        print(f"{method:<14} {r1:6.1f} {r2:6.1f} {rl:6.1f} {speed:10.0f}", flush=True)


if __name__ == "__main__":
    main()
