"""The schema, as a numbered list of migrations, and the code that applies them on start.

Every process that opens the store calls `migrate`: it takes a lock (SQLite's write lock, a
PostgreSQL advisory lock), reads the highest version in `schema_version`, applies the newer
migrations in order in the same transaction, and records each. So a fresh database is created,
an older one brought up to date, and two processes starting together migrate once.

Adding persisted state: append a `Migration` with the next number, in portable SQL (see
`bot.store.dialect`), and add the methods that use it to `bot.store.core.SQLStore`, so both
backends get it. Never edit a migration that has been released: add another.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.store.database import Database
from bot.store.records import StoreError


@dataclass(frozen=True)
class Migration:
    """One step of the schema: its number, a name for the log, and its statements."""

    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "handled events, feedback votes, opted-in question texts",
        (
            # IF NOT EXISTS: databases made before versioning already have these tables.
            """CREATE TABLE IF NOT EXISTS handled_events (
                key TEXT PRIMARY KEY,
                handled_at DOUBLE PRECISION NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS feedback (
                id {serial_id},
                voted_at DOUBLE PRECISION NOT NULL,
                vote TEXT NOT NULL CHECK (vote IN ('helpful', 'not_helpful')),
                question_hash TEXT NOT NULL,
                snippet_ids TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS questions (
                question_hash TEXT PRIMARY KEY,
                text TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        2,
        "answer outcomes for peerbot gaps (issue 14)",
        (
            """CREATE TABLE outcomes (
                id {serial_id},
                asked_at DOUBLE PRECISION NOT NULL,
                question_hash TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'partial', 'declined')),
                frame TEXT,
                concepts TEXT NOT NULL,
                missing TEXT,
                snippet_ids TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        3,
        "conversations: threads, answered messages, share copies, one vote per person",
        (
            # Concept ids of a thread's last answer (JSON list), never its text.
            """CREATE TABLE conversation_threads (
                channel TEXT NOT NULL,
                thread_ts TEXT NOT NULL,
                concepts TEXT NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (channel, thread_ts)
            )""",
            """CREATE TABLE answered_messages (
                channel TEXT NOT NULL,
                ts TEXT NOT NULL,
                reply_ts TEXT NOT NULL,
                answered_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (channel, ts)
            )""",
            """CREATE TABLE share_copies (
                channel TEXT NOT NULL,
                ts TEXT NOT NULL,
                copy_channel TEXT NOT NULL,
                copy_ts TEXT NOT NULL,
                shared_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (channel, ts, copy_channel, copy_ts)
            )""",
            # ballot: a hash of (message, person); a second click replaces the first.
            """CREATE TABLE person_votes (
                ballot TEXT PRIMARY KEY,
                voted_at DOUBLE PRECISION NOT NULL,
                vote TEXT NOT NULL CHECK (vote IN ('helpful', 'not_helpful')),
                question_hash TEXT NOT NULL,
                snippet_ids TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        4,
        "durable work queue: accepted questions and commands with leases",
        (
            # text and response_url are erased when a job finishes; finished rows are pruned
            # after a day (see bot.work).
            """CREATE TABLE jobs (
                key TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                event_id TEXT NOT NULL,
                received_at DOUBLE PRECISION NOT NULL,
                channel TEXT,
                ts TEXT,
                thread_ts TEXT,
                user_id TEXT,
                command TEXT,
                response_url TEXT,
                text TEXT,
                state TEXT NOT NULL
                    CHECK (state IN ('received', 'posting', 'answered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                owner TEXT,
                lease_until DOUBLE PRECISION,
                finished_at DOUBLE PRECISION
            )""",
            "CREATE INDEX jobs_due ON jobs (state, lease_until)",
            "CREATE INDEX jobs_finished ON jobs (finished_at)",
        ),
    ),
    Migration(
        5,
        "work queue indexes hold only the jobs each is searched for",
        (
            # A question's INSERT before the ack wrote four b-trees: the table, its key, and
            # both indexes, though an open job has no finishing time and a finished one is
            # never searched for by state. jobs_due now holds open jobs only (a few pages,
            # written by the INSERT and the posting mark, left by the finish), jobs_finished
            # finished ones only (first written by the finish). The sweeper's and the pruner's
            # queries state these conditions, so both databases still use the indexes.
            "DROP INDEX jobs_due",
            "CREATE INDEX jobs_due ON jobs (state, lease_until) "
            "WHERE state IN ('received', 'posting')",
            "DROP INDEX jobs_finished",
            "CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version

_VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at DOUBLE PRECISION NOT NULL
)"""


def _check_numbering(migrations: tuple[Migration, ...]) -> None:
    numbers = [migration.version for migration in migrations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StoreError(f"migrations must be numbered 1, 2, 3, ... in order, not {numbers}")


def migrate(database: Database, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Bring the schema up to date; the versions applied now (empty when already current)."""
    _check_numbering(migrations)
    applied: list[int] = []
    with database.transaction() as session:
        if database.dialect.migration_lock:
            session.execute(database.dialect.migration_lock)
        session.execute(_VERSION_TABLE)
        row = session.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = int(row[0]) if row and row[0] is not None else 0
        newest = migrations[-1].version if migrations else 0
        if current > newest:
            raise StoreError(
                f"the database schema is at version {current}, newer than this peerbot knows "
                f"({newest}): upgrade peerbot, or point PEERBOT_DATABASE_URL at another database"
            )
        for migration in migrations:
            if migration.version <= current:
                continue
            for statement in migration.statements:
                session.execute(statement)
            session.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, time.time()),
            )
            applied.append(migration.version)
    return applied


def schema_version(database: Database) -> int:
    """The highest migration applied (0 for a database never migrated)."""
    with database.session() as session:
        row = session.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0
