"""Every Slack listener, registered on one App by `register` (the composition root calls it)."""

from __future__ import annotations

from slack_bolt import App

from bot.listeners import actions, help_command, home, questions, roles_command
from bot.listeners.common import Deps

__all__ = ["Deps", "register"]


def register(app: App, deps: Deps) -> None:
    """Call each feature module's register() in turn."""
    questions.register(app, deps)
    roles_command.register(app, deps)
    help_command.register(app, deps)
    actions.register(app, deps)
    home.register(app, deps)
