"""Headlines: the title-like phrases of an abstract, and the best of them.

Noun phrases, purposes turned into gerund phrases ("to learn X" -> "Learning X") and nouns
defined by an apposition, cut at each place they may end, from the sentences that open the
abstract, state its contribution or say "we propose/study ..."; the phrase with the best
expected F1 against a title wins (`best_phrase` for one abstract, `best_phrases` for many).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from digest.headlines.odds import Odds, Sums, TitleContext, title_context, title_sums
from digest.headlines.words import (
    AIM_SENTENCES,
    AIMS,
    DETERMINER_CODES,
    DETERMINERS,
    GENERIC_WORDS,
    GOES_ON_CODES,
    GROUP,
    HEAD,
    HEADS,
    KIND_HEAD,
    KIND_HEADS,
    MAX_HEADLINE_WORDS,
    MAX_NAME_WORDS,
    MORE,
    Batch,
    Sentence,
    classified_sentence,
    classify,
    word_table,
)
from digest.sentences import STOP_WORDS

# Words in a title, as ROUGE counts them ("in-hand" is two): 8.5 on average in SciTLDR train.
TITLE_WORDS: Final = 8.5
# Sentences saying "we propose/study ..." whose phrases are candidates, besides the first two
# sentences and the focus sentence.
CANDIDATE_AIMS: Final = 2


# Who states an aim: "we", "this paper", "the present work", "here".
_AIM_SUBJECTS: Final = frozenset({"we", "paper", "work", "report", "article", "here", "study"})


# A phrase of a sentence: the words before it (a gerund made of "to answer": "answering"),
# where its span starts and ends, and its words' indices when it is not simply the words of
# its span the headline keeps (a phrase shortened to fit).
_Cut = tuple[tuple[str, ...], int, int, list[int] | None]


def _phrases(sentence: Sentence) -> list[_Cut]:
    """Every title-like phrase of a sentence, cut at each place it may end: noun phrases;
    a noun group defined by the one after it ("domain randomization: a technique for training
    models on simulated images"); a purpose ("to answer long-form questions") as a gerund
    phrase ("answering long-form questions")."""
    heads = [head.span() for head in HEADS.finditer(sentence.classes)]
    return _cuts_of_heads((), sentence, heads, MAX_HEADLINE_WORDS) + _other_phrases(sentence)


def _other_phrases(sentence: Sentence) -> list[_Cut]:
    """The phrases of a sentence that do not start at a head: definitions and purposes."""
    classes = sentence.classes
    words = sentence.words
    found: list[_Cut] = []
    for defined in _DEFINITIONS.finditer(classes):
        subject = kept_indices(sentence, defined.start(), defined.end("subject"))
        article = words[defined.end() - 1].lower()
        if not subject or len(subject) > MAX_NAME_WORDS // 2 or article not in ("a", "an"):
            continue
        named = [words[i] for i in subject]
        named[-1] += ":"
        budget = MAX_HEADLINE_WORDS - len(named) - 1
        cuts = phrase_cuts((), sentence, defined.end(), budget, kind_head=True)
        if cuts:
            _, first, end, kept = cuts[-1]
            indices = kept if kept is not None else kept_indices(sentence, first, end)
            if indices and len(indices) >= 2:
                found.append(((*named, indefinite_article(words[indices[0]])), first, end, kept))
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
        found += phrase_cuts(tuple(lead), sentence, start, MAX_HEADLINE_WORDS - len(lead))
    return found


def phrase_cuts(
    lead: tuple[str, ...],
    sentence: Sentence,
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

    The phrase may end after its head (a match of `HEADS` at `start`, ending at `head_end`
    when the caller has it already) and after each `MORE` that follows.
    """
    if head_end is None:
        head = HEADS.match(sentence.classes, start)
        if head is None:
            return []
        head_end = head.end()
    return _cuts_of_heads(lead, sentence, [(start, head_end)], budget, kind_head)


def _cuts_of_heads(
    lead: tuple[str, ...],
    sentence: Sentence,
    heads: Iterable[tuple[int, int]],
    budget: int,
    kind_head: bool = False,
) -> list[_Cut]:
    """`phrase_cuts` from the start of each (start, end) of `heads`, one after another: one call
    for all the heads of a sentence, as a sentence has a dozen."""
    words, classes, keeps, counts = (
        sentence.words,
        sentence.classes,
        sentence.keeps,
        sentence.counts,
    )
    size = len(words)
    match_more = MORE.match
    cuts: list[_Cut] = []
    for start, head_end in heads:
        first = start
        while first < size and (not keeps[first] or classes[first] in "DE"):
            first += 1
        if not kind_head and first < size and words[first].lower() in KIND_HEADS:
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
    sentence: Sentence, first: int, previous: int, end: int, budget: int
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


def kept_indices(sentence: Sentence, first: int, end: int) -> list[int]:
    """The indices of the words a headline keeps of a span."""
    keeps = sentence.keeps
    return [i for i in range(first, end) if keeps[i]]


def words_of(sentence: Sentence, cut: _Cut) -> list[str]:
    lead, first, end, kept = cut
    words = sentence.words
    indices = kept if kept is not None else kept_indices(sentence, first, end)
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
        i for i, s in enumerate(sentences[:AIM_SENTENCES]) if AIMS.intersection(s.lower().split())
    ]


# "In this work, we show ...", "Here we ...": a sentence that says what the paper does.
_THIS_WORK: Final = re.compile(r"^(?:In this (?:work|paper|study|article)|Here),? we\b")


def phrase_candidates(sentences: Sequence[str], focus: int) -> list[list[str]]:
    """Every phrase `best_phrase` weighs, as words."""
    found: list[list[str]] = []
    for index in _candidate_sentences(sentences, focus):
        sentence = classified_sentence(sentences[index])
        found.extend(words_of(sentence, cut) for cut in _phrases(sentence))
    return found


# "X, a Y": a noun group defined by the one after it.
_DEFINITIONS: Final = re.compile(rf"(?<=[xB])(?P<subject>{GROUP}),(?=D)D(?=E*[JVGMN])")


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
    odds = Odds(title_context(abstract.sentences, abstract.focus, aim))
    candidates = [classified_sentence(abstract.sentences[i]) for i in abstract.candidates]
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
    sentence they weigh is classified in one batch (`classify`), and the title odds of all
    their words in another (`title_sums`); then each abstract's phrases are scored."""
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
    batch = classify(wanted)
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
    sums = title_sums(batch, segments, contexts)
    cuts = _candidate_cuts(batch, segments)
    odds = [Odds(context) if context else None for context in contexts]
    scores = _scores(cuts, batch, segments, sums, odds)
    return _chosen(cuts, scores, batch, segments, odds, len(abstracts))


def _best_of(weighed: list[tuple[Sentence, Sums]], odds: Odds) -> list[str] | None:
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
            phrase = words_of(sentence, cut)
            if _generic(phrase) or _cut_inside_word(sentence, cut[2]):
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
# `HEADS` as a group: re.split gives each head's text, and so its span, without a match
# object per head.
_HEAD_PARTS: Final = re.compile(f"({HEAD})")


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


def _candidate_cuts(batch: Batch, segments: list[tuple[int, int]]) -> _Cuts:
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
        more = [MORE.match(joined, at) for at in (end[head] - shift[segment[head]]).tolist()]
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


def _phrase_table(batch: Batch) -> _PhraseTable:
    size = len(batch.ids)
    offsets = np.array(batch.offsets, dtype=np.intp)
    lengths = np.diff(offsets)
    ends = np.append(np.repeat(offsets[1:], lengths), size)  # each word's sentence's end
    starts = np.zeros(size + 1, dtype=bool)
    starts[offsets] = True
    places = np.arange(size + 1)
    opening = np.append(batch.keeps & ~DETERMINER_CODES[batch.kinds], False)
    firsts = np.minimum(_next_true(opening, places), ends)
    kept = np.append(batch.keeps, False)
    after = np.append(_next_true(kept, places)[1:], size)
    after = np.minimum(after, ends)
    kinds = np.append(batch.kinds, 0)
    kind_heads = np.append(word_table().cues[batch.ids] & KIND_HEAD, 0).astype(bool)
    kind_stops = kind_heads & (places < ends) & (after < ends) & (kinds[after] == ord("P"))
    counts = np.zeros(size + 1, dtype=np.intp)
    np.cumsum(batch.keeps, out=counts[1:])
    may_go_on = GOES_ON_CODES[kinds] & ~starts
    return _PhraseTable(firsts, kind_stops, counts, may_go_on)


def _next_true(flags: np.ndarray[Any, Any], places: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """For each place, the first place at or after it where `flags` is True (else the end)."""
    found = np.where(flags, places, len(flags))
    return np.minimum.accumulate(found[::-1])[::-1]


def _scores(
    cuts: _Cuts,
    batch: Batch,
    segments: list[tuple[int, int]],
    sums: list[Sums],
    odds: list[Odds | None],
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


def _score(cut: _Cut, counts: list[int], sums: Sums, odds: Odds) -> tuple[int, float]:
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
    batch: Batch,
    segments: list[tuple[int, int]],
    odds: list[Odds | None],
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
            sentence = batch.sentences[segments[segment][1]]
            phrase = words_of(sentence, cut)
            if _generic(phrase) or _cut_inside_word(sentence, cut[2]):
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
            w.lower() in GENERIC_WORDS
            or w.lower() in KIND_HEADS
            or w.lower() in STOP_WORDS
            or w.lower() in DETERMINERS
            for w in phrase
        )
        or {"paper", "work", "article"} & {w.lower() for w in phrase} != set()
    )


def _cut_inside_word(sentence: Sentence, end: int) -> bool:
    """Whether a phrase ending before word `end` stops inside a pair joined by a slash
    ("hypo/hyperglycemia", "presence/absence"), or at an initial that the sentence goes on
    after in small letters, a species' genus: "E. coli", "O. lurida" (the tokenizer gives
    the slash and the stop as words of their own)."""
    words = sentence.words
    if not 0 < end < len(words) - 1:
        return False
    if words[end] == "/":
        return True
    return (
        words[end] == "."
        and len(words[end - 1]) == 1
        and words[end - 1].isupper()
        and words[end + 1][:1].islower()
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
    return _aim_phrase({i: classified_sentence(sentences[i]) for i in aims}, aims, focus)


def _aim_phrase(classified: dict[int, Sentence], aims: list[int], focus: int) -> list[str]:
    """`_aim_words` of the abstract whose aim sentences are `aims`, classified."""
    for index in sorted(aims, key=lambda i: i != focus):
        sentence = classified[index]
        words = sentence.words
        for i, word in enumerate(words):
            if word.lower() not in AIMS or not _stated(words, i):
                continue
            head = HEADS.search(sentence.classes, i + 1)
            if head is None or head.start() > i + 4:
                continue
            cuts = phrase_cuts((), sentence, head.start(), MAX_HEADLINE_WORDS, head_end=head.end())
            if cuts:
                phrase = words_of(sentence, cuts[-1])
                if len(phrase) >= 2 and not _generic(phrase):
                    return phrase
    return []


def indefinite_article(word: str) -> str:
    """ "a" or "an" before a word, by its first letter ("an architecture", "a unified"), or
    before an acronym read letter by letter, by how its first letter is said ("an HP tuning
    paradigm", "an RL agent", "a GPU kernel")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return "an" if word[0] in _VOWEL_SOUNDING_LETTERS else "a"
    return "an" if word[:1].lower() in "aeio" or word[:2].lower() in ("un", "in") else "a"


# Letters whose names open with a vowel sound: "an F1 score", "an MLP", "an SVM".
_VOWEL_SOUNDING_LETTERS: Final = frozenset("AEFHILMNORSX")
