"""Planning: what the next issue holds, decided from the input and the history.

A paper goes in once, when it is new; a newer arXiv version of one announced before goes in
again as updated. The week that already has an issue is rebuilt with the same number, date and
papers, so re-running a week gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from digest.errors import InputError
from digest.history import History, IssueHead, paper_key
from digest.models import Corpus, Paper, iso_week


@dataclass(frozen=True)
class Plan:
    """What the next issue holds, decided from the input and the history."""

    number: int
    date: dt.date
    new: tuple[Paper, ...]
    updated: tuple[Paper, ...]
    rebuild: bool  # the week already has an issue: build it again, same number

    @property
    def week(self) -> str:
        return iso_week(self.date)


def plan_issue(
    corpus: Corpus, history: History, date: dt.date, past: Sequence[IssueHead] | None = None
) -> Plan | None:
    """The next issue: papers never announced, and announced papers with a newer version.

    The week of `date` that already has an issue is rebuilt with the same number, date and
    papers (plus what arrived since, if it is the latest issue), so re-running a week gives
    the same bytes. Returns None when there is nothing new to announce. `past` is
    `history.heads()`, for a caller that has read it already."""
    week = iso_week(date)
    if past is None:
        past = history.heads()
    latest = past[0] if past else None
    current = {paper_key(p): p for p in corpus.papers}
    seen = history.seen(current)
    existing = next((p for p in past if p.week == week), None)

    if existing is not None:
        members = history.members(existing.number)
        stored = {paper_key(m.paper): m for m in members}
        new = [current.get(k, m.paper) for k, m in stored.items() if m.status == "new"]
        updated = [current.get(k, m.paper) for k, m in stored.items() if m.status == "updated"]
        if latest is not None and existing.number == latest.number:
            for key, paper in current.items():
                if key in stored:
                    continue
                if key not in seen:
                    new.append(paper)
                elif _is_newer(paper, seen[key].version):
                    updated.append(paper)
        return Plan(
            number=existing.number,
            date=existing.date,
            new=_stable(new),
            updated=_stable(updated),
            rebuild=True,
        )

    if latest is not None and week < latest.week:
        raise InputError(
            f"--date {date.isoformat()} is in {week}, before the latest issue "
            f"(#{latest.number}, {latest.week}); pass a date in {latest.week} or later, or "
            "start a new history with --state NEW_FILE (see README, Week after week)"
        )
    new = [p for k, p in current.items() if k not in seen]
    updated = [p for k, p in current.items() if k in seen and _is_newer(p, seen[k].version)]
    if not new and not updated:
        return None
    return Plan(
        number=(latest.number + 1) if latest else 1,
        date=date,
        new=_stable(new),
        updated=_stable(updated),
        rebuild=False,
    )


def _is_newer(paper: Paper, version: int | None) -> bool:
    return paper.arxiv_version is not None and (version is None or paper.arxiv_version > version)


def _stable(papers: Sequence[Paper]) -> tuple[Paper, ...]:
    # Input order must not matter: the same set of papers gives the same issue.
    return tuple(sorted(papers, key=lambda p: p.id))
