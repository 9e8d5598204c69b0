"""A frame's cues read past the past tense and filler adverbs (bot.cue_views, round 17).

Cues are written in the present tense and without hedges; "who *actually* wrote it" and "how
*did* X differ from Y" ask the same as the cue's wording, and were read as no frame at all (the
byline question then got the passage sharing most words, the comparison a passage naming one
side). All questions here are our own, in no evaluation file.
"""

from __future__ import annotations

import pytest

from bot.cue_views import ask_span, readings
from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, assert_partial, own


def test_an_ask_with_neither_has_no_other_reading() -> None:
    assert readings(("who", "wrote", "the", "review")) == []


def test_a_filler_is_left_out_and_positions_kept() -> None:
    [(reading, positions)] = readings(("who", "actually", "wrote", "it"))
    assert reading == ("who", "wrote", "it")
    assert positions == (0, 2, 3)
    # "who wrote" (words 0-1 of the reading) is words 0-2 of the ask.
    assert ask_span(positions, 0, 2) == (0, 3)


def test_did_reads_as_does_and_as_do() -> None:
    found = [reading for reading, _ in readings(("how", "did", "they", "differ"))]
    assert found == [("how", "does", "they", "differ"), ("how", "do", "they", "differ")]


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("who actually wrote the Bellamy review?", "bellamy2017-byline"),
        ("honestly who really wrote the 2017 LaFrance report?", "lafrance2017-authors"),
    ],
)
def test_a_hedged_byline_question_gets_the_byline(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_among_answers(real_index, question, snippet_id)
    assert real_index.read(own(question)).frame is not None


def test_a_past_tense_comparison_is_a_comparison(real_index: SnippetIndex) -> None:
    # One passage says the 2017 report updates the 2015 review; none says how they differ.
    # Asked without an outcome word, how two things differ is the `difference` frame.
    assert_partial(
        real_index,
        "how did the 2015 LaFrance review differ from its 2017 update?",
        "difference",
        "how the two differ",
    )


def test_a_cue_that_is_a_hedge_still_reads_first(real_index: SnippetIndex) -> None:
    # "did * actually pass": whether a plan happened after the sources were written.
    question = own("did the state actually pass that peer certification bill?")
    frame = real_index.read(question).frame
    assert frame is not None and frame.id == "current"


def test_a_hedged_effectiveness_question_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "does peer support actually cut down on hospital stays?",
        "bellamy2017-hospitalization-mixed",
    )


# --- a question put indirectly ("anyone know what DDA is?") -------------------------------------


def test_an_indirect_question_is_read_in_question_order() -> None:
    [(reading, positions)] = readings(("what", "peer", "bridgers", "are"))
    assert reading == ("what", "are", "peer", "bridgers")
    assert positions == (0, 3, 1, 2)
    # "what are" (words 0-1 of the reading) spans the whole ask.
    assert ask_span(positions, 0, 2) == (0, 4)


@pytest.mark.parametrize(
    "ask",
    [
        # A clause inside a longer ask, or a name holding a verb, is not a definition question.
        ("what", "my", "role", "is", "supposed", "to", "be"),
        ("what", "time", "is", "the", "meeting"),
        ("what", "we", "do", "is"),
        ("what", "the", "best", "training", "program", "for", "us", "is"),
    ],
)
def test_only_a_whole_short_indirect_ask_is_turned(ask: tuple[str, ...]) -> None:
    assert readings(ask) == []


def test_an_indirect_definition_question_gets_the_definition(real_index: SnippetIndex) -> None:
    question = own("anybody know what Dual Diagnosis Anonymous is?")
    frame = real_index.read(question).frame
    assert frame is not None and frame.id == "definition"
    answer = real_index.search(question)
    assert answer.answered
    assert answer.results[0].snippet_id == "milani2020-dda-programme"


def test_an_indirect_question_on_an_unexplained_term_says_so(real_index: SnippetIndex) -> None:
    # The sources name WRAP plans and never say what one is; asked indirectly, as directly.
    answer = real_index.search(own("not sure what a wellness recovery action plan is"))
    assert not answer.answered
    assert answer.missing is not None and answer.missing.startswith("what a WRAP is")
