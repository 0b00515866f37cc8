"""Labelling: the word lists behind labels, and what a word or phrase can be (a noun, a
modifier, a noun phrase), out of context.
"""

from __future__ import annotations

import functools
import re

from digest.cleaning import IDEOGRAPHS
from digest.sentences import sumy_stop_words
from digest.tagging import load_lexicon, word_tags


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Longer "words" (a run of letters pasted without spaces) never make a phrase.
MAX_WORD_LENGTH = 30


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


# A word the lexicon tags as a verb's -ing form at least this often is only ever one.
_VERB_ODDS = 0.95


MODIFIER_TAGS = frozenset({"NN", "NNS", "NNP", "JJ", "VBN", "VBG", "CD"})


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
    state-of-the-art extensive comprehensive thorough superior
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
VAGUE_WORDS = _word_set(
    """
    accuracy access address ability capability challenge community design effectiveness
    begin define increase increasing lead indicate reveal likely relative component region
    variation distribution size ratio term condition solution image line purpose principle
    end phase science array velocity layer group equation collect expert tool available
    cost implement remain finally motivating emission url http https github com www
    future test space power origin formation evolution behavior dependence surface
    learn train predict generate explore estimate evaluate apply solve measure compute
    perform produce enable require yield
    run version review existence example description comparison degree addition
    article author conference people majority beginning year
    background introduction objective conclusion methodology principal finding discussion
    international proceeding symposium workshop topic topics estimation processing
    january february april june july august september october november december
    ev kev mev gev tev hz khz mhz ghz km pc kpc mpc au yr myr gyr
    """
)
# What stands for a link ('this https URL', as arXiv writes in its abstracts): no keyword.
LINK_WORDS = _word_set("url http https www")
# Heads of the names of fields that a modifier narrows ('multi-agent reinforcement learning').
FIELD_HEADS = _word_set("learning model network system physics astronomy optimization")
# Adjectives without a telltale ending, which name nothing on their own.
ADJECTIVES = _word_set(
    """
    random dark single multiple global local nearby massive young early late complex linear
    nonlinear weak bright faint hot cold deep dense real robust stellar solar nuclear molecular
    planetary interstellar circumstellar finite infinite optimal quantum real-time online
    offline smooth radio sufficient necessary
    """
)
_STOP = ENGLISH_STOP_WORDS | WEAK_WORDS
# The languages besides English that abstracts in a team's exports come in most, by sumy's
# stop lists; and the function words of theirs that English text also writes as names
# ('Le', 'La', 'Del') or that an English lexicon knows from quoted titles ('par', 'um'), or
# that sumy's lists lack ('del', 'más', 'hasta', 'às', 'através', the pronoun 'se', the
# accented question word 'cómo').
_OTHER_LANGUAGES = ("french", "german", "spanish", "portuguese")
_FOREIGN_ALSO = _word_set(
    "le la les des aux et une est il ne qui sur par del más hasta um às através se cómo"
)
# Words of those lists that are English words too, or parts of names ('usa', 'solo'); not
# 'para', Spanish and Portuguese far more often than the chemist's position.
_ENGLISH_ALSO = _word_set("usa fin sin solo son bis ante valor tout")


@functools.cache
def _stop_words() -> frozenset[str]:
    """The English stop and weak words, and the function words of French, German, Spanish and
    Portuguese that are no English word ('dans', 'les', 'und', 'los'): a label of French
    abstracts is not 'Dans le domaine', nor a keyword 'par les'. Built on first use, as it
    needs the lexicon."""
    lexicon = load_lexicon()
    listed = frozenset().union(*map(sumy_stop_words, _OTHER_LANGUAGES))
    unknown = {word for word in listed if lexicon.odds(word) is None}
    return _STOP | (unknown - _ENGLISH_ALSO) | _FOREIGN_ALSO


# Chinese is written without spaces, so a run of ideographs between marks is a clause, not
# a word: only a run as short as a term is one ("乳腺癌"), and never a heading of a
# structured abstract ("目的", "结论").
_MAX_IDEOGRAPHS = 6
_IDEOGRAPHS = re.compile(f"[{IDEOGRAPHS}]+")
_SECTION_HEADINGS = _word_set("目的 背景 目标 方法 结果 结论 讨论 意义 摘要 关键词")
# A run that opens with a particle or a preposition is the tail of a clause ("的防控价值").
_CLAUSE_OPENERS = tuple("的之了和与及或在对是将为于")


def word_key(written: str) -> str | None:
    """A word's normalised form, or None for words no phrase may hold (a stop word, of
    English or of another language, a letter, a "word" longer than any real one, a clause
    of Chinese)."""
    word = written.lower()
    if word in _stop_words() or not 2 <= len(word) <= MAX_WORD_LENGTH or not word[0].isalpha():
        return None
    if not word.isascii() and _IDEOGRAPHS.search(word):
        longest = max(map(len, _IDEOGRAPHS.findall(word)))
        clause = longest > _MAX_IDEOGRAPHS or word.startswith(_CLAUSE_OPENERS)
        return None if clause or word in _SECTION_HEADINGS else word
    return _singular(word)


def _is_noun(word: str) -> bool:
    """Whether a (normalised, singular) word can end a noun phrase: a noun is one of the
    likely tags of it or of its plural ('binary' is mostly an adjective, 'binaries' a noun).
    A possessive ("einstein'" of "Einstein's") modifies the noun after it and ends none."""
    if word.endswith(("'", "\u2019")):
        return False
    own = word_tags(word)
    if any(tag in _COMMON_NOUNS and odds >= _NOUN_ODDS for tag, odds in own):
        return True
    if "-" in word or not any(tag in _COMMON_NOUNS for tag, _ in own):
        return False  # 'heavy', 'outer', 'fine-tune'
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return any(tag in _COMMON_NOUNS and odds >= _NOUN_ODDS for tag, odds in word_tags(plural))


def may_modify(word: str) -> bool:
    """Whether a word can stand inside a noun phrase: not a verb or adverb by its likeliest tag
    ('designed according', 'models outperform')."""
    return word_tags(word)[0][0] in MODIFIER_TAGS


def is_noun_phrase(key: tuple[str, ...]) -> bool:
    """Whether a phrase reads as a noun phrase: modifiers, then a noun, or a noun and the
    activity it undergoes ('machine unlearning')."""
    head = _is_noun(key[-1]) or names_an_activity(key)
    return head and all(may_modify(w) for w in key[:-1]) and not _opens_clause(key)


def _opens_clause(key: tuple[str, ...]) -> bool:
    """Whether a phrase opens on a verb rather than a modifier: a gerund that opens a clause
    ('resulting spatial displacement', 'using neural networks'), or, before a noun phrase of
    two words, a word that is only ever a verb's -ing form, which takes them as its object
    ('developing data attribution'), where before one noun it may name a kind ('developing
    countries', 'emerging technologies')."""
    if key[0] in _CLAUSE_GERUNDS:
        return True
    return len(key) > 2 and _is_only_gerund(key[0])


def _is_only_gerund(word: str) -> bool:
    tag, odds = word_tags(word)[0]
    return tag == "VBG" and odds >= _VERB_ODDS


def names_an_activity(key: tuple[str, ...]) -> bool:
    """Whether a phrase ends on a gerund that a singular noun before it makes the name of an
    activity, as 'machine learning', 'rumor spreading', 'machine unlearning' and 'question
    answering' are: a noun phrase though its last word reads as a verb, where after a plural
    ('models outperforming'), as a word that opens a clause ('data using') or as a word that
    is only ever a verb's -ing form ('benchmark comprising') it is a verb."""
    last = key[-1]
    return (
        len(key) > 1
        and last.endswith("ing")
        and last not in _CLAUSE_GERUNDS
        and not _is_only_gerund(last)
        and any(tag == "VBG" for tag, _ in word_tags(last))
        and _is_singular_noun(key[-2])
    )


def _is_singular_noun(word: str) -> bool:
    return any(tag in _SINGULAR_NOUNS and odds >= _NOUN_ODDS for tag, odds in word_tags(word))


def may_head(word: str) -> bool:
    return word not in GENERIC_HEADS


def may_stand_alone(word: str) -> bool:
    """Whether a lone word can be half of an 'A and B' label or a keyword."""
    vague = word in GENERIC_WORDS or word in GENERIC_HEADS or word in VAGUE_WORDS
    return not vague and not looks_adjective(word) and _is_noun(word)


def looks_adjective(word: str) -> bool:
    """Whether a lone word probably describes rather than names ("mathematical", "generative",
    "multi-agent", "sim-to-real")."""
    if word in ADJECTIVES or word.startswith(_MODIFIER_PREFIXES) or "-to-" in word:
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
