"""The role slash command: a role card, the list of roles, or "did you mean" buttons."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.answer import RoleCard
from bot.blocks import render_role_card, render_role_list, role_card_text
from bot.listeners.common import Deps, Reply, answer_command
from bot.roles import all_roles, role_card

ROLE_LIST_TEXT = "Role titles in the sources."


def card_for_role(deps: Deps, role_id: str) -> RoleCard | None:
    """The card of a role by id (from a button), or None if the knowledge base lacks it."""
    role = deps.index.kb.roles.get(role_id)
    return role_card(deps.index.kb, role.title) if role else None


def role_reply(deps: Deps, title: str) -> Reply:
    """(blocks, fallback text, outcome) for a looked-up title; every role when it is empty."""
    if not title:
        return render_role_list(all_roles(deps.index.kb)), ROLE_LIST_TEXT, "listed"
    card = role_card(deps.index.kb, title)
    blocks = render_role_card(card, deps.index.kb, echo=True, share=card.found)
    return blocks, role_card_text(card), "answered" if card.found else "declined"


def register(app: App, deps: Deps) -> None:
    """The role command."""

    @app.command(deps.settings.role_command)
    def handle_role_command(
        ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        answer_command(deps, command, respond, context, lambda title: role_reply(deps, title))
