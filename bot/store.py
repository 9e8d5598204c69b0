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


# --- curation: what each answer showed (issue 14; for `peerbot gaps`) ----------------------------

OutcomeKind = Literal["answered", "partial", "declined"]


@dataclass(frozen=True)
class Outcome:
    """How one question was answered, without its text: what `peerbot gaps` is built from."""

    question_hash: str
    outcome: OutcomeKind
    frame: str | None
    concepts: tuple[str, ...]
    missing: str | None
    snippet_ids: tuple[str, ...]
    asked_at: float


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

    def record_outcome(self, outcome: Outcome) -> None:
        """Store how one question was answered (hash, frame, concepts, snippets shown)."""
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
CREATE TABLE IF NOT EXISTS outcomes (
    id INTEGER PRIMARY KEY,
    asked_at REAL NOT NULL,
    question_hash TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'partial', 'declined')),
    frame TEXT,
    concepts TEXT NOT NULL,
    missing TEXT,
    snippet_ids TEXT NOT NULL
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

    def record(self, vote: Vote) -> None:
        """Store one vote (snippet ids as a JSON list)."""
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
        """Every vote, oldest first."""
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
        ]

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

    # --- curation (issue 14): outcomes for `peerbot gaps` -----------------------------------

    def record_outcome(self, outcome: Outcome) -> None:
        """Store how one question was answered (lists as JSON; never the question text)."""
        with self.database.connect() as connection:
            connection.execute(
                "INSERT INTO outcomes (asked_at, question_hash, outcome, frame, concepts, "
                "missing, snippet_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    outcome.asked_at,
                    outcome.question_hash,
                    outcome.outcome,
                    outcome.frame,
                    json.dumps(list(outcome.concepts)),
                    outcome.missing,
                    json.dumps(list(outcome.snippet_ids)),
                ),
            )

    def outcomes(self) -> list[Outcome]:
        """Every recorded outcome, oldest first."""
        with self.database.connect() as connection:
            rows = connection.execute(
                "SELECT question_hash, outcome, frame, concepts, missing, snippet_ids, asked_at "
                "FROM outcomes ORDER BY id"
            ).fetchall()
        return [
            Outcome(
                row[0],
                row[1],
                row[2],
                tuple(json.loads(row[3])),
                row[4],
                tuple(json.loads(row[5])),
                row[6],
            )
            for row in rows
        ]

    def question_texts(self) -> dict[str, str]:
        """Kept question texts by hash (only those the operator opted in to keep)."""
        with self.database.connect() as connection:
            return dict(connection.execute("SELECT question_hash, text FROM questions").fetchall())

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
