"""Build the job-class templates with python-docx.

    .venv/bin/python tools/make_jobclass_templates.py [OUTDIR]   (default: templates/)

* ``jobclass.docx``: one class specification in the house style (agency,
  title, a table of header facts, the sections with their lists and
  sub-groups);
* ``jobclass-book.docx``: every class of an agency: a title page, a table
  of contents (code and title of each class) and each class from a new page.

Tags are docxtpl's; each paragraph is one run so Word keeps a tag whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]


def new_document(title: str, footer: str) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 16), ("Heading 2", 12)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    for section in doc.sections:
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(0.9)
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(footer)
        run.font.size = Pt(8)
    core = doc.core_properties
    core.title = title
    core.author = "govdocs"
    core.comments = "Template for govdocs; edit in Word, keeping the template tags intact."
    return doc


def tag(doc, text: str, style: str | None = None):
    p = doc.add_paragraph(style=style)
    p.add_run(text)
    return p


def class_body(doc, job: str, *, new_page: bool) -> None:
    """The paragraphs of one class; ``job`` is the context variable's name."""
    agency = tag(doc, "{{ %s.agency }}" % job)
    agency.runs[0].font.size = Pt(10)
    agency.runs[0].font.all_caps = True
    if new_page:
        agency.paragraph_format.page_break_before = True
    tag(doc, "{{ %s.title }}" % job, "Heading 1")
    table = doc.add_table(rows=3, cols=2)
    table.style = doc.styles["Table Grid"]
    table.rows[0].cells[0].paragraphs[0].add_run("{%%tr for row in %s.header %%}" % job)
    label = table.rows[1].cells[0].paragraphs[0].add_run("{{ row.label }}")
    label.bold = True
    table.rows[1].cells[1].paragraphs[0].add_run("{{ row.value }}")
    table.rows[2].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    for row in table.rows:
        row.cells[0].width = Inches(1.8)
        row.cells[1].width = Inches(4.7)
    tag(doc, "{%%p for s in %s.sections %%}" % job)
    tag(doc, "{{ s.title }}", "Heading 2")
    tag(doc, "{%p for i in s.entries %}")
    tag(doc, "{%p if i.kind == 'subheading' %}")
    sub = tag(doc, "{{ i.text }}")
    sub.runs[0].bold = True
    sub.paragraph_format.keep_with_next = True
    tag(doc, "{%p elif i.kind == 'item' and i.level %}")
    tag(doc, "{{ i.text }}", "List Bullet 2")
    tag(doc, "{%p elif i.kind == 'item' %}")
    tag(doc, "{{ i.text }}", "List Bullet")
    tag(doc, "{%p else %}")
    tag(doc, "{{ i.text }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")


def jobclass_template() -> Document:
    doc = new_document("{{ document_title }}", "Class specification")
    class_body(doc, "job", new_page=False)
    return doc


def book_template() -> Document:
    doc = new_document("{{ document_title }}", "Class specifications")
    title = tag(doc, "{{ book.agency }}", "Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = tag(doc, "Class Specifications")
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.runs[0].font.size = Pt(16)
    when = tag(doc, "{{ book.count }} classes, ordered by {{ book.order }}, as of {{ book.date }}")
    when.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contents = tag(doc, "Contents", "Heading 1")
    contents.paragraph_format.page_break_before = True
    tag(doc, "{%p for c in book.classes %}")
    line = doc.add_paragraph()
    line.paragraph_format.space_after = Pt(0)
    line.paragraph_format.tab_stops.add_tab_stop(Inches(1.2))
    line.add_run("{{ c.code }}\t{{ c.title }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for job in book.classes %}")
    class_body(doc, "job", new_page=True)
    tag(doc, "{%p endfor %}")
    return doc


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "templates"
    out.mkdir(parents=True, exist_ok=True)
    jobclass_template().save(out / "jobclass.docx")
    book_template().save(out / "jobclass-book.docx")
    print(f"wrote {out / 'jobclass.docx'} and {out / 'jobclass-book.docx'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
