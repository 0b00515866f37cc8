"""From the chosen sentence to the line a reader sees: verbatim, but to the point.

Two edits are allowed, and nothing else changes a word:
- a leading clause that only links the sentence to the one before it ("To address this
  challenge, ", "In this paper, ", "Here, ", "However, ") is dropped when what is left is a
  complete sentence (it opens with its subject, not with another clause, a conjunction or a
  verb, and has a few words). Its first letter is then capitalised ("we introduce" becomes "We
  introduce"): a reader expects a line to start like a sentence, the words stay the
  abstract's, and the summary keeps the whole sentence beside the line (`Summary.sentence`);
- a line longer than `MAX_LINE_CHARS` is cut after its main clause, at a clause boundary
  (a relative clause, a semicolon or colon, a dash, an apposition to a name, a participle or
  a second predicate, never inside brackets), and ends with an ellipsis. It is never cut inside a
  phrase ("a 280 billion…"): when no boundary follows the main clause, the line stays whole.
  Nor is it cut to a stub: a cut keeps at least 60% of the limit, else a line of up to 1.5
  times the limit stays whole; a longer one is cut where it fits, or at its first boundary.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Final

from digest.cleaning import IDEOGRAPHS
from digest.sections import (
    BACK_MATTER_LABELS,
    CONCLUSION_LABELS,
    FRAME_LABELS,
    LABEL_JOINS,
    LABEL_SEARCH_CHARS,
    is_label_words,
    label_match,
    label_words,
    section_label,
)

# A digest line holds about this many characters; longer lines are cut visibly.
MAX_LINE_CHARS: Final = 200
# A cut keeps at least this share of the limit; a line that cannot be cut so stays whole up
# to the second share (300 characters). Chosen on SciTLDR dev: cutting to a stub ("We
# propose a query-efficient black-box attack…") cost 1.0 ROUGE-1 point with titles.
MIN_CUT_SHARE: Final = 0.6
MAX_WHOLE_SHARE: Final = 1.5
ELLIPSIS: Final = "\u2026"

# Connectives and framings that link a sentence to what came before and say nothing of their
# own. Compared lowercased, without the comma.
LINKING_PHRASES: Final = frozenset(
    {"here", "herein", "thus", "therefore", "hence", "consequently", "accordingly"}
    | {"however", "nevertheless", "nonetheless", "finally", "furthermore", "moreover"}
    | {"additionally", "specifically", "instead", "concretely", "overall", "lastly", "also"}
    | {"further", "next", "then", "first", "second", "third", "firstly", "secondly"}
    | {"in addition", "in particular", "in contrast", "by contrast", "as a result", "in turn"}
    | {"to this end", "to that end", "to do so", "to do this", "in doing so", "by doing so"}
    | {"for this purpose", "for this reason", "to this aim", "to achieve this", "as such"}
    | {"in this regard", "in this context", "in this setting", "in this direction"}
    | {"in this light", "in light of this", "along these lines", "with this in mind"}
    | {"towards this goal", "toward this goal", "towards this end", "toward this end"}
    | {"in the present paper", "in the present work", "in the present study", "in short"}
    | {"in summary", "in conclusion", "to summarize", "to conclude", "in sum", "altogether"}
    | {"first of all", "last but not least", "on the other hand", "more specifically"}
    | {"more precisely", "in other words", "besides", "subsequently", "afterwards"}
    | {"similarly", "likewise", "namely", "conversely", "alternatively"}
)
# "In this paper", "In this work", "In this short paper": the paper speaking of itself.
_FRAMING = re.compile(
    r"(?:in|within|through)\s+(?:this|the\s+present|the\s+current)\s+(?:\w+\s+)?"
    r"(?:paper|work|article|study|report|note|thesis|manuscript|letter|chapter|submission)"
)
_FRAMING_FIRST: Final = frozenset({"in", "within", "through"})
# Clauses of up to this many words that open with one of these and point back with a
# demonstrative are links too: "To address this challenge", "Based on these observations",
# "To facilitate research in this direction", "Motivated by this".
_MAX_LINK_WORDS: Final = 8
_BACK_CLAUSE_OPENERS: Final = frozenset(
    {"to", "in", "for", "with", "on", "as", "based", "given", "motivated", "inspired"}
    | {"building", "following", "towards", "toward", "along", "guided", "driven", "informed"}
    | {"against", "from", "by", "under", "after"}
)
# ("that" is left out: "To show that ..." is no link; "To that end" is one of the phrases.)
_DEMONSTRATIVES: Final = frozenset({"this", "these", "those", "such"})
# A purpose clause that answers a problem the abstract has already named ("To mitigate the
# loss in legibility", "To overcome these issues", "In response to the feedback of ...") is
# a link too, when its object is definite: the problem was stated before, so the clause
# only links the sentence to it. Its verb is one of these, with "to" or "in order to"
# before it; "in response to" counts as one.
RESPONSE_VERBS: Final = frozenset(
    {"address", "mitigate", "alleviate", "overcome", "tackle", "solve", "remedy", "resolve"}
    | {"circumvent", "counter", "counteract", "fix", "ameliorate", "bridge", "close", "fill"}
    | {"combat", "sidestep", "relieve", "eliminate", "avoid", "handle", "deal", "cope"}
    | {"compensate", "lift", "response"}
)
_DEFINITE: Final = frozenset({"the", "its", "their", "both", "such"}) | _DEMONSTRATIVES
# Words after a demonstrative that make it point at the paper itself, or not point at all.
_SELF_NOUNS: Final = frozenset(
    {"paper", "work", "article", "study", "report", "note", "thesis", "manuscript", "letter"}
    | {"chapter", "submission", "as"}
)
# What a batch tests before looking for a link in Python (`digest.summarizing.features`):
# every link opens with one of `LINK_FIRST_WORDS`, and is either one of `ONE_WORD_LINKS` or
# holds one of `LINK_HINT_WORDS` among its first `LINK_HINT_WITHIN` words.
ONE_WORD_LINKS: Final = frozenset(p for p in LINKING_PHRASES if " " not in p)
LINK_FIRST_WORDS: Final = (
    frozenset(p.split()[0] for p in LINKING_PHRASES) | _BACK_CLAUSE_OPENERS | _FRAMING_FIRST
)
LINK_HINT_WORDS: Final = (
    _DEMONSTRATIVES
    | RESPONSE_VERBS
    | {"present", "current", "response"}
    | frozenset(w for p in LINKING_PHRASES for w in p.split()[1:]) - {"a", "the", "of", "to", "in"}
)
LINK_HINT_WITHIN: Final = _MAX_LINK_WORDS + 1
# A remainder is a complete sentence when it opens with its subject, not with another clause,
# a conjunction or a verb: its first word is not one of these.
NOT_SUBJECT_WORDS: Final = (
    _BACK_CLAUSE_OPENERS
    | LINKING_PHRASES
    | {"and", "or", "but", "nor", "so", "yet", "if", "when", "while", "since", "because"}
    | {"although", "though", "whereas", "unless", "until", "once", "despite", "unlike"}
    | {"that", "which", "where", "who", "whom", "whose", "whether", "how", "why", "what"}
    | {"using", "through", "via", "at", "of", "into", "than", "is", "are", "was", "were"}
    | {"be", "been", "being", "can", "could", "may", "might", "will", "would", "should"}
    | {"must", "do", "does", "did", "has", "have", "had", "not", "only", "also", "even"}
    | {"e", "g", "etc", "vs", "cf"}
)
# Subjects after a leading adverbial clause mark where the main clause starts: ", we provide".
SUBJECT_WORDS: Final = frozenset(
    {"we", "our", "this", "these", "the", "a", "an", "it", "its", "they", "their", "there"}
    | {"each", "both", "all", "many", "most", "several", "one", "two", "three", "experiments"}
    | {"results", "such"}
)
# A remainder shorter than this many words is not worth the cut ("Here, we do.").
_MIN_REMAINDER_WORDS: Final = 4

# The clause and its comma or colon, and an enumerator after a colon ("In this paper: (a) We").
_LEADING_CLAUSE = re.compile(
    r"(?P<clause>[^,;:()\[\]\"\u201c]{2,100}?)\s*(?:,|:)\s+(?:\((?:[a-z]|[ivx]+|\d)\)\s+)?"
)
# "Here we", "In this paper we", "Thus we": a link without its comma, before "we".
_MAX_BEFORE_WE: Final = 48
_LEADING_CLAUSE_BEFORE_WE = re.compile(r"(?P<clause>[A-Za-z][A-Za-z ]{1,40}?)\s+(?=we\b)")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


# How far a sentence gives way to the others as the line (see `giving_way`).
TAKEN: Final = 0
GIVES_WAY: Final = 1
BACK_MATTER: Final = 2
# Chinese structured abstracts (CNKI's, Wanfang's) head their parts so, run into the first
# sentence with a space, a colon (a full-width one too) or in brackets: "目的 探讨…",
# "【方法】选择…"; information science journals pair them: "【方法/过程】针对…".
_IDEOGRAPHIC_SECTION_LABEL = re.compile(
    r"[\[\u3010]?(?:(?:目的|背景|目标|方法|材料与方法|资料与方法|对象与方法|结果|结论|讨论|意义)"
    r"(?:/(?:意义|过程|结论))?|创新/局限)"
    rf"(?:[\]\u3011]\s*|\s*[:\uff1a]\s*|\s+)(?=[{IDEOGRAPHS}])"
)
# ... and what must be left after it, in characters (ideographs are words of one or two).
_MIN_REMAINDER_CHARS = 8


def trim_sentence(sentence: str, limit: int = MAX_LINE_CHARS) -> tuple[str, bool]:
    """The line shown for `sentence`: without a structured abstract's section label or a
    leading linking clause, cut to `limit` after its main clause if it is longer, and whether
    it was cut (it then ends with an ellipsis)."""
    return shorten_line(drop_linking_clause(drop_section_label(sentence)), limit)


def drop_section_label(sentence: str) -> str:
    """`sentence` without the section label a structured abstract opens it with ("METHODS: ",
    "Objective: ", "Purpose \u2013 ", or in capitals without a colon: "CONCLUSIONS "; in
    Chinese "目的 "), its first letter capitalised; the sentence itself when it has none, or
    when too little would be left."""
    if not sentence.isascii():
        cjk = _IDEOGRAPHIC_SECTION_LABEL.match(sentence)
        if cjk is not None:
            rest = sentence[cjk.end() :]
            return rest if len(rest) >= _MIN_REMAINDER_CHARS else sentence
    m = label_match(sentence)
    if m is None:
        return sentence
    rest = sentence[m.end() :]
    if len(rest.split(None, _MIN_REMAINDER_WORDS)) < _MIN_REMAINDER_WORDS:
        return sentence
    return _capitalised(rest)


def _capitalised(text: str) -> str:
    """`text` with its first letter in capitals, unless its first word is written with a
    capital after its first letter ("mHealth", "mRNA", "pH", "eGFR"): that word keeps its
    case ("MHealth interventions" would be no word)."""
    first_word = text.lstrip().partition(" ")[0]
    if any(ch.isupper() for ch in first_word[1:]):
        return text
    return text[0].upper() + text[1:]


def giving_way(sentences: Sequence[str]) -> list[int]:
    """For each sentence of one abstract, how far it gives way to the others as the line:
    `TAKEN`, `GIVES_WAY`, or `BACK_MATTER` (never the line while another sentence may be).

    The back matter gives way in any abstract. A structured abstract (two labelled parts or
    more besides its back matter) with a conclusion ("Conclusions: ...", "Conclusions and
    implications: ...") gives its line from the conclusion: every other sentence gives way.
    One without a conclusion gives way in its background and frame ("Motivation: ...",
    "Background: ...", "Study design: ...", and what comes before its first label) to its
    other parts. A label that is a sentence of its own ("OBJECTIVE.") heads the part after
    it and gives way itself."""
    headings = [_heading(sentence) for sentence in sentences]
    labels = [h or section_label(s) for h, s in zip(headings, sentences, strict=True)]
    parts: list[str | None] = list(itertools.accumulate(labels, _part_of))
    ways = [
        BACK_MATTER if part in BACK_MATTER_LABELS else GIVES_WAY if heading else TAKEN
        for part, heading in zip(parts, headings, strict=True)
    ]
    if sum(label is not None and label not in BACK_MATTER_LABELS for label in labels) < 2:
        return ways
    taken = [_is_conclusion(part) for part in parts]
    if not any(taken):
        taken = [not _is_frame(part) for part in parts]
    return [way if way or take else GIVES_WAY for way, take in zip(ways, taken, strict=True)]


def _heading(sentence: str) -> str | None:
    """The label a sentence is, when it is nothing but a label with a full stop or colon, as
    some journals head their parts ("OBJECTIVE.", "Background."); None otherwise."""
    if len(sentence) > LABEL_SEARCH_CHARS or sentence[-1:] not in (".", ":"):
        return None
    label = label_words(sentence[:-1])
    return label if label[:1].isalpha() and is_label_words(label) else None


def _part_of(part: str | None, label: str | None) -> str | None:
    """The part a sentence labelled `label` is in, after a sentence in `part`."""
    return label or part


def _is_conclusion(label: str | None) -> bool:
    """Whether a part labelled `label` is the abstract's conclusion: a joined label is named
    by its first part ("Conclusions/importance", not "Results and conclusions", which holds
    the results, nor Emerald's "Research limitations/implications")."""
    return label is not None and LABEL_JOINS.split(label)[0] in CONCLUSION_LABELS


def _is_frame(label: str | None) -> bool:
    """Whether a part labelled `label` holds only the background or frame of the study (not
    "Background and aims"); what comes before the first label does too."""
    return label is None or all(word in FRAME_LABELS for word in LABEL_JOINS.split(label))


def drop_linking_clause(sentence: str) -> str:
    """`sentence` without its leading linking clauses, its first letter capitalised; the
    sentence itself when it has none, or when what would be left is not a sentence."""
    end = linking_clause_end(sentence)
    if not end:
        return sentence
    return _capitalised(sentence[end:])


def linking_clause_end(sentence: str) -> int:
    """Where the leading linking clauses of `sentence` end (0: none to drop).

    Up to two links are dropped ("However, here we show"), and only if the rest opens with
    its subject."""
    end = valid = 0
    for _ in range(2):
        first = _WORD.match(sentence, end)
        if first is None or first.group().lower() not in LINK_FIRST_WORDS:
            break
        link = _link_at(sentence, end)
        if not link:
            break
        end = link
        if _is_sentence(sentence, end):
            valid = end
    return valid


def _link_at(sentence: str, start: int) -> int:
    """The end of a linking clause starting at `start`, or 0."""
    m = _LEADING_CLAUSE.match(sentence, start)
    if m is not None and _is_link(m.group("clause")):
        return m.end()
    if sentence.find(" we ", start, start + _MAX_BEFORE_WE) < 0:
        return 0
    m = _LEADING_CLAUSE_BEFORE_WE.match(sentence, start)
    if m is not None and _is_link(m.group("clause")):
        return m.end()
    return 0


# Links repeat from abstract to abstract ("In this paper", "However", "To this end").
@functools.lru_cache(maxsize=8192)
def _is_link(clause: str) -> bool:
    lowered = " ".join(clause.lower().split())
    if lowered in LINKING_PHRASES:
        return True
    first = lowered.partition(" ")[0]
    if first in _FRAMING_FIRST and _FRAMING.fullmatch(lowered):
        return True
    if first not in _BACK_CLAUSE_OPENERS:
        return False
    words = _WORD.findall(lowered)
    # A clause with a subject of its own holds the main clause ("To this end we propose a
    # novel framework, ETF, to enrich …"): the link is the words before "we", if any.
    if len(words) > _MAX_LINK_WORDS or "we" in words:
        return False
    if _is_response(words):
        return True
    # The clause points back: a demonstrative not about the paper itself ("this challenge",
    # "in this direction", "motivated by this").
    return any(
        w in _DEMONSTRATIVES and (i + 1 == len(words) or words[i + 1] not in _SELF_NOUNS)
        for i, w in enumerate(words)
        if i > 0
    )


def _is_response(words: list[str]) -> bool:
    """ "to/in order to <response verb> (with) <definite> ...", "in response to <definite>"."""
    if words[:3] == ["in", "order", "to"]:
        words = words[2:]
    if words[:3] == ["in", "response", "to"]:
        rest = words[3:]
    elif words[:1] == ["to"] and words[1:2] and words[1] in RESPONSE_VERBS:
        rest = words[2:]
        if rest[:1] == ["with"]:
            rest = rest[1:]
    else:
        return False
    return bool(rest) and rest[0] in _DEFINITE


def _is_sentence(sentence: str, start: int) -> bool:
    first = _WORD.match(sentence, start)
    if first is None or first.start() != start or not sentence[start].isalpha():
        return False
    if len(sentence[start:].split(None, _MIN_REMAINDER_WORDS)) < _MIN_REMAINDER_WORDS:
        return False
    return first.group().lower() not in NOT_SUBJECT_WORDS


# --- shortening --------------------------------------------------------------------------

# Words that open a clause or a phrase of its own after a comma: relative and subordinate
# clauses, participles, examples. (", and" and ", or" count before what `_AFTER_AND` lists;
# ", a" only after a name: "Codex, a GPT language model".)
_AFTER_COMMA: Final = frozenset(
    {"which", "where", "whereas", "while", "but", "thereby", "thus", "so", "such", "i", "e"}
    | {"including", "allowing", "enabling", "leading", "resulting", "making", "yielding"}
    | {"achieving", "outperforming", "improving", "showing", "demonstrating", "using"}
    | {"when", "since", "because", "although", "though", "without", "namely", "whose", "who"}
    | {"providing", "reaching", "requiring", "giving", "based", "with", "via", "by"}
    | {"especially", "particularly", "respectively"}
)
_LIST_OPENERS: Final = frozenset({"namely", "including", "such", "especially", "e", "i"})
_APPOSITION_WORDS: Final = frozenset({"a", "an", "the"})
_COORDINATORS: Final = frozenset({"and", "or"})
# A cut never leaves one of these last: they need what follows ("as the VAE, but…").
_DANGLING: Final = frozenset(
    {"and", "or", "but", "that", "which", "the", "a", "an", "of", "to", "in", "for", "with"}
    | {"by", "on", "as", "from", "at", "into", "than", "nor", "whether", "how", "is", "are"}
    | {"i.e", "e.g", "viz", "cf", "namely", "including", "such", "like"}
    # "… which can be seen as layered upon, but not fully replacing, earlier paradigms".
    | {"upon", "onto", "via", "within", "among", "between", "across", "toward", "towards"}
    | {"against", "during", "without", "through", "versus", "despite", "unlike"}
)
# After "and": a new clause (a subject, a connective) or a second predicate (a verb).
_AFTER_AND: Final = frozenset(
    {"we", "it", "they", "this", "these", "thus", "therefore", "hence", "so", "then", "also"}
    | {"show", "shows", "demonstrate", "demonstrates", "find", "finds", "evaluate", "evaluates"}
    | {"propose", "proposes", "introduce", "introduces", "present", "presents", "achieve"}
    | {"achieves", "provide", "provides", "refine", "refines", "apply", "applies", "use"}
    | {"uses", "release", "releases", "study", "studies", "analyze", "analyzes", "prove"}
    | {"proves", "derive", "derives", "obtain", "obtains", "outperform", "outperforms"}
    | {"validate", "validates", "discuss", "discusses", "compare", "compares", "test", "tests"}
    | {"describe", "describes", "develop", "develops", "explore", "explores", "investigate"}
    | {"investigates", "examine", "examines", "identify", "identifies", "report", "reports"}
    | {"improve", "improves", "reduce", "reduces", "perform", "performs", "extend", "extends"}
    | {"establish", "establishes", "offer", "offers", "enable", "enables", "allow", "allows"}
    | {"illustrate", "illustrates", "highlight", "highlights", "suggest", "suggests"}
    | {"leverage", "leverages", "exploit", "exploits", "combine", "combines", "learn", "learns"}
    | {"incorporate", "incorporates", "generate", "generates", "produce", "produces"}
    | {"employ", "employs", "adapt", "adapts", "support", "supports", "capture", "captures"}
    | {"predict", "predicts", "train", "trains", "require", "requires", "yield", "yields"}
    | {"avoid", "avoids", "open", "opens", "make", "makes", "can", "may", "will", "is", "are"}
)
# Words that open a clause without a comma before them.
_BARE_CLAUSE_WORDS: Final = frozenset({"which", "where", "whereby", "while", "thereby"})
# A main clause of this many words at least before a cut, when its verb is not known.
_MIN_MAIN_WORDS: Final = 6
# Between the verb of "we propose" and a cut, at least this many words (its object).
_MIN_OBJECT_WORDS: Final = 2
_COMPLEMENTIZERS: Final = frozenset({"that", "how", "whether", "why", "what", "if", "when"})
_OPENING_BRACKETS: Final = "([{"
_CLOSING_BRACKETS: Final = ")]}"
_CUT_STRIP: Final = " ,;:-\u2013\u2014"
_CLOSERS: Final = ")]}\"'\u201d\u2019"
_INSERTS: Final = frozenset({"also", "here", "first", "further", "then", "now", "additionally"})
_ADVERBIAL_OPENERS: Final = _BACK_CLAUSE_OPENERS | frozenset(
    {"using", "through", "via", "despite", "although", "while", "unlike", "since", "because"}
    | {"when", "if", "although", "whereas", "beyond", "compared", "due", "once"}
)


def shorten_line(line: str, limit: int = MAX_LINE_CHARS) -> tuple[str, bool]:
    """`line` if it fits in `limit` characters, else `line` cut after its main clause at a
    clause boundary, with an ellipsis, and True.

    The boundary chosen is the last one whose cut fits, if that cut keeps at least
    `MIN_CUT_SHARE` of the limit. A line that cannot be cut that well stays whole up to
    `MAX_WHOLE_SHARE` of the limit (a stub such as "We show that it is possible to bypass
    these limitations…" loses the point); a longer one is cut at the last boundary that fits,
    or if none fits, at the first one after the main clause. Without a boundary after the
    main clause, the line is left whole (False)."""
    if len(line) <= limit:
        return line, False
    earliest = _main_clause_end(line)
    fits = first = None  # the last boundary whose cut fits, and the first one
    for boundary in _clause_boundaries(line):
        if boundary < earliest:
            continue
        first = boundary if first is None else first
        if boundary + len(ELLIPSIS) > limit:
            break
        fits = boundary
    if fits is not None and fits >= limit * MIN_CUT_SHARE:
        cut = fits
    elif len(line) <= limit * MAX_WHOLE_SHARE or first is None:
        return line, False
    else:
        cut = first if fits is None else fits
    text = line[:cut].rstrip(_CUT_STRIP)
    return text + ELLIPSIS, True


def shorten_sentence(sentence: str, limit: int = MAX_LINE_CHARS) -> tuple[str, bool]:
    """The same as `shorten_line`: a sentence is shortened like any line."""
    return shorten_line(sentence, limit)


# The first words of a main clause after a leading adverbial clause: ", we provide".
_SUBJECT_AFTER_COMMA = re.compile(
    r",\s+(?=(?:" + "|".join(sorted(SUBJECT_WORDS - {"such", "a", "an", "the"})) + r")\b)",
    re.IGNORECASE,
)
# Where a clause or phrase may start: the closers of the word before (they stay with the cut
# text), then a semicolon or colon, a spaced dash, a comma and the next two words, or a bare
# clause word ("which", "and", "by") and the word after it.
# The closing marks are taken from the first of a run only, and all of them: tried from
# each mark of a long run (U+2019 repeated, no gap after), it took time quadratic in its length.
_GAP = re.compile(
    r"(?<![)\]}\"'\u201d\u2019])(?P<close>[)\]}\"'\u201d\u2019]*+)"
    r"(?:[;:](?=\s)"
    r"|\s(?:--|\u2014|\u2013|-)\s"
    r"|,\s+(?P<word>[^\W_]+)(?:\W+(?P<after>[^\W_]+))?"
    r"|\s+(?P<bare>which|where|whereby|while|thereby|and|by)\s+(?P<bare_after>[^\W_]+))"
)
# Enough words to find the main clause's verb and object (see `_main_clause_end`).
_WORDS_FOR_VERB: Final = 12


def _main_clause_end(line: str) -> int:
    """The earliest character offset at which the main clause is complete: its verb and a
    couple of words of object for "we propose X", else a few words from its start."""
    start = _main_clause_start(line)
    found = list(itertools.islice(_WORD.finditer(line, start), _WORDS_FOR_VERB))
    if not found:
        return len(line)
    words = [m.end() for m in found]
    texts = [m.group().lower() for m in found]
    verb = None
    if texts[:1] == ["we"]:
        verb = 1
    elif len(texts) >= 2 and texts[0] in ("this", "our") and texts[1] in _SELF_NOUNS:
        verb = 2
    if verb is not None:
        if verb < len(texts) and texts[verb] in _INSERTS:
            verb += 1
        last = verb + _MIN_OBJECT_WORDS
        # "We show that X does Y": the object is a clause, whose own verb comes later.
        if verb + 1 < len(texts) and texts[verb + 1] in _COMPLEMENTIZERS:
            last = verb + 1 + _MIN_MAIN_WORDS
    else:
        last = _MIN_MAIN_WORDS - 1
    return words[min(last, len(words) - 1)]


def _main_clause_start(line: str) -> int:
    """The character offset where the main clause starts: after a leading adverbial clause
    ("In response to ..., we provide"), else 0."""
    first = _WORD.match(line)
    if first is None or first.group().lower() not in _ADVERBIAL_OPENERS:
        return 0
    brackets = _Brackets(line)
    for m in _SUBJECT_AFTER_COMMA.finditer(line):
        if not brackets.around(m.start()):
            return m.end()
    return 0


class _Brackets:
    """Whether offsets of a line, asked in increasing order, are inside brackets: more opened
    than closed before them. Each stretch of the line is counted once; counted from the
    line's start for each offset, a line of many commas took time quadratic in its length."""

    def __init__(self, line: str) -> None:
        self._line = line
        self._counted = 0
        self._depth = 0

    def around(self, at: int) -> bool:
        line, start = self._line, self._counted
        self._depth += sum(line.count(b, start, at) for b in _OPENING_BRACKETS)
        self._depth -= sum(line.count(b, start, at) for b in _CLOSING_BRACKETS)
        self._counted = at
        return self._depth > 0


def _clause_boundaries(line: str) -> Iterator[int]:
    """Character offsets where a cut leaves whole clauses and phrases before it: before a
    comma that opens a clause or an apposition to a name, a semicolon, a colon, a spaced
    dash, "which"/"where", "by" + -ing, or "and" before a new clause or predicate; never
    inside brackets, and never right after a word that needs what follows ("of", "but")."""
    listed = ""  # the first word after the previous comma
    brackets = _Brackets(line)
    # The last space before `searched` (-1: none), looked for only after it the next time.
    space, searched = -1, 0
    for m in _GAP.finditer(line):
        cut = m.end("close")
        word = (m.group("word") or "").lower()
        # ", withstanding hazards, identifying hazards": a list of -ing phrases, no clauses.
        in_list = word.endswith("ing") and listed.endswith("ing")
        if word:
            listed = (m.group("after") or "").lower() if word in _LIST_OPENERS else word
        space = max(space, line.rfind(" ", searched, m.start()))
        searched = m.start()
        before = line[space + 1 : m.start()]
        inside = brackets.around(cut)
        if not before or in_list or inside:
            continue
        if before.strip(_CUT_STRIP + _CLOSERS + "(.").lower() in _DANGLING:
            continue
        if _opens_clause(m, line[cut - 1]):
            yield cut


def _opens_clause(m: re.Match[str], last_char: str) -> bool:
    """Whether the gap matched by `_GAP` starts a clause or phrase; `last_char` ends the
    text before it."""
    bare = m.group("bare")
    if bare is not None:
        after = m.group("bare_after").lower()
        return (
            bare in _BARE_CLAUSE_WORDS
            or (bare == "and" and after in _AFTER_AND)
            or (bare == "by" and after.endswith("ing"))
        )
    word = m.group("word")
    if word is None:  # a semicolon, a colon or a dash
        return True
    word, after = word.lower(), (m.group("after") or "").lower()
    if word in _APPOSITION_WORDS:
        # An apposition after a name: the name ends in a capital or digit, or a bracket.
        return bool(m.group("close")) or last_char.isupper() or last_char.isdigit()
    return (
        word in _AFTER_COMMA
        or (word in _COORDINATORS and after in _AFTER_AND)
        or (word.endswith("ing") and len(word) > 5)  # a participle: ", avoiding the"
    )
