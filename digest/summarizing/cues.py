"""The word lists behind the rating's cues, and the flags they give each word.

A reader tells the sentence that states a paper's contribution by its words: "we propose",
"this paper presents", "we show that"; background by "however", "recently", "has been";
a sentence that leans on the one before by "this challenge", "these algorithms", "that".
Each list here is one such cue. Every word of the vocabulary gets an integer of flags, one
bit per list it is on (`word_flags`), so that `digest.summarizing.features` finds cues with
numpy tests on the flags of a word and of its neighbours.
"""

from __future__ import annotations

from typing import Final

from digest.summarizing.trimming import (
    LINK_FIRST_WORDS,
    LINK_HINT_WORDS,
    ONE_WORD_LINKS,
    RESPONSE_VERBS,
)

# Subjects by which authors speak of their own work: "we", "this paper", "our work".
THIS_NOUNS: Final = frozenset(
    {"paper", "work", "article", "study", "report", "note", "thesis", "manuscript", "letter"}
    | {"chapter", "submission", "abstract", "survey", "tutorial", "review", "proposal"}
)
OUR_NOUNS: Final = frozenset({"paper", "work"})
# Words allowed between the subject and the verb: "we also propose", "we formally introduce"
# (any word ending in -ly counts too).
INSERTS: Final = frozenset({"also", "here", "first", "further", "then", "now", "additionally"})
# Verb stems by which authors state their own contribution ("we propose", "this paper presents").
CONTRIBUTION_VERBS: Final = (
    "propos",
    "introduc",
    "present",
    "develop",
    "design",
    "describ",
    "devis",
    "formulat",
    "offer",
    "provid",
    "establish",
    "contribut",
    "build",
    "creat",
    "construct",
    "releas",
    "defin",
)
# "We study ...": what the paper sets out to do, without a "we propose" verb.
AIM_VERBS: Final = frozenset(
    {"study", "investigate", "explore", "analyze", "analyse", "consider", "address", "tackle"}
    | {"aim", "seek", "focus", "examine", "revisit"}
)
# "We show that ...": a finding the paper reports.
FINDING_VERBS: Final = frozenset(
    {"show", "demonstrate", "prove", "find", "observe", "reveal", "argue", "discover"}
    | {"conclude", "confirm", "verify", "identify", "derive"}
)
# Background and hedges: what others did, what is hard, what experiments merely confirm.
BACKGROUND_WORDS: Final = frozenset(
    {"however", "recently", "existing", "previous", "prior", "traditional", "remain", "remains"}
    | {"challenging", "difficult", "although", "despite", "unfortunately"}
)
# Matched in the lowercased sentence; the leading space keeps "this widely" from matching.
BACKGROUND_PHRASES: Final = (
    " has been",
    " have been",
    " is widely",
    " are widely",
    " experiment show",
    " experiments show",
    " experiment demonstrate",
    " experiments demonstrate",
    " result show",
    " results show",
    " results demonstrate",
    " results indicate",
    " results suggest",
)
# Every background phrase holds one of these words.
BACKGROUND_PHRASE_WORDS: Final = frozenset(
    {"been", "widely", "experiment", "experiments", "result", "results"}
)
# Openings of sentences that add to a contribution already stated ("Furthermore, we show").
ADD_ON_FIRST: Final = frozenset(
    {"furthermore", "moreover", "additionally", "also", "finally", "lastly", "besides"}
    | {"further", "specifically"}
)
ADD_ON_PAIRS: Final = frozenset(
    {("in", "addition"), ("in", "particular"), ("for", "example"), ("for", "instance")}
    | {("we", w) for w in ("also", "further", "then", "finally", "first", "next")}
)
# Words of experiments and their results: a sentence dense with them reports numbers, not
# the idea ("our method outperforms the baselines on three benchmarks").
RESULT_WORDS: Final = frozenset(
    {"outperform", "outperforms", "outperformed", "outperforming", "accuracy", "accuracies"}
    | {"improvement", "improvements", "improves", "experiments", "experimental", "empirical"}
    | {"empirically", "results", "baseline", "baselines", "benchmark", "benchmarks"}
    | {"significantly", "sota", "datasets", "gains", "competitive", "superior"}
)
# "Our method ...", "our key insight ...": the authors' own work as the subject.
WORK_NOUNS: Final = frozenset(
    {"method", "approach", "model", "framework", "algorithm", "technique", "system"}
    | {"insight", "idea", "contribution", "solution", "architecture", "analysis", "proposal"}
    | {"methods", "models", "algorithms", "contributions", "findings"}
)
NOVELTY_WORDS: Final = frozenset({"novel", "new", "first"})
# Words that point back to what an earlier sentence said: "this challenge", "these
# algorithms", "such methods" (but "this paper", "such as"; "those" mostly does not: "those
# of", "those introduced by").
DEMONSTRATIVES: Final = frozenset({"this", "these", "such"})
# A demonstrative followed by one of these does not point back: the paper itself, or what
# the sentence introduces ("this second iteration of the MineRL Competition").
NOT_POINTED: Final = THIS_NOUNS | {"as", "that", "first", "second", "third", "new", "novel"}
# "the above", "the former", "our resulting model", "the proposed method": the same, after
# "the", "our" or a demonstrative.
BACK_ADJECTIVES: Final = frozenset(
    {"above", "former", "latter", "aforementioned", "resulting", "proposed"}
)
# Discourse markers of an addition to what an earlier sentence said, when they open the line
# or follow its subject: "Furthermore, ...", "We also present ...", "We then present ...",
# "Our models also transfer ...", "In addition, ...", "For example, ...", "Second, ...".
ADDITIVE_WORDS: Final = frozenset(
    {"also", "then", "further", "furthermore", "moreover", "additionally", "finally"}
    | {"lastly", "besides", "subsequently", "afterwards", "addition", "example", "instance"}
    | {"particular", "second", "third", "secondly", "thirdly"}
)
# A noun phrase with one of these as its first word refers back when its first words were
# in an earlier sentence: "All tasks have ...", "The bonus is ..." (definite anaphora).
DEFINITE_DETERMINERS: Final = frozenset({"the", "all", "both", "each"})
# Pronouns that need an antecedent when they open a sentence ("It can be combined ...").
PRONOUNS: Final = frozenset({"it", "they", "its", "their", "them"})
# "that" is a pronoun, pointing back, before these words or at the end ("leverages that and").
# ("that is", "that can" are far more often a relative clause: "a method that is simple".)
AFTER_THAT_PRONOUN: Final = frozenset({"and", "or", "with", "for"})
# First words of a sentence that opens with an adverbial clause ("In our experiments,", "To
# address this challenge,", "Based on these findings,").
ADVERBIAL_OPENERS: Final = frozenset(
    {"in", "to", "for", "by", "with", "on", "as", "using", "through", "via", "based", "given"}
    | {"motivated", "inspired", "despite", "although", "while", "unlike", "since", "because"}
    | {"after", "towards", "toward", "from", "under", "building", "following", "when", "if"}
)
WE: Final = 1
THIS: Final = 2
OUR: Final = 4
HERE: Final = 8
AIM_VERB: Final = 16
THIS_NOUN: Final = 32
OUR_NOUN: Final = 64
INSERT: Final = 128  # allowed between subject and verb: "also", or an adverb ("formally")
CONTRIBUTION_VERB: Final = 256
BACKGROUND_WORD: Final = 512
PHRASE_WORD: Final = 1024
ADD_ON_WORD: Final = 2048
FINDING_VERB: Final = 4096
RESULT_WORD: Final = 8192
NOVELTY_WORD: Final = 16384
DEMONSTRATIVE: Final = 32768
NOT_POINTED_WORD: Final = 65536
PRONOUN: Final = 131072
THAT: Final = 262144
AFTER_THAT: Final = 524288
BACK_ADJECTIVE: Final = 1048576
THE: Final = 2097152
ADVERBIAL_OPENER: Final = 4194304
ONE_WORD_LINK: Final = 8388608
LINK_FIRST: Final = 16777216
LINK_HINT: Final = 33554432
NUMBER: Final = 67108864
WORK_NOUN: Final = 134217728
ADDITIVE: Final = 268435456
DEFINITE: Final = 536870912
RESPONSE_VERB: Final = 1073741824
IT: Final = 2147483648


def _flags_of_words() -> dict[str, int]:
    flags: dict[str, int] = {"we": WE, "this": THIS, "our": OUR, "here": HERE}
    flags["that"] = THAT
    flags["the"] = THE
    flags["it"] = IT
    for flag, words in (
        (AIM_VERB, AIM_VERBS),
        (FINDING_VERB, FINDING_VERBS),
        (THIS_NOUN, THIS_NOUNS),
        (OUR_NOUN, OUR_NOUNS),
        (INSERT, INSERTS),
        (BACKGROUND_WORD, BACKGROUND_WORDS),
        (PHRASE_WORD, BACKGROUND_PHRASE_WORDS),
        (ADD_ON_WORD, ADD_ON_FIRST),
        (RESULT_WORD, RESULT_WORDS),
        (NOVELTY_WORD, NOVELTY_WORDS),
        (DEMONSTRATIVE, DEMONSTRATIVES),
        (NOT_POINTED_WORD, NOT_POINTED),
        (PRONOUN, PRONOUNS),
        (AFTER_THAT, AFTER_THAT_PRONOUN),
        (BACK_ADJECTIVE, BACK_ADJECTIVES),
        (ADVERBIAL_OPENER, ADVERBIAL_OPENERS),
        (WORK_NOUN, WORK_NOUNS),
        (ADDITIVE, ADDITIVE_WORDS),
        (DEFINITE, DEFINITE_DETERMINERS),
        (RESPONSE_VERB, RESPONSE_VERBS),
        (ONE_WORD_LINK, ONE_WORD_LINKS),
        (LINK_FIRST, LINK_FIRST_WORDS),
        (LINK_HINT, LINK_HINT_WORDS),
    ):
        for word in words:
            flags[word] = flags.get(word, 0) | flag
    return flags


# The flags of listed words; the verb, adverb and number flags are tested on the word itself.
_FLAGS_OF_WORDS: Final = _flags_of_words()


def word_flags(word: str) -> int:
    """The cue flags of a lowercased word."""
    return (
        _FLAGS_OF_WORDS.get(word, 0)
        | INSERT * word.endswith("ly")
        | CONTRIBUTION_VERB * word.startswith(CONTRIBUTION_VERBS)
        | NUMBER * word.isdigit()
    )
