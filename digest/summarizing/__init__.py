"""Summarize stage: one line per paper that says what the paper contributes.

The sentence a reader wants in a one-line digest is the one that states the contribution
("We introduce Codex, ..."), not the background that abstracts mostly open with. It is picked
by a sumy summarizer of ours, written as a handful of modules, each one thing:

- `stage`: `summarize_papers`, the stage itself: sumy documents in, one summary per paper
  out, in chunks and worker processes;
- `summarizer`: `ContributionSummarizer`, a subclass of sumy's `AbstractSummarizer`: rates
  every sentence and picks the best, preferring a sentence that stands on its own;
- `features`: the signals of the rating, one function each (cues, title overlap, centrality,
  position, shape, opening words, pointing back, ...);
- `cues`: the word lists behind the cues, as flags on each word;
- `model`: the learned weights (`weights.json`, from `bench/train_summarizer.py`) and the
  weighted sum;
- `trimming`: from the chosen sentence to the reader's line: a leading linking clause
  dropped, a long line cut after its main clause;
- `words`: words as integer ids with stems and flags, so signals are numpy operations;
- `sumy_methods`: sumy itself: its document model, its base class, and its own methods
  (Luhn, LexRank, LSA, TextRank, Edmundson) and lead-1, kept by name for comparison.
"""

from __future__ import annotations

from digest.summarizing.stage import (
    DEFAULT_METHOD,
    MAX_SENTENCES,
    METHODS,
    NO_TEXT,
    select_sentence,
    select_sentences,
    summarize_paper,
    summarize_papers,
    summarize_with,
)
from digest.summarizing.summarizer import ContributionSummarizer
from digest.summarizing.trimming import (
    ELLIPSIS,
    MAX_LINE_CHARS,
    drop_linking_clause,
    drop_section_label,
    shorten_line,
    trim_sentence,
)
from digest.summarizing.words import stem_word, stem_words

__all__ = [
    "DEFAULT_METHOD",
    "ELLIPSIS",
    "MAX_LINE_CHARS",
    "MAX_SENTENCES",
    "METHODS",
    "NO_TEXT",
    "ContributionSummarizer",
    "drop_linking_clause",
    "drop_section_label",
    "select_sentence",
    "select_sentences",
    "shorten_line",
    "stem_word",
    "stem_words",
    "summarize_paper",
    "summarize_papers",
    "summarize_with",
    "trim_sentence",
]
