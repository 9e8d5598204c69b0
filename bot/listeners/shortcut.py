"""The message shortcut "Ask peerbot about this": a private answer about the selected message.

Useful when a colleague's question sits in a channel: the answer goes to the person who chose
the shortcut only (through the shortcut's response_url), with Share in channel; a shared copy
remembers which message it repeats, so deleting that message deletes the copy too.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.conversation_blocks import SHORTCUT_ASK
from bot.listeners.common import (
    Deps,
    log_handled,
    question_from_text,
    respond_safely,
    started_at,
)
from bot.listeners.questions import question_reply


def register(app: App, deps: Deps) -> None:
    """The message shortcut."""

    @app.shortcut(SHORTCUT_ASK)
    def handle_ask_about_message(
        ack: Ack, shortcut: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        event_id = f"shortcut:{shortcut.get('action_ts') or shortcut.get('trigger_id') or '-'}"
        message = shortcut.get("message") or {}
        channel = str((shortcut.get("channel") or {}).get("id") or "")
        ts = str(message.get("ts") or "")
        question = question_from_text(str(message.get("text") or ""), context.bot_user_id)
        source = f"{channel}:{ts}" if channel and ts else ""
        blocks, text, outcome = question_reply(deps, question, True, source)
        delivered = respond_safely(
            respond,
            event_id=event_id,
            response_type="ephemeral",
            replace_original=False,
            blocks=blocks,
            text=text,
        )
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="shortcut ask_about_message",
            outcome=outcome if delivered else f"{outcome}-undelivered",
            started=started_at(context),
            question=question,
        )
