"""Questions: @mentions in channels, direct messages, and the ask slash command.

A channel mention is answered in its thread (the thread it was posted in, or a new one under
it), never at the channel's top level; a direct message is answered in the DM. The manifest
subscribes to `app_mention` for channels and `message.im` for DMs only, and a plain `message`
event from anywhere else is ignored, so a mention is answered once even if a workspace also
sends it as a `message`. The same message arriving as two events is claimed once by its
channel and timestamp.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import render_ask_prompt
from bot.listeners.common import (
    Deps,
    Reply,
    answer_command,
    log,
    log_handled,
    post_message,
    question_from_text,
    remember_outcome,
    render_reply,
    started_at,
)

_PROMPT_TEXT = "Ask peerbot a question about peer-support work."


def _is_from_a_person(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Not a bot (this one or another), not an edit, deletion, join or other subtype."""
    if event.get("subtype") or event.get("bot_id") or "edited" in event:
        return False
    user = event.get("user")
    return bool(user) and user != bot_user_id


def question_reply(deps: Deps, question: str, echo: bool) -> Reply:
    """The answer to a question, or how to ask one when it is empty."""
    if not question:
        return render_ask_prompt(deps.commands), _PROMPT_TEXT, "prompted"
    answer = deps.index.search(question, k=deps.settings.results)
    remember_outcome(deps, answer)
    blocks, text = render_reply(deps, answer, echo=echo)
    return blocks, text, "answered" if answer.answered else "declined"


def _reply(
    deps: Deps,
    client: WebClient,
    event: dict[str, Any],
    body: dict[str, Any],
    context: BoltContext,
    kind: str,
) -> None:
    """Answer one message where it was asked, once."""
    started = started_at(context)
    event_id = str(body.get("event_id") or "-")
    channel, ts = event.get("channel"), event.get("ts")
    if not _is_from_a_person(event, context.bot_user_id) or not channel or not ts:
        log.debug("event_id=%s kind=%s outcome=ignored", event_id, kind)
        return
    if not deps.events.claim(f"message:{channel}:{ts}"):
        log.info("event_id=%s kind=%s outcome=duplicate", event_id, kind)
        return
    question = question_from_text(str(event.get("text") or ""), context.bot_user_id)
    thread_ts = event.get("thread_ts") or (ts if kind == "app_mention" else None)
    blocks, text, outcome = question_reply(deps, question, echo=False)
    error = post_message(
        client, event_id=event_id, channel=channel, thread_ts=thread_ts, blocks=blocks, text=text
    )
    log_handled(
        deps.settings,
        event_id=event_id,
        kind=kind,
        outcome=outcome if error is None else f"{outcome}-undelivered",
        started=started,
        question=question,
    )


def register(app: App, deps: Deps) -> None:
    """Mentions, DMs and the ask command."""

    @app.event("app_mention")
    def handle_app_mention(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        _reply(deps, client, event, body, context, "app_mention")

    @app.event("message")
    def handle_message(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        if event.get("channel_type") != "im":
            log.debug("event_id=%s kind=message outcome=ignored", body.get("event_id"))
            return
        _reply(deps, client, event, body, context, "message.im")

    @app.command(deps.settings.ask_command)
    def handle_ask_command(
        ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        answer_command(deps, command, respond, context, lambda q: question_reply(deps, q, True))
