"""Confident wrong answers of kinds found on fresh study questions (round 16), on our own questions.

Each test names a class of wrong answer, not a question: a comparison whose first side sits in
the cue's wildcard, a count of one thing answered with a count of another, a share of something
the passage does not name, a question about a work the sources only mention.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, assert_partial, own

# --- a comparison whose first side is inside the cue ("how is A different from B") ------------


@pytest.mark.parametrize(
    "question",
    [
        "how is a peer mentor different from a social worker?",
        "what makes a recovery coach different from a nurse?",
        "is a peer bridger different from a case manager?",
    ],
)
def test_a_side_inside_the_cue_is_still_a_side(real_index: SnippetIndex, question: str) -> None:
    """ "How is a peer supporter different from a community health worker" had no sides (the
    left one stood in the cue's wildcard), so any passage with comparing words answered it."""
    reading = real_index.read(own(question))
    assert reading.sides is not None
    assert_partial(real_index, question, "difference", "how the two differ")


# --- a count of one thing answered with a count of another --------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how many DDA meetings run in England?",
        "how many DDA chapters are there in America?",
    ],
)
def test_a_count_of_a_unit_needs_that_unit_counted(real_index: SnippetIndex, question: str) -> None:
    """ "How many DDA groups" was answered with "six DDA members were interviewed": the name
    matched, the unit counted (groups, meetings, programs) did not."""
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == "how-many"


def test_a_count_of_the_units_named_still_answers(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "roughly how many states train and certify peer staff?",
        "lafrance2017-states-certify",
    )
    assert_among_answers(
        real_index, "how many DDA members did the researchers interview?", "milani2020-interviews"
    )


# --- a count or share of something the passage does not name ------------------------------------


@pytest.mark.parametrize(
    ("question", "frame", "missing"),
    [
        ("what share of Canadian young people get peer support?", "percentage", "that percentage"),
        (
            "what percent of people in India have access to peer support?",
            "percentage",
            "that percentage",
        ),
        ("how many Indians receive peer support each year?", "how-many", "a figure for that"),
    ],
)
def test_a_share_of_peer_support_needs_peer_support_named(
    real_index: SnippetIndex, question: str, frame: str, missing: str
) -> None:
    """The share of youth accessing mental health services is no share receiving peer support,
    nor are the people treated in India a count of those getting peer support: the field's
    words are too common for coverage to miss them, so a count or share checks them."""
    assert_partial(real_index, question, frame, missing)


# --- what kind of work a paper is ---------------------------------------------------------------


def test_the_kind_of_a_work_is_answered_by_a_passage_naming_its_kind(
    real_index: SnippetIndex,
) -> None:
    """ "What kind of paper is the Barrenger article" quoted "the purpose of this paper is to
    examine the gap": what it is about, not what kind of work it is (a viewpoint)."""
    answer = real_index.search(own("what sort of paper did Barrenger and colleagues put out?"))
    assert answer.frame == "work-kind"
    assert [r.snippet_id for r in answer.results][:1] == ["barrenger2019-recommendation"]
    answer = real_index.search(own("is the Rogers 2017 article an empirical study?"))
    assert answer.frame == "work-kind"
    assert all("this paper" not in r.text.casefold() for r in answer.results)


def test_doing_a_review_is_no_question_about_a_works_kind(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("writing a lit review on peers in ERs, what is out there?"))
    assert answer.frame != "work-kind"


# --- frames staff word differently ---------------------------------------------------------------


def test_all_the_authors_is_a_byline_question(real_index: SnippetIndex) -> None:
    """ "Who are all the authors on the review" was read as a definition ("who are")."""
    answer = real_index.search(own("who are all the authors on the Bellamy evidence update?"))
    assert answer.frame == "source-metadata"
    assert answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "does Hong Kong have a certification program for peer workers?",
        "how do I get my national certified peer specialist credential?",
    ],
)
def test_whether_a_place_has_a_credential_needs_a_requirement(
    real_index: SnippetIndex, question: str
) -> None:
    """ "Does India have a certification program" was answered with India's dearth of workers:
    it read as no frame, and the place and the workers were enough."""
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == "credential"


def test_did_it_help_asks_for_findings(real_index: SnippetIndex) -> None:
    """ "Did peer support help the youth" quoted the youth study's protocol, which reports no
    results (a methods paper)."""
    assert_partial(
        real_index,
        "did the Canadian youth peer program help the young people it served?",
        "findings",
        "findings",
    )


def test_the_steps_of_a_meeting_are_instructions(real_index: SnippetIndex) -> None:
    """ "What are the steps in a DDA meeting" quoted what the programme is and what members got
    from it: no source gives a meeting's steps."""
    answer = real_index.search(own("what are the steps of a DDA meeting, start to finish?"))
    assert not answer.answered
    assert answer.frame == "instructions"


# --- a work the sources only mention -----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "what did the research on self-disclosure that Rogers cites actually find?",
        "what did the community health worker blog Peers for Progress links to conclude?",
    ],
)
def test_a_work_only_mentioned_has_no_findings_in_the_sources(
    real_index: SnippetIndex, question: str
) -> None:
    """A passage naming a work ("along with research on self-disclosure", "as discussed in our
    recent blog on community health workers") does not say what that work found, nor does
    another passage of the work that cites it."""
    assert_partial(real_index, question, "findings", "what that work says or found")


def test_a_mention_that_reports_the_finding_still_answers(real_index: SnippetIndex) -> None:
    """ "A recent article by Grant and colleagues noted that ...": the mention says what the
    work found."""
    assert_among_answers(
        real_index,
        "what did the article by Grant and colleagues find about Medicaid?",
        "peersforprogress-16-states-medicaid",
    )


# --- a premise that it does not work ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "why did Bellamy find that peer support doesn't work?",
        "why did the DDA pilot fail?",
    ],
)
def test_a_premise_that_it_fails_needs_a_finding_that_it_fails(
    real_index: SnippetIndex, question: str
) -> None:
    """ "Why did the review conclude peer support doesn't work on inpatient units" quoted that
    little research exists there: a passage on the setting is no finding that it fails."""
    assert_partial(real_index, question, "null-finding", "a finding that it does not work")
