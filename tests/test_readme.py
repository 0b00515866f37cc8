"""The README's promises: its first code block is the two commands, and CI runs the second."""

import re
import shutil
import subprocess
import sys
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


def console_examples() -> list[tuple[str, list[str]]]:
    """Every `$ command` of the README's console blocks, in order, with the lines it shows."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    examples: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif line.strip():
                examples[-1][1].append(line)
    return examples


def test_the_readme_examples_run_in_order_on_a_fresh_clone(tmp_path: Path) -> None:
    """The first command's build, then every console example as written, in a folder that has
    only what a fresh clone has: each exits 0 and prints the lines the README shows ('...'
    stands for lines left out). Sends need a server: the README shows them in sh blocks."""
    digest = Path(sys.executable).with_name("digest")
    if not digest.exists():
        pytest.skip(f"no digest command beside {sys.executable}; pip install -e . first")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    first = first_code_block()[0].split(".venv/bin/")[-1]
    assert first == "digest build seeds --out out"
    env = {"PATH": f"{digest.parent}:/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": "100"}
    examples = [(first, []), *console_examples()]
    assert len(examples) >= 8
    for command, shown in examples:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        printed = (done.stdout + done.stderr).splitlines()
        assert done.returncode == 0, (command, printed)
        missing = [line for line in shown if line != "..." and line not in printed]
        assert not missing, (command, missing, printed)
