"""A typed question naming nothing but the field keeps its frame's topic related (round 27).

"do peers need to be certified" was declined with nothing beside the reply: the question names
only "peers", so no passage came near, though the sources do say that 41 states and DC train
and certify peer specialists. The frame's own topic cards (training and certification) are now
related, those nearest the question's words first. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own, topics_of


@pytest.mark.parametrize(
    "question",
    ["do peers have to be licensed?", "is a license needed to work as a peer"],
)
def test_the_training_and_certification_passages_are_related(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert answer.frame == "requirements"
    related = [result.snippet_id for result in answer.related]
    assert related and all("training-certification" in topics_of(real_index, s) for s in related), (
        related
    )
