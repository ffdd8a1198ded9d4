"""Text out of files: PDF (page by page), DOCX, Markdown and plain text.

PDF text comes from PDFium (pypdfium2) when it is installed, else from
poppler's ``pdftotext``, else from pypdf; the first two read several times
more pages a second than pypdf (``benchmarks/ingest.py`` measures it). A PDF
with no text layer is a scan: when OCRmyPDF (with Tesseract) is installed it
is OCRed, otherwise it is marked "needs OCR" and kept with empty text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MissingTool

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".txt": "text/plain",
    ".text": "text/plain",
}
_NOT_LETTER = re.compile(r"[\W_]+")
MIN_TEXT_PER_PAGE = 20  # fewer letters than this on every page: a scan


class Unreadable(Exception):
    """The file cannot be read (the reason is the message)."""


@dataclass
class Extracted:
    pages: list[str]
    media_type: str
    status: str = "ok"  # ok, needs-ocr, ocr
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\f".join(self.pages)


def media_type(path: Path) -> str | None:
    return MEDIA_TYPES.get(path.suffix.lower())


def pdf_pages(path: Path, engine: str | None = None) -> list[str]:
    """The text of each page of a PDF, with the fastest engine available."""
    engines = [engine] if engine else ["pdfium", "pdftotext", "pypdf"]
    last_error = None
    for name in engines:
        try:
            if name == "pdfium":
                return _pdfium_pages(path)
            if name == "pdftotext":
                return _pdftotext_pages(path)
            if name == "pypdf":
                return _pypdf_pages(path)
        except (ImportError, MissingTool) as error:
            last_error = error
            continue
    raise MissingTool(f"no PDF text extractor is available ({last_error})")


def _pdfium_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise Unreadable(f"not a readable PDF ({error})") from error
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _pdftotext_pages(path: Path) -> list[str]:
    tool = shutil.which("pdftotext")
    if not tool:
        raise MissingTool("pdftotext (poppler-utils) is not installed")
    run = subprocess.run([tool, "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    if run.returncode != 0:
        raise Unreadable(f"not a readable PDF ({run.stderr.decode(errors='replace').strip()})")
    text = run.stdout.decode("utf-8", errors="replace")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def _pypdf_pages(path: Path) -> list[str]:
    import pypdf

    try:
        reader = pypdf.PdfReader(str(path))
        return [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # pypdf raises many kinds on a broken file
        raise Unreadable(f"not a readable PDF ({error})") from error


def ocr_available() -> bool:
    return bool(shutil.which("ocrmypdf") and shutil.which("tesseract"))


def ocr_pdf(path: Path) -> list[str]:
    """OCR a scanned PDF with OCRmyPDF and return its pages' text."""
    if not ocr_available():
        raise MissingTool("OCRmyPDF and Tesseract are needed to read a scanned PDF")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ocr.pdf"
        run = subprocess.run(
            ["ocrmypdf", "--quiet", "--skip-text", "--output-type", "pdf", str(path), str(out)],
            capture_output=True,
        )
        if run.returncode != 0:
            raise Unreadable(f"OCR failed ({run.stderr.decode(errors='replace').strip()[-300:]})")
        return pdf_pages(out)


def _docx_text(path: Path) -> list[str]:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises zip and XML errors
        raise Unreadable(f"not a readable DOCX ({error})") from error
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return ["\n".join(parts)]


def _plain_text(path: Path) -> list[str]:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise Unreadable("binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.split("\f")


def _markdown_text(path: Path) -> list[str]:
    pages = _plain_text(path)
    text = "\f".join(pages)
    if text.startswith("+++"):
        end = text.find("\n+++", 3)
        if end != -1:
            text = text[end + 4 :]
    return text.split("\f")


def extract(path: Path, *, ocr: bool | None = None) -> Extracted:
    """The text of a file; ``Unreadable`` says why it could not be read."""
    path = Path(path)
    kind = media_type(path)
    if kind is None:
        raise Unreadable(f"unknown file type '{path.suffix or path.name}' (PDF, DOCX, Markdown or text)")
    if not path.is_file():
        raise Unreadable("no such file")
    if kind == "application/pdf":
        pages = pdf_pages(path)
        letters = sum(len(_NOT_LETTER.sub("", page)) for page in pages)
        if pages and letters < MIN_TEXT_PER_PAGE * len(pages):
            if ocr is not False and ocr_available():
                return Extracted(ocr_pdf(path), kind, "ocr")
            return Extracted(pages, kind, "needs-ocr", ["no text layer: needs OCR"])
        return Extracted(pages, kind)
    if kind == MEDIA_TYPES[".docx"]:
        return Extracted(_docx_text(path), kind)
    if kind == "text/markdown":
        return Extracted(_markdown_text(path), kind)
    return Extracted(_plain_text(path), kind)
