"""A Web API client that keeps its HTTPS connections open between calls.

slack_sdk's `WebClient` sends every call through `urllib.request.urlopen`, which asks for
`Connection: close`: each chat.postMessage pays a new TCP connection and a new TLS handshake,
more CPU than finding and rendering the answer (benchmarks/README.md, the TLS floor table).
slack_sdk offers no pluggable transport for its synchronous client, so `PooledWebClient`
overrides the one method that performs the request (`_perform_urllib_http_request_internal`)
and sends it over a kept-alive connection instead. Everything around it is slack_sdk's own:
the request it built (URL, headers, body), the retry handlers, the response parsing. Errors are
raised as urllib raises them (`HTTPError` for a non-2xx answer, `URLError` when connecting or
sending fails), so those handlers and our listeners see no difference.

The exchange itself is a few lines of HTTP/1.1 over the socket (`_exchange`), not
`http.client`: that module parses every response's headers through the `email` package and
builds the request header by header, ~0.12 ms of CPU per call against ~0.04 ms for the same
bytes sent and read here (benchmarks/README.md, the server section). It sends what
`http.client` sent (request line, Host, Accept-Encoding: identity, Content-Length, then
slack_sdk's headers; refusing a header with a line break, a path with a control or non-ASCII
character), and reads any answer an HTTP/1.x server may give: a Content-Length body, a chunked
one, or one ended by closing the connection; interim 1xx answers are skipped.

Connections are pooled per scheme, host and port, shared by the listener threads (one
connection is used by one request at a time), and never shared across a fork: gunicorn's
workers are forked from a master that called auth.test, and a socket used by two processes
would interleave their requests. A pooled connection the server has closed while idle is
noticed before reuse; if a reused connection still fails before any answer arrived, the request
is sent once more on a new connection, as HTTP clients do for that race. Calls that go through
a proxy (from the environment or `proxy=`) are left to urllib, unchanged.
"""

from __future__ import annotations

import copy
import http.client
import io
import re
import select
import socket
import ssl
import threading
import urllib.request
from functools import lru_cache
from typing import Any, BinaryIO
from urllib.error import HTTPError, URLError
from urllib.parse import SplitResult, urlsplit

from slack_bolt import App
from slack_bolt.logger import get_bolt_app_logger
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.web import SlackResponse, deprecation
from slack_sdk.web.internal_utils import _build_req_args, _get_url

from bot.process import current_pid

# Idle connections kept per host; more concurrent calls than this open extra connections that
# are closed after use rather than kept.
MAX_IDLE_PER_HOST = 16
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
# As http.client's limits: a longer status or header line, or more header lines, is refused.
_MAX_LINE = 65536
_MAX_HEADERS = 100
# What http.client refuses to send (a line break would end the header and start another).
_LEGAL_NAME = re.compile(rb"[^:\s][^:\r\n]*")
_ILLEGAL_VALUE = re.compile(rb"\n(?![ \t])|\r(?![ \t\n])")
# Methods http.client sends `Content-Length: 0` for when they have no body.
_SENDS_BODY = frozenset({"PATCH", "POST", "PUT"})
_ILLEGAL_PATH = re.compile(r"[\x00-\x20\x7f]")


class Connection:
    """One HTTP/1.1 connection to a host, opened on its first request and kept open."""

    def __init__(
        self,
        scheme: str,
        host: str,
        port: int,
        *,
        timeout: float | None,
        context: ssl.SSLContext | None,
    ) -> None:
        self.scheme, self.host, self.port = scheme, host, port
        self.timeout = timeout
        self.context = context
        self.sock: socket.socket | None = None
        self.reader: BinaryIO | None = None
        default = 443 if scheme == "https" else 80
        # The Host header as http.client writes it: the port only when not the default.
        name = f"[{host}]" if ":" in host else host
        self.host_header = name if port == default else f"{name}:{port}"

    def open(self) -> tuple[socket.socket, BinaryIO]:
        """The socket and its buffered reader, connecting first if need be."""
        if self.sock is None or self.reader is None:
            sock = socket.create_connection((self.host, self.port), self.timeout)
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                if self.scheme == "https":
                    context = self.context or ssl.create_default_context()
                    sock = context.wrap_socket(sock, server_hostname=self.host)
            except BaseException:
                sock.close()
                raise
            self.sock, self.reader = sock, sock.makefile("rb")
        return self.sock, self.reader

    def close(self) -> None:
        """Close the socket (a later request opens a new one)."""
        reader, sock = self.reader, self.sock
        self.reader = self.sock = None
        if reader is not None:
            reader.close()
        if sock is not None:
            sock.close()


def _is_dropped(connection: Connection) -> bool:
    """Whether an idle connection was closed by the server (readable at EOF) or is broken."""
    sock = connection.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)  # an idle HTTP connection has nothing to read unless it was closed


class ConnectionPool:
    """Idle keep-alive connections by (scheme, host, port), safe to share between threads."""

    def __init__(self, *, timeout: float | None, context: ssl.SSLContext | None) -> None:
        self._timeout = timeout
        # http.client makes a default context (CA certificates loaded) per connection; one is
        # enough for every connection of the pool.
        self._context = context
        self._default_context: ssl.SSLContext | None = None
        self._idle: dict[tuple[str, str, int], list[Connection]] = {}
        self._lock = threading.Lock()
        # (scheme, host) -> whether no proxy applies: read from the environment once, not per
        # request (Bolt makes a client per request; scanning os.environ costs ~0.2 ms).
        self.direct: dict[tuple[str, str], bool] = {}
        self._pid = current_pid()

    def connect(self, key: tuple[str, str, int]) -> Connection:
        """A new connection (not yet opened: it connects on its first request)."""
        scheme, host, port = key
        context = self._context
        if context is None and scheme == "https":
            with self._lock:
                if self._default_context is None:
                    self._default_context = ssl.create_default_context()
                context = self._default_context
        return Connection(scheme, host, port, timeout=self._timeout, context=context)

    def acquire(self, key: tuple[str, str, int]) -> tuple[Connection, bool]:
        """(connection, reused): an idle live one if there is one, else a new one.

        An idle connection is taken under the lock and checked outside it: the check is a
        system call, after which the thread must win the GIL back, and other threads would
        wait for the lock all that while (under the end-to-end benchmark's load, a py-spy
        profile put taking the lock at a quarter of the pooled call's CPU).
        """
        while True:
            with self._lock:
                if self._pid != current_pid():
                    # Forked: the parent uses these sockets too. Closing drops only this
                    # process's descriptors (no shutdown is sent), so its connections stay up.
                    inherited, self._idle = self._idle, {}
                    self._pid = current_pid()
                    for connections in inherited.values():
                        for inherited_connection in connections:
                            inherited_connection.close()
                idle = self._idle.get(key)
                taken = idle.pop() if idle else None
            if taken is None:
                return self.connect(key), False
            if not _is_dropped(taken):
                return taken, True
            taken.close()

    def release(self, key: tuple[str, str, int], connection: Connection) -> None:
        """Keep a connection whose last response left it open for the next call."""
        with self._lock:
            if self._pid == current_pid():
                idle = self._idle.setdefault(key, [])
                if len(idle) < MAX_IDLE_PER_HOST:
                    idle.append(connection)
                    return
        connection.close()

    def close(self) -> None:
        """Close every idle connection."""
        with self._lock:
            idle, self._idle = self._idle, {}
        for connections in idle.values():
            for connection in connections:
                connection.close()

    def __del__(self) -> None:
        if hasattr(self, "_idle"):  # not if __init__ failed part way
            self.close()


def _headers(request: urllib.request.Request) -> dict[str, str]:
    """The request's headers as urllib would send them, minus its `Connection: close`."""
    headers = dict(request.unredirected_hdrs)
    headers.update({k: v for k, v in request.headers.items() if k not in headers})
    return {name.title(): value for name, value in headers.items()}


def _head(connection: Connection, request: urllib.request.Request, body: bytes | None) -> bytes:
    """The request line and headers, in http.client's order and with its checks."""
    path = request.selector
    if not path.isascii() or _ILLEGAL_PATH.search(path):
        raise http.client.InvalidURL(f"URL can't contain control or non-ASCII characters {path!r}")
    headers = _headers(request)
    method = request.get_method()
    lines = [f"{method} {path} HTTP/1.1", f"Host: {connection.host_header}"]
    lines.append("Accept-Encoding: identity")
    if "Content-Length" not in headers and (body is not None or method in _SENDS_BODY):
        lines.append(f"Content-Length: {len(body or b'')}")
    for name, value in headers.items():
        encoded_name, encoded_value = name.encode("latin-1"), str(value).encode("latin-1")
        if not _LEGAL_NAME.fullmatch(encoded_name):
            raise ValueError(f"Invalid header name {encoded_name!r}")
        if _ILLEGAL_VALUE.search(encoded_value):
            raise ValueError(f"Invalid header value {encoded_value!r}")
        lines.append(f"{name}: {value}")
    lines.append("\r\n")
    return "\r\n".join(lines).encode("latin-1")


class _Response:
    """A response's status, headers (in order, as sent) and whether the server closes after it."""

    def __init__(self, status: int, reason: str, version: str, raw: list[bytes]) -> None:
        self.status = status
        self.reason = reason
        self.raw = raw
        self.fields: list[tuple[str, str]] = []
        for line in raw:
            if line[:1] in (b" ", b"\t") and self.fields:  # a folded continuation line
                name, value = self.fields[-1]
                self.fields[-1] = (name, f"{value} {line.decode('latin-1').strip()}")
                continue
            name, _, value = line.decode("latin-1").partition(":")
            self.fields.append((name.strip(), value.strip()))
        # Each header's first value by lower-case name, read once: `get` is asked for a few
        # names per answer and `as_dict` for every name (a scan of the fields each was O(n²)).
        self._first: dict[str, str] = {}
        for name, value in self.fields:
            self._first.setdefault(name.lower(), value)
        connection = (self.get("connection") or "").lower()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.will_close = "keep-alive" not in connection
        else:
            self.will_close = "close" in connection

    def get(self, name: str) -> str | None:
        """The first value of a header, by case-insensitive name."""
        return self._first.get(name.lower())

    def as_dict(self) -> dict[str, str]:
        """Name -> first value, as `dict()` of http.client's header message gives."""
        found: dict[str, str] = {}
        for name, _ in self.fields:
            if name not in found:
                found[name] = self._first[name.lower()]
        return found

    def message(self) -> http.client.HTTPMessage:
        """The headers as http.client parses them (for HTTPError, as urllib raises it)."""
        return http.client.parse_headers(io.BytesIO(b"".join(self.raw) + b"\r\n"))

    def media_type(self) -> tuple[str, str | None]:
        """(content type in lower case, its charset or None), as email's parser reads them."""
        value = self.get("content-type") or "text/plain"
        kind, *params = value.split(";")
        charset = None
        for param in params:
            key, _, given = param.partition("=")
            if key.strip().lower() == "charset":
                charset = given.strip().strip('"').lower() or None
        kind = kind.strip().lower()
        return (kind if kind.count("/") == 1 else "text/plain"), charset


# chat_postMessage's arguments in the order slack_sdk puts them into the JSON body.
_POST_ORDER = (
    "channel",
    "text",
    "as_user",
    "attachments",
    "blocks",
    "thread_ts",
    "reply_broadcast",
    "unfurl_links",
    "unfurl_media",
    "container_id",
    "icon_emoji",
    "icon_url",
    "mrkdwn",
    "link_names",
    "username",
    "parse",
    "metadata",
    "markdown_text",
)
_POST_FIELDS = frozenset(_POST_ORDER)


@lru_cache(maxsize=256)
def _api_url(base_url: str, api_method: str) -> str:
    """slack_sdk's URL of a Web API method (`_get_url`, a `urljoin`), once per method."""
    return _get_url(base_url, api_method)


@lru_cache(maxsize=256)
def _may_be_deprecated(api_method: str) -> bool:
    """Whether slack_sdk's deprecation check can warn about this method: it warns only for
    methods under one of its `deprecated_method_prefixes_*` lists, whatever the environment."""
    prefixes = [
        prefix
        for name, value in vars(deprecation).items()
        if name.startswith("deprecated_method_prefixes") and isinstance(value, list | tuple)
        for prefix in value
    ]
    return not api_method or any(api_method.startswith(prefix) for prefix in prefixes)


class PooledWebClient(WebClient):
    """slack_sdk's WebClient, sending each call over a kept-alive pooled connection."""

    def __init__(self, *args: Any, pool: ConnectionPool | None = None, **kwargs: Any) -> None:
        """`pool`: share another client's connections (see `for_request`)."""
        super().__init__(*args, **kwargs)
        self.pool = pool or ConnectionPool(timeout=self.timeout, context=self.ssl)

    def for_request(self, token: str | None, team_id: str | None) -> PooledWebClient:
        """A client with this one's settings and connections, for one request's context.

        A copy of this client with its own token, team, headers and retry handlers, as Bolt's
        per-request `WebClient(...)` has, without running slack_sdk's constructor twice a request
        (Bolt's client, then this one): it rebuilds the User-Agent and scans the environment for
        proxies each time (~12 us of a mention's CPU; a copy takes under 1 us). The copy keeps
        this client's User-Agent (slack_sdk's constructor would write its default one over the
        "peerbot/x" prefix in the headers it is handed).
        """
        client = copy.copy(self)
        client.token = None if token is None else token.strip()
        client.headers = dict(self.headers)
        client.default_params = {} if team_id is None else {"team_id": team_id}
        client.retry_handlers = list(self.retry_handlers)
        return client

    def close(self) -> None:
        """Close the idle connections (calls made afterwards open new ones)."""
        self.pool.close()

    def api_call(
        self,
        api_method: str,
        *,
        http_verb: str = "POST",
        files: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        auth: dict[str, Any] | None = None,
    ) -> SlackResponse:
        """slack_sdk's `api_call`, the same request arguments, with the method's URL joined once.

        slack_sdk joins the base URL and the method with `urljoin` and runs its deprecation
        check (an environment lookup and a scan of its prefix lists) on every call: together
        ~3% of a mention's CPU in one thread (benchmarks/README.md, the server section). The URL
        is a pure function of the two strings, and the check can only warn for a method under
        a deprecated prefix, so it runs for those alone, as before.
        """
        api_url = _api_url(self.base_url, api_method)
        headers = headers or {}
        headers.update(self.headers)
        req_args = _build_req_args(
            token=self.token,
            http_verb=http_verb,
            files=files,  # type: ignore[arg-type]
            data=data,  # type: ignore[arg-type]
            default_params=self.default_params,
            params=params,  # type: ignore[arg-type]
            json=json,  # type: ignore[arg-type]
            headers=headers,
            auth=auth,  # type: ignore[arg-type]
            ssl=self.ssl,
            proxy=self.proxy,
        )
        if _may_be_deprecated(api_method):
            deprecation.show_deprecation_warning_if_any(api_method)
        return self._sync_send(api_url=api_url, req_args=req_args)

    def chat_postMessage(self, **kwargs: Any) -> SlackResponse:
        """slack_sdk's chat.postMessage, without its scan of each block for a Block object.

        Every reply is posted with it. slack_sdk's `chat_postMessage` passes each block
        through six `isinstance` checks against its abstract model classes (slow ABC checks),
        then drops the None arguments and checks that there is a text: ~30 us a reply of
        peerbot's five to eight blocks. peerbot's blocks are plain dicts already, so when every
        block is a dict, there is a text and only `chat_postMessage`'s own arguments are given,
        the same JSON (the same keys in the same order, None dropped) goes to `api_call`
        directly; anything else takes slack_sdk's way.
        """
        blocks = kwargs.get("blocks")
        text = kwargs.get("text")
        if (
            _POST_FIELDS.issuperset(kwargs)
            and kwargs.get("attachments") is None
            and isinstance(blocks, list)
            and all(type(block) is dict for block in blocks)
            and isinstance(text, str)
            and text.strip()
            and type(kwargs.get("metadata")) in (dict, type(None))
        ):
            body = {name: kwargs[name] for name in _POST_ORDER if kwargs.get(name) is not None}
            return self.api_call("chat.postMessage", json=body)
        return super().chat_postMessage(**kwargs)

    def _pooled(self, scheme: str, host: str) -> bool:
        """Whether a call to this host may bypass urllib: no proxy applies to it."""
        if self.proxy is not None:
            return False
        key = (scheme, host)
        direct = self.pool.direct.get(key)
        if direct is None:
            proxies = urllib.request.getproxies()
            direct = scheme not in proxies or bool(urllib.request.proxy_bypass(host))
            self.pool.direct[key] = direct
        return direct

    def _perform_urllib_http_request_internal(
        self, url: str, req: urllib.request.Request
    ) -> dict[str, Any]:
        parts = _split(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            return super()._perform_urllib_http_request_internal(url, req)
        if not self._pooled(scheme, parts.hostname):
            return super()._perform_urllib_http_request_internal(url, req)
        port = parts.port or (443 if scheme == "https" else 80)
        key = (scheme, parts.hostname, port)
        connection, reused = self.pool.acquire(key)
        try:
            response, body = _exchange(connection, req)
        except (_SendFailed, *_STALE) as error:
            cause = error.cause if isinstance(error, _SendFailed) else error
            if not (reused and isinstance(cause, _STALE)):
                if isinstance(error, _SendFailed):
                    raise URLError(cause) from cause
                raise
            # The server closed the idle connection as we sent: nothing was answered, so the
            # request goes out once more, on a new connection.
            connection = self.pool.connect(key)
            try:
                response, body = _exchange(connection, req)
            except _SendFailed as again:
                raise URLError(again.cause) from again.cause
        if response.will_close:
            connection.close()
        else:
            self.pool.release(key, connection)
        if not 200 <= response.status < 300:
            # As urllib for a POST, except that a 301-303 is not followed as a GET without
            # its body (Slack's Web API does not redirect): every non-2xx answer is an error.
            headers = response.message()
            raise HTTPError(url, response.status, response.reason, headers, io.BytesIO(body))
        kind, charset = response.media_type()
        if kind == "application/gzip":
            return {"status": response.status, "headers": response.as_dict(), "body": body}
        decoded = body.decode(charset or "utf-8")
        return {"status": response.status, "headers": response.as_dict(), "body": decoded}


@lru_cache(maxsize=64)
def _split(url: str) -> SplitResult:
    """A URL's parts (a client calls a handful of URLs, again and again)."""
    return urlsplit(url)


class _SendFailed(Exception):
    """Connecting or sending failed (urllib reports these as URLError)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _exchange(connection: Connection, req: urllib.request.Request) -> tuple[_Response, bytes]:
    """Send one request and read its whole answer; the connection is closed on any failure."""
    data = req.data
    if data is not None and not isinstance(data, bytes):
        raise TypeError("a pooled call sends its body as bytes")  # slack_sdk always does
    head = _head(connection, req, data)
    try:
        try:
            sock, reader = connection.open()
            sock.sendall(head + data if data else head)
        except OSError as error:
            raise _SendFailed(error) from error
        answer = _read_head(reader)
        body = _read_body(reader, answer)
    except BaseException:
        connection.close()
        raise
    return answer, body


def _line(reader: BinaryIO) -> bytes:
    """One line, refused past http.client's length limit (a server sending junk)."""
    line = reader.readline(_MAX_LINE + 1)
    if len(line) > _MAX_LINE:
        raise http.client.LineTooLong("header line")
    return line


def _read_head(reader: BinaryIO) -> _Response:
    """The status line and headers of the first final (non-1xx) answer."""
    while True:
        line = _line(reader)
        if not line:
            raise http.client.RemoteDisconnected("Remote end closed connection without response")
        version, _, rest = line.decode("iso-8859-1").rstrip("\r\n").partition(" ")
        code, _, reason = rest.partition(" ")
        if not version.startswith("HTTP/") or len(code) != 3 or not code.isdigit():
            raise http.client.BadStatusLine(line.decode("iso-8859-1"))
        if not version.startswith("HTTP/1.") and version != "HTTP/0.9":
            raise http.client.UnknownProtocol(version)
        raw: list[bytes] = []
        while True:
            header = _line(reader)
            if header in (b"\r\n", b"\n", b""):
                break
            raw.append(header)
            if len(raw) > _MAX_HEADERS:
                raise http.client.HTTPException(f"got more than {_MAX_HEADERS} headers")
        status = int(code)
        if not 100 <= status < 200:
            return _Response(status, reason.strip(), version, raw)


def _read_body(reader: BinaryIO, answer: _Response) -> bytes:
    """The whole body: chunked, Content-Length long, or up to the connection's end."""
    if answer.status in (204, 304):
        return b""
    if (answer.get("transfer-encoding") or "").lower() == "chunked":
        return _read_chunked(reader)
    length = answer.get("content-length")
    if length is not None and length.strip().isdigit():
        wanted = int(length)
        body = reader.read(wanted)
        if len(body) < wanted:
            raise http.client.IncompleteRead(body, wanted - len(body))
        return body
    answer.will_close = True  # no length: the body ends when the server closes
    return reader.read()


def _read_chunked(reader: BinaryIO) -> bytes:
    parts: list[bytes] = []
    while True:
        size_line = _line(reader).split(b";", 1)[0].strip()
        try:
            size = int(size_line, 16)
        except ValueError:
            raise http.client.IncompleteRead(b"".join(parts)) from None
        if size == 0:
            while _line(reader) not in (b"\r\n", b"\n", b""):
                pass  # trailers
            return b"".join(parts)
        chunk = reader.read(size)
        if len(chunk) < size:
            raise http.client.IncompleteRead(b"".join(parts) + chunk, size - len(chunk))
        parts.append(chunk)
        _line(reader)  # the CRLF after the chunk


class PooledApp(App):
    """Bolt's App whose per-request Web API clients share the app client's connections.

    Bolt (since 1.15) gives every request's context, hence every listener's `client`, a new
    `WebClient` built from the app client's settings, so a pooled app client alone would only
    ever carry auth.test. With a `PooledWebClient` as the app client, the context gets
    `for_request`'s copy instead (same token, team and settings, the app client's pool), and
    the rest of what Bolt's `_init_context` puts there (logger, token, listener runner) as Bolt
    does; `tests/slack/test_slack_http.py` compares the two contexts. Any other client is left
    to Bolt.
    """

    def _init_context(self, req: BoltRequest) -> None:
        shared = self.client
        if not isinstance(shared, PooledWebClient):
            super()._init_context(req)
            return
        context = req.context
        context["logger"] = get_bolt_app_logger(app_name=self.name, base_logger=self._base_logger)
        context["token"] = self._token
        context["client"] = shared.for_request(self._token, context.team_id)
        context["listener_runner"] = self.listener_runner
