"""Studies that disagree are mixed evidence, not a consensus on the role.

"Why do the studies on peer support disagree so much?" read "disagree" through the consensus
synonym and quoted "an emerging consensus on the value of training": a confident answer to a
question about the evidence, from a passage about training. The consensus synonym is now off
beside study words; disagreement among studies, in more staff wordings, is the sources' "mixed"
evidence. Disagreement about the role keeps the consensus reading. Own questions.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


def test_studies_disagreeing_are_not_a_consensus_on_training(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("why do the studies on peer support disagree so much?"))
    assert "lafrance2017-value-of-training" not in [r.snippet_id for r in answer.results]


def test_studies_contradicting_each_other_are_mixed_evidence(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "do the studies contradict each other on hospitalization?",
        "bellamy2017-hospitalization-mixed",
    )


def test_disagreement_about_the_role_is_a_lack_of_consensus(real_index: SnippetIndex) -> None:
    question = "is there disagreement about what peer specialists should do"
    answer = real_index.search(own(question))
    assert answer.answered
    shown = [r.snippet_id for r in answer.results]
    assert {"lafrance2017-core-components", "lafrance2017-tasks-settings-models"} & set(shown)
