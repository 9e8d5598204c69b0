"""The App Home tab and what its buttons open: the "Ask a question" modal and role cards.

The tab is published when a person opens it, drawn from the knowledge base in service now. Its
"Ask a question" button opens a modal; the answer replaces that modal, so only the asker sees it.
The role picker opens the card in a modal. A view has no response_url, so nothing in these
modals has a button that would need one.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.blocks import (
    ACTION_HOME_ASK,
    ACTION_HOME_ROLE,
    ASK_BLOCK,
    ASK_INPUT,
    ASK_MODAL,
    Json,
    render_answer_modal,
    render_ask_modal,
    render_role_modal,
)
from bot.listeners.common import (
    Deps,
    log,
    log_handled,
    publish_view,
    question_from_text,
    remember_outcome,
    started_at,
)
from bot.listeners.roles_command import card_for_role

EMPTY_QUESTION_TEXT = "Type a question first."


def open_view(client: WebClient, *, event_id: str, trigger_id: str, view: Json) -> bool:
    """views.open; False (logged) when Slack refused it (an expired trigger, for one)."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        log.error("open failed event_id=%s error=%s", event_id, error.response.get("error"))
        return False
    except (SlackClientError, OSError) as error:
        log.error("open failed event_id=%s error=%s", event_id, type(error).__name__)
        return False
    return True


def _submitted_question(view: dict[str, Any]) -> str:
    values = ((view.get("state") or {}).get("values") or {}).get(ASK_BLOCK) or {}
    return question_from_text(str((values.get(ASK_INPUT) or {}).get("value") or ""))


def register(app: App, deps: Deps) -> None:
    """The app_home_opened event, the Home tab's actions and the ask modal's submission."""

    @app.event("app_home_opened")
    def handle_app_home_opened(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        if event.get("tab") != "home" or not event.get("user"):
            return
        event_id = str(body.get("event_id") or "-")
        published = publish_view(
            client, event_id=event_id, user_id=str(event["user"]), view=deps.home_view
        )
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="app_home_opened",
            outcome="published" if published else "unpublished",
            started=started_at(context),
        )

    @app.action(ACTION_HOME_ASK)
    def handle_home_ask(
        ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        ack()
        event_id = str(body.get("trigger_id") or "-")
        opened = open_view(client, event_id=event_id, trigger_id=event_id, view=render_ask_modal())
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="action home_ask",
            outcome="opened" if opened else "unopened",
            started=started_at(context),
        )

    @app.action(ACTION_HOME_ROLE)
    def handle_home_role(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        client: WebClient,
        context: BoltContext,
    ) -> None:
        ack()
        event_id = str(body.get("trigger_id") or "-")
        role_id = str((action.get("selected_option") or {}).get("value") or "")
        card = card_for_role(deps, role_id)
        opened = card is not None and open_view(
            client,
            event_id=event_id,
            trigger_id=event_id,
            view=render_role_modal(card, deps.index.kb),
        )
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="action home_role",
            outcome="opened" if opened else "declined",
            started=started_at(context),
        )

    @app.view(ASK_MODAL)
    def handle_ask_submission(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
    ) -> None:
        started = started_at(context)
        event_id = str(view.get("id") or "-")
        question = _submitted_question(view)
        if not question:
            ack(response_action="errors", errors={ASK_BLOCK: EMPTY_QUESTION_TEXT})
            return
        answer = deps.index.search(question, k=deps.settings.results)
        remember_outcome(deps, answer)
        modal = render_answer_modal(
            answer, deps.index.kb, crisis_notice=deps.settings.crisis_notice
        )
        ack(response_action="update", view=modal)
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="view ask_modal",
            outcome="answered" if answer.answered else "declined",
            started=started,
            question=question,
        )
