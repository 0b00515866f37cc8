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
propose ..."). It adds a few hand-set, equally simple signals, each of which a human editor
would use too (see `ContributionSummarizer`): a contribution cue, the title's words, centrality
(how much the sentence shares with the rest of the abstract), and small penalties for background
or add-on sentences, for the very first sentence and for fragments.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, Final

import numpy as np
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
_BACKGROUND_PAIRS: Final = frozenset(
    {("has", "been"), ("have", "been"), ("is", "widely"), ("are", "widely")}
    | {(a, b) for a in ("experiment", "experiments") for b in ("show", "demonstrate")}
    | {
        (a, b)
        for a in ("result", "results")
        for b in ("show", "demonstrate", "indicate", "suggest")
    }
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


# Hand-set weights, on the scale of one contribution cue. Title coverage and centrality are
# fractions in [0, 1], so a sentence that covers the whole title counts like a cue.
WEIGHT_CUE: Final = 1.0
WEIGHT_LATER_CUE: Final = 0.5  # the first "we propose" states the main contribution
WEIGHT_AIM: Final = 0.5
WEIGHT_TITLE: Final = 1.0
WEIGHT_CENTRALITY: Final = 1.0
PENALTY_BACKGROUND: Final = 0.3
PENALTY_ADD_ON: Final = 0.5
PENALTY_QUESTION: Final = 0.5  # a question is asked, not answered, by its sentence
PENALTY_FIRST: Final = 0.2  # the first sentence is usually background
PENALTY_LATE: Final = 0.1  # per fraction of the abstract after the third sentence
PENALTY_FRAGMENT: Final = 0.5
FRAGMENT_WORDS: Final = 10  # shorter sentences are rarely a whole contribution


def summarize_paper(paper: Paper) -> Summary:
    """The one line said about `paper`: its headline and its contribution sentence."""
    return _summary(paper, method=DEFAULT_METHOD)


def summarize_papers(papers: Sequence[Paper]) -> tuple[Summary, ...]:
    """`summarize_paper` for each paper, in the same order."""
    return tuple(summarize_paper(p) for p in papers)


def summarize_with(paper: Paper, method: str) -> Summary:
    """Summarize with a named method from `METHODS` (for the benchmark and comparisons)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; known: {', '.join(sorted(METHODS))}")
    return _summary(paper, method=method)


def _summary(paper: Paper, method: str) -> Summary:
    sentences = split_sentences(paper.abstract)
    headline = derive_headline(paper)
    if not sentences:
        return Summary(paper.id, headline, sentence="", text=NO_TEXT, shortened=False)
    index = select_sentence(sentences, paper.title, method)
    sentence = sentences[index]
    text, shortened = shorten_sentence(sentence)
    return Summary(paper.id, headline, sentence=sentence, text=text, shortened=shortened)


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

    rating = cue (full for the first, half for later ones) + aim + title coverage + centrality
    - background - add-on - question - first - late - fragment, with the weights above.
    Centrality is the cosine between a sentence's stemmed content-word counts and those of the
    rest of the abstract: the contribution sentence names the things the rest of the abstract
    talks about. Ties go to the earlier sentence.
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
        sentences = document.sentences
        n = len(sentences)
        if n == 0:
            return np.zeros(0)
        texts = [str(s) for s in sentences]
        # Lowercased words, tokenized once here rather than lowercasing each of `s.words`.
        words = [tokenize_words(t.lower()) for t in texts]
        counts, vocabulary = _count_matrix(words)
        heading_words = [w.lower() for h in document.headings for w in h.words]
        title_words = set(_content_stems(heading_words)) & vocabulary.keys()

        flags = np.array([_cue_flags(t, w) for t, w in zip(texts, words, strict=True)], dtype=float)
        cues = flags[:, 0]
        rating = WEIGHT_LATER_CUE * cues
        if cues.any():
            rating[int(np.argmax(cues))] = WEIGHT_CUE
        rating += WEIGHT_AIM * flags[:, 1]
        rating -= PENALTY_BACKGROUND * flags[:, 2]
        rating -= PENALTY_ADD_ON * flags[:, 3]
        rating -= PENALTY_QUESTION * flags[:, 4]
        if title_words:
            columns = [vocabulary[w] for w in sorted(title_words)]
            present = counts[:, columns] > 0
            rating += WEIGHT_TITLE * present.sum(axis=1) / len(title_words)
        rating += WEIGHT_CENTRALITY * _centrality(counts)
        position = np.arange(n)
        rating -= PENALTY_FIRST * (position == 0)
        rating -= PENALTY_LATE * np.maximum(position - 2, 0) / n
        lengths = np.array([len(w) for w in words])
        rating -= PENALTY_FRAGMENT * (lengths < FRAGMENT_WORDS)
        return rating


class LeadSummarizer(AbstractSummarizer):  # type: ignore[misc]
    """The first sentences: the baseline every other method must beat."""

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        return tuple(document.sentences[:sentences_count])


def _is_content(word: str) -> bool:
    return word.lower() not in _STOP_WORDS and not word.isdigit()


# Stem of each lowercased word seen, "" for stop words and numbers. Snowball costs a few
# microseconds a word and vocabularies are small, so the cache pays for itself at once; it is
# emptied when it outgrows `_STEM_CACHE_LIMIT` so that a long-running process stays bounded.
_STEM_CACHE: dict[str, str] = {}
_STEM_CACHE_LIMIT: Final = 500_000


def _content_stems(words: Sequence[str]) -> list[str]:
    """The stems of lowercased `words`, "" where a word is a stop word or a number."""
    stems = [_STEM_CACHE.get(w) for w in words]
    if None in stems:
        if len(_STEM_CACHE) > _STEM_CACHE_LIMIT:
            _STEM_CACHE.clear()
        for i, w in enumerate(words):
            if stems[i] is None:
                stems[i] = _STEM_CACHE[w] = stem_word(w) if _is_content(w) else ""
    return stems  # type: ignore[return-value]  # no None is left


def _count_matrix(
    sentences_words: Sequence[Sequence[str]],
) -> tuple[np.ndarray[Any, Any], dict[str, int]]:
    """Sentence-by-stem counts of content words (of lowercased words), and the stem map."""
    stems = _content_stems([w for words in sentences_words for w in words])
    vocabulary = {stem: i for i, stem in enumerate(dict.fromkeys(stems)) if stem}
    vocabulary = {stem: i for i, stem in enumerate(vocabulary)}
    lengths = [len(words) for words in sentences_words]
    rows = np.repeat(np.arange(len(sentences_words)), lengths)
    cols = np.fromiter(
        (vocabulary.get(stem, -1) for stem in stems), dtype=np.intp, count=len(stems)
    )
    keep = cols >= 0
    n, width = len(sentences_words), max(len(vocabulary), 1)
    flat = rows[keep] * width + cols[keep]
    counts = np.bincount(flat, minlength=n * width).reshape(n, width).astype(float)
    return counts, vocabulary


def _centrality(counts: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Cosine between each sentence's counts and the counts of all other sentences."""
    rest = counts.sum(axis=0) - counts
    dot = (counts * rest).sum(axis=1)
    norms = np.linalg.norm(counts, axis=1) * np.linalg.norm(rest, axis=1)
    out: np.ndarray[Any, Any] = np.divide(dot, norms, out=np.zeros_like(dot), where=norms > 0)
    return out


def _cue_flags(text: str, words: Sequence[str]) -> tuple[bool, bool, bool, bool, bool]:
    """(contribution cue, aim cue, background, add-on, question) for a sentence and its
    lowercased words."""
    contribution = aim = False
    background = not _BACKGROUND_WORDS.isdisjoint(words)
    add_on = bool(words) and (words[0] in _ADD_ON_FIRST or tuple(words[:2]) in _ADD_ON_PAIRS)
    last = len(words) - 1
    for i, word in enumerate(words):
        if i == last:
            break
        following = words[i + 1]
        if word == "we":
            verb_at = i + 1
        elif (word == "this" and following in _THIS_NOUNS) or (
            word == "our" and following in _OUR_NOUNS
        ):
            aim = aim or word == "this"
            verb_at = i + 2
        else:
            aim = aim or (word == "here" and following == "we")
            background = background or (word, following) in _BACKGROUND_PAIRS
            continue
        aim = aim or (word == "we" and following in _AIM_VERBS)
        if verb_at <= last and (words[verb_at] in _INSERTS or words[verb_at].endswith("ly")):
            verb_at += 1
        if verb_at <= last and words[verb_at].startswith(_CONTRIBUTION_VERBS):
            contribution = True
    question = text.rstrip(_CLOSERS).endswith("?")
    return contribution, aim, background, add_on, question


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
