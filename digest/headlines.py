"""Headlines: what a paper is called in the digest.

The paper's own title when it has one. Many inputs are bare abstracts, so otherwise the name
the abstract gives its contribution ("We call the resulting models InstructGPT", "We introduce
Codex, a ...", "a novel technique called Hindsight Experience Replay"), else a short key phrase
of the abstract (its most repeated run of content words), capitalised.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import contains
from typing import Final

import Stemmer  # type: ignore[import-not-found]  # PyStemmer: no stubs

from digest.models import Paper
from digest.sentences import STOP_WORDS, split_sentences
from digest.tagging import NOUNS, VERBS, load_lexicon, tag_words, tokenize

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
# Words in a title, as headlines are scored against: 8 on average in SciTLDR.
TITLE_WORDS: Final = 8.0
# Sentences saying "we propose/study ..." whose phrases are candidates, besides the first two
# sentences and the focus sentence. One (without the second sentence) costs 30% less time
# and 0.2 ROUGE-1 on SciTLDR, but gave the seeds "Batch size-invariant" again.
CANDIDATE_AIMS: Final = 2
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
      problems" (the name's apposition, else the best phrase below).
    - Else its best phrase: "Generalization of neural networks on small algorithmically
      generated datasets". Candidates are the noun phrases (a noun group with its
      prepositional phrases, cut only between phrases) of the sentences that open the
      abstract, state its contribution or say "we propose/study ...". Each word is given
      the chance that a title would use it (from how many sentences use it, where, and what
      kind of word it is: see _title_odds); the phrase with the best expected ROUGE-1 F1
      against a title of TITLE_WORDS words wins.
    Failing all that, a short key phrase.
    """
    name = contribution_name(sentences)
    if name:
        described = _described(name, sentences)
        if described:
            return f"{name}: {' '.join(described)}"
    best = _best_phrase_of(sentences, focus)
    if name:
        if best and _adds(best, name) and len(name.split()) + len(best) <= MAX_HEADLINE_WORDS:
            return f"{name}: {' '.join(best)}"
        return name
    if best:
        return _capitalise(" ".join(best))
    return key_phrase(sentences, focus)


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
_MODIFIER_TAGS: Final = frozenset({"JJ", "VBN", "VBG", "CD", "NN", "NNS", "NNP"})
_SUBJECTS: Final = frozenset({"NN", "NNS", "NNP", "PRP"})
_BEFORE_VERBS: Final = frozenset(
    {"to", "we", "i", "they", "can", "will", "may", "that", "which", "who"}
)
_NOT_NOUNS: Final = frozenset({"et", "al", "i.e", "e.g", "etc"})


@functools.lru_cache(maxsize=64)
def _tagged(sentence: str) -> tuple[list[str], list[str]]:
    """A sentence's words and tags; remembered, as the name, the aim and the candidate
    phrases of one abstract look at the same few sentences (callers never change them)."""
    words = tokenize(sentence)
    return words, tag_words(words)


def _aim_phrase(sentences: list[str], focus: int | None) -> list[str] | None:
    """The object of the first "we propose/study/..." of the abstract, as a title's phrase;
    the focus sentence's first, if it has one."""
    order = list(range(min(len(sentences), AIM_SENTENCES)))
    if focus is not None and 0 <= focus < len(sentences):
        order = [focus, *(i for i in order if i != focus)]
    for index in order:
        if not _AIMS.intersection(sentences[index].lower().split()):
            continue
        words, tags = _tagged(sentences[index])
        for i, word in enumerate(words):
            if word.lower() not in _AIMS or not _stated(words, i):
                continue
            start = _object_start(words, tags, i + 1)
            if start is None:
                continue
            phrase = _phrase(words, tags, start, MAX_HEADLINE_WORDS)
            if phrase and len(phrase) >= 2 and not _generic(phrase):
                return phrase
    return None


def _stated(words: list[str], at: int) -> bool:
    """Whether the verb at `at` states the paper's aim: "we (here) propose", "this paper
    presents", "in this work, we study"."""
    before = [w.lower() for w in words[max(0, at - 3) : at]]
    return bool(_AIM_SUBJECTS.intersection(before)) or words[at].lower().endswith("s")


def _object_start(words: list[str], tags: list[str], at: int) -> int | None:
    """Where the object of an aim verb starts, past what names only the kind of contribution:
    'we propose to study X', 'a novel approach for X', 'the problem of X'; None for a clause
    ('we show that ...')."""
    if at + 1 < len(words) and words[at] == "to" and tags[at + 1] == "VB":
        at += 2  # "we propose to study X"
    if at < len(words) and words[at].lower() in ("that", "how", "whether", "why", "what"):
        return None
    if at < len(words) and words[at].lower() == "on":
        at += 1  # "we focus on X"
    k = at
    while k < len(words) and (
        words[k].lower() in _DETERMINERS or words[k].lower() in _EMPTY_MODIFIERS
    ):
        k += 1
    if k + 1 < len(words) and words[k].lower() in _KIND_HEADS and words[k + 1] in ("of", "for"):
        return k + 2
    return at


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


def _opening_phrase(sentences: list[str], focus: int | None) -> list[str] | None:
    """The first phrase of two or more words in the focus sentence (else the first)."""
    if not sentences:
        return None
    index = focus if focus is not None and 0 <= focus < len(sentences) else 0
    words, tags = _tagged(sentences[index])
    best: list[str] | None = None
    for i in range(len(words)):
        if i and (tags[i - 1] in _MODIFIER_TAGS or tags[i - 1] == "DT"):
            continue  # inside a phrase already tried
        phrase = _phrase(words, tags, i, MAX_HEADLINE_WORDS)
        if phrase and _generic(phrase):
            continue
        if phrase and len(phrase) >= MIN_HEADLINE_WORDS:
            return phrase
        if phrase and len(phrase) >= 2 and (best is None or len(phrase) > len(best)):
            best = phrase
    return best


def _phrase(words: list[str], tags: list[str], start: int, budget: int) -> list[str] | None:
    """The longest title-like phrase from `start` within `budget` words, cut only between
    phrases: a noun group (or a gerund with its object: "learning to predict sets"), then
    prepositional phrases, "and" another noun group, or a participle with its phrase
    ("trained on X"). None when no noun group starts there."""
    fitting = [cut for cut in _phrase_cuts(words, tags, start) if len(cut) <= budget]
    return fitting[-1] if fitting else None


def _phrase_cuts(words: list[str], tags: list[str], start: int) -> list[list[str]]:
    """The phrase from `start` cut at each place it may end, shortest first, up to
    MAX_HEADLINE_WORDS words."""
    head = _head(words, tags, start)
    if head is None:
        return []
    end = head
    out = _words(words, start, end)
    cuts: list[list[str]] = []
    while len(out) <= MAX_HEADLINE_WORDS:
        trimmed = _trimmed(out)
        if trimmed:
            cuts.append(trimmed)
        end = _past_parenthesis(words, end)
        step = _continuation(words, tags, end) if end < len(words) else None
        if step is None:
            break
        more = _words(words, end, step)
        if len(out) + len(more) > MAX_HEADLINE_WORDS:
            # Too long with its modifiers: "of 8.5K high quality ... grade school math word
            # problems" keeps its preposition and the nouns that end it.
            more = _compressed(more, tags[end:step], words[end:step])
        out = out + more
        end = step
    return cuts


def _compressed(more: list[str], tags: list[str], tokens: list[str]) -> list[str]:
    """A prepositional phrase's first word and the run of nouns that ends it."""
    tag_of = {w: t for w, t in zip(tokens, tags, strict=True)}
    tail: list[str] = []
    for word in reversed(more[1:]):
        if tag_of.get(word) not in NOUNS or _has_digit(word):
            break
        tail.insert(0, word)
    return [more[0], *tail] if tail else more


def _head(words: list[str], tags: list[str], i: int) -> int | None:
    """The end of a noun group or gerund phrase starting at i, or None."""
    if i >= len(words):
        return None
    gerund = tags[i] == "VBG" or (
        words[i].endswith("ing") and i + 1 < len(words) and words[i + 1] == "to"
    )
    if gerund and words[i].lower() not in ("using", "including", "following"):
        j = i + 1
        if j + 1 < len(words) and words[j] == "to" and tags[j + 1] == "VB":
            j += 2  # "learning to predict"
        group = _noun_group(words, tags, j)
        if group is not None:
            return group
    return _noun_group(words, tags, i)


def _noun_group(words: list[str], tags: list[str], i: int) -> int | None:
    """The end of the noun group at i: a determiner, modifiers, ending on a noun."""
    j = i
    if j < len(words) and words[j].lower() in _DETERMINERS:
        j += 1
    first = j
    nouns = False
    while j < len(words):
        tag = tags[j]
        if nouns and tag in ("VBG", "VBN"):
            break  # after a noun, a participle opens a clause: "agent following ..."
        if tag in _MODIFIER_TAGS and words[j].lower() not in _NOT_NOUNS:
            # "8.5K" in "8.5K grade school problems" modifies, like a number.
            nouns = nouns or (tag in NOUNS and not _has_digit(words[j]))
            j += 1
        elif tag == "RB" and j + 1 < len(words) and tags[j + 1] in ("JJ", "VBN"):
            j += 1  # "linguistically diverse", "procedurally generated"
        else:
            break
    while j > first and tags[j - 1] not in NOUNS:
        j -= 1
    return j if j > first else None


def _may_be_verb(lower: str) -> bool:
    """Whether the lexicon knows the word as a finite verb ("aligns", "models")."""
    known = _VERB_READINGS.get(lower)
    if known is None:
        known = any(tag in VERBS for tag, _ in load_lexicon().odds(lower) or ())
        if len(_VERB_READINGS) < _MEMO_SIZE:
            _VERB_READINGS[lower] = known
    return known


# Answers remembered across papers: a week of abstracts repeats most of its words.
_VERB_READINGS: dict[str, bool] = {}
_STEMS: dict[str, str] = {}
_MEMO_SIZE: Final = 200_000


def _has_digit(word: str) -> bool:
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def _continuation(words: list[str], tags: list[str], i: int) -> int | None:
    """The end of the phrase that can follow a noun group at i, or None."""
    word = words[i].lower()
    if word in _PREPOSITIONS:
        return _head(words, tags, i + 1)
    if word == "and" and i + 1 < len(words) and tags[i + 1] in _MODIFIER_TAGS | {"DT"}:
        return _noun_group(words, tags, i + 1)
    if tags[i] == "VBN" and i + 1 < len(words) and words[i + 1].lower() in _PREPOSITIONS:
        return _head(words, tags, i + 2)  # "trained on X", "based on X"
    return None


def _past_parenthesis(words: list[str], i: int) -> int:
    """Past a short parenthesis ("(RL)", "(e.g. X)"), which a headline leaves out."""
    if i < len(words) and words[i] == "(":
        for j in range(i + 1, min(len(words), i + 8)):
            if words[j] == ")":
                return j + 1
    return i


def _words(words: list[str], start: int, end: int) -> list[str]:
    """The words between start and end, without parentheses and what they hold."""
    out: list[str] = []
    depth = 0
    for word in words[start:end]:
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and word[0].isalnum():
            out.append(word)
    return out


def _trimmed(phrase: list[str]) -> list[str] | None:
    while phrase and (phrase[0].lower() in _DETERMINERS or phrase[0].lower() in _EMPTY_MODIFIERS):
        phrase = phrase[1:]
    return phrase or None


def _described(name: str, sentences: list[str]) -> list[str] | None:
    """What the abstract says its named contribution is, right after the name: "GSM8K, a
    dataset of ..." -> "a dataset of ...". The article stays, as in a title."""
    budget = MAX_HEADLINE_WORDS - len(name.split())
    for sentence in sentences:
        at = sentence.find(name)
        if at < 0:
            continue
        rest = sentence[at + len(name) :]
        rest = _ACRONYM_AFTER.sub("", rest, count=1)
        match = re.match(r"\s*[,:]\s*(?:(a|an)\s+)?(?=\w)", rest)
        if not match:
            continue
        words, tags = _tagged(rest[match.end() :])
        phrase = _phrase(words, tags, 0, budget - (1 if match.group(1) else 0))
        if tags and tags[0] in ("VBG", "VB", "VBZ", "VBD"):
            continue  # "X, introducing ...": a clause, not what X is
        if phrase and _adds(phrase, name) and len(phrase) >= 2:
            return [match.group(1).lower(), *phrase] if match.group(1) else phrase
    return None


def _adds(phrase: list[str], name: str) -> bool:
    """Whether a phrase says more than the name: a noun of its own, not only 'a method'."""
    named = {w.lower() for w in name.split()}
    return any(
        w.lower() not in named and w.lower() not in _KIND_HEADS and w.lower() not in _GENERIC_WORDS
        for w in phrase
        if w[0].isalpha()
    )


# How likely a title is to use a word of its abstract, as a logistic model of the word's
# features; fitted on SciTLDR train by `bench/headlines.py --fit` (titles hidden, then looked
# at), in the order of _features.
_TITLE_WEIGHTS: Final = (
    -4.233, 1.819, 1.635, 0.344, 0.653, 0.918, -2.235, -1.113, -1.126, 0.850, 0.688, -2.971,
    0.301, 1.569, 1.514, 2.352, 1.649, 2.638, 0.242, -0.244, 0.393, -0.247, 0.523, 3.445, 2.027,
    0.000, -1.245, 2.154,
)  # fmt: skip
# Function words that titles use at their own rates ("X for Y", "X of Y", "X with Y").
TITLE_FUNCTION_WORDS: Final = ("of", "for", "and", "with", "in", "a", "the", "on", "to", "via")
TITLE_FUNCTION_WORDS_MORE: Final = ("from", "by", "an", "using")
_FUNCTION_INDEX: Final = {
    w: i for i, w in enumerate(TITLE_FUNCTION_WORDS + TITLE_FUNCTION_WORDS_MORE)
}
_WORD: Final = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
# "... mixed precision training (MPT)": the (up to four) words before it are defined.
_ACRONYM: Final = re.compile(r"\([A-Z][\w-]*[A-Z][\w-]*s?\)")


@dataclass(frozen=True)
class _Context:
    """What the title odds of a word depend on, beyond the word."""

    lowered: list[str]  # the sentences, lowercased
    focus: int  # the focus sentence's index
    aim: frozenset[str]  # stems of what "we propose/study" names
    defined: frozenset[str]  # ... of the words an acronym stands for: "policy gradient (PG)"


def title_features(word: str, context: _Context) -> list[float]:
    """The features of a word that _TITLE_WEIGHTS weigh, in their order. A stem is looked
    for as a substring of each sentence: it finds "network" in "networks" at C speed."""
    lower = word.lower()
    stem = _stem(lower)
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
        float(any(ch.isupper() for ch in word[1:])),
        float(word[:1].isupper()),
        min(len(word), 12) / 12,
        float("-" in word),
        float(any(ch.isdigit() for ch in word)),
        float(stem in context.defined),
    ]
    function = [0.0] * len(_FUNCTION_INDEX)
    if lower in _FUNCTION_INDEX:
        function[_FUNCTION_INDEX[lower]] = 1.0
    return features + function


def title_context(sentences: list[str], focus: int, aim: Sequence[str]) -> _Context:
    defined = [
        w
        for s in sentences
        if "(" in s
        for m in _ACRONYM.finditer(s)
        for w in _WORD.findall(s[max(0, m.start() - 60) : m.start()].lower())[-4:]
        if w not in _STOP_WORDS
    ]
    return _Context(
        [s.lower() for s in sentences] or [""],
        focus if 0 <= focus < len(sentences) else 0,
        frozenset(_STEMMER.stemWords([w.lower() for w in aim])),
        frozenset(_STEMMER.stemWords(defined)),
    )


def _title_odds(word: str, context: _Context) -> float:
    """The logistic of _TITLE_WEIGHTS times title_features, written out: it runs for every
    word of every candidate phrase, and building the feature list cost most of the time."""
    w = _TITLE_WEIGHTS
    lower = word.lower()
    stem = _stem(lower)
    lowered = context.lowered
    spread = sum(1 for s in lowered if stem in s) / len(lowered)
    z = w[0] + w[1] * spread + w[2] * math.sqrt(spread) + w[10] * min(len(word), 12) / 12
    if stem in lowered[0]:
        z += w[3]
    if stem in lowered[context.focus]:
        z += w[4]
    if stem in context.aim:
        z += w[5]
    if lower in _STOP_WORDS:
        z += w[6]
        if lower in _FUNCTION_INDEX:
            z += w[14 + _FUNCTION_INDEX[lower]]
    if lower in _GENERIC_WORDS or lower in _KIND_HEADS:
        z += w[7]
    if word[:1].isupper():
        z += w[9]
    if not word.islower() and any(ch.isupper() for ch in word[1:]):
        z += w[8]
    if "-" in word:
        z += w[11]
    if not word.isalpha() and any(ch.isdigit() for ch in word):
        z += w[12]
    if stem in context.defined:
        z += w[13]
    return 1 / (1 + math.exp(-z))


def _stem(lower: str) -> str:
    stem = _STEMS.get(lower)
    if stem is None:
        stem = str(_STEMMER.stemWord(lower))
        if len(_STEMS) < _MEMO_SIZE:
            _STEMS[lower] = stem
    return stem


def phrase_candidates(sentences: list[str], focus: int) -> list[list[str]]:
    """Every title-like phrase of the first two sentences, the focus sentence and the first
    sentences saying "we propose/study ...", cut at each place a phrase may end."""
    aims = [
        i for i, s in enumerate(sentences[:AIM_SENTENCES]) if _AIMS.intersection(s.lower().split())
    ]
    found: list[list[str]] = []
    for index in dict.fromkeys([focus, 0, 1, *aims[:CANDIDATE_AIMS]]):
        if not 0 <= index < len(sentences):
            continue
        words, tags = _tagged(sentences[index])
        lowered = [w.lower() for w in words]
        for i in range(len(words)):
            starts = []
            if lowered[i] in _AIMS and _stated(words, i):
                start = _object_start(words, tags, i + 1)
                if start is not None:
                    starts.append(start)
            opens = tags[i] in _MODIFIER_TAGS or tags[i] in ("DT", "RB", "PRP")
            after = lowered[i - 1] if i else ""
            if after in _BEFORE_VERBS or tags[i - 1 : i] == ["MD"]:
                opens = False  # a verb: "to increase X", "we fine-tune X"
            elif i and tags[i - 1] in _SUBJECTS and _may_be_verb(lowered[i]):
                opens = False  # "the decoder aligns node embeddings": a verb after its subject
            if opens and (i == 0 or not (tags[i - 1] in _MODIFIER_TAGS or tags[i - 1] == "DT")):
                starts.append(i)
            for start in starts:
                found.extend(_phrase_cuts(words, tags, start))
    return found


def _best_phrase_of(sentences: list[str], focus: int | None) -> list[str] | None:
    if not sentences:
        return None
    focus = focus if focus is not None and 0 <= focus < len(sentences) else 0
    sentences = sentences[:AIM_SENTENCES]
    candidates = [p for p in phrase_candidates(sentences, focus) if len(p) >= 2 and not _generic(p)]
    if not candidates:
        return None
    context = title_context(sentences, focus, _aim_phrase(sentences, focus) or ())
    odds: dict[str, float] = {}
    best: list[str] | None = None
    best_score = -1.0
    for phrase in candidates:
        total = 0.0
        for word in phrase:
            if word not in odds:
                odds[word] = _title_odds(word, context)
            total += odds[word]
        score = 2 * total / (len(phrase) + TITLE_WORDS)
        if score > best_score:
            best, best_score = phrase, score
    return best
