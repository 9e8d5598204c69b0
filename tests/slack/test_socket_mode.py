"""Socket Mode, as far as it runs locally: a loopback WebSocket server plays Slack.

The app asks the fake Web API (SLACK_API_URL) for a connection URL with its app-level token,
connects to the fake Socket Mode server, acks each envelope, and answers through the Web API.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import create_app
from bot.config import load_settings
from bot.loader import LiveIndex, load_index
from bot.server import health, socket_connected, socket_mode_handler
from bot.store import database_path, open_store, sqlite_url
from tests.slack.conftest import TrackingExecutor, slack_environ
from tests.slack.fakes import (
    APP_TOKEN,
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
        events=store,
        feedback=store,
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
        events=store,
        feedback=store,
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
