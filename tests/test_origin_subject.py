"""Who made something answers "who started it" only when it is the thing asked about (round 25).

"who invented peer support" quoted "The 'core conditions' of helping relationships promulgated
decades ago by Rogers along with research on self-disclosure may be useful frameworks for
understanding and researching the effectiveness of peer support": the passage holds an origin
("promulgated ... by") and the words "peer support", but what Rogers set out is the core
conditions. The words before the verb of making must now name the ask's subject
(`SnippetIndex._creates_the_subject`); otherwise the question is declined ("who created it"),
with that passage as related. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

WHO_STARTED_PEER_SUPPORT = [
    "who actually started peer support?",
    "who came up with peer support in the first place",
    "origins of peer support - who pioneered it?",
]


@pytest.mark.parametrize("question", WHO_STARTED_PEER_SUPPORT)
def test_the_core_conditions_are_not_who_started_peer_support(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing == "who created it", question


def test_who_set_out_the_core_conditions_is_still_answered(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index, "who came up with the core conditions idea?", "rogers2017-core-conditions"
    )
