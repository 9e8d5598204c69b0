"""The composition root: `create_app` builds the Bolt App with every listener wired in.

Nothing is built at import time, so tests pass their own WebClient (or point SLACK_API_URL at
a fake Slack) and their own stores. The token lives on the WebClient only; Bolt takes it from
there and checks it with auth.test when the app is created, so a bad token fails at start-up.

Listeners run after the ack (`process_before_response=False`): Bolt answers Slack's HTTP
request as soon as `ack()` is called (events are acked before their listener runs) and does
the retrieval and the posting on its listener thread pool, well inside Slack's 3 seconds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_sdk import WebClient

from bot import __version__
from bot.blocks import Commands
from bot.config import Settings
from bot.index import SnippetIndex
from bot.listener_args import direct_listeners
from bot.listeners import Deps, register
from bot.listeners.common import JOB, RECEIVED_AT, command_job, retry_handlers
from bot.listeners.follow_ups import drop_unrelated_messages
from bot.listeners.replying import message_job
from bot.loader import LiveIndex
from bot.slack_http import PooledApp, PooledWebClient
from bot.store import EventStore, SQLStore, database_url, open_store
from bot.work import WorkQueue

log = logging.getLogger("peerbot.events")
# Bolt's loggers (it derives one per class from this base). `configure_logging` keeps them at
# WARNING unless the operator opts in to message text: at INFO Bolt logs the body of a request
# whose signature fails, at DEBUG every body, and bodies hold what people wrote.
SLACK_LOGGER = "peerbot.slack"

DEFAULT_API_URL = "https://slack.com/api/"


def make_client(settings: Settings) -> WebClient:
    """The Web API client: bot token, SLACK_API_URL (e.g. GovSlack), retry handlers, and
    kept-alive pooled connections (`bot.slack_http`)."""
    base_url = settings.slack_api_url or DEFAULT_API_URL
    if not base_url.endswith("/"):
        base_url += "/"
    return PooledWebClient(
        token=settings.slack_bot_token,
        base_url=base_url,
        timeout=settings.slack_timeout,
        user_agent_prefix=f"peerbot/{__version__}",
        retry_handlers=retry_handlers(),
    )


class _DropTokenNotice(logging.Filter):
    """Bolt warns that the token is unused whenever SLACK_BOT_TOKEN is in the environment and a
    client is passed, which is always our case: the token is on the client, as intended."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


_DROP_TOKEN_NOTICE = _DropTokenNotice()


# A global middleware peerbot writes: called with the request's parsed body, its context and
# Bolt's next(); returns a response to end the request there, or None after calling next().
GlobalMiddleware = Callable[
    [dict[str, Any], BoltContext, Callable[[], object]], BoltResponse | None
]


class _Direct(Middleware):
    """A global middleware called with (body, context, next) directly.

    Bolt wraps a plain function given to `app.middleware` in a `CustomMiddleware`, which on
    every request inspects the function's parameter names and builds each argument it asks for
    (~8 us a middleware, for each mention); ours always take the same three.
    """

    def __init__(self, func: GlobalMiddleware) -> None:
        self.func = func

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        """Run the function; Bolt reads `next` having been called as "carry on"."""
        return self.func(req.body, req.context, next)

    @property
    def name(self) -> str:
        """The function's name, for Bolt's debug log."""
        return f"peerbot.{getattr(self.func, '__name__', 'middleware')}"


def _accept_work(events: EventStore, work: WorkQueue, commands: set[str]) -> GlobalMiddleware:
    """Global middleware: stamp the arrival time; record questions before the ack.

    A question (mention, DM) or slash command is recorded as a durable job leased to this
    process before Slack gets its 200, so a crash after the ack loses nothing (bot.work). A
    redelivery (same event_id, an X-Slack-Retry-Num header, possibly to another worker) of a
    finished job, or of one another process is answering, is acked and not handled again; of a
    job whose first delivery never finished, it is taken and answered. Other events are
    claimed once by event_id, in the store every worker shares.
    """

    def accept_work(
        body: dict[str, Any], context: BoltContext, next_: Callable[[], object]
    ) -> BoltResponse | None:
        context[RECEIVED_AT] = time.monotonic()
        event_id = body.get("event_id")
        job = message_job(body, context.bot_user_id) or command_job(body, commands)
        if job is not None:
            accepted = work.accept(job)
            if not accepted.leased:
                log.info(
                    "event_id=%s kind=%s outcome=duplicate state=%s",
                    job.event_id,
                    job.kind,
                    accepted.status,
                )
                return BoltResponse(status=200, body="")
            context[JOB] = accepted
            next_()
            return None
        if body.get("type") == "event_callback" and isinstance(event_id, str):
            if not events.claim(f"event:{event_id}"):
                kind = (body.get("event") or {}).get("type", "-")
                log.info("event_id=%s kind=%s outcome=duplicate", event_id, kind)
                return BoltResponse(status=200, body="")
        next_()
        return None

    return accept_work


def create_app(
    settings: Settings,
    index: SnippetIndex | LiveIndex,
    *,
    client: WebClient | None = None,
    store: SQLStore | None = None,
    work: WorkQueue | None = None,
    listener_executor: Executor | None = None,
) -> App:
    """The Slack app: every listener registered, its store at PEERBOT_DATABASE_URL by default.

    The work queue's sweeper is not started here: the caller starts it in the process that
    serves (after gunicorn forks), see bot.server.
    """
    if store is None:
        store = open_store(database_url(settings))
    if work is None:
        work = WorkQueue(
            store, settings.slack_bot_token or "", lease_seconds=settings.work_lease_seconds
        )
    bolt_logger = logging.getLogger(SLACK_LOGGER)
    bolt_logger.addFilter(_DROP_TOKEN_NOTICE)
    app = PooledApp(
        # Bolt resets the level of the logger named after the app: keep it out of "peerbot.*".
        name="peerbot-slack",
        logger=bolt_logger,
        client=client if client is not None else make_client(settings),
        signing_secret=settings.slack_signing_secret or "",
        process_before_response=False,
        # Bolt's own self-event filter logs the whole event (its text) at DEBUG; peerbot's
        # listeners and its first middleware skip the bot's own messages without logging them.
        ignoring_self_events_enabled=False,
        # Bolt's AI-assistant helpers (set_status, say_stream, ...), built for every event a
        # listener receives, and workflow-step function tokens: peerbot uses neither
        # (~0.02 ms of CPU a mention).
        attaching_conversation_kwargs_enabled=False,
        attaching_function_token_enabled=False,
        listener_executor=listener_executor
        or ThreadPoolExecutor(max_workers=settings.threads, thread_name_prefix="peerbot"),
    )
    # First: a channel message that is not a reply in one of peerbot's threads (nor an edit or
    # deletion of a question it answered) is dropped here, before anything logs or stores it.
    app.middleware(_Direct(drop_unrelated_messages(settings, store)))
    commands = Commands(settings.ask_command, settings.role_command, settings.help_command)
    names = {settings.ask_command, settings.role_command, settings.help_command}
    app.middleware(_Direct(_accept_work(store, work, names)))
    live = index if isinstance(index, LiveIndex) else LiveIndex(settings, index)
    deps = Deps(
        settings=settings,
        live=live,
        events=store,
        feedback=store,
        commands=commands,
        conversations=store,
        work=work,
    )
    register(app, deps)
    # Each listener called with only the arguments it takes (bot.listener_args).
    direct_listeners(app)
    return app
