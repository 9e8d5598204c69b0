"""Cue lists matched word by word, and regexes compiled on first use for text that could match.

The lexicon (knowledge/frames.yaml's frame cues, the chatter lists) compiled to a few dozen
regexes with hundreds of alternatives (`bot.frames.cue_pattern`). Python's regex compiler is
pure Python: compiling them took 40-50 ms on the real knowledge base, paid by every `peerbot ask`
at start, and running every frame's pattern over every question was a tenth of a question's
cost.

A cue is literal words and `*` wildcards (0-5 words) over a question's words, so `Cues` matches
it on the word list itself, with exactly the regex's semantics: the leftmost word position
first, at a position the cues in their order, a wildcard greedy (5 words first, then fewer).
And a cue can only match where each of its literal words is one of the text's words, so only
those cues are tried (`possible`). `LazyPattern` keeps a regex that is not a cue list (the
"for our board deck" tail) but compiles it on first use, and only runs it when possible.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Set

from bot import lazy_re
from bot.frames import WILDCARDS  # the `*` and `**` of cue_pattern
from bot.records import Record, frozen_record
from bot.tokenize import words

# One piece of a cue: literal words in a row, or None for a `*` wildcard.
_Piece = tuple[str, ...] | int  # words, or a wildcard: how many words it may stand for


@frozen_record
class CueMatch(Record):
    """Where a cue matched: words `start` to `end - 1` of the text, and which cue (its index)."""

    start: int
    end: int
    cue: int


class Needs:
    """Word sets (one per alternative, by number) and which of them a text's words include.

    Each set is filed under its least shared word, so a text is checked through the few sets
    filed under its own words (one C-level set intersection finds those), not all of them.
    """

    def __init__(self, needs: Mapping[int, frozenset[str]]) -> None:
        self._needs = dict(needs)
        self._always = sorted(number for number, needed in self._needs.items() if not needed)
        counts: dict[str, int] = {}
        for needed in self._needs.values():
            for word in needed:
                counts[word] = counts.get(word, 0) + 1
        self._by_word: dict[str, list[int]] = {}
        for number, needed in self._needs.items():
            if needed:
                key = min(sorted(needed), key=counts.__getitem__)
                self._by_word.setdefault(key, []).append(number)
        self._keys = frozenset(self._by_word)

    def met(self, present: Set[str]) -> list[int]:
        """The numbers of the sets `present` includes, ascending."""
        found = set(self._always)
        for word in self._keys.intersection(present):
            for number in self._by_word[word]:
                if self._needs[number] <= present:
                    found.add(number)
        return sorted(found)

    @property
    def keys(self) -> frozenset[str] | None:
        """Words one of which a text must have to include a set (None: a set is empty)."""
        return None if self._always else self._keys

    def filed(self) -> list[tuple[str, frozenset[str]]]:
        """Each non-empty set with the word it is filed under (one of its own words)."""
        return [
            (word, self._needs[number])
            for word, numbers in self._by_word.items()
            for number in numbers
        ]

    @property
    def always(self) -> bool:
        """Whether a set is empty (any text includes it)."""
        return bool(self._always)

    def any_met(self, present: Set[str]) -> bool:
        """Whether `present` includes one of the sets."""
        if self._always:
            return True
        for word in self._keys.intersection(present):
            for number in self._by_word[word]:
                if self._needs[number] <= present:
                    return True
        return False


class Cues:
    """A cue list (`bot.frames.cue_pattern`'s input) matched on a text's words.

    Made with each cue's literal words only; a cue's pieces are parsed the first time it is a
    candidate, and the cues are filed by word (`Needs`) once the list has been searched often
    enough for the filing to pay. A frame's lists are made the first time a question could
    match the frame, and most are searched a few times in a batch of questions: parsing and
    filing all of a batch's ~4,000 cues was ~9% of its cost per question.
    """

    def __init__(self, cues: Sequence[str]) -> None:
        self._cues = cues
        needs: dict[int, frozenset[str]] = {}
        for number, cue in enumerate(cues):
            split = cue.split()
            if split:  # (a blank cue has no alternative in the regex either)
                # Its pieces' words (`_parse`; a wildcard has none), each piece's kept: the
                # lexicon's cues repeat a thousand pieces.
                needs[number] = frozenset(itertools.chain.from_iterable(map(_piece_words, split)))
        self._needed = needs
        self._filed: Needs | None = None
        self._searches = 0
        self._pieces: dict[int, tuple[_Piece, ...]] = {}

    def _pieces_of(self, number: int) -> tuple[_Piece, ...]:
        """The cue's pieces (`_parse`), parsed on first need."""
        found = self._pieces.get(number)
        if found is None:
            parsed = _parse(self._cues[number])
            assert parsed is not None  # (only a cue with literal words or wildcards has a number)
            found = self._pieces[number] = parsed[0]
        return found

    def _all_pieces(self) -> dict[int, tuple[_Piece, ...]]:
        """Every cue's pieces, by number, in cue order."""
        return {number: self._pieces_of(number) for number in self._needed}

    # A match at the first word (`match`) or ending at the last (`ending`) can only be a cue
    # starting (ending) with that word or with a wildcard: those, by the word, in cue order. And
    # the fewest and most words a match of each cue spans: a cue can only end at a text's last
    # word from a few starts (`ending`). Made on first use: a frame's cues are only searched
    # (`search`), and building these for every frame was half of a `peerbot ask`'s lexicon
    # set-up.

    @functools.cached_property
    def _starting(self) -> tuple[dict[str, list[int]], list[int]]:
        return _by_edge(self._all_pieces(), 0)

    @functools.cached_property
    def _ending(self) -> tuple[dict[str, list[int]], list[int]]:
        return _by_edge(self._all_pieces(), -1)

    @functools.cached_property
    def _spans(self) -> dict[int, tuple[int, int]]:
        return {number: _span(pieces) for number, pieces in self._all_pieces().items()}

    @property
    def needs(self) -> Needs:
        """Each cue's literal words (a text lacking one of a set cannot match that cue)."""
        filed = self._filed
        if filed is None:
            filed = self._filed = Needs(self._needed)
        return filed

    def _candidates(self, present: Set[str]) -> list[int]:
        """The cues whose literal words are all in `present`, in cue order: each cue checked
        until the list has been searched `_FILE_AFTER` times, then through the filing."""
        if self._filed is None:
            self._searches += 1
            if self._searches < _FILE_AFTER:
                return [number for number, needed in self._needed.items() if needed <= present]
        return self.needs.met(present)

    def possible(self, present: Set[str]) -> bool:
        """Whether text with these words could match (False: it certainly cannot)."""
        return self.needs.any_met(present)

    @property
    def keys(self) -> frozenset[str] | None:
        """Words one of which a text must have for `possible` (None: any text may match)."""
        return self.needs.keys

    def search(self, text_words: Sequence[str], present: Set[str]) -> CueMatch | None:
        """The first match: leftmost position, then the first cue in order (as the regex).

        Each candidate is tried only where its first word stands (a cue starting with a
        wildcard everywhere), from the left, up to the best start found so far: the least
        (start, cue) over the candidates is what trying every position with every cue in turn
        finds first, for a fraction of the tries.
        """
        candidates = self._candidates(present)
        if not candidates:
            return None
        best: CueMatch | None = None
        size = len(text_words)
        for number in candidates:  # ascending: at the same start an earlier cue wins
            pieces = self._pieces_of(number)
            # The cue's first literal word (None: it starts with a wildcard): a cue can only
            # start where its first word stands.
            first = pieces[0][0] if pieces and not isinstance(pieces[0], int) else None
            starts: Iterable[int] = (
                range(size + 1)
                if first is None
                else [i for i, word in enumerate(text_words) if word == first]
            )
            for start in starts:
                if best is not None and start >= best.start:
                    break
                end = _match_at(pieces, text_words, 0, start)
                if end is not None:
                    best = CueMatch(start, end, number)
                    break
        return best

    def ending(self, text_words: Sequence[str], present: Set[str]) -> CueMatch | None:
        """A match ending at the last word (as the regex anchored with `$`), or None: the
        earliest start, then the first cue in order.

        A cue spanning `fewest` to `most` words can end at the last word only from a start
        between `size - most` and `size - fewest`: each candidate is tried from those, and the
        least (start, cue) wins, as trying every start with every cue in turn finds first.
        """
        if not text_words:
            return None
        by_word, anywhere = self._ending
        needed = self._needed
        size = len(text_words)
        best: CueMatch | None = None
        for number in by_word.get(text_words[-1], anywhere):  # ascending cue order
            if not needed[number] <= present:
                continue
            fewest, most = self._spans[number]
            pieces = self._pieces_of(number)
            # Starts from 0 to size - 1, as the regex tries them.
            for start in range(max(0, size - most), min(size - 1, size - fewest) + 1):
                if best is not None and start >= best.start:
                    break
                if _match_at(pieces, text_words, 0, start) == size:
                    best = CueMatch(start, size, number)
                    break
        return best

    def match(self, text_words: Sequence[str], present: Set[str]) -> CueMatch | None:
        """A match starting at the first word (as the regex anchored with `^`), or None."""
        by_word, anywhere = self._starting
        numbers = by_word.get(text_words[0], anywhere) if text_words else anywhere
        needed = self._needed
        for number in numbers:
            if not needed[number] <= present:
                continue
            end = _match_at(self._pieces_of(number), text_words, 0, 0)
            if end is not None:
                return CueMatch(0, end, number)
        return None


# How many searches of a cue list check each cue's words before they are filed (`Needs`):
# filing a frame's ~60 cues costs about as much as checking them all 20-30 times.
_FILE_AFTER = 24


def cue_word_sets(cues: Sequence[str]) -> list[frozenset[str]]:
    """Each cue's literal words, in cue order (`Cues(cues).needs`' sets without building it;
    a blank cue, no alternative, has none)."""
    found: list[frozenset[str]] = []
    for cue in cues:
        parsed = _parse(cue)
        if parsed is not None:
            found.append(parsed[1])
    return found


def _parse(cue: str) -> tuple[tuple[_Piece, ...], frozenset[str]] | None:
    """A cue's pieces and its literal words; None for a blank cue."""
    split = cue.split()
    if not split:
        return None
    pieces: list[_Piece] = []
    needed: list[str] = []
    for piece in split:
        if piece in WILDCARDS:
            pieces.append(WILDCARDS[piece])
        elif found := _piece_words(piece):
            pieces.append(found)
            needed += found
    return tuple(pieces), frozenset(needed)


def _span(pieces: Sequence[_Piece]) -> tuple[int, int]:
    """The fewest and most words a match of a cue's pieces spans (wildcards as 0 or all)."""
    fewest = sum(len(piece) for piece in pieces if not isinstance(piece, int))
    return fewest, fewest + sum(piece for piece in pieces if isinstance(piece, int))


def _by_edge(
    cues: Mapping[int, tuple[_Piece, ...]], edge: int
) -> tuple[dict[str, list[int]], list[int]]:
    """({word: the cues whose first (edge 0) or last (edge -1) piece has it at that edge, and
    the cues with a wildcard or nothing there, in cue order}, those other cues alone)."""
    by_word: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for number, pieces in cues.items():
        piece = pieces[edge] if pieces else 0
        if isinstance(piece, int):
            anywhere.append(number)
        else:
            by_word.setdefault(piece[edge], []).append(number)
    return {word: sorted(numbers + anywhere) for word, numbers in by_word.items()}, anywhere


@functools.lru_cache(maxsize=8192)
def _piece_words(piece: str) -> tuple[str, ...]:
    """A cue piece's words; cached: the lexicon's thousand cues repeat a few hundred pieces,
    and every index (each `peerbot ask`) builds them all."""
    return tuple(words(piece))


def _match_at(
    pieces: Sequence[_Piece], text_words: Sequence[str], piece: int, position: int
) -> int | None:
    """Where pieces[piece:] matched from `position` end (greedy wildcards first), or None."""
    if piece == len(pieces):
        return position
    current = pieces[piece]
    if isinstance(current, int):
        for width in range(min(current, len(text_words) - position), -1, -1):
            end = _match_at(pieces, text_words, piece + 1, position + width)
            if end is not None:
                return end
        return None
    width = len(current)
    if tuple(text_words[position : position + width]) != current:
        return None
    return _match_at(pieces, text_words, piece + 1, position + width)


class LazyPattern:
    """A regex whose source `source` makes on first use (None: no alternatives); `needs` are the
    word sets of its alternatives (the text's words must include one of them for the regex to
    have a chance to match). The index cache keeps its compiled program
    (`bot.lazy_re.keep_programs_of`), so a process served from the cache does not run `re`'s
    pure-Python compiler on it."""

    def __init__(self, source: Callable[[], str | None], needs: Iterable[frozenset[str]]) -> None:
        self._source = source
        self._needs = Needs(dict(enumerate(needs)))
        self._compiled: re.Pattern[str] | None = None
        self._built = False
        lazy_re.keep_programs_of(self)

    def source(self) -> str | None:
        """The regex's source (None: no alternatives)."""
        return self._source()

    def possible(self, present: Set[str]) -> bool:
        """Whether text with these words could match (False: it certainly cannot)."""
        return self._needs.any_met(present)

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The compiled regex (None for no alternatives), compiled the first time it is asked.

        Two threads asking at once may both compile it; either result is the same pattern.
        """
        if not self._built:
            source = self._source()
            self._compiled = None if source is None else lazy_re.compiled(source)
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

    def sub(self, replacement: str, text: str, present: Set[str]) -> str:
        """`pattern.sub(replacement, text)`; `present` are the words of `text`."""
        if not self.possible(present):
            return text
        pattern = self.pattern
        return pattern.sub(replacement, text) if pattern is not None else text
