"""Words of a batch of sentences as integer ids, so that every signal is a numpy operation.

Every lowercased word seen gets an id in a `Vocabulary`, which keeps for each id its count key
(the Snowball stem of a content word; the word itself for a stop word or a number) and its
flags: bits that say which cue lists the word is on (`digest.summarizing.cues`). A sentence is
then a run of ids, and a batch of sentences one flat array of ids plus the number of words of
each sentence (`tokenize_rows`): cues are tests on the flags of a word and its neighbours,
counts come from one sort of the keys, and no signal loops over words in Python.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import numpy as np
import Stemmer  # type: ignore[import-not-found]  # PyStemmer: no stubs

from digest.sentences import STOP_WORDS, tokenize_words

IntArray = np.ndarray[Any, np.dtype[np.int64]]

# The Snowball English ("Porter2") stemmer. It is PyStemmer's rather than sumy's because sumy's
# is NLTK's: pure Python, and importing it runs NLTK's setup (scipy, scikit-learn), seconds of CPU.
# Snowball expects lowercased words. PyStemmer's own cache is turned off (size 0): the
# vocabulary keeps every stem we need again, and a full PyStemmer cache makes each new word
# cost about 3 us instead of under 1 us (measured on 43k distinct words).
_STEMMER: Final = Stemmer.Stemmer("english", 0)

# Pairs of word ids are coded as first * PAIR_BASE + second.
PAIR_BASE: Final = 2**31
# The vocabulary is emptied between batches once it holds more words than this.
ID_CACHE_LIMIT: Final = 500_000


# sumy's summarizers stem every word of every sentence, some several times (Edmundson): a cache
# hit costs a tenth of a call into PyStemmer.
@functools.lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """Snowball stem of `word`, lowercased first: the stemmer given to sumy's summarizers."""
    stem: str = _STEMMER.stemWord(word.lower())
    return stem


def stem_words(words: Sequence[str]) -> list[str]:
    """Snowball stems of `words` in order, lowercased first; one call for a whole vocabulary."""
    stems: list[str] = _STEMMER.stemWords([word.lower() for word in words])
    return stems


def is_content(word: str) -> bool:
    """Whether a lowercased word counts for overlap: not a stop word, not a number."""
    return word not in STOP_WORDS and not word.isdigit()


class Vocabulary:
    """Every lowercased word seen, by id, with its count key and its flags.

    A word's count key is its Snowball stem for a content word (key ids >= 1), the word itself
    for a stop word or a number (ids <= -1), so that the sign tells content words. `flags_of`
    gives a word's flags. A batch's new words are stemmed in one call; vocabularies are small
    beside the word count, so the cache pays for itself at once; it is emptied between batches
    once it outgrows `ID_CACHE_LIMIT`, so that a long run stays bounded. Ids depend on the
    order words were first seen; nothing computed from them does.

    Short ASCII words are also found by their packed code (see `_pack_words`), in a sorted
    array, so that a batch looks up only the codes it has not seen before.
    """

    def __init__(self, flags_of: Callable[[str], int]) -> None:
        self._flags_of = flags_of
        self._reset()

    def _reset(self) -> None:
        self.ids: dict[str, int] = {}
        self._key_ids: dict[str, int] = {}
        self.keys: IntArray = np.zeros(0, dtype=np.int64)
        self.flags: IntArray = np.zeros(0, dtype=np.int64)
        self._packed: IntArray = np.zeros(0, dtype=np.int64)
        self._packed_ids: IntArray = np.zeros(0, dtype=np.int64)

    def start_batch(self) -> None:
        """Empty the vocabulary if it has outgrown its limit (ids of earlier batches expire)."""
        if len(self.ids) > ID_CACHE_LIMIT:
            self._reset()

    def lookup(self, words: Sequence[str]) -> IntArray:
        """The ids of `words`, adding the new ones."""
        missing = [w for w in dict.fromkeys(words) if w not in self.ids]
        if missing:
            self._add(missing)
        return np.fromiter(map(self.ids.__getitem__, words), dtype=np.int64, count=len(words))

    def lookup_packed(
        self, codes: IntArray, words: Callable[[np.ndarray[Any, Any]], list[str]]
    ) -> IntArray:
        """The ids of distinct, sorted packed `codes`; `words` gives the words of new ones."""
        at = np.searchsorted(self._packed, codes)
        known = np.zeros(len(codes), dtype=bool)
        inside = at < len(self._packed)
        known[inside] = self._packed[at[inside]] == codes[inside]
        if not known.all():
            new = np.flatnonzero(~known)
            # Both are sorted: inserting keeps the table sorted without sorting it again.
            into = np.searchsorted(self._packed, codes[new])
            self._packed = np.insert(self._packed, into, codes[new])
            self._packed_ids = np.insert(self._packed_ids, into, self.lookup(words(new)))
            at = np.searchsorted(self._packed, codes)
        ids_at: IntArray = self._packed_ids[at]
        return ids_at

    def pair_codes(self, pairs: Iterable[tuple[str, str]]) -> IntArray:
        """`PAIR_BASE` codes of the word pairs whose words have ids."""
        ids = self.ids
        return np.array(
            [ids[a] * PAIR_BASE + ids[b] for a, b in pairs if a in ids and b in ids],
            dtype=np.int64,
        )

    def _add(self, words: list[str]) -> None:
        start = len(self.ids)
        content = [w for w in words if is_content(w)]
        stems = dict(zip(content, stem_words(content), strict=True))
        # Stems never start with "=": words are letters and digits.
        keys = [self._key_id(stems[w]) if w in stems else -self._key_id("=" + w) for w in words]
        self.ids.update(zip(words, range(start, start + len(words)), strict=True))
        self.keys = np.concatenate((self.keys, np.array(keys, dtype=np.int64)))
        flags = np.fromiter(map(self._flags_of, words), dtype=np.int64, count=len(words))
        self.flags = np.concatenate((self.flags, flags))

    def _key_id(self, key: str) -> int:
        return self._key_ids.setdefault(key, len(self._key_ids) + 1)


# Words of ASCII text are runs of [A-Za-z0-9] (see `tokenize_words`); such a word of up to
# `_PACKED_CHARS` characters is packed into one integer, its lowercased characters as base-37
# digits (0 pads), so that a batch's words are told apart by one numpy sort instead of a dict
# lookup each. 37 ** 12 < 2 ** 63.
_PACKED_CHARS: Final = 12
_DIGITS: Final = np.zeros(256, dtype=np.int64)
for _digit, _char in enumerate("abcdefghijklmnopqrstuvwxyz0123456789", start=1):
    _DIGITS[ord(_char)] = _DIGITS[ord(_char.upper())] = _digit


def tokenize_rows(vocabulary: Vocabulary, rows: Sequence[str]) -> tuple[IntArray, IntArray]:
    """The vocabulary ids of the lowercased words (`tokenize_words`) of all rows, flat, and
    the number of words of each row.

    ASCII rows, nearly all, are cut into words with numpy, and their short words looked up
    by packed code. The other rows, and longer words, are looked up word by word.
    """
    vocabulary.start_batch()
    ascii_at = [i for i, row in enumerate(rows) if row.isascii()]
    other_at = [i for i, row in enumerate(rows) if not row.isascii()]
    joined = "\n".join([rows[i] for i in ascii_at])
    digits = _DIGITS[np.frombuffer(joined.encode("ascii"), dtype=np.uint8)]
    edges = np.flatnonzero(np.diff(digits > 0, prepend=False, append=False))
    begins, ends = edges[0::2], edges[1::2]
    row_ends = np.cumsum([len(rows[i]) + 1 for i in ascii_at])
    short = ends - begins <= _PACKED_CHARS
    packed, distinct = np.unique(
        _pack_words(digits, begins[short], ends[short]), return_inverse=True
    )
    # Any occurrence of each packed word tells its text.
    where = np.empty(len(packed), dtype=np.intp)
    where[distinct] = np.flatnonzero(short)

    def words_of(new: np.ndarray[Any, Any]) -> list[str]:
        return _lowered_slices(joined, begins[where[new]], ends[where[new]])

    ascii_ids = np.empty(len(begins), dtype=np.int64)
    ascii_ids[short] = vocabulary.lookup_packed(packed, words_of)[distinct]
    ascii_ids[~short] = vocabulary.lookup(_lowered_slices(joined, begins[~short], ends[~short]))

    lengths = np.zeros(len(rows), dtype=np.int64)
    lengths[ascii_at] = np.bincount(
        np.searchsorted(row_ends, begins, side="right"), minlength=len(ascii_at)
    )
    if not other_at:
        return ascii_ids, lengths
    other_words = [tokenize_words(rows[i].lower()) for i in other_at]
    lengths[other_at] = [len(words) for words in other_words]
    # Put the words of the two kinds of rows back in row order.
    is_ascii = np.ones(len(rows), dtype=bool)
    is_ascii[other_at] = False
    word_is_ascii = np.repeat(is_ascii, lengths)
    out = np.empty(len(word_is_ascii), dtype=np.int64)
    out[word_is_ascii] = ascii_ids
    out[~word_is_ascii] = vocabulary.lookup([w for words in other_words for w in words])
    return out, lengths


def _pack_words(
    digits: np.ndarray[Any, Any], begins: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]
) -> IntArray:
    """The base-37 code of each word `digits[begin:end]` (at most `_PACKED_CHARS` long)."""
    codes = np.zeros(len(begins), dtype=np.int64)
    sizes = ends - begins
    power = 1
    for i in range(_PACKED_CHARS):
        longer = np.flatnonzero(sizes > i)
        codes[longer] += digits[begins[longer] + i] * power
        power *= 37
    return codes


def _lowered_slices(
    text: str, begins: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]
) -> list[str]:
    return [text[b:e].lower() for b, e in zip(begins.tolist(), ends.tolist(), strict=True)]
