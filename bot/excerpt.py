"""A passage in its place: the sentences before and after it, as they stand in the seed.

"Show in source" lets staff check that a quote means what it seems to mean out of context. The
text shown is cut from the seed itself (whitespace-collapsed, the only normalisation the
verbatim check forgives), never rebuilt, so `before + passage + after` is a piece of the seed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from bot.knowledge import KnowledgeBase, Source, collapse_whitespace
from bot.records import Record, frozen_record

# A sentence ends at ., ! or ? (perhaps closed by a quote or bracket) followed by a space.
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s")
# However long a neighbouring "sentence" (a heading run-on, a list), show at most this much.
MAX_CONTEXT_CHARS = 600


@frozen_record
class Excerpt(Record):
    """A snippet's text with its neighbours, each an exact slice of the collapsed seed."""

    before: str
    passage: str
    after: str
    seed: str
    source: Source

    @property
    def cut_before(self) -> bool:
        """True when `before` does not reach back to a sentence start (it was capped)."""
        return len(self.before) >= MAX_CONTEXT_CHARS

    @property
    def cut_after(self) -> bool:
        """True when `after` stops short of its sentence's end (it was capped)."""
        return len(self.after) >= MAX_CONTEXT_CHARS


def around(text: str, passage: str) -> tuple[str, str] | None:
    """(text before, text after) `passage` in `text`: one whole sentence each side, or None.

    When the passage starts or ends mid-sentence, the rest of that sentence comes too, so the
    reader always sees at least one complete sentence on each side (where the seed has one).
    """
    start = text.find(passage)
    if start < 0:
        return None
    end = start + len(passage)
    starts = [0] + [match.end() for match in _SENTENCE_END.finditer(text)]
    earlier = [position for position in starts if position < start]
    if not earlier:
        before_start = start
    elif start in starts or len(earlier) == 1:
        before_start = earlier[-1]
    else:  # the passage starts mid-sentence: that sentence's start, and the one before it
        before_start = earlier[-2]
    later = [position for position in starts if position > end] + [len(text)]
    after_end = later[0]
    if not text[end:after_end].strip() and len(later) > 1:
        after_end = later[1]
    before_start = max(before_start, start - MAX_CONTEXT_CHARS)
    after_end = min(after_end, end + MAX_CONTEXT_CHARS)
    return text[before_start:start], text[end:after_end]


@lru_cache(maxsize=32)
def _collapsed(path: Path, mtime_ns: int) -> str:
    return collapse_whitespace(path.read_text(encoding="utf-8"))


def seed_text(seeds_dir: Path, name: str) -> str | None:
    """A seed file's text, whitespace-collapsed (cached until the file changes); None if unread."""
    path = seeds_dir / name
    try:
        return _collapsed(path, path.stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError):
        return None


def excerpt(kb: KnowledgeBase, seeds_dir: Path, snippet_id: str) -> Excerpt | None:
    """The snippet with its neighbouring sentences from the first seed that holds it."""
    snippet = next((s for s in kb.snippets if s.id == snippet_id), None)
    if snippet is None:
        return None
    source = kb.source_of(snippet)
    for name in source.seeds:
        text = seed_text(seeds_dir, name)
        found = around(text, snippet.text) if text is not None else None
        if found is not None:
            before, after = found
            return Excerpt(before, snippet.text, after, name, source)
    return None
