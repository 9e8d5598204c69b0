"""The pooled Web API client: one kept-alive connection for many calls, same errors as urllib.

Every test talks to a real HTTP server on loopback: the fake Slack (in HTTP/1.1 keep-alive mode,
as Slack's servers answer) or, for a server that drops connections, a few lines of socket code.
"""

from __future__ import annotations

import copy
import datetime
import http.client
import io
import ipaddress
import json
import os
import socket
import ssl
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.app import make_client
from bot.config import load_settings
from bot.slack_http import PooledApp, PooledWebClient, _Response
from tests.slack.conftest import LiveApp
from tests.slack.fakes import BOT_TOKEN, BOT_USER_ID, FakeSlack, app_mention


@pytest.fixture
def keep_alive_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack(keep_alive=True).start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_slack(keep_alive_slack: FakeSlack) -> FakeSlack:
    """The live app's fake Slack, here answering in HTTP/1.1 keep-alive as Slack does."""
    return keep_alive_slack


def test_listeners_post_over_one_kept_alive_connection(
    make_live_app: Callable[..., LiveApp],
) -> None:
    # Bolt gives each request a new WebClient; the app's must still share one pool.
    live = make_live_app()
    # Three different questions (not one with a stray number: a word no passage has counts
    # against coverage, and this test is about connections, not retrieval).
    for question in ("what does a peer bridger do", "what do peer bridgers do", "peer bridger?"):
        reply = live.sender.event(app_mention(f"<@{BOT_USER_ID}> {question}"))
        assert reply.status == 200
        live.drain()
    calls = live.fake.calls_to("chat.postMessage")
    assert len(calls) == 3
    assert all("Peer bridgers help people" in json.dumps(call.body) for call in calls)
    assert len({call.client_port for call in calls}) == 1


_opened: list[PooledWebClient] = []


def _client(url: str, **options: object) -> PooledWebClient:
    client = PooledWebClient(token=BOT_TOKEN, base_url=url, timeout=5, **options)  # type: ignore[arg-type]
    _opened.append(client)
    return client


@pytest.fixture(autouse=True)
def close_clients() -> Iterator[None]:
    """Close the clients a test made when it ends. A client that a `pytest.raises` traceback
    keeps in a reference cycle is otherwise left to the garbage collector, which may finalize
    its pooled socket before the pool closes it: a ResourceWarning (an error here) in whichever
    later test is running then. One such warning, for a loopback socket of an earlier test,
    failed the rate-limit test below once under load; this removes the one route found."""
    yield
    while _opened:
        _opened.pop().close()


def test_make_client_pools_connections(keep_alive_slack: FakeSlack) -> None:
    settings = load_settings(
        {"SLACK_API_URL": keep_alive_slack.api_url, "SLACK_BOT_TOKEN": BOT_TOKEN}
    )
    client = make_client(settings)
    assert isinstance(client, PooledWebClient)
    for number in range(3):
        client.chat_postMessage(channel="C1", text=f"hello {number}")
    calls = keep_alive_slack.calls_to("chat.postMessage")
    assert [call.body["text"] for call in calls] == ["hello 0", "hello 1", "hello 2"]
    assert len({call.client_port for call in calls}) == 1  # one TCP connection for all three


def test_calls_carry_what_slack_sdk_built(keep_alive_slack: FakeSlack) -> None:
    client = _client(keep_alive_slack.api_url, user_agent_prefix="peerbot/test")
    response = client.chat_postMessage(
        channel="C1",
        text="hi",
        blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}],
    )
    assert response["ok"] is True and response["channel"] == "C1"
    call = keep_alive_slack.calls_to("chat.postMessage")[0]
    assert call.headers["authorization"] == f"Bearer {BOT_TOKEN}"
    assert call.headers["user-agent"].startswith("peerbot/test")
    assert call.headers["content-type"].startswith("application/json")
    assert call.body["blocks"][0]["text"]["text"] == "x"


def test_a_reply_posts_the_json_slack_sdk_would(keep_alive_slack: FakeSlack) -> None:
    # PooledWebClient.chat_postMessage skips slack_sdk's scan of the blocks for model objects
    # when they are plain dicts: the body must be slack_sdk's, key for key and in its order.
    client = _client(keep_alive_slack.api_url)
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "a > b"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}]},
    ]
    metadata = {"event_type": "peerbot_answer", "event_payload": {"key": "C1:1.2"}}
    replies = [
        {
            "channel": "C1",
            "text": "t",
            "blocks": blocks,
            "thread_ts": "1.2",
            "metadata": metadata,
            "unfurl_links": False,
            "unfurl_media": False,
        },
        {"channel": "C1", "text": "t", "blocks": blocks, "thread_ts": None, "metadata": None},
        {"channel": "C1", "text": "   ", "blocks": blocks},  # no text: slack_sdk's way, warned
    ]
    for reply in replies:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            client.chat_postMessage(**reply)
            WebClient.chat_postMessage(client, **reply)
        assert len(caught) == (0 if reply["text"].strip() else 2)
    calls = keep_alive_slack.calls_to("chat.postMessage")
    assert len(calls) == 2 * len(replies)
    for ours, theirs in zip(calls[::2], calls[1::2], strict=True):
        assert list(ours.body.items()) == list(theirs.body.items())
    assert "thread_ts" not in calls[2].body and "metadata" not in calls[2].body


def test_api_call_sends_what_slack_sdk_would_send() -> None:
    # PooledWebClient.api_call joins each method's URL once and runs slack_sdk's deprecation
    # check only where it can warn: what reaches `_sync_send` must be slack_sdk's own.
    sent: list[tuple[str, object]] = []

    class Recording(PooledWebClient):
        def _sync_send(self, api_url: str, req_args: dict[str, Any]) -> Any:
            sent.append((api_url, req_args))
            return None

    for base_url in ("http://127.0.0.1:1/api/", "https://slack.example/api/", "http://h/x"):
        client = Recording(token="xoxb-1", base_url=base_url, headers={"X-A": "1"})
        client.default_params = {"team_id": "T1"}
        calls: list[tuple[str, dict[str, Any]]] = [
            ("chat.postMessage", {"json": {"channel": "C1", "text": "t"}}),
            ("/chat.update", {"params": {"ts": "1.2", "flag": True}}),
            ("conversations.replies", {"http_verb": "GET", "params": {"ts": "1.2"}}),
            ("auth.test", {}),
            ("files.upload", {"data": {"channels": "C1"}, "headers": {"X-B": "2"}}),
            ("oauth.v2.access", {"auth": {"client_id": "i", "client_secret": "s"}}),
        ]
        for method, arguments in calls:
            client.api_call(method, **copy.deepcopy(arguments))
            WebClient.api_call(client, method, **copy.deepcopy(arguments))
            ours, theirs = sent[-2:]
            assert ours == theirs, method
    # Deprecated methods are still warned about, and only they.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client.api_call("channels.list")
        client.api_call("stars.list")
        client.api_call("workflows.stepCompleted")
        client.api_call("chat.postMessage", json={"channel": "C1", "text": "t"})
        client.api_call("conversations.list")
    assert [str(w.message).split(" ")[0] for w in caught] == [
        "channels.list",
        "stars.list",
        "workflows.stepCompleted",
    ]


def test_a_per_request_client_keeps_the_user_agent_prefix(keep_alive_slack: FakeSlack) -> None:
    client = _client(keep_alive_slack.api_url, user_agent_prefix="peerbot/test")
    for _ in range(2):  # the app's client too: a second request's client copies it again
        client.for_request(BOT_TOKEN, "T1").chat_postMessage(channel="C1", text="hi")
    client.chat_postMessage(channel="C1", text="hi")
    calls = keep_alive_slack.calls_to("chat.postMessage")
    assert [call.headers["user-agent"].split()[0] for call in calls] == ["peerbot/test"] * 3


def test_a_request_context_holds_what_bolt_puts_there_with_a_pooled_client() -> None:
    """PooledApp builds the per-request context itself (no throwaway WebClient): the same keys
    and values as Bolt's own `_init_context`, the client a copy of the app's on its pool."""
    body = json.dumps({"type": "event_callback", "team_id": "T0TEAM", "event": {}})
    handlers = [RateLimitErrorRetryHandler(max_retry_count=1)]
    plain_client = WebClient(
        token=BOT_TOKEN, base_url="http://127.0.0.1:9/api/", retry_handlers=handlers
    )
    pooled_client = _client("http://127.0.0.1:9/api/", retry_handlers=handlers)
    contexts = []
    for app_class, client in ((App, plain_client), (PooledApp, pooled_client)):
        app = app_class(
            name="peerbot-test",
            client=client,
            signing_secret="secret",
            token_verification_enabled=False,
        )
        request = BoltRequest(body=body, headers={"content-type": ["application/json"]})
        app._init_context(request)
        contexts.append((app, request.context))
    (bolt_app, bolt), (pooled_app, ours) = contexts
    assert set(ours) == set(bolt)
    assert ours["token"] == bolt["token"] == BOT_TOKEN
    assert ours["logger"].name == bolt["logger"].name
    assert ours["listener_runner"] is pooled_app.listener_runner
    made = ours["client"]
    assert isinstance(made, PooledWebClient) and made is not pooled_client
    assert made.pool is pooled_client.pool
    assert (made.token, made.default_params) == (BOT_TOKEN, {"team_id": "T0TEAM"})
    assert made.default_params == bolt["client"].default_params
    assert made.retry_handlers == bolt["client"].retry_handlers == handlers
    made.headers["X-Changed"] = "by one listener"
    made.retry_handlers.clear()
    assert "X-Changed" not in pooled_client.headers and pooled_client.retry_handlers == handlers
    assert bolt_app.client is plain_client


def test_concurrent_calls_each_get_their_own_connection(keep_alive_slack: FakeSlack) -> None:
    client = _client(keep_alive_slack.api_url)
    errors: list[BaseException] = []

    def post(number: int) -> None:
        try:
            for repeat in range(5):
                client.chat_postMessage(channel="C1", text=f"{number}-{repeat}")
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    calls = keep_alive_slack.calls_to("chat.postMessage")
    assert sorted(call.body["text"] for call in calls) == sorted(
        f"{n}-{r}" for n in range(4) for r in range(5)
    )
    assert len({call.client_port for call in calls}) <= 4  # reused, never more than in flight


def test_api_error_is_raised_as_slack_api_error(keep_alive_slack: FakeSlack) -> None:
    keep_alive_slack.script("chat.postMessage", body={"ok": False, "error": "channel_not_found"})
    client = _client(keep_alive_slack.api_url)
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C404", text="hi")
    assert raised.value.response["error"] == "channel_not_found"
    assert client.chat_postMessage(channel="C1", text="again")["ok"] is True


def test_rate_limit_and_server_errors_are_retried_as_before(keep_alive_slack: FakeSlack) -> None:
    keep_alive_slack.script(
        "chat.postMessage",
        status=429,
        body={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "0"},
    )
    keep_alive_slack.script("chat.postMessage", status=503, body="unavailable")
    client = _client(
        keep_alive_slack.api_url,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=2),  # attempts are counted across handlers
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )
    assert client.chat_postMessage(channel="C1", text="third time")["ok"] is True
    assert len(keep_alive_slack.calls_to("chat.postMessage")) == 3


def test_http_error_without_retry_reaches_the_caller(keep_alive_slack: FakeSlack) -> None:
    keep_alive_slack.script("chat.postMessage", status=500, body="boom")
    client = _client(keep_alive_slack.api_url)
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="hi")
    assert raised.value.response.status_code == 500


def test_connection_refused_is_a_urllib_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = _client(f"http://127.0.0.1:{port}/api/")
    with pytest.raises(OSError) as raised:
        client.chat_postMessage(channel="C1", text="hi")
    assert type(raised.value).__name__ == "URLError"


class _DroppingServer:
    """Answers each request with HTTP/1.1 keep-alive, then drops the connection.

    With `answer_second=False` it reads the second request on a connection and closes without
    answering: the race of a server closing an idle connection just as the client sends.
    """

    def __init__(self, *, answer_second: bool) -> None:
        self.requests: list[int] = []  # client port of each request read
        self._answer_second = answer_second
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}/api/"

    def _serve(self) -> None:
        while True:
            try:
                connection, address = self._socket.accept()
            except OSError:
                return
            threading.Thread(target=self._talk, args=(connection, address[1]), daemon=True).start()

    def _talk(self, connection: socket.socket, port: int) -> None:
        with connection, connection.makefile("rb") as reader:
            for number in range(2):
                length = 0
                line = reader.readline()
                if not line:
                    return
                while line not in (b"\r\n", b""):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                    line = reader.readline()
                reader.read(length)
                self.requests.append(port)
                if number == 1 and not self._answer_second:
                    return  # read, never answered: the client sees the connection drop
                body = json.dumps({"ok": True, "n": len(self.requests)}).encode()
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                if self._answer_second:
                    return  # idle close right after the first answer

    def close(self) -> None:
        self._socket.close()


def test_connection_closed_while_idle_is_not_reused() -> None:
    server = _DroppingServer(answer_second=True)
    try:
        client = _client(server.url)
        assert client.api_call("auth.test")["ok"] is True
        threading.Event().wait(0.05)  # let the close arrive
        assert client.api_call("auth.test")["ok"] is True
        assert len(server.requests) == 2
        assert server.requests[0] != server.requests[1]
    finally:
        server.close()


def test_reused_connection_dropped_as_the_request_is_sent_is_retried_once() -> None:
    server = _DroppingServer(answer_second=False)
    try:
        client = _client(server.url)
        assert client.api_call("auth.test")["ok"] is True
        response = client.api_call("auth.test")  # dropped on the old connection, sent again
        assert response["ok"] is True
        ports = server.requests
        assert len(ports) == 3 and ports[0] == ports[1] != ports[2]
    finally:
        server.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_forked_child_opens_its_own_connection(keep_alive_slack: FakeSlack) -> None:
    client = _client(keep_alive_slack.api_url)
    client.chat_postMessage(channel="C1", text="parent")  # leaves a pooled connection
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # as a gunicorn worker forked after auth.test
        status = 1
        try:
            client.chat_postMessage(channel="C1", text="child")
            status = 0
        finally:
            os.write(writer, bytes([status]))
            os._exit(0)
    os.close(writer)
    assert os.read(reader, 1) == b"\x00"
    os.close(reader)
    os.waitpid(child, 0)
    client.chat_postMessage(channel="C1", text="parent again")
    ports = {call.body["text"]: call.client_port for call in keep_alive_slack.calls}
    assert ports["child"] != ports["parent"]
    assert ports["parent again"] == ports["parent"]


class _RawServer:
    """Answers each request it reads with the next of `answers` (raw bytes, as a server might
    frame them), closing the connection after any answer marked `close`; keeps each request."""

    def __init__(self, answers: list[tuple[bytes, bool]]) -> None:
        self.requests: list[tuple[int, bytes]] = []  # (client port, head and body as sent)
        self._answers = list(answers)
        self._socket = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}/api/"

    def _serve(self) -> None:
        while self._answers:
            try:
                connection, address = self._socket.accept()
            except OSError:
                return
            with connection, connection.makefile("rb") as reader:
                while self._answers:
                    head = b""
                    while not head.endswith(b"\r\n\r\n"):
                        line = reader.readline()
                        if not line:
                            break
                        head += line
                    if not head:
                        break
                    length = next(
                        (
                            int(line.split(b":")[1])
                            for line in head.split(b"\r\n")
                            if line.lower().startswith(b"content-length:")
                        ),
                        0,
                    )
                    self.requests.append((address[1], head + reader.read(length)))
                    answer, close = self._answers.pop(0)
                    connection.sendall(answer)
                    if close:
                        break

    def close(self) -> None:
        self._socket.close()


@pytest.fixture
def raw_server() -> Iterator[Callable[[list[tuple[bytes, bool]]], _RawServer]]:
    servers: list[_RawServer] = []

    def start(answers: list[tuple[bytes, bool]]) -> _RawServer:
        servers.append(_RawServer(answers))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


_OK = b'{"ok": true, "n": 1}'


@pytest.mark.parametrize(
    ("answer", "close"),
    [
        pytest.param(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
            b"\r\n\r\n5;ext=1\r\n"
            + _OK[:5]
            + b"\r\n"
            + f"{len(_OK) - 5:x}".encode()
            + b"\r\n"
            + _OK[5:]
            + b"\r\n0\r\nX-Trailer: yes\r\n\r\n",
            False,
            id="chunked",
        ),
        pytest.param(
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: "
            + str(len(_OK)).encode()
            + b"\r\n\r\n"
            + _OK,
            False,
            id="interim-100",
        ),
        pytest.param(
            b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + _OK,
            True,
            id="http-1.0-ended-by-close",
        ),
        pytest.param(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: "
            + str(len(_OK)).encode()
            + b"\r\n\r\n"
            + _OK,
            True,
            id="connection-close",
        ),
    ],
)
def test_every_framing_of_an_answer_is_read(
    raw_server: Callable[[list[tuple[bytes, bool]]], _RawServer], answer: bytes, close: bool
) -> None:
    server = raw_server([(answer, close), (answer, close)])
    client = _client(server.url)
    assert client.api_call("auth.test")["n"] == 1
    assert client.api_call("auth.test")["n"] == 1
    ports = [port for port, _ in server.requests]
    # Kept alive unless the server said (or showed, by closing) it would not be.
    assert (ports[0] != ports[1]) is close


def test_requests_are_framed_as_http_client_framed_them(
    raw_server: Callable[[list[tuple[bytes, bool]]], _RawServer],
) -> None:
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: " + str(len(_OK)).encode() + b"\r\n\r\n" + _OK
    server = raw_server([(answer, False)])
    client = _client(server.url, user_agent_prefix="peerbot/test")
    client.chat_postMessage(channel="C1", text="hi")
    _, sent = server.requests[0]
    head, _, body = sent.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    port = server.url.split(":")[2].split("/")[0]
    assert lines[:4] == [
        "POST /api/chat.postMessage HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Accept-Encoding: identity",
        f"Content-Length: {len(body)}",
    ]
    headers = dict(line.split(": ", 1) for line in lines[4:])
    assert headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert headers["User-Agent"].startswith("peerbot/test")
    assert "Connection" not in headers
    assert json.loads(body) == {"channel": "C1", "text": "hi"}


def test_a_header_with_a_line_break_is_refused_unsent(
    raw_server: Callable[[list[tuple[bytes, bool]]], _RawServer],
) -> None:
    server = raw_server([(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", False)])
    client = _client(server.url, headers={"X-Note": "one\r\nX-Injected: two"})
    with pytest.raises(ValueError, match="Invalid header value"):
        client.api_call("auth.test")
    assert server.requests == []


def test_error_answers_carry_their_headers_as_urllib_gave_them(
    raw_server: Callable[[list[tuple[bytes, bool]]], _RawServer],
) -> None:
    body = b'{"ok": false, "error": "ratelimited"}'
    limited = (
        b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Type: application/json"
        b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    server = raw_server([(limited, False)])
    client = _client(server.url, retry_handlers=[])
    with pytest.raises(SlackApiError) as raised:
        client.api_call("auth.test")
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"
    assert raised.value.response["error"] == "ratelimited"


@pytest.mark.parametrize("method", ["auth.test x", "auth.test\x7f", "auth.tést"])
def test_a_path_http_client_would_refuse_is_refused_unsent(
    raw_server: Callable[[list[tuple[bytes, bool]]], _RawServer], method: str
) -> None:
    server = raw_server([(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", False)])
    client = _client(server.url)
    with pytest.raises(http.client.InvalidURL):
        client.api_call(method)
    assert server.requests == []


def _self_signed(directory: Path) -> tuple[Path, Path]:
    """(certificate, key) for 127.0.0.1, made with `cryptography` (already a dependency)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_https_calls_verify_the_server_and_keep_the_connection(tmp_path: Path) -> None:
    certificate, key = _self_signed(tmp_path)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(certificate, key)
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: " + str(len(_OK)).encode() + b"\r\n\r\n" + _OK
    plain = _RawServer([(answer, False)] * 3)
    tls = socket.create_server(("127.0.0.1", 0))
    ready = threading.Event()

    def relay(connection: socket.socket) -> None:  # TLS in front of the raw server
        try:
            wrapped = server_context.wrap_socket(connection, server_side=True)
        except OSError:  # ssl.SSLError too: a client that refused our certificate
            connection.close()
            return
        upstream = socket.create_connection(("127.0.0.1", int(plain.url.split(":")[2][:-5])))
        threading.Thread(target=_pipe, args=(upstream, wrapped), daemon=True).start()
        _pipe(wrapped, upstream)

    def serve() -> None:
        ready.set()
        while True:
            try:
                connection, _ = tls.accept()
            except OSError:
                return
            threading.Thread(target=relay, args=(connection,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    ready.wait()
    url = f"https://127.0.0.1:{tls.getsockname()[1]}/api/"
    try:
        trusting = ssl.create_default_context(cafile=str(certificate))
        client = _client(url, ssl=trusting)
        assert client.api_call("auth.test")["n"] == 1
        assert client.api_call("auth.test")["n"] == 1
        assert len({port for port, _ in plain.requests}) == 1  # one TLS connection, kept
        client.close()
        with pytest.raises(OSError) as raised:  # the default trust store has never seen it
            _client(url).api_call("auth.test")
        assert type(raised.value).__name__ == "URLError"
        assert isinstance(raised.value.reason, ssl.SSLCertVerificationError)  # type: ignore[attr-defined]
    finally:
        tls.close()
        plain.close()


def _pipe(source: socket.socket, target: socket.socket) -> None:
    """Copy bytes from `source` to `target` until either side closes."""
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()


def test_answer_headers_read_as_http_client_reads_them() -> None:
    """Repeated names (in any case) give their first value, by any spelling, as in urllib."""
    raw = [
        b"Content-Type: application/json; charset=utf-8\r\n",
        b"X-Slack-Req-Id: first\r\n",
        b"x-slack-req-id: second\r\n",
        b"Retry-After: 3\r\n",
        b"retry-after: 9\r\n",
    ]
    ours = _Response(200, "OK", "HTTP/1.1", raw)
    theirs = http.client.parse_headers(io.BytesIO(b"".join(raw) + b"\r\n"))
    assert ours.as_dict() == dict(theirs)
    for name in ("x-slack-req-id", "X-SLACK-REQ-ID", "retry-after", "Content-Type", "absent"):
        assert ours.get(name) == theirs.get(name)
