"""Talking to clients' doctors is the communication with providers CPSs reported (round 25).

"do peers talk to the doctors for clients" quoted the Hong Kong study's knowledge sharing on mood
changes and medications: nothing took "talk to the doctors" to the activities passage's
"communication with providers". Staff's ways of saying it now do. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first


@pytest.mark.parametrize(
    "question",
    [
        "do peers talk to the doctors for clients",
        "can a peer specialist speak with the doctor for a client",
    ],
)
def test_talking_to_doctors_is_communication_with_providers(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "peersforprogress-activities")
