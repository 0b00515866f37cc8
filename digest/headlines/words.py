"""Headlines: a sentence's words and the class of each, one letter, so that phrases are
regular expressions on a string.

N noun, J adjective, E empty modifier ("novel"), M number or other modifier, V past participle,
G gerund, R adverb, B base verb, D determiner, P preposition, C "and", t "to", brackets, x the
rest. A word's class comes from its part-of-speech tag (`digest.tagging`) and the word lists
here; `classified_sentence` classes one sentence, `classify` many at once with numpy.

It also holds what the other modules share: a headline's and a name's most words, the
sentences searched for the aim, the generic words and the aim verbs, the word pattern.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from digest.tagging import (
    NOUNS,
    TAG_INDEX,
    TAGS,
    tag_batch,
    tag_words,
    tokenize,
    vocabulary,
    word_tags,
)

# A name longer than this is a description, not a name.
MAX_NAME_WORDS: Final = 8


# A headline reads like a title: at most this many words (titles have 8 on average).
MAX_HEADLINE_WORDS: Final = 10
# Sentences searched for what the paper says it does, besides the focus sentence.
AIM_SENTENCES: Final = 12


# Words that say nothing about a paper's subject on their own: a phrase neither starts nor ends
# with one ("Models", "Results", "report documents ideas").
GENERIC_WORDS: Final = frozenset(
    {"approach", "method", "model", "paper", "work", "result", "task", "problem", "study"}
    | {"approaches", "methods", "models", "papers", "results", "tasks", "problems", "studies"}
    | {"performance", "new", "novel", "different", "various", "show", "use", "based", "way"}
    | {"technique", "framework", "system", "algorithm", "setting", "data", "experiment"}
    | {"techniques", "frameworks", "systems", "algorithms", "settings", "experiments"}
    | {"report", "article", "existing", "recent", "key", "simple", "general", "specific"}
)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# "We propose/introduce/study X", "this paper presents X": X is what the paper is about.
AIMS: Final = frozenset(
    {"propose", "introduce", "present", "study", "investigate", "explore", "examine"}
    | {"develop", "describe", "consider", "address", "analyze", "analyse", "design"}
    | {"formulate", "tackle", "revisit", "focus", "derive", "provide", "offer", "establish"}
    | {"proposes", "introduces", "presents", "studies", "investigates", "explores"}
    | {"examines", "develops", "describes", "considers", "addresses", "analyzes", "analyses"}
    | {"designs", "formulates", "tackles", "revisits", "focuses", "derives", "provides"}
)


# Opening a noun phrase, dropped from a headline: "the", "our", "this".
DETERMINERS: Final = frozenset({"a", "an", "the", "our", "this", "these", "its", "their"})
# Prepositions a title's phrase goes on with: "X of Y", "X for Y", "X with Y".
_PREPOSITIONS: Final = frozenset(
    {"of", "for", "in", "on", "with", "via", "from", "under", "through", "across", "between"}
    | {"over", "without", "towards", "toward", "against", "beyond", "within", "among", "at"}
    | {"as"}
)
# Heads that name only the kind of contribution: "a novel approach for X" is about X.
KIND_HEADS: Final = frozenset(
    {"approach", "method", "technique", "way", "problem", "task", "concept", "notion", "use"}
    | {"idea", "avenue", "family", "class", "question", "issue", "means", "strategy"}
    | {"approaches", "methods", "techniques", "ways", "problems", "tasks", "strategies"}
)
# Modifiers that say only that a contribution is a contribution.
_EMPTY_MODIFIERS: Final = frozenset(
    {"novel", "new", "simple", "general", "first", "alternative", "such", "celebrated", "other"}
    | {"several", "many", "various", "different", "two", "three", "some", "certain", "recent"}
    | {"few", "intuitive", "existing", "current", "standard", "typical"}
)
# A content word right after these is a verb: "to increase X", "we fine-tune X".
_BEFORE_VERBS: Final = frozenset(
    {"to", "we", "i", "they", "can", "will", "may", "that", "which", "who"}
)
_NOT_NOUNS: Final = frozenset({"et", "al", "i.e", "e.g", "etc"})
# Verbs that give a name: a phrase stops before them ("an architecture coined as Gram-Net").
_NAMING: Final = frozenset({"called", "named", "dubbed", "termed", "coined"})
# Words that point back to what an earlier sentence said: a phrase stops before them ("such
# attacks", "progress on this problem", "the speed of these algorithms").
_ANAPHORS: Final = frozenset({"such", "this", "these", "those"})
_NOT_GERUNDS: Final = frozenset({"using", "including", "following"})
# "order" after "in" ("in order to", "in order for"): no noun.
_ORDER: Final = frozenset({"order", "Order"})

# Each word's class, one letter, for the phrase patterns below:
# N noun, J adjective, E empty modifier ("novel"), M number or other modifier ("8.5K"),
# V past participle, G gerund, R adverb, B base verb, D determiner, P preposition, C "and",
# t "to", ( and ) brackets, x anything else (a verb, punctuation, ...).
_CLASS_OF_TAG: Final = {
    "NN": "N", "NNS": "N", "NNP": "N", "JJ": "J", "CD": "M", "VBN": "V", "VBG": "G",
    "RB": "R", "VB": "B",
}  # fmt: skip
_CLASS_OF_WORD: Final = {
    **{w: "D" for w in DETERMINERS},
    **{w: "P" for w in _PREPOSITIONS},
    **{w: "x" for w in _NOT_NOUNS | _NAMING | _ANAPHORS},
    "and": "C",
    "to": "t",
    ",": ",",
    "(": "(",
    ")": ")",
}
_CONTENT_CLASSES: Final = frozenset("NnJEMVGR")
# A noun group: modifiers (an adverb only before an adjective or participle: "procedurally
# generated"), ending on a noun; after its first noun a participle opens a clause ("agent
# following ..."), but a gerund with nothing after it but punctuation, a bracket or "and" ends
# the noun ("machine unlearning", "question answering."; not "Roughness-informed machine").
GROUP: Final = r"(?:[JVGMEn]|R(?=[JV]))*N(?:(?:[JMENn]|R(?=J))*N)?(?:G(?=[.,()C]|$))?"
# A head: a noun group, or a gerund with its object ("learning to predict sets").
HEAD: Final = rf"G(?:tB)?D?{GROUP}|{GROUP}"
HEADS: Final = re.compile(HEAD)
# What may follow a phrase: a short bracket, then a prepositional phrase, a participle with
# one ("trained on X"), or "and" another noun group; or a short bracket and the rest of the
# noun group it interrupts ("a generic text-to-speech (TTS) engine", "a von Mises-Fisher
# (vMF) hashing loss": not "Generic text-to-speech").
MORE: Final = re.compile(
    rf"(?:\([^()]{{0,6}}\))?(?:(?:V?P)D?(?:{HEAD})|C(?=[DJVGMENR])D?{GROUP})"
    rf"|\([^()]{{0,6}}\){GROUP}"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence's words and their classes, as phrases are found in it."""

    words: list[str]
    classes: str
    # Whether a headline may keep each word: not punctuation, not in brackets, no anaphor.
    keeps: list[bool]
    # How many words it may keep before each position (one more entry than words).
    counts: list[int]


@functools.lru_cache(maxsize=64)
def classified_sentence(sentence: str) -> Sentence:
    """A sentence's words and the class of each; remembered, as the name, the aim and the
    candidate phrases of one abstract look at the same few sentences (callers never change
    them). The plain, word-by-word definition: `classify` classes many sentences at once,
    the same to the bit (tests/test_headlines.py holds one to the other)."""
    words = tokenize(sentence)
    tags = tag_words(words)
    classes: list[str] = []
    append = classes.append
    by_word = _WORD_CLASSES
    after_verb_cue = False  # the word before was "to", "we", "can", ...
    after_to = False
    after_in = False
    for word, tag in zip(words, tags, strict=True):
        by_tag = by_word.get(word)
        if by_tag is None:
            by_tag = {}
            if len(by_word) < MEMO_SIZE:
                by_word[word] = by_tag
        kind = by_tag.get(tag)
        if kind is None:
            kind = by_tag[tag] = _word_class(word, tag)
        if after_verb_cue and kind in _VERB_LIKE:
            # A verb: "to increase X", "we fine-tune X".
            kind = "B" if after_to and _may_be_verb(word.lower()) else "x"
        elif after_in and word in _ORDER:
            kind = "x"  # "in order to": no noun, a phrase ends before it ("trust system")
        append(kind)
        after_verb_cue = tag == "MD" or word in _BEFORE_VERBS_CASED
        after_to = word == "to" or word == "To"
        after_in = word == "in" or word == "In"
    if "et" in words:
        for i in range(1, len(words)):
            if words[i] == "et" and classes[i - 1] in _CONTENT_CLASSES:
                classes[i - 1] = "x"  # "Anil et al.": an author, not what the paper is about
    text = "".join(classes)
    # What brackets hold is never kept: "(RL)", "(e.g. X)".
    outside = _BRACKETED.sub(lambda m: "x" * len(m.group()), text) if "(" in text else text
    keeps = [kind not in _NEVER_KEPT for kind in outside]
    return Sentence(words, text, keeps, list(itertools.accumulate(keeps, initial=0)))


@dataclass(frozen=True)
class Batch:
    """Sentences classified together, and their words one sentence after another, as the
    title odds of a batch are weighed."""

    sentences: list[Sentence]
    offsets: list[int]  # where each sentence's words start among all (one more than sentences)
    ids: np.ndarray[Any, Any]  # each word's id in digest.tagging's vocabulary
    keeps: np.ndarray[Any, Any]  # whether a headline may keep each word
    kinds: np.ndarray[Any, Any]  # each word's class, as an ASCII code


def classify(sentences: Sequence[str]) -> Batch:
    """The words of each sentence and the class of each word, for many sentences at once:
    they are tagged together (`tag_batch`) and classed by numpy from a table of each word's
    class by its tag, in a few operations over all their words.

    The class is `_word_class`'s, but for a content word right after a verb cue, which is a
    verb ("to increase X", "we fine-tune X"), and for a name before "et al.", which is an
    author, not what the paper is about.
    """
    tokenized = [tokenize(sentence) for sentence in sentences]
    words = [word for sentence_words in tokenized for word in sentence_words]
    offsets = list(itertools.accumulate(map(len, tokenized), initial=0))
    starts = np.zeros(len(words) + 1, dtype=bool)
    starts[offsets] = True
    starts = starts[:-1]
    ids, tags = tag_batch(words, starts)
    table = word_table()
    kinds = table.kinds_of(ids, tags)
    # What the word before says: a verb cue, "to", or that this word is "et".
    before = np.zeros(len(words), dtype=np.uint8)
    before[1:] = table.cues[ids[:-1]]
    before[1:] |= np.where(tags[:-1] == _MD, _CUE, 0).astype(np.uint8)
    before[starts] = 0
    verbs = np.flatnonzero((before & _CUE).astype(bool) & _VERB_LIKE_CODES[kinds])
    if len(verbs):
        after_to = (before[verbs] & _TO).astype(bool)
        kinds[verbs] = np.where(after_to & table.may_be_verbs(ids[verbs]), ord("B"), ord("x"))
    # "in order to": no noun, a phrase ends before it ("trust system", not "... in order").
    kinds[(before & _IN).astype(bool) & (table.cues[ids] & _ORDER_CUE).astype(bool)] = ord("x")
    authors = np.flatnonzero((table.cues[ids] & _ET).astype(bool) & ~starts)
    if len(authors):
        named = authors - 1
        kinds[named[_CONTENT_CODES[kinds[named]]]] = ord("x")
    text = kinds.tobytes().decode("ascii")
    keeps = ~_NEVER_KEPT_CODES[kinds]
    for start, end in itertools.pairwise(offsets):
        if "(" in text[start:end]:
            # What brackets hold is never kept: "(RL)", "(e.g. X)".
            outside = _BRACKETED.sub(lambda m: "x" * len(m.group()), text[start:end])
            keeps[start:end] = [kind not in _NEVER_KEPT for kind in outside]
    kept, counts = _kept_and_counts(keeps, offsets)
    classified = [
        Sentence(sentence_words, text[start:end], kept[start:end], counts[start + i : end + i + 1])
        for i, (sentence_words, start, end) in enumerate(
            zip(tokenized, offsets[:-1], offsets[1:], strict=True)
        )
    ]
    return Batch(classified, offsets, ids, keeps, kinds)


def _kept_and_counts(
    keeps: np.ndarray[Any, Any], offsets: list[int]
) -> tuple[list[bool], list[int]]:
    """`keeps` as a list, and the running counts of kept words of each sentence (from 0,
    one more than its words) one after another: the counts of the sentence at
    `offsets[i]:offsets[i + 1]` are at `offsets[i] + i : offsets[i + 1] + i + 1`."""
    total = np.zeros(len(keeps) + 1, dtype=np.intp)
    np.cumsum(keeps, out=total[1:])
    starts = np.array(offsets[:-1], dtype=np.intp)
    sizes: np.ndarray[Any, Any] = np.diff(np.array(offsets, dtype=np.intp)) + 1
    # Each sentence's positions from its start to one past its end, and its start beside.
    first = np.repeat(starts, sizes)
    at = first + np.arange(len(first)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return keeps.tolist(), (total[at] - total[first]).tolist()


class _WordTable:
    """What classing a word needs of it, by its id in digest.tagging's vocabulary, looked up
    by numpy: its class by tag (as `_word_class` gives it, 0 until first needed), whether it
    is a verb cue, "to" or "et", and whether it may be a base verb (-1 until first needed).
    Remembered for the process: a week of abstracts repeats most of its words."""

    def __init__(self) -> None:
        self.size = 0  # words of the vocabulary known here
        self.kinds = np.zeros((0, len(TAGS)), dtype=np.uint8)
        self.cues = np.zeros(0, dtype=np.uint8)
        self.verbs = np.zeros(0, dtype=np.int8)

    def _grow(self) -> None:
        words = vocabulary().words
        if len(words) <= self.size:
            return
        if len(words) > len(self.cues):
            self.kinds = grown_array(self.kinds, len(words), 0)
            self.cues = grown_array(self.cues, len(words), 0)
            self.verbs = grown_array(self.verbs, len(words), -1)
        new = words[self.size :]
        self.cues[self.size : len(words)] = [
            (_CUE if w in _BEFORE_VERBS_CASED else 0)
            | (_TO if w in ("to", "To") else 0)
            | (_ET if w == "et" else 0)
            | (KIND_HEAD if w.lower() in KIND_HEADS else 0)
            | (_IN if w in ("in", "In") else 0)
            | (_ORDER_CUE if w in _ORDER else 0)
            for w in new
        ]
        self.size = len(words)

    def kinds_of(
        self, ids: np.ndarray[Any, Any], tags: np.ndarray[Any, Any]
    ) -> np.ndarray[Any, Any]:
        """The class of each word by its tag, as ASCII codes (a new array)."""
        self._grow()
        kinds = self.kinds[ids, tags]
        unknown = np.flatnonzero(kinds == 0)
        if len(unknown):
            words = vocabulary().words
            pairs = np.unique(ids[unknown] * len(TAGS) + tags[unknown])
            for id_, tag in zip(*np.divmod(pairs, len(TAGS)), strict=True):
                self.kinds[id_, tag] = ord(_word_class(words[id_], TAGS[tag]))
            kinds = self.kinds[ids, tags]
        return np.asarray(kinds)

    def may_be_verbs(self, ids: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """`_may_be_verb` of each word, lowercased."""
        unknown = ids[self.verbs[ids] < 0]
        if len(unknown):
            words = vocabulary().words
            for id_ in np.unique(unknown).tolist():
                self.verbs[id_] = _may_be_verb(words[id_].lower())
        return np.asarray(self.verbs[ids] > 0)


def grown_array(array: np.ndarray[Any, Any], size: int, fill: int) -> np.ndarray[Any, Any]:
    """`array` with room for `size` rows, new ones `fill`: at least twice the rows it had, so
    that a growing vocabulary costs a copy now and then, not each batch."""
    capacity = max(size, 2 * len(array), 1024)
    grown = np.full((capacity, *array.shape[1:]), fill, dtype=array.dtype)
    grown[: len(array)] = array
    return grown


@functools.cache
def word_table() -> _WordTable:
    return _WordTable()


_CUE: Final = 1  # a word after which a content word is a verb ("we", "to", "can", ...)
_TO: Final = 2  # "to": the verb after it is in its base form
_ET: Final = 4  # "et", of "et al."
KIND_HEAD: Final = 8  # one of KIND_HEADS: "approach", "method", ...
_IN: Final = 16  # "in", of "in order to"
_ORDER_CUE: Final = 32  # "order", of "in order to"
_MD: Final = TAG_INDEX["MD"]


def _code_mask(classes: Iterable[str]) -> np.ndarray[Any, Any]:
    """Which ASCII codes are of `classes`, as a table to index with codes."""
    mask = np.zeros(128, dtype=bool)
    mask[[ord(kind) for kind in classes]] = True
    return mask


# A bracket and what it holds, innermost first.
_BRACKETED: Final = re.compile(r"\([^()]*\)?|\)")
# Classes a verb cue before turns into a verb.
_VERB_LIKE: Final = frozenset("NnJEMVG")
_VERB_LIKE_CODES: Final = _code_mask(_VERB_LIKE)


def _word_class(word: str, tag: str) -> str:
    """The class of a word given its tag, whatever the words around it."""
    lower = word.lower()
    kind = _CLASS_OF_WORD.get(lower)
    if kind is not None:
        return kind
    if not word[0].isalnum():
        return "."
    kind = _CLASS_OF_TAG.get(tag, "x")
    if kind in "NJMGV" and lower in _EMPTY_MODIFIERS:
        return "E"
    if kind == "N" and has_digit(word):
        return "M"  # "8.5K" modifies, like a number
    if kind == "G" and lower in _NOT_GERUNDS:
        return "x"
    if kind == "N" and tag != "NNP" and not _usually_noun(lower):
        return "n"  # "size-invariant" tagged a noun: it may modify, not end a phrase
    return kind


# Classes of words by their tag, remembered across abstracts: word -> tag -> class.
_WORD_CLASSES: dict[str, dict[str, str]] = {}
_BEFORE_VERBS_CASED: Final = _BEFORE_VERBS | {w.capitalize() for w in _BEFORE_VERBS}
# Classes whose words a headline never keeps: punctuation, brackets, and what no phrase
# holds (verbs, pronouns, ...).
_NEVER_KEPT: Final = frozenset(".,()x")
_NEVER_KEPT_CODES: Final = _code_mask(_NEVER_KEPT)
DETERMINER_CODES: Final = _code_mask("DE")  # a phrase starts past these
GOES_ON_CODES: Final = _code_mask("(VPC")  # what `MORE` can start with
_CONTENT_CODES: Final = _code_mask(_CONTENT_CLASSES)


def _usually_noun(lower: str) -> bool:
    """Whether a word out of context is a noun at least `_NOUN_ODDS` of the time:
    "size-invariant" is not, however a sentence tags it."""
    known = _NOUN_READINGS.get(lower)
    if known is None:
        known = any(tag in NOUNS and odds >= _NOUN_ODDS for tag, odds in word_tags(lower))
        if len(_NOUN_READINGS) < MEMO_SIZE:
            _NOUN_READINGS[lower] = known
    return known


def _may_be_verb(lower: str) -> bool:
    """Whether a word out of context can be a base verb ("answer" after "to")."""
    known = _VERB_READINGS.get(lower)
    if known is None:
        known = any(tag == "VB" for tag, _ in word_tags(lower))
        if len(_VERB_READINGS) < MEMO_SIZE:
            _VERB_READINGS[lower] = known
    return known


_NOUN_ODDS: Final = 0.3
_NOUN_READINGS: dict[str, bool] = {}
_VERB_READINGS: dict[str, bool] = {}


def has_digit(word: str) -> bool:
    return not word.isalpha() and any(ch.isdigit() for ch in word)


WORD: Final = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


MEMO_SIZE: Final = 200_000
