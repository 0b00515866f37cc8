"""CSL YAML bibliographies as Better BibTeX ("Better CSL YAML") and pandoc write them.

tests/fixtures/exports/better-csl.yml is written for these tests in Better BibTeX's layout
(`---`/`references:`/`...`, `- id:` items and the older bare `-` items, pandoc-citeproc
dates as `- year:` lists, folded `>-` titles with Markdown and `<span class="nocase">`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.loading import load_papers
from digest.models import Corpus
from digest.readers import sniff_format
from digest.readers.csl_yaml import front_matter_references, parse_csl_yaml
from digest.readers.pasted import parsing
from digest.readers.records import Parsed, Record

BETTER_CSL = Path(__file__).resolve().parent / "fixtures" / "exports" / "better-csl.yml"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_papers([BETTER_CSL])


def test_every_item_with_an_abstract_is_a_paper_and_a_broken_item_stands_alone(
    corpus: Corpus,
) -> None:
    assert [p.id for p in corpus.papers] == ["okafor2021sparse", "garcia2019water"]
    reasons = {s.line: s.reason for s in corpus.skipped}
    assert reasons[29].startswith("no abstract (CSL YAML")
    # The item with an unclosed quote is reported on its first line; the next one is read.
    assert reasons[38] == ("unreadable CSL YAML item (found unexpected end of stream at line 41)")


def test_better_bibtex_item_fields_dates_and_markdown_titles(corpus: Corpus) -> None:
    [paper] = [p for p in corpus.papers if p.id == "okafor2021sparse"]
    assert paper.title == "Sparse retrieval at scale with inverted indexes for ColBERT and BM25"
    assert paper.authors == ("Chidi Okafor", "Märta Lindqvist")
    assert paper.doi == "10.1162/tacl_a_00401"
    assert paper.venue == "Transactions of the ACL"
    assert paper.keywords == ("retrieval", "sparse models")
    assert paper.date == "2021-12-31"  # a range's first date
    assert paper.abstract.startswith("We study sparse retrieval at the scale of the whole web.")


def test_literal_block_abstract_keeps_its_text_and_loses_pandoc_subscript_marks(
    corpus: Corpus,
) -> None:
    [paper] = [p for p in corpus.papers if p.id == "garcia2019water"]
    assert paper.date == "2019-05"
    assert paper.abstract == (
        "Water use in cities rose by a third between 1990 and 2019 in our sample. "
        "We estimate CO2 emissions of pumping with a model fitted on 40 cities."
    )


def test_pandoc_references_with_edtf_dates_and_a_closing_rule() -> None:
    # `pandoc refs.bib -s -t markdown`: other keys first, dates as EDTF (YAML reads
    # 2005-03-01 as a date, 2006 as a number), the document closed by '---'.
    text = (
        '---\nnocite: "[@*]"\nreferences:\n'
        "- abstract: We present a method for reading bibliographies that pandoc wrote.\n"
        "  author:\n  - family: Doe\n    given: Jane\n  id: doe2005\n  issued: 2005-03-01\n"
        "  title: A *short* title\n  type: article-journal\n"
        "- abstract: A second abstract.\n  DOI: 10.1000/xyz\n  id: roe2006\n  issued: 2006\n"
        "  title: Another\n  type: article-journal\n---\n"
    )
    assert sniff_format(text).name == "csl-yaml"
    first, second = parse_csl_yaml(text).records
    assert (first.id, first.title, first.authors, first.date, first.line) == (
        "doe2005",
        "A short title",
        ("Jane Doe",),
        "2005-03-01",
        4,
    )
    assert (second.id, second.doi, second.date, second.line) == (
        "roe2006",
        "10.1000/xyz",
        "2006",
        12,
    )


def test_a_markdown_document_with_references_in_its_front_matter_stays_markdown() -> None:
    text = (
        "---\ntitle: My notes\nreferences:\n- id: a\n  title: T\n  type: book\n---\n\n"
        "# Reading list\n\nA paragraph of the note itself, which is the document's text.\n"
    )
    assert sniff_format(text).name != "csl-yaml"


def test_the_works_a_markdown_document_cites_in_its_front_matter_are_its_papers(
    tmp_path: Path,
) -> None:
    # A blogdown post (an R Markdown blog's "Euler Paths") keeps the works it cites, exported
    # from Zotero, in its front matter: pandoc's CSL YAML `references`, one with its abstract.
    # The Markdown reader skipped the front matter as the note's properties, so the cited
    # book was no paper, and read a section of the post ("## Multigraphs in Maxima" over a
    # paragraph) as one.
    (tmp_path / "post.md").write_text(
        "---\ntitle: Euler Paths\nauthor: Matthew Henderson\ndate: '2014-10-17'\n"
        "references:\n- id: eulerSolutio1741\n  author:\n    - family: Euler\n"
        "      given: Leonhard\n  title: Solutio problematis ad geometriam situs pertinentis\n"
        "  type: article-journal\n- id: biggsGraphTheory1986\n  abstract: >-\n"
        "    First published in 1976, this book has been widely acclaimed for its\n"
        "    contribution to the history of mathematics and for bringing the subject alive.\n"
        "  author:\n    - family: Biggs\n      given: Norman L.\n  issued:\n    - year: 1986\n"
        "      month: 12\n  title: Graph Theory 1736-1936\n  type: book\n---\n\n"
        "One of the oldest problems in graph theory concerns the city of Königsberg.\n\n"
        "## Multigraphs in Maxima\n\nMaxima comes with a module for working with graphs. "
        "Unfortunately, the graphs module requires graphs to be simple, with no loops.\n"
    )
    corpus = load_papers([tmp_path / "post.md"])
    [paper] = corpus.papers
    assert (paper.title, paper.authors, paper.date) == (
        "Graph Theory 1736-1936",
        ("Norman L. Biggs",),
        "1986-12",
    )
    assert paper.abstract.startswith("First published in 1976, this book")
    reasons = {skipped.excerpt: skipped.reason for skipped in corpus.skipped}
    assert reasons["Multigraphs in Maxima"].startswith("a section of a document")
    assert "no abstract" in reasons["Solutio problematis ad geometriam situs pertinentis"]


def test_pandoc_citeproc_output_of_a_mendeley_bibtex_file_reads_as_text(tmp_path: Path) -> None:
    # A references.yaml pandoc-citeproc made of a Mendeley BibTeX file (a thesis's, in a
    # public repository) keeps what the .bib held: protecting braces as pandoc spans
    # ("[Towards multiobjective procedural map generation]{.nocase}"), Mendeley's HTML
    # entities with "#" escaped ("&\#x201C;rhythm groups,&\#x201D;") and TeX escapes in
    # its URL, two addresses joined by an escaped line break ("{\%}5Cnhttp://…").
    (tmp_path / "references.yaml").write_text(
        "---\nreferences:\n- id: Togelius2010\n  type: article-journal\n"
        "  title: '[Towards multiobjective procedural map generation]{.nocase}'\n"
        "  abstract: A search-based procedural content generation algorithm for strategy\n"
        "    game maps, whose levels follow &\\#x201C;rhythm groups,&\\#x201D; is proposed.\n"
        "  URL: http://portal.acm.org/citation.cfm?doid=1814256.1814259{\\%}5Cn"
        "http://dl.acm.org/citation.cfm?id=1814259\n"
        "- id: Guzdial2015\n  type: article-journal\n"
        "  title: '[Toward Game Level Generation from Gameplay Videos]{.nocase}'\n"
        "  abstract: We learn game design knowledge for level design from gameplay videos.\n"
        "  URL: http://www.cc.gatech.edu/{~}riedl/pubs/guzdial-pcg15.pdf\n...\n"
    )
    first, second = load_papers([tmp_path / "references.yaml"]).papers
    assert first.title == "Towards multiobjective procedural map generation"
    assert "maps, whose levels follow \u201crhythm groups,\u201d is proposed." in first.abstract
    assert first.url == "http://portal.acm.org/citation.cfm?doid=1814256.1814259"
    assert second.title == "Toward Game Level Generation from Gameplay Videos"
    assert second.url == "http://www.cc.gatech.edu/~riedl/pubs/guzdial-pcg15.pdf"


def test_references_without_items_is_a_problem() -> None:
    assert not parse_csl_yaml("---\nreferences:\n...\n").records
    assert [p.reason for p in parse_csl_yaml("---\nreferences:\n...\n").problems] == [
        "CSL YAML without any item in 'references'"
    ]


def test_a_season_for_a_month_and_a_literal_date() -> None:
    # Better BibTeX's CSL YAML of #860: `season: 3` where a month would be; a literal range.
    text = (
        "---\nreferences:\n- id: a\n  abstract: A.\n  issued:\n    - year: 2017\n      season: 3\n"
        "    - year: 2017\n      season: 4\n  type: webpage\n"
        "- id: b\n  abstract: B.\n  issued:\n    - literal: 2017-14/2017-15\n  type: webpage\n...\n"
    )
    dates = [record.date for record in parse_csl_yaml(text).records]
    assert dates == ["Autumn 2017", "2017-14/2017-15"]


def test_a_season_in_words_dates_the_paper_by_its_year_and_breaks_nothing() -> None:
    # CSL allows a season as a string; it once raised ValueError and lost the whole file.
    text = (
        "---\nreferences:\n- id: a\n  abstract: A.\n  issued:\n    - year: 2019\n"
        "      season: spring\n  type: article\n"
        "- id: b\n  abstract: B.\n  issued:\n    - year: 2020\n      season: 2\n"
        "  type: article\n...\n"
    )
    dates = [record.date for record in parse_csl_yaml(text).records]
    assert dates == ["2019", "Summer 2020"]


def test_an_item_nested_thousands_deep_is_one_problem_and_the_others_are_read() -> None:
    # PyYAML composes nested collections by recursion: this raised RecursionError and the
    # whole load stopped.
    deep = "[" * 5000 + "]" * 5000
    text = (
        "---\nreferences:\n- id: a\n  abstract: A.\n  type: article\n"
        f"- id: b\n  keyword: {deep}\n  abstract: B.\n"
        "- id: c\n  abstract: C.\n  type: article\n...\n"
    )
    parsed = parse_csl_yaml(text)
    assert [record.id for record in parsed.records] == ["a", "c"]
    [problem] = parsed.problems
    assert problem.line == 6
    assert problem.reason.startswith("unreadable CSL YAML item (")


def test_a_metadata_block_of_references_after_a_documents_text_is_read(tmp_path: Path) -> None:
    # A thesis written in pandoc Markdown (a public repository's paper.md) ends with its
    # bibliography as a second metadata block, "---\nreferences:\n- id: …\n...", converted
    # from a Mendeley .bib by pandoc-citeproc. The Markdown reader read the block's lines as
    # text ("references:", "issued:" as field lines, titles as "'[Adventures …]{.nocase}'")
    # and a section of the thesis ("# Background {#sec:background}") as a paper.
    (tmp_path / "paper.md").write_text(
        "---\ntitle: 'Generative spaces: assisting the level designer'\nabstract: |\n"
        "  Creating two-dimensional tile maps by hand is a long and tedious process.\n---\n\n"
        "# Background {#sec:background}\nFirst of all let us define more precisely what a\n"
        "tile-map is: a grid of tiles of one size, the staple of many genres of games.\n\n"
        "# References\n\n---\nreferences:\n- id: Dormans2010\n  type: article-journal\n"
        "  title: '[Adventures in level design: generating missions and spaces]{.nocase}'\n"
        "  abstract: This paper investigates strategies to generate levels for action\n"
        "    adventure games, a genre that relies on well-designed levels.\n"
        "  DOI: 10.1145/1814256.1814257\n- id: Murphy2012\n  type: book\n"
        "  title: '[Machine learning: a probabilistic perspective]{.nocase}'\n...\n"
    )
    corpus = load_papers([tmp_path / "paper.md"])
    [paper] = corpus.papers
    assert paper.title == "Adventures in level design: generating missions and spaces"
    assert paper.doi == "10.1145/1814256.1814257"
    reasons = {skipped.excerpt: skipped.reason for skipped in corpus.skipped}
    assert reasons["Background {#sec:background}"].startswith("a section of a document")
    assert "no abstract" in reasons["Machine learning: a probabilistic perspective"]


def test_a_long_document_citing_works_in_its_metadata_sorts_each_section_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each of the document's records was looked for among its own sections, compared with
    # each of them: a note of 3,000 sections that cites a work in its front matter took 7 s.
    compared = 0
    equal = Record.__eq__

    def counted(self: Record, other: object) -> bool:
        nonlocal compared
        compared += 1
        return equal(self, other)

    monkeypatch.setattr(Record, "__eq__", counted)
    sections = "".join(
        f"## Section {i}\n\nA paragraph of the note itself, number {i}, which is its own text.\n\n"
        for i in range(300)
    )
    (tmp_path / "notes.md").write_text(
        "---\ntitle: My notes\nreferences:\n- id: biggs1986\n  title: Graph Theory 1736-1936\n"
        "  abstract: First published in 1976, this book has been widely acclaimed for its\n"
        "    contribution to the history of mathematics.\n  type: book\n---\n\n" + sections
    )
    corpus = load_papers([tmp_path / "notes.md"])
    assert [paper.title for paper in corpus.papers] == ["Graph Theory 1736-1936"]
    skipped = [s for s in corpus.skipped if s.reason.startswith("a section of a document")]
    assert len(skipped) == 300
    assert compared < 300, compared


def test_emphasis_marks_that_close_nothing_are_read_in_one_pass(tmp_path: Path) -> None:
    # Fuzzing: an abstract of 10,000 "**a " (a bold mark opening, none closing) took 4 s,
    # each mark tried to the line's end; 100,000 of them never finished. Spans that close
    # on their line are still unwrapped, the marks that close nothing kept.
    damaged = "*Bold* and **strong** marks, then " + "**a " * 100_000
    (tmp_path / "refs.yaml").write_text(
        "---\nreferences:\n- id: damaged\n  type: article-journal\n  title: Damaged marks\n"
        f"  abstract: '{damaged}'\n...\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "refs.yaml"]).papers
    assert paper.abstract == "Bold and strong marks, then " + "**a " * 99_999 + "**a"


def test_metadata_blocks_after_a_documents_text_are_read_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each block of `references` after the text was read with a blank line for each line of
    # the file above it (to keep the file's line numbers), and each `---` looked at with a
    # copy of the rest of the file: 20,000 such blocks took 13 s. A block is read alone now,
    # told its first line.
    read: list[str] = []

    def spied(block: str, *first_line: int) -> Parsed | None:
        read.append(block)
        return front_matter_references(block, *first_line)

    monkeypatch.setattr(parsing, "front_matter_references", spied)
    head = "# Reading list\n\n## A paper\n\nWe study how an abstract reads above many blocks.\n"
    item = "- id: a{}\n  title: T\n  abstract: A long enough abstract for item {} to be a paper."
    blocks = [f"\n---\nreferences:\n{item.format(i, i)}\n---\n" for i in range(50)]
    text = head + "".join(blocks) + "\n\n---\nreferences: none\n" * 200
    (tmp_path / "notes.md").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path / "notes.md"])
    lines = sorted(paper.sources[0].line for paper in corpus.papers)
    first = head.count("\n") + 4  # the first block's item, as the file numbers it
    assert lines == list(range(first, first + 50 * 7, 7))
    assert len(read) > 50 and sum(map(len, read)) < len(text)
