"""The challenges peer specialists face on the job (round 25).

"what are the main challenges peer specialists face at work" quoted the Goutam paper on the
social and economic challenges of treating mental illness in India, alone: its one word
"challenges" was the question's heaviest, and "at work" matched no passage on the job. The
sources' answer is that integrating peer staff on the clinical team "continues to be a
challenge"; that passage now has a curated ask in staff words for it (in place of an ask that
only repeated its own text). Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first


@pytest.mark.parametrize(
    "question",
    [
        "what are the main challenges peer specialists face at work",
        "what challenges do certified peer specialists face in their jobs?",
    ],
)
def test_the_challenges_of_the_job_are_answered_first(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "lafrance2017-clinical-team")


def test_challenges_of_mental_illness_in_india_stay_goutams(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index,
        "what challenges do people with mental illness face in india",
        "goutam2020-viability-india",
    )
