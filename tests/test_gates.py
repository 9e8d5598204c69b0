"""Gates, not coverage (round 21), on questions not in the eval files.

1. A yes-or-no question about a named place is not answered by a passage that is about the
   place but says nothing of what is asked of it ("does Hong Kong certify peer workers?" / Hong
   Kong's adoption of peer services); it is declined with that passage related and what is
   missing said. A question about the place's own work, or whether something is there at all,
   is left as it was.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import not_in_eval_files

# --- 1. a place is a gate: what is asked of it must be said ---------------------------------------


@pytest.mark.parametrize(
    ("question", "related", "missing"),
    [
        pytest.param(
            "so are peer workers in hong kong certified?",
            "tse2019-hong-kong-since-2015",
            "certified",
            id="hong-kong-certified",
        ),
        pytest.param(
            "is there any state funding for peer support workers in Hong Kong",
            "tse2019-hong-kong-since-2015",
            "funding",
            id="hong-kong-funding",
        ),
        pytest.param(
            "do california peer specialists get reimbursed?",
            "lafrance2017-california",
            "reimbursed",
            id="california-reimbursed",
        ),
        pytest.param(
            "are peer supporters licensed in india these days?",
            None,
            "licensed",
            id="india-licensed",
        ),
    ],
)
def test_a_place_passage_does_not_answer_what_it_does_not_say(
    real_index: SnippetIndex, question: str, related: str | None, missing: str
) -> None:
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert not answer.answered, question
    assert missing in (answer.missing or ""), answer.missing
    if related is not None:
        assert related in [r.snippet_id for r in answer.related], answer.related


@pytest.mark.parametrize(
    ("question", "first"),
    [
        pytest.param(
            "is California working toward statewide peer certification?",
            "lafrance2017-california",
            id="california-certification",
        ),
        pytest.param(
            "has Hong Kong adopted peer support in its public services?",
            "tse2019-hong-kong-since-2015",
            id="hong-kong-adopted",
        ),
        pytest.param(
            "are peer support services available in Hong Kong?",
            "tse2019-hong-kong-since-2015",
            id="hong-kong-available",
        ),
    ],
)
def test_a_place_passage_answers_what_it_says(
    real_index: SnippetIndex, question: str, first: str
) -> None:
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert answer.answered, question
    assert answer.results[0].snippet_id == first
