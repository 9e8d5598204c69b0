"""Listener arguments built by name, only the names a listener asks for.

Bolt calls each listener (and each of its built-in matchers, such as `app.event("app_mention")`'s
event-type check) with keyword arguments chosen by parameter name. To do so it builds, on every
call, every argument any listener could ask for: the body read as an event, a command, an
action, a view, a shortcut, ...; `ack`, `say` and `respond` objects; every context entry; then
keeps the two or three the function takes (`slack_bolt.kwargs_injection.build_required_kwargs`,
about 15 us a call, twice a mention: the matcher, then the listener).

`direct_listeners` gives each registered listener and built-in matcher whose parameters are all
in `GETTERS` a call that builds exactly those, each the way Bolt builds it (the same body
readers, the same context properties), so a listener receives what it received before. Any
other listener or matcher (an unusual parameter name, a method, Bolt's own `args`) is left to
Bolt. `tests/test_listener_args.py` checks every registered listener and matcher against Bolt's
builder on real requests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.listener.custom_listener import CustomListener
from slack_bolt.listener_matcher import ListenerMatcher
from slack_bolt.listener_matcher.builtins import BuiltinListenerMatcher
from slack_bolt.request.payload_utils import (
    to_action,
    to_command,
    to_event,
    to_message,
    to_options,
    to_shortcut,
    to_step,
    to_view,
)

Getter = Callable[[BoltRequest, BoltResponse | None], Any]

# Each as `build_required_kwargs` builds it. "payload" and "logger" are left to Bolt (the one
# is a chain of every reader, the other the listener's own logger).
GETTERS: dict[str, Getter] = {
    "body": lambda request, _: request.body,
    "context": lambda request, _: request.context,
    "client": lambda request, _: request.context.client,
    "req": lambda request, _: request,
    "request": lambda request, _: request,
    "resp": lambda _, response: response,
    "response": lambda _, response: response,
    "options": lambda request, _: to_options(request.body),
    "shortcut": lambda request, _: to_shortcut(request.body),
    "action": lambda request, _: to_action(request.body),
    "view": lambda request, _: to_view(request.body),
    "command": lambda request, _: to_command(request.body),
    "event": lambda request, _: to_event(request.body),
    "message": lambda request, _: to_message(request.body),
    "step": lambda request, _: to_step(request.body),
    "ack": lambda request, _: request.context.ack,
    "say": lambda request, _: request.context.say,
    "respond": lambda request, _: request.context.respond,
}


def getters(names: Sequence[str]) -> tuple[tuple[str, Getter], ...] | None:
    """(name, getter) for each parameter name, or None if Bolt must build any of them."""
    if not names or any(name not in GETTERS for name in names):
        return None
    return tuple((name, GETTERS[name]) for name in names)


def build_kwargs(
    found: tuple[tuple[str, Getter], ...], request: BoltRequest, response: BoltResponse | None
) -> dict[str, Any]:
    """The keyword arguments named by `found`, for one request."""
    return {name: get(request, response) for name, get in found}


class DirectMatcher(ListenerMatcher):
    """A built-in matcher whose function gets only the arguments it names."""

    def __init__(self, func: Callable[..., Any], found: tuple[tuple[str, Getter], ...]) -> None:
        self.func = func
        self.found = found

    def matches(self, req: BoltRequest, resp: BoltResponse) -> bool:
        """What Bolt's matcher would answer, without building every other argument."""
        return bool(self.func(**build_kwargs(self.found, req, resp)))


class DirectListener(CustomListener):
    """A listener whose function gets only the arguments it names (otherwise Bolt's own)."""

    def __init__(self, listener: CustomListener, found: tuple[tuple[str, Getter], ...]) -> None:
        """`listener` as it was registered (matchers, middleware, acknowledgement, logger)."""
        vars(self).update(vars(listener))
        self.found = found

    def run_ack_function(
        self, *, request: BoltRequest, response: BoltResponse
    ) -> BoltResponse | None:
        """Call the listener as Bolt would, with the arguments it takes."""
        result: BoltResponse | None = self.ack_function(
            **build_kwargs(self.found, request, response)
        )
        return result


def _direct_matcher(matcher: ListenerMatcher) -> ListenerMatcher:
    if type(matcher) is not BuiltinListenerMatcher:
        return matcher
    found = getters(list(matcher.arg_names))
    return matcher if found is None else DirectMatcher(matcher.func, found)


def direct_listeners(app: App) -> int:
    """Give the app's listeners and built-in matchers direct arguments where Bolt's would be
    the same; how many listeners now take them."""
    changed = 0
    listeners = app._listeners
    for number, listener in enumerate(listeners):
        if type(listener) is not CustomListener:
            continue
        listener.matchers = [_direct_matcher(matcher) for matcher in listener.matchers]
        found = getters(list(listener.arg_names))
        if found is not None:
            listeners[number] = DirectListener(listener, found)
            changed += 1
    return changed
