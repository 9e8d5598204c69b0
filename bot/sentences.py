"""Split a seed document into sentences, each with the line it starts on (pure).

Used by `peerbot check --coverage` to find seed sentences that are in no snippet. The seeds are
scraped text of three shapes: one paragraph per line, hard-wrapped lines (the vLex full text), and
short metadata lines (headings, author lists, page furniture). So lines are first grouped into
blocks, then blocks are split at sentence ends.

The failure that matters is joining a metadata line onto a real sentence: the joined "sentence"
is then in no snippet even when its real part is, and a fact could hide behind boilerplate.
Splitting too often is harmless (every piece of a quoted sentence is still inside the quote), so
every rule below leans towards splitting. No maintained segmenter handles this line structure,
and pySBD, the rule-based one that knows "et al." and "U.S.", has had no release since 2021; the
rules here are few and each is tested in tests/test_sentences.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.records import Record, frozen_record

# A hard-wrapped line is long; headings, author lines and sidebar columns are short.
WRAP_MIN_CHARS = 60
# Pieces with fewer words than this (page numbers, "Author(s):", "2017 ◽") state nothing.
MIN_WORDS = 3

_BULLET_RE = re.compile(r"^\s*(?:[-•*▪◦]|\d+[.)])\s+")
_TERMINAL_RE = re.compile(r"[.!?:;][\"”’)\]]*$")
_JOINING_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
# Words that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    {
        "al",
        "e.g",
        "i.e",
        "cf",
        "vs",
        "etc",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "no",
        "vol",
        "pp",
        "p",
        "fig",
        "st",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "approx",
        "dept",
        "u.s",
        "u.k",
        "u.n",
    }
)
# A sentence end: terminal punctuation, optional closing quotes/brackets, space, then a
# capital, digit, opening quote or bracket; or a full stop glued to the next sentence
# ("people.Addressing").
_BOUNDARY_RE = re.compile(
    r"(?<=[.!?])([\"”’)\]]*)\s+(?=[A-Z0-9“\"‘(\[])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
)
_WORD_BEFORE_RE = re.compile(r"(\S+)$")
# Structured-abstract labels glued to the sentence they head ("Findings Peer services are ...").
_LABEL_RE = re.compile(
    r"^(?:(?:Abstract|Background|Purpose|Design/methodology/approach|Methods|Findings|Results"
    r"|Conclusions?|Research limitations/implications|Practical implications|Social implications"
    r"|Originality/value|Keywords)\s+)+(?=[A-Z])"
)
# "(WHO, 2001) Further, ..." : a citation in brackets left at the head of the next sentence.
_LEADING_CITATION_RE = re.compile(r"^(\([^()]*(?:\([^()]*\)[^()]*)*\))\s+(?=[A-Z])")


@frozen_record
class Sentence(Record):
    """One sentence of a seed, whitespace-collapsed, with the 1-based line it starts on."""

    text: str
    line: int


def _is_abbreviation(before: str) -> bool:
    """True when the text before a full stop ends in an abbreviation or an initial ("E.")."""
    match = _WORD_BEFORE_RE.search(before)
    if match is None:
        return False
    word = match.group(1).lstrip('("“‘[').rstrip(".").casefold()
    if word in _ABBREVIATIONS:
        return True
    # Initials and dotted abbreviations: "E", "E.S", "W.Y" (one letter between the dots).
    return bool(re.fullmatch(r"[a-z](?:\.[a-z])*", word))


def _joins(previous: str, following: str) -> bool:
    """Whether `following` continues the hard-wrapped line `previous` (same sentence)."""
    previous = previous.rstrip()
    following = following.lstrip()
    if len(previous) < WRAP_MIN_CHARS or _TERMINAL_RE.search(previous):
        return False
    if _BULLET_RE.match(following):
        return False
    if following[:1].islower() or following.startswith("("):
        return True
    last_word = previous.split()[-1].casefold()
    return previous.endswith((",", "-", "–")) or last_word in _JOINING_WORDS


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Lines grouped into runs that may hold one sentence across a line break."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        if current and not _joins(current[-1][1], line):
            blocks.append(current)
            current = []
        current.append((number, line))
    if current:
        blocks.append(current)
    return blocks


def _split_block(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of one whitespace-collapsed block."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        end = match.start() + len(match.group(1) or "")
        if match.group(0) and _is_abbreviation(text[start:end]):
            continue
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        start = match.end()
    if text[start:].strip():
        pieces.append((start, text[start:]))
    split: list[tuple[int, str]] = []
    for offset, piece in pieces:
        citation = _LEADING_CITATION_RE.match(piece)
        if citation and pieces and (offset, piece) != pieces[0]:
            split.append((offset, citation.group(1)))
            split.append((offset + citation.end(), piece[citation.end() :]))
        else:
            split.append((offset, piece))
    return split


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(char.isalpha() for char in word))


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a seed document, in order, whitespace-collapsed, with their lines."""
    sentences: list[Sentence] = []
    for block in _blocks(text):
        starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for _, raw in block:
            collapsed = " ".join(_BULLET_RE.sub("", raw, count=1).split())
            starts.append(offset)
            parts.append(collapsed)
            offset += len(collapsed) + 1
        joined = " ".join(parts)
        for start, piece in _split_block(joined):
            label = _LABEL_RE.match(piece)
            if label:
                start += label.end()
                piece = piece[label.end() :]
            sentence = " ".join(piece.split())
            if _word_count(sentence) < MIN_WORDS:
                continue
            line = block[bisect_right(starts, start) - 1][0]
            sentences.append(Sentence(text=sentence, line=line))
    return sentences
