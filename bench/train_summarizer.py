"""Learn the summarizer's weights from SciTLDR's training split and write them into the package.

    .venv/bin/python bench/train_summarizer.py           # train, print, write the weights
    .venv/bin/python bench/train_summarizer.py --check   # train, print, compare; write nothing

Each paper of ../shared/bench/scitldr/train.jsonl is read as a user would give it: its title
and its abstract (`source` joined with spaces), split into sentences as digest splits them.
Every sentence gets digest's own features (`digest.summarizing.features`, the same code the
summarizer runs) twice, with the title and without it, and one label: its ROUGE-1 F1 against
the paper's TLDR (rouge-score, stemmed, as bench/summaries.py scores) of the line a reader
would see if it were chosen (`trim_sentence`).

The model ranks: a weighted sum of the standardized features rates each sentence, and a
softmax over each abstract's ratings gives each sentence a chance of being chosen. The
weights maximise the expected label of the chosen sentence, averaged over abstracts, less an
L2 penalty (`--alphas`): a listwise objective, which cares only about which sentence of an
abstract comes first, where a regression on the labels spends itself on the order of the
sentences nobody picks. One model is fitted on the titled features and one on the untitled;
their coefficients, in the features' own units, are the weights
(`digest/summarizing/weights.json`). For comparison the script prints what a ridge
regression on the labels (centered per abstract) reaches on the same features.

The same data in gives the same weights out: the split, the features, the labels and the
optimiser (L-BFGS from zero weights) are deterministic, and the file is written with rounded
weights in a fixed order. Dev is for choosing (the penalty was chosen there and by 5-fold
cross-validation on train, and the script prints dev's ROUGE-1 of the sentence each model
rates best); it is never trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from rouge_score import rouge_scorer  # type: ignore[import-untyped]
from scipy.optimize import minimize

from digest.sentences import split_abstracts
from digest.summarizing import features as feature_module
from digest.summarizing.features import FEATURES, TITLE_FEATURES, sentence_features
from digest.summarizing.stage import MAX_SENTENCES
from digest.summarizing.trimming import trim_sentence

ROOT = Path(__file__).resolve().parent.parent
SCITLDR = ROOT.parent / "shared" / "bench" / "scitldr"
WEIGHTS = ROOT / "digest" / "summarizing" / "weights.json"
# The L2 penalty on the standardized weights, chosen on dev and by cross-validation on train
# among 0.0003, 0.001, 0.003, 0.01 (see --alphas).
ALPHA = 0.001
# The ridge regression printed for comparison, and its penalty.
RIDGE_ALPHA = 10.0
# Whether the labels score the line a reader sees (True) or the whole sentence.
LINES = True
DECIMALS = 6


def read_split(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_rows(rows: list[dict[str, Any]]) -> list[list[str]]:
    return split_abstracts([" ".join(r["source"]) for r in rows], limit=MAX_SENTENCES)


def label_sentences(
    rows: list[dict[str, Any]], sentence_lists: list[list[str]], *, lines: bool = LINES
) -> np.ndarray[Any, Any]:
    """Each sentence's ROUGE-1 F1 against the best of its paper's targets; with `lines`, that
    of the line a reader would see if it were chosen (`trim_sentence`)."""
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    return np.array(
        [
            max(
                scorer.score(t, trim_sentence(s)[0] if lines else s)["rouge1"].fmeasure
                for t in row["target"]
            )
            for row, sentences in zip(rows, sentence_lists, strict=True)
            for s in sentences
        ]
    )


def feature_matrix(
    rows: list[dict[str, Any]], sentence_lists: list[list[str]], *, titled: bool
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The features of every sentence, and the abstract of each."""
    titles = [r["title"] if titled else None for r in rows]
    found = sentence_features(sentence_lists, titles)
    return found.values, np.repeat(np.arange(len(rows)), found.sizes)


def centered(labels: np.ndarray[Any, Any], docs: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Each label minus the mean label of its abstract."""
    sums = np.bincount(docs, weights=labels)
    counts = np.bincount(docs)
    means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    out: np.ndarray[Any, Any] = labels - means[docs]
    return out


def fit(
    values: np.ndarray[Any, Any],
    labels: np.ndarray[Any, Any],
    docs: np.ndarray[Any, Any],
    alpha: float,
    *,
    titled: bool,
    ridge: bool = False,
) -> np.ndarray[Any, Any]:
    """Weights in the features' own units (title features are 0 without a title): those of
    the listwise objective, or with `ridge` those of a ridge regression on the labels centered
    per abstract (for comparison)."""
    used, z, scale = _standardized(values, titled=titled)
    solve = _fit_ridge if ridge else _fit_listwise
    weights = np.zeros(len(FEATURES))
    weights[used] = solve(z, labels, docs, alpha) / scale
    return weights


def _fit_listwise(
    z: np.ndarray[Any, Any], labels: np.ndarray[Any, Any], docs: np.ndarray[Any, Any], alpha: float
) -> np.ndarray[Any, Any]:
    """The weights that maximise the mean expected label of the sentence a softmax over each
    abstract's ratings picks, less `alpha` times their squares."""
    n_docs = int(docs.max()) + 1 if len(docs) else 0

    def objective(w: np.ndarray[Any, Any]) -> tuple[float, np.ndarray[Any, Any]]:
        chance = _softmax_per_doc(z @ w, docs, n_docs)
        expected = np.bincount(docs, weights=chance * labels, minlength=n_docs)
        loss = -float(expected.sum()) / n_docs + alpha * float(w @ w)
        slope = -(chance * (labels - expected[docs])) / n_docs
        return loss, z.T @ slope + 2 * alpha * w

    found = minimize(
        objective,
        np.zeros(z.shape[1]),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": 5000, "gtol": 1e-9, "ftol": 1e-15},
    )
    solved: np.ndarray[Any, Any] = found.x
    return solved


def _fit_ridge(
    z: np.ndarray[Any, Any], labels: np.ndarray[Any, Any], docs: np.ndarray[Any, Any], alpha: float
) -> np.ndarray[Any, Any]:
    target = centered(labels, docs)
    solved: np.ndarray[Any, Any] = np.linalg.solve(
        z.T @ z + alpha * np.eye(z.shape[1]), z.T @ (target - target.mean())
    )
    return solved


def _standardized(
    values: np.ndarray[Any, Any], *, titled: bool
) -> tuple[list[int], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The columns used (no title features without a title), standardized, and their scale."""
    used = [i for i, name in enumerate(FEATURES) if titled or name not in TITLE_FEATURES]
    x = values[:, used]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    return used, (x - mean) / scale, scale


def _softmax_per_doc(
    ratings: np.ndarray[Any, Any], docs: np.ndarray[Any, Any], n_docs: int
) -> np.ndarray[Any, Any]:
    top = np.full(n_docs, -np.inf)
    np.maximum.at(top, docs, ratings)
    raised = np.exp(ratings - top[docs])
    out: np.ndarray[Any, Any] = raised / np.bincount(docs, weights=raised, minlength=n_docs)[docs]
    return out


def chosen_scores(
    values: np.ndarray[Any, Any],
    labels: np.ndarray[Any, Any],
    docs: np.ndarray[Any, Any],
    weights: np.ndarray[Any, Any],
) -> float:
    """Mean label (x100) of the sentence each abstract rates best, ties to the earlier one."""
    ratings = np.round(values @ weights, 9)
    order = np.lexsort((np.arange(len(ratings)), -ratings, docs))
    firsts = order[np.flatnonzero(np.diff(docs[order], prepend=-1))]
    return 100 * float(labels[firsts].mean())


def weights_json(titled: np.ndarray[Any, Any], untitled: np.ndarray[Any, Any], meta: Any) -> str:
    data = {
        "about": (
            "Weights of digest's sentence rating, one per feature, for abstracts with and "
            "without a title. Written by bench/train_summarizer.py; do not edit by hand."
        ),
        "trained_on": meta,
        "features": list(FEATURES),
        "titled": {
            n: round(float(w), DECIMALS) + 0.0 for n, w in zip(FEATURES, titled, strict=True)
        },
        "untitled": {
            n: round(float(w), DECIMALS) + 0.0 for n, w in zip(FEATURES, untitled, strict=True)
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--alphas", type=float, nargs="*", default=[ALPHA])
    parser.add_argument("--data", type=Path, default=SCITLDR)
    parser.add_argument(
        "--folds", type=int, default=0, help="also print N-fold cross-validation on train"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    train_path = args.data / "train.jsonl"
    train, dev = read_split(train_path), read_split(args.data / "dev.jsonl")
    train_split, dev_split = split_rows(train), split_rows(dev)
    train_labels = label_sentences(train, train_split)
    dev_labels = label_sentences(dev, dev_split)
    n_sentences = len(train_labels)
    print(
        f"train: {len(train)} papers, {n_sentences} sentences "
        f"(mean best ROUGE-1 {100 * statistics.fmean(_best(train_labels, train_split)):.1f}); "
        f"dev: {len(dev)} papers (best {100 * statistics.fmean(_best(dev_labels, dev_split)):.1f})"
    )
    chosen: dict[bool, np.ndarray[Any, Any]] = {}
    for titled in (True, False):
        x_train, d_train = feature_matrix(train, train_split, titled=titled)
        x_dev, d_dev = feature_matrix(dev, dev_split, titled=titled)
        which = "with titles   " if titled else "without titles"
        models = [("listwise", alpha) for alpha in args.alphas]
        for name, alpha in [*models, ("ridge", RIDGE_ALPHA)]:
            ridge = name == "ridge"
            weights = fit(x_train, train_labels, d_train, alpha, titled=titled, ridge=ridge)
            fit_score = chosen_scores(x_train, train_labels, d_train, weights)
            dev_score = chosen_scores(x_dev, dev_labels, d_dev, weights)
            folds = ""
            if args.folds:
                held_out = cross_validate(
                    x_train,
                    train_labels,
                    d_train,
                    args.folds,
                    alpha=alpha,
                    titled=titled,
                    ridge=ridge,
                )
                folds = f", {args.folds}-fold train {held_out:.2f}"
            print(
                f"{which} {name:<8} alpha {alpha:<6g}: ROUGE-1 of the best-rated line "
                f"train {fit_score:.2f}, dev {dev_score:.2f}{folds}"
            )
            if (name, alpha) == ("listwise", args.alphas[0]):
                chosen[titled] = weights
    print(f"\n{'feature':<20} {'with title':>11} {'without':>11}")
    for i, name in enumerate(FEATURES):
        print(f"{name:<20} {chosen[True][i]:>11.4f} {chosen[False][i]:>11.4f}")

    meta = {
        "file": train_path.name,
        "sha256": hashlib.sha256(train_path.read_bytes()).hexdigest(),
        "papers": len(train),
        "sentences": n_sentences,
        "model": f"listwise: expected ROUGE-1 F1 of the line a softmax over each abstract "
        f"picks, L2 alpha {args.alphas[0]:g} on standardized features",
    }
    text = weights_json(chosen[True], chosen[False], meta)
    shipped = WEIGHTS.read_text(encoding="utf-8") if WEIGHTS.exists() else ""
    print(
        f"\n{time.perf_counter() - started:.1f} s; vocabulary {len(feature_module.VOCABULARY.ids)}"
    )
    if args.check:
        same = text == shipped
        print(f"{WEIGHTS.relative_to(ROOT)}: {'identical' if same else 'DIFFERENT'}")
        return 0 if same else 1
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)} ({'unchanged' if text == shipped else 'changed'})")
    return 0


def cross_validate(
    values: np.ndarray[Any, Any],
    labels: np.ndarray[Any, Any],
    docs: np.ndarray[Any, Any],
    folds: int,
    **options: Any,
) -> float:
    """Mean over `folds` folds of train (abstract i in fold i % folds) of the held-out fold's
    ROUGE-1 of the best-rated line, each fold rated by a model fitted on the others (`fit`
    with `options`)."""
    scores = []
    for fold in range(folds):
        held = docs % folds == fold
        _, fit_docs = np.unique(docs[~held], return_inverse=True)
        _, held_docs = np.unique(docs[held], return_inverse=True)
        weights = fit(values[~held], labels[~held], fit_docs, **options)
        scores.append(chosen_scores(values[held], labels[held], held_docs, weights))
    return statistics.fmean(scores)


def _best(labels: np.ndarray[Any, Any], sentence_lists: list[list[str]]) -> list[float]:
    out, at = [], 0
    for sentences in sentence_lists:
        if sentences:
            out.append(float(labels[at : at + len(sentences)].max()))
        else:
            out.append(0.0)
        at += len(sentences)
    return out


if __name__ == "__main__":
    sys.exit(main())
