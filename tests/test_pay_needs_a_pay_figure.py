"""What a worker is paid needs a pay figure; a grant's amount is no pay (round 27).

"how much are peer support group leaders paid", "what do peer support leaders earn" and "what's
the pay for peers" quoted SAMHSA's "2.3 million dollars in funding for consumer networks to
... offer training for peer support leaders": a money question needed any money amount. A pay
question (salary, wage, earn, "the pay", how much someone is paid or makes) is now its own
frame, `pay`, which only a pay figure (per hour, a salary of, paid $...) answers; the sources
give none. A grant, a price or a cost stays `money`. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.frames import type_pattern
from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "question",
    [
        "roughly how much do peer support group leaders get paid?",
        "what do peer support leaders typically earn",
        "so what's the pay for peers like",
        "how much do consumer networks pay their peers",
        "salary range for consumer network peer staff?",
    ],
)
def test_a_grant_amount_does_not_answer_pay(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert answer.frame == "pay"
    assert answer.missing == "pay or cost figures"


def test_a_grant_amount_still_answers_how_much_was_awarded(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("how much money did SAMHSA hand out to the consumer networks"))
    assert answer.answered, answer.missing
    assert answer.frame == "money"
    assert answer.results[0].snippet_id == "peersforprogress-samhsa-2-3-million"


def test_who_pays_for_peers_stays_funding(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("do private practices pay for peers out of pocket"))
    assert answer.frame != "pay"


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("Peer specialists earned $15.50 per hour on average.", True),
        ("The median salary was $38,000 a year.", True),
        ("wages range from 14 to 20 dollars an hour", True),
        ("they were paid $500 for the training", True),
        ("awarding 2.3 million dollars in funding for consumer networks", False),
        ("the program cost $2,000 per client", False),
    ],
)
def test_a_pay_figure_is_pay_and_a_grant_is_not(
    real_index: SnippetIndex, text: str, pay: bool
) -> None:
    kind = next(kind for kind in real_index.kb.lexicon.answer_types if kind.id == "pay")
    assert bool(type_pattern(kind).search(text)) is pay
