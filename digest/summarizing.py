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

Speed: `summarize_papers` rates the default method straight from the sentences' text (the
same ratings `ContributionSummarizer` gives a sumy document), a chunk of papers at a time with
numpy, and spreads large batches over worker processes; sumy, and the NLTK behind its
summarizers, are imported only when a comparison method is asked for.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import Stemmer  # type: ignore[import-not-found]  # PyStemmer: no stubs

from digest.headlines import derive_headline
from digest.models import Paper, Summary
from digest.sentences import STOP_WORDS, ScientificTokenizer, split_sentences, tokenize_words

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


# Cue phrases are matched on a sentence's lowercased words (one pass, no regex: regexes with
# word-boundary alternations cost ~50 us per abstract each, the word loop a few).
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
_CUE_SUBJECTS: Final = frozenset({"we", "this", "our", "here"})
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
    split = [split_sentences(p.abstract, limit=MAX_SENTENCES) for p in papers]
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
    if not _CAN_FORK:
        return 1
    if workers is None:
        if n_papers < PARALLEL_MIN_PAPERS:
            return 1
        workers = len(os.sched_getaffinity(0))
    return max(1, min(workers, n_chunks))


# Workers are forked, so they inherit the imported modules and the batch instead of receiving
# it pickled (pickling 100,000 papers would cost the parent more than a core's share of work).
_CAN_FORK: Final = hasattr(os, "sched_getaffinity") and hasattr(os, "fork")
_FORKED_PAPERS: Sequence[Paper] = ()


def _summarize_in_workers(
    papers: Sequence[Paper], spans: list[tuple[int, int]], method: str, processes: int
) -> Iterable[list[_Row]]:
    global _FORKED_PAPERS
    _FORKED_PAPERS = papers
    try:
        with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:
            # map yields in submission order: the output does not depend on which worker ran
            # which chunk.
            yield from pool.map(_summarize_forked_span, spans, [method] * len(spans))
    finally:
        _FORKED_PAPERS = ()


def _summarize_forked_span(span: tuple[int, int], method: str) -> list[_Row]:
    start, stop = span
    return _summarize_rows(_FORKED_PAPERS[start:stop], method)


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

    Every word of every sentence is one (sentence, key) entry, so that centrality and the
    title features are a few numpy sorts and sums per batch whatever the number of abstracts;
    only the cue flags look at each sentence in Python. All counts and their products are
    integers, so the result does not depend on the order of the sums.
    """
    texts = [s for sentences in sentence_lists for s in sentences]
    n_sentences, n_docs = len(texts), len(sentence_lists)
    if not n_sentences:
        return np.zeros(0)
    doc_of = np.repeat(np.arange(n_docs), sizes)
    starts = np.cumsum(sizes) - sizes
    position = np.arange(n_sentences) - starts[doc_of]
    lowered = [t.lower() for t in texts]
    # Lowercased words, tokenized once here rather than lowercasing each word.
    words = [tokenize_words(t) for t in lowered]
    title_words = [tokenize_words(t.lower()) if t and t.strip() else [] for t in titles]
    lengths = np.fromiter(map(len, words), dtype=np.intp, count=n_sentences)
    title_lengths = np.fromiter(map(len, title_words), dtype=np.intp, count=n_docs)
    ids = _word_ids([*words, *title_words])
    n_tokens = int(lengths.sum())
    # Keys are encoded with their row as row * width + key + offset (keys may be negative).
    offset = len(_KEY_IDS) + 1
    width = 2 * offset + 1

    pairs, pair_counts = np.unique(
        np.repeat(np.arange(n_sentences), lengths) * width + ids[:n_tokens] + offset,
        return_counts=True,
    )
    entry_sentence = pairs // width
    entry_key = pairs % width  # key + offset
    counts = pair_counts.astype(float)
    entry_group = doc_of[entry_sentence] * width + entry_key  # (abstract, key)

    content = entry_key > offset
    c, s = counts[content], entry_sentence[content]
    groups, group_of = np.unique(entry_group[content], return_inverse=True)
    totals = np.bincount(group_of, weights=c)
    rating = WEIGHT_CENTRALITY * _centrality(
        c, s, totals[group_of], totals, groups // width, doc_of
    )

    has_title = title_lengths > 0
    if has_title.any():
        title_pairs, title_counts = np.unique(
            np.repeat(np.arange(n_docs), title_lengths) * width + ids[n_tokens:] + offset,
            return_counts=True,
        )
        wanted = np.intersect1d(groups, title_pairs[title_pairs % width > offset])
        hits = _sums(s, np.isin(entry_group[content], wanted), n_sentences)
        covered = np.bincount(wanted // width, minlength=n_docs)[doc_of].astype(float)
        coverage = np.divide(hits, covered, out=np.zeros_like(hits), where=covered > 0)
        at = np.minimum(np.searchsorted(title_pairs, entry_group), len(title_pairs) - 1)
        shared = np.where(title_pairs[at] == entry_group, np.minimum(counts, title_counts[at]), 0.0)
        overlap = _sums(entry_sentence, shared, n_sentences)
        total = (lengths + title_lengths[doc_of]).astype(float)
        f1 = np.divide(2 * overlap, total, out=np.zeros_like(overlap), where=total > 0)
        rating += has_title[doc_of] * (WEIGHT_TITLE * coverage + WEIGHT_TITLE_F1 * f1)

    cues, aims = _subject_cues(words)
    first_cue = np.zeros(n_sentences)
    cue_rows = np.flatnonzero(cues)
    _, first = np.unique(doc_of[cue_rows], return_index=True)
    first_cue[cue_rows[first]] = 1.0
    # The first "we propose" of an abstract states its main contribution.
    rating += WEIGHT_CUE * first_cue + WEIGHT_LATER_CUE * (cues - first_cue)
    # An abstract that opens with "We ..." opens with its aim, not with background.
    opening = position == 0
    firsts = [w[0] if w else "" for w in words]
    opens_with_we = opening * np.array([f == "we" for f in firsts], dtype=float)
    rating += WEIGHT_AIM * np.maximum(aims, opens_with_we)
    rating -= PENALTY_BACKGROUND * _background_flags(lowered, words)
    add_on = [
        f in _ADD_ON_FIRST or tuple(w[:2]) in _ADD_ON_PAIRS
        for f, w in zip(firsts, words, strict=True)
    ]
    rating -= PENALTY_ADD_ON * np.array(add_on, dtype=float)
    question = ["?" in t and t.rstrip(_CLOSERS).endswith("?") for t in texts]
    rating -= PENALTY_QUESTION * np.array(question, dtype=float)
    rating -= PENALTY_FIRST * (opening * (1.0 - opens_with_we))
    rating -= PENALTY_LATE * np.maximum(position - 2, 0) / sizes[doc_of]
    rating -= PENALTY_FRAGMENT * (lengths < FRAGMENT_WORDS)
    # Sums of the weighted features are taken in a fixed order; rounding keeps near-equal
    # ratings equal, so that ties go to the earlier sentence.
    rounded: _Ratings = np.round(rating, RATING_DECIMALS)
    return rounded


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


def _background_flags(lowered: Sequence[str], words: Sequence[Sequence[str]]) -> _Ratings:
    """1.0 for sentences about what others did, what is hard, or what experiments confirm."""
    flags = [
        not _BACKGROUND_WORDS.isdisjoint(w)
        # Every phrase holds one of these words; most sentences hold none.
        or (
            not _BACKGROUND_PHRASE_WORDS.isdisjoint(w)
            and any(phrase in text for phrase in _BACKGROUND_PHRASES)
        )
        for text, w in zip(lowered, words, strict=True)
    ]
    return np.array(flags, dtype=float)


def _subject_cues(sentences_words: Sequence[Sequence[str]]) -> tuple[_Ratings, _Ratings]:
    """Contribution cue ("we propose", "this paper presents") and aim cue ("we study", "in
    this paper", "here we") per sentence, as 0.0/1.0, from its lowercased words."""
    contribution = np.zeros(len(sentences_words))
    aim = np.zeros(len(sentences_words))
    # Only sentences holding a subject word can hold a cue: most abstracts' minority.
    for row, words in enumerate(sentences_words):
        if _CUE_SUBJECTS.isdisjoint(words):
            continue
        contribution[row], aim[row] = _sentence_cues(words)
    return contribution, aim


def _sentence_cues(words: Sequence[str]) -> tuple[bool, bool]:
    contribution = aim = False
    last = len(words) - 1
    for i in [i for i, w in enumerate(words) if w in _CUE_SUBJECTS and i < last]:
        word, following = words[i], words[i + 1]
        if word == "we":
            verb_at = i + 1
            aim = aim or following in _AIM_VERBS
        elif (word == "this" and following in _THIS_NOUNS) or (
            word == "our" and following in _OUR_NOUNS
        ):
            aim = aim or word == "this"
            verb_at = i + 2
        else:
            aim = aim or (word == "here" and following == "we")
            continue
        if verb_at <= last and (words[verb_at] in _INSERTS or words[verb_at].endswith("ly")):
            verb_at += 1
        if verb_at <= last and words[verb_at].startswith(_CONTRIBUTION_VERBS):
            contribution = True
    return contribution, aim


class LeadSummarizer:
    """The first sentences: the baseline every other method must beat."""

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        return tuple(document.sentences[:sentences_count])


def _is_content(word: str) -> bool:
    return word.lower() not in _STOP_WORDS and not word.isdigit()


# Every lowercased word seen gets the id of its count key: its Snowball stem for a content
# word (ids >= 1), the word itself for a stop word or a number (ids <= -1), so that the sign
# tells content words. A batch's new words are stemmed in one call; vocabularies are small
# beside the word count, so the cache pays for itself at once; it is emptied when it outgrows
# `_ID_CACHE_LIMIT` so that a long run stays bounded. Ids depend on the order words were first
# seen; ratings do not.
_WORD_IDS: dict[str, int] = {}
_KEY_IDS: dict[str, int] = {}
_ID_CACHE_LIMIT: Final = 500_000


def _word_ids(rows_words: Sequence[Sequence[str]]) -> np.ndarray[Any, Any]:
    """The count-key ids of the lowercased words of all rows, flat (see `_WORD_IDS`)."""
    flat = [w for words in rows_words for w in words]
    missing = set(flat).difference(_WORD_IDS)
    if missing:
        if len(_WORD_IDS) + len(missing) > _ID_CACHE_LIMIT:
            _WORD_IDS.clear()
            _KEY_IDS.clear()
            missing = set(flat)
        content = [word for word in missing if _is_content(word)]
        for word, stem in zip(content, stem_words(content), strict=True):
            _WORD_IDS[word] = _key_id(stem)
        for word in missing.difference(content):
            # Stems never start with "=": words are letters and digits.
            _WORD_IDS[word] = -_key_id("=" + word)
    return np.fromiter(map(_WORD_IDS.__getitem__, flat), dtype=np.int64, count=len(flat))


def _key_id(key: str) -> int:
    if key not in _KEY_IDS:
        _KEY_IDS[key] = len(_KEY_IDS) + 1
    return _KEY_IDS[key]


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
