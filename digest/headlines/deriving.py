"""Headlines: the stage's entry points, one paper or many at once.

The paper's own title (in sentence case when it came in capitals), else the contribution's
name with its description, else the best phrase, else a key phrase.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from digest.cycles import collector_paused
from digest.headlines.key_phrases import key_phrase
from digest.headlines.names import (
    adds_to_name,
    contribution_name,
    described_parts,
    description_of,
    holds_name,
)
from digest.headlines.phrases import best_phrase, best_phrases
from digest.headlines.words import AIM_SENTENCES, MAX_HEADLINE_WORDS, capitalise, classify
from digest.models import Paper
from digest.readers.records import in_capitals
from digest.sentences import STOP_WORDS, split_sentences

# Only the first sentences are searched: a pasted book must not cost more than an abstract.
MAX_SENTENCES: Final = 40
UNTITLED: Final = "Untitled"


_WHITESPACE = re.compile(r"\s+")


def derive_headline(
    paper: Paper, *, sentences: Sequence[str] | None = None, focus: int | None = None
) -> str:
    """The title if the paper has one, else a title-like headline made of the abstract's words.

    `sentences` may pass the abstract already split, to save splitting it twice; `focus` the
    index among them of the sentence that states the contribution, where the headline is
    looked for first. (`derive_headlines` derives many at once.)
    """
    title = _own_title(paper)
    if title is not None:
        return title
    if sentences is None:
        sentences = split_sentences(paper.abstract, limit=MAX_SENTENCES)
    sentences = list(sentences[:MAX_SENTENCES])
    return headline_of(sentences, focus) or UNTITLED


def derive_headlines(
    papers: Sequence[Paper], sentence_lists: Sequence[Sequence[str]], foci: Sequence[int | None]
) -> list[str]:
    """`derive_headline` of each paper, given its abstract split into sentences and its focus
    sentence: for many papers at once, the same headlines at a fraction of the cost, as the
    sentences their phrases come from are tagged together and their words' title odds
    weighed together (see `best_phrases`)."""
    headlines = [_own_title(paper) for paper in papers]
    untitled = [i for i, title in enumerate(headlines) if title is None]
    with collector_paused():
        derived = headlines_of(
            [(list(sentence_lists[i][:MAX_SENTENCES]), foci[i]) for i in untitled]
        )
    for i, headline in zip(untitled, derived, strict=True):
        headlines[i] = headline
    return [headline or UNTITLED for headline in headlines]


def _own_title(paper: Paper) -> str | None:
    """The paper's title on one line, if it has one, without the full stop bibliographic
    databases end titles with (MEDLINE, PsycNET, Web of Science: "Family functioning in
    bipolar I disorder."), which a headline followed by its summary ("Title.: …") does not
    want; a stop that ends an abbreviation ("Bacillus sp.", "the U.S.", "et al.") stays. A
    colon that ends it, with nothing after it, goes too."""
    if not (paper.title and paper.title.strip()):
        return None
    title = _WHITESPACE.sub(" ", paper.title).strip()
    if title.endswith(":"):  # IGI Global's in Crossref, the subtitle after it left out
        title = title[:-1].rstrip()
    if _in_capitals(title):
        title = _sentence_cased(title, paper.abstract)
    if not title.endswith(".") or title.endswith(".."):
        return title
    last = title[:-1].rsplit(" ", 1)[-1].casefold()
    if "." in last or last.lstrip("([") in _ABBREVIATIONS:
        return title
    return title[:-1]


def _in_capitals(title: str) -> bool:
    """Whether the whole title is in capitals, as older Web of Science and some Crossref
    records write it ("PHENOMICS: THE SYSTEMATIC STUDY OF PHENOTYPES")."""
    words = _TITLE_WORD.findall(title)
    return len(words) >= _MIN_WORDS and title.upper() == title != title.lower()


# A shorter title in capitals is more likely a name ("BERT", "GLUE BENCHMARK") than shouting.
_MIN_WORDS: Final = 3
_TITLE_WORD = re.compile(r"[^\W_]+")
# Where a word of the abstract opens a sentence, its capital says nothing of its spelling.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)$")


def _sentence_cased(title: str, abstract: str) -> str:
    """A title in capitals as a sentence would spell it: each word as the abstract spells it
    inside a sentence ("PAC-Bayesian", "DNA", "Twitter"), else in small letters unless it
    cannot be read as a word ("CNN"); the first letter a capital. Shouted titles are hard to
    read among the others, and the abstract knows which capitals are the authors'.

    A word is spelled as the abstract spells it beside the same neighbour where it can be:
    "GREAT-BARRIER-REEF" is "Great-Barrier-Reef" in an abstract that writes "the Great
    Barrier Reef" once and "reef flats" twice. An abstract in capitals too (a bibliometrix
    data frame's) spells nothing: the title's words are then in small letters but for those
    that cannot be read as words and those a hyphen joins to a number ("COVID-19")."""
    shouted = in_capitals(abstract)
    words = [] if shouted else list(_TITLE_WORD.finditer(abstract))
    spellings: dict[str, Counter[str]] = {}
    pairs: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
    for i, m in enumerate(words):
        word = m.group()
        if (len(word) > 1 and word.isupper()) or not _SENTENCE_START.search(
            abstract[max(0, m.start() - 3) : m.start()]
        ):
            spellings.setdefault(word.casefold(), Counter())[word] += 1
            after = words[i + 1] if i + 1 < len(words) else None
            if after is not None and _JOINED.fullmatch(abstract, m.end(), after.start()):
                key = (word.casefold(), after.group().casefold())
                pairs.setdefault(key, Counter())[word, after.group()] += 1

    title_words = list(_TITLE_WORD.finditer(title))
    # Each pair of neighbours in the title that the abstract writes too: how often, and how.
    joined: list[tuple[int, tuple[str, str]] | None] = [
        _pair_spelling(pairs, left, right)
        if _JOINED.fullmatch(title, left.end(), right.start())
        else None
        for left, right in itertools.pairwise(title_words)
    ]

    def spelled(i: int, word: re.Match[str]) -> str:
        before = joined[i - 1] if i > 0 else None
        after = joined[i] if i < len(joined) else None
        if before is not None and (after is None or before[0] >= after[0]):
            return before[1][1]
        if after is not None:
            return after[1][0]
        known = spellings.get(word.group().casefold())
        if known:
            return known.most_common(1)[0][0]
        if _UNREADABLE.fullmatch(word.group()) or (shouted and _numbered(title, word)):
            return word.group()
        return word.group().lower()

    cased = list(title)
    for i, m in reversed(list(enumerate(title_words))):
        cased[m.start() : m.end()] = spelled(i, m)
    return capitalise("".join(cased))


def _numbered(title: str, word: re.Match[str]) -> bool:
    """Whether a hyphen joins the word to a number ("COVID-19", "SARS-COV-2", "IL-6")."""
    start = title.rfind(" ", 0, word.start()) + 1
    end = title.find(" ", word.end())
    chunk = title[start : end if end >= 0 else len(title)]
    return "-" in chunk and any(ch.isdigit() for ch in chunk)


def _pair_spelling(
    pairs: dict[tuple[str, str], Counter[tuple[str, str]]],
    left: re.Match[str],
    right: re.Match[str],
) -> tuple[int, tuple[str, str]] | None:
    """How often the abstract writes the two words `left` and `right` side by side, and its
    most usual spelling of them; None if it never does."""
    known = pairs.get((left.group().casefold(), right.group().casefold()))
    if not known:
        return None
    return known.total(), known.most_common(1)[0][0]


# Two words side by side: a space or a hyphen between them.
_JOINED: Final = re.compile(r"[ -]")


# A word of the title that the abstract does not use stays in capitals if it cannot be read
# as a word: no vowel, or a digit ("CNN", "LSTM", "3D", "H2O").
_UNREADABLE: Final = re.compile(r"[^AEIOUY]+|.*\d.*")


# Words that end a title with their own stop.
_ABBREVIATIONS = frozenset((
    "al", "etc", "sp", "spp", "subsp", "var", "cf", "inc", "ltd", "co", "corp", "vs", "jr",
    "sr", "st", "no", "vol", "eds", "ed", "approx", "fig",
))  # fmt: skip


def headline_of(sentences: list[str], focus: int | None = None) -> str | None:
    """A headline of about 4 to 10 words where the abstract gives one, as a title would read.

    - What the paper names, with what it is: "GSM8K: a dataset of grade school math word
      problems" (the name's apposition, else the best phrase).
    - Else its best phrase (see `best_phrase`): "Generalization of neural networks on small
      algorithmically generated datasets".
    Failing all that, a short key phrase.
    """
    name = contribution_name(sentences[:AIM_SENTENCES])
    described = description_of(name, sentences) if name else None
    if name and described:
        return f"{name}: {' '.join(described)}"
    return _headline_with(name, best_phrase(sentences, focus), (sentences, focus))


def headlines_of(abstracts: Sequence[tuple[list[str], int | None]]) -> list[str | None]:
    """`headline_of` of each abstract (its sentences and focus), the best phrases of all
    that need one found at once (`best_phrases`)."""
    headlines: list[str | None] = [None] * len(abstracts)
    names = [contribution_name(sentences[:AIM_SENTENCES]) for sentences, _ in abstracts]
    parts = {
        part: None
        for name, (sentences, _) in zip(names, abstracts, strict=True)
        if name
        for part in described_parts(name, sentences)
    }
    classified = dict(zip(parts, classify(list(parts)).sentences, strict=True))
    phrased: list[int] = []
    for i, (name, (sentences, _)) in enumerate(zip(names, abstracts, strict=True)):
        described = description_of(name, sentences, classified.__getitem__) if name else None
        if name and described:
            headlines[i] = f"{name}: {' '.join(described)}"
        else:
            phrased.append(i)
    bests = best_phrases([abstracts[i] for i in phrased])
    for i, best in zip(phrased, bests, strict=True):
        headlines[i] = _headline_with(names[i], best, abstracts[i])
    return headlines


def _headline_with(
    name: str | None, best: list[str] | None, abstract: tuple[list[str], int | None]
) -> str | None:
    """The headline of an abstract whose name, if it has one, comes without a description,
    given its best phrase."""
    if name:
        if best and holds_name(best, name):
            # "Y-learner for estimating heterogeneous treatment effects": the name in its
            # phrase says it better than "Y-learner: Y-learner for ...".
            return capitalise(" ".join(best)) if len(best) > len(name.split()) else name
        if (
            best
            and adds_to_name(best, name)
            and len(name.split()) + len(best) <= MAX_HEADLINE_WORDS
        ):
            return f"{name}: {' '.join(best)}"
        return name
    if best:
        return capitalise(" ".join(_with_designation(best, abstract[0])))
    return key_phrase(*abstract)


# A catalogue's prefix ("NGC", "HD", "GRB", "SN", "Mkn", "Fe XIII") and the number after it
# name one object: a phrase stops before numbers, so it ends on the prefix ("Evolution of the
# Galactic globular cluster NGC") unless the number is put back.
_PREFIX: Final = re.compile(r"[A-Z][A-Za-z]{0,4}")
# ... not a measure ("the WISE 22 μm band").
_DESIGNATION: Final = (
    r"\s+([+-]?\d[\w+-]*(?:\.\d+)?)(?![\w+-])"
    r"(?!\s*(?:~\s*)?(?:[μu]m|nm|mm|cm|km|[kM]?pc|[kMG]?Hz|[kMGT]?eV|Å|K)\b)"
)


def _with_designation(words: list[str], sentences: Sequence[str]) -> list[str]:
    """`words`, with the number the abstract writes after its last word when that word is a
    catalogue's prefix ("NGC" -> "NGC 6397"); past the headline's length, without the prefix
    instead (and any word left dangling), so that no name is cut in two."""
    if len(words) < 2 or not _PREFIX.fullmatch(words[-1]):
        return words
    tail = r"\s+".join(map(re.escape, words[-2:])) + _DESIGNATION
    found = next((m for s in sentences if (m := re.search(tail, s))), None)
    if found is None:
        return words
    if len(words) < MAX_HEADLINE_WORDS:
        return [*words, found.group(1)]
    # The whole prefix goes ("Fe XIII"), and the words it leaves dangling ("of the").
    kept = words[:-1]
    while len(kept) > 1 and (_PREFIX.fullmatch(kept[-1]) or kept[-1].lower() in STOP_WORDS):
        kept.pop()
    return kept
