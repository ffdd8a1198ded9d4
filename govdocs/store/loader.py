"""``govdocs load``: record files into the store, all or nothing.

Loading checks every file completely before it writes anything: TOML syntax,
fields against the record kinds, references to other records (in the files
or already in the store), and the checks that span records. Then it writes
everything in one transaction. Loading the same files twice changes nothing
and writes no audit entries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..errors import GovdocsError, ImmutableRecord, RecordError, RecordErrors
from .kinds import KINDS, build, references, to_row
from .recordfiles import find_files, prose_sections, read_file


class View:
    """The store as it would be after the load: stored rows, overlaid by the
    rows in the files being loaded."""

    def __init__(self, store):
        self.store = store
        self.pending: dict[str, dict[str, dict]] = {}

    def add(self, table: str, row: dict) -> None:
        key = self.store.key_of(table, row) if table in self.store.db.table_names() else str(row.get("id"))
        self.pending.setdefault(table, {})[key] = row

    def get(self, table: str, key: str) -> dict | None:
        row = self.pending.get(table, {}).get(str(key))
        if row is not None:
            return row
        if table not in self.store.db.table_names():
            return None
        return self.store.find(table, key)

    def rows(self, table: str, **equal) -> list[dict]:
        merged: dict[str, dict] = {}
        if table in self.store.db.table_names():
            where = " and ".join(f"[{k}] = ?" for k in equal) or None
            for row in self.store.rows(table, where, list(equal.values())):
                merged[self.store.key_of(table, row)] = row
        for key, row in self.pending.get(table, {}).items():
            if all(row.get(k) == v for k, v in equal.items()):
                merged[key] = row
            else:
                merged.pop(key, None)
        return list(merged.values())


@dataclass
class LoadReport:
    files: int = 0
    records: int = 0
    counts: Counter = field(default_factory=Counter)  # (table, what) -> n

    @property
    def changed(self) -> int:
        return sum(n for (table, what), n in self.counts.items() if what != "unchanged")

    def summary(self) -> str:
        parts = []
        for what in ("inserted", "updated", "unchanged"):
            total = sum(n for (t, w), n in self.counts.items() if w == what)
            if total:
                parts.append(f"{total} {what}")
        return f"Loaded {self.records} records from {self.files} files: " + (", ".join(parts) or "nothing to do") + "."


def _builtins_loaded():
    # importing the store package's modules registers every record kind
    from . import core  # noqa: F401

    core._load_store_extensions()


def read_records(paths) -> tuple[list, int]:
    """Files -> [(kind, record, raw)], checked one by one; all errors collected."""
    _builtins_loaded()
    errors: list[RecordError] = []
    raws = []
    files = find_files(paths)
    for path in files:
        try:
            raws.extend(read_file(path))
        except RecordError as error:
            errors.append(error)
    built = []
    for raw in raws:
        kind = KINDS.get(raw.kind)
        if kind is None:
            errors.append(RecordError(
                f"unknown kind of record '{raw.kind}'", file=raw.file, line=raw.line,
                expected="one of: " + ", ".join(sorted(KINDS)),
            ))
            continue
        try:
            extra = prose_sections(raw, kind.prose) if kind.prose and raw.body is not None else {}
            if kind.body and raw.body is not None and kind.body not in raw.data:
                extra[kind.body] = raw.body
            record = build(kind, raw, extra)
        except RecordError as error:
            errors.append(error)
            continue
        built.append((kind, record, raw))
    if errors:
        raise RecordErrors(errors)
    return built, len(files)


def load(store, paths) -> LoadReport:
    """Load record files or folders into ``store``; all or nothing."""
    built, file_count = read_records(paths)
    built.sort(key=lambda item: item[0].order)
    view = View(store)
    errors: list[RecordError] = []

    prepared = []
    seen: dict[tuple[str, str], object] = {}
    for kind, record, raw in built:
        if kind.prepare:
            record = kind.prepare(record, view)
        key = str(getattr(record, kind.key))
        if (kind.table, key) in seen:
            first = seen[(kind.table, key)]
            errors.append(raw.error(f"{kind.name} {key!r} is defined twice (first at {first.file}:{first.line})", kind.key))
            continue
        seen[(kind.table, key)] = raw
        view.add(kind.table, to_row(record))
        prepared.append((kind, record, raw))

    for kind, record, raw in prepared:
        for name, table, value in references(record):
            if view.get(table, value) is None:
                errors.append(raw.error(
                    f"there is no record {value!r} in {table}", name,
                    f"the id of a record in {table}, in the store or in the files loaded",
                ))
    if errors:
        raise RecordErrors(errors)

    for kind in sorted({k.name: k for k, _, _ in prepared}.values(), key=lambda k: k.order):
        if kind.check:
            items = [(r, raw) for k, r, raw in prepared if k is kind]
            errors.extend(kind.check(items, view))
    if errors:
        raise RecordErrors(errors)

    writes = []
    for kind, record, raw in prepared:
        try:
            rows = kind.rows(record, view) if kind.rows else [(kind.table, to_row(record))]
        except RecordError as error:
            errors.append(raw.error(error.message if not error.field else str(error.args[0]), error.field))
            continue
        for table, row in rows:
            view.add(table, row)
        writes.append((kind, raw, rows))
    if errors:
        raise RecordErrors(errors)

    report = LoadReport(files=file_count, records=len(prepared))
    with store.transaction():
        for kind, raw, rows in writes:
            for table, row in rows:
                try:
                    what = store.upsert(table, row)
                except ImmutableRecord as error:
                    raise RecordErrors([raw.error(
                        f"{error}; this record in the store differs from the file", kind.key,
                    )]) from error
                except GovdocsError as error:
                    raise RecordErrors([raw.error(str(error))]) from error
                report.counts[(table, what)] += 1
    return report
