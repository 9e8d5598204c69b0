"""A loopback fake of the Slack Web API for the benchmarks, and a `peerbot serve` runner.

The fake answers what the app calls (auth.test at start-up, chat.postMessage, views.publish,
slash-command response_urls) and records when each post arrived (`time.monotonic_ns`, the
same clock as the senders'), so a benchmark can wait for the reply to one request and time it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs

from harness import REPO

BOT_TOKEN = "xoxb-benchmark-token"
SIGNING_SECRET = "benchmark-signing-secret"
BOT_USER_ID = "UBENCHBOT"
TEAM_ID = "T0BENCH"


@dataclass(frozen=True)
class Post:
    """One message the app sent: where, in which thread, and when it arrived."""

    method: str
    channel: str
    thread_ts: str
    key: str
    arrived_ns: int


class _Server(ThreadingHTTPServer):
    # The app opens a connection per Web API call; with the default backlog of 5, bursts from
    # its worker threads would see dropped SYNs and 1-second retransmits, timing the fake.
    request_queue_size = 256
    tls: ssl.SSLContext | None = None

    def get_request(self) -> tuple[socket.socket, Any]:
        connection, address = super().get_request()
        if self.tls is not None:
            # The handshake happens on the first read, in the connection's own thread.
            connection = self.tls.wrap_socket(
                connection, server_side=True, do_handshake_on_connect=False
            )
        return connection, address


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """(certificate, key) for 127.0.0.1, made with the openssl command; the certificate is also
    the CA a client must trust (SSL_CERT_FILE)."""
    certificate, key = directory / "fake-slack.pem", directory / "fake-slack.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


class FakeSlack:
    """Slack's Web API and response_urls on 127.0.0.1, recording every post.

    With `tls_dir`, it answers over HTTPS with a self-signed certificate written there
    (`certificate`), as Slack answers over TLS: a client that opens a connection per call then
    pays a TLS handshake per call, as it would in production.
    """

    def __init__(self, tls_dir: Path | None = None) -> None:
        self.posts: dict[str, Post] = {}
        self._condition = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; on a kept-alive connection Nagle's
            # algorithm would hold the body until the client's delayed ACK (~40 ms).
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                arrived = time.monotonic_ns()
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                answer = fake._handle(self.path, raw, self.headers.get("Content-Type") or "")
                fake._record(self.path, raw, self.headers.get("Content-Type") or "", arrived)
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.certificate: Path | None = None
        if tls_dir is not None:
            self.certificate, key = self_signed_certificate(tls_dir)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(self.certificate, key)
            self._server.tls = context
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        scheme = "https" if self.certificate is not None else "http"
        return f"{scheme}://{host!s}:{port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handle(self, path: str, raw: str, content_type: str) -> dict[str, Any]:
        if path.endswith("/auth.test"):
            return {
                "ok": True,
                "url": "https://bench.slack.com/",
                "team": "Bench",
                "user": "peerbot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": "BBENCHBOT",
                "is_enterprise_install": False,
            }
        if path.endswith("/chat.postMessage"):
            body = _decode(raw, content_type)
            return {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}
        return {"ok": True}

    def _record(self, path: str, raw: str, content_type: str, arrived: int) -> None:
        if path.startswith("/respond/"):
            key = path.removeprefix("/respond/")
            post = Post("respond", "", "", key, arrived)
        elif path.endswith("/chat.postMessage"):
            body = _decode(raw, content_type)
            thread_ts = str(body.get("thread_ts") or "")
            post = Post("chat.postMessage", str(body.get("channel")), thread_ts, thread_ts, arrived)
        else:
            return
        with self._condition:
            self.posts[post.key] = post
            self._condition.notify_all()

    def wait(self, key: str, timeout: float = 10.0) -> Post:
        """The post recorded under `key` (a thread ts or a response_url name), once it arrives."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while key not in self.posts:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"no post for {key!r} within {timeout} s")
                self._condition.wait(remaining)
            return self.posts[key]


def _decode(raw: str, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        decoded: dict[str, Any] = json.loads(raw or "{}")
        return decoded
    return {key: values[0] for key, values in parse_qs(raw).items()}


def mention_body(number: int, question: str, channel: str, user: str) -> tuple[str, bytes]:
    """(ts, JSON body) of the Events API envelope for the `number`-th app_mention."""
    ts = f"{1_700_000_000 + number // 1_000_000}.{number % 1_000_000:06d}"
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {question}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM_ID,
    }
    envelope = {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": "A0BENCH",
        "event": event,
        "type": "event_callback",
        "event_id": f"Ev{number:010d}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "enterprise_id": None,
                "is_enterprise_install": False,
            }
        ],
    }
    return ts, json.dumps(envelope).encode()


def decode(raw: str, content_type: str) -> dict[str, Any]:
    """A Web API request body, JSON or form-encoded."""
    return _decode(raw, content_type)


def signed_headers(body: bytes, content_type: str) -> dict[str, str]:
    """Slack's v0 request signature for `body`."""
    stamp = str(int(time.time()))
    base = b"v0:" + stamp.encode() + b":" + body
    digest = hmac.new(SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest}",
    }


def serve_environ(fake: FakeSlack, extra: Mapping[str, str]) -> dict[str, str]:
    """`peerbot serve`'s environment: the fake Slack, no proxies, plus `extra` settings."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "PEERBOT_")) and "proxy" not in key.lower()
    }
    if fake.certificate is not None:
        environ["SSL_CERT_FILE"] = str(fake.certificate)  # trust the fake's certificate
    environ.update(
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": f"{fake.url}/api/",
            "LOG_LEVEL": "WARNING",
            "NO_PROXY": "127.0.0.1,localhost",
            **extra,
        }
    )
    return environ


def peerbot_command() -> list[str]:
    """The installed `peerbot` script next to this interpreter (what an operator runs)."""
    script = Path(sys.executable).with_name("peerbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def bare_bolt_command(pooled: bool = False) -> list[str]:
    """`bare_bolt.py`: the floor app, in the same harness (`--bind` is added by `serving`)."""
    script = Path(__file__).resolve().with_name("bare_bolt.py")
    return [sys.executable, str(script), *(["--pooled"] if pooled else [])]


def search_free_command() -> list[str]:
    """`search_free.py`: peerbot serve with each distinct question searched once (`serving`
    adds `--bind`)."""
    script = Path(__file__).resolve().with_name("search_free.py")
    return [sys.executable, str(script), "serve"]


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Poll GET `url` until it answers 200; fail if the process dies first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.005)
    raise TimeoutError(f"{url} not ready within {timeout} s")


@contextmanager
def serving(
    fake: FakeSlack,
    port: int,
    extra: Mapping[str, str],
    command: Sequence[str] | None = None,
    cwd: Path | None = None,
) -> Iterator[tuple[subprocess.Popen[bytes], float]]:
    """Start `peerbot serve` (or `command`, given --bind) on 127.0.0.1:`port`, in `cwd` (default:
    this checkout); yield (process, seconds until ready)."""
    started = time.monotonic()
    process = subprocess.Popen(
        [*(command or [*peerbot_command(), "serve"]), "--bind", f"127.0.0.1:{port}"],
        env=serve_environ(fake, extra),
        cwd=cwd or REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        try:
            wait_ready(f"http://127.0.0.1:{port}/healthz", process)
        except (RuntimeError, TimeoutError) as error:
            process.kill()
            _, stderr = process.communicate(timeout=10)
            raise RuntimeError(f"{error}\n{stderr.decode(errors='replace')[-3000:]}") from error
        yield process, time.monotonic() - started
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def children(pid: int) -> list[int]:
    """Direct child processes of `pid` (gunicorn's workers)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(part) for part in text.split()]


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
