"""What a question already states is not what it asks: a figure it gives is no answer to it.

"How much of the 2.3 million went to training?" names the sum it asks a part of; a passage whose
only figure is that "2.3 million dollars" holds a number, but not the one asked for. The same for
"how many of the 32 clients found peer workers useful" and a passage giving only the 32. A
passage holds the asked type only through a match outside every figure the question states
(the number with its scale, unit and currency: "$2.3 million", "32", "41 states" keeps "states").

Pure functions of the passage text and the question's numbers, kept out of `bot.index`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# What stands with a stated number as part of the same figure ("2.3 million dollars", "15 %").
_WITH_NUMBER = (
    r"(?:\s*(?:%|percent\b|per\s+cent\b)|\s+(?:million|billion|thousand|hundred|m|bn|k)\b)?"
    r"(?:\s+(?:dollars|usd|pounds|euros)\b)?"
)


@lru_cache(maxsize=1024)
def _stated_re(numbers: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the stated figures as a passage may print them."""
    alternatives = [re.escape(number) for number in numbers if number and number[0].isdigit()]
    if not alternatives:
        return None
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return re.compile(
        r"(?:[$£€]\s?)?(?<![\d.,])(?:" + body + r")(?![\d]|[.,]\d)" + _WITH_NUMBER, re.IGNORECASE
    )


def stated_spans(text: str, numbers: Iterable[str]) -> list[tuple[int, int]]:
    """Where the passage prints a figure the question states (start, end)."""
    pattern = _stated_re(tuple(sorted(set(numbers))))
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(text)]


def holds_beyond(pattern: re.Pattern[str], text: str, numbers: Iterable[str]) -> bool:
    """Whether the passage matches the answer type's pattern somewhere outside the figures the
    question states (`numbers`, as the question wrote them)."""
    spans = stated_spans(text, numbers)
    if not spans:
        return pattern.search(text) is not None
    for match in pattern.finditer(text):
        start, end = match.span()
        if not any(s <= start and end <= e for s, e in spans):
            return True
    return False
