"""Talk typed straight after a question, a wish to find out before it, and "it" pointing nowhere.

Slack messages often have no full stop between the question and what follows it ("how many
states certify peers we're a tiny nonprofit in kansas"), open with the wish to find something
out ("trying to figure out what ..."), or follow a line about the asker with a question whose
"it" is the "it" of "why is it hard to ...". Each must be read as its plain question is, so it
gets the same passage. The questions here are our own (`tests.own_questions`).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from bot.question import _restarts
from tests.own_questions import own


def _first_answers(index: SnippetIndex, question: str) -> tuple[bool, list[str]]:
    """Whether the question is answered, and by which passages. (A plain form compared with is
    no test question of its own, so it may stand in an evaluation file.)"""
    answer = index.search(question)
    return answer.answered, [result.snippet_id for result in answer.results]


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        pytest.param(
            "how many states certify peer specialists we're a tiny nonprofit in kansas",
            "how many states certify peer specialists",
            id="who-asks-after-the-question-names-a-state",
        ),
        pytest.param(
            "is peer support evidence based my director keeps asking",
            "is peer support evidence based",
            id="who-keeps-asking",
        ),
        pytest.param(
            "does peer support reduce hospital stays i'm a new case manager",
            "does peer support reduce hospital stays",
            id="who-asks-introduced",
        ),
        pytest.param(
            "where do peer mentors usually work need it for a job posting",
            "where do peer mentors usually work",
            id="why-asked",
        ),
        pytest.param(
            "what do peer bridgers do all day someone on our team says nobody knows?",
            "what do peer bridgers do all day?",
            id="question-mark-after-the-talk",
        ),
    ],
)
def test_talk_run_on_after_the_question_is_left_out(
    real_index: SnippetIndex, message: str, plain: str
) -> None:
    read = real_index.read(own(message))
    assert read.ask == real_index.read(plain).ask
    assert not read.required_places
    assert _first_answers(real_index, message) == _first_answers(real_index, plain)


@pytest.mark.parametrize(
    "message",
    [
        # What comes after "to", "when", "about" belongs to the question: no sentence starts there.
        "how do I explain peer work to my supervisor",
        "what should i say when my boss asks about peer certification",
        "is it a problem if we're a small agency without a peer supervisor",
        # A lead-in alone is no question to cut off.
        "hi my director keeps asking about peer certification",
    ],
)
def test_a_clause_bound_to_the_question_is_not_cut(message: str) -> None:
    assert _restarts(own(message)) == [message]


def test_the_question_mark_stays_with_the_question() -> None:
    message = own("can peers bill medicaid we're a new clinic?")
    assert _restarts(message) == ["can peers bill medicaid?", "we're a new clinic"]


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        pytest.param(
            "trying to figure out what peer bridgers do",
            "what peer bridgers do",
            id="trying-to-figure-out",
        ),
        pytest.param(
            "i need to know how many states certify peers",
            "how many states certify peers",
            id="need-to-know",
        ),
        pytest.param(
            "hey all, want to know where peer mentors usually work",
            "where peer mentors usually work",
            id="greeting-then-wish",
        ),
    ],
)
def test_a_wish_to_find_out_is_chatter_before_its_question(
    real_index: SnippetIndex, message: str, plain: str
) -> None:
    assert real_index.read(own(message)).ask == plain
    assert _first_answers(real_index, message) == _first_answers(real_index, plain)


def test_a_wish_after_a_question_says_why_it_was_asked(real_index: SnippetIndex) -> None:
    """The wish is the reason for the question before it, not a second question (its words,
    "private donors", would otherwise be the ask, and no passage is about them)."""
    message = "how are peer programs paid for? trying to figure out where private donors fit"
    assert real_index.read(own(message)).ask == "how are peer programs paid for"


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        pytest.param(
            "about six weeks in. why is it hard to get clinicians to accept peer staff?",
            "why is it hard to get clinicians to accept peer staff?",
            id="is-it-hard-to",
        ),
        pytest.param(
            "nearly a year in now. why was it so hard to integrate peers on clinical teams?",
            "why was it so hard to integrate peers on clinical teams?",
            id="was-it-so-hard-to",
        ),
    ],
)
def test_an_it_pointing_nowhere_takes_no_context(
    real_index: SnippetIndex, message: str, plain: str
) -> None:
    assert real_index.read(own(message)).ask == real_index.read(plain).ask
    assert _first_answers(real_index, message) == _first_answers(real_index, plain)


def test_an_it_pointing_back_still_takes_its_context(real_index: SnippetIndex) -> None:
    """An "it" that is what the question asks about ("is it good for loneliness") still reads
    the sentence before, which names it."""
    message = own("dual diagnosis anonymous. is it good for loneliness?")
    assert "dual diagnosis" in real_index.read(message).ask


@pytest.mark.parametrize(
    "message",
    [
        "are peer programs around the country all run on one model?",
        "does medicaid pay for peer support throughout the country?",
        "is peer support growing all over the US?",
    ],
)
def test_the_whole_country_is_the_sources_default_place(
    real_index: SnippetIndex, message: str
) -> None:
    """The scope the sources already have ("around the country", "across the US"): those words
    need no passage of their own and require no place."""
    read = real_index.read(own(message))
    assert [place.id for place in read.places] == ["usa"]
    assert not read.required_places
    assert real_index.search(message).answered


def test_a_job_named_before_is_what_that_job_points_at(real_index: SnippetIndex) -> None:
    """ "what does that job involve?" asks about the role the sentence before named: a title the
    sources only list is told so, not answered with another role's duties."""
    message = own("my neighbor just started as a peer bridger - what does that job involve?")
    answer = real_index.search(message)
    assert "peer bridger" in real_index.read(message).ask
    assert not answer.answered
    assert answer.frame == "duties"
    assert answer.missing is not None


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        pytest.param(
            "do peer mentors bill medicaid, if that makes sense?",
            "do peer mentors bill medicaid",
            id="if-that-makes-sense",
        ),
        pytest.param(
            "can a recovery coach run groups alone... or am i overthinking this",
            "can a recovery coach run groups alone",
            id="or-am-i-overthinking",
        ),
        pytest.param(
            "peer support for veterans or nah",
            "peer support for veterans",
            id="or-nah",
        ),
        pytest.param(
            "following up on monday's thread - who pays for peer bridgers?",
            "who pays for peer bridgers",
            id="following-up-on-a-thread",
        ),
        pytest.param(
            "qq - where do family peer navigators work?",
            "where do family peer navigators work",
            id="qq",
        ),
        pytest.param(
            "so like, what do peer mentors earn?",
            "what do peer mentors earn",
            id="so-like",
        ),
        pytest.param(
            "who pays for peer bridgers? any sense?",
            "who pays for peer bridgers",
            id="any-sense",
        ),
        pytest.param(
            "is the CPS role new any insight",
            "is the cps role new",
            id="any-insight-run-on",
        ),
        pytest.param(
            "should peers be supervised by other peers or by clinicians? whats best practice",
            "should peers be supervised by other peers or by clinicians",
            id="whats-best-practice",
        ),
        pytest.param(
            "what's a CRSS? keep seeing it in job posts",
            "what s a certified recovery support specialist",
            id="keep-seeing-it",
        ),
        pytest.param(
            "what is a family support navigator, came across it in a job ad",
            "what is a family support navigator",
            id="came-across-it",
        ),
    ],
)
def test_what_the_asker_says_of_the_question_is_chatter(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    assert real_index.read(own(message)).ask == ask


def test_a_question_pointing_back_for_data_gives_way_to_the_question_before(
    real_index: SnippetIndex,
) -> None:
    """A tag such as "- any info on that?" names nothing: its rarer words ("info") must not
    make it the ask over the question before it, then be matched on passages saying
    "information"."""
    message = own("where's the team retreat this spring - any info on that?")
    assert real_index.read(message).ask == "where s the team retreat this spring"
    assert not real_index.search(message).answered


def test_an_it_question_weighing_two_things_is_no_tag_on_the_line_before(
    real_index: SnippetIndex,
) -> None:
    """A question such as "is it more important to ..." is no "is it common?" tag pointing at
    the line before: a line about the asker ("three weeks into my first peer job") stays out of
    the ask."""
    message = own(
        "three weeks into my first peer job. is it more important to share knowledge or to get "
        "where clients are coming from?"
    )
    read = real_index.read(message)
    assert read.ask.startswith("is it more important")
    answer = real_index.search(message)
    assert answer.results[0].snippet_id == "tse2019-empathy-over-knowledge"


@pytest.mark.parametrize(
    "question",
    [
        "do peers mostly need to get where people are coming from?",
        "is getting what someone is going through more important than giving advice?",
    ],
)
def test_getting_where_someone_comes_from_is_empathic_understanding(
    real_index: SnippetIndex, question: str
) -> None:
    """The everyday idiom for understanding someone finds the passage saying "an empathic
    understanding of the clients' experience"."""
    answer = real_index.search(own(question))
    assert "tse2019-empathy-over-knowledge" in [result.snippet_id for result in answer.results]


@pytest.mark.parametrize(
    "question",
    [
        "do certified peer specialists help members write a WRAP?",
        "can peer specialists help people draft their wellness recovery action plans?",
    ],
)
def test_helping_write_a_wrap_is_what_the_activities_passage_says(
    real_index: SnippetIndex, question: str
) -> None:
    """A plan is written or drafted as well as "developed": whether peers help with it is what
    the passage listing their activities says."""
    answer = real_index.search(own(question))
    assert answer.answered
    assert answer.results[0].snippet_id == "peersforprogress-activities"


@pytest.mark.parametrize(
    "question",
    [
        "how do I help a member put together a WRAP?",
        "how can i help someone write their wellness recovery action plan?",
    ],
)
def test_how_to_help_with_a_wrap_is_practice_no_source_teaches(
    real_index: SnippetIndex, question: str
) -> None:
    """A question such as "how do I help ..." asks how to do it oneself, not whether peers
    help: declined."""
    answer = real_index.search(own(question))
    assert not answer.answered
    assert answer.frame != "effectiveness"


def test_a_short_tag_question_does_not_answer_an_off_topic_message(
    real_index: SnippetIndex,
) -> None:
    """A tag such as "any sense?" after a question the sources cannot answer: its word "sense"
    ("made sense of the knowledge") must not be what is answered."""
    message = own("what's the guest wifi code? any sense?")
    assert not real_index.search(message).answered


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        pytest.param(
            "do researchers really think peer bridgers cut readmissions or is that hype",
            "do peer bridgers cut readmissions",
            id="researchers-really-think",
        ),
        pytest.param(
            "do experts actually believe peer support cuts hospital stays?",
            "does peer support cut hospital stays?",
            id="experts-actually-believe",
        ),
    ],
)
def test_whose_opinion_is_asked_is_no_topic(
    real_index: SnippetIndex, message: str, plain: str
) -> None:
    """In "do experts think <claim>" the claim is what is asked; "experts" and "researchers" are
    no topic a passage must be about (one says "experts have called for ..." on another
    matter)."""
    read = real_index.read(own(message))
    assert "experts" not in read.ask and "researchers" not in read.ask
    assert real_index.search(message).answered == real_index.search(plain).answered
    first = [r.snippet_id for r in real_index.search(message).results][:1]
    assert first == [r.snippet_id for r in real_index.search(plain).results][:1]


def test_whether_experts_agree_is_what_is_asked(real_index: SnippetIndex) -> None:
    """Not "do experts agree on ...": the agreement is the question."""
    read = real_index.read(own("do experts agree on what peer mentors should do?"))
    assert "agree" in read.ask
