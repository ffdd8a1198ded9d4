"""Job classes in the store: save with revisions, look up, list.

``save_job_class`` is how a class gets in (an import, an edit): the class is
stored whole as JSON in a new revision when it differs from the current one;
an unchanged class adds nothing. Old revisions stay and cannot change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

from ..errors import InvalidInput, NotFound
from ..jobclass import Coverage, JobClass

__all__ = ["save_job_class", "load_job_class", "job_class_row", "list_job_classes",
           "revisions", "Saved", "class_id", "resolve"]


@dataclass
class Saved:
    """What saving a class did: ``new`` class, ``revised`` or ``unchanged``."""

    id: str
    revision: int
    status: str

    def to_dict(self) -> dict:
        return {"id": self.id, "revision": self.revision, "status": self.status}


def class_id(agency: str, code: str) -> str:
    return f"{agency}:{code}"


def _record_json(jc: JobClass) -> str:
    d = jc.to_dict()
    d.pop("history", None)
    d.pop("levels", None)
    return json.dumps(d, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _check_agency(store, agency: str) -> None:
    """An agency must be one of the organizations, once there are any."""
    db = store.db
    if "organizations" not in db.table_names() or not db["organizations"].count:
        return
    if store.find("organizations", agency) is None:
        known = ", ".join(r["id"] for r in store.rows("organizations", order_by="id"))
        raise NotFound(f"no organization {agency!r} (known: {known})")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def save_job_class(store, jc: JobClass, *, agency: str, source: str | None = None,
                   coverage: Coverage | None = None) -> Saved:
    """Store ``jc`` for ``agency`` as a new class or a new revision of it."""
    if not agency:
        raise InvalidInput("an agency is needed to keep a job class (give --agency)")
    _check_agency(store, agency)
    code = jc.code or _slug(jc.title)
    if not code:
        raise InvalidInput(f"{source or 'the class'}: has neither a class code nor a title")
    key = class_id(agency, code)
    record = _record_json(jc)
    digest = hashlib.sha256(record.encode("utf-8")).hexdigest()
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    header = {"agency": agency, "code": code, "title": jc.title or code,
              "designation": jc.designation, "bargaining_unit": jc.bargaining_unit,
              "flsa": jc.flsa, "eeo": jc.eeo, "updated_at": now}
    with store.transaction():
        current = store.find("job_classes", key)
        if current is not None:
            last = store.get("job_class_revisions", f"{key}@{current['revision']}")
            if last["sha256"] == digest:
                return Saved(key, current["revision"], "unchanged")
            revision, status = current["revision"] + 1, "revised"
            store.update("job_classes", key, {"revision": revision, **header})
        else:
            revision, status = 1, "new"
            store.insert("job_classes", {"id": key, "revision": revision, **header})
        store.insert("job_class_revisions", {
            "id": f"{key}@{revision}", "job_class": key, "revision": revision,
            "sha256": digest, "record": record, "source": source,
            "coverage": round(coverage.ratio, 4) if coverage else None,
            "uncovered": json.dumps([[n, t] for n, t in coverage.uncovered]) if coverage else None,
            "saved_at": now,
        })
        return Saved(key, revision, status)


def resolve(store, ref: str, agency: str | None = None) -> tuple[str, int | None]:
    """(class id, revision or None) for "CODE", "AGENCY:CODE", with "@N" for a revision."""
    revision = None
    m = re.fullmatch(r"(.+)@(\d+)", ref)
    if m:
        ref, revision = m.group(1), int(m.group(2))
    if store.find("job_classes", ref):
        return ref, revision
    if agency and store.find("job_classes", class_id(agency, ref)):
        return class_id(agency, ref), revision
    rows = store.rows("job_classes", "code = ?", [ref])
    if len(rows) == 1:
        return rows[0]["id"], revision
    if len(rows) > 1:
        raise InvalidInput(f"class code {ref!r} is used by several agencies "
                           f"({', '.join(r['agency'] for r in rows)}); give --agency or AGENCY:CODE")
    raise NotFound(f"no job class {ref!r}" + (f" for agency {agency!r}" if agency else ""))


def job_class_row(store, ref: str, agency: str | None = None) -> dict:
    key, _ = resolve(store, ref, agency)
    return store.get("job_classes", key)


def load_job_class(store, ref: str, agency: str | None = None) -> tuple[JobClass, dict]:
    """The class (current revision, or the one named "CODE@N") and its revision row."""
    key, revision = resolve(store, ref, agency)
    row = store.get("job_classes", key)
    number = revision or row["revision"]
    rev = store.find("job_class_revisions", f"{key}@{number}")
    if rev is None:
        raise NotFound(f"job class {key} has no revision {number} (it has 1 to {row['revision']})")
    return JobClass.from_dict(json.loads(rev["record"])), rev


def list_job_classes(store, agency: str | None = None, order: str = "code") -> list[dict]:
    if order not in ("code", "title"):
        raise InvalidInput(f"cannot order job classes by {order!r} (expected code or title)")
    where, params = ("agency = ?", [agency]) if agency else (None, [])
    rows = store.rows("job_classes", where, params)
    return sorted(rows, key=(lambda r: (r["agency"], _code_key(r["code"])))
                  if order == "code" else (lambda r: (r["agency"], r["title"].lower(), r["code"])))


def _code_key(code: str):
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", code)]


def revisions(store, ref: str, agency: str | None = None) -> list[dict]:
    key, _ = resolve(store, ref, agency)
    return store.rows("job_class_revisions", "job_class = ?", [key], order_by="revision")


# -- importing files and publishing the book ------------------------------------


def read_specs(paths) -> list:
    """Read and parse every file first (all or nothing): a list of Imported."""
    from ..jobclass_parse import parse_text
    from ..textfiles import read_text

    return [parse_text(read_text(p), source=str(p)) for p in paths]


def agency_for(store, imported, agency: str | None) -> str | None:
    """The agency id: the one given, or the organization whose name the spec's
    header names (None when neither)."""
    if agency:
        return agency
    name = (imported.job_class.agency or "").strip().lower()
    if name and "organizations" in store.db.table_names():
        for row in store.rows("organizations"):
            if row["name"].lower() == name or (row.get("short_name") or "").lower() == name:
                return row["id"]
    return None


def import_specs(store, paths, agency: str | None = None) -> list[dict]:
    """Import spec files into the store in one transaction; one dict per file:
    the parsed structure, its coverage and what was saved (None when no
    agency is known: then the file is only read)."""
    results = read_specs(paths)
    out = []
    with store.transaction():
        for imported in results:
            d = imported.to_dict()
            who = agency_for(store, imported, agency)
            saved = save_job_class(store, imported.job_class, agency=who, source=imported.source,
                                   coverage=imported.coverage) if who else None
            d["saved"] = saved.to_dict() if saved else None
            out.append(d)
    return out


def write_book(store, agency: str, out, *, order: str = "code", pdf: bool = False):
    """Write the agency's class-specification book as DOCX (and PDF); register both."""
    from .issued import issue_document

    return issue_document(store, "jobclass-book", agency, out=out, pdf=pdf, order=order)
