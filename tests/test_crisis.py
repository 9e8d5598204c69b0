"""Crisis wording adds the crisis notice; ordinary questions never get it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.crisis import _PATTERNS, _crisis_re, mentions_crisis, without_crisis_wording
from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "text",
    [
        "who do I call if a client is suicidal after hours?",
        "My client said she wants to kill herself",
        "he talked about ending his life",
        "client OD'd last night, what do peers do?",
        "overdose response for recovery coaches",
        "SELF-HARM and peer support",
        "she has been cutting herself",
        "he says he wants to die",
        "Suicide prevention role of peer specialists",
        # Said indirectly, as clients put it and staff paste it.
        "client texted last night saying they dont want to be here anymore",
        "she told me she doesn't want to wake up",
        "he said he can't go on like this",
        "thinking about ending it all",
        "client keeps joking about wanting to unalive himself",
        "my client tried to take her own life last year",
        "he keeps talking about taking his own life",
        "said she's going to jump off the bridge tonight",
        "asked me how many pills it would take",
        "says life isn't worth living anymore",
        "she's tired of living",
        "doesn't see the point of going on",
        "thinks everyone would be better off without him",
        "says nobody would miss her",
        "not planning on being around much longer and gave away his dog",
        "wants to sleep and never wake up",
        "wrote a goodbye letter to her kids",
        "told group he won't be a problem for anyone much longer",
        "cutting again, wants it all to stop",
        "feels like a burden to everyone",
        "keeps thinking about taking all her pills at once",
        "said he has a gun at home and thinks about using it on himself",
        "im gonna kms",
        "says she has nothing left to live for",
        "they've given away all their stuff",
        "she left a goodbye letter for her kids",
        "found a goodbye note my client wrote to his parents",
        "a participant told me he put a gun to his head yesterday",
        "client turned a gun on herself",
        "he said he has a gun and a plan",
        "client said she's not planning on being here much longer",
        "guy in group said he's not going to be around after this week",
        "he said he is going to swallow a whole bottle of pills",
        "she's been giving her belongings away and talking about dying",
        "my client said he took a bunch of pills at once last night",
        "client took like 30 pills",
        "a member of my group said he wants to hang himself",
        "she keeps having thoughts of ending things",
        "he told me he'd jump in front of a train after work",
        "one of our members hung himself last month",
        "my peer said he'd step in front of a bus",
        "she said she's going to shoot herself",
        "client keeps talking about a noose",
        "she said she'd slit her wrists",
        "guy said he might walk into traffic",
        "she keeps saying everyone would be better without her",
        "client has been cutting again",
        "he says he is going to end it tonight",
        "whats the number for the crisis line again?",
        "what's the crisis hotline number",
        "need the crisis line number for our flyer",
        "what's the suicide hotline again",
        "need the hotline number for a client tonight",
        "can peers give out 988",
    ],
)
def test_crisis_wording_is_spotted(text: str) -> None:
    assert mentions_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "How many states certify peer specialists?",
        "budget cutting for peer programs",
        "do insurers pay for peers?",
        "killer app for scheduling",
        "what is the dosage of support peers need",
        "the odds of getting certified",
        "peers who want to be here for the long haul",
        "can we go on to the next step of certification?",
        "no one would notice if we moved the meeting",
        "we want it to stop raining before the picnic",
        "i won't be around next week, can someone cover group?",
        "is peer support worth it for our budget?",
        "our director won't be around much longer, she's retiring in may",
        "client took her meds late this morning",
        "we're ending things with our old scheduling vendor",
        "how do peers hang up on a cold call politely",
        "we're thinking about ending it with our current EHR vendor",
        "the new contract is going to end things for our drop-in center",
        "budget cutting again this year",
        "do peer-run warmlines cut crisis line calls?",
        "what share of our budget goes to the crisis line",
        "we run a peer warmline, not a hotline. is there research on warmlines?",
        "medicaid is basically a lifeline for our program lol. how many states reimburse CPS?",
        "",
    ],
)
def test_ordinary_questions_are_not_flagged(text: str) -> None:
    assert not mentions_crisis(text)


def test_answer_carries_the_flag(real_index: SnippetIndex) -> None:
    flagged = real_index.search("client is suicidal, does peer support reduce hospitalization?")
    assert flagged.crisis
    plain = real_index.search("does peer support reduce hospitalization?")
    assert not plain.crisis
    assert flagged.answered and plain.answered
    assert flagged.results[0].snippet_id == plain.results[0].snippet_id


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    assert mentions_crisis(text) in (True, False)


def test_a_message_in_crisis_wording_gets_the_notice_not_a_quoted_answer(
    real_index: SnippetIndex,
) -> None:
    """Someone may be in danger: the notice is the answer, and a passage that matched other
    words ("she wants to end it all" matched role ambiguity) is not shown, even as related."""
    answer = real_index.search("my client said she wants to end it all")
    assert answer.crisis and not answer.answered
    assert answer.missing is not None and "crisis" in answer.missing
    assert answer.related == ()


@pytest.mark.parametrize(
    "question",
    [
        "my client told me she's thinking about ending her life, what should I do",
        "peer on my team says a guy in group talked about suicide. how do I respond?",
        "member texted that he took a bunch of pills, who do I call",
    ],
)
def test_a_declined_crisis_message_shows_no_related_passages(
    real_index: SnippetIndex, question: str
) -> None:
    """A passage on hope or role models that matched the story reads as a reply to someone's
    danger: a crisis message that is not answered gets the notice and what is missing only."""
    answer = real_index.search(own(question))
    assert answer.crisis and not answer.answered
    assert answer.related == ()


@pytest.mark.parametrize(
    "question",
    [
        "whats the number for the crisis line again?",
        "quick one - what's that suicide hotline number",
        "hey what do i call for the crisis line",
    ],
)
def test_asking_for_the_crisis_line_gets_the_notice_not_a_vague_reply(
    real_index: SnippetIndex, question: str
) -> None:
    """The notice (988) is what someone asking for the crisis line needs, maybe now; under it
    the reply says the sources hold no answer, not that the question is too vague."""
    answer = real_index.search(own(question))
    assert answer.crisis and not answer.answered
    assert not answer.vague
    assert answer.missing is not None and "crisis" in answer.missing


def test_odd_is_not_an_overdose() -> None:
    assert not mentions_crisis("curious if I'm the odd one out on my team")
    assert mentions_crisis("he OD'd last night")


def _spellings(items: Any) -> list[str]:
    """Every string a parsed pattern (`re._parser`) matches, with one letter for a character
    class and at most two repeats: enough to see which literal runs every match holds."""
    found = [""]
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            options = [chr(value)]
        elif name == "IN":
            options = [chr(v) for kind, v in value if str(kind) == "LITERAL"] or ["q"]
        elif name == "BRANCH":
            options = [s for branch in value[1] for s in _spellings(branch)]
        elif name == "SUBPATTERN":
            options = _spellings(value[-1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, inner = value
            once = _spellings(inner)
            options = [""] * (low == 0) + once + [a + b for a in once for b in once] * (high > 1)
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # matches nothing of its own: it only rules matches out
        elif name == "CATEGORY":
            options = ["q"]
        else:
            raise AssertionError(f"unexpected {name} in a crisis pattern")
        found = [head + option for head in found for option in options]
    return found


def test_every_crisis_match_holds_one_of_its_pieces() -> None:
    """The prefilter (`_may_match`) is exact: every string a wording's pattern matches holds
    one of the pieces listed with it, so a text holding none of them is matched by none."""
    from re import _parser  # type: ignore[attr-defined]

    for pieces, pattern in _PATTERNS:
        spellings = _spellings(_parser.parse(pattern))
        assert spellings, pattern
        for spelled in spellings:
            assert any(piece in spelled for piece in pieces), (pattern, spelled)


@pytest.mark.parametrize("text", ["", "ordinary question", "She wants to END it all!  now"])
def test_without_crisis_wording_is_the_folded_text_when_nothing_matches(text: str) -> None:
    folded = " ".join(text.lower().split())
    spelled = without_crisis_wording(text)
    assert spelled == " ".join(_crisis_re().sub(" ", folded).split())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "she he my him herself himself self harm wants to end it all kill over dose od'd "
            "life own took pills meds noose cut cutting again better off without me tonight "
            "suicide goodbye note burden things away stuff point no the see gun head".split()
        ),
        max_size=8,
    ).map(" ".join)
)
def test_wording_by_wording_is_the_whole_pattern(text: str) -> None:
    """Searching only the wordings whose pieces the text holds answers as the whole pattern."""
    assert mentions_crisis(text) == (_crisis_re().search(" ".join(text.split())) is not None)
