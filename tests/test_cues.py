"""Cue lists matched on words give exactly what their regex (`cue_pattern`) gives.

`bot.cues.Cues` replaced compiling every cue list of the lexicon as a regex; these tests check on
the shipped lexicon (knowledge/frames.yaml, knowledge/shorthand.yaml) and on made-up cues that
the word matcher finds the same match (position, end, which cue) as the regex, over word strings
built from the cues' own words and others, and that `LazyPattern` compiles only when it must.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cues import CueMatch, Cues, LazyPattern, cue_word_sets
from bot.frames import cue_pattern, cue_words
from bot.knowledge import KnowledgeBase
from bot.tokenize import words


def _word_at(joined: str, offset: int) -> int:
    """The index of the word at or after a character offset of the space-joined words."""
    return len(joined[:offset].split()) if offset else 0


def _regex_search(cues: Sequence[str], text_words: list[str]) -> CueMatch | None:
    pattern = cue_pattern(cues)
    joined = " ".join(text_words) + " "
    found = pattern.search(joined) if pattern is not None else None
    if found is None:
        return None
    assert found.lastgroup is not None
    start = _word_at(joined, found.start() + (1 if found.group().startswith(" ") else 0))
    return CueMatch(start, _word_at(joined, found.end()), int(found.lastgroup[1:]))


def _regex_match(cues: Sequence[str], text_words: list[str]) -> CueMatch | None:
    pattern = cue_pattern(cues)
    if pattern is None:
        return None
    anchored = re.compile(r"^" + pattern.pattern[len("(?:^| )") :])
    joined = " ".join(text_words) + " "
    found = anchored.match(joined)
    if found is None:
        return None
    assert found.lastgroup is not None
    return CueMatch(0, _word_at(joined, found.end()), int(found.lastgroup[1:]))


def _regex_ending(cues: Sequence[str], text_words: list[str]) -> CueMatch | None:
    pattern = cue_pattern(cues)
    if pattern is None or not text_words:
        return None
    joined = " ".join(text_words) + " "
    found = re.compile(pattern.pattern + "$").search(joined)
    if found is None:
        return None
    assert found.lastgroup is not None
    start = _word_at(joined, found.start() + (1 if found.group().startswith(" ") else 0))
    return CueMatch(start, len(text_words), int(found.lastgroup[1:]))


def _check(cues: Sequence[str], text_words: list[str]) -> None:
    matcher = Cues(cues)
    present = frozenset(text_words)
    assert matcher.search(text_words, present) == _regex_search(cues, text_words)
    assert matcher.match(text_words, present) == _regex_match(cues, text_words)
    assert matcher.ending(text_words, present) == _regex_ending(cues, text_words)


def test_every_cue_list_of_the_lexicon_matches_as_its_regex(real_kb: KnowledgeBase) -> None:
    lexicon = real_kb.lexicon
    lists = [frame.cues for frame in lexicon.frames if frame.cues]
    lists += [frame.unless for frame in lexicon.frames if frame.unless]
    lists += [lexicon.chatter.greetings, lexicon.chatter.signoffs, lexicon.chatter.reasons]
    lists += [lexicon.chatter.closings, lexicon.chatter.introductions]
    vocabulary = sorted({word for cues in lists for cue in cues for word in cue_words(cue)})
    vocabulary += ["peer", "specialist", "states", "the", "zebra", "2024"]

    @settings(max_examples=600, deadline=None)
    @given(
        st.sampled_from(range(len(lists))),
        st.integers(0, 10_000),
        st.lists(st.sampled_from(vocabulary), min_size=0, max_size=6),
        st.lists(st.sampled_from(vocabulary), min_size=0, max_size=6),
        st.lists(st.sampled_from(vocabulary), min_size=0, max_size=3),
    )
    def check(number: int, pick: int, before: list[str], after: list[str], fill: list[str]) -> None:
        # Most texts hold one of the list's cues (its wildcards filled), amid other words.
        cues = lists[number]
        cue = cues[pick % len(cues)]
        pieces = [" ".join(fill) if piece in ("*", "**") else piece for piece in cue.split()]
        _check(cues, before + words(" ".join(pieces)) + after)
        _check(cues, before + after)

    check()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=0, max_size=14))
def test_wildcards_are_greedy_and_cues_tried_in_order(text_words: list[str]) -> None:
    # Overlapping cues, wildcards at either end and in the middle, a cue of wildcards only.
    _check(["a * b", "a b", "* c", "b * * d", "c d *", "d"], text_words)
    _check(["*", "a"], text_words)
    _check(["a ** d", "b * c", "** b"], text_words)


def test_a_long_wildcard_reaches_further_than_a_plain_one() -> None:
    """`*` stands for up to 7 words, `**` for up to 12 (for cues whose ends cannot fall in two
    clauses): ten words between "how much" and "paid" need the long one."""
    text = "how much do the 800 veterans affairs va peer support counselors get paid".split()
    present = frozenset(text)
    assert Cues(["how much * paid"]).search(text, present) is None
    assert Cues(["how much ** paid"]).search(text, present) == CueMatch(0, len(text), 0)
    assert _regex_search(["how much ** paid"], text) == CueMatch(0, len(text), 0)


def test_a_match_reports_its_words_and_cue() -> None:
    cues = Cues(["how much * cost", "salary"])
    text = "so how much does training cost for us".split()
    assert cues.search(text, frozenset(text)) == CueMatch(1, 6, 0)
    assert cues.match(text, frozenset(text)) is None


def test_lazy_pattern_compiles_only_for_text_that_could_match() -> None:
    built: list[int] = []

    def build() -> str | None:
        built.append(1)
        return r"(?:^| )for (?:\S+ ){0,2}board deck "

    pattern = LazyPattern(build, [frozenset({"for", "board", "deck"})])
    text = "numbers for our grant "
    assert pattern.search(text, frozenset(text.split())) is None
    assert built == []
    text = "numbers for our board deck "
    found = pattern.search(text, frozenset(text.split()))
    assert found is not None and found.start() == len("numbers")
    assert built == [1]


def test_searches_before_and_after_the_cues_are_filed_agree() -> None:
    from bot import cues as cues_module

    listed = ["how much * cost", "what's the * salary", "", "café prices", "* pay ** per hour"]
    cues = Cues(listed)
    # Each cue's literal words, taken from the whole cue, are its pieces' words.
    assert list(cues._needed.values()) == cue_word_sets(listed)
    text = "so what s the usual salary and how much does it cost per hour".split()
    first = cues.search(text, frozenset(text))
    assert first == CueMatch(1, 6, 1)
    for _ in range(2 * cues_module._FILE_AFTER):
        assert cues.search(text, frozenset(text)) == first
    assert cues._filed is not None  # filed by now, with the same answer
