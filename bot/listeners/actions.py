"""Buttons and menus: Share, votes, role cards and their pages, topics, "Show in source".

Share posts for everyone exactly the passages the person saw (their ids ride on the button; no
new search), in the thread it was asked from when there is one, then removes the private copy;
if the bot may not post there (not invited, a DM between people), the clicker is told how to
fix it instead. A vote is stored from the button's value alone: the question's hash and the
snippet ids shown, never the question; one per person per message (a hash of both), so a
second click changes the vote instead of adding one. What a button opens (a card, a page of
it, a topic, a passage in context) is shown privately: it replaces a private message and is
added, privately, under a message everyone sees.
"""

from __future__ import annotations

import time
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.answer import Answer, Result
from bot.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_ROLE_MORE,
    ACTION_SHARE,
    ACTION_SHOW_SOURCE,
    ROLE_PICK_PATTERN,
    TOPIC_PICK_PATTERN,
    Json,
    in_source_text,
    parse_feedback_value,
    parse_more_value,
    parse_share_value,
    render_in_source,
    render_role_card,
    render_role_page,
    render_topic,
    role_card_text,
    split_role_share,
    topic_text,
)
from bot.conversation_blocks import (
    parse_share_answer,
    render_vote_state,
    voted_message,
    with_remove,
)
from bot.crisis import mentions_crisis
from bot.excerpt import excerpt
from bot.listeners.common import (
    Deps,
    log_handled,
    post_located,
    respond_safely,
    started_at,
)
from bot.listeners.replying import conversation_reply
from bot.listeners.roles_command import card_for_role
from bot.store import Vote, VoteKind, ballot_key
from bot.topics import topic_overview

# Errors meaning "the bot cannot post in this conversation", as opposed to a Slack failure.
_CANNOT_POST = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}
CANNOT_POST_TEXT = (
    "peerbot can't post in this conversation. Invite it to the channel (`/invite @peerbot`) "
    "and press Share again, or ask in a channel it is in."
)
SHARE_FAILED_TEXT = "Slack did not accept the shared message; nothing was posted."
THANKS_TEXT = "Thanks: your vote is recorded with the passages shown (not your question)."
GONE_TEXT = "That card is no longer in the knowledge base."
PASSAGE_GONE_TEXT = "That passage is no longer in the knowledge base."


def _action_id(body: dict[str, Any], action: dict[str, Any]) -> str:
    return f"action:{action.get('action_ts') or body.get('trigger_id') or '-'}"


def _channel_of(body: dict[str, Any]) -> str | None:
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    value = channel.get("id") or container.get("channel_id")
    return str(value) if value else None


def _thread_of(body: dict[str, Any]) -> str | None:
    """The thread the clicked message is in, if any (Slack names it on the message or container)."""
    message = body.get("message") or {}
    container = body.get("container") or {}
    value = message.get("thread_ts") or container.get("thread_ts")
    return str(value) if value else None


def _is_private(body: dict[str, Any]) -> bool:
    return bool((body.get("container") or {}).get("is_ephemeral"))


def _vote(
    deps: Deps, kind: VoteKind, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    qhash, snippet_ids, question = parse_feedback_value(str(action.get("value") or ""))
    try:
        voted_at = float(action.get("action_ts") or time.time())
    except ValueError:
        voted_at = time.time()
    container = body.get("container") or {}
    # The voted message: named by a vote-state note's block_id, else the clicked message.
    message = voted_message(str(action.get("block_id") or "")) or (
        f"{_channel_of(body) or '-'}:{container.get('message_ts') or container.get('view_id')}"
    )
    person = str((body.get("user") or {}).get("id") or "-")
    ballot = ballot_key(message, person)
    deps.feedback.record(Vote(kind, qhash, snippet_ids, voted_at, ballot=ballot))
    if question and deps.settings.store_question_text:
        deps.feedback.remember_question(qhash, question)
    respond_safely(
        respond,
        event_id=_action_id(body, action),
        response_type="ephemeral",
        replace_original=False,
        blocks=render_vote_state(kind, str(action.get("value") or ""), message),
        text=THANKS_TEXT,
    )


def _shown_answer(deps: Deps, ids: tuple[str, ...], question: str) -> Answer | None:
    """The answer as the person saw it, from its snippet ids; None if one left the knowledge
    base since (a reload), so a share never posts something other than what was seen."""
    kb = deps.index.kb
    by_id = {snippet.id: snippet for snippet in kb.snippets}
    if not ids or any(snippet_id not in by_id for snippet_id in ids):
        return None
    results = tuple(Result.from_snippet(kb, by_id[snippet_id], 0.0) for snippet_id in ids)
    return Answer(question, True, results, (), crisis=mentions_crisis(question))


def _shared_message(
    deps: Deps, value: str, user: str | None
) -> tuple[list[Json], str, str | None] | None:
    """The blocks, text and thread (if the button names one) to post for a Share button's
    value, or None if it is stale. A role card is shared compact, with its "More" button."""
    shown = parse_share_answer(value)
    if shown is not None:
        answer = _shown_answer(deps, shown[0], shown[2])
        if answer is None:
            return None
        blocks, text = conversation_reply(deps, answer, shared_by=user, owner=user)
        return blocks, text, None
    parsed = parse_share_value(value)
    if parsed is None:
        return None
    kind, payload = parsed
    if kind == "ask":  # a button drawn before Share carried the passages shown
        answer = deps.index.search(payload, k=deps.settings.results)
        blocks, text = conversation_reply(deps, answer, shared_by=user, owner=user)
        return blocks, text, None
    role_id, thread_ts = split_role_share(payload)
    card = card_for_role(deps, role_id)
    if card is None:
        return None
    blocks = render_role_card(card, deps.index.kb, echo=False, shared_by=user)
    if user:
        blocks = with_remove(blocks, user)
    return blocks, role_card_text(card), thread_ts


def register(app: App, deps: Deps) -> None:
    """Feedback, share and role-picking actions."""

    @app.action(ACTION_HELPFUL)
    def handle_helpful(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        _vote(deps, "helpful", body, action, respond)

    @app.action(ACTION_NOT_HELPFUL)
    def handle_not_helpful(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        _vote(deps, "not_helpful", body, action, respond)

    @app.action(ACTION_SHARE)
    def handle_share(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        client: WebClient,
        context: BoltContext,
    ) -> None:
        ack()
        event_id = _action_id(body, action)
        user = (body.get("user") or {}).get("id")
        channel = _channel_of(body)
        message = _shared_message(deps, str(action.get("value") or ""), user)
        if message is None or channel is None:
            respond_safely(respond, event_id=event_id, replace_original=False, text=GONE_TEXT)
            outcome = "declined"
        else:
            blocks, text, thread_ts = message
            error, copy_ts = post_located(
                client,
                event_id=event_id,
                channel=channel,
                thread_ts=thread_ts or _thread_of(body),
                blocks=blocks,
                text=text,
            )
            shown = parse_share_answer(str(action.get("value") or ""))
            source_channel, _, source_ts = (shown[1] if shown else "").partition(":")
            if error is None and copy_ts and source_channel and source_ts:
                deps.conversations.remember_share(source_channel, source_ts, channel, copy_ts)
            if error is None:
                respond_safely(respond, event_id=event_id, delete_original=True)
                outcome = "shared"
            else:
                respond_safely(
                    respond,
                    event_id=event_id,
                    response_type="ephemeral",
                    replace_original=False,
                    text=CANNOT_POST_TEXT if error in _CANNOT_POST else SHARE_FAILED_TEXT,
                )
                outcome = "unshared"
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="action share",
            outcome=outcome,
            started=started_at(context),
        )

    def open_privately(
        kind: str,
        respond: Respond,
        body: dict[str, Any],
        event_id: str,
        context: BoltContext,
        shown: tuple[list[Json], str] | None,
        *,
        replace: bool,
        gone_text: str = GONE_TEXT,
    ) -> None:
        """Show what a button opens (blocks and their text) privately, or say it is gone
        (a role or passage removed from the knowledge base since the button was drawn); log
        the outcome either way. `replace`: the opened view takes the private message's place."""
        if shown is None:
            respond_safely(respond, event_id=event_id, replace_original=False, text=gone_text)
        else:
            blocks, text = shown
            respond_safely(
                respond,
                event_id=event_id,
                response_type="ephemeral",
                replace_original=replace and _is_private(body),
                blocks=blocks,
                text=text,
            )
        log_handled(
            deps.settings,
            event_id=event_id,
            kind=f"action {kind}",
            outcome="answered" if shown else "declined",
            started=started_at(context),
        )

    @app.action(ROLE_PICK_PATTERN)
    def handle_role_pick(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        role_id = action.get("value") or (action.get("selected_option") or {}).get("value")
        card = card_for_role(deps, str(role_id or ""))
        shown = None
        if card is not None:
            blocks = render_role_card(
                card, deps.index.kb, echo=False, share=True, thread_ts=_thread_of(body)
            )
            shown = (blocks, role_card_text(card))
        event_id = _action_id(body, action)
        open_privately("role_pick", respond, body, event_id, context, shown, replace=True)

    @app.action(ACTION_ROLE_MORE)
    def handle_role_more(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        parsed = parse_more_value(str(action.get("value") or ""))
        card = card_for_role(deps, parsed[0]) if parsed else None
        shown = None
        if card is not None and parsed is not None:
            shown = (render_role_page(card, deps.index.kb, parsed[1]), role_card_text(card))
        event_id = _action_id(body, action)
        open_privately("role_more", respond, body, event_id, context, shown, replace=True)

    @app.action(TOPIC_PICK_PATTERN)
    def handle_topic_pick(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        overview = topic_overview(deps.index.kb, str(action.get("value") or ""))
        shown = (render_topic(overview), topic_text(overview)) if overview else None
        event_id = _action_id(body, action)
        open_privately("topic_pick", respond, body, event_id, context, shown, replace=False)

    @app.action(ACTION_SHOW_SOURCE)
    def handle_show_in_source(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        found = excerpt(deps.index.kb, deps.settings.seeds_dir, str(action.get("value") or ""))
        shown = (render_in_source(found), in_source_text(found)) if found else None
        event_id = _action_id(body, action)
        open_privately(
            "show_in_source",
            respond,
            body,
            event_id,
            context,
            shown,
            replace=False,
            gone_text=PASSAGE_GONE_TEXT,
        )
