"""An ACT team is Assertive Community Treatment, not the Affordable Care Act (round 25).

"who does what on an ACT team" and "do ACT teams have peers" quoted the blog's passage on the
expansion of Medicaid under the Affordable Care Act: "ACT" was read as the word "act", which that
passage holds. Capital "ACT" now spells out Assertive Community Treatment, which the sources do
not discuss; lower-case "act" stays a word. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "question",
    ["who does what on an ACT team", "do ACT teams usually have a peer on staff?"],
)
def test_an_act_team_is_not_the_affordable_care_act(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert "peersforprogress-aca-expansion" not in [r.snippet_id for r in answer.results]
    assert "assertive" in real_index.read(question).words


def test_the_lower_case_word_stays_a_word(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("what does the act say about peer specialists"))
    assert "act" in reading.words and "assertive" not in reading.words
