"""Asks about one's own staff, scripts and relapse: no source gives them (round 17).

Three kinds of question were answered with a passage that only shared their words:
- a personnel decision about one's own staff (letting a worker go after a relapse, coming back
  from leave, accommodations) got the passage on how peers split their time;
- a script ("what should a peer specialist say at a first meeting") got a study's findings,
  because only "what should *I* say" and "what should *a peer* say" were cues;
- a worker's age ("at what age can a youth peer start working") got the ages of youth served.
The sources never name relapse, and "HR" in capitals is human resources, not an hour. Beside
each, a near question the sources answer still is. All questions here are our own.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

STAFF = "personnel or HR policy for your own staff"


@pytest.mark.parametrize(
    "question",
    [
        "a peer on my team relapsed last month. can we terminate her?",
        "is there guidance on reasonable accommodations for peer specialists with a disability?",
        "HR q: what's the usual probationary period for a new recovery coach?",
        "what should we do when a peer worker comes back to work after medical leave?",
    ],
)
def test_a_personnel_decision_is_not_in_the_sources(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == "staff-policy", question


def test_the_pointer_closes_the_sentence_after_a_subject(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("can our agency fire a peer worker who relapses?"))
    assert not answer.answered
    assert answer.missing is not None and answer.missing.startswith(STAFF)
    assert answer.missing.endswith("(ask your HR lead)")


def test_a_clients_return_to_work_is_no_personnel_decision(real_index: SnippetIndex) -> None:
    frame = real_index.read(own("can peer support get clients back to work sooner?")).frame
    assert frame is None or frame.id != "staff-policy"


def test_hr_in_capitals_is_human_resources(real_index: SnippetIndex) -> None:
    assert "human resources" in real_index.reader.spell_out(own("HR says no"))
    assert "hour" in real_index.reader.spell_out(own("a 2 hr shift"))


@pytest.mark.parametrize(
    "question",
    [
        "does peer support keep people from relapsing after rehab?",
        "what's the relapse rate for people in peer-run groups?",
    ],
)
def test_relapse_is_a_subject_no_source_names(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert "relapse" in answer.concepts, question


@pytest.mark.parametrize(
    "question",
    [
        "what should a certified peer specialist say when meeting a client for the first time?",
        "what should our recovery coaches tell a new member on day one?",
        "how should a peer mentor introduce themselves to a new family?",
    ],
)
def test_a_script_is_advice(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == "advice", question


@pytest.mark.parametrize(
    "question",
    [
        "at what age can teenagers start working as youth peer mentors?",
        "are we allowed to hire 16 year olds as youth peer supporters?",
    ],
)
def test_a_workers_age_is_not_the_age_of_those_served(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == "worker-age", question


def test_the_ages_of_youth_served_are_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "which ages of young people did the Canadian youth peer evaluation include?",
        "halsall2021-realist-participatory",
    )
