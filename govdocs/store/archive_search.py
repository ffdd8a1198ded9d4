"""Keeps the archive's search index in step with the store (after each commit)."""

from __future__ import annotations

from .core import register_after_commit


def _after_commit(store, changes) -> None:
    from ..archive.index import after_commit

    after_commit(store, changes)


register_after_commit(_after_commit)
