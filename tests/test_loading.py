"""The load stage: seeds/, each input format, bad input, duplicates, ordering."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from pathlib import Path

import pytest

from digest import forking, loading
from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper, Skipped, Source
from digest.readers import sniff_format
from digest.readers.identifiers import (
    old_feed_title,
    parse_arxiv_field,
    read_arxiv_id,
    venue_name,
)
from digest.readers.plaintext import parse_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "loading"
LISTING = "seeds/001_9bdb7674bb451d4b.txt"
STRAY = "seeds/000_dddbc6e5a9a007eb.txt"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    # Paths are reported as reached from the given path, so load from the repo root.
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return load_papers([Path("seeds")])


def starting(corpus: Corpus, opening: str) -> Paper:
    [paper] = [p for p in corpus.papers if p.abstract.startswith(opening)]
    return paper


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ABSTRACT = (
    "We train a small model on a large corpus and report what it learns. "
    "The results hold across three languages and two domains."
)


# --- seeds/ ---------------------------------------------------------------------------------


def test_seeds_hold_47_records_and_42_distinct_papers(seeds: Corpus) -> None:
    assert sum(report.records for report in seeds.files) == 47
    assert len(seeds.papers) == 42
    assert sum(len(paper.sources) for paper in seeds.papers) == 47
    assert len(seeds.merges) == 5
    assert {merge.rule for merge in seeds.merges} == {"abstract text"}
    assert len({paper.id for paper in seeds.papers}) == 42


def test_every_seed_file_is_reported_as_text(seeds: Corpus) -> None:
    paths = [report.path for report in seeds.files]
    assert paths == sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").iterdir())
    assert {(report.format, report.encoding) for report in seeds.files} == {("text", "utf-8")}


def test_flattened_listing_gives_each_paper_its_own_id(seeds: Corpus) -> None:
    listing = [p for p in seeds.papers if any(s.path == LISTING for s in p.sources)]
    assert [p.arxiv_id for p in listing] == [
        "2112.09332",
        "2110.14168",
        "2110.00641",
        "2109.13916",
        "2103.15332",
        "2101.11071",
        "2010.14701",
        "2009.04416",
        "1912.01588",
        "1904.03646",
    ]
    assert [p.id for p in listing] == [p.arxiv_id for p in listing]
    assert starting(seeds, "We fine-tune GPT-3 to answer long-form questions").id == "2112.09332"
    assert starting(seeds, "State-of-the-art language models can match human").id == "2110.14168"
    assert starting(seeds, "We say an algorithm is batch size-invariant").id == "2110.00641"
    assert starting(seeds, "Monte Carlo Tree Search (MCTS)").id == "1904.03646"


def test_listing_comments_are_metadata_not_abstract_text(seeds: Corpus) -> None:
    batch = starting(seeds, "We say an algorithm is batch size-invariant")
    assert batch.metadata == (
        (
            "comments",
            "Submitted to ICLR 2022. 27 pages. Code is available at "
            "https://github.com/openai/ppo-ewma",
        ),
    )
    assert starting(seeds, "We fine-tune GPT-3").metadata == (("comments", "30 pages"),)
    assert starting(seeds, "Machine learning (ML) systems").metadata == (
        ("comments", "Position Paper"),
    )
    comments = [value for p in seeds.papers for key, value in p.metadata if key == "comments"]
    assert len(comments) == 5
    for paper in seeds.papers:
        assert not any(comment in paper.abstract for comment in comments)
        assert "arXiv:" not in paper.abstract[:6]


def test_arxiv_id_inside_an_abstract_is_text(seeds: Corpus) -> None:
    paper = starting(seeds, "We investigate using reinforcement learning agents")
    assert "(extending arXiv:1804.01118)" in paper.abstract
    assert paper.arxiv_id is None
    assert paper.id.startswith("abs-")


def test_stray_line_is_skipped_with_file_and_line(seeds: Corpus) -> None:
    assert [(s.path, s.line, s.excerpt) for s in seeds.skipped] == [(STRAY, 1, "Shammie")]
    assert str(seeds.skipped[0]).startswith(f"{STRAY}:1: not an abstract")


def test_codex_paper_lists_its_three_sources(seeds: Corpus) -> None:
    codex = starting(seeds, "We introduce Codex")
    assert [s.path for s in codex.sources] == [
        STRAY,
        "seeds/003_5322df64414e9be7.txt",
        "seeds/004_80a2b6cb175f502e.txt",
    ]
    merged = [m for m in seeds.merges if m.kept_id == codex.id]
    assert [m.source for m in merged] == list(codex.sources[1:])
    assert sorted(len(p.sources) for p in seeds.papers)[-4:] == [2, 2, 2, 3]


def test_seed_latex_becomes_plain_text(seeds: Corpus) -> None:
    scaling = starting(seeds, "We identify empirical scaling laws")
    assert "multimodal image↔text models" in scaling.abstract
    assert "8\N{MULTIPLICATION SIGN}8 resolution" in scaling.abstract
    assert "(~5% of books)" in starting(seeds, "A major challenge for scaling").abstract
    assert not any("$" in p.abstract or "\\" in p.abstract for p in seeds.papers)


def test_every_non_blank_seed_line_is_accounted_for(seeds: Corpus) -> None:
    used: set[tuple[str, int | None]] = {(s.path, s.line) for p in seeds.papers for s in p.sources}
    used |= {(s.path, s.line) for s in seeds.skipped}
    for report in seeds.files:
        text = (ROOT / report.path).read_text(encoding="utf-8")
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip() or (report.path, number) in used:
                continue
            # The rest are the listing's comment lines and its closing lone id.
            kept = [v for p in seeds.papers for _, v in p.metadata] + ["arXiv:1904.03646"]
            assert line.strip() in kept, f"{report.path}:{number} was dropped"


def test_order_of_given_paths_does_not_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    files = sorted(Path("seeds").iterdir())
    assert load_papers(files) == load_papers(files[::-1]) == load_papers([Path("seeds")])


def test_an_abstract_gets_back_the_space_its_paragraphs_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Zotero's abstract of a book page: "...communication.Packed with examples..."
    (tmp_path / "glued.csv").write_text(
        "title,abstract\n"
        'NLP with Python,"You will learn the main algorithms of written communication.'
        'Packed with examples and exercises, the book helps you."\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    (paper,) = load_papers([Path("glued.csv")]).papers
    assert paper.abstract == (
        "You will learn the main algorithms of written communication. "
        "Packed with examples and exercises, the book helps you."
    )


# --- formats --------------------------------------------------------------------------------


def test_jsonl_records_bad_lines_and_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    corpus = load_papers([Path("papers.jsonl")])
    assert corpus.files[0].format == "jsonl"
    first, second = corpus.papers
    assert first.id == "2101.00001v2"  # the input's own id, as given
    assert (first.arxiv_id, first.arxiv_version) == ("2101.00001", 2)
    assert first.authors == ("Ada Lovelace", "Alan Turing")
    assert first.title == "Sparse Retrieval at Scale"
    assert first.date == "2021-01-04"
    assert (first.venue, first.metadata) == ("ACL", ())
    assert first.link == "https://arxiv.org/abs/2101.00001"
    assert second.abstract.startswith("A summary field works as the abstract")
    assert second.authors == ("Grace Hopper", "Edsger Dijkstra")
    assert second.doi == "10.1234/ABC.5"
    assert second.id.startswith("abs-")
    assert [(s.line, s.reason.split(" (")[0]) for s in corpus.skipped] == [
        (4, "invalid JSON"),
        (5, "no abstract"),
        (6, "not a JSON object"),
    ]
    assert all(s.path == "papers.jsonl" for s in corpus.skipped)


def test_csv_columns_in_any_order_extra_columns_and_empty_abstract(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES)
    corpus = load_papers([Path("papers.csv")])
    assert corpus.files[0].format == "csv"
    assert corpus.files[0].records == 2
    tiny, wrapped = corpus.papers
    assert tiny.id == "p1"
    assert tiny.title == "Tiny Transformers"
    assert tiny.authors == ("Ada Lovelace", "Alan Turing")
    assert (tiny.venue, tiny.metadata) == ("ICML", ())
    assert wrapped.sources == (Source("papers.csv", 4),)
    assert "two lines inside one quoted CSV cell" in wrapped.abstract
    assert [(s.path, s.line) for s in corpus.skipped] == [("papers.csv", 3)]
    assert "no abstract" in corpus.skipped[0].reason


def test_csv_without_abstract_column_says_so(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Abstract: {ABSTRACT}\n")
    write(tmp_path, "b.csv", "id,title,authors\nx,Some title,Ada\n")
    corpus = load_papers([tmp_path])
    [skipped] = corpus.skipped
    assert skipped.line == 1
    assert "no 'abstract' column" in skipped.reason


def test_csv_header_without_names_past_the_first_few_says_how_many(tmp_path: Path) -> None:
    # Publish or Perish's CSV saved again from a spreadsheet kept 8 of its 24 column names:
    # the message listed each lost one as an empty name (", , , , ").
    write(tmp_path, "a.txt", f"Abstract: {ABSTRACT}\n")
    header = "Cites,Authors,Title,Year" + "," * 5
    write(tmp_path, "b.csv", header + "\n1,A Ivanova,Some title,2016,,,,,snippet\n")
    [skipped] = load_papers([tmp_path]).skipped
    assert "(found: Cites, Authors, Title, Year and 5 without a name)" in skipped.reason


def test_tab_separated_file_is_csv(tmp_path: Path) -> None:
    write(tmp_path, "p.tsv", f"id\tabstract\nt1\t{ABSTRACT}\n")
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "csv"
    assert corpus.papers[0].id == "t1"


def test_json_array_is_read_with_line_numbers(tmp_path: Path) -> None:
    records = [{"id": "a", "abstract": ABSTRACT}, {"id": "b"}]
    write(tmp_path, "p.json", json.dumps(records, indent=2))
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "json"
    assert corpus.papers[0].sources == (Source(f"{tmp_path.as_posix()}/p.json", 2),)
    assert [s.line for s in corpus.skipped] == [6]


def test_format_is_recognised_by_content_not_extension(tmp_path: Path) -> None:
    write(tmp_path, "notes.txt", json.dumps({"abstract": ABSTRACT}) + "\n")
    write(tmp_path, "data.jsonl", f"Abstract: {ABSTRACT.replace('small', 'tiny')}\n")
    corpus = load_papers([tmp_path])
    assert [(r.path.rsplit("/", 1)[1], r.format) for r in corpus.files] == [
        ("data.jsonl", "text"),
        ("notes.txt", "jsonl"),
    ]
    assert len(corpus.papers) == 2


def test_wrapped_text_with_leading_ids_and_comments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    corpus = load_papers([Path("wrapped.txt")])
    first, second = corpus.papers
    assert first.abstract == (
        "We propose a simple method for multi-agent coordination that learns a shared "
        "representation of the task. Our agents reach the goal ~30% faster than "
        "independent learners."
    )
    assert (first.id, first.arxiv_version) == ("2203.01234", 3)
    assert first.metadata == (("comments", "12 pages, 4 figures"),)
    assert first.sources == (Source("wrapped.txt", 1),)
    assert second.id == "hep-th/9901001"
    assert second.abstract.endswith("spectrum of bound states and compare it to known results.")
    assert corpus.skipped == ()


def test_paragraphs_separated_by_blank_lines_are_separate_records() -> None:
    text = f"{ABSTRACT[:60]}\n{ABSTRACT[60:]}\n\nSecond {ABSTRACT.lower()}\n"
    parsed = parse_text(text)
    assert [r.line for r in parsed.records] == [1, 4]
    assert parsed.records[0].abstract == ABSTRACT


def test_long_lines_are_one_record_each() -> None:
    long = ABSTRACT + " " + ABSTRACT
    parsed = parse_text(f"{long}\nAnother: {long}\n")
    assert [r.line for r in parsed.records] == [1, 2]


def test_short_abstracts_one_per_line_stay_separate() -> None:
    lines = [
        "We show that small models can rank passages well on two benchmarks.",
        "A second study finds that data quality matters more than model size here.",
        "Third, we describe a workshop paper on evaluation with very few labels at all.",
    ]
    parsed = parse_text("\n".join(lines) + "\n")
    assert [r.abstract for r in parsed.records] == lines


def test_a_hand_made_line_break_starts_a_new_record() -> None:
    text = (
        "We study sparse retrieval in detail and show that it works. Our\n"
        "results hold for many settings and across tasks.\n"
        "A second abstract is on dense retrieval and we test it too.\n"
    )
    parsed = parse_text(text)
    assert [r.line for r in parsed.records] == [1, 3]
    assert parsed.records[0].abstract.endswith(
        "it works. Our results hold for many settings and across tasks."
    )


@pytest.mark.parametrize("width", [40, 60, 72, 100])
def test_greedy_wrapped_paragraphs_are_rejoined(width: int) -> None:
    first = "Abstract: We release a benchmark for retrieval. " + ABSTRACT
    second = "Presented at the workshop on retrieval, 12 pages of " + ABSTRACT.lower()
    text = textwrap.fill(first, width) + "\n\n" + textwrap.fill(second, width) + "\n"
    records = parse_text(text).records
    assert [r.abstract for r in records] == [first[len("Abstract: ") :], second]
    assert all(r.metadata == () for r in records)


def test_a_labelled_abstract_may_be_short_but_unlabelled_text_may_not() -> None:
    parsed = parse_text("Abstract: We study cats.\n\nWe study dogs.\n")
    assert [r.abstract for r in parsed.records] == ["We study cats."]
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (3, "not an abstract: 3 words (abstracts have 12+)")
    ]


def test_a_chinese_abstract_is_counted_by_its_characters_and_ends_at_its_stops() -> None:
    # Chinese puts no spaces between words and no space after its full stop: a pasted
    # abstract is one "word" by spaces. A paper list's title and author lines are still none.
    abstract = (
        "\u76ee\u7684 \u63a2\u8ba8\u57ce\u5e02\u7eff\u5730\u5bf9\u5c45\u6c11"
        "\u6b65\u884c\u65f6\u95f4\u7684\u5f71\u54cd\u3002\u65b9\u6cd5 \u5bf9\u4e09"
        "\u4e2a\u57ce\u5e02\u7684\u5c45\u6c11\u8fdb\u884c\u95ee\u5377\u8c03\u67e5"
        "\u3002\u7ed3\u679c \u7eff\u5730\u8f83\u591a\u7684\u793e\u533a\u5c45\u6c11"
        "\u6b65\u884c\u65f6\u95f4\u66f4\u957f\u3002"
    )
    title = "\u57ce\u5e02\u7eff\u5730\u4e0e\u5c45\u6c11\u6b65\u884c"
    authors = "\u4f5c\u8005\uff1a\u5f20\u4e09; \u674e\u56db"
    parsed = parse_text(f"{title}\n\n{abstract}\n\n{authors}\n")
    assert [r.abstract for r in parsed.records] == [abstract]
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (1, "not an abstract: 5 words (abstracts have 12+)"),
        (5, "not an abstract: 5 words (abstracts have 12+)"),
    ]


def test_a_chinese_abstract_label_marks_an_abstract() -> None:
    # "\u6458\u8981\uff1a" ("Abstract:" with a full-width colon) as a CNKI page has it.
    parsed = parse_text("\u6458\u8981\uff1a\u672c\u6587\u7814\u7a76\u732b\u3002\n")
    assert [r.abstract for r in parsed.records] == ["\u672c\u6587\u7814\u7a76\u732b\u3002"]


def test_an_author_list_pasted_under_a_title_is_no_abstract() -> None:
    # Title, authors and abstract pasted from a paper's page: nine names with initials are
    # twelve words and a "." but no abstract; the abstract after them still is one.
    parsed = parse_text(
        "Counting Owls at Night with Small, Cheap Thermal Cameras\n"
        "Ana Lima, Bo Chen, Carl Ode, Dana Fox, Eli G. Grant, Fay Hu, Gil W. Ames, "
        "Li-Jia Li, Hana J. Ito\n"
        f"{ABSTRACT}\n"
    )
    assert [r.abstract for r in parsed.records] == [ABSTRACT]
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (1, "not an abstract: 9 words (abstracts have 12+)"),
        (2, "not a paper: a list of names, not an abstract"),
    ]


def test_unlabelled_comment_after_abstract_is_metadata() -> None:
    parsed = parse_text(f"Abstract: {ABSTRACT}\nAccepted at EMNLP 2023. 9 pages, 3 figures\n")
    [record] = parsed.records
    assert record.metadata == (("comments", "Accepted at EMNLP 2023. 9 pages, 3 figures"),)
    assert parsed.problems == ()


def test_lone_id_and_comment_without_abstract_are_reported() -> None:
    parsed = parse_text("Comments: 5 pages\n")
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (1, "comment with no abstract before it")
    ]
    parsed = parse_text(f"arXiv:2101.00001\nAbstract: {ABSTRACT}\narXiv:2101.00002\n")
    assert [r.arxiv for r in parsed.records] == ["2101.00001"]
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (3, "arXiv id with no abstract after it")
    ]


def test_sniffer_falls_back_to_text() -> None:
    assert sniff_format("Abstract: x\n").name == "text"
    assert sniff_format('\n{"abstract": "x"}\n').name == "jsonl"
    assert sniff_format("title;abstract\nA;B\n").name == "csv"


# --- identifiers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2112.09332State-of-the-art", ("2112.09332", None, 10)),
        ("2112.09332v2We", ("2112.09332", 2, 12)),
        ("1412.69803D models", ("1412.6980", None, 9)),  # 4 digits before 2015
        ("hep-th/9901001v1", ("hep-th/9901001", 1, 16)),
        ("math.GT/0309136", ("math.GT/0309136", None, 15)),
    ],
)
def test_read_arxiv_id_where_text_is_glued_on(
    text: str, expected: tuple[str, int | None, int]
) -> None:
    found = read_arxiv_id(text)
    assert found is not None
    assert (found.id, found.version, found.end) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://arxiv.org/abs/2101.00001v2", ("2101.00001", 2)),
        ("http://arxiv.org/pdf/2101.00001", ("2101.00001", None)),
        ("arXiv:hep-th/9901001", ("hep-th/9901001", None)),
        ("2101.00001", ("2101.00001", None)),
    ],
)
def test_parse_arxiv_field(value: str, expected: tuple[str, int | None]) -> None:
    found = parse_arxiv_field(value)
    assert found is not None
    assert (found.id, found.version) == expected


@pytest.mark.parametrize("value", ["p1", "https://example.org/2101.00001", "2113.00001"])
def test_parse_arxiv_field_rejects_other_ids(value: str) -> None:
    assert parse_arxiv_field(value) is None


# --- bad files ------------------------------------------------------------------------------


def test_empty_binary_and_unknown_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", f"Abstract: {ABSTRACT}\n")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.txt", "\n  \n")
    (tmp_path / "image.bin").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.7\n\x00\x00")
    corpus = load_papers([tmp_path])
    base = tmp_path.as_posix()
    assert [(s.path, s.line, s.reason.split(" (")[0]) for s in corpus.skipped] == [
        (f"{base}/blank.txt", None, "empty file"),
        (f"{base}/empty.txt", None, "empty file"),
        (f"{base}/image.bin", None, "binary file"),
        (f"{base}/paper.pdf", None, "binary file"),
    ]
    assert "PDF" in corpus.skipped[-1].reason
    formats = {r.path.rsplit("/", 1)[1]: r.format for r in corpus.files}
    assert formats == {
        "blank.txt": "empty",
        "empty.txt": "empty",
        "good.txt": "text",
        "image.bin": "binary",
        "paper.pdf": "binary",
    }
    assert len(corpus.papers) == 1


def test_latin1_file_is_decoded_and_its_encoding_reported(tmp_path: Path) -> None:
    text = f"Abstract: Les modèles apprennent vite. {ABSTRACT}\n"
    (tmp_path / "fr.txt").write_bytes(text.encode("latin-1"))
    corpus = load_papers([tmp_path])
    assert corpus.files[0].encoding == "cp1252"  # latin-1's printable range, read as cp1252
    assert corpus.papers[0].abstract.startswith("Les modèles apprennent vite.")


def test_utf16_file_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes(f"Abstract: Ünïcode. {ABSTRACT}\n".encode("utf-16"))
    corpus = load_papers([tmp_path])
    assert corpus.files[0].encoding == "utf-16"
    assert corpus.papers[0].abstract.startswith("Ünïcode.")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_file_without_bom(tmp_path: Path, codec: str) -> None:
    # .NET's Encoding.Unicode and some Windows tools write UTF-16 with no byte-order mark.
    (tmp_path / "u.txt").write_bytes(f"Abstract: Ünïcode. {ABSTRACT}\r\n".encode(codec))
    write(tmp_path, "b.txt", f"Abstract: Another one. {ABSTRACT}\n")
    corpus = load_papers([tmp_path])
    assert sorted(f.encoding for f in corpus.files) == sorted(["utf-8", codec])
    assert sorted(p.abstract.split(".")[0] for p in corpus.papers) == ["Another one", "Ünïcode"]
    assert not corpus.skipped


def test_missing_path_is_an_input_error_naming_it(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Abstract: {ABSTRACT}\n")
    with pytest.raises(InputError) as error:
        load_papers([tmp_path, Path("seeds/x")])
    assert str(error.value) == (
        "seeds/x: no such file or folder; pass a file or folder of abstracts"
    )


def test_nothing_loadable_is_an_input_error_after_trying_everything(tmp_path: Path) -> None:
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "names.txt", "Shammie\n")
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    message = str(error.value)
    assert message.startswith(f"no abstracts found in {tmp_path.as_posix()} (2 files read;")
    assert "empty.txt: empty file" in message
    assert "names.txt:1: not an abstract" in message
    assert "pass text files" in message


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no abstracts found"):
        load_papers([tmp_path])


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Abstract: {ABSTRACT}\n")
    write(tmp_path, ".hidden.txt", "Abstract: Hidden. " + ABSTRACT.lower() + "\n")
    write(tmp_path, ".git/b.txt", "Abstract: In git. " + ABSTRACT.lower() + "\n")
    write(tmp_path, "sub/c.txt", "Abstract: Nested. " + ABSTRACT.lower() + "\n")
    corpus = load_papers([tmp_path])
    assert [r.path[len(tmp_path.as_posix()) + 1 :] for r in corpus.files] == ["a.txt", "sub/c.txt"]


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", f"Abstract: {ABSTRACT}\n")
    corpus = load_papers([path, tmp_path])
    assert len(corpus.files) == 1
    assert corpus.merges == ()


# --- duplicates -----------------------------------------------------------------------------


def test_same_arxiv_id_merges_keeping_newest_version_and_richest_fields(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"arXiv:2101.00001v1\nAbstract: Old text. {ABSTRACT}\n")
    write(
        tmp_path,
        "b.jsonl",
        json.dumps(
            {
                "title": "New title",
                "abstract": f"New text. {ABSTRACT}",
                "url": "https://arxiv.org/abs/2101.00001v3",
            }
        )
        + "\n",
    )
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert paper.id == "2101.00001"
    assert paper.arxiv_version == 3
    assert paper.abstract.startswith("New text.")
    assert paper.title == "New title"
    assert [s.line for s in paper.sources] == [1, 1]
    [merge] = corpus.merges
    assert (merge.kept_id, merge.rule) == ("2101.00001", "arxiv id")


def test_a_title_in_capitals_gives_way_to_the_same_title_in_small_letters(
    tmp_path: Path,
) -> None:
    # An old Web of Science record writes its title in capitals; PubMed the same paper's
    # in small letters. The folder's first file (WoS) gives the merged paper its title.
    write(
        tmp_path,
        "a-savedrecs.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Tamm, K\nTI EFFECTS OF "
        "SALINITY ON GROWTH OF BARLEY SEEDLINGS\nSO PLANT PHYSIOLOGY\nAB Barley seedlings "
        "grown in saline soil grew more slowly than those in fresh soil.\nDI 10.5555/barley"
        "\nPY 1994\nER\n\nEF\n",
    )
    write(
        tmp_path,
        "b-pubmed.nbib",
        "PMID- 7900001\nTI  - Effects of salinity on growth of barley seedlings.\nAB  - "
        "Barley seedlings grown in saline soil grew more slowly than those in fresh soil.\n"
        "FAU - Tamm, Kadri\nLID - 10.5555/barley [doi]\n",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Effects of salinity on growth of barley seedlings."
    assert paper.doi == "10.5555/barley"


def test_et_al_ending_an_author_list_is_no_author(tmp_path: Path) -> None:
    # An old MEDLINE record whose author list NLM cut short ends with "AU  - et al.".
    write(
        tmp_path,
        "pubmed.nbib",
        "PMID- 8400001\nTI  - Dynamin binds a subset of SH3 domains.\nAB  - Dynamin binds "
        "to some SH3 domains and not others.\nAU  - Gout I\nAU  - Dhand R\nAU  - et al.\n",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Gout I", "Dhand R")


def test_anonymous_is_no_author(tmp_path: Path) -> None:
    # ProQuest (ASFA) names an unsigned news item's author "Anonymous", Web of Science
    # "[Anonymous]": the item has no author.
    write(
        tmp_path,
        "proquest.ris",
        "TY  - JOUR\nAU  - Anonymous\nTI  - Prize for two engineers\nAB  - Two engineers win "
        "this year's water prize.\nER  - \nTY  - JOUR\nAU  - [Anonymous]\nAU  - Lima, Ana\n"
        "TI  - Notes\nAB  - Notes on the prize.\nER  - \n",
    )
    assert [p.authors for p in load_papers([tmp_path]).papers] == [(), ("Ana Lima",)]


def test_an_author_list_written_twice_is_one(tmp_path: Path) -> None:
    # IEEE Xplore's RIS named one author twice ("G. Kalbe and G. Kalbe" in the byline); a
    # Mendeley EndNote XML wrote a report's two authors twice over. Two authors of one
    # name in a longer list stay two.
    write(
        tmp_path,
        "ieee.ris",
        "TY  - JOUR\nTI  - Kites at scale\nAU  - M. Okafor\nAU  - M. Okafor\nAB  - We fly "
        "kites.\nER  - \n\nTY  - JOUR\nTI  - Kites again\nAU  - Lima, Ana\nAU  - Berg, Ola\n"
        "AU  - Lima, Ana\nAU  - Berg, Ola\nAB  - We fly kites again.\nER  - \n\nTY  - JOUR\n"
        "TI  - Kite lines\nAU  - Li, Y.\nAU  - Li, Y.\nAU  - Chen, W.\nAU  - Berg, Ola\n"
        "AB  - We tie kite lines.\nER  - \n",
    )
    assert [p.authors for p in load_papers([tmp_path]).papers] == [
        ("M. Okafor",),
        ("Ana Lima", "Ola Berg"),
        ("Y. Li", "Y. Li", "W. Chen", "Ola Berg"),
    ]


def test_scopus_anon_is_no_author(tmp_path: Path) -> None:
    # Scopus names an unsigned trade-press item's author "Anon" (a Scopus BibTeX export of
    # MARCIOBASILIO/poisonpills: "Abitibi-Consolidated adopts poison pill", Pulp and Paper
    # Week); a name that only begins so is a name.
    write(
        tmp_path,
        "scopus.bib",
        "@ARTICLE{Anon19991pp,\n\tauthor = {Anon},\n\ttitle = {Mill adopts a rights plan},\n"
        "\tabstract = {The mill adopted a rights plan against takeover bids.}\n}\n"
        "@ARTICLE{Anon2000,\n\tauthor = {Anon, Mara and Lima, Ana},\n\ttitle = {Notes},\n"
        "\tabstract = {Notes on the rights plan.}\n}\n",
    )
    assert [p.authors for p in load_papers([tmp_path]).papers] == [(), ("Mara Anon", "Ana Lima")]


def test_a_title_before_a_name_is_no_part_of_it(tmp_path: Path) -> None:
    # A Zotero CSL-JSON item saved from a journal's page (asmozo24's library): the page's
    # metadata put each author's title in the given name.
    names = [("Maiti", "Dr Tanay"), ("Hasija", "Mrs Aastha Dhingra"), ("Roe", "Prof. J.")]
    authors = [{"family": family, "given": given} for family, given in names]
    authors.append({"family": "Who", "given": "Dr"})  # no name after the title: kept
    item = {"type": "article-journal", "title": "Marital distress", "author": authors}
    item["abstract"] = "The pandemic's effect on marriages is palpable."
    write(tmp_path, "zotero.json", json.dumps([item]))
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Tanay Maiti", "Aastha Dhingra Hasija", "J. Roe", "Dr Who")


def venues_read(tmp_path: Path, entries: list[tuple[str, str, str]]) -> dict[str, str | None]:
    """The venue each BibTeX entry (key, journal, title) is read with."""
    write(
        tmp_path,
        "library.bib",
        "".join(
            f"@article{{{key}, title = {{{title}}}, journal = {{{venue}}},\n"
            f"  abstract = {{We study {title.lower()} and report what we found. {ABSTRACT}}}}}\n"
            for key, venue, title in entries
        ),
    )
    return {p.id: p.venue for p in load_papers([tmp_path]).papers}


def test_a_venue_that_is_only_an_arxiv_id_is_arxiv(tmp_path: Path) -> None:
    # Zotero's older BibTeX gives a preprint the "journal" arXiv:2105.06458 [cs] (70 entries
    # of the bench's Zotero library), Google Scholar's "arXiv preprint arXiv:…": a paper's
    # own id is no journal.
    entries = [
        ("a", "arXiv:2105.06458 [cs]", "Synthesis of complex scenes with transformers"),
        ("b", "arXiv preprint arXiv:2105.03824", "Mixing tokens with Fourier transforms"),
        ("c", "arXiv:hep-th/9901001", "Branes in string theory and their dynamics"),
        ("d", "Nature Machine Intelligence", "A journal paper about machine learning"),
        ("e", "arXiv:notanid", "A venue that only looks like an arXiv id"),
    ]
    assert venues_read(tmp_path, entries) == {
        "a": "arXiv",
        "b": "arXiv",
        "c": "arXiv",
        "d": "Nature Machine Intelligence",
        "e": "arXiv:notanid",
    }


def test_mdpi_source_line_as_the_journal_is_the_journal(tmp_path: Path) -> None:
    # Mendeley and Zotero take an MDPI page's source for the journal: the NeuroPrime README's
    # Mendeley entry has journal = {Applied Sciences 2021, Vol. 11, Page 7725}.
    entries = [
        ("a", "Applied Sciences 2021, Vol. 11, Page 7725", "Priming before neurofeedback"),
        ("b", "Water 2020, Vol. 12, Page 2717", "Residence times in coastal waters"),
        ("c", "Found. Trends 2011, vol. 3, pages 1-122", "A venue written otherwise stays"),
    ]
    assert venues_read(tmp_path, entries) == {
        "a": "Applied Sciences",
        "b": "Water",
        "c": "Found. Trends 2011, vol. 3, pages 1-122",
    }


def test_a_venue_ends_without_the_comma_a_citation_went_on_after() -> None:
    # A RefWorks RIS's "JF  - Transactions of the Institute of British Geographers,"
    # showed its comma in the byline; one inside the name stays.
    assert venue_name("Transactions of the Society of Kite Flyers, ") == (
        "Transactions of the Society of Kite Flyers"
    )
    assert venue_name("Kites, Lines and Winds;") == "Kites, Lines and Winds"


def test_a_venue_that_is_a_web_address_is_no_venue_and_openalex_arxiv_is_arxiv() -> None:
    # A Better BibLaTeX entry's journaltitle = {https://github.com/…/repository-software}
    # became the byline's venue; OpenAlex names arXiv "arXiv (Cornell University)".
    assert venue_name("https://github.com/example/repository-software") == ""
    assert venue_name(" www.example.org/proceedings ") == ""
    assert venue_name("arXiv (Cornell University)") == "arXiv"
    # Semantic Scholar's and Consensus's, ProQuest's and Zotero's, NASA ADS's names for it.
    for name in ("ArXiv", "arXiv.org", "ArXiv e-prints", "arXiv e-prints"):
        assert venue_name(name) == "arXiv"
    assert venue_name("arXiv: Robotics") == "arXiv: Robotics"
    # A venue that holds an address among its words stays as written.
    assert venue_name("Data Press: Washington DC. http://www.example.org") == (
        "Data Press: Washington DC. http://www.example.org"
    )
    assert venue_name("https" + " x" * 100_000) == "https" + " x" * 100_000


def test_a_venue_of_arxiv_and_its_category_found_on_semantic_scholar_is_arxiv() -> None:
    # A thesis scraper's JSON of Semantic Scholar's results (Carolbalbs/scraping-tcc) names
    # where it found a preprint after its venue: "arXiv (cs.LG) \u2014 Semantic Scholar".
    assert venue_name("arXiv (cs.LG) \u2014 Semantic Scholar") == "arXiv"
    assert venue_name("arXiv (quant-ph)") == "arXiv"
    assert venue_name("Neural Networks \u2014 Semantic Scholar ") == "Neural Networks"
    # The name of the database within a venue stays; so does a category of other words.
    assert venue_name("Semantic Scholar Workshop") == "Semantic Scholar Workshop"
    assert venue_name("arXiv (Robotics and Vision)") == "arXiv (Robotics and Vision)"
    assert venue_name("x" + " " * 50_000 + "- semantic scholar!") == (
        "x" + " " * 50_000 + "- semantic scholar!"
    )


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (
            "Kite Flying (KF), 2013 IEEE International Conference on",
            "2013 IEEE International Conference on Kite Flying (KF)",
        ),
        (
            "Digital Gardens, 2008 Second International Conference on the",
            "2008 Second International Conference on the Digital Gardens",
        ),
        (
            "Engineering in Kite Society, 2004. IEKS '04. 26th Annual International Conference"
            " of the IEEE",
            "26th Annual International Conference of the IEEE Engineering in Kite Society"
            " (IEKS '04)",
        ),
        ("Proceedings of the IEEE", "Proceedings of the IEEE"),
        ("Kites, Strings and Tails, Journal of", "Kites, Strings and Tails, Journal of"),
    ],
)
def test_ieee_conference_names_written_turned_round_are_put_right(written: str, read: str) -> None:
    # IEEE Xplore's exports of older proceedings name them topic first: "Robotics and
    # Automation (ICRA), 2013 IEEE International Conference on" (the bench's IEEE BibTeX and
    # CSV), shown so in each paper's byline.
    assert venue_name(written) == read


def test_a_long_venue_of_many_years_is_read_in_one_pass() -> None:
    venue = "Kites, 2000" * 30_000 + " Conference on"
    assert venue_name(venue) == venue


def test_a_venue_that_is_only_an_arxiv_id_gives_the_paper_its_id(tmp_path: Path) -> None:
    # A mail-to-RIS script's records: "JO  - arXiv preprint arXiv:2411.13560" and a UR of
    # "https://arxiv.org/abs/arXiv:2411.13560" that names no id as written. The venue was
    # read as "arXiv" and its id dropped: the paper had none.
    ris = (
        "TY  - JOUR\nTI  - Netlists for circuit design\nAU  - Shi, Yichen\n"
        "JO  - arXiv preprint arXiv:2411.13560\nPY  - 2024\n"
        "UR  - https://arxiv.org/abs/arXiv:2411.13560\n"
        f"AB  - We build a dataset of netlists for design. {ABSTRACT}\nER  - \n"
    )
    write(tmp_path, "arxiv.ris", ris)
    [paper] = load_papers([tmp_path]).papers
    assert (paper.arxiv_id, paper.venue) == ("2411.13560", "arXiv")


def test_a_venue_with_a_run_of_brackets_after_its_arxiv_id_is_read_in_one_pass() -> None:
    # A Google Scholar alert with 100,000 "[" after "arXiv preprint arXiv:2311.01234" took
    # 13 s to load: from each "[" the category's brackets were looked for to the venue's
    # end. 300,000 of them took minutes; a category's brackets hold no "[".
    assert venue_name("arXiv preprint arXiv:2311.01234" + "[" * 300_000) == "arXiv"
    assert venue_name("arXiv:2105.06458 [cs.LG]") == "arXiv"


def test_an_old_feed_title_of_thousands_of_arxiv_labels_is_read_in_one_pass() -> None:
    # Tried from each "(arXiv:" of a title, the id ran on to the title's end: a title of
    # 5,000 "(arXiv:1" took 26 s, 20,000 minutes. The id and category stop at the next try.
    assert old_feed_title("T. " + "(arXiv:1" * 20_000) is None
    assert old_feed_title("T. " + "(arXiv:1 [" * 20_000) is None
    assert old_feed_title("A Paper. (arXiv:2101.00001v2 [cs.CL] UPDATED)") == (
        "A Paper",
        "2101.00001v2",
    )


def test_same_doi_in_any_case_merges(tmp_path: Path) -> None:
    lines = [
        {"abstract": f"One. {ABSTRACT}", "doi": "10.5555/ABC"},
        {"id": "mine", "abstract": f"Two. {ABSTRACT}", "url": "https://doi.org/10.5555/abc"},
    ]
    write(tmp_path, "a.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    corpus = load_papers([tmp_path])
    [paper] = corpus.papers
    assert paper.id == "mine"  # an input-given id wins over a derived one
    assert corpus.merges[0].rule == "doi"
    assert corpus.merges[0].kept_id == "mine"


def test_same_abstract_up_to_case_space_and_punctuation_merges(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Abstract: {ABSTRACT}\n")
    loud = ABSTRACT.upper().replace(".", "!").replace(" ", "  ")
    write(tmp_path, "b.txt", f"Abstract: {loud}\n\nAbstract: Different. {ABSTRACT}\n")
    corpus = load_papers([tmp_path])
    assert len(corpus.papers) == 2
    assert corpus.papers[0].abstract == ABSTRACT
    assert corpus.merges[0].rule == "abstract text"


def test_same_abstract_with_different_arxiv_ids_stays_two_papers(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"arXiv:2101.00001 {ABSTRACT}\narXiv:2101.00002 {ABSTRACT}\n")
    corpus = load_papers([tmp_path])
    assert [p.id for p in corpus.papers] == ["2101.00001", "2101.00002"]


def test_distinct_papers_claiming_one_id_get_distinct_ids(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", f'id,abstract\np1,"{ABSTRACT}"\np1,"Other. {ABSTRACT}"\n')
    corpus = load_papers([tmp_path])
    assert [p.id for p in corpus.papers] == ["p1", "p1-2"]


def test_skipped_entries_are_typed_records(seeds: Corpus) -> None:
    assert all(isinstance(s, Skipped) for s in seeds.skipped)


def test_loaded_text_is_clean_whatever_the_input(tmp_path: Path) -> None:
    nasty = "Zero\u200bwidth, bidi\u202e, NUL\u0000, lone \ud800 surrogate, tab\there. "
    record = {"id": "n1", "title": "T\u0007itle", "abstract": nasty + ABSTRACT, "note": "x\ufffe"}
    write(tmp_path, "a.jsonl", json.dumps(record) + "\n")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract.startswith(
        "Zerowidth, bidi, NUL, lone surrogate, tab here. We train a small model"
    )
    assert paper.title == "Title"
    assert paper.metadata == (("note", "x"),)


def test_crlf_text_with_bom_and_a_label_on_its_own_line(tmp_path: Path) -> None:
    wrapped = textwrap.fill(ABSTRACT, 50).replace("\n", "\r\n")
    (tmp_path / "w.txt").write_bytes(("\ufeffAbstract:\r\n" + wrapped + "\r\n").encode())
    corpus = load_papers([tmp_path])
    assert corpus.files[0].encoding == "utf-8"
    assert [p.abstract for p in corpus.papers] == [ABSTRACT]
    assert corpus.papers[0].sources[0].line == 1


# --- hostile input --------------------------------------------------------------------------

HOSTILE = (
    "We show that <script>alert('x')</script> never runs in a newsletter, and that "
    "[a link](javascript:alert(1)) stays inert text. Terminal codes \x1b[31mred\x1b[0m, "
    "a bell\x07, a C1 control\x9b and a right-to-left override\u202e are dropped."
)


def test_control_characters_are_dropped_and_markup_stays_text(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Abstract: {HOSTILE}\n")
    [paper] = load_papers([tmp_path]).papers
    assert "<script>alert('x')</script>" in paper.abstract
    assert "[a link](javascript:alert(1))" in paper.abstract
    assert "Terminal codes [31mred[0m, a bell, a C1 control and a right-to-left override are" in (
        paper.abstract
    )
    assert all(ch.isprintable() for ch in paper.abstract)


def test_a_url_that_is_not_a_web_link_never_becomes_the_papers_link(tmp_path: Path) -> None:
    row = {"id": "h1", "abstract": ABSTRACT, "url": "javascript:alert(1)"}
    write(tmp_path, "a.jsonl", json.dumps(row) + "\n")
    [paper] = load_papers([tmp_path]).papers
    assert (paper.url, paper.link) == (None, None)
    assert ("url", "javascript:alert(1)") in paper.metadata


def test_hostile_abstract_is_inert_in_every_output(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from markdown_it import MarkdownIt

    from digest.cli import main

    rows = [
        {"id": "h1", "title": "<img src=x onerror=alert(1)>", "abstract": HOSTILE},
        {"id": "h2", "title": "Plain", "abstract": ABSTRACT, "url": "javascript:alert(2)"},
    ]
    write(tmp_path, "in.jsonl", "".join(json.dumps(row) + "\n" for row in rows))
    result = CliRunner().invoke(main, ["build", "in.jsonl", "--out", "out", "--date", "2026-11-16"])
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "out" / "digest.md").read_text(encoding="utf-8")
    html_from_markdown = MarkdownIt().render(markdown)
    email = (tmp_path / "out" / "email.html").read_text(encoding="utf-8")
    for html in (html_from_markdown, email):
        assert "alert('x')" in html or "alert(&#39;x&#39;)" in html  # the text is still there
        assert "<script" not in html.lower()
        assert "<img" not in html.lower()
        assert 'href="javascript:' not in html.lower()
    text = (tmp_path / "out" / "email.txt").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text


def test_a_50_mb_file_loads_in_bounded_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    sentence = (
        "We study how models behave when trained on data of varying quality and find that "
        "noise matters less than expected in setting {0}. "
    )
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        for record in range(50):  # 50 abstracts of 1 MiB, one per line
            out.write("".join(sentence.format(f"{record}-{i}") for i in range(8_000)) + "\n")
    assert path.stat().st_size > 50 * 2**20
    # In a child process, so its peak memory is the loader's alone.
    script = (
        "import resource, sys\nfrom pathlib import Path\nfrom digest.loading import load_papers\n"
        "corpus = load_papers([Path(sys.argv[1])])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(len(corpus.papers), len(corpus.skipped), peak // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    papers, skipped, peak_mib = map(int, done.stdout.split())
    assert (papers, skipped) == (50, 0)
    assert peak_mib < 1024  # about 5x the file; 20x would mean a copy per record


def test_random_bytes_and_files_that_are_not_text_are_skipped(tmp_path: Path) -> None:
    import random
    import zipfile

    rng = random.Random(7)
    write(tmp_path, "good.txt", f"Abstract: {ABSTRACT}\n")
    (tmp_path / "random.dat").write_bytes(rng.randbytes(100_000))
    (tmp_path / "high.dat").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(5_000)))
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(500))
    with zipfile.ZipFile(tmp_path / "export.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    corpus = load_papers([tmp_path])
    assert [p.abstract for p in corpus.papers] == [ABSTRACT]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert reasons["random.dat"].startswith("binary file")
    assert reasons["picture.png"] == "binary file (a PNG image)"
    assert "ZIP archive" in reasons["export.docx"]
    # High bytes decode as cp1252 "text", but no abstract is found in it, and it says so.
    assert reasons["high.dat"].startswith("not an abstract")
    assert all(ch.isprintable() for s in corpus.skipped for ch in s.excerpt)


# --- the load command -----------------------------------------------------------------------


def test_load_command_accounts_for_every_record_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from digest.cli import main

    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["load", "arxiv_listing.eml", "references.ris"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "arxiv_listing.eml: email: arxiv-listing, 4 records: 3 papers, 1 merged as duplicates; "
        "1 skipped",
        "  line 74: skipped, arXiv replacement without an abstract (arXiv:2403.05555); it "
        "announces a new version, so add the abstract from the paper's page or an earlier "
        "listing ('arXiv:2403.05555 A Benchmark for Multilingual Instruction Following')",
        "  line 84: same arxiv id as 2411.10001 (first at arxiv_listing.eml:18); v2 kept",
        "references.ris: ris, 3 records: 3 papers, 0 merged as duplicates; 1 skipped",
        "  line 15: skipped, no abstract (a RIS record without an AB or N2 line) "
        "('A Cited Paper Without Abstract')",
        "6 papers from 2 files (7 records, 1 merged as duplicates, 2 skipped)",
    ]


def test_load_command_jsonl_has_a_row_for_every_file_paper_merge_and_skip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from click.testing import CliRunner

    from digest.cli import main

    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["load", "arxiv_listing.eml", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["kind"] for row in rows] == ["file", "paper", "paper", "paper", "merge", "skipped"]
    assert rows[0] == {
        "kind": "file",
        "path": "arxiv_listing.eml",
        "format": "email: arxiv-listing",
        "encoding": "utf-8",
        "records": 4,
        "papers": 3,
        "merged": 1,
        "skipped": 1,
    }
    assert rows[1]["arxiv_version"] == 2
    assert rows[1]["sources"] == ["arxiv_listing.eml:18", "arxiv_listing.eml:84"]
    assert rows[4] == {
        "kind": "merge",
        "source": "arxiv_listing.eml:84",
        "into": "2411.10001",
        "rule": "arxiv id",
    }
    assert rows[5]["line"] == 74


def test_build_prints_the_totals_and_a_warning_per_skipped_item(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from digest.cli import main

    write(tmp_path, "in/good.txt", f"Abstract: {ABSTRACT}\n\nAbstract: {HOSTILE}\n")
    write(tmp_path, "in/empty.txt", "")
    (tmp_path / "in" / "old.txt").write_bytes(f"Abstract: Caf\xe9s {ABSTRACT}\n".encode("cp1252"))
    write(tmp_path, "in/refs.bib", "@misc{x, title = {No abstract here}}\n")
    runner = CliRunner()
    result = runner.invoke(main, ["build", "in", "--out", "out", "--date", "2026-11-16"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "Loaded 3 papers from 4 files (3 records, 0 merged as duplicates, 2 skipped)."
    )
    assert "note: in/old.txt: read as cp1252" in lines
    assert "warning: in/empty.txt: empty file" in lines
    [bib] = [line for line in lines if line.startswith("warning: in/refs.bib:1:")]
    assert bib.startswith("warning: in/refs.bib:1: no abstract (BibTeX entry 'x' has no 'abstract'")
    assert "from Zotero, Mendeley or JabRef" in bib  # none of the file's records had one
    # New files to this history: --strict fails on their problems.
    args = ["build", "in", "--out", "out2", "--strict", "--state", "other.sqlite3"]
    strict = runner.invoke(main, args)
    assert strict.exit_code == 1
    assert not (tmp_path / "out2").exists()


def test_every_record_in_every_fixture_is_accounted_for_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from digest.loading import account_by_file

    monkeypatch.chdir(FIXTURES)
    corpus = load_papers([Path(".")])
    accounts, elsewhere = account_by_file(corpus)
    assert elsewhere == ()
    assert sum(a.papers for a in accounts) == len(corpus.papers)
    assert sum(len(a.merges) for a in accounts) == len(corpus.merges)
    assert sum(len(a.skipped) for a in accounts) == len(corpus.skipped)
    sources = [s for p in corpus.papers for s in p.sources]
    assert len(sources) == len(set(sources)) == sum(r.records for r in corpus.files)
    merged = {m.source for m in corpus.merges}
    assert merged == {s for p in corpus.papers for s in p.sources[1:]}
    assert {(s.path, s.line) for s in sources}.isdisjoint(
        {(s.path, s.line) for s in corpus.skipped}
    )
    assert {r.format for r in corpus.files} == {
        "email: arxiv-listing", "atom", "bibtex", "csv", "jsonl", "ris", "rss", "text"
    }  # fmt: skip


def test_file_names_that_are_not_text_are_shown_escaped(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.fsencode(folder) + b"/caf\xe9\x1b[31m.txt", "wb") as out:
            out.write(f"Abstract: {ABSTRACT}\n".encode())
    except OSError:  # pragma: no cover - a file system that only takes UTF-8 names
        pytest.skip("this file system does not take non-UTF-8 file names")
    (folder / "empty\u202e.txt").write_bytes(b"")
    corpus = load_papers([Path("in")])
    assert [str(s) for p in corpus.papers for s in p.sources] == ["in/caf\\xe9\\x1b[31m.txt:1"]
    assert [s.path for s in corpus.skipped] == ["in/empty\\u202e.txt"]


def test_files_read_in_worker_processes_give_the_same_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not forking.CAN_FORK:
        pytest.skip("no fork() here")
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    # A paper in two files (merged), an id two papers claim, a bad line, a binary file.
    row = {"id": "p1", "title": "T", "abstract": ABSTRACT}
    write(tmp_path, "a.jsonl", json.dumps(row) + "\n{broken\n")
    write(tmp_path, "b.jsonl", json.dumps({**row, "abstract": ABSTRACT + " More."}) + "\n")
    write(tmp_path, "c.txt", ABSTRACT.upper() + "\n")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4 binary")
    # Last in order, so read by a worker: a paper without an id, then the same with one.
    other = "A different abstract about robots that learn to grasp from few demonstrations."
    write(tmp_path, "zz/e.txt", other + "\n")
    write(tmp_path, "zz/f.jsonl", json.dumps({"id": "p9", "abstract": other}) + "\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loading, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    forked = load_papers([Path(".")])
    monkeypatch.setattr(forking, "CAN_FORK", False)
    serial = load_papers([Path(".")])
    assert forked == serial
    assert serial.merges and serial.skipped and len(serial.files) > 10
    assert [len(p.sources) for p in serial.papers if p.id == "p9"] == [2]


SCHOLAR_BIBTEX = """@article{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam},
  year={2017}
}

@inproceedings{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu},
  year={2016}
}
"""


def test_an_export_without_any_abstract_says_how_to_export_them(tmp_path: Path) -> None:
    # Google Scholar's BibTeX, and a RIS export made without abstracts: the wrong export,
    # and the message says which one has them.
    (tmp_path / "scholar.bib").write_text(SCHOLAR_BIBTEX, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "scholar.bib"])
    assert "from Zotero, Mendeley or JabRef" in str(error.value)
    # NASA ADS's plain BibTeX export: ADS has one with abstracts.
    assert "NASA ADS as 'BibTeX with abstracts'" in str(error.value)
    # Scopus's BibTeX made without abstracts (DrMattG/ConsEdu scopus.bib): what to tick.
    assert "(Scopus: 'Abstract & keywords'; Web of Science: 'Full Record')" in str(error.value)
    (tmp_path / "scopus.ris").write_text(
        "TY  - JOUR\nTI  - A paper\nAU  - Ng, A.\nPY  - 2020\nER  - \n\n"
        "TY  - JOUR\nTI  - Another paper\nAU  - Kim, B.\nPY  - 2021\nER  - \n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_papers([tmp_path / "scopus.ris"])
    assert "'Abstract & keywords'" in str(error.value)


def test_an_export_with_some_abstracts_gives_no_export_advice(tmp_path: Path) -> None:
    abstract = "We show that residual learning eases the training of very deep networks. " * 2
    text = SCHOLAR_BIBTEX.replace("year={2016}", f"year={{2016}},\n  abstract={{{abstract}}}")
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path])
    assert [p.title for p in corpus.papers] == ["Deep residual learning for image recognition"]
    [skipped] = corpus.skipped
    assert skipped.notice and "Zotero" not in skipped.reason


def test_a_pubmed_page_as_a_records_link_gives_its_pmid(tmp_path: Path) -> None:
    # Any format: a record that links its PubMed page (new or old address) and names no
    # PMID gets the page's; a PMID given wins; another site's number is no PMID.
    abstract = "We show that a PMID can be read from the link of a record in any format."
    rows = [
        {"abstract": abstract + " One.", "url": "https://pubmed.ncbi.nlm.nih.gov/37203701/"},
        {"abstract": abstract + " Two.", "url": "http://www.ncbi.nlm.nih.gov/pubmed/9876543"},
        {
            "abstract": abstract + " Three.",
            "url": "https://pubmed.ncbi.nlm.nih.gov/1/",
            "pmid": "2",
        },
        {"abstract": abstract + " Four.", "url": "https://example.org/pubmed.ncbi.nlm.nih.gov/5/"},
        {"abstract": abstract + " Five.", "url": "https://pubmed.ncbi.nlm.nih.gov/?term=cancer"},
    ]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    papers = load_papers([tmp_path]).papers
    assert [p.pmid for p in papers] == ["37203701", "9876543", "2", None, None]
