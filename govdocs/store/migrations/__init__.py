"""The schema as numbered migrations, applied whenever a store is opened.

Each migration is a module ``mNNNN_name.py`` in this package with a function
``migrate(db)`` taking a ``sqlite_utils.Database``. Migrations run in number
order, each inside its own transaction, and are recorded by name in
``_migrations``; an applied migration is never run again and never edited:
a change to the schema is a new migration.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

import sqlite_utils


def available() -> list[tuple[str, object]]:
    """All migrations in this package, as (name, migrate function), in order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append((info.name, module.migrate))
    return sorted(found)


def applied(db: sqlite_utils.Database) -> list[str]:
    if "_migrations" not in db.table_names():
        return []
    return [row["name"] for row in db.query("select name from _migrations order by name")]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply every migration not yet applied; return the names applied now."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "create table if not exists _migrations (name text primary key, applied_at text)"
        )
        done = set(applied(db))
        ran = []
        for name, function in available():
            if name in done:
                continue
            function(db)
            conn.execute(
                "insert into _migrations (name, applied_at) values (?, ?)",
                [name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")],
            )
            ran.append(name)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return ran
