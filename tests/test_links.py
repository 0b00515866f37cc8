"""Every paper a reader sees can be reached: its own page from its ids, else a marked search.

Also: the fields readers give beyond the abstract (PMID, venue, keywords, date) reach the
paper, `digest load --format jsonl` and digest.json.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.history import paper_from_json, paper_to_json
from digest.loading import _paper_from_record, load_papers
from digest.models import SEARCH_CHARS, SEARCH_URL, Paper, Source
from digest.readers.identifiers import parse_doi
from digest.readers.records import Record
from tests.factories import make_paper

ABSTRACT = (
    "We measure how often clinicians follow a decision aid in practice. "
    "Adherence rose from half to four in five after a short training session."
)


def test_link_prefers_arxiv_then_doi_then_pubmed_then_the_given_url() -> None:
    url = "https://journal.example/article/7"
    full = make_paper("p", arxiv_id="2101.00001", doi="10.1/x", pmid="123", url=url)
    assert full.link == "https://arxiv.org/abs/2101.00001"
    assert make_paper("p", doi="10.1/x", pmid="123", url=url).link == "https://doi.org/10.1/x"
    pubmed = make_paper("p", pmid="31452104", url=url)
    assert pubmed.link == "https://pubmed.ncbi.nlm.nih.gov/31452104/"
    assert make_paper("p", url=url).link == url
    for paper in (full, pubmed, make_paper("p", url=url)):
        assert paper.search_link is None and not paper.link_is_search


def test_a_doi_link_escapes_what_a_url_would_misread() -> None:
    paper = make_paper("p", doi="10.1002/(SICI)1097-4636<1::AID>3.0.CO;2-#")
    assert paper.link == "https://doi.org/10.1002/(SICI)1097-4636%3C1::AID%3E3.0.CO;2-%23"


def test_a_paper_without_any_id_gets_a_search_for_its_title_marked_as_such() -> None:
    paper = make_paper("p", abstract=ABSTRACT, title="Decision aids & adherence")
    assert paper.link is None and paper.link_is_search
    assert paper.search_link == SEARCH_URL + "Decision+aids+%26+adherence"


def test_without_a_title_the_search_is_for_the_opening_words_as_a_phrase() -> None:
    paper = make_paper("p", abstract=ABSTRACT)
    assert paper.search_link == (
        SEARCH_URL + "%22We+measure+how+often+clinicians+follow+a+decision+aid+in+practice.+"
        "Adherence%22"
    )


def test_a_search_for_an_abstract_written_without_spaces_is_for_its_opening_only() -> None:
    # A pasted Chinese abstract has no spaces between its words: its first twelve "words"
    # were the whole abstract, a search link of kilobytes that the email left out.
    modelling = "\u5bf9\u6295\u5f71\u6570\u636e\u65b9\u5dee\u5efa\u6a21"
    abstract = "\u76ee\u7684" + modelling * 60 + "\u3002"
    query = urllib.parse.unquote_plus(make_paper("p", abstract=abstract).search_link or "")
    assert query == SEARCH_URL + '"' + abstract[:SEARCH_CHARS] + '"'
    # Words with spaces are cut after a whole word.
    long_words = " ".join(["Electroencephalographically"] * 12)
    query = urllib.parse.unquote_plus(make_paper("p", abstract=long_words).search_link or "")
    assert query == SEARCH_URL + '"' + " ".join(["Electroencephalographically"] * 4) + '"'


def test_record_fields_reach_the_paper_cleaned() -> None:
    record = Record(
        line=3,
        abstract=ABSTRACT,
        title="Decision aids",
        pmid=" PMID: 031452104 ",
        venue="  BMJ\u200b Open ",
        keywords=("Adherence", "adherence", " training ", ""),
        date="2019 Aug",
    )
    loaded = _paper_from_record(record, Source("a.nbib", 3))
    assert not isinstance(loaded, str)
    paper = loaded.paper
    assert (paper.pmid, paper.venue, paper.keywords, paper.date) == (
        "31452104",
        "BMJ Open",
        ("Adherence", "training"),
        "2019-08",  # MEDLINE's "2019 Aug" as an ISO month
    )
    assert paper.link == "https://pubmed.ncbi.nlm.nih.gov/31452104/"


def test_history_round_trips_the_new_fields_and_reads_old_records() -> None:
    paper = make_paper("p", pmid="1", venue="Lancet", keywords=("a", "b"))
    assert paper_from_json(paper_to_json(paper)) == paper
    old = json.loads(paper_to_json(make_paper("q")))
    for name in ("pmid", "venue", "keywords"):
        del old[name]  # a paper recorded before these fields existed
    assert paper_from_json(json.dumps(old)) == make_paper("q")


def _write_inbox() -> None:
    Path("inbox").mkdir()
    rows = [
        {"id": "linked", "abstract": ABSTRACT, "doi": "10.5555/abc", "title": "Aids"},
        {"id": "bare", "abstract": ABSTRACT.replace("clinicians", "nurses"), "title": "Bare"},
    ]
    Path("inbox/p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def test_load_jsonl_shows_each_papers_link_or_search() -> None:
    _write_inbox()
    result = CliRunner().invoke(main, ["load", "inbox", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    papers = {
        row["id"]: row
        for row in map(json.loads, result.output.splitlines())
        if row["kind"] == "paper"
    }
    assert papers["linked"]["link"] == "https://doi.org/10.5555/abc"
    assert papers["linked"]["search_link"] is None
    assert papers["bare"]["link"] is None
    assert papers["bare"]["search_link"] == SEARCH_URL + "Bare"
    assert {"pmid", "venue", "keywords", "date"} <= set(papers["bare"])


def test_digest_json_and_markdown_mark_a_search_as_a_search() -> None:
    _write_inbox()
    result = CliRunner().invoke(main, ["build", "inbox", "--date", "2026-11-16", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(Path("out/digest.json").read_text())
    papers = {p["id"]: p for t in data["themes"] for p in t["papers"]}
    assert (papers["bare"]["url"], papers["bare"]["search_url"]) == (None, SEARCH_URL + "Bare")
    assert (papers["linked"]["url"], papers["linked"]["doi"]) == (
        "https://doi.org/10.5555/abc",
        "10.5555/abc",
    )
    assert papers["linked"]["search_url"] is None
    markdown = Path("out/digest.md").read_text()
    assert f"(no link: [search for it](<{SEARCH_URL}Bare>))" in markdown
    assert "([link](<https://doi.org/10.5555/abc>))" in markdown
    text = Path("out/email.txt").read_text()
    assert f"no link; search for it: {SEARCH_URL}Bare" in text


def test_paper_fields_are_all_sent_back_by_loading_workers() -> None:
    # Workers send papers back as tuples of Paper's fields: the new ones must travel too.
    from digest import loading

    assert {"pmid", "venue", "keywords"} <= set(loading._SENT_FIELDS)
    assert Paper.__dataclass_fields__.keys() - {"sources"} == set(loading._SENT_FIELDS)


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2021/09/23", "2021-09-23"),  # RIS (Lens, EBSCO, Zotero)
        ("2019/06", "2019-06"),
        ("1991/aug", "1991-08"),  # Mendeley RIS
        ("2018/02/03/", "2018-02-03"),
        ("2022-02-24T15:05:19Z", "2022-02-24"),  # arXiv's API
        ("2013-10-30T11:20:51-07:00", "2013-10-30"),  # BibLaTeX from Zotero
        ("2020 May", "2020-05"),  # MEDLINE's DP
        ("2021 Sep 20", "2021-09-20"),
        ("2016 Mar-Apr", "2016-03"),
        ("Sep 30 2004", "2004-09-30"),  # EndNote XML
        ("Jun 2015", "2015-06"),
        ("15 November, 2024", "2024-11-15"),  # arXiv's search page
        ("November 15, 2024", "2024-11-15"),
        ("Sept. 2019", "2019-09"),
        ("12/2012", "2012-12"),  # Zotero RDF
        ("15-17 Dec. 2014", "2014-12"),  # IEEE Xplore: a conference's days
        ("29 Oct.-1 Nov. 2017", "2017-10"),
        ("Jan.-Feb. 2020", "2020-01"),  # an issue of two months
        ("Fri, 15 Nov 2024 19:04:11 GMT", "2024-11-15"),  # feeds' pubDate, mail
        # A web page's date with its time, as Zotero keeps it (CSL JSON's issued.literal in
        # Jmuccigr/miscellaneous "My Library.json"): the date of the day.
        ("7 August 2012, 9:22", "2012-08-07"),
        ("August 7, 2012 09:22 AM", "2012-08-07"),
        ("2012/08/07 21:05:33", "2012-08-07"),
        ("2021/02/30", "2021-02"),  # no such day: its month
        ("2021/13", "2021"),  # no such month: its year
        ("2021", "2021"),
        ("2020-09", "2020-09"),
        ("2021-09-23", "2021-09-23"),
        ("2021-02-30", "2021-02"),
        # 00 for a month or day not known (NASA ADS), also in Zotero's own form of a date, the
        # ISO one and the date as typed (an Obsidian note made from Zotero's database)
        ("2017-06-00", "2017-06"),
        ("2018-00-00", "2018"),
        ("2019-00-00 2019", "2019"),
        ("2023-12-00 12/2023", "2023-12"),
        ("2023-05-29 2023-5-29", "2023-05-29"),
        # A month or day of one digit: PubMed Central's page as Zotero saves it
        # (EnceladusII/PTU_Project_5 bibliography.rdf, "2020-8"), an EndNote XML's "2021-6-25".
        ("2020-8", "2020-08"),
        ("2021-6-25", "2021-06-25"),
        ("2021-21", "2021-21"),  # a thesis's slip (Better BibLaTeX): no month of a year
        # Forms only a file can tell, or no date form at all: as written.
        ("3/4/2021", "3/4/2021"),
        ("Spring 2020", "Spring 2020"),
        ("Mayo 2020", "Mayo 2020"),
        ("in press", "in press"),
    ],
)
def test_a_papers_date_is_iso_whatever_form_its_export_wrote(written: str, date: str) -> None:
    loaded = _paper_from_record(Record(line=1, abstract=ABSTRACT, date=written), Source("f", 1))
    assert not isinstance(loaded, str)
    assert loaded.paper.date == date


def test_a_doi_a_url_parser_read_as_an_address_is_read_back_as_the_doi(tmp_path: Path) -> None:
    # EBSCOhost gives a DOI as a link's host ("http://10.1093/police/pav040"), which a URL
    # parser reads as the IPv4 address 10.0.4.69 (real: an ASReview CSV of EBSCOhost records,
    # its url column "http://10.0.4.69/police/pav040" and its doi column "NA").
    (tmp_path / "asreview.csv").write_text(
        "record_id,primary_title,url,notes_abstract,doi\n"
        f"228,Calls for service and place,http://10.0.4.69/police/pav040,{ABSTRACT},NA\n"
        f"229,An intranet copy,http://10.0.1.20/library/paper.pdf,Other words. {ABSTRACT},NA\n",
        encoding="utf-8",
    )
    papers = {paper.title: paper for paper in load_papers([tmp_path]).papers}
    mangled = papers["Calls for service and place"]
    assert mangled.doi == "10.1093/police/pav040"
    assert mangled.link == "https://doi.org/10.1093/police/pav040"
    # An address that cannot be a registrant's code (below 1000) stays the link it is.
    intranet = papers["An intranet copy"]
    assert intranet.doi is None and intranet.link == "http://10.0.1.20/library/paper.pdf"


def test_a_silverchair_article_links_doi_stops_before_its_article_number(tmp_path: Path) -> None:
    # A note links a paper's page on GeoScienceWorld, a Silverchair site as Oxford Academic
    # is: ".../article/doi/<the DOI>/<the site's article number>/<the title's slug>". The
    # number and slug were read as the DOI's, and its link at doi.org led nowhere.
    (tmp_path / "picks.md").write_text(
        "## 1) Seismic Ground Motions in Mixed Reality\n\n"
        "- Link: https://pubs.geoscienceworld.org/ssa/srl/article/doi/10.1785/0220250169/"
        "725511/Seismic-Ground-Motions-in-Mixed\n\n"
        f"### Abstract\n\n{ABSTRACT}\n\n"
        "## 2) Stars in a survey\n\n"
        "- Link: https://academic.oup.com/mnras/article-abstract/doi/10.1093/mnras/stad664/"
        "7069311?login=false\n\n"
        f"### Abstract\n\nOther words. {ABSTRACT}\n",
        encoding="utf-8",
    )
    papers = load_papers([tmp_path]).papers
    assert [paper.doi for paper in papers] == ["10.1785/0220250169", "10.1093/mnras/stad664"]
    assert papers[0].link == "https://doi.org/10.1785/0220250169"


@pytest.mark.parametrize(
    ("link", "doi"),
    [
        # the site's article number and slug after the DOI go
        (
            "https://academic.oup.com/x/article/doi/10.1000/5678901/7069311/A-slug",
            "10.1000/5678901",
        ),
        # a DOI whose own suffix is such a number, with no article number after it, stays whole
        ("https://academic.oup.com/x/article-pdf/doi/10.1000/5678901", "10.1000/5678901"),
        # a resolver's link is no article page: a number in its DOI stays
        ("https://doi.org/10.1000/abc/1234567", "10.1000/abc/1234567"),
    ],
)
def test_a_silverchair_article_number_is_told_from_a_dois_own(link: str, doi: str) -> None:
    assert parse_doi(link) == doi


@pytest.mark.parametrize(
    ("link", "doi"),
    [
        (
            "https://www.biorxiv.org/content/10.1101/2021.03.20.436288v3",
            "10.1101/2021.03.20.436288",
        ),
        (
            "https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v2.full.pdf",
            "10.1101/2020.04.14.20062463",
        ),
        ("https://www.biorxiv.org/content/10.1101/857789v1.abstract", "10.1101/857789"),
        # another site's page, or a DOI of the same registrant that is no preprint's, stays
        ("https://genome.cshlp.org/content/10.1101/gr.275870.121", "10.1101/gr.275870.121"),
    ],
)
def test_a_biorxiv_pages_version_is_no_part_of_its_doi(link: str, doi: str) -> None:
    # bioRxiv's pages name the version after the DOI: "…436288v3" (wduverger/feeds biorxiv.xml).
    assert parse_doi(link) == doi
