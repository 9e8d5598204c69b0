"""The C stemmer (PyStemmer) gives exactly the stems of the pure-Python Snowball port.

peerbot switched from `snowballstemmer`'s pure-Python English stemmer to PyStemmer, the Snowball
project's C build of the same algorithm, to make cold builds fast. A stem that differed would
silently change which snippets share terms with a question, so every word peerbot is likely to
meet is compared: every word of the knowledge base, the seeds and the test questions, tens of
thousands of derived forms of them (each suffix the algorithm's steps strip), and the
algorithm's own exceptional words.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest
import Stemmer
from hypothesis import example, given, settings
from hypothesis import strategies as st
from snowballstemmer.english_stemmer import EnglishStemmer

from bot import tokenize as tokenize_module
from bot.tokenize import NUMBER_WORDS, STOP_WORDS, normalize, stem_word, tokenize, words
from tests.conftest import PROJECT_ROOT

# Suffixes handled by Porter2's steps 0-5 (plurals, -ed/-ing, -y, derivational endings).
SUFFIXES = """
    s es ies ied ed ing ingly edly eed eedly ly y ness ful fully fulness ation ational ations
    ize izes ized izer izing ization ise ised ity ities ive ively iveness able ably ible ment
    ments ence ance ences er ers est al ally ous ously ousness ism ist ists iviti aliti biliti
    bli alli entli eli ousli logi li ic ical icate iciti ative alize ant ent ement ion sion tion
    ou ate iti
""".split()

# Words Porter2 treats as exceptions or that exercise its special prefixes and regions.
SPECIAL = """
    skis skies dying lying tying idly gently ugly early only singly sky news howe atlas cosmos
    bias andes inning innings outing outings canning cannings herring herrings earring earrings
    proceed proceeds proceeding exceed exceeds exceeding succeed succeeds succeeding generate
    generous generously communal communism arsenal arsenic gener commun arsen yes yell y'all
    consign consigned consigning consignment consist consisted consistency consistent caresses
    ponies ties caress cats feed agreed disabled matting mating meeting milling messing meetings
    happy sky enjoy enjoying sprinted sprinting cry crying ""
""".split()


def _texts() -> list[str]:
    files = [
        *sorted((PROJECT_ROOT / "knowledge").rglob("*.yaml")),
        *sorted((PROJECT_ROOT / "seeds").glob("*")),
        *sorted((PROJECT_ROOT / "tests" / "data").glob("*.yaml")),
    ]
    return [path.read_text(encoding="utf-8") for path in files if path.is_file()]


@cache
def vocabulary() -> list[str]:
    """Every distinct word the tokenizer would stem, plus derived and exceptional forms."""
    base = sorted({word for text in _texts() for word in words(text) if not word[0].isdigit()})
    derived = {word + suffix for word in base if len(word) > 2 for suffix in SUFFIXES}
    special = {word.strip('"') for word in SPECIAL}
    return sorted(set(base) | derived | special)


def test_vocabulary_is_large() -> None:
    assert len(vocabulary()) >= 50_000


def test_c_stemmer_matches_pure_python_snowball() -> None:
    reference = EnglishStemmer()
    fast = Stemmer.Stemmer("english")
    all_words = vocabulary()
    expected = [reference.stemWord(word) for word in all_words]
    differ = [
        (word, theirs, ours)
        for word, theirs, ours in zip(all_words, expected, fast.stemWords(all_words), strict=True)
        if theirs != ours
    ]
    assert differ == []


def test_tokenizer_uses_the_c_stemmer() -> None:
    reference = EnglishStemmer()
    for word in ("generously", "certification", "supporters", "dying"):
        assert stem_word(word) == reference.stemWord(word)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=97, max_codepoint=122), min_size=1))
def test_c_stemmer_matches_on_random_lowercase_words(word: str) -> None:
    assert Stemmer.Stemmer("english").stemWord(word) == EnglishStemmer().stemWord(word)


def _reference_normalize(text: str) -> str:
    """normalize() without its ASCII shortcut."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped).casefold()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_shortcut_normalizes_like_the_general_path(text: str) -> None:
    assert normalize(text) == _reference_normalize(text)


@pytest.mark.parametrize("index", range(3))
def test_real_texts_normalize_like_the_general_path(index: int) -> None:
    texts = _texts()
    for text in texts[index::3]:
        for line in text.splitlines():
            assert normalize(line) == _reference_normalize(line)
            assert words(line) == [w.lower() for w in _reference_words(line)]


def _reference_words(text: str) -> list[str]:
    from bot.tokenize import _TOKEN_RE

    return list(_TOKEN_RE.findall(_reference_normalize(text)))


def _reference_tokenize(text: str) -> list[str]:
    """tokenize() as it was before its term cache: word by word, stem by stem (number words as
    their digits, as the index reads them; words with a stem of their own, `_OWN_STEMS`, with
    it)."""
    terms = []
    for word in words(text):
        if word in STOP_WORDS:
            continue
        word = NUMBER_WORDS.get(word, word)
        if word[0].isdigit():
            terms.append(word)
            continue
        stem = tokenize_module._OWN_STEMS.get(word) or EnglishStemmer().stemWord(word).lower()
        if stem and stem not in STOP_WORDS:
            terms.append(stem)
    return terms


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("PERSONAL Limitations, actively useful")  # words with a stem of their own
def test_cached_tokenize_matches_word_by_word(text: str) -> None:
    assert tokenize(text) == _reference_tokenize(text)
    assert tokenize(text) == _reference_tokenize(text)  # now from the cache


def test_term_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokenize_module, "_TERM_CACHE_SIZE", 4)
    tokenize_module._terms.clear()
    text = "peers supporting certified specialists across many different states"
    assert tokenize(text) == _reference_tokenize(text)
    assert 0 < len(tokenize_module._terms) <= 4
