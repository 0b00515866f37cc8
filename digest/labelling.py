"""Name groups of papers: a label of two to four words a researcher would write, plus keywords.

Each group is named from at most `_GROUP_TEXTS` of its papers (the same ones whatever the order
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
  many papers use: "Galaxies and black holes", "Language models and reasoning".
A label starts on what at least a fifth of the group uses, never on a lone modifier or vague
word ("accuracy", "array"). Its last word is plural when the papers often write the plural
as a noun ("Magnetic fields"). Labels are distinct across themes and do not merely repeat
another theme's words ("Deep neural networks" after "Neural networks"). A one-paper group
given a name (its title or headline) is called by it. Only a group with fewer than two usable
words gets a one-word label. Keywords are the next best phrases that several papers share and
acronyms ("CDM", "JWST"), sharing no word with the label; a common noun alone ("object") only
when there are too few of those. Everything is written as the papers usually write it.
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from digest.tagging import NOUNS, tag_words, tokenize, word_tags


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


OTHER_LABEL = "Other"
# Longer "words" (a run of letters pasted without spaces) never make a phrase.
MAX_WORD_LENGTH = 30
# A label taken from a paper's name (a one-paper theme) is at most this long; a longer name
# (a title pasted with its abstract) gives way to the paper's phrases.
MAX_NAME_WORDS = 12
MAX_NAME_CHARS = 120
# A word ends a noun phrase when the lexicon gives it a noun tag at least this often.
_NOUN_ODDS = 0.4
_COMMON_NOUNS = frozenset({"NN", "NNS"})
_SINGULAR_NOUNS = frozenset({"NN", "NNP"})
# Gerunds that open a clause after a noun ('data using', 'models achieving'), not the name
# of an activity ('rumor spreading').
_CLAUSE_GERUNDS = frozenset(
    {"using", "including", "following", "according", "regarding", "concerning", "involving"}
    | {"containing", "considering", "excluding", "being", "having", "making", "leading"}
    | {"resulting", "yielding", "achieving", "showing", "providing", "allowing", "enabling"}
    | {"requiring", "obtaining", "comparing", "assuming", "exhibiting", "reaching", "giving"}
    | {"performing", "outperforming", "suggesting", "indicating", "revealing", "demonstrating"}
)
# Uses of a phrase tagged in their sentence, and the characters read on each side.
_SHAPE_USES = 3
_SHAPE_CONTEXT = 60  # a lowercase word's NNP odds are its capitalised uses
_MODIFIER_TAGS = frozenset({"NN", "NNS", "NNP", "JJ", "VBN", "VBG", "CD"})
MAX_LABEL_WORDS = 4
MIN_KEYWORDS = 2
MAX_KEYWORDS = 3
# A keyword phrase is first looked for among those this share of the group's papers use.
_KEYWORD_SHARE = 0.1
# Longer phrases read better as labels; a mild bonus lets them win over their own head word
# when they cover nearly as many papers.
_LENGTH_BONUS = {1: 1.0, 2: 2.0, 3: 2.2}
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
# A label's last word is written in the plural ('Galaxies and black holes', 'Magnetic
# fields') when its papers write it so this often: headings name kinds of things, while
# abstracts mostly speak of one ('the black hole').
_PLURAL_SHARE = 0.15
# Enough candidates for a label, its alternatives and keywords.
_ENOUGH_PHRASES = 20
# Candidates looked at per group: far more than a label, its fallbacks and keywords need.
_MAX_RANKED = 400
# Papers of a group its label and keywords are chosen from.
_GROUP_TEXTS = 40
# A phrase of up to three word ids is packed into one int64, 20 bits per word.
_BASE = 2**20
_BASE2 = _BASE * _BASE
# Texts read to learn how a phrase is written.
_SPELLING_TEXTS = 30
# A word keeps its capitals ("Gaia", "CDM") when written so in this share of its uses.
_CAPITALS_SHARE = 0.75
# Compound modifiers: 'multi-agent', 'high-energy', 'low-mass', 'large-scale'.
_MODIFIER_PREFIXES = tuple(
    f"{word}-"
    for word in _word_set(
        """
        multi cross non inter intra high low large small long short wide full near far mid
        well first second single two three
        """
    )
)
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ed", "able", "ible", "ful", "less")


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
# Words that cannot end a label, though they may end a keyword or open a label: a theme
# called 'Language models' or 'Training data' says only which kind of paper it holds.
GENERIC_HEADS = _word_set(
    """
    model data dataset task performance problem system framework algorithm technique tool
    property effect case set type value number level question application aspect way issue
    step approach method result paper work study example measurement
    """
)
# Words of any discussion, too vague to name a theme or be a keyword alone ('Accuracy',
# 'Array' of unrelated arrays), though fine inside a phrase ('Radial velocity').
_VAGUE_WORDS = _word_set(
    """
    accuracy access address ability capability challenge community design effectiveness
    begin define increase increasing lead indicate reveal likely relative component region
    variation distribution size ratio term condition solution image line purpose principle
    end phase science array velocity layer group equation collect expert tool available
    cost implement remain finally motivating emission url http https github com www
    future test space power origin formation evolution behavior dependence surface
    learn train predict generate explore estimate evaluate apply solve measure compute
    perform produce enable require yield
    run version review existence example description
    ev kev mev gev tev hz khz mhz ghz km pc kpc mpc au yr myr gyr
    """
)
# Heads of the names of fields that a modifier narrows ('multi-agent reinforcement learning').
_FIELD_HEADS = _word_set("learning model network system physics astronomy optimization")
# Adjectives without a telltale ending, which name nothing on their own.
_ADJECTIVES = _word_set(
    """
    random dark single multiple global local nearby massive young early late complex linear
    nonlinear weak bright faint hot cold deep dense real robust stellar solar nuclear molecular
    planetary interstellar circumstellar finite infinite optimal quantum real-time online
    offline smooth radio sufficient necessary
    """
)
_STOP = ENGLISH_STOP_WORDS | WEAK_WORDS
_SEGMENT = re.compile(r"[.,;:!?()\[\]{}\"\u201c\u201d\u2018\u2019]|\s[-\u2013\u2014]+\s|--")
_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")
_TOKEN = re.compile(f"{_WORD.pattern}|{_SEGMENT.pattern}")
# The same for ASCII text, a third faster.
_ASCII_TOKEN = re.compile(rf"[A-Za-z][A-Za-z0-9_'-]*[A-Za-z0-9]|[A-Za-z]|{_SEGMENT.pattern}")


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
    # Each group is named from at most _GROUP_TEXTS of its papers, the same whatever the
    # order of the batch: a label names what most of them share, which so many show.
    sampled = [
        sorted(group, key=lambda j: (zlib.crc32(texts[j].encode("utf-8", "replace")), j))[
            :_GROUP_TEXTS
        ]
        for group in groups
    ]
    used_texts = sorted({j for group in sampled for j in group})
    position = {j: n for n, j in enumerate(used_texts)}
    texts = [texts[j] for j in used_texts]
    groups = [sorted(position[j] for j in group) for group in sampled]
    index = PhraseIndex(texts)
    taken: _Taken = (set(), [])
    labels: list[Label] = []
    for i, group in enumerate(groups):
        ranked = index.rank(group)
        name = single_names[i] if i < len(single_names) else None
        if name and (len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS):
            name = None
        spell = _Speller(index, texts, group)
        label, used = _choose_label(
            ranked, spell, taken, name if len(group) == 1 else None, len(group)
        )
        taken[0].add(label.lower())
        taken[1].extend(set(key) for key in used)
        # A label taken from a paper's name must not be repeated by its keywords either.
        words = tuple(k for k in map(_word_key, _WORD.findall(label)) if k is not None)
        keywords = _choose_keywords(ranked, [*used, words], spell, len(group))
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
        # Word ids written in lower case somewhere: the others are names ('Gaia', 'CDM').
        self._lower_case: set[int] = set()
        self._acronyms: set[str] = set()
        # Every text's tokens in a row, a segment mark after each so no phrase spans two.
        tokens: list[str] = []
        lengths = []
        for text in texts:
            found = (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)
            tokens += found
            tokens.append(".")
            lengths.append(len(found) + 1)
        for token in dict.fromkeys(tokens):
            self._id(token)
        ids = list(map(self._token_ids.__getitem__, tokens))
        shifted = np.array(ids, dtype=np.int64) + 1  # 0 means "no word here"
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        a, b, c = shifted[:-2], shifted[1:-1], shifted[2:]
        one = shifted > 0
        two = one[:-1] & one[1:]
        three = two[:-1] & one[2:]
        codes = np.concatenate(
            [
                shifted[one] * _BASE2,
                ((shifted[:-1] * _BASE + shifted[1:]) * _BASE)[two],
                ((a * _BASE + b) * _BASE + c)[three],
            ]
        )
        docs = np.concatenate([owner[one], owner[:-1][two], owner[:-2][three]])
        # Each (phrase, text) once, by phrase then text.
        order = np.lexsort((docs, codes))
        codes, docs = codes[order], docs[order]
        first = np.ones(len(codes), dtype=bool)
        first[1:] = (codes[1:] != codes[:-1]) | (docs[1:] != docs[:-1])
        self._codes_by_phrase, self._docs_by_phrase = codes[first], docs[first]
        self.codes, self.counts = np.unique(self._codes_by_phrase, return_counts=True)
        self._holders: dict[int, frozenset[int]] = {}
        self.words = sorted(self.ids, key=self.ids.__getitem__)
        self.n_docs = len(texts)
        # Tables by word id; position -1 (no word there) reads the sentinel at the end.
        self._generic = np.array([w in GENERIC_WORDS for w in self.words] + [True])
        self._participle = np.array([w.endswith("ed") for w in self.words] + [False])
        self._alphabetical = np.full(len(self.words) + 1, -1, dtype=np.int64)
        for rank, word_id in enumerate(sorted(range(len(self.words)), key=self.words.__getitem__)):
            self._alphabetical[word_id] = rank

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
        if found >= 0 and token.islower():
            self._lower_case.add(found)
        if found >= 0 and sum(ch.isupper() for ch in token) >= 2 and key is not None:
            self._acronyms.add(key)
        return found

    def named(self, key: tuple[str, ...]) -> bool:
        """Whether every word of a phrase is always written with capitals: 'Gaia', 'CDM'."""
        return all(w in self.ids and self.ids[w] not in self._lower_case for w in key)

    def acronym(self, key: tuple[str, ...]) -> bool:
        """Whether a word is written as an acronym, with capitals past its first letter:
        'CDM', 'JWST', 'NuSTAR' (not 'Schr' of a mangled 'Schrödinger')."""
        return len(key) == 1 and key[0] in self._acronyms

    def holders(self, key: tuple[str, ...]) -> frozenset[int]:
        """The texts that use a phrase."""
        code = self.code(key)
        found = self._holders.get(code)
        if found is None:
            start, end = np.searchsorted(self._codes_by_phrase, [code, code + 1])
            found = frozenset(self._docs_by_phrase[start:end].tolist())
            self._holders[code] = found
        return found

    def code(self, key: tuple[str, ...]) -> int:
        slots = [self.ids.get(w, -2) + 1 for w in key] + [0, 0]
        return (slots[0] * _BASE + slots[1]) * _BASE + slots[2]

    def key(self, code: int) -> tuple[str, ...]:
        slots = (code // _BASE2, code // _BASE % _BASE, code % _BASE)
        return tuple(self.words[s - 1] for s in slots if s > 0)

    def holds(self, doc: int, key: tuple[str, ...]) -> bool:
        return doc in self.holders(key)

    def rank(self, group: Sequence[int]) -> list[_Phrase]:
        """The group's phrases, most specific first (ties broken alphabetically).

        Phrases that several of the group's papers share come first; any one paper's own
        phrases follow only when a group has too few shared ones.
        """
        size = len(group)
        if size == 0:
            return []
        members = np.isin(self._docs_by_phrase, np.asarray(group, dtype=np.int64))
        codes, inside = np.unique(self._codes_by_phrase[members], return_counts=True)
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
    """A word's normalised form, or None for words no phrase may hold (a stop word, a
    letter, a "word" longer than any real one)."""
    word = written.lower()
    if word in _STOP or not 2 <= len(word) <= MAX_WORD_LENGTH or not word[0].isalpha():
        return None
    return _singular(word)


def _is_noun(word: str) -> bool:
    """Whether a (normalised, singular) word can end a noun phrase: a noun is one of the
    likely tags of it or of its plural ('binary' is mostly an adjective, 'binaries' a noun)."""
    own = word_tags(word)
    if any(tag in _COMMON_NOUNS and odds >= _NOUN_ODDS for tag, odds in own):
        return True
    if "-" in word or not any(tag in _COMMON_NOUNS for tag, _ in own):
        return False  # 'heavy', 'outer', 'fine-tune'
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return any(tag in _COMMON_NOUNS and odds >= _NOUN_ODDS for tag, odds in word_tags(plural))


def _may_modify(word: str) -> bool:
    """Whether a word can stand inside a noun phrase: not a verb or adverb by its likeliest tag
    ('designed according', 'models outperform')."""
    return word_tags(word)[0][0] in _MODIFIER_TAGS


def _choose_label(
    ranked: Sequence[_Phrase],
    spell: _Speller,
    taken: _Taken,
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
        label = _as_label(used, spell)
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
            return label, used
        tried.append((covered, label, used))
    if tried:
        _, label, used = max(tried[:_LABEL_TRIES], key=lambda t: t[0])  # the first of equals
        return label, used
    # Only a group with fewer than two usable words (or whose every candidate another theme
    # took) gets here: its best phrase as it is beats a word that says nothing.
    fallback = name or (_as_label([ranked[0].key], spell) if ranked else "Miscellaneous")
    while fallback.lower() in labels:
        fallback += " (more)"
    return fallback, []


def _kind_of_paper(
    ranked: Sequence[_Phrase],
    spell: _Speller,
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
        if not _may_modify(key[0]) or _echoes(key, taken) or not enough:
            continue
        label = _as_label([key], spell)
        if label.lower() not in labels:
            return label, [key]
    return None


def _label_candidates(
    ranked: Sequence[_Phrase], spell: _Speller, taken: Sequence[set[str]], size: int
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
        if lone and not _looks_adjective(first.key[0]) and not _may_stand_alone(first.key[0]):
            continue
        head = _lengthened(_widened(first, ranked), ranked)
        if _echoes(head.key, taken):
            continue
        if _is_heading(head.key):
            yield [head.key]
            continue
        if len(head.key) == 1 and _looks_adjective(head.key[0]):
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
        if len(head.key) <= 2 and not _looks_adjective(head.key[-1]):
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
    nouns = [p.key for p in ranked if len(p.key) == 1 and _may_stand_alone(p.key[0])]
    for a, b in itertools.combinations(nouns[:_LAST_RESORT_NOUNS], 2):
        if not _overlap(a, b) and not _echoes(a, taken) and not _echoes(b, taken):
            yield [a, b]


def _is_heading(key: tuple[str, ...]) -> bool:
    """Whether a phrase of two or three words can head a theme: it ends on a noun that says
    what the papers are about, not on a modifier ('active galactic') or a word of every
    field ('language models', 'training data')."""
    last = key[-1]
    shaped = 1 < len(key) < MAX_LABEL_WORDS and not _looks_adjective(last) and _may_head(last)
    vague = all(w in _VAGUE_WORDS or w in GENERIC_WORDS or w in GENERIC_HEADS for w in key)
    return shaped and not vague and _is_noun_phrase(key)


def _is_noun_phrase(key: tuple[str, ...]) -> bool:
    """Whether a phrase reads as a noun phrase: modifiers, then a noun, or a noun and the
    activity it undergoes ('machine unlearning')."""
    head = _is_noun(key[-1]) or _names_an_activity(key)
    return head and all(_may_modify(w) for w in key[:-1])


def _names_an_activity(key: tuple[str, ...]) -> bool:
    """Whether a phrase ends on a gerund that a singular noun before it makes the name of an
    activity, as 'machine learning', 'rumor spreading', 'machine unlearning' and 'question
    answering' are: a noun phrase though its last word reads as a verb, where after a plural
    ('models outperforming') or as a word that opens a clause ('data using') it is a verb."""
    last = key[-1]
    return (
        len(key) > 1
        and last.endswith("ing")
        and last not in _CLAUSE_GERUNDS
        and any(tag == "VBG" for tag, _ in word_tags(last))
        and _is_singular_noun(key[-2])
    )


def _is_singular_noun(word: str) -> bool:
    return any(tag in _SINGULAR_NOUNS and odds >= _NOUN_ODDS for tag, odds in word_tags(word))


def _may_head(word: str) -> bool:
    return word not in GENERIC_HEADS


def _may_stand_alone(word: str) -> bool:
    """Whether a lone word can be half of an 'A and B' label or a keyword."""
    vague = word in GENERIC_WORDS or word in GENERIC_HEADS or word in _VAGUE_WORDS
    return not vague and not _looks_adjective(word) and _is_noun(word)


def _lengthened(phrase: _Phrase, ranked: Sequence[_Phrase]) -> _Phrase:
    """A phrase's longer form when nearly all its papers write that: 'supermassive black'
    is half of 'supermassive black hole', 'deep reinforcement' of 'deep reinforcement
    learning'."""
    if len(phrase.key) != 2:
        return phrase
    for longer in ranked:
        inside = longer.key[:2] == phrase.key or longer.key[1:] == phrase.key
        if len(longer.key) == 3 and inside and longer.papers >= _FRAGMENT_SHARE * phrase.papers:
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
        if other <= words and all(_looks_adjective(w) and "-" not in w for w in added):
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
            if _is_heading(key) and not _echoes(key, taken) and spell.papers(key) >= enough:
                return key
    return _composed(first, rest, spell, taken)


def _composed(
    first: _Phrase, rest: Sequence[_Phrase], spell: _Speller, taken: Sequence[set[str]]
) -> tuple[str, ...] | None:
    """An adjective and a noun among the best words that the same papers use, and at least
    one writes as a phrase: 'robotic' and 'manipulation' -> 'Robotic manipulation',
    'multi-agent' and 'environments' -> 'Multi-agent environments'."""
    close = [p for p in rest[:_COMPOSE_LOOKAHEAD] if p.score >= _COMPOSE_SHARE * first.score]
    words = [first.key] + [p.key for p in close if len(p.key) == 1]
    together = max(2, _TOGETHER_SHARE * first.papers)
    for adjective in (w for w in words if _looks_adjective(w[0])):
        # A field its papers name in two words: 'multi-agent' and 'reinforcement learning'
        # -> 'Multi-agent reinforcement learning', though none writes the three in a row.
        # The field need not set the group apart: the modifier, the group's best, does.
        fields = [
            p.key
            for p in rest[: 2 * _COMPOSE_LOOKAHEAD]
            if len(p.key) == 2 and _is_field(p.key) and p.papers >= _TOGETHER_SHARE * first.papers
        ]
        if adjective != first.key or adjective[0] in _ADJECTIVES:
            fields = []  # not 'Real discriminator network'

        for noun in [*fields, *(w for w in words if _may_stand_alone(w[0]))]:
            key = (*adjective, *noun)
            if _overlap(adjective, noun) or _echoes(key, taken):
                continue
            if len(noun) == 1 and not spell.papers(key):
                continue
            if spell.papers(adjective, noun) >= together:
                return key
    return None


def _is_field(key: tuple[str, ...]) -> bool:
    """Whether a two-word phrase names a field that a modifier may narrow: a noun phrase
    whose head is a field's ('reinforcement learning', 'language models')."""
    return key[-1] in _FIELD_HEADS and _is_noun_phrase(key) and not _looks_adjective(key[0])


def _partner(
    first: _Phrase, rest: Sequence[_Phrase], ranked: Sequence[_Phrase], taken: Sequence[set[str]]
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
    first: _Phrase, rest: Sequence[_Phrase], ranked: Sequence[_Phrase], taken: Sequence[set[str]]
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
            names = _is_heading(key) if len(key) > 1 else _may_stand_alone(key[0])
            new = not _overlap(first.key, key) and not _echoes(key, taken)
            if fits and names and new:
                yield key


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
    size: int = 0,
) -> tuple[str, ...]:
    """Up to MAX_KEYWORDS of the group's best phrases that share no word with the label or
    each other: phrases of two or three words and names ('Gaia', 'NuSTAR') that several
    papers use; only when there are fewer than MIN_KEYWORDS of those, nouns ('dust'), and
    then a lone modifier or vague word ('supermassive', 'accuracy'). A common noun alone
    ('object', 'population') says less than a phrase."""
    seen: list[tuple[str, ...]] = list(used)
    chosen: list[tuple[str, ...]] = []
    shared = max(2, _KEYWORD_SHARE * size)
    for level in range(3):
        for phrase in ranked:
            if len(chosen) == MAX_KEYWORDS:
                break
            key = phrase.key
            if level == 0 and phrase.papers < shared:
                continue
            if level < 2 and not _may_stand_alone(key[-1]) and len(key) == 1:
                continue
            if _looks_adjective(key[-1]) and len(key) > 1:
                continue  # unfinished: 'training deep', 'convolutional neural'
            if key in chosen or any(_overlap(key, other) for other in seen):
                continue
            if not _is_noun_phrase(key):
                continue
            if level == 0 and len(key) == 1 and not spell.named(key):
                continue
            if not spell.reads_as_noun_phrase(key):
                continue  # 'models outperform', 'outer', 'quenches star formation'
            seen.append(key)
            chosen.append(key)
        if len(chosen) >= MIN_KEYWORDS:
            break
    order = {phrase.key: i for i, phrase in enumerate(ranked)}
    return tuple(spell(key) for key in sorted(chosen, key=order.__getitem__))


def _as_label(keys: Sequence[tuple[str, ...]], spell: _Speller) -> str:
    text = " and ".join(spell(k, heading=True) for k in keys)
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
        self._members = frozenset(group)

    def named(self, key: tuple[str, ...]) -> bool:
        """Whether the papers always write a word as an acronym: 'CDM', 'NuSTAR'."""
        return self._index.named(key) and self._index.acronym(key)

    def papers(self, *keys: tuple[str, ...]) -> int:
        """How many of the group's papers use all the phrases."""
        return len(self._members.intersection(*(self._index.holders(k) for k in keys)))

    def covering(self, keys: Sequence[tuple[str, ...]]) -> int:
        """How many of the group's papers use any of the phrases, or all the words of one
        ('robotic' and 'manipulation' for 'Robotic manipulation')."""
        holders = self._index.holders
        covered: set[int] = set()
        for key in keys:
            covered |= holders(key)
            covered |= frozenset.intersection(*(holders((w,)) for w in key))
        return len(covered & self._members)

    def reads_as_noun_phrase(self, key: tuple[str, ...]) -> bool:
        """Whether the papers use a phrase as a noun phrase: tagged where they write it (in
        up to _SHAPE_USES uses), it is modifiers then a noun, not 'quenches star formation'
        or 'mass tracks'. A phrase not found as written is judged by its words alone."""
        pattern = _phrase_pattern(key)
        holders = self._index.holders(key)
        holding = (self._texts[j] for j in self._group if j in holders)
        votes = []
        for text in itertools.islice(holding, _SHAPE_USES):
            match = pattern.search(text)
            if match is None:
                continue
            before = tokenize(text[max(0, match.start() - _SHAPE_CONTEXT) : match.start()])
            inside = tokenize(match.group(0))
            after = tokenize(text[match.end() : match.end() + _SHAPE_CONTEXT])[:2]
            tags = tag_words([*before[1:], *inside, *after])[len(before) - 1 :][: len(inside)]
            if not before:
                tags = tag_words([*inside, *after])[: len(inside)]
            modifiers = [t in _MODIFIER_TAGS or t == "POS" for t in tags[:-1]]
            # 'rumor spreading' names an activity; 'rumors spreading' is a clause. The noun
            # before the gerund is judged by how it is written, as the tagger may take a
            # rare word at a sentence's start for anything.
            activity = (
                len(inside) == len(key) > 1
                and tags[-1] == "VBG"
                and inside[-2].lower() == key[-2]
                and _names_an_activity(key)
                and all(modifiers[:-1])
            )
            votes.append(bool(tags) and ((tags[-1] in NOUNS and all(modifiers)) or activity))
        if not votes:
            return _is_noun_phrase(key)
        return 2 * sum(votes) > len(votes)

    def __call__(self, key: tuple[str, ...], heading: bool = False) -> str:
        """The phrase as usually written; as a `heading`, in the plural if often written so."""
        pattern = _phrase_pattern(key)
        # The group's most central papers that use the phrase say how it is written.
        holders = self._index.holders(key)
        holding = (self._texts[j] for j in self._group if j in holders)
        texts = list(itertools.islice(holding, _SPELLING_TEXTS))
        matches = [
            (m.group(0).split(), m.group(1), _opens_sentence(t, m.start()))
            for t in texts
            for m in pattern.finditer(t)
        ]
        if not matches:
            # Not found as one run of words (rare: a plural we cannot undo): the normalised words.
            return " ".join(key)
        found = [words for words, _, _ in matches]
        opening = [opens for _, _, opens in matches]
        if not heading:
            return _usual_form(found, opening)
        # A singular that modifies the next word says nothing about the number of the thing.
        as_nouns = sum(
            1
            for words, after, _ in matches
            if words[-1].lower() != key[-1] or after is None or _word_key(after) is None
        )
        return _usual_form(found, opening, key[-1], as_nouns)


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(key: tuple[str, ...]) -> re.Pattern[str]:
    """A phrase in any number and case; the word after each use, if any, in group 1 (it
    tells a modifier, 'neutron star mergers', apart)."""
    return re.compile(
        r"(?<![\w-])"
        + r"\s+".join(_any_number(w) for w in key)
        + r"(?![\w-])(?:(?=\s+([^\W\d_][\w'-]*)))?",
        re.IGNORECASE,
    )


def _opens_sentence(text: str, at: int) -> bool:
    return text[max(0, at - 3) : at].rstrip()[-1:] in ("", ".", "!", "?", ":")


def _usual_form(
    found: Sequence[Sequence[str]],
    opening: Sequence[bool],
    singular: str | None = None,
    as_nouns: int = 0,
) -> str:
    """The usual number of a phrase, with capitals only where its papers nearly always use them.

    Number and case are decided apart: Title Case titles ('Cosmic Ray Transport') should not
    outvote the lower case of abstracts split between 'cosmic ray' and 'cosmic rays'. The
    first word of a use `opening` a sentence has no say in its case, unless that is all
    there is and it has capitals past its first letter ('NuSTAR').
    Given the `singular` of the last word, the plural wins when it is at least _PLURAL_SHARE
    of the `as_nouns` uses of the phrase.
    """
    lowered = Counter(tuple(w.lower() for w in words) for words in found)
    if singular is not None:
        # The regex matched only the singular and plural of the last word: any other
        # written form of it is a plural.
        plural = Counter({form: n for form, n in lowered.items() if form[-1] != singular})
        if plural and plural.total() >= _PLURAL_SHARE * as_nouns:
            lowered = plural
    base = min(lowered.items(), key=lambda item: (-item[1], item[0]))[0]
    uses = list(zip(found, opening, strict=True))
    out = [_usual_case(base, i, uses) for i in range(len(base))]
    if len(out) > 1 and out[0] != base[0] and out[1:] == list(base[1:]):
        # The rest is in lower case: a Title Case use ("We use Annealed Importance Sampling")
        # is a style, and no evidence for a capital first word ("annealed importance sampling").
        plain = [(words, opens) for words, opens in uses if not _title_cased(words[1:])]
        out[0] = _usual_case(base, 0, plain) if plain else base[0]
    return " ".join(out)


def _usual_case(base: Sequence[str], i: int, uses: Sequence[tuple[Sequence[str], bool]]) -> str:
    """The `i`th word of a phrase (`base`: in lower case) with capitals when its `uses`
    (its words as written, whether the use opens a sentence) nearly always write them so."""
    word = base[i]
    same = [
        words[i] for words, opens in uses if words[i].lower() == word and not (i == 0 and opens)
    ]
    if not same:
        same = [
            w
            for w in (words[i] for words, _ in uses)
            if w.lower() == word and w[1:] != w[1:].lower()
        ]
    cased = Counter(w for w in same if w != word)
    if same and cased.total() >= _CAPITALS_SHARE * len(same):
        return min(cased.items(), key=lambda item: (-item[1], item[0]))[0]
    return word


def _title_cased(words: Sequence[str]) -> bool:
    return all(w[:1].isupper() for w in words)


def _any_number(word: str) -> str:
    """A regex for a normalised word in the singular or plural ('galaxy' -> galaxies too)."""
    if word.endswith("y"):
        return re.escape(word[:-1]) + "(?:y|ies)"
    return re.escape(word) + "(?:es|s)?"


def _looks_adjective(word: str) -> bool:
    """Whether a lone word probably describes rather than names ("mathematical", "generative",
    "multi-agent", "sim-to-real")."""
    if word in _ADJECTIVES or word.startswith(_MODIFIER_PREFIXES) or "-to-" in word:
        return True
    if word.endswith("-ray"):  # 'X-ray binaries', 'gamma-ray bursts'
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
