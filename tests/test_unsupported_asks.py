"""Asks whose answer the sources lack, though a passage shares their words (issue 9, round 14).

Each class of question wants a kind of fact a passage must hold (knowledge/frames.yaml): a
how-to wants steps, an effect size a statistic, "how was it split" each part's share, "which
curriculum" a named one, "what did the paper conclude" a conclusion, "the difference between X
and Y" language that compares. Passages that only describe the subject are related, not
answers. Beside each decline, a near question the sources do answer still is answered.
All questions here are our own, in no evaluation file.
"""

from __future__ import annotations

import pytest

from bot.frames import type_pattern
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase
from tests.own_questions import assert_among_answers, assert_partial, own


@pytest.mark.parametrize(
    "question",
    [
        "How do we set up a Dual Diagnosis Anonymous group in our program?",
        "what would it take to start a peer-run support group at our agency?",
    ],
)
def test_starting_something_oneself_needs_steps(real_index: SnippetIndex, question: str) -> None:
    assert_partial(real_index, question, "setup", "steps for setting it up")


def test_what_a_programme_is_is_still_answered_beside_a_plan_to_start_one(
    real_index: SnippetIndex,
) -> None:
    assert_among_answers(
        real_index,
        "we're thinking of setting up a DDA group, what is Dual Diagnosis Anonymous?",
        "milani2020-dda-programme",
    )


def test_starting_a_career_is_not_setting_something_up(real_index: SnippetIndex) -> None:
    assert real_index.read(own("how do I start a career as a peer specialist?")).frame is None


@pytest.mark.parametrize(
    "question",
    [
        "What odds ratio did the studies report for readmission with peer support?",
        "how much did peer support reduce hospital stays?",
    ],
)
def test_an_effect_size_needs_a_statistic(real_index: SnippetIndex, question: str) -> None:
    # "The purpose of this paper is ... in two domains" holds a number, not an effect size.
    assert_partial(real_index, question, "statistic", "a statistic for that")


def test_whether_it_reduces_hospitalization_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "Is there evidence that peer support cuts hospital admissions?",
        "bellamy2017-hospitalization-mixed",
    )


def test_a_statistic_is_a_figure_of_a_result_not_a_count(real_kb: KnowledgeBase) -> None:
    statistic = type_pattern(next(t for t in real_kb.lexicon.answer_types if t.id == "statistic"))
    for text in [
        "readmissions fell by 23% in the peer group",
        "the pooled effect size was 0.42",
        "odds ratio of 1.8 (p < .05)",
        "hospital days were cut in half",
    ]:
        assert statistic.search(text), text
    for text in [
        "an update on the evidence base in two domains",
        "awarding 2.3 million dollars in funding for consumer networks",
        "six members were interviewed three times",
    ]:
        assert not statistic.search(text), text


@pytest.mark.parametrize(
    "question",
    [
        "how was SAMHSA's consumer network funding split up?",
        "how much did each consumer network get from SAMHSA?",
    ],
)
def test_how_a_sum_was_split_needs_each_part(real_index: SnippetIndex, question: str) -> None:
    assert_partial(real_index, question, "breakdown", "how it was split up")


def test_the_total_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "How much money did SAMHSA award to consumer networks?",
        "peersforprogress-samhsa-2-3-million",
    )


def test_how_peers_split_their_time_is_no_breakdown_of_money(real_index: SnippetIndex) -> None:
    question = own("how do peer specialists split their time between the office and the community?")
    assert real_index.read(question).frame is None
    assert_among_answers(real_index, question, "peersforprogress-site-vs-community")


@pytest.mark.parametrize(
    "question",
    [
        "Which manual did the SAMHSA peer support leader trainings follow?",
        "what curriculum do VA peer counselors get trained on?",
    ],
)
def test_which_curriculum_needs_one_named(real_index: SnippetIndex, question: str) -> None:
    assert_partial(real_index, question, "curriculum", "which curriculum or manual was used")


def test_whether_training_was_funded_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "Did SAMHSA fund training for peer support leaders?",
        "peersforprogress-samhsa-2-3-million",
    )


@pytest.mark.parametrize(
    "question",
    [
        "What's the difference in daily work between a peer bridger and a recovery coach?",
        "what are the differences between peer bridgers and recovery coaches?",
    ],
)
def test_a_list_naming_both_roles_is_no_comparison(real_index: SnippetIndex, question: str) -> None:
    # "titles including but not limited to: ..., recovery coach, ..., peer bridger" names both
    # and says nothing of how they differ.
    assert_partial(real_index, question, "difference", "how the two differ")


def test_but_not_limited_to_opens_a_list(real_kb: KnowledgeBase) -> None:
    comparative = type_pattern(
        next(t for t in real_kb.lexicon.answer_types if t.id == "comparative")
    )
    assert not comparative.search("with titles including but not limited to: peer mentor")
    assert comparative.search("some studies found benefits, but not all")


def test_a_comparison_of_time_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "Do CPSs spend more time on site or out in the community?",
        "peersforprogress-site-vs-community",
    )


def test_a_conceptual_paper_concludes_nothing(real_index: SnippetIndex) -> None:
    # Its abstract says what it "will" discuss ("it will also question the viability ...").
    assert_partial(
        real_index,
        "Did the Goutam paper find that peer support works in India?",
        "findings",
        "findings",
    )


def test_what_the_conceptual_paper_questions_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "Is Goutam skeptical that peer services could work in India?",
        "goutam2020-viability-india",
    )


def test_how_to_apply_is_live_information(real_index: SnippetIndex) -> None:
    assert_partial(
        real_index, "how can we apply for the VA peer counselor jobs?", "current", "current"
    )
    assert_among_answers(
        real_index,
        "How many peer counselors was the VA going to bring on?",
        "peersforprogress-va-800",
    )


@pytest.mark.parametrize(
    "question",
    [
        "should I tell a new client about my own relapse history? looking for pointers on "
        "self-disclosure",
        "what do I say when a client asks if I ever used? looking for advice on self-disclosure",
    ],
)
def test_advice_asked_beside_a_restatement_is_still_advice(
    real_index: SnippetIndex, question: str
) -> None:
    # The restatement's rarer words ("self-disclosure") would make it the ask and find the
    # passage that only names research on self-disclosure.
    answer = real_index.search(own(question))
    assert answer.frame == "advice"
    assert not answer.answered and answer.results == ()


def test_how_much_of_ones_story_to_share_is_advice_however_worded(
    real_index: SnippetIndex,
) -> None:
    question = own("How much of my lived experience should I disclose to the people I support?")
    frame = real_index.read(question).frame
    assert frame is not None and frame.id == "advice"


def test_a_request_read_as_live_information_is_not_the_question(real_index: SnippetIndex) -> None:
    # "need a number for the RFP" names a funding call, but asks nothing of it.
    question = "roughly how many states certify peer specialists? need a number for the RFP"
    assert_among_answers(real_index, question, "lafrance2017-states-certify")


def test_what_the_research_says_on_self_disclosure_is_still_answered(
    real_index: SnippetIndex,
) -> None:
    assert_among_answers(
        real_index,
        "What does the research say about self-disclosure? Writing a training for new peers.",
        "rogers2017-core-conditions",
    )


@pytest.mark.parametrize(
    "question",
    [
        "are certified peer specialists happy with their jobs?",
        "what was job satisfaction like among the CPSs in the 2010 survey?",
    ],
)
def test_how_satisfied_people_were_needs_how_they_felt(
    real_index: SnippetIndex, question: str
) -> None:
    # The passage on the survey CPSs answered says how many answered, not how they felt.
    assert_partial(real_index, question, "satisfaction", "how satisfied they were")


def test_what_members_got_out_of_it_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "how did attending Dual Diagnosis Anonymous change things for its members?",
        "milani2020-five-areas",
    )


def test_a_perceived_impact_is_how_people_felt(real_kb: KnowledgeBase) -> None:
    satisfaction = type_pattern(
        next(t for t in real_kb.lexicon.answer_types if t.id == "satisfaction")
    )
    assert satisfaction.search("attendance was perceived to have had a positive impact")
    assert satisfaction.search("most CPSs were satisfied with their jobs")
    assert not satisfaction.search("a survey completed by 291 CPSs across 28 states")


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("do peer specialists have to pass an exam to get certified?", "certification exams"),
        ("does a national certification exist for peer support workers?", "a national"),
    ],
)
def test_an_exam_or_a_national_certification_is_named_by_no_source(
    real_index: SnippetIndex, question: str, subject: str
) -> None:
    # State certification passages share "certification" and "peer specialists" with it.
    answer = real_index.search(own(question))
    assert not answer.answered and answer.results == ()
    assert answer.missing is not None and subject in answer.missing


def test_state_certification_is_still_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "in how many states can peer specialists get certified?",
        "lafrance2017-states-certify",
    )


@pytest.mark.parametrize(
    "question",
    [
        "how many states certify peer specialists? and how should I handle my client's relapse?",
        "how should I handle my client's relapse? also how many states certify peer specialists?",
    ],
)
def test_a_question_of_its_own_beside_advice_is_answered(
    real_index: SnippetIndex, question: str
) -> None:
    # Only a restatement or a request gives way to the advice question: a real question beside
    # it is answered, and the reply counts the other.
    answer = real_index.search(own(question))
    assert answer.answered and answer.results[0].snippet_id == "lafrance2017-states-certify"
    assert answer.other_questions == 1
