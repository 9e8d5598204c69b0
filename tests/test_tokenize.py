"""The tokenizer is shared by snippets and questions, so its contract is tested as properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.tokenize import _ASCII_TOKEN_RE, _TOKEN_RE, STOP_WORDS, tokenize, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Peer-delivered services", ["peer", "deliv", "servic"], id="hyphen-splits"),
        pytest.param("1:1 support", ["1:1", "support"], id="ratio-kept"),
        pytest.param("41 states", ["41", "state"], id="number-kept"),
        pytest.param("2.3 million dollars", ["2.3", "million", "dollar"], id="decimal-kept"),
        pytest.param("What is the role of a peer?", ["role", "peer"], id="stop-words-dropped"),
        pytest.param(
            "why dont they hire peers, theyre cheap",
            ["hire", "peer", "cheap"],
            id="contractions-without-apostrophes-are-stop-words",
        ),
        pytest.param(
            "CERTIFICATION Certified certify", ["certif", "certifi", "certifi"], id="stems"
        ),
        pytest.param("Café naïve", ["cafe", "naiv"], id="accents-folded"),
        pytest.param("ﬁnding", ["find"], id="ligature-normalised"),
        pytest.param("clients’ “core conditions”", ["client", "core", "condit"], id="curly-quotes"),
        pytest.param("", [], id="empty"),
        pytest.param("?!... --- ***", [], id="punctuation-only"),
    ],
)
def test_tokenize_examples(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


def test_question_and_passage_share_terms() -> None:
    question = tokenize("How many states certify peer specialists?")
    passage = tokenize("41 states have established programs to train and certify peer specialists.")
    assert {"state", "certifi", "peer", "specialist"} <= set(question) & set(passage)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_output_is_clean(text: str) -> None:
    tokens = tokenize(text)
    assert all(token for token in tokens)
    assert all(token == token.lower() for token in tokens)
    assert not any(token in STOP_WORDS for token in tokens)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_deterministic(text: str) -> None:
    assert tokenize(text) == tokenize(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), max_size=6))
def test_whitespace_split_gives_same_tokens(parts: list[str]) -> None:
    text = " ".join(parts)
    assert [token for part in text.split() for token in tokenize(part)] == tokenize(text)


_ASCII_TEXT = st.text(alphabet=st.sampled_from("abcXYZ09 5.,:;-_'?!\t\n"), max_size=60) | st.text(
    alphabet=st.characters(max_codepoint=127), max_size=60
)


@settings(max_examples=500, deadline=None)
@given(_ASCII_TEXT)
def test_ascii_runs_are_the_unicode_pattern_s(text: str) -> None:
    """ASCII text is split by a pattern without Unicode classes (faster): the same runs."""
    assert _ASCII_TOKEN_RE.findall(text) == _TOKEN_RE.findall(text)
    assert words(text) == [word.lower() for word in _TOKEN_RE.findall(text.lower())]


def test_stemming_from_many_threads_gives_the_same_stems() -> None:
    """The app answers on a thread pool; a shared stemmer must not mix up two threads' words."""
    import sys
    import threading

    import snowballstemmer

    from bot.tokenize import stem_word

    stems = ("organiz", "national", "relat", "condition", "effect", "motiv", "hope", "care")
    endings = ("ation", "ational", "ization", "fulness", "iveness", "ically", "ousness", "encies")
    words = [f"{s}{e}{x}" for s in stems for e in endings for x in ("", "s", "ing", "ed", "ness")]
    reference = snowballstemmer.stemmer("english")
    expected = {word: reference.stemWord(word).lower() for word in words}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, as a busy server does
    stem_word.cache_clear()
    wrong: list[str] = []

    def stem_all() -> None:
        try:
            wrong.extend(word for word in words if stem_word(word) != expected[word])
        except IndexError as error:
            wrong.append(repr(error))

    try:
        threads = [threading.Thread(target=stem_all) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
        stem_word.cache_clear()
    assert wrong == []
