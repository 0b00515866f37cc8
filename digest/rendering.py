"""Render an Issue as Markdown, email bodies (HTML and text) and JSON.

Templates receive plain data (dicts, lists, strings), built once here, so a user's template
can rely on the same names in every output and never has to call our code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import jinja2

from digest.models import Entry, Issue, Section
from digest.templating import render_template

MARKDOWN_TEMPLATE = "digest.md.j2"
EMAIL_HTML_TEMPLATE = "email.html.j2"
EMAIL_TEXT_TEMPLATE = "email.txt.j2"


def safe_url(url: str | None) -> str | None:
    """A link a reader may follow: http(s) only, so no `javascript:` ever becomes a link."""
    if url and url.startswith(("https://", "http://")) and not any(c.isspace() for c in url):
        return url
    return None


def issue_context(issue: Issue, per_theme: int | None = None) -> dict[str, Any]:
    """The data every template sees, as plain values.

    With `per_theme`, each theme lists at most that many papers and says how many more."""
    return {
        "title": issue.title,
        "date": issue.date.isoformat(),
        "date_long": f"{issue.date.day} {issue.date:%B %Y}",
        "week": issue.week,
        "number": issue.number,
        "site_url": issue.site_url,
        "paper_count": issue.paper_count,
        "theme_count": len(issue.sections),
        "themes": [_section_context(s, per_theme) for s in issue.sections],
        "updated": [_entry_context(e) for e in issue.updated],
        "skipped": [
            {"path": s.path, "line": s.line, "reason": s.reason, "where": str(s)}
            for s in issue.skipped
        ],
    }


def _section_context(section: Section, per_theme: int | None = None) -> dict[str, Any]:
    shown = section.entries if per_theme is None else section.entries[:per_theme]
    return {
        "label": section.label,
        "slug": section.slug,
        "keywords": list(section.keywords),
        "papers": [_entry_context(e) for e in shown],
        "more": len(section.entries) - len(shown),
    }


def _entry_context(entry: Entry) -> dict[str, Any]:
    paper, summary = entry.paper, entry.summary
    return {
        "id": paper.id,
        "arxiv_id": paper.arxiv_id,
        "version": paper.arxiv_version,
        "title": paper.title,
        "headline": summary.headline,
        "summary": summary.text,
        "sentence": summary.sentence,
        "shortened": summary.shortened,
        "url": safe_url(paper.link),
        "authors": list(paper.authors),
        "sources": [str(s) for s in paper.sources],
    }


def render_markdown(issue: Issue, env: jinja2.Environment) -> str:
    return render_template(env, MARKDOWN_TEMPLATE, **issue_context(issue))


def render_email_html(
    issue: Issue,
    env: jinja2.Environment,
    *,
    page_url: str | None = None,
    email: bool = False,
    per_theme: int | None = None,
) -> str:
    """The issue as an HTML page; as an email (`email=True`) it links to its web page."""
    return render_template(
        env,
        EMAIL_HTML_TEMPLATE,
        **issue_context(issue, per_theme),
        page_url=page_url,
        email=email,
    )


def render_email_text(
    issue: Issue,
    env: jinja2.Environment,
    *,
    page_url: str | None = None,
    per_theme: int | None = None,
) -> str:
    return render_template(
        env, EMAIL_TEXT_TEMPLATE, **issue_context(issue, per_theme), page_url=page_url
    )


def render_json(issue: Issue) -> str:
    """The issue as data, for scripts: stable key order, UTF-8, one trailing newline."""
    context = issue_context(issue)
    data = {
        "title": context["title"],
        "date": context["date"],
        "week": context["week"],
        "number": context["number"],
        "paper_count": context["paper_count"],
        "themes": [
            {
                "label": t["label"],
                "keywords": t["keywords"],
                "papers": [_json_paper(p) for p in t["papers"]],
            }
            for t in context["themes"]
        ],
        "updated": [_json_paper(p) for p in context["updated"]],
        "skipped": [
            {"path": s["path"], "line": s["line"], "reason": s["reason"]}
            for s in context["skipped"]
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_JSON_PAPER_KEYS = (
    "id",
    "arxiv_id",
    "title",
    "headline",
    "summary",
    "sentence",
    "shortened",
    "url",
    "authors",
    "sources",
)


def _json_paper(paper: dict[str, Any]) -> dict[str, Any]:
    return {key: paper[key] for key in _JSON_PAPER_KEYS}


FEED_CONTENT_TEMPLATE = "feed-item.html.j2"
INDEX_TEMPLATE = "index.html.j2"


def render_feed_content(issue: Issue, env: jinja2.Environment) -> str:
    """The HTML a feed reader shows for an issue: its themes and summary lines."""
    return render_template(env, FEED_CONTENT_TEMPLATE, **issue_context(issue))


def render_feed_content_of(themes: Sequence[dict[str, Any]], env: jinja2.Environment) -> str:
    """The same for some themes of an issue, as digest.json has them (per-theme feeds)."""
    return render_template(env, FEED_CONTENT_TEMPLATE, themes=list(themes), updated=[])


def render_index(
    title: str,
    issues: Sequence[dict[str, object]],
    site_url: str | None,
    env: jinja2.Environment,
) -> str:
    """The archive's front page: every issue, newest first. Links are absolute when the
    site's address is known, relative otherwise so that the folder can be browsed locally."""
    base = site_url or ""
    return render_template(
        env,
        INDEX_TEMPLATE,
        title=title,
        issues=list(issues),
        feed_url=base + "feed.xml",
        atom_url=base + "atom.xml",
    )


SHOW_TEMPLATES = {
    "markdown": "show.md.j2",
    "slack": "show.slack.j2",
    "html": "show.html.j2",
    "text": "show.txt.j2",
}


def render_show(
    heading: str | None,
    themes: Sequence[dict[str, Any]],
    fmt: str,
    env: jinja2.Environment,
    show_theme_labels: bool = True,
) -> str:
    """Part of an issue (as digest.json has it) in a shape that pastes cleanly."""
    return render_template(
        env,
        SHOW_TEMPLATES[fmt],
        heading=heading,
        themes=list(themes),
        show_theme_labels=show_theme_labels,
    )
