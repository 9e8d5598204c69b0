"""Ask a person: from a declined, partial or crisis reply to a post in the escalation channel.

The click is the asker's explicit choice, and nothing is posted until they confirm: a modal shows
the post exactly as it will appear, with their question editable (to take out a client's name).
The thread's link (`chat.getPermalink`) is fetched when the modal opens, so the preview is the
post; on Post, peerbot posts it in PEERBOT_ESCALATION_CHANNEL,
confirms privately to the asker and says in the thread that a person was asked. If Slack refuses
the post, the modal stays open with a plain error and nothing is posted anywhere.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from bot.answer import Result
from bot.conversation_blocks import (
    ACTION_ASK_PERSON,
    ESCALATION_POSTED,
    QUESTION_BLOCK,
    QUESTION_INPUT,
    VIEW_ASK_PERSON,
    Escalation,
    escalation_metadata,
    escalation_text,
    parse_escalation,
    parse_escalation_metadata,
    person_asked_text,
    render_escalation_modal,
    render_escalation_post,
    render_person_asked,
)
from bot.listeners.common import Deps, log, log_handled, post_located, respond_safely, started_at
from bot.listeners.replying import call_safely

NO_ESCALATION_TEXT = "Asking a person is not set up in this workspace; ask your supervisor."
STALE_TEXT = "That button is out of date; ask your question again."
POST_FAILED_TEXT = (
    "peerbot could not post in the escalation channel (it may not be invited there). "
    "Nothing was posted; please ask your supervisor directly."
)


def _found(deps: Deps, escalation: Escalation) -> list[Result]:
    kb = deps.index.kb
    by_id = {snippet.id: snippet for snippet in kb.snippets}
    return [
        Result.from_snippet(kb, by_id[snippet_id], 0.0)
        for snippet_id in escalation.snippet_ids
        if snippet_id in by_id
    ]


def _post_blocks(
    deps: Deps,
    escalation: Escalation,
    *,
    asker: str,
    question: str | None,
    permalink: str | None,
    where: str | None,
) -> list[dict[str, Any]]:
    return render_escalation_post(
        asker=asker,
        question=question,
        permalink=permalink,
        where=where,
        escalation=escalation,
        found=_found(deps, escalation),
        mention=deps.settings.escalation_mention,
    )


def _permalink(client: WebClient, event_id: str, channel: str, ts: str) -> str | None:
    try:
        response = client.chat_getPermalink(channel=channel, message_ts=ts)
    except (SlackApiError, SlackClientError, OSError) as error:
        log.error("permalink failed event_id=%s error=%s", event_id, type(error).__name__)
        return None
    link = response.get("permalink")
    return str(link) if link else None


def _open_modal(
    deps: Deps, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond
) -> str:
    event_id = f"action:{action.get('action_ts') or '-'}"
    escalation_channel = deps.settings.escalation_channel
    escalation = parse_escalation(str(action.get("value") or ""))
    if escalation_channel is None or escalation is None:
        text = NO_ESCALATION_TEXT if escalation_channel is None else STALE_TEXT
        respond_safely(respond, event_id=event_id, replace_original=False, text=text)
        return "refused"
    container = body.get("container") or {}
    message = body.get("message") or {}
    ephemeral = bool(container.get("is_ephemeral"))
    channel = str(container.get("channel_id") or (body.get("channel") or {}).get("id") or "")
    ts = None if ephemeral else container.get("message_ts")
    # The link is fetched now so the modal shows the post exactly as it will be made.
    permalink = _permalink(client, event_id, channel, str(ts)) if channel and ts else None
    where: dict[str, str | None] = {
        "ch": channel,
        "p": permalink,
        "th": None if ephemeral else (message.get("thread_ts") or ts),
        "r": body.get("response_url") if ephemeral else None,
    }
    user = str((body.get("user") or {}).get("id") or "")
    preview = _post_blocks(
        deps,
        escalation,
        asker=user,
        question=None,
        permalink=permalink,
        where=channel or None,
    )
    view = render_escalation_modal(
        channel=escalation_channel,
        preview=preview,
        question=escalation.question,
        metadata=escalation_metadata(escalation, where),
    )
    error = call_safely(
        event_id, "views.open", client.views_open, trigger_id=body.get("trigger_id"), view=view
    )
    return "modal" if error is None else "modal-failed"


def _confirm(deps: Deps, client: WebClient, event_id: str, user: str, meta: dict[str, str]) -> None:
    """The private confirmation, and the note in the thread that a person was asked."""
    escalation_channel = deps.settings.escalation_channel or ""
    response_url = meta.get("r")
    if isinstance(response_url, str) and response_url.startswith(("https://", "http://")):
        try:
            WebhookClient(response_url, timeout=deps.settings.slack_timeout).send(
                text=ESCALATION_POSTED, response_type="ephemeral", replace_original=False
            )
        except (SlackClientError, OSError) as error:
            log.error("respond failed event_id=%s error=%s", event_id, type(error).__name__)
        return
    channel, thread = meta.get("ch"), meta.get("th")
    if not channel or not thread:
        return
    call_safely(
        event_id,
        "postEphemeral",
        client.chat_postEphemeral,
        channel=channel,
        user=user,
        thread_ts=thread,
        text=ESCALATION_POSTED,
    )
    post_located(
        client,
        event_id=event_id,
        channel=str(channel),
        thread_ts=str(thread),
        blocks=render_person_asked(escalation_channel),
        text=person_asked_text(escalation_channel),
    )


def register(app: App, deps: Deps) -> None:
    """The Ask a person button and its confirmation modal."""

    @app.action(ACTION_ASK_PERSON)
    def handle_ask_person(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        client: WebClient,
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        outcome = _open_modal(deps, body, action, client, respond)
        log_handled(
            deps.settings,
            event_id=f"action:{action.get('action_ts') or '-'}",
            kind="action ask_a_person",
            outcome=outcome,
            started=started_at(context),
        )

    @app.view(VIEW_ASK_PERSON)
    def handle_ask_person_submission(
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        client: WebClient,
        context: BoltContext,
    ) -> None:
        event_id = f"view:{view.get('id') or '-'}"
        user = str((body.get("user") or {}).get("id") or "")
        parsed = parse_escalation_metadata(str(view.get("private_metadata") or ""))
        escalation_channel = deps.settings.escalation_channel
        if parsed is None or escalation_channel is None:
            ack(response_action="errors", errors={QUESTION_BLOCK: STALE_TEXT})
            return
        escalation, meta = parsed
        values = (view.get("state") or {}).get("values") or {}
        field = (values.get(QUESTION_BLOCK) or {}).get(QUESTION_INPUT) or {}
        question = str(field.get("value") or "")
        permalink = meta.get("p")
        blocks = _post_blocks(
            deps,
            escalation,
            asker=user,
            question=question,
            permalink=permalink,
            where=str(meta.get("ch") or "") or None,
        )
        error, _ = post_located(
            client,
            event_id=event_id,
            channel=escalation_channel,
            blocks=blocks,
            text=escalation_text(user),
        )
        if error is not None:
            ack(response_action="errors", errors={QUESTION_BLOCK: POST_FAILED_TEXT})
        else:
            ack()
            _confirm(deps, client, event_id, user, meta)
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="view ask_a_person",
            outcome="escalated" if error is None else "unposted",
            started=started_at(context),
        )
