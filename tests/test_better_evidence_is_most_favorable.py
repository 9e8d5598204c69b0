"""Which has the better evidence is what research "has been most favorable for" (round 27).

"group vs individual peer support - which has better evidence?" was declined as "a comparison of
both": the passage saying research "has been most favorable for manualized, group
interventions" favours one side (which answers the choice), but "better" and "evidence" were
words it did not hold, and its coverage fell under the bar. Better, stronger or best evidence
or research now reads as the sources' "most favorable". Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first


@pytest.mark.parametrize(
    "question",
    [
        "group or individual peer support, which has better evidence?",
        "groups or one-on-one peer support: which one has stronger research behind it?",
    ],
)
def test_the_side_research_favours_answers(real_index: SnippetIndex, question: str) -> None:
    assert_answered_first(real_index, question, "rogers2017-group-interventions")
