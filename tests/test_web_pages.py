"""Saved article web pages (File > Save Page As, .html): one paper per article page, from its
Highwire Press citation_ meta tags and the abstract its body prints.

tests/fixtures/pages/ holds pages written for these tests in the layouts the sites write
(checked against real saved pages of arXiv, bioRxiv, Nature and ScienceDirect): arxiv-abs.html
(`<blockquote class="abstract">` with its "Abstract:" descriptor, og:url naming the version),
pubmed.html (a structured abstract in `abstract-content selected`, a second language after it,
keywords after it, `citation_authors` joined by ';'), nature.html (a `data-title="Abstract"`
section; cut descriptions), sciencedirect.html (unquoted attributes, a cut og:description,
highlights and a graphical abstract beside the abstract, its authors only in the body's
name spans), ieee-xplore.html (no citation_ tags: the article in its script's
xplGlobal.document.metadata object), biorxiv.html (escaped HTML in
citation_abstract), no-abstract.html, search-results.html and issue-listing.html.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.readers import sniff_format

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"


def _one(name: str):  # type: ignore[no-untyped-def]
    return _one_in(PAGES / name)


def _one_in(path: Path):  # type: ignore[no-untyped-def]
    corpus = load_papers([path])
    [paper] = corpus.papers
    return paper


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_recognised_by_content_not_extension(tmp_path: Path, name: str) -> None:
    text = (PAGES / name).read_text(encoding="utf-8")
    assert sniff_format(text).name == "web-page"
    assert sniff_format("\ufeff" + text.replace("\n", "\r\n")).name == "web-page"


def test_arxiv_abs_page() -> None:
    paper = _one("arxiv-abs.html")
    assert paper.title == "Sparse Routing for Small Language Models"
    assert (paper.arxiv_id, paper.arxiv_version) == ("2401.01234", 2)
    # arXiv writes each citation_author surname first.
    assert paper.authors == ("Claire Moreau", "Daniel Okafor")
    assert paper.date == "2024-01-03"
    assert paper.url == "https://arxiv.org/abs/2401.01234v2"
    # The body's abstract, not the cut twitter:description nor the page's "description".
    assert paper.abstract.startswith("We study sparse routing in small language models")
    assert paper.abstract.endswith("routing halves the compute per token.")
    assert "dense model <1B parameters" in paper.abstract
    assert "Abstract:" not in paper.abstract


def test_pubmed_page_structured_abstract_in_its_own_language() -> None:
    paper = _one("pubmed.html")
    assert paper.pmid == "33612345"
    assert paper.doi == "10.1093/ageing/afab001"
    assert paper.venue == "Age Ageing"
    assert paper.date == "2021-03-03"
    assert paper.authors == ("Lindqvist E", "Haddad R", "Tanaka M")
    assert paper.abstract == (
        "Background: Few patients regain their walking after a hip fracture. Methods: We "
        "randomly assigned 120 patients to a home walking programme or usual care. Results: "
        "Walking speed at six months was higher with the programme (0.82 vs 0.71 m/s). "
        "Conclusions: A home walking programme helps patients walk again."
    )


def test_springer_nature_section_over_cut_descriptions() -> None:
    paper = _one("nature.html")
    assert paper.doi == "10.1038/s41586-023-01234-5"
    assert paper.venue == "Nature"
    assert paper.keywords == ("Marine biology", "Ocean sciences")
    assert paper.url == "https://www.nature.com/articles/s41586-023-01234-5"
    assert paper.abstract.endswith(
        "predicts the start of 41 of 48 observed blooms within three days."
    )
    assert "show. Here we" in paper.abstract  # the reference number in <sup> is no text
    assert "…" not in paper.abstract


def test_sciencedirect_abstract_not_highlights_nor_cut_description() -> None:
    paper = _one("sciencedirect.html")
    assert paper.title == "Seagrass loss along a warming coast"
    assert paper.venue == "Estuarine, Coastal and Shelf Science"
    assert paper.date == "2022-10-05"
    assert paper.abstract.startswith("Seagrass meadows along the warming southern coast")
    assert paper.abstract.endswith("which suggests a refuge for restoration.")
    assert "third of the meadows" not in paper.abstract  # the highlights
    assert "Unlabelled Image" not in paper.abstract


def test_sciencedirect_authors_from_the_bodys_name_spans(tmp_path: Path) -> None:
    # ScienceDirect's head has no citation_author: its saved pages gave no authors. Its
    # body names them in given-name and surname spans, inside a <button> on newer pages.
    assert _one("sciencedirect.html").authors == ("Hana Kovač", "Tomás Ruiz")
    older = (PAGES / "sciencedirect.html").read_text(encoding="utf-8")
    start, end = older.index('<div class="author-group"'), older.index('<div class="Abstracts')
    authors = (
        '<div class="author-group"><a class="author size-m workspace-trigger" name="bau1">'
        '<span class="content"><span class="text given-name">L.A.</span><span class="text '
        'surname">McKay</span><span class="author-ref" id="baff1"><sup>a</sup></span>'
        "</span></a></div>"
    )
    (tmp_path / "sd.html").write_text(older[:start] + authors + older[end:], encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("L.A. McKay",)


def test_ieee_xplore_page_read_from_its_scripts_metadata_object() -> None:
    # IEEE Xplore's page has no citation_ tags and prints its abstract by script: the page
    # was refused as no article's page (or read from the description cut at 150 characters).
    paper = _one("ieee-xplore.html")
    assert paper.title == "Price-aware charging of electric bus fleets"
    assert paper.authors == ("Lena Petrova", "Rafael Gómez")
    assert (paper.doi, paper.date) == ("10.1109/TTE.2019.1234567", "2019-03")
    assert paper.venue == "IEEE Transactions on Transportation Electrification"
    assert paper.keywords == ("electric buses", "smart charging", "Batteries", "Schedules")
    assert paper.url == "https://ieeexplore.ieee.org/document/8765432/"
    assert paper.abstract.startswith("We schedule the charging of an electric bus fleet")
    assert paper.abstract.endswith("a greedy rule saved only 9%.")


def test_ieee_xplore_metadata_that_is_no_json_is_never_run(tmp_path: Path) -> None:
    page = (PAGES / "ieee-xplore.html").read_text(encoding="utf-8")
    start = page.index("xplGlobal.document.metadata=") + len("xplGlobal.document.metadata=")
    broken = page[:start] + "{title: alert(1), " + page[start + 1 :]
    (tmp_path / "page.html").write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match="not one article's page"):
        load_papers([tmp_path])


def test_ieee_xplore_metadata_damaged_is_read_around_or_refused_never_a_crash(
    tmp_path: Path,
) -> None:
    page = (PAGES / "ieee-xplore.html").read_text(encoding="utf-8")
    start = page.index("xplGlobal.document.metadata=") + len("xplGlobal.document.metadata=")
    # Keywords that are no list are no keywords; the rest of the object is still read.
    for name, keywords in (("number", "7"), ("kwd", '[{"type": "x", "kwd": 5}]')):
        damaged = page[: start + 1] + f'"keywords": {keywords}, ' + page[start + 1 :]
        damaged = damaged.replace('"keywords":[', '"keywords_seen":[')  # the page's own
        (tmp_path / f"{name}.html").write_text(damaged, encoding="utf-8")
        paper = _one_in(tmp_path / f"{name}.html")
        assert (paper.title, paper.keywords) == (_one("ieee-xplore.html").title, ())
    # An object nested thousands deep cannot be decoded: the page is no article's page.
    deep = page[: start + 1] + '"x": ' + "[" * 5000 + "]" * 5000 + ", " + page[start + 1 :]
    (tmp_path / "deep.html").write_text(deep, encoding="utf-8")
    with pytest.raises(InputError, match="not one article's page"):
        load_papers([tmp_path / "deep.html"])


def test_biorxiv_citation_abstract_markup_read_as_text() -> None:
    paper = _one("biorxiv.html")
    assert paper.doi == "10.1101/2023.05.04.539123"
    assert paper.venue == "bioRxiv"
    assert paper.abstract.startswith("Roots stop growing in compacted soil, but how they sense")
    assert "unknown. We show" in paper.abstract
    for junk in ("ABSTRACT", "<", "[1]", ":   "):
        assert junk not in paper.abstract


def test_a_cut_description_only_when_nothing_else(tmp_path: Path) -> None:
    page = (PAGES / "sciencedirect.html").read_text(encoding="utf-8")
    start, end = page.index('<div class="Abstracts'), page.index('<div class="Keywords')
    (tmp_path / "sd.html").write_text(page[:start] + page[end:], encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract.startswith("Seagrass meadows along the warming southern coast lost")
    assert paper.abstract.endswith("…")


def test_page_without_abstract_says_what_to_save(tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        load_papers([PAGES / "no-abstract.html"])
    message = str(error.value)
    assert "no-abstract.html:1: no abstract (the saved page shows no abstract" in message
    assert "save the page of the article itself" in message
    assert "RIS or BibTeX" in message


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("search-results.html", "a saved web page that is not one article's page"),
        ("issue-listing.html", "a saved web page that lists 2 articles"),
    ],
)
def test_a_page_that_is_no_article_is_no_paper(tmp_path: Path, name: str, said: str) -> None:
    (tmp_path / "page.txt").write_text((PAGES / name).read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "article.htm").write_text(
        (PAGES / "nature.html").read_text(encoding="utf-8"), encoding="utf-8"
    )
    corpus = load_papers([tmp_path])
    assert [p.title for p in corpus.papers] == ["Tidal mixing shapes coastal plankton blooms"]
    [skipped] = corpus.skipped
    assert skipped.reason.startswith(said)
    assert "export" in skipped.reason


def test_a_zotero_report_is_read_item_by_item() -> None:
    # Zotero's "Generate Report from Items…" saved as HTML (as a real report in Chinese lays
    # it out): each item its title, authors (not its editor), abstract row, publication,
    # date, DOI, URL and tags; its notes and attachments are not items; rows are named in
    # the language of the Zotero that wrote it.
    corpus = load_papers([EXPORTS / "zotero-report.html"])
    assert corpus.files[0].format == "zotero-report"
    first, xmem = corpus.papers
    assert first.title == "Sparse probes of galaxy rotation"
    assert first.authors == ("Ana Lima", "Kofi Mensah")
    assert first.abstract.startswith("We measure the rotation curves of fifty spiral galaxies")
    assert (first.doi, first.date) == ("10.1093/mnras/stad123", "2023-03-14")
    assert first.venue == "Monthly Notices of the Royal Astronomical Society"
    assert first.keywords == ("rotation curves", "dark matter")
    assert first.url == "https://academic.oup.com/mnras/article/1"
    assert (xmem.arxiv_id, xmem.authors, xmem.date) == (
        "2207.07115",
        ("Ho Kei Cheng",),
        "2022-07-18",
    )
    assert xmem.abstract.startswith("We devise XMem")
    assert not any("journal club" in paper.abstract for paper in corpus.papers)
    [skipped] = corpus.skipped
    assert skipped.reason == "no abstract (Zotero report item without an Abstract row)"


def test_abstract_elements_nested_thousands_deep_are_read_in_bounded_memory(
    tmp_path: Path,
) -> None:
    # Each abstract element's text holds the text of those inside it: thousands of them
    # nested (a damaged page, never closed) once kept thousands of copies of the page's text.
    # The innermost ones are still read: the page's own abstract section, as before.
    page = (PAGES / "nature.html").read_text(encoding="utf-8")
    body = page.index("<body") + page[page.index("<body") :].index(">") + 1
    damaged = page[:body] + '<div class="abstract">' * 3000 + page[body:]
    path = tmp_path / "damaged.html"
    path.write_text(damaged, encoding="utf-8")
    tracemalloc.start()
    try:
        [paper] = load_papers([path]).papers
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert paper.abstract == _one("nature.html").abstract
    assert peak < 20 * len(damaged)


_PRE_PAGE = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">\n'
    "<!-- saved from url=(0070)http://www.ncbi.nlm.nih.gov/pubmed/?term=20000001&report=xml -->\n"
    '<html><head><meta http-equiv="Content-Type" content="text/html"></head><body><pre>{}'
    "</pre></body></html>"
)


def test_a_page_showing_an_export_as_text_is_read_as_that_export(tmp_path: Path) -> None:
    # Legacy PubMed's XML display saved from the browser: the PubmedArticle escaped in a <pre>.
    article = """<PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
        <PMID Version="1">20000001</PMID>
        <Article PubModel="Print">
            <Journal><JournalIssue><PubDate><Year>2013</Year></PubDate></JournalIssue>
                <Title>Journal of Rare Sleep</Title></Journal>
            <ArticleTitle>Night shifts &amp; sleep in nurses.</ArticleTitle>
            <Abstract><AbstractText>We followed 40 nurses for a year; sleep fell by 1 h &lt; 5%.
            </AbstractText></Abstract>
            <AuthorList><Author><LastName>Ferro</LastName><ForeName>Ana</ForeName></Author>
            </AuthorList>
        </Article>
    </MedlineCitation>
</PubmedArticle>
"""
    escaped = article.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    page = tmp_path / "pubmed.xml"
    page.write_text(_PRE_PAGE.format(escaped), encoding="utf-8")
    [paper] = load_papers([page]).papers
    assert paper.title == "Night shifts & sleep in nurses."
    assert paper.abstract == "We followed 40 nurses for a year; sleep fell by 1 h < 5%."
    assert (paper.pmid, paper.authors, paper.venue) == (
        "20000001",
        ("Ana Ferro",),
        "Journal of Rare Sleep",
    )
    assert paper.sources[0].line == 3

    # A page whose <pre> holds prose is no export: still refused as a page.
    prose = tmp_path / "prose.html"
    prose.write_text(_PRE_PAGE.format("Some notes on sleep, kept as text."), encoding="utf-8")
    with pytest.raises(InputError, match="not one article's page"):
        load_papers([prose])
