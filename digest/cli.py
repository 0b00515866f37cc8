"""The command line: thin click commands over the pipeline.

Only this module knows about click, the clock, the working directory and the terminal. Errors a
user can fix (DigestError) become a one-line message and exit code 1; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from digest import __version__
from digest.config import Settings, check_site_url, find_config, load_settings
from digest.errors import DigestError, InputError
from digest.models import Corpus, Issue

if TYPE_CHECKING:
    from digest.pipeline import Plan

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
        help="Number of themes to group papers into (default: chosen from the papers).",
    )(f)


def _format_option(choices: Sequence[str], default: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format: human-readable text or one JSON object per line.",
    )


def _settings(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(find_config(config, Path())).with_overrides(**overrides)


def _report_corpus(corpus: Corpus, quiet: bool) -> None:
    """One line of totals, then a warning per skipped item (warnings show even with --quiet)."""
    records = sum(f.records for f in corpus.files)
    if not quiet:
        click.echo(
            f"Loaded {len(corpus.papers)} papers from {len(corpus.files)} files "
            f"({records} records, {len(corpus.merges)} merged as duplicates, "
            f"{len(corpus.skipped)} skipped).",
            err=True,
        )
    for report in corpus.files:
        if report.encoding.lower() not in ("utf-8", "utf-8-sig"):
            click.echo(f"note: {report.path}: read as {report.encoding}", err=True)
    for item in corpus.skipped:
        click.echo(f"warning: {item}", err=True)


def _check_strict(corpus: Corpus, strict: bool) -> None:
    if strict and corpus.skipped:
        n = len(corpus.skipped)
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
@click.option("--dry-run", is_flag=True, help="Show what the next issue would hold; write nothing.")
@click.option("--strict", is_flag=True, help="Fail instead of warning when input is skipped.")
@click.option("-q", "--quiet", is_flag=True, help="Print warnings and errors only.")
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
    dry_run: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Build this week's issue from PATHS (files or folders; default: seeds).

    The issue holds the papers no earlier issue announced (the history is kept in --state),
    plus new arXiv versions of announced ones. Building the same week again rebuilds the same
    issue. Writes digest.md, digest.json, email.html, email.txt, email.eml, feed.xml,
    atom.xml, index.html and issues/ into --out, replacing each file atomically.

    \b
    Example:
        digest build seeds --out out --date 2026-11-16
    """
    from digest import pipeline

    with _user_errors():
        settings = _settings(
            config,
            title=title,
            site_url=check_site_url(site_url) if site_url else None,
            templates=templates,
            themes=themes,
            state=state,
            feed_issues=feed_issues,
        )
        issue_date = date.date() if date else dt.date.today()
        corpus = pipeline.load_corpus(paths or (Path("seeds"),))
        _report_corpus(corpus, quiet)
        _check_strict(corpus, strict)
        if dry_run:
            plan, preview = pipeline.preview_issue(corpus, settings.state, issue_date, settings)
            _print_preview(plan, preview)
            return
        result = pipeline.build_from_corpus(corpus, out, issue_date, settings)
    if result.issue is None:
        since = (
            f" since issue {result.latest.number} ({result.latest.week})" if result.latest else ""
        )
        click.echo(f"Nothing new{since}: no issue built, {out} left as it was.")
        return
    if settings.site_url is None and not quiet:
        click.echo(
            f"note: no site_url set; feed links use {pipeline.PLACEHOLDER_SITE_URL} "
            "(set site_url in digest.toml or pass --site-url)",
            err=True,
        )
    if not quiet:
        issue = result.issue
        again = " (rebuilt)" if result.plan and result.plan.rebuild else ""
        updated = f", {len(issue.updated)} updated" if issue.updated else ""
        click.echo(
            f"Wrote {len(result.written)} files to {out}: issue {issue.number}{again}, "
            f"{issue.week}, {issue.paper_count} new papers in {len(issue.sections)} themes"
            f"{updated}."
        )


def _print_preview(plan: Plan | None, issue: Issue | None) -> None:
    if plan is None or issue is None:
        click.echo("Dry run: nothing new; no issue would be built.")
        return
    verb = "would be rebuilt" if plan.rebuild else "would be built"
    click.echo(
        f"Dry run: issue {issue.number} ({issue.week}) {verb} with {issue.paper_count} new "
        f"papers in {len(issue.sections)} themes and {len(issue.updated)} updated; "
        "nothing written."
    )
    for section in issue.sections:
        click.echo(f"  {section.label} ({len(section.entries)})")
        for entry in section.entries:
            click.echo(f"    {entry.paper.id}: {entry.summary.headline}")
    if issue.updated:
        click.echo(f"  Updated ({len(issue.updated)})")
        for entry in issue.updated:
            click.echo(f"    {entry.paper.id} v{entry.paper.arxiv_version}")


@main.command(context_settings=CONTEXT)
@_config_option
@_state_option
def issues(config: Path | None, state: Path | None) -> None:
    """List past issues, newest first: number, week, date, papers and themes.

    \b
    Example:
        digest issues --state .digest/history.sqlite3
    """
    from digest import pipeline

    with _user_errors():
        settings = _settings(config, state=state)
        past = pipeline.list_issues(settings.state)
    if not past:
        click.echo(f"No issues yet in {settings.state}.")
        return
    click.echo("issue  week      date        papers  themes")
    for p in past:
        click.echo(
            f"{p.number:>5}  {p.week}  {p.date.isoformat()}  {p.paper_count:>6}  {p.theme_count:>6}"
        )


@main.command(context_settings=CONTEXT)
@_paths_argument(default=None)
@_format_option(["text", "jsonl"], "text")
def summarize(paths: tuple[Path, ...], fmt: str) -> None:
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
        _report_corpus(corpus, quiet=True)
        summaries = pipeline.summarize_corpus(corpus)
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

    With --format jsonl, one {"id", "theme"} object per line, keeping the ids the input gave.

    \b
    Example:
        digest themes seeds --themes 6 --format jsonl
    """
    from digest import pipeline

    with _user_errors():
        settings = _settings(config, themes=themes)
        corpus = pipeline.load_corpus(paths)
        _report_corpus(corpus, quiet=True)
        summaries = pipeline.summarize_corpus(corpus)
        groups = pipeline.group_corpus(corpus, summaries, settings.themes, settings.named_themes)
    for theme in groups:
        if fmt == "jsonl":
            for pid in theme.paper_ids:
                click.echo(json.dumps({"id": pid, "theme": theme.label}, ensure_ascii=False))
        else:
            keywords = ", ".join(theme.keywords)
            click.echo(f"{theme.label} ({len(theme.paper_ids)}): {keywords}")
            for pid in theme.paper_ids:
                click.echo(f"  {pid}")


@main.command(context_settings=CONTEXT)
@_paths_argument(default=None)
@_format_option(["text", "jsonl"], "text")
def load(paths: tuple[Path, ...], fmt: str) -> None:
    """Show what loading PATHS finds: per file, its format and records; every merge and skip.

    \b
    Example:
        digest load seeds
    """
    from digest import pipeline

    with _user_errors():
        corpus = pipeline.load_corpus(paths)
    if fmt == "jsonl":
        for p in corpus.papers:
            row = {
                "id": p.id,
                "arxiv_id": p.arxiv_id,
                "title": p.title,
                "abstract": p.abstract,
                "sources": [str(s) for s in p.sources],
            }
            click.echo(json.dumps(row, ensure_ascii=False))
        for item in corpus.skipped:
            click.echo(f"warning: {item}", err=True)
        return
    for report in corpus.files:
        click.echo(f"{report.path}: {report.format}, {report.records} records ({report.encoding})")
    for merge in corpus.merges:
        click.echo(f"merged: {merge.source} is {merge.kept_id} (same {merge.rule})")
    for item in corpus.skipped:
        click.echo(f"skipped: {item}")
    click.echo(
        f"{len(corpus.papers)} papers, {len(corpus.merges)} merged, {len(corpus.skipped)} skipped"
    )
