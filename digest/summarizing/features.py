"""The signals a reader uses to tell the sentence that states a paper's point, one per function.

`sentence_features` turns a batch of abstracts (each a list of sentences, with its title or
None) into one row of numbers per sentence, one column per name in `FEATURES`:

- contribution_first: the abstract's first "we propose/introduce/present ...", "this paper
  presents ..."; contribution_later: a later one;
- aim: "we study/investigate ...", "in this paper", "here we"; finding: "we show/find ...";
- title_coverage: the share of the title's content words (those in the abstract) that the
  sentence holds; title_f1: the unigram F1 of its words with the title's;
- centrality: the cosine of its content words with those of the rest of the abstract;
- first_sentence, second_sentence, last_sentence, relative_position (0 first, 1 last);
- words_log: log(1 + words); fragment: under 10 words; long: over 40 words; over_line:
  longer than a line (`MAX_LINE_CHARS`), so that the line will be cut;
- question: it ends with a question mark; numbers: it holds a number or a percentage;
- result_words: the share of its words about experiments and results ("outperforms");
- background: "however", "recently", "has been", "results show" ...;
- add_on: it opens like an addition: "Furthermore", "We also", "In particular";
- opens_we, opens_our, opens_adverbial ("In ...", "To ...", "Based on ..."),
  opens_pronoun ("This", "These", "It", "They", "Such"): the pattern of its first word;
- points_back: once any linking clause is dropped, it still leans on an earlier sentence:
  "this challenge", "these algorithms", "that", "the above";
- linking_clause: it opens with a clause that only links it to the one before ("To address
  this challenge,"), which the line drops;
- novelty: "novel", "new", "first".

Title features are 0 without a title; `digest.summarizing.model` weighs titled and untitled
abstracts with separate weights. Every word of a batch is an id of one `Vocabulary` (see
`digest.summarizing.words`), so each signal is a few numpy operations per batch whatever the
number of abstracts. All counts and their products are integers, so no result depends on
the order of sums.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from digest.sentences import tokenize_words
from digest.summarizing import cues
from digest.summarizing.trimming import LINK_HINT_WITHIN, MAX_LINE_CHARS, linking_clause_end
from digest.summarizing.words import PAIR_BASE, Vocabulary, tokenize_rows

FloatArray = np.ndarray[Any, np.dtype[np.float64]]
IntArray = np.ndarray[Any, np.dtype[np.int64]]
BoolArray = np.ndarray[Any, np.dtype[np.bool_]]

FEATURES: Final = (
    "contribution_first",
    "contribution_later",
    "aim",
    "finding",
    "title_coverage",
    "title_f1",
    "centrality",
    "first_sentence",
    "second_sentence",
    "last_sentence",
    "relative_position",
    "words_log",
    "fragment",
    "long",
    "over_line",
    "question",
    "numbers",
    "result_words",
    "background",
    "add_on",
    "opens_we",
    "opens_our",
    "opens_adverbial",
    "opens_pronoun",
    "points_back",
    "linking_clause",
    "novelty",
)
TITLE_FEATURES: Final = ("title_coverage", "title_f1")

FRAGMENT_WORDS: Final = 10  # shorter sentences are rarely a whole contribution
LONG_WORDS: Final = 40
_QUESTION_CLOSERS: Final = "\"'\u201d\u2019)] "

# One vocabulary for the process: its stems and flags are kept from batch to batch.
VOCABULARY: Final = Vocabulary(cues.word_flags)


@dataclass(frozen=True)
class SentenceFeatures:
    """The features of a batch: `values[i, j]` is feature `FEATURES[j]` of sentence i, the
    sentences of all abstracts in order; `sizes` the number of sentences of each abstract."""

    values: FloatArray
    sizes: IntArray
    has_title: BoolArray  # per abstract
    # per sentence: it leans on an earlier one, in its linking clause or after it; and after
    # it, so that the line a reader sees leans back
    leans_back: BoolArray
    line_leans_back: BoolArray
    # per sentence: the authors say what they do ("we propose", "we study", "we show", "our
    # method ...")
    states_contribution: BoolArray

    def column(self, name: str) -> FloatArray:
        column: FloatArray = self.values[:, FEATURES.index(name)]
        return column


@dataclass(frozen=True)
class _Batch:
    """The words of a batch of sentences, flat: ids, flags, the sentence of each, the flags of
    the next three words (0 past the sentence's end), and for each authors' subject ("we",
    "this paper", "our work") the flags of its verb (see `_subject_verbs`)."""

    texts: list[str]
    word_ids: IntArray
    flags: IntArray
    next1: IntArray
    next2: IntArray
    next3: IntArray
    verb: IntArray
    this_paper: BoolArray
    row: IntArray  # the sentence of each word
    index: IntArray  # of each word in its sentence
    lengths: IntArray  # words per sentence
    word_starts: IntArray  # index of each sentence's first word
    position: IntArray  # of each sentence in its abstract
    sizes_of: IntArray  # sentences of each sentence's abstract
    doc_of: IntArray

    def first_flags(self) -> IntArray:
        """The flags of each sentence's first word (0 for a sentence without words)."""
        firsts: IntArray = np.where(self.lengths > 0, np.append(self.flags, 0)[self.word_starts], 0)
        return firsts

    def any_word(self, hit: BoolArray) -> FloatArray:
        """1.0 for each sentence with a true `hit` among its words."""
        return (np.bincount(self.row[hit], minlength=len(self.texts)) > 0).astype(float)


def _batch_of(texts: list[str], word_ids: IntArray, lengths: IntArray, sizes: IntArray) -> _Batch:
    n_sentences, n_words = len(texts), int(lengths.sum())
    doc_of = np.repeat(np.arange(len(sizes)), sizes)
    position = np.arange(n_sentences) - (np.cumsum(sizes) - sizes)[doc_of]
    flags = VOCABULARY.flags[word_ids[:n_words]]
    row = np.repeat(np.arange(n_sentences), lengths)
    word_starts = np.cumsum(lengths) - lengths
    index = np.arange(n_words) - word_starts[row]
    after = lengths[row] - 1 - index  # words after each word in its sentence
    padded = np.concatenate((flags, np.zeros(3, dtype=np.int64)))
    next1, next2, next3 = (np.where(after >= k, padded[k : n_words + k], 0) for k in (1, 2, 3))
    verb, this_paper = _subject_verbs(flags, next1, next2, next3)
    return _Batch(
        texts=texts,
        word_ids=word_ids[:n_words],
        flags=flags,
        next1=next1,
        next2=next2,
        next3=next3,
        verb=verb,
        this_paper=this_paper,
        row=row,
        index=index,
        lengths=lengths,
        word_starts=word_starts,
        position=position,
        sizes_of=sizes[doc_of],
        doc_of=doc_of,
    )


def sentence_features(
    sentence_lists: Sequence[Sequence[str]], titles: Sequence[str | None]
) -> SentenceFeatures:
    """The features of every sentence of every abstract; `titles[i]` belongs to abstract i."""
    sizes = np.fromiter(map(len, sentence_lists), dtype=np.int64, count=len(sentence_lists))
    texts = [s for sentences in sentence_lists for s in sentences]
    n_sentences = len(texts)
    titled = [t if t and t.strip() else "" for t in titles]
    word_ids, row_lengths = tokenize_rows(VOCABULARY, [*texts, *titled])
    lengths, title_lengths = row_lengths[:n_sentences], row_lengths[n_sentences:]
    has_title = title_lengths > 0
    if not n_sentences:
        empty = np.zeros(0, dtype=bool)
        values = np.zeros((0, len(FEATURES)))
        return SentenceFeatures(values, sizes, has_title, empty, empty, empty)
    batch = _batch_of(texts, word_ids, lengths, sizes)
    doc_of = batch.doc_of
    counts = _count_words(word_ids, row_lengths, n_sentences, doc_of, batch.position, sizes)
    first, later = contribution_cues(batch)
    link_words = linking_clause_words(batch)
    back, link_back = points_back(batch, link_words)
    coverage, f1 = title_overlap(counts, lengths, title_lengths, doc_of)
    columns = {
        "contribution_first": first,
        "contribution_later": later,
        "aim": aim_cue(batch),
        "finding": finding_cue(batch),
        "title_coverage": coverage,
        "title_f1": f1,
        "centrality": centrality(counts, doc_of),
        **position_features(batch),
        **shape_features(batch),
        "result_words": result_words(batch),
        "background": background(batch),
        "add_on": add_on(batch),
        **opening_features(batch),
        "points_back": back,
        "linking_clause": (link_words > 0).astype(float),
        "novelty": batch.any_word((batch.flags & cues.NOVELTY_WORD) > 0),
    }
    values = np.column_stack([columns[name] for name in FEATURES]).astype(float)
    states = (first + later + columns["aim"] + columns["finding"] + our_work(batch)) > 0
    return SentenceFeatures(values, sizes, has_title, (back + link_back) > 0, back > 0, states)


# --- cues: what the sentence says it does -------------------------------------------------


def _subject_verbs(
    flags: IntArray, next1: IntArray, next2: IntArray, next3: IntArray
) -> tuple[IntArray, BoolArray]:
    """For each word: the flags of the verb after it if it is an authors' subject ("we", "this
    paper", "our work"), maybe after an insert ("we also propose"), else 0; and whether it is
    "this paper"."""
    we = (flags & cues.WE) > 0
    this_paper = ((flags & cues.THIS) > 0) & ((next1 & cues.THIS_NOUN) > 0)
    our_paper = ((flags & cues.OUR) > 0) & ((next1 & cues.OUR_NOUN) > 0)
    # The verb follows "we" at once and "this paper" one word later, maybe after an insert.
    verb = np.where(we, next1, next2)
    insert = (verb & cues.INSERT) > 0
    verb = np.where(insert, np.where(we, next2, next3), verb)
    subject = we | this_paper | our_paper
    return np.where(subject, verb, 0), this_paper


def contribution_cues(batch: _Batch) -> tuple[FloatArray, FloatArray]:
    """The abstract's first sentence with a contribution cue ("we propose", "this paper
    presents"), and its later ones, as 0.0/1.0: the first states the main contribution."""
    cue = batch.any_word((batch.verb & cues.CONTRIBUTION_VERB) > 0)
    first = np.zeros(len(cue))
    rows = np.flatnonzero(cue)
    _, first_of_doc = np.unique(batch.doc_of[rows], return_index=True)
    first[rows[first_of_doc]] = 1.0
    return first, cue - first


def aim_cue(batch: _Batch) -> FloatArray:
    """ "we study/investigate ...", "in this paper", "this paper ...", "here we"."""
    here_we = ((batch.flags & cues.HERE) > 0) & ((batch.next1 & cues.WE) > 0)
    return batch.any_word(((batch.verb & cues.AIM_VERB) > 0) | batch.this_paper | here_we)


def finding_cue(batch: _Batch) -> FloatArray:
    """ "we show/demonstrate/find/prove ...": a finding of the paper's own."""
    return batch.any_word((batch.verb & cues.FINDING_VERB) > 0)


def our_work(batch: _Batch) -> FloatArray:
    """ "Our method ...", "our key insight ...": the authors' own work as a subject."""
    our = (batch.flags & cues.OUR) > 0
    work = ((batch.next1 | batch.next2) & cues.WORK_NOUN) > 0
    return batch.any_word(our & work)


def background(batch: _Batch) -> FloatArray:
    """1.0 for sentences about what others did, what is hard, or what experiments confirm."""
    flags = batch.flags
    found = batch.any_word((flags & cues.BACKGROUND_WORD) > 0)
    # Every phrase holds one of these words; most sentences hold none.
    maybe = batch.any_word((flags & cues.PHRASE_WORD) > 0) > found
    for row in np.flatnonzero(maybe).tolist():
        text = batch.texts[row].lower()
        found[row] = any(phrase in text for phrase in cues.BACKGROUND_PHRASES)
    return found


def add_on(batch: _Batch) -> FloatArray:
    """1.0 for sentences that open like an addition to a contribution already stated."""
    found = (batch.first_flags() & cues.ADD_ON_WORD) > 0
    two = np.flatnonzero(batch.lengths >= 2)
    pairs = VOCABULARY.pair_codes(cues.ADD_ON_PAIRS)
    if len(two) and len(pairs):
        starts = batch.word_starts[two]
        opening = batch.word_ids[starts] * PAIR_BASE + batch.word_ids[starts + 1]
        found[two] |= np.isin(opening, pairs)
    return found.astype(float)


def result_words(batch: _Batch) -> FloatArray:
    """The share of the sentence's words about experiments and results."""
    hits = np.bincount(
        batch.row[(batch.flags & cues.RESULT_WORD) > 0], minlength=len(batch.texts)
    ).astype(float)
    return hits / np.maximum(batch.lengths, 1)


# --- leaning on the sentence before ----------------------------------------------------------


def linking_clause_words(batch: _Batch) -> IntArray:
    """For each sentence, the number of words of the leading linking clause that
    `digest.summarizing.trimming` drops from the line ("To address this challenge, "), or 0.

    Only sentences that can open with one (see `trimming.LINK_FIRST_WORDS`) are looked at
    in Python."""
    words = np.zeros(len(batch.texts), dtype=np.int64)
    first = batch.first_flags()
    early_hint = ((batch.flags & cues.LINK_HINT) > 0) & (batch.index < LINK_HINT_WITHIN)
    maybe = np.flatnonzero(
        ((first & cues.ONE_WORD_LINK) > 0)
        | (((first & cues.LINK_FIRST) > 0) & (batch.any_word(early_hint) > 0))
    )
    for row in maybe.tolist():
        text = batch.texts[row]
        end = linking_clause_end(text)
        if end:
            words[row] = len(tokenize_words(text[:end]))
    return words


def points_back(batch: _Batch, link_words: IntArray) -> tuple[FloatArray, FloatArray]:
    """1.0 for sentences that lean on an earlier one once any linking clause is dropped: a
    demonstrative about something else than the paper ("this challenge", "these
    algorithms", "such methods"), "that" as a pronoun ("leverages that and"), "the above",
    or a pronoun as the first word ("It can be combined with ..."); and 1.0 for sentences
    whose dropped linking clause leans back that way ("To address this challenge, ")."""
    flags, next1, index = batch.flags, batch.next1, batch.index
    link = link_words[batch.row]
    last = index == batch.lengths[batch.row] - 1
    demonstrative = ((flags & cues.DEMONSTRATIVE) > 0) & (
        last | ((next1 & cues.NOT_POINTED_WORD) == 0)
    )
    that = ((flags & cues.THAT) > 0) & (last | ((next1 & cues.AFTER_THAT) > 0))
    the_above = ((flags & cues.THE) > 0) & ((next1 & cues.BACK_ADJECTIVE) > 0)
    pronoun = ((flags & cues.PRONOUN) > 0) & (index == link)
    pointing = demonstrative | that | the_above | pronoun
    return batch.any_word(pointing & (index >= link)), batch.any_word(pointing & (index < link))


# --- title and centrality: what the sentence is about ----------------------------------------


@dataclass(frozen=True)
class _Counts:
    """Word counts of a batch, by count key: one run per (abstract, key, position) that
    occurs (position `last` is the title), one group per (abstract, key)."""

    run_sentence: IntArray  # the sentence of each run (meaningless for title runs)
    in_sentence: BoolArray  # the run is in a sentence, not the title
    content: BoolArray  # the run's key is a content word
    counts: FloatArray
    group: IntArray  # the group of each run
    group_doc: IntArray
    group_content: BoolArray
    doc_totals: FloatArray  # per group, in the abstract's sentences (not its title)
    title_totals: FloatArray  # per group, in the abstract's title


def _count_words(
    word_ids: IntArray,
    row_lengths: IntArray,
    n_sentences: int,
    doc_of: IntArray,
    position: IntArray,
    sizes: IntArray,
) -> _Counts:
    """Count the words of a batch by (abstract, key, position): one sort of one integer each.

    The rows are the sentences, then one title per abstract (empty when it has none)."""
    n_docs = len(sizes)
    token_row = np.repeat(np.arange(n_sentences + n_docs), row_lengths)
    # Title words sit at position `last` of their abstract, after any sentence.
    last = int(sizes.max())
    n_positions = last + 1
    docs = np.concatenate((doc_of, np.arange(n_docs)))[token_row]
    positions = np.concatenate((position, np.full(n_docs, last)))[token_row]
    keys = VOCABULARY.keys[word_ids]
    offset = int(np.abs(keys).max(initial=0)) + 1
    width = 2 * offset + 1
    if (int(docs.max(initial=0)) + 1) * width * n_positions >= 2**63:
        raise OverflowError("too many abstracts to rate in one batch")
    codes = (docs * width + keys + offset) * n_positions + positions
    codes.sort()
    starts = np.flatnonzero(np.diff(codes, prepend=-1))
    counts = np.diff(starts, append=len(codes)).astype(float)
    run_codes = codes[starts]
    run_groups = run_codes // n_positions
    run_position = run_codes - run_groups * n_positions
    run_doc = run_groups // width
    group_starts = np.flatnonzero(np.diff(run_groups, prepend=-1))
    group = np.cumsum(np.diff(run_groups, prepend=-1) != 0) - 1
    group_codes = run_groups[group_starts]
    in_title = run_position == last
    sentence_starts = np.cumsum(sizes) - sizes
    return _Counts(
        run_sentence=sentence_starts[run_doc] + run_position,
        in_sentence=~in_title,
        content=run_groups % width > offset,
        counts=counts,
        group=group,
        group_doc=group_codes // width,
        group_content=group_codes % width > offset,
        doc_totals=_sums(group, np.where(in_title, 0.0, counts), len(group_codes)),
        title_totals=_sums(group, np.where(in_title, counts, 0.0), len(group_codes)),
    )


def centrality(counts: _Counts, doc_of: IntArray) -> FloatArray:
    """Cosine between each sentence's content-word counts c and those of the other sentences
    of its abstract, from the abstract's totals D: rest = D - c, so c.rest = c.D - c.c and
    |rest|^2 = D.D - 2 c.D + c.c. The sentence that states the contribution names the things
    the rest of the abstract talks about."""
    n = len(doc_of)
    content = counts.in_sentence & counts.content
    c, sentence = counts.counts[content], counts.run_sentence[content]
    totals_at = counts.doc_totals[counts.group[content]]
    totals = np.where(counts.group_content, counts.doc_totals, 0.0)
    cc = _sums(sentence, c * c, n)
    cd = _sums(sentence, c * totals_at, n)
    dd = _sums(counts.group_doc, totals * totals, int(doc_of[-1]) + 1)[doc_of]
    dot = cd - cc
    norms = np.sqrt(cc * np.maximum(dd - 2 * cd + cc, 0.0))
    out: FloatArray = np.divide(dot, norms, out=np.zeros_like(dot), where=norms > 0)
    return out


def title_overlap(
    counts: _Counts, lengths: IntArray, title_lengths: IntArray, doc_of: IntArray
) -> tuple[FloatArray, FloatArray]:
    """Title coverage (the share of the title's content words that occur in the abstract
    which the sentence holds) and title F1 (unigram F1 of all the sentence's words with the
    title's, which a sentence that merely mentions title words in passing does not have);
    0 without a title."""
    n = len(doc_of)
    has_title = title_lengths > 0
    if not has_title.any():
        return np.zeros(n), np.zeros(n)
    content = counts.in_sentence & counts.content
    wanted = counts.group_content & (counts.doc_totals > 0) & (counts.title_totals > 0)
    hits = _sums(counts.run_sentence[content], wanted[counts.group[content]], n)
    covered = np.bincount(counts.group_doc[wanted], minlength=len(title_lengths))[doc_of]
    coverage = np.divide(hits, covered, out=np.zeros_like(hits), where=covered > 0)
    inside = counts.in_sentence
    shared = np.minimum(counts.counts[inside], counts.title_totals[counts.group[inside]])
    overlap = _sums(counts.run_sentence[inside], shared, n)
    total = (lengths + title_lengths[doc_of]).astype(float)
    f1 = np.divide(2 * overlap, total, out=np.zeros_like(overlap), where=total > 0)
    return coverage * has_title[doc_of], f1 * has_title[doc_of]


# --- where it stands, what shape it has, how it opens ----------------------------------------


def position_features(batch: _Batch) -> dict[str, FloatArray]:
    """First, second and last sentence, and the position from 0 (first) to 1 (last)."""
    position, sizes = batch.position, batch.sizes_of
    return {
        "first_sentence": (position == 0).astype(float),
        "second_sentence": (position == 1).astype(float),
        "last_sentence": ((position == sizes - 1) & (sizes > 1)).astype(float),
        "relative_position": position / np.maximum(sizes - 1, 1),
    }


def shape_features(batch: _Batch) -> dict[str, FloatArray]:
    """Length, fragments and long sentences, questions, numbers."""
    lengths, texts, n = batch.lengths, batch.texts, len(batch.texts)
    # map() over the texts rather than a loop: these run on every sentence of a batch.
    stripped = map(str.rstrip, texts, itertools.repeat(_QUESTION_CLOSERS))
    question = np.fromiter(map(str.endswith, stripped, itertools.repeat("?")), bool, n)
    percent = np.fromiter(map(operator.contains, texts, itertools.repeat("%")), bool, n)
    chars = np.fromiter(map(len, texts), np.int64, n)
    numbers = batch.any_word((batch.flags & cues.NUMBER) > 0)
    return {
        "words_log": np.log1p(lengths),
        "fragment": (lengths < FRAGMENT_WORDS).astype(float),
        "long": (lengths > LONG_WORDS).astype(float),
        "over_line": (chars > MAX_LINE_CHARS).astype(float),
        "question": question.astype(float),
        "numbers": np.maximum(numbers, percent),
    }


def opening_features(batch: _Batch) -> dict[str, FloatArray]:
    """The pattern of the first word: "We", "Our", an adverbial ("In", "To", "Based"), or a
    pronoun or demonstrative ("This", "It", "Such")."""
    first = batch.first_flags()
    pronoun = cues.PRONOUN | cues.DEMONSTRATIVE | cues.THAT
    return {
        "opens_we": ((first & cues.WE) > 0).astype(float),
        "opens_our": ((first & cues.OUR) > 0).astype(float),
        "opens_adverbial": ((first & cues.ADVERBIAL_OPENER) > 0).astype(float),
        "opens_pronoun": ((first & pronoun) > 0).astype(float),
    }


def _sums(index: IntArray, weights: Any, n: int) -> FloatArray:
    """Sum of `weights` per value of `index` in range(n), as floats (also when empty)."""
    sums: FloatArray = np.bincount(index, weights=weights, minlength=n).astype(float, copy=False)
    return sums
