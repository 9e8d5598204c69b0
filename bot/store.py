"""What the Slack app remembers: events already handled, and staff feedback on answers.

Slack redelivers an event it thinks was missed (with `X-Slack-Retry-Num` and the same
`event_id`), and in HTTP mode the retry may reach a different worker process than the first
delivery. So "have we handled this?" must be answered by something all workers share. The
protocols below say what the app needs; the SQLite classes fill them for one host (WAL mode,
`INSERT OR IGNORE`, safe across the worker processes of one deployment). A deployment spread
over several hosts would implement the same protocols on its server database.

Privacy: feedback stores a hash of the question, never its text, unless the operator opts in
with PEERBOT_STORE_QUESTION_TEXT (then `remember_question` is called with the text).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

DATABASE_NAME = "peerbot.sqlite3"
# Slack retries an event three times within about five minutes; a day is ample.
KEEP_HANDLED_SECONDS = 24 * 60 * 60
_PRUNE_EVERY_SECONDS = 60 * 60
_QUESTION_HASH_CHARS = 16

VoteKind = Literal["helpful", "not_helpful"]


def question_hash(question: str) -> str:
    """A short, stable hash of the normalised question: groups votes without keeping the text."""
    normal = " ".join(question.casefold().split())
    # surrogatepass: JSON from Slack can carry a lone surrogate ("\\ud800"), which UTF-8 refuses.
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[
        :_QUESTION_HASH_CHARS
    ]


class EventStore(Protocol):
    """Remembers which Slack deliveries were already taken on, across all workers."""

    def claim(self, key: str) -> bool:
        """True the first time `key` is claimed in this deployment, False ever after."""
        ...

    def close(self) -> None:
        """Release connections held by this process."""
        ...


@dataclass(frozen=True)
class Vote:
    """One click on Helpful / Not helpful, with what was shown but not what was asked."""

    vote: VoteKind
    question_hash: str
    snippet_ids: tuple[str, ...]
    voted_at: float
    # A hash of (message, person) from `ballot_key`: that person's earlier vote on that message
    # is replaced, so `peerbot feedback` counts people, not clicks. None: one anonymous click.
    ballot: str | None = None


@dataclass(frozen=True)
class SnippetVotes:
    """Votes on answers that showed one snippet."""

    snippet_id: str
    helpful: int
    not_helpful: int


@dataclass(frozen=True)
class QuestionVotes:
    """Votes on one question (by hash); `text` only when the operator opted in to keep it."""

    question_hash: str
    text: str | None
    helpful: int
    not_helpful: int
    declined: bool


@dataclass(frozen=True)
class FeedbackSummary:
    """Totals, snippets ranked by down-votes, and questions ranked by down-votes."""

    helpful: int
    not_helpful: int
    snippets: tuple[SnippetVotes, ...]
    questions: tuple[QuestionVotes, ...]

    @property
    def total(self) -> int:
        """Every vote recorded."""
        return self.helpful + self.not_helpful


class FeedbackStore(Protocol):
    """Where Helpful / Not helpful votes go, and where `peerbot feedback` reads them."""

    def record(self, vote: Vote) -> None:
        """Store one vote."""
        ...

    def remember_question(self, question_hash: str, text: str) -> None:
        """Keep a question's text next to its hash (only called when the operator opted in)."""
        ...

    def summary(self) -> FeedbackSummary:
        """Every vote, aggregated."""
        ...

    def close(self) -> None:
        """Release connections held by this process."""
        ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS handled_events (
    key TEXT PRIMARY KEY,
    handled_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    voted_at REAL NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('helpful', 'not_helpful')),
    question_hash TEXT NOT NULL,
    snippet_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS questions (
    question_hash TEXT PRIMARY KEY,
    text TEXT NOT NULL
);
"""


class SQLiteDatabase:
    """One SQLite file shared by every worker process; one connection per process.

    A connection never crosses a fork (gunicorn preloads the app in its master, then forks):
    each process opens its own on first use. Within a process, a lock serialises use of the
    connection, which is plenty for a bot's traffic; across processes, WAL mode and a busy
    timeout let writers queue instead of failing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        with self.connect() as connection:
            connection.executescript(_SCHEMA)
        # Do not hand this connection to forked children: they open their own.
        self.close()

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        connection.execute("PRAGMA busy_timeout = 10000")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """This process's connection, held under the lock for the duration of the block."""
        with self._lock:
            if self._connection is None or self._pid != os.getpid():
                self._connection = self._open()
                self._pid = os.getpid()
            yield self._connection

    def close(self) -> None:
        """Close this process's connection (a later use reopens it)."""
        with self._lock:
            if self._connection is not None and self._pid == os.getpid():
                self._connection.close()
            self._connection = None


class SQLiteEventStore:
    """`EventStore` on SQLite: a claim is an `INSERT OR IGNORE` that only one process wins."""

    def __init__(self, database: SQLiteDatabase, keep_seconds: float = KEEP_HANDLED_SECONDS):
        self.database = database
        self.keep_seconds = keep_seconds
        self._last_prune = 0.0

    def claim(self, key: str) -> bool:
        """True the first time `key` is claimed by any process sharing the database."""
        now = time.time()
        with self.database.connect() as connection:
            cursor = connection.execute(
                "INSERT OR IGNORE INTO handled_events (key, handled_at) VALUES (?, ?)", (key, now)
            )
            claimed = cursor.rowcount == 1
            if now - self._last_prune > _PRUNE_EVERY_SECONDS:
                self._last_prune = now
                connection.execute(
                    "DELETE FROM handled_events WHERE handled_at < ?", (now - self.keep_seconds,)
                )
        return claimed

    def close(self) -> None:
        """Close this process's connection."""
        self.database.close()


class SQLiteFeedbackStore:
    """`FeedbackStore` on SQLite."""

    def __init__(self, database: SQLiteDatabase) -> None:
        self.database = database
        with database.connect() as connection:
            connection.executescript(_CONVERSATION_SCHEMA)

    def record(self, vote: Vote) -> None:
        """Store one vote (snippet ids as a JSON list); a ballot replaces that person's last."""
        if vote.ballot is not None:
            record_ballot(self.database, vote.ballot, vote)
            return
        with self.database.connect() as connection:
            connection.execute(
                "INSERT INTO feedback (voted_at, vote, question_hash, snippet_ids) "
                "VALUES (?, ?, ?, ?)",
                (vote.voted_at, vote.vote, vote.question_hash, json.dumps(list(vote.snippet_ids))),
            )

    def remember_question(self, question_hash: str, text: str) -> None:
        """Keep the question text (the operator opted in with PEERBOT_STORE_QUESTION_TEXT)."""
        with self.database.connect() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO questions (question_hash, text) VALUES (?, ?)",
                (question_hash, text),
            )

    def votes(self) -> list[Vote]:
        """Every vote (one per person per message, plus older anonymous clicks), oldest first."""
        with self.database.connect() as connection:
            rows = connection.execute(
                "SELECT vote, question_hash, snippet_ids, voted_at FROM feedback ORDER BY id"
            ).fetchall()
        return [
            Vote(
                vote=row[0],
                question_hash=row[1],
                snippet_ids=tuple(json.loads(row[2])),
                voted_at=row[3],
            )
            for row in rows
        ] + ballots(self.database)

    def summary(self) -> FeedbackSummary:
        """Totals, then snippets and questions with the most Not helpful votes first."""
        votes = self.votes()
        with self.database.connect() as connection:
            texts = dict(connection.execute("SELECT question_hash, text FROM questions").fetchall())
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

    def close(self) -> None:
        """Close this process's connection."""
        self.database.close()


def database_path(data_dir: Path) -> Path:
    """Where the SQLite database of a deployment lives (under PEERBOT_DATA_DIR)."""
    return data_dir / DATABASE_NAME


def open_stores(data_dir: Path) -> tuple[SQLiteEventStore, SQLiteFeedbackStore]:
    """The event and feedback stores of a deployment, sharing one SQLite file."""
    database = SQLiteDatabase(database_path(data_dir))
    return SQLiteEventStore(database), SQLiteFeedbackStore(database)


# --- conversations (issue 11): threads, answered messages, share copies, one vote per person ---
# Kept in one block, in portable SQL (`?` placeholders, INSERT ... ON CONFLICT), so it moves to the
# shared SQL core as a migration when bot/store/ lands. Nothing here holds what anyone wrote: a
# thread keeps the concept ids of its last answer, an answered message only where it and its reply
# are, and a vote a hash of (message, person) so a second click replaces the first.

_CONVERSATION_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversation_threads (
    channel TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    concepts TEXT NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (channel, thread_ts)
);
CREATE TABLE IF NOT EXISTS answered_messages (
    channel TEXT NOT NULL,
    ts TEXT NOT NULL,
    reply_ts TEXT NOT NULL,
    answered_at REAL NOT NULL,
    PRIMARY KEY (channel, ts)
);
CREATE TABLE IF NOT EXISTS share_copies (
    channel TEXT NOT NULL,
    ts TEXT NOT NULL,
    copy_channel TEXT NOT NULL,
    copy_ts TEXT NOT NULL,
    shared_at REAL NOT NULL,
    PRIMARY KEY (channel, ts, copy_channel, copy_ts)
);
CREATE TABLE IF NOT EXISTS person_votes (
    ballot TEXT PRIMARY KEY,
    voted_at REAL NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('helpful', 'not_helpful')),
    question_hash TEXT NOT NULL,
    snippet_ids TEXT NOT NULL
);
"""


# Tables whose rows expire like handled event ids, with their time column.
_EXPIRING = (
    ("conversation_threads", "updated_at"),
    ("answered_messages", "answered_at"),
    ("share_copies", "shared_at"),
)


def ballot_key(message: str, person: str) -> str:
    """One person's ballot on one message, as a hash: counts people without listing who voted."""
    return hashlib.sha256(f"{message}\n{person}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Answered:
    """Where a question peerbot answered sits, and where its reply sits (no text)."""

    channel: str
    ts: str
    reply_ts: str


class ConversationStore(Protocol):
    """What follow-ups, edits, deletions and share copies need remembered, for a day."""

    def remember_thread(self, channel: str, thread_ts: str, concepts: tuple[str, ...]) -> None:
        """peerbot answered in this thread; its last answer used these concept ids."""
        ...

    def thread(self, channel: str, thread_ts: str) -> tuple[str, ...] | None:
        """The concept ids of a thread peerbot answered in, or None if it is not one of its."""
        ...

    def forget_thread(self, channel: str, thread_ts: str) -> None:
        """Drop a thread (its first question was deleted)."""
        ...

    def remember_answer(self, answered: Answered) -> None:
        """peerbot replied to the message at (channel, ts) with the message at reply_ts."""
        ...

    def answered(self, channel: str, ts: str) -> Answered | None:
        """peerbot's reply to a message, if it answered it."""
        ...

    def forget_answer(self, channel: str, ts: str) -> None:
        """The question was deleted: nothing about it is kept."""
        ...

    def remember_share(self, channel: str, ts: str, copy_channel: str, copy_ts: str) -> None:
        """A Share copy at (copy_channel, copy_ts) repeats the message at (channel, ts)."""
        ...

    def shares_of(self, channel: str, ts: str) -> list[tuple[str, str]]:
        """Every Share copy that repeats a message, as (channel, ts)."""
        ...

    def forget_shares(self, channel: str, ts: str) -> None:
        """The message was deleted: forget where its copies were."""
        ...

    def close(self) -> None:
        """Release connections held by this process."""
        ...


class SQLiteConversationStore:
    """`ConversationStore` on SQLite; rows older than `keep_seconds` are pruned like event ids."""

    def __init__(self, database: SQLiteDatabase, keep_seconds: float = KEEP_HANDLED_SECONDS):
        self.database = database
        self.keep_seconds = keep_seconds
        self._last_prune = 0.0
        with database.connect() as connection:
            connection.executescript(_CONVERSATION_SCHEMA)

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        now = time.time()
        with self.database.connect() as connection:
            connection.execute(sql, args)
            if now - self._last_prune > _PRUNE_EVERY_SECONDS:
                self._last_prune = now
                cutoff = now - self.keep_seconds
                for table, column in _EXPIRING:
                    connection.execute(f"DELETE FROM {table} WHERE {column} < ?", (cutoff,))

    def _live(self) -> float:
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
        with self.database.connect() as connection:
            row = connection.execute(
                "SELECT concepts FROM conversation_threads "
                "WHERE channel = ? AND thread_ts = ? AND updated_at >= ?",
                (channel, thread_ts, self._live()),
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
            "VALUES (?, ?, ?, ?) "
            "ON CONFLICT (channel, ts) DO UPDATE SET reply_ts = excluded.reply_ts, "
            "answered_at = excluded.answered_at",
            (answered.channel, answered.ts, answered.reply_ts, time.time()),
        )

    def answered(self, channel: str, ts: str) -> Answered | None:
        """The reply to (channel, ts), if peerbot answered it within `keep_seconds`."""
        with self.database.connect() as connection:
            row = connection.execute(
                "SELECT reply_ts FROM answered_messages "
                "WHERE channel = ? AND ts = ? AND answered_at >= ?",
                (channel, ts, self._live()),
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
        with self.database.connect() as connection:
            rows = connection.execute(
                "SELECT copy_channel, copy_ts FROM share_copies "
                "WHERE channel = ? AND ts = ? AND shared_at >= ? ORDER BY copy_ts",
                (channel, ts, self._live()),
            ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def forget_shares(self, channel: str, ts: str) -> None:
        """Delete the rows of a message's copies."""
        self._write("DELETE FROM share_copies WHERE channel = ? AND ts = ?", (channel, ts))

    def close(self) -> None:
        """Close this process's connection."""
        self.database.close()


def record_ballot(database: SQLiteDatabase, ballot: str, vote: Vote) -> None:
    """One person's vote on one message: a later click replaces the earlier one."""
    with database.connect() as connection:
        connection.execute(
            "INSERT INTO person_votes (ballot, voted_at, vote, question_hash, snippet_ids) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (ballot) DO UPDATE SET "
            "voted_at = excluded.voted_at, vote = excluded.vote",
            (
                ballot,
                vote.voted_at,
                vote.vote,
                vote.question_hash,
                json.dumps(list(vote.snippet_ids)),
            ),
        )


def ballots(database: SQLiteDatabase) -> list[Vote]:
    """Every person's current vote, oldest first."""
    with database.connect() as connection:
        rows = connection.execute(
            "SELECT vote, question_hash, snippet_ids, voted_at FROM person_votes ORDER BY voted_at"
        ).fetchall()
    return [Vote(row[0], row[1], tuple(json.loads(row[2])), row[3]) for row in rows]
