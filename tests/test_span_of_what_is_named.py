"""How long something has gone on is a span of the thing named (round 25).

"since when do states pay for peer support with medicaid" and "how long has SAMHSA funded peer
support" quoted "Peer support and other consumer-provided services have burgeoned within the USA
during the past 30 years": a span, but of peer services growing, not of Medicaid paying or
SAMHSA funding. The `since-when` and `time` frames now bind their span to what the question
names (`names_dated`, as `when` and `onset` already did): a passage must name each concept the
question names. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("since when do states pay for peer support with medicaid", "how long it has existed"),
        ("how long has SAMHSA funded peer support", "a date or duration"),
    ],
)
def test_a_span_of_something_else_is_no_answer(
    real_index: SnippetIndex, question: str, missing: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing == missing
    assert "rogers2017-burgeoned-uneven" not in [r.snippet_id for r in answer.results]


@pytest.mark.parametrize(
    "question",
    ["how long have peer services been around in the US?", "history of peer support services"],
)
def test_a_span_of_the_thing_named_is_answered(real_index: SnippetIndex, question: str) -> None:
    assert_answered_first(real_index, question, "rogers2017-burgeoned-uneven")
