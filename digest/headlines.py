"""Headlines: what a paper is called in the digest.

The paper's own title when it has one. Many inputs are bare abstracts, so otherwise the name
the abstract gives its contribution ("We call the resulting models InstructGPT", "We introduce
Codex, a ...", "a novel technique called Hindsight Experience Replay"), else a short key phrase
of the abstract (its most repeated run of content words), capitalised.
"""

from __future__ import annotations

import re
from collections import Counter
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
# Words of a key phrase keep their hyphens ("real-world", "pre-trained").
_PHRASE_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")

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


def derive_headline(paper: Paper) -> str:
    """The title if the paper has one, else the name of its contribution, else a key phrase."""
    if paper.title and paper.title.strip():
        return _WHITESPACE.sub(" ", paper.title).strip()
    sentences = split_sentences(paper.abstract)[:MAX_SENTENCES]
    return contribution_name(sentences) or key_phrase(sentences) or UNTITLED


def contribution_name(sentences: list[str]) -> str | None:
    """The name the abstract gives its contribution, if it gives one.

    "called X" / "we call ... X" come first: they are explicit. Then the object of "we
    introduce/present/propose", if it starts with a capitalised word ("Codex", "Procgen
    Benchmark") or is a description with its acronym ("importance weighted autoencoder (IWAE)").
    """
    for sentence in sentences:
        for match in _CALLED.finditer(sentence):
            name = _name_at_start(match.group("name"), skip_lowercase=True)
            if name:
                return name
    for sentence in sentences:
        for match in _INTRODUCE.finditer(sentence):
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
    """The abstract's most repeated run of content words (longer runs win ties), capitalised."""
    counts: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], str] = {}
    for sentence in sentences:
        run: list[str] = []
        for word in [*_PHRASE_WORD.findall(sentence), ""]:
            if word and word.lower() not in _STOP_WORDS and not word.isdigit():
                run.append(word)
                continue
            for size in range(1, MAX_PHRASE_WORDS + 1):
                for start in range(len(run) - size + 1):
                    words = run[start : start + size]
                    key = tuple(w.lower() for w in words)
                    counts[key] += 1
                    surface.setdefault(key, " ".join(words))
            run = []
    if not counts:
        return None
    # `surface` keeps first-seen order, so max() keeps the earliest of equals.
    best = max(surface, key=lambda k: (counts[k] * len(k), len(k)))
    return _capitalise(surface[best])


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
