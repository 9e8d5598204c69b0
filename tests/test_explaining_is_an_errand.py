"""What someone has to explain to another is the question (round 27).

"trying to explain to a new hire what a peer bridger is, any one-liner?" was declined: the
errand's words ("explain", "new", "hire") stayed in the ask and sank every passage; "i have to
describe to the board how peers are funded" quoted a passage where authors "describe the
procedures" of their study. Explaining or describing something to someone is now an errand
around the question explained, as a wish to know is; what something "might explain" is not.
A piece of writing to put together "on what/how ..." (a slide, a memo, "something on what the
research says") is asked the same way. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own, topics_of


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        (
            "trying to explain to a new volunteer what a family support navigator is, tips?",
            "what a family support navigator is",
        ),
        ("explaining to my grandma what a peer bridger is lol", "what a peer bridger is"),
        (
            "gotta describe to the county how peer services are funded",
            "how peer services are funded",
        ),
    ],
)
def test_what_is_explained_is_the_ask(real_index: SnippetIndex, question: str, ask: str) -> None:
    assert real_index.read(own(question)).ask.startswith(ask)


def test_explaining_to_the_board_how_peers_are_funded_is_a_funding_question(
    real_index: SnippetIndex,
) -> None:
    answer = real_index.search(own("i need to describe to our board how peer services get funded"))
    assert answer.answered and answer.frame == "funding"
    assert "funding" in topics_of(real_index, answer.results[0].snippet_id)


def test_what_a_thing_might_explain_is_no_errand(real_index: SnippetIndex) -> None:
    ask = real_index.read(own("could self-disclosure research explain why peer support helps?")).ask
    assert "self" in ask and "disclosure" in ask, ask


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        (
            "my boss asked me to put together a slide on what the research says about peer "
            "mentors. where do I start?",
            "what the research says about peer mentors",
        ),
        ("drafting a memo on how peer support is paid for, pointers?", "how peer support is paid"),
    ],
)
def test_what_a_piece_of_writing_is_to_say_is_the_ask(
    real_index: SnippetIndex, question: str, ask: str
) -> None:
    assert real_index.read(own(question)).ask.startswith(ask)
