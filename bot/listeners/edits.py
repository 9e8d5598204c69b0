"""Edits and deletions of questions peerbot answered.

An edited question gets its reply updated in place (`chat.update`) with the answer to the new
wording; a deleted one takes peerbot's reply with it, and every "Share in channel" copy that
repeats it, since people delete a message when it held a client's details. A deleted question
that has replies (a mention always does: peerbot answers in its thread) does not arrive as
`message_deleted`: Slack turns it into a "tombstone" and sends `message_changed` with the
message's subtype `tombstone`; that is handled as the deletion it is. Slack also sends
`message_changed` when a thread's reply count changes, with the text unchanged: that is no
edit, and nothing is done.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.listeners.common import Deps, log_handled, question_from_text, started_at
from bot.listeners.follow_ups import DELETED, EDITED, TOMBSTONE
from bot.listeners.replying import answer_for, call_safely, remember_thread

# How long a deletion waits for this process's queued rows to be written (the store is down
# if longer: it forgets what it can and logs the rest).
_FLUSH_SECONDS = 5.0


def _edited(
    deps: Deps, client: WebClient, event: dict[str, Any], body: dict[str, Any], context: BoltContext
) -> None:
    event_id = str(body.get("event_id") or "-")
    channel = str(event.get("channel") or "")
    message = event.get("message") or {}
    before = event.get("previous_message") or {}
    ts = str(message.get("ts") or "")
    if message.get("subtype") == TOMBSTONE:
        _remove(deps, client, event_id, channel, ts, context)
        return
    answered = deps.conversations.answered(channel, ts) if channel and ts else None
    if (
        answered is None
        or message.get("bot_id")
        or message.get("user") == context.bot_user_id
        or message.get("text") == before.get("text")
    ):
        return
    question = question_from_text(str(message.get("text") or ""), context.bot_user_id)
    thread_ts = message.get("thread_ts")
    root = not thread_ts or thread_ts == ts
    in_dm = event.get("channel_type") == "im"
    thread = None
    if thread_ts and not root and not in_dm:
        thread = deps.conversations.thread(channel, str(thread_ts))
    owner = str(message.get("user") or "") or None
    blocks, text, outcome, answer = answer_for(deps, question, thread=thread, owner=owner)
    error = call_safely(
        event_id,
        "update",
        client.chat_update,
        channel=channel,
        ts=answered.reply_ts,
        blocks=blocks,
        text=text,
    )
    if error is None and root and not in_dm and deps.conversations.thread(channel, ts) is not None:
        remember_thread(deps, channel, ts, answer, None)
    log_handled(
        deps.settings,
        event_id=event_id,
        kind="message_changed",
        outcome=f"re{outcome}" if error is None else f"{outcome}-unupdated",
        started=started_at(context),
        question=question,
    )


def _deleted(
    deps: Deps, client: WebClient, event: dict[str, Any], body: dict[str, Any], context: BoltContext
) -> None:
    event_id = str(body.get("event_id") or "-")
    channel = str(event.get("channel") or "")
    ts = str(event.get("deleted_ts") or (event.get("previous_message") or {}).get("ts") or "")
    _remove(deps, client, event_id, channel, ts, context)


def _remove(
    deps: Deps, client: WebClient, event_id: str, channel: str, ts: str, context: BoltContext
) -> None:
    """A question is gone: delete peerbot's reply and every shared copy, and forget them."""
    if not channel or not ts:
        return
    # Rows this process still has queued about the message (bot.store.behind) go in first, so
    # the forgetting below is the last word on it.
    deps.work.writes.flush(timeout=_FLUSH_SECONDS)
    removed, failed = 0, 0
    answered = deps.conversations.answered(channel, ts)
    targets = [(channel, answered.reply_ts)] if answered else []
    targets += deps.conversations.shares_of(channel, ts)
    for target_channel, target_ts in targets:
        error = call_safely(
            event_id, "delete", client.chat_delete, channel=target_channel, ts=target_ts
        )
        if error is None or error == "message_not_found":
            removed += 1
        else:
            failed += 1
    deps.conversations.forget_answer(channel, ts)
    deps.conversations.forget_shares(channel, ts)
    deps.conversations.forget_thread(channel, ts)
    if targets:
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="message_deleted",
            outcome=f"removed={removed} failed={failed}",
            started=started_at(context),
        )


def register(app: App, deps: Deps) -> None:
    """message_changed and message_deleted (in channels, private channels and DMs)."""

    @app.event({"type": "message", "subtype": EDITED})
    def handle_message_changed(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        _edited(deps, client, event, body, context)

    @app.event({"type": "message", "subtype": DELETED})
    def handle_message_deleted(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        _deleted(deps, client, event, body, context)
