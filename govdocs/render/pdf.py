"""PDF: DOCX to PDF through LibreOffice's headless converter, and packets
(several PDFs in one, with bookmarks and document metadata) through pypdf.

LibreOffice is optional on a user's machine; without it ``docx_to_pdf``
raises ``MissingTool`` saying how to install it. Each conversion runs with
its own throw-away LibreOffice profile (``-env:UserInstallation``), so
parallel conversions (tests, two clerks' commands) never clash.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from govdocs.errors import GovdocsError, InvalidInput, MissingTool, RecordError

INSTALL_HINT = (
    "LibreOffice is needed to make PDFs and was not found (no 'soffice' on PATH). "
    "Install it with: sudo apt-get install libreoffice-writer "
    "(Debian/Ubuntu; on macOS: brew install --cask libreoffice), "
    "or set GOVDOCS_SOFFICE to the soffice program."
)


def soffice() -> str:
    """The LibreOffice program, or ``MissingTool``."""
    configured = os.environ.get("GOVDOCS_SOFFICE")
    if configured:
        if shutil.which(configured) or Path(configured).exists():
            return configured
        raise MissingTool(f"GOVDOCS_SOFFICE={configured} does not exist. " + INSTALL_HINT)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise MissingTool(INSTALL_HINT)


def have_soffice() -> bool:
    try:
        soffice()
        return True
    except MissingTool:
        return False


def docx_to_pdf(sources, outdir=None, timeout: float = 240) -> list[Path]:
    """Convert .docx files to PDF (one LibreOffice run for all of them).

    Returns the PDF paths, in the order of ``sources``; they are written to
    ``outdir`` (default: the first source's folder) under the source's name
    with ``.pdf``.
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    sources = [Path(s) for s in sources]
    if not sources:
        return []
    for s in sources:
        if not s.exists():
            raise InvalidInput(f"no such file: {s}")
    program = soffice()
    outdir = Path(outdir) if outdir else sources[0].parent
    outdir.mkdir(parents=True, exist_ok=True)
    names = [s.stem for s in sources]
    if len(set(names)) != len(names):
        raise InvalidInput("documents converted together need different file names")
    with tempfile.TemporaryDirectory(prefix="govdocs-lo-") as profile:
        cmd = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export",
               "--outdir", str(outdir), *[str(s) for s in sources]]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  env={**os.environ, "HOME": profile})
        except subprocess.TimeoutExpired:
            raise GovdocsError(f"LibreOffice did not finish converting within {timeout:.0f} s") from None
    outputs = [outdir / f"{n}.pdf" for n in names]
    missing = [p for p in outputs if not p.exists()]
    if missing:
        detail = (done.stderr or done.stdout).strip()[-400:]
        raise GovdocsError(f"LibreOffice did not produce {', '.join(p.name for p in missing)}"
                           + (f": {detail}" if detail else ""))
    return outputs


def docx_bytes_to_pdf(data: bytes, name: str = "document") -> bytes:
    """Convert one DOCX given as bytes; returns the PDF's bytes."""
    with tempfile.TemporaryDirectory(prefix="govdocs-pdf-") as tmp:
        src = Path(tmp) / f"{name}.docx"
        src.write_bytes(data)
        (pdf,) = docx_to_pdf([src], Path(tmp) / "out")
        return pdf.read_bytes()


@dataclass
class PacketPart:
    """One document in a packet: its bookmark title and its PDF (a path or bytes)."""

    title: str
    pdf: object


def build_packet(parts: list[PacketPart], out=None, *, title: str, subject: str = "",
                 author: str = "", keywords: str = "", extra: dict | None = None) -> bytes:
    """One PDF from several, with a bookmark at the first page of each part
    and the document information (title, subject, author, keywords).

    An exhibit that is not a readable PDF is a ``RecordError`` naming it;
    nothing is written then. Returns the packet's bytes (and writes ``out``).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    if not parts:
        raise InvalidInput("a packet needs at least one document")
    writer = PdfWriter()
    for part in parts:
        source = part.pdf
        label = str(source) if isinstance(source, (str, os.PathLike)) else part.title
        try:
            if isinstance(source, (bytes, bytearray)):
                reader = PdfReader(io.BytesIO(source))
            else:
                if not Path(source).exists():
                    raise RecordError("exhibit file not found", file=source)
                reader = PdfReader(str(source))
            if len(reader.pages) == 0:
                raise RecordError("PDF has no pages", file=label)
            first = len(writer.pages)
            writer.append(reader, import_outline=False)
        except RecordError:
            raise
        except (PyPdfError, OSError, ValueError) as exc:
            raise RecordError(f"not a readable PDF ({exc})", file=label) from None
        writer.add_outline_item(title=part.title, page_number=first)
    info = {"/Title": title, "/Producer": "govdocs"}
    if subject:
        info["/Subject"] = subject
    if author:
        info["/Author"] = author
    if keywords:
        info["/Keywords"] = keywords
    for k, v in (extra or {}).items():
        info["/" + k.lstrip("/")] = str(v)
    writer.add_metadata(info)
    writer.page_mode = "/UseOutlines"
    buf = io.BytesIO()
    writer.write(buf)
    data = buf.getvalue()
    if out is not None:
        Path(out).write_bytes(data)
    return data


def pdf_text(source) -> str:
    """The text of a PDF (path or bytes), page after page (for tests and checks)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else str(source))
    return "\n".join(page.extract_text() or "" for page in reader.pages)
