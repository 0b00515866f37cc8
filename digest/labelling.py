"""Name groups of papers: a short label a researcher would write, plus a few keywords.

A label is the noun phrase (one to three words) that is most specific to the group: common
among the group's papers and rare in the rest of the batch (a class-based TF-IDF: coverage in
the group times how much more often the group uses it than the rest). Phrases never cross
punctuation, never hold a function word or a word every abstract uses ("propose", "results"),
and are never made only of generic words ("model", "data"). A one-word winner becomes its own
longer phrase when most of its papers use that ("dark" -> "Dark matter"), or else is joined
with a close runner-up ("Galaxies and star formation"). Labels are distinct across themes and
do not merely repeat another theme's words ("Deep neural networks" after "Neural networks").
Phrases are written as the papers usually write them: "active galactic nuclei", "Gaia", "CDM".
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

OTHER_LABEL = "Other"
MAX_LABEL_WORDS = 4
MAX_KEYWORDS = 3
# Longer phrases read better as labels; a mild bonus lets them win over their own head word
# when they cover nearly as many papers.
_LENGTH_BONUS = {1: 1.0, 2: 2.0, 3: 2.2}
# A runner-up joins a one-word label ("Robotics and sim-to-real transfer") only when it is
# nearly as specific; otherwise the label would name a minority of the papers.
_PARTNER_SHARE = 0.6
_WIDEN_SHARE = 0.4
# Two words make one phrase of a label when this share of the first word's papers write it.
_COMBINED_SHARE = 0.25
_PARTNER_LOOKAHEAD = 5
# An adjective and a noun among this many best words make a label when half the first
# word's papers use both.
_COMPOSE_LOOKAHEAD = 8
_TOGETHER_SHARE = 0.5
# ... and each word is nearly as specific as the first.
_COMPOSE_SHARE = 0.5
# Enough candidates for a label, its alternatives and keywords.
_ENOUGH_PHRASES = 20
# Candidates looked at per group: far more than a label, its fallbacks and keywords need.
_MAX_RANKED = 400
# A phrase of up to three word ids is packed into one int64, 20 bits per word.
_BASE = 2**20
_BASE2 = _BASE * _BASE
# Texts read to learn how a phrase is written.
_SPELLING_TEXTS = 30
# A word keeps its capitals ("Gaia", "CDM") when written so in this share of its uses.
_CAPITALS_SHARE = 0.75
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ed", "able", "ible", "ful", "less")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The stop list scikit-learn ships (the Glasgow IR group's), kept here so that grouping needs
# no scikit-learn: importing it costs more than grouping a week of papers.
ENGLISH_STOP_WORDS = _word_set(
    """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst amoungst amount an and another any anyhow anyone anything
    anyway anywhere are around as at back be became because become becomes becoming been before
    beforehand behind being below beside besides between beyond bill both bottom but by call can
    cannot cant co con could couldnt cry de describe detail do done down due during each eg
    eight either eleven else elsewhere empty enough etc even ever every everyone everything
    everywhere except few fifteen fifty fill find fire first five for former formerly forty
    found four from front full further get give go had has hasnt have he hence her here
    hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in
    inc indeed interest into is it its itself keep last latter latterly least less ltd made many
    may me meanwhile might mill mine more moreover most mostly move much must my myself name
    namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere
    of off often on once one only onto or other others otherwise our ours ourselves out over own
    part per perhaps please put rather re same see seem seemed seeming seems serious several she
    should show side since sincere six sixty so some somehow someone something sometime
    sometimes somewhere still such system take ten than that the their them themselves then
    thence there thereafter thereby therefore therein thereupon these they thick thin third this
    those though three through throughout thru thus to together too top toward towards twelve
    twenty two un under until up upon us very via was we well were what whatever when whence
    whenever where whereafter whereas whereby wherein whereupon wherever whether which while
    whither who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves
    """
)
# Words of the genre, not of a topic: a phrase may not start or end on them, nor hold them.
WEAK_WORDS = _word_set(
    """
    propose proposed proposes present presented presents show shows shown showing study
    studies studied paper papers work works result results approach approaches method methods
    novel new use used uses using based find finds found demonstrate demonstrates introduce
    introduces introduced investigate investigated investigates report reported different
    various significant significantly recent recently furthermore moreover additionally
    respectively including include includes given obtain obtained provide provides provided
    allow allows allowing able achieve achieves achieved improve improves improved existing
    previous previously current currently particular specific particularly general generally
    et al e.g i.e via able compared comparable discuss discussed consider considered key
    main important possible potential simple effective efficient strong large small high low
    wide widely better best good make makes making like similar recent furthermore thus
    additional total overall typical typically standard suggest suggests suggesting let prove
    proves proved role aim aims insight insights impact nature presence context
    state-of-the-art
    """
)
# Words too broad to name a theme on their own, though fine inside a phrase
# ("Language model alignment", "Data augmentation").
GENERIC_WORDS = _word_set(
    """
    model models modeling modelling data dataset datasets task tasks performance problem
    problems system systems analysis framework frameworks algorithm algorithms learning
    training observation observations observed sample samples property properties effect
    effects range order number case cases time times process processes technique techniques
    feature features evidence value values parameter parameters function functions set sets
    type types structure level levels rate rates experiment experiments experimental
    evaluation application applications field fields theory research question questions
    quality scale scales state states network networks method source sources mass energy
    """
)
# Adjectives without a telltale ending, which name nothing on their own.
_ADJECTIVES = _word_set(
    """
    random dark single multiple global local nearby massive young early late complex linear
    nonlinear weak bright faint hot cold deep dense real robust stellar solar nuclear molecular
    planetary interstellar circumstellar finite infinite optimal
    """
)
_STOP = ENGLISH_STOP_WORDS | WEAK_WORDS
_SEGMENT = re.compile(r"[.,;:!?()\[\]{}\"\u201c\u201d\u2018\u2019]|\s[-\u2013\u2014]+\s|--")
_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")
_TOKEN = re.compile(f"{_WORD.pattern}|{_SEGMENT.pattern}")


@dataclass(frozen=True)
class Label:
    """What a theme is called, and the keywords shown beside it."""

    label: str
    keywords: tuple[str, ...]


# Labels given so far (lower case) and the word sets of the phrases they were made of.
_Taken = tuple[set[str], list[set[str]]]


@dataclass(frozen=True)
class _Phrase:
    key: tuple[str, ...]
    score: float
    papers: int


def label_groups(
    texts: Sequence[str],
    groups: Sequence[Sequence[int]],
    single_names: Sequence[str | None] = (),
) -> tuple[Label, ...]:
    """One distinct Label per group; groups hold indices into `texts` (the whole batch).

    `single_names[i]`, when given for a one-paper group, becomes that group's label.
    """
    index = PhraseIndex(texts)
    taken: _Taken = (set(), [])
    labels: list[Label] = []
    for i, group in enumerate(groups):
        ranked = index.rank(group)
        name = single_names[i] if i < len(single_names) else None
        spell = _Speller(index, texts, group)
        label, used = _choose_label(ranked, spell, taken, name if len(group) == 1 else None)
        taken[0].add(label.lower())
        taken[1].extend(set(key) for key in used)
        keywords = _choose_keywords(ranked, used, spell)
        labels.append(Label(label, keywords))
    return tuple(labels)


class PhraseIndex:
    """The distinct candidate phrases of every text, as integer codes for fast counting.

    A phrase is a run of one to three content words: never across punctuation or a stop
    word. Word ids are packed into one int64 per phrase, `_BASE` values per position.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.ids: dict[str, int] = {}
        self._token_ids: dict[str, int] = {}
        self.docs = [self._codes(_TOKEN.findall(text)) for text in texts]
        self.words = sorted(self.ids, key=self.ids.__getitem__)
        everything = np.concatenate([*self.docs, np.zeros(0, dtype=np.int64)])
        self.codes, self.counts = np.unique(everything, return_counts=True)
        self.n_docs = len(texts)
        # Tables by word id; position -1 (no word there) reads the sentinel at the end.
        self._generic = np.array([w in GENERIC_WORDS for w in self.words] + [True])
        self._participle = np.array([w.endswith("ed") for w in self.words] + [False])
        self._alphabetical = np.full(len(self.words) + 1, -1, dtype=np.int64)
        for rank, word_id in enumerate(sorted(range(len(self.words)), key=self.words.__getitem__)):
            self._alphabetical[word_id] = rank

    def _codes(self, tokens: Sequence[str]) -> npt.NDArray[np.int64]:
        known = self._token_ids
        ids = [known[t] if t in known else self._id(t) for t in tokens]
        shifted = np.array(ids, dtype=np.int64) + 1  # 0 means "no word here"
        a, b, c = shifted[:-2], shifted[1:-1], shifted[2:]
        grams = [
            shifted[shifted > 0] * _BASE2,
            ((shifted[:-1] * _BASE + shifted[1:]) * _BASE)[(shifted[:-1] > 0) & (shifted[1:] > 0)],
            ((a * _BASE + b) * _BASE + c)[(a > 0) & (b > 0) & (c > 0)],
        ]
        return np.unique(np.concatenate(grams))

    def _id(self, token: str) -> int:
        """The id of a token as written, -1 for stop words and punctuation."""
        key = _word_key(token)
        if key is None:
            found = -1
        elif key in self.ids:
            found = self.ids[key]
        elif len(self.ids) < _BASE - 1:
            found = self.ids[key] = len(self.ids)
        else:
            found = -1  # past a million distinct words, the rest only break phrases
        self._token_ids[token] = found
        return found

    def code(self, key: tuple[str, ...]) -> int:
        slots = [self.ids.get(w, -2) + 1 for w in key] + [0, 0]
        return (slots[0] * _BASE + slots[1]) * _BASE + slots[2]

    def key(self, code: int) -> tuple[str, ...]:
        slots = (code // _BASE2, code // _BASE % _BASE, code % _BASE)
        return tuple(self.words[s - 1] for s in slots if s > 0)

    def holds(self, doc: int, key: tuple[str, ...]) -> bool:
        codes = self.docs[doc]
        code = self.code(key)
        at = int(np.searchsorted(codes, code))
        return at < len(codes) and int(codes[at]) == code

    def rank(self, group: Sequence[int]) -> list[_Phrase]:
        """The group's phrases, most specific first (ties broken alphabetically).

        Phrases that several of the group's papers share come first; any one paper's own
        phrases follow only when a group has too few shared ones.
        """
        size = len(group)
        if size == 0:
            return []
        codes, inside = np.unique(
            np.concatenate([*(self.docs[j] for j in group), np.zeros(0, dtype=np.int64)]),
            return_counts=True,
        )
        a = codes // _BASE2 - 1
        b = codes // _BASE % _BASE - 1
        c = codes % _BASE - 1
        generic = self._generic[a] & self._generic[b] & self._generic[c]
        keep = ~generic & ~((b < 0) & self._participle[a])
        codes, inside, a, b, c = codes[keep], inside[keep], a[keep], b[keep], c[keep]
        everywhere = self.counts[np.searchsorted(self.codes, codes)]
        rest = max(self.n_docs - size, 1)
        coverage = inside / size
        outside = (everywhere - inside + 0.5) / (rest + 1)
        length = 1 + (b >= 0).astype(np.int64) + (c >= 0).astype(np.int64)
        bonus = np.array([_LENGTH_BONUS[n] for n in (1, 2, 3)])[length - 1]
        score = np.round(coverage**1.5 * np.log1p(coverage / outside) * bonus, 9)
        need = 2 if size >= 3 else 1
        unshared = inside < need
        alpha = self._alphabetical
        order = np.lexsort((alpha[c], alpha[b], alpha[a], -score, unshared))
        if int(np.count_nonzero(~unshared)) >= _ENOUGH_PHRASES:
            order = order[: int(np.count_nonzero(~unshared))]
        return [
            _Phrase(self.key(int(codes[i])), float(score[i]), int(inside[i]))
            for i in order[:_MAX_RANKED]
        ]


def _word_key(written: str) -> str | None:
    """A word's normalised form, or None for words no phrase may hold."""
    word = written.lower()
    if word in _STOP or len(word) < 2 or not word[0].isalpha():
        return None
    return _singular(word)


def _choose_label(
    ranked: Sequence[_Phrase],
    spell: _Speller,
    taken: _Taken,
    name: str | None,
) -> tuple[str, list[tuple[str, ...]]]:
    labels, phrases = taken
    if name and name.lower() not in labels:
        return name, []
    for i, first in enumerate(ranked):
        if len(first.key) == 1 and _looks_adjective(first.key[0]):
            continue
        head = _widened(first, ranked)
        # A phrase ending on a modifier is unfinished: 'deep neural', 'active galactic'.
        ends_as_modifier = len(head.key) > 1 and _looks_adjective(head.key[-1])
        if ends_as_modifier or _echoes(head.key, phrases):
            continue
        used = [head.key]
        if len(head.key) == 1:
            combined = _combined(head, ranked[i + 1 :], spell, phrases)
            partner = _partner(head, ranked[i + 1 :], phrases)
            if combined is not None:
                used = [combined]
            elif partner is not None:
                used.append(partner)
        label = _as_label(used, spell)
        if label.lower() not in labels and label != OTHER_LABEL:
            return label, used
    # Nothing passed the filters: the best phrase as it is beats a word that says nothing.
    fallback = name or (_as_label([ranked[0].key], spell) if ranked else "Miscellaneous")
    while fallback.lower() in labels:
        fallback += " (more)"
    return fallback, []


def _echoes(key: tuple[str, ...], taken: Sequence[set[str]]) -> bool:
    """Whether a phrase would not tell its theme apart from one already labelled.

    'Neural networks' after 'Recurrent neural networks' would not, and neither would 'Deep
    neural networks' after 'Neural networks'; 'Recurrent neural networks' after 'Neural
    networks' adds a real distinction.
    """
    words = set(key)
    for other in taken:
        if words <= other:
            return True
        if other <= words and all(_looks_adjective(w) for w in words - other):
            return True
    return False


def _widened(first: _Phrase, ranked: Sequence[_Phrase]) -> _Phrase:
    """A one-word winner's best longer phrase, when most papers using the word use it.

    'dark' in a cosmology group reads better as 'Dark matter'; 'ray' as 'Cosmic rays'.
    """
    if len(first.key) > 1:
        return first
    for phrase in ranked:
        if len(phrase.key) > 1 and first.key[0] in phrase.key:
            # Only a phrase that most of the word's papers use can stand for them all.
            return phrase if phrase.papers >= _WIDEN_SHARE * first.papers else first
    return first


def _combined(
    first: _Phrase, rest: Sequence[_Phrase], spell: _Speller, taken: Sequence[set[str]]
) -> tuple[str, ...] | None:
    """A one-word winner and a close runner-up word as the phrase the papers make of them
    ('object' and 'manipulation' -> 'Object manipulation', 'emission' and 'X-ray' -> 'X-ray
    emission'), when enough of the group writes it so."""
    enough = max(2, _COMBINED_SHARE * first.papers)
    for phrase in rest[:_PARTNER_LOOKAHEAD]:
        if len(phrase.key) != 1 or _overlap(first.key, phrase.key):
            continue
        for key in ((*phrase.key, *first.key), (*first.key, *phrase.key)):
            ends_as_modifier = _looks_adjective(key[-1])
            if not ends_as_modifier and not _echoes(key, taken) and spell.papers(key) >= enough:
                return key
    # An adjective and a noun among the best words that the same papers use, and at least
    # one writes as a phrase: 'robotic' and 'manipulation' -> 'Robotic manipulation'.
    close = (p for p in rest[:_COMPOSE_LOOKAHEAD] if p.score >= _COMPOSE_SHARE * first.score)
    words = [first.key] + [p.key for p in close if len(p.key) == 1]
    together = max(2, _TOGETHER_SHARE * first.papers)
    for adjective in (w for w in words if _looks_adjective(w[0])):
        for noun in (w for w in words if not _looks_adjective(w[0]) and w[0] not in GENERIC_WORDS):
            key = (*adjective, *noun)
            if _overlap(adjective, noun) or _echoes(key, taken) or not spell.papers(key):
                continue
            if spell.papers(adjective, noun) >= together:
                return key
    return None


def _partner(
    first: _Phrase, rest: Sequence[_Phrase], taken: Sequence[set[str]]
) -> tuple[str, ...] | None:
    """A close runner-up that can join a one-word label without repeating it or another
    theme's label."""
    for phrase in rest[:_PARTNER_LOOKAHEAD]:
        close = phrase.score >= _PARTNER_SHARE * first.score
        # Two lone words joined ('Emission and X-ray') read as a list, not a heading.
        fits = 1 < len(phrase.key) <= MAX_LABEL_WORDS - len(first.key) - 1
        new = not _overlap(first.key, phrase.key) and not _echoes(phrase.key, taken)
        if close and fits and new and not _looks_adjective(phrase.key[-1]):
            return phrase.key
    return None


def _pieces(key: tuple[str, ...]) -> set[str]:
    """The words of a phrase, hyphenated words split: 'multi-agent' overlaps 'agent'."""
    return {piece for word in key for piece in word.split("-") if piece}


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two phrases share a word or a word stem ('planet', 'exoplanets', 'planetary')."""
    for x in _pieces(a):
        for y in _pieces(b):
            short, long = sorted((x, y), key=len)
            if short == long or (len(short) >= 4 and short in long):
                return True
    return False


def _choose_keywords(
    ranked: Sequence[_Phrase],
    used: Sequence[tuple[str, ...]],
    spell: _Speller,
) -> tuple[str, ...]:
    seen: list[tuple[str, ...]] = list(used)
    keywords: list[str] = []
    for phrase in ranked:
        if len(keywords) == MAX_KEYWORDS:
            break
        if any(_overlap(phrase.key, key) for key in seen):
            continue
        seen.append(phrase.key)
        keywords.append(spell(phrase.key))
    return tuple(keywords)


def _as_label(keys: Sequence[tuple[str, ...]], spell: _Speller) -> str:
    text = " and ".join(spell(k) for k in keys)
    return text[:1].upper() + text[1:]


class _Speller:
    """Writes a phrase the way the group's papers most often write it.

    Whole phrases are looked up, because a word's spelling depends on its phrase: 'Galactic
    centre' but 'active galactic nuclei', 'samples' but 'sample efficiency'.
    """

    def __init__(self, index: PhraseIndex, texts: Sequence[str], group: Sequence[int]) -> None:
        self._index = index
        self._texts = texts
        self._group = group

    def papers(self, *keys: tuple[str, ...]) -> int:
        """How many of the group's papers use all the phrases."""
        return sum(1 for j in self._group if all(self._index.holds(j, k) for k in keys))

    def __call__(self, key: tuple[str, ...]) -> str:
        pattern = re.compile(
            r"(?<![\w-])" + r"\s+".join(_any_number(w) for w in key) + r"(?![\w-])",
            re.IGNORECASE,
        )
        # The group's most central papers that use the phrase say how it is written.
        holding = (self._texts[j] for j in self._group if self._index.holds(j, key))
        texts = list(itertools.islice(holding, _SPELLING_TEXTS))
        found = [m.group(0).split() for t in texts for m in pattern.finditer(t)]
        if found:
            return _usual_form(found)
        # Not found as one run of words (rare: a plural we cannot undo): the normalised words.
        return " ".join(key)


def _usual_form(found: Sequence[Sequence[str]]) -> str:
    """The usual number of a phrase, with capitals only where its papers nearly always use them.

    Number and case are decided apart: Title Case titles ('Cosmic Ray Transport') should not
    outvote the lower case of abstracts split between 'cosmic ray' and 'cosmic rays'.
    """
    lowered = Counter(tuple(w.lower() for w in words) for words in found)
    base = min(lowered.items(), key=lambda item: (-item[1], item[0]))[0]
    out: list[str] = []
    for i, word in enumerate(base):
        cased = Counter(
            words[i] for words in found if words[i].lower() == word and words[i] != word
        )
        if sum(cased.values()) >= _CAPITALS_SHARE * len(found):
            out.append(min(cased.items(), key=lambda item: (-item[1], item[0]))[0])
        else:
            out.append(word)
    return " ".join(out)


def _any_number(word: str) -> str:
    """A regex for a normalised word in the singular or plural ('galaxy' -> galaxies too)."""
    if word.endswith("y"):
        return re.escape(word[:-1]) + "(?:y|ies)"
    return re.escape(word) + "(?:es|s)?"


def _looks_adjective(word: str) -> bool:
    """Whether a lone word probably describes rather than names ("mathematical", "generative")."""
    if word in _ADJECTIVES:
        return True
    return word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith("ics")


def _singular(word: str) -> str:
    """A crude singular, so that 'language model' and 'language models' count together."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "ics")):
        return word[:-1]
    return word
