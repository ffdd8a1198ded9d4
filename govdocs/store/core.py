"""RecordStore: the one records store, over ``sqlite_utils.Database``.

Every write goes through ``RecordStore`` inside a transaction and appends to
the hash-chained audit log. Reads may use ``store.db`` (a sqlite-utils
Database) directly.

Transactions are ``BEGIN IMMEDIATE``: a writer takes the write lock at the
start, so two processes writing at once queue on the busy timeout instead of
failing with "database is locked".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import importlib
import json
import os
import pkgutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..errors import ImmutableRecord, IntegrityError, NotFound
from . import audit as audit_log
from . import migrations

DEFAULT_DB = "govdocs.db"
BUSY_TIMEOUT_MS = 30_000

_after_commit_hooks: list = []


def register_after_commit(hook) -> None:
    """Call ``hook(store, changes)`` after every committed transaction.

    ``changes`` is a list of ``Change`` (table, key, action). Modules under
    ``govdocs/store/`` are imported when a store opens, so a module there that
    registers a hook at import time always sees every change.
    """
    if hook not in _after_commit_hooks:
        _after_commit_hooks.append(hook)


@dataclass(frozen=True)
class Change:
    table: str
    key: str
    action: str  # insert, update, delete


def default_actor() -> str:
    """The actor for the audit log: GOVDOCS_ACTOR, else the OS user."""
    actor = os.environ.get("GOVDOCS_ACTOR")
    if actor:
        return actor
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "unknown"


def default_path() -> str:
    return os.environ.get("GOVDOCS_DB") or DEFAULT_DB


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def _load_store_extensions() -> None:
    """Import every module of ``govdocs.store`` so their registrations run."""
    package = importlib.import_module("govdocs.store")
    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "migrations":
            importlib.import_module(f"govdocs.store.{info.name}")


class RecordStore:
    """The records store of one office, in one SQLite file."""

    def __init__(self, path: str | os.PathLike | None = None, *, actor: str | None = None):
        self.path = Path(path or default_path())
        self.actor = actor or default_actor()
        if self.path.parent and not self.path.parent.exists():
            raise NotFound(f"folder {self.path.parent} does not exist (for the store {self.path})")
        conn = sqlite3.connect(
            str(self.path), timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None, check_same_thread=False,
        )
        conn.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("pragma journal_mode = wal")
        conn.execute("pragma foreign_keys = on")
        conn.execute("pragma synchronous = normal")
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._depth = 0
        self._changes: list[Change] = []
        self._pks: dict[str, list[str]] = {}
        self.migrations_applied = migrations.migrate(self.db)
        _load_store_extensions()

    # -- life cycle -------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- transactions -----------------------------------------------------
    @contextlib.contextmanager
    def transaction(self):
        """One atomic unit of work; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        self._changes = []
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            self._changes = []
            raise
        self._depth = 0
        self.conn.execute("COMMIT")
        changes, self._changes = self._changes, []
        if changes:
            for hook in list(_after_commit_hooks):
                hook(self, changes)

    def _require_transaction(self):
        if not self._depth:
            raise RuntimeError("store writes must happen inside store.transaction()")

    # -- reads --------------------------------------------------------------
    def pks(self, table: str) -> list[str]:
        """The primary key columns of ``table`` (cached: a schema only grows
        through migrations, which run when the store opens)."""
        cached = self._pks.get(table)
        if cached is None:
            cached = self._pks[table] = self.db[table].pks
        return cached

    def key_of(self, table: str, row: dict) -> str:
        pks = self.pks(table)
        if len(pks) == 1:
            return str(row[pks[0]])
        return json.dumps([row[pk] for pk in pks], ensure_ascii=False)

    def _where_key(self, table: str, key):
        pks = self.pks(table)
        values = [key] if len(pks) == 1 else (json.loads(key) if isinstance(key, str) else list(key))
        where = " and ".join(f"[{pk}] = ?" for pk in pks)
        return where, values

    def find(self, table: str, key) -> dict | None:
        """The row with primary key ``key``, or None."""
        where, values = self._where_key(table, key)
        rows = list(self.db.query(f"select * from [{table}] where {where}", values))
        return rows[0] if rows else None

    def get(self, table: str, key) -> dict:
        """The row with primary key ``key``; NotFound if there is none."""
        row = self.find(table, key)
        if row is None:
            raise NotFound(f"no {table} record with key {key!r}")
        return row

    def rows(self, table: str, where: str | None = None, params=(), order_by: str | None = None):
        if table not in self.db.table_names():
            return []
        return list(self.db[table].rows_where(where, params, order_by=order_by))

    def row_counts(self) -> dict[str, int]:
        return {name: self.db[name].count for name in sorted(self.db.table_names())}

    # -- writes (each audited) ------------------------------------------------
    def insert(self, table: str, row: dict) -> str:
        self._require_transaction()
        columns = list(row)
        sql = "insert into [{}] ({}) values ({})".format(
            table, ", ".join(f"[{c}]" for c in columns), ", ".join("?" for _ in columns)
        )
        cursor = self._execute(sql, [row[c] for c in columns])
        pks = self.pks(table)
        if len(pks) == 1 and row.get(pks[0]) is None:
            row = {**row, pks[0]: cursor.lastrowid}  # an integer key SQLite assigned
        key = self.key_of(table, row)
        self._audit("insert", table, key, None, self.get(table, key))
        return key

    def update(self, table: str, key, changes: dict) -> dict:
        self._require_transaction()
        before = self.get(table, key)
        where, values = self._where_key(table, key)
        sets = ", ".join(f"[{c}] = ?" for c in changes)
        self._execute(f"update [{table}] set {sets} where {where}", list(changes.values()) + values)
        after = self.get(table, key)
        self._audit("update", table, self.key_of(table, before), before, after)
        return after

    def delete(self, table: str, key) -> None:
        self._require_transaction()
        before = self.get(table, key)
        where, values = self._where_key(table, key)
        self._execute(f"delete from [{table}] where {where}", values)
        self._audit("delete", table, self.key_of(table, before), before, None)

    def upsert(self, table: str, row: dict) -> str:
        """Insert ``row``, or update it where it differs; returns what happened:
        ``inserted``, ``updated`` or ``unchanged`` (no write, no audit entry)."""
        key = self.key_of(table, row)
        existing = self.find(table, key)
        if existing is None:
            self.insert(table, row)
            return "inserted"
        changes = {c: v for c, v in row.items() if existing.get(c) != v}
        if not changes:
            return "unchanged"
        self.update(table, key, changes)
        return "updated"

    def _execute(self, sql: str, params):
        try:
            return self.conn.execute(sql, params)
        except sqlite3.IntegrityError as error:
            message = str(error)
            if "cannot" in message or "append-only" in message:
                raise ImmutableRecord(message) from error
            raise IntegrityError(message) from error

    def _audit(self, action, table, key, before, after) -> None:
        last = self.conn.execute("select hash from audit order by id desc limit 1").fetchone()
        prev = last[0] if last else audit_log.GENESIS
        entry = {
            "at": _now(), "actor": self.actor, "action": action, "table_name": table,
            "key": str(key), "before": audit_log.canonical_json(before),
            "after": audit_log.canonical_json(after),
        }
        entry["prev_hash"] = prev
        entry["hash"] = audit_log.entry_hash(entry, prev)
        cols = list(entry)
        self.conn.execute(
            "insert into audit ({}) values ({})".format(", ".join(cols), ", ".join("?" for _ in cols)),
            [entry[c] for c in cols],
        )
        self._changes.append(Change(table, str(key), action))

    # -- audit and backup ---------------------------------------------------
    def verify_audit(self) -> audit_log.ChainReport:
        return audit_log.verify(self.db.query("select * from audit order by id"))

    def backup(self, out: str | os.PathLike) -> Path:
        """An online, consistent copy of the store (safe while others write)."""
        out = Path(out)
        if out.exists():
            raise IntegrityError(f"{out} already exists; choose a new file for the backup")
        target = sqlite3.connect(str(out))
        try:
            with target:
                self.conn.backup(target)
        finally:
            target.close()
        return out


def open_store(path=None, *, actor=None) -> RecordStore:
    """Open (creating and migrating if needed) the store at ``path``."""
    return RecordStore(path, actor=actor)
