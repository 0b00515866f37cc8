"""The orchestrator: runs the stages in order and wires their records together.

This is the only module that imports the stages; each stage only knows the models. Nothing here
reads the clock or the environment: the CLI passes the date and the settings in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from digest.config import Settings
from digest.feeds import FeedEntry, build_feeds
from digest.grouping import group_by_theme
from digest.loading import load_papers
from digest.mail import build_message, message_bytes
from digest.models import Corpus, Entry, Issue, NamedTheme, Section, Summary, Theme
from digest.named_themes import assign_named_themes
from digest.output import write_files
from digest.rendering import (
    render_email_html,
    render_email_text,
    render_feed_content,
    render_json,
    render_markdown,
)
from digest.summarizing import summarize_papers
from digest.templating import make_environment

# Feeds and permalinks need absolute URLs. Until a team sets site_url, links point to a
# reserved domain (RFC 2606) that can never resolve to someone else's site.
PLACEHOLDER_SITE_URL = "https://example.invalid/digest/"


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    issue: Issue
    written: tuple[Path, ...]


def summarize_corpus(corpus: Corpus) -> tuple[Summary, ...]:
    return summarize_papers(corpus.papers)


def group_corpus(
    corpus: Corpus,
    summaries: Sequence[Summary],
    n_themes: int | None,
    named: Sequence[NamedTheme] = (),
) -> tuple[Theme, ...]:
    """The team's named themes first (in config order), then automatic themes for the rest."""
    named_themes, rest = assign_named_themes(corpus.papers, named)
    if not rest:
        return named_themes
    names = {s.paper_id: s.headline for s in summaries}
    return named_themes + group_by_theme(rest, n_themes=n_themes, names=names)


def assemble_issue(
    corpus: Corpus,
    summaries: Sequence[Summary],
    themes: Sequence[Theme],
    date: dt.date,
    settings: Settings,
) -> Issue:
    """The issue: one section per theme, each paper once with its summary."""
    papers = {p.id: p for p in corpus.papers}
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
        date=date,
        sections=sections,
        skipped=corpus.skipped,
        site_url=settings.site_url,
    )


def issue_page(issue: Issue, ext: str) -> str:
    """The permanent path of an issue's page inside the output folder."""
    return f"issues/{issue.week}.{ext}"


def render_outputs(issue: Issue, env: jinja2.Environment, settings: Settings) -> dict[str, bytes]:
    """Every output file of one issue, by its path relative to the output folder."""
    markdown = render_markdown(issue, env)
    html = render_email_html(issue, env)
    text = render_email_text(issue, env)
    site = settings.site_url or PLACEHOLDER_SITE_URL
    subject = f"{issue.title} — {issue.week}"
    message = build_message(
        subject=subject,
        sender=settings.mail_from,
        recipients=settings.mail_to,
        date=issue.date,
        message_key=issue.week,
        text=text,
        html=html,
    )
    link = site + issue_page(issue, "html")
    feeds = build_feeds(
        title=issue.title,
        description=f"{issue.title}: the papers of the week, grouped by theme.",
        site_url=site,
        entries=[
            FeedEntry(
                id=link,
                title=subject,
                link=link,
                date=issue.date,
                content_html=render_feed_content(issue, env),
                summary=_overview(issue),
            )
        ],
    )
    return {
        "digest.md": markdown.encode("utf-8"),
        "digest.json": render_json(issue).encode("utf-8"),
        "email.html": html.encode("utf-8"),
        "email.txt": text.encode("utf-8"),
        "email.eml": message_bytes(message),
        "feed.xml": feeds.rss,
        "atom.xml": feeds.atom,
        issue_page(issue, "html"): html.encode("utf-8"),
        issue_page(issue, "md"): markdown.encode("utf-8"),
    }


def _overview(issue: Issue) -> str:
    labels = ", ".join(s.label for s in issue.sections)
    noun = "paper" if issue.paper_count == 1 else "papers"
    return f"{issue.paper_count} {noun} in {len(issue.sections)} themes: {labels}."


def load_corpus(paths: Sequence[Path]) -> Corpus:
    return load_papers(paths)


def build_from_corpus(
    corpus: Corpus, out_dir: Path, date: dt.date, settings: Settings
) -> BuildResult:
    """Summarize, group and render a loaded corpus; write every output atomically."""
    # Templates are checked before any work, so a typo in --templates fails fast.
    env = make_environment(settings.templates)
    summaries = summarize_corpus(corpus)
    themes = group_corpus(corpus, summaries, settings.themes, settings.named_themes)
    issue = assemble_issue(corpus, summaries, themes, date, settings)
    files = render_outputs(issue, env, settings)
    written = write_files(out_dir, files)
    return BuildResult(corpus=corpus, issue=issue, written=tuple(written))


def build_digest(
    paths: Sequence[Path], out_dir: Path, date: dt.date, settings: Settings
) -> BuildResult:
    """Load, summarize, group and render; write every output atomically."""
    return build_from_corpus(load_corpus(paths), out_dir, date, settings)
