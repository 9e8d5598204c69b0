"""`bot.lazy_re`: a regex compiled on first use answers as `re.compile` of the same source does,
and the " or " checks before the question reader's choice patterns skip only texts they cannot
match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import question
from bot.lazy_re import LazyRegex, lazy


def test_lazy_regex_answers_as_the_compiled_pattern() -> None:
    source, flags = r"\b(?P<word>peer|coach)(?:es|s)?\b", re.IGNORECASE
    compiled = re.compile(source, flags)
    pattern = lazy(source, flags)
    assert pattern.pattern == source
    text = "Peer coaches and a PEER coach, peers."
    assert pattern.search(text).group("word") == compiled.search(text).group("word")  # type: ignore[union-attr]
    assert pattern.match(text) is not None and compiled.match(text) is not None
    assert pattern.fullmatch("coach") is not None
    assert pattern.findall(text) == compiled.findall(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.sub("x", text) == compiled.sub("x", text)
    assert pattern.subn("x", text) == compiled.subn("x", text)
    assert pattern.split(text) == compiled.split(text)
    assert (pattern.flags, pattern.groups, pattern.groupindex) == (
        compiled.flags,
        compiled.groups,
        dict(compiled.groupindex),
    )


def test_first_use_puts_the_compiled_methods_on_the_instance() -> None:
    pattern = LazyRegex(r"a+")
    assert "search" not in vars(pattern)
    assert pattern.search("baa") is not None
    assert vars(pattern)["search"] == re.compile(r"a+").search
    with pytest.raises(AttributeError):
        pattern.no_such_method  # noqa: B018


_WORDS = st.sampled_from(
    "which what one is are does it that or nor order for better best more effective matters "
    "group 1:1 peer support vs something nah not , ? -".split()
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.sampled_from([" ", "  ", "", ","]))
def test_choice_patterns_need_or_between_spaces(parts: list[str], glue: str) -> None:
    text = glue.join(parts)
    if " or " in text:
        return
    assert question._CHOICES_RE.fullmatch(text) is None
    assert question._CHOICE_OR_RE.search(text) is None
    assert question._ALTERNATIVE_RE.search(text) is None
