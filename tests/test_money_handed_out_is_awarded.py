"""Money handed out is awarded, in the sources' words (round 27).

"how much did samhsa hand out" quoted Bellamy's "On the other hand, the evidence is stronger
...": "hand" was the question's rarest word, and the passage held it. Money handed, given or
doled out is now read as awarded, as the sources put SAMHSA's 2.3 million dollars (a synonym
guarded against handing out meds, naloxone or flyers, a peer's task). Own questions, not in
the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    "question",
    [
        "how much cash did samhsa hand out?",
        "what did SAMHSA dole out money for",
        "did the feds give out grants to consumer networks",
    ],
)
def test_money_handed_out_is_the_award(real_index: SnippetIndex, question: str) -> None:
    assert_answered_first(real_index, question, "peersforprogress-samhsa-2-3-million")


def test_handing_out_meds_is_no_award(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("are peer workers allowed to hand out meds"))
    assert not answer.answered
    assert answer.frame == "scope-of-practice"
