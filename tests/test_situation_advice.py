"""Questions about one person the asker deals with are advice, whatever their wording (round 21).

The `advice` frame's cues are first-person wordings ("what should I do", "should I tell"); a
message such as "client keeps calling me after hours, is that ok" matched none, and BM25 quoted
a passage sharing "hours" as the answer. `bot.situation` reads the shape instead: a particular
person ("my client", "a peer on my team", "a guy I support") and a request to act, for
permission or for counsel ("do I tell", "is that ok", "what now", "thoughts?"). Research
questions naming clients in general keep their answers. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from bot.situation import about_someone
from tests.own_questions import assert_partial, own

ADVICE_MISSING = "advice on a particular situation (ask your supervisor or clinical lead)"

# One person and a request, worded outside the advice frame's cue list.
SITUATIONS = [
    "one of my clients stopped taking her lithium. do i let her prescriber know?",
    "a client of mine keeps texting me on weekends. is that ok?",
    "my client told me she's been drinking again, thoughts?",
    "guy on my caseload wants to meet at a bar, is that alright",
    "my coworker on the peer team relapsed last week. now what?",
    "a member of my group keeps showing up high, do i kick him out?",
    "my client asked me to drive him to court, can i?",
    "client gave me a $20 gift card for the holidays, is that ok to keep",
    "my client with schizophrenia is skipping her injections, do i call her case manager?",
    "he's my client and he wants my personal number. is that fine?",
    "a client who i work with wants to be friends on instagram, ok or not?",
    "client hasn't shown up in 3 weeks and won't answer her phone. next steps?",
    "my supervisee is burning out and crying in sessions, what now",
    "a peer on my team told me he's been using, do i report him?",
    "my client is refusing to go to her psych appointment, should she go?",
    "our peer specialist keeps being late and clients are complaining. thoughts?",
    "my client wants me to come to her wedding, is that allowed?",
    # The person without an article, in a group of one's own, or "a client who ...".
    "lady i work with at the clubhouse asked to borrow my car, can i say yes?",
    "a participant in my WRAP group disclosed abuse, do i have to report it",
    "there's a client who keeps following me to my car after group. advice?",
    "client's daughter wants updates on him, am i allowed to share?",
    # Asking whether it is all right in a word of its own.
    "my client wants me to be her emergency contact. ok?",
]

# Research questions that name clients, peers or someone the asker knows, and ask nothing of
# the asker: (question, the passage answering it first).
RESEARCH = [
    ("do clients of peer specialists get better", "rogers2017-landscape-reviewed"),
    ("how do peers help clients with bipolar", "tse2019-bipolar-help"),
    ("do clients with bipolar find peer workers useful?", "tse2019-medication-not-useful"),
    ("what do clients say about working with peer support workers", "tse2019-role-models"),
    (
        "do clients who get peer support have fewer hospitalizations",
        "bellamy2017-hospitalization-mixed",
    ),
    (
        "how do peer specialists help clients stay on medication",
        "tse2019-medication-not-useful",
    ),
    ("do peers on a team improve client outcomes", "bellamy2017-hope-empowerment"),
    ("what do clients value in peer support", "tse2019-medication-not-useful"),
    ("how do clients with bipolar use knowledge from peer workers", "tse2019-hope-instilling"),
    ("do peer workers help clients with their medication?", "tse2019-medication-not-useful"),
    ("how do clients feel about peer workers who disclose", "tse2019-empathy-over-knowledge"),
    ("my team wants to know how many states certify peers", "lafrance2017-states-certify"),
    (
        "my supervisor asked me how many states certify peers. thoughts?",
        "lafrance2017-states-certify",
    ),
    # Whether something is normal or typical asks what research describes.
    (
        "is it normal for peers to spend most of their time in the community?",
        "peersforprogress-site-vs-community",
    ),
    ("how do peers deal with role ambiguity on clinical teams", "rogers2017-role-ambiguity"),
    ("what do clients with bipolar learn from peer workers", "tse2019-expert-by-experience"),
    ("can peers work with youth?", "halsall2021-youth-mechanisms"),
]

# Neither a particular person with a request, nor advice by this reading (whatever else the
# frames make of them).
NOT_SITUATIONS = [
    "is peer support ok for clients with schizophrenia",
    "is it ok for peers to share their own story with clients",
    "what now for peer certification in california",
    "thoughts on the evidence for peer support in hospitals?",
    "is it ok to call peers paraprofessionals",
    "how should we evaluate outcomes in our peer program",
    "which laws should i mention in my peer support module?",
    "our peer team is growing fast, thoughts?",
    "my clients keep asking whether peer support works, where can i find a study to show them?",
    "my boss wants to know what a peer specialist earns",
    "can i become a peer specialist with a felony",
    "how do peers on my team compare with clinicians on outcomes?",
    "what do peer workers do when a client is in crisis",
    "my coworker said peers reduce hospitalizations by half, is that true?",
    "our peers are out in the community all day, is that typical?",
    "my peers are on the road all day doing case management, is that normal?",
    "how do peers help a client who stopped taking her meds?",
    "can a peer specialist work with family members of clients",
    "my client keeps asking if peer support works, is there a study i can show her?",
    # Something to find out, relayed from someone or asked of what is known.
    "my manager wants a list of the settings peers work in. help?",
    "do we actually know if peers improve client outcomes? my boss keeps asking",
    "where can i find a peer training near me? my supervisor said yes",
]


@pytest.mark.parametrize("question", SITUATIONS)
def test_one_person_and_a_request_is_advice(real_index: SnippetIndex, question: str) -> None:
    assert about_someone(own(question))
    assert_partial(real_index, question, "advice", ADVICE_MISSING)


@pytest.mark.parametrize(("question", "first"), RESEARCH)
def test_research_questions_naming_clients_keep_their_answers(
    real_index: SnippetIndex, question: str, first: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame != "advice", question
    assert answer.answered, question
    assert answer.results[0].snippet_id == first, question


@pytest.mark.parametrize("question", NOT_SITUATIONS + [q for q, _ in RESEARCH])
def test_no_particular_person_or_no_request_is_not_this_shape(question: str) -> None:
    assert not about_someone(own(question))


def test_a_frame_the_sources_cannot_answer_keeps_the_question(real_index: SnippetIndex) -> None:
    """A clinical act asked about one client stays scope of practice (who sets it), not advice."""
    question = own("my client begs me to adjust her meds, am i allowed to adjust her dose?")
    assert about_someone(question)
    answer = real_index.search(question)
    assert answer.frame == "scope-of-practice"
    assert not answer.answered


# Whether peers in general should tell those they serve about their own illness or recovery:
# self-disclosure, a matter of practice the sources only name as a research topic. Read as
# research questions, these were answered with passages sharing "diagnosis" or "addiction".
SELF_DISCLOSURE = [
    "should peer workers disclose their diagnosis to the people they serve?",
    "is it ok for recovery coaches to tell clients about their own addiction?",
    "when should a peer specialist share their recovery story w/ a new client",
    "should a CPS disclose that they were hospitalized?",
]


@pytest.mark.parametrize("question", SELF_DISCLOSURE)
def test_self_disclosure_asked_of_peers_in_general_is_advice(
    real_index: SnippetIndex, question: str
) -> None:
    assert_partial(real_index, question, "advice", "advice on a particular situation")


def test_research_on_self_disclosure_is_still_a_research_question(
    real_index: SnippetIndex,
) -> None:
    """What the research says names no practice to follow: the passage naming research on
    self-disclosure answers it."""
    answer = real_index.search(own("is there any research on peer self-disclosure?"))
    assert answer.frame != "advice"
    assert "rogers2017-core-conditions" in [r.snippet_id for r in answer.results]
