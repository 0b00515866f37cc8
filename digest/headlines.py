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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from operator import contains
from typing import Final

import Stemmer  # type: ignore[import-not-found]  # PyStemmer: no stubs

from digest.models import Paper
from digest.sentences import STOP_WORDS, split_sentences
from digest.tagging import NOUNS, tag_words, tokenize, word_tags

# A name longer than this is a description, not a name.
MAX_NAME_WORDS: Final = 8
# Key phrases are runs of up to this many content words.
MAX_PHRASE_WORDS: Final = 4
# Only the first sentences are searched: a pasted book must not cost more than an abstract.
MAX_SENTENCES: Final = 40
UNTITLED: Final = "Untitled"
_STEMMER: Final = Stemmer.Stemmer("english")
# A headline reads like a title: 4 to 10 words (titles have 8 on average).
MIN_HEADLINE_WORDS: Final = 4
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
    looked for first.
    """
    if paper.title and paper.title.strip():
        return _WHITESPACE.sub(" ", paper.title).strip()
    if sentences is None:
        sentences = split_sentences(paper.abstract, limit=MAX_SENTENCES)
    sentences = list(sentences[:MAX_SENTENCES])
    return headline_of(sentences, focus) or UNTITLED


def headline_of(sentences: list[str], focus: int | None = None) -> str | None:
    """A headline of about 4 to 10 words where the abstract gives one, as a title would read.

    - What the paper names, with what it is: "GSM8K: a dataset of grade school math word
      problems" (the name's apposition, else the best phrase).
    - Else its best phrase (see `best_phrase`): "Generalization of neural networks on small
      algorithmically generated datasets".
    Failing all that, a short key phrase.
    """
    name = contribution_name(sentences[:AIM_SENTENCES])
    if name:
        described = _described(name, sentences)
        if described:
            return f"{name}: {' '.join(described)}"
        best = best_phrase(sentences, focus)
        if best and _holds_name(best, name):
            # "Y-learner for estimating heterogeneous treatment effects": the name in its
            # phrase says it better than "Y-learner: Y-learner for ...".
            return _capitalise(" ".join(best)) if len(best) > len(name.split()) else name
        if best and _adds(best, name) and len(name.split()) + len(best) <= MAX_HEADLINE_WORDS:
            return f"{name}: {' '.join(best)}"
        return name
    best = best_phrase(sentences, focus)
    if best:
        return _capitalise(" ".join(best))
    return key_phrase(sentences, focus)


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
    them)."""
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


# A bracket and what it holds, innermost first.
_BRACKETED: Final = re.compile(r"\([^()]*\)?|\)")
# Classes a verb cue before turns into a verb.
_VERB_LIKE: Final = frozenset("NnJEMVG")


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


def _phrases(sentence: _Sentence) -> Iterator[_Cut]:
    """Every title-like phrase of a sentence, cut at each place it may end: noun phrases;
    a noun group defined by the one after it ("domain randomization: a technique for training
    models on simulated images"); a purpose ("to answer long-form questions") as a gerund
    phrase ("answering long-form questions")."""
    classes = sentence.classes
    words = sentence.words
    for head in _HEADS.finditer(classes):
        yield from _cuts((), sentence, head.start(), MAX_HEADLINE_WORDS)
    for defined in _DEFINITIONS.finditer(classes):
        subject = _kept(sentence, defined.start(), defined.end("subject"))
        article = words[defined.end() - 1].lower()
        if not subject or len(subject) > MAX_NAME_WORDS // 2 or article not in ("a", "an"):
            continue
        named = [words[i] for i in subject]
        named[-1] += ":"
        budget = MAX_HEADLINE_WORDS - len(named) - 1
        cuts = list(_cuts((), sentence, defined.end(), budget, kind_head=True))
        if cuts:
            _, first, end, kept = cuts[-1]
            indices = kept if kept is not None else _kept(sentence, first, end)
            if indices and len(indices) >= 2:
                yield (*named, _article(words[indices[0]])), first, end, kept
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
        yield from _cuts(tuple(lead), sentence, start, MAX_HEADLINE_WORDS - len(lead))


def _cuts(
    lead: tuple[str, ...],
    sentence: _Sentence,
    start: int,
    budget: int,
    kind_head: bool = False,
) -> Iterator[_Cut]:
    """The phrase from `start` at each place it may end, shortest first, up to `budget`
    words, without a leading determiner or empty modifier. None from a start that names only
    the kind of what follows ("an approach for X": the phrase is X's), unless it may
    (`kind_head`: "X, a technique for Y"). A last prepositional phrase too long to fit keeps
    its preposition and the nouns that end it ("of 8.5K high quality ... grade school math
    word problems" -> "of grade school math word problems")."""
    words, classes, keeps, counts = (
        sentence.words,
        sentence.classes,
        sentence.keeps,
        sentence.counts,
    )
    first = start
    while first < len(words) and (not keeps[first] or classes[first] in "DE"):
        first += 1
    if not kind_head and first < len(words) and words[first].lower() in _KIND_HEADS:
        after = first + 1
        while after < len(words) and not keeps[after]:
            after += 1
        if after < len(words) and classes[after] == "P":
            return
    previous = None
    for end in _ends(sentence, start):
        if counts[end] - counts[first] <= budget:
            yield lead, first, end, None
            previous = end
            continue
        if previous is not None:
            added = [i for i in range(previous, end) if keeps[i]]
            tail: list[int] = []
            for i in reversed(added[1:]):
                if classes[i] != "N":
                    break
                tail.insert(0, i)
            kept = [*(i for i in range(first, previous) if keeps[i]), added[0], *tail]
            if tail and len(kept) <= budget:
                yield lead, first, end, kept
        return


def _ends(sentence: _Sentence, start: int) -> Iterator[int]:
    """Where the phrase from `start` may end, nearest first."""
    classes = sentence.classes
    head = _HEADS.match(classes, start)
    if head is None:
        return
    end = head.end()
    yield end
    while True:
        more = _MORE.match(classes, end)
        if more is None:
            return
        end = more.end()
        yield end


def _kept(sentence: _Sentence, first: int, end: int) -> list[int]:
    """The indices of the words a headline keeps of a span."""
    keeps = sentence.keeps
    return [i for i in range(first, end) if keeps[i]]


def _words_of(sentence: _Sentence, cut: _Cut) -> list[str]:
    lead, first, end, kept = cut
    words = sentence.words
    indices = kept if kept is not None else _kept(sentence, first, end)
    return [*lead, *(words[i] for i in indices)]


def _candidate_sentences(sentences: Sequence[str], focus: int) -> list[int]:
    """The sentences phrases are taken from: the focus sentence, the first two, and the first
    sentences saying "we propose/study ..." or "in this work, we ..."."""
    aims = _aim_sentences(sentences)
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
    """
    sentences = sentences[:AIM_SENTENCES]
    if not sentences:
        return None
    focus = focus if focus is not None and 0 <= focus < len(sentences) else 0
    odds = _Odds(sentences, focus)
    best: list[str] | None = None
    best_score = -1.0
    field = None
    field_score = -1.0
    for index in _candidate_sentences(sentences, focus):
        sentence = _classified(sentences[index])
        expected, pieces = odds.sums(sentence)
        counts = sentence.counts
        for cut in _phrases(sentence):
            lead, first, end, kept = cut
            if kept is None:
                size = len(lead) + counts[end] - counts[first]
                shared = expected[end] - expected[first]
                length = TITLE_WORDS + pieces[end] - pieces[first]
            else:
                size = len(lead) + len(kept)
                shared = sum(expected[i + 1] - expected[i] for i in kept)
                length = TITLE_WORDS + sum(pieces[i + 1] - pieces[i] for i in kept)
            if size < 2:
                continue
            for word in lead:
                shared += odds(word)
                length += odds.pieces(word)
            score = shared / length
            if score <= best_score:
                continue
            phrase = _words_of(sentence, cut)
            if _generic(phrase):
                continue
            if not odds.of_the_field(phrase):
                best, best_score = phrase, score
            elif score > field_score:
                field, field_score = phrase, score
    return best or field


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
    for index in sorted(aims, key=lambda i: i != focus):
        sentence = _classified(sentences[index])
        words = sentence.words
        for i, word in enumerate(words):
            if word.lower() not in _AIMS or not _stated(words, i):
                continue
            head = _HEADS.search(sentence.classes, i + 1)
            if head is None or head.start() > i + 4:
                continue
            cuts = list(_cuts((), sentence, head.start(), MAX_HEADLINE_WORDS))
            if cuts:
                phrase = _words_of(sentence, cuts[-1])
                if len(phrase) >= 2 and not _generic(phrase):
                    return phrase
    return []


def _described(name: str, sentences: list[str]) -> list[str] | None:
    """What the abstract says its named contribution is, right after the name ("GSM8K, a
    dataset of ..." -> "a dataset of ...") or right before it ("an alternative search method,
    Policy Gradient Search (PGS)" -> "a search method"). The article stays, as in a title."""
    budget = MAX_HEADLINE_WORDS - len(name.split())
    for sentence in sentences:
        at = sentence.find(name)
        if at < 0:
            continue
        after = _described_after(sentence[at + len(name) :], name, budget)
        if after is None:
            after = _described_before(sentence[:at], name, budget)
        if after is not None:
            return after
    return None


def _described_after(rest: str, name: str, budget: int) -> list[str] | None:
    rest = _ACRONYM_AFTER.sub("", rest, count=1)
    match = _APPOSITION_AFTER.match(rest)
    if not match:
        return None
    described = _classified(rest[match.end() :])
    if described.classes[:1] in ("G", "B", "x"):
        return None  # "X, introducing ...": a clause, not what X is
    cuts = list(_cuts((), described, 0, budget - (1 if match.group(1) else 0)))
    phrase = _words_of(described, cuts[-1]) if cuts else None
    if phrase and _adds(phrase, name) and len(phrase) >= 2:
        return [match.group(1).lower(), *phrase] if match.group(1) else phrase
    return None


def _described_before(text: str, name: str, budget: int) -> list[str] | None:
    """The noun group that ends right before the name, if it says more than a kind of thing
    ("a new simulation-based search method", not "a novel technique")."""
    match = _APPOSITION_BEFORE.search(text)
    if not match:
        return None
    described = _classified(match.group("before"))
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
    """ "a" or "an" before a word, by its first letter ("an architecture", "a unified")."""
    return "an" if word[:1].lower() in "aeio" or word[:2].lower() in ("un", "in") else "a"


_APPOSITION_AFTER: Final = re.compile(r"\s*[,:]\s*(?:(a|an)\s+)?(?=\w)")
# "... a search method, NAME" or "... a technique called NAME": the description before it.
_APPOSITION_BEFORE: Final = re.compile(
    r"(?P<before>[^,;:()]*?)\s*(?:,|\b(?:called|named|dubbed|termed))\s*$", re.IGNORECASE
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

    def __init__(self, sentences: list[str], focus: int) -> None:
        self.context = title_context(sentences, focus, _aim_words(sentences, focus))
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

    def sums(self, sentence: _Sentence) -> tuple[list[float], list[int]]:
        """The running sums over a sentence's words of the pieces a title is expected to
        share with the words a headline keeps, and of their pieces: a phrase's expected
        ROUGE-1 F1 is then two differences."""
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
