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
        # Said indirectly, as clients put it and staff paste it.
        "client texted last night saying they dont want to be here anymore",
        "she told me she doesn't want to wake up",
        "he said he can't go on like this",
        "thinking about ending it all",
        "client keeps joking about wanting to unalive himself",
        "my client tried to take her own life last year",
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
        "peers who want to be here for the long haul",
        "can we go on to the next step of certification?",
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
