"""`peerbot render`: the Block Kit JSON of a reply, or a rough HTML preview to look at.

It runs the same renderers as the Slack app, offline, so a reply's weight (blocks, citation
lines, what stands out) can be checked in a headless browser screenshot before it ships.
"""

from __future__ import annotations

import json

import click

from bot.blocks import (
    Commands,
    Json,
    answer_text,
    render_answer,
    render_home,
    render_role_card,
    role_card_text,
)
from bot.preview import blocks_html, view_html
from bot.roles import all_roles, role_card


def _write(payload: Json, fmt: str, text: str | None) -> None:
    if fmt == "json":
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif payload.get("type") in ("home", "modal"):
        click.echo(view_html(payload))
    else:
        click.echo(blocks_html(payload["blocks"], text=text))


def register_render_command(main: click.Group) -> None:
    """Add `peerbot render` to the command group."""
    from bot.cli import _index, _settings

    @main.command()
    @click.argument("question", required=False, default="")
    @click.option("--role", "as_role", is_flag=True, help="QUESTION is a role title: its card.")
    @click.option("--home", is_flag=True, help="The App Home tab (QUESTION is ignored).")
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["json", "html"]),
        default="json",
        show_default=True,
        help="Block Kit JSON, or an HTML page previewing it.",
    )
    def render(question: str, as_role: bool, home: bool, fmt: str) -> None:
        """Write the Slack reply to QUESTION (or a role card, or App Home) as JSON or HTML."""
        settings = _settings()
        index = _index(settings)
        kb = index.kb
        commands = Commands(settings.ask_command, settings.role_command, settings.help_command)
        if home:
            _write(render_home(kb, commands, all_roles(kb)), fmt, None)
            return
        if not question.strip():
            raise click.UsageError("give a QUESTION (or a role title with --role, or --home)")
        if as_role:
            card = role_card(kb, question)
            blocks = render_role_card(card, kb, echo=True, share=card.found)
            _write({"blocks": blocks, "text": role_card_text(card)}, fmt, role_card_text(card))
            return
        answer = index.search(question, k=settings.results)
        blocks = render_answer(answer, kb, crisis_notice=settings.crisis_notice)
        text = answer_text(answer, settings.crisis_notice)
        _write({"blocks": blocks, "text": text}, fmt, text)
