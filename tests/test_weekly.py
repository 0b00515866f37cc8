"""Weekly runs over a growing folder: history, archive and feeds (through the real CLI)."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import feedparser
from click.testing import CliRunner, Result

from digest.cli import main
from digest.history import open_history

SITE = "https://lab.example.org/digest/"
WEEKS = ["2026-11-02", "2026-11-09", "2026-11-16"]


def abstract(topic: str, n: int) -> str:
    return (
        f"We introduce {topic} method number {n} for studying {topic} systems at scale. "
        f"Prior work on {topic} relied on small benchmarks. "
        f"Our {topic} approach improves accuracy by {n} points on three benchmarks."
    )


def add_papers(folder: Path, name: str, rows: list[dict[str, str]]) -> None:
    folder.mkdir(exist_ok=True)
    text = "\n".join(json.dumps(r) for r in rows) + "\n"
    (folder / name).write_text(text, encoding="utf-8")


def build(date: str, out: str = "out", *extra: str) -> Result:
    args = ["build", "inbox", "--out", out, "--date", date, "--site-url", SITE, *extra]
    return CliRunner().invoke(main, args, catch_exceptions=False)


def ids_in(out: Path) -> list[str]:
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    return sorted(p["id"] for t in data["themes"] for p in t["papers"])


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def grow_folder(week: int) -> None:
    topics = ["robotics", "dialogue", "galaxies"]
    rows = [
        {"id": f"w{week}-{i}", "abstract": abstract(topics[i % 3], 10 * week + i)} for i in range(4)
    ]
    add_papers(Path("inbox"), f"week{week}.jsonl", rows)


def test_three_weeks_each_issue_holds_only_new_papers() -> None:
    history: list[dict[str, bytes]] = []
    for week, date in enumerate(WEEKS, start=1):
        grow_folder(week)
        result = build(date)
        assert result.exit_code == 0, result.output
        assert f"issue {week}, " in result.output
        assert ids_in(Path("out")) == [f"w{week}-{i}" for i in range(4)]
        history.append(files_of(Path("out")))

    # Re-running a past week's latest state: the same bytes, no issue 4, nothing re-announced.
    again = build(WEEKS[-1], "again")
    assert again.exit_code == 0 and "issue 3 (rebuilt)" in again.output
    assert files_of(Path("again")) == history[-1]

    listing = CliRunner().invoke(main, ["issues"])
    assert listing.exit_code == 0
    assert [line.split()[:2] for line in listing.output.splitlines()[1:]] == [
        ["3", "2026-W47"],
        ["2", "2026-W46"],
        ["1", "2026-W45"],
    ]


def test_feed_keeps_every_issue_with_stable_ids_and_valid_archive_links() -> None:
    feeds = []
    for week, date in enumerate(WEEKS, start=1):
        grow_folder(week)
        assert build(date).exit_code == 0
        feeds.append(
            (
                feedparser.parse((Path("out") / "feed.xml").read_bytes()),
                feedparser.parse((Path("out") / "atom.xml").read_bytes()),
            )
        )
    rss, atom = feeds[-1]
    for parsed in (rss, atom):
        assert not parsed.bozo
        assert [e.id for e in parsed.entries] == [
            f"{SITE}issues/2026-W47.html",
            f"{SITE}issues/2026-W46.html",
            f"{SITE}issues/2026-W45.html",
        ]
        # Dates come from the issues, never the clock.
        assert [e.published_parsed[:3] for e in parsed.entries] == [
            (2026, 11, 16),
            (2026, 11, 9),
            (2026, 11, 2),
        ]
    # An issue's id and content do not change when later issues are added.
    week1_then = feeds[0][0].entries[0]
    week1_now = rss.entries[-1]
    assert (week1_then.id, week1_then.content[0].value) == (
        week1_now.id,
        week1_now.content[0].value,
    )
    # Every link of the feeds resolves to a file in out/, which the archive links to
    # relatively (so the folder browses the same from disk and from the web).
    links = [e.link for e in rss.entries]
    index = (Path("out") / "index.html").read_text(encoding="utf-8")
    for link in links:
        assert link.startswith(SITE)
        assert (Path("out") / link.removeprefix(SITE)).is_file(), link
        assert f'href="{link.removeprefix(SITE)}"' in index


def test_feed_keeps_only_the_last_n_issues() -> None:
    for week, date in enumerate(WEEKS, start=1):
        grow_folder(week)
        assert build(date, "out", "--feed-issues", "2").exit_code == 0
    parsed = feedparser.parse((Path("out") / "feed.xml").read_bytes())
    assert [e.id.rsplit("/", 1)[-1] for e in parsed.entries] == ["2026-W47.html", "2026-W46.html"]
    # The archive still has every issue.
    assert sorted(p.name for p in Path("out/issues").glob("*.html")) == [
        "2026-W45.html",
        "2026-W46.html",
        "2026-W47.html",
    ]


def test_new_arxiv_version_is_shown_once_under_updated() -> None:
    base = {"title": "Robot hands", "abstract": abstract("robotics", 1)}
    add_papers(Path("inbox"), "a.jsonl", [{**base, "url": "https://arxiv.org/abs/2101.00001v1"}])
    assert build(WEEKS[0]).exit_code == 0
    add_papers(Path("inbox"), "b.jsonl", [{**base, "url": "https://arxiv.org/abs/2101.00001v2"}])
    assert build(WEEKS[1]).exit_code == 0
    data = json.loads(Path("out/digest.json").read_text(encoding="utf-8"))
    assert data["themes"] == []
    assert [p["arxiv_id"] for p in data["updated"]] == ["2101.00001"]
    assert "## Updated" in Path("out/digest.md").read_text(encoding="utf-8")
    # The week after, the same version is old news.
    result = build(WEEKS[2])
    assert "Nothing new since issue 2 (2026-W46)" in result.output


def test_nothing_new_builds_nothing() -> None:
    grow_folder(1)
    assert build(WEEKS[0]).exit_code == 0
    before = files_of(Path("out"))
    result = build(WEEKS[1])
    assert result.exit_code == 0
    assert "Nothing new since issue 1 (2026-W45): no issue built" in result.output
    assert files_of(Path("out")) == before


def test_dry_run_writes_nothing() -> None:
    grow_folder(1)
    result = build(WEEKS[0], "out", "--dry-run")
    assert result.exit_code == 0
    assert "Dry run: issue 1 (2026-W45) would be built with 4 new papers" in result.output
    assert not Path("out").exists()
    assert not Path(".digest").exists()


def test_a_date_before_the_latest_issue_is_refused() -> None:
    grow_folder(1)
    assert build(WEEKS[1]).exit_code == 0
    grow_folder(2)
    result = CliRunner().invoke(main, ["build", "inbox", "--date", WEEKS[0], "--site-url", SITE])
    assert result.exit_code == 1
    assert "is in 2026-W45, before the latest issue (#1, 2026-W46)" in result.output


def test_a_second_run_waits_then_fails_clearly(monkeypatch: object) -> None:
    import digest.history

    grow_folder(1)
    setattr(digest.history, "LOCK_WAIT_SECONDS", 0.2)  # noqa: B010
    try:
        with open_history(Path(".digest/history.sqlite3")):
            result = build(WEEKS[0])
    finally:
        setattr(digest.history, "LOCK_WAIT_SECONDS", 10.0)  # noqa: B010
    assert result.exit_code == 1
    assert "another digest run is using this history; wait for it to finish" in result.output
    assert not Path("out").exists()


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import digest.output as output

    real = output._write_temp
    count = 0

    def dying_write(target, content):
        global count
        count += 1
        if count == 3:  # killed in the middle of writing the third file
            path = target.with_name("." + target.name + ".dying.tmp")
            path.write_bytes(content[: len(content) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        return real(target, content)

    output._write_temp = dying_write
    from digest.cli import main
    main(sys.argv[1:])
    """
)


def test_a_build_killed_mid_write_leaves_previous_outputs_and_history_intact() -> None:
    grow_folder(1)
    assert build(WEEKS[0]).exit_code == 0
    before = files_of(Path("out"))
    grow_folder(2)
    args = ["build", "inbox", "--out", "out", "--date", WEEKS[1], "--site-url", SITE]
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, *args], capture_output=True, text=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after = {k: v for k, v in files_of(Path("out")).items() if not k.split("/")[-1].startswith(".")}
    assert after == before
    listing = CliRunner().invoke(main, ["issues"])
    assert [line.split()[0] for line in listing.output.splitlines()[1:]] == ["1"]
    # The next run builds issue 2 as if nothing had happened, and cleans up.
    result = build(WEEKS[1])
    assert result.exit_code == 0 and "issue 2, " in result.output
    assert ids_in(Path("out")) == [f"w2-{i}" for i in range(4)]
    assert not [p for p in Path("out").rglob(".*.tmp")]
    assert os.listdir("out")


def test_named_themes_get_a_feed_of_their_own() -> None:
    Path("digest.toml").write_text(
        '[[theme]]\nlabel = "Robotics"\nkeywords = ["robotics"]\n'
        '[[theme]]\nlabel = "Galaxies"\nkeywords = ["galaxies"]\n',
        encoding="utf-8",
    )
    for week, date in enumerate(WEEKS, start=1):
        grow_folder(week)
        assert build(date).exit_code == 0
    raw = (Path("out") / "themes" / "robotics" / "feed.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo
    assert [e.id for e in parsed.entries] == [
        f"{SITE}issues/2026-W47.html#robotics",
        f"{SITE}issues/2026-W46.html#robotics",
        f"{SITE}issues/2026-W45.html#robotics",
    ]
    content = parsed.entries[0].content[0].value
    assert "robotics" in content and "galaxies" not in content and "dialogue" not in content
    assert f'<atom:link href="{SITE}themes/robotics/feed.xml" rel="self"/>'.encode() in raw
    atom = feedparser.parse((Path("out") / "themes" / "robotics" / "atom.xml").read_bytes())
    assert not atom.bozo and len(atom.entries) == 3
    galaxies = feedparser.parse((Path("out") / "themes" / "galaxies" / "feed.xml").read_bytes())
    assert [e.id for e in galaxies.entries] == [
        f"{SITE}issues/{week}.html#galaxies" for week in ("2026-W47", "2026-W46", "2026-W45")
    ]
    content = galaxies.entries[0].content[0].value
    assert "galaxies" in content and "robotics" not in content


def test_a_build_leaves_the_cycle_collector_as_it_found_it() -> None:
    grow_folder(1)
    assert build(WEEKS[0]).exit_code == 0
    assert gc.isenabled()
    grow_folder(2)
    gc.disable()
    try:
        assert build(WEEKS[1]).exit_code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- a file's warnings once: when it is new or changed ----------------------------------------


def _with_a_bad_line(name: str, week: int) -> None:
    rows = [
        {"id": f"{name}-{i}", "abstract": abstract("sensing", 100 * week + i)} for i in range(2)
    ]
    text = "\n".join(json.dumps(r) for r in rows) + "\n{not json\n"
    Path("inbox").mkdir(exist_ok=True)
    (Path("inbox") / name).write_text(text, encoding="utf-8")


def test_a_files_warnings_are_shown_when_it_is_new_and_not_again_every_week() -> None:
    _with_a_bad_line("old.jsonl", 1)
    first = build(WEEKS[0])
    assert first.exit_code == 0
    assert "warning: inbox/old.jsonl:3:" in first.stderr
    _with_a_bad_line("new.jsonl", 2)
    second = build(WEEKS[1])
    assert second.exit_code == 0, second.output
    assert "warning: inbox/new.jsonl:3:" in second.stderr
    assert "old.jsonl:3" not in second.stderr
    assert "note: 1 skipped in 1 unchanged file already reported by an earlier build" in (
        second.stderr
    )
    published = json.loads(Path("out/digest.json").read_text(encoding="utf-8"))["skipped"]
    assert [s["path"] for s in published] == ["inbox/new.jsonl"]
    # Changed: shown again.
    _with_a_bad_line("old.jsonl", 3)
    third = build(WEEKS[2])
    assert "warning: inbox/old.jsonl:3:" in third.stderr
    assert "new.jsonl" not in third.stderr


def test_strict_fails_only_on_problems_of_new_or_changed_files() -> None:
    _with_a_bad_line("old.jsonl", 1)
    assert build(WEEKS[0], "out", "--strict").exit_code == 1  # new: fails, records nothing
    assert build(WEEKS[0]).exit_code == 0  # the team accepts the file as it is
    grow_folder(2)
    assert build(WEEKS[1], "out", "--strict").exit_code == 0
    _with_a_bad_line("old.jsonl", 3)
    result = build(WEEKS[2], "out", "--strict")
    assert result.exit_code == 1
    assert "--strict: 1 input problem" in result.output


def test_a_rebuilt_week_publishes_the_same_warnings_again() -> None:
    _with_a_bad_line("old.jsonl", 1)
    assert build(WEEKS[0]).exit_code == 0
    before = files_of(Path("out"))
    again = build(WEEKS[0])
    assert again.exit_code == 0
    assert "warning: inbox/old.jsonl:3:" in again.stderr
    assert files_of(Path("out")) == before


def test_a_week_with_nothing_new_still_remembers_the_files_it_read() -> None:
    grow_folder(1)
    assert build(WEEKS[0]).exit_code == 0
    (Path("inbox") / "stub.jsonl").write_text("{not json\n", encoding="utf-8")
    first = build(WEEKS[1])
    assert "Nothing new" in first.output and "warning: inbox/stub.jsonl:1:" in first.stderr
    second = build(WEEKS[2])
    assert "Nothing new" in second.output and "stub.jsonl:1" not in second.stderr
