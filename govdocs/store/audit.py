"""The audit log: an append-only, hash-chained record of every change.

Each entry's hash is the SHA-256 of its own fields and the previous entry's
hash, so editing, reordering or removing an entry breaks the chain from that
entry on. ``verify`` recomputes the chain and names the first broken entry.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

GENESIS = "0" * 64
FIELDS = ("at", "actor", "action", "table_name", "key", "before", "after")


def entry_hash(entry: dict, prev_hash: str) -> str:
    """The hash of one audit entry chained to ``prev_hash``."""
    payload = {name: entry.get(name) for name in FIELDS}
    payload["prev_hash"] = prev_hash
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_json(value) -> str | None:
    """JSON for a row's before/after image, stable across runs."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    broken_id: int | None = None
    reason: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.entries} entries verified."
        return f"Audit chain broken at entry {self.broken_id}: {self.reason}"


def verify(entries) -> ChainReport:
    """Recompute the chain over ``entries`` (dicts in id order)."""
    prev = GENESIS
    count = 0
    for entry in entries:
        count += 1
        if entry["prev_hash"] != prev:
            return ChainReport(
                False, count, entry["id"],
                "its previous-hash does not match the entry before it "
                "(an entry was removed, inserted or reordered)",
            )
        expected = entry_hash(entry, prev)
        if entry["hash"] != expected:
            return ChainReport(
                False, count, entry["id"],
                "its contents do not match its hash (the entry was edited)",
            )
        prev = entry["hash"]
    return ChainReport(True, count)
