"""The register of issued documents.

Every file govdocs writes for a clerk (a resolution, a certificate, a PDF, a
packet, a notice) is recorded with its SHA-256, the template it came from
(name and SHA-256 of the template file), its title and the records it was
made from. ``verify_file`` answers: did govdocs issue this file, and is it
unaltered?
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InvalidInput

FORMATS = ("docx", "pdf", "md", "html", "packet")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _format_of(path: Path) -> str:
    ext = path.suffix.lower().lstrip(".")
    return ext if ext in FORMATS else (ext or "file")


def register_issued(store, path, *, kind: str, template: str | None = None,
                    template_sha256: str | None = None, title: str | None = None,
                    sources=(), fmt: str | None = None) -> dict:
    """Record a file govdocs wrote; returns the register row."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"cannot register {path}: no such file")
    row = {
        "sha256": sha256_file(path), "path": str(path.resolve()), "kind": kind,
        "template": template, "title": title,
        "sources": json.dumps(list(sources), ensure_ascii=False),
        "issued_at": _now(), "actor": store.actor,
        "template_sha256": template_sha256, "format": fmt or _format_of(path),
    }
    with store.transaction():
        key = store.insert("issued", row)
    return store.get("issued", key)


@dataclass
class Issued:
    """The files one ``issue_document`` call wrote, and their register rows."""

    kind: str
    title: str
    sources: list[str]
    paths: list[Path] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)

    @property
    def sha256(self) -> list[str]:
        return [r["sha256"] for r in self.records]


def write_bytes(out, data: bytes) -> Path:
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    return out


def issue_rendered(store, data, out, *, kind: str, template: str | None, title: str,
                   sources, pdf: bool = False) -> Issued:
    """Write already-rendered bytes/text to ``out`` (and its PDF), and register them."""
    from ..render import compiled, docx_to_pdf, find_template

    issued = Issued(kind, title, list(sources))
    out = Path(out)
    if isinstance(data, str):
        data = data.encode("utf-8")
    write_bytes(out, data)
    template_sha = None
    if template:
        path = find_template(template)
        template_sha = compiled(path).sha256 if path.suffix == ".docx" else sha256_file(path)
    issued.paths.append(out)
    issued.records.append(register_issued(store, out, kind=kind, template=template,
                                          template_sha256=template_sha, title=title,
                                          sources=sources))
    if pdf:
        if out.suffix.lower() != ".docx":
            raise InvalidInput("only a .docx can be converted to PDF")
        (pdf_path,) = docx_to_pdf([out], out.parent)
        issued.paths.append(pdf_path)
        issued.records.append(register_issued(store, pdf_path, kind=kind, template=template,
                                              template_sha256=template_sha, title=title,
                                              sources=sources, fmt="pdf"))
    return issued


def issue_document(store, kind: str, key, *, out, pdf: bool = False, fmt: str = "docx",
                   context: dict | None = None, **options) -> Issued:
    """Build ``kind``'s context for record ``key`` (or use ``context``), render
    it as ``fmt`` (docx, md or html), write ``out`` (and a PDF beside it when
    ``pdf``), and register every file written."""
    from ..render import build_context, get_kind, render

    k = get_kind(kind)
    ctx = context if context is not None else build_context(kind, store, key, **options)
    data = render(k, ctx, fmt)
    template = k.docx if fmt == "docx" else k.markdown
    title = str(ctx.get("document_title") or f"{kind} {key}")
    sources = ctx.get("sources") or [str(key)]
    return issue_rendered(store, data, out, kind=kind, template=template, title=title,
                          sources=sources, pdf=pdf)


@dataclass
class Verification:
    path: str
    sha256: str
    status: str                     # unaltered | altered | unknown
    records: list[dict]

    @property
    def ok(self) -> bool:
        return self.status == "unaltered"

    def message(self) -> str:
        if self.status == "unaltered":
            r = self.records[0]
            return (f"{self.path}: issued by govdocs and unaltered - {r['kind']} "
                    f"\u201c{r['title']}\u201d, issued {r['issued_at']} by {r['actor']} "
                    f"(SHA-256 {self.sha256})")
        if self.status == "altered":
            r = self.records[-1]
            return (f"{self.path}: ALTERED - govdocs issued a file at this path "
                    f"({r['kind']} \u201c{r['title']}\u201d, {r['issued_at']}) with SHA-256 "
                    f"{r['sha256']}, but this file's SHA-256 is {self.sha256}")
        return (f"{self.path}: not a document govdocs issued (no issued document has "
                f"SHA-256 {self.sha256})")


def verify_file(store, path) -> Verification:
    """Whether ``path`` is a document govdocs issued, and unaltered."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"no such file: {path}")
    digest = sha256_file(path)
    same = store.rows("issued", "sha256 = ?", [digest], order_by="id")
    if same:
        return Verification(str(path), digest, "unaltered", same)
    at_path = store.rows("issued", "path = ?", [str(path.resolve())], order_by="id")
    if at_path:
        return Verification(str(path), digest, "altered", at_path)
    return Verification(str(path), digest, "unknown", [])


def list_issued(store, kind: str | None = None) -> list[dict]:
    if kind:
        return store.rows("issued", "kind = ?", [kind], order_by="id")
    return store.rows("issued", order_by="id")
