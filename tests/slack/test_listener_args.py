"""Listeners called with only the arguments they take get exactly what Bolt would give them."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.kwargs_injection import build_required_kwargs
from slack_bolt.listener.custom_listener import CustomListener
from slack_bolt.listener_matcher.builtins import BuiltinListenerMatcher

from bot.listener_args import DirectListener, DirectMatcher, build_kwargs, direct_listeners
from tests.slack.conftest import LiveApp
from tests.slack.fakes import (
    BOT_USER_ID,
    app_mention,
    block_actions_payload,
    button,
    command_payload,
    event_callback,
    message,
)


def _requests(live: LiveApp) -> dict[str, BoltRequest]:
    """One request of each kind peerbot listens to, with the context Bolt gives it."""
    json_type = {"content-type": ["application/json"]}
    form_type = {"content-type": ["application/x-www-form-urlencoded"]}
    ask = live.settings.ask_command
    bodies = {
        "mention": (
            json.dumps(event_callback(app_mention(f"<@{BOT_USER_ID}> hi"), "Ev1")),
            json_type,
        ),
        "dm": (json.dumps(event_callback(message("what is a peer?"), "Ev2")), json_type),
        "command": (urlencode(command_payload(ask, "peer?", "http://x/r", "C1", "U1")), form_type),
        "action": (
            "payload="
            + quote(
                json.dumps(block_actions_payload(button("x", "y"), "http://x/r", "C1", "U1", True))
            ),
            form_type,
        ),
    }
    requests = {}
    for name, (body, headers) in bodies.items():
        request = BoltRequest(body=body, headers=headers)
        live.app._init_context(request)
        requests[name] = request
    return requests


def _same(ours: dict[str, Any], bolts: dict[str, Any]) -> None:
    assert ours.keys() == bolts.keys()
    for name, value in ours.items():
        # The same object where Bolt hands over an object (context, client, ack, respond, ...);
        # equal where it reads the body (the event, the command).
        assert value is bolts[name] or value == bolts[name], name


def test_every_listener_and_matcher_gets_what_bolt_would_give(live_app: LiveApp) -> None:
    listeners = live_app.app._listeners
    direct = [listener for listener in listeners if isinstance(listener, DirectListener)]
    # Mentions are the first listener tried, and take (body, context, client) directly.
    assert isinstance(listeners[0], DirectListener)
    assert len(direct) == len(listeners)  # every peerbot listener takes plain argument names
    response = BoltResponse(status=200)
    matched: set[str] = set()
    for name, request in _requests(live_app).items():
        for listener in direct:
            bolts = build_required_kwargs(
                logger=listener.logger,
                required_arg_names=list(listener.arg_names),
                request=request,
                response=response,
                this_func=listener.ack_function,
            )
            _same(build_kwargs(listener.found, request, response), bolts)
            matches = True
            for matcher in listener.matchers:  # in order, as Bolt tries them, to the first no
                matches = matcher.matches(request, response)
                if isinstance(matcher, DirectMatcher):
                    bolt_matcher = BuiltinListenerMatcher(func=matcher.func)
                    assert matches == bolt_matcher.matches(request, response)
                if not matches:
                    break
            if matches:
                matched.add(name)
    assert matched == {"mention", "dm", "command"}  # the action's id is no listener's


def test_a_listener_taking_what_bolt_alone_builds_is_left_to_bolt() -> None:
    app = App(
        name="peerbot-test",
        signing_secret="secret",
        token="xoxb-test",
        token_verification_enabled=False,
    )
    seen: list[Any] = []

    @app.event("app_mention")
    def by_payload(payload: dict[str, Any], logger: logging.Logger) -> None:
        seen.append((payload, logger))

    @app.event("reaction_added")
    def by_event(event: dict[str, Any], ack: Any) -> None:
        seen.append((event, ack))

    assert direct_listeners(app) == 1
    first, second = app._listeners
    assert type(first) is CustomListener  # "payload" and "logger": Bolt's own
    assert isinstance(second, DirectListener)
    assert all(isinstance(matcher, DirectMatcher) for matcher in first.matchers)


@pytest.mark.parametrize("names", [["self", "body"], ["args"], []], ids=["method", "args", "none"])
def test_unusual_parameters_are_left_to_bolt(names: list[str]) -> None:
    from bot.listener_args import getters

    assert getters(names) is None
