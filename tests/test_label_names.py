"""A name in a topic's label is not a passage naming it (round 18, own questions).

The policy topic's label lists what the topic is about ("Policy and announcements (VA, SAMHSA,
Affordable Care Act, national policy)"). BM25 indexes labels with each passage, and coverage read
them too, so every passage filed under the topic "covered" the VA: "what outcomes have veterans
had from VA peer counselors?" was answered with Hong Kong's services since 2015. A concept's
one-word name (VA, SAMHSA, DDA, Medicaid) now covers only a passage, ask or work that names it.
"""

from __future__ import annotations

import numpy as np
import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


def _doc(index: SnippetIndex, snippet_id: str) -> int:
    return index._doc_ids[snippet_id]


def test_a_label_naming_the_va_does_not_name_it_for_each_passage(
    real_index: SnippetIndex,
) -> None:
    only = real_index._label_only("va")
    assert only >> _doc(real_index, "tse2019-hong-kong-since-2015") & 1
    assert not only >> _doc(real_index, "peersforprogress-va-800") & 1
    # The field's own words and role titles stay label words that cover.
    assert real_index._label_only("peer") == 0
    assert real_index._label_only("specialist") == 0


def test_both_coverage_paths_leave_the_label_name_out(real_index: SnippetIndex) -> None:
    question = own("have vets done better since the VA brought on peer counselors?")
    reading = real_index._analyse(real_index.read(question))
    va = [c for c in reading.concepts if c.term == "va"]
    assert va
    doc_ids = [_doc(real_index, "tse2019-hong-kong-since-2015")]
    places = (frozenset[str](), frozenset[str]())
    by_bits = real_index._coverage_bits(va, doc_ids, places)
    by_arrays = real_index._coverage(va, np.asarray(doc_ids, dtype=np.int32), places).tolist()
    assert by_bits == by_arrays == [0.0]


@pytest.mark.parametrize(
    "question",
    [
        "have vets done better since the VA brought on peer counselors?",
        "does the VA run peer support in Hong Kong?",
    ],
)
def test_a_question_naming_the_va_is_not_answered_by_a_passage_filed_beside_it(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert "tse2019-hong-kong-since-2015" not in [r.snippet_id for r in answer.results]


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("how many peer counselors will the VA hire?", "peersforprogress-va-800"),
        ("is the VA hiring peers?", "peersforprogress-va-800"),
        ("does Medicaid pay for peer services?", "lafrance2017-medicaid-funding"),
    ],
)
def test_a_passage_naming_it_still_answers(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_among_answers(real_index, question, snippet_id)


def test_with_the_label_left_out_what_came_of_the_aca_is_not_answered(
    real_index: SnippetIndex,
) -> None:
    """The passage that the federal agency endorsed peer services as eligible for payment is
    filed under the policy topic, whose label names the Affordable Care Act: it answered what the
    ACA's expansion did to peer jobs, though it names neither the ACA nor any result."""
    answer = real_index.search(own("what effect did the ACA Medicaid expansion have on peer jobs?"))
    assert not answer.answered
    assert answer.frame == "findings"
