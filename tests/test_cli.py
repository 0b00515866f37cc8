"""The real CLI, driven through click's runner: exact messages and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from digest.cli import main

REPO = Path(__file__).resolve().parent.parent
COMMANDS = ["build", "summarize", "themes", "load", "issues", "show", "send", "post"]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_help_lists_every_command() -> None:
    result = run("-h")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\s", result.output, re.MULTILINE), name


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = run(name, "-h")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"digest {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"digest {name}" in readme


def test_build_writes_every_output(seeds_here: Path) -> None:
    result = run("build", "--date", "2026-11-16")
    assert result.exit_code == 0, result.output
    out = Path("out")
    expected = {
        "digest.md",
        "digest.json",
        "email.html",
        "email.txt",
        "email.eml",
        "feed.xml",
        "atom.xml",
        "feed.json",
        "papers/feed.xml",
        "papers/atom.xml",
        "papers/feed.json",
        "index.html",
        "search.html",
        "search-data.js",
        "issues/2026-W47.html",
        "issues/2026-W47.md",
    }
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == expected
    assert "Loaded 42 papers from 5 files (47 records, 5 merged as duplicates, 1 skipped)." in (
        result.output
    )
    assert re.search(r"^warning: seeds/000_dddbc6e5a9a007eb\.txt:1: ", result.output, re.M)
    # The number of themes is the grouping's choice; the rest of the line is fixed.
    last = result.output.rstrip().splitlines()[-1]
    assert re.fullmatch(
        r"Wrote 16 files to out: issue 1, 2026-W47, 42 new papers in \d+ themes\.", last
    )


def test_same_input_and_date_give_the_same_bytes(seeds_here: Path) -> None:
    assert run("build", "--out", "a", "--date", "2026-11-16").exit_code == 0
    assert run("build", "--out", "b", "--date", "2026-11-16").exit_code == 0
    for path in sorted(Path("a").rglob("*")):
        if path.is_file():
            twin = Path("b") / path.relative_to("a")
            assert path.read_bytes() == twin.read_bytes(), path


def test_every_loaded_paper_appears_once_in_the_json(seeds_here: Path) -> None:
    assert run("build", "--date", "2026-11-16").exit_code == 0
    data = json.loads(Path("out/digest.json").read_text(encoding="utf-8"))
    ids = [p["id"] for t in data["themes"] for p in t["papers"]]
    assert len(ids) == len(set(ids)) == 42
    assert data["date"] == "2026-11-16"
    assert data["skipped"][0]["path"] == "seeds/000_dddbc6e5a9a007eb.txt"


def test_missing_folder_is_one_line_and_exit_1() -> None:
    result = run("build", "nope")
    assert result.exit_code == 1
    assert result.output.startswith("Error: nope: no such file or folder")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_strict_fails_on_skipped_input(seeds_here: Path) -> None:
    result = run("build", "--strict", "--date", "2026-11-16")
    assert result.exit_code == 1
    assert "Error: --strict: 1 input problem (listed above)" in result.output
    assert not Path("out").exists()


def test_bad_date_is_a_usage_error() -> None:
    result = run("build", "--date", "16/11/2026")
    assert result.exit_code == 2
    assert "Invalid value for '--date'" in result.output


def test_bad_config_key_names_it(seeds_here: Path) -> None:
    Path("digest.toml").write_text('titel = "x"\n', encoding="utf-8")
    result = run("build")
    assert result.exit_code == 1
    assert result.output.startswith("Error: digest.toml: unknown key 'titel'")


def test_config_title_and_cli_override(seeds_here: Path) -> None:
    Path("digest.toml").write_text('title = "Lab notes"\n', encoding="utf-8")
    assert run("build", "--date", "2026-11-16").exit_code == 0
    assert Path("out/digest.md").read_text(encoding="utf-8").startswith("# Lab notes — 16 Nov")
    assert run("build", "--date", "2026-11-16", "--title", "Other").exit_code == 0
    assert Path("out/digest.md").read_text(encoding="utf-8").startswith("# Other — 16 Nov")


def test_bad_template_is_a_user_error(seeds_here: Path) -> None:
    Path("tpl").mkdir()
    Path("tpl/digest.md.j2").write_text("{% if %}\n", encoding="utf-8")
    result = run("build", "--templates", "tpl")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("Error: ")
    assert "digest.md.j2:1: template syntax error" in result.output


def test_summarize_and_themes_keep_input_ids(tmp_path: Path) -> None:
    rows = [
        {"id": "paper-a", "abstract": "We introduce a robot hand. It learns in simulation."},
        {"id": "paper-b", "abstract": "We present a metric for dialogue. It matches humans."},
    ]
    Path("in.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    summarized = run("summarize", "in.jsonl", "--format", "jsonl")
    assert summarized.exit_code == 0, summarized.output
    lines = [json.loads(line) for line in summarized.output.splitlines()]
    assert [r["id"] for r in lines] == ["paper-a", "paper-b"]
    assert lines[0]["summary"] in rows[0]["abstract"]
    themed = run("themes", "in.jsonl", "--format", "jsonl")
    assert themed.exit_code == 0, themed.output
    assert sorted(json.loads(line)["id"] for line in themed.output.splitlines()) == [
        "paper-a",
        "paper-b",
    ]


def test_no_abstracts_found_is_one_line_and_exit_1() -> None:
    Path("empty").mkdir()
    Path("empty/notes.txt").write_text("hello\n")
    result = run("build", "empty")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no abstracts found in empty")
    assert len([line for line in result.output.splitlines() if line.startswith("Error")]) == 1


def test_verbose_prints_each_stage_time(seeds_here: Path) -> None:
    result = run("build", "--date", "2026-11-16", "--verbose", "--quiet")
    assert result.exit_code == 0
    stages = re.findall(r"^  (\w+)\s+\d+\.\d\d s", result.output, re.M)
    assert stages == ["load", "summarize", "group", "render", "write", "total"]


def test_summarize_method_help_names_every_method() -> None:
    from digest.pipeline import SUMMARY_METHODS

    help_text = " ".join(run("summarize", "-h").output.split())
    named = re.findall(r"\b(contribution|edmundson|lead|lexrank|lsa|luhn|textrank)\b", help_text)
    assert sorted(set(named)) == sorted(SUMMARY_METHODS)


def test_summarize_with_a_sumy_method_and_an_unknown_one(seeds_here: Path) -> None:
    luhn = run("summarize", "seeds", "--method", "luhn", "--format", "jsonl")
    assert luhn.exit_code == 0, luhn.output
    rows = [json.loads(line) for line in luhn.output.splitlines() if line.startswith("{")]
    assert len(rows) == 42
    bad = run("summarize", "seeds", "--method", "nope")
    assert bad.exit_code == 2
    assert "Usage: " in bad.output
    assert "Invalid value for '--method': " in bad.output
    assert "unknown summary method 'nope'; choose one of contribution, " in bad.output


def test_themes_as_text_lists_labels_counts_and_headlines(tmp_path: Path) -> None:
    rows = [
        {
            "id": "only",
            "title": "Robot hands",
            "abstract": "We introduce a robot hand that "
            "learns dexterous manipulation in simulation and transfers it to the real robot.",
        },
    ]
    (tmp_path / "p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    Path("digest.toml").write_text(
        '[[theme]]\nlabel = "Robotics"\nkeywords = ["robot"]\n'
        '[[theme]]\nlabel = "Quantum"\nkeywords = ["qubit", "entanglement"]\n'
    )
    result = CliRunner().invoke(main, ["themes", str(tmp_path / "p.jsonl")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "note: digest.toml: theme 'Quantum' matched no paper (keywords: qubit, entanglement); "
        "check its keywords",
        "Robotics (1 paper): robot",
        "  - Robot hands (only)",
    ]


def test_messages_count_in_the_singular_for_one(tmp_path: Path) -> None:
    row = {
        "id": "only",
        "abstract": "We introduce a robot hand that learns dexterous "
        "manipulation in simulation and transfers it to the real robot.",
    }
    Path("inbox").mkdir()
    Path("inbox/p.jsonl").write_text(json.dumps(row) + "\n")
    Path("digest.toml").write_text('[[theme]]\nlabel = "Quantum"\nkeywords = ["qubit"]\n')
    dry = run("build", "inbox", "--date", "2026-11-16", "--dry-run")
    assert "would be built with 1 new paper in 1 theme and 0 updated" in dry.output
    built = run("build", "inbox", "--date", "2026-11-16")
    assert built.exit_code == 0, built.output
    assert "Loaded 1 paper from 1 file (1 record, 0 merged as duplicates, 0 skipped)." in (
        built.output
    )
    assert "1 new paper in 1 theme." in built.output
    assert "note: digest.toml: theme 'Quantum' matched no paper (keywords: qubit)" in (built.output)
    loaded = run("load", "inbox")
    assert "inbox/p.jsonl: jsonl, 1 record: 1 paper, 0 merged" in loaded.output
    assert loaded.output.splitlines()[-1].startswith("1 paper from 1 file (1 record, ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--site-url", "example.org"], "Invalid value for '--site-url': site_url "),
        (["post", "--to", "slack", "--site-url", "ftp://x"], "Invalid value for '--site-url': "),
        (["summarize", "seeds", "--method", "nope"], "Invalid value for '--method': unknown "),
        (["send", "--ssl", "--no-tls"], "Error: --ssl and --no-tls contradict each other"),
        (["send", "--no-tls", "--starttls", "--dry-run"], "--starttls and --no-tls contradict"),
    ],
)
def test_a_mistake_on_the_command_line_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing to read: the command line is refused first
    result = run(*args)
    assert result.exit_code == 2, result.output
    usage = result.output.splitlines()[0]
    assert usage.startswith("Usage: ") and f" {args[0]} [OPTIONS]" in usage
    assert message in result.output
    assert not (tmp_path / ".digest").exists() and not (tmp_path / "out").exists()


def test_a_wrong_value_in_the_config_is_an_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("digest.toml").write_text('site_url = "example.org"\n')
    result = run("build", "--dry-run")
    assert result.exit_code == 1
    assert result.output.startswith("Error: digest.toml: site_url 'example.org' must be ")


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ({}, ["--templates", "nope"], "Error: nope: no such templates folder; check --templates"),
        ({"digest.toml": 'templates = "tpl"\n'}, [], "Error: tpl: no such templates folder"),
        ({"out": "a file"}, [], "Error: out: not a folder; pass --out a folder"),
        ({"digest.toml": "title = '=?utf-8?q?x?='\n"}, [], "Error: the title (--title, or title"),
        (
            {"tpl/digest.md.j2": "{% if %}"},
            ["--templates", "tpl"],
            "Error: tpl/digest.md.j2:1: template",
        ),
    ],
)
def test_a_dry_run_fails_where_the_build_would(
    seeds_here: Path, setup: dict[str, str], args: list[str], message: str
) -> None:
    for name, text in setup.items():
        Path(name).parent.mkdir(exist_ok=True)
        Path(name).write_text(text)
    for dry_run in (["--dry-run"], []):
        result = run("build", "--date", "2026-11-16", "-q", *args, *dry_run)
        assert result.exit_code == 1, result.output
        assert result.output.splitlines()[-1].startswith(message)
        assert not Path(".digest").exists() or not dry_run  # a dry run writes nothing


def test_many_skips_of_one_reason_in_a_file_are_said_in_one_line(seeds_here: Path) -> None:
    # A saved page or a note full of remarks is skipped block by block; the build says each
    # reason once per file (with its lines), so the lines that matter are not buried.
    abstract = (
        "We introduce a benchmark of grade school math word problems and show that verifiers "
        "trained to judge the correctness of model completions improve performance markedly."
    )
    remarks = "".join(f"Short remark number {i} here.\n\n" for i in range(12))
    (seeds_here / "notes.md").write_text(
        f"# Reading list\n\n## A benchmark of math problems\n\n{abstract}\n\n{remarks}",
        encoding="utf-8",
    )
    result = run("build", "--date", "2026-11-16")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if "notes.md" in line]
    assert notes == [
        "note: seeds/notes.md:1: heading without an abstract, not a paper",
        "note: seeds/notes.md: text that is not part of any paper (12 times: lines 7, 9, 11, "
        "13, 15, 17, 19, 21 and 4 more; digest load lists each)",
    ]
    # The seeds' own warning is still one line of its own; `digest load` lists every skip.
    assert re.search(r"^warning: seeds/000_dddbc6e5a9a007eb\.txt:1: ", result.output, re.M)
    listed = run("load", "seeds/notes.md")
    assert listed.output.count("text that is not part of any paper") == 12


def test_an_issue_of_papers_sharing_nothing_has_one_section_called_papers() -> None:
    rows = [
        {
            "id": "tides",
            "abstract": "The moon raises two tides a day; the sun's pull makes "
            "spring and neap tides.",
        },
        {
            "id": "tax",
            "abstract": "Tax policy, inflation and household savings in small open "
            "economies are compared.",
        },
    ]
    Path("in.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = run("build", "in.jsonl", "--date", "2026-11-16")
    assert result.exit_code == 0, result.output
    markdown = Path("out/digest.md").read_text(encoding="utf-8")
    assert "\n## Papers\n" in markdown
    assert "Other" not in markdown + Path("out/email.txt").read_text(encoding="utf-8")
    data = json.loads(Path("out/digest.json").read_text(encoding="utf-8"))
    assert [t["label"] for t in data["themes"]] == ["Papers"]
    # "Papers" names no theme: no issue of two unrelated papers says "in 1 theme", nor
    # lists its one section as its contents.
    assert "Issue 1 (2026-W47): 2 new papers.\n" in markdown
    assert "- Papers (2)" not in markdown
    assert "2 new papers." in result.output
    outputs = [p.read_text(encoding="utf-8") for p in Path("out").rglob("*") if p.is_file()]
    assert len(outputs) == 16
    for text in [result.output, *outputs]:
        assert not re.search(r"in \d+ themes?\b", text), text
