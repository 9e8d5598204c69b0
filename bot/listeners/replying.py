"""Answering a message in its conversation, shared by mentions, DMs, follow-ups and edits.

A reply is drawn by `bot.blocks` (through `render_reply`) and then given the conversation's
controls from `bot.conversation_blocks`: Ask a person (declined, partial or crisis answers, when
an escalation channel is set), Remove (for the asker), and a Share value that carries the
passages shown. Where a reply lands is remembered (channel, question ts, reply ts; no text) so an
edit can update it and a deletion can remove it, and a thread keeps only the concept ids of its
last answer, to read follow-ups with.
"""

from __future__ import annotations

from typing import Any

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
    Deps,
    log,
    log_handled,
    question_from_text,
    remember_outcome,
    render_reply,
    started_at,
)
from bot.store import Answered

PROMPT_TEXT = "Ask peerbot a question about peer-support work."


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


def post_located(
    client: WebClient,
    *,
    event_id: str,
    channel: str,
    blocks: list[Json],
    text: str,
    thread_ts: str | None = None,
) -> tuple[str | None, str | None]:
    """chat.postMessage; (Slack's error code or None, the new message's ts or None)."""
    try:
        response = client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            blocks=blocks,
            text=text,
            unfurl_links=False,
            unfurl_media=False,
        )
    except SlackApiError as error:
        code = str(error.response.get("error") or error.response.status_code)
        log.error("post failed event_id=%s error=%s", event_id, code)
        return code, None
    except (SlackClientError, OSError) as error:
        log.error("post failed event_id=%s error=%s", event_id, type(error).__name__)
        return type(error).__name__, None
    ts = response.get("ts")
    return None, str(ts) if ts else None


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
    deps.conversations.remember_thread(channel, thread_ts, concepts or before or ())


def answer_message(
    deps: Deps,
    client: WebClient,
    event: dict[str, Any],
    body: dict[str, Any],
    context: BoltContext,
    kind: str,
) -> None:
    """Answer one message where it was asked, once; remember where the reply went."""
    started = started_at(context)
    event_id = str(body.get("event_id") or "-")
    channel, ts = event.get("channel"), event.get("ts")
    if not is_from_a_person(event, context.bot_user_id) or not channel or not ts:
        log.debug("event_id=%s kind=%s outcome=ignored", event_id, kind)
        return
    if not deps.events.claim(f"message:{channel}:{ts}"):
        log.info("event_id=%s kind=%s outcome=duplicate", event_id, kind)
        return
    question = question_from_text(str(event.get("text") or ""), context.bot_user_id)
    in_dm = event.get("channel_type") == "im"
    thread_ts = event.get("thread_ts") or (ts if kind == "app_mention" else None)
    thread = deps.conversations.thread(channel, thread_ts) if thread_ts and not in_dm else None
    if kind == "follow_up" and is_chatter(question):
        log_handled(deps.settings, event_id=event_id, kind=kind, outcome="chatter", started=started)
        return
    user = str(event.get("user"))
    blocks, text, outcome, answer = answer_for(deps, question, thread=thread, owner=user)
    error, reply_ts = post_located(
        client, event_id=event_id, channel=channel, thread_ts=thread_ts, blocks=blocks, text=text
    )
    if error is None and reply_ts:
        deps.conversations.remember_answer(Answered(channel, str(ts), reply_ts))
        if thread_ts and not in_dm:
            remember_thread(deps, channel, thread_ts, answer, thread)
    log_handled(
        deps.settings,
        event_id=event_id,
        kind=kind,
        outcome=outcome if error is None else f"{outcome}-undelivered",
        started=started,
        question=question,
    )
