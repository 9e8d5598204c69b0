"""'X vs Y - who does what?' asks how the two differ (round 25).

"peer specialist vs case manager - who does what?" quoted where CPSs spend their time: the ask
after the dash named neither side, the sides before it were joined without their "vs", and no
comparison was read, so passages on what peer specialists do answered a question the sources
(which never compare peers with case managers) cannot. "who does what" is now a difference ask
whose sides the fragment before it names, as "what's the difference?" already was. Own
questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "question",
    [
        "peer specialist vs case manager - who does what?",
        "CPS vs recovery coach: who does what",
    ],
)
def test_who_does_what_compares_the_sides(real_index: SnippetIndex, question: str) -> None:
    reading = real_index.read(own(question))
    assert reading.sides is not None, question
    answer = real_index.search(question)
    assert not answer.answered, question
    assert answer.missing in {"a comparison of both", "how the two differ"}
