"""Labelling: `label_groups`, the entry point: every group of a batch named in turn, each
label distinct from the others, from a bounded sample of each group's texts.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from digest.labelling.choosing import Taken, choose_keywords, choose_label
from digest.labelling.phrases import GROUP_TEXTS, WORD, PhraseIndex
from digest.labelling.spelling import Speller
from digest.labelling.words import VAGUE_WORDS, word_key

# A label taken from a paper's name (a one-paper theme) is at most this long; a longer name
# (a title pasted with its abstract) gives way to the paper's phrases.
MAX_NAME_WORDS = 12
MAX_NAME_CHARS = 120


@dataclass(frozen=True)
class Label:
    """What a theme is called, and the keywords shown beside it.

    `covered`: the group's papers (indices into the batch's texts, of those the label was
    drawn from) that write the label's phrases, or all the words of one; for a label taken
    from a paper's name, that paper; none for a label that names no phrase of the papers.
    `shared`: how many of those papers write the phrase that the most of them write, of the
    phrases that say something of a topic ('review' and 'conclusion', which headings of
    structured abstracts write, do not).
    """

    label: str
    keywords: tuple[str, ...]
    covered: tuple[int, ...] = field(default=(), compare=False)
    shared: int = field(default=0, compare=False)


def label_groups(
    texts: Sequence[str],
    groups: Sequence[Sequence[int]],
    single_names: Sequence[str | None] = (),
) -> tuple[Label, ...]:
    """One distinct Label per group; groups hold indices into `texts` (the whole batch).

    `single_names[i]`, when given for a one-paper group, becomes that group's label.
    """
    # Each group is named from at most GROUP_TEXTS of its papers, the same whatever the
    # order of the batch: a label names what most of them share, which so many show.
    sampled = [
        sorted(group, key=lambda j: (zlib.crc32(texts[j].encode("utf-8", "replace")), j))[
            :GROUP_TEXTS
        ]
        for group in groups
    ]
    used_texts = sorted({j for group in sampled for j in group})
    position = {j: n for n, j in enumerate(used_texts)}
    texts = [texts[j] for j in used_texts]
    groups = [sorted(position[j] for j in group) for group in sampled]
    index = PhraseIndex(texts)
    taken: Taken = (set(), [])
    labels: list[Label] = []
    for i, group in enumerate(groups):
        ranked = index.rank(group)
        name = single_names[i] if i < len(single_names) else None
        if name and (len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS):
            name = None
        spell = Speller(index, texts, group)
        label, used = choose_label(
            ranked, spell, taken, name if len(group) == 1 else None, len(group)
        )
        taken[0].add(label.lower())
        taken[1].extend(set(key) for key in used)
        # A label taken from a paper's name must not be repeated by its keywords either.
        words = tuple(k for k in map(word_key, WORD.findall(label)) if k is not None)
        keywords = choose_keywords(ranked, [*used, words], spell, len(group))
        if used:
            covered = tuple(sorted(used_texts[j] for j in spell.covered(used)))
        else:
            covered = (used_texts[group[0]],) if len(group) == 1 and label == name else ()
        topical = (p for p in ranked if not all(w in VAGUE_WORDS for w in p.key))
        shared = max((phrase.papers for phrase in topical), default=0)
        labels.append(Label(label, keywords, covered, shared))
    return tuple(labels)
