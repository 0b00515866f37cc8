"""Tagged-line and text exports: MEDLINE (.nbib), PubMed's Abstract (text), Web of Science
plain text, EndNote tagged, ScienceDirect text, and RIS as Ovid writes it (fixtures written
by hand in tests/fixtures/exports/, each with the oddities of the real export it stands
for)."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import sniff_format
from digest.readers.records import cased_in_list
from digest.readers.ris import parse_ris

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "exports"


def load(name: str) -> Corpus:
    return load_papers([FIXTURES / name])


def load_written(folder: Path, name: str, *lines: str) -> Corpus:
    """The papers of a file written with `lines` (each ending in a newline)."""
    (folder / name).write_text("".join(lines), encoding="utf-8")
    return load_papers([folder])


def only(corpus: Corpus) -> Paper:
    [paper] = corpus.papers
    return paper


def load_plain_and_tab(folder: Path, plain: str, tab: str) -> tuple[Paper, Paper]:
    """The one paper of a Web of Science plain-text export holding `plain` and of a
    tab-delimited one holding `tab`."""
    papers = []
    for name, text in (("plain", plain), ("tab", tab)):
        (folder / name).mkdir()
        papers.append(only(load_written(folder / name, "savedrecs.txt", text)))
    return papers[0], papers[1]


# --- MEDLINE --------------------------------------------------------------------------------


def test_medline_records_whose_pmid_comes_after_their_other_lines(tmp_path: Path) -> None:
    # Python's bibliograpy writes "PubMed" records opening with their AU lines, the PMID
    # after the AID, the abstract last (its test of a yml-to-nbib run); a record's PMID is
    # its own, not the start of the next one.
    corpus = load_written(
        tmp_path,
        "out.nbib",
        "AU  - Okafor, C.\nAU  - Lindqvist, P.\nTI  - Moss cover and frost heave\n"
        "DP  - 2011\nTA  - Boreal Ecology\nAID - https://doi.org/10.5555/moss.1 [doi]\n"
        "PMID- 11111111\nSO  - Boreal Ecology 2011-07-01 9(2): 47-47\nAB  - Moss cover "
        "slows frost heave in peat.\n\n"
        "AU  - Lindqvist, P.\nTI  - Frost heave in bogs\nDP  - 2012\nPMID- 22222222\n"
        "AB  - Bogs heave less than fens.",
    )
    assert [(p.title, p.authors, p.pmid, p.doi) for p in corpus.papers] == [
        ("Moss cover and frost heave", ("C. Okafor", "P. Lindqvist"), "11111111",
         "10.5555/moss.1"),
        ("Frost heave in bogs", ("P. Lindqvist",), "22222222", None),
    ]  # fmt: skip


def test_medline_new_layout_with_crlf() -> None:
    corpus = load("pubmed-new.nbib")
    assert corpus.files[0].format == "medline"
    paper = only(corpus)
    assert paper.title == "On the Monte Carlo weights in multiple criteria decision analysis."
    assert paper.abstract.startswith("In multiple-criteria decision making the weights")
    assert paper.abstract.endswith("how robust a ranking is.")  # continuation lines joined
    assert paper.authors == ("Jiří Mazurek", "Dominik Strzałka")  # FAU, turned round
    assert (paper.pmid, paper.doi) == ("36206242", "10.1371/journal.pone.0268950")
    assert (paper.venue, paper.date) == ("PloS one", "2022-10-07")
    assert paper.keywords == ("criteria weights", "robustness")  # OT before MeSH
    assert paper.link == "https://doi.org/10.1371/journal.pone.0268950"
    [skipped] = corpus.skipped  # the letter: one record without an abstract
    assert (skipped.line, skipped.excerpt) == (27, "A letter without an abstract.")


def test_medline_old_layout() -> None:
    paper = only(load("pubmed-old.txt"))
    assert paper.pmid == "19000002" and paper.doi == "10.1000/jnr.2008.7"  # from AID
    assert paper.authors == ("Diaz C", "Ng A")  # AU when there is no FAU
    assert paper.keywords == ("Sleep Deprivation", "Medication Errors")
    assert paper.venue == "J Nurs Res"


def test_medline_without_doi_links_to_pubmed(tmp_path: Path) -> None:
    text = (FIXTURES / "pubmed-old.txt").read_text(encoding="utf-8")
    (tmp_path / "a.nbib").write_text(text.replace("AID - 10.1000/jnr.2008.7 [doi]\n", ""))
    paper = only(load_papers([tmp_path]))
    assert paper.link == "https://pubmed.ncbi.nlm.nih.gov/19000002/"


def test_medline_group_authors_keep_their_place(tmp_path: Path) -> None:
    # CN is an author of the record (a study group), IR/FIR its investigators are not.
    corpus = load_written(
        tmp_path,
        "citations.nbib",
        "\nPMID- 30000001\nTI  - Sleep loci in east Asian nurses.\n",
        "AB  - We identify two loci associated with short sleep in nurses working night\n",
        "      shifts across twelve hospitals.\n",
        "FAU - Lawrenson, Kate\nAU  - Lawrenson K\nAD  - Cedars-Sinai Medical Center, Los\n",
        "      Angeles, CA, USA.\nCN  - Australian Ovarian Cancer Study Group\n",
        "AD  - Peter MacCallum Cancer Institute, Melbourne, Australia.\n",
        "FAU - Goodman, Marc T\nAU  - Goodman MT\nFIR - Webb, Penny M\nIR  - Webb PM\n",
    )
    paper = only(corpus)
    assert paper.authors == (
        "Kate Lawrenson", "Australian Ovarian Cancer Study Group", "Marc T Goodman"
    )  # fmt: skip


def test_medline_translated_title_without_its_brackets(tmp_path: Path) -> None:
    # NLM gives the English translation of a title in another language in brackets; a
    # title that only opens with a bracket keeps it; "[Not Available]." is no title.
    corpus = load_written(
        tmp_path,
        "citations.nbib",
        "PMID- 31000001\nTI  - [Salt intake and blood pressure in [older] adults].\n",
        "AB  - Salt intake rose with age in the cohort, and blood pressure with it.\n",
        "LA  - ger\nTT  - Salzaufnahme und Blutdruck bei Erwachsenen.\n\n",
        "PMID- 31000002\nTI  - [18F]FDG uptake in [brown] fat.\nAB  - Brown fat took up more"
        " tracer in the cold than in the warm.\n\n",
        "PMID- 31000003\nTI  - [Not Available].\nAB  - Cohorts of nurses kept sleep diaries"
        " for a year.\nLA  - fre\nTT  - Le sommeil des infirmières.\n",
    )
    assert [paper.title for paper in corpus.papers] == [
        "Salt intake and blood pressure in [older] adults.",
        "[18F]FDG uptake in [brown] fat.",
        "Le sommeil des infirmières.",
    ]


def test_nlm_translated_title_exported_by_zotero_or_dimensions_without_its_brackets(
    tmp_path: Path,
) -> None:
    # PubMed's bracketed translation kept by Zotero's RIS and Dimensions' CSV; a question
    # keeps its mark, without the stop NLM puts after the bracket.
    corpus = load_written(
        tmp_path,
        "zotero.ris",
        "TY  - JOUR\nTI  - [Is kite flying a sport?].\nAU  - Lima, Ana\nT2  - Der Drachen\n",
        "AB  - Kite flying was counted among sports in two of five surveys.\nER  - \n\n",
        "TY  - JOUR\nTI  - [Kites in schools: a survey].\nAU  - Berg, Ola\n",
        "AB  - Schools that fly kites were surveyed.\nER  - \n",
    )
    assert [paper.title for paper in corpus.papers] == [
        "Is kite flying a sport?",
        "Kites in schools: a survey.",
    ]


def test_medline_keywords_given_on_one_line_are_each_a_keyword(tmp_path: Path) -> None:
    # A publisher may deposit its keywords as one, joined by semicolons, which PubMed keeps on
    # one OT line (firbolg/ACTS_MeSH pubmed.txt); a comma stays inside its keyword.
    corpus = load_written(
        tmp_path,
        "pubmed.txt",
        "PMID- 31000004\nTI  - Brief advice in the ward.\nAB  - Nurses gave brief advice "
        "on drinking to patients in acute care and we followed them up.\n",
        "OT  - *Brief Intervention\nOT  - *Referral to Treatment (SBIRT); Addiction; Alcohol\n",
        "OT  - Diabetes, Type 2\nOT  - Stress (physical; mental); Coping\n",
    )
    assert only(corpus).keywords == (
        "Brief Intervention", "Referral to Treatment (SBIRT)", "Addiction", "Alcohol",
        "Diabetes, Type 2", "Stress (physical; mental)", "Coping",
    )  # fmt: skip


def test_medline_heading_wrapped_onto_a_second_line_is_one_keyword(tmp_path: Path) -> None:
    # PubMed wraps a long MeSH heading (or OT keyword) onto an indented line, as it wraps an
    # abstract (biopython/biopython Tests/Medline/pubmed_result3.txt): the wrapped part is
    # no keyword of its own ("effects").
    corpus = load_written(
        tmp_path,
        "pubmed.txt",
        "PMID- 31000005\nTI  - Night shifts and sleep.\nAB  - Nurses on night shifts slept "
        "less than nurses on day shifts in both hospitals.\n",
        "MH  - Humans\nMH  - Sleep Wake Disorders/adverse\n      effects/*epidemiology\n",
        "MH  - Shift Work Schedule/*adverse effects/psychology/statistics and numerical\n",
        "      data\n\n",
        "PMID- 31000006\nTI  - Rotas and fatigue.\nAB  - Rotas with fewer night shifts left "
        "the nurses of both wards less tired.\n",
        "OT  - circadian misalignment in health care workers on rotating night\n",
        "      shifts\nOT  - fatigue\n",
    )
    assert [paper.keywords for paper in corpus.papers] == [
        ("Humans", "Sleep Wake Disorders", "Shift Work Schedule"),
        ("circadian misalignment in health care workers on rotating night shifts", "fatigue"),
    ]


def test_pubmed_html_entities_in_a_title_or_abstract_are_their_characters(
    tmp_path: Path,
) -> None:
    # PubMed keeps the HTML entities some publishers deposited and prints them as written, in
    # its Abstract text as in its MEDLINE (Aiyane/Pubmed pubmed.txt: "within 14&nbsp;min").
    for folder in ("medline", "text"):
        (tmp_path / folder).mkdir()
    medline = load_written(
        tmp_path / "medline",
        "pubmed.txt",
        "PMID- 31000007\nTI  - Tannins &amp; pigments in tea.\nAB  - Nine pigments "
        "eluted within 12&nbsp;min\n      (p &lt; 0.01), all of them &gt;3&nbsp;\u00b5g/g.\n",
    )
    text = load_written(
        tmp_path / "text",
        "abstract-pubmed-set.txt",
        "1. J Tea Res. 2018 Jan;26(1):27-29. doi: 10.1000/jtr.2018.5.\n\n",
        "Tannins &amp; pigments in tea.\n\nPark SJ(1), Cho H(2).\n\n",
        "Nine pigments eluted within 12&nbsp;min\n(p &lt; 0.01), all of them "
        "&gt;3&nbsp;\u00b5g/g.\n\n",
        "DOI: 10.1000/jtr.2018.5\nPMID: 31000007\n",
    )
    for paper in (only(medline), only(text)):
        assert paper.title == "Tannins & pigments in tea."
        assert paper.abstract == (
            "Nine pigments eluted within 12 min (p < 0.01), all of them >3 \u00b5g/g."
        )


def test_medline_book_chapter_and_other_abstract(tmp_path: Path) -> None:
    # A book chapter's venue is its book (BTI); a record without AB may carry an
    # English OAB (KIE, NASA, PIP); an OAB in another language, or the publisher's
    # notice, is no abstract.
    corpus = load_written(
        tmp_path,
        "citations.nbib",
        "PMID- 20301295\nDP  - 1993\nTI  - Li-Fraumeni Syndrome.\nBTI - GeneReviews(R)\n",
        "AB  - CLINICAL CHARACTERISTICS: Li-Fraumeni syndrome (LFS) is a cancer predisposition\n",
        "      syndrome associated with high lifetime risks for cancer.\n",
        "FED - Adam, Margaret P\nED  - Adam MP\nFAU - Schneider, Katherine\nAU  - Schneider K\n\n",
        "PMID- 10000002\nDP  - 1999 Jan\nTI  - [Treatment of hypertension in the elderly].\n",
        "OAB - Publisher: Abstract available from the publisher.\nOABL- fre\n",
        "OAB - KIE: The author reviews ethical questions raised by the treatment of\n",
        "      hypertension in elderly patients and the consent they give.\nOABL- eng\n",
        "FAU - Dupont, Jean P\nAU  - Dupont JP\nJT  - Revue medicale\n\n",
        "PMID- 10000003\nTI  - Hypertension.\nOAB - Publisher: Abstract available from the\n",
        "      publisher.\nOABL- ger\n",
    )
    chapter, article = corpus.papers
    assert (chapter.venue, chapter.authors) == ("GeneReviews(R)", ("Katherine Schneider",))
    assert article.abstract.startswith("KIE: The author reviews ethical questions")
    assert article.venue == "Revue medicale"
    assert [s.line for s in corpus.skipped] == [24]


def test_eric_medline_export_whose_records_open_with_own_is_read_as_medline(
    tmp_path: Path,
) -> None:
    # ERIC's MEDLINE export (a Zotero translator's test of it): CRLF, a blank first line,
    # records opening "OWN - ERIC" with no PMID, names in full in AU, a report without any.
    corpus = load_written(
        tmp_path,
        "eric.nbib",
        "\r\nOWN - ERIC\r\nTI  - Findings from the Harbour Schools Field Trial. Brief 16\r\n",
        "OT  - Field Tests\r\nJT  - Harbour Publishing\r\nOID - ED500001\r\nDP  - 2017\r\n",
        "AB  - The field trial of the school-based tests took place in seven harbour towns and\r\n",
        "      shows that the instruments work as intended.\r\n",
        "PT  - Reports - Research\r\n\r\n",
        "OWN - ERIC\r\nTI  - A Game-Based Approach to Number Sense\r\nAU  - Lamb, Ada\r\n",
        "AU  - Byron, George\r\nJT  - Educational Games Research\r\nDP  - Apr 2019\r\n",
        "AB  - Children who played the gamified version learned more than those who did not.\r\n",
    )
    assert corpus.files[0].format == "medline"
    assert [(p.title, p.authors, p.venue) for p in corpus.papers] == [
        ("Findings from the Harbour Schools Field Trial. Brief 16", (), "Harbour Publishing"),
        ("A Game-Based Approach to Number Sense", ("Ada Lamb", "George Byron"),
         "Educational Games Research"),
    ]  # fmt: skip
    assert not corpus.skipped


def test_eric_medline_doi_given_as_an_address_and_its_record_page(tmp_path: Path) -> None:
    # ERIC's AID gives the DOI as a dx.doi.org address, without PubMed's "[doi]"; its LID
    # is the record's ERIC page, the link of a report that has no DOI.
    article, report = load_written(
        tmp_path,
        "eric.nbib",
        "OWN - ERIC\nTI  - A Game-Based Approach to Number Sense\nAU  - Lamb, Ada\n",
        "AID - http://dx.doi.org/10.5555/games.2019.1\nOID - EJ1000001\nDP  - Apr 2019\n",
        "LID - http://eric.ed.gov/?id=EJ1000001\n",
        "AB  - Children who played the gamified version learned more than those who did not.\n\n",
        "OWN - ERIC\nTI  - Findings from the Harbour Schools Field Trial\nDP  - 2017\n",
        "AID - www.harbour.example/brief-16.pdf\nLID - http://eric.ed.gov/?id=ED500001\n",
        "AB  - The field trial of the school-based tests took place in seven harbour towns.\n",
    ).papers
    assert (article.doi, article.link) == (
        "10.5555/games.2019.1",
        "https://doi.org/10.5555/games.2019.1",
    )
    assert (report.doi, report.link) == (None, "http://eric.ed.gov/?id=ED500001")


def test_ovid_tagged_layout(tmp_path: Path) -> None:
    # Ovid's own field format: record numbers on lines of their own, CRLF, roles in
    # brackets after the names, the citation in SO, the DOI as a link, the PMID of a
    # MEDLINE record in UI; a record without AB is reported.
    corpus = load_written(
        tmp_path,
        "ovid.txt",
        "<1. >\r\nVN  - Ovid Technologies\r\nDB  - Ovid MEDLINE(R) ALL\r\n",
        "AN  - 15048721\r\nUI  - 15048721\r\nTI  - Comparison of methods for sampling thrips\r\n",
        "AU  - Werner, S. M. [Author, Reprint Author; E-mail: s@x.org]\r\n",
        "AU  - Raffa, K. F. [Author]\r\n",
        "SO  - Forest Ecology & Management. 201(2-3):327-334, November 15, 2004.\r\n",
        "AB  - Canopy arthropods play integral roles in the functioning, biodiversity, and\r\n",
        "      productivity of forest ecosystems.\r\nMH  - *Thysanoptera/ph [Physiology]\r\n",
        "YR  - 2004\r\nDO  - https://dx.doi.org/10.1016/j.foreco.2004.07.001\r\n\r\n",
        "<241. >\r\nVN  - Ovid Technologies\r\nDB  - BIOSIS Previews\r\n",
        "AN  - PREV200400435038\r\nTI  - Increasing throughput and data quality\r\n",
        "SO  - Kamp, Roza Maria [Editor]. Methods in proteome analysis.:371-397, 2004.\r\n",
        "Series Information:  Principles and Practice.\r\nYR  - 2004\r\n\r\n\r\n",
    )
    assert corpus.files[0].format == "ovid"
    paper = only(corpus)
    assert paper.abstract == (
        "Canopy arthropods play integral roles in the functioning, biodiversity, and "
        "productivity of forest ecosystems."
    )
    assert paper.authors == ("S. M. Werner", "K. F. Raffa")
    assert (paper.venue, paper.date, paper.pmid) == (
        "Forest Ecology & Management",
        "2004",
        "15048721",
    )
    assert (paper.doi, paper.keywords) == ("10.1016/j.foreco.2004.07.001", ("Thysanoptera",))
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.reason.split(" (")[0]) == (17, "no abstract")


def test_ovid_embase_meeting_abstract_venue_and_subject_terms(
    tmp_path: Path,
) -> None:
    # Embase's citation of a meeting abstract names the journal, then the meeting; Embase
    # indexes the record's type among its subject terms, where a term naming another type
    # than the record's stays a keyword.
    paper = only(
        load_written(
            tmp_path,
            "embase.ovd",
            "<1. >\nVN  - Ovid Technologies\nDB  - Embase\nUI  - 628000001\n",
            "TI  - Sleep and errors on night shifts.\n",
            "SO  - Sleep Medicine. Conference: 9th Shift Work Meeting: Part 1. Norway. 14 "
            "(Supplement 2) (no pagination), 2021. Date of Publication: 2021.\n",
            "AU  - Ng A.\nAU  - Lucas J.S.\n",
            "MH  - *sleep\nMH  - conference abstract\nMH  - review\n",
            "AB  - We survey nurses in twelve hospitals about night shifts and sleep.\n",
            "PT  - Conference Abstract\nYR  - 2021\n",
        )
    )
    assert (paper.venue, paper.date) == ("Sleep Medicine", "2021")
    assert paper.keywords == ("sleep", "review")
    assert paper.authors == ("A. Ng", "J.S. Lucas")  # Embase's, surname first, turned round


# --- PubMed Abstract (text) -----------------------------------------------------------------


def test_pubmed_abstract_text_export() -> None:
    corpus = load("pubmed-abstract.txt")
    assert corpus.files[0].format == "pubmed-text"
    shifts, breaks, on_call = corpus.papers
    assert shifts.title == (
        "Night shifts and medication errors: a survey of nurses in twelve hospitals and "
        "their sleep."
    )  # wrapped lines joined
    assert shifts.authors == ("Ng A", "Oduya B", "Ferreira Neto FS")  # (1)(2), (#) dropped
    assert shifts.abstract == (
        "BACKGROUND: Night shifts shorten sleep. We asked whether short sleep predicts "
        "medication errors. METHODS: We surveyed 1,200 nurses in twelve hospitals about "
        "their shifts and their sleep. RESULTS: Short sleep predicted medication errors in "
        "the week that followed."
    )  # neither affiliations nor the copyright line
    assert (shifts.pmid, shifts.doi) == ("30000001", "10.1000/jsr.2019.34")
    assert (shifts.venue, shifts.date) == ("J Sleep Res", "2019-12-31")
    # "Comment in", "[Article in Chinese]", "Collaborators:" and the statement after the
    # PMID are no part of the title, authors or abstract; a group is an author.
    assert breaks.title == "Rest breaks on long shifts."  # translated: NLM's brackets off
    assert breaks.authors == ("Lai Z", "Shi SY", "Sleep Study Group")
    assert breaks.abstract.startswith("We tested ten-minute rest breaks")
    assert breaks.abstract.endswith("reported fewer errors.")
    assert breaks.doi == "10.3969/j.issn.1003-0034.2018.11.004"
    # No authors: a one-sentence abstract is not taken for an author list.
    assert (on_call.title, on_call.authors) == ("Sleep on call.", ())
    assert on_call.abstract.startswith("A single-sentence abstract")
    [skipped] = corpus.skipped  # the letter without an abstract, counted
    assert (skipped.line, skipped.excerpt) == (57, "Sleep is not optional.")


def test_pubmed_summary_text_says_which_export_has_abstracts(tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        load_written(
            tmp_path,
            "pubmed_result.txt",
            "1. Night shifts and medication errors.\nNg A, Oduya B.\n",
            "J Sleep Res. 2019 Dec 31;57:364-376. doi: 10.1000/jsr.2019.34.\nPMID: 30000001\n",
            "\n2. Sleep is not optional.\nOduya B.\nLancet. 2017 Mar;389(10072):e1.\n",
            "PMID: 30000003\n",
        )
    assert "PubMed's Summary (text) export has no abstracts" in str(error.value)
    assert "Format: PubMed" in str(error.value)


def test_pubmed_abstract_text_of_a_consortiums_paper_first(tmp_path: Path) -> None:
    # A consortium's paper lists hundreds of authors and affiliations before its abstract:
    # its PMID line, the first of the file, comes after 30,000 characters.
    authors = ", ".join(f"Author{n} A({n + 1})" for n in range(300))
    affiliations = "".join(
        f"({n + 1})Department {n}, University Hospital of Somewhere.\n" for n in range(300)
    )
    corpus = load_written(
        tmp_path,
        "abstract-pubmed-set.txt",
        "1. Nat Genet. 2021 Mar;53(3):294-303. doi: 10.1038/s41588-021-00785-x.\n\n",
        "Genome-wide study of a common disease.\n\n",
        f"{authors}.\n\nAuthor information:\n{affiliations}\n",
        "We report forty new loci for a common disease in half a million people.\n\n",
        "DOI: 10.1038/s41588-021-00785-x\nPMID: 33619380\n",
    )
    assert corpus.files[0].format == "pubmed-text"
    paper = only(corpus)
    assert (paper.title, paper.pmid) == ("Genome-wide study of a common disease.", "33619380")
    assert len(paper.authors) == 300
    assert paper.abstract.startswith("We report forty new loci")


def test_pubmed_abstract_text_wiley_notice_in_a_block_of_its_own(tmp_path: Path) -> None:
    # PubMed's Abstract text prints Wiley's notice at the abstract's end and again in a block
    # of its own after it (Aiyane/Pubmed pubmed.txt): neither is part of the abstract.
    corpus = load_written(
        tmp_path,
        "abstract-pubmed-set.txt",
        "1. J Sleep Res. 2018 Feb 19. doi: 10.1000/jsr.2018.7. [Epub ahead of print]\n\n",
        "Naps on night shifts.\n\nNg A(1), Oduya B(2).\n\n",
        "Nurses who napped on night shifts made fewer errors. This article is\n",
        "protected by copyright. All rights reserved.\n\n",
        "This article is protected by copyright. All rights reserved.\n\n",
        "DOI: 10.1000/jsr.2018.7\nPMID: 31000009\n",
    )
    assert only(corpus).abstract == "Nurses who napped on night shifts made fewer errors."


def test_a_pubmed_summary_text_refusal_quotes_the_first_title_whole(tmp_path: Path) -> None:
    (tmp_path / "abstracts.txt").write_bytes((FIXTURES / "pubmed-abstract.txt").read_bytes())
    corpus = load_written(
        tmp_path,
        "pubmed_result.txt",
        "1. Night shifts and medication errors.\nNg A, Oduya B.\n",
        "J Sleep Res. 2019 Dec 31;57:364-376.\nPMID: 30000001\n",
    )
    [summary] = [s for s in corpus.skipped if s.path.endswith("pubmed_result.txt")]
    assert "Summary (text) export has no abstracts" in summary.reason
    assert summary.excerpt == "Night shifts and medication errors."


def test_the_old_pubmed_summary_text_says_which_export_has_abstracts(tmp_path: Path) -> None:
    # The old site's Summary (text): one citation a record, numbered with a colon, ending
    # with its PMID; wrapped at 80 columns. No abstracts, though it reads like prose.
    with pytest.raises(InputError) as error:
        load_written(
            tmp_path,
            "pubmed_result.txt",
            "\n1: Ng A, Oduya B, Lai Z. Night shifts and medication errors: a survey of\n",
            "nurses in twelve hospitals. J Sleep Res. 2019 Dec;28(6):e12874. doi:\n",
            "10.1000/jsr.2019.34. Epub 2019 Jun 2. PubMed PMID: 30000001; PubMed Central\n",
            "PMCID: PMC6000001.\n\n\n",
            "2: Oduya B. [Sleep is not optional]. Pathologe. 2017 Mar;38(2):101-102. German.\n",
            "Review. PubMed PMID:\n30000003.\n\n",
        )
    message = str(error.value)
    assert "pubmed_result.txt:2: PubMed's Summary (text) export has no abstracts" in message
    assert "Format: PubMed" in message


def test_a_pubmed_pmid_list_says_which_export_has_abstracts(tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        load_written(tmp_path, "pubmed_result.txt", "29152523\n29120438\n29104877\n")
    assert "a list of PubMed ids (PubMed's PMID export) has no abstracts" in str(error.value)
    assert "Format: PubMed" in str(error.value)


# --- Web of Science plain text -------------------------------------------------------------


def test_web_of_science_plain_text_with_header_and_bom() -> None:
    corpus = load("wos-savedrecs.txt")
    assert corpus.files[0].format == "web-of-science"
    paper = only(corpus)
    assert paper.title == (
        "Structural control of ultra-fine CoPt nanodot arrays via electrodeposition process"
    )
    assert paper.authors == ("Siggi Wodarz", "Takashi Hasegawa")  # one name a line
    assert paper.keywords == (
        "Electrodeposition", "Structural control", "Nanodot array", "Bit-patterned media"
    )  # fmt: skip
    assert (paper.doi, paper.pmid, paper.date) == ("10.1016/j.jmmm.2017.01.061", "28000001", "2017")
    assert paper.abstract.endswith("down to a diameter of twenty nanometres.")
    assert "CR" not in dict(paper.metadata) and dict(paper.metadata)["wos id"].startswith("WOS:")
    [skipped] = corpus.skipped
    assert skipped.excerpt == "EXPERIMENTS IN PHENOMENOLOGICAL ELECTRODYNAMICS"


def test_web_of_science_inline_html_is_text(tmp_path: Path) -> None:
    # Exports since 2023 keep the publisher's <i>, <sub>, <sup> in TI and AB; a bare '<'
    # or '>' in the text is no tag.
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Bruna, EM\n",
        "TI Demography of the understory herb <i>H</i><i>eliconia acuminata</i>\n",
        "   (Heliconiaceae) in a fragmented landscape\n",
        "AB The data set comprises >66,000 records of CO<sub>2</sub> uptake in m<sup>2</sup>\n",
        "   plots; survival fell with edge distance (p < 0.05) in <i>Heliconia</i>.\n",
        "PY 2023\nER\n\nEF\n",
    )
    paper = only(corpus)
    assert paper.title == (
        "Demography of the understory herb Heliconia acuminata (Heliconiaceae) in a "
        "fragmented landscape"
    )
    assert paper.abstract == (
        "The data set comprises >66,000 records of CO2 uptake in m\u00b2 plots; survival fell "
        "with edge distance (p < 0.05) in Heliconia."
    )


def test_web_of_science_title_loses_its_footnote_marker(tmp_path: Path) -> None:
    # WoS keeps a title's footnote marker at its end, apart ("…contracts *"); a '*' that is
    # part of a name ("Sgr A*") stays.
    titles = [("Managerial incentive contracts *", "Managerial incentive contracts"),
              ("Tax evasion and the firm \u2020", "Tax evasion and the firm"),
              ("Flares of Sgr A*", "Flares of Sgr A*"),
              ("A * search in road networks", "A * search in road networks")]  # fmt: skip
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\n",
        *(
            f"PT J\nAU Riley, WJ\nTI {title}\nAB Abstract of case {n}.\nPY 2020\nER\n\n"
            for n, (title, _) in enumerate(titles)
        ),
        "EF\n",
    )
    assert [p.title for p in corpus.papers] == [title for _, title in titles]


def test_a_footnote_dagger_closing_a_scopus_title_leaves_it(tmp_path: Path) -> None:
    # MDPI gives the databases a title with its footnote's dagger at the end, and Scopus's
    # RIS keeps it (mamintoosi/TGCN-GSL-PyTorch data/scopus.ris: "…Technology Evaluator \u2020").
    titles = [("Results of the fleet assessment \u2020", "Results of the fleet assessment"),
              ("Flares of Sgr A*", "Flares of Sgr A*")]  # fmt: skip
    corpus = load_written(
        tmp_path,
        "scopus.ris",
        *(
            f"TY  - JOUR\nAU  - Riley, W.\nTI  - {title}\nAB  - Abstract of case {n}.\n"
            "DB  - Scopus\nER  -\n\n"
            for n, (title, _) in enumerate(titles)
        ),
    )
    assert [p.title for p in corpus.papers] == [title for _, title in titles]


def test_web_of_science_chinese_sessions_retraction_label_leaves_the_title(
    tmp_path: Path,
) -> None:
    # A Chinese-locale session opens a retracted paper's title with "Retracted Publication: "
    # in Chinese (wanghuan8786/food-regulations savedrecs.txt); the title's own "(Retracted
    # Article)" stays.
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\n",
        "PT J\nAU Riley, WJ\nTI 被撤回的出版物: Mortar in teaching\n   (Retracted Article)\n"
        "AB Abstract of the mortar case.\nPY 2019\nER\n\nEF\n",
    )
    assert [p.title for p in corpus.papers] == ["Mortar in teaching (Retracted Article)"]


def test_web_of_science_part_marker_is_said_in_words(tmp_path: Path) -> None:
    # Records of the 1990s mark a paper's part at its title's end, apart: "… RELIEF .1."
    # (globe2060org/data-availability-review2025 savedrecs.txt).
    titles = [("CEMENT WITH GROUND ADDITIVES - CAPABILITIES .1.",
               "CEMENT WITH GROUND ADDITIVES - CAPABILITIES, PART 1"),
              ("Salt in old mortar .2.", "Salt in old mortar, Part 2"),
              ("Mortar standard version 2.1.", "Mortar standard version 2.1.")]  # fmt: skip
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Thomson Reuters Web of Science\nVR 1.0\n",
        *(
            f"PT J\nAU Riley, WJ\nTI {title}\nAB Abstract of mortar case {n}.\nPY 1994\nER\n\n"
            for n, (title, _) in enumerate(titles)
        ),
        "EF\n",
    )
    assert [p.title for p in corpus.papers] == [title for _, title in titles]


_SUMMARY = (
    "Using a new pollen trap placed on hillsides across Wales, the authors follow "
    "bumblebee foraging ranges over three windy summers."
)
_BEES = (
    "Wind limits where bees forage. We trapped pollen on 40 hillsides over three summers "
    "and traced each load to its plant, finding ranges that shrink on windy days."
)


@pytest.mark.parametrize(
    ("venue", "first_line", "kept"),
    [
        ("NATURE ECOLOGY & EVOLUTION", _SUMMARY, False),
        ("JOURNAL OF POLLINATION ECOLOGY", _SUMMARY, True),
        ("NATURE ECOLOGY & EVOLUTION", f"We ask where bees go. {_SUMMARY}", True),
    ],
)
def test_web_of_science_drops_a_nature_journals_editors_summary(
    tmp_path: Path, venue: str, first_line: str, kept: bool
) -> None:
    # WoS puts a Nature journal's editor's summary, one sentence on what "the authors" show,
    # on the AB's first line (eholdridge2/PitcherPlantViruses' savedrecs.txt); another
    # journal's first line, or a first line of more than one sentence, is the abstract's.
    (tmp_path / "savedrecs.txt").write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Pryce, G\nTI Bees\n"
        f"SO {venue}\nAB {first_line}\n   {_BEES}\nPY 2021\nER\n\nEF\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (f"{first_line} {_BEES}" if kept else _BEES)


def test_web_of_science_degree_after_a_number_is_a_degree_sign(tmp_path: Path) -> None:
    # WoS writes a degree as its raised "o" in parentheses (TimothyStaples/labnetwork's
    # savedrecs.txt: "Yanbu, 24(o) N"); an "(o)" after no number is text.
    paper = only(
        load_written(
            tmp_path,
            "savedrecs.txt",
            "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Pryce, G\nTI Reefs\n"
            "AB Reefs at 24(o) N were warmer (31(o)C) than at (o) sites.\nPY 2021\nER\n\nEF\n",
        )
    )
    assert paper.abstract == "Reefs at 24\u00b0 N were warmer (31\u00b0C) than at (o) sites."


def test_web_of_science_picture_placeholder_is_not_text(tmp_path: Path) -> None:
    # WoS writes "[GRAPHICS]" for a graphical abstract, its stop alone on the next line
    # (OVazquezVillegas/SDG-Repository's savedrecs.txt, a Springer journal's record).
    paper = only(
        load_written(
            tmp_path,
            "savedrecs.txt",
            "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Pryce, G\nTI Panels\n"
            "AB Solar panels are made at home.\n   [GRAPHICS]\n   .\nPY 2020\nER\n\nEF\n",
        )
    )
    assert paper.abstract == "Solar panels are made at home."


def test_web_of_science_greek_letter_written_as_a_tag_is_the_letter(tmp_path: Path) -> None:
    # WoS writes a Greek letter as its name in angle brackets (gaarbelaez/TP-init_recherche
    # data/savedrecs.txt: "recycled powders (<75 <mu>m)"), which went with the markup,
    # leaving "(<75 m)"; in the tab-delimited export too. Other tags are markup still.
    plain, tab = load_plain_and_tab(
        tmp_path,
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Pryce, G\n"
        "TI The <Delta>T of <i>Quercus</i> leaves\n"
        "AB Powders (<75 <mu>m) warm by <Delta>T = 2 K.\nPY 2024\nER\n\nEF\n",
        "PT\tAU\tTI\tAB\tPY\nJ\tPryce, G\tPowders\tPowders (<75 <mu>m) set in an hour.\t2024\n",
    )
    assert plain.title == "The \u0394T of Quercus leaves"
    assert plain.abstract == "Powders (<75 \u03bcm) warm by \u0394T = 2 K."
    assert tab.abstract == "Powders (<75 \u03bcm) set in an hour."


def test_web_of_science_record_of_a_collaboration_with_thousands_of_authors(
    tmp_path: Path,
) -> None:
    # An ATLAS paper lists its ~3,000 authors on AU and again on AF lines before its title:
    # the first title line comes after 100,000 characters.
    names = [f"Author{n}, A" for n in range(3000)]
    authors = "".join(f"{'AU' if n == 0 else '  '} {name}\n" for n, name in enumerate(names))
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\n",
        f"PT J\n{authors}{authors.replace('AU ', 'AF ', 1)}",
        "TI Observation of a new boson\nAB We observe a new boson in proton collisions.\n",
        "PY 2012\nER\n\nEF\n",
    )
    assert corpus.files[0].format == "web-of-science"
    paper = only(corpus)
    assert paper.title == "Observation of a new boson" and len(paper.authors) == 3000


def test_web_of_science_hyphenated_initials_lose_their_space(tmp_path: Path) -> None:
    # WoS writes a hyphenated pair of initials with a space in it: "Endara, M. -J.".
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Bruna, EM\n   Endara, MJ\n",
        "AF Bruna, Emilio M.\n   Endara, M. -J.\nTI Herbs in fragments\n",
        "AB We follow an understory herb in forest fragments for eleven years.\nER\n\nEF\n",
    )
    assert only(corpus).authors == ("Emilio M. Bruna", "M.-J. Endara")


def test_web_of_science_full_names_take_the_accents_of_au(tmp_path: Path) -> None:
    # Exports of the 2020s spell AF's names without accents, AU's with them ("López-Cortés,
    # XA" beside "Lopez-Cortes, Xaviera A.", aguerrerolopez/MaldiMaranon savedrecs.txt;
    # "Stöber, A" beside "Stoeber, Anna", Pufan-Huang/SysRev-Collective "savedrecs (1).txt"),
    # in the tab-delimited export too. A surname AU spells otherwise keeps AF's spelling.
    plain, tab = load_plain_and_tab(
        tmp_path,
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Núñez-Pérez, RA\n"
        "   Grünwald, M\n   Łęcki, T\n   Smith, J\nAF Nunez-Perez, Rosa A.\n"
        "   Gruenwald, Marta\n   Lecki, Tomasz\n   Smyth, Jane\nTI Salt marshes\n"
        "AB We map the salt marshes of a delta from the air.\nER\n\nEF\n",
        "PT\tAU\tAF\tTI\tAB\tPY\n"
        "J\tØstby, K; Wölk, J\tOstby, Kari; Woelk, Jonas\tFjords\tWe sound three fjords.\t2024\n",
    )
    assert plain.authors == (
        "Rosa A. Núñez-Pérez", "Marta Grünwald", "Tomasz Łęcki", "Jane Smyth"
    )  # fmt: skip
    assert tab.authors == ("Kari Østby", "Jonas Wölk")


def test_web_of_science_last_initial_i_or_v_read_as_a_numeral_is_an_initial(
    tmp_path: Path,
) -> None:
    # WoS takes a last initial I or V for a numeral after the name: "Semenov, A., V".
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Semenov, AV\n   Yudin, YV\n",
        "   Eidelman, SI\n   King, ML\nAF Semenov, A., V\n   Yudin, Yu, V\n   Eidelman, S., I\n",
        "   King, Martin L., Jr.\nTI Xenon calorimetry\n",
        "AB We identify charged particles in a liquid xenon calorimeter.\nER\n\nEF\n",
    )
    assert only(corpus).authors == (
        "A. V. Semenov", "Yu V Yudin", "S. I. Eidelman", "Martin L. King Jr."
    )  # fmt: skip


def test_web_of_science_names_in_capitals_are_cased(tmp_path: Path) -> None:
    # Records before 2006 give every name in capitals, AF repeating AU's initials ("COWAN,
    # JJ", networks-lab/metaknowledge docs/examples/savedrecs.txt); later ones in AF spell
    # the given names out, still in capitals. Names in mixed case stay as they are.
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN ISI Export Format\nVR 1.0\nPT J\nAU COWAN, JJ\n   MCDONALD, A\n   O'BRIEN, JA\n",
        "   VAN DER BERG, J\n   Zhou, WU\nAF COWAN, JJ\n   MCDONALD, A\n   O'BRIEN, JA\n",
        "   VAN DER BERG, J\n   Zhou, WU\nTI LIGHT IN FIBERS\n",
        "AB We measure the light a fiber carries around a bend.\nER\n\n",
        "PT J\nAU SMITH, JA\n   WU, J\n   DUPONT, JP\nAF SMITH, JOHN A\n   WU, JUN\n",
        "   DUPONT, JEAN-PIERRE\nTI LIGHT IN GLASS\n",
        "AB We measure the light a glass slab carries over a metre.\nER\n\nEF\n",
    )
    fibers, glass = corpus.papers
    assert fibers.authors == (
        "J. J. Cowan", "A. McDonald", "J. A. O'Brien", "J. van der Berg", "WU Zhou"
    )  # fmt: skip
    assert glass.authors == ("John A. Smith", "Jun Wu", "Jean-Pierre Dupont")


def test_a_name_in_capitals_keeps_its_suffix(tmp_path: Path) -> None:
    # A numeral after a name in capitals was cased as a word ("John Smith Iii") and "JR" in
    # the given names read as two initials ("J. R."); "J IV" among initials stays J. I. V.
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN ISI Export Format\nVR 1.0\nPT J\nAU HALE, JOHN III\n   ORTIZ, LUIS JR\n",
        "   PRICE, ANNA, III\n   WEBB, J IV\n   COLE, JM\nTI LIGHT IN FIBERS\n",
        "AB We measure the light a fiber carries around a bend.\nER\n\nEF\n",
    )
    assert only(corpus).authors == (
        "John Hale III", "Luis Ortiz Jr.", "Anna Price III", "J. I. V. Webb", "J. M. Cole"
    )  # fmt: skip
    # Written first name first beside them (CINAHL), a surname with its suffix alone too
    # (the list keeps its order of names; readers turn the first one around later).
    assert cased_in_list(["HALE, JOHN", "ANNA PRICE III", "PRICE III"]) == [
        "Hale, John",
        "Anna Price III",
        "Price III",
    ]


def test_names_in_capitals_in_other_exports_are_cased(tmp_path: Path) -> None:
    # CINAHL (EBSCOhost's RIS and CSV) and Web of Science's tab-delimited export give names
    # in capitals too (TimothyStaples/labnetwork savedrecs.txt, records of 1985-1992: "BENZIE,
    # JAH; PANDOLFI, JM" in AU and again in AF); EBSCOhost's CSV writes some of them first
    # name first (asreview/citation-file-formatting Datasets/CSV and TSV, its CINAHL export).
    for folder in ("ris", "tab", "csv", "wos-ris"):
        (tmp_path / folder).mkdir()
    csv = load_written(
        tmp_path / "csv",
        "cinahl.csv",
        "Article Title,Author,Journal Title,Abstract\n",
        '"Plumage of a juvenile dinosaur.","CROUDACE, ANGUS D.; CAIZHI SHEN; VINTHER, JAKOB",',
        '"Palaeontologia Polonica","Colour reconstructions give new insights."\n',
    )
    assert only(csv).authors == ("Angus D. Croudace", "Caizhi Shen", "Jakob Vinther")
    ris = load_written(
        tmp_path / "ris",
        "cinahl.ris",
        "TY  - JOUR\nAU  - DE LA CRUZ, MARIA\nAU  - D'ANGELO, M\nAU  - Smith, J\n",
        "TI  - Nurses at night\nAB  - We ask nurses how they sleep after night shifts.\nER  - \n",
    )
    assert only(ris).authors == ("Maria de la Cruz", "M. D'Angelo", "J Smith")
    tab = load_written(
        tmp_path / "tab",
        "savedrecs.txt",
        "PT\tAU\tAF\tTI\tAB\tPY\n",
        "J\tKING, ML; SMITH, JA\tKING, ML; SMITH, JA\tDREAMS\tWe read the speech again.\t1994\n",
    )
    assert only(tab).authors == ("M. L. King", "J. A. Smith")
    # Web of Science's AU through its RIS: "JM" (no vowel) shows the list gives initials.
    wos_ris = load_written(
        tmp_path / "wos-ris",
        "wos.ris",
        "TY  - JOUR\nAU  - BENZIE, JAH\nAU  - PANDOLFI, JM\nTI  - ALLOZYME VARIATION\n",
        "AB  - We examine allozyme variation at four loci in reef populations.\nER  - \n",
    )
    assert only(wos_ris).authors == ("J. A. H. Benzie", "J. M. Pandolfi")


def test_venues_in_capitals_are_cased(tmp_path: Path) -> None:
    # Old Web of Science records give the journal in capitals (SO "CORAL REEFS",
    # TimothyStaples/labnetwork savedrecs.txt), and its proceedings still do (SO "2024 33RD
    # INTERNATIONAL CONFERENCE ON …, ICCCN 2024"), and so do some RIS exports (milensys/
    # Pluriversal---Ontology---'s "T2  - LAW AND CRITIQUE"). Small words are small, and
    # publishers' acronyms, names of acronyms ("ICML", "EG-ICE") and names in mixed case stay.
    for folder in ("tab", "ris"):
        (tmp_path / folder).mkdir()
    tab = load_written(
        tmp_path / "tab",
        "savedrecs.txt",
        "PT\tAU\tTI\tSO\tAB\tPY\n",
        "J\tBENZIE, JAH\tREEF ALLOZYMES\tCORAL REEFS\tWe type allozymes at four loci.\t1991\n",
        "J\tCOWAN, JJ\tFORAMS\tJOURNAL OF FORAMINIFERAL RESEARCH\tWe count foraminifera.\t1992\n",
        "J\tKING, ML\tGRAPHS\tJOURNAL OF THE ACM\tWe colour planar graphs.\t1993\n",
        "J\tSMITH, JA\tEDGES\tIEEE TRANSACTIONS ON PATTERN ANALYSIS AND MACHINE INTELLIGENCE\t",
        "We find edges in noisy images.\t1994\n",
        "J\tWU, J\tSPECTRA\tNUCLEAR INSTRUMENTS & METHODS IN PHYSICS RESEARCH SECTION ",
        "A-ACCELERATORS SPECTROMETERS DETECTORS AND ASSOCIATED EQUIPMENT\tWe calibrate a ",
        "detector.\t1995\n",
        "J\tLI, NA\tTRIALS\tBMJ-BRITISH MEDICAL JOURNAL\tWe pool twelve trials.\t1996\n",
        "C\tWU, J\tQUEUES\t2024 33RD INTERNATIONAL CONFERENCE ON COMPUTER COMMUNICATIONS AND ",
        "NETWORKS, ICCCN 2024\tWe bound queueing delay in data centres.\t2024\n",
        "C\tGAVELAN, JPM\tAGILE\t5TH INTERNATIONAL CONFERENCE ON COMPUTING AND INFORMATICS ",
        "(ICCI 2022)\tWe weigh agile methods against the well-being of teams.\t2022\n",
        "C\tRAO, S\tMOODS\t2017 8TH INTERNATIONAL CONFERENCE ON COMPUTING, COMMUNICATION AND ",
        "NETWORKING TECHNOLOGIES (ICCCNT)\tWe read moods in posts.\t2017\n",
        # An acronym that takes a letter from each part of a hyphenated word (ShahKosha2000/
        # Research-paper savedrecs.ris, gjenca/yacite_data_gejza savedrecs.ris).
        "C\tHO, JH\tAGENTS\t2021 IEEE INTERNATIONAL CONFERENCE ON HUMAN-MACHINE SYSTEMS ",
        "(ICHMS)\tWe train agents to explain what they do.\t2021\n",
        "J\tORLOV, V\tENZYMES\tBIOCHEMISTRY (MOSCOW)\tWe purify an enzyme.\t2018\n",
        # The European Community's (lcmolero/cientometria wos_10092025.bib, "EC TAX REVIEW").
        "J\tSCARCELLA, L\tEURO\tEC TAX REVIEW\tWe weigh the taxes of a digital euro.\t2021\n",
        # IFIP's, after IEEE's (profmarcelojesus/gestao_de_custos data/savedrecs.txt).
        "C\tLI, Q\tFAULTS\t2018 48TH ANNUAL IEEE/IFIP INTERNATIONAL CONFERENCE ON DEPENDABLE ",
        "SYSTEMS AND NETWORKS WORKSHOPS (DSN-W)\tWe inject faults into storage nodes.\t2018\n",
        # An acronym with a hyphen of its own (aguerrerolopez/MaldiMaranon savedrecs.txt).
        "C\tLOPEZ, XA\tSPECTRA\t2021 IEEE LATIN AMERICAN CONFERENCE ON COMPUTATIONAL ",
        "INTELLIGENCE (LA-CCI)\tWe label mass spectra with few labels.\t2021\n",
        # Three societies joined by slashes, one not on the list (a Web of Science RIS of
        # 2023's T2, EndNote's saved from it).
        "C\tKIM, S\tBOTS\t2020 IEEE/WIC/ACM INTERNATIONAL JOINT CONFERENCE ON WEB ",
        "INTELLIGENCE AND INTELLIGENT AGENT TECHNOLOGY (WI-IAT 2020)\tWe count bots.\t2020\n",
        # An acronym taking a word's first two letters (CatherineCheng01/Cartography-and-
        # Neural-Networks download_1-500.txt: "… AND COMPUTATION (ICECCO)", read "(Icecco)").
        "C\tOBI, L\tMAPS\t2019 15TH INTERNATIONAL CONFERENCE ON ELECTRONICS, COMPUTER AND ",
        "COMPUTATION (ICECCO)\tWe map rocks from satellite images.\t2019\n",
    )
    assert [paper.venue for paper in tab.papers] == [
        "Coral Reefs",
        "Journal of Foraminiferal Research",
        "Journal of the ACM",
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        "Nuclear Instruments & Methods in Physics Research Section A-Accelerators "
        "Spectrometers Detectors and Associated Equipment",
        "BMJ-British Medical Journal",
        "2024 33rd International Conference on Computer Communications and Networks, ICCCN 2024",
        "5th International Conference on Computing and Informatics (ICCI 2022)",
        "2017 8th International Conference on Computing, Communication and Networking "
        "Technologies (ICCCNT)",
        "2021 IEEE International Conference on Human-Machine Systems (ICHMS)",
        "Biochemistry (Moscow)",
        "EC Tax Review",
        "2018 48th Annual IEEE/IFIP International Conference on Dependable Systems and "
        "Networks Workshops (DSN-W)",
        "2021 IEEE Latin American Conference on Computational Intelligence (LA-CCI)",
        "2020 IEEE/WIC/ACM International Joint Conference on Web Intelligence and "
        "Intelligent Agent Technology (WI-IAT 2020)",
        "2019 15th International Conference on Electronics, Computer and Computation (ICECCO)",
    ]
    ris = load_written(
        tmp_path / "ris",
        "export.ris",
        "TY  - JOUR\nTI  - Law and hope\nT2  - LAW AND CRITIQUE\n",
        "AB  - We read environmental law as a tale of hope.\nER  - \n",
        "TY  - CONF\nTI  - Tiny transformers\nT2  - ICML\n",
        "AB  - We train transformers of a few thousand weights.\nER  - \n",
        "TY  - JOUR\nTI  - Chips\nT2  - Lab on a Chip\n",
        "AB  - We etch channels in glass for cells to flow through.\nER  - \n",
        "TY  - CONF\nTI  - Routing\nT2  - IEEE INFOCOM 2019\n",
        "AB  - We route packets around congested links.\nER  - \n",
        # A conference's acronym of two hyphenated ones, as a Zotero group library names
        # its proceedings (Accord-Project/zotero-bibliography export/zotero.rdf, "EG-ICE").
        "TY  - CONF\nTI  - Scans\nT2  - EG-ICE\n",
        "AB  - We label the walls and ducts of scanned buildings.\nER  - \n",
    )
    assert sorted(paper.venue or "" for paper in ris.papers) == [
        "EG-ICE", "ICML", "IEEE INFOCOM 2019", "Lab on a Chip", "Law and Critique"
    ]  # fmt: skip


def test_publishers_acronyms_title_cased_by_endnote_are_capitals(tmp_path: Path) -> None:
    # EndNote's title case of a Web of Science journal in capitals: "IEEE-ACM" became
    # "Ieee-Acm" (Janchorizo/tfm-slr wos.ris); a word "Acme" is no acronym.
    ris = load_written(
        tmp_path,
        "wos.ris",
        "TY  - JOUR\nTI  - Gene trees\nT2  - Ieee-Acm Transactions on Computational Biology\n",
        "AB  - We reconcile gene trees with species trees.\nER  - \n",
        "TY  - JOUR\nTI  - Anvils\nT2  - Acme Quarterly\n",
        "AB  - We drop anvils from a height.\nER  - \n",
    )
    assert [paper.venue for paper in ris.papers] == [
        "IEEE-ACM Transactions on Computational Biology",
        "Acme Quarterly",
    ]


def test_names_in_capitals_through_endnote_are_cased(tmp_path: Path) -> None:
    # EndNote keeps the names of an old Web of Science record as they came, in capitals,
    # in its tagged and XML exports; its own style writes initials with stops ("J.M.").
    for folder in ("enw", "xml"):
        (tmp_path / folder).mkdir()
    tagged = load_written(
        tmp_path / "enw",
        "wos.enw",
        "%0 Journal Article\n%A BENZIE, JAH\n%A PANDOLFI, JM\n%T Allozyme variation\n",
        "%X We examine allozyme variation at four loci in reef populations.\n\n",
    )
    assert only(tagged).authors == ("J. A. H. Benzie", "J. M. Pandolfi")
    xml = load_written(
        tmp_path / "xml",
        "wos.xml",
        '<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal ',
        'Article">17</ref-type><contributors><authors><author>PANDOLFI, J.M.</author><author>',
        "MCDONALD, ANNA</author></authors></contributors><titles><title>Reef corals</title>",
        "</titles><abstract>We date the death of reef corals along a gradient.</abstract>",
        "</record></records></xml>\n",
    )
    assert only(xml).authors == ("J.M. Pandolfi", "Anna McDonald")


def test_ovid_ris_structured_abstract_sections_lose_the_comma_that_joins_them(
    tmp_path: Path,
) -> None:
    # Ovid's RIS joins the sections with ", " after each stop (ESHackathon/CiteSource
    # vignettes/new_stage_data/medline_84.ris, Ovid MEDLINE(R) Epub Ahead of Print).
    corpus = load_written(
        tmp_path,
        "ovid.ris",
        "TY  - JOUR\nTI  - Wildfire smoke and diabetes\nAU  - Zhang, Yiwen\n",
        "AB  - OBJECTIVE: To evaluate wildfire smoke and diabetes (PM2.5)., RESEARCH DESIGN AND ",
        "METHODS: We collected 3,612 admissions in 2000-2019., Results: Risks rose by 1.7%., ",
        "CONCLUSIONS: Smoke matters, as seen before (e.g., Results: of Smith et al., Nature: ",
        "2020).\nDB  - Ovid MEDLINE(R) Epub Ahead of Print\nER  - \n",
    )
    assert only(corpus).abstract == (
        "OBJECTIVE: To evaluate wildfire smoke and diabetes (PM2.5). RESEARCH DESIGN AND "
        "METHODS: We collected 3,612 admissions in 2000-2019. Results: Risks rose by 1.7%. "
        "CONCLUSIONS: Smoke matters, as seen before (e.g., Results: of Smith et al., Nature: "
        "2020)."
    )


def test_ovid_ris_abstract_heading_over_a_section_heading_goes_with_the_comma(
    tmp_path: Path,
) -> None:
    # After a Wiley accessible summary, Ovid glues "ABSTRACT: " over the first section's
    # heading (ESHackathon/CiteSource vignettes/new_stage_data/medline_84.ris); the one-liner
    # read "ABSTRACT: AIM: The present review ...".
    corpus = load_written(
        tmp_path,
        "ovid.ris",
        "TY  - JOUR\nTI  - Shift work and sleep of nurses: a review\nAU  - Demir, Ayse\n",
        "AB  - WHAT IS KNOWN ON THE SUBJECT?: Night shifts are known to disturb the sleep of ",
        "nurses., ABSTRACT: AIM: The present review explored how shift work changes the sleep ",
        "of nurses in hospitals., METHOD: This is a systematic review study., CONCLUSION: ",
        "Shift work shortens sleep.\nDB  - Ovid MEDLINE(R) Epub Ahead of Print\nER  - \n",
    )
    assert only(corpus).abstract == (
        "WHAT IS KNOWN ON THE SUBJECT?: Night shifts are known to disturb the sleep of nurses. "
        "AIM: The present review explored how shift work changes the sleep of nurses in "
        "hospitals. METHOD: This is a systematic review study. CONCLUSION: Shift work shortens "
        "sleep."
    )


def test_ovid_central_ris_paragraphs_lose_the_comma_that_joins_them(tmp_path: Path) -> None:
    # Ovid's CENTRAL joins a registered trial's paragraphs as it joins sections
    # (MaxenceOuafik/MSM-Syndemic-Scoping-Review Files/search_strategy/cochrane.ris); the
    # one-liner read "… with prevention initiatives., Social anxiety is …" as one sentence.
    # After an abbreviation ("e.g.", "sp.", "spp.", "esp.", "approx.", "incl.") it stays.
    corpus = load_written(
        tmp_path,
        "cochrane.ris",
        "1. \nTY  - ELEC\nT1  - Peer support for carers\nA1  - Okonkwo AB\n",
        "N2  - Carers of people with dementia report loneliness., Peer groups may help (PG)., ",
        "The trial randomises 200 carers; 41.5%., Half meet in person., We follow them for a ",
        "year, e.g., The city of Leeds., Groups meet in the U.S., Canada and Inc., Boston. ",
        "Homes held moulds (Aspergillus sp., Penicillium spp., Fusarium) and, esp., ",
        "Cladosporium; we visit approx., Twelve a week, incl., Saturdays.\n",
        "ER  -  \n",
    )
    assert only(corpus).abstract == (
        "Carers of people with dementia report loneliness. Peer groups may help (PG). The trial "
        "randomises 200 carers; 41.5%. Half meet in person. We follow them for a year, e.g., "
        "The city of Leeds. Groups meet in the U.S., Canada and Inc., Boston. Homes held moulds "
        "(Aspergillus sp., Penicillium spp., Fusarium) and, esp., Cladosporium; we visit "
        "approx., Twelve a week, incl., Saturdays."
    )


def test_a_name_in_capitals_of_many_apostrophes_is_cased_without_recursion(tmp_path: Path) -> None:
    # Each letter before an apostrophe ("O'BRIEN", "D'O'BRIEN") was cased by a call for the
    # rest of the name: a damaged name of 5,000 of them ran out of stack and sank the file.
    name = "O'" * 5000 + "BRIEN, JH"
    ris = load_written(
        tmp_path,
        "cinahl.ris",
        f"TY  - JOUR\nAU  - {name}\nAU  - D'O'BRIEN, M\nTI  - Nurses at night\n",
        "AB  - We ask nurses how they sleep after night shifts.\nER  - \n",
    )
    assert only(ris).authors == ("J. H. " + "O'" * 5000 + "Brien", "M. D'O'Brien")


def test_web_of_science_spaced_entities_are_characters(tmp_path: Path) -> None:
    # WoS writes a character it has no glyph for as an entity with spaces around its '&'
    # (seen in a 2025 savedrecs.txt); a '&' before no entity's name stays.
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Deleporte, A\n",
        "TI Fermions of a Schr & ouml;dinger operator\n",
        "AB We obtain a Szeg & odblac;-type limit theorem (p & lt; 0.05) with\n",
        "   M. & Ouml;zt & uuml;rk for R & D; teams.\nPY 2025\nER\n\nEF\n",
    )
    paper = only(corpus)
    assert paper.title == "Fermions of a Schrödinger operator"
    assert paper.abstract == (
        "We obtain a Szegő-type limit theorem (p < 0.05) with M. Öztürk for R & D; teams."
    )


def test_web_of_science_formula_given_as_text_and_tex_is_given_once(tmp_path: Path) -> None:
    # Wiley's MathML comes as its text then its TeX, glued (seen in a 2025 savedrecs.txt:
    # "on R$\\mathbb {R}$", "H1/2$H<^>{1/2}$"); other inline math stays for the cleaning.
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Lindqvist, B\n",
        "TI Random matrices on R$\\mathbb {R}$\n",
        "AB Wells on Z$\\mathbb {Z}$ give an L2$L<^>{2}$-type bound for every\n",
        "   $\\alpha$ in $d$ dimensions.\nPY 2025\nER\n\nEF\n",
    )
    paper = only(corpus)
    assert paper.title == "Random matrices on R"
    assert paper.abstract == ("Wells on Z give an L2-type bound for every \u03b1 in d dimensions.")


def test_web_of_science_formula_given_as_tex_and_text_is_given_once(tmp_path: Path) -> None:
    # IEEE's MathML comes as its TeX then its text (Collapsarb612/campus-behavior-network
    # savedrecs.txt, an IEEE TKDE record: "for $K$K-nearest representatives"), read as
    # "KK-nearest"; a formula before a word that only opens with its letters stays.
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Huang, Dong\n",
        "TI Multiple kernel $k$k-means clustering\n",
        "AB We find $K$K-nearest anchors of $n$nodes in $p$Pb data at $K$K.\n",
        "PY 2020\nER\n\nEF\n",
    )
    paper = only(corpus)
    assert paper.title == "Multiple kernel k-means clustering"
    assert paper.abstract == "We find K-nearest anchors of nnodes in pPb data at K."


def test_web_of_science_structured_abstract_keeps_its_section_labels_as_labels(
    tmp_path: Path,
) -> None:
    # A structured abstract comes one section a line, its label alone on the line before
    # ("Review" of CGIR's "Manuscript Type: Review", seen in seinecle/Biblos' savedrecs.txt);
    # an export that wraps its lines keeps a short wrapped line ("plots") as text.
    paragraph = "Over the last four decades, research on boards of directors and strategy grew."
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Thomson Reuters Web of Knowledge\nVR 1.0\nPT J\nAU Pugliese, A\n",
        "TI Boards of Directors' Contribution to Strategy\n",
        f"AB Review\n   {paragraph} Yet there is little agreement on how.\n",
        "   Research Question/Issue\n",
        f"   {paragraph} We ask how boards contribute to strategy and why.\n",
        "PY 2009\nER\n\nPT J\nAU Bruna, EM\nTI Wrapped\n",
        "AB Survival of the herb fell with distance from the edge in the\n",
        "   plots\n",
        "   of the fragmented landscape.\nPY 2023\nER\n\nEF\n",
    )
    first, wrapped = corpus.papers
    assert first.abstract == (
        f"Review: {paragraph} Yet there is little agreement on how. "
        f"Research Question/Issue: {paragraph} We ask how boards contribute to strategy and why."
    )
    assert wrapped.abstract == (
        "Survival of the herb fell with distance from the edge in the plots of the fragmented "
        "landscape."
    )


def test_web_of_science_date_of_issue_is_dated_with_its_year(tmp_path: Path) -> None:
    # PD holds a month and maybe a day, never the year (PY's); an early-access record has
    # EA ("JUN 2021") instead; a season is no month. Since 2025 an early-access record's PD
    # opens with the year ("2025 MAR 17"); a MEDLINE record's is NLM's ("2020-Dec",
    # mjwestgate/synthesisr testdata/WoS_ciw_example.ciw).
    records = [("PD DEC 10\nPY 2020\n", "2020-12-10"), ("PD SEP\nPY 2020\n", "2020-09"),
               ("EA JUN 2021\n", "2021-06"), ("PD SPR\nPY 1994\n", "1994"),
               ("PD 2025 MAR 17\nPY 2025\nEA MAR 2025\n", "2025-03-17"),
               ("PD 2020-Dec\nPY 2020\n", "2020-12")]  # fmt: skip
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\n",
        *(
            f"PT J\nAU Riley, WJ\nTI Radon mitigation, case {n}\n"
            f"AB Sub-slab depressurization cuts indoor radon in case {n}.\n{fields}ER\n\n"
            for n, (fields, _) in enumerate(records)
        ),
        "EF\n",
    )
    assert [p.date for p in corpus.papers] == [date for _, date in records]


def test_web_of_science_exports_joined_keep_each_files_header_out(tmp_path: Path) -> None:
    # Web of Science exports 500 records at a time; the files joined with `cat` keep each
    # one's byte-order mark before its FN/VR header, and the header is still no stray line.
    export = (FIXTURES / "wos-savedrecs.txt").read_text(encoding="utf-8-sig")
    second = export.replace("10.1016/j.jmmm.2017.01.061", "10.1016/j.jmmm.2017.01.062")
    second = second.replace("twenty", "ten").replace("28000001", "28000002")  # no duplicate
    (tmp_path / "joined.txt").write_text("\ufeff" + export + "\ufeff" + second, encoding="utf-8")
    corpus = load_papers([tmp_path / "joined.txt"])
    assert [p.doi for p in corpus.papers] == [
        "10.1016/j.jmmm.2017.01.061",
        "10.1016/j.jmmm.2017.01.062",
    ]
    # The record without an abstract, once per file; no header line among what is skipped.
    [skipped] = corpus.skipped
    assert skipped.reason.startswith("2 records without an abstract")


def test_a_single_web_of_science_record_without_the_file_header() -> None:
    corpus = load("wos-single.txt")
    assert corpus.files[0].format == "web-of-science"
    assert only(corpus).doi == "10.1016/j.jmmm.2017.01.061"
    assert corpus.skipped == ()


@pytest.mark.parametrize("before", [" ", "\ufeff ", "\n\t"])
def test_a_web_of_science_export_with_spaces_before_its_first_tag(
    tmp_path: Path, before: str
) -> None:
    # " FN Clarivate Analytics Web of Science": it was read as pasted text, every field
    # line skipped as "not an abstract".
    export = (FIXTURES / "wos-savedrecs.txt").read_text(encoding="utf-8-sig")
    (tmp_path / "savedrecs.txt").write_text(before + export, encoding="utf-8")
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "web-of-science"
    assert only(corpus).doi == "10.1016/j.jmmm.2017.01.061"
    [skipped] = corpus.skipped  # the record without an abstract, no header line
    assert skipped.excerpt == "EXPERIMENTS IN PHENOMENOLOGICAL ELECTRODYNAMICS"


def test_a_web_of_science_export_with_a_tab_after_each_tag(tmp_path: Path) -> None:
    # Seen in a real savedrecs.txt of 2021 records: a tab after each tag, a field's further
    # lines (the second author, a second ORCID) not indented, a bare EF. It was read as
    # pasted text: no title, author or venue, every tag line skipped as "not an abstract".
    lines = [
        "FN\tClarivate Analytics Web of Science", "VR\t1.0", "PT\tJ",
        "AU\tOkafor, Chidi", "DE LA TORRE, Ines", "RI\t", "Okafor, Chidi \tX-1234-2019 ",
        "TI\tTide pools as classrooms: a scoping review of field teaching",
        "SO\tJOURNAL OF COASTAL EDUCATION", "DI\t10.9999/jce.2021.7", "EA\tAPR 2021",
        "PY\t2021",
        "AB\tField teaching at the shore is widely used but rarely studied. We reviewed "
        "forty studies of tide-pool lessons and found gains in observation skills.",
        "ZR\t0", "TC\t0", "UT\tWOS:000000000000007", "ER\t", "EF",
    ]  # fmt: skip
    (tmp_path / "savedrecs.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "web-of-science"
    paper = only(corpus)
    assert paper.title == "Tide pools as classrooms: a scoping review of field teaching"
    assert paper.authors == ("Chidi Okafor", "Ines DE LA TORRE")  # as written
    assert paper.venue == "Journal of Coastal Education"
    assert paper.doi == "10.9999/jce.2021.7"
    assert paper.abstract.startswith("Field teaching at the shore")
    assert corpus.skipped == ()


# --- EndNote tagged -------------------------------------------------------------------------


def test_endnote_tagged_named_xml() -> None:
    corpus = load("endnote-tagged.xml")
    assert corpus.files[0].format == "endnote-tagged"
    paper = only(corpus)
    assert paper.title == "A constant rate of spontaneous mutation in DNA-based microbes."
    assert paper.authors == ("John W. Drake",)
    assert paper.abstract.endswith("one in three hundred per replication.")
    assert paper.doi == "10.1073/pnas.88.16.7160"  # from the second %U
    assert paper.url == "http://www.pubmedcentral.nih.gov/articlerender.fcgi?artid=52253"
    assert paper.keywords == ("Bacterial", "Bacterial: genetics", "Base Composition")
    assert corpus.skipped[0].excerpt == "A book without an abstract"


def test_endnote_tagged_proceedings_named_in_the_series_field_are_the_venue(
    tmp_path: Path,
) -> None:
    # The ACL Anthology's "Endnote" (bibutils'): a paper's proceedings in %S, no %J or %B.
    paper = only(
        load_written(
            tmp_path,
            "paper.enw",
            "%0 Conference Proceedings\n%T Pruning attention heads by their gradients\n",
            "%A Moreau, Lise\n%Y Okafor, Chidi\n",
            "%S Proceedings of the 2024 Workshop on Small Language Models\n",
            "%D 2024\n%8 June\n%I Association for Computational Linguistics\n",
            "%X We prune the attention heads whose gradients stay small.\n",
            "%R 10.18653/v1/2024.slm-1.7\n%U https://aclanthology.org/2024.slm-1.7/\n",
        )
    )
    assert paper.venue == "Proceedings of the 2024 Workshop on Small Language Models"
    assert (paper.date, paper.authors) == ("2024-06", ("Lise Moreau",))


# --- ScienceDirect text ---------------------------------------------------------------------


def test_sciencedirect_text_export() -> None:
    corpus = load("sciencedirect.txt")
    assert corpus.files[0].format == "sciencedirect"
    fake, health = corpus.papers
    assert fake.title == "A computational approach for examining the roots of fake news"
    assert fake.authors == ("S. Mo Jang", "Tieming Geng", "Jo-Yun Queenie Li")
    assert (fake.venue, fake.date, fake.doi) == (
        "Computers in Human Behavior",
        "2018",
        "10.1016/j.chb.2018.02.032",
    )
    assert fake.keywords == ("Fake news", "Evolution tree analysis")
    assert health.abstract == (
        "Objectives: Fake news in health is a potential threat to public health, but its "
        "scope is unclear. Methods: We assessed the most shared health links in Polish "
        "social media. Results: Forty percent of the most shared links contained fake news."
    )
    [chapter] = corpus.skipped  # no abstract
    assert chapter.excerpt == "Chapter 2 - The Psychology of Lying"


def test_sciencedirect_text_whose_first_record_has_thousands_of_authors() -> None:
    # An ATLAS paper in Physics Letters B: its 3,000 authors fill the first line, so the
    # article's page and the Abstract line come after 30,000 characters.
    authors = ", ".join(f"G. Aad{n}" for n in range(3000))
    text = (
        f"{authors},\nObservation of a new particle,\nPhysics Letters B,\nVolume 716,\n"
        "2012,\nPages 1-29,\nISSN 0370-2693,\nhttps://doi.org/10.1016/j.physletb.2012.08.020.\n"
        "(https://www.sciencedirect.com/science/article/pii/S037026931200857X)\n"
        "Abstract: A new particle is observed in proton collisions with the ATLAS detector.\n"
    )
    assert sniff_format(text).name == "sciencedirect"


def test_sciencedirect_citations_only_say_which_export_has_abstracts(tmp_path: Path) -> None:
    # ScienceDirect's text export made with "Citation only": no 'Abstract:' line anywhere.
    citations = (
        "S. Mo Jang, Tieming Geng,\nA computational approach for examining fake news,\n"
        "Computers in Human Behavior,\nVolume 84,\n2018,\nPages 103-113,\nISSN 0747-5632,\n"
        "https://doi.org/10.1016/j.chb.2018.02.032.\n"
        "(https://www.sciencedirect.com/science/article/pii/S0747563218300906)\n\n"
        "Aurelio Coronado Mares,\nChapter 2 - The Psychology of Lying,\n"
        "Editor(s): Brent E. Turvey,\nFalse Allegations,\nAcademic Press,\n2018,\n"
        "Pages 21-36,\nISBN 9780128012505,\n"
        "https://doi.org/10.1016/B978-0-12-801250-5.00002-1.\n"
        "(https://www.sciencedirect.com/science/article/pii/B9780128012505000021)\n"
    )
    (tmp_path / "ScienceDirect_citations.txt").write_text(citations, encoding="utf-8")
    assert sniff_format(citations).name == "sciencedirect"
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "ScienceDirect_citations.txt"])
    assert "2 records without an abstract" in str(error.value)
    assert "'Citation and abstract'" in str(error.value)


def test_sciencedirect_record_pasted_in_a_readme_leaves_its_prose_out(tmp_path: Path) -> None:
    # A project's README cites its paper with ScienceDirect's text export, after its own
    # paragraphs (an ICS security tool's): those are text around the record, not records
    # "without an 'Abstract:' line".
    corpus = load_written(
        tmp_path,
        "README.md",
        "# Grid Guard\n\nA defence for control systems, tuned by AutoML.\n\n",
        "Key Features\n\n\t\u2022\tFeature engineering: scaling, selection.\n\n",
        "Cite This Work\n\nAda Byron, Alan Turing,\n",
        "An automated defender for industrial control systems,\n",
        "International Journal of Critical Infrastructure Protection,\nVolume 47,\n2024,\n",
        "100718,\nISSN 1874-5482,\nhttps://doi.org/10.1016/j.ijcip.2024.100718.\n",
        "(https://www.sciencedirect.com/science/article/pii/S1874548224000593)\n",
        "Abstract: We defend control systems against attacks with automated learning.\n",
        "Keywords: Feature engineering; Industrial control system\n",
    )
    paper = only(corpus)
    assert paper.title == "An automated defender for industrial control systems"
    [prose] = corpus.skipped
    assert (prose.line, prose.excerpt) == (1, "# Grid Guard")
    assert prose.reason.startswith("5 paragraphs outside ScienceDirect records")
    assert prose.notice


def test_sciencedirect_chapter_numbers_are_no_part_of_a_books_chapter_titles(
    tmp_path: Path,
) -> None:
    # ScienceDirect numbers a book's chapters in their titles, in its BibTeX as in its text
    # (real: a ScienceDirect BibTeX export, "title = {1 - Congruence of deep learning in
    # biomedical engineering: …}", and bench's sciencedirect_txt "Chapter 7 - Detecting …").
    (tmp_path / "ScienceDirect_citations.bib").write_text(
        "@incollection{BEHURA20211,\ntitle = {1 - Congruence of deep learning in biomedical "
        "engineering},\nbooktitle = {Handbook of Deep Learning in Biomedical Engineering},\n"
        "year = {2021},\ndoi = {https://doi.org/10.1016/B978-0-12-823014-5.00003-X},\n"
        "author = {Aradhana Behura},\nabstract = {Deep learning reads medical images well. "
        "We survey its uses in biomedical engineering.}\n}\n"
        "@article{KIM2020,\ntitle = {3 - 4 Year-olds share toys more than older children},\n"
        "journal = {Cognition},\nyear = {2020},\ndoi = {https://doi.org/10.1016/j.cog.2020.1},"
        "\nauthor = {Jin Kim},\nabstract = {Young children share toys. We watched sixty of "
        "them at play for a week.}\n}\n",
        encoding="utf-8",
    )
    (tmp_path / "ScienceDirect_citations.txt").write_text(
        "Giorgio Ganis,\nChapter 7 - Detecting Deception With Neuroimaging,\nEditor(s): J. "
        "Peter Rosenfeld,\nDetecting Concealed Information and Deception,\nAcademic Press,\n"
        "2018,\nPages 145-166,\nISBN 9780128127292,\n"
        "https://doi.org/10.1016/B978-0-12-812729-2.00007-0.\n"
        "(http://www.sciencedirect.com/science/article/pii/B9780128127292000070)\n"
        "Abstract: Neuroimaging can detect concealed information. We review what it finds.\n",
        encoding="utf-8",
    )
    titles = sorted(paper.title or "" for paper in load_papers([tmp_path]).papers)
    assert titles == [
        # A journal article's title that starts with a number and a dash keeps them.
        "3 - 4 Year-olds share toys more than older children",
        "Congruence of deep learning in biomedical engineering",
        "Detecting Deception With Neuroimaging",
    ]


def test_proquest_text_export() -> None:
    # ProQuest's "Text only" export: a report header and table of contents, then one block
    # of "Label: value" paragraphs a document, and its documents again as BibTeX at the end.
    corpus = load("proquest.txt")
    assert corpus.files[0].format == "proquest"
    thesis, trial = corpus.papers
    assert thesis.title == "Quantify this: Statistics, the state, and governmentality"
    assert thesis.authors == ("Ana M. Lee",)
    assert (thesis.date, thesis.venue) == ("2014", "University of Toronto (Canada)")
    assert thesis.url == "http://search.proquest.com/docview/1540000001?accountid=14906"
    assert thesis.abstract.endswith("from their founding to the present day.")
    assert "Governmentality" in thesis.keywords
    assert trial.authors == ("Maria Garcia", "Wei Chen", "Sean O'Brien")
    assert (trial.doi, trial.pmid, trial.date) == ("10.1111/jocs.13999", "30712345", "2019-03")
    assert trial.venue == "Journal of Cardiac Surgery"
    assert trial.keywords[:3] == ("Cardiac surgery", "Patient monitoring", "Telemedicine")
    # The abstract's labelled paragraphs are its own; the full text after it is not.
    assert trial.abstract == (
        "Background: Readmissions after cardiac surgery are frequent and costly. Methods: "
        "Sixty patients were randomised to remote monitoring or usual care for thirty days "
        "after discharge. Results: Remote monitoring reduced readmissions by a third without "
        "adding clinic visits."
    )
    [news] = corpus.skipped  # "Abstract: None available." and only a full text
    assert news.excerpt == "City council weighs new bike lanes"


def test_a_proquest_document_ends_at_the_rule_after_it(tmp_path: Path) -> None:
    # The last document's Abstract is its last field: ProQuest's contact and copyright
    # paragraphs after the closing rule are not part of it.
    document = (
        "Document 1 of 1\n\nQuantify this: Statistics and the state\n\n"
        "Author: Lee, Ana M.\n\nPublication year: 2014\n\n"
        "ProQuest document ID: 1540000001\n\n"
        "Abstract: This dissertation studies how official statistics came to shape the way "
        "governments see the populations they rule.\n\n"
        + "_" * 60
        + "\n\nContact ProQuest\n\nCopyright © 2024 ProQuest LLC. All rights reserved.\n"
    )
    (tmp_path / "ProQuestDocuments-2024-03-05.txt").write_text(document, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract.endswith("see the populations they rule.")


def test_proquest_text_export_without_abstracts_says_which_export_has_them(
    tmp_path: Path,
) -> None:
    document = (
        "Document 1 of 1\n\nQuantify this: Statistics and the state\n\n"
        "Author: Lee, Ana M.\n\nAbstract: None available.\n\n"
        "ProQuest document ID: 1540000001\n\nPublication year: 2014\n"
    )
    (tmp_path / "ProQuestDocuments-2024-03-05.txt").write_text(document, encoding="utf-8")
    assert sniff_format(document).name == "proquest"
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    assert "'Citation, abstract, indexing'" in str(error.value)


def test_google_scholar_endnote_citations_say_which_export_has_abstracts(
    tmp_path: Path,
) -> None:
    # Google Scholar's "EndNote" link: %0, %T, %A, %J, %D; never a %X.
    (tmp_path / "citations.enw").write_text(
        "%0 Journal Article\n%T Multi-focus image fusion of microscopic images\n"
        "%A Lee, Jiyoung\n%J Sensors\n%V 21\n%D 2021\n%I MDPI\n\n\n"
        "%0 Thesis\n%T Object tracking on a many-core embedded system\n"
        "%A Minozzo, Laercio\n%D 2017\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    assert "2 records without an abstract" in str(error.value)
    assert "Google Scholar's EndNote citations have no abstracts" in str(error.value)


def test_google_scholar_ris_citations_say_which_export_has_abstracts(tmp_path: Path) -> None:
    # Google Scholar's "RefMan" link: T1, A1, JO, Y1, PB; never an AB (EhsanBitaraf/triple-a
    # tests/fixtures/cite-file/scholar.ris).
    (tmp_path / "scholar.ris").write_text(
        "TY  - JOUR\nT1  - Artificial intelligence for diagnosis of acute coronary syndromes\n"
        "A1  - Iannattone, Patrick A\nJO  - Canadian Journal of Cardiology\nVL  - 36\n"
        "Y1  - 2020\nPB  - Elsevier\nER  - \n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    assert "Google Scholar's RefMan citations never have them" in str(error.value)


def test_ieee_xplore_plain_text_of_a_collaboration_with_thousands_of_authors(
    tmp_path: Path,
) -> None:
    # IEEE lists every author of a collaboration's paper on the citation line, before the
    # quoted title: 3,000 names push the title and the URL line past the first 60,000
    # characters.
    authors = ", ".join(f"A. Author{n}" for n in range(3000))
    corpus = load_written(
        tmp_path,
        "export.txt",
        f'{authors} and B. Last, "Performance of the ATLAS Trigger System," in IEEE '
        "Transactions on Nuclear Science, vol. 59, no. 4, pp. 1-10, 2012, "
        "doi: 10.1109/TNS.2012.1.\n",
        "Abstract: We describe the performance of the trigger system in proton collisions.\n",
        "keywords: {Detectors;Triggers},\n",
        "URL: https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=1&isnumber=2\n",
    )
    assert corpus.files[0].format == "ieee-text"
    paper = only(corpus)
    assert paper.title == "Performance of the ATLAS Trigger System"
    assert len(paper.authors) == 3001 and paper.doi == "10.1109/TNS.2012.1"


def test_ieee_xplore_plain_text_export() -> None:
    # IEEE Xplore's "Plain Text" export with "Citation and Abstract": a citation line in
    # IEEE's style, then Abstract, keywords and URL lines.
    corpus = load("ieee-plain.txt")
    assert corpus.files[0].format == "ieee-text"
    magazine, conference, transactions = corpus.papers
    assert magazine.title == (
        "Trajectory Planning and Tracking for Autonomous Vehicle Based on State Lattice "
        "and Model Predictive Control"
    )
    assert magazine.authors == ("C. Zhang", "D. Chu", "S. Liu", "Z. Deng", "C. Wu", "X. Su")
    assert (magazine.venue, magazine.date, magazine.doi) == (
        "IEEE Intelligent Transportation Systems Magazine",
        "2019",
        "10.1109/MITS.2019.2903536",
    )
    assert magazine.keywords == (
        "Trajectory",
        "Autonomous vehicles",
        "Planning",
        "Vehicle dynamics",
    )
    assert magazine.url == (
        "https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=8668708&isnumber=8694967"
    )
    # A conference's name ends where its place begins; a journal's may hold commas.
    assert conference.venue == (
        "2020 30th International Conference on Field-Programmable Logic and Applications (FPL)"
    )
    assert transactions.venue == "IEEE Transactions on Systems, Man, and Cybernetics: Systems"
    [standard] = corpus.skipped  # no Abstract line (and no authors)
    assert standard.excerpt == "IEEE Standard for Floating-Point Arithmetic"


def test_ieee_xplore_citations_only_say_which_export_has_abstracts(tmp_path: Path) -> None:
    (tmp_path / "export.txt").write_text(
        'L. Chen and Y. Wang, "Event-Triggered Consensus of Multiagent Systems," in IEEE '
        "Transactions on Cybernetics, vol. 52, no. 3, pp. 1700-1710, March 2022, doi: "
        "10.1109/TCYB.2020.3035712.\n"
        "URL: https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=9262000&isnumber=1\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    assert "'Citation and Abstract'" in str(error.value)


def test_scopus_plain_text_export() -> None:
    # Scopus's "Plain text" export: header, then per record the authors, their full names
    # and ids, the title, the "(year) source, volume, pages" citation, the link and the
    # labelled lines, closed by "SOURCE: Scopus".
    corpus = load("scopus-plain.txt")
    assert corpus.files[0].format == "scopus-text"
    review, soil, editorial = corpus.papers
    assert review.title == "Graph neural networks for traffic forecasting: A review"
    assert review.authors == ("Mohammad Alamgir Hossain", "Li Chen", "Juan Ortega")
    assert (review.venue, review.date, review.doi) == (
        "Transportation Research Part C: Emerging Technologies",
        "2023",
        "10.1016/j.trc.2023.104012",
    )
    assert review.keywords == ("Deep learning", "Graph neural network", "Traffic forecasting")
    assert review.url is not None and review.url.startswith("https://www.scopus.com/inward/")
    assert review.abstract.endswith("lists the questions that remain open.")
    # An older export names the authors "Kumar, R., Singh, A." and has no full names.
    assert (soil.authors, soil.venue) == (("R. Kumar", "A. Singh"), "Remote Sensing")
    # No author; a title in capitals with a colon is no label.
    assert (editorial.title, editorial.authors) == ("COVID-19: A REVIEW OF THE FIRST YEAR", ())
    assert (editorial.pmid, editorial.venue) == ("33450000", "The Lancet")
    [dataset] = corpus.skipped  # references, but no abstract
    assert dataset.excerpt == "A dataset of street scenes for detecting cyclists"


def test_scopus_plain_text_without_abstracts_says_which_export_has_them(tmp_path: Path) -> None:
    (tmp_path / "scopus.txt").write_text(
        "Scopus\nEXPORT DATE: 12 March 2024\n\nKumar, R., Singh, A.\n"
        "Soil moisture retrieval from Sentinel-1 data\n(2019) Remote Sensing, 11 (7), "
        "pp. 845-860.\nDOCUMENT TYPE: Article\nSOURCE: Scopus\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    assert "'Abstract & keywords'" in str(error.value)


def test_sciencedirect_record_without_authors_keeps_its_title(tmp_path: Path) -> None:
    # An editorial: the title is the first line, the journal the second.
    corpus = load_written(
        tmp_path,
        "ScienceDirect_citations.txt",
        "Editorial: the year in sleep medicine and what comes next,\nSleep Medicine,\n",
        "Volume 84,\n2021,\nPages 1-2,\nISSN 1389-9457,\n",
        "https://doi.org/10.1016/j.sleep.2021.01.001.\n",
        "(https://www.sciencedirect.com/science/article/pii/S1389945721000011)\n",
        "Abstract: This editorial looks back at the studies the journal published this year ",
        "and at the questions they leave open for the next one.\n",
    )
    paper = only(corpus)
    assert paper.title == "Editorial: the year in sleep medicine and what comes next"
    assert (paper.authors, paper.venue) == ((), "Sleep Medicine")


def test_endnote_tagged_type_line_after_the_authors_and_title(tmp_path: Path) -> None:
    # HighWire Press's EndNote export (Oxford journals, PNAS…): %A and %T before %0, values
    # with a trailing space.
    one, two = load_written(
        tmp_path,
        "citation.enw",
        "%A Griffiths-Jones, Sam\n%A Bateman, Alex\n%T Rfam: an RNA family database\n"
        "%0 Journal Article\n%D 2003 \n%8 January 1, 2003 \n%J Nucleic Acids Research \n"
        "%R 10.1093/nar/gkg006 \n%X Rfam is a collection of multiple sequence alignments and "
        "covariance models representing non-coding RNA families. \n\n",
        "%A Eddy, Sean R.\n%T Profile hidden Markov models\n%0 Journal Article\n%D 1998 \n"
        "%X The recent literature on profile hidden Markov model methods is reviewed.\n",
    ).papers
    assert (one.title, one.authors, one.doi) == (
        "Rfam: an RNA family database",
        ("Sam Griffiths-Jones", "Alex Bateman"),
        "10.1093/nar/gkg006",
    )
    assert (two.title, two.authors) == ("Profile hidden Markov models", ("Sean R. Eddy",))


def test_endnote_tagged_with_every_line_indented(tmp_path: Path) -> None:
    # AGU's search export (about 2007, quoted in BibDesk's BDSKReferParser.m) opens every
    # line with a space: the file was read as lines of text, 22 of them skipped, the paper
    # "%X In this paper …" without a title.
    corpus = load_written(
        tmp_path,
        "agu.enw",
        " %0 Journal Article \n %A B. Okafor\n %A Y. Lind \n %D 2005-09-27 \n"
        " %T Modeling dispersion of a plume in the deep ocean \n %J J. Geophys. Res. \n"
        " %3 doi:10.1029/2004JC000001 \n %K 4255 Oceanography: General: Numerical modeling\n"
        " %X We predict how a plume of dissolved gas disperses from a port near the seafloor. \n"
        " %U [URL-Abstract] http://dx.doi.org/10.1029/2004JC000001\n \n",
    )
    assert corpus.files[0].format == "endnote-tagged"
    [paper] = corpus.papers
    assert (paper.title, paper.authors, paper.venue, paper.date) == (
        "Modeling dispersion of a plume in the deep ocean",
        ("B. Okafor", "Y. Lind"),
        "J. Geophys. Res.",
        "2005-09-27",
    )
    assert paper.abstract.startswith("We predict how a plume")
    assert not corpus.skipped


def test_endnote_tagged_venue_of_a_citation_in_b(tmp_path: Path) -> None:
    # The Cochrane Library's EndNote export of records from Embase: no %J, and %B a citation.
    citation, book = load_written(
        tmp_path,
        "central.txt",
        "%0 Journal Article\n%D 2016\n%T Characteristics of patients newly treated with GLP-1 "
        "receptor agonists\n%B BMJ Open. 6 (7) (no pagination), 2016. Article Number: e010197. "
        "Date of Publication: 01 Jul 2016.\n%R http://dx.doi.org/10.1136/bmjopen-2015-010197\n"
        "%X Several GLP-1 receptor agonists have been made recently available in Spain.\n"
        "%~ CENTRAL\n%G eng\n\n\n\n",
        "%0 Book Section\n%T Learning to rank\n%B Proc. 2019 Conference on Web Search (WSDM), "
        "2019\n%X We learn to rank documents from clicks with a pairwise loss.\n",
    ).papers
    assert (citation.venue, citation.doi) == ("BMJ Open", "10.1136/bmjopen-2015-010197")
    assert book.venue == "Proc. 2019 Conference on Web Search (WSDM), 2019"


def test_endnote_tagged_address_in_braces(tmp_path: Path) -> None:
    # A Magtech journal site's EndNote download: the address in braces, an empty %R.
    paper = only(
        load_written(
            tmp_path,
            "getTxtFile.txt",
            "%0 Journal Article\n%D 2005\n%J Plant Science Journal\n%R                    \n"
            "%U {http://www.whzwxyj.cn/EN/abstract/article_978.shtml}\n%8 2005-04-25\n"
            "%X Chromosome squashes of Cucumis hytivus show exchange between its genomes.\n"
            "%T Genome exchange in a synthetic Cucumis allotetraploid\n",
        )
    )
    assert paper.url == "http://www.whzwxyj.cn/EN/abstract/article_978.shtml"
    assert paper.doi is None


def test_endnote_tagged_as_vip_writes_it(tmp_path: Path) -> None:
    # VIP's (CQVIP's) EndNote export template: a colon after %@ and %+, keywords joined by
    # spaces with one after the last, records with no blank line between them.
    first, second = load_written(
        tmp_path,
        "vip.txt",
        "%0 Journal Article\n%A 李明\n%+: 南京林业大学风景园林学院\n%@: 1000-4890\n",
        "%T 城市绿地的降温效应\n%J 生态学杂志\n%D 2021\n%K 城市绿地 地表温度 降温效应 \n",
        "%X 绿地面积越大降温越明显,形状越规则降温范围越小。\n",
        "%U http://qikan.cqvip.com/Qikan/Article/Detail?id=1\n%W 重庆维普资讯有限公司\n",
        "%0 Journal Article\n%A Ana Ruiz\n%T Green roofs\n%K green roof; indoor heat \n",
        "%X Green roofs cool the rooms below them in summer, by two degrees at noon.\n",
        "%W 重庆维普资讯有限公司\n",
    ).papers
    assert first.authors == ("李明",)
    assert first.keywords == ("城市绿地", "地表温度", "降温效应")
    assert ("issn", "1000-4890") in first.metadata
    assert second.keywords == ("green roof", "indoor heat")


def test_endnote_tagged_date_field_with_its_year(tmp_path: Path) -> None:
    # EndNote keeps the year in %D and the rest of the date in %8: "Sep 30" (a record from
    # PubMed), Mendeley's "aug", a ScienceDirect RIS import's "3//"; HighWire's %8 holds the
    # year itself; a season makes no date with it, and the year stands alone.
    dates = ("Sep 30", "aug", "3//", "January 1, 2004", "Spring")
    corpus = load_written(
        tmp_path,
        "library.txt",
        *(
            f"%0 Journal Article\n%T Record {n}\n%D 2004\n%8 {date}\n"
            f"%X Record {n} reports what long-term potentiation does at synapses.\n\n"
            for n, date in enumerate(dates)
        ),
    )
    assert [paper.date for paper in corpus.papers] == [
        "2004-09-30",
        "2004-08",
        "2004-03",
        "2004-01-01",
        "2004",
    ]


def test_sciencedirect_article_number_in_place_of_pages(tmp_path: Path) -> None:
    # Newer exports give an article number ("110325,") where a journal without pages has
    # none, and a "Part B" on the volume line: neither is the authors, title or journal.
    corpus = load_written(
        tmp_path,
        "ScienceDirect_citations_1756226791775.txt",
        "Editorial on MXene electrodes for energy storage,\nJournal of Energy Storage,\n",
        "Volume 131, Part B,\n2025,\n110325,\nISSN 2352-152X,\n",
        "https://doi.org/10.1016/j.est.2024.114999.\n",
        "(https://www.sciencedirect.com/science/article/pii/S2352152X24049999)\n",
        "Abstract: This editorial introduces the special issue on MXene electrodes, and the ",
        "papers in it that study the storage of energy in two-dimensional carbides.\n",
    )
    paper = only(corpus)
    assert paper.title == "Editorial on MXene electrodes for energy storage"
    assert (paper.authors, paper.venue, paper.date) == ((), "Journal of Energy Storage", "2025")


def test_endnote_pubmed_keywords_are_mesh_headings_without_star_and_subheading(
    tmp_path: Path,
) -> None:
    # EndNote desktop's export of a PubMed record (a real one, endnote_desktop.enw): its %K
    # holds MeSH headings as PubMed gives them, starred and with their subheadings.
    paper = only(
        load_written(
            tmp_path,
            "pubmed.enw",
            "%0 Journal Article\n%A Malenka, R. C.\n%T LTP and LTD: an embarrassment of riches\n",
            "%K Animals\nLong-Term Potentiation/*physiology\n*Hippocampus/cytology\n",
            "Synapses/*physiology/ultrastructure\nMXene/CNT\n",
            "%X Here we review the forms of LTP and LTD whose mechanisms are understood.\n",
        )
    )
    assert paper.keywords == (
        "Animals", "Long-Term Potentiation", "Hippocampus", "Synapses", "MXene/CNT",
    )  # fmt: skip


# --- RIS as Ovid writes it ------------------------------------------------------------------


def test_ovid_psycinfo_title_without_its_references_mark(tmp_path: Path) -> None:
    paper = only(
        load_written(
            tmp_path,
            "psycinfo.ovd",
            "<1. >\nVN  - Ovid Technologies\nDB  - APA PsycInfo\nTI  - Dynamic complexity in "
            "audiovisual aesthetics. [References].\nYR  - 2024\nAU  - Clemente, Ana\nSO  - "
            "Psychology of Aesthetics, Creativity, and the Arts. 2024, pp. No Pagination "
            "Specified. \nAB  - The appreciation of dance, film, and other temporal art forms "
            "relies on the continuous integration of auditory and visual streams.\nDO  - "
            "https://dx.doi.org/10.1037/aca0000685\nMH  - *Aesthetic Preferences\n",
        )
    )
    assert paper.title == "Dynamic complexity in audiovisual aesthetics."
    assert (paper.doi, paper.venue) == (
        "10.1037/aca0000685",
        "Psychology of Aesthetics, Creativity, and the Arts",
    )


def test_ovid_psycinfo_field_glued_to_the_title(tmp_path: Path) -> None:
    # A dissertation's record: its DP glued to the title's last sentence.
    paper = only(
        load_written(
            tmp_path,
            "psycinfo.ovd",
            "<2. >\nVN  - Ovid Technologies\nDB  - APA PsycInfo\nTI  - Linking the spatial "
            "dimension to the timing control of rhythmic movements.DP  - 2023\nYR  - 2023\nAU  - "
            "Kroger, Carolyn\nSO  - Dissertation Abstracts International: Section B. Vol.84,(6-B), "
            "2023, pp. No Pagination Specified. \nAB  - Rhythmically timed movements are integral "
            "to a wide range of human behaviors, including the production of fluent speech.\n",
        )
    )
    assert (
        paper.title == "Linking the spatial dimension to the timing control of rhythmic movements."
    )
    assert paper.date == "2023"


def test_ovid_record_without_a_doi_links_to_its_ovid_page(tmp_path: Path) -> None:
    # PsycInfo's dissertation records (a real export, ovd_0001) have no DO and no PubMed id:
    # their only link is XL, Ovid's "Link to the Ovid Full Text or citation". It is the
    # paper's page; without it the digest offered a search in its place.
    link = "https://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=fulltext&D=psyc22&AN=2023-38657-264"
    corpus = load_written(
        tmp_path,
        "psycinfo.ovd",
        "<2. >\nVN  - Ovid Technologies\nDB  - APA PsycInfo\nTI  - Linking space to the timing "
        "of rhythmic movements.\nYR  - 2023\nAU  - Kroger, Carolyn\nAB  - Rhythmically timed "
        f"movements are integral to a wide range of human behaviors.\nXL  - {link}\n",
        "<3. >\nVN  - Ovid Technologies\nDB  - APA PsycInfo\nTI  - Dynamic complexity.\nAB  - "
        "We ask how bimodal preferences arise.\nDO  - https://dx.doi.org/10.1037/aca0000685\n"
        "XL  - https://ovidsp.ovid.com/ovidweb.cgi?T=JS&AN=2025-13007-001\n",
    )
    article, dissertation = sorted(corpus.papers, key=lambda paper: paper.title or "")
    assert (dissertation.link, dissertation.link_is_search) == (link, False)
    assert article.link == "https://doi.org/10.1037/aca0000685"  # the DOI stays first
    (tmp_path / "labelled").mkdir()
    labelled = load_written(
        tmp_path / "labelled",
        "ovid.txt",
        "<1>\nTitle\n  Linking space to the timing of rhythmic movements.\nAbstract\n  "
        "Rhythmically timed movements are integral to a wide range of human behaviors.\n"
        f"Link to the Ovid Full Text or citation\n  {link}\n",
    )
    assert only(labelled).link == link


def test_ovid_labelled_layout(tmp_path: Path) -> None:
    # Ovid's "Citation" layout (JabRef keeps a real one, OvidImporterTest4.txt): "<8>", then
    # each field's name on its own line and its value indented; names with affiliation
    # numbers and keywords in one line each, joined by ";"; "[Article]" after the title.
    corpus = load_written(
        tmp_path,
        "ovid.txt",
        "<8>\nScore\n  *****\nAccession Number\n  01445406-201509000-00006.\n",
        "Author\n  Kohler, Lars 1;  Leuschner, Christoph 1,2;  Hertel, Dietrich 1\n",
        "Institution\n  (1) Plant Ecology, University of Gottingen, Gottingen, Germany\n",
        "Title\n  Cloud water interception differs between Norway spruce stands along an ",
        "elevation transect in Harz Mountains, Germany.[Article]\n",
        "Source\n  Ecohydrology.   8(6):1048-1064, September 2015.\n",
        "Abstract\n  Cloud water interception was measured in three spruce stands, and it adds ",
        "up to a third of the water deposited at the highest site.\n",
        "Author Keywords\n  alpine treeline;  canopy cover;  throughfall.\n",
        "References\n  Aber JD. 1989. Nitrogen saturation. Bioscience 39: 378-386.\n\n",
        "  Acker K. 1998. Ground-based clouds. Fresenius J Anal Chem 361: 59-64.\n\n",
        "<9>\nTitle\n  A letter without an abstract.\nSource\n  Ecohydrology. 9(1):1, 2016.\n",
    )
    assert corpus.files[0].format == "ovid-labelled"
    paper = only(corpus)
    assert paper.title == (
        "Cloud water interception differs between Norway spruce stands along an elevation "
        "transect in Harz Mountains, Germany."
    )
    assert paper.authors == ("Lars Kohler", "Christoph Leuschner", "Dietrich Hertel")
    assert (paper.venue, paper.date) == ("Ecohydrology", "2015")
    assert paper.keywords == ("alpine treeline", "canopy cover", "throughfall")
    assert paper.abstract.startswith("Cloud water interception was measured")
    [letter] = corpus.skipped
    assert letter.excerpt == "A letter without an abstract."


def test_ovid_ris_numbers_links_n2_continuations_and_jats() -> None:
    corpus = load("ovid.ris")
    assert corpus.files[0].format == "ris"
    aids, shifts = corpus.papers
    assert aids.abstract == (
        "We measure how often clinicians follow a decision aid in practice. "
        "Adherence rose from half to four in five after a short training session."
    )  # N2, with its untagged second line; no Ovid link line
    assert (aids.pmid, aids.venue, aids.authors) == (
        "31452104",
        "BMJ Open",
        ("Anna Ng", "Bisi Oduya"),
    )
    assert shifts.title == "Night shifts and medication errors"
    assert shifts.abstract == (
        "We survey nurses in twelve hospitals about night shifts and sleep. "
        "Short sleep predicted medication errors in the week that followed."
    )
    [stray] = corpus.skipped  # the closing line, once; the numbers are no problem
    assert stray.reason.startswith("1 line outside RIS records")
    assert stray.excerpt == "Exported from Ovid on 3 March 2024"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. \nTY  - JOUR\nAB  - x\nER  - \n", "ris"),
        ('"\nTY  - \nAU  - Lee, M\nAB  - x\nER  - \n', "ris"),  # R's write: a quote, no type
        ("PMID- 1\nTI  - x\n", "medline"),
        ("\n1. Lancet. 2017 Mar;389:e1.\n\nA title.\n\nPMID: 1\n", "pubmed-text"),
        ("1: Ng A. A title. Lancet. 2017 Mar;389:e1. PubMed PMID: 1.\n", "pubmed-text"),
        ("1. Read the paper.\n2. Note its PMID: 1\n\n3. Then the next one.\n", "text"),
        ("29152523\n29120438\n", "pmid-list"),
        ("29152523\nand a line of text after the numbers\n", "text"),
        ("PT J\nTI x\nER\n", "web-of-science"),
        ("%0 Journal Article\n%T x\n%X y\n", "endnote-tagged"),
        (
            "Some notes about papers.\nTY  - JOUR is how RIS starts.\nMore notes.\nAnd more.\n",
            "text",
        ),
        ("A note on PT J records.\nTI is their title tag.\n", "text"),
        ("RT Journal Article\nSR 1\nA1 Lee, Min\nT1 x\nAB y\n", "refworks"),
        (
            'A. Li, "A title," in IEEE Access, vol. 8, 2020.\nAbstract: x\n'
            "URL: https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=1\n",
            "ieee-text",
        ),
        ("Notes on a paper.\nURL: https://ieeexplore.ieee.org/document/1\n", "text"),
        ("<1>\nTitle\n  A title.\nAbstract\n  x\n", "ovid-labelled"),
        ("<1>\nA line of notes.\nTitle is a word.\n", "text"),
        (
            "Lee M.\nA title\n(2020) Nature, 1, pp. 1-2.\nABSTRACT: x\nSOURCE: Scopus\n",
            "scopus-text",
        ),
        ("RT is how a RefWorks record starts.\nT1 is its title.\n", "text"),
        ("Record #1 of 2\nID: CD001234\nTI: A title\nAB: x\n", "cochrane-text"),
        ("Record #1 of 2 is where the list starts.\nID: its number\n", "text"),
        (
            "Document 1 of 1\n\nA title\n\nAbstract: x\n\nProQuest document ID: 1\n",
            "proquest",
        ),
    ],
)
def test_formats_are_recognised_by_content(text: str, expected: str) -> None:
    assert sniff_format(text).name == expected


def test_endnote_tagged_from_cnki_paragraphs_and_joined_authors() -> None:
    corpus = load("cnki-endnote.txt")
    assert corpus.files[0].format == "endnote-tagged"
    thesis, patent = corpus.papers
    # The abstract's second paragraph, after blank lines and indented, is still the abstract.
    assert thesis.abstract.endswith("介紹了論文的大致內容和研究方法。")
    assert thesis.abstract.startswith("隨著上個世紀70年代")
    assert thesis.keywords == ("中西方高校", "人文教育", "比較")  # "%K" glued to its value
    assert thesis.authors == ("潘福妮",)
    assert patent.authors == ("Jaeyoung Choi", "Geunho Jeong")  # one %A, two names
    assert corpus.skipped == ()  # no stray paragraph, no record made of "%W CNKI" alone


@pytest.mark.parametrize(
    "authors",
    [
        "\u8521\u5b81 %A \u5434\u6d9b %A \u5f20\u654f",
        # CNKI's export API (its EndNote text as Zotero's CNKI translator quotes it) glues
        # each "%A" to the name before it.
        "\u8521\u5b81%A \u5434\u6d9b%A \u5f20\u654f",
    ],
)
def test_endnote_tagged_authors_of_a_record_on_one_percent_a_line(
    tmp_path: Path, authors: str
) -> None:
    # CNKI's EndNote text as a Pascal project quotes it: a record's three authors on one line,
    # "%A \u8521\u5b81 %A \u5434\u6d9b %A \u5f20\u654f".
    paper = only(
        load_written(
            tmp_path,
            "cnki.txt",
            f"%0 Journal Article\n%A {authors}\n",
            "%T \u6e56\u6cca\u6e7f\u5730\u690d\u88ab\u53d8\u5316\u7814\u7a76\n",
            "%D 2005\n%X We compare how the plants of three lake wetlands changed over ten years "
            "and why.\n%W CNKI\n",
        )
    )
    assert paper.authors == ("\u8521\u5b81", "\u5434\u6d9b", "\u5f20\u654f")


def test_refworks_own_export_with_its_header_and_tag_legend(tmp_path: Path) -> None:
    # RefWorks' own tagged export may open with a header and a legend of its tags (as in
    # the RefWorks import test of zotero/translators): the record after it is read, on its
    # own line number, and the header is neither papers nor skipped lines.
    corpus = load_written(
        tmp_path,
        "refworks.txt",
        "Refworks Export Tagged Format\n\nCharacter Set=utf-8\n\nTag legend\n*****\n",
        "RT=Reference Type\nA1=Primary Authors\nT1=Primary Title\nAB=Abstract\n\n*****\n",
        "Font Attribute Legend\nStart Bold = \nEnd Bold = \n\n*****\n",
        "BEGIN EXPORTED REFERENCES\n\n\nRT Journal Article\nSR Electronic(1)\n",
        "A1 Okafor,Ngozi\nT1 Harbours of the old empire\nJF Critical Studies\nYR 2003\n",
        "AB We read the talk of a new empire against older writing on trade and ask what it "
        "leaves out.\nOL Unknown(0)\n",
    )
    assert corpus.files[0].format == "refworks"
    paper = only(corpus)
    assert (paper.title, paper.authors) == ("Harbours of the old empire", ("Ngozi Okafor",))
    assert paper.sources[0].line == 21
    assert corpus.skipped == ()


def test_cochrane_library_plain_text_export(tmp_path: Path) -> None:
    # The Cochrane Library's "Plain text" export (andrewjt71/cochrane-application
    # citation-export.txt): "Record #n of N" heads each record, one "XX: value" line a
    # field, CRLF; names surname first without a comma, MeSH terms with their qualifiers and
    # check tags. It was read as text: one paper a record, its abstract opening "AB:", no
    # title, and every other line skipped.
    lines = [
        "Record #1 of 2", "ID: CD001234", "AU: Roqué i Figuls Marta", "AU: Okafor Ngozi A",
        "AU: Lamb J", "TI: Walking programmes for older people with knee pain",
        "SO: Cochrane Database of Systematic Reviews", "YR: 2019", "NO: 4",
        "PB: John Wiley & Sons, Ltd",
        "KY: Exercise Therapy [methods];Osteoarthritis, Knee [therapy];Aged[checkword];"
        "Humans[checkword]",
        "DOI: 10.1002/14651858.CD001234.pub2",
        "AB: Background: Knee pain limits walking in older age.Objectives: To assess walking "
        "programmes for older people with knee pain.Main results: We included nine trials of "
        "812 people; pain fell a little with walking.",
        "US: http://onlinelibrary.wiley.com/doi/10.1002/14651858.CD001234.pub2/abstract",
        "Record #2 of 2", "ID: CN-01234567", "AU: Baker T", "TI: A protocol without a summary",
        "SO: Trials", "YR: 2020", "PM: PUBMED 31234567",
        "US: https://www.cochranelibrary.com/central/doi/10.1002/central/CN-01234567/full",
    ]  # fmt: skip
    (tmp_path / "citation-export.txt").write_bytes("\r\n".join(lines).encode() + b"\r\n")
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "cochrane-text"
    paper = only(corpus)
    assert paper.title == "Walking programmes for older people with knee pain"
    assert paper.authors == ("Marta Roqué i Figuls", "Ngozi A Okafor", "J Lamb")
    assert paper.abstract.startswith("Background: Knee pain limits walking in older age.")
    assert (paper.venue, paper.date) == ("Cochrane Database of Systematic Reviews", "2019")
    assert paper.doi == "10.1002/14651858.CD001234.pub2"
    assert paper.keywords == ("Exercise Therapy", "Osteoarthritis, Knee")
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.reason.split(" (")[0]) == (15, "no abstract")


def test_cnki_refworks_export() -> None:
    # CNKI's RefWorks export: CRLF, names joined by ";" or by "," before a Chinese name or
    # glued to their tag ("A1林行众"), a tag in lower case ("vo 11"), an abstract broken
    # mid-sentence over lines, `URL` with `&amp;`, and a thesis whose university is `PB`.
    corpus = load("cnki-refworks.txt")
    assert corpus.files[0].format == "refworks"
    callus, salt, thesis = corpus.papers
    assert callus.title == "黄瓜胚性愈伤组织的诱导保存和再生"
    assert callus.authors == ("薛婉钰", "刘娜", "苑鑫", "张婷婷")
    assert (callus.doi, callus.date) == ("10.13207/j.cnki.jnwafu.2024.07.011", "2024")
    assert callus.venue == "西北农林科技大学学报(自然科学版)"
    assert callus.keywords == ("黄瓜", "遗传转化", "胚性愈伤组织", "离体保存")
    assert salt.authors == ("颜宏", "石德成", "尹尚军", "赵伟")
    assert salt.venue == "应用生态学报"
    assert (thesis.authors, thesis.venue) == (("林行众",), "南京农业大学")
    assert thesis.abstract.startswith("黄瓜(Cucumis sativus L.)是我国最大的保护地栽培蔬菜作物,也是")
    assert "基因组序列图谱" in thesis.abstract  # no space where CNKI broke the line
    assert thesis.url is not None and thesis.url.endswith("&uniplatform=NZKPT&language=CHS")
    [news] = corpus.skipped  # a newspaper article without an abstract
    assert news.excerpt == "灭绝物种RNA首次分离测序"


def test_refworks_names_keep_their_commas_and_wrapped_lines_stay_in_the_abstract(
    tmp_path: Path,
) -> None:
    paper = only(
        load_written(
            tmp_path,
            "refworks.txt",
            "RT Journal Article\n",
            "A1 Smith, John\n",
            "A1 Doe, Jane\n",
            "T1 Language models for protein structure\n",
            "JF Journal of Computational Biology\n",
            "YR 2021\n",
            "AB We predict protein structures when few homologous sequences are known and\n",
            "an ensemble of decoders improves accuracy on three benchmarks.\n",
            "DO https://doi.org/10.1089/cmb.2020.0123\n",
            "UL https://example.org/article/123\n",
        )
    )
    assert paper.authors == ("John Smith", "Jane Doe")
    assert paper.abstract.endswith(
        "known and an ensemble of decoders improves accuracy on three benchmarks."
    )
    assert (paper.doi, paper.venue, paper.date) == (
        "10.1089/cmb.2020.0123",
        "Journal of Computational Biology",
        "2021",
    )


_ROOTS = (
    "Soil type shapes root microbiomes more than host phylogeny. We sampled 31 plant "
    "species across a chronosequence and found a shared core root microbiome."
)
_ROOTS_SUMMARY = "Pryce et al. study root microbiomes of plant phyla. They find a shared core."


@pytest.mark.parametrize(
    ("venue", "abstract", "kept"),
    [
        ("Nature Communications", f"{_ROOTS}{_ROOTS_SUMMARY}", _ROOTS),
        # another journal's, and a summary's words with a space before them, are its own
        ("Plant and Soil", f"{_ROOTS}{_ROOTS_SUMMARY}", f"{_ROOTS} {_ROOTS_SUMMARY}"),
        ("Nature Communications", f"{_ROOTS} {_ROOTS_SUMMARY}", f"{_ROOTS} {_ROOTS_SUMMARY}"),
    ],
)
def test_ris_of_a_nature_page_drops_the_editors_summary_glued_to_the_abstract(
    tmp_path: Path, venue: str, abstract: str, kept: str
) -> None:
    # Zotero's copy of a Nature Communications page glues the editor's summary to the
    # abstract ("… year history.Yeoh et al. study root microbiomes …", kaelynr/
    # MicrobiomeThesis's export.ris).
    paper = only(
        load_written(
            tmp_path, "export.ris", f"TY  - JOUR\nAB  - {abstract}\nT2  - {venue}\nER  - \n"
        )
    )
    assert paper.abstract == kept


def test_ris_url_lines_holding_several_links() -> None:
    """ProQuest puts its page and a link resolver on one UR line, Publish or Perish joins
    two with ' and ', Inciteful with '; ': each link is a link of its own."""
    found, prize = load("proquest-asfa.ris").papers
    assert found.url == "https://search.proquest.com/docview/2015703796?accountid=38978"
    assert prize.url == "https://search.proquest.com/docview/2118797380?accountid=38978"
    assert prize.link == prize.url  # no DOI: the page is the link, not two URLs glued
    fences = only(load("publish-or-perish.ris"))
    assert fences.url == "https://www.example.com/760628"
    oysters, shorelines = load("inciteful.ris").papers
    assert oysters.url == "https://www.nature.com/articles/srep14785"  # "; "-separated
    assert shorelines.url == "https://www.example.org/oysters"


def test_ris_dates_keep_the_date_and_drop_the_other_info() -> None:
    found, prize = load("proquest-asfa.ris").papers
    assert (found.date, prize.date) == ("2018-02-03", "2018-05-10")  # not "…/2018- -21"
    oysters, _ = load("inciteful.ris").papers
    assert oysters.date == "2015-10-07"  # DA "Oct 7" without its year: PY gives it
    assert only(load("ovid-medline.ris")).date == "2018"  # Y1 "2018//"


def test_ris_date_of_y1_alone_keeps_its_month(tmp_path: Path) -> None:
    (tmp_path / "ebsco.ris").write_text(
        "TY  - JOUR\nT1  - Fire impacts on streams\nY1  - 2024/07//\nAB  - Freshwater "
        "ecosystems host high biodiversity and are being degraded at an alarming rate.\nER  - \n"
    )
    assert only(load_papers([tmp_path])).date == "2024-07"


def test_ris_pmid_from_the_database_or_a_pubmed_link() -> None:
    oysters, shorelines = load("inciteful.ris").papers
    assert oysters.pmid == "26442712"  # AN, the provider being the NLM
    assert oysters.keywords == ("Animals", "Coral Reefs", "Ecosystem")  # one a line, no star
    assert shorelines.pmid is None  # Europe PMC's page is no PubMed link
    mushrooms = only(load("ovid-medline.ris"))
    assert mushrooms.pmid == "30439442"  # Ovid MEDLINE: the accession in its own link
    assert mushrooms.doi == "10.1016/j.toxicon.2018.11.007"


def test_ris_doi_from_ebsco_l3_or_a_doi_link_and_no_major_heading_star(tmp_path: Path) -> None:
    # EBSCOhost (CINAHL, Academic Search) puts the DOI in L3; ERIC through Ovid only has it
    # as a doi.org link in L1, and stars its major headings.
    ebsco, eric = load_written(
        tmp_path,
        "exports.ris",
        "TY  - JOUR\nT1  - Osteohistological insight into early dinosaurs.\nAB  - Dinosauria "
        "debuted on Earth's stage after the Permo-Triassic Mass Extinction Event. [ABSTRACT FROM "
        "AUTHOR]\nL3  - 10.1371/journal.pone.0298242\nUR  - https://search.ebscohost.com/"
        "login.aspx?direct=true&db=aph&AN=176404503&site=ehost-live\nDP  - EBSCOhost\nER  - \n\n",
        "1. \nTY  - JOUR\nDB  - ERIC\nT1  - Learning with Dinosaurs\nN2  - Dinosaurs have been a "
        "very popular science topic. (As Provided)\nKW  - *Paleontology\nKW  - Museums\nL2  - "
        "https://link.springer.com/article/10.1007/other\nL1  - https://dx.doi.org/10.1080/"
        "21548455.2016.1200155\nER  -  \n",
    ).papers
    assert ebsco.doi == "10.1371/journal.pone.0298242"
    assert eric.doi == "10.1080/21548455.2016.1200155"  # the resolver's, not the page's
    assert eric.keywords == ("Paleontology", "Museums")


def test_ris_arxiv_id_from_an_arxiv_link_in_any_link_field(tmp_path: Path) -> None:
    # Lens's RIS through Citavi (asreview's tests/demo_data/ris_issue_1099.txt): UR is the
    # lens.org page, the preprint's arXiv pages are only in L2.
    lens, linked = load_written(
        tmp_path,
        "citavi.ris",
        "TY  - GEN\nT1  - A walking robot\nUR  - https://lens.org/100-200-300-400-500\nL2  - "
        "https://arxiv.org/abs/2111.01234v2\nL2  - http://arxiv.org/pdf/2111.01234.pdf\nAB  - "
        "We design a robot that walks.\nM4  - Citavi\nER  - \n\nTY  - GEN\nT1  - A swimming "
        "robot\nUR  - https://lens.org/100-200-300-400-600\nLK  - http://export.arxiv.org/abs/"
        "hep-th/9901001\nAB  - We design a robot that swims.\nER  - \n",
    ).papers
    assert (lens.arxiv_id, lens.arxiv_version) == ("2111.01234", 2)
    assert lens.link == "https://arxiv.org/abs/2111.01234"
    assert linked.arxiv_id == "hep-th/9901001"


def test_ris_links_repeated_in_l2_are_each_read(tmp_path: Path) -> None:
    # ProQuest's RIS (luivelmor/soporte_tecnologico references.ris): a library's link
    # resolver in the first L2, the working paper's arXiv page in the second; Lens's gives a
    # PubMed page in a later L2 than the first.
    proquest, lens = load_written(
        tmp_path,
        "proquest.ris",
        "TY  - JOUR\nTI  - Grading essays\nT2  - arXiv.org\nAB  - We grade essays.\nUR  - "
        "https://www.proquest.com/working-papers/grading/docview/3120600000/se-2\nL2  - "
        "https://library.example.edu/openurl?genre=preprint&rft_id=info:doi/\nL2  - "
        "http://arxiv.org/abs/2410.10001\nER  -\n\nTY  - JOUR\nTI  - Gambling harm\nAB  - "
        "We screen for harm.\nUR  - https://lens.org/005-700-426-097-000\nL2  - "
        "https://www.mdpi.com/1660-4601/18/21/11000/pdf\nL2  - "
        "https://pubmed.ncbi.nlm.nih.gov/34770000/\nER  -\n",
    ).papers
    assert proquest.arxiv_id == "2410.10001"
    assert lens.pmid == "34770000"


def test_scielo_ris_abstract_and_title_lose_the_search_index_words(tmp_path: Path) -> None:
    # SciELO's search exports (2024, mibatista1/apifreire export.ris) append to each AB and TI
    # the forms its index made of the words next to a mark: "review.", "(RS).", "farmer's",
    # "low-cost", "2022,", "Objective:".
    corpus = load_written(
        tmp_path,
        "export.ris",
        "TY  - JOUR\nTI  - Tools on farms: a review of adoption farms\nJO  - Revista Rural"
        "\nDB  - SciELO Brasil\nDP  - http://www.scielo.org/\nID  - S1413-23112024000100001-scl"
        "\nAB  - ABSTRACT Objective: to study farm tools in a systematic review. Tools that "
        "promote Resilient Soils (RS). were grouped by the farmer's level of schooling, low-cost "
        "credit, and size. Data were collected in 2022, in Brazil. Objective review RS. RS . "
        "(RS) farmer s lowcost low cost credit size 202 2022 Brazil (RS\nER  -\n\nTY  - "
        "JOUR\nTI  - Tools: a case of COVID-19 and COVID-19\nDB  - SciELO Brasil\nAB  - Tools "
        "help (COVID-19). Farmers use tools.\nER  -\n",
    )
    indexed, plain = corpus.papers
    assert indexed.title == "Tools on farms: a review of adoption"
    assert indexed.abstract == (
        "Objective: to study farm tools in a systematic review. Tools that promote Resilient "
        "Soils (RS). were grouped by the farmer's level of schooling, low-cost credit, and "
        "size. Data were collected in 2022, in Brazil."
    )
    # Words the text has as they are before them are its own.
    assert plain.title == "Tools: a case of COVID-19 and COVID-19"
    assert plain.abstract == "Tools help (COVID-19). Farmers use tools."


def test_ris_venue_entities_are_the_characters_they_stand_for(tmp_path: Path) -> None:
    # SciELO's RIS (mibatista1/apifreire export.ris) writes a journal's "&" as HTML does.
    paper = only(
        load_written(
            tmp_path,
            "export.ris",
            "TY  - JOUR\nTI  - A board game\nJO  - Texto &amp; Contexto - Enfermagem\nAB  - "
            "We made a board game.\nER  -\n",
        )
    )
    assert paper.venue == "Texto & Contexto - Enfermagem"


def test_proquest_ris_abstract_in_two_languages_is_read_in_english(tmp_path: Path) -> None:
    # ProQuest's RIS (luivelmor/soporte_tecnologico references.ris, a Spanish session) puts a
    # paper's abstract in a second language after the first, behind a label.
    spanish_first, english_first = load_written(
        tmp_path,
        "references.ris",
        "TY  - JOUR\nTI  - A wheel for teaching\nAB  - Este art&iacute;culo propone una rueda "
        "para la ense&ntilde;anza.Resumen alternativo:This article proposes a wheel for the "
        "teaching of reading in schools.\nER  -\n\nTY  - JOUR\nTI  - A map of schools\nAB  - "
        "We map the schools of the region and their pupils. Alternate abstract: Nous "
        "cartographions les \u00e9coles de la r\u00e9gion et leurs \u00e9l\u00e8ves.\nER  -\n",
    ).papers
    assert spanish_first.abstract == (
        "This article proposes a wheel for the teaching of reading in schools."
    )
    assert english_first.abstract == "We map the schools of the region and their pupils."


def test_cochrane_library_ris_record_headers_and_wide_separators(tmp_path: Path) -> None:
    # The Cochrane Library's RIS: three header lines before each record, "TY  -  JOUR" with
    # two spaces after the dash, and the PubMed id cross-referenced in C3.
    header = "Record #{} of 18\nProvider: John Wiley & Sons, Ltd.\nContent: text/plain\n"
    corpus = load_written(
        tmp_path,
        "citation-export.ris",
        header.format(3),
        "\nTY  -  JOUR\nAN  -  CN-00778158\nA1  -  Bywater, T\nT1  -  The Incredible Years "
        "Therapeutic Dinosaur Programme\nC3  -  PUBMED 21314913\nN2  -  BACKGROUND: School "
        "interventions such as the Incredible Years Classroom Dinosaur Programme target pupil "
        "behaviour.\nER  -  \n\n\n",
        header.format(4),
        "\nTY  -  JOUR\nA1  -  Kim, JS\nT1  -  Time to transfer\nC3  -  PUBMED 38407106,EMBASE "
        "643589775\nN2  -  We investigated the effectiveness of a sustained and spiraled content "
        "literacy intervention.\nER  -  \n",
    )
    assert corpus.files[0].format == "ris" and not corpus.skipped
    trial, transfer = corpus.papers
    assert (trial.title, trial.authors, trial.pmid) == (
        "The Incredible Years Therapeutic Dinosaur Programme",
        ("T Bywater",),
        "21314913",
    )
    assert trial.abstract.startswith("BACKGROUND: School interventions")
    assert transfer.pmid == "38407106"


def test_jstor_ris_header_lines_are_no_problem(tmp_path: Path) -> None:
    # JSTOR's RIS download opens with three header lines and blank lines before the record.
    corpus = load_written(
        tmp_path,
        "jstor.ris",
        'Provider: JSTOR http://www.jstor.org\nDatabase: JSTOR\nContent: text/plain; charset="'
        'UTF-8"\n\n\nTY  - JOUR\nTI  - Bronze cauldrons of the north\nAU  - Moss, Ann\nAB  - '
        "[Thirty bronze cauldrons are catalogued and a revised typology is presented.]\nC1  - "
        "Full publication date: 1986\nDB  - JSTOR\nPY  - 1986\nT2  - Journal of Old Metals\nUR"
        "  - http://www.jstor.org/stable/25508908\nY2  - 2026/10/07/\nER  -\n",
    )
    assert corpus.files[0].format == "ris" and not corpus.skipped
    paper = only(corpus)
    assert (paper.title, paper.venue, paper.date) == (
        "Bronze cauldrons of the north",
        "Journal of Old Metals",
        "1986",
    )


def test_an_aacr_meeting_abstracts_number_is_no_part_of_its_title(tmp_path: Path) -> None:
    # Crossref (and so OpenAlex, and a script's RIS made from it) titles AACR's meeting
    # abstracts with their number; only for AACR's DOIs, so another "Abstract 3: …" stays.
    corpus = load_written(
        tmp_path,
        "openalex.ris",
        "TY  - JOUR\nTI  - Abstract IA22: Gliding cells in a dish\nDO  - 10.1158/1538-7755.x-"
        "ia22\nAB  - We watch cells glide across a dish for a week and count them.\nER  - \n\n"
        "TY  - JOUR\nTI  - Abstract 3: Sliding cells\nDO  - 10.5555/sliding\nAB  - We watch "
        "cells slide down a ramp for a day and count them.\nER  - \n",
    )
    assert [paper.title for paper in corpus.papers] == [
        "Gliding cells in a dish",
        "Abstract 3: Sliding cells",
    ]


def test_wiley_ris_header_without_a_space_after_content_is_no_problem(
    tmp_path: Path,
) -> None:
    # Wiley's "download citation" RIS (and dblp's, J-STAGE's) writes "Content:text/plain"
    # with no space after the colon: a header line like JSTOR's, not a line outside records.
    corpus = load_written(
        tmp_path,
        "pericles.ris",
        'Provider: John Wiley & Sons, Ltd\nContent:text/plain; charset="UTF-8"\n\nTY  - '
        "JOUR\nAU  - Brandt, Ola\nTI  - Folding a ribbon of sugars\nJO  - Journal of Sweet "
        "Chemistry\nDO  - 10.1002/jsc.12345\nAB  - We fold a ribbon of sugars into a helix "
        "and measure how long it holds.\nPY  - 2016\nER  -\n",
    )
    assert corpus.files[0].format == "ris" and not corpus.skipped
    assert only(corpus).title == "Folding a ribbon of sugars"


def test_ris_copied_from_a_web_page_with_one_space_before_each_dash(tmp_path: Path) -> None:
    # A browser shows Zotero's "TY  - JOUR" as "TY - JOUR": RIS copied from a page (a
    # README, a wiki) has one space between each tag and its dash, an empty AU among them.
    corpus = load_written(
        tmp_path,
        "copied.ris",
        "TY - JOUR\nAU - \nAU - Wolf, Anna\nTI - A library conference\nT2 - Library Journal\n"
        "DA - 1935/09/15/\nKW - LJ1935\nAB - A lengthy discussion of federal aid to public "
        "libraries, quoting the director of the city library.\nER -\n\n",
        "TY - JOUR\nAU - Madsen, Soren\nPY - 2015/07/15\nSP - \nT1 - A complexity-based "
        "approach to melody track identification\nAB - We rank the tracks of a MIDI file by "
        "the entropy of their pitches and intervals.\nER -  \n",
    )
    assert corpus.files[0].format == "ris" and not corpus.skipped
    library, melody = corpus.papers
    assert (library.title, library.authors, library.venue, library.keywords) == (
        "A library conference",
        ("Anna Wolf",),
        "Library Journal",
        ("LJ1935",),
    )
    assert library.abstract.startswith("A lengthy discussion")
    assert (melody.title, melody.date) == (
        "A complexity-based approach to melody track identification",
        "2015-07-15",
    )


def test_ris_proceedings_title_in_bt_is_the_venue(tmp_path: Path) -> None:
    # Atlantis Press's and DBLP's RIS name a paper's proceedings in BT, with no T2 or JO; a
    # book's BT is its own title, no venue.
    paper, book = load_written(
        tmp_path,
        "citations.ris",
        "TY  - CONF\nAU  - Hongli Pan\nPY  - 2018/05\nTI  - Design of a reconfigurable "
        "accelerator\nBT  - Proceedings of the 2018 International Conference on Network, "
        "Communication, Computer Engineering (NCCE 2018)\nPB  - Atlantis Press\nAB  - We "
        "design the key structure of a reconfigurable accelerator for convolutional networks."
        "\nDO  - 10.2991/ncce-18.2018.47\nID  - Pan2018/05\nER  -\n\n",
        "TY  - BOOK\nTI  - Planting green roofs\nBT  - Planting green roofs\nAB  - The latest "
        "techniques for planting roofs and walls to enhance our buildings and benefit the "
        "environment.\nER  -\n",
    ).papers
    assert paper.venue == (
        "Proceedings of the 2018 International Conference on Network, Communication, "
        "Computer Engineering (NCCE 2018)"
    )
    assert (book.title, book.venue) == ("Planting green roofs", None)


def test_scopus_ris_series_title_in_c3_is_the_venue(tmp_path: Path) -> None:
    # Scopus's RIS names a paper's book series or proceedings in C3 alone ("TY  - SER"),
    # with no T2 or JO; C3 of another database (Cochrane's cross-reference) is no venue.
    scopus, cochrane = load_written(
        tmp_path,
        "scopus.ris",
        "TY  - SER\nTI  - A modular gripper for sorting recycled parts\nC3  - Mechanisms "
        "and Machine Science\nVL  - 112 MMS\nPY  - 2023\nAU  - Rossi, L.\nAB  - We design a "
        "modular soft gripper that sorts recycled parts and test it on a conveyor line.\n"
        "M3  - Conference Paper\nDB  - Scopus\nER  - \n\n",
        "TY  - JOUR\nTI  - Exercise for chronic low back pain\nC3  - PUBMED 21314913\nAB  - We "
        "review trials of exercise therapy for adults with chronic low back pain.\n"
        "DB  - Cochrane Library\nER  - \n",
    ).papers
    assert scopus.venue == "Mechanisms and Machine Science"
    assert cochrane.venue is None


def test_scopus_ris_document_type_on_a_second_ty_line_stays_in_its_record(tmp_path: Path) -> None:
    # Scopus's RIS of 2016 gave the document's type on a second TY line, where it now writes
    # M3, before the database and the references (leoatchina/Scopus2Histcite scopus.ris).
    corpus = load_written(
        tmp_path,
        "scopus.ris",
        "TY  - JOUR\nTI  - Helicases at work\nT2  - Gene\nPY  - 2006\nAU  - Cordin O.\n",
        "AB  - We review how DEAD-box helicases unwind short RNA duplexes in cells.\n",
        "N1  - Export Date: 2 January 2016\nTY  - Review\nDB  - Scopus\n",
        "N1  - References: Linder P., Birth of the D-E-A-D box (1989) Nature, 337, pp. 121-122\n",
        "UR  - http://www.scopus.com/inward/record.url?eid=2-s2.0-1\nER  - \n\n",
        "TY  - JOUR\nTI  - Thyroid cancer and diet\nPY  - 2009\nAU  - Dal Maso L.\n",
        "AB  - We review what is known of diet as a risk factor for thyroid cancer.\n",
        "TY  - Conference Paper\nDB  - Scopus\n",
        "UR  - http://www.scopus.com/inward/record.url?eid=2-s2.0-2\nER  - \n",
    )
    assert [paper.url for paper in corpus.papers] == [
        "http://www.scopus.com/inward/record.url?eid=2-s2.0-1",
        "http://www.scopus.com/inward/record.url?eid=2-s2.0-2",
    ]
    assert ("type of work", "Review") in corpus.papers[0].metadata
    assert corpus.skipped == ()


def test_embase_ris_medline_pmid_in_c5(tmp_path: Path) -> None:
    embase, other = load_written(
        tmp_path,
        "records.ris",
        "TY  - JOUR\nC5  - 38773066\nDB  - Embase\nDB  - Medline\nT1  - Cellular structure of "
        "dinosaur scales\nN2  - Fossil feathers have transformed our understanding of "
        "integumentary evolution in vertebrates.\nER  - \n\n",
        "TY  - JOUR\nC5  - 12345\nT1  - Not from Embase\nAB  - Another tool's C5 is a custom "
        "field holding whatever its user put there, never a PubMed id.\nER  - \n",
    ).papers
    assert (embase.pmid, other.pmid) == ("38773066", None)


def test_embase_ris_names_surname_first_are_turned_round(tmp_path: Path) -> None:
    # Embase's RIS writes each author as its CSV does, surname then dotted initials
    # (asreview/asreview tests/demo_data/embase.ris); another list stays as it is.
    embase, other = load_written(
        tmp_path,
        "records.ris",
        "TY  - JOUR\nA1  - Eloubeidi M.A.\nA1  - Cohn M.\nT1  - Cysts of the foregut\nN2  - "
        "We follow ten patients with cysts of the foregut for a year.\nDB  - Embase\nER  - \n",
        "TY  - JOUR\nAU  - Cohn, M.\nAU  - Tan Wei\nTI  - Cysts again\nAB  - A second look at "
        "cysts of the foregut in twenty patients.\nER  - \n",
    ).papers
    assert embase.authors == ("M.A. Eloubeidi", "M. Cohn")
    assert other.authors == ("M. Cohn", "Tan Wei")


def test_mdpi_ris_placeholder_keyword_is_no_keyword(tmp_path: Path) -> None:
    # MDPI's RIS: "EJOUR", a trailing space after each name, "KW  - n/a" for no keywords, and
    # no blank line between records.
    none, some = load_written(
        tmp_path,
        "mdpi.ris",
        "TY  - EJOUR\nAU  - Banks, Ferdinand E. \nTI  - Oil and the Best Brain of the 20th "
        "Century\nT2  - Energies\nAB  - If you meet someone at a party who says that he is "
        "Napoleon, you don't start discussing cavalry tactics. [...]\nKW  - n/a\nDO  - "
        "10.3390/en3050940\nER  -\n",
        "TY  - EJOUR\nAU  - You, Hailu \nTI  - Feathers of early birds\nAB  - At least two "
        "lineages of Mesozoic birds possessed a feather morphotype with no modern equivalent."
        "\nKW  - feathers\nKW  - Mesozoic birds\nDO  - 10.3390/geosciences2030157\nER  -\n",
    ).papers
    assert (none.keywords, none.authors) == ((), ("Ferdinand E. Banks",))
    assert some.keywords == ("feathers", "Mesozoic birds")


def test_scopus_ris_index_term_naming_the_papers_type_is_no_keyword() -> None:
    # Scopus's RIS lists Embase's index terms after the author's keywords, the paper's type
    # among them ("KW  - Article", with "M3  - Article"; batestguy/avian-influenza-nigeria-
    # systematic-review's Scopus export of 2026); a keyword that is another type stays.
    ris = (
        "TY  - JOUR\n"
        "TI  - Ticks on migrating storks in the Rift Valley\n"
        "AB  - We count ticks on white storks caught at two roosts on their way south.\n"
        "KW  - tick load\n"
        "KW  - Article\n"
        "KW  - Ciconia ciconia\n"
        "KW  - review\n"
        "M3  - Article\n"
        "DB  - Scopus\n"
        "ER  - \n"
    )
    (record,) = parse_ris(ris).records
    assert record.keywords == ("tick load", "Ciconia ciconia", "review")


def test_mendeley_ris_index_terms_joined_in_a_keyword_line_are_each_a_keyword() -> None:
    # Mendeley Desktop writes a Scopus record's index terms joined with "; " into a few KW
    # lines, each after a space (ghaniavi/File-Data-SMS "My Collection.ris"): a keyword was
    # "Data augmentation; Data preprocessing; …"; a term's parentheses stay whole.
    ris = (
        "TY  - JOUR\n"
        "T1  - Counting storks by radar\n"
        "KW  -  Radar\n"
        "KW  -  Bird counts; Migration (of birds); Night flights\n"
        "KW  - Remote sensing; Classification (of information)\n"
        "N2  - We count storks crossing the strait at night from the radar's returns.\n"
        "ER  - \n"
    )
    (record,) = parse_ris(ris).records
    assert record.keywords == (
        "Radar",
        "Bird counts",
        "Migration (of birds)",
        "Night flights",
        "Remote sensing",
        "Classification (of information)",
    )


def test_biorxiv_ris_is_dated_by_the_day_in_its_link() -> None:
    # medRxiv's and bioRxiv's "Download citation" RIS date every preprint January 1st of
    # its year; the day it was posted is in its link (COVID-19-routes/geography-paper
    # citation.ris): the digest said 2020-01-01.
    ris = (
        "TY  - JOUR\nT1  - Spread of a virus between provinces\nJF  - medRxiv\n"
        "DO  - 10.1101/2020.04.30.20012345\nSP  - 2020.04.30.20012345\nAU  - Rossi, Anna\n"
        "Y1  - 2020/01/01\n"
        "UR  - http://medrxiv.org/content/early/2020/05/12/2020.04.30.20012345.abstract\n"
        "N2  - We model the spread of a virus between provinces and the effort needed to "
        "isolate cases.\nER  -\n"
    )
    (record,) = parse_ris(ris).records
    assert record.date == "2020/05/12"
    # A link without that day, or a day that is not January 1st, leaves the date as given.
    medrxiv = "http://medrxiv.org/content/early"
    for day, link in (("2020/01/01", "https://example.org/a"), ("2020/03/04", medrxiv)):
        dated = ris.replace("2020/01/01", day).replace(medrxiv, link)
        (record,) = parse_ris(dated).records
        assert record.date == day


def test_rayyan_ris_field_glued_onto_the_line_before(tmp_path: Path) -> None:
    # Rayyan writes U2 after UR, and LK after DO, on the same line after five spaces.
    paper = only(
        load_written(
            tmp_path,
            "rayyan.ris",
            "TY  - JOUR\nTI  - Cellular structure of dinosaur scales\nUR  - https://www.embase"
            ".com/search/results?id=L2029880245&from=export     U2  - L2029880245\nAB  - Fossil "
            "feathers have transformed our understanding of integumentary evolution.\nDO  - "
            "10.1038/s41467-024-48400-3     LK  - https://utrecht.on.worldcat.org/atoztitles/"
            "link?id=doi:10.1038%2Fs41467-024-48400-3\nER  -\n",
        )
    )
    assert paper.doi == "10.1038/s41467-024-48400-3"
    assert paper.url == "https://www.embase.com/search/results?id=L2029880245&from=export"


def test_web_of_science_ris_repeated_fields_glued_without_a_line_break(tmp_path: Path) -> None:
    # Web of Science's RIS since 2023: a repeated field's values, and the field after them,
    # follow one another on one line, with nothing between.
    paper = only(
        load_written(
            tmp_path,
            "savedrecs.ris",
            "TY  - JOUR\nAU  - Okafor, ChiomaAU  - Lindqvist, Per\nTI  - Moss cover and frost "
            "heave\nT2  - BOREAL ECOLOGY\nAB  - Moss cover slows frost heave in peat.\nAD  - "
            "Univ Oulu, Oulu, FinlandAD  - Lund Univ, Lund, SwedenC3  - University of OuluC3  - "
            "Lund UniversityPU  - WILEY\nKW  - peatKW  - frost heave\nSN  - 0000-0001\nSN  - "
            "0000-0002\nDO  - 10.5555/moss.1\nWE  - Science Citation Index Expanded "
            "(SCI-EXPANDED)AN  - WOS:000000000000001\nER  -\n",
        )
    )
    assert paper.authors == ("Chioma Okafor", "Per Lindqvist")
    assert paper.keywords == ("peat", "frost heave")
    assert dict(paper.metadata)["author address"] == (
        "Univ Oulu, Oulu, Finland; Lund Univ, Lund, Sweden"
    )
    assert dict(paper.metadata)["custom3"] == "University of Oulu; Lund University"
    assert dict(paper.metadata)["accession number"] == "WOS:000000000000001"
    assert dict(paper.metadata)["issn"] == "0000-0001; 0000-0002"  # both kept


def test_web_of_science_ris_title_without_its_footnote_marker() -> None:
    # Web of Science keeps a title's footnote marker apart at its end, in its RIS as in its
    # plain text (bchaihuaque/merge-systematic-review wos.ris: "…incentive contracts *");
    # another RIS's title, and a star against a word, keep theirs.
    ris = (
        "TY  - JOUR\nTI  - Moss cover and frost heave *\nAB  - Moss cover slows frost heave in "
        "peat.\nAN  - WOS:000000000000002\nER  -\n\n"
        "TY  - JOUR\nTI  - Frost heave near Sgr A*\nAB  - Nothing heaves near the black hole."
        "\nAN  - WOS:000000000000003\nER  -\n\n"
        "TY  - JOUR\nTI  - Stars on a rating scale *\nAB  - Readers rate papers with stars.\n"
        "ER  -\n"
    )
    titles = [record.title for record in parse_ris(ris).records]
    assert titles == [
        "Moss cover and frost heave",
        "Frost heave near Sgr A*",
        "Stars on a rating scale *",
    ]


def test_ris_abstract_with_a_tag_like_run_keeps_it_as_text(tmp_path: Path) -> None:
    # Only fields outside prose are parted where a tag follows a value without a break.
    paper = only(
        load_written(
            tmp_path,
            "export.ris",
            "TY  - JOUR\nTI  - Glycated haemoglobin (HbA1  - c) in runners\nAB  - Runners "
            "with HbA1  - 5.7% or more\nran less far, and those with HbA1  - 6.5% the least.\n"
            "AU  - Okafor, ChiomaAU  - Lindqvist, Per\nER  -\n",
        )
    )
    assert paper.title == "Glycated haemoglobin (HbA1 - c) in runners"
    assert paper.abstract == (
        "Runners with HbA1 - 5.7% or more ran less far, and those with HbA1 - 6.5% the least."
    )
    assert paper.authors == ("Chioma Okafor", "Per Lindqvist")


def test_web_of_science_ris_early_access_record_dated_by_its_month(tmp_path: Path) -> None:
    # An early-access record has no PY or DA yet, only C6, the month it came out online.
    paper = only(
        load_written(
            tmp_path,
            "savedrecs.ris",
            "TY  - JOUR\nAU  - Okafor, Chioma\nTI  - Moss cover and frost heave\nAB  - Moss "
            "cover slows frost heave in peat.\nDO  - 10.5555/moss.2\nC6  - SEP 2022\nAN  - "
            "WOS:000000000000002\nER  -\n",
        )
    )
    assert paper.date == "2022-09"


def test_web_of_science_ris_group_author_of_the_proceedings_is_no_author() -> None:
    # Web of Science writes a proceedings volume's group author (GP in its plain text) as A1
    # after the paper's AU lines (besidescrazy/chatGPTtest savedrecs.ris: "A1  - IEEE"); a
    # record of it with no AU, and another RIS, have their authors in A1.
    ris = (
        "TY  - CPAPER\nAU  - Okafor, C\nAU  - Lindqvist, P\nA1  - IEEE\nTI  - Moss cover "
        "and frost heave\nAB  - Moss cover slows frost heave in peat.\nWE  - Conference "
        "Proceedings Citation Index - Science (CPCI-S)AN  - WOS:000000000000004\nER  -\n\n"
        "TY  - BOOK\nA1  - World Peat Society\nTI  - Peat and frost\nAB  - A report on "
        "frost in peat.\nAN  - WOS:000000000000005\nER  -\n\n"
        "TY  - JOUR\nA1  - Okafor, Chioma\nA1  - Lindqvist, Per\nTI  - Frost heave\nAB  - "
        "Frost heaves peat.\nER  -\n"
    )
    authors = [record.authors for record in parse_ris(ris).records]
    assert authors == [
        ("C Okafor", "P Lindqvist"),
        ("World Peat Society",),
        ("Chioma Okafor", "Per Lindqvist"),
    ]


def test_scopus_ris_book_whose_t2_repeats_its_title_has_no_venue() -> None:
    # Scopus's RIS of a book gives its title again as T2, in title case (milensys/
    # biodiversity_scopus_27_novembre_2023 scopus.ris); a chapter's T2 is its book.
    ris = (
        "TY  - BOOK\nTI  - Peat and frost in boreal bogs\nT2  - Peat and Frost in Boreal "
        "Bogs\nAB  - A report on frost in peat.\nDB  - Scopus\nER  - \n\n"
        "TY  - CHAP\nTI  - Frost heave\nT2  - Peat and Frost in Boreal Bogs\nAB  - Frost "
        "heaves peat.\nDB  - Scopus\nER  - \n"
    )
    venues = [record.venue for record in parse_ris(ris).records]
    assert venues == [None, "Peat and Frost in Boreal Bogs"]


def test_ovid_link_line_with_its_url_on_the_same_line() -> None:
    corpus = load("ovid-medline.ris")
    [missing] = corpus.skipped  # the record without an abstract; the link lines are no problem
    assert missing.reason.startswith("no abstract")


def test_ebsco_ris_abstract_without_its_stamp_and_copyright_note() -> None:
    paper = only(load("ebsco-greenfile.ris"))
    assert paper.abstract.endswith("microbes near one pond break some of them down.")
    assert (paper.date, paper.pmid) == ("2018", None)  # AN of EBSCO's own database


def test_scielo_ris_first_abstract_without_its_heading() -> None:
    paper = only(load("scielo.ris"))
    assert paper.abstract.startswith("The Atlantic Forest has been highly fragmented")
    assert "RESUMO" not in paper.abstract  # the second AB, in Portuguese, is not appended
    assert (paper.date, paper.id) == ("2018-06-21", "S0073-47212018000100221-scl")


def test_peerj_ris_structured_abstract_headings_on_their_own_lines(tmp_path: Path) -> None:
    # PeerJ's RIS: an empty AB line, then each heading and its text on indented lines.
    paper = only(
        load_written(
            tmp_path,
            "peerj.ris",
            "TY  - JOUR\n",
            "TI  - Revision of the long-bodied sphaerodorids\n",
            "AB  - \n",
            "            \n",
            "               Background\n",
            "               Long-bodied sphaerodorids share two rows of macrotubercles.\n",
            "            \n",
            "               Methods\n",
            "               Mitochondrial and nuclear sequence data were analysed.\n",
            "               Type specimens were examined.\n",
            "               Results\n",
            "               Sphaerodorum and Ephesiella were recovered as paraphyletic.\n",
            "         \n",
            "VL  - 6\n",
            "ER  - ",
        )
    )
    assert paper.abstract == (
        "Background: Long-bodied sphaerodorids share two rows of macrotubercles. "
        "Methods: Mitochondrial and nuclear sequence data were analysed. Type specimens were "
        "examined. Results: Sphaerodorum and Ephesiella were recovered as paraphyletic."
    )


def test_zotero_ris_crossref_abstract_heading_then_section_headings(tmp_path: Path) -> None:
    # A preprint Zotero took from Crossref ("DB  - DOI.org (Crossref)"): "ABSTRACT" on the AB
    # line, then each heading and its text indented on lines of their own, blank ones between.
    paper = only(
        load_written(
            tmp_path,
            "library.ris",
            "TY  - RPRT\n",
            "AB  - ABSTRACT\n",
            "          \n",
            "            Background\n",
            "            Motor neuron disease is an incurable neurodegenerative disease.\n",
            "          \n",
            "          \n",
            "            Methods\n",
            "            We conducted a two-stage systematic review of the clinical literature.\n",
            "          \n",
            "            Results\n",
            "            The panel selected memantine and trazodone for testing.\n",
            "AU  - Wong, Charis\n",
            "DB  - DOI.org (Crossref)\n",
            "TI  - A systematic approach to identify neuroprotective interventions\n",
            "ER  - \n",
        )
    )
    assert paper.abstract == (
        "Background: Motor neuron disease is an incurable neurodegenerative disease. Methods: "
        "We conducted a two-stage systematic review of the clinical literature. Results: The "
        "panel selected memantine and trazodone for testing."
    )


def test_ris_abstract_wrapped_over_lines_with_one_heading_like_line_is_one_text(
    tmp_path: Path,
) -> None:
    paper = only(
        load_written(
            tmp_path,
            "wrapped.ris",
            "TY  - JOUR\nTI  - Wrapped\nN2  - Short lines of a wrapped paragraph\n",
            "      Carry on here.\n",
            "      Methods\n",
            "alone make no structured abstract\nER  - \n",
        )
    )
    assert paper.abstract == (
        "Short lines of a wrapped paragraph Carry on here. Methods alone make no structured "
        "abstract"
    )


def test_covidence_ris_editor_lists_and_web_of_science_braces(tmp_path: Path) -> None:
    # Covidence's RIS of records it imported from Web of Science's BibTeX: the editors in
    # one A1 line joined by "and", the braces that protected punctuation left in the text.
    paper = only(
        load_written(
            tmp_path,
            "covidence.ris",
            "TY  - JOUR\nT1  - Vulnerability of the Josanicka {[}river] basin\n",
            "A1  - Novkovic, Ivan\nA1  - Zlatic, M and Kostadinov, S\n",
            "A1  - Johnson and Johnson\n",
            "Y1  - 2018///\n",
            "AB  - Part of the basin is situated in National Park ``Kopaonik{''}, which\n",
            "increases the need for protection of this territory from these hazards.\n",
            "ER  - \n",
        )
    )
    assert paper.authors == ("Ivan Novkovic", "M Zlatic", "S Kostadinov", "Johnson and Johnson")
    assert paper.title == "Vulnerability of the Josanicka [river] basin"
    assert "National Park \u201cKopaonik\u201d, which increases" in paper.abstract


def test_ris_authors_of_a_record_in_one_line_split_by_semicolons(tmp_path: Path) -> None:
    # RIS written by an R script from Web of Science's AU field (nealhaddaway/bibfix's
    # export.ris): all of a record's authors in one AU line, a mononym among them; an
    # entity's ";" in a name is no separator.
    paper = only(
        load_written(
            tmp_path,
            "script.ris",
            "TY  - \nAU  - Ferreira, T; Wanandi; Okafor, BJ\nAU  - M&uuml;ller, K\n",
            "TI  - Water reuse in small towns\nPY  - 2020\n",
            "AB  - We measure how much of a town's water is used twice and what that saves.\n",
            "ER  - \n",
        )
    )
    assert paper.date == "2020"
    assert paper.authors[:3] == ("T Ferreira", "Wanandi", "BJ Okafor")
    assert paper.authors[3].startswith("K M") and paper.authors[3].endswith("ller")


def test_ris_doi_held_alone_in_m3(tmp_path: Path) -> None:
    # bdarcus/manuscript-rendition references.ris, from a reference manager of about 2011:
    # the DOI in M3 ("type of work"), no DO; a type of work that is none stays no DOI.
    corpus = load_written(
        tmp_path,
        "old.ris",
        "TY  - JOUR\nT1  - Harbours and their hinterlands\nA1  - Vance,Rhoda\n",
        "M3  - 10.1080/1234.2010.5678\n",
        "N2  - We map how far the trade of each harbour reaches inland and why it stops.\n",
        "ER  - \n\n",
        "TY  - JOUR\nT1  - Ferries and their towns\nA1  - Vance,Rhoda\nM3  - Article\n",
        "N2  - We map how far the trade of each ferry reaches inland and why it stops there.\n",
        "ER  - \n",
    )
    assert [paper.doi for paper in corpus.papers] == ["10.1080/1234.2010.5678", None]


def test_ris_y1_month_over_a_py_of_the_year_alone(tmp_path: Path) -> None:
    # IEEE Xplore's RIS (pedrohnv/doutorado ieee.ris): PY the year alone, Y1 the issue's
    # month or a conference's days; a Y1 of another year, or no more than the year, is not
    # taken over PY.
    records = [
        ("2009", "Jan. 2009"),
        ("2014", "16-18 Oct. 2014"),
        ("2014", "Oct. 2013"),
        ("2011", "2011///"),
    ]
    lines = [
        f"TY  - JOUR\nTI  - Fields near substation number {n}\nPY  - {py}\nY1  - {y1}\n"
        f"AB  - We measure the electric field near substation number {n} and compare it with "
        "the limits.\nER  - \n\n"
        for n, (py, y1) in enumerate(records)
    ]
    corpus = load_written(tmp_path, "ieee.ris", *lines)
    dates = {paper.title: paper.date for paper in corpus.papers}
    assert [dates[f"Fields near substation number {n}"] for n in range(4)] == [
        "2009-01",
        "2014-10",
        "2014",
        "2011",
    ]


def test_ris_date_r_na_is_no_date(tmp_path: Path) -> None:
    # nealhaddaway/bibfix export.ris, written by an R script: "PY  - NA" for no year.
    paper = only(
        load_written(
            tmp_path,
            "script.ris",
            "TY  - \nAU  - Okafor, BJ\nTI  - Water reuse in small towns\nPY  - NA\n",
            "AB  - We measure how much of a town's water is used twice and what that saves.\n",
            "ER  - \n",
        )
    )
    assert paper.date is None


def test_zotero_ris_of_a_scholar_result_venue_with_its_year_and_no_date(tmp_path: Path) -> None:
    # auditore12/alwasila "My Library.ris": Zotero keeps a Google Scholar result's byline
    # source, "Journal, 2021", in T2 and writes no date; a dated record keeps its venue whole.
    scholar, dated = load_written(
        tmp_path,
        "library.ris",
        "TY  - JOUR\nTI  - Proverbs in a school reader\nAU  - Haddad, Salma\nT2  - Journal of "
        "Language Studies, 2021\nAB  - \u2026 the proverbs of the reader are traced to their "
        "sources and their use in class \u2026\nER  - \n\n",
        "TY  - CONF\nTI  - Reading aloud\nT2  - Workshop on Reading, 2019\nPY  - 2020\nAB  - We "
        "ask how reading aloud in class changes what pupils remember of a story.\nER  - \n",
    ).papers
    assert (scholar.venue, scholar.date) == ("Journal of Language Studies", "2021")
    assert (dated.venue, dated.date) == ("Workshop on Reading, 2019", "2020")


def test_a_generational_suffix_goes_after_the_surname() -> None:
    # Zotero's RIS of PubMed records ("Dengah HJF 2nd"), and a suffix after its own comma.
    ris = (
        "TY  - JOUR\n"
        "AU  - Dengah, H. J. François 2nd\n"
        "AU  - King, Martin L., Jr.\n"
        "AU  - Lewis, Patrick\n"
        "TI  - Cultural consonance and depression in a Brazilian city\n"
        "AB  - We measure how far people live up to shared cultural models and how that relates"
        " to depressive symptoms.\n"
        "ER  - \n"
    )
    (record,) = parse_ris(ris).records
    assert record.authors == ("H. J. François Dengah 2nd", "Martin L. King Jr.", "Patrick Lewis")


def test_ovid_central_ris_names_in_one_line_are_each_an_author() -> None:
    # Ovid's Cochrane CENTRAL RIS puts a record's names in one A1 line, as NLM writes them
    # (seen in MaxenceOuafik/MSM-Syndemic-Scoping-Review Files/search_strategy/cochrane.ris).
    ris = (
        "TY  - ELEC\n"
        "T1  - Peer support for carers of people with dementia: a randomised trial\n"
        "A1  - Okonkwo AB, van den Berg HJ, de la Cruz M, Tanaka K\n"
        "A1  - Lewis, Patrick\n"
        "N2  - We randomise carers of people with dementia to monthly peer support groups.\n"
        "ER  -  \n"
    )
    names = ("Okonkwo AB", "van den Berg HJ", "de la Cruz M", "Tanaka K", "Patrick Lewis")
    assert parse_ris(ris).records[0].authors == names


def test_ovid_central_ris_trial_registry_record_has_its_page_not_its_id_as_author() -> None:
    # Ovid's CENTRAL writes a registered trial's id as its author, its official title in
    # T2 and the registry's address in JA (seen in MaxenceOuafik/MSM-Syndemic-Scoping-Review
    # Files/search_strategy/cochrane.ris): the byline named "NCT01234567" as its author and
    # the official title as its venue, and the paper had no link.
    ris = (
        "1. \n"
        "TY  - ELEC\n"
        "ID  - CN-01234567\n"
        "T1  - Walking Together: Peer Support for Carers\n"
        "T2  - A Randomised Controlled Trial of Peer Support Groups for Carers of People With "
        "Dementia\n"
        "A1  - NCT01234567\n"
        "Y1  - 2020//\n"
        "N2  - We randomise carers of people with dementia to monthly peer support groups.\n"
        "JA  - https://clinicaltrials.gov/show/NCT01234567\n"
        "L2  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&D=cctr&AN=CN-01234567\n"
        "ER  -  \n"
    )
    (record,) = parse_ris(ris).records
    assert (record.authors, record.venue) == ((), None)
    assert record.url == "https://clinicaltrials.gov/show/NCT01234567"


def test_safetylit_ris_resolver_address_without_a_doi_is_no_link() -> None:
    # SafetyLit writes "UR  - http://dx.doi.org/" for a paper without a DOI (seen in
    # vidhu81/Systematic-Review-Road-accidents combined_ris_074023.ris): the issue linked
    # the paper to the resolver's empty address.
    ris = (
        "TY  - JOUR\n"
        "TI  - Helmet use among young riders in two coastal towns\n"
        "A1  - Okafor, Ada\n"
        "N2  - We observed helmet use among young riders at twelve junctions.\n"
        "UR  - http://dx.doi.org/\n"
        "ER  -\n"
        "TY  - JOUR\n"
        "TI  - Seat belts and night driving\n"
        "N2  - We observed seat belt use among drivers at night on four roads.\n"
        "UR  - http://dx.doi.org/10.5555/night.42\n"
        "ER  -\n"
    )
    first, second = parse_ris(ris).records
    assert (first.url, first.doi) == (None, None)
    assert (second.url, second.doi) == ("http://dx.doi.org/10.5555/night.42", "10.5555/night.42")


def test_a_library_proxy_login_before_a_papers_page_is_no_part_of_its_link(
    tmp_path: Path,
) -> None:
    # EBSCOhost's RIS exported through a university's EZproxy (seen in mjwestgate/synthesisr
    # tests/testthat/testdata/ASP_ris_example.ris) and an EndNote XML of ERIC records through
    # another's: the issue linked the paper to the library's login page.
    corpus = load_written(
        tmp_path,
        "asp.ris",
        "TY  - JOUR\n",
        "TI  - Rooftop gardens and summer heat in two harbour towns\n",
        "AU  - Okafor, Ada\n",
        "AB  - We measured roof temperatures under gardens and bare roofs for two summers.\n",
        "UR  - https://ezp.example.edu/login?url=http://search.ebscohost.com/login.aspx?"
        "direct=true&db=aph&AN=1234567&site=ehost-live\n",
        "ER  - \n",
        "TY  - JOUR\n",
        "TI  - Shade trees and walking to school\n",
        "AB  - We counted children walking to school on streets with and without shade.\n",
        "UR  - https://login.proxy.example.edu/login?qurl=https%3A%2F%2Fwww.example.org"
        "%2Fdocview%2F42%3Faccountid%3D7\n",
        "ER  - \n",
    )
    assert [paper.link for paper in corpus.papers] == [
        "http://search.ebscohost.com/login.aspx?direct=true&db=aph&AN=1234567&site=ehost-live",
        "https://www.example.org/docview/42?accountid=7",
    ]


def test_proquest_ris_degrees_after_a_name_are_no_part_of_it() -> None:
    # ProQuest's RIS writes some journals' authors with their degrees (seen in
    # MaxenceOuafik/MSM-Syndemic-Scoping-Review Files/electronic_search/proquest.ris).
    ris = (
        "TY  - JOUR\n"
        "T1  - Peer navigation for young adults leaving foster care\n"
        "AU  - Okafor, Ada N, PhD\n"
        "AU  - Lindqvist, Sara, MD, MPH\n"
        "AU  - Brennan, Tom, MLS\n"
        "AU  - Reyes, Luis\n"
        "AB  - We follow young adults leaving foster care who were paired with a peer navigator.\n"
        "DB  - ProQuest Central\n"
        "ER  - \n"
    )
    (record,) = parse_ris(ris).records
    assert record.authors == ("Ada N Okafor", "Sara Lindqvist", "Tom Brennan", "Luis Reyes")


def test_scopus_ris_corresponding_author_email_is_no_part_of_the_name() -> None:
    # Scopus's RIS writes the corresponding author's e-mail after the name (seen in
    # coreofscience/python-bibx docs/examples/scopus.ris).
    ris = (
        "TY  - JOUR\n"
        "TI  - Design of a soft-output Viterbi detector for bit-patterned media recording\n"
        "AU  - Nguyen, C.D., chi.nguyendinh@phenikaa-uni.edu.vn\n"
        "AU  - Lee, J.\n"
        "AB  - We design a detector that handles two-dimensional interference in recording.\n"
        "DB  - Scopus\n"
        "ER  - \n"
    )
    (record,) = parse_ris(ris).records
    assert record.authors == ("C.D. Nguyen", "J. Lee")


def test_lens_ris_author_without_given_names_loses_their_null() -> None:
    # Lens's RIS (ESHackathon/CiteSource vignettes/new_stage_data/lens_343.ris) writes "null"
    # for the given names of an author Crossref gives only one name for.
    ris = (
        "TY  - CHAP\n"
        "AB  - <jats:p>We read crimes against rivers through four theories of crime.</jats:p>\n"
        "AU  - Rao, Ishaan\n"
        "AU  - Meera, null\n"
        "TI  - Rivers and the theories of crime\n"
        "UR  - https://lens.org/001-100-200-300-400\n"
        "ER  - \n"
    )
    (record,) = parse_ris(ris).records
    assert record.authors == ("Ishaan Rao", "Meera")


# --- NoteExpress (Wanfang, CNKI) and CNKI's custom export ------------------------------------


def test_noteexpress_as_wanfang_and_cnki_write_it() -> None:
    # Wanfang's NoteExpress export (.NET): one name or keyword a line, later ones after two
    # spaces, a DOI in full-width characters, an abstract broken over two lines. CNKI's:
    # names and keywords joined by ";". It was read as pasted text: every field line skipped.
    corpus = load("wanfang-noteexpress.net")
    assert corpus.files[0].format == "noteexpress"
    first, cnki = corpus.papers
    assert first.title == "城市绿地对夏季地表温度的降温效应研究"
    assert first.authors == ("李明", "王芳")
    assert first.keywords == ("城市绿地", "地表温度", "降温效应")
    assert (first.doi, first.date, first.venue) == (
        "10.13292/j.1000-4890.202103.012",
        "2021",
        "生态学杂志",
    )
    assert first.abstract.startswith("目的 分析城市绿地面积")
    assert first.abstract.endswith("结论 城市规划应优先保留大面积绿地.")  # the broken line joined
    assert cnki.authors == ("陈静", "刘洋")
    assert cnki.keywords == ("屋顶绿化", "雨水滞留", "海绵城市")
    [skipped] = corpus.skipped
    assert skipped.excerpt == "城市行道树的树种选择"
    assert skipped.reason.startswith("no abstract")


def test_cnki_custom_export() -> None:
    # CNKI's "custom" (E-Study) export: "DataType" opens each record, no blank line between
    # records; "<正>" marks the article's opening lines given where there is no abstract.
    corpus = load("cnki-custom.txt")
    assert corpus.files[0].format == "cnki-custom"
    journal, proceedings = corpus.papers
    assert journal.title == "城市绿地对夏季地表温度的降温效应研究"
    assert journal.authors == ("李明", "王芳")
    assert journal.keywords == ("城市绿地", "地表温度", "降温效应")
    assert (journal.date, journal.venue) == ("2021-03-15", "生态学杂志")
    assert journal.url is not None and journal.url.endswith(
        "FileName=STXZ202103012&DbName=CJFQTEMP"
    )
    assert journal.abstract.endswith("结果表明绿地面积越大降温越明显。")
    assert (proceedings.venue, proceedings.date) == ("2020中国城市规划年会论文集", "2020-10")
    [skipped] = corpus.skipped
    assert skipped.excerpt == "行道树养护管理标准"


def test_cnki_custom_export_saved_in_gbk(tmp_path: Path) -> None:
    # CNKI's exports saved on Chinese Windows are GBK, not UTF-8 (dearfad/mrhelper's
    # demo_cnki_202101.txt): cp1252 read them without an error, every field as mojibake.
    text = (FIXTURES / "cnki-custom.txt").read_text(encoding="utf-8").replace("王芳", "陈璿英")
    (tmp_path / "CNKI-gbk.txt").write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    corpus = load_papers([tmp_path])
    assert (corpus.files[0].format, corpus.files[0].encoding) == ("cnki-custom", "gb18030")
    journal, proceedings = corpus.papers
    assert journal.title == "城市绿地对夏季地表温度的降温效应研究"
    assert journal.authors == ("李明", "陈璿英")
    assert journal.abstract.endswith("结果表明绿地面积越大降温越明显。")
    assert proceedings.venue == "2020中国城市规划年会论文集"
    [skipped] = corpus.skipped
    assert skipped.excerpt == "行道树养护管理标准"


@pytest.mark.parametrize(
    ("codec", "title", "author", "abstract"),
    [
        # Airiti Library's RIS (NCHUIR/airiti_library_fetcher reads it: a name with its
        # romanisation, the Chinese title in T1 and the English one in TT) saved in Big5.
        (
            "cp950",
            "臺灣都市綠地對夏季地表溫度的降溫效應",
            "王曉明(Xiao-Ming Wang)",
            "本研究以臺北市為例分析綠地面積與形狀對夏季地表溫度的影響。結果顯示面積越大降溫越明顯。",
        ),
        # CiNii's and J-STAGE's RIS saved on Japanese Windows (Shift_JIS) or Unix (EUC-JP).
        (
            "cp932",
            "都市緑地が夏季の地表面温度に与える冷却効果",
            "山田 太郎",
            "本研究では東京都区部を対象として、緑地の面積と形状が地表面温度に与える影響を分析した。",
        ),
        (
            "euc_jp",
            "都市緑地が夏季の地表面温度に与える冷却効果",
            "山田 太郎",
            "本研究では東京都区部を対象として、緑地の面積と形状が地表面温度に与える影響を分析した。",
        ),
        # RISS's and KCI's, in EUC-KR (cp949 is its Windows superset).
        (
            "cp949",
            "도시 녹지가 여름철 지표 온도에 미치는 냉각 효과",
            "김민수",
            "본 연구는 서울시를 대상으로 녹지의 면적과 형태가 지표 온도에 미치는 영향을 보았다.",
        ),
    ],
)
def test_east_asian_ris_saved_in_its_windows_encoding(
    tmp_path: Path, codec: str, title: str, author: str, abstract: str
) -> None:
    # Big5, Shift_JIS, EUC-JP and EUC-KR read as cp1252 or GB18030, without an error: every
    # title, name and abstract was mojibake ("»OÆW³£¥«ºñ¦a", "旁辉涡孟が", "档矫 踌瘤啊").
    text = "".join(
        f"{line}\r\n"
        for line in (
            "TY  - JOUR",
            f"AU  - {author}",
            f"TI  - {title}",
            "TT  - The cooling effect of urban green space",
            "PY  - 2021",
            f"AB  - {abstract}",
            "AB  - This study examines how green spaces cool the city.",
            "DO  - 10.1234/green.2021.001",
            "ER  - ",
        )
    )
    (tmp_path / "export.ris").write_bytes(text.encode(codec))
    corpus = load_papers([tmp_path])
    assert (corpus.files[0].format, corpus.files[0].encoding) == ("ris", codec)
    paper = only(corpus)
    assert (paper.title, paper.authors, paper.abstract) == (title, (author,), abstract)


def test_cnki_custom_export_of_older_kind_with_blank_lines(tmp_path: Path) -> None:
    # Older exports open each record with its database and put a blank line between them.
    corpus = load_written(
        tmp_path,
        "CNKI-637000000000000000.txt",
        "SrcDatabase-来源库: 期刊\nTitle-题名: 屋顶绿化的雨水滞留能力\nAuthor-作者: 陈静;刘洋;\n",
        "Summary-摘要: 屋顶绿化可以滞留降雨,减轻城市排水压力。本文测定了雨水滞留率。\n\n",
        "SrcDatabase-来源库: 期刊\nTitle-题名: 城市绿地的降温效应\nAuthor-作者: 李明;\n",
        "Summary-摘要: 绿地面积越大降温越明显,形状越规则降温范围越小。\n",
    )
    assert corpus.files[0].format == "cnki-custom"
    assert [p.title for p in corpus.papers] == ["屋顶绿化的雨水滞留能力", "城市绿地的降温效应"]
    assert corpus.skipped == ()


def test_noteexpress_as_cnki_writes_it_with_its_marks_and_blank_lines() -> None:
    # CNKI's NoteExpress export (Vopaaz/CNKI_2_BibTeX's test files): "(#br)" for a break
    # ("Abstract(#br)…"), names joined by ";;" or ",", an address whose blank lines were
    # copied (the record went on after them: it was cut in two, its abstract a paper
    # without a title), "<正>" opening text given for an abstract, field names with a
    # comma or in Chinese, full-width colons and semicolons, a thesis's university.
    corpus = load("cnki-noteexpress.net")
    english, chinese, thesis, consensus = corpus.papers
    assert english.abstract == (
        "Green roofs cool the rooms below them in summer. We measured indoor temperatures "
        "under green and bare roofs in twelve buildings over two summers. Rooms under green "
        "roofs were two degrees cooler at noon on average."
    )
    assert english.authors == ("Ana Ruiz", "Wei Zhang", "J.K. Smith")
    assert chinese.title == "城市绿地对夏季地表温度的降温效应研究"
    assert chinese.authors == ("李明", "王芳")
    assert (chinese.venue, chinese.keywords) == ("生态学杂志", ("城市绿地", "地表温度", "降温效应"))
    assert (thesis.venue, thesis.date) == ("北京林业大学", "2018")
    assert consensus.abstract.startswith("城市绿地是城市生态系统的重要组成部分。")
    assert consensus.keywords == ("绿地", "规划", "共识")
    assert consensus.url == "https://example.org/CN2016/1.htm"
    assert [(s.line, s.count) for s in corpus.skipped] == [(47, 2)]  # the book, the <正> one


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        (
            "CNKI-refworks.txt",
            ("RT Journal Article\nT1 {title}\nJF 园林\nYR 2019\nAB {abstract}\n"),
        ),
        ("CNKI-endnote.txt", ("%0 Journal Article\n%T {title}\n%J 园林\n%D 2019\n%X {abstract}\n")),
    ],
)
def test_cnki_marks_in_its_refworks_and_endnote_exports(
    tmp_path: Path, name: str, lines: str
) -> None:
    # CNKI writes the same marks in every export (the Zotero CNKI translator's RefWorks
    # test: "Abstract(#br)Bombyx mori…"): a "(#br)" break, and "<正>" before an article's
    # opening lines given for want of an abstract. Both were left in as text.
    english = "Abstract(#br)Green roofs cool the rooms below them in summer.(#br)Rooms were cooler."
    opening = (
        "<正>12月3日,行道树养护工作会议在北京召开。会议总结了本年度的养护工作,部署了明年的任务。"
    )
    corpus = load_written(
        tmp_path,
        name,
        lines.format(title="Green roofs", abstract=english),
        "\n",
        lines.format(title="行道树养护工作会议在京召开", abstract=opening),
    )
    paper = only(corpus)
    assert paper.abstract == "Green roofs cool the rooms below them in summer. Rooms were cooler."
    [skipped] = corpus.skipped
    assert (skipped.excerpt, skipped.reason) == (
        "行道树养护工作会议在京召开",
        "no abstract (CNKI gives the article's opening lines, marked <正>, for want of one)",
    )


def test_ris_abstract_given_per_language_is_read_in_english() -> None:
    # LILACS's RIS (BVS) gives a record's abstract once per language, untagged, Portuguese
    # first (Bioframe/RSL2's export.ris): rispy kept the first. An entity escaped twice
    # ("e&amp;#8725;ou") was read as "e&#8725;ou". The record read in English takes its
    # English title (TT) too; EBSCOhost's copyright note on an AB line of its own is no
    # English abstract.
    ris = (
        "TY  - JOUR\nTI  - REINSER\u00c7\u00c3O ESCOLAR DE CRIAN\u00c7AS\n"
        "TT  - School reintegration of children\nTT  - Reintegraci\u00f3n escolar de ni\u00f1os\n"
        "AB  - O estudo avaliou a reinser\u00e7\u00e3o escolar de crian\u00e7as com c\u00e2ncer "
        "em Recife (\u201cSchool of the Future\u201d) a partir de entrevistas.\n"
        "AB  - The study assessed the school reintegration of children with cancer in "
        "Recife from interviews.\n"
        "AB  - El estudio evalu\u00f3 la reintegraci\u00f3n escolar de ni\u00f1os.\n"
        "ER  - \n\n"
        "TY  - JOUR\nTI  - Adapta\u00e7\u00e3o de um question\u00e1rio\n"
        "AB  - A tradu\u00e7\u00e3o e&amp;#8725;ou adapta\u00e7\u00e3o de um question\u00e1rio "
        "para o portugu\u00eas.\n"
        "AB  - Copyright of Revista de Teste is the property of its publisher.\n"
        "ER  - \n"
    )
    english, portuguese = parse_ris(ris).records
    assert english.abstract.startswith("The study assessed")
    assert english.title == "School reintegration of children"
    assert portuguese.abstract.startswith("A tradu\u00e7\u00e3o e\u2215ou adapta\u00e7\u00e3o")


def test_a_chinese_or_korean_name_given_family_comma_given_is_written_family_first(
    tmp_path: Path,
) -> None:
    # Zotero keeps a CNKI item's authors as family and given name and exports them "王, 小明";
    # read the Western way round they became "小明 王", the byline's first name wrong.
    for folder in ("ris", "bib"):
        (tmp_path / folder).mkdir()
    ris = load_written(
        tmp_path / "ris",
        "zotero.ris",
        "TY  - JOUR\nAU  - 王, 小明\nAU  - 김, 민수\nAU  - Smith, John\n",
        "TI  - 城市的夜\nAB  - We ask city workers how they sleep after night shifts.\nER  - \n",
    )
    assert only(ris).authors == ("王小明", "김민수", "John Smith")
    bib = load_written(
        tmp_path / "bib",
        "zotero.bib",
        "@article{wang2024,\n  title = {城市的夜},\n  author = {王, 小明 and Smith, John},\n",
        "  abstract = {We ask city workers how they sleep after night shifts.}\n}\n",
    )
    assert only(bib).authors == ("王小明", "John Smith")


def test_a_cjk_name_given_in_parts_is_written_family_first(tmp_path: Path) -> None:
    # Zotero's CSL JSON and RDF keep the same two parts.
    for folder in ("csl", "rdf"):
        (tmp_path / folder).mkdir()
    csl = load_written(
        tmp_path / "csl",
        "zotero.json",
        '[{"id": "a", "type": "article-journal", "title": "城市的夜", "abstract": "We ask city',
        ' workers how they sleep after night shifts.", "author": [{"family": "王", "given":',
        ' "小明"}, {"family": "Smith", "given": "John"}, {"literal": "城市研究组"}]}]',
    )
    assert only(csl).authors == ("王小明", "John Smith", "城市研究组")
    rdf = load_written(
        tmp_path / "rdf",
        "zotero.rdf",
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:z="http://www.zotero.org/namespaces/export#"'
        ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:bib="http://purl.org/net/biblio#" xmlns:foaf="http://xmlns.com/foaf/0.1/">'
        '<bib:Article rdf:about="#item_1"><z:itemType>journalArticle</z:itemType>'
        "<bib:authors><rdf:Seq><rdf:li><foaf:Person><foaf:surname>王</foaf:surname>"
        "<foaf:givenName>小明</foaf:givenName></foaf:Person></rdf:li></rdf:Seq></bib:authors>",
        "<dc:title>城市的夜</dc:title><dcterms:abstract>We ask city workers how they sleep"
        " after night shifts.</dcterms:abstract></bib:Article></rdf:RDF>",
    )
    assert only(rdf).authors == ("王小明",)


def test_web_of_science_scielo_record_is_read_in_english(tmp_path: Path) -> None:
    # SciELO Citation Index's records (UT SCIELO:…) title a paper in its own language in TI,
    # its translations in X1 and Y1, and open the English abstract with a heading
    # (wusterram/arquivos-bib savedrecs.txt: TI in Spanish, "AB Abstract Institutions …").
    corpus = load_written(
        tmp_path,
        "savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\n",
        "PT J\nAU Ruiz Pardo, Ana María\nTI Huertos escolares en la ciudad de Puebla\n"
        "X1 Hortas escolares na cidade de Puebla\nY1 School gardens in the city of Puebla\t\n"
        "LA Spanish\t\nAB Abstract Schools in Puebla keep gardens. We surveyed forty of them.\t\n"
        "X4 Resumen Las escuelas de Puebla tienen huertos.\t\nPY 2022\n"
        "UT SCIELO:S0000-00002022000100001\nER\n\n"
        "PT J\nAU Gomez, Luis\nTI ¿Cómo elegir un sistema contable?\n"
        "X1 How to choose an accounting system\nLA Spanish\t\n"
        "AB This paper lists the questions to ask before buying accounting software.\t\n"
        "PY 2017\nER\n\n"
        "PT J\nAU Lima, Rui\nTI Leitura em casa e na escola\nLA Portuguese\n"
        "AB A leitura em casa foi medida em cinquenta famílias.\nPY 2020\nER\n\nEF\n",
    )
    gardens, accounting, reading = corpus.papers
    assert gardens.title == "School gardens in the city of Puebla"
    assert gardens.abstract == "Schools in Puebla keep gardens. We surveyed forty of them."
    assert ("original title", "Huertos escolares en la ciudad de Puebla") in gardens.metadata
    assert accounting.title == "How to choose an accounting system"
    # A record with one title keeps it, whatever its language.
    assert reading.title == "Leitura em casa e na escola"
