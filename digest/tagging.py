"""Parts of speech for the words of English abstracts: offline, in microseconds, no model to load.

A word's tag is the one it most often has in a lexicon learned from 680,000 words of
scientific abstracts (tagged by spaCy's en_core_web_sm, then counted: see bench/tagging.py,
which also compares this with the other offline options), weighed by how likely that tag is
after the previous word's; a word the lexicon lacks is tagged by its shape and its last
letters. About 94% of words get the same tag as spaCy's tagger (see bench/tagging.py), at a
fraction of its cost: importing this module costs nothing, the lexicon (200 KB) is read on
first use in about 20 ms, and tagging runs at about a million words a second.

Tags are Penn Treebank tags, a few merged: NN NNS NNP (and NNPS) JJ (JJR JJS) RB (RBR RBS RP)
VB (VBP) VBD VBG VBN VBZ MD IN TO DT (PDT) CC CD PRP (PRP$ EX) W (WDT WP WP$ WRB) POS, PUNCT
for punctuation and X for the rest.

    >>> tag_words(["We", "introduce", "a", "dataset", "of", "math", "problems", "."])
    ['PRP', 'VB', 'DT', 'NN', 'IN', 'NN', 'NNS', 'PUNCT']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

import numpy as np

TAGS: Final = (
    *("NN", "NNS", "NNP", "JJ", "RB", "VB", "VBD", "VBG", "VBN", "VBZ", "MD", "IN", "TO"),
    *("DT", "CC", "CD", "PRP", "W", "POS", "PUNCT", "X"),
)
NOUNS: Final = frozenset({"NN", "NNS", "NNP"})
VERBS: Final = frozenset({"VB", "VBD", "VBZ", "MD"})  # finite verbs; VBG/VBN are apart
# Words and punctuation as tag_words expects them: hyphenated words and numbers whole
# ("pre-trained", "8.5K").
TOKEN: Final = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*|[^\w\s]")
# Suffixes looked up for a word the lexicon lacks, longest first.
SUFFIX_LENGTHS: Final = (4, 3, 2, 1)
# How much the previous tag weighs against the word's own tag odds.
CONTEXT_WEIGHT: Final = 1.0
LEXICON_FILE: Final = "tagging_lexicon.tsv"
_MAX_WORD: Final = 40  # a longer "word" is tagged X without a lookup
_SENTENCE_ENDS: Final = frozenset({".", ":", "!", "?"})
_UNSEEN: Final = 0.01  # the fit of two tags never seen in a row
# Each word's options, remembered: a week of abstracts repeats most of its words.
_CACHE: dict[str, tuple[tuple[str, float], ...]] = {}
_OPENING_CACHE: dict[str, tuple[tuple[str, float], ...]] = {}  # ... opening a sentence
_CACHE_SIZE: Final = 200_000


@dataclass(frozen=True)
class Lexicon:
    """Tag odds per word and per suffix, and how well each tag follows each tag.

    A word's odds are kept as written in the file and read when first looked up: most of
    the 13,000 words are never needed by a build, and reading them all cost more than
    importing the rest of digest.
    """

    words: dict[str, str]  # word -> "TAG:odds TAG:odds"
    suffixes: dict[str, tuple[tuple[str, float], ...]]
    # How much likelier each pair of tags is in a row than by chance.
    fits: dict[tuple[str, str], float]

    def odds(self, word: str) -> tuple[tuple[str, float], ...] | None:
        """The listed word's tags and their odds, likeliest first; None if not listed."""
        raw = self.words.get(word)
        return None if raw is None else _parsed_odds(raw)


@functools.lru_cache(maxsize=4096)
def _parsed_odds(raw: str) -> tuple[tuple[str, float], ...]:
    # Many words share their odds ("NN:0.67 JJ:0.33"): each string is read once.
    return tuple((tag, float(p)) for tag, _, p in (item.partition(":") for item in raw.split()))


def tokenize(text: str) -> list[str]:
    """The words and punctuation marks of `text`, as tag_words takes them."""
    return TOKEN.findall(text)


def tag_words(words: Sequence[str]) -> list[str]:
    """One tag per word, left to right: the tag that best fits the word, the tag chosen for
    the word before and the likeliest tag of the word after (naive Bayes over the three)."""
    lexicon = load_lexicon()
    options = []
    opening = True
    for word in words:
        cache = _OPENING_CACHE if opening else _CACHE
        found = cache.get(word)
        if found is None:
            found = _options(lexicon, word, opening)
            if len(cache) < _CACHE_SIZE:
                cache[word] = found
        options.append(found)
        opening = word in _SENTENCE_ENDS
    fits = lexicon.fits
    tags: list[str] = []
    previous = "START"
    last = len(options) - 1
    for i, choices in enumerate(options):
        if len(choices) == 1:
            tag = choices[0][0]
        else:
            following = options[i + 1][0][0] if i < last else "END"
            best = -1.0
            for option, odds in choices:
                fit = (
                    odds
                    * fits.get((previous, option), _UNSEEN)
                    * fits.get((option, following), _UNSEEN)
                )
                if fit > best:  # the first of equals, as max() would
                    tag, best = option, fit
        tags.append(tag)
        previous = tag
    return tags


def word_tags(word: str) -> tuple[tuple[str, float], ...]:
    """The tags a word can have out of context, likeliest first, with their odds: what a
    word can be in a phrase whose sentence is not at hand ("models": NNS 0.9, VBZ 0.1)."""
    return _options(load_lexicon(), word, True)


def tag_text(text: str) -> list[tuple[str, str]]:
    """(word, tag) for each word and punctuation mark of `text`."""
    words = tokenize(text)
    return list(zip(words, tag_words(words), strict=True))


# --- many sentences at once ------------------------------------------------------------------

# Where the tags of a batch are numbers: TAGS by position, then the two ends of a sentence.
TAG_INDEX: Final = {tag: i for i, tag in enumerate(TAGS)}
_START: Final = len(TAGS)
_END: Final = len(TAGS) + 1


class Vocabulary:
    """Every word tagged so far, numbered in the order first seen, and its options (as
    `_options` gives them, in a sentence and opening one) as rows of a table of the distinct
    options: what `tag_words` looks up word by word, looked up for a whole batch by numpy.
    Grows as words come; one for the process (`vocabulary()`)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        # The row of each word's options: [opening][id] (capacity beyond len(words) unused).
        self.rows = np.zeros((2, 1024), dtype=np.int32)
        self.ends = np.zeros(1024, dtype=bool)  # whether the word ends a sentence
        self._row_of: dict[tuple[tuple[str, float], ...], int] = {}
        # The distinct options: tag indices (padded with -1) and odds (padded with -1).
        self.option_tags = np.zeros((0, 1), dtype=np.intp)
        self.option_odds = np.zeros((0, 1))

    def number(self, words: list[str]) -> np.ndarray[Any, Any]:
        """The id of each word; new words are added."""
        found = list(map(self.ids.get, words))
        if None in found:
            new: list[str] = []
            for i, id_ in enumerate(found):
                if id_ is None:
                    word = words[i]
                    id_ = self.ids.get(word)
                    if id_ is None:
                        id_ = self.ids[word] = len(self.words)
                        self.words.append(word)
                        new.append(word)
                    found[i] = id_
            self._add(new)
        return np.array(found, dtype=np.intp)

    def _add(self, new: list[str]) -> None:
        lexicon = load_lexicon()
        size = len(self.words)
        if size > self.rows.shape[1]:
            # Twice the room, so that adding words costs a copy now and then, not each time.
            grown = np.zeros((2, max(size, 2 * self.rows.shape[1])), dtype=np.int32)
            grown[:, : self.rows.shape[1]] = self.rows
            self.rows = grown
            self.ends = np.resize(self.ends, grown.shape[1])
        first = size - len(new)
        self.ends[first:size] = [word in _SENTENCE_ENDS for word in new]
        for opening in (0, 1):
            options = [_options(lexicon, word, bool(opening)) for word in new]
            self.rows[opening, first:size] = [self._row(choices) for choices in options]

    def _row(self, options: tuple[tuple[str, float], ...]) -> int:
        row = self._row_of.get(options)
        if row is None:
            row = self._row_of[options] = len(self._row_of)
            width = max(self.option_tags.shape[1], len(options))
            tags = np.full((row + 1, width), -1, dtype=np.intp)
            odds = np.full((row + 1, width), -1.0)
            tags[:row, : self.option_tags.shape[1]] = self.option_tags
            odds[:row, : self.option_odds.shape[1]] = self.option_odds
            for column, (tag, p) in enumerate(options):
                tags[row, column] = TAG_INDEX[tag]
                odds[row, column] = p
            self.option_tags, self.option_odds = tags, odds
        return row


@functools.cache
def vocabulary() -> Vocabulary:
    """The process's vocabulary (see `Vocabulary`)."""
    return Vocabulary()


@functools.cache
def _fit_matrix() -> np.ndarray[Any, Any]:
    """How well each tag follows each: `Lexicon.fits` as a matrix by TAG_INDEX, with rows
    and columns for the start and the end of a sentence."""
    fits = np.full((len(TAGS) + 2, len(TAGS) + 2), _UNSEEN)
    names = [*TAGS, "START", "END"]
    for (a, b), fit in load_lexicon().fits.items():
        fits[names.index(a), names.index(b)] = fit
    return fits


def tag_batch(
    words: list[str], starts: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """`tag_words` of many sentences at once: `words` holds their words one sentence after
    another, and `starts` is True where a sentence starts. The ids of the words in
    `vocabulary()` and the index in TAGS of each word's tag, exactly as tag_words tags it.

    A word's tag depends on the tag chosen before it, so it is chosen in rounds: first every
    word with one option and every word whose sentence it opens, then each word right after
    those, and so on; a round is a few numpy operations over all the words it decides.
    """
    table = vocabulary()
    ids = table.number(words)
    n = len(words)
    if not n:
        return ids, np.zeros(0, dtype=np.intp)
    # As tag_words reads them: a word opens a sentence at its start and after a sentence end.
    opening = starts.copy()
    opening[1:] |= table.ends[ids[:-1]]
    rows = table.rows[opening.view(np.int8), ids]
    tags = table.option_tags[rows, 0]
    following = np.empty(n, dtype=np.intp)
    following[:-1] = np.where(starts[1:], _END, tags[1:])
    following[-1] = _END
    fits = _fit_matrix()
    undecided = (
        table.option_tags[rows, 1] >= 0
        if table.option_tags.shape[1] > 1
        else np.zeros(n, dtype=bool)
    )
    while undecided.any():
        # A word is decided once the one before it is, or when it opens its sentence.
        ready = undecided.copy()
        ready[1:] &= ~undecided[:-1] | starts[1:]
        at = np.flatnonzero(ready)
        previous = np.where(starts[at], _START, tags[at - 1])
        choices = table.option_tags[rows[at]]
        # The option's odds x its fit after the tag before x its fit before the likeliest
        # tag of the word after, multiplied in tag_words' order; the first of equals wins.
        score = table.option_odds[rows[at]] * fits[previous[:, None], choices]
        score *= fits[choices, following[at, None]]
        score[choices < 0] = -np.inf
        tags[at] = choices[np.arange(len(at)), np.argmax(score, axis=1)]
        undecided[at] = False
    return ids, tags


def _options(lexicon: Lexicon, word: str, opening: bool) -> tuple[tuple[str, float], ...]:
    if len(word) > _MAX_WORD:
        return (("X", 1.0),)
    if not word[0].isalnum():
        return (("PUNCT", 1.0),)
    lower = word.lower()
    if lower != word and not opening:
        return (("NNP", 1.0),)  # "Codex", "GPT-3", "ImageNet" inside a sentence
    known = lexicon.odds(lower)
    if known is not None:
        return known
    if any(ch.isdigit() for ch in word):
        return (("CD", 1.0),) if _is_number(word) else (("NNP", 1.0),)
    if opening and any(ch.isupper() for ch in word[1:]):
        return (("NNP", 1.0),)
    if "-" in lower:
        found = lexicon.odds(lower.rsplit("-", 1)[1])
        if found is not None:
            return found
    for size in SUFFIX_LENGTHS:
        guessed = lexicon.suffixes.get(lower[-size:])
        if guessed is not None:
            return guessed
    return (("NN", 1.0),)


def _is_number(word: str) -> bool:
    return word.replace(",", "").replace(".", "").isdigit()


@functools.cache
def load_lexicon() -> Lexicon:
    """The lexicon shipped with digest (read once per process)."""
    text = resources.files("digest").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return parse_lexicon(text)


def parse_lexicon(text: str) -> Lexicon:
    """Lines "w<TAB>word<TAB>TAG:odds ...", "s<TAB>suffix<TAB>..." and "t<TAB>TAG<TAB>TAG:share
    ..." (the share of all pairs of tags that are the first then the second)."""
    words = dict(_WORD_LINE.findall(text))
    suffixes = {key: _parsed_odds(raw) for key, raw in _SUFFIX_LINE.findall(text)}
    pairs = {(key, tag): p for key, raw in _PAIR_LINE.findall(text) for tag, p in _parsed_odds(raw)}
    first: dict[str, float] = {}
    second: dict[str, float] = {}
    for (a, b), p in pairs.items():
        first[a] = first.get(a, 0.0) + p
        second[b] = second.get(b, 0.0) + p
    fits = {(a, b): p / (first[a] * second[b]) for (a, b), p in pairs.items()}
    return Lexicon(words, suffixes, fits)


_WORD_LINE: Final = re.compile(r"^w\t([^\t\n]+)\t([^\n]*)$", re.MULTILINE)
_SUFFIX_LINE: Final = re.compile(r"^s\t([^\t\n]+)\t([^\n]*)$", re.MULTILINE)
_PAIR_LINE: Final = re.compile(r"^t\t([^\t\n]+)\t([^\n]*)$", re.MULTILINE)
