"""The help slash command: what the bot can do, example questions, the sources it knows.

Drawn for every request from the knowledge base in service, so a reload shows at once.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.blocks import help_text, render_help
from bot.listeners.common import Deps, Reply, answer_command


def help_reply(deps: Deps) -> Reply:
    """The help for the knowledge base being served now."""
    return render_help(deps.index.kb, deps.commands), help_text(), "answered"


def register(app: App, deps: Deps) -> None:
    """The help command."""

    @app.command(deps.settings.help_command)
    def handle_help_command(
        ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        answer_command(deps, command, respond, context, lambda _: help_reply(deps))
