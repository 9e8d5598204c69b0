"""The Slack app manifest: valid against Slack's schema, in sync with the code, minimal scopes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from slack_bolt import App, BoltRequest

from bot.app import create_app
from bot.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_ROLE_SELECT,
    ACTION_SHARE,
    Commands,
    render_help,
)
from bot.cli import main
from bot.config import PROJECT_ROOT, Settings, load_settings
from bot.knowledge import KnowledgeBase
from bot.loader import load_index
from bot.manifest import SHORTCUT_NAME, build_manifest, manifest_yaml
from bot.store import database_path, open_store, sqlite_url
from tests.slack.fakes import (
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    block_actions_payload,
    button,
    command_payload,
    event_callback,
    sign,
)

SCHEMA_PATH = PROJECT_ROOT / "slack" / "manifest.schema.1.0.0.json"
MANIFEST_PATH = PROJECT_ROOT / "slack-manifest.yaml"
REQUEST_URL = "https://peerbot.example.org/slack/events"

# What each Slack feature the app uses needs, from Slack's reference pages.
EVENT_SCOPES = {
    "app_mention": "app_mentions:read",
    "message.im": "im:history",
    "message.channels": "channels:history",
    "message.groups": "groups:history",
}
METHOD_SCOPES: dict[str, str | None] = {
    "auth.test": None,
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "chat.update": "chat:write",
    "chat.delete": "chat:write",
    "chat.getPermalink": None,
    "views.open": None,
    "views.publish": None,
    # The crash-window lookup for an earlier reply (bot.listeners.replying.already_replied):
    # im:history in DMs; in channels the follow-up scopes when granted, else it posts once more.
    "conversations.history": "im:history",
    "conversations.replies": "im:history",
}
FOLLOW_UP_SCOPES = {"channels:history", "groups:history"}
FOLLOW_UP_EVENTS = {"message.channels", "message.groups"}
PROBE_THREAD = "1699999999.000001"


def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def _errors(manifest: dict[str, Any]) -> list[str]:
    return [error.message for error in _validator().iter_errors(manifest)]


@pytest.mark.parametrize("follow_ups", ["true", "false"])
@pytest.mark.parametrize(
    "request_url", [pytest.param(None, id="socket-mode"), pytest.param(REQUEST_URL, id="http")]
)
def test_manifest_is_valid_against_slacks_schema(request_url: str | None, follow_ups: str) -> None:
    manifest = build_manifest(load_settings({"PEERBOT_FOLLOW_UPS": follow_ups}), request_url)
    assert _errors(manifest) == []


def test_follow_ups_off_leaves_channel_history_out() -> None:
    on = build_manifest(load_settings({}))
    off = build_manifest(load_settings({"PEERBOT_FOLLOW_UPS": "false"}))
    scopes_on, scopes_off = (set(m["oauth_config"]["scopes"]["bot"]) for m in (on, off))
    events_on, events_off = (
        set(m["settings"]["event_subscriptions"]["bot_events"]) for m in (on, off)
    )
    assert scopes_on - scopes_off == FOLLOW_UP_SCOPES and scopes_off <= scopes_on
    assert events_on - events_off == FOLLOW_UP_EVENTS and events_off <= events_on
    result = CliRunner().invoke(main, ["manifest", "--json"], env={"PEERBOT_FOLLOW_UPS": "false"})
    assert result.exit_code == 0
    assert json.loads(result.output) == off


def test_the_message_shortcut_is_in_the_manifest() -> None:
    (shortcut,) = build_manifest(load_settings({}))["features"]["shortcuts"]
    assert shortcut["type"] == "message" and shortcut["callback_id"] == "ask_about_message"


def test_schema_rejects_a_broken_manifest() -> None:
    manifest = build_manifest(load_settings({}))
    manifest["features"]["slash_commands"][0]["command"] = "peer-ask"  # no leading slash
    manifest["settings"]["surprise"] = True
    assert len(_errors(manifest)) == 2


def test_repository_manifest_is_the_generated_one() -> None:
    on_disk = MANIFEST_PATH.read_text(encoding="utf-8")
    assert on_disk == manifest_yaml(build_manifest(load_settings({})))
    assert _errors(yaml.safe_load(on_disk)) == []


def test_manifest_command_prints_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["manifest"])
    assert result.exit_code == 0
    assert result.output == MANIFEST_PATH.read_text(encoding="utf-8")


def test_http_manifest_points_everything_at_one_url() -> None:
    result = CliRunner().invoke(main, ["manifest", "--json", "--request-url", REQUEST_URL])
    assert result.exit_code == 0
    manifest = json.loads(result.output)
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is False
    assert settings["event_subscriptions"]["request_url"] == REQUEST_URL
    assert settings["interactivity"] == {"is_enabled": True, "request_url": REQUEST_URL}
    assert {c["url"] for c in manifest["features"]["slash_commands"]} == {REQUEST_URL}


def test_manifest_rejects_a_non_http_url() -> None:
    result = CliRunner().invoke(main, ["manifest", "--request-url", "ftp://example.org"])
    assert result.exit_code == 1
    assert "--request-url must start with https://" in result.output


def test_configured_command_names_reach_the_manifest() -> None:
    manifest = build_manifest(load_settings({"PEERBOT_ROLE_COMMAND": "/role-card"}))
    commands = [c["command"] for c in manifest["features"]["slash_commands"]]
    assert commands == ["/peer-ask", "/role-card", "/peer-help"]


# --- the manifest against what the app registers -------------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
def settings(mini_kb_dirs: tuple[Path, Path], tmp_path: Path, fake: FakeSlack) -> Settings:
    knowledge, seeds = mini_kb_dirs
    return load_settings(
        {
            "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
            "PEERBOT_SEEDS_DIR": str(seeds),
            "PEERBOT_DATA_DIR": str(tmp_path / "data"),
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.api_url,
        },
        for_slack=True,
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[App]:
    store = open_store(sqlite_url(database_path(settings.data_dir)))
    # A thread peerbot answered in, so a probe reply there reaches the follow-up listener.
    store.remember_thread("C0PROBE", PROBE_THREAD, ("peer-bridger",))
    built = create_app(
        settings,
        load_index(settings),
        store=store,
    )
    yield built
    built.listener_runner.listener_executor.shutdown(wait=True)
    store.close()


def _dispatch(app: App, body: str, content_type: str) -> int:
    headers: dict[str, str | Sequence[str]] = {
        "content-type": [content_type],
        **{k: [v] for k, v in sign(SIGNING_SECRET, body).items()},
    }
    response = app.dispatch(BoltRequest(body=body, headers=headers))
    return response.status


def _event(app: App, event_type: str, number: int) -> int:
    event: dict[str, Any] = {
        "type": event_type,
        "user": "U0ALICE",
        "text": "what does a peer bridger do?",
        "channel": "C0PROBE",
        "ts": f"1700000000.{number:06d}",
        "event_ts": f"1700000000.{number:06d}",
        "tab": "home",
    }
    if event_type == "message.im":
        event.update(type="message", channel_type="im", channel="D0PROBE")
    if event_type in FOLLOW_UP_EVENTS:
        # A reply in peerbot's thread: the one kind of channel message the app handles.
        event.update(
            type="message", channel_type=event_type.split(".")[1][:-1], thread_ts=PROBE_THREAD
        )
    body = json.dumps(event_callback(event, f"EvPROBE{number}"))
    return _dispatch(app, body, "application/json")


def test_every_manifest_command_and_event_is_handled(
    app: App, settings: Settings, fake: FakeSlack
) -> None:
    manifest = build_manifest(settings)
    for command in manifest["features"]["slash_commands"]:
        payload = command_payload(
            command["command"], "peer bridger", fake.response_url("probe"), "C0PROBE", "U0ALICE"
        )
        body = urlencode(payload)
        assert _dispatch(app, body, "application/x-www-form-urlencoded") == 200, command
    bot_events = manifest["settings"]["event_subscriptions"]["bot_events"]
    for number, event_type in enumerate(bot_events):
        assert _event(app, event_type, number) == 200, event_type
    for action_id in (ACTION_HELPFUL, ACTION_NOT_HELPFUL, ACTION_SHARE, "role_pick_0"):
        payload = block_actions_payload(
            button(action_id, "role:peer-bridger"),
            fake.response_url("probe"),
            "C0PROBE",
            "U0ALICE",
            True,
        )
        body = "payload=" + quote(json.dumps(payload))
        assert _dispatch(app, body, "application/x-www-form-urlencoded") == 200, action_id
    assert ACTION_ROLE_SELECT.startswith("role_pick_")
    for shortcut in manifest["features"]["shortcuts"]:
        payload = {
            "type": "message_action",
            "callback_id": shortcut["callback_id"],
            "trigger_id": "1.trigger",
            "team": {"id": "T0TEST"},
            "user": {"id": "U0ALICE"},
            "channel": {"id": "C0PROBE"},
            "message": {"type": "message", "text": "peer bridger", "ts": "1700000000.000009"},
            "response_url": fake.response_url("probe"),
        }
        body = "payload=" + quote(json.dumps(payload))
        assert _dispatch(app, body, "application/x-www-form-urlencoded") == 200, shortcut


def test_bolt_would_not_route_a_probe_nobody_handles(app: App) -> None:
    """The probes above mean something: a shortcut the app does not register is refused."""
    payload = {
        "type": "message_action",
        "callback_id": "not_ours",
        "trigger_id": "1.trigger",
        "team": {"id": "T0TEST"},
        "user": {"id": "U0ALICE"},
        "channel": {"id": "C0PROBE"},
        "message": {"type": "message", "text": "x", "ts": "1700000000.000010"},
    }
    body = "payload=" + quote(json.dumps(payload))
    assert _dispatch(app, body, "application/x-www-form-urlencoded") == 404


@pytest.mark.parametrize(
    "event_type", ["reaction_added", "member_joined_channel", "app_uninstalled", "team_join"]
)
def test_events_outside_the_manifest_are_not_handled(app: App, event_type: str) -> None:
    assert _event(app, event_type, 99) == 404


def _methods_in_code() -> set[str]:
    """Every Web API method bot/ calls through a WebClient (client.chat_postMessage...)."""
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in (PROJECT_ROOT / "bot").rglob("*.py")
    )
    calls = re.findall(r"client\.(chat|views|conversations|users|reactions)_(\w+)", source)
    return {"auth.test"} | {f"{family}.{name}" for family, name in calls}


def test_scopes_are_exactly_what_the_code_uses(
    app: App, settings: Settings, fake: FakeSlack
) -> None:
    manifest = build_manifest(settings)
    bot_events = manifest["settings"]["event_subscriptions"]["bot_events"]
    for number, event_type in enumerate(bot_events):
        _event(app, event_type, number)
    app.listener_runner.listener_executor.shutdown(wait=True)
    called = {call.method for call in fake.calls}
    assert called <= set(METHOD_SCOPES)
    assert _methods_in_code() == set(METHOD_SCOPES)
    needed = {"commands"} | {EVENT_SCOPES[e] for e in bot_events if e in EVENT_SCOPES}
    needed |= {scope for method in METHOD_SCOPES if (scope := METHOD_SCOPES[method])}
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == needed
    off = build_manifest(load_settings({"PEERBOT_FOLLOW_UPS": "false"}))
    assert set(off["oauth_config"]["scopes"]["bot"]) == needed - FOLLOW_UP_SCOPES


def test_help_names_the_shortcut_as_the_manifest_does(real_kb: KnowledgeBase) -> None:
    assert SHORTCUT_NAME in json.dumps(render_help(real_kb, Commands()))
