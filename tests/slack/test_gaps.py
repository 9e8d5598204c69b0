"""`peerbot gaps` on a store the running app filled: real signed requests, real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from urllib.parse import quote

from click.testing import CliRunner, Result

from bot.cli import main
from bot.store import question_hash
from tests.slack.conftest import LiveApp
from tests.slack.fakes import APP_ID, TEAM_ID, button

ASK = "/peer-ask"
FORM = "application/x-www-form-urlencoded"
ANSWERED = "what does a peer bridger do?"
DECLINED = ["what is the wifi password", "how do I book the staff parking garage"]


def _ask(live: LiveApp, question: str, name: str) -> list[dict[str, object]]:
    live.sender.command(ASK, question, live.fake.response_url(name))
    (call,) = live.fake.wait_for("respond", where=lambda c: c.path == f"/respond/{name}")
    return list(call.body["blocks"])


def _not_helpful(live: LiveApp, blocks: list[dict[str, object]]) -> None:
    for block in blocks:
        for element in block.get("elements", []):  # type: ignore[attr-defined]
            if element.get("action_id") == "feedback_not_helpful":
                live.sender.action(
                    button("feedback_not_helpful", element["value"]), live.fake.response_url("v")
                )
                live.fake.wait_for("respond", where=lambda c: c.path == "/respond/v")
                return
    raise AssertionError("no Not helpful button")


def _fill(live: LiveApp) -> None:
    _not_helpful(live, _ask(live, ANSWERED, "a"))
    for number, question in enumerate([*DECLINED, DECLINED[0]]):
        _ask(live, question, f"d{number}")
    live.drain()


def _gaps(live: LiveApp, *args: str) -> Result:
    settings = live.settings
    env = {
        "PEERBOT_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "PEERBOT_SEEDS_DIR": str(settings.seeds_dir),
        "PEERBOT_DATA_DIR": str(settings.data_dir),
    }
    return CliRunner().invoke(main, ["gaps", *args], env=env)


def test_the_app_records_each_outcome_without_the_question_text(live_app: LiveApp) -> None:
    _fill(live_app)
    outcomes = live_app.feedback.outcomes()
    assert [o.outcome for o in outcomes] == ["answered", "declined", "declined", "declined"]
    assert outcomes[0].snippet_ids == ("mini-bridger",)
    assert outcomes[1].question_hash == question_hash(DECLINED[0])
    expected = live_app.live.current.search(DECLINED[0])
    assert (outcomes[1].frame, outcomes[1].concepts) == (expected.frame, expected.concepts)
    live_app.feedback.close()
    with sqlite3.connect(live_app.settings.data_dir / "peerbot.sqlite3") as connection:
        dump = "\n".join(connection.iterdump())
    connection.close()
    assert "wifi" not in dump and "parking" not in dump and "bridger do" not in dump


def test_a_question_asked_in_the_home_modal_is_recorded_too(live_app: LiveApp) -> None:
    state = {
        "values": {
            "question_block": {"question": {"type": "plain_text_input", "value": DECLINED[1]}}
        }
    }
    view = {"id": "V0MODAL", "type": "modal", "callback_id": "ask_modal", "state": state}
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "peerbot-test"},
        "user": {"id": "U0ALICE", "username": "alice", "name": "alice", "team_id": TEAM_ID},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": "12345.98765.trigger",
        "view": view,
    }
    reply = live_app.sender.raw("payload=" + quote(json.dumps(payload)), FORM)
    assert reply.status == 200 and json.loads(reply.body)["response_action"] == "update"
    live_app.drain()  # the outcome is written behind the reply (bot.store.behind)
    (outcome,) = live_app.feedback.outcomes()
    assert outcome.outcome == "declined"
    assert outcome.question_hash == question_hash(DECLINED[1])


def test_gaps_groups_declined_questions_by_hash_and_names_unseen_roles(
    live_app: LiveApp,
) -> None:
    _fill(live_app)
    result = _gaps(live_app)
    assert result.exit_code == 0, result.output
    assert "4 question(s) recorded: 3 declined, 0 partly answered." in result.output
    index = live_app.live.current
    for question in DECLINED:
        assert f"#{question_hash(question)}" in result.output
        answer = index.search(question)
        for concept in answer.concepts:
            assert concept in result.output
    assert f"#{question_hash(DECLINED[0])} (x2)" in result.output
    assert "wifi" not in result.output and "parking" not in result.output
    assert "1 not helpful,   0 helpful  mini-bridger" in result.output
    assert "roles:  recovery-coach" in result.output  # asked about bridgers only

    payload = json.loads(_gaps(live_app, "--json").output)
    assert payload["declined"] == 3 and payload["partial"] == 0
    hashes = {q["hash"]: q for group in payload["groups"] for q in group["questions"]}
    assert set(hashes) == {question_hash(q) for q in DECLINED}
    assert all(q["text"] is None for q in hashes.values())
    assert payload["not_helpful"] == [
        {"snippet_id": "mini-bridger", "not_helpful": 1, "helpful": 0}
    ]
    assert payload["never_shown"] == {"roles": ["recovery-coach"], "topics": ["funding"]}


def test_gaps_shows_question_text_only_when_the_operator_opted_in(
    make_live_app: Callable[..., LiveApp],
) -> None:
    live = make_live_app(PEERBOT_STORE_QUESTION_TEXT="true")
    _fill(live)
    result = _gaps(live)
    assert result.exit_code == 0, result.output
    assert DECLINED[0] in result.output and DECLINED[1] in result.output
    assert ANSWERED not in result.output  # answered and voted on, but not a gap


def test_gaps_without_a_store_says_nothing_was_recorded(live_app: LiveApp) -> None:
    live_app.feedback.close()
    (live_app.settings.data_dir / "peerbot.sqlite3").unlink()
    result = _gaps(live_app)
    assert result.exit_code == 0
    assert "0 question(s) recorded" in result.output
