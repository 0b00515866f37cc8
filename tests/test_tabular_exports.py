"""CSV and tab-separated exports of reference managers and databases (fixtures written by
hand in tests/fixtures/exports/, each with the oddities of the real export it stands for)."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers.identifiers import parse_doi
from digest.readers.records import initials_turned_round

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "exports"


def load(name: str) -> Corpus:
    return load_papers([FIXTURES / name])


def titled(corpus: Corpus, start: str) -> Paper:
    [paper] = [p for p in corpus.papers if (p.title or "").startswith(start)]
    return paper


@pytest.mark.parametrize("name", ["zotero.csv", "zotero-excel.csv"])
def test_zotero_csv_as_exported_and_as_excel_saved_it(name: str) -> None:
    corpus = load(name)
    assert corpus.files[0].format == "csv"
    assert corpus.files[0].encoding == ("cp1252" if "excel" in name else "utf-8")
    assert len(corpus.papers) == 2  # the third says "Not Available"
    spectra = titled(corpus, "WebPlotDigitizer")
    assert spectra.arxiv_id == "1708.02025"  # Zotero kept it in Pages
    assert spectra.authors == ("F. Marin", "A. Rohatgi", "S. Charlot")
    assert spectra.keywords == ("catalogues", "software")  # manual tags before automatic
    assert spectra.venue == "arXiv" and spectra.date == "2017-08-01"
    aids = titled(corpus, "Decision aids")
    assert aids.doi == "10.1136/bmjopen-2019-000001"  # the trailing ';' dropped
    assert aids.abstract.endswith("after a short training session.")  # no © line
    assert not any(key == "File Attachments" for key, _ in aids.metadata)
    [skipped] = corpus.skipped
    assert "only 'Not Available'" in skipped.reason and skipped.notice


def test_scopus_placeholder_copyright_and_bulky_columns() -> None:
    corpus = load("scopus.csv")
    assert len(corpus.papers) == 2
    aids = titled(corpus, "Decision aids")
    assert aids.abstract.endswith("training session.")
    assert (aids.pmid, aids.venue, aids.doi) == (
        "31452104",
        "BMJ Open",
        "10.1136/bmjopen-2019-000001",
    )
    assert aids.keywords == ("Decision aids", "Adherence")  # author keywords first
    assert aids.link == "https://doi.org/10.1136/bmjopen-2019-000001"  # not the Scopus page
    assert "References" not in dict(aids.metadata)
    assert dict(aids.metadata)["EID"] == "2-s2.0-1"
    [skipped] = corpus.skipped
    assert "only '[No abstract available]'" in skipped.reason


def test_scopus_author_placeholder_is_no_author(tmp_path: Path) -> None:
    text = (FIXTURES / "scopus.csv").read_text(encoding="utf-8-sig")
    text = text.replace("[No abstract available]", "The proceedings contain 12 papers on sleep.")
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    paper = titled(load_papers([tmp_path]), "Proceedings of the workshop")
    assert paper.authors == ()


def test_ieee_xplore_csv() -> None:
    [paper] = load("ieee.csv").papers
    assert paper.title == "Exascale trends for computer architecture"
    assert paper.authors == ("P. Kogge", "J. Shalf")
    assert paper.venue == "Computing in Science & Engineering"
    assert paper.keywords == ("Computer architecture", "Market research")
    assert paper.doi == "10.1109/MCSE.2013.95"


def test_ieee_xplore_csv_of_before_2020(tmp_path: Path) -> None:
    # The older layout says "Publication_Year"; a record without a DOI (a keynote's
    # summary) is linked through its "PDF Link", as the document page it stands for.
    (tmp_path / "export.csv").write_text(
        '"Document Title",Authors,"Publication Title","Publication_Year","Abstract","DOI",'
        'PDF Link,"Author Keywords"\n'
        '"Cloud computing in education","I. J. Rudas","ICETA 2012","2012","Summary form only '
        'given. Cloud computing changes how students learn.","",'
        '"https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=6418311","cloud;education"\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.date, paper.venue) == ("2012", "ICETA 2012")
    assert paper.link == "https://ieeexplore.ieee.org/document/6418311"


def test_ieee_xplore_issue_date_gives_the_month_its_ris_gives(tmp_path: Path) -> None:
    # The layout of about 2015 (stefan-kolb/paas-definition ieee.csv) has an "Issue Date",
    # a conference's days or a journal issue's month, beside the year; one of another year
    # leaves the year.
    (tmp_path / "export.csv").write_text(
        '"Document Title","Publication_Year","Abstract","PDF Link","IEEE Terms",Issue Date\n'
        '"Sensor clouds","2015","We define sensor clouds.","","Cloud computing",'
        '"13-16 Sept. 2015"\n'
        '"Cloud tutors","2020","Tutors move online.","","Cloud computing","Jan.-Feb. 2020"\n'
        '"Late proceedings","2014","We plan resources.","","Cloud computing","8-11 Dec. 2013"\n',
        encoding="utf-8",
    )
    dates = {paper.title: paper.date for paper in load_papers([tmp_path]).papers}
    assert dates == {
        "Sensor clouds": "2015-09",
        "Cloud tutors": "2020-01",
        "Late proceedings": "2014",
    }


def test_ieee_xplore_hyphenated_initials_lose_their_space(tmp_path: Path) -> None:
    text = (
        '"Document Title",Authors,"Publication Title","Publication Year","Abstract","DOI",'
        'PDF Link,"IEEE Terms"\n"Safety Improvement for SMART on FHIR Apps","J. -P. Stoldt; '
        'J. H. Weber","2020 IEEE ICSA-C","2020","We apply data quality by contract to apps.",'
        '"10.1109/ICSA-C50368.2020.00041","https://ieeexplore.ieee.org/stamp/stamp.jsp?'
        'arnumber=9095642","Probes;Safety"\n'
    )
    (tmp_path / "export2025.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("J.-P. Stoldt", "J. H. Weber")


def test_ieee_xplore_author_keywords_lose_the_exporters_label(tmp_path: Path) -> None:
    # IEEE Xplore may open an "Author Keywords" cell with "Keywords " (in both layouts); a
    # Scopus keyword that starts with the word stays whole.
    files = {
        "ieee.csv": '"Document Title","Abstract","Author Keywords","IEEE Terms"\n'
        '"Cache coherence","We study caches.","Keywords Cache memory;Multicore","Coherence"\n',
        "ieee-2019.csv": '"Document Title","Abstract","PDF Link","Author Keywords"\n'
        '"Cloud tutoring","Students learn online.","","Keywords cloud;education"\n',
        "scopus.csv": "Title,Abstract,Author Keywords\n"
        "Indexing terms,We extract terms.,Keywords extraction; Text mining\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    keywords = {p.title: p.keywords for p in load_papers([tmp_path]).papers}
    assert keywords == {
        "Cache coherence": ("Cache memory", "Multicore"),
        "Cloud tutoring": ("cloud", "education"),
        "Indexing terms": ("Keywords extraction", "Text mining"),
    }


def test_covidence_and_rayyan_column_names(tmp_path: Path) -> None:
    # Covidence writes "Published Year"; Rayyan lower-case names with underscores.
    (tmp_path / "covidence.csv").write_text(
        "Title,Authors,Abstract,Published Year,Published Month,Journal,DOI,Covidence #\n"
        'Masks in schools,"Lee, M.; Kim, S.",Masks cut transmission.,2020,Sep,BMJ,10.1/m,#12\n',
        encoding="utf-8",
    )
    (tmp_path / "articles.csv").write_text(
        "key,title,authors,journal,year,url,abstract,notes,pubmed_id,pmc_id\n"
        'rayyan-1,Sleep and memory,"Smith, John and Lee, Min",Sleep,2019,,'
        'Sleep helps memory.,"RAYYAN-INCLUSION: {""Ana""=>""Included""}",31000001,PMC1\n',
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [(p.title, p.date, p.pmid) for p in corpus.papers] == [
        ("Sleep and memory", "2019", "31000001"),
        ("Masks in schools", "2020-09", None),
    ]


def test_embase_and_covidence_date_a_paper_closer_than_its_year(tmp_path: Path) -> None:
    # Embase's "Date of Publication" ("1 Jan 2023", "Mar 2022") and Covidence's "Published
    # Month" beside "Published Year" give the month (and day); a season is no month.
    (tmp_path / "embase.csv").write_text(
        '"TITLE","Sleep apnea in children"\n"PUBLICATION YEAR","2023"\n'
        '"DATE OF PUBLICATION","1 Jan 2023"\n"ABSTRACT","Apnea is common."\n\n'
        '"TITLE","Asthma in adults"\n"PUBLICATION YEAR","2022"\n'
        '"DATE OF PUBLICATION","Mar 2022"\n"ABSTRACT","Asthma is common."\n\n'
        '"TITLE","Gout in the elderly"\n"PUBLICATION YEAR","2021"\n'
        '"DATE OF PUBLICATION","Spring 2021"\n"ABSTRACT","Gout is common."\n',
        encoding="utf-8",
    )
    (tmp_path / "covidence.csv").write_text(
        "Title,Abstract,Published Year,Published Month\n"
        "Masks in schools,Masks cut transmission.,2020,Sep\n"
        "Hand washing,Washing cuts transmission.,2021,04\n"
        "Ventilation,Air changes cut transmission.,2019,\n",
        encoding="utf-8",
    )
    dates = {p.title: p.date for p in load_papers([tmp_path]).papers}
    assert dates == {
        "Masks in schools": "2020-09",
        "Hand washing": "2021-04",
        "Ventilation": "2019",
        "Sleep apnea in children": "2023-01-01",
        "Asthma in adults": "2022-03",
        "Gout in the elderly": "2021",
    }


def test_cochrane_library_csv(tmp_path: Path) -> None:
    # CENTRAL's export names the authors "Author(s)" and the journal "Source".
    (tmp_path / "citation-export.csv").write_text(
        "CENTRAL ID,Author(s),Title,Source,Year,Abstract,Volume,Issue,Pages,Database Name,"
        "PubMed ID,Embase ID,Publication Type,Keywords,DOI,URL\n"
        'CN-02757110,"Contreras, JD; Islam, M",Child feces management,Journal of epidemiology '
        'and global health,2024,"BACKGROUND: Sanitation cut diarrhea. METHODS: Mediation '
        'analysis.",14,3,765-778,Cochrane Central Register of Controlled Trials (CENTRAL),'
        'PUBMED 38507184,,Journal article,"*Diarrhea [prevention & control]; Child",'
        "10.1007/s44197-024-00210-y,https://www.cochranelibrary.com/central/doi/10.1002/"
        "central/CN-02757110/full\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("JD Contreras", "M Islam")
    assert paper.venue == "Journal of epidemiology and global health"
    assert (paper.pmid, paper.doi) == ("38507184", "10.1007/s44197-024-00210-y")
    assert paper.keywords == ("Diarrhea [prevention & control]", "Child")


def test_a_page_links_doi_stops_before_the_pages_own_path(tmp_path: Path) -> None:
    # Without a DOI column the DOI is the one in the record's link; a publisher's page
    # adds its own path or query after it (Cochrane's ".../full", Wiley's old "/abstract").
    (tmp_path / "links.csv").write_text(
        "Title,Abstract,Url\n"
        "Trial one,A trial of one thing.,https://www.cochranelibrary.com/central/doi/"
        "10.1002/central/CN-02364481/full\n"
        "Trial two,A trial of another.,http://onlinelibrary.wiley.com/doi/10.1111/jgs.12345/"
        "abstract\n"
        "Trial three,A third trial.,https://doi.org/10.1016/j.sleep.2020.01.002?via%3Dihub\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [p.doi for p in corpus.papers] == [
        "10.1002/central/CN-02364481",
        "10.1111/jgs.12345",
        "10.1016/j.sleep.2020.01.002",
    ]


def test_a_doi_cell_listing_its_references_dois_gives_the_papers_own(tmp_path: Path) -> None:
    # pymed's records written out by pandas hold in "doi" the paper's DOI, then its
    # references' DOIs, one a line (axeld5/mlns_project pubmed.csv): the paper's is the first,
    # not the lines glued into one. Its authors are dicts as Python prints them, whose list's
    # brackets made them Scopus's "[No author name available]".
    (tmp_path / "pubmed.csv").write_text(
        "pubmed_id,title,abstract,doi,publication_date,authors\n"
        '36000001,Night shifts and sleep.,Nurses on night shifts slept less.,"10.2196/30001\n'
        '10.3390/ijerph18080001\n10.1016/s2215-0366(15)00001-2",2022-12-03,'
        "\"[{'lastname': 'Ng', 'firstname': 'Ada Mei', 'initials': 'AM', 'affiliation': 'Ward "
        "4, Leeds, UK.'}, {'lastname': \"\"O'Dwyer\"\", 'firstname': 'Bea', 'initials': 'B', "
        "'affiliation': None}, {'lastname': None, 'firstname': None, 'initials': None}]\"\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.doi, paper.link) == ("10.2196/30001", "https://doi.org/10.2196/30001")
    assert paper.authors == ("Ada Mei Ng", "Bea O'Dwyer")


def test_keywords_a_cell_holds_as_python_prints_a_list(tmp_path: Path) -> None:
    # pandas writes a column of lists as Python prints them (pymed's records, axeld5/
    # mlns_project pubmed.csv): each item is a keyword, "[]" is none.
    (tmp_path / "pubmed.csv").write_text(
        "pubmed_id,title,keywords,abstract\n"
        '36000002,Rotas and fatigue.,"[\'night shifts\', ""Parkinson\'s disease"", \'rota: '
        "design']\",Fewer night shifts left nurses less tired.\n"
        "36000003,Naps at work.,[],Short naps helped nurses on night shifts.\n",
        encoding="utf-8",
    )
    assert [paper.keywords for paper in load_papers([tmp_path]).papers] == [
        ("night shifts", "Parkinson's disease", "rota: design"),
        (),
    ]


def test_authors_a_cell_holds_as_python_prints_a_list(tmp_path: Path) -> None:
    # A scraper's IEEE Xplore table written by pandas (roomtempfusion/Semiconductor-mapping
    # ieee.csv) holds each paper's names as Python prints a list; its brackets made them
    # Scopus's "[No author name available]", and every paper had no author.
    (tmp_path / "ieee.csv").write_text(
        "Title,Author(s),Journal,Year,URL,Abstract\n"
        'Tunable lasers on one chip,"[\'Ana C. Lima\', ""Bea O\'Dwyer"", \'K. M. Osei\']",'
        "IEEE Photonics Journal,2016,https://ieeexplore.ieee.org/document/7000001/,"
        "Slots etched into a ridge make a tunable laser.\n"
        "Quiet amplifiers,[],IEEE Photonics Journal,2017,,An amplifier with less noise.\n",
        encoding="utf-8",
    )
    assert [paper.authors for paper in load_papers([tmp_path]).papers] == [
        ("Ana C. Lima", "Bea O'Dwyer", "K. M. Osei"),
        (),
    ]


def test_a_name_suffix_scopus_parts_with_a_comma_stays_with_its_name(tmp_path: Path) -> None:
    # Scopus's CSV until 2022 parts its names with ", ", and a suffix from its name too
    # (frcorrea78/BIM-TWIN scopus.csv: "Levine N.M., Spencer B.F., Jr."): "Jr." was an
    # author of its own and no name was turned round ("Levine N.M. et al." in the byline).
    (tmp_path / "scopus.csv").write_text(
        "Authors,Title,Year,Source title,Abstract,Source,EID\n"
        '"Okafor N.M., Brandt B.F., Jr.",Drones after earthquakes,2022,Sensors,'
        "A drone surveys a damaged building.,Scopus,2-s2.0-85000000001\n"
        '"Okafor N.M.; Brandt B.F., Jr.",Drones after floods,2023,Sensors,'
        "A drone surveys a flooded street.,Scopus,2-s2.0-85000000002\n",
        encoding="utf-8",
    )
    assert [paper.authors for paper in load_papers([tmp_path]).papers] == [
        ("N.M. Okafor", "B.F. Brandt Jr."),
        ("N.M. Okafor", "B.F. Brandt Jr."),
    ]


def test_a_name_that_is_no_scopus_name_is_told_in_linear_time() -> None:
    # Turning Scopus's "Spencer B.F." round tried the spaces before its initials from each
    # space of a run: a name with 30,000 spaces before "Jr." took about twelve seconds.
    name = "Smith B.F." + " " * 30_000 + "Jr."
    started = time.perf_counter()
    assert initials_turned_round((name, "Liu R.")) == (name, "Liu R.")
    assert time.perf_counter() - started < 2


def test_an_arxiv_doi_is_the_papers_arxiv_id_too(tmp_path: Path) -> None:
    # Consensus gives a preprint only arXiv's DOI; the paper links to arXiv and is one
    # paper with the same preprint read from elsewhere by its arXiv id.
    (tmp_path / "consensus.csv").write_text(
        "Title,Takeaway,Authors,Year,Citations,Abstract,Study Type,Journal,Journal SJR "
        "Quartile,DOI,Consensus Link\n"
        '"LLM agents for software engineering","Agents help.","Junwei Liu, Kaixin Wang",2024,'
        '151,"We survey agents built on large language models.",,ArXiv,,'
        "10.48550/arxiv.2409.02977,https://consensus.app/papers/x/3fbdb20e/\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.csv").write_text(
        "title,abstract,arxiv_id\n"
        "LLM agents for SE,A survey of 124 papers on LLM-based agents.,2409.02977v2\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.arxiv_id, paper.doi) == ("2409.02977", "10.48550/arxiv.2409.02977")
    assert paper.link.startswith("https://arxiv.org/abs/2409.02977")


def test_embase_doi_is_read_from_its_library_link() -> None:
    [paper] = load("embase.csv").papers
    assert paper.doi == "10.4103/2303-9027.138783"
    assert paper.authors == ("R. Liu", "D.G. Adler")


def test_a_keyword_keeps_the_commas_inside_its_parentheses(tmp_path: Path) -> None:
    # Embase's index terms qualify a term in parentheses: "cyst (diagnosis, surgery)".
    (tmp_path / "embase.csv").write_text(
        "Title,Author Names,Abstract,keywords\n"
        '"Duplication cysts","Liu R., Adler D.G.","We review how duplication cysts are found '
        'and treated, and what endoscopic ultrasound adds to both.",'
        '"article, bronchogenic duplication cyst (diagnosis, surgery), colonoscopy"\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.keywords == (
        "article",
        "bronchogenic duplication cyst (diagnosis, surgery)",
        "colonoscopy",
    )


def test_embase_journal_and_year_are_read_from_its_source_citation(tmp_path: Path) -> None:
    # Without columns of their own (the default table, or labelled lines without "SOURCE
    # TITLE"), the journal and year are those of "Source": "Cancer (2004) 102:4 (253-258)".
    table = (FIXTURES / "embase.csv").read_text(encoding="utf-8-sig")
    (tmp_path / "records.csv").write_text(table, encoding="utf-8")
    (tmp_path / "rows.csv").write_text(
        '"TITLE","Multiplexed detection of febrile infections"\n'
        '"AUTHOR NAMES","Kamariza M.","McMahon K."\n'
        '"SOURCE","Nature Communications (2026) 17:1 Article Number: 32. Date of Publication: '
        '1 Dec 2026"\n'
        '"ABSTRACT","We detect bloodborne pathogens with CRISPR arrays."\n'
        '"FULL TEXT LINK","http://dx.doi.org/10.1038/s41467-025-66243-4"\n',
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [(p.venue, p.date) for p in corpus.papers] == [
        ("Endoscopic Ultrasound", "2014"),
        ("Nature Communications", "2026"),
    ]
    assert corpus.papers[1].doi == "10.1038/s41467-025-66243-4"


def test_embase_csv_of_labelled_lines_one_a_field() -> None:
    # Embase's default CSV: a record is a run of '"LABEL","value",…' lines, a cell a name
    # or a term, records apart by a blank line; not a table.
    corpus = load("embase-rows.csv")
    assert corpus.files[0].format == "csv"
    assert len(corpus.papers) == 2
    apnea = titled(corpus, "Sleep apnea in children")
    assert apnea.authors == ("X. Shi", "P. Jiang", "P. Wang")
    assert apnea.abstract.startswith("Objective: To describe obstructive sleep apnea")
    assert (apnea.pmid, apnea.doi) == ("36512345", "10.1016/j.sleep.2022.11.001")
    assert (apnea.venue, apnea.date) == ("Sleep Medicine", "2023")
    assert apnea.keywords == ("Down syndrome", "sleep apnea")
    metadata = dict(apnea.metadata)
    assert metadata["EMTREE MEDICAL INDEX TERMS"] == "child; *sleep disordered breathing"
    assert "AUTHOR ADDRESSES" not in metadata
    assert titled(corpus, "Continuous positive").authors == ("A.B. Brown",)
    [skipped] = corpus.skipped  # the erratum has no ABSTRACT line
    assert skipped.line == 25 and "ABSTRACT" in skipped.reason


def test_embase_trial_registry_record_headings_glued_to_their_text_are_set_apart(
    tmp_path: Path,
) -> None:
    # Embase holds ClinicalTrials.gov's records with their two headings glued to the text
    # ("Brief SummaryThis is … years.Detailed DescriptionThis …"; dong-wkim/nma).
    (tmp_path / "embase.csv").write_text(
        '"TITLE","Oral iron after knee surgery"\n"SOURCE TITLE","clinicaltrials.gov"\n'
        '"ABSTRACT","Brief SummaryThis is a randomized trial of oral iron after knee '
        "surgery. Patients are followed for a year.Detailed DescriptionThis two-center "
        'trial measures blood loss. Background: Iron speeds recovery."\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Brief Summary: This is a randomized trial of oral iron after knee surgery. Patients "
        "are followed for a year. Detailed Description: This two-center trial measures blood "
        "loss. Background: Iron speeds recovery."
    )


def test_embase_author_known_by_one_name_leaves_the_others_turned_round(tmp_path: Path) -> None:
    # Embase lists an author with one name as it is ("Monika") among "Surname I." names.
    (tmp_path / "embase.csv").write_text(
        '"TITLE","Wavelet features for arrhythmia detection"\n'
        '"AUTHOR NAMES","Verma R.","Nair S.K.","Anjali","Rao T."\n'
        '"PUBLICATION YEAR","2026"\n'
        '"ABSTRACT","We classify arrhythmias from wavelet features of the QRS complex."\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("R. Verma", "S.K. Nair", "Anjali", "T. Rao")


def test_ovid_csv_export_has_ovids_tags_for_column_names() -> None:
    # Ovid's CSV (Embase and MEDLINE through Ovid): a header of Ovid's field tags, a cell a
    # field's lines (an author a line, blank lines between); read as Ovid's records are.
    corpus = load("ovid-embase.csv")
    assert corpus.files[0].format == "csv"
    assert len(corpus.papers) == 2
    audits = titled(corpus, "Hand hygiene audits")
    assert audits.authors == ("N. Okafor", "A.-K. Lindqvist", "M. Dubois")
    assert audits.abstract.startswith("Background: Hand hygiene in rural clinics")
    assert "Copyright" not in audits.abstract
    assert audits.pmid == "31234567"  # PM: Embase's PubMed id, its link after it
    assert (audits.venue, audits.date) == ("Journal of Rural Health Care", "2019")
    assert audits.keywords == ("adult", "hand washing", "rural health care")
    sleep = titled(corpus, "Sleep duration")
    assert sleep.authors == ("Claire Moreau", "Ken Takahashi")
    assert sleep.pmid == "32109876"  # a MEDLINE record's UI
    assert sleep.keywords == ("Adolescent", "Sleep", "Academic Performance")
    [skipped] = corpus.skipped  # the conference abstract has no AB
    assert skipped.line == 21 and "AB" in skipped.reason


def test_apa_psycnet_csv() -> None:
    [paper] = load("psycnet.csv").papers
    assert paper.title == "Correlates of recovery."
    assert paper.abstract.startswith("Objective: We survey nurses")
    assert "PsycInfo Database Record" not in paper.abstract
    assert paper.authors == ("Catana Brown", "Melisa Rempfer")
    assert paper.doi == "10.2975/32.1.2008.23.31" and paper.pmid == "18614446"
    assert paper.keywords == ("Cognition", "Recovery (Disorders)", "Hope")
    assert paper.id == "2008-10796-003"  # the database's own id, as an id column


def test_consensus_csv_placeholder() -> None:
    corpus = load("consensus.csv")
    [paper] = corpus.papers
    assert paper.authors == ("Vikram S Chundawat", "A. Tarun", "Murari Mandal")
    assert paper.venue == "IEEE TIFS"
    assert dict(paper.metadata)["Takeaway"] == "Noise helps forget."
    assert "only 'No abstract'" in corpus.skipped[0].reason


@pytest.mark.parametrize("name", ["wos-tab.txt", "wos-tab-utf16.txt"])
def test_web_of_science_tab_delimited_in_utf8_and_utf16(name: str) -> None:
    corpus = load(name)
    assert corpus.files[0].encoding == ("utf-16" if "16" in name else "utf-8")
    [paper] = corpus.papers
    assert paper.title == "Knowledge networks as channels and conduits"
    assert paper.authors == ("Jason Owen-Smith", "Walter W. Powell")  # AF before AU
    assert paper.keywords == ("knowledge networks", "spillovers")  # DE, not Keywords Plus
    assert (paper.doi, paper.venue, paper.date) == (
        "10.1287/orsc.1030.0054",
        "Organization Science",
        "2004",
    )
    assert paper.id.startswith("abs-")  # WoS's "ID" is Keywords Plus, not an id
    assert "CR" not in dict(paper.metadata)


def test_web_of_science_full_column_names() -> None:
    [paper] = load("wos-full.csv").papers
    assert paper.title == "Understanding the robustness of machine-unlearning models"
    assert paper.authors == ("Guanqin Zhang", "Feng Xu")
    assert paper.doi == "10.1007/978-981-96-9101-2_16"


def test_web_of_science_publication_date_has_no_year_of_its_own(tmp_path: Path) -> None:
    # "Publication Date" (PD) is "SEP" or "DEC 10": the year is in "Publication Year", as
    # in the tab-delimited export's PD and PY columns; since 2025 an early-access record's
    # PD opens with the year ("2025 MAR 17").
    (tmp_path / "savedrecs.csv").write_text(
        "Result Number,Article Title,Abstract,DOI,Publication Date,Publication Year\n"
        "1,Fish recruitment in Lake Erie,Climate and farming shape recruitment.,10.1/a,SEP,2020\n"
        "2,Stream fish in a changing climate,Habitat shifts with warming.,10.1/b,DEC 10,2020\n"
        "3,A teaching hydrology model,A simple model for students.,10.1/c,,2017\n",
        encoding="utf-8",
    )
    (tmp_path / "savedrecs.txt").write_text(
        "PT\tAU\tTI\tAB\tPD\tPY\tDI\n"
        "J\tRiley, WJ\tRadon mitigation\tSub-slab suction cuts radon.\tJAN\t1996\t10.1/d\n"
        "J\tRiley, WJ\tRadon in schools\tRadon is high in schools.\t2025 MAR 17\t2025\t10.1/e\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    dates = ["2020-09", "2020-12-10", "2017", "1996-01", "2025-03-17"]
    assert [p.date for p in corpus.papers] == dates


def test_web_of_science_tables_drop_a_titles_footnote_marker(tmp_path: Path) -> None:
    # Both the tagged and the full-name headers; another CSV's title keeps its '*'. Spaced
    # entities ("Schr & ouml;dinger") are characters.
    (tmp_path / "savedrecs.txt").write_text(
        "PT\tAU\tTI\tAB\tPY\tUT\n"
        "J\tRiley, WJ\tManagerial incentive contracts *\tFirms pay for effort.\t1996\tWOS:1\n"
        "J\tRiley, WJ\tFlares of Sgr A*\tThe black hole flares.\t1996\tWOS:2\n"
        "J\tRiley, WJ\tSchr & ouml;dinger\tSzeg & odblac; limits.\t1996\tWOS:4\n",
        encoding="utf-8",
    )
    (tmp_path / "wos.csv").write_text(
        "Article Title,Abstract,Publication Year,UT (Unique WOS ID)\n"
        "Tax evasion and the firm \u2021,Firms evade taxes.,2020,WOS:3\n",
        encoding="utf-8",
    )
    (tmp_path / "other.csv").write_text(
        "Title,Abstract\nRatings of films *,Viewers rate films.\n", encoding="utf-8"
    )
    corpus = load_papers([tmp_path])
    titles = {p.title for p in corpus.papers}
    assert titles == {
        "Managerial incentive contracts",
        "Flares of Sgr A*",
        "Tax evasion and the firm",
        "Ratings of films *",
        "Schrödinger",
    }
    assert titled(corpus, "Schr").abstract == "Szegő limits."


def test_a_single_author_written_surname_first_is_one_name(tmp_path: Path) -> None:
    # PsycNET, Zotero and Web of Science separate authors with ';', so a paper with one
    # author has none: "Franklin, Martin E." is one name, not "Franklin" and "Martin E.".
    # Rayyan joins names with " and ". Lists of names first (Consensus) or of initials
    # after the surname (Scopus, Embase) keep their commas as separators; the latter are
    # turned round, as litstudy's real Scopus export shows ("Phillips J.C., Braun R.").
    rows = {
        "Franklin, Martin E.": ("Martin E. Franklin",),
        "van der Berg, Jan": ("Jan van der Berg",),
        "Chen, CM": ("CM Chen",),
        "Hao, Jie (57221302630)": ("Jie Hao",),
        # Scopus's full name ends in its author id: one name, whatever its surname's words
        "Morales Vidal, Inés (59900000001)": ("Inés Morales Vidal",),
        "Le Gall, Anne (59900000002)": ("Anne Le Gall",),
        "Smith, John and Lee, Min-Ji": ("John Smith", "Min-Ji Lee"),
        "Murari Mandal, Mohan Kankanhalli": ("Murari Mandal", "Mohan Kankanhalli"),
        "Liu R., Adler D.G.": ("R. Liu", "D.G. Adler"),
        "Del Rosario R.C.H., Jones-Oliveira J.B.": ("R.C.H. Del Rosario", "J.B. Jones-Oliveira"),
        "P. Kogge, J. Shalf": ("P. Kogge", "J. Shalf"),
        "Mary Garner, George Engelhard Jr.": ("Mary Garner", "George Engelhard Jr."),
        "Brown, Catana;Rempfer, Melisa": ("Catana Brown", "Melisa Rempfer"),
        # CiteSource and Rayyan join names with " and ": a surname may be two words
        "Isaac, Fadia and Di Benedetto, Mirella and Gomez Isaza, Daniel F": (
            "Fadia Isaac",
            "Mirella Di Benedetto",
            "Daniel F Gomez Isaza",
        ),
    }
    (tmp_path / "authors.csv").write_text(
        "Title,Authors,Abstract\n"
        + "".join(f'Paper {n},"{names}",Findings of study {n}.\n' for n, names in enumerate(rows)),
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [p.authors for p in corpus.papers] == list(rows.values())


def test_a_web_of_science_single_author_with_two_surnames_is_one_name(tmp_path: Path) -> None:
    # Web of Science's AU and AF always part names with ';': a Spanish single author's two
    # surnames stay one name (Serviciosbibliotecaeafit/Bibliometria WOS/AL_1.txt: AF "Santos
    # Dominguez, Adela Beatriz" was read as "Santos Dominguez" and "Adela Beatriz").
    (tmp_path / "savedrecs.txt").write_text(
        "PT\tAU\tAF\tTI\tSO\tAB\tPY\tUT\n"
        "J\tOrtega, MLR\tRuiz Ortega, Maria Luisa\tOpen courts\tFORO\tWe read rulings.\t2022"
        "\tWOS:1\n"
        "J\tPerez, J; Gomez, A\tSoto Perez, Juan; Gomez, Ana\tClosed courts\tFORO"
        "\tWe read appeals.\t2021\tWOS:2\n"
        "J\tDIAZ LOPEZ, JA\tDIAZ LOPEZ, JA\tOld courts\tFORO\tWe read old rulings.\t1994"
        "\tWOS:3\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [p.authors for p in corpus.papers] == [
        ("Maria Luisa Ruiz Ortega",),
        ("Juan Soto Perez", "Ana Gomez"),
        ("J. A. Diaz Lopez",),
    ]


def test_a_zotero_single_author_with_a_surname_of_words_is_one_name(tmp_path: Path) -> None:
    # Zotero's CSV parts the names of its Author column with "; " always: a single author's
    # surname of several words stays one name (luizfer007pz/Towards-a-Green-Criminology-on-
    # South-America "Exported Items.csv": "Boekhout Van Solinge, Tim" was two authors).
    (tmp_path / "Exported Items.csv").write_text(
        '"Key","Item Type","Publication Year","Author","Title","Abstract Note"\n'
        '"K1","journalArticle","2014","Ter Horst Molina, Ana","Logging","We follow loggers."\n'
        '"K2","journalArticle","2015","Lima, Rui; Sa Carvalho, Ines","Fires","We map fires."\n',
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [p.authors for p in corpus.papers] == [
        ("Ana Ter Horst Molina",),
        ("Rui Lima", "Ines Sa Carvalho"),
    ]


def test_asreview_export_of_a_ris_fed_project_saved_again_by_r() -> None:
    # ASReview keeps rispy's names for the RIS fields it read (primary_title, notes_abstract
    # for N2, first_authors, alternate_title3 for JF); R's write.csv() then writes "NA" in
    # every empty cell and joins names with ", ". Web of Science RIS fields stay glued to
    # the end of the abstract they followed.
    corpus = load("asreview-ris-columns.csv")
    assert len(corpus.papers) == 2
    [skipped] = corpus.skipped  # its abstract is "NA"
    assert skipped.line == 4
    streets = titled(corpus, "Street segments")
    assert streets.authors == ("Adam D Vaughan", "Ashley N Hewitt", "Jan van der Berg")
    assert streets.venue == "Policing: A Journal of Policy & Practice"
    assert streets.date == "2016-06" and streets.url is None
    assert streets.keywords == ("POLICE", "street segments")
    assert streets.abstract.endswith("on very few street segments.")
    assert "NA" not in dict(streets.metadata).values()
    gender = titled(corpus, "Gender and police")
    assert gender.abstract.endswith("differ between men and women.")  # no NR, PU, PI, PA
    assert gender.authors == ("A D Vaughan", "A N Hewitt", "M A Andresen")
    assert gender.keywords == () and gender.doi == "10.1080/10439463.2017.1373110"


def test_ebscohost_cinahl_csv_excel_text_cells_and_glued_month_year() -> None:
    # EBSCOhost's CSV wraps ISSNs and dates in Excel text formulas ('="Jun2023"'), glues
    # the month or season to the year, names the journal "Journal Title" and links each
    # record with its "PLink"; "Subjects" are its headings, after the authors' keywords.
    corpus = load("ebsco-cinahl.csv")
    assert len(corpus.papers) == 3
    growth = titled(corpus, "Bone growth")
    assert (growth.venue, growth.date) == ("PLoS ONE", "2024-04-13")
    assert growth.keywords == ("FEMUR", "DINOSAURS")
    assert growth.authors == ("Kristina Curry Rogers", "Ricardo N. Martínez")
    assert dict(growth.metadata)["ISSN"] == "19326203"
    tracks = titled(corpus, "How to verify")
    assert tracks.date == "2023-06" and tracks.keywords == ("Fossil footprints", "ichnology")
    assert tracks.link.startswith("https://search.ebscohost.com/login.aspx?direct=true")
    assert tracks.abstract == "Two unequivocal trackways are identified."
    assert titled(corpus, "Plumage").date == "2023"


def test_openalex_web_export_csv(tmp_path: Path) -> None:
    # OpenAlex's CSV download names nested fields with dots and joins lists with "|";
    # its reference lists are not kept.
    header = (
        "id,doi,title,display_name,publication_year,publication_date,referenced_works,"
        "primary_location.source.display_name,ids.pmid,abstract,authorships.raw_author_name,"
        "authorships.author.display_name,keywords.display_name\n"
    )
    row = (
        "https://openalex.org/W4387881419,https://doi.org/10.1016/j.cretres.2023.105752,"
        "A bioprovince for charophytes,A bioprovince for charophytes,2024,2024-02-01,"
        "https://openalex.org/W1924086974|https://openalex.org/W1990213721,"
        "Cretaceous Research,https://pubmed.ncbi.nlm.nih.gov/38000001,"
        "Records of charophytes were compiled to map their distribution.,"
        "A. Vicente|J. Sanjuan,Alba Vicente|Josep Sanjuan,Paleontology|Charophyta\n"
    )
    (tmp_path / "works.csv").write_text(header + row, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Alba Vicente", "Josep Sanjuan")
    assert paper.keywords == ("Paleontology", "Charophyta")
    assert (paper.venue, paper.date, paper.pmid) == (
        "Cretaceous Research",
        "2024-02-01",
        "38000001",
    )
    assert paper.doi == "10.1016/j.cretres.2023.105752"
    assert "referenced_works" not in dict(paper.metadata)


def test_openalex_web_export_csv_titled_by_display_name(tmp_path: Path) -> None:
    # OpenAlex's export since 2024 has no "title" column: the work's "display_name" is it.
    header = (
        '"id","abstract","authorships.author.display_name","display_name","doi",'
        '"primary_location.source.display_name","publication_date"\n'
    )
    row = (
        '"https://openalex.org/W4300000001","Charophyte records were mapped.",'
        '"Alba Vicente|Josep Sanjuan","A bioprovince for charophytes",'
        '"https://doi.org/10.1016/j.cretres.2023.105752","Cretaceous Research","2024-02-01"\n'
    )
    (tmp_path / "works.csv").write_text(header + row, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "A bioprovince for charophytes"
    assert "display_name" not in dict(paper.metadata)


def test_a_table_of_bibtex_fields_takes_a_proceedings_venue_from_booktitle(
    tmp_path: Path,
) -> None:
    # A script's table of IEEE Xplore's BibTeX entries (enridaga/survey-multicultural-cs
    # data/ieee.csv: "year,title,author,doi,url,publisher,booktitle,editor,abstract") names
    # a conference paper's venue "booktitle", as the ACM Digital Library's CSV does; a
    # journal's "journal" goes first where a row has both.
    header = "year,title,author,doi,journal,booktitle,abstract\n"
    rows = (
        '2016,Batteries taught abroad,"Diaz, J. and Williams, Arthur",10.1109/VPPC.2016.1,,'
        '2016 IEEE Vehicle Power and Propulsion Conference (VPPC),"Students build chargers."\n'
        '2020,Bridges taught at home,"Lee, K.",10.1109/TE.2020.2,IEEE Transactions on '
        'Education,Proceedings of Nothing,"Students build bridges."\n'
    )
    (tmp_path / "ieee.csv").write_text(header + rows, encoding="utf-8")
    conference, journal = load_papers([tmp_path]).papers
    assert conference.venue == "2016 IEEE Vehicle Power and Propulsion Conference (VPPC)"
    assert journal.venue == "IEEE Transactions on Education"


def test_citavi_tab_delimited_export(tmp_path: Path) -> None:
    # Citavi's names ("Authors, Primary", "Title Primary", "Periodical Full"), its "null"
    # for a given name it lacks, a blank cell as one space, and several links in one cell.
    header = "Authors, Primary\tTitle Primary\tPeriodical Full\tPub Year\tAbstract\tURL\tDOI\t\n"
    row = (
        "van den Hoven,null;Smits,Maarten L. J.\tAngiotensin II and hepatic blood flow\t"
        "Journal of Vascular and Interventional Radiology\t2014\tAngiotensin II raises the "
        "tumor to non-tumor blood flow ratio.\thttps://www.sciencedirect.com/science/article/"
        "pii/S1051044313020757 https://lens.org/152-434-819-130-920\t \t\n"
    )
    (tmp_path / "citavi.tsv").write_text(header + row, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Angiotensin II and hepatic blood flow"
    assert paper.authors == ("van den Hoven", "Maarten L. J. Smits")
    assert (paper.venue, paper.date) == ("Journal of Vascular and Interventional Radiology", "2014")
    assert paper.url == "https://www.sciencedirect.com/science/article/pii/S1051044313020757"


def test_abstrackr_note_line_and_rayyan_glued_ris_fields(tmp_path: Path) -> None:
    # Abstrackr heads the records nobody screened with a line of its own: no record.
    # Rayyan keeps an Embase RIS record's next field glued to its DOI and url.
    abstrackr = (
        "(internal) id,(source) id,pubmed id,keywords,abstract,title,journal,authors\n"
        '1,7,0,"fossil,skull","A new dwarf lambeosaurine is described.\n","A new duckbill",'
        '"Sci Rep","Longrich, N.R.\n and Pereda-Suberbiola, X.\n"\n'
        "citations that are not yet labeled by anyone\n"
        '2,5,0,"","","An erratum","BMC Ecol Evol","Brownstein, C.D.\n"\n'
    )
    (tmp_path / "abstrackr.csv").write_text(abstrackr, encoding="utf-8")
    rayyan = (
        "key,title,year,journal,authors,url,abstract,doi\n"
        'rayyan-1,Dinosaur scales,2024,Nat. Commun.,"Yang, Z. and Jiang, B.",'
        "https://www.embase.com/search/results?id=L2029880245&from=export     U2  - L2029880245,"
        "Fossil feathers changed what we know of skin.,10.1038/s41467-024-48400-3     LK  - "
        "https://utrechtuniversity.on.worldcat.org/atoztitles/link?sid=EMBASE\n"
    )
    (tmp_path / "rayyan.csv").write_text(rayyan, encoding="utf-8")
    corpus = load_papers([tmp_path])
    duckbill = titled(corpus, "A new duckbill")
    assert duckbill.authors == ("N.R. Longrich", "X. Pereda-Suberbiola")
    [skipped] = [s for s in corpus.skipped if s.path.endswith("abstrackr.csv")]
    assert skipped.count == 1 and skipped.line == 7  # the note is no record
    scales = titled(corpus, "Dinosaur scales")
    assert scales.doi == "10.1038/s41467-024-48400-3"
    assert scales.url == "https://www.embase.com/search/results?id=L2029880245&from=export"


def test_embase_spreadsheet_saved_as_csv_keeps_its_query_above_the_header(
    tmp_path: Path,
) -> None:
    # Embase's Excel export opens with its query, a rule and a blank row; saved again as
    # CSV in a ';' locale, the blank row is a line of separators.
    text = (
        "SEARCH QUERY;dinosaur:ti;;;;\n-------------------------------------;;;;;\n;;;;;\n"
        "Title;Author Names;Source title;Date of Publication;Abstract;DOI\n"
        "Dinosaur scales;Yang Z., Jiang B.;Nature Communications;1 Dec 2024;Fossil feathers "
        "changed what we know of skin.;10.1038/s41467-024-48400-3\n"
        "An erratum;Troiano L.P.;Scientific reports;21 Jun 2024;;10.1038/s41598-024-65283-y\n"
    )
    (tmp_path / "embase.csv").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "csv"
    [paper] = corpus.papers
    assert (paper.title, paper.venue, paper.date) == (
        "Dinosaur scales",
        "Nature Communications",
        "2024-12-01",
    )
    assert paper.authors == ("Z. Yang", "B. Jiang")
    [erratum] = corpus.skipped
    assert erratum.line == 6


def test_google_scholar_csv_says_it_has_no_abstracts(tmp_path: Path) -> None:
    text = (
        "Authors,Title,Publication,Volume,Number,Pages,Year,Publisher\n"
        '"Barrett, Paul M; Willis, Katherine J; ",Did dinosaurs invent flowers?,'
        "Biological Reviews,76,3,411-447,2001,Cambridge University Press\n"
    )
    assert "Google Scholar's CSV export has no abstracts" in refusal(tmp_path, "gs.csv", text)


def test_europe_pmc_csv_says_it_has_no_abstracts_and_what_to_do(tmp_path: Path) -> None:
    # Europe PMC's Export as CSV: citations only, its own upper-case column names.
    text = (
        "SOURCE,EXTERNAL_ID,PMCID,DOI,AUTHORS,PUBLICATION_YEAR,PUBLICATION_MONTH,TITLE,"
        "JOURNAL,VOLUME,ISSUE,PAGE_INFO,TIMES_CITED,GRANTS,OPEN_ACCESS,LICENSE,"
        "FIRST_PUB_DATE (dd/mm/yyyy),EMBARGO_DATE (dd/mm/yyyy),IN_EPMC,EPMC_AUTH_MAN\n"
        'MED,1234567,,,"Rossi, M",1975,3,"Posture at work and back pain.","Occup Med",12,'
        '"3","101-9",4,"",N,,1975-03-01,,N,N\n'
    )
    message = refusal(tmp_path, "europepmc.csv", text)
    assert "Europe PMC's CSV export has no abstracts" in message
    assert "resultType=core" in message


def test_lens_csv_without_its_abstract_field_says_what_to_do(tmp_path: Path) -> None:
    # Lens.org writes the fields chosen in its export dialog (mtbrazilll/easy_esg
    # lens-export.csv): without Abstract, citations only.
    text = (
        "Lens ID,Title,Publication Year,Publication Type,Publisher,Source Country,"
        "Fields of Study,Keywords,DOI,Citing Works Count\n"
        "015-351-303-414-606,A compact UHF tag antenna,2020,journal article,MDPI,Switzerland,"
        "Antenna (radio); 5G,5G systems; IoT,10.3390/s20195713,18\n"
    )
    message = refusal(tmp_path, "lens-export.csv", text)
    assert "Lens.org CSV export was made without its Abstract field" in message
    assert "export the results again with Abstract" in message


def test_acm_digital_library_csv_says_it_has_no_abstracts_and_what_to_do(tmp_path: Path) -> None:
    # The ACM Digital Library's CSV export (MarceMMAD/extractor-de-abstracts acm.csv) has
    # no abstract column; it was told "add one".
    text = (
        '"type","id","author","editor","advisor","note","title","pages","article_no",'
        '"num_pages","keywords","doi","journal","issue_date","volume","issue_no",'
        '"description","month","year","issn","booktitle","acronym","edition","isbn",'
        '"conf_loc","publisher","publisher_loc"\n'
        '"article","1000001","Ana  Ruiz and Tom  Hale","","","","Street benches and civic talk",'
        '"11--19","","9","civic engagement, public space","10.1145/1000000.1000001","","","",'
        '"","","","2014","","Proceedings of a Civic Computing Conference","CCC \'14","",'
        '"978-1-0000-0000-0","Leeds, UK","ACM","New York, NY, USA"\n'
    )
    message = refusal(tmp_path, "acm.csv", text)
    assert "the ACM Digital Library's CSV export has no abstracts" in message
    assert "as BibTeX" in message


def test_web_of_science_citation_report_says_it_has_no_abstracts(tmp_path: Path) -> None:
    # Web of Science's citation report saved as savedrecs.txt (ggloor/cv data/savedrecs.txt):
    # a column of citations for each year from 1900; it was told "add one" after its
    # 140 column names.
    years = ",".join(f'"{year}"' for year in range(1900, 2019))
    text = (
        '"Title","Authors","Source Title","Publication Year","DOI","Total Citations",'
        f'"Average per Year",{years}\n'
        '"GAP REPAIR IN FLIES","NASSIF, N; GLOOR, GB","GENETICS","1994","","346","14.42"'
        + ',"0"' * 119
        + "\n"
    )
    message = refusal(tmp_path, "savedrecs.txt", text)
    assert "Web of Science's citation report" in message
    assert "1900" not in message


def test_scielo_search_csv_says_it_has_no_abstracts_and_what_to_do(tmp_path: Path) -> None:
    # SciELO search's CSV export (hexemeister/SciELO_scraper exemplos/2025/search_*.csv) has
    # no abstract column; it was told "add one".
    text = (
        "ID,Title,Author(s),Source,Journal,Language(s),Publication year\n"
        "S0000-00002025000100001-scl,Parques urbanos e sa\u00fade mental,"
        '"Lima, Ana Paula, Souza, Jo\u00e3o Carlos",Revista Exemplo; 49(1); -,Revista Exemplo,'
        '"Portugu\u00eas, Ingl\u00eas",2025\n'
    )
    message = refusal(tmp_path, "search.csv", text)
    assert "SciELO's CSV export has no abstracts" in message
    assert "as RIS" in message


def test_elicit_csv_of_summaries_says_so_and_one_with_abstracts_is_read(tmp_path: Path) -> None:
    header = "Title,Authors,DOI,DOI link,Venue,Citation count,Year,Abstract summary\n"
    row = (
        'Organisational challenges of sustainability reporting,"A. Lai, R. Stacchezzini",'
        "10.1108/MEDAR-02-2021-1199,https://doi.org/10.1108/MEDAR-02-2021-1199,-,57,2021,"
        "The paper discusses the challenges of sustainability reporting.\n"
    )
    message = refusal(tmp_path, "elicit.csv", header + row)
    assert "Elicit's one-sentence 'Abstract summary'" in message
    # With the abstracts shown in Elicit's table, its "-" for an unknown venue is none.
    with_abstracts = header.replace("Abstract summary", "Abstract summary,Abstract")
    row = row.replace("reporting.\n", "reporting.,We interviewed report preparers at ten firms.\n")
    (tmp_path / "elicit.csv").write_text(with_abstracts + row, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == "We interviewed report preparers at ten firms."
    assert paper.venue is None and paper.authors == ("A. Lai", "R. Stacchezzini")


def test_utf8_read_as_cp1252_and_saved_again_is_undone(tmp_path: Path) -> None:
    # A UTF-8 export opened in Excel (or read by R without its encoding) and saved again:
    # every accented letter and sign turned into two or three (asreview/asreview_irr's
    # "Le GÃ©ographe canadien", "Â© 2008 Springer"). Real text with "Ã" stays.
    text = (
        "Title,Authors,Journal,Abstract\n"
        '"A spatial analysis of crime","Andresen, M. A.","Le GÃ©ographe canadien",'
        '"Crime clusters in Vancouverâ€™s tracts. Â© 2008 Springer Science+Business Media."\n'
        '"Crime in SÃO PAULO","Lima, JoÃ£o","Revista","Arrests rose in SÃO PAULO in 2020."\n'
    )
    (tmp_path / "resaved.csv").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path])
    spatial = titled(corpus, "A spatial analysis")
    assert spatial.venue == "Le Géographe canadien"
    assert spatial.abstract == "Crime clusters in Vancouver\u2019s tracts."  # no © line
    sao = titled(corpus, "Crime in")
    assert sao.title == "Crime in SÃO PAULO" and sao.authors == ("João Lima",)


def test_pubmed_csv_says_it_has_no_abstracts_and_which_export_has() -> None:
    with pytest.raises(InputError) as error:
        load("pubmed.csv")
    assert "PubMed's CSV export has no abstracts" in str(error.value)
    assert "Format: PubMed" in str(error.value)


def test_pubmed_csv_with_abstracts_added_ends_no_name_with_its_lists_full_stop(
    tmp_path: Path,
) -> None:
    # A script filled an Abstract column into PubMed's CSV; its Authors cell closes the list
    # with a full stop (jd-coderepos/virology-ai-papers).
    header = "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,DOI,Abstract"
    rows = [
        '1,Owls in burned forest,"Holm A, Reingle Gonzalez JM.",J Birds. 2020;1:1.,Holm A,'
        "J Birds,2020,10.1210/owls.1,We count owls in burned forest over ten years and find"
        " that they come back fast.",
        "2,Owls in unburned forest,Kerr J.,J Birds. 2021;2:2.,Kerr J,J Birds,2021,,We count"
        " owls in unburned forest over ten years and find that they stay.",
        # medRxiv's records under PubMed's names: the last stop is an initial's
        ',Owls in a preprint,"Lee, A. B.; Olson, E.",,,Ecology,2022,,We count owls in a'
        " preprint over ten years and find that they are many.",
    ]
    (tmp_path / "pubmed.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    burned, unburned, preprint = load_papers([tmp_path]).papers
    assert burned.authors == ("Holm A", "Reingle Gonzalez JM")
    assert unburned.authors == ("Kerr J",)
    assert preprint.authors == ("A. B. Lee", "E. Olson")


def refusal(folder: Path, name: str, text: str) -> str:
    """The message loading a folder of one file, `text`, is refused with."""
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_papers([folder])
    return str(error.value)


def test_springerlink_csv_says_it_has_no_abstracts_and_what_to_do(tmp_path: Path) -> None:
    message = refusal(
        tmp_path,
        "SearchResults.csv",
        "Item Title,Publication Title,Book Series Title,Journal Volume,Journal Issue,Item DOI,"
        "Authors,Publication Year,URL,Content Type\n"
        "Deep learning for MALDI-TOF spectra,npj Digital Medicine,,,,10.1038/s41746-026-1,"
        "Chih-Hung WangShu-Yu Tsao,2026,https://link.springer.com/article/10.1038/s41746-026-1,"
        "Article\n",
    )
    assert "SpringerLink's CSV export has no abstracts" in message
    assert "Zotero" in message


def test_the_old_pubmed_sites_csv_says_which_export_has_abstracts(tmp_path: Path) -> None:
    # "Send to: File, CSV" on PubMed before 2020: no abstract column either.
    message = refusal(
        tmp_path,
        "pubmed_result.csv",
        "Title,URL,Description,Details,ShortDetails,Resource,Type,Identifiers,Db,EntrezUID,"
        "Properties\n"
        '"Sleep, shifts, and errors.",/pubmed/30000001,"Ng A, Oduya B.",'
        "J Sleep Res. 2019 Dec;28(6):e1. doi: 10.1000/jsr.2019.34.,J Sleep Res.  2019,"
        "PubMed,citation,PMID:30000001,pubmed,30000001,create date:2019/10/16 | "
        "first author:Ng A\n",
    )
    assert "PubMed's CSV export has no abstracts" in message
    assert "add one" not in message


def test_the_separator_is_the_one_that_names_the_most_columns(tmp_path: Path) -> None:
    # A header with a comma inside one name, in a file separated by semicolons.
    text = "Title;Times Cited, All;Abstract\nA paper;3;" + "We show a thing works. " * 3 + "\n"
    (tmp_path / "a.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "A paper"


def test_lens_csv_authors_links_and_markup_in_abstracts() -> None:
    corpus = load("lens.csv")
    assert len(corpus.papers) == 4  # the fourth row has no abstract
    planning = titled(corpus, "Planning waste reduction")
    assert planning.title == "Planning waste reduction: an optimization approach"
    assert planning.authors == ("Brian W. Baetz", "Eric I. Pas")  # "Author/s"
    assert planning.abstract.startswith("A dynamic programming model")  # no <jats:p>
    assert planning.date == "1989-01-01" and planning.venue == "Waste Management & Research"
    spatial = titled(corpus, "Spatial patterns")
    assert spatial.abstract.startswith("Panel data of 31")  # no "<title>Abstract</title>;"
    economics = titled(corpus, "Behavioral economics")
    assert economics.doi is None
    assert economics.link == "https://ideas.repec.org/p/ags/midagr/10988.html"  # External URL
    assert economics.keywords == ("waste reduction", "public policy")
    amine = titled(corpus, "The use of amine")
    assert amine.abstract.startswith("Amine reclaimer wastes")  # Crossref's glued heading


def test_dimensions_csv_with_its_note_above_the_header() -> None:
    corpus = load("dimensions.csv")
    assert corpus.files[0].format == "csv"
    assert len(corpus.papers) == 3 and not corpus.skipped
    mri = titled(corpus, "Cardiac MRI")
    assert mri.authors == ("Hiroshi Kadowaki", "Junichi Ishida")
    assert (mri.doi, mri.pmid, mri.venue, mri.date) == (
        "10.1536/ihj.21-388",
        "34853231",
        "International Heart Journal",
        "2021-11-29",
    )
    assert mri.keywords == ("Female", "Humans", "Magnetic Resonance Imaging, Cine")
    review = titled(corpus, "Cardiotoxicity in HER2")
    assert review.link == "https://app.dimensions.ai/details/publication/pub.1134365649"


def test_dimensions_csv_headings_glued_to_their_sections_are_set_apart() -> None:
    # Dimensions glues Springer's headings to the first word of their section, and to the
    # stop closing the section before; a heading word inside a name ("MethodsX") stays.
    pilot = titled(load("dimensions.csv"), "A pilot study")
    assert pilot.abstract == (
        "Background: We do not know whether exercise protects the heart during anti-HER2 "
        "therapy (CTRCD). Methods: Twenty women walked for 12 weeks; their ejection "
        "fraction was measured before and after. Results: A mean fall of 2 points was "
        "seen, against 6 in the year before. Rates in MethodsX were alike. Conclusions: "
        "These results justify a randomised trial."
    )


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # Springer's "Current … Reports" print Purpose of Review, Recent Findings and
        # Summary; a table fed by Crossref (CiteSource's export) glues them to the words
        # after them.
        (
            "Purpose of ReviewWildfire smoke harms health.Recent FindingsWe searched MEDLINE "
            "and EMBASE.SummaryThe evidence is limited.",
            "Purpose of Review: Wildfire smoke harms health. Recent Findings: We searched "
            "MEDLINE and EMBASE. Summary: The evidence is limited.",
        ),
        # Environmental Evidence's systematic maps print "Review findings", their protocols
        # "Methods and output"; Dimensions glues them as it glues the others (its RIS, as
        # CiteSource's tests keep it: mjwestgate/synthesisr testdata/citesource_issue_24.ris).
        (
            "BackgroundLight draws birds.MethodsWe searched six databases.Review findingsWe "
            "screened 2,000 articles.Methods and outputThe map lists 490 studies.",
            "Background: Light draws birds. Methods: We searched six databases. Review "
            "findings: We screened 2,000 articles. Methods and output: The map lists 490 "
            "studies.",
        ),
    ],
)
def test_headings_of_review_journals_glued_to_their_sections(
    tmp_path: Path, abstract: str, expected: str
) -> None:
    (tmp_path / "review.csv").write_text(f'title,abstract\nA review,"{abstract}"\n', "utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == expected


def test_key_points_glued_with_their_bullets_are_a_section(tmp_path: Path) -> None:
    # European Radiology's journals close the abstract with a list of key points; Dimensions
    # glues its heading to the first bullet, and each bullet to the sentences around it.
    abstract = (
        "BackgroundWe scanned 24 patients.ConclusionsMRI shows early damage.Key points• "
        "Damage was seen early.• Strain fell more with two drugs• MRI is an option."
    )
    (tmp_path / "d.csv").write_text(f'title,abstract\nA study,"{abstract}"\n', "utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Background: We scanned 24 patients. Conclusions: MRI shows early damage. Key points: "
        "Damage was seen early. Strain fell more with two drugs; MRI is an option."
    )


def test_a_note_above_the_header_needs_a_header_that_names_an_abstract(tmp_path: Path) -> None:
    # A text whose second line happens to hold commas is not a table with a note above it.
    text = "Reading list\nTitle, Year, DOI\n" + "We show that a thing works well. " * 3 + "\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert load_papers([tmp_path]).files[0].format != "csv"


def test_publish_or_perish_csv_venue_link_and_cut_author_lists() -> None:
    corpus = load("publish-or-perish.csv")
    assert len(corpus.papers) == 2
    density = titled(corpus, "New density")
    assert density.authors == ("C Kun\u2010Rodrigues", "J Salmona", "A Besolo")  # no "..."
    assert density.venue == "American Journal of …"  # its "Source"
    survey = titled(corpus, "Extensive survey")
    assert survey.doi is None
    assert survey.link == "https://www.int-res.com/abstracts/esr/v25/n2/p175-183/"  # ArticleURL
    assert not survey.link_is_search


def test_publish_or_perish_dois_google_scholar_took_from_page_links(tmp_path: Path) -> None:
    # Google Scholar reads a DOI off the paper's page link: still escaped as the link had
    # it (a SICI DOI's brackets and colons), or with the page's ".short" suffix (BioOne).
    header = "Cites,Authors,Title,Year,Source,Publisher,ArticleURL,GSRank,DOI,Abstract\n"
    rows = (
        '99,"JL Campbell, JH Eisemann, ...","Description of the gastrointestinal tract of five '
        'lemur species",2000,"American Journal of …","Wiley","https://onlinelibrary.wiley.com/'
        'doi/abs/10.1002/1098-2345%28200011%2952%3A3%3C133%3A%3AAID-AJP2%3E3.0.CO%3B2-%23",15,'
        '"10.1002/1098-2345%28200011%2952%3A3%3C133%3A%3AAID-AJP2%3E3.0.CO%3B2-%23",'
        '"The objective of this project was to better define gastrointestinal morphology."\n'
        '24,"LE Charles-Smith, P Cowen","Outbreaks of Cryptosporidium in Coquerel\'s Sifaka",'
        '2010,"Journal of Zoo and Wildlife …","BioOne","https://bioone.org/journals/x/'
        '10.1638/2009-0160.1.short",4,"10.1638/2009-0160.1.short",'
        '"This population-based, retrospective study examined the susceptibility of a primate."\n'
    )
    (tmp_path / "PoPCites.csv").write_text(header + rows, encoding="utf-8")
    corpus = load_papers([tmp_path])
    lemurs = titled(corpus, "Description of the gastrointestinal")
    assert lemurs.doi == "10.1002/1098-2345(200011)52:3<133::AID-AJP2>3.0.CO;2-#"
    assert (
        lemurs.link
        == "https://doi.org/10.1002/1098-2345(200011)52:3%3C133::AID-AJP2%3E3.0.CO;2-%23"
    )
    assert titled(corpus, "Outbreaks").doi == "10.1638/2009-0160.1"


def test_researchrabbit_zotero_csv_names_each_author_once(tmp_path: Path) -> None:
    # ResearchRabbit writes Zotero's CSV layout with every author twice in a row, the
    # second time now and then spelled another way.
    header = '"Key","Item Type","Publication Year","Author","Title","DOI","Abstract Note"\n'
    rows = (
        '"5AR9MGRD","journalArticle","2007","Paul N. Otto; Paul N. Otto; Annie I. Antón; '
        'Annie I. Antón","Addressing Legal Requirements","10.1109/re.2007.65","Legal texts '
        'are playing an increasingly important role in requirements engineering."\n'
        '"ET6LYDSP","journalArticle","1986","Marek Sergot; Marek Sergot; Robert Kowalski; '
        'Robert A. Kowalski; Frank Kriwaczek; F. Kriwaczek","The British Nationality Act as a '
        'logic program","10.1145/5689.5920","The formalization of legislation provides a rich '
        'domain for testing artificial-intelligence technology."\n'
        '"Q1","journalArticle","2020","Wang, Yi; Wang, Yu; Liu, R.; Liu, R.; Chen, Li; Zhou, '
        'Min","Six authors, two of one name","10.1/six","Two people of one name and initial '
        'stay two in a list that doubles no other name."\n'
    )
    (tmp_path / "ResearchRabbit_Export.csv").write_text(header + rows, encoding="utf-8")
    corpus = load_papers([tmp_path])
    assert titled(corpus, "Addressing").authors == ("Paul N. Otto", "Annie I. Antón")
    assert titled(corpus, "The British").authors == (
        "Marek Sergot",
        "Robert Kowalski",
        "Frank Kriwaczek",
    )
    assert titled(corpus, "Six authors").authors == (
        "Yi Wang",
        "Yu Wang",
        "R. Liu",
        "R. Liu",
        "Li Chen",
        "Min Zhou",
    )


def test_a_number_in_superscript_markup_stays_a_power(tmp_path: Path) -> None:
    # Covidence passes on PubMed's markup: "10 <sup>-4</sup>" is 10 to the -4, and
    # "10<sup>18</sup>" must not read 1018; a footnote's letter stays a letter.
    text = (
        "Title,Authors,Abstract,Published Year,Covidence #\n"
        '"Polygenic risk and neural connectivity","Meyers, J L","Associations were observed '
        "among males (B: 0.15-0.21, p &amp;lt; 10 <sup>-4</sup> ) at r<sup>2</sup> of 0.3, "
        'over 10<sup>18</sup> operations<sup>a</sup>.",2021,#293\n'
    )
    (tmp_path / "review_1_included_csv.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert "p < 10 \u207b\u2074 ) at r\u00b2 of 0.3" in paper.abstract
    assert "over 10\u00b9\u2078 operationsa." in paper.abstract


def test_scopus_full_author_names_lose_their_scopus_ids(tmp_path: Path) -> None:
    text = (
        '"Authors","Author full names","Author(s) ID","Title","Year","Source title","Abstract",'
        '"Source"\n"Hao J.; High R.","Hao, Jie (57221302630); High, Robin (6701683718)",'
        '"57221302630; 6701683718","Visual perturbation and gait","2023","Ergonomics",'
        '"We measure muscle activation while people walk in virtual reality.","Scopus"\n'
    )
    (tmp_path / "scopus.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Jie Hao", "Robin High")
    assert paper.venue == "Ergonomics"  # "Source" is the database here, not the venue


@pytest.mark.parametrize(
    "header",
    [
        '"作者","Author full names","作者 ID","文献标题","年份","来源出版物名称","链接","摘要",'
        '"作者关键字","索引关键字"',
        '"著者名","Author full names","著者ID","文献タイトル","出版年","出版物名","リンク","抄録",'
        '"著者キーワード","索引キーワード"',
        '"著者名","Author full names","著者ID","タイトル","出版年","出版物名","リンク","抄録",'
        '"著者キーワード","索引キーワード"',
        '"Автор (ы)","Author full names","Идентификатор автора(ов)","Название документа","Год",'
        '"Название источника","Ссылка","Краткое описание","Ключевые слова автора",'
        '"Ключевые слова указателя"',
    ],
    ids=["chinese", "japanese", "japanese-before-2022", "russian"],
)
def test_scopus_in_another_language_names_its_columns_so(tmp_path: Path, header: str) -> None:
    # Scopus's interface in Chinese, Japanese or Russian exports the columns so, "Author full
    # names" left in English (sitdownkevin/RefTool data/scopus.csv: it was read as lines of
    # text; lutelute/scopus-literature-visualization GFM_rev/scopus_gfm_rev.csv and
    # akbooo/scopus_sdu, its CSV of 2025: refused as exported without abstracts). The Japanese title
    # column was "タイトル" before 2022.
    text = (
        header + "\n"
        '"Zhao Y.","Zhao, Yandong (53265341800)","53265341800","Inflation in virtual worlds",'
        '"2011","AIMSEC 2011 - Proceedings","https://www.scopus.com/inward/record.uri?eid=2-s2.0-1",'
        '"Virtual currency is a new means of payment. We ask whether it can lead to inflation in '
        'the real world. © 2011 IEEE.","Inflation; Virtual currency","Electronic commerce"\n'
    )
    (tmp_path / "scopus.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Inflation in virtual worlds"  # a table's row, not a line of text
    assert paper.abstract.endswith("lead to inflation in the real world.")
    assert (paper.authors, paper.venue, paper.date) == (
        ("Yandong Zhao",),
        "AIMSEC 2011 - Proceedings",
        "2011",
    )
    assert paper.keywords == ("Inflation", "Virtual currency")  # the authors', as in English
    assert paper.url == "https://www.scopus.com/inward/record.uri?eid=2-s2.0-1"
    assert paper.metadata == ()  # the Scopus author ids are not kept


def test_cnki_excel_export_saved_as_csv(tmp_path: Path) -> None:
    # CNKI's export to Excel with its fields chosen ("selfDefine", the columns its scrapers
    # ask for: SrcDatabase-来源库,Title-题名,…,DOI-DOI), saved as CSV: it was read as text.
    text = (
        "SrcDatabase-来源库,Title-题名,Author-作者,Organ-单位,Source-文献来源,Keyword-关键词,"
        "Summary-摘要,PubTime-发表时间,Year-年,URL-网址,DOI-DOI\n"
        "期刊,城市绿地的降温效应,李明;王芳;,南京林业大学;,生态学杂志,城市绿地;降温效应,"
        '"绿地面积越大降温越明显,形状越规则降温范围越小。",2021-03-15,2021,'
        "https://kns.cnki.net/kcms/detail/detail.aspx?FileName=STXZ202103012,"
        "10.13292/j.1000-4890.2021.03.012\n"
        "期刊,行道树养护管理标准,,,园林,行道树,<正>本文件规定了行道树养护管理的基本要求。,"
        "2021-01-12,2021,,\n"
    )
    (tmp_path / "CNKI.csv").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert (paper.title, paper.authors) == ("城市绿地的降温效应", ("李明", "王芳"))
    assert (paper.venue, paper.date, paper.doi) == (
        "生态学杂志",
        "2021-03-15",
        "10.13292/j.1000-4890.2021.03.012",
    )
    assert paper.keywords == ("城市绿地", "降温效应")
    assert ("SrcDatabase-来源库", "期刊") in paper.metadata
    assert "南京林业大学" not in str(paper.metadata)  # addresses are not kept
    [opening] = corpus.skipped  # "<正>": the article's opening lines, no abstract
    assert (opening.line, opening.excerpt) == (3, "行道树养护管理标准")


def test_web_of_science_biosis_and_medline_tables(tmp_path: Path) -> None:
    # Web of Science's other databases, saved as "Tab-delimited (Mac)" (CR line ends): BIOSIS
    # writes an author's e-mail in brackets after the name; its MEDLINE glues the copyright
    # line to the front of the abstract (elizagrames/litsearchr inst/extdata/borealis).
    (tmp_path / "biosis.txt").write_bytes(
        b"PT\tUT\tTI\tAU\tSO\tPY\tAB\r"
        b"J\tBIOSIS:PREV1\tOwls in burned forest\tHolm, Ann B. (ab@uni.edu) ; Kerr, Jo\t"
        b"J BIRDS\t2018\tWe count owls in burned forest over ten years.\r"
    )
    (tmp_path / "medline.txt").write_bytes(
        b"PT\tAN\tTI\tAU\tSO\tPY\tAB\tUT\r"
        b"J\t29782655\tOwls in unburned forest.\tHolm, Ann B\tJ Birds\t2018\t"
        b"\xc2\xa9 2018 The Authors. J Birds \xc2\xa9 2018 Bird Society.We count owls in"
        b" unburned forest.\tMEDLINE:29782655\r"
    )
    corpus = load_papers([tmp_path])
    biosis, medline = sorted(corpus.papers, key=lambda p: p.title)
    assert biosis.authors == ("Ann B. Holm", "Jo Kerr")
    assert medline.abstract == "We count owls in unburned forest."
    assert (biosis.pmid, medline.pmid) == (None, "29782655")  # MEDLINE's UT


def only_paper(path: Path, header: str, row: str) -> Paper:
    """The one paper of a table of a header and one row, saved at path."""
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    [paper] = load_papers([path]).papers
    return paper


def test_a_bibliometrix_data_frame_saved_by_r_is_read_by_its_tags(tmp_path: Path) -> None:
    # bibliometrix keeps a PubMed search as Web of Science's tags, in capitals, with columns
    # of its own ("SR", "AU_UN", "PY_IS") and none "PT"; R's write.csv() adds its row names
    # under an empty name (wiryadana/Endocrine_COVID_pandemic pubmed.csv).
    header = '"","AU","AF","TI","SO","DE","AB","PY","PY_IS","DI","PMID","DB","AU_UN","SR"'
    row = (
        '"HOLM A, 2021, J BIRDS","HOLM A;KERR J","HOLM, ANN B;KERR, JO","OWLS IN BURNED'
        ' FOREST.","JOURNAL OF BIRDS","OWLS;FIRE","WE COUNT OWLS IN BURNED FOREST OVER TEN'
        ' YEARS.",2021,"2021","10.1210/owls.1","34008009","PUBMED",NA,"HOLM A, 2021, J BIRDS"'
    )
    paper = only_paper(tmp_path / "pubmed.csv", header, row)
    assert paper.abstract == "WE COUNT OWLS IN BURNED FOREST OVER TEN YEARS."
    assert paper.authors == ("Ann B. Holm", "Jo Kerr")
    assert (paper.doi, paper.pmid, paper.date) == ("10.1210/owls.1", "34008009", "2021")
    assert paper.venue == "Journal of Birds" and paper.keywords == ("OWLS", "FIRE")


def test_web_of_science_all_databases_table_is_not_read_as_ovids(tmp_path: Path) -> None:
    # Web of Science's tab-delimited export from all its databases has a VN column, as Ovid's
    # CSV has, and AU twice (Mohammad-Abazari/pavement_defect_analysis savedrecs.txt).
    (tmp_path / "savedrecs.txt").write_text(
        "PT\tAU\tBE\tAU\tTI\tSO\tVN\tDI\tPD\tPY\tAB\tUT\n"
        "J\tVarga, Ilona; Petit, Remi\t\t\tGravel roads after rain\tROAD SCIENCE\t\t"
        "10.1234/gr\tMAY 2019\t2019\tWe measure ruts on gravel roads after heavy rain.\t"
        "WOS:1\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Ilona Varga", "Remi Petit")
    assert (paper.doi, paper.venue, paper.date) == ("10.1234/gr", "Road Science", "2019-05")


def test_medrxivr_results_date_written_as_one_number(tmp_path: Path) -> None:
    # R's medrxivr keeps a preprint's date as a number, and write.csv2() saves it so
    # (abannachbrown/MedrxivBiorxivSearches medrxivResults.csv).
    header = '"ID";"title";"abstract";"authors";"date";"category";"doi";"version"'
    row = (
        '25;"Owls in burned forest";"Background: We count owls in burned forest over ten'
        ' years and find that they come back fast.";"Holm, A. B.; Kerr, J.";20190715;'
        '"Ecology";"10.1101/19001024";"2"'
    )
    assert only_paper(tmp_path / "medrxivResults.csv", header, row).date == "2019-07-15"


def test_medrxivr_results_link_to_the_preprints_page_and_give_its_category(
    tmp_path: Path,
) -> None:
    # medrxivr's link_page is the preprint's page and its category the subject area; both
    # were kept only as metadata (abannachbrown/MedrxivBiorxivSearches medrxivResults.csv).
    header = '"ID";"title";"abstract";"date";"category";"doi";"link_page";"link_pdf"'
    row = (
        '25;"Owls in burned forest";"We count owls in burned forest over ten years and find '
        'that they come back fast.";20190715;"Ecology";"10.1101/19001024";'
        '"https://www.medrxiv.org/content/10.1101/19001024v2";'
        '"https://www.medrxiv.org/content/10.1101/19001024v2.full.pdf"'
    )
    paper = only_paper(tmp_path / "medrxivResults.csv", header, row)
    assert paper.url == "https://www.medrxiv.org/content/10.1101/19001024v2"
    assert paper.keywords == ("Ecology",)


def test_a_table_of_medrxiv_records_loses_highwires_marks(tmp_path: Path) -> None:
    # A medRxiv abstract keeps HighWire's marks in any table of its records: list items as
    # "O_LI…C_LI", characters by name (jd-coderepos/virology-ai-papers, abannachbrown/
    # MedrxivBiorxivSearches).
    header = "title,abstract,authors,date,doi"
    row = (
        'Owls in burned forest,"Key Points: Our approach has two features:\n\nO_LIWe count'
        ' {beta}-owls.\nC_LIO_LIWe count them again after ten years.\nC_LI",Holm A,'
        "2020-01-01,10.1101/2020.01.01.20000001"
    )
    paper = only_paper(tmp_path / "medrxiv.csv", header, row)
    assert paper.abstract == (
        "Key Points: Our approach has two features: We count \u03b2-owls. We count them again"
        " after ten years."
    )


def test_web_of_science_tab_delimited_cells_are_never_quoted(tmp_path: Path) -> None:
    # WoS writes quotation marks as text: a title opening with one keeps it, and an abstract
    # with a quotation mark never closed does not swallow the records after it.
    header = "PT\tAU\tTI\tSO\tAB\tPY\tDI\tUT\n"
    rows = [
        [
            "J",
            "Ng, A",
            '"Hot" hands in basketball shooting',
            "J STAT",
            "We test the hot hand "
            "belief with shot data from two seasons and find a small streak effect.",
            "2020",
            "10.1/a",
            "WOS:1",
        ],
        [
            "J",
            "Oduya, B",
            "Scare quotes in science writing",
            "J COMMUN",
            '"Sharing is caring, '
            "goes a saying we test with survey data from two countries and a field study.",
            "2021",
            "10.1/b",
            "WOS:2",
        ],
        [
            "J",
            "Kim, C",
            "A third paper after the quote",
            "J THIRD",
            "We show that the third "
            "record of this file is read as a paper of its own and nothing is lost.",
            "2022",
            "10.1/c",
            "WOS:3",
        ],
    ]
    text = header + "".join("\t".join(row) + "\n" for row in rows)
    (tmp_path / "savedrecs.txt").write_text(text, encoding="utf-8")
    papers = load_papers([tmp_path]).papers
    assert [p.title for p in papers] == [
        '"Hot" hands in basketball shooting',
        "Scare quotes in science writing",
        "A third paper after the quote",
    ]
    assert papers[1].abstract.startswith('"Sharing is caring')


def test_web_of_science_tab_delimited_saved_again_by_a_spreadsheet_is_unquoted(
    tmp_path: Path,
) -> None:
    # Excel's "Text (Tab delimited)" quotes each cell holding a comma or a quotation mark,
    # doubling the marks inside: the authors of every record, a title with a comma, most
    # abstracts. Those quotation marks are no part of the text.
    header = "PT\tAU\tAF\tTI\tSO\tLA\tAB\tPY\tDI\tUT\n"
    row = [
        "J",
        '"Lind, AB; Okafor, C"',
        '"Lind, Anna B.; Okafor, Chidi"',
        '"Bells, clocks and school days: a study of timetables"',
        "J SCHOOL HIST",
        "English",
        '"We read the timetables of ten schools, kept from 1900 to 1950. Pupils called the '
        'last bell ""the freedom bell"" in every school we read."',
        "2019",
        "10.1/bells",
        "WOS:000000000000001",
    ]
    (tmp_path / "savedrecs.txt").write_text(header + "\t".join(row) + "\n", encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Bells, clocks and school days: a study of timetables"
    assert paper.authors == ("Anna B. Lind", "Chidi Okafor")
    assert paper.abstract == (
        "We read the timetables of ten schools, kept from 1900 to 1950. Pupils called the "
        'last bell "the freedom bell" in every school we read.'
    )


def test_scopus_csv_without_its_abstract_column_says_what_to_tick(tmp_path: Path) -> None:
    text = (
        '"Authors","Author full names","Title","Year","Source title","DOI","Link",'
        '"Document Type","Source","EID"\n"Sheard J.; Malmi L.","Sheard, Judy (7003718377); '
        'Malmi, Lauri (6603317699)","Pair programming as a pedagogical practice","2025",'
        '"CompEd 2025","10.1145/3736181.3747142","https://www.scopus.com/x","Conference paper",'
        '"Scopus","2-s2.0-105021400535"\n'
    )
    (tmp_path / "scopus.csv").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    assert "Scopus exported this file without abstracts" in str(error.value)
    assert "tick 'Abstract'" in str(error.value)


# Scopus of 2019 with "Source title" and "EID" unticked as well as "Abstract"; it numbers
# its funding columns.
SCOPUS_2019 = (
    "Authors,Title,Year,Cited by,DOI,Link,Affiliations,Authors with affiliations,"
    "Author Keywords,Funding Text 1,Funding Text 2,Correspondence Address,PubMed ID,"
    'Access Type\n"Zhao L., Toga A.W.","Age-Related Differences in Brain Morphology",2019,,'
    '"10.1093/cercor/bhy300","https://www2.scopus.com/inward/record.uri?eid=2-s2.0-85072057420'
    '","Laboratory of Neuro Imaging","Zhao, L., Laboratory of Neuro Imaging","aging; brain '
    'morphology","Supported by the NIH (P41EB015922).",,"Zhao, L.; email: l@x.edu",'
    '"30535294",Open Access\n'
)


def test_scopus_csv_with_less_ticked_still_says_it_is_scopus(tmp_path: Path) -> None:
    message = refusal(tmp_path, "scopus.csv", SCOPUS_2019)
    assert "Scopus exported this file without abstracts" in message


def test_scopus_csv_with_five_columns_is_told_by_its_record_links(tmp_path: Path) -> None:
    # Scopus with only Authors, Title, Year, DOI and Link ticked (danimelsz/resins
    # scopus.csv): its header names no column of Scopus's own, its rows link to Scopus.
    text = (
        "Authors,Title,Year,DOI,Link\n"
        '"Okafor C., Lind A.B.","Resin foraging of stingless bees",2023,"10.1000/bees.1",'
        '"https://www.scopus.com/inward/record.uri?eid=2-s2.0-1&partnerID=40"\n'
    )
    message = refusal(tmp_path, "scopus.csv", text)
    assert "Scopus exported this file without abstracts" in message
    (tmp_path / "other").mkdir()
    other = refusal(tmp_path / "other", "refs.csv", text.replace("scopus.com", "example.org"))
    assert "has no 'abstract' column" in other


def test_scopus_numbered_funding_columns_are_not_kept(tmp_path: Path) -> None:
    text = SCOPUS_2019.replace("Access Type\n", "Access Type,Abstract\n").replace(
        "Open Access\n", 'Open Access,"We relate brain morphology to age in 20,000 adults."\n'
    )
    (tmp_path / "scopus.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.pmid == "30535294"
    assert [name for name, _ in paper.metadata if name.startswith("Funding")] == []


def test_a_pubmed_page_in_the_url_column_gives_the_pmid(tmp_path: Path) -> None:
    # Rayyan's CSV layout: no PMID column, the record's PubMed page as its url.
    text = (
        "key,title,authors,year,url,abstract,notes,doi,keywords\n"
        '5,Text extraction for pathology records.,"SooJeong Ko,Sunghyeon Park",2023,'
        'https://pubmed.ncbi.nlm.nih.gov/37203701/,"We built a system that extracts data '
        'from pathology records step by step, and tested it on two cancer cohorts.",,,'
        "Humans;NLP;\n"
    )
    (tmp_path / "rayyan.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.pmid == "37203701"
    assert paper.authors == ("SooJeong Ko", "Sunghyeon Park")
    assert paper.keywords == ("Humans", "NLP")


@pytest.mark.parametrize(
    ("name", "mark"),
    [("scopus.csv", ""), ("scopus.csv", "\ufeff"), ("wos-tab.txt", "\ufeff")],
)
def test_exports_joined_into_one_file_read_each_header_as_a_header(
    tmp_path: Path, name: str, mark: str
) -> None:
    # Scopus exports 2,000 rows at a time, Web of Science 500: the files joined with `cat`
    # repeat the header (with its byte-order mark) where each export starts.
    alone = load(name)
    export = (FIXTURES / name).read_text(encoding="utf-8-sig")
    (tmp_path / name).write_text("\ufeff" + export + mark + export, encoding="utf-8")
    corpus = load_papers([tmp_path / name])
    assert corpus.files[0].records == 2 * alone.files[0].records  # no header read as a row
    assert [p.title for p in corpus.papers] == [p.title for p in alone.papers]
    assert len(corpus.skipped) == len(alone.skipped)


def test_zotero_csv_pmid_from_extra(tmp_path: Path) -> None:
    # Zotero's PubMed import keeps the PMID (and PMCID) in Extra, a "Name: value" a line.
    (tmp_path / "zotero.csv").write_text(
        '"Key","Item Type","Publication Year","Author","Title","Url","Abstract Note","Extra"\n'
        '"ZX9KQ2LM","journalArticle","2022","Mazurek, Jiří","Monte Carlo weights","",'
        '"We show how robust a ranking of alternatives is when the weights of the criteria '
        'are drawn at random.","PMID: 36206242\nPMCID: PMC9543651"\n'
        '"QW3ER5TY","journalArticle","2021","Ng, A","Decision aids","","We measure how often '
        'clinicians follow a decision aid in practice after a short training session.",'
        '"Publisher: BMJ"\n',
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path / "zotero.csv"])
    assert [p.pmid for p in corpus.papers] == ["36206242", None]
    assert corpus.papers[0].link == "https://pubmed.ncbi.nlm.nih.gov/36206242/"


def test_zotero_csv_links_an_item_without_url_to_its_linked_page(tmp_path: Path) -> None:
    # Zotero keeps a library catalogue's record of a book (brn5144/brisrepo My Library.csv,
    # Penn State's Blacklight) or ERIC's of a paper as a link attachment, its Url empty.
    (tmp_path / "zotero.csv").write_text(
        '"Key","Item Type","Publication Year","Author","Title","Url","Abstract Note",'
        '"Link Attachments"\n'
        '"AB12CD34","book","2011","Marsh, Ida","Portraits of the painter","","This book '
        'accompanies an exhibition of the portraits and self-portraits of the painter.",'
        '"https://catalog.example.edu/catalog/7518119"\n'
        '"EF56GH78","journalArticle","2010","Okafor, Ada","Reading at home","","We follow '
        '200 families and show that reading aloud at home predicts vocabulary at school.",'
        '"http://eric.ed.gov/?id=EJ000001; https://files.eric.ed.gov/fulltext/EJ000001.pdf"\n',
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path / "zotero.csv"])
    assert [p.link for p in corpus.papers] == [
        "https://catalog.example.edu/catalog/7518119",
        "http://eric.ed.gov/?id=EJ000001",
    ]


def test_scopus_csv_before_2020_names_surname_comma_initials(tmp_path: Path) -> None:
    # Scopus's CSV wrote "Surname, I.I., Surname, I." until 2020: the commas inside a name
    # and between names are the same, so a surname and the initials after it are one name.
    (tmp_path / "scopus.csv").write_text(
        "Authors,Title,Year,Source title,DOI,Abstract,Author Keywords,EID\n"
        '"Gatica, G.N., Sequeira, F.A., de la Cruz, M.-C.","A posteriori error analysis",'
        '2015,"Journal of Scientific Computing",10.1007/s10915-015-0001-1,'
        '"We derive a reliable and efficient residual-based a posteriori error estimator '
        'for a mixed finite element method. © 2015 Springer.","a posteriori; mixed",'
        "2-s2.0-1\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "scopus.csv"]).papers
    assert paper.authors == ("G.N. Gatica", "F.A. Sequeira", "M.-C. de la Cruz")


def test_scopus_csv_of_the_2010s_has_its_ampersands_written_as_entities(tmp_path: Path) -> None:
    # Scopus CSV of the mid-2010s (no quotes on some cells, "Koriat, A." authors) wrote '&' as
    # '&amp;' in its venue, title and abstract cells; an '&' that opens no entity stays.
    (tmp_path / "s.csv").write_text(
        "Authors,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,"
        "Page count,Cited by,DOI,Link,Abstract,Document Type,Source,EID\n"
        '"Dunlosky, J., Nelson, T.O.","Cue &amp; test: judgments of learning (JOL)",1992,'
        '"Memory &amp; Cognition","20","4",,"374","380",,163,10.3758/BF03210921,'
        '"https://www.scopus.com/inward/record.uri?eid=2-s2.0-0026704750",'
        '"Judgments of learning were made by students &#8211; immediately or after a delay. '
        'R&D teams &notes stay as written.",Article,Scopus,2-s2.0-0026704750\n',
        encoding="utf-8",
    )
    paper = load_papers([tmp_path]).papers[0]
    assert paper.venue == "Memory & Cognition"
    assert paper.title == "Cue & test: judgments of learning (JOL)"
    assert paper.abstract == (
        "Judgments of learning were made by students \u2013 immediately or after a delay. "
        "R&D teams &notes stay as written."
    )
    assert paper.authors == ("J. Dunlosky", "T.O. Nelson")


def test_dates_excel_rewrote_as_month_day_year_are_iso(tmp_path: Path) -> None:
    # A Zotero CSV opened and saved again in Excel (seen in dam-runner/PaperQA_UI's
    # zotero.csv) has its Date cells in the locale's short form: "2/13/2023" tells the file
    # writes month first, so "6/4/2023" is 4 June; a file whose dates never tell keeps only
    # each date's year.
    header = "Key,Item Type,Publication Year,Author,Title,Abstract Note,Date,Date Added\n"
    rows = [
        'A1,preprint,2023,"Nguyen, Khai",Like a bilingual baby,Grounding helps.,'
        "2/13/2023,4/11/2024 23:01\n",
        'A2,journalArticle,2023,"Kwon, Yoohwan",MoLE,Experts mix.,6/4/2023,4/10/2024 16:07\n',
    ]
    (tmp_path / "us.csv").write_text(header + "".join(rows), encoding="utf-8")
    (tmp_path / "unsure.csv").write_text(header + rows[1].replace("A2", "A3"), encoding="utf-8")
    corpus = load_papers([tmp_path / "us.csv"])
    assert [p.date for p in corpus.papers] == ["2023-02-13", "2023-06-04"]
    [unsure] = load_papers([tmp_path / "unsure.csv"]).papers
    assert unsure.date == "2023"


def test_a_scopus_search_api_table_without_abstracts_says_how_to_get_them(tmp_path: Path) -> None:
    # pybliometrics' ScopusSearch results saved as CSV (seen in TnTo/mainstream's and
    # mcguinlu/COVID_suicide_living's scopus.csv) name their columns as the Scopus Search
    # API does, and hold no abstract.
    header = "@_fa,prism:url,dc:identifier,eid,dc:title,dc:creator,prism:publicationName,"
    header += "prism:coverDate,prism:doi,citedby-count,pubmed-id"
    row = (
        "true,https://api.elsevier.com/content/abstract/scopus_id/85146268564,"
        "SCOPUS_ID:85146268564,2-s2.0-85146268564,Social unrest and corporate behaviour,"
        "Ghosh S.,Journal of Economic Asymmetries,2023-06-01,10.1016/j.jeca.2023.e00289,0,"
    )
    (tmp_path / "standard.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"Scopus Search API results .* scopus\.com"):
        load_papers([tmp_path / "standard.csv"])


def test_pybliometrics_scopus_search_results_read_their_description_as_the_abstract(
    tmp_path: Path,
) -> None:
    # pybliometrics' ScopusSearch results (its COMPLETE view) as pandas saves them (seen in
    # quinfer/encing's scopus.csv): the namedtuple's field names, pandas' unnamed index
    # first, the abstract in "description". The file was refused: "no 'abstract' column".
    header = (
        ",eid,doi,title,creator,author_names,coverDate,coverDisplayDate,publicationName,"
        "description,authkeywords,citedby_count"
    )
    row = (
        "0,2-s2.0-85000000001,10.9999/jfe.2023.4,Rainfall and the price of crop insurance,"
        'Moyo T.,"Moyo, Tendai;Lindqvist, Anna",2023-10-01,October 2023,'
        'Journal of Farm Economics,"We estimate how rainfall forecasts move the price of crop '
        'insurance across 40 districts and find that premiums follow forecasts within a week.",'
        "crop insurance | rainfall | pricing,3"
    )
    paper = only_paper(tmp_path / "scopus.csv", header, row)
    assert paper.title == "Rainfall and the price of crop insurance"
    assert paper.abstract.startswith("We estimate how rainfall forecasts move")
    assert paper.authors == ("Tendai Moyo", "Anna Lindqvist")
    assert paper.venue == "Journal of Farm Economics"
    assert paper.date == "2023-10-01"
    assert paper.doi == "10.9999/jfe.2023.4"
    assert paper.keywords == ("crop insurance", "rainfall", "pricing")


def test_a_cell_longer_than_the_csv_modules_limit_keeps_its_record(tmp_path: Path) -> None:
    # Zotero's Notes column holds whole notes; one over the csv module's 131,072-character
    # limit lost its record ("unreadable CSV row").
    abstract = (
        "We measure how long notes grow in reference managers and find that a few hold most "
        "of the text."
    )
    path = tmp_path / "zotero.csv"
    path.write_text(
        '"Item Type","Title","Abstract Note","Notes"\n'
        f'"journalArticle","Long notes","{abstract}","{"note " * 40_000}"\n',
        encoding="utf-8",
    )
    [paper] = load_papers([path]).papers
    assert (paper.title, paper.abstract) == ("Long notes", abstract)


def test_a_text_line_longer_than_the_csv_modules_limit_is_no_header(tmp_path: Path) -> None:
    # Sniffing reads the first lines as a CSV header: one whose cell held 140,000 characters
    # made the csv module raise and the whole load fail.
    path = tmp_path / "pasted.txt"
    abstract = (
        "We measure how long lines grow in pasted notes and find that a few hold most of "
        "the text of each file."
    )
    path.write_text(f"Notes, {'x' * 140_000}\n\n{abstract}\n", encoding="utf-8")
    limit = csv.field_size_limit(131_072)  # the module's default, as in a fresh process
    try:
        corpus = load_papers([path])
    finally:
        csv.field_size_limit(limit)
    assert abstract in [p.abstract for p in corpus.papers]


def test_a_source_citation_with_a_million_spaces_is_read(tmp_path: Path) -> None:
    # Fuzzing put a million spaces into an Embase "Source" cell: the citation's pattern tried
    # each space as the venue's end and scanned the run again from it, and the load never
    # finished (40,000 spaces: 6 s). The spaces are one gap, as anywhere else.
    table = (FIXTURES / "embase.csv").read_text(encoding="utf-8-sig")
    spaced = table.replace(
        "Endoscopic Ultrasound (2014)", f"Endoscopic{' ' * 1_000_000}Ultrasound (2014)"
    )
    (tmp_path / "records.csv").write_text(spaced, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert (paper.venue, paper.date) == ("Endoscopic Ultrasound", "2014")


def test_scopus_csv_without_its_doi_takes_it_from_its_record_link(tmp_path: Path) -> None:
    # Scopus's CSV with no DOI (its Chinese interface's export has no DOI column,
    # sitdownkevin/RefTool data/scopus.csv; an older export leaves the cell empty) still
    # gives the DOI in its record link, escaped: the paper had no doi.org link and was two
    # papers with the same paper from another database.
    link = (
        "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85078285406"
        "&doi=10.1007%2f978-3-030-30738-7_2&partnerID=40&md5=f7fd49f03e47b125fb7ba926c961cdb1"
    )
    text = (
        '"Authors","Title","Year","DOI","Link","Abstract","Source"\n'
        f'"Mbarek S.","Are virtual currencies virtuous?","2019","","{link}",'
        '"We weigh the ethical and environmental issues of virtual currencies. © 2019 Springer.",'
        '"Scopus"\n'
    )
    (tmp_path / "scopus.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.doi == "10.1007/978-3-030-30738-7_2"
    assert paper.url == link
    (tmp_path / "other.ris").write_text(
        "TY  - CHAP\nTI  - Are virtual currencies virtuous? Ethical and environmental issues\n"
        "AU  - Mbarek, Sondes\n"
        "DO  - 10.1007/978-3-030-30738-7_2\nAB  - Virtual currencies raise ethical and "
        "environmental issues, which this chapter weighs one by one.\nER  - \n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers  # one paper, merged on its DOI
    assert len(paper.sources) == 2
    # Unescaped, the DOI still ends before the link's next parameter.
    unescaped = (
        "https://www.scopus.com/inward/record.uri?eid=2-s2.0-1&doi=10.1109/ICPPW.2006.35&md5=6"
    )
    assert parse_doi(unescaped) == "10.1109/ICPPW.2006.35"


def test_a_csv_of_a_header_and_no_rows_says_so(tmp_path: Path) -> None:
    # An export of an empty selection: the header row alone (twice, as two such exports
    # joined). Beside other files it is no error, but it is never passed over in silence.
    header = '"Key","Item Type","Title","Abstract Note","DOI"\n'
    (tmp_path / "empty.csv").write_text(header + "\n" + header, encoding="utf-8")
    (tmp_path / "one.csv").write_text(
        header + '"K1","journalArticle","Ranks","We show how robust a ranking of alternatives '
        'is when the weights of the criteria are drawn at random.",""\n',
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert len(corpus.papers) == 1
    [skipped] = corpus.skipped
    assert skipped.path.endswith("empty.csv") and skipped.line == 1
    assert "a header row and no records under it" in skipped.reason
    with pytest.raises(InputError, match=r"empty\.csv:1: a header row and no records"):
        load_papers([tmp_path / "empty.csv"])


def test_a_record_link_nesting_thousands_of_record_links_is_read_without_recursion(
    tmp_path: Path,
) -> None:
    # Fuzzing: a damaged link holding a record link in its DOI parameter, and that one
    # another, 3,000 deep, was read by one call per link, and the file sank with a
    # RecursionError. The DOI is still the innermost link's.
    link = "https://www.scopus.com/inward/record.uri?doi=10.1234%2f" * 3000 + "x"
    (tmp_path / "scopus.csv").write_text(
        '"Title","DOI","Link","Abstract"\n'
        f'"Are virtual currencies virtuous?","","{link}",'
        '"We weigh the ethical and environmental issues of virtual currencies."\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.doi == "10.1234/x"
    assert parse_doi("http://a.org/?doi=10.1000%2fhttp://b.org/?doi=10.2000%2fy") == "10.2000/y"


def test_asreview_export_with_run_in_background_and_objectives(tmp_path: Path) -> None:
    # ASReview's export of a PubMed set: Cureus runs "Background and objectives" into its
    # first sentence as it runs "Methods" and "Results" into theirs.
    header = "record_id,pmid,title,abstract,included,asreview_ranking\n"
    row = (
        '853,35974871,"Oat bars and milk output","Background and objectives Nutrition '
        "matters after birth. Methods A randomized study was run. Results Output rose. "
        'Conclusion Bars help.",1,4\n'
    )
    (tmp_path / "asreview.csv").write_text(header + row, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Background and objectives: Nutrition matters after birth. Methods: A randomized "
        "study was run. Results: Output rose. Conclusion: Bars help."
    )


def test_columns_that_all_open_with_one_word_are_read_by_the_rest(tmp_path: Path) -> None:
    # A Google Scholar scrape's table names each column "scholar_title", "scholar_abstract"
    # ...: without that word the names are those digest knows.
    (tmp_path / "scholar_results.csv").write_text(
        "scholar_id,scholar_title,scholar_year,scholar_abstract,scholar_authors\n"
        '7,"Bees, wind, and flowers",2020,"Wind keeps bees from flowers on open hills …",'
        '"AB Lane, C Moss"\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.title, paper.date, paper.authors) == (
        "Bees, wind, and flowers",
        "2020",
        ("AB Lane", "C Moss"),
    )
    assert paper.abstract.startswith("Wind keeps bees")


def test_a_google_scholar_scrapes_source_is_the_venue(tmp_path: Path) -> None:
    # Its "google_source" is the journal (langtonhugh/asreview_irr's google_results_sub.csv).
    (tmp_path / "google_results.csv").write_text(
        "google_id,google_title,google_year,google_source,google_abstract,google_authors\n"
        '12,Moss on roofs,2021,Journal of roof ecology,"Moss grows on north roofs …",J Dale\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.title, paper.venue) == ("Moss on roofs", "Journal of roof ecology")


def test_a_papers_tables_name_is_the_title(tmp_path: Path) -> None:
    # A script's table of Scopus records names its columns "papers_name", "papers_abstract"
    # ... (pedrolbacelar/Digital_Twin's output.csv): the name is the paper's title.
    (tmp_path / "output.csv").write_text(
        "papers_name,papers_abstract,papers_year,papers_cluster_number\n"
        'Twin lathes,"A digital twin of a lathe is trained online.",2022,3\n',
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.title, paper.date) == ("Twin lathes", "2022")


def test_names_parted_by_full_width_commas_are_several_authors(tmp_path: Path) -> None:
    # A corpus table pandas wrote from Chinese papers' PDFs and PubMed: the names of a
    # Chinese paper are parted by the full-width comma (kongdeyu0819-rgb/global-health-
    # regulatory-bibliometrics data/paperA_corpus.csv), and were read as one author.
    header = "title,year,authors,journal,doi,abstract"
    chinese = only_paper(
        tmp_path / "corpus.csv",
        header,
        "城市绿地的降温效应,2021,\u738b\u5efa\u56fd\uff0c\u674e\u6653\u660e\uff0c\u5f20\u4f1f,"
        "生态学杂志,10.1234/zh.2021.1,本文评估城市绿地的降温效应。",
    )
    assert chinese.authors == ("王建国", "李晓明", "张伟")
    japanese = only_paper(
        tmp_path / "corpus_ja.csv",
        header,
        "都市緑地の冷却効果,2022,\u5c71\u7530\u592a\u90ce\u3001\u4f50\u85e4\u82b1\u5b50,"
        "日本生態学会誌,10.1234/ja.2022.1,都市緑地の冷却効果を評価した。",
    )
    assert japanese.authors == ("山田太郎", "佐藤花子")


def test_a_bibliometrix_data_frame_of_chosen_tags_is_read_by_its_tags(tmp_path: Path) -> None:
    # A script's write.csv() of a few of a bibliometrix data frame's columns: no "PT", no
    # "SR", only tags (kongdeyu0819-rgb/global-health-regulatory-bibliometrics
    # data/paperA_bibliometrix.csv). It was read as text, each row a paper of no title.
    header = '"AU","TI","SO","PY","AB","DE","ID"'
    row = (
        '"Ann Holm; Jo Kerr","Owls in burned forest.","Journal of birds",2021,"We count'
        ' owls in burned forest over ten years.","owls; fire","FOREST; BIRDS"'
    )
    paper = only_paper(tmp_path / "corpus.csv", header, row)
    assert (paper.title, paper.abstract) == (
        "Owls in burned forest.",
        "We count owls in burned forest over ten years.",
    )
    assert paper.authors == ("Ann Holm", "Jo Kerr")
    assert (paper.venue, paper.date) == ("Journal of birds", "2021")
    assert paper.keywords == ("owls", "fire")


def test_a_translation_zotero_kept_after_a_crossref_abstract_is_left_out(
    tmp_path: Path,
) -> None:
    # Zotero keeps an abstract it took from Crossref with the indentation of the
    # publisher's XML between its parts, and a translation after it: its title, then its
    # text (luizfer007pz/Towards-a-Green-Criminology-on-South-America "Exported
    # Items.csv"). The translation was read as part of the abstract.
    gap = " " * 13
    english = "We count owls in the burned forest and the fields of the north for ten years."
    abstract = (
        f"{english}{gap}Conteo de los búhos del bosque quemado{gap}Contamos los búhos en el"
        " bosque quemado y en los campos del norte de la región durante diez años."
    )
    header = '"Key","Item Type","Publication Year","Author","Title","DOI","Abstract Note"'
    row = f'"AB12CD34","journalArticle","2021","Holm, Ann","Owls","10.1234/owls","{abstract}"'
    assert only_paper(tmp_path / "owls.csv", header, row).abstract == english
    # A structured abstract's headings are in no language: they cut nothing.
    sections = f"Abstract{gap}Methods:{gap}{english}{gap}Results:{gap}{english}"
    row = f'"AB12CD35","journalArticle","2021","Holm, Ann","Owls","10.1234/owls2","{sections}"'
    paper = only_paper(tmp_path / "owls2.csv", header, row)
    assert paper.abstract.count("We count owls") == 2
    # SciELO's two abstracts, the English one second with its own heading (the same file:
    # "RESUMO O estudo … Prata.           ,              ABSTRACT The study …").
    resumo = "RESUMO Contamos as corujas da floresta queimada e dos campos do norte em dez anos."
    both = f"{resumo}{gap},{gap}ABSTRACT {english}"
    row = f'"AB12CD36","journalArticle","2023","Holm, Ann","Corujas","10.1234/owls3","{both}"'
    assert only_paper(tmp_path / "owls3.csv", header, row).abstract == english


def test_scopus_keywords_lose_their_inline_html(tmp_path: Path) -> None:
    # Scopus CSV of 2025 writes a formula's subscripts as HTML in the author keywords only
    # (re1th123/usage-of-mof "scopus (1).csv"): the title and abstract have "CO2".
    header = '"Authors","Title","Year","Source title","Abstract","Author Keywords","EID"'
    row = (
        '"Lind K.","Amine-grafted frameworks for dry capture","2025","Membrane Letters",'
        '"We graft amines onto a titanium framework and double its CO2 uptake. © 2024",'
        '"CO<sub>2</sub> uptake; Ti<sub>8</sub>O<sub>8</sub> clusters; framework","2-s2.0-1"'
    )
    paper = only_paper(tmp_path / "scopus.csv", header, row)
    assert paper.keywords == ("CO2 uptake", "Ti8O8 clusters", "framework")


def test_web_of_science_table_of_scielo_records_is_titled_in_english(tmp_path: Path) -> None:
    # SciELO Citation Index's records in the tab-delimited export give the title in the
    # paper's own language in TI, its translations in X1 and Y1 in either order
    # (RoudiOlding/gestor-bibliometrico savedrecs.txt): the English one goes with AB.
    (tmp_path / "savedrecs.txt").write_text(
        "PT\tAU\tTI\tX1\tY1\tLA\tAB\tX4\tPY\tUT\n"
        "J\tRuiz, Ana\tHuertos escolares en Puebla\tHortas escolares em Puebla\t"
        "The gardens of the schools of Puebla\tSpanish\t"
        "Abstract: Schools keep gardens. We surveyed forty.\t"
        "Resumen: Las escuelas tienen huertos.\t2025\tSCIELO:S1\n"
        "J\tGomez, Luis\tEl voto en el Perú\tThe vote of the people of Peru\t\tSpanish\t"
        "ABSTRACT: We study how people vote in Peru.\t\t2025\tSCIELO:S2\n"
        "J\tLima, Rui\tLeitura em casa\t\t\tPortuguese\tA leitura em casa foi medida.\t\t2020"
        "\tSCIELO:S3\n",
        encoding="utf-8",
    )
    gardens, voting, reading = load_papers([tmp_path / "savedrecs.txt"]).papers
    assert (gardens.title, gardens.abstract) == (
        "The gardens of the schools of Puebla",
        "Schools keep gardens. We surveyed forty.",
    )
    assert ("original title", "Huertos escolares en Puebla") in gardens.metadata
    assert voting.title == "The vote of the people of Peru"
    assert reading.title == "Leitura em casa"


def test_scopus_original_titles_after_a_space_go_to_metadata(tmp_path: Path) -> None:
    # Scopus's exports before 2023 put each original title in brackets after the English
    # one, without "; " (Serviciosbibliotecaeafit/Bibliometria SCOPUS/AL_1.csv: "… A review
    # of the evidence [Trabalho docente …] [Trabajo docente …]"). An English title's own
    # brackets stay: an IEEE column's name, a ratio, an erratum's citation.
    rows = [
        "School gardens in Puebla: A survey [Hortas escolares em Puebla: um inquérito] "
        "[Huertos escolares en Puebla: una encuesta]",
        "Rankings seen through altmetrics [基于替代计量学的排行榜研究]",
        "Sparse sampling [Lecture Notes]",
        "Metal-poor stars [\u03b1/Fe]",
        "Erratum: Spin chains [J. Math. Phys. 64, 023301 (2023)]",
    ]
    (tmp_path / "scopus.csv").write_text(
        "Authors,Title,Year,Source title,Abstract,Language of Original Document,EID\n"
        + "".join(
            f'"Ruiz A.","{title}",2021,"Revista",Findings of study {n}.,Spanish,2-s2.0-{n}\n'
            for n, title in enumerate(rows)
        ),
        encoding="utf-8",
    )
    papers = sorted(load_papers([tmp_path]).papers, key=lambda paper: paper.abstract)
    assert [paper.title for paper in papers] == [
        "School gardens in Puebla: A survey",
        "Rankings seen through altmetrics",
        *rows[2:],
    ]
    assert (
        "original title",
        "Hortas escolares em Puebla: um inquérito; Huertos escolares en Puebla: una encuesta",
    ) in papers[0].metadata
    assert ("original title", "基于替代计量学的排行榜研究") in papers[1].metadata


def test_a_row_without_an_abstract_is_shown_by_its_title(tmp_path: Path) -> None:
    # A Web of Science table's row opens with its type and authors: the skip showed
    # "C Sachdeva, A; Bala, H …" (a 2023 export of proceedings without abstracts), where a
    # reader looks for which paper it was.
    (tmp_path / "savedrecs.txt").write_text(
        "PT\tAU\tTI\tSO\tAB\tPY\tUT\n"
        "C\tOkafor, N; Brandt, B\tHybrid teams at work\tProc Tests\t\t2023\tWOS:000000000000001\n"
        "J\tLima, A\tSlow tests\tJ Tests\tTests ran slowly until we cached them.\t2022\t"
        "WOS:000000000000002\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (2, "Hybrid teams at work")
    # Without a title, the row's start.
    (tmp_path / "savedrecs.txt").write_text(
        "Authors,Year,Abstract\nN. Okafor,2023,\n"
        "A. Lima,2022,Tests ran slowly until we cached them.\n",
        encoding="utf-8",
    )
    [skipped] = load_papers([tmp_path]).skipped
    assert skipped.excerpt == "N. Okafor,2023,"
