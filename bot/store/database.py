"""The narrow interface the SQL core needs from a database backend.

A backend (`sqlite.py`, `postgres.py`) hands out a `Session`: one connection, already in the
right process and thread, with `execute` taking portable SQL (see `bot.store.dialect`). Outside
`transaction()` every statement commits on its own, which is all a single-statement write needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from bot.store.dialect import Dialect


class Cursor(Protocol):
    """The part of a DB-API cursor the core reads."""

    @property
    def rowcount(self) -> int:
        """Rows changed by the statement."""
        ...

    def fetchone(self) -> Any:
        """The next row, or None."""
        ...

    def fetchall(self) -> list[Any]:
        """Every remaining row."""
        ...


class Session(Protocol):
    """One connection, used by one thread for the length of a `with` block."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement written in portable SQL."""
        ...


class Database(Protocol):
    """A backend: its dialect, autocommit sessions and transactions."""

    dialect: Dialect

    def session(self) -> AbstractContextManager[Session]:
        """A session in which every statement commits on its own."""
        ...

    def transaction(self) -> AbstractContextManager[Session]:
        """A session inside one transaction: committed at the end, rolled back on an error."""
        ...

    def checkpoint(self) -> None:
        """Move committed writes from a write-ahead log into the database file without
        waiting, where the backend leaves that to its user (SQLite); else nothing."""
        ...

    def close(self) -> None:
        """Release this process's connections (a later use reopens them)."""
        ...
