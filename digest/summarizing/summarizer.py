"""Our summarizer, a sumy summarizer: it picks the sentence that states a paper's contribution.

`ContributionSummarizer` is a subclass of sumy's `AbstractSummarizer` and is called like any
sumy summarizer, `summarizer(document, 1)`, on sumy's document model. It rates each sentence
with the learned weights (`digest.summarizing.model`) over the signals of
`digest.summarizing.features`, and returns the best one, with one preference on top: a
sentence that leans on an earlier one ("We show how to make these algorithms ...", "In
response to this challenge, we formulate ...") gives way to one that stands on its own and
also states the contribution ("We present an evaluation model (ADEM) that ..."), when their
ratings are close. And a structured abstract's parts come before any rating: the line of one
with a conclusion comes from its conclusion (or from the authors' own "We propose ...",
wherever it stands), of one without it not from its background or frame (design, setting),
and of any abstract never from its back matter while another sentence may be
(`digest.summarizing.trimming.giving_way`). The weights were learned on
SciTLDR, whose abstracts have no parts.

Rating is numpy work on a whole batch of sentences, cheapest for many documents at once: in
`rating(documents)`, the summarizer rates all of them in one batch (and finds each one's best
sentence), then each call returns its document's. Outside it, each call rates its own document.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from digest.summarizing.features import SentenceFeatures, sentence_features
from digest.summarizing.model import Weights, load_weights, rate_sentences
from digest.summarizing.sumy_methods import (
    AbstractSummarizer,
    ObjectDocumentModel,
    sentence_texts,
)
from digest.summarizing.words import stem_word

FloatArray = np.ndarray[Any, np.dtype[np.float64]]
IntArray = np.ndarray[Any, np.dtype[np.int64]]
BoolArray = np.ndarray[Any, np.dtype[np.bool_]]

# How much lower a self-standing sentence that states the contribution may be rated than the
# best one, for it to be chosen instead: when the best one leans back only in the linking
# clause the line drops ("In response to this challenge, we formulate ...", "Moreover, we
# ..."), and when the line itself leans back ("We show how to make these algorithms ...",
# "We also present ..."), which a reader cannot resolve. Ratings are logits (a softmax over an
# abstract's ratings gives each sentence's chance of being the one to pick), so a margin of m
# lets a sentence with e^-m of the best one's chance take its place. Chosen on SciTLDR dev
# (bench/summaries.py --margins): together they cost 0.5 ROUGE-1 point with titles and 0.65
# without, and leave a line leaning back in 36 abstracts of 619 with titles (69 without the
# preference), nearly all where no other sentence states the contribution (a result, "Our
# method outperforms ...", "We demonstrate the effectiveness of our technique on ...
# datasets", does not: giving way to one cost 0.25 point and read worse).
STANDALONE_MARGIN: Final = 5.0
LINE_STANDALONE_MARGIN: Final = 10.0
# Far more than any two ratings differ by: each is a sum of the weights (single figures)
# times features of a few units at most. A sentence goes down by this much for each step it
# gives way (`SentenceFeatures.giving_way`), and stays in the order of its own rating.
GIVE_WAY_DROP: Final = 1e6


@dataclass(frozen=True)
class Ratings:
    """The ratings of the sentences of a batch of documents, flat, in document order, and the
    two facts the preference looks at; `sizes` gives each document's number of sentences."""

    ratings: FloatArray
    leans_back: BoolArray
    line_leans_back: BoolArray
    states_contribution: BoolArray
    sizes: IntArray

    @classmethod
    def of(cls, features: SentenceFeatures, weights: Weights) -> Ratings:
        # The back matter goes below every other sentence; a structured abstract's sentences
        # outside its conclusion, but for the authors' own "We propose ...", below those of
        # the conclusion (without one, its background and frame below its other parts).
        ratings = rate_sentences(features, weights) - GIVE_WAY_DROP * features.giving_way
        return cls(
            ratings,
            features.leans_back,
            features.line_leans_back,
            features.states_contribution,
            features.sizes,
        )

    def best(self) -> IntArray:
        """For each document, the index of its best sentence (0 for a document without any):
        the best rated, ties to the earlier; but if it leans back, the best rated sentence
        that stands on its own and states the contribution, if one is within
        `STANDALONE_MARGIN` of it (`LINE_STANDALONE_MARGIN` if its line leans back)."""
        n_docs, n = len(self.sizes), len(self.ratings)
        chosen = np.zeros(n_docs, dtype=np.int64)
        if not n:
            return chosen
        starts = np.cumsum(self.sizes) - self.sizes
        doc_of = np.repeat(np.arange(n_docs), self.sizes)
        present = self.sizes > 0
        # Best rating first, ties to the earlier sentence: each document's first row in this
        # order is its best sentence.
        order = np.lexsort((np.arange(n), -self.ratings, doc_of))
        top = np.zeros(n_docs, dtype=np.int64)
        top[present] = order[starts[present]]
        margin = np.where(self.line_leans_back[top], LINE_STANDALONE_MARGIN, STANDALONE_MARGIN)
        standalone = (
            self.states_contribution
            & ~self.leans_back
            & self.leans_back[top][doc_of]
            & (self.ratings[top][doc_of] - self.ratings <= margin[doc_of])
        )
        # The best of the few sentences that may take the top one's place, per document.
        candidates = np.flatnonzero(standalone)
        candidates = candidates[np.lexsort((candidates, -self.ratings[candidates]))]
        docs, first = np.unique(doc_of[candidates], return_index=True)
        top[docs] = candidates[first]
        chosen[present] = top[present] - starts[present]
        return chosen

    def ranking(self, document: int) -> list[int]:
        """The sentences of one document, best first (the preferred one first of all)."""
        start = int(np.sum(self.sizes[:document]))
        ratings = self.ratings[start : start + int(self.sizes[document])].tolist()
        order = sorted(range(len(ratings)), key=lambda i: (-ratings[i], i))
        if order:
            best = int(self.best()[document])
            order.remove(best)
            order.insert(0, best)
        return order


class ContributionSummarizer(AbstractSummarizer):  # type: ignore[misc]  # sumy has no hints
    """Rates each sentence by how plainly it states the paper's own contribution.

    The rating is a weighted sum of reader-recognisable signals (see
    `digest.summarizing.features`), with weights learned on SciTLDR (`weights.json`); the
    document's heading, if any, is the paper's title. Ties go to the earlier sentence.
    """

    def __init__(self, weights: Weights | None = None) -> None:
        super().__init__(stem_word)
        self._weights = weights if weights is not None else load_weights()
        # In `rating`: each document of the batch (by id, kept alive) and its best sentence.
        self._best: dict[int, tuple[ObjectDocumentModel, int]] = {}

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        sentences = document.sentences
        if not sentences or sentences_count < 1:
            return ()
        known = self._best.get(id(document))
        if sentences_count == 1 and known is not None and known[0] is document:
            return (sentences[known[1]],)
        order = self.rate_documents([document]).ranking(0)
        return tuple(sentences[i] for i in sorted(order[:sentences_count]))

    @contextlib.contextmanager
    def rating(self, documents: Sequence[ObjectDocumentModel]) -> Iterator[None]:
        """Rate `documents` in one batch; calls on them inside the block use those ratings."""
        best = self.rate_documents(documents).best().tolist()
        self._best = {id(d): (d, b) for d, b in zip(documents, best, strict=True)}
        try:
            yield
        finally:
            self._best = {}

    def rate_documents(self, documents: Sequence[ObjectDocumentModel]) -> Ratings:
        """The ratings of every sentence of the documents."""
        return Ratings.of(self.features_of(documents), self._weights)

    def rate_sentences(self, document: ObjectDocumentModel) -> FloatArray:
        """One rating per sentence of `document`, in order."""
        return self.rate_documents([document]).ratings

    @staticmethod
    def features_of(documents: Sequence[ObjectDocumentModel]) -> SentenceFeatures:
        """The features of the documents' sentences, their headings as titles."""
        return sentence_features(
            [sentence_texts(d.sentences) for d in documents],
            [" ".join(sentence_texts(d.headings)) or None for d in documents],
        )
