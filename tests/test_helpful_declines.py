"""A decline says what the sources lack, and a hedged figure is a guess, not a claim.

1. A question of a typed frame (a figure, a rate, pay, a ratio, requirements) that no passage
   came near was declined bare: "none of the passages peerbot knows answers this" and topic
   names, though the frame knows what the sources lack ("a figure for that"). It now says so,
   shows passages as related only when they cover nearly all of the rest of the question, and
   keeps the nearest topics when no passage is shown.
2. "2 mil something", "about 40 states", "$2 million or so": the asker guesses a figure and
   asks for it. The passage giving one of the values the guess allows answers it; a guess far
   from every figure the sources give is still said to be missing, with theirs. A scale no
   passage writes ("2.3 billion") is the figure's word, so the passage giving another amount
   is related and the reply names both figures.
Questions of our own (`tests.own_questions`).
"""

from __future__ import annotations

import pytest

from bot.ask import format_answer
from bot.figures import claimed_figures
from bot.index import SnippetIndex
from bot.tokenize import words
from tests.own_questions import own

SAMHSA = "peersforprogress-samhsa-2-3-million"
CERTIFY = "lafrance2017-states-certify"
VA = "peersforprogress-va-800"


# --- 1. a typed frame no passage came near says what is missing ----------------------------------


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("how many CE hours does a recovery coach need every two years?", "a figure for that"),
        ("what's the annual staff turnover rate at peer-run agencies?", "that rate"),
        ("what ratio of peers to nurses works best on a ward", "a ratio"),
        ("whats the hourly wage for a peer bridger", "pay or cost figures"),
    ],
)
def test_a_typed_question_nothing_came_near_says_what_is_missing(
    real_index: SnippetIndex, question: str, missing: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and answer.missing.startswith(missing), answer.missing


@pytest.mark.parametrize(
    "question",
    [
        "how many CE hours does a recovery coach need every two years?",
        "what's the annual staff turnover rate at peer-run agencies?",
    ],
)
def test_a_partial_reply_with_no_passage_keeps_the_nearest_topics(
    real_index: SnippetIndex, question: str
) -> None:
    """With no related passage to show, the reply still points where to look."""
    answer = real_index.search(own(question))
    assert answer.partial and not answer.related, question
    assert answer.suggestions
    text = format_answer(answer)
    assert "The sources do not give" in text
    assert "Nearest topics and roles it does cover:" in text


def test_a_question_with_no_typed_frame_is_still_declined_as_before(
    real_index: SnippetIndex,
) -> None:
    """What an untyped question lacks is not known well enough to say: no missing text is made
    up for it, and nothing is answered. (SSI benefits, once such a question, are a subject
    since round 26: that decline names them.)"""
    answer = real_index.search(
        own("can a peer worker keep their weekend shifts while working days?")
    )
    assert not answer.answered
    assert answer.missing is None


# --- 2. a hedged figure is a guess ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how much did SAMHSA award the consumer networks, 2 million something?", SAMHSA),
        ("SAMHSA put roughly 2 million into consumer networks, what was it for?", SAMHSA),
        ("the consumer network money from SAMHSA, about $2.5 million?", SAMHSA),
        ("how many states train and certify peer specialists now, 40-odd?", CERTIFY),
    ],
)
def test_a_hedged_figure_is_answered_by_the_passage_giving_one_it_allows(
    real_index: SnippetIndex, question: str, first: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, (question, answer.missing)
    assert answer.results[0].snippet_id == first


@pytest.mark.parametrize(
    ("question", "theirs"),
    [
        ("the VA is bringing on around 5,000 peer counselors, right?", "800"),
        ("SAMHSA gave roughly 20 million to consumer networks?", "2.3 million"),
    ],
)
def test_a_hedged_figure_far_from_theirs_is_still_missing(
    real_index: SnippetIndex, question: str, theirs: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and f"(they give {theirs})" in answer.missing


def test_a_scale_no_passage_writes_is_the_figures_word(real_index: SnippetIndex) -> None:
    """ "billion" is in no passage: as a word it sank the 2.3 million passage, and the reply
    said only "what was asked"; checked with the figure, the reply names both."""
    answer = real_index.search(own("so SAMHSA handed out 2.3 billion to consumer networks?"))
    assert not answer.answered
    assert answer.missing is not None and "they give 2.3 million" in answer.missing
    assert answer.related and answer.related[0].snippet_id == SAMHSA


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("was it 2 mil something", 2e6, 3e6),
        ("40-something states certify", 40, 50),
        ("about 800 peers were hired", 600, 1000),
        ("$2 million or so went to networks", 1.5e6, 2.5e6),
    ],
)
def test_a_hedge_gives_the_values_a_guess_allows(text: str, low: float, high: float) -> None:
    (figure,) = claimed_figures(text, tuple(words(text)))
    assert figure.within == (low, high)


def test_a_plain_figure_is_still_a_claim() -> None:
    text = "the VA hired 800 peers"
    (figure,) = claimed_figures(text, tuple(words(text)))
    assert figure.within is None


# --- 3. "what does X mean in the <work>" is asked of the word ------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "wait, what does manualized mean in that rogers review?",
        "ok what does manualized mean from the rogers article",
    ],
)
def test_a_word_met_in_a_work_is_declined_like_its_plain_form(
    real_index: SnippetIndex, question: str
) -> None:
    """An opening "wait"/"ok" and a closing "in the Rogers review" hid the term: the decline was
    bare, or the passage merely naming the word was quoted as its meaning. Now it reads as
    "what does manualized mean": the sources name it without defining it, and say so."""
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and answer.missing.startswith("what manualized means")
    assert [r.snippet_id for r in answer.related] == ["rogers2017-group-interventions"]


def test_a_term_met_in_a_work_is_answered_by_the_passage_spelling_it_out(
    real_index: SnippetIndex,
) -> None:
    answer = real_index.search(own("sorry, what does DDA stand for in that milani study?"))
    assert answer.answered
    assert answer.results[0].snippet_id == "milani2020-dda-programme"
