"""Settings: read once, defaults documented, every problem named in one error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, ConfigError, environment, load_settings


def test_defaults_need_no_slack_tokens() -> None:
    settings = load_settings({})
    assert settings.knowledge_dir == PROJECT_ROOT / "knowledge"
    assert settings.results == 3
    assert settings.port == 3000
    assert settings.log_message_text is False
    assert settings.store_question_text is False
    assert settings.socket_mode is False


def test_slack_mode_names_every_missing_variable() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({}, for_slack=True)
    message = str(caught.value)
    assert "SLACK_BOT_TOKEN" in message
    assert "SLACK_SIGNING_SECRET" in message


def test_socket_mode_does_not_need_signing_secret() -> None:
    settings = load_settings(
        {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, for_slack=True
    )
    assert settings.socket_mode


def test_every_bad_value_is_reported_together() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(
            {"PORT": "eighty", "PEERBOT_RESULTS": "99", "PEERBOT_LOG_MESSAGE_TEXT": "maybe"}
        )
    message = str(caught.value)
    assert "PORT must be a whole number" in message
    assert "PEERBOT_RESULTS must be between 1 and 10" in message
    assert "PEERBOT_LOG_MESSAGE_TEXT must be true or false" in message


def test_environment_wins_over_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("PEERBOT_RESULTS=5\nPORT=4000\n")
    monkeypatch.setenv("PORT", "5000")
    merged = environment(env_file)
    settings = load_settings(merged)
    assert settings.results == 5
    assert settings.port == 5000


def test_env_example_lists_exactly_the_variables_config_reads() -> None:
    source = (PROJECT_ROOT / "bot" / "config.py").read_text()
    example = (PROJECT_ROOT / ".env.example").read_text()
    read = set(re.findall(r'"((?:SLACK|PEERBOT)_[A-Z_]+|PORT|LOG_LEVEL)"', source))
    documented = set(re.findall(r"^([A-Z][A-Z_]+)=", example, flags=re.MULTILINE))
    assert read == documented


def test_the_store_defaults_to_sqlite_and_takes_a_postgres_url(tmp_path: Path) -> None:
    from bot.store import database_url

    default = load_settings({"PEERBOT_DATA_DIR": str(tmp_path)})
    assert database_url(default) == f"sqlite://{tmp_path / 'peerbot.sqlite3'}"
    assert (default.work_lease_seconds, default.shutdown_grace_seconds) == (30, 20)
    url = "postgresql://peerbot:pw@db:5432/peerbot"
    shared = load_settings({"PEERBOT_DATABASE_URL": url, "PEERBOT_SHUTDOWN_GRACE_SECONDS": "5"})
    assert database_url(shared) == url and shared.shutdown_grace_seconds == 5


def test_a_bad_database_url_is_named_without_echoing_it() -> None:
    with pytest.raises(ConfigError) as error:
        load_settings({"PEERBOT_DATABASE_URL": "mysql://root:s3cret@db/x"})
    assert "PEERBOT_DATABASE_URL must start with sqlite://" in str(error.value)
    assert "s3cret" not in str(error.value)
