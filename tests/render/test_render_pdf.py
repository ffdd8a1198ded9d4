"""PDF through LibreOffice, packets through pypdf."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from govdocs.errors import MissingTool, RecordError
from govdocs.render import (
    PacketPart, build_packet, docx_bytes_to_pdf, docx_to_pdf, pdf_text, render, render_docx,
)
from govdocs.render.resolutions import sample_resolution
from conftest import requires_tool


def blank_pdf(pages=1) -> bytes:
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(612, 792)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_missing_libreoffice_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("GOVDOCS_SOFFICE", raising=False)
    src = tmp_path / "a.docx"
    src.write_bytes(render("certification", sample_resolution()))
    with pytest.raises(MissingTool) as err:
        docx_to_pdf([src])
    assert "apt-get install libreoffice-writer" in str(err.value)
    assert err.value.exit_code == 5
    monkeypatch.setenv("GOVDOCS_SOFFICE", str(tmp_path / "nope"))
    with pytest.raises(MissingTool, match="GOVDOCS_SOFFICE"):
        docx_to_pdf([src])


def test_packet_has_bookmarks_and_metadata(tmp_path):
    out = tmp_path / "packet.pdf"
    build_packet([PacketPart("Resolution", blank_pdf(2)), PacketPart("Certificate", blank_pdf(1)),
                  PacketPart("Exhibit A", blank_pdf(3))], out,
                 title="Resolution No. 79-91", subject="JPA by-laws", author="C. Poe, City Clerk",
                 keywords="resolution; 79-91", extra={"Body": "City Council"})
    reader = PdfReader(out)
    assert len(reader.pages) == 6
    assert [(o.title, reader.get_destination_page_number(o)) for o in reader.outline] == [
        ("Resolution", 0), ("Certificate", 2), ("Exhibit A", 3)]
    meta = reader.metadata
    assert meta.title == "Resolution No. 79-91" and meta.subject == "JPA by-laws"
    assert meta.author == "C. Poe, City Clerk" and meta["/Body"] == "City Council"


def test_broken_exhibit_is_named_and_nothing_written(tmp_path):
    bad = tmp_path / "exhibit.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    out = tmp_path / "packet.pdf"
    with pytest.raises(RecordError, match="exhibit.pdf"):
        build_packet([PacketPart("Resolution", blank_pdf()), PacketPart("Exhibit", bad)], out, title="x")
    assert not out.exists()
    with pytest.raises(RecordError, match="not found"):
        build_packet([PacketPart("Exhibit", tmp_path / "missing.pdf")], out, title="x")


@pytest.mark.libreoffice
def test_docx_to_pdf_keeps_the_words(tmp_path):
    requires_tool("libreoffice")
    ctx = sample_resolution()
    a, b = tmp_path / "resolution.docx", tmp_path / "certification.docx"
    a.write_bytes(render_docx("resolution.docx", ctx))
    b.write_bytes(render_docx("certification.docx", ctx))
    pdfs = docx_to_pdf([a, b], tmp_path / "out")
    assert [p.name for p in pdfs] == ["resolution.pdf", "certification.pdf"]
    text = " ".join(pdf_text(pdfs[1]).split())
    assert "the whole number of members of the City Council of the City of Alder Creek is five" in text
    assert "the 3rd day of March, 2026" in text
    single = docx_bytes_to_pdf(render_docx("resolution.docx", ctx))
    assert single.startswith(b"%PDF") and "RESOLUTION NO. 2026-7" in pdf_text(single)
