"""Workplace shorthand, job hours, and what a hiring manager screens for (round 26).

"peers = people w lived exp right?" was declined bare: "exp" was a word no passage has. Common
workplace shorthand is now spelled out ("exp", "trng", "evals", "reimb", "quals", "OUD", "MAT",
...), and "years of experience", a degree, a felony or a background check are requirements,
which the sources do not give: "do CPSs need yrs of exp" had become answered by a passage on
clients valuing PSWs' experience. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, assert_partial, own

REQUIREMENTS = "the requirements asked about"


def test_lived_exp_is_lived_experience(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index, "lol ok so peers = people w lived exp right?", "goutam2020-shared-experience"
    )


@pytest.mark.parametrize(
    "question",
    [
        "do CPSs need yrs of exp",
        "do peers need a college degree",
        "is a degree required to be a recovery coach?",
        "can someone with a felony get hired as a peer?",
    ],
)
def test_what_a_hiring_manager_screens_for_is_a_requirement(
    real_index: SnippetIndex, question: str
) -> None:
    assert_partial(real_index, question, "requirements", REQUIREMENTS)


def test_oud_is_opioid_use_disorder(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("does peer support help ppl w OUD"))
    assert "opioid" in reading.words


@pytest.mark.parametrize(
    "question", ["are peers usually full time or part time?", "do most CPSs work part-time"]
)
def test_full_and_part_time_are_not_time_or_part(real_index: SnippetIndex, question: str) -> None:
    # "at the same time" (the DDA finding) and "part of" answered these before.
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
