"""The pure parts of conversations: reading a follow-up, and the Block Kit they add."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.answer import Answer, Result
from bot.config import ConfigError, load_settings
from bot.conversation import (
    _normal,
    concept_names,
    facet_ids,
    follow_up_question,
    is_chatter,
    named_concepts,
    thread_concepts,
)
from bot.conversation_blocks import (
    Escalation,
    ask_person_value,
    escalation_metadata,
    parse_escalation,
    parse_escalation_metadata,
    parse_share_answer,
    render_escalation_modal,
    render_escalation_post,
    render_vote_state,
    share_answer_value,
    should_offer_person,
    voted_message,
    with_ask_a_person,
    with_reading_note,
    with_remove,
)
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase
from bot.store import (
    LATEST_VERSION,
    MIGRATIONS,
    Answered,
    SQLiteDatabase,
    SQLStore,
    Vote,
    ballot_key,
    migrate,
    schema_version,
)
from tests.golden_answers import golden_questions
from tests.slack.fakes import block_kit_problems, texts

NAMES = {
    "peer-bridger": ("Peer bridger", "bridger"),
    "recovery-coach": ("Recovery coach",),
    "funding": ("Funding",),
    "roles-duties": ("Roles and duties",),
}
FACETS = frozenset({"funding", "roles-duties"})
THREAD = ("peer-bridger", "roles-duties")


@pytest.mark.parametrize(
    ("text", "question"),
    [
        pytest.param(
            "what about youth?",
            "what about youth? (Peer bridger, Roles and duties)",
            id="facet-gets-the-subject",
        ),
        pytest.param("funding?", "funding? (Peer bridger)", id="topic-is-a-facet"),
        pytest.param(
            "what about recovery coaches?", "what about recovery coaches?", id="new-subject"
        ),
        pytest.param(
            "how do peer programs train staff to work with young people at night",
            "how do peer programs train staff to work with young people at night",
            id="a-whole-question",
        ),
    ],
)
def test_follow_up_question(text: str, question: str) -> None:
    assert follow_up_question(text, THREAD, NAMES, FACETS) == question


def test_a_follow_up_outside_a_known_thread_is_as_written() -> None:
    assert follow_up_question("what about youth?", (), NAMES, FACETS) == "what about youth?"


def test_named_concepts_match_whole_words_and_plurals() -> None:
    assert named_concepts("do bridgers get paid", NAMES) == ("peer-bridger",)
    assert named_concepts("bridgerton season two", NAMES) == ()
    names = {"ps": ("peer specialist",), "cps": ("certified peer specialist",), **NAMES}
    assert named_concepts("funding for certified peer specialists?", names) == ("funding", "cps")


def _named_by_scanning_every_name(text: str, names: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The definition `named_concepts` implements: every name looked for in the whole text."""
    padded = f" {_normal(text)} "
    matched = {}
    for concept_id, concept_names_ in names.items():
        hits = [n for name in concept_names_ if (n := _normal(name)) and f" {n} " in padded]
        if hits:
            matched[concept_id] = max(hits, key=len)
    kept = [
        concept_id
        for concept_id, normal in matched.items()
        if not any(len(o) > len(normal) and f" {normal} " in f" {o} " for o in matched.values())
    ]
    return tuple(sorted(kept, key=lambda concept_id: padded.find(f" {matched[concept_id]} ")))


def test_named_concepts_finds_what_scanning_every_name_finds(real_kb: KnowledgeBase) -> None:
    """Names are looked for only when their first word is in the text: on every development
    and hostile question, every name and alias alone, and names run together, the concepts
    found are those a scan of every name finds."""
    names = dict(concept_names(real_kb))
    every_name = [name for aliases in names.values() for name in aliases]
    texts_ = [question for _, question in golden_questions()]
    texts_ += every_name + [f"what about {name}s?" for name in every_name]
    texts_ += [" and ".join(every_name[n : n + 3]) for n in range(0, len(every_name), 2)]
    found = 0
    for text in texts_:
        expected = _named_by_scanning_every_name(text, names)
        assert named_concepts(text, names) == expected, text
        found += bool(expected)
    assert found > len(every_name)  # the check saw names found, not only misses


@pytest.mark.parametrize("text", ["thanks!", "ok got it", "Thank you :)", "👍"])
def test_chatter(text: str) -> None:
    assert is_chatter(text)


def test_a_question_is_not_chatter() -> None:
    assert not is_chatter("thanks, and what about youth?")


def test_thread_concepts(real_kb: KnowledgeBase, real_index: SnippetIndex) -> None:
    # The question's own subject, the longest name matched: not "peer specialist" as well.
    answer = real_index.search("what does a certified peer specialist do?")
    assert thread_concepts(answer, real_kb) == ("certified-peer-specialist",)
    assert facet_ids(real_kb) == frozenset(real_kb.topics)
    assert set(concept_names(real_kb)) >= set(real_kb.roles) | set(real_kb.topics)
    # Retrieval's reading wins when it gives one.
    told = Answer("q", True, answer.results, (), concepts=("medicaid", "peer-specialist"))
    assert thread_concepts(told, real_kb) == ("medicaid", "peer-specialist")
    # A question naming nothing: the first passage's first role and topic.
    unnamed = Answer("what is it like?", True, answer.results[:1], ())
    first = next(s for s in real_kb.snippets if s.id == answer.results[0].snippet_id)
    assert thread_concepts(unnamed, real_kb) == (*first.roles[:1], *first.topics[:1])
    assert thread_concepts(Answer("what?", False, (), ()), real_kb) == ()


def test_thread_concepts_follow_a_reloaded_knowledge_base(
    real_kb: KnowledgeBase, real_index: SnippetIndex
) -> None:
    """What threads are read with is built once per knowledge base, not once and for all: a
    reload (SIGHUP) that retags a passage or renames a role is seen by the next answer."""
    answer = real_index.search("what does a certified peer specialist do?")
    unnamed = Answer("what is it like?", True, answer.results[:1], ())
    first = next(s for s in real_kb.snippets if s.id == answer.results[0].snippet_id)
    retagged = replace(first, roles=("peer-bridger",), topics=("funding",))
    reloaded = replace(
        real_kb,
        snippets=tuple(retagged if s is first else s for s in real_kb.snippets),
        topics={**real_kb.topics, "zz-new": replace(next(iter(real_kb.topics.values())))},
    )
    assert thread_concepts(unnamed, real_kb) == (*first.roles[:1], *first.topics[:1])
    assert thread_concepts(unnamed, reloaded) == ("peer-bridger", "funding")
    assert "zz-new" in facet_ids(reloaded) and "zz-new" not in facet_ids(real_kb)
    assert thread_concepts(unnamed, real_kb) == (*first.roles[:1], *first.topics[:1])


# --- Block Kit --------------------------------------------------------------------------------


def _result(snippet_id: str = "s1", text: str = "A quoted passage.") -> Result:
    return Result(snippet_id, "src", text, "Ada (2020). T.", None, "report", "Ada (2020)", 1.0)


def test_share_value_carries_ids_source_and_any_question() -> None:
    answer = Answer("a|b <!channel>", True, (_result("x"), _result("y")), ())
    value = share_answer_value(answer, "C1:1.2")
    assert parse_share_answer(value) == (("x", "y"), "C1:1.2", "a|b <!channel>")
    long = Answer("q" * 5000, True, (_result("x"),), ())
    assert len(share_answer_value(long)) == 2000


def test_escalation_value_round_trips_and_fits() -> None:
    answer = Answer("q" * 5000, False, (), (), crisis=True, missing="pay figures")
    value = ask_person_value(answer)
    assert len(value) <= 2000
    escalation = parse_escalation(value)
    assert escalation is not None
    assert escalation.question == "q" * 1500 and escalation.missing == "pay figures"
    assert escalation.crisis
    assert parse_escalation("not json") is None and parse_escalation("[1]") is None


def test_escalation_post_cannot_ping_with_the_question() -> None:
    answer = Answer("<!channel> help", False, (), ())
    escalation = parse_escalation(ask_person_value(answer))
    assert escalation is not None
    blocks = render_escalation_post(
        asker="U0ALICE",
        question="<!channel> <@U0BOSS> help",
        permalink="https://x.slack.com/archives/C1/p1",
        where="C1",
        escalation=escalation,
        found=[_result(text="Text with <!here> & more")],
        mention=None,
    )
    assert block_kit_problems(blocks) == []
    mrkdwn = "\n".join(texts(blocks, "mrkdwn"))
    assert "<!channel>" not in mrkdwn and "<!here>" not in mrkdwn and "<@U0BOSS>" not in mrkdwn
    assert "&lt;!here&gt;" in mrkdwn
    assert blocks[1]["text"]["type"] == "plain_text"


def test_modal_fits_slacks_limits() -> None:
    view = render_escalation_modal(
        channel="C0SUPPORT", preview=[], question="q" * 4000, metadata="{}"
    )
    assert len(view["title"]["text"]) <= 24
    assert len(view["blocks"][-1]["element"]["initial_value"]) == 3000


def test_controls_are_added_without_touching_the_input() -> None:
    blocks = [{"type": "actions", "block_id": "answer_actions", "elements": []}]
    added = with_remove(with_ask_a_person(blocks, "{}"), "U0ALICE")
    assert blocks[0]["elements"] == []
    kinds = [element["type"] for element in added[0]["elements"]]
    assert kinds == ["button", "overflow"]
    assert with_remove([], "U0ALICE")[0]["block_id"] == "answer_actions"


def test_vote_state_names_the_voted_message() -> None:
    blocks = render_vote_state("helpful", "h|s1", "C1:1700000000.000001")
    assert voted_message(blocks[-1]["block_id"]) == "C1:1700000000.000001"
    assert "You found this helpful" in json.dumps(blocks)
    assert block_kit_problems(blocks) == []


# --- store ------------------------------------------------------------------------------------


def test_conversation_store_keeps_ids_and_expires(tmp_path: Path) -> None:
    database = SQLiteDatabase(tmp_path / "db.sqlite3")
    store = SQLStore(database, keep_seconds=3600)
    store.remember_thread("C1", "1.1", ("peer-bridger",))
    store.remember_thread("C1", "1.1", ("recovery-coach",))
    assert store.thread("C1", "1.1") == ("recovery-coach",)
    assert store.thread("C2", "1.1") is None
    store.remember_answer(Answered("C1", "1.2", "1.3"))
    assert store.answered("C1", "1.2") == Answered("C1", "1.2", "1.3")
    store.remember_share("C1", "1.2", "C9", "9.9")
    store.remember_share("C1", "1.2", "C9", "9.9")
    assert store.shares_of("C1", "1.2") == [("C9", "9.9")]
    store.forget_answer("C1", "1.2")
    store.forget_shares("C1", "1.2")
    store.forget_thread("C1", "1.1")
    assert (store.answered("C1", "1.2"), store.shares_of("C1", "1.2")) == (None, [])
    assert store.thread("C1", "1.1") is None
    # Kept for less than no time: every row is already past its day.
    expired = SQLStore(database, keep_seconds=-1)
    expired.remember_answer(Answered("C1", "2.1", "2.2"))
    assert expired.answered("C1", "2.1") is None
    database.close()


def test_a_ballot_is_one_vote_per_person_per_message(tmp_path: Path) -> None:
    database = SQLiteDatabase(tmp_path / "db.sqlite3")
    feedback = SQLStore(database)
    alice = ballot_key("C1:1.1", "U0ALICE")
    assert alice != ballot_key("C1:1.2", "U0ALICE") != ballot_key("C1:1.1", "U0BOB")
    for kind in ("helpful", "helpful", "not_helpful"):
        feedback.record(Vote(kind, "h", ("s1",), time.time(), ballot=alice))  # type: ignore[arg-type]
    feedback.record(Vote("helpful", "h", ("s1",), time.time(), ballot=ballot_key("C1:1.1", "B")))
    summary = feedback.summary()
    assert (summary.helpful, summary.not_helpful) == (1, 1)
    dump = "\n".join(database_dump(tmp_path / "db.sqlite3"))
    assert "U0ALICE" not in dump
    database.close()


def database_dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PEERBOT_ESCALATION_CHANNEL", "#support"),
        ("PEERBOT_ESCALATION_CHANNEL", "S0GROUP"),
        ("PEERBOT_ESCALATION_MENTION", "@coordinators"),
        ("PEERBOT_FOLLOW_UPS", "maybe"),
    ],
)
def test_bad_conversation_settings_are_named(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})


def test_conversation_settings() -> None:
    settings = load_settings(
        {
            "PEERBOT_ESCALATION_CHANNEL": "C0SUPPORT",
            "PEERBOT_ESCALATION_MENTION": "S0COORD",
            "PEERBOT_FOLLOW_UPS": "false",
        }
    )
    assert (settings.escalation_channel, settings.escalation_mention) == ("C0SUPPORT", "S0COORD")
    assert settings.follow_ups is False
    assert load_settings({}).follow_ups is True


def test_a_version_1_database_gains_the_conversation_tables_and_keeps_its_votes(
    tmp_path: Path,
) -> None:
    database = SQLiteDatabase(tmp_path / "old.sqlite3")
    assert migrate(database, MIGRATIONS[:1]) == [1]
    with database.session() as session:
        session.execute(
            "INSERT INTO feedback (voted_at, vote, question_hash, snippet_ids) VALUES (?, ?, ?, ?)",
            (1.0, "helpful", "h", '["s1"]'),
        )
    store = SQLStore(database)
    assert schema_version(database) == LATEST_VERSION
    assert store.summary().helpful == 1
    store.remember_thread("C1", "1.1", ("peer-bridger",))
    assert store.thread("C1", "1.1") == ("peer-bridger",)
    store.close()


@pytest.mark.parametrize(
    ("answer", "offered"),
    [
        pytest.param(Answer("q", True, (_result(),), ()), False, id="answered"),
        pytest.param(Answer("q", False, (), ()), True, id="declined"),
        pytest.param(
            Answer("q", False, (), (), missing="pay figures", related=(_result(),)),
            True,
            id="partial",
        ),
        pytest.param(Answer("q", True, (_result(),), (), crisis=True), True, id="crisis"),
    ],
)
def test_who_is_offered_a_person(answer: Answer, offered: bool) -> None:
    assert should_offer_person(answer) is offered
    if offered:
        escalation = parse_escalation(ask_person_value(answer))
        assert escalation is not None
        assert escalation.snippet_ids == tuple(
            r.snippet_id for r in (*answer.results, *answer.related)
        )


def test_reading_note_sits_above_the_buttons() -> None:
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "> quote"}},
        {"type": "actions", "block_id": "answer_actions", "elements": []},
    ]
    noted = with_reading_note(blocks, ["Peer <bridger>"])
    assert [b["type"] for b in noted] == ["section", "context", "actions"]
    assert "*Peer &lt;bridger&gt;*" in noted[1]["elements"][0]["text"]
    full = [{"type": "divider"}] * 50
    assert with_reading_note(full, ["x"]) == full


def test_modal_metadata_fits_and_round_trips() -> None:
    escalation = parse_escalation(
        ask_person_value(Answer("é" * 1500, False, (), (), missing="pay figures"))
    )
    assert escalation is not None
    many = Escalation("", tuple(f"snippet-é-{n:04d}" for n in range(400)), "pay figures", True)
    where = {"ch": "C1", "p": "https://x.slack.com/archives/C1/p1", "th": "1.1", "r": None}
    for item in (escalation, many):
        text = escalation_metadata(item, where)
        assert len(text) <= 3000
        parsed = parse_escalation_metadata(text)
        assert parsed is not None
        found, place = parsed
        assert found.missing == "pay figures" and found.question == ""
        assert set(found.snippet_ids) <= set(item.snippet_ids)
        assert place == {"ch": "C1", "p": "https://x.slack.com/archives/C1/p1", "th": "1.1"}
    assert parse_escalation_metadata("{}") is None and parse_escalation_metadata("x") is None
