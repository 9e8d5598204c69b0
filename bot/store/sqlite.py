"""The zero-set-up backend: one SQLite file shared by every worker process of one host.

A connection never crosses a fork (gunicorn preloads the app in its master, then forks): each
process opens its own on first use. Within a process, each thread takes a connection from a
small pool for the length of one statement or transaction, so the thread recording a new
question before Slack's ack never queues behind listener threads finishing theirs; SQLite
itself serialises writers, and WAL mode with a busy timeout lets them queue instead of failing.

What each setting promises (bot.work's "an acknowledged question is answered even if the
process dies" rests on it):

- `journal_mode = WAL`: a commit appends to the write-ahead log; readers never block the writer
  and a crashed writer's half-written transaction is ignored on the next open.
- `synchronous = NORMAL`: a commit is in the operating system's file cache (the WAL file) before
  COMMIT returns, so it survives the death of the process (a crash, SIGKILL, an OOM kill): the
  next process to open the file reads it. It is not fsync'ed per commit (only at checkpoints),
  so a kernel crash or power loss can lose the last commits, never corrupt the file. FULL (an
  fsync of the WAL per commit) would extend the promise to power loss; a deployment that needs
  that runs on PostgreSQL, whose commits are flushed to disk before they return (its default
  `synchronous_commit = on`).
- `wal_autocheckpoint = 0`: no commit copies the log into the database file. By default the
  commit that takes the log past 1000 pages does, with an fsync of the log and one of the file
  and waits for readers: under load that landed on a question's pre-ack INSERT or its
  `posting` mark. Every serving process's sweeper checkpoints instead, once a second without
  waiting for anyone (`checkpoint`, from bot.work); SQLite also checkpoints when the last
  connection closes. Commits are as durable as before: a commit is in the log when it returns,
  and the log is synced at each checkpoint, so the commits a power loss can take are those of
  the last second (before: those since the log last reached 1000 pages, which at low traffic
  was far more than a second's).
- `journal_size_limit` and the sweeper's RESTART: a log is written again from its start only
  by a writer that finds every frame of it copied and no reader on it. Under continuous load a
  PASSIVE checkpoint never leaves it so (commits arrive while it copies), so the log grew by
  every commit, ~30 KB a question (109 MB after ~3,600 mentions). Once the log holds more than
  `wal_limit_bytes`, the sweep follows its PASSIVE checkpoint with a RESTART one: it takes the
  write lock only to copy the few frames committed meanwhile (the bulk was copied without it)
  and to sync, and it waits for nobody (busy timeout 0: if a writer or reader is in the way it
  gives up at once, tried up to three times a sweep), so the next commit starts the log over
  and cuts its file back to `wal_limit_bytes` (`journal_size_limit`). Nothing about a commit
  changes: it is in the log when it returns, as before.
- Writes on the question path are single autocommit statements, not grouped into explicit
  transactions: one statement holds the write lock only inside one `sqlite3_step`, with the GIL
  released, while BEGIN ... COMMIT holds it across several calls, between which the thread must
  win the GIL back from busy search threads (up to a 5 ms switch interval each time). Measured
  under gunicorn, grouping a question's six writes into three transactions saved no CPU and
  raised the HTTP ack p99 from 36 to 64 ms: the other worker's pre-ack INSERT slept in the
  busy handler meanwhile.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.process import current_pid
from bot.store.dialect import SQLITE, Dialect
from bot.store.records import StoreError

DATABASE_NAME = "peerbot.sqlite3"
_BUSY_TIMEOUT_SECONDS = 10.0
# The log's size at which the sweep starts it over, and to which a reset log's file is cut.
WAL_LIMIT_BYTES = 8 * 1024 * 1024
# RESTART checkpoints tried in a row when a writer or reader is in the way (each gives up at
# once; the next sweep tries again).
_RESTART_TRIES = 3
# A log frame is a page and its 24-byte header.
_FRAME_HEADER_BYTES = 24


class _SQLiteSession:
    """Portable SQL on one sqlite3 connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._connection.execute(SQLITE.sql(sql), tuple(params))
        except sqlite3.Error as error:
            # Full disk, read-only file, corrupt database, a constraint: one clear error type
            # for callers, the driver's in its cause.
            raise StoreError(f"SQLite: {error}") from error


# Idle connections kept per process; more are opened while more threads need one at once.
_KEEP_IDLE = 16


class SQLiteDatabase:
    """One SQLite file (WAL mode); a small pool of connections per process."""

    dialect: Dialect = SQLITE

    def __init__(self, path: Path, *, wal_limit_bytes: int = WAL_LIMIT_BYTES) -> None:
        self.path = path
        self.wal_limit_bytes = wal_limit_bytes
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._pid = 0

    def _open(self) -> sqlite3.Connection:
        try:
            return self._configure()
        except sqlite3.Error as error:
            raise StoreError(f"SQLite: cannot open {self.path}: {error}") from error

    def _configure(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path,
            timeout=_BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
        connection.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_SECONDS * 1000)}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute(f"PRAGMA journal_size_limit = {int(self.wal_limit_bytes)}")
        return connection

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A raw connection of this process, this thread's alone for the duration of the block."""
        with self._lock:
            if self._pid != current_pid():
                # Inherited across a fork: never use (or close) the parent's connections.
                self._idle = []
                self._pid = current_pid()
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = self._open()
        try:
            yield connection
        finally:
            with self._lock:
                keep = self._pid == current_pid() and len(self._idle) < _KEEP_IDLE
                if keep:
                    self._idle.append(connection)
            if not keep:
                connection.close()

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

    def checkpoint(self) -> None:
        """Copy what the log holds into the database file, as far as no reader stops it
        (PASSIVE: nobody waits, and nobody is waited for); then, if the log has grown past
        `wal_limit_bytes`, have it started over (RESTART, waiting for nobody either)."""
        with self.session() as session:
            row = session.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            frames = row[1] if row else 0
            if frames * (self._page_size(session) + _FRAME_HEADER_BYTES) <= self.wal_limit_bytes:
                return
            # The write lock is held only for the frames committed since the PASSIVE copy and
            # the syncs; a busy timeout of 0 never sleeps holding it (for readers) nor waits
            # for it (a writer): then it is tried again at the next sweep.
            session.execute("PRAGMA busy_timeout = 0")
            try:
                for _ in range(_RESTART_TRIES):
                    row = session.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()
                    if row is None or row[0] == 0:
                        break
            finally:
                session.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_SECONDS * 1000)}")

    def _page_size(self, session: _SQLiteSession) -> int:
        row = session.execute("PRAGMA page_size").fetchone()
        return int(row[0]) if row else 4096

    def close(self) -> None:
        """Close this process's idle connections (a later use opens new ones)."""
        with self._lock:
            idle, self._idle = (self._idle if self._pid == current_pid() else []), []
        for connection in idle:
            connection.close()


def database_path(data_dir: Path) -> Path:
    """Where the SQLite database of a deployment lives (under PEERBOT_DATA_DIR)."""
    return data_dir / DATABASE_NAME
