"""Fixtures for the Slack tests: a fake Slack on loopback and the real app serving HTTP.

`live_app` runs `create_app` behind a real HTTP server on 127.0.0.1 (port 0), with its Web API
client pointed at `FakeSlack` through SLACK_API_URL, exactly as `peerbot serve` configures it.
Tests talk to it with signed HTTP requests and assert on what the fake Slack received.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from slack_bolt import App

from bot.app import create_app
from bot.config import Settings, load_settings
from bot.loader import LiveIndex, load_index
from bot.server import EVENTS_PATH, wsgi_app
from bot.store import SQLStore, database_url, open_store
from bot.work import WorkQueue
from tests.slack.fakes import (
    BOT_TOKEN,
    SIGNING_SECRET,
    WAIT_SECONDS,
    FakeSlack,
    SlackSender,
    http_get,
)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """slack_sdk honours proxy variables; loopback traffic must never go through one."""
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def slack_environ(
    knowledge: Path, seeds: Path, data_dir: Path, fake: FakeSlack, **extra: str
) -> dict[str, str]:
    """The environment `peerbot serve` would get, pointed at the mini KB and the fake Slack."""
    return {
        "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
        "PEERBOT_SEEDS_DIR": str(seeds),
        "PEERBOT_DATA_DIR": str(data_dir),
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        **extra,
    }


class TrackingExecutor(ThreadPoolExecutor):
    """Bolt's listener pool, able to say when every listener it was given has finished.

    Lets a test assert "exactly one reply" without sleeping: once the pool is idle, nothing
    more can be posted for the requests already answered.
    """

    def __init__(self) -> None:
        super().__init__(max_workers=4, thread_name_prefix="test-listener")
        self._futures: list[Future[Any]] = []
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = super().submit(fn, *args, **kwargs)
        with self._lock:
            self._futures.append(future)
        return future

    def wait_idle(self) -> None:
        while True:
            with self._lock:
                pending = [future for future in self._futures if not future.done()]
            if not pending:
                return
            done, not_done = wait_futures(pending, timeout=WAIT_SECONDS)
            assert not not_done, "listeners still running"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 makes concurrent senders wait on SYN retries


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@dataclass
class LiveApp:
    """The app serving HTTP on loopback, and what a test needs around it."""

    app: App
    url: str
    settings: Settings
    fake: FakeSlack
    sender: SlackSender
    executor: TrackingExecutor
    store: SQLStore
    work: WorkQueue
    live: LiveIndex

    @property
    def events(self) -> SQLStore:
        return self.store

    @property
    def feedback(self) -> SQLStore:
        return self.store

    def drain(self) -> None:
        """Wait until every listener started so far has finished and what they left to write
        behind their replies is written."""
        self.executor.wait_idle()
        assert self.work.writes.flush(timeout=WAIT_SECONDS), "queued rows not written"


@pytest.fixture
def make_live_app(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, fake_slack: FakeSlack
) -> Iterator[Callable[..., LiveApp]]:
    """Start the app (extra settings as keyword arguments); everything is stopped at teardown."""
    stops: list[Callable[[], None]] = []

    def start(**extra: str) -> LiveApp:
        knowledge, seeds = mini_kb_dirs
        environ = slack_environ(knowledge, seeds, tmp_path / "data", fake_slack, **extra)
        settings = load_settings(environ, for_slack=True)
        store = open_store(database_url(settings))
        work = WorkQueue(
            store, settings.slack_bot_token or "", lease_seconds=settings.work_lease_seconds
        )
        executor = TrackingExecutor()
        live = LiveIndex(settings, load_index(settings))
        app = create_app(settings, live, store=store, work=work, listener_executor=executor)
        server = make_server(
            "127.0.0.1",
            0,
            wsgi_app(app, live),
            server_class=_ThreadingWSGIServer,
            handler_class=_QuietHandler,
        )
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()

        def stop() -> None:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
            work.shutdown(0)
            executor.shutdown(wait=True)
            store.close()

        stops.append(stop)
        url = f"http://127.0.0.1:{server.server_address[1]}{EVENTS_PATH}"
        return LiveApp(
            app, url, settings, fake_slack, SlackSender(url), executor, store, work, live
        )

    yield start
    for stop in reversed(stops):
        stop()


@pytest.fixture
def live_app(make_live_app: Callable[..., LiveApp]) -> LiveApp:
    return make_live_app()


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
        return self.log_path.read_text(encoding="utf-8")


@pytest.fixture
def served(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, fake_slack: FakeSlack
) -> Iterator[Served]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.set_inheritable(True)
    port = listener.getsockname()[1]
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "PEERBOT_"))
    }
    environ.update(
        slack_environ(
            *mini_kb_dirs,
            tmp_path / "data",
            fake_slack,
            PEERBOT_WORKERS="2",
            PEERBOT_THREADS="4",
        )
    )
    log_path = tmp_path / "serve.log"
    with listener, log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--bind", f"fd://{listener.fileno()}"],
            pass_fds=(listener.fileno(),),
            env=environ,
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Served(process, f"http://127.0.0.1:{port}", log_path)
    try:
        deadline = time.monotonic() + 30
        while not _healthy(f"{server.base_url}/healthz"):
            assert process.poll() is None, server.stop()
            assert time.monotonic() < deadline, "peerbot serve did not start"
            time.sleep(0.05)
        yield server
    finally:
        # Also when start-up fails: a server left running would outlive the test and its
        # Popen be collected later, failing whichever test runs then (ResourceWarning).
        server.stop()


def _healthy(url: str) -> bool:
    """True once /healthz answers 200; a slow or refused connection while booting is not yet."""
    try:
        return http_get(url).status == 200
    except OSError:
        return False
