"""Answering a message in its conversation, shared by mentions, DMs, follow-ups and edits.

A reply is drawn by `bot.blocks` (through `render_reply`) and then given the conversation's
controls from `bot.conversation_blocks`: Ask a person (declined, partial or crisis answers, when
an escalation channel is set), Remove (for the asker), and a Share value that carries the
passages shown. Where a reply lands is remembered (channel, question ts, reply ts; no text) so an
edit can update it and a deletion can remove it, and a thread keeps only the concept ids of its
last answer, to read follow-ups with.

Mentions, DMs and follow-ups are durable jobs (bot.work): `message_job` says which deliveries
are questions (the app's middleware records them before the ack), `perform_message` answers one
from the stored job alone (so a sweeper can, after a crash), and `answer_message` is the
listeners' way in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Literal

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.answer import Answer
from bot.blocks import Json, render_ask_prompt
from bot.conversation import (
    concept_names,
    facet_ids,
    follow_up_question,
    is_chatter,
    thread_concepts,
    thread_subject,
)
from bot.conversation_blocks import (
    ask_person_value,
    share_answer_value,
    should_offer_person,
    with_ask_a_person,
    with_reading_note,
    with_remove,
    with_share_value,
)
from bot.listeners.common import (
    JOB,
    Deps,
    is_transient,
    log,
    log_handled,
    post_located,
    question_from_text,
    remember_outcome,
    render_reply,
    started_at,
)
from bot.store import Answered, Job, StoreError
from bot.work import Accepted, JobOutcome

PROMPT_TEXT = "Ask peerbot a question about peer-support work."
# Put on every reply (message metadata), so a process resuming a job after a crash in the
# posting window can tell whether the reply already went out.
ANSWER_METADATA_TYPE = "peerbot_answer"
_CHANNEL_TYPES = frozenset({"channel", "group"})


def conversation_reply(
    deps: Deps,
    answer: Answer,
    *,
    echo: bool = False,
    owner: str | None = None,
    shared_by: str | None = None,
    source: str = "",
) -> tuple[list[Json], str]:
    """(blocks, fallback text) of an answer with the conversation's controls added.

    `owner` (the asker or sharer) gets a Remove menu on a post everyone sees; `source` names the
    message an answer repeats ("channel:ts"), carried by Share so a deletion reaches the copy.
    """
    blocks, text = render_reply(deps, answer, echo=echo, shared_by=shared_by)
    if echo and not shared_by and answer.answered:
        blocks = with_share_value(blocks, share_answer_value(answer, source))
    if deps.settings.escalation_channel and not shared_by and should_offer_person(answer):
        blocks = with_ask_a_person(blocks, ask_person_value(answer))
    if owner:
        blocks = with_remove(blocks, owner)
    return blocks, text


def call_safely(event_id: str, what: str, call: Any, **arguments: Any) -> str | None:
    """One Web API call; None on success, else Slack's error code (logged, never raised)."""
    try:
        call(**arguments)
    except SlackApiError as error:
        code = str(error.response.get("error") or error.response.status_code)
        log.error("%s failed event_id=%s error=%s", what, event_id, code)
        return code
    except (SlackClientError, OSError) as error:
        log.error("%s failed event_id=%s error=%s", what, event_id, type(error).__name__)
        return type(error).__name__
    return None


def is_from_a_person(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Not a bot (this one or another), not an edit, deletion, join or other subtype."""
    if event.get("subtype") or event.get("bot_id") or "edited" in event:
        return False
    user = event.get("user")
    return bool(user) and user != bot_user_id


def read_in_thread(
    deps: Deps, question: str, thread: tuple[str, ...] | None
) -> tuple[str, tuple[str, ...]]:
    """(the question to search, the thread's subject it was read with, if any)."""
    if not thread:
        return question, ()
    kb = deps.index.kb
    names, facets = concept_names(kb), facet_ids(kb)
    return (
        follow_up_question(question, thread, names, facets),
        thread_subject(question, thread, names, facets),
    )


def answer_for(
    deps: Deps, question: str, *, thread: tuple[str, ...] | None, owner: str | None
) -> tuple[list[Json], str, str, Answer | None]:
    """(blocks, fallback text, outcome for the log, the answer) for a question in a thread.

    A follow-up read with the thread's subject says so, so nobody takes an answer about peer
    bridgers for one about the word they typed alone.
    """
    if not question:
        return render_ask_prompt(deps.commands), PROMPT_TEXT, "prompted", None
    searched, subject = read_in_thread(deps, question, thread)
    answer = deps.index.search(searched, k=deps.settings.results)
    remember_outcome(deps, answer)
    blocks, text = conversation_reply(deps, answer, owner=owner)
    if subject:
        blocks = with_reading_note(blocks, subject)
    return blocks, text, "answered" if answer.answered else "declined", answer


def remember_thread(
    deps: Deps, channel: str, thread_ts: str, answer: Answer | None, before: tuple[str, ...] | None
) -> None:
    """Keep the concept ids of the thread's last answer (the earlier ones if it found none)."""
    concepts = thread_concepts(answer, deps.index.kb) if answer is not None else ()
    deps.work.writes.remember_thread(channel, thread_ts, concepts or before or ())


def message_job(body: dict[str, Any], bot_user_id: str | None) -> Job | None:
    """The durable job of a delivery that asks peerbot something, or None.

    A mention, a direct message, or a reply in a channel thread (the app's first middleware has
    already dropped channel messages that are not follow-ups in peerbot's threads), from a
    person. One message arriving as two events (a mention that is also a thread reply) is one
    job, keyed by its channel and timestamp. The stored text is the question as the person saw
    it (the bot's own mention dropped), kept until answered.
    """
    if body.get("type") != "event_callback":
        return None
    event = body.get("event") or {}
    kind = event.get("type")
    channel, ts = event.get("channel"), event.get("ts")
    if kind == "message" and event.get("channel_type") == "im":
        kind = "message.im"
    elif kind == "message" and event.get("channel_type") in _CHANNEL_TYPES:
        thread_ts = event.get("thread_ts")
        if not thread_ts or thread_ts == ts:
            return None
        kind = "follow_up"
    elif kind != "app_mention":
        return None
    if not is_from_a_person(event, bot_user_id) or not channel or not ts:
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


def already_replied(client: WebClient, job: Job) -> str | Literal[False] | None:
    """The ts of the reply to `job` if it is already in Slack, False if it is not, None when
    the bot cannot look.

    Looking needs the history scope of the conversation: `im:history` (always in the manifest)
    for DMs; `channels:history` / `groups:history` for channels, which the manifest asks for
    with follow-ups on (the default). Without them Slack refuses and the reply is posted again.
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
            return str(message.get("ts") or "")
    return False


def remember_reply(
    deps: Deps, job: Job, reply_ts: str, answer: Answer | None, thread: tuple[str, ...] | None
) -> None:
    """Where the reply to a stored question went, and its thread's subject (written behind
    the reply: bot.store.behind)."""
    if not job.channel or not job.ts:
        return
    deps.work.writes.remember_answer(Answered(job.channel, job.ts, reply_ts))
    if job.thread_ts and job.kind != "message.im":
        remember_thread(deps, job.channel, job.thread_ts, answer, thread)


def perform_message(
    deps: Deps,
    client: WebClient,
    job: Job,
    mark_posting: Callable[[], bool],
    recovering: bool,
    started: float,
) -> JobOutcome:
    """Answer a stored question where it was asked; remember where the reply went.

    `recovering`: an earlier attempt died in the posting window; its reply, if Slack has it,
    is found by its metadata and not posted again.
    """
    channel, ts, kind = job.channel, job.ts, job.kind
    if not channel or not ts:
        return "failed"
    question = job.text or ""
    in_dm = kind == "message.im"
    thread_ts = job.thread_ts
    # A thread's first message (a mention at the channel's top level) follows up nothing: no
    # subject to read it with, and no row to look up (one store read less per such question).
    follows_up = bool(thread_ts) and thread_ts != ts and not in_dm
    try:
        thread = deps.conversations.thread(channel, thread_ts) if follows_up and thread_ts else None
    except StoreError as failure:
        # The store is down: answer the words alone rather than not at all.
        log.error("thread not read event_id=%s error=%s", job.event_id, failure)
        thread = None
    if kind == "follow_up" and is_chatter(question):
        log_handled(
            deps.settings, event_id=job.event_id, kind=kind, outcome="chatter", started=started
        )
        return "answered"
    if recovering:
        reply_ts = already_replied(client, job)
        if isinstance(reply_ts, str):
            # Posted before the crash, perhaps not remembered (bot.store.behind): remember it.
            if reply_ts:
                searched, _ = read_in_thread(deps, question, thread)
                answer = deps.index.search(searched, k=deps.settings.results) if question else None
                remember_reply(deps, job, reply_ts, answer, thread)
            log.info("event_id=%s kind=%s outcome=already-posted", job.event_id, kind)
            return "answered"
    blocks, text, outcome, answer = answer_for(deps, question, thread=thread, owner=job.user_id)
    if not mark_posting():
        return "lost"
    error, reply_ts = post_located(
        client,
        event_id=job.event_id,
        channel=channel,
        thread_ts=thread_ts,
        blocks=blocks,
        text=text,
        metadata={"event_type": ANSWER_METADATA_TYPE, "event_payload": {"key": job.key}},
    )
    if error is None and reply_ts:
        remember_reply(deps, job, reply_ts, answer, thread)
    log_handled(
        deps.settings,
        event_id=job.event_id,
        kind=kind,
        outcome=outcome if error is None else f"{outcome}-undelivered",
        started=started,
        question=question,
    )
    if error is None:
        return "answered"
    return "retry" if is_transient(error) else "failed"


def answer_message(
    deps: Deps, client: WebClient, body: dict[str, Any], context: BoltContext
) -> None:
    """Answer one message where it was asked, once: the job the middleware recorded for it
    (none: not a question from a person, or a delivery another process has in hand)."""
    accepted = context.get(JOB)
    if not isinstance(accepted, Accepted):
        event = body.get("event") or {}
        log.debug("event_id=%s kind=%s outcome=ignored", body.get("event_id"), event.get("type"))
        return
    started = started_at(context)
    deps.work.run(
        accepted,
        lambda job, mark_posting, recovering: perform_message(
            deps, client, job, mark_posting, recovering, started
        ),
    )
