"""Exact rank-bm25 (BM25Okapi) scores, served from precomputed postings.

`rank_bm25.BM25Okapi.get_scores` looks every query term up in every document's dictionary, so a
query costs O(corpus size). Here the fitted model is the same (k1, b, the epsilon-floored idf, the
document lengths and their average, each computed with the same floating-point operations in the
same order as rank-bm25 0.2.2), but each (term, document) pair is turned into its BM25 weight once,
at fit time, and stored as postings in compressed sparse rows. A query adds up the postings of its
own terms, one term occurrence after another as rank-bm25 does, so every score is bit-for-bit the
one `get_scores` returns. Documents that share no term with the query score exactly 0 in rank-bm25
too; `top_k` still ranks them where rank-bm25 would (after every positive score, and before the
negative scores a negative epsilon floor can give on tiny corpora).

The postings are the only copy of the corpus kept: the tokenized documents are not needed to serve.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from bot.records import Record, frozen_record

if TYPE_CHECKING:
    # Only annotations name them (`from __future__ import annotations`): importing
    # `numpy.typing` cost every `peerbot ask` ~0.5 ms, for nothing it runs.
    import numpy.typing as npt

    IdArray = npt.NDArray[np.int32]
    FloatArray = npt.NDArray[np.float64]

# When the query's postings hold at least this share of the corpus size, scores are summed into
# a dense per-document array (no sort; its O(corpus) part is then at most 32 x the postings);
# below it, the postings are merged by sorting them (O(P log P)). Either way the cost follows
# the postings, not the corpus.
_DENSE_SHARE = 1 / 32
# Score arrays longer than this are cut down with a sampled threshold before sorting.
_DIRECT_SELECT = 128
# The sample holds about this many scores (and at least this many per wanted result); sorting
# it is cheap, and about size / sample * k scores pass its threshold.
_SAMPLE_SIZE = 1024
_SAMPLE_PER_RESULT = 8
# A corpus with at most this many (term, document) cells also keeps its postings as a dense
# table (4 MB at most): a question's candidates are then read with two numpy calls.
_TABLE_CELLS = 1 << 22
# The sampled threshold tried first is the sample's (this x k / stride)-th best score, at least
# its `_GUESS_MIN`-th: about this x k scores reach it, and at least k nearly always do.
_GUESS_PER_STRIDE = 2
_GUESS_MIN = 3
# More than this many times k scores left to order: partition out the k best before sorting.
_PARTITION_FROM = 4
# Two fields of a corpus with at most this many (term, field and document) weights (8 MB of
# floats at most) are also kept as one dense table (`DenseFields`).
_DENSE_FIELDS_CELLS = 1 << 20


@frozen_record
class Postings(Record):
    """One term's documents (ascending ids) and their BM25 weights for that term."""

    doc_ids: IdArray
    weights: FloatArray


def _readonly(array: npt.NDArray[np.generic]) -> None:
    array.flags.writeable = False


class PostingsBM25:
    """BM25Okapi with rank-bm25's exact scores and cost proportional to the query's postings."""

    def __init__(
        self,
        terms: Sequence[str],
        indptr: npt.NDArray[np.int64],
        doc_ids: IdArray,
        weights: FloatArray,
        idf: FloatArray,
        size: int,
    ) -> None:
        """Wrap fitted arrays: term i's postings are `doc_ids[indptr[i]:indptr[i + 1]]`."""
        if not (len(terms) + 1 == indptr.size and idf.size == len(terms)):
            raise ValueError("terms, indptr and idf disagree in length")
        if not (doc_ids.size == weights.size == int(indptr[-1])):
            raise ValueError("doc_ids, weights and indptr disagree in length")
        self._term_ids = {term: number for number, term in enumerate(terms)}
        if len(self._term_ids) != len(terms):
            raise ValueError("terms are not unique")
        for array in (indptr, doc_ids, weights, idf):
            _readonly(array)
        self.terms: tuple[str, ...] = tuple(terms)
        self.indptr = indptr
        self.doc_ids = doc_ids
        self.weights = weights
        self.idf_values = idf
        self.size = size
        self._starts: list[int] = indptr.tolist()
        # A small corpus's postings as a table (`_table`; False: too large), on first use.
        self._by_term: npt.NDArray[np.bool_] | bool | None = None
        # Each known term's documents as the bits of one int (`bits`), all made on first use.
        self._bits: dict[str, int] | None = None

    @classmethod
    def fit(
        cls,
        corpus: Sequence[Sequence[str]],
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ) -> PostingsBM25:
        """Fit BM25Okapi on tokenized documents and precompute every term's weighted postings.

        The statistics are rank-bm25's: terms numbered in order of first appearance (rank-bm25
        sums the idf average in that order), idf = ln(N - df + 0.5) - ln(df + 0.5), and negative
        idf replaced by epsilon times the average idf.
        """
        return cls.fit_numbered(corpus, k1=k1, b=b, epsilon=epsilon)[0]

    @classmethod
    def fit_numbered(
        cls,
        corpus: Sequence[Sequence[str]],
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ) -> tuple[PostingsBM25, IdArray]:
        """`fit`, and every token of the corpus as its term's number (its position in `terms`),
        document after document: numbering them is most of what the fit costs in Python, so a
        caller wanting them (`bot.index.passage_text_terms`) does not number them again."""
        size = len(corpus)
        lengths = np.fromiter((len(document) for document in corpus), dtype=np.int64, count=size)
        flat = list(itertools.chain.from_iterable(corpus))
        terms = list(dict.fromkeys(flat))
        if not terms:
            empty_ids = np.empty(0, dtype=np.int32)
            empty = cls([], np.zeros(1, dtype=np.int64), empty_ids, np.empty(0), np.empty(0), size)
            return empty, empty_ids
        term_ids = {term: number for number, term in enumerate(terms)}
        # One key per token, term * size + document; sorted, equal keys are one (term, document)
        # pair and its run length the term's frequency there. Built in place to bound memory.
        keys = np.fromiter(map(term_ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        del flat, term_ids
        numbers = keys.astype(np.int32)
        keys *= size
        keys += np.repeat(np.arange(size, dtype=np.int32), lengths)
        keys.sort()
        first = np.empty(keys.size, dtype=bool)
        first[0] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        del first
        frequency = np.diff(starts, append=keys.size).astype(np.float64)
        pairs = keys[starts]
        del keys, starts
        document_frequency = np.bincount(pairs // size, minlength=len(terms))
        pair_docs = (pairs % size).astype(np.int32)
        del pairs
        indptr = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(document_frequency, out=indptr[1:])
        idf = _okapi_idf(document_frequency.tolist(), size, epsilon)
        # rank-bm25 computes avgdl in Python and the length norm with numpy, in this order.
        avgdl = int(lengths.sum()) / size
        norm = k1 * (1 - b + b * lengths.astype(np.float64) / avgdl)
        # idf * (f * (k1 + 1) / (f + norm)), rank-bm25's expression, evaluated in place.
        weights = norm[pair_docs]
        weights += frequency
        frequency *= k1 + 1
        np.divide(frequency, weights, out=weights)
        del frequency
        weights *= np.repeat(idf, document_frequency)
        return cls(terms, indptr, pair_docs, weights, idf, size), numbers

    @cached_property
    def idf(self) -> Mapping[str, float]:
        """Every term's floored idf, exactly `BM25Okapi.idf`."""
        return dict(zip(self.terms, self.idf_values.tolist(), strict=True))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every term some document contains."""
        return frozenset(self._term_ids)

    def postings(self, term: str) -> Postings | None:
        """The postings of one term (read-only views), or None if no document has it."""
        number = self._term_ids.get(term)
        if number is None:
            return None
        start, end = int(self.indptr[number]), int(self.indptr[number + 1])
        return Postings(self.doc_ids[start:end], self.weights[start:end])

    def document_frequency(self, term: str) -> int:
        """How many documents have `term` (0 for a term none has)."""
        number = self._term_ids.get(term)
        if number is None:
            return 0
        return self._starts[number + 1] - self._starts[number]

    def __contains__(self, term: object) -> bool:
        """Whether some document has `term`."""
        return term in self._term_ids

    def contains(self, term: str, doc_ids: IdArray) -> npt.NDArray[np.bool_]:
        """For each of `doc_ids`, whether that document has `term` (binary search in postings)."""
        number = self._term_ids.get(term)
        if number is None or doc_ids.size == 0:
            return np.zeros(doc_ids.size, dtype=bool)
        return self._contains(number, doc_ids)

    def _contains(self, number: int, doc_ids: IdArray) -> npt.NDArray[np.bool_]:
        # A document past the last posting finds the last one (`clip`), which is not it.
        postings = self.doc_ids[self._starts[number] : self._starts[number + 1]]
        return np.asarray(postings.take(postings.searchsorted(doc_ids), mode="clip") == doc_ids)

    def holding(self, terms: Sequence[str], doc_ids: IdArray) -> npt.NDArray[np.bool_]:
        """Whether each of `doc_ids` has each of `terms` (distinct): a (docs, terms) matrix.

        A small corpus reads its dense table (`_table`) with two numpy calls, whatever the terms;
        a large one searches each term's postings (`contains`).
        """
        numbers: list[int] = []
        columns: list[int] = []
        for column, term in enumerate(terms):
            number = self._term_ids.get(term)
            if number is not None:
                numbers.append(number)
                columns.append(column)
        if not numbers or doc_ids.size == 0:
            return np.zeros((doc_ids.size, len(terms)), dtype=bool)
        table = self._table()
        if table is None:  # a large corpus: each term's postings, searched for the documents
            # One row per term, made into the matrix by one call (not a column write each).
            found = np.array([self._contains(number, doc_ids) for number in numbers]).T
            if len(columns) == len(terms):
                return found  # every term known: columns in order
        else:
            found = table[numbers][:, doc_ids].T
            if len(columns) == len(terms):
                return np.ascontiguousarray(found)
        held = np.zeros((doc_ids.size, len(terms)), dtype=bool)
        held[:, columns] = found
        return held

    def has_bits(self) -> bool:
        """Whether `bits` can answer: a corpus small enough for the dense table (`_table`)."""
        return self._table() is not None

    def bits(self, term: str) -> int:
        """The documents holding `term` as one int, bit d set for document d (0: none has it).

        Only where `has_bits()`. On a small corpus a question's coverage is a few integer ANDs
        and ORs per concept over every document at once, then a bit test per candidate: cheaper
        than numpy's per-call cost on arrays of a few dozen. Kept per known term (the
        vocabulary bounds it); an unknown term is 0.
        """
        every = self._bits
        if every is None:
            every = self._bits = self._every_bits()
        return every.get(term, 0)

    def _every_bits(self) -> dict[str, int]:
        """Every term's `bits`, made at once on first use: one `packbits` of the whole table
        and an int per row, about a fifth of what packing each term's row as a question first
        meets it cost (the real knowledge base's batch of questions met ~1,100 of them)."""
        table = self._table()
        if table is None:
            return {}
        packed = np.packbits(table, axis=1, bitorder="little")
        width = packed.shape[1]
        if not width:
            return {}  # no documents: every term's bits are 0
        data = packed.tobytes()
        from_bytes = int.from_bytes
        return {
            term: from_bytes(data[start : start + width], "little")
            for term, start in zip(self.terms, range(0, len(data), width), strict=True)
        }

    def _table(self) -> npt.NDArray[np.bool_] | None:
        """A small corpus's postings as a dense (terms, documents) table, for `holding`.

        None when it would have more than `_TABLE_CELLS` cells. Built on first use and
        published as one object, so a thread sees all of it or none.
        """
        table = self._by_term
        if table is None:
            if len(self.terms) * self.size > _TABLE_CELLS:
                table = False
            else:
                term_of = np.repeat(np.arange(len(self.terms)), np.diff(self.indptr))
                table = np.zeros((len(self.terms), self.size), dtype=bool)
                table[term_of, self.doc_ids] = True
            self._by_term = table
        return None if isinstance(table, bool) else table

    def _spans(self, query: Sequence[str]) -> tuple[list[tuple[int, int]], int]:
        """Postings ranges of the query's known terms in query order, and their total length."""
        spans: list[tuple[int, int]] = []
        total = 0
        starts = self._starts
        for term in query:
            number = self._term_ids.get(term)
            if number is not None:
                start, end = starts[number], starts[number + 1]
                spans.append((start, end))
                total += end - start
        return spans, total

    def _gather(self, spans: Sequence[tuple[int, int]]) -> tuple[IdArray, FloatArray]:
        ids = np.concatenate([self.doc_ids[start:end] for start, end in spans])
        weights = np.concatenate([self.weights[start:end] for start, end in spans])
        return ids, weights

    def _dense(self, ids: IdArray, weights: FloatArray) -> FloatArray:
        """Every document's score; bincount adds in input order, i.e. terms in query order."""
        return np.asarray(np.bincount(ids, weights=weights, minlength=self.size), np.float64)

    def candidate_scores(self, query: Sequence[str]) -> tuple[IdArray, FloatArray]:
        """(doc ids, scores) of every document sharing a term with `query`, ids ascending.

        Terms are added in query order, once per occurrence (a repeated term counts again), as
        rank-bm25 adds them, so each score equals `get_scores(query)[id]` exactly.
        """
        spans, total = self._spans(query)
        if not spans:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float64)
        if len(spans) == 1:
            start, end = spans[0]
            return self.doc_ids[start:end], self.weights[start:end]
        ids, weights = self._gather(spans)
        if total >= self.size * _DENSE_SHARE:
            touched = np.zeros(self.size, dtype=bool)
            touched[ids] = True
            candidates = np.flatnonzero(touched)
            return candidates.astype(np.int32), self._dense(ids, weights)[candidates]
        unique_ids, inverse = np.unique(ids, return_inverse=True)
        scores = np.asarray(np.bincount(inverse, weights=weights), dtype=np.float64)
        return unique_ids.astype(np.int32, copy=False), scores

    def dense_scores(self, query: Sequence[str]) -> tuple[npt.NDArray[np.bool_], FloatArray] | None:
        """(whether each document shares a term with `query`, every document's score), when the
        query's postings are dense (see `_DENSE_SHARE`); else None.

        The scores are `candidate_scores`'s, every one the same sum in the same order, and 0.0
        for the other documents.
        """
        spans, total = self._spans(query)
        if not spans or total < self.size * _DENSE_SHARE:
            return None
        ids, weights = self._gather(spans)
        touched = np.zeros(self.size, dtype=bool)
        touched[ids] = True
        return touched, self._dense(ids, weights)

    def top_candidates(self, query: Sequence[str], k: int) -> list[tuple[int, float]] | None:
        """`select_top(*self.candidate_scores(query), k)`, or None when this cannot say.

        On a query whose postings are dense, from the every-document scores without listing the
        candidates. That gives the same k pairs in the same order whenever all k scores are
        positive (a positive score needs a posting, so those k are candidates, and both orders
        are by score, then lower id); otherwise, or for sparse postings, None.
        """
        spans, total = self._spans(query)
        if len(spans) < 2 or total < self.size * _DENSE_SHARE or k <= 0:
            return None
        scores = self._dense(*self._gather(spans))
        positions = _top_positions(scores, k)
        if positions.size < k or not scores[positions[-1]] > 0:
            return None
        return _pairs(positions, scores[positions])

    def top_k(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """rank-bm25's k best (doc id, score) pairs, best first, ties broken by lower doc id.

        As with `get_scores`, every document has a score: when fewer than k documents score above
        zero, the rest are filled by id from the documents scoring 0 (including those sharing no
        term with the query), then from negative scores. So k >= size returns every document.
        """
        k = min(k, self.size)
        if k <= 0:
            return []
        spans, total = self._spans(query)
        if len(spans) > 1 and total >= self.size * _DENSE_SHARE:
            scores = self._dense(*self._gather(spans))
            positions = _top_positions(scores, k)
            return _pairs(positions, scores[positions])
        ids, scores = self.candidate_scores(query)
        best = select_top(ids, scores, k)
        if len(best) == k and best[-1][1] > 0:
            return best
        best = [pair for pair in best if pair[1] > 0]
        zero = np.ones(self.size, dtype=bool)
        zero[ids[scores != 0]] = False
        best += [(int(doc_id), 0.0) for doc_id in np.flatnonzero(zero)[: k - len(best)]]
        if len(best) < k:
            negative = scores < 0
            best += select_top(ids[negative], scores[negative], k - len(best))
        return best


class DenseFields:
    """Two BM25 fields of one small corpus (a passage and its curated asks) as one dense table.

    A question's fused scores are then one sum of its terms' rows and its candidates one `any`
    of their rows: about ten numpy calls on arrays of a few hundred, where the postings path
    (`PostingsBM25.dense_scores` or `candidate_scores` per field, then the union) makes about
    forty. Each row is a term's weights in the first field's documents, then in the second's,
    0.0 where a document lacks the term. The scores are the postings path's exactly: numpy sums
    a C-ordered table's rows along axis 0 one row after the other, i.e. terms in query order,
    as `np.bincount` adds the gathered postings; the first row is the start (`bincount`'s 0.0
    plus a weight is that weight) and a 0.0 added leaves a sum as it is. Build with `build`,
    which says None for a corpus too large for it.
    """

    def __init__(
        self,
        rows: dict[str, int],
        weights: FloatArray,
        touched: npt.NDArray[np.bool_],
        second_weight: float,
    ) -> None:
        """Wrap a (terms, 2 x size) weight table and its (terms, size) "either field has it"."""
        self._rows = rows
        self._weights = weights
        self._touched = touched
        self.size = touched.shape[1]
        self._second_weight = second_weight

    @classmethod
    def build(
        cls, first: PostingsBM25, second: PostingsBM25, second_weight: float
    ) -> DenseFields | None:
        """The two fields as one table, or None when they have more than `_DENSE_FIELDS_CELLS`
        weights or different sizes."""
        size = first.size
        rows = {term: number for number, term in enumerate(first.terms)}
        for term in second.terms:
            rows.setdefault(term, len(rows))
        if second.size != size or len(rows) * 2 * size > _DENSE_FIELDS_CELLS:
            return None
        weights = np.zeros((len(rows), 2 * size), dtype=np.float64)
        touched = np.zeros((len(rows), size), dtype=bool)
        for offset, field in ((0, first), (size, second)):
            term_rows = np.fromiter(map(rows.__getitem__, field.terms), np.int64, len(field.terms))
            row_of = np.repeat(term_rows, np.diff(field.indptr))
            weights[row_of, offset + field.doc_ids] = field.weights
            touched[row_of, field.doc_ids] = True
        return cls(rows, weights, touched, second_weight)

    def fused(self, query: Sequence[str]) -> tuple[IdArray, FloatArray]:
        """(doc ids ascending, first + second_weight x second) of every document sharing a
        term of `query` in either field: what summing each field's postings gives, exactly."""
        rows = [row for row in map(self._rows.get, query) if row is not None]
        if not rows:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float64)
        # (`take` of the rows, which indexing by a list does more slowly; the ufuncs' own
        # reductions, which `sum` and `any` call through a Python wrapper; `nonzero` of the 1-d
        # row, which `flatnonzero` is: the same arrays.)
        summed = np.add.reduce(self._weights.take(rows, axis=0), axis=0)
        touched = np.logical_or.reduce(self._touched.take(rows, axis=0), axis=0)
        ids = touched.nonzero()[0].astype(np.int32)
        size = self.size
        return ids, (summed[:size] + self._second_weight * summed[size:])[ids]

    def top(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """`select_top(*self.fused(query), k)`: the k best (doc id, fused score), best first,
        ties by lower id. A small corpus's candidates are few (at most `size`), so one stable
        sort of them does what `_top_positions`' several steps do for a long array."""
        ids, scores = self.fused(query)
        if k <= 0:
            return []
        order = (-scores).argsort(kind="stable")[:k]  # (the method: no Python wrapper)
        return _pairs(ids[order], scores[order])


def _okapi_idf(document_frequency: Sequence[int], size: int, epsilon: float) -> FloatArray:
    """BM25Okapi._calc_idf: same formula, same summation order, same floor."""
    values = [math.log(size - df + 0.5) - math.log(df + 0.5) for df in document_frequency]
    total = 0.0
    for value in values:
        total += value
    floor = epsilon * (total / len(values))
    return np.asarray([floor if value < 0 else value for value in values], dtype=np.float64)


def select_top(ids: IdArray, scores: FloatArray, k: int) -> list[tuple[int, float]]:
    """Best k of the candidates only, ordered by score then lower id; `ids` ascending."""
    positions = _top_positions(scores, k)
    return _pairs(ids[positions], scores[positions])


def _pairs(ids: IdArray, scores: FloatArray) -> list[tuple[int, float]]:
    """(id, score) pairs as Python numbers: two `tolist()` calls instead of a numpy scalar
    lookup and conversion per pair (the same int and float values)."""
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


def _top_positions(scores: FloatArray, k: int) -> IdArray:
    """Positions of the k best scores, best first, ties broken by lower position.

    No full sort and no partition of the whole array (numpy's partition degrades badly on long
    runs of tied scores, and lexsort is slow on long arrays): a long array is first cut to the
    scores at or above a threshold taken from a strided sample of about `_SAMPLE_SIZE` scores,
    and only those are sorted.

    Any threshold that at least k scores reach keeps every one of the k best (and all ties at
    it, in position order), so the cut is exact whichever such threshold is used. The k-th best
    of the sample is always one; it keeps about `k * stride` scores, which then have to be
    partitioned. A higher one, the `_GUESS_PER_STRIDE * k / stride`-th best of the sample,
    usually is one too and keeps about `_GUESS_PER_STRIDE * k`: it is tried first and checked by
    counting, with the k-th of the sample as the fallback. Both are found by one partition of
    the sample (`_above_sampled_threshold`).
    """
    if scores.size == 0 or k <= 0:
        return np.empty(0, dtype=np.int32)
    stride = scores.size // max(_SAMPLE_SIZE, _SAMPLE_PER_RESULT * k)
    if scores.size <= _DIRECT_SELECT or stride < 2:
        keep = np.arange(scores.size)
    else:
        keep = _above_sampled_threshold(scores, stride, k)
    kept = scores[keep]
    if kept.size > _PARTITION_FROM * k:
        # Many scores passed (a large k): only the k best are sorted. np.partition gives the
        # k-th best value exactly; everything above it and the first ties at it (by
        # position, as `keep` ascends here) are those k.
        kth = np.partition(kept, kept.size - k)[kept.size - k]
        above = np.flatnonzero(kept > kth)
        tied = np.flatnonzero(kept == kth)[: k - above.size]
        chosen = np.concatenate((above, tied))
        keep, kept = keep[chosen], kept[chosen]
    order = np.lexsort((keep, -kept))[:k]
    return np.asarray(keep[order], dtype=np.int32)


def _above_sampled_threshold(scores: FloatArray, stride: int, k: int) -> npt.NDArray[np.intp]:
    """Positions (ascending) of the scores at or above a threshold at least k scores reach,
    taken from every `stride`-th score (see `_top_positions`).

    The thresholds are the sample's guess-th and k-th best, found by one partition of the
    sample at both ranks rather than by filtering its positive scores and sorting them: the
    same two values (with at least k positive scores in the sample, its guess-th and k-th
    best are its guess-th and k-th best positive ones), so the same positions are kept, for
    about a third of the calls.
    """
    sample = scores[::stride]
    guess = min(k, max(_GUESS_MIN, math.ceil(_GUESS_PER_STRIDE * k / stride)))
    top, guessed = sample.size - k, sample.size - guess
    ranked = np.partition(sample, (top, guessed))
    if ranked[top] > 0:  # at least k positive scores in the sample
        keep = np.flatnonzero(scores >= ranked[guessed])
        if keep.size < k:
            keep = np.flatnonzero(scores >= ranked[top])
        return keep
    threshold = ranked[top]  # at least k scores, in the sample alone, are >= threshold
    keep = np.flatnonzero(scores > threshold)
    if keep.size < k:
        tied = np.flatnonzero(scores == threshold)[: k - keep.size]
        keep = np.concatenate((keep, tied))
    return keep
