"""Agency and role acronyms grant and billing staff write (round 27).

"did HHS endorse peer support?", "does CMS consider peer support billable?", "what's the VHA
doing with peer specialists?", "do peers improve QoL?" and "what do PSSs do?" were declined bare:
the sources write the US Department of Health and Human Services, the federal agency insuring
people with disabilities, the VA and quality of life. They are spelled out now, with more
peer-role plurals and British spellings ("counsellors", "hongkong"); a plural of capitals
("PSSs") is no drawn-out letter ("heyyy"). Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("has HHS ever called peer support evidence based?", "rogers2017-eligible-for-payment"),
        ("so does CMS treat peer services as billable or not", "rogers2017-eligible-for-payment"),
        ("is the VHA hiring peer counsellors these days?", "peersforprogress-va-800"),
        ("any evidence peer support boosts QoL", "bellamy2017-hope-empowerment"),
        ("quick q what do PSSs actually do", "peersforprogress-activities"),
        ("when did hongkong start using peer support", "tse2019-hong-kong-since-2015"),
    ],
)
def test_the_acronym_is_read_as_the_sources_write_it(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)


def test_a_drawn_out_letter_is_still_written_once(real_index: SnippetIndex) -> None:
    assert real_index.read(own("heyyy what is a CPS")).ask == "what is a cps"
