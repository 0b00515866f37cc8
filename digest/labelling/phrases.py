"""Labelling: the phrases of one to three words of every text of a batch, and how many of a
group's papers use each, ranked by a class-based TF-IDF (`PhraseIndex`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.labelling.words import GENERIC_WORDS, word_key

# Longer phrases read better as labels; a mild bonus lets them win over their own head word
# when they cover nearly as many papers.
_LENGTH_BONUS = {1: 1.0, 2: 2.0, 3: 2.2}


# Enough candidates for a label, its alternatives and keywords.
_ENOUGH_PHRASES = 20
# Candidates looked at per group: far more than a label, its fallbacks and keywords need.
_MAX_RANKED = 400
# Papers of a group its label and keywords are chosen from.
GROUP_TEXTS = 40
# A phrase of up to three word ids is packed into one int64, 20 bits per word.
_BASE = 2**20
_BASE2 = _BASE * _BASE


# Quotes part phrases too, TeX's `…' among them ("our `definite' lens candidates" holds no
# phrase "definite lens"): an apostrophe inside a word ("don't") is the word's.
_SEGMENT = re.compile(r"[.,;:!?()\[\]{}\"'`\u201c\u201d\u2018\u2019]|\s[-\u2013\u2014]+\s|--")
WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")
# A number is a token no phrase holds, so it parts the words around it: "aged 85 years" and
# "type 2 diabetes" hold no phrase "aged years" or "type diabetes".
_NUMBER = r"\d\w*"
_TOKEN = re.compile(f"{WORD.pattern}|{_NUMBER}|{_SEGMENT.pattern}")
# The same for ASCII text, a third faster.
_ASCII_TOKEN = re.compile(
    rf"[A-Za-z][A-Za-z0-9_'-]*[A-Za-z0-9]|[A-Za-z]|{_NUMBER}|{_SEGMENT.pattern}"
)


@dataclass(frozen=True)
class Phrase:
    key: tuple[str, ...]
    score: float
    papers: int


class PhraseIndex:
    """The distinct candidate phrases of every text, as integer codes for fast counting.

    A phrase is a run of one to three content words: never across punctuation or a stop
    word. Word ids are packed into one int64 per phrase, `_BASE` values per position.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.ids: dict[str, int] = {}
        self._token_ids: dict[str, int] = {}
        # Word ids written in lower case somewhere: the others are names ('Gaia', 'CDM').
        self._lower_case: set[int] = set()
        self._acronyms: set[str] = set()
        # Every text's tokens in a row, a segment mark after each so no phrase spans two.
        tokens: list[str] = []
        lengths = []
        for text in texts:
            found = (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)
            tokens += found
            tokens.append(".")
            lengths.append(len(found) + 1)
        for token in dict.fromkeys(tokens):
            self._id(token)
        ids = list(map(self._token_ids.__getitem__, tokens))
        shifted = np.array(ids, dtype=np.int64) + 1  # 0 means "no word here"
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        a, b, c = shifted[:-2], shifted[1:-1], shifted[2:]
        one = shifted > 0
        two = one[:-1] & one[1:]
        three = two[:-1] & one[2:]
        codes = np.concatenate(
            [
                shifted[one] * _BASE2,
                ((shifted[:-1] * _BASE + shifted[1:]) * _BASE)[two],
                ((a * _BASE + b) * _BASE + c)[three],
            ]
        )
        docs = np.concatenate([owner[one], owner[:-1][two], owner[:-2][three]])
        # Each (phrase, text) once, by phrase then text.
        order = np.lexsort((docs, codes))
        codes, docs = codes[order], docs[order]
        first = np.ones(len(codes), dtype=bool)
        first[1:] = (codes[1:] != codes[:-1]) | (docs[1:] != docs[:-1])
        self._codes_by_phrase, self._docs_by_phrase = codes[first], docs[first]
        self.codes, self.counts = np.unique(self._codes_by_phrase, return_counts=True)
        self._holders: dict[int, frozenset[int]] = {}
        self.words = sorted(self.ids, key=self.ids.__getitem__)
        self.n_docs = len(texts)
        # Tables by word id; position -1 (no word there) reads the sentinel at the end.
        self._generic = np.array([w in GENERIC_WORDS for w in self.words] + [True])
        self._participle = np.array([w.endswith("ed") for w in self.words] + [False])
        self._alphabetical = np.full(len(self.words) + 1, -1, dtype=np.int64)
        for rank, word_id in enumerate(sorted(range(len(self.words)), key=self.words.__getitem__)):
            self._alphabetical[word_id] = rank

    def _id(self, token: str) -> int:
        """The id of a token as written, -1 for stop words and punctuation."""
        key = word_key(token)
        if key is None:
            found = -1
        elif key in self.ids:
            found = self.ids[key]
        elif len(self.ids) < _BASE - 1:
            found = self.ids[key] = len(self.ids)
        else:
            found = -1  # past a million distinct words, the rest only break phrases
        self._token_ids[token] = found
        if found >= 0 and token.islower():
            self._lower_case.add(found)
        if found >= 0 and sum(ch.isupper() for ch in token) >= 2 and key is not None:
            self._acronyms.add(key)
        return found

    def named(self, key: tuple[str, ...]) -> bool:
        """Whether every word of a phrase is always written with capitals: 'Gaia', 'CDM'."""
        return all(w in self.ids and self.ids[w] not in self._lower_case for w in key)

    def acronym(self, key: tuple[str, ...]) -> bool:
        """Whether a word is written as an acronym, with capitals past its first letter:
        'CDM', 'JWST', 'NuSTAR' (not 'Schr' of a mangled 'Schrödinger')."""
        return len(key) == 1 and key[0] in self._acronyms

    def holders(self, key: tuple[str, ...]) -> frozenset[int]:
        """The texts that use a phrase; for one of more than three words (the speller's
        `_whole`), the texts that use its first three, which may use it."""
        code = self.code(key)
        found = self._holders.get(code)
        if found is None:
            start, end = np.searchsorted(self._codes_by_phrase, [code, code + 1])
            found = frozenset(self._docs_by_phrase[start:end].tolist())
            self._holders[code] = found
        return found

    def code(self, key: tuple[str, ...]) -> int:
        slots = [self.ids.get(w, -2) + 1 for w in key] + [0, 0]
        return (slots[0] * _BASE + slots[1]) * _BASE + slots[2]

    def key(self, code: int) -> tuple[str, ...]:
        slots = (code // _BASE2, code // _BASE % _BASE, code % _BASE)
        return tuple(self.words[s - 1] for s in slots if s > 0)

    def holds(self, doc: int, key: tuple[str, ...]) -> bool:
        return doc in self.holders(key)

    def rank(self, group: Sequence[int]) -> list[Phrase]:
        """The group's phrases, most specific first (ties broken alphabetically).

        Phrases that several of the group's papers share come first; any one paper's own
        phrases follow only when a group has too few shared ones.
        """
        size = len(group)
        if size == 0:
            return []
        members = np.isin(self._docs_by_phrase, np.asarray(group, dtype=np.int64))
        codes, inside = np.unique(self._codes_by_phrase[members], return_counts=True)
        a = codes // _BASE2 - 1
        b = codes // _BASE % _BASE - 1
        c = codes % _BASE - 1
        generic = self._generic[a] & self._generic[b] & self._generic[c]
        keep = ~generic & ~((b < 0) & self._participle[a])
        codes, inside, a, b, c = codes[keep], inside[keep], a[keep], b[keep], c[keep]
        everywhere = self.counts[np.searchsorted(self.codes, codes)]
        rest = max(self.n_docs - size, 1)
        coverage = inside / size
        outside = (everywhere - inside + 0.5) / (rest + 1)
        length = 1 + (b >= 0).astype(np.int64) + (c >= 0).astype(np.int64)
        bonus = np.array([_LENGTH_BONUS[n] for n in (1, 2, 3)])[length - 1]
        score = np.round(coverage**1.5 * np.log1p(coverage / outside) * bonus, 9)
        need = 2 if size >= 3 else 1
        unshared = inside < need
        alpha = self._alphabetical
        order = np.lexsort((alpha[c], alpha[b], alpha[a], -score, unshared))
        if int(np.count_nonzero(~unshared)) >= _ENOUGH_PHRASES:
            order = order[: int(np.count_nonzero(~unshared))]
        return [
            Phrase(self.key(int(codes[i])), float(score[i]), int(inside[i]))
            for i in order[:_MAX_RANKED]
        ]


def _pieces(key: tuple[str, ...]) -> set[str]:
    """The words of a phrase, hyphenated words split: 'multi-agent' overlaps 'agent'."""
    return {piece for word in key for piece in word.split("-") if piece}


def overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two phrases share a word or a word stem ('planet', 'exoplanets', 'planetary')."""
    for x in _pieces(a):
        for y in _pieces(b):
            short, long = sorted((x, y), key=len)
            if short == long or (len(short) >= 4 and short in long):
                return True
    return False
