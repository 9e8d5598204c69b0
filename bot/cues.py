"""Cue regexes compiled on first use, and only tried on text that holds one cue's words.

The lexicon (knowledge/frames.yaml's frame cues, the chatter lists) compiles to a few dozen
regexes with hundreds of alternatives. Python's regex compiler is pure Python: compiling them
all took 40-50 ms on the real knowledge base, paid by every `peerbot ask` at start, and running
every frame's pattern over every question was a tenth of a question's cost.

Each cue is literal words and `*` wildcards over a space-joined word string, and a literal word
can only match a whole word of that string (each is preceded by the start or a space and
followed by a space). So a pattern can match only text whose words include every literal word
of at least one of its cues: `possible(words)` checks that with set operations, and a pattern is
compiled (once) and run only when it is possible. A result is always what the pattern itself
gives; the check only skips patterns that could not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set


class LazyPattern:
    """A regex built by `build` on first use; `needs` are the word sets of its alternatives
    (the text's words must include one of them for the regex to have a chance to match)."""

    def __init__(
        self, build: Callable[[], re.Pattern[str] | None], needs: Iterable[frozenset[str]]
    ) -> None:
        self._build = build
        self._needs = tuple(needs)
        self._always = any(not needed for needed in self._needs)
        self._compiled: re.Pattern[str] | None = None
        self._built = False

    def possible(self, present: Set[str]) -> bool:
        """Whether text with these words could match (False: it certainly cannot)."""
        return self._always or any(needed <= present for needed in self._needs)

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The compiled regex (None for no alternatives), compiled the first time it is asked.

        Two threads asking at once may both compile it; either result is the same pattern.
        """
        if not self._built:
            self._compiled = self._build()
            self._built = True
        return self._compiled

    def search(self, text: str, present: Set[str]) -> re.Match[str] | None:
        """`pattern.search(text)`; `present` are the words of `text`."""
        if not self.possible(present):
            return None
        pattern = self.pattern
        return pattern.search(text) if pattern is not None else None

    def match(self, text: str, present: Set[str]) -> re.Match[str] | None:
        """`pattern.match(text)`; `present` are the words of `text`."""
        if not self.possible(present):
            return None
        pattern = self.pattern
        return pattern.match(text) if pattern is not None else None
