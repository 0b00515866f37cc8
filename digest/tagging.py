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
from typing import Final

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
