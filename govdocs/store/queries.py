"""Reading records for people: list and show, by kind."""

from __future__ import annotations

import json

from ..errors import NotFound
from .kinds import KINDS

LIST_COLUMNS = {
    "organizations": ["id", "name", "kind"],
    "people": ["id", "name"],
    "bodies": ["id", "name", "seats", "vote_rule"],
    "seats": ["body", "person", "role", "term_start", "term_end", "represents"],
    "meetings": ["id", "body", "kind", "start", "status"],
    "resolutions": ["id", "number", "status", "title"],
    "votes": ["id", "subject", "outcome", "explanation"],
    "issued": ["id", "kind", "title", "path", "sha256"],
    "audit": ["id", "at", "actor", "action", "table_name", "key"],
    "corrections": ["id", "table_name", "corrected", "correction", "reason"],
}
JSON_COLUMNS = {"recitals", "clauses", "exhibits", "sources"}
HIDDEN_TABLES = {"_migrations"}


def table_for(store, kind: str) -> str:
    """The table for a kind given as 'resolution', 'resolutions' or a table name."""
    names = store.db.table_names()
    if kind in names and kind not in HIDDEN_TABLES:
        return kind
    if kind in KINDS:
        return KINDS[kind].table
    for candidate in (kind + "s", kind + "es", kind[:-1] + "ies" if kind.endswith("y") else None):
        if candidate and candidate in names:
            return candidate
    available = sorted({k for k in KINDS} | {t for t in names if not t.startswith("_") and "_fts" not in t})
    raise NotFound(f"unknown kind of record {kind!r}; known kinds: {', '.join(available)}")


def _decode(row: dict) -> dict:
    out = {}
    for name, value in row.items():
        if name in JSON_COLUMNS and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass
        out[name] = value
    return out


def list_records(store, kind: str) -> tuple[str, list[dict]]:
    table = table_for(store, kind)
    order = "id" if "id" in store.db[table].columns_dict else None
    return table, [_decode(r) for r in store.rows(table, order_by=order)]


def columns_for(table: str, rows: list[dict]) -> list[str]:
    if table in LIST_COLUMNS:
        return LIST_COLUMNS[table]
    return list(rows[0])[:5] if rows else []


def show_record(store, kind: str, key: str) -> dict:
    """One record with what points at it (casts, corrections, supersessions)."""
    table = table_for(store, kind)
    row = store.find(table, key)
    if row is None:
        raise NotFound(f"no {kind} {key!r} in the store (try: govdocs list {kind})")
    record = _decode(row)
    related: dict[str, list] = {}
    if table == "votes":
        related["casts"] = store.rows("vote_casts", "vote = ?", [key], order_by="option, person")
    if table == "bodies":
        related["seats"] = store.rows("seats", "body = ?", [key], order_by="term_start, person")
    if table == "resolutions":
        related["votes"] = store.rows("votes", "subject = ?", [f"resolution:{key}"])
        for link in ("supersedes", "rescinds", "corrects"):
            later = store.rows("resolutions", f"{link} = ?", [key])
            if later:
                related[f"{link}_this"] = [r["id"] for r in later]
    if table in ("resolutions", "votes"):
        corrected_by = store.rows("corrections", "table_name = ? and corrected = ?", [table, key])
        if corrected_by:
            related["corrected_by"] = corrected_by
    if related:
        record["_related"] = related
    return record


def format_table(rows: list[dict], columns: list[str], width: int = 60) -> str:
    if not rows:
        return "(none)"

    def cell(value):
        text = "" if value is None else str(value)
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() for line in cells]
    return "\n".join(lines)
