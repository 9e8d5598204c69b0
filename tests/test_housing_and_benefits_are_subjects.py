"""Housing and public benefits are subjects no source discusses (round 26).

"do peers help clients find housing" quoted the Hong Kong study's closing line on improving the
care of people with bipolar disorder, and "do peers help people apply for benefits" the
evidence on hope and empowerment: the words no passage holds were outweighed by "peers",
"help" and "clients". Both are now subjects an answer must name, so they are declined, saying
which. "The benefits of peer support" are still its outcomes. Own questions, not in the eval
files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("can our peer staff help clients find housing?", "anything specific to housing"),
        ("do peer specialists help people apply for SSI", "anything specific to public benefits"),
    ],
)
def test_a_subject_no_source_discusses_is_declined_by_name(
    real_index: SnippetIndex, question: str, missing: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert answer.missing == missing


def test_the_benefits_of_peer_support_are_its_outcomes(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "so what are the main benefits of peer support?", "bellamy2017-hope-empowerment"
    )


def test_keeping_ssi_while_working_names_what_the_sources_lack(real_index: SnippetIndex) -> None:
    # This question was declined with nothing missing said (tests/test_helpful_declines.py).
    answer = real_index.search("can a peer worker keep their SSI benefits while working?")
    assert not answer.answered
    assert answer.missing == "anything specific to public benefits"
