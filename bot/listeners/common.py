"""What every listener shares: its dependencies, Slack text to plain text, safe sending, logs.

Listeners stay thin (STYLE.md, "Pure core, thin listeners"): they ack, call one pure function,
and send its result through `post_message` or `respond_safely`, which log a failed send with
the event id and Slack's error and never raise, so one failed post cannot stop the app.

Questions and slash commands are durable jobs (bot.work): the app's first middleware records
them before the ack and puts the lease in the context under `JOB`; the listener runs the job,
and after a crash a sweeper runs the same performer from the stored job alone.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

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
    Job,
    Outcome,
    OutcomeKind,
    question_hash,
)
from bot.work import Accepted, JobOutcome, WorkQueue

log = logging.getLogger("peerbot.events")

# Set by the app's first middleware; the start of every latency we log.
RECEIVED_AT = "peerbot_received_at"
# Set by the same middleware when it accepted a question or command: a `bot.work.Accepted`.
JOB = "peerbot_job"

# Each Slack call (Web API or response_url) is tried once more after a dropped connection,
# twice more after HTTP 429 (waiting as long as Retry-After asks), and twice more after a
# short back-off when Slack answers 500 or 503.
CONNECTION_RETRIES = 2
RATE_LIMIT_RETRIES = 2
SERVER_ERROR_RETRIES = 2
# Errors worth trying again later (the job is handed back); any other error is final.
TRANSIENT_ERRORS = frozenset(
    {
        "ratelimited",
        "fatal_error",
        "internal_error",
        "service_unavailable",
        "request_timeout",
        "team_added_to_org",
    }
)


def retry_handlers() -> list[RetryHandler]:
    """Fresh retry handlers for one client (they keep no state between calls)."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
        RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES),
    ]


def is_transient(error: str) -> bool:
    """Whether a failed send (Slack's error code, an HTTP status, an exception name) may work
    if tried again later."""
    return (
        error in TRANSIENT_ERRORS
        or error.startswith("http 5")
        or error in {"429", "500", "502", "503", "504", "http 429"}
        or error.endswith(("Error", "Exception", "Timeout"))
    )


_SPECIAL = re.compile(r"<([^<>]*)>")

# (blocks, fallback text, outcome for the log) of a reply.
Reply = tuple[list[Json], str, str]


@dataclass(frozen=True)
class Deps:
    """Everything listeners need, built once in `create_app`."""

    settings: Settings
    live: LiveIndex
    events: EventStore
    feedback: FeedbackStore
    commands: Commands
    conversations: ConversationStore
    work: WorkQueue
    # Slash command name -> its reply, so a stored command can be answered by any process.
    command_replies: dict[str, Callable[[str], Reply]] = field(default_factory=dict)

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

    The outcome is written behind the reply (bot.store.behind); a store failure is logged and
    swallowed: the reply matters more than the record of it.
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
        deps.work.writes.record_outcome(outcome)
        if deps.settings.store_question_text and kind != "answered":
            deps.feedback.remember_question(qhash, answer.question)
    except Exception as error:  # noqa: BLE001 - any store error must not stop the reply
        log.error("outcome not recorded: %s", type(error).__name__)


def post_located(
    client: WebClient,
    *,
    event_id: str,
    channel: str,
    blocks: list[Json],
    text: str,
    thread_ts: str | None = None,
    metadata: Json | None = None,
) -> tuple[str | None, str | None]:
    """chat.postMessage; (Slack's error code or None, the new message's ts or None), logged."""
    try:
        response = client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            blocks=blocks,
            text=text,
            unfurl_links=False,
            unfurl_media=False,
            metadata=metadata,
        )
    except SlackApiError as error:
        code = str(error.response.get("error") or error.response.status_code)
        log.error("post failed event_id=%s error=%s", event_id, code)
        return code, None
    except (SlackClientError, OSError) as error:
        log.error("post failed event_id=%s error=%s", event_id, type(error).__name__)
        return type(error).__name__, None
    ts = response.get("ts")
    return None, str(ts) if ts else None


def post_message(
    client: WebClient,
    *,
    event_id: str,
    channel: str,
    blocks: list[Json],
    text: str,
    thread_ts: str | None = None,
    metadata: Json | None = None,
) -> str | None:
    """Post with chat.postMessage; None on success, else Slack's error code (logged)."""
    error, _ = post_located(
        client,
        event_id=event_id,
        channel=channel,
        blocks=blocks,
        text=text,
        thread_ts=thread_ts,
        metadata=metadata,
    )
    return error


def send_response(response_url: str | None, *, event_id: str, **message: Any) -> str | None:
    """Send through a response_url, retried like Web API calls (dropped connection, 429, 5xx);
    None on success, else the error (logged)."""
    if not response_url:
        log.error("respond failed event_id=%s error=no_response_url", event_id)
        return "no_response_url"
    client = WebhookClient(response_url, retry_handlers=retry_handlers())
    try:
        response = client.send_dict({k: v for k, v in message.items() if v is not None})
    except (SlackClientError, OSError) as error:
        log.error("respond failed event_id=%s error=%s", event_id, type(error).__name__)
        return type(error).__name__
    if response.status_code != 200:
        log.error("respond failed event_id=%s error=http %s", event_id, response.status_code)
        return f"http {response.status_code}"
    return None


def respond_safely(respond: Respond, *, event_id: str, **message: Any) -> bool:
    """Send through the response_url (retried, see `send_response`); False (logged) on failure."""
    return send_response(respond.response_url, event_id=event_id, **message) is None


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


def command_job(body: dict[str, Any], commands: set[str]) -> Job | None:
    """The durable job of a slash command request, or None if `body` is not one of ours."""
    name, trigger = body.get("command"), body.get("trigger_id")
    if name not in commands or not isinstance(trigger, str) or not trigger:
        return None
    return Job(
        key=f"command:{trigger}",
        kind="command",
        event_id=trigger,
        received_at=time.time(),
        channel=body.get("channel_id"),
        user_id=body.get("user_id"),
        command=str(name),
        response_url=body.get("response_url"),
        text=question_from_text(str(body.get("text") or "")),
    )


def job_started(job: Job) -> float:
    """A job's arrival on the monotonic clock, for latency logs of jobs run after a restart."""
    return time.monotonic() - max(0.0, time.time() - job.received_at)


def perform_command(
    deps: Deps,
    job: Job,
    mark_posting: Callable[[], bool],
    reply: Callable[[str], Reply],
    started: float,
) -> JobOutcome:
    """Answer a stored slash command through its response_url (valid 30 minutes).

    A response_url reply leaves nothing to look up, so after a crash in the posting window the
    command is answered once more: a private, repeated answer is the documented worst case.
    """
    text = job.text or ""
    blocks, fallback, outcome = reply(text)
    if not mark_posting():
        return "lost"
    error = send_response(
        job.response_url,
        event_id=job.event_id,
        response_type="ephemeral",
        blocks=blocks,
        text=fallback,
    )
    log_handled(
        deps.settings,
        event_id=job.event_id,
        kind=f"command {job.command or '-'}",
        outcome=outcome if error is None else f"{outcome}-undelivered",
        started=started,
        question=text,
    )
    if error is None:
        return "answered"
    return "retry" if is_transient(error) else "failed"


def stored_command(deps: Deps) -> Callable[[Job, Callable[[], bool], bool], JobOutcome]:
    """The performer of stored commands (the sweeper's way in), by the command's name."""

    def perform(job: Job, mark_posting: Callable[[], bool], recovering: bool) -> JobOutcome:
        reply = deps.command_replies.get(job.command or "")
        if reply is None:
            log.error("no reply for stored command key=%s", job.key)
            return "failed"
        return perform_command(deps, job, mark_posting, reply, job_started(job))

    return perform


def answer_command(
    deps: Deps,
    command: dict[str, Any],
    respond: Respond,
    context: BoltContext,
    reply: Callable[[str], Reply],
) -> None:
    """What every slash command does after its ack: reply privately, then log one line.

    The command was recorded before the ack (the `JOB` in the context); without one (the
    request was not ours to record) it is answered unrecorded.
    """
    started = started_at(context)
    accepted = context.get(JOB)
    if not isinstance(accepted, Accepted):
        job = command_job(command, {str(command.get("command"))})
        if job is None:
            return
        accepted = Accepted("unrecorded", job)
    deps.work.run(
        accepted,
        lambda job, mark_posting, _recovering: perform_command(
            deps, job, mark_posting, reply, started
        ),
    )
