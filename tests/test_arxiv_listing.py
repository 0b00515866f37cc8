"""arXiv's daily email listing: records between `\\\\` lines, sections, replacements."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import sniff_format
from digest.readers.arxiv_listing import looks_like_arxiv_listing, parse_arxiv_listing

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "loading"
LISTING = FIXTURES / "arxiv_listing.eml"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(FIXTURES)
        return load_papers([Path("arxiv_listing.eml")])


def by_id(corpus: Corpus, arxiv_id: str) -> Paper:
    [paper] = [p for p in corpus.papers if p.arxiv_id == arxiv_id]
    return paper


def test_listing_is_recognised_by_content() -> None:
    text = LISTING.read_text(encoding="utf-8")
    # The fixture is the mail as saved (mbox "From " line and headers): a mail, whose body
    # is the listing; the body alone is a listing too.
    assert sniff_format(text).name == "email"
    assert sniff_format(text.split("\n\n", 1)[1]).name == "arxiv-listing"
    assert not looks_like_arxiv_listing("Abstract: We study cats. \\\\ (not a trailer)\n")


def test_every_record_is_a_paper_or_skipped(corpus: Corpus) -> None:
    [report] = corpus.files
    assert (report.format, report.records) == ("email: arxiv-listing", 4)
    assert sorted(p.arxiv_id or "" for p in corpus.papers) == [
        "2411.09876",
        "2411.10001",
        "2411.10002",
    ]
    assert [(s.line, s.excerpt) for s in corpus.skipped] == [
        (74, "arXiv:2403.05555 A Benchmark for Multilingual Instruction Following")
    ]
    assert "replacement without an abstract" in corpus.skipped[0].reason
    # As arXiv sends it: nothing to fix, so a notice that --strict lets pass.
    assert corpus.skipped[0].notice


def test_strict_passes_a_replacement_notice_but_not_a_problem(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from digest.cli import main

    listing = LISTING.read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "listing.eml").write_text(listing, encoding="utf-8")
    runner = CliRunner()
    args = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--strict"]
    args += ["--state", str(tmp_path / "h.sqlite3"), "--date", "2026-11-16"]
    passed = runner.invoke(main, args)
    assert passed.exit_code == 0, passed.output
    assert "note: " in passed.stderr and "replacement without an abstract" in passed.stderr
    assert "warning:" not in passed.stderr
    quiet = runner.invoke(main, [*args, "--dry-run", "--quiet"])
    assert "replacement" not in quiet.stderr  # notes are not shown with --quiet
    # A listing entry that is not a replacement and has no abstract is a problem.
    lines = listing.splitlines(keepends=True)
    broken = "".join(line for line in lines if not line.startswith(("%%--", " Replacements")))
    (tmp_path / "in" / "listing.eml").write_text(broken, encoding="utf-8")
    failed = runner.invoke(main, args)
    assert failed.exit_code == 1
    assert "warning: " in failed.stderr and "listing entry without an abstract" in failed.stderr
    assert "--strict: 1 input problem" in failed.output


def test_wrapped_fields_are_rejoined(corpus: Corpus) -> None:
    paper = by_id(corpus, "2411.10002")
    # "Disagree-" + "ment" on the next line was a line-break hyphen.
    assert (
        paper.title == "Cheap Talk: Estimating Annotation Quality from Annotator Disagreement Alone"
    )
    first = by_id(corpus, "2411.10001")
    assert first.title == (
        "Sparse Retrieval Heads: How Long-Context Language Models Find the Needle"
    )
    # The byline shows names: an affiliation after one is kept beside them, in metadata.
    assert first.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang", "Sofia Rossi")
    assert dict(first.metadata)["authors with affiliations"] == (
        "Ana Lima, Kofi Mensah (University of Ghana, Legon), Wei Zhang and Sofia Rossi"
    )
    assert dict(first.metadata)["comments"] == (
        "18 pages, 7 figures. Accepted at the Findings of the Association for "
        "Computational Linguistics: EMNLP 2024"
    )


def test_abstract_block_is_one_clean_paragraph(corpus: Corpus) -> None:
    paper = by_id(corpus, "2411.10002")
    assert paper.abstract.startswith("We show that the disagreement between crowd annotators")
    assert "\n" not in paper.abstract
    assert "\N{GREEK SMALL LETTER RHO}=0.81" in paper.abstract
    assert "recovers ~95% of the gain" in paper.abstract
    assert "\\\\" not in paper.abstract and "kb)" not in paper.abstract


def test_doi_journal_ref_and_trailer_url_are_kept(corpus: Corpus) -> None:
    paper = by_id(corpus, "2411.10002")
    assert paper.doi == "10.1162/tacl_a_00999"
    assert paper.url == "https://arxiv.org/abs/2411.10002"
    assert paper.venue == "Transactions of the ACL 12 (2024) 101-118"  # Journal-ref
    assert paper.date == "2024-11-15"  # the mail's "Fri, 15 Nov 2024 20:31:50 GMT"


def test_sections_set_the_announce_type(corpus: Corpus) -> None:
    assert dict(by_id(corpus, "2411.10002").metadata)["announce type"] == "new"
    cross = by_id(corpus, "2411.09876")
    assert dict(cross.metadata)["announce type"] == "cross"
    assert cross.authors == ("Mina Park", "Tomás García")


def test_replacement_with_abstract_merges_keeping_the_newest_version(corpus: Corpus) -> None:
    paper = by_id(corpus, "2411.10001")
    assert paper.arxiv_version == 2
    assert paper.abstract.endswith("and we release code to find them.")
    assert [s.line for s in paper.sources] == [18, 84]
    assert [(m.source.line, m.rule) for m in corpus.merges] == [(84, "arxiv id")]
    assert ("announce type", "replace") in paper.metadata


def test_record_cut_short_by_a_new_record_is_still_read() -> None:
    text = (
        "\\\\\narXiv:2411.00001\nTitle: One\n\\\\\n  First abstract text here.\n"
        "\\\\\narXiv:2411.00002\nTitle: Two\n\\\\\n  Second abstract.\n"
        "\\\\ ( https://arxiv.org/abs/2411.00002 ,  5kb)\n"
    )
    parsed = parse_arxiv_listing(text)
    assert [(r.line, r.arxiv, r.abstract) for r in parsed.records] == [
        (2, "2411.00001", "First abstract text here."),
        (7, "2411.00002", "Second abstract."),
    ]


def test_new_entry_without_abstract_is_a_problem_not_silence() -> None:
    text = "\\\\\narXiv:2411.00003\nTitle: Three\n\\\\ ( https://arxiv.org/abs/2411.00003 , 5kb)\n"
    parsed = parse_arxiv_listing(text)
    assert parsed.records == ()
    [problem] = parsed.problems
    assert (problem.line, problem.excerpt) == (2, "arXiv:2411.00003 Three")
    assert "without an abstract" in problem.reason


def test_text_between_records_is_reported_but_the_mail_header_is_not() -> None:
    text = (
        "From: no-reply@arxiv.org\nSubject: cs daily\n\n"
        "\\\\\narXiv:2411.00001\nTitle: One\n\\\\\n  First abstract.\n"
        "\\\\ ( https://arxiv.org/abs/2411.00001 ,  5kb)\n" + "-" * 78 + "\n"
        "My own note pasted in the middle.\n"
        "%-%-%-%-%-%-%-%-%-%-%-%-%-%-%-%-%-\n Cross-submissions for Mon, 18 Nov 24\n"
        "%-%-%-%-%-%-%-%-%-%-%-%-%-%-%-%-%-\n"
    )
    parsed = parse_arxiv_listing(text)
    assert [r.arxiv for r in parsed.records] == ["2411.00001"]
    assert [(p.line, p.excerpt) for p in parsed.problems] == [
        (11, "My own note pasted in the middle.")
    ]


def test_a_listing_pasted_into_a_notes_code_fence_has_no_stray_text() -> None:
    # A mail's listing kept in a Markdown note between "```" fences: the closing fence
    # after the last record is the note's, no text left out of a paper.
    text = (
        "## Before\n\n```\n" + "-" * 78 + "\n"
        "\\\\\narXiv:2411.00001\nTitle: One\n\\\\\n  First abstract.\n"
        "\\\\ ( https://arxiv.org/abs/2411.00001 ,  5kb)\n" + "-" * 78 + "\n```\n"
    )
    parsed = parse_arxiv_listing(text)
    assert [r.arxiv for r in parsed.records] == ["2411.00001"]
    assert parsed.problems == ()


def test_a_copy_cut_after_a_records_rule_has_no_empty_record() -> None:
    # A listing copied out of a mail client up to the next record's opening "\\": that
    # "\\" opens nothing, and the file has no problem to report.
    text = (
        "\\\\\narXiv:2306.07429\nDate: Mon, 12 Jun 2023 21:15:25 GMT   (15219kb,D)\n\n"
        "Title: Explaining CLIP through Co-Creative Drawings\n"
        "Authors: Varvara Guljajeva and Mar Canet Sol\\`a\nCategories: cs.AI\n"
        "Journal-ref: Proceedings of xCoAx 2023\n\\\\\n"
        " This paper analyses a visual archive of drawings produced by an interactive\n"
        "robotic art installation.\n\\\\ ( https://arxiv.org/abs/2306.07429 ,  15219kb)\n"
        + "-" * 78
        + "\n\\\\\n"
    )
    parsed = parse_arxiv_listing(text)
    [record] = parsed.records
    assert record.venue == "Proceedings of xCoAx 2023"
    assert parsed.problems == ()
