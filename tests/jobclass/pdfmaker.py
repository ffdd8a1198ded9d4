"""A very small PDF writer for tests: lines of text in Helvetica, wrapped.

Blank lines stay blank lines on the page, so a layout-preserving reader sees
the paragraphs; long lines are wrapped at ``width`` characters the way a
word processor wraps them. Characters outside Windows-1252 become "?".
"""

from __future__ import annotations

import re
import textwrap


def _escape(text: str) -> bytes:
    data = text.encode("cp1252", errors="replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def layout(text: str, width: int = 95) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.replace("\t", "    ").rstrip()
        if not line.strip():
            out.append("")
            continue
        indent = len(line) - len(line.lstrip())
        if len(re.findall(r"\S\s{2,}\S", line.strip())) >= 3:  # a table row: never wrapped
            out.append(line)
            continue
        wrapped = textwrap.wrap(line.strip(), width=width - indent) or [""]
        out.append(" " * indent + wrapped[0])
        hang = indent + (2 if line.lstrip()[:1] in "•-*" else 0)
        out.extend(" " * hang + w for w in wrapped[1:])
    return out


def make_pdf(text: str, path, *, lines_per_page: int = 60, width: int = 95) -> None:
    lines = layout(text, width)
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects: list[bytes] = []
    font_id = 3
    page_ids = []
    content_ids = []
    next_id = 4
    for _ in pages:
        page_ids.append(next_id)
        content_ids.append(next_id + 1)
        next_id += 2
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for page, content_id in zip(pages, content_ids):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        stream = [b"BT /F1 9 Tf 11 TL"]
        y = 740
        for line in page:
            indent = len(line) - len(line.lstrip())
            x = 54 + indent * 5
            if line.strip():
                stream.append(f"1 0 0 1 {x} {y} Tm (".encode() + _escape(line.strip()) + b") Tj")
            y -= 11
        stream.append(b"ET")
        body = b"\n".join(stream)
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as fh:
        fh.write(bytes(out))
