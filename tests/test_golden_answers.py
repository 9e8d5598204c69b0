"""Every evaluation and hostile question gets exactly the answer recorded in the golden file.

Guards speed work (stemmer, tokenizer, caching, start-up) against changing any ranking, score,
decline or suggestion. A deliberate retrieval change regenerates the file (after merging main,
`python -m tests.golden_answers --write --from main`; see that module).

Every question is answered twice, and both must be the recorded answer:
- by `peerbot ask --json`: the one-line evaluation questions all in one run of its documented
  batch form (`peerbot ask --json -`, one question per line of stdin, one JSON answer per line),
  the hostile ones (odd text being the point) each as its own `peerbot ask --json -- QUESTION`.
  All share one data directory, so the batch builds the index and writes the index cache and
  every later ask starts from that cache, as every `peerbot ask` after the first does. (Asking
  each of a thousand questions in its own run, each building the real index afresh, took most
  of the suite's time and proved nothing more per question.)
- by the session's index built in this process, never written to or read from a cache.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.ask import DEFAULT_K
from bot.cli import main
from bot.index import SnippetIndex
from tests.golden_answers import GOLDEN, ask_json, golden_questions

QUESTIONS = golden_questions()


def _in_batch(label: str, question: str) -> bool:
    """An evaluation question that `peerbot ask --json -` reads back as exactly one line."""
    return label.startswith("questions-dev.yaml:") and "\n" not in question and "\r" not in question


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    recorded: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="ascii"))
    return recorded


@pytest.fixture(scope="module")
def cli_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data directory (and so the index cache) every `peerbot ask` here shares."""
    return tmp_path_factory.mktemp("golden-data")


@pytest.fixture
def shared_data_dir(cli_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PEERBOT_DATA_DIR", str(cli_data_dir))
    return cli_data_dir


@pytest.fixture(scope="module")
def batch_answers(cli_data_dir: Path) -> dict[str, dict[str, Any]]:
    """Label -> {exit_code, answer} of the one-line evaluation questions, from one run of
    `peerbot ask --json -` (its environment: the autouse clean one, with the shared data dir)."""
    batch = [(label, question) for label, question in QUESTIONS if _in_batch(label, question)]
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("PEERBOT_DATA_DIR", str(cli_data_dir))
        monkeypatch.chdir(cli_data_dir)  # no developer .env is read
        result = CliRunner().invoke(
            main,
            ["ask", "--json", "-"],
            input="".join(f"{question}\n" for _, question in batch),
        )
    # split("\n"), not splitlines(): JSON leaves U+2028 and friends unescaped inside a line.
    lines = result.stdout.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(batch), (result.exit_code, result.output)
    return {
        label: {"exit_code": result.exit_code, "answer": json.loads(line)}
        for (label, _), line in zip(batch, lines[:-1], strict=True)
    }


def test_golden_file_covers_every_question(golden: dict[str, Any]) -> None:
    assert sorted(golden) == sorted(label for label, _ in QUESTIONS)


@pytest.mark.parametrize(("label", "question"), QUESTIONS, ids=lambda v: str(v)[:60])
def test_answer_matches_golden(
    golden: dict[str, Any],
    batch_answers: dict[str, dict[str, Any]],
    shared_data_dir: Path,
    real_index: SnippetIndex,
    label: str,
    question: str,
) -> None:
    asked = batch_answers[label] if _in_batch(label, question) else ask_json(question)
    assert asked == golden[label]
    built = json.loads(json.dumps(real_index.search(question, k=DEFAULT_K).to_json()))
    assert built == golden[label]["answer"]
