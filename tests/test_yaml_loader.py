"""peerbot's YAML loader reads every value as PyYAML's safe loader does.

`bot.yamlfile` keeps line numbers (a broken snippet is reported as `file:line`) and says at once
that a quoted scalar, or a plain one no implicit resolver starts with, is a string: the
values it gives must still be exactly `yaml.safe_load`'s, numbers, booleans, nulls and dates
included, on the shipped knowledge base and on scalars chosen to look like each kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.yamlfile import read_yaml

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

LOOKALIKES = """\
plain: peer support works
starts_like_yes: yesterday's peers
yes_word: yes
no_word: No
on_word: on
off_word: off
true_word: true
null_word: null
tilde: ~
empty:
integer: 42
negative: -7
plus: +3
float: .5
exponent: 1e3
octal: 0o17
hex: 0x1F
date: 2017-05-04
timestamp: 2017-05-04 10:00:00
quoted_number: "42"
quoted_null: 'null'
infinity: .inf
not_a_number: .nan
starts_with_digit: 41 states certify peers
dash_text: -peer led
list: [1, two, "3", no, 2020-01-01]
block: |
  verbatim text
  over lines
folded: >
  folded text
"""


def _same_as_safe_load(path: Path) -> None:
    data, problems = read_yaml(path, path.name)
    assert problems == []
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    # (A LineMap is a dict: it compares, and shows in its repr, as the dict it holds.)
    assert data == expected
    assert repr(data) == repr(expected)  # 1 and 1.0 and True compare equal


@pytest.mark.parametrize("path", sorted(KNOWLEDGE.rglob("*.yaml")), ids=lambda path: path.name)
def test_the_knowledge_base_reads_as_safe_load_reads_it(path: Path) -> None:
    _same_as_safe_load(path)


def test_scalars_that_look_like_numbers_dates_or_booleans_read_as_safe_load_reads_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lookalikes.yaml"
    path.write_text(LOOKALIKES, encoding="utf-8")
    _same_as_safe_load(path)
    data, _ = read_yaml(path, path.name)
    assert data["yes_word"] is True and data["integer"] == 42 and data["quoted_number"] == "42"
    assert data["starts_like_yes"] == "yesterday's peers" and data["empty"] is None
