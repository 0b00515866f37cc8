"""The archive: the site's pages and feeds, made from the issues the history keeps.

Every build writes the archive from the history: the index (every issue with its themes),
each issue's page with its navigation (the archive, the search, the previous and next issue,
the feeds), the search page's data (every paper of every issue), and the feeds (the latest
issues, the latest papers, each named theme's papers week by week).

What the archive needs of every issue on every build (its index row, its papers' search rows,
its page's hash) is made once, when the issue is recorded (`archive_entry`), so that a build
reads those and not every past issue's renditions. An issue's page is written again only when
it would change (its navigation: a new neighbour, a new title or template) or is not in place
as last written (see `issue_pages`); the feeds read only the issues they list.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

import jinja2

from digest.config import Settings
from digest.feeds import FeedEntry, Feeds, build_feeds
from digest.history import ArchiveEntry, IssueHead, PastIssue
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
    search_rows,
    site_root,
)
from digest.renditions import subject_of


class IssueStore(Protocol):
    """Where the archive reads a past issue's renditions, one issue at a time (the history)."""

    def data(self, number: int) -> bytes: ...

    def feed_item(self, number: int) -> tuple[str, str]: ...

    def pages(self, number: int) -> tuple[bytes, bytes]: ...


def archive_entry(record: PastIssue, data: Context) -> ArchiveEntry:
    """What the archive needs of an issue on every build; `data` is the issue as digest.json
    has it (or its context, which has the same keys)."""
    page = issue_page(record.week, "html")
    themes: list[Context] = list(data["themes"])
    index_row = {
        "number": record.number,
        "week": record.week,
        "date": record.date.isoformat(),
        "date_long": f"{record.date.day} {record.date:%B %Y}",
        "paper_count": record.paper_count,
        "theme_count": record.theme_count,
        "updated_count": len(data.get("updated", ())),
        "url": page,
        "themes": [
            {"label": t["label"], "count": len(t["papers"]), "url": f"{page}#{slugify(t['label'])}"}
            for t in themes
        ],
    }
    rows = (
        [label, p["headline"], p["summary"], ", ".join(p["authors"]), paper_anchor(p["id"])]
        for label, papers in _sections(data)
        for p in papers
    )
    return ArchiveEntry(
        head=IssueHead(
            record.number,
            record.week,
            record.date,
            record.title,
            record.paper_count,
            record.theme_count,
        ),
        index_row=json.dumps(index_row, ensure_ascii=False),
        search_rows=search_rows(rows),
        page_sha256=hashlib.sha256(record.page_html).hexdigest(),
        markdown_sha256=hashlib.sha256(record.page_markdown).hexdigest(),
    )


def _sections(data: Context) -> list[tuple[str, list[Context]]]:
    """Each theme's label and papers, then the updated papers as "Updated"."""
    sections = [(t["label"], t["papers"]) for t in data["themes"]]
    if data.get("updated"):
        sections.append(("Updated", data["updated"]))
    return sections


@dataclass(frozen=True)
class IssuePages:
    """An issue's page and Markdown in issues/, and what makes each: `recipes` (page path ->
    a hash of everything its bytes come from) say whether the file in place is still right."""

    number: int
    recipes: dict[str, str]
    nav: bytes  # the page's navigation, put in place of NAV_MARKER


def issue_pages(
    archive: Sequence[ArchiveEntry], env: jinja2.Environment, settings: Settings
) -> list[IssuePages]:
    """Every issue's pages, newest first; the navigation is rendered anew each build (its
    neighbours, the title and the templates may have changed since), the rest was rendered
    when the issue was built."""
    pages = []
    for i, entry in enumerate(archive):
        # archive is newest first: the issue before is the next in the list.
        following = archive[i - 1].head if i > 0 else None
        previous = archive[i + 1].head if i + 1 < len(archive) else None
        nav = render_nav(settings.title, _nav_link(previous), _nav_link(following), env)
        page_recipe = hashlib.sha256(entry.page_sha256.encode() + b"\n" + nav).hexdigest()
        recipes = {
            issue_page(entry.head.week, "html"): page_recipe,
            issue_page(entry.head.week, "md"): entry.markdown_sha256,
        }
        pages.append(IssuePages(entry.head.number, recipes, nav))
    return pages


def site_files(
    record: PastIssue,
    context: Context,
    archive: Sequence[ArchiveEntry],
    pages: Sequence[IssuePages],
    in_place: Collection[str],
    store: IssueStore,
    env: jinja2.Environment,
    settings: Settings,
) -> dict[str, bytes]:
    """The archive's files, by their paths relative to the output folder: the index, the
    search page and its data, the feeds (of the issues, of the papers, of each named theme),
    and each issue's page and Markdown (`pages`) but those `in_place` already.

    `archive` is every issue in the history, newest first, including `record` (the issue just
    built, whose `context` saves reading its data again); `store` has the others."""
    site = site_root(settings.site_url)
    description = f"{settings.title}: the papers of the week, grouped by theme."
    feeds = _FeedWalk(record, context, store, env, site, settings)
    files = {
        INDEX_PAGE: render_index(
            settings.title, [json.loads(e.index_row) for e in archive], env
        ).encode("utf-8"),
        SEARCH_PAGE: render_search_page(settings.title, env).encode("utf-8"),
        SEARCH_DATA: render_search_data(
            [_search_issue(e.head) for e in archive], [e.search_rows for e in archive]
        ),
    }
    files.update(
        _feed_files(
            "",
            build_feeds(
                title=settings.title,
                description=description,
                site_url=site,
                entries=[feeds.issue_entry(e.head) for e in archive[: settings.feed_issues]],
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
                entries=feeds.paper_entries([e.head for e in archive]),
                feed_dir=PAPER_FEED_DIR,
                author=settings.title,
            ),
        )
    )
    for issue in pages:
        wanted = [path for path in issue.recipes if path not in in_place]
        if not wanted:
            continue
        if issue.number == record.number:
            page_html, page_markdown = record.page_html, record.page_markdown
        else:
            page_html, page_markdown = store.pages(issue.number)
        html, markdown = issue.recipes
        if html in wanted:
            files[html] = page_html.replace(NAV_MARKER.encode(), issue.nav.rstrip(b"\n"))
        if markdown in wanted:
            files[markdown] = page_markdown
    heads = [e.head for e in archive[: settings.feed_issues]]
    for label, entries in feeds.theme_entries(heads).items():
        folder = f"themes/{slugify(label)}/"
        theme_feeds = build_feeds(
            title=f"{label} — papers of the week",
            description=f"The papers of theme {label!r}, week by week.",
            site_url=site,
            entries=entries,
            feed_dir=folder,
            author=settings.title,
        )
        files.update(_feed_files(folder, theme_feeds))
    return files


def _search_issue(head: IssueHead) -> Context:
    page = issue_page(head.week, "html")
    return {"number": head.number, "week": head.week, "date": head.date.isoformat(), "url": page}


def _feed_files(folder: str, feeds: Feeds) -> dict[str, bytes]:
    rss, atom, json_feed = ISSUE_FEEDS
    return {folder + rss: feeds.rss, folder + atom: feeds.atom, folder + json_feed: feeds.json}


def _nav_link(past: IssueHead | None) -> Context | None:
    """A neighbour of an issue page, linked from that page (both are in issues/)."""
    if past is None:
        return None
    return {"number": past.number, "week": past.week, "url": f"{past.week}.html"}


class _FeedWalk:
    """The feeds' items, reading each issue's data (at most once) only when a feed lists it:
    the newest issues, never the whole history."""

    def __init__(
        self,
        record: PastIssue,
        context: Context,
        store: IssueStore,
        env: jinja2.Environment,
        site: str,
        settings: Settings,
    ) -> None:
        self._record, self._context, self._store = record, context, store
        self._env, self._site, self._settings = env, site, settings
        self._data: dict[int, Context] = {record.number: context}

    def data(self, number: int) -> Context:
        if number not in self._data:
            self._data[number] = json.loads(self._store.data(number))
        return self._data[number]

    def issue_entry(self, head: IssueHead) -> FeedEntry:
        """An issue as an item of the issue feeds."""
        if head.number == self._record.number:
            html, summary = self._record.feed_html, self._record.feed_summary
        else:
            html, summary = self._store.feed_item(head.number)
        link = self._site + issue_page(head.week, "html")
        return FeedEntry(
            id=link,
            title=subject_of(head),
            link=link,
            date=head.date,
            content_html=html,
            summary=summary,
        )

    def paper_entries(self, heads: Sequence[IssueHead]) -> list[FeedEntry]:
        """The newest papers (settings.feed_papers of them), newest issue first, each issue's
        in the order of its page."""
        entries: list[FeedEntry] = []
        for head in heads:
            if len(entries) >= self._settings.feed_papers:
                break
            page = issue_page(head.week, "html")
            for label, papers in _sections(self.data(head.number)):
                for p in papers:
                    if len(entries) < self._settings.feed_papers:
                        permalink = f"{self._site}{page}#{paper_anchor(p['id'])}"
                        entries.append(self._paper_entry(p, label, head, permalink))
        return entries

    def _paper_entry(
        self, paper: Context, label: str, head: IssueHead, permalink: str
    ) -> FeedEntry:
        """One paper as a feed item: its id is its permalink, the paper's row on its issue
        page, which stays the same as later issues are added."""
        return FeedEntry(
            id=permalink,
            title=paper["headline"],
            link=permalink,
            date=head.date,
            content_html=render_feed_paper(
                paper, label, head.number, head.week, permalink, self._env
            ),
            summary=paper["summary"],
            authors=tuple(paper["authors"]),
        )

    def theme_entries(self, heads: Sequence[IssueHead]) -> dict[str, list[FeedEntry]]:
        """Each named theme's items, one per issue of `heads` that has it.

        Only named themes get a feed of their own: their labels are the team's and stay the
        same week after week, while automatic themes are drawn anew each week."""
        labels = list(dict.fromkeys(named.label for named in self._settings.named_themes))
        found: dict[str, list[FeedEntry]] = {label: [] for label in labels}
        if not labels:
            return found
        for head in heads:
            page = issue_page(head.week, "html")
            by_label: dict[str, Context] = {}
            for theme in self.data(head.number)["themes"]:
                by_label.setdefault(theme["label"], theme)
            for label in labels:
                theme = by_label.get(label)
                if theme is None:
                    continue
                link = f"{self._site}{page}#{slugify(label)}"
                found[label].append(
                    FeedEntry(
                        id=link,
                        title=f"{label} — {head.week}",
                        link=link,
                        date=head.date,
                        content_html=render_feed_content_of([theme], self._env),
                        summary=f"{len(theme['papers'])} new in {label} "
                        f"({head.title}, {head.week}).",
                    )
                )
        return found
