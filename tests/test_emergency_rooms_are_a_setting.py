"""An emergency room, said as staff say it, is the emergency-department setting (round 27).

"do peers work in ERs" was declined bare (no "missing", nothing related): only "emergency
department" and "ED-based" named the subject, since "emergency room visits" is an outcome. Now
"emergency room(s)", "ERs" and "EDs" name the setting too, unless an outcome word follows
("ER visits", "emergency room use"), and the passages on where peers work are related. Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own, topics_of


@pytest.mark.parametrize(
    "question",
    [
        "hey do peers ever work in ERs?",
        "can our peer specialist be placed in the emergency room",
        "are there CPSs working in EDs anywhere",
    ],
)
def test_an_emergency_room_setting_is_said_with_the_settings_related(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert answer.missing == "anything specific to emergency departments"
    related = [result.snippet_id for result in answer.related]
    assert related and all(
        "settings" in topics_of(real_index, snippet_id) for snippet_id in related
    ), related


def test_emergency_room_visits_stay_an_outcome(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("do peer programs cut emergency room visits at all"))
    assert not answer.answered
    assert answer.missing is not None and "emergency room visits" in answer.missing
