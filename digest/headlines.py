"""Headlines: what a paper is called in the digest.

The paper's own title when it has one. Many inputs are bare abstracts, so otherwise the name
the abstract gives its contribution ("We call the resulting models InstructGPT", "We introduce
Codex, a ...", "a novel technique called Hindsight Experience Replay"), else a short key phrase
of the abstract (its most repeated run of content words), capitalised.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from sumy.utils import get_stop_words

from digest.models import Paper
from digest.sentences import split_sentences

# A name longer than this is a description, not a name.
MAX_NAME_WORDS: Final = 8
# Key phrases are runs of up to this many content words.
MAX_PHRASE_WORDS: Final = 3
# Only the first sentences are searched: a pasted book must not cost more than an abstract.
MAX_SENTENCES: Final = 40
UNTITLED: Final = "Untitled"
# "we call the resulting models X": at most this many lowercase words before the name.
_MAX_SKIPPED: Final = 4

_STOP_WORDS: Final = frozenset(get_stop_words("english"))
_WHITESPACE = re.compile(r"\s+")
# Words of a key phrase keep their hyphens ("real-world", "pre-trained"); punctuation is a
# token of its own, so that it breaks phrases.
_PHRASE_TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*|[^\w\s]")
_ASCII_PHRASE_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^\w\s]")

# "called X", "named X", "dubbed X", "we call (it|the resulting models) X".
_CALLED = re.compile(
    r"\b(?:called|named|dubbed|termed|coined|we\s+(?:call|name|term|dub))\s+(?P<name>.+)",
    re.IGNORECASE,
)
# "we introduce/present/propose/release X, a ...": X is a name if it looks like one.
_INTRODUCE = re.compile(
    r"\b(?:we|this\s+(?:paper|work|report))\s+(?:\w+ly\s+|also\s+|here\s+)?"
    r"(?:introduces?|presents?|proposes?|releases?|describes?|designs?|develops?)\s+(?P<name>.+)",
    re.IGNORECASE,
)
# Where a name ends: a comma, a relative clause, a verb-ish continuation, or the sentence end.
_NAME_END = re.compile(
    r",|;|:|\.(?:\s|$)|\s(?:which|that|where|who|to|for|as|with|by|in|on|and|is|are|was|a|an)\s"
    r"|\s--\s|\s-\s|\s\u2014\s",
)
# "Phasic Policy Gradient (PPG)": a defined acronym right after a capitalised name.
_ACRONYM_AFTER = re.compile(r"^\s*\((?P<acronym>[A-Z][\w-]*[A-Z0-9][\w-]*)\)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|our|two|three|several|new|novel)\s+", re.IGNORECASE)
# "a novel method (ABC)", "an evaluation model (ADEM)": a lowercase description to skip over.
_ARTICLE_ONLY = re.compile(
    r"^(?:(?:a|an|the|new|novel|simple|general|first|our)\s+)+"
    r"(?:[a-z-]+\s+){0,3}?(?:method|approach|technique|model|framework|algorithm|dataset|"
    r"benchmark|suite|system|architecture|agent|library|tool|environment)s?\s+",
)
_ENDS_WITH_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][\w-]*[A-Z0-9][\w-]*)\)$")


def derive_headline(paper: Paper, *, sentences: Sequence[str] | None = None) -> str:
    """The title if the paper has one, else the name of its contribution, else a key phrase.

    `sentences` may pass the abstract already split, to save splitting it twice.
    """
    if paper.title and paper.title.strip():
        return _WHITESPACE.sub(" ", paper.title).strip()
    if sentences is None:
        sentences = split_sentences(paper.abstract, limit=MAX_SENTENCES)
    sentences = list(sentences[:MAX_SENTENCES])
    return contribution_name(sentences) or key_phrase(sentences) or UNTITLED


def contribution_name(sentences: list[str]) -> str | None:
    """The name the abstract gives its contribution, if it gives one.

    "called X" / "we call ... X" come first: they are explicit. Then the object of "we
    introduce/present/propose", if it starts with a capitalised word ("Codex", "Procgen
    Benchmark") or is a description with its acronym ("importance weighted autoencoder (IWAE)").
    """
    # One search over all sentences, one per line: the patterns' "." stops at a newline.
    text = "\n".join(sentences)
    for match in _CALLED.finditer(text):
        name = _name_at_start(match.group("name"), skip_lowercase=True)
        if name:
            return name
    for match in _INTRODUCE.finditer(text):
        rest = match.group("name")
        name = _name_at_start(rest, skip_lowercase=False) or _apposition(rest)
        if name:
            return name
    return None


def _apposition(text: str) -> str | None:
    """The name set off after a short description: "a search method, Policy Gradient Search
    (PGS), which ..." -> "Policy Gradient Search (PGS)"."""
    description, comma, rest = text.partition(", ")
    if not comma or len(description.split()) > MAX_NAME_WORDS or _looks_named(description[:1]):
        return None
    name = _name_at_start(rest, skip_lowercase=False)
    # Only a name that ends where the apposition ends: "X, which" or "X, and".
    return name if name and rest[len(name) : len(name) + 1] in (",", "") else None


def _name_at_start(text: str, *, skip_lowercase: bool) -> str | None:
    """The proper name that `text` starts with, or None if it starts with a plain description.

    With `skip_lowercase`, leading lowercase words are passed over ("the resulting models
    InstructGPT" -> "InstructGPT").
    """
    text = _LEADING_ARTICLE.sub("", _ARTICLE_ONLY.sub("", text, count=1), count=1)
    if skip_lowercase:
        words = text.split(" ")
        skip = 0
        while skip < min(len(words), _MAX_SKIPPED) and not _looks_named(words[skip]):
            skip += 1
        text = " ".join(words[skip:])
    end = _NAME_END.search(text)
    candidate = (text[: end.start()] if end else text).strip(" \"'\u201c\u201d\u2018\u2019")
    if "(" in candidate and ")" not in candidate:
        candidate = candidate.split("(")[0].strip()
    words = candidate.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    defined = _ENDS_WITH_ACRONYM.search(candidate)
    if defined and len(words) == 1:  # "(ADEM)" after a skipped description
        return defined.group("acronym")
    if defined:  # "importance weighted autoencoder (IWAE)"
        return _capitalise(candidate)
    acronym = _ACRONYM_AFTER.match(text[len(candidate) :])
    if acronym:
        return _capitalise(f"{candidate} ({acronym.group('acronym')})")
    if not _looks_named(words[0]) or words[0].lower() in _STOP_WORDS:
        return None
    return candidate  # a name keeps its own case: "muTransfer"


def _looks_named(word: str) -> bool:
    """A word that can start a name: it has a capital or a digit ("Codex", "muP", "GSM8K")."""
    return any(ch.isupper() or ch.isdigit() for ch in word)


def key_phrase(sentences: list[str]) -> str | None:
    """The abstract's most repeated run of content words, capitalised.

    Runs of up to `MAX_PHRASE_WORDS` words are scored by count x length (a two-word phrase said
    twice beats a word said three times); longer runs win ties, then earlier ones.

    A run stops at stop words, bare numbers and punctuation, so a phrase never spans a comma.
    """
    text = " . ".join(sentences)
    tokens = (_ASCII_PHRASE_TOKEN if text.isascii() else _PHRASE_TOKEN).findall(text)
    # None marks a break; n-grams holding one are filtered out by `all` (C-level, no loop).
    flat = [
        None if (low in _STOP_WORDS or low.isdigit() or not low[0].isalnum()) else low
        for low in (t.lower() for t in tokens)
    ]
    best: tuple[int, int, tuple[str, ...]] | None = None
    for size in range(1, MAX_PHRASE_WORDS + 1):
        grams = Counter(filter(all, zip(*(flat[i:] for i in range(size)), strict=False)))
        if grams:
            # most_common keeps the first-counted of equals, i.e. the earliest in the text.
            gram, count = grams.most_common(1)[0]
            # A phrase said once is not key, however long: "learn dexterous in-hand".
            if size > 1 and count < 2:
                continue
            if best is None or (count * size, size) > best[:2]:
                best = (count * size, size, gram)
    if best is None:
        return None
    wanted = list(best[2])
    start = next(
        i for i in range(len(flat)) if flat[i] == wanted[0] and flat[i : i + best[1]] == wanted
    )
    return _capitalise(" ".join(tokens[start : start + best[1]]))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
