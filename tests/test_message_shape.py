"""How a Slack message is laid out: pictographs typed as punctuation and numbered lists.

Staff put an emoji where others type a dash ("writing our annual report 📝 how many states ..."),
and number the questions of one message ("1) what's a peer bridger 2) how many states ...").
An emoji was no break, so the talk before it joined the ask and sank every passage; a list's
item numbers joined the questions ("what is a peer bridger 2"). Questions of our own, several
phrasings per shape, each answered as its plain form is.

And what a study turned out to find, asked as "did it turn out that ..." or "for whom did they
turn out not to be useful", is a finding, not news after the sources were written (the
`current` frame's "did * turn out"), while what became of a plan still is.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from bot.question import _pieces
from tests.own_questions import assert_among_answers, own


@pytest.mark.parametrize(
    ("plain", "laid_out"),
    [
        pytest.param(
            "how many states certify peer specialists",
            "putting together our board deck 📊 how many states certify peer specialists?",
            id="emoji-between-errand-and-question",
        ),
        pytest.param(
            "what is a peer bridger",
            "new to the team 🙋🏽‍♀️ what is a peer bridger",
            id="emoji-with-skin-tone-and-joiner",
        ),
        pytest.param(
            "where do peer specialists work",
            "thanks all!! ✨ next one: where do peer specialists work",
            id="sparkles-after-thanks",
        ),
        pytest.param(
            "does medicaid pay for peer services",
            "couple things 1) where do peer specialists work "
            "2) does medicaid pay for peer services",
            id="numbers-with-a-bracket",
        ),
    ],
)
def test_a_laid_out_message_is_answered_as_its_plain_question(
    real_index: SnippetIndex, plain: str, laid_out: str
) -> None:
    plain_answer = real_index.search(plain)
    answer = real_index.search(own(laid_out))
    assert plain_answer.answered
    assert answer.answered, laid_out
    assert answer.results[0].snippet_id == plain_answer.results[0].snippet_id


def test_parenthesised_item_numbers_join_no_question(real_index: SnippetIndex) -> None:
    question = real_index.read(
        own("two for the group: (1) what is a peer bridger? (2) where do peer specialists work?")
    )
    assert question.ask in ("what is a peer bridger", "where do peer specialists work")


@pytest.mark.parametrize(
    ("message", "pieces"),
    [
        ("report 📝 how many", ["report", "how many"]),
        ("1) one thing 2) another", ["one thing", "another"]),
        ("(a) this (b) that", ["this", "that"]),
        # A number that is not a list's ("about 40 kids", "1:1") stays where it is.
        (
            "we serve 40 (about 40 kids) and 1:1 work",
            ["we serve 40", "about 40 kids", "and 1:1 work"],
        ),
    ],
)
def test_pictographs_break_and_list_numbers_are_dropped(message: str, pieces: list[str]) -> None:
    found, _ = _pieces(message)
    assert [piece.strip() for piece in found] == pieces


def test_each_numbered_item_is_a_question_of_its_own() -> None:
    _, units = _pieces("1) what is a peer bridger 2) how many states certify 3) who pays")
    assert units == [0, 1, 2]


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        pytest.param(
            "in the bipolar study, for whom did the peer workers turn out not to be useful?",
            "tse2019-medication-not-useful",
            id="turn-out-not-to-be",
        ),
        pytest.param(
            "did it turn out that peer workers helped clients with bipolar disorder?",
            "tse2019-bipolar-help",
            id="did-it-turn-out-that",
        ),
    ],
)
def test_what_a_study_turned_out_to_find_is_not_asked_as_news(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_among_answers(real_index, question, snippet_id)


def test_what_became_of_a_plan_is_still_live_information(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("so did the VA hiring plan turn out to be real in the end?"))
    assert not answer.answered
    assert answer.missing is not None and "current information" in answer.missing
