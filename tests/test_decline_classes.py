"""Asks the sources cannot answer, in wordings fresh questions used (issue 9, round 15).

Each class is a frame a passage sharing the question's words does not meet: a study's sample
wants a clause saying who was sampled, a work's publisher or title its citation, "what do they
get paid" a pay figure, "how is X different from Y" language that compares, a named role's
training a passage about that role, "is WRAP evidence based" a passage that says more than the
name, "what did <author> conclude" that author's work. Practice matters (friendship with a
client, how much to self-disclose, medication doses, what goes on at a meeting) are in no
source. Beside each decline, a near question the sources do answer still is answered.
All questions here are our own, in no evaluation file.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, assert_partial, own

# What the sources lack for a requirements question, and who to ask instead (knowledge/frames.yaml).
REQUIREMENTS_POINTER = "(a state's certification board or the employer sets them)"
REQUIREMENTS_MISSING = f"the requirements asked about {REQUIREMENTS_POINTER}"


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # A work named by its author: the reply names it (bot.work_facts).
        (
            "what was the Goutam paper's sample size?",
            "how many took part in the 2020 conceptual paper by Neeti Goutam",
        ),
        ("how many youth took part in the evaluation in Canada?", "a figure for that"),
    ],
)
def test_a_sample_needs_a_clause_saying_who_was_sampled(
    real_index: SnippetIndex, question: str, missing: str
) -> None:
    # "35 out of 50 states", "one third of youth access services": figures, but no sample.
    assert_partial(real_index, question, "how-many", missing)


def test_a_sample_the_sources_give_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "how many clients were recruited for the Hong Kong study?", "tse2019-32-clients"
    )


@pytest.mark.parametrize(
    ("question", "frame", "missing"),
    [
        ("which institute published the LaFrance report?", "journal", "the journal"),
        (
            "what's the title of the article by Grant and colleagues?",
            "source-metadata",
            "the title of the work by Grant and colleagues (the sources only mention it)",
        ),
    ],
)
def test_a_publisher_or_a_title_needs_a_citation(
    real_index: SnippetIndex, question: str, frame: str, missing: str
) -> None:
    assert_partial(real_index, question, frame, missing)


def test_what_a_worker_gets_paid_needs_a_pay_figure(real_index: SnippetIndex) -> None:
    assert_partial(real_index, "what do peer bridgers get paid?", "pay", "pay or cost figures")


def test_how_services_get_paid_for_is_still_funding(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "can peer services get paid for through Medicaid?",
        "lafrance2017-medicaid-funding",
    )


@pytest.mark.parametrize(
    "question",
    [
        "whats the diff between a peer bridger and a client liaison?",
        "how is a recovery coach different from a peer mentor?",
    ],
)
def test_different_from_is_a_difference(real_index: SnippetIndex, question: str) -> None:
    # The list of job titles names both roles and says nothing of how they differ.
    assert_partial(real_index, question, "difference", "how the two differ")


def test_a_comparison_the_sources_make_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "how does DDA differ from single-focus fellowships?",
        "milani2020-dual-strength",
    )


@pytest.mark.parametrize(
    "question",
    ["how do I become a client liaison?", "what training does a peer bridger need?"],
)
def test_what_a_listed_role_takes_is_not_in_the_list(
    real_index: SnippetIndex, question: str
) -> None:
    assert_partial(real_index, question, "requirements", REQUIREMENTS_MISSING)


def test_what_training_peer_specialists_need_is_not_the_count_of_states(
    real_index: SnippetIndex,
) -> None:
    """That 41 states train and certify peer specialists says training exists, not what it is:
    related, under "the sources do not give the requirements"."""
    answer = real_index.search("what training do peer specialists need?")
    assert not answer.answered and answer.frame == "requirements"
    assert "lafrance2017-states-certify" in [hit.snippet_id for hit in answer.related]


def test_whether_a_concept_only_named_works_is_not_in_the_sources(
    real_index: SnippetIndex,
) -> None:
    assert_partial(
        real_index,
        "Is there evidence for wellness recovery action plans?",
        "effectiveness",
        "what a WRAP is",
    )


def test_what_the_naming_passage_says_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "who helps clients develop WRAPs?", "peersforprogress-activities"
    )


def test_what_an_author_concluded_comes_from_their_work(real_index: SnippetIndex) -> None:
    # Salzer's finding, quoted in a blog post, is not Goutam's conclusion.
    answer = real_index.search(own("did Goutam conclude that CPSs work in many settings?"))
    assert not answer.answered
    assert answer.frame == "findings"


def test_what_another_author_found_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "what did Bellamy and colleagues find about hope?",
        "bellamy2017-hope-empowerment",
    )


@pytest.mark.parametrize(
    ("question", "frame"),
    [
        (
            "one of our peers has become friends with a client outside of work, is that allowed?",
            "advice",
        ),
        ("any guidelines on how much peers should self disclose to clients?", "advice"),
        ("can a peer tell a client to lower their dose?", "medical"),
        ("what happens in a DDA meeting?", "instructions"),
    ],
)
def test_practice_matters_are_in_no_source(
    real_index: SnippetIndex, question: str, frame: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == frame, question


def test_what_clients_shared_about_medication_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "what did Hong Kong clients share with peer workers about medication?",
        "tse2019-mood-medication-hope",
    )


def test_what_dda_is_is_still_answered_beside_meetings(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "what is Dual Diagnosis Anonymous?", "milani2020-dda-programme"
    )


def test_what_people_somewhere_do_is_what_is_counted(real_index: SnippetIndex) -> None:
    # "150 million people need mental care" counts no one using peer support.
    assert_partial(
        real_index,
        "how many people across India use peer support services?",
        "how-many",
        "a figure for that",
    )


def test_a_count_of_what_people_there_do_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "how many people in India need mental health care?",
        "goutam2020-india-treatment-gap",
    )


def test_a_list_asked_for_of_what_is_only_named_is_not_in_the_sources(
    real_index: SnippetIndex,
) -> None:
    assert_partial(
        real_index,
        "could you send me a list of the core conditions?",
        "listing",
        "what the core conditions are",
    )


def test_a_list_the_sources_give_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "give me a list of the activities CPSs report", "peersforprogress-activities"
    )


def test_the_items_asked_for_are_not_in_a_passage_saying_they_are_reviewed(
    real_index: SnippetIndex,
) -> None:
    assert_partial(
        real_index,
        "what specific innovations are afoot in US peer services?",
        "listing",
        "a list of what it consists of",
    )


def test_specific_items_the_sources_list_are_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "what specific activities do CPSs do besides peer support?",
        "peersforprogress-activities",
    )


def test_after_a_year_needs_a_later_year(real_index: SnippetIndex) -> None:
    # "likely to increase to 15% by 2020" says nothing of after 2020.
    answer = real_index.search(
        own("what will the burden of mental illness be after 2020 according to WHO?")
    )
    assert not answer.answered
    assert answer.missing is not None and answer.missing.startswith("anything after 2020")


def test_by_that_year_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "what did WHO estimate for the burden of mental illness by 2020?",
        "goutam2020-who-burden",
    )


def test_btwn_is_between(real_index: SnippetIndex) -> None:
    assert_partial(
        real_index,
        "what's the difference btwn a CPS and a recovery coach",
        "difference",
        "how the two differ",
    )


def test_who_put_out_a_work_is_where_it_appeared(real_index: SnippetIndex) -> None:
    # Not the site frame, which "41 states and the District of Columbia" met.
    assert_partial(real_index, "which org put out the LaFrance report?", "journal", "the journal")
