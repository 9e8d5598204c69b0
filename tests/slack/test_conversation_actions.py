"""Remove, the message shortcut, one vote per person, Share fidelity and help after a reload."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from click.testing import CliRunner

from bot.cli import main
from tests.conftest import MINI_FILES
from tests.slack.conftest import LiveApp
from tests.slack.fakes import (
    BOT_USER_ID,
    Call,
    app_mention,
    block_kit_problems,
    button,
    message,
    quotes_with_citations,
    texts,
)

CHANNEL = "C0TEAM"
QUESTION = "what does a peer bridger do?"
BRIDGER_QUOTE = "Peer bridgers help people leave hospital and settle back into the community."
FIRST_TS = "1700000100.000001"


def _element(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    for block in blocks:
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element.get("action_id") == action_id:
                return dict(element)
    raise AssertionError(f"no {action_id} in {json.dumps(blocks)[:400]}")


def _responded(live: LiveApp, name: str, count: int = 1) -> list[Call]:
    calls = live.fake.wait_for("respond", count, where=lambda c: c.path.endswith("/" + name))
    live.drain()
    return calls


def _overflow(owner_value: str) -> dict[str, Any]:
    return {
        "type": "overflow",
        "action_id": "peerbot_more",
        "block_id": "answer_actions",
        "selected_option": {
            "text": {"type": "plain_text", "text": "Remove this reply"},
            "value": owner_value,
        },
        "action_ts": "1700000300.000001",
    }


# --- Remove ---------------------------------------------------------------------------------------


def _answered_mention(live: LiveApp) -> dict[str, Any]:
    live.sender.event(app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel=CHANNEL))
    (post,) = live.fake.wait_for("chat.postMessage")
    live.drain()
    return _element(post.body["blocks"], "peerbot_more")


def test_the_asker_can_remove_peerbots_reply(live_app: LiveApp) -> None:
    menu = _answered_mention(live_app)
    option, about = menu["options"]
    assert option["value"] == "remove:U0ALICE" and about["value"] == "about"
    live_app.sender.action(
        _overflow(option["value"]),
        live_app.fake.response_url("remove"),
        channel_id=CHANNEL,
        is_ephemeral=False,
        message_ts=FIRST_TS,
    )
    (delete,) = live_app.fake.wait_for("chat.delete")
    assert (delete.body["channel"], delete.body["ts"]) == (CHANNEL, FIRST_TS)


def test_someone_else_cannot_remove_it(live_app: LiveApp) -> None:
    menu = _answered_mention(live_app)
    live_app.sender.action(
        _overflow(menu["options"][0]["value"]),
        live_app.fake.response_url("remove"),
        channel_id=CHANNEL,
        user_id="U0MALLORY",
        is_ephemeral=False,
        message_ts=FIRST_TS,
    )
    (refusal,) = _responded(live_app, "remove")
    assert refusal.body["response_type"] == "ephemeral"
    assert "Only the person who asked" in refusal.body["text"]
    assert live_app.fake.calls_to("chat.delete") == []


def test_a_shared_role_card_can_be_removed_by_its_sharer(live_app: LiveApp) -> None:
    live_app.sender.action(
        button("share_in_channel", "role:recovery-coach", "role_actions"),
        live_app.fake.response_url("share-role"),
        channel_id=CHANNEL,
        user_id="U0CAROL",
    )
    (post,) = live_app.fake.wait_for("chat.postMessage")
    live_app.drain()
    menu = _element(post.body["blocks"], "peerbot_more")
    assert menu["options"][0]["value"] == "remove:U0CAROL"
    assert block_kit_problems(post.body["blocks"]) == []


def test_about_says_what_the_reply_is(live_app: LiveApp) -> None:
    _answered_mention(live_app)
    live_app.sender.action(
        _overflow("about"),
        live_app.fake.response_url("about"),
        channel_id=CHANNEL,
        user_id="U0MALLORY",
        is_ephemeral=False,
        message_ts=FIRST_TS,
    )
    (about,) = _responded(live_app, "about")
    assert about.body["response_type"] == "ephemeral" and "quotes passages" in about.body["text"]
    assert live_app.fake.calls_to("chat.delete") == []


# --- the message shortcut, and a shared copy going with its message -------------------------------


def test_shortcut_answers_privately_and_a_share_goes_when_the_message_is_deleted(
    live_app: LiveApp,
) -> None:
    colleague = message(f"does anyone know {QUESTION}", channel=CHANNEL, channel_type="channel")
    live_app.sender.message_shortcut(
        "ask_about_message", colleague, live_app.fake.response_url("shortcut"), channel_id=CHANNEL
    )
    (private,) = _responded(live_app, "shortcut")
    assert private.body["response_type"] == "ephemeral"
    assert quotes_with_citations(private.body["blocks"])[0][0] == BRIDGER_QUOTE
    assert live_app.fake.calls_to("chat.postMessage") == []
    share = _element(private.body["blocks"], "share_in_channel")
    assert share["value"] == f"answer:mini-bridger|{CHANNEL}:{colleague['ts']}|" + (
        f"does anyone know {QUESTION}"
    )
    live_app.sender.action(
        button("share_in_channel", share["value"]),
        live_app.fake.response_url("share"),
        channel_id=CHANNEL,
        user_id="U0BOB",
    )
    (copy,) = live_app.fake.wait_for("chat.postMessage")
    _responded(live_app, "share")
    assert _element(copy.body["blocks"], "peerbot_more")["options"][0]["value"] == "remove:U0BOB"
    # The colleague deletes their message: the copy that repeats it goes too.
    deletion = message(
        "",
        channel=CHANNEL,
        channel_type="channel",
        user=None,
        subtype="message_deleted",
        deleted_ts=colleague["ts"],
    )
    live_app.sender.event(deletion)
    (delete,) = live_app.fake.wait_for("chat.delete")
    assert (delete.body["channel"], delete.body["ts"]) == (CHANNEL, FIRST_TS)


# --- one vote per person per message --------------------------------------------------------------


def _vote(live: LiveApp, action_id: str, value: str, user: str, name: str) -> Call:
    live.sender.action(
        {**button(action_id, value), "block_id": "answer_actions"},
        live.fake.response_url(name),
        channel_id=CHANNEL,
        user_id=user,
        is_ephemeral=False,
        message_ts=FIRST_TS,
    )
    return _responded(live, name)[0]


def test_a_person_has_one_vote_per_message_and_can_change_it(live_app: LiveApp) -> None:
    live_app.sender.event(app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel=CHANNEL))
    (post,) = live_app.fake.wait_for("chat.postMessage")
    live_app.drain()
    value = str(_element(post.body["blocks"], "feedback_helpful")["value"])
    for number in range(3):
        _vote(live_app, "feedback_helpful", value, "U0ALICE", f"alice{number}")
    assert [v.vote for v in live_app.feedback.votes()] == ["helpful"]
    changed = _vote(live_app, "feedback_not_helpful", value, "U0ALICE", "change")
    assert [v.vote for v in live_app.feedback.votes()] == ["not_helpful"]
    # The reply shows the choice, and its buttons change the same ballot.
    shown = "\n".join(texts(changed.body["blocks"], "mrkdwn"))
    assert "You found this not helpful · change" in shown
    chosen = _element(changed.body["blocks"], "feedback_not_helpful")
    assert chosen["text"]["text"].startswith("✓") and chosen["style"] == "primary"
    vote_block = changed.body["blocks"][-1]["block_id"]
    live_app.sender.action(
        {**button("feedback_helpful", value), "block_id": vote_block},
        live_app.fake.response_url("again"),
        channel_id=CHANNEL,
        user_id="U0ALICE",
        message_ts="1700000999.000001",  # the private note's own ts: the ballot is the answer's
    )
    _responded(live_app, "again")
    assert [v.vote for v in live_app.feedback.votes()] == ["helpful"]
    _vote(live_app, "feedback_helpful", value, "U0BOB", "bob")
    summary = live_app.feedback.summary()
    assert (summary.helpful, summary.not_helpful) == (2, 0)
    result = CliRunner().invoke(
        main, ["feedback"], env={"PEERBOT_DATA_DIR": str(live_app.settings.data_dir)}
    )
    assert "2 vote(s), one per person per answer: 2 helpful, 0 not helpful" in result.output


# --- Share posts what was seen; help and home follow a reload ----------------------------------


def _add_passage(live: LiveApp, text: str, snippet_id: str, asks: str = "") -> None:
    """Add a quoted passage about peer bridgers to the knowledge base in service, and reload."""
    knowledge = live.settings.knowledge_dir
    seeds = live.settings.seeds_dir
    seed = seeds / "mini.txt"
    seed.write_text(seed.read_text() + text + "\n", encoding="utf-8")
    snippets = textwrap.dedent(MINI_FILES["snippets/roles-duties.yaml"]) + textwrap.indent(
        f"- id: {snippet_id}\n  source: mini2020\n  text: {text}\n"
        "  topics: [roles-duties]\n  roles: [peer-bridger]\n"
        + (f"  asks: {asks}\n" if asks else ""),
        "  ",
    )
    (knowledge / "snippets" / "roles-duties.yaml").write_text(snippets, encoding="utf-8")
    assert live.live.reload() == []


def test_share_posts_the_passages_the_person_saw(live_app: LiveApp) -> None:
    live_app.sender.command("/peer-ask", QUESTION, live_app.fake.response_url("ask"))
    (private,) = _responded(live_app, "ask")
    seen = [quote for quote, _ in quotes_with_citations(private.body["blocks"])]
    assert seen == [BRIDGER_QUOTE]
    # The knowledge base changes before the click: a new search would now show another passage.
    newer = "What does a peer bridger do? A peer bridger does the bridging work."
    # Curated asks too, as every shipped passage has (they count in the ranking).
    asks = '["what is the work of a peer bridger?", "what do bridgers do?"]'
    _add_passage(live_app, newer, "mini-bridger-faq", asks)
    assert live_app.live.current.search(QUESTION).results[0].text == newer
    share = _element(private.body["blocks"], "share_in_channel")
    live_app.sender.action(
        button("share_in_channel", share["value"]), live_app.fake.response_url("share")
    )
    (copy,) = live_app.fake.wait_for("chat.postMessage")
    assert [quote for quote, _ in quotes_with_citations(copy.body["blocks"])] == seen


def test_help_and_home_show_the_knowledge_base_in_service(live_app: LiveApp) -> None:
    sources = live_app.settings.knowledge_dir / "sources.yaml"
    sources.write_text(
        sources.read_text()
        + textwrap.indent(
            "- id: later2024\n  authors: [Bea Later]\n  year: 2024\n  title: A later report\n"
            "  kind: report\n  seeds: [later.txt]\n",
            "  ",
        ),
        encoding="utf-8",
    )
    later = "Peer bridgers in later programs visit people at home after discharge."
    (live_app.settings.seeds_dir / "later.txt").write_text(later + "\n", encoding="utf-8")
    funding = live_app.settings.knowledge_dir / "snippets" / "funding.yaml"
    funding.write_text(
        textwrap.dedent(MINI_FILES["snippets/funding.yaml"])
        + textwrap.indent(
            f"- id: later-bridger\n  source: later2024\n  text: {later}\n"
            "  topics: [funding]\n  roles: [peer-bridger]\n",
            "  ",
        ),
        encoding="utf-8",
    )
    live_app.sender.command("/peer-help", "", live_app.fake.response_url("before"))
    (before,) = _responded(live_app, "before")
    assert "Later" not in json.dumps(before.body["blocks"])
    assert live_app.live.reload() == []
    live_app.sender.command("/peer-help", "", live_app.fake.response_url("after"))
    (after,) = _responded(live_app, "after")
    assert "Later (2024)" in json.dumps(after.body["blocks"])
    live_app.sender.event(
        {"type": "app_home_opened", "user": "U0ALICE", "channel": "D0HOME", "tab": "home"}
    )
    (home,) = live_app.fake.wait_for("views.publish")
    assert "Later (2024)" in json.dumps(home.body["view"])
