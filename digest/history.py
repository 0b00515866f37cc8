"""The history of past issues, kept in SQLite so that each week announces only what is new.

- Schema changes are a numbered list of migrations, each applied once and recorded in the
  `migrations` table; a database from an older digest is upgraded in place, one from a newer
  digest is refused.
- One run at a time: an exclusive lock on `<state>.lock` is held for the whole run; a second run
  waits a little, then fails with a message saying so.
- One transaction per issue: `record_issue` writes everything about an issue, together with the
  list of output files (written in full beside their targets) that go into place once it is
  committed; a run killed after the commit leaves that list, and the next run finishes the job
  (`pending_outputs`). A run killed at any point leaves the history as it was before the run, or
  with the whole issue recorded.
- Never started over by accident: a new history is created complete under a temporary name and
  then renamed into place, so an empty (0-byte) or foreign file at the path is never ours and is
  refused, as is a damaged one; a transaction a crashed writer left half done (a hot journal) is
  rolled back by SQLite, which needs write access, so even listings open the file read-write.
- SQLite's errors about the file (damaged, disk full, read-only, I/O) become one-line messages.
- The lock is never held by a forked child: a child's copy of the lock's descriptor is replaced
  by /dev/null as soon as it is forked, so a worker that outlives its parent cannot keep it.

Papers are known by a key that survives re-pasting: the arXiv id when there is one (any
version), else the paper's id.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.errors import DigestError
from digest.models import Paper, Source, WrittenFile


class HistoryError(DigestError):
    """The history database cannot be used (locked, unreadable, from a newer digest)."""


MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "issues and the papers they announced",
        """
        CREATE TABLE issues (
            number INTEGER PRIMARY KEY,
            week TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            title TEXT NOT NULL,
            paper_count INTEGER NOT NULL,
            theme_count INTEGER NOT NULL,
            page_html TEXT NOT NULL,
            page_markdown TEXT NOT NULL,
            feed_html TEXT NOT NULL,
            feed_summary TEXT NOT NULL
        );
        CREATE TABLE papers (
            key TEXT PRIMARY KEY,
            version INTEGER,
            first_issue INTEGER NOT NULL REFERENCES issues(number),
            last_issue INTEGER NOT NULL REFERENCES issues(number)
        );
        CREATE TABLE issue_papers (
            issue INTEGER NOT NULL REFERENCES issues(number),
            key TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('new', 'updated')),
            record TEXT NOT NULL,
            PRIMARY KEY (issue, key)
        );
        """,
    ),
    (
        "the email text and data of each issue, and the sends",
        """
        ALTER TABLE issues ADD COLUMN email_html TEXT NOT NULL DEFAULT '';
        ALTER TABLE issues ADD COLUMN email_text TEXT NOT NULL DEFAULT '';
        ALTER TABLE issues ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
        CREATE TABLE sends (
            issue INTEGER NOT NULL REFERENCES issues(number),
            recipient TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (issue, recipient)
        );
        """,
    ),
    (
        # Nothing to change in the tables: issues recorded from now on keep their page,
        # Markdown and data as UTF-8 BLOBs (written in place, see `record_issue`) where
        # earlier ones hold TEXT; both read back as the same bytes. Recorded so that an older
        # digest, which expects TEXT, refuses this file instead of misreading it.
        "the page, Markdown and data of an issue as UTF-8 bytes",
        "",
    ),
    (
        # `destination` is a fingerprint of the webhook URL, never the URL: the URL is the
        # secret that lets anyone post to the channel (see posting.destination_of).
        # A multi-message post that stopped part way keeps how many messages went out, so
        # that the next run sends only the rest; it counts as delivered only when
        # messages_sent = messages_total.
        "the chat posts of each issue",
        """
        CREATE TABLE posts (
            issue INTEGER NOT NULL REFERENCES issues(number),
            platform TEXT NOT NULL,
            destination TEXT NOT NULL,
            theme TEXT NOT NULL,
            host TEXT NOT NULL,
            payload_hash TEXT NOT NULL,
            messages_sent INTEGER NOT NULL,
            messages_total INTEGER NOT NULL,
            posted_at TEXT NOT NULL,
            PRIMARY KEY (issue, platform, destination, theme)
        );
        """,
    ),
    (
        # A file's warnings are shown once: when its content is new. `first_issue` is the
        # issue whose build first read it (NULL: a build that found nothing new), so that
        # rebuilding that issue reports, and publishes, the same warnings again.
        "the content hash of every input file read",
        """
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY,
            first_issue INTEGER
        );
        """,
    ),
    (
        "sends the server did not confirm, and outputs a recorded issue still has to put in place",
        """
        ALTER TABLE sends ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
        CREATE TABLE pending_outputs (
            temp TEXT PRIMARY KEY,
            target TEXT NOT NULL
        );
        """,
    ),
    (
        # Made once, when an issue is recorded, so that a build reads this instead of every
        # past issue's renditions (none: an issue from an older digest; the next build makes
        # it). A table of its own: small columns after an issue's large ones would be reached
        # only through the pages those fill, and setting them would write the row anew.
        # `written_outputs` says what each archive page written last holds, so that an
        # unchanged page is not written again (see `written`).
        "what the archive needs of each issue, and the archive pages written",
        """
        CREATE TABLE archive_entries (
            issue INTEGER PRIMARY KEY REFERENCES issues(number),
            index_row TEXT NOT NULL,
            search_rows BLOB NOT NULL,
            page_sha256 TEXT NOT NULL,
            markdown_sha256 TEXT NOT NULL
        );
        CREATE TABLE written_outputs (
            target TEXT PRIMARY KEY,
            recipe TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL
        );
        """,
    ),
)

LOCK_WAIT_SECONDS = 10.0
# Keys looked up in one query (SQLite allows at least 999 parameters).
_KEYS_PER_QUERY = 500

# The columns of a PastIssue; as BLOBs, the stored text comes back as its UTF-8 bytes.
_ISSUE_COLUMNS = (
    "number, week, date, title, paper_count, theme_count, CAST(page_html AS BLOB),"
    " CAST(page_markdown AS BLOB), feed_html, feed_summary, email_html, email_text,"
    " CAST(data AS BLOB)"
)


def paper_key(paper: Paper) -> str:
    return paper.arxiv_id or paper.id


@dataclass(frozen=True)
class IssueHead:
    """What the history says of an issue in a listing: a few fields, read at once for all."""

    number: int
    week: str
    date: dt.date
    title: str
    paper_count: int
    theme_count: int


@dataclass(frozen=True)
class PastIssue(IssueHead):
    """An issue as the history keeps it: enough to rebuild its page, feed item and email.

    The three renditions that grow with the issue (its web page, its Markdown and its data)
    are the UTF-8 bytes of the files they become: at 100,000 papers, as text they would take
    two to four times the memory, and be encoded again to be written."""

    page_html: bytes
    page_markdown: bytes
    feed_html: str
    feed_summary: str
    email_html: str = ""
    email_text: str = ""
    data: bytes = b"{}"  # the issue as digest.json has it, for `digest show` and `digest send`


@dataclass(frozen=True)
class ArchiveEntry:
    """What every build's archive needs of an issue, made once when the issue is recorded:
    its row of the index (JSON), its papers' rows of the search data (see
    rendering.search_rows), and the hashes of its page and Markdown."""

    head: IssueHead
    index_row: str
    search_rows: bytes
    page_sha256: str
    markdown_sha256: str


@dataclass(frozen=True)
class Send:
    """One recipient an issue was sent to, and when. Not `confirmed`: the server took the
    message but the connection failed before it said whether it accepted it, so it may or
    may not have been delivered."""

    recipient: str
    sent_at: str
    confirmed: bool = True


@dataclass(frozen=True)
class Post:
    """An issue (or one theme of it: `theme`, else "") posted to a chat destination.

    `destination` fingerprints the webhook URL; `host` is the URL's host, for messages.
    Delivered when every message went out; a post that stopped part way keeps how many did
    and a hash of the payloads, so that a later run can send just the rest of the same ones."""

    issue: int
    platform: str
    destination: str
    theme: str
    host: str
    payload_hash: str
    messages_sent: int
    messages_total: int
    posted_at: str

    @property
    def delivered(self) -> bool:
        return self.messages_sent >= self.messages_total


@dataclass(frozen=True)
class Member:
    """A paper an issue announced, as it was then."""

    paper: Paper
    status: str  # "new" or "updated"


@dataclass(frozen=True)
class Seen:
    """What the history knows of a paper: the newest version shown and the last issue."""

    version: int | None
    first_issue: int
    last_issue: int


class History:
    """An open history database. Use `open_history`, which locks and migrates it."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self.path = path

    def issues(self) -> tuple[PastIssue, ...]:
        """Every past issue, newest first, with all its renditions (see `heads` and `issue`
        for less)."""
        rows = self._conn.execute(
            # As BLOBs, the stored text comes back as its UTF-8 bytes, never decoded.
            f"SELECT {_ISSUE_COLUMNS} FROM issues ORDER BY number DESC"
        ).fetchall()
        return tuple(self._past_issue(r) for r in rows)

    def heads(self) -> tuple[IssueHead, ...]:
        """Every past issue's head, newest first."""
        rows = self._conn.execute(
            "SELECT number, week, date, title, paper_count, theme_count"
            " FROM issues ORDER BY number DESC"
        ).fetchall()
        return tuple(IssueHead(r[0], r[1], self._date(r), *r[3:6]) for r in rows)

    def issue(self, number: int) -> PastIssue:
        """Issue `number` (which the history has), with all its renditions."""
        row = self._conn.execute(
            f"SELECT {_ISSUE_COLUMNS} FROM issues WHERE number = ?", (number,)
        ).fetchone()
        if row is None:
            raise KeyError(number)
        return self._past_issue(row)

    def data(self, number: int) -> bytes:
        """Issue `number`'s data (digest.json's bytes)."""
        row = self._conn.execute(
            "SELECT CAST(data AS BLOB) FROM issues WHERE number = ?", (number,)
        ).fetchone()
        return bytes(row[0])

    def feed_item(self, number: int) -> tuple[str, str]:
        """Issue `number`'s item of the issue feeds: its HTML and its summary."""
        row = self._conn.execute(
            "SELECT feed_html, feed_summary FROM issues WHERE number = ?", (number,)
        ).fetchone()
        return row[0], row[1]

    def pages(self, number: int) -> tuple[bytes, bytes]:
        """Issue `number`'s web page and Markdown."""
        row = self._conn.execute(
            "SELECT CAST(page_html AS BLOB), CAST(page_markdown AS BLOB) FROM issues"
            " WHERE number = ?",
            (number,),
        ).fetchone()
        return bytes(row[0]), bytes(row[1])

    def archive(self) -> tuple[tuple[IssueHead, ArchiveEntry | None], ...]:
        """Every past issue's head and archive entry (None for an issue an older digest
        recorded, until `record_archive_entry`), newest first."""
        rows = self._conn.execute(
            "SELECT number, week, date, title, paper_count, theme_count, index_row,"
            " search_rows, page_sha256, markdown_sha256 FROM issues"
            " LEFT JOIN archive_entries ON archive_entries.issue = issues.number"
            " ORDER BY number DESC"
        ).fetchall()
        found = []
        for r in rows:
            head = IssueHead(r[0], r[1], self._date(r), *r[3:6])
            entry = ArchiveEntry(head, r[6], bytes(r[7]), r[8], r[9]) if r[6] is not None else None
            found.append((head, entry))
        return tuple(found)

    def record_archive_entry(self, entry: ArchiveEntry) -> None:
        """Keep an issue's archive entry. Runs inside the caller's transaction."""
        self._conn.execute(
            "INSERT OR REPLACE INTO archive_entries"
            " (issue, index_row, search_rows, page_sha256, markdown_sha256)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                entry.head.number,
                entry.index_row,
                entry.search_rows,
                entry.page_sha256,
                entry.markdown_sha256,
            ),
        )

    def written(self) -> dict[str, WrittenFile]:
        """Every archive page written since it last changed, by its absolute path."""
        if not self._has_table("written_outputs"):
            return {}  # an older history opened read-only
        rows = self._conn.execute("SELECT target, recipe, size, mtime_ns FROM written_outputs")
        return {target: WrittenFile(recipe, size, mtime) for target, recipe, size, mtime in rows}

    def _record_written(self, files: Iterable[tuple[str, WrittenFile]]) -> None:
        """Remember what each of these files (by absolute path) holds as written now."""
        self._conn.executemany(
            "INSERT INTO written_outputs (target, recipe, size, mtime_ns) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(target) DO UPDATE SET recipe = excluded.recipe,"
            " size = excluded.size, mtime_ns = excluded.mtime_ns",
            ((t, w.recipe, w.size, w.mtime_ns) for t, w in files),
        )

    def _date(self, r: Any) -> dt.date:
        try:
            return dt.date.fromisoformat(r[2])
        except (TypeError, ValueError):
            raise HistoryError(
                f"{self.path}: issue {r[0]} has a damaged date ({r[2]!r}); restore the history "
                "from a backup, or pass a new --state to start a new history"
            ) from None

    def _past_issue(self, r: Any) -> PastIssue:
        return PastIssue(
            number=r[0],
            week=r[1],
            date=self._date(r),
            title=r[3],
            paper_count=r[4],
            theme_count=r[5],
            page_html=r[6],
            page_markdown=r[7],
            feed_html=r[8],
            feed_summary=r[9],
            email_html=r[10],
            email_text=r[11],
            data=r[12],
        )

    def issue_number(self, week: str) -> int | None:
        """The number of the issue of `week`, if it has one."""
        row = self._conn.execute("SELECT number FROM issues WHERE week = ?", (week,)).fetchone()
        return int(row[0]) if row else None

    def seen(self, keys: Iterable[str] | None = None) -> dict[str, Seen]:
        """What the history knows of the papers of `keys` (default: of every paper it has),
        by key; a paper it does not know is left out."""
        query = "SELECT key, version, first_issue, last_issue FROM papers"
        if keys is None:
            rows = self._conn.execute(query).fetchall()
        else:
            # A batch at a time: as many lookups as papers asked for, however many are kept.
            wanted, rows = list(keys), []
            for start in range(0, len(wanted), _KEYS_PER_QUERY):
                batch = wanted[start : start + _KEYS_PER_QUERY]
                marks = ", ".join("?" * len(batch))
                rows += self._conn.execute(f"{query} WHERE key IN ({marks})", batch).fetchall()
        return {key: Seen(version, first, last) for key, version, first, last in rows}

    def members(self, number: int) -> tuple[Member, ...]:
        rows = self._conn.execute(
            "SELECT key, status, record FROM issue_papers WHERE issue = ? ORDER BY key", (number,)
        )
        members = []
        for key, status, record in rows:
            try:
                paper = paper_from_json(record)
            except (TypeError, ValueError, KeyError):
                raise HistoryError(
                    f"{self.path}: the record of paper {key!r} in issue {number} is damaged; "
                    "restore the history from a backup, or pass a new --state to start a new "
                    "history"
                ) from None
            members.append(Member(paper, status))
        return tuple(members)

    def record_issue(self, issue: PastIssue, members: Sequence[Member]) -> None:
        """Record (or re-record, for a rebuilt week) an issue and what it announced; its
        archive entry is recorded apart (`record_archive_entry`), and a re-recorded issue
        loses the one it had.

        Runs inside the caller's transaction (see `transaction`)."""
        self._conn.execute("DELETE FROM issue_papers WHERE issue = ?", (issue.number,))
        self._conn.execute("DELETE FROM archive_entries WHERE issue = ?", (issue.number,))
        self._conn.execute(
            "INSERT INTO issues (number, week, date, title, paper_count, theme_count,"
            " page_html, page_markdown, feed_html, feed_summary, email_html, email_text, data)"
            # The large renditions are written in place below: bound as values, sqlite3 and
            # SQLite would each copy them, and at 100,000 papers they are over 100 MB.
            " VALUES (?, ?, ?, ?, ?, ?, zeroblob(?), zeroblob(?), ?, ?, ?, ?, zeroblob(?))"
            " ON CONFLICT(number) DO UPDATE SET week = excluded.week, date = excluded.date,"
            " title = excluded.title, paper_count = excluded.paper_count,"
            " theme_count = excluded.theme_count, page_html = excluded.page_html,"
            " page_markdown = excluded.page_markdown, feed_html = excluded.feed_html,"
            " feed_summary = excluded.feed_summary, email_html = excluded.email_html,"
            " email_text = excluded.email_text,"
            " data = excluded.data",
            (
                issue.number,
                issue.week,
                issue.date.isoformat(),
                issue.title,
                issue.paper_count,
                issue.theme_count,
                len(issue.page_html),
                len(issue.page_markdown),
                issue.feed_html,
                issue.feed_summary,
                issue.email_html,
                issue.email_text,
                len(issue.data),
            ),
        )
        for column, value in (
            ("page_html", issue.page_html),
            ("page_markdown", issue.page_markdown),
            ("data", issue.data),
        ):
            if value:
                with self._conn.blobopen("issues", column, issue.number) as blob:
                    blob.write(value)
        # Generators, not lists: sqlite3 takes one row at a time, so the papers' JSON (the
        # largest thing recorded) is never held all at once.
        self._conn.executemany(
            "INSERT INTO issue_papers (issue, key, status, record) VALUES (?, ?, ?, ?)",
            ((issue.number, paper_key(m.paper), m.status, paper_to_json(m.paper)) for m in members),
        )
        self._conn.executemany(
            "INSERT INTO papers (key, version, first_issue, last_issue) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET version = excluded.version,"
            " last_issue = excluded.last_issue",
            (
                (paper_key(m.paper), m.paper.arxiv_version, issue.number, issue.number)
                for m in members
            ),
        )

    def sends(self, number: int) -> tuple[Send, ...]:
        rows = self._conn.execute(
            "SELECT recipient, sent_at, confirmed FROM sends WHERE issue = ? ORDER BY recipient",
            (number,),
        )
        return tuple(
            Send(recipient, sent_at, bool(confirmed)) for recipient, sent_at, confirmed in rows
        )

    def record_sends(
        self, number: int, recipients: Sequence[str], sent_at: str, *, confirmed: bool = True
    ) -> None:
        """Record that `recipients` were sent issue `number` (a resend updates the time);
        not `confirmed`: the server may or may not have delivered it."""
        with self.transaction():
            for recipient in recipients:
                self._conn.execute(
                    "INSERT INTO sends (issue, recipient, sent_at, confirmed) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(issue, recipient) DO UPDATE SET sent_at = excluded.sent_at,"
                    " confirmed = excluded.confirmed",
                    (number, recipient, sent_at, int(confirmed)),
                )

    def posts(self, number: int) -> tuple[Post, ...]:
        """Every chat post of issue `number` (delivered or stopped part way)."""
        if not self._has_table("posts"):
            return ()  # an older history opened read-only: nothing was ever posted from it
        rows = self._conn.execute(
            "SELECT issue, platform, destination, theme, host, payload_hash, messages_sent,"
            " messages_total, posted_at FROM posts WHERE issue = ?"
            " ORDER BY platform, destination, theme",
            (number,),
        )
        return tuple(Post(*row) for row in rows)

    def record_post(self, post: Post) -> None:
        """Record a post, or how far it got; a later post to the same place replaces it."""
        with self.transaction():
            self._conn.execute(
                "INSERT INTO posts (issue, platform, destination, theme, host, payload_hash,"
                " messages_sent, messages_total, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(issue, platform, destination, theme) DO UPDATE SET"
                " host = excluded.host, payload_hash = excluded.payload_hash,"
                " messages_sent = excluded.messages_sent,"
                " messages_total = excluded.messages_total, posted_at = excluded.posted_at",
                (
                    post.issue,
                    post.platform,
                    post.destination,
                    post.theme,
                    post.host,
                    post.payload_hash,
                    post.messages_sent,
                    post.messages_total,
                    post.posted_at,
                ),
            )

    def files(self) -> dict[str, int | None]:
        """The content hash of every input file an earlier build read, with the issue that
        build made (None: it found nothing new)."""
        if not self._has_table("files"):
            return {}  # an older history opened read-only: no file was recorded yet
        rows = self._conn.execute("SELECT sha256, first_issue FROM files")
        return {sha256: first for sha256, first in rows}

    def record_files(self, hashes: Iterable[str], issue: int | None) -> None:
        """Remember files as read by the build of `issue`; a file read before keeps its
        first issue. Runs inside the caller's transaction."""
        self._conn.executemany(
            "INSERT INTO files (sha256, first_issue) VALUES (?, ?) ON CONFLICT DO NOTHING",
            ((sha256, issue) for sha256 in hashes),
        )

    def _has_table(self, name: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

    def record_pending_outputs(self, moves: Sequence[tuple[str, str]]) -> None:
        """Inside an issue's transaction: the output files, each written in full under a
        temporary name (temp, target), that go into place once the issue is committed."""
        self._conn.executemany("INSERT INTO pending_outputs (temp, target) VALUES (?, ?)", moves)

    def pending_outputs(self) -> tuple[tuple[str, str], ...]:
        """What a run that committed its issue had still to put in place when it stopped."""
        rows = self._conn.execute("SELECT temp, target FROM pending_outputs ORDER BY target")
        return tuple((temp, target) for temp, target in rows)

    def clear_pending_outputs(self, written: Iterable[tuple[str, WrittenFile]] = ()) -> None:
        """Forget the outputs to put in place (they are); remember what the archive pages
        `written` (absolute path, as written) hold, for `written()`."""
        with self.transaction():
            self._conn.execute("DELETE FROM pending_outputs")
            self._record_written(written)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is committed together, or not at all (a failed COMMIT too)."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            # A COMMIT that failed may have been rolled back by SQLite already.
            if self._conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            raise


@contextlib.contextmanager
def open_history(path: Path, *, read_only: bool = False) -> Iterator[History]:
    """The history at `path`, locked against other runs and migrated to the current schema.

    Read-only (for --dry-run and listings) takes no lock, creates nothing, and treats a
    missing file as an empty history."""
    try:
        if read_only:
            conn = _open_for_reading(path)
            try:
                yield History(conn, path)
            finally:
                conn.close()
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise HistoryError(
                f"{path.parent}: cannot create the state folder ({err.strerror}); "
                "pass another --state"
            ) from err
        with _exclusive_lock(path.with_name(path.name + ".lock")):
            if not path.exists():
                _create(path)
            conn = _connect(path, "rw")
            try:
                _check_digest_history(conn, path)
                _migrate(conn, path)
                yield History(conn, path)
            finally:
                conn.close()
    except sqlite3.Error as err:
        raise _history_error(path, err) from err


def _open_for_reading(path: Path) -> sqlite3.Connection:
    if not path.exists():
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(conn, path)
        return conn
    # Read-write where the file allows it (SQLite falls back to read-only where it does
    # not): a transaction a crashed writer left half done can only be rolled back with
    # write access, and reading the file first needs that. Nothing is created either way.
    conn = _connect(path, "rw")
    try:
        _check_digest_history(conn, path)
        if _check_version(conn, path) < len(MIGRATIONS):
            # From an older digest: read an upgraded copy, leave the file as it is.
            upgraded = sqlite3.connect(":memory:", isolation_level=None)
            conn.backup(upgraded)
            conn.close()
            conn = upgraded
            _migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _create(path: Path) -> None:
    """A new, empty history at `path`, complete before it appears there: the file at `path`
    is then always a whole history, and an empty file there is never one of ours."""
    temp = path.with_name(f".{path.name}.new")
    for stale in (temp, temp.with_name(temp.name + "-journal")):
        stale.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            _migrate(conn, path)
        finally:
            conn.close()
        os.replace(temp, path)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise HistoryError(
            f"{path}: cannot create the history ({err.strerror}); check that its folder is "
            "writable, or pass another --state"
        ) from err


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    if path.stat().st_size == 0:
        # SQLite would take an empty file for a new database and start again at issue 1,
        # announcing every paper a second time and losing the archive's earlier issues.
        raise HistoryError(
            f"{path}: the history file is empty (0 bytes), so its past issues are lost; "
            "restore it from a backup, or pass a new --state to start a new history"
        )
    uri = f"{path.absolute().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=LOCK_WAIT_SECONDS)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _check_digest_history(conn: sqlite3.Connection, path: Path) -> None:
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if _applied(conn) == 0:
        what = "has tables of its own" if tables else "holds no tables"
        raise HistoryError(
            f"{path}: not a digest history (a SQLite database that {what}); pass another --state"
        )


# SQLite's primary result codes for a file that cannot be used, and what to do about each.
_SQLITE_ADVICE = {
    3: "check the permissions of the file and its folder, or pass another --state",  # PERM
    5: "another program is using it: wait for it to finish and run again",  # BUSY
    6: "another program is using it: wait for it to finish and run again",  # LOCKED
    8: "check the permissions of the file and its folder, or pass another --state",  # READONLY
    10: "check the disk (is it full?) and run again",  # IOERR
    11: "restore it from a backup, or pass a new --state to start a new history",  # CORRUPT
    13: "free some space and run again",  # FULL
    14: "check the permissions of the file and its folder, or pass another --state",  # CANTOPEN
    26: "if it was one, it is damaged: restore it from a backup; else pass another --state",
}
_SQLITE_READONLY_ROLLBACK = 8 | (3 << 8)


def _history_error(path: Path, err: sqlite3.Error) -> Exception:
    """A one-line message for a history file that cannot be used; `err` itself for anything
    else (a mistake in our SQL is a bug and keeps its traceback)."""
    code = getattr(err, "sqlite_errorcode", None)
    if code == _SQLITE_READONLY_ROLLBACK:
        return HistoryError(
            f"{path}: a digest run that crashed left a change half done ({path.name}-journal), "
            "and undoing it needs write access to the file and its folder; run digest with "
            "that access once (e.g. digest issues as the file's owner)"
        )
    advice = _SQLITE_ADVICE.get(code & 0xFF) if code is not None else None
    if advice is None:
        return err
    if code == 11:
        return HistoryError(f"{path}: the history is damaged ({err}); {advice}")
    if code == 26:
        return HistoryError(f"{path}: not a digest history database ({err}); {advice}")
    return HistoryError(f"{path}: cannot use the history ({err}); {advice}")


def _applied(conn: sqlite3.Connection) -> int:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT max(id) FROM migrations").fetchone()
    return int(row[0] or 0)


def _check_version(conn: sqlite3.Connection, path: Path) -> int:
    applied = _applied(conn)
    if applied > len(MIGRATIONS):
        raise HistoryError(
            f"{path}: written by a newer digest (schema {applied}, this one knows "
            f"{len(MIGRATIONS)}); upgrade digest"
        )
    return applied


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    applied = _check_version(conn, path)
    if applied == len(MIGRATIONS):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"
        )
        for number, (name, script) in enumerate(MIGRATIONS, start=1):
            if number <= applied:
                continue
            for statement in script.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO migrations (id, name) VALUES (?, ?)", (number, name))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


# The descriptors of the locks this process holds, and whether forked children drop theirs.
_held_locks: set[int] = set()
_drop_in_children = False


def _drop_held_locks() -> None:
    # In a child just forked. flock() belongs to the open file, which the child shares: a
    # child that outlived its parent would keep the lock for good. The descriptor is pointed
    # at /dev/null rather than closed, so the number stays valid for the copy of the code
    # that thinks it holds the lock (unlocking /dev/null does nothing).
    if not _held_locks:
        return
    null = os.open(os.devnull, os.O_RDWR)
    for fd in _held_locks:
        os.dup2(null, fd)
    os.close(null)
    _held_locks.clear()


@contextlib.contextmanager
def _exclusive_lock(lock_path: Path) -> Iterator[None]:
    global _drop_in_children
    if not _drop_in_children:
        os.register_at_fork(after_in_child=_drop_held_locks)
        _drop_in_children = True
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 (closed below, after the unlock)
    except OSError as err:
        raise HistoryError(
            f"{lock_path}: cannot open the history's lock file ({err.strerror}); check that "
            "its folder is writable, or pass another --state"
        ) from err
    with handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise HistoryError(
                        f"{lock_path}: another digest run is using this history; "
                        "wait for it to finish and run again"
                    ) from None
                time.sleep(0.1)
        _held_locks.add(handle.fileno())
        try:
            yield
        finally:
            _held_locks.discard(handle.fileno())
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


_PAPER_FIELDS = tuple(f.name for f in dataclasses.fields(Paper))
# One encoder for every paper: json.dumps with options builds a new one per call.
_PAPER_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def paper_to_json(paper: Paper) -> str:
    # Field by field: dataclasses.asdict deep-copies every value, which costs more than the
    # JSON itself at 100,000 papers.
    record = {name: getattr(paper, name) for name in _PAPER_FIELDS}
    record["sources"] = [{"path": s.path, "line": s.line} for s in paper.sources]
    return _PAPER_ENCODER.encode(record)


def paper_from_json(text: str) -> Paper:
    data: dict[str, Any] = json.loads(text)
    data["authors"] = tuple(data["authors"])
    data["metadata"] = tuple(tuple(pair) for pair in data["metadata"])
    data["keywords"] = tuple(data.get("keywords", ()))  # none before digest kept keywords
    data["sources"] = tuple(Source(**s) for s in data["sources"])
    return Paper(**data)
