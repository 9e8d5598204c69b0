"""What stands in the way of peer roles, in staff words, is what "may hinder" them (round 25).

"what's the biggest barrier to hiring peers" was declined with nothing beside it: "barrier" is
in no passage, and the one that answers says "a lack of clarity about the role may hinder
widespread adoption". Barriers, obstacles, hurdles and roadblocks are now that passage's
"hinder" (knowledge/synonyms.yaml), except where they keep clients from care, treatment or
services, which no passage discusses. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

IN_THE_WAY_OF_PEER_ROLES = [
    "what's the biggest obstacle to hiring peer staff?",
    "any hurdles to peer support adoption",
    "barriers to hiring peer specialists",
]


@pytest.mark.parametrize("question", IN_THE_WAY_OF_PEER_ROLES)
def test_a_barrier_to_peer_roles_is_what_may_hinder_them(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "lafrance2017-role-clarity")


def test_a_clients_barrier_to_care_is_not_that(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what barriers keep our clients from accessing treatment?"))
    shown = [result.snippet_id for result in (*answer.results, *answer.related)]
    assert "lafrance2017-role-clarity" not in shown
