"""The text of a document file, for importers: .txt, .md, .docx and .pdf.

Small readers that turn a file into plain text the pure parsers understand:

* text and Markdown files are decoded (UTF-8, or Windows-1252 for old files);
* Word files are read with python-docx in document order; heading styles
  become Markdown headings, a short paragraph all in bold becomes a bold
  line, list styles become "-" or "1." items, tables
  become rows of cells separated by " | ", and paragraphs are separated by
  blank lines;
* PDF files are read with poppler's ``pdftotext -layout`` when it is
  installed (it keeps columns and the blank lines between paragraphs), else
  with pypdf's layout mode.

A file that cannot be read raises :class:`govdocs.errors.RecordError` naming
it; an unknown kind of file raises :class:`govdocs.errors.InvalidInput`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from .errors import InvalidInput, RecordError

__all__ = ["read_text", "docx_text", "pdf_text", "TEXT_SUFFIXES", "SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
SUFFIXES = TEXT_SUFFIXES + (".docx", ".pdf")


def read_text(path) -> str:
    """The text of a .txt, .md, .docx or .pdf file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise RecordError("no such file", file=path)
    if suffix in TEXT_SUFFIXES:
        data = path.read_bytes()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    if suffix == ".docx":
        return docx_text(path)
    if suffix == ".pdf":
        return pdf_text(path)
    raise InvalidInput(
        f"{path}: cannot read a {suffix or 'suffix-less'} file (expected one of {', '.join(SUFFIXES)})"
    )


def _list_prefix(style: str, counters: dict) -> str | None:
    low = style.lower()
    level = 0
    m = re.search(r"(\d+)$", low)
    if m:
        level = max(int(m.group(1)) - 1, 0)
    indent = "  " * level
    if "list number" in low:
        counters[level] = counters.get(level, 0) + 1
        return f"{indent}{counters[level]}. "
    if "list bullet" in low or low.startswith("list paragraph"):
        return f"{indent}- "
    return None


def docx_text(path) -> str:
    """The text of a Word file, paragraphs and tables in document order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a bad package
        raise RecordError(f"cannot read the Word file: {exc}", file=path) from exc
    blocks: list[str] = []
    counters: dict[int, int] = {}
    in_list = False
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(element, document)
            text = para.text.replace("\t", "    ").strip()
            style = para.style.name if para.style is not None else ""
            if not text:
                continue
            prefix = _list_prefix(style, counters)
            numbered = element.pPr is not None and element.pPr.numPr is not None
            if prefix is None and numbered:
                prefix = "- "
            if prefix is not None:
                if not in_list and blocks:
                    blocks.append("")
                blocks.append(prefix + text)
                in_list = True
                continue
            counters.clear()
            in_list = False
            heading = re.match(r"(?i)heading (\d)", style)
            runs = [r for r in para.runs if r.text.strip()]
            if style.lower() == "title":
                text = "# " + text
            elif heading:
                text = "#" * min(int(heading.group(1)) + 1, 6) + " " + text
            elif runs and all(r.bold for r in runs) and len(text.split()) <= 8 and "*" not in text:
                text = "**" + text.rstrip(":") + "**" + (":" if text.endswith(":") else "")
            if blocks:
                blocks.append("")
            blocks.append(text)
        elif tag == "tbl":
            table = Table(element, document)
            if blocks:
                blocks.append("")
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or cells[-1] != value:  # merged cells repeat
                        cells.append(value)
                blocks.append(" | ".join(cells))
            counters.clear()
            in_list = False
    return "\n".join(blocks) + "\n"


def pdf_text(path) -> str:
    """The text of a PDF, laid out as on the page."""
    tool = shutil.which("pdftotext")
    if tool:
        proc = subprocess.run([tool, "-layout", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, timeout=120)
        if proc.returncode != 0:
            raise RecordError(
                f"cannot read the PDF: {proc.stderr.decode('utf-8', 'replace').strip()}", file=path)
        return proc.stdout.decode("utf-8", errors="replace")
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise RecordError(f"cannot read the PDF: {exc}", file=path) from exc
    return "\n\f".join(pages)
