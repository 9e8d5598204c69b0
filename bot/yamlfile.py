"""Read a YAML file so that every mapping remembers the line it came from.

`yaml.safe_load` forgets positions, but a curator fixing a broken snippet needs `file:line`, so
mappings are loaded as `LineMap` (a dict with `.line` and `.key_lines`). Problems in the file
itself (bad bytes, syntax, duplicate keys, emptiness) are reported, never raised.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.records import OrderedRecord, frozen_record

if TYPE_CHECKING:
    import yaml


@frozen_record
class Problem(OrderedRecord):
    """One thing wrong with the knowledge base, located for a human to fix."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class LineMap(dict[str, Any]):
    """A YAML mapping that also knows its own line and the line of each key (1-based)."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of `key` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


@cache
def _loader_class() -> type[yaml.SafeLoader]:
    """SafeLoader whose mappings are LineMaps; duplicate keys are collected, not overwritten.

    Built on first use, so commands that never parse YAML (`peerbot ask` served from the index
    cache) do not import PyYAML. It derives from the C parser (libyaml) when PyYAML was built
    with it: several times faster on large knowledge bases; both report the same line marks.
    """
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    string_tag = "tag:yaml.org,2002:str"
    # The first characters a plain scalar may be resolved by (a number, a bool, null, a date
    # ...); PyYAML's safe resolver has no wildcard and no path resolvers.
    resolved_by_first = frozenset(key for key in base.yaml_implicit_resolvers if key)
    plain_text_only = None not in base.yaml_implicit_resolvers and not base.yaml_path_resolvers

    class LineLoader(base):  # type: ignore[valid-type,misc]
        duplicate_keys: list[tuple[int, str]]

        def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
            # A quoted scalar, or a plain one whose first character no implicit resolver
            # starts with, is a string: said at once instead of by Resolver.resolve's lookups
            # (libyaml asks for every scalar; a knowledge base's are nearly all prose).
            if (
                plain_text_only
                and kind is yaml.ScalarNode
                and (not implicit[0] or (value and value[0] not in resolved_by_first))
            ):
                return string_tag
            return str(super().resolve(kind, value, implicit))

        def construct_string_or_object(self, node: yaml.Node, deep: bool) -> Any:
            # A string scalar constructs to its value (SafeConstructor.construct_yaml_str):
            # taken directly, it skips construct_object's bookkeeping, most of a large
            # knowledge base's construction time.
            if type(node) is yaml.ScalarNode and node.tag == string_tag:
                return node.value
            return self.construct_object(node, deep=deep)

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:
            mapping = LineMap()
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {}
            for key_node, value_node in node.value:
                key = self.construct_string_or_object(key_node, deep)
                key_text = str(key)
                line = key_node.start_mark.line + 1
                if key_text in mapping:
                    self.duplicate_keys.append((line, key_text))
                mapping[key_text] = self.construct_string_or_object(value_node, deep)
                mapping.key_lines[key_text] = line
            return mapping

    def construct_line_map(loader: LineLoader, node: yaml.MappingNode) -> LineMap:
        return loader.construct_mapping(node, deep=True)

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_line_map)
    return LineLoader


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Load `path`; return (data or None, problems), naming the file as `shown_as`."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, f"not valid UTF-8 (byte {error.start})")]
    if not text.strip():
        return None, [Problem(shown_as, 1, "file is empty")]
    import yaml

    loader = _loader_class()(text)
    loader.duplicate_keys = []  # type: ignore[attr-defined]
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = error.problem or error.context or "invalid YAML"
        return None, [Problem(shown_as, line, f"YAML syntax error: {reason}")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 1, f"YAML error: {error}")]
    finally:
        loader.dispose()
    problems = [
        Problem(shown_as, line, f"duplicate key {key!r}")
        for line, key in loader.duplicate_keys  # type: ignore[attr-defined]
    ]
    return data, problems
