"""Module-level regexes compiled the first time they are used, not when the module loads.

Compiling the question path's ~70 module-level regexes cost about 10% of a `peerbot ask` (parse
and code generation in pure Python), and a question uses about a third of them: the others
serve rarer phrasings (an introduction, an errand, a choice between two things). `lazy(...)`
stands where `re.compile(...)` stood; the first call of any method compiles the same pattern
with the same flags and puts the compiled pattern's methods on the instance, so later calls
reach `re.Pattern`'s own methods with no Python frame between (an instance attribute, not
`__getattr__`). The results are the compiled pattern's own, so no match can differ.

Two threads using a pattern for the first time at once may both compile it; either result is
the same pattern.

Even compiled lazily, the ~20 patterns of a first question cost about 10 ms of a `peerbot ask`
(`re`'s parser and code generator are pure Python). The index cache (`bot.cache`) therefore
keeps each pattern's compiled program (`programs`): the code words `re` hands to `_sre.compile`,
which is C. A start served from the cache installs them (`install`), and a first use then
builds the pattern from its program with that one call. A program is only kept when the pattern
it builds equals `re.compile`'s (`re.Pattern` equality compares the flags, the source and every
code word) for the same interpreter, and it is installed only into that interpreter
(`interpreter`), so the pattern is the same object `re.compile` would make.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # `re`'s C engine (no stub): builds a program
import re
import sys
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

# The methods and attributes of `re.Pattern` that are copied onto the instance at first use.
_DELEGATED = (
    "search",
    "match",
    "fullmatch",
    "findall",
    "finditer",
    "sub",
    "subn",
    "split",
    "flags",
    "groups",
    "groupindex",
)


class LazyRegex:
    """`re.compile(pattern, flags)`, done on first use; `pattern` is the source as given."""

    # Declared for the type checker; set on the instance from the compiled pattern at first use.
    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    findall: Callable[..., list[Any]]
    finditer: Callable[..., Iterator[re.Match[str]]]
    sub: Callable[..., str]
    subn: Callable[..., tuple[str, int]]
    split: Callable[..., list[Any]]
    flags: int
    groups: int
    groupindex: dict[str, int]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        _MADE.append(self)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern: built from its installed program if there is one, else by
        `re.compile` (from `re`'s own cache after the first time)."""
        return compiled(self.pattern, self._flags)

    def __getattr__(self, name: str) -> Any:
        # Reached only for a name not on the instance: before the first use, or a name that
        # `re.Pattern` does not have either (then its AttributeError, as before).
        if name not in _DELEGATED:
            raise AttributeError(name)
        compiled = self.compiled()
        for attribute in _DELEGATED:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> LazyRegex:
    """A regex like `re.compile(pattern, flags)` that is compiled on its first use."""
    return LazyRegex(pattern, int(flags))


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`: built from its installed program if there is one (`install`),
    else by `re.compile` (from `re`'s own cache after the first time)."""
    program = _INSTALLED.get((source, flags))
    if program is not None:
        try:
            return _sre.compile(source, *program)  # type: ignore[no-any-return]
        except (RuntimeError, TypeError, ValueError):  # not a program this `_sre` takes
            pass
    return re.compile(source, flags)


class Sourced(Protocol):
    """A regex whose source is only made when needed (`bot.cues.LazyPattern`, built from the
    lexicon's lists): `source()` makes it (None: no pattern), compiled with no flags."""

    def source(self) -> str | None: ...


def keep_programs_of(made: Sourced) -> None:
    """Keep the program of `made`'s regex with the module-level ones (`programs`), for as long
    as `made` lives: a lexicon's patterns (the "for our board deck" tail, the answer-format
    tail) are the largest a question compiles, and each batch of questions compiled them anew."""
    with _SOURCED_LOCK:
        _SOURCED.add(made)


# --- compiled programs, kept by the index cache ---------------------------------------------------

# Every lazy regex made so far (the modules' own, made once at import).
_MADE: list[LazyRegex] = []
# (source, flags) -> `_sre.compile`'s arguments after the source: final flags, code words,
# groups, group index, index group.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_INSTALLED: dict[tuple[str, int], Program] = {}
# Regexes made from a lexicon, alive (`keep_programs_of`); weakly held, as each index built (a
# test builds hundreds) makes its own.
_SOURCED: weakref.WeakSet[Sourced] = weakref.WeakSet()
# (A reload may make a reader while another thread saves an index: a set must not change size
# while it is copied.)
_SOURCED_LOCK = threading.Lock()


def interpreter() -> str:
    """What a program is valid for: this interpreter's version and its regex engine's."""
    return f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{_sre.MAXREPEAT}\0{_sre.MAXGROUPS}"


def _program(source: str, flags: int) -> Program | None:
    """What `re.compile(source, flags)` passes to `_sre.compile`, or None if it cannot be
    worked out here or would not build the same pattern."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(source, flags)
        code = [int(word) for word in _compiler._code(parsed, flags)]
        groupindex = {str(name): int(number) for name, number in parsed.state.groupdict.items()}
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        program: Program = (
            int(flags | parsed.state.flags),
            code,
            int(parsed.state.groups - 1),
            groupindex,
            tuple(indexgroup),
        )
        built = _sre.compile(source, *program)
        expected = re.compile(source, flags)
    except Exception:  # another `re` than this code knows: no program, compiled as usual
        return None
    if (
        built != expected
        or built.groups != expected.groups
        or dict(built.groupindex) != dict(expected.groupindex)
    ):
        return None
    return program


def programs() -> dict[tuple[str, int], Program]:
    """The program of every lazy regex made so far, and of every lexicon regex alive
    (`keep_programs_of`), whose program builds its pattern."""
    found: dict[tuple[str, int], Program] = {}
    keys = [(made.pattern, made._flags) for made in _MADE]
    with _SOURCED_LOCK:
        alive = list(_SOURCED)
    for sourced in alive:
        source = sourced.source()
        if source is not None:
            keys.append((source, 0))
    for key in keys:
        if key not in found and (program := _program(*key)) is not None:
            found[key] = program
    return found


def install(saved: Sequence[tuple[tuple[str, int], Program]]) -> None:
    """Take saved programs (of this `interpreter()`) for the lazy regexes' first use."""
    _INSTALLED.update(saved)
