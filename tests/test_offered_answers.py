"""A follow-up offering answers to a question is not the question (round 18, own questions).

Staff often follow a question with the answers they have in mind: "how many hours a week do CPSs
work? part time or full time mostly?", "where does the money come from? is Medicaid the big one
or is it all over the place". The offer shares more words with the passages than the question
(whose own words, "hours", may be none of theirs), so it was read as the ask: a passage on "time"
answered a question about hours. The question before it is the ask now, and the offer is no
second question.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        (
            "how many hours a week do peer mentors usually put in? mostly part time or full time?",
            "how many hours a week do peer mentors usually put in",
        ),
        (
            "where does funding for peer programs usually come from? is it mostly Medicaid or "
            "grants?",
            "where does funding for peer programs usually come from",
        ),
    ],
)
def test_the_question_is_the_ask_not_the_answers_offered(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    answer = real_index.search(own(message))
    assert answer.ask == ask
    assert answer.other_questions == 0


def test_a_count_of_hours_is_not_answered_by_a_passage_on_time(real_index: SnippetIndex) -> None:
    message = own(
        "how many hours a week do peer mentors usually put in? mostly part time or full time?"
    )
    answer = real_index.search(message)
    assert not answer.answered
    assert answer.frame == "how-many"


def test_the_question_before_the_offer_is_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "where does funding for peer programs usually come from? is it mostly Medicaid or grants?",
        "lafrance2017-medicaid-funding",
    )


def test_a_second_question_of_its_own_is_no_offer(real_index: SnippetIndex) -> None:
    """ "Does peer support work or not" names its own subject and points back at nothing."""
    answer = real_index.search(own("what do recovery coaches do? does peer support work or not?"))
    assert answer.other_questions == 1


def test_what_a_review_looked_at_is_its_design_not_its_findings(real_index: SnippetIndex) -> None:
    """With the offer gone, "Bellamy review - what outcomes did it look at? just mental health or
    physical too?" is read on its question, whose "what * outcomes" had read as findings, which
    rules out the passage on what the review covers."""
    question = own("which outcomes did the Bellamy review look at?")
    frame = real_index.read(question).frame
    assert frame is not None and frame.id != "findings"
    assert_among_answers(real_index, question, "bellamy2017-evidence-update-domains")


def test_the_choices_of_a_question_weighing_them_are_its_sides(real_index: SnippetIndex) -> None:
    question = own("which works better for clients: one-on-one peer support or peer groups?")
    assert "peer groups" in real_index.read(question).ask
