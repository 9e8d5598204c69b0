"""Retrieval quality on the real knowledge base, guarded by floors on the evaluation set."""

from __future__ import annotations

import pytest

from bot.evaluation import EvalQuestion, evaluate, load_questions, unknown_ids
from bot.index import SnippetIndex
from tests.conftest import PROJECT_ROOT

QUESTIONS = PROJECT_ROOT / "tests" / "data" / "questions-dev.yaml"


@pytest.fixture(scope="module")
def questions() -> list[EvalQuestion]:
    return load_questions(QUESTIONS)


def test_set_is_big_enough(questions: list[EvalQuestion]) -> None:
    assert len(questions) >= 50
    assert sum(1 for q in questions if not q.expect) >= 15


def test_every_expected_snippet_exists(
    real_index: SnippetIndex, questions: list[EvalQuestion]
) -> None:
    assert unknown_ids(real_index, questions) == []


def test_quality_floors(real_index: SnippetIndex, questions: list[EvalQuestion]) -> None:
    report = evaluate(real_index, questions)
    assert report.recall_at_3 >= 0.90, report.misses
    assert report.declined >= 0.80, report.wrongly_answered


def test_metrics_are_computed_from_ranks(real_index: SnippetIndex) -> None:
    answer = real_index.search("How many states certify peer specialists?")
    first, second = answer.results[0].snippet_id, answer.results[1].snippet_id
    report = evaluate(
        real_index,
        [
            EvalQuestion("How many states certify peer specialists?", (first,)),
            EvalQuestion("How many states certify peer specialists?", (second,)),
            EvalQuestion("What is the wifi password?", ()),
        ],
    )
    assert report.recall_at_1 == 0.5
    assert report.recall_at_3 == 1.0
    assert report.mrr == pytest.approx(0.75)
    assert report.declined == 1.0
