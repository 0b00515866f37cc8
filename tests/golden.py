"""The golden copy of `digest build` on the sample corpus.

After reading `git diff tests/golden` and agreeing with every change, regenerate it with:

    .venv/bin/python tests/golden.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from digest.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DATE = "2026-11-16"
ARGS = ["build", "seeds", "--out", "out", "--date", DATE, "--quiet"]


def build_seeds(workdir: Path) -> Path:
    """Build the seeds in `workdir` exactly as the golden test does; return the out folder."""
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SEEDS, workdir / "seeds")
    previous = Path.cwd()
    os.chdir(workdir)  # source paths in the outputs read "seeds/...", as for a user
    try:
        result = CliRunner().invoke(main, ARGS, catch_exceptions=False)
    finally:
        os.chdir(previous)
    if result.exit_code != 0:
        raise SystemExit(f"build failed ({result.exit_code}): {result.output}")
    return workdir / "out"


def output_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def main_regenerate() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = build_seeds(Path(tmp))
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    print(f"regenerated {GOLDEN}: {len(output_files(GOLDEN))} files", file=sys.stderr)


if __name__ == "__main__":
    main_regenerate()
