"""`peerbot add-source`, `peerbot draft` and `peerbot gaps`: keeping the knowledge base.

Kept out of `bot.cli` (which other features also extend) and registered by it at its end; the
work itself lives in `bot.curation`, which imports nothing from Slack or the server.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.config import ConfigError, Settings, load_settings
from bot.curation import CurationError
from bot.curation.add_source import add_source
from bot.curation.draft import accept_draft, draft_seed
from bot.curation.eval_diff import compare, load, save, snapshot
from bot.curation.gaps import find_gaps
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeError, load_knowledge
from bot.store import Outcome, SnippetVotes, StoreError, database_path, database_url, open_store


def _shown(path: Path) -> Path:
    """A path relative to the working directory when it is under it (shorter to copy)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


@click.command(name="add-source")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--id", "source_id", default=None, help="Name of the seed and source (default: FILE's)."
)
def add_source_command(file: Path, source_id: str | None) -> None:
    """Add FILE (.txt, .md, .html, .pdf) as a seed, with a sources.yaml entry to review."""
    settings = _settings()
    try:
        added = add_source(file, settings.knowledge_dir, settings.seeds_dir, source_id)
    except CurationError as error:
        raise click.ClickException(str(error)) from error
    stated = added.extracted
    click.echo(f"seed:   {_shown(added.seed)} ({added.words} words)")
    click.echo(f"source: {added.source_id} (appended to sources.yaml, marked for review)")
    click.echo(f"  title:   {stated.title or '(not stated)'}")
    click.echo(f"  authors: {', '.join(stated.authors) or '(not stated)'}")
    click.echo(f"  year:    {stated.year or '(not stated)'}")
    for warning in stated.warnings:
        click.echo(f"warning: {warning}")
    click.echo(
        "next: check the sources.yaml entry against the document, then "
        f"peerbot draft {added.seed.name}"
    )


@click.command()
@click.argument("seed_or_file")
@click.option("--accept", is_flag=True, help="File the entries marked `reviewed: true`.")
def draft(seed_or_file: str, accept: bool) -> None:
    """Propose snippets from SEED into knowledge/drafts/; with --accept, file a reviewed draft."""
    settings = _settings()
    try:
        if accept:
            accepted = accept_draft(Path(seed_or_file), settings.knowledge_dir, settings.seeds_dir)
        else:
            drafted = draft_seed(seed_or_file, settings.knowledge_dir, settings.seeds_dir)
    except CurationError as error:
        raise click.ClickException(str(error)) from error
    if accept:
        for name, ids in accepted.files.items():
            click.echo(f"{name}: +{len(ids)} snippet(s): {', '.join(ids)}")
        if accepted.uncovered:
            click.echo(f"uncovered.yaml: +{accepted.uncovered} dropped sentence(s)")
        click.echo(f"{accepted.remaining} entr(ies) left in the draft; knowledge base valid")
        return
    dropped = ", ".join(f"{n} {reason}" for reason, n in drafted.dropped.items()) or "none"
    shown = _shown(drafted.path)
    click.echo(f"{shown}: {drafted.proposed} proposed snippet(s); dropped: {dropped}")
    click.echo(f"next: review it, then peerbot draft --accept {shown}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000))
def gaps(as_json: bool, top: int) -> None:
    """What to curate next: declined questions, passages voted down, roles and topics unseen."""
    settings = _settings()
    try:
        kb = load_knowledge(settings.knowledge_dir, settings.seeds_dir)
    except KnowledgeError as error:
        raise click.ClickException(
            f"fix the knowledge base first (peerbot check):\n{error}"
        ) from error
    path = database_path(settings.data_dir)
    outcomes: list[Outcome] = []
    votes: tuple[SnippetVotes, ...] = ()
    texts: dict[str, str] = {}
    if settings.database is not None or path.is_file():  # PEERBOT_DATABASE_URL, or SQLite
        try:
            store = open_store(database_url(settings))
        except StoreError as error:
            raise click.ClickException(str(error)) from error
        try:
            outcomes, votes, texts = (
                store.outcomes(),
                store.summary().snippets,
                store.question_texts(),
            )
        finally:
            store.close()
    report = find_gaps(kb, outcomes, votes, texts)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False))
        return
    for line in report.lines(top):
        click.echo(line)


def eval_snapshots(
    index: SnippetIndex, questions: list[str], save_to: Path | None, compare_to: Path | None
) -> None:
    """`peerbot eval --save/--compare`: write this run's answers, or list what changed."""
    k = 3
    if compare_to is not None:
        try:
            before, k, version = load(compare_to)
        except CurationError as error:
            raise click.ClickException(str(error)) from error
    now = snapshot(index, questions, k)
    if compare_to is not None:
        changes = compare(before, now)
        click.echo(
            f"{len(changes)} of {len(now)} answer(s) changed since {compare_to} "
            f"(knowledge {version} -> {index.kb.version})"
        )
        for change in changes:
            for line in change.lines():
                click.echo(line)
        added = [question for question in now if question not in before]
        if added:
            click.echo(f"{len(added)} question(s) not in {compare_to}: not compared")
    if save_to is not None:
        save(save_to, index, now, k)
        click.echo(f"saved {len(now)} answer(s) to {save_to}")


def register_curation_commands(group: click.Group) -> None:
    """Add add-source, draft and gaps to the `peerbot` command group."""
    group.add_command(add_source_command)
    group.add_command(draft)
    group.add_command(gaps)
