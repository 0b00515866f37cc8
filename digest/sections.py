"""A structured abstract's section labels: the words that head its parts ("Background: ",
"METHODS ", "Design/methodology/approach: ", "Conclusion(s): "), which are of its format, not
of its topic.

Shared by the stages that read abstracts: summarizing leaves a label out of a paper's line and
takes a structured abstract's line from its conclusion (`summarizing.trimming`); grouping and
labelling leave labels out of the text they group and name papers by (`grouping`).
"""

from __future__ import annotations

import re
from typing import Final

# The back matter of a structured abstract: where the code and data are, whom to write to,
# the registration (Bioinformatics: "Availability and implementation: <the title>:
# https://github.com/...", "Supplementary information: Supplementary data are available at
# ..."). It never states what the paper contributes, however many words of the title it
# repeats.
BACK_MATTER_LABELS: Final = frozenset(
    {"availability", "availability and implementation", "implementation and availability"}
    | {"supplementary information", "supplementary data", "supplementary material"}
    | {"data availability", "code availability", "software availability", "contact"}
    | {"trial registration", "registration", "funding", "keywords", "key words"}
    # medRxiv's preprints: a protocol's (BMJ Open's) ethics, and the key to the authors'
    # initials ("Author name abbreviations: Masahiro Banno (MB), …").
    | {"ethics and dissemination", "ethics & dissemination", "author name abbreviations"}
)
# Where a structured abstract says what its paper found: "Conclusions: Subjects with moderate
# to severe COPD did not benefit from treatment with infliximab." Its objective says only
# what the authors set out to do ("Objectives: To determine if infliximab ... results in
# clinical benefit ..."), its background what was known before, and its frame (design,
# setting, participants) how the study was set up, often in a phrase ("Study design: A
# single center pilot study, open labeled, prospective randomized clinical trial.").
CONCLUSION_LABELS: Final = frozenset(
    {"conclusion", "conclusions", "conclusions and relevance", "interpretation"}
    | {"discussion", "significance"}
    # Spanish, Portuguese, French and German abstracts (SciELO, LILACS, Redalyc, PubMed's
    # other-language abstracts): "Conclusiones: …", "Conclusão: …", "Schlussfolgerung: …".
    | {"conclusión", "conclusiones", "conclusão", "conclusões", "discusión", "discussão"}
    | {"schlussfolgerung", "schlussfolgerungen", "fazit"}
    # Cochrane reviews' (the Library's exports, PubMed's): "Authors' conclusions: …".
    | {"authors' conclusions", "authors\u2019 conclusions", "authors conclusions"}
)
FRAME_LABELS: Final = frozenset(
    {"background", "backgrounds", "introduction", "context", "importance", "motivation"}
    # Spine's: "SUMMARY OF BACKGROUND DATA: There is no clear consensus."
    | {"rationale", "summary of background data"}
    | {"design", "study design", "setting", "settings", "participants", "patients"}
    | {"subjects", "population", "level of evidence", "limitations"}
    | {"introducción", "introdução", "antecedentes", "contexto", "contexte", "hintergrund"}
    | {"diseño", "pacientes", "participantes"}
    | {"research design"}
)
# Structured abstracts (PubMed, Elsevier, many journals) head their parts with a label:
# "METHODS: We ...", "Objective: To ...". The label heads a part of the abstract, not the
# sentence, so the line goes without it, whatever follows it.
SECTION_LABELS: Final = frozenset(
    FRAME_LABELS
    | CONCLUSION_LABELS
    | {"objective", "objectives", "aim", "aims", "purpose", "goal", "goals"}
    | {"aim of the study", "aims of the study", "purpose of the study", "study objective"}
    | {"method", "methods", "methodology", "materials and methods", "methods and materials"}
    | {"interventions", "intervention", "measurements"}
    | {"main outcome measures", "main outcomes and measures", "outcome measures", "approach"}
    | {"design/methodology/approach", "methods/design", "data sources", "study selection"}
    | {"data extraction", "data synthesis", "eligibility criteria", "search methods"}
    | {"result", "results", "findings", "main results", "key findings", "observations"}
    | {"implications", "practical implications", "summary"}
    # ClinicalTrials.gov's records (Embase's copies): "Brief Summary: …", "Detailed
    # Description: …".
    | {"brief summary", "detailed description"}
    | {"originality/value", "research limitations/implications", "clinical relevance"}
    | {"highlights"}
    # Review journals (Current Opinion, PubMed-fed): "PURPOSE OF REVIEW", "RECENT FINDINGS".
    | {"purpose of review", "recent findings", "contribution", "contributions"}
    # Case reports: "Case presentation: A 64-year-old female ...".
    | {"case presentation", "case report", "case description", "case summary"}
    | {"key messages", "key message", "key points", "significance statement"}
    # Environmental Evidence's (BMC) systematic maps and their protocols; the Journal of
    # Leukocyte Biology's one-sentence summary, closing a bioRxiv abstract: headings the
    # loader sets apart (digest.readers.markup), labels to the line too.
    | {"methods and output", "methods and outputs", "review findings", "summary sentence"}
    # Emerald's teaching cases (The CASE Journal): "Research methodology: The case is based
    # on interviews ...", "Case overview/synopsis: ...", "Complexity academic level: ...".
    | {"research methodology", "case overview", "synopsis", "complexity academic level"}
    # Teachers College Record's: "Purpose/Objective/Research Questions/Focus of Study: …",
    # "Research Design: …", "Conclusions/Recommendations: Findings from this study …".
    | {"research question", "research questions", "focus of study", "recommendations"}
    | {"data collection and analysis", "selection criteria", "search strategy"}
    # The other languages' aims, methods and results (their frames and conclusions above).
    | {"objetivo", "objetivos", "objectif", "objectifs", "ziel", "ziele", "fragestellung"}
    | {"método", "métodos", "metodología", "metodologia", "méthodes", "methoden", "methodik"}
    | {"material y métodos", "materiales y métodos", "material e métodos", "materiais e métodos"}
    | {"resultados", "résultats", "ergebnisse"}
    | BACK_MATTER_LABELS
)
# Labels join two of those: "Background and aims: ", "AIMS AND OBJECTIVES ", "Methods/Results:".
LABEL_JOINS = re.compile(r"\s+(?:and|&|y|e|et|und)\s+|\s*/\s*")
# A label may be numbered, as MDPI's parts are ("(2) Methods: In this work, we …").
_LABEL_NUMBER = r"(?:\(\d{1,2}\)\s*|\d{1,2}[.)]\s+)?"
# Embase writes its labels with a plural in brackets: "Result(s): ", "Conclusion(s): ";
# Cochrane's with an apostrophe: "Authors' conclusions: "; Emerald's journals part them from
# their text by a spaced dash: "Purpose \u2013 This paper aims to …", "Findings - The …".
_SECTION_LABEL = re.compile(
    _LABEL_NUMBER
    + r"(?P<label>[^\W\d_](?:[^\W\d_]|[ /&'\u2019-]){1,48}?(?:\(s\))?)"
    + r"(?:\s*:|\s+[-\u2013\u2014])\s+"
)
# The same label in capitals without its colon, before the sentence's first word (Lens and
# PubMed-fed exports: "CONCLUSIONS This study demonstrates …").
_CAPS_SECTION_LABEL = re.compile(
    _LABEL_NUMBER + r"(?P<label>[A-Z][A-Z /&'\u2019-]{1,48}?) (?=[A-Z][a-z]|[A-Z]\b)"
)
# What may be a label where a part of an abstract starts, after a sentence: checked with
# `label_match` (a class of characters is read faster than its labels' pattern).
_PART_LABEL = re.compile(r"(?P<start>[.?!]\s+)(?P<head>[\w ()/&'\u2019-]{2,56}:\s+)")
_CAPS_PART_LABEL = re.compile(r"(?P<start>[.?!]\s+)(?P<head>" + _CAPS_SECTION_LABEL.pattern + ")")

# A label, its number and its colon fit in the first this many characters of a sentence.
LABEL_SEARCH_CHARS: Final = 60
_LABEL_NUMBER_STARTS: Final = frozenset("(0123456789")


def section_label(sentence: str) -> str | None:
    """The section label `sentence` opens with ("METHODS: ", "Objective: ", "CONCLUSIONS "),
    in small letters with single spaces; None when it opens with none."""
    head = sentence[:LABEL_SEARCH_CHARS]
    if ":" not in head and not head[:2].isupper() and head[:1] not in _LABEL_NUMBER_STARTS:
        return None  # most sentences: no label, and no regex tried
    m = label_match(sentence)
    return None if m is None else label_words(m.group("label"))


def label_match(sentence: str) -> re.Match[str] | None:
    """The section label `sentence` opens with, its colon (or Emerald's spaced dash) and the
    space after it, as a match (its `label` group); None when what opens it is no known
    label."""
    m = _SECTION_LABEL.match(sentence) or _CAPS_SECTION_LABEL.match(sentence)
    return m if m is not None and is_section_label(m.group("label")) else None


def drop_section_labels(abstract: str) -> str:
    """`abstract` without the section labels that head its parts ("Purpose: ",
    "Design/methodology/approach: ", "CONCLUSIONS "): words of its format, not of its topic."""
    # Labels follow a sentence, as the first one follows the ". " put before the abstract.
    if ":" in abstract:  # most abstracts have none, and no regex is tried
        abstract = _PART_LABEL.sub(_without_label, ". " + abstract)[2:]
    if abstract[:2].isupper():  # labels in capitals start with one
        abstract = _CAPS_PART_LABEL.sub(_without_label, ". " + abstract)[2:]
    return abstract


def _without_label(m: re.Match[str]) -> str:
    # The head and the two characters after it, that a label in capitals looks ahead to.
    label = label_match(m.string[m.start("head") : m.end() + 2])
    if label is None or label.end() < m.end() - m.start("head"):
        return m.group(0)
    return m.group("start") + " "


def is_section_label(label: str) -> bool:
    """Whether `label` heads a part of a structured abstract: one of `SECTION_LABELS`, or two
    or more of them joined by "and", "&" or "/" ("Background and aims")."""
    return is_label_words(label_words(label))


def label_words(label: str) -> str:
    """A label in small letters with single spaces, its bracketed plural written out
    ("Conclusion(s)" -> "conclusions"), or left out where only the singular is a label
    (Embase's "Discussion(s)" -> "discussion")."""
    words = " ".join(label.lower().split())
    if "(s)" not in words:
        return words
    plural = words.replace("(s)", "s")
    return plural if is_label_words(plural) else words.replace("(s)", "")


def is_label_words(words: str) -> bool:
    """`is_section_label` of a label already in `label_words`' form."""
    return words in SECTION_LABELS or all(
        part in SECTION_LABELS for part in LABEL_JOINS.split(words)
    )
