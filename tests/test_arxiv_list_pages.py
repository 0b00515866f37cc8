"""arXiv listing and search pages saved from the browser (.html): one paper per entry.

tests/fixtures/arxiv-lists/ holds pages written for these tests in arXiv's two layouts:
new.html (a /new page as arXiv writes it since 2024: the id as the `<dt>`'s link, sections
as `<h3>`s, a cross-list and a replacement without an abstract) and recent.html (a /recent
page in the older layout, `<span class="list-identifier">`, titles only) and search.html (a
search results page: `<li class="arxiv-result">`, the abstract cut and whole, a DOI tag,
"Comments:" and "Journal ref:" notes, "Submitted …; v1 submitted …").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus
from digest.readers import sniff_format
from digest.readers.arxiv_list_pages import parse_arxiv_list_page, parse_arxiv_search_page

LISTS = Path(__file__).resolve().parent / "fixtures" / "arxiv-lists"


@pytest.fixture(scope="module")
def new_page() -> Corpus:
    return load_papers([LISTS / "new.html"])


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("new.html", "arxiv-list-page"),
        ("recent.html", "arxiv-list-page"),
        ("search.html", "arxiv-search-page"),
    ],
)
def test_recognised_by_content(name: str, kind: str) -> None:
    text = (LISTS / name).read_text(encoding="utf-8")
    assert sniff_format(text).name == kind
    # An article's own page is not a listing, though it links to abstract pages.
    article = (LISTS.parent / "pages" / "arxiv-abs.html").read_text(encoding="utf-8")
    assert sniff_format(article).name == "web-page"


def test_every_entry_is_a_paper_or_skipped(new_page: Corpus) -> None:
    assert [p.arxiv_id for p in new_page.papers] == ["2411.07001", "2411.07002", "2411.06003"]
    [report] = new_page.files
    assert (report.format, report.records) == ("arxiv-list-page", 3)
    [replacement] = new_page.skipped
    assert (replacement.line, replacement.notice) == (98, True)
    assert replacement.excerpt == "arXiv:2403.01004 A Corpus of Annotated Court Transcripts"
    assert "replacement without an abstract" in replacement.reason


def test_fields_of_a_new_submission(new_page: Corpus) -> None:
    paper = new_page.papers[0]
    assert paper.title == "Tidal Retrieval: Long Contexts at O(log n) Cost"
    assert paper.authors == ("Maja Lindqvist", "Chidi Okonkwo", "Rosa García")
    assert paper.abstract.startswith("Retrieval over long contexts costs time linear")
    assert "indexes a context once & answers each query" in paper.abstract
    assert paper.abstract.endswith("matches full attention within 1%.")
    assert paper.link == "https://arxiv.org/abs/2411.07001"
    metadata = dict(paper.metadata)
    assert metadata["announce type"] == "new"
    assert metadata["comments"] == "9 pages, 4 figures; code at this https URL"
    assert metadata["subjects"] == "Computation and Language (cs.CL); Machine Learning (cs.LG)"
    # The labels are the page's, not the paper's.
    assert not any(v.startswith(("Title:", "Comments:", "Subjects:")) for v in metadata.values())
    assert new_page.papers[1].venue == "Findings of ACL 2024, pp. 112-125"


def test_cross_list_keeps_its_section(new_page: Corpus) -> None:
    cross = new_page.papers[2]
    assert dict(cross.metadata)["announce type"] == "cross"
    assert cross.authors == ("Luís Ferreira", "Katrin Brandt")


def test_titles_only_page_says_which_page_to_save() -> None:
    with pytest.raises(InputError) as raised:
        load_papers([LISTS / "recent.html"])
    message = str(raised.value)
    assert "recent.html:10: arXiv listing entry without an abstract (arXiv:2411.05101)" in message
    assert "recent.html:26:" in message
    assert "save the category's /new page" in message


def test_older_layout_with_abstracts_and_text_labels() -> None:
    # arXiv's layout before 2024, and labels written as text instead of descriptor spans.
    page = (LISTS / "recent.html").read_text(encoding="utf-8")
    page = page.replace(
        "</div>\n</div>\n</dd>",
        '</div>\n<p class="mathjax">Abstract text of this paper, long enough to read.</p>\n'
        "</div>\n</dd>",
    ).replace('<span class="descriptor">Title:</span>', "Title:")
    parsed = parse_arxiv_list_page(page)
    assert [(r.arxiv, r.title) for r in parsed.records] == [
        ("2411.05101", "Room Acoustics from a Single Clap"),
        ("2411.05102", "Birdsong Segmentation without Labels"),
    ]
    assert parsed.records[0].authors == ("Pablo Ortiz", "Soyeon Lee")
    assert parsed.records[0].abstract == "Abstract text of this paper, long enough to read."
    assert not parsed.problems


def test_a_page_without_listed_papers_says_so() -> None:
    parsed = parse_arxiv_list_page(
        "<html><dl><dt>Total</dt><dd><div class='list-title'>x</div>"
        "<a href='/abs/2411.00001'>here</a></dd></dl></html>"
    )
    assert not parsed.records
    [problem] = parsed.problems
    assert problem.line is None and "lists no papers" in problem.reason


def test_search_results_give_the_whole_abstract_and_the_notes() -> None:
    corpus = load_papers([LISTS / "search.html"])
    assert [p.arxiv_id for p in corpus.papers] == ["2410.03310", "2409.11872"]
    assert not corpus.skipped
    paper = corpus.papers[0]
    # The search's highlighted words are the title's and the abstract's own.
    assert paper.title == "Forecasting Alpine Glacier Melt with Graph Networks"
    assert paper.authors == ("Anna Keller", "Marco Rossi")
    assert paper.abstract.startswith("Alpine glaciers lose mass faster every decade. We forecast")
    assert paper.abstract.endswith("at lead times of up to ten days.")
    assert "More" not in paper.abstract and "Less" not in paper.abstract
    assert paper.doi == "10.5194/tc-18-2024-101"
    assert paper.venue == "The Cryosphere 18 (2024) 101-115"
    assert paper.date == "2024-10-03"  # the first version's day, not the revision's
    assert dict(paper.metadata) == {"comments": "14 pages, 6 figures"}
    assert corpus.papers[1].date == "2024-09-18"


def test_search_results_without_their_abstracts_say_how_to_save_them() -> None:
    page = (LISTS / "search.html").read_text(encoding="utf-8")
    hidden = parse_arxiv_search_page(
        page.replace("abstract-full", "x").replace("abstract-short", "x")
    )
    assert not hidden.records
    assert [(p.line, p.excerpt) for p in hidden.problems] == [
        (10, "arXiv:2410.03310 Forecasting Alpine Glacier Melt with Graph Networks"),
        (58, "arXiv:2409.11872 Supraglacial Lakes from Sentinel-2"),
    ]
    assert 'search again with "Show abstracts"' in hidden.problems[0].reason
    cut = parse_arxiv_search_page(page.replace("abstract-full", "x"))
    assert [r.arxiv for r in cut.records] == []
    assert "abstract the page cut" in cut.problems[0].reason
