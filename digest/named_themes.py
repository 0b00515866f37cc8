"""Themes a team names itself: papers that mention a named theme's keywords go there first.

A paper goes to the named theme whose keywords it mentions most (as whole words or phrases,
ignoring case, in its title and abstract); ties go to the theme listed first in the config. A
paper that mentions none is left for automatic grouping. Named themes keep the order of the
config and hold their papers in input order; an empty named theme is left out of the issue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.models import NamedTheme, Paper, Theme


def assign_named_themes(
    papers: Sequence[Paper], named: Sequence[NamedTheme]
) -> tuple[tuple[Theme, ...], tuple[Paper, ...]]:
    """The non-empty named themes, and the papers left for automatic grouping."""
    patterns = [[_keyword_pattern(k) for k in theme.keywords] for theme in named]
    members: list[list[str]] = [[] for _ in named]
    rest: list[Paper] = []
    for paper in papers:
        text = f"{paper.title or ''}\n{paper.abstract}"
        hits = [sum(1 for p in theme_patterns if p.search(text)) for theme_patterns in patterns]
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


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?!\w)", re.IGNORECASE)
