"""`frozen_record` classes compare, hash and print as `dataclass(frozen=True)` ones do.

The records share one `__eq__`, `__hash__` and `__repr__` (bot.records) instead of having
`dataclass` compile its own for each class at import. Each shape a record can take is built
twice, as a record and as a plain frozen dataclass, and the two must give the same results:
equality over the `compare` fields of the same class only, the same hash (so sets of records
iterate as before), the same repr. And every record class of the package is frozen and uses
the shared methods.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from typing import Any

import pytest

import bot
from bot.records import OrderedRecord, Record, frozen_record


def _twins(annotations: dict[str, Any], **defaults: Any) -> tuple[type, type]:
    """The same class body as a record and as a frozen dataclass, both named "Item"."""
    body = {"__annotations__": dict(annotations), **defaults}
    as_record = frozen_record(type("Item", (Record,), dict(body)))
    as_dataclass = dataclasses.dataclass(frozen=True)(type("Item", (), dict(body)))
    return as_record, as_dataclass


SHAPES: list[tuple[str, dict[str, Any], dict[str, Any], list[tuple[Any, ...]]]] = [
    ("two fields", {"a": "int", "b": "str"}, {}, [(1, "x"), (1, "y"), (2, "x"), (1, "x")]),
    ("one field", {"a": "str"}, {}, [("x",), ("y",), ("x",)]),
    ("no field", {}, {}, [(), ()]),
    (
        "a field left out of comparisons",
        {"a": "int", "line": "int"},
        {"line": dataclasses.field(compare=False)},
        [(1, 10), (1, 20), (2, 10)],
    ),
    (
        "a field left out of the hash only",
        {"a": "int", "b": "int"},
        {"b": dataclasses.field(hash=False)},
        [(1, 2), (1, 3), (2, 2)],
    ),
    (
        "a field left out of the repr",
        {"a": "int", "secret": "str"},
        {"secret": dataclasses.field(repr=False)},
        [(1, "s"), (2, "t")],
    ),
    (
        "nested values",
        {"a": "tuple[int, ...]", "b": "frozenset[str]"},
        {},
        [((1, 2), frozenset({"x"})), ((1, 2), frozenset({"x"})), ((2,), frozenset())],
    ),
]


@pytest.mark.parametrize(
    ("annotations", "defaults", "values"),
    [pytest.param(a, d, v, id=name) for name, a, d, v in SHAPES],
)
def test_a_record_behaves_as_a_frozen_dataclass(
    annotations: dict[str, Any], defaults: dict[str, Any], values: list[tuple[Any, ...]]
) -> None:
    as_record, as_dataclass = _twins(annotations, **defaults)
    records = [as_record(*value) for value in values]
    plain = [as_dataclass(*value) for value in values]
    for record, dataclass_one in zip(records, plain, strict=True):
        assert repr(record) == repr(dataclass_one)
        assert hash(record) == hash(dataclass_one)
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.a = 0  # type: ignore[attr-defined]
    for left_record, left in zip(records, plain, strict=True):
        for right_record, right in zip(records, plain, strict=True):
            assert (left_record == right_record) == (left == right)
            assert (left_record != right_record) == (left != right)
    assert [list(dataclasses.astuple(r)) for r in records] == [list(v) for v in values]


def test_a_record_equals_only_records_of_its_own_class() -> None:
    first, _ = _twins({"a": "int"})
    second, _ = _twins({"a": "int"})
    subclass = frozen_record(type("Sub", (first,), {"__annotations__": {}}))
    assert first(1) == first(1)
    assert first(1) != second(1)
    assert first(1) != subclass(1)
    assert first(1) != (1,)
    assert first(1).__eq__((1,)) is NotImplemented


def test_a_record_holding_itself_prints_an_ellipsis() -> None:
    as_record, as_dataclass = _twins({"items": "list[Any]"})
    record, plain = as_record([]), as_dataclass([])
    record.items.append(record)
    plain.items.append(plain)
    assert repr(record) == repr(plain) == "Item(items=[...])"


def test_a_record_class_must_derive_from_record() -> None:
    with pytest.raises(TypeError, match="must derive from Record"):
        frozen_record(type("Loose", (), {"__annotations__": {"a": "int"}}))


def _package_records() -> list[type]:
    found: list[type] = []
    for module_info in pkgutil.iter_modules(bot.__path__):
        module = importlib.import_module(f"bot.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value not in (Record, OrderedRecord)
                and issubclass(value, Record)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def test_every_record_of_the_package_is_a_frozen_dataclass_sharing_the_methods() -> None:
    records = _package_records()
    assert len(records) >= 40
    for cls in records:
        assert dataclasses.is_dataclass(cls), cls
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        for method in ("__eq__", "__hash__", "__repr__"):
            assert getattr(cls, method) is getattr(Record, method), (cls, method)
        if issubclass(cls, OrderedRecord):
            assert cls.__lt__ is OrderedRecord.__lt__, cls


def test_an_ordered_record_orders_as_an_ordered_dataclass() -> None:
    body = {"__annotations__": {"file": "str", "line": "int", "note": "str"}}
    body["note"] = dataclasses.field(compare=False, default="")
    as_record = frozen_record(type("Item", (OrderedRecord,), dict(body)))
    as_dataclass = dataclasses.dataclass(frozen=True, order=True)(type("Item", (), dict(body)))
    values = [("b.yaml", 3, "x"), ("a.yaml", 9, "y"), ("a.yaml", 2, "z"), ("a.yaml", 2, "w")]
    records = [as_record(*value) for value in values]
    plain = [as_dataclass(*value) for value in values]
    assert [r.line for r in sorted(records)] == [p.line for p in sorted(plain)] == [2, 2, 9, 3]
    for left_record, left in zip(records, plain, strict=True):
        for right_record, right in zip(records, plain, strict=True):
            for compare in ("__lt__", "__le__", "__gt__", "__ge__"):
                assert getattr(left_record, compare)(right_record) == getattr(left, compare)(right)
    with pytest.raises(TypeError):
        _ = records[0] < ("b.yaml", 3)
