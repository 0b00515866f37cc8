"""Forked workers die with their parent and never hold the history's lock; builds killed at
random points leave nothing stuck (a small run of tests/kill_builds.py)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import digest.history
from digest import forking
from digest.history import open_history

from kill_builds import make_rows, run, session_processes, write_round

pytestmark = pytest.mark.skipif(not forking.CAN_FORK, reason="no fork here: no workers")

# Holds the history's lock with a pool of two workers busy for ten minutes, prints the
# workers' process ids, and waits to be killed.
HOLDER = """
    import os, sys, time
    from pathlib import Path
    from digest import forking
    from digest.history import open_history

    def busy(_):
        time.sleep(600)

    with open_history(Path(sys.argv[1])), forking.forked_pool(2, None) as pool:
        for i in range(2):
            pool.submit(busy, i)
        while len(pool._processes) < 2:
            time.sleep(0.01)
        print(*pool._processes, flush=True)
        time.sleep(600)
"""


def wait_until_gone(pids: list[int], seconds: float = 5.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while True:
        alive = [pid for pid in pids if _alive(pid)]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie is dead: only its entry waits to be collected


def lock_is_free(path: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setattr(digest.history, "LOCK_WAIT_SECONDS", 0.5)
    try:
        with open_history(path):
            return True
    except digest.history.HistoryError:
        return False


# Holds the history's lock while a forked call (a build's grouping worker) runs for ten
# minutes; prints the child's process id.
CALL_HOLDER = """
    import sys, time
    from pathlib import Path
    from digest import forking
    from digest.history import open_history

    with open_history(Path(sys.argv[1])), forking.forked_call(lambda r: time.sleep(600)) as c:
        print(c._pid, flush=True)
        time.sleep(600)
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.parametrize(("script", "children"), [(HOLDER, 2), (CALL_HOLDER, 1)])
def test_workers_die_with_a_killed_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sig: signal.Signals, script: str, children: int
) -> None:
    history = tmp_path / "history.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), str(history)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert holder.stdout is not None
        workers = [int(pid) for pid in holder.stdout.readline().split()]
        assert len(workers) == children
        assert not lock_is_free(history, monkeypatch)  # the holder has it
        holder.send_signal(sig)
        # Both pipes close at once: no worker keeps the caller's output open.
        holder.communicate(timeout=5)
        assert wait_until_gone(workers) == []
        assert lock_is_free(history, monkeypatch)
    finally:
        for pid in [holder.pid, *session_processes(holder.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        holder.wait()


# Holds the lock and forks a child that does not die with it (a plain fork, not a worker).
FORKER = """
    import os, sys, time
    from pathlib import Path
    from digest.history import open_history

    with open_history(Path(sys.argv[1])):
        child = os.fork()
        if child == 0:
            time.sleep(600)
            os._exit(0)
        print(child, flush=True)
        time.sleep(600)
"""


def test_a_forked_child_never_holds_the_history_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = tmp_path / "history.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(FORKER), str(history)],
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    assert holder.stdout is not None
    child = int(holder.stdout.readline())
    try:
        assert not lock_is_free(history, monkeypatch)  # the holder has it
        holder.kill()
        holder.wait()
        assert _alive(child)
        assert lock_is_free(history, monkeypatch)
    finally:
        os.kill(child, signal.SIGKILL)


# Workers from a few hundred papers on, so that a small build uses them in every stage.
SMALL_POOLS = """
import digest.grouping, digest.loading, digest.summarizing
digest.summarizing.stage.PARALLEL_MIN_PAPERS = 100
digest.grouping.PARALLEL_MIN_PAPERS = 100
digest.loading.PARALLEL_MIN_BYTES = 10_000
"""


def test_builds_killed_at_random_points_leave_nothing_stuck(tmp_path: Path) -> None:
    rounds = run(
        kills=3, papers=800, seed=1, work=tmp_path, prelude=SMALL_POOLS, quiet=True, after_load=True
    )
    assert [(r.number, r.problems) for r in rounds] == [(r.number, []) for r in rounds]


def test_a_forked_call_receives_what_is_sent_and_returns_its_result() -> None:
    def double(receive: Any) -> tuple[int, list[int]]:
        return os.getpid(), [2 * x for x in receive()]

    with forking.forked_call(double) as call:
        call.send(list(range(100_000)))  # more than a pipe holds: the send must not block
        child, doubled = call.result()
    assert child != os.getpid()
    assert doubled == [2 * x for x in range(100_000)]


def test_a_forked_call_may_return_without_receiving_what_is_sent(
    capfd: pytest.CaptureFixture[str],
) -> None:
    # A build's grouping worker asks for the papers' names only to label a one-paper theme.
    with forking.forked_call(lambda receive: "labelled") as call:
        call.send(list(range(100_000)))  # more than a pipe holds, and never read
        assert call.result() == "labelled"
    assert capfd.readouterr().err == ""


def test_a_forked_call_raises_what_its_child_raised_and_says_where() -> None:
    def fail(receive: Any) -> None:
        raise digest.history.HistoryError(f"bad {receive()}")

    with forking.forked_call(fail) as call:
        call.send("news")
        with pytest.raises(digest.history.HistoryError, match="bad news") as raised:
            call.result()
    assert any("in the forked worker" in note for note in raised.value.__notes__)


def test_a_forked_call_whose_child_is_killed_says_so() -> None:
    def die(receive: Any) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with forking.forked_call(die) as call, pytest.raises(RuntimeError, match="signal 9"):
        call.result()


def test_leaving_a_forked_call_early_kills_its_child() -> None:
    pids: list[int] = []

    def wait_forever(receive: Any) -> None:
        time.sleep(600)

    with pytest.raises(KeyError), forking.forked_call(wait_forever) as call:
        pids.append(call._pid)
        raise KeyError("the parent's own error")
    assert wait_until_gone(pids) == []


@pytest.mark.parametrize("themes", [[], ["--themes", "80"]])  # many themes: one-paper ones too
def test_grouping_beside_summarizing_writes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, themes: list[str]
) -> None:
    """Grouping in a forked worker while the parent summarizes changes no byte of the output;
    a one-paper theme is named by its paper's headline, sent to the worker."""
    from click.testing import CliRunner

    from digest import pipeline
    from digest.cli import main

    inbox = tmp_path / "inbox"
    # No titles: each headline is derived, so a one-paper theme's name is not its title.
    rows = [{"id": r["id"], "abstract": r["abstract"]} for r in make_rows(300, seed=3)]
    write_round(rows, 1, inbox)
    outputs = {}
    for aside, threshold in (("aside", 1), ("in turn", 10**9)):
        monkeypatch.setattr(pipeline, "GROUP_ASIDE_MIN_PAPERS", threshold)
        out, state = tmp_path / f"out-{threshold}", tmp_path / f"history-{threshold}.sqlite3"
        args = ["build", str(inbox), "--out", str(out), "--state", str(state)]
        result = CliRunner().invoke(main, [*args, *themes, "--date", "2026-11-16", "-q"])
        assert result.exit_code == 0, result.output
        outputs[aside] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert outputs["aside"] == outputs["in turn"]
    assert len(outputs["aside"]) > 10
