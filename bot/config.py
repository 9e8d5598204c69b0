"""Settings, read once from the environment (and `.env`), validated all at once.

Nothing else in peerbot reads `os.environ`: every module receives a `Settings`. A missing or bad
setting is reported together with every other one, so an operator fixes them in a single pass.
Every variable here is documented in `.env.example`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bot.lazy_re import lazy
from bot.records import Record, frozen_record

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_CRISIS_NOTICE = (
    "If you or someone you support may be in crisis, call or text 988 (the US Suicide & Crisis "
    "Lifeline) or your local emergency number. peerbot only quotes documents and cannot help "
    "in an emergency."
)


class ConfigError(Exception):
    """One or more settings are missing or invalid; the message names every one."""


@frozen_record
class Settings(Record):
    """Everything peerbot can be configured with."""

    knowledge_dir: Path
    seeds_dir: Path
    data_dir: Path
    results: int = 3
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    port: int = 3000
    health_port: int | None = None
    slack_timeout: int = 10
    workers: int = 2
    threads: int = 8
    ask_command: str = "/peer-ask"
    role_command: str = "/peer-role"
    help_command: str = "/peer-help"
    log_level: str = "INFO"
    log_message_text: bool = False
    store_question_text: bool = False
    crisis_notice: str = DEFAULT_CRISIS_NOTICE
    index_cache: bool = True
    # PEERBOT_DATABASE_URL; None: the SQLite file under data_dir (bot.store.database_url).
    database: str | None = None
    work_lease_seconds: int = 30
    shutdown_grace_seconds: int = 20
    # Answer replies in peerbot's own threads without a mention (needs message.channels/groups).
    follow_ups: bool = True
    # Where "Ask a person" posts (a channel id); no button at all when unset.
    escalation_channel: str | None = None
    # A user group id (S...) tagged in that post, e.g. the training coordinators.
    escalation_mention: str | None = None

    @property
    def socket_mode(self) -> bool:
        """Socket Mode when an app-level token is set; HTTP mode otherwise."""
        return bool(self.slack_app_token)


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _flag(environ: Mapping[str, str], name: str, errors: list[str], default: bool = False) -> bool:
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value not in _FALSE:
        errors.append(f"{name} must be true or false, not {value!r}")
        return default
    return False


def _integer(
    environ: Mapping[str, str], name: str, default: int, low: int, high: int, errors: list[str]
) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        errors.append(f"{name} must be a whole number, not {raw!r}")
        return default
    if not low <= value <= high:
        errors.append(f"{name} must be between {low} and {high}, not {value}")
        return default
    return value


def _text(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "").strip()
    return value or None


_SLACK_ID = lazy(r"^[A-Z0-9]{2,30}$")


def _slack_id(
    environ: Mapping[str, str], name: str, prefixes: str, errors: list[str]
) -> str | None:
    """A Slack id (channel C.../G..., user group S...): ids, not names, cannot be misread."""
    value = _text(environ, name)
    if value is None:
        return None
    if not _SLACK_ID.match(value) or value[0] not in prefixes:
        kinds = " or ".join(f"{p}..." for p in prefixes)
        errors.append(f"{name} must be a Slack id starting with {kinds}, not {value!r}")
        return None
    return value


def _command(environ: Mapping[str, str], name: str, default: str, errors: list[str]) -> str:
    value = _text(environ, name) or default
    if not value.startswith("/") or len(value) > 32 or any(ch.isspace() for ch in value):
        errors.append(f"{name} must look like /peer-ask (a slash, no spaces), not {value!r}")
        return default
    return value


def _database_url(environ: Mapping[str, str], errors: list[str]) -> str | None:
    value = _text(environ, "PEERBOT_DATABASE_URL")
    if value and not value.startswith(("sqlite://", "postgresql://", "postgres://")):
        # Never echo the value: it may hold a password.
        errors.append(
            "PEERBOT_DATABASE_URL must start with sqlite://, postgresql:// or postgres://"
        )
        return None
    return value


def load_settings(environ: Mapping[str, str] | None = None, *, for_slack: bool = False) -> Settings:
    """Build Settings from `environ` (default: the process environment plus `.env`).

    With `for_slack`, the Slack credentials that `peerbot serve` needs are required too.
    """
    if environ is None:
        environ = environment()
    errors: list[str] = []
    knowledge_dir = Path(_text(environ, "PEERBOT_KNOWLEDGE_DIR") or PROJECT_ROOT / "knowledge")
    seeds_dir = Path(_text(environ, "PEERBOT_SEEDS_DIR") or PROJECT_ROOT / "seeds")
    data_dir = Path(_text(environ, "PEERBOT_DATA_DIR") or PROJECT_ROOT / ".peerbot")
    log_level = (_text(environ, "LOG_LEVEL") or "INFO").upper()
    if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        errors.append(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {log_level!r}")
        log_level = "INFO"
    settings = Settings(
        knowledge_dir=knowledge_dir,
        seeds_dir=seeds_dir,
        data_dir=data_dir,
        results=_integer(environ, "PEERBOT_RESULTS", 3, 1, 10, errors),
        slack_bot_token=_text(environ, "SLACK_BOT_TOKEN"),
        slack_signing_secret=_text(environ, "SLACK_SIGNING_SECRET"),
        slack_app_token=_text(environ, "SLACK_APP_TOKEN"),
        slack_api_url=_text(environ, "SLACK_API_URL"),
        port=_integer(environ, "PORT", 3000, 1, 65535, errors),
        slack_timeout=_integer(environ, "PEERBOT_SLACK_TIMEOUT", 10, 1, 120, errors),
        health_port=_integer(environ, "PEERBOT_HEALTH_PORT", 0, 0, 65535, errors) or None,
        workers=_integer(environ, "PEERBOT_WORKERS", 2, 1, 64, errors),
        threads=_integer(environ, "PEERBOT_THREADS", 8, 1, 256, errors),
        ask_command=_command(environ, "PEERBOT_ASK_COMMAND", "/peer-ask", errors),
        role_command=_command(environ, "PEERBOT_ROLE_COMMAND", "/peer-role", errors),
        help_command=_command(environ, "PEERBOT_HELP_COMMAND", "/peer-help", errors),
        log_level=log_level,
        log_message_text=_flag(environ, "PEERBOT_LOG_MESSAGE_TEXT", errors),
        store_question_text=_flag(environ, "PEERBOT_STORE_QUESTION_TEXT", errors),
        crisis_notice=_text(environ, "PEERBOT_CRISIS_NOTICE") or DEFAULT_CRISIS_NOTICE,
        index_cache=_flag(environ, "PEERBOT_INDEX_CACHE", errors, default=True),
        database=_database_url(environ, errors),
        work_lease_seconds=_integer(environ, "PEERBOT_WORK_LEASE_SECONDS", 30, 1, 3600, errors),
        shutdown_grace_seconds=_integer(
            environ, "PEERBOT_SHUTDOWN_GRACE_SECONDS", 20, 0, 3600, errors
        ),
        follow_ups=_flag(environ, "PEERBOT_FOLLOW_UPS", errors, default=True),
        escalation_channel=_slack_id(environ, "PEERBOT_ESCALATION_CHANNEL", "CG", errors),
        escalation_mention=_slack_id(environ, "PEERBOT_ESCALATION_MENTION", "S", errors),
    )
    if for_slack:
        missing = []
        if not settings.slack_bot_token:
            missing.append("SLACK_BOT_TOKEN")
        if not settings.socket_mode and not settings.slack_signing_secret:
            missing.append("SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)")
        if missing:
            errors.insert(0, "missing " + ", ".join(missing))
        if settings.slack_app_token and not settings.slack_app_token.startswith("xapp-"):
            errors.append("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
        if settings.slack_api_url and not settings.slack_api_url.startswith(
            ("http://", "https://")
        ):
            errors.append("SLACK_API_URL must start with http:// or https://")
    if errors:
        raise ConfigError("; ".join(errors))
    return settings


def environment(env_file: Path | None = None) -> dict[str, str]:
    """The process environment over the values in `.env` (the environment wins)."""
    path = env_file if env_file is not None else Path.cwd() / ".env"
    if not path.exists():
        return dict(os.environ)  # without importing python-dotenv: the offline CLI starts faster
    from dotenv import dotenv_values

    merged = {key: value for key, value in dotenv_values(path).items() if value is not None}
    merged.update(os.environ)
    return merged
