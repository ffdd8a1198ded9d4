"""Helpers for the job-class tests: make DOCX and PDF files from fixture text.

The DOCX is what a personnel clerk retyping the spec into Word would make:
paragraphs (hard-wrapped lines joined), Word's list styles for bullets and
numbers, heading styles for section headings, a real table for a salary
table. The PDF is either this DOCX converted by LibreOffice or the text laid
out by :mod:`pdfmaker`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.shared import Inches, Pt

from govdocs.jobclass import heading_name

_MARKER = re.compile(r"^(?:[•·\-*–]|\d{1,2}[.)]|[a-z][.)])\s+")


def logical_lines(text: str) -> list[str]:
    """The text with hard-wrapped lines joined; blank lines kept."""
    out: list[str] = []
    prev_blank = True
    for raw in text.splitlines():
        line = raw.replace("\u00a0", " ").rstrip()
        stripped = line.strip()
        if not stripped:
            out.append("")
            prev_blank = True
            continue
        if (not prev_blank and out and len(out[-1].strip()) >= 60 and not out[-1].endswith(":")
                and not _is_table_row(out[-1]) and not _is_table_row(stripped)
                and not _MARKER.match(stripped) and not stripped.startswith(("#", "|"))
                and not re.match(r"^[A-Z][\w' -]{0,30}:(\s|$)", stripped)):
            out[-1] = out[-1] + " " + stripped
        else:
            out.append(line)
        prev_blank = False
    return out


def _is_table_row(line: str) -> bool:
    cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
    amounts = sum(bool(re.fullmatch(r"\$[\d,]+(?:\.\d\d)?", c)) for c in cells)
    steps = sum(bool(re.fullmatch(r"Step \w+", c)) for c in cells)
    return len(cells) >= 3 and (amounts >= 2 or steps >= 2)


def make_docx(text: str, path) -> Path:
    document = docx.Document()
    table_rows: list[list[str]] = []

    def flush_table():
        if not table_rows:
            return
        width = max(len(r) for r in table_rows)
        table = document.add_table(rows=0, cols=width)
        table.autofit = False
        for row in table_rows:
            cells = table.add_row().cells
            padded = [""] * (width - len(row)) + row
            for cell, value in zip(cells, padded):
                cell.text = value
                cell.width = Inches(6.5 / width)
        for column in table.columns:
            column.width = Inches(6.5 / width)
        table_rows.clear()

    for line in logical_lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if _is_table_row(stripped):
            table_rows.append([c for c in re.split(r"\s{2,}", stripped) if c])
            continue
        flush_table()
        stripped = stripped.replace("**", "")
        indent = len(line) - len(line.lstrip())
        m = re.match(r"^(#+)\s+(.*)$", stripped)
        if m:
            if len(m.group(1)) == 1:
                document.add_paragraph(m.group(2), style="Title")
            else:
                document.add_heading(m.group(2), level=1)
            continue
        m = re.match(r"^[•·\-*–]\s+(.*)$", stripped)
        if m:
            document.add_paragraph(m.group(1), style="List Bullet 2" if indent >= 4 and not stripped.startswith("•") else "List Bullet")
            continue
        m = re.match(r"^(\d{1,2})[.)]\s+(.*)$", stripped)
        if m:
            document.add_paragraph(m.group(2), style="List Number")
            continue
        m = re.match(r"^[a-z][.)]\s+(.*)$", stripped)
        if m:
            document.add_paragraph(m.group(1), style="List Number 2")
            continue
        head = stripped.rstrip(":")
        if (heading_name(head, keywords=False) not in (None,) and (head.isupper() or head.istitle())
                and len(head.split()) <= 6):
            document.add_heading(head, level=1)
            continue
        para = document.add_paragraph(stripped)
        para.paragraph_format.space_after = Pt(10)
    flush_table()
    document.save(str(path))
    return Path(path)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_pdfs(docx_paths: list[Path], outdir: Path) -> list[Path]:
    """Convert Word files to PDF with LibreOffice in one run."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, docx_paths)],
        check=True, capture_output=True, timeout=300,
    )
    return [outdir / (p.stem + ".pdf") for p in docx_paths]
