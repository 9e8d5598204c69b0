"""The Slack app manifest: exactly the scopes, events and commands the code uses.

`slack-manifest.yaml` at the repository root is `peerbot manifest` with default settings
(Socket Mode); `peerbot manifest --request-url https://host/slack/events` gives the HTTP-mode
variant. Tests validate both against Slack's published schema and check that every event and
command listed here is one the app handles.
"""

from __future__ import annotations

from typing import Any

import yaml

from bot.config import Settings
from bot.conversation_blocks import SHORTCUT_ASK

APP_NAME = "peerbot"
DESCRIPTION = "Answers peer-support staff questions with quoted, cited passages from sources."

# What each scope is for: app_mention events; posting, updating and deleting answers and private
# notes (chat.postMessage, chat.update, chat.delete, chat.postEphemeral); slash commands and the
# message shortcut; DM events (questions, and their edits and deletions).
BOT_SCOPES = ("app_mentions:read", "chat:write", "commands", "im:history")
# Channels: app_mention; DMs: message.im (with their edits and deletions); the Home tab:
# app_home_opened (needs no scope).
BOT_EVENTS = ("app_mention", "message.im", "app_home_opened")
# With follow-ups on: replies in peerbot's threads in public and private channels, and edits and
# deletions there. Every other channel message is dropped unread (bot.listeners.follow_ups).
FOLLOW_UP_SCOPES = ("channels:history", "groups:history")
FOLLOW_UP_EVENTS = ("message.channels", "message.groups")

SHORTCUT_NAME = "Ask peerbot about this"  # Slack allows 24 characters


def command_specs(settings: Settings) -> list[dict[str, str]]:
    """The three slash commands with the names this deployment configured."""
    return [
        {
            "command": settings.ask_command,
            "description": "Ask a question; only you see the cited answer until you share it",
            "usage_hint": "what does a peer bridger do?",
        },
        {
            "command": settings.role_command,
            "description": "What the sources say about a peer-support role title",
            "usage_hint": "recovery coach (leave empty to list every role)",
        },
        {
            "command": settings.help_command,
            "description": "What peerbot can do, example questions and the sources it quotes",
        },
    ]


def shortcut_specs() -> list[dict[str, str]]:
    """The message shortcut that answers privately about the selected message."""
    return [
        {
            "name": SHORTCUT_NAME,
            "type": "message",
            "callback_id": SHORTCUT_ASK,
            "description": "Ask peerbot about this message; only you see the answer",
        }
    ]


def bot_scopes(settings: Settings) -> list[str]:
    """The bot scopes this deployment needs."""
    extra = FOLLOW_UP_SCOPES if settings.follow_ups else ()
    return sorted({*BOT_SCOPES, *extra})


def bot_events(settings: Settings) -> list[str]:
    """The bot events this deployment subscribes to."""
    return [*BOT_EVENTS, *(FOLLOW_UP_EVENTS if settings.follow_ups else ())]


def build_manifest(settings: Settings, request_url: str | None = None) -> dict[str, Any]:
    """The manifest for Socket Mode, or for HTTP mode when `request_url` is given."""
    commands: list[dict[str, Any]] = []
    for spec in command_specs(settings):
        command: dict[str, Any] = dict(spec)
        if request_url:
            command["url"] = request_url
        command["should_escape"] = False
        commands.append(command)
    event_subscriptions: dict[str, Any] = {"bot_events": bot_events(settings)}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if request_url:
        event_subscriptions = {"request_url": request_url, **event_subscriptions}
        interactivity["request_url"] = request_url
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {"name": APP_NAME, "description": DESCRIPTION},
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": APP_NAME, "always_online": False},
            "shortcuts": shortcut_specs(),
            "slash_commands": commands,
        },
        "oauth_config": {"scopes": {"bot": bot_scopes(settings)}},
        "settings": {
            "event_subscriptions": event_subscriptions,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": request_url is None,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(manifest: dict[str, Any]) -> str:
    """The manifest as YAML, keys in the order Slack's own examples use."""
    header = "# Slack app manifest for peerbot; regenerate with `peerbot manifest`.\n"
    return header + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=100)
