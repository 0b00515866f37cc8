"""Headlines: the last resort, a short key phrase of the abstract's content words."""

from __future__ import annotations

import re
from collections import Counter
from itertools import repeat
from operator import contains
from typing import Final

from digest.headlines.words import GENERIC_WORDS, capitalise
from digest.sentences import STOP_WORDS

# Key phrases are runs of up to this many content words.
MAX_PHRASE_WORDS: Final = 4


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


# Words of a key phrase keep their hyphens ("real-world", "pre-trained"); punctuation is a
# token of its own, so that it breaks phrases.
_PHRASE_TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*|[^\w\s]")
_ASCII_PHRASE_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^\w\s]")


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
        phrase = _best_key_phrase([_phrase_tokens(sentences[focus])], lowered, min_count=1)
        if phrase:
            return phrase
    tokenized = [_phrase_tokens(s) for s in sentences]
    phrase = _best_key_phrase(tokenized, lowered, min_count=2)
    if phrase:
        return phrase
    words = [t for tokens in tokenized for t in tokens if _is_phrase_word(t)]
    if not words:
        return None
    counts = Counter(_fold(w) for w in words)
    # most_common keeps the first-counted of equals, i.e. the earliest in the text.
    best = counts.most_common(1)[0][0]
    return capitalise(next(w for w in words if _fold(w) == best))


def _phrase_tokens(sentence: str) -> list[str]:
    return (_ASCII_PHRASE_TOKEN if sentence.isascii() else _PHRASE_TOKEN).findall(sentence)


def _fold(word: str) -> str:
    """The word as compared: lowercased, a plural "s" dropped ("questions" ~ "question")."""
    low = word.lower()
    return low[:-1] if len(low) > 3 and low.endswith("s") and not low.endswith("ss") else low


def _is_phrase_word(token: str) -> bool:
    low = token.lower()
    return token[0].isalnum() and low not in STOP_WORDS and not low.isdigit()


def _best_key_phrase(
    tokenized: list[list[str]], lowered: list[str], *, min_count: int
) -> str | None:
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
            generic = [w.lower() in GENERIC_WORDS for w in run]
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
    return capitalise(" ".join(first[best]))


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
            and low not in STOP_WORDS
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
