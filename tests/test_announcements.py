"""An announcement says what was promised, not what came of it (round 18, own questions).

"Did the SAMHSA consumer network grants improve outcomes?" was answered with the passage that
announces the grants, and "what outcomes have veterans had from the VA's peer counselors?" with
the one announcing that the VA will hire them. The findings and effectiveness frames now rule out
a passage holding an announcement or plan (`announcement` in frames.yaml), and questions asking
what came of something ("what impact did ... have", "did ... lead to", "what came of ...") are
read as asking for findings.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, assert_partial, own

ANNOUNCED = "findings (the passages on it say what was announced or planned, not what came of it)"


@pytest.mark.parametrize(
    "question",
    [
        "what impact did the SAMHSA awards have on peer groups?",
        "did the VA hiring push lead to better care for veterans?",
        "what came of the VA plan to hire 800 peer counselors?",
        "what difference did the consumer network funding make?",
        "did the SAMHSA consumer network money improve outcomes for the people in those groups?",
    ],
)
def test_what_came_of_an_announcement_is_not_the_announcement(
    real_index: SnippetIndex, question: str
) -> None:
    assert_partial(real_index, question, "findings", ANNOUNCED)
    answer = real_index.search(question)
    assert answer.related, question  # the announcement is still shown, as related


def test_the_announcement_answers_what_was_announced(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "what did SAMHSA announce for consumer networks?",
        "peersforprogress-samhsa-2-3-million",
    )
    assert_among_answers(
        real_index, "how many peer counselors will the VA hire?", "peersforprogress-va-800"
    )


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("what impact did DDA have on its members?", "milani2020-five-areas"),
        ("did going to DDA lead to jobs for members?", "milani2020-employment-commissioning"),
    ],
)
def test_what_came_of_a_programme_studied_is_still_answered(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "findings"
    assert_among_answers(real_index, question, snippet_id)
