"""What a work named by its author concluded (round 23).

"What did Rogers conclude?" has nothing to rank by but the author's name and "conclude": the
rare word "conclude" weighed most, the candidates were the passages whose asks say "conclude"
(Salzer's survey), the of-work rule turned them all away, and the reply said the sources lack
findings, with another work's passage as related. "Conclude" now weighs as "find" does (an
everyday word, capped), the named work's passages are candidates for such a question, and a
findings question orders the work's passages on evidence and outcomes first (the frame's
topic), so "what did Tse conclude" starts with what the study found, not with its peer
researchers verifying the findings. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("question", "source_id"),
    [
        ("what did rogers conclude?", "rogers2017"),
        ("ok what did tse conclude", "tse2019"),
        ("so what did bellamy conclude?", "bellamy2017"),
        ("what did barrenger conclude", "barrenger2019"),
        ("what did milani conclude", "milani2020"),
    ],
)
def test_a_works_conclusions_come_from_that_work(
    real_index: SnippetIndex, question: str, source_id: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.frame == "findings"
    assert all(result.source_id == source_id for result in answer.results)
    first = real_index.kb.snippets[real_index._doc_ids[answer.results[0].snippet_id]]
    assert "evidence-outcomes" in first.topics


def test_a_protocol_has_no_conclusions_to_give(real_index: SnippetIndex) -> None:
    """The Halsall paper describes an evaluation's design: its conclusions are not in the
    sources, and the reply says so with that paper's passages as related."""
    answer = real_index.search(own("what did halsall conclude?"))
    assert not answer.answered
    assert answer.missing is not None and answer.missing.startswith("findings")
    assert answer.related and all(r.source_id == "halsall2021" for r in answer.related)
