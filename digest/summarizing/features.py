"""The signals a reader uses to tell the sentence that states a paper's point, one per function.

`sentence_features` turns a batch of abstracts (each a list of sentences, with its title or
None) into one row of numbers per sentence, one column per name in `FEATURES`:

- contribution_first: the abstract's first "we propose/introduce/present ...", "this paper
  presents ..."; contribution_later: a later one;
- aim: "we study/investigate ...", "in this paper", "here we"; finding: "we show/find ...",
  "we establish that ...";
- title_coverage: the share of the title's content words (those in the abstract) that the
  sentence holds; title_f1: the unigram F1 of its words with the title's;
- centrality: the cosine of its content words with those of the rest of the abstract;
- first_sentence, second_sentence, last_sentence, relative_position (0 first, 1 last);
- words_log: log(1 + words); fragment: under 10 words; long: over 40 words; over_line:
  longer than a line (`MAX_LINE_CHARS`), so that the line may be cut;
- question: it ends with a question mark; numbers: it holds a number or a percentage;
- result_words: the share of its words about experiments and results ("outperforms");
- background: "however", "recently", "has been", "results show" ...;
- add_on: it opens like an addition: "Furthermore", "We also", "In particular";
- opens_we, opens_our, opens_adverbial ("In ...", "To ...", "Based on ..."),
  opens_pronoun ("This", "These", "It", "They", "Such"): the pattern of its first word;
- points_back: once any linking clause is dropped, the line still leans on an earlier
  sentence: "this challenge", "these algorithms", "that", "the above", "our resulting
  model", "It can be ...", "We also present ...", "We then ...", "All tasks have ..."
  (a definite subject an earlier sentence named); see `points_back`;
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
from digest.summarizing.trimming import (
    GIVES_WAY,
    LINK_HINT_WITHIN,
    MAX_LINE_CHARS,
    TAKEN,
    giving_way,
    linking_clause_end,
)
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

# A marker of an addition leans back among the line's first this many words ("Our models
# also transfer ...").
ADDITIVE_WITHIN: Final = 3
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
    # per sentence: it leans on an earlier one, in the line a reader sees or in a dropped
    # linking clause that answers a problem stated before or adds to what was said ("To
    # address this challenge, ", "Moreover, "; not "To this end, ", which only leads on to
    # the contribution); and in the line
    leans_back: BoolArray
    line_leans_back: BoolArray
    # per sentence: the authors say what they do ("we propose", "we study", "we show", "our
    # method combines ...", "It introduces ..."; not "Our method outperforms ...", "We show
    # that it outperforms ...": results)
    states_contribution: BoolArray
    # per sentence: how far it gives way to the others as the line, from the structure of its
    # abstract (`digest.summarizing.trimming.giving_way`): 0 for none; a structured
    # abstract's line comes from its conclusion or the authors' own "We propose ...", and
    # never from its back matter ("Availability and implementation: ...") while another
    # sentence may be
    giving_way: IntArray

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
    after_verb: IntArray
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
    verb, after_verb, this_paper = _subject_verbs(flags, next1, next2, next3)
    return _Batch(
        texts=texts,
        word_ids=word_ids[:n_words],
        flags=flags,
        next1=next1,
        next2=next2,
        next3=next3,
        verb=verb,
        after_verb=after_verb,
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
        none = np.zeros(0, dtype=np.int64)
        return SentenceFeatures(values, sizes, has_title, empty, empty, empty, none)
    batch = _batch_of(texts, word_ids, lengths, sizes)
    doc_of = batch.doc_of
    counts = _count_words(word_ids, row_lengths, n_sentences, doc_of, batch.position, sizes)
    first, later = contribution_cues(batch)
    link_words = linking_clause_words(batch)
    back, link_back = points_back(batch, link_words, counts)
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
    states = (
        first
        + later
        + columns["aim"]
        # "Our method outperforms ...", "We demonstrate the effectiveness of our technique on
        # ... datasets" report a result: "our <work>" and "we show/find ..." state the
        # contribution only without result words ("Our method combines ...", "We show that
        # common networks are ArbNets").
        + (columns["finding"] + our_work(batch)) * (columns["result_words"] == 0)
        + paper_as_it(batch, link_words)
    ) > 0
    ways = np.fromiter(
        itertools.chain.from_iterable(map(giving_way, sentence_lists)),
        dtype=np.int64,
        count=n_sentences,
    )
    # The authors' own statement of what they propose or present ("We propose an MCDA
    # approach that ...", "We present the first case of ...") is taken wherever it stands
    # in a structured abstract, beside the conclusion.
    ways[(ways == GIVES_WAY) & ((first + later) > 0)] = TAKEN
    return SentenceFeatures(
        values, sizes, has_title, (back + link_back) > 0, back > 0, states, ways
    )


# --- cues: what the sentence says it does -------------------------------------------------


def _subject_verbs(
    flags: IntArray, next1: IntArray, next2: IntArray, next3: IntArray
) -> tuple[IntArray, IntArray, BoolArray]:
    """For each word: the flags of the verb after it if it is an authors' subject ("we", "this
    paper", "the paper", "our work"), maybe after an insert ("we also propose"), else 0; the
    flags of the word after that verb ("we establish that"; 0 when out of reach); and whether
    it is "this paper". Computed on the few words that can be such a subject."""
    at = np.flatnonzero((flags & _MAY_BE_SUBJECT) > 0)
    first, n1, n2, n3 = flags[at], next1[at], next2[at], next3[at]
    we = (first & cues.WE) > 0
    paper_noun = (n1 & cues.THIS_NOUN) > 0
    this_paper = ((first & cues.THIS) > 0) & paper_noun
    the_paper = ((first & cues.THE) > 0) & paper_noun
    our_paper = ((first & cues.OUR) > 0) & ((n1 & cues.OUR_NOUN) > 0)
    # The verb follows "we" at once and "this paper" one word later, maybe after an insert.
    verb = np.where(we, n1, n2)
    after = np.where(we, n2, n3)
    insert = (verb & cues.INSERT) > 0
    verb = np.where(insert, np.where(we, n2, n3), verb)
    after = np.where(insert, np.where(we, n3, 0), after)
    subject = we | this_paper | the_paper | our_paper
    verbs, afters = np.zeros_like(flags), np.zeros_like(flags)
    verbs[at] = np.where(subject, verb, 0)
    afters[at] = np.where(subject, after, 0)
    papers = np.zeros(len(flags), dtype=bool)
    papers[at] = this_paper
    return verbs, afters, papers


_MAY_BE_SUBJECT: Final = cues.WE | cues.THIS | cues.THE | cues.OUR


def contribution_cues(batch: _Batch) -> tuple[FloatArray, FloatArray]:
    """The abstract's first sentence with a contribution cue ("we propose", "this paper
    presents"), and its later ones, as 0.0/1.0: the first states the main contribution. A
    contribution verb before "that" reports a finding instead ("we establish that ...")."""
    cue = batch.any_word(((batch.verb & cues.CONTRIBUTION_VERB) > 0) & ~_before_that(batch))
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
    """ "we show/demonstrate/find/prove ...", "we establish that ...": a finding of the
    paper's own."""
    contribution_that = ((batch.verb & cues.CONTRIBUTION_VERB) > 0) & _before_that(batch)
    return batch.any_word(((batch.verb & cues.FINDING_VERB) > 0) | contribution_that)


def _before_that(batch: _Batch) -> BoolArray:
    """For each authors' subject, whether "that" follows its verb."""
    found: BoolArray = (batch.after_verb & cues.THAT) > 0
    return found


def our_work(batch: _Batch) -> FloatArray:
    """ "Our method ...", "our key insight ...": the authors' own work as a subject."""
    our = (batch.flags & cues.OUR) > 0
    work = ((batch.next1 | batch.next2) & cues.WORK_NOUN) > 0
    return batch.any_word(our & work)


def paper_as_it(batch: _Batch, link_words: IntArray) -> FloatArray:
    """1.0 for lines that open with the paper presenting itself as "it": "It introduces a
    suite of ..." (the report of its first sentence)."""
    opening = batch.index == link_words[batch.row]
    return batch.any_word(opening & _paper_as_it(batch.flags, batch.next1))


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


def points_back(
    batch: _Batch, link_words: IntArray, counts: _Counts
) -> tuple[FloatArray, FloatArray]:
    """1.0 for sentences that lean on an earlier one once any linking clause is dropped, and
    1.0 for sentences whose dropped linking clause leans back ("To address this challenge, ",
    "To mitigate the loss in legibility, ", "Furthermore, "). A sentence leans back by
    - a demonstrative about something else than the paper ("this challenge", "these
      algorithms", "such methods"), "that" as a pronoun ("leverages that and"), or an
      adjective that refers back ("the above", "our resulting model", "the proposed method");
    - a pronoun as the first word of the line ("It can be combined with ..."), unless it is
      the paper presenting itself ("It introduces a suite of ...");
    - a discourse marker of an addition among the first words of the line ("We also
      present", "We then present", "Our models also transfer", "For example, ");
    - a definite subject whose first word an earlier sentence has ("All tasks have ...",
      "The bonus is ...", after "... a suite of tasks");
    and a dropped linking clause leans back by any of the first kind, by a marker of an
    addition ("Moreover, "), or by answering a problem stated before ("To overcome the
    issue of ..., ")."""
    # Only words with one of these flags can lean back: the tests run on those alone.
    at = np.flatnonzero((batch.flags & _MAY_POINT) > 0)
    flags, next1, index, row = batch.flags[at], batch.next1[at], batch.index[at], batch.row[at]
    link = link_words[row]
    in_line = index >= link
    last = index == batch.lengths[row] - 1
    demonstrative = ((flags & cues.DEMONSTRATIVE) > 0) & (
        last | ((next1 & cues.NOT_POINTED_WORD) == 0)
    )
    inside = np.flatnonzero(demonstrative & ~last)
    demonstrative[inside] = ~_named_before_in_sentence(batch, at[inside])
    that = ((flags & cues.THAT) > 0) & (last | ((next1 & cues.AFTER_THAT) > 0))
    refers = ((flags & (cues.THE | cues.OUR | cues.DEMONSTRATIVE)) > 0) & (
        (next1 & cues.BACK_ADJECTIVE) > 0
    )
    pointing = demonstrative | that | refers
    opening = index == link
    pronoun = opening & ((flags & cues.PRONOUN) > 0) & ~_paper_as_it(flags, next1)
    additive = (flags & cues.ADDITIVE) > 0
    definite = np.zeros(len(at), dtype=bool)
    first_words = np.flatnonzero(opening & ((flags & cues.DEFINITE) > 0))
    definite[first_words] = definite_anaphora(batch, counts, at[first_words])
    in_line_back = (
        (pointing & in_line)
        | pronoun
        | (additive & in_line & (index < link + ADDITIVE_WITHIN))
        | definite
    )
    in_link_back = ~in_line & (additive | ((flags & cues.RESPONSE_VERB) > 0))
    n = len(batch.texts)
    return (
        (np.bincount(row[in_line_back], minlength=n) > 0).astype(float),
        (np.bincount(row[in_link_back], minlength=n) > 0).astype(float),
    )


# The flags of the words `points_back` looks at.
_MAY_POINT: Final = (
    cues.DEMONSTRATIVE
    | cues.THAT
    | cues.THE
    | cues.OUR
    | cues.PRONOUN
    | cues.ADDITIVE
    | cues.DEFINITE
    | cues.RESPONSE_VERB
)


def definite_anaphora(batch: _Batch, counts: _Counts, at: IntArray) -> BoolArray:
    """For each word index in `at` (definite determiners: "the", "all", "both", "each"),
    whether the word after it is a content word that an earlier sentence of the abstract
    has ("All tasks" after "... a suite of tasks")."""
    found = np.zeros(len(at), dtype=bool)
    rows = batch.row[at]
    maybe = np.flatnonzero((batch.index[at] < batch.lengths[rows] - 1) & (batch.position[rows] > 0))
    keys = VOCABULARY.keys[batch.word_ids[at[maybe] + 1]]
    content = keys > 0
    maybe, keys = maybe[content], keys[content]
    rows = rows[maybe]
    found[maybe] = counts.seen_before(batch.doc_of[rows], keys, batch.position[rows])
    return found


def _named_before_in_sentence(batch: _Batch, at: IntArray) -> BoolArray:
    """For each word index in `at`, whether the word after it occurs earlier in the same
    sentence: "two categories of learning signals ... both of these signals" points inside
    the sentence, not back to an earlier one."""
    before = batch.index[at]  # words of the sentence before each one
    if not before.sum():
        return np.zeros(len(at), dtype=bool)
    owner = np.repeat(np.arange(len(at)), before)
    earlier = np.arange(len(owner)) - np.repeat(np.cumsum(before) - before, before)
    earlier += batch.word_starts[batch.row[at]][owner]
    keys = VOCABULARY.keys
    same = keys[batch.word_ids[earlier]] == keys[batch.word_ids[at + 1]][owner]
    found: BoolArray = np.bincount(owner[same], minlength=len(at)) > 0
    return found


def _paper_as_it(flags: IntArray, next1: IntArray) -> BoolArray:
    """ "It" before a contribution verb ("It introduces a suite of ..."): the paper."""
    found: BoolArray = ((flags & cues.IT) > 0) & ((next1 & cues.CONTRIBUTION_VERB) > 0)
    return found


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
    # The sorted codes of every word, and how they are made: (abstract * width + key +
    # offset) * positions + position.
    codes: IntArray
    width: int
    offset: int
    positions: int

    def seen_before(self, docs: IntArray, keys: IntArray, positions: IntArray) -> BoolArray:
        """Whether each key occurs in its abstract in a sentence before the position given."""
        lowest = ((docs * self.width + keys + self.offset) * self.positions).astype(np.int64)
        at = np.searchsorted(self.codes, lowest)
        first = self.codes[np.minimum(at, len(self.codes) - 1)]
        found: BoolArray = (at < len(self.codes)) & (first < lowest + positions)
        return found


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
        codes=codes,
        width=width,
        offset=offset,
        positions=n_positions,
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
