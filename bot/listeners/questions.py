"""Questions: @mentions in channels, direct messages, and the ask slash command.

A channel mention is answered in its thread (the thread it was posted in, or a new one under
it), never at the channel's top level; a direct message is answered in the DM. The manifest
subscribes to `app_mention` for channels and `message.im` for DMs; channel messages
(`message.channels`/`message.groups`, for follow-ups) are handled by `follow_ups` and `edits`,
and any other `message` event is ignored, so a mention is answered once even if a workspace also
sends it as a `message`. The same message arriving as two events is one job, keyed by its
channel and timestamp (`replying.message_job`), recorded before the ack (see bot.work).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import render_ask_prompt
from bot.listeners.common import Deps, Reply, answer_command, job_started, log, remember_outcome
from bot.listeners.replying import PROMPT_TEXT, answer_message, conversation_reply, perform_message
from bot.store import Job
from bot.work import JobOutcome


def question_reply(deps: Deps, question: str, echo: bool, source: str = "") -> Reply:
    """The private answer to a question (with Share), or how to ask one when it is empty."""
    if not question:
        return render_ask_prompt(deps.commands), PROMPT_TEXT, "prompted"
    answer = deps.index.search(question, k=deps.settings.results)
    remember_outcome(deps, answer)
    blocks, text = conversation_reply(deps, answer, echo=echo, source=source)
    return blocks, text, "answered" if answer.answered else "declined"


def register_mentions(app: App, deps: Deps) -> None:
    """Mentions, registered before every other listener: Bolt tries listeners in order of
    registration, building each one's arguments to match it, and mentions are most of what
    arrives (three listeners tried first cost each mention about 0.05 ms)."""

    @app.event("app_mention")
    def handle_app_mention(body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        answer_message(deps, client, body, context)


def register(app: App, deps: Deps) -> None:
    """DMs and the ask command; and how stored questions are answered after a crash (mentions,
    DMs and follow-ups alike, by any process)."""

    def perform_stored(job: Job, mark_posting: Callable[[], bool], recovering: bool) -> JobOutcome:
        return perform_message(deps, app.client, job, mark_posting, recovering, job_started(job))

    for kind in ("app_mention", "message.im", "follow_up"):
        deps.work.handle(kind, perform_stored)
    deps.command_replies[deps.settings.ask_command] = lambda q: question_reply(deps, q, True)

    @app.event("message")
    def handle_message(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        if event.get("channel_type") != "im":
            log.debug("event_id=%s kind=message outcome=ignored", body.get("event_id"))
            return
        answer_message(deps, client, body, context)

    @app.command(deps.settings.ask_command)
    def handle_ask_command(
        ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        answer_command(deps, command, respond, context, lambda q: question_reply(deps, q, True))
