"""Reference-manager exports: BibTeX (.bib) and RIS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rispy  # type: ignore[import-untyped]

from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import ris, sniff_format
from digest.readers.bibtex import parse_bibtex
from digest.readers.ris import parse_ris

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "loading"


def load(*names: str) -> Corpus:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(FIXTURES)
        return load_papers([Path(name) for name in names])


def by_id(corpus: Corpus, paper_id: str) -> Paper:
    [paper] = [p for p in corpus.papers if p.id == paper_id]
    return paper


@pytest.mark.parametrize(("name", "fmt"), [("references.bib", "bibtex"), ("references.ris", "ris")])
def test_recognised_by_content(name: str, fmt: str) -> None:
    assert sniff_format((FIXTURES / name).read_text(encoding="utf-8")).name == fmt


# --- BibTeX ---------------------------------------------------------------------------------


def test_bibtex_entries_with_abstracts_are_papers_keyed_by_their_key() -> None:
    corpus = load("references.bib")
    assert [p.id for p in corpus.papers] == ["lewis2020rag", "mueller2024", "realm2020"]
    rag = by_id(corpus, "lewis2020rag")
    assert rag.arxiv_id == "2005.11401"
    assert rag.title == "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks"
    assert rag.authors == ("Patrick Lewis", "Ethan Perez", "Aleksandra Piktus")
    assert rag.abstract.endswith("when fine-tuned on downstream NLP tasks.")
    assert "\n" not in rag.abstract
    assert dict(rag.metadata)["booktitle"] == "Advances in Neural Information Processing Systems"
    assert by_id(corpus, "realm2020").arxiv_version == 1


def test_bibtex_latex_becomes_unicode_and_doi_url_and_strings_are_kept() -> None:
    paper = by_id(load("references.bib"), "mueller2024")
    assert paper.title == "Cross-lingual Transfer in Über-Large Models"
    assert paper.authors == ("Jörg Müller", "Tomás García", "OpenAI Team")
    assert paper.abstract == (
        "We measure transfer across ~100 languages and find a 5% gain from shared "
        "vocabularies; R&D costs stay flat."
    )
    assert paper.doi == "10.18653/v1/2024.acl-long.1"
    assert paper.url == "https://aclanthology.org/2024.acl-long.1"
    assert paper.date == "2024-11"  # month = nov
    assert dict(paper.metadata)["journal"] == "Association for Computational Linguistics"


def test_bibtex_entries_without_abstract_and_broken_ones_are_skipped_with_lines() -> None:
    corpus = load("references.bib")
    assert [(s.line, s.reason.split(" (")[0]) for s in corpus.skipped] == [
        (29, "no abstract"),
        (35, "unreadable BibTeX entry"),
    ]
    assert corpus.skipped[0].excerpt == "A Paper Someone Cited Without an Abstract"


def test_bibtex_key_used_twice_still_gives_both_entries() -> None:
    # A hand-merged file: both entries hold papers; loading tells them apart ("a-2").
    text = "@misc{a, abstract = {One.}}\n@misc{a, abstract = {Two.}}\n"
    parsed = parse_bibtex(text)
    assert [(r.line, r.id, r.abstract) for r in parsed.records] == [
        (1, "a", "One."),
        (2, "a", "Two."),
    ]
    assert parsed.problems == ()


def test_bibtex_eprint_of_another_archive_is_not_an_arxiv_id() -> None:
    text = "@misc{a, abstract = {One.}, eprint = {2101.00001}, eprinttype = {hal}}\n"
    [record] = parse_bibtex(text).records
    assert record.arxiv is None


# --- RIS ------------------------------------------------------------------------------------


def test_ris_records_with_abstract_from_ab_or_n2() -> None:
    corpus = load("references.ris")
    assert [(s.line, p.title) for p in corpus.papers for s in p.sources] == [
        (1, "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks"),
        (21, "Cross-lingual Transfer in Über-Large Models"),
        (29, "An Unterminated Record At The End"),
    ]
    rag = corpus.papers[0]
    assert rag.authors == ("Patrick Lewis", "Ethan Perez")
    assert rag.arxiv_id == "2005.11401" and rag.arxiv_version == 4
    assert rag.abstract.endswith(
        "state-of-the-art results when fine-tuned on downstream NLP tasks."
    )
    assert rag.keywords == ("retrieval", "question answering")
    mueller = by_id(corpus, "mueller2024")
    assert mueller.doi == "10.18653/v1/2024.acl-long.1"


def test_ris_record_without_abstract_or_end_is_not_silently_lost() -> None:
    corpus = load("references.ris")
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (15, "A Cited Paper Without Abstract")
    last = corpus.papers[-1]
    assert ("note", "record had no closing ER line") in last.metadata


def test_ris_text_between_records_is_reported() -> None:
    text = "TY  - JOUR\nAB  - One abstract.\nER  - \nstray words\nTY  - JOUR\nAB  - Two.\nER  - \n"
    parsed = parse_ris(text)
    assert [r.line for r in parsed.records] == [1, 5]
    assert [(p.line, p.excerpt) for p in parsed.problems] == [(4, "stray words")]
    assert parsed.problems[0].reason.startswith("1 line outside RIS records")


def test_same_paper_from_bib_ris_and_api_is_one_paper_with_every_source() -> None:
    corpus = load("references.bib", "references.ris", "arxiv_api.xml")
    rag = by_id(corpus, "lewis2020rag")
    assert [str(s) for s in rag.sources] == [
        "arxiv_api.xml:10",
        "references.bib:4",
        "references.ris:1",
    ]
    assert rag.arxiv_version == 4
    assert by_id(corpus, "mueller2024").sources[1].path == "references.ris"


def test_ris_scopus_html_entities_without_markup_are_characters() -> None:
    # Scopus's RIS escapes '<' in an abstract as HTML does, with no markup around it.
    abstract = "We choose the exponent 1<p\u22642 for R&D; p < 0.05 stays."
    escaped = abstract.replace("1<p", "1&lt;p")
    text = f"TY  - JOUR\nTI  - Operators &amp; inpainting\nAB  - {escaped}\nDB  - Scopus\nER  - \n"
    [record] = parse_ris(text).records
    assert (record.abstract, record.title) == (abstract, "Operators & inpainting")


@pytest.mark.parametrize("fmt", ["ris", "crossref"])
def test_only_whole_entities_are_decoded_the_same_way_in_every_reader(
    tmp_path: Path, fmt: str
) -> None:
    # "&notes" and "R&D" are no entities; an upper-case hexadecimal one is ('&#X2013;').
    escaped = "The R&amp;D budget &#X2013; and &notes &lt; kept &#8211; across twelve years."
    wanted = "The R&D budget \u2013 and &notes < kept \u2013 across twelve years."
    if fmt == "ris":
        (tmp_path / "a.ris").write_text(f"TY  - JOUR\nTI  - A title\nAB  - {escaped}\nER  - \n")
    else:
        work = {"DOI": "10.1/x", "type": "journal-article", "title": ["A title"]}
        answer = {"status": "ok", "message": {"items": [{**work, "abstract": escaped}]}}
        (tmp_path / "a.json").write_text(json.dumps(answer))
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == fmt
    assert [p.abstract for p in corpus.papers] == [wanted]


def test_ris_fields_continued_over_lines_read_as_rispy_reads_them() -> None:
    # ris._RisParser overrides rispy's private _add_single_value so that a field continued
    # over many lines grows in place (linear, not quadratic): it must still be rispy's
    # method it overrides, and give rispy's very result.
    assert "_add_single_value" in vars(rispy.RisParser)
    text = (
        "TY  - JOUR\nTI  - A title\ncontinued on a second line\n\n\nand a third\n"
        "AU  - Doe, Jane\nAU  - Roe, Rich\nKW  - first\nKW  - second\nmore keyword text\n"
        "AB  - An abstract\nthat goes on\n" + "\n" * 50 + "to its end.\n"
        "N1  - A note\nUR  - https://example.org/a\nER  - \n\n"
        "TY  - CONF\nT1  - Another\nN2  - Its abstract\nover two lines.\nER  - \n"
    )
    assert ris._rispy_loads(text) == rispy.loads(text)
