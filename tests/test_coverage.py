"""`peerbot check --coverage`: every seed sentence is in a snippet or listed with a reason."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from bot.coverage import check_coverage
from bot.knowledge import KnowledgeBase, load_knowledge
from tests.conftest import MINI_CARDS, MINI_SEED, REAL_SEEDS, write_mini_kb

EXTRA = "Peer bridgers are paid by the county in some places."


def _env(knowledge: Path, seeds: Path) -> dict[str, str]:
    return {"PEERBOT_KNOWLEDGE_DIR": str(knowledge), "PEERBOT_SEEDS_DIR": str(seeds)}


def _kb_with_extra_sentence(tmp_path: Path, uncovered: str | None = None) -> tuple[Path, Path]:
    overrides: dict[str, str | bytes] = dict(MINI_CARDS)
    if uncovered is not None:
        overrides["uncovered.yaml"] = uncovered
    knowledge, seeds = write_mini_kb(tmp_path, overrides)
    (seeds / "mini.txt").write_text(MINI_SEED + EXTRA + "\n", encoding="utf-8")
    return knowledge, seeds


def test_fully_quoted_seed_is_covered(mini_kb_dirs: tuple[Path, Path]) -> None:
    knowledge, seeds = mini_kb_dirs
    report = check_coverage(load_knowledge(knowledge, seeds), seeds)
    assert (report.total, report.in_snippets, report.missing, report.ok) == (3, 3, (), True)


def test_sentence_in_no_snippet_is_listed_with_its_line(tmp_path: Path) -> None:
    knowledge, seeds = _kb_with_extra_sentence(tmp_path)
    report = check_coverage(load_knowledge(knowledge, seeds), seeds)
    assert [(s.seed, s.line, s.text) for s in report.missing] == [("mini.txt", 4, EXTRA)]
    assert not report.ok

    plain = CliRunner().invoke(main, ["check"], env=_env(knowledge, seeds))
    assert plain.exit_code == 0
    assert "coverage: 4 seed sentences, 3 in snippets, 0 in uncovered.yaml, 1 in neither" in (
        plain.output
    )
    listed = CliRunner().invoke(main, ["check", "--coverage"], env=_env(knowledge, seeds))
    assert listed.exit_code == 1
    assert f"seeds/mini.txt:4: in no snippet and not in uncovered.yaml: {EXTRA}" in listed.output
    assert "1 seed sentence(s) undecided" in listed.output


def test_sentence_listed_in_uncovered_yaml_is_accounted_for(tmp_path: Path) -> None:
    uncovered = f"uncovered:\n  - seed: mini.txt\n    text: {EXTRA}\n    reason: methods\n"
    knowledge, seeds = _kb_with_extra_sentence(tmp_path, uncovered)
    report = check_coverage(load_knowledge(knowledge, seeds), seeds)
    assert report.ok
    assert dict(report.by_reason) == {"methods": 1}
    result = CliRunner().invoke(main, ["check", "--coverage"], env=_env(knowledge, seeds))
    assert result.exit_code == 0, result.output
    assert "coverage: 4 seed sentences, 3 in snippets, 1 in uncovered.yaml, 0 in neither" in (
        result.output
    )
    assert "uncovered by reason: 1 methods" in result.output


def test_uncovered_entry_now_quoted_by_a_snippet_is_stale(tmp_path: Path) -> None:
    quoted = "Recovery coaches support people in recovery from substance use."
    uncovered = f"uncovered:\n  - seed: mini.txt\n    text: {quoted}\n    reason: duplicate\n"
    knowledge, seeds = write_mini_kb(tmp_path, {**MINI_CARDS, "uncovered.yaml": uncovered})
    report = check_coverage(load_knowledge(knowledge, seeds), seeds)
    assert [(entry.text, snippet_id) for entry, snippet_id in report.stale] == [
        (quoted, "mini-coach")
    ]
    result = CliRunner().invoke(main, ["check", "--coverage"], env=_env(knowledge, seeds))
    assert result.exit_code == 1
    assert f"uncovered.yaml: now quoted by snippet mini-coach, remove it: {quoted}" in (
        result.output
    )


def test_real_seeds_have_sentences_to_account_for(real_kb: KnowledgeBase) -> None:
    report = check_coverage(real_kb, REAL_SEEDS)
    assert report.total > 150
    assert report.in_snippets > 100


def test_every_real_seed_sentence_is_quoted_or_listed_with_a_reason(
    real_kb: KnowledgeBase,
) -> None:
    """CI fails on a seed sentence nobody decided about (the `peerbot check --coverage` rule)."""
    report = check_coverage(real_kb, REAL_SEEDS)
    assert [f"{s.seed}:{s.line}: {s.text}" for s in report.missing] == []
    assert [(entry.text, snippet_id) for entry, snippet_id in report.stale] == []
