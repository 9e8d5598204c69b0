"""`peerbot serve`, `peerbot manifest` and `peerbot feedback`: the Slack side of the CLI.

Kept out of `bot.cli` so the offline commands start without importing Slack libraries or the
store: `bot.cli` registers these commands only when one of them (or the command list) is asked
for (tests/test_cli_imports.py). This module never imports `bot.cli`, so there is no import
cycle whichever module is imported first.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import click

from bot.config import ConfigError, Settings, load_settings
from bot.knowledge import KnowledgeError
from bot.manifest import build_manifest, manifest_yaml
from bot.store import SQLStore, StoreError, database_path, database_url, open_store

if TYPE_CHECKING:
    from slack_bolt import App


def _settings(*, for_slack: bool) -> Settings:
    try:
        return load_settings(for_slack=for_slack)
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


@click.command()
@click.option(
    "--bind",
    default=None,
    metavar="ADDRESS",
    help="HTTP mode: where to listen (HOST:PORT or fd://N); default 0.0.0.0:$PORT.",
)
def serve(bind: str | None) -> None:
    """Run the Slack app: Socket Mode if SLACK_APP_TOKEN is set, else HTTP on PORT."""
    settings = _settings(for_slack=True)
    from bot.app import create_app
    from bot.loader import LiveIndex, load_index
    from bot.server import configure_logging, run_http, run_socket_mode
    from bot.work import WorkQueue

    configure_logging(settings)
    try:
        index = load_index(settings)
    except KnowledgeError as error:
        raise click.ClickException(
            f"the knowledge base has {len(error.problems)} problem(s):\n{error}"
        ) from error
    live = LiveIndex(settings, index)
    store = _open_store(settings)
    work = WorkQueue(
        store, settings.slack_bot_token or "", lease_seconds=settings.work_lease_seconds
    )
    if settings.socket_mode:
        run_socket_mode(create_app(settings, live, store=store, work=work), settings, live, work)
    else:

        def build() -> App:
            return create_app(settings, live, store=store, work=work)

        run_http(settings, build, live, bind, work)


def _open_store(settings: Settings) -> SQLStore:
    """The store, migrated; a clear error (never a traceback, never the password) if not."""
    try:
        return open_store(database_url(settings))
    except StoreError as error:
        raise click.ClickException(f"cannot open the database: {error}") from error


@click.command()
@click.option(
    "--request-url",
    default=None,
    metavar="URL",
    help="HTTP mode: the public https URL of /slack/events (omit for Socket Mode).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of YAML.")
def manifest(request_url: str | None, as_json: bool) -> None:
    """Print the Slack app manifest (paste it into "Create an app > From a manifest")."""
    if request_url and not request_url.startswith(("https://", "http://")):
        raise click.ClickException("--request-url must start with https://")
    built = build_manifest(_settings(for_slack=False), request_url)
    if as_json:
        click.echo(json.dumps(built, indent=2))
    else:
        click.echo(manifest_yaml(built), nl=False)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000))
def feedback(as_json: bool, top: int) -> None:
    """Summarise Helpful / Not helpful votes: which snippets and questions get voted down."""
    settings = _settings(for_slack=False)
    path = database_path(settings.data_dir)
    if settings.database is None and not path.is_file():
        if as_json:
            click.echo(
                json.dumps({"helpful": 0, "not_helpful": 0, "snippets": [], "questions": []})
            )
        else:
            click.echo(f"No feedback recorded yet ({path} does not exist).")
        return
    store = _open_store(settings)
    try:
        summary = store.summary()
    finally:
        store.close()
    if as_json:
        payload = {
            "helpful": summary.helpful,
            "not_helpful": summary.not_helpful,
            "snippets": [asdict(item) for item in summary.snippets[:top]],
            "questions": [asdict(item) for item in summary.questions[:top]],
        }
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    click.echo(
        f"{summary.total} vote(s), one per person per answer: {summary.helpful} helpful, "
        f"{summary.not_helpful} not helpful"
    )
    if summary.snippets:
        click.echo("\nSnippets, most voted down first:")
        click.echo(f"  {'not helpful':>11}  {'helpful':>7}  snippet")
        for item in summary.snippets[:top]:
            click.echo(f"  {item.not_helpful:>11}  {item.helpful:>7}  {item.snippet_id}")
    if summary.questions:
        click.echo("\nQuestions, most voted down first (text only if PEERBOT_STORE_QUESTION_TEXT):")
        click.echo(f"  {'not helpful':>11}  {'helpful':>7}  question")
        for question in summary.questions[:top]:
            label = question.text if question.text is not None else f"#{question.question_hash}"
            declined = " (declined)" if question.declined else ""
            click.echo(f"  {question.not_helpful:>11}  {question.helpful:>7}  {label}{declined}")


def register_slack_commands(group: click.Group) -> None:
    """Add serve, manifest and feedback to the `peerbot` command group."""
    group.add_command(serve)
    group.add_command(manifest)
    group.add_command(feedback)
