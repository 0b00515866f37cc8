"""CSV and tab-separated exports of reference managers and databases (fixtures written by
hand in tests/fixtures/exports/, each with the oddities of the real export it stands for)."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper

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
    assert spectra.venue == "ArXiv e-prints" and spectra.date == "2017-08-01"
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


def test_embase_doi_is_read_from_its_library_link() -> None:
    [paper] = load("embase.csv").papers
    assert paper.doi == "10.4103/2303-9027.138783"
    assert paper.authors == ("Liu R.", "Adler D.G.")


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
        "ORGANIZATION SCIENCE",
        "2004",
    )
    assert paper.id.startswith("abs-")  # WoS's "ID" is Keywords Plus, not an id
    assert "CR" not in dict(paper.metadata)


def test_web_of_science_full_column_names() -> None:
    [paper] = load("wos-full.csv").papers
    assert paper.title == "Understanding the robustness of machine-unlearning models"
    assert paper.authors == ("Guanqin Zhang", "Feng Xu")
    assert paper.doi == "10.1007/978-981-96-9101-2_16"


def test_pubmed_csv_says_it_has_no_abstracts_and_which_export_has() -> None:
    with pytest.raises(InputError) as error:
        load("pubmed.csv")
    assert "PubMed's CSV export has no abstracts" in str(error.value)
    assert "Format: PubMed" in str(error.value)


def test_the_separator_is_the_one_that_names_the_most_columns(tmp_path: Path) -> None:
    # A header with a comma inside one name, in a file separated by semicolons.
    text = "Title;Times Cited, All;Abstract\nA paper;3;" + "We show a thing works. " * 3 + "\n"
    (tmp_path / "a.csv").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "A paper"
