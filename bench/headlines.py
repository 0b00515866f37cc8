"""Score derived headlines against real titles on SciTLDR, with the titles hidden.

    .venv/bin/python bench/headlines.py                     # dev, all 619 papers, and its halves
    .venv/bin/python bench/headlines.py --data /work/shared/bench/scitldr/train.jsonl
    .venv/bin/python bench/headlines.py --show 20           # 20 headlines beside their titles
    .venv/bin/python bench/headlines.py --fit               # refit on train (see below)
    .venv/bin/python bench/headlines.py --fit --check       # refit, compare, write nothing

Each paper is given as a bare abstract (no title), the way the seeds come; its headline is
what `digest summarize` prints (the summarizer picks the sentence the headline is looked for
in first). The headline is scored with rouge-score (ROUGE-1 F1, use_stemmer=True) against the
paper's real title; the table shows the mean x100, the mean length in words and the share of
headlines of 4 to 10 words, by the kind of headline (a name the abstract gives its
contribution, with or without a description, or a phrase of the abstract), then the two halves
of the split (even and odd lines). Then the CPU time of a derived headline per paper, warm
(given the split sentences and the focus sentence; the second of two passes): in a batch, as
the summarize stage derives them (digest.headlines.derive_headlines), and one at a time by
the plain definition (derive_headline).

The rates shipped in digest/headlines/headline_words.tsv are counted on SciTLDR train, so the
train figure of the table is in-sample; --fit prints the honest one: it refits (below) on each
half of train and scores the other half with that half's model.

--fit (on --data, train by default) counts, for each word stem of the candidate phrases of
each abstract, how many abstracts use it and how many of their titles do, into
digest/headlines/headline_words.tsv, then fits the weights of digest.headlines' title odds by
logistic regression (one row per distinct piece of a word of the candidate phrases; true when
the title uses its stem; the paper's own counts left out of its rate) and prints them to paste
into _TITLE_WEIGHTS (digest/headlines/odds.py). --fit --check does the same but writes
nothing: it says whether the shipped rates and weights are what the same data gives. Prints
figures only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import numpy as np
from rouge_score import rouge_scorer  # type: ignore[import-untyped]

import digest.headlines.odds
import digest.headlines.phrases
import digest.headlines.words
from digest import headlines
from digest.headlines import TitleRates
from digest.models import Paper
from digest.sentences import split_abstracts
from digest.summarizing import summarize_papers
from digest.summarizing.stage import MAX_SENTENCES, select_sentences

SCITLDR = Path("/work/shared/bench/scitldr")
DEV = SCITLDR / "dev.jsonl"
TRAIN = SCITLDR / "train.jsonl"
RATES = Path(__file__).resolve().parent.parent / "digest" / "headlines" / headlines.TITLE_WORDS_FILE
# A stem enters the rates when the candidate phrases of this many abstracts use it.
MIN_PAPERS = 2


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


# --- fitting --------------------------------------------------------------------------------

# One abstract as the fit sees it: its sentences, focus, and for each (piece, joined) of the
# words of its candidate phrases whether the title uses the piece's stem.
Example = tuple[list[str], int, dict[tuple[str, bool], bool]]


def examples(rows: Sequence[tuple[Paper, str]]) -> list[Example]:
    split = split_abstracts([p.abstract for p, _ in rows], limit=MAX_SENTENCES)
    foci = select_sentences(split, [None] * len(rows), "contribution")
    out: list[Example] = []
    for (_, title), sentences, focus in zip(rows, split, foci, strict=True):
        sentences = sentences[: headlines.AIM_SENTENCES]
        if not sentences:
            continue
        focus = focus if focus < len(sentences) else 0
        in_title = {headlines.stem_of(p.lower()) for p in headlines.title_pieces(title)}
        labels: dict[tuple[str, bool], bool] = {}
        for phrase in headlines.phrase_candidates(sentences, focus):
            for word in phrase:
                pieces = headlines.title_pieces(word)
                for piece in pieces:
                    labels[piece, len(pieces) > 1] = headlines.stem_of(piece.lower()) in in_title
        out.append((sentences, focus, labels))
    return out


def _own(labels: dict[tuple[str, bool], bool]) -> dict[str, bool]:
    """Each stem of an abstract's candidate words, and whether its title uses it."""
    own: dict[str, bool] = {}
    for (piece, _), used in labels.items():
        stem = headlines.stem_of(piece.lower())
        own[stem] = own.get(stem, False) or used
    return own


def count_rates(fitted: Sequence[Example]) -> TitleRates:
    papers: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    for _, _, labels in fitted:
        for stem, used in _own(labels).items():
            papers[stem] += 1
            titles[stem] += used
    kept = {stem for stem, n in papers.items() if n >= MIN_PAPERS}
    mean = sum(titles.values()) / max(1, sum(papers.values()))
    return TitleRates({s: papers[s] for s in kept}, {s: titles[s] for s in kept}, mean)


def fit_weights(fitted: Sequence[Example], rates: TitleRates) -> tuple[float, ...]:
    """Logistic regression by Newton's method, lightly regularised; each paper's own use of
    a stem is left out of its rate, as it will be for a paper never seen."""
    features: list[list[float]] = []
    labels: list[float] = []
    for sentences, focus, seen in fitted:
        context = headlines.title_context(
            sentences, focus, digest.headlines.phrases._aim_words(sentences, focus)
        )
        own = _own(seen)
        for (piece, joined), used in seen.items():
            stem = headlines.stem_of(piece.lower())
            left_out = (1, int(own[stem])) if stem in rates.papers else (0, 0)
            features.append(headlines.title_features(piece, context, rates, joined, left_out))
            labels.append(float(used))
    x, y = np.array(features), np.array(labels)
    w = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-x @ w))
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.eye(len(w))
        w -= np.linalg.solve(hessian, x.T @ (p - y) + w)
    return tuple(round(float(v), 3) for v in w)


def rates_text(rates: TitleRates) -> str:
    lines = [
        "# digest.headlines' title rates, made by bench/headlines.py --fit from SciTLDR train:",
        "# a word's stem, the abstracts whose candidate phrases use it, and how many of their",
        "# titles do.",
        *(f"{s}\t{rates.papers[s]}\t{rates.titles[s]}" for s in sorted(rates.papers)),
    ]
    return "\n".join(lines) + "\n"


def fit(path: Path, check: bool = False) -> None:
    rows = load_titles(path)
    fitted = examples(rows)
    rates = count_rates(fitted)
    weights = fit_weights(fitted, rates)
    if check:
        shipped = RATES.read_text(encoding="utf-8").splitlines()
        made = rates_text(rates).splitlines()
        differ = len(set(shipped) ^ set(made))
        print(f"{RATES.name}: " + ("identical" if not differ else f"{differ} lines differ"))
        gaps = [
            abs(a - b) for a, b in zip(weights, digest.headlines.odds._TITLE_WEIGHTS, strict=True)
        ]
        print(
            "_TITLE_WEIGHTS: "
            + ("identical" if not any(gaps) else f"differ by up to {max(gaps):.3f}")
        )
        return
    RATES.write_text(rates_text(rates), encoding="utf-8")
    print(f"{len(fitted)} abstracts, {len(rates.papers)} stems written to {RATES.name}")
    print("_TITLE_WEIGHTS:", ", ".join(f"{v:.3f}" for v in weights))
    # The honest train figure: each half scored by the model of the other.
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    halves = [list(range(0, len(rows), 2)), list(range(1, len(rows), 2))]
    scores = []
    for fitted_on, scored in (halves, halves[::-1]):
        part = examples([rows[i] for i in fitted_on])
        part_rates = count_rates(part)
        with (
            mock.patch.object(
                digest.headlines.odds, "_TITLE_WEIGHTS", fit_weights(part, part_rates)
            ),
            mock.patch.object(digest.headlines.odds, "load_title_rates", lambda r=part_rates: r),
        ):
            papers = [rows[i][0] for i in scored]
            for summary, i in zip(summarize_papers(papers), scored, strict=True):
                scores.append(scorer.score(rows[i][1], summary.headline)["rouge1"].fmeasure)
    r1 = 100 * statistics.fmean(scores)
    print(f"{path.name}, each half scored by a model fitted on the other: R1 {r1:.1f}")


# --- scoring --------------------------------------------------------------------------------


def headline_cost(papers: Sequence[Paper]) -> tuple[float, float]:
    """CPU microseconds of a derived headline per paper, warm (the second of two passes):
    in a batch, as the summarize stage derives them, and one at a time."""
    split = split_abstracts([p.abstract for p in papers], limit=MAX_SENTENCES)
    foci = select_sentences(split, [None] * len(papers), "contribution")
    batch = single = 0.0
    for _ in range(2):
        start = time.process_time()
        headlines.derive_headlines(papers, split, foci)
        batch = time.process_time() - start
        digest.headlines.words.classified_sentence.cache_clear()
        start = time.process_time()
        for paper, sentences, focus in zip(papers, split, foci, strict=True):
            headlines.derive_headline(paper, sentences=sentences, focus=focus)
        single = time.process_time() - start
    return 1e6 * batch / max(1, len(papers)), 1e6 * single / max(1, len(papers))


def print_table(rows: Sequence[tuple[Paper, str]], headline_of: dict[str, str], label: str) -> None:
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    by_kind: dict[str, list[tuple[float, int]]] = defaultdict(list)
    halves: list[list[float]] = [[], []]
    for i, (paper, title) in enumerate(rows):
        headline = headline_of[paper.id]
        r1 = scorer.score(title, headline)["rouge1"].fmeasure
        by_kind[kind_of(headline)].append((r1, len(headline.split())))
        halves[i % 2].append(r1)
    every = [x for scores in by_kind.values() for x in scores]
    print(f"{label}: {len(rows)} papers, titles hidden")
    print(f"{'headlines':<20} {'papers':>6} {'R1':>6} {'words':>6} {'4-10 words':>10}")
    for kind, scores in [("all", every), *sorted(by_kind.items())]:
        r1 = 100 * statistics.fmean(s for s, _ in scores)
        words = statistics.fmean(n for _, n in scores)
        shaped = sum(1 for _, n in scores if 4 <= n <= 10) / len(scores)
        print(f"{kind:<20} {len(scores):>6} {r1:6.1f} {words:6.1f} {shaped:10.0%}")
    for name, half in zip(("even lines", "odd lines"), halves, strict=True):
        print(f"{name:<20} {len(half):>6} {100 * statistics.fmean(half):6.1f}")
    titles = [len(title.split()) for _, title in rows]
    print(f"real titles: {statistics.fmean(titles):.1f} words on average")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print N headlines and titles")
    parser.add_argument("--fit", action="store_true", help="refit the title odds on --data")
    parser.add_argument("--check", action="store_true", help="with --fit: compare, write nothing")
    args = parser.parse_args()
    if args.fit:
        fit(args.data or TRAIN, check=args.check)
        return

    data = args.data or DEV
    rows = load_titles(data)
    papers = [paper for paper, _ in rows]
    summaries = summarize_papers(papers)
    headline_of = {s.paper_id: s.headline for s in summaries}
    print_table(rows, headline_of, data.name)
    batch, single = headline_cost(papers)
    print(f"derived headline, us CPU per paper, warm: {batch:.0f} batched, {single:.0f} singly")
    for paper, title in rows[: args.show]:
        print(f"\n  title:    {title}\n  headline: {headline_of[paper.id]}")


if __name__ == "__main__":
    main()
