"""Pure renderers: answers, refusals, role cards, help and App Home as Block Kit dicts.

Nothing here talks to Slack, so every payload is tested as data. Three rules hold everywhere:

- **Nothing a user or a snippet wrote can ping or disguise a link.** Text that goes into a
  `mrkdwn` field is escaped (`&`, `<`, `>` become entities, as Slack's formatting reference
  asks), so `<!channel>`, `<@U123>` or `<https://x|label>` arrive as literal characters; such
  fields also set `verbatim` so Slack does not auto-link bare URLs or channel names in them.
  The user's own words, shown back ("You asked: ..."), go into a `plain_text` element instead:
  Slack parses no mention, link or `*bold*`/`_italic_`/`~strike~`/`` `code` `` there, so odd
  characters in a question cannot break the formatting of the reply. They are cut to
  `MAX_ECHO_CHARS` with an ellipsis.
- **Every quoted passage ends in a reference mark** ([1], [2]) and one *Sources* list under the
  passages names each cited work once, from the `Result` that carries both.
- **Every payload stays within Block Kit's limits** (`MAX_*` below), however long a snippet,
  a citation or a role card is: text is cut with an ellipsis and, when passages would not fit
  in the block budget, the last ones are left out with a note saying how many.

The blocks every reply is made of (sections, context lines, buttons, actions) are written as
plain dicts by the small builders below, exactly as `slack_sdk.models.blocks` would emit them
(keys in its order, None and empty values left out): its validating models cost an answered
mention about 0.2 ms of CPU, more than a third of the search. Tests parse every rendered reply
back through those models (`Block.parse(block).to_dict() == block`), so a block over a limit,
or shaped unlike slack_sdk's, fails there instead of being rejected by Slack in production.
Rarer payloads (modals, the role menu) still use the models.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from slack_sdk.models.blocks import (
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
)

from bot.answer import (
    DISCLAIMER,
    VAGUE_HINT,
    VAGUE_QUESTION,
    Answer,
    Result,
    RoleCard,
    Suggestion,
)
from bot.excerpt import Excerpt
from bot.knowledge import KnowledgeBase, Role, Source
from bot.records import Record, frozen_record
from bot.roles import summarise
from bot.store import question_hash
from bot.topics import TopicOverview

Json = dict[str, Any]

# Block Kit limits (https://docs.slack.dev/reference/block-kit/).
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_TEXT_OBJECT = 3000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS_ELEMENTS = 25
MAX_SELECT_OPTIONS = 100
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
# Our own limits.
MAX_ECHO_CHARS = 200
MAX_FALLBACK_TEXT = 3000
MAX_ROLE_CHOICES = 5
MAX_MODAL_TITLE = 24
MAX_QUESTION_INPUT = 500
# A Sources entry's label, escaped (the source's short label is already cut near 60).
MAX_LABEL_MRKDWN = 200
# Passages per "More passages" page of a role card.
ROLE_PAGE_SIZE = 5
# The crisis line the notice links to (call and text) when the notice names it.
CRISIS_LINE = "988"

ELLIPSIS = "…"

ACTION_HELPFUL = "feedback_helpful"
ACTION_NOT_HELPFUL = "feedback_not_helpful"
ACTION_SHARE = "share_in_channel"
ACTION_ROLE_PICK = "role_pick"  # buttons are role_pick_0, role_pick_1...; the menu role_pick_select
ACTION_ROLE_SELECT = f"{ACTION_ROLE_PICK}_select"
ROLE_PICK_PATTERN = re.compile(rf"^{ACTION_ROLE_PICK}_\w+$")
ACTION_ROLE_MORE = "role_more"
ACTION_TOPIC_PICK = "topic_pick"  # topic_pick_0, topic_pick_1...
TOPIC_PICK_PATTERN = re.compile(rf"^{ACTION_TOPIC_PICK}_\w+$")
ACTION_SHOW_SOURCE = "show_in_source"
ACTION_HOME_ASK = "home_ask"
ACTION_HOME_ROLE = "home_role_select"
ASK_MODAL = "ask_modal"
ASK_BLOCK = "question_block"
ASK_INPUT = "question"

SHARE_QUESTION = "ask:"
SHARE_ROLE = "role:"

# Questions the shipped knowledge base answers (a test keeps them honest).
EXAMPLE_QUESTIONS = (
    "How many states certify peer specialists?",
    "Does Medicaid pay for peer support?",
    "What is role ambiguity for peer workers?",
    "What does the evidence say about peer support outcomes?",
)

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")


@frozen_record
class Commands(Record):
    """The slash command names this deployment registers (configurable, see `Settings`)."""

    ask: str = "/peer-ask"
    role: str = "/peer-role"
    help: str = "/peer-help"


# --- text helpers ---------------------------------------------------------------------------------


def escape_mrkdwn(text: str) -> str:
    """`&`, `<` and `>` as entities, so Slack shows them instead of parsing mentions or links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text: str) -> str:
    """Runs of whitespace (line breaks too) as one space; a quote reads the same either way."""
    return " ".join(text.split())


def truncate(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else cut to fit with a trailing ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def fit_mrkdwn(text: str, limit: int) -> str:
    """`text` escaped for mrkdwn and cut to `limit` characters without splitting an entity."""
    escaped = escape_mrkdwn(text)
    if len(escaped) <= limit:
        return escaped
    pieces: list[str] = []
    used = 0
    for char in text:
        piece = _ESCAPES.get(char, char)
        if used + len(piece) > limit - 1:
            break
        pieces.append(piece)
        used += len(piece)
    return "".join(pieces).rstrip() + ELLIPSIS


def _safe_url(url: str) -> str | None:
    """An http(s) URL made safe inside `<url|label>`, or None for anything else."""
    if not url.startswith(("https://", "http://")):
        return None
    for char, code in (("|", "%7C"), ("<", "%3C"), (">", "%3E"), (" ", "%20")):
        url = url.replace(char, code)
    return url.replace("&", "&amp;")


def _link(url: str | None, label_mrkdwn: str) -> str:
    safe = _safe_url(url) if url else None
    return f"<{safe}|{label_mrkdwn}>" if safe else label_mrkdwn


# --- button values --------------------------------------------------------------------------------


def share_question_value(question: str) -> str:
    """The Share button's value for an answer: the question, to search again when clicked."""
    return SHARE_QUESTION + question[: MAX_BUTTON_VALUE - len(SHARE_QUESTION)]


def parse_share_value(value: str) -> tuple[str, str] | None:
    """("ask", question) or ("role", role id) from a Share button's value; None if malformed."""
    for prefix, kind in ((SHARE_QUESTION, "ask"), (SHARE_ROLE, "role")):
        if value.startswith(prefix):
            return kind, value[len(prefix) :]
    return None


def feedback_value(answer: Answer, *, keep_question: bool = False) -> str:
    """What a feedback button carries: the question's hash and the snippet ids shown.

    The question itself only when the operator opted in to keep question text with votes
    (PEERBOT_STORE_QUESTION_TEXT), cut to fit the button; otherwise a vote cannot store it.
    """
    qhash = question_hash(answer.question)
    # A partial answer is voted on by the related passages it showed.
    ids = [result.snippet_id for result in answer.results or answer.related]
    while len(qhash) + 1 + len(",".join(ids)) > MAX_BUTTON_VALUE and ids:
        ids.pop()
    value = f"{qhash}|{','.join(ids)}"
    if keep_question:
        value = f"{value}|{answer.question}"[:MAX_BUTTON_VALUE]
    return value


def parse_feedback_value(value: str) -> tuple[str, tuple[str, ...], str | None]:
    """(question hash, snippet ids, question text if the button carried it)."""
    qhash, _, rest = value.partition("|")
    ids, separator, question = rest.partition("|")
    snippet_ids = tuple(snippet_id for snippet_id in ids.split(",") if snippet_id)
    return qhash, snippet_ids, question if separator else None


# --- building blocks ------------------------------------------------------------------------------


def mrkdwn(text: str, *, verbatim: bool | None = None) -> Json:
    """A mrkdwn text object (as slack_sdk's `MarkdownTextObject(...).to_dict()`)."""
    obj: Json = {"text": text} if text else {}
    obj["type"] = "mrkdwn"
    if verbatim is not None:
        obj["verbatim"] = verbatim
    return obj


def plain_text(text: str, *, emoji: bool | None = None) -> Json:
    """A plain_text object (as slack_sdk's `PlainTextObject(...).to_dict()`)."""
    obj: Json = {} if emoji is None else {"emoji": emoji}
    if text:
        obj["text"] = text
    obj["type"] = "plain_text"
    return obj


def section_block(text: Json, accessory: Json | None = None) -> Json:
    """A section block (as slack_sdk's `SectionBlock(...).to_dict()`)."""
    if accessory is None:
        return {"text": text, "type": "section"}
    return {"accessory": accessory, "text": text, "type": "section"}


def context_block(elements: list[Json]) -> Json:
    """A context block (as slack_sdk's `ContextBlock(...).to_dict()`)."""
    return {"elements": elements, "type": "context"} if elements else {"type": "context"}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Json:
    """A button with emoji-enabled plain text (as slack_sdk's `ButtonElement(...).to_dict()`)."""
    obj: Json = {"action_id": action_id} if action_id else {}
    if style:
        obj["style"] = style
    obj["text"] = plain_text(text, emoji=True)
    obj["type"] = "button"
    if value:
        obj["value"] = value
    return obj


def actions_block(block_id: str, elements: Sequence[Json]) -> Json:
    """An actions block (as slack_sdk's `ActionsBlock(...).to_dict()`)."""
    obj: Json = {"block_id": block_id} if block_id else {}
    if elements:
        obj["elements"] = list(elements)
    obj["type"] = "actions"
    return obj


def _section(text: str) -> Json:
    """A mrkdwn section; `text` must already be escaped."""
    return section_block(mrkdwn(truncate(text, MAX_SECTION_TEXT), verbatim=True))


def _context(*texts: str) -> Json:
    """A context line of mrkdwn elements; each text must already be escaped."""
    return context_block(
        [
            mrkdwn(truncate(text, MAX_TEXT_OBJECT), verbatim=True)
            for text in texts[:MAX_CONTEXT_ELEMENTS]
        ]
    )


def _header(text: str) -> Json:
    return {"text": plain_text(truncate(text, MAX_HEADER_TEXT)), "type": "header"}


def _button(text: str, action_id: str, value: str, style: str | None = None) -> Json:
    return button(truncate(text, MAX_BUTTON_TEXT), action_id, value, style)


def _actions(block_id: str, elements: Sequence[Json]) -> Json:
    return actions_block(block_id, elements[:MAX_ACTIONS_ELEMENTS])


def _echo(label: str, text: str, shared_by: str | None = None) -> Json:
    """The user's words shown back as plain_text: never parsed for mentions, links, formatting."""
    shown = truncate(one_line(text), MAX_ECHO_CHARS)
    elements: list[Json] = []
    if shared_by and _USER_ID.match(shared_by):
        elements.append(mrkdwn(f"Shared by <@{shared_by}>"))
    elements.append(plain_text(f"{label} {shown}".rstrip(), emoji=False))
    return context_block(elements)


def _chunked_sections(items: Iterable[str], separator: str = "\n") -> list[Json]:
    """Escaped items joined into as few sections as the 3000-character limit allows."""
    sections: list[Json] = []
    current = ""
    for item in items:
        item = truncate(item, MAX_SECTION_TEXT)
        if current and len(current) + len(separator) + len(item) > MAX_SECTION_TEXT:
            sections.append(_section(current))
            current = item
        else:
            current = f"{current}{separator}{item}" if current else item
    if current:
        sections.append(_section(current))
    return sections


# --- passages, reference marks and the Sources list ----------------------------------------------


def numbered_works(results: Sequence[Result]) -> list[tuple[int, Result]]:
    """(reference number, first passage) for each cited work, numbered in order of first use."""
    works: dict[str, tuple[int, Result]] = {}
    for result in results:
        if result.source_id not in works:
            works[result.source_id] = (len(works) + 1, result)
    return list(works.values())


def _marks(results: Sequence[Result]) -> list[int]:
    numbers = {result.source_id: number for number, result in numbered_works(results)}
    return [numbers[result.source_id] for result in results]


def source_entry(number: int, result: Result) -> str:
    """One line of the Sources list: `[1] <link|Rogers (2017). Title…> · _review_`."""
    label = fit_mrkdwn(result.label or result.source_name or result.citation, MAX_LABEL_MRKDWN)
    return f"[{number}] {_link(result.link, label)} · _{escape_mrkdwn(result.kind)}_"


def _sources_block(results: Sequence[Result]) -> Json:
    """One context block naming each cited work once, in reference-number order."""
    lines = [source_entry(number, result) for number, result in numbered_works(results)]
    elements: list[str] = []
    current = "*Sources*"
    for line in lines:
        if len(current) + 1 + len(line) > MAX_TEXT_OBJECT:
            elements.append(current)
            current = line
        else:
            current = f"{current}\n{line}"
    elements.append(current)
    return _context(*elements)


def _quote(
    result: Result, number: int, *, heading: str | None = None, interactive: bool = True
) -> Json:
    """A quoted passage ending in its reference mark, with a "Show in source" button."""
    block: Json = _fresh(_quote_block(result.text, result.snippet_id, number, heading, interactive))
    return block


@lru_cache(maxsize=4096)
def _quote_block(
    text: str, snippet_id: str, number: int, heading: str | None, interactive: bool
) -> Json:
    """`_quote`'s block, built once: the same passages answer question after question, and
    escaping and fitting a long passage is the larger part of rendering an answer. `_quote`
    hands out copies (`_fresh`), so nothing done to one reply reaches the next."""
    mark = f" [{number}]"
    prefix = f"*{escape_mrkdwn(heading)}*\n" if heading else ""
    room = MAX_SECTION_TEXT - len(prefix) - len(mark) - 2
    quoted = f"{prefix}> {fit_mrkdwn(one_line(text), room)}{mark}"
    accessory = _button("Show in source", ACTION_SHOW_SOURCE, snippet_id)
    return section_block(
        mrkdwn(quoted, verbatim=True),
        accessory if interactive and len(snippet_id) <= MAX_BUTTON_VALUE else None,
    )


def _fresh(value: Any) -> Any:
    """A deep copy of Block Kit JSON (dicts, lists, immutable leaves), quicker than deepcopy."""
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fresh(item) for item in value]
    return value


def _passages(
    results: Sequence[Result],
    budget: int,
    *,
    headings: Sequence[str | None] = (),
    interactive: bool = True,
) -> list[Json]:
    """Quotes with reference marks, then the Sources list, in at most `budget` blocks.

    When the quotes would not fit, the last ones are left out with a note saying how many;
    the Sources list then names only the works of the quotes shown.
    """
    if not results:
        return []
    shown = list(results)
    note: list[Json] = []
    if len(shown) + 1 > budget:
        keep = max(0, budget - 2)
        left_out = len(shown) - keep
        shown = shown[:keep]
        note = [_context(f"…and {left_out} more passage{'s' if left_out != 1 else ''}.")]
    if not shown:
        return note[: max(0, budget)]
    marks = _marks(shown)
    heads = list(headings) + [None] * (len(shown) - len(headings))
    quotes = [
        _quote(result, mark, heading=head, interactive=interactive)
        for result, mark, head in zip(shown, marks, heads, strict=False)
    ]
    return quotes + note + [_sources_block(shown)]


def citation_mrkdwn(result: Result) -> str:
    """The full citation, linked to its DOI or URL when there is one, and its kind."""
    label = fit_mrkdwn(result.citation, MAX_TEXT_OBJECT - 400)
    return f":book: {_link(result.link, label)} · _{escape_mrkdwn(result.kind)}_"


def _footer() -> Json:
    return _context(DISCLAIMER)


def render_notice(notice: str | None) -> list[Json]:
    """The crisis notice, first and bold, with a call/text link to 988; nothing when None.

    Whether a question calls for it is decided elsewhere (`Answer.crisis`, from `bot.crisis`);
    this is the one place such a notice is drawn. Renderers put it first and count it before
    the passages, so the block budget can never cut it.
    """
    if not notice:
        return []
    text = fit_mrkdwn(one_line(notice).replace("*", ""), MAX_SECTION_TEXT - 200)
    lines = [f":rotating_light: *{text}*"]
    if CRISIS_LINE in notice:
        lines.append(
            f":telephone_receiver: <tel:{CRISIS_LINE}|Call {CRISIS_LINE}> or "
            f"<sms:{CRISIS_LINE}|text {CRISIS_LINE}> (24/7, free, confidential)"
        )
    return [_section("\n".join(lines))]


def answer_actions(answer: Answer, *, keep_question: bool = False, share: bool = False) -> Json:
    """The buttons under an answer (votes, and Share on a private answer), in one block.

    Kept in one small function so new answer actions are added in one place.
    """
    buttons = _feedback_buttons(answer, keep_question)
    if share:
        buttons.append(
            _button("Share in channel", ACTION_SHARE, share_question_value(answer.question))
        )
    return _actions("answer_actions", buttons)


def _feedback_buttons(answer: Answer, keep_question: bool) -> list[Json]:
    value = feedback_value(answer, keep_question=keep_question)
    return [
        _button(":thumbsup: Helpful", ACTION_HELPFUL, value),
        _button(":thumbsdown: Not helpful", ACTION_NOT_HELPFUL, value),
    ]


def _role_buttons(choices: Sequence[tuple[str, str]]) -> list[Json]:
    """One button per (role id, title), each opening that role's card."""
    return [
        _button(title, f"{ACTION_ROLE_PICK}_{number}", role_id)
        for number, (role_id, title) in enumerate(choices[:MAX_ROLE_CHOICES])
    ]


def _suggestion_buttons(suggestions: Sequence[Suggestion]) -> list[Json]:
    """A button per suggested role (opens its card) or topic (opens its overview)."""
    buttons: list[Json] = []
    for number, suggestion in enumerate(suggestions[: 2 * MAX_ROLE_CHOICES]):
        if suggestion.kind == "role":
            action = f"{ACTION_ROLE_PICK}_{number}"
        elif suggestion.kind == "topic":
            action = f"{ACTION_TOPIC_PICK}_{number}"
        else:
            continue
        if len(suggestion.id) <= MAX_BUTTON_VALUE:
            buttons.append(_button(suggestion.label, action, suggestion.id))
    return buttons


def source_names(kb: KnowledgeBase) -> list[str]:
    """Short names of every source, for "which sources peerbot knows"."""
    return [source.short_name for source in kb.sources.values()]


def _head(
    answer: Answer, crisis_notice: str | None, echo: bool, shared_by: str | None
) -> list[Json]:
    blocks = render_notice(crisis_notice if answer.crisis else None)
    if echo or shared_by:
        blocks.append(_echo("Asked:" if shared_by else "You asked:", answer.question, shared_by))
    if answer.other_questions:
        blocks.append(
            _context(
                f"Your message held {answer.other_questions} more question(s): this answers the "
                "main one, ask the others separately."
            )
        )
    return blocks


# --- answers --------------------------------------------------------------------------------------


def render_answer(
    answer: Answer,
    kb: KnowledgeBase,
    *,
    echo: bool = False,
    share: bool = False,
    shared_by: str | None = None,
    crisis_notice: str | None = None,
    keep_question: bool = False,
    interactive: bool = True,
    max_blocks: int = MAX_MESSAGE_BLOCKS,
) -> list[Json]:
    """Quoted passages with reference marks, one Sources list, a footer and the buttons.

    A declined question is rendered by `render_no_answer`, a partial one by `render_partial`.
    `echo` shows the question first (for slash commands and shared answers, where it is not on
    screen already); `share` adds "Share in channel" to a private answer; `crisis_notice` comes
    first when the question uses crisis wording; `keep_question` lets a vote store the
    question's text; `interactive=False` leaves out every button (for a modal).
    """
    if not answer.answered:
        if answer.partial:
            return render_partial(
                answer,
                kb,
                echo=echo,
                shared_by=shared_by,
                crisis_notice=crisis_notice,
                keep_question=keep_question,
                interactive=interactive,
                max_blocks=max_blocks,
            )
        return render_no_answer(
            answer,
            kb,
            echo=echo,
            shared_by=shared_by,
            crisis_notice=crisis_notice,
            keep_question=keep_question,
            interactive=interactive,
        )
    head = _head(answer, crisis_notice, echo, shared_by)
    return _with_passages(
        head,
        answer.results,
        answer,
        keep_question=keep_question,
        share=share,
        interactive=interactive,
        max_blocks=max_blocks,
    )


def _with_passages(
    head: list[Json],
    passages: Sequence[Result],
    answer: Answer,
    *,
    keep_question: bool,
    share: bool,
    interactive: bool,
    max_blocks: int,
) -> list[Json]:
    """Head, then as many passages as the block budget leaves, then footer and buttons."""
    tail = [_footer()]
    if interactive:
        tail.append(answer_actions(answer, keep_question=keep_question, share=share))
    budget = max_blocks - len(head) - len(tail)
    return head + _passages(passages, budget, interactive=interactive) + tail


def render_partial(
    answer: Answer,
    kb: KnowledgeBase,
    *,
    echo: bool = False,
    shared_by: str | None = None,
    crisis_notice: str | None = None,
    keep_question: bool = False,
    interactive: bool = True,
    max_blocks: int = MAX_MESSAGE_BLOCKS,
) -> list[Json]:
    """What the sources lack, said first; then passages labelled as related, not an answer."""
    missing = fit_mrkdwn(one_line(answer.missing or "what you asked"), 300).rstrip(".")
    head = _head(answer, crisis_notice, echo, shared_by)
    head.append(_section(f":mag: *The sources do not give {missing}.*"))
    if answer.related:
        head.append(_context("_Related passages, *not an answer* to your question:_"))
    else:
        # No passage to show beside what is missing: where to look instead, as a decline has.
        head += _suggestion_blocks(answer, interactive)
    return _with_passages(
        head,
        answer.related,
        answer,
        keep_question=keep_question,
        share=False,
        interactive=interactive,
        max_blocks=max_blocks,
    )


def _suggestion_blocks(answer: Answer, interactive: bool) -> list[Json]:
    """The nearest roles and topics, as buttons (or a line when the reply is not interactive):
    where to go next when no passage is shown."""
    buttons = _suggestion_buttons(answer.suggestions)
    if buttons and interactive:
        return [
            _context("Nearest roles and topics they do cover:"),
            _actions("suggestions", buttons),
        ]
    if answer.suggestions:
        labels = ", ".join(
            f"*{fit_mrkdwn(suggestion.label, 200)}* ({suggestion.kind})"
            for suggestion in answer.suggestions
        )
        return [_section(f"Nearest roles and topics they do cover: {labels}.")]
    return []


def render_no_answer(
    answer: Answer,
    kb: KnowledgeBase,
    *,
    echo: bool = False,
    shared_by: str | None = None,
    crisis_notice: str | None = None,
    keep_question: bool = False,
    interactive: bool = True,
) -> list[Json]:
    """Say plainly the sources do not cover it, offer the nearest roles and topics as buttons,
    and say which sources peerbot quotes; never a weak match dressed up as an answer."""
    blocks = _head(answer, crisis_notice, echo, shared_by)
    if answer.vague:
        blocks.append(_section(f":mag: *{VAGUE_QUESTION}* {escape_mrkdwn(VAGUE_HINT)}"))
    else:
        blocks.append(
            _section(
                ":mag: *The sources peerbot quotes do not cover this question*, so it has no "
                "passage to show you."
            )
        )
    blocks += _suggestion_blocks(answer, interactive)
    names = ", ".join(escape_mrkdwn(name) for name in source_names(kb))
    blocks.append(_context(f"peerbot quotes only these sources: {names}."))
    if interactive:
        blocks.append(answer_actions(answer, keep_question=keep_question))
    return blocks


def answer_text(answer: Answer, crisis_notice: str | None = None) -> str:
    """The notification text (`text` fallback) of an answer: it reads well on its own.

    It starts with the crisis notice when the blocks do, so a notification shows it too.
    """
    notice = ""
    if crisis_notice and answer.crisis:
        notice = fit_mrkdwn(one_line(crisis_notice), MAX_FALLBACK_TEXT // 2) + " "
    if answer.partial:
        missing = fit_mrkdwn(one_line(answer.missing or ""), 300).rstrip(".")
        related = len(answer.related)
        note = f" {related} related passage{'s' if related != 1 else ''}." if related else ""
        return f"{notice}The sources do not give {missing}.{note}"
    if not answer.answered:
        if answer.vague:
            return notice + VAGUE_QUESTION
        return notice + "The sources peerbot quotes do not cover this question."
    first = answer.results[0]
    more = len(answer.results) - 1
    works = len(numbered_works(answer.results))
    tail = ""
    if more:
        tail = f" (+{more} more passage{'s' if more != 1 else ''}"
        tail += f"; {works} works cited)" if works > 1 else ")"
    quote = fit_mrkdwn(one_line(first.text), MAX_FALLBACK_TEXT // 2 - 300)
    return f"{notice}“{quote}” — {fit_mrkdwn(first.source_name, 200)}{tail}"


def render_ask_prompt(commands: Commands) -> list[Json]:
    """What to say to an empty question: how to ask, with examples."""
    examples = "\n".join(f"• {escape_mrkdwn(question)}" for question in EXAMPLE_QUESTIONS)
    return [
        _section(
            "Ask me a question after the mention, in a direct message, or with "
            f"`{escape_mrkdwn(commands.ask)} your question`. For example:\n{examples}"
        )
    ]


# --- the source in context ------------------------------------------------------------------------


_BULLETS = "-•*· "


def render_in_source(found: Excerpt) -> list[Json]:
    """A passage with the sentences around it in the seed, and the work's full citation."""
    blocks = [_context(f"In the source ({escape_mrkdwn(found.source.short_name)}):")]
    # List bullets between the passage and its neighbours are layout, not words: left out.
    before = found.before.strip().strip(_BULLETS)
    after = found.after.strip().strip(_BULLETS)
    if before:
        lead = ELLIPSIS if found.cut_before else ""
        blocks.append(_section(lead + fit_mrkdwn(before, MAX_SECTION_TEXT - 10)))
    blocks.append(_section("> " + fit_mrkdwn(found.passage, MAX_SECTION_TEXT - 10)))
    if after:
        trail = ELLIPSIS if found.cut_after else ""
        blocks.append(_section(fit_mrkdwn(after, MAX_SECTION_TEXT - 10) + trail))
    source = found.source
    label = fit_mrkdwn(source.citation(with_link=False), MAX_TEXT_OBJECT - 400)
    blocks.append(_context(f":book: {_link(source.link, label)} · _{escape_mrkdwn(source.kind)}_"))
    return blocks


def in_source_text(found: Excerpt) -> str:
    """The notification text of "Show in source"."""
    return f"In the source ({fit_mrkdwn(found.source.short_name, 200)}): the passage in context."


# --- roles ----------------------------------------------------------------------------------------


def share_role_value(role_id: str, thread_ts: str | None = None) -> str:
    """The Share button's value for a role card, with the thread to post it in, if any."""
    return SHARE_ROLE + role_id + (f"@{thread_ts}" if thread_ts else "")


def split_role_share(payload: str) -> tuple[str, str | None]:
    """(role id, thread ts or None) from the role part of a Share button's value."""
    role_id, separator, thread_ts = payload.partition("@")
    return role_id, thread_ts if separator and thread_ts else None


def more_value(role_id: str, start: int) -> str:
    """The "More passages" button's value: which card, and where the page starts."""
    return f"{role_id}:{start}"


def parse_more_value(value: str) -> tuple[str, int] | None:
    """(role id, page start) from a "More passages" value; None if malformed."""
    role_id, _, start = value.rpartition(":")
    if not role_id or not start.isdigit():
        return None
    return role_id, int(start)


def _card_head(
    card: RoleCard, echo: bool, shared_by: str | None, title_suffix: str = ""
) -> list[Json]:
    head: list[Json] = []
    if echo or shared_by:
        head.append(
            _echo("You looked up:" if not shared_by else "Looked up:", card.query, shared_by)
        )
    head.append(_header((card.title or card.query) + title_suffix))
    if card.aliases and not title_suffix:
        aliases = ", ".join(escape_mrkdwn(alias) for alias in card.aliases)
        head.append(_context(f"Also called: {aliases}"))
    return head


def render_role_card(
    card: RoleCard,
    kb: KnowledgeBase,
    *,
    echo: bool = True,
    share: bool = False,
    shared_by: str | None = None,
    thread_ts: str | None = None,
    interactive: bool = True,
    max_blocks: int = MAX_MESSAGE_BLOCKS,
) -> list[Json]:
    """A role at a glance: one passage per facet (at most four), then "More passages".

    `share` adds "Share in channel" (posting this compact card, in `thread_ts` when the card
    was asked for in a thread). Without `interactive` (a modal) there are no buttons, so the
    passages not in the summary follow it.
    """
    if not card.found:
        return render_role_choices(card)
    summary = summarise(kb, card)
    head = _card_head(card, echo, shared_by)
    tail = [_footer()]
    buttons: list[Json] = []
    if interactive and summary.rest and card.role_id:
        count = len(summary.rest)
        label = f"More passages ({count})"
        buttons.append(_button(label, ACTION_ROLE_MORE, more_value(card.role_id, 0)))
    if interactive and share and card.role_id:
        value = share_role_value(card.role_id, thread_ts)
        buttons.append(_button("Share in channel", ACTION_SHARE, value))
    if buttons:
        tail.append(_actions("role_actions", buttons))
    results = [result for _, result in summary.sections]
    headings: list[str | None] = [
        facet.heading if facet else "Also in the sources" for facet, _ in summary.sections
    ]
    if not interactive and summary.rest:
        results += list(summary.rest)
        headings += ["More passages"] + [None] * (len(summary.rest) - 1)
    budget = max_blocks - len(head) - len(tail)
    passages = _passages(results, budget, headings=headings, interactive=interactive)
    return head + passages + tail


def render_role_page(card: RoleCard, kb: KnowledgeBase, start: int) -> list[Json]:
    """A page of the passages a role card's summary leaves out, with buttons to page on."""
    rest = summarise(kb, card).rest
    start = max(0, min(start, max(0, len(rest) - 1)))
    page = rest[start : start + ROLE_PAGE_SIZE]
    end = start + len(page)
    blocks = _card_head(card, False, None, title_suffix=": more passages")
    blocks.append(_context(f"Passages {start + 1}–{end} of {len(rest)} not in the summary."))
    blocks += _passages(page, MAX_MESSAGE_BLOCKS - len(blocks) - 2)
    blocks.append(_footer())
    buttons = []
    if card.role_id and end < len(rest):
        buttons.append(_button("More passages", ACTION_ROLE_MORE, more_value(card.role_id, end)))
    if card.role_id:
        buttons.append(_button("Back to summary", f"{ACTION_ROLE_PICK}_back", card.role_id))
    if buttons:
        blocks.append(_actions("role_page_actions", buttons))
    return blocks


def render_role_choices(card: RoleCard) -> list[Json]:
    """An unknown title: the nearest titles as buttons that open their cards."""
    blocks = [
        _echo("You looked up:", card.query),
        _section("No role by that title in the sources. Did you mean one of these?"),
    ]
    choices = [(suggestion.id, suggestion.label) for suggestion in card.suggestions]
    if choices:
        blocks.append(_actions("role_choices", _role_buttons(choices)))
    blocks.append(_context("Send the command with no title to list every role title."))
    return blocks


def role_card_text(card: RoleCard) -> str:
    """The notification text of a role card."""
    if not card.found:
        return (
            f"No role called “{fit_mrkdwn(one_line(card.query), MAX_ECHO_CHARS)}” in the sources."
        )
    title = fit_mrkdwn(card.title or "", 200)
    return f"{title}: {len(card.results)} passage{'s' if len(card.results) != 1 else ''}."


def render_role_list(roles: Sequence[Role]) -> list[Json]:
    """Every role title the sources name, with aliases, and a menu that opens a card."""
    lines = []
    for role in roles:
        aliases = (
            f" — also {', '.join(escape_mrkdwn(a) for a in role.aliases)}" if role.aliases else ""
        )
        lines.append(f"• *{escape_mrkdwn(role.title)}*{aliases}")
    blocks = [_header("Role titles in the sources"), *_chunked_sections(lines)]
    menu = _role_menu(roles, ACTION_ROLE_SELECT)
    if menu is not None:
        blocks.append(_actions("role_menu", [menu]))
    return blocks[:MAX_MESSAGE_BLOCKS]


def _role_menu(roles: Sequence[Role], action_id: str) -> Json | None:
    options = [
        Option(value=role.id, text=truncate(role.title, MAX_OPTION_TEXT))
        for role in roles
        if len(role.id) <= MAX_OPTION_VALUE
    ][:MAX_SELECT_OPTIONS]
    if not options:
        return None
    menu = StaticSelectElement(
        action_id=action_id,
        placeholder=PlainTextObject(text="Open a role card"),
        options=options,
    )
    return menu.to_dict()


# --- topics ---------------------------------------------------------------------------------------


def render_topic(overview: TopicOverview) -> list[Json]:
    """A topic's first passages with their sources: what a suggested topic button opens."""
    blocks = [_header(overview.label)]
    blocks += _passages(overview.results, MAX_MESSAGE_BLOCKS - 4)
    if overview.more:
        blocks.append(
            _context(
                f"The sources hold {overview.more} more passage{'s' if overview.more != 1 else ''}"
                " on this topic: ask a question about it to see the ones that fit."
            )
        )
    blocks.append(_footer())
    return blocks


def topic_text(overview: TopicOverview) -> str:
    """The notification text of a topic overview."""
    count = len(overview.results)
    return f"{fit_mrkdwn(overview.label, 200)}: {count} passage{'s' if count != 1 else ''}."


# --- help, App Home and modals --------------------------------------------------------------------

_ABOUT = (
    "peerbot answers questions from staff of peer-support programs with passages quoted word "
    "for word from a small set of curated sources, and always says where each passage comes "
    "from. When the sources do not cover a question, it says so instead of guessing."
)


def _how_to_ask(commands: Commands) -> str:
    ask, role, help_ = (escape_mrkdwn(c) for c in (commands.ask, commands.role, commands.help))
    return (
        "*How to ask*\n"
        "• Mention the bot in a channel: it answers in the thread.\n"
        "• Send it a direct message.\n"
        "• On any message, *⋯ > Ask peerbot about this*: an answer about it only you see.\n"
        f"• `{ask} your question`: only you see the answer, and *Share in channel* posts it.\n"
        f"• `{role} title`: what the sources say about a role; with no title, every role.\n"
        f"• `{help_}`: this help."
    )


def _examples() -> str:
    return "*Try asking*\n" + "\n".join(f"• {escape_mrkdwn(q)}" for q in EXAMPLE_QUESTIONS)


def _source_line(source: Source) -> str:
    label = fit_mrkdwn(source.short_label, MAX_LABEL_MRKDWN)
    return f"• {_link(source.link, label)} · _{escape_mrkdwn(source.kind)}_"


def render_help(kb: KnowledgeBase, commands: Commands) -> list[Json]:
    """What the bot can do, example questions, and which sources it knows."""
    sources = [_source_line(source) for source in kb.sources.values()]
    blocks = [
        _header("What peerbot can do"),
        _section(_ABOUT),
        _section(_how_to_ask(commands)),
        _section(_examples()),
        *_chunked_sections(["*Sources it quotes*", *sources]),
        _footer(),
    ]
    return blocks[:MAX_MESSAGE_BLOCKS]


def help_text() -> str:
    """The notification text of the help message."""
    return "What peerbot can do, how to ask, and the sources it quotes."


def render_home(kb: KnowledgeBase, commands: Commands, roles: Sequence[Role]) -> Json:
    """The App Home tab: ask a question, open a role card, and the sources it quotes."""
    elements: list[Json] = [_button("Ask a question", ACTION_HOME_ASK, "ask", style="primary")]
    menu = _role_menu(roles, ACTION_HOME_ROLE)
    if menu is not None:
        elements.append(menu)
    sources = [_source_line(source) for source in kb.sources.values()]
    blocks = [
        _header("peerbot: quotes from the sources, with citations"),
        _section(_ABOUT),
        _actions("home_actions", elements),
        _section(_examples()),
        _section(_how_to_ask(commands)),
        *_chunked_sections(["*Sources it quotes*", *sources]),
        _footer(),
    ]
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}


def _modal(title: str, blocks: list[Json], **extra: Any) -> Json:
    view: Json = {
        "type": "modal",
        "title": PlainTextObject(text=truncate(title, MAX_MODAL_TITLE)).to_dict(),
        "close": PlainTextObject(text="Close").to_dict(),
        "blocks": blocks[:MAX_VIEW_BLOCKS],
    }
    view.update(extra)
    return view


def render_ask_modal() -> Json:
    """The "Ask a question" modal opened from App Home; the answer replaces it, privately."""
    question = InputBlock(
        block_id=ASK_BLOCK,
        label=PlainTextObject(text="Your question"),
        element=PlainTextInputElement(
            action_id=ASK_INPUT,
            multiline=False,
            max_length=MAX_QUESTION_INPUT,
            placeholder=PlainTextObject(text=truncate(EXAMPLE_QUESTIONS[1], 150)),
        ),
        hint=PlainTextObject(text="Only you see the answer. Quotes come from curated sources."),
    )
    return _modal(
        "Ask peerbot",
        [question.to_dict()],
        callback_id=ASK_MODAL,
        submit=PlainTextObject(text="Ask").to_dict(),
    )


def render_answer_modal(
    answer: Answer, kb: KnowledgeBase, *, crisis_notice: str | None = None
) -> Json:
    """An answer in a modal: the same reply, without buttons (a modal has no response_url)."""
    blocks = render_answer(
        answer,
        kb,
        echo=True,
        crisis_notice=crisis_notice,
        interactive=False,
        max_blocks=MAX_VIEW_BLOCKS,
    )
    return _modal("peerbot", blocks)


def render_role_modal(card: RoleCard, kb: KnowledgeBase) -> Json:
    """A role card in a modal (from App Home's role picker): summary, then every other passage."""
    blocks = render_role_card(card, kb, echo=False, interactive=False, max_blocks=MAX_VIEW_BLOCKS)
    return _modal("Role card", blocks)
