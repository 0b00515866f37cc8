"""The same paper from two formats is one paper: by arXiv id, DOI, PMID, or title and first
author; the merged paper keeps the richest of each field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.loading import _surname, load_papers

ABSTRACT = (
    "We follow 400 patients for two years after a first episode of depression. "
    "Relapse was half as likely among those who kept their weekly exercise."
)
OTHER = (
    "We survey nurses in twelve hospitals about night shifts and sleep. "
    "Short sleep predicted errors in the week that followed."
)


def jsonl(path: Path, *rows: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_same_pmid_merges_and_keeps_the_richest_fields(tmp_path: Path) -> None:
    jsonl(
        tmp_path / "a.jsonl",
        {"abstract": ABSTRACT[:90], "pmid": "31452104", "authors": ["Ng A"], "title": "Exercise"},
    )
    jsonl(
        tmp_path / "b.jsonl",
        {"abstract": ABSTRACT, "pmid": "31452104", "authors": ["Ng A", "Oduya B"]},
    )
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert paper.pmid == "31452104"
    assert paper.abstract == ABSTRACT  # the longer one: a database may cut it short
    assert paper.authors == ("Ng A", "Oduya B")  # the longer list
    assert paper.title == "Exercise"
    assert [m.rule for m in corpus.merges] == ["pmid"]


def test_same_title_and_first_author_merge_across_formats(tmp_path: Path) -> None:
    title = "Exercise and relapse after a first episode of depression"
    (tmp_path / "scopus.csv").write_text(
        "Authors,Title,Abstract,Source title\n"
        f'"Müller A., Ng B.","{title.upper()}","{ABSTRACT}",Lancet Psychiatry\n',
        encoding="utf-8",
    )
    jsonl(
        tmp_path / "zotero.jsonl",
        {
            "title": title + ".",
            "authors": ["Anna Muller", "Bo Ng"],
            "abstract": ABSTRACT.replace("400", "four hundred"),
            "doi": "10.1016/S2215-0366(20)30001-1",
            "keywords": ["depression", "exercise"],
        },
    )
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert [m.rule for m in corpus.merges] == ["title and first author"]
    assert paper.doi == "10.1016/S2215-0366(20)30001-1"
    assert len(paper.sources) == 2


LONG_TITLE = (
    "Exercise and relapse after a first episode of depression: a two-year cohort of 400 "
    "patients in primary care"
)


def test_a_title_google_scholar_cut_short_is_the_paper_it_starts(tmp_path: Path) -> None:
    # Google Scholar's alerts cut a long title with "…": the same paper from a database
    # export (whole title, first author, another abstract: the alert's is a snippet) was a
    # second paper, and merged by DOI the alert's cut title could name it.
    (tmp_path / "alert.txt").write_text(
        f"[HTML] {LONG_TITLE[:70]} …\n"
        "<https://scholar.google.com/scholar_url?url=https://example.org/relapse&hl=en>\n"
        "A Ng, B Oduya - The Lancet Psychiatry, 2024\n"
        "We follow 400 patients for two years after a first episode of depression …\n\n"
        "This message was sent by Google Scholar because you're following new results.\n",
        encoding="utf-8",
    )
    jsonl(
        tmp_path / "z.jsonl", {"title": LONG_TITLE, "authors": ["Ng, Anna"], "abstract": ABSTRACT}
    )
    corpus = load_papers([tmp_path / "alert.txt", tmp_path / "z.jsonl"])
    [paper] = corpus.papers
    assert [m.rule for m in corpus.merges] == ["title cut short and first author"]
    assert paper.title == LONG_TITLE
    assert paper.abstract == ABSTRACT


def test_a_cut_title_matches_only_the_title_it_starts_and_its_first_author(
    tmp_path: Path,
) -> None:
    other_end = LONG_TITLE[:60] + " in hospitals …"  # cut after words the whole title lacks
    jsonl(
        tmp_path / "a.jsonl",
        {"title": LONG_TITLE, "authors": ["A Ng"], "abstract": ABSTRACT},
        {"title": other_end, "authors": ["A Ng"], "abstract": OTHER},
        {"title": LONG_TITLE[:70] + " …", "authors": ["C Diaz"], "abstract": "Third. " + OTHER},
        {"title": LONG_TITLE + " (protocol)", "authors": ["A Ng"], "abstract": "Fourth. " + OTHER},
    )
    corpus = load_papers([tmp_path])
    assert corpus.merges == ()
    assert len(corpus.papers) == 4


def test_same_title_different_dois_stay_two_papers(tmp_path: Path) -> None:
    title = "Exercise and relapse after a first episode of depression"
    jsonl(
        tmp_path / "a.jsonl",
        {"title": title, "authors": ["A Ng"], "abstract": ABSTRACT, "doi": "10.5555/one"},
        {"title": title, "authors": ["A Ng"], "abstract": OTHER, "doi": "10.5555/two"},
    )
    assert len(load_papers([tmp_path]).papers) == 2


def _ovid_meeting_abstract(number: int, title: str, author: str, abstract: str) -> str:
    return (
        f"<{number}. >\nVN  - Ovid Technologies\nDB  - Embase\nTI  - {title}\n"
        "SO  - Sleep Medicine. Conference: 9th Shift Work Meeting. Norway. 14 (Supplement 2)"
        " (no pagination), 2021.\n"
        f"AU  - {author}\nAB  - {abstract}\nDO  - http://dx.doi.org/10.5555/supp.2021.2\n"
        "YR  - 2021\n\n"
    )


def test_meeting_abstracts_sharing_their_supplements_doi_stay_two_papers(tmp_path: Path) -> None:
    # Embase gives each abstract of a journal's meeting supplement the supplement's DOI.
    (tmp_path / "embase.ovd").write_text(
        _ovid_meeting_abstract(1, "Exercise and relapse after depression", "Ng A.", ABSTRACT)
        + _ovid_meeting_abstract(2, "Sleep and errors on night shifts", "Diaz C.", OTHER),
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [p.title for p in corpus.papers] == [
        "Exercise and relapse after depression",
        "Sleep and errors on night shifts",
    ]
    assert corpus.merges == ()


def test_same_doi_merges_whatever_one_of_title_author_or_abstract_says(tmp_path: Path) -> None:
    doi = "10.5555/one"
    night = "Sleep and errors on night shifts"
    jsonl(
        tmp_path / "a.jsonl",
        {"title": night, "authors": ["A Ng"], "abstract": ABSTRACT, "doi": doi},
        {
            "title": "Schlaf und Fehler in Nachtschichten",
            "authors": ["Ng, A."],
            "abstract": OTHER,
            "doi": doi,
        },
        {"title": night, "authors": ["C Diaz"], "abstract": OTHER, "doi": doi},
        {
            "title": "Schlaf und Fehler in Nachtschichten",
            "authors": ["C Diaz"],
            "abstract": ABSTRACT,
            "doi": doi,
        },
    )
    corpus = load_papers([tmp_path])
    assert [m.rule for m in corpus.merges] == ["doi", "doi", "doi"]


def test_a_short_title_or_another_first_author_is_no_match(tmp_path: Path) -> None:
    night = "Sleep and errors on night shifts"
    jsonl(
        tmp_path / "a.jsonl",
        {"title": "Editorial", "authors": ["A Ng"], "abstract": ABSTRACT},
        {"title": "Editorial", "authors": ["A Ng"], "abstract": OTHER},
        {"title": night, "authors": ["A Ng"], "abstract": "Third. " + ABSTRACT},
        {"title": night, "authors": ["C Diaz"], "abstract": "Fourth. " + OTHER},
    )
    corpus = load_papers([tmp_path])
    assert corpus.merges == ()
    assert len(corpus.papers) == 4


@pytest.mark.parametrize(
    "name",
    ["Lewis, Patrick", "Patrick Lewis", "Lewis P", "Lewis P.S.", "Lewis PS", "P. Lewis", "LEWIS"],
)
def test_surname_of_every_spelling(name: str) -> None:
    assert _surname(name) == "lewis"


def test_surname_keeps_particles_apart_and_folds_accents() -> None:
    assert _surname("van der Berg, J.") == _surname("J. van der Berg") == "berg"
    assert _surname("Müller, Anna") == _surname("Anna Muller") == "muller"
