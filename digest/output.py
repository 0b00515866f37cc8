"""Writing the output folder so that a reader never sees a half-written file.

Every file is first written in full to a temporary file beside its target and flushed to disk;
only when all of them are written are they moved into place, each with an atomic rename. A run
that fails or is killed before that leaves the previous outputs as they were.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from glob import escape as glob_escape
from pathlib import Path

from digest.errors import OutputError


def write_files(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write `files` (relative path -> content) under `out_dir`; return the paths written."""
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, content in sorted(files.items()):
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _remove_stale_temps(target)
            staged.append((_write_temp(target, content), target))
        for temp, target in staged:
            os.replace(temp, target)
    except OSError as err:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise OutputError(
            f"{err.filename or out_dir}: cannot write output ({err.strerror}); "
            "check that the folder is writable or pass another --out"
        ) from err
    return [target for _, target in staged]


def _remove_stale_temps(target: Path) -> None:
    # A run killed while writing leaves its temporary files behind; the next run removes them.
    for stale in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        stale.unlink(missing_ok=True)


def _write_temp(target: Path, content: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600; outputs are meant to be published, so use the usual mode.
        os.chmod(temp, 0o644)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp
