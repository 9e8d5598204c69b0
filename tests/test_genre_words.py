"""A word naming the kind of writing asked for is not the subject (round 25).

"any data on peer support for youth?" was declined, though "is there research on peer support
for youth?" was answered from the Halsall youth study: "data" weighs as much as "youth" in the
coverage and no youth passage uses it, so they covered 54% of the ask against 55% needed.
"data", "info", "information" and "literature" right before what they are on ("data on", "info
about") name the kind of answer wanted, not its subject: they are context now
(`SnippetIndex._mark_genre`), counted where a passage holds them and passed over where it does
not. "stats" still asks for figures, and the word stays asked for with nothing after it.
Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

HALSALL_YOUTH = {
    "halsall2021-youth-mechanisms",
    "halsall2021-realist-participatory",
    "halsall2021-engage-peers",
    "halsall2021-systems-transformation",
}

ON_YOUTH = [
    "do you have any data on peer support for youth",
    "data on youth peer support pls",
    "hey, any data on peer support for youth? need it for a grant",
    "is there literature on youth peer support?",
]


@pytest.mark.parametrize("question", ON_YOUTH)
def test_the_kind_of_writing_is_not_what_is_asked_about(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id in HALSALL_YOUTH, question


def test_a_passage_holding_the_word_still_answers(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index,
        "any data about how many states certify peer specialists",
        "lafrance2017-states-certify",
    )


def test_with_nothing_after_it_the_word_is_still_asked_for(real_index: SnippetIndex) -> None:
    # "any data on it?" names no subject: the word is the ask, so it is not waved through.
    answer = real_index.search(own("any data on it?"))
    assert not answer.answered
