"""Whether the field agrees on a role's duties is not the list of its duties.

"Is there agreement on the duties of peer support workers?" was read by the duties frame and
answered first from the role's card, the list of what CPSs do; the passage saying there is no
consensus on the core competencies and duties came second (found by an independent reviewer).
Agreement, consensus or standardisation asked of the duties turns the duties frame off, so the
passages on the lack of consensus lead. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

NO_CONSENSUS = {"lafrance2017-tasks-settings-models", "lafrance2017-core-components"}


@pytest.mark.parametrize(
    "question",
    [
        "is there any agreement on the duties of peer support workers??",
        "are peer worker duties standardized from program to program",
    ],
)
def test_agreement_on_duties_is_the_lack_of_consensus(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame != "duties", question
    assert answer.answered and answer.results[0].snippet_id in NO_CONSENSUS, question
