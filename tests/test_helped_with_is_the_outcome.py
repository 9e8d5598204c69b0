"""An outcome asked about: what peers "help with", and one no passage names (round 26).

"do peers help with employment outcomes" was answered with Bellamy's hope-and-empowerment
finding: "help" is no outcome verb, so no outcome was asked, and every passage on peers
outranked the one finding that DDA "contributed to integrate members into employment" (34th
candidate). Now what follows "help with" is the outcome: a passage must name one of its words
(not "health" or "mental" alone) and say something changes it, and the passages that do are
candidates whatever their rank. "contributed to" is a change the sources state. Own questions,
not in the eval files.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

EMPLOYMENT = "milani2020-employment-commissioning"


def test_help_with_employment_is_answered_by_the_employment_finding(
    real_index: SnippetIndex,
) -> None:
    assert_answered_first(real_index, "do peers help with employment outcomes", EMPLOYMENT)


def test_a_passage_naming_nothing_helped_with_is_not_shown(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("does peer support help with employment outcomes?"))
    shown = [result.snippet_id for result in answer.results]
    assert "bellamy2017-hope-empowerment" not in shown, shown


def test_one_word_of_what_is_helped_with_is_enough(real_index: SnippetIndex) -> None:
    # "recovery process" answers help with substance use recovery, though it does not say
    # "substance use".
    answer = real_index.search(own("do peers help with substance use recovery"))
    assert answer.answered
    assert answer.results[0].snippet_id in {
        "milani2020-both-at-once",
        "milani2020-dual-strength",
        "milani2020-five-areas",
    }


def test_health_alone_does_not_name_physical_health(real_index: SnippetIndex) -> None:
    # "mental health settings" (the research-grown passage) says nothing of physical health.
    answer = real_index.search(own("can peer support help with physical health and wellness?"))
    assert answer.answered
    shown = [result.snippet_id for result in answer.results]
    assert shown[0] == "bellamy2017-evidence-update-domains", shown
    assert "bellamy2017-research-grown" not in shown, shown


def test_help_with_mental_health_asks_no_outcome_of_its_own(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("do peers help with mental health at all"))
    assert real_index._outcome_asked(real_index._analyse(reading)) is None


def test_help_with_an_outcome_no_passage_changes_is_declined(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("do peer workers help with medication adherence"))
    assert not answer.answered
    assert answer.missing == "evidence on medication adherence"


def test_an_outcome_no_passage_names_is_said_beside_other_evidence(
    real_index: SnippetIndex,
) -> None:
    # Declined bare (nothing missing, nothing related) before: now what is missing, and the
    # evidence on hospitalization, the nearest outcome the sources weigh.
    answer = real_index.search(own("is there any evidence peers reduce ER visits?"))
    assert not answer.answered
    assert answer.missing == "evidence on emergency room visits"
    assert [result.snippet_id for result in answer.related] == ["bellamy2017-hospitalization-mixed"]
