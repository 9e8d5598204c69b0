"""The offline `peerbot` CLI: ask, role, check, eval, with clear errors and exit codes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from tests.conftest import MINI_CARDS, MINI_FILES, write_mini_kb


def _env(knowledge: Path, seeds: Path) -> dict[str, str]:
    return {"PEERBOT_KNOWLEDGE_DIR": str(knowledge), "PEERBOT_SEEDS_DIR": str(seeds)}


def test_ask_prints_passage_and_citation(mini_kb_dirs: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(
        main, ["ask", "what does a peer bridger do?"], env=_env(*mini_kb_dirs)
    )
    assert result.exit_code == 0
    assert '"Peer bridgers help people leave hospital' in result.output
    assert "-- Ada Example (2020). A small test report. (report)" in result.output


def test_ask_declines_with_suggestions(mini_kb_dirs: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["ask", "what is the wifi password"], env=_env(*mini_kb_dirs))
    assert result.exit_code == 0
    assert "Not found in the sources" in result.output
    assert "Nearest topics and roles" in result.output


def test_ask_json(mini_kb_dirs: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(
        main, ["ask", "--json", "-k", "1", "does insurance pay for peers"], env=_env(*mini_kb_dirs)
    )
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["question"] == "does insurance pay for peers"
    assert payload["answered"] is True
    assert [r["snippet_id"] for r in payload["results"]] == ["mini-medicaid"]
    assert set(payload["results"][0]) >= {"snippet_id", "source_id", "text", "citation", "score"}
    assert payload["suggestions"] == []


def test_ask_json_batch_answers_every_line_in_order(mini_kb_dirs: tuple[Path, Path]) -> None:
    lines = ["peer bridger", "", "\x00\x01 ??? <!channel>", "recovery coach", "   "]
    result = CliRunner().invoke(
        main, ["ask", "--json", "-"], input="\n".join(lines) + "\n", env=_env(*mini_kb_dirs)
    )
    assert result.exit_code == 0
    objects = [json.loads(line) for line in result.output.splitlines()]
    assert [obj["question"] for obj in objects] == lines
    assert [obj["answered"] for obj in objects] == [True, False, False, True, False]


def test_role_card_and_did_you_mean(mini_kb_dirs: tuple[Path, Path]) -> None:
    env = _env(*mini_kb_dirs)
    found = CliRunner().invoke(main, ["role", "recovry coach"], env=env)
    assert found.exit_code == 0
    assert found.output.startswith("Recovery coach")
    assert "Recovery coaches support people" in found.output
    missing = CliRunner().invoke(main, ["role", "--json", "bridge keeper"], env=env)
    payload = json.loads(missing.output)
    assert payload["found"] is False
    assert payload["suggestions"][0]["role_id"] == "peer-bridger"
    listing = CliRunner().invoke(main, ["role"], env=env)
    assert listing.output.splitlines() == ["Peer bridger (bridger)", "Recovery coach"]


def test_check_passes_on_valid_knowledge(tmp_path: Path) -> None:
    knowledge, seeds = write_mini_kb(tmp_path, MINI_CARDS)
    result = CliRunner().invoke(main, ["check"], env=_env(knowledge, seeds))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 3 snippets from 1 sources")
    assert "6 asks" in result.output


def test_check_warns_on_missing_asks_and_about_cards(tmp_path: Path) -> None:
    funding = textwrap.dedent(MINI_FILES["snippets/funding.yaml"])
    funding = "\n".join(line for line in funding.splitlines() if "asks:" not in line) + "\n"
    knowledge, seeds = write_mini_kb(tmp_path, {"snippets/funding.yaml": funding})
    result = CliRunner().invoke(main, ["check"], env=_env(knowledge, seeds))
    assert result.exit_code == 0, result.output
    assert "warning: knowledge/snippets/funding.yaml:2: snippet mini-medicaid: has no 'asks'" in (
        result.output
    )
    assert "warning: knowledge/topics.yaml:4: topic funding: has no 'about'" in result.output
    assert "warning: knowledge/roles.yaml:2: role peer-bridger: has no 'about'" in result.output
    # A real problem is still an error, and gaps are not repeated as errors beside it.
    broken = funding.replace("major source", "minor source")
    knowledge, seeds = write_mini_kb(tmp_path / "broken", {"snippets/funding.yaml": broken})
    failed = CliRunner().invoke(main, ["check"], env=_env(knowledge, seeds))
    assert failed.exit_code == 1
    assert "snippet mini-medicaid: text is not found verbatim" in failed.output
    assert "has no 'asks'" not in failed.output
    assert "1 problem(s) in the knowledge base" in failed.output


def test_check_fails_on_quote_not_in_seeds(tmp_path: Path) -> None:
    knowledge, seeds = write_mini_kb(tmp_path)
    path = knowledge / "snippets" / "funding.yaml"
    path.write_text(path.read_text().replace("major source", "minor source"))
    result = CliRunner().invoke(main, ["check"], env=_env(knowledge, seeds))
    assert result.exit_code == 1
    assert (
        "knowledge/snippets/funding.yaml:4: snippet mini-medicaid: text is not found verbatim"
        in (result.output)
    )
    assert "Traceback" not in result.output


def test_broken_knowledge_is_one_clear_error_for_ask(tmp_path: Path) -> None:
    knowledge, seeds = write_mini_kb(tmp_path, {"topics.yaml": "topics: [\n"})
    result = CliRunner().invoke(main, ["ask", "anything"], env=_env(knowledge, seeds))
    assert result.exit_code == 1
    assert "knowledge/topics.yaml:2: YAML syntax error" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_setting_is_one_clear_error(mini_kb_dirs: tuple[Path, Path]) -> None:
    env = {**_env(*mini_kb_dirs), "PEERBOT_RESULTS": "lots"}
    result = CliRunner().invoke(main, ["ask", "x"], env=env)
    assert result.exit_code == 1
    assert "PEERBOT_RESULTS must be a whole number" in result.output


def test_eval_prints_metrics_on_real_set() -> None:
    result = CliRunner().invoke(main, ["eval"])
    assert result.exit_code == 0
    for label in ("Recall@1", "Recall@3", "MRR", "declined"):
        assert label in result.output


def test_ask_adds_crisis_notice_only_for_crisis_wording(mini_kb_dirs: tuple[Path, Path]) -> None:
    env = {**_env(*mini_kb_dirs), "PEERBOT_CRISIS_NOTICE": "Call 988 now."}
    flagged = CliRunner().invoke(
        main, ["ask", "client talked about suicide, peer bridger?"], env=env
    )
    assert "! Call 988 now." in flagged.output
    plain = CliRunner().invoke(main, ["ask", "what does a peer bridger do?"], env=env)
    assert "988" not in plain.output
