"""Score one-line summaries on SciTLDR dev, with the protocol of /work/shared/bench/README.md.

    .venv/bin/python bench/summaries.py                 # every method, with and without titles
    .venv/bin/python bench/summaries.py --method contribution --limit 100
    .venv/bin/python bench/summaries.py --half odd      # papers 1, 3, 5, ... only
    .venv/bin/python bench/summaries.py --untitled      # abstracts alone, like bare seeds
    .venv/bin/python bench/summaries.py --titled        # with titles only
    .venv/bin/python bench/summaries.py --margins 0 0.03 0.1   # ours, per preference margin
    .venv/bin/python bench/summaries.py --margins 0.07 --line-margin 0.2
    .venv/bin/python bench/summaries.py --ceilings      # how far one line can get, and why

Each paper's summary (title + abstract in, or the abstract alone; one line out) is scored with
rouge-score (ROUGE-1/2/L F1, use_stemmer=True) against every target; the target with the best
ROUGE-1 is kept (SciTLDR's multi-target max); the table shows means x100. R1/R2/RL score the
line a reader sees (`Summary.text`: a leading linking clause dropped, a long line cut after
its main clause; the ellipsis is punctuation to ROUGE); "sent R1" scores the verbatim
sentence the line comes from (`Summary.sentence`), as this bench did before lines were
trimmed. papers/s is summarizing alone (scoring excluded), with warm word caches.

--margins runs ours once per value of the preference for a sentence that stands on its own
(`summarizer.STANDALONE_MARGIN`, with `--line-margin` for `LINE_STANDALONE_MARGIN`, by
default the shipped one) and prints, beside R1, how many chosen sentences still lean back on
an earlier one (and how many lines do), and how many choices differ from the first margin's.
--ceilings prints the line of each abstract that comes closest to its targets (the "oracle",
SciTLDR's ceiling for one extracted sentence) and, for each target of a paper with two or
more, the R1 of ours and of the line that comes closest to the paper's other targets: what
choosing by the other readers' TLDRs is worth for this reader's, a fairer ceiling for a
summarizer that never sees the targets.
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
from digest.sentences import split_abstracts
from digest.summarizing import DEFAULT_METHOD, MAX_SENTENCES, METHODS, summarize_papers
from digest.summarizing import summarizer as summarizer_module
from digest.summarizing.sumy_methods import build_documents
from digest.summarizing.trimming import trim_sentence

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
) -> tuple[float, float, float, float, float]:
    """R1, R2, RL of the lines, R1 of their sentences, and papers per second."""
    start = time.perf_counter()
    summaries = summarize_papers([paper for paper, _ in rows], method=method)
    elapsed = time.perf_counter() - start
    lines = [score_summary(scorer, s.text, t) for s, (_, t) in zip(summaries, rows, strict=True)]
    sentences = [
        score_summary(scorer, s.sentence, t)[0] for s, (_, t) in zip(summaries, rows, strict=True)
    ]
    r1, r2, rl = (100 * statistics.fmean(col) for col in zip(*lines, strict=True))
    return r1, r2, rl, 100 * statistics.fmean(sentences), len(rows) / elapsed


def compare_margins(
    margins: list[float],
    line_margin: float | None,
    rows: list[tuple[Paper, list[str]]],
    scorer: rouge_scorer.RougeScorer,
) -> None:
    papers = [paper for paper, _ in rows]
    split = split_abstracts([p.abstract for p in papers], limit=MAX_SENTENCES)
    ratings = summarizer_module.ContributionSummarizer().rate_documents(
        build_documents(split, [p.title for p in papers])
    )
    starts = [sum(len(s) for s in split[:i]) for i in range(len(split))]
    baseline = None
    if line_margin is not None:
        summarizer_module.LINE_STANDALONE_MARGIN = line_margin  # type: ignore[misc]
    for margin in margins:
        summarizer_module.STANDALONE_MARGIN = margin  # type: ignore[misc]
        chosen = ratings.best().tolist()
        baseline = chosen if baseline is None else baseline
        back = sum(
            bool(ratings.leans_back[start + i])
            for start, i, s in zip(starts, chosen, split, strict=True)
            if s
        )
        lines = sum(
            bool(ratings.line_leans_back[start + i])
            for start, i, s in zip(starts, chosen, split, strict=True)
            if s
        )
        changed = sum(a != b for a, b in zip(chosen, baseline, strict=True))
        r1, _, _, sentence_r1, _ = run_method(DEFAULT_METHOD, rows, scorer)
        print(
            f"margin {margin:<6g} R1 {r1:5.2f}  sent R1 {sentence_r1:5.2f}  "
            f"leaning back {back:4d} (lines {lines:3d})  changed {changed:4d}",
            flush=True,
        )


def print_ceilings(
    rows: list[tuple[Paper, list[str]]], ours: list[str], scorer: rouge_scorer.RougeScorer
) -> None:
    """Ours (`ours`: our line of each paper), the oracle line, and each target's score of the
    line the others choose (see --ceilings)."""
    split = split_abstracts([paper.abstract for paper, _ in rows], limit=MAX_SENTENCES)
    oracle, ours_held, others_held, best_held = [], [], [], []
    for (_, targets), sentences, line in zip(rows, split, ours, strict=True):
        lines = [trim_sentence(s)[0] for s in sentences] or [line]
        r1 = [[scorer.score(t, x)["rouge1"].fmeasure for x in lines] for t in targets]
        oracle.append(max(max(per_target) for per_target in r1))
        if len(targets) < 2:
            continue
        for held, target in enumerate(targets):
            others = [
                statistics.fmean(col) for col in zip(*r1[:held], *r1[held + 1 :], strict=True)
            ]
            ours_held.append(scorer.score(target, line)["rouge1"].fmeasure)
            others_held.append(r1[held][others.index(max(others))])
            best_held.append(max(r1[held]))
    print(f"{'oracle line, best target':<46} R1 {100 * statistics.fmean(oracle):5.1f}")
    print(f"each target of the papers with two or more ({len(ours_held)} targets), R1 of the line")
    for name, values in (
        ("  ours", ours_held),
        ("  closest to the paper's other targets", others_held),
        ("  closest to this target (its oracle)", best_held),
    ):
        print(f"{name:<46} R1 {100 * statistics.fmean(values):5.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N papers")
    parser.add_argument("--method", choices=sorted(METHODS), action="append", help="repeatable")
    parser.add_argument("--half", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--data", type=Path, default=DEV)
    titles = parser.add_mutually_exclusive_group()
    titles.add_argument("--untitled", action="store_true", help="hide the titles")
    titles.add_argument("--titled", action="store_true", help="only with titles")
    parser.add_argument("--margins", type=float, nargs="+", help="compare preference margins")
    parser.add_argument("--line-margin", type=float, default=None, help="with --margins")
    parser.add_argument("--ceilings", action="store_true", help="what one line can reach")
    args = parser.parse_args()

    methods = args.method or [m for m in ORDER if m in METHODS]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    regimes = [True] if args.titled else [False] if args.untitled else [True, False]
    header = (
        f"{'method':<14} {'titles':<7} {'R1':>6} {'R2':>6} {'RL':>6} {'sent R1':>8} {'papers/s':>9}"
    )
    for titled in regimes:
        rows = load_dev(args.data, titled=titled)
        if args.half != "all":
            rows = rows[(args.half == "odd") :: 2]
        rows = rows[: args.limit]
        # One untimed pass fills the word-stem caches, so that each method is timed warm, the
        # way it runs on a second week's papers (a cold first pass costs about twice as much).
        warm = summarize_papers([paper for paper, _ in rows])
        if args.ceilings or args.margins:
            print(f"SciTLDR dev: {len(rows)} papers, {'with' if titled else 'without'} titles")
            if args.ceilings:
                print_ceilings(rows, [s.text for s in warm], scorer)
            else:
                compare_margins(args.margins, args.line_margin, rows, scorer)
            continue
        if titled == regimes[0]:
            print(f"SciTLDR dev: {len(rows)} papers ({args.half}); speed with warm caches")
            print(header)
        for method in methods:
            r1, r2, rl, sentence_r1, speed = run_method(method, rows, scorer)
            print(
                f"{method:<14} {'with' if titled else 'without':<7} {r1:6.1f} {r2:6.1f} "
                f"{rl:6.1f} {sentence_r1:8.1f} {speed:9.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
