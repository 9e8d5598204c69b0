"""A seed's text cut into sentences, boilerplate marked, and grouped into 1-3 sentence passages.

Sentences come from sentencex (Wikimedia's maintained rule-based segmenter, a small compiled
wheel with no models to download), which knows "et al.", "U.S.", "e.g." and "Dr." are not
sentence ends. It reports character offsets, and every sentence here is a slice of the seed at
those offsets, trimmed of surrounding whitespace: a passage is the seed from its first sentence's
start to its last sentence's end, so it is verbatim by construction.

Boilerplate is decided by plain rules a curator can read (below); each dropped sentence keeps its
reason so the draft file shows what was left out and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import sentencex

MAX_SENTENCES = 3
MAX_WORDS = 60

_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_FORM = re.compile(
    r"\b(sign[ -]?up|subscribe[ds]?|unsubscribe|e-?newsletters?|newsletters?|mailing list|"
    r"log ?in|sign ?in|create an account|e-?mail address|required fields|password|"
    r"submit(ting)?|submission|try again|thank you!|contact us|there was a problem|"
    r"receive the latest|latest news)",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^(home|menu|search|skip to|back to top|read more|share( this)?|print|previous|next|"
    r"leave a (comment|reply)|related (posts?|articles?)|tags?:|categor(y|ies)|posted (in|on|by)|"
    r"follow us|contact us|about us|go to)\b|"
    r"©|\bcopyright\b|all rights reserved|privacy policy|terms of (use|service)|"
    r"\s[|»›]\s.*\s[|»›]\s|>\s*[A-Z][^>]*>",
    re.IGNORECASE,
)
_REFERENCES_HEADING = re.compile(
    r"^(references|bibliography|works cited|literature cited|reference list|notes|endnotes|"
    r"footnotes)\s*:?$",
    re.IGNORECASE,
)
# "Smith, J. A. (2019)." / "Smith J, Jones K. Title. Journal 2019;12(3):4-5." / a DOI line.
_REFERENCE = re.compile(
    r"^(\[\d+\]|\d+\.)?\s*[A-Z][A-Za-z'’-]+,?\s+(?:[A-Z]\.\s?){1,3}.*(\(\d{4}[a-z]?\)|\b(19|20)\d\d\b)|"
    r"^(doi:|https?://doi\.org/)|"
    r"\b\d+\s*\(\d+\)\s*[:,]\s*\d+[-–]\d+",
)
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets in the seed, its text there, and why it is dropped (if it is)."""

    start: int
    end: int
    text: str
    paragraph: int
    dropped: str | None = None


@dataclass(frozen=True)
class Passage:
    """Consecutive kept sentences of one paragraph: the text of a proposed snippet."""

    start: int
    end: int
    text: str
    sentences: int


_BULLET = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)])\s+")
_SHORT_LINE_WORDS = 10
_SHORT_LINE_SHARE = 0.8


def _standalone(line: str) -> bool:
    """A line that is a unit of its own: a heading or label, not a wrapped sentence."""
    stripped = line.strip()
    return (
        not stripped[:1].islower()  # a lower-case start continues the line before
        and len(stripped.split()) <= _SHORT_LINE_WORDS
        and not _TERMINAL.search(stripped)
        and not stripped.endswith((",", "-", "–"))
    )


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph: blocks between blank lines, split before each list item
    and around short unpunctuated lines (headings, labels), which never run into a sentence."""
    for match in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        block, offset = match.group(0), match.start()
        start = 0
        lines = block.split("\n")
        # Text from a PDF has no blank lines: a paragraph's last line is a short one that ends
        # a sentence, where the lines of running text are about as long as the longest.
        full = max(len(line.rstrip()) for line in lines)
        position = 0
        for number, line in enumerate(lines):
            previous = lines[number - 1].rstrip() if number else ""
            breaks_before = number > 0 and (
                _BULLET.match(line.strip())
                or _standalone(line)
                or _standalone(previous)
                or (_TERMINAL.search(previous) and len(previous) < _SHORT_LINE_SHARE * full)
            )
            if breaks_before and block[start:position].strip():
                yield offset + start, block[start:position].rstrip()
                start = position
            position += len(line) + 1
        if block[start:].strip():
            yield offset + start, block[start:]


def _reason(sentence: str, in_references: bool, whole_paragraph: bool, item: bool) -> str | None:
    words = sentence.split()
    if in_references or _REFERENCE.search(sentence):
        return "reference"
    if _COOKIE.search(sentence):
        return "boilerplate"
    if _FORM.search(sentence):
        return "boilerplate"
    if _NAVIGATION.search(sentence):
        return "navigation"
    if not _TERMINAL.search(sentence) and not (item and len(words) >= 5):
        return "heading" if whole_paragraph and len(words) <= 15 else "fragment"
    if len(words) < 5 or not re.search(r"[a-z]{3}", sentence):
        return "fragment"
    return None


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a seed, in order, each marked with a drop reason or None."""
    found: list[Sentence] = []
    in_references = False
    for number, (offset, paragraph) in enumerate(_paragraphs(text)):
        if _REFERENCES_HEADING.match(" ".join(paragraph.split())):
            in_references = True
        for boundary in sentencex.get_sentence_boundaries("en", paragraph):
            raw = paragraph[boundary["start_index"] : boundary["end_index"]]
            stripped = raw.strip()
            bullet = _BULLET.match(stripped)
            if bullet:
                stripped = stripped[bullet.end() :]
            if not stripped:
                continue
            start = offset + boundary["start_index"] + raw.index(stripped)
            end = start + len(stripped)
            whole = stripped == paragraph.strip()
            reason = _reason(" ".join(stripped.split()), in_references, whole, bool(bullet))
            found.append(Sentence(start, end, stripped, number, reason))
    return _by_company(found)


def _by_company(found: list[Sentence]) -> list[Sentence]:
    """A sentence in a paragraph that is mostly forms and menus is one of them ("Sorry, there
    was a problem.", "Be the first to receive the latest news")."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in found:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    noisy = {
        number
        for number, members in by_paragraph.items()
        if 2 * sum(m.dropped in ("boilerplate", "navigation") for m in members) > len(members)
    }
    return [
        Sentence(s.start, s.end, s.text, s.paragraph, "boilerplate")
        if s.paragraph in noisy and s.dropped is None
        else s
        for s in found
    ]


def passages(text: str, found: list[Sentence]) -> list[Passage]:
    """Group kept sentences into passages of 1-3 sentences and at most MAX_WORDS words.

    A passage never spans a paragraph break or a dropped sentence, so it reads as the source
    wrote it.
    """
    grouped: list[list[Sentence]] = []
    current: list[Sentence] = []
    previous: Sentence | None = None
    for sentence in found:
        contiguous = (
            previous is not None
            and previous.dropped is None
            and previous.paragraph == sentence.paragraph
        )
        if sentence.dropped is not None or not contiguous:
            if current:
                grouped.append(current)
            current = []
        if sentence.dropped is None:
            words = sum(len(item.text.split()) for item in current)
            if current and (
                len(current) >= MAX_SENTENCES or words + len(sentence.text.split()) > MAX_WORDS
            ):
                grouped.append(current)
                current = []
            current.append(sentence)
        previous = sentence
    if current:
        grouped.append(current)
    result = []
    for group in grouped:
        start, end = group[0].start, group[-1].end
        result.append(Passage(start, end, " ".join(text[start:end].split()), len(group)))
    return result
