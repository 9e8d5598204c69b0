"""The shared backend: PostgreSQL through psycopg 3, for any number of instances on any hosts.

Leases of the work queue are taken with `FOR UPDATE SKIP LOCKED` (see `SQLStore.lease_due`),
so sweepers on every instance share expired work without waiting on one another. Connections
are pooled per process (opened after gunicorn forks, never shared across a fork); a connection
broken by a database restart is dropped and the next use opens a fresh one, so the bot carries
on by itself once the database is back.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from bot.process import current_pid
from bot.store.dialect import POSTGRES, Dialect
from bot.store.records import StoreError

CONNECT_TIMEOUT_SECONDS = 5
# Idle connections kept per process; more are opened when more threads need one at once.
_KEEP_IDLE = 16


def describe(url: str) -> str:
    """host:port/dbname of a URL, without its user or password (for error messages)."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.Error:
        return "(an unparseable PEERBOT_DATABASE_URL)"
    host = str(parts.get("host") or "localhost")
    return f"{host}:{parts.get('port') or 5432}/{parts.get('dbname') or '-'}"


class _PostgresSession:
    """Portable SQL on one psycopg connection."""

    def __init__(self, connection: psycopg.Connection[Any], where: str) -> None:
        self._connection = connection
        self._where = where

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        try:
            return self._connection.execute(POSTGRES.sql(sql), tuple(params) if params else None)
        except psycopg.Error as error:
            raise StoreError(f"PostgreSQL at {self._where}: {error}".strip()) from error


class PostgresDatabase:
    """A PostgreSQL database named by a `postgresql://` URL; a small pool per process."""

    dialect: Dialect = POSTGRES

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = describe(url)
        self._lock = threading.Lock()
        self._idle: list[psycopg.Connection[Any]] = []
        self._pid = current_pid()

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                application_name="peerbot",
            )
        except psycopg.Error as error:
            raise StoreError(
                f"cannot reach PostgreSQL at {self.where} (PEERBOT_DATABASE_URL): {error}".strip()
            ) from error

    def _take(self) -> psycopg.Connection[Any]:
        with self._lock:
            if self._pid != current_pid():
                # Inherited from the parent across a fork: never use (or close) its sockets.
                self._idle = []
                self._pid = current_pid()
            while self._idle:
                connection = self._idle.pop()
                if not connection.closed:
                    return connection
        return self._connect()

    def _give_back(self, connection: psycopg.Connection[Any]) -> None:
        if connection.broken or connection.closed:
            connection.close()
            return
        with self._lock:
            if self._pid == current_pid() and len(self._idle) < _KEEP_IDLE:
                self._idle.append(connection)
                return
        connection.close()

    @contextmanager
    def session(self) -> Iterator[_PostgresSession]:
        """Autocommit: each statement is its own transaction."""
        connection = self._take()
        try:
            yield _PostgresSession(connection, self.where)
        finally:
            self._give_back(connection)

    @contextmanager
    def transaction(self) -> Iterator[_PostgresSession]:
        """One transaction, committed at the end of the block, rolled back on an error."""
        connection = self._take()
        try:
            try:
                with connection.transaction():
                    yield _PostgresSession(connection, self.where)
            except psycopg.Error as error:
                raise StoreError(f"PostgreSQL at {self.where}: {error}".strip()) from error
        finally:
            self._give_back(connection)

    def checkpoint(self) -> None:
        """Nothing to do: PostgreSQL checkpoints by itself, off every session's path."""

    def close(self) -> None:
        """Close this process's idle connections."""
        with self._lock:
            idle, self._idle = (self._idle if self._pid == current_pid() else []), []
        for connection in idle:
            connection.close()
