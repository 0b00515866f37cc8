"""Kill `digest build` at random points of a large build, and check that nothing stays stuck.

    .venv/bin/python tests/kill_builds.py                      # 20 kills of a 10,000-paper build
    .venv/bin/python tests/kill_builds.py --kills 5 --papers 2000 --seed 3

The corpus is made as bench/scale.py makes it, from ../shared/bench/corpus/abstracts.jsonl
(real abstracts, and past 8,507 recombined ones); without that file, from made-up abstracts.
Two builds run first, not killed, to time a whole build (the kills then follow the time the
latest unkilled builds took, as the machine's load changes). Then each round writes the corpus
again with ids no earlier round used (so every round summarizes and groups all of it, in
forked workers), starts `digest build` for a new week in a session of its own, and kills it at
a random moment of that duration, SIGKILL and SIGTERM in turn. Then it checks that:

- the killed build's stdout and stderr close within seconds: no worker keeps them open;
- no process of the killed build's session is left;
- the history and the outputs agree: out/digest.json is the history's latest issue, and
  index.html lists the history's issues (or the history holds the list of outputs a killed
  run had still to move, which the next build moves first);
- the same build, run again and not killed, succeeds well within the 10 s that a build waits
  for the history's lock (a worker that kept the lock would make it fail after 10 s), and
  then the history and the outputs agree.

Prints a line per round and a summary; exits 1 when any check failed. tests/test_kills.py
runs a small version in the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "bench" / "corpus" / "abstracts.jsonl"
FIRST_WEEK = dt.date(2027, 1, 4)
# How long a killed build's pipes may stay open, and its processes live, after the kill.
GRACE_SECONDS = 5.0


@dataclass
class Round:
    number: int
    sig: signal.Signals
    at: float  # seconds after the start
    stage: str = ""  # the stage the build was in, from its --verbose lines
    finished_first: bool = False  # the build ended before the kill
    closed_after: float = 0.0  # seconds from the kill until stdout and stderr closed
    left: list[int] = field(default_factory=list)  # processes of its session still alive
    agreed: str = ""  # how history and outputs stood after the kill
    rerun_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def make_rows(papers: int, seed: int) -> list[dict[str, str]]:
    """`papers` distinct {id, title, abstract} rows."""
    if CORPUS.is_file():
        sys.path.insert(0, str(ROOT / "bench"))
        from scale import make_rows as scale_rows
        from scale import read_rows

        return scale_rows(read_rows(CORPUS), papers, seed)
    rng = random.Random(seed)
    topics = ["robot grasping", "dialogue evaluation", "galaxy surveys", "protein folding"]
    words = ["sparse", "robust", "causal", "scalable", "federated", "contrastive", "neural"]
    rows = []
    for i in range(papers):
        topic, a, b = rng.choice(topics), rng.choice(words), rng.choice(words)
        rows.append(
            {
                "id": f"p{i}",
                "title": f"A {a} approach to {topic} {i}",
                "abstract": f"We introduce a {a} and {b} method for {topic}, number {i}. "
                f"Prior work on {topic} relied on small benchmarks and hand tuning. "
                f"Our {a} approach improves accuracy by {i % 17 + 2} points on {topic}.",
            }
        )
    return rows


def write_round(rows: Sequence[dict[str, str]], round_number: int, inbox: Path) -> None:
    """The corpus with ids of this round, 1,000 rows a file, replacing the last round's."""
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir(parents=True)
    for start in range(0, len(rows), 1000):
        lines = "".join(
            json.dumps({**row, "id": f"r{round_number}-{row['id']}"}, ensure_ascii=False) + "\n"
            for row in rows[start : start + 1000]
        )
        (inbox / f"{start // 1000:04d}.jsonl").write_text(lines, encoding="utf-8")


def build_command(work: Path, week: dt.date, prelude: str) -> list[str]:
    args = ["build", "inbox", "--out", "out", "--state", "history.sqlite3", "-v"]
    args += ["--date", week.isoformat()]
    if prelude:
        script = prelude + "\nimport sys\nfrom digest.cli import main\nmain(sys.argv[1:])\n"
        return [sys.executable, "-c", script, *args]
    return [sys.executable, "-m", "digest", *args]


def session_processes(sid: int) -> list[int]:
    """The live processes of session `sid` (zombies are dead: only their entry is left)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            # Fields after the command name, which is in parentheses and may hold spaces.
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def agreement(work: Path) -> tuple[bool, str]:
    """Whether the history and the outputs in `work` tell the same issue, and what they say."""
    history = work / "history.sqlite3"
    weeks: list[tuple[int, str]] = []
    pending = 0
    if history.exists():
        # Read-write, as digest opens it: SQLite undoes a commit the kill cut short.
        with contextlib.closing(sqlite3.connect(f"{history.as_uri()}?mode=rw", uri=True)) as c:
            weeks = c.execute("SELECT number, week FROM issues ORDER BY number DESC").fetchall()
            pending = c.execute("SELECT count(*) FROM pending_outputs").fetchone()[0]
    data_file = work / "out" / "digest.json"
    out = None
    if data_file.exists():
        data = json.loads(data_file.read_text(encoding="utf-8"))
        out = (data["number"], data["week"])
    latest = weeks[0] if weeks else None
    said = f"history {latest}, outputs {out}"
    if pending:
        return True, f"{said}, {pending} outputs to move next run"
    if latest != out:
        return False, said
    if latest is not None:
        index = (work / "out" / "index.html").read_text(encoding="utf-8")
        missing = [w for _, w in weeks if w not in index]
        if missing:
            return False, f"{said}; index.html lacks {', '.join(missing)}"
    return True, said


def run_build(command: list[str], work: Path, timeout: float) -> tuple[int, float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=work, capture_output=True, text=True, timeout=timeout, check=False
    )
    return done.returncode, time.perf_counter() - started, done.stdout + done.stderr


def last_stage(stderr: str) -> str:
    """The stage a --verbose build was in: the one after the last it reported."""
    order = ["load", "summarize", "group", "render", "write"]
    finished = [line.split()[0] for line in stderr.splitlines() if line.startswith("  ")]
    done = [s for s in finished if s in order]
    if not done:
        return "load"
    following = order.index(done[-1]) + 1
    return order[following] if following < len(order) else "exit"


def kill_round(
    rnd: Round,
    command: list[str],
    work: Path,
    full: float,
    rows: Sequence[dict[str, str]],
    after_load: bool = False,
) -> None:
    write_round(rows, rnd.number, work / "inbox")
    proc = subprocess.Popen(
        command,
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    started = time.perf_counter()
    if after_load:
        # Into the stages that hold the history's lock and run workers: wait for the load
        # stage's --verbose line, then kill at `at` seconds from there.
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("  load"):
                break
        rnd.at += time.perf_counter() - started
    time.sleep(max(0.0, rnd.at - (time.perf_counter() - started)))
    rnd.finished_first = proc.poll() is not None
    if not rnd.finished_first:
        os.kill(proc.pid, rnd.sig)
    killed_at = time.perf_counter()
    try:
        # communicate() returns when both pipes are closed: by every process holding them.
        _, stderr = proc.communicate(timeout=GRACE_SECONDS)
        rnd.closed_after = time.perf_counter() - killed_at
        rnd.stage = "after the end" if rnd.finished_first else last_stage(stderr)
    except subprocess.TimeoutExpired:
        rnd.problems.append(f"stdout/stderr still open {GRACE_SECONDS:.0f} s after the kill")
    deadline = time.monotonic() + GRACE_SECONDS
    while (left := session_processes(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    if left:
        rnd.left = left
        rnd.problems.append(f"processes left: {left}")
    proc.wait()
    ok, rnd.agreed = agreement(work)
    if not ok:
        rnd.problems.append(f"after the kill: {rnd.agreed}")
    # The next build runs with whatever the killed one left alive.
    code, seconds, output = run_build(command, work, timeout=full * 3 + 30)
    rnd.rerun_seconds = seconds
    if code != 0:
        rnd.problems.append(f"the next build failed ({code}): {output.strip()[-300:]}")
    ok, said = agreement(work)
    if not ok:
        rnd.problems.append(f"after the next build: {said}")
    for pid in left:  # ours: started by this round, in its own session
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def run(
    kills: int,
    papers: int,
    seed: int,
    work: Path,
    prelude: str = "",
    quiet: bool = False,
    after_load: bool = False,
) -> list[Round]:
    """Run the rounds in `work`; return them, each with its problems (none: all held).
    `after_load`: kill at random points after the load stage rather than of the whole run."""
    rng = random.Random(seed)
    rows = make_rows(papers, seed)
    say = (lambda text: None) if quiet else print
    # Two untimed builds: the first also warms the disk cache and the imports.
    durations = []
    for _ in range(2):
        calibration = work / "calibration"
        calibration.mkdir(parents=True)
        write_round(rows, 0, calibration / "inbox")
        command = build_command(calibration, FIRST_WEEK, prelude)
        code, seconds, output = run_build(command, calibration, timeout=600)
        if code != 0:
            raise SystemExit(f"the untimed build failed: {output}")
        shutil.rmtree(calibration)
        durations.append(seconds)
    full = durations[-1]
    say(f"{papers:,} papers; a whole build takes {full:.2f} s; {kills} kills")
    rounds = []
    for i in range(1, kills + 1):
        sig = signal.SIGKILL if i % 2 else signal.SIGTERM
        rnd = Round(i, sig, at=rng.uniform(0.05, full * (0.6 if after_load else 1.0)))
        command = build_command(work, FIRST_WEEK + dt.timedelta(weeks=i), prelude)
        kill_round(rnd, command, work, full, rows, after_load)
        rounds.append(rnd)
        # Each next build is a whole build: the kills follow the machine's current pace.
        durations.append(rnd.rerun_seconds)
        full = statistics.median(durations[-5:])
        status = "ok" if not rnd.problems else "FAILED: " + "; ".join(rnd.problems)
        say(
            f"round {i:2d}: {rnd.sig.name:7s} at {rnd.at:5.2f} s ({rnd.stage}); pipes closed "
            f"after {rnd.closed_after:.2f} s; {rnd.agreed}; next build {rnd.rerun_seconds:.2f} s"
            f"; {status}"
        )
    return rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--after-load",
        action="store_true",
        help="kill only after the load stage (where the lock is held and workers run)",
    )
    args = parser.parse_args()
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    with tempfile.TemporaryDirectory(prefix="digest-kills-") as tmp:
        rounds = run(args.kills, args.papers, args.seed, Path(tmp), after_load=args.after_load)
    failed = [r for r in rounds if r.problems]
    reruns = sorted(r.rerun_seconds for r in rounds)
    print(
        f"{len(rounds) - len(failed)} of {len(rounds)} rounds held; next build "
        f"{reruns[0]:.2f}-{reruns[-1]:.2f} s (median {reruns[len(reruns) // 2]:.2f} s); "
        f"{sum(r.finished_first for r in rounds)} builds ended before their kill"
    )
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
