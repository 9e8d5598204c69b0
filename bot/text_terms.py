"""Each passage's own text terms, kept from the build, so no question tokenizes a passage.

The duplicate check and the frame checks (`SnippetIndex._passage_terms`) compare the terms of a
candidate passage's text (not its topic, role and author labels). They were tokenized the first
time a question met the passage: ~50 us a passage, and on a large knowledge base nearly every
passage a question shows is one no earlier question met (at 10,000 synthetic snippets, the
slowest questions were those tokenizing two or three). The build has every passage's terms,
its text's first (`bot.index.passage_text_terms`), so those are kept, as the numbers the
passage field's BM25 gives its terms: 4 bytes a term.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.bm25 import IdArray


class TextTerms:
    """Each passage's text terms: passage d's are `terms[ids[starts[d]:starts[d + 1]]]`."""

    def __init__(self, terms: Sequence[str], counts: Sequence[int], ids: IdArray) -> None:
        """`counts`: how many terms each passage has, by doc id; `ids`: theirs, in order."""
        self._terms = terms
        self._starts = [0, *itertools.accumulate(counts)]
        self._ids = ids

    def __len__(self) -> int:
        return len(self._starts) - 1

    @property
    def counts(self) -> list[int]:
        """How many terms each passage has, by doc id (what `bot.cache` saves)."""
        return [end - start for start, end in itertools.pairwise(self._starts)]

    @property
    def ids(self) -> IdArray:
        """Every passage's term numbers, passage by passage (what `bot.cache` saves)."""
        return self._ids

    def of(self, doc_id: int) -> frozenset[str]:
        """The terms of passage `doc_id`'s text: `frozenset(tokenize(snippet.text))`."""
        found = self._ids[self._starts[doc_id] : self._starts[doc_id + 1]].tolist()
        return frozenset(map(self._terms.__getitem__, found))

    def numbers_of(self, doc_id: int) -> frozenset[int]:
        """The numbers of passage `doc_id`'s text terms: `of(doc_id)` before each number is
        looked up as its term. Terms and numbers are one to one, so two passages share as
        many numbers as terms (the duplicate check's Jaccard is the same), for about a
        quarter of the cost of making the set of strings."""
        return frozenset(self._ids[self._starts[doc_id] : self._starts[doc_id + 1]].tolist())
