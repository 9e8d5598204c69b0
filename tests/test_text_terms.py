"""Each passage's text terms kept from the build are exactly `tokenize(snippet.text)`."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.bm25 import PostingsBM25
from bot.index import SnippetIndex, document_words, passage_text_terms
from bot.knowledge import KnowledgeBase
from bot.text_terms import TextTerms
from bot.tokenize import terms, tokenize, words


def test_kept_text_terms_are_the_tokenized_text(real_kb: KnowledgeBase) -> None:
    tokens = [terms(found) for found in document_words(real_kb)]
    engine, numbers = PostingsBM25.fit_numbered(tokens)
    assert engine.terms == PostingsBM25.fit(tokens).terms
    assert [engine.terms[n] for n in numbers.tolist()] == [t for found in tokens for t in found]
    kept = passage_text_terms(real_kb, tokens, engine, numbers)
    assert len(kept) == len(real_kb.snippets)
    for doc_id, snippet in enumerate(real_kb.snippets):
        assert kept.of(doc_id) == frozenset(tokenize(snippet.text)), snippet.id


def test_an_index_built_or_not_reads_the_same_passage_terms(real_index: SnippetIndex) -> None:
    lazy = SnippetIndex(real_index.kb, real_index.engine, asks_engine=real_index.asks_engine)
    for doc_id in range(len(real_index.kb.snippets)):
        assert real_index._passage_terms(doc_id) == lazy._passage_terms(doc_id)


_TEXT = st.text(
    alphabet=st.sampled_from(list("ab Z9.,:-'\u00e9\u0301\u00df\u2167\u00bd\u0130\uff21 \t")),
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT)
def test_words_never_join_across_the_space_before_the_labels(text: str, labels: str) -> None:
    """What `passage_text_terms` relies on: the text's words are the document's first ones."""
    assert words(f"{text} {labels}") == words(text) + words(labels)


def test_text_terms_are_read_back_by_doc_id() -> None:
    kept = TextTerms(("peer", "support", "coach"), [3, 0, 1], np.asarray([0, 1, 0, 1], np.int32))
    assert [kept.of(doc_id) for doc_id in range(3)] == [
        frozenset({"peer", "support"}),
        frozenset(),
        frozenset({"support"}),
    ]


def test_text_term_numbers_are_the_terms_one_to_one() -> None:
    kept = TextTerms(("peer", "support", "coach"), [3, 0, 1], np.asarray([0, 1, 0, 1], np.int32))
    assert [kept.numbers_of(doc_id) for doc_id in range(3)] == [
        frozenset({0, 1}),
        frozenset(),
        frozenset({1}),
    ]


def test_the_duplicate_check_compares_passages_as_their_terms_do(
    real_index: SnippetIndex,
) -> None:
    """Every pair of passages shares as many term numbers as terms: the same Jaccard."""
    lazy = SnippetIndex(real_index.kb, real_index.engine, asks_engine=real_index.asks_engine)
    count = len(real_index.kb.snippets)
    for first in range(count):
        numbers = real_index._duplicate_terms(first)
        assert numbers == frozenset(numbers) and all(isinstance(n, int) for n in numbers)
        assert len(numbers) == len(real_index._passage_terms(first))
        assert lazy._duplicate_terms(first) == real_index._passage_terms(first)
        for second in range(first + 1, count):
            assert len(numbers & real_index._duplicate_terms(second)) == len(
                real_index._passage_terms(first) & real_index._passage_terms(second)
            )
