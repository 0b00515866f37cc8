"""The learned weights of the rating, and the rating itself: a weighted sum of the features.

The weights are not set by hand: `bench/train_summarizer.py` learns them from the SciTLDR
training split (which line of each abstract comes closest to the TLDR its authors wrote) and
writes them to `weights.json`, shipped beside this module. There are two sets, one for
abstracts with a title and one without, since title overlap is the strongest signal when
there is a title and absent when there is none. Ratings are logits: a softmax over an
abstract's ratings gives each sentence its chance of being the best line, which is what the
weights were fitted for, so only differences within an abstract matter.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

import numpy as np

from digest.summarizing.features import FEATURES, SentenceFeatures

FloatArray = np.ndarray[Any, np.dtype[np.float64]]

WEIGHTS_FILE: Final = "weights.json"
# Sums of weighted features are rounded, so that near-equal ratings are equal and ties go to
# the earlier sentence whatever the order of the sums.
RATING_DECIMALS: Final = 9


@dataclass(frozen=True)
class Weights:
    """One weight per feature of `FEATURES`, for abstracts with and without a title."""

    titled: FloatArray
    untitled: FloatArray

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str = WEIGHTS_FILE) -> Weights:
        names = tuple(data.get("features", ()))
        if names != FEATURES:
            raise ValueError(
                f"{source} weighs the features {', '.join(names) or 'none'}, not those digest "
                f"computes; train them again with bench/train_summarizer.py"
            )
        titled = np.array([data["titled"][name] for name in names], dtype=float)
        untitled = np.array([data["untitled"][name] for name in names], dtype=float)
        return cls(titled, untitled)


@functools.cache
def load_weights() -> Weights:
    """The weights shipped with digest."""
    text = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return Weights.from_json(json.loads(text))


def rate_sentences(features: SentenceFeatures, weights: Weights) -> FloatArray:
    """One rating per sentence of the batch: the titled or untitled weighted sum."""
    titled = np.repeat(features.has_title, features.sizes)
    per_sentence = np.where(titled[:, None], weights.titled, weights.untitled)
    # Feature by feature, in a fixed order: the same sentence gets the same rating in any
    # batch (a matrix product may sum in an order that depends on the batch's shape).
    ratings = np.zeros(len(titled))
    for j in range(len(FEATURES)):
        ratings += features.values[:, j] * per_sentence[:, j]
    rounded: FloatArray = np.round(ratings, RATING_DECIMALS)
    return rounded
