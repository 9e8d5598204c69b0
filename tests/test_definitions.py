"""bot.definitions: which questions ask only what a term is, and which passages define it."""

from __future__ import annotations

import pytest

from bot.definitions import asked_term, defines
from bot.tokenize import words


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is social isolation", ("social", "isolation")),
        ("what's a drop in center", ("drop", "in", "center")),
        ("what is Peers for Progress", ("peers", "for", "progress")),
        ("what does psychoeducation mean", ("psychoeducation",)),
        ("what does VA stand for", ("va",)),
        ("define stigma", ("stigma",)),
        # Not a term: a particular thing, a value, an implication, more than one question.
        ("what is the treatment gap in India", None),
        ("what does the ACA mean for peer workers", None),
        ("what is DDA and how does it work", None),
        ("what is it", None),
        # What the term is in a context: a passage on it there answers.
        ("what is role ambiguity for peer workers", None),
        ("what is hope in peer support work", None),
        ("who is considered a peer", None),
        ("what's actually behind peer support working", None),
    ],
)
def test_the_term_of_a_bare_definition_question(
    question: str, term: tuple[str, ...] | None
) -> None:
    asked = asked_term(words(question))
    assert (asked.words if asked else None) == term


@pytest.mark.parametrize(
    ("text", "term", "defined"),
    [
        ("Group coaching is a way of helping several people at once.", ("group", "coaching"), True),
        ("the Wellbeing Trust (WBT) funds pilots.", ("wbt",), True),
        ("It was run by a navigator, a staff member who guides clients.", ("navigator",), True),
        ("Peers help with group coaching and other tasks.", ("group", "coaching"), False),
        ("People with panic disorder (PD) took part.", ("disorder",), False),
        ("Working through peers is one of the best ways to cope.", ("peers",), False),
    ],
)
def test_a_definition_is_a_construction_not_a_mention(
    text: str, term: tuple[str, ...], defined: bool
) -> None:
    assert defines(text, term) is defined
