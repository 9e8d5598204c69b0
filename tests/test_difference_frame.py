"""How two roles differ is not who gets better results.

"How is a peer provider different from a clinician?" was answered with the finding that peer
services are "generally equally effective" to non-peer paraprofessionals' on clinical outcomes,
and "how is a CPS different from a case manager?" with how CPSs' time splits between site and
community: neither says how the roles differ. The `difference` frame reads "how is X
different from Y" without an outcome word; a passage reporting an effect or a time split does
not answer it, and the clinicians-as-non-peer-staff synonym stays off. With an outcome word it
is still the comparison the findings answer. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

ROLE_DIFFERENCES = [
    ("How is a peer provider different from a clinician?", "bellamy2017-equally-effective"),
    (
        "how are peer specialists different from clinicians, in plain words",
        "bellamy2017-equally-effective",
    ),
    (
        "how is a CPS different from a case manager? asking for onboarding",
        "peersforprogress-site-vs-community",
    ),
]


@pytest.mark.parametrize(("question", "not_an_answer"), ROLE_DIFFERENCES)
def test_a_role_difference_is_not_answered_by_results(
    real_index: SnippetIndex, question: str, not_an_answer: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "difference", question
    assert not_an_answer not in [result.snippet_id for result in answer.results]


def test_a_difference_in_outcomes_is_still_the_comparison(real_index: SnippetIndex) -> None:
    question = "how are peer workers different from clinicians on outcomes?"
    assert real_index.search(own(question)).frame == "comparison"
    assert_among_answers(real_index, question, "bellamy2017-equally-effective")
