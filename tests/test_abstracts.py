"""A record is a paper when it has an abstract: placeholders and copyright lines are not
abstracts, and a file's records without one are reported in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cleaning import is_placeholder, strip_abstract_trailer
from digest.cli import main
from digest.loading import load_papers
from digest.readers.markup import without_abstract_heading
from digest.sections import section_label

ABSTRACT = (
    "We follow 400 patients for two years after a first episode of depression. "
    "Relapse was half as likely among those who kept their weekly exercise."
)


def csv_file(path: Path, abstracts: list[str]) -> Path:
    rows = "".join(f'"Paper {i}","{a}"\n' for i, a in enumerate(abstracts))
    path.write_text("Title,Abstract\n" + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "field",
    [
        "[No abstract available]",
        "Not Available",
        "No abstract",
        "N/A",
        "No abstract available.",
        # ScienceDirect's RIS: the heading alone where the text should follow it.
        "Abstract",
        # An AI-enhanced arXiv daily's every field of a paper its model failed on
        # (xmkxabc/daae data/2025-03-18.md): "Error: AI analysis failed."
        "\u9519\u8bef\uff1aAI\u5206\u6790\u5931\u8d25\u3002",
        # Cambridge University Press's notices, in Crossref's and OpenAlex's metadata.
        "An abstract is not available for this content so a preview has been provided. Please "
        "use the Get access link above for information on how to access this content.",
        "An abstract is not available for this content. As you have access to this content, "
        "full HTML content is provided on this page. A PDF of this content is also available "
        "in through the \u2018Save PDF\u2019 action button.",
        "A summary is not available for this content so a preview has been provided.",
        # IEEE Xplore's for a magazine's reprint of an article it holds no copyright on.
        "This publication contains reprint articles for which IEEE does not hold copyright. "
        "Full text is not available on IEEE Xplore for these articles.",
        # PubMed's notice where the publisher gave no abstract text (OtherAbstract, OAB).
        "Abstract available from the publisher.",
        "Publisher: Abstract available from the publisher.",
        # A letter's conflict-of-interest line, kept by PubMed (and Covidence) as its abstract.
        "Conflicts of interest. None.",
        "Declaration of Competing Interest None.",
        "Conflict of interest statement: none declared.",
        "Competing interests: The authors declare no competing interests.",
        "The authors declare that they have no conflicts of interest.",
        # A journal's citation line given to Crossref as the abstract (Zotero's copy).
        "Cite this article as: Ada Kaya. Asthma in Children: Diagnosis and Care (a narrative"
        " review). Anatolian Med J 2021; 12(2): 101\u20139.",
        "How to cite this article: Kaya A. Asthma in children. Anatol Med J. 2021;12:101-9.",
        # A site's description of itself, saved as a paper's abstract: NBER's for a working
        # paper (Zotero), GitHub's for a repository (Paperpile, hkarl/paperpile).
        "Founded in 1920, the NBER is a private, non-profit, non-partisan organization"
        " dedicated to conducting economic research and to disseminating research findings"
        " among academics, public policy makers, and business professionals.",
        "Contribute to tidelab/estuary-model development by creating an account on GitHub.",
        # J-STAGE's, for an article's page without an abstract (Papers).
        "Access full-text academic articles: J-STAGE is an online platform for Japanese"
        " academic journals.",
        "Contribute to estuary-model development by creating an account on GitHub.",
        # ResearchGate's description of the page of a paper without an abstract (Zotero's).
        "PDF | On Mar 3, 2015, A. Okafor and others published Grain Storage in Humid Climates"
        " | Find, read and cite all the research you need on ResearchGate",
        "Request PDF | On Jan 1, 2012, B. Lind published Particle Counting | Find, read and"
        " cite all the research you need on ResearchGate",
        # A library catalogue's bibliography note, kept by Zotero as a book's abstract
        # (issaceee/isaac-vault My Library.json, from K10plus).
        "Includes bibliographical references and index",
        "Includes bibliographical references (p. 211-230) and indexes.",
        "Includes index.",
        # Oxford's description of a page of its books, saved by Zotero as a chapter's
        # abstract (the same library), with or without its date.
        '"Bleak House" published on  by Oxford University Press.',
        "\u201cRisk Messaging\u201d published on 01 Mar 2017 by Oxford University Press.",
    ],
)
def test_a_placeholder_is_no_abstract(field: str) -> None:
    assert is_placeholder(field)


def test_a_short_abstract_that_starts_like_a_placeholder_is_one() -> None:
    assert not is_placeholder("None of the models generalise.")
    assert not is_placeholder(
        "Cite this article as: Kaya A. Asthma in children. Anatol Med J. 2021;12:101-9."
        " Background: Asthma is the most common chronic disease of childhood. We followed"
        " 400 children for five years and report how often their attacks needed a hospital."
        " Most attacks were managed at home; those that were not came after a respiratory"
        " infection in winter, and inhaled steroids halved them."
    )
    assert not is_placeholder("Conflicts of interest among co-authors: none so far surveyed.")
    assert not is_placeholder("Competing interests shape land use; none of the plans agree.")
    assert not is_placeholder(
        "Includes bibliographical references and index. We read 400 Victorian serials and"
        " show that their readers wrote to the editors more often than book buyers did."
    )
    assert not is_placeholder(
        '"Bleak House" published on 01 Mar 2017 by Oxford University Press. We read its'
        " serial parts against the letters their readers sent to the editors."
    )
    assert not is_placeholder(
        "An abstract is not available for this content type in most registries, so we build one"
        " from the full text of 2,000 papers and show that readers prefer it to the title alone."
        * 3
    )


@pytest.mark.parametrize(
    "trailer",
    [
        "© 2020 Elsevier Ltd. All rights reserved.",
        "(C) 2003 Elsevier Ltd. All rights reserved.",
        "Crown Copyright (C) 2008 Published by Elsevier Inc. All rights reserved.",
        "Copyright (c) 2025 The Authors.",
        "© Springer Science+Business Media B.V. 2009.",
        "©2019 the Author(s).",
        "(PsycInfo Database Record (c) 2021 APA, all rights reserved)",
        "[Author Abstract]",
        # ProQuest's, with the authors' keywords after it (ASReview's PsycINFO export).
        "[Author Abstract] KEY WORDS: PTSD; trajectories; children; longitudinal study",
        "(C) 2019 Elsevier B.V. All rights reserved.",
        "Copyright © 2021 Elsevier Ltd. All rights reserved.",
        # Elsevier's, alone or after the copyright line, as its own last words.
        "Published by Elsevier B.V.",
        "Published by Elsevier Ltd.",
        "Published by Elsevier B.V. All rights reserved.",
        "Published by Elsevier Inc., on behalf of the International Association for Pattern "
        "Recognition (IAPR).",
        # Wiley's stamp on an accepted article, in its feeds (supersciencegrl/easy-wiley
        # AdvMater.xml, without the stop) and in PubMed's records.
        "This article is protected by copyright. All rights reserved.",
        "This article is protected by copyright. All rights reserved",
        # EBSCOhost's stamp and its note, longer than any other trailer.
        "[ABSTRACT FROM AUTHOR]\nCopyright of Science of the Total Environment is the property "
        "of Elsevier B.V. and its content may not be copied or emailed to multiple sites or "
        "posted to a listserv without the copyright holder's express written permission. "
        "However, users may print, download, or email articles for individual use. This "
        "abstract may be abridged. No warranty is given about the accuracy of the copy. Users "
        "should refer to the original published version of the material for the full "
        "abstract. (Copyright applies to all Abstracts.)",
        "[ABSTRACT FROM PUBLISHER]",
        # PsycINFO's stamp, spaced inside its brackets in RefWorks' export of 2002 (the
        # RefWorks import tests of zotero/translators).
        "( PsycINFO Database Record ( c) 2002 APA, all rights reserved)",
        # The language of an abstract EBSCOhost holds in two (Academic Search Premier).
        "(English) [ABSTRACT FROM AUTHOR]",
        # ERIC's note of who wrote the abstract.
        "(As Provided)",
        "(Author/RT)",
        "(MVL)",
        # ProQuest's CSA databases (LISA, Sociological Abstracts), as Mendeley's BibTeX of
        # their records keeps them (KDE/kbibtex testset/bib/mendeley5.bib): one mark or
        # several.
        "(Quotes from original text)",
        "(Original abstract)",
        "Adapted from the source document.",
        "(Copies of this article are available for a fee from the Haworth Document Delivery "
        "Service, Haworth Press, Inc. E-Mail: getinfo@haworthpressinc.com, Web site "
        "http:/ /www.HaworthPress.com). (Author abstract)",
        "(Contains 51 references.) (AEF)",
        # ERIC's count of figures and tables, as Zotero keeps it (core-methods-in-edm/
        # final-upload My Library.csv).
        "(Contains 5 figures.)",
        "(Contains 3 tables, 2 figures and 4 footnotes.)",
        # The American Economic Review's JEL codes, as Zotero keeps them
        # (Levensonbadio/Working_paper Exported Items.rdf).
        "(JEL C91, D44, D81, D91)",
        "(JEL G1)",
        # Ovid MEDLINE's count of a review's references (an EndNote 19 library's XML of Ovid
        # records, hash-bang/Reflib-EndNoteXML endnote-sm.xml).
        "[References: 291]",
        # The line arXiv's mail closes an abstract with, kept by a script that turns the mail
        # into RIS (its "\\\\" read as TeX's line break, or still there).
        "( https://arxiv.org/abs/2411.13560 , 31214kb)",
        "\\\\ ( https://arxiv.org/abs/2306.07353 ,  27kb)",
        # INFORMS's note of where the supplement is (an EndNote 22 library's Organization
        # Science record, smart-knowledge-systems/Research-Assitant).
        "Supplemental Material: The online appendix is available at "
        "https://doi.org/10.1287/orsc.2023.1686.",
        # Embase's line closing a bioRxiv or medRxiv preprint's abstract (Ovid's RIS of
        # Embase Preprint records, lmattheydoret/BachelorT ris-2.ris).
        "Copyright The copyright holder for this preprint is the author/funder, who has "
        "granted medRxiv a license to display the preprint in perpetuity. It is made "
        "available under a CC-BY 4.0 International license.",
        # SafetyLit's note of the abstract's language, a paragraph of its own in its RIS
        # (vidhu81/Systematic-Review-Road-accidents combined_ris_074023.ris), alone or after
        # a copyright line.
        "Language: en",
        "Copyright \u00a9 2019 Elsevier B.V. All rights reserved. Language: en",
        "Copyright of Journal of the Air & Waste Management Association (Taylor & Francis Ltd) "
        "is the property of Taylor & Francis Ltd and its content may not be copied or emailed "
        "to multiple sites or posted to a listserv without the copyright holder's express "
        "written permission. However, users may print, download, or email articles for "
        "individual use. This abstract may be abridged. No warranty is given about the "
        "accuracy of the copy. Users should refer to the original published version of the "
        "material for the full abstract. (Copyright applies to all Abstracts.)",
        # A lone word closing an Emerald Early Access abstract in Web of Science's plain
        # text (tonyhungry/Umbrella-Review savedrecs.txt).
        "Accepted",
    ],
)
def test_a_closing_copyright_line_is_not_part_of_the_abstract(trailer: str) -> None:
    assert strip_abstract_trailer(f"{ABSTRACT} {trailer}") == ABSTRACT


@pytest.mark.parametrize(
    "summary",
    [
        # A library catalogue's summary of a book, as Zotero keeps it (heheka1/regal-repo
        # zotero.csv): where it came from after two hyphens, the quotes round it going too.
        f'"{ABSTRACT}"--Provided by publisher.',
        f"{ABSTRACT}--From publisher description",
        f'"{ABSTRACT}"--BOOK JACKET',
        f'"{ABSTRACT}"--',
    ],
)
def test_a_catalogue_summary_loses_its_source(summary: str) -> None:
    assert strip_abstract_trailer(summary) == ABSTRACT


def test_jstors_square_brackets_round_a_whole_abstract_go() -> None:
    # JSTOR wraps its abstracts in square brackets, in its RIS ("AB  - [This paper …]") and
    # so in what Zotero imports from it (GacGorge/Islam zotero.bib, a Zotero BibTeX export:
    # "[La mémoire s'inscrit dans des lieux, … a culture of place.]").
    assert strip_abstract_trailer(f"[{ABSTRACT}]") == ABSTRACT
    # Brackets that close before the end are the abstract's own.
    for kept in (f"[Background] {ABSTRACT} [sic]", f"[{ABSTRACT}] [{ABSTRACT}]"):
        assert strip_abstract_trailer(kept) == kept


def test_a_catalogue_summary_of_quoted_paragraphs_loses_their_quotes() -> None:
    first, second = ABSTRACT.split(". ")
    summary = f'"{first}." "{second}"--BOOK JACKET'
    assert strip_abstract_trailer(summary) == ABSTRACT
    # Two hyphens within an abstract, or closing one without a source, are its own text.
    for kept in (f"{first}--over two years--. {second}", f"{ABSTRACT} Follow-up: 2019--"):
        assert strip_abstract_trailer(kept) == kept


def test_taylor_and_francis_see_also_list_glued_to_the_last_sentence_goes() -> None:
    # Web of Science's RIS of a reply (milensys/Descola-nature-culture-post-cartesien-ontology
    # savedrecs.ris): the papers of the exchange, each title glued to its DOI.
    see_also = (
        "See also:A Reply on Mortar10.1080/00000000.2015.1111111Mortar Again: A Response "
        "10.1080/00000000.2016.2222222"
    )
    assert strip_abstract_trailer(f"{ABSTRACT}{see_also}") == ABSTRACT
    # Without the DOIs of papers it is the abstract's own text.
    kept = f"{ABSTRACT} See also: the mortar survey."
    assert strip_abstract_trailer(kept) == kept


def test_informs_supplement_note_glued_to_the_last_sentence_goes() -> None:
    note = "Supplemental Material: The data are available at https://doi.org/10.1287/x.1."
    assert strip_abstract_trailer(f"{ABSTRACT}{note}") == ABSTRACT
    # Not as the abstract's last words, it is the abstract's own text.
    kept = f"{ABSTRACT} {note} We thank the editors."
    assert strip_abstract_trailer(kept) == kept


@pytest.mark.parametrize(
    "text",
    [
        # Glued to the sentence before it, as some exports join the two.
        f"{ABSTRACT}© 2020 Elsevier Ltd. All rights reserved.",
        f"{ABSTRACT}Copyright © 2021 Elsevier Ltd. All rights reserved.",
        f"{ABSTRACT}Crown Copyright © 2018. Published by Elsevier Ltd. All rights reserved.",
        # Web of Science's, its "(c)" glued to the stop.
        f"{ABSTRACT}(c) 2022 The Author(s). Published by Elsevier Masson SAS. This is an open"
        " access article under the CC BY license (http://creativecommons.org/licenses/by/4.0/)",
        f"{ABSTRACT}(C) 2021 Elsevier Ltd. All rights reserved.",
        f"{ABSTRACT}Copyright The copyright holder for this preprint is the author/funder, who"
        " has granted bioRxiv a license to display the preprint in perpetuity.",
        # The sign lost (an export that cannot write it), as the abstract's last words.
        f"{ABSTRACT} 2020 Elsevier Ltd. All rights reserved.",
        f"{ABSTRACT} 2019 American Chemical Society. All rights reserved",
        # Scopus's of the Journal of Finance's papers of the 1970s and 1980s
        # (quinfer/encing's scopus.csv, from pybliometrics), no stop after it.
        f"{ABSTRACT} 1989 The American Finance Association",
    ],
)
def test_a_glued_or_signless_copyright_line_is_not_part_of_the_abstract(text: str) -> None:
    assert strip_abstract_trailer(text) == ABSTRACT


@pytest.mark.parametrize(
    "text",
    [
        f"{ABSTRACT} We read the codes of its field (JEL D81).",
        f"{ABSTRACT} (JEL codes are listed in the appendix.)",
        f"(JEL C91) {ABSTRACT}",
    ],
)
def test_jel_codes_within_an_abstract_stay(text: str) -> None:
    assert strip_abstract_trailer(text) == text


@pytest.mark.parametrize(
    "citation",
    [
        # Wiley's journals close an abstract with the paper's own citation, which PubMed
        # keeps (ionnss/scientometric_project_pyBibX pubmed.txt): year first or last.
        "ANN NEUROL 2023;93:1187-1197.",
        "J Am Geriatr Soc 68:1072-1077, 2020.",
        "J. Cell. Biochem. 118: 1234-1245, 2017.",
        "Hepatology 2018;67:e12-e20",
        # JMIR's, in brackets, as Crossref and so Lens keep it (asreview/citation-file-
        # formatting Datasets/RIS/_baseline_endnote.txt).
        "[J Med Internet Res 2015;17(4):e101]",
        "[JMIR Mhealth Uhealth 2017;5(3):e34]",
    ],
)
def test_the_papers_own_closing_citation_is_not_part_of_the_abstract(citation: str) -> None:
    assert strip_abstract_trailer(f"{ABSTRACT} {citation}") == ABSTRACT


@pytest.mark.parametrize(
    "text",
    [
        f"{ABSTRACT} The odds were 3:1-2, 2020.",
        f"{ABSTRACT} We followed them in 2019;3 of them left.",
        f"{ABSTRACT} Ratios of 2018;67:1234 were seen in Hepatology.",
        f"{ABSTRACT} Half a bracket: [J Med Internet Res 2015;17(4):e101",
    ],
)
def test_numbers_closing_an_abstract_that_cite_nothing_stay(text: str) -> None:
    assert strip_abstract_trailer(text) == text


def test_a_nature_journals_closing_citation_in_medline_is_not_part_of_the_abstract(
    tmp_path: Path,
) -> None:
    # PubMed's MEDLINE of 2005 (a Publication Harvester test's records from NCBI): Nature
    # Publishing Group's citation, DOI and day online glued to the last sentence.
    lines = [
        "PMID- 15000001",
        "TI  - Dust and soil in the homes of adult women.",
        "AB  - " + ABSTRACT[:-1] + ".Journal of Household Dust and Soil Studies",
        "      (2005) 15, 482-490. doi:10.1038/sj.hds.7500426; published online 27",
        "      April 2005.",
        "FAU - Lamb, Ada",
        "AID - 10.1038/sj.hds.7500426 [doi]",
    ]
    (tmp_path / "pubmed.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == ABSTRACT


@pytest.mark.parametrize(
    "citation",
    [
        "Soil Letters (2012) 2, e123; doi:10.1038/sl.2012.45; published online 12 June 2012",
        "Soil Letters advance online publication, 12 May 2009; doi:10.1038/sl.2009.50.",
        "Soil Letters (2006) 20, 1-8. doi:10.1038/sj.sl.2404026.",
    ],
)
def test_nature_journals_other_closing_citations_are_not_part_of_the_abstract(
    citation: str,
) -> None:
    assert strip_abstract_trailer(f"{ABSTRACT} {citation}") == ABSTRACT


def test_a_nature_citation_that_does_not_close_the_abstract_stays() -> None:
    text = f"{ABSTRACT} Soil Letters (2006) 20, 1-8. doi:10.1038/sj.sl.2404026 is cited."
    assert strip_abstract_trailer(text) == text


def test_lippincotts_citation_before_its_copyright_line_goes_with_it() -> None:
    # Lippincott's (Wolters Kluwer's) abstract as Crossref and so Zotero keep it, the paper's
    # citation then the copyright line (tmx0907/ResearchOS My Library.json, a CSL JSON).
    trailer = (
        "Int Sleep Neuropharmacol 17:211\u2013224 Copyright \u00a9 2019 Wolters Kluwer "
        "Health, Inc. All rights reserved."
    )
    assert strip_abstract_trailer(f"{ABSTRACT} {trailer}") == ABSTRACT
    assert strip_abstract_trailer(f"{ABSTRACT} {trailer.replace('Copyright ', '')}") == ABSTRACT
    # Without a copyright line after it, the numbers are the abstract's own.
    kept = f"{ABSTRACT} Ratios were Low 17:211\u2013224 in the copyright-free group."
    assert strip_abstract_trailer(kept) == kept


def test_a_copyright_line_glued_to_the_front_of_an_abstract_is_not_part_of_it() -> None:
    # Web of Science's MEDLINE, tab-delimited or plain text: the copyright line, then the
    # abstract's first sentence with no space between them.
    glued = "\u00a9 2018 The Authors. Journal of Birds \u00a9 2018 Society of Birds."
    assert strip_abstract_trailer(glued + ABSTRACT) == ABSTRACT
    line = "Copyright \u00a9 2019 Elsevier Ltd. All rights reserved."
    assert strip_abstract_trailer(line + ABSTRACT) == ABSTRACT
    # A line alone, with nothing glued to it, is still no abstract.
    assert strip_abstract_trailer(glued) == ""


def test_escholarships_byline_opening_an_abstract_is_not_part_of_it() -> None:
    # A thesis from the University of California's eScholarship, as Lens keeps its abstract.
    byline = "Author(s): Lamb, Ada | Advisor(s): Ruiz, Ben | Abstract: "
    assert strip_abstract_trailer(byline + ABSTRACT) == ABSTRACT
    assert strip_abstract_trailer("Author(s): Lamb, Ada | Abstract: " + ABSTRACT) == ABSTRACT
    # Without the "Abstract:" that closes the byline, the text stays as it is.
    assert strip_abstract_trailer("Author(s): Lamb, Ada. " + ABSTRACT).startswith("Author")


@pytest.mark.parametrize(
    "line",
    [
        # Scopus's Search API (view=COMPLETE): the publisher's line, a space, the abstract.
        "\u00a9 2020 Elsevier Inc.",
        "\u00a9 2019 Elsevier B.V.",
        "Copyright \u00a9 2019 Elsevier Ltd. All rights reserved.",
        "(c) 2020 Wiley Periodicals, Inc.",
        "\u00a9 2018 J. Smith.",
        "\u00a9 2020, Springer Nature Switzerland AG.",
        # Two lines, the second glued to nothing: both go.
        "\u00a9 2018 The Authors. Journal of Birds \u00a9 2018 Society of Birds.",
    ],
)
def test_a_copyright_line_opening_an_abstract_is_not_part_of_it(line: str) -> None:
    assert strip_abstract_trailer(f"{line} {ABSTRACT}") == ABSTRACT
    # A line alone is still no abstract.
    assert strip_abstract_trailer(line) == ""


@pytest.mark.parametrize(
    "mark",
    [
        "<<ETX>>",  # as IEEE Xplore's BibTeX and Semantic Scholar's corpus keep it
        "<>",  # what is left of it once a reader drops markup (RIS, CSV)
        " <<ETX>>",
    ],
)
def test_ieees_end_of_text_mark_is_not_part_of_the_abstract(mark: str) -> None:
    assert strip_abstract_trailer(ABSTRACT + mark) == ABSTRACT


def test_the_stop_scopus_puts_after_a_question_goes_with_its_copyright_line() -> None:
    # reftool_scopus_zh's "…or any virtual currency, for that matter?. © 2014 Wiley
    # Periodicals, Inc.": the digest showed "for that matter?."
    question = "Are you ready to take on Bitcoin, or any virtual currency, for that matter?"
    assert strip_abstract_trailer(f"{question}. © 2014 Wiley Periodicals, Inc.") == question
    assert strip_abstract_trailer(f"{question}. Copyright (c) 2014 Wiley.") == question
    # Without a copyright line, the text is not touched.
    assert strip_abstract_trailer(f"{question}.") == f"{question}."


@pytest.mark.parametrize(
    "declared",
    [
        "Author DeclarationsI confirm all relevant ethical guidelines have been followed",
        # medRxiv's wording in 2020 (a RIS file from its page, COVID-19-routes/geography-paper)
        "Author DeclarationsAll relevant ethical guidelines have been followed;",
    ],
)
def test_medrxiv_declarations_longer_than_the_tail_go_with_the_interest_statement(
    declared: str,
) -> None:
    # medRxiv's BibTeX and RIS (Cold Spring Harbor's "medRxiv" journal) glue its
    # competing-interest statement, funding statement and the authors' declarations to the
    # abstract.
    declarations = (
        "Competing Interest StatementThe authors have declared no competing interest."
        f"Funding StatementThis study was funded by a small grant.{declared}"
        " and any necessary IRB approvals have been obtained.Yes"
        + "I confirm that the consent forms have been archived.Yes" * 8
        + "All data are in the public reports of the health ministry."
    )
    assert len(declarations) > 400
    assert strip_abstract_trailer(f"{ABSTRACT}{declarations}") == ABSTRACT
    # Declarations with no interest statement before them are left as they are.
    without = declarations.removeprefix("Competing Interest Statement")
    assert strip_abstract_trailer(f"{ABSTRACT}{without}") == f"{ABSTRACT}{without}"


def test_aacrs_citation_format_closing_a_meeting_abstract_is_not_text() -> None:
    # AACR's meeting abstracts close with how to cite them, authors and all, in Crossref's
    # copy and so in OpenAlex's and the RIS a script made from it.
    authors = ", ".join(f"Ada Lamb{n}" for n in range(25))
    citation = (
        f" Citation Format: {authors}. Gliding cells in a dish [abstract]. In: Proceedings of "
        "the Annual Meeting of the Society of Cells 2021; 2021 Apr 10-15. Philadelphia (PA): "
        "AACR; Cell Res 2021;81(13_Suppl):Abstract nr 176."
    )
    assert strip_abstract_trailer(f"{ABSTRACT}{citation}") == ABSTRACT
    # A sentence on a citation format stays.
    kept = f"{ABSTRACT} Citation Format: the style of the references is checked."
    assert strip_abstract_trailer(kept) == kept


@pytest.mark.parametrize(
    "text",
    [
        "We coded the transcripts with Alceste(©) software and report the classes found.",
        "Three cases arise: (a) none, (b) some. (c) All of them hold in 2020 data.",
        # Not the abstract's last words, or not a sentence of its own.
        "We study one journal. Published by Elsevier B.V. since 1990, it grew. We count it.",
        "We count the papers published by Elsevier B.V.",
        # An abbreviation closing the last sentence, not after it: no ERIC mark.
        "We compared body mass index across the cohorts (BMI)",
        # A source mark's words inside the abstract's own sentence.
        "Each record holds the author abstract and the original abstract (Original abstract",
        "We surveyed schools in the United Kingdom (UK).",
        # A year opening a sentence in the middle; a right reserved that is no trailer.
        "Data ran to 2019. 2020 Elsevier Ltd. All rights reserved. We then asked again.",
        "Patients kept their data. 2020 Census rules say all rights reserved to them apply.",
        "This article is protected by copyright. All rights reserved. We ask who may copy it.",
        "We thank the members. In 2019 The Royal Society",
        "Funding came in 2020. The American Heart Association",
    ],
)
def test_a_copyright_sign_inside_a_sentence_stays(text: str) -> None:
    assert strip_abstract_trailer(text) == text


def test_copyright_line_is_dropped_on_loading(tmp_path: Path) -> None:
    csv_file(tmp_path / "s.csv", [f"{ABSTRACT} © 2021 Elsevier B.V. All rights reserved."])
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == ABSTRACT


def test_records_without_an_abstract_are_one_notice_per_file(tmp_path: Path) -> None:
    abstracts = [ABSTRACT, "", "[No abstract available]", "Not Available", ABSTRACT + " More."]
    csv_file(tmp_path / "export.csv", abstracts)
    corpus = load_papers([tmp_path])
    assert len(corpus.papers) == 2
    [skipped] = corpus.skipped
    assert skipped.count == 3 and skipped.notice and skipped.line == 3
    assert skipped.reason.startswith("3 records without an abstract, not papers (lines 3, 4, 5)")
    assert "only '[No abstract available]'" in skipped.reason


def test_a_file_where_no_record_has_an_abstract_is_a_problem(tmp_path: Path) -> None:
    csv_file(tmp_path / "a.csv", [ABSTRACT])
    csv_file(tmp_path / "wrong.csv", ["", "Not Available"])
    corpus = load_papers([tmp_path])
    [skipped] = corpus.skipped
    assert (skipped.path.endswith("wrong.csv"), skipped.count, skipped.notice) == (True, 2, False)


def test_build_reports_them_in_one_line_and_strict_passes(tmp_path: Path) -> None:
    Path("in").mkdir()
    csv_file(Path("in/export.csv"), [ABSTRACT, *[""] * 30])
    args = ["build", "in", "--date", "2026-11-16", "--strict"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "export.csv" in line]
    assert notes == [
        "note: in/export.csv:3: 30 records without an abstract, not papers "
        "(lines 3, 4, 5, 6, 7, 8, 9, 10 and 22 more): the abstract column is empty"
    ]
    assert "(1 record, 0 merged as duplicates, 30 skipped)" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A heading an export glued to the abstract goes.
        ("ABSTRACT The Atlantic forest is large.", "The Atlantic forest is large."),
        ("Abstract: We show it.", "We show it."),
        ("Abstract Large Language Models (LLMs) are big.", "Large Language Models (LLMs) are big."),
        # A term that starts with "Abstract" stays: its acronym spells it.
        ("Abstract Meaning Representation (AMR) is a formalism.", None),
        ("Abstract Syntax Trees (ASTs) hold code.", None),
        ("Summary Statistics (SS) are used.", None),
        ("Abstract reasoning is hard for models.", None),
        # A field named by "Abstract" and a capitalised word opens with its subject.
        ("Abstract Interpretation is a theory of sound approximation.", None),
        ("Summary Statistics are enough here.", None),
        # The text's own evidence: it says "abstract <word>" again.
        ("Abstract Dispatching is fast. We compile abstract dispatching away.", None),
        # Otherwise a capitalised word after it starts the first sentence.
        ("Abstract Amine wastes are toxic.", "Amine wastes are toxic."),
        # A word that names a field with "Abstract" only as part of a longer name, and that
        # often opens a sentence on its own, does not keep it.
        ("Abstract Machine learning is everywhere.", "Machine learning is everywhere."),
        ("Abstract Data were collected in 2020.", "Data were collected in 2020."),
        ("Abstract Art therapy helps.", "Art therapy helps."),
        ("Abstract Data Types hide their state.", None),
        ("Abstract We abstract a model.", "We abstract a model."),
        # Set apart by a separator, it is a heading whatever follows.
        ("Abstract: Interpretation is hard.", "Interpretation is hard."),
        ("Abstract \u2014 Interpretation is hard.", "Interpretation is hard."),
        ("Abstract\nInterpretation is hard.", "Interpretation is hard."),
        # Glued to the first word with nothing between them (PsycInfo through Zotero).
        ("AbstractYouth with bowel disease worry.", "Youth with bowel disease worry."),
        ("Abstracts of talks are given.", None),
        # In another language, as Crossref holds SciELO's abstracts.
        ("Resumo   Neste trabalho são apresentados.", "Neste trabalho são apresentados."),
        ("RESUMEN Objetivo: evaluar la dieta.", "Objetivo: evaluar la dieta."),
        ("resumen de la tesis.", None),
        # ScienceDirect's heading of a book chapter's summary.
        ("Publisher Summary Cloud services are generic.", "Cloud services are generic."),
        ("Publisher summary tables are kept.", None),
    ],
)
def test_an_abstract_heading_goes_and_a_term_that_starts_with_abstract_stays(
    text: str, expected: str | None
) -> None:
    assert without_abstract_heading(text) == (text if expected is None else expected)


def test_an_export_keeps_the_field_an_abstract_opens_with(tmp_path: Path) -> None:
    field = f"Abstract Interpretation is a theory of sound approximation. {ABSTRACT}"
    csv_file(tmp_path / "s.csv", [field, f"Abstract {ABSTRACT}"])
    corpus = load_papers([tmp_path])
    assert sorted(paper.abstract for paper in corpus.papers) == sorted([field, ABSTRACT])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # EBSCOhost's text of an Elsevier abstract: the picture's placeholder mid-abstract.
        (
            f"{ABSTRACT} Graphical abstract Unlabelled Image Highlights • Relapse halved.",
            f"{ABSTRACT} Highlights • Relapse halved.",
        ),
        (f"{ABSTRACT} Graphical abstract: [Display omitted]", ABSTRACT),
        (f"Graphical abstract [Display omitted]. {ABSTRACT}", ABSTRACT),
        # Web of Science's, its lone stop after it (OVazquezVillegas/SDG-Repository's
        # savedrecs.txt), and mid-abstract, before a sentence.
        (f"{ABSTRACT} [GRAPHICS] .", ABSTRACT),
        (f"{ABSTRACT} [GRAPHICS]", ABSTRACT),
        (f"{ABSTRACT} [GRAPHICS] Relapse halved.", f"{ABSTRACT} Relapse halved."),
        (f"[GRAPHICS] {ABSTRACT}", ABSTRACT),
        # Without its heading, "unlabelled Image" is the paper's own words.
        (
            f"We label the unlabelled Image set. {ABSTRACT}",
            f"We label the unlabelled Image set. {ABSTRACT}",
        ),
    ],
)
def test_a_graphical_abstract_placeholder_is_not_text(text: str, expected: str) -> None:
    assert strip_abstract_trailer(text) == expected


@pytest.mark.parametrize(
    "note",
    ["Summary form only given.", "Summary form only given, as follows:", "Summary form only."],
)
def test_ieees_summary_only_note_is_not_text(note: str) -> None:
    # IEEE Xplore's CSV (and RIS, BibTeX) of a keynote: the note opens the abstract.
    assert strip_abstract_trailer(f"{note} {ABSTRACT}") == ABSTRACT
    # The words as the paper's own, not opening the abstract, stay.
    kept = f"We give a summary form only. {ABSTRACT}"
    assert strip_abstract_trailer(kept) == kept


def test_a_graphical_abstracts_picture_path_opening_an_abstract_is_not_text(
    tmp_path: Path,
) -> None:
    # PubMed's MEDLINE (and XML) of a Medknow journal's paper (Neural Regeneration Research,
    # 2024-2025): Wolters Kluwer's path of the graphical abstract, glued before the text.
    path = "JOURNAL/nrgr/04.03/01300535-202601000-00042/figure1/v/2025-02-11T093015Z/r/image-tiff"
    (tmp_path / "pubmed.txt").write_text(
        "PMID- 40000042\nOWN - NLM\nDP  - 2026 Jan\n"
        "TI  - Microglia in a model of spinal cord injury.\n"
        f"AB  - {path} \n      Microglia shape repair after injury. We followed them for\n"
        "      six weeks in mice.\nFAU - Lin, Mei\nAU  - Lin M\n"
        "JT  - Neural regeneration research\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (
        paper.abstract
        == "Microglia shape repair after injury. We followed them for six weeks in mice."
    )
    # A path that is not a picture's stays.
    kept = f"JOURNAL/nrgr/04.03 is our folder. {ABSTRACT}"
    assert strip_abstract_trailer(kept) == kept


def test_an_abstract_that_is_only_a_graphical_abstract_is_none(tmp_path: Path) -> None:
    csv_file(tmp_path / "s.csv", [ABSTRACT, "Graphical abstract [Display omitted]"])
    corpus = load_papers([tmp_path])
    assert [paper.abstract for paper in corpus.papers] == [ABSTRACT]
    [skipped] = corpus.skipped
    assert skipped.count == 1


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # JabRef, an abstract copied from the publisher's page with the keywords under it
        # (retorquere/zotero-better-bibtex's "Double newlines means parbreak #2789.bib").
        ("a.bib", "@Article{{k,\n  title = {{T}},\n  abstract = {{{}\n\n{}}},\n}}\n"),
        (
            "a.json",
            '[{{"id": "k", "type": "article-journal", "title": "T", "abstract": "{}\\n{}", '
            '"issued": {{"date-parts": [[2014]]}}}}]',
        ),
        (
            "a.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:z="http://www.zotero.org/namespaces/export#" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:bib="http://purl.org/net/biblio#">'
            "<bib:Article><z:itemType>journalArticle</z:itemType>"
            "<dcterms:abstract>{}\n{}</dcterms:abstract></bib:Article></rdf:RDF>",
        ),
        (
            "a.xml",
            '<modsCollection xmlns="http://www.loc.gov/mods/v3"><mods><titleInfo><title>T'
            "</title></titleInfo><abstract>{}\n\n{}</abstract></mods></modsCollection>",
        ),
    ],
)
def test_a_keywords_line_after_the_abstract_is_the_papers_keywords(
    tmp_path: Path, name: str, text: str
) -> None:
    line = "Keywords: metrics, decision making, oddball, imbalance"
    (tmp_path / name).write_text(text.format(ABSTRACT, line), encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == ABSTRACT
    assert paper.keywords == ("metrics", "decision making", "oddball", "imbalance")


def test_keywords_in_the_abstracts_own_sentence_stay() -> None:
    from digest.readers.markup import without_keywords_line

    text = f"{ABSTRACT} Keywords: none were given."
    assert without_keywords_line(text) == (text, "")


@pytest.mark.parametrize(
    ("abstract", "read"),
    [
        # Lens's RIS and Zotero's CSL JSON give Springer's and Elsevier's structured
        # abstracts with each heading run into its section by a space.
        (
            "Background The Gambling Act 2003 mandated a strategy. Aware Communities is one. "
            "Methods We ran a survey of 12 towns. Results Fifty-one percent agreed. "
            "Conclusions These findings matter.",
            "Background: The Gambling Act 2003 mandated a strategy. Aware Communities is one. "
            "Methods: We ran a survey of 12 towns. Results: Fifty-one percent agreed. "
            "Conclusions: These findings matter.",
        ),
        # ... or glued to it, in a RIS from Lens (only the readers of CSV, BibTeX and API
        # answers parted them before).
        (
            "BackgroundPacific peoples gamble less. They gamble.MethodsThe research was "
            "qualitative.ConclusionsThis study proposes recommendations.",
            "Background: Pacific peoples gamble less. They gamble. Methods: The research was "
            "qualitative. Conclusions: This study proposes recommendations.",
        ),
        # ... or spaced from its colon, in Embase's CSV of a Springer paper (real: "Purpose :
        # The growing burden of Antimicrobial Resistance … Methods : We evaluated …").
        (
            "Purpose : The burden of resistance grows. Methods : We evaluated two models. "
            "Conclusion : This study shows promise.",
            "Purpose: The burden of resistance grows. Methods: We evaluated two models. "
            "Conclusion: This study shows promise.",
        ),
        # Emerald's headings (Web of Science's plain text): "Design/methodology/approach"
        # and "Originality/value" as well as "Purpose" and "Findings", run in by a space ...
        (
            "Purpose Studies of career choice look at one trade. Design/methodology/approach "
            "We read 300 web pages. Findings Potters earn less than bakers. Originality/value "
            "This is the first such comparison.",
            "Purpose: Studies of career choice look at one trade. Design/methodology/approach: "
            "We read 300 web pages. Findings: Potters earn less than bakers. Originality/value: "
            "This is the first such comparison.",
        ),
        # ... or by a dash.
        (
            "Purpose - This paper weighs bread prices online. Findings - Prices move daily. "
            "Research limitations/implications - Only one shop was read. "
            "Practical implications \u2013 Shops may post more.",
            "Purpose: This paper weighs bread prices online. Findings: Prices move daily. "
            "Research limitations/implications: Only one shop was read. "
            "Practical implications: Shops may post more.",
        ),
        # Prose that opens with such a word, or uses one after a full stop, stays as it is;
        # so does a name in code.
        ("We wrap it in _MethodCacheWrapper. Then we ask.MethodsThe cache is kept.", None),
        ("Background subtraction is hard. Results show it is.", None),
        ("Results show that the method works. Methods We describe it below.", None),
        ("Background The mask is learned online from video frames. Nothing else here.", None),
        ("Purpose - Built Homes is a firm. Practical implications of it are few.", None),
    ],
)
def test_a_structured_abstract_with_headings_run_in_by_a_space_is_labelled(
    tmp_path: Path, abstract: str, read: str | None
) -> None:
    (tmp_path / "lens.ris").write_text(f"TY  - JOUR\nTI  - A title\nAB  - {abstract}\nER  - \n")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (read or abstract)


def test_a_library_catalogues_line_on_a_book_is_no_abstract(tmp_path: Path) -> None:
    # Zotero saves CiNii Books' description of a book as its abstract (keisato0/jss-csl
    # sample.ris): the title, who wrote it, the publisher and the date, nothing more.
    book = "TY  - BOOK\nTI  - {}\nAU  - Okafor, Ada\nAB  - {}\nDP  - ci.nii.ac.jp\nER  - \n\n"
    town = "\u6e2f\u753a\u306e\u6b74\u53f2"
    (tmp_path / "cinii.ris").write_text(
        book.format("Harbour towns", "Harbour towns Ada Okafor Tide Press, 2015 : pbk")
        + book.format("Quiet rivers : an essay", "Quiet rivers : an essay Ada Okafor Tide"
                      " Press, c2016 : hardcover : pbk")
        + book.format(town, town + " \u5c0f\u5ddd\u82b1\u5b50\u8457 \u6f6e\u66f8\u623f, 2018.9")
        # A book's own summary that opens with its title stays.
        + book.format("Harbour lights", "Harbour lights is a history of the lighthouses of"
                      " three ports, from their first lamps to their automation in 1980."),
        encoding="utf-8",
    )  # fmt: skip
    corpus = load_papers([tmp_path])
    assert [paper.title for paper in corpus.papers] == ["Harbour lights"]
    assert len(corpus.skipped) == 1 and "catalogue's line on the book" in corpus.skipped[0].reason


def test_taylor_and_francis_key_messages_glued_to_both_sides_are_a_heading(
    tmp_path: Path,
) -> None:
    # Annals of Medicine closes its abstracts with "Key messages", which Scopus's CSV
    # (LuisPoloBautista/Comparacion-de-algoritmos-… scopus.csv) and PubMed (HamzaZammit/
    # Missions-Erdyn pubmed-covid19-set.txt, "Key message") glue to the sentences on either
    # side. A single word glued so may be a name in code and stays.
    csv_file(
        tmp_path / "scopus.csv",
        [
            "Hips healed well. Falls were rare.Key messagesThe approach suits older patients.",
            "Most knees healed. Pain was rare. Key messageThe brace helps.",
            "We wrap it in a class. Then we ask.MethodsThe cache is kept.",
        ],
    )
    assert [paper.abstract for paper in load_papers([tmp_path]).papers] == [
        "Hips healed well. Falls were rare. Key messages: The approach suits older patients.",
        "Most knees healed. Pain was rare. Key message: The brace helps.",
        "We wrap it in a class. Then we ask.MethodsThe cache is kept.",
    ]
    assert section_label("Key message: The brace helps.") == "key message"


def test_a_significance_statement_glued_to_both_sides_is_a_heading(tmp_path: Path) -> None:
    # Behavioral Ecology and Sociobiology (Springer) closes its abstracts with a
    # "Significance statement", which Web of Science's BibTeX glues to the sentences on
    # either side (NPMoran/synthesis-review_mutualistism-antagonism scopus.bib, a WoS export:
    # "… linking local to global structure.Significance statementSocial network theory …").
    (tmp_path / "savedrecs.bib").write_text(
        "@article{ ISI:000000000000001,\n"
        "Author = {Lind, Maja and Okafor, Ada},\n"
        "Title = {{Grooming networks of wild voles}},\n"
        "Journal = {{BEHAVIORAL ECOLOGY AND SOCIOBIOLOGY}},\n"
        "Year = {{2021}},\n"
        "Abstract = {{Voles groom kin more than strangers. Most triads were\n"
        "   balanced.Significance statementAnimals that groom each other form\n"
        "   stable groups.}},\n"
        "}\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Voles groom kin more than strangers. Most triads were balanced. Significance"
        " statement: Animals that groom each other form stable groups."
    )
    assert section_label("Significance statement: Voles groom.") == "significance statement"


# Taylor & Francis's Lake and Reservoir Management opens its abstracts with how to cite the
# paper, and Better BibTeX keeps it (real: a BBT BibLaTeX export of a T&F paper, "Dunnington
# DW, Spooner IS, … 2018. Anthropogenic activity in the Halifax region … Lake Reserv Manage.
# 34:334-348.Separating the timing …"); a paper's own words that name it stay.
OWN_CITATION_BIB = """@article{tymstra2018,
  title = {Anthropogenic Activity in the Halifax Region as Recorded by Lake Sediments},
  author = {Tymstra, Drake and Spooner, Ian S.},
  date = {2018-10-02},
  journaltitle = {Lake and Reservoir Management},
  abstract = {Tymstra D, Spooner IS. 2018. Anthropogenic activity in the Halifax region as \
recorded by lake sediments. Lake Reserv Manage. 34:334{\\textendash}348.Separating the \
timing of watershed disturbances is critical to managing lakes. We dated three cores.},
}
@article{other2019,
  title = {Greenway Conversion and Housing Prices},
  author = {Noh, Youngre},
  abstract = {Our study of 2019. Greenway conversion and housing prices were followed in \
Texas, 12:3-4. We found that the two move together over the ten years after a conversion.},
}
"""


def test_a_citation_of_the_paper_itself_opening_its_abstract_is_not_text(
    tmp_path: Path,
) -> None:
    (tmp_path / "tandf.bib").write_text(OWN_CITATION_BIB, encoding="utf-8")
    papers = {paper.title: paper for paper in load_papers([tmp_path]).papers}
    cited = papers["Anthropogenic Activity in the Halifax Region as Recorded by Lake Sediments"]
    assert cited.abstract == (
        "Separating the timing of watershed disturbances is critical to managing lakes. "
        "We dated three cores."
    )
    # The title after a year and before pages, but after words of the abstract's own, not
    # after names: kept.
    kept = papers["Greenway Conversion and Housing Prices"]
    assert kept.abstract.startswith("Our study of 2019. Greenway conversion")


RESEARCHGATE_CSV = """\
"Title","Url","Abstract Note"
"(PDF) Wind Loads on Low Roofs","https://www.researchgate.net/publication/1_Wind","PDF | Wind \
loads on low roofs are measured in a boundary-layer tunnel for twelve roof shapes and.... | \
Find, read and cite all the research you need on ResearchGate"
"Tidal Mixing in Small Estuaries | Request PDF","https://www.researchgate.net/publication/2_T",\
"Request PDF | Tidal Mixing in Small Estuaries | We measured salinity over two spring tides \
in three estuaries of under a kilometre and... | Find, read and cite all the research you \
need on ResearchGate"
"Grain Storage","https://www.researchgate.net/publication/3_G","PDF | On Mar 3, 2015, A. \
Okafor and others published Grain Storage | Find, read and cite all the research you need on \
ResearchGate"
"""

RESEARCHGATE_RDF = """\
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:z="http://www.zotero.org/namespaces/export#" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:bib="http://purl.org/net/biblio#">
    <rdf:Description rdf:about="https://www.researchgate.net/publication/1_Wind">
        <z:itemType>conferencePaper</z:itemType>
        <dcterms:isPartOf><bib:Journal><dc:title>ResearchGate</dc:title></bib:Journal>
        </dcterms:isPartOf>
        <dc:title>(PDF) Wind Loads on Low Roofs</dc:title>
        <dcterms:abstract>PDF | Wind loads on low roofs are measured in a boundary-layer \
tunnel.... | Find, read and cite all the research you need on ResearchGate</dcterms:abstract>
    </rdf:Description>
</rdf:RDF>
"""


def test_researchgates_page_description_gives_the_abstracts_words_and_the_title(
    tmp_path: Path,
) -> None:
    # Zotero saves a paper found on ResearchGate with the page's description as its abstract
    # and "(PDF) " before its title (jedopuig/ToLaptop My Library.rdf).
    (tmp_path / "zotero.csv").write_text(RESEARCHGATE_CSV, encoding="utf-8")
    corpus = load_papers([tmp_path / "zotero.csv"])
    (tmp_path / "zotero.rdf").write_text(RESEARCHGATE_RDF, encoding="utf-8")
    assert [(paper.title, paper.abstract) for paper in corpus.papers] == [
        (
            "Wind Loads on Low Roofs",
            "Wind loads on low roofs are measured in a boundary-layer tunnel for twelve roof "
            "shapes and....",
        ),
        (
            "Tidal Mixing in Small Estuaries",
            "We measured salinity over two spring tides in three estuaries of under a kilometre "
            "and...",
        ),
    ]
    # Zotero names the site its journal.
    assert [paper.venue for paper in load_papers([tmp_path / "zotero.rdf"]).papers] == [None]
    [skipped] = corpus.skipped
    assert "only 'PDF | On Mar 3, 2015, A. Okafor and others published" in skipped.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Salinity models of small estuaries. Contribute to tidelab/estuary-model"
            " development by creating an account on GitHub.",
            "Salinity models of small estuaries.",
        ),
        (
            "Salinity models!! Contribute to estuary-model development by creating an account"
            " on GitHub.",
            "Salinity models!!",
        ),
        # GitHub's words inside a sentence of the abstract's own stay.
        (
            "We ask why people contribute to open source. Contribute to x development by"
            " creating an account on GitHub is what each page says.",
            "We ask why people contribute to open source. Contribute to x development by"
            " creating an account on GitHub is what each page says.",
        ),
    ],
)
def test_githubs_line_closing_a_repositorys_description_is_not_text(
    text: str, expected: str
) -> None:
    assert strip_abstract_trailer(text) == expected


def test_emerald_headings_with_a_slash_on_lines_of_their_own_are_labels(tmp_path: Path) -> None:
    # Zotero's BibTeX of an Emerald paper (oOrtegon/systematic-review-of-context-aware-
    # systems-that-using-IRT-in-Learning-Environments, scopus.bib) puts each heading on a
    # line of its own: "Purpose" and "Findings" became labels, "Design/methodology/approach"
    # and "Originality/value" stayed words of the text before them.
    abstract = (
        "Purpose\n    The aim is to list ways of ordering lessons.\n\n"
        "    Design/methodology/approach\n    We searched two databases.\n\n"
        "    Findings\n    Most orders are fixed.\n\n"
        "    Originality/value\n    No review did so before."
    )
    (tmp_path / "emerald.bib").write_text(
        f"@article{{k,\n  title = {{Ordering lessons}},\n  abstract = {{{abstract}}},\n}}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Purpose: The aim is to list ways of ordering lessons. Design/methodology/approach: We "
        "searched two databases. Findings: Most orders are fixed. Originality/value: No review "
        "did so before."
    )
