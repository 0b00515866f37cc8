"""The orchestrator of a build: runs the stages in order and wires their records together.

This is the only module that wires the stages of a build (`deliveries.py` does the same for
`digest send` and `digest post`); each stage only knows the models. Nothing here reads the
clock or the environment: the CLI passes the date and the settings in.

A weekly build:
    load -> plan (what is new since the history's last issue) -> summarize -> group
         -> assemble the Issue -> render its renditions -> the archive from the history
         -> record in history + write atomically
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from digest import forking
from digest.config import Settings
from digest.cycles import collector_paused
from digest.errors import InputError, OutputError
from digest.history import ArchiveEntry, History, IssueHead, Member, PastIssue, open_history
from digest.loading import load_papers
from digest.models import Corpus, Entry, Issue, NamedTheme, Paper, Section, Summary, Theme, iso_week
from digest.named_themes import assign_named_themes, without_papers
from digest.output import as_written, discard, finish_moves, in_place, put_in_place, stage_files
from digest.planning import Plan, plan_issue
from digest.rendering import BUILD_TEMPLATES, Context, issue_context
from digest.renditions import RENDER_STEPS, check_mail_settings, record_of, top_level_files
from digest.summarizing import DEFAULT_METHOD, METHODS, summarize_papers
from digest.templating import compile_templates, make_environment

if TYPE_CHECKING:
    import jinja2

# Our summarizer first, then the plain sumy ones (and lead-1) it is measured against.
SUMMARY_METHODS = tuple(sorted(METHODS, key=lambda m: (m != DEFAULT_METHOD, m)))


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    plan: Plan | None  # None: nothing new, no issue built
    issue: Issue | None
    written: tuple[Path, ...]
    latest: IssueHead | None = None


def load_corpus(
    paths: Sequence[Path],
    on_progress: Callable[[int, int], None] | None = None,
    *,
    out_dir: Path | None = None,
    history: Path | None = None,
    config: Path | None = None,
) -> Corpus:
    """Every paper under `paths`; `on_progress(done, total)` is told the bytes read. The
    build's `out_dir`, `history` and `config` (the settings file), and any file named
    digest.toml, are never read as input, even inside `paths`."""
    return load_papers(paths, on_progress, out_dir=out_dir, history=history, config=config)


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
    return themes_of(papers, lambda: _names(summaries), n_themes, named, on_progress)


def themes_of(
    papers: Sequence[Paper],
    names: Callable[[], Mapping[str, str]],
    n_themes: int | None,
    named: Sequence[NamedTheme] = (),
    on_progress: Callable[[int], None] | None = None,
) -> tuple[Theme, ...]:
    """`group_papers`, with the papers' names (id -> headline) asked for only when a group of
    one paper is labelled with its name: a forked worker finds and labels the groups while the
    names are still being made (see `make_issue`)."""
    # Imported here: in a build of many papers only the forked worker groups them.
    from digest.grouping import find_groups, name_groups, papers_when_alone

    named_themes, rest = assign_named_themes(papers, named)
    if not rest:
        if on_progress is not None:
            on_progress(len(papers))
        return named_themes
    found = find_groups(papers, n_themes, on_progress)
    automatic = name_groups(found, names)
    if not named_themes:
        return papers_when_alone(automatic)
    taken = {pid for theme in named_themes for pid in theme.paper_ids}
    return named_themes + without_papers(automatic, taken)


def _names(summaries: Iterable[Summary]) -> dict[str, str]:
    return {s.paper_id: s.headline for s in summaries}


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


# From this many new papers on, a forked worker groups and labels them while this process
# summarizes them (the two stages are independent but for the label of a one-paper group, which
# is its headline). Below it, forking costs more than it saves.
GROUP_ASIDE_MIN_PAPERS = 100


def make_issue(
    corpus: Corpus,
    plan: Plan,
    settings: Settings,
    progress: Progress = SILENT,
    method: str = DEFAULT_METHOD,
    meanwhile: Callable[[], object] | None = None,
) -> Issue:
    """Summarize (with the summarizer `method` names) and group the planned papers.

    With enough papers (and where it can fork) a forked worker groups them while this process
    summarizes them and then runs `meanwhile()` (work the caller would do next anyway); the
    themes are the same either way."""
    papers = plan.new + plan.updated
    n = len(plan.new)
    if not forking.CAN_FORK or n < GROUP_ASIDE_MIN_PAPERS:
        summaries = summarize_with_progress(papers, progress, method)
        progress.stage("group", n)
        themes = group_papers(
            plan.new, summaries, settings.themes, settings.named_themes, progress.advance
        )
        return assemble_issue(plan, summaries, themes, corpus, settings)

    def group(receive_names: Callable[[], Mapping[str, str]]) -> tuple[Theme, ...]:
        return themes_of(plan.new, receive_names, settings.themes, settings.named_themes)

    with forking.forked_call(group) as grouping:
        summaries = summarize_with_progress(papers, progress, method)
        grouping.send(_names(summaries))
        progress.stage("group", n)
        if meanwhile is not None:
            meanwhile()
        themes = grouping.result()
        progress.advance(n)
    return assemble_issue(plan, summaries, themes, corpus, settings)


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


def check_before_building(settings: Settings, out_dir: Path) -> jinja2.Environment:
    """The template environment, once the templates folder, the email's headers and the
    output folder are checked: before any work, so that a typo in --templates, a title that
    would forge a header or an --out that names a file fails fast (and a dry run too)."""
    env = make_environment(settings.templates)
    check_mail_settings(settings)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: not a folder; pass --out a folder to write the issue into")
    return env


def preview_issue(
    corpus: Corpus,
    state: Path,
    date: dt.date,
    settings: Settings,
    out_dir: Path,
    *,
    method: str = DEFAULT_METHOD,
) -> tuple[Plan | None, Issue | None]:
    """What the next issue would hold; reads the history, writes nothing (--dry-run).

    It checks first what a build checks before any work (and compiles the templates, which a
    build does while grouping), so that a dry run that passes is not followed by a build that
    fails on them."""
    env = check_before_building(settings, out_dir)
    compile_templates(env, BUILD_TEMPLATES)
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
    env = check_before_building(settings, out_dir)
    with open_history(settings.state) as history:
        _finish_pending_outputs(history)
        past = history.heads()
        plan = plan_issue(corpus, history, date, past)
        hashes = [f.sha256 for f in corpus.files if f.sha256]
        if plan is None:
            with history.transaction():
                history.record_files(hashes, None)
            return BuildResult(corpus, None, None, (), latest=past[0] if past else None)
        reported = _reported_before(corpus, history.files(), plan.number if plan.rebuild else None)
        issue = make_issue(
            _without_reported(corpus, reported),
            plan,
            settings,
            progress,
            method,
            meanwhile=lambda: _prepare_rendering(env),
        )
        papers = issue.paper_count
        progress.stage("render", RENDER_STEPS, papers)
        with collector_paused():
            context = issue_context(issue)
            record = record_of(issue, env, settings, progress.advance, context)
            archive = _archive_files(history, record, context, out_dir, env, settings)
            progress.advance(1)
            members = [Member(p, "new") for p in plan.new] + [
                Member(p, "updated") for p in plan.updated
            ]
            # Two steps: the files beside their targets with the history's copy of the issue,
            # then the files into place.
            progress.stage("write", 2, papers)
            staged = stage_files(out_dir, archive.files)
            try:
                with history.transaction():
                    history.record_issue(record, members)
                    for entry in archive.entries_made:
                        history.record_archive_entry(entry)
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
            history.clear_pending_outputs(as_written(out_dir, archive.page_recipes))
            progress.advance(1)
    return BuildResult(
        corpus=corpus, plan=plan, issue=issue, written=tuple(written), latest=archive.latest
    )


def _prepare_rendering(env: jinja2.Environment) -> None:
    """What rendering an issue needs, done while a worker is still grouping: the archive's
    modules imported, every template compiled."""
    import digest.site  # noqa: F401 (imported now, used by _archive_files)

    compile_templates(env, BUILD_TEMPLATES)


@dataclass(frozen=True)
class _Archive:
    files: dict[str, bytes]  # every output file to write, by its path in the output folder
    entries_made: tuple[ArchiveEntry, ...]  # for the history: the new issue's, and older ones'
    page_recipes: dict[str, str]  # the issue pages among `files`, with their recipes
    latest: IssueHead


def _archive_files(
    history: History,
    record: PastIssue,
    context: Context,
    out_dir: Path,
    env: jinja2.Environment,
    settings: Settings,
) -> _Archive:
    """The outputs of a build: the latest issue's files at the top, and the archive, whose
    pages already in place as they would be written are left alone.

    Each issue's archive entry is read from the history; an issue an older digest recorded
    has none, and gets it now (once: it is recorded with the new issue)."""
    # Imported here: feedgen (and lxml) need not load before the stages start (see
    # _prepare_rendering).
    from digest.site import archive_entry, issue_pages, site_files

    entries = [archive_entry(record, context)]
    made = list(entries)
    for head, entry in history.archive():
        if head.number == record.number:
            continue
        if entry is None:
            past = history.issue(head.number)
            entry = archive_entry(past, json.loads(past.data))
            made.append(entry)
        entries.append(entry)
    entries.sort(key=lambda e: e.head.number, reverse=True)
    latest = entries[0].head
    files = top_level_files(
        record if latest.number == record.number else history.issue(latest.number), settings
    )
    pages = issue_pages(entries, env, settings)
    recipes = {path: recipe for page in pages for path, recipe in page.recipes.items()}
    fresh = in_place(out_dir, recipes, history.written())
    files.update(site_files(record, context, entries, pages, fresh, history, env, settings))
    written = {path: recipe for path, recipe in recipes.items() if path not in fresh}
    return _Archive(files, tuple(made), written, latest)


def _finish_pending_outputs(history: History) -> None:
    """Move into place the outputs of an issue whose run was stopped after recording it."""
    pending = history.pending_outputs()
    if pending:
        finish_moves((Path(temp), Path(target)) for temp, target in pending)
        history.clear_pending_outputs()
