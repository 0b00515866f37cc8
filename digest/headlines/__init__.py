"""Headlines: what a paper is called in the digest.

The paper's own title when it has one. Many inputs are bare abstracts, so otherwise a headline
of about 4 to 10 words made of the abstract's words, as a title would read:
- what the paper names, with what it is: "GSM8K: a dataset of grade school math word problems",
  "Policy Gradient Search (PGS): a simulation-based search method" (the name the abstract
  gives its contribution, "We introduce Codex, a ...", "a novel technique called Hindsight
  Experience Replay", and the description set beside it);
- else its best phrase: a noun phrase ("Generalization of neural networks on small
  algorithmically generated datasets"), a purpose as a gerund phrase ("to learn dexterous
  in-hand manipulation policies" -> "Learning dexterous in-hand manipulation policies"), or
  a noun defined by its apposition ("Domain randomization: a technique for training models on
  simulated images"). Candidates come from the sentences that open the abstract, state its
  contribution or say "we propose/study ...". Each word gets the odds that a title uses it
  (from how many sentences use it, where, what kind of word it is, and how often SciTLDR
  titles use it when their abstracts do: see `title_odds`); the phrase with the best expected
  ROUGE-1 F1 against a title wins. A short phrase of the field's commonest words ("Deep
  reinforcement learning") or of a word and a generic head ("Reward model") names no paper in
  particular, and wins only when nothing else can.
Failing all that, a short key phrase.

Phrases are found with regular expressions on a string of one letter per word (its class:
noun, modifier, preposition, ...); a phrase's expected F1 is two differences of running sums.

The modules, each one thing, in the order they build on each other:
- `words`: a sentence's words and the class of each, one letter, and the word lists behind the
  classes; one sentence at a time or many at once; and the limits and word lists the others share;
- `odds`: how likely a title is to use a word (a logistic model fitted on SciTLDR train by
  `bench/headlines.py --fit`, and `headline_words.tsv`, the titles' own rates), and the running
  sums that give a phrase's expected F1;
- `phrases`: the title-like phrases of a sentence, cut where they may end, and the best of an
  abstract's;
- `names`: the name an abstract gives its contribution, and what it says the named thing is;
- `key_phrases`: the last resort, a short run of content words;
- `deriving`: the stage's entry points: the own title, else name and description, else the
  best phrase, else a key phrase.
"""

from __future__ import annotations

from digest.headlines.deriving import (
    MAX_SENTENCES,
    UNTITLED,
    derive_headline,
    derive_headlines,
    headline_of,
    headlines_of,
)
from digest.headlines.key_phrases import key_phrase
from digest.headlines.names import contribution_name
from digest.headlines.odds import (
    TITLE_WORDS_FILE,
    TitleContext,
    TitleRates,
    load_title_rates,
    parse_title_rates,
    stem_of,
    title_context,
    title_features,
    title_odds,
    title_pieces,
)
from digest.headlines.phrases import best_phrase, best_phrases, phrase_candidates
from digest.headlines.words import AIM_SENTENCES, MAX_HEADLINE_WORDS

__all__ = [
    "AIM_SENTENCES",
    "MAX_HEADLINE_WORDS",
    "MAX_SENTENCES",
    "TITLE_WORDS_FILE",
    "UNTITLED",
    "TitleContext",
    "TitleRates",
    "best_phrase",
    "best_phrases",
    "contribution_name",
    "derive_headline",
    "derive_headlines",
    "headline_of",
    "headlines_of",
    "key_phrase",
    "load_title_rates",
    "parse_title_rates",
    "phrase_candidates",
    "stem_of",
    "title_context",
    "title_features",
    "title_odds",
    "title_pieces",
]
