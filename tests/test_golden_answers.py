"""Every evaluation and hostile question gets exactly the answer recorded in the golden file.

Guards speed work (stemmer, tokenizer, caching, start-up) against changing any ranking, score,
decline or suggestion. A deliberate retrieval change regenerates the file (after merging main,
`python -m tests.golden_answers --write --from main`; see that module).

Each question is asked through `peerbot ask --json` with one data directory for the module, as
`python -m tests.golden_answers` records them: the first ask builds the index and writes the
index cache, every later one starts from that cache, as each `peerbot ask` after the first does.
Building the real index for each of a thousand questions took most of the suite's time and
proved nothing more; the cold build is still held to every golden answer by the second check,
which asks an index built in this process and never written to or read from a cache.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.ask import DEFAULT_K
from bot.index import SnippetIndex
from tests.golden_answers import GOLDEN, ask_json, golden_questions


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    recorded: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="ascii"))
    return recorded


@pytest.fixture(scope="module")
def cli_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data directory (and so the index cache) every `peerbot ask` here shares."""
    return tmp_path_factory.mktemp("golden-data")


def test_golden_file_covers_every_question(golden: dict[str, Any]) -> None:
    assert sorted(golden) == sorted(label for label, _ in golden_questions())


@pytest.mark.parametrize(("label", "question"), golden_questions(), ids=lambda v: str(v)[:60])
def test_answer_matches_golden(
    golden: dict[str, Any],
    cli_data_dir: Path,
    real_index: SnippetIndex,
    monkeypatch: pytest.MonkeyPatch,
    label: str,
    question: str,
) -> None:
    monkeypatch.setenv("PEERBOT_DATA_DIR", str(cli_data_dir))
    assert ask_json(question) == golden[label]
    built = json.loads(json.dumps(real_index.search(question, k=DEFAULT_K).to_json()))
    assert built == golden[label]["answer"]
