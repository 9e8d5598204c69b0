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

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot import __version__
from bot.blocks import Commands
from bot.config import Settings
from bot.index import SnippetIndex
from bot.listeners import Deps, register
from bot.listeners.common import RECEIVED_AT
from bot.listeners.follow_ups import drop_unrelated_messages
from bot.loader import LiveIndex
from bot.slack_http import PooledApp, PooledWebClient
from bot.store import (
    ConversationStore,
    EventStore,
    FeedbackStore,
    database_path,
    open_store,
    sqlite_url,
)

log = logging.getLogger("peerbot.events")
# Bolt's loggers (it derives one per class from this base). `configure_logging` keeps them at
# WARNING unless the operator opts in to message text: at INFO Bolt logs the body of a request
# whose signature fails, at DEBUG every body, and bodies hold what people wrote.
SLACK_LOGGER = "peerbot.slack"

DEFAULT_API_URL = "https://slack.com/api/"
# Each call is tried once more after a dropped connection, and twice more after HTTP 429
# (waiting as long as Slack's Retry-After header asks).
CONNECTION_RETRIES = 2
RATE_LIMIT_RETRIES = 2
# ... and twice more, after a short back-off, when Slack answers 500 or 503.
SERVER_ERROR_RETRIES = 2


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
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
            RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
            ServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES),
        ],
    )


class _DropTokenNotice(logging.Filter):
    """Bolt warns that the token is unused whenever SLACK_BOT_TOKEN is in the environment and a
    client is passed, which is always our case: the token is on the client, as intended."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


_DROP_TOKEN_NOTICE = _DropTokenNotice()


def _skip_redeliveries(events: EventStore) -> Callable[..., BoltResponse | None]:
    """Global middleware: stamp the arrival time; ack a redelivered event without handling it.

    Slack redelivers an event (same event_id, an X-Slack-Retry-Num header) when it thinks a
    delivery failed, possibly to another worker. The claim is made before the ack, in the store
    every worker shares, so exactly one delivery of an event is ever handled.
    """

    def skip_redelivered_events(
        body: dict[str, Any], context: BoltContext, next_: Callable[[], None]
    ) -> BoltResponse | None:
        context[RECEIVED_AT] = time.monotonic()
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and isinstance(event_id, str):
            if not events.claim(f"event:{event_id}"):
                kind = (body.get("event") or {}).get("type", "-")
                log.info("event_id=%s kind=%s outcome=duplicate", event_id, kind)
                return BoltResponse(status=200, body="")
        next_()
        return None

    return skip_redelivered_events


def create_app(
    settings: Settings,
    index: SnippetIndex | LiveIndex,
    *,
    client: WebClient | None = None,
    events: EventStore | None = None,
    feedback: FeedbackStore | None = None,
    conversations: ConversationStore | None = None,
    listener_executor: Executor | None = None,
) -> App:
    """The Slack app: every listener registered, stores under `settings.data_dir` by default."""
    if events is None or feedback is None or conversations is None:
        store = open_store(sqlite_url(database_path(settings.data_dir)))
        events = events or store
        feedback = feedback or store
        conversations = conversations or store
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
        listener_executor=listener_executor
        or ThreadPoolExecutor(max_workers=settings.threads, thread_name_prefix="peerbot"),
    )
    # First: a channel message that is not a reply in one of peerbot's threads (nor an edit or
    # deletion of a question it answered) is dropped here, before anything logs or stores it.
    app.middleware(drop_unrelated_messages(settings, conversations))
    app.middleware(_skip_redeliveries(events))
    commands = Commands(settings.ask_command, settings.role_command, settings.help_command)
    live = index if isinstance(index, LiveIndex) else LiveIndex(settings, index)
    deps = Deps(
        settings=settings,
        live=live,
        events=events,
        feedback=feedback,
        commands=commands,
        conversations=conversations,
    )
    register(app, deps)
    return app
