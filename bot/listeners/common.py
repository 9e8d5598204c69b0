"""What every listener shares: its dependencies, Slack text to plain text, safe sending, logs.

Listeners stay thin (STYLE.md, "Pure core, thin listeners"): they ack, call one pure function,
and send its result through `post_message` or `respond_safely`, which log a failed send with
the event id and Slack's error and never raise, so one failed post cannot stop the app.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.answer import Answer
from bot.blocks import Commands, Json, answer_text, one_line, render_answer, render_home
from bot.config import Settings
from bot.index import SnippetIndex
from bot.loader import LiveIndex
from bot.roles import all_roles
from bot.store import (
    ConversationStore,
    EventStore,
    FeedbackStore,
    Outcome,
    OutcomeKind,
    question_hash,
)

log = logging.getLogger("peerbot.events")

# Set by the app's first middleware; the start of every latency we log.
RECEIVED_AT = "peerbot_received_at"

_SPECIAL = re.compile(r"<([^<>]*)>")


@dataclass(frozen=True)
class Deps:
    """Everything listeners need, built once in `create_app`."""

    settings: Settings
    live: LiveIndex
    events: EventStore
    feedback: FeedbackStore
    commands: Commands
    conversations: ConversationStore

    @property
    def index(self) -> SnippetIndex:
        """The index in service now (a reload may replace it between requests)."""
        return self.live.current

    @property
    def home_view(self) -> Json:
        """The App Home tab for the knowledge base in service now."""
        kb = self.index.kb
        return render_home(kb, self.commands, all_roles(kb))


def question_from_text(text: str, bot_user_id: str | None = None) -> str:
    """The words a person typed, from Slack's message format.

    Slack sends `&`, `<` and `>` as entities and wraps mentions and links in `<...>`. The bot's
    own mention is dropped; other mentions, channels and links become their visible labels, so
    the question searched (and shown back) is what the person saw when typing it.
    """

    def label(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, shown = inner.partition("|")
        if target.startswith("@"):
            if target[1:] == bot_user_id:
                return " "
            return f"@{shown}" if shown else target
        if target.startswith("#"):
            return f"#{shown}" if shown else target
        if target.startswith("!"):
            return shown or "@" + target[1:].split("^")[0]
        return shown or target

    plain = _SPECIAL.sub(label, text)
    plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return one_line(plain)


def started_at(context: BoltContext) -> float:
    """When this request reached the app (monotonic clock)."""
    value = context.get(RECEIVED_AT)
    return value if isinstance(value, float) else time.monotonic()


def log_handled(
    settings: Settings,
    *,
    event_id: str,
    kind: str,
    outcome: str,
    started: float,
    question: str | None = None,
) -> None:
    """One line per handled event; the question only if the operator opted in to log it."""
    latency_ms = round((time.monotonic() - started) * 1000)
    if settings.log_message_text and question is not None:
        log.info(
            "event_id=%s kind=%s outcome=%s latency_ms=%d text=%r",
            event_id,
            kind,
            outcome,
            latency_ms,
            question,
        )
    else:
        log.info(
            "event_id=%s kind=%s outcome=%s latency_ms=%d", event_id, kind, outcome, latency_ms
        )


def render_reply(
    deps: Deps, answer: Answer, *, echo: bool = False, shared_by: str | None = None
) -> tuple[list[Json], str]:
    """(blocks, fallback text) of an answer, with this deployment's crisis notice and opt-ins.

    "Share in channel" is offered on private (echoed) answers that quote something.
    """
    blocks = render_answer(
        answer,
        deps.index.kb,
        echo=echo,
        share=echo and not shared_by and answer.answered,
        shared_by=shared_by,
        crisis_notice=deps.settings.crisis_notice,
        keep_question=deps.settings.store_question_text,
    )
    return blocks, answer_text(answer, deps.settings.crisis_notice)


def remember_outcome(deps: Deps, answer: Answer) -> None:
    """Record how a question was answered, for `peerbot gaps`; the text only if opted in.

    A store failure is logged and swallowed: the reply matters more than the record of it.
    """
    qhash = question_hash(answer.question)
    kind: OutcomeKind = (
        "answered" if answer.answered else "partial" if answer.partial else "declined"
    )
    shown = tuple(result.snippet_id for result in (*answer.results, *answer.related))
    outcome = Outcome(
        qhash, kind, answer.frame, answer.concepts, answer.missing, shown, time.time()
    )
    try:
        deps.feedback.record_outcome(outcome)
        if deps.settings.store_question_text and kind != "answered":
            deps.feedback.remember_question(qhash, answer.question)
    except Exception as error:  # noqa: BLE001 - any store error must not stop the reply
        log.error("outcome not recorded: %s", type(error).__name__)


def post_message(
    client: WebClient,
    *,
    event_id: str,
    channel: str,
    blocks: list[Json],
    text: str,
    thread_ts: str | None = None,
) -> str | None:
    """Post with chat.postMessage; None on success, else Slack's error code (logged)."""
    try:
        client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            blocks=blocks,
            text=text,
            unfurl_links=False,
            unfurl_media=False,
        )
    except SlackApiError as error:
        code = str(error.response.get("error") or error.response.status_code)
        log.error("post failed event_id=%s error=%s", event_id, code)
        return code
    except (SlackClientError, OSError) as error:
        log.error("post failed event_id=%s error=%s", event_id, type(error).__name__)
        return type(error).__name__
    return None


def respond_safely(respond: Respond, *, event_id: str, **message: Any) -> bool:
    """Send through the response_url; False (logged) if Slack did not accept it."""
    try:
        response = respond(**message)
    except (SlackClientError, OSError) as error:
        log.error("respond failed event_id=%s error=%s", event_id, type(error).__name__)
        return False
    if response.status_code != 200:
        log.error("respond failed event_id=%s error=http %s", event_id, response.status_code)
        return False
    return True


def publish_view(client: WebClient, *, event_id: str, user_id: str, view: Json) -> bool:
    """views.publish; False (logged) when Slack refused it."""
    try:
        client.views_publish(user_id=user_id, view=view)
    except SlackApiError as error:
        log.error("publish failed event_id=%s error=%s", event_id, error.response.get("error"))
        return False
    except (SlackClientError, OSError) as error:
        log.error("publish failed event_id=%s error=%s", event_id, type(error).__name__)
        return False
    return True


# (blocks, fallback text, outcome for the log) of a reply.
Reply = tuple[list[Json], str, str]


def answer_command(
    deps: Deps,
    command: dict[str, Any],
    respond: Respond,
    context: BoltContext,
    reply: Callable[[str], Reply],
) -> None:
    """What every slash command does after its ack: reply privately, then log one line."""
    started = started_at(context)
    event_id = str(command.get("trigger_id") or "-")
    text = question_from_text(str(command.get("text") or ""))
    blocks, fallback, outcome = reply(text)
    delivered = respond_safely(
        respond, event_id=event_id, response_type="ephemeral", blocks=blocks, text=fallback
    )
    log_handled(
        deps.settings,
        event_id=event_id,
        kind=f"command {command.get('command') or '-'}",
        outcome=outcome if delivered else f"{outcome}-undelivered",
        started=started,
        question=text,
    )
