"""A build reads and writes what its archive needs: past issues' pages are written again only
when they change or are not in place, and past issues are read only where a feed lists them."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_weekly import files_of, grow_folder

from digest.cli import main
from digest.history import History

WEEKS = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]
PAGE = "issues/2026-W{}.html"


def build(date: str, *extra: str, out: str = "out", state: str = "h.sqlite3") -> None:
    args = ["build", "inbox", "--out", out, "--state", state, "--date", date, "-q", *extra]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def build_weeks(count: int, *extra: str) -> None:
    for week, date in enumerate(WEEKS[:count], start=1):
        grow_folder(week)
        build(date, *extra)


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: a file written again (replaced) has others."""
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file()
    }


def test_past_pages_are_written_only_when_they_change() -> None:
    build_weeks(3)
    before = stamps(Path("out"))
    grow_folder(4)
    build(WEEKS[3])
    after = stamps(Path("out"))
    rewritten = {name for name in before if after[name] != before[name]}
    # Issue 3's page gains a link to issue 4; issues 1 and 2 and every Markdown are as they were.
    assert PAGE.format(47) in rewritten
    assert {PAGE.format(45), PAGE.format(46)}.isdisjoint(rewritten)
    assert not any(name.startswith("issues/") and name.endswith(".md") for name in rewritten)
    assert PAGE.format(48) in after
    # And the folder is what writing every file afresh gives.
    build(WEEKS[3], out="fresh")
    assert files_of(Path("out")) == files_of(Path("fresh"))


def test_a_page_removed_or_changed_in_the_folder_is_written_again() -> None:
    build_weeks(2)
    expected = files_of(Path("out"))
    Path("out", PAGE.format(45)).write_text("edited by hand", encoding="utf-8")
    Path("out", "issues/2026-W45.md").unlink()
    build(WEEKS[1])  # the same week again: nothing else changes
    assert files_of(Path("out")) == expected


def test_a_changed_navigation_template_reaches_every_past_page() -> None:
    build_weeks(3)
    default = Path(__file__).resolve().parent.parent / "templates" / "issue-nav.html.j2"
    Path("mine").mkdir()
    nav = default.read_text(encoding="utf-8").replace("</nav>", "<b>new nav</b></nav>")
    assert nav != default.read_text(encoding="utf-8")
    Path("mine", "issue-nav.html.j2").write_text(nav, encoding="utf-8")
    build(WEEKS[2], "--templates", "mine")
    for week in (45, 46, 47):
        assert "<b>new nav</b>" in Path("out", PAGE.format(week)).read_text(encoding="utf-8")


def test_a_build_reads_only_the_past_issues_its_feeds_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_weeks(4)
    read: dict[str, list[int]] = {"issue": [], "pages": [], "data": [], "feed_item": []}
    for name, calls in read.items():
        monkeypatch.setattr(History, name, recording(getattr(History, name), calls))
    monkeypatch.setattr(History, "issues", None)  # every rendition of every issue: never
    grow_folder(5)
    build(WEEKS[4], "--feed-issues", "2", "--feed-papers", "3")
    # Issue 5 is the one built: its renditions are at hand. Issue 4 is in the issue feeds and
    # its page gains a link; nothing of issues 1 to 3 is read.
    assert read == {"issue": [], "pages": [4], "data": [], "feed_item": [4]}


def recording(method: Callable[[History, int], object], calls: list[int]) -> object:
    """`method`, noting each issue number it is called with in `calls`."""

    def recorded(self: History, number: int) -> object:
        calls.append(number)
        return method(self, number)

    return recorded


def test_a_history_from_an_older_digest_builds_the_same_archive() -> None:
    build_weeks(2)
    shutil.copy("h.sqlite3", "old.sqlite3")
    shutil.copytree("out", "old-out")
    # As an older digest left it: no archive entries, no record of the pages written.
    with sqlite3.connect("old.sqlite3") as conn:
        conn.execute("DELETE FROM archive_entries")
        conn.execute("DELETE FROM written_outputs")
    grow_folder(3)
    build(WEEKS[2])
    build(WEEKS[2], out="old-out", state="old.sqlite3")
    assert files_of(Path("old-out")) == files_of(Path("out"))
    with sqlite3.connect("old.sqlite3") as conn:
        made = conn.execute("SELECT issue FROM archive_entries ORDER BY issue").fetchall()
    assert made == [(1,), (2,), (3,)]  # made once, kept for the next builds
