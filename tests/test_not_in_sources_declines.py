"""A question no passage can answer says so even when nothing related is near (round 18).

A frame with `needs: not_in_sources` (advice on one situation, practice rules, staff policy, a
directory) is at best a partial answer. It said what the sources lack only when some passage on
the subject was near enough to show as related; otherwise the reply was a bare "not found" with
topic suggestions, which helps less than "the sources do not give advice on a particular
situation (ask your supervisor or clinical lead)". Own questions, not in the evaluation files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("question", "frame", "missing"),
    [
        (
            "is it ok if i lend a client twenty bucks for the bus?",
            "advice",
            "advice on a particular situation",
        ),
        (
            "should I tell my supervisor my client is drinking again?",
            "advice",
            "advice on a particular situation",
        ),
        (
            "how do I write up a peer session note so it passes audit?",
            "staff-policy",
            "personnel or HR policy",
        ),
    ],
)
def test_a_frame_no_passage_answers_says_what_is_missing_without_related(
    real_index: SnippetIndex, question: str, frame: str, missing: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered and answer.results == ()
    assert answer.frame == frame
    assert answer.related == ()
    assert answer.missing is not None and answer.missing.startswith(missing)
    assert answer.partial and not answer.vague
