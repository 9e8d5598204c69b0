"""A study's sample is no count of how many there are (round 25).

"how many peer specialists are there" quoted "a 2010 study by Salzer and colleagues that
featured a survey completed by 291 CPSs across 28 states", and "how many members does the DDA
programme have?" "Six DDA members were interviewed three times ...": a clause giving a study's
sample (interviewed, surveyed, recruited, completed) counted people only for "how many people";
now it counts nothing of any kind unless the question asks about a study (`_counts`). Such a
question is declined ("a figure for that"), the sample's passage beside it. Own questions, not
in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

SAMPLES = {"peersforprogress-salzer-survey", "milani2020-interviews", "tse2019-32-clients"}


@pytest.mark.parametrize(
    "question",
    [
        "how many peer specialists are there, roughly?",
        "how many members does the DDA programme have?",
        "how many clients does the hong kong service see?",
    ],
)
def test_a_sample_is_not_how_many_there_are(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing == "a figure for that", question


@pytest.mark.parametrize(
    ("question", "sample"),
    [
        ("how many CPSs filled out the salzer survey?", "peersforprogress-salzer-survey"),
        ("how many DDA members got interviewed for the study?", "milani2020-interviews"),
    ],
)
def test_a_question_about_the_study_gets_its_sample(
    real_index: SnippetIndex, question: str, sample: str
) -> None:
    assert_answered_first(real_index, question, sample)
