"""What a role does, asked inside a statement, is the duties frame (round 27).

"need to explain to our new clinicians what peer specialists do" and "not sure what a peer
bridger does" read as no frame: the duties cues were all direct questions ("what do * do").
The same words in a sentence's word order ("what peer specialists do", "what a peer bridger
does") are now duties cues too, and not knowing something ("no clue", "not sure", "no idea",
"don't know" what/how ...) is a wish to know it: what follows is the ask. Own questions, not
in the eval files.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import own


def test_what_peer_specialists_do_in_a_statement_is_answered_with_their_activities(
    real_index: SnippetIndex,
) -> None:
    answer = real_index.search(own("honestly no clue what peer specialists do all week"))
    assert answer.answered and answer.frame == "duties"
    assert answer.results[0].snippet_id == "peersforprogress-activities"


def test_what_a_listed_title_does_says_the_sources_only_list_it(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("kinda unsure what a client liaison does tbh"))
    assert not answer.answered and answer.frame == "duties"
    assert [result.snippet_id for result in answer.related][:1] == ["lafrance2017-job-titles"]


def test_not_knowing_how_is_asking_how(real_index: SnippetIndex) -> None:
    question = own("no idea how peer programs are paid for around here, help")
    assert real_index.read(question).ask.startswith("how peer programs are paid for")
