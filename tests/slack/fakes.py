"""Loopback fakes of Slack for end-to-end tests: the Web API, response_urls, Socket Mode.

`FakeSlack` is an HTTP server on 127.0.0.1 (port 0) that records every request it gets, path
and decoded body, and answers like Slack's Web API (`/api/<method>`) and like a slash command's
or an action's `response_url` (`/respond/<name>`). A test can script the next answer of a
method (an error, HTTP 429...). `FakeSocketMode` is a minimal WebSocket server that speaks the
Socket Mode protocol (hello, envelopes, acks). `SlackSender` sends correctly signed requests
shaped like Slack's documented payloads to the app under test.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import socket
import struct
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

BOT_USER_ID = "UBOTPEER"
BOT_ID = "BBOTPEER"
TEAM_ID = "T0TEST"
APP_ID = "A0TEST"
SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-1-test-app-token"
WAIT_SECONDS = 10.0


@dataclass
class Call:
    """One request the fake received."""

    method: str  # Web API method ("chat.postMessage") or "respond"
    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    client_port: int = 0  # the caller's side of the TCP connection it came over
    answer: dict[str, Any] | str | None = None  # what the fake answered


@dataclass
class _Scripted:
    status: int
    body: dict[str, Any] | str
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class _QuietServer(ThreadingHTTPServer):
    """Fault tests kill the app mid-request; its vanished socket is not the fake's error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class FakeSlack:
    """A recording fake of the Slack Web API and of response_urls, on a loopback port."""

    def __init__(self, *, keep_alive: bool = False) -> None:
        """`keep_alive`: answer in HTTP/1.1 and keep connections open, as Slack's servers do."""
        self.calls: list[Call] = []
        self.socket_mode_url: str | None = None
        self._condition = threading.Condition()
        self._scripted: dict[str, list[_Scripted]] = {}
        self._ts = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"
            # Headers and body go out in two writes; on a kept-alive connection Nagle's
            # algorithm would hold the body until the client's delayed ACK (~40 ms).
            disable_nagle_algorithm = keep_alive

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                fake._handle(self, raw)

            def do_GET(self) -> None:  # conversations.replies / .history send their query
                query = self.path.partition("?")[2]
                fake._handle(self, query, "application/x-www-form-urlencoded")

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/respond/{name}"

    # --- scripting and inspection ------------------------------------------------------------

    def script(
        self,
        method: str,
        *,
        status: int = 200,
        body: dict[str, Any] | str | None = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> None:
        """The next call to `method` gets this answer instead of the default."""
        with self._condition:
            self._scripted.setdefault(method, []).append(
                _Scripted(status, body if body is not None else {"ok": True}, headers or {}, delay)
            )

    def calls_to(self, method: str, where: Callable[[Call], bool] | None = None) -> list[Call]:
        with self._condition:
            return [c for c in self.calls if c.method == method and (where is None or where(c))]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        where: Callable[[Call], bool] | None = None,
        timeout: float = WAIT_SECONDS,
    ) -> list[Call]:
        """Block until `count` matching calls were recorded (or fail after `timeout`)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                found = [
                    c for c in self.calls if c.method == method and (where is None or where(c))
                ]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"expected {count} call(s) to {method}; saw {seen}")
                self._condition.wait(remaining)

    # --- serving -----------------------------------------------------------------------------

    def _handle(
        self, handler: BaseHTTPRequestHandler, raw: str, content_type: str | None = None
    ) -> None:
        path = handler.path.split("?")[0]
        if path.startswith("/api/"):
            method = path[len("/api/") :]
        elif path.startswith("/respond/"):
            method = "respond"
        else:
            method = path
        body = _decode(raw, content_type or handler.headers.get("Content-Type") or "")
        call = Call(
            method,
            path,
            body,
            {k.lower(): v for k, v in handler.headers.items()},
            handler.client_address[1],
        )
        with self._condition:
            scripted = self._scripted.get(method)
            answer = scripted.pop(0) if scripted else self._default(method, body)
        if answer.delay:
            time.sleep(answer.delay)
        # Record before answering, so a caller that saw the answer also sees the call.
        call.answer = answer.body
        with self._condition:
            self.calls.append(call)
            self._condition.notify_all()
        payload = answer.body if isinstance(answer.body, str) else json.dumps(answer.body)
        data = payload.encode("utf-8")
        handler.send_response(answer.status)
        content_type = "text/plain" if isinstance(answer.body, str) else "application/json"
        handler.send_header("Content-Type", f"{content_type}; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in answer.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _posted(self, method: str, query: dict[str, Any]) -> list[dict[str, Any]]:
        """What the bot posted in a thread (replies) or at a conversation's top level (history),
        as Slack returns it with include_all_metadata: each message's metadata included."""
        channel = query.get("channel")
        thread = query.get("ts") if method == "conversations.replies" else None
        with self._condition:
            posts = [
                (c.body, c.answer if isinstance(c.answer, dict) else {})
                for c in self.calls
                if c.method == "chat.postMessage"
            ]
        return [
            {
                "type": "message",
                "bot_id": BOT_ID,
                "text": post.get("text", ""),
                **({"ts": answer["ts"]} if answer.get("ts") else {}),
                **({"metadata": post["metadata"]} if post.get("metadata") else {}),
            }
            for post, answer in posts
            if post.get("channel") == channel and post.get("thread_ts") == thread
        ]

    def _default(self, method: str, body: dict[str, Any]) -> _Scripted:
        if method == "auth.test":
            return _Scripted(
                200,
                {
                    "ok": True,
                    "url": "https://peerbot-test.slack.com/",
                    "team": "Test team",
                    "user": "peerbot",
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER_ID,
                    "bot_id": BOT_ID,
                    "is_enterprise_install": False,
                },
            )
        if method == "chat.postMessage":
            self._ts += 1
            ts = f"1700000100.{self._ts:06d}"
            return _Scripted(200, {"ok": True, "channel": body.get("channel"), "ts": ts})
        if method in ("conversations.replies", "conversations.history"):
            return _Scripted(200, {"ok": True, "messages": self._posted(method, body)})
        if method in ("chat.update", "chat.delete"):
            return _Scripted(
                200, {"ok": True, "channel": body.get("channel"), "ts": body.get("ts")}
            )
        if method == "chat.postEphemeral":
            self._ts += 1
            return _Scripted(200, {"ok": True, "message_ts": f"1700000200.{self._ts:06d}"})
        if method == "chat.getPermalink":
            channel, ts = body.get("channel"), str(body.get("message_ts") or "")
            link = f"https://peerbot-test.slack.com/archives/{channel}/p{ts.replace('.', '')}"
            return _Scripted(200, {"ok": True, "channel": channel, "permalink": link})
        if method == "views.open":
            return _Scripted(200, {"ok": True, "view": {"id": "V0MODAL", **body.get("view", {})}})
        if method == "views.publish":
            return _Scripted(200, {"ok": True, "view": {"id": "V0HOME", **body.get("view", {})}})
        if method == "apps.connections.open":
            return _Scripted(200, {"ok": True, "url": self.socket_mode_url})
        if method == "respond":
            return _Scripted(200, "ok")
        return _Scripted(200, {"ok": False, "error": "unknown_method"})


def _decode(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        decoded: dict[str, Any] = json.loads(raw)
        return decoded
    form = {key: values[0] for key, values in parse_qs(raw, keep_blank_values=True).items()}
    parsed: dict[str, Any] = dict(form)
    for key in ("blocks", "view", "payload"):
        if isinstance(parsed.get(key), str):
            parsed[key] = json.loads(parsed[key])
    return parsed


# --- signed requests ------------------------------------------------------------------------------


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 request signature headers for `body` (computed here, not with slack_sdk)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    base = f"v0:{stamp}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Reply:
    """The app's HTTP answer to one request."""

    status: int
    body: str
    elapsed: float


def http_post(url: str, body: str, headers: dict[str, str]) -> Reply:
    """POST and return status and body, also for 4xx/5xx answers."""
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return Reply(response.status, response.read().decode(), time.monotonic() - started)
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, error.read().decode(), time.monotonic() - started)


def http_get(url: str) -> Reply:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:
            return Reply(response.status, response.read().decode(), time.monotonic() - started)
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, error.read().decode(), time.monotonic() - started)


# --- payloads shaped like Slack's documented ones -------------------------------------------------

_counter = iter(range(1, 1_000_000))


def next_ts() -> str:
    """A fresh message timestamp."""
    return f"1700000000.{next(_counter):06d}"


def event_callback(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    """The Events API envelope (type event_callback)."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
    }


def app_mention(
    text: str,
    *,
    channel: str = "C0CHANNEL",
    ts: str | None = None,
    user: str = "U0ALICE",
    thread_ts: str | None = None,
) -> dict[str, Any]:
    ts = ts or next_ts()
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM_ID,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(
    text: str,
    *,
    channel: str = "D0DIRECT",
    channel_type: str = "im",
    ts: str | None = None,
    user: str | None = "U0ALICE",
    **extra: Any,
) -> dict[str, Any]:
    ts = ts or next_ts()
    event: dict[str, Any] = {
        "type": "message",
        "channel": channel,
        "channel_type": channel_type,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "team": TEAM_ID,
    }
    if user is not None:
        event["user"] = user
    event.update(extra)
    return event


def button(action_id: str, value: str, block_id: str = "answer_actions") -> dict[str, Any]:
    return {
        "type": "button",
        "action_id": action_id,
        "block_id": block_id,
        "text": {"type": "plain_text", "text": "button", "emoji": True},
        "value": value,
        "action_ts": f"{time.time():.6f}",
    }


def static_select(action_id: str, value: str, label: str) -> dict[str, Any]:
    return {
        "type": "static_select",
        "action_id": action_id,
        "block_id": "role_menu",
        "selected_option": {"text": {"type": "plain_text", "text": label}, "value": value},
        "placeholder": {"type": "plain_text", "text": "Open a role card"},
        "action_ts": f"{time.time():.6f}",
    }


class SlackSender:
    """Sends signed Slack requests (events, commands, actions) to one app URL."""

    def __init__(self, url: str, secret: str = SIGNING_SECRET) -> None:
        self.url = url
        self.secret = secret
        self._ids = iter(range(1, 1_000_000))

    def raw(self, body: str, content_type: str, extra: dict[str, str] | None = None) -> Reply:
        headers = {"Content-Type": content_type, **sign(self.secret, body), **(extra or {})}
        return http_post(self.url, body, headers)

    def event(
        self, event: dict[str, Any], event_id: str | None = None, retry_num: int | None = None
    ) -> Reply:
        body = json.dumps(event_callback(event, event_id or self.new_event_id()))
        extra = {}
        if retry_num is not None:
            extra = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return self.raw(body, "application/json", extra)

    def new_event_id(self) -> str:
        return f"Ev{next(self._ids):08d}"

    def command(
        self,
        command: str,
        text: str,
        response_url: str,
        *,
        channel_id: str = "C0CHANNEL",
        user_id: str = "U0ALICE",
    ) -> Reply:
        body = urlencode(command_payload(command, text, response_url, channel_id, user_id))
        return self.raw(body, "application/x-www-form-urlencoded")

    def action(
        self,
        action: dict[str, Any],
        response_url: str,
        *,
        channel_id: str = "C0CHANNEL",
        user_id: str = "U0ALICE",
        is_ephemeral: bool = True,
        message_ts: str = "1700000000.000001",
        thread_ts: str | None = None,
    ) -> Reply:
        payload = block_actions_payload(action, response_url, channel_id, user_id, is_ephemeral)
        payload["container"]["message_ts"] = message_ts
        if not is_ephemeral:
            # Slack includes the message for a click on a message everyone sees.
            message: dict[str, Any] = {"type": "message", "ts": message_ts, "bot_id": BOT_ID}
            if thread_ts:
                message["thread_ts"] = thread_ts
            payload["message"] = message
        return self.payload(payload)

    def payload(self, payload: dict[str, Any]) -> Reply:
        """Any interactive payload (block_actions, message_action, view_submission)."""
        body = "payload=" + quote(json.dumps(payload))
        return self.raw(body, "application/x-www-form-urlencoded")

    def message_shortcut(
        self,
        callback_id: str,
        message: dict[str, Any],
        response_url: str,
        *,
        channel_id: str = "C0CHANNEL",
        user_id: str = "U0BOB",
    ) -> Reply:
        """A message shortcut (type message_action), as Slack documents it."""
        return self.payload(
            {
                "type": "message_action",
                "callback_id": callback_id,
                "trigger_id": f"{time.time():.6f}.trigger",
                "action_ts": f"{time.time():.6f}",
                "team": {"id": TEAM_ID, "domain": "peerbot-test"},
                "user": {"id": user_id, "name": "bob", "team_id": TEAM_ID},
                "channel": {"id": channel_id, "name": "peer-team"},
                "is_enterprise_install": False,
                "enterprise": None,
                "message_ts": message["ts"],
                "message": message,
                "response_url": response_url,
                "token": "legacy-verification-token",
            }
        )

    def view_submission(
        self, view: dict[str, Any], values: dict[str, Any], *, user_id: str = "U0ALICE"
    ) -> Reply:
        """The submission of a modal the app opened (`view` as views.open received it)."""
        submitted = {
            **view,
            "id": "V0MODAL",
            "team_id": TEAM_ID,
            "app_id": APP_ID,
            "bot_id": BOT_ID,
            "state": {"values": values},
            "hash": "1700000000.abcdef",
        }
        return self.payload(
            {
                "type": "view_submission",
                "team": {"id": TEAM_ID, "domain": "peerbot-test"},
                "user": {"id": user_id, "name": "alice", "team_id": TEAM_ID},
                "api_app_id": APP_ID,
                "token": "legacy-verification-token",
                "trigger_id": f"{time.time():.6f}.trigger",
                "view": submitted,
                "response_urls": [],
                "is_enterprise_install": False,
                "enterprise": None,
            }
        )


def command_payload(
    command: str, text: str, response_url: str, channel_id: str, user_id: str
) -> dict[str, str]:
    """A slash command's form fields, as Slack documents them."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "team_domain": "peerbot-test",
        "channel_id": channel_id,
        "channel_name": "peer-team",
        "user_id": user_id,
        "user_name": "alice",
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{time.time():.6f}.trigger",
    }


def block_actions_payload(
    action: dict[str, Any], response_url: str, channel_id: str, user_id: str, is_ephemeral: bool
) -> dict[str, Any]:
    """An interactive block_actions payload, as Slack documents it."""
    return {
        "type": "block_actions",
        "user": {"id": user_id, "username": "alice", "name": "alice", "team_id": TEAM_ID},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "container": {
            "type": "message",
            "message_ts": "1700000000.000001",
            "channel_id": channel_id,
            "is_ephemeral": is_ephemeral,
        },
        "trigger_id": f"{time.time():.6f}.trigger",
        "team": {"id": TEAM_ID, "domain": "peerbot-test"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": "peer-team"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [action],
    }


# --- Block Kit checks, written from Slack's reference independently of bot.blocks -----------------


def block_kit_problems(blocks: list[dict[str, Any]], max_blocks: int = 50) -> list[str]:
    """Every Block Kit limit a payload breaks (empty when Slack would accept it)."""
    problems: list[str] = []
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks > {max_blocks}")

    def text_ok(obj: dict[str, Any], limit: int, where: str) -> None:
        text = obj.get("text", "")
        if not 1 <= len(text) <= limit:
            problems.append(f"{where}: text length {len(text)} not in 1..{limit}")

    for number, block in enumerate(blocks):
        kind = block["type"]
        where = f"block {number} ({kind})"
        if len(block.get("block_id", "")) > 255:
            problems.append(f"{where}: block_id too long")
        if kind == "section":
            text_ok(block["text"], 3000, where)
            accessory = block.get("accessory")
            if accessory is not None:
                if accessory["type"] != "button":
                    problems.append(f"{where}: unexpected accessory {accessory['type']}")
                else:
                    text_ok(accessory["text"], 75, f"{where} accessory")
                    if not 1 <= len(accessory.get("value", "")) <= 2000:
                        problems.append(f"{where}: accessory value length")
        elif kind == "header":
            if block["text"]["type"] != "plain_text":
                problems.append(f"{where}: header must be plain_text")
            text_ok(block["text"], 150, where)
        elif kind == "context":
            if len(block["elements"]) > 10:
                problems.append(f"{where}: {len(block['elements'])} elements > 10")
            for element in block["elements"]:
                text_ok(element, 3000, where)
        elif kind == "actions":
            if len(block["elements"]) > 25:
                problems.append(f"{where}: too many elements")
            for element in block["elements"]:
                if len(element.get("action_id", "")) > 255:
                    problems.append(f"{where}: action_id too long")
                if element["type"] == "button":
                    text_ok(element["text"], 75, f"{where} button")
                    if len(element.get("value", "")) > 2000:
                        problems.append(f"{where}: button value too long")
                elif element["type"] == "overflow":
                    if not 2 <= len(element["options"]) <= 5:
                        problems.append(f"{where}: overflow with {len(element['options'])} options")
                elif element["type"] == "static_select":
                    options = element["options"]
                    if not 1 <= len(options) <= 100:
                        problems.append(f"{where}: {len(options)} options")
                    for option in options:
                        text_ok(option["text"], 75, f"{where} option")
                        if len(option["value"]) > 150:
                            problems.append(f"{where}: option value too long")
        elif kind == "input":
            text_ok(block["label"], 2000, f"{where} label")
            if block["element"]["type"] != "plain_text_input":
                problems.append(f"{where}: unexpected input element")
        elif kind != "divider":
            problems.append(f"{where}: unexpected block type")
    return problems


def texts(blocks: list[dict[str, Any]], kind: str) -> Iterator[str]:
    """Every text of type `kind` ("mrkdwn" or "plain_text") anywhere in the blocks."""

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if node.get("type") == kind and isinstance(node.get("text"), str):
                yield node["text"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    yield from walk(blocks)


_MARK = re.compile(r" \[(\d+)\]$")


def sources_entries(blocks: list[dict[str, Any]]) -> dict[int, list[str]]:
    """Reference number -> every Sources line with that number (one, when it is right)."""
    entries: dict[int, list[str]] = {}
    for block in blocks:
        if block["type"] != "context":
            continue
        elements = [element["text"] for element in block["elements"]]
        if not elements or not elements[0].startswith("*Sources*"):
            continue
        for line in "\n".join(elements).split("\n")[1:]:
            match = re.match(r"\[(\d+)\] ", line)
            assert match, f"Sources line without a number: {line!r}"
            entries.setdefault(int(match.group(1)), []).append(line)
    return entries


def quotes_with_citations(blocks: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(quote, its Sources line) pairs; fails if a quote has no reference mark or its mark
    names no work in the Sources list."""
    entries = sources_entries(blocks)
    pairs = []
    for number, block in enumerate(blocks):
        if block["type"] != "section":
            continue
        for line in block["text"]["text"].split("\n"):
            if not line.startswith("> "):
                continue
            mark = _MARK.search(line)
            assert mark, f"quote in block {number} has no reference mark: {line!r}"
            reference = int(mark.group(1))
            assert reference in entries, f"mark [{reference}] names no Sources entry"
            pairs.append((line[2 : mark.start()], entries[reference][0]))
    return pairs


# --- Socket Mode ----------------------------------------------------------------------------------

_WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class FakeSocketMode:
    """A loopback WebSocket server speaking Slack's Socket Mode protocol to one client."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(WAIT_SECONDS)
        self.received: list[dict[str, Any]] = []
        self._condition = threading.Condition()
        self._connection: socket.socket | None = None
        self._connected = threading.Event()
        self._send_lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._stopping = False
        self.connections = 0

    @property
    def url(self) -> str:
        port = self._listener.getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket=test-ticket"

    def start(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping = True
        with self._send_lock:
            if self._connection is not None:
                try:
                    self._connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        # close() alone does not wake a thread blocked in accept() on Linux: it slept on until
        # the listener's timeout and every test paid the 5 s join below. shutdown() wakes it.
        try:
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()
        self._thread.join(timeout=5)

    def wait_connected(self) -> None:
        assert self._connected.wait(WAIT_SECONDS), "no Socket Mode client connected"

    def send(self, message: dict[str, Any]) -> None:
        """Send one JSON text frame to the client."""
        self._send_frame(0x1, json.dumps(message).encode())

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        deadline = time.monotonic() + WAIT_SECONDS
        with self._condition:
            while True:
                for item in self.received:
                    if predicate(item):
                        return item
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no matching Socket Mode message in {self.received}")
                self._condition.wait(remaining)

    def _send_frame(self, opcode: int, payload: bytes) -> None:
        header = bytes([0x80 | opcode])
        if len(payload) < 126:
            header += bytes([len(payload)])
        elif len(payload) < 65536:
            header += bytes([126]) + struct.pack("!H", len(payload))
        else:
            header += bytes([127]) + struct.pack("!Q", len(payload))
        with self._send_lock:
            assert self._connection is not None
            self._connection.sendall(header + payload)

    def drop(self) -> None:
        """Cut the current connection without a close frame, as a network failure would."""
        with self._send_lock:
            if self._connection is not None:
                try:
                    self._connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        self._connected.clear()

    def _serve(self) -> None:
        """Accept connections one after another, so a client can reconnect after a drop."""
        while not self._stopping:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            self._serve_one(connection)

    def _serve_one(self, connection: socket.socket) -> None:
        with connection:
            self._connection = connection
            try:
                self._handshake(connection)
                self._connected.set()
                self.send(
                    {
                        "type": "hello",
                        "num_connections": 1,
                        "debug_info": {"host": "applink-test", "build_number": 1},
                        "connection_info": {"app_id": APP_ID},
                    }
                )
                self._read_frames(connection)
            except OSError:
                pass
            finally:
                self._connection = None

    def _handshake(self, connection: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = connection.recv(1024)
            if not chunk:
                raise OSError("closed during handshake")
            request += chunk
        headers = {}
        for line in request.decode().split("\r\n")[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        accept = base64.b64encode(
            hashlib.sha1((headers["sec-websocket-key"] + _WS_GUID).encode()).digest()
        ).decode()
        connection.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )

    def _read_exactly(self, connection: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = connection.recv(size - len(data))
            if not chunk:
                raise OSError("closed")
            data += chunk
        return data

    def _read_frames(self, connection: socket.socket) -> None:
        while True:
            first, second = self._read_exactly(connection, 2)
            opcode = first & 0x0F
            length = second & 0x7F
            if length == 126:
                (length,) = struct.unpack("!H", self._read_exactly(connection, 2))
            elif length == 127:
                (length,) = struct.unpack("!Q", self._read_exactly(connection, 8))
            mask = self._read_exactly(connection, 4) if second & 0x80 else b"\0\0\0\0"
            data = bytes(
                b ^ mask[i % 4] for i, b in enumerate(self._read_exactly(connection, length))
            )
            if opcode == 0x1:
                with self._condition:
                    self.received.append(json.loads(data))
                    self._condition.notify_all()
            elif opcode == 0x9:
                self._send_frame(0xA, data)
            elif opcode == 0x8:
                self._send_frame(0x8, data[:2])
                return
