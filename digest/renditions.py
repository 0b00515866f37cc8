"""An issue's renditions: its web page, Markdown, data, email bodies and feed item, each
rendered once when the issue is built and kept in the history (`PastIssue`), and the email
message made from them.

The output files are these same bytes: the archive (`site.py`) and `digest send` read them
back from the history instead of rendering the issue again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from email.utils import parseaddr

import jinja2

from digest.config import Settings
from digest.history import IssueHead, PastIssue
from digest.mail import HTML_SIZE_LIMIT, build_message, check_headers, inline_css, message_bytes
from digest.models import Issue
from digest.rendering import (
    INDEX_PAGE,
    Context,
    cap_context,
    clip_context,
    issue_context,
    issue_page,
    render_email_html,
    render_email_text,
    render_feed_content,
    render_json,
    render_markdown,
    render_page_html,
)

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
        theme_count=issue.theme_count,
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


def top_level_files(latest: PastIssue, settings: Settings) -> dict[str, bytes]:
    """The files at the top of the output folder, always the newest issue's (`latest`):
    rebuilding an older week rewrites that week's page and the archive, never these."""
    message = message_of(latest, settings, settings.mail_to, latest.date)
    return {
        "digest.md": latest.page_markdown,
        "digest.json": latest.data,
        "email.html": latest.email_html.encode("utf-8"),
        "email.txt": latest.email_text.encode("utf-8"),
        "email.eml": message_bytes(message),
    }


def message_of(
    record: PastIssue,
    settings: Settings,
    recipients: Sequence[str],
    date: dt.date | dt.datetime,
) -> EmailMessage:
    """The email message of a recorded issue."""
    return build_message(
        subject=subject_of(record),
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


def subject_of(record: IssueHead) -> str:
    return f"{record.title} — {record.week}"


def _overview(issue: Issue) -> str:
    noun = "paper" if issue.paper_count == 1 else "papers"
    text = f"{issue.paper_count} new {noun}"
    if issue.theme_count:
        labels = ", ".join(s.label for s in issue.sections)
        themes = "theme" if issue.theme_count == 1 else "themes"
        text += f" in {issue.theme_count} {themes}: {labels}"
    text += "."
    if issue.updated:
        text += f" {len(issue.updated)} updated."
    return text
