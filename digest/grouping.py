"""Group papers into themes: TF-IDF -> LSA -> neighbour smoothing -> Ward + k-means.

Why this shape (measured with bench/themes.py on real arXiv weeks):
- Sublinear TF-IDF over the title (counted twice, as it is the densest statement of the topic)
  and the abstract, with LaTeX maths removed, then LSA to a few dozen dimensions: few
  dimensions keep the broad sub-field axes and drop the paper-specific vocabulary that makes
  k-means split on details.
- Each paper's vector is then averaged with its nearest neighbours' (twice). A short abstract
  says little, but its neighbours say what field it is in; this transductive smoothing lifts
  agreement with the arXiv categories by about a quarter over plain LSA + k-means.
- k-means on the unit vectors, started from a Ward tree cut (k-means++ restarts above
  MAX_WARD_PAPERS): the Ward start keeps small tight topics whole in small batches.
- The number of themes, when the user does not give one, grows with the square root of the
  number of papers and stops at a newsletter-sized maximum: scores were flat between 6 and 12
  groups on the benchmark, and criteria such as silhouette only ever chose the largest number.
  Then, in a large batch, papers sharing no word with the rest and clusters too small for a
  section of their own go to one "Other" theme, listed last.
- Labels and keywords come from digest.labelling, the other half of this stage.

Everything runs on the papers sorted by id with fixed random states, so the same papers in any
order give the same themes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from digest.errors import ConfigError
from digest.labelling import OTHER_LABEL, label_groups
from digest.models import Paper, Theme

FloatMatrix = npt.NDArray[np.float64]

RANDOM_STATE = 0
# Ward's tree needs memory and time quadratic in the papers; above this, plain k-means++.
MAX_WARD_PAPERS = 4000
# A newsletter stops being scannable beyond about eight sections.
MAX_AUTO_THEMES = 8
LSA_DIMS = 40
MAX_NEIGHBOURS = 30
# Each paper is smoothed with about a tenth of the batch, up to MAX_NEIGHBOURS.
NEIGHBOUR_DIVISOR = 10
SMOOTHING_ROUNDS = 2
# Below this many papers, words seen once still matter and no word is "too common" to use.
SMALL_BATCH = 20
# With at least this many papers, two or more tiny clusters are pooled into one "Other" theme.
OTHER_MIN_PAPERS = 50
# At most this share of a batch is set aside as sharing no word with the rest.
OUTLIER_SHARE = 0.1

_MATH = re.compile(r"\$[^$]*\$")
_TOKEN = r"(?u)\b[^\W\d_][\w-]*[^\W_]\b"


@dataclass(frozen=True)
class Clustering:
    """Papers (sorted by id) with their cluster and their vector in the smoothed space."""

    ids: tuple[str, ...]
    labels: tuple[int, ...]
    vectors: FloatMatrix


def group_by_theme(
    papers: Sequence[Paper],
    n_themes: int | None = None,
    names: Mapping[str, str] | None = None,
) -> tuple[Theme, ...]:
    """Every paper in exactly one theme; themes largest first, papers most central first.

    `n_themes` is the number the user asked for (capped at the number of distinct abstracts;
    below 1 is a ConfigError); None lets digest choose, and then outliers and tiny clusters of
    a large batch are pooled as "Other", listed last whatever its size. `names` maps a paper
    id to a short name, used as the label of a one-paper theme (else its title).
    """
    if n_themes is not None and n_themes < 1:
        raise ConfigError(f"the number of themes must be at least 1, not {n_themes}")
    ordered = sorted(papers, key=lambda p: p.id)
    if not ordered:
        return ()
    ids = [p.id for p in ordered]
    if len(set(ids)) != len(ids):
        raise ValueError("group_by_theme needs distinct paper ids")
    k = n_themes if n_themes is not None else choose_theme_count(len(ordered))
    auto = n_themes is None and len(ordered) >= OTHER_MIN_PAPERS
    # The matrices are small: starting BLAS/OpenMP threads costs more than it saves, and on a
    # busy machine it made grouping ten times slower.
    with threadpool_limits(limits=1):
        clustering = cluster_papers(ordered, k, set_aside_unmatched=auto)
    groups = _groups_by_centrality(clustering)
    other: tuple[str, ...] = ()
    if auto:
        groups, other = _pool_tiny_groups(groups, len(ordered))
        unmatched = [pid for pid, c in zip(clustering.ids, clustering.labels, strict=True) if c < 0]
        other = (*unmatched, *other)
    groups.sort(key=lambda g: (-len(g), g[0]))
    return _labelled_themes(ordered, groups, other, names or {})


def choose_theme_count(n_papers: int) -> int:
    """About sqrt(n) themes: 1 for 2 papers, 2 for 3 to 6, 4 for 15, 6 for 42, at most 8."""
    return max(1, min(MAX_AUTO_THEMES, round(math.sqrt(n_papers))))


def paper_text(paper: Paper) -> str:
    """The text a paper is grouped and labelled by: title twice, then the abstract."""
    title = paper.title or ""
    return _MATH.sub(" ", f"{title}. {title}. {paper.abstract}")


def cluster_papers(
    papers: Sequence[Paper], k: int, set_aside_unmatched: bool = False
) -> Clustering:
    """Cluster papers (already sorted by id) into at most k groups.

    With `set_aside_unmatched`, papers that share no indexed word with any other paper get
    cluster -1 instead of being forced into a group they have nothing in common with.
    """
    ids = tuple(p.id for p in papers)
    vectors = embed_texts([paper_text(p) for p in papers])
    matched = np.linalg.norm(vectors, axis=1) > 0
    # Outliers are few by definition; when most papers share nothing indexable (e.g. a
    # batch of identical abstracts), there is nothing to set them aside from.
    few = np.count_nonzero(~matched) <= OUTLIER_SHARE * len(ids)
    keep = np.flatnonzero(matched) if set_aside_unmatched and few else np.arange(len(ids))
    labels = np.full(len(ids), -1)
    if len(keep):
        smoothed = smooth_by_neighbours(
            vectors[keep], neighbours=min(MAX_NEIGHBOURS, len(keep) // NEIGHBOUR_DIVISOR)
        )
        vectors[keep] = smoothed
        labels[keep] = _kmeans_labels(smoothed, k)
    return Clustering(ids, tuple(int(x) for x in labels), vectors)


def _kmeans_labels(vectors: FloatMatrix, k: int) -> npt.NDArray[np.int64]:
    """k-means, started from a Ward tree cut where the batch is small enough for one.

    Ward's merges keep tight pairs (two papers on the same narrow question) together where
    random k-means++ starts split them between two large neighbours; k-means then polishes
    the cut. Both are deterministic.
    """
    distinct = len(np.unique(vectors.round(12), axis=0))
    k = min(k, distinct)
    if k <= 1:
        return np.zeros(len(vectors), dtype=np.int64)
    if len(vectors) > MAX_WARD_PAPERS:
        model = KMeans(n_clusters=k, n_init=10, random_state=RANDOM_STATE)
        return np.asarray(model.fit_predict(vectors), dtype=np.int64)
    tree = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(vectors)
    centres = np.array([vectors[tree == c].mean(axis=0) for c in range(k)])
    model = KMeans(n_clusters=k, init=centres, n_init=1, random_state=RANDOM_STATE)
    return np.asarray(model.fit_predict(vectors), dtype=np.int64)


def embed_texts(texts: Sequence[str]) -> FloatMatrix:
    """Unit vectors for texts (sublinear TF-IDF -> LSA), zero for a text with no indexed word."""
    n = len(texts)
    small = n < SMALL_BATCH
    vectorizer = TfidfVectorizer(
        sublinear_tf=True,
        stop_words="english",
        token_pattern=_TOKEN,
        min_df=1 if small else 2,
        max_df=1.0 if small else 0.5,
        dtype=np.float64,
    )
    try:
        tfidf = vectorizer.fit_transform(texts)
    except ValueError:
        # No usable word at all (e.g. abstracts of only numbers): nothing to tell papers apart.
        return np.zeros((n, 1))
    dims = min(LSA_DIMS, tfidf.shape[1] - 1, n - 1)
    if dims >= 2:
        svd = TruncatedSVD(n_components=dims, random_state=RANDOM_STATE)
        # Identical abstracts leave no variance; sklearn then divides 0 by 0 for a ratio we
        # do not use.
        with np.errstate(invalid="ignore", divide="ignore"):
            reduced = svd.fit_transform(tfidf)
    else:
        reduced = tfidf.toarray()
    vectors: FloatMatrix = normalize(reduced)
    return vectors


def smooth_by_neighbours(vectors: FloatMatrix, neighbours: int) -> FloatMatrix:
    """Average each vector with the mean of its nearest neighbours (itself included)."""
    if neighbours < 2:
        return vectors
    finder = NearestNeighbors(n_neighbors=neighbours, algorithm="brute", metric="euclidean")
    for _ in range(SMOOTHING_ROUNDS):
        # On unit vectors euclidean and cosine neighbours are the same papers.
        _, index = finder.fit(vectors).kneighbors(vectors)
        vectors = normalize(vectors + vectors[index].mean(axis=1))
    return vectors


def _groups_by_centrality(clustering: Clustering) -> list[list[str]]:
    """Paper ids per cluster, most central (closest to the cluster's mean direction) first."""
    groups: list[list[str]] = []
    labels = np.asarray(clustering.labels)
    for cluster in sorted(set(clustering.labels) - {-1}):
        members = np.flatnonzero(labels == cluster)
        centre = clustering.vectors[members].mean(axis=0)
        scores = clustering.vectors[members] @ centre
        order = sorted(range(len(members)), key=lambda i: (-round(float(scores[i]), 9), i))
        groups.append([clustering.ids[members[i]] for i in order])
    return groups


def _pool_tiny_groups(
    groups: list[list[str]], n_papers: int
) -> tuple[list[list[str]], tuple[str, ...]]:
    """Split off clusters too small for a section of their own, when there are several."""
    tiny_size = max(3, n_papers // 50)
    tiny = [g for g in groups if len(g) < tiny_size]
    if len(tiny) < 2:
        return groups, ()
    kept = [g for g in groups if len(g) >= tiny_size]
    return kept, tuple(pid for g in tiny for pid in g)


def _labelled_themes(
    papers: Sequence[Paper],
    groups: Sequence[Sequence[str]],
    other: Sequence[str],
    names: Mapping[str, str],
) -> tuple[Theme, ...]:
    position = {p.id: i for i, p in enumerate(papers)}
    single_names = [
        _single_paper_name(papers[position[group[0]]], names) if len(group) == 1 else None
        for group in groups
    ]
    labels = label_groups(
        [_MATH.sub(" ", f"{p.title or ''}. {p.abstract}") for p in papers],
        [[position[pid] for pid in group] for group in groups],
        single_names,
    )
    themes = [
        Theme(label=lab.label, keywords=lab.keywords, paper_ids=tuple(group))
        for lab, group in zip(labels, groups, strict=True)
    ]
    if other:
        themes.append(Theme(label=OTHER_LABEL, keywords=(), paper_ids=tuple(other)))
    return tuple(themes)


def _single_paper_name(paper: Paper, names: Mapping[str, str]) -> str | None:
    name = names.get(paper.id) or paper.title
    return name.strip() if name and name.strip() else None
