"""What keeps employers from hiring peers is what may hinder their adoption (round 25).

"what stops agencies from hiring peers" quoted a passage on peer providers being a fast-growing
occupation: nothing took "from hiring" to the sources' "a lack of clarity about the role may
hinder widespread adoption". "from hiring" and "from adopting" now do, beside "reluctant to
hire" and the like. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first


@pytest.mark.parametrize(
    "question",
    [
        "what stops agencies from hiring peers",
        "what keeps clinics from hiring peer specialists",
        "what keeps programs from adopting peer support?",
    ],
)
def test_what_keeps_employers_from_hiring_is_answered(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "lafrance2017-role-clarity")
