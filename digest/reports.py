"""What the commands print: pure functions from records to lines of text.

The CLI echoes these lines (to stdout or stderr, as each command's help says); nothing here
knows click or the terminal, so every message can be read, and tested, as plain text.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.config import Settings
from digest.models import Corpus, Issue, Skipped, Theme

if TYPE_CHECKING:
    from digest.history import IssueHead, PastIssue
    from digest.pipeline import BuildResult
    from digest.planning import Plan
    from digest.sending import Delivery


def count(n: int, noun: str) -> str:
    """'1 paper', '2 papers': every count a message prints agrees with its noun."""
    return f"{n} {plural(n, noun)}"


def _in_themes(issue: Issue) -> str:
    """' in 3 themes', or nothing when the issue's papers share no theme."""
    return f" in {count(issue.theme_count, 'theme')}" if issue.theme_count else ""


def plural(n: int, noun: str) -> str:
    return noun if n == 1 else noun + "s"


def skipped_count(skipped: Sequence[Skipped]) -> int:
    """How many records (or files) were skipped: one Skipped may count many records."""
    return sum(item.count for item in skipped)


def corpus_report(corpus: Corpus, quiet: bool, reported: frozenset[str] = frozenset()) -> list[str]:
    """One line of totals, then a warning per skipped item (warnings show even with --quiet)
    and a note per notice (a replacement announced without its abstract; not with --quiet).

    The items of files in `reported` (read unchanged by an earlier build, which showed
    them) are counted in one note instead. For stderr."""
    lines = []
    records = sum(f.records for f in corpus.files)
    if not quiet:
        lines.append(
            f"Loaded {count(len(corpus.papers), 'paper')} from "
            f"{count(len(corpus.files), 'file')} "
            f"({count(records, 'record')}, {len(corpus.merges)} merged as duplicates, "
            f"{skipped_count(corpus.skipped)} skipped)."
        )
    for report in corpus.files:
        if report.encoding.lower() not in ("utf-8", "utf-8-sig"):
            lines.append(f"note: {report.path}: read as {report.encoding}")
    again = [item for item in corpus.skipped if item.path in reported]
    for item, same in _by_reason(item for item in corpus.skipped if item.path not in reported):
        if item.notice and quiet:
            continue
        kind = "note" if item.notice else "warning"
        if len(same) == 1:
            lines.append(f"{kind}: {item}")
            continue
        where = lines_listed([s.line for s in same if s.line is not None])
        lines.append(
            f"{kind}: {item.path}: {item.reason} ({len(same)} times: {where}; "
            "digest load lists each)"
        )
    if again and not quiet:
        files = len({item.path for item in again})
        lines.append(
            f"note: {len(again)} skipped in {files} unchanged "
            f"{plural(files, 'file')} already reported by an earlier build "
            "(digest load lists them)"
        )
    return lines


# A file's items of one reason past this many are said in one line: a saved web page's 40
# blocks of text outside any paper would otherwise bury the line that matters.
_SAME_REASON_SHOWN = 3
# How many line numbers a line about many skips lists.
_LINES_SHOWN = 8


def lines_listed(lines: Sequence[int]) -> str:
    """The first line numbers of many, and how many more: 'lines 5, 22, 24 and 3 more'.

    Each line is named once: an API's answer saved on one line holds all its records there."""
    lines = list(dict.fromkeys(lines))
    listed = ", ".join(map(str, lines[:_LINES_SHOWN]))
    if len(lines) > _LINES_SHOWN:
        listed += f" and {len(lines) - _LINES_SHOWN} more"
    return f"{plural(len(lines), 'line')} {listed}"


def _by_reason(items: Iterable[Skipped]) -> list[tuple[Skipped, list[Skipped]]]:
    """Each skipped item in order, with the others of its file and reason where a file has
    more than `_SAME_REASON_SHOWN` of that reason (said once, at the first of them), else with
    itself alone."""
    listed = list(items)
    groups: dict[tuple[str, str, bool], list[Skipped]] = {}
    for item in listed:
        groups.setdefault((item.path, item.reason, item.notice), []).append(item)
    # Which groups are said once is settled per group, not again for each of its items: a
    # file of 10,000 skips of one reason took 15 s.
    said_once = {
        key
        for key, same in groups.items()
        if len(same) > _SAME_REASON_SHOWN and all(s.line is not None for s in same)
    }
    shown: list[tuple[Skipped, list[Skipped]]] = []
    for item in listed:
        key = (item.path, item.reason, item.notice)
        if key not in said_once:
            shown.append((item, [item]))
        elif item is groups[key][0]:
            shown.append((item, groups[key]))
    return shown


def unmatched_themes(settings: Settings, found: set[str]) -> list[str]:
    """A theme named in digest.toml that no paper matched is said, not silently dropped.
    For stderr."""
    where = settings.source or "digest.toml"
    return [
        f"note: {where}: theme {named.label!r} matched no paper "
        f"(keywords: {', '.join(named.keywords)}); check its keywords"
        for named in settings.named_themes
        if named.label not in found
    ]


def preview_lines(plan: Plan | None, issue: Issue | None) -> list[str]:
    """What `digest build --dry-run` says the next issue would hold."""
    if plan is None or issue is None:
        return ["Dry run: nothing new; no issue would be built."]
    verb = "would be rebuilt" if plan.rebuild else "would be built"
    lines = [
        f"Dry run: issue {issue.number} ({issue.week}) {verb} with {issue.paper_count} new "
        f"{plural(issue.paper_count, 'paper')}{_in_themes(issue)} and "
        f"{len(issue.updated)} updated; nothing written."
    ]
    for section in issue.sections:
        lines.append(f"  {section.label} ({len(section.entries)})")
        for entry in section.entries:
            lines.append(f"    {entry.paper.id}: {entry.summary.headline}")
    if issue.updated:
        lines.append(f"  Updated ({len(issue.updated)})")
        for entry in issue.updated:
            lines.append(f"    {entry.paper.id} v{entry.paper.arxiv_version}")
    return lines


def build_lines(result: BuildResult, out: Path, quiet: bool) -> list[str]:
    """What `digest build` says it wrote (or why it wrote nothing). For stdout."""
    issue, latest = result.issue, result.latest
    if issue is None:
        since = f" since issue {latest.number} ({latest.week})" if latest else ""
        return [f"Nothing new{since}: no issue built, {out} left as it was."]
    lines = []
    if not quiet:
        again = " (rebuilt)" if result.plan and result.plan.rebuild else ""
        updated = f", {len(issue.updated)} updated" if issue.updated else ""
        lines.append(
            f"Wrote {count(len(result.written), 'file')} to {out}: issue {issue.number}{again}, "
            f"{issue.week}, {issue.paper_count} new {plural(issue.paper_count, 'paper')}"
            f"{_in_themes(issue)}{updated}."
        )
    if latest is not None and latest.number != issue.number:
        # An older week: its page and the archive were written, the latest outputs kept.
        lines.append(
            f"Issue {issue.number} is an older week: {out}/issues/{issue.week}.html "
            f"and the archive are up to date; digest.md, digest.json and email.* still hold "
            f"the latest issue, {latest.number} ({latest.week})."
        )
    return lines


def issue_table(past: Sequence[IssueHead]) -> list[str]:
    """`digest issues`: one line an issue, under a header."""
    lines = ["issue  week      date        papers  themes"]
    for p in past:
        lines.append(
            f"{p.number:>5}  {p.week}  {p.date.isoformat()}  {p.paper_count:>6}  {p.theme_count:>6}"
        )
    return lines


def theme_lines(groups: Sequence[Theme], headlines: dict[str, str]) -> list[str]:
    """`digest themes` as text: each theme's label, size and keywords, then its papers."""
    lines = []
    for i, theme in enumerate(groups):
        keywords = f": {', '.join(theme.keywords)}" if theme.keywords else ""
        lines.append(
            ("\n" if i else "")
            + f"{theme.label} ({count(len(theme.paper_ids), 'paper')}){keywords}"
        )
        for pid in theme.paper_ids:
            lines.append(f"  - {headlines[pid]} ({pid})")
    return lines


def delivery_lines(issue: PastIssue, delivery: Delivery) -> tuple[list[str], list[str]]:
    """What `digest send` says after the server answered: (stdout lines, stderr lines)."""
    out: list[str] = []
    err = [
        f"refused: {recipient}: {reply}" for recipient, reply in sorted(delivery.refused.items())
    ]
    which = f"issue {issue.number} ({issue.week})"
    if delivery.unconfirmed:
        err.append(
            f"warning: {delivery.unknown}: {which} may have been delivered to "
            f"{', '.join(delivery.unconfirmed)}; ask them before sending it again with "
            "--resend, which may deliver it twice"
        )
    else:
        total = len(delivery.accepted) + len(delivery.refused)
        out.append(f"Sent {which} to {len(delivery.accepted)} of {total} recipients.")
    if delivery.refused:
        retry = " ".join(f"--to {shlex.quote(r)}" for r in sorted(delivery.refused))
        err.append(
            f"To send it to the refused {plural(len(delivery.refused), 'recipient')} only, once "
            f"fixed: digest send --issue {issue.number} {retry} (and the same server options)"
        )
    return out, err


def load_lines(corpus: Corpus) -> list[str]:
    """`digest load` as text: per file, its format and totals, then what happened to each
    record that is not simply a paper (merged, skipped), in line order; then the totals."""
    from digest.loading import account_by_file

    accounts, elsewhere = account_by_file(corpus)
    papers = {p.id: p for p in corpus.papers}
    lines = []
    for account in accounts:
        report = account.report
        encoding = "" if report.encoding == "utf-8" else f", read as {report.encoding}"
        lines.append(
            f"{report.path}: {report.format}{encoding}, {count(report.records, 'record')}: "
            f"{count(account.papers, 'paper')}, "
            f"{len(account.merges)} merged as duplicates; "
            f"{skipped_count(account.skipped)} skipped"
        )
        events: list[tuple[int, str]] = []
        for m in account.merges:
            kept = papers[m.kept_id]
            newest = (
                f"; v{kept.arxiv_version} kept"
                if m.rule == "arxiv id" and kept.arxiv_version
                else ""
            )
            first = kept.sources[0]
            events.append(
                (
                    m.source.line,
                    f"line {m.source.line}: same {m.rule} as {m.kept_id} (first at {first})"
                    f"{newest}",
                )
            )
        for item in account.skipped:
            where = "whole file" if item.line is None else f"line {item.line}"
            quoted = f" ({item.excerpt!r})" if item.excerpt else ""
            events.append((item.line or 0, f"{where}: skipped, {item.reason}{quoted}"))
        for _, text in sorted(events, key=lambda event: event[0]):
            lines.append(f"  {text}")
    for item in elsewhere:
        lines.append(f"{item.path}: skipped, {item.reason}")
    records = sum(report.records for report in corpus.files)
    lines.append(
        f"{count(len(corpus.papers), 'paper')} from {count(len(corpus.files), 'file')} "
        f"({count(records, 'record')}, "
        f"{len(corpus.merges)} merged as duplicates, {skipped_count(corpus.skipped)} skipped)"
    )
    return lines


def load_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """`digest load --format jsonl`: one object per file, paper, merge and skipped item."""
    from digest.loading import account_by_file

    accounts, _ = account_by_file(corpus)
    rows: list[dict[str, Any]] = []
    for account in accounts:
        report = account.report
        rows.append(
            {
                "kind": "file",
                "path": report.path,
                "format": report.format,
                "encoding": report.encoding,
                "records": report.records,
                "papers": account.papers,
                "merged": len(account.merges),
                "skipped": skipped_count(account.skipped),
            }
        )
    for p in corpus.papers:
        rows.append(
            {
                "kind": "paper",
                "id": p.id,
                "arxiv_id": p.arxiv_id,
                "arxiv_version": p.arxiv_version,
                "doi": p.doi,
                "title": p.title,
                "authors": list(p.authors),
                "url": p.url,
                "date": p.date,
                "pmid": p.pmid,
                "venue": p.venue,
                "keywords": list(p.keywords),
                "link": p.link,
                "search_link": p.search_link,
                "abstract": p.abstract,
                "metadata": [list(pair) for pair in p.metadata],
                "sources": [str(s) for s in p.sources],
            }
        )
    for m in corpus.merges:
        rows.append({"kind": "merge", "source": str(m.source), "into": m.kept_id, "rule": m.rule})
    for item in corpus.skipped:
        rows.append(
            {
                "kind": "skipped",
                "path": item.path,
                "line": item.line,
                "reason": item.reason,
                "excerpt": item.excerpt,
                "notice": item.notice,
            }
        )
    return rows
