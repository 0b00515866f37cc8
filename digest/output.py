"""Writing the output folder so that a reader never sees a half-written file.

Every file is first written in full to a temporary file beside its target and flushed to disk
(`stage_files`, which syncs them all once all are written); only then are they moved into
place, each with an atomic rename (`put_in_place`). A run that fails or is killed before that
leaves the previous outputs as they were. Between the two, the caller records the issue in the
history together with the list of moves, so that a run killed while moving can be finished by
the next one (`finish_moves`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from glob import escape as glob_escape
from pathlib import Path

from digest.errors import OutputError
from digest.models import WrittenFile

# A temporary file and the output it becomes.
Move = tuple[Path, Path]


def in_place(
    out_dir: Path, recipes: Mapping[str, str], written: Mapping[str, WrittenFile]
) -> set[str]:
    """The files of `recipes` (relative path -> recipe) that need not be written again: the
    last build wrote each from the same recipe (`written`, by absolute path), and nothing has
    changed, moved or removed it since (same size and modification time)."""
    found = set()
    for rel, recipe in recipes.items():
        target = out_dir / rel
        before = written.get(str(target.absolute()))
        if before is None or before.recipe != recipe:
            continue
        try:
            now = target.stat()
        except OSError:
            continue
        if now.st_size == before.size and now.st_mtime_ns == before.mtime_ns:
            found.add(rel)
    return found


def as_written(out_dir: Path, recipes: Mapping[str, str]) -> list[tuple[str, WrittenFile]]:
    """What `in_place` will compare with, for files of `recipes` just put in place."""
    found = []
    for rel, recipe in recipes.items():
        target = out_dir / rel
        with contextlib.suppress(OSError):
            now = target.stat()
            found.append(
                (str(target.absolute()), WrittenFile(recipe, now.st_size, now.st_mtime_ns))
            )
    return found


def write_files(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write `files` (relative path -> content) under `out_dir`; return the paths written."""
    staged = stage_files(out_dir, files)
    try:
        return put_in_place(staged)
    finally:
        discard(staged)


def stage_files(out_dir: Path, files: Mapping[str, bytes]) -> list[Move]:
    """Write each of `files` in full beside its target under `out_dir`; nothing is replaced
    yet. On failure nothing is left behind."""
    staged: list[Move] = []
    try:
        for rel, content in sorted(files.items()):
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _remove_stale_temps(target)
            staged.append((_write_temp(target, content), target))
        # Each file on disk before anything goes on. One after the other once all are
        # written, not each as it is written: the file system then commits them together,
        # at the cost of about one.
        for temp, _ in staged:
            _sync(temp)
    except OSError as err:
        discard(staged)
        raise _output_error(err, out_dir) from err
    return staged


def put_in_place(moves: Iterable[Move]) -> list[Path]:
    """Move each staged file onto its target; return the targets. On failure the files not
    yet moved stay staged, for the caller to finish or discard."""
    targets = []
    for temp, target in moves:
        try:
            os.replace(temp, target)
        except OSError as err:
            raise _output_error(err, target.parent) from err
        targets.append(target)
    return targets


def finish_moves(moves: Iterable[Move]) -> None:
    """Put in place what a stopped run had staged and not yet moved (the rest is gone)."""
    put_in_place((temp, target) for temp, target in moves if temp.exists())


def discard(moves: Iterable[Move]) -> None:
    """Remove staged files that were not moved."""
    for temp, _ in moves:
        temp.unlink(missing_ok=True)


def _output_error(err: OSError, where: Path) -> OutputError:
    return OutputError(
        f"{err.filename or where}: cannot write output ({err.strerror}); "
        "check that the folder is writable or pass another --out"
    )


def _remove_stale_temps(target: Path) -> None:
    # A run killed while writing leaves its temporary files behind; the next run removes them.
    for stale in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        stale.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(target: Path, content: bytes) -> Path:
    """`content` in a new temporary file beside `target`, not yet synced to disk."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        # mkstemp creates 0600; outputs are meant to be published, so use the usual mode.
        os.chmod(temp, 0o644)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp
