"""How-to questions: what staff must do themselves is answered only by a passage that says how.

A passage on Medicaid reimbursement shares every word with "how do we bill Medicaid for peer
services" and gives no procedure; shown as an answer it reads as if it were one. Questions here
are our own (checked not to be evaluation questions).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_partial, own

# What the sources lack for a requirements question, and who to ask instead (knowledge/frames.yaml).
REQUIREMENTS_POINTER = "(a state's certification board or the employer sets them)"
REQUIREMENTS_MISSING = f"the requirements asked about {REQUIREMENTS_POINTER}"


@pytest.mark.parametrize(
    "question",
    [
        "how do we bill medicaid for peer services? like whats the actual process, new program",
        "how do I write a job description for a peer support worker?",
        "what's the process for billing peer support to medicaid in our state",
        "how do we draft a policy for peer staff self-disclosure?",
    ],
)
def test_an_office_procedure_needs_steps(real_index: SnippetIndex, question: str) -> None:
    assert_partial(real_index, question, "procedure", "steps for doing that")


@pytest.mark.parametrize(
    "question",
    [
        # What research suggests a program do is answered, not read as a procedure.
        "how should our peer program decide which outcomes to track?",
        # How peers help is what they do, not a procedure of the asker's.
        "how do peers help people with bipolar?",
    ],
)
def test_how_questions_about_research_stay_answered(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame != "procedure"
    assert answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "how do i become a peer specialist?",
        "how do i become a peer specialist? i have lived experience and want to give back",
        "what qualifications do peer support workers need?",
    ],
)
def test_how_to_become_one_is_related_to_training_and_certification(
    real_index: SnippetIndex, question: str
) -> None:
    """No source states a requirement: that 41 states train and certify peer specialists is
    shown as related, under "the sources do not give the requirements asked about"; a passage
    that only says the field "is becoming" professionalized is not even related."""
    answer = real_index.search(own(question))
    assert answer.frame == "requirements"
    assert not answer.answered and answer.missing == REQUIREMENTS_MISSING
    related = [result.snippet_id for result in answer.related]
    assert "lafrance2017-fast-growing" not in related


def test_eligibility_is_not_matched_by_a_shared_word(real_index: SnippetIndex) -> None:
    """ "With a record" is not the interviews that were "recorded": no requirement, declined."""
    assert_partial(
        real_index,
        "am i eligible to be a peer if i have a record?",
        "requirements",
        REQUIREMENTS_MISSING,
    )


@pytest.mark.parametrize(
    "question",
    [
        "what are Oregon's requirements to become a peer support specialist?",
        "what are the requirements to become a recovery coach in Ohio?",
    ],
)
def test_become_is_part_of_the_ask_not_its_topic(real_index: SnippetIndex, question: str) -> None:
    """ "Requirements to become" is the frame: a passage saying the field "is becoming"
    professionalized is not even related to one state's requirements."""
    answer = real_index.search(own(question))
    assert answer.frame == "requirements"
    assert not answer.answered
    assert answer.missing is not None
    shown = [result.snippet_id for result in answer.related]
    assert "lafrance2017-fast-growing" not in shown
    assert "bellamy2017-research-grown" not in shown
