"""Headlines: what a paper is called in the digest.

The paper's own title when it has one. Many inputs are bare abstracts, so otherwise the name
the abstract gives its contribution ("We call the resulting models InstructGPT", "We introduce
Codex, a ...", "a novel technique called Hindsight Experience Replay"), else a short key phrase
of the abstract (its most repeated run of content words), capitalised.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import contains
from typing import Final

from digest.models import Paper
from digest.sentences import STOP_WORDS, split_sentences

# A name longer than this is a description, not a name.
MAX_NAME_WORDS: Final = 8
# Key phrases are runs of up to this many content words.
MAX_PHRASE_WORDS: Final = 4
# Only the first sentences are searched: a pasted book must not cost more than an abstract.
MAX_SENTENCES: Final = 40
UNTITLED: Final = "Untitled"
# "we call the resulting models X": at most this many lowercase words before the name.
_MAX_SKIPPED: Final = 4

_STOP_WORDS: Final = STOP_WORDS
# Words that say nothing about a paper's subject on their own: a phrase neither starts nor ends
# with one ("Models", "Results", "report documents ideas").
_GENERIC_WORDS: Final = frozenset(
    {"approach", "method", "model", "paper", "work", "result", "task", "problem", "study"}
    | {"approaches", "methods", "models", "papers", "results", "tasks", "problems", "studies"}
    | {"performance", "new", "novel", "different", "various", "show", "use", "based", "way"}
    | {"technique", "framework", "system", "algorithm", "setting", "data", "experiment"}
    | {"techniques", "frameworks", "systems", "algorithms", "settings", "experiments"}
    | {"report", "article", "existing", "recent", "key", "simple", "general", "specific"}
)
# A content word right after these is a verb ("we fine-tune X", "to answer X", "that require").
_VERB_BEFORE: Final = frozenset({"we", "to", "can", "will", "also", "then", "that", "which", "who"})
# Verbs by which an abstract says what it does: the run of words after one is its object
# ("this paper explores domain randomization"), which names the subject best.
_AIM_VERBS: Final = frozenset(
    {"propose", "introduce", "present", "explore", "study", "investigate", "examine"}
    | {"proposes", "introduces", "presents", "explores", "studies", "investigates", "examines"}
    | {"describe", "develop", "perform", "provide", "analyze", "address"}
    | {"describes", "develops", "performs", "provides", "analyzes", "addresses"}
    | {"derive", "derives"}
)


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
_ENDS_WITH_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][\w-]*[A-Z0-9][\w-]*)\)$")


def derive_headline(
    paper: Paper, *, sentences: Sequence[str] | None = None, focus: int | None = None
) -> str:
    """The title if the paper has one, else the name of its contribution, else a key phrase.

    `sentences` may pass the abstract already split, to save splitting it twice; `focus` the
    index among them of the sentence that states the contribution, where the key phrase is
    looked for first.
    """
    if paper.title and paper.title.strip():
        return _WHITESPACE.sub(" ", paper.title).strip()
    if sentences is None:
        sentences = split_sentences(paper.abstract, limit=MAX_SENTENCES)
    sentences = list(sentences[:MAX_SENTENCES])
    return contribution_name(sentences) or key_phrase(sentences, focus) or UNTITLED


def contribution_name(sentences: list[str]) -> str | None:
    """The name the abstract gives its contribution, if it gives one.

    "called X" / "we call ... X" come first: they are explicit. Then the object of "we
    introduce/present/propose", if it starts with a capitalised word ("Codex", "Procgen
    Benchmark") or is a description with its acronym ("importance weighted autoencoder (IWAE)").
    """
    # One search over all sentences, one per line: the patterns' "." stops at a newline.
    text = "\n".join(sentences)
    lowered = text.lower()
    if any(word in lowered for word in _CALLED_WORDS):
        for rest in _names_after(_CALLED, text, lowered):
            name = _name_at_start(rest, skip_lowercase=True)
            if name:
                return name
    for rest in _names_after(_INTRODUCE, text, lowered):
        name = _name_at_start(rest, skip_lowercase=False) or _apposition(rest)
        if name:
            return name
    return None


def _names_after(pattern: re.Pattern[str], text: str, lowered: str) -> Iterator[str]:
    """The "name" group of each match of `pattern` in `text`.

    Matching the lowercased text without IGNORECASE is a third faster; it finds the same
    spans when lowercasing keeps every character's position, as it does for ASCII.
    """
    if len(lowered) != len(text):
        yield from (m.group("name") for m in pattern.finditer(text))
        return
    for match in _LOWERCASE_PATTERNS[pattern].finditer(lowered):
        yield text[match.start("name") : match.end("name")]


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


def key_phrase(sentences: list[str], focus: int | None = None) -> str | None:
    """A short noun phrase, capitalised, that says what the abstract is about.

    Candidates are runs of 2 to `MAX_PHRASE_WORDS` content words (a run stops at stop words,
    numbers and punctuation, so a phrase never spans a comma or ends in "of the"), without a
    leading verb ("we fine-tune X", "to answer Y"). A candidate scores by how many other
    sentences repeat each of its words, so the phrase names what the whole abstract is about.
    They are taken from the `focus` sentence (the one that states the contribution) if it has
    one, else from the whole abstract, where a phrase must occur twice. Failing both, the
    abstract's most repeated word.
    """
    lowered = [s.lower() for s in sentences]
    if focus is not None and 0 <= focus < len(sentences):
        phrase = _best_phrase([_phrase_tokens(sentences[focus])], lowered, min_count=1)
        if phrase:
            return phrase
    tokenized = [_phrase_tokens(s) for s in sentences]
    phrase = _best_phrase(tokenized, lowered, min_count=2)
    if phrase:
        return phrase
    words = [t for tokens in tokenized for t in tokens if _is_phrase_word(t)]
    if not words:
        return None
    counts = Counter(_fold(w) for w in words)
    # most_common keeps the first-counted of equals, i.e. the earliest in the text.
    best = counts.most_common(1)[0][0]
    return _capitalise(next(w for w in words if _fold(w) == best))


def _phrase_tokens(sentence: str) -> list[str]:
    return (_ASCII_PHRASE_TOKEN if sentence.isascii() else _PHRASE_TOKEN).findall(sentence)


def _fold(word: str) -> str:
    """The word as compared: lowercased, a plural "s" dropped ("questions" ~ "question")."""
    low = word.lower()
    return low[:-1] if len(low) > 3 and low.endswith("s") and not low.endswith("ss") else low


def _is_phrase_word(token: str) -> bool:
    low = token.lower()
    return token[0].isalnum() and low not in _STOP_WORDS and not low.isdigit()


def _best_phrase(tokenized: list[list[str]], lowered: list[str], *, min_count: int) -> str | None:
    # How many sentences hold a (folded) word, as a substring: "question" counts "questions".
    spread: dict[str, int] = {}
    scores: dict[tuple[str, ...], float] = {}
    counts: Counter[tuple[str, ...]] = Counter()
    first: dict[tuple[str, ...], list[str]] = {}
    objects: dict[tuple[str, ...], bool] = {}
    for tokens in tokenized:
        for run, is_object in _content_runs(tokens):
            if len(run) < 2:
                continue
            keys = [_fold(w) for w in run]
            generic = [w.lower() in _GENERIC_WORDS for w in run]
            for k in keys:
                if k not in spread:
                    spread[k] = sum(map(contains, lowered, repeat(k)))
            # Each word counts the other sentences that use it, plus a little for itself, so
            # that of equally repeated phrases the longer wins.
            weights = [0.0 if g else spread[k] - 0.5 for k, g in zip(keys, generic, strict=True)]
            for size in range(2, min(MAX_PHRASE_WORDS, len(run)) + 1):
                for start in range(len(run) - size + 1):
                    end = start + size
                    if generic[start] or generic[end - 1]:
                        continue
                    key = tuple(keys[start:end])
                    counts[key] += 1
                    if key not in first:
                        first[key] = run[start:end]
                        objects[key] = is_object
                        scores[key] = sum(weights[start:end])
    eligible = [k for k in scores if counts[k] >= min_count]
    if not eligible:
        return None
    # The object of "we propose/study/explore" first; dicts keep insertion order and max keeps
    # the first of equals, so the earliest phrase wins ties.
    best = max(eligible, key=lambda k: (objects[k], scores[k] + counts[k] - 1))
    return _capitalise(" ".join(first[best]))


def _content_runs(tokens: list[str]) -> list[tuple[list[str], bool]]:
    """Maximal runs of content words, without a verb that opens them, and whether each is
    the object of one of `_AIM_VERBS`."""
    runs: list[tuple[list[str], bool]] = []
    run: list[str] = []
    before = ""
    is_object = False
    for token in tokens:
        low = token.lower()
        if (
            token[0].isalnum()
            and low not in _STOP_WORDS
            and low not in _AIM_VERBS
            and not low.isdigit()
        ):
            if not run and (before in _VERB_BEFORE or low.endswith("ing")):
                before = ""  # "we fine-tune X", "to answer X", "using X": not the phrase
                continue
            run.append(token)
            continue
        if run:
            runs.append((run, is_object))
            run = []
        is_object = low in _AIM_VERBS
        before = low
    if run:
        runs.append((run, is_object))
    return runs


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
