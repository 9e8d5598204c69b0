"""The core components of the peer role are its core competencies: no consensus (round 26).

"what are the core components of peer support" quoted that peer-delivered services are now "a
central component" of US mental health care. The sources' only word on the role's core
components is that studies find no consensus on them (LaFrance), as on its core competencies:
the concept's names now include "core components", so the reply says so, with that passage
related; asked whether there is agreement, it is the answer. Own questions, not in the eval
files.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import own

CORE_COMPONENTS = "lafrance2017-core-components"


def test_the_core_components_are_said_to_lack_consensus(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("so what are the core components of peer support?"))
    assert not answer.answered
    assert answer.missing is not None and "no consensus" in answer.missing
    assert CORE_COMPONENTS in [result.snippet_id for result in answer.related]


def test_whether_they_are_agreed_is_answered(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("is there agreement on the core components of the peer role"))
    assert answer.answered
    assert CORE_COMPONENTS in [result.snippet_id for result in answer.results]
