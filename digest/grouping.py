"""Group papers into themes: TF-IDF -> LSA -> neighbour smoothing -> Ward + k-means.

Why this shape (measured with bench/themes.py on real arXiv weeks):
- Sublinear TF-IDF over the title (counted twice, as it is the densest statement of the topic)
  and the abstract, with LaTeX maths and a structured abstract's section labels (words of its
  format, "Design/methodology/approach: ") removed, then LSA to a few dozen dimensions: few
  dimensions keep the broad sub-field axes and drop the paper-specific vocabulary that makes
  k-means split on details.
- Each paper's vector is then averaged with its nearest neighbours' (twice). A short abstract
  says little, but its neighbours say what field it is in; this transductive smoothing lifts
  agreement with the arXiv categories by about a quarter over plain LSA + k-means.
- k-means on the unit vectors, started from a Ward tree cut: the Ward start keeps small tight
  topics whole in small batches.
- The number of themes, when the user does not give one, grows with the square root of the
  number of papers up to a week's eight (more split real fields on the benchmark), then
  slowly with the size of a larger batch, so that no theme holds a third of it. Then, in a
  large batch, papers sharing no word with the rest and clusters too small for a section of
  their own go to one "Other" theme, listed last; alone in an issue it reads "Papers".
- Past FIT_SAMPLE papers, the vocabulary, LSA axes and themes are found on a sample, and
  every other paper is placed by the same smoothing against the sample: the cost then grows
  linearly (about 10 s and 100 MB for 100,000 abstracts) instead of with the square.
- Labels and keywords come from digest.labelling, the other half of this stage.
- numpy only, plus scipy.sparse's C loops for a batch larger than the sample: importing
  scikit-learn took longer than grouping a week, and importing scipy.sparse (0.3 s) about as
  long as grouping FIT_SAMPLE papers with numpy's slower sparse products (see SparseRows,
  which give the same bits either way). A larger batch, which must also place thousands of
  other papers, gains more from scipy than its import costs.

Everything runs on the papers sorted by id (samples by a hash of the id) with fixed random
states, so the same papers in any order give the same themes.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from digest import forking
from digest.errors import ConfigError
from digest.labelling import ENGLISH_STOP_WORDS, GROUP_TEXTS, OTHER_LABEL, Label, label_groups
from digest.models import UNGROUPED_LABEL, Paper, Theme
from digest.sections import drop_section_labels

FloatMatrix = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
U64Array = npt.NDArray[np.uint64]

RANDOM_STATE = 0
# Past this many papers, the themes are found on a sample this size (chosen by a hash of the
# paper id, so the same papers give the same sample) and every other paper joins the theme
# whose centre it is nearest: a theme that holds a fraction of a percent of the batch is too
# small for a section anyway, and the cost then grows linearly with the batch.
FIT_SAMPLE = 1500
# Ward's tree (the start for k-means) is grown on at most this many papers of the sample: its
# cost grows with the square of the papers.
WARD_PAPERS = 1000
# Labels are drawn from this many of the sampled papers: dozens of papers per theme show
# what sets it apart as well as thousands do.
LABEL_SAMPLE = 700
# Papers turned into vectors at a time: bounds the memory of a large batch.
CHUNK_PAPERS = 2000
# From this many papers outside the sample on, their chunks are turned into vectors in
# forked workers, one per core: below it, forking costs more than it saves.
PARALLEL_MIN_PAPERS = 4000
# Rows of similarities computed at a time when looking for neighbours.
CHUNK_ROWS = 500
# A week's newsletter stops being scannable beyond about eight sections; more themes also
# split real fields on the benchmark weeks (AMI fell from 0.51 to 0.47 at twelve).
MAX_AUTO_THEMES = 8
# Past a week's worth of papers, eight themes would hold hundreds of papers each: the count
# grows slowly with the batch, to a most that still fits on one screen.
WEEK_PAPERS = 1000
MAX_LARGE_THEMES = 15
# A theme this many times the median size is split in two: one giant theme plus crumbs is
# not a newsletter.
GIANT_FACTOR = 2.5
LSA_DIMS = 40
# Power iterations of the randomized SVD: enough for the top directions of a TF-IDF matrix.
SVD_ITERATIONS = 5
SVD_OVERSAMPLES = 10
MAX_NEIGHBOURS = 30
# Papers outside the sample look for their neighbours among this many sampled papers: finding
# them was the largest cost of a 100,000-paper batch.
NEIGHBOUR_POOL = 500
# Each paper is smoothed with about a tenth of the batch, up to MAX_NEIGHBOURS.
NEIGHBOUR_DIVISOR = 10
SMOOTHING_ROUNDS = 2
MAX_KMEANS_ROUNDS = 100
# Below this many papers, words seen once still matter and no word is "too common" to use.
SMALL_BATCH = 20
# With at least this many papers, two or more tiny clusters are pooled into one "Other" theme.
OTHER_MIN_PAPERS = 50
# At most this share of a batch is set aside as sharing no word with the rest.
OUTLIER_SHARE = 0.1
# In a smaller batch, a group of which no phrase is written by this share of its papers (and
# by two) is no theme: k-means cut the batch into k groups whatever it held.
NO_THEME_SHARE = 1 / 3

_MATH = re.compile(r"\$[^$]*\$")
# A web address in an abstract is no words of its paper to label a theme with: the parts of
# "http://www.agbase.msstate.edu/hpi/main.html" named one "Edu hpi". Its scheme is bounded,
# as in cleaning's _TEX_DASH, so that a long run of hyphenated letters is read in one pass.
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]{0,31}://|\bwww\.)\S+", re.I)
# Words are runs of letters, digits, hyphens and non-ASCII characters: every other ASCII
# character becomes a space. Working on bytes keeps the split in C, several times faster
# than a regular expression, which matters at 100,000 abstracts.
_NOT_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "-")).decode("ascii")
_SPACES = bytes.maketrans(_NOT_WORD.encode("ascii"), b" " * len(_NOT_WORD))
# An odd multiplier for the token hashes (FNV's 64-bit prime).
_HASH_BASE = np.uint64(0x100000001B3)
_HASHED_BYTES = 64
# Bits of the hash that address the table of words: about four slots a word, at most a
# million slots (8 MB); filling a larger table than the words need cost a week's batch more
# than looking its words up.
_TABLE_BITS = 20
_MIN_TABLE_BITS = 10
# Terms per block of a numpy sparse product: bounds its temporary memory (8 bytes per term
# and column of the other matrix).
_BLOCK_TERMS = 5_000


@dataclass(frozen=True)
class Clustering:
    """Papers (sorted by id) with their cluster and their vector in the smoothed space.

    `sample` holds the positions of the papers the clusters were found on (all of them in a
    batch of up to FIT_SAMPLE papers); labels are drawn from those.
    """

    ids: tuple[str, ...]
    labels: tuple[int, ...]
    vectors: FloatMatrix
    sample: tuple[int, ...]


def group_by_theme(
    papers: Sequence[Paper],
    n_themes: int | None = None,
    names: Mapping[str, str] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[Theme, ...]:
    """Every paper in exactly one theme; themes largest first, papers most central first.

    `n_themes` is the number the user asked for (capped at the number of distinct abstracts;
    below 1 is a ConfigError); None lets digest choose, and then outliers and tiny clusters of
    a large batch are pooled as "Other", listed last whatever its size. `names` maps a paper
    id to a short name, used as the label of a one-paper theme (else its title).
    `on_progress(n)` is told when n more papers have their vectors.
    """
    return name_groups(find_groups(papers, n_themes, on_progress), lambda: names or {})


@dataclass(frozen=True)
class Groups:
    """The papers (sorted by id) placed in groups, before the groups are named: the two
    halves of `group_by_theme`, so that a caller can find the groups before it has the
    papers' names."""

    papers: tuple[Paper, ...]
    groups: tuple[tuple[str, ...], ...]  # largest first, papers most central first
    other: tuple[str, ...]  # the "Other" theme's papers, listed last (none: no such theme)
    sample: tuple[int, ...]  # positions of the papers the groups were found on
    # Whether papers their group's label does not describe go to "Other" (see name_groups).
    loose_to_other: bool = False


def find_groups(
    papers: Sequence[Paper],
    n_themes: int | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Groups:
    """The first half of `group_by_theme` (which says what the arguments do): the groups."""
    if n_themes is not None and n_themes < 1:
        raise ConfigError(f"the number of themes must be at least 1, not {n_themes}")
    ordered = sorted(papers, key=lambda p: p.id)
    if not ordered:
        return Groups((), (), (), ())
    ids = [p.id for p in ordered]
    if len(set(ids)) != len(ids):
        raise ValueError("group_by_theme needs distinct paper ids")
    k = n_themes if n_themes is not None else choose_theme_count(len(ordered))
    auto = n_themes is None and len(ordered) >= OTHER_MIN_PAPERS
    # The matrices are small: starting BLAS threads costs more than it saves, and on a busy
    # machine it made grouping ten times slower.
    with threadpool_limits(limits=1):
        clustering = cluster_papers(ordered, k, set_aside_unmatched=auto, on_progress=on_progress)
    groups = _groups_by_centrality(clustering)
    other: tuple[str, ...] = ()
    if auto:
        groups, other = _pool_tiny_groups(groups, len(ordered))
        unmatched = [pid for pid, c in zip(clustering.ids, clustering.labels, strict=True) if c < 0]
        other = (*unmatched, *other)
    groups.sort(key=lambda g: (-len(g), g[0]))
    loose = n_themes is None and not auto
    return Groups(tuple(ordered), tuple(map(tuple, groups)), other, clustering.sample, loose)


def name_groups(found: Groups, names: Callable[[], Mapping[str, str]]) -> tuple[Theme, ...]:
    """The second half of `group_by_theme`: the groups as labelled themes.

    `names()` (paper id -> name) is called only when a group holds a single paper, whose
    label is its name: a forked worker labels the usual groups without waiting for the
    names, which are made while it groups (see digest.pipeline.make_issue).

    In a batch too small for `find_groups` to pool an "Other" theme, a group of which no
    phrase is written by two of its papers and NO_THEME_SHARE of them is no theme: the
    papers that write its label stay a theme if there are two, relabelled, and the others go
    to "Other" ("Hair loss" held a metabolic-syndrome review, anti-obesity drugs and "Tides
    and the moon" beside two hair-loss papers), and so does a paper alone in its group. A
    reader is then not told that unrelated papers share a field under the name of one of
    them, nor shown one unrelated paper as a theme beside the others in "Other"."""
    if not found.papers:
        return ()
    groups, other = found.groups, found.other
    labels, covered = _group_labels(found.papers, groups, names, found.sample)
    if found.loose_to_other:
        kept, loose = _without_loose_papers(groups, labels, covered)
        if loose:
            # Beside them, a paper alone in its group shares no phrase with the batch either.
            loose.extend(group[0] for group in kept if len(group) == 1)
            kept = [group for group in kept if len(group) > 1]
            groups = tuple(sorted(kept, key=lambda g: (-len(g), g[0])))
            other = (*other, *loose)
            labels, _ = _group_labels(found.papers, groups, names, found.sample)
    return _themes(labels, groups, other)


def choose_theme_count(n_papers: int) -> int:
    """About sqrt(n) themes up to a week's eight (1 for 2 papers, 4 for 15, 6 for 42, 8 for
    64 to 1,000), then two more each time the batch doubles, up to fifteen (11 for 3,000)."""
    cap = MAX_AUTO_THEMES
    if n_papers > WEEK_PAPERS:
        cap = min(MAX_LARGE_THEMES, round(cap + 2 * math.log2(n_papers / WEEK_PAPERS)))
    return max(1, min(cap, round(math.sqrt(n_papers))))


def paper_text(paper: Paper) -> str:
    """The text a paper is grouped and labelled by: title twice, then the abstract without
    its section labels."""
    title = paper.title or ""
    return _MATH.sub(" ", f"{title}. {title}. {drop_section_labels(paper.abstract)}")


def fit_sample(ids: Sequence[str], size: int | None = None) -> IntArray:
    """Positions of the papers to find themes on: the `size` (default FIT_SAMPLE) whose ids
    hash lowest, in that order, which is the same for the same papers in any order. Adding a
    paper to a batch changes the sample by at most one paper."""
    size = FIT_SAMPLE if size is None else size
    keys = [hashlib.blake2b(pid.encode("utf-8"), digest_size=8).digest() for pid in ids]
    order = sorted(range(len(ids)), key=lambda i: (keys[i], ids[i]))
    return np.array(order[:size], dtype=np.int64)


def cluster_papers(
    papers: Sequence[Paper],
    k: int,
    set_aside_unmatched: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> Clustering:
    """Cluster papers (already sorted by id) into at most k groups.

    With `set_aside_unmatched`, papers that share no indexed word with any other paper get
    cluster -1 instead of being forced into a group they have nothing in common with.
    `on_progress(n)`: n more papers have their vectors (the sample, then chunk by chunk).
    """
    advance = on_progress or (lambda n: None)
    ids = tuple(p.id for p in papers)
    n = len(ids)
    sample = fit_sample(ids)
    texts = [paper_text(papers[i]) for i in sample]
    vectors = np.zeros((n, 1))
    fitted = fit_space(texts, in_scipy=n > len(sample))
    if fitted is not None:
        space, vectors_of_sample = fitted
        vectors = np.zeros((n, space.basis.shape[0]))
        vectors[sample] = vectors_of_sample
        advance(len(sample))
        rest = np.setdiff1d(np.arange(n), sample)
        chunks = [rest[start : start + CHUNK_PAPERS] for start in range(0, len(rest), CHUNK_PAPERS)]
        for chunk, embedded in zip(chunks, _embed_chunks(space, papers, chunks), strict=True):
            vectors[chunk] = embedded
            advance(len(chunk))
    matched = np.linalg.norm(vectors, axis=1) > 0
    # Outliers are few by definition; when most papers share nothing indexable (e.g. a
    # batch of identical abstracts), there is nothing to set them aside from.
    few = np.count_nonzero(~matched) <= OUTLIER_SHARE * n
    keep = matched if set_aside_unmatched and few else np.ones(n, dtype=bool)
    labels = np.full(n, -1, dtype=np.int64)
    fit = sample[keep[sample]]
    if len(fit):
        neighbours = min(MAX_NEIGHBOURS, len(fit) // NEIGHBOUR_DIVISOR)
        smoothed = smooth_by_neighbours(vectors[fit], neighbours)
        labels[fit] = _kmeans_labels(smoothed, k)
        if set_aside_unmatched:
            labels[fit] = _split_giants(smoothed, labels[fit])
        centres = _centres(smoothed, labels[fit])
        others = np.flatnonzero(keep & (labels < 0))
        pool = fit[:NEIGHBOUR_POOL]
        for start in range(0, len(others), CHUNK_ROWS):
            # Each other paper is smoothed like the sample's were, with its nearest sampled
            # papers, and joins the nearest theme centre.
            chunk = others[start : start + CHUNK_ROWS]
            if neighbours >= 2:
                near = _nearest_neighbours(vectors[chunk], neighbours, vectors[pool])
                vectors[chunk] = _unit_rows(vectors[chunk] + smoothed[near].mean(axis=1))
            labels[chunk] = _nearest_centre(vectors[chunk], centres)
        vectors[fit] = smoothed
    return Clustering(ids, tuple(int(x) for x in labels), vectors, tuple(int(i) for i in sample))


def _embed_chunks(
    space: TextSpace, papers: Sequence[Paper], chunks: Sequence[IntArray]
) -> Iterator[FloatMatrix]:
    """The vectors of each chunk of papers, in order; in forked workers when there are
    several chunks and several cores. Each paper's vector depends on its text alone, so
    where it is computed changes no bit of it."""
    papers_in_chunks = sum(len(chunk) for chunk in chunks)
    parallel = len(chunks) > 1 and papers_in_chunks >= PARALLEL_MIN_PAPERS
    workers = forking.cores() if parallel else 1
    if workers == 1:
        for chunk in chunks:
            yield space.embed([paper_text(papers[i]) for i in chunk])
        return
    # The workers inherit the space and the papers; only the vectors travel back.
    with forking.forked_pool(min(workers, len(chunks)), (space, papers)) as pool:
        yield from pool.map(_embed_forked_chunk, chunks)  # in submission order


def _embed_forked_chunk(chunk: IntArray) -> FloatMatrix:
    shared: tuple[TextSpace, Sequence[Paper]] = forking.inherited()
    space, papers = shared
    return space.embed([paper_text(papers[i]) for i in chunk])


@dataclass(frozen=True)
class TextSpace:
    """A fitted sublinear TF-IDF -> LSA map from texts to unit vectors."""

    words: WordTable  # the indexed words: word i is column i
    idf: FloatMatrix
    basis: FloatMatrix  # LSA dimensions x words; identity when there are too few to reduce
    in_scipy: bool = False  # whether the sparse products run in scipy (see SparseRows)

    def embed(self, texts: Sequence[str]) -> FloatMatrix:
        """Unit vectors for texts, zero for a text with no indexed word."""
        counts = _counts(Tokens.of(texts), self.words, self.in_scipy)
        return self.reduce(_tfidf(counts, self.idf))

    def reduce(self, tfidf: SparseRows) -> FloatMatrix:
        return _unit_rows(tfidf.times(self.basis.T))


def fit_space(texts: Sequence[str], in_scipy: bool = False) -> tuple[TextSpace, FloatMatrix] | None:
    """Sublinear TF-IDF (English stop words out, words in at least 2 texts and at most half)
    reduced by LSA to LSA_DIMS dimensions, and the texts' own vectors; None when no text
    holds a usable word. `in_scipy`: run the sparse products in scipy (same result)."""
    n = len(texts)
    small = n < SMALL_BATCH
    tokens = Tokens.of(texts)
    distinct, first = np.unique(tokens.hashes, return_index=True)
    words = distinct[_are_words(tokens, first, distinct)]
    counts = _counts(tokens, WordTable.of(words), in_scipy)
    df = np.bincount(counts.indices, minlength=len(words))
    usable = (df >= (1 if small else 2)) & (df <= (n if small else 0.5 * n))
    if not usable.any():
        return None
    # Smoothed idf, as scikit-learn computes it.
    idf = np.log((1 + n) / (1 + df[usable])) + 1
    tfidf = _tfidf(counts.columns(usable), idf)
    dims = min(LSA_DIMS, int(usable.sum()) - 1, n - 1)
    basis = lsa_basis(tfidf, dims) if dims >= 2 else np.eye(int(usable.sum()))
    space = TextSpace(WordTable.of(words[usable]), idf, basis, in_scipy)
    return space, space.reduce(tfidf)


@dataclass(frozen=True)
class Tokens:
    """Every token of some texts, as (text, hash) pairs, computed with array operations.

    A token is a run of letters, digits, hyphens and non-ASCII characters, lower-cased. A
    Python string per token cost most of the time of a large batch; a 64-bit polynomial
    hash of its UTF-8 bytes identifies it instead (a collision among a batch's words is
    about as likely as winning a lottery twice).
    """

    n_texts: int
    blob: bytes
    starts: IntArray
    ends: IntArray
    docs: IntArray
    hashes: U64Array

    @classmethod
    def of(cls, texts: Sequence[str]) -> Tokens:
        encoded = [t.lower().encode("utf-8") for t in texts]
        blob = b" ".join(encoded).translate(_SPACES)
        inside = np.frombuffer(blob, dtype=np.uint8) != 32
        edges = np.flatnonzero(np.diff(np.concatenate(([False], inside, [False])).view(np.int8)))
        starts, ends = edges[0::2], edges[1::2]
        lengths = ends - starts
        spans = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)) + 1
        text_starts = np.cumsum(spans) - spans
        # Each text's tokens are a run of `starts`: find where each run begins (one search
        # per text, not one per token).
        runs = np.searchsorted(starts, np.append(text_starts, len(blob) + 1))
        docs = np.repeat(np.arange(len(texts)), np.diff(runs))
        return cls(len(texts), blob, starts, ends, docs, _hashes(blob, starts, lengths))

    def text(self, i: int) -> bytes:
        return self.blob[self.starts[i] : self.ends[i]]


def _hashes(blob: bytes, starts: IntArray, lengths: IntArray) -> U64Array:
    """sum(byte[j] * B**j) + B**len * len over each token's bytes, modulo 2**64.

    Tokens are taken longest first, so that the tokens still being read at character j
    are a prefix: one array operation per character position, not per token.
    """
    chars = np.frombuffer(blob, dtype=np.uint8)
    # Past _HASHED_BYTES only the length counts: no real word is that long.
    read = np.minimum(lengths, _HASHED_BYTES)
    # A stable sort of 8-bit keys is a radix sort: several times faster on a million tokens.
    order = np.argsort((_HASHED_BYTES - read).astype(np.uint8), kind="stable")
    starts_by_length, lengths_by_length = starts[order], read[order]
    longest = int(lengths_by_length[0]) if len(order) else 0
    powers = np.cumprod(np.full(longest + 1, _HASH_BASE, dtype=np.uint64))
    # How many tokens are longer than j, for every j.
    reading = np.searchsorted(-lengths_by_length, -np.arange(longest), side="left")
    sums = np.zeros(len(order), dtype=np.uint64)
    term = np.empty_like(sums)
    for j in range(longest):
        k = int(reading[j])
        # chars[j:][start] is chars[start + j], without an array of positions.
        np.multiply(chars[j:][starts_by_length[:k]], powers[j], out=term[:k])
        sums[:k] += term[:k]
    sums += powers[lengths_by_length] * lengths[order].astype(np.uint64)
    hashes = np.empty_like(sums)
    hashes[order] = sums
    return hashes


def _are_words(tokens: Tokens, which: IntArray, hashes: U64Array) -> npt.NDArray[np.bool_]:
    """Whether each of the tokens `which` (whose hashes are `hashes`) may be indexed: two
    characters or more, starting with a letter, not a stop word, not ending on a hyphen."""
    chars = np.frombuffer(tokens.blob, dtype=np.uint8)
    first = chars[tokens.starts[which]]
    letter = ((first >= 97) & (first <= 122)) | (first >= 128)
    longer = tokens.ends[which] - tokens.starts[which] > 1
    hyphen = chars[tokens.ends[which] - 1] == 45
    # A stop word is known by its hash, as every token is.
    stop = np.isin(hashes, _stop_word_hashes())
    usable: npt.NDArray[np.bool_] = letter & longer & ~hyphen & ~stop
    return usable


@functools.cache
def _stop_word_hashes() -> U64Array:
    # Each stop word is one token (letters only), so this is one hash per stop word.
    return Tokens.of(sorted(ENGLISH_STOP_WORDS)).hashes


@dataclass(frozen=True)
class SparseRows:
    """A texts x words matrix in compressed sparse row form, as scipy.sparse keeps one.

    Its products with dense matrices add each output element's terms one by one in the
    stored order, exactly as scipy's csr_matvecs/csc_matvecs loops do, in numpy or (with
    `in_scipy`, several times faster once scipy is imported) in scipy: the same bits.
    """

    indptr: IntArray  # row i's entries are indptr[i]:indptr[i + 1]
    indices: IntArray  # the column of each entry
    data: FloatMatrix  # the value of each entry (1-D)
    n_cols: int
    in_scipy: bool = False

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def rows(self) -> IntArray:
        """The row of each entry."""
        return np.repeat(np.arange(self.n_rows), np.diff(self.indptr))

    def columns(self, keep: npt.NDArray[np.bool_]) -> SparseRows:
        """The matrix with only the columns where `keep` is true, renumbered in order."""
        kept = keep[self.indices]
        renumbered = np.cumsum(keep) - 1
        indptr = _row_pointers(self.rows()[kept], self.n_rows)
        columns = renumbered[self.indices[kept]]
        return SparseRows(indptr, columns, self.data[kept], int(keep.sum()), self.in_scipy)

    def dense(self) -> FloatMatrix:
        out = np.zeros((self.n_rows, self.n_cols))
        out[self.rows(), self.indices] = self.data
        return out

    def times(self, other: FloatMatrix) -> FloatMatrix:
        """self @ other."""
        other = np.ascontiguousarray(other, dtype=np.float64)
        if self.in_scipy:
            return _scipy_product(self, other, transposed=False)
        return _sequential_sums(self._row_sums, other)

    def transposed_times(self, other: FloatMatrix) -> FloatMatrix:
        """self.T @ other: each column's terms added in row order, as scipy's csc loop does."""
        other = np.ascontiguousarray(other, dtype=np.float64)
        if self.in_scipy:
            return _scipy_product(self, other, transposed=True)
        return _sequential_sums(self._column_sums, other)

    # LSA multiplies the same matrix a dozen times: how to sum it is worked out once.
    @functools.cached_property
    def _row_sums(self) -> _SumPlan:
        return _SumPlan.of(self.indptr, self.indices, self.data)

    @functools.cached_property
    def _column_sums(self) -> _SumPlan:
        by_column = np.argsort(self.indices, kind="stable")
        indptr = _row_pointers(self.indices[by_column], self.n_cols)
        return _SumPlan.of(indptr, self.rows()[by_column], self.data[by_column])


def _row_pointers(rows: IntArray, n_rows: int) -> IntArray:
    """indptr for entries whose (sorted) rows are `rows`."""
    pointers = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=pointers[1:])
    return pointers


@dataclass(frozen=True)
class _SumPlan:
    """A sparse matrix cut into blocks of rows of similar length, each padded to its longest
    row (with zero terms) so that one numpy operation sums the whole block."""

    n_rows: int
    # Per block: its rows, then each row's terms as (column, coefficient), padded.
    blocks: tuple[tuple[IntArray, IntArray, FloatMatrix], ...]

    @classmethod
    def of(cls, indptr: IntArray, columns: IntArray, values: FloatMatrix) -> _SumPlan:
        n_rows = len(indptr) - 1
        lengths = np.diff(indptr)
        order = np.argsort(lengths, kind="stable")
        by_length = lengths[order]
        blocks = []
        start = int(np.searchsorted(by_length, 1))  # empty rows stay zero
        while start < n_rows:
            # As many rows as fit in a block padded to the length of its last (longest) row.
            padded = np.arange(1, n_rows - start + 1) * by_length[start:]
            stop = start + max(1, int(np.searchsorted(padded, _BLOCK_TERMS, side="right")))
            rows = order[start:stop]
            offsets = np.arange(by_length[stop - 1])
            inside = offsets < lengths[rows][:, None]
            entries = np.where(inside, indptr[rows][:, None] + offsets, 0)
            coefficients = np.where(inside, values[entries], 0.0)
            blocks.append((rows, columns[entries], coefficients[:, :, None]))
            start = stop
        return cls(n_rows, tuple(blocks))


def _sequential_sums(plan: _SumPlan, other: FloatMatrix) -> FloatMatrix:
    """out[i] = sum of coefficient * other[column] over row i's terms, added in order.

    numpy's pairwise summation would give other last bits than scipy's loop; a reduction
    over the middle axis of a (rows, terms, columns) block adds term after term instead, as
    long as the last axis has two or more columns (with one, numpy would sum it pairwise,
    so a zero column is added for the time of the sum).
    """
    width = other.shape[1]
    if width == 1:
        return _sequential_sums(plan, np.hstack([other, np.zeros_like(other)]))[:, :1]
    out = np.zeros((plan.n_rows, width))
    for rows, columns, coefficients in plan.blocks:
        # "+ 0.0" as scipy's sums start from zero: it turns a sum of -0.0 into 0.0.
        out[rows] = np.add.reduce(other[columns] * coefficients, axis=1) + 0.0
    return out


def _scipy_product(matrix: SparseRows, other: FloatMatrix, transposed: bool) -> FloatMatrix:
    # Imported here: only a large batch pays for the import (see the module docstring).
    from scipy import sparse

    shape = (matrix.n_rows, matrix.n_cols)
    csr = sparse.csr_matrix((matrix.data, matrix.indices, matrix.indptr), shape=shape)
    product = csr.T @ other if transposed else csr @ other
    return np.asarray(product, dtype=np.float64)


def _counts(tokens: Tokens, words: WordTable, in_scipy: bool = False) -> SparseRows:
    """Texts x words matrix of how often each text uses each word."""
    column = words.columns(tokens.hashes)
    known = column >= 0
    n_words = max(len(words.words), 1)
    keys, counts = np.unique(tokens.docs[known] * n_words + column[known], return_counts=True)
    # The keys are sorted: rows in order, and each row's columns ascending.
    indptr = _row_pointers(keys // n_words, tokens.n_texts)
    return SparseRows(indptr, keys % n_words, counts.astype(np.float64), n_words, in_scipy)


@dataclass(frozen=True)
class WordTable:
    """The sorted hashes of the indexed words, and a table on their top bits that finds
    almost every token's column at once: only tokens whose table slot several words share
    are binary-searched (a search for every token, or a sort, was the largest cost of a
    100,000-paper batch). Built once per set of words, used for every chunk of papers."""

    words: U64Array
    table: IntArray  # the column of the (last) word in each slot, -1 for none
    shared: npt.NDArray[np.bool_]  # slots that several words share
    shift: np.uint64  # a hash's slot is its top bits: hash >> shift

    @classmethod
    def of(cls, words: U64Array) -> WordTable:
        bits = min(_TABLE_BITS, max(_MIN_TABLE_BITS, (4 * len(words)).bit_length()))
        shift = np.uint64(64 - bits)
        slots = (words >> shift).astype(np.int64)
        table = np.full(2**bits, -1, dtype=np.int64)
        table[slots] = np.arange(len(words))
        shared = np.bincount(slots, minlength=2**bits) > 1
        return cls(words, table, shared, shift)

    def columns(self, hashes: U64Array) -> IntArray:
        """The position of each hash in the sorted words, -1 where it is not a word."""
        words = self.words
        if len(words) == 0:
            return np.full(len(hashes), -1, dtype=np.int64)
        where = (hashes >> self.shift).astype(np.int64)
        column = self.table[where]
        column[words[column] != hashes] = -1  # column -1 reads the last word: never equal there
        crowded = np.flatnonzero(self.shared[where])
        if len(crowded):
            found = np.minimum(np.searchsorted(words, hashes[crowded]), len(words) - 1)
            column[crowded] = np.where(words[found] == hashes[crowded], found, -1)
        return column


def _tfidf(counts: SparseRows, idf: FloatMatrix) -> SparseRows:
    """Sublinear term frequencies times idf, each row scaled to unit length.

    Each row's entries come out in descending column order: the order scipy's product with a
    diagonal matrix, which this once was, left them in. A product sums a row in its stored
    order, and changing that order would change the last bits of every vector.
    """
    data = (1 + np.log(counts.data)) * idf[counts.indices]
    filled = np.flatnonzero(np.diff(counts.indptr))
    squares = np.zeros(counts.n_rows)
    if len(filled):
        squares[filled] = np.add.reduceat(data * data, counts.indptr[filled])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1
    rows = counts.rows()
    scaled = (1 / norms)[rows] * data
    reverse = counts.indptr[rows] + counts.indptr[rows + 1] - 1 - np.arange(len(data))
    indices = counts.indices[reverse]
    return SparseRows(counts.indptr, indices, scaled[reverse], counts.n_cols, counts.in_scipy)


def lsa_basis(matrix: SparseRows, dims: int) -> FloatMatrix:
    """The `dims` top right singular vectors of a documents x words matrix (randomized SVD,
    fixed seed: Halko, Martinsson and Tropp's range finder with power iterations).

    Not scipy's exact svds (ARPACK): its axes took longer to find and grouped worse on the
    benchmark weeks (AMI 0.49 instead of 0.52 on all arXiv, 0.39 instead of 0.40 on astro-ph),
    and importing scipy.sparse.linalg costs about 0.2 s.
    """
    rows, cols = matrix.n_rows, matrix.n_cols
    if min(rows, cols) <= dims + SVD_OVERSAMPLES:
        _, _, vt = np.linalg.svd(matrix.dense(), full_matrices=False)
        exact: FloatMatrix = vt[:dims]
        return exact
    rng = np.random.default_rng(RANDOM_STATE)
    q = matrix.times(rng.standard_normal((cols, dims + SVD_OVERSAMPLES)))
    # Orthonormalised on the documents' side only: a QR of the words' side (tens of
    # thousands of rows) cost more than the rest of grouping.
    for _ in range(SVD_ITERATIONS):
        q, _ = np.linalg.qr(q)
        q = matrix.times(matrix.transposed_times(q))
    q, _ = np.linalg.qr(q)
    small = matrix.transposed_times(q).T  # the matrix in the found range: (dims + 10) x words
    # Its right singular vectors from the eigenvectors of the small Gram matrix.
    values, vectors = np.linalg.eigh(small @ small.T)
    top = np.argsort(values)[::-1][:dims]
    # Directions the texts do not span (a batch of few distinct texts) would be noise.
    top = top[values[top] > values.max() * 1e-12]
    basis: FloatMatrix = (vectors[:, top].T @ small) / np.sqrt(np.maximum(values[top], 1e-300))[
        :, None
    ]
    return basis


def _unit_rows(matrix: FloatMatrix) -> FloatMatrix:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1
    unit: FloatMatrix = matrix / norms
    return unit


def smooth_by_neighbours(vectors: FloatMatrix, neighbours: int) -> FloatMatrix:
    """Average each vector with the mean of its nearest neighbours (itself included)."""
    if neighbours < 2:
        return vectors
    for _ in range(SMOOTHING_ROUNDS):
        index = _nearest_neighbours(vectors, neighbours)
        vectors = _unit_rows(vectors + vectors[index].mean(axis=1))
    return vectors


def _nearest_neighbours(
    vectors: FloatMatrix, neighbours: int, among: FloatMatrix | None = None
) -> IntArray:
    """The `neighbours` most similar of `among` (default: the vectors themselves) to each
    vector: cosine, exact, a block of rows at a time so that memory stays linear."""
    among = vectors if among is None else among
    neighbours = min(neighbours, len(among))
    found = np.empty((len(vectors), neighbours), dtype=np.int64)
    for start in range(0, len(vectors), CHUNK_ROWS):
        similar = vectors[start : start + CHUNK_ROWS] @ among.T
        found[start : start + len(similar)] = np.argpartition(-similar, neighbours - 1, axis=1)[
            :, :neighbours
        ]
    return found


def _kmeans_labels(vectors: FloatMatrix, k: int) -> IntArray:
    """k-means started from a Ward tree cut (of the first WARD_PAPERS vectors).

    Ward's merges keep tight pairs (two papers on the same narrow question) together where
    random k-means++ starts split them between two large neighbours; k-means then polishes
    the cut. Both are deterministic.
    """
    distinct = len(np.unique(vectors.round(12), axis=0))
    k = min(k, distinct)
    if k <= 1:
        return np.zeros(len(vectors), dtype=np.int64)
    start = vectors[:WARD_PAPERS]
    centres = _centres(start, ward_labels(start, k))
    labels = _nearest_centre(vectors, centres)
    for _ in range(MAX_KMEANS_ROUNDS):
        centres = np.where(
            _sizes(labels, len(centres))[:, None] > 0,
            _centres(vectors, labels, len(centres)),
            centres,
        )
        moved = _nearest_centre(vectors, centres)
        if np.array_equal(moved, labels):
            break
        labels = moved
    return labels


def _split_giants(vectors: FloatMatrix, labels: IntArray) -> IntArray:
    """Clusters far larger than the rest split in two (once), so that no theme swallows a
    field: k-means on this data often leaves one cluster several times the typical size."""
    sizes = np.bincount(labels)
    typical = float(np.median(sizes[sizes > 0]))
    out = labels.copy()
    for cluster in np.flatnonzero(sizes > GIANT_FACTOR * typical):
        members = np.flatnonzero(labels == cluster)
        halves = _kmeans_labels(vectors[members], 2)
        out[members[halves == 1]] = out.max() + 1
    return out


def _sizes(labels: IntArray, k: int) -> IntArray:
    return np.bincount(labels, minlength=k)


def _centres(vectors: FloatMatrix, labels: IntArray, k: int | None = None) -> FloatMatrix:
    """The mean vector of each cluster (zero for an empty one)."""
    k = int(labels.max()) + 1 if k is None else k
    sums = np.zeros((k, vectors.shape[1]))
    np.add.at(sums, labels, vectors)
    means: FloatMatrix = sums / np.maximum(_sizes(labels, k), 1)[:, None]
    return means


def _nearest_centre(vectors: FloatMatrix, centres: FloatMatrix) -> IntArray:
    """The index of the (euclidean) nearest centre of each vector."""
    distance = (centres**2).sum(axis=1) - 2 * (vectors @ centres.T)
    return np.asarray(np.argmin(distance, axis=1), dtype=np.int64)


def ward_labels(vectors: FloatMatrix, k: int) -> IntArray:
    """Clusters 0..k-1 of Ward's agglomerative tree cut at k (nearest-neighbour chain).

    The chain finds the same merges as the textbook algorithm in time quadratic in the
    vectors and memory linear; the merges are then replayed cheapest first up to k clusters.

    scipy's linkage(method="ward") + fcluster (then kmeans2 for _kmeans_labels) give the
    same groups on the benchmark weeks and corpus, faster, but importing scipy.cluster pulls
    in scipy.spatial, scipy.linalg and scipy.special: 0.3-0.4 s more on every `digest build`,
    whose whole budget is 1.5 s. Here, not scikit-learn's or scipy's, for that reason only.
    """
    n = len(vectors)
    centres = vectors.astype(np.float64, copy=True)
    norms = (centres**2).sum(axis=1)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges: list[tuple[float, int, int]] = []
    chain: list[int] = []
    while len(merges) < n - 1:
        if not chain:
            chain.append(int(np.argmax(alive)))
        a = chain[-1]
        squared = np.maximum(norms + norms[a] - 2 * (centres @ centres[a]), 0)
        cost = np.where(alive, sizes * sizes[a] / (sizes + sizes[a]) * squared, np.inf)
        cost[a] = np.inf
        b = int(np.argmin(cost))
        if len(chain) > 1 and cost[chain[-2]] <= cost[b]:
            b = chain[-2]
        if len(chain) > 1 and b == chain[-2]:
            del chain[-2:]
            keep, drop = min(a, b), max(a, b)
            merges.append((float(cost[b]), keep, drop))
            total = sizes[a] + sizes[b]
            centres[keep] = (sizes[a] * centres[a] + sizes[b] * centres[b]) / total
            norms[keep] = centres[keep] @ centres[keep]
            sizes[keep] = total
            alive[drop] = False
        else:
            chain.append(b)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, a, b in sorted(merges)[: n - k]:
        parent[root(b)] = root(a)
    roots = [root(i) for i in range(n)]
    number: dict[int, int] = {}
    return np.array([number.setdefault(r, len(number)) for r in roots], dtype=np.int64)


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


def _without_loose_papers(
    groups: Sequence[tuple[str, ...]], labels: Sequence[Label], covered: Sequence[set[str]]
) -> tuple[list[tuple[str, ...]], list[str]]:
    """The groups that are no theme (see name_groups) cut to the papers their labels
    describe, and the papers cut off, in the groups' order."""
    kept: list[tuple[str, ...]] = []
    loose: list[str] = []
    for group, label, inside in zip(groups, labels, covered, strict=True):
        named = min(len(group), GROUP_TEXTS)  # the papers a label is drawn from
        if len(group) == 1 or label.shared >= max(2, NO_THEME_SHARE * named):
            kept.append(group)
            continue
        described = tuple(pid for pid in group if pid in inside)
        if len(described) >= 2:
            kept.append(described)
            loose.extend(pid for pid in group if pid not in inside)
        else:
            loose.extend(group)
    return kept, loose


def _group_labels(
    papers: Sequence[Paper],
    groups: Sequence[Sequence[str]],
    names: Callable[[], Mapping[str, str]],
    sample: Sequence[int],
) -> tuple[tuple[Label, ...], list[set[str]]]:
    """Each group's label, from (up to LABEL_SAMPLE of) the sampled papers at a bounded
    cost, and the ids of the papers that write it."""
    position = {p.id: i for i, p in enumerate(papers)}
    seen = {i: n for n, i in enumerate(sample[:LABEL_SAMPLE])}
    members: list[list[int]] = []
    for group in groups:
        inside = [position[pid] for pid in group if position[pid] in seen]
        if not inside:  # only when a batch has more themes than sampled papers
            inside = [position[pid] for pid in group[:SMALL_BATCH]]
            for i in inside:
                seen.setdefault(i, len(seen))
        members.append(inside)
    named = names() if any(len(group) == 1 for group in groups) else {}
    single_names = [
        _single_paper_name(papers[position[group[0]]], named) if len(group) == 1 else None
        for group in groups
    ]
    texts = [""] * len(seen)
    for i, n in seen.items():
        text = _MATH.sub(" ", f"{papers[i].title or ''}. {drop_section_labels(papers[i].abstract)}")
        texts[n] = _ADDRESS.sub(" ", text) if "://" in text or "www." in text else text
    labels = label_groups(texts, [[seen[i] for i in inside] for inside in members], single_names)
    paper_of = {n: papers[i].id for i, n in seen.items()}
    return labels, [{paper_of[n] for n in label.covered} for label in labels]


def _themes(
    labels: Sequence[Label], groups: Sequence[Sequence[str]], other: Sequence[str]
) -> tuple[Theme, ...]:
    themes = [
        Theme(label=lab.label, keywords=lab.keywords, paper_ids=tuple(group))
        for lab, group in zip(labels, groups, strict=True)
    ]
    if other:
        themes.append(Theme(label=OTHER_LABEL, keywords=(), paper_ids=tuple(other)))
    return tuple(themes)


def papers_when_alone(themes: Sequence[Theme]) -> tuple[Theme, ...]:
    """The themes, with an "Other" theme that is the issue's only one labelled UNGROUPED_LABEL.

    "Other" means other than the themes above it: a batch of papers that share nothing
    (two unrelated papers, ten from as many fields) would otherwise be an issue whose one
    section is "Other", other than nothing. Run on the issue's whole list of themes, so that
    beside a named theme from the config the leftover papers still read "Other"."""
    if len(themes) == 1 and themes[0].label == OTHER_LABEL and not themes[0].keywords:
        return (Theme(label=UNGROUPED_LABEL, keywords=(), paper_ids=themes[0].paper_ids),)
    return tuple(themes)


def _single_paper_name(paper: Paper, names: Mapping[str, str]) -> str | None:
    name = names.get(paper.id) or paper.title
    return name.strip() if name and name.strip() else None
