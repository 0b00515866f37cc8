import os
from pathlib import Path

import pytest

from digest.errors import OutputError
from digest.output import write_files


def test_writes_every_file_and_leaves_no_temporaries(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_files(out, {"a.txt": b"A", "issues/b.md": b"B"})
    assert sorted(p.relative_to(out).as_posix() for p in written) == ["a.txt", "issues/b.md"]
    assert (out / "a.txt").read_bytes() == b"A"
    assert (out / "issues" / "b.md").read_bytes() == b"B"
    assert sorted(p.name for p in out.rglob("*")) == ["a.txt", "b.md", "issues"]


def test_failure_before_the_swap_keeps_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_files(out, {"a.txt": b"old A", "b.txt": b"old B"})
    calls = []
    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        calls.append(dst)
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OutputError, match="cannot write output"):
        write_files(out, {"a.txt": b"new A", "b.txt": b"new B"})
    monkeypatch.setattr(os, "replace", real_replace)
    assert calls
    assert (out / "a.txt").read_bytes() == b"old A"
    assert (out / "b.txt").read_bytes() == b"old B"
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]


def test_unwritable_folder_is_a_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="pass another --out"):
        write_files(blocker, {"a.txt": b"A"})
