"""A figure the question claims that the sources do not give is not quoted as confirmed.

"The VA hired 8,000 peers, right?" is on the passage saying the VA will "hire 800 peer-to-peer
support counselors"; quoting it as the answer would confirm 8,000. The passage is shown as
related, and the reply says which figure the sources do not give (and theirs, when one passage
gives one of the kind). A figure the sources give is answered as before; a number that sets the
asker's own scene, a span of time or a code claims nothing. Questions of our own, several
phrasings per case (`tests.own_questions`).
"""

from __future__ import annotations

import re

import pytest
import yaml

from bot import figures as figures_module
from bot.figures import Given, claimed_figures, passage_figures
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase
from bot.tokenize import words
from tests.conftest import PROJECT_ROOT
from tests.own_questions import own

VA = "peersforprogress-va-800"
SAMHSA = "peersforprogress-samhsa-2-3-million"
CERTIFY = "lafrance2017-states-certify"
MIXED = "bellamy2017-hospitalization-mixed"
ONE_IN_FOUR = "goutam2020-one-in-four"
SALZER = "peersforprogress-salzer-survey"


def _related(index: SnippetIndex, question: str, missing: str, passage: str) -> None:
    """Not answered; the reply says `missing` and shows the passage as related."""
    answer = index.search(own(question))
    assert not answer.answered and answer.results == (), question
    assert answer.missing is not None and answer.missing.startswith(missing), answer.missing
    assert passage in [result.snippet_id for result in answer.related], question


@pytest.mark.parametrize(
    ("question", "missing", "passage"),
    [
        # A count the passage gives otherwise: theirs is named.
        ("the VA took on 8,000 peer counselors, correct?", "a figure of 8,000 (they give 800)", VA),
        ("is it true veterans affairs hired 8000 peer support counselors?", "a figure of 8000", VA),
        (
            "so the VA is bringing on about 80 peer counselors?",
            # A guess far from theirs is still missing, said as the guess it is.
            "a figure of about 80 (they give 800)",
            VA,
        ),
        (
            "my manager says the VA hired 8000 peer support counselors - is that right?",
            "a figure of 8000 (they give 800)",
            VA,
        ),
        ("Did the Salzer survey cover 900 CPSs?", "a figure of 900 (they give 291)", SALZER),
        # An amount: "23 million" is not "2.3 million".
        (
            "heard SAMHSA handed 23 million to consumer networks, true?",
            "a figure of 23 million (they give 2.3 million)",
            SAMHSA,
        ),
        (
            "SAMHSA awarded $230 million to consumer-run networks?",
            "a figure of $230 million (they give 2.3 million)",
            SAMHSA,
        ),
        # All the states: the sources give 41 and DC.
        (
            "do all 50 states certify peer specialists now?",
            "anything saying all 50 states",
            CERTIFY,
        ),
        ("every state certifies peers these days, right?", "anything saying every state", CERTIFY),
        (
            "so all fifty states have a peer certification now?",
            "anything saying all fifty",
            CERTIFY,
        ),
        # A share no source gives: the passage saying the evidence is mixed bears on it.
        (
            "peer support lowers readmissions by 40% - which study found that?",
            "any figure of 40%",
            MIXED,
        ),
        (
            "read somewhere peers cut hospital stays by 25 percent, source?",
            "any figure of 25%",
            MIXED,
        ),
        ("is it true peer support halves hospital readmissions?", "any figure of half", MIXED),
        # A ratio: "1 in 3" is not "one in four".
        ("is it 1 in 3 people who have a mental disorder?", "a figure of 1 in 3", ONE_IN_FOUR),
    ],
)
def test_a_figure_the_sources_do_not_give_is_not_confirmed(
    real_index: SnippetIndex, question: str, missing: str, passage: str
) -> None:
    _related(real_index, question, missing, passage)


def test_the_premise_is_corrected_with_what_else_is_missing(real_index: SnippetIndex) -> None:
    """A claim set as the premise of another question: both what the sources lack are said."""
    question = (
        "now that every state certifies peers, is there national reciprocity for certification?"
    )
    answer = real_index.search(own(question))
    assert not answer.answered
    assert answer.missing is not None
    assert answer.missing.startswith("anything saying every state (they give 41 states), nor")
    assert answer.related[0].snippet_id == CERTIFY  # the passage bearing on the claim first


@pytest.mark.parametrize(
    ("question", "missing", "passage"),
    [
        pytest.param(
            "since all 50 states certify peer specialists now, will my cert transfer if i move?",
            "anything saying all 50 states (they give 41 states)",
            CERTIFY,
            id="since-all-50-states",
        ),
        pytest.param(
            "given that peer support cuts hospital stays in half, can i put that in our grant?",
            "any figure of half (50%)",
            "bellamy2017-hospitalization-mixed",
            id="given-that-in-half",
        ),
    ],
)
def test_a_premise_clause_is_corrected_when_the_rest_is_not_answered(
    real_index: SnippetIndex, question: str, missing: str, passage: str
) -> None:
    """Nothing answers what is asked after the claim ("will my cert transfer"): declined bare
    or with "what was asked", the reply left the claim standing. The claim's clause, asked
    alone, says what the sources give instead, with the passage bearing on it."""
    answer = real_index.search(own(question))
    assert not answer.answered
    assert answer.missing is not None and answer.missing.startswith(missing)
    assert answer.related[0].snippet_id == passage


def test_every_state_as_where_is_answered_by_the_count(real_index: SnippetIndex) -> None:
    """ "In every state" after a preposition says where something is asked about ("can peers
    bill Medicaid in every state?"): the passage saying in how many states answers it, and
    quotes its own count. "Every state certifies" claims they all do."""
    for question, passage in (
        ("can certified peers bill medicaid in all states?", "peersforprogress-16-states-medicaid"),
        ("is peer support publicly funded across all 50 states?", "rogers2017-35-of-50-states"),
    ):
        answer = real_index.search(own(question))
        assert answer.answered, question
        assert answer.results[0].snippet_id == passage
    claim = real_index.search(own("does every state pay for peer support with public money?"))
    assert not claim.answered
    assert claim.missing == "anything saying every state (they give 35 out of 50 states)"


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("is it true the VA is hiring 800 peer counselors?", VA),
        ("did SAMHSA put $2.3M toward consumer networks?", SAMHSA),
        ("41 states plus DC certify peers, right?", CERTIFY),
        ("1 in 4 people have some mental disorder, right?", ONE_IN_FOUR),
        ("about 25% of people have a mental disorder?", ONE_IN_FOUR),
    ],
)
def test_a_figure_the_sources_give_is_answered(
    real_index: SnippetIndex, question: str, passage: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == passage


@pytest.mark.parametrize(
    "text",
    [
        "we serve 16-25 year olds, what does a peer mentor do?",
        "I supervise 6 peers, what does research say about supervision?",
        "our team has 12 peer specialists, how do we supervise them?",
        "any studies on peer support in the last 5 years?",
        "quick one before my 2pm: what does a CPS do?",
        "do 30-day readmissions drop with peer support?",
        "what is the rate per 15-min unit for peer services?",
        "can I share SUD records under 42 CFR Part 2?",
        "is there a 12 step group for dual diagnosis?",
        "do CPSs do more 1:1 or group work?",
        "my job is 80% on site, is that normal for a CPS?",
        "scoping a 1115 waiver for peer services, where do we start?",
        "what ratio of peers per 100 clients is recommended?",
    ],
)
def test_a_number_that_sets_the_scene_claims_nothing(text: str) -> None:
    assert claimed_figures(text, tuple(words(text))) == (), text


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("the VA hired 8,000 peers right?", "count", 8000.0),
        ("I heard SAMHSA gave 23 million to networks", "amount", 23e6),
        ("SAMHSA gave $2.3M to networks", "amount", 2.3e6),
        ("peer support cuts hospitalizations by 30%", "percent", 30.0),
        ("cuts readmissions by 30 percent", "percent", 30.0),
        ("is it true peer support cuts hospital stays in half?", "percent", 50.0),
        ("is it 1 in 3 people?", "percent", 33.3),
        ("is it all 50 states that certify?", "all", None),
    ],
)
def test_claims_are_read_with_their_kind(text: str, kind: str, value: float | None) -> None:
    (figure,) = claimed_figures(text, tuple(words(text)))
    assert (figure.kind, figure.value) == (kind, value)


def test_a_passage_gives_a_figure_however_it_writes_it() -> None:
    """A passage gives "2.3 million" as "$2.3M"; "one in four" as 25%; "two" as 2; "half" as 50%."""
    given = Given.of(
        [
            "SAMHSA awarded $2.3 million to networks.",
            "One in four people is affected, and two domains were reviewed.",
            "Half of them stayed.",
        ]
    )
    for text in (
        "gave 2.3 million",
        "gave $2.3M",
        "25% of people",
        "two areas? 2 areas",
        "in half",
    ):
        for figure in claimed_figures(text, tuple(words(text))):
            assert given.gives(figure), text
    for text in ("gave 23 million", "30% of people", "3 areas"):
        (figure,) = claimed_figures(text, tuple(words(text)))
        assert not given.gives(figure), text


@pytest.mark.parametrize(
    "question",
    [
        "how many peer specialists does the VA employ?",
        "how many peer counselors work for the VA?",
        "how many peer support staff are employed by the VA?",
    ],
)
def test_a_head_count_is_not_answered_by_a_plan_to_hire(
    real_index: SnippetIndex, question: str
) -> None:
    """A plan ("will hire 800") is not how many the VA employs."""
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == "head-count"
    assert answer.missing is not None and "announced or planned" in answer.missing
    assert VA in [result.snippet_id for result in answer.related]


def test_a_planned_count_is_still_answered_by_the_plan(real_index: SnippetIndex) -> None:
    for question in (
        "how many peer counselors is the VA going to hire?",
        "how many peer counselors did the president say the VA would hire?",
    ):
        answer = real_index.search(own(question))
        assert answer.answered, question
        assert answer.results[0].snippet_id == VA


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("was the SAMHSA money 2.3 million or 23 million? can't remember", SAMHSA),
        ("is the VA hiring 800 or 8,000 peer counselors", VA),
        ("did Salzer survey 291 CPSs or was it 29?", SALZER),
    ],
)
def test_figures_offered_as_a_choice_are_answered_by_the_one_given(
    real_index: SnippetIndex, question: str, passage: str
) -> None:
    """ "2.3 million or 23 million?" asks which: the passage giving one of them answers it."""
    answer = real_index.search(own(question))
    assert answer.answered, answer.missing
    assert answer.results[0].snippet_id == passage


def test_a_ratio_s_whole_and_a_span_of_time_are_no_figure_given() -> None:
    """ "35 out of 50 states" does not say 50 states do anything; "30 years" counts no one."""
    given = Given.of(["delivered in 35 out of 50 states", "grown over the past 30 years"])
    assert ("count", 35.0) in given.figures
    assert ("count", 50.0) not in given.figures
    assert ("count", 30.0) not in given.figures


def test_all_states_claimed_is_not_confirmed_by_a_share_of_them(real_index: SnippetIndex) -> None:
    """ "35 out of 50 states" (of public funding) neither confirms nor answers it."""
    for question in (
        "is it true 50 states certify peer workers now?",
        "do 50 states certify CPSs?",
    ):
        answer = real_index.search(own(question))
        assert not answer.answered and answer.results == (), question
        assert answer.missing is not None and "figure of 50" in answer.missing
        shown = [result.snippet_id for result in answer.related]
        assert "rogers2017-35-of-50-states" not in shown[:1], question


@pytest.mark.parametrize(
    "text",
    [
        "someone told me SAMHSA gave 23 million to consumer networks?",
        "a coworker told us the VA hired 8000 peers",
    ],
)
def test_a_figure_someone_told_the_asker_is_a_claim(text: str) -> None:
    assert claimed_figures(text, tuple(words(text)))


def test_what_a_share_is_out_of_is_no_claim() -> None:
    text = "out of the 50 states, how many pay for peer support?"
    assert claimed_figures(text, tuple(words(text))) == ()


def test_a_passage_s_figures_are_the_same_with_its_patterns_run_on_every_text(
    real_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skipping the number patterns on a text with no digit or count word, and the "all
    states" / "half" patterns on one without their words, finds the same figures: each
    passage of the knowledge base (and a few made-up texts) read both ways."""
    texts = [snippet.text for snippet in real_kb.snippets] + [
        "One in four adults; every single state agreed to halve it.",
        "Fifty STATES, HALF of them: 50 percent.",
        "ten out of every twelve peers",
        "someone in tension, often out of town",  # count words inside other words only
        "ſix in ten; every ſtate",  # a long s matches "s" in the patterns, not in lower()
    ]
    gated = [Given.of([text]) for text in texts]
    monkeypatch.setattr(figures_module, "_DIGIT_RE", re.compile(""))
    monkeypatch.setattr(figures_module, "_odd_folds", lambda text: True)
    for text, given in zip(texts, gated, strict=True):
        assert given.figures == passage_figures(text), text
        assert given.all_states == bool(figures_module._ALL_STATES_RE.search(text)), text
        assert given.half == bool(figures_module._PASSAGE_HALF_RE.search(text)), text
    assert any(given.figures for given in gated) and any(given.half for given in gated)
    assert any(given.all_states for given in gated)


def test_a_question_s_claims_are_the_same_with_its_patterns_run_on_every_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The question side's word checks stand in for its patterns exactly too: the development
    questions, and made-up ones with capitals, curly quotes and a long s, read both ways."""
    data = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "questions-dev.yaml").read_text())
    texts = [
        item["question"] if isinstance(item, dict) else item
        for group in ("answerable", "unanswerable")
        for item in data[group]
    ] + [
        "Do ALL 50 STATES certify peers?",
        "is it “one in four” adults, or ONE IN THREE?",
        "is it ſix in ten peers? is it true all 50 ſtates certify them?",
        "Did half of them stay — or was it 50%?",
    ]
    gated = [claimed_figures(text, tuple(words(text))) for text in texts]
    monkeypatch.setattr(figures_module, "_DIGIT_RE", re.compile(""))
    monkeypatch.setattr(figures_module, "_odd_folds", lambda text: True)
    assert [claimed_figures(text, tuple(words(text))) for text in texts] == gated
    assert sum(1 for figures in gated if figures) >= 10
    # A long s matches "s" in the patterns: "all 50 ſtates" is still the claim that all do.
    assert [figure.kind for figure in gated[-2]] == ["all"]
