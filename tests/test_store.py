"""The SQLite stores: an event is claimed once across processes; votes keep no question text."""

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
    SQLiteDatabase,
    SQLiteEventStore,
    SQLiteFeedbackStore,
    Vote,
    database_path,
    open_stores,
    question_hash,
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[SQLiteDatabase]:
    db = SQLiteDatabase(database_path(tmp_path / "data"))
    yield db
    db.close()


def test_an_event_is_claimed_once(database: SQLiteDatabase) -> None:
    store = SQLiteEventStore(database)
    assert store.claim("event:Ev1") is True
    assert store.claim("event:Ev1") is False
    assert store.claim("event:Ev2") is True


def test_claims_hold_across_store_instances_and_reopening(tmp_path: Path) -> None:
    first, _ = open_stores(tmp_path)
    assert first.claim("event:Ev1")
    first.close()
    second, _ = open_stores(tmp_path)
    try:
        assert not second.claim("event:Ev1")
        assert (tmp_path / "peerbot.sqlite3").is_file()
    finally:
        second.close()


def test_old_claims_are_pruned(database: SQLiteDatabase) -> None:
    store = SQLiteEventStore(database, keep_seconds=0.0)
    assert store.claim("event:old")
    time.sleep(0.01)
    store._last_prune = 0.0  # the next claim prunes
    assert store.claim("event:new")
    assert store.claim("event:old")


_CLAIMER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bot.store import SQLiteDatabase, SQLiteEventStore
    database = SQLiteDatabase(Path(sys.argv[1]))
    store = SQLiteEventStore(database)
    won = [key for key in (f"event:{n}" for n in range(300)) if store.claim(key)]
    database.close()
    print(" ".join(won))
    """
)


def test_concurrent_processes_claim_each_event_exactly_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    SQLiteDatabase(path).close()
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
    store = SQLiteFeedbackStore(database)
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
    store = SQLiteFeedbackStore(database)
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
    store = SQLiteFeedbackStore(database)
    with pytest.raises(sqlite3.IntegrityError):
        store.record(Vote("meh", "abc", (), 1.0))  # type: ignore[arg-type]


def test_connection_is_reopened_in_a_new_process_id(database: SQLiteDatabase) -> None:
    store = SQLiteEventStore(database)
    assert store.claim("event:a")
    with database.connect() as before:
        pass
    database._pid = -1  # as seen by a child forked after the connection was opened
    with database.connect() as after:
        assert after is not before
    before.close()
    assert not store.claim("event:a")
