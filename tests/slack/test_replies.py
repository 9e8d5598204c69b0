"""Faceted role cards, "More passages", "Show in source", Share in a thread, topic overviews and
the App Home modals, through the real Bolt app over signed loopback HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from bot.knowledge import collapse_whitespace
from tests.conftest import write_mini_kb
from tests.slack.conftest import LiveApp
from tests.slack.fakes import (
    APP_ID,
    TEAM_ID,
    Call,
    Reply,
    block_actions_payload,
    block_kit_problems,
    button,
    quotes_with_citations,
    sources_entries,
    static_select,
    texts,
)

SEED = (
    "Peer bridgers help people leave hospital and settle back into the community. "
    "They meet people on the ward before discharge.\n"
    "Peer bridgers work in hospitals and in community programs. "
    "Peer bridgers complete a state certification course. "
    "Medicaid pays for peer bridger services in some states. "
    "Studies find peer bridgers reduce readmissions. "
    "Peer bridgers also keep in touch by phone. "
    "Peer bridger programs have grown every year. "
    "Recovery coaches support people in recovery from substance use.\n"
)
BRIDGER = [
    (
        "b-duties",
        "Peer bridgers help people leave hospital and settle back into the community.",
        "roles-duties",
    ),
    ("b-settings", "Peer bridgers work in hospitals and in community programs.", "settings"),
    (
        "b-training",
        "Peer bridgers complete a state certification course.",
        "training-certification",
    ),
    ("b-funding", "Medicaid pays for peer bridger services in some states.", "funding"),
    ("b-evidence", "Studies find peer bridgers reduce readmissions.", "evidence-outcomes"),
    ("b-phone", "Peer bridgers also keep in touch by phone.", "roles-duties"),
    ("b-growth", "Peer bridger programs have grown every year.", "workforce-growth"),
]
TOPICS = [
    "roles-duties",
    "settings",
    "training-certification",
    "funding",
    "evidence-outcomes",
    "workforce-growth",
]
THREAD = "1700000000.000500"


def _files() -> dict[str, str | bytes]:
    snippets = "snippets:\n" + "".join(
        f"  - id: {sid}\n    source: org2021\n    text: {text}\n    topics: [{topic}]\n"
        f"    roles: [peer-bridger]\n"
        for sid, text, topic in BRIDGER
    )
    snippets += (
        "  - id: coach\n    source: org2021\n"
        "    text: Recovery coaches support people in recovery from substance use.\n"
        "    topics: [roles-duties]\n    roles: [recovery-coach]\n"
    )
    topics = "topics:\n" + "".join(f"  - id: {t}\n    label: Topic {t}\n" for t in TOPICS)
    sources = (
        "sources:\n  - id: org2021\n    authors: [Peers for Progress]\n    year: 2021\n"
        "    description: A long description that no one wants to read in every citation\n"
        "    label: Bridging from hospital\n    volume: '9'\n    pages: 1-2\n"
        "    kind: report\n    seeds: [mini.txt]\n"
    )
    return {
        "sources.yaml": sources,
        "topics.yaml": topics,
        "snippets/roles-duties.yaml": snippets,
        "snippets/funding.yaml": "snippets: []\n",
    }


@pytest.fixture
def mini_kb_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """The shared mini knowledge base, with a peer bridger card long enough to page."""
    knowledge, seeds = write_mini_kb(tmp_path / "kb", _files())
    (seeds / "mini.txt").write_text(SEED, encoding="utf-8")
    return knowledge, seeds


def _responded(live: LiveApp, name: str) -> Call:
    (call,) = live.fake.wait_for("respond", where=lambda c: c.path == f"/respond/{name}")
    return call


def _element(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    for block in blocks:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if element.get("action_id") == action_id:
                return element  # type: ignore[no-any-return]
    raise AssertionError(f"no {action_id} in {json.dumps(blocks)[:400]}")


def _send(live: LiveApp, payload: dict[str, Any]) -> Reply:
    body = "payload=" + quote(json.dumps(payload))
    return live.sender.raw(body, "application/x-www-form-urlencoded")


def _quotes(blocks: list[dict[str, Any]]) -> list[str]:
    return [text for text, _ in quotes_with_citations(blocks)]


def test_role_card_is_a_summary_and_more_pages_privately(live_app: LiveApp) -> None:
    live_app.sender.command("/peer-role", "bridgers", live_app.fake.response_url("card"))
    blocks = _responded(live_app, "card").body["blocks"]
    assert _quotes(blocks) == [text for _, text, _ in BRIDGER[:4]]
    headings = [t.split("\n")[0] for t in texts(blocks, "mrkdwn") if "\n> " in t]
    assert headings == [
        "*What they do*",
        "*Where they work*",
        "*Training and certification*",
        "*Funding*",
    ]
    (entry,) = sources_entries(blocks)[1]
    assert entry == "[1] Peers for Progress (2021). Bridging from hospital · _report_"
    more = _element(blocks, "role_more")
    assert more["text"]["text"] == "More passages (3)"
    live_app.sender.action(
        button("role_more", more["value"], "role_actions"), live_app.fake.response_url("more")
    )
    page = _responded(live_app, "more").body
    assert page["replace_original"] is True and page["response_type"] == "ephemeral"
    assert _quotes(page["blocks"]) == [text for _, text, _ in BRIDGER[4:]]
    assert block_kit_problems(page["blocks"]) == []
    assert "role_more" not in json.dumps(page["blocks"])  # the last page
    back = _element(page["blocks"], "role_pick_back")
    live_app.sender.action(
        button("role_pick_back", back["value"], "role_page_actions"),
        live_app.fake.response_url("back"),
    )
    assert _quotes(_responded(live_app, "back").body["blocks"]) == _quotes(blocks)


def test_more_under_a_card_everyone_sees_answers_privately(live_app: LiveApp) -> None:
    live_app.sender.action(
        button("role_more", "peer-bridger:0", "role_actions"),
        live_app.fake.response_url("public"),
        is_ephemeral=False,
    )
    call = _responded(live_app, "public")
    assert call.body["replace_original"] is False and call.body["response_type"] == "ephemeral"
    assert len(_quotes(call.body["blocks"])) == 3


def test_show_in_source_shows_the_neighbouring_sentences_verbatim(live_app: LiveApp) -> None:
    live_app.sender.command("/peer-role", "bridger", live_app.fake.response_url("card"))
    blocks = _responded(live_app, "card").body["blocks"]
    show = _element(blocks, "show_in_source")
    assert show["value"] == "b-duties"
    live_app.sender.action(
        button("show_in_source", "b-settings", "x"),
        live_app.fake.response_url("src"),
        is_ephemeral=False,
    )
    call = _responded(live_app, "src")
    assert call.body["response_type"] == "ephemeral" and call.body["replace_original"] is False
    sections = [b["text"]["text"] for b in call.body["blocks"] if b["type"] == "section"]
    assert sections == [
        "They meet people on the ward before discharge.",
        "> Peer bridgers work in hospitals and in community programs.",
        "Peer bridgers complete a state certification course.",
    ]
    shown = " ".join(section.removeprefix("> ") for section in sections)
    assert shown in collapse_whitespace(SEED)
    citation = call.body["blocks"][-1]["elements"][0]["text"]
    assert "Peers for Progress (2021). [A long description" in citation
    live_app.sender.action(
        button("show_in_source", "gone", "x"), live_app.fake.response_url("gone")
    )
    assert "no longer" in _responded(live_app, "gone").body["text"]


@pytest.mark.parametrize(
    ("action_id", "value"),
    [("role_pick_0", "no-such-role"), ("role_more", "no-such-role:1"), ("topic_pick_0", "none")],
)
def test_a_button_for_something_removed_says_it_is_gone(
    live_app: LiveApp, action_id: str, value: str
) -> None:
    """A card or topic removed from the knowledge base after its button was drawn: the click
    gets a plain private note, never an error or the original message replaced."""
    live_app.sender.action(
        button(action_id, value, "x"), live_app.fake.response_url("gone"), is_ephemeral=True
    )
    call = _responded(live_app, "gone")
    assert "no longer" in call.body["text"]
    assert call.body["replace_original"] is False
    assert "blocks" not in call.body


def test_share_from_a_thread_posts_the_compact_card_in_that_thread(live_app: LiveApp) -> None:
    payload = block_actions_payload(
        button("role_pick_0", "peer-bridger", "suggestions"),
        live_app.fake.response_url("pick"),
        "C0THREAD",
        "U0ALICE",
        False,
    )
    payload["message"] = {"type": "message", "ts": "1700000000.000900", "thread_ts": THREAD}
    payload["container"]["thread_ts"] = THREAD
    _send(live_app, payload)
    card = _responded(live_app, "pick").body["blocks"]
    share = _element(card, "share_in_channel")
    assert share["value"] == f"role:peer-bridger@{THREAD}"
    live_app.sender.action(
        button("share_in_channel", share["value"], "role_actions"),
        live_app.fake.response_url("share"),
        channel_id="C0THREAD",
    )
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C0THREAD" and post.body["thread_ts"] == THREAD
    posted = post.body["blocks"]
    assert len(_quotes(posted)) == 4 and len(posted) <= 15
    assert "share_in_channel" not in json.dumps(posted)
    assert _element(posted, "role_more")["value"] == "peer-bridger:0"


def test_a_suggested_topic_button_opens_its_overview(live_app: LiveApp) -> None:
    live_app.sender.action(
        button("topic_pick_1", "settings", "suggestions"),
        live_app.fake.response_url("topic"),
        is_ephemeral=False,
    )
    call = _responded(live_app, "topic")
    assert call.body["response_type"] == "ephemeral"
    assert call.body["blocks"][0]["text"]["text"] == "Topic settings"
    assert _quotes(call.body["blocks"]) == [BRIDGER[1][1]]


def _view_payload(kind: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "team": {"id": TEAM_ID, "domain": "peerbot-test"},
        "user": {"id": "U0ALICE", "username": "alice", "name": "alice", "team_id": TEAM_ID},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": "12345.98765.trigger",
        **fields,
    }


def test_home_ask_opens_a_modal_that_answers_privately(live_app: LiveApp) -> None:
    home_view = {"id": "V0HOME", "type": "home", "blocks": []}
    _send(
        live_app,
        _view_payload(
            "block_actions",
            container={"type": "view", "view_id": "V0HOME"},
            view=home_view,
            actions=[button("home_ask", "ask", "home_actions")],
        ),
    )
    (opened,) = live_app.fake.wait_for("views.open")
    assert opened.body["trigger_id"] == "12345.98765.trigger"
    modal = opened.body["view"]
    assert modal["callback_id"] == "ask_modal"

    def submit(question: str) -> dict[str, Any]:
        state = {
            "values": {
                "question_block": {"question": {"type": "plain_text_input", "value": question}}
            }
        }
        view = {"id": "V0MODAL", "type": "modal", "callback_id": "ask_modal", "state": state}
        reply = _send(live_app, _view_payload("view_submission", view=view))
        assert reply.status == 200
        return json.loads(reply.body)  # type: ignore[no-any-return]

    answered = submit("suicide: do peer bridgers help people leave hospital?")
    assert answered["response_action"] == "update"
    blocks = answered["view"]["blocks"]
    assert blocks[0]["text"]["text"].startswith(":rotating_light: *")
    assert _quotes(blocks)[0] == BRIDGER[0][1]
    assert '"button"' not in json.dumps(blocks)
    assert block_kit_problems(blocks, max_blocks=100) == []
    empty = submit("   ")
    assert empty == {
        "response_action": "errors",
        "errors": {"question_block": "Type a question first."},
    }


def test_home_role_picker_opens_the_card_in_a_modal(live_app: LiveApp) -> None:
    _send(
        live_app,
        _view_payload(
            "block_actions",
            container={"type": "view", "view_id": "V0HOME"},
            view={"id": "V0HOME", "type": "home", "blocks": []},
            actions=[static_select("home_role_select", "peer-bridger", "Peer bridger")],
        ),
    )
    (opened,) = live_app.fake.wait_for("views.open")
    blocks = opened.body["view"]["blocks"]
    assert _quotes(blocks) == [text for _, text, _ in BRIDGER]
    assert block_kit_problems(blocks, max_blocks=100) == []
