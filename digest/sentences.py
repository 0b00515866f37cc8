"""Sentences and words of scientific abstracts, without downloads.

sumy's own `Tokenizer("english")` needs NLTK's punkt data, which is not available offline, so
`digest` splits text itself. Abstracts are full of dots that do not end a sentence ("e.g.",
"et al.", "Fig. 3", "42.1", "arXiv:1804.01118", URLs, "$O(n \\log n)$"), so a boundary is a
terminal mark followed by space and a capital, digit, bracket or quote, unless the word before
the mark is a known abbreviation or an initial, or the mark sits inside a protected span
(URL, DOI, arXiv id, LaTeX math).

`split_abstracts` splits many abstracts at once, exactly as `split_sentences` splits each:
numpy marks the few places where a sentence can end, and only those are looked at in Python.

`ScientificTokenizer` is the object sumy's document model and summarizers call
(`to_sentences`, `to_words`); it wraps `split_sentences` and `tokenize_words`.
"""

from __future__ import annotations

import pkgutil
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any, Final

import numpy as np

from digest.cleaning import IDEOGRAPHS, KANA


def sumy_stop_words(language: str) -> frozenset[str]:
    # The same list as sumy.utils.get_stop_words, read without importing sumy.utils, which
    # imports requests and pycountry (a third of a second) for features we do not use.
    data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt")
    if data is None:
        raise LookupError(f"sumy has no stop words for {language}")
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


# sumy's English stop words, lowercased: the words no summary or key phrase is built on.
STOP_WORDS: Final = sumy_stop_words("english")

# Words that end in a dot without ending a sentence; compared lowercased, without the dot.
ABBREVIATIONS: Final = frozenset(
    {
        "al",
        "approx",
        "ca",
        "cf",
        "ch",
        "dr",
        "e.g",
        "eg",
        "eq",
        "eqn",
        "eqs",
        "esp",
        "etc",
        "fig",
        "figs",
        "i.e",
        "ie",
        "incl",
        "jr",
        "mr",
        "mrs",
        "ms",
        "no",
        "nos",
        "prof",
        "ref",
        "refs",
        "resp",
        "sec",
        "sect",
        "st",
        "tab",
        "viz",
        "vol",
        "vs",
        "w.r.t",
        "wrt",
    }
)

_LONGEST_ABBREVIATION: Final = max(map(len, ABBREVIATIONS))

# Words that start sentences and hardly ever follow an initial: after "X." they mean the
# dot ended a sentence ("... called model X. We then ...").
SENTENCE_OPENERS = frozenset(
    {"We", "Our", "The", "This", "These", "That", "Those", "It", "Its", "In", "On", "For"}
    | {"To", "A", "An", "As", "At", "By", "Here", "Thus", "Then", "However", "Moreover"}
    | {"Furthermore", "Finally", "Such", "Using", "Experiments", "Results"}
)

# Spans whose dots are never sentence ends. A URL stops before trailing punctuation so that
# "see https://x.org/a. Next" still splits after "a". Math between "\(" and "\)" (or "\["
# and "\]") is looked for over 500 characters at most: an opener without its closer was
# looked for to the text's end from each one (100,000 of them took 73 s to split).
_PROTECTED = re.compile(
    r"""
      (?:https?://|www\.)\S+?(?=[.,;:!?)\]'"]*(?:\s|$))   # URL
    | \b10\.\d{4,9}/\S+?(?=[.,;:!?)\]'"]*(?:\s|$))        # DOI
    | \barXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?                  # new-style arXiv id
    | \$\$.+?\$\$ | \$[^$\n]+\$                            # LaTeX math
    | \\\(.{1,500}?\\\) | \\\[.{1,500}?\\\]            # LaTeX math, bounded (above)
    """,
    re.VERBOSE | re.DOTALL,
)

# A candidate end: terminal marks, optional closing quotes/brackets, then whitespace, and a
# bullet that opens the next sentence, which is no part of it: a list of key points or
# highlights after an abstract ("… ovarian mass. \u2022 MR imaging …", European Radiology's
# as PubMed, Lens and EBSCOhost give them). A run of marks is tried from its first mark only,
# and whole: tried from each of its marks, a long run ("......") with no whitespace after it
# took time quadratic in its length. The pattern opens on a mark, and looks behind it only
# then, so that the engine skips to the marks: opening with the lookbehind, it was tried at
# every character, 4x slower.
_CANDIDATE = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"'\u201d\u2019)\]]*(\s++(?:\u2022\s*+)?)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Capitals include Latin-1 and Greek ones ("Éric", "Δ-learning"). A name that opens with a
# small letter or three before its capitals ("iFeature", "mRNA", "hCKSAAP_UbSite") opens a
# sentence too.
_NEXT_STARTS_SENTENCE = re.compile(
    r"[\"'\u201c\u2018(\[]*(?:[A-Z0-9$\\\u00c0-\u00de\u0391-\u03a9]|[a-z]{1,3}[A-Z])"
)
_NEXT_STARTS_ANY = re.compile(r"[\"'\u201c\u2018(\[]*[^\W_]")
# A candidate end that the next text confirms, in one regex: what follows the whitespace
# cannot be whitespace, so the lookahead accepts exactly the candidates the next-start
# pattern would. For text with capitals, and for text without any.
_BOUNDARY = re.compile(_CANDIDATE.pattern + "(?=" + _NEXT_STARTS_SENTENCE.pattern + ")")
_LOWERCASE_BOUNDARY = re.compile(_CANDIDATE.pattern + "(?=" + _NEXT_STARTS_ANY.pattern + ")")
# A short aside in brackets that a comma or semicolon follows opens no sentence: after a
# mark before it, the sentence goes on ('… whether using "From Here to There!" (FH2T:E), a
# game-based …', a title quoted in an abstract of ERIC's MEDLINE export).
_ASIDE_GOES_ON = re.compile(r"\([^\s()\x00]{1,20}\)[,;]")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$|[A-Z]$")
_WORD = re.compile(r"[^\W_]+")
# The same for ASCII text, three times faster than the Unicode-aware class.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_NEXT_WORD = re.compile(r"[\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018(\[]*([^\W_]+)")

# Every protected span starts with one of these: `_PROTECTED` is tried only where they occur.
_PROTECTED_PREFIXES = ("http", "www.", "10.", "arXiv:", "$", "\\(", "\\[")
# Joins abstracts for `split_abstracts`: neither whitespace, a mark nor a word character, so
# no boundary, word or protected span reaches across it.
_SEPARATOR = "\x00"


def _ascii_table(chars: str, *, beyond_ascii: bool = False) -> np.ndarray[Any, Any]:
    """Membership of the ASCII `chars`, indexed by a code clipped to 128, which stands for
    any character past ASCII (a member if `beyond_ascii`)."""
    table = np.zeros(129, dtype=bool)
    table[[ord(c) for c in chars]] = True
    table[128] = beyond_ascii
    return table


_MARKS: Final = _ascii_table(".!?")
# Where `_is_abbreviation` starts a word: after one of these (and the separator).
_WORD_DELIMITERS: Final = _ascii_table(" \n\t" + _SEPARATOR)
# What can follow the marks of a boundary: a closing quote or bracket, or whitespace (any
# character past ASCII may be either).
_CLOSERS_OR_SPACES: Final = _ascii_table(
    "\"')]" + "".join(chr(c) for c in range(128) if chr(c).isspace()), beyond_ascii=True
)
_OPENER_CODES: Final = [ord(c) for c in "([\"'\u201c\u2018"]
# Whitespace other than the space, as str.split sees it, in ASCII.
_OTHER_ASCII_SPACES: Final = _ascii_table(
    "".join(chr(c) for c in range(128) if chr(c).isspace() and c != ord(" "))
)
_AFTER_ANY_END: Final = 2**62
# Longer texts are split on their own, so that a pasted book stops at `limit` sentences.
_BATCH_MAX_CHARS = 20_000


def split_sentences(text: str, limit: int | None = None) -> list[str]:
    """Split an abstract into sentences, verbatim except that runs of whitespace become one space.

    With `limit`, stop after that many sentences (the rest of the text is not split), so
    that a pasted book costs no more than its first pages.

    >>> split_sentences("We use e.g. Fig. 3 of Smith et al. (2020). It scores 42.1. Next.")
    ['We use e.g. Fig. 3 of Smith et al. (2020).', 'It scores 42.1.', 'Next.']
    """
    sentences: list[str] = []
    for block in _PARAGRAPH_BREAK.split(text):
        sentences.extend(_split_block(block, None if limit is None else limit - len(sentences)))
        if limit is not None and len(sentences) >= limit:
            return sentences[:limit]
    return sentences


def split_abstracts(texts: Sequence[str], limit: int | None = None) -> list[list[str]]:
    """`split_sentences(text, limit)` for each text, a batch at a time.

    Texts of one paragraph with capitals are joined by `_SEPARATOR` and split together: numpy
    finds the runs of terminal marks, the words before them that may be abbreviations and the
    texts whose spacing is already single, so that Python looks only at the few places a
    sentence can end. The other texts are split one by one.
    """
    out: list[list[str]] = [[] for _ in texts]
    batched: list[int] = []
    for i, text in enumerate(texts):
        if _joinable(text):
            batched.append(i)
        else:
            out[i] = split_sentences(text, limit)
    if not batched:
        return out
    joined = _SEPARATOR.join([texts[i] for i in batched])
    # One past each text's separator: where the next text starts.
    ends = np.cumsum([len(texts[i]) + 1 for i in batched])
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    clipped = np.minimum(codes, 128)  # indexes the ASCII tables
    runs = _mark_runs(clipped)
    maybe_abbreviation = _may_close_abbreviation(codes, clipped, runs).tolist()
    single_spaced = _single_spaced(codes, clipped, ends)
    protected = {
        k: _protected_spans(texts[batched[k]])
        for k in np.flatnonzero(_may_protect_each(joined, codes, ends)).tolist()
    }
    room = len(joined) + 1 if limit is None else limit
    next_text = ends.tolist()
    # The text being split (k) starts at `start`; its current sentence at `begin`; the last
    # boundary found ended at `end`.
    k = start = begin = end = 0
    sentences, spans = out[batched[0]], protected.get(0)
    for mark, check in zip(runs.tolist(), maybe_abbreviation, strict=True):
        if mark < end:
            continue
        m = _BOUNDARY.match(joined, mark)
        if m is None:
            continue
        end = m.end()
        while mark >= next_text[k]:
            _add_tail(sentences, joined[begin : next_text[k] - 1], room)
            start = begin = next_text[k]
            k += 1
            sentences, spans = out[batched[k]], protected.get(k)
        if len(sentences) >= room:
            continue
        if spans and _in_spans(spans, mark - start):
            continue
        if check and _is_abbreviation(joined, mark, start):
            continue
        if joined[end] == "(" and _ASIDE_GOES_ON.match(joined, end):
            continue
        piece = joined[begin : m.start(1)]
        if not single_spaced[k]:
            piece = " ".join(piece.split())
        if piece:
            sentences.append(piece)
        begin = end
    while True:
        _add_tail(sentences, joined[begin : next_text[k] - 1], room)
        if k + 1 == len(batched):
            return out
        start = begin = next_text[k]
        k += 1
        sentences = out[batched[k]]


def _mark_runs(clipped: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Where `_BOUNDARY` can match: at the first of a run of marks (a match from a later one
    would end alike) that is followed by a closing quote or bracket or by whitespace."""
    marks = _MARKS[clipped]
    runs = np.flatnonzero(marks & ~np.concatenate(([False], marks[:-1])))
    run_ends = np.flatnonzero(marks & ~np.append(marks[1:], False)) + 1
    followed: np.ndarray[Any, Any] = runs[_CLOSERS_OR_SPACES[np.append(clipped, 0)[run_ends]]]
    return followed


def _may_protect_each(
    joined: str, codes: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """`_may_protect` of each joined text (ending before `ends` - 1)."""

    def having(positions: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        flags = np.zeros(len(ends), dtype=bool)
        flags[np.searchsorted(ends, positions, side="right")] = True
        return flags

    may = np.zeros(len(ends), dtype=bool)
    for sub in ("http", "www.", "arXiv:", "\\(", "\\["):
        may |= having(_occurrences(codes, sub))
    may |= having(_occurrences(codes, "10.")) & having(np.flatnonzero(codes == ord("/")))
    dollars = np.searchsorted(ends, np.flatnonzero(codes == ord("$")), side="right")
    may |= np.bincount(dollars, minlength=len(ends)) >= 2
    return may


def _occurrences(codes: np.ndarray[Any, Any], sub: str) -> np.ndarray[Any, Any]:
    """Where `sub` starts in the text whose code points are `codes` (one numpy pass per
    character of `sub`, instead of a Python step per occurrence: "10." is in every year
    that ends a sentence)."""
    n = len(codes) - len(sub) + 1
    if n <= 0:
        return np.zeros(0, dtype=np.intp)
    hit = codes[:n] == ord(sub[0])
    for k, char in enumerate(sub[1:], start=1):
        hit &= codes[k : k + n] == ord(char)
    found: np.ndarray[Any, Any] = np.flatnonzero(hit)
    return found


def _in_spans(spans: list[tuple[int, int]], at: int) -> bool:
    i = bisect_right(spans, (at, _AFTER_ANY_END)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _may_close_abbreviation(
    codes: np.ndarray[Any, Any], clipped: np.ndarray[Any, Any], runs: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """For each run of marks, whether `_is_abbreviation` can be true of it: it starts with a
    dot after a word that is short, starts with an opening bracket or quote, or ends ".X"."""
    # Each word starts after the last delimiter before it, or at 0 (after "-1").
    delimiters = np.append(-1, np.flatnonzero(_WORD_DELIMITERS[clipped]))
    start = delimiters[np.searchsorted(delimiters, runs) - 1] + 1
    size = runs - start
    opener = np.isin(codes[np.minimum(start, len(codes) - 1)], _OPENER_CODES)
    initials = (size >= 3) & (codes[np.maximum(runs - 2, 0)] == ord("."))
    maybe: np.ndarray[Any, Any] = (codes[runs] == ord(".")) & (
        (size <= _LONGEST_ABBREVIATION) | opener | initials
    )
    return maybe


def _single_spaced(
    codes: np.ndarray[Any, Any], clipped: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]
) -> list[bool]:
    """For each joined text (ending before `ends` - 1), whether `" ".join(text.split())` is
    the text itself: no whitespace but single spaces between words."""
    wide = np.flatnonzero(clipped == 128)
    wide_spaces = [c for c in np.unique(codes[wide]).tolist() if chr(c).isspace()]
    other_space = np.concatenate(
        (np.flatnonzero(_OTHER_ASCII_SPACES[clipped]), wide[np.isin(codes[wide], wide_spaces)])
    )
    # One code more, so that an empty last text has a first and last code to look at.
    space = np.append(codes == ord(" "), False)
    starts = np.concatenate(([0], ends[:-1]))
    bad = np.concatenate(
        (
            other_space,
            np.flatnonzero(space[:-1] & space[1:]),  # double spaces
            starts[space[starts]],  # leading
            (ends - 2)[space[ends - 2]],  # trailing
        )
    )
    single = np.ones(len(ends), dtype=bool)
    single[np.searchsorted(ends, bad, side="right")] = False
    flags: list[bool] = single.tolist()
    return flags


def _joinable(text: str) -> bool:
    """Whether `text` splits the same joined with others: one block, with capitals, no
    ideographs (whose sentences `_split_block` ends apart)."""
    return (
        len(text) <= _BATCH_MAX_CHARS
        and _SEPARATOR not in text
        and not text.islower()
        and ("\n" not in text or _PARAGRAPH_BREAK.search(text) is None)
        and (text.isascii() or _IDEOGRAPH.search(text) is None)
    )


def _add_tail(sentences: list[str], tail: str, room: int) -> None:
    if len(sentences) < room:
        piece = " ".join(tail.split())
        if piece:
            sentences.append(piece)


def _may_protect(block: str) -> bool:
    # Substrings without which no protected span can occur (a DOI also needs a "/", LaTeX
    # math two "$"): the protected-span search is slow, and most abstracts have none.
    return (
        "http" in block
        or "www." in block
        or "arXiv:" in block
        or "\\(" in block
        or "\\[" in block
        or ("10." in block and "/" in block)
        or block.count("$") >= 2
    )


def _protected_spans(block: str) -> list[tuple[int, int]]:
    """The spans `_PROTECTED.finditer(block)` finds, trying it only where a span can start."""
    starts = sorted({i for prefix in _PROTECTED_PREFIXES for i in _find_all(block, prefix)})
    spans: list[tuple[int, int]] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        m = _PROTECTED.match(block, start)
        if m is not None:
            spans.append((start, m.end()))
            end = m.end()
    return spans


def _find_all(text: str, sub: str) -> Iterator[int]:
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


# Chinese and Japanese ideographs (IDEOGRAPHS): their sentences end without a space after the
# stop, and a run of them is a clause, not a word.
_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")
# The end of such a sentence: its own full stop (or "!", "?"), with any closing quote or
# bracket; or an ASCII stop with an ideograph right after it, as Wanfang's and CNKI's
# abstracts write ("…的影响.方法 选择…"), or Japanese kana, as J-STAGE's do ("…ものがある.
# こうした…", "…作用した.フィールド…"). A decimal or a name has no ideograph after its dot.
# A run of ASCII stops is tried from its first stop only, and whole: tried from each of its
# stops, a long run ("......") with no ideograph after it took time quadratic in its length.
_IDEOGRAPHIC_END = re.compile(
    r"[\u3002\uff01\uff1f]+[\u300d\u300f\u201d\u2019\uff09)]*\s*"
    rf"|(?<![.!?])[.!?]++(?=[{IDEOGRAPHS}{KANA}])"
)


def _split_block(block: str, limit: int | None) -> list[str]:
    if block.isascii() or not _IDEOGRAPH.search(block):
        return _split_spaced(block, limit)
    out: list[str] = []
    begin = 0
    for end in [m.end() for m in _IDEOGRAPHIC_END.finditer(block)] + [len(block)]:
        room = None if limit is None else limit - len(out)
        if room is not None and room <= 0:
            break
        out += _split_spaced(block[begin:end], room)
        begin = end
    return out


def _split_spaced(block: str, limit: int | None) -> list[str]:
    """`_split_block` of text whose sentences end with a stop and a space."""
    protected = _protected_spans(block) if _may_protect(block) else []
    starts = [s for s, _ in protected]
    # Text with no capitals at all (lowercased exports) cannot signal a start by case.
    boundary = _LOWERCASE_BOUNDARY if block.islower() else _BOUNDARY
    out: list[str] = []
    begin = 0
    for m in boundary.finditer(block):
        mark = m.start()
        i = bisect_right(starts, mark) - 1
        if i >= 0 and protected[i][0] <= mark < protected[i][1]:
            continue
        if block[mark] == "." and _is_abbreviation(block, mark):
            continue
        if block[m.end()] == "(" and _ASIDE_GOES_ON.match(block, m.end()):
            continue
        piece = " ".join(block[begin : m.start(1)].split())
        if piece:
            out.append(piece)
            if limit is not None and len(out) >= limit:
                return out
        begin = m.end()
    tail = " ".join(block[begin:].split())
    if tail:
        out.append(tail)
    return out


def _is_abbreviation(block: str, dot: int, floor: int = 0) -> bool:
    """Whether the dot at `dot` closes an abbreviation or an initial rather than a sentence;
    the word before it starts at `floor` at the earliest."""
    start = max(
        block.rfind(" ", floor, dot),
        block.rfind("\n", floor, dot),
        block.rfind("\t", floor, dot),
        floor - 1,
    )
    word = block[start + 1 : dot].lstrip("([\"'\u201c\u2018")
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    # "J. Smith", "U.S.", "e.g." written without a known spelling; but "model X. We ..." ends
    # a sentence, which the next word tells.
    if _INITIALS.fullmatch(word) is None:
        return False
    next_word = _NEXT_WORD.match(block, dot + 1)
    return next_word is None or next_word.group(1) not in SENTENCE_OPENERS


def tokenize_words(sentence: str) -> list[str]:
    """The words of a sentence: runs of letters and digits; hyphens and apostrophes separate.

    This matches how ROUGE and most of our features see text ("state-of-the-art" is four
    words).
    """
    return (_ASCII_WORD if sentence.isascii() else _WORD).findall(sentence)


class ScientificTokenizer:
    """The tokenizer object sumy's document model and summarizers expect."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokenize_words(sentence))
