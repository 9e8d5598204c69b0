"""Every Slack listener, registered on one App by `register` (the composition root calls it)."""

from __future__ import annotations

from slack_bolt import App

from bot.blocks import help_text, render_help
from bot.listeners import (
    actions,
    edits,
    escalation,
    follow_ups,
    help_command,
    home,
    questions,
    remove,
    roles_command,
    shortcut,
)
from bot.listeners.common import Deps, stored_command

__all__ = ["Deps", "register"]


def register(app: App, deps: Deps) -> None:
    """Call each feature module's register() in turn, then say how stored commands are answered
    (the sweeper answers a command recorded by a process that died, from its name alone).

    Bolt runs the first listener that matches: mentions come first (no other listener takes an
    `app_mention`, and they are most of the traffic), then edits and follow-ups claim their
    `message` events before `questions`, whose `message` listener answers DMs only.
    """
    questions.register_mentions(app, deps)
    edits.register(app, deps)
    follow_ups.register(app, deps)
    questions.register(app, deps)
    roles_command.register(app, deps)
    help_command.register(app, deps)
    actions.register(app, deps)
    escalation.register(app, deps)
    remove.register(app, deps)
    shortcut.register(app, deps)
    home.register(app, deps)
    replies = deps.command_replies
    replies.setdefault(deps.settings.role_command, lambda t: roles_command.role_reply(deps, t))
    replies.setdefault(
        deps.settings.help_command,
        lambda _: (render_help(deps.index.kb, deps.commands), help_text(), "answered"),
    )
    deps.work.handle("command", stored_command(deps))
