"""Veterans are a subject an answer must name; the Veterans Administration is not them (round 25).

"does peer support help veterans" quoted "Peer provider employees in behavioral health is a
fast-growing occupational group, and is becoming increasing professionalized, especially in
agencies such as the Veterans Administration (VA)": "veterans" was one word among the ask's
and that passage holds it. Veterans are now a subject (knowledge/frames.yaml `subjects`) like
youth or families: a passage must name them. A subject's `not_before` words ("administration",
"affairs") make its name part of an employer's name, which says nothing about the people: the
VA passages still answer questions about the VA. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

EFFECT_ON_VETERANS = [
    "does peer support actually help veterans?",
    "is peer support effective for military veterans",
    "quick q: do peer counselors improve outcomes for veterans?",
]


@pytest.mark.parametrize("question", EFFECT_ON_VETERANS)
def test_the_va_as_employer_is_no_finding_on_veterans(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    shown = [result.snippet_id for result in (*answer.results, *answer.related)]
    assert "lafrance2017-fast-growing" not in shown, question


def test_the_va_passages_still_answer_about_the_va(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("is the Veterans Administration a big employer of peer staff?"))
    assert answer.answered
    assert "lafrance2017-fast-growing" in [result.snippet_id for result in answer.results]


def test_the_announcement_still_answers_about_veterans(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index,
        "how many peer counselors were going to be hired for vets?",
        "peersforprogress-va-800",
    )


def test_an_employer_name_is_not_the_subject(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("do peers work at Veterans Affairs hospitals?"))
    assert "veterans" not in [place.id for place in reading.places]
    reading = real_index.read(own("do peers work with veterans at the hospital?"))
    assert "veterans" in [place.id for place in reading.places]
