"""A topic label spelling out a law's name does not make its passages name the law (round 25).

"how did the ACA affect peer support" showed, beside the blog's passage on the Affordable Care
Act, India's "Mental Health Care Act" and a passage on a pressing need for interventions: every
passage filed under the topic "Policy and announcements (VA, SAMHSA, Affordable Care Act,
national policy)" held "affordable", "care" and "act" through the label. `_label_only` kept
one-word names (VA, SAMHSA) from being covered by a label alone; the words of a title-cased
name of several words (Affordable Care Act, Dual Diagnosis Anonymous) that the passages say only
inside that name ("affordable", not "care") are now kept out too. A common noun phrase
("Medicaid reimbursement") is not a proper name: its words in a label still cover. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex, _is_title_cased
from tests.own_questions import own


@pytest.mark.parametrize(
    "question",
    ["how did the ACA affect peer support", "what did obamacare change for peer specialists"],
)
def test_a_law_named_only_by_a_label_is_not_named(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    shown = [r.snippet_id for r in answer.results]
    assert shown[0] == "peersforprogress-aca-expansion", question
    assert "goutam2020-india-policy" not in shown, question
    assert "tse2019-hong-kong-since-2015" not in shown, question


@pytest.mark.parametrize(
    ("name", "proper"),
    [
        ("Affordable Care Act", True),
        ("Substance Abuse and Mental Health Services Administration", True),
        ("Medicaid reimbursement", False),
        ("Knowledge construction", False),
        ("SAMHSA", False),
    ],
)
def test_a_proper_name_is_told_by_its_spelling(name: str, proper: bool) -> None:
    assert _is_title_cased(name) is proper


def test_only_the_words_said_in_the_name_alone_are_kept_from_labels(
    real_index: SnippetIndex,
) -> None:
    # "affordable" is said only in the Act's name; "care" is also care ("better care for
    # veterans", India's Mental Health Care Act), which a label may still cover.
    assert real_index._is_proper_name("afford")
    assert not real_index._is_proper_name("care")
    assert not real_index._is_proper_name("act")
