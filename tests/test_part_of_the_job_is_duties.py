"""Whether a task is part of a role's job is a duties question (round 27).

"is helping people with stigma part of a CPS job?" was declined bare and "is education part of
the peer job" quoted that DDA helped members into employment and education: "part" and "job"
were words to cover, and outweighed the task. "part of (a CPS's) job / role / duties" is now a
duties cue, and a frame may name cue words that only say what kind of answer is asked
(`cue_only_words`), never covered. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first


@pytest.mark.parametrize(
    "question",
    [
        "is helping folks with stigma part of a CPS job?",
        "is helping with hopelessness part of the peer specialist role",
        "is developing friendships part of the CPS job or is that a boundary thing",
    ],
)
def test_a_task_among_the_activities_is_answered_with_them(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "peersforprogress-activities")
