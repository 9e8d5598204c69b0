"""A year later than every source is said even when nothing came near (round 26).

"what did SAMHSA announce in 2022" was declined with "what was asked": no candidate came near
enough to be examined as unmet, and only that path said a year after the newest source. Now
such a decline says "anything as of 2022 (the newest source is from 2021)", with the passages
on the subject (SAMHSA's grants) as related. Own questions, not in the eval files.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import own


def test_a_later_year_is_said_with_the_subjects_passages(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("so what did SAMHSA announce in 2022?"))
    assert not answer.answered
    assert answer.missing == "anything as of 2022 (the newest source is from 2021)"
    assert [result.snippet_id for result in answer.related] == [
        "peersforprogress-samhsa-2-3-million"
    ]
