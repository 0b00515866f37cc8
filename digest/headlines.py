"""Headlines: what a paper is called in the digest.

The paper's own title when it has one. Many inputs are bare abstracts, so otherwise a headline
of about 4 to 10 words made of the abstract's words, as a title would read:
- what the paper names, with what it is: "GSM8K: a dataset of grade school math word problems",
  "Policy Gradient Search (PGS): a simulation-based search method" (the name the abstract
  gives its contribution, "We introduce Codex, a ...", "a novel technique called Hindsight
  Experience Replay", and the description set beside it);
- else its best phrase: a noun phrase ("Generalization of neural networks on small
  algorithmically generated datasets"), a purpose as a gerund phrase ("to learn dexterous
  in-hand manipulation policies" -> "Learning dexterous in-hand manipulation policies"), or
  a noun defined by its apposition ("Domain randomization: a technique for training models on
  simulated images"). Candidates come from the sentences that open the abstract, state its
  contribution or say "we propose/study ...". Each word gets the odds that a title uses it
  (from how many sentences use it, where, what kind of word it is, and how often SciTLDR
  titles use it when their abstracts do: see `title_odds`); the phrase with the best expected
  ROUGE-1 F1 against a title wins. A short phrase of the field's commonest words ("Deep
  reinforcement learning") or of a word and a generic head ("Reward model") names no paper in
  particular, and wins only when nothing else can.
Failing all that, a short key phrase.

Phrases are found with regular expressions on a string of one letter per word (its class:
noun, modifier, preposition, ...); a phrase's expected F1 is two differences of running sums.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from operator import contains
from typing import Any, Final

import numpy as np
import Stemmer  # type: ignore[import-not-found]  # PyStemmer: no stubs

from digest.cycles import collector_paused
from digest.models import Paper
from digest.sentences import STOP_WORDS, split_sentences
from digest.tagging import (
    NOUNS,
    TAG_INDEX,
    TAGS,
    tag_batch,
    tag_words,
    tokenize,
    vocabulary,
    word_tags,
)

# A name longer than this is a description, not a name.
MAX_NAME_WORDS: Final = 8
# Key phrases are runs of up to this many content words.
MAX_PHRASE_WORDS: Final = 4
# Only the first sentences are searched: a pasted book must not cost more than an abstract.
MAX_SENTENCES: Final = 40
UNTITLED: Final = "Untitled"
_STEMMER: Final = Stemmer.Stemmer("english")
# A headline reads like a title: at most this many words (titles have 8 on average).
MAX_HEADLINE_WORDS: Final = 10
# Sentences searched for what the paper says it does, besides the focus sentence.
AIM_SENTENCES: Final = 12
# Words in a title, as ROUGE counts them ("in-hand" is two): 8.5 on average in SciTLDR train.
TITLE_WORDS: Final = 8.5
# Sentences saying "we propose/study ..." whose phrases are candidates, besides the first two
# sentences and the focus sentence.
CANDIDATE_AIMS: Final = 2
# "we call the resulting models X": at most this many lowercase words before the name.
_MAX_SKIPPED: Final = 4
# How often titles use a word whose abstract does, learned from SciTLDR train by
# `bench/headlines.py --fit`: "stem<TAB>papers<TAB>titles" per line.
TITLE_WORDS_FILE: Final = "headline_words.tsv"

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
# What a paper tries its contribution on, rather than what it contributes.
_TEST_BEDS: Final = frozenset(
    {"environment", "environments", "task", "tasks", "game", "games", "benchmark", "domain"}
    | {"domains", "testbed", "simulator", "world", "platform", "competition", "challenge"}
)
_QUOTES_AND_DASHES: Final = " \"'\u201c\u201d\u2018\u2019-\u2013\u2014"
_ENDS_WITH_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][\w-]*[A-Z0-9][\w-]*)\)$")


def derive_headline(
    paper: Paper, *, sentences: Sequence[str] | None = None, focus: int | None = None
) -> str:
    """The title if the paper has one, else a title-like headline made of the abstract's words.

    `sentences` may pass the abstract already split, to save splitting it twice; `focus` the
    index among them of the sentence that states the contribution, where the headline is
    looked for first. (`derive_headlines` derives many at once.)
    """
    title = _own_title(paper)
    if title is not None:
        return title
    if sentences is None:
        sentences = split_sentences(paper.abstract, limit=MAX_SENTENCES)
    sentences = list(sentences[:MAX_SENTENCES])
    return headline_of(sentences, focus) or UNTITLED


def derive_headlines(
    papers: Sequence[Paper], sentence_lists: Sequence[Sequence[str]], foci: Sequence[int | None]
) -> list[str]:
    """`derive_headline` of each paper, given its abstract split into sentences and its focus
    sentence: for many papers at once, the same headlines at a fraction of the cost, as the
    sentences their phrases come from are tagged together and their words' title odds
    weighed together (see `best_phrases`)."""
    headlines = [_own_title(paper) for paper in papers]
    untitled = [i for i, title in enumerate(headlines) if title is None]
    with collector_paused():
        derived = headlines_of(
            [(list(sentence_lists[i][:MAX_SENTENCES]), foci[i]) for i in untitled]
        )
    for i, headline in zip(untitled, derived, strict=True):
        headlines[i] = headline
    return [headline or UNTITLED for headline in headlines]


def _own_title(paper: Paper) -> str | None:
    """The paper's title on one line, if it has one, without the full stop bibliographic
    databases end titles with (MEDLINE, PsycNET, Web of Science: "Family functioning in
    bipolar I disorder."), which a headline followed by its summary ("Title.: …") does not
    want; a stop that ends an abbreviation ("Bacillus sp.", "the U.S.", "et al.") stays."""
    if not (paper.title and paper.title.strip()):
        return None
    title = _WHITESPACE.sub(" ", paper.title).strip()
    if _in_capitals(title):
        title = _sentence_cased(title, paper.abstract)
    if not title.endswith(".") or title.endswith(".."):
        return title
    last = title[:-1].rsplit(" ", 1)[-1].casefold()
    if "." in last or last.lstrip("([") in _ABBREVIATIONS:
        return title
    return title[:-1]


def _in_capitals(title: str) -> bool:
    """Whether the whole title is in capitals, as older Web of Science and some Crossref
    records write it ("PHENOMICS: THE SYSTEMATIC STUDY OF PHENOTYPES")."""
    words = _TITLE_WORD.findall(title)
    return len(words) >= _MIN_WORDS and title.upper() == title != title.lower()


# A shorter title in capitals is more likely a name ("BERT", "GLUE BENCHMARK") than shouting.
_MIN_WORDS: Final = 3
_TITLE_WORD = re.compile(r"[^\W_]+")
# Where a word of the abstract opens a sentence, its capital says nothing of its spelling.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)$")


def _sentence_cased(title: str, abstract: str) -> str:
    """A title in capitals as a sentence would spell it: each word as the abstract spells it
    inside a sentence ("PAC-Bayesian", "DNA", "Twitter"), else in small letters unless it
    cannot be read as a word ("CNN"); the first letter a capital. Shouted titles are hard to
    read among the others, and the abstract knows which capitals are the authors'."""
    spellings: dict[str, Counter[str]] = {}
    for m in _TITLE_WORD.finditer(abstract):
        word = m.group()
        if (len(word) > 1 and word.isupper()) or not _SENTENCE_START.search(
            abstract[max(0, m.start() - 3) : m.start()]
        ):
            spellings.setdefault(word.casefold(), Counter())[word] += 1

    def spelled(m: re.Match[str]) -> str:
        word = m.group()
        known = spellings.get(word.casefold())
        if known:
            return known.most_common(1)[0][0]
        return word if _UNREADABLE.fullmatch(word) else word.lower()

    cased = _TITLE_WORD.sub(spelled, title)
    return cased[:1].upper() + cased[1:]


# A word of the title that the abstract does not use stays in capitals if it cannot be read
# as a word: no vowel, or a digit ("CNN", "LSTM", "3D", "H2O").
_UNREADABLE: Final = re.compile(r"[^AEIOUY]+|.*\d.*")


# Words that end a title with their own stop.
_ABBREVIATIONS = frozenset((
    "al", "etc", "sp", "spp", "subsp", "var", "cf", "inc", "ltd", "co", "corp", "vs", "jr",
    "sr", "st", "no", "vol", "eds", "ed", "approx", "fig",
))  # fmt: skip


def headline_of(sentences: list[str], focus: int | None = None) -> str | None:
    """A headline of about 4 to 10 words where the abstract gives one, as a title would read.

    - What the paper names, with what it is: "GSM8K: a dataset of grade school math word
      problems" (the name's apposition, else the best phrase).
    - Else its best phrase (see `best_phrase`): "Generalization of neural networks on small
      algorithmically generated datasets".
    Failing all that, a short key phrase.
    """
    name = contribution_name(sentences[:AIM_SENTENCES])
    described = _described(name, sentences) if name else None
    if name and described:
        return f"{name}: {' '.join(described)}"
    return _headline_with(name, best_phrase(sentences, focus), (sentences, focus))


def headlines_of(abstracts: Sequence[tuple[list[str], int | None]]) -> list[str | None]:
    """`headline_of` of each abstract (its sentences and focus), the best phrases of all
    that need one found at once (`best_phrases`)."""
    headlines: list[str | None] = [None] * len(abstracts)
    names = [contribution_name(sentences[:AIM_SENTENCES]) for sentences, _ in abstracts]
    parts = {
        part: None
        for name, (sentences, _) in zip(names, abstracts, strict=True)
        if name
        for part in _described_parts(name, sentences)
    }
    classified = dict(zip(parts, _classify(list(parts)).sentences, strict=True))
    phrased: list[int] = []
    for i, (name, (sentences, _)) in enumerate(zip(names, abstracts, strict=True)):
        described = _described(name, sentences, classified.__getitem__) if name else None
        if name and described:
            headlines[i] = f"{name}: {' '.join(described)}"
        else:
            phrased.append(i)
    bests = best_phrases([abstracts[i] for i in phrased])
    for i, best in zip(phrased, bests, strict=True):
        headlines[i] = _headline_with(names[i], best, abstracts[i])
    return headlines


def _headline_with(
    name: str | None, best: list[str] | None, abstract: tuple[list[str], int | None]
) -> str | None:
    """The headline of an abstract whose name, if it has one, comes without a description,
    given its best phrase."""
    if name:
        if best and _holds_name(best, name):
            # "Y-learner for estimating heterogeneous treatment effects": the name in its
            # phrase says it better than "Y-learner: Y-learner for ...".
            return _capitalise(" ".join(best)) if len(best) > len(name.split()) else name
        if best and _adds(best, name) and len(name.split()) + len(best) <= MAX_HEADLINE_WORDS:
            return f"{name}: {' '.join(best)}"
        return name
    if best:
        return _capitalise(" ".join(best))
    return key_phrase(*abstract)


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
    aim = next((i for i, line in enumerate(lines) if _AIMS.intersection(line.split())), 0)
    return lowered.count("\n", 0, at) > aim


def _names_a_test_bed(text: str, at: int) -> bool:
    """Whether the words just before `at` (or, at 0, the words that open `text`) say the name
    is of a test bed ("a novel navigation task called Box-World", "a new competitive
    environment, RoboSumo"): named after the paper has stated its aim, that is what the
    contribution is tried on, not the contribution."""
    near = text[max(0, at - 60) : at] if at else text.partition(",")[0]
    return bool(_TEST_BEDS.intersection(_WORD.findall(near.lower())))


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
            spelled = [w for w in words[:skip] if w.lower() not in _STOP_WORDS]
            acronym = _ACRONYM_AFTER.match(text)
            if spelled and acronym and len(spelled) == skip:
                return _capitalise(f"{' '.join(spelled)} ({acronym.group('acronym')})")
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
    if words[0].lower() in _STOP_WORDS and words[0].lower() not in ("beyond",):
        return None  # "for deep reinforcement learning (RL)" after "an approach"
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


# --- headlines as phrases -------------------------------------------------------------------

# "We propose/introduce/study X", "this paper presents X": X is what the paper is about.
_AIMS: Final = frozenset(
    {"propose", "introduce", "present", "study", "investigate", "explore", "examine"}
    | {"develop", "describe", "consider", "address", "analyze", "analyse", "design"}
    | {"formulate", "tackle", "revisit", "focus", "derive", "provide", "offer", "establish"}
    | {"proposes", "introduces", "presents", "studies", "investigates", "explores"}
    | {"examines", "develops", "describes", "considers", "addresses", "analyzes", "analyses"}
    | {"designs", "formulates", "tackles", "revisits", "focuses", "derives", "provides"}
)
# Who states an aim: "we", "this paper", "the present work", "here".
_AIM_SUBJECTS: Final = frozenset({"we", "paper", "work", "report", "article", "here", "study"})
# Opening a noun phrase, dropped from a headline: "the", "our", "this".
_DETERMINERS: Final = frozenset({"a", "an", "the", "our", "this", "these", "its", "their"})
# Prepositions a title's phrase goes on with: "X of Y", "X for Y", "X with Y".
_PREPOSITIONS: Final = frozenset(
    {"of", "for", "in", "on", "with", "via", "from", "under", "through", "across", "between"}
    | {"over", "without", "towards", "toward", "against", "beyond", "within", "among", "at"}
    | {"as"}
)
# Heads that name only the kind of contribution: "a novel approach for X" is about X.
_KIND_HEADS: Final = frozenset(
    {"approach", "method", "technique", "way", "problem", "task", "concept", "notion", "use"}
    | {"idea", "avenue", "family", "class", "question", "issue", "means", "strategy"}
    | {"approaches", "methods", "techniques", "ways", "problems", "tasks", "strategies"}
)
# Modifiers that say only that a contribution is a contribution.
_EMPTY_MODIFIERS: Final = frozenset(
    {"novel", "new", "simple", "general", "first", "alternative", "such", "celebrated", "other"}
    | {"several", "many", "various", "different", "two", "three", "some", "certain", "recent"}
    | {"few", "intuitive", "existing", "current", "standard", "typical"}
)
# A content word right after these is a verb: "to increase X", "we fine-tune X".
_BEFORE_VERBS: Final = frozenset(
    {"to", "we", "i", "they", "can", "will", "may", "that", "which", "who"}
)
_NOT_NOUNS: Final = frozenset({"et", "al", "i.e", "e.g", "etc"})
# Verbs that give a name: a phrase stops before them ("an architecture coined as Gram-Net").
_NAMING: Final = frozenset({"called", "named", "dubbed", "termed", "coined"})
# Words that point back to what an earlier sentence said: a phrase stops before them ("such
# attacks", "progress on this problem", "the speed of these algorithms").
_ANAPHORS: Final = frozenset({"such", "this", "these", "those"})
_NOT_GERUNDS: Final = frozenset({"using", "including", "following"})

# Each word's class, one letter, for the phrase patterns below:
# N noun, J adjective, E empty modifier ("novel"), M number or other modifier ("8.5K"),
# V past participle, G gerund, R adverb, B base verb, D determiner, P preposition, C "and",
# t "to", ( and ) brackets, x anything else (a verb, punctuation, ...).
_CLASS_OF_TAG: Final = {
    "NN": "N", "NNS": "N", "NNP": "N", "JJ": "J", "CD": "M", "VBN": "V", "VBG": "G",
    "RB": "R", "VB": "B",
}  # fmt: skip
_CLASS_OF_WORD: Final = {
    **{w: "D" for w in _DETERMINERS},
    **{w: "P" for w in _PREPOSITIONS},
    **{w: "x" for w in _NOT_NOUNS | _NAMING | _ANAPHORS},
    "and": "C",
    "to": "t",
    ",": ",",
    "(": "(",
    ")": ")",
}
_CONTENT_CLASSES: Final = frozenset("NnJEMVGR")
# A noun group: modifiers (an adverb only before an adjective or participle: "procedurally
# generated"), ending on a noun; after its first noun a participle opens a clause ("agent
# following ...").
_GROUP: Final = r"(?:[JVGMEn]|R(?=[JV]))*N(?:(?:[JMENn]|R(?=J))*N)?"
# A head: a noun group, or a gerund with its object ("learning to predict sets").
_HEAD: Final = rf"G(?:tB)?D?{_GROUP}|{_GROUP}"
_HEADS: Final = re.compile(_HEAD)
# What may follow a phrase: a short bracket, then a prepositional phrase, a participle with
# one ("trained on X"), or "and" another noun group.
_MORE: Final = re.compile(
    rf"(?:\([^()]{{0,6}}\))?(?:(?:V?P)D?(?:{_HEAD})|C(?=[DJVGMENR])D?{_GROUP})"
)


@dataclass(frozen=True)
class _Sentence:
    """A sentence's words and their classes, as phrases are found in it."""

    words: list[str]
    classes: str
    # Whether a headline may keep each word: not punctuation, not in brackets, no anaphor.
    keeps: list[bool]
    # How many words it may keep before each position (one more entry than words).
    counts: list[int]


@functools.lru_cache(maxsize=64)
def _classified(sentence: str) -> _Sentence:
    """A sentence's words and the class of each; remembered, as the name, the aim and the
    candidate phrases of one abstract look at the same few sentences (callers never change
    them). The plain, word-by-word definition: `_classify` classes many sentences at once,
    the same to the bit (tests/test_headlines.py holds one to the other)."""
    words = tokenize(sentence)
    tags = tag_words(words)
    classes: list[str] = []
    append = classes.append
    by_word = _WORD_CLASSES
    after_verb_cue = False  # the word before was "to", "we", "can", ...
    after_to = False
    for word, tag in zip(words, tags, strict=True):
        by_tag = by_word.get(word)
        if by_tag is None:
            by_tag = {}
            if len(by_word) < _MEMO_SIZE:
                by_word[word] = by_tag
        kind = by_tag.get(tag)
        if kind is None:
            kind = by_tag[tag] = _word_class(word, tag)
        if after_verb_cue and kind in _VERB_LIKE:
            # A verb: "to increase X", "we fine-tune X".
            kind = "B" if after_to and _may_be_verb(word.lower()) else "x"
        append(kind)
        after_verb_cue = tag == "MD" or word in _BEFORE_VERBS_CASED
        after_to = word == "to" or word == "To"
    if "et" in words:
        for i in range(1, len(words)):
            if words[i] == "et" and classes[i - 1] in _CONTENT_CLASSES:
                classes[i - 1] = "x"  # "Anil et al.": an author, not what the paper is about
    text = "".join(classes)
    # What brackets hold is never kept: "(RL)", "(e.g. X)".
    outside = _BRACKETED.sub(lambda m: "x" * len(m.group()), text) if "(" in text else text
    keeps = [kind not in _NEVER_KEPT for kind in outside]
    return _Sentence(words, text, keeps, list(itertools.accumulate(keeps, initial=0)))


@dataclass(frozen=True)
class _Batch:
    """Sentences classified together, and their words one sentence after another, as the
    title odds of a batch are weighed."""

    sentences: list[_Sentence]
    offsets: list[int]  # where each sentence's words start among all (one more than sentences)
    ids: np.ndarray[Any, Any]  # each word's id in digest.tagging's vocabulary
    keeps: np.ndarray[Any, Any]  # whether a headline may keep each word
    kinds: np.ndarray[Any, Any]  # each word's class, as an ASCII code


def _classify(sentences: Sequence[str]) -> _Batch:
    """The words of each sentence and the class of each word, for many sentences at once:
    they are tagged together (`tag_batch`) and classed by numpy from a table of each word's
    class by its tag, in a few operations over all their words.

    The class is `_word_class`'s, but for a content word right after a verb cue, which is a
    verb ("to increase X", "we fine-tune X"), and for a name before "et al.", which is an
    author, not what the paper is about.
    """
    tokenized = [tokenize(sentence) for sentence in sentences]
    words = [word for sentence_words in tokenized for word in sentence_words]
    offsets = list(itertools.accumulate(map(len, tokenized), initial=0))
    starts = np.zeros(len(words) + 1, dtype=bool)
    starts[offsets] = True
    starts = starts[:-1]
    ids, tags = tag_batch(words, starts)
    table = _word_table()
    kinds = table.kinds_of(ids, tags)
    # What the word before says: a verb cue, "to", or that this word is "et".
    before = np.zeros(len(words), dtype=np.uint8)
    before[1:] = table.cues[ids[:-1]]
    before[1:] |= np.where(tags[:-1] == _MD, _CUE, 0).astype(np.uint8)
    before[starts] = 0
    verbs = np.flatnonzero((before & _CUE).astype(bool) & _VERB_LIKE_CODES[kinds])
    if len(verbs):
        after_to = (before[verbs] & _TO).astype(bool)
        kinds[verbs] = np.where(after_to & table.may_be_verbs(ids[verbs]), ord("B"), ord("x"))
    authors = np.flatnonzero((table.cues[ids] & _ET).astype(bool) & ~starts)
    if len(authors):
        named = authors - 1
        kinds[named[_CONTENT_CODES[kinds[named]]]] = ord("x")
    text = kinds.tobytes().decode("ascii")
    keeps = ~_NEVER_KEPT_CODES[kinds]
    for start, end in itertools.pairwise(offsets):
        if "(" in text[start:end]:
            # What brackets hold is never kept: "(RL)", "(e.g. X)".
            outside = _BRACKETED.sub(lambda m: "x" * len(m.group()), text[start:end])
            keeps[start:end] = [kind not in _NEVER_KEPT for kind in outside]
    kept, counts = _kept_and_counts(keeps, offsets)
    classified = [
        _Sentence(sentence_words, text[start:end], kept[start:end], counts[start + i : end + i + 1])
        for i, (sentence_words, start, end) in enumerate(
            zip(tokenized, offsets[:-1], offsets[1:], strict=True)
        )
    ]
    return _Batch(classified, offsets, ids, keeps, kinds)


def _kept_and_counts(
    keeps: np.ndarray[Any, Any], offsets: list[int]
) -> tuple[list[bool], list[int]]:
    """`keeps` as a list, and the running counts of kept words of each sentence (from 0,
    one more than its words) one after another: the counts of the sentence at
    `offsets[i]:offsets[i + 1]` are at `offsets[i] + i : offsets[i + 1] + i + 1`."""
    total = np.zeros(len(keeps) + 1, dtype=np.intp)
    np.cumsum(keeps, out=total[1:])
    starts = np.array(offsets[:-1], dtype=np.intp)
    sizes: np.ndarray[Any, Any] = np.diff(np.array(offsets, dtype=np.intp)) + 1
    # Each sentence's positions from its start to one past its end, and its start beside.
    first = np.repeat(starts, sizes)
    at = first + np.arange(len(first)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return keeps.tolist(), (total[at] - total[first]).tolist()


class _WordTable:
    """What classing a word needs of it, by its id in digest.tagging's vocabulary, looked up
    by numpy: its class by tag (as `_word_class` gives it, 0 until first needed), whether it
    is a verb cue, "to" or "et", and whether it may be a base verb (-1 until first needed).
    Remembered for the process: a week of abstracts repeats most of its words."""

    def __init__(self) -> None:
        self.size = 0  # words of the vocabulary known here
        self.kinds = np.zeros((0, len(TAGS)), dtype=np.uint8)
        self.cues = np.zeros(0, dtype=np.uint8)
        self.verbs = np.zeros(0, dtype=np.int8)

    def _grow(self) -> None:
        words = vocabulary().words
        if len(words) <= self.size:
            return
        if len(words) > len(self.cues):
            self.kinds = _grown(self.kinds, len(words), 0)
            self.cues = _grown(self.cues, len(words), 0)
            self.verbs = _grown(self.verbs, len(words), -1)
        new = words[self.size :]
        self.cues[self.size : len(words)] = [
            (_CUE if w in _BEFORE_VERBS_CASED else 0)
            | (_TO if w in ("to", "To") else 0)
            | (_ET if w == "et" else 0)
            | (_KIND_HEAD if w.lower() in _KIND_HEADS else 0)
            for w in new
        ]
        self.size = len(words)

    def kinds_of(
        self, ids: np.ndarray[Any, Any], tags: np.ndarray[Any, Any]
    ) -> np.ndarray[Any, Any]:
        """The class of each word by its tag, as ASCII codes (a new array)."""
        self._grow()
        kinds = self.kinds[ids, tags]
        unknown = np.flatnonzero(kinds == 0)
        if len(unknown):
            words = vocabulary().words
            pairs = np.unique(ids[unknown] * len(TAGS) + tags[unknown])
            for id_, tag in zip(*np.divmod(pairs, len(TAGS)), strict=True):
                self.kinds[id_, tag] = ord(_word_class(words[id_], TAGS[tag]))
            kinds = self.kinds[ids, tags]
        return np.asarray(kinds)

    def may_be_verbs(self, ids: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """`_may_be_verb` of each word, lowercased."""
        unknown = ids[self.verbs[ids] < 0]
        if len(unknown):
            words = vocabulary().words
            for id_ in np.unique(unknown).tolist():
                self.verbs[id_] = _may_be_verb(words[id_].lower())
        return np.asarray(self.verbs[ids] > 0)


def _grown(array: np.ndarray[Any, Any], size: int, fill: int) -> np.ndarray[Any, Any]:
    """`array` with room for `size` rows, new ones `fill`: at least twice the rows it had, so
    that a growing vocabulary costs a copy now and then, not each batch."""
    capacity = max(size, 2 * len(array), 1024)
    grown = np.full((capacity, *array.shape[1:]), fill, dtype=array.dtype)
    grown[: len(array)] = array
    return grown


@functools.cache
def _word_table() -> _WordTable:
    return _WordTable()


_CUE: Final = 1  # a word after which a content word is a verb ("we", "to", "can", ...)
_TO: Final = 2  # "to": the verb after it is in its base form
_ET: Final = 4  # "et", of "et al."
_KIND_HEAD: Final = 8  # one of _KIND_HEADS: "approach", "method", ...
_MD: Final = TAG_INDEX["MD"]


def _code_mask(classes: Iterable[str]) -> np.ndarray[Any, Any]:
    """Which ASCII codes are of `classes`, as a table to index with codes."""
    mask = np.zeros(128, dtype=bool)
    mask[[ord(kind) for kind in classes]] = True
    return mask


# A bracket and what it holds, innermost first.
_BRACKETED: Final = re.compile(r"\([^()]*\)?|\)")
# Classes a verb cue before turns into a verb.
_VERB_LIKE: Final = frozenset("NnJEMVG")
_VERB_LIKE_CODES: Final = _code_mask(_VERB_LIKE)


def _word_class(word: str, tag: str) -> str:
    """The class of a word given its tag, whatever the words around it."""
    lower = word.lower()
    kind = _CLASS_OF_WORD.get(lower)
    if kind is not None:
        return kind
    if not word[0].isalnum():
        return "."
    kind = _CLASS_OF_TAG.get(tag, "x")
    if kind in "NJMGV" and lower in _EMPTY_MODIFIERS:
        return "E"
    if kind == "N" and _has_digit(word):
        return "M"  # "8.5K" modifies, like a number
    if kind == "G" and lower in _NOT_GERUNDS:
        return "x"
    if kind == "N" and tag != "NNP" and not _usually_noun(lower):
        return "n"  # "size-invariant" tagged a noun: it may modify, not end a phrase
    return kind


# Classes of words by their tag, remembered across abstracts: word -> tag -> class.
_WORD_CLASSES: dict[str, dict[str, str]] = {}
_BEFORE_VERBS_CASED: Final = _BEFORE_VERBS | {w.capitalize() for w in _BEFORE_VERBS}
# Classes whose words a headline never keeps: punctuation, brackets, and what no phrase
# holds (verbs, pronouns, ...).
_NEVER_KEPT: Final = frozenset(".,()x")
_NEVER_KEPT_CODES: Final = _code_mask(_NEVER_KEPT)
_DETERMINER_CODES: Final = _code_mask("DE")  # a phrase starts past these
_GOES_ON_CODES: Final = _code_mask("(VPC")  # what `_MORE` can start with
_CONTENT_CODES: Final = _code_mask(_CONTENT_CLASSES)


def _usually_noun(lower: str) -> bool:
    """Whether a word out of context is a noun at least `_NOUN_ODDS` of the time:
    "size-invariant" is not, however a sentence tags it."""
    known = _NOUN_READINGS.get(lower)
    if known is None:
        known = any(tag in NOUNS and odds >= _NOUN_ODDS for tag, odds in word_tags(lower))
        if len(_NOUN_READINGS) < _MEMO_SIZE:
            _NOUN_READINGS[lower] = known
    return known


def _may_be_verb(lower: str) -> bool:
    """Whether a word out of context can be a base verb ("answer" after "to")."""
    known = _VERB_READINGS.get(lower)
    if known is None:
        known = any(tag == "VB" for tag, _ in word_tags(lower))
        if len(_VERB_READINGS) < _MEMO_SIZE:
            _VERB_READINGS[lower] = known
    return known


_NOUN_ODDS: Final = 0.3
_NOUN_READINGS: dict[str, bool] = {}
_VERB_READINGS: dict[str, bool] = {}


def _has_digit(word: str) -> bool:
    return not word.isalpha() and any(ch.isdigit() for ch in word)


# A phrase of a sentence: the words before it (a gerund made of "to answer": "answering"),
# where its span starts and ends, and its words' indices when it is not simply the words of
# its span the headline keeps (a phrase shortened to fit).
_Cut = tuple[tuple[str, ...], int, int, list[int] | None]


def _phrases(sentence: _Sentence) -> list[_Cut]:
    """Every title-like phrase of a sentence, cut at each place it may end: noun phrases;
    a noun group defined by the one after it ("domain randomization: a technique for training
    models on simulated images"); a purpose ("to answer long-form questions") as a gerund
    phrase ("answering long-form questions")."""
    heads = [head.span() for head in _HEADS.finditer(sentence.classes)]
    return _cuts_of_heads((), sentence, heads, MAX_HEADLINE_WORDS) + _other_phrases(sentence)


def _other_phrases(sentence: _Sentence) -> list[_Cut]:
    """The phrases of a sentence that do not start at a head: definitions and purposes."""
    classes = sentence.classes
    words = sentence.words
    found: list[_Cut] = []
    for defined in _DEFINITIONS.finditer(classes):
        subject = _kept(sentence, defined.start(), defined.end("subject"))
        article = words[defined.end() - 1].lower()
        if not subject or len(subject) > MAX_NAME_WORDS // 2 or article not in ("a", "an"):
            continue
        named = [words[i] for i in subject]
        named[-1] += ":"
        budget = MAX_HEADLINE_WORDS - len(named) - 1
        cuts = _cuts((), sentence, defined.end(), budget, kind_head=True)
        if cuts:
            _, first, end, kept = cuts[-1]
            indices = kept if kept is not None else _kept(sentence, first, end)
            if indices and len(indices) >= 2:
                found.append(((*named, _article(words[indices[0]])), first, end, kept))
    for purpose in _PURPOSES.finditer(classes):
        gerund = _gerund(words[purpose.end("verb") - 1].lower())
        if gerund is None:
            continue
        start = purpose.end()
        lead = [gerund]
        if classes[start - 1] == "P":
            lead.append(words[start - 1])  # "to optimize for human preferences"
        if classes[start] == "D":
            if words[start].lower() not in ("a", "an", "the"):
                continue  # not "calibrating our model"
            lead.append(words[start].lower())  # "learning a dialogue system"
            start += 1
        found += _cuts(tuple(lead), sentence, start, MAX_HEADLINE_WORDS - len(lead))
    return found


def _cuts(
    lead: tuple[str, ...],
    sentence: _Sentence,
    start: int,
    budget: int,
    kind_head: bool = False,
    head_end: int | None = None,
) -> list[_Cut]:
    """The phrase from `start` at each place it may end, shortest first, up to `budget`
    words, without a leading determiner or empty modifier. None from a start that names only
    the kind of what follows ("an approach for X": the phrase is X's), unless it may
    (`kind_head`: "X, a technique for Y"). A last prepositional phrase too long to fit keeps
    its preposition and the nouns that end it ("of 8.5K high quality ... grade school math
    word problems" -> "of grade school math word problems").

    The phrase may end after its head (a match of `_HEADS` at `start`, ending at `head_end`
    when the caller has it already) and after each `_MORE` that follows.
    """
    if head_end is None:
        head = _HEADS.match(sentence.classes, start)
        if head is None:
            return []
        head_end = head.end()
    return _cuts_of_heads(lead, sentence, [(start, head_end)], budget, kind_head)


def _cuts_of_heads(
    lead: tuple[str, ...],
    sentence: _Sentence,
    heads: Iterable[tuple[int, int]],
    budget: int,
    kind_head: bool = False,
) -> list[_Cut]:
    """`_cuts` from the start of each (start, end) of `heads`, one after another: one call
    for all the heads of a sentence, as a sentence has a dozen."""
    words, classes, keeps, counts = (
        sentence.words,
        sentence.classes,
        sentence.keeps,
        sentence.counts,
    )
    size = len(words)
    match_more = _MORE.match
    cuts: list[_Cut] = []
    for start, head_end in heads:
        first = start
        while first < size and (not keeps[first] or classes[first] in "DE"):
            first += 1
        if not kind_head and first < size and words[first].lower() in _KIND_HEADS:
            after = first + 1
            while after < size and not keeps[after]:
                after += 1
            if after < size and classes[after] == "P":
                continue
        previous = None
        end = head_end
        while counts[end] - counts[first] <= budget:
            cuts.append((lead, first, end, None))
            previous = end
            # What goes on after a phrase opens with a bracket, a participle, a preposition
            # or "and": anything else ends it, without asking the regex.
            if end == size or classes[end] not in "(VPC":
                break
            more = match_more(classes, end)
            if more is None:
                break
            end = more.end()
        else:
            if previous is not None:
                cut = _shortened(sentence, first, previous, end, budget)
                if cut is not None:
                    cuts.append((lead, first, end, cut))
    return cuts


def _shortened(
    sentence: _Sentence, first: int, previous: int, end: int, budget: int
) -> list[int] | None:
    """The words kept of a phrase from `first` to `end` whose last part, from `previous`,
    is too long: its first word (a preposition) and the nouns that end it, if they fit."""
    keeps, classes = sentence.keeps, sentence.classes
    added = [i for i in range(previous, end) if keeps[i]]
    tail: list[int] = []
    for i in reversed(added[1:]):
        if classes[i] != "N":
            break
        tail.insert(0, i)
    kept = [*(i for i in range(first, previous) if keeps[i]), added[0], *tail]
    return kept if tail and len(kept) <= budget else None


def _kept(sentence: _Sentence, first: int, end: int) -> list[int]:
    """The indices of the words a headline keeps of a span."""
    keeps = sentence.keeps
    return [i for i in range(first, end) if keeps[i]]


def _words_of(sentence: _Sentence, cut: _Cut) -> list[str]:
    lead, first, end, kept = cut
    words = sentence.words
    indices = kept if kept is not None else _kept(sentence, first, end)
    return [*lead, *(words[i] for i in indices)]


def _candidate_sentences(
    sentences: Sequence[str], focus: int, aims: list[int] | None = None
) -> list[int]:
    """The sentences phrases are taken from: the focus sentence, the first two, and the first
    sentences saying "we propose/study ..." (`aims`, if known) or "in this work, we ..."."""
    aims = _aim_sentences(sentences) if aims is None else list(aims)
    aims += [i for i, s in enumerate(sentences[:AIM_SENTENCES]) if _THIS_WORK.search(s)]
    aims.sort()
    return [i for i in dict.fromkeys([focus, 0, 1, *aims[:CANDIDATE_AIMS]]) if i < len(sentences)]


def _aim_sentences(sentences: Sequence[str]) -> list[int]:
    """The sentences with a verb saying what the paper does: "we propose/study ..."."""
    return [
        i for i, s in enumerate(sentences[:AIM_SENTENCES]) if _AIMS.intersection(s.lower().split())
    ]


# "In this work, we show ...", "Here we ...": a sentence that says what the paper does.
_THIS_WORK: Final = re.compile(r"^(?:In this (?:work|paper|study|article)|Here),? we\b")


def phrase_candidates(sentences: Sequence[str], focus: int) -> list[list[str]]:
    """Every phrase `best_phrase` weighs, as words."""
    found: list[list[str]] = []
    for index in _candidate_sentences(sentences, focus):
        sentence = _classified(sentences[index])
        found.extend(_words_of(sentence, cut) for cut in _phrases(sentence))
    return found


# "X, a Y": a noun group defined by the one after it.
_DEFINITIONS: Final = re.compile(rf"(?<=[xB])(?P<subject>{_GROUP}),(?=D)D(?=E*[JVGMN])")


# "to answer X": a purpose, which a title says with a gerund ("Answering X").
_PURPOSES: Final = re.compile(r"(?<=[^t])tR?(?P<verb>B)P?(?=D?(?:G|[JVGMENR]*N))")


def _gerund(verb: str) -> str | None:
    """The -ing form of a verb: "answer" -> "answering", "make" -> "making", "plan" ->
    "planning"; None for what is not a plain verb."""
    if (not verb.isalpha() and "-" not in verb) or len(verb) < 2 or verb.endswith("ing"):
        return None
    if verb in ("be", "see", "flee", "agree"):
        return verb + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    last = verb.rsplit("-", 1)[-1]
    if _DOUBLED.search(last) and (_syllables(last) == 1 or last in _STRESSED_LAST):
        return verb + verb[-1] + "ing"
    return verb + "ing"


# A final consonant doubled before "-ing" after a single vowel: "plan", "stop", "control".
_DOUBLED: Final = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$")
_VOWEL_GROUPS: Final = re.compile(r"[aeiouy]+")
# Verbs of two syllables stressed on the last, which double it too.
_STRESSED_LAST: Final = frozenset(
    {"control", "transfer", "refer", "prefer", "admit", "commit", "submit", "permit", "omit"}
    | {"occur", "embed", "compel", "propel", "regret", "forget", "begin", "equip", "expel"}
)


def _syllables(word: str) -> int:
    return len(_VOWEL_GROUPS.findall(word.removesuffix("e")))


def best_phrase(sentences: list[str], focus: int | None = None) -> list[str] | None:
    """The phrase of the abstract a title most likely shares the most words with.

    Candidates are the phrases (`_phrases`) of the focus sentence, the first two and the
    first that say "we propose/study ...". Each word has the odds that a title uses it
    (`title_odds`), and the phrase with the best expected ROUGE-1 F1 against a title of
    `TITLE_WORDS` words wins, the earliest of equals; a short phrase of the field's commonest
    words ("Deep reinforcement learning") only when there is no other.

    This is the definition, one abstract and one word at a time; `best_phrases` finds the
    same for many abstracts at once, at a fraction of the cost.
    """
    abstract = _read_abstract(sentences, focus)
    if abstract is None:
        return None
    aim = _aim_words(abstract.sentences, abstract.focus)
    odds = _Odds(title_context(abstract.sentences, abstract.focus, aim))
    candidates = [_classified(abstract.sentences[i]) for i in abstract.candidates]
    return _best_of([(sentence, odds.sums(sentence)) for sentence in candidates], odds)


@dataclass(frozen=True)
class _Abstract:
    """What `best_phrase` reads of an abstract before weighing its phrases."""

    sentences: list[str]  # its first AIM_SENTENCES
    focus: int
    aims: list[int]  # the sentences that say "we propose/study ..."
    candidates: list[int]  # the sentences whose phrases are candidates


def _read_abstract(sentences: list[str], focus: int | None) -> _Abstract | None:
    sentences = sentences[:AIM_SENTENCES]
    if not sentences:
        return None
    focus = focus if focus is not None and 0 <= focus < len(sentences) else 0
    aims = _aim_sentences(sentences)
    return _Abstract(sentences, focus, aims, _candidate_sentences(sentences, focus, aims))


def best_phrases(abstracts: Sequence[tuple[list[str], int | None]]) -> list[list[str] | None]:
    """`best_phrase` of each abstract (its sentences and focus), for many at once: every
    sentence they weigh is classified in one batch (`_classify`), and the title odds of all
    their words in another (`_title_sums`); then each abstract's phrases are scored."""
    read = [_read_abstract(sentences, focus) for sentences, focus in abstracts]
    # Each abstract's sentences that are weighed: where each is in the batch, by index.
    where: list[dict[int, int]] = []
    wanted: list[str] = []
    for abstract in read:
        if abstract is None:
            where.append({})
            continue
        indices = sorted({*abstract.candidates, *abstract.aims})
        where.append({i: len(wanted) + k for k, i in enumerate(indices)})
        wanted.extend(abstract.sentences[i] for i in indices)
    batch = _classify(wanted)
    contexts: list[TitleContext | None] = []
    segments: list[tuple[int, int]] = []
    for k, (abstract, at) in enumerate(zip(read, where, strict=True)):
        if abstract is None:
            contexts.append(None)
            continue
        classified = {i: batch.sentences[j] for i, j in at.items()}
        aim = _aim_phrase(classified, abstract.aims, abstract.focus)
        contexts.append(title_context(abstract.sentences, abstract.focus, aim))
        segments.extend((k, at[i]) for i in abstract.candidates)
    sums = _title_sums(batch, segments, contexts)
    cuts = _candidate_cuts(batch, segments)
    odds = [_Odds(context) if context else None for context in contexts]
    scores = _scores(cuts, batch, segments, sums, odds)
    return _chosen(cuts, scores, batch, segments, odds, len(abstracts))


def _best_of(weighed: list[tuple[_Sentence, _Sums]], odds: _Odds) -> list[str] | None:
    """The best phrase of an abstract's candidate sentences, each with its running sums of
    the title odds of its words (see `best_phrase`)."""
    best: list[str] | None = None
    best_score = -1.0
    field = None
    field_score = -1.0
    for sentence, sums in weighed:
        counts = sentence.counts
        for cut in _phrases(sentence):
            size, score = _score(cut, counts, sums, odds)
            if size < 2 or score <= best_score:
                continue
            phrase = _words_of(sentence, cut)
            if _generic(phrase):
                continue
            if not odds.of_the_field(phrase):
                best, best_score = phrase, score
            elif score > field_score:
                field, field_score = phrase, score
    return best or field


# Between the classes of two sentences when the patterns search many at once: no pattern
# matches across it, and none matches at it or at a sentence's end where it would not at the
# end of a sentence alone (a bracket must close, and ")" opens nothing).
_SEPARATOR: Final = ")("
# `_HEADS` as a group: re.split gives each head's text, and so its span, without a match
# object per head.
_HEAD_PARTS: Final = re.compile(f"({_HEAD})")


@dataclass(frozen=True)
class _Cuts:
    """The candidate phrases of many sentences (`segments`), in arrays: each one's segment,
    first and end word (in the sentence), and its place in the order `best_phrase` weighs
    them (sentence, then heads, definitions and purposes, then where it ends). `special`
    holds the phrases with lead words or shortened (see `_Cut`), by their row."""

    segment: np.ndarray[Any, Any]
    first: np.ndarray[Any, Any]
    end: np.ndarray[Any, Any]
    order: np.ndarray[Any, Any]
    special: dict[int, _Cut]


def _candidate_cuts(batch: _Batch, segments: list[tuple[int, int]]) -> _Cuts:
    """`_phrases` of the sentence of each segment, for all at once. The heads of all the
    sentences come from one regex pass over their classes; where each head's phrase starts
    and may end is found by numpy for all heads, one more end each round, the regex asked
    only where a phrase may go on (`_cuts_of_heads` does the same for one sentence). The few
    definitions and purposes are `_phrases`' own, sentence by sentence."""
    sentence_of = [s for _, s in segments]
    sizes = [len(batch.sentences[s].classes) + len(_SEPARATOR) for s in sentence_of]
    begins = np.array([0, *itertools.accumulate(sizes)], dtype=np.intp)
    joined = _SEPARATOR.join(batch.sentences[s].classes for s in sentence_of)
    parts = _HEAD_PARTS.split(joined)
    bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.intp, count=len(parts)))
    segment = np.searchsorted(begins, bounds[0:-1:2], side="right") - 1
    # From a place in `joined` to a word among all the batch's, and back.
    shift = np.array(batch.offsets, dtype=np.intp)[sentence_of] - begins[:-1]
    start = bounds[0:-1:2] + shift[segment]
    end = bounds[1::2] + shift[segment]
    table = _phrase_table(batch)
    # (A head holds a noun, so its phrase starts inside its sentence.)
    first = table.firsts[start]
    head = np.flatnonzero(~table.kind_stops[first])
    found: list[np.ndarray[Any, Any]] = []  # rows of head, first, end and order
    special: list[tuple[int, int, _Cut]] = []  # segment, order, cut
    previous = np.full(len(start), -1, dtype=np.intp)
    for step in range(_STEPS):
        if not len(head):
            break
        fits = table.counts[end[head]] - table.counts[first[head]] <= MAX_HEADLINE_WORDS
        for h in head[~fits & (previous[head] >= 0)].tolist():
            sentence = batch.sentences[sentence_of[segment[h]]]
            base = batch.offsets[sentence_of[segment[h]]]
            kept = _shortened(
                sentence, first[h] - base, previous[h] - base, end[h] - base, MAX_HEADLINE_WORDS
            )
            if kept is not None:
                shortened: _Cut = ((), int(first[h] - base), int(end[h] - base), kept)
                special.append((int(segment[h]), h * _STEPS + step, shortened))
        head = head[fits]
        found.append(np.stack([head, first[head], end[head], head * _STEPS + step]))
        previous[head] = end[head]
        # What goes on after a phrase opens with a bracket, a participle, a preposition or
        # "and": anything else ends it, without asking the regex.
        head = head[table.may_go_on[end[head]]]
        more = [_MORE.match(joined, at) for at in (end[head] - shift[segment[head]]).tolist()]
        going = np.array([match is not None for match in more], dtype=bool)
        head = head[going]
        end[head] = [match.end() for match in more if match is not None] + shift[segment[head]]
    heads = np.concatenate([np.zeros((4, 0), dtype=np.intp), *found], axis=1)
    base = np.array(batch.offsets, dtype=np.intp)[sentence_of][segment[heads[0]]]
    for k, i in enumerate(sentence_of):
        for n, cut in enumerate(_other_phrases(batch.sentences[i])):
            special.append((k, _OTHERS + n, cut))
    rows = len(heads[0])
    return _Cuts(
        np.concatenate([segment[heads[0]], np.array([k for k, _, _ in special], dtype=np.intp)]),
        np.concatenate([heads[1] - base, np.array([c[1] for _, _, c in special], dtype=np.intp)]),
        np.concatenate([heads[2] - base, np.array([c[2] for _, _, c in special], dtype=np.intp)]),
        np.concatenate([heads[3], np.array([o for _, o, _ in special], dtype=np.intp)]),
        {rows + n: cut for n, (_, _, cut) in enumerate(special)},
    )


# A head's phrase has at most this many ends (each takes at least a word of the ten); its
# places in the order of weighing are head * _STEPS + the end's number.
_STEPS: Final = 16
# Definitions and purposes come after every head's phrases of their sentence.
_OTHERS: Final = 1 << 40


@dataclass(frozen=True)
class _PhraseTable:
    """What finding phrases needs at each word of a batch, by its place among all: where a
    phrase from it would start (past determiners, empty modifiers and what is not kept),
    whether a phrase starting there names only a kind ("an approach for ..."), how many
    words are kept before it, and whether a phrase may go on after it."""

    firsts: np.ndarray[Any, Any]
    kind_stops: np.ndarray[Any, Any]
    counts: np.ndarray[Any, Any]
    may_go_on: np.ndarray[Any, Any]


def _phrase_table(batch: _Batch) -> _PhraseTable:
    size = len(batch.ids)
    offsets = np.array(batch.offsets, dtype=np.intp)
    lengths = np.diff(offsets)
    ends = np.append(np.repeat(offsets[1:], lengths), size)  # each word's sentence's end
    starts = np.zeros(size + 1, dtype=bool)
    starts[offsets] = True
    places = np.arange(size + 1)
    opening = np.append(batch.keeps & ~_DETERMINER_CODES[batch.kinds], False)
    firsts = np.minimum(_next_true(opening, places), ends)
    kept = np.append(batch.keeps, False)
    after = np.append(_next_true(kept, places)[1:], size)
    after = np.minimum(after, ends)
    kinds = np.append(batch.kinds, 0)
    kind_heads = np.append(_word_table().cues[batch.ids] & _KIND_HEAD, 0).astype(bool)
    kind_stops = kind_heads & (places < ends) & (after < ends) & (kinds[after] == ord("P"))
    counts = np.zeros(size + 1, dtype=np.intp)
    np.cumsum(batch.keeps, out=counts[1:])
    may_go_on = _GOES_ON_CODES[kinds] & ~starts
    return _PhraseTable(firsts, kind_stops, counts, may_go_on)


def _next_true(flags: np.ndarray[Any, Any], places: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """For each place, the first place at or after it where `flags` is True (else the end)."""
    found = np.where(flags, places, len(flags))
    return np.minimum.accumulate(found[::-1])[::-1]


def _scores(
    cuts: _Cuts,
    batch: _Batch,
    segments: list[tuple[int, int]],
    sums: list[_Sums],
    odds: list[_Odds | None],
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Each cut's size in words and its score, the expected ROUGE-1 F1 of its words against
    a title (see `best_phrase`), to the bit: numpy does the arithmetic of plain cuts in the
    order `_best_of` does, and Python the few with lead words or shortened."""
    counts = np.array([c for s in segments for c in batch.sentences[s[1]].counts], dtype=np.intp)
    expected = np.fromiter(itertools.chain.from_iterable(e for e, _ in sums), dtype=float)
    pieces = np.fromiter(itertools.chain.from_iterable(p for _, p in sums), dtype=np.intp)
    base = np.zeros(len(segments) + 1, dtype=np.intp)
    np.cumsum([len(e) for e, _ in sums], out=base[1:])
    at_first = base[cuts.segment] + cuts.first
    at_end = base[cuts.segment] + cuts.end
    size = counts[at_end] - counts[at_first]
    shared = expected[at_end] - expected[at_first]
    length = TITLE_WORDS + pieces[at_end] - pieces[at_first]
    score = shared / length
    for row, cut in cuts.special.items():
        segment = int(cuts.segment[row])
        odds_of = odds[segments[segment][0]]
        assert odds_of is not None
        sentence = batch.sentences[segments[segment][1]]
        size[row], score[row] = _score(cut, sentence.counts, sums[segment], odds_of)
    return size, score


def _score(cut: _Cut, counts: list[int], sums: _Sums, odds: _Odds) -> tuple[int, float]:
    """A cut's size and score, as `_best_of` reckons them."""
    expected, pieces = sums
    lead, first, end, kept = cut
    if kept is None:
        size = len(lead) + counts[end] - counts[first]
        shared = expected[end] - expected[first]
        length = TITLE_WORDS + pieces[end] - pieces[first]
    else:
        size = len(lead) + len(kept)
        shared = sum(expected[i + 1] - expected[i] for i in kept)
        length = TITLE_WORDS + sum(pieces[i + 1] - pieces[i] for i in kept)
    for word in lead:
        shared += odds(word)
        length += odds.pieces(word)
    return size, shared / length


def _chosen(
    cuts: _Cuts,
    weighed: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]],
    batch: _Batch,
    segments: list[tuple[int, int]],
    odds: list[_Odds | None],
    count: int,
) -> list[list[str] | None]:
    """Each abstract's best phrase: of its cuts of two words or more, the best scored (the
    first weighed of equals) that is not generic and not of the field's commonest words;
    else the best that is; as `_best_of` would choose."""
    size, score = weighed
    abstract = np.array([k for k, _ in segments], dtype=np.intp)[cuts.segment]
    rows = np.flatnonzero(size >= 2)
    rows = rows[np.lexsort((cuts.order[rows], -score[rows], abstract[rows]))]
    bounds = np.searchsorted(abstract[rows], np.arange(count + 1)).tolist()
    chosen: list[list[str] | None] = []
    for k in range(count):
        best = field = None
        for row in rows[bounds[k] : bounds[k + 1]].tolist():
            segment = int(cuts.segment[row])
            cut = cuts.special.get(row) or ((), int(cuts.first[row]), int(cuts.end[row]), None)
            phrase = _words_of(batch.sentences[segments[segment][1]], cut)
            if _generic(phrase):
                continue
            odds_of = odds[k]
            assert odds_of is not None
            if not odds_of.of_the_field(phrase):
                best = phrase
                break
            if field is None:
                field = phrase
        chosen.append(best or field)
    return chosen


def _generic(phrase: list[str]) -> bool:
    """Whether a phrase names nothing: 'issues in this paper', 'the work'."""
    return (
        all(
            w.lower() in _GENERIC_WORDS
            or w.lower() in _KIND_HEADS
            or w.lower() in _STOP_WORDS
            or w.lower() in _DETERMINERS
            for w in phrase
        )
        or {"paper", "work", "article"} & {w.lower() for w in phrase} != set()
    )


def _stated(words: list[str], at: int) -> bool:
    """Whether the verb at `at` states the paper's aim: "we (here) propose", "this paper
    presents", "in this work, we study"."""
    before = [w.lower() for w in words[max(0, at - 3) : at]]
    return bool(_AIM_SUBJECTS.intersection(before)) or words[at].lower().endswith("s")


def _aim_words(sentences: list[str], focus: int) -> list[str]:
    """The words of the object of the first "we propose/study/..." of the abstract (the
    focus sentence's first, if it has one)."""
    aims = _aim_sentences(sentences)
    return _aim_phrase({i: _classified(sentences[i]) for i in aims}, aims, focus)


def _aim_phrase(classified: dict[int, _Sentence], aims: list[int], focus: int) -> list[str]:
    """`_aim_words` of the abstract whose aim sentences are `aims`, classified."""
    for index in sorted(aims, key=lambda i: i != focus):
        sentence = classified[index]
        words = sentence.words
        for i, word in enumerate(words):
            if word.lower() not in _AIMS or not _stated(words, i):
                continue
            head = _HEADS.search(sentence.classes, i + 1)
            if head is None or head.start() > i + 4:
                continue
            cuts = _cuts((), sentence, head.start(), MAX_HEADLINE_WORDS, head_end=head.end())
            if cuts:
                phrase = _words_of(sentence, cuts[-1])
                if len(phrase) >= 2 and not _generic(phrase):
                    return phrase
    return []


def _described(
    name: str, sentences: list[str], classified: Callable[[str], _Sentence] = _classified
) -> list[str] | None:
    """What the abstract says its named contribution is, right after the name ("GSM8K, a
    dataset of ..." -> "a dataset of ...") or right before it ("an alternative search method,
    Policy Gradient Search (PGS)" -> "a search method"). The article stays, as in a title.
    `classified` classes the parts of sentences looked at (`_described_parts`)."""
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


def _described_parts(name: str, sentences: list[str]) -> list[str]:
    """Every part of a sentence that `_described` may class, so that they are classed
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
    rest: str, name: str, budget: int, classified: Callable[[str], _Sentence]
) -> list[str] | None:
    apposition = _apposition_after(rest)
    if apposition is None:
        return None
    match, after = apposition
    described = classified(after)
    if described.classes[:1] in ("G", "B", "x"):
        return None  # "X, introducing ...": a clause, not what X is
    cuts = _cuts((), described, 0, budget - (1 if match.group(1) else 0))
    phrase = _words_of(described, cuts[-1]) if cuts else None
    if phrase and _adds(phrase, name) and len(phrase) >= 2:
        return [match.group(1).lower(), *phrase] if match.group(1) else phrase
    return None


def _described_before(
    text: str, name: str, budget: int, classified: Callable[[str], _Sentence]
) -> list[str] | None:
    """The noun group that ends right before the name, if it says more than a kind of thing
    ("a new simulation-based search method", not "a novel technique")."""
    match = _APPOSITION_BEFORE.search(text)
    if not match:
        return None
    described = classified(match.group("before"))
    groups = [m for m in _HEADS.finditer(described.classes) if m.end() == len(described.classes)]
    if not groups or described.classes[groups[-1].start()] == "G":
        return None  # "by augmenting a technique, NAME": what is done with it
    start = groups[-1].start()
    while start < len(described.words) and described.classes[start] in "DE":
        start += 1
    kept = _kept(described, start, groups[-1].end())
    if not kept or not 3 <= len(kept) < budget or "M" in {described.classes[i] for i in kept}:
        return None  # not "a 280 billion parameter model": its size, not what it is
    phrase = [described.words[i] for i in kept]
    if not _adds(phrase, name):
        return None
    before = described.words[groups[-1].start() - 1 : groups[-1].start() + 1]
    if not {"a", "an"}.intersection(w.lower() for w in before):
        return phrase
    return [_article(phrase[0]), *phrase]


def _article(word: str) -> str:
    """ "a" or "an" before a word, by its first letter ("an architecture", "a unified"), or
    before an acronym read letter by letter, by how its first letter is said ("an HP tuning
    paradigm", "an RL agent", "a GPU kernel")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return "an" if word[0] in _VOWEL_SOUNDING_LETTERS else "a"
    return "an" if word[:1].lower() in "aeio" or word[:2].lower() in ("un", "in") else "a"


# Letters whose names open with a vowel sound: "an F1 score", "an MLP", "an SVM".
_VOWEL_SOUNDING_LETTERS: Final = frozenset("AEFHILMNORSX")


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


def _holds_name(phrase: list[str], name: str) -> bool:
    """Whether a phrase holds the name's words in a row ("Pruning in training" holds
    "Pruning"; the words in brackets need not be there)."""
    named = [w.lower() for w in name.split() if not w.startswith("(")]
    lowered = [w.lower() for w in phrase]
    return any(lowered[i : i + len(named)] == named for i in range(len(lowered)))


def _adds(phrase: list[str], name: str) -> bool:
    """Whether a phrase says more than the name: a noun of its own, not only 'a method', and
    not the name again ("Entity Recognition (NER): improving Named Entity Recognition")."""
    if _holds_name(phrase, name):
        return False
    named = {w.lower() for w in name.split()}
    return any(
        w.lower() not in named and w.lower() not in _KIND_HEADS and w.lower() not in _GENERIC_WORDS
        for w in phrase
        if w[0].isalpha()
    )


# --- how likely a title is to use a word ----------------------------------------------------

# The logistic model of a word's title odds, fitted on SciTLDR train by `bench/headlines.py
# --fit` (titles hidden, then looked at), in the order of `title_features`.
_TITLE_WEIGHTS: Final = (
    -1.707, 2.541, 0.366, 0.196, 0.692, 0.816, -0.983, -0.348, -0.897, 0.672, 0.367, 0.374,
    -0.045, 1.284, 0.036, 0.499, 0.261, 1.138, -0.864, -1.102, -0.649, -0.902, -0.715, 1.389,
    1.051, 0.047, -0.837, 1.112, 0.886, -0.032,
)  # fmt: skip
# Function words that titles use at their own rates ("X for Y", "X of Y", "X with Y").
TITLE_FUNCTION_WORDS: Final = ("of", "for", "and", "with", "in", "a", "the", "on", "to", "via")
TITLE_FUNCTION_WORDS_MORE: Final = ("from", "by", "an", "using")
_FUNCTION_INDEX: Final = {
    w: i for i, w in enumerate(TITLE_FUNCTION_WORDS + TITLE_FUNCTION_WORDS_MORE)
}
# How much the titles' own use of a word weighs against the rate of all words: as if each
# word had been seen this many more times at the mean rate.
TITLE_RATE_PRIOR: Final = 3.0
_WORD: Final = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
# "... mixed precision training (MPT)": the (up to four) words before it are defined.
_ACRONYM: Final = re.compile(r"\([A-Z][\w-]*[A-Z][\w-]*s?\)")


@dataclass(frozen=True)
class TitleRates:
    """How often titles use a word (by its stem) when their abstracts' candidate phrases do."""

    papers: dict[str, int]
    titles: dict[str, int]
    mean: float  # titles / papers over every word

    def rate(self, stem: str, papers: int = 0, titles: int = 0) -> tuple[float, float]:
        """The log of the smoothed rate and the log of one plus the number of papers, less
        `papers` and `titles` of them (a paper's own, when fitting)."""
        seen = self.papers.get(stem, 0) - papers
        used = self.titles.get(stem, 0) - titles
        smoothed = (used + TITLE_RATE_PRIOR * self.mean) / (seen + TITLE_RATE_PRIOR)
        return math.log(smoothed), math.log1p(seen)


@functools.cache
def load_title_rates() -> TitleRates:
    """The rates shipped with digest (read once per process)."""
    text = resources.files("digest").joinpath(TITLE_WORDS_FILE).read_text(encoding="utf-8")
    return parse_title_rates(text)


def parse_title_rates(text: str) -> TitleRates:
    papers: dict[str, int] = {}
    titles: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        stem, seen, used = line.split("\t")
        papers[stem], titles[stem] = int(seen), int(used)
    total = sum(papers.values())
    return TitleRates(papers, titles, sum(titles.values()) / total if total else 0.0)


class _Odds:
    """How many of a word's pieces a title is expected to use, in one abstract, remembered:
    `odds(word)`. ROUGE counts "in-hand" as two words, "in" and "hand", so each piece has
    its own odds; `pieces(word)` is how many there are."""

    def __init__(self, context: TitleContext) -> None:
        self.context = context
        self.rates = load_title_rates()
        self._known: dict[str, tuple[float, int]] = {}
        self._by_stem: dict[str, float] = {}  # the weighted features of the abstract

    def _look_up(self, word: str) -> tuple[float, int]:
        found = self._known.get(word)
        if found is None:
            expected = 0.0
            parts = _word_parts(word, self.rates)
            by_stem = self._by_stem
            for stem, z in parts:
                in_abstract = by_stem.get(stem)
                if in_abstract is None:
                    in_abstract = by_stem[stem] = _in_abstract(stem, self.context)
                expected += 1 / (1 + math.exp(-z - in_abstract))
            found = self._known[word] = (expected, len(parts))
        return found

    def __call__(self, word: str) -> float:
        return self._look_up(word)[0]

    def pieces(self, word: str) -> int:
        return self._look_up(word)[1]

    def sums(self, sentence: _Sentence) -> _Sums:
        """The running sums over a sentence's words of the pieces a title is expected to
        share with the words a headline keeps, and of their pieces: a phrase's expected
        ROUGE-1 F1 is then two differences. (`_title_sums` gives the same for many
        sentences of many abstracts at once.)"""
        look_up = self._look_up
        words, keeps = sentence.words, sentence.keeps
        values = [look_up(w) if k else _NOTHING for w, k in zip(words, keeps, strict=True)]
        expected = list(itertools.accumulate((v[0] for v in values), initial=0.0))
        pieces = list(itertools.accumulate((v[1] for v in values), initial=0))
        return expected, pieces

    def of_the_field(self, phrase: list[str]) -> bool:
        """Whether a short phrase is made of the field's commonest words only, which name no
        paper in particular ("Deep reinforcement learning", "Neural networks")."""
        papers = self.rates.papers
        if len(phrase) <= 2 and phrase[-1].lower() in _GENERIC_WORDS:
            return True  # "Reward model", "Summarization models"
        return len(phrase) <= FIELD_WORDS and all(
            papers.get(stem_of(piece.lower()), 0) >= FIELD_PAPERS
            for word in phrase
            for piece in title_pieces(word)
            if piece.lower() not in _STOP_WORDS
        )


# The running sums of a sentence's expected pieces shared with a title, and of its pieces.
_Sums = tuple[list[float], list[int]]


def _title_sums(
    batch: _Batch, segments: list[tuple[int, int]], contexts: Sequence[TitleContext | None]
) -> list[_Sums]:
    """`_Odds(contexts[k]).sums(batch.sentences[s])` for each (k, s) of `segments`, to the
    bit, for all at once: each kept word's pieces (stem and the weight of the word alone)
    come from a table by word id, each abstract's stems are weighed once by
    `_in_abstracts`, and numpy adds it all up in the order `_Odds` does. Only the logistic
    stays math.exp's, one call per piece: numpy's exp may differ from it in the last bit."""
    if not segments:
        return []
    table = _odds_table()
    offsets = np.array(batch.offsets, dtype=np.intp)
    sentence_at = np.array([s for _, s in segments], dtype=np.intp)
    sizes = offsets[sentence_at + 1] - offsets[sentence_at]
    positions = _ranges(offsets[sentence_at], sizes)
    abstract_of = np.repeat(np.array([k for k, _ in segments], dtype=np.intp), sizes)
    kept = np.flatnonzero(batch.keeps[positions])
    first, count = table.pieces_of(batch.ids[positions[kept]])
    piece_at = _ranges(first, count)
    stems = table.stems[piece_at]
    keys = np.repeat(abstract_of[kept], count) * len(table.stem_names) + stems
    pairs, pair_of = np.unique(keys, return_inverse=True)
    in_abstract = _in_abstracts(pairs, len(table.stem_names), table.stem_names, contexts)
    exponents = (-table.weights[piece_at] - in_abstract[pair_of]).tolist()
    odds = 1 / (1 + np.fromiter(map(math.exp, exponents), dtype=float, count=len(exponents)))
    # Each word's odds: the sum of its pieces', added one piece after another from 0.0.
    expected = np.zeros(len(kept))
    starts = np.cumsum(count) - count
    for piece in range(int(count.max(initial=0))):
        more = np.flatnonzero(count > piece)
        expected[more] += odds[starts[more] + piece]
    values = np.zeros(len(positions))
    values[kept] = expected
    numbers = np.zeros(len(positions), dtype=np.intp)
    numbers[kept] = count
    value_list, number_list = values.tolist(), numbers.tolist()
    sums: list[_Sums] = []
    for start, end in itertools.pairwise([0, *itertools.accumulate(sizes.tolist())]):
        sums.append(
            (
                list(itertools.accumulate(value_list[start:end], initial=0.0)),
                list(itertools.accumulate(number_list[start:end], initial=0)),
            )
        )
    return sums


def _ranges(starts: np.ndarray[Any, Any], sizes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The numbers from each start, as many as its size, one range after another."""
    begins = np.cumsum(sizes) - sizes
    return np.repeat(starts - begins, sizes) + np.arange(int(sizes.sum()))


def _in_abstracts(
    pairs: np.ndarray[Any, Any],
    stem_count: int,
    stem_names: list[str],
    contexts: Sequence[TitleContext | None],
) -> np.ndarray[Any, Any]:
    """`_in_abstract(stem, contexts[k])` for each pair k * stem_count + stem of `pairs`
    (sorted), to the bit. The substring tests are Python's own, one C loop per sentence
    over the abstract's stems; the arithmetic is numpy's, in `_in_abstract`'s order."""
    abstracts, stems = np.divmod(pairs, stem_count)
    bounds = np.searchsorted(abstracts, np.arange(len(contexts) + 1)).tolist()
    # Per abstract, per sentence, per stem of the abstract: whether the sentence holds it.
    found = bytearray()
    in_aim = bytearray()
    defined = bytearray()
    block = np.zeros(len(pairs), dtype=np.intp)  # where the pair's abstract's flags start
    sentences = np.ones(len(pairs), dtype=np.intp)
    focus = np.zeros(len(pairs), dtype=np.intp)
    stem_list = stems.tolist()
    for k, context in enumerate(contexts):
        low, high = bounds[k], bounds[k + 1]
        if context is None or low == high:
            continue
        names = [stem_names[stem] for stem in stem_list[low:high]]
        block[low:high] = len(found)
        for sentence in context.lowered:
            found += bytes(map(sentence.__contains__, names))
        in_aim += bytes(map(context.aim.__contains__, names))
        defined += bytes(map(context.defined.__contains__, names))
        sentences[low:high] = len(context.lowered)
        focus[low:high] = context.focus
    width = np.repeat(np.diff(np.array(bounds, dtype=np.intp)), np.diff(bounds))
    column = np.arange(len(pairs)) - np.repeat(
        np.array(bounds[:-1], dtype=np.intp), np.diff(bounds)
    )
    hits = np.frombuffer(bytes(found), dtype=np.uint8)
    counts = np.zeros(len(pairs), dtype=np.intp)
    for row in range(int(sentences.max(initial=0))):
        present = np.flatnonzero(sentences > row)
        counts[present] += hits[block[present] + row * width[present] + column[present]]
    w = _TITLE_WEIGHTS
    spread = counts / sentences
    z = w[1] * spread + w[2] * np.sqrt(spread)
    z = np.where(hits[block + column] > 0, z + w[3], z)
    z = np.where(hits[block + focus * width + column] > 0, z + w[4], z)
    z = np.where(np.frombuffer(bytes(in_aim), dtype=np.uint8) > 0, z + w[5], z)
    return np.where(np.frombuffer(bytes(defined), dtype=np.uint8) > 0, z + w[13], z)


class _OddsTable:
    """The pieces of each word a title may use, by the word's id in digest.tagging's
    vocabulary: for word i, pieces first[i] to first[i] + count[i] (count -1 until first
    needed), each a stem (its number in `stem_names`) and the weighted features of the
    piece alone (`_word_parts`). Remembered for the process, for one set of rates and
    weights."""

    def __init__(self, rates: TitleRates, weights: tuple[float, ...]) -> None:
        self.rates, self.weights_of = rates, weights
        self.first = np.zeros(0, dtype=np.intp)
        self.count = np.zeros(0, dtype=np.intp)
        self.stems = np.zeros(0, dtype=np.intp)
        self.weights = np.zeros(0)
        self.stem_names: list[str] = []
        self._stem_ids: dict[str, int] = {}

    def pieces_of(
        self, ids: np.ndarray[Any, Any]
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """Where each word's pieces start, and how many it has."""
        size = len(vocabulary().words)
        if size > len(self.count):
            self.first = _grown(self.first, size, 0)
            self.count = _grown(self.count, size, -1)
        unknown = ids[self.count[ids] < 0]
        if len(unknown):
            self._add(np.unique(unknown).tolist())
        return self.first[ids], self.count[ids]

    def _add(self, ids: list[int]) -> None:
        words = vocabulary().words
        stems: list[int] = []
        weights: list[float] = []
        for id_ in ids:
            parts = _word_parts(words[id_], self.rates)
            self.first[id_] = len(self.stems) + len(stems)
            self.count[id_] = len(parts)
            for stem, weight in parts:
                number = self._stem_ids.get(stem)
                if number is None:
                    number = self._stem_ids[stem] = len(self.stem_names)
                    self.stem_names.append(stem)
                stems.append(number)
                weights.append(weight)
        self.stems = np.concatenate([self.stems, np.array(stems, dtype=np.intp)])
        self.weights = np.concatenate([self.weights, np.array(weights)])


def _odds_table() -> _OddsTable:
    """The table for the rates and weights in use (tests and fitting may change them)."""
    global _ODDS_TABLE
    rates = load_title_rates()
    if (
        _ODDS_TABLE is None
        or _ODDS_TABLE.rates is not rates
        or _ODDS_TABLE.weights_of is not _TITLE_WEIGHTS
    ):
        _ODDS_TABLE = _OddsTable(rates, _TITLE_WEIGHTS)
    return _ODDS_TABLE


_ODDS_TABLE: _OddsTable | None = None


_PIECE: Final = re.compile(r"[A-Za-z0-9]+")
_NOTHING: Final = (0.0, 0)
# A word is one of the field's commonest when the candidate phrases of this many abstracts
# of SciTLDR train (of 1,986) use it.
FIELD_PAPERS = 150
# ... and a phrase of at most this many words that only they make is the field's.
FIELD_WORDS = 3


def title_pieces(word: str) -> list[str]:
    """The words ROUGE makes of a word: its runs of ASCII letters and digits."""
    return _PIECE.findall(word)


@dataclass(frozen=True)
class TitleContext:
    """What the title odds of a word depend on, beyond the word."""

    lowered: list[str]  # the sentences, lowercased
    focus: int  # the focus sentence's index
    aim: frozenset[str]  # stems of what "we propose/study" names
    defined: frozenset[str]  # ... of the words an acronym stands for: "policy gradient (PG)"


def title_context(sentences: list[str], focus: int, aim: Sequence[str]) -> TitleContext:
    defined = [
        w
        for s in sentences
        if "(" in s
        for m in _ACRONYM.finditer(s)
        for w in _WORD.findall(s[max(0, m.start() - 60) : m.start()].lower())[-4:]
        if w not in _STOP_WORDS
    ]
    return TitleContext(
        [s.lower() for s in sentences] or [""],
        focus if 0 <= focus < len(sentences) else 0,
        frozenset(stem_of(p.lower()) for w in aim for p in _PIECE.findall(w)),
        frozenset(stem_of(p) for w in defined for p in _PIECE.findall(w)),
    )


def title_features(
    word: str,
    context: TitleContext,
    rates: TitleRates,
    joined: bool = False,
    own: tuple[int, int] = (0, 0),
) -> list[float]:
    """The features of a word (a piece of one, if `joined` by hyphens to others) that
    _TITLE_WEIGHTS weigh, in their order. A stem is looked for as a substring of each
    sentence: it finds "network" in "networks" at C speed. `own` is the paper's own count in
    `rates` (papers, titles), left out when fitting."""
    lower = word.lower()
    stem = stem_of(lower)
    lowered = context.lowered
    spread = sum(1 for s in lowered if stem in s) / len(lowered)
    features = [
        1.0,
        spread,
        math.sqrt(spread),
        float(stem in lowered[0]),
        float(stem in lowered[context.focus]),
        float(stem in context.aim),
        float(lower in _STOP_WORDS),
        float(lower in _GENERIC_WORDS or lower in _KIND_HEADS),
        float(not word.islower() and any(ch.isupper() for ch in word[1:])),
        float(word[:1].isupper()),
        min(len(word), 12) / 12,
        float(joined),
        float(_has_digit(word)),
        float(stem in context.defined),
    ]
    function = [0.0] * len(_FUNCTION_INDEX)
    if lower in _FUNCTION_INDEX:
        function[_FUNCTION_INDEX[lower]] = 1.0
    return features + function + list(rates.rate(stem, *own))


def title_odds(word: str, context: TitleContext, rates: TitleRates, joined: bool = False) -> float:
    """The logistic of _TITLE_WEIGHTS times title_features, in two parts: what depends on
    the word alone is remembered across abstracts (`_word_weight`), what depends on the
    abstract is added by `_in_abstract`."""
    stem, z = _word_weight(word, joined, rates)
    return 1 / (1 + math.exp(-z - _in_abstract(stem, context)))


def _in_abstract(stem: str, context: TitleContext) -> float:
    """The weighted features of a word's stem that depend on the abstract."""
    w = _TITLE_WEIGHTS
    lowered = context.lowered
    spread = sum(map(contains, lowered, repeat(stem))) / len(lowered)
    z = w[1] * spread + w[2] * math.sqrt(spread)
    if stem in lowered[0]:
        z += w[3]
    if stem in lowered[context.focus]:
        z += w[4]
    if stem in context.aim:
        z += w[5]
    if stem in context.defined:
        z += w[13]
    return z


def _word_parts(word: str, rates: TitleRates) -> tuple[tuple[str, float], ...]:
    """The stem and the weighted features of the word alone of each piece of a word."""
    found = _WORD_PARTS.get(word)
    if found is None or found[0] is not rates or found[1] is not _TITLE_WEIGHTS:
        pieces = _PIECE.findall(word)
        joined = len(pieces) > 1
        found = (rates, _TITLE_WEIGHTS, tuple(_word_weight(p, joined, rates) for p in pieces))
        if len(_WORD_PARTS) < _MEMO_SIZE:
            _WORD_PARTS[word] = found
    return found[2]


_WORD_PARTS: dict[str, tuple[TitleRates, tuple[float, ...], tuple[tuple[str, float], ...]]] = {}


def _word_weight(word: str, joined: bool, rates: TitleRates) -> tuple[str, float]:
    """A word's stem and the part of its weighted features that depends on the word alone."""
    w = _TITLE_WEIGHTS
    lower = word.lower()
    stem = stem_of(lower)
    z = w[0] + w[10] * min(len(word), 12) / 12
    if lower in _STOP_WORDS:
        z += w[6]
    if lower in _GENERIC_WORDS or lower in _KIND_HEADS:
        z += w[7]
    if not word.islower() and any(ch.isupper() for ch in word[1:]):
        z += w[8]
    if word[:1].isupper():
        z += w[9]
    if joined:
        z += w[11]
    if _has_digit(word):
        z += w[12]
    if lower in _FUNCTION_INDEX:
        z += w[14 + _FUNCTION_INDEX[lower]]
    rate, seen = rates.rate(stem)
    z += w[14 + len(_FUNCTION_INDEX)] * rate + w[15 + len(_FUNCTION_INDEX)] * seen
    return stem, z


def stem_of(lower: str) -> str:
    stem = _STEMS.get(lower)
    if stem is None:
        stem = str(_STEMMER.stemWord(lower))
        if len(_STEMS) < _MEMO_SIZE:
            _STEMS[lower] = stem
    return stem


# Answers remembered across papers: a week of abstracts repeats most of its words.
_STEMS: dict[str, str] = {}
_MEMO_SIZE: Final = 200_000
