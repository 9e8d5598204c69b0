"""Questions: @mentions in channels, direct messages, and the ask slash command.

A channel mention is answered in its thread (the thread it was posted in, or a new one under
it), never at the channel's top level; a direct message is answered in the DM. The manifest
subscribes to `app_mention` for channels and `message.im` for DMs only, and a plain `message`
event from anywhere else is ignored, so a mention is answered once even if a workspace also
sends it as a `message`. The same message arriving as two events is one job, keyed by its
channel and timestamp (`question_job`), recorded before the ack (see bot.work).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.blocks import render_ask_prompt
from bot.listeners.common import (
    JOB,
    Deps,
    Reply,
    answer_command,
    is_transient,
    job_started,
    log,
    log_handled,
    post_message,
    question_from_text,
    remember_outcome,
    render_reply,
    started_at,
)
from bot.store import Job
from bot.work import Accepted, JobOutcome

_PROMPT_TEXT = "Ask peerbot a question about peer-support work."
# Put on every reply (message metadata), so a process resuming a job after a crash in the
# posting window can tell whether the reply already went out.
ANSWER_METADATA_TYPE = "peerbot_answer"


def _is_from_a_person(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Not a bot (this one or another), not an edit, deletion, join or other subtype."""
    if event.get("subtype") or event.get("bot_id") or "edited" in event:
        return False
    user = event.get("user")
    return bool(user) and user != bot_user_id


def question_job(body: dict[str, Any], bot_user_id: str | None) -> Job | None:
    """The durable job of an event that asks the bot something, or None.

    A mention in a channel, or a direct message, from a person. The stored text is the
    question as the person saw it (the bot's own mention dropped), kept until answered.
    """
    if body.get("type") != "event_callback":
        return None
    event = body.get("event") or {}
    kind = event.get("type")
    if kind == "message" and event.get("channel_type") == "im":
        kind = "message.im"
    elif kind != "app_mention":
        return None
    channel, ts = event.get("channel"), event.get("ts")
    if not _is_from_a_person(event, bot_user_id) or not channel or not ts:
        return None
    return Job(
        key=f"message:{channel}:{ts}",
        kind=kind,
        event_id=str(body.get("event_id") or "-"),
        received_at=time.time(),
        channel=str(channel),
        ts=str(ts),
        thread_ts=event.get("thread_ts") or (ts if kind == "app_mention" else None),
        user_id=event.get("user"),
        text=question_from_text(str(event.get("text") or ""), bot_user_id),
    )


def question_reply(deps: Deps, question: str, echo: bool) -> Reply:
    """The answer to a question, or how to ask one when it is empty."""
    if not question:
        return render_ask_prompt(deps.commands), _PROMPT_TEXT, "prompted"
    answer = deps.index.search(question, k=deps.settings.results)
    remember_outcome(deps, answer)
    blocks, text = render_reply(deps, answer, echo=echo)
    return blocks, text, "answered" if answer.answered else "declined"


def already_replied(client: WebClient, job: Job) -> bool | None:
    """Whether the reply to `job` is already in Slack; None when the bot cannot look.

    Looking needs the history scope of the conversation (`im:history` is in the manifest for
    DMs; channels need `channels:history` / `groups:history`, which peerbot does not ask for).
    """
    if not job.channel or not job.ts:
        return None
    try:
        if job.thread_ts:
            response = client.conversations_replies(
                channel=job.channel, ts=job.thread_ts, include_all_metadata=True, limit=200
            )
        else:
            response = client.conversations_history(
                channel=job.channel, oldest=job.ts, include_all_metadata=True, limit=200
            )
    except (SlackApiError, SlackClientError, OSError) as error:
        log.info("cannot look for an earlier reply key=%s error=%s", job.key, type(error).__name__)
        return None
    for message in response.get("messages") or []:
        metadata = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == ANSWER_METADATA_TYPE and payload.get("key") == job.key:
            return True
    return False


def perform_question(
    deps: Deps,
    client: WebClient,
    job: Job,
    mark_posting: Callable[[], bool],
    recovering: bool,
    started: float,
) -> JobOutcome:
    """Answer a stored question where it was asked; the outcome for the work queue."""
    if not job.channel:
        return "failed"
    if recovering and already_replied(client, job):
        log.info("event_id=%s kind=%s outcome=already-posted", job.event_id, job.kind)
        return "answered"
    question = job.text or ""
    blocks, text, outcome = question_reply(deps, question, echo=False)
    if not mark_posting():
        return "lost"
    error = post_message(
        client,
        event_id=job.event_id,
        channel=job.channel,
        thread_ts=job.thread_ts,
        blocks=blocks,
        text=text,
        metadata={"event_type": ANSWER_METADATA_TYPE, "event_payload": {"key": job.key}},
    )
    log_handled(
        deps.settings,
        event_id=job.event_id,
        kind=job.kind,
        outcome=outcome if error is None else f"{outcome}-undelivered",
        started=started,
        question=question,
    )
    if error is None:
        return "answered"
    return "retry" if is_transient(error) else "failed"


def _reply(deps: Deps, client: WebClient, body: dict[str, Any], context: BoltContext) -> None:
    """Answer one message where it was asked, once: the job the middleware recorded."""
    accepted = context.get(JOB)
    if not isinstance(accepted, Accepted):
        event = body.get("event") or {}
        log.debug("event_id=%s kind=%s outcome=ignored", body.get("event_id"), event.get("type"))
        return
    started = started_at(context)
    deps.work.run(
        accepted,
        lambda job, mark_posting, recovering: perform_question(
            deps, client, job, mark_posting, recovering, started
        ),
    )


def register(app: App, deps: Deps) -> None:
    """Mentions, DMs and the ask command."""

    def perform_stored(job: Job, mark_posting: Callable[[], bool], recovering: bool) -> JobOutcome:
        return perform_question(deps, app.client, job, mark_posting, recovering, job_started(job))

    deps.work.handle("app_mention", perform_stored)
    deps.work.handle("message.im", perform_stored)
    deps.command_replies[deps.settings.ask_command] = lambda q: question_reply(deps, q, True)

    @app.event("app_mention")
    def handle_app_mention(body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        _reply(deps, client, body, context)

    @app.event("message")
    def handle_message(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        if event.get("channel_type") != "im":
            log.debug("event_id=%s kind=message outcome=ignored", body.get("event_id"))
            return
        _reply(deps, client, body, context)

    @app.command(deps.settings.ask_command)
    def handle_ask_command(
        ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        answer_command(deps, command, respond, context, lambda q: question_reply(deps, q, True))
