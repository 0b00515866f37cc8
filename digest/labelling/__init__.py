"""Name groups of papers: a label of two to four words a researcher would write, plus keywords.

Each group is named from at most `GROUP_TEXTS` of its papers (the same ones whatever the order
of the batch), which is plenty to see what most of them share and keeps the cost flat. The
candidates are each group's phrases of one to three words, ranked by a class-based TF-IDF
(coverage in the group times how much more often the group uses it than the rest). Phrases
never cross punctuation, never hold a function word or a word every abstract uses ("propose",
"results"). A label is, by preference:
- a kind of paper that nearly every paper of the group writes and that is among its best
  phrases: "Generative models" for three papers that all write it, rather than the method
  two of them use ("Annealed importance sampling");
- a phrase of two or three words ending on a noun that names a topic: "Dark matter", "Active
  galactic nuclei"; never on a modifier ("active galactic") or on a word that names only a
  kind of paper ("Language models", "Training data");
- a one-word winner made into such a phrase when its papers write one ("dark" -> "Dark
  matter"), or a compound modifier narrowing a field its papers name ("multi-agent" and
  "reinforcement learning" -> "Multi-agent reinforcement learning");
- a one-word winner, or a kind-of-paper phrase, joined with a runner-up that at least half as
  many papers use: "Galaxies and black holes", "Language models and reasoning"; unless a
  phrase a fifth of the group writes holds a better word that named nothing alone
  ("Cognitive impairment", of the "cognitive" nearly all write, not "Homes and health").
- for a scattered group, where no phrase is written by a fifth of its papers, the two nouns
  that the most of them use, each by a fifth ("Telescopes and imaging"), else the phrase
  that the most of them write.
A label starts on what at least a fifth of the group uses, never on a lone modifier or vague
word ("accuracy", "array", "comparison"). Its last word is plural when the papers often write
the plural as a noun ("Magnetic fields"). Labels are distinct across themes and do not merely
repeat another theme's words ("Deep neural networks" after "Neural networks"). A one-paper
group given a name (its title or headline) is called by it. Only a group with fewer than two
usable words gets a one-word label. Keywords are the next best phrases that several papers
share and acronyms ("CDM", "JWST"), sharing no word with the label, never arXiv's stand-in for
a link ("https URL"); a common noun alone ("object") only when there are too few of those.
Everything is written as the papers usually write it.

The modules, each one thing, in the order they build on each other:
- `words`: the word lists (stop, weak, generic, vague words; heads, adjectives) and what a
  word or phrase can be (a noun, a modifier, a noun phrase);
- `phrases`: `PhraseIndex`, the phrases of one to three words of every text, and how many of
  a group's papers use each, ranked;
- `spelling`: `Speller`, how a group's papers write a phrase (case, plural, whether they use
  it as a noun phrase);
- `choosing`: the label and the keywords of one group, from its ranked phrases;
- `naming`: `label_groups`, the entry point: every group of a batch named in turn, each
  label distinct.
"""

from __future__ import annotations

from digest.labelling.choosing import MAX_KEYWORDS, MAX_LABEL_WORDS, MIN_KEYWORDS, OTHER_LABEL
from digest.labelling.naming import MAX_NAME_CHARS, MAX_NAME_WORDS, Label, label_groups
from digest.labelling.phrases import GROUP_TEXTS
from digest.labelling.words import (
    ENGLISH_STOP_WORDS,
    GENERIC_HEADS,
    GENERIC_WORDS,
    MAX_WORD_LENGTH,
    WEAK_WORDS,
)

__all__ = [
    "ENGLISH_STOP_WORDS",
    "GENERIC_HEADS",
    "GENERIC_WORDS",
    "GROUP_TEXTS",
    "MAX_KEYWORDS",
    "MAX_LABEL_WORDS",
    "MAX_NAME_CHARS",
    "MAX_NAME_WORDS",
    "MAX_WORD_LENGTH",
    "MIN_KEYWORDS",
    "OTHER_LABEL",
    "WEAK_WORDS",
    "Label",
    "label_groups",
]
