"""From the chosen sentence to the reader's line: links dropped, long lines cut after the point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.sections import drop_section_labels
from digest.sentences import split_sentences
from digest.summarizing import trimming
from digest.summarizing.trimming import (
    ELLIPSIS,
    MAX_LINE_CHARS,
    MAX_WHOLE_SHARE,
    MIN_CUT_SHARE,
    drop_linking_clause,
    drop_section_label,
    linking_clause_end,
    shorten_line,
    trim_sentence,
)

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "bench" / "scitldr" / "dev.jsonl"

GOPHER = (
    "In this paper, we present an analysis of Transformer-based language model performance "
    "across a wide range of model scales -- from models with tens of millions of parameters "
    "up to a 280 billion parameter model called Gopher."
)
ML_SAFETY = (
    "In response to emerging safety challenges in ML, such as those introduced by recent "
    "large-scale models, we provide a new roadmap for ML Safety and refine the technical "
    "problems that the field needs to address."
)
PPG = (
    "We introduce Phasic Policy Gradient (PPG), a reinforcement learning framework which "
    "modifies traditional on-policy actor-critic methods by separating policy and value "
    "function training into distinct phases."
)
HER = (
    "We present a novel technique called Hindsight Experience Replay which allows "
    "sample-efficient learning from rewards which are sparse and binary and therefore avoid "
    "the need for complicated reward engineering."
)
BOX_WORLD = (
    "We introduce an approach for deep reinforcement learning (RL) that improves upon the "
    "efficiency, generalization capacity, and interpretability of conventional approaches "
    "through structured perception and relational reasoning."
)


# --- dropping a leading clause that only links ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        (
            "To address this challenge, we introduce the Beyond the Imitation Game benchmark "
            "(BIG-bench).",
            "We introduce the Beyond the Imitation Game benchmark (BIG-bench).",
        ),
        (
            "In response to this challenge, we formulate automatic dialogue evaluation as a "
            "learning problem.",
            "We formulate automatic dialogue evaluation as a learning problem.",
        ),
        ("In this paper, we propose a parser for tables.", "We propose a parser for tables."),
        ("Here, we propose a parser for tables.", "We propose a parser for tables."),
        ("Here we propose a parser for tables.", "We propose a parser for tables."),
        (
            "In this work we show how to make these algorithms batch size-invariant.",
            "We show how to make these algorithms batch size-invariant.",
        ),
        ("However, here we show that parsers fail.", "We show that parsers fail."),
        (
            "In this paper: (a) We perform the first large-scale study of curiosity.",
            "We perform the first large-scale study of curiosity.",
        ),
        (
            "To facilitate research in this direction, we propose this second iteration of the "
            "MineRL Competition.",
            "We propose this second iteration of the MineRL Competition.",
        ),
        ("Motivated by this, our parser reads tables.", "Our parser reads tables."),
        # A purpose clause answering a problem named before ("the loss" of legibility).
        (
            "To mitigate the loss in legibility, we propose a training algorithm inspired by "
            "Prover-Verifier Game from Anil et al. (2021).",
            "We propose a training algorithm inspired by Prover-Verifier Game from Anil et al. "
            "(2021).",
        ),
        (
            "In order to overcome these issues, we propose a parser for tables.",
            "We propose a parser for tables.",
        ),
        (
            "To deal with the noise, we propose a parser for tables.",
            "We propose a parser for tables.",
        ),
        (
            "In response to the demand, we propose a parser for tables.",
            "We propose a parser for tables.",
        ),
        ("First of all, it introduces a suite of tasks.", "It introduces a suite of tasks."),
        ("On the other hand, we show that parsers fail.", "We show that parsers fail."),
        ("However, existing parsers fail on tables.", "Existing parsers fail on tables."),
        ("Finally, BERT fails on tables too.", "BERT fails on tables too."),
        # The link ends before "we", not at the first comma: the clause up to the comma holds
        # the main clause, and dropping it left "TabX, to read …", no sentence.
        (
            "To this end we propose a novel parser, TabX, to read tables from scanned invoices.",
            "We propose a novel parser, TabX, to read tables from scanned invoices.",
        ),
        (
            "To address this issue we introduce TabX, a parser for scanned invoices.",
            "We introduce TabX, a parser for scanned invoices.",
        ),
        # Connectives that compare the sentence with the one before it, or spell it out.
        (
            "Similarly, in this paper, we propose to parse tables by playing against them.",
            "We propose to parse tables by playing against them.",
        ),
        (
            "Namely, this paper presents a study of a parser with a human-like robot.",
            "This paper presents a study of a parser with a human-like robot.",
        ),
        ("Conversely, we also study how parsers fail.", "We also study how parsers fail."),
        ("Likewise, we parse lists by their bullets.", "We parse lists by their bullets."),
        ("Alternatively, a parser may read the table twice.", "A parser may read the table twice."),
    ],
)
def test_a_linking_clause_is_dropped_and_the_rest_kept_word_for_word(
    sentence: str, line: str
) -> None:
    assert drop_linking_clause(sentence) == line
    # Word for word: only the first letter's case may change.
    rest = sentence[linking_clause_end(sentence) :]
    assert line[1:] == rest[1:]
    assert line[0] == rest[0].upper()


@pytest.mark.parametrize(
    "sentence",
    [
        # A clause with content of its own, not a link to the sentence before.
        "To diagnose the failures of current models and support research, we introduce GSM8K, "
        "a dataset of 8.5K high quality linguistically diverse grade school math word problems.",
        ML_SAFETY,
        "Given that parsers fail, we propose a new one.",
        # A purpose clause with a problem of its own, not one named before.
        "To solve a puzzle, we propose a parser for tables.",
        "To mitigate loss of legibility, we propose a training algorithm.",
        "To address the challenge of reading tables from scanned invoices in twelve languages, "
        "we propose a parser.",
        "For example, BERT fails on tables.",
        # What would be left is not a sentence on its own.
        "However, in practice, parsers fail on tables.",
        "However, which parser fails is unclear.",
        "Here, we do.",
        "In this paper, k",
        # No clause at all.
        "We propose a parser for tables.",
        "This paper presents a parser for tables.",
    ],
)
def test_other_openings_stay(sentence: str) -> None:
    assert drop_linking_clause(sentence) == sentence
    assert linking_clause_end(sentence) == 0


# --- structured abstracts' section labels -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        (
            "METHODS: Multiple criteria decision analysis was used to assess the organizational "
            "impact of innovation.",
            "Multiple criteria decision analysis was used to assess the organizational impact of "
            "innovation.",
        ),
        (
            "Objective: to illustrate how a reusable framework could aggregate expert views.",
            "To illustrate how a reusable framework could aggregate expert views.",
        ),
        (
            "Materials and Methods: We enrolled 120 patients in a randomised trial.",
            "We enrolled 120 patients in a randomised trial.",
        ),
        (
            "CONCLUSIONS: MCDA helps committees weigh the value of orphan drugs.",
            "MCDA helps committees weigh the value of orphan drugs.",
        ),
        # In capitals without its colon (a Lens RIS fed by PubMed).
        (
            "CONCLUSIONS This study demonstrates the value of gender analysis for harm reduction.",
            "This study demonstrates the value of gender analysis for harm reduction.",
        ),
        # Labels of review journals, and two labels joined (Lens and Zotero RIS, CSL-JSON).
        (
            "RECENT FINDINGS: During the COVID-19 pandemic, Internet use rose in all age groups.",
            "During the COVID-19 pandemic, Internet use rose in all age groups.",
        ),
        (
            "CONTRIBUTION This study underscores the need to contextualize the age pattern.",
            "This study underscores the need to contextualize the age pattern.",
        ),
        (
            "Background and aims: Both the PGSI and the SGHS purport to identify harmed gamblers.",
            "Both the PGSI and the SGHS purport to identify harmed gamblers.",
        ),
        (
            "AIMS AND OBJECTIVES We compared two screens of gambling harm in 500 adults.",
            "We compared two screens of gambling harm in 500 adults.",
        ),
        # Numbered parts (an MDPI abstract through Consensus).
        (
            "(2) Methods: We introduce Scrub-and-Learn, a weight modification.",
            "We introduce Scrub-and-Learn, a weight modification.",
        ),
        (
            "3. RESULTS Screening lowered mortality by a third in this cohort.",
            "Screening lowered mortality by a third in this cohort.",
        ),
        (
            "CONCLUSIONS AND RELEVANCE Screening lowered mortality by a third in this cohort.",
            "Screening lowered mortality by a third in this cohort.",
        ),
        # Back matter (Bioinformatics's): shown without its label when nothing else is.
        (
            "Availability and implementation: The tool and its data are at example.org/tool.",
            "The tool and its data are at example.org/tool.",
        ),
        # Emerald's journals part a label from its text by a spaced dash, however their
        # exports write it.
        (
            "Purpose \u2013 This paper aims to test whether lending rules change how banks price"
            " their loans.",
            "This paper aims to test whether lending rules change how banks price their loans.",
        ),
        (
            "Design/methodology/approach - The paper uses a panel of 412 banks over ten years.",
            "The paper uses a panel of 412 banks over ten years.",
        ),
        # Environmental Evidence's parts, and bioRxiv's closing one-sentence summary.
        (
            "Methods and output: The aim of these maps is to compile evidence on weed control "
            "in organic cereals.",
            "The aim of these maps is to compile evidence on weed control in organic cereals.",
        ),
        (
            "Summary sentence: A map of the innate pathways that clear four kinds of pathogen.",
            "A map of the innate pathways that clear four kinds of pathogen.",
        ),
        # Chinese structured abstracts (Wanfang's, CNKI's): run in with a space, a colon, or
        # in brackets.
        (
            "目的 探讨优化护理活动用于乳腺癌患者外周置入中心静脉导管的防控价值.",
            "探讨优化护理活动用于乳腺癌患者外周置入中心静脉导管的防控价值.",
        ),
        (
            "结论\uff1a动机访谈联合正念减压训练能有效改善负性情绪。",
            "动机访谈联合正念减压训练能有效改善负性情绪。",
        ),
        (
            "【目的】对黄瓜胚性愈伤组织的诱导保存和再生进行研究。",
            "对黄瓜胚性愈伤组织的诱导保存和再生进行研究。",
        ),
        # Information science journals pair them (情报科学 2024: 【目的/意义】 … 【创新/局限】).
        (
            "【方法/过程】针对城市公园管理面临的主要挑战\uff0c从三个方面深入分析。",
            "针对城市公园管理面临的主要挑战\uff0c从三个方面深入分析。",
        ),
        (
            "【创新/局限】逐步明晰城市公园建设的技术路线和业务系统。",
            "逐步明晰城市公园建设的技术路线和业务系统。",
        ),
    ],
)
def test_a_structured_abstracts_section_label_is_not_part_of_the_line(
    sentence: str, line: str
) -> None:
    assert drop_section_label(sentence) == line
    assert trim_sentence(sentence) == (line, False)


@pytest.mark.parametrize(
    "sentence",
    [
        # A colon that is not a section label stays.
        "Gopher: a 280 billion parameter model trained on a large corpus of text.",
        "Our contributions: a benchmark, a baseline and a study of both.",
        # Too little after the label.
        "Results: none.",
        "结论\uff1a有效。",
        # A word that is no label.
        "目的论 探讨其历史与现状的论述。",
        # Capitals that are no section label, or a label word that opens the sentence.
        "NASA This study was funded by the agency and its partners.",
        "Cats and dogs: a study of how pets share a home with each other.",
        "(2) Tasks: three of them are new, and one comes from prior work.",
        "Results show that the method works well on many tasks.",
        # A dash after words that are no label.
        "Deep learning - a survey of the methods and of what they are used for.",
        "Results - none.",
    ],
)
def test_other_colons_stay(sentence: str) -> None:
    assert drop_section_label(sentence) == sentence


@pytest.mark.parametrize(
    ("abstract", "text"),
    [
        # Emerald's headings.
        (
            "Purpose: Farms pay. Design/methodology/approach: We scrape sites. "
            "Practical implications: Farmers earn more. Originality/value: This is new.",
            " Farms pay.  We scrape sites.  Farmers earn more.  This is new.",
        ),
        # PubMed's in capitals, with a colon or without one.
        (
            "BACKGROUND Mice age. CONCLUSIONS AND RELEVANCE This diet helps.",
            " Mice age.  This diet helps.",
        ),
        ("Result(s): It works. (2) Methods: We test.", " It works.  We test."),
        # A colon that is no label, or one inside a sentence, stays.
        (
            "Gopher: a large model. We list our contributions: a benchmark. NASA The agency.",
            "Gopher: a large model. We list our contributions: a benchmark. NASA The agency.",
        ),
    ],
)
def test_an_abstract_is_read_without_its_section_labels(abstract: str, text: str) -> None:
    assert drop_section_labels(abstract) == text


def test_a_word_written_with_a_capital_inside_keeps_its_case_where_a_label_or_clause_goes() -> None:
    # JMIR's conclusion through Lens and EndNote (asreview/citation-file-formatting
    # Datasets/RIS/_baseline_endnote.txt): "Conclusions: mHealth interventions …" gave the
    # line "MHealth interventions …"; the same for "mRNA", "pH", "eGFR".
    assert drop_section_label(
        "Conclusions: mHealth apps for nurses have the potential to improve care in clinics."
    ) == ("mHealth apps for nurses have the potential to improve care in clinics.")
    assert drop_linking_clause("However, mRNA levels of the receptor did not change.") == (
        "mRNA levels of the receptor did not change."
    )
    assert drop_section_label("RESULTS: the treated mice lost weight in eight weeks.") == (
        "The treated mice lost weight in eight weeks."
    )


# --- cutting a long line after its main clause -------------------------------------------------


def test_a_line_that_fits_is_not_cut() -> None:
    assert shorten_line("We propose X.") == ("We propose X.", False)
    fits = "We propose " + "x" * (MAX_LINE_CHARS - 12) + "."
    assert shorten_line(fits) == (fits, False)


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        # The main clause ("we provide a new roadmap for ML Safety") is kept.
        (
            ML_SAFETY,
            "In response to emerging safety challenges in ML, such as those introduced by "
            "recent large-scale models, we provide a new roadmap for ML Safety",
        ),
        # Not "into distinct…": before "by separating".
        (
            PPG,
            "We introduce Phasic Policy Gradient (PPG), a reinforcement learning framework "
            "which modifies traditional on-policy actor-critic methods",
        ),
        # Not "complicated reward…": before "and therefore".
        (
            HER,
            "We present a novel technique called Hindsight Experience Replay which allows "
            "sample-efficient learning from rewards which are sparse and binary",
        ),
        # A list of -ing phrases is not cut in the middle; a line this long is cut even where
        # the cut leaves little of it.
        (
            'We present four problems ready for research, namely withstanding hazards ("Robustness"'
            '), identifying hazards ("Monitoring"), reducing inherent model hazards ("Alignment"), '
            'reducing systemic hazards ("Systemic Safety"), and steering ML systems ("Control") '
            "towards what their users and the people affected by them intend.",
            "We present four problems ready for research",
        ),
        # Not after a word that needs what follows: "as the VAE, but…".
        (
            "We present the importance weighted autoencoder (IWAE), a generative model with the "
            "same architecture as the VAE, but which uses a strictly tighter log-likelihood lower "
            "bound derived from importance weighting, which we derive in closed form for every "
            "family of proposal distributions that we consider in this work.",
            "We present the importance weighted autoencoder (IWAE), a generative model with the "
            "same architecture as the VAE",
        ),
        # ... nor after a preposition: not "built upon…".
        (
            "This paper offers an analytical lens for tracing the rise of a new planning "
            'doctrine called "adaptive coastal governance", which can be read as built upon, '
            "but not fully displacing, older doctrines of flood defence and of land use control "
            "in estuaries.",
            "This paper offers an analytical lens for tracing the rise of a new planning "
            'doctrine called "adaptive coastal governance"',
        ),
    ],
)
def test_a_long_line_is_cut_after_its_main_clause_at_a_clause_boundary(
    sentence: str, line: str
) -> None:
    text, shortened = trim_sentence(sentence)
    assert shortened
    assert text == line + ELLIPSIS
    assert len(text) <= MAX_LINE_CHARS


@pytest.mark.parametrize(
    ("sentence", "stub"),
    [
        # The only cut that fits, at the dash, would lose Gopher (and never "a 280 billion…").
        (
            GOPHER,
            "We present an analysis of Transformer-based language model performance across a "
            "wide range of model scales",
        ),
        # ... and here the way it is possible.
        (
            "We show that it is possible to bypass these limitations by learning a data-dependent "
            "latent generative representation of model parameters, and performing gradient-based "
            "meta-learning in this low-dimensional latent space.",
            "We show that it is possible to bypass these limitations",
        ),
    ],
)
def test_a_line_a_little_too_long_is_not_cut_to_a_stub(
    sentence: str, stub: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = drop_linking_clause(sentence)
    assert MAX_LINE_CHARS < len(line) <= MAX_LINE_CHARS * MAX_WHOLE_SHARE
    assert len(stub) < MAX_LINE_CHARS * MIN_CUT_SHARE
    assert trim_sentence(sentence) == (line, False)
    # Any cut would do without the rule.
    monkeypatch.setattr(trimming, "MIN_CUT_SHARE", 0.0)
    assert trim_sentence(sentence) == (stub + ELLIPSIS, True)


def test_a_long_line_without_a_boundary_after_its_main_clause_stays_whole() -> None:
    # Its only commas are inside the list "efficiency, generalization capacity, and ...".
    assert len(BOX_WORLD) > MAX_LINE_CHARS
    assert trim_sentence(BOX_WORLD) == (BOX_WORLD, False)


def test_the_main_clause_is_never_cut_away() -> None:
    # The boundaries before the main verb's object (", a", " (") are not cuts.
    sentence = (
        "Using a large corpus of scientific text, which we collected, and a new model, we "
        "propose a parser for tables that reads every cell, which " + "x " * 60 + "ends."
    )
    text, shortened = shorten_line(sentence)
    assert shortened
    assert "we propose a parser for tables" in text


def test_no_cut_inside_brackets() -> None:
    sentence = (
        "We propose a parser for tables (which reads cells, rows and columns; it runs on any "
        "device, old or new) that " + "reads " * 30 + "well, which matters."
    )
    text, _ = shorten_line(sentence)
    kept = text.removesuffix(ELLIPSIS)
    assert kept.count("(") == kept.count(")")


def test_lines_of_the_seeds_keep_their_words_and_phrases() -> None:
    """Every seed sentence's line is the sentence, or a verbatim part of it."""
    abstracts = [
        line.removeprefix("Abstract:").strip()
        for path in sorted((REPO / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("Abstract:")
    ]
    sentences = [s for a in abstracts for s in split_sentences(a)]
    assert len(sentences) > 200
    for sentence in sentences:
        _check_line(sentence)


@pytest.mark.skipif(not DEV.exists(), reason="no ../shared/bench beside this clone")
def test_lines_of_scitldr_dev_keep_their_words_and_phrases() -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    sentences = [s for row in rows for s in split_sentences(" ".join(row["source"]))]
    assert len(sentences) > 4000
    for sentence in sentences:
        _check_line(sentence)


def _check_line(sentence: str) -> None:
    text, shortened = trim_sentence(sentence)
    dropped = drop_linking_clause(sentence)
    assert dropped[1:] in sentence
    if not shortened:
        assert text == dropped
        return
    kept = text.removesuffix(ELLIPSIS)
    assert text.endswith(ELLIPSIS) and dropped.startswith(kept)
    # Cut at a boundary: the next character of the sentence is punctuation or a space.
    assert dropped[len(kept)] in " ,;:-\u2013\u2014)]}\"'\u201d\u2019"
    assert kept.split()[-1].lower().strip(",.;:") not in {"of", "the", "a", "and", "but", "to"}
    if dropped.count("(") == dropped.count(")"):
        assert kept.count("(") == kept.count(")"), "cut inside brackets"


def test_a_run_of_closing_marks_is_tried_as_a_gap_from_its_first_mark_only() -> None:
    # A run of closing quotes with no gap after it (mojibake repaired into 100,000 U+2019) was
    # tried from each of its marks, each try going to the run's end: a one-liner took 100 s.
    text = "We measured it" + "\u2019" * 300 + "; then we fit the model"
    first = text.index("\u2019")
    assert trimming._GAP.match(text, first) is not None
    assert not any(trimming._GAP.match(text, i) for i in range(first + 1, first + 300))
    assert [m.start() for m in trimming._GAP.finditer(text)] == [first]


class _ScanCounting(str):
    """A line that adds up how many characters `count` and `rfind` look at."""

    scanned = 0

    def count(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        _ScanCounting.scanned += (len(self) if end is None else end) - (start or 0)
        return str.count(self, sub, start, end)

    def rfind(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        _ScanCounting.scanned += (len(self) if end is None else end) - (start or 0)
        return str.rfind(self, sub, start, end)


def test_a_line_of_many_commas_is_scanned_for_brackets_and_spaces_once() -> None:
    # Each gap of a line was checked for brackets by counting them from the line's start, and
    # its word found by searching back to the line's start: a line of 20,000 commas took 1.5 s
    # and 100,000 did not finish. The line is now counted once, stretch by stretch.
    line = "In this work, " + "a, b " * 2000 + "(c, d), we find."
    _ScanCounting.scanned = 0
    cuts = list(trimming._clause_boundaries(_ScanCounting(line)))
    assert cuts == list(trimming._clause_boundaries(line))
    assert _ScanCounting.scanned < 10 * len(line)
    _ScanCounting.scanned = 0
    assert trimming._main_clause_start(_ScanCounting(line)) == trimming._main_clause_start(line)
    assert _ScanCounting.scanned < 10 * len(line)


def _back_matter(sentences: list[str]) -> list[bool]:
    return [way == trimming.BACK_MATTER for way in trimming.giving_way(sentences)]


def test_the_back_matter_of_a_structured_abstract_runs_from_its_label_to_the_next_part() -> None:
    sentences = [
        "Motivation: Reading tea leaves by hand is slow.",
        "Results: We present LeafNet, a network that reads tea leaves from photographs.",
        "It reads a cup in a second.",
        "Availability and implementation: LeafNet is free: https://example.org/leafnet.",
        "It runs on any laptop.",
        "Supplementary information: Supplementary data are available online.",
        "CONTACT someone@example.org",
    ]
    assert _back_matter(sentences) == [False, False, False, True, True, True, True]
    # A later part that is no back matter ends it; an abstract without labels has none.
    assert _back_matter([sentences[3], "Conclusions: Tea leaves read well."]) == [
        True,
        False,
    ]
    assert _back_matter(["Availability of data is a concern.", "We fix it."]) == [
        False,
        False,
    ]
    # medRxiv's protocols: the ethics and the key to the authors' initials.
    closing = [
        "Methods: We will pool trials of tea.",
        "Ethics & Dissemination: No approval is needed; results will be published.",
        "Author name abbreviations: Ann Bell (AB), Carl Dunn (CD).",
    ]
    assert _back_matter(closing) == [False, True, True]


def test_a_structured_abstract_takes_its_line_from_its_conclusion() -> None:
    taken, gives_way, back = trimming.TAKEN, trimming.GIVES_WAY, trimming.BACK_MATTER
    sentences = [
        "Tea is drunk everywhere.",
        "Background: Reading tea leaves by hand is slow.",
        "Objectives: To read tea leaves from photographs.",
        "Results: LeafNet reads a cup in a second.",
        "Conclusions and implications: Tea leaves read well by machine.",
        "Cafes may use it.",
        "Funding: The Tea Board.",
    ]
    assert trimming.giving_way(sentences) == [gives_way] * 4 + [taken, taken, back]
    # "Results and conclusions" holds the results; "Conclusions/importance" is a conclusion.
    joined = ["Methods: We read leaves.", "Results and conclusions: They read well."]
    assert trimming.giving_way(joined) == [taken, taken]
    importance = ["Methods: We read leaves.", "Conclusions/importance: They read well."]
    assert trimming.giving_way(importance) == [gives_way, taken]
    # Without a conclusion, the background and what comes before the first label give way,
    # and so does the frame of the study (design, setting, participants).
    assert trimming.giving_way(sentences[:4]) == [gives_way, gives_way, taken, taken]
    design = ["Study design: A pilot trial.", "Summary of background data: None.", "Results: X."]
    assert trimming.giving_way(design) == [gives_way, gives_way, taken]
    embase = ["Method(s): We audit.", "Result(s): It rose.", "Conclusion(s): Audits work."]
    assert trimming.giving_way(embase) == [gives_way, gives_way, taken]
    discussion = ["Method(s): We audit.", "Result(s): It rose.", "Discussion(s): Audits work."]
    assert trimming.giving_way(discussion) == [gives_way, gives_way, taken]
    # Some journals head their parts with a label alone ("OBJECTIVE.", "Background."), which
    # gives way itself.
    headed = ["OBJECTIVE.", "To audit.", "Results.", "It rose.", "CONCLUSIONS.", "Audits work."]
    assert trimming.giving_way(headed) == [gives_way] * 5 + [taken]
    assert trimming.giving_way(["Background and aims: We read leaves.", "Methods: By eye."]) == [
        taken,
        taken,
    ]
    # One label besides the back matter is no structure: only the back matter gives way.
    assert trimming.giving_way([sentences[0], sentences[4], sentences[6]]) == [taken, taken, back]
    assert trimming.giving_way(["Tea is good.", "We drink it."]) == [taken, taken]


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        (
            "Case presentation: A 64-year-old woman presented with a cyst of the kidney.",
            "A 64-year-old woman presented with a cyst of the kidney.",
        ),
        (
            "Key messages: People who gamble see harm differently from experts.",
            "People who gamble see harm differently from experts.",
        ),
        # Emerald's teaching cases (ashishpundir924/marketing_Research scopus.ris).
        (
            "Case overview/synopsis: At the strategic level, this case is about a start-up.",
            "At the strategic level, this case is about a start-up.",
        ),
        # ClinicalTrials.gov's records in Embase (dong-wkim/nma).
        (
            "Brief Summary: This is a randomized trial of oral iron after knee surgery.",
            "This is a randomized trial of oral iron after knee surgery.",
        ),
        # Embase's labels, a plural in brackets.
        (
            "Conclusion(s): Monthly audits with feedback raise compliance in rural clinics.",
            "Monthly audits with feedback raise compliance in rural clinics.",
        ),
        # ... whose singular is the label: "Discussion(s)" (Ovid's RIS of Embase Preprint
        # records, lmattheydoret/BachelorT ris-2.ris).
        (
            "Discussion(s): We found no link between the variant and either condition.",
            "We found no link between the variant and either condition.",
        ),
    ],
)
def test_case_reports_key_messages_and_embase_labels_are_parts_of_a_structured_abstract(
    sentence: str, line: str
) -> None:
    assert trimming.drop_section_label(sentence) == line


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        # A Spanish review in PubMed XML (PMID 27759995): "Objetivo: la presente revisión
        # pretende describir …" was the line, label and all.
        (
            "Objetivo: la presente revisión pretende describir los mecanismos epigenéticos.",
            "La presente revisión pretende describir los mecanismos epigenéticos.",
        ),
        (
            "Material y métodos: se revisaron las bases de datos electrónicas especializadas.",
            "Se revisaron las bases de datos electrónicas especializadas.",
        ),
        (
            "Conclusões: o jogo mostrou evidências de validade para mulheres em prisão.",
            "O jogo mostrou evidências de validade para mulheres em prisão.",
        ),
        (
            "Résultats et conclusion: la vaccination réduit les hospitalisations des enfants.",
            "La vaccination réduit les hospitalisations des enfants.",
        ),
        (
            "Ergebnisse: Die Impfung senkt die Zahl der Krankenhausaufenthalte deutlich.",
            "Die Impfung senkt die Zahl der Krankenhausaufenthalte deutlich.",
        ),
    ],
)
def test_labels_of_spanish_portuguese_french_and_german_abstracts_are_no_part_of_the_line(
    sentence: str, line: str
) -> None:
    assert trimming.drop_section_label(sentence) == line


def test_a_spanish_structured_abstract_gives_its_line_from_its_conclusion() -> None:
    taken, gives_way = trimming.TAKEN, trimming.GIVES_WAY
    spanish = [
        "Introducción: la fertilidad masculina ha disminuido.",
        "Objetivo: describir los mecanismos epigenéticos.",
        "Resultados: la dieta modula la metilación del ADN.",
        "Conclusiones: la nutrición puede afectar la fertilidad masculina.",
    ]
    assert trimming.giving_way(spanish) == [gives_way] * 3 + [taken]


def test_teachers_college_record_labels_head_their_parts() -> None:
    # Teachers College Record's structured abstracts (a Web of Science export of
    # JahmereJ/black-male-retention): "Conclusions/Recommendations: Findings from this
    # study illustrate …" was the line, label and all.
    taken, gives_way = trimming.TAKEN, trimming.GIVES_WAY
    record = [
        "Background/Context: Histories of the school center one tradition.",
        "Purpose/Objective/Research Questions/Focus of Study: This study asks how coaches teach.",
        "Research Design: A multiple case study of four teacher-coaches.",
        "Findings/Results: Participants centered the tradition in their courses.",
        "Conclusions/Recommendations: Teacher-coaches guard the tradition in their schools.",
    ]
    assert trimming.giving_way(record) == [gives_way] * 4 + [taken]
    assert trimming.drop_section_label(record[-1]) == (
        "Teacher-coaches guard the tradition in their schools."
    )


def test_a_cochrane_review_gives_its_line_from_its_authors_conclusions() -> None:
    # A Cochrane review's abstract (the Library's plain-text export, PubMed's records):
    # "Authors' conclusions: …" is its conclusion, "Selection criteria: …" a part of it; the
    # line was the objective, or the conclusion with "Authors' conclusions:" left on.
    taken, gives_way = trimming.TAKEN, trimming.GIVES_WAY
    review = [
        "Background: Diets are used to treat seizures in children.",
        "Objectives: To assess the effects of diets on seizure control.",
        "Selection criteria: Randomised trials of diets in people with seizures.",
        "Main results: Four trials met the criteria and reported seizure freedom.",
        "Authors' conclusions: Diets may reduce seizures in children with drug-resistant fits.",
    ]
    assert trimming.giving_way(review) == [gives_way] * 4 + [taken]
    assert trimming.drop_section_label(review[-1]) == (
        "Diets may reduce seizures in children with drug-resistant fits."
    )
    assert trimming.drop_section_label("AUTHORS\u2019 CONCLUSIONS: Diets may reduce fits.") == (
        "Diets may reduce fits."
    )
