"""Crisis wording adds the crisis notice; ordinary questions never get it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.crisis import mentions_crisis
from bot.index import SnippetIndex


@pytest.mark.parametrize(
    "text",
    [
        "who do I call if a client is suicidal after hours?",
        "My client said she wants to kill herself",
        "he talked about ending his life",
        "client OD'd last night, what do peers do?",
        "overdose response for recovery coaches",
        "SELF-HARM and peer support",
        "she has been cutting herself",
        "he says he wants to die",
        "Suicide prevention role of peer specialists",
    ],
)
def test_crisis_wording_is_spotted(text: str) -> None:
    assert mentions_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "How many states certify peer specialists?",
        "budget cutting for peer programs",
        "do insurers pay for peers?",
        "killer app for scheduling",
        "what is the dosage of support peers need",
        "the odds of getting certified",
        "",
    ],
)
def test_ordinary_questions_are_not_flagged(text: str) -> None:
    assert not mentions_crisis(text)


def test_answer_carries_the_flag(real_index: SnippetIndex) -> None:
    flagged = real_index.search("client is suicidal, does peer support reduce hospitalization?")
    assert flagged.crisis
    plain = real_index.search("does peer support reduce hospitalization?")
    assert not plain.crisis
    assert flagged.answered and plain.answered
    assert flagged.results[0].snippet_id == plain.results[0].snippet_id


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    assert mentions_crisis(text) in (True, False)
