"""Migration 0003: what the issued-documents register needs beyond the core.

* ``issued.template_sha256``: the SHA-256 of the template file a document was
  rendered from (the template name alone does not say which version);
* ``issued.format``: docx, pdf, md, html or packet.
"""

from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    columns = {c.name for c in db["issued"].columns}
    if "template_sha256" not in columns:
        db.conn.execute("alter table issued add column template_sha256 text")
    if "format" not in columns:
        db.conn.execute("alter table issued add column format text")
    db.conn.execute("create index if not exists issued_path on issued(path)")
