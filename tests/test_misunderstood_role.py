"""A role others get wrong is the sources' role ambiguity (round 25).

"why do peer roles get misunderstood on teams?" was declined: the sources say peer specialists
"experience role ambiguity" and that "a lack of clarity about the role may hinder widespread
adoption", and no synonym took staff's "misunderstood" there. Clients, families or the public
misunderstanding mental illness, or a finding misread, are guarded out. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

_ROLE_CLARITY = {"rogers2017-role-ambiguity", "lafrance2017-role-clarity"}


@pytest.mark.parametrize(
    "question",
    [
        "why do peer roles get misunderstood on teams?",
        "do clinicians misunderstand what peer specialists do",
        "is the peer role often misunderstood",
    ],
)
def test_a_misunderstood_role_is_role_ambiguity(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id in _ROLE_CLARITY, question


@pytest.mark.parametrize(
    "question",
    [
        "what do people misunderstand about mental illness",
        "do families misunderstand what recovery means",
        "which study findings get misunderstood most",
    ],
)
def test_others_misunderstanding_is_not_the_role(real_index: SnippetIndex, question: str) -> None:
    reading = real_index.read(own(question))
    terms = real_index.query_terms(reading.text)
    assert "ambigu" not in terms and "clariti" not in terms, question
