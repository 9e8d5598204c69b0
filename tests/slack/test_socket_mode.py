"""Socket Mode, as far as it runs locally: a loopback WebSocket server plays Slack.

The app asks the fake Web API (SLACK_API_URL) for a connection URL with its app-level token,
connects to the fake Socket Mode server, acks each envelope, and answers through the Web API.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import create_app
from bot.config import load_settings
from bot.loader import LiveIndex, load_index
from bot.server import health, socket_connected, socket_mode_handler
from bot.store import Job, database_path, database_url, open_store, sqlite_url
from bot.work import WorkQueue
from tests.slack.conftest import TrackingExecutor, slack_environ
from tests.slack.fakes import (
    APP_TOKEN,
    BOT_TOKEN,
    BOT_USER_ID,
    FakeSlack,
    FakeSocketMode,
    app_mention,
    command_payload,
    event_callback,
    quotes_with_citations,
)


@pytest.fixture
def socket_server(fake_slack: FakeSlack) -> Iterator[FakeSocketMode]:
    server = FakeSocketMode().start()
    fake_slack.socket_mode_url = server.url
    yield server
    server.stop()


def test_socket_mode_connects_acks_and_answers(
    mini_kb_dirs: tuple[Path, Path],
    tmp_path: Path,
    fake_slack: FakeSlack,
    socket_server: FakeSocketMode,
) -> None:
    environ = slack_environ(*mini_kb_dirs, tmp_path / "data", fake_slack, SLACK_APP_TOKEN=APP_TOKEN)
    del environ["SLACK_SIGNING_SECRET"]  # not needed in Socket Mode
    settings = load_settings(environ, for_slack=True)
    executor = TrackingExecutor()
    store = open_store(sqlite_url(database_path(settings.data_dir)))
    app = create_app(
        settings,
        load_index(settings),
        store=store,
        listener_executor=executor,
    )
    handler = socket_mode_handler(app, settings)
    try:
        handler.connect()  # type: ignore[no-untyped-call]
        (opened,) = fake_slack.wait_for("apps.connections.open")
        assert opened.headers["authorization"] == f"Bearer {APP_TOKEN}"
        socket_server.wait_connected()

        mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel="C0SOCK")
        socket_server.send(
            {
                "envelope_id": "env-mention",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": event_callback(mention, "Ev0SOCKET"),
            }
        )
        socket_server.wait_for(lambda m: m.get("envelope_id") == "env-mention")
        (post,) = fake_slack.wait_for("chat.postMessage")
        assert post.body["channel"] == "C0SOCK" and post.body["thread_ts"] == mention["ts"]
        assert quotes_with_citations(post.body["blocks"])

        command = command_payload(
            "/peer-role", "peer bridger", fake_slack.response_url("sock"), "C0SOCK", "U0ALICE"
        )
        socket_server.send(
            {
                "envelope_id": "env-command",
                "type": "slash_commands",
                "accepts_response_payload": True,
                "payload": command,
            }
        )
        socket_server.wait_for(lambda m: m.get("envelope_id") == "env-command")
        (card,) = fake_slack.wait_for("respond")
        assert card.body["blocks"][1]["text"]["text"] == "Peer bridger"
        executor.wait_idle()
    finally:
        handler.close()  # type: ignore[no-untyped-call]
        executor.shutdown(wait=True)
        store.close()


# slack_sdk's built-in client can leave the dropped connection's socket to the garbage collector
# after it reconnects (CI saw its ResourceWarning once, raised at a later collection inside
# another call). Collected below, while this filter applies, so it cannot land in the next test.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*socket.socket:pytest.PytestUnraisableExceptionWarning"
)
def test_socket_mode_reconnects_after_a_dropped_connection(
    mini_kb_dirs: tuple[Path, Path],
    tmp_path: Path,
    fake_slack: FakeSlack,
    socket_server: FakeSocketMode,
) -> None:
    environ = slack_environ(*mini_kb_dirs, tmp_path / "data", fake_slack, SLACK_APP_TOKEN=APP_TOKEN)
    del environ["SLACK_SIGNING_SECRET"]
    settings = load_settings(environ, for_slack=True)
    executor = TrackingExecutor()
    store = open_store(sqlite_url(database_path(settings.data_dir)))
    live = LiveIndex(settings, load_index(settings))
    app = create_app(
        settings,
        live,
        store=store,
        listener_executor=executor,
    )
    handler = socket_mode_handler(app, settings, ping_interval=0.2)

    def mention_answered(number: int) -> None:
        mention = app_mention(f"<@{BOT_USER_ID}> peer bridger", channel=f"C0RECON{number}")
        envelope = f"env-{number}"
        socket_server.send(
            {
                "envelope_id": envelope,
                "type": "events_api",
                "accepts_response_payload": False,
                "payload": event_callback(mention, f"EvRECON{number}"),
            }
        )
        socket_server.wait_for(lambda m: m.get("envelope_id") == envelope)
        fake_slack.wait_for(
            "chat.postMessage", where=lambda c: c.body["channel"] == f"C0RECON{number}"
        )

    try:
        handler.connect()  # type: ignore[no-untyped-call]
        socket_server.wait_connected()
        mention_answered(1)
        assert health(live, socket_connected(handler))[0] == 200
        socket_server.drop()
        fake_slack.wait_for("apps.connections.open", count=2, timeout=30)
        socket_server.wait_connected()
        assert socket_server.connections == 2
        mention_answered(2)
        assert health(live, socket_connected(handler))[0] == 200
        executor.wait_idle()
    finally:
        handler.close()  # type: ignore[no-untyped-call]
        executor.shutdown(wait=True)
        store.close()
        gc.collect()


def test_socket_mode_serve_resumes_pending_work_and_stops_gracefully(
    mini_kb_dirs: tuple[Path, Path],
    tmp_path: Path,
    fake_slack: FakeSlack,
    socket_server: FakeSocketMode,
) -> None:
    """`peerbot serve` in Socket Mode: a question a dead process left is answered on start-up,
    new events are answered, and SIGTERM closes the socket and exits 0."""
    environ = slack_environ(*mini_kb_dirs, tmp_path / "data", fake_slack, SLACK_APP_TOKEN=APP_TOKEN)
    settings = load_settings(environ, for_slack=True)
    store = open_store(database_url(settings))
    left = Job(
        key="message:D0LEFT:1700000000.000001",
        kind="message.im",
        event_id="Ev0LEFT",
        received_at=time.time(),
        channel="D0LEFT",
        ts="1700000000.000001",
        user_id="U0ALICE",
        text="what does a peer bridger do?",
    )
    dead = WorkQueue(store, BOT_TOKEN)
    dead.accept(left)
    store.release(left.key, dead.owner, 0.0)
    store.close()
    full_environ = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PEERBOT_"))},
        **environ,
    }
    log_path = tmp_path / "socket.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"],
            env=full_environ,
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        (resumed,) = fake_slack.wait_for("chat.postMessage", timeout=30)
        assert resumed.body["channel"] == "D0LEFT"
        socket_server.wait_connected()
        mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel="C0SOCK")
        socket_server.send(
            {
                "envelope_id": "env-live",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": event_callback(mention, "Ev0LIVE"),
            }
        )
        fake_slack.wait_for("chat.postMessage", count=2)
        # Bolt sends an event's acknowledgement when its listener returns, which can be after
        # the answer is posted; SIGTERM before it would have slack_sdk log the send it could
        # not make on the closed socket (Slack would retry, and the queue knows the event).
        socket_server.wait_for(lambda m: m.get("envelope_id") == "env-live")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = log_path.read_text()
    assert "stopping: no new events" in output and "Traceback" not in output
    reopened = open_store(database_url(settings))
    assert {job.key: job.state for job in reopened.jobs()} == {
        left.key: "answered",
        f"message:C0SOCK:{mention['ts']}": "answered",
    }
    reopened.close()
