"""The help slash command: what the bot can do, example questions, the sources it knows."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.blocks import help_text, render_help
from bot.listeners.common import Deps, answer_command


def register(app: App, deps: Deps) -> None:
    """The help command."""
    blocks = render_help(deps.index.kb, deps.commands)

    @app.command(deps.settings.help_command)
    def handle_help_command(
        ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        answer_command(deps, command, respond, context, lambda _: (blocks, help_text(), "answered"))
