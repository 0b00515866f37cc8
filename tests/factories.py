"""Small hand-made records for tests of the stages after loading, and what every test of a
user error checks."""

from __future__ import annotations

import datetime as dt

from click.testing import Result

from digest.models import Entry, Issue, Paper, Section, Source, Summary


def one_line_error(result: Result) -> str:
    """The message of a command that failed as a user error should: exit 1, no traceback,
    one line."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, result.output
    return lines[0]


def make_paper(pid: str, abstract: str = "We introduce a thing. It works.", **kw: object) -> Paper:
    return Paper(id=pid, abstract=abstract, sources=(Source("in.txt", 1),), **kw)  # type: ignore[arg-type]


def make_entry(pid: str, headline: str, summary: str, **kw: object) -> Entry:
    paper = make_paper(pid, **kw)
    return Entry(paper, Summary(pid, headline, summary, summary))


def make_issue(sections: dict[str, list[Entry]] | None = None, **kw: object) -> Issue:
    if sections is None:
        sections = {
            "Dialogue evaluation": [
                make_entry(
                    "2001.00001",
                    "ADEM",
                    "We propose ADEM, a learned metric.",
                    arxiv_id="2001.00001",
                ),
                make_entry("abs-0123456789ab", "Emergent talk", "We measure how agents talk."),
            ],
            "Robotics": [make_entry("r1", "Sim-to-real", "We transfer a policy to a robot.")],
        }
    built = tuple(
        Section(label, ("kw1", "kw2"), tuple(entries)) for label, entries in sections.items()
    )
    args: dict[str, object] = {
        "title": "Team digest",
        "date": dt.date(2026, 11, 16),
        "sections": built,
    }
    args.update(kw)
    return Issue(**args)  # type: ignore[arg-type]
