"""Speed and memory of the whole pipeline at 1k, 10k and 100k abstracts, beside the plain approach.

    .venv/bin/python bench/scale.py                                # 1,000 and 10,000 papers
    .venv/bin/python bench/scale.py --sizes 1000,10000,100000
    .venv/bin/python bench/scale.py --sizes 10000 --skip-plain --skip-cli
    .venv/bin/python bench/scale.py --sizes 10000 --profile /tmp/prof   # cProfile each run
    .venv/bin/python bench/scale.py --sizes 10000 --skip-plain --skip-cli --repeat 5
    .venv/bin/python bench/scale.py --untitled --skip-plain --skip-cli   # bare abstracts

Corpora of N distinct abstracts are written as JSONL files (1,000 lines each) into a temporary
folder: a seeded sample of the 8,507 real abstracts of ../shared/bench/corpus/abstracts.jsonl,
and past 8,507, new abstracts made by joining the opening sentences of one real abstract to
the closing sentences of another (seeded; each distinct up to case, spaces and punctuation, so
deduplication keeps them all). The shared data is only read. With --untitled the rows have no
title, as pasted abstracts and the seeds come, so every headline is derived from the abstract.

The digest package is byte-compiled first, as `pip install` leaves it (with bytecode not
written, PYTHONDONTWRITEBYTECODE=1, every fresh process would compile each module again).
Each size runs in two fresh subprocesses, one for digest and one for the plain approach
(bench/plain.py), so imports are measured cold and memory separately. digest runs stage by
stage with the public functions of digest.pipeline: load_corpus, summarize_corpus,
group_corpus, then render+write: build_from_corpus with a new history and output folder (plan,
assemble, render every output, record the issue, write the files), its summarize and group
steps served from the results of the two stages before, so nothing is computed twice. Wall
and CPU seconds per stage (all threads, plus the worker processes digest forks); peak memory
is the process's resident-set high-water mark (`resource.getrusage(RUSAGE_SELF).ru_maxrss`)
after each stage, so it includes the interpreter and every import, and beside it the largest
forked child's (RUSAGE_CHILDREN; it shares pages with the parent, so do not add them).
"plain/digest" is the plain approach's wall seconds divided by digest's for the same stage:
above 1, digest is faster (the issue asks for 5x in total).

Then the same corpus once more through the command a user types, `digest build CORPUS --out
.. --state .. -q`, in a fresh process: the "command" row is what a user waits for, imports,
every stage and the interpreter's exit included; its CPU seconds and peak memory cover the
process and the workers it forks. With --repeat N it runs N times (each with a new history
and output folder) and the row shows the median run, with the best and worst beside it: on a
shared virtual machine the same run varies by half from one minute to the next.

Then `digest --help` (best of 5) and `digest build seeds` end to end (fresh process, new --state
and --out each time; best and median of 3). Machine load is printed at the start and the end:
other work on the machine slows everything. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "bench" / "corpus" / "abstracts.jsonl"
SEEDS = ROOT / "seeds"
SEED = 0
LINES_PER_FILE = 1000
ISSUE_DATE = "2026-11-16"
# The plain approach's stage that each of digest's is compared with, where the names differ.
PLAIN_STAGE = {"render+write": "render"}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_NOT_ALNUM = re.compile(r"[\W_]+")

# (stage, wall seconds, CPU seconds, RSS high-water in MB after the stage: own, largest child)
Stages = list[tuple[str, float, float, float, float]]


# --- corpora --------------------------------------------------------------------------------


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _comparable(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def make_rows(real: Sequence[dict[str, str]], n: int, seed: int = SEED) -> list[dict[str, str]]:
    """`n` distinct {id, title, abstract} rows: real ones first, then recombined ones."""
    rng = random.Random(seed)
    if n <= len(real):
        picked = rng.sample(list(real), n)
        return [{"id": r["id"], "title": r["title"], "abstract": r["abstract"]} for r in picked]
    rows = [{"id": r["id"], "title": r["title"], "abstract": r["abstract"]} for r in real]
    rng.shuffle(rows)
    seen = {_comparable(r["abstract"]) for r in rows}
    split = [_SENTENCE_END.split(r["abstract"]) for r in real]
    usable = [i for i, sentences in enumerate(split) if len(sentences) >= 2]
    while len(rows) < n:
        a, b = rng.sample(usable, 2)
        head, tail = split[a], split[b]
        text = " ".join(
            head[: rng.randint(1, len(head) - 1)] + tail[rng.randint(1, len(tail) - 1) :]
        )
        key = _comparable(text)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"id": f"mix-{len(rows):06d}", "title": real[a]["title"], "abstract": text})
    return rows


def write_corpus(rows: Sequence[dict[str, str]], folder: Path, *, titled: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if not titled:
        rows = [{k: v for k, v in row.items() if k != "title"} for row in rows]
    for start in range(0, len(rows), LINES_PER_FILE):
        chunk = rows[start : start + LINES_PER_FILE]
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in chunk)
        (folder / f"{start // LINES_PER_FILE:04d}.jsonl").write_text(lines, encoding="utf-8")


# --- workers (each in a fresh process) ------------------------------------------------------


def _cpu_seconds() -> float:
    # This process and its waited-for children (digest may fork workers), user + system.
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + children.ru_utime + children.ru_stime


class _Clock:
    """Wall time, CPU time and RSS high-waters, per stage.

    CPU time covers every thread of this process and every child process it waited for: on
    2 CPUs shared with other work, CPU seconds say what a stage costs whatever the load, and
    CPU above wall says the stage used both cores. Memory is this process's RSS high-water
    and, separately, the largest child's (forked children share pages with their parent, so
    the two overlap and are not added)."""

    def __init__(self) -> None:
        self.stages: Stages = []
        self._wall = time.perf_counter()
        self._cpu = _cpu_seconds()

    def lap(self, stage: str) -> None:
        wall, cpu = time.perf_counter(), _cpu_seconds()
        # ru_maxrss is in kilobytes on Linux.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        self.stages.append((stage, wall - self._wall, cpu - self._cpu, peak, child))
        self._wall, self._cpu = wall, cpu


def run_digest(corpus_dir: Path, work: Path) -> tuple[int, Stages]:
    clock = _Clock()
    import datetime as dt

    from digest import grouping, pipeline
    from digest.config import Settings

    clock.lap("import")
    corpus = pipeline.load_corpus([corpus_dir])
    clock.lap("load")
    summaries = pipeline.summarize_corpus(corpus)
    clock.lap("summarize")
    settings = Settings(state=work / "history.sqlite3")
    labelling = [0.0, 0.0]  # wall, CPU seconds inside label_groups
    label_groups = grouping.label_groups

    def timed_label_groups(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), _cpu_seconds()
        try:
            return label_groups(*args, **kwargs)
        finally:
            labelling[0] += time.perf_counter() - wall
            labelling[1] += _cpu_seconds() - cpu

    with mock.patch.object(grouping, "label_groups", timed_label_groups):
        themes = pipeline.group_corpus(corpus, summaries, settings.themes, settings.named_themes)
    clock.lap("group")
    clock.stages.append(("(labels)", labelling[0], labelling[1], 0.0, 0.0))
    # The rest of a build, as build_from_corpus runs it (new history: every paper is new),
    # with its summarize and group steps served from the stages timed above.
    with (
        mock.patch.object(pipeline, "summarize_papers", lambda papers, **kwargs: summaries),
        mock.patch.object(pipeline, "themes_of", lambda *args, **kwargs: themes),
    ):
        result = pipeline.build_from_corpus(
            corpus, work / "out", dt.date.fromisoformat(ISSUE_DATE), settings
        )
    if result.issue is None or result.issue.paper_count != len(corpus.papers):
        raise RuntimeError("a build with a new history must announce every paper")
    clock.lap("render+write")
    return len(corpus.papers), clock.stages


def run_plain(corpus_dir: Path, work: Path) -> tuple[int, Stages]:
    clock = _Clock()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import plain

    clock.lap("import")
    papers = plain.load_jsonl(corpus_dir)
    clock.lap("load")
    summaries = plain.summarize_lexrank(papers)
    clock.lap("summarize")
    labels, names = plain.group_kmeans(papers)
    clock.lap("group")
    page = plain.render_page(papers, summaries, labels, names)
    (work / "digest.html").write_text(page, encoding="utf-8")
    clock.lap("render")
    return len(papers), clock.stages


WORKERS: dict[str, Callable[[Path, Path], tuple[int, Stages]]] = {
    "digest": run_digest,
    "plain": run_plain,
}


def worker_main(system: str, corpus_dir: Path, work: Path, profile: Path | None) -> None:
    """Run one system on one corpus and print its figures as one JSON line."""
    run = WORKERS[system]
    if profile is None:
        papers, stages = run(corpus_dir, work)
    else:
        profiler = cProfile.Profile()
        papers, stages = profiler.runcall(run, corpus_dir, work)
        profiler.dump_stats(profile)
    print(json.dumps({"papers": papers, "stages": stages}))


def spawn_worker(
    system: str, corpus_dir: Path, work: Path, profile: Path | None
) -> tuple[int, Stages]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        system,
        "--corpus",
        str(corpus_dir),
        "--work",
        str(work),
    ]
    if profile is not None:
        command += ["--profile-file", str(profile)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=work)
    if done.returncode != 0:
        raise RuntimeError(f"{system} worker failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    stages = [(s, float(t), float(c), float(m), float(k)) for s, t, c, m, k in result["stages"]]
    return int(result["papers"]), stages


# --- command-line timings -------------------------------------------------------------------


def time_command(command: Sequence[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=True)
    return time.perf_counter() - start


def time_build(corpus_dir: Path, work: Path) -> tuple[float, float, float]:
    """Wall and CPU seconds and peak RSS (MB) of `digest build` on a corpus, in a fresh process."""
    digest = str(Path(sys.executable).parent / "digest")
    command = [digest, "build", str(corpus_dir), "--out", str(work / "out")]
    command += ["--state", str(work / "history.sqlite3"), "--date", ISSUE_DATE, "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=work, stdout=subprocess.DEVNULL)
    # wait4 gives this child's own usage (its waited-for workers included), where
    # RUSAGE_CHILDREN would mix in the stage workers run before it.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"digest build failed with exit code {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cli_timings(help_runs: int = 5, build_runs: int = 3) -> None:
    digest = str(Path(sys.executable).parent / "digest")
    with tempfile.TemporaryDirectory(prefix="digest-cli-") as tmp:
        helps = [time_command([digest, "--help"], Path(tmp)) for _ in range(help_runs)]
        builds = []
        for i in range(build_runs):
            run = Path(tmp) / f"run{i}"
            run.mkdir()
            command = [digest, "build", str(SEEDS), "--out", str(run / "out")]
            command += ["--state", str(run / "history.sqlite3"), "--date", ISSUE_DATE, "-q"]
            builds.append(time_command(command, run))
    print(
        f"digest --help: best {min(helps):.3f} s, median {statistics.median(helps):.3f} s"
        f" of {help_runs} (goal < 0.3 s)"
    )
    print(
        f"digest build seeds (fresh process, new state): best {min(builds):.3f} s,"
        f" median {statistics.median(builds):.3f} s of {build_runs} (goal < 1.5 s)"
    )


# --- the table ------------------------------------------------------------------------------


def _with_totals(stages: Stages) -> Stages:
    # "(labels)" is a part of "group", shown apart: not added again.
    work = [row for row in stages if row[0] != "import" and not row[0].startswith("(")]
    wall = sum(row[1] for row in work)
    cpu = sum(row[2] for row in work)
    peak = max(row[3] for row in stages)
    child = max(row[4] for row in stages)
    _, import_wall, import_cpu, _, _ = stages[0]
    return [
        *stages,
        ("total", wall, cpu, peak, child),
        ("total+import", wall + import_wall, cpu + import_cpu, peak, child),
    ]


def _ratio(plain: float, digest: float) -> str:
    if digest <= 0:
        return ""
    ratio = plain / digest
    return f"{ratio:.2f}x" if ratio < 1 else f"{ratio:.1f}x"


def print_rows(size: int, papers: int, digest: Stages, plain: Stages | None, header: bool) -> None:
    if header:
        print(
            f"{'size':>7} {'system':<7} {'stage':<13} {'wall s':>7} {'cpu s':>7}"
            f" {'papers/s':>9} {'peak MB':>8} {'child MB':>8} {'plain/digest':>12}"
        )
    plain_rows = _with_totals(plain) if plain else []
    plain_by = {row[0]: row[1] for row in plain_rows}
    for system, rows in (("digest", _with_totals(digest)), ("plain", plain_rows)):
        for stage, wall, cpu, peak, child in rows:
            other = plain_by.get(PLAIN_STAGE.get(stage, stage)) if system == "digest" else None
            ratio = _ratio(other, wall) if other is not None else ""
            rate = f"{papers / wall:.0f}" if stage != "import" and wall > 0 else ""
            if stage.startswith("("):  # a part of the stage above: no memory of its own
                print(f"{size:>7} {system:<7} {stage:<13} {wall:7.2f} {cpu:7.2f} {rate:>9}")
                continue
            print(
                f"{size:>7} {system:<7} {stage:<13} {wall:7.2f} {cpu:7.2f} {rate:>9}"
                f" {peak:8.0f} {child:8.0f} {ratio:>12}"
            )


def print_command_row(
    size: int, papers: int, command: tuple[float, float, float], plain: Stages | None
) -> None:
    wall, cpu, peak = command
    # The plain approach runs in one process, so its total with imports is its command time.
    ratio = _ratio(_with_totals(plain)[-1][1], wall) if plain else ""
    print(
        f"{size:>7} {'digest':<7} {'command':<13} {wall:7.2f} {cpu:7.2f} {papers / wall:9.0f}"
        f" {peak:8.0f} {'':>8} {ratio:>12}"
    )


def print_profile(path: Path, limit: int = 20) -> None:
    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.sort_stats("tottime").print_stats(limit)
    print(f"--- {path.name}: top {limit} by own time")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


def machine() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def compile_digest() -> None:
    """Byte-compile the digest package every run imports, as `pip install` leaves it: where
    bytecode is not written (PYTHONDONTWRITEBYTECODE, a read-only checkout) each fresh process
    would otherwise compile every module again, a few tenths of a second that no user's
    install pays."""
    import digest

    compileall.compile_dir(Path(digest.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--skip-plain", action="store_true", help="do not run the plain approach")
    parser.add_argument("--skip-cli", action="store_true", help="skip the --help and seeds timings")
    parser.add_argument("--profile", type=Path, help="folder to write cProfile stats into")
    parser.add_argument(
        "--untitled", action="store_true", help="abstracts without titles: headlines derived"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="times to run the command row (median shown)"
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args.worker, args.corpus, args.work, args.profile_file)
        return

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    compile_digest()
    kind = "bare abstracts (no titles)" if args.untitled else "titled abstracts"
    print(f"start: {machine()}; Python {sys.version.split()[0]}; {kind}")
    real = read_rows(CORPUS)
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    header = True
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"digest-scale-{size}-") as tmp:
            corpus_dir = Path(tmp) / "corpus"
            write_corpus(make_rows(real, size), corpus_dir, titled=not args.untitled)
            results: dict[str, tuple[int, Stages]] = {}
            for system in ("digest", *(() if args.skip_plain else ("plain",))):
                work = Path(tmp) / system
                work.mkdir()
                prof = args.profile / f"{size}-{system}.prof" if args.profile else None
                results[system] = spawn_worker(system, corpus_dir, work, prof)
            runs = []
            for run in range(max(1, args.repeat)):
                command_dir = Path(tmp) / f"command{run}"
                command_dir.mkdir()
                runs.append(time_build(corpus_dir, command_dir))
            runs.sort()
            command = runs[len(runs) // 2]
        papers, digest = results["digest"]
        plain = results["plain"][1] if "plain" in results else None
        if papers != size:
            print(f"note: {size} abstracts loaded as {papers} papers")
        print_rows(size, papers, digest, plain, header)
        print_command_row(size, papers, command, plain)
        if len(runs) > 1:
            walls = ", ".join(f"{wall:.2f}" for wall, _, _ in runs)
            print(f"{'':>7} {'':<7} {'':<13} command wall s of {len(runs)} runs: {walls}")
        header = False
    if not args.skip_cli:
        cli_timings()
    print(f"end: {machine()}")
    if args.profile:
        for path in sorted(args.profile.glob("*.prof")):
            print_profile(path)


if __name__ == "__main__":
    main()
