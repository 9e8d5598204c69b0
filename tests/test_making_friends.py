"""Helping clients make friends is the friendships CPSs reported developing (round 25).

"can peers help clients make friends" quoted the list of peer job titles (it names a "client
liaison"): "friends" and the activities passage's "developing friendships" have different stems.
Staff's "make friends" and "friends" now reach "friendships", except beside family, a peer's own
friendship with a client ("be friends with", "friend request") or dating. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    "question",
    ["can peers help clients make friends", "my client has no friends, can a peer help?"],
)
def test_making_friends_is_developing_friendships(real_index: SnippetIndex, question: str) -> None:
    assert_answered_first(real_index, question, "peersforprogress-activities")


@pytest.mark.parametrize(
    "question",
    ["is it ok to be friends with a client on facebook?", "should family and friends join in?"],
)
def test_a_peers_own_friends_or_family_are_not_it(real_index: SnippetIndex, question: str) -> None:
    terms = real_index.query_terms(real_index.read(own(question)).text)
    assert "friendship" not in terms, question
