"""The App Home tab, published when a person opens it, for the knowledge base in service now."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.listeners.common import Deps, log_handled, publish_view, started_at


def register(app: App, deps: Deps) -> None:
    """The app_home_opened event."""

    @app.event("app_home_opened")
    def handle_app_home_opened(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        if event.get("tab") != "home" or not event.get("user"):
            return
        event_id = str(body.get("event_id") or "-")
        published = publish_view(
            client, event_id=event_id, user_id=str(event["user"]), view=deps.home_view
        )
        log_handled(
            deps.settings,
            event_id=event_id,
            kind="app_home_opened",
            outcome="published" if published else "unpublished",
            started=started_at(context),
        )
