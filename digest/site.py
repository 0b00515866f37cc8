"""The archive: the site's pages and feeds, made from the issues the history keeps.

Every build writes the archive anew from the history: the index (every issue with its themes),
each issue's page with its navigation (the archive, the search, the previous and next issue,
the feeds), the search page's data (every paper of every issue), and the feeds (the latest
issues, the latest papers, each named theme's papers week by week).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from digest.config import Settings
from digest.feeds import FeedEntry, Feeds, build_feeds
from digest.history import PastIssue
from digest.models import slugify
from digest.rendering import (
    INDEX_PAGE,
    ISSUE_FEEDS,
    NAV_MARKER,
    PAPER_FEED_DIR,
    SEARCH_DATA,
    SEARCH_PAGE,
    Context,
    issue_page,
    paper_anchor,
    render_feed_content_of,
    render_feed_paper,
    render_index,
    render_nav,
    render_search_data,
    render_search_page,
    site_root,
)
from digest.renditions import subject_of


def site_files(
    record: PastIssue,
    archive: Sequence[PastIssue],
    env: jinja2.Environment,
    settings: Settings,
    context: Context | None = None,
) -> dict[str, bytes]:
    """The archive's files, by their paths relative to the output folder: the index, the
    search page and its data, every issue's page (with its navigation) and Markdown, and the
    feeds (of the issues, of the papers, of each named theme).

    `archive` is every issue in the history, newest first, including `record` (the issue just
    built, whose `context` saves reading its data again)."""
    site = site_root(settings.site_url)
    description = f"{settings.title}: the papers of the week, grouped by theme."
    walk = _walk_archive(archive, record, context, settings, env, site)
    files = {
        INDEX_PAGE: render_index(settings.title, walk.index_rows, env).encode("utf-8"),
        SEARCH_PAGE: render_search_page(settings.title, env).encode("utf-8"),
        SEARCH_DATA: render_search_data(walk.search_issues, walk.search_papers),
    }
    files.update(
        _feed_files(
            "",
            build_feeds(
                title=settings.title,
                description=description,
                site_url=site,
                entries=[_feed_entry(past, site) for past in archive[: settings.feed_issues]],
            ),
        )
    )
    files.update(
        _feed_files(
            PAPER_FEED_DIR,
            build_feeds(
                title=f"{settings.title}: every paper",
                description=f"{settings.title}: each paper of the week, one item a paper.",
                site_url=site,
                entries=walk.paper_entries,
                feed_dir=PAPER_FEED_DIR,
                author=settings.title,
            ),
        )
    )
    for i, past in enumerate(archive):
        # archive is newest first: the issue before is the next in the list.
        following = archive[i - 1] if i > 0 else None
        previous = archive[i + 1] if i + 1 < len(archive) else None
        nav = render_nav(settings.title, _nav_link(previous), _nav_link(following), env)
        files[issue_page(past.week, "html")] = past.page_html.replace(
            NAV_MARKER.encode(), nav.rstrip(b"\n")
        )
        files[issue_page(past.week, "md")] = past.page_markdown
    for label, entries in walk.theme_entries.items():
        folder = f"themes/{slugify(label)}/"
        feeds = build_feeds(
            title=f"{label} — papers of the week",
            description=f"The papers of theme {label!r}, week by week.",
            site_url=site,
            entries=entries,
            feed_dir=folder,
            author=settings.title,
        )
        files.update(_feed_files(folder, feeds))
    return files


def _feed_files(folder: str, feeds: Feeds) -> dict[str, bytes]:
    rss, atom, json_feed = ISSUE_FEEDS
    return {folder + rss: feeds.rss, folder + atom: feeds.atom, folder + json_feed: feeds.json}


def _nav_link(past: PastIssue | None) -> Context | None:
    """A neighbour of an issue page, linked from that page (both are in issues/)."""
    if past is None:
        return None
    return {"number": past.number, "week": past.week, "url": f"{past.week}.html"}


@dataclass
class _Walk:
    """What the site needs from every issue's papers, gathered in one pass over the archive."""

    index_rows: list[Context]
    search_issues: list[Context]
    search_papers: list[list[object]]
    paper_entries: list[FeedEntry]
    theme_entries: dict[str, list[FeedEntry]]


def _walk_archive(
    archive: Sequence[PastIssue],
    record: PastIssue,
    context: Context | None,
    settings: Settings,
    env: jinja2.Environment,
    site: str,
) -> _Walk:
    """One pass over every issue, newest first, reading each issue's data once (and not at
    all for the issue just built, whose context is at hand), one issue at a time.

    Only named themes get a feed of their own: their labels are the team's and stay the same
    week after week, while automatic themes are drawn anew each week."""
    labels = list(dict.fromkeys(named.label for named in settings.named_themes))
    walk = _Walk([], [], [], [], {label: [] for label in labels})
    for position, past in enumerate(archive):
        current = context is not None and past.number == record.number
        data: Context = context if current and context is not None else json.loads(past.data)
        page = issue_page(past.week, "html")
        themes: list[Context] = list(data["themes"])
        walk.index_rows.append(
            {
                "number": past.number,
                "week": past.week,
                "date": past.date.isoformat(),
                "date_long": f"{past.date.day} {past.date:%B %Y}",
                "paper_count": past.paper_count,
                "theme_count": past.theme_count,
                "updated_count": len(data.get("updated", ())),
                "url": page,
                "themes": [
                    {
                        "label": t["label"],
                        "count": len(t["papers"]),
                        "url": f"{page}#{slugify(t['label'])}",
                    }
                    for t in themes
                ],
            }
        )
        walk.search_issues.append(
            {"number": past.number, "week": past.week, "date": past.date.isoformat(), "url": page}
        )
        sections = [*((t["label"], t["papers"]) for t in themes)]
        if data.get("updated"):
            sections.append(("Updated", data["updated"]))
        for label, papers in sections:
            for p in papers:
                anchor = paper_anchor(p["id"])
                authors = ", ".join(p["authors"])
                walk.search_papers.append(
                    [position, label, p["headline"], p["summary"], authors, anchor]
                )
                if len(walk.paper_entries) < settings.feed_papers:
                    walk.paper_entries.append(
                        _paper_entry(p, label, past, f"{site}{page}#{anchor}", env)
                    )
        if position < settings.feed_issues:
            by_label: dict[str, Context] = {}
            for theme in themes:
                by_label.setdefault(theme["label"], theme)
            for label in labels:
                found = by_label.get(label)
                if found is None:
                    continue
                link = f"{site}{page}#{slugify(label)}"
                walk.theme_entries[label].append(
                    FeedEntry(
                        id=link,
                        title=f"{label} — {past.week}",
                        link=link,
                        date=past.date,
                        content_html=render_feed_content_of([found], env),
                        summary=f"{len(found['papers'])} new in {label} "
                        f"({past.title}, {past.week}).",
                    )
                )
    return walk


def _paper_entry(
    paper: Context, label: str, past: PastIssue, permalink: str, env: jinja2.Environment
) -> FeedEntry:
    """One paper as a feed item: its id is its permalink, the paper's row on its issue page,
    which stays the same as later issues are added."""
    return FeedEntry(
        id=permalink,
        title=paper["headline"],
        link=permalink,
        date=past.date,
        content_html=render_feed_paper(paper, label, past.number, past.week, permalink, env),
        summary=paper["summary"],
        authors=tuple(paper["authors"]),
    )


def _feed_entry(past: PastIssue, site: str) -> FeedEntry:
    link = site + issue_page(past.week, "html")
    return FeedEntry(
        id=link,
        title=subject_of(past),
        link=link,
        date=past.date,
        content_html=past.feed_html,
        summary=past.feed_summary,
    )
