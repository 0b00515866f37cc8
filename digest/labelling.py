"""Name groups of papers: a short label a researcher would write, plus a few keywords.

A label is the noun phrase (one to three words) that is most specific to the group: common
among the group's papers and rare in the rest of the batch (a class-based TF-IDF: coverage in
the group times how much more often the group uses it). Phrases never cross punctuation, never
start or end on a function word or on a word every abstract uses ("propose", "results"), and
are never made only of generic words ("model", "data"). A one-word winner is joined with the
next best phrase ("Robotics and sim-to-real transfer") when that stays within four words.
Labels are distinct across themes: a group whose best phrase is taken gets its next one.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

OTHER_LABEL = "Other"
MAX_LABEL_WORDS = 4
MAX_KEYWORDS = 3
MAX_PHRASE_WORDS = 3
# Longer phrases read better as labels; a mild bonus lets them win over their own head word
# when they cover nearly as many papers.
_LENGTH_BONUS = {1: 1.0, 2: 2.0, 3: 2.2}
# A runner-up joins a one-word label ("Robotics and sim-to-real transfer") only when it is
# nearly as specific; otherwise the label would name a minority of the papers.
_PARTNER_SHARE = 0.6
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ed", "able", "ible", "ful", "less", "ing")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of the genre, not of a topic: a phrase may not start or end on them, nor hold them.
WEAK_WORDS = _word_set(
    """
    propose proposed proposes present presented presents show shows shown showing study
    studies studied paper papers work works result results approach approaches method methods
    novel new use used uses using based find finds found demonstrate demonstrates introduce
    introduces introduced investigate investigated investigates report reported different
    various significant significantly recent recently furthermore moreover additionally
    respectively including include includes given obtain obtained provide provides provided
    allow allows allowing able achieve achieves achieved improve improves improved existing
    previous previously current currently particular specific particularly general generally
    et al e.g i.e via able compared comparable discuss discussed consider considered key
    main important possible potential simple effective efficient strong large small high low
    wide widely better best good make makes making like similar recent furthermore thus
    additional total overall typical typically standard suggest suggests suggesting
    """
)
# Words too broad to name a theme on their own, though fine inside a phrase
# ("Language model alignment", "Data augmentation").
GENERIC_WORDS = _word_set(
    """
    model models modeling modelling data dataset datasets task tasks performance problem
    problems system systems analysis framework frameworks algorithm algorithms learning
    training observation observations observed sample samples property properties effect
    effects range order number case cases time times process processes technique techniques
    feature features evidence value values parameter parameters function functions set sets
    type types structure level levels rate rates experiment experiments experimental
    evaluation application applications field fields theory research question questions
    quality scale scales state states network networks method
    """
)
_STOP = frozenset(ENGLISH_STOP_WORDS) | WEAK_WORDS
_SEGMENT = re.compile(r"[.,;:!?()\[\]{}\"\u201c\u201d\u2018\u2019]|\s[-\u2013\u2014]+\s|--")
_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")


@dataclass(frozen=True)
class Label:
    """What a theme is called, and the keywords shown beside it."""

    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class _Phrase:
    key: tuple[str, ...]
    score: float


def label_groups(
    texts: Sequence[str],
    groups: Sequence[Sequence[int]],
    single_names: Sequence[str | None] = (),
) -> tuple[Label, ...]:
    """One distinct Label per group; groups hold indices into `texts` (the whole batch).

    `single_names[i]`, when given for a one-paper group, becomes that group's label.
    """
    written: Counter[tuple[str, str]] = Counter()
    doc_phrases: list[set[tuple[str, ...]]] = []
    for text in texts:
        runs = content_runs(text)
        written.update(pair for run in runs for pair in run)
        doc_phrases.append(phrases_of_runs([[key for key, _ in run] for run in runs]))
    surfaces = _most_common_spellings(written)
    everywhere = Counter(k for keys in doc_phrases for k in keys)
    taken: set[str] = set()
    labels: list[Label] = []
    for i, group in enumerate(groups):
        ranked = rank_phrases([doc_phrases[j] for j in group], everywhere, len(texts))
        name = single_names[i] if i < len(single_names) else None
        label, used = _choose_label(ranked, surfaces, taken, name if len(group) == 1 else None)
        taken.add(label.lower())
        keywords = _choose_keywords(ranked, used, surfaces)
        labels.append(Label(label, keywords))
    return tuple(labels)


def content_runs(text: str) -> list[list[tuple[str, str]]]:
    """Runs of content words, as (normalised, written) pairs, between stop words and stops."""
    runs: list[list[tuple[str, str]]] = []
    for segment in _SEGMENT.split(text):
        run: list[tuple[str, str]] = []
        for written in _WORD.findall(segment):
            key = _word_key(written)
            if key is None:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append((key, written))
        if run:
            runs.append(run)
    return runs


def phrases_of_runs(runs: Sequence[Sequence[str]]) -> set[tuple[str, ...]]:
    """The 1- to 3-grams of each run (filtered later, by `_is_topic`, only where they count)."""
    found: set[tuple[str, ...]] = set()
    for run in runs:
        found.update(zip(run, strict=False))
        found.update(itertools.pairwise(run))
        found.update(zip(run, run[1:], run[2:], strict=False))
    return found


def _is_topic(key: tuple[str, ...]) -> bool:
    """Whether a phrase could name a topic: not generic words only, not a lone participle."""
    if len(key) == 1 and key[0].endswith("ed"):
        # "trained", "observed" are verbs, not topics.
        return False
    return not all(w in GENERIC_WORDS for w in key)


@functools.cache
def _word_key(written: str) -> str | None:
    """A word's normalised form, or None for words no phrase may hold."""
    word = written.lower()
    if word in _STOP or len(word) < 2:
        return None
    return _singular(word)


def rank_phrases(
    group_docs: Sequence[set[tuple[str, ...]]], everywhere: Counter[tuple[str, ...]], n_docs: int
) -> list[_Phrase]:
    """Phrases of a group, most specific first (ties broken alphabetically)."""
    inside = Counter(k for keys in group_docs for k in keys)
    size = len(group_docs)
    # A label should be shared by papers, not be one paper's pet phrase.
    need = 2 if size >= 3 else 1
    rest = max(n_docs - size, 1)
    ranked: list[_Phrase] = []
    for key, count in inside.items():
        if count < need or not _is_topic(key):
            continue
        coverage = count / size
        outside = (everywhere[key] - count + 0.5) / (rest + 1)
        lift = math.log(1.0 + coverage / outside)
        ranked.append(_Phrase(key, coverage**1.5 * lift * _LENGTH_BONUS[len(key)]))
    ranked.sort(key=lambda p: (-round(p.score, 9), p.key))
    return ranked


def _choose_label(
    ranked: Sequence[_Phrase],
    surfaces: dict[str, str],
    taken: set[str],
    name: str | None,
) -> tuple[str, list[tuple[str, ...]]]:
    if name and name.lower() not in taken:
        return name, []
    for i, first in enumerate(ranked):
        if len(first.key) == 1 and _looks_adjective(first.key[0]):
            continue
        used = [first.key]
        if len(first.key) == 1:
            partner = _partner(first, ranked[i + 1 :])
            if partner is not None:
                used.append(partner)
        label = _as_label(used, surfaces)
        if label.lower() not in taken and label != OTHER_LABEL:
            return label, used
    fallback = name or "Miscellaneous"
    while fallback.lower() in taken:
        fallback += " (more)"
    return fallback, []


def _partner(first: _Phrase, rest: Sequence[_Phrase]) -> tuple[str, ...] | None:
    """A close runner-up that can join a one-word label without repeating it."""
    pieces = _pieces(first.key)
    for phrase in rest[:5]:
        close = phrase.score >= _PARTNER_SHARE * first.score
        fits = len(first.key) + len(phrase.key) + 1 <= MAX_LABEL_WORDS
        new = not pieces & _pieces(phrase.key)
        if close and fits and new and not _looks_adjective(phrase.key[-1]):
            return phrase.key
    return None


def _pieces(key: tuple[str, ...]) -> set[str]:
    """The words of a phrase, hyphenated words split: 'multi-agent' overlaps 'agent'."""
    return {piece for word in key for piece in word.split("-") if piece}


def _choose_keywords(
    ranked: Sequence[_Phrase],
    used: Sequence[tuple[str, ...]],
    surfaces: dict[str, str],
) -> tuple[str, ...]:
    seen = {w for key in used for w in _pieces(key)}
    keywords: list[str] = []
    for phrase in ranked:
        if len(keywords) == MAX_KEYWORDS:
            break
        if seen & _pieces(phrase.key):
            continue
        seen |= _pieces(phrase.key)
        keywords.append(_display(_spell(phrase.key, surfaces)))
    return tuple(keywords)


def _as_label(keys: Sequence[tuple[str, ...]], surfaces: dict[str, str]) -> str:
    text = " and ".join(_display(_spell(k, surfaces)) for k in keys)
    return text[:1].upper() + text[1:]


def _spell(key: tuple[str, ...], spellings: dict[str, str]) -> str:
    """A phrase as usually written: the head word in its usual number ("language models"),
    modifiers in the singular unless written with inner capitals ("StarCraft")."""
    *modifiers, head = key
    words = [
        spellings.get(w, w) if _has_inner_capital(spellings.get(w, w)) else w for w in modifiers
    ]
    return " ".join([*words, spellings.get(head, head)])


def _has_inner_capital(word: str) -> bool:
    return any(c.isupper() for c in word[1:])


def _display(surface: str) -> str:
    """Lower case, except words written as acronyms or with inner capitals (GPT-3, BERT)."""
    return " ".join(w if _has_inner_capital(w) else w.lower() for w in surface.split())


def _most_common_spellings(written: Counter[tuple[str, str]]) -> dict[str, str]:
    """The most common way each word is written (ties: alphabetically first)."""
    best: dict[str, tuple[int, str]] = {}
    for (key, spelling), n in written.items():
        current = best.get(key)
        if current is None or (-n, spelling) < (-current[0], current[1]):
            best[key] = (n, spelling)
    return {key: spelling for key, (_, spelling) in best.items()}


def _looks_adjective(word: str) -> bool:
    """Whether a lone word probably describes rather than names ("mathematical", "generative")."""
    return word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith("ics")


def _singular(word: str) -> str:
    """A crude singular, so that 'language model' and 'language models' count together."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "ics")):
        return word[:-1]
    return word
