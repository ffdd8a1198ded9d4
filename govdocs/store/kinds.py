"""Record kinds: how each kind of record file maps to the store.

A ``RecordKind`` ties a kind name (``person``, the ``[[person]]`` of a
record file) to its dataclass in ``govdocs.model``, its table, and the checks
that need other records (terms that overlap, a roll call that names a
stranger). Other modules register their kinds with ``register_kind``; the
loader finds them all here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Callable

from ..errors import RecordError
from .recordfiles import RawRecord

KINDS: dict[str, "RecordKind"] = {}


@dataclass
class RecordKind:
    """How one kind of record is checked and written.

    * ``model``: the dataclass whose annotated fields the file must match;
    * ``table``: where it goes; ``order``: records of lower order load first;
    * ``prose``: for Markdown files, ``## Heading`` -> list field it fills;
    * ``body``: for Markdown files, the text field that takes the whole body
      (its first line is ``raw.body_line``, for errors that name a line);
    * ``prepare(record, view)``: fill derived fields (e.g. a seat's id);
    * ``rows(record, view)``: the (table, row) pairs to write; default one row;
    * ``check(items, view)``: cross-record checks over (record, raw) pairs of
      this kind in the batch; returns a list of RecordError.
    """

    name: str
    model: type
    table: str
    order: int = 50
    prose: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    prepare: Callable | None = None
    rows: Callable | None = None
    check: Callable | None = None
    key: str = "id"


def register_kind(kind: RecordKind) -> RecordKind:
    KINDS[kind.name] = kind
    return kind


# -- values ------------------------------------------------------------------

def _describe(annotation) -> str:
    names = {
        str: "text", int: "a whole number", bool: "true or false",
        dt.date: "a date (YYYY-MM-DD)", dt.datetime: "a date and time (YYYY-MM-DDTHH:MM, optionally with an offset)",
    }
    if annotation in names:
        return names[annotation]
    origin = typing.get_origin(annotation)
    if origin is list:
        (inner,) = typing.get_args(annotation)
        return f"a list of {_describe(inner).removeprefix('a ')}" if inner is not str else "a list of text values"
    return str(annotation)


def _unwrap_optional(annotation):
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def coerce(value, annotation, raw: RawRecord, name: str):
    """Check ``value`` against ``annotation``; return it in its Python type."""
    annotation = _unwrap_optional(annotation)
    expected = _describe(annotation)

    def wrong():
        return raw.error(f"expected {expected}, got {value!r}", name)

    if annotation is str:
        if not isinstance(value, str):
            raise wrong()
        return value
    if annotation is bool:
        if not isinstance(value, bool):
            raise wrong()
        return value
    if annotation is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong()
        return value
    if annotation is dt.date:
        if isinstance(value, dt.datetime):
            raise wrong()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise raw.error(f"invalid date {value!r}", name, "a date (YYYY-MM-DD)") from None
        raise wrong()
    if annotation is dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                raise raw.error(f"invalid date and time {value!r}", name, expected) from None
        raise wrong()
    if typing.get_origin(annotation) is list:
        (inner,) = typing.get_args(annotation)
        if not isinstance(value, list):
            raise wrong()
        return [coerce(item, inner, raw, name) for item in value]
    raise raw.error(f"no rule to check values of type {annotation}", name)


def build(kind: RecordKind, raw: RawRecord, extra: dict | None = None):
    """The record ``raw`` as an instance of ``kind.model``, fully checked."""
    hints = typing.get_type_hints(kind.model)
    fields = {f.name: f for f in dataclasses.fields(kind.model)}
    data = dict(raw.data)
    data.update(extra or {})
    for name in data:
        if name not in fields:
            raise raw.error(
                f"unknown field '{name}' for a {kind.name} record",
                name, "one of: " + ", ".join(fields),
            )
    values = {}
    for name, spec in fields.items():
        if name not in data:
            if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                raise RecordError(
                    f"missing required field '{name}' for a {kind.name} record",
                    file=raw.file, line=raw.line, field=name, expected=_describe(hints[name]),
                )
            continue
        value = coerce(data[name], hints[name], raw, name)
        choices = spec.metadata.get("choices")
        if choices and value not in choices:
            raise raw.error(f"{value!r} is not allowed", name, "one of: " + ", ".join(choices))
        values[name] = value
    return kind.model(**values)


def to_row(record) -> dict:
    """A dataclass record as a table row: dates as ISO text, lists as JSON."""
    row = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif isinstance(value, list):
            value = json.dumps(value, ensure_ascii=False)
        row[f.name] = value
    return row


def references(record) -> list[tuple[str, str, str]]:
    """(field, table, id) for every reference a record makes."""
    out = []
    for f in dataclasses.fields(record):
        table = f.metadata.get("ref")
        value = getattr(record, f.name)
        if table and value is not None:
            out.append((f.name, table, value))
    return out
