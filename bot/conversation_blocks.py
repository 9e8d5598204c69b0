"""Block Kit for conversations: Ask a person, Remove, vote state, Share values (pure dicts).

Kept apart from `bot.blocks` so answers are drawn in one place and these additions are applied
to its output: each `with_*` function takes a rendered reply and returns it with one control
added, and the escalation post and its confirmation modal are built here. The same rules hold as
in `bot.blocks`: what a person typed goes into `plain_text`, never `mrkdwn`, so it cannot ping or
break formatting; every payload stays within Block Kit's limits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.answer import Answer, Result
from bot.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_SHARE,
    MAX_ACTIONS_ELEMENTS,
    MAX_BUTTON_VALUE,
    MAX_MESSAGE_BLOCKS,
    MAX_SECTION_TEXT,
    Json,
    button,
    context_block,
    fit_mrkdwn,
    mrkdwn,
    one_line,
    plain_text,
    truncate,
)
from bot.records import Record, frozen_record

ACTION_ASK_PERSON = "ask_a_person"
ACTION_MORE = "peerbot_more"  # the overflow menu on peerbot's own posts
VIEW_ASK_PERSON = "ask_a_person_modal"
SHORTCUT_ASK = "ask_about_message"
QUESTION_BLOCK = "escalation_question"
QUESTION_INPUT = "question"

REMOVE = "remove:"
ABOUT = "about"
ABOUT_TEXT = (
    "peerbot quotes passages word for word from curated sources and cites each one; it writes "
    "no answer of its own. The person who asked (or shared) this reply can remove it from this "
    "menu."
)
SHARE_ANSWER = "answer:"
VOTE_FOR = "vote_for|"  # block_id prefix: the message a vote-state reply votes on

MAX_MODAL_TITLE = 24
MAX_INPUT_CHARS = 3000
MAX_METADATA = 3000
# The question carried by the Ask a person button; the rest of its 2000 characters are ids.
MAX_CARRIED_QUESTION = 1500

_ANSWER_ACTIONS = "answer_actions"


# --- adding controls to a rendered reply ---------------------------------------------------------


def _add(blocks: list[Json], element: Json) -> list[Json]:
    """The reply with `element` added to its answer_actions block (made at the end if absent).

    Copy on write: the input is left as it was, and only the list and the block that change are
    new (a JSON round trip of every block cost each answered mention about 0.1 ms); the blocks
    that do not change are shared, which is safe as nothing edits a block in place.
    """
    copied = list(blocks)
    for number in range(len(copied) - 1, -1, -1):
        block = copied[number]
        if block.get("type") == "actions" and block.get("block_id") == _ANSWER_ACTIONS:
            break
    else:
        number, block = len(copied), {"type": "actions", "block_id": _ANSWER_ACTIONS}
        copied.append(block)
    elements = list(block.get("elements", []))
    if len(elements) < MAX_ACTIONS_ELEMENTS:
        elements.append(element)
    copied[number] = {**block, "elements": elements}
    return copied


def with_ask_a_person(blocks: list[Json], value: str) -> list[Json]:
    """The reply with an "Ask a person" button carrying `value` (see `ask_person_value`)."""
    return _add(
        blocks, button(":raising_hand: Ask a person", ACTION_ASK_PERSON, value[:MAX_BUTTON_VALUE])
    )


def with_remove(blocks: list[Json], owner: str) -> list[Json]:
    """The reply with a "⋯" menu whose Remove deletes it; only `owner` (asker or sharer) may.

    The menu also says what the post is (Slack's reference has asked for at least two options
    in an overflow menu).
    """
    menu = {
        "action_id": ACTION_MORE,
        "options": [
            {"text": plain_text("Remove this reply", emoji=True), "value": REMOVE + owner},
            {"text": plain_text("About this reply", emoji=True), "value": ABOUT},
        ],
        "type": "overflow",
    }
    return _add(blocks, menu)


def with_reading_note(blocks: list[Json], subject: Sequence[str]) -> list[Json]:
    """The reply with a note, above its buttons, that it was read with the thread's subject."""
    names = ", ".join(fit_mrkdwn(name, 200) for name in subject)
    note = context_block(
        [mrkdwn(f":thread: Read with this thread's subject: *{names}*", verbatim=True)]
    )
    copied = list(blocks)  # copy on write, as `_add`
    if len(copied) >= MAX_MESSAGE_BLOCKS:
        return copied
    for number in range(len(copied) - 1, -1, -1):
        block = copied[number]
        if block.get("type") == "actions" and block.get("block_id") == _ANSWER_ACTIONS:
            return copied[:number] + [note] + copied[number:]
    return [*copied, note]


def removal_owner(value: str) -> str | None:
    """Who may remove a post, from the Remove option's value."""
    return value[len(REMOVE) :] if value.startswith(REMOVE) else None


# --- Share: what the person saw, not a new search ------------------------------------------------


def share_answer_value(answer: Answer, source: str = "") -> str:
    """The Share value of an answer: the snippet ids shown, the message it was about, the
    question (last, so it may hold any character); cut to fit the button."""
    ids = ",".join(result.snippet_id for result in answer.results)
    head = f"{SHARE_ANSWER}{ids}|{source}|"
    return head + answer.question[: max(0, MAX_BUTTON_VALUE - len(head))]


def parse_share_answer(value: str) -> tuple[tuple[str, ...], str, str] | None:
    """(snippet ids, source message "channel:ts" or "", question), or None for another value."""
    if not value.startswith(SHARE_ANSWER):
        return None
    ids, _, rest = value[len(SHARE_ANSWER) :].partition("|")
    source, _, question = rest.partition("|")
    return tuple(i for i in ids.split(",") if i), source, question


def with_share_value(blocks: list[Json], value: str) -> list[Json]:
    """The reply with its Share button's value replaced by `value` (copy on write, as `_add`)."""
    copied = list(blocks)
    for number, block in enumerate(copied):
        elements = block.get("elements", []) if block.get("type") == "actions" else []
        if any(element.get("action_id") == ACTION_SHARE for element in elements):
            copied[number] = {
                **block,
                "elements": [
                    {**element, "value": value[:MAX_BUTTON_VALUE]}
                    if element.get("action_id") == ACTION_SHARE
                    else element
                    for element in elements
                ],
            }
    return copied


# --- votes --------------------------------------------------------------------------------------


def render_vote_state(choice: str, value: str, message: str) -> list[Json]:
    """A private note of the person's vote, with the buttons to change it.

    The buttons carry the same value as the answer's and a block_id naming the voted message, so
    a click here replaces the same ballot.
    """
    helpful = choice == "helpful"
    said = "You found this helpful" if helpful else "You found this not helpful"
    buttons = [
        ButtonElement(
            text=PlainTextObject(text=("✓ " if helpful else "") + "Helpful", emoji=True),
            action_id=ACTION_HELPFUL,
            value=value,
            style="primary" if helpful else None,
        ),
        ButtonElement(
            text=PlainTextObject(text=("✓ " if not helpful else "") + "Not helpful", emoji=True),
            action_id=ACTION_NOT_HELPFUL,
            value=value,
            style="primary" if not helpful else None,
        ),
    ]
    return [
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text=f"{said} · change: (stored with the passages shown, not your question)"
                )
            ]
        ).to_dict(),
        ActionsBlock(block_id=(VOTE_FOR + message)[:255], elements=buttons).to_dict(),
    ]


def voted_message(block_id: str) -> str | None:
    """The message a vote-state reply votes on, from its block_id."""
    return block_id[len(VOTE_FOR) :] if block_id.startswith(VOTE_FOR) else None


# --- Ask a person -------------------------------------------------------------------------------


@frozen_record
class Escalation(Record):
    """What an Ask a person click carries: the question and what peerbot found (ids, not text)."""

    question: str
    snippet_ids: tuple[str, ...]
    missing: str | None
    crisis: bool


def ask_person_value(answer: Answer) -> str:
    """The Ask a person button's value: the question and what was found, as compact JSON."""
    ids = [result.snippet_id for result in (*answer.results, *answer.related)]
    data: dict[str, object] = {
        "q": answer.question[:MAX_CARRIED_QUESTION],
        "s": ids,
        "m": answer.missing,
        "c": answer.crisis,
    }
    encoded = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    while len(encoded) > MAX_BUTTON_VALUE and ids:
        ids.pop()
        encoded = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return encoded


def parse_escalation(value: str) -> Escalation | None:
    """The Escalation a button or modal carries; None when it is malformed."""
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("q"), str):
        return None
    carried = data.get("s")
    ids: list[object] = carried if isinstance(carried, list) else []
    missing = data.get("m") if isinstance(data.get("m"), str) else None
    return Escalation(data["q"], tuple(str(i) for i in ids), missing, bool(data.get("c")))


def escalation_metadata(escalation: Escalation, where: dict[str, str | None]) -> str:
    """The modal's private_metadata: what was found and where it was asked, never the question
    (the modal's input holds that), within Slack's 3000 characters."""
    ids = list(escalation.snippet_ids)
    while True:
        data = {"s": ids, "m": escalation.missing, "c": escalation.crisis, **where}
        encoded = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        if len(encoded) <= MAX_METADATA or not ids:
            return encoded[:MAX_METADATA]
        ids.pop()


def parse_escalation_metadata(text: str) -> tuple[Escalation, dict[str, str]] | None:
    """(what was found, with no question yet; where: ch, p, th, r) from a modal's metadata."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), list):
        return None
    missing = data.get("m") if isinstance(data.get("m"), str) else None
    escalation = Escalation("", tuple(str(i) for i in data["s"]), missing, bool(data.get("c")))
    where = {key: str(data[key]) for key in ("ch", "p", "th", "r") if data.get(key)}
    return escalation, where


def should_offer_person(answer: Answer) -> bool:
    """Declined, partial, or with the crisis notice: where a person may help more than quotes."""
    return not answer.answered or answer.partial or answer.crisis


def _found_text(escalation: Escalation, found: Sequence[Result]) -> str:
    if escalation.missing:
        lead = f"The sources lack {fit_mrkdwn(escalation.missing, 200)}."
    elif not found:
        lead = "The sources peerbot quotes do not cover this question."
    else:
        lead = "peerbot showed passages from the sources (the question has crisis wording)."
    if not found:
        return f"*What peerbot found:* {lead}"
    cited = "\n".join(
        f"• {fit_mrkdwn(truncate(one_line(result.text), 200), 400)} "
        f"({fit_mrkdwn(result.source_name, 200)})"
        for result in found[:3]
    )
    return f"*What peerbot found:* {lead}\n{cited}"


def render_escalation_post(
    *,
    asker: str,
    question: str | None,
    permalink: str | None,
    where: str | None,
    escalation: Escalation,
    found: Sequence[Result],
    mention: str | None,
) -> list[Json]:
    """The post in the escalation channel: who asked, where, the question, what was found.

    `question` None draws the placeholder the confirmation modal shows above its input.
    """
    tag = f"<!subteam^{mention}> " if mention else ""
    head = f"{tag}:raising_hand: <@{asker}> would like a person to answer a question."
    if permalink and permalink.startswith("https://"):
        head += f" <{permalink.replace('|', '%7C').replace('>', '%3E')}|See the thread>"
    elif where:
        head += f" (asked privately in <#{where}>)"
    question_block: Json
    if question is None:
        question_block = ContextBlock(
            elements=[PlainTextObject(text="Question: (as you edit it below)", emoji=False)]
        ).to_dict()
    else:
        shown = truncate(question.strip() or "(no question text)", MAX_SECTION_TEXT - 20)
        question_block = SectionBlock(
            text=PlainTextObject(text=f"Question: {shown}", emoji=False)
        ).to_dict()
    return [
        SectionBlock(text=MarkdownTextObject(text=head)).to_dict(),
        question_block,
        SectionBlock(
            text=MarkdownTextObject(text=_found_text(escalation, found), verbatim=True)
        ).to_dict(),
    ]


def escalation_text(asker: str) -> str:
    """The notification text of the escalation post."""
    return f"<@{asker}> would like a person to answer a question."


def render_escalation_modal(
    *, channel: str, preview: list[Json], question: str, metadata: str
) -> Json:
    """The confirmation modal: exactly what will be posted, the question editable."""
    intro = SectionBlock(
        text=MarkdownTextObject(
            text=f"This will be posted in <#{channel}> for a person to answer. Edit the question "
            "first if it holds anything that should not be shared (names, client details)."
        )
    ).to_dict()
    field = InputBlock(
        block_id=QUESTION_BLOCK,
        label=PlainTextObject(text="Your question"),
        element=PlainTextInputElement(
            action_id=QUESTION_INPUT,
            multiline=True,
            initial_value=truncate(question, MAX_INPUT_CHARS),
            max_length=MAX_INPUT_CHARS,
        ),
    ).to_dict()
    divider: Json = {"type": "divider"}
    view = View(
        type="modal",
        callback_id=VIEW_ASK_PERSON,
        title=PlainTextObject(text="Ask a person"),
        submit=PlainTextObject(text="Post"),
        close=PlainTextObject(text="Cancel"),
        private_metadata=metadata[:MAX_METADATA],
        blocks=[intro, divider, *preview, divider, field],
    )
    return view.to_dict()


def render_person_asked(channel: str) -> list[Json]:
    """The note in the original thread that a person was asked."""
    text = f":raising_hand: A person was asked in <#{channel}>; their answer will come from there."
    return [ContextBlock(elements=[MarkdownTextObject(text=text)]).to_dict()]


def person_asked_text(channel: str) -> str:
    """The notification text of that note."""
    return f"A person was asked in <#{channel}>."


ESCALATION_POSTED = (
    "Posted: a person will answer in the escalation channel. Only you see this confirmation."
)
