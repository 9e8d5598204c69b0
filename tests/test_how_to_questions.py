"""How-to questions: what staff must do themselves is answered only by a passage that says how.

A passage on Medicaid reimbursement shares every word with "how do we bill Medicaid for peer
services" and gives no procedure; shown as an answer it reads as if it were one. Questions here
are our own (checked not to be evaluation questions).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_partial, own


@pytest.mark.parametrize(
    "question",
    [
        "how do we bill medicaid for peer services? like whats the actual process, new program",
        "how do I write a job description for a peer support worker?",
        "what's the process for billing peer support to medicaid in our state",
        "how do we draft a policy for peer staff self-disclosure?",
    ],
)
def test_an_office_procedure_needs_steps(real_index: SnippetIndex, question: str) -> None:
    assert_partial(real_index, question, "procedure", "steps for doing that")


@pytest.mark.parametrize(
    "question",
    [
        # What research suggests a program do is answered, not read as a procedure.
        "how should our peer program decide which outcomes to track?",
        # How peers help is what they do, not a procedure of the asker's.
        "how do peers help people with bipolar?",
    ],
)
def test_how_questions_about_research_stay_answered(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame != "procedure"
    assert answer.answered
