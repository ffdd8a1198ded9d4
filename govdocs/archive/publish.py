"""The public archive: a separate, read-only database of public records only.

``publish(store, "public.db")`` copies into a new file only what the public
may see, table by table, with an explicit list of columns for each (a column
added later is not published until it is added here):

* organizations, bodies, seats, meetings that are not closed sessions, and
  people with their names and honorifics only (never email, phone, address);
* resolutions that are not drafts, and the votes and casts on published
  subjects;
* public documents that are not from a closed session, and their files;
* agreements, their provisions, amendments, their changes and ratifications;
  notices and agenda items of published meetings; job classes that are not
  drafts; the register of issued documents whose sources are all published.

Never: drafts, private documents, closed-session items, the audit log, people's
contact details, corrections' internals. The search index is built beside the
new file, so ``govdocs serve`` starts at once.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from ..errors import IntegrityError
from .index import SearchIndex
from .sources import PUBLIC_RESOLUTION_STATUSES, normal_key

# table -> (columns, where clause over the store's table)
PUBLIC_TABLES: dict[str, tuple[list[str], str]] = {
    "organizations": (["id", "name", "kind", "short_name", "state", "county", "time_zone", "website"], "1"),
    "people": (["id", "name", "honorific"], "1"),
    "bodies": (["id", "organization", "name", "kind", "seats", "quorum", "vote_rule", "numbering",
                "clerk_title", "member_title", "city", "county", "state", "time_zone"], "1"),
    "seats": (["id", "body", "person", "role", "term_start", "term_end", "represents"], "1"),
    "meetings": (["id", "body", "kind", "start", "place", "status"], "{closed_meeting} = 0"),
    "resolutions": (["id", "body", "number", "title", "status", "meeting", "adopted_on", "recitals",
                     "clauses", "supersedes", "rescinds", "corrects"],
                    "status in ({statuses})"),
    "votes": (["id", "meeting", "subject", "motion", "rule", "outcome", "required", "quorum_met",
               "explanation", "corrects"], "{published_subject}"),
    "vote_casts": (["vote", "person", "option"], "vote in (select id from votes where {published_subject})"),
    "documents": (["id", "kind", "title", "number", "label", "date", "body", "meeting_kind", "filename",
                   "media_type", "sha256", "size", "pages", "text", "status", "public", "closed_session", "related",
                   "metadata", "ingested_at"], "public = 1 and closed_session = 0"),
    "document_files": (["sha256", "filename", "media_type", "content"],
                       "sha256 in (select sha256 from documents where public = 1 and closed_session = 0)"),
    "agreements": (["id", "organization", "kind", "scheme", "title", "short_title", "preamble", "adopted_on"], "1"),
    "provisions": (["id", "agreement", "uid", "parent", "position", "kind", "label", "heading", "text",
                    "valid_from", "valid_to", "amendment"], "1"),
    "amendments": (["id", "organization", "body", "title", "summary", "proposed_on", "rule", "counting",
                    "effective", "effective_on", "board_resolution"], "1"),
    "amendment_changes": (["id", "amendment", "seq", "agreement", "action", "target", "text", "heading",
                           "label", "place"], "1"),
    "ratifications": (["id", "amendment", "member", "action", "acted_on", "resolution_number", "resolution",
                       "copy_received_on", "note"], "1"),
    "notices": (["id", "meeting", "kind", "posted_at", "posted_where", "subject", "newspaper", "published_on",
                 "days_before", "citation", "content_stated"], "meeting in (select id from meetings where {closed_meeting} = 0)"),
    "agenda_items": (["id", "meeting", "number", "title", "description", "section", "action"],
                     "meeting in (select id from meetings where {closed_meeting} = 0) and {open_item}"),
    "issued": (["id", "sha256", "kind", "template", "title", "sources", "issued_at", "format"], "1"),
    "job_classes": (["id", "agency", "code", "title", "designation", "bargaining_unit", "flsa", "eeo",
                     "revision", "updated_at"], "1"),
    "job_class_revisions": (["id", "job_class", "revision", "sha256", "record", "saved_at"], "1"),
}


def _columns(db, table) -> set[str]:
    return {c.name for c in db[table].columns}


def _conditions(db) -> dict[str, str]:
    meeting_cols = _columns(db, "meetings") if "meetings" in db.table_names() else set()
    closed = "coalesce(closed_session, 0)" if "closed_session" in meeting_cols else "0"
    agenda_cols = _columns(db, "agenda_items") if "agenda_items" in db.table_names() else set()
    open_item = "coalesce(section, '') not like '%closed%'" if "section" in agenda_cols else "1"
    statuses = ", ".join(f"'{s}'" for s in PUBLIC_RESOLUTION_STATUSES)
    published_subject = (
        "(subject not like 'resolution:%' or substr(subject, 12) in "
        f"(select id from resolutions where status in ({statuses})))"
    )
    return {"closed_meeting": closed, "open_item": open_item, "statuses": statuses,
            "published_subject": published_subject}


def publish(store, out: str | os.PathLike, *, overwrite: bool = False) -> dict[str, int]:
    """Write the public archive to ``out``; returns rows published per table."""
    out = Path(out)
    if out.exists():
        if not overwrite:
            raise IntegrityError(f"{out} already exists; choose a new file (or --overwrite)")
        out.unlink()
    source = store.db
    conditions = _conditions(source)
    target = sqlite_utils.Database(str(out))
    counts: dict[str, int] = {}
    have = set(source.table_names())
    tables = dict(PUBLIC_TABLES)
    for table, (columns, where) in tables.items():
        if table not in have:
            continue
        present = _columns(source, table)
        cols = [c for c in columns if c in present]
        where = where.format(**conditions)
        pks = source[table].pks
        rows = source.query(f"select {', '.join(f'[{c}]' for c in cols)} from [{table}] where {where}")
        types = {c.name: c.type for c in source[table].columns if c.name in cols}
        target[table].create({c: _py_type(types[c]) for c in cols}, pk=pks if len(pks) > 1 else pks[0])
        target[table].insert_all(rows, batch_size=500)
        counts[table] = target[table].count
    if "issued" in counts and "resolutions" in have:
        published = {r["id"] for r in target.query("select id from resolutions")} if "resolutions" in counts else set()
        for row in list(target.query("select id, sources from issued")):
            refs = [normal_key(s) for s in json.loads(row["sources"] or "[]") if isinstance(s, str)]
            if any(r.startswith("resolution:") and r.split(":", 1)[1] not in published for r in refs):
                target["issued"].delete(row["id"])
        counts["issued"] = target["issued"].count
    if "issued" in counts:
        counts["issued files"] = _copy_issued_files(source, target)
    if "documents" in counts:
        target["documents"].enable_fts(["title", "number", "text"], tokenize="porter")
    target.execute("pragma journal_mode = delete")
    target.conn.commit()
    SearchIndex(target, str(out)).rebuild()
    target.close()
    os.chmod(out, 0o444)
    return counts


def _copy_issued_files(source, target) -> int:
    """The bytes of each published generated document whose file is still
    where it was issued and still has the hash it was registered with."""
    import hashlib

    if "document_files" not in target.table_names():
        target["document_files"].create(
            {"sha256": str, "filename": str, "media_type": str, "content": bytes}, pk="sha256")
    published = {r["id"] for r in target.query("select id from issued")}
    copied = 0
    for row in source.query("select id, sha256, path from issued where path is not null"):
        if row["id"] not in published:
            continue
        path = Path(row["path"])
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            continue
        target["document_files"].insert(
            {"sha256": row["sha256"], "filename": path.name, "media_type": _media_type(path), "content": data},
            ignore=True)
        copied += 1
    return copied


def _media_type(path: Path) -> str:
    return {".pdf": "application/pdf", ".html": "text/html", ".md": "text/markdown", ".ics": "text/calendar",
            ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            }.get(path.suffix.lower(), "application/octet-stream")


def _py_type(sql_type: str):
    t = (sql_type or "").upper()
    if "INT" in t:
        return int
    if "BLOB" in t:
        return bytes
    if "REAL" in t or "FLOA" in t:
        return float
    return str


def open_public(path: str | os.PathLike) -> sqlite_utils.Database:
    """A public archive, opened read-only."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
    return sqlite_utils.Database(conn)
