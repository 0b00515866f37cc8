"""The command line: thin click commands over the pipeline (`pipeline.py` for a build,
`deliveries.py` for send and post, `selection.py` for show and issues); what they print is
made in `reports.py`.

Only this module knows about click, the clock, the working directory and the terminal. A mistake
on the command line is refused by click while it reads the options (usage message, exit code 2).
Errors a user can fix (DigestError) become a one-line message and exit code 1; anything else is
a bug and keeps its traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from digest import __version__, reports
from digest.config import (
    CHAT_PLATFORMS,
    ChatSource,
    Settings,
    check_site_url,
    find_config,
    load_settings,
)
from digest.errors import DigestError, InputError
from digest.models import Corpus

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
PathArg = click.Path(path_type=Path)


@contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except DigestError as err:
        raise click.ClickException(str(err)) from err


def _paths_argument(default: Sequence[str] | None) -> Callable[[F], F]:
    if default is None:
        return click.argument("paths", nargs=-1, required=True, type=PathArg)
    return click.argument("paths", nargs=-1, type=PathArg)


def _config_option(f: F) -> F:
    return click.option(
        "--config",
        type=PathArg,
        default=None,
        help="Settings file (default: digest.toml in the working directory, if present).",
    )(f)


def _themes_option(f: F) -> F:
    return click.option(
        "--themes",
        "themes",
        type=click.IntRange(min=1),
        default=None,
        help="Number of automatic themes to group papers into (default: chosen from the "
        'papers, those that fit none going to an "Other" theme); themes named in digest.toml '
        "come on top.",
    )(f)


def _check_method(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--method is checked while the command line is read, so a typo is a usage error (exit 2)."""
    from digest.pipeline import check_summary_method

    if value is None:
        return None
    try:
        return check_summary_method(value)
    except DigestError as err:
        raise click.BadParameter(str(err), ctx, param) from None


def _check_site_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--site-url is checked while the command line is read: a bad one is a usage error."""
    if not value:
        return None
    try:
        return check_site_url(value)
    except DigestError as err:
        raise click.BadParameter(str(err), ctx, param) from None


def _method_option(f: F) -> F:
    return click.option(
        "--method",
        default=None,
        metavar="NAME",
        callback=_check_method,
        help="Summarizer: contribution (the default: ours, a sumy summarizer with learned "
        "weights), or for comparison edmundson, lexrank, lsa, luhn, textrank (sumy's own) "
        "or lead (the first sentence).",
    )(f)


def _format_option(
    choices: Sequence[str],
    default: str,
    help: str = "Output format: human-readable text or one JSON object per line.",
) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help=help,
    )


def _say(lines: Sequence[str], *, err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def _settings(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(find_config(config, Path())).with_overrides(**overrides)


class _Reporter:
    """Progress on stderr: a bar for long stages (only on a terminal, never with --quiet) and,
    with --verbose, the time each stage took. Implements pipeline.Progress."""

    # Stages with fewer items than this finish in about a second: no bar.
    BAR_THRESHOLD = 1_000
    # Loading reads about 15 MB of abstracts a second.
    BAR_THRESHOLD_BYTES = 15_000_000

    def __init__(self, *, bar: bool, verbose: bool) -> None:
        self._bar_enabled = bar
        self._verbose = verbose
        self._name: str | None = None
        self._started = 0.0
        self._count = 0
        self._bar: Any = None
        self.timings: list[tuple[str, float, int]] = []

    def stage(self, name: str, total: int = 0, papers: int | None = None) -> None:
        self.finish()
        size = total if papers is None else papers
        self._name, self._started, self._count = name, time.perf_counter(), size
        if self._bar_enabled and total > 0 and size >= self.BAR_THRESHOLD:
            self._bar = click.progressbar(length=total, label=f"{name:>9}", file=sys.stderr)
            self._bar.__enter__()

    def advance(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(done)

    def bytes_read(self, done: int, total: int) -> None:
        """Loading's progress: a bar by bytes for a large input, in the current stage."""
        if self._bar is None and done == 0 and self._bar_enabled:
            if total >= self.BAR_THRESHOLD_BYTES:
                self._bar = click.progressbar(
                    length=total, label=f"{self._name:>9}", file=sys.stderr
                )
                self._bar.__enter__()
        elif self._bar is not None:
            self._bar.update(done - self._bar.pos)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
        if self._name is not None:
            seconds = time.perf_counter() - self._started
            self.timings.append((self._name, seconds, self._count))
            if self._verbose:
                rate = f", {self._count / seconds:,.0f}/s" if self._count and seconds > 0 else ""
                click.echo(f"  {self._name:<9} {seconds:7.2f} s{rate}", err=True)
            self._name = None


def _check_strict(corpus: Corpus, strict: bool, reported: frozenset[str] = frozenset()) -> None:
    """With --strict, fail on the problems of new or changed files (not of files an
    earlier build read unchanged: they were allowed then)."""
    problems = [item for item in corpus.skipped if not item.notice and item.path not in reported]
    if strict and problems:
        n = len(problems)
        raise InputError(
            f"--strict: {n} input {'problem' if n == 1 else 'problems'} (listed above); "
            "fix the files or run without --strict"
        )


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="digest")
def main() -> None:
    """Turn a week of collected paper abstracts into a newsletter.

    \b
    Example:
        digest build seeds --out out
    """


def _state_option(f: F) -> F:
    return click.option(
        "--state",
        type=PathArg,
        default=None,
        help="History database of past issues (default: .digest/history.sqlite3).",
    )(f)


def _issue_option(verb: str) -> Callable[[F], F]:
    return click.option(
        "--issue",
        "number",
        type=click.IntRange(min=1),
        default=None,
        help=f"Number of the issue to {verb} (default: the latest).",
    )


@main.command(context_settings=CONTEXT)
@_paths_argument(default=("seeds",))
@click.option(
    "--out",
    type=PathArg,
    default=Path("out"),
    show_default=True,
    help="Folder to write the issue into.",
)
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date of the issue, YYYY-MM-DD; picks its ISO week (default: today).",
)
@_config_option
@_state_option
@click.option("--title", default=None, help="Newsletter title (overrides the config).")
@click.option(
    "--site-url",
    default=None,
    callback=_check_site_url,
    help="Absolute URL the output folder is published at, for feed and archive links.",
)
@click.option(
    "--templates",
    type=PathArg,
    default=None,
    help="Folder of your templates, searched before the shipped ones.",
)
@_themes_option
@click.option(
    "--feed-issues",
    type=click.IntRange(min=1),
    default=None,
    help="How many of the latest issues the feeds keep (default: 20).",
)
@click.option(
    "--feed-papers",
    type=click.IntRange(min=1),
    default=None,
    help="How many of the latest papers the per-paper feeds keep (default: 100).",
)
@click.option("--dry-run", is_flag=True, help="Show what the next issue would hold; write nothing.")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail, writing nothing, when a new or changed input file has a problem "
    "(notices, such as an export's records without an abstract, pass).",
)
@_method_option
@click.option("-q", "--quiet", is_flag=True, help="Print warnings and errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Print the time each stage took.")
def build(
    paths: tuple[Path, ...],
    out: Path,
    date: dt.datetime | None,
    config: Path | None,
    state: Path | None,
    title: str | None,
    site_url: str | None,
    templates: Path | None,
    themes: int | None,
    feed_issues: int | None,
    feed_papers: int | None,
    dry_run: bool,
    strict: bool,
    method: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build this week's issue from PATHS (files or folders; default: seeds).

    The issue holds the papers no earlier issue announced (the history is kept in --state),
    plus new arXiv versions of announced ones. Building the same week again rebuilds the same
    issue. Writes digest.md, digest.json, email.html, email.txt, email.eml, the feeds
    (feed.xml, atom.xml, feed.json; papers/ and themes/ too), index.html, search.html,
    search-data.js and issues/ into --out, replacing each file atomically.

    \b
    Example:
        digest build seeds --out out --date 2026-11-16
    """
    from digest import pipeline
    from digest.rendering import PLACEHOLDER_SITE_URL

    with _user_errors():
        settings = _settings(
            config,
            title=title,
            site_url=site_url,
            templates=templates,
            themes=themes,
            state=state,
            feed_issues=feed_issues,
            feed_papers=feed_papers,
        )
        method = pipeline.check_summary_method(method)
        issue_date = date.date() if date else dt.date.today()
        reporter = _Reporter(bar=sys.stderr.isatty() and not quiet, verbose=verbose)
        reporter.stage("load")
        corpus = pipeline.load_corpus(
            paths or (Path("seeds"),),
            reporter.bytes_read,
            out_dir=out,
            history=settings.state,
            config=settings.source,
        )
        reporter.finish()
        reported = pipeline.files_reported_before(corpus, settings.state, issue_date)
        _say(reports.corpus_report(corpus, quiet, reported), err=True)
        _check_strict(corpus, strict, reported)
        if dry_run:
            plan, preview = pipeline.preview_issue(
                corpus, settings.state, issue_date, settings, out, method=method
            )
            _say(reports.preview_lines(plan, preview))
            if preview is not None:
                found = {s.label for s in preview.sections}
                _say(reports.unmatched_themes(settings, found), err=True)
            return
        result = pipeline.build_from_corpus(
            corpus, out, issue_date, settings, reporter, method=method
        )
        reporter.finish()
        if verbose:
            total = sum(seconds for _, seconds, _ in reporter.timings)
            click.echo(f"  {'total':<9} {total:7.2f} s", err=True)
    if result.issue is not None:
        if settings.site_url is None and not quiet:
            click.echo(
                f"note: no site_url set; feed links use {PLACEHOLDER_SITE_URL} "
                "(set site_url in digest.toml or pass --site-url)",
                err=True,
            )
        found = {s.label for s in result.issue.sections}
        _say(reports.unmatched_themes(settings, found), err=True)
    _say(reports.build_lines(result, out, quiet))


@main.command(context_settings=CONTEXT)
@_issue_option("send")
@_config_option
@_state_option
@click.option("--to", "to", multiple=True, help="Recipient (repeatable; default: mail.to).")
@click.option("--from", "sender", default=None, help="Sender (default: mail.from).")
@click.option("--smtp-host", default=None, help="SMTP server (default: smtp.host).")
@click.option(
    "--smtp-port",
    type=click.IntRange(1, 65535),
    default=None,
    help="SMTP port (default: 587 with STARTTLS, 465 with --ssl, 25 with --no-tls).",
)
@click.option(
    "--starttls", is_flag=True, help="Upgrade the connection with STARTTLS (the default)."
)
@click.option("--ssl", "use_ssl", is_flag=True, help="Connect with TLS from the start.")
@click.option(
    "--no-tls",
    is_flag=True,
    help="Send in clear text (only on a trusted network or to localhost).",
)
@click.option(
    "--smtp-user",
    default=None,
    help="Login user (or DIGEST_SMTP_USER; default: smtp.user; empty: no login). The password "
    "is read from DIGEST_SMTP_PASSWORD or --password-file, never from an option.",
)
@click.option(
    "--password-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File whose first line is the SMTP password.",
)
@click.option(
    "--ca-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Certificate authorities to trust for the server's TLS certificate.",
)
@click.option("--dry-run", is_flag=True, help="Print the message instead of sending it.")
@click.option("--resend", is_flag=True, help="Send even to recipients who already got it.")
def send(
    number: int | None,
    config: Path | None,
    state: Path | None,
    to: tuple[str, ...],
    sender: str | None,
    smtp_host: str | None,
    smtp_port: int | None,
    starttls: bool,
    use_ssl: bool,
    no_tls: bool,
    smtp_user: str | None,
    password_file: Path | None,
    ca_file: Path | None,
    dry_run: bool,
    resend: bool,
) -> None:
    """Send the latest issue (or --issue N) by email over SMTP.

    The history records who received each issue; sending the same issue to the same people
    again is refused unless you pass --resend.

    \b
    Example:
        DIGEST_SMTP_PASSWORD=... digest send --smtp-host smtp.example.org --smtp-user me \\
            --to team@example.org --from "Lab digest <digest@example.org>"
    """
    import os

    from digest import deliveries, sending
    from digest.mail import readable_message

    security = _security(starttls=starttls, ssl=use_ssl, none=no_tls)
    if smtp_user is None:
        # Read here, not by click, which takes an empty variable for an unset one: an empty
        # DIGEST_SMTP_USER, like --smtp-user "", means no login whatever smtp.user says.
        smtp_user = os.environ.get("DIGEST_SMTP_USER")
    with _user_errors():
        settings = _settings(
            config,
            state=state,
            mail_from=sender,
            mail_to=tuple(to) or None,
            smtp_host=smtp_host,
            smtp_port=smtp_port,
            smtp_security=security,
            smtp_user=smtp_user,
        )
        server = None
        if not dry_run:
            if not settings.smtp_host:
                raise InputError("no SMTP server: pass --smtp-host or set smtp.host in digest.toml")
            password = os.environ.get("DIGEST_SMTP_PASSWORD")
            if password_file is not None:
                password = _read_password(password_file)
            if settings.smtp_user and password is None:
                raise InputError(
                    "no SMTP password: set DIGEST_SMTP_PASSWORD or pass --password-file"
                )
            server = sending.SmtpServer(
                host=settings.smtp_host,
                port=settings.smtp_port or sending.DEFAULT_PORTS[settings.smtp_security],
                security=settings.smtp_security,
                user=settings.smtp_user or None,
                password=password,
                ca_file=ca_file,
                timeout=sending.TIMEOUT_SECONDS,
            )
        result = deliveries.send_issue(
            state=settings.state,
            number=number,
            settings=settings,
            recipients=settings.mail_to,
            server=server,
            sent_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            resend=resend,
        )
    issue = result.issue
    if result.delivery is None:
        click.echo(readable_message(result.message), nl=False)
        click.echo(f"Dry run: issue {issue.number} ({issue.week}) not sent.", err=True)
        return
    out, err = reports.delivery_lines(issue, result.delivery)
    _say(out)
    _say(err, err=True)
    if result.delivery.refused or result.delivery.unconfirmed:
        raise SystemExit(1)


def _security(**given: bool) -> str | None:
    """The one of --starttls, --ssl and --no-tls given (None: the config's); two are a usage
    error rather than the last one silently winning."""
    chosen = [name for name, on in given.items() if on]
    if len(chosen) > 1:
        flags = {"starttls": "--starttls", "ssl": "--ssl", "none": "--no-tls"}
        raise click.UsageError(
            f"{' and '.join(flags[name] for name in chosen)} contradict each other; pass one"
        )
    return chosen[0] if chosen else None


def _read_password(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read the password file ({err.strerror})") from err
    if not lines or not lines[0]:
        raise InputError(f"{path}: the password file is empty")
    return lines[0]


@main.command(context_settings=CONTEXT)
@_issue_option("post")
@click.option(
    "--to",
    "platform",
    type=click.Choice(CHAT_PLATFORMS),
    required=True,
    help="The chat platform whose incoming webhook receives the post.",
)
@click.option("--theme", default=None, help="Post only the theme with this label.")
@_config_option
@_state_option
@click.option(
    "--site-url",
    default=None,
    callback=_check_site_url,
    help="Where the archive is published, for the link to the issue's page (default: site_url).",
)
@click.option("--dry-run", is_flag=True, help="Print the messages (JSON) instead of posting them.")
@click.option("--resend", is_flag=True, help="Post even if this issue was posted there already.")
def post(
    number: int | None,
    platform: str,
    theme: str | None,
    config: Path | None,
    state: Path | None,
    site_url: str | None,
    dry_run: bool,
    resend: bool,
) -> None:
    """Post the latest issue (or --issue N, or one --theme) to a chat channel's incoming
    webhook: Slack, Discord, Microsoft Teams (a Workflows webhook) or Mattermost.

    The webhook URL is read from DIGEST_<PLATFORM>_WEBHOOK_URL (e.g. DIGEST_SLACK_WEBHOOK_URL),
    or the variable or file that [chat.<platform>] in digest.toml names; never from an option.
    The history records each post: the same issue goes to the same webhook once, unless you
    pass --resend. A post that stopped part way is finished by running the command again.

    \b
    Example:
        digest post --to slack      # with DIGEST_SLACK_WEBHOOK_URL set from your secrets
    """
    from digest import deliveries
    from digest.posting import Pacing, Webhook

    with _user_errors():
        settings = _settings(config, state=state, site_url=site_url)
        source = settings.chat_source(platform)
        webhook = None
        if not dry_run:
            webhook = Webhook(platform, _webhook_url(source), ca_file=source.ca_file)
        result = deliveries.post_issue(
            state=settings.state,
            number=number,
            theme=theme,
            platform=platform,
            settings=settings,
            webhook=webhook,
            pacing=Pacing(sleep=_wait),
            posted_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            resend=resend,
        )
    issue, n = result.issue, len(result.messages)
    what = f"issue {issue.number} ({issue.week})"
    if result.theme:
        what += f", theme {result.theme!r},"
    messages = f"{n} {'message' if n == 1 else 'messages'}"
    if webhook is None:
        for message in result.messages:
            click.echo(json.dumps(message, ensure_ascii=False, indent=2))
        click.echo(f"Dry run: {what} not posted ({messages} for {platform}).", err=True)
        return
    where = f"{webhook.name} ({webhook.host})"
    if result.start:
        click.echo(
            f"Posted the last {n - result.start} of {messages} of {what} to {where}; "
            f"the first {result.start} had gone out before."
        )
    else:
        click.echo(f"Posted {what} to {where} in {messages}.")


def _wait(seconds: float) -> None:
    """How `digest post` waits (between messages, and out rate limits)."""
    time.sleep(seconds)


def _webhook_url(source: ChatSource) -> str:
    """The webhook URL, from the file or the environment variable the settings name."""
    import os

    from digest.posting import check_webhook_url

    if source.file is not None:
        try:
            lines = source.file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) else "not UTF-8 text"
            raise InputError(
                f"{source.file}: cannot read the {source.platform} webhook file ({reason}); "
                f"check chat.{source.platform}.webhook_file in digest.toml"
            ) from err
        return check_webhook_url(lines[0] if lines else "", source.platform, str(source.file))
    value = os.environ.get(source.env_name)
    if value is None:
        raise InputError(
            f"no {source.platform} webhook: set {source.env_name} to its URL, or name a file "
            f"holding it in digest.toml ([chat.{source.platform}] webhook_file = ...)"
        )
    return check_webhook_url(value, source.platform, f"${source.env_name}")


@main.command(context_settings=CONTEXT)
@click.argument("paper_id", required=False)
@click.option(
    "--issue",
    "number",
    type=click.IntRange(min=1),
    default=None,
    help="Number of the issue (default: the latest).",
)
@click.option("--theme", default=None, help="Show only the theme with this label.")
@_format_option(
    ["markdown", "slack", "html", "text"],
    "markdown",
    help="Where it will be pasted: markdown (CommonMark: Notion, Confluence, GitHub), slack "
    "(Slack's mrkdwn), html (a fragment for Google Docs) or text (plain text).",
)
@_config_option
@_state_option
@click.option(
    "--templates",
    type=PathArg,
    default=None,
    help="Folder of your templates, searched before the shipped ones.",
)
def show(
    paper_id: str | None,
    number: int | None,
    theme: str | None,
    fmt: str,
    config: Path | None,
    state: Path | None,
    templates: Path | None,
) -> None:
    """Print an issue, one theme (--theme) or one paper (PAPER_ID), ready to paste.

    PAPER_ID is the paper's id (digest.json lists them), its arXiv id (2110.14168,
    arXiv:2110.14168v2, its abs/ address), its DOI or its PMID; without --issue, the newest
    issue that announced it is searched. Formats: markdown (Notion, Confluence, GitHub), slack
    (Slack's mrkdwn), html (a fragment for Google Docs) and text.

    \b
    Example:
        digest show --theme "Dialogue evaluation" --format slack
        digest show arXiv:2110.14168v2 --format text
    """
    from digest.rendering import render_show
    from digest.selection import select_for_show
    from digest.templating import make_environment

    with _user_errors():
        settings = _settings(config, state=state, templates=templates)
        chosen = select_for_show(settings.state, number, theme, paper_id)
        env = make_environment(settings.templates)
        text = render_show(chosen.heading, chosen.themes, fmt, env, chosen.show_theme_labels)
    click.echo(text, nl=False)


@main.command(context_settings=CONTEXT)
@_config_option
@_state_option
def issues(config: Path | None, state: Path | None) -> None:
    """List past issues, newest first: number, week, date, papers and themes.

    \b
    Example:
        digest issues --state .digest/history.sqlite3
    """
    from digest import selection

    with _user_errors():
        settings = _settings(config, state=state)
        past = selection.list_issues(settings.state)
    if not past:
        click.echo(f"No issues yet in {settings.state}.")
        return
    _say(reports.issue_table(past))


@main.command(context_settings=CONTEXT)
@_paths_argument(default=None)
@_format_option(["text", "jsonl"], "text")
@_method_option
def summarize(paths: tuple[Path, ...], fmt: str, method: str | None) -> None:
    """Print the one-line summary of every paper in PATHS.

    With --format jsonl, one {"id", "headline", "summary"} object per line, keeping the ids
    the input gave.

    \b
    Example:
        digest summarize seeds --format jsonl
    """
    from digest import pipeline

    with _user_errors():
        corpus = pipeline.load_corpus(paths)
        _say(reports.corpus_report(corpus, quiet=True), err=True)
        summaries = pipeline.summarize_corpus(corpus, method)
    for s in summaries:
        if fmt == "jsonl":
            row = {"id": s.paper_id, "headline": s.headline, "summary": s.text}
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{s.paper_id}\t{s.headline}\t{s.text}")


@main.command(context_settings=CONTEXT)
@_paths_argument(default=None)
@_themes_option
@_config_option
@_format_option(["text", "jsonl"], "text")
def themes(paths: tuple[Path, ...], themes: int | None, config: Path | None, fmt: str) -> None:
    """Group the papers in PATHS into themes and print each paper's theme.

    As text, each theme's label, number of papers and keywords, then each paper's headline
    and id. With --format jsonl, one {"id", "theme"} object per line, keeping the ids the
    input gave.

    \b
    Example:
        digest themes seeds --themes 6 --format jsonl
    """
    from digest import pipeline

    with _user_errors():
        settings = _settings(config, themes=themes)
        corpus = pipeline.load_corpus(paths, config=settings.source)
        _say(reports.corpus_report(corpus, quiet=True), err=True)
        summaries = pipeline.summarize_corpus(corpus)
        groups = pipeline.group_corpus(corpus, summaries, settings.themes, settings.named_themes)
    _say(reports.unmatched_themes(settings, {theme.label for theme in groups}), err=True)
    if fmt == "jsonl":
        for theme in groups:
            for pid in theme.paper_ids:
                click.echo(json.dumps({"id": pid, "theme": theme.label}, ensure_ascii=False))
        return
    _say(reports.theme_lines(groups, {s.paper_id: s.headline for s in summaries}))


@main.command(context_settings=CONTEXT)
@_paths_argument(default=None)
@_format_option(["text", "jsonl"], "text")
def load(paths: tuple[Path, ...], fmt: str) -> None:
    """Show what loading PATHS finds: per file, its format, papers, merges and skips.

    Every record is accounted for: a paper, a duplicate merged into one (with the rule that
    matched), or skipped with its line and the reason. With --format jsonl, one object per
    line, each with a "kind": "file", "paper", "merge" or "skipped".

    \b
    Example:
        digest load seeds
    """
    from digest import pipeline

    with _user_errors():
        corpus = pipeline.load_corpus(paths)
    if fmt == "jsonl":
        for row in reports.load_rows(corpus):
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    _say(reports.load_lines(corpus))
