"""A declined question is shown passages on its subject, or none: never ones sharing a stray word.

When no passage answers, the reply says what the sources lack and may show up to two passages,
labelled as related, not an answer. Those were the passages strong on the question without its
place or subject: "is DDA available in Canada" without Canada was strong on "available" (41
states certify), "is peer support covered by Medicare" without Medicare on "peer support
covered" (a paper's scope). Now a related passage names the roles and concepts the question names;
a payer no source names is declined with the passages on funding (`Place.related`); a concept's
card stands in when nothing else is on the subject; and a diagnosis no source names is declined
saying so, with no passage beside it. Questions of our own.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("question", "payer"),
    [
        pytest.param("does medicare pay for peer support services?", "Medicare", id="medicare"),
        pytest.param(
            "will private insurers reimburse a peer recovery coach?",
            "private insurance",
            id="private-insurers",
        ),
        pytest.param("can CPSs bill TRICARE for their sessions?", "TRICARE", id="tricare"),
    ],
)
def test_a_payer_no_source_names_is_declined_beside_the_funding_passages(
    real_index: SnippetIndex, question: str, payer: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and payer in answer.missing
    funding = set(real_index.kb.topics["funding"].about)
    related = {result.snippet_id for result in answer.related}
    assert related and related <= funding, related


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("are there DDA meetings in Australia?", id="dda-australia"),
        pytest.param("does Japan have Dual Diagnosis Anonymous groups?", id="dda-japan"),
        pytest.param("is DDA offered anywhere in new zealand?", id="dda-new-zealand"),
    ],
)
def test_a_named_programme_elsewhere_is_declined_beside_its_own_passages(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.related, question
    assert all(result.source_id == "milani2020" for result in answer.related), answer.related


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        pytest.param("does peer support help with anorexia?", "eating disorders", id="anorexia"),
        pytest.param(
            "can peer mentors help clients with postpartum depression?",
            "depression",
            id="postpartum",
        ),
        pytest.param("should our peer staff carry narcan?", "opioids", id="narcan"),
    ],
)
def test_a_subject_no_source_names_is_declined_with_nothing_beside_it(
    real_index: SnippetIndex, question: str, subject: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and subject in answer.missing
    assert not answer.related, answer.related
