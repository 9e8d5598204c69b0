"""A real PostgreSQL for the tests, started once per session from the `pgserver` wheel.

pgserver ships PostgreSQL 16 binaries in its wheel, so a fresh machine needs no system package
and no running service: the session starts a server on a Unix socket in a temporary directory
(as root, pgserver runs it as its own `pgserver` system user, as PostgreSQL requires) and stops
it at exit. Each test gets its own database. If the server truly cannot start here, the tests
that need it are skipped and say why.
"""

from __future__ import annotations

import itertools
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

import psycopg

_counter = itertools.count(1)


class Postgres:
    """The session's server: fresh databases, and a restart for fault tests."""

    def __init__(self, server: Any) -> None:
        self.server = server

    @property
    def admin_url(self) -> str:
        return str(self.server.get_uri())

    def url(self, dbname: str) -> str:
        base, _, query = self.admin_url.partition("?")
        return f"{base.rsplit('/', 1)[0]}/{dbname}?{query}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        name = f"peerbot_test_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def execute(self, url: str, sql: str) -> None:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(sql.encode())

    def stop(self) -> None:
        """Stop the server (fast: connections are cut, as in a crash or a restart)."""
        from pgserver._commands import pg_ctl

        server = self.server
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)

    def start(self) -> None:
        with self.server._lock:
            self.server.ensure_postgres_running()


def start_postgres() -> tuple[Postgres | None, str]:
    """(server, "") or (None, why it cannot start here)."""
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI).
            warnings.simplefilter("ignore")
            import pgserver

            directory = Path(tempfile.mkdtemp(prefix="peerbot-pg-"))
            server = pgserver.get_server(directory, cleanup_mode="delete")
    except Exception as error:  # any failure to start means: skip, and say why
        return None, f"PostgreSQL (pgserver) cannot start here: {type(error).__name__}: {error}"
    postgres = Postgres(server)
    # A throwaway server need not wait for the disk: PostgreSQL's "non-durable settings" for
    # tests. Every write still reaches the OS before a commit returns, so a server stopped or
    # killed (the fault tests) loses nothing; only a crash of the machine itself could, and no
    # test does that. On a busy disk the fsyncs of each CREATE DATABASE and of the shutdown
    # checkpoint took up to 20 s per run.
    postgres.execute(postgres.admin_url, "ALTER SYSTEM SET fsync = off")
    postgres.execute(postgres.admin_url, "SELECT pg_reload_conf()")
    return postgres, ""
