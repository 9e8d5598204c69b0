"""Follow-ups: a person's reply in a thread peerbot answered is answered there, no mention needed.

Subscribing to `message.channels`/`message.groups` delivers every message in every channel the
bot is in, and staff write about clients there. So `drop_unrelated_messages`, the app's first
middleware, looks at each such delivery before anything else does: unless it is a person's
reply in one of peerbot's own threads (with follow-ups on), or an edit or deletion of a message
peerbot answered or copied, it is acknowledged and dropped there, with no log line, no stored
event id and no Web API call. Only the delivery's ids are looked at, never its text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.config import Settings
from bot.listeners.common import Deps
from bot.listeners.replying import answer_message
from bot.store import ConversationStore

CHANNEL_TYPES = frozenset({"channel", "group"})
EDITED, DELETED = "message_changed", "message_deleted"
# What Slack turns a deleted message with replies into (sent as a message_changed).
TOMBSTONE = "tombstone"


def _is_thread_reply(event: dict[str, Any]) -> bool:
    thread_ts = event.get("thread_ts")
    subtype = event.get("subtype")
    return (
        bool(thread_ts)
        and thread_ts != event.get("ts")
        and subtype in (None, "thread_broadcast")
        and not event.get("bot_id")
        and bool(event.get("user"))
    )


def concerns_peerbot(
    event: dict[str, Any], settings: Settings, conversations: ConversationStore
) -> bool:
    """True for a channel message peerbot must handle; looks at ids, never at the text."""
    channel = event.get("channel")
    if not isinstance(channel, str):
        return False
    subtype = event.get("subtype")
    message = event.get("message") or {}
    if subtype == EDITED and message.get("subtype") != TOMBSTONE:
        ts = message.get("ts")
        return isinstance(ts, str) and conversations.answered(channel, ts) is not None
    if subtype in (EDITED, DELETED):
        ts = message.get("ts") or event.get("deleted_ts")
        ts = ts or (event.get("previous_message") or {}).get("ts")
        return isinstance(ts, str) and (
            conversations.answered(channel, ts) is not None
            or bool(conversations.shares_of(channel, ts))
            or conversations.thread(channel, ts) is not None
        )
    if not settings.follow_ups or not _is_thread_reply(event):
        return False
    return conversations.thread(channel, str(event["thread_ts"])) is not None


def drop_unrelated_messages(
    settings: Settings, conversations: ConversationStore
) -> Callable[[dict[str, Any], BoltContext, Callable[[], object]], BoltResponse | None]:
    """Global middleware: ack and drop, unlogged and unstored, channel messages not for peerbot."""

    def drop_unrelated(
        body: dict[str, Any], _context: BoltContext, next_: Callable[[], object]
    ) -> BoltResponse | None:
        event = body.get("event") if body.get("type") == "event_callback" else None
        if (
            isinstance(event, dict)
            and event.get("type") == "message"
            and event.get("channel_type") in CHANNEL_TYPES
            and not concerns_peerbot(event, settings, conversations)
        ):
            return BoltResponse(status=200, body="")
        next_()
        return None

    return drop_unrelated


def _follow_up(event: dict[str, Any]) -> bool:
    """Bolt matcher: a person's reply in a channel thread."""
    return event.get("channel_type") in CHANNEL_TYPES and _is_thread_reply(event)


def register(app: App, deps: Deps) -> None:
    """Replies in peerbot's threads (the middleware has already dropped every other one)."""
    if not deps.settings.follow_ups:
        return

    @app.event("message", matchers=[_follow_up])
    def handle_follow_up(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        answer_message(deps, client, body, context)
