"""The whole out/ for the sample corpus, byte for byte. Regenerate: see tests/golden.py."""

from pathlib import Path

from golden import GOLDEN, build_seeds, output_files


def test_build_of_seeds_matches_golden_copy(tmp_path: Path) -> None:
    built = output_files(build_seeds(tmp_path / "work"))
    expected = output_files(GOLDEN)
    assert sorted(built) == sorted(expected)
    for name in sorted(expected):
        assert built[name].decode("utf-8") == expected[name].decode("utf-8"), (
            f"{name} differs from tests/golden/seeds/{name}; if the change is intended, "
            "read the diff and run: .venv/bin/python tests/golden.py"
        )
