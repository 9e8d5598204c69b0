"""How peers and clinicians get along is the sources' integration on the clinical team (round 26).

"is there anything on how peers and clinicians get along?" quoted the passage on research
growing and the core conditions: "get along" matched nothing. Getting along, a working
relationship, working together and buy-in, said of peers and staff, are the sources'
"integration" (peers on the clinical team, which professionals "struggle to accept"); said of
clients or families they are not. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

CLINICAL_TEAM = "lafrance2017-clinical-team"


@pytest.mark.parametrize(
    "question",
    [
        "is there anything on how peers and clinicians get along?",
        "what's the working relationship like between peer staff and therapists",
        "how do we get buy-in from our psychiatrists for peer staff",
    ],
)
def test_getting_along_with_clinicians_is_integration(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, CLINICAL_TEAM)


def test_getting_along_with_clients_is_not(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("do peers get along with their clients?"))
    assert CLINICAL_TEAM not in [result.snippet_id for result in answer.results]
