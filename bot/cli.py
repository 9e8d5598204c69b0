"""The `peerbot` command: answer questions offline, validate the knowledge base, run the bot.

Errors the user can fix (a broken knowledge file, a missing setting) are printed as one clear
message on stderr with exit status 1, never as a traceback.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.answer import RoleCard
from bot.ask import DEFAULT_K, MAX_K, MIN_K, freeze_at_exit, print_answers
from bot.config import PROJECT_ROOT, ConfigError, Settings, load_settings
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeError, check_knowledge, label_warnings
from bot.loader import load_index

if TYPE_CHECKING:
    from bot.evaluation import EvalQuestion


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


def _index(settings: Settings) -> SnippetIndex:
    try:
        return load_index(settings)
    except KnowledgeError as error:
        raise click.ClickException(
            f"the knowledge base has {len(error.problems)} problem(s):\n{error}"
        ) from error


class _PeerbotGroup(click.Group):
    """The `peerbot` group: the offline commands here, the others added on first need.

    `serve`, `manifest`, `feedback` (Slack, the store), the curation commands and `render`
    live in modules that import Bolt, SQLite, PDF readers or Block Kit models. Their
    registrars run only when a command name this module does not define is looked up, or the
    list of commands is wanted (`--help`), so `peerbot ask`, `role` and `check` start without
    importing any of that (tests/test_cli_imports.py).
    """

    _REGISTRARS = (
        ("bot.cli_slack", "register_slack_commands"),
        ("bot.cli_render", "register_render_command"),
        ("bot.cli_curation", "register_curation_commands"),
    )
    _registered = False

    def _register_all(self) -> None:
        if self._registered:
            return
        self._registered = True
        for module_name, function in self._REGISTRARS:
            getattr(importlib.import_module(module_name), function)(self)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A command by name, registering the other modules' commands if it is one of theirs."""
        command = super().get_command(ctx, cmd_name)
        if command is None and not self._registered:
            self._register_all()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, the other modules' included."""
        self._register_all()
        return super().list_commands(ctx)


@click.group(cls=_PeerbotGroup)
@click.version_option(package_name="peerbot")
def main() -> None:
    """peerbot: answers peer-support questions with quotes from curated sources."""
    freeze_at_exit()


def format_role(card: RoleCard) -> str:
    """A role card as plain text."""
    if not card.found:
        names = ", ".join(suggestion.label for suggestion in card.suggestions)
        return f"No role called {card.query!r} in the sources. Did you mean: {names}?"
    lines = [card.title or "", ""]
    if card.aliases:
        lines += [f"Also called: {', '.join(card.aliases)}", ""]
    for result in card.results:
        lines.append(f'- "{result.text}"')
        lines.append(f"  -- {result.full_citation} ({result.kind})")
    return "\n".join(lines)


@main.command()
@click.argument("question")
@click.option(
    "-k",
    "k",
    default=DEFAULT_K,
    show_default=True,
    type=click.IntRange(MIN_K, MAX_K),
    help="Passages.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (JSON Lines with -).")
def ask(question: str, k: int, as_json: bool) -> None:
    """Answer QUESTION from the knowledge base; QUESTION '-' reads one per line from stdin."""
    # The `peerbot` script answers most `ask`s in bot.ask before importing this module; this is
    # the same work, reached through click (help, errors, tests, other spellings).
    settings = _settings()
    index = _index(settings)
    print_answers(index, question, k, as_json, settings.crisis_notice, click.echo, sys.stdin)


@main.command()
@click.argument("title", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def role(title: str, as_json: bool) -> None:
    """What the sources say about a role TITLE (all titles when none is given)."""
    from bot.roles import all_roles, role_card  # only this command needs them

    index = _index(_settings())
    if not title.strip():
        roles = all_roles(index.kb)
        if as_json:
            payload = [
                {"role_id": r.id, "title": r.title, "aliases": list(r.aliases)} for r in roles
            ]
            click.echo(json.dumps({"roles": payload}, ensure_ascii=False))
        else:
            for item in roles:
                aliases = f" ({', '.join(item.aliases)})" if item.aliases else ""
                click.echo(f"{item.title}{aliases}")
        return
    card = role_card(index.kb, title)
    click.echo(json.dumps(card.to_json(), ensure_ascii=False) if as_json else format_role(card))


@main.command()
@click.option(
    "--coverage",
    "list_coverage",
    is_flag=True,
    help="List every seed sentence in no snippet and not in uncovered.yaml; fail if any.",
)
def check(list_coverage: bool) -> None:
    """Validate knowledge/ against seeds/: report every problem as file:line: message.

    Curation a finished knowledge base has (asks on every snippet, an `about` card on every role
    and topic) is reported as warnings: CI fails on them through the real-knowledge test, while a
    half-curated test or draft knowledge base still checks clean.
    """
    from bot.coverage import check_coverage
    from bot.curation.draft import check_drafts

    settings = _settings()
    complete = check_knowledge(settings.knowledge_dir, settings.seeds_dir, complete=True)
    problems = complete and check_knowledge(settings.knowledge_dir, settings.seeds_dir)
    draft_problems, pending = check_drafts(settings.knowledge_dir, settings.seeds_dir)
    problems = [*problems, *draft_problems]
    for note in pending:
        click.echo(note)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"{len(problems)} problem(s) in the knowledge base")
    for gap in complete:
        click.echo(f"warning: {gap}", err=True)
    index = _index(settings)
    kb = index.kb
    for warning in label_warnings(kb):
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"ok: {len(kb.snippets)} snippets from {len(kb.sources)} sources, {len(kb.roles)} roles, "
        f"{len(kb.topics)} topics, {len(kb.concepts)} concepts, {len(kb.synonyms)} synonym "
        f"entries, {sum(len(s.asks) for s in kb.snippets)} asks; every quote found in its seed"
    )
    report = check_coverage(kb, settings.seeds_dir)
    click.echo(report.summary())
    if not list_coverage:
        return
    seeds_shown = settings.seeds_dir.name
    for sentence in report.missing:
        click.echo(
            f"{seeds_shown}/{sentence.seed}:{sentence.line}: in no snippet and not in "
            f"uncovered.yaml: {sentence.text}"
        )
    for entry, snippet_id in report.stale:
        click.echo(f"uncovered.yaml: now quoted by snippet {snippet_id}, remove it: {entry.text}")
    if not report.ok:
        raise click.ClickException(
            f"{len(report.missing)} seed sentence(s) undecided, {len(report.stale)} stale "
            "uncovered.yaml entr(y/ies): curate each into a snippet or list it with a reason"
        )
    reasons = ", ".join(f"{count} {reason}" for reason, count in report.by_reason.items())
    click.echo(f"uncovered by reason: {reasons or 'none'}")


DEV_QUESTIONS = PROJECT_ROOT / "tests" / "data" / "questions-dev.yaml"
TEST_QUESTIONS = PROJECT_ROOT / "tests" / "data" / "questions-test.yaml"
_SWEEP_COVERAGE = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
_SWEEP_EVIDENCE = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7)


def _load_split(index: SnippetIndex, path: Path) -> list[EvalQuestion]:
    from bot.evaluation import load_questions, unknown_ids

    try:
        items = load_questions(path)
    except KnowledgeError as error:
        raise click.ClickException(str(error)) from error
    problems = unknown_ids(index, items)
    if problems:
        raise click.ClickException("\n".join(problem.message for problem in problems))
    return items


@main.command(name="eval")
@click.option(
    "--questions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Evaluate this one file instead of the dev and test splits.",
)
@click.option("--dev-only", is_flag=True, help="Only the dev split, even if the test split exists.")
@click.option("--sweep", is_flag=True, help="Also print the metrics over a grid of thresholds.")
@click.option("--verbose", is_flag=True, help="List missed and wrongly answered questions.")
@click.option(
    "--save",
    "save_to",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write each dev question's answer (snippet ids) to FILE, to --compare later.",
)
@click.option(
    "--compare",
    "compare_to",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="List every dev question's answer that changed since FILE.",
)
def eval_command(
    questions: Path | None,
    dev_only: bool,
    sweep: bool,
    verbose: bool,
    save_to: Path | None,
    compare_to: Path | None,
) -> None:
    """Recall@1/@3, MRR, nDCG@3, declined, wrong answers and coverage-risk, per split."""
    # Only this command evaluates: `peerbot ask` starts without the module and its dataclasses.
    from bot.evaluation import evaluate, load_questions, risk_lines, side_by_side

    index = _index(_settings())
    if save_to or compare_to:
        # Snapshots list answers question by question: only ever of the dev split (or the
        # --questions file), never of the held-out test split.
        # Expected ids are not checked: comparing across a removed snippet is the point.
        try:
            items = load_questions(questions or DEV_QUESTIONS)
        except KnowledgeError as error:
            raise click.ClickException(str(error)) from error
        from bot.cli_curation import eval_snapshots

        eval_snapshots(index, [item.question for item in items], save_to, compare_to)
        return
    if questions is not None:
        paths = {"questions": questions}
    else:
        paths = {"dev": DEV_QUESTIONS}
        if TEST_QUESTIONS.exists() and not dev_only:
            paths["test"] = TEST_QUESTIONS
    splits = {name: _load_split(index, path) for name, path in paths.items()}
    reports = {name: evaluate(index, items, risk=True) for name, items in splits.items()}
    for line in side_by_side(reports):
        click.echo(line)
    for name, report in reports.items():
        click.echo("")
        for line in risk_lines(name, report):
            click.echo(line)
    if verbose:
        for name, report in reports.items():
            for question in report.misses:
                click.echo(f"{name} missed:   {question}")
            for question in report.wrongly_answered:
                click.echo(f"{name} wrong:    {question}")
    if sweep:
        for name, items in splits.items():
            click.echo(f"\n{name}: min_coverage min_evidence  R@1   R@3   MRR   declined  wrong")
            for coverage in _SWEEP_COVERAGE:
                for evidence in _SWEEP_EVIDENCE:
                    result = evaluate(index.with_thresholds(coverage, evidence), items)
                    click.echo(
                        f"{coverage:12.2f} {evidence:12.1f}  {result.recall_at_1:.3f} "
                        f"{result.recall_at_3:.3f} {result.mrr:.3f} {result.declined:.3f}    "
                        f"{result.wrong_answer_rate:.3f}"
                    )
