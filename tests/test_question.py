"""Question analysis: the ask without chatter, shorthand, frames, places, comparison sides.

The reader runs on the shipped lexicon (knowledge/frames.yaml, knowledge/shorthand.yaml) with the
real index's term weights; no question here is taken from the evaluation files.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.index import SnippetIndex
from bot.question import (
    _ALTERNATIVE_RE,
    _POINTING_RE,
    _SENTENCE_RE,
    _SEPARATOR_START,
    Question,
    _shorthand_replacer,
)
from tests.own_questions import own


def _read(index: SnippetIndex, text: str) -> Question:
    return index.read(text)


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        pytest.param(
            "hi all! how many states have peer certification? need it for our grant report, thx",
            "how many states have peer certification",
            id="greeting-reason-signoff",
        ),
        pytest.param(
            "sorry to bug - is peer support evidence based? my director keeps asking me",
            "is peer support evidence based",
            id="apology-and-aside",
        ),
        pytest.param(
            "context: we run a youth drop-in. does peer support help young people?",
            "does peer support help young people",
            id="context-sentence",
        ),
        pytest.param(
            "can peers work on inpatient units (asking for a coworker)",
            "can peers work on inpatient units",
            id="parenthetical",
        ),
        pytest.param(
            "what do peer mentors do for our onboarding deck",
            "what do peer mentors do",
            id="purpose-tail",
        ),
        pytest.param(
            "sorry to bug, where do peer specialists work?",
            "where do peer specialists work",
            id="longer-greeting-before-its-first-word",
        ),
        pytest.param(
            "please help, where do peer specialists work?",
            "where do peer specialists work",
            id="longer-request-before-its-first-word",
        ),
        pytest.param(
            "for our logic model, what outcomes matter most in peer support?",
            "what outcomes matter most in peer support",
            id="planning-document-purpose",
        ),
        pytest.param(
            "where do peer specialists work? any ideas?",
            "where do peer specialists work",
            id="any-ideas-signoff",
        ),
        pytest.param(
            "besides the obvious peer support piece, what else do CPSs do all week?",
            "what else do cpss do all week",
            id="what-the-asker-sets-aside",
        ),
        pytest.param(
            "apart from Medicaid, how else are peer services funded?",
            "how else are peer services funded",
            id="a-payer-set-aside",
        ),
    ],
)
def test_chatter_is_dropped(real_index: SnippetIndex, message: str, ask: str) -> None:
    question = _read(real_index, message)
    assert question.ask == ask
    assert question.reduced


def test_plain_question_is_its_own_ask(real_index: SnippetIndex) -> None:
    question = _read(real_index, "Where do peer mentors work?")
    assert question.ask == "where do peer mentors work"
    assert not question.reduced
    assert question.other_questions == 0


def test_two_questions_answer_the_more_specific_and_count_the_other(
    real_index: SnippetIndex,
) -> None:
    question = _read(
        real_index,
        "how are you all doing? also how many states reimburse peer services through medicaid? "
        "and what does the research say about hospitalization?",
    )
    assert "medicaid" in question.ask
    assert question.other_questions == 1


@pytest.mark.parametrize(
    "message",
    [
        "what helps bipolar clients more: learning about their illness or hearing a peer's story?",
        "which funders matter most for us - medicaid or state grants?",
        "where do CPSs spend their time: at the office or out in the community?",
    ],
)
def test_a_question_split_at_a_colon_or_dash_is_still_one_question(
    real_index: SnippetIndex, message: str
) -> None:
    """The colon or dash splits the question from its options to find the ask, but the
    message asks one thing: no "ask the others separately" for it."""
    question = _read(real_index, own(message))
    assert question.other_questions == 0


def test_a_second_question_after_a_colon_question_is_still_counted(
    real_index: SnippetIndex,
) -> None:
    question = _read(
        real_index,
        own(
            "what helps bipolar clients more: learning about their illness or hearing a peer's "
            "story? and how many states certify peer specialists?"
        ),
    )
    assert question.other_questions == 1


def test_reason_clause_holding_the_question_is_kept(real_index: SnippetIndex) -> None:
    question = _read(real_index, "my supervisor asked how many states certify peer specialists")
    assert "certify peer specialists" in question.ask


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        pytest.param(
            "do ppl w/ SMI benefit from peers", "people with serious mental illness", id="ppl-w-smi"
        ),
        pytest.param("MH peer support lit", "mental health peer support literature", id="mh-lit"),
        pytest.param(
            "how much $$ did the feds give", "money did federal government give", id="money-feds"
        ),
        pytest.param("peer support in HK", "peer support in hong kong", id="hk"),
    ],
)
def test_shorthand_is_spelled_out(real_index: SnippetIndex, message: str, expected: str) -> None:
    assert expected in _read(real_index, message).ask


def test_exact_shorthand_keeps_ordinary_words(real_index: SnippetIndex) -> None:
    assert _read(real_index, "who is the WHO").ask == "who is the world health organization"


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        pytest.param("what's a peer mentor", "definition", id="definition"),
        pytest.param("who are family support navigators", "definition", id="who-are"),
        pytest.param("what does a client liaison do", "duties", id="duties"),
        pytest.param("where do recovery coaches work", "settings", id="settings"),
        pytest.param("what percentage of states pay for peers", "percentage", id="percentage"),
        pytest.param("what's the hourly wage for peer mentors", "pay", id="pay-wage"),
        pytest.param("how much does a recovery coach make", "pay", id="pay-make"),
        pytest.param("since when has the VA used peers", "since-when", id="when"),
        pytest.param("what is the timeline for certification in California", "time", id="time"),
        pytest.param("peer mentors versus case managers", "comparison", id="comparison"),
        pytest.param("do peer-run programs work", "effectiveness", id="effectiveness"),
        pytest.param("how do i become a peer mentor", "requirements", id="requirements"),
        pytest.param("is peer support cost effective", "cost-effectiveness", id="cost-effective"),
        pytest.param("what are peer mentors paid", "pay", id="pay-paid"),
        pytest.param("how are peer mentors paid for", "funding", id="paid-for-is-funding"),
        pytest.param("peer mentors and their groups", None, id="no-frame"),
        # A bare name asks what it is (round 26).
        pytest.param("peer mentors", "definition", id="bare-name"),
    ],
)
def test_frames(real_index: SnippetIndex, message: str, frame: str | None) -> None:
    found = _read(real_index, message).frame
    assert (found.id if found else None) == frame


def test_frame_cue_words_are_located(real_index: SnippetIndex) -> None:
    question = _read(real_index, "how much does a peer mentor cost per session")
    cue_words = {question.words[i] for i in question.frame_positions}
    assert cue_words == {"how", "much", "cost"}
    assert "mentor" not in cue_words


def test_places_are_named_and_the_usa_is_implicit(real_index: SnippetIndex) -> None:
    question = _read(real_index, "peer certification rules in New Mexico vs the United States")
    assert [place.id for place in question.places] == ["new-mexico", "usa"]
    assert [place.id for place in question.required_places] == ["new-mexico"]


def test_both_sides_of_in_common_come_before_the_cue(real_index: SnippetIndex) -> None:
    question = _read(real_index, "what do peer mentors and nurses have in common?")
    assert question.frame is not None and question.frame.id == "comparison"
    assert question.sides is not None
    left, right = (sorted(question.words[i] for i in side) for side in question.sides)
    assert left == ["mentors", "peer"] and right == ["nurses"]


def test_comparison_has_two_sides(real_index: SnippetIndex) -> None:
    question = _read(real_index, "what is the difference between peer mentors and recovery coaches")
    assert question.sides is not None
    left, right = question.sides
    assert {question.words[i] for i in left} == {"peer", "mentors"}
    assert {question.words[i] for i in right} == {"recovery", "coaches"}


def test_numbers_are_kept(real_index: SnippetIndex) -> None:
    assert _read(real_index, "peer support for ages 16-25 in 2019").numbers == ("16", "25", "2019")


def test_reading_is_pure(real_index: SnippetIndex) -> None:
    message = "hey! quick q: what do peer bridgers do? thx"
    assert _read(real_index, message) == _read(real_index, message)


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        pytest.param(
            "is peer work a real career or is it just a stopgap",
            "is peer work a real career",
            id="first-alternative",
        ),
        pytest.param(
            "is it only me or do peer specialists everywhere feel isolated",
            "do peer specialists everywhere feel isolated",
            id="empty-first-alternative",
        ),
    ],
)
def test_two_alternatives_keep_the_one_that_asks(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    assert _read(real_index, message).ask == ask


def test_weak_ask_takes_known_words_from_its_context(real_index: SnippetIndex) -> None:
    question = _read(
        real_index,
        "a colleague claims peer specialists reduce hospitalization. is that right?? zorblax",
    )
    assert question.ask.endswith("is that right")
    for word in ("peer", "specialists", "hospitalization"):
        assert word in question.words
    assert "zorblax" not in question.words  # unknown context words are not added


@pytest.mark.parametrize(
    ("ask", "ending"),
    [
        ("has any study found that?", "has any study found that"),
        ("has research seen that?", "has research seen that"),
        ("is there research that backs that up?", "is there research that supports that"),
        ("has anyone in the lit argued that?", "has anyone in the literature argued that"),
    ],
)
def test_an_ask_for_evidence_of_that_takes_its_context(
    real_index: SnippetIndex, ask: str, ending: str
) -> None:
    """Words that ask for evidence (found, seen, backs up) say nothing of what it is about, so
    an ask made of them and "that" is about the sentence before it, which follows it as its
    object ("has research seen that <our clients ...>")."""
    question = _read(real_index, f"our clients keep telling me meds alone fix things. {ask}")
    assert question.ask.startswith(ending)
    assert {"clients", "medication"} <= set(question.words)


def test_only_evidence_backing_a_claim_is_spelled_out_as_support(real_index: SnippetIndex) -> None:
    """ "Does the research back that up" is support for a claim; peers backing up clinicians on
    a shift is not."""
    assert "support that" in _read(real_index, "does the research back that up?").ask
    shift = _read(real_index, "can peers back up clinicians during a crisis shift?")
    assert "back up" in " ".join(shift.words) and "support" not in shift.words


def test_a_set_aside_stays_when_the_question_asks_for_nothing_else(
    real_index: SnippetIndex,
) -> None:
    """ "Apart from effectiveness, what's missing": the question asks about effectiveness too;
    only "besides X, what else" sets X aside."""
    question = _read(real_index, "apart from effectiveness, what's missing from the literature?")
    assert "effectiveness" in question.words


def test_an_afterthought_reason_is_not_context_for_a_weak_ask(real_index: SnippetIndex) -> None:
    """ "what else do CPSs do all day? writing a job description": why the asker wants it comes
    after the question and is not what it is about; a reason before a weak ask still is ("my
    board asked if peer support cuts hospitalizations. what does the evidence show?")."""
    after = _read(real_index, "what else do CPSs do all day? writing a job description")
    assert "description" not in after.words
    before = _read(
        real_index,
        "my board asked if peer support cuts hospitalizations. what does the evidence show?",
    )
    assert "hospitalizations" in before.words


def test_apology_is_dropped_up_to_but(real_index: SnippetIndex) -> None:
    question = _read(real_index, "sorry if this is a silly one but who are peer bridgers")
    assert question.ask == "who are peer bridgers"


def test_parentheses_after_a_question_belong_to_it(real_index: SnippetIndex) -> None:
    """A thread's follow-up arrives as "what about youth? (Peer bridger)" (bot.conversation).
    A lone item number in parentheses is a list's, not the question's (tests/test_message_shape)."""
    question = _read(real_index, "what about youth? (2) (Peer bridger)")
    assert question.ask == "what about youth peer bridger"
    assert _read(real_index, "what about youth? (2020) (Peer bridger)").ask == (
        "what about youth 2020 peer bridger"
    )


def test_a_question_pointing_back_is_read_with_the_experience_before_it(
    real_index: SnippetIndex,
) -> None:
    """ "is that common?" after a statement asks about the statement, not about "common"."""
    question = "our peers keep getting asked to drive clients around. is this normal for peers?"
    read = real_index.read(question)
    assert "drive clients around" in read.ask
    # "normal" asks whether the experience is usual; it is not what a passage must say.
    assert read.ask.endswith("is this for peers")
    assert "normal" not in read.words


def test_a_statement_before_an_unrelated_question_is_still_dropped(
    real_index: SnippetIndex,
) -> None:
    question = "our peers keep getting asked to drive clients around. what is peer support"
    assert real_index.read(question).ask == "what is peer support"


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        pytest.param(
            "what is a recovery coach, like in a nutshell?",
            "what is a recovery coach",
            id="nutshell",
        ),
        pytest.param(
            "can you explain peer bridgers in plain english",
            "can you explain peer bridgers",
            id="plain-english",
        ),
        pytest.param(
            "how is peer work funded, short version", "how is peer work funded", id="short-version"
        ),
    ],
)
def test_how_the_answer_should_read_is_not_the_ask(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    assert _read(real_index, message).ask == ask


@pytest.mark.parametrize(
    ("message", "pointed_at"),
    [
        (
            "we're moving our groups to a manualized curriculum. does the research favor that "
            "over one on one?",
            "curriculum",
        ),
        ("our county wants peers in the jail. is there any research on this", "jail"),
    ],
)
def test_that_or_this_standing_for_what_was_said_brings_it_into_the_ask(
    real_index: SnippetIndex, message: str, pointed_at: str
) -> None:
    """ "Does research favor *that*", "any research on *this*": what the message said before
    is what is asked about."""
    assert pointed_at in _read(real_index, own(message)).ask


def test_that_opening_a_clause_points_at_nothing(real_index: SnippetIndex) -> None:
    question = _read(
        real_index, own("we mostly do 1:1 work. does research support that peers cut readmissions?")
    )
    assert "1:1" not in question.ask


def test_a_self_introduction_is_not_the_ask(real_index: SnippetIndex) -> None:
    question = _read(real_index, "county contract officer here how do peer programs get funded")
    assert question.ask == "how do peer programs get funded"


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        (
            "brand new family support navigator here 👋 how are peer programs funded?",
            "how are peer programs funded",
        ),
        (
            "hi all, part time peer recovery coach here what do peer specialists do all day",
            "what do peer specialists do all day",
        ),
    ],
)
def test_a_longer_self_introduction_is_not_the_ask(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    """A job title of several words ("new family support navigator here") is who asks, however
    long; left in, its role words pulled the answer to the passage listing job titles."""
    assert _read(real_index, own(message)).ask == ask


def test_a_question_ending_in_here_is_no_introduction(real_index: SnippetIndex) -> None:
    question = _read(real_index, own("what do peer workers usually do here how are they paid"))
    assert question.ask.startswith("what do peer workers")


def test_a_question_joined_by_and_is_a_second_question(real_index: SnippetIndex) -> None:
    question = _read(
        real_index, "who funds peer bridger programs in new york, and what do bridgers do all day"
    )
    assert question.other_questions == 1
    assert "and" not in question.ask.split()


@pytest.mark.parametrize(
    "message",
    [
        "is peer support just 'fluff'? is there real evidence it works??",
        "the VA peer hiring thing - how many did they hire? and when was that?",
    ],
)
def test_a_question_the_ask_took_as_context_is_not_left_out(
    real_index: SnippetIndex, message: str
) -> None:
    """A weak ask ("is there evidence it works?") reads the question before it as what "it"
    is; that question is answered with it, so the reply must not say it was left out."""
    question = _read(real_index, message)
    assert question.other_questions == 0
    first = message.split("?")[0].replace("'", "").split()[-1]
    assert first in question.ask.split()


def test_a_request_asks_like_a_question(real_index: SnippetIndex) -> None:
    """ "need the ..." is the ask, though the message's only question mark is on a weak tail."""
    question = _read(
        real_index,
        "need the journal and volume for the LaFrance literature review. also is she nice?",
    )
    assert "lafrance" in question.ask


@pytest.mark.parametrize(
    "message",
    [
        "how do recovery coaches compare with peer bridgers",
        "do clubhouses have an edge over drop-in centers",
    ],
)
def test_comparison_cues(real_index: SnippetIndex, message: str) -> None:
    question = _read(real_index, message)
    assert question.frame is not None and question.frame.id == "comparison"
    assert question.sides is not None


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        ("what percentage of peer specialists work nights", "percentage"),
        ("how often do peer support groups meet", "frequency"),
        ("who came up with the idea of peer bridgers", "origin"),
        ("did the peer certification bill eventually pass", "current"),
    ],
)
def test_frames_for_shares_frequency_origin_and_outcomes(
    real_index: SnippetIndex, message: str, frame: str
) -> None:
    question = _read(real_index, message)
    assert question.frame is not None and question.frame.id == frame


def test_a_question_opening_with_a_preposition_asks(real_index: SnippetIndex) -> None:
    """ "In which ..." asks, though its question mark ends the second question joined to it."""
    question = _read(
        real_index,
        "in which state did the peer bridger program start, and who runs it?",
    )
    assert question.ask.startswith("in which state")


def test_a_request_verb_is_not_what_is_asked_about(real_index: SnippetIndex) -> None:
    question = _read(real_index, "could you send the evidence on peer bridgers")
    assert question.ask == "the evidence on peer bridgers"


def test_et_al_ends_no_sentence(real_index: SnippetIndex) -> None:
    question = _read(real_index, "what do LaFrance et al. say about training peers?")
    assert question.ask == "what do lafrance and colleagues say about training peers"


def test_shorthand_already_spelled_out_is_left_alone(real_index: SnippetIndex) -> None:
    """ "certified peer" stands for "certified peer specialist", which this message already says."""
    question = _read(real_index, "when did the certified peer specialist role start")
    assert question.ask == "when did the certified peer specialist role start"
    assert _read(real_index, "who hires a certified peer").ask == (
        "who hires a certified peer specialist"
    )


@pytest.mark.parametrize(
    "text",
    [
        "how many certified peer support workers are there",
        "are certified peer mentors common?",
        "any certified peer support staff on the team?",
        "do certified peer mentors bill medicaid",
    ],
)
def test_shorthand_is_not_spelled_out_inside_another_roles_name(
    real_index: SnippetIndex, text: str
) -> None:
    """ "certified peer" is short for "certified peer specialist" only where no other role's name
    goes on from it: "certified peer support workers" is not "certified peer specialist support
    workers"."""
    question = _read(real_index, text)
    assert "specialist" not in question.words, question.ask
    assert question.ask == text.rstrip("?")


def test_hedges_and_narrative_lines_are_context(real_index: SnippetIndex) -> None:
    question = _read(
        real_index,
        "i think it was LaFrance, which review updated the 2015 one? need a line for our grant "
        "narrative",
    )
    assert question.ask == "which review updated the 2015 one"


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        ("my client stopped his meds, should i push him to restart", "advice"),
        ("are peer staff about the same as other paraprofessionals on outcomes", "comparison"),
    ],
)
def test_more_advice_and_comparison_wordings(
    real_index: SnippetIndex, message: str, frame: str
) -> None:
    question = _read(real_index, message)
    assert question.frame is not None and question.frame.id == frame


def test_simplest_terms_is_how_to_answer(real_index: SnippetIndex) -> None:
    assert _read(real_index, "what is a peer bridger, in the simplest terms?").ask == (
        "what is a peer bridger"
    )


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        ("what's the typical hourly pay for a certified peer specialist", "pay"),
        ("are peer services paid for by medicaid", None),
        ("how much should i self-disclose with a new client", "advice"),
        ("how many peer specialists does the VA employ right now", "current"),
        ("by what date did the VA finish hiring its peer counselors", "current"),
    ],
)
def test_pay_advice_and_live_counts(
    real_index: SnippetIndex, message: str, frame: str | None
) -> None:
    question = _read(real_index, message)
    assert (question.frame.id if question.frame else None) == frame


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        pytest.param(
            "we're a peer-run drop-in, where do peer specialists usually work?",
            "where do peer specialists usually work",
            id="we-are-a",
        ),
        pytest.param(
            "as a new supervisor, what does a recovery coach do?",
            "what does a recovery coach do",
            id="as-a",
        ),
        pytest.param(
            "county planner here, how many states certify peer specialists?",
            "how many states certify peer specialists",
            id="role-here-clause",
        ),
    ],
)
def test_who_is_asking_is_context_beside_the_question(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    assert _read(real_index, message).ask == ask


def test_a_question_ending_in_here_is_not_who_is_asking(real_index: SnippetIndex) -> None:
    assert "medicaid" in _read(real_index, "does medicaid pay here, or not?").words


def test_them_takes_no_words_from_after_the_question(real_index: SnippetIndex) -> None:
    question = _read(real_index, "how can peer workers help them? we see many bipolar clients.")
    assert "bipolar" not in question.words


def test_who_is_asking_as_its_own_sentence_can_be_pointed_back_at(
    real_index: SnippetIndex,
) -> None:
    # "is that typical" points back at the sentence before it, which must survive.
    question = _read(
        real_index, "we're a recovery cafe and just hired a peer specialist. is that typical?"
    )
    assert "recovery" in question.words and "cafe" in question.words


def test_a_weak_ask_keeps_a_place_its_context_names(real_index: SnippetIndex) -> None:
    # Nevada is in no passage, so it adds no coverage; it must still reach the place check.
    question = _read(real_index, "35 states fund peer support. which ones? is ours one (Nevada)")
    assert "nevada" in question.words
    assert [place.id for place in question.places] == ["nevada"]


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        ("heard SAMHSA gave grants to consumer networks, how much was it?", "money"),
        ("how big was the UK dual diagnosis pilot study?", "how-many"),
        ("how long were the interviews in the DDA study?", "length"),
        ("how long does the certification course take?", "duration"),
        ("did the VA end up actually hiring its peer counselors?", "current"),
        ("in the DDA pilot how many were men vs women?", "demographics"),
        ("what were their ages in the Hong Kong study", "demographics"),
        ("where does the money for peer programs mostly come from nowadays?", "funding"),
        ("what titles do people doing peer work go by?", None),
        ("does my client have bipolar or is it just stress?", "medical"),
        ("what does knowledge sharing with people who have bipolar disorder revolve around?", None),
        ("what is the main source of funding for peer programs?", "funding"),
        ("what was the source of funding for the youth peer study?", "study-funder"),
    ],
)
def test_amounts_sizes_lengths_follow_through_and_sample_make_up(
    real_index: SnippetIndex, message: str, frame: str | None
) -> None:
    question = _read(real_index, message)
    assert (question.frame.id if question.frame else None) == frame


def test_them_points_back_at_the_statement_before_the_question(real_index: SnippetIndex) -> None:
    question = _read(
        real_index, "we have several clients with bipolar disorder. how can peer workers help them?"
    )
    assert "bipolar" in question.words
    # Without a statement before it, "them" adds nothing.
    assert _read(real_index, "how can peer workers help them?").ask == (
        "how can peer workers help them"
    )


_PIECES = [
    "w/", "w/o", "$$", "$", "&", "#s", "#1", "the VA", "VA", "certified peer", "ppl", "re:",
    "vs.", "US", "us", "peer", "support", "specialist", "lol", "i.e.", "e.g.", "WHO", "who",
]  # fmt: skip


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.sampled_from(_PIECES).map(str.upper),
            st.sampled_from(_PIECES).map(str.title),
            st.text(alphabet="abcdefsuvw$/&#.:'’ -1", max_size=6),
            st.text(max_size=4),
        ),
        max_size=10,
    ),
    joiners=st.lists(
        st.sampled_from(["", " ", "  ", "/", "-", "'", ", ", "$", "—", " 👋 ", "\u0301", "Ⓐ"]),
        max_size=10,
    ),
)
def test_shorthand_prefilter_agrees_with_running_the_regex(
    real_index: SnippetIndex, parts: list[str], joiners: list[str]
) -> None:
    """Skipping the shorthand regex on text that cannot match it changes no text."""
    text = "".join(part + (joiners[n] if n < len(joiners) else " ") for n, part in enumerate(parts))
    lexicon = real_index.kb.lexicon
    assert _shorthand_replacer(lexicon)(text) == _shorthand_replacer(lexicon, prefilter=False)(text)


@pytest.mark.parametrize(
    "text",
    [
        "ppl w/ SMI — any data?",
        "hey 👋 what do CPSs do w/o a supervisor",
        "peer\u0301 support vs. the VA",
        "the \u212aelvin VA",  # the Kelvin sign is a case of "k": the regex reads it
        "ſupport ppl",
        "İ think ppl",
        "Ⓐ ppl Ⓥⓐ",
        "—w/—",
    ],
)
def test_shorthand_prefilter_agrees_on_text_beyond_ascii(
    real_index: SnippetIndex, text: str
) -> None:
    """A dash or an emoji leaves the pieces to the prefilter; a letter beyond ASCII (which may
    be a case of an ASCII one) to the regex: the same text either way."""
    lexicon = real_index.kb.lexicon
    assert _shorthand_replacer(lexicon)(text) == _shorthand_replacer(lexicon, prefilter=False)(text)


# Text made of what the sentence and alternative patterns look for, and what sits around it.
_REGEX_TEXT = st.lists(
    st.sampled_from(
        [
            "a", "or", " or ", "whether", "something", " nah", " not", " is it", " my",
            " and what ", ", but how ", "?", "!", ". ", ".", ":", ";", ",", "(", ")", " - ", "—",
            "\n", " ", "  ", "2", "2.3", "16. a", "x",
        ]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(text=_REGEX_TEXT)
def test_sentence_split_is_the_same_with_the_separator_start_check(text: str) -> None:
    """The check that a separator can start here (`_SEPARATOR_START`) skips only positions where
    no separator starts: the split is the alternatives' own."""
    alternatives = _SENTENCE_RE.pattern.removeprefix(_SEPARATOR_START + "(?:").removesuffix(")")
    assert _SENTENCE_RE.pattern == _SEPARATOR_START + "(?:" + alternatives + ")"
    assert _SENTENCE_RE.split(text) == re.compile(alternatives).split(text)


@settings(max_examples=3000, deadline=None)
@given(text=_REGEX_TEXT)
def test_alternative_not_after_whether_checked_after_or_finds_the_same(text: str) -> None:
    """An " or " not after "whether", checked once " or " matched, is found where the
    lookbehind before it found it."""
    before = re.compile(_ALTERNATIVE_RE.pattern.replace(" or (?<!whether or )", "(?<!whether) or "))
    assert before.pattern != _ALTERNATIVE_RE.pattern
    found, expected = _ALTERNATIVE_RE.search(text), before.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_wanting_to_understand_is_how_the_ask_begins(real_index: SnippetIndex) -> None:
    """ "trying to understand why ..." says the asker wants an answer, not what it is about."""
    assert _read(real_index, "trying to understand why peers leave").ask == "why peers leave"


def test_the_organization_points_back_at_the_one_named_before(real_index: SnippetIndex) -> None:
    """ "Who pays for Peers for Progress, and where is the organization based?": the ask read
    is the second, and "the organization" is Peers for Progress, named in the first."""
    question = _read(
        real_index, "Who pays for Peers for Progress, and where is the organization based?"
    )
    assert {"organization", "progress"} <= set(question.words)
    assert not real_index.search(question.text).answered


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        (
            "my director asked me how many states certify peer specialists. anyone got a number?",
            "how many states certify peer specialists",
        ),
        (
            "a board member was asking how peer programs get funded. anyone know?? thx",
            "how peer programs get funded",
        ),
        (
            "board keeps asking how we will keep money coming. what is the main funding source"
            " for peer services?",
            "what is the main funding source for peer services",
        ),
    ],
)
def test_a_question_reported_in_a_statement_is_the_ask(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    """ "My director asked me how many states ...": the question reported is the ask when the
    message asks nothing more of substance ("anyone got a number?"), even when the sentence
    reads as who asks and why; a real question after it still wins."""
    assert _read(real_index, message).ask == ask


def test_a_quick_version_is_how_the_answer_should_read(real_index: SnippetIndex) -> None:
    """ "what does the evidence say, quick version pls": a format, not what is asked about."""
    question = _read(real_index, "is peer support effective, quick version pls")
    assert "version" not in question.words
    assert real_index.search(question.text).answered


def test_a_lone_lower_case_w_is_with(real_index: SnippetIndex) -> None:
    """ "clients w SUD": "w/" with its slash dropped; an initial in a name ("Winnie W. Y.") is
    capitalised and stays."""
    assert "with" in _read(real_index, "do clients w SUD do well w peer support?").words
    assert "w" not in _read(real_index, "do clients w SUD do well w peer support?").words


def test_a_topic_put_first_says_who_they_are(real_index: SnippetIndex) -> None:
    """ "that bipolar study in hk - how many ppl did they interview?": the fragment before the
    dash asks nothing and names what "they" is; a longer statement before the question does not
    (an asker's context is not read into every "they")."""
    fronted = _read(real_index, "that bipolar study in hk - how many ppl did they interview?")
    assert {"bipolar", "interview"} <= set(fronted.words)
    told = _read(
        real_index,
        "our program has worked with many people with bipolar disorder for years now."
        " what do peer specialists do and what do they earn?",
    )
    assert "bipolar" not in told.words


def test_one_reading_splits_and_cleans_each_text_once_with_the_same_results(
    real_index: SnippetIndex,
) -> None:
    """`QuestionReader.read` keeps what it works out for a text (its words, its terms, the
    sentence without chatter) for the rest of that reading: every evaluation and hostile
    question reads the same as when each step works everything out again (the reader's steps
    called outside a reading, where nothing is kept)."""
    from bot import question as module
    from bot import tokenize as plain
    from tests.golden_answers import golden_questions

    reader = real_index.reader
    for _, text in golden_questions():
        assert module._READING.get() is None
        assert reader.read(text) == reader._read(text, *reader.reduce(text)), text
    # Inside a reading a text is split once and its words shared; outside, split afresh.
    memo = module._Memo()
    token = module._READING.set(memo)
    try:
        first = module.words("Hey, what do CPSs do?")
        assert module.words("Hey, what do CPSs do?") is first
        assert list(first) == plain.words("Hey, what do CPSs do?")
        assert list(module.tokenize("peer specialists")) == plain.tokenize("peer specialists")
        # A text's terms are stemmed from the words kept for it.
        assert set(memo.words) == {"Hey, what do CPSs do?", "peer specialists"}
        assert set(memo.terms) == {"peer specialists"}
    finally:
        module._READING.reset(token)
    assert module.words("Hey, what do CPSs do?") is not module.words("Hey, what do CPSs do?")


def test_the_frame_filing_finds_the_frames_whose_cues_could_match(
    real_index: SnippetIndex,
) -> None:
    """Frames are filed by their cue word sets' rarest words, without a set holding a smaller
    one of its own frame (`bot.question._frame_filing`): the frames found for a text's words
    are exactly those whose cue list could match it (`Cues.possible`), on every evaluation and
    hostile question (its ask, and all of the message's words)."""
    from bot.tokenize import words
    from tests.golden_answers import golden_questions

    reader = real_index.reader
    frames = [reader._frame_cues(n) for n in range(len(reader.lexicon.frames))]
    for _, text in golden_questions():
        for present in (frozenset(reader.read(text).words), frozenset(words(text))):
            expected = [n for n, (_, cues, _, _) in enumerate(frames) if cues.possible(present)]
            assert reader._possible_frames(present) == expected, text


def test_a_set_holding_another_is_found_as_comparing_every_pair_finds_it() -> None:
    """`_holds_another` looks up a set's smaller combinations (of the sizes the sets have)
    instead of comparing it with every set: the same answer as that comparison, on sets of
    every size around `_FEW_WORDS`."""
    import random

    from bot import question as module

    rng = random.Random(12)
    vocabulary = [f"w{n}" for n in range(9)]
    for _ in range(400):
        sets = {
            frozenset(rng.sample(vocabulary, rng.randint(1, module._FEW_WORDS + 2)))
            for _ in range(rng.randint(1, 12))
        }
        sizes = {len(word_set) for word_set in sets}
        for word_set in sets:
            expected = any(other < word_set for other in sets)
            assert module._holds_another(word_set, sets, sizes) == expected


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        pytest.param(
            "does peer support lower readmissions? my boss swears it halves them, is that right?",
            "does peer support lower readmissions",
            id="a-claim-checked-after-the-question",
        ),
        pytest.param(
            "how many states certify peers - a colleague said forty, is that in our sources?",
            "how many states certify peers",
            id="a-figure-checked-after-the-question",
        ),
    ],
)
def test_a_tag_gives_way_to_a_question_of_its_own(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    """ "<question>? <claim>, is that right?": the tag asks whether the claim holds; the
    question of its own is what the message asks."""
    assert _read(real_index, own(message)).ask == ask


def test_a_tag_alone_is_still_the_ask(real_index: SnippetIndex) -> None:
    """ "<experience>. is that common?": with no other question, the tag (and what it points
    at) is the ask."""
    ask = _read(real_index, own("our peers get left out of team meetings. is that common?")).ask
    assert "team" in ask


def test_those_settings_point_back(real_index: SnippetIndex) -> None:
    """ "<places named>. any research on peers in those settings?": "those" points back at
    the places named before, which the ask then holds."""
    ask = _read(
        real_index,
        own(
            "we might place peer staff in the local prison and a psych unit. any studies on peers "
            "in those settings?"
        ),
    ).ask
    assert "prison" in ask
    # "these days" is when, and "those who" says who: neither points back.
    assert _POINTING_RE.search("is medicaid a big payer for peers these days") is None
    assert _POINTING_RE.search("is there research on outcomes for those who drop out") is None


def test_a_request_after_an_errand_is_found_in_any_comma_clause() -> None:
    """The clauses are split at the message's commas: a first clause opened by a question word
    ("what a week") does not hide the errand's request in the next one; an empty clause names
    no request."""
    from bot.question import _needed_after_errand, _needs_after_errand

    assert _needs_after_errand(
        "what a week, writing a grant narrative and need the number of states",
        "the number of states",
    )
    assert _needed_after_errand("") is None
    assert _needed_after_errand("   ") is None


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("my boss wants to know if peer support saves money", "if peer support saves money"),
        (
            "my director asked me whether peer support reduces hospitalization",
            "whether peer support reduces hospitalization",
        ),
        (
            "ok so my ED wants to know if peer support actually saves money. anything?",
            "if peer support actually saves money",
        ),
    ],
)
def test_a_reported_yes_or_no_question_is_the_ask(
    real_index: SnippetIndex, text: str, ask: str
) -> None:
    """Who wants to know is not what is asked: a reported yes-or-no question ("wants to know if
    ...", "asked me whether ...") is the ask from its "if" or "whether" on, as a reported "how"
    or "what" question already was (round 23). Kept whole, "my ED wants to know if peer support
    saves money" was answered with a passage on payment sharing "peer support" and "money"."""
    assert _read(real_index, text).ask == ask


def test_a_reported_effect_question_keeps_its_frame_and_agent(real_index: SnippetIndex) -> None:
    answered = real_index.search(
        own("my director asked me whether peer support reduces hospitalization")
    )
    assert answered.answered and answered.frame == "effectiveness"
    assert answered.results[0].snippet_id == "bellamy2017-hospitalization-mixed"
    other = real_index.search(own("my boss wants to know if medication reduces hospitalization"))
    assert not other.answered and other.frame == "effectiveness"
    saves = real_index.search(own("ok so my ED wants to know if peer support actually saves money"))
    assert not saves.answered and saves.frame == "cost-effectiveness"
