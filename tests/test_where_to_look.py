"""Where the asker wants the answer looked for is not what the question is about (round 24).

"What do the sources say about certification?" quoted "Medicaid reimbursement is increasingly a
major *source* of funding": the stem of "sources" was a weighted word of the ask. "Do the papers
list the usual job titles?" was declined with nothing: "papers" and "list", found in no passage,
pulled the job-titles passage's coverage below the threshold. The wrapper (the sources, papers,
articles, docs, the literature or "you", then say, list, mention, cover, have ...) says where
to look; the rest is the ask (`_WHERE_TO_LOOK_RE` in bot/question.py). "Funding sources" and
"a source of funding" stay content. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

WRAPPED = [
    ("do the papers list the usual job titles for peer staff?", "lafrance2017-job-titles"),
    ("what do the docs say about peer bridgers", "lafrance2017-job-titles"),
    ("does the literature mention recovery coaches at all?", "lafrance2017-job-titles"),
    ("anything in the articles on peer bridgers?", "lafrance2017-job-titles"),
    ("what do you have on family support navigators", "lafrance2017-job-titles"),
    ("ok what do our sources say about certifying peers?", "lafrance2017-states-certify"),
    (
        "new supervisor here. do the sources say what else peer staff get called?",
        "lafrance2017-job-titles",
    ),
    ("do the papers list what CPSs spend their time on?", "peersforprogress-site-vs-community"),
]


@pytest.mark.parametrize(("question", "snippet_id"), WRAPPED)
def test_the_wrapper_is_not_the_topic(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_among_answers(real_index, question, snippet_id)


def test_sources_in_the_wrapper_does_not_find_a_source_of_funding(
    real_index: SnippetIndex,
) -> None:
    answer = real_index.search(own("what do the sources say about certifying peer staff?"))
    shown = [result.snippet_id for result in answer.results]
    assert "lafrance2017-medicaid-funding" not in shown


def test_funding_sources_stay_content(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "which funding sources pay for peer services?", "lafrance2017-medicaid-funding"
    )


def test_a_claim_after_the_wrapper_is_still_asked_about(real_index: SnippetIndex) -> None:
    """ "do the sources say that peers reduce hospital stays": the claim is checked, as the
    effectiveness question it is."""
    answer = real_index.search(own("do the sources say that peer workers reduce hospital stays?"))
    assert answer.frame == "effectiveness"


def test_having_to_is_not_having_something(real_index: SnippetIndex) -> None:
    """ "do you have to ..." asks what is required; only "do you have <something> on" is where
    to look."""
    answer = real_index.search(own("do you have to be certified to be a peer bridger?"))
    assert answer.ask is None or answer.ask.startswith("do you have to")
