"""Render an Issue as Markdown, email bodies (HTML and text) and JSON.

Templates receive plain data (dicts, lists, strings), built once here, so a user's template
can rely on the same names in every output and never has to call our code.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import jinja2

from digest.models import Entry, Issue, Section
from digest.templating import render_template, render_template_bytes

MARKDOWN_TEMPLATE = "digest.md.j2"
EMAIL_HTML_TEMPLATE = "email.html.j2"
EMAIL_TEXT_TEMPLATE = "email.txt.j2"


# \s matches exactly what str.isspace() calls whitespace.
_SPACE = re.compile(r"\s")


def safe_url(url: str | None) -> str | None:
    """A link a reader may follow: http(s) only, so no `javascript:` ever becomes a link."""
    if url and url.startswith(("https://", "http://")) and _SPACE.search(url) is None:
        return url
    return None


Context = dict[str, Any]


def issue_context(issue: Issue) -> Context:
    """The data every template sees, as plain values. Built once per issue: the renderers
    below take it, and `cap_context` derives the shorter version an email needs."""
    return {
        "title": issue.title,
        "date": issue.date.isoformat(),
        "date_long": f"{issue.date.day} {issue.date:%B %Y}",
        "week": issue.week,
        "number": issue.number,
        "site_url": issue.site_url,
        "paper_count": issue.paper_count,
        "theme_count": len(issue.sections),
        "themes": [_section_context(s) for s in issue.sections],
        "updated": [_entry_context(e) for e in issue.updated],
        "skipped": [
            {"path": s.path, "line": s.line, "reason": s.reason, "where": str(s)}
            for s in issue.skipped
        ],
    }


def cap_context(context: Context, per_theme: int | None) -> Context:
    """The same issue with at most `per_theme` papers a theme; each theme says how many more."""
    if per_theme is None:
        return context
    themes = [
        {**t, "papers": t["papers"][:per_theme], "more": len(t["papers"][per_theme:])}
        for t in context["themes"]
    ]
    return {**context, "themes": themes}


def _section_context(section: Section) -> Context:
    return {
        "label": section.label,
        "slug": section.slug,
        "keywords": list(section.keywords),
        "papers": [_entry_context(e) for e in section.entries],
        "more": 0,
    }


def _entry_context(entry: Entry) -> Context:
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
        # Only for a paper with no page of its own; templates mark it as a search.
        "search_url": safe_url(paper.search_link),
        "authors": list(paper.authors),
        "sources": [str(s) for s in paper.sources],
        "doi": paper.doi,
        "pmid": paper.pmid,
        "venue": paper.venue,
        "date": paper.date,
        "keywords": list(paper.keywords),
    }


def render_markdown(context: Context, env: jinja2.Environment) -> bytes:
    """The issue in Markdown, as the UTF-8 bytes of digest.md."""
    return render_template_bytes(env, MARKDOWN_TEMPLATE, **context)


def render_page_html(context: Context, env: jinja2.Environment) -> bytes:
    """The issue's web page, as UTF-8 bytes: the email's template with every paper, no link
    to itself and its <style> block kept (browsers apply it)."""
    return render_template_bytes(env, EMAIL_HTML_TEMPLATE, **context, page_url=None, email=False)


def render_email_html(
    context: Context,
    env: jinja2.Environment,
    *,
    page_url: str | None = None,
    email: bool = False,
) -> str:
    """The issue as an HTML page; as an email (`email=True`) it links to its web page."""
    return render_template(env, EMAIL_HTML_TEMPLATE, **context, page_url=page_url, email=email)


def render_email_text(
    context: Context, env: jinja2.Environment, *, page_url: str | None = None
) -> str:
    return render_template(env, EMAIL_TEXT_TEMPLATE, **context, page_url=page_url)


_JSON_PAPER_KEYS = (
    "id",
    "arxiv_id",
    "title",
    "headline",
    "summary",
    "sentence",
    "shortened",
    "url",
    "search_url",
    "authors",
    "sources",
    "doi",
    "pmid",
    "venue",
    "date",
    "keywords",
)
# One encoder for everything: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _json_paper(paper: Context) -> Context:
    return {key: paper[key] for key in _JSON_PAPER_KEYS}


def render_json(context: Context) -> bytes:
    """The issue as data, for scripts: stable key order, UTF-8, one paper per line.

    Written by hand at the outer levels so that each paper is one compact line: readable in a
    diff, and fast (json's C encoder is used only without indentation). Papers are written a
    batch at a time straight into the bytes returned, so that the whole text is never held
    as one string (at 100,000 papers, 70 MB of text takes 140 to 280 MB as a str)."""
    out = io.BytesIO()

    def put(text: str) -> None:
        out.write(text.encode())

    head = {k: context[k] for k in ("title", "date", "week", "number", "paper_count")}
    put("{\n" + "".join(f"  {_dump(k)}: {_dump(v)},\n" for k, v in head.items()))
    themes = context["themes"]
    put('  "themes": [' + ("\n" if themes else ""))
    for i, t in enumerate(themes):
        put(
            ("    {\n" if i == 0 else ",\n    {\n")
            + f'      "label": {_dump(t["label"])},\n'
            + f'      "keywords": {_dump(t["keywords"])},\n'
            + '      "papers": '
        )
        _put_papers(put, t["papers"], "      ")
        put("\n    }")
    put(("\n  ]," if themes else "],") + '\n  "updated": ')
    _put_papers(put, context["updated"], "  ")
    skipped = [
        {"path": s["path"], "line": s["line"], "reason": s["reason"]} for s in context["skipped"]
    ]
    put(f',\n  "skipped": {_rows_json(skipped)}\n}}\n')
    return out.getvalue()


_PAPERS_PER_BATCH = 1000


def _dump(value: object) -> str:
    return _ENCODER.encode(value)


def _put_papers(put: Callable[[str], None], rows: Sequence[Context], indent: str) -> None:
    """A list of papers, one a line, written a batch of lines at a time."""
    if not rows:
        put("[]")
        return
    line_break = ",\n" + indent + "  "
    put("[\n" + indent + "  ")
    for start in range(0, len(rows), _PAPERS_PER_BATCH):
        lines = line_break.join(
            _dump(_json_paper(p)) for p in rows[start : start + _PAPERS_PER_BATCH]
        )
        put((line_break if start else "") + lines)
    put("\n" + indent + "]")


def _rows_json(rows: Sequence[Context]) -> str:
    """A list of small objects, one per line."""
    if not rows:
        return "[]"
    inner = ",\n".join(f"    {json.dumps(r, ensure_ascii=False)}" for r in rows)
    return f"[\n{inner}\n  ]"


FEED_CONTENT_TEMPLATE = "feed-item.html.j2"
INDEX_TEMPLATE = "index.html.j2"


def render_feed_content(context: Context, env: jinja2.Environment) -> str:
    """The HTML a feed reader shows for an issue: its themes and summary lines."""
    return render_template(env, FEED_CONTENT_TEMPLATE, **context)


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
