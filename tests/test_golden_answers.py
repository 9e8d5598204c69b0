"""Every evaluation and hostile question gets exactly the answer recorded in the golden file.

Guards speed work (stemmer, tokenizer, caching, start-up) against changing any ranking, score,
decline or suggestion. A deliberate retrieval change regenerates the file (after merging main,
`python -m tests.golden_answers --write --from main`; see that module).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.golden_answers import GOLDEN, ask_json, golden_questions


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    recorded: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="ascii"))
    return recorded


def test_golden_file_covers_every_question(golden: dict[str, Any]) -> None:
    assert sorted(golden) == sorted(label for label, _ in golden_questions())


@pytest.mark.parametrize(("label", "question"), golden_questions(), ids=lambda v: str(v)[:60])
def test_answer_matches_golden(golden: dict[str, Any], label: str, question: str) -> None:
    assert ask_json(question) == golden[label]
