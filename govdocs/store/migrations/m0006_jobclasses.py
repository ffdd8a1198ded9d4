"""Job classes and their revisions.

* ``job_classes``: one row per class of an agency (``id`` is
  ``agency:code``), with the header facts of its current revision for lists
  and search, and ``revision`` (the number of the current one).
* ``job_class_revisions``: every version of a class ever imported or edited,
  numbered from 1. ``record`` is the whole class as JSON (header, salary,
  ordered sections with their items); ``sha256`` is the hash of that JSON, so
  re-importing an unchanged spec adds nothing. A revision is evidence: it
  cannot be updated or deleted (triggers).
"""

from __future__ import annotations

import sqlite_utils

from .m0001_core import split_statements

TRIGGERS = """
CREATE TRIGGER job_class_revisions_no_update BEFORE UPDATE ON job_class_revisions
BEGIN
    SELECT RAISE(ABORT, 'a job class revision cannot be changed; import or save a new revision');
END;
CREATE TRIGGER job_class_revisions_no_delete BEFORE DELETE ON job_class_revisions
BEGIN
    SELECT RAISE(ABORT, 'a job class revision cannot be deleted');
END;
"""


def migrate(db: sqlite_utils.Database) -> None:
    db["job_classes"].create(
        {"id": str, "agency": str, "code": str, "title": str, "designation": str,
         "bargaining_unit": str, "flsa": str, "eeo": str, "revision": int, "updated_at": str},
        pk="id", not_null={"agency", "code", "title", "revision"},
    )
    db["job_classes"].create_index(["agency", "code"], unique=True)
    db["job_class_revisions"].create(
        {"id": str, "job_class": str, "revision": int, "sha256": str, "record": str,
         "source": str, "coverage": float, "uncovered": str, "saved_at": str},
        pk="id", not_null={"job_class", "revision", "sha256", "record"},
        foreign_keys=[("job_class", "job_classes", "id")],
    )
    db["job_class_revisions"].create_index(["job_class", "revision"], unique=True)
    for statement in split_statements(TRIGGERS):
        db.conn.execute(statement)
