"""Exact rank-bm25 (BM25Okapi) scores, served from precomputed postings.

`rank_bm25.BM25Okapi.get_scores` looks every query term up in every document's dictionary, so a
query costs O(corpus size). Here the fitted model is kept (its k1, b, epsilon-floored idf, document
lengths and average length) but each (term, document) pair is turned into its BM25 weight once, at
build time. A query then only adds up the postings of its own terms: documents that share no term
with the query score exactly 0 in rank-bm25 too, so skipping them changes no ranking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

IdArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Postings:
    """One term's documents (ascending ids) and their BM25 weights for that term."""

    doc_ids: IdArray
    weights: FloatArray


class PostingsBM25:
    """BM25Okapi with rank-bm25's exact scores and cost proportional to the query's postings."""

    def __init__(self, postings: dict[str, Postings], idf: dict[str, float], size: int) -> None:
        self._postings = postings
        self.idf = idf
        self.size = size

    @classmethod
    def fit(
        cls,
        corpus: Sequence[Sequence[str]],
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ) -> PostingsBM25:
        """Fit rank-bm25 on tokenized documents and precompute every term's weighted postings."""
        if not corpus:
            return cls({}, {}, 0)
        model = BM25Okapi([list(doc) for doc in corpus], k1=k1, b=b, epsilon=epsilon)
        doc_len = np.asarray(model.doc_len, dtype=np.float64)
        # The length normalisation term exactly as rank-bm25 computes it, once per document.
        norm = model.k1 * (1 - model.b + model.b * doc_len / model.avgdl)
        ids_by_term: dict[str, list[int]] = {}
        freqs_by_term: dict[str, list[int]] = {}
        for doc_id, frequencies in enumerate(model.doc_freqs):
            for term, frequency in frequencies.items():
                ids_by_term.setdefault(term, []).append(doc_id)
                freqs_by_term.setdefault(term, []).append(frequency)
        idf = {term: float(value) for term, value in model.idf.items()}
        postings: dict[str, Postings] = {}
        for term, ids in ids_by_term.items():
            doc_ids = np.asarray(ids, dtype=np.int32)
            freq = np.asarray(freqs_by_term[term], dtype=np.float64)
            weights = idf[term] * (freq * (model.k1 + 1) / (freq + norm[doc_ids]))
            postings[term] = Postings(doc_ids, weights)
        return cls(postings, idf, len(corpus))

    def postings(self, term: str) -> Postings | None:
        """The postings of one term, or None if no document has it."""
        return self._postings.get(term)

    def contains(self, term: str, doc_ids: IdArray) -> npt.NDArray[np.bool_]:
        """For each of `doc_ids`, whether that document has `term` (binary search in postings)."""
        found = self._postings.get(term)
        if found is None or doc_ids.size == 0:
            return np.zeros(doc_ids.size, dtype=bool)
        positions = np.searchsorted(found.doc_ids, doc_ids)
        positions = np.minimum(positions, found.doc_ids.size - 1)
        return np.asarray(found.doc_ids[positions] == doc_ids)

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every term some document contains."""
        return frozenset(self._postings)

    def candidate_scores(self, query: Sequence[str]) -> tuple[IdArray, FloatArray]:
        """(doc ids, scores) of every document sharing a term with `query`, ids ascending.

        A term repeated in the query counts as often as it appears, as in rank-bm25.
        """
        counts: dict[str, int] = {}
        for term in query:
            if term in self._postings:
                counts[term] = counts.get(term, 0) + 1
        if not counts:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float64)
        if len(counts) == 1:
            ((term, count),) = counts.items()
            found = self._postings[term]
            return found.doc_ids, found.weights * count
        ids = np.concatenate([self._postings[term].doc_ids for term in counts])
        weights = np.concatenate(
            [self._postings[term].weights * count for term, count in counts.items()]
        )
        unique_ids, inverse = np.unique(ids, return_inverse=True)
        return unique_ids.astype(np.int32), np.bincount(inverse, weights=weights)

    def top_k(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best (doc id, score) pairs, best first, ties broken by lower doc id."""
        if k <= 0:
            return []
        ids, scores = self.candidate_scores(query)
        return select_top(ids, scores, k)


def select_top(ids: IdArray, scores: FloatArray, k: int) -> list[tuple[int, float]]:
    """Best k of the candidates only (a partial sort), ordered by score then id."""
    if ids.size == 0 or k <= 0:
        return []
    if ids.size > k:
        keep = np.argpartition(-scores, k - 1)[:k]
        # Include every candidate tied with the k-th score so the id tie-break is stable.
        kth = scores[keep].min()
        keep = np.flatnonzero(scores >= kth)
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:k]
    return [(int(ids[i]), float(scores[i])) for i in order]
