"""Putting files into the archive, a batch at a time.

``ingest_paths(store, paths)`` reads each file (``extract``), cleans the text
(``clean``), reads its metadata (``metadata``) and stores a ``documents`` row
plus the original bytes, through the store's audited writes. A file already
in the archive (same SHA-256, whatever its name) is not stored again; a file
that cannot be read is reported with the reason and skipped while the rest go
in. Documents are written in transactions of ``BATCH`` files, so the search
index (kept in step by the store's after-commit hook) is updated a batch at a
time.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import multiprocessing
import os
import sys
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..errors import InvalidInput, MissingTool, NotFound
from . import clean, extract, metadata

BATCH = 200
PARALLEL_FROM = 6  # files in a batch from which extraction runs in worker processes
MAX_STORED_BYTES = 64 * 1024 * 1024


@dataclass
class Summary:
    added: list[str] = field(default_factory=list)  # document ids
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, id of the copy kept)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    needs_ocr: list[str] = field(default_factory=list)  # paths

    def lines(self) -> list[str]:
        out = [
            f"{len(self.added)} added, {len(self.duplicates)} already in the archive, "
            f"{len(self.failed)} could not be read"
            + (f", {len(self.needs_ocr)} need OCR" if self.needs_ocr else "")
        ]
        out += [f"  needs OCR (no text layer; install ocrmypdf and tesseract): {p}" for p in self.needs_ocr]
        out += [f"  skipped {p}: {reason}" for p, reason in self.failed]
        return out

    def as_dict(self) -> dict:
        return {
            "added": self.added, "duplicates": [list(d) for d in self.duplicates],
            "failed": [{"path": p, "reason": r} for p, r in self.failed], "needs_ocr": self.needs_ocr,
        }


@dataclass
class DocumentInput:
    """A document to archive that is not (only) a file: generated or typed."""

    title: str
    text: str
    kind: str | None = None
    number: str | None = None
    date: str | None = None
    body: str | None = None
    public: bool = False
    closed_session: bool = False
    related: str | None = None
    id: str | None = None


def _slug(text: str, limit: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "document"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_LABEL_LINE = re.compile(r"^(?:RESOLUTION|ORDINANCE|MINUTE ORDER)\s+(?:NO|NUMBER)\b", re.IGNORECASE)
_BODY_START = re.compile(r"^(?:WHEREAS|NOW,? THEREFORE|BE IT|SECTION)\b", re.IGNORECASE)


def _title_from(text: str, fallback: str) -> str:
    """The title a record gives itself: its first real line (a Markdown
    heading, or the upper-case title block of a scan, joined up)."""
    lines = [" ".join(line.lstrip("#").split()) for line in text.split("\n")]
    for i, line in enumerate(lines):
        if len(line) < 8 or sum(ch.isalpha() for ch in line) <= len(line) / 2 or _LABEL_LINE.match(line):
            continue
        title = line
        if line.isupper():  # a scanned title block runs over several lines
            for more in lines[i + 1 : i + 8]:
                if not more or not more.isupper() or _BODY_START.match(more) or len(title) > 200:
                    break
                title += " " + more
        return title[:240]
    return fallback


def _body_id(store, body_name: str | None, given: str | None) -> str | None:
    if given:
        if "bodies" in store.db.table_names() and store.find("bodies", given) is None:
            raise NotFound(f"no body '{given}' in the store (see `govdocs list bodies`)")
        return given
    if not body_name or "bodies" not in store.db.table_names():
        return None
    wanted = body_name.lower()
    for row in store.db.query("select b.id, b.name, o.name as org from bodies b left join organizations o on o.id = b.organization"):
        names = {(row["name"] or "").lower(), f"{row['name']} of the {row['org']}".lower()}
        if wanted in names or (row["org"] and row["org"].lower() in wanted and row["name"].lower() in wanted):
            return row["id"]
    return None


def document_row(text: str, *, title=None, kind=None, number=None, date=None, body=None,
                 public=False, closed_session=False, related=None, sha256, source=None,
                 filename=None, media_type=None, size=None, pages=None, status="ok",
                 store=None, ident=None, meta: metadata.Metadata | None = None) -> dict:
    """The ``documents`` row for a cleaned text and what is known of it."""
    meta = meta or metadata.extract(text)
    title = title or _title_from(text, filename or "Untitled document")
    body_id = _body_id(store, meta.body, body) if store is not None else body
    return {
        "id": ident or f"{_slug(Path(filename).stem if filename else title)}-{sha256[:8]}",
        "kind": kind or meta.kind or "document",
        "title": title,
        "number": number or meta.number,
        "label": meta.label if not number else None,
        "date": date or meta.date,
        "body": body_id,
        "meeting_kind": meta.meeting_kind,
        "source": source,
        "filename": filename,
        "media_type": media_type or "text/plain",
        "sha256": sha256,
        "size": size,
        "pages": pages or text.count("\f") + 1,
        "text": text,
        "status": status,
        "public": 1 if public else 0,
        "closed_session": 1 if closed_session else 0,
        "related": related,
        "metadata": json.dumps({**meta.as_dict(), "body_as_written": meta.body}, ensure_ascii=False),
        "ingested_at": _now(),
    }


def _existing(store, sha256: str) -> str | None:
    row = store.db.execute("select id from documents where sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def add_documents(store, inputs: Iterable[DocumentInput], batch: int = BATCH) -> Summary:
    """Archive generated or typed documents (no file); duplicates by SHA-256 of the text."""
    summary = Summary()
    pending: list[dict] = []

    def flush():
        if pending:
            with store.transaction():
                for row in pending:
                    store.insert("documents", row)
            pending.clear()

    seen: set[str] = set()
    for doc in inputs:
        sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        kept = _existing(store, sha) or (sha if sha in seen else None)
        if kept:
            summary.duplicates.append((doc.title, kept))
            continue
        seen.add(sha)
        text = clean.clean_text(doc.text)
        row = document_row(
            text, title=doc.title, kind=doc.kind, number=doc.number, date=doc.date, body=doc.body,
            public=doc.public, closed_session=doc.closed_session, related=doc.related, sha256=sha,
            store=store, ident=doc.id,
        )
        pending.append(row)
        summary.added.append(row["id"])
        if len(pending) >= batch:
            flush()
    flush()
    return summary


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files of folders named (recursively), sorted."""
    out = []
    for path in map(Path, paths):
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and extract.media_type(p)))
        else:
            out.append(path)
    return out


def read_file(path: Path):
    """Extract, clean and read the metadata of one file (runs in a worker):
    ("ok", (media type, pages, status, text, metadata)) or ("error", reason)."""
    try:
        got = extract.extract(path)
    except (extract.Unreadable, MissingTool) as error:
        return "error", str(error)
    text = clean.clean_text(got.text)
    return "ok", (got.media_type, len(got.pages), got.status, text, metadata.extract(text))


def workers_for(count: int) -> int:
    """Worker processes for a batch: one per core (at most 4), none for a few files."""
    if count < PARALLEL_FROM:
        return 0
    return max(0, min(os.cpu_count() or 1, 4))


def _read_all(paths: list[Path]):
    """``read_file`` over the paths, in order; in worker processes when there are many."""
    workers = workers_for(len(paths))
    if workers < 2 or multiprocessing.get_start_method(allow_none=True) not in (None, "fork") \
            or sys.platform != "linux":
        for path in paths:
            yield read_file(path)
        return
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(read_file, paths, chunksize=1)


def ingest_paths(store, paths: Iterable[str | Path], *, kind=None, body=None, public=False,
                 closed_session=False, progress: Callable[[Path], None] | None = None, batch: int = BATCH) -> Summary:
    """Archive files; see the module docstring for what happens to each."""
    files = expand(paths)
    if not files:
        raise InvalidInput("no files to ingest (PDF, DOCX, Markdown or text)")
    if body and "bodies" in store.db.table_names() and store.find("bodies", body) is None:
        raise NotFound(f"no body '{body}' in the store (see `govdocs list bodies`)")
    summary = Summary()
    pending: list[tuple[dict, bytes]] = []
    seen: dict[str, str] = {}

    def flush():
        if not pending:
            return
        with store.transaction():
            for row, data in pending:
                store.insert("documents", row)
                if len(data) <= MAX_STORED_BYTES:
                    store.conn.execute(
                        "insert or ignore into document_files (sha256, filename, media_type, content)"
                        " values (?, ?, ?, ?)",
                        [row["sha256"], row["filename"], row["media_type"], data],
                    )
        pending.clear()

    to_read: list[tuple[Path, bytes, str]] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as error:
            summary.failed.append((str(path), error.strerror or str(error)))
            if progress:
                progress(path)
            continue
        sha = hashlib.sha256(data).hexdigest()
        kept = _existing(store, sha) or seen.get(sha)
        if kept:
            summary.duplicates.append((str(path), kept))
            if progress:
                progress(path)
            continue
        seen[sha] = "(this batch)"
        to_read.append((path, data, sha))
    seen.clear()
    for (path, data, sha), (outcome, payload) in zip(to_read, _read_all([p for p, _, _ in to_read])):
        if progress:
            progress(path)
        if outcome == "error":
            summary.failed.append((str(path), payload))
            continue
        media, pages, status, text, meta = payload
        row = document_row(
            text, kind=kind, body=body, public=public, closed_session=closed_session, sha256=sha,
            source=str(path.resolve()),
            filename=path.name, media_type=media, size=len(data), pages=pages,
            status=status, store=store, meta=meta,
        )
        if status == "needs-ocr":
            summary.needs_ocr.append(str(path))
        pending.append((row, data))
        summary.added.append(row["id"])
        if len(pending) >= batch:
            flush()
    flush()
    return summary
