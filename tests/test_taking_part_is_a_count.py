""" "How many took part" is a count of who was in it (round 26).

"how many CPSs took part in the Salzer survey?" was declined: the frame's cue was "how many",
and "took" and "part" were weighed as words a passage must hold, which the survey passage ("a
survey completed by 291 CPSs across 28 states") does not. "how many <who> took part" is now the
cue. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("how many CPSs took part in the Salzer survey?", "peersforprogress-salzer-survey"),
        (
            "how many certified peer specialists took part in that survey",
            "peersforprogress-salzer-survey",
        ),
        ("how many bipolar clients took part in the hong kong study?", "tse2019-32-clients"),
    ],
)
def test_how_many_took_part_is_the_sample(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)
