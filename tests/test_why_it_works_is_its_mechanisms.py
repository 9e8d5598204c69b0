"""Why peer support works is its mechanisms, not how much evidence there is (round 27).

"do we know why peer support works" quoted that there is "still little literature on the
effectiveness of peer workers specifically in transitional settings": "why it works" was read
as "effectiveness", which every passage on the evidence holds. It is now read as the sources
put it, the need to "understand why peer support is effective" and the "mechanisms" by which
it is beneficial. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

# The passages saying why (or by what mechanisms) peer support works is not yet understood.
WHY_IT_WORKS = {
    "rogers2017-sustain-peer-specialists",
    "rogers2017-mechanisms-workforce",
    "rogers2017-individual-peer-support",
    "rogers2017-core-conditions",
    "barrenger2019-change-mechanisms",
    "halsall2021-youth-mechanisms",
}


@pytest.mark.parametrize(
    "question",
    [
        "is it actually known why peer support works?",
        "any idea why peers work so well for some folks",
        "what do we know about why it works",
    ],
)
def test_why_it_works_is_answered_with_its_mechanisms(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, answer.missing
    assert answer.results[0].snippet_id in WHY_IT_WORKS, answer.results[0].snippet_id
