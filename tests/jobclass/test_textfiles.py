"""Reading the text of .txt, .md, .docx and .pdf files for import."""

from __future__ import annotations

import docx
import pytest

from govdocs.errors import InvalidInput, RecordError
from govdocs.textfiles import docx_text, pdf_text, read_text

from pdfmaker import make_pdf


def test_text_files_in_utf8_or_windows_1252(tmp_path):
    (tmp_path / "a.txt").write_bytes("Workers\u2019 Compensation".encode("utf-8"))
    (tmp_path / "b.txt").write_bytes("Workers\x92 Compensation".encode("latin-1"))
    (tmp_path / "c.md").write_text("# Title\n")
    assert read_text(tmp_path / "a.txt") == "Workers\u2019 Compensation"
    assert read_text(tmp_path / "b.txt") == "Workers\u2019 Compensation"
    assert read_text(tmp_path / "c.md") == "# Title\n"


def test_word_files_keep_headings_lists_bold_and_tables_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Claims Technician", style="Title")
    document.add_heading("Typical Duties", level=1)
    document.add_paragraph("Opens files.", style="List Bullet")
    document.add_paragraph("Sorts mail.", style="List Bullet 2")
    document.add_paragraph("First step.", style="List Number")
    document.add_paragraph("Second step.", style="List Number")
    document.add_paragraph().add_run("Liability").bold = True
    table = document.add_table(rows=1, cols=3)
    for cell, value in zip(table.rows[0].cells, ["Hourly", "$30.00", "$31.50"]):
        cell.text = value
    document.add_paragraph("After the table.")
    path = tmp_path / "spec.docx"
    document.save(str(path))
    assert docx_text(path).splitlines() == [
        "# Claims Technician", "", "## Typical Duties", "", "- Opens files.", "  - Sorts mail.",
        "1. First step.", "2. Second step.", "", "**Liability**", "", "Hourly | $30.00 | $31.50", "",
        "After the table."]


def test_pdf_text_keeps_the_blank_lines_between_paragraphs(tmp_path):
    path = tmp_path / "spec.pdf"
    make_pdf("DEFINITION\n\nFiles claims.\n\nTYPICAL DUTIES\n", path)
    lines = [line.strip() for line in pdf_text(path).replace("\f", "").splitlines()]
    assert [line for line in lines if line] == ["DEFINITION", "Files claims.", "TYPICAL DUTIES"]
    assert lines[lines.index("DEFINITION") + 1] == ""


def test_broken_and_unknown_files_say_which_file(tmp_path):
    bad_pdf = tmp_path / "broken.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4 not really")
    bad_docx = tmp_path / "broken.docx"
    bad_docx.write_bytes(b"PK not a zip")
    with pytest.raises(RecordError, match="broken.pdf"):
        read_text(bad_pdf)
    with pytest.raises(RecordError, match="broken.docx: cannot read the Word file"):
        read_text(bad_docx)
    (tmp_path / "spec.rtf").write_text("{\\rtf1}")
    with pytest.raises(InvalidInput, match="cannot read a .rtf file"):
        read_text(tmp_path / "spec.rtf")
    with pytest.raises(RecordError, match="no such file"):
        read_text(tmp_path / "missing.txt")
