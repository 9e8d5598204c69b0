"""The SQL of every store, written once for all backends.

`SQLStore` fills both `EventStore` and `FeedbackStore`; it speaks to a `Database` (SQLite or
PostgreSQL) in portable SQL (see `bot.store.dialect`). The schema is migrated when the store is
opened, so every process that uses it finds the tables it expects.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any, TypeVar

from bot.store.database import Database
from bot.store.migrations import migrate
from bot.store.records import (
    Answered,
    Batch,
    FeedbackSummary,
    Job,
    JobState,
    Outcome,
    QuestionVotes,
    SnippetVotes,
    Vote,
)

# Slack retries an event three times within about five minutes; a day is ample.
KEEP_HANDLED_SECONDS = 24 * 60 * 60
_PRUNE_EVERY_SECONDS = 60 * 60
# Conversation tables whose rows expire like handled event ids, with their time column.
_EXPIRING = (
    ("conversation_threads", "updated_at"),
    ("answered_messages", "answered_at"),
    ("share_copies", "shared_at"),
)


_JOB_COLUMNS = (
    "key, kind, event_id, received_at, channel, ts, thread_ts, user_id, command, response_url, "
    "text, state, attempts"
)
_OPEN = "state IN ('received', 'posting')"
_T = TypeVar("_T")


# Rows per multi-row statement: 7 columns x 100 stays under SQLite's oldest limit of 999
# parameters per statement.
_CHUNK_ROWS = 100


def _chunks(items: Sequence[_T]) -> list[Sequence[_T]]:
    return [items[start : start + _CHUNK_ROWS] for start in range(0, len(items), _CHUNK_ROWS)]


def _rows(count: int, columns: int) -> str:
    """`(?, ?), (?, ?)` for `count` rows of `columns` values."""
    row = "(" + ", ".join(["?"] * columns) + ")"
    return ", ".join([row] * count)


_OUTCOME_INSERT = (
    "INSERT INTO outcomes (asked_at, question_hash, outcome, frame, concepts, missing, "
    "snippet_ids) VALUES "
)


def _outcome_values(outcome: Outcome) -> tuple[Any, ...]:
    """One outcome row's values, in `_OUTCOME_INSERT`'s column order (lists as JSON)."""
    return (
        outcome.asked_at,
        outcome.question_hash,
        outcome.outcome,
        outcome.frame,
        json.dumps(list(outcome.concepts)),
        outcome.missing,
        json.dumps(list(outcome.snippet_ids)),
    )


def _job(row: Sequence[Any]) -> Job:
    return Job(
        key=row[0],
        kind=row[1],
        event_id=row[2],
        received_at=row[3],
        channel=row[4],
        ts=row[5],
        thread_ts=row[6],
        user_id=row[7],
        command=row[8],
        response_url=row[9],
        text=row[10],
        state=row[11],
        attempts=row[12],
    )


class SQLStore:
    """Handled events, votes, opted-in question texts, conversations and durable jobs, in any
    `Database`.

    It fills `EventStore`, `FeedbackStore`, `ConversationStore` and `WorkStore`.
    """

    def __init__(self, database: Database, keep_seconds: float = KEEP_HANDLED_SECONDS) -> None:
        self.database = database
        self.keep_seconds = keep_seconds
        self._last_prune = 0.0
        migrate(database)
        # Do not hand connections opened here to forked children (gunicorn preloads the app in
        # its master, then forks): each process opens its own on first use.
        database.close()

    # -- EventStore -------------------------------------------------------------------------

    def claim(self, key: str) -> bool:
        """True the first time `key` is claimed by any process sharing the database."""
        now = time.time()
        with self.database.session() as session:
            cursor = session.execute(
                "INSERT INTO handled_events (key, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (key, now),
            )
            claimed = cursor.rowcount == 1
            if now - self._last_prune > _PRUNE_EVERY_SECONDS:
                self._last_prune = now
                session.execute(
                    "DELETE FROM handled_events WHERE handled_at < ?", (now - self.keep_seconds,)
                )
                for table, column in _EXPIRING:
                    session.execute(
                        f"DELETE FROM {table} WHERE {column} < ?", (now - self.keep_seconds,)
                    )
        return claimed

    # -- FeedbackStore ----------------------------------------------------------------------

    def record(self, vote: Vote) -> None:
        """Store one vote (snippet ids as a JSON list); a ballot replaces that person's last."""
        if vote.ballot is not None:
            with self.database.session() as session:
                session.execute(
                    "INSERT INTO person_votes (ballot, voted_at, vote, question_hash, snippet_ids) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (ballot) DO UPDATE SET "
                    "voted_at = excluded.voted_at, vote = excluded.vote",
                    (
                        vote.ballot,
                        vote.voted_at,
                        vote.vote,
                        vote.question_hash,
                        json.dumps(list(vote.snippet_ids)),
                    ),
                )
            return
        with self.database.session() as session:
            session.execute(
                "INSERT INTO feedback (voted_at, vote, question_hash, snippet_ids) "
                "VALUES (?, ?, ?, ?)",
                (vote.voted_at, vote.vote, vote.question_hash, json.dumps(list(vote.snippet_ids))),
            )

    def remember_question(self, question_hash: str, text: str) -> None:
        """Keep the question text (the operator opted in with PEERBOT_STORE_QUESTION_TEXT)."""
        with self.database.session() as session:
            session.execute(
                "INSERT INTO questions (question_hash, text) VALUES (?, ?) "
                "ON CONFLICT (question_hash) DO UPDATE SET text = excluded.text",
                (question_hash, text),
            )

    def votes(self) -> list[Vote]:
        """Every vote: anonymous clicks in order, then each person's current vote, oldest first."""
        with self.database.session() as session:
            rows = session.execute(
                "SELECT vote, question_hash, snippet_ids, voted_at FROM feedback ORDER BY id"
            ).fetchall()
            rows += session.execute(
                "SELECT vote, question_hash, snippet_ids, voted_at FROM person_votes "
                "ORDER BY voted_at, ballot"
            ).fetchall()
        return [
            Vote(
                vote=row[0],
                question_hash=row[1],
                snippet_ids=tuple(json.loads(row[2])),
                voted_at=row[3],
            )
            for row in rows
        ]

    def summary(self) -> FeedbackSummary:
        """Totals, then snippets and questions with the most Not helpful votes first."""
        votes = self.votes()
        with self.database.session() as session:
            rows = session.execute("SELECT question_hash, text FROM questions").fetchall()
        texts: dict[str, str] = {row[0]: row[1] for row in rows}
        snippet_counts: dict[str, list[int]] = {}
        question_counts: dict[str, list[int]] = {}
        declined: set[str] = set()
        for vote in votes:
            column = 0 if vote.vote == "helpful" else 1
            for snippet_id in vote.snippet_ids:
                snippet_counts.setdefault(snippet_id, [0, 0])[column] += 1
            question_counts.setdefault(vote.question_hash, [0, 0])[column] += 1
            if not vote.snippet_ids:
                declined.add(vote.question_hash)
        snippets = tuple(
            SnippetVotes(snippet_id, helpful, not_helpful)
            for snippet_id, (helpful, not_helpful) in sorted(
                snippet_counts.items(), key=lambda item: (-item[1][1], item[1][0], item[0])
            )
        )
        questions = tuple(
            QuestionVotes(qhash, texts.get(qhash), helpful, not_helpful, qhash in declined)
            for qhash, (helpful, not_helpful) in sorted(
                question_counts.items(), key=lambda item: (-item[1][1], item[1][0], item[0])
            )
        )
        helpful = sum(1 for vote in votes if vote.vote == "helpful")
        return FeedbackSummary(helpful, len(votes) - helpful, snippets, questions)

    # -- WorkStore (see bot.work) -----------------------------------------------------------

    def accept(self, job: Job, owner: str, lease_until: float) -> bool:
        """Record `job` leased to `owner`; False (nothing changed) if its key is known."""
        with self.database.session() as session:
            cursor = session.execute(
                "INSERT INTO jobs (key, kind, event_id, received_at, channel, ts, thread_ts, "
                "user_id, command, response_url, text, state, attempts, owner, lease_until) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', 1, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (
                    job.key,
                    job.kind,
                    job.event_id,
                    job.received_at,
                    job.channel,
                    job.ts,
                    job.thread_ts,
                    job.user_id,
                    job.command,
                    job.response_url,
                    job.text,
                    owner,
                    lease_until,
                ),
            )
            return cursor.rowcount == 1

    def lease(self, key: str, owner: str, until: float, now: float) -> Job | None:
        """Take an open job whose lease has expired; None if finished or held by another."""
        with self.database.session() as session:
            row = session.execute(
                f"UPDATE jobs SET owner = ?, lease_until = ?, attempts = attempts + 1 "
                f"WHERE key = ? AND {_OPEN} AND lease_until < ? RETURNING {_JOB_COLUMNS}",
                (owner, until, key, now),
            ).fetchone()
        return _job(row) if row else None

    def lease_due(self, owner: str, until: float, now: float, limit: int) -> list[Job]:
        """Take up to `limit` open jobs whose leases have expired, oldest first.

        On PostgreSQL the inner SELECT skips rows another sweeper is taking at this moment
        (FOR UPDATE SKIP LOCKED), so sweepers on every instance share the work without waiting;
        on SQLite the UPDATE holds the database's write lock, which gives the same guarantee.
        """
        with self.database.session() as session:
            rows = session.execute(
                f"UPDATE jobs SET owner = ?, lease_until = ?, attempts = attempts + 1 "
                f"WHERE key IN (SELECT key FROM jobs WHERE {_OPEN} AND lease_until < ? "
                f"ORDER BY received_at LIMIT ?{self.database.dialect.skip_locked}) "
                f"RETURNING {_JOB_COLUMNS}",
                (owner, until, now, limit),
            ).fetchall()
        return sorted((_job(row) for row in rows), key=lambda job: job.received_at)

    def mark_posting(self, key: str, owner: str, until: float) -> bool:
        """Record that the reply is about to be sent; False if the lease was lost."""
        with self.database.session() as session:
            cursor = session.execute(
                f"UPDATE jobs SET state = 'posting', lease_until = ? "
                f"WHERE key = ? AND owner = ? AND {_OPEN}",
                (until, key, owner),
            )
            return cursor.rowcount == 1

    def renew(self, keys: Sequence[str], owner: str, until: float) -> int:
        """Extend to `until` the leases `owner` still holds on these open jobs; how many.

        A job another process has taken meanwhile (its owner changed) is left alone."""
        if not keys:
            return 0
        marks = ", ".join(["?"] * len(keys))
        with self.database.session() as session:
            cursor = session.execute(
                f"UPDATE jobs SET lease_until = ? WHERE owner = ? AND {_OPEN} AND key IN ({marks})",
                (until, owner, *keys),
            )
            return int(cursor.rowcount)

    def finish(self, key: str, state: JobState, now: float) -> None:
        """Answered or failed: erase the text and response_url, keep the ids."""
        with self.database.session() as session:
            session.execute(
                "UPDATE jobs SET state = ?, text = NULL, response_url = NULL, owner = NULL, "
                "lease_until = NULL, finished_at = ? WHERE key = ?",
                (state, now, key),
            )

    def release(self, key: str, owner: str, until: float) -> None:
        """Hand an open job back, to be taken again from `until` on."""
        with self.database.session() as session:
            session.execute(
                f"UPDATE jobs SET owner = NULL, lease_until = ? "
                f"WHERE key = ? AND owner = ? AND {_OPEN}",
                (until, key, owner),
            )

    def job_state(self, key: str) -> JobState | None:
        """A job's state, or None if unknown (or pruned)."""
        with self.database.session() as session:
            row = session.execute("SELECT state FROM jobs WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def jobs(self) -> list[Job]:
        """Every job, oldest first (for tests, benchmarks and operators)."""
        with self.database.session() as session:
            rows = session.execute(
                f"SELECT {_JOB_COLUMNS} FROM jobs ORDER BY received_at, key"
            ).fetchall()
        return [_job(row) for row in rows]

    def prune_jobs(self, finished_before: float) -> int:
        """Delete finished jobs older than `finished_before`; how many went."""
        with self.database.session() as session:
            cursor = session.execute(
                "DELETE FROM jobs WHERE state IN ('answered', 'failed') AND finished_at < ?",
                (finished_before,),
            )
            return cursor.rowcount

    def write_batch(self, batch: Batch) -> None:
        """Write what answered questions left behind (see `bot.store.behind`).

        One multi-row statement per table and chunk, each committing on its own (no
        transaction held across statements: see `bot.store.sqlite`). The order makes a retry
        after a partial failure harmless: the upserts of replies and threads first, then the
        jobs (if anything before failed, they stay open and the sweeper that re-runs them
        remembers the reply again), then the outcomes, the only plain INSERT, last (a retry
        repeats none, unless over a hundred of them needed several statements). A key listed
        twice keeps its last row (PostgreSQL refuses to upsert one row twice in a statement).
        """
        with self.database.session() as session:
            answers = {(a.channel, a.ts): (a, at) for a, at in batch.answers}
            for replies in _chunks(list(answers.values())):
                session.execute(
                    "INSERT INTO answered_messages (channel, ts, reply_ts, answered_at) VALUES "
                    + _rows(len(replies), 4)
                    + " ON CONFLICT (channel, ts) DO UPDATE SET "
                    "reply_ts = excluded.reply_ts, answered_at = excluded.answered_at",
                    [v for a, at in replies for v in (a.channel, a.ts, a.reply_ts, at)],
                )
            threads = {(t.channel, t.thread_ts): t for t in batch.threads}
            for subjects in _chunks(list(threads.values())):
                session.execute(
                    "INSERT INTO conversation_threads (channel, thread_ts, concepts, updated_at) "
                    "VALUES " + _rows(len(subjects), 4) + " ON CONFLICT (channel, thread_ts) DO "
                    "UPDATE SET concepts = excluded.concepts, updated_at = excluded.updated_at",
                    [
                        value
                        for t in subjects
                        for value in (t.channel, t.thread_ts, json.dumps(list(t.concepts)), t.at)
                    ],
                )
            for state in ("answered", "failed"):
                done = [f for f in batch.finished if f.state == state]
                for chunk in _chunks(done):
                    # One finishing time per statement: the batch's last (they differ by at
                    # most the write-behind delay; the time only decides when ids are pruned).
                    session.execute(
                        "UPDATE jobs SET state = ?, text = NULL, response_url = NULL, "
                        "owner = NULL, lease_until = NULL, finished_at = ? WHERE key IN "
                        f"({', '.join(['?'] * len(chunk))})",
                        [state, max(f.at for f in chunk), *(f.key for f in chunk)],
                    )
            for outcomes in _chunks(batch.outcomes):
                session.execute(
                    _OUTCOME_INSERT + _rows(len(outcomes), 7),
                    [value for outcome in outcomes for value in _outcome_values(outcome)],
                )

    def checkpoint(self) -> None:
        """See `Database.checkpoint` (called by every serving process's sweeper)."""
        self.database.checkpoint()

    # -- ConversationStore -------------------------------------------------------------------

    def _write(self, sql: str, params: tuple[object, ...]) -> None:
        with self.database.session() as session:
            session.execute(sql, params)

    def _live_since(self) -> float:
        return time.time() - self.keep_seconds

    def remember_thread(self, channel: str, thread_ts: str, concepts: tuple[str, ...]) -> None:
        """Insert or refresh the thread with its last answer's concept ids."""
        self._write(
            "INSERT INTO conversation_threads (channel, thread_ts, concepts, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (channel, thread_ts) DO UPDATE SET "
            "concepts = excluded.concepts, updated_at = excluded.updated_at",
            (channel, thread_ts, json.dumps(list(concepts)), time.time()),
        )

    def thread(self, channel: str, thread_ts: str) -> tuple[str, ...] | None:
        """The thread's concept ids, or None for a thread peerbot has not answered in."""
        with self.database.session() as session:
            row = session.execute(
                "SELECT concepts FROM conversation_threads "
                "WHERE channel = ? AND thread_ts = ? AND updated_at >= ?",
                (channel, thread_ts, self._live_since()),
            ).fetchone()
        return tuple(json.loads(row[0])) if row else None

    def forget_thread(self, channel: str, thread_ts: str) -> None:
        """Delete the thread's row."""
        self._write(
            "DELETE FROM conversation_threads WHERE channel = ? AND thread_ts = ?",
            (channel, thread_ts),
        )

    def remember_answer(self, answered: Answered) -> None:
        """Insert or move the reply of an answered message."""
        self._write(
            "INSERT INTO answered_messages (channel, ts, reply_ts, answered_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (channel, ts) DO UPDATE SET "
            "reply_ts = excluded.reply_ts, answered_at = excluded.answered_at",
            (answered.channel, answered.ts, answered.reply_ts, time.time()),
        )

    def answered(self, channel: str, ts: str) -> Answered | None:
        """The reply to (channel, ts), if peerbot answered it within `keep_seconds`."""
        with self.database.session() as session:
            row = session.execute(
                "SELECT reply_ts FROM answered_messages "
                "WHERE channel = ? AND ts = ? AND answered_at >= ?",
                (channel, ts, self._live_since()),
            ).fetchone()
        return Answered(channel, ts, row[0]) if row else None

    def forget_answer(self, channel: str, ts: str) -> None:
        """Delete the answered message's row."""
        self._write("DELETE FROM answered_messages WHERE channel = ? AND ts = ?", (channel, ts))

    def remember_share(self, channel: str, ts: str, copy_channel: str, copy_ts: str) -> None:
        """Record one Share copy of a message."""
        self._write(
            "INSERT INTO share_copies (channel, ts, copy_channel, copy_ts, shared_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (channel, ts, copy_channel, copy_ts, time.time()),
        )

    def shares_of(self, channel: str, ts: str) -> list[tuple[str, str]]:
        """Where the copies of (channel, ts) are."""
        with self.database.session() as session:
            rows = session.execute(
                "SELECT copy_channel, copy_ts FROM share_copies "
                "WHERE channel = ? AND ts = ? AND shared_at >= ? ORDER BY copy_ts",
                (channel, ts, self._live_since()),
            ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def forget_shares(self, channel: str, ts: str) -> None:
        """Delete the rows of a message's copies."""
        self._write("DELETE FROM share_copies WHERE channel = ? AND ts = ?", (channel, ts))

    # -- curation (issue 14): outcomes for `peerbot gaps` ------------------------------------

    def record_outcome(self, outcome: Outcome) -> None:
        """Store how one question was answered (lists as JSON; never the question text)."""
        with self.database.session() as session:
            session.execute(_OUTCOME_INSERT + _rows(1, 7), _outcome_values(outcome))

    def outcomes(self) -> list[Outcome]:
        """Every recorded outcome, oldest first."""
        with self.database.session() as session:
            rows = session.execute(
                "SELECT question_hash, outcome, frame, concepts, missing, snippet_ids, asked_at "
                "FROM outcomes ORDER BY id"
            ).fetchall()
        return [
            Outcome(
                question_hash=row[0],
                outcome=row[1],
                frame=row[2],
                concepts=tuple(json.loads(row[3])),
                missing=row[4],
                snippet_ids=tuple(json.loads(row[5])),
                asked_at=row[6],
            )
            for row in rows
        ]

    def question_texts(self) -> dict[str, str]:
        """Kept question texts by hash (only those the operator opted in to keep)."""
        with self.database.session() as session:
            rows = session.execute("SELECT question_hash, text FROM questions").fetchall()
        return {row[0]: row[1] for row in rows}

    def close(self) -> None:
        """Close this process's connections."""
        self.database.close()
