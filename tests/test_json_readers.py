"""JSON that tools and APIs write: CSL-JSON (Zotero), OpenAlex, Crossref, Semantic Scholar,
Europe PMC, bioRxiv/medRxiv; and the generic JSON and JSONL readers around them.

The fixtures in tests/fixtures/exports/ are written for these tests; each reproduces the
oddities of real exports (see the comments in each test).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import sniff_format
from digest.readers.markup import jats_to_text, unglued_sections
from digest.readers.scholarly_json import inverted_index_to_text

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"


def load(name: str) -> Corpus:
    return load_papers([EXPORTS / name])


def by_title(corpus: Corpus, title: str) -> Paper:
    [paper] = [p for p in corpus.papers if p.title == title]
    return paper


def reasons(corpus: Corpus) -> list[tuple[int | None, str, bool]]:
    return [(s.line, s.reason.split(" (")[0], s.notice) for s in corpus.skipped]


def saved_answer(tmp_path: Path, answer: object, fmt: str) -> tuple[Corpus, str]:
    """An API's answer saved pretty-printed, loaded: read as `fmt`; and the text saved."""
    text = json.dumps(answer, indent=2)
    (tmp_path / "answer.json").write_text(text)
    corpus = load_papers([tmp_path / "answer.json"])
    assert corpus.files[0].format == fmt
    return corpus, text


ABSTRACT = "We show that a plain record with an abstract field is read as it always was read."


# --- CSL-JSON -------------------------------------------------------------------------------


def test_csl_json_from_zotero() -> None:
    corpus = load("zotero.csl.json")
    assert corpus.files[0].format == "csl-json"
    paper = by_title(corpus, "Sparse Retrieval at Scale")
    assert paper.id == "okaforSparseRetrieval2021"  # the citation key, as BibTeX's
    assert paper.doi == "10.1162/tacl_a_00401"  # given as https://doi.org/…
    assert paper.authors == ("Chidi Okafor", "Märta Lindqvist", "The BEIR Consortium")
    assert paper.date == "2021-03-09"  # date-parts with the year as a string
    assert paper.venue == "Transactions of the Association for Computational Linguistics"
    assert paper.keywords == ("retrieval", "sparse models")
    assert paper.link == "https://doi.org/10.1162/tacl_a_00401"


def test_csl_json_stub_and_a_record_without_abstract_are_notices() -> None:
    corpus = load("zotero.csl.json")
    assert reasons(corpus) == [
        (2, "empty CSL-JSON item", True),  # {"id": "zotero-undefined", …}
        # A file's records without an abstract, beside papers, are a notice (loading's rule:
        # exports list records they have no abstract for; nothing to fix).
        (57, "no abstract", True),
    ]


def test_csl_json_keeps_short_abstracts_strips_html_and_finds_arxiv_ids() -> None:
    corpus = load("zotero.csl.json")
    assert len(corpus.papers) == 3
    # A web page Zotero saved with its one-line description: the source's own abstract.
    assert by_title(corpus, "About the lab").abstract == "A short description of what the lab does."
    preprint = by_title(corpus, "Long Context, Short Memory")
    assert preprint.abstract == (
        "We show that long-context models forget the middle of their input & propose a fix "
        "that costs p < 1% extra compute."
    )
    assert preprint.arxiv_id == "2305.01234"  # from "number": "arXiv:2305.01234"
    assert preprint.pmid == "37000001"


@pytest.mark.parametrize(
    ("literal", "date"),
    [
        # Zotero's CSL JSON of a Google Books item (EricMFink/Zotero "My Library.json").
        ("1995-01-0001", "1995-01-01"),
        ("1995-1-1", "1995-01-01"),
        ("1995-03", "1995-03"),
        # No month or day it could be, or a range: as written.
        ("1995-13-01", "1995-13-01"),
        ("2017-14/2017-15", "2017-14/2017-15"),
        ("Spring 1995", "Spring 1995"),
    ],
)
def test_csl_json_iso_like_literal_date_is_read(tmp_path: Path, literal: str, date: str) -> None:
    item = {"id": "a", "type": "book", "title": "Lawyers Abroad", "abstract": ABSTRACT}
    (tmp_path / "library.json").write_text(json.dumps([item | {"issued": {"literal": literal}}]))
    [paper] = load_papers([tmp_path / "library.json"]).papers
    assert paper.date == date


# --- OpenAlex -------------------------------------------------------------------------------


def test_openalex_list_answer_rebuilds_abstracts() -> None:
    corpus = load("openalex_works.json")
    assert corpus.files[0].format == "openalex"
    operads = by_title(corpus, "Homotopy theory of operads")
    # The inverted index began with the publisher's "Abstract" heading: dropped.
    assert operads.abstract.startswith("We endow categories of operads with model structures")
    assert operads.abstract.endswith("We also study algebras over these operads.")
    assert operads.doi == "10.1000/operads.1"
    assert operads.pmid == "21000001"
    assert operads.authors == ("Fernando Ruiz", "Aiko Tanaka")
    assert operads.venue == "Advances in Mathematics"
    assert operads.keywords == ("Homotopy",)
    assert operads.sources[0].line == 9  # the line the work starts on
    preprint = by_title(corpus, "Unital associahedra")
    assert preprint.arxiv_id == "1303.6641"  # from its arxiv.org landing page
    assert reasons(corpus) == [(115, "no abstract", True)]  # beside papers: a notice


def test_openalex_a_repository_holding_a_copy_of_an_article_is_no_venue(tmp_path: Path) -> None:
    # OpenAlex gives a university's repository as the source of some articles' primary
    # location (bench openalex_json/fmuro_openalex_works.json: "LA Referencia (Red Federada
    # de Repositorios ...)"): each paper's byline named it as where the paper appeared.
    def work(n: int, kind: str, source: dict[str, str]) -> dict[str, object]:
        return {
            "id": f"https://openalex.org/W{n}",
            "title": f"Paper {n}",
            "type": kind,
            "abstract_inverted_index": {"We": [0], "prove": [1], f"lemma {n}.": [2]},
            "primary_location": {"source": source},
        }

    copy = {"display_name": "Repositorio de la Universidad", "type": "repository"}
    works = [
        work(1, "article", copy),
        work(2, "preprint", {"display_name": "bioRxiv", "type": "repository"}),
        work(3, "article", {"display_name": "Journal of Topology", "type": "journal"}),
    ]
    (tmp_path / "works.json").write_text(json.dumps({"results": works}))
    corpus = load_papers([tmp_path / "works.json"])
    assert [p.venue for p in corpus.papers] == [None, "bioRxiv", "Journal of Topology"]


def test_openalex_single_work_list_and_jsonl_give_the_same_paper(tmp_path: Path) -> None:
    work = json.loads((EXPORTS / "openalex_works.json").read_text())["results"][0]
    (tmp_path / "one.json").write_text(json.dumps(work, indent=2))
    (tmp_path / "list.json").write_text(json.dumps([work], indent=2))
    (tmp_path / "snapshot.jsonl").write_text(json.dumps(work) + "\n")
    papers = {}
    for name in ("one.json", "list.json", "snapshot.jsonl"):
        corpus = load_papers([tmp_path / name])
        [papers[name]] = [(p.title, p.abstract, p.doi) for p in corpus.papers]
    assert len(set(papers.values())) == 1


def test_openalex_snapshot_lines_with_mags_index_object_or_its_string(tmp_path: Path) -> None:
    # OpenAlex's snapshot (s3://openalex/data/works, JSON Lines) wrote the index as MAG did:
    # {"IndexLength", "InvertedIndex"}, in older releases encoded as a string (the change
    # the Academic Observatory's workflows followed in Sep 2023).
    index = {"IndexLength": 4, "InvertedIndex": {"Soils": [0], "store": [1], "carbon.": [3],
                                                 "much": [2]}}  # fmt: skip

    def work(n: int, abstract_index: object) -> str:
        return json.dumps(
            {
                "id": f"https://openalex.org/W{n}",
                "title": f"Soil carbon {n}",
                "abstract_inverted_index": abstract_index,
            }
        )

    older = {"IndexLength": 3, "InvertedIndex": {"Peat": [0], "stores": [1], "more.": [2]}}
    lines = [work(1, index), work(2, json.dumps(older)), work(3, "{broken")]
    (tmp_path / "part_000.jsonl").write_text("\n".join(lines) + "\n")
    corpus = load_papers([tmp_path / "part_000.jsonl"])
    assert [(p.title, p.abstract) for p in corpus.papers] == [
        ("Soil carbon 1", "Soils store much carbon."),
        ("Soil carbon 2", "Peat stores more."),
    ]
    assert reasons(corpus) == [(3, "no abstract", True)]


def test_openalex_formula_given_as_tex_and_mathml_is_shown_once_as_text(tmp_path: Path) -> None:
    # As in a real OpenAlex answer (a Springer abstract, FMuro/bibliographer's openalex.json):
    # the index keeps the formula's TeX and then its MathML twin, tags and all.
    words = [
        "We", "treat", "the", "commutative", "$$BV_\\infty", "$$", "<mml:math",
        'xmlns:mml="http://www.w3.org/1998/Math/MathML">', "<mml:mrow>", "<mml:mi>B</mml:mi>",
        "<mml:msub>", "<mml:mi>V</mml:mi>", "<mml:mi>∞</mml:mi>", "</mml:msub>", "</mml:mrow>",
        "</mml:math>", "-algebra", "case", "and", "a", "bare", "<mml:math>", "<mml:mi>x</mml:mi>",
        "<mml:mo>+</mml:mo>", "<mml:mn>1</mml:mn>", "</mml:math>", "bound,", "p", "<", "0.05.",
    ]  # fmt: skip
    index: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        index.setdefault(word, []).append(position)
    answer = {"results": [{"id": "https://openalex.org/W1", "title": "Poisson manifolds",
                           "abstract_inverted_index": index}]}  # fmt: skip
    corpus, _ = saved_answer(tmp_path, answer, "openalex")
    [paper] = corpus.papers
    assert paper.abstract == (
        "We treat the commutative BV_∞ -algebra case and a bare x+1 bound, p < 0.05."
    )


def test_inverted_index_ignores_absurd_positions() -> None:
    # A broken or hostile index must not make us build a list of a billion words.
    assert inverted_index_to_text({"We": [0], "win": [2], "far": [10**9], "x": ["1"]}) == "We win"


# --- Crossref -------------------------------------------------------------------------------


def test_inverted_index_words_holding_escaped_line_breaks_are_spaced() -> None:
    # Words of a real OpenAlex answer: its source's line breaks kept as escaped text, with
    # TeX beside them that must stay.
    index = {
        "We": [0],
        "study": [1],
        "categories&#13;\\nand": [2],
        "derivators\\n\\t\\t": [3],
        "with": [4],
        "$\\nabla": [5],
        "\\nu$.": [6],
        "More": [7],
        "generally\\nwe": [8],
        "conclude.": [9],
    }
    text = " ".join(inverted_index_to_text(index).split())
    assert (
        text
        == "We study categories and derivators with $\\nabla \\nu$. More generally we conclude."
    )


def test_crossref_work_list_with_jats_abstracts() -> None:
    corpus = load("crossref_works.json")
    assert corpus.files[0].format == "crossref"
    [paper] = corpus.papers
    # The "Abstract" heading dropped, section titles kept as labels, the formula's TeX
    # kept and its MathML twin dropped.
    assert paper.abstract == (
        "Background: Finite triangulated categories need not have enhancements. Results: "
        "We give a condition on n for an enhancement to exist and show it is unique."
    )
    assert paper.title == "ENHANCED FINITE TRIANGULATED CATEGORIES"  # a list in the file
    assert paper.venue == "Journal of the Institute of Mathematics of Jussieu"
    assert (paper.doi, paper.date) == ("10.1017/s1474748020000250", "2020-06-18")
    assert reasons(corpus) == [(9, "no abstract", True)]


@pytest.mark.parametrize(
    ("jats", "text"),
    [
        # Elsevier's deposits: a graphical abstract section holding only its image.
        (
            "<jats:sec><jats:title>Graphical abstract</jats:title><jats:p><jats:inline-graphic"
            ' xlink:href="x.gif"/></jats:p></jats:sec><jats:sec><jats:title>Highlights'
            "</jats:title><jats:p>Thing one works.</jats:p></jats:sec>",
            "Highlights: Thing one works.",
        ),
        # Headings without sections around them; the last one with nothing after it.
        (
            "<jats:title>Background</jats:title><jats:title>Methods</jats:title><jats:p>We "
            "count.</jats:p><jats:title>Notes</jats:title>",
            "Methods: We count.",
        ),
    ],
)
def test_crossref_jats_heading_without_text_is_dropped(jats: str, text: str) -> None:
    assert jats_to_text(jats) == text


_MATH = '<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML" id="M1">'


@pytest.mark.parametrize(
    ("jats", "text"),
    [
        # Hindawi's deposits (10.1155/2014/413629): the formula glued to the words around it.
        (
            f"<jats:p>Grazing raised leaf nitrogen{_MATH}<mml:mo>(</mml:mo><mml:mi>P</mml:mi>"
            "<mml:mo>&lt;</mml:mo><mml:mn>0.05</mml:mn><mml:mo>)</mml:mo></mml:math>and"
            f" height ({_MATH}<mml:mi>P</mml:mi><mml:mo>&lt;</mml:mo><mml:mn>0.01</mml:mn>"
            "</mml:math>versus ungrazed).</jats:p>",
            "Grazing raised leaf nitrogen (P<0.05) and height (P<0.01 versus ungrazed).",
        ),
        # A unit's letters after its symbol, and a value before it, stay as written.
        (
            f"<jats:p>Pores of 5{_MATH}<mml:mi>\u03bc</mml:mi></mml:math>m were seen.</jats:p>",
            "Pores of 5\u03bcm were seen.",
        ),
    ],
)
def test_crossref_mathml_glued_to_words_is_set_apart(jats: str, text: str) -> None:
    assert jats_to_text(jats) == text


def test_crossref_single_work_answer(tmp_path: Path) -> None:
    listing = json.loads((EXPORTS / "crossref_works.json").read_text())
    work = listing["message"]["items"][1]
    answer = {"status": "ok", "message-type": "work", "message": work}
    (tmp_path / "work.json").write_text(json.dumps(answer, indent=2))
    corpus = load_papers([tmp_path / "work.json"])
    assert corpus.files[0].format == "crossref"
    [paper] = corpus.papers
    assert paper.doi == "10.1017/s1474748020000250"
    assert paper.sources[0].line == 4  # where "message" opens


def test_crossref_html_escaped_inside_the_jats_is_text(tmp_path: Path) -> None:
    # TechRxiv's deposits: the abstract's own HTML, escaped, inside the JATS paragraph.
    work = {
        "DOI": "10.36227/techrxiv.24313456",
        "type": "posted-content",
        "title": ["Artificial Intelligence and Human Society"],
        "abstract": "<jats:p>&lt;p&gt;The impact of AI on education has been profound."
        "&lt;/p&gt;&lt;p&gt;Tools &amp;amp; techniques abound.&lt;/p&gt;</jats:p>",
    }
    maths = {
        "DOI": "10.1000/maths",
        "title": ["Orders"],
        "abstract": "<jats:p>We show that a&lt;b and c&gt;d hold together.</jats:p>",
    }
    answer = {"status": "ok", "message-type": "work-list", "message": {"items": [work, maths]}}
    (tmp_path / "crossref.json").write_text(json.dumps(answer))
    paper, orders = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "The impact of AI on education has been profound. Tools & techniques abound."
    )
    assert orders.abstract == "We show that a<b and c>d hold together."


def test_crossref_sign_escaped_twice_inside_the_jats_is_the_sign(tmp_path: Path) -> None:
    # A deposit escaping a sign twice ("(P &amp;lt; .001)", a COVID-19 study's sections in
    # Crossref): one decoding is the JATS's own, the other the text's.
    work = {
        "DOI": "10.1000/shedding",
        "title": ["Shedding"],
        "abstract": "<jats:sec><jats:title>Results</jats:title>Loads peaked early and were"
        " higher in sputum (P &amp;lt; .001, n &amp;gt; 40).</jats:sec>",
    }
    answer = {"status": "ok", "message-type": "work", "message": work}
    (tmp_path / "crossref.json").write_text(json.dumps(answer))
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Results: Loads peaked early and were higher in sputum (P < .001, n > 40)."
    )


def test_jats_escaped_whole_in_crossref_and_csl_json_is_text(tmp_path: Path) -> None:
    # Some deposits hold the whole JATS escaped (Persoonia's, 10.3767/persoonia.2020.44.08):
    # Crossref answers it so, and CSL JSON made from Crossref (citation.js) keeps it.
    escaped = (
        "&lt;jats:p&gt;\n   &lt;jats:italic&gt; Amauroderma&lt;/jats:italic&gt; s.lat. is"
        " revised by (&lt;jats:italic&gt;RPB1&lt;/jats:italic&gt;) loci where a &amp;lt; b."
        "&lt;/jats:p&gt;"
    )
    work = {"DOI": "10.3767/x", "title": ["Amauroderma"], "abstract": escaped}
    answer = {"status": "ok", "message-type": "work", "message": work}
    (tmp_path / "crossref.json").write_text(json.dumps(answer))
    csl = [{"type": "article-journal", "DOI": "10.3767/y", "title": "A", "abstract": escaped}]
    (tmp_path / "csl.json").write_text(json.dumps(csl))
    plain = [{"type": "article", "DOI": "10.1/z", "title": "B", "abstract": "We show a &lt; b."}]
    (tmp_path / "plain.json").write_text(json.dumps(plain))
    corpus = load_papers([tmp_path])
    assert [f.format for f in corpus.files] == ["crossref", "csl-json", "csl-json"]
    expected = "Amauroderma s.lat. is revised by (RPB1) loci where a < b."
    assert [p.abstract for p in corpus.papers] == [expected, expected, "We show a < b."]


# --- Semantic Scholar -----------------------------------------------------------------------


def test_semantic_scholar_batch_with_null_entries() -> None:
    corpus = load("s2_batch.json")  # one line, starting "[null, {…"
    assert corpus.files[0].format == "semantic-scholar"
    [paper] = corpus.papers
    assert (paper.doi, paper.arxiv_id, paper.pmid) == (
        "10.2139/ssrn.288970",
        "2101.00001",
        "12345678",
    )
    assert paper.venue == "Quarterly Journal of Economics"  # "venue" was empty
    assert paper.authors == ("Marta Bertrand", "E. Duflo")
    assert paper.abstract.endswith("introduce4s.")  # the source's own typo, kept
    # A null is what the API answers for an id it does not know: nothing to fix, a notice.
    assert reasons(corpus) == [(1, "null entry", True), (1, "no abstract", True)]


def test_semantic_scholar_venue_is_the_journal_the_paper_names(tmp_path: Path) -> None:
    # Semantic Scholar matches a paper's journal to a "normalized" venue, at times another
    # one: an MDPI Sensors article under "Italian National Conference on Sensors"
    # (semanticscholar's bulk search cassette). The journal's own name comes first; a
    # preprint's journal is "ArXiv", and there its venue names the conference.
    def paper(number: int, venue: str, journal: str, abstract: str) -> dict[str, object]:
        return {
            "paperId": f"p{number}",
            "externalIds": {"CorpusId": number},
            "title": f"Paper {number}",
            "abstract": abstract,
            "venue": venue,
            "journal": {"name": journal, "volume": "21"},
            "authors": [{"authorId": "1", "name": "A. Author"}],
        }

    answer = {
        "total": 2,
        "data": [
            paper(
                1,
                "Italian National Conference on Lichens",
                "Lichens (Basel, Switzerland)",
                ABSTRACT,
            ),
            paper(
                2,
                "Neural Information Processing Systems",
                "ArXiv",
                "We train a small model on lichen photographs and find that it counts them well.",
            ),
        ],
    }
    (tmp_path / "bulk.json").write_text(json.dumps(answer))
    venues = [paper.venue for paper in load_papers([tmp_path / "bulk.json"]).papers]
    assert venues == ["Lichens (Basel, Switzerland)", "Neural Information Processing Systems"]


def test_semantic_scholar_venue_a_script_kept_as_the_venue_object(tmp_path: Path) -> None:
    # A crawler saved the papers with publicationVenue stored under "venue".
    papers = [
        {
            "paperId": "abc1",
            "externalIds": {"DOI": "10.1101/2022.01.01.000001", "CorpusId": 1},
            "title": "Lichen counts from photographs",
            "abstract": ABSTRACT,
            "venue": {"name": "bioRxiv", "id": "0a1b", "type": "journal", "url": "http://x/"},
            "year": 2022,
            "authors": [{"authorId": "1", "name": "A. Author"}],
        }
    ]
    (tmp_path / "results.json").write_text(json.dumps(papers, indent=4))
    [paper] = load_papers([tmp_path / "results.json"]).papers
    assert paper.venue == "bioRxiv"


def test_semantic_scholar_references_and_citations_read_the_paper_inside(
    tmp_path: Path,
) -> None:
    # /paper/{id}/references and /citations wrap each paper in citedPaper / citingPaper.
    cited = {
        "paperId": "abc1",
        "externalIds": {"DOI": "10.1000/x1", "CorpusId": 1},
        "title": "Paper One",
        "abstract": ABSTRACT,
        "publicationVenue": None,
        "openAccessPdf": None,
        "authors": [{"authorId": "1", "name": "A. Author"}],
    }
    citing = {"paperId": "abc2", "title": "Paper Two", "abstract": None, "authors": None}
    answer = {
        "offset": 0,
        "next": 2,
        "data": [
            {"contexts": [], "intents": [], "isInfluential": False, "citedPaper": cited},
            {"contexts": [], "intents": [], "isInfluential": True, "citingPaper": citing},
        ],
    }
    (tmp_path / "refs.json").write_text(json.dumps(answer, indent=2))
    corpus = load_papers([tmp_path / "refs.json"])
    assert corpus.files[0].format == "semantic-scholar"
    [paper] = corpus.papers
    assert (paper.title, paper.doi, paper.authors) == ("Paper One", "10.1000/x1", ("A. Author",))
    assert paper.abstract == ABSTRACT
    assert reasons(corpus) == [(27, "no abstract", True)]


# --- Europe PMC -----------------------------------------------------------------------------


def test_europe_pmc_core_search_answer() -> None:
    corpus = load("europepmc_core.json")
    assert corpus.files[0].format == "europe-pmc"
    notes, trials = corpus.papers
    assert notes.title == "Sparse retrieval of discharge notes."
    # <h4> section headings stay labels, not glued to the next word ("ObjectiveWe test").
    assert notes.abstract.startswith("Objective: We test whether sparse retrieval")
    assert " Methods: Two hospitals (n = 331) took part; p < 0.05 was significant." in (
        notes.abstract
    )
    assert notes.authors == ("Chidi Okafor", "Märta Lindqvist", "The BEIR Consortium")
    assert (notes.pmid, notes.doi, notes.date) == ("40400002", "10.1000/bjhp.12807", "2025-09-01")
    assert notes.venue == "British journal of health informatics"
    assert notes.keywords == ("Information Retrieval", "Hospital records")
    assert notes.url == "https://europepmc.org/article/MED/40400002"
    assert ("pmcid", "PMC12100002") in notes.metadata
    assert (trials.venue, trials.authors, trials.pmid) == ("bioRxiv", ("Fernanda Ruiz",), None)
    # No keywordList: the MeSH headings are its keywords.
    assert trials.keywords == ("Clinical Trials as Topic", "Information Storage and Retrieval")
    # The letter has no abstract: counted, beside papers a notice.
    assert reasons(corpus) == [(15, "no abstract", True)]


@pytest.mark.parametrize("indent", [None, 2])
def test_europe_pmc_article_answer_holds_one_record(tmp_path: Path, indent: int | None) -> None:
    # /article/MED/{pmid}?resultType=core&format=json: the record under "result", no list.
    search = json.loads((EXPORTS / "europepmc_core.json").read_text())
    record = search["resultList"]["result"][1]
    answer = {"version": "6.9", "hitCount": 1, "request": {"id": "40400002"}, "result": record}
    (tmp_path / "article.json").write_text(json.dumps(answer, indent=indent))
    corpus = load_papers([tmp_path / "article.json"])
    assert corpus.files[0].format == "europe-pmc"
    [paper] = corpus.papers
    assert (paper.pmid, paper.title) == ("40400002", "Sparse retrieval of discharge notes.")
    # One record, read once (on one line too, where "result" is list key and envelope alike).
    assert (corpus.files[0].records, corpus.merges) == (1, ())


def test_abstract_text_under_europe_pmc_names_without_source_is_read(tmp_path: Path) -> None:
    # An MCP server relays PubMed's efetch records under Europe PMC's names, with no
    # "source": "abstractText", a plain "authors" list, "journalInfo.title".
    relayed = {
        "requestedPmids": ["31000001"],
        "articles": [
            {
                "pmid": "31000001",
                "title": "Tidal marsh sediment cores.",
                "abstractText": "We cored twelve marshes; the &#x3b2; index rose with depth.",
                "authors": [{"lastName": "Okafor", "firstName": "Ada", "initials": "A"}],
                "journalInfo": {
                    "title": "Estuarine letters",
                    "publicationDate": {"year": "2024", "month": "Mar", "day": "2"},
                },
                "doi": "10.5555/EL.2024.1",
            }
        ],
    }
    (tmp_path / "relay.json").write_text(json.dumps(relayed, indent=2))
    [paper] = load_papers([tmp_path / "relay.json"]).papers
    assert paper.abstract == "We cored twelve marshes; the \u03b2 index rose with depth."
    assert (paper.pmid, paper.doi, paper.authors) == (
        "31000001",
        "10.5555/EL.2024.1",
        ("Ada Okafor",),
    )
    assert (paper.venue, paper.date) == ("Estuarine letters", "2024")


def test_europe_pmc_lite_answer_says_to_ask_for_core(tmp_path: Path) -> None:
    lite = {
        "hitCount": 2,
        "request": {"resultType": "lite"},
        "resultList": {
            "result": [
                {"id": "1", "source": "MED", "pmid": "1", "title": "One.", "authorString": "A B."},
                {"id": "2", "source": "MED", "pmid": "2", "title": "Two.", "pubYear": "2025"},
            ]
        },
    }
    (tmp_path / "lite.json").write_text(json.dumps(lite, indent=2))
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "lite.json"])
    assert "2 records without an abstract" in str(error.value)
    assert "'lite' results have no abstracts: search again with resultType=core" in str(error.value)


# --- bioRxiv / medRxiv ----------------------------------------------------------------------


def test_biorxiv_collection_keeps_each_preprints_newest_version() -> None:
    corpus = load("biorxiv_details.json")
    assert corpus.files[0].format == "biorxiv"
    sparse, masks = corpus.papers
    assert sparse.abstract.endswith("grows with age and with experience.")  # version 2
    assert sparse.authors == ("K. Mensah", "M. Lindqvist", "F. Ruiz")
    assert sparse.venue == "bioRxiv"
    assert sparse.url == "https://www.biorxiv.org/content/10.1101/2024.01.05.574321v2"
    assert ("published", "10.1038/s41593-024-00001-1") in sparse.metadata
    assert len(corpus.merges) == 1  # version 1, merged by its DOI
    assert masks.venue == "medRxiv"
    assert masks.keywords == ("epidemiology",)
    assert ("published", "NA") not in masks.metadata


# --- generic JSON, and what must not break it -----------------------------------------------


def test_generic_object_with_a_list_named_like_a_record_list_stays_one_record(
    tmp_path: Path,
) -> None:
    record = {"id": "x1", "abstract": ABSTRACT, "data": [{"a": 1}, {"b": 2}]}
    (tmp_path / "x.json").write_text(json.dumps(record, indent=2))
    corpus = load_papers([tmp_path / "x.json"])
    [paper] = corpus.papers
    assert (paper.id, paper.abstract) == ("x1", ABSTRACT)
    assert ("data", '[{"a": 1}, {"b": 2}]') in paper.metadata


def test_broken_json_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    good = json.dumps({"abstract": ABSTRACT})
    text = '{"results": [\n' + good + ',\n{"abstract": "cut off\n'
    (tmp_path / "cut.json").write_text(text)
    corpus = load_papers([tmp_path / "cut.json"])
    assert [p.abstract for p in corpus.papers] == [ABSTRACT]
    [skipped] = corpus.skipped
    assert skipped.line == 3 and "the rest of the file is unread" in skipped.reason


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[null, {}]", "json"),
        ('{\n  "meta": {},\n  "results": []\n}', "json"),
        ('{"status": "ok", "message": {"items": []}}\n', "jsonl"),
        # Pretty-printed: a nested object on a line of its own is indented, not JSONL.
        ('{\n  "items": [\n    {"abstract": "We show."}\n  ]\n}\n', "json"),
        ("[1] We show a numbered list of abstracts is not JSON at all.", "text"),
    ],
)
def test_json_is_recognised_by_content(text: str, name: str) -> None:
    assert sniff_format(text).name == name


def test_an_empty_answer_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text('{\n  "meta": {"count": 0},\n  "results": []\n}\n')
    (tmp_path / "ok.jsonl").write_text(json.dumps({"abstract": ABSTRACT}) + "\n")
    corpus = load_papers([tmp_path])
    [skipped] = corpus.skipped
    assert skipped.path.endswith("empty.json")
    assert "without any record" in skipped.reason


@pytest.mark.parametrize("indent", [None, 2])  # as curl saves it, and pretty-printed
@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ({"messages": [{"status": "no posts found"}], "collection": []}, "no posts found"),
        (
            {"meta": {"count": 3}, "results": [], "group_by": [{"key": "article", "count": 3}]},
            "group_by answer counts works",
        ),
        # OpenAlex's group_by answer as saved without "results" (peas8810/rsv_google
        # openalex.json): it was read as one record without an abstract.
        (
            {"meta": {"count": 379}, "group_by": [{"key": "2026", "count": 105}]},
            "group_by answer counts works",
        ),
    ],
)
def test_an_empty_api_answer_says_what_the_api_said(
    tmp_path: Path, answer: dict[str, object], said: str, indent: int | None
) -> None:
    (tmp_path / "empty.json").write_text(json.dumps(answer, indent=indent) + "\n")
    (tmp_path / "ok.jsonl").write_text(json.dumps({"abstract": ABSTRACT}) + "\n")
    corpus = load_papers([tmp_path])
    [skipped] = corpus.skipped
    assert skipped.path.endswith("empty.json")
    assert "without any record" in skipped.reason and said in skipped.reason


def test_a_biorxiv_answer_without_abstracts_says_which_endpoint_has_them(
    tmp_path: Path,
) -> None:
    # /publisher/{prefix}/{interval}: preprint_* fields and the journal's DOI, no abstract.
    item = {
        "biorxiv_doi": "10.1101/123456",
        "published_doi": "10.7554/eLife.1",
        "preprint_title": "A preprint",
        "preprint_category": "neuroscience",
        "preprint_date": "2018-01-02",
    }
    answer = {"messages": [{"status": "ok", "count": 1}], "collection": [item]}
    (tmp_path / "publisher.json").write_text(json.dumps(answer))
    with pytest.raises(InputError, match="has no abstracts: ask /details for them"):
        load_papers([tmp_path / "publisher.json"])


def test_an_api_answer_saved_on_one_line_is_named_by_its_source(tmp_path: Path) -> None:
    # curl saves an answer as one line: read as JSON Lines, it keeps its source's name, and
    # with it the advice of a source whose answers may lack abstracts.
    text = (EXPORTS / "europepmc_core.json").read_text()
    (tmp_path / "core.json").write_text(json.dumps(json.loads(text)))
    assert load_papers([tmp_path / "core.json"]).files[0].format == "europe-pmc"
    lite = {"resultList": {"result": [{"id": "1", "source": "MED", "pubYear": "2025"}]}}
    (tmp_path / "lite.json").write_text(json.dumps(lite))
    with pytest.raises(InputError, match="search again with resultType=core"):
        load_papers([tmp_path / "lite.json"])


# --- Zotero's own item JSON ----------------------------------------------------------------


def test_better_bibtex_json_export() -> None:
    # Better BibTeX's "BetterBibTeX JSON": Zotero's item fields ("abstractNote", "creators",
    # "publicationTitle"), under "items", beside the export's config and collections.
    corpus = load("zotero-bbt.json")
    assert corpus.files[0].format == "zotero"
    article, preprint = corpus.papers
    assert article.id == "rueFormativeEvaluation2016"
    assert article.title == "Formative evaluation of online CO2-free recovery education"
    assert article.abstract.startswith("Families facing")  # the glued heading dropped
    assert article.authors == ("Lisa A. Rue", "The FHT Consortium")  # not the editor
    assert (article.doi, article.date) == ("10.1000/evalprog.2016.004", "2016-04-01")
    assert article.venue == "Evaluation and Program Planning"
    assert article.keywords == ("Family support", "Formative evaluation")
    # Ids Zotero keeps in "extra", and a preprint's repository as its venue.
    assert (preprint.id, preprint.arxiv_id, preprint.pmid, preprint.doi) == (
        "okaforSparse2021",
        "2101.00001",
        "33445566",
        "10.1000/sparse.2021",
    )
    assert preprint.venue == "arXiv"
    assert reasons(corpus) == [(31, "no abstract", True), (49, "not a paper", True)]


def test_zotero_web_api_items() -> None:
    corpus = load("zotero-api.json")
    assert corpus.files[0].format == "zotero"
    [paper] = corpus.papers
    assert (paper.id, paper.title, paper.doi) == (
        "X42A7DEE",
        "Carbon feedback in coupled models",
        "10.1000/carbon.2015.05",
    )
    assert paper.authors == ("Märta Lindqvist", "Chidi Okafor")
    assert reasons(corpus) == [(26, "not a paper", True)]  # the PDF attached to it


def test_zotero_item_keeps_a_chinese_name_saved_in_two_fields_family_name_first(
    tmp_path: Path,
) -> None:
    # Zotero's Wanfang and CNKI translators save a Chinese name in two fields ("lastName":
    # "\u5468", "firstName": "\u6653\u96e8"); it is written family name first, as one word.
    item = {
        "itemType": "journalArticle",
        "title": "\u57ce\u5e02\u6cb3\u6d41\u7684\u6c34\u8d28\u7814\u7a76",
        "creators": [
            {"lastName": "\u5468", "firstName": "\u6653\u96e8", "creatorType": "author"},
            {"lastName": "\u5b59\u660e", "firstName": "", "fieldMode": 1, "creatorType": "author"},
            {"lastName": "Okafor", "firstName": "Chidi", "creatorType": "author"},
        ],
        "abstractNote": "\u76ee\u7684 \u7814\u7a76\u57ce\u5e02\u6cb3\u6d41\u7684\u6c34\u8d28\u3002",
        "libraryCatalog": "Wanfang Data",
    }
    (tmp_path / "items.json").write_text(json.dumps([item], indent=2, ensure_ascii=False))
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("\u5468\u6653\u96e8", "\u5b59\u660e", "Chidi Okafor")


def test_titles_lose_the_markup_apis_keep_in_them(tmp_path: Path) -> None:
    # OpenAlex and Crossref copy publishers' <i>…</i> and <sub>…</sub> into titles.
    work = json.loads((EXPORTS / "openalex_works.json").read_text())["results"][0]
    work["title"] = "Osimertinib in <i>EGFR</i> mutated lung cancer"
    (tmp_path / "openalex.json").write_text(json.dumps(work))
    listing = json.loads((EXPORTS / "crossref_works.json").read_text())
    crossref = listing["message"]["items"][1]
    crossref["title"] = ["Capture of CO<sub>2</sub> in <i>situ</i>"]
    (tmp_path / "crossref.json").write_text(json.dumps({"message": crossref}))
    titles = {
        name: load_papers([tmp_path / name]).papers[0].title
        for name in ("openalex.json", "crossref.json")
    }
    assert titles == {
        "openalex.json": "Osimertinib in EGFR mutated lung cancer",
        "crossref.json": "Capture of CO2 in situ",
    }


def test_csl_json_from_datacite_keeps_its_categories_as_keywords(tmp_path: Path) -> None:
    # doi.org's CSL-JSON for a DataCite DOI: the subjects are `categories`, not `keyword`.
    item = {
        "type": "post-weblog",
        "id": "https://doi.org/10.5438/4k3m-nyvg",
        "DOI": "10.5438/4k3m-nyvg",
        "title": "Eating your own Dog Food",
        "container-title": "DataCite Blog",
        "abstract": "Eating your own dog food is a slang term for using one's own products.",
        "categories": ["Phylogeny", "Malaria"],
        "issued": {"date-parts": [[2016, 12, 20]]},
        "author": [{"family": "Fenner", "given": "Martin"}],
    }
    (tmp_path / "datacite.json").write_text(json.dumps([item], indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.keywords == ("Phylogeny", "Malaria")
    assert (paper.doi, paper.authors, paper.date) == (
        "10.5438/4k3m-nyvg",
        ("Martin Fenner",),
        "2016-12-20",
    )


def test_openalex_work_of_the_old_schema_keeps_its_venue(tmp_path: Path) -> None:
    # Works saved before OpenAlex's 2023 schema (old pyalex/openalexR dumps) have no
    # `primary_location`: the venue is `host_venue`, a preprint's page in
    # `alternate_host_venues`.
    work = {
        "id": "https://openalex.org/W100",
        "doi": "https://doi.org/10.1000/old.1",
        "title": "Open access at scale",
        "publication_date": "2018-02-13",
        "host_venue": {"display_name": "PeerJ", "url": "https://doi.org/10.1000/old.1"},
        "alternate_host_venues": [
            {"display_name": "arXiv", "url": "https://arxiv.org/abs/1801.00001"},
        ],
        "authorships": [{"author": {"display_name": "Ada Lovelace"}}],
        "abstract_inverted_index": {"We": [0], "count": [1], "open": [2], "papers.": [3]},
    }
    (tmp_path / "old.json").write_text(json.dumps({"results": [work]}, indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert (paper.venue, paper.url, paper.arxiv_id) == (
        "PeerJ",
        "https://doi.org/10.1000/old.1",
        "1801.00001",
    )


def test_openalex_author_matched_to_someone_else_is_named_as_the_paper_names_them(
    tmp_path: Path,
) -> None:
    # OpenAlex names each author as the person it matched (display_name), the paper's own
    # name beside it (raw_author_name). A match can be someone else (UtrechtUniversity/
    # BackToPure's openalex.json: "K. Cohen" for the paper's "G D Marijn Veerman"): then the
    # paper's name is shown; a match sharing a word with it stays ("Ramon Flores").
    names = [
        ("Ramon Flores", "Flores, Ram\u00f3n"),
        ("P. Okafor", "Lena M Brandt"),
        ("Ines Tjan\u2010Vos", "Ines C Tjan-Vos"),
    ]
    work = {
        "id": "https://openalex.org/W200",
        "title": "Dosing by blood levels",
        "authorships": [
            {"author": {"display_name": matched}, "raw_author_name": written}
            for matched, written in names
        ],
        "abstract_inverted_index": {"We": [0], "dose": [1], "by": [2], "levels.": [3]},
    }
    (tmp_path / "works.json").write_text(json.dumps({"results": [work]}, indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Ramon Flores", "Lena M Brandt", "Ines Tjan\u2010Vos")


def test_semantic_scholar_dataset_lines_with_lowercased_fields(tmp_path: Path) -> None:
    # Semantic Scholar's bulk datasets write the graph API's fields lowercased
    # (`corpusid`, `externalids`, `publicationdate`, `s2fieldsofstudy`), one paper a line.
    paper = {
        "corpusid": 1234567,
        "externalids": {"ArXiv": "2101.00001", "DOI": "10.1000/s2.1", "PubMed": None},
        "title": "Papers at scale",
        "authors": [{"authorId": "1", "name": "Ada Lovelace"}],
        "venue": "NeurIPS",
        "year": 2021,
        "s2fieldsofstudy": [
            {"category": "Computer Science", "source": "external"},
            {"category": "Computer Science", "source": "s2-fos-model"},
        ],
        "publicationdate": "2021-01-04",
        "abstract": "We study datasets of papers at scale and find that they are useful.",
    }
    (tmp_path / "papers.jsonl").write_text(json.dumps(paper) + "\n")
    [read] = load_papers([tmp_path]).papers
    assert (read.doi, read.arxiv_id, read.date, read.keywords) == (
        "10.1000/s2.1",
        "2101.00001",
        "2021-01-04",
        ("Computer Science",),
    )
    # The "abstracts" dataset: no title, its ids under openaccessinfo (S2AG's layout).
    abstract_line = {
        "corpusid": 7654321,
        "openaccessinfo": {
            "externalids": {"DOI": "10.1000/s2.2", "ArXiv": "2102.00002", "MAG": None},
            "license": "CCBY",
            "url": "https://arxiv.org/pdf/2102.00002",
            "status": "GREEN",
        },
        "abstract": "We read the abstracts dataset and keep each paper's ids.",
    }
    (tmp_path / "papers.jsonl").write_text(json.dumps(abstract_line) + "\n")
    [read] = load_papers([tmp_path]).papers
    assert (read.doi, read.arxiv_id) == ("10.1000/s2.2", "2102.00002")


def test_semantic_scholar_open_research_corpus_lines(tmp_path: Path) -> None:
    # The Open Research Corpus (Semantic Scholar's dumps before its graph datasets) names the
    # abstract `paperAbstract` and keeps `doi`, `pmid`, `s2Url` and `journalName` at the top.
    line = {
        "id": "41022c482c77f26a330f3b584fc99d904b5ba8b2",
        "title": "Errors in delayed reaching",
        "paperAbstract": "Studies of delayed reaching show a bias toward the diagonal.",
        "authors": [{"name": "Mara H Abel", "ids": ["4692562"]}],
        "year": 2010,
        "s2Url": "https://semanticscholar.org/paper/41022c482c77f26a330f3b584fc99d904b5ba8b2",
        "journalName": "Journal of Reaching Research",
        "venue": "",
        "doi": "10.1000/jrr.3.5",
        "pmid": "",
        "fieldsOfStudy": ["Psychology"],
        "inCitations": [],
        "outCitations": [],
    }
    empty = {**line, "id": "5bd3", "title": "No abstract here", "paperAbstract": ""}
    lines = [json.dumps(line), json.dumps(empty)]
    (tmp_path / "s2-corpus-000.jsonl").write_text("\n".join(lines) + "\n")
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert paper.abstract == "Studies of delayed reaching show a bias toward the diagonal."
    assert (paper.doi, paper.venue, paper.date, paper.authors) == (
        "10.1000/jrr.3.5",
        "Journal of Reaching Research",
        "2010",
        ("Mara H Abel",),
    )
    assert paper.url == line["s2Url"]
    assert reasons(corpus) == [(2, "no abstract", True)]


def test_semantic_scholar_abstract_loses_its_glued_heading(tmp_path: Path) -> None:
    # Elsevier's abstracts reach Semantic Scholar with their heading glued on.
    paper = {
        "paperId": "46628e23",
        "title": "Hot working of a white copper alloy",
        "abstract": "Abstract Hot compression tests of a nickel-free alloy were run at 600 C.",
        "year": 2014,
    }
    (tmp_path / "papers.json").write_text(json.dumps({"data": [paper]}))
    [read] = load_papers([tmp_path]).papers
    assert read.abstract == "Hot compression tests of a nickel-free alloy were run at 600 C."


def test_semantic_scholar_paper_without_url_links_to_its_page(tmp_path: Path) -> None:
    # A search asked for fields=title,abstract,year,openAccessPdf gives no `url`, no ids but
    # its `paperId` (a real answer of a reality-technology search): the paper's page is the
    # one `url` would have named, not a search for its title. A short id is no S2 id.
    s2_id = "0123456789abcdef0123456789abcdef01234567"
    answer = {
        "total": 2,
        "offset": 0,
        "next": 2,
        "data": [
            {"paperId": s2_id, "title": "Lichen counts", "abstract": ABSTRACT, "year": 2022},
            {
                "paperId": "46628e23",
                "title": "Lichen sizes",
                "abstract": "We measure lichens on stone walls and find them larger in the shade.",
                "year": 2023,
            },
        ],
    }
    (tmp_path / "search.json").write_text(json.dumps(answer))
    first, second = load_papers([tmp_path / "search.json"]).papers
    assert first.link == f"https://www.semanticscholar.org/paper/{s2_id}"
    assert not first.link_is_search
    assert second.link_is_search


def test_crossref_preprint_is_named_by_its_server(tmp_path: Path) -> None:
    # A `posted-content` work (bioRxiv, medRxiv, SSRN… at Crossref, or its CSL-JSON at doi.org)
    # has an empty `container-title`: its server is `institution[0].name`.
    work = {
        "DOI": "10.1101/2021.08.15.000001",
        "type": "posted-content",
        "subtype": "preprint",
        "member": "246",
        "prefix": "10.1101",
        "institution": [{"name": "medRxiv"}],
        "title": ["Antibodies wane after vaccination"],
        "container-title": [],
        "abstract": "<jats:title>Abstract</jats:title><jats:p>Antibody levels fell.</jats:p>",
        "issued": {"date-parts": [[2021, 8, 18]]},
    }
    answer = {"status": "ok", "message-type": "work", "message": work}
    (tmp_path / "work.json").write_text(json.dumps(answer, indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert (paper.venue, paper.abstract) == ("medRxiv", "Antibody levels fell.")


def test_crossref_heading_glued_to_a_paragraph_goes_in_any_language(tmp_path: Path) -> None:
    # SciELO deposits an abstract with its heading glued to the text in a <jats:p> (a
    # Crossref work of the Revista Brasileira de Ensino de Física in a search tool's test;
    # SciELO's packtools writes "RESUMEN Objetivo: …"), not in a <jats:title>.
    def work(doi: str, abstract: str) -> dict[str, object]:
        return {"DOI": doi, "type": "journal-article", "title": [doi], "abstract": abstract}

    items = [
        work("10.1590/1", "<jats:p>Resumo   Neste trabalho\n são apresentados.</jats:p>"),
        work("10.1590/2", "<jats:p>RESUMEN Objetivo: evaluar la dieta.</jats:p>"),
        work("10.1590/3", "<jats:p>Abstract Objective: to weigh the diet.</jats:p>"),
    ]
    answer = {"status": "ok", "message-type": "work-list", "message": {"items": items}}
    corpus, _ = saved_answer(tmp_path, answer, "crossref")
    assert [paper.abstract for paper in corpus.papers] == [
        "Neste trabalho são apresentados.",
        "Objetivo: evaluar la dieta.",
        "Objective: to weigh the diet.",
    ]


def test_crossref_date_of_the_unix_epoch_dates_no_paper(tmp_path: Path) -> None:
    # A journal's system deposits the Unix epoch for a date it never had (seen in rcrossref's
    # fixture of a Crossref work list: an Acta article "issued" 1970-01-01, its DOI created
    # in 2018): the work's date is then the day its DOI was created.
    work = {
        "DOI": "10.5617/demo.1",
        "type": "journal-article",
        "title": ["Creation scenes in medieval art"],
        "abstract": "<jats:p>The author asks why the Creator is shown as he is.</jats:p>",
        "issued": {"date-parts": [[1970, 1, 1]]},
        "published-online": {"date-parts": [[1970, 1, 1]]},
        "created": {"date-parts": [[2018, 5, 2]], "timestamp": 1525252154000},
    }
    answer = {"status": "ok", "message-type": "work", "message": work}
    (tmp_path / "work.json").write_text(json.dumps(answer, indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.date == "2018-05-02"


def test_csl_json_edited_book_names_its_editors(tmp_path: Path) -> None:
    # Better BibTeX's CSL-JSON of an edited volume has `editor` and no `author`.
    item = {
        "id": "Editor2020",
        "type": "book",
        "title": "Essays on neolithic farming",
        "editor": [{"family": "Schwabedissen", "given": "H."}],
        "abstract": "Twelve essays trace how farming reached northern Europe.",
    }
    (tmp_path / "book.json").write_text(json.dumps([item], indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("H. Schwabedissen",)


def test_csl_json_abstract_without_its_heading_line(tmp_path: Path) -> None:
    # Better BibTeX's CSL-JSON of an item Zotero took from Crossref keeps the JATS
    # abstract's heading on a line of its own (gayashiva/Thesis "My Library.json").
    item = {
        "id": "okaforMossCover2020",
        "type": "article-journal",
        "title": "Moss cover and frost heave",
        "author": [{"family": "Okafor", "given": "Chioma"}],
        "abstract": "Abstract\n            Moss cover slows frost heave in peat. It does so "
        "most where the moss is thick.",
    }
    (tmp_path / "My Library.json").write_text(json.dumps([item], indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Moss cover slows frost heave in peat. It does so most where the moss is thick."
    )


@pytest.mark.parametrize(
    "extra",
    [{"type": "journal-article", "source": "Crossref", "member": "311"}, {"type": "article"}],
)
def test_crossref_and_csl_json_names_in_capitals_are_cased(
    tmp_path: Path, extra: dict[str, str]
) -> None:
    # doi.org's CSL-JSON of an older Wiley paper passes on its names in capitals ({"given":
    # "LOUIS M.", "family": "ROTH"}), in a Crossref-shaped work or a plain CSL item; a name
    # with a small letter and a group's literal name stay as written.
    item = {
        **extra,
        "author": [
            {"given": "MARTHA J.", "family": "QUILL", "sequence": "first"},
            {"given": "PIETER", "non-dropping-particle": "VAN DER", "family": "BERG"},
            {"given": "Ana", "family": "LIMA"},
            {"literal": "EUROPEAN BEETLE SURVEY"},
        ],
        "issued": {"date-parts": [[1997, 5]]},
        "DOI": "10.1111/j.0000-0000.1997.tb00001.x",
        "title": "A new genus of wingless beetles",
        "abstract": "<jats:p>A new genus of wingless beetles is described.</jats:p>",
    }
    (tmp_path / "works.json").write_text(json.dumps([item], indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == (
        "Martha J. Quill",
        "Pieter van der Berg",
        "Ana LIMA",
        "EUROPEAN BEETLE SURVEY",
    )


def test_crossref_name_in_capitals_with_a_suffix_in_its_family_name(tmp_path: Path) -> None:
    # Crossref writes a suffix in the family name ({"family": "Smith, Jr."}); in capitals,
    # "SMITH, JR." before the given names read as a name and its given names, "Smith, J. R.,
    # S.".
    item = {
        "type": "journal-article",
        "author": [{"given": "OTTO", "family": "BRANDT, JR."}, {"given": "EDNA", "family": "VOSS"}],
        "issued": {"date-parts": [[1997, 5]]},
        "title": "A new genus of wingless beetles",
        "abstract": "<jats:p>A new genus of wingless beetles is described.</jats:p>",
    }
    (tmp_path / "works.json").write_text(json.dumps([item], indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Otto Brandt Jr.", "Edna Voss")


def test_csl_json_ids_in_the_note_date_parts_spelled_with_underscore_and_particles(
    tmp_path: Path,
) -> None:
    # Zotero's CSL-JSON of a report or a chapter keeps the DOI (and a PubMed import its
    # PMID) in the note, from the item's Extra; other writers spell "date_parts" with an
    # underscore; a name's particles stand between given and family names.
    items = [
        {
            "id": 3,
            "type": "report",
            "title": "Hypertext Transfer Protocol: Message Syntax and Routing",
            "abstract": "The Hypertext Transfer Protocol is a stateless protocol.",
            "note": "collection-title: Requests for Comments\nDOI: 10.17487/rfc7230\nPMID: 123456",
            "author": [
                {"family": "Sompel", "given": "Herbert Van", "dropping-particle": "de"},
                {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
                {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
            ],
            "issued": {"date_parts": [["2014", 6]]},
        }
    ]
    (tmp_path / "library.json").write_text(json.dumps(items, indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert (paper.doi, paper.pmid, paper.date) == ("10.17487/rfc7230", "123456", "2014-06")
    assert paper.authors == ("Herbert Van de Sompel", "Vincent van Gogh", "Martin Luther King Jr.")


def test_openalex_works_data_frame_from_openalexr(tmp_path: Path) -> None:
    # openalexR's oa2df() data frame, written out as JSON: the abstract already rebuilt as
    # `ab`, authors as `author[].au_display_name`, the venue as `so`.
    row = {
        "id": "https://openalex.org/W200",
        "display_name": "Science mapping in R",
        "author": [{"au_id": "https://openalex.org/A1", "au_display_name": "Massimo Aria"}],
        "ab": "We present an R tool for comprehensive science mapping analysis.",
        "publication_date": "2017-11-01",
        "so": "Journal of Informetrics",
        "url": "https://doi.org/10.1000/r.1",
        "doi": "https://doi.org/10.1000/r.1",
        "type": "journal-article",
    }
    (tmp_path / "works.json").write_text(json.dumps([row], indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert (paper.abstract, paper.authors, paper.venue, paper.doi) == (
        row["ab"],
        ("Massimo Aria",),
        "Journal of Informetrics",
        "10.1000/r.1",
    )


def test_datacite_rest_api_list_and_datacite_json(tmp_path: Path) -> None:
    # api.datacite.org/dois?query=…: each DOI's fields under `attributes`; the abstract is the
    # description whose type is "Abstract" (arXiv registers its comments as "Other"); a
    # person's `name` is "Family, Given", subjects given as URLs name nothing.
    arxiv = {
        "id": "10.48550/arxiv.2101.00001",
        "type": "dois",
        "attributes": {
            "doi": "10.48550/arxiv.2101.00001",
            "creators": [
                {"name": "Mensah, Kofi", "nameType": "Personal"},
                {"name": "Ada Lovelace", "givenName": "Ada", "familyName": "Lovelace"},
            ],
            "titles": [{"title": "Sparse retrieval for long documents"}],
            "publisher": "arXiv",
            "publicationYear": 2021,
            "subjects": [
                {"subject": "Information Retrieval (cs.IR)"},
                {"subject": "http://www.wikidata.org/entity/Q84263196", "subjectScheme": "url"},
            ],
            "dates": [{"date": "2021-01-01", "dateType": "Submitted"}],
            "types": {"resourceTypeGeneral": "Preprint"},
            "url": "https://arxiv.org/abs/2101.00001",
            "descriptions": [
                {"description": "12 pages, 3 figures", "descriptionType": "Other"},
                {
                    "description": "We retrieve <i>long</i> documents.",
                    "descriptionType": "Abstract",
                },
            ],
        },
    }
    series = {
        "id": "10.5281/zenodo.1",
        "type": "dois",
        "attributes": {
            "doi": "10.5281/zenodo.1",
            "titles": [{"title": "Poster"}],
            "publicationYear": 2020,
            "descriptions": [{"description": "Vol. 2", "descriptionType": "SeriesInformation"}],
        },
    }
    answer = {"data": [arxiv, series], "meta": {"total": 2}, "links": {"self": "https://x"}}
    corpus, text = saved_answer(tmp_path, answer, "datacite")
    [paper] = corpus.papers
    assert (paper.title, paper.abstract, paper.arxiv_id, paper.date, paper.venue) == (
        "Sparse retrieval for long documents",
        "We retrieve long documents.",
        "2101.00001",
        "2021",
        "arXiv",
    )
    assert paper.authors == ("Kofi Mensah", "Ada Lovelace")
    assert paper.keywords == ("Information Retrieval (cs.IR)",)
    series_line = text[: text.index('"id": "10.5281/zenodo.1"')].count("\n")  # its "{" line
    assert reasons(corpus) == [(series_line, "no abstract", True)]
    assert "DataCite record without one" in corpus.skipped[0].reason

    # The same DOI asked for alone (/dois/{doi}), and as DataCite JSON (the bare attributes).
    (tmp_path / "one.json").write_text(json.dumps({"data": arxiv}))
    (tmp_path / "bare.json").write_text(json.dumps(arxiv["attributes"], indent=2))
    for name in ("one.json", "bare.json"):
        [alone] = load_papers([tmp_path / name]).papers
        assert (alone.abstract, alone.arxiv_id) == (paper.abstract, paper.arxiv_id)


@pytest.mark.parametrize(
    ("dates", "date"),
    [
        ([{"date": "2016-03-27", "dateType": "Issued"}], "2016-03-27"),
        ({"date": "2016-03-27", "dateType": "Issued"}, "2016-03-27"),
        ([], "2016"),
    ],
)
def test_crosscite_json_is_dated(tmp_path: Path, dates: object, date: str) -> None:
    # Crosscite JSON (bolognese's writer; DataCite's fixture of it, datacite/lupo's
    # crosscite.json, gives `dates` as one object) names its year "publication_year": the
    # record was read undated.
    record = {
        "id": "https://doi.org/10.5281/zenodo.1000",
        "doi": "10.5281/zenodo.1000",
        "types": {"resourceTypeGeneral": "Software", "ris": "COMP"},
        "creators": [{"name": "Mara Quist", "givenName": "Mara", "familyName": "Quist"}],
        "titles": [{"title": "Tools for a crossover experiment"}],
        "publisher": "Zenodo",
        "dates": dates,
        "publication_year": "2016",
        "descriptions": [{"descriptionType": "Abstract", "description": "Tools to read data."}],
        "agency": "DataCite",
    }
    corpus, _ = saved_answer(tmp_path, record, "datacite")
    [paper] = corpus.papers
    assert paper.date == date


# --- Elsevier (Scopus, ScienceDirect) -------------------------------------------------------


def _scopus_entry(doi: str, **fields: object) -> dict[str, object]:
    return {
        "@_fa": "true",
        "link": [{"@_fa": "true", "@ref": "scopus", "@href": f"https://www.scopus.com/{doi}"}],
        "dc:identifier": "SCOPUS_ID:85100000001",
        "eid": "2-s2.0-85100000001",
        "dc:title": "Ion chromatography of <ce:italic>Thymus</ce:italic> extracts",
        "dc:creator": "Yates H.",
        "prism:publicationName": "Journal of Chromatography A",
        "prism:coverDate": "2023-09-27",
        "prism:doi": doi,
        "subtypeDescription": "Article",
        **fields,
    }


def test_scopus_search_answer_with_view_complete(tmp_path: Path) -> None:
    # The Scopus Search API's JSON: entries under search-results.entry; with view=COMPLETE
    # each has its abstract (dc:description), keywords ("a | b") and full author names.
    complete = _scopus_entry(
        "10.1016/j.chroma.2023.1",
        **{
            "dc:description": "We separate amino acids by ion chromatography in food samples.",
            "authkeywords": "Ion chromatography | Amino acids",
            "pubmed-id": "37600001",
            "author": [
                {"authname": "Yates H.", "given-name": "Helen S.A.", "surname": "Yates"},
                {"authname": "Carter J.", "surname": "Carter"},
            ],
        },
    )
    standard = _scopus_entry("10.1016/j.chroma.2023.2")  # view=STANDARD: no abstract
    answer = {
        "search-results": {
            "opensearch:totalResults": "2",
            "link": [{"@_fa": "true", "@ref": "self", "@href": "https://api.elsevier.com/x"}],
            "entry": [complete, standard],
        }
    }
    corpus, _ = saved_answer(tmp_path, answer, "elsevier")
    [paper] = corpus.papers
    assert (paper.title, paper.doi, paper.pmid, paper.venue, paper.date) == (
        "Ion chromatography of Thymus extracts",
        "10.1016/j.chroma.2023.1",
        "37600001",
        "Journal of Chromatography A",
        "2023-09-27",
    )
    assert paper.authors == ("Helen S.A. Yates", "Carter J.")
    assert paper.keywords == ("Ion chromatography", "Amino acids")
    assert [s.reason.split(" (")[0] for s in corpus.skipped] == ["no abstract"]


def test_sciencedirect_search_answer_says_where_abstracts_are(tmp_path: Path) -> None:
    # The ScienceDirect Search API never sends abstracts; its authors are {"$": name}.
    entry = _scopus_entry("10.1016/j.aca.2023.3", authors={"author": [{"$": "Eliise Tammekivi"}]})
    answer = {"search-results": {"opensearch:totalResults": "9", "entry": [entry, entry]}}
    (tmp_path / "sd.json").write_text(json.dumps(answer, indent=2))
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "sd.json"])
    assert "2 records without an abstract" in str(error.value)
    assert "Scopus Search API with view=COMPLETE" in str(error.value)


def test_elsevier_empty_search_and_abstract_retrieval_answer(tmp_path: Path) -> None:
    empty = {"search-results": {"entry": [{"@_fa": "true", "error": "Result set was empty"}]}}
    (tmp_path / "empty.json").write_text(json.dumps(empty))
    core = _scopus_entry("10.1016/j.chroma.2023.4", **{"dc:description": ABSTRACT})
    core["dc:creator"] = {"author": [{"ce:given-name": "Helen", "ce:surname": "Yates"}]}
    retrieval = {"abstracts-retrieval-response": {"coredata": core, "item": {}}}
    (tmp_path / "abstract.json").write_text(json.dumps(retrieval, indent=2))
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert (paper.abstract, paper.doi, paper.authors) == (
        ABSTRACT,
        "10.1016/j.chroma.2023.4",
        ("Helen Yates",),
    )
    [said] = [s.reason for s in corpus.skipped if s.path.endswith("empty.json")]
    assert said == "no record (the Elsevier API said: Result set was empty)"


def test_arxiv_metadata_snapshot_lines(tmp_path: Path) -> None:
    # Kaggle's arxiv-metadata-oai-snapshot: one paper a line; the abstract is the last
    # version's, the date submitted the first's; journal-ref and categories as given.
    line = {
        "id": "2101.11408",
        "submitter": "Daniel Lemire",
        "authors": "Daniel Lemire and Ada Lovelace",
        "title": "Number Parsing at a Gigabyte per\n  Second",
        "comments": "Software at https://github.com/fastfloat",
        "journal-ref": "Software: Practice and Experience 51 (8), 2021",
        "doi": "10.1002/spe.2984",
        "report-no": None,
        "categories": "cs.DS cs.MS",
        "license": "http://creativecommons.org/licenses/by/4.0/",
        "abstract": "  With disks and networks providing gigabytes per second, parsing decimal\n"
        "numbers from strings becomes a bottleneck.\n",
        "versions": [
            {"version": "v1", "created": "Mon, 11 Jan 2021 20:31:27 GMT"},
            {"version": "v2", "created": "Sat, 30 Jan 2021 23:57:29 GMT"},
        ],
        "update_date": "2022-11-07",
        "authors_parsed": [["Lemire", "Daniel", ""], ["Lovelace", "Ada", ""]],
    }
    (tmp_path / "arxiv.json").write_text(json.dumps(line) + "\n")
    [paper] = load_papers([tmp_path / "arxiv.json"]).papers
    assert (paper.arxiv_id, paper.arxiv_version, paper.date) == ("2101.11408", 2, "2021-01-11")
    assert (paper.venue, paper.keywords) == (line["journal-ref"], ("cs.DS", "cs.MS"))
    assert paper.title == "Number Parsing at a Gigabyte per Second"
    assert paper.authors == ("Daniel Lemire", "Ada Lovelace")
    assert paper.abstract.startswith("With disks and networks providing gigabytes per second,")


def test_json_feed_items_give_their_content(tmp_path: Path) -> None:
    # JSON Feed 1.1: the text is `content_html` or `content_text`; `summary` is a teaser,
    # read only where an item has no content. An object with its own "abstract" is not one.
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "New papers",
        "items": [
            {
                "id": "https://arxiv.org/abs/2101.00001",
                "url": "https://arxiv.org/abs/2101.00001",
                "title": "Sparse retrieval",
                "content_html": "<p>We retrieve <b>long</b> documents.</p>",
                "summary": "Retrieval, briefly.",
                "date_published": "2021-01-01T00:00:00Z",
                "authors": [{"name": "Kofi Mensah"}],
                "tags": ["cs.IR"],
            },
            {"id": "2", "title": "Teaser only", "summary": "A teaser.", "date_published": "2021"},
            {"id": "3", "title": "Plain", "abstract": ABSTRACT, "date_published": "2021"},
        ],
    }
    corpus, _ = saved_answer(tmp_path, feed, "json-feed")
    first, teaser, plain = corpus.papers
    assert (first.abstract, first.arxiv_id, first.authors, first.keywords) == (
        "We retrieve long documents.",
        "2101.00001",
        ("Kofi Mensah",),
        ("cs.IR",),
    )
    assert (first.date, teaser.abstract, plain.abstract) == ("2021-01-01", "A teaser.", ABSTRACT)


def test_google_scholar_publications_from_the_scholarly_library(tmp_path: Path) -> None:
    # scholarly's author, filled and saved with json.dump: its `publications`, each a
    # {"container_type": "Publication", "bib": {...}}; a search result lists its authors.
    filled = {
        "container_type": "Publication",
        "bib": {
            "title": "Deepgauge: testing criteria for deep learning systems",
            "pub_year": 2018,
            "author": "Lei Ma, Felix Juefei-Xu and Fuyuan Zhang",
            "book": "Proceedings of ASE",
            "abstract": "Deep learning defines a new data-driven programming paradigm …",
        },
        "num_citations": 99,
        "eprint_url": "https://arxiv.org/pdf/1803.07519",
    }
    snippet = {
        "container_type": "Publication",
        "source": "PUBLICATION_SEARCH_SNIPPET",
        "bib": {"title": "Techland", "author": ["C Chen", "Z Xing"], "abstract": ABSTRACT},
        "pub_url": "https://ieeexplore.ieee.org/document/1",
    }
    untitled = {"container_type": "Publication", "bib": {"title": "No abstract yet"}}
    author = {"container_type": "Author", "name": "Lei Ma", "publications": [filled, snippet]}
    corpus, _ = saved_answer(tmp_path, author, "google-scholar")
    first, second = corpus.papers
    assert (first.arxiv_id, first.authors, first.venue, first.date) == (
        "1803.07519",
        ("Lei Ma", "Felix Juefei-Xu", "Fuyuan Zhang"),
        "Proceedings of ASE",
        "2018",
    )
    assert (second.authors, second.url) == (("C Chen", "Z Xing"), snippet["pub_url"])
    (tmp_path / "answer.json").write_text(json.dumps([untitled, snippet]))
    assert len(load_papers([tmp_path / "answer.json"]).papers) == 1


@pytest.mark.parametrize(
    ("record", "said"),
    [
        ({"DOI": "10.1/a", "member": "1", "title": ["A"]}, "filter=has-abstract:true"),
        ({"id": "https://openalex.org/W1", "abstract_inverted_index": None}, "has_abstract:true"),
        # An answer whose select= named the fields a script wanted, and not the abstract.
        ({"id": "https://openalex.org/W1", "title": "A", "cited_by_count": 3}, "select= must name"),
        ({"paperId": "a1", "title": "One"}, "only when asked for (fields=title,abstract"),
        ({"container_type": "Publication", "bib": {"title": "A"}}, "after scholarly.fill()"),
        ({"id": 1, "title": "A", "yearPublished": 2020}, "the repository it harvested"),
        ({"id": "d1", "bibjson": {"title": "A", "year": "2020"}}, "the publisher uploaded"),
    ],
    ids=[
        "crossref",
        "openalex",
        "openalex-select",
        "semantic-scholar",
        "google-scholar",
        "core",
        "doaj",
    ],
)
def test_an_api_answer_without_abstracts_says_how_to_ask_for_them(
    tmp_path: Path, record: dict[str, object], said: str
) -> None:
    (tmp_path / "answer.json").write_text(json.dumps({"results": [record, record]}))
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "answer.json"])
    assert "2 records without an abstract" in str(error.value) and said in str(error.value)


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ({"message": "Endpoint request timed out"}, "Endpoint request timed out"),
        ({"error": "Paper with id 10.1/x not found"}, "Paper with id 10.1/x not found"),
        (
            {
                "status": "failed",
                "message-type": "validation-failure",
                "message": [{"type": "parameter-not-allowed", "message": "No such parameter"}],
            },
            "No such parameter",
        ),
    ],
    ids=["s2-gateway", "s2-not-found", "crossref-validation"],
)
def test_an_api_error_saved_as_the_answer_says_what_the_api_said(
    tmp_path: Path, answer: dict[str, object], said: str
) -> None:
    # A 504 or 404 answer saved by curl or a script in place of the records asked for.
    (tmp_path / "answer.json").write_text(json.dumps(answer, indent=2))
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "answer.json"])
    assert f":1: an API's error answer, no record (the API said: {said})" in str(error.value)


def test_zenodo_records_and_search_answer(tmp_path: Path) -> None:
    # Zenodo's REST API: everything under `metadata`, the description in HTML, creators
    # "Family, Given"; a search holds its records in hits.hits.
    def record(recid: int, description: str) -> dict[str, object]:
        return {
            "id": recid,
            "conceptrecid": "3757279",
            "doi": f"10.5281/zenodo.{recid}",
            "links": {"html": f"https://zenodo.org/record/{recid}"},
            "metadata": {
                "title": f"Linked COVID-19 Data {recid}",
                "doi": f"10.5281/zenodo.{recid}",
                "description": description,
                "creators": [{"name": "Thiery, Florian", "affiliation": "Squirrel Engineers"}],
                "publication_date": "2020-04-23",
                "keywords": ["Linked Data", "COVID-19"],
                "resource_type": {"type": "publication", "title": "Preprint"},
            },
        }

    html_description = "<p>Linked data <strong>derived</strong> from</p>\n<ul><li>JHU</li></ul>"
    answer = {"hits": {"hits": [record(1, html_description), record(2, "")], "total": 2}}
    # Saved by curl, on one line: "hits" is envelope and record list, its records read once.
    (tmp_path / "line.json").write_text(json.dumps(answer))
    line = load_papers([tmp_path / "line.json"])
    assert (line.files[0].format, line.files[0].records, line.merges) == ("zenodo", 1, ())
    corpus, _ = saved_answer(tmp_path, answer, "zenodo")
    [paper] = corpus.papers
    assert (paper.abstract, paper.authors, paper.doi, paper.url) == (
        "Linked data derived from JHU",
        ("Florian Thiery",),
        "10.5281/zenodo.1",
        "https://zenodo.org/record/1",
    )
    assert (paper.date, paper.venue, paper.keywords) == (
        "2020-04-23",
        "Zenodo",
        ("Linked Data", "COVID-19"),
    )
    assert [s.reason.split(" (")[0] for s in corpus.skipped] == ["no abstract"]


@pytest.mark.parametrize(
    ("issued", "date"),
    [
        ({"date-parts": [[2017, 15], [2017, 16]]}, "Autumn 2017"),  # CSL's 13-16
        ({"date-parts": [[2017, 21]]}, "Spring 2017"),  # EDTF's 21-24
        ({"date-parts": [[2017, 30]]}, "2017"),  # no month, no season
        ({"date-parts": [[2017, 6]]}, "2017-06"),
        ({"date-parts": [[1985]], "season": 1}, "Spring 1985"),  # #360 #811.csl.json
    ],
)
def test_csl_json_season_as_a_pseudo_month_is_no_month(
    tmp_path: Path, issued: dict[str, object], date: str
) -> None:
    # Better BibTeX's CSL-JSON of an item issued in a season (test/fixtures/export/
    # "Season ranges should be exported as pseudo-months (13-16, or 21-24) #860.csl.json").
    item = {"id": "s", "type": "webpage", "title": "T", "issued": issued, "abstract": "A."}
    (tmp_path / "season.json").write_text(json.dumps([item]))
    [paper] = load_papers([tmp_path]).papers
    assert paper.date == date


def test_core_v2_search_hits_get_answer_and_v3_works(tmp_path: Path) -> None:
    # CORE's API v2 search wraps each article as an Elasticsearch hit ({"_index", "_id",
    # "_source": {...}}, ropensci-archive/rcoreoa tests/fixtures/core_search.yml); the abstract
    # is `description`, sometimes opening with a glued "Abstract." and holding entities as
    # text ("mankind&apos;s", core_articles.yml); the harvested rawRecordXml rides along.
    article = {
        "id": "21132995",
        "authors": ["Okafor, Chidi", "Lindqvist, Märta"],
        "contributors": ["The Pennsylvania State University CiteSeerX Archives"],
        "datePublished": "2010-02-17",
        "description": "Abstract.\n    This paper discusses mankind&apos;s rule over fish stocks.",
        "fullTextIdentifier": "http://example.org/paper.pdf",
        "rawRecordXml": "<record><header><identifier>oai:x:1</identifier></header></record>",
        "repositoryDocument": {"pdfStatus": 0, "depositedDate": 1266364800000},
        "subjects": ["text"],
        "title": "Eco-theology and fisheries",
        "topics": ["Ecology", "Fisheries Management"],
        "year": 2010,
        "doi": None,
        "oai": "oai:arXiv.org:1001.0001",
        "downloadUrl": "",
    }
    hit = {"_index": "articles_2019_06_05", "_type": "article", "_id": "21132995"}
    search = {"status": "OK", "totalHits": 2, "data": [{**hit, "_source": article}]}
    corpus, _ = saved_answer(tmp_path, search, "core")
    [paper] = corpus.papers
    assert paper.abstract == "This paper discusses mankind's rule over fish stocks."
    assert (paper.title, paper.authors, paper.date) == (
        "Eco-theology and fisheries",
        ("Chidi Okafor", "Märta Lindqvist"),
        "2010-02-17",
    )
    assert (paper.arxiv_id, paper.url, paper.keywords) == (
        "1001.0001",
        "http://example.org/paper.pdf",
        ("Ecology", "Fisheries Management"),
    )
    assert "rawRecordXml" not in dict(paper.metadata)
    # /articles/get answers with the one article under `data`.
    got, _ = saved_answer(tmp_path, {"status": "OK", "data": article}, "core")
    assert [p.title for p in got.papers] == ["Eco-theology and fisheries"]

    # API v3: `abstract`, authors as objects, a timestamp for a date, the whole fullText.
    work = {
        "id": 4567,
        "title": "Counting birds with drones",
        "abstract": "We count birds from drones and halve the error of counts made by hand.",
        "authors": [{"name": "Smith, John"}],
        "arxivId": None,
        "pubmedId": "33445566",
        "doi": "10.1234/birds",
        "dataProviders": [{"id": 144, "name": "", "url": "https://api.core.ac.uk/v3/x/144"}],
        "fullText": "Introduction. " * 500,
        "fieldOfStudy": "ecology",
        "journals": [{"title": "Ecology Letters", "identifiers": ["issn:1234-5678"]}],
        "links": [
            {"type": "download", "url": "https://core.ac.uk/download/4567.pdf"},
            {"type": "display", "url": "https://core.ac.uk/works/4567"},
        ],
        "publishedDate": "2021-03-02T00:00:00",
        "yearPublished": 2021,
        "documentType": "research",
    }
    works, _ = saved_answer(tmp_path, {"totalHits": 1, "results": [work]}, "core")
    [paper] = works.papers
    assert (paper.date, paper.venue, paper.pmid, paper.url, paper.keywords) == (
        "2021-03-02",
        "Ecology Letters",
        "33445566",
        "https://core.ac.uk/works/4567",
        ("ecology",),
    )
    assert not any("Introduction." in value for _, value in paper.metadata)


def _doaj_article(ident: str, abstract: str, month: str) -> dict[str, object]:
    # As DOAJ's API gives an article (DOAJ/doaj doajtest/unit/resources/create_article.json):
    # all under bibjson; the DOI among ISSNs in `identifier`; month as a name or a number.
    return {
        "id": ident,
        "admin": {"in_doaj": True, "seal": False},
        "bibjson": {
            "title": "Caminhos da <i>ciência</i> aberta",
            "identifier": [
                {"type": "pissn", "id": "1234-5678"},
                {"type": "doi", "id": f"10.5555/doaj.{ident}"},
            ],
            "journal": {"volume": "12", "number": "3", "publisher": "USP", "title": "Ciência"},
            "year": "2021",
            "month": month,
            "start_page": "3",
            "end_page": "21",
            "link": [{"url": f"https://example.org/{ident}", "type": "fulltext"}],
            "abstract": abstract,
            "author": [{"name": "Silva, Maria", "affiliation": "USP"}, {"name": "João Souza"}],
            "keywords": ["ciência aberta", "open science"],
            "subject": [{"scheme": "LCC", "term": "Science", "code": "Q"}],
        },
        "created_date": "2021-04-01T00:00:00Z",
    }


def test_doaj_search_answer_and_data_dump(tmp_path: Path) -> None:
    abstract = "We map open science policies in Brazil&#39;s universities from 2010 to 2020."
    answer = {
        "total": 3,
        "page": 1,
        "pageSize": 10,
        "query": "open science",
        "results": [
            _doaj_article("a1", abstract, "January"),
            _doaj_article("a2", abstract.replace("2020", "2021"), "5"),
            _doaj_article("a3", "", "5"),
        ],
    }
    corpus, _ = saved_answer(tmp_path, answer, "doaj")
    first, second = corpus.papers
    assert (
        first.abstract == "We map open science policies in Brazil's universities from 2010 to 2020."
    )
    assert (first.title, first.authors, first.doi, first.url) == (
        "Caminhos da ciência aberta",
        ("Maria Silva", "João Souza"),
        "10.5555/doaj.a1",
        "https://example.org/a1",
    )
    assert (first.date, second.date, first.venue, first.keywords) == (
        "2021-01",
        "2021-05",
        "Ciência",
        ("ciência aberta", "open science"),
    )
    assert [(reason, notice) for _, reason, notice in reasons(corpus)] == [("no abstract", True)]
    # The public data dump: a JSON array of the same articles.
    dump, _ = saved_answer(tmp_path, [_doaj_article("a1", abstract, "1")], "doaj")
    assert [p.doi for p in dump.papers] == ["10.5555/doaj.a1"]


def test_doaj_journal_records_are_no_papers(tmp_path: Path) -> None:
    journal = {"id": "j1", "bibjson": {"title": "Ciência", "eissn": "1234-5678", "apc": {}}}
    (tmp_path / "journals.json").write_text(json.dumps({"total": 1, "results": [journal]}))
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "journals.json"])
    assert "a DOAJ journal record" in str(error.value)


def _docsum(uid: str, title: str) -> dict[str, object]:
    # An esummary document summary as E-utilities gives it (retmode=json, version 0.3).
    return {
        "uid": uid,
        "pubdate": "2023 Jun",
        "source": "Nature",
        "authors": [{"name": "Theodoris CV", "authtype": "Author", "clusterid": ""}],
        "title": title,
        "articleids": [{"idtype": "pubmed", "idtypen": 1, "value": uid}],
        "attributes": ["Has Abstract"],
        "fulljournalname": "Nature",
        "sortpubdate": "2023/06/01 00:00",
    }


def test_records_without_abstracts_on_one_line_name_that_line_once(tmp_path: Path) -> None:
    # Crossref's answer as curl saves it, on one line: its works without an abstract all
    # sit on line 1, which the summary named once for each ("lines 1, 1, 1").
    def work(doi: str, abstract: str | None = None) -> dict[str, object]:
        item: dict[str, object] = {"DOI": doi, "title": [f"Work {doi}"], "member": "15"}
        return {**item, "abstract": abstract} if abstract else item

    items = [work("10.1000/a"), work("10.1000/b"), work("10.1000/c", "<jats:p>Read.</jats:p>")]
    answer = {"status": "ok", "message-type": "work-list", "message": {"items": items}}
    (tmp_path / "works.json").write_text(json.dumps(answer))
    corpus = load_papers([tmp_path])
    [summary] = corpus.skipped
    assert summary.reason.startswith("2 records without an abstract, not papers (line 1):")


def test_pubmed_esummary_answer_says_to_fetch_the_abstracts(tmp_path: Path) -> None:
    # esummary.fcgi?db=pubmed&retmode=json: the summaries under `result`, each keyed by its
    # uid, listed in `uids`; never an abstract. An id it cannot find is an error summary.
    answer = {
        "header": {"type": "esummary", "version": "0.3"},
        "result": {
            "uids": ["37258680", "36420896", "99999999"],
            "37258680": _docsum("37258680", "Transfer learning enables predictions."),
            "36420896": _docsum("36420896", "GENCODE: reference annotation."),
            "99999999": {"uid": "99999999", "error": "cannot get document summary"},
        },
    }
    answer_uids = ("37258680", "36420896")
    text = json.dumps(answer, indent=2)
    (tmp_path / "esummary.json").write_text(text)
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "esummary.json"])
    said = str(error.value)
    first, second = (text[: text.index(f'"{uid}": {{')].count("\n") + 1 for uid in answer_uids)
    assert f"2 records without an abstract, not papers (lines {first}, {second})" in said
    assert "fetch these PMIDs with efetch.fcgi?db=pubmed&retmode=xml" in said
    # On one line, as curl saves it; and the answer E-utilities gives to too many ids.
    (tmp_path / "line.json").write_text(json.dumps(answer))
    with pytest.raises(InputError, match="2 records without an abstract"):
        load_papers([tmp_path / "line.json"])
    refused = {"header": {"type": "esummary"}, "error": "Too many UIDs in request."}
    (tmp_path / "refused.json").write_text(json.dumps(refused))
    with pytest.raises(InputError, match=r"the API said: Too many UIDs in request\."):
        load_papers([tmp_path / "refused.json"])


def test_pubmed_esearch_answer_says_it_holds_pmids_only(tmp_path: Path) -> None:
    answer = {
        "header": {"type": "esearch", "version": "0.3"},
        "esearchresult": {"count": "2", "idlist": ["36420896", "37248244"]},
    }
    (tmp_path / "esearch.json").write_text(json.dumps(answer))
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "esearch.json"])
    assert "esearch answer lists 2, without titles or abstracts: fetch them" in str(error.value)


def test_a_scripts_papers_each_under_its_doi_are_each_a_paper(tmp_path: Path) -> None:
    # A script's dump of the works it fetched (from OpenAlex, its abstracts rebuilt): one
    # object, each paper under its DOI; "" where the work had no abstract.
    def paper(doi: str, title: str, abstract: str) -> dict[str, object]:
        return {
            "doi": f"https://doi.org/{doi}",
            "title": title,
            "pub_date": "2021-04-19",
            "journal": "Flywheel Letters",
            "authors": ["Lena Roth", "Omar Haddad"],
            "abstract": abstract,
            "cited_by": 7,
        }

    answer = {
        "10.3390/en1": paper("10.3390/en1", "Flywheels for small grids", ABSTRACT),
        "10.1016/j.cf.2": paper("10.1016/j.cf.2", "Drag in low-pressure tubes", ""),
        "10.1063/5.3": paper("10.1063/5.3", "Blowing air under fast trains", ABSTRACT),
    }
    corpus, text = saved_answer(tmp_path, answer, "json")
    first, third = corpus.papers
    assert (first.doi, first.title, first.venue, first.authors) == (
        "10.3390/en1",
        "Flywheels for small grids",
        "Flywheel Letters",
        ("Lena Roth", "Omar Haddad"),
    )
    assert third.title == "Blowing air under fast trains"
    assert first.date == "2021-04-19"  # its "pub_date"
    [skip] = corpus.skipped
    assert skip.line == text[: text.index('"10.1016/j.cf.2": {')].count("\n") + 1
    assert skip.reason.startswith("no abstract")
    # On one line, as json.dump writes it by default.
    (tmp_path / "line.json").write_text(json.dumps(answer))
    assert len(load_papers([tmp_path / "line.json"]).papers) == 2


def test_a_scripts_publication_date_is_the_papers_date(tmp_path: Path) -> None:
    # OpenAlex's own name for a work's date, as a script that rebuilds its works keeps it.
    record = {"title": "Flywheels", "abstract": ABSTRACT, "publication_date": "2021-04-19"}
    corpus, _ = saved_answer(tmp_path, [record], "json")
    assert [paper.date for paper in corpus.papers] == ["2021-04-19"]


def _biorxiv_abstract(tmp_path: Path, abstract: str) -> str:
    """The abstract digest reads from a bioRxiv answer holding one preprint with it."""
    preprint = {
        "doi": "10.1101/2026.05.22.725537",
        "title": "Annotation-efficient leukocyte morphology",
        "authors": "Liu, Z.; Castillo, S. P.",
        "date": "2026-05-26",
        "version": "1",
        "category": "pathology",
        "abstract": abstract,
        "published": "NA",
        "server": "bioRxiv",
    }
    answer = {"messages": [{"status": "ok", "count": 1}], "collection": [preprint]}
    corpus, _ = saved_answer(tmp_path, answer, "biorxiv")
    [paper] = corpus.papers
    return paper.abstract


def test_biorxiv_abstracts_lose_highwires_marks(tmp_path: Path) -> None:
    # bioRxiv's API gives abstracts as HighWire converted them (seen in medRxiv/bioRxiv
    # abstracts saved from api.biorxiv.org): headings glued to their sections, a figure
    # block, a named character, small capitals, list items and a sub-heading.
    abstract = (
        "BackgroundBlood smear review is slow and subjective.\n"
        "MethodsWe trained a two-stage model on 5,952 images.\n"
        'O_FIG O_LINKSMALLFIG WIDTH=200 HEIGHT=120 SRC="FIGDIR/small/1v1_ufig1.gif" '
        'ALT="Figure 1">\nView larger version (31K):\norg.highwire.dtl.DTLVardef@1a2b3c'
        "org.highwire.dtl.DTLVardef@4d5e6f\nC_LINKSMALLFIG C_FIG\n"
        "FindingsThe model reached a macro-F1 of 0{middle dot}96 on O_SCPLOWCD34C_SCPLOW cells."
        "\nO_LIFewer labels are neededC_LIO_LIIt generalises.C_LI\n"
        "Research in ContextO_ST_ABSEvidence before this studyC_ST_ABSManual review varies."
    )
    assert _biorxiv_abstract(tmp_path, abstract) == (
        "Background: Blood smear review is slow and subjective. Methods: We trained a "
        "two-stage model on 5,952 images. Findings: The model reached a macro-F1 of 0·96 on "
        "CD34 cells. Fewer labels are needed; It generalises. Research in Context Evidence "
        "before this study: Manual review varies."
    )


def test_medrxiv_headings_in_capitals_and_closing_notes_are_sections(tmp_path: Path) -> None:
    # medRxiv glues the Lancet's headings in capitals as it glues the others, and a
    # protocol's or trial's closing notes; a word in capitals stays ("DESIGNER").
    lancet = (
        "BACKGROUNDGermline mutations rise with age.\n\nMETHODSWe counted them in 122 "
        "adults with DESIGNER software.\n\nINTERPRETATIONThey may measure ageing."
    )
    assert _biorxiv_abstract(tmp_path, lancet) == (
        "Background: Germline mutations rise with age. Methods: We counted them in 122 "
        "adults with DESIGNER software. Interpretation: They may measure ageing."
    )
    # The closing FUNDING is glued to its funder's acronym as well (medRxiv's details API,
    # jonatasgrosman/findpapers' sample answer)
    funded = lancet + "\n\nFUNDINGNIH R01XY0001 (to A.B.)."
    assert _biorxiv_abstract(tmp_path, funded).endswith(
        "Interpretation: They may measure ageing. Funding: NIH R01XY0001 (to A.B.)."
    )
    protocol = (
        "ObjectivesTo test a register.\n\nEthics & DisseminationNo approval is needed."
        "\n\nTrial RegistrationClinicalTrials.gov NCT03352427\n\nFundingThe authors "
        "thank the patients."
    )
    assert _biorxiv_abstract(tmp_path, protocol) == (
        "Objectives: To test a register. Ethics & Dissemination: No approval is needed. "
        "Trial Registration: ClinicalTrials.gov NCT03352427 Funding: The authors thank "
        "the patients."
    )


def test_medrxiv_key_to_the_authors_initials_is_a_section(tmp_path: Path) -> None:
    # A protocol's closing key to the initials its text uses, glued to the first name
    # (jonatasgrosman/findpapers' sample answer): "…UMIN000038981 Author name
    # abbreviationsMasahiro Banno (MB)".
    abstract = (
        "ObjectivesTo screen trial records.\n\nRegistrationUMIN-CTR: UMIN000012345\n\n"
        "Author name abbreviationsAna Lima (AL), Kofi Mensah (KM)"
    )
    assert _biorxiv_abstract(tmp_path, abstract) == (
        "Objectives: To screen trial records. Registration: UMIN-CTR: UMIN000012345 "
        "Author name abbreviations: Ana Lima (AL), Kofi Mensah (KM)"
    )


def test_a_biorxiv_heading_glued_at_a_paragraphs_start_is_one(tmp_path: Path) -> None:
    # The Journal of Leukocyte Biology's "Summary sentence" closes a bioRxiv abstract, glued
    # to its sentence (jonatasgrosman/findpapers' sample answer): alone, but opening a
    # paragraph, it is a heading; a heading's word glued inside a paragraph is not.
    abstract = (
        "Neutrophils swarm to wounds in waves.\n\nSummary sentenceThe swarm is led by a few scouts."
    )
    assert _biorxiv_abstract(tmp_path, abstract) == (
        "Neutrophils swarm to wounds in waves. Summary sentence: The swarm is led by a few scouts."
    )
    inside = "Neutrophils swarm in waves; see the Summary sentenceThe scouts lead."
    assert _biorxiv_abstract(tmp_path, inside) == inside


def test_biorxiv_characters_by_name_are_themselves(tmp_path: Path) -> None:
    # HighWire names a Greek letter in braces and keeps an entity's brackets (medRxiv).
    abstract = (
        "Treg makes TGF{beta} and IFN{gamma}; {Delta}F508 carriers with a glucose of "
        "[&ge;] 7 mmol/l or a set {x} in [0, 1] were kept."
    )
    assert _biorxiv_abstract(tmp_path, abstract) == (
        "Treg makes TGF\u03b2 and IFN\u03b3; \u0394F508 carriers with a glucose of "
        "\u2265 7 mmol/l or a set {x} in [0, 1] were kept."
    )


def test_biorxiv_abstract_in_bioinformatics_sections(tmp_path: Path) -> None:
    # A preprint written for Bioinformatics (OUP): its headings glued as the others are,
    # and "Contact" to the address that follows it.
    abstract = (
        "MotivationTumour clones evolve along branching routes.\n\n"
        "ResultsWe introduce TREX, which infers them from bulk samples.\n\n"
        "AvailabilityTREX is free at https://github.com/example/trex.\n\n"
        "Contactsana.rossi@example.it, luca.bianchi@example.it."
    )
    assert _biorxiv_abstract(tmp_path, abstract) == (
        "Motivation: Tumour clones evolve along branching routes. Results: We introduce "
        "TREX, which infers them from bulk samples. Availability: TREX is free at "
        "https://github.com/example/trex. Contacts: ana.rossi@example.it, "
        "luca.bianchi@example.it."
    )


def test_a_long_run_of_contact_is_searched_for_an_address_in_linear_time() -> None:
    # "Contacts?" looked for its address over the whole run after it: 40,000 "Contact" in
    # a row took about a minute. An address's local part is at most 64 characters.
    text = "Contact" * 40_000
    assert unglued_sections(text) == text
    glued = "MotivationTea is slow. ResultsWe read it. Contactana@example.it."
    assert unglued_sections(glued) == (
        "Motivation: Tea is slow. Results: We read it. Contact: ana@example.it."
    )


def test_zenodo_inveniordm_record(tmp_path: Path) -> None:
    # Zenodo's records as InvenioRDM gives them (application/vnd.inveniordm.v1+json; a
    # record of zenodo.org/api/records/14110637 kept as a fixture in the library): no
    # conceptrecid; creators under person_or_org, the DOI in pids, subjects for keywords.
    record = {
        "access": {"files": "public", "record": "public"},
        "created": "2024-11-12T20:33:29.945089+00:00",
        "custom_fields": {"journal:journal": {"title": "Revista de Ecologia"}},
        "id": "14110637",
        "is_draft": False,
        "is_published": True,
        "pids": {"doi": {"identifier": "10.5281/zenodo.14110637", "provider": "datacite"}},
        "links": {"self_html": "https://zenodo.org/records/14110637"},
        "metadata": {
            "creators": [
                {"person_or_org": {"name": "Pérez, Ana", "type": "personal"}},
                {"person_or_org": {"name": "Grupo de Ecología", "type": "organizational"}},
            ],
            "description": "<p>Medimos la diversidad de aves en <b>bosques</b> secos.</p>",
            "publication_date": "2024-11-12",
            "publisher": "Zenodo",
            "resource_type": {"id": "publication-article", "title": {"en": "Journal article"}},
            "subjects": [{"subject": "aves"}, {"subject": "bosque seco"}],
            "title": "Aves de los bosques secos",
        },
        "status": "published",
    }  # fmt: skip
    corpus, _ = saved_answer(tmp_path, {"hits": {"hits": [record], "total": 1}}, "zenodo")
    [paper] = corpus.papers
    assert (paper.abstract, paper.authors, paper.doi, paper.url) == (
        "Medimos la diversidad de aves en bosques secos.",
        ("Ana Pérez", "Grupo de Ecología"),
        "10.5281/zenodo.14110637",
        "https://zenodo.org/records/14110637",
    )
    assert (paper.venue, paper.keywords, dict(paper.metadata)["type"]) == (
        "Revista de Ecologia",
        ("aves", "bosque seco"),
        "Journal article",
    )


# --- Springer Nature's and IEEE Xplore's APIs -----------------------------------------------


def test_springer_nature_metadata_answer(tmp_path: Path) -> None:
    # As api.springernature.com/meta/v2/json answers (a downloader's saved TEST_JSON for
    # doi:10.1007/s11306-017-1242-7): read before as one generic record without an
    # abstract, the whole answer lost; its page counts under "result" are no records.
    abstract = (
        "We compile the most widely used freely available software tools for metabolomics "
        "and sort them by the instrument data they take."
    )
    record = {
        "contentType": "Article",
        "identifier": "doi:10.1007/s11306-017-1242-7",
        "url": [
            {"format": "", "platform": "", "value": "http://dx.doi.org/10.1007/s11306-017-1242-7"}
        ],
        "title": "Navigating freely-available software tools for metabolomics analysis",
        "creators": [{"creator": "Spicer, Rachel"}, {"creator": "Cañueto, Daniel"}],
        "publicationName": "Metabolomics",
        "publisher": "Springer",
        "publicationDate": "2017-08-09",
        "abstract": abstract,
    }
    no_abstract = {**record, "identifier": "doi:10.1007/x", "doi": "10.1007/x", "abstract": ""}
    answer = {
        "apiMessage": "This JSON was provided by Springer Nature",
        "query": "doi:10.1007/s11306-017-1242-7",
        "result": [{"total": "2", "start": "1", "pageLength": "10", "recordsDisplayed": "2"}],
        "records": [record, no_abstract],
        "facets": [{"name": "keyword", "values": [{"value": "Metabolomics", "count": "1"}]}],
    }
    corpus, _ = saved_answer(tmp_path, answer, "springer")
    [paper] = corpus.papers
    assert paper.abstract == abstract
    assert paper.authors == ("Rachel Spicer", "Daniel Cañueto")
    assert (paper.doi, paper.date, paper.venue) == (
        "10.1007/s11306-017-1242-7",
        "2017-08-09",
        "Metabolomics",
    )
    assert paper.url == "http://dx.doi.org/10.1007/s11306-017-1242-7"
    assert [(reason, notice) for _, reason, notice in reasons(corpus)] == [("no abstract", True)]


@pytest.mark.parametrize(
    ("written", "year", "date"),
    [
        ("March 2019", 2019, "2019-03"),  # a journal's issue
        ("12-15 March 2019", 2019, "2019-03"),  # a conference's days
        ("29 Oct.-1 Nov. 2017", 2017, "2017-10"),
        ("Jan.-Feb. 2020", 2020, "2020-01"),
        ("Firstquarter 2019", 2019, "2019"),  # IEEE Communications Surveys & Tutorials
        ("", 2021, "2021"),
    ],
)
def test_ieee_xplore_api_dates_a_paper_by_its_publication_date(
    tmp_path: Path, written: str, year: int, date: str
) -> None:
    # The API's publication_date was left unread: every paper was dated by its year alone.
    article = {
        "title": "Energy-based modeling of electric motors",
        "abstract": "We propose a new approach to modeling electrical machines based on "
        "energy considerations and construction symmetries of the motor.",
        "article_number": "7040330",
        "content_type": "Conferences",
        "publication_title": "53rd IEEE Conference on Decision and Control",
        "publication_year": year,
        "publication_date": written,
    }
    corpus, _ = saved_answer(tmp_path, {"total_records": 1, "articles": [article]}, "ieee-xplore")
    [paper] = corpus.papers
    assert paper.date == date


def test_ieee_xplore_api_answer(tmp_path: Path) -> None:
    # As ieeexploreapi.ieee.org/api/v1/search/articles answers (Pythography's ieeexplore
    # module keeps one printed): "articles" was no record list, so the whole answer was one
    # record without an abstract.
    article = {
        "doi": "10.1109/CDC.2014.7040330",
        "title": "Energy-based modeling of electric motors",
        "publisher": "IEEE",
        "rank": 1,
        "authors": {
            "authors": [
                {"full_name": "Pascal Combes", "author_order": 2},
                {"full_name": "Al Kassem Jebai", "author_order": 1},
            ]
        },
        "content_type": "Conferences",
        "abstract": "We propose a new approach to modeling electrical machines based on "
        "energy considerations and construction symmetries of the motor.",
        "article_number": "7040330",
        "html_url": "https://ieeexplore.ieee.org/document/7040330/",
        "publication_title": "53rd IEEE Conference on Decision and Control",
        "publication_year": 2014,
        "publication_date": "15-17 Dec. 2014",
        "index_terms": {
            "ieee_terms": {"terms": ["Torque", "Rotors"]},
            "author_terms": {"terms": ["PMSM", "Torque"]},
        },
    }
    locked = {**article, "article_number": "8216352", "doi": "10.1109/X", "abstract": ""}
    answer = {"total_records": 2, "total_searched": 4804555, "articles": [article, locked]}
    corpus, _ = saved_answer(tmp_path, answer, "ieee-xplore")
    [paper] = corpus.papers
    assert paper.title == "Energy-based modeling of electric motors"
    assert paper.authors == ("Al Kassem Jebai", "Pascal Combes")  # in author_order
    assert (paper.doi, paper.date) == ("10.1109/CDC.2014.7040330", "2014-12")
    assert paper.venue == "53rd IEEE Conference on Decision and Control"
    assert paper.keywords == ("PMSM", "Torque", "Rotors")
    assert paper.url == "https://ieeexplore.ieee.org/document/7040330/"
    assert [(reason, notice) for _, reason, notice in reasons(corpus)] == [("no abstract", True)]


def test_inspire_hep_literature_search_and_record(tmp_path: Path) -> None:
    # INSPIRE-HEP's literature API (inspirehep/inspire-exercise README, its answer to GET
    # /api/literature): each hit's `metadata` holds `titles`, `abstracts` (the publisher's
    # and arXiv's, each with its `source`), authors' `full_name` ("Tabar, E."), `dois`,
    # `arxiv_eprints`, `publication_info` and `references`, whose authors and journals are
    # not the paper's; the record's page is its `control_number`.
    def record(number: int, abstracts: list[dict[str, str]]) -> dict[str, object]:
        return {
            "created": "2021-02-05T17:12:44.185421+00:00",
            "id": str(number),
            "links": {"json": f"https://inspirehep.net/api/literature/{number}?format=json"},
            "metadata": {
                "$schema": "https://inspirehep.net/schemas/records/hep.json",
                "control_number": number,
                "titles": [
                    {"source": "Elsevier", "title": f"Dipole strengths of uranium {number}"},
                    {"source": "arXiv", "title": f"Dipole strength in uranium {number}"},
                ],
                "abstracts": abstracts,
                "authors": [
                    {"full_name": "Tabar, E.", "affiliations": [{"value": "Sakarya U."}]},
                    {"full_name": "Demirci Saygin, N.", "ids": [{"value": "N.Demirci.Saygi.2"}]},
                ],
                "dois": [{"source": "Elsevier", "value": "10.1016/j.nuclphysa.2021.122138"}],
                "arxiv_eprints": [{"categories": ["nucl-th", "hep-ph"], "value": "2101.01234"}],
                "earliest_date": "2021-01-05",
                "imprints": [{"date": "2021-04"}],
                "publication_info": [
                    {"journal_title": "Nucl.Phys.A", "journal_volume": "1008", "artid": "122138"}
                ],
                "keywords": [{"value": "TGI-QPNM", "source": "author"}, {"value": "GDR"}],
                "references": [
                    {
                        "reference": {
                            "authors": [{"full_name": "Bracco, A."}],
                            "publication_info": {"journal_title": "Prog.Part.Nucl.Phys."},
                        }
                    }
                ],
            },
        }

    publisher = {"source": "Elsevier", "value": "We have investigated the dipole strengths."}
    arxiv = {"source": "arXiv", "value": "We investigate the $E1$ strengths of $^{235}$U."}
    answer = {
        "hits": {"hits": [record(1842768, [publisher, arxiv]), record(1842769, [])], "total": 2},
        "links": {"self": "https://inspirehep.net/api/literature/?q=&size=2&page=1"},
    }
    corpus, _ = saved_answer(tmp_path, answer, "inspire")
    [paper] = corpus.papers
    assert (paper.title, paper.abstract, paper.authors) == (
        "Dipole strengths of uranium 1842768",
        "We investigate the E1 strengths of ^235U.",  # TeX as arXiv's is read
        ("E. Tabar", "N. Demirci Saygin"),
    )
    assert (paper.doi, paper.arxiv_id, paper.url, paper.date, paper.venue) == (
        "10.1016/j.nuclphysa.2021.122138",
        "2101.01234",
        "https://inspirehep.net/literature/1842768",
        "2021-01-05",
        "Nucl.Phys.A",
    )
    assert paper.keywords == ("TGI-QPNM", "GDR")
    assert ("categories", "nucl-th hep-ph") in paper.metadata
    assert [reason for _, reason, _ in reasons(corpus)] == ["no abstract"]
    # One record, as /api/literature/1842768 answers, with only the publisher's abstract.
    (tmp_path / "one.json").write_text(json.dumps(record(1842768, [publisher])))
    [one] = load_papers([tmp_path / "one.json"]).papers
    assert (one.abstract, one.arxiv_id) == (publisher["value"], "2101.01234")


def test_nasa_ads_search_answer(tmp_path: Path) -> None:
    # NASA ADS's search API answers as Solr does ({"responseHeader": …, "response": {"docs":
    # […]}}; adsabs/export_service's stub data, a curl answer kept in a tool's comment): a
    # doc's `title` and `doi` are lists, its `abstract` HTML with "<P />" after each
    # paragraph ("Not Available <P />" when there is none), `author` "Family, Given", `pub`
    # the venue, `pubdate` "2017-06-00", an arXiv id among its `identifier`s. Every answer
    # was "no abstract" for the whole file.
    def doc(bibcode: str, **fields: object) -> dict[str, object]:
        return {"read_count": 3, "bibcode": bibcode, "bibstem": [bibcode[4:9]], **fields}

    answer = {
        "responseHeader": {"status": 0, "QTime": 12, "params": {"q": "*:*", "wt": "json"}},
        "response": {
            "numFound": 3,
            "start": 0,
            "docs": [
                doc(
                    "2019A&A...612A..33Q",
                    title=["Dust lanes in quiet spirals"],
                    abstract="We map dust (0.1 &lt; z &lt; 0.3) in ~10<SUP>4</SUP> M<SUB>sun</SUB>"
                    " clouds. <P />Lanes trace the arms. <P />",
                    author=["Quist, Anna B.", "Oduya, K.", "Lane Team"],
                    doi=["10.1051/0004-6361/201900001"],
                    pub="Astronomy and Astrophysics",
                    pubdate="2019-03-00",
                    keyword=["galaxies: spiral", "dust, extinction"],
                    identifier=["2019A&A...612A..33Q", "arXiv:1902.01234"],
                    doctype="article",
                ),
                doc(
                    "2018Edit....5a0201F",
                    title=["Keeping editorial quality"],
                    abstract="Not Available <P />",
                    pubdate="2018-00-00",
                ),
                doc("2016ascl.soft06001B", title=["A code"], year="2016"),
            ],
        },
    }
    corpus, _ = saved_answer(tmp_path, answer, "nasa-ads")
    [paper] = corpus.papers
    assert (paper.title, paper.abstract, paper.authors) == (
        "Dust lanes in quiet spirals",
        "We map dust (0.1 < z < 0.3) in ~10\u2074 Msun clouds. Lanes trace the arms.",
        ("Anna B. Quist", "K. Oduya", "Lane Team"),
    )
    assert (paper.doi, paper.arxiv_id, paper.date, paper.venue, paper.url) == (
        "10.1051/0004-6361/201900001",
        "1902.01234",
        "2019-03",
        "Astronomy and Astrophysics",
        "https://ui.adsabs.harvard.edu/abs/2019A%26A...612A..33Q/abstract",
    )
    assert paper.keywords == ("galaxies: spiral", "dust, extinction")
    assert [s.reason for s in corpus.skipped] == [
        "2 records without an abstract, not papers (lines 44, 56): NASA ADS record without"
        " one; only 'Not Available'"
    ]


def test_hal_search_answer(tmp_path: Path) -> None:
    # HAL's API (api.archives-ouvertes.fr/search, hal.science/{id}/json) answers as Solr
    # does, each field a list named with its type: `title_s` and `abstract_s` hold every
    # language's, `fr_title_s`, `en_abstract_s`… one language's, `language_s` the paper's
    # (a real answer: a harvester's docstring holding hal-01956501's). Every answer was "no
    # abstract (no non-empty 'abstract' or 'summary' field)".
    def doc(hal_id: str, **fields: object) -> dict[str, object]:
        return {"docid": hal_id[4:], "halId_s": hal_id, "version_i": 2, **fields}

    answer = {
        "response": {
            "numFound": 3,
            "start": 0,
            "docs": [
                doc(
                    "hal-04100001",
                    language_s=["fr"],
                    title_s=["Les haies bocag\u00e8res", "Hedgerows of the bocage"],
                    fr_title_s=["Les haies bocag\u00e8res"],
                    en_title_s=["Hedgerows of the bocage"],
                    abstract_s=["Nous comptons les haies.", "We count the hedgerows."],
                    fr_abstract_s=["Nous comptons les haies."],
                    en_abstract_s=["We count the hedgerows."],
                    fr_keyword_s=["bocage", "haie"],
                    keyword_s=["bocage", "haie", "hedgerow"],
                    authFullName_s=["Jeanne Morvan", "Yann Le Gall"],
                    doiId_s="10.4000/norois.99999",
                    journalTitle_s="Norois",
                    producedDate_s="2021-06-15",
                    uri_s="https://hal.science/hal-04100001v2",
                    docType_s="ART",
                ),
                doc(
                    "hal-04100002",
                    title_s=["Sensing soil moisture"],
                    abstract_s=["We sense moisture with <i>radar</i>."],
                    authFullName_s=["Ana Silva"],
                    arxivId_s="2105.00001",
                    conferenceTitle_s="IGARSS 2021",
                    producedDate_s="2021",
                    uri_s="https://hal.science/hal-04100002",
                ),
                doc("hal-04100003", title_s=["A dataset"], uri_s="https://hal.science/x"),
            ],
        }
    }
    corpus, _ = saved_answer(tmp_path, answer, "hal")
    french, english = corpus.papers
    assert (french.title, french.abstract, french.keywords) == (
        "Les haies bocag\u00e8res",
        "Nous comptons les haies.",
        ("bocage", "haie"),
    )
    assert (french.authors, french.doi, french.venue, french.date, french.url) == (
        ("Jeanne Morvan", "Yann Le Gall"),
        "10.4000/norois.99999",
        "Norois",
        "2021-06-15",
        "https://hal.science/hal-04100001v2",
    )
    assert (english.abstract, english.arxiv_id, english.venue) == (
        "We sense moisture with radar.",
        "2105.00001",
        "IGARSS 2021",
    )
    assert [reason for _, reason, _ in reasons(corpus)] == ["no abstract"]


def test_dimensions_api_publications(tmp_path: Path) -> None:
    # The Dimensions API's publications (its DSL's {"_stats": …, "publications": […]}, or
    # the records saved as a list: a figshare how-to's "json formatted metadata from the
    # Dimensions API"): each author an object (`first_name`, `last_name`, `orcid`,
    # `affiliations` with their addresses), `journal` an object. The authors were read as
    # the object's JSON cut at its commas ('[{"affiliations": [{"city": "Pittsburgh"',
    # '"city_id": 5206379', …), and the journal as its JSON.
    def author(first: str, last: str) -> dict[str, object]:
        place = {"city": "Leeds", "country": "United Kingdom", "id": "grid.9909.9", "name": "U"}
        return {
            "affiliations": [place],
            "first_name": first,
            "last_name": last,
            "orcid": [],
            "raw_affiliation": ["University of Leeds, Leeds, UK"],
            "researcher_id": "null",
        }

    answer = {
        "_stats": {"total_count": 2, "limit": 20, "offset": 0},
        "publications": [
            {
                "id": "pub.1100000001",
                "title": "Hedge cutting and bird nesting",
                "abstract": "BackgroundHedges shelter birds.MethodsWe counted nests.",
                "authors": [author("Ruth", "Okafor"), author("Tom", "Baines")],
                "journal": {"id": "jour.1000001", "title": "Journal of Field Ornithology"},
                "doi": "10.1000/jfo.2020.1",
                "pmid": "32000001",
                "date": "2020-05-04",
                "year": 2020,
                "mesh_terms": ["Birds", "Nesting Behavior"],
                "type": "article",
            },
            {"id": "pub.1100000002", "title": "A note", "authors": [], "year": 2021},
        ],
    }
    corpus, _ = saved_answer(tmp_path, answer, "dimensions")
    [paper] = corpus.papers
    assert (paper.title, paper.abstract, paper.authors) == (
        "Hedge cutting and bird nesting",
        "Background: Hedges shelter birds. Methods: We counted nests.",
        ("Ruth Okafor", "Tom Baines"),
    )
    assert (paper.doi, paper.pmid, paper.date, paper.venue, paper.url, paper.keywords) == (
        "10.1000/jfo.2020.1",
        "32000001",
        "2020-05-04",
        "Journal of Field Ornithology",
        "https://app.dimensions.ai/details/publication/pub.1100000001",
        ("Birds", "Nesting Behavior"),
    )
    assert [reason for _, reason, _ in reasons(corpus)] == ["no abstract"]


def test_lens_scholarly_api_answer(tmp_path: Path) -> None:
    # Lens.org's scholarly search API (its documentation's sample answer): {"total", "data":
    # […]}, each work's authors objects with `first_name` and `last_name`, its DOI and PMID
    # among `external_ids`, its journal `source.title`, its date a timestamp, its abstract
    # with the "Abstract" Crossref glued to Elsevier's. The authors were the objects' JSON cut
    # at its commas, the DOI, PMID, journal and date lost, the heading kept.
    def work(lens_id: str, abstract: str | None) -> dict[str, object]:
        return {
            "lens_id": lens_id,
            "publication_type": "journal article",
            "authors": [
                {"first_name": "Ines", "last_name": "Moreau", "initials": "I",
                 "affiliations": [{"name": "Universit\u00e9 de Lille", "country_code": "FR"}]},
                {"first_name": "Karl J.", "last_name": "Berg", "initials": "KJ"},
            ],
            "title": "Ward noise and sleep after surgery",
            "abstract": abstract,
            "keywords": ["Noise", "Sleep"],
            "external_ids": [
                {"type": "magid", "value": "mag1000001"},
                {"type": "pmid", "value": "30000001"},
                {"type": "doi", "value": "10.1016/j.ward.2019.01.001"},
            ],
            "source": {"title": "Journal of Ward Studies", "type": "Journal"},
            "year_published": 2019,
            "date_published": "2019-03-02T00:00:00+00:00",
        }  # fmt: skip

    answer = {
        "total": 2,
        "data": [
            work("000-111-222-333-444", "Abstract Background Wards are loud. Methods We slept."),
            work("000-111-222-333-555", None),
        ],
        "results": 2,
    }
    corpus, _ = saved_answer(tmp_path, answer, "lens")
    [paper] = corpus.papers
    assert (paper.abstract, paper.authors) == (
        "Background: Wards are loud. Methods: We slept.",
        ("Ines Moreau", "Karl J. Berg"),
    )
    assert (paper.doi, paper.pmid, paper.date, paper.venue, paper.keywords) == (
        "10.1016/j.ward.2019.01.001",
        "30000001",
        "2019-03-02",
        "Journal of Ward Studies",
        ("Noise", "Sleep"),
    )
    assert ("lens", "000-111-222-333-444") in paper.metadata
    assert [reason for _, reason, _ in reasons(corpus)] == ["no abstract"]


def test_openalex_work_known_by_arxivs_doi_is_the_arxiv_paper(tmp_path: Path) -> None:
    # OpenAlex keeps a preprint's own work beside the journal's (FMuro's works list,
    # bench/exports/openalex_json): its only id arXiv's DOI, "10.48550/arxiv.1006.5399".
    # It had no arXiv id, so it was no link to arXiv and not one paper with the arXiv
    # listing's or the journal's work of that preprint.
    works = [
        {
            "id": "https://openalex.org/W1",
            "doi": "https://doi.org/10.1000/journal.1",
            "title": "On counting functors",
            "publication_date": "2015-01-01",
            "locations": [{"landing_page_url": "https://arxiv.org/abs/1006.5398"}],
            "authorships": [{"author": {"display_name": "Ada Lovelace"}}],
            "abstract_inverted_index": {"We": [0], "count": [1], "functors.": [2]},
        },
        {
            "id": "https://openalex.org/W2",
            "doi": "https://doi.org/10.48550/arxiv.1006.5398",
            "title": "On counting functors",
            "publication_date": "2010-06-28",
            "authorships": [{"author": {"display_name": "Ada Lovelace"}}],
            "abstract_inverted_index": {"We": [0], "count": [1], "functors": [2], "twice.": [3]},
        },
    ]
    (tmp_path / "works.json").write_text(json.dumps({"results": works}, indent=2))
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert (paper.arxiv_id, paper.doi) == ("1006.5398", "10.1000/journal.1")
    assert [m.rule for m in corpus.merges] == ["arxiv id"]


def test_a_journals_iso_abbreviation_is_the_venue_only_where_nothing_fuller_is(
    tmp_path: Path,
) -> None:
    # A script's JSONL of PubMed records names the journal only by its ISO abbreviation
    # (typhff/top-med-journals-kb papers.jsonl, "journal_iso": "Lancet"): no venue was read.
    lines = [
        {"pmid": "1", "title": "Owls", "abstract": "We count owls.", "journal_iso": "J Birds"},
        {
            "pmid": "2",
            "title": "Bats",
            "abstract": "We count bats.",
            "journal_iso": "J Mammal",
            "journal": "Journal of Mammals",
        },
    ]
    (tmp_path / "papers.jsonl").write_text("\n".join(map(json.dumps, lines)) + "\n")
    corpus = load_papers([tmp_path])
    assert sorted(p.venue or "" for p in corpus.papers) == ["J Birds", "Journal of Mammals"]


def test_a_scripts_list_of_papers_under_papers_is_read(tmp_path: Path) -> None:
    # A script's JSON of a day's arXiv mail (fengziclassmate/journal-rss arxiv-email-archive):
    # its date, counts and stats, then the papers under "papers". The whole object was one
    # record without an abstract: every paper was lost.
    digest = {
        "date": "2026-08-19",
        "paper_count": 2,
        "source_status": {"arxiv-email": "ok:1;papers:2"},
        "papers": [
            {
                "key": "arxiv:2608.10001",
                "title": "Owls at Night",
                "url": "https://arxiv.org/abs/2608.10001",
                "arxiv_id": "2608.10001",
                "authors": ["Ana Lima", "Kofi Mensah"],
                "published": "2026-08-18T14:44:41+00:00",
                "abstract": "We count owls at night with thermal cameras.",
            },
            {"title": "Bats", "arxiv_id": "2608.10002", "abstract": "We count bats."},
        ],
    }
    (tmp_path / "2026-08-19.json").write_text(json.dumps(digest, indent=2))
    corpus = load_papers([tmp_path])
    assert [p.arxiv_id for p in corpus.papers] == ["2608.10001", "2608.10002"]
    owls = corpus.papers[0]
    assert (owls.title, owls.authors, owls.date) == (
        "Owls at Night",
        ("Ana Lima", "Kofi Mensah"),
        "2026-08-18",
    )


def test_an_arxiv_feed_description_kept_as_the_abstract_loses_its_head(tmp_path: Path) -> None:
    # A feed aggregator's JSON of arXiv RSS items (mcox3406/atomistic-simulation-paper-feed)
    # keeps each item's description whole as its "abstract": "arXiv:…v2 Announce Type:
    # replace-cross \nAbstract: …". The head opened the abstract, the summary and the issue.
    items = [
        {
            "title": "Owls at Night",
            "authors": ["Ana Lima"],
            "abstract": "arXiv:2604.10001v2 Announce Type: replace-cross \n"
            "Abstract: We count owls at night with thermal cameras.",
        },
    ]
    (tmp_path / "papers.json").write_text(json.dumps(items, indent=2))
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == "We count owls at night with thermal cameras."
    assert paper.arxiv_id == "2604.10001"


def test_an_abstract_without_a_letter_is_no_abstract(tmp_path: Path) -> None:
    # A script's JSON of the arXiv mail (fengziclassmate/journal-rss arxiv-email-archive)
    # gives a replaced paper the mail's separator line as its "abstract": it was announced
    # as a paper whose summary was a row of dashes.
    items = [
        {"title": "Owls", "arxiv_id": "2608.10001", "abstract": "-" * 78},
        {"title": "Bats", "arxiv_id": "2608.10002", "abstract": "We count bats."},
    ]
    (tmp_path / "papers.json").write_text(json.dumps(items, indent=2))
    corpus = load_papers([tmp_path])
    assert [p.title for p in corpus.papers] == ["Bats"]
    assert corpus.skipped[0].reason.startswith("no abstract (only '---")


@pytest.mark.parametrize("with_number", [False, True])
def test_ieee_xplores_first_page_picture_is_no_abstract(tmp_path: Path, with_number: bool) -> None:
    # IEEE Xplore gives an old paper without an abstract a picture of its first page; a
    # scraper's JSON kept its markup (omerprojects/Ieeeparser ieee.json), the API's answer is
    # its caption once read: each was a paper whose abstract was "First Page of the Article".
    picture = (
        '<div style="font-variant: small-caps;">First Page of the Article</div>'
        '<img class="img-abs-container" src="/xploreAssets/images/absImages/00000001.png">'
    )
    items = [
        {"title": "Tube noise", "abstract": picture, "publication_title": "IEDM"},
        {"title": "Diode noise", "abstract": "We measure diodes.", "publication_title": "IEDM"},
    ]
    if with_number:
        for number, item in enumerate(items):
            item.update(article_number=str(number), content_type="Conferences")
    (tmp_path / "papers.json").write_text(json.dumps(items, indent=2))
    corpus = load_papers([tmp_path])
    assert [p.title for p in corpus.papers] == ["Diode noise"]
    assert corpus.skipped[0].reason == "no abstract (only IEEE Xplore's picture of its first page)"


def test_a_scripts_json_of_crossref_hits_loses_their_jats(tmp_path: Path) -> None:
    # A script's own JSON of Crossref hits (IvanDobrovolsky/crimeaisukraine's
    # crossref_results.json): title, doi, journal and Crossref's JATS abstract, cut by the
    # script at 500 characters, so its <jats:p> is never closed. The abstracts kept their
    # "<jats:p>" and the heading after it ("<jats:p>Abstract. Persimmon is …").
    hits = {
        "total": 3,
        "results": [
            {
                "title": "Persimmon in the hills",
                "doi": "10.5555/persimmon.1",
                "journal": "Fruit Growing",
                "abstract": "<jats:p>Abstract. Persimmon grows well on the hills, we find, and",
            },
            {
                "title": "Fertility in a region",
                "doi": "10.5555/fertility.2",
                "abstract": '<jats:p xml:lang="en">Births fell over ten years.</jats:p>',
            },
            {"title": "A chapter", "doi": "10.5555/chapter.3", "abstract": "<jats:p/>"},
        ],
    }
    (tmp_path / "crossref_results.json").write_text(json.dumps(hits, indent=2))
    corpus = load_papers([tmp_path / "crossref_results.json"])
    assert [(p.title, p.abstract) for p in corpus.papers] == [
        ("Persimmon in the hills", "Persimmon grows well on the hills, we find, and"),
        ("Fertility in a region", "Births fell over ten years."),
    ]
    assert reasons(corpus) == [(15, "no abstract", True)]
