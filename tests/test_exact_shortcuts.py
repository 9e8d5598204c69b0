"""Speed shortcuts of the per-question path give exactly what the longer way gives.

Each shortcut here replaces a computation on a small knowledge base (or on ASCII text) by a
cheaper one; these tests run both on the real knowledge base's questions and compare.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from bot.frames import Place
from bot.index import _CLAUSE_BREAK, _NUMBER_WORDS, _YEAR, SnippetIndex, _clauses, _key
from bot.question import QuestionReader
from bot.tokenize import words
from tests.golden_answers import golden_questions


def test_wordings_weight_from_bits_is_the_postings_weight(real_index: SnippetIndex) -> None:
    """A concept's weight counted from bit sets equals the one from numpy's postings, float for
    float, for every concept of every golden question and for wordings mixing their terms."""
    checked = 0
    for _, question in golden_questions():
        reading = real_index._analyse(real_index.read(question))
        for concept in reading.concepts:
            expected = real_index._wordings_weight_postings(concept)
            assert real_index._wordings_weight_bits(concept) == expected, question
            checked += 1
        # Wordings of several terms, some no passage holds together (or at all).
        mixed = [c for c in reading.concepts if c.alternatives]
        for first, second in zip(mixed, mixed[1:], strict=False):
            first.alternatives.add(frozenset({first.term, second.term, "\x00never"}))
            first.alternatives.add(frozenset({first.term, second.term}))
            first.alternatives.add(frozenset())
            expected = real_index._wordings_weight_postings(first)
            assert real_index._wordings_weight_bits(first) == expected, question
            checked += 1
    assert checked > 1000


def _place_spans_word_by_word(
    reader: QuestionReader, ask_words: Sequence[str]
) -> list[tuple[Place, range]]:
    """`QuestionReader._place_spans` as it was: every position tried in turn. (A name followed
    by one of its `not_before` words, "the Veterans Administration", names no place.)"""
    spans: list[tuple[Place, range]] = []
    start = 0
    while start < len(ask_words):
        for keys, place in reader._places.get(ask_words[start], ()):
            end = start + len(keys)
            following = ask_words[end].casefold() if end < len(ask_words) else None
            if tuple(ask_words[start:end]) == keys and following not in place.not_before:
                spans.append((place, range(start, start + len(keys))))
                start += len(keys) - 1
                break
        start += 1
    return spans


def test_place_spans_try_only_first_words_and_find_the_same(real_index: SnippetIndex) -> None:
    """Trying only the positions of a place name's first word finds the same names as trying
    every position: in every passage's words, every golden question's, and in runs of place
    words that overlap ("new york city", "new york", "york")."""
    reader = real_index.reader
    texts = [snippet.text + " " + " ".join(snippet.asks) for snippet in real_index.kb.snippets]
    texts += [question for _, question in golden_questions()]
    place_words = sorted({word for keys in reader._places for word in words(keys)})
    for keys, _ in (entry for entries in reader._places.values() for entry in entries):
        place_words += keys
    rng = random.Random(16)
    texts += [" ".join(rng.choices([*place_words, "the", "of", "in"], k=12)) for _ in range(3000)]
    for text in texts:
        text_words = words(text)
        assert reader._place_spans(text_words) == _place_spans_word_by_word(reader, text_words)


def test_a_passages_clauses_are_kept_as_counts_read_them(real_index: SnippetIndex) -> None:
    """`_counts` reads each passage's clauses from a cache: the same clauses, words and keys
    as splitting the text again, and every number that may count something (not a year)."""
    for snippet in real_index.kb.snippets:
        clauses = _clauses(snippet.text)
        assert [clause.text for clause in clauses] == _CLAUSE_BREAK.split(snippet.text)
        for clause in clauses:
            assert list(clause.words) == words(clause.text)
            assert clause.keys == tuple(_key(word) for word in clause.words)
            assert clause.numbers == tuple(
                position
                for position, word in enumerate(clause.words)
                if (word[0].isdigit() and not _YEAR.fullmatch(word)) or word in _NUMBER_WORDS
            )
