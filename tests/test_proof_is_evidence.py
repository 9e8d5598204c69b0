"""Proof that it works is evidence that it works (round 25).

"is there any proof peers help w/ substance use recovery" was read with no frame, "proof" a word
of its own that no passage has, and quoted a Hong Kong passage on role models facilitating
recovery. "proof" now reads as the effectiveness frame ("any proof", "proof that", "is there
proof") and as the synonyms' effectiveness, like "proven": the DDA findings on dual diagnosis
answer first. Own questions, not in the eval files.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

DDA_FINDINGS = {"milani2020-both-at-once", "milani2020-five-areas", "milani2020-dual-strength"}


def test_proof_reads_as_the_effectiveness_frame(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("got any proof that peer support helps people in recovery?"))
    assert reading.frame is not None and reading.frame.id == "effectiveness"


def test_proof_on_substance_use_is_answered_by_findings_on_it(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("is there any proof peers help with substance use recovery?"))
    assert answer.answered
    assert answer.results[0].snippet_id in DDA_FINDINGS


def test_proof_on_hospitalization_is_the_mixed_evidence(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index,
        "is there hard proof that peers keep people out of hospital",
        "bellamy2017-hospitalization-mixed",
    )
