"""A Web API client that keeps its HTTPS connections open between calls.

slack_sdk's `WebClient` sends every call through `urllib.request.urlopen`, which asks for
`Connection: close`: each chat.postMessage pays a new TCP connection and a new TLS handshake,
more CPU than finding and rendering the answer (benchmarks/README.md, the TLS floor table).
slack_sdk offers no pluggable transport for its synchronous client, so `PooledWebClient`
overrides the one method that performs the request (`_perform_urllib_http_request_internal`)
and sends it over a kept-alive `http.client` connection instead. Everything around it is
slack_sdk's own: the request it built (URL, headers, body), the retry handlers, the response
parsing. Errors are raised as urllib raises them (`HTTPError` for a non-2xx answer, `URLError`
when connecting or sending fails), so those handlers and our listeners see no difference.

Connections are pooled per scheme, host and port, shared by the listener threads (one
connection is used by one request at a time), and never shared across a fork: gunicorn's
workers are forked from a master that called auth.test, and a socket used by two processes
would interleave their requests. A pooled connection the server has closed while idle is
noticed before reuse; if a reused connection still fails before any answer arrived, the request
is sent once more on a new connection, as HTTP clients do for that race. Calls that go through
a proxy (from the environment or `proxy=`) are left to urllib, unchanged.
"""

from __future__ import annotations

import http.client
import io
import os
import select
import ssl
import threading
import urllib.request
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient

# Idle connections kept per host; more concurrent calls than this open extra connections that
# are closed after use rather than kept.
MAX_IDLE_PER_HOST = 16
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def _is_dropped(connection: http.client.HTTPConnection) -> bool:
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
        self._context = context
        self._idle: dict[tuple[str, str, int], list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()
        # (scheme, host) -> whether no proxy applies: read from the environment once, not per
        # request (Bolt makes a client per request; scanning os.environ costs ~0.2 ms).
        self.direct: dict[tuple[str, str], bool] = {}
        self._pid = os.getpid()

    def connect(self, key: tuple[str, str, int]) -> http.client.HTTPConnection:
        """A new connection (not yet opened: it connects on its first request)."""
        scheme, host, port = key
        if scheme == "https":
            return http.client.HTTPSConnection(
                host, port, timeout=self._timeout, context=self._context
            )
        return http.client.HTTPConnection(host, port, timeout=self._timeout)

    def acquire(self, key: tuple[str, str, int]) -> tuple[http.client.HTTPConnection, bool]:
        """(connection, reused): an idle live one if there is one, else a new one."""
        with self._lock:
            if self._pid != os.getpid():
                # Forked: the parent uses these sockets too. Closing drops only this process's
                # descriptors (no shutdown is sent), so the parent's connections stay up.
                inherited, self._idle = self._idle, {}
                self._pid = os.getpid()
                for connections in inherited.values():
                    for connection in connections:
                        connection.close()
            idle = self._idle.get(key, [])
            while idle:
                connection = idle.pop()
                if not _is_dropped(connection):
                    return connection, True
                connection.close()
        return self.connect(key), False

    def release(self, key: tuple[str, str, int], connection: http.client.HTTPConnection) -> None:
        """Keep a connection whose last response left it open for the next call."""
        with self._lock:
            if self._pid == os.getpid():
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


class PooledWebClient(WebClient):
    """slack_sdk's WebClient, sending each call over a kept-alive pooled connection."""

    def __init__(self, *args: Any, pool: ConnectionPool | None = None, **kwargs: Any) -> None:
        """`pool`: share another client's connections (see `for_request`)."""
        super().__init__(*args, **kwargs)
        self.pool = pool or ConnectionPool(timeout=self.timeout, context=self.ssl)

    def for_request(self, token: str | None, team_id: str | None) -> PooledWebClient:
        """A client with this one's settings and connections, for one request's context.

        slack_sdk's constructor writes its default User-Agent into the headers dict it is given:
        handing it this client's own dict (as Bolt does) would drop the "peerbot/x" prefix from
        both clients, so the new one gets a copy and keeps this one's User-Agent.
        """
        client = PooledWebClient(
            token=token,
            base_url=self.base_url,
            timeout=self.timeout,
            ssl=self.ssl,
            proxy=self.proxy,
            headers=dict(self.headers),
            team_id=team_id,
            logger=self.logger,
            retry_handlers=self.retry_handlers.copy() if self.retry_handlers else None,
            pool=self.pool,
        )
        if "User-Agent" in self.headers:
            client.headers["User-Agent"] = self.headers["User-Agent"]
        return client

    def close(self) -> None:
        """Close the idle connections (calls made afterwards open new ones)."""
        self.pool.close()

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
        parts = urlsplit(url)
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
            raise HTTPError(url, response.status, response.reason, response.msg, io.BytesIO(body))
        if response.msg.get_content_type() == "application/gzip":
            return {"status": response.status, "headers": response.msg, "body": body}
        charset = response.msg.get_content_charset() or "utf-8"
        return {"status": response.status, "headers": response.msg, "body": body.decode(charset)}


class _SendFailed(Exception):
    """Connecting or sending failed (urllib reports these as URLError)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _exchange(
    connection: http.client.HTTPConnection, req: urllib.request.Request
) -> tuple[http.client.HTTPResponse, bytes]:
    """Send one request and read its whole answer; the connection is closed on any failure."""
    try:
        try:
            connection.request(req.get_method(), req.selector, req.data, _headers(req))
        except OSError as error:
            raise _SendFailed(error) from error
        response = connection.getresponse()
        body = response.read()
    except BaseException:
        connection.close()
        raise
    return response, body


class PooledApp(App):
    """Bolt's App whose per-request Web API clients share the app client's connections.

    Bolt (since 1.15) gives every request's context, hence every listener's `client`, a new
    `WebClient` built from the app client's settings, so a pooled app client alone would only
    ever carry auth.test. This swaps that per-request client for a `PooledWebClient` with the
    same token, team and settings that draws on the app client's pool. Any other client is left
    as Bolt made it.
    """

    def _init_context(self, req: BoltRequest) -> None:
        super()._init_context(req)
        shared = self.client
        if isinstance(shared, PooledWebClient):
            token = req.context.client.token
            req.context["client"] = shared.for_request(token, req.context.team_id)
