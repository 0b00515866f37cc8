"""Headlines: the name an abstract gives its contribution, and what it says the named
thing is.

"We introduce Codex, a GPT language model ...", "a novel technique called Hindsight Experience
Replay", "Phasic Policy Gradient (PPG)": `contribution_name` finds the name, and
`description_of` the description set beside it ("GSM8K, a dataset of ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from digest.headlines.phrases import indefinite_article, kept_indices, phrase_cuts, words_of
from digest.headlines.words import (
    AIMS,
    GENERIC_WORDS,
    HEADS,
    KIND_HEADS,
    MAX_HEADLINE_WORDS,
    MAX_NAME_WORDS,
    WORD,
    Sentence,
    capitalise,
    classified_sentence,
)
from digest.sentences import STOP_WORDS

# "we call the resulting models X": at most this many lowercase words before the name.
_MAX_SKIPPED: Final = 4


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
# Any "called"/"we call" phrase holds one of these; most abstracts hold none.
_CALLED_WORDS: Final = ("call", "nam", "dub", "term", "coin")
# The same patterns without IGNORECASE (their words are lowercase), for lowercased text.
_LOWERCASE_PATTERNS: Final = {p: re.compile(p.pattern) for p in (_CALLED, _INTRODUCE)}
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
# What a paper tries its contribution on, rather than what it contributes.
_TEST_BEDS: Final = frozenset(
    {"environment", "environments", "task", "tasks", "game", "games", "benchmark", "domain"}
    | {"domains", "testbed", "simulator", "world", "platform", "competition", "challenge"}
)
_QUOTES_AND_DASHES: Final = " \"'\u201c\u201d\u2018\u2019-\u2013\u2014"
_ENDS_WITH_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][\w-]*[A-Z0-9][\w-]*)\)$")


def contribution_name(sentences: list[str]) -> str | None:
    """The name the abstract gives its contribution, if it gives one.

    "called X" / "we call ... X" come first: they are explicit. Then the object of "we
    introduce/present/propose", if it starts with a capitalised word ("Codex", "Procgen
    Benchmark") or is a description with its acronym ("importance weighted autoencoder (IWAE)").
    A name given to a test bed after the paper has stated its aim ("we design a new
    competitive environment, RoboSumo") is what the contribution is tried on, not its name.
    """
    # One search over all sentences, one per line: the patterns' "." stops at a newline.
    text = "\n".join(sentences)
    lowered = text.lower()
    if any(word in lowered for word in _CALLED_WORDS):
        for at, rest in _names_after(_CALLED, text, lowered):
            name = _name_at_start(rest, skip_lowercase=True)
            if name and not (_names_a_test_bed(text, at) and _after_the_aim(lowered, at)):
                return name
    for at, rest in _names_after(_INTRODUCE, text, lowered):
        name = _name_at_start(rest, skip_lowercase=False)
        if name is None:
            name = _apposition(rest)
            if name and _names_a_test_bed(rest, 0) and _after_the_aim(lowered, at):
                continue
        if name:
            return name
    return None


def _after_the_aim(lowered: str, at: int) -> bool:
    """Whether `at` is in a sentence (one a line) after the first that states the aim."""
    lines = lowered.split("\n")
    aim = next((i for i, line in enumerate(lines) if AIMS.intersection(line.split())), 0)
    return lowered.count("\n", 0, at) > aim


def _names_a_test_bed(text: str, at: int) -> bool:
    """Whether the words just before `at` (or, at 0, the words that open `text`) say the name
    is of a test bed ("a novel navigation task called Box-World", "a new competitive
    environment, RoboSumo"): named after the paper has stated its aim, that is what the
    contribution is tried on, not the contribution."""
    near = text[max(0, at - 60) : at] if at else text.partition(",")[0]
    return bool(_TEST_BEDS.intersection(WORD.findall(near.lower())))


def _names_after(pattern: re.Pattern[str], text: str, lowered: str) -> Iterator[tuple[int, str]]:
    """Where each match of `pattern` in `text` starts, and its "name" group.

    Matching the lowercased text without IGNORECASE is a third faster; it finds the same
    spans when lowercasing keeps every character's position, as it does for ASCII.
    """
    if len(lowered) != len(text):
        yield from ((m.start(), m.group("name")) for m in pattern.finditer(text))
        return
    for match in _LOWERCASE_PATTERNS[pattern].finditer(lowered):
        yield match.start(), text[match.start("name") : match.end("name")]


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
    text = _ARTICLE_ONLY.sub("", text, count=1)
    text = _LEADING_ARTICLE.sub("", _LEADING_ARTICLE.sub("", text, count=1), count=1)
    if skip_lowercase:
        words = text.split(" ")
        skip = 0
        while skip < min(len(words), _MAX_SKIPPED) and not _looks_named(words[skip]):
            skip += 1
        text = " ".join(words[skip:])
        if skip and _ACRONYM_AFTER.match(text):
            # "named sequential knowledge transformer (SKT)": the skipped words are its name.
            spelled = [w for w in words[:skip] if w.lower() not in STOP_WORDS]
            acronym = _ACRONYM_AFTER.match(text)
            if spelled and acronym and len(spelled) == skip:
                return capitalise(f"{' '.join(spelled)} ({acronym.group('acronym')})")
            return None
    end = _NAME_END.search(text)
    candidate = (text[: end.start()] if end else text).strip(_QUOTES_AND_DASHES)
    if "(" in candidate and ")" not in candidate:
        candidate = candidate.split("(")[0].strip()
    elif ")" in candidate and "(" not in candidate:
        candidate = candidate.split(")")[0].strip()  # "(named IncReg)"
    words = candidate.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    if words[0].lower() in STOP_WORDS and words[0].lower() not in ("beyond",):
        return None  # "for deep reinforcement learning (RL)" after "an approach"
    defined = _ENDS_WITH_ACRONYM.search(candidate)
    if defined and len(words) == 1:  # "(ADEM)" after a skipped description
        return defined.group("acronym")
    if defined:  # "importance weighted autoencoder (IWAE)"
        return capitalise(candidate)
    acronym = _ACRONYM_AFTER.match(text[len(candidate) :])
    if acronym:
        return capitalise(f"{candidate} ({acronym.group('acronym')})")
    if not _looks_named(words[0]) or words[0].lower() in STOP_WORDS:
        return None
    return candidate  # a name keeps its own case: "muTransfer"


def _looks_named(word: str) -> bool:
    """A word that can start a name: it has a capital or a digit ("Codex", "muP", "GSM8K")."""
    return any(ch.isupper() or ch.isdigit() for ch in word)


def description_of(
    name: str, sentences: list[str], classified: Callable[[str], Sentence] = classified_sentence
) -> list[str] | None:
    """What the abstract says its named contribution is, right after the name ("GSM8K, a
    dataset of ..." -> "a dataset of ...") or right before it ("an alternative search method,
    Policy Gradient Search (PGS)" -> "a search method"). The article stays, as in a title.
    `classified` classes the parts of sentences looked at (`described_parts`)."""
    budget = MAX_HEADLINE_WORDS - len(name.split())
    for sentence in sentences:
        at = sentence.find(name)
        if at < 0:
            continue
        after = _described_after(sentence[at + len(name) :], name, budget, classified)
        if after is None:
            after = _described_before(sentence[:at], name, budget, classified)
        if after is not None:
            return after
    return None


def described_parts(name: str, sentences: list[str]) -> list[str]:
    """Every part of a sentence that `description_of` may class, so that they are classed
    together, beforehand."""
    parts = []
    for sentence in sentences:
        at = sentence.find(name)
        if at < 0:
            continue
        after = _apposition_after(sentence[at + len(name) :])
        if after is not None:
            parts.append(after[1])
        before = _APPOSITION_BEFORE.search(sentence[:at])
        if before:
            parts.append(before.group("before"))
    return parts


def _apposition_after(rest: str) -> tuple[re.Match[str], str] | None:
    """The apposition that follows a name (", a" or ":"), and the words after it."""
    rest = _ACRONYM_AFTER.sub("", rest, count=1)
    match = _APPOSITION_AFTER.match(rest)
    return (match, rest[match.end() :]) if match else None


def _described_after(
    rest: str, name: str, budget: int, classified: Callable[[str], Sentence]
) -> list[str] | None:
    apposition = _apposition_after(rest)
    if apposition is None:
        return None
    match, after = apposition
    described = classified(after)
    if described.classes[:1] in ("G", "B", "x"):
        return None  # "X, introducing ...": a clause, not what X is
    cuts = phrase_cuts((), described, 0, budget - (1 if match.group(1) else 0))
    phrase = words_of(described, cuts[-1]) if cuts else None
    if phrase and adds_to_name(phrase, name) and len(phrase) >= 2:
        return [match.group(1).lower(), *phrase] if match.group(1) else phrase
    return None


def _described_before(
    text: str, name: str, budget: int, classified: Callable[[str], Sentence]
) -> list[str] | None:
    """The noun group that ends right before the name, if it says more than a kind of thing
    ("a new simulation-based search method", not "a novel technique")."""
    match = _APPOSITION_BEFORE.search(text)
    if not match:
        return None
    described = classified(match.group("before"))
    groups = [m for m in HEADS.finditer(described.classes) if m.end() == len(described.classes)]
    if not groups or described.classes[groups[-1].start()] == "G":
        return None  # "by augmenting a technique, NAME": what is done with it
    start = groups[-1].start()
    while start < len(described.words) and described.classes[start] in "DE":
        start += 1
    kept = kept_indices(described, start, groups[-1].end())
    if not kept or not 3 <= len(kept) < budget or "M" in {described.classes[i] for i in kept}:
        return None  # not "a 280 billion parameter model": its size, not what it is
    phrase = [described.words[i] for i in kept]
    if not adds_to_name(phrase, name):
        return None
    before = described.words[groups[-1].start() - 1 : groups[-1].start() + 1]
    if not {"a", "an"}.intersection(w.lower() for w in before):
        return phrase
    return [indefinite_article(phrase[0]), *phrase]


_APPOSITION_AFTER: Final = re.compile(r"\s*[,:]\s*(?:(a|an)\s+)?(?=\w)")
# "... a search method, NAME", "... a technique called NAME" or "... a new paradigm we call
# NAME": the description before it. Tried only where the description may start (the text's
# start, or after a ",", ";", ":" or bracket: from anywhere else one char earlier matches
# too), with its spaces counted from where their run starts: tried from every place, a long
# text without a comma was rescanned to its end from each of its characters.
_APPOSITION_BEFORE: Final = re.compile(
    r"(?<![^,;:()])(?P<before>[^,;:()]*?)(?<!\s)\s*+(?:,|\b(?:called|named|dubbed|termed)|\bwe\s+(?:call|name|term|dub))"
    r"\s*$",
    re.IGNORECASE,
)


def holds_name(phrase: list[str], name: str) -> bool:
    """Whether a phrase holds the name's words in a row ("Pruning in training" holds
    "Pruning"; the words in brackets need not be there)."""
    named = [w.lower() for w in name.split() if not w.startswith("(")]
    lowered = [w.lower() for w in phrase]
    return any(lowered[i : i + len(named)] == named for i in range(len(lowered)))


def adds_to_name(phrase: list[str], name: str) -> bool:
    """Whether a phrase says more than the name: a noun of its own, not only 'a method', and
    not the name again ("Entity Recognition (NER): improving Named Entity Recognition")."""
    if holds_name(phrase, name):
        return False
    named = {w.lower() for w in name.split()}
    return any(
        w.lower() not in named and w.lower() not in KIND_HEADS and w.lower() not in GENERIC_WORDS
        for w in phrase
        if w[0].isalpha()
    )
