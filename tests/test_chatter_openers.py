"""Talk about the message itself, around the question: not part of what is asked.

Staff open a long message by apologising for it ("sorry long msg", "apologies for the long post"),
say how the question came about ("the question that came up yesterday was whether ..."), ask for
a thing to make of the answer ("my director wants a slide on ...") and sign off in shorthand
("thx in advance", "ty in advance"). None of it names anything the sources could answer; kept in
the ask, its words ("came", "advance", "long", "slide") sank every passage's coverage. Questions
of our own, several phrasings per pattern, each answered as its plain form is.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("plain", "chatty", "dropped"),
    [
        pytest.param(
            "does peer support reduce hospitalization",
            "the question that came up in supervision yesterday was whether peers reduce "
            "hospitalization. thx in advance!",
            ("came", "advance"),
            id="question-came-up-and-thx-in-advance",
        ),
        pytest.param(
            "do peer specialists work in jails",
            "apologies for the long post - my question is whether peer specialists work in jails",
            ("long", "post"),
            id="apology-for-length-and-my-question-is",
        ),
        pytest.param(
            "how does medicaid pay for peer services",
            "sorry long msg. our new director wants a one pager on how medicaid pays for peer "
            "services, bc the budget is due friday. ty in advance",
            ("long", "pager", "advance"),
            id="sorry-long-msg-and-a-one-pager-on",
        ),
        pytest.param(
            "what do peer specialists spend their time doing",
            "sorry for the long message. my director wants a slide on what peer specialists "
            "spend their time doing",
            ("long", "slide"),
            id="a-slide-on",
        ),
        # Asking to be reminded: about the asker's memory, not a topic (round 23).
        pytest.param(
            "how many states certify peer specialists",
            "can someone remind me how many states certify peer specialists?",
            ("remind",),
            id="can-someone-remind-me",
        ),
        pytest.param(
            "where do peer specialists work",
            "i forget, where do peer specialists work again?",
            ("forget",),
            id="i-forget",
        ),
        pytest.param(
            "what is a peer bridger",
            "refresh my memory - what's a peer bridger",
            ("refresh", "memory"),
            id="refresh-my-memory",
        ),
        pytest.param(
            "where do peer specialists work",
            "can you remind me where peer specialists work",
            ("remind",),
            id="can-you-remind-me",
        ),
    ],
)
def test_talk_about_the_message_is_not_asked(
    real_index: SnippetIndex, plain: str, chatty: str, dropped: tuple[str, ...]
) -> None:
    plain_answer = real_index.search(plain)
    chatty_answer = real_index.search(own(chatty))
    assert plain_answer.answered
    assert chatty_answer.answered, chatty
    assert chatty_answer.results[0].snippet_id == plain_answer.results[0].snippet_id
    ask = real_index.read(chatty).words
    assert not set(dropped) & set(ask), ask
