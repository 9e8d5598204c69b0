"""Running the app: HTTP mode under gunicorn, or Socket Mode over a WebSocket.

HTTP mode serves events, slash commands and interactivity at one path, `/slack/events`, from a
production WSGI server (gunicorn, gthread workers). The app is built once in the master
process (`preload_app`), so the knowledge base is validated and indexed once and a bad token
or a broken knowledge base stops start-up before any worker forks. Every request is verified
against SLACK_SIGNING_SECRET by Bolt; an unsigned or badly signed one gets 401.

Socket Mode (SLACK_APP_TOKEN set) needs no public URL: the app opens a WebSocket to Slack
(apps.connections.open, through the same Web API client and SLACK_API_URL) and receives
everything over it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import SLACK_LOGGER
from bot.config import Settings

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

EVENTS_PATH = "/slack/events"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
HEALTH_PATH = "/healthz"

log = logging.getLogger("peerbot.server")


def configure_logging(settings: Settings) -> None:
    """LOG_LEVEL for peerbot; Slack's libraries kept from logging message text by default.

    Bolt logs request bodies (INFO for a failed signature, DEBUG for all) and slack_sdk logs
    API bodies at DEBUG. Unless PEERBOT_LOG_MESSAGE_TEXT is on, Bolt logs only warnings and
    errors and slack_sdk nothing below INFO, whatever LOG_LEVEL says.
    """
    level = logging.getLevelName(settings.log_level)
    logging.basicConfig(level=level, format=LOG_FORMAT)
    if not settings.log_message_text:
        logging.getLogger(SLACK_LOGGER).setLevel(max(level, logging.WARNING))
        logging.getLogger("slack_sdk").setLevel(max(level, logging.INFO))


def wsgi_app(app: App) -> WSGIApplication:
    """Slack requests at EVENTS_PATH, a liveness check at HEALTH_PATH, 404 elsewhere."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok"]
        return slack(environ, start_response)

    return application


def gunicorn_options(settings: Settings, bind: str | None = None) -> dict[str, Any]:
    """gunicorn settings from ours: PEERBOT_WORKERS processes of PEERBOT_THREADS threads."""
    return {
        "bind": [bind or f"0.0.0.0:{settings.port}"],
        "workers": settings.workers,
        "worker_class": "gthread",
        "threads": settings.threads,
        "preload_app": True,
        "timeout": 30,
        "graceful_timeout": 20,
        "loglevel": settings.log_level.lower(),
        "accesslog": None,
        "errorlog": "-",
        "proc_name": "peerbot",
        # gunicorn >= 25.1 opens a control socket under $HOME by default; nothing here uses it.
        "control_socket_disable": True,
    }


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """gunicorn run from Python: our options, our WSGI app, no command-line parsing."""

    def __init__(self, load: Callable[[], WSGIApplication], options: dict[str, Any]) -> None:
        self._load = load
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        """Apply the options this gunicorn version knows (older ones lack a few)."""
        for key, value in self._options.items():
            if key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self) -> WSGIApplication:
        """Build the app (in the master, once, because of preload_app)."""
        return self._load()


def run_http(settings: Settings, build_app: Callable[[], App], bind: str | None = None) -> None:
    """Serve HTTP mode until gunicorn is told to stop (SIGTERM, SIGINT)."""
    GunicornServer(lambda: wsgi_app(build_app()), gunicorn_options(settings, bind)).run()


def socket_mode_handler(app: App, settings: Settings) -> SocketModeHandler:
    """A Socket Mode connection for `app`, using the app's WebClient for apps.connections.open."""
    if not settings.slack_app_token:
        raise ValueError("Socket Mode needs SLACK_APP_TOKEN")
    return SocketModeHandler(app, settings.slack_app_token, concurrency=settings.threads)


def run_socket_mode(app: App, settings: Settings) -> None:
    """Connect to Slack over a WebSocket and serve until interrupted."""
    handler = socket_mode_handler(app, settings)
    try:
        handler.start()  # type: ignore[no-untyped-call]
    finally:
        handler.close()  # type: ignore[no-untyped-call]
