"""The records store: SQLite through sqlite-utils, migrations, audit, loader."""

from .core import Change, RecordStore, open_store, register_after_commit

__all__ = ["Change", "RecordStore", "open_store", "register_after_commit"]
