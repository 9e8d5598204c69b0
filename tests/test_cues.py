"""Lazily compiled cue patterns give exactly what the compiled regex gives, and skip the rest.

`bot.cues.LazyPattern` only runs a pattern on text holding every literal word of one of its
cues; these tests check on the shipped lexicon's frame cues (knowledge/frames.yaml) that this
never changes a match, over word strings built from the cues' own words and others.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cues import LazyPattern
from bot.frames import cue_pattern, cue_words
from bot.knowledge import KnowledgeBase


def _lazy(cues: tuple[str, ...]) -> LazyPattern:
    return LazyPattern(lambda: cue_pattern(cues), [cue_words(cue) for cue in cues])


def test_every_frame_matches_as_its_compiled_pattern(real_kb: KnowledgeBase) -> None:
    frames = [frame for frame in real_kb.lexicon.frames if frame.cues]
    vocabulary = sorted({word for frame in frames for cue in frame.cues for word in cue_words(cue)})
    vocabulary += ["peer", "specialist", "states", "the", "zebra", "2024"]

    @settings(max_examples=300, deadline=None)
    @given(
        st.sampled_from(range(len(frames))),
        st.lists(st.sampled_from(vocabulary), min_size=0, max_size=12),
    )
    def check(number: int, ask_words: list[str]) -> None:
        cues = frames[number].cues
        joined = " ".join(ask_words) + " "
        compiled = cue_pattern(cues)
        assert compiled is not None
        expected = compiled.search(joined)
        found = _lazy(cues).search(joined, frozenset(ask_words))
        assert (found is None) == (expected is None)
        if found is not None and expected is not None:
            assert (found.span(), found.lastgroup) == (expected.span(), expected.lastgroup)

    check()


def test_each_cue_is_found_where_its_words_are() -> None:
    pattern = _lazy(("how much * cost", "salary"))
    text = "how much does training cost "
    match = pattern.search(text, frozenset(text.split()))
    assert match is not None and match.lastgroup == "c0"


def test_text_without_a_cues_words_is_not_matched_nor_compiled() -> None:
    built: list[int] = []

    def build() -> re.Pattern[str] | None:
        built.append(1)
        return cue_pattern(("how much * cost", "salary"))

    pattern = LazyPattern(build, [cue_words("how much * cost"), cue_words("salary")])
    text = "how much training do peers get "
    assert pattern.search(text, frozenset(text.split())) is None
    assert built == []
    assert pattern.search("the salary ", frozenset({"the", "salary"})) is not None
    assert built == [1]
