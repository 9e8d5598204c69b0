"""Questions of our own: a test of a retrieval rule asks questions found in no evaluation file.

The dev split is tuned on, so a rule proved only on its questions proves nothing about new ones;
each test module that proves a rule checks its questions here first. (The test split is never
opened by the tests that guard rules: only `tests/test_evaluation.py` scores it.)
"""

from __future__ import annotations

from functools import cache

from bot.index import SnippetIndex
from tests.conftest import PROJECT_ROOT

EVAL_FILES = sorted((PROJECT_ROOT / "tests" / "data").glob("questions-dev*.yaml"))


@cache
def _eval_text() -> str:
    """Every evaluation file, case-folded, read once per test run."""
    return " ".join(path.read_text(encoding="utf-8").casefold() for path in EVAL_FILES)


def not_in_eval_files(*questions: str) -> None:
    """Fail if any of the questions stands in an evaluation file."""
    for question in questions:
        assert question.casefold() not in _eval_text(), f"{question!r} is an evaluation question"


def own(question: str) -> str:
    """The question, checked not to be an evaluation question."""
    not_in_eval_files(question)
    return question


def assert_among_answers(index: SnippetIndex, question: str, snippet_id: str) -> None:
    """The question (not an evaluation question) is answered, this passage among the shown."""
    answer = index.search(own(question))
    assert answer.answered, question
    assert snippet_id in [result.snippet_id for result in answer.results], question


def assert_answered_first(index: SnippetIndex, question: str, snippet_id: str) -> None:
    """The question (not an evaluation question) is answered, this passage shown first."""
    answer = index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == snippet_id, question


def assert_partial(index: SnippetIndex, question: str, frame: str, missing: str) -> None:
    """The question (not an evaluation question) is not answered, is read as this frame, and
    the reply says what the sources do not give, starting with `missing`."""
    answer = index.search(own(question))
    assert not answer.answered, question
    assert answer.results == ()
    assert answer.frame == frame, question
    assert answer.missing is not None and answer.missing.startswith(missing), answer.missing


def topics_of(index: SnippetIndex, snippet_id: str) -> tuple[str, ...]:
    """The topics a passage is filed under (what a test says a reply's passages are about)."""
    return next(snippet.topics for snippet in index.kb.snippets if snippet.id == snippet_id)
