"""Migration 0007: the archive of documents the office issued or received.

* ``documents``: one row per archived file (or generated text): what it is
  (kind, number, label such as "RESOLUTION NO. 79-91", date, body, meeting
  kind), where it came from (source path, file name, media type, SHA-256,
  size, pages), its cleaned text with pages separated by form feeds, whether
  it is public, whether it was read from a closed session, its status
  (``ok``, ``needs-ocr``, ``ocr``) and the rest of what the text gave as JSON
  (dates, body as written, roll call). The SHA-256 is unique: a file is
  archived once.
* ``document_files``: the original bytes, by SHA-256, so the archive (and
  the public archive made from it) can hand out the original. The audited
  ``documents`` row carries the hash, so the bytes are checked against it.

The search index is not here: it is derived from these rows and the records
(see ``govdocs.archive.index``) and lives beside the store.
"""

from __future__ import annotations

import sqlite_utils

STATEMENTS = [
    """create table if not exists documents (
        id text primary key,
        kind text not null default 'document',
        title text not null,
        number text,
        label text,
        date text,
        body text,
        meeting_kind text,
        source text,
        filename text,
        media_type text,
        sha256 text not null,
        size integer,
        pages integer,
        text text not null default '',
        status text not null default 'ok' check (status in ('ok', 'needs-ocr', 'ocr')),
        public integer not null default 0 check (public in (0, 1)),
        closed_session integer not null default 0 check (closed_session in (0, 1)),
        related text,
        metadata text not null default '{}',
        ingested_at text not null
    )""",
    "create unique index if not exists documents_sha256 on documents(sha256)",
    "create index if not exists documents_kind_date on documents(kind, date)",
    """create table if not exists document_files (
        sha256 text primary key,
        filename text,
        media_type text,
        content blob not null
    )""",
]


def migrate(db: sqlite_utils.Database) -> None:
    for statement in STATEMENTS:
        db.conn.execute(statement)
