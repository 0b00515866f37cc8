"""Labelling: the label and the keywords of one group, from its ranked phrases: a kind of
paper nearly all of it writes, else a heading phrase, a one-word winner made into one, or two
words joined (see the package's docstring for the order of preference).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from digest.labelling.phrases import Phrase, overlap
from digest.labelling.spelling import Speller, as_label
from digest.labelling.words import (
    ADJECTIVES,
    FIELD_HEADS,
    GENERIC_HEADS,
    GENERIC_WORDS,
    LINK_WORDS,
    VAGUE_WORDS,
    is_noun_phrase,
    looks_adjective,
    may_head,
    may_modify,
    may_stand_alone,
)
from digest.tagging import word_tags

OTHER_LABEL = "Other"


MAX_LABEL_WORDS = 4
MIN_KEYWORDS = 2
MAX_KEYWORDS = 3
# A keyword phrase is first looked for among those this share of the group's papers use.
_KEYWORD_SHARE = 0.1


# A label starts on a word or phrase used by at least this share of the group's papers: in a
# group of loosely related papers, a word a few of them use is not what they are about.
_LEAD_SHARE = 0.2
# A label is one that this share of its group's papers use (either half of 'A and B'); when
# none of the first _LABEL_TRIES candidates is, the one that the most papers use.
_LABEL_SHARE = 0.2
# ... and a kind of paper ('Language models') rather than a pair of words, when this share
# of the papers write it.
_MOST_SHARE = 0.4
# ... and before any other label, when it is among the _KIND_LOOKAHEAD best phrases and this
# share of the papers write it.
_ALL_SHARE = 0.8
_KIND_LOOKAHEAD = 3
_LABEL_TRIES = 12
# Best phrases tried as the start of a label before settling for the best heading phrase.
_LABEL_LOOKAHEAD = 12
# A one-word winner becomes the phrase that this share of its papers write.
_WIDEN_SHARE = 0.4
# A runner-up joins a one-word label ("Robotics and sim-to-real transfer") only when it is
# used by half as many papers; otherwise the label would name a minority of the papers.
_PARTNER_SHARE = 0.5
# A word is part of a phrase, not a partner alone, when this share of its papers write that.
_BOUND_SHARE = 0.6
# Best phrases looked at for two nouns that each a fifth of a scattered group uses.
_COMMON_LOOKAHEAD = 40
# Nouns paired as a last resort, for a group without a single heading phrase.
_LAST_RESORT_NOUNS = 6
# Two words make one phrase of a label when this share of the first word's papers write it.
_COMBINED_SHARE = 0.25
_PARTNER_LOOKAHEAD = 5
# An adjective and a noun among this many best words make a label when half the first
# word's papers use both.
_COMPOSE_LOOKAHEAD = 8
_TOGETHER_SHARE = 0.5
# ... and each word is nearly as specific as the first.
_COMPOSE_SHARE = 0.5
# A two-word phrase is a fragment of a three-word one that this share of its papers write
# ('supermassive black' of 'supermassive black hole').
_FRAGMENT_SHARE = 0.8


# Labels given so far (lower case) and the word sets of the phrases they were made of.
Taken = tuple[set[str], list[set[str]]]


def choose_label(
    ranked: Sequence[Phrase],
    spell: Speller,
    taken: Taken,
    name: str | None,
    size: int,
) -> tuple[str, list[tuple[str, ...]]]:
    labels, phrases = taken
    if name and name.lower() not in labels:
        return name, []
    # A kind of paper that nearly every paper of the group writes ('Generative models')
    # describes them all, where one paper's method ('Annealed importance sampling') would not.
    kind = _kind_of_paper(ranked[:_KIND_LOOKAHEAD], spell, phrases, labels, size, _ALL_SHARE)
    if kind is not None and size >= 3:
        return kind
    # The first candidate that most of the group's papers use; failing that, of the first
    # few, the one used by the most.
    tried: list[tuple[int, str, list[tuple[str, ...]]]] = []
    for used in itertools.islice(_label_candidates(ranked, spell, phrases, size), 40):
        label = as_label(used, spell)
        if label.lower() in labels or label == OTHER_LABEL:
            continue
        if not all(spell.reads_as_noun_phrase(key) for key in used):
            continue
        covered = spell.covering(used)
        if covered >= _LABEL_SHARE * size:
            if len(used) == 2:
                # A pair of words is the weakest label: a kind of paper that most of the
                # group is ('Language models') says more than 'Math and safety'.
                kind = _kind_of_paper(ranked, spell, phrases, labels, size)
                if kind is not None:
                    return kind
                # ... and so does a phrase that a fifth of it writes on a word better than
                # the pair's first, which led to no label of its own: 'Cognitive impairment'
                # (of 'cognitive', which nearly all write) rather than 'Homes and health'.
                heading = _common_heading(ranked, spell, taken, size, used[0])
                if heading is not None:
                    return heading
            return label, used
        tried.append((covered, label, used))
    if tried:
        # No phrase that a fifth of the group writes: two nouns that each a fifth of it uses
        # ('Telescopes and imaging') say more of a scattered group than a phrase a few of
        # its papers write ('Astrophysical phenomena').
        pair = _common_nouns(ranked, spell, taken, size)
        if pair is not None:
            return pair
        _, label, used = max(tried[:_LABEL_TRIES], key=lambda t: t[0])  # the first of equals
        return label, used
    # Only a group with fewer than two usable words (or whose every candidate another theme
    # took) gets here: its best phrase as it is beats a word that says nothing.
    fallback = name or (as_label([ranked[0].key], spell) if ranked else "Miscellaneous")
    while fallback.lower() in labels:
        fallback += " (more)"
    return fallback, []


def _common_heading(
    ranked: Sequence[Phrase], spell: Speller, taken: Taken, size: int, lead: tuple[str, ...]
) -> tuple[str, list[tuple[str, ...]]] | None:
    """The best heading phrase that at least a fifth of the group's papers write and that
    holds a word ranked above the `lead` phrase (one that named no label alone), if any."""
    labels, phrases = taken
    before = next((i for i, p in enumerate(ranked) if set(p.key) & set(lead)), 0)
    better = {p.key[0] for p in ranked[:before] if len(p.key) == 1}
    for phrase in ranked:
        if phrase.papers < _LABEL_SHARE * size or not better & set(phrase.key):
            continue
        key = _lengthened(phrase, ranked).key
        if not _is_heading(key) or _echoes(key, phrases):
            continue
        label = as_label([key], spell)
        covered = spell.covering([key]) >= _LABEL_SHARE * size
        if covered and label.lower() not in labels and spell.reads_as_noun_phrase(key):
            return label, [key]
    return None


def _common_nouns(
    ranked: Sequence[Phrase], spell: Speller, taken: Taken, size: int
) -> tuple[str, list[tuple[str, ...]]] | None:
    """The two best nouns that each at least a fifth of the group's papers use, joined."""
    labels, phrases = taken
    nouns: list[tuple[str, ...]] = [
        p.key
        for p in ranked[:_COMMON_LOOKAHEAD]
        if len(p.key) == 1
        and p.papers >= _LEAD_SHARE * size
        and may_stand_alone(p.key[0])
        and not _echoes(p.key, phrases)
    ]
    if len(nouns) < 2:
        return None
    used = sorted(nouns, key=lambda key: -spell.covering([key]))[:2]  # the first of equals
    label = as_label(used, spell)
    return (label, used) if label.lower() not in labels else None


def _kind_of_paper(
    ranked: Sequence[Phrase],
    spell: Speller,
    taken: Sequence[set[str]],
    labels: set[str],
    size: int,
    share: float = 0.0,
) -> tuple[str, list[tuple[str, ...]]] | None:
    """A phrase naming a kind of paper ('Language models', 'Generative models') that most
    (or `share`) of the group's papers write, if one does."""
    for phrase in ranked:
        key = phrase.key
        if len(key) != 2 or key[-1] not in GENERIC_HEADS or key[0] in GENERIC_WORDS:
            continue
        enough = phrase.papers >= max(share, _MOST_SHARE) * size
        if not may_modify(key[0]) or _echoes(key, taken) or not enough:
            continue
        label = as_label([key], spell)
        # A kind is written in the plural ('language models'); what the papers write only in
        # the singular is one thing of each paper ('the unlearned model'), not their kind.
        kind = label.split()[-1].lower() != key[-1] or word_tags(key[-1])[0][0] == "NNS"
        if kind and label.lower() not in labels:
            return label, [key]
    return None


def _label_candidates(
    ranked: Sequence[Phrase], spell: Speller, taken: Sequence[set[str]], size: int
) -> Iterator[list[tuple[str, ...]]]:
    """Labels worth trying, best first, each as the phrases it joins: a heading phrase of two
    or three words ('Dark matter', 'Active galactic nuclei'), else a one-word winner made into
    one ('dark' -> 'Dark matter', 'multi-agent' -> 'Multi-agent environments'), else a word or
    a kind-of-paper phrase joined with a runner-up ('Galaxies and black holes', 'Language
    models and reasoning'); never a lone word."""
    # What a fifth of the group uses first; in a group of scattered papers, the best there is.
    leads = list(enumerate(ranked[:_LABEL_LOOKAHEAD]))
    common = [lead for lead in leads if lead[1].papers >= _LEAD_SHARE * size]
    for i, first in [*common, *(lead for lead in leads if lead not in common)]:
        rest = ranked[i + 1 :]
        lone = len(first.key) == 1
        if lone and not looks_adjective(first.key[0]) and not may_stand_alone(first.key[0]):
            continue
        head = _lengthened(_widened(first, ranked), ranked)
        if _echoes(head.key, taken):
            continue
        if _is_heading(head.key):
            yield [_finished(head.key, spell, taken, size)]
            continue
        if len(head.key) == 1 and looks_adjective(head.key[0]):
            # A modifier names nothing alone, but may with a noun its papers use.
            composed = _composed(head, rest, spell, taken)
            if composed is not None:
                yield [composed]
            continue
        if len(head.key) == 1:
            combined = _combined(head, rest, spell, taken)
            if combined is not None:
                yield [combined]
        # A word or a phrase that names only a kind of paper ('language models') joins
        # what its papers are about: 'Language models and reasoning'.
        if len(head.key) <= 2 and not looks_adjective(head.key[-1]):
            # Of a word's partners, the first that fits: a word joins it ('Stars and
            # binaries'); a heading phrase stands alone ('Differential equations').
            partner = next(iter(_partners(head, rest, ranked, taken)), None)
            if partner is not None and (len(partner) == 1) == (len(head.key) == 1):
                yield [head.key, partner]
            elif partner is not None and len(head.key) == 1:
                yield [partner]
            else:
                partner = _partner(head, rest, ranked, taken)
                if partner is not None:
                    yield [head.key, partner]
    # No close pair: the best heading phrase the group has. Only a group without one gets
    # its two best nouns: two words no paper writes together ('Comparison and run') cover
    # more papers than any phrase of a scattered group, but describe none of them.
    headings = 0
    for phrase in ranked:
        key = _lengthened(phrase, ranked).key
        if _is_heading(key) and not _echoes(key, taken):
            headings += 1
            yield [key]
    if headings:
        return
    nouns = [p.key for p in ranked if len(p.key) == 1 and may_stand_alone(p.key[0])]
    for a, b in itertools.combinations(nouns[:_LAST_RESORT_NOUNS], 2):
        if not overlap(a, b) and not _echoes(a, taken) and not _echoes(b, taken):
            yield [a, b]


def _is_heading(key: tuple[str, ...]) -> bool:
    """Whether a phrase of two or three words can head a theme: it ends on a noun that says
    what the papers are about, not on a modifier ('active galactic') or a word of every
    field ('language models', 'training data')."""
    last = key[-1]
    shaped = 1 < len(key) < MAX_LABEL_WORDS and not looks_adjective(last) and may_head(last)
    vague = all(w in VAGUE_WORDS or w in GENERIC_WORDS or w in GENERIC_HEADS for w in key)
    return shaped and not vague and is_noun_phrase(key)


def _finished(
    key: tuple[str, ...], spell: Speller, taken: Sequence[set[str]], size: int
) -> tuple[str, ...]:
    """A heading of two words that its papers nearly always write before a noun, with the
    noun they write most, when a fifth of the group writes that: 'Temporal action
    localization', not 'Temporal action' cut short of it."""
    longer = spell.continued(key)
    if longer is None or not _is_heading(longer) or _echoes(longer, taken):
        return key
    return longer if spell.papers(longer) >= _LABEL_SHARE * size else key


def _lengthened(phrase: Phrase, ranked: Sequence[Phrase], noun_phrase: bool = True) -> Phrase:
    """A phrase's longer form when nearly all its papers write that: 'supermassive black'
    is half of 'supermassive black hole', 'deep reinforcement' of 'deep reinforcement
    learning'; only a `noun_phrase` ('spatial displacement', not 'resulting spatial
    displacement'), unless the fragment is to go with its longer form."""
    if len(phrase.key) != 2:
        return phrase
    for longer in ranked:
        inside = longer.key[:2] == phrase.key or longer.key[1:] == phrase.key
        more = longer.papers >= _FRAGMENT_SHARE * phrase.papers
        if len(longer.key) != 3 or not inside or not more:
            continue
        if not noun_phrase or is_noun_phrase(longer.key):  # last: it costs the most
            return longer
    return phrase


def _echoes(key: tuple[str, ...], taken: Sequence[set[str]]) -> bool:
    """Whether a phrase would not tell its theme apart from one already labelled.

    'Neural networks' after 'Recurrent neural networks' would not, and neither would 'Deep
    neural networks' after 'Neural networks'; 'Recurrent neural networks' after 'Neural
    networks' adds a real distinction, and so does a compound modifier ('Multi-agent
    reinforcement learning' after 'Reinforcement learning').
    """
    words = set(key)
    for other in taken:
        if words <= other:
            return True
        added = words - other
        if other <= words and all(looks_adjective(w) and "-" not in w for w in added):
            return True
    return False


def _widened(first: Phrase, ranked: Sequence[Phrase]) -> Phrase:
    """A one-word winner's best longer phrase, when most papers using the word use it.

    'dark' in a cosmology group reads better as 'Dark matter'; 'ray' as 'Cosmic rays'.
    """
    if len(first.key) > 1:
        return first
    # Only a phrase that most of the word's papers use can stand for them all: the best of
    # those, not merely the best phrase with the word ('object detection', which three of
    # six papers write, rather than 'object detection task', which two do).
    for phrase in ranked:
        widens = len(phrase.key) > 1 and first.key[0] in phrase.key
        if widens and phrase.papers >= _WIDEN_SHARE * first.papers:
            return phrase
    return first


def _combined(
    first: Phrase, rest: Sequence[Phrase], spell: Speller, taken: Sequence[set[str]]
) -> tuple[str, ...] | None:
    """A one-word winner and a close runner-up word as the phrase the papers make of them
    ('object' and 'manipulation' -> 'Object manipulation', 'emission' and 'X-ray' -> 'X-ray
    emission'), when enough of the group writes it so."""
    enough = max(2, _COMBINED_SHARE * first.papers)
    for phrase in rest[:_PARTNER_LOOKAHEAD]:
        if len(phrase.key) != 1 or overlap(first.key, phrase.key):
            continue
        for key in ((*phrase.key, *first.key), (*first.key, *phrase.key)):
            if _is_heading(key) and not _echoes(key, taken) and spell.papers(key) >= enough:
                return key
    return _composed(first, rest, spell, taken)


def _composed(
    first: Phrase, rest: Sequence[Phrase], spell: Speller, taken: Sequence[set[str]]
) -> tuple[str, ...] | None:
    """An adjective and a noun among the best words that the same papers use, and at least
    one writes as a phrase: 'robotic' and 'manipulation' -> 'Robotic manipulation',
    'multi-agent' and 'environments' -> 'Multi-agent environments'."""
    close = [p for p in rest[:_COMPOSE_LOOKAHEAD] if p.score >= _COMPOSE_SHARE * first.score]
    words = [first.key] + [p.key for p in close if len(p.key) == 1]
    together = max(2, _TOGETHER_SHARE * first.papers)
    for adjective in (w for w in words if looks_adjective(w[0])):
        # A field its papers name in two words: 'multi-agent' and 'reinforcement learning'
        # -> 'Multi-agent reinforcement learning', though none writes the three in a row.
        # The field need not set the group apart: the modifier, the group's best, does.
        fields = [
            p.key
            for p in rest[: 2 * _COMPOSE_LOOKAHEAD]
            if len(p.key) == 2 and _is_field(p.key) and p.papers >= _TOGETHER_SHARE * first.papers
        ]
        if adjective != first.key or adjective[0] in ADJECTIVES:
            fields = []  # not 'Real discriminator network'

        for noun in [*fields, *(w for w in words if may_stand_alone(w[0]))]:
            key = (*adjective, *noun)
            if overlap(adjective, noun) or _echoes(key, taken):
                continue
            if len(noun) == 1 and not spell.papers(key):
                continue
            if spell.papers(adjective, noun) >= together:
                return key
    return None


def _is_field(key: tuple[str, ...]) -> bool:
    """Whether a two-word phrase names a field that a modifier may narrow: a noun phrase
    whose head is a field's ('reinforcement learning', 'language models')."""
    return key[-1] in FIELD_HEADS and is_noun_phrase(key) and not looks_adjective(key[0])


def _partner(
    first: Phrase, rest: Sequence[Phrase], ranked: Sequence[Phrase], taken: Sequence[set[str]]
) -> tuple[str, ...] | None:
    """A close runner-up that can join a label without repeating it or another theme's
    label, of the same shape, within four words in all: a word joins a word ('Stars and
    binaries'), a phrase a phrase ('Dark matter and dark energy'); never a word and a phrase
    ('Galaxies and black holes')."""
    for key in _partners(first, rest, ranked, taken):
        if (len(key) == 1) == (len(first.key) == 1):
            return key
    return None


def _partners(
    first: Phrase, rest: Sequence[Phrase], ranked: Sequence[Phrase], taken: Sequence[set[str]]
) -> Iterator[tuple[str, ...]]:
    for phrase in rest[:_PARTNER_LOOKAHEAD]:
        if phrase.papers < _PARTNER_SHARE * first.papers:
            continue
        # A word its papers mostly write in a phrase joins as that phrase: 'Galaxies and
        # star formation', not 'Galaxies and formation'.
        widened = _lengthened(_widened(phrase, ranked), ranked)
        bound = widened.papers >= _BOUND_SHARE * phrase.papers
        # ... and not alone when most of its papers do ('importance' of 'importance sampling').
        for key in (widened.key,) if bound else (widened.key, phrase.key):
            fits = len(key) <= MAX_LABEL_WORDS - len(first.key) - 1
            names = _is_heading(key) if len(key) > 1 else may_stand_alone(key[0])
            new = not overlap(first.key, key) and not _echoes(key, taken)
            if fits and names and new:
                yield key


def _abbreviates(a: tuple[str, ...], b: tuple[str, ...], spell: Speller) -> bool:
    """Whether one phrase is the other's acronym, as the papers write it: 'FL' and 'federated
    learning', 'PPIs' and 'protein-protein interactions' (each part of a hyphenated word
    gives its letter), 'GRB' and 'gamma-ray bursts'."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) != 1 or len(long) < 2 or not spell.named(short):
        return False
    initials = "".join(part[0] for word in long for part in word.split("-") if part)
    return short[0] in (initials, initials + "s")


def choose_keywords(
    ranked: Sequence[Phrase],
    used: Sequence[tuple[str, ...]],
    spell: Speller,
    size: int = 0,
) -> tuple[str, ...]:
    """Up to MAX_KEYWORDS of the group's best phrases that share no word with the label or
    each other: phrases of two or three words and names ('Gaia', 'NuSTAR') that several
    papers use; only when there are fewer than MIN_KEYWORDS of those, nouns ('dust'), and
    then a lone modifier or vague word ('supermassive', 'accuracy'). A common noun alone
    ('object', 'population') says less than a phrase, and an acronym beside its words
    (the label's or a keyword's) says nothing more: of the two, the one chosen later is
    left out."""
    seen: list[tuple[str, ...]] = list(used)
    chosen: dict[tuple[str, ...], str] = {}  # each key as the papers write it
    unwritten: set[tuple[str, ...]] = set()  # chosen, but an acronym of another
    shared = max(2, _KEYWORD_SHARE * size)
    for level in range(3):
        for phrase in ranked:
            if len(chosen) == MAX_KEYWORDS:
                break
            if level == 0 and phrase.papers < shared:
                continue
            # A fragment of a longer phrase its papers write ('acoustic oscillation' of
            # 'baryon acoustic oscillation') is that phrase, unless the label or a keyword
            # already holds the word it adds.
            key = phrase.key
            longer = _lengthened(phrase, ranked, noun_phrase=False).key
            if longer != key and not any(overlap(longer, other) for other in seen):
                key = longer
            if level < 2 and not may_stand_alone(key[-1]) and len(key) == 1:
                continue
            if looks_adjective(key[-1]) and len(key) > 1:
                continue  # unfinished: 'training deep', 'convolutional neural'
            if key in chosen or any(overlap(key, other) for other in seen):
                continue
            if any(word in LINK_WORDS for word in key):
                continue  # 'https URL': arXiv's stand-in for a link in an abstract
            if not is_noun_phrase(key):
                continue
            if level == 0 and len(key) == 1 and not spell.named(key):
                continue
            if not spell.reads_as_noun_phrase(key):
                continue  # 'models outperform', 'outer', 'quenches star formation'
            written = spell(key)
            if written in chosen.values():
                continue  # ('ppi',) and ('ppis',), both written 'PPIs' by the papers
            if any(_abbreviates(key, other, spell) for other in seen):
                # 'FL' beside 'Federated learning' (or 'active galactic nuclei' beside a
                # keyword 'AGN') says nothing more: it takes its place unwritten rather than
                # hand it to a weaker phrase ('distributed machine').
                unwritten.add(key)
            seen.append(key)
            chosen[key] = written
        if len(chosen) >= MIN_KEYWORDS:
            break
    order = {phrase.key: i for i, phrase in enumerate(ranked)}
    return tuple(
        chosen[key] for key in sorted(chosen, key=order.__getitem__) if key not in unwritten
    )
