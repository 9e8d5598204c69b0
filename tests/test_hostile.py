"""Hostile and odd questions: retrieval and role lookup never fail and always give a valid reply."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.index import SnippetIndex
from bot.roles import role_card
from tests.conftest import PROJECT_ROOT

HOSTILE_FILE = PROJECT_ROOT / "tests" / "data" / "hostile_questions.yaml"


def hostile_questions() -> list[Any]:
    """The hostile corpus as pytest params with readable ids (shared with the Slack tests)."""
    data = yaml.safe_load(HOSTILE_FILE.read_text(encoding="utf-8"))
    return [pytest.param(item["text"], id=item["id"]) for item in data["questions"]]


def test_corpus_covers_the_documented_cases() -> None:
    ids = {param.id for param in hostile_questions()}
    assert len(ids) >= 30
    for required in ("empty", "forty-thousand-chars", "nul", "at-channel", "disguised-link"):
        assert required in ids


@pytest.mark.parametrize("question", hostile_questions())
def test_search_returns_valid_answer(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(question)
    assert answer.question == question
    assert answer.answered == bool(answer.results)
    assert answer.answered or answer.suggestions
    for result in answer.results:
        assert result.citation
    json.dumps(answer.to_json())  # serialisable for `ask --json`


@pytest.mark.parametrize("question", hostile_questions())
def test_role_lookup_returns_card_or_suggestions(real_index: SnippetIndex, question: str) -> None:
    card = role_card(real_index.kb, question)
    assert card.found or card.suggestions


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000), st.integers(min_value=1, max_value=10))
def test_search_never_raises(real_index: SnippetIndex, question: str, k: int) -> None:
    answer = real_index.search(question, k=k)
    assert len(answer.results) <= k
    assert answer.answered == bool(answer.results)


@pytest.mark.parametrize("text", ["?!.,;:()[]{}-/\\|@#$%^&*+=~`", "$$?", "= ?", "#&%"])
def test_a_message_of_symbols_only_asks_nothing(real_index: SnippetIndex, text: str) -> None:
    """A message with no letter or digit is not read through the shorthand: its "$" is no
    money question, its "=" no definition. It was answered with funding passages."""
    answer = real_index.search(text)
    assert not answer.answered
    assert answer.vague
