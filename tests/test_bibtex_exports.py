"""BibTeX and BibLaTeX as reference managers and databases write them: Zotero, Better BibTeX,
Mendeley, JabRef, Paperpile, Google Scholar, IEEE, ScienceDirect, Scopus, hand-kept files.

tests/fixtures/exports/messy.bib holds one entry in each exporter's manner, with their
oddities (see the comments below); it is written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers.bibtex import parse_bibtex

MESSY = Path(__file__).resolve().parent / "fixtures" / "exports" / "messy.bib"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_papers([MESSY])


def paper(corpus: Corpus, paper_id: str) -> Paper:
    [found] = [p for p in corpus.papers if p.id == paper_id]
    return found


def test_every_entry_with_an_abstract_is_a_paper_and_one_bad_entry_is_reported(
    corpus: Corpus,
) -> None:
    assert [p.id for p in corpus.papers] == [
        "zotero2021sparse", "Bertrand2001", "5673763", "LI2020101", "nocomma2019",
        "roorda2014", "Scopus2019", "nocomma2019-2",
    ]  # fmt: skip
    # The entry with unbalanced braces is reported; the ones after it are all read.
    [bad] = corpus.skipped
    assert (bad.line, bad.reason.split(" (")[0]) == (34, "unreadable BibTeX entry")


def test_zotero_repeated_field_keeps_the_full_value_and_leading_space_key(corpus: Corpus) -> None:
    # "@Article{ zotero2021sparse," and "doi = {10.1162}" before "doi = {10.1162/tacl_a_00401}"
    # (bibtexparser refuses an entry with a repeated field: it is read all the same).
    found = paper(corpus, "zotero2021sparse")
    assert found.doi == "10.1162/tacl_a_00401"
    assert found.title == "Sparse Retrieval at Scale: A Study"  # {Braced} {Title} {Words}
    assert found.authors == ("Chidi Okafor", "Märta Lindqvist", "Tomás García")  # LaTeX accents
    assert found.venue == "Transactions of the ACL"
    assert found.keywords == ("retrieval", "sparse models")
    assert found.date == "2021"


def test_quoted_double_braces_html_entities_and_google_scholar_arxiv(corpus: Corpus) -> None:
    found = paper(corpus, "Bertrand2001")
    assert found.title == "How Much Should We Trust Differences-in-Differences"  # "{{…}}"
    # "G\&ouml;ttingen" and "Harvard&#039;s": HTML entities an exporter left in.
    assert "Göttingen and Harvard's data" in found.abstract
    assert found.arxiv_id == "2101.00001"  # journal = "arXiv preprint arXiv:2101.00001"
    assert found.pmid == "12345678"
    assert found.date == "2001-10"  # month = oct, a macro


def test_ieee_sciencedirect_scopus_and_biblatex_fields(corpus: Corpus) -> None:
    ieee = paper(corpus, "5673763")  # closing "month={July},}" on one line
    assert ieee.keywords == ("Accidents", "Elderly", "Sensors")
    assert ieee.venue == "2010 IEEE International Conference on Robotics"
    science = paper(corpus, "LI2020101")
    assert science.doi == "10.1016/j.compag.2020.105709"  # given as https://doi.org/…
    scopus = paper(corpus, "Scopus2019")
    assert scopus.keywords == ("consistency ratio", "incomplete data")  # author_keywords
    assert not scopus.abstract.endswith("Informa UK Limited.")  # the © line is no abstract
    online = paper(corpus, "roorda2014")  # @online, date, journaltitle, eprinttype
    assert (online.date, online.venue, online.arxiv_id) == (
        "2014-12-01",
        "Data Science Journal",
        "1412.6980",
    )
    assert online.authors == ("Dirk Roorda", "Janneke van der Zwaan")  # {{Last, First}}


def test_a_field_swallowed_for_want_of_a_comma_is_split_off_again(corpus: Corpus) -> None:
    found = paper(corpus, "nocomma2019")
    assert found.title == "A Title Missing Its Comma"
    assert found.abstract.startswith("The missing comma after the title")


def test_jabref_groups_are_not_papers_nor_problems() -> None:
    text = MESSY.read_text(encoding="utf-8")
    jabref = text[text.index("@Comment{jabref-meta: databaseType") :]
    parsed = parse_bibtex("@misc{a, abstract = {One abstract.}}\n\n" + jabref)
    assert [r.id for r in parsed.records] == ["a"]
    assert parsed.problems == ()


def test_text_that_looks_like_an_entry_but_is_not_read_is_reported() -> None:
    # "@ article{" (a space after the @) is no entry to bibtexparser, which keeps it as a
    # comment without a word: it must not vanish silently.
    text = "% a note\n@ article{a1,\n  abstract = {Lost.}\n}\n@misc{b, abstract = {Kept.}}\n"
    parsed = parse_bibtex(text)
    assert [r.id for r in parsed.records] == ["b"]
    assert [(p.line, p.reason.split(";")[0]) for p in parsed.problems] == [
        (2, "text that looks like a BibTeX entry but could not be read")
    ]


# --- escapes and structure that Mendeley, Web of Science and ScienceDirect leave -------------
# tests/fixtures/exports/escaped.bib: one entry in each exporter's manner (written for these
# tests, after real exports of each).

ESCAPED = MESSY.parent / "escaped.bib"


@pytest.fixture(scope="module")
def escaped() -> Corpus:
    return load_papers([ESCAPED])


def test_latex_escapes_in_dois_and_urls_are_undone(escaped: Corpus) -> None:
    # Web of Science writes "10.1007/…-0\_76", Mendeley "…-0{\_}5": links must not break.
    wos = paper(escaped, "WOS:000395607400076")
    assert wos.doi == "10.1007/978-3-642-10745-0_76"
    assert wos.link == "https://doi.org/10.1007/978-3-642-10745-0_76"
    mendeley = paper(escaped, "Lindqvist2015")
    assert mendeley.url == "http://link.example.org/10.1000/978-3-319-14218-0_5"
    # Better BibTeX's @misc keeps its address in howpublished = {\url{…}}.
    assert paper(escaped, "roorda_dataset_2014").url == "https://example.org/hebrew_texts"


def test_mendeley_braced_escapes_and_glued_abstract_heading(escaped: Corpus) -> None:
    found = paper(escaped, "Lindqvist2015")
    assert found.abstract == (
        "Coupled models agree that warming lowers carbon uptake by 10% to 20% for R&D "
        "budgets above >200 units, a ~5 year delay."
    )
    assert found.authors == ("Märta Lindqvist", "Chidi Okafor")


def test_structured_abstract_headings_on_their_own_lines_become_labels(escaped: Corpus) -> None:
    found = paper(escaped, "NASIRPOUR2025279")
    assert found.abstract == (
        "Background: There is ample evidence that socioeconomic status impacts mental health "
        "outcomes. Methods: We employed data from the Iranian Mental Health Survey. Results: "
        "Subjective social status had a partial to full mediating effect."
    )
    # A hard-wrapped abstract (Web of Science) is joined, its short lines never labels.
    wos = paper(escaped, "WOS:000395607400076")
    assert ":" not in wos.abstract
    assert "has still to be found. We compare existing" in wos.abstract
    assert wos.title == "Missing Values and the Consistency Problem Concerning AHP Data"


def test_biorxiv_interest_statement_is_no_part_of_the_abstract(escaped: Corpus) -> None:
    # bioRxiv's BibTeX glues "Competing Interest Statement…" to the abstract's last sentence.
    found = paper(escaped, "Okafor2021.06.08.447468")
    assert found.abstract.endswith("relates their evolution to severity.")
    assert (found.doi, found.venue, found.arxiv_id) == (
        "10.1101/2021.06.08.447468",
        "bioRxiv",
        None,  # eprint holds the PDF's address, not an arXiv id
    )


def test_mdpi_pubmed_id(escaped: Corpus) -> None:
    assert paper(escaped, "s25134111").pmid == "40648366"  # MDPI writes "PubMedID"


# --- NASA ADS, @string macros, '#' joins, parentheses and crossref ----------------------------
# tests/fixtures/exports/macros.bib (written for these tests, after real ADS exports and
# hand-kept files).

MACROS = MESSY.parent / "macros.bib"


@pytest.fixture(scope="module")
def macros() -> Corpus:
    return load_papers([MACROS])


def test_nasa_ads_journal_macros_quoted_braces_and_font_switches(macros: Corpus) -> None:
    found = paper(macros, "2020ApJ...900...10S")
    assert found.title == "The ΛCDM Model and Öpik's Law"  # title = "{…}"
    assert found.venue == "Astrophysical Journal"  # journal = {\apj}
    assert found.authors == ("John Smith", "A. van der Berg", "LIGO Collaboration")
    assert found.abstract.startswith("We measure the expansion rate")
    assert "agree with Planck and are consistent with ΛCDM at the 2\u03c3 level" in found.abstract
    assert found.arxiv_id == "2001.00001"
    winds = paper(macros, "2019MNRAS.488..324I")
    assert winds.venue == "Monthly Notices of the Royal Astronomical Society"
    # Without a DOI or an arXiv id, the ADS page is the paper's link.
    assert winds.link == "https://ui.adsabs.harvard.edu/abs/2019MNRAS.488..324I"


def test_string_macros_hash_joins_and_parenthesised_entries(macros: Corpus) -> None:
    found = paper(macros, "doe2020")
    assert found.venue == "Journal of Chemical Physics"  # journal = JCP, any case
    assert found.abstract == "Two strings joined by a hash make the abstract of this entry."


def test_crossref_child_takes_its_venue_and_year_from_the_parent(macros: Corpus) -> None:
    found = paper(macros, "kid2019")
    assert found.venue == "Proceedings of the Workshop on Joins"  # the parent's title, a join
    assert found.date == "2019"
    assert found.doi is None  # the proceedings' DOI is not the paper's
    assert dict(found.metadata)["publisher"] == "Joiners Press"
    assert [p.id for p in macros.papers] == [
        "2020ApJ...900...10S", "2019MNRAS.488..324I", "doe2020", "kid2019",
        "ISI:000186671900099", "doi:10.1177/0956797611417632", "WOS:001086669200099",
        "lessthan2020", "13SwDeTi.test",
    ]  # fmt: skip


def test_old_web_of_science_double_braces_and_braced_punctuation(macros: Corpus) -> None:
    found = paper(macros, "ISI:000186671900099")
    assert found.date == "2003-12"  # Year = {{2003}}, Month = {{DEC}}
    assert found.venue == "Information Sciences"  # Journal = {{INFORMATION SCIENCES}}, cased
    assert found.keywords == ("multi-dimensional data", "parallel I/O", "declustering")
    assert found.abstract == (
        "Range queries on a grid of blocks can be performed in at most [m/k] + O(log k) "
        "parallel block accesses, when load balancing is achieved through \u201cphysical\u201d "
        "data re-distribution."
    )


def test_sage_pmid_in_the_note_numeric_month_and_a_pdf_as_eprint(macros: Corpus) -> None:
    found = paper(macros, "doi:10.1177/0956797611417632")
    assert found.pmid == "22006061"
    assert found.date == "2011-10"  # month = {10}, not "10 2011"
    assert found.arxiv_id is None  # eprint holds the PDF's address
    assert found.url == "https://doi.org/10.1177/0956797611417632"
    assert found.abstract.startswith("We show that despite")


def test_web_of_science_inline_html_is_text_and_math_comparisons_stay(macros: Corpus) -> None:
    found = paper(macros, "WOS:001086669200099")
    assert found.title == "The geometry of discrete L-algebras"
    assert found.abstract.startswith("We show that CO2 uptake in Arabidopsis rises with light")
    assert "that a<b and c>d hold" in paper(macros, "lessthan2020").abstract  # no tags


def test_sciencedirect_acronyms_in_escaped_braces_lose_them(macros: Corpus) -> None:
    found = paper(macros, "13SwDeTi.test")
    assert found.abstract.startswith("We report spectra of the planet obtained using the HST WFC3")
    assert "C/O > 1 is ruled out for the set" in found.abstract
    assert found.keywords == ("Extrasolar planets", "Atmospheres, Composition")
    assert found.doi == "10.1016/j.icarus.2013.04.999"


def test_acm_paragraphs_glued_without_a_space_are_parted(tmp_path: Path) -> None:
    # ACM's Digital Library joins an abstract's paragraphs with nothing between them.
    (tmp_path / "acm.bib").write_text(
        "@inproceedings{10.1145/3660605.3660944,\n"
        "author = {Schneider, Nadav and Oren, Gal},\n"
        "title = {MPIrigen: MPI Code Generation},\n"
        "year = {2024},\n"
        "publisher = {Association for Computing Machinery},\n"
        "abstract = {Generating MPI-based programs has remained unexplored.This study first "
        "investigates language models on it, with java.lang.String and e.g.GPT-3.5 kept. It paves "
        "the way for new tools.The sources are on GitHub.},\n"
        "}\n\n"
        "@article{other,\ntitle = {Not from ACM},\n"
        "abstract = {A value stays as written.Outside ACM it is parted too.},\n}\n",
        encoding="utf-8",
    )
    acm, other = load_papers([tmp_path]).papers
    assert acm.abstract == (
        "Generating MPI-based programs has remained unexplored. This study first investigates "
        "language models on it, with java.lang.String and e.g.GPT-3.5 kept. It paves the way "
        "for new tools. The sources are on GitHub."
    )
    # Zotero, CSL-JSON and OpenAlex exports glue paragraphs so too: parted in every format.
    assert other.abstract == "A value stays as written. Outside ACM it is parted too."


def test_dimensions_url_field_of_two_addresses_keeps_the_first(tmp_path: Path) -> None:
    # Dimensions joins its own page and the publisher's with " and ", as names are joined.
    (tmp_path / "dimensions.bib").write_text(
        "@article{Pilot-2021,\n"
        " author = {Mayo, Chantal and Hill, Lynn},\n"
        " doi = {10.1000/pfs.2021.65},\n"
        " abstract = {We ask whether walking protects the heart during therapy.},\n"
        " note = {Exported from https://app.dimensions.ai on 2021/05/05},\n"
        " title = {A pilot study of cardiac rehabilitation},\n"
        " url = {https://app.dimensions.ai/details/publication/pub.1000000001 and "
        "http://example.org/articles/10.1000/pfs.2021.65/galley/1/download/},\n"
        " year = {2021}\n"
        "}\n",
        encoding="utf-8",
    )
    [pilot] = load_papers([tmp_path]).papers
    assert pilot.url == "https://app.dimensions.ai/details/publication/pub.1000000001"
    assert pilot.doi == "10.1000/pfs.2021.65"


def test_an_address_a_readme_made_a_markdown_link_is_the_address(tmp_path: Path) -> None:
    # ACM's BibTeX pasted in a README (Sensors4SingleZoneSystems) has
    # "url = {[https://doi.org/…](https://doi.org/…)}": its editor linked the address.
    (tmp_path / "readme.bib").write_text(
        "@inproceedings{lind2024rooms,\n"
        "author = {Lind, Maja and Okafor, Ben},\n"
        "title = {Rooms that run warm},\n"
        "url = {[https://openreview.net/forum?id=Xy12](https://openreview.net/forum?id=Xy12)},\n"
        "abstract = {We measure how far each room drifts from the thermostat's reading.},\n"
        "}\n"
        "@article{okafor2025drift,\n"
        "author = {Okafor, Ben},\n"
        "title = {Drift in shared rooms},\n"
        "doi = {[10.1000/drift.7](https://doi.org/10.1000/drift.7)},\n"
        "abstract = {A second look at the rooms that drift, a year later and in winter.},\n"
        "}\n",
        encoding="utf-8",
    )
    rooms, drift = load_papers([tmp_path]).papers
    assert rooms.url == "https://openreview.net/forum?id=Xy12"
    assert "url" not in dict(rooms.metadata)
    assert drift.doi == "10.1000/drift.7"


def test_frontiers_headings_glued_to_their_sections_are_set_apart(tmp_path: Path) -> None:
    # Frontiers' citation export (upper-case field names, a blank line between fields)
    # glues each heading of a structured abstract to its section.
    (tmp_path / "frontiers.bib").write_text(
        "@ARTICLE{10.3389/frai.2025.1000001,\n  \nAUTHOR={Ng, Anna },\n  \n"
        "TITLE={Reading a forum about a new language model},\n  \nYEAR={2025},\n  \n"
        "ABSTRACT={IntroductionA new model drew much talk on one forum.MethodsWe read "
        "4,000 posts (January to May 2025) with three tools.ResultsMost posts were positive "
        "(47.2%).DiscussionThe forum saw the model as a tool and as a political issue.}}\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Introduction: A new model drew much talk on one forum. Methods: We read 4,000 posts "
        "(January to May 2025) with three tools. Results: Most posts were positive (47.2%). "
        "Discussion: The forum saw the model as a tool and as a political issue."
    )


def test_an_entry_without_only_its_closing_brace_is_read(tmp_path: Path) -> None:
    # A World Scientific (Atypon) entry copied out of a README block without its last "}",
    # before another entry and at the end of the file; a value left open stays unreadable.
    (tmp_path / "readme.bib").write_text(
        "@article{doi:10.1142/S0219000000000001,\ntitle = {Signed networks of voters},\n"
        "eprint = { \n        https://doi.org/10.1142/S0219000000000001\n}\n,\n"
        "    abstract = { Voters were grouped by how they voted on each bill. }\n\n"
        "@article{open,\ntitle = {Never closed,\nabstract = {Its title is open.}\n}\n\n"
        "@article{doi:10.1142/S0219000000000002,\ntitle = {Signed networks of buyers},\n"
        "    abstract = { Buyers were grouped by the products they rated. }\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [p.title for p in corpus.papers] == [
        "Signed networks of voters",
        "Signed networks of buyers",
    ]
    [open_value] = corpus.skipped
    assert (open_value.line, open_value.reason.split(" (")[0]) == (9, "unreadable BibTeX entry")


def test_world_scientific_names_in_capitals_are_cased(tmp_path: Path) -> None:
    # World Scientific's BibTeX of some journals writes every name in capitals (IJCGA,
    # Advances in Complex Systems), surname first, a particle after the given name.
    (tmp_path / "ws.bib").write_text(
        "@article{doi:10.1142/S0218000000000003,\n"
        "author = {MURRAY, MICHAEL and MOUNTER, DAVID M. and KESTEREN, ERIK-JAN VAN},\n"
        "title = {A POINT-PLACEMENT STRATEGY FOR MESHES},\n"
        "abstract = { A strategy is given that places points so that a mesh conforms. }\n}\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Michael Murray", "David M. Mounter", "Erik-Jan van Kesteren")


def test_headings_glued_with_their_colon_are_set_apart(tmp_path: Path) -> None:
    # An entry of an early PubMed import (JabRef-style, with PubMedID; Scipion's bibtex
    # string of gEMpicker), as old Zotero libraries hold BMC's abstracts too: each heading
    # and its colon glued to the sentences on both sides.
    (tmp_path / "library.bib").write_text(
        "@Article{Hoang2013,\n  Title = {Picking particles on many graphics cards},\n"
        "  Abstract = {BACKGROUND:Picking particles is a slow step of cryo-electron "
        "microscopy.RESULTS:We have written a picker that runs on many graphics cards at "
        "once.CONCLUSIONS:The picker lets a lab reach a high resolution sooner.},\n"
        "  PubMedID = {24000001}\n}\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Background: Picking particles is a slow step of cryo-electron microscopy. Results: "
        "We have written a picker that runs on many graphics cards at once. Conclusions: The "
        "picker lets a lab reach a high resolution sooner."
    )


@pytest.mark.parametrize(
    ("month", "date"),
    [
        ("jun", "2025-06"),  # the standard macro, as Google Scholar and ACM write it
        ("{June}", "2025-06"),  # IEEE
        ("{Jun.}", "2025-06"),
        ("{SEPT.}", "2025-09"),
        ("{{DEC}}", "2025-12"),  # Web of Science before 2020
        ("{{MAY 23}}", "2025-05-23"),  # Web of Science: the day after the month
        ("{04}", "2025-04"),  # Oxford Academic
        ("{Spring}", "Spring 2025"),  # no month: kept in words
    ],
)
def test_a_month_in_words_dates_the_paper_as_a_number_does(month: str, date: str) -> None:
    text = f"@article{{k, title = {{T}}, year = {{2025}}, month = {month},\n abstract = {{A.}}}}\n"
    [record] = parse_bibtex(text).records
    assert record.date == date


def test_web_of_science_early_access_dates_an_entry_without_a_year() -> None:
    # Web of Science's BibTeX (Abhikumar86/bibliometrics wos.bib): a record not yet in an
    # issue has no Year, only "Early Access Date" (a field name with spaces), as EA in
    # the plain-text export; a Year, where there is one, still dates the paper.
    text = (
        "@article{ ISI:000000000000001,\nAuthor = {Ng, Anna},\nTitle = {{T}},\n"
        "Abstract = {{A.}},\nEarly Access Date = {{JUL 2020}},\n}\n"
        "@article{ ISI:000000000000002,\nAuthor = {Ng, Anna},\nTitle = {{U}},\n"
        "Year = {{2021}},\nAbstract = {{B.}},\nEarly Access Date = {{JUL 2020}},\n}\n"
    )
    early, in_issue = parse_bibtex(text).records
    assert (early.date, in_issue.date) == ("2020-07", "2021")


def test_web_of_science_spaced_entities_are_characters(tmp_path: Path) -> None:
    # Web of Science's BibTeX (lcmolero/cientometria wos_10092025.bib) writes a character it
    # has no glyph for as a spaced HTML entity, its "&" escaped, the line wrapped before it:
    # "in T\n   \\& uuml;rkiye". Elsewhere an escaped "&" is an ampersand.
    (tmp_path / "wos.bib").write_text(
        "@article{ WOS:000000000000003,\nAuthor = {Ng, Anna},\n"
        "Title = {Tax rules of \\& Ouml;zt \\& uuml;rk for R \\& D teams},\n"
        "Abstract = {We surveyed 807 shoppers in T\n   \\& uuml;rkiye and in T \\& uuml;rkiye\n"
        "   again.},\n}\n"
        "@article{Ng2020,\nAuthor = {Ng, Anna},\nTitle = {Tax \\& uuml;berblick},\n"
        "Abstract = {Not from Web of Science.},\n}\n",
        encoding="utf-8",
    )
    wos, other = load_papers([tmp_path]).papers
    assert wos.abstract == "We surveyed 807 shoppers in Türkiye and in Türkiye again."
    assert wos.title == "Tax rules of Öztürk for R & D teams"
    assert other.title == "Tax & uuml;berblick"


def test_bibdesk_full_journal_name_is_the_venue_over_its_abbreviation() -> None:
    # BibDesk's PubMed import (a Lotus Base .bib) writes the journal's abbreviation as
    # Journal and MEDLINE's full title as Journal-Full, after it.
    text = (
        "@article{Ng:2019aa,\n    Author = {Ng, Anna},\n    Journal = {Root Biol},\n"
        "    Journal-Full = {Root biology : for cell and tissue research},\n"
        "    Pmid = {12345678},\n    Title = {Root hairs in dry soil},\n    Year = {2019},\n"
        "    Abstract = {Root hairs grew longer in dry soil.}}\n"
    )
    [record] = parse_bibtex(text).records
    assert record.venue == "Root biology : for cell and tissue research"


def test_semantic_scholar_listed_types_are_entries(tmp_path: Path) -> None:
    # Semantic Scholar's API (citationStyles.bibtex) types an entry with a Python list of its
    # publication types; a file of them was read as plain text, each field line a "paper".
    text = (
        "@['JournalArticle', 'Conference']{Okonkwo2019GraphWalks,\n author = {Ada Okonkwo and "
        "B. Lind},\n booktitle = {Graph Workshop},\n title = {Graph walks for ranking},\n "
        "year = {2019},\n abstract = {We rank the nodes of a graph by short random walks.}\n}\n"
        "@['Review']{Lind2020Survey,\n author = {B. Lind},\n title = {A survey of walks},\n"
        " journal = {Graph Reviews},\n year = {2020}\n}\n"
    )
    [paper] = parse_bibtex(text).records
    assert (paper.id, paper.title, paper.authors, paper.date) == (
        "Okonkwo2019GraphWalks",
        "Graph walks for ranking",
        ("Ada Okonkwo", "B. Lind"),
        "2019",
    )
    path = tmp_path / "s2.bib"
    path.write_text(text, encoding="utf-8")
    corpus = load_papers([path])
    assert [p.id for p in corpus.papers] == ["Okonkwo2019GraphWalks"]
    [skipped] = corpus.skipped
    assert "'Lind2020Survey' has no 'abstract' field" in skipped.reason


def test_springer_day_field_dates_the_paper_to_the_day() -> None:
    # SpringerLink's "Download citation" (.bib): quoted values, each name after the first on
    # a line of its own ("\nand Costa, Giovanni"), the day of publication in a field of its own.
    text = (
        '@Article{Ertuncay2019,\nauthor="Ertuncay, Deniz\nand Costa, Giovanni",\n'
        'title="An alternative pulse classification algorithm",\njournal="Journal of Seismology",'
        '\nyear="2019",\nmonth="Jun",\nday="26",\nabstract="Near fault ground motions may '
        'contain impulse behavior.",\nissn="1573-157X",\ndoi="10.1007/s10950-019-09845-y"\n}\n'
        '@Article{k2,\ntitle="T",\nyear="2019",\nmonth="Jun",\nday="",\nabstract="A."\n}\n'
    )
    springer, without_day = parse_bibtex(text).records
    assert (springer.date, springer.authors) == ("2019-06-26", ("Deniz Ertuncay", "Giovanni Costa"))
    assert ("day", "26") not in springer.metadata
    assert without_day.date == "2019-06"


def test_tex_dashes_in_titles_and_abstracts_are_dashes_but_not_in_addresses() -> None:
    # Springer and ACM write TeX's dashes in their BibTeX: "---" and "--".
    text = (
        "@article{k, title = {Years 2010--2020: a method---the first---for {BERT}},\n"
        " doi = {10.1000/a--b}, pages = {1--10},\n"
        " abstract = {We read pages 1--10 --- and no more. Code: https://x.org/a--b\n"
        " (doi:10.1000/a--b); run it with --verbose; well-known; a----b.}}\n"
        "@article{p, title = {T}, abstract = {A method -- hard constraints (hPINNs) -- for\n"
        " design [3] -- (and more).}}\n"
    )
    record, paperpile = parse_bibtex(text).records
    assert record.title == "Years 2010\u20132020: a method\u2014the first\u2014for BERT"
    assert record.abstract == (
        "We read pages 1\u201310 \u2014 and no more. Code: https://x.org/a--b\n "
        "(doi:10.1000/a--b); run it with --verbose; well-known; a----b."
    )
    assert record.doi == "10.1000/a--b"
    # Paperpile's arXiv abstracts: a dash after a closing bracket, before an opening one.
    assert paperpile.abstract == (
        "A method \u2013 hard constraints (hPINNs) \u2013 for\n design [3] \u2013 (and more)."
    )


def test_open_journal_systems_abstract_note_with_escaped_html() -> None:
    # The "BibTeX" citation download of Open Journal Systems (AAAI and thousands of journals):
    # one line, the abstract in `abstractNote` (Zotero's name) with its HTML escaped.
    text = (
        "@article{Sap_Le Bras_2019, title={ATOMIC: An Atlas}, volume={33},"
        " DOI={10.1609/aaai.v33i01.33013027}, abstractNote={&lt;p&gt;We present ATOMIC, typed"
        " &lt;em&gt;if-then&lt;/em&gt; relations.&lt;/p&gt;}, number={01},"
        " journal={Proceedings of the AAAI Conference}, author={Sap, Maarten and Le Bras, Ronan},"
        " year={2019}, month={Jul.}, pages={3027-3035} }\n"
    )
    [record] = parse_bibtex(text).records
    assert record.abstract == "We present ATOMIC, typed if-then relations."
    assert (record.id, record.doi, record.date) == (
        "Sap_Le Bras_2019",
        "10.1609/aaai.v33i01.33013027",
        "2019-07",
    )
    assert "abstractnote" not in dict(record.metadata)


def test_entries_without_a_key_are_papers_with_each_author_and_keyword() -> None:
    # EndNote's "BibTeX Export" style and Ingenta Connect (the IET's library) write no key:
    # "@article{" is followed by the first field. Ingenta writes one author field an author;
    # EndNote one keyword a line.
    corpus = load_papers([MESSY.parent / "keyless.bib"])
    endnote, ingenta = corpus.papers
    assert endnote.title == "Shrunken fold changes for counts of reads"
    assert endnote.id.startswith("abs-")  # from the abstract, as for a file without ids
    assert endnote.venue == "Journal of Gene Biology"  # the @string before it still counts
    # PubMed's MeSH headings ("Computational Biology/*methods") without their marks.
    assert endnote.keywords == (
        "Algorithms", "Computational Biology", "Models, Genetic", "Software",
    )  # fmt: skip
    assert (endnote.doi, endnote.date) == ("10.1000/jgb.2014.0550", "2014")
    assert ingenta.authors == ("Renata Bastos Nunes", "Elias Lima", "Cleo Zanetti")
    assert (ingenta.title, ingenta.date) == ("Cropping a page out of a photograph", "2020-12")
    [skipped] = corpus.skipped
    assert skipped.line == 34
    assert skipped.reason.startswith(
        "no abstract (a BibTeX entry without a key has no 'abstract' field)"
    )


def test_an_abstract_in_crossref_jats_is_text() -> None:
    # commonmeta (and other tools that write BibTeX from Crossref) keep the JATS of
    # Crossref's abstract, eLife's closing "DOI: …" paragraph too.
    text = (
        "@article{https://doi.org/10.7554/elife.01567,\n"
        "    abstract = {<jats:p>Small size makes <jats:italic>model organisms</jats:italic> "
        "preferred subjects.</jats:p><jats:p><jats:bold>DOI:</jats:bold> <jats:ext-link "
        'ext-link-type="doi" xlink:href="10.7554/eLife.01567.001">'
        "http://dx.doi.org/10.7554/eLife.01567.001</jats:ext-link></jats:p>},\n"
        "    title = {T},\n}\n"
    )
    [record] = parse_bibtex(text).records
    assert record.abstract == "Small size makes model organisms preferred subjects."


def test_latex_source_zotero_escaped_as_text_is_read_as_latex(tmp_path: Path) -> None:
    # An arXiv abstract holds LaTeX; Zotero's BibTeX export escapes it as text:
    # "{\textbackslash}emph\{x\}", "\$64{\textbackslash}times64\$", "{\textasciitilde}13x".
    (tmp_path / "zotero.bib").write_text(
        "@article{karras_progressive_2018,\n"
        "  title = {Progressive growing},\n"
        "  abstract = {We aim to model a {\\textbackslash}emph\\{distribution\\} of outputs "
        "at \\$64{\\textbackslash}times64\\$ pixels, about {\\textasciitilde}13x faster, "
        "for 5\\% of the cost.},\n"
        "}\n"
        "@article{plain_2019,\n"
        "  title = {Prices},\n"
        "  abstract = {Tickets cost \\$5 and \\$10 at {\\textasciitilde}9 am, 50\\% off.},\n"
        "}\n"
    )
    escaped, plain = load_papers([tmp_path]).papers
    assert escaped.abstract == (
        "We aim to model a distribution of outputs at 64\u00d764 pixels, about ~13x faster, "
        "for 5% of the cost."
    )
    # Without a backslash escaped, "\$" is a dollar sign, not math.
    assert plain.abstract == "Tickets cost $5 and $10 at ~9 am, 50% off."


def test_zotero_and_mendeley_escaped_braces_are_the_users_and_stay(tmp_path: Path) -> None:
    # Zotero escapes the braces a user wrote ("\{1, 2\}") and protects capitals with its own
    # ("{GaKCo}"); Mendeley wraps every escape in braces ("{\{}", "{\$}", "{\^{}}"), and
    # OpenReview's older BibTeX did too ("in {\{}CNN{\}}s", a title's protection).
    (tmp_path / "escaped.bib").write_text(
        "@article{zotero_2020,\n"
        "  title = {{GaKCo}: sets},\n"
        "  abstract = {{GaKCo} maps the set \\{1, 2\\} by \\${\\textbackslash}frac\\{a\\}\\{b\\}\\$"
        " and \\$x{\\textasciicircum}\\{2\\}\\$ for \\$5.},\n"
        "}\n"
        "@article{Mendeley2020,\n"
        "  title = {{Features in {\\{}CNN{\\}}s}},\n"
        "  abstract = {{The set {\\{}1, 2{\\}} and {\\$}{\\textbackslash}frac{\\{}a{\\}}{\\{}b{\\}}"
        "{\\$}, with {\\$}x{\\^{}}{\\{}2{\\}}{\\$}.}},\n"
        "}\n"
        "@article{Mendeley2021,\n"
        "  title = {{Plain}},\n"
        "  abstract = {{No source here: the pair {\\{}x, y{\\}} at {\\~{}}5{\\%}.}},\n"
        "}\n"
    )
    zotero, mendeley, plain = load_papers([tmp_path]).papers
    assert (zotero.title, zotero.abstract) == (
        "GaKCo: sets",
        "GaKCo maps the set {1, 2} by $\\frac{a}{b}$ and x^2 for $5.",
    )
    assert (mendeley.title, mendeley.abstract) == (
        "Features in CNNs",
        "The set {1, 2} and $\\frac{a}{b}$, with x^2.",
    )
    assert plain.abstract == "No source here: the pair {x, y} at ~5%."


def test_ieee_formula_markup_in_an_abstract_is_read_as_crossrefs_is(tmp_path: Path) -> None:
    # IEEE Xplore's abstracts hold their formulas as markup, in its own BibTeX export and,
    # escaped, in Zotero's: they read as the same abstract from Crossref reads.
    formula = (
        '<inline-formula> <tex-math notation="LaTeX">$\\ell _{1}$ </tex-math></inline-formula>'
    )
    zotero = (
        '{\\textless}inline-formula{\\textgreater} {\\textless}tex-math notation="{LaTeX}"'
        "{\\textgreater}\\${\\textbackslash}ell \\_\\{1\\}\\$ {\\textless}/tex-math{\\textgreater}"
        "{\\textless}/inline-formula{\\textgreater}"
    )
    abstract = "We solve an {} problem with {} weights."
    (tmp_path / "ieee.bib").write_text(
        f"@ARTICLE{{1,\n  title={{T}},\n  abstract={{{abstract.format(formula, formula)}}},\n}}\n"
    )
    (tmp_path / "zotero.bib").write_text(
        f"@article{{2,\n  title = {{T}},\n  abstract = {{{abstract.format(zotero, zotero)}}},\n}}\n"
    )
    work = {"DOI": "10.1109/x", "title": ["T"], "abstract": abstract.format(formula, formula)}
    answer = {"status": "ok", "message-type": "work", "message": work}
    (tmp_path / "crossref.json").write_text(json.dumps(answer))
    read = {
        name: load_papers([tmp_path / name]).papers[0].abstract
        for name in ("ieee.bib", "zotero.bib", "crossref.json")
    }
    assert read["ieee.bib"] == read["zotero.bib"] == read["crossref.json"]
    assert read["ieee.bib"] == "We solve an \u2113_1 problem with \u2113_1 weights."


def test_ieee_formulas_keep_no_dollars_or_spaces_of_their_markup(tmp_path: Path) -> None:
    # IEEE ends a formula with a space inside its dollars ("$4.6\\times $") and puts a space
    # between <inline-formula> and <tex-math>: "a $4.6\u00d7$ real-time acceleration" and
    # "0.18- \u03bcm" came out of an abstract IEEE Xplore gives (PHENICS,
    # 10.1109/TCSI.2025.3648865; ieee:9559711).
    formula = '<inline-formula> <tex-math notation="LaTeX">${}$ </tex-math></inline-formula>'
    abstract = "It achieves a {} real-time acceleration in a 0.18-{} process, an {}-{} problem."
    tex = ("4.6\\times ", "\\mu \\text{m}", "\\ell _{1}", "\\ell _{1}")
    abstract = abstract.format(*(formula.format(one) for one in tex))
    (tmp_path / "ieee.bib").write_text(
        "@ARTICLE{1,\n  title={T},\n  abstract={" + abstract + "},\n}\n"
    )
    [paper] = load_papers([tmp_path / "ieee.bib"]).papers
    assert paper.abstract == (
        "It achieves a 4.6\u00d7 real-time acceleration in a 0.18-\u03bcm process, an"
        " \u2113_1-\u2113_1 problem."
    )


def test_better_bibtex_bare_escapes_and_braced_math_are_read(tmp_path: Path) -> None:
    # Better BibTeX writes Zotero's escapes as bare commands ("\textbackslash mathrm",
    # "\textbraceleft +\textbraceright") and each math-mode character in braces
    # ("j{$\rightarrow$}k"): retorquere/zotero-better-bibtex's fixture #1043.
    (tmp_path / "bbt.bib").write_text(
        "@article{mies1973,\n"
        "  title = {Cross Sections for \\$\\textbraceleft\\textbackslash mathrm\\textbraceleft"
        "{{H}}\\textbraceright\\textbraceright\\textasciicircum\\textbraceleft +\\textbraceright"
        " (\\textasciicircum\\textbraceleft 2\\textbraceright{{P}})\\$},\n"
        "  abstract = {Transitions (j,mj{$\\rightarrow$}j{$\\prime$}) of the {$\\Sigma$}2 state"
        " at 10{$^{-3}$} K, a 10\\textasciitilde{}20\\% change in C:\\textbackslash{}data.},\n"
        "}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Cross Sections for H^+(^2P)"
    assert paper.abstract == (
        "Transitions (j,mj→j\u2032) of the Σ2 state at 10^-3 K, a 10~20% change in C:\\data."
    )


def test_bare_text_symbols_of_acm_and_better_bibtex_are_their_characters(tmp_path: Path) -> None:
    # The ACM Digital Library writes a symbol's text command bare, not braced as Zotero
    # does: "speedups of 1.37\texttimes{} to 2.06\texttimes{}" stayed so in the abstract
    # (ASPLOS '25, 10.1145/3676642.3736118); Better BibTeX 7 writes them so too.
    (tmp_path / "acm.bib").write_text(
        "@inproceedings{ray2025,\n"
        "title = {Faster kernels 2\\texttimes{} over},\n"
        "abstract = {Kernels run 1.5\\texttimes{} to 3\\texttimes 4 faster (p \\textless{} 0.05,"
        " n \\textgreater{}10) at 20\\textdegree{}C and 5\\textmu{}m, \\textbf{not} a"
        " {\\textless}braced{\\textgreater} one \\textlessthan.},\n"
        "}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Faster kernels 2\u00d7 over"
    assert paper.abstract == (
        "Kernels run 1.5\u00d7 to 3\u00d74 faster (p < 0.05, n >10) at 20\u00b0C and 5\u00b5m,"
        " not a <braced> one \\textlessthan."
    )


def test_a_generational_suffix_goes_after_the_name() -> None:
    # BibTeX's own "Last, Jr, First" and NASA ADS's "{Last}, First, Jr." (SDSS's APOGEE
    # entry: "{Davidson}, J.~W., Jr.", the Chandra catalogue's "{Gibbs}, Danny G., II")
    # were kept as written, commas and all.
    text = (
        "@article{a,\n  title = {T},\n  abstract = {We test names.},\n"
        "  author = {{Davis}, J.~W., Jr. and {Gray}, Dan G., II and Kong, Jr., Mark L."
        " and Laing, Sr, Gus and Doe, John},\n}\n"
    )
    [record] = parse_bibtex(text).records
    assert record.authors == (
        "J. W. Davis Jr.",
        "Dan G. Gray II",
        "Mark L. Kong Jr.",
        "Gus Laing Sr",
        "John Doe",
    )


def test_jama_doubled_and_before_a_group_author_is_one_separator() -> None:
    # JAMA Network's BibTeX writes "… and Last, First and and the X Consortium": the group
    # was an author named "and the X Consortium".
    text = (
        "@article{a,\n  title = {T},\n  abstract = {We test names.},\n"
        "  author = {Roe, Ann and Doe, John and and the Lake Study Group},\n}\n"
    )
    [record] = parse_bibtex(text).records
    assert record.authors == ("Ann Roe", "John Doe", "the Lake Study Group")


def test_zotero_escaped_inline_math_of_percentages_loses_its_dollars(tmp_path: Path) -> None:
    # A Zotero library's ACM entry (lin_single_2017): the ACM abstract's "$19.0%$" reaches
    # BibTeX as "\$19.0\%\$", with no backslash escaped elsewhere in the value.
    (tmp_path / "zotero.bib").write_text(
        "@inproceedings{lin_single_2017,\n"
        "  title = {Single Shot Temporal Action Detection},\n"
        "  abstract = {SSAD outperforms other systems by increasing mAP from \\$19.0\\%\\$ "
        "to \\$24.6\\%\\$ on THUMOS 2014 and from 7.4\\% to \\$11.0\\%\\$ on MEXaction2; "
        "a GPU costs \\$5 to \\$10 an hour.},\n"
        "}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "SSAD outperforms other systems by increasing mAP from 19.0% to 24.6% on THUMOS 2014 "
        "and from 7.4% to 11.0% on MEXaction2; a GPU costs $5 to $10 an hour."
    )


def test_latex_command_with_escaped_braces_is_the_command(tmp_path: Path) -> None:
    # Paperpile escapes the braces of an arXiv abstract's LaTeX but not its backslashes.
    (tmp_path / "paperpile.bib").write_text(
        "@ARTICLE{Gupta2022-dss,\n"
        '  title    = "Diagonal State Spaces",\n'
        '  abstract = "Gu et al. proposed the $\\textit\\{Structured State Space\\}$ (S4) '
        'architecture, and the \\{HST\\} team agreed.",\n'
        "}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Gu et al. proposed the Structured State Space (S4) architecture, and the HST team agreed."
    )


def test_nasa_ads_abstracts_with_quotes_wrapped_hyphens_ties_and_escaped_reserved_chars(
    tmp_path: Path,
) -> None:
    # NASA ADS's "BibTeX with abstracts": the abstract in "{…}" may quote someone across
    # commas; ADS wraps its lines after hyphens too (a word's own hyphen); initials are
    # tied with "~"; TeX's reserved characters are escaped as text.
    (tmp_path / "ads.bib").write_text(
        "\n\nRetrieved 2 abstracts, starting with number 1.\n\n\n"
        "@ARTICLE{2017AAVSN.429....1W,\n"
        "      author = {{Waagen}, E.~O. and {Lucy}, A.~B.},\n"
        '       title = "{V694 Mon (MWC 560) spectroscopy requested}",\n'
        '    abstract = "{The campaign goes on. Investigator Adrian Lucy writes: "We\n'
        "        have requested monitoring of the star (MWC 560), as a follow-up\n"
        "        to multi-wavelength observations, and even low-\n"
        '        resolution spectra help." The multiple-\n'
        '        reflection was small.}",\n'
        "      adsurl = {https://ui.adsabs.harvard.edu/#abs/2017AAVSN.429....1W},\n"
        "}\n\n"
        "@ARTICLE{2000astro.ph..3081G,\n"
        "      author = {{Taylor}, A.~R.},\n"
        '       title = "{Galactic Worm 123.4-1.5: A Mushroom-shaped HI Cloud}",\n'
        '    abstract = "{The worm contains \\~{}10\\^{}5 solar masses of hydrogen, and one\n'
        '        explosion of (\\~{}10\\^{}$\\{$51$\\}$ ergs) may have made it.}",\n'
        "}\n"
    )
    corpus = load_papers([tmp_path])
    assert corpus.skipped == ()
    notice, worm = corpus.papers
    assert notice.abstract == (
        'The campaign goes on. Investigator Adrian Lucy writes: "We have requested monitoring '
        "of the star (MWC 560), as a follow-up to multi-wavelength observations, and even "
        'low-resolution spectra help." The multiple-reflection was small.'
    )
    assert notice.authors == ("E. O. Waagen", "A. B. Lucy")
    assert worm.abstract == (
        "The worm contains ~10^5 solar masses of hydrogen, and one explosion of (~10^51 ergs) "
        "may have made it."
    )


def test_nasa_ads_current_export_writes_every_character_as_latex(tmp_path: Path) -> None:
    # NASA ADS's export since 2018 (adsabs/export_service, pylatexenc's table): "~" as
    # "\raisebox{-0.5ex}\textasciitilde", "^" as "\^", every other character as a command
    # in braces, "<SUP>5</SUP>" as "{}$^{5}$"; a name with an accent in its protection.
    (tmp_path / "ads.bib").write_text(
        "@ARTICLE{2024ApJ...960...12Y,\n"
        '       author = {{M{\\"u}ller}, J. and {{\\r{A}}ngstr{\\"o}m}, A.~B. and'
        " {Nordstr{\\o}m}, B.},\n"
        '        title = "{He I at z\\raisebox{-0.5ex}\\textasciitilde3 with 10$^{5}$'
        ' M$_{\\odot}$}",\n'
        '     abstract = "{Gas at \\raisebox{-0.5ex}\\textasciitilde10\\^6 K, T {\\ensuremath'
        "{\\approx}} 5000 K, 1.4 {\\ensuremath{\\lesssim}} z, 5{\\texttwosuperior} and"
        ' 3{\\textonehalf}{\\textellipsis}}",\n'
        "}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("J. Müller", "A. B. Ångström", "B. Nordstrøm")
    assert paper.title == "He I at z~3 with 10^5 M_⊙"
    assert paper.abstract == "Gas at ~10^6 K, T ≈ 5000 K, 1.4 ≲ z, 5² and 3½…"


def test_acl_anthologys_braced_thorn_and_eth_are_letters(tmp_path: Path) -> None:
    # The ACL Anthology writes Icelandic names' thorn and eth as braced commands:
    # "Arnard{\'o}ttir, {\TH}{\'o}runn", "Stein{\th}{\'o}r" (a NoDaLiDa 2023 paper's entry
    # in a README).
    (tmp_path / "acl.bib").write_text(
        "@inproceedings{arnason-2023-tagging,\n"
        '    title = "Tagging {I}celandic Sagas with {\\TH}{\\\'o}r",\n'
        "    author = \"{\\TH}{\\'o}rsd{\\'o}ttir, {\\TH}{\\'o}ra  and\n"
        "      Stein{\\th}{\\'o}rsson, {\\DH}a{\\dh}i\",\n"
        '    abstract = "We tag the sagas and measure how often the tagger is right.",\n'
        "}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == (
        "Þóra Þórsdóttir",
        "Ðaði Steinþórsson",
    )
    assert paper.title == "Tagging Icelandic Sagas with Þór"


def test_braced_crossed_d_and_eng_are_letters(tmp_path: Path) -> None:
    # The braced letters beside the thorn and eth: the crossed D of Croatian and Vietnamese
    # names and the eng; a bare command, perhaps an author's own macro, stays as written.
    (tmp_path / "d.bib").write_text(
        "@article{k,\n  author = {{\\DJ}uri{\\'c}, Ana and Tr{\\dj}an, Vu},\n"
        "  title = {{\\NG}a and {\\ng}a in $n^\\th$},\n"
        "  abstract = {We count the letters of two alphabets.},\n}\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Ana Đurić", "Vu Trđan")
    assert paper.title == "Ŋa and ŋa in $n^\\th$"


def test_biblatex_extended_names_read_as_one_name_with_its_particle() -> None:
    # Better BibLaTeX writes a name with a particle in BibLaTeX's extended name format.
    text = (
        "@article{roorda2013,\n"
        "  title = {Data Archiving and Networked Services},\n"
        "  author = {Roorda, Dirk and family=Heuvel, given=Charles, prefix=van den,"
        " useprefix=false and given={Jean~Pierre}, family=Fontaine, prefix=de la, suffix=Jr.},\n"
        "  abstract = {We describe how an archive keeps research data usable for decades.},\n"
        "}\n"
    )
    (record,) = parse_bibtex(text).records
    assert record.authors == (
        "Dirk Roorda",
        "Charles van den Heuvel",
        "Jean Pierre de la Fontaine Jr.",
    )


def test_better_bibtex_keywords_joined_by_bare_commas_keep_a_tag_with_a_semicolon(
    tmp_path: Path,
) -> None:
    # Better BibLaTeX joins Zotero's tags with "," and one tag holds a ";".
    (tmp_path / "bbt.bib").write_text(
        "@article{dunnington_etal18,\n"
        "  title = {Anthropogenic Activity in the {{Halifax}} Region},\n"
        "  date = {2018-10-02},\n"
        "  journaltitle = {Lake and Reservoir Management},\n"
        "  abstract = {Deforestation activity was documented by moderate increases in C/N "
        "({$>$}10\\%) at eight lakes.},\n"
        "  keywords = {C and N isotopes,C/N ratios; disturbance,land-use change,Nova Scotia},\n"
        "}\n"
        "@article{scopus2019,\n"
        "  title = {Networks},\n"
        "  abstract = {We study networks of lakes and their sediments over two centuries.},\n"
        "  author_keywords = {Neural networks, convolutional; Lakes; Sediments},\n"
        # Scopus's own index terms, "Truck drivers" for a paper on database drivers.
        "  keywords = {Truck drivers; Lakes; Plastic bottles},\n"
        "}\n"
    )
    bbt, scopus = load_papers([tmp_path]).papers
    assert bbt.keywords == (
        "C and N isotopes", "C/N ratios; disturbance", "land-use change", "Nova Scotia"
    )  # fmt: skip
    assert bbt.abstract == (
        "Deforestation activity was documented by moderate increases in C/N (>10%) at eight lakes."
    )
    assert scopus.keywords == ("Neural networks, convolutional", "Lakes", "Sediments")


def test_acl_anthology_braces_inside_a_word_go_and_a_commands_argument_stays() -> None:
    # The ACL Anthology protects capitals inside words: "{C}ol{BERT}v2", "Ro{BERT}a".
    text = (
        "@inproceedings{santhanam-etal-2022-colbertv2,\n"
        'title = "{C}ol{BERT}v2 beats Ro{BERT}a on the \\emph{Lost} set",\n'
        'abstract = "Late interaction retrieval is made smaller by 6{--}10x with residual '
        'compression."\n'
        "}\n"
    )
    [record] = parse_bibtex(text).records
    assert record.title == "ColBERTv2 beats RoBERTa on the \\emph{Lost} set"


def test_mendeley_escaped_ampersands_old_arxiv_ids_and_discretionary_hyphens() -> None:
    # Mendeley Desktop 1.3's export (KDE/kbibtex testset/bib/mendeley3.bib): '&amp;' in a
    # URL, an old-style arXiv id whose archive its eprint lost ("0009418v1") but arxivId
    # keeps, and a title with TeX's hyphenation hints ("Sto\-chas\-tic").
    text = (
        "Automatically generated by Mendeley 1.3.1\n"
        "Any changes to this file will be lost if it is regenerated by Mendeley.\n\n"
        "@article{BBM10,\nabstract = {We study a coupled bistable system.},\n"
        "title = {{Uniform estimates}},\n"
        "url = {http://www.emis.ams.org/viewarticle52a2.html?id=2066&amp;layout=abstract},\n"
        "year = {2010}\n}\n"
        "@article{Mezard2001,\nabstract = {We revisit the Bethe lattice spin glass.},\n"
        "archivePrefix = {arXiv},\narxivId = {arXiv:cond-mat/0009418v1},\n"
        "eprint = {0009418v1},\nprimaryClass = {arXiv:cond-mat},\n"
        "title = {{{Rare Events in Sto\\-chas\\-tic Partial Differential Equations}}},\n"
        "year = {2001}\n}\n"
    )
    first, second = parse_bibtex(text).records
    assert first.url == "http://www.emis.ams.org/viewarticle52a2.html?id=2066&layout=abstract"
    assert second.arxiv == "arXiv:cond-mat/0009418v1"


def test_tex_hyphenation_hints_leave_the_word_whole(tmp_path: Path) -> None:
    (tmp_path / "m.bib").write_text(
        "@article{k,\ntitle = {{{Rare Events in Sto\\-chas\\-tic Equations}}},\n"
        "abstract = {A sto\\-chas\\-tic model.},\nyear = {2008}\n}\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.title, paper.abstract) == (
        "Rare Events in Stochastic Equations",
        "A stochastic model.",
    )


def test_biblatex_quotation_and_emphasis_wrappers_are_read_as_text(tmp_path: Path) -> None:
    # Better BibLaTeX writes a quotation in a title as "\mkbibquote{…}" (and Better BibTeX
    # as "\enquote{…}"): retorquere/zotero-better-bibtex's fixture "csquotes #302", "La
    # notion (trop) fonctionnelle de \mkbibquote{notion fonctionnelle}"; and, by option,
    # emphasis as "{{{\mkbibemph{Physics}}}}" (fixture #3096). The commands were left in.
    (tmp_path / "bbt.biblatex").write_text(
        "@article{tusseau_critique_2009,\n"
        "  title = {La notion (trop) fonctionnelle de \\mkbibquote{notion fonctionnelle}},\n"
        "  abstract = {Nous lisons la \\enquote{notion fonctionnelle} de \\mkbibemph{Physics}"
        " et la \\enquote*{notion}, \\foreignquote{english}{a functional notion}.},\n"
        "}\n"
        "@book{waterlow1982NatureChange,\n"
        "  title = {Nature, Change, and Agency in {{Aristotle}}'s {{{\\mkbibemph{Physics}}}}},\n"
        "  abstract = {Aristotle's \\textquote{nature} as the source of change in things.},\n"
        "}\n"
    )
    first, second = load_papers([tmp_path / "bbt.biblatex"]).papers
    assert first.title == "La notion (trop) fonctionnelle de \u201cnotion fonctionnelle\u201d"
    assert first.abstract == (
        "Nous lisons la \u201cnotion fonctionnelle\u201d de Physics et la \u2018notion\u2019,"
        " \u201ca functional notion\u201d."
    )
    assert second.title == "Nature, Change, and Agency in Aristotle's Physics"
    assert second.abstract == "Aristotle's \u201cnature\u201d as the source of change in things."


def test_mendeley_url_fields_holding_several_addresses_give_the_first(tmp_path: Path) -> None:
    # Mendeley keeps an item's addresses in one url field, an escaped line break (the "\n"
    # percent-encoded) or a space between them: a Mendeley library.bib quoted in a blog post
    # has "url = {http://link.springer.com/article/10.1007/s00291-003-0157-z{\%}5Cnhttp://
    # dx.doi.org/…}"; an item imported from Papers keeps "…{\%}5Cnpapers2://publication/…".
    abstract = "  abstract = {{A long enough abstract for entry {} to be read as a paper.}},\n"
    (tmp_path / "library.bib").write_text(
        "@article{Steenken2004,\n"
        + abstract.format(1)
        + "  title = {{Container terminal operation}},\n"
        "  url = {http://link.springer.com/article/10.1007/s00291-003-0157-z{\\%}5Cn"
        "http://dx.doi.org/10.1007/s00291-003-0157-z},\n}\n"
        "@article{Rosswog2000,\n" + abstract.format(2) + "  title = {{Merging neutron stars}},\n"
        "  url = {http://adsabs.harvard.edu/abs/2000A{\\&}A...360..171R{\\%}5Cn"
        "papers2://publication/uuid/39C9D6F4-C091-499D-8F66-867A98C4DD32},\n}\n"
        "@article{Orlhac2015,\n" + abstract.format(3) + "  title = {{Texture features in PET}},\n"
        "  url = {http://www.ncbi.nlm.nih.gov/pubmed/26229145 "
        "http://jnm.snmjournals.org/cgi/doi/10.2967/jnumed.115.156927},\n}\n"
    )
    papers = load_papers([tmp_path / "library.bib"]).papers
    urls = {paper.title: paper.url for paper in papers}
    # A DOI in an address after the first is the paper's too.
    assert [paper.doi for paper in papers if paper.title == "Texture features in PET"] == [
        "10.2967/jnumed.115.156927"
    ]
    assert urls == {
        "Container terminal operation": "http://link.springer.com/article/10.1007/s00291-003-0157-z",
        "Merging neutron stars": "http://adsabs.harvard.edu/abs/2000A&A...360..171R",
        "Texture features in PET": "http://www.ncbi.nlm.nih.gov/pubmed/26229145",
    }


def test_mendeley_pmc_paths_before_the_address_are_no_url(tmp_path: Path) -> None:
    # Mendeley keeps PubMed Central's own links to a page, paths without a host, before the
    # page's address (smnhasan/C-Section-South-Asia My Collection.bib): the address is the
    # paper's url.
    abstract = "  abstract = {{A long enough abstract for entry {} to be read as a paper.}},\n"
    (tmp_path / "library.bib").write_text(
        "@article{Hughes2013,\n" + abstract.format(1) + "  title = {{Feeding after birth}},\n"
        "  url = {/pmc/articles/PMC1234567/ /pmc/articles/PMC1234567/?report=abstract "
        "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/},\n}\n"
    )
    [paper] = load_papers([tmp_path / "library.bib"]).papers
    assert paper.url == "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/"
    assert "url" not in dict(paper.metadata)


def test_a_run_of_spaces_in_a_url_field_is_tried_as_a_gap_from_its_first_space_only() -> None:
    # A url field holding a long run of spaces not followed by an address (a damaged file)
    # was tried as the gap between two addresses from each of its spaces, each try going to
    # the run's end: 20,000 spaces took 12 s to load. Only the run's first space may start
    # the gap now, and what follows the run decides it.
    from digest.readers import identifiers

    text = "http://a.org/1" + " " * 300 + "http://b.org/2"
    first = text.index(" ")
    assert identifiers._ADDRESSES_JOINED.match(text, first) is not None
    assert not any(
        identifiers._ADDRESSES_JOINED.match(text, i) for i in range(first + 1, first + 300)
    )
    assert identifiers.split_addresses(text) == ["http://a.org/1", "http://b.org/2"]
    damaged = "http://a.org/1" + " " * 300 + "x"
    assert identifiers.split_addresses(damaged) == [damaged]


def test_europe_pmc_html_section_headings_label_their_sections() -> None:
    # Europe PMC's BibTeX export keeps the HTML of its abstracts: each section's heading an
    # <h4> glued to the section's first word, and no other markup in most abstracts.
    text = (
        "@article {PMID:30000001,\n\tTitle = {Pedometers in older walkers},\n"
        "\tAuthor = {Rivers, Anna and Stone, Bo},\n\tYear = {2022},\n"
        "\tAbstract = {<h4>Background</h4>Walking helps.<h4>Patients and methods</h4>We"
        " counted steps (p = .03).<h4>Trial registration</h4>ACTRN000.},\n}\n"
        "@article {PMID:30000002,\n\tTitle = {Sleep bands},\n\tYear = {2023},\n"
        "\tAbstract = {<h4>Purpose</h4>Bands were worn.<h4>Patients and methods</h4>We used"
        " paired <i>t</i>-tests.},\n}\n"
    )
    first, second = parse_bibtex(text).records
    assert first.abstract == (
        "Background: Walking helps. Patients and methods: We counted steps (p = .03)."
        " Trial registration: ACTRN000."
    )
    assert (
        second.abstract == "Purpose: Bands were worn. Patients and methods: We used paired t-tests."
    )


def test_an_entry_without_the_comma_after_its_key_is_read() -> None:
    # Entries copied by hand into READMEs and dataset cards (an IEEE one, a NASA ADS one of
    # a Hugging Face card) lose the comma after the key: "@ARTICLE{key\n  author = ...".
    # bibtexparser reads no entry there, and the digest said "unbalanced braces or quotes?".
    text = (
        "@ARTICLE{tide-2019\nauthor={A. Reed and B. Lake},\ntitle={Tides in small bays},\n"
        "abstract={We model tides in small bays.},\nyear={2019},\nmonth={},}\n\n"
        "@ARTICLE{2020arXiv200100001R\n       author = {{Reed}, Ann},\n"
        '        title = "{Waves at night}",\n     abstract = {We count waves at night.},\n'
        "         year = 2020,\n       eprint = {2001.00001}\n}\n"
        "@article{\n  title = {Keyless still},\n  abstract = {No key at all here.},\n}\n"
    )
    parsed = parse_bibtex(text)
    assert [(r.id, r.title, r.abstract) for r in parsed.records] == [
        ("tide-2019", "Tides in small bays", "We model tides in small bays."),
        ("2020arXiv200100001R", "Waves at night", "We count waves at night."),
        (None, "Keyless still", "No key at all here."),
    ]
    assert parsed.records[1].arxiv == "2001.00001"
    assert parsed.problems == ()


def test_europe_pmc_key_gives_the_pmid() -> None:
    # Europe PMC's BibTeX export has no pmid field: each entry's key is "PMID:<number>".
    text = (
        "@article {PMID:30000003,\n\tTitle = {Step counts at home},\n\tYear = {2023},\n"
        "\tAbstract = {We counted steps at home.},\n}\n"
        "@article {PPR:PPR000001,\n\tTitle = {A preprint},\n\tYear = {2023},\n"
        "\tAbstract = {We counted steps again.},\n}\n"
    )
    first, second = parse_bibtex(text).records
    assert (first.id, first.pmid) == ("PMID:30000003", "30000003")
    assert second.pmid is None


def test_springer_formulas_are_their_tex_once(tmp_path: Path) -> None:
    # SpringerLink's BibTeX writes a formula's TeX between doubled escaped dollars, its
    # backslash "{\backslash}", and then the text its MathML shows: the abstract read
    # "$X_0$X0" and "$${\backslash}gamma $$".
    (tmp_path / "springer.bib").write_text(
        '@InProceedings{10.1007/000-0-000-00000-0_1,\nauthor="Rivers, Anna",\n'
        'title="Shapes that drift",\nyear="2026",\n'
        'abstract="A process X with initial state {\\$}{\\$}X{\\_}0{\\$}{\\$}X0, conditioned on'
        " {\\$}{\\$}X{\\_}T{\\$}{\\$}XT, holds with probability {\\$}{\\$}{\\backslash}gamma"
        ' {\\$}{\\$}, for {\\$}{\\$}k{\\$}{\\$}k-means too.",\n}\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "A process X with initial state $X_0$, conditioned on $X_T$, holds with probability"
        " \u03b3, for $k$-means too."
    )


def test_a_readmes_citation_block_under_its_abstract_is_no_bibtex_file(tmp_path: Path) -> None:
    # A paper's README gives its abstract and cites it in a code block (the NS-ANN README,
    # index file 43418999327): the abstract is read, not the abstract-less entry. A note
    # that only holds a fenced entry, its abstract in it, is still BibTeX.
    bib = "@article{kim2020owls,\n  title={Owls in burned forest},\n  year={2020}"
    (tmp_path / "README.md").write_text(
        "# Owls in burned forest\n\n[![arXiv](https://img.shields.io/badge/arXiv-2001.01234-b31b1b"
        ".svg)](https://arxiv.org/abs/2001.01234)\n\n**Abstract:** We count owls in burned "
        "forest over ten years and find that their numbers recover within five years.\n\n"
        f"## Citation\n```\n{bib}\n}}\n```\n"
    )
    (tmp_path / "note.md").write_text(
        f"# Reading list\n\n```bibtex\n{bib},\n  abstract={{We ring owls in unburned forest "
        "over ten years and find that their numbers hold steady.}\n}\n```\n"
    )
    corpus = load_papers([tmp_path])
    assert sorted(f.format for f in corpus.files) == ["bibtex", "markdown"]
    readme, note = sorted(corpus.papers, key=lambda p: p.abstract)
    assert (readme.arxiv_id, note.title) == ("2001.01234", "Owls in burned forest")
    assert readme.abstract.startswith("We count owls in burned forest")


def test_cnki_marks_in_a_bibtex_made_from_cnki_records() -> None:
    # cnki2bib's BibTeX of CNKI's NoteExpress export (Vopaaz/CNKI_2_BibTeX's Classic5Test.bib)
    # keeps CNKI's marks: "(#br)" for a break after the heading ("Abstract(#br)…") and "<正>"
    # before the article's opening lines, given where CNKI has no abstract.
    text = (
        "@Article{NgAnna2019,\n\tauthor = {Anna Ng and Bo Lind},\n\ttitle = {Green roofs},\n"
        "\tyear = {2019},\n\tabstract = {Abstract(#br)Green roofs cool the rooms below them.}"
        ",\n\tdatabaseprovider = {CNKI},\n}\n\n"
        "@Article{LiMingNull,\n\tauthor = {李明 and 王芳},\n\ttitle = {城市绿地的降温效应},\n"
        "\tabstract = {<正>城市绿地是城市生态系统的重要组成部分.},\n"
        "\tdatabaseprovider = {CNKI},\n}\n"
    )
    parsed = parse_bibtex(text)
    [paper] = parsed.records
    assert paper.abstract == "Green roofs cool the rooms below them."
    # Its keywords of a Chinese record are joined by full-width semicolons.
    [chinese] = parse_bibtex(
        text.replace("{2019}", "{2019},\n\tkeywords = {肉瘤\uff1b诊断}")
    ).records
    assert chinese.keywords == ("肉瘤", "诊断")
    # cnki2bib writes "Null" where CNKI gives no year: no date.
    [undated] = parse_bibtex(text.replace("{2019}", "{Null}")).records
    assert undated.date is None
    [skipped] = parsed.problems
    assert (skipped.line, skipped.excerpt) == (9, "城市绿地的降温效应")
    assert "<正>" in skipped.reason


def test_scopus_conference_paper_without_journal_takes_its_abbreviated_source() -> None:
    # Scopus types a conference paper @ARTICLE and gives it no `journal`, only
    # `abbrev_source_title` (IoanaCovataru/AI_PM's Scopus_Challenge_ResAloc.bib): no venue.
    bib = (
        "@ARTICLE{Lima2025523,\n\tauthor = {Lima, Ana},\n\ttitle = {Teaching with projects},\n"
        "\tyear = {2025},\n\tabstract = {We teach a course through projects and measure what "
        "students learn.},\n\tabbrev_source_title = {Proc. Int. Conf. Teach. Syst., ICTS},\n"
        "\ttype = {Conference paper},\n\tsource = {Scopus}\n}\n"
        "@ARTICLE{Lima2024,\n\ttitle = {Teaching with games},\n\tjournal = {Teaching Review},\n"
        "\tabstract = {We teach a course through games.},\n"
        "\tabbrev_source_title = {Teach. Rev.}\n}\n"
    )
    conference, journal = parse_bibtex(bib).records
    assert conference.venue == "Proc. Int. Conf. Teach. Syst., ICTS"
    assert journal.venue == "Teaching Review"


def test_scopus_title_in_the_papers_own_language_is_kept_apart(tmp_path: Path) -> None:
    # Scopus gives a paper's title in its own language after the English one, in brackets,
    # in its BibTeX and CSV (papatyaaktay/yeni's scopus.bib: "Learned resourcefulness and
    # coping …; [Engelli çocuğa sahip annelerde …]"): the headline is the English title.
    (tmp_path / "scopus.bib").write_text(
        "Scopus\nEXPORT DATE: 04 December 2023\n\n"
        "@ARTICLE{Demir2019,\n\tauthor = {Demir, Ayşe},\n\ttitle = {Play and sleep in "
        "preschool children; [Okul öncesi çocuklarda oyun ve uyku]},\n\tyear = {2019},\n"
        "\tjournal = {Child Studies},\n\tabstract = {We followed 80 children for a year. Play "
        "time predicted sleep.},\n\tsource = {Scopus}\n}\n"
        "@ARTICLE{Kaya2020,\n\tauthor = {Kaya, Emre},\n\ttitle = {[18F]FDG uptake in "
        "tumours; [a note]; [b]]},\n\tyear = {2020},\n\tjournal = {Imaging},\n"
        "\tabstract = {We measured uptake in 30 tumours. It varied widely.},\n"
        "\tsource = {Scopus}\n}\n",
        encoding="utf-8",
    )
    (tmp_path / "scopus.csv").write_text(
        "Authors,Title,Year,Source title,Abstract\n"
        '"Silva A.","Reading at home; [Leitura em casa]",2021,"Educação","We asked 50 families '
        'how often they read. Most read weekly."\n',
        encoding="utf-8",
    )
    papers = {paper.id: paper for paper in load_papers([tmp_path]).papers}
    play = papers["Demir2019"]
    assert play.title == "Play and sleep in preschool children"
    assert ("original title", "Okul öncesi çocuklarda oyun ve uyku") in play.metadata
    # Brackets that hold brackets are no title of their own: the title stays whole.
    assert papers["Kaya2020"].title == "[18F]FDG uptake in tumours; [a note]; [b]]"
    [reading] = [paper for paper in papers.values() if paper.venue == "Educação"]
    assert reading.title == "Reading at home"
    assert ("original title", "Leitura em casa") in reading.metadata
