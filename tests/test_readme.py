"""The README's promises: its first code block is the two commands, and CI runs the second."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def first_code_block() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```[a-z]*\n(.*?)```", text, re.DOTALL)
    assert match, "README.md has no code block"
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_first_code_block_is_exactly_two_commands() -> None:
    commands = first_code_block()
    assert len(commands) == 2
    assert "digest build" in commands[0] and "seeds" in commands[0] and "out" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_second_command_last() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line.strip()][-1] == first_code_block()[1]


def test_seeds_are_the_shared_sample_corpus_unchanged() -> None:
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no ../shared/seeds beside this clone")
    ours = {p.name: p.read_bytes() for p in (REPO / "seeds").iterdir()}
    theirs = {p.name: p.read_bytes() for p in shared.iterdir()}
    assert ours == theirs
