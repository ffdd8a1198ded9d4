"""What the search index holds: archived documents and the records themselves.

Each source reads one kind of record from a store (or from a public archive,
which has the same tables) and gives ``SearchItem`` values: a key such as
``resolution:arbor-vista-2026-41`` or ``provision:...``, what to show (kind,
title, number, label, date, body), the text to search and to cut snippets
from, whether it is public, and the roll call. A source whose tables are not
in the store gives nothing, so the archive indexes whatever has landed.

``keys_for_change`` maps a change in the store (table, key) to the items it
affects, which is how the index keeps in step with the records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import sqlite_utils

PUBLIC_RESOLUTION_STATUSES = ("adopted", "failed", "withdrawn", "rescinded")


@dataclass
class SearchItem:
    key: str  # "<source>:<id>"
    kind: str
    title: str
    text: str
    number: str | None = None
    label: str | None = None
    date: str | None = None  # ISO 8601 day
    body: str | None = None
    public: bool = False
    votes: dict[str, list[str]] = field(default_factory=dict)  # option -> names
    related: list[str] = field(default_factory=list)  # keys of related records

    @property
    def source(self) -> str:
        return self.key.split(":", 1)[0]

    @property
    def ident(self) -> str:
        return self.key.split(":", 1)[1]


_SOURCE_NAMES = {
    "resolutions": "resolution", "documents": "document", "provisions": "provision",
    "amendments": "amendment", "notices": "notice", "job_classes": "job_class", "job_class": "job_class",
    "votes": "vote", "meetings": "meeting", "bodies": "body", "agreements": "agreement",
}


def normal_key(ref: str) -> str:
    """A reference as the issued register or a record writes it ("resolutions:x",
    "resolution:x", "meeting:y") in the form of a search key ("resolution:x")."""
    table, sep, ident = str(ref).partition(":")
    if not sep:
        return str(ref)
    return f"{_SOURCE_NAMES.get(table, table)}:{ident}"


def _tables(db: sqlite_utils.Database) -> set[str]:
    return set(db.table_names())


def _where_ids(ids, column="id"):
    if ids is None:
        return "", []
    ids = list(ids)
    column = column if "." in column else f"[{column}]"
    return f" where {column} in ({', '.join('?' for _ in ids)})", ids


def _json_list(value) -> list:
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return [str(value)]
    return parsed if isinstance(parsed, list) else [parsed]


def _text_of(items) -> str:
    parts = []
    for item in items:
        if isinstance(item, dict):
            parts.append(" ".join(str(v) for v in item.values() if isinstance(v, str)))
        else:
            parts.append(str(item))
    return "\n\n".join(parts)


def roll_calls(db: sqlite_utils.Database, subjects: list[str]) -> dict[str, dict[str, list[str]]]:
    """{subject: {option: [names]}} from the latest vote on each subject."""
    if not subjects or not {"votes", "vote_casts", "people"} <= _tables(db):
        return {}
    marks = ", ".join("?" for _ in subjects)
    rows = db.execute(
        f"""select v.subject, v.id, c.option, p.name from votes v
            join vote_casts c on c.vote = v.id join people p on p.id = c.person
            where v.subject in ({marks}) order by v.subject, v.rowid, p.name""",
        subjects,
    ).fetchall()
    latest: dict[str, str] = {}
    for subject, vote, _, _ in rows:
        latest[subject] = vote
    result: dict[str, dict[str, list[str]]] = {}
    for subject, vote, option, name in rows:
        if latest[subject] == vote:
            result.setdefault(subject, {}).setdefault(option, []).append(name)
    return result


def documents(db, ids=None) -> Iterator[SearchItem]:
    if "documents" not in _tables(db):
        return
    where, params = _where_ids(ids)
    for row in db.query(
        "select id, kind, title, number, label, date, body, text, public, closed_session,"
        f" related, metadata from documents{where}",
        params,
    ):
        meta = json.loads(row["metadata"] or "{}")
        yield SearchItem(
            key=f"document:{row['id']}", kind=row["kind"] or "document", title=row["title"],
            text=row["text"] or "", number=row["number"], label=row["label"], date=row["date"],
            body=row["body"], public=bool(row["public"]) and not row["closed_session"],
            votes=meta.get("roll_call") or {},
            related=[row["related"]] if row["related"] else [],
        )


def resolutions(db, ids=None) -> Iterator[SearchItem]:
    if "resolutions" not in _tables(db):
        return
    where, params = _where_ids(ids)
    rows = list(db.query(f"select * from resolutions{where}", params))
    votes = roll_calls(db, [f"resolution:{r['id']}" for r in rows])
    for row in rows:
        text = "\n\n".join(
            [row["title"], _text_of(_json_list(row.get("recitals"))), _text_of(_json_list(row.get("clauses")))]
        )
        related = [f"resolution:{row[c]}" for c in ("supersedes", "rescinds", "corrects") if row.get(c)]
        yield SearchItem(
            key=f"resolution:{row['id']}", kind="resolution", title=row["title"], text=text,
            number=row["number"], label=f"Resolution No. {row['number']}" if row["number"] else None,
            date=row["adopted_on"], body=row["body"],
            public=row["status"] in PUBLIC_RESOLUTION_STATUSES,
            votes=votes.get(f"resolution:{row['id']}", {}), related=related,
        )


def _citation(scheme: str, path: list[str]) -> str:
    try:
        from govdocs.legaltext import Citation, format_citation, scheme_named

        return format_citation(Citation(scheme_named(scheme).top.name, tuple(path), "short"))
    except Exception:  # an unknown scheme: the labels as they are
        return " ".join(path)


def provisions(db, ids=None) -> Iterator[SearchItem]:
    """Each unit of an agreement or by-laws in force, cited the way clerks cite
    it ("By-Laws Sec. 7.110(a)(2)")."""
    if not {"provisions", "agreements"} <= _tables(db):
        return
    agreements = {row["id"]: row for row in db.query("select * from agreements")}
    current = {
        row["uid"]: row
        for row in db.query("select * from provisions where valid_to is null order by valid_from")
    }
    wanted = None if ids is None else set(ids)
    for row in current.values():
        if wanted is not None and row["id"] not in wanted:
            continue
        agreement = agreements.get(row["agreement"], {})
        path = [row["label"]]
        parent = current.get(row["parent"]) if row.get("parent") else None
        while parent is not None:
            path.insert(0, parent["label"])
            parent = current.get(parent["parent"]) if parent.get("parent") else None
        name = agreement.get("short_title") or agreement.get("title") or row["agreement"]
        label = f"{name} {_citation(agreement.get('scheme') or '', path)}"
        yield SearchItem(
            key=f"provision:{row['id']}", kind=agreement.get("kind") or "agreement",
            title=f"{label} {row['heading'] or ''}".strip(), text=row["text"] or "",
            label=label, date=row["valid_from"], body=agreement.get("organization"), public=True,
            related=[f"amendment:{row['amendment']}"] if row.get("amendment") else [],
        )


def amendments(db, ids=None) -> Iterator[SearchItem]:
    if "amendments" not in _tables(db):
        return
    where, params = _where_ids(ids)
    for row in db.query(f"select * from amendments{where}", params):
        changes = []
        if "amendment_changes" in _tables(db):
            changes = [
                " ".join(filter(None, [c["action"], c["target"], c["heading"], c["text"]]))
                for c in db.query("select * from amendment_changes where amendment = ? order by seq", [row["id"]])
            ]
        related = [f"resolution:{row['board_resolution']}"] if row.get("board_resolution") else []
        if "ratifications" in _tables(db):
            related += [
                f"resolution:{r['resolution']}"
                for r in db.query("select resolution from ratifications where amendment = ? and resolution is not null", [row["id"]])
            ]
        yield SearchItem(
            key=f"amendment:{row['id']}", kind="amendment", title=row["title"],
            text="\n\n".join(filter(None, [row["title"], row.get("summary")] + changes)),
            date=row["effective_on"] or row["proposed_on"], body=row["body"], public=True,
            related=related,
        )


def notices(db, ids=None) -> Iterator[SearchItem]:
    if not {"notices", "meetings"} <= _tables(db):
        return
    where, params = _where_ids(ids, "n.id")
    for row in db.query(
        "select n.*, m.body as m_body, m.kind as m_kind, m.start as m_start, m.place as m_place"
        f" from notices n join meetings m on m.id = n.meeting{where}",
        params,
    ):
        title = row["subject"] or f"Notice of {row['m_kind']} meeting, {(row['m_start'] or '')[:10]}"
        text = "\n".join(
            filter(None, [title, row.get("m_place"), _text_of(_json_list(row.get("content_stated"))), row.get("citation")])
        )
        yield SearchItem(
            key=f"notice:{row['id']}", kind="notice", title=title, text=text,
            date=(row["posted_at"] or row["m_start"] or "")[:10] or None, body=row["m_body"],
            public=True, related=[f"meeting:{row['meeting']}"],
        )


def _strings(value) -> list[str]:
    """Every string inside a JSON value, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):  # the words of the record, not its structure tags
        return [s for k, v in value.items() if k not in ("kind", "type", "id", "style") for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def job_classes(db, ids=None) -> Iterator[SearchItem]:
    """Each class specification in its current revision."""
    if "job_classes" not in _tables(db):
        return
    where, params = _where_ids(ids)
    has_revisions = "job_class_revisions" in _tables(db)
    for row in db.query(f"select * from job_classes{where}", params):
        text_parts = [row.get("title") or "", row.get("designation") or "", row.get("bargaining_unit") or ""]
        if has_revisions:
            revision = next(db.query(
                "select record from job_class_revisions where job_class = ? and revision = ?",
                [row["id"], row.get("revision")]), None)
            if revision and revision["record"]:
                try:
                    text_parts += _strings(json.loads(revision["record"]))
                except ValueError:
                    text_parts.append(revision["record"])
        yield SearchItem(
            key=f"job_class:{row['id']}", kind="job-class", title=row.get("title") or row["id"],
            text="\n".join(p for p in text_parts if p), number=row.get("code"),
            label=f"Class {row['code']}" if row.get("code") else None,
            date=(row.get("updated_at") or "")[:10] or None, body=row.get("agency"), public=True,
        )


def issued(db, ids=None) -> Iterator[SearchItem]:
    """Issued documents, one item per document: its newest register entry."""
    if "issued" not in _tables(db):
        return
    where, params = _where_ids(ids)
    drafts = set()
    if "resolutions" in _tables(db):
        drafts = {f"resolution:{r[0]}" for r in db.execute("select id from resolutions where status = 'draft'")}
    latest = {tuple(r[:3]): r[3] for r in db.execute(
        "select kind, title, sources, max(id) from issued group by kind, title, sources")}
    for row in db.query(f"select * from issued{where}", params):
        if latest.get((row["kind"], row["title"], row["sources"]), row["id"]) != row["id"]:
            continue  # the same document again (another format, or re-issued): found by its latest
        sources = [normal_key(s) for s in _json_list(row["sources"])]
        yield SearchItem(
            key=f"issued:{row['id']}", kind=f"issued {row['kind']}", title=row["title"] or row["kind"],
            text="\n".join(filter(None, [row["title"], row["kind"].replace("-", " ")])),
            date=(row["issued_at"] or "")[:10] or None,
            public=not (set(sources) & drafts), related=[s for s in sources if ":" in s],
        )


_SAME_DOCUMENT = "kind = ? and title is ? and sources = ?"


def _same_document_keys(db, key: str) -> list[str]:
    """Every register entry of the same document as ``key`` (kind, title and
    source records): a DOCX, its PDF and a later re-issue are one search
    result, the newest, so a new entry may retire an older one."""
    row = db.execute("select kind, title, sources from issued where id = ?", [key]).fetchone()
    if row is None:
        return [f"issued:{key}"]
    return [f"issued:{r[0]}" for r in db.execute(f"select id from issued where {_SAME_DOCUMENT}", list(row))]


SOURCES: dict[str, Callable] = {
    "document": documents,
    "resolution": resolutions,
    "provision": provisions,
    "amendment": amendments,
    "notice": notices,
    "job_class": job_classes,
    "issued": issued,
}


def all_items(db) -> Iterator[SearchItem]:
    for source in SOURCES.values():
        yield from source(db)


def load(db, keys: Iterable[str]) -> dict[str, SearchItem]:
    """The items with these keys that exist (others are simply missing)."""
    by_source: dict[str, list[str]] = {}
    for key in keys:
        source, _, ident = key.partition(":")
        if source in SOURCES:
            by_source.setdefault(source, []).append(ident)
    found = {}
    for source, ids in by_source.items():
        for item in SOURCES[source](db, ids):
            found[item.key] = item
    return found


def keys_for_change(db, table: str, key: str) -> list[str]:
    """The search items a change to (table, key) may affect."""
    direct = {
        "documents": "document", "resolutions": "resolution", "provisions": "provision",
        "amendments": "amendment", "notices": "notice", "job_classes": "job_class", "issued": "issued",
    }
    try:
        if table == "issued":
            return _same_document_keys(db, key)
        if table in direct:
            return [f"{direct[table]}:{key}"]
        if table == "vote_casts":
            vote = json.loads(key)[0] if key.startswith("[") else key
            row = db.execute("select subject from votes where id = ?", [vote]).fetchone()
            return [row[0]] if row else []
        if table == "votes":
            row = db.execute("select subject from votes where id = ?", [key]).fetchone()
            return [row[0]] if row else []
        if table in ("amendment_changes", "ratifications"):
            row = db.execute(f"select amendment from [{table}] where id = ?", [key]).fetchone()
            return [f"amendment:{row[0]}"] if row else []
        if table == "agreements":
            return [f"provision:{r[0]}" for r in db.execute("select id from provisions where agreement = ?", [key])]
    except Exception:  # a table of another shape: nothing to follow
        return []
    if table == "job_class_revisions":
        row = db.execute("select job_class from job_class_revisions where id = ?", [key]).fetchone()
        return [f"job_class:{row[0]}"] if row else []
    return []
