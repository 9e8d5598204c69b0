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
- **Every quoted passage is followed by its citation**, from the `Result` that carries both.
- **Every payload stays within Block Kit's limits** (`MAX_*` below), however long a snippet,
  a citation or a role card is: text is cut with an ellipsis and, when passages would not fit
  in the block budget, the last ones are left out with a note saying how many.

`slack_sdk.models.blocks` builders produce the dicts; their `to_dict()` validates the same
limits, so a renderer bug raises here instead of being rejected by Slack in production.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)

from bot.answer import DISCLAIMER, Answer, Result, RoleCard
from bot.knowledge import KnowledgeBase, Role, Source
from bot.store import question_hash

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

ELLIPSIS = "…"

ACTION_HELPFUL = "feedback_helpful"
ACTION_NOT_HELPFUL = "feedback_not_helpful"
ACTION_SHARE = "share_in_channel"
ACTION_ROLE_PICK = "role_pick"  # buttons are role_pick_0, role_pick_1...; the menu role_pick_select
ACTION_ROLE_SELECT = f"{ACTION_ROLE_PICK}_select"
ROLE_PICK_PATTERN = re.compile(rf"^{ACTION_ROLE_PICK}_\w+$")

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


@dataclass(frozen=True)
class Commands:
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


def share_role_value(role_id: str) -> str:
    """The Share button's value for a role card."""
    return SHARE_ROLE + role_id


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
    ids = [result.snippet_id for result in answer.results]
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


def _section(text: str) -> Json:
    """A mrkdwn section; `text` must already be escaped."""
    text = truncate(text, MAX_SECTION_TEXT)
    return SectionBlock(text=MarkdownTextObject(text=text, verbatim=True)).to_dict()


def _context(*texts: str) -> Json:
    """A context line of mrkdwn elements; each text must already be escaped."""
    elements = [
        MarkdownTextObject(text=truncate(text, MAX_TEXT_OBJECT), verbatim=True)
        for text in texts[:MAX_CONTEXT_ELEMENTS]
    ]
    return ContextBlock(elements=elements).to_dict()


def _header(text: str) -> Json:
    return HeaderBlock(text=PlainTextObject(text=truncate(text, MAX_HEADER_TEXT))).to_dict()


def _button(text: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=truncate(text, MAX_BUTTON_TEXT), emoji=True),
        action_id=action_id,
        value=value,
        style=style,
    )


def _actions(block_id: str, elements: Sequence[ButtonElement | StaticSelectElement]) -> Json:
    return ActionsBlock(block_id=block_id, elements=list(elements[:MAX_ACTIONS_ELEMENTS])).to_dict()


def _echo(label: str, text: str, shared_by: str | None = None) -> Json:
    """The user's words shown back as plain_text: never parsed for mentions, links, formatting."""
    shown = truncate(one_line(text), MAX_ECHO_CHARS)
    elements: list[MarkdownTextObject | PlainTextObject] = []
    if shared_by and _USER_ID.match(shared_by):
        elements.append(MarkdownTextObject(text=f"Shared by <@{shared_by}>"))
    elements.append(PlainTextObject(text=f"{label} {shown}".rstrip(), emoji=False))
    return ContextBlock(elements=elements).to_dict()


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


def citation_mrkdwn(result: Result) -> str:
    """The passage's citation, linked to its DOI or URL when there is one, and its kind."""
    return _citation_mrkdwn(result.citation, result.link, result.kind)


def _citation_mrkdwn(citation: str, link: str | None, kind: str) -> str:
    label = fit_mrkdwn(citation, MAX_TEXT_OBJECT - 400)
    return f":book: {_link(link, label)} · _{escape_mrkdwn(kind)}_"


def _passage(result: Result) -> list[Json]:
    """A quote and, right under it, where it comes from."""
    return [
        _fresh(block)
        for block in _passage_blocks(result.text, result.citation, result.link, result.kind)
    ]


@lru_cache(maxsize=4096)
def _passage_blocks(text: str, citation: str, link: str | None, kind: str) -> tuple[Json, Json]:
    """A passage's two blocks, built and validated once: the same passages answer question after
    question, and building them through slack_sdk's validating models is most of rendering an
    answer. Callers get copies (`_fresh`), so nothing they do to a reply reaches the next one."""
    quote = "> " + fit_mrkdwn(one_line(text), MAX_SECTION_TEXT - 2)
    return _section(quote), _context(_citation_mrkdwn(citation, link, kind))


def _fresh(value: Any) -> Any:
    """A deep copy of Block Kit JSON (dicts, lists and immutable leaves), quicker than deepcopy."""
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fresh(item) for item in value]
    return value


def _passages(results: Sequence[Result], budget: int) -> list[Json]:
    """As many passages as `budget` blocks allow, with a note on any left out."""
    if 2 * len(results) <= budget:
        return [block for result in results for block in _passage(result)]
    shown = max(0, (budget - 1) // 2)
    blocks = [block for result in results[:shown] for block in _passage(result)]
    left_out = len(results) - shown
    blocks.append(_context(f"…and {left_out} more passage{'s' if left_out != 1 else ''}."))
    return blocks


def _footer() -> Json:
    return _context(DISCLAIMER)


def render_notice(notice: str | None) -> list[Json]:
    """A notice above an answer (the crisis resources); nothing when None.

    Whether a question calls for it is decided elsewhere (`Answer.crisis`, from `bot.crisis`);
    this is the one place such a notice is drawn, first, so it is the first thing read.
    """
    if not notice:
        return []
    return [_section(":warning: " + fit_mrkdwn(notice, MAX_SECTION_TEXT - 20))]


def _feedback_buttons(answer: Answer, keep_question: bool) -> list[ButtonElement]:
    value = feedback_value(answer, keep_question=keep_question)
    return [
        _button(":thumbsup: Helpful", ACTION_HELPFUL, value),
        _button(":thumbsdown: Not helpful", ACTION_NOT_HELPFUL, value),
    ]


def _role_buttons(choices: Sequence[tuple[str, str]]) -> list[ButtonElement]:
    """One button per (role id, title), each opening that role's card."""
    return [
        _button(title, f"{ACTION_ROLE_PICK}_{number}", role_id)
        for number, (role_id, title) in enumerate(choices[:MAX_ROLE_CHOICES])
    ]


def source_names(kb: KnowledgeBase) -> list[str]:
    """Short names of every source, for "which sources peerbot knows"."""
    return [source.short_name for source in kb.sources.values()]


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
) -> list[Json]:
    """Quoted passages, each followed by its citation, a footer and feedback buttons.

    A declined question is rendered by `render_no_answer`. `echo` shows the question first
    (for slash commands and shared answers, where it is not on screen already); `share` adds
    the "Share in channel" button to an ephemeral answer; `crisis_notice` is shown first when
    the question uses crisis wording; `keep_question` lets a vote store the question's text.
    """
    if not answer.answered:
        return render_no_answer(
            answer,
            kb,
            echo=echo,
            shared_by=shared_by,
            crisis_notice=crisis_notice,
            keep_question=keep_question,
        )
    head = render_notice(crisis_notice if answer.crisis else None)
    if echo or shared_by:
        head.append(_echo("Asked:" if shared_by else "You asked:", answer.question, shared_by))
    buttons = _feedback_buttons(answer, keep_question)
    if share:
        buttons.append(
            _button("Share in channel", ACTION_SHARE, share_question_value(answer.question))
        )
    tail = [_footer(), _actions("answer_actions", buttons)]
    passages = _passages(answer.results, MAX_MESSAGE_BLOCKS - len(head) - len(tail))
    return head + passages + tail


def render_no_answer(
    answer: Answer,
    kb: KnowledgeBase,
    *,
    echo: bool = False,
    shared_by: str | None = None,
    crisis_notice: str | None = None,
    keep_question: bool = False,
) -> list[Json]:
    """Say plainly the sources do not cover it, offer the nearest roles and topics, and say
    which sources peerbot quotes; never a weak match dressed up as an answer."""
    blocks = render_notice(crisis_notice if answer.crisis else None)
    if echo or shared_by:
        blocks.append(_echo("Asked:" if shared_by else "You asked:", answer.question, shared_by))
    blocks.append(
        _section(
            ":mag: *The sources peerbot quotes do not cover this question*, so it has no "
            "passage to show you."
        )
    )
    if answer.suggestions:
        labels = ", ".join(
            f"*{fit_mrkdwn(suggestion.label, 200)}* ({suggestion.kind})"
            for suggestion in answer.suggestions
        )
        blocks.append(_section(f"Nearest roles and topics they do cover: {labels}."))
        roles = [(s.id, s.label) for s in answer.suggestions if s.kind == "role"]
        if roles:
            blocks.append(_actions("suggested_roles", _role_buttons(roles)))
    names = ", ".join(escape_mrkdwn(name) for name in source_names(kb))
    blocks.append(_context(f"peerbot quotes only these sources: {names}."))
    blocks.append(_actions("answer_actions", _feedback_buttons(answer, keep_question)))
    return blocks


def answer_text(answer: Answer, crisis_notice: str | None = None) -> str:
    """The notification text (`text` fallback) of an answer, escaped like the blocks.

    It starts with the crisis notice when the blocks do, so a notification shows it too.
    """
    notice = ""
    if crisis_notice and answer.crisis:
        notice = fit_mrkdwn(crisis_notice, MAX_FALLBACK_TEXT // 2) + " "
    if not answer.answered:
        return notice + "The sources peerbot quotes do not cover this question."
    first = answer.results[0]
    more = len(answer.results) - 1
    tail = f" (+{more} more)" if more else ""
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


# --- roles ----------------------------------------------------------------------------------------


def render_role_card(
    card: RoleCard,
    *,
    echo: bool = True,
    share: bool = False,
    shared_by: str | None = None,
) -> list[Json]:
    """What the sources say of one role, each passage with its citation; or "did you mean"."""
    if not card.found:
        return render_role_choices(card)
    head: list[Json] = []
    if echo or shared_by:
        head.append(
            _echo("You looked up:" if not shared_by else "Looked up:", card.query, shared_by)
        )
    head.append(_header(card.title or card.query))
    if card.aliases:
        aliases = ", ".join(escape_mrkdwn(alias) for alias in card.aliases)
        head.append(_context(f"Also called: {aliases}"))
    tail = [_footer()]
    if share and card.role_id:
        tail.append(
            _actions(
                "role_actions",
                [_button("Share in channel", ACTION_SHARE, share_role_value(card.role_id))],
            )
        )
    return head + _passages(card.results, MAX_MESSAGE_BLOCKS - len(head) - len(tail)) + tail


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
    options = [
        Option(value=role.id, text=truncate(role.title, MAX_OPTION_TEXT))
        for role in roles
        if len(role.id) <= MAX_OPTION_VALUE
    ][:MAX_SELECT_OPTIONS]
    blocks = [_header("Role titles in the sources"), *_chunked_sections(lines)]
    if options:
        menu = StaticSelectElement(
            action_id=ACTION_ROLE_SELECT,
            placeholder=PlainTextObject(text="Open a role card"),
            options=options,
        )
        blocks.append(_actions("role_menu", [menu]))
    return blocks[:MAX_MESSAGE_BLOCKS]


# --- help and App Home ----------------------------------------------------------------------------

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
        f"• `{ask} your question`: only you see the answer, and *Share in channel* posts it.\n"
        f"• `{role} title`: what the sources say about a role; with no title, every role.\n"
        f"• `{help_}`: this help."
    )


def _examples() -> str:
    return "*Try asking*\n" + "\n".join(f"• {escape_mrkdwn(q)}" for q in EXAMPLE_QUESTIONS)


def _source_line(source: Source, *, full: bool) -> str:
    label = source.citation(with_link=False) if full else source.short_name
    return f"• {_link(source.link, fit_mrkdwn(label, 2000))} · _{escape_mrkdwn(source.kind)}_"


def render_help(kb: KnowledgeBase, commands: Commands) -> list[Json]:
    """What the bot can do, example questions, and which sources it knows."""
    sources = [_source_line(source, full=False) for source in kb.sources.values()]
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
    """The App Home tab: purpose, how to ask, role titles, sources with citations, examples."""
    sources = [_source_line(source, full=True) for source in kb.sources.values()]
    blocks = [
        _header("peerbot: quotes from the sources, with citations"),
        _section(_ABOUT),
        DividerBlock().to_dict(),
        _section(_how_to_ask(commands)),
        _section(_examples()),
        DividerBlock().to_dict(),
        _header("Role titles it knows"),
        *_chunked_sections((escape_mrkdwn(role.title) for role in roles), ", "),
        _header("Sources it quotes"),
        *_chunked_sections(sources),
        _footer(),
    ]
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}
