"""The SQL of every store, written once for all backends.

`SQLStore` fills both `EventStore` and `FeedbackStore`; it speaks to a `Database` (SQLite or
PostgreSQL) in portable SQL (see `bot.store.dialect`). The schema is migrated when the store is
opened, so every process that uses it finds the tables it expects.
"""

from __future__ import annotations

import json
import time

from bot.store.database import Database
from bot.store.migrations import migrate
from bot.store.records import FeedbackSummary, Outcome, QuestionVotes, SnippetVotes, Vote

# Slack retries an event three times within about five minutes; a day is ample.
KEEP_HANDLED_SECONDS = 24 * 60 * 60
_PRUNE_EVERY_SECONDS = 60 * 60


class SQLStore:
    """Handled events, votes and opted-in question texts, in any `Database`."""

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
        return claimed

    # -- FeedbackStore ----------------------------------------------------------------------

    def record(self, vote: Vote) -> None:
        """Store one vote (snippet ids as a JSON list)."""
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
        """Every vote, oldest first."""
        with self.database.session() as session:
            rows = session.execute(
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

    # -- curation (issue 14): outcomes for `peerbot gaps` ------------------------------------

    def record_outcome(self, outcome: Outcome) -> None:
        """Store how one question was answered (lists as JSON; never the question text)."""
        with self.database.session() as session:
            session.execute(
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
