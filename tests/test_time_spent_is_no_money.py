"""Time spent is time, not money (round 25).

"what percent of CPS time is spent on site" was read by the money frame ("what * spent on") and
declined for "pay or cost figures". Time spent is now an `unless` of that frame: the question is
a share the sources do not give, with the passage on time on site and in the community beside
it. Own questions.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import own


def test_a_share_of_time_spent_is_no_cost(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what percent of CPS time is spent on site"))
    assert answer.frame != "money"
    assert not answer.answered
    assert "peersforprogress-site-vs-community" in [r.snippet_id for r in answer.related]


def test_money_spent_is_still_money(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("how much did the VA spend on its peer counselors?"))
    assert answer.frame == "money"
