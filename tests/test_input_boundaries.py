"""What is never read as input (issue 18): digest's own outputs and history, links out of
the given paths, files too large to be abstracts; each folder once; and the invisible
characters a script needs stay while the others go."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest import loading
from digest.cleaning import clean_text
from digest.cli import main
from digest.loading import load_papers

ABSTRACT = (
    "We follow 400 patients for two years after a first episode of depression. "
    "Relapse was half as likely among those who kept their weekly exercise."
)


def build(*args: str) -> list[str]:
    result = CliRunner().invoke(main, ["build", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stderr.splitlines()


def inbox(folder: Path, n: int, week: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {"id": f"w{week}-{i}", "abstract": f"Week {week}, study {i}. {ABSTRACT}"} for i in range(n)
    ]
    (folder / f"week{week}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def ids_in(out: Path) -> list[str]:
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    return sorted(p["id"] for t in data["themes"] for p in t["papers"])


# --- outputs and history are never inputs ----------------------------------------------------


def test_out_inside_the_input_folder_is_not_read_back() -> None:
    inbox(Path("in"), 3, 1)
    build("in", "--out", "in/out", "--date", "2026-11-16")
    inbox(Path("in"), 2, 2)
    stderr = build("in", "--out", "in/out", "--date", "2026-11-23")
    assert ids_in(Path("in/out")) == ["w2-0", "w2-1"]  # not the 72 "papers" of the outputs
    assert (
        "note: in/out: not read: digest's output folder (outputs and history are never inputs)"
        in stderr
    )


def test_an_earlier_builds_output_folder_among_the_inputs_is_not_read() -> None:
    # A build to another --out (or an old out/ moved into the inputs): the earlier output
    # folder's feeds, Markdown and pages would be read as papers, each issue one more.
    inbox(Path("in"), 3, 1)
    build("in", "--out", "in/site", "--date", "2026-11-16", "--state", "s1.sqlite3")
    stderr = build("in", "--out", "new", "--date", "2026-11-16", "--state", "s2.sqlite3")
    assert ids_in(Path("new")) == ["w1-0", "w1-1", "w1-2"]
    assert (
        "note: in/site: not read: an earlier build's output folder (it holds digest.json; "
        "outputs are never inputs)" in stderr
    )
    # Named itself, it is refused the same way; a digest.json of another program is read.
    with pytest.raises(loading.InputError, match="an earlier build's output folder"):
        load_papers([Path("in/site")])
    other = Path("notes")
    other.mkdir()
    (other / "digest.json").write_text(json.dumps({"abstract": ABSTRACT}), encoding="utf-8")
    assert len(load_papers([other]).papers) == 1


def test_building_the_current_folder_reads_neither_outputs_nor_history() -> None:
    inbox(Path("."), 3, 1)
    state = "state/history.sqlite3"  # not hidden: only the rule keeps it out
    build(".", "--date", "2026-11-16", "--state", state)
    inbox(Path("."), 1, 2)
    stderr = build(".", "--date", "2026-11-23", "--state", state)
    assert ids_in(Path("out")) == ["w2-0"]
    assert not [line for line in stderr if line.startswith("warning:")]
    assert "note: state/history.sqlite3: not read: digest's history" in "\n".join(stderr)


SETTINGS = """title = "Lab digest"
# A settings file holds prose a reader could take for an abstract: it is never one.
[[theme]]
label = "Exercise and depression"
keywords = ["exercise", "depression", "relapse"]
"""


def test_the_settings_in_use_inside_the_input_folder_are_not_read() -> None:
    inbox(Path("."), 2, 1)
    Path("digest.toml").write_text(SETTINGS, encoding="utf-8")  # found in the working folder
    stderr = build(".", "--date", "2026-11-16")
    assert ids_in(Path("out")) == ["w1-0", "w1-1"]
    assert "note: digest.toml: not read: digest's settings (settings are never inputs)" in stderr
    assert not [line for line in stderr if line.startswith("warning:")]
    # Another name, given with --config: the same.
    inbox(Path("."), 1, 2)
    Path("digest.toml").rename("lab.toml")
    stderr = build(".", "--date", "2026-11-23", "--config", "lab.toml")
    assert ids_in(Path("out")) == ["w2-0"]
    assert "note: lab.toml: not read: digest's settings (settings are never inputs)" in stderr


def test_a_file_named_digest_toml_is_never_read_as_papers(tmp_path: Path) -> None:
    inbox(tmp_path / "in", 1, 1)
    (tmp_path / "in" / "old").mkdir()
    (tmp_path / "in" / "old" / "digest.toml").write_text(SETTINGS, encoding="utf-8")
    corpus = load_papers([tmp_path / "in"])
    assert [p.id for p in corpus.papers] == ["w1-0"]
    assert [(Path(s.path).name, s.notice) for s in corpus.skipped] == [("digest.toml", True)]


# --- links ---------------------------------------------------------------------------------


def test_a_link_to_a_file_outside_the_given_paths_is_reported_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"Abstract: The secret words. {ABSTRACT}\n")
    inbox(tmp_path / "in", 1, 1)
    (tmp_path / "in" / "link.txt").symlink_to(secret)
    (tmp_path / "in" / "folder-link").symlink_to(secret.parent)
    corpus = load_papers([tmp_path / "in"])
    assert not [p for p in corpus.papers if "secret" in p.abstract]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert reasons["link.txt"].startswith("not read: a link to a file or folder outside")
    assert reasons["folder-link"].startswith("not read: a link to a file or folder outside")
    assert not any(s.notice for s in corpus.skipped)  # a problem: --strict fails on it


def test_a_link_inside_the_given_paths_is_followed_once(tmp_path: Path) -> None:
    inbox(tmp_path / "in" / "a", 1, 1)
    (tmp_path / "in" / "b").symlink_to(tmp_path / "in" / "a")
    corpus = load_papers([tmp_path / "in"])
    assert len(corpus.papers) == 1 and corpus.skipped == ()
    assert [f.path for f in corpus.files] == [f"{tmp_path / 'in'}/a/week1.jsonl"]


def test_each_folder_is_read_once_however_many_links_reach_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Level i holds two links to level i+1: 2**12 routes to the last folder.
    levels = 12
    for i in range(levels + 1):
        (tmp_path / f"l{i}").mkdir()
    for i in range(levels):
        for name in ("x", "y"):
            (tmp_path / f"l{i}" / name).symlink_to(tmp_path / f"l{i + 1}")
    inbox(tmp_path / f"l{levels}", 1, 1)
    listed: list[str] = []
    real_listdir = os.listdir

    def listdir(path: os.PathLike[str] | str) -> list[str]:
        listed.append(os.path.realpath(path))
        return real_listdir(path)

    monkeypatch.setattr(loading.os, "listdir", listdir)
    corpus = load_papers([tmp_path])
    assert len(corpus.papers) == 1
    assert len(listed) == len(set(listed)) == levels + 2  # tmp_path and every level, once


# --- file size ------------------------------------------------------------------------------


def test_a_4_gb_sparse_file_is_one_line_not_a_memory_error(tmp_path: Path) -> None:
    inbox(tmp_path, 1, 1)
    with (tmp_path / "disk.img").open("wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: takes no room on disk
    corpus = load_papers([tmp_path])
    [skipped] = corpus.skipped
    assert skipped.path.endswith("disk.img") and skipped.line is None
    assert skipped.reason == (
        "file too large to read (4,294 MB; the limit is 268 MB): split it, or export fewer "
        "records at a time"
    )
    assert len(corpus.papers) == 1


def test_the_size_limit_is_one_named_constant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.txt").write_text(f"Abstract: {ABSTRACT}\n" * 10)
    inbox(tmp_path, 1, 1)
    corpus = load_papers([tmp_path])
    assert [Path(s.path).name for s in corpus.skipped] == ["big.txt"]


# --- zero-width joiners ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our lab \U0001f469\u200d\U0001f52c studies it",  # woman scientist: an emoji sequence
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 in Persian",  # می‌خواهم
        "\u0915\u094d\u200d\u0937 in Devanagari",  # a half form
        "\u2764\ufe0f\u200d\U0001f525 heart on fire",
    ],
)
def test_joiners_a_script_needs_are_kept(text: str) -> None:
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pass\u200dword", "password"),
        ("\u200cleading and trailing\u200d", "leading and trailing"),
        ("a\u200b\u200db zero-width space too", "ab zero-width space too"),
        ("\u062a\u200f\u200d\u062a a bidi mark goes", "\u062a\u200d\u062a a bidi mark goes"),
    ],
)
def test_other_invisible_characters_still_go(text: str, expected: str) -> None:
    assert clean_text(text) == expected
