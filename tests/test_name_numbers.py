"""A role's or concept's name is read in either number (round 23).

Names match word for word, and the plural of a singular name was added, but not the singular of
a plural alias: "what's a peer-run program" missed the alias "peer-run programs" and was a
partial answer ("they name it but do not define it") though the concept has a card. Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex, _singular
from tests.own_questions import own


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("programs", "program"),
        ("agencies", "agency"),
        ("coaches", "coach"),
        ("networks", "network"),
        ("services", "service"),
        ("wellness", "wellness"),  # not a plural
        ("status", "status"),
        ("analysis", "analysis"),
    ],
)
def test_singular_of_a_regular_plural(plural: str, singular: str) -> None:
    assert _singular(plural) == singular


@pytest.mark.parametrize(
    "question",
    [
        "what's a peer-run program",
        "what is a consumer-run program?",
        "whats a peer-run organization, exactly",
    ],
)
def test_a_plural_alias_names_the_concept_in_the_singular(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.frame == "definition"
    assert "consumer-provided-services" in answer.concepts
    card = real_index.kb.concepts["consumer-provided-services"].about
    assert answer.results[0].snippet_id in card
