"""A count or share asked of a peer role comes from a passage on peers (round 26).

"what percent of CPS work is one-on-one" was answered "one in four people is affected by any
kind of mental disorder": a share, and "one", with no peer in it. A count or share question
naming a peer role is not answered by a passage tagged with no role and naming no peer; the
time CPSs give individuals against groups is related. Own questions, not in the eval files.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, assert_partial, own


def test_a_share_of_a_roles_work_is_not_a_share_of_people_in_general(
    real_index: SnippetIndex,
) -> None:
    question = "roughly what percent of a CPS's work is one-on-one?"
    assert_partial(real_index, question, "percentage", "that percentage or share")
    related = [result.snippet_id for result in real_index.search(own(question)).related]
    assert related[0] == "peersforprogress-individual-vs-group", related


def test_a_count_of_a_role_from_a_passage_on_it_still_answers(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index,
        "so how many CPSs completed that survey?",
        "peersforprogress-salzer-survey",
    )
