"""The zero-set-up backend: one SQLite file shared by every worker process of one host.

A connection never crosses a fork (gunicorn preloads the app in its master, then forks): each
process opens its own on first use. Within a process, a lock serialises use of the connection,
which is plenty for a bot's traffic; across processes, WAL mode and a busy timeout let writers
queue instead of failing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.store.dialect import SQLITE, Dialect

DATABASE_NAME = "peerbot.sqlite3"
_BUSY_TIMEOUT_SECONDS = 10.0


class _SQLiteSession:
    """Portable SQL on one sqlite3 connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._connection.execute(SQLITE.sql(sql), tuple(params))


class SQLiteDatabase:
    """One SQLite file (WAL mode); one connection per process, used under a lock."""

    dialect: Dialect = SQLITE

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path,
            timeout=_BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
        connection.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_SECONDS * 1000)}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """This process's raw connection, held under the lock for the duration of the block."""
        with self._lock:
            if self._connection is None or self._pid != os.getpid():
                self._connection = self._open()
                self._pid = os.getpid()
            yield self._connection

    @contextmanager
    def session(self) -> Iterator[_SQLiteSession]:
        """Autocommit: each statement is its own transaction."""
        with self.connect() as connection:
            yield _SQLiteSession(connection)

    @contextmanager
    def transaction(self) -> Iterator[_SQLiteSession]:
        """BEGIN IMMEDIATE takes the write lock first, so two writers never deadlock."""
        with self.connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield _SQLiteSession(connection)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def close(self) -> None:
        """Close this process's connection (a later use reopens it)."""
        with self._lock:
            if self._connection is not None and self._pid == os.getpid():
                self._connection.close()
            self._connection = None


def database_path(data_dir: Path) -> Path:
    """Where the SQLite database of a deployment lives (under PEERBOT_DATA_DIR)."""
    return data_dir / DATABASE_NAME
