"""The history of past issues, kept in SQLite so that each week announces only what is new.

- Schema changes are a numbered list of migrations, each applied once and recorded in the
  `migrations` table; a database from an older digest is upgraded in place, one from a newer
  digest is refused.
- One run at a time: an exclusive lock on `<state>.lock` is held for the whole run; a second run
  waits a little, then fails with a message saying so.
- One transaction per issue: `record_issue` writes everything about an issue, and the caller
  commits only after the outputs are in place. A run killed at any point leaves the history as it
  was before the run, or with the whole issue recorded.

Papers are known by a key that survives re-pasting: the arXiv id when there is one (any
version), else the paper's id.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.errors import DigestError
from digest.models import Paper, Source


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
)

LOCK_WAIT_SECONDS = 10.0


def paper_key(paper: Paper) -> str:
    return paper.arxiv_id or paper.id


@dataclass(frozen=True)
class PastIssue:
    """An issue as the history keeps it: enough to rebuild its page, feed item and email.

    The three renditions that grow with the issue (its web page, its Markdown and its data)
    are the UTF-8 bytes of the files they become: at 100,000 papers, as text they would take
    two to four times the memory, and be encoded again to be written."""

    number: int
    week: str
    date: dt.date
    title: str
    paper_count: int
    theme_count: int
    page_html: bytes
    page_markdown: bytes
    feed_html: str
    feed_summary: str
    email_html: str = ""
    email_text: str = ""
    data: bytes = b"{}"  # the issue as digest.json has it, for `digest show` and `digest send`


@dataclass(frozen=True)
class Send:
    """One recipient an issue was sent to, and when."""

    recipient: str
    sent_at: str


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
        """Every past issue, newest first."""
        rows = self._conn.execute(
            # As BLOBs, the stored text comes back as its UTF-8 bytes, never decoded.
            "SELECT number, week, date, title, paper_count, theme_count,"
            " CAST(page_html AS BLOB), CAST(page_markdown AS BLOB), feed_html, feed_summary,"
            " email_html, email_text, CAST(data AS BLOB)"
            " FROM issues ORDER BY number DESC"
        ).fetchall()
        return tuple(
            PastIssue(
                number=r[0],
                week=r[1],
                date=dt.date.fromisoformat(r[2]),
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
            for r in rows
        )

    def issue_number(self, week: str) -> int | None:
        """The number of the issue of `week`, if it has one."""
        row = self._conn.execute("SELECT number FROM issues WHERE week = ?", (week,)).fetchone()
        return int(row[0]) if row else None

    def seen(self) -> dict[str, Seen]:
        rows = self._conn.execute("SELECT key, version, first_issue, last_issue FROM papers")
        return {key: Seen(version, first, last) for key, version, first, last in rows}

    def members(self, number: int) -> tuple[Member, ...]:
        rows = self._conn.execute(
            "SELECT status, record FROM issue_papers WHERE issue = ? ORDER BY key", (number,)
        )
        return tuple(Member(paper_from_json(record), status) for status, record in rows)

    def record_issue(self, issue: PastIssue, members: Sequence[Member]) -> None:
        """Record (or re-record, for a rebuilt week) an issue and what it announced.

        Runs inside the caller's transaction (see `transaction`)."""
        self._conn.execute("DELETE FROM issue_papers WHERE issue = ?", (issue.number,))
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
            "SELECT recipient, sent_at FROM sends WHERE issue = ? ORDER BY recipient", (number,)
        )
        return tuple(Send(recipient, sent_at) for recipient, sent_at in rows)

    def record_sends(self, number: int, recipients: Sequence[str], sent_at: str) -> None:
        """Record that `recipients` were sent issue `number` (a resend updates the time)."""
        with self.transaction():
            for recipient in recipients:
                self._conn.execute(
                    "INSERT INTO sends (issue, recipient, sent_at) VALUES (?, ?, ?)"
                    " ON CONFLICT(issue, recipient) DO UPDATE SET sent_at = excluded.sent_at",
                    (number, recipient, sent_at),
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

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is committed together, or not at all."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")


@contextlib.contextmanager
def open_history(path: Path, *, read_only: bool = False) -> Iterator[History]:
    """The history at `path`, locked against other runs and migrated to the current schema.

    Read-only (for --dry-run and listings) takes no lock, creates nothing, and treats a
    missing file as an empty history."""
    if read_only:
        if not path.exists():
            conn = _connect(":memory:", path)
            _migrate(conn, path)
        else:
            conn = _connect(f"file:{path}?mode=ro", path, uri=True)
            _check_version(conn, path)
        try:
            yield History(conn, path)
        finally:
            conn.close()
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise HistoryError(
            f"{path.parent}: cannot create the state folder ({err.strerror}); pass another --state"
        ) from err
    with _exclusive_lock(path.with_name(path.name + ".lock")):
        conn = _connect(str(path), path)
        try:
            _migrate(conn, path)
            yield History(conn, path)
        finally:
            conn.close()


def _connect(target: str, path: Path, uri: bool = False) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=LOCK_WAIT_SECONDS)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        raise HistoryError(
            f"{path}: not a digest history database ({err}); pass another --state"
        ) from err
    return conn


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
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def _exclusive_lock(lock_path: Path) -> Iterator[None]:
    with open(lock_path, "a+b") as handle:
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
        try:
            yield
        finally:
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
