"""A fact is taken from what is asked, not from whatever a passage shares with the question.

1. A work named by its author is where to look, not what about: a passage of that work must
   still cover the topic asked about it (not Rogers's job title for what she found about
   hospitalization).
2. An outcome asked about ("does X reduce hospitalization") is answered by a passage that says
   something changes it, not one naming it for something else ("partial hospitalization
   programs" in a list of where CPSs work).
"""

from __future__ import annotations

import re

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

# --- 1. a named work is a filter, not the topic -------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("what did the Rogers paper find about rehospitalization?", id="rogers"),
        pytest.param("did the Halsall study find anything about empowerment?", id="halsall"),
        pytest.param("did Salzer find that CPSs lower readmissions?", id="salzer-mentioned"),
    ],
)
def test_a_work_named_by_its_author_is_not_the_topic(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [r.snippet_id for r in answer.results]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            "what does the Tse paper say about medication?",
            "tse2019-medication-not-useful",
            id="tse-medication",
        ),
        pytest.param(
            "what did the Bellamy review say about hospital stays",
            "bellamy2017-hospitalization-mixed",
            id="bellamy-hospital",
        ),
        pytest.param(
            "what did the Milani paper find about getting back to work?",
            "milani2020-employment-commissioning",
            id="milani-work",
        ),
    ],
)
def test_a_work_named_by_its_author_still_answers_its_topic(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert expected in [r.snippet_id for r in answer.results]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        pytest.param("what does the Goutam paper cover?", "goutam2020", id="cover"),
        pytest.param("what does the Halsall paper cover", "halsall2021", id="halsall"),
        pytest.param("what does the Goutam article discuss", "goutam2020", id="discuss"),
    ],
)
def test_a_work_asked_of_as_a_whole_needs_no_topic(
    real_index: SnippetIndex, question: str, source: str
) -> None:
    # Nothing is asked beyond the work: any passage of it is on topic, the best-ranked shown.
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].source_id == source


# --- 2. an outcome is answered by a passage saying it changes ------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("do CPSs cut partial hospitalization use?", id="cut-partial"),
        pytest.param("did Salzer's CPSs lower hospitalization?", id="salzer-lower"),
    ],
)
def test_an_outcome_named_for_something_else_is_no_finding(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    ids = [r.snippet_id for r in answer.results]
    assert "peersforprogress-program-types" not in ids, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            "does having peers lower hospitalization",
            "bellamy2017-hospitalization-mixed",
            id="hospitalization",
        ),
        pytest.param(
            "can a peer worker help fight stigma?", "goutam2020-stigma-isolation", id="stigma"
        ),
    ],
)
def test_an_outcome_said_to_change_is_still_answered(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert expected in [r.snippet_id for r in answer.results]


# --- 3. a figure the question states is not the answer -------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("how much of the 2.3 million was spent on leader training?", id="part-of-sum"),
        pytest.param(
            "how much of SAMHSA's $2.3 million paid for leader training?", id="dollar-sum"
        ),
        pytest.param("how many of the 32 clients said peer workers helped?", id="part-of-sample"),
    ],
)
def test_a_figure_the_question_states_is_not_its_answer(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [r.snippet_id for r in answer.results]


def test_a_figure_the_question_checks_is_still_answered(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("was the SAMHSA award really 2.3 million dollars?"))
    assert answer.answered
    assert answer.results[0].snippet_id == "peersforprogress-samhsa-2-3-million"


def test_stated_spans_take_the_figure_with_its_scale() -> None:
    from bot.stated import holds_beyond, stated_spans

    text = "SAMHSA awarded 2.3 million dollars to 12 networks."
    assert stated_spans(text, ["2.3"]) == [(15, 34)]
    number = re.compile(r"\d|\bmillion\b")
    assert holds_beyond(number, text, ["2.3"])  # the 12 networks
    assert not holds_beyond(number, "awarded 2.3 million dollars", ["2.3"])


# --- 4. a count of units is bound to what they do ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected", "not_shown"),
    [
        pytest.param(
            "in how many states can you get certified as a peer specialist?",
            "lafrance2017-states-certify",
            "peersforprogress-16-states-medicaid",
            id="certify",
        ),
        pytest.param(
            "how many of the states certify their peer workforce?",
            "lafrance2017-states-certify",
            "peersforprogress-16-states-medicaid",
            id="of-the-states",
        ),
    ],
)
def test_a_count_of_units_is_bound_to_what_they_do(
    real_index: SnippetIndex, question: str, expected: str, not_shown: str
) -> None:
    answer = real_index.search(own(question))
    ids = [r.snippet_id for r in answer.results]
    assert ids and ids[0] == expected, ids
    assert not_shown not in ids


def test_a_share_of_units_is_bound_to_what_they_do(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what fraction of US states certify peers?"))
    assert "rogers2017-35-of-50-states" not in [r.snippet_id for r in answer.results]


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("how many states offer peer credentials?", id="offer-credentials"),
        pytest.param("in how many states can a peer get credentialed?", id="credentialed"),
        pytest.param("how many states hand out peer certificates", id="certificates"),
    ],
)
def test_what_units_do_is_read_in_the_synonyms_words(
    real_index: SnippetIndex, question: str
) -> None:
    # The clause says "train and certify"; the staff words are the synonyms' (credential,
    # certificate): the binding reads them as the ranking does.
    answer = real_index.search(own(question))
    ids = [r.snippet_id for r in answer.results]
    assert answer.answered and ids[0] == "lafrance2017-states-certify", ids


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            "peer credentials: in how many states can you get them?",
            "lafrance2017-states-certify",
            id="them",
        ),
        pytest.param(
            "Medicaid billing for peer services - how many states allow it?",
            "peersforprogress-16-states-medicaid",
            id="it",
        ),
    ],
)
def test_what_units_do_may_be_put_before_the_ask(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    # "it" / "them" point back at the topic put first: that is what the units are counted doing.
    answer = real_index.search(own(question))
    ids = [r.snippet_id for r in answer.results]
    assert answer.answered and ids[0] == expected, ids


def test_a_count_of_units_still_answers_in_other_words(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("how many states bill Medicaid for certified peers?"))
    assert answer.answered
    assert answer.results[0].snippet_id == "peersforprogress-16-states-medicaid"


# --- 5. a work's date is asked of the work -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param("what year is the Goutam paper from?", "goutam2020-byline", id="from"),
        pytest.param("which year is the Halsall study from", "halsall2021-byline", id="from-2"),
        pytest.param(
            "when was the Rogers paper on the state of the workforce published?",
            "rogers2017-citation",
            id="described-by-title",
        ),
    ],
)
def test_a_works_date_is_read_from_its_byline(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == expected


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("what year is the Peers for Progress post from?", id="from"),
        pytest.param(
            "when was the Peers for Progress blog on integrating peer supporters posted?",
            id="described-by-title",
        ),
    ],
)
def test_an_undated_work_is_not_dated_by_what_it_reports(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [r.snippet_id for r in answer.results]
    assert answer.missing is not None and "date" in answer.missing
