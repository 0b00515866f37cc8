from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in its own empty folder: no digest.toml or out/ of ours leaks in."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def seeds_here(tmp_path: Path) -> Path:
    """A copy of the sample corpus at ./seeds, as a user's checkout has it."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
