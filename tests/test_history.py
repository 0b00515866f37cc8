import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from digest.history import (
    MIGRATIONS,
    HistoryError,
    Member,
    PastIssue,
    Post,
    open_history,
    paper_from_json,
    paper_to_json,
)
from digest.models import Paper, Source


def past(number: int, week: str) -> PastIssue:
    return PastIssue(number, week, dt.date(2026, 11, 16), "T", 1, 1, b"<p>", b"#", "<li>", "1")


PAPER = Paper(
    id="2101.00001",
    abstract="We do things.",
    arxiv_id="2101.00001",
    arxiv_version=2,
    authors=("A. One", "B. Two"),
    metadata=(("comments", "9 pages"),),
    sources=(Source("a.txt", 3), Source("b.txt", 1)),
)


def history_at_schema(path: Path, schema: int) -> sqlite3.Connection:
    """A history as a digest that knew only the first `schema` migrations left it (open)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    for number, (name, script) in enumerate(MIGRATIONS[:schema], start=1):
        conn.executescript(script)
        conn.execute("INSERT INTO migrations VALUES (?, ?)", (number, name))
    return conn


def test_paper_round_trips_through_json() -> None:
    assert paper_from_json(paper_to_json(PAPER)) == PAPER


def test_migrations_are_numbered_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with open_history(path):
        pass
    rows = sqlite3.connect(path).execute("SELECT id, name FROM migrations ORDER BY id").fetchall()
    assert rows == [(i, name) for i, (name, _) in enumerate(MIGRATIONS, start=1)]


def test_record_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with open_history(path) as history, history.transaction():
        history.record_issue(past(1, "2026-W47"), [Member(PAPER, "new")])
    with open_history(path, read_only=True) as history:
        assert [i.week for i in history.issues()] == ["2026-W47"]
        assert history.members(1) == (Member(PAPER, "new"),)
        assert history.seen()["2101.00001"].version == 2


def test_seen_answers_for_the_papers_asked_about(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with open_history(path) as history, history.transaction():
        history.record_issue(past(1, "2026-W47"), [Member(PAPER, "new")])
    asked = [f"2101.{i:05d}" for i in range(1200)]  # more than one query takes
    with open_history(path, read_only=True) as history:
        assert list(history.seen(asked)) == ["2101.00001"]
        assert history.seen(["2101.99999"]) == {}


def issue_with(number: int, page: str, markdown: str, data: str) -> PastIssue:
    return PastIssue(
        number,
        f"2026-W{45 + number}",
        dt.date(2026, 11, 16),
        "T",
        1,
        1,
        page_html=page.encode(),
        page_markdown=markdown.encode(),
        feed_html="<li>",
        feed_summary="1",
        email_html="<p>mail</p>",
        email_text="mail",
        data=data.encode(),
    )


def test_renditions_read_back_as_the_bytes_recorded(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    recorded = issue_with(1, "<p>Ünïcode — 😀</p>", "", '{"title": "Ω"}')
    with open_history(path) as history, history.transaction():
        history.record_issue(recorded, [Member(PAPER, "new")])
    with open_history(path, read_only=True) as history:
        assert history.issues() == (recorded,)


def test_a_rebuilt_week_replaces_its_renditions(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with open_history(path) as history:
        for page in ("<p>a much longer first page</p>", "<p>short</p>"):
            with history.transaction():
                history.record_issue(issue_with(1, page, "# md", "{}"), [Member(PAPER, "new")])
        assert [i.page_html for i in history.issues()] == [b"<p>short</p>"]


def test_a_history_from_before_bytes_renditions_reads_the_same(tmp_path: Path) -> None:
    # Written as the second schema did: renditions as TEXT.
    path = tmp_path / "h.sqlite3"
    conn = history_at_schema(path, 2)
    conn.execute(
        "INSERT INTO issues VALUES (1, '2026-W46', '2026-11-16', 'T', 1, 1, ?, ?, '<li>', '1',"
        " '<p>mail</p>', 'mail', ?)",
        ("<p>Ünïcode — 😀</p>", "# Ω", '{"title": "Ω"}'),
    )
    conn.commit()
    conn.close()
    expected = issue_with(1, "<p>Ünïcode — 😀</p>", "# Ω", '{"title": "Ω"}')
    with open_history(path, read_only=True) as history:
        assert history.issues() == (expected,)
    with open_history(path) as history:  # upgraded in place
        assert history.issues() == (expected,)
        with history.transaction():
            history.record_issue(issue_with(2, "<p>new</p>", "#", "{}"), [Member(PAPER, "new")])
        assert [i.number for i in history.issues()] == [2, 1]
        assert history.issues()[1] == expected


def test_a_failed_transaction_records_nothing(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with pytest.raises(RuntimeError), open_history(path) as history, history.transaction():
        history.record_issue(past(1, "2026-W47"), [Member(PAPER, "new")])
        raise RuntimeError("killed")
    with open_history(path, read_only=True) as history:
        assert history.issues() == ()
        assert history.seen() == {}


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with open_history(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES (99, 'from the future')")
    conn.commit()
    with pytest.raises(HistoryError, match="written by a newer digest"), open_history(path):
        pass


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_text("hello, not sqlite " * 100)
    with pytest.raises(HistoryError, match="not a digest history database"), open_history(path):
        pass


def test_read_only_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state" / "h.sqlite3"
    with open_history(path, read_only=True) as history:
        assert history.issues() == ()
    assert not path.parent.exists()


def test_a_post_is_recorded_and_a_later_one_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    partial = Post(1, "slack", "fp1", "", "hooks.slack.com", "h1", 1, 3, "2026-11-16T09:00:00")
    with open_history(path) as history:
        with history.transaction():
            history.record_issue(past(1, "2026-W47"), [Member(PAPER, "new")])
        history.record_post(partial)
        assert history.posts(1) == (partial,)
        assert not partial.delivered
        done = Post(1, "slack", "fp1", "", "hooks.slack.com", "h1", 3, 3, "2026-11-16T09:05:00")
        other = Post(1, "slack", "fp2", "Robots", "hooks.slack.com", "h2", 1, 1, "2026-11-16")
        history.record_post(done)
        history.record_post(other)
    with open_history(path, read_only=True) as history:
        assert history.posts(1) == (done, other)
        assert history.posts(2) == ()
    assert done.delivered


def test_a_history_from_before_posts_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    conn = history_at_schema(path, 3)
    conn.commit()
    conn.close()
    with open_history(path, read_only=True) as history:  # not migrated: no posts table yet
        assert history.posts(1) == ()
    with open_history(path) as history:
        assert history.posts(1) == ()
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE name = 'posts'")
    assert tables.fetchall() == [("posts",)]


def test_files_read_are_remembered_with_their_first_issue(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    conn = history_at_schema(path, 4)
    conn.commit()
    conn.close()
    with open_history(path, read_only=True) as history:  # before the files table
        assert history.files() == {}
    with open_history(path) as history, history.transaction():
        history.record_files(["aa", "bb"], None)
        history.record_files(["bb", "cc"], 3)  # bb keeps the build that first read it
    with open_history(path, read_only=True) as history:
        assert history.files() == {"aa": None, "bb": None, "cc": 3}
