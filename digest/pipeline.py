"""The orchestrator: runs the stages in order and wires their records together.

This is the only module that imports the stages; each stage only knows the models. Nothing here
reads the clock or the environment: the CLI passes the date and the settings in.

A weekly build:
    load -> plan (what is new since the history's last issue) -> summarize -> group
         -> assemble the Issue -> render every output -> record in history + write atomically
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import jinja2

from digest.chat import Payload, build_messages, chat_issue_of, payload_bytes
from digest.config import CHAT_PLATFORM_NAMES, Settings
from digest.errors import InputError, OutputError
from digest.feeds import FeedEntry, Feeds, build_feeds
from digest.grouping import group_by_theme
from digest.history import History, Member, PastIssue, Post, Send, open_history, paper_key
from digest.loading import load_papers
from digest.mail import (
    HTML_SIZE_LIMIT,
    build_message,
    check_headers,
    inline_css,
    message_bytes,
)
from digest.models import (
    Corpus,
    Entry,
    Issue,
    NamedTheme,
    Paper,
    Section,
    Summary,
    Theme,
    iso_week,
    slugify,
)
from digest.named_themes import assign_named_themes, without_papers
from digest.output import discard, finish_moves, put_in_place, stage_files
from digest.rendering import (
    INDEX_PAGE,
    ISSUE_FEEDS,
    NAV_MARKER,
    PAPER_FEED_DIR,
    SEARCH_DATA,
    SEARCH_PAGE,
    Context,
    cap_context,
    clip_context,
    issue_context,
    paper_anchor,
    render_email_html,
    render_email_text,
    render_feed_content,
    render_feed_content_of,
    render_feed_paper,
    render_index,
    render_json,
    render_markdown,
    render_nav,
    render_page_html,
    render_search_data,
    render_search_page,
)
from digest.sending import Delivery, SmtpServer, send_message
from digest.summarizing import DEFAULT_METHOD, METHODS, summarize_papers
from digest.templating import make_environment

if TYPE_CHECKING:
    # Imported when a post runs: http.client and ssl are not needed to build an issue.
    from digest.posting import Pacing, PostError, Webhook

# Our summarizer first, then the plain sumy ones (and lead-1) it is measured against.
SUMMARY_METHODS = tuple(sorted(METHODS, key=lambda m: (m != DEFAULT_METHOD, m)))

# Feeds and permalinks need absolute URLs. Until a team sets site_url, links point to a
# reserved domain (RFC 2606) that can never resolve to someone else's site.
PLACEHOLDER_SITE_URL = "https://example.invalid/digest/"


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


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    plan: Plan | None  # None: nothing new, no issue built
    issue: Issue | None
    written: tuple[Path, ...]
    latest: PastIssue | None = None


def load_corpus(
    paths: Sequence[Path],
    on_progress: Callable[[int, int], None] | None = None,
    *,
    out_dir: Path | None = None,
    history: Path | None = None,
) -> Corpus:
    """Every paper under `paths`; `on_progress(done, total)` is told the bytes read. The
    build's `out_dir` and `history` are never read as input, even inside `paths`."""
    return load_papers(paths, on_progress, out_dir=out_dir, history=history)


def check_summary_method(method: str | None) -> str:
    """`method` if it names a summarizer of `SUMMARY_METHODS`; ours for None."""
    if method is None:
        return DEFAULT_METHOD
    if method not in SUMMARY_METHODS:
        raise InputError(
            f"unknown summary method {method!r}; choose one of {', '.join(SUMMARY_METHODS)}"
        )
    return method


def summarize_corpus(corpus: Corpus, method: str | None = None) -> tuple[Summary, ...]:
    """One summary per paper; `method` names a summarizer of `SUMMARY_METHODS` (default: ours)."""
    return summarize_papers(corpus.papers, method=check_summary_method(method))


def group_corpus(
    corpus: Corpus,
    summaries: Sequence[Summary],
    n_themes: int | None,
    named: Sequence[NamedTheme] = (),
) -> tuple[Theme, ...]:
    return group_papers(corpus.papers, summaries, n_themes, named)


def group_papers(
    papers: Sequence[Paper],
    summaries: Sequence[Summary],
    n_themes: int | None,
    named: Sequence[NamedTheme] = (),
    on_progress: Callable[[int], None] | None = None,
) -> tuple[Theme, ...]:
    """The team's named themes first (in config order), then automatic themes for the rest.

    The automatic themes are drawn from all the papers, as if none were named, then lose
    the named themes' papers: naming a theme leaves the other themes as they were.
    `on_progress(n)` is told as n more papers are placed."""
    named_themes, rest = assign_named_themes(papers, named)
    if not rest:
        if on_progress is not None:
            on_progress(len(papers))
        return named_themes
    names = {s.paper_id: s.headline for s in summaries}
    automatic = group_by_theme(papers, n_themes=n_themes, names=names, on_progress=on_progress)
    if not named_themes:
        return automatic
    taken = {pid for theme in named_themes for pid in theme.paper_ids}
    return named_themes + without_papers(automatic, taken)


def plan_issue(
    corpus: Corpus, history: History, date: dt.date, past: Sequence[PastIssue] | None = None
) -> Plan | None:
    """The next issue: papers never announced, and announced papers with a newer version.

    The week of `date` that already has an issue is rebuilt with the same number, date and
    papers (plus what arrived since, if it is the latest issue), so re-running a week gives
    the same bytes. Returns None when there is nothing new to announce. `past` is
    `history.issues()`, for a caller that has read it already (it holds every rendition)."""
    week = iso_week(date)
    if past is None:
        past = history.issues()
    latest = past[0] if past else None
    seen = history.seen()
    current = {paper_key(p): p for p in corpus.papers}
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


def assemble_issue(
    plan: Plan,
    summaries: Sequence[Summary],
    themes: Sequence[Theme],
    corpus: Corpus,
    settings: Settings,
) -> Issue:
    """The issue: one section per theme, each new paper once, then the updated papers."""
    papers = {p.id: p for p in plan.new}
    by_id = {s.paper_id: s for s in summaries}
    sections = tuple(
        Section(
            label=theme.label,
            keywords=theme.keywords,
            entries=tuple(Entry(papers[pid], by_id[pid]) for pid in theme.paper_ids),
        )
        for theme in themes
    )
    placed = [e.paper.id for s in sections for e in s.entries]
    if sorted(placed) != sorted(papers):
        # A grouping that loses or repeats a paper is a bug, not a user error.
        raise AssertionError("themes must hold every paper exactly once")
    return Issue(
        title=settings.title,
        date=plan.date,
        sections=sections,
        number=plan.number,
        updated=tuple(Entry(p, by_id[p.id]) for p in plan.updated),
        skipped=corpus.skipped,
        site_url=settings.site_url,
    )


class Progress(Protocol):
    """Told where a run is, so the CLI can show a progress bar and stage timings."""

    def stage(self, name: str, total: int = 0, papers: int | None = None) -> None:
        """A new stage begins, with `total` items to do (0: not counted), over `papers`
        papers when its items are steps rather than papers (None: its items are papers)."""

    def advance(self, done: int) -> None:
        """`done` more items of the current stage are done."""


class Silent:
    """The Progress that shows nothing."""

    def stage(self, name: str, total: int = 0, papers: int | None = None) -> None:
        pass

    def advance(self, done: int) -> None:
        pass


SILENT = Silent()


def summarize_with_progress(
    papers: Sequence[Paper], progress: Progress = SILENT, method: str = DEFAULT_METHOD
) -> tuple[Summary, ...]:
    # One call: the summarizer batches the work itself and spreads a large batch over the
    # cores; it reports after each of its chunks.
    progress.stage("summarize", len(papers))
    return summarize_papers(papers, method=method, on_progress=progress.advance)


def make_issue(
    corpus: Corpus,
    plan: Plan,
    settings: Settings,
    progress: Progress = SILENT,
    method: str = DEFAULT_METHOD,
) -> Issue:
    """Summarize (with the summarizer `method` names) and group the planned papers."""
    summaries = summarize_with_progress(plan.new + plan.updated, progress, method)
    progress.stage("group", len(plan.new))
    themes = group_papers(
        plan.new, summaries, settings.themes, settings.named_themes, progress.advance
    )
    return assemble_issue(plan, summaries, themes, corpus, settings)


def issue_page(week: str, ext: str) -> str:
    """The permanent path of an issue's page inside the output folder."""
    return f"issues/{week}.{ext}"


def site_of(settings: Settings) -> str:
    return settings.site_url or PLACEHOLDER_SITE_URL


# The steps of the render stage that take time on a large issue: the web page, the email,
# the Markdown, the JSON, then every output file from those.
RENDER_STEPS = 5


def record_of(
    issue: Issue,
    env: jinja2.Environment,
    settings: Settings,
    on_step: Callable[[int], None] | None = None,
    context: Context | None = None,
) -> PastIssue:
    """What the history keeps of an issue: enough to rebuild its page, feed item and email.

    Each rendition is rendered once, here: the output files are these same bytes.
    `on_step(1)` is told after each large rendition (RENDER_STEPS - 1 of them). `context` is
    `issue_context(issue)`, for a caller that has it already."""
    step = on_step or (lambda n: None)
    if context is None:
        context = issue_context(issue)
    page_url = (settings.site_url + issue_page(issue.week, "html")) if settings.site_url else None
    # The web page keeps its <style> block: browsers apply it, and inlining a page of
    # 100,000 papers costs seconds and hundreds of megabytes. Only the email is inlined.
    page_html = render_page_html(context, env)
    step(1)
    email_html, email_text = _email_bodies(
        context, env, page_url, len(page_html), email_footer(settings)
    )
    step(1)
    page_markdown = render_markdown(context, env)
    step(1)
    data = render_json(context)
    step(1)
    return PastIssue(
        number=issue.number,
        week=issue.week,
        date=issue.date,
        title=issue.title,
        paper_count=issue.paper_count,
        theme_count=len(issue.sections),
        page_html=page_html,
        page_markdown=page_markdown,
        feed_html=render_feed_content(cap_context(context, FEED_ITEM_PER_THEME), env),
        feed_summary=_overview(issue),
        email_html=email_html,
        email_text=email_text,
        data=data,
    )


# Papers per theme tried, in turn, until the email fits under the size mail clients accept.
# At 0, each theme is its label and a link to its papers in the full issue.
_EMAIL_CAPS: tuple[int | None, ...] = (None, 20, 10, 5, 3, 1, 0)
# A feed item lists at most this many papers a theme and links to the issue page for the rest:
# feed readers truncate or choke on very long items.
FEED_ITEM_PER_THEME = 20


def email_footer(settings: Settings) -> Context:
    """What the email's footer says about why it came: the list's name (List-Id's phrase, or
    the title), the archive's address and the unsubscribe link, where they are set."""
    list_name = parseaddr(settings.mail_list_id)[0] if settings.mail_list_id else ""
    return {
        "list_name": list_name or settings.title,
        "archive_url": (settings.site_url + INDEX_PAGE) if settings.site_url else None,
        "unsubscribe_url": settings.mail_unsubscribe,
    }


def _email_bodies(
    context: Context,
    env: jinja2.Environment,
    page_url: str | None,
    page_size: int,
    footer: Context,
) -> tuple[str, str]:
    """The HTML and text bodies; a large issue lists fewer papers per theme and links to the
    full issue, so that Gmail does not clip the message.

    The full page's size gives the cost of a paper, so caps that cannot fit are not tried.
    Every text is bounded first (`clip_context`), so that no input can make one paper or one
    label larger than the whole email may be."""
    context = clip_context(context)
    per_paper = page_size / max(1, context["paper_count"])
    html = ""
    for cap in _EMAIL_CAPS:
        shown = sum(len(t["papers"][:cap]) for t in context["themes"])
        # The estimate skips the caps above 1 only: one huge paper (cut short by now) can
        # make the average paper look larger than the email.
        if (cap is None or cap > 1) and per_paper * shown > HTML_SIZE_LIMIT:
            continue
        capped = cap_context(context, cap)
        html = inline_css(
            render_email_html(capped, env, page_url=page_url, email=True, footer=footer)
        )
        if len(html.encode("utf-8")) <= HTML_SIZE_LIMIT:
            break
    return html, render_email_text(capped, env, page_url=page_url, footer=footer)


def render_outputs(
    record: PastIssue,
    archive: Sequence[PastIssue],
    env: jinja2.Environment,
    settings: Settings,
    context: Context | None = None,
) -> dict[str, bytes]:
    """Every output file, by its path relative to the output folder.

    `archive` is every issue in the history, newest first, including `record` (the issue just
    built, whose `context` saves reading its data again). The top-level files (digest.md,
    digest.json, email.*) are always the newest issue's: rebuilding an older week rewrites
    that week's page and the archive, never the latest issue's outputs."""
    site = site_of(settings)
    latest = archive[0]
    message = message_of(latest, settings, settings.mail_to, latest.date)
    description = f"{settings.title}: the papers of the week, grouped by theme."
    walk = _walk_archive(archive, record, context, settings, env, site)
    files = {
        "digest.md": latest.page_markdown,
        "digest.json": latest.data,
        "email.html": latest.email_html.encode("utf-8"),
        "email.txt": latest.email_text.encode("utf-8"),
        "email.eml": message_bytes(message),
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


def message_of(
    record: PastIssue,
    settings: Settings,
    recipients: Sequence[str],
    date: dt.date | dt.datetime,
) -> EmailMessage:
    """The email message of a recorded issue."""
    return build_message(
        subject=_subject(record),
        sender=settings.mail_from,
        recipients=recipients,
        date=date,
        message_key=record.week,
        text=record.email_text,
        html=record.email_html,
        list_id=settings.mail_list_id,
        unsubscribe=settings.mail_unsubscribe,
    )


def check_mail_settings(settings: Settings) -> None:
    """Refuse settings that would put a line break or an encoded word in a mail header."""
    check_headers(
        settings.title,
        settings.mail_from,
        settings.mail_to,
        settings.mail_list_id,
        settings.mail_unsubscribe,
    )


def _subject(record: PastIssue) -> str:
    return f"{record.title} — {record.week}"


def _feed_entry(past: PastIssue, site: str) -> FeedEntry:
    link = site + issue_page(past.week, "html")
    return FeedEntry(
        id=link,
        title=_subject(past),
        link=link,
        date=past.date,
        content_html=past.feed_html,
        summary=past.feed_summary,
    )


def _overview(issue: Issue) -> str:
    labels = ", ".join(s.label for s in issue.sections)
    noun = "paper" if issue.paper_count == 1 else "papers"
    themes = "theme" if len(issue.sections) == 1 else "themes"
    text = f"{issue.paper_count} new {noun} in {len(issue.sections)} {themes}: {labels}."
    if issue.updated:
        text += f" {len(issue.updated)} updated."
    return text


def files_reported_before(corpus: Corpus, state: Path, date: dt.date) -> frozenset[str]:
    """The files of `corpus` whose warnings an earlier build showed already (see
    `_reported_before`); the CLI shows only the others' and --strict counts only theirs."""
    with open_history(state, read_only=True) as history:
        return _reported_before(corpus, history.files(), history.issue_number(iso_week(date)))


def _reported_before(
    corpus: Corpus, known: dict[str, int | None], rebuilding: int | None
) -> frozenset[str]:
    """Paths of the files whose content an earlier build read: their problems were shown
    (and published) then, and are not again every week. The issue being rebuilt
    (`rebuilding`) reports the files it first read once more, so it stays the same."""
    return frozenset(
        f.path
        for f in corpus.files
        if f.sha256 in known and (rebuilding is None or known[f.sha256] != rebuilding)
    )


def _without_reported(corpus: Corpus, reported: frozenset[str]) -> Corpus:
    if not reported:
        return corpus
    skipped = tuple(s for s in corpus.skipped if s.path not in reported)
    return replace(corpus, skipped=skipped)


def preview_issue(
    corpus: Corpus,
    state: Path,
    date: dt.date,
    settings: Settings,
    *,
    method: str = DEFAULT_METHOD,
) -> tuple[Plan | None, Issue | None]:
    """What the next issue would hold; reads the history, writes nothing (--dry-run)."""
    with open_history(state, read_only=True) as history:
        plan = plan_issue(corpus, history, date)
        known = history.files()
    if plan is None:
        return None, None
    reported = _reported_before(corpus, known, plan.number if plan.rebuild else None)
    return plan, make_issue(_without_reported(corpus, reported), plan, settings, method=method)


def build_from_corpus(
    corpus: Corpus,
    out_dir: Path,
    date: dt.date,
    settings: Settings,
    progress: Progress = SILENT,
    *,
    method: str = DEFAULT_METHOD,
) -> BuildResult:
    """Plan, summarize, group and render the next issue; record it and write every output.
    `method` names the summarizer (ours by default; see `SUMMARY_METHODS`).

    The order makes the outputs follow the history whatever fails: every output is first
    written in full beside its target; then the issue is recorded and committed, together with
    the list of those files; only then are they moved into place. A failure (a full disk, a
    kill) before the commit leaves both as they were; after it, the next run finds the list
    and finishes moving before anything else. The other order would let a failed commit leave
    outputs announcing an issue the history does not know, whose papers the next run would
    announce again."""
    # Templates and the email's headers are checked before any work, so that a typo in
    # --templates or a title that would forge a header fails fast.
    env = make_environment(settings.templates)
    check_mail_settings(settings)
    with open_history(settings.state) as history:
        _finish_pending_outputs(history)
        past = history.issues()
        plan = plan_issue(corpus, history, date, past)
        hashes = [f.sha256 for f in corpus.files if f.sha256]
        if plan is None:
            with history.transaction():
                history.record_files(hashes, None)
            return BuildResult(corpus, None, None, (), latest=past[0] if past else None)
        reported = _reported_before(corpus, history.files(), plan.number if plan.rebuild else None)
        issue = make_issue(_without_reported(corpus, reported), plan, settings, progress, method)
        papers = issue.paper_count
        progress.stage("render", RENDER_STEPS, papers)
        with _collector_paused():
            context = issue_context(issue)
            record = record_of(issue, env, settings, progress.advance, context)
            archive = [record, *(p for p in past if p.number != record.number)]
            archive.sort(key=lambda p: p.number, reverse=True)
            files = render_outputs(record, archive, env, settings, context)
            progress.advance(1)
            members = [Member(p, "new") for p in plan.new] + [
                Member(p, "updated") for p in plan.updated
            ]
            # Two steps: the files beside their targets with the history's copy of the issue,
            # then the files into place.
            progress.stage("write", 2, papers)
            staged = stage_files(out_dir, files)
            try:
                with history.transaction():
                    history.record_issue(record, members)
                    history.record_files(hashes, record.number)
                    history.record_pending_outputs(
                        [(str(temp.absolute()), str(target.absolute())) for temp, target in staged]
                    )
            except BaseException:
                discard(staged)
                raise
            progress.advance(1)
            try:
                written = put_in_place(staged)
            except OutputError as err:
                raise OutputError(
                    f"{err}; issue {record.number} is recorded, and the next digest build "
                    "finishes writing its outputs"
                ) from err
            history.clear_pending_outputs()
            progress.advance(1)
    return BuildResult(
        corpus=corpus, plan=plan, issue=issue, written=tuple(written), latest=archive[0]
    )


def _finish_pending_outputs(history: History) -> None:
    """Move into place the outputs of an issue whose run was stopped after recording it."""
    pending = history.pending_outputs()
    if pending:
        finish_moves((Path(temp), Path(target)) for temp, target in pending)
        history.clear_pending_outputs()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while rendering and recording an issue.

    Rendering makes millions of short-lived dicts, lists and tuples, none of them in a
    cycle; each of them counts towards the collector's next pass, and a full pass walks
    every object alive, the whole corpus included. At 100,000 papers those passes were a
    quarter of the time spent rendering and recording. Reference counting still frees
    everything as usual; the collector runs again as soon as the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def list_issues(state: Path) -> tuple[PastIssue, ...]:
    with open_history(state, read_only=True) as history:
        return history.issues()


@dataclass(frozen=True)
class SendResult:
    issue: PastIssue
    message: EmailMessage
    delivery: Delivery | None  # None for a dry run


def send_issue(
    *,
    state: Path,
    number: int | None,
    settings: Settings,
    recipients: Sequence[str],
    server: SmtpServer | None,
    sent_at: dt.datetime,
    resend: bool,
) -> SendResult:
    """Send a recorded issue (the latest, or `number`) and record who received it.

    Refuses to mail anyone twice unless `resend`. With `server=None`, a dry run: the message
    is built and returned, nothing is sent or recorded."""
    if not recipients:
        raise InputError(
            "no recipients: pass --to ADDRESS (repeatable) or set mail.to in digest.toml"
        )
    with open_history(state, read_only=server is None) as history:
        chosen = _chosen_issue(history.issues(), number, state)
        earlier = {s.recipient: s for s in history.sends(chosen.number)}
        again = sorted(r for r in recipients if r in earlier)
        if again and not resend:
            raise InputError(_already_sent(chosen, recipients, earlier))
        message = message_of(chosen, settings, recipients, sent_at)
        data = message_bytes(message)
        if server is None:
            return SendResult(chosen, message, None)
        delivery = send_message(data, _address(settings.mail_from), recipients, server)
        when = sent_at.isoformat()
        history.record_sends(chosen.number, delivery.accepted, when)
        # Unknown: recorded as such, so that sending again needs --resend.
        history.record_sends(chosen.number, delivery.unconfirmed, when, confirmed=False)
    return SendResult(chosen, message, delivery)


def _already_sent(issue: PastIssue, recipients: Sequence[str], earlier: dict[str, Send]) -> str:
    """Why a send is refused: who got the issue, or may have; how to go on."""
    sent = sorted(r for r in recipients if r in earlier and earlier[r].confirmed)
    unsure = sorted(r for r in recipients if r in earlier and not earlier[r].confirmed)
    said = []
    if sent:
        said.append(f"was already sent to {', '.join(sent)} (on {earlier[sent[0]].sent_at})")
    if unsure:
        said.append(
            f"may have been delivered to {', '.join(unsure)} (on {earlier[unsure[0]].sent_at}: "
            "the server took it but did not confirm it)"
        )
    text = f"issue {issue.number} ({issue.week}) " + ", and ".join(said) + "; pass --resend to "
    text += "send it again at the risk of a duplicate" if unsure else "send it again"
    others = [r for r in recipients if r not in earlier]
    if others:
        text += ", or send it only to the others: " + " ".join(f"--to {r}" for r in others)
    return text


def _address(value: str) -> str:
    return parseaddr(value)[1]


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
        issues = history.issues()
    chosen = _chosen_issue(issues, number, state)
    if paper_id is not None:
        return _select_paper(paper_id, chosen if number is not None else None, issues)
    themes = _themes_of(chosen)
    if theme is not None:
        return Selection(None, (_theme_named(themes, theme, chosen),), True)
    heading = f"{chosen.title} — issue {chosen.number} ({chosen.week})"
    return Selection(heading, tuple(themes), True)


def _themes_of(issue: PastIssue) -> list[dict[str, Any]]:
    """An issue's themes as digest.json has them, its updated papers as one more."""
    data = json.loads(issue.data)
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
)
# arXiv's new-style and old-style ids, with an optional version.
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(v\d+)?")
# The DOI arXiv gives every paper: 10.48550/arXiv.2110.14168.
_ARXIV_DOI = "10.48550/arxiv."


def paper_ref(text: str) -> str:
    """The form two references to the same paper share: `arXiv:2110.14168v2`,
    `https://arxiv.org/abs/2110.14168`, `10.48550/arXiv.2110.14168` and `2110.14168` all
    give '2110.14168'; a DOI loses `doi:` or its resolver's address; case is ignored."""
    ref = text.strip().casefold()
    for prefix in _ID_PREFIXES:
        if ref.startswith(prefix):
            ref = ref[len(prefix) :]
            break
    ref = ref.removeprefix(_ARXIV_DOI)
    arxiv = _ARXIV_ID.fullmatch(ref)
    return arxiv.group(1) if arxiv else ref


def _select_paper(paper_id: str, only: PastIssue | None, issues: Sequence[PastIssue]) -> Selection:
    """One paper, in issue `only` if given, else in the newest issue that has it."""
    wanted = paper_ref(paper_id)
    known: list[str] = []
    found_in: PastIssue | None = None
    for issue in issues:
        for t in _themes_of(issue):
            for p in t["papers"]:
                refs = {paper_ref(v) for v in (p["id"], p.get("arxiv_id"), p.get("doi")) if v}
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
        "arXiv id (2110.14168, arXiv:2110.14168v2) or its DOI, or find it by words in "
        "search.html"
    )


def _chosen_issue(issues: Sequence[PastIssue], number: int | None, state: Path) -> PastIssue:
    """The latest issue, or issue `number`; a clear error when there is none."""
    if not issues:
        raise InputError(f"{state}: no issues yet; run digest build first")
    chosen = issues[0] if number is None else next((i for i in issues if i.number == number), None)
    if chosen is None:
        raise InputError(
            f"no issue {number} in {state} (issues 1 to {issues[0].number}); see digest issues"
        )
    return chosen


def _theme_named(themes: Sequence[dict[str, Any]], label: str, chosen: PastIssue) -> dict[str, Any]:
    for t in themes:
        if t["label"].casefold() == label.casefold():
            return t
    labels = "; ".join(t["label"] for t in themes)
    raise InputError(
        f"no theme {label!r} in issue {chosen.number} ({chosen.week}); its themes: {labels}"
    )


@dataclass(frozen=True)
class PostResult:
    issue: PastIssue
    messages: tuple[Payload, ...]
    theme: str | None  # the theme's label as the issue has it, when one theme is posted
    start: int  # the first message this run posted (after a post that stopped part way)
    sent: int  # how many of `messages` are posted now; 0 for a dry run


def post_issue(
    *,
    state: Path,
    number: int | None,
    theme: str | None,
    platform: str,
    settings: Settings,
    webhook: Webhook | None,
    pacing: Pacing,
    posted_at: str,
    resend: bool,
) -> PostResult:
    """Post a recorded issue (the latest, or `number`; all of it, or one `theme`) to a chat
    webhook and record it. With `webhook=None`, a dry run: the messages are built and
    returned; nothing is posted or recorded.

    The same issue (or theme) goes to the same destination once, unless `resend`. Each
    message is recorded as it goes out, so a post that stops part way (a server error, a
    dropped connection, a killed run) is finished by running again, which posts only the
    messages that did not go out, provided they are still the same."""
    from digest.posting import PostError, destination_of, post_messages

    with open_history(state, read_only=webhook is None) as history:
        chosen = _chosen_issue(history.issues(), number, state)
        data = json.loads(chosen.data)
        themes = _themes_of(chosen)
        picked = [_theme_named(themes, theme, chosen)] if theme is not None else themes
        page = (settings.site_url + issue_page(chosen.week, "html")) if settings.site_url else None
        label = picked[0]["label"] if theme is not None else None
        messages = build_messages(platform, chat_issue_of(data, picked, page, label))
        if webhook is None:
            return PostResult(chosen, messages, label, 0, 0)
        record = Post(
            issue=chosen.number,
            platform=platform,
            destination=destination_of(webhook),
            theme=label or "",
            host=webhook.host,
            payload_hash=hashlib.sha256(b"\n".join(map(payload_bytes, messages))).hexdigest(),
            messages_sent=0,
            messages_total=len(messages),
            posted_at=posted_at,
        )
        start = 0 if resend else _resume_from(history.posts(chosen.number), record, chosen)
        try:
            sent = post_messages(
                webhook,
                messages,
                pacing,
                start=start,
                on_sent=lambda n: history.record_post(replace(record, messages_sent=n)),
            )
        except PostError as err:
            raise PostError(_after_failure(err, len(messages)), err.sent) from None
    return PostResult(chosen, messages, label, start, sent)


def _resume_from(posts: Sequence[Post], record: Post, chosen: PastIssue) -> int:
    """Where a post to the same place starts: 0 the first time, after the messages that went
    out when an earlier post stopped part way; refused when it was all posted."""
    key = (record.platform, record.destination, record.theme)
    earlier = next((p for p in posts if (p.platform, p.destination, p.theme) == key), None)
    if earlier is None:
        return 0
    what = f"issue {chosen.number} ({chosen.week})" + (
        f", theme {record.theme!r}," if record.theme else ""
    )
    where = f"{CHAT_PLATFORM_NAMES[record.platform]} ({earlier.host})"
    if earlier.delivered:
        raise InputError(
            f"{what} was already posted to {where} on {earlier.posted_at}; "
            "pass --resend to post it again"
        )
    if earlier.payload_hash != record.payload_hash:
        raise InputError(
            f"a post of {what} to {where} stopped after {earlier.messages_sent} of "
            f"{earlier.messages_total} messages on {earlier.posted_at}, and its messages have "
            "changed since (settings or templates); pass --resend to post all of it again"
        )
    return earlier.messages_sent


def _after_failure(err: PostError, total: int) -> str:
    if err.sent == 0:
        return f"{err}. Nothing is recorded as posted."
    return (
        f"{err}. {err.sent} of {total} messages were posted (recorded); run the same command "
        "again to post the rest, or pass --resend to post them all again"
    )
