"""Rows written behind the reply (bot.store.behind), on a real SQLite file and a real
PostgreSQL: written in batches, the last row of a key kept, written on shutdown, kept and
written again when the database refused them, and never lost by a crash that bot.work's
sweeper cannot repair."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.store import Answered, Job, Outcome, SQLStore
from bot.store.behind import WriteBehind
from bot.work import WorkQueue

SECRET = "xoxb-test-token"
NEVER = 3600.0  # a delay no test waits for: rows leave the queue only when flushed


def _outcome(number: int) -> Outcome:
    return Outcome(f"hash{number:012d}", "answered", None, ("peer-bridger",), None, ("s1",), 1.0)


def _job(number: int) -> Job:
    return Job(
        key=f"message:D0{number}:{number}.000100",
        kind="message.im",
        event_id=f"Ev{number}",
        received_at=1_800_000_000.0,
        channel=f"D0{number}",
        ts=f"{number}.000100",
        text="what does a peer bridger do?",
    )


def _accepted_job(work: WorkQueue, number: int) -> Job:
    job = _job(number)
    assert work.accept(job).status == "new"
    return job


def _answering(job: Job, mark_posting: Callable[[], bool], recovering: bool) -> str:
    assert mark_posting()
    return "answered"


def test_queued_rows_are_written_together_and_the_last_row_of_a_key_wins(
    store: SQLStore,
) -> None:
    """Two hundred and fifty questions in one batch (more than one statement's worth of rows),
    the same thread and the same message each remembered twice (PostgreSQL refuses to upsert
    one row twice in a statement, so the batch keeps the last)."""
    writes = WriteBehind(store, delay=NEVER)
    work = WorkQueue(store, SECRET, writes=writes)
    jobs = [_accepted_job(work, number) for number in range(3)]
    for number in range(250):
        writes.record_outcome(_outcome(number))
    writes.remember_answer(Answered("C0ONE", "1.000100", "1.000200"))
    writes.remember_answer(Answered("C0ONE", "1.000100", "1.000300"))
    writes.remember_thread("C0ONE", "1.000100", ("first",))
    writes.remember_thread("C0ONE", "1.000100", ("peer-bridger",))
    writes.finish(jobs[0].key, "answered", 1_800_000_001.0)
    writes.finish(jobs[1].key, "failed", 1_800_000_002.0)
    assert store.outcomes() == [] and {j.state for j in store.jobs()} == {"received"}

    assert writes.flush(timeout=30)

    assert [o.question_hash for o in store.outcomes()] == [
        _outcome(number).question_hash for number in range(250)
    ]
    assert store.answered("C0ONE", "1.000100") == Answered("C0ONE", "1.000100", "1.000300")
    assert store.thread("C0ONE", "1.000100") == ("peer-bridger",)
    states = {j.key: (j.state, j.text) for j in store.jobs()}
    assert states[jobs[0].key] == ("answered", None)
    assert states[jobs[1].key] == ("failed", None)
    assert states[jobs[2].key][0] == "received"


def test_shutdown_writes_what_finished_jobs_left_queued(store: SQLStore) -> None:
    """SIGTERM: a job answered just before is recorded as answered, not re-run later."""
    work = WorkQueue(store, SECRET, writes=WriteBehind(store, delay=NEVER))
    work.handle("message.im", _answering)  # type: ignore[arg-type]
    answered, waiting = _job(1), _job(2)
    assert work.run(work.accept(answered)) == "answered"
    work.accept(waiting)
    assert store.job_state(answered.key) == "posting"  # its finish is queued, not written

    assert work.shutdown(grace=5.0) == [waiting.key]  # never started: handed back

    assert store.job_state(answered.key) == "answered"
    assert store.job_state(waiting.key) == "received"


def test_rows_the_database_refused_are_kept_and_written_once_it_can(
    store: SQLStore, caplog: pytest.LogCaptureFixture
) -> None:
    """The database refuses the write (here: the table is away, as a broken migration or a
    read-only failover would): the writer logs, keeps its rows and writes them later."""
    writes = WriteBehind(store, delay=0.0)
    with store.database.session() as session:
        session.execute("ALTER TABLE outcomes RENAME TO outcomes_away")
    with caplog.at_level("ERROR", logger="peerbot.store"):
        writes.record_outcome(_outcome(1))
        assert not writes.flush(timeout=0.5)  # it cannot be written while the table is away
    assert any("rows not written, will retry rows=1" in r.getMessage() for r in caplog.records)
    with store.database.session() as session:
        session.execute("ALTER TABLE outcomes_away RENAME TO outcomes")

    assert writes.flush(timeout=30)

    assert [o.question_hash for o in store.outcomes()] == [_outcome(1).question_hash]
