"""What the Slack app remembers: events handled, staff feedback, and where conversations are.

Slack redelivers an event it thinks was missed (with `X-Slack-Retry-Num` and the same
`event_id`), and in HTTP mode the retry may reach a different worker process than the first
delivery. So "have we handled this?" must be answered by something all workers share. The
protocols (`records.py`) say what the app needs; one SQL core (`core.py`) fills them in portable
SQL over a backend chosen by URL: `sqlite.py` for one host (WAL mode, safe across the worker
processes of one deployment) and `postgres.py` for any number of instances sharing one
PostgreSQL (psycopg 3, imported only when a `postgresql://` URL is used). The schema is a
numbered list of migrations (`migrations.py`) applied when a store is opened.

`open_store(url)` is the only place a backend is chosen; nothing below the composition root asks
which one it got.
"""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.store.core import KEEP_HANDLED_SECONDS, SQLStore
from bot.store.migrations import LATEST_VERSION, MIGRATIONS, Migration, migrate, schema_version
from bot.store.records import (
    OPEN_STATES,
    Answered,
    ConversationStore,
    EventStore,
    FeedbackStore,
    FeedbackSummary,
    Job,
    JobState,
    Outcome,
    OutcomeKind,
    QuestionVotes,
    SnippetVotes,
    StoreError,
    Vote,
    VoteKind,
    WorkStore,
    ballot_key,
    question_hash,
)
from bot.store.sqlite import DATABASE_NAME, SQLiteDatabase, database_path

__all__ = [
    "DATABASE_NAME",
    "Answered",
    "ConversationStore",
    "KEEP_HANDLED_SECONDS",
    "LATEST_VERSION",
    "MIGRATIONS",
    "EventStore",
    "FeedbackStore",
    "FeedbackSummary",
    "Job",
    "JobState",
    "OPEN_STATES",
    "WorkStore",
    "Migration",
    "Outcome",
    "OutcomeKind",
    "QuestionVotes",
    "SQLStore",
    "SQLiteDatabase",
    "SnippetVotes",
    "StoreError",
    "Vote",
    "VoteKind",
    "ballot_key",
    "database_path",
    "database_url",
    "migrate",
    "open_store",
    "question_hash",
    "schema_version",
    "sqlite_url",
]

_SQLITE_PREFIX = "sqlite://"


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file (`sqlite:///abs/path` for an absolute path)."""
    return _SQLITE_PREFIX + str(path)


def database_url(settings: Settings) -> str:
    """PEERBOT_DATABASE_URL, or the SQLite file under PEERBOT_DATA_DIR."""
    return settings.database or sqlite_url(database_path(settings.data_dir))


def open_store(url: str) -> SQLStore:
    """The store at `url` (`sqlite://PATH` or `postgresql://...`), its schema created or migrated.

    Raises StoreError, naming the database but never its password, when it cannot be reached.
    """
    if url.startswith(_SQLITE_PREFIX):
        path = url[len(_SQLITE_PREFIX) :]
        if not path:
            raise StoreError(f"{url!r}: a sqlite URL needs a file path, e.g. sqlite:///data/x.db")
        return SQLStore(SQLiteDatabase(Path(path)))
    if url.startswith(("postgresql://", "postgres://")):
        from bot.store.postgres import PostgresDatabase

        return SQLStore(PostgresDatabase(url))
    scheme = url.split(":", 1)[0] if ":" in url else url
    raise StoreError(
        f"unsupported database URL scheme {scheme!r} (expected sqlite:// or postgresql://)"
    )
