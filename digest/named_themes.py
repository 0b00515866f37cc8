"""Themes a team names itself: papers that mention a named theme's keywords go there first.

A paper goes to the named theme whose keywords it mentions most (as whole words or phrases,
ignoring case, in its title and abstract); ties go to the theme listed first in the config. A
paper that mentions none is left to the automatic themes. Named themes keep the order of the
config and hold their papers in input order; an empty named theme is left out of the issue.

The automatic themes are drawn from every paper, as if nothing were named, and then lose the
papers a named theme took (`without_papers`): naming a theme leaves the others as they were.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from digest.models import NamedTheme, Paper, Theme


@dataclass(frozen=True)
class _Keyword:
    """A keyword as searched: a word every match holds (cheap to look for first), and the
    pattern of the whole keyword in lowercased text."""

    probe: str
    pattern: re.Pattern[str]


def assign_named_themes(
    papers: Sequence[Paper], named: Sequence[NamedTheme]
) -> tuple[tuple[Theme, ...], tuple[Paper, ...]]:
    """The non-empty named themes, and the papers no named theme took."""
    keywords = [[_keyword(k) for k in theme.keywords if k.split()] for theme in named]
    members: list[list[str]] = [[] for _ in named]
    rest: list[Paper] = []
    for paper in papers:
        # Most papers mention no keyword: a substring test of one of its words (in C) rules
        # a keyword out before any pattern runs, so the cost is a lowercasing per paper.
        text = f"{paper.title or ''}\n{paper.abstract}".lower()
        hits = [
            sum(1 for k in theme if k.probe in text and k.pattern.search(text))
            for theme in keywords
        ]
        best = max(hits, default=0)
        if best == 0:
            rest.append(paper)
        else:
            members[hits.index(best)].append(paper.id)
    themes = tuple(
        Theme(label=theme.label, keywords=theme.keywords[:3], paper_ids=tuple(ids))
        for theme, ids in zip(named, members, strict=True)
        if ids
    )
    return themes, tuple(rest)


def without_papers(themes: Sequence[Theme], taken: Collection[str]) -> tuple[Theme, ...]:
    """The themes without the papers in `taken`, each keeping its label, keywords and place;
    a theme left with no paper is dropped."""
    taken = set(taken)
    kept = (
        Theme(t.label, t.keywords, tuple(pid for pid in t.paper_ids if pid not in taken))
        for t in themes
    )
    return tuple(t for t in kept if t.paper_ids)


def _keyword(keyword: str) -> _Keyword:
    words = keyword.lower().split()
    pattern = re.compile(r"(?<!\w)" + r"[\s-]+".join(map(re.escape, words)) + r"(?!\w)")
    return _Keyword(max(words, key=len), pattern)
