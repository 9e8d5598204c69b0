"""Remove: the "⋯" menu on peerbot's own posts deletes the post, for the asker or sharer only.

The menu's other entry, About, says privately what the post is and who may remove it.

The menu's value names who may remove the post (set by peerbot when it posted); Slack signs the
click, so the check is against the person Slack says clicked.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.conversation_blocks import ABOUT, ABOUT_TEXT, ACTION_MORE, removal_owner
from bot.listeners.common import Deps, log_handled, respond_safely, started_at
from bot.listeners.replying import call_safely

NOT_YOURS_TEXT = "Only the person who asked (or shared) this can remove it."
REMOVE_FAILED_TEXT = "Slack did not let peerbot remove that message; it is still there."


def register(app: App, deps: Deps) -> None:
    """The overflow menu's Remove."""

    @app.action(ACTION_MORE)
    def handle_more(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        client: WebClient,
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        event_id = f"action:{action.get('action_ts') or '-'}"
        chosen = str((action.get("selected_option") or {}).get("value") or "")
        owner = removal_owner(chosen)
        user = (body.get("user") or {}).get("id")
        container = body.get("container") or {}
        channel, ts = container.get("channel_id"), container.get("message_ts")
        if chosen == ABOUT:
            respond_safely(
                respond,
                event_id=event_id,
                response_type="ephemeral",
                replace_original=False,
                text=ABOUT_TEXT,
            )
            outcome = "about"
        elif owner is None or not channel or not ts:
            outcome = "ignored"
        elif user != owner:
            respond_safely(
                respond,
                event_id=event_id,
                response_type="ephemeral",
                replace_original=False,
                text=NOT_YOURS_TEXT,
            )
            outcome = "refused"
        else:
            error = call_safely(event_id, "delete", client.chat_delete, channel=channel, ts=ts)
            if error is not None:
                respond_safely(
                    respond,
                    event_id=event_id,
                    response_type="ephemeral",
                    replace_original=False,
                    text=REMOVE_FAILED_TEXT,
                )
            outcome = "removed" if error is None else "unremoved"
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="action remove",
            outcome=outcome,
            started=started_at(context),
        )
