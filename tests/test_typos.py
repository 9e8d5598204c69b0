"""Stop words typed wrong (bot.typos) and how the question reader spells them."""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from bot.typos import one_edit, stop_word_meant


@pytest.mark.parametrize(
    ("word", "other", "kind"),
    [
        ("waht", "what", "transposition"),
        ("wher", "where", "insertion"),
        ("whatt", "what", "deletion"),
        ("save", "same", "substitution"),
        ("what", "what", None),
        ("wht", "where", None),
        ("abcd", "badc", None),
    ],
)
def test_one_edit_names_the_single_edit(word: str, other: str, kind: str | None) -> None:
    assert one_edit(word, other) == kind


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("waht", "what"),
        ("teh", "the"),
        ("thier", "their"),
        ("wher", "where"),
        ("cna", "can"),
        # Real words one letter from a stop word are not typos of it.
        ("save", None),
        ("hit", None),
        ("hat", None),
        ("what", None),  # already a stop word
        ("ur", None),  # too short to tell from shorthand
    ],
)
def test_a_stop_word_typed_wrong_is_read_as_that_word(word: str, meant: str | None) -> None:
    assert stop_word_meant(word) == meant


def test_the_reader_spells_stop_words_but_not_acronyms_or_known_words(
    real_index: SnippetIndex,
) -> None:
    """ "waht do CPSs do" reaches the duties frame; "CNA" as written is an acronym; a word the
    passages use is never respelt."""
    assert real_index.read("waht do certified peer specialists do").frame is not None
    assert real_index.read("waht do certified peer specialists do").frame.id == "duties"
    assert "cna" in real_index.read("can a CNA be a peer specialist?").words
    assert real_index.reader.spell_out("cna peers bill medicaid?") == "can peers bill medicaid?"
