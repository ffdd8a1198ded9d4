"""Corrections: records are evidence, so a mistake is corrected by a new
record that points at the old one. Both stay in the store and both show."""

from __future__ import annotations

import datetime as dt
import json

from ..errors import InvalidInput, NotFound, Refused
from . import rollcalls

RESOLUTION_FIELDS = {"title", "number", "adopted_on", "recitals", "clauses", "exhibits", "meeting"}


def _next_id(store, table: str, key: str) -> str:
    n = 1
    while store.find(table, f"{key}-c{n}") is not None:
        n += 1
    return f"{key}-c{n}"


def _record(store, table, corrected, correction, reason):
    store.insert("corrections", {
        "table_name": table, "corrected": corrected, "correction": correction, "reason": reason,
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "actor": store.actor,
    })


def _require_reason(reason: str):
    if not reason or not reason.strip():
        raise InvalidInput("a correction needs a reason (--reason), which stays in the record")


def correct_resolution(store, key: str, changes: dict, reason: str, new_id: str | None = None) -> dict:
    """A new resolution record correcting ``key``; returns the new row."""
    _require_reason(reason)
    old = store.find("resolutions", key)
    if old is None:
        raise NotFound(f"no resolution {key!r}")
    unknown = set(changes) - RESOLUTION_FIELDS
    if unknown:
        raise InvalidInput(
            f"cannot correct field(s) {', '.join(sorted(unknown))} of a resolution; "
            f"correctable fields: {', '.join(sorted(RESOLUTION_FIELDS))}"
        )
    if not changes:
        raise InvalidInput("nothing to correct: give at least one --set FIELD=VALUE")
    row = dict(old)
    for name, value in changes.items():
        if name in ("recitals", "clauses", "exhibits"):
            value = json.dumps(value if isinstance(value, list) else [value], ensure_ascii=False)
        elif name == "adopted_on":
            try:
                value = dt.date.fromisoformat(value).isoformat()
            except ValueError:
                raise InvalidInput(f"adopted_on: expected a date (YYYY-MM-DD), got {value!r}") from None
        row[name] = value
    row["id"] = new_id or _next_id(store, "resolutions", key)
    row["corrects"] = key
    with store.transaction():
        store.insert("resolutions", row)
        _record(store, "resolutions", key, row["id"], reason)
    return store.get("resolutions", row["id"])


def correct_vote(store, key: str, options: dict[str, list[str]], reason: str, new_id: str | None = None) -> dict:
    """A new vote correcting the roll call of ``key``; the outcome is recomputed."""
    _require_reason(reason)
    old = store.find("votes", key)
    if old is None:
        raise NotFound(f"no vote {key!r}")
    meeting = store.get("meetings", old["meeting"])
    body = store.get("bodies", meeting["body"])
    day = rollcalls.meeting_day(meeting, body)
    held = rollcalls.seated_on(store.rows("seats", "body = ?", [body["id"]]), day)
    options = {o: [n.strip() for v in names for n in v.split(",") if n.strip()] for o, names in options.items()}
    casts, twice = rollcalls.casts_by_person(options)
    problems = rollcalls.roll_call_problems(casts, [s["person"] for s in held], twice, day)
    if problems:
        raise Refused("the corrected roll call is not valid: " + "; ".join(problems))
    result = rollcalls.outcome(body, len(held), casts, old["rule"])
    vote_id = new_id or _next_id(store, "votes", key)
    with store.transaction():
        rollcalls.insert_vote(store, vote_id, old["meeting"], old["subject"], old["motion"], result, casts, key)
        _record(store, "votes", key, vote_id, reason)
    return store.get("votes", vote_id)
