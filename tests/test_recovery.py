"""The history and the outputs after failures: a full disk at COMMIT, a run killed between
recording an issue and moving its outputs into place, an empty, damaged, foreign or read-only
history file, and a transaction a crashed writer left half done. Each ends in a one-line
message or a recovery, never a traceback, a fresh start or outputs that disagree with the
history."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from digest.cli import main

from factories import one_line_error

HISTORY = Path(".digest/history.sqlite3")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def grow(week: int, count: int = 4) -> None:
    rows = [
        {
            "id": f"w{week}-{i}",
            "abstract": f"We introduce robotics method number {week}{i} for robotics systems "
            f"at scale. Prior work relied on small benchmarks. Ours gains {i} points.",
        }
        for i in range(count)
    ]
    Path("inbox").mkdir(exist_ok=True)
    text = "\n".join(json.dumps(r) for r in rows) + "\n"
    Path("inbox", f"week{week}.jsonl").write_text(text, encoding="utf-8")


def build(date: str) -> Result:
    return CliRunner().invoke(main, ["build", "inbox", "--out", "out", "--date", date, "-q"])


def issues() -> Result:
    return CliRunner().invoke(main, ["issues"])


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


def recorded_numbers() -> list[int]:
    with contextlib.closing(sqlite3.connect(HISTORY)) as conn:
        return [n for (n,) in conn.execute("SELECT number FROM issues ORDER BY number")]


def outputs_number() -> int:
    return int(json.loads(Path("out/digest.json").read_text(encoding="utf-8"))["number"])


def run_cli_in_child(prelude: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(prelude) + "\nfrom digest.cli import main\nmain(sys.argv[1:])\n"
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )


# The build of week 2 with the history's file unable to grow: what it already holds fits,
# so the outputs (smaller) are written in full, and the history fails when its COMMIT writes
# the new pages, as on a full disk.
FULL_DISK = """
    import os, resource, signal, sys
    limit = os.path.getsize(".digest/history.sqlite3")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
"""


def test_a_full_disk_at_commit_leaves_outputs_and_history_as_they_were() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    before = files_of(Path("out"))
    shutil.copytree(SEEDS, "inbox/seeds")  # 42 more papers: the history must grow
    failed = run_cli_in_child(FULL_DISK, "build", "inbox", "--out", "out", "--date", "2026-11-16")
    assert failed.returncode == 1, failed.stderr
    assert "Traceback" not in failed.stderr
    assert "history.sqlite3: cannot use the history (disk I/O error)" in failed.stderr
    assert files_of(Path("out")) == before
    assert not list(Path("out").rglob(".*.tmp"))
    assert recorded_numbers() == [1]
    # With room again, the same build goes through.
    assert build("2026-11-16").exit_code == 0
    assert recorded_numbers() == [1, 2] and outputs_number() == 2


# Killed while moving the outputs into place, after the issue was committed: the second move
# never happens.
KILLED_WHILE_MOVING = """
    import os, signal, sys
    import digest.output as output
    real = os.replace
    moves = 0
    def dying_replace(src, dst):
        global moves
        moves += 1
        if moves == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        real(src, dst)
    output.os.replace = dying_replace
"""


def test_a_run_killed_after_recording_is_finished_by_the_next_run() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    grow(2)
    killed = run_cli_in_child(
        KILLED_WHILE_MOVING, "build", "inbox", "--out", "out", "--date", "2026-11-16"
    )
    assert killed.returncode == -signal.SIGKILL
    assert recorded_numbers() == [1, 2]
    assert outputs_number() == 1  # atom.xml was moved, digest.json (the second) was not
    # A week later with nothing new, the next run still finishes issue 2's outputs.
    result = build("2026-11-23")
    assert result.exit_code == 0 and "Nothing new since issue 2" in result.output
    assert outputs_number() == 2
    assert Path("out/issues/2026-W47.html").exists()
    assert not list(Path("out").rglob(".*.tmp"))
    index = Path("out/index.html").read_text(encoding="utf-8")
    assert "2026-W47" in index and "2026-W46" in index


def test_an_empty_history_file_is_refused_never_started_over() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    before = files_of(Path("out"))
    HISTORY.write_bytes(b"")
    grow(2)
    message = one_line_error(build("2026-11-16"))
    assert "history.sqlite3: the history file is empty (0 bytes)" in message
    assert "restore it from a backup, or pass a new --state" in message
    assert HISTORY.stat().st_size == 0
    assert files_of(Path("out")) == before
    assert "the history file is empty" in one_line_error(issues())


def test_a_damaged_history_is_a_one_line_error() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    data = bytearray(HISTORY.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page but the first scrambled
    HISTORY.write_bytes(bytes(data))
    grow(2)
    assert "the history is damaged" in one_line_error(build("2026-11-16"))
    assert "the history is damaged" in one_line_error(issues())


def test_a_sqlite_database_of_another_program_is_left_alone() -> None:
    HISTORY.parent.mkdir()
    with contextlib.closing(sqlite3.connect(HISTORY)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
    grow(1)
    message = one_line_error(build("2026-11-09"))
    assert "not a digest history (a SQLite database that has tables of its own)" in message
    with contextlib.closing(sqlite3.connect(HISTORY)) as conn:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master")]
    assert tables == ["contacts"]


def test_a_bad_date_in_the_history_is_a_one_line_error() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    with contextlib.closing(sqlite3.connect(HISTORY)) as conn:
        conn.execute("UPDATE issues SET date = '2026-13-45'")
        conn.commit()
    message = one_line_error(issues())
    assert "issue 1 has a damaged date ('2026-13-45')" in message


def test_a_damaged_paper_record_is_a_one_line_error() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    with contextlib.closing(sqlite3.connect(HISTORY)) as conn:
        conn.execute("UPDATE issue_papers SET record = '{\"id\": ' WHERE key = 'w1-2'")
        conn.commit()
    message = one_line_error(build("2026-11-09"))  # a rebuild reads the issue's papers
    assert "the record of paper 'w1-2' in issue 1 is damaged" in message


# Records issue 2 with a tiny page cache, so that SQLite writes pages into the file before
# the COMMIT, and dies before committing: the journal it leaves is "hot".
CRASHED_WRITER = """
    import datetime as dt, os, signal, sys
    from pathlib import Path
    from digest.history import Member, PastIssue, open_history
    from digest.models import Paper
    with open_history(Path(sys.argv[1])) as history:
        history._conn.execute("PRAGMA cache_size = 1")
        with history.transaction():
            big = b"x" * 400_000
            issue = PastIssue(2, "2026-W47", dt.date(2026, 11, 16), "T", 1, 1, big, big, "", "")
            history.record_issue(issue, [Member(Paper(id="p", abstract="a" * 100), "new")])
            os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_transaction_left_half_done_by_a_crash_is_rolled_back() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    crashed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASHED_WRITER), str(HISTORY)], check=False
    )
    assert crashed.returncode == -signal.SIGKILL
    assert Path(f"{HISTORY}-journal").stat().st_size > 0
    listing = issues()
    assert listing.exit_code == 0, listing.output
    assert [line.split()[0] for line in listing.output.splitlines()[1:]] == ["1"]
    assert not Path(f"{HISTORY}-journal").exists()
    grow(2)
    assert build("2026-11-16").exit_code == 0
    assert recorded_numbers() == [1, 2]


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` made unwritable, for root too (an immutable file) where chattr works."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield
        path.chmod(0o644)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a file read-only")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr +i failed here: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_history_is_a_one_line_error() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    grow(2)
    with read_only(HISTORY):
        listing = issues()
        message = one_line_error(build("2026-11-16"))
    assert listing.exit_code == 0, listing.output
    assert "cannot use the history (attempt to write a readonly database)" in message
    assert "check the permissions of the file and its folder" in message
    assert outputs_number() == 1


def test_a_half_done_change_without_write_access_says_what_it_needs() -> None:
    grow(1)
    assert build("2026-11-09").exit_code == 0
    crashed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASHED_WRITER), str(HISTORY)], check=False
    )
    assert crashed.returncode == -signal.SIGKILL
    with read_only(HISTORY):
        message = one_line_error(issues())
    assert "a digest run that crashed left a change half done (history.sqlite3-journal)" in message
    assert "undoing it needs write access to the file and its folder" in message
    assert issues().exit_code == 0  # with write access again, SQLite undoes it
