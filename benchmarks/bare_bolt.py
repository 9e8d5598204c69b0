"""The floor: a bare Bolt app that acks an app_mention and posts a fixed message.

    python benchmarks/bare_bolt.py --bind 127.0.0.1:3000            # Bolt's default WebClient
    python benchmarks/bare_bolt.py --bind 127.0.0.1:3000 --pooled   # with bot.slack_http's pool

It runs in exactly peerbot's HTTP harness (`bot.server`: gunicorn with the same workers,
threads and options, the same WSGI wrapper and /healthz), configured from the same environment
(`SLACK_BOT_TOKEN`, `SLACK_SIGNING_SECRET`, `SLACK_API_URL`, `PEERBOT_WORKERS`, ...), so
`end_to_end.py` can send it the same signed mentions and compare server CPU and latency: what
peerbot costs beyond Bolt's own request handling and one chat.postMessage. It has no store, no
index, no rendering and no log line per event.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slack_bolt import App  # noqa: E402
from slack_sdk import WebClient  # noqa: E402

from bot.config import load_settings  # noqa: E402
from bot.server import GunicornServer, configure_logging, gunicorn_options, wsgi_app  # noqa: E402
from bot.slack_http import PooledApp, PooledWebClient  # noqa: E402

FIXED_TEXT = "Thanks, noted."


def create_bare_app(client: WebClient, signing_secret: str, threads: int) -> App:
    """Bolt's minimal mention bot: ack (done by Bolt for events), post one fixed reply.

    With a `PooledWebClient` it is a `PooledApp`, so listeners' clients share its connections,
    as in peerbot; otherwise a plain Bolt `App`.
    """
    app_class = PooledApp if isinstance(client, PooledWebClient) else App
    app = app_class(
        name="bare-bolt",
        client=client,
        signing_secret=signing_secret,
        process_before_response=False,
        listener_executor=ThreadPoolExecutor(max_workers=threads, thread_name_prefix="bare"),
    )

    @app.event("app_mention")
    def handle_app_mention(event: dict[str, Any], client: WebClient) -> None:
        client.chat_postMessage(
            channel=event["channel"],
            thread_ts=event.get("thread_ts") or event["ts"],
            text=FIXED_TEXT,
        )

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bind", required=True, metavar="HOST:PORT")
    parser.add_argument("--pooled", action="store_true", help="keep-alive Web API connections")
    args = parser.parse_args(argv)
    settings = load_settings(for_slack=True)
    configure_logging(settings)
    client_class = PooledWebClient if args.pooled else WebClient
    client = client_class(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url or "https://slack.com/api/",
        timeout=settings.slack_timeout,
    )
    signing_secret = settings.slack_signing_secret or ""
    GunicornServer(
        lambda: wsgi_app(create_bare_app(client, signing_secret, settings.threads)),
        gunicorn_options(settings, args.bind),
    ).run()


if __name__ == "__main__":
    main()
