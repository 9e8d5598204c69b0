"""Words the stemmer would merge with a word of another meaning keep a stem of their own.

Porter2 strips derivational endings: "useful" became "use", so "why wasn't peer support useful
for some bipolar clients" was covered by any passage on the *use* of services; "limitations"
became "limit", so "what are the limitations of peer support" was answered by a list of job
titles "including but not limited to". `bot.tokenize._OWN_STEMS` gives such words their own
stem. Questions here are our own (checked not to be evaluation questions).
"""

from __future__ import annotations

import pytest
import Stemmer

from bot import tokenize as tokenize_module
from bot.index import SnippetIndex
from bot.tokenize import stem_word, words
from tests.conftest import PROJECT_ROOT
from tests.own_questions import own


def _knowledge_words() -> set[str]:
    files = [*sorted((PROJECT_ROOT / "knowledge").rglob("*.yaml"))]
    return {word for path in files for word in words(path.read_text(encoding="utf-8"))}


def test_each_word_kept_apart_would_otherwise_merge_with_a_knowledge_base_word() -> None:
    """The list holds only merges that happen: each family, stemmed by Porter2, meets a word of
    the knowledge base outside the family (else the entry protects nothing)."""
    stemmer = Stemmer.Stemmer("english")
    families: dict[str, set[str]] = {}
    for word, own_stem in tokenize_module._OWN_STEMS.items():
        families.setdefault(own_stem, set()).add(word)
    vocabulary = _knowledge_words()
    for own_stem, family in families.items():
        porter = {stemmer.stemWord(word) for word in family}
        others = {w for w in vocabulary - family if w.isalpha() and stemmer.stemWord(w) in porter}
        assert others, f"{own_stem}: {sorted(family)} merges with no knowledge-base word"
        assert all(stem_word(word) == own_stem for word in family)
        assert all(stem_word(word) != own_stem for word in others)


@pytest.mark.parametrize(
    ("kept", "merged"),
    [("useful", "use"), ("several", "severity"), ("limitations", "limited")],
)
def test_a_word_kept_apart_no_longer_shares_a_stem(kept: str, merged: str) -> None:
    assert stem_word(kept) != stem_word(merged)


@pytest.mark.parametrize(
    "question",
    [
        "why wasnt peer support useful for some of the bipolar clients in the HK study",
        "did some people with bipolar think peer workers werent useful",
    ],
)
def test_useful_is_answered_by_the_passage_on_usefulness(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == "tse2019-medication-not-useful"


def test_limitations_are_not_a_list_not_limited_to_some_titles(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what are the limitations of peer support"))
    assert "lafrance2017-job-titles" not in [result.snippet_id for result in answer.results]
