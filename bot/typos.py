"""Stop words typed wrong ("waht", "wher", "teh", "thier", "cna").

The index corrects a misspelt word towards the knowledge base's own vocabulary, which holds no
stop words, so a mistyped "what" or "their" stayed an unknown word: it counted as a topic no
passage names (declining "is keeping peer specialists in thier roles something research talks
about?") and a frame cue lost its asking word ("waht do CPSs do" missed the duties frame). The
question reader spells such a word as the stop word it most likely is, before anything else
reads the question.
"""

from __future__ import annotations

from functools import lru_cache

from bot.tokenize import STOP_WORDS

# Shorter words ("ur", "rn") are shorthand, not stop words mistyped.
MIN_LENGTH = 3


def one_edit(word: str, other: str) -> str | None:
    """The kind of the single edit between two different words (transposition, insertion,
    deletion, substitution), or None when they are not one edit apart."""
    if word == other or abs(len(word) - len(other)) > 1:
        return None
    if len(word) == len(other):
        differ = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        if len(differ) == 1:
            return "substitution"
        if (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and word[differ[0]] == other[differ[1]]
            and word[differ[1]] == other[differ[0]]
        ):
            return "transposition"
        return None
    if len(word) < len(other):  # a letter left out of `other`
        return (
            "insertion"
            if any(other[:i] + other[i + 1 :] == word for i in range(len(other)))
            else None
        )
    return "deletion" if any(word[:i] + word[i + 1 :] == other for i in range(len(word))) else None


# The slips read as a stop word: two letters swapped ("waht", "teh", "thier", "cna") and, in a
# word of four letters or more, a letter left out ("wher", "abou"). Not a letter changed or
# added: "save" is one letter from "same" and "hit" one from "it", real words the knowledge
# base happens not to use ("do peer programs save money", "did the VA hit its goal").
_PREFERENCE = {"transposition": 0, "insertion": 1}
_MIN_INSERTION_LENGTH = 4


@lru_cache(maxsize=1)
def _deletes_index() -> dict[str, tuple[str, ...]]:
    """Stop words of MIN_LENGTH letters or more under themselves and their 1-deletes."""
    index: dict[str, list[str]] = {}
    for stop in sorted(STOP_WORDS):
        if len(stop) >= MIN_LENGTH and stop.isalpha():
            for variant in _deletes(stop):
                index.setdefault(variant, []).append(stop)
    return {variant: tuple(stops) for variant, stops in index.items()}


def _deletes(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


@lru_cache(maxsize=4096)
def stop_word_meant(word: str) -> str | None:
    """The stop word a lower-case word one edit from it most likely is, or None."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word in STOP_WORDS:
        return None
    index = _deletes_index()
    found: list[tuple[int, str]] = []
    for variant in _deletes(word):
        for stop in index.get(variant, ()):
            kind = one_edit(word, stop)
            if kind == "transposition" or (
                kind == "insertion" and len(word) >= _MIN_INSERTION_LENGTH
            ):
                found.append((_PREFERENCE[kind], stop))
    return min(found)[1] if found else None
