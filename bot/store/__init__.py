"""What the Slack app remembers: events handled, staff feedback, and where conversations are.

Slack redelivers an event it thinks was missed (with `X-Slack-Retry-Num` and the same
`event_id`), and in HTTP mode the retry may reach a different worker process than the first
delivery. So "have we handled this?" must be answered by something all workers share. The
protocols (`records.py`) say what the app needs; one SQL core (`core.py`) fills them in portable
SQL over a backend chosen by URL: `sqlite.py` for one host (WAL mode, safe across the worker
processes of one deployment). The schema is a numbered list of migrations (`migrations.py`)
applied when a store is opened.

`open_store(url)` is the only place a backend is chosen; nothing below the composition root asks
which one it got.
"""

from __future__ import annotations

from pathlib import Path

from bot.store.core import KEEP_HANDLED_SECONDS, SQLStore
from bot.store.migrations import LATEST_VERSION, MIGRATIONS, Migration, migrate, schema_version
from bot.store.records import (
    Answered,
    ConversationStore,
    EventStore,
    FeedbackStore,
    FeedbackSummary,
    Outcome,
    OutcomeKind,
    QuestionVotes,
    SnippetVotes,
    StoreError,
    Vote,
    VoteKind,
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


def open_store(url: str) -> SQLStore:
    """The store at `url` (`sqlite://PATH`), its schema created or migrated."""
    if url.startswith(_SQLITE_PREFIX):
        path = url[len(_SQLITE_PREFIX) :]
        if not path:
            raise StoreError(f"{url!r}: a sqlite URL needs a file path, e.g. sqlite:///data/x.db")
        return SQLStore(SQLiteDatabase(Path(path)))
    scheme = url.split(":", 1)[0] if ":" in url else url
    raise StoreError(f"unsupported database URL scheme {scheme!r} (expected sqlite://)")
