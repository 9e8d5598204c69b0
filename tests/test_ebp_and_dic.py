"""Staff shorthand for an evidence-based practice and a drop-in center (round 25).

"is peer support an EBP" and "do peers work at a DIC" were declined as not found: neither
abbreviation is in a passage. They now spell out as staff mean them, capitals only.
Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("quick q: is peer support considered an EBP?", "barrenger2019-mixed-evidence"),
        ("can a CPS work at a DIC?", "peersforprogress-program-types"),
    ],
)
def test_the_shorthand_is_answered(real_index: SnippetIndex, question: str, expected: str) -> None:
    assert_answered_first(real_index, question, expected)
