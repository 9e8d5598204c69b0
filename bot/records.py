"""Frozen dataclasses whose comparisons and repr are shared, not generated per class.

`dataclasses.dataclass` writes a class's `__init__`, `__repr__`, `__eq__` and `__hash__` (and,
frozen, `__setattr__` and `__delattr__`) as source text and compiles each with `exec` when the
class is defined: about 0.65 ms a frozen class on a 2-CPU machine, and the ~35 a `peerbot ask`
imports made such compiling a fifth of its start-up instructions. The comparisons and the
repr need no code of their own per class: `Record` gives each record the behaviour
`dataclass` would, from its fields (an `operator.attrgetter` per class, made on first use).
`frozen_record` asks `dataclass` for the rest, so `__init__`, the frozen guards, `fields()`,
`replace()` and `asdict()` are dataclasses' own.

The same values as `dataclass` gives: equality compares the `compare` fields of two objects of
exactly the same class, as one tuple each; the hash is that of the tuple of the fields that
count for it (`hash`, or `compare` when unset), so sets of records iterate as before; the repr
is `Name(field=value, ...)` over the `repr` fields, "..." when an object holds itself.
tests/test_records.py checks each against a twin made by `dataclass`.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, cast, dataclass_transform

_Class = TypeVar("_Class", bound=type)

_Key = Callable[[Any], tuple[Any, ...]]


def _tuple_of(names: list[str]) -> _Key:
    """The named attributes of an object as one tuple (`attrgetter` gives a bare value for one
    name, and takes no empty list)."""
    if not names:
        return lambda _: ()
    getter = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda item: (getter(item),)
    return getter


class _Keys:
    """A record class's comparison key, hash key and repr fields, worked out once."""

    __slots__ = ("compared", "hashed", "shown")

    def __init__(self, cls: type) -> None:
        fields = dataclasses.fields(cls)
        self.compared = _tuple_of([f.name for f in fields if f.compare])
        self.hashed = _tuple_of(
            [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        )
        self.shown = tuple(f.name for f in fields if f.repr)


def _keys(cls: type) -> _Keys:
    keys: _Keys | None = cls.__dict__.get("_record_keys")
    if keys is None:
        keys = _Keys(cls)
        type.__setattr__(cls, "_record_keys", keys)
    return keys


def _comparison(compare: Callable[[Any, Any], bool]) -> Callable[[Any, object], bool]:
    """A comparison method comparing the `compare` fields' tuples of two objects of exactly
    the same class (NotImplemented for any other), as `dataclass` writes `__eq__` and, with
    `order=True`, the orderings."""

    def method(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            compared = _keys(self.__class__).compared
            return bool(compare(compared(self), compared(other)))
        return cast(bool, NotImplemented)

    return method


class Record:
    """Equality, hash and repr for a frozen dataclass, from its fields (see the module)."""

    __slots__ = ()
    __eq__ = _comparison(operator.eq)

    def __hash__(self) -> int:
        return hash(_keys(self.__class__).hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _keys(self.__class__).shown)
        return f"{self.__class__.__qualname__}({shown})"


class OrderedRecord(Record):
    """A `Record` that also orders as `dataclass(order=True)` does."""

    __slots__ = ()
    __lt__ = _comparison(operator.lt)
    __le__ = _comparison(operator.le)
    __gt__ = _comparison(operator.gt)
    __ge__ = _comparison(operator.ge)


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen_record(cls: _Class) -> _Class:
    """A frozen dataclass of `cls`, with `Record`'s equality, hash and repr (and, from an
    `OrderedRecord`, its ordering).

    `cls` must derive from `Record` (so those methods are found before `object`'s).
    """
    if not issubclass(cls, Record):
        raise TypeError(f"{cls.__qualname__} must derive from Record to be a record")
    return cast(_Class, dataclasses.dataclass(frozen=True, repr=False, eq=False)(cls))
