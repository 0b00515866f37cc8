"""Finding things in the history: an issue (the latest or a number), one of its themes, or
one paper by any of its references (its id, its arXiv id in any form, its DOI), for `digest
show`, `digest send` and `digest post`.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.errors import InputError
from digest.history import History, IssueHead, PastIssue, open_history


def list_issues(state: Path) -> tuple[IssueHead, ...]:
    with open_history(state, read_only=True) as history:
        return history.heads()


@dataclass(frozen=True)
class Selection:
    """What `digest show` prints: a heading (or none) and themes as digest.json has them."""

    heading: str | None
    themes: tuple[dict[str, Any], ...]
    show_theme_labels: bool


def select_for_show(
    state: Path, number: int | None, theme: str | None, paper_id: str | None
) -> Selection:
    """The issue (latest, or `number`), one of its themes, or one of its papers.

    A paper is found by its id, its arXiv id (with or without `arXiv:`, a version or the abs/
    address) or its DOI, in the issue asked for, else in the newest issue that has it."""
    with open_history(state, read_only=True) as history:
        issues = history.heads()
        chosen = chosen_head(issues, number, state)
        if paper_id is not None:
            only = chosen if number is not None else None
            return _select_paper(paper_id, only, issues, history)
        themes = themes_of(history.data(chosen.number))
    if theme is not None:
        return Selection(None, (theme_named(themes, theme, chosen),), True)
    heading = f"{chosen.title} — issue {chosen.number} ({chosen.week})"
    return Selection(heading, tuple(themes), True)


def themes_of(issue_data: bytes) -> list[dict[str, Any]]:
    """An issue's themes as digest.json (`issue_data`) has them, its updated papers as one
    more."""
    data = json.loads(issue_data)
    themes: list[dict[str, Any]] = list(data["themes"])
    if data.get("updated"):
        themes.append({"label": "Updated", "keywords": [], "papers": data["updated"]})
    return themes


_ID_PREFIXES = (
    "https://arxiv.org/abs/",
    "http://arxiv.org/abs/",
    "arxiv.org/abs/",
    "arxiv:",
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "doi.org/",
    "doi:",
    "https://pubmed.ncbi.nlm.nih.gov/",
    "pubmed.ncbi.nlm.nih.gov/",
    "pmid:",
)
# arXiv's new-style and old-style ids, with an optional version.
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(v\d+)?")
# The DOI arXiv gives every paper: 10.48550/arXiv.2110.14168.
_ARXIV_DOI = "10.48550/arxiv."


def paper_ref(text: str) -> str:
    """The form two references to the same paper share: `arXiv:2110.14168v2`,
    `https://arxiv.org/abs/2110.14168`, `10.48550/arXiv.2110.14168` and `2110.14168` all
    give '2110.14168'; a DOI loses `doi:` or its resolver's address, a PMID `PMID:` or
    PubMed's address; case is ignored."""
    ref = text.strip().casefold()
    for prefix in _ID_PREFIXES:
        if ref.startswith(prefix):
            ref = ref[len(prefix) :].strip().rstrip("/")
            break
    ref = ref.removeprefix(_ARXIV_DOI)
    arxiv = _ARXIV_ID.fullmatch(ref)
    return arxiv.group(1) if arxiv else ref


def _select_paper(
    paper_id: str, only: IssueHead | None, issues: Sequence[IssueHead], history: History
) -> Selection:
    """One paper, in issue `only` if given, else in the newest issue that has it; each issue's
    data is read only when it is looked through."""
    wanted = paper_ref(paper_id)
    known: list[str] = []
    found_in: IssueHead | None = None
    for issue in issues:
        for t in themes_of(history.data(issue.number)):
            for p in t["papers"]:
                ids = (p["id"], p.get("arxiv_id"), p.get("doi"), p.get("pmid"))
                refs = {paper_ref(v) for v in ids if v}
                if wanted in refs:
                    if only is None or issue.number == only.number:
                        return Selection(None, ({**t, "papers": [p]},), False)
                    found_in = found_in or issue
                known.append(p["id"])
    if only is not None and found_in is not None:
        raise InputError(
            f"no paper {paper_id!r} in issue {only.number} ({only.week}), but issue "
            f"{found_in.number} ({found_in.week}) has it: drop --issue, or pass "
            f"--issue {found_in.number}"
        )
    where = (
        f"issue {only.number} ({only.week})"
        if only is not None
        else (
            f"issue {issues[0].number}" if len(issues) == 1 else f"issues 1 to {issues[0].number}"
        )
    )
    close = difflib.get_close_matches(paper_id, dict.fromkeys(known), n=3, cutoff=0.75)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise InputError(
        f"no paper {paper_id!r} in {where}; {hint}give its id (digest.json lists them), its "
        "arXiv id (2110.14168, arXiv:2110.14168v2), its DOI or its PMID, or find it by words in "
        "search.html"
    )


def chosen_issue(history: History, number: int | None, state: Path) -> PastIssue:
    """The latest issue, or issue `number`, with its renditions; a clear error when there is
    none."""
    return history.issue(chosen_head(history.heads(), number, state).number)


def chosen_head(issues: Sequence[IssueHead], number: int | None, state: Path) -> IssueHead:
    """The latest of `issues`, or issue `number`; a clear error when there is none."""
    if not issues:
        raise InputError(f"{state}: no issues yet; run digest build first")
    chosen = issues[0] if number is None else next((i for i in issues if i.number == number), None)
    if chosen is None:
        raise InputError(
            f"no issue {number} in {state} (issues 1 to {issues[0].number}); see digest issues"
        )
    return chosen


def theme_named(themes: Sequence[dict[str, Any]], label: str, chosen: IssueHead) -> dict[str, Any]:
    for t in themes:
        if t["label"].casefold() == label.casefold():
            return t
    labels = "; ".join(t["label"] for t in themes)
    raise InputError(
        f"no theme {label!r} in issue {chosen.number} ({chosen.week}); its themes: {labels}"
    )
