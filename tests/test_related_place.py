"""A decline's related passages are not about a place across the US border from the one asked.

"When did California pass its peer certification law?" is declined (the sources give no date),
and showed India's Mental Health Care Act of 2017 as related: it holds the year the frame wants,
but is about another country. A passage about a place abroad is not related to a question on a
US state, nor a passage about a US state to one on a country abroad; a passage on the US as a
whole (41 states and DC certify) stays related to a question on one state. Own questions.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import own


def _related(index: SnippetIndex, question: str) -> list[str]:
    answer = index.search(own(question))
    assert not answer.answered, question
    return [result.snippet_id for result in answer.related]


def test_a_us_state_is_not_related_to_a_place_abroad(real_index: SnippetIndex) -> None:
    related = _related(real_index, "when did california pass its peer cert law")
    assert "lafrance2017-california" in related
    assert "goutam2020-india-policy" not in related


def test_a_country_abroad_is_not_related_to_a_us_state(real_index: SnippetIndex) -> None:
    related = _related(real_index, "what organization certifies peer specialists in India")
    assert "lafrance2017-states-certify" not in related


def test_the_whole_us_stays_related_to_one_state(real_index: SnippetIndex) -> None:
    related = _related(real_index, "how many certified peer specialists does ohio have")
    assert not any(snippet_id.startswith(("goutam2020", "tse2019")) for snippet_id in related)
