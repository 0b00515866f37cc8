"""Summarize stage: one verbatim sentence per paper that says what the paper contributes.

Everything that touches sumy lives here, so its quirks stay in one place:
- the document is built with sumy's object model (`ObjectDocumentModel`) from sentences split
  by `digest.sentences`, never with `PlaintextParser`, which takes ALL-CAPS lines for headings,
  and never with sumy's `Tokenizer("english")`, which needs NLTK data we cannot download;
- a title, when the paper has one, is added as a heading sentence: that is where sumy's
  Edmundson title method (and ours) looks for title words;
- sumy's summarizers return `Sentence` objects whose equality is by text, so the chosen
  sentence is mapped back to its position by identity.

The default method, "contribution", is a summarizer of ours on sumy's document model. Abstracts
mostly open with background and close with results; the sentence a reader wants in a one-line
digest is the one that states the contribution ("We introduce Codex, ...", "In this paper, we
propose ..."). It adds a few hand-set, simple signals, each of which a human editor would use
too (see `ContributionSummarizer`): contribution and aim cues, the title's words, centrality
(how much the sentence shares with the rest of the abstract), and small penalties for
background, add-on sentences, questions, the very first sentence and fragments. sumy's own
summarizers (Luhn, LexRank, LSA, TextRank, Edmundson) stay available by name for comparison;
they rank sentences by centrality or cue words alone and score 4-12 ROUGE-1 points lower on
SciTLDR (see bench/summaries.py), and adding their ratings to ours did not help there.

Speed: `summarize_papers` splits a chunk of abstracts at a time (`split_abstracts`) and rates
the default method straight from the sentences' text (the same ratings `ContributionSummarizer`
gives a sumy document) with numpy: every word becomes an id in a vocabulary that keeps its stem
key and cue flags, so that no signal loops over words in Python. Large batches are spread over
worker processes; sumy, and the NLTK behind its summarizers, are imported only when a
comparison method is asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import Stemmer  # type: ignore[import-not-found]  # PyStemmer: no stubs

from digest import forking
from digest.headlines import derive_headline
from digest.models import Paper, Summary
from digest.sentences import STOP_WORDS, ScientificTokenizer, split_abstracts, tokenize_words

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel

# A digest line holds about this many characters; longer sentences are shortened visibly.
MAX_LINE_CHARS: Final = 200
# Only the first sentences of an abstract are considered, so that a pasted book costs the same
# as a long abstract (LexRank and TextRank are quadratic in the number of sentences).
# Abstracts have 5-12 sentences; the contribution is stated early.
MAX_SENTENCES: Final = 40
# Shortening cuts at a clause boundary in the last part of the line, else at a word boundary.
_MIN_KEEP_FRACTION: Final = 1 / 3
ELLIPSIS: Final = "…"
NO_TEXT: Final = "No abstract text to summarize."

DEFAULT_METHOD: Final = "contribution"

# Papers are rated this many at a time: the arrays of one chunk stay a few megabytes, so memory
# does not grow with the batch beyond the summaries themselves.
CHUNK_PAPERS: Final = 1_000
# Below this many papers one process is faster: starting workers and warming their word caches
# costs more than the second core saves.
PARALLEL_MIN_PAPERS: Final = 4_000

_TOKENIZER: Final = ScientificTokenizer()
_STOP_WORDS: Final = STOP_WORDS
# The Snowball English ("Porter2") stemmer. It is PyStemmer's rather than sumy's because sumy's
# is NLTK's: pure Python, and importing it runs NLTK's setup (scipy, scikit-learn), seconds of CPU.
# Snowball expects lowercased words. PyStemmer's own cache is turned off (size 0): `_WORD_IDS`
# keeps every stem we need again, and a full PyStemmer cache makes each new word cost about
# 3 us instead of under 1 us (measured on 43k distinct words).
_STEMMER: Final = Stemmer.Stemmer("english", 0)


# sumy's summarizers stem every word of every sentence, some several times (Edmundson): a cache
# hit costs a tenth of a call into PyStemmer.
@functools.lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """Snowball stem of `word`, lowercased first: the stemmer given to sumy's summarizers."""
    stem: str = _STEMMER.stemWord(word.lower())
    return stem


def stem_words(words: Sequence[str]) -> list[str]:
    """Snowball stems of `words` in order, lowercased first; one call for a whole vocabulary."""
    stems: list[str] = _STEMMER.stemWords([word.lower() for word in words])
    return stems


# Cue phrases are matched on a sentence's lowercased words, through per-word flags (see
# `_word_flags`): regexes with word-boundary alternations cost ~50 us per abstract each.
_THIS_NOUNS: Final = frozenset({"paper", "work", "article", "study", "report", "note"})
_OUR_NOUNS: Final = frozenset({"paper", "work"})
# Words allowed between "we" and the verb: "we also propose", "we formally introduce".
_INSERTS: Final = frozenset({"also", "here", "first", "further", "then", "now"})
# Verb stems by which authors state their own contribution ("we propose", "this paper presents").
_CONTRIBUTION_VERBS: Final = (
    "propos",
    "introduc",
    "present",
    "develop",
    "design",
    "describ",
    "devis",
    "formulat",
    "offer",
    "provid",
    "establish",
    "contribut",
    "build",
    "creat",
    "construct",
    "releas",
)
# "We study ...": what the paper sets out to do, without a "we propose" verb.
_AIM_VERBS: Final = frozenset(
    {
        "study",
        "investigate",
        "explore",
        "analyze",
        "analyse",
        "consider",
        "address",
        "tackle",
        "aim",
        "seek",
        "focus",
    }
)
# Background and hedges: what others did, what is hard, what experiments merely confirm.
_BACKGROUND_WORDS: Final = frozenset(
    {
        "however",
        "recently",
        "existing",
        "previous",
        "prior",
        "traditional",
        "remain",
        "remains",
        "challenging",
        "difficult",
        "although",
        "despite",
        "unfortunately",
    }
)
# Matched in the lowercased sentence; the leading space keeps "this widely" from matching.
_BACKGROUND_PHRASES: Final = (
    " has been",
    " have been",
    " is widely",
    " are widely",
    " experiment show",
    " experiments show",
    " experiment demonstrate",
    " experiments demonstrate",
    " result show",
    " results show",
    " results demonstrate",
    " results indicate",
    " results suggest",
)
_BACKGROUND_PHRASE_WORDS: Final = frozenset(
    {"been", "widely", "experiment", "experiments", "result", "results"}
)
# Openings of sentences that add to a contribution already stated ("Furthermore, we show").
_ADD_ON_FIRST: Final = frozenset(
    {"furthermore", "moreover", "additionally", "also", "finally", "lastly", "besides"}
    | {"further", "specifically"}
)
_ADD_ON_PAIRS: Final = frozenset(
    {("in", "addition"), ("in", "particular"), ("for", "example"), ("for", "instance")}
    | {("we", w) for w in ("also", "further", "then", "finally")}
)
_CLOSERS: Final = "\"'\u201d\u2019)] "


# Hand-set weights, on the scale of one contribution cue. Title coverage, title F1 and
# centrality are fractions in [0, 1], so a sentence that covers the whole title counts like a
# cue. They were set by hand from these principles; each added signal was kept only if it
# helped on both halves of SciTLDR dev (even and odd lines). Halving or doubling any one
# weight moves ROUGE-1 there by at most 0.3 point, except the cue (doubled, it overrides the
# title: -1.2) and the title (halved or doubled: -0.6, -0.7).
WEIGHT_CUE: Final = 1.0
WEIGHT_LATER_CUE: Final = 0.5  # the first "we propose" states the main contribution
WEIGHT_AIM: Final = 0.5
WEIGHT_TITLE: Final = 1.0
WEIGHT_TITLE_F1: Final = 0.5
WEIGHT_CENTRALITY: Final = 1.0
PENALTY_BACKGROUND: Final = 0.3
PENALTY_ADD_ON: Final = 0.5
PENALTY_QUESTION: Final = 0.5  # a question is asked, not answered, by its sentence
PENALTY_FIRST: Final = 0.2  # the first sentence is usually background, unless it opens "We"
PENALTY_LATE: Final = 0.1  # per fraction of the abstract after the third sentence
PENALTY_FRAGMENT: Final = 0.5
FRAGMENT_WORDS: Final = 10  # shorter sentences are rarely a whole contribution
RATING_DECIMALS: Final = 9

# One summary as it travels back from a worker process: headline, sentence, text, shortened.
_Row = tuple[str, str, str, bool]
_Ratings = np.ndarray[Any, np.dtype[np.float64]]


def summarize_paper(paper: Paper) -> Summary:
    """The one line said about `paper`: its headline and its contribution sentence."""
    return summarize_papers([paper])[0]


def summarize_papers(
    papers: Sequence[Paper],
    *,
    method: str = DEFAULT_METHOD,
    workers: int | None = None,
    on_progress: Callable[[int], object] | None = None,
) -> tuple[Summary, ...]:
    """`summarize_paper` for each paper, in the same order; `method` names one of `METHODS`.

    Papers are summarized `CHUNK_PAPERS` at a time, each chunk in one batch (see
    `rate_sentence_lists`); from `PARALLEL_MIN_PAPERS` papers on, chunks run in worker
    processes on every available core. `workers` overrides the number of processes (1: this
    one only). `on_progress` is called with the number of papers finished after each chunk.
    The result is the same, byte for byte, whatever the chunking and the processes.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; known: {', '.join(sorted(METHODS))}")
    spans = [
        (start, min(start + CHUNK_PAPERS, len(papers)))
        for start in range(0, len(papers), CHUNK_PAPERS)
    ]
    processes = _process_count(len(papers), len(spans), workers)
    rows: Iterable[list[_Row]] = (
        _summarize_in_workers(papers, spans, method, processes)
        if processes > 1
        else (_summarize_rows(papers[start:stop], method) for start, stop in spans)
    )
    summaries: list[Summary] = []
    for (start, stop), chunk_rows in zip(spans, rows, strict=True):
        summaries.extend(
            Summary(paper.id, *row)
            for paper, row in zip(papers[start:stop], chunk_rows, strict=True)
        )
        if on_progress is not None:
            on_progress(stop - start)
    return tuple(summaries)


def summarize_with(paper: Paper, method: str) -> Summary:
    """Summarize one paper with a named method from `METHODS` (for comparisons)."""
    return summarize_papers([paper], method=method)[0]


def _summarize_rows(papers: Sequence[Paper], method: str) -> list[_Row]:
    split = split_abstracts([p.abstract for p in papers], limit=MAX_SENTENCES)
    indexes = select_sentences(split, [p.title for p in papers], method)
    return [
        _summary_row(paper, sentences, index)
        for paper, sentences, index in zip(papers, split, indexes, strict=True)
    ]


def _summary_row(paper: Paper, sentences: list[str], index: int) -> _Row:
    headline = derive_headline(paper, sentences=sentences, focus=index)
    if not sentences:
        return headline, "", NO_TEXT, False
    sentence = sentences[index]
    text, shortened = shorten_sentence(sentence)
    return headline, sentence, text, shortened


def _process_count(n_papers: int, n_chunks: int, workers: int | None) -> int:
    if not forking.CAN_FORK:
        return 1
    if workers is None:
        if n_papers < PARALLEL_MIN_PAPERS:
            return 1
        workers = forking.cores()
    return max(1, min(workers, n_chunks))


def _summarize_in_workers(
    papers: Sequence[Paper], spans: list[tuple[int, int]], method: str, processes: int
) -> Iterable[list[_Row]]:
    """The rows of each span, in order, from this process and `processes` - 1 forked ones.

    This process takes every `processes`-th chunk itself rather than waiting idle: one fork
    fewer, and one process fewer that warms its word caches from nothing. The others' chunks
    are queued in order, so they run in step with this process's. The workers inherit the
    papers (pickling 100,000 of them would cost more than a core's share of the work).
    """
    with forking.forked_pool(processes - 1, papers) as pool:
        futures = {
            i: pool.submit(_summarize_forked_span, span, method)
            for i, span in enumerate(spans)
            if i % processes
        }
        for i, (start, stop) in enumerate(spans):
            future = futures.get(i)
            yield _summarize_rows(papers[start:stop], method) if future is None else future.result()


def _summarize_forked_span(span: tuple[int, int], method: str) -> list[_Row]:
    start, stop = span
    papers: Sequence[Paper] = forking.inherited()
    return _summarize_rows(papers[start:stop], method)


def select_sentences(
    sentence_lists: Sequence[Sequence[str]], titles: Sequence[str | None], method: str
) -> list[int]:
    """`select_sentence` for each abstract (0 for one without sentences)."""
    if method != DEFAULT_METHOD:
        return [
            select_sentence(s, t, method) if s else 0
            for s, t in zip(sentence_lists, titles, strict=True)
        ]
    considered = [s[:MAX_SENTENCES] for s in sentence_lists]
    sizes = np.fromiter(map(len, considered), dtype=np.intp, count=len(considered))
    ratings = _rate_batch(considered, titles, sizes)
    chosen = np.zeros(len(considered), dtype=np.intp)
    if len(ratings):
        # Best rating first, ties to the earlier sentence: for each abstract, the first of its
        # rows in this order is its choice.
        starts = np.cumsum(sizes) - sizes
        doc_of = np.repeat(np.arange(len(considered)), sizes)
        order = np.lexsort((np.arange(len(ratings)), -ratings, doc_of))
        present = sizes > 0
        chosen[present] = order[starts[present]] - starts[present]
    return chosen.tolist()


def select_sentence(sentences: Sequence[str], title: str | None, method: str) -> int:
    """Index of the sentence `method` picks among the first `MAX_SENTENCES` of `sentences`."""
    considered = list(sentences[:MAX_SENTENCES])
    if len(considered) == 1:
        return 0
    document = build_document(considered, title)
    summarizer = METHODS[method]()
    # sumy's LexRank divides by a zero norm when no two sentences share a word.
    with np.errstate(divide="ignore", invalid="ignore"):
        chosen = summarizer(document, 1)
    if not chosen:  # sumy returns nothing when no sentence has a content word
        return 0
    return next(i for i, s in enumerate(document.sentences) if s is chosen[0])


def build_document(sentences: Sequence[str], title: str | None) -> ObjectDocumentModel:
    """A sumy document: one paragraph, the title (if any) as its heading, then the sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    items = [Sentence(title, _TOKENIZER, is_heading=True)] if title and title.strip() else []
    items.extend(Sentence(s, _TOKENIZER) for s in sentences)
    return ObjectDocumentModel([Paragraph(items)])


def rate_sentence_lists(
    sentence_lists: Sequence[Sequence[str]], titles: Sequence[str | None]
) -> list[_Ratings]:
    """`ContributionSummarizer` ratings of each abstract's sentences, from their text."""
    sizes = np.fromiter(map(len, sentence_lists), dtype=np.intp, count=len(sentence_lists))
    ratings = _rate_batch(sentence_lists, titles, sizes)
    return list(np.split(ratings, np.cumsum(sizes)[:-1]))


class ContributionSummarizer:
    """Rates each sentence by how plainly it states the paper's own contribution.

    rating = contribution cue (full for the first, half for later ones: the first states the
    main contribution) + aim cue ("in this paper", "we study", an opening "We ...") + title
    coverage + title F1 + centrality - background - add-on - question - first - late -
    fragment, with the weights above. Title coverage is the share of the title's content words
    in the sentence; title F1 is the unigram F1 with the whole title, which a sentence that
    merely mentions the title's words in passing does not have. Centrality is the cosine
    between a sentence's stemmed content-word counts and those of the rest of the abstract:
    the contribution sentence names the things the rest talks about. Ties go to the earlier
    sentence.

    Called like any sumy summarizer, on a sumy document; `summarize_papers` rates the same
    way straight from the sentences' text (`rate_sentence_lists`), since building sumy's
    objects for 100,000 abstracts costs more than rating them.
    """

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        ratings = self.rate_sentences(document)
        sentences = document.sentences
        if not sentences:
            return ()
        order = sorted(range(len(sentences)), key=lambda i: (-ratings[i], i))
        return tuple(sentences[i] for i in sorted(order[:sentences_count]))

    def rate_sentences(self, document: ObjectDocumentModel) -> _Ratings:
        """One rating per sentence of `document`, in order."""
        return self.rate_documents([document])[0]

    def rate_documents(self, documents: Sequence[ObjectDocumentModel]) -> list[_Ratings]:
        """`rate_sentences` for many documents at once."""
        return rate_sentence_lists(
            [[str(s) for s in d.sentences] for d in documents],
            [" ".join(str(h) for h in d.headings) or None for d in documents],
        )


def _rate_batch(
    sentence_lists: Sequence[Sequence[str]],
    titles: Sequence[str | None],
    sizes: np.ndarray[Any, Any],
) -> _Ratings:
    """The ratings of every sentence of every abstract, in one flat array.

    Every word of every sentence is a word id (see `_tokenize_rows`), so that every signal is
    a few numpy operations per batch whatever the number of abstracts: the counts behind
    centrality and the title features come from one sort, the cue flags from per-word flags
    of the word and its neighbours. All counts and their products are integers, so the result
    does not depend on the order of the sums.
    """
    texts = [s for sentences in sentence_lists for s in sentences]
    n_sentences, n_docs = len(texts), len(sentence_lists)
    if not n_sentences:
        return np.zeros(0)
    doc_of = np.repeat(np.arange(n_docs), sizes)
    starts = np.cumsum(sizes) - sizes
    position = np.arange(n_sentences) - starts[doc_of]
    word_ids, row_lengths = _tokenize_rows(
        [*texts, *(t if t and t.strip() else "" for t in titles)]
    )
    lengths, title_lengths = row_lengths[:n_sentences], row_lengths[n_sentences:]
    n_tokens = int(lengths.sum())
    token_row = np.repeat(np.arange(n_sentences + n_docs), row_lengths)
    # Title words sit at position `last` of their abstract, after any sentence.
    last = int(sizes.max())
    token_doc = np.concatenate((doc_of, np.arange(n_docs)))[token_row]
    token_position = np.concatenate((position, np.full(n_docs, last)))[token_row]
    runs = _count_runs(_VOCABULARY.keys[word_ids], token_doc, token_position, last + 1)

    sentence = starts[runs.doc] + runs.position
    in_sentence = runs.position < last
    content = in_sentence & runs.content
    c, s = runs.counts[content], sentence[content]
    group_c = runs.group[content]
    rating = WEIGHT_CENTRALITY * _centrality(
        c,
        s,
        runs.doc_totals[group_c],
        np.where(runs.group_content, runs.doc_totals, 0.0),
        runs.group_doc,
        doc_of,
    )

    has_title = title_lengths > 0
    if has_title.any():
        wanted = runs.group_content & (runs.doc_totals > 0) & (runs.title_totals > 0)
        hits = _sums(s, wanted[group_c], n_sentences)
        covered = np.bincount(runs.group_doc[wanted], minlength=n_docs)[doc_of].astype(float)
        coverage = np.divide(hits, covered, out=np.zeros_like(hits), where=covered > 0)
        group_s = runs.group[in_sentence]
        shared = np.minimum(runs.counts[in_sentence], runs.title_totals[group_s])
        overlap = _sums(sentence[in_sentence], shared, n_sentences)
        total = (lengths + title_lengths[doc_of]).astype(float)
        f1 = np.divide(2 * overlap, total, out=np.zeros_like(overlap), where=total > 0)
        rating += has_title[doc_of] * (WEIGHT_TITLE * coverage + WEIGHT_TITLE_F1 * f1)

    flags = _VOCABULARY.flags[word_ids[:n_tokens]]
    cues, aims = _subject_cues(flags, token_row[:n_tokens], lengths)
    first_cue = np.zeros(n_sentences)
    cue_rows = np.flatnonzero(cues)
    _, first = np.unique(doc_of[cue_rows], return_index=True)
    first_cue[cue_rows[first]] = 1.0
    # The first "we propose" of an abstract states its main contribution.
    rating += WEIGHT_CUE * first_cue + WEIGHT_LATER_CUE * (cues - first_cue)
    # An abstract that opens with "We ..." opens with its aim, not with background.
    opening = position == 0
    word_starts = np.cumsum(lengths) - lengths
    has_words = lengths > 0
    first_flags = np.where(has_words, np.append(flags, 0)[word_starts], 0)
    opens_with_we = opening * ((first_flags & _WE) > 0).astype(float)
    rating += WEIGHT_AIM * np.maximum(aims, opens_with_we)
    rating -= PENALTY_BACKGROUND * _background_flags(texts, flags, token_row[:n_tokens])
    rating -= PENALTY_ADD_ON * _add_on_flags(word_ids[:n_tokens], first_flags, word_starts, lengths)
    question = ["?" in t and t.rstrip(_CLOSERS).endswith("?") for t in texts]
    rating -= PENALTY_QUESTION * np.array(question, dtype=float)
    rating -= PENALTY_FIRST * (opening * (1.0 - opens_with_we))
    rating -= PENALTY_LATE * np.maximum(position - 2, 0) / sizes[doc_of]
    rating -= PENALTY_FRAGMENT * (lengths < FRAGMENT_WORDS)
    # Sums of the weighted features are taken in a fixed order; rounding keeps near-equal
    # ratings equal, so that ties go to the earlier sentence.
    rounded: _Ratings = np.round(rating, RATING_DECIMALS)
    return rounded


@dataclass(frozen=True)
class _Runs:
    """Word counts of a batch: one run per (abstract, key, position) that occurs, in key order
    within each abstract, and one group per (abstract, key), to which each run belongs."""

    doc: np.ndarray[Any, Any]
    position: np.ndarray[Any, Any]
    content: np.ndarray[Any, Any]
    counts: _Ratings
    group: np.ndarray[Any, Any]
    group_doc: np.ndarray[Any, Any]
    group_content: np.ndarray[Any, Any]
    doc_totals: np.ndarray[Any, Any]  # per group, in the abstract's sentences (not its title)
    title_totals: np.ndarray[Any, Any]  # per group, in the abstract's title


def _count_runs(
    keys: np.ndarray[Any, Any],
    docs: np.ndarray[Any, Any],
    positions: np.ndarray[Any, Any],
    n_positions: int,
) -> _Runs:
    """Count the words of a batch by (abstract, key, position): one sort of one integer each.

    `keys` are signed count keys (content words positive), `positions` run below
    `n_positions`, the last of which is the title's.
    """
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
    position = run_codes - run_groups * n_positions
    group_starts = np.flatnonzero(np.diff(run_groups, prepend=-1))
    group = np.cumsum(np.diff(run_groups, prepend=-1) != 0) - 1
    group_codes = run_groups[group_starts]
    in_title = position == n_positions - 1
    return _Runs(
        doc=run_groups // width,
        position=position,
        content=run_groups % width > offset,
        counts=counts,
        group=group,
        group_doc=group_codes // width,
        group_content=group_codes % width > offset,
        doc_totals=np.bincount(group, weights=np.where(in_title, 0.0, counts)),
        title_totals=np.bincount(group, weights=np.where(in_title, counts, 0.0)),
    )


def _centrality(
    counts: np.ndarray[Any, Any],
    sentence: np.ndarray[Any, Any],
    totals_at: np.ndarray[Any, Any],
    totals: np.ndarray[Any, Any],
    doc_of_group: np.ndarray[Any, Any],
    doc_of: np.ndarray[Any, Any],
) -> _Ratings:
    """Cosine between each sentence's content-word counts c and those of the other sentences
    of its abstract, from the abstract's totals D: rest = D - c, so c.rest = c.D - c.c and
    |rest|^2 = D.D - 2 c.D + c.c. One entry per (sentence, key): `counts`, its `sentence`, and
    the abstract's total for the key (`totals_at`); `totals` per (abstract, key)."""
    n = len(doc_of)
    cc = _sums(sentence, counts * counts, n)
    cd = _sums(sentence, counts * totals_at, n)
    dd = _sums(doc_of_group, totals * totals, int(doc_of[-1]) + 1)[doc_of]
    dot = cd - cc
    norms = np.sqrt(cc * np.maximum(dd - 2 * cd + cc, 0.0))
    out: _Ratings = np.divide(dot, norms, out=np.zeros_like(dot), where=norms > 0)
    return out


def _sums(index: np.ndarray[Any, Any], weights: np.ndarray[Any, Any], n: int) -> _Ratings:
    """Sum of `weights` per value of `index` in range(n), as floats (also when empty)."""
    sums: _Ratings = np.bincount(index, weights=weights, minlength=n).astype(float, copy=False)
    return sums


def _any_per_row(hit: np.ndarray[Any, Any], rows: np.ndarray[Any, Any], n: int) -> _Ratings:
    """1.0 for each of `n` rows with a true `hit` among its words (`rows`: each word's row)."""
    flags: _Ratings = (np.bincount(rows[hit], minlength=n) > 0).astype(float)
    return flags


def _background_flags(
    texts: Sequence[str], flags: np.ndarray[Any, Any], rows: np.ndarray[Any, Any]
) -> _Ratings:
    """1.0 for sentences about what others did, what is hard, or what experiments confirm."""
    background = _any_per_row((flags & _BACKGROUND_WORD) > 0, rows, len(texts))
    # Every phrase holds one of these words; most sentences hold none.
    maybe = _any_per_row((flags & _PHRASE_WORD) > 0, rows, len(texts)) > background
    for row in np.flatnonzero(maybe).tolist():
        text = texts[row].lower()
        background[row] = any(phrase in text for phrase in _BACKGROUND_PHRASES)
    return background


def _add_on_flags(
    word_ids: np.ndarray[Any, Any],
    first_flags: np.ndarray[Any, Any],
    word_starts: np.ndarray[Any, Any],
    lengths: np.ndarray[Any, Any],
) -> _Ratings:
    """1.0 for sentences that open like an addition to a contribution already stated."""
    add_on = (first_flags & _ADD_ON_WORD) > 0
    two = np.flatnonzero(lengths >= 2)
    pairs = _VOCABULARY.pair_codes(_ADD_ON_PAIRS)
    if len(two) and len(pairs):
        opening = word_ids[word_starts[two]] * _PAIR_BASE + word_ids[word_starts[two] + 1]
        add_on[two] |= np.isin(opening, pairs)
    return add_on.astype(float)


def _subject_cues(
    flags: np.ndarray[Any, Any], rows: np.ndarray[Any, Any], lengths: np.ndarray[Any, Any]
) -> tuple[_Ratings, _Ratings]:
    """Contribution cue ("we propose", "this paper presents") and aim cue ("we study", "in
    this paper", "here we") per sentence, as 0.0/1.0, from the flags of its words.

    A cue is a subject word followed by a verb, maybe after an insert ("we also propose"):
    each word is looked at with the flags of the next three words of its sentence.
    """
    n = len(flags)
    ends = np.cumsum(lengths)
    after = ends[rows] - 1 - np.arange(n)  # words after this one in its sentence
    ahead = np.concatenate((flags, np.zeros(3, dtype=flags.dtype)))
    next1, next2, next3 = ahead[1 : n + 1], ahead[2 : n + 2], ahead[3 : n + 3]
    has_next = after >= 1
    we = has_next & ((flags & _WE) > 0)
    this_paper = has_next & ((flags & _THIS) > 0) & ((next1 & _THIS_NOUN) > 0)
    our_paper = has_next & ((flags & _OUR) > 0) & ((next1 & _OUR_NOUN) > 0)
    aim = (
        (we & ((next1 & _AIM_VERB) > 0))
        | this_paper
        | (has_next & ((flags & _HERE) > 0) & ((next1 & _WE) > 0))
    )
    # The verb follows "we" at once and "this paper" one word later, maybe after an insert.
    verb_at = np.where(we, 1, 2)
    verb = np.where(we, next1, next2)
    insert = (after >= verb_at) & ((verb & _INSERT) > 0)
    verb = np.where(insert, np.where(we, next2, next3), verb)
    verb_at += insert
    cue = (we | this_paper | our_paper) & (after >= verb_at) & ((verb & _CONTRIBUTION_VERB) > 0)
    return _any_per_row(cue, rows, len(lengths)), _any_per_row(aim, rows, len(lengths))


class LeadSummarizer:
    """The first sentences: the baseline every other method must beat."""

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        return tuple(document.sentences[:sentences_count])


def _is_content(word: str) -> bool:
    return word.lower() not in _STOP_WORDS and not word.isdigit()


# Flags of a lowercased word for the cue signals, so that cues are numpy operations on the
# flags of a batch's words rather than a Python loop over each sentence's words.
_WE: Final = 1
_THIS: Final = 2
_OUR: Final = 4
_HERE: Final = 8
_AIM_VERB: Final = 16
_THIS_NOUN: Final = 32
_OUR_NOUN: Final = 64
_INSERT: Final = 128  # allowed between subject and verb: "also", or an adverb ("formally")
_CONTRIBUTION_VERB: Final = 256
_BACKGROUND_WORD: Final = 512
_PHRASE_WORD: Final = 1024
_ADD_ON_WORD: Final = 2048
# Pairs of word ids are coded as first * _PAIR_BASE + second.
_PAIR_BASE: Final = 2**31


def _flags_of_words() -> dict[str, int]:
    flags: dict[str, int] = {"we": _WE, "this": _THIS, "our": _OUR, "here": _HERE}
    for flag, words in (
        (_AIM_VERB, _AIM_VERBS),
        (_THIS_NOUN, _THIS_NOUNS),
        (_OUR_NOUN, _OUR_NOUNS),
        (_INSERT, _INSERTS),
        (_BACKGROUND_WORD, _BACKGROUND_WORDS),
        (_PHRASE_WORD, _BACKGROUND_PHRASE_WORDS),
        (_ADD_ON_WORD, _ADD_ON_FIRST),
    ):
        for word in words:
            flags[word] = flags.get(word, 0) | flag
    return flags


# The flags of listed words; the verb and adverb flags are tested on the word itself.
_FLAGS_OF_WORDS: Final = _flags_of_words()


def _word_flags(word: str) -> int:
    return (
        _FLAGS_OF_WORDS.get(word, 0)
        | _INSERT * word.endswith("ly")
        | _CONTRIBUTION_VERB * word.startswith(_CONTRIBUTION_VERBS)
    )


class _Vocabulary:
    """Every lowercased word seen, by id, with its count key and its cue flags.

    A word's count key is its Snowball stem for a content word (key ids >= 1), the word itself
    for a stop word or a number (ids <= -1), so that the sign tells content words. A batch's
    new words are stemmed in one call; vocabularies are small beside the word count, so the
    cache pays for itself at once; it is emptied between batches once it outgrows
    `_ID_CACHE_LIMIT`, so that a long run stays bounded. Ids depend on the order words were
    first seen; ratings do not.

    Short ASCII words are also found by their packed code (see `_pack_words`), in a sorted
    array, so that a batch looks up only the codes it has not seen before.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.ids: dict[str, int] = {}
        self._key_ids: dict[str, int] = {}
        self.keys = np.zeros(0, dtype=np.int64)
        self.flags = np.zeros(0, dtype=np.int64)
        self._packed = np.zeros(0, dtype=np.int64)
        self._packed_ids = np.zeros(0, dtype=np.int64)

    def start_batch(self) -> None:
        """Empty the vocabulary if it has outgrown its limit (ids of earlier batches expire)."""
        if len(self.ids) > _ID_CACHE_LIMIT:
            self._reset()

    def lookup(self, words: Sequence[str]) -> np.ndarray[Any, Any]:
        """The ids of `words`, adding the new ones."""
        missing = [w for w in dict.fromkeys(words) if w not in self.ids]
        if missing:
            self._add(missing)
        return np.fromiter(map(self.ids.__getitem__, words), dtype=np.int64, count=len(words))

    def lookup_packed(
        self, codes: np.ndarray[Any, Any], words: Callable[[np.ndarray[Any, Any]], list[str]]
    ) -> np.ndarray[Any, Any]:
        """The ids of distinct, sorted packed `codes`; `words` gives the words of new ones."""
        at = np.searchsorted(self._packed, codes)
        known = np.zeros(len(codes), dtype=bool)
        inside = at < len(self._packed)
        known[inside] = self._packed[at[inside]] == codes[inside]
        if not known.all():
            new = np.flatnonzero(~known)
            # Both are sorted: inserting keeps the table sorted without sorting it again.
            into = np.searchsorted(self._packed, codes[new])
            self._packed = np.insert(self._packed, into, codes[new])
            self._packed_ids = np.insert(self._packed_ids, into, self.lookup(words(new)))
            at = np.searchsorted(self._packed, codes)
        ids_at: np.ndarray[Any, Any] = self._packed_ids[at]
        return ids_at

    def pair_codes(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray[Any, Any]:
        """`_PAIR_BASE` codes of the word pairs whose words have ids."""
        ids = self.ids
        return np.array(
            [ids[a] * _PAIR_BASE + ids[b] for a, b in pairs if a in ids and b in ids],
            dtype=np.int64,
        )

    def _add(self, words: list[str]) -> None:
        start = len(self.ids)
        content = [w for w in words if _is_content(w)]
        stems = dict(zip(content, stem_words(content), strict=True))
        # Stems never start with "=": words are letters and digits.
        keys = [self._key_id(stems[w]) if w in stems else -self._key_id("=" + w) for w in words]
        self.ids.update(zip(words, range(start, start + len(words)), strict=True))
        self.keys = np.concatenate((self.keys, np.array(keys, dtype=np.int64)))
        flags = np.fromiter(map(_word_flags, words), dtype=np.int64, count=len(words))
        self.flags = np.concatenate((self.flags, flags))

    def _key_id(self, key: str) -> int:
        return self._key_ids.setdefault(key, len(self._key_ids) + 1)


_VOCABULARY: Final = _Vocabulary()
_ID_CACHE_LIMIT: Final = 500_000

# Words of ASCII text are runs of [A-Za-z0-9] (see `tokenize_words`); such a word of up to
# `_PACKED_CHARS` characters is packed into one integer, its lowercased characters as base-37
# digits (0 pads), so that a batch's words are told apart by one numpy sort instead of a dict
# lookup each. 37 ** 12 < 2 ** 63.
_PACKED_CHARS: Final = 12
_DIGITS: Final = np.zeros(256, dtype=np.int64)
for _digit, _char in enumerate("abcdefghijklmnopqrstuvwxyz0123456789", start=1):
    _DIGITS[ord(_char)] = _DIGITS[ord(_char.upper())] = _digit


def _tokenize_rows(rows: Sequence[str]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The vocabulary ids of the lowercased words (`tokenize_words`) of all rows, flat, and
    the number of words of each row.

    ASCII rows, nearly all, are cut into words with numpy, and their short words looked up
    by packed code. The other rows, and longer words, are looked up word by word.
    """
    _VOCABULARY.start_batch()
    ascii_at = [i for i, row in enumerate(rows) if row.isascii()]
    other_at = [i for i, row in enumerate(rows) if not row.isascii()]
    joined = "\n".join([rows[i] for i in ascii_at])
    digits = _DIGITS[np.frombuffer(joined.encode("ascii"), dtype=np.uint8)]
    edges = np.flatnonzero(np.diff(digits > 0, prepend=False, append=False))
    begins, ends = edges[0::2], edges[1::2]
    row_ends = np.cumsum([len(rows[i]) + 1 for i in ascii_at])
    short = ends - begins <= _PACKED_CHARS
    packed, distinct = np.unique(
        _pack_words(digits, begins[short], ends[short]), return_inverse=True
    )
    # Any occurrence of each packed word tells its text.
    where = np.empty(len(packed), dtype=np.intp)
    where[distinct] = np.flatnonzero(short)

    def words_of(new: np.ndarray[Any, Any]) -> list[str]:
        return _lowered_slices(joined, begins[where[new]], ends[where[new]])

    ascii_ids = np.empty(len(begins), dtype=np.int64)
    ascii_ids[short] = _VOCABULARY.lookup_packed(packed, words_of)[distinct]
    ascii_ids[~short] = _VOCABULARY.lookup(_lowered_slices(joined, begins[~short], ends[~short]))

    lengths = np.zeros(len(rows), dtype=np.intp)
    lengths[ascii_at] = np.bincount(
        np.searchsorted(row_ends, begins, side="right"), minlength=len(ascii_at)
    )
    if not other_at:
        return ascii_ids, lengths
    other_words = [tokenize_words(rows[i].lower()) for i in other_at]
    lengths[other_at] = [len(words) for words in other_words]
    # Put the words of the two kinds of rows back in row order.
    is_ascii = np.ones(len(rows), dtype=bool)
    is_ascii[other_at] = False
    word_is_ascii = np.repeat(is_ascii, lengths)
    out = np.empty(len(word_is_ascii), dtype=np.int64)
    out[word_is_ascii] = ascii_ids
    out[~word_is_ascii] = _VOCABULARY.lookup([w for words in other_words for w in words])
    return out, lengths


def _pack_words(
    digits: np.ndarray[Any, Any], begins: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """The base-37 code of each word `digits[begin:end]` (at most `_PACKED_CHARS` long)."""
    codes = np.zeros(len(begins), dtype=np.int64)
    sizes = ends - begins
    power = 1
    for i in range(_PACKED_CHARS):
        longer = np.flatnonzero(sizes > i)
        codes[longer] += digits[begins[longer] + i] * power
        power *= 37
    return codes


def _lowered_slices(
    text: str, begins: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]
) -> list[str]:
    return [text[b:e].lower() for b, e in zip(begins.tolist(), ends.tolist(), strict=True)]


# Cue words for sumy's Edmundson method (stemmed by it); stop words are its "null words".
EDMUNDSON_BONUS_WORDS: Final = (
    "propose",
    "introduce",
    "present",
    "novel",
    "new",
    "approach",
    "method",
    "framework",
    "show",
    "paper",
)
EDMUNDSON_STIGMA_WORDS: Final = (
    "however",
    "previous",
    "existing",
    "recent",
    "recently",
    "although",
    "traditional",
    "challenging",
)


# sumy's summarizers are imported when first asked for: they are for comparisons, and
# importing them all costs more than summarizing a week of papers.
def _luhn() -> Any:
    from sumy.summarizers.luhn import LuhnSummarizer

    summarizer = LuhnSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _lex_rank() -> Any:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = LexRankSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _lsa() -> Any:
    from sumy.summarizers.lsa import LsaSummarizer

    summarizer = LsaSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _text_rank() -> Any:
    from sumy.summarizers.text_rank import TextRankSummarizer

    summarizer = TextRankSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _edmundson() -> Any:
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    summarizer = EdmundsonSummarizer(stem_word, cue_weight=1.0, title_weight=1.0, key_weight=0.0)
    summarizer.bonus_words = EDMUNDSON_BONUS_WORDS
    summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
    summarizer.null_words = _STOP_WORDS
    return summarizer


# Every summarizer is built fresh per call: sumy's keep per-document state in places.
METHODS: Final[dict[str, Callable[[], Any]]] = {
    "contribution": ContributionSummarizer,
    "lead": LeadSummarizer,
    "luhn": _luhn,
    "lexrank": _lex_rank,
    "lsa": _lsa,
    "textrank": _text_rank,
    "edmundson": _edmundson,
}


def shorten_sentence(sentence: str, limit: int = MAX_LINE_CHARS) -> tuple[str, bool]:
    """`sentence` if it fits in `limit` characters, else a visibly shortened form and True.

    Cuts at the last clause boundary (comma, semicolon, colon, dash, opening bracket) in the
    last two thirds of the allowed length, else at the last word boundary, drops dangling
    function words ("of the"), and ends with an ellipsis.
    """
    if len(sentence) <= limit:
        return sentence, False
    room = sentence[: limit - len(ELLIPSIS) + 1]
    floor = int(limit * _MIN_KEEP_FRACTION)
    clause = max(
        room.rfind(mark) for mark in (", ", "; ", ": ", " \u2013 ", " \u2014 ", " - ", " (")
    )
    if clause >= floor:
        cut = room[:clause]
    else:
        space = room.rfind(" ")
        cut = room[:space] if space >= floor else room[: limit - len(ELLIPSIS)]
    cut = _drop_dangling_words(cut.rstrip(" ,;:\u2013\u2014-("))
    return cut + ELLIPSIS, True


def _drop_dangling_words(text: str) -> str:
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower() in _STOP_WORDS:
        words.pop()
    return " ".join(words).rstrip(" ,;:\u2013\u2014-(")
