"""Context an ask points back at helps a passage answer, but does not weigh like the ask's words.

"thinking about a career change into peer work. is it a growing field?": the ask ("is it a
growing field") has a topic of its own and points back at what the message said, so the words
before it come along. Most of them are talk ("career change", "my mom is starting ... next
month"), known somewhere in the passages and weighed as if asked, so no passage covered enough of
the message and a question answered bare was declined. Context the message names with the
lexicon (a role, "peer work") marks what the ask points at; the rest counts where a passage holds
it and is passed over where it does not (`Question.context_positions`, `_Concept.context`).

What stays asked: the context of an ask with no topic of its own ("is that true?", a claim "has
research seen that?"), a word no passage knows, and context naming nothing the lexicon knows
("my cousin is a case manager. is that a peer role?": "that" may be any of its words).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

_GROWTH = {
    "rogers2017-grown-exponentially",
    "rogers2017-mechanisms-workforce",
    "rogers2017-burgeoned-uneven",
    "lafrance2017-fast-growing",
}


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        pytest.param(
            "thinking of a career move into peer support once I finish school. is it a growing "
            "field?",
            _GROWTH,
            id="career-move-growing-field",
        ),
        pytest.param(
            "considering a career change to peer work after my own recovery. is it a growing "
            "field?",
            _GROWTH,
            id="career-change-growing-field",
        ),
        pytest.param(
            "my brother starts as a family support navigator on monday - is that considered a "
            "peer role?",
            {"lafrance2017-job-titles"},
            id="brother-navigator-peer-role",
        ),
        pytest.param(
            "new job next week as a peer recovery coach!! is that considered a peer specialist "
            "role?",
            {"lafrance2017-job-titles"},
            id="new-job-coach-peer-role",
        ),
    ],
)
def test_talk_around_an_ask_with_a_topic_does_not_sink_it(
    real_index: SnippetIndex, question: str, answers: set[str]
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id in answers, question


@pytest.mark.parametrize(
    "question",
    [
        # The context names nothing the lexicon knows: what "that" is may be any of its words.
        pytest.param(
            "my cousin is a case manager. is that considered a peer role?", id="case-manager"
        ),
        pytest.param(
            "my daughter is looking into equine therapy programs. is it a growing field?",
            id="equine-therapy",
        ),
        # A claim the sources never mention, asked about by an ask with no topic of its own.
        pytest.param(
            "my sponsor says his peer mentor got him to quit vaping. has research seen that?",
            id="claim-vaping",
        ),
        pytest.param(
            "our peers started a knitting circle. is that evidence based?", id="knitting-circle"
        ),
    ],
)
def test_context_that_is_the_subject_still_declines(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question


def test_only_the_talk_is_marked_as_context(real_index: SnippetIndex) -> None:
    """The role the ask points at stays asked; the talk around it is context; an ask about its
    context marks none."""
    question = real_index.read(
        own("my mom is starting as a family support navigator - is that a peer role?")
    )
    context = {question.words[p] for p in question.context_positions}
    assert {"mom", "starting", "family", "support", "navigator"} <= context
    assert not context & {"peer", "role"}
    reading = real_index._analyse(question)
    soft = {concept.term for concept in reading.concepts if concept.context}
    assert "start" in soft
    assert not soft & {"famili", "navig"}, soft
    weak = real_index.read(own("my brother got hired as a peer navigator. is that true?"))
    assert not weak.context_positions
