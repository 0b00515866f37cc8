"""A build's cost as the history grows: one issue a week of N new papers, W weeks in a row.

    .venv/bin/python bench/history.py                       # 20 weeks of 10,000 papers
    .venv/bin/python bench/history.py --weeks 10 --papers 1000

Each week is a fresh corpus of N distinct abstracts (bench/scale.py's sample of
../shared/bench/corpus/abstracts.jsonl, its ids made new for the week), built with
`digest build INBOX --out OUT --state HISTORY --date <that week's Monday> -q` in a fresh
process, into the same output folder and history, as a team runs it week after week. Prints
each build's wall and CPU seconds (the process and the workers it forks) and the history's
size; then the first and last weeks side by side. Other work on the machine slows everything:
the load average is printed at the start and the end. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import CORPUS, machine, make_rows, read_rows, write_corpus

FIRST_WEEK = dt.date(2027, 1, 4)


def write_week(rows: list[dict[str, str]], week: int, inbox: Path) -> None:
    """The week's corpus: the rows with ids of this week."""
    shutil.rmtree(inbox, ignore_errors=True)
    write_corpus([{**row, "id": f"w{week}-{row['id']}"} for row in rows], inbox)


def build(work: Path, date: dt.date) -> tuple[float, float]:
    digest = str(Path(sys.executable).parent / "digest")
    command = [digest, "build", "inbox", "--out", "out", "--state", "history.sqlite3", "-q"]
    command += ["--date", date.isoformat()]
    start = time.perf_counter()
    pid = os.spawnv(os.P_NOWAIT, digest, command)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"digest build failed in week {date}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=20)
    parser.add_argument("--papers", type=int, default=10_000)
    args = parser.parse_args()
    print(f"start: {machine()}; {args.weeks} weeks of {args.papers:,} papers")
    rows = make_rows(read_rows(CORPUS), args.papers)
    runs = []
    with tempfile.TemporaryDirectory(prefix="digest-history-") as tmp:
        work = Path(tmp)
        previous = Path.cwd()
        os.chdir(work)
        try:
            header = f"{'week':>4} {'issues before':>13} {'wall s':>7} {'cpu s':>7}"
            print(f"{header} {'history MB':>10}")
            for week in range(args.weeks):
                write_week(rows, week, work / "inbox")
                wall, cpu = build(work, FIRST_WEEK + dt.timedelta(weeks=week))
                size = (work / "history.sqlite3").stat().st_size / 1e6
                runs.append((wall, cpu))
                print(f"{week + 1:>4} {week:>13} {wall:7.2f} {cpu:7.2f} {size:10.0f}", flush=True)
        finally:
            os.chdir(previous)
    first, last = runs[0], runs[-1]
    print(
        f"first week: {first[0]:.2f} s wall, {first[1]:.2f} s CPU; week {len(runs)}: "
        f"{last[0]:.2f} s wall, {last[1]:.2f} s CPU"
    )
    print(f"end: {machine()}")


if __name__ == "__main__":
    main()
