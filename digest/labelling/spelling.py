"""Labelling: how a group's papers write a phrase: its case, its plural, whether they use
it as a noun phrase where they write it (`Speller`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from digest.labelling.phrases import PhraseIndex
from digest.labelling.words import MODIFIER_TAGS, is_noun_phrase, names_an_activity, word_key
from digest.tagging import NOUNS, tag_words, tokenize

# Uses of a phrase tagged in their sentence, and the characters read on each side.
_SHAPE_USES = 3
_SHAPE_CONTEXT = 60  # a lowercase word's NNP odds are its capitalised uses


# A label's last word is written in the plural ('Galaxies and black holes', 'Magnetic
# fields') when its papers write it so this often: headings name kinds of things, while
# abstracts mostly speak of one ('the black hole').
_PLURAL_SHARE = 0.15


# Texts read to learn how a phrase is written.
_SPELLING_TEXTS = 30
# A word keeps its capitals ("Gaia", "CDM") when written so in this share of its uses.
_CAPITALS_SHARE = 0.75
# A heading of three words (the longest phrase indexed) is unfinished when this share of its
# uses go on with the same noun: 'Hybrid functional Petri' of 'hybrid functional Petri nets'.
_UNFINISHED_SHARE = 0.8
_LONGEST_PHRASE = 3


def as_label(keys: Sequence[tuple[str, ...]], spell: Speller) -> str:
    halves = [spell(k, heading=True) for k in keys]
    if len(keys) == 2 and all(len(k) == 1 for k in keys):
        # Two words joined agree in number where the papers also write the plural of the
        # singular one: 'Transitions and interactions', not 'Transition and interactions'.
        plural = [half.lower() != key[0] for half, key in zip(halves, keys, strict=True)]
        if plural[0] != plural[1]:
            i = plural.index(False)
            halves[i] = spell(keys[i], heading=True, plural_share=0.0)
    text = " and ".join(halves)
    return text[:1].upper() + text[1:]


class Speller:
    """Writes a phrase the way the group's papers most often write it.

    Whole phrases are looked up, because a word's spelling depends on its phrase: 'Galactic
    centre' but 'active galactic nuclei', 'samples' but 'sample efficiency'.
    """

    def __init__(self, index: PhraseIndex, texts: Sequence[str], group: Sequence[int]) -> None:
        self._index = index
        self._texts = texts
        self._group = group
        self._members = frozenset(group)

    def _holding(self, key: tuple[str, ...], most: int = _SPELLING_TEXTS) -> list[str]:
        """The first `most` texts of the group's (its most central first) that use a phrase."""
        holders = self._index.holders(key)
        return list(itertools.islice((self._texts[j] for j in self._group if j in holders), most))

    def named(self, key: tuple[str, ...]) -> bool:
        """Whether the papers always write a word as an acronym: 'CDM', 'NuSTAR'."""
        return self._index.named(key) and self._index.acronym(key)

    def papers(self, *keys: tuple[str, ...]) -> int:
        """How many of the group's papers use all the phrases."""
        return len(self._members.intersection(*(self._index.holders(k) for k in keys)))

    def covering(self, keys: Sequence[tuple[str, ...]]) -> int:
        """How many of the group's papers use any of the phrases, or all the words of one
        ('robotic' and 'manipulation' for 'Robotic manipulation')."""
        return len(self.covered(keys))

    def covered(self, keys: Sequence[tuple[str, ...]]) -> frozenset[int]:
        """The group's papers (indices into the texts) that `covering` counts."""
        holders = self._index.holders
        covered: set[int] = set()
        for key in keys:
            covered |= holders(key)
            covered |= frozenset.intersection(*(holders((w,)) for w in key))
        return self._members.intersection(covered)

    def reads_as_noun_phrase(self, key: tuple[str, ...]) -> bool:
        """Whether the papers use a phrase as a noun phrase: tagged where they write it (in
        up to _SHAPE_USES uses), it is modifiers then a noun, not 'quenches star formation'
        or 'mass tracks'. A phrase not found as written is judged by its words alone."""
        pattern = _phrase_pattern(key)
        votes = []
        for text in self._holding(key, _SHAPE_USES):
            match = pattern.search(text)
            if match is None:
                continue
            before = tokenize(text[max(0, match.start() - _SHAPE_CONTEXT) : match.start()])
            inside = tokenize(match.group(0))
            after = tokenize(text[match.end() : match.end() + _SHAPE_CONTEXT])[:2]
            context = tag_words([*before[1:], *inside, *after])
            tags = context[len(before) - 1 :][: len(inside)]
            if not before:
                tags = tag_words([*inside, *after])[: len(inside)]
            modifiers = [t in MODIFIER_TAGS or t == "POS" for t in tags[:-1]]
            # A verb's '-ing' form after a comma or a common noun opens a clause: '...
            # technologies, covering safety', 'a benchmark covering safety'; not 'with missing
            # data', 'the LIGO observing run'.
            if len(before) > 1 and tags[0] == "VBG" and len(inside) > 1:
                modifiers[0] = before[-1] != "," and context[len(before) - 2] not in ("NN", "NNS")
            # ... and a participle after a noun is its verb: 'factors included year'.
            for i in range(1, len(tags) - 1):
                if tags[i] == "VBN" and tags[i - 1] in ("NN", "NNS"):
                    modifiers[i] = False
            # 'rumor spreading' names an activity; 'rumors spreading' is a clause. The noun
            # before the gerund is judged by how it is written, as the tagger may take a
            # rare word at a sentence's start for anything.
            activity = (
                len(inside) == len(key) > 1
                and tags[-1] == "VBG"
                and inside[-2].lower() == key[-2]
                and names_an_activity(key)
                and all(modifiers[:-1])
            )
            votes.append(bool(tags) and ((tags[-1] in NOUNS and all(modifiers)) or activity))
        if not votes:
            return is_noun_phrase(key)
        return 2 * sum(votes) > len(votes)

    def continued(self, key: tuple[str, ...]) -> tuple[str, ...] | None:
        """A phrase of two words with the noun its papers most often write after it, when
        nearly all its uses are in the singular before a noun: 'temporal action' modifies in
        'temporal action localization' and 'temporal action detection', and names nothing
        cut there; 'black holes grow' and 'black hole masses' are not that."""
        if len(key) != 2:
            return None
        pattern = _phrase_pattern(key)
        uses = [found for text in self._holding(key) for found in pattern.finditer(text)]
        following: Counter[str] = Counter()
        for found in uses:
            word = word_key(found.group(1)) if found.group(1) else None
            singular = found.group(0).split()[-1].lower() == key[-1]
            if singular and word is not None and is_noun_phrase((*key, word)):
                following[word] += 1
        if not following or following.total() < _UNFINISHED_SHARE * len(uses):
            return None
        word = max(following.items(), key=lambda item: (item[1], item[0]))[0]
        return (*key, word)

    def __call__(
        self, key: tuple[str, ...], heading: bool = False, plural_share: float = _PLURAL_SHARE
    ) -> str:
        """The phrase as usually written; as a `heading`, in the plural if written so in
        `plural_share` of its uses as a noun."""
        pattern = _phrase_pattern(key)
        # The group's most central papers that use the phrase say how it is written.
        texts = self._holding(key)
        matches = [_use(text, found) for text in texts for found in pattern.finditer(text)]
        if not matches:
            # Not found as one run of words (rare: a plural we cannot undo): the normalised words.
            return " ".join(key)
        found = [use.words for use in matches]
        opening = [use.opens for use in matches]
        styled = [use.styled for use in matches]
        # A phrase as long as the longest phrase indexed may be cut short of its noun, even
        # where one paper writes it once: 'central Great Barrier' of '... Great Barrier Reef';
        # or of its first word: 'Chain Monte Carlo' of 'Markov chain Monte Carlo'; where the
        # papers write the longer phrase as a noun phrase ('angular momentum L_z increases' is
        # a clause).
        if len(key) == _LONGEST_PHRASE:
            whole = _whole(key, matches)
            if whole is not None and self.reads_as_noun_phrase(whole):
                return self(whole, heading, plural_share)
        if not heading:
            return _usual_form(found, opening, styled)
        # A singular that modifies the next word says nothing about the number of the thing.
        as_nouns = sum(
            1
            for use in matches
            if use.words[-1].lower() != key[-1] or use.after is None or word_key(use.after) is None
        )
        return _usual_form(found, opening, styled, key[-1], as_nouns, plural_share)


def _whole(key: tuple[str, ...], matches: Sequence[_Use]) -> tuple[str, ...] | None:
    """The phrase with the word its uses nearly always write after it, or else before it,
    when that makes a noun phrase; None if neither does."""
    for after in (True, False):
        words = [use.after if after else use.before for use in matches]
        beside = Counter(w for w in map(word_key, filter(None, words)) if w is not None)
        if not beside:
            continue
        word, uses = max(beside.items(), key=lambda item: (item[1], item[0]))
        longer = (*key, word) if after else (word, *key)
        if uses >= _UNFINISHED_SHARE * len(matches) and is_noun_phrase(longer):
            return longer
    return None


class _Use(NamedTuple):
    """A use of a phrase in a text: its words as written, the word after it (if any),
    whether it opens a sentence, whether it sits in a run of capitalised words, the word
    before it (if any, with only spaces between)."""

    words: list[str]
    after: str | None
    opens: bool
    styled: bool
    before: str | None


def _use(text: str, found: re.Match[str]) -> _Use:
    before = _WORD_BEFORE.search(text, max(0, found.start() - 40), found.start())
    return _Use(
        found.group(0).split(),
        found.group(1),
        _opens_sentence(text, found.start()),
        _in_title_case(text, found, before),
        before.group(1) if before else None,
    )


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(key: tuple[str, ...]) -> re.Pattern[str]:
    """A phrase in any number and case; the word after each use, if any, in group 1 (it
    tells a modifier, 'neutron star mergers', apart)."""
    return re.compile(
        r"(?<![\w-])"
        + r"\s+".join(_any_number(w) for w in key)
        + r"(?![\w-])(?:(?=\s+([^\W\d_][\w'-]*)))?",
        re.IGNORECASE,
    )


def _opens_sentence(text: str, at: int) -> bool:
    return text[max(0, at - 3) : at].rstrip()[-1:] in ("", ".", "!", "?", ":")


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'-]*)\s+\Z")


def _in_title_case(text: str, use: re.Match[str], before: re.Match[str] | None) -> bool:
    """Whether a use of a phrase is part of a run of capitalised words, as in a Title Case
    title ('Learning Natural Image Statistics'), not a name in running text ('the Dark
    Energy Survey data'); `before` is the word before it, as `_WORD_BEFORE` finds it."""
    words = use.group(0).split()
    if not _title_cased(words):
        return False
    after = use.group(1)
    if after is not None and after[:1].isupper():
        return True
    return (
        before is not None
        and before.group(1)[:1].isupper()
        and not _opens_sentence(text, before.start())
    )


def _usual_form(
    found: Sequence[Sequence[str]],
    opening: Sequence[bool],
    styled: Sequence[bool],
    singular: str | None = None,
    as_nouns: int = 0,
    plural_share: float = _PLURAL_SHARE,
) -> str:
    """The usual number of a phrase, with capitals only where its papers nearly always use them.

    Number and case are decided apart: Title Case titles ('Cosmic Ray Transport') should not
    outvote the lower case of abstracts split between 'cosmic ray' and 'cosmic rays'. The
    first word of a use `opening` a sentence has no say in its case, unless that is all
    there is and it has capitals past its first letter ('NuSTAR').
    Given the `singular` of the last word, the plural wins when it is at least `plural_share`
    of the `as_nouns` uses of the phrase.
    """
    lowered = Counter(tuple(w.lower() for w in words) for words in found)
    if singular is not None:
        # The regex matched only the singular and plural of the last word: any other
        # written form of it is a plural.
        plural = Counter({form: n for form, n in lowered.items() if form[-1] != singular})
        if plural and plural.total() >= plural_share * as_nouns:
            lowered = plural
    base = min(lowered.items(), key=lambda item: (-item[1], item[0]))[0]
    uses = list(zip(found, opening, strict=True))
    # A use inside a run of capitalised words ('Learning Natural Image Statistics', a title)
    # shows a style, not the phrase's case: where the papers also write it otherwise, those
    # uses alone say how ('natural image', not 'natural Image'). A name in running text ('the
    # Dark Energy Survey data') keeps its capitals.
    unstyled = [use for use, style in zip(uses, styled, strict=True) if not style]
    if len(base) > 1 and unstyled:
        uses = unstyled
    out = [_usual_case(base, i, uses) for i in range(len(base))]
    if len(out) > 1 and out[0] != base[0] and out[1:] == list(base[1:]):
        # The rest is in lower case: a Title Case use ("We use Annealed Importance Sampling")
        # is a style, and no evidence for a capital first word ("annealed importance sampling").
        plain = [(words, opens) for words, opens in uses if not _title_cased(words[1:])]
        out[0] = _usual_case(base, 0, plain) if plain else base[0]
    return " ".join(out)


def _usual_case(base: Sequence[str], i: int, uses: Sequence[tuple[Sequence[str], bool]]) -> str:
    """The `i`th word of a phrase (`base`: in lower case) with capitals when its `uses`
    (its words as written, whether the use opens a sentence) nearly always write them so."""
    word = base[i]
    # Its uses in either number: 'Graph Neural Networks (GNNs)' and 'a graph neural network'
    # are one phrase, whose case the plural alone would not tell.
    written = [(words[i], opens) for words, opens in uses if _same_word(words[i], word)]
    same = [w for w, opens in written if not (i == 0 and opens)]
    if not same:
        same = [w for w, _ in written if w[1:] != w[1:].lower()]
    cased = Counter(w for w in same if w != w.lower())
    if same and cased.total() >= _CAPITALS_SHARE * len(same):
        as_written = Counter(w for w in cased.elements() if w.lower() == word)
        if as_written:
            return min(as_written.items(), key=lambda item: (-item[1], item[0]))[0]
        return word[:1].upper() + word[1:]
    return word


def _same_word(written: str, word: str) -> bool:
    lowered = written.lower()
    return lowered == word or (word_key(lowered) or lowered) == (word_key(word) or word)


def _title_cased(words: Sequence[str]) -> bool:
    return all(w[:1].isupper() for w in words)


def _any_number(word: str) -> str:
    """A regex for a normalised word in the singular or plural ('galaxy' -> galaxies,
    'ray' -> rays too)."""
    if word.endswith("y"):
        return re.escape(word[:-1]) + "(?:y|ies|ys)"
    return re.escape(word) + "(?:es|s)?"
