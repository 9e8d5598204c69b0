"""Two things compared, put before a colon or a dash, are what the ask is about (round 21, own
questions).

"peer vs non-peer staff - is there a difference in clinical outcomes?": the dash splits one
question into its parts, and the ask after it ("is there a difference in clinical outcomes")
names neither side. Only a fragment pointed at by "they" or "it", or naming a work, was joined
to the ask, so the sides were dropped and a passage on outcomes in general was quoted. A
fragment naming two sides ("X vs Y", "X compared with Y") is now read with the ask, as if typed
without the break, so the comparison frame checks that a passage compares both. A lead-in
before a colon ("budget season: who pays ...") names no two sides and stays out.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "message",
    [
        "peer staff vs non-peer staff - do clinical outcomes differ?",
        "peers compared with regular staff: any difference in results?",
        "peer providers versus non-peer providers: is one more effective?",
        "peer vs non peer case managers - any outcome differences?",
    ],
)
def test_the_sides_before_the_break_are_asked_about(real_index: SnippetIndex, message: str) -> None:
    question = real_index.read(own(message))
    assert question.frame is not None and question.frame.id == "comparison"
    assert question.sides is not None
    answer = real_index.search(message)
    # Either the passage comparing peer with non-peer staff, or a decline: never a passage on
    # outcomes that compares nothing.
    assert [r.snippet_id for r in answer.results][:1] in (["bellamy2017-equally-effective"], [])


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        ("budget season: who pays for peer support?", "who pays for peer support"),
        ("board prep - how many states certify peers?", "how many states certify peers"),
    ],
)
def test_a_lead_in_before_the_break_is_no_side(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    assert real_index.read(own(message)).ask == ask


@pytest.mark.parametrize(
    "message",
    [
        "peer specialist vs community health worker - same thing?",
        "CPS vs CHW... different jobs?",
        "recovery coach vs peer specialist, same role?",
    ],
)
def test_same_thing_without_a_verb_asks_for_the_comparison(
    real_index: SnippetIndex, message: str
) -> None:
    """ "X vs Y - same thing?" asks how the two compare (round 23): the verbless "same thing?"
    was not read as a difference question, the sides were read as plain topics, and the passage
    on community health workers' licensing was quoted as the answer."""
    answer = real_index.search(own(message))
    assert answer.frame == "comparison"
    assert not answer.answered
    assert answer.missing == "a comparison of both"
