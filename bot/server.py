"""Running the app: HTTP mode under gunicorn, or Socket Mode over a WebSocket.

HTTP mode serves events, slash commands and interactivity at one path, `/slack/events`, from a
production WSGI server (gunicorn, gthread workers). The app is built once in the master
process (`preload_app`), so the knowledge base is validated and indexed once and a bad token
or a broken knowledge base stops start-up before any worker forks. Every request is verified
against SLACK_SIGNING_SECRET by Bolt; an unsigned or badly signed one gets 401.

Socket Mode (SLACK_APP_TOKEN set) needs no public URL: the app opens a WebSocket to Slack
(apps.connections.open, through the same Web API client and SLACK_API_URL) and receives
everything over it.

Either way, every serving process runs the work queue's sweeper (bot.work), and SIGTERM is a
graceful stop: no new requests are taken, questions in hand are finished within
PEERBOT_SHUTDOWN_GRACE_SECONDS or handed back to the other processes, and the exit code is 0.
"""

from __future__ import annotations

import gc
import json
import logging
import signal
import threading
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import SLACK_LOGGER
from bot.config import Settings
from bot.loader import LiveIndex
from bot.work import WorkQueue

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

EVENTS_PATH = "/slack/events"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
HEALTH_PATH = "/healthz"
# Slack's largest payloads (a message with blocks, a view submission) are tens of kilobytes.
MAX_BODY_BYTES = 256 * 1024

log = logging.getLogger("peerbot.server")
# The loggers slack_sdk's Web API and response_url clients log through by default.
SLACK_SDK_CLIENT_LOGGERS = ("slack_sdk.web.base_client", "slack_sdk.webhook.client")


def configure_logging(settings: Settings) -> None:
    """LOG_LEVEL for peerbot; Slack's libraries kept from logging message text by default.

    Bolt logs request bodies (INFO for a failed signature, DEBUG for all) and slack_sdk logs
    API bodies at DEBUG. Unless PEERBOT_LOG_MESSAGE_TEXT is on, Bolt logs only warnings and
    errors and slack_sdk nothing below INFO, whatever LOG_LEVEL says.
    """
    level = logging.getLevelName(settings.log_level)
    logging.basicConfig(level=level, format=LOG_FORMAT)
    sdk_level = level
    if not settings.log_message_text:
        logging.getLogger(SLACK_LOGGER).setLevel(max(level, logging.WARNING))
        sdk_level = max(level, logging.INFO)
        logging.getLogger("slack_sdk").setLevel(sdk_level)
    # slack_sdk's clients test their own logger's level, not the effective one, before they
    # format a debug line holding the whole request body: left unset (0), every
    # chat.postMessage formatted its blocks for a line nobody logs (~25 us of CPU per answer).
    for name in SLACK_SDK_CLIENT_LOGGERS:
        logging.getLogger(name).setLevel(sdk_level)


def health(live: LiveIndex | None, slack_connected: bool | None) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body) for /healthz: knowledge base version and the Slack connection.

    `slack_connected` is None in HTTP mode (Slack connects to us; there is no link to lose) and
    the WebSocket's state in Socket Mode, where a dead socket means 503 so a supervisor restarts
    a bot that has silently stopped receiving anything.
    """
    body: dict[str, Any] = {"status": "ok"}
    if live is not None:
        kb = live.current.kb
        body["knowledge"] = {"version": kb.version, "snippets": len(kb.snippets)}
    if slack_connected is not None:
        body["slack"] = "connected" if slack_connected else "disconnected"
        if not slack_connected:
            body["status"] = "unavailable"
    return (200 if body["status"] == "ok" else 503), body


def _json_response(
    start_response: StartResponse, status: int, body: dict[str, Any]
) -> Iterable[bytes]:
    data = json.dumps(body).encode()
    reason = {
        200: "OK",
        401: "Unauthorized",
        413: "Payload Too Large",
        503: "Service Unavailable",
    }.get(status, "")
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    start_response(f"{status} {reason}", headers)
    return [data]


def wsgi_app(app: App, live: LiveIndex | None = None) -> WSGIApplication:
    """Slack requests at EVENTS_PATH, health at HEALTH_PATH, 404 elsewhere.

    Bodies over MAX_BODY_BYTES are refused before they are read: Slack's own payloads are a few
    kilobytes, and reading (and HMAC-ing) megabytes from an unauthenticated sender is a cheap
    way to tie up a worker.
    """
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            status, body = health(live, None)
            return _json_response(start_response, status, body)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = MAX_BODY_BYTES + 1
        if length > MAX_BODY_BYTES:
            return _json_response(start_response, 413, {"error": "body too large"})
        stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
        if stamp is not None and not (stamp.isascii() and stamp.isdigit()):
            # slack_sdk's verifier would raise int("...") -> a 500 and a traceback in the log.
            return _json_response(start_response, 401, {"error": "invalid request"})
        try:
            return slack(environ, start_response)
        except ValueError:
            # A body Bolt cannot parse (e.g. broken JSON): refuse it without a traceback.
            log.warning("refused a request whose body could not be parsed")
            return _json_response(start_response, 400, {"error": "unparseable body"})

    return application


# gunicorn's own grace (after which it SIGKILLs a worker) is ours plus this margin, so a
# worker always gets to hand its remaining jobs back.
_GUNICORN_GRACE_MARGIN = 5


def freeze_heap(_server: object = None, _worker: object = None) -> None:
    """gunicorn's pre_fork hook: what the master built (the index, the app) goes to the
    collector's permanent generation before a worker is forked from it.

    A forked worker shares the master's memory until it writes to a page. Python's cyclic
    collector writes into the header of every object it examines, so the first collections
    in each worker copied the pages of the whole index the master had built, and went on
    examining its hundreds of thousands of objects, none of which ever becomes garbage while
    it serves. Frozen, they are neither examined nor written to (`gc.freeze`, as Python's
    documentation advises for pre-forking servers): a worker's full collections took 54 ms
    of CPU over 3,000 mentions without it, under 1 ms with it, and each worker keeps more
    pages shared (benchmarks/README.md, the server section). Start-up garbage is collected
    first, so none of it is kept for good.
    """
    gc.collect()
    gc.freeze()


def _unfreeze_and(reload: Callable[[], object]) -> Callable[[], object]:
    """A reload that lets the collector see the master's objects again first, so the index it
    replaces can be collected (`freeze_heap` freezes the new one before the next fork)."""

    def unfreeze_and_reload() -> object:
        gc.unfreeze()
        return reload()

    return unfreeze_and_reload


def gunicorn_options(
    settings: Settings,
    bind: str | None = None,
    work: WorkQueue | None = None,
    *,
    freeze: bool = False,
) -> dict[str, Any]:
    """gunicorn settings from ours: PEERBOT_WORKERS processes of PEERBOT_THREADS threads.

    With a work queue, each worker starts its sweeper after the fork and, on its way out,
    finishes or hands back the jobs it holds. With `freeze`, the master's heap is frozen
    before each fork (`freeze_heap`).
    """
    hooks: dict[str, Any] = {"pre_fork": freeze_heap} if freeze else {}
    if work is not None:
        grace = settings.shutdown_grace_seconds

        def post_fork(_server: Any, _worker: Any) -> None:
            work.start()

        def worker_exit(_server: Any, _worker: Any) -> None:
            handed_back = work.shutdown(grace)
            if handed_back:
                log.info("shutdown: handed back %d job(s)", len(handed_back))

        hooks.update(post_fork=post_fork, worker_exit=worker_exit)
    return {
        "bind": [bind or f"0.0.0.0:{settings.port}"],
        "workers": settings.workers,
        "worker_class": "gthread",
        "threads": settings.threads,
        "preload_app": True,
        "timeout": 30,
        "graceful_timeout": settings.shutdown_grace_seconds + _GUNICORN_GRACE_MARGIN,
        "loglevel": settings.log_level.lower(),
        "accesslog": None,
        "errorlog": "-",
        "proc_name": "peerbot",
        # gunicorn >= 25.1 opens a control socket under $HOME by default; nothing here uses it.
        "control_socket_disable": True,
        **hooks,
    }


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """gunicorn run from Python: our options, our WSGI app, no command-line parsing."""

    def __init__(
        self,
        load: Callable[[], WSGIApplication],
        options: dict[str, Any],
        on_reload: Callable[[], object] | None = None,
    ) -> None:
        self._load = load
        self._options = options
        self._on_reload = on_reload
        super().__init__()

    def reload(self) -> None:
        """SIGHUP: reload the knowledge base in the master, then gunicorn replaces the workers.

        With preload_app, new workers are forked from the master, so they start with the
        reloaded index; old workers finish the requests they hold before exiting, so none is
        dropped. A broken edit leaves the master's index, and so the new workers', unchanged.
        """
        super().reload()
        if self._on_reload is not None:
            self._on_reload()

    def load_config(self) -> None:
        """Apply the options this gunicorn version knows (older ones lack a few)."""
        for key, value in self._options.items():
            if key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self) -> WSGIApplication:
        """Build the app (in the master, once, because of preload_app)."""
        return self._load()


def run_http(
    settings: Settings,
    build_app: Callable[[], App],
    live: LiveIndex,
    bind: str | None = None,
    work: WorkQueue | None = None,
) -> None:
    """Serve HTTP mode until gunicorn is told to stop (SIGTERM, SIGINT); SIGHUP reloads.

    The master's heap is frozen before each worker is forked (`freeze_heap`).
    """
    GunicornServer(
        lambda: wsgi_app(build_app(), live),
        gunicorn_options(settings, bind, work, freeze=True),
        _unfreeze_and(live.reload),
    ).run()


# slack_sdk pings Slack this often; a dead socket is dropped after about five failed checks
# (or four intervals without a pong) and a new one opened, so a lost connection is back within
# half a minute, during which /healthz reports 503.
SOCKET_PING_SECONDS = 5.0


def socket_mode_handler(
    app: App, settings: Settings, *, ping_interval: float = SOCKET_PING_SECONDS
) -> SocketModeHandler:
    """A Socket Mode connection for `app`, using the app's WebClient for apps.connections.open."""
    if not settings.slack_app_token:
        raise ValueError("Socket Mode needs SLACK_APP_TOKEN")
    return SocketModeHandler(
        app,
        settings.slack_app_token,
        concurrency=settings.threads,
        ping_interval=ping_interval,
        auto_reconnect_enabled=True,
    )


class _HealthHandler(BaseHTTPRequestHandler):
    """GET /healthz beside Socket Mode, where there is no HTTP server of Bolt's to ask."""

    report: Callable[[], tuple[int, dict[str, Any]]]

    def do_GET(self) -> None:
        status, body = self.report() if self.path == HEALTH_PATH else (404, {"error": "not found"})
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        return


def start_health_server(
    port: int, report: Callable[[], tuple[int, dict[str, Any]]], host: str = "0.0.0.0"
) -> ThreadingHTTPServer:
    """Serve /healthz on `port` in a daemon thread; the caller shuts it down."""
    handler = type("HealthHandler", (_HealthHandler,), {"report": staticmethod(report)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True, name="peerbot-health").start()
    return server


def socket_connected(handler: SocketModeHandler) -> bool:
    """Whether the Socket Mode WebSocket is up now."""
    return bool(handler.client.is_connected())


def run_socket_mode(
    app: App, settings: Settings, live: LiveIndex, work: WorkQueue | None = None
) -> None:
    """Connect to Slack over a WebSocket and serve until SIGTERM or SIGINT; SIGHUP reloads.

    slack_sdk's client reconnects by itself when the connection drops; /healthz (on
    PEERBOT_HEALTH_PORT, if set) reports 503 while it is down. On SIGTERM the socket is closed
    first (Slack sends further events to the app's other connections, or retries them), then
    the jobs in hand are finished or handed back within the grace.
    """
    handler = socket_mode_handler(app, settings)
    stop = threading.Event()
    signal.signal(signal.SIGHUP, lambda _signum, _frame: live.reload())
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    health_server = None
    if settings.health_port:
        health_server = start_health_server(
            settings.health_port, lambda: health(live, socket_connected(handler))
        )
    try:
        if work is not None:
            work.start()
        handler.connect()  # type: ignore[no-untyped-call]
        log.info("connected to Slack in Socket Mode")
        stop.wait()
        log.info("stopping: no new events; finishing the questions in hand")
    finally:
        handler.close()  # type: ignore[no-untyped-call]
        if work is not None:
            handed_back = work.shutdown(settings.shutdown_grace_seconds)
            if handed_back:
                log.info("shutdown: handed back %d job(s)", len(handed_back))
        if health_server is not None:
            health_server.shutdown()
            health_server.server_close()
