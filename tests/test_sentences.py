"""Seed sentence segmentation for the coverage check: abbreviations, wrapping, page furniture."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge import collapse_whitespace
from bot.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Peers help people. They listen well. Does it work? Yes it does!",
            ["Peers help people.", "They listen well.", "Does it work?", "Yes it does!"],
            id="plain-sentences",
        ),
        pytest.param(
            "It grew (Chinman et al., 2014; Cronise et al. 2016). Staff noticed it too.",
            ["It grew (Chinman et al., 2014; Cronise et al. 2016).", "Staff noticed it too."],
            id="et-al",
        ),
        pytest.param(
            "Most U.S. states certify them. Some do not yet.",
            ["Most U.S. states certify them.", "Some do not yet."],
            id="u-s",
        ),
        pytest.param(
            "Written by Stacey L. Barrenger and Winnie W. Y. Yuen with E.S. Rogers. It is short.",
            [
                "Written by Stacey L. Barrenger and Winnie W. Y. Yuen with E.S. Rogers.",
                "It is short.",
            ],
            id="initials",
        ),
        pytest.param(
            "Some settings, e.g. Drop in centers, vary. See Vol. 21 No. 3 of the journal.",
            ["Some settings, e.g. Drop in centers, vary.", "See Vol. 21 No. 3 of the journal."],
            id="e-g-vol-no",
        ),
        pytest.param(
            "It addresses challenges of people.Addressing them is hard for all.",
            ["It addresses challenges of people.", "Addressing them is hard for all."],
            id="missing-space-after-stop",
        ),
        pytest.param(
            "It will rise to 15% by 2020. (WHO, a call, 2001) Further, one in four is affected.",
            [
                "It will rise to 15% by 2020.",
                "(WHO, a call, 2001)",
                "Further, one in four is affected.",
            ],
            id="citation-between-sentences",
        ),
        pytest.param(
            "He said “hire 800 counselors to help.” Later that month it changed again.",
            ["He said “hire 800 counselors to help.”", "Later that month it changed again."],
            id="closing-quote",
        ),
        pytest.param(
            "Purpose Peer services grew a lot. Findings Peers are as effective as others.",
            ["Peer services grew a lot.", "Peers are as effective as others."],
            id="structured-abstract-labels",
        ),
        pytest.param(
            "Abstract Background Knowledge construction is a form of communication.",
            ["Knowledge construction is a form of communication."],
            id="stacked-labels",
        ),
    ],
)
def test_sentences_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_hard_wrapped_lines_join_into_one_sentence() -> None:
    text = (
        "Evidence suggests that peer specialists experience role ambiguity within many existing\n"
        "programs and systems. Research has been most favorable for manualized group work in the\n"
        "USA (Mental Health America, 2017a; US Department of Health and Human Services, 2017).\n"
    )
    assert _texts(text) == [
        "Evidence suggests that peer specialists experience role ambiguity within many existing "
        "programs and systems.",
        "Research has been most favorable for manualized group work in the USA (Mental Health "
        "America, 2017a; US Department of Health and Human Services, 2017).",
    ]


def test_metadata_lines_never_join_the_sentence_after_them() -> None:
    text = (
        "Date: 03/23/2017\n"
        "Author(s): Alicia LaFrance, Lisel Blash, Joanne Spetz and Susan Chapman\n"
        "This report updates a literature review on peer support providers prepared in 2015.\n"
        "Summary of Findings\n"
        "- Peer specialists work in a broad range of behavioral health settings.\n"
        "- Funding mechanisms vary\n"
    )
    sentences = split_sentences(text)
    assert [(s.line, s.text) for s in sentences] == [
        (2, "Author(s): Alicia LaFrance, Lisel Blash, Joanne Spetz and Susan Chapman"),
        (3, "This report updates a literature review on peer support providers prepared in 2015."),
        (4, "Summary of Findings"),
        (5, "Peer specialists work in a broad range of behavioral health settings."),
        (6, "Funding mechanisms vary"),
    ]


def test_fragments_under_three_words_are_not_sentences() -> None:
    assert _texts("2017 ◽\nVol 21 (3) ◽\npp. 168-175 ◽\nAuthor(s):\n\nSign in / Sign up\n") == [
        "Sign in / Sign up"
    ]


def test_sentences_report_the_line_they_start_on() -> None:
    text = (
        "A short heading\n\nFirst sentence is here. The second one is long enough that it\n"
        "wraps onto the next line.\nA short line\nstarts a new block.\n"
    )
    assert [(s.line, s.text) for s in split_sentences(text)] == [
        (1, "A short heading"),
        (3, "First sentence is here."),
        (3, "The second one is long enough that it wraps onto the next line."),
        (5, "A short line"),
        (6, "starts a new block."),
    ]


@given(st.text(alphabet=st.sampled_from(list("Ab. ?!\n-()“”;,:eU.S")) | st.characters()))
def test_every_sentence_is_verbatim_in_the_text(text: str) -> None:
    """Coverage compares sentences with quotes, so a sentence must never be rewritten."""
    collapsed = collapse_whitespace(text)
    for sentence in split_sentences(text):
        assert sentence.text
        assert sentence.text in collapsed
