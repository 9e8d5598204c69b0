"""The store on SQLite: an event is claimed once across processes; votes keep no question text;
the schema is a numbered list of migrations applied once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.store import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    SQLiteDatabase,
    SQLStore,
    StoreError,
    Vote,
    database_path,
    migrate,
    open_store,
    question_hash,
    schema_version,
    sqlite_url,
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[SQLiteDatabase]:
    db = SQLiteDatabase(database_path(tmp_path / "data"))
    yield db
    db.close()


def test_an_event_is_claimed_once(database: SQLiteDatabase) -> None:
    store = SQLStore(database)
    assert store.claim("event:Ev1") is True
    assert store.claim("event:Ev1") is False
    assert store.claim("event:Ev2") is True


def test_claims_hold_across_store_instances_and_reopening(tmp_path: Path) -> None:
    url = sqlite_url(database_path(tmp_path))
    first = open_store(url)
    assert first.claim("event:Ev1")
    first.close()
    second = open_store(url)
    try:
        assert not second.claim("event:Ev1")
        assert (tmp_path / "peerbot.sqlite3").is_file()
    finally:
        second.close()


def test_old_claims_are_pruned(database: SQLiteDatabase) -> None:
    store = SQLStore(database, keep_seconds=0.0)
    assert store.claim("event:old")
    time.sleep(0.01)
    store._last_prune = 0.0  # the next claim prunes
    assert store.claim("event:new")
    assert store.claim("event:old")


_CLAIMER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bot.store import SQLiteDatabase, SQLStore
    database = SQLiteDatabase(Path(sys.argv[1]))
    store = SQLStore(database)
    won = [key for key in (f"event:{n}" for n in range(300)) if store.claim(key)]
    database.close()
    print(" ".join(won))
    """
)


def test_concurrent_processes_claim_each_event_exactly_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    SQLStore(SQLiteDatabase(path)).close()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _CLAIMER, str(path)],
            stdout=subprocess.PIPE,
            cwd=PROJECT_ROOT,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [worker.communicate(timeout=60)[0].split() for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0]
    claimed = [key for output in outputs for key in output]
    assert sorted(claimed) == sorted(f"event:{n}" for n in range(300))


def test_the_database_uses_wal_so_workers_do_not_block_readers(
    database: SQLiteDatabase,
) -> None:
    with database.connect() as connection:
        (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    assert mode == "wal"


def test_votes_are_summarised_by_snippet_and_question(database: SQLiteDatabase) -> None:
    store = SQLStore(database)
    ask = question_hash("what does a peer bridger do?")
    wifi = question_hash("wifi password?")
    store.record(Vote("not_helpful", ask, ("s-bridger", "s-coach"), 1700000001.0))
    store.record(Vote("not_helpful", ask, ("s-bridger",), 1700000002.0))
    store.record(Vote("helpful", ask, ("s-coach",), 1700000003.0))
    store.record(Vote("not_helpful", wifi, (), 1700000004.0))
    summary = store.summary()
    assert (summary.total, summary.helpful, summary.not_helpful) == (4, 1, 3)
    assert [(s.snippet_id, s.not_helpful, s.helpful) for s in summary.snippets] == [
        ("s-bridger", 2, 0),
        ("s-coach", 1, 1),
    ]
    assert [(q.question_hash, q.not_helpful, q.declined, q.text) for q in summary.questions] == [
        (ask, 2, False, None),
        (wifi, 1, True, None),
    ]
    assert store.votes()[0] == Vote("not_helpful", ask, ("s-bridger", "s-coach"), 1700000001.0)


def test_question_text_is_stored_only_through_remember_question(
    database: SQLiteDatabase,
) -> None:
    store = SQLStore(database)
    qhash = question_hash("Is peer support paid by Medicaid?")
    store.record(Vote("helpful", qhash, ("s1",), 1700000000.0))
    with database.connect() as connection:
        dump = "\n".join(connection.iterdump())
    assert "Medicaid" not in dump
    store.remember_question(qhash, "Is peer support paid by Medicaid?")
    assert store.summary().questions[0].text == "Is peer support paid by Medicaid?"


def test_question_hash_ignores_case_and_spacing_but_not_words() -> None:
    assert question_hash("What does a  Peer Bridger do?") == question_hash(
        "what does a peer bridger do?"
    )
    assert question_hash("what does a peer bridger do?") != question_hash("what does a CPS do?")
    assert len(question_hash("x")) == 16


def test_a_vote_rejects_unknown_kinds(database: SQLiteDatabase) -> None:
    store = SQLStore(database)
    with pytest.raises(StoreError, match="CHECK constraint"):
        store.record(Vote("meh", "abc", (), 1.0))  # type: ignore[arg-type]


def test_connection_is_reopened_in_a_new_process_id(database: SQLiteDatabase) -> None:
    store = SQLStore(database)
    assert store.claim("event:a")
    with database.connect() as before:
        pass
    database._pid = -1  # as seen by a child forked after the connection was opened
    with database.connect() as after:
        assert after is not before
    before.close()
    assert not store.claim("event:a")


_SCHEMA_BEFORE_VERSIONING = """
CREATE TABLE handled_events (key TEXT PRIMARY KEY, handled_at REAL NOT NULL);
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    voted_at REAL NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('helpful', 'not_helpful')),
    question_hash TEXT NOT NULL,
    snippet_ids TEXT NOT NULL
);
CREATE TABLE questions (question_hash TEXT PRIMARY KEY, text TEXT NOT NULL);
"""


def test_a_fresh_database_is_created_at_the_latest_schema_version(tmp_path: Path) -> None:
    store = open_store(sqlite_url(tmp_path / "fresh.sqlite3"))
    try:
        assert schema_version(store.database) == LATEST_VERSION == MIGRATIONS[-1].version
        assert migrate(store.database) == []
    finally:
        store.close()


def test_a_database_from_before_versioning_is_adopted_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(_SCHEMA_BEFORE_VERSIONING)
        connection.execute("INSERT INTO handled_events VALUES ('event:Ev1', ?)", (time.time(),))
        connection.execute(
            "INSERT INTO feedback (voted_at, vote, question_hash, snippet_ids) "
            "VALUES (1.0, 'helpful', 'abc', '[\"s1\"]')"
        )
    connection.close()
    store = open_store(sqlite_url(path))
    try:
        assert schema_version(store.database) == LATEST_VERSION
        assert not store.claim("event:Ev1")
        assert store.votes() == [Vote("helpful", "abc", ("s1",), 1.0)]
    finally:
        store.close()


def test_new_migrations_are_applied_once_in_order(tmp_path: Path) -> None:
    database = SQLiteDatabase(tmp_path / "m.sqlite3")
    later = (
        *MIGRATIONS,
        Migration(LATEST_VERSION + 1, "notes", ("CREATE TABLE notes (id {serial_id}, body TEXT)",)),
        Migration(LATEST_VERSION + 2, "tags", ("ALTER TABLE notes ADD COLUMN tag TEXT",)),
    )
    try:
        assert migrate(database) == list(range(1, LATEST_VERSION + 1))
        assert migrate(database, later) == [LATEST_VERSION + 1, LATEST_VERSION + 2]
        assert migrate(database, later) == []
        with database.connect() as connection:
            connection.execute("INSERT INTO notes (body, tag) VALUES ('x', 'y')")
            names = [row[0] for row in connection.execute("SELECT name FROM schema_version")]
        assert len(names) == LATEST_VERSION + 2
        assert schema_version(database) == LATEST_VERSION + 2
    finally:
        database.close()


def test_a_failed_migration_leaves_the_schema_as_it_was(tmp_path: Path) -> None:
    database = SQLiteDatabase(tmp_path / "m.sqlite3")
    broken = (
        *MIGRATIONS,
        Migration(
            LATEST_VERSION + 1,
            "half",
            ("CREATE TABLE half (id INTEGER)", "CREATE TABLE half (id INTEGER)"),
        ),
    )
    try:
        migrate(database)
        with pytest.raises(StoreError, match="already exists"):
            migrate(database, broken)
        assert schema_version(database) == LATEST_VERSION
        with database.connect() as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "half" not in tables
    finally:
        database.close()


def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    database = SQLiteDatabase(tmp_path / "m.sqlite3")
    later = (*MIGRATIONS, Migration(LATEST_VERSION + 1, "future", ("CREATE TABLE f (x TEXT)",)))
    try:
        migrate(database, later)
        with pytest.raises(StoreError, match="newer than this peerbot knows"):
            migrate(database)
    finally:
        database.close()


def test_migrations_must_be_numbered_in_order(tmp_path: Path) -> None:
    database = SQLiteDatabase(tmp_path / "m.sqlite3")
    gap = (*MIGRATIONS, Migration(LATEST_VERSION + 2, "gap", ("CREATE TABLE g (x TEXT)",)))
    try:
        with pytest.raises(StoreError, match="numbered 1, 2, 3"):
            migrate(database, gap)
    finally:
        database.close()


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("mysql://db/peerbot", id="unknown-scheme"),
        pytest.param("sqlite://", id="sqlite-without-path"),
    ],
)
def test_an_unusable_database_url_is_a_clear_error(url: str) -> None:
    with pytest.raises(StoreError, match="sqlite"):
        open_store(url)


def test_portable_sql_is_spelled_for_each_dialect() -> None:
    from bot.store.dialect import POSTGRES, SQLITE

    portable = "CREATE TABLE t (id {serial_id}, v TEXT); INSERT INTO t (v) VALUES (?)"
    assert SQLITE.sql(portable) == (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES (?)"
    )
    assert POSTGRES.sql(portable) == (
        "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v TEXT); "
        "INSERT INTO t (v) VALUES (%s)"
    )


def test_threads_use_their_own_connections_at_the_same_time(database: SQLiteDatabase) -> None:
    """Recording a question before the ack never queues behind another thread's statement."""
    with database.connect() as first, database.connect() as second:
        assert first is not second
    with database.connect() as again:
        assert again in (first, second)


def test_the_store_commands_read_postgresql_when_its_url_is_set(
    postgres_url: str, tmp_path: Path
) -> None:
    """`peerbot feedback` (and `gaps`, the same way) read PEERBOT_DATABASE_URL, not a file."""
    from click.testing import CliRunner

    from bot.cli import main

    store = open_store(postgres_url)
    store.record(Vote("not_helpful", question_hash("who pays?"), ("s-pay",), 1700000000.0))
    store.close()
    env = {"PEERBOT_DATABASE_URL": postgres_url, "PEERBOT_DATA_DIR": str(tmp_path / "none")}
    result = CliRunner().invoke(main, ["feedback", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert '"snippet_id": "s-pay"' in result.output
    assert not (tmp_path / "none").exists()
