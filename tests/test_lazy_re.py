"""`bot.lazy_re`: a regex compiled on first use answers as `re.compile` of the same source does,
and the " or " checks before the question reader's choice patterns skip only texts they cannot
match."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
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


def test_every_modules_regex_has_a_program_that_builds_the_same_pattern() -> None:
    from bot import lazy_re

    programs = lazy_re.programs()
    assert len(programs) >= 50  # the question path's module-level regexes (bot.question etc.)
    for (source, flags), program in programs.items():
        built = _sre.compile(source, *program)
        assert built == re.compile(source, flags)  # flags, source and every code word
        assert (built.groups, built.groupindex) == (
            re.compile(source, flags).groups,
            re.compile(source, flags).groupindex,
        )


def test_an_installed_program_is_used_at_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import lazy_re

    source, flags = r"(?P<kind>peer|coach)(es|s)?\b", re.IGNORECASE
    pattern = lazy(source, flags)
    program = lazy_re.programs()[(source, flags)]
    monkeypatch.setattr(lazy_re, "_INSTALLED", {(source, flags): program})
    monkeypatch.setattr(re, "compile", _no_compile)
    assert pattern.search("Two PEERS").group("kind") == "PEER"  # type: ignore[union-attr]
    assert pattern.groups == 2 and dict(pattern.groupindex) == {"kind": 1}


def test_a_program_this_engine_rejects_falls_back_to_compiling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot import lazy_re

    source = r"x(y+)z"
    pattern = lazy(source)
    broken = (0, [99999, 1, 2], 1, {}, (None, None))
    monkeypatch.setattr(lazy_re, "_INSTALLED", {(source, 0): broken})
    assert pattern.compiled() == re.compile(source)
    assert pattern.search("axyyz").group(1) == "yy"  # type: ignore[union-attr]


def _no_compile(*args: object, **kwargs: object) -> None:
    raise AssertionError("re.compile called although a program was installed")


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


def test_a_lexicon_patterns_program_is_kept_and_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import lazy_re
    from bot.cues import LazyPattern

    source = r"(?:^| )for (?:\S+ ){0,2}(?:board deck|grant app) "
    pattern = LazyPattern(lambda: source, [frozenset({"for", "board", "deck"})])
    program = lazy_re.programs()[(source, 0)]  # kept while the pattern lives
    expected = re.compile(source)
    monkeypatch.setattr(lazy_re, "_INSTALLED", {(source, 0): program})
    monkeypatch.setattr(re, "compile", _no_compile)
    text = "numbers for our board deck "
    found = pattern.search(text, frozenset(text.split()))
    assert found is not None and found.start() == len("numbers")
    assert pattern.pattern == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "My Boss KEEPS asking we're WE ARE i'm I am trying a new Coworker Said need it for "
            "this is for our It's how many states certify peers ? . , and".split()
        ),
        max_size=14,
    )
)
def test_restart_splits_of_lowered_ascii_text_match_the_case_folding_pattern(
    chosen: list[str],
) -> None:
    """`_restarts` searches lowered ASCII text with the case-sensitive pattern: the same spans
    as the case-folding pattern on the text as written."""
    raw = " ".join(chosen)
    folding = [m.span() for m in question._RESTART_RE.finditer(raw)]
    lowered = [m.span() for m in question._RESTART_LOWER_RE.finditer(raw.lower())]
    assert folding == lowered
