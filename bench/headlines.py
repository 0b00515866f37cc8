"""Score derived headlines against real titles on SciTLDR, with the titles hidden.

    .venv/bin/python bench/headlines.py                     # dev, all 618 papers
    .venv/bin/python bench/headlines.py --data /work/shared/bench/scitldr/train.jsonl
    .venv/bin/python bench/headlines.py --half odd --show 20

Each paper is given as a bare abstract (no title), the way the seeds come; its headline is
what `digest summarize` prints (the summarizer picks the sentence the headline is looked for
in first). The headline is scored with rouge-score (ROUGE-1 F1, use_stemmer=True) against the
paper's real title; the table shows the mean x100, the mean length in words and the share of
headlines of 4 to 10 words, by the kind of headline (a name the abstract gives its
contribution, with or without a description, or a phrase of the abstract). Prints figures
only; --show N prints N headlines beside their titles.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from rouge_score import rouge_scorer  # type: ignore[import-untyped]

from digest.models import Paper
from digest.summarizing import summarize_papers

DEV = Path("/work/shared/bench/scitldr/dev.jsonl")


def load_titles(path: Path) -> list[tuple[Paper, str]]:
    """(untitled paper, real title) per line."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                paper = Paper(id=row["paper_id"], abstract=" ".join(row["source"]))
                rows.append((paper, " ".join(row["title"].split())))
    return rows


def kind_of(headline: str) -> str:
    if ":" in headline:
        return "name: description"
    first = headline.split()[0] if headline.split() else ""
    named = len(headline.split()) <= 3 and any(c.isupper() for c in first[1:])
    return "name" if named else "phrase"


def fit(path: Path) -> None:
    """Fit the title odds of words (digest.headlines._TITLE_WEIGHTS) on `path` by logistic
    regression: one row per distinct word of the sentences a headline is drawn from, true
    when the hidden title uses its stem. Prints the weights to paste."""
    import numpy as np

    from digest import headlines
    from digest.sentences import split_abstracts
    from digest.summarizing import MAX_SENTENCES, select_sentences

    rows = load_titles(path)
    split = split_abstracts([p.abstract for p, _ in rows], limit=MAX_SENTENCES)
    foci = select_sentences(split, [None] * len(rows), "contribution")
    features: list[list[float]] = []
    labels: list[float] = []
    for (_, title), sentences, focus in zip(rows, split, foci, strict=True):
        if not sentences:
            continue
        sentences = sentences[: headlines.AIM_SENTENCES]
        aim = headlines._aim_phrase(sentences, focus) or ()
        context = headlines.title_context(sentences, focus, aim)
        in_title = set(headlines._STEMMER.stemWords(headlines._WORD.findall(title.lower())))
        words = {w for p in headlines.phrase_candidates(sentences, focus) for w in p}
        for word in sorted(words):
            pieces = [x for x in word.lower().split("-") if x]
            features.append(headlines.title_features(word, context))
            labels.append(float(all(headlines._stem(x) in in_title for x in pieces)))
    x, y = np.array(features), np.array(labels)
    w = np.zeros(x.shape[1])
    for _ in range(30):  # Newton's method, lightly regularised
        p = 1 / (1 + np.exp(-x @ w))
        hessian = (x * (p * (1 - p))[:, None]).T @ x + 1e-2 * np.eye(len(w))
        w -= np.linalg.solve(hessian, x.T @ (p - y) + 1e-2 * w)
    print(f"{len(y)} words, {y.mean():.1%} in titles; weights:")
    print(", ".join(f"{v:.3f}" for v in w))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--half", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--show", type=int, default=0, help="print N headlines and titles")
    parser.add_argument("--fit", action="store_true", help="fit the title odds of words")
    args = parser.parse_args()
    if args.fit:
        fit(args.data)
        return

    rows = load_titles(args.data)
    if args.half != "all":
        rows = rows[(args.half == "odd") :: 2]
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    papers = [paper for paper, _ in rows]
    summarize_papers(papers)  # warm caches: timed as a second week's papers would run
    start = time.perf_counter()
    summaries = summarize_papers(papers)
    elapsed = time.perf_counter() - start

    by_kind: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for summary, (_, title) in zip(summaries, rows, strict=True):
        r1 = scorer.score(title, summary.headline)["rouge1"].fmeasure
        by_kind[kind_of(summary.headline)].append((r1, len(summary.headline.split())))
    every = [x for scores in by_kind.values() for x in scores]
    titles = [len(title.split()) for _, title in rows]

    print(f"{args.data.name}: {len(rows)} papers ({args.half}), titles hidden")
    print(f"{'headlines':<20} {'papers':>6} {'R1':>6} {'words':>6} {'4-10 words':>10}")
    for kind, scores in [("all", every), *sorted(by_kind.items())]:
        r1 = 100 * statistics.fmean(s for s, _ in scores)
        words = statistics.fmean(n for _, n in scores)
        shaped = sum(1 for _, n in scores if 4 <= n <= 10) / len(scores)
        print(f"{kind:<20} {len(scores):>6} {r1:6.1f} {words:6.1f} {shaped:10.0%}")
    print(f"real titles: {statistics.fmean(titles):.1f} words on average")
    print(f"summarize (sentence + headline): {len(rows) / elapsed:,.0f} papers/s, warm")
    for summary, (_, title) in list(zip(summaries, rows, strict=True))[: args.show]:
        print(f"\n  title:    {title}\n  headline: {summary.headline}")


if __name__ == "__main__":
    main()
