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


def test_same_title_different_dois_stay_two_papers(tmp_path: Path) -> None:
    title = "Exercise and relapse after a first episode of depression"
    jsonl(
        tmp_path / "a.jsonl",
        {"title": title, "authors": ["A Ng"], "abstract": ABSTRACT, "doi": "10.5555/one"},
        {"title": title, "authors": ["A Ng"], "abstract": OTHER, "doi": "10.5555/two"},
    )
    assert len(load_papers([tmp_path]).papers) == 2


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
