"""Sentences and words of scientific abstracts, without downloads.

sumy's own `Tokenizer("english")` needs NLTK's punkt data, which is not available offline, so
`digest` splits text itself. Abstracts are full of dots that do not end a sentence ("e.g.",
"et al.", "Fig. 3", "42.1", "arXiv:1804.01118", URLs, "$O(n \\log n)$"), so a boundary is a
terminal mark followed by space and a capital, digit, bracket or quote, unless the word before
the mark is a known abbreviation or an initial, or the mark sits inside a protected span
(URL, DOI, arXiv id, LaTeX math).

`ScientificTokenizer` is the object sumy's document model and summarizers call
(`to_sentences`, `to_words`); it wraps the same two functions.
"""

from __future__ import annotations

import pkgutil
import re
from bisect import bisect_right
from typing import Final


def _sumy_stop_words(language: str) -> frozenset[str]:
    # The same list as sumy.utils.get_stop_words, read without importing sumy.utils, which
    # imports requests and pycountry (a third of a second) for features we do not use.
    data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt")
    if data is None:
        raise LookupError(f"sumy has no stop words for {language}")
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


# sumy's English stop words, lowercased: the words no summary or key phrase is built on.
STOP_WORDS: Final = _sumy_stop_words("english")

# Words that end in a dot without ending a sentence; compared lowercased, without the dot.
ABBREVIATIONS = frozenset(
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

# Words that start sentences and hardly ever follow an initial: after "X." they mean the
# dot ended a sentence ("... called model X. We then ...").
SENTENCE_OPENERS = frozenset(
    {"We", "Our", "The", "This", "These", "That", "Those", "It", "Its", "In", "On", "For"}
    | {"To", "A", "An", "As", "At", "By", "Here", "Thus", "Then", "However", "Moreover"}
    | {"Furthermore", "Finally", "Such", "Using", "Experiments", "Results"}
)

# Spans whose dots are never sentence ends. A URL stops before trailing punctuation so that
# "see https://x.org/a. Next" still splits after "a".
_PROTECTED = re.compile(
    r"""
      (?:https?://|www\.)\S+?(?=[.,;:!?)\]'"]*(?:\s|$))   # URL
    | \b10\.\d{4,9}/\S+?(?=[.,;:!?)\]'"]*(?:\s|$))        # DOI
    | \barXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?                  # new-style arXiv id
    | \$\$.+?\$\$ | \$[^$\n]+\$                            # LaTeX math
    | \\\(.+?\\\) | \\\[.+?\\\]
    """,
    re.VERBOSE | re.DOTALL,
)

# A candidate end: terminal marks, optional closing quotes/brackets, then whitespace.
_CANDIDATE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(\s+)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Capitals include Latin-1 and Greek ones ("Éric", "Δ-learning").
_NEXT_STARTS_SENTENCE = re.compile(r"[\"'\u201c\u2018(\[]*[A-Z0-9$\\\u00c0-\u00de\u0391-\u03a9]")
_NEXT_STARTS_ANY = re.compile(r"[\"'\u201c\u2018(\[]*[^\W_]")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$|[A-Z]$")
_WORD = re.compile(r"[^\W_]+")
# The same for ASCII text, three times faster than the Unicode-aware class.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_NEXT_WORD = re.compile(r"[\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018(\[]*([^\W_]+)")

# Substrings without which no protected span can occur (a DOI also needs a "/", LaTeX math two
# "$"): the protected-span search is slow, and most abstracts have none.
_PROTECTED_TRIGGERS = ("http", "www.", "arXiv:", "\\(", "\\[")


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


def _split_block(block: str, limit: int | None) -> list[str]:
    may_protect = (
        any(t in block for t in _PROTECTED_TRIGGERS)
        or ("10." in block and "/" in block)
        or block.count("$") >= 2
    )
    protected = [(m.start(), m.end()) for m in _PROTECTED.finditer(block)] if may_protect else []
    starts = [s for s, _ in protected]
    # Text with no capitals at all (lowercased exports) cannot signal a start by case.
    lowercase_text = block.islower()
    next_pattern = _NEXT_STARTS_ANY if lowercase_text else _NEXT_STARTS_SENTENCE
    out: list[str] = []
    begin = 0
    for m in _CANDIDATE.finditer(block):
        mark = m.start()
        i = bisect_right(starts, mark) - 1
        if i >= 0 and protected[i][0] <= mark < protected[i][1]:
            continue
        if not next_pattern.match(block, m.end()):
            continue
        if block[mark] == "." and _is_abbreviation(block, mark):
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


def _is_abbreviation(block: str, dot: int) -> bool:
    """Whether the dot at `dot` closes an abbreviation or an initial rather than a sentence."""
    start = max(block.rfind(" ", 0, dot), block.rfind("\n", 0, dot), block.rfind("\t", 0, dot))
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
