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
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, Final

import numpy as np
from scipy import sparse
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from digest.headlines import derive_headline
from digest.models import Paper, Summary
from digest.sentences import ScientificTokenizer, split_sentences, tokenize_words

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

_TOKENIZER: Final = ScientificTokenizer()
_STOP_WORDS: Final = frozenset(get_stop_words("english"))


@functools.lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """Snowball stem of a lowercased word; cached because Snowball costs microseconds a call."""
    return str(_SNOWBALL(word.lower()))


_SNOWBALL: Final = Stemmer("english")

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


def summarize_paper(paper: Paper) -> Summary:
    """The one line said about `paper`: its headline and its contribution sentence."""
    return summarize_papers([paper])[0]


def summarize_papers(
    papers: Sequence[Paper], *, method: str = DEFAULT_METHOD
) -> tuple[Summary, ...]:
    """`summarize_paper` for each paper, in the same order; `method` names one of `METHODS`.

    The default method rates all papers' sentences in one batch (see
    `ContributionSummarizer.rate_documents`); the result is the same as one paper at a time.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; known: {', '.join(sorted(METHODS))}")
    split = [split_sentences(p.abstract, limit=MAX_SENTENCES) for p in papers]
    indexes = select_sentences(split, [p.title for p in papers], method)
    return tuple(
        _summary(paper, sentences, index)
        for paper, sentences, index in zip(papers, split, indexes, strict=True)
    )


def summarize_with(paper: Paper, method: str) -> Summary:
    """Summarize one paper with a named method from `METHODS` (for comparisons)."""
    return summarize_papers([paper], method=method)[0]


def _summary(paper: Paper, sentences: list[str], index: int) -> Summary:
    headline = derive_headline(paper, sentences=sentences)
    if not sentences:
        return Summary(paper.id, headline, sentence="", text=NO_TEXT, shortened=False)
    sentence = sentences[index]
    text, shortened = shorten_sentence(sentence)
    return Summary(paper.id, headline, sentence=sentence, text=text, shortened=shortened)


def select_sentences(
    sentence_lists: Sequence[Sequence[str]], titles: Sequence[str | None], method: str
) -> list[int]:
    """`select_sentence` for each abstract (0 for one without sentences)."""
    if method != DEFAULT_METHOD:
        return [
            select_sentence(s, t, method) if s else 0
            for s, t in zip(sentence_lists, titles, strict=True)
        ]
    documents = [
        build_document(list(s[:MAX_SENTENCES]), t)
        for s, t in zip(sentence_lists, titles, strict=True)
    ]
    ratings = ContributionSummarizer().rate_documents(documents)
    # argmax takes the first of equal ratings: ties go to the earlier sentence.
    return [int(np.argmax(r)) if len(r) else 0 for r in ratings]


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
    items = [Sentence(title, _TOKENIZER, is_heading=True)] if title and title.strip() else []
    items.extend(Sentence(s, _TOKENIZER) for s in sentences)
    return ObjectDocumentModel([Paragraph(items)])


class ContributionSummarizer(AbstractSummarizer):  # type: ignore[misc]
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
    """

    def __init__(self) -> None:
        super().__init__(stem_word)

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        ratings = self.rate_sentences(document)
        sentences = document.sentences
        if not sentences:
            return ()
        order = sorted(range(len(sentences)), key=lambda i: (-ratings[i], i))
        return tuple(sentences[i] for i in sorted(order[:sentences_count]))

    def rate_sentences(self, document: ObjectDocumentModel) -> np.ndarray[Any, Any]:
        """One rating per sentence of `document`, in order."""
        return self.rate_documents([document])[0]

    def rate_documents(
        self, documents: Sequence[ObjectDocumentModel]
    ) -> list[np.ndarray[Any, Any]]:
        """`rate_sentences` for many documents at once.

        Every sentence of every document is one row of a sparse count matrix, so that the
        centrality and title features cost a dozen sparse operations per batch instead of per
        abstract; only the cue flags look at each sentence in Python.
        """
        texts = [str(s) for d in documents for s in d.sentences]
        sizes = np.array([len(d.sentences) for d in documents], dtype=np.intp)
        if not texts:
            return [np.zeros(0) for _ in documents]
        doc_of = np.repeat(np.arange(len(documents)), sizes)
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        position = np.arange(len(texts)) - starts[doc_of]
        lowered = [t.lower() for t in texts]
        # Lowercased words, tokenized once here rather than lowercasing each of `s.words`.
        words = [tokenize_words(t) for t in lowered]
        titles = [
            [w for h in d.headings for w in tokenize_words(str(h).lower())] for d in documents
        ]
        has_title = np.array([bool(t) for t in titles])[doc_of]

        sentence_counts, title_counts, content = _count_matrices(words, titles)
        content_counts = sentence_counts[:, content]
        rating = WEIGHT_CENTRALITY * _centrality(content_counts, doc_of, len(documents))
        title_content = title_counts[:, content]
        coverage = _title_coverage(content_counts, title_content, doc_of, len(documents))
        f1 = _title_f1(sentence_counts, title_counts, doc_of)
        rating += has_title * (WEIGHT_TITLE * coverage + WEIGHT_TITLE_F1 * f1)

        flags = np.array(
            [_cue_flags(*args) for args in zip(texts, lowered, words, strict=True)], dtype=float
        )
        cues = flags[:, 0]
        first_cue = np.zeros(len(texts))
        cue_rows = np.flatnonzero(cues)
        _, first = np.unique(doc_of[cue_rows], return_index=True)
        first_cue[cue_rows[first]] = 1.0
        # The first "we propose" of an abstract states its main contribution.
        rating += WEIGHT_CUE * first_cue + WEIGHT_LATER_CUE * (cues - first_cue)
        # An abstract that opens with "We ..." opens with its aim, not with background.
        opening = position == 0
        opens_with_we = opening * flags[:, 5]
        rating += WEIGHT_AIM * np.maximum(flags[:, 1], opens_with_we)
        rating -= PENALTY_BACKGROUND * flags[:, 2]
        rating -= PENALTY_ADD_ON * flags[:, 3]
        rating -= PENALTY_QUESTION * flags[:, 4]
        rating -= PENALTY_FIRST * (opening * (1.0 - opens_with_we))
        rating -= PENALTY_LATE * np.maximum(position - 2, 0) / sizes[doc_of]
        lengths = np.array([len(w) for w in words])
        rating -= PENALTY_FRAGMENT * (lengths < FRAGMENT_WORDS)
        # Column order follows word ids, which depend on what was seen before; rounding
        # makes sums taken in a different order compare equal.
        rating = np.round(rating, RATING_DECIMALS)
        return list(np.split(rating, starts[1:]))


class LeadSummarizer(AbstractSummarizer):  # type: ignore[misc]
    """The first sentences: the baseline every other method must beat."""

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        return tuple(document.sentences[:sentences_count])


def _is_content(word: str) -> bool:
    return word.lower() not in _STOP_WORDS and not word.isdigit()


# Every lowercased word seen gets the id of its count key: its Snowball stem for a content
# word (ids >= 0), the word itself for a stop word or a number (ids < 0), so that one
# `np.unique` per abstract yields both the count columns and which of them are content words.
# Snowball costs microseconds a word and vocabularies are small, so the cache pays for itself at
# once; it is emptied when it outgrows `_ID_CACHE_LIMIT` so that a long run stays bounded. Ids
# depend on the order words were first seen, so ratings are rounded (see `rate_sentences`)
# to keep results independent of that order.
_WORD_IDS: dict[str, int] = {}
_KEY_IDS: dict[str, int] = {}
_ID_CACHE_LIMIT: Final = 500_000


def _word_ids(words: Sequence[str]) -> np.ndarray[Any, Any]:
    """The count-key ids of lowercased `words` (see `_WORD_IDS`)."""
    ids = [_WORD_IDS.get(w) for w in words]
    if None in ids:
        if len(_WORD_IDS) > _ID_CACHE_LIMIT:
            _WORD_IDS.clear()
            _KEY_IDS.clear()
            ids = [None] * len(words)
        for i, w in enumerate(words):
            if ids[i] is None:
                ids[i] = _WORD_IDS[w] = _new_word_id(w)
    return np.array(ids, dtype=np.int64)


def _new_word_id(word: str) -> int:
    if _is_content(word):
        key = stem_word(word)
        sign = 1
    else:
        key = "=" + word  # stems never start with "=": words are letters and digits
        sign = -1
    if key not in _KEY_IDS:
        _KEY_IDS[key] = len(_KEY_IDS) + 1
    return sign * _KEY_IDS[key]


def _count_matrices(
    sentences_words: Sequence[Sequence[str]], titles_words: Sequence[Sequence[str]]
) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray[Any, Any]]:
    """Sentence-by-key and title-by-key counts of lowercased words (one key space), and which
    columns are content words."""
    rows_words = [*sentences_words, *titles_words]
    ids = _word_ids([w for words in rows_words for w in words])
    keys, cols = np.unique(ids, return_inverse=True)
    rows = np.repeat(np.arange(len(rows_words)), [len(words) for words in rows_words])
    shape = (len(rows_words), max(len(keys), 1))
    # Duplicate (row, column) pairs are summed: that is the count.
    counts = sparse.csr_matrix((np.ones(len(ids)), (rows, cols.ravel())), shape=shape)
    content = keys > 0 if len(keys) else np.zeros(1, dtype=bool)
    n = len(sentences_words)
    return counts[:n], counts[n:], content


def _row_sums(matrix: Any) -> np.ndarray[Any, Any]:
    return np.asarray(matrix.sum(axis=1), dtype=float).ravel()


def _centrality(
    counts: sparse.csr_matrix, doc_of: np.ndarray[Any, Any], n_docs: int
) -> np.ndarray[Any, Any]:
    """Cosine between each sentence's counts and the counts of the other sentences of its
    abstract, from the abstract's totals D: rest = D - c, so c.rest = c.D - c.c and
    |rest|^2 = D.D - 2 c.D + c.c."""
    membership = sparse.csr_matrix(
        (np.ones(len(doc_of)), (doc_of, np.arange(len(doc_of)))), shape=(n_docs, len(doc_of))
    )
    totals = (membership @ counts)[doc_of]
    cc = _row_sums(counts.multiply(counts))
    cd = _row_sums(counts.multiply(totals))
    dd = _row_sums(totals.multiply(totals))
    dot = cd - cc
    norms = np.sqrt(cc * np.maximum(dd - 2 * cd + cc, 0.0))
    out: np.ndarray[Any, Any] = np.divide(dot, norms, out=np.zeros_like(dot), where=norms > 0)
    return out


def _title_coverage(
    content_counts: sparse.csr_matrix,
    title_content: sparse.csr_matrix,
    doc_of: np.ndarray[Any, Any],
    n_docs: int,
) -> np.ndarray[Any, Any]:
    """Share of the title's content words (those its abstract uses at all) in each sentence."""
    membership = sparse.csr_matrix(
        (np.ones(len(doc_of)), (doc_of, np.arange(len(doc_of)))), shape=(n_docs, len(doc_of))
    )
    used = (membership @ (content_counts > 0)) > 0
    wanted = used.multiply(title_content > 0).tocsr()
    hits = _row_sums((content_counts > 0).multiply(wanted[doc_of]))
    total = _row_sums(wanted)[doc_of]
    coverage: np.ndarray[Any, Any] = np.divide(
        hits, total, out=np.zeros_like(hits), where=total > 0
    )
    return coverage


def _title_f1(
    counts: sparse.csr_matrix, titles: sparse.csr_matrix, doc_of: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Unigram F1 of each sentence with its title, all words: how alike they read as a whole
    (coverage alone favours long sentences that mention the title's words in passing)."""
    title_rows = titles[doc_of]
    overlap = _row_sums(counts.minimum(title_rows))
    total = _row_sums(counts) + _row_sums(title_rows)
    f1: np.ndarray[Any, Any] = np.divide(
        2 * overlap, total, out=np.zeros_like(overlap), where=total > 0
    )
    return f1


def _cue_flags(
    text: str, text_lower: str, words: Sequence[str]
) -> tuple[bool, bool, bool, bool, bool, bool]:
    """Cue flags of a sentence, given it lowercased and its lowercased words: (contribution
    cue, aim cue, background, add-on, question, opens with "We")."""
    contribution = aim = False
    background = not _BACKGROUND_WORDS.isdisjoint(words) or (
        # Every phrase holds one of these words; most sentences hold none.
        not _BACKGROUND_PHRASE_WORDS.isdisjoint(words)
        and any(phrase in text_lower for phrase in _BACKGROUND_PHRASES)
    )
    add_on = bool(words) and (words[0] in _ADD_ON_FIRST or tuple(words[:2]) in _ADD_ON_PAIRS)
    last = len(words) - 1
    # Only the few subject words can start a cue; skip the rest in one comprehension.
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
    question = text.rstrip(_CLOSERS).endswith("?")
    opens_with_we = bool(words) and words[0] == "we"
    return contribution, aim, background, add_on, question, opens_with_we


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


def _luhn() -> LuhnSummarizer:
    summarizer = LuhnSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _lex_rank() -> LexRankSummarizer:
    summarizer = LexRankSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _lsa() -> LsaSummarizer:
    summarizer = LsaSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _text_rank() -> TextRankSummarizer:
    summarizer = TextRankSummarizer(stem_word)
    summarizer.stop_words = _STOP_WORDS
    return summarizer


def _edmundson() -> EdmundsonSummarizer:
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
