"""PostingsBM25 gives exactly rank-bm25's BM25Okapi scores and rankings, only faster."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from bot.bm25 import DenseFields, PostingsBM25, select_top

# A small alphabet makes terms shared by many documents (zero and negative idf) common.
WORDS = ["peer", "coach", "state", "bridger", "medicaid", "train", "hope", "role"]
UNKNOWN = ["salary", "wifi"]

documents = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12)
corpora = st.lists(documents, min_size=1, max_size=25).filter(lambda c: any(c))
queries = st.lists(st.sampled_from(WORDS + UNKNOWN), min_size=0, max_size=8)


def reference_order(scores: np.ndarray) -> list[int]:
    """rank-bm25's ranking with ties broken by lower id (get_top_n breaks them arbitrarily)."""
    return [int(i) for i in np.argsort(-scores, kind="stable")]


def assert_same_ranking(ours: list[tuple[int, float]], scores: np.ndarray, k: int) -> None:
    """Same top-k scores within 1e-9 relative, and each id's own rank-bm25 score matches."""
    expected = np.sort(scores)[::-1][: min(k, scores.size)]
    got = np.asarray([score for _, score in ours])
    assert got.size == expected.size
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=0)
    ids = [doc_id for doc_id, _ in ours]
    assert len(set(ids)) == len(ids)
    np.testing.assert_allclose(scores[ids], got, rtol=1e-9, atol=0)


@settings(max_examples=300, deadline=None)
@given(corpus=corpora, query=queries, k=st.integers(1, 30))
def test_equals_rank_bm25_on_random_corpora(
    corpus: list[list[str]], query: list[str], k: int
) -> None:
    plain = BM25Okapi(corpus)
    engine = PostingsBM25.fit(corpus)
    scores = plain.get_scores(query)
    assert dict(engine.idf) == plain.idf
    ours = engine.top_k(query, k)
    assert_same_ranking(ours, scores, k)
    # The scores are rank-bm25's own floating-point sums, so even ties order the same way.
    assert [doc_id for doc_id, _ in ours] == reference_order(scores)[:k]


@settings(max_examples=200, deadline=None)
@given(corpus=corpora, query=queries)
def test_candidates_are_exactly_the_nonzero_part_of_get_scores(
    corpus: list[list[str]], query: list[str]
) -> None:
    scores = BM25Okapi(corpus).get_scores(query)
    ids, candidate = PostingsBM25.fit(corpus).candidate_scores(query)
    assert np.all(np.diff(ids) > 0)
    dense = np.zeros(len(corpus))
    dense[ids] = candidate
    assert np.array_equal(dense, scores)
    others = np.setdiff1d(np.arange(len(corpus)), ids)
    assert not np.any(scores[others])


@pytest.fixture
def corpus() -> list[list[str]]:
    return [
        ["peer", "bridger", "hospital", "community"],
        ["recovery", "coach", "substance", "use", "recovery"],
        ["medicaid", "reimbursement", "funding", "peer", "services"],
        ["peer", "specialist", "certification", "state"],
        ["training", "state", "certification", "peer"],
    ]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param([], id="empty-query"),
        pytest.param(["salary", "wifi"], id="only-unknown-words"),
    ],
)
def test_query_matching_nothing_ranks_like_all_zero_scores(
    corpus: list[list[str]], query: list[str]
) -> None:
    engine = PostingsBM25.fit(corpus)
    ids, scores = engine.candidate_scores(query)
    assert ids.size == 0 and scores.size == 0
    assert engine.top_k(query, 3) == [(0, 0.0), (1, 0.0), (2, 0.0)]
    assert not np.any(BM25Okapi(corpus).get_scores(query))


def test_k_larger_than_corpus_returns_every_document(corpus: list[list[str]]) -> None:
    query = ["peer", "certification"]
    scores = BM25Okapi(corpus).get_scores(query)
    ours = PostingsBM25.fit(corpus).top_k(query, 50)
    assert [doc_id for doc_id, _ in ours] == reference_order(scores)
    assert_same_ranking(ours, scores, 50)


@pytest.mark.parametrize("k", [pytest.param(0, id="zero"), pytest.param(-1, id="negative")])
def test_non_positive_k_returns_nothing(corpus: list[list[str]], k: int) -> None:
    assert PostingsBM25.fit(corpus).top_k(["peer"], k) == []


def test_duplicate_snippets_score_the_same_and_keep_id_order() -> None:
    text = ["peer", "bridger", "hospital"]
    corpus = [text, ["recovery", "coach"], list(text), ["medicaid"], list(text)]
    ours = PostingsBM25.fit(corpus).top_k(["bridger", "hospital"], 3)
    assert [doc_id for doc_id, _ in ours] == [0, 2, 4]
    assert ours[0][1] == ours[1][1] == ours[2][1] > 0
    assert_same_ranking(ours, BM25Okapi(corpus).get_scores(["bridger", "hospital"]), 3)


def test_duplicate_query_terms_count_each_time(corpus: list[list[str]]) -> None:
    engine = PostingsBM25.fit(corpus)
    plain = BM25Okapi(corpus)
    once = dict(engine.top_k(["coach", "peer"], 5))
    thrice = dict(engine.top_k(["coach", "peer", "coach", "coach"], 5))
    assert thrice[1] == pytest.approx(3 * once[1], rel=1e-12)
    assert_same_ranking(
        engine.top_k(["coach", "peer", "coach", "coach"], 5),
        plain.get_scores(["coach", "peer", "coach", "coach"]),
        5,
    )


def test_negative_idf_floor_ranks_non_matching_documents_first() -> None:
    # Most terms are in most documents, so the average idf, hence the epsilon floor, is negative.
    corpus = [["peer", "coach"], ["peer", "coach"], ["peer", "coach"], ["medicaid"]]
    plain = BM25Okapi(corpus)
    assert plain.idf["peer"] < 0
    scores = plain.get_scores(["peer"])
    ours = PostingsBM25.fit(corpus).top_k(["peer"], 3)
    assert [doc_id for doc_id, _ in ours] == [3, 0, 1] == reference_order(scores)[:3]
    assert_same_ranking(ours, scores, 3)


def test_corpus_without_terms_scores_everything_zero() -> None:
    # rank-bm25 itself divides by zero here; every score is 0 and nothing breaks.
    engine = PostingsBM25.fit([[], []])
    assert engine.size == 2
    assert engine.vocabulary == frozenset()
    assert engine.top_k(["peer"], 5) == [(0, 0.0), (1, 0.0)]
    assert PostingsBM25.fit([]).top_k(["peer"], 5) == []


def test_postings_are_sorted_read_only_views(corpus: list[list[str]]) -> None:
    engine = PostingsBM25.fit(corpus)
    found = engine.postings("peer")
    assert found is not None
    assert found.doc_ids.tolist() == [0, 2, 3, 4]
    assert engine.postings("salary") is None
    with pytest.raises(ValueError, match="read-only"):
        found.weights[0] = 0.0
    assert engine.contains("state", np.asarray([0, 3, 4], dtype=np.int32)).tolist() == [
        False,
        True,
        True,
    ]


def test_document_frequency_and_membership_follow_the_postings(corpus: list[list[str]]) -> None:
    engine = PostingsBM25.fit(corpus)
    for term in engine.terms:
        found = engine.postings(term)
        assert found is not None
        assert term in engine
        assert engine.document_frequency(term) == found.doc_ids.size
        everyone = np.arange(engine.size, dtype=np.int32)
        assert np.flatnonzero(engine.contains(term, everyone)).tolist() == found.doc_ids.tolist()
    assert "salary" not in engine
    assert engine.document_frequency("salary") == 0


@settings(max_examples=100, deadline=None)
@given(
    size=st.integers(0, 6000),
    distinct=st.integers(1, 50),
    k=st.integers(1, 100),
    seed=st.integers(0, 2**32 - 1),
)
def test_select_top_equals_a_full_sort(size: int, distinct: int, k: int, seed: int) -> None:
    # Long lists with many ties go through the sampled-threshold path.
    rng = np.random.default_rng(seed)
    ids = np.sort(rng.choice(10 * size + 1, size=size, replace=False)).astype(np.int32)
    scores = rng.integers(0, distinct, size=size).astype(np.float64) / 7
    order = np.lexsort((ids, -scores))[:k]
    expected = [(int(ids[i]), float(scores[i])) for i in order]
    assert select_top(ids, scores, k) == expected


@pytest.mark.parametrize("k", [1, 5, 40, 100])
def test_select_top_is_exact_when_the_sample_overrates_the_threshold(k: int) -> None:
    # The best scores sit exactly where the strided sample looks, so the high threshold tried
    # first is reached by fewer than k scores and the sample's k-th best has to be used.
    size = 20_000
    rng = np.random.default_rng(k)
    scores = rng.integers(1, 4, size=size).astype(np.float64) / 7
    for stride in range(2, 40):
        scores[::stride] += 1.0 + rng.random(scores[::stride].size)
        ids = np.arange(size, dtype=np.int32)
        order = np.lexsort((ids, -scores))[:k]
        expected = [(int(ids[i]), float(scores[i])) for i in order]
        assert select_top(ids, scores, k) == expected
        scores[::stride] = rng.integers(1, 4, size=scores[::stride].size) / 7


class _Larger:
    """3,000 Zipf-distributed documents: queries mix rare terms (few postings, merged by sorting)
    and common ones (many postings, summed densely), so both query paths are compared."""

    def __init__(self) -> None:
        rng = np.random.default_rng(7)
        vocabulary = [f"w{number}" for number in range(3000)]
        weights = 1 / np.arange(1, 3001)
        lengths = rng.integers(5, 40, size=3000)
        tokens = rng.choice(3000, size=int(lengths.sum()), p=weights / weights.sum())
        bounds = np.concatenate(([0], np.cumsum(lengths)))
        self.corpus = [
            [vocabulary[t] for t in tokens[bounds[i] : bounds[i + 1]]] for i in range(3000)
        ]
        self.vocabulary = vocabulary
        self.plain = BM25Okapi(self.corpus)
        self.engine = PostingsBM25.fit(self.corpus)


@pytest.fixture(scope="module")
def larger() -> _Larger:
    return _Larger()


@settings(max_examples=60, deadline=None)
@given(
    picks=st.lists(st.integers(0, 2999) | st.integers(0, 20), min_size=1, max_size=8),
    k=st.sampled_from([1, 5, 24, 200]),
)
def test_equals_rank_bm25_on_a_larger_corpus(larger: _Larger, picks: list[int], k: int) -> None:
    query = [larger.vocabulary[pick] for pick in picks]
    scores = larger.plain.get_scores(query)
    ids, candidate = larger.engine.candidate_scores(query)
    dense = np.zeros(len(larger.corpus))
    dense[ids] = candidate
    assert np.array_equal(dense, scores)
    ours = larger.engine.top_k(query, k)
    assert [doc_id for doc_id, _ in ours] == reference_order(scores)[:k]
    assert_same_ranking(ours, scores, k)
    if ours[-1][1] > 0:  # no zero-score filler: the candidates alone give the same top k
        assert select_top(ids, candidate, k) == ours


@settings(max_examples=150, deadline=None)
@given(
    documents=st.integers(1, 300),
    vocabulary=st.integers(2, 40),
    k=st.integers(1, 60),
    seed=st.integers(0, 2**32 - 1),
)
def test_top_candidates_is_select_top_of_the_candidates_when_it_answers(
    documents: int, vocabulary: int, k: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    words = [f"w{number}" for number in range(vocabulary)]
    corpus = [
        [words[i] for i in rng.integers(0, vocabulary, rng.integers(0, 12))]
        for _ in range(documents)
    ]
    engine = PostingsBM25.fit(corpus)
    query = [words[i] for i in rng.integers(0, vocabulary, rng.integers(1, 6))]
    found = engine.top_candidates(query, k)
    if found is not None:
        assert found == select_top(*engine.candidate_scores(query), k)


@pytest.mark.parametrize("table", [True, False], ids=["dense-table", "postings"])
@settings(max_examples=150, deadline=None)
@given(
    corpus=corpora,
    terms=st.lists(st.sampled_from(WORDS + UNKNOWN), unique=True, max_size=8),
    picks=st.lists(st.integers(0, 1000), max_size=30),
)
def test_holding_is_membership_of_every_term_in_every_document(
    table: bool, corpus: list[list[str]], terms: list[str], picks: list[int]
) -> None:
    """Both ways `holding` reads the postings (a small corpus's dense table, each term's
    postings searched) say exactly which documents hold which terms."""
    engine = PostingsBM25.fit(corpus)
    if not table:
        engine._by_term = False  # as for a corpus too large for the table
    doc_ids = np.asarray([pick % len(corpus) for pick in picks], dtype=np.int32)
    held = engine.holding(terms, doc_ids)
    expected = [[term in corpus[doc] for term in terms] for doc in doc_ids.tolist()]
    assert held.shape == (doc_ids.size, len(terms))
    assert held.tolist() == expected
    assert all(
        held[:, column].tolist() == engine.contains(term, doc_ids).tolist()
        for column, term in enumerate(terms)
    )


@settings(max_examples=200, deadline=None)
@given(corpus=corpora, query=queries)
def test_dense_scores_are_the_candidate_scores_for_every_document(
    corpus: list[list[str]], query: list[str]
) -> None:
    """Dense or not, a query's candidates and their scores are the same sums."""
    engine = PostingsBM25.fit(corpus)
    ids, scores = engine.candidate_scores(query)
    dense = engine.dense_scores(query)
    if dense is None:
        return  # sparse postings: candidate_scores is the only way
    touched, every = dense
    assert np.flatnonzero(touched).tolist() == ids.tolist()
    assert every[ids].tolist() == scores.tolist()
    assert not every[~touched].any()


def _postings_fused(
    first: PostingsBM25, second: PostingsBM25, weight: float, query: list[str]
) -> tuple[list[int], list[float]]:
    """The fused scores as the postings give them: each field's candidates, then the union."""
    f_ids, f_scores = first.candidate_scores(query)
    s_ids, s_scores = second.candidate_scores(query)
    ids = np.union1d(f_ids, s_ids)
    fused = np.zeros(ids.size)
    fused[np.searchsorted(ids, f_ids)] += f_scores
    fused[np.searchsorted(ids, s_ids)] += weight * s_scores
    return ids.tolist(), fused.tolist()


@settings(max_examples=300, deadline=None)
@given(
    corpus=corpora,
    seed=st.integers(0, 2**16),
    query=queries,
    weight=st.sampled_from([1.0, 0.5, 2.0]),
)
def test_dense_fields_are_the_postings_fused_bit_for_bit(
    corpus: list[list[str]], seed: int, query: list[str], weight: float
) -> None:
    """One dense table of two fields gives the same candidates and the same floats as summing
    each field's postings (terms in query order, repeats counted) and adding the two, and the
    same top k as `select_top`."""
    rng = np.random.default_rng(seed)
    second_corpus = [list(rng.choice(WORDS + ["extra"], size=rng.integers(0, 6))) for _ in corpus]
    if not any(second_corpus):
        second_corpus[0] = ["extra"]
    first, second = PostingsBM25.fit(corpus), PostingsBM25.fit(second_corpus)
    dense = DenseFields.build(first, second, weight)
    assert dense is not None
    ids, fused = dense.fused(query)
    assert (ids.tolist(), fused.tolist()) == _postings_fused(first, second, weight, query)
    # Its top k is select_top's of the same candidates: by score, ties by lower id.
    for k in (0, 1, 3, len(corpus) + 2):
        assert dense.top(query, k) == select_top(ids, fused, k)


def test_dense_fields_decline_a_corpus_too_large_or_of_two_sizes() -> None:
    """Too many weights for the table, or fields of different corpora: no table (None)."""
    many = PostingsBM25.fit([[f"w{n}", f"v{n}"] for n in range(1000)])
    assert DenseFields.build(many, many, 1.0) is None
    small = PostingsBM25.fit([["peer"], ["coach"]])
    assert DenseFields.build(small, PostingsBM25.fit([["peer"]]), 1.0) is None
    assert DenseFields.build(small, small, 1.0) is not None


@settings(max_examples=200, deadline=None)
@given(corpus=corpora, term=st.sampled_from(WORDS + UNKNOWN))
def test_bits_are_the_documents_holding_the_term(corpus: list[list[str]], term: str) -> None:
    """Bit d of `bits(term)` is set exactly when document d has the term (all terms' ints are
    made at once on first use); a term no document has is 0."""
    engine = PostingsBM25.fit(corpus)
    assert engine.has_bits()
    bits = engine.bits(term)
    assert [bool(bits >> doc & 1) for doc in range(len(corpus))] == [term in d for d in corpus]
    assert bits >> len(corpus) == 0


def test_bits_of_a_corpus_without_documents_are_zero() -> None:
    """A field with no documents (a knowledge base without curated asks) holds no term."""
    engine = PostingsBM25.fit([])
    assert engine.has_bits()
    assert engine.bits("peer") == 0
