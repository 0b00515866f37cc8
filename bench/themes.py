"""Score theme grouping on real arXiv weeks, with the protocol of /work/shared/bench/README.md.

    .venv/bin/python bench/themes.py
    .venv/bin/python bench/themes.py --labels astro-ph-2025-W03   # whose labels to print

For every week in /work/shared/bench/themes/: our grouping with the number of themes chosen
by digest (what users get), our grouping told the true number of groups, and the README's
TF-IDF + k-means baseline told the true number. AMI and V-measure against label_fine for the
astro-ph weeks and label_coarse for the all-arXiv week; seconds per 1,000 papers for grouping
and labelling together, as wall-clock time and as CPU time of this process (the second does
not grow when other programs share the machine). Then the themes and labels produced for one
astro-ph week, and timings at 1k, 3k and 8.5k papers of /work/shared/bench/corpus/
(--sizes: any sizes; past 8,507 the abstracts are recombined as bench/scale.py does).
Prints figures only.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_mutual_info_score, v_measure_score

from digest.grouping import group_by_theme
from digest.models import Paper, Theme

WEEKS = Path("/work/shared/bench/themes")
CORPUS = Path("/work/shared/bench/corpus/abstracts.jsonl")
SCALES = (1000, 3000, 8507)


def load_week(path: Path) -> tuple[list[Paper], dict[str, str]]:
    """Papers as a user would give them (id, title, abstract) and each paper's true group."""
    column = "label_coarse" if path.name.startswith("arxiv-all") else "label_fine"
    papers: list[Paper] = []
    truth: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            papers.append(Paper(id=row["id"], abstract=row["abstract"], title=row["title"]))
            truth[row["id"]] = row[column]
    return papers, truth


def assignment(themes: Sequence[Theme]) -> dict[str, int]:
    return {pid: i for i, theme in enumerate(themes) for pid in theme.paper_ids}


def baseline_tfidf_kmeans(papers: Sequence[Paper], k: int) -> dict[str, int]:
    """The README's first baseline: TF-IDF of title + abstract, k-means told the true k."""
    texts = [f"{p.title or ''} {p.abstract}" for p in papers]
    matrix = TfidfVectorizer(stop_words="english").fit_transform(texts)
    labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(matrix)
    return {p.id: int(c) for p, c in zip(papers, labels, strict=True)}


def score(truth: dict[str, str], predicted: dict[str, int]) -> tuple[float, float]:
    ids = sorted(truth)
    true = [truth[i] for i in ids]
    pred = [predicted[i] for i in ids]
    return adjusted_mutual_info_score(true, pred), v_measure_score(true, pred)


def timed_grouping(
    papers: Sequence[Paper], k: int | None
) -> tuple[tuple[Theme, ...], float, float]:
    """Themes, wall-clock seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    themes = group_by_theme(papers, n_themes=k)
    return themes, time.perf_counter() - wall, time.process_time() - cpu


def load_corpus(path: Path) -> list[Paper]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [Paper(id=r["id"], abstract=r["abstract"], title=r.get("title")) for r in rows]


def recombined(size: int) -> list[Paper]:
    """`size` distinct abstracts made as bench/scale.py makes them (seeded recombination)."""
    from scale import make_rows, read_rows  # bench/scale.py, beside this script

    rows = make_rows(read_rows(CORPUS), size)
    return [Paper(id=r["id"], abstract=r["abstract"], title=r["title"]) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default="astro-ph-2025-W02", help="week whose labels to show")
    parser.add_argument("--no-scale", action="store_true", help="skip the 1k-8.5k timings")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SCALES)),
        help="batch sizes to time, e.g. 1000,10000,100000 (past 8,507: recombined abstracts)",
    )
    args = parser.parse_args()

    first_week, _ = load_week(sorted(WEEKS.glob("*.csv"))[0])
    group_by_theme(first_week[:50])  # imports and caches warm up outside the timings
    header = (
        f"{'week':<22} {'papers':>6} {'true':>4} | {'digest: k':>9} {'AMI':>5} {'V':>5}"
        f" {'wall/1k':>7} {'cpu/1k':>6} | {'told k: AMI':>11} {'V':>5} |"
        f" {'TF-IDF+km: AMI':>14} {'V':>5}"
    )
    print(header)
    print("-" * len(header))
    astro: list[float] = []
    astro_told: list[float] = []
    shown: tuple[Theme, ...] = ()
    for path in sorted(WEEKS.glob("*.csv")):
        papers, truth = load_week(path)
        true_k = len(set(truth.values()))
        themes, wall, cpu = timed_grouping(papers, None)
        ami, v = score(truth, assignment(themes))
        told, _, _ = timed_grouping(papers, true_k)
        told_ami, told_v = score(truth, assignment(told))
        base_ami, base_v = score(truth, baseline_tfidf_kmeans(papers, true_k))
        per_1k = 1000 / len(papers)
        print(
            f"{path.stem:<22} {len(papers):>6} {true_k:>4} | {len(themes):>9} {ami:>5.3f}"
            f" {v:>5.3f} {wall * per_1k:>7.2f} {cpu * per_1k:>6.2f} |"
            f" {told_ami:>11.3f} {told_v:>5.3f} | {base_ami:>14.3f} {base_v:>5.3f}"
        )
        if path.stem.startswith("astro-ph"):
            astro.append(ami)
            astro_told.append(told_ami)
        if path.stem == args.labels:
            shown = themes
            shown_truth = truth
    print(
        f"\nastro-ph mean AMI: digest's k {statistics.fmean(astro):.3f},"
        f" told k {statistics.fmean(astro_told):.3f}"
    )
    if shown:
        print(f"\nThemes for {args.labels} (most common true sub-field in brackets):")
        for theme in shown:
            top, n = Counter(shown_truth[p] for p in theme.paper_ids).most_common(1)[0]
            print(
                f"  {len(theme.paper_ids):>4}  {theme.label}  — {', '.join(theme.keywords)}"
                f"  [{top}: {n}]"
            )
    if not args.no_scale and CORPUS.exists():
        corpus = load_corpus(CORPUS)
        print(
            f"\nScale ({CORPUS.name}): papers, themes, largest theme (share), wall s, CPU s,"
            " per 1k; then the share of each theme in %"
        )
        for size in (int(s) for s in args.sizes.split(",")):
            batch = corpus[:size] if size <= len(corpus) else recombined(size)
            themes, wall, cpu = timed_grouping(batch, None)
            sizes = [len(t.paper_ids) for t in themes]
            print(
                f"  {size:>6} {len(themes):>3} {max(sizes):>6} ({max(sizes) / size:4.0%})"
                f" {wall:>7.2f} {cpu:>7.2f}  {wall * 1000 / size:.2f} / {cpu * 1000 / size:.2f}"
            )
            print("         " + " ".join(f"{100 * s / size:.0f}" for s in sizes))


if __name__ == "__main__":
    main()
