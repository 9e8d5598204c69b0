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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

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

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (from `re`'s own cache after the first time)."""
        return re.compile(self.pattern, self._flags)

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
