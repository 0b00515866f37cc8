"""Headlines: how likely a title is to use a word of its abstract.

A logistic model over features a reader would recognise (how many sentences use the word, where,
what kind of word it is, how often SciTLDR titles use it when their abstracts do: the rates in
`headline_words.tsv`), fitted on SciTLDR train by `bench/headlines.py --fit`. A phrase's
expected ROUGE-1 F1 against a title is then two differences of running sums (`Odds`, `Sums`).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from operator import contains
from typing import Any, Final

import numpy as np
import Stemmer  # type: ignore[import-not-found]  # PyStemmer: no stubs

from digest.headlines.words import (
    GENERIC_WORDS,
    KIND_HEADS,
    MEMO_SIZE,
    WORD,
    Batch,
    Sentence,
    grown_array,
    has_digit,
)
from digest.sentences import STOP_WORDS
from digest.tagging import vocabulary

_STEMMER: Final = Stemmer.Stemmer("english")


# How often titles use a word whose abstract does, learned from SciTLDR train by
# `bench/headlines.py --fit`: "stem<TAB>papers<TAB>titles" per line.
TITLE_WORDS_FILE: Final = "headline_words.tsv"


# The logistic model of a word's title odds, fitted on SciTLDR train by `bench/headlines.py
# --fit` (titles hidden, then looked at), in the order of `title_features`.
_TITLE_WEIGHTS: Final = (
    -1.705, 2.546, 0.345, 0.193, 0.703, 0.808, -0.978, -0.352, -0.897, 0.674, 0.364, 0.377,
    -0.030, 1.278, 0.028, 0.486, 0.256, 1.139, -0.872, -1.109, -0.651, -0.909, -0.719, 1.351,
    1.039, 0.045, -0.834, 1.110, 0.889, -0.031,
)  # fmt: skip
# Function words that titles use at their own rates ("X for Y", "X of Y", "X with Y").
TITLE_FUNCTION_WORDS: Final = ("of", "for", "and", "with", "in", "a", "the", "on", "to", "via")
TITLE_FUNCTION_WORDS_MORE: Final = ("from", "by", "an", "using")
_FUNCTION_INDEX: Final = {
    w: i for i, w in enumerate(TITLE_FUNCTION_WORDS + TITLE_FUNCTION_WORDS_MORE)
}
# How much the titles' own use of a word weighs against the rate of all words: as if each
# word had been seen this many more times at the mean rate.
TITLE_RATE_PRIOR: Final = 3.0


# "... mixed precision training (MPT)": the (up to four) words before it are defined.
_ACRONYM: Final = re.compile(r"\([A-Z][\w-]*[A-Z][\w-]*s?\)")


@dataclass(frozen=True)
class TitleRates:
    """How often titles use a word (by its stem) when their abstracts' candidate phrases do."""

    papers: dict[str, int]
    titles: dict[str, int]
    mean: float  # titles / papers over every word

    def rate(self, stem: str, papers: int = 0, titles: int = 0) -> tuple[float, float]:
        """The log of the smoothed rate and the log of one plus the number of papers, less
        `papers` and `titles` of them (a paper's own, when fitting)."""
        seen = self.papers.get(stem, 0) - papers
        used = self.titles.get(stem, 0) - titles
        smoothed = (used + TITLE_RATE_PRIOR * self.mean) / (seen + TITLE_RATE_PRIOR)
        return math.log(smoothed), math.log1p(seen)


@functools.cache
def load_title_rates() -> TitleRates:
    """The rates shipped with digest (read once per process)."""
    text = (
        resources.files("digest.headlines").joinpath(TITLE_WORDS_FILE).read_text(encoding="utf-8")
    )
    return parse_title_rates(text)


def parse_title_rates(text: str) -> TitleRates:
    papers: dict[str, int] = {}
    titles: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        stem, seen, used = line.split("\t")
        papers[stem], titles[stem] = int(seen), int(used)
    total = sum(papers.values())
    return TitleRates(papers, titles, sum(titles.values()) / total if total else 0.0)


class Odds:
    """How many of a word's pieces a title is expected to use, in one abstract, remembered:
    `odds(word)`. ROUGE counts "in-hand" as two words, "in" and "hand", so each piece has
    its own odds; `pieces(word)` is how many there are."""

    def __init__(self, context: TitleContext) -> None:
        self.context = context
        self.rates = load_title_rates()
        self._known: dict[str, tuple[float, int]] = {}
        self._by_stem: dict[str, float] = {}  # the weighted features of the abstract

    def _look_up(self, word: str) -> tuple[float, int]:
        found = self._known.get(word)
        if found is None:
            expected = 0.0
            parts = _word_parts(word, self.rates)
            by_stem = self._by_stem
            for stem, z in parts:
                in_abstract = by_stem.get(stem)
                if in_abstract is None:
                    in_abstract = by_stem[stem] = _in_abstract(stem, self.context)
                expected += 1 / (1 + math.exp(-z - in_abstract))
            found = self._known[word] = (expected, len(parts))
        return found

    def __call__(self, word: str) -> float:
        return self._look_up(word)[0]

    def pieces(self, word: str) -> int:
        return self._look_up(word)[1]

    def sums(self, sentence: Sentence) -> Sums:
        """The running sums over a sentence's words of the pieces a title is expected to
        share with the words a headline keeps, and of their pieces: a phrase's expected
        ROUGE-1 F1 is then two differences. (`title_sums` gives the same for many
        sentences of many abstracts at once.)"""
        look_up = self._look_up
        words, keeps = sentence.words, sentence.keeps
        values = [look_up(w) if k else _NOTHING for w, k in zip(words, keeps, strict=True)]
        expected = list(itertools.accumulate((v[0] for v in values), initial=0.0))
        pieces = list(itertools.accumulate((v[1] for v in values), initial=0))
        return expected, pieces

    def of_the_field(self, phrase: list[str]) -> bool:
        """Whether a short phrase is made of the field's commonest words only, which name no
        paper in particular ("Deep reinforcement learning", "Neural networks")."""
        papers = self.rates.papers
        if len(phrase) <= 2 and phrase[-1].lower() in GENERIC_WORDS:
            return True  # "Reward model", "Summarization models"
        return len(phrase) <= FIELD_WORDS and all(
            papers.get(stem_of(piece.lower()), 0) >= FIELD_PAPERS
            for word in phrase
            for piece in title_pieces(word)
            if piece.lower() not in STOP_WORDS
        )


# The running sums of a sentence's expected pieces shared with a title, and of its pieces.
Sums = tuple[list[float], list[int]]


def title_sums(
    batch: Batch, segments: list[tuple[int, int]], contexts: Sequence[TitleContext | None]
) -> list[Sums]:
    """`Odds(contexts[k]).sums(batch.sentences[s])` for each (k, s) of `segments`, to the
    bit, for all at once: each kept word's pieces (stem and the weight of the word alone)
    come from a table by word id, each abstract's stems are weighed once by
    `_in_abstracts`, and numpy adds it all up in the order `Odds` does. Only the logistic
    stays math.exp's, one call per piece: numpy's exp may differ from it in the last bit."""
    if not segments:
        return []
    table = _odds_table()
    offsets = np.array(batch.offsets, dtype=np.intp)
    sentence_at = np.array([s for _, s in segments], dtype=np.intp)
    sizes = offsets[sentence_at + 1] - offsets[sentence_at]
    positions = _ranges(offsets[sentence_at], sizes)
    abstract_of = np.repeat(np.array([k for k, _ in segments], dtype=np.intp), sizes)
    kept = np.flatnonzero(batch.keeps[positions])
    first, count = table.pieces_of(batch.ids[positions[kept]])
    piece_at = _ranges(first, count)
    stems = table.stems[piece_at]
    keys = np.repeat(abstract_of[kept], count) * len(table.stem_names) + stems
    pairs, pair_of = np.unique(keys, return_inverse=True)
    in_abstract = _in_abstracts(pairs, len(table.stem_names), table.stem_names, contexts)
    exponents = (-table.weights[piece_at] - in_abstract[pair_of]).tolist()
    odds = 1 / (1 + np.fromiter(map(math.exp, exponents), dtype=float, count=len(exponents)))
    # Each word's odds: the sum of its pieces', added one piece after another from 0.0.
    expected = np.zeros(len(kept))
    starts = np.cumsum(count) - count
    for piece in range(int(count.max(initial=0))):
        more = np.flatnonzero(count > piece)
        expected[more] += odds[starts[more] + piece]
    values = np.zeros(len(positions))
    values[kept] = expected
    numbers = np.zeros(len(positions), dtype=np.intp)
    numbers[kept] = count
    value_list, number_list = values.tolist(), numbers.tolist()
    sums: list[Sums] = []
    for start, end in itertools.pairwise([0, *itertools.accumulate(sizes.tolist())]):
        sums.append(
            (
                list(itertools.accumulate(value_list[start:end], initial=0.0)),
                list(itertools.accumulate(number_list[start:end], initial=0)),
            )
        )
    return sums


def _ranges(starts: np.ndarray[Any, Any], sizes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The numbers from each start, as many as its size, one range after another."""
    begins = np.cumsum(sizes) - sizes
    return np.repeat(starts - begins, sizes) + np.arange(int(sizes.sum()))


def _in_abstracts(
    pairs: np.ndarray[Any, Any],
    stem_count: int,
    stem_names: list[str],
    contexts: Sequence[TitleContext | None],
) -> np.ndarray[Any, Any]:
    """`_in_abstract(stem, contexts[k])` for each pair k * stem_count + stem of `pairs`
    (sorted), to the bit. The substring tests are Python's own, one C loop per sentence
    over the abstract's stems; the arithmetic is numpy's, in `_in_abstract`'s order."""
    abstracts, stems = np.divmod(pairs, stem_count)
    bounds = np.searchsorted(abstracts, np.arange(len(contexts) + 1)).tolist()
    # Per abstract, per sentence, per stem of the abstract: whether the sentence holds it.
    found = bytearray()
    in_aim = bytearray()
    defined = bytearray()
    block = np.zeros(len(pairs), dtype=np.intp)  # where the pair's abstract's flags start
    sentences = np.ones(len(pairs), dtype=np.intp)
    focus = np.zeros(len(pairs), dtype=np.intp)
    stem_list = stems.tolist()
    for k, context in enumerate(contexts):
        low, high = bounds[k], bounds[k + 1]
        if context is None or low == high:
            continue
        names = [stem_names[stem] for stem in stem_list[low:high]]
        block[low:high] = len(found)
        for sentence in context.lowered:
            found += bytes(map(sentence.__contains__, names))
        in_aim += bytes(map(context.aim.__contains__, names))
        defined += bytes(map(context.defined.__contains__, names))
        sentences[low:high] = len(context.lowered)
        focus[low:high] = context.focus
    width = np.repeat(np.diff(np.array(bounds, dtype=np.intp)), np.diff(bounds))
    column = np.arange(len(pairs)) - np.repeat(
        np.array(bounds[:-1], dtype=np.intp), np.diff(bounds)
    )
    hits = np.frombuffer(bytes(found), dtype=np.uint8)
    counts = np.zeros(len(pairs), dtype=np.intp)
    for row in range(int(sentences.max(initial=0))):
        present = np.flatnonzero(sentences > row)
        counts[present] += hits[block[present] + row * width[present] + column[present]]
    w = _TITLE_WEIGHTS
    spread = counts / sentences
    z = w[1] * spread + w[2] * np.sqrt(spread)
    z = np.where(hits[block + column] > 0, z + w[3], z)
    z = np.where(hits[block + focus * width + column] > 0, z + w[4], z)
    z = np.where(np.frombuffer(bytes(in_aim), dtype=np.uint8) > 0, z + w[5], z)
    return np.where(np.frombuffer(bytes(defined), dtype=np.uint8) > 0, z + w[13], z)


class _OddsTable:
    """The pieces of each word a title may use, by the word's id in digest.tagging's
    vocabulary: for word i, pieces first[i] to first[i] + count[i] (count -1 until first
    needed), each a stem (its number in `stem_names`) and the weighted features of the
    piece alone (`_word_parts`). Remembered for the process, for one set of rates and
    weights."""

    def __init__(self, rates: TitleRates, weights: tuple[float, ...]) -> None:
        self.rates, self.weights_of = rates, weights
        self.first = np.zeros(0, dtype=np.intp)
        self.count = np.zeros(0, dtype=np.intp)
        self.stems = np.zeros(0, dtype=np.intp)
        self.weights = np.zeros(0)
        self.stem_names: list[str] = []
        self._stem_ids: dict[str, int] = {}

    def pieces_of(
        self, ids: np.ndarray[Any, Any]
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """Where each word's pieces start, and how many it has."""
        size = len(vocabulary().words)
        if size > len(self.count):
            self.first = grown_array(self.first, size, 0)
            self.count = grown_array(self.count, size, -1)
        unknown = ids[self.count[ids] < 0]
        if len(unknown):
            self._add(np.unique(unknown).tolist())
        return self.first[ids], self.count[ids]

    def _add(self, ids: list[int]) -> None:
        words = vocabulary().words
        stems: list[int] = []
        weights: list[float] = []
        for id_ in ids:
            parts = _word_parts(words[id_], self.rates)
            self.first[id_] = len(self.stems) + len(stems)
            self.count[id_] = len(parts)
            for stem, weight in parts:
                number = self._stem_ids.get(stem)
                if number is None:
                    number = self._stem_ids[stem] = len(self.stem_names)
                    self.stem_names.append(stem)
                stems.append(number)
                weights.append(weight)
        self.stems = np.concatenate([self.stems, np.array(stems, dtype=np.intp)])
        self.weights = np.concatenate([self.weights, np.array(weights)])


def _odds_table() -> _OddsTable:
    """The table for the rates and weights in use (tests and fitting may change them)."""
    global _ODDS_TABLE
    rates = load_title_rates()
    if (
        _ODDS_TABLE is None
        or _ODDS_TABLE.rates is not rates
        or _ODDS_TABLE.weights_of is not _TITLE_WEIGHTS
    ):
        _ODDS_TABLE = _OddsTable(rates, _TITLE_WEIGHTS)
    return _ODDS_TABLE


_ODDS_TABLE: _OddsTable | None = None


_PIECE: Final = re.compile(r"[A-Za-z0-9]+")
_NOTHING: Final = (0.0, 0)
# A word is one of the field's commonest when the candidate phrases of this many abstracts
# of SciTLDR train (of 1,986) use it.
FIELD_PAPERS = 150
# ... and a phrase of at most this many words that only they make is the field's.
FIELD_WORDS = 3


def title_pieces(word: str) -> list[str]:
    """The words ROUGE makes of a word: its runs of ASCII letters and digits."""
    return _PIECE.findall(word)


@dataclass(frozen=True)
class TitleContext:
    """What the title odds of a word depend on, beyond the word."""

    lowered: list[str]  # the sentences, lowercased
    focus: int  # the focus sentence's index
    aim: frozenset[str]  # stems of what "we propose/study" names
    defined: frozenset[str]  # ... of the words an acronym stands for: "policy gradient (PG)"


def title_context(sentences: list[str], focus: int, aim: Sequence[str]) -> TitleContext:
    defined = [
        w
        for s in sentences
        if "(" in s
        for m in _ACRONYM.finditer(s)
        for w in WORD.findall(s[max(0, m.start() - 60) : m.start()].lower())[-4:]
        if w not in STOP_WORDS
    ]
    return TitleContext(
        [s.lower() for s in sentences] or [""],
        focus if 0 <= focus < len(sentences) else 0,
        frozenset(stem_of(p.lower()) for w in aim for p in _PIECE.findall(w)),
        frozenset(stem_of(p) for w in defined for p in _PIECE.findall(w)),
    )


def title_features(
    word: str,
    context: TitleContext,
    rates: TitleRates,
    joined: bool = False,
    own: tuple[int, int] = (0, 0),
) -> list[float]:
    """The features of a word (a piece of one, if `joined` by hyphens to others) that
    _TITLE_WEIGHTS weigh, in their order. A stem is looked for as a substring of each
    sentence: it finds "network" in "networks" at C speed. `own` is the paper's own count in
    `rates` (papers, titles), left out when fitting."""
    lower = word.lower()
    stem = stem_of(lower)
    lowered = context.lowered
    spread = sum(1 for s in lowered if stem in s) / len(lowered)
    features = [
        1.0,
        spread,
        math.sqrt(spread),
        float(stem in lowered[0]),
        float(stem in lowered[context.focus]),
        float(stem in context.aim),
        float(lower in STOP_WORDS),
        float(lower in GENERIC_WORDS or lower in KIND_HEADS),
        float(not word.islower() and any(ch.isupper() for ch in word[1:])),
        float(word[:1].isupper()),
        min(len(word), 12) / 12,
        float(joined),
        float(has_digit(word)),
        float(stem in context.defined),
    ]
    function = [0.0] * len(_FUNCTION_INDEX)
    if lower in _FUNCTION_INDEX:
        function[_FUNCTION_INDEX[lower]] = 1.0
    return features + function + list(rates.rate(stem, *own))


def title_odds(word: str, context: TitleContext, rates: TitleRates, joined: bool = False) -> float:
    """The logistic of _TITLE_WEIGHTS times title_features, in two parts: what depends on
    the word alone is remembered across abstracts (`_word_weight`), what depends on the
    abstract is added by `_in_abstract`."""
    stem, z = _word_weight(word, joined, rates)
    return 1 / (1 + math.exp(-z - _in_abstract(stem, context)))


def _in_abstract(stem: str, context: TitleContext) -> float:
    """The weighted features of a word's stem that depend on the abstract."""
    w = _TITLE_WEIGHTS
    lowered = context.lowered
    spread = sum(map(contains, lowered, repeat(stem))) / len(lowered)
    z = w[1] * spread + w[2] * math.sqrt(spread)
    if stem in lowered[0]:
        z += w[3]
    if stem in lowered[context.focus]:
        z += w[4]
    if stem in context.aim:
        z += w[5]
    if stem in context.defined:
        z += w[13]
    return z


def _word_parts(word: str, rates: TitleRates) -> tuple[tuple[str, float], ...]:
    """The stem and the weighted features of the word alone of each piece of a word."""
    found = _WORD_PARTS.get(word)
    if found is None or found[0] is not rates or found[1] is not _TITLE_WEIGHTS:
        pieces = _PIECE.findall(word)
        joined = len(pieces) > 1
        found = (rates, _TITLE_WEIGHTS, tuple(_word_weight(p, joined, rates) for p in pieces))
        if len(_WORD_PARTS) < MEMO_SIZE:
            _WORD_PARTS[word] = found
    return found[2]


_WORD_PARTS: dict[str, tuple[TitleRates, tuple[float, ...], tuple[tuple[str, float], ...]]] = {}


def _word_weight(word: str, joined: bool, rates: TitleRates) -> tuple[str, float]:
    """A word's stem and the part of its weighted features that depends on the word alone."""
    w = _TITLE_WEIGHTS
    lower = word.lower()
    stem = stem_of(lower)
    z = w[0] + w[10] * min(len(word), 12) / 12
    if lower in STOP_WORDS:
        z += w[6]
    if lower in GENERIC_WORDS or lower in KIND_HEADS:
        z += w[7]
    if not word.islower() and any(ch.isupper() for ch in word[1:]):
        z += w[8]
    if word[:1].isupper():
        z += w[9]
    if joined:
        z += w[11]
    if has_digit(word):
        z += w[12]
    if lower in _FUNCTION_INDEX:
        z += w[14 + _FUNCTION_INDEX[lower]]
    rate, seen = rates.rate(stem)
    z += w[14 + len(_FUNCTION_INDEX)] * rate + w[15 + len(_FUNCTION_INDEX)] * seen
    return stem, z


def stem_of(lower: str) -> str:
    stem = _STEMS.get(lower)
    if stem is None:
        stem = str(_STEMMER.stemWord(lower))
        if len(_STEMS) < MEMO_SIZE:
            _STEMS[lower] = stem
    return stem


# Answers remembered across papers: a week of abstracts repeats most of its words.
_STEMS: dict[str, str] = {}
