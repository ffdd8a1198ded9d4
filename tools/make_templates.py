"""Build the resolution and certification .docx templates with python-docx.

    .venv/bin/python tools/make_templates.py [OUTDIR]     (default: templates/)

The committed .docx files are what an office edits in Word afterwards; this
script is how they were first made (and how to rebuild the house style).
All three share one page setup and one set of styles, so govdocs can append
a certification to a resolution in one file (render_docx_sequence).

Tags are docxtpl's: ``{{ value }}``, ``{%p for ... %}`` / ``{%p if ... %}``
on a paragraph of their own, ``{%tr for ... %}`` on a table row of its own.
Each paragraph is written as one run so Word keeps each tag in one piece.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

ROOT = Path(__file__).resolve().parents[1]


# -- house style ---------------------------------------------------------------

def new_document(title: str, subject: str, footer: str) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(10)
    pf.line_spacing = 1.15
    for section in doc.sections:
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(1)
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(footer + " \u2014 page ")
        run.font.size = Pt(9)
        _page_field(p)
    core = doc.core_properties
    core.title = title
    core.subject = subject
    core.author = "govdocs"
    core.comments = "Template for govdocs; edit in Word, keeping the template tags (double braces, brace-percent) intact."
    return doc


def _page_field(paragraph) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "18")
    rpr.append(sz)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def para(doc, text="", *, bold=False, center=False, justify=True, indent=False,
         hanging=None, keep=False, space_after=None, caps=False, tabs=None, left=None,
         size=None):
    p = doc.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if caps:
            run.font.all_caps = True
        if size:
            run.font.size = Pt(size)
    fmt = p.paragraph_format
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        fmt.first_line_indent = Inches(0.5)
    if left is not None:
        fmt.left_indent = Inches(left)
    if hanging is not None:
        fmt.left_indent = Inches(hanging)
        fmt.first_line_indent = Inches(-hanging)
    if keep:
        fmt.keep_with_next = True
    if space_after is not None:
        fmt.space_after = Pt(space_after)
    for pos in tabs or []:
        fmt.tab_stops.add_tab_stop(Inches(pos), WD_TAB_ALIGNMENT.LEFT)
    return p


def tag(doc, text):
    """A paragraph holding only a {%p ... %} tag (docxtpl removes it)."""
    return para(doc, text, justify=False)


def venue_block(doc):
    """STATE OF ... ) / COUNTY OF ... ) ss. / CITY OF ... ) - the venue of the certificate."""
    para(doc, "STATE OF {{ venue.state|upper }}\t)", justify=False, tabs=[3.25], space_after=0)
    para(doc, "COUNTY OF {{ venue.county|upper }}\t)  ss.", justify=False, tabs=[3.25], space_after=0)
    tag(doc, "{%p if venue.city %}")
    para(doc, "{{ venue.city_line|upper }}\t)", justify=False, tabs=[3.25], space_after=0)
    tag(doc, "{%p endif %}")
    para(doc, "", space_after=6)


def signature(doc, name_expr, title_expr, left=3.25, label=None):
    if label:
        para(doc, label, justify=False, keep=True, space_after=18)
    para(doc, "_" * 34, justify=False, left=left, keep=True, space_after=0)
    para(doc, name_expr, justify=False, left=left, keep=True, space_after=0)
    para(doc, title_expr, justify=False, left=left)


def roll_call_table(doc):
    """AYES / NOES / ABSTAIN / ABSENT rows, built by a {%tr for %} loop."""
    table = doc.add_table(rows=3, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths = (Inches(1.1), Inches(1.9), Inches(3.5))
    for column, w in zip(table.columns, widths):
        column.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w
    table.rows[0].cells[0].paragraphs[0].add_run("{%tr for row in roll_call %}")
    cells = table.rows[1].cells
    cells[0].paragraphs[0].add_run("{{ row.label }}:")
    cells[1].paragraphs[0].add_run("{{ member_title_plural|upper }}:")
    cells[2].paragraphs[0].add_run("{{ row.names|names_list(conjunction=None) }}")
    table.rows[2].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
    para(doc, "", space_after=6)


# -- the documents ---------------------------------------------------------------

def resolution(doc):
    para(doc, "RESOLUTION NO. {{ resolution.number or '____' }}", bold=True, center=True)
    p = para(doc, "{{ resolution.heading|upper }}", bold=True, justify=True, space_after=18)
    p.paragraph_format.left_indent = Inches(0.75)
    p.paragraph_format.right_indent = Inches(0.75)
    tag(doc, "{%p for recital in resolution.recitals %}")
    para(doc, "WHEREAS, {{ recital }}", indent=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if resolution.lead %}")
    para(doc, "NOW, THEREFORE, BE IT RESOLVED by the {{ body.full_name }} as follows:", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for clause in resolution.clauses %}")
    para(doc, "{{ clause.label }}{{ clause.text }}", indent=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if resolution.exhibits %}")
    para(doc, "Attached: {{ resolution.exhibit_titles|join('; ') }}.", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if adoption %}")
    para(doc, "PASSED, APPROVED AND ADOPTED by the {{ body.full_name }} at a "
              "{{ adoption.meeting_kind }} meeting held on {{ adoption.date|ordinal_date }}.",
         indent=True, keep=True, space_after=24)
    tag(doc, "{%p else %}")
    para(doc, "PASSED, APPROVED AND ADOPTED by the {{ body.full_name }} at a ____________ "
              "meeting held on the ____ day of ______________, ______.",
         indent=True, keep=True, space_after=24)
    tag(doc, "{%p endif %}")
    signature(doc, "{{ presiding.name|upper }}", "{{ presiding.title }}")
    signature(doc, "{{ clerk.name|upper }}", "{{ clerk.title }}", left=0, label="ATTEST:")


def certification(doc):
    para(doc, "CERTIFICATE OF ADOPTION", bold=True, center=True, space_after=14)
    venue_block(doc)
    para(doc, "I, {{ clerk.name|upper }}, {{ clerk.title }} of {{ clerk.of }}, certify "
              "that the whole number of members of the {{ body.full_name }} is "
              "{{ whole_number|words }}; and that Resolution No. "
              "{{ resolution.number }}, {% if appended %}set out above{% else %}entitled "
              "\u201c{{ resolution.title }}\u201d{% endif %}, was duly passed and adopted by "
              "the {{ body.name }} at a {{ adoption.meeting_kind }} meeting held on "
              "{{ adoption.date|ordinal_date }}, by the following roll-call vote:", indent=True)
    roll_call_table(doc)
    signature(doc, "{{ clerk.name|upper }}", "{{ clerk.title }}, {{ organization.name }}")
    para(doc, "(SEAL)", justify=False)


def certified_copy(doc):
    para(doc, "CERTIFIED COPY", bold=True, center=True, space_after=14)
    venue_block(doc)
    para(doc, "I, {{ clerk.name|upper }}, {{ clerk.title }} of {{ clerk.of }}, certify "
              "that the attached document is a full, true and correct copy of Resolution No. "
              "{{ resolution.number }}, \u201c{{ resolution.title }}\u201d, passed and adopted by "
              "the {{ body.full_name }} on "
              "{{ adoption.date|long_date }}, as it is kept in the official records of my "
              "office; and that the resolution has not been amended or repealed and remains "
              "in effect on the date of this certificate.", indent=True)
    para(doc, "Dated {{ certified_on|long_date }}.", indent=True, space_after=24)
    signature(doc, "{{ clerk.name|upper }}", "{{ clerk.title }}, {{ organization.name }}")
    para(doc, "(SEAL)", justify=False)


TEMPLATES = {
    "resolution.docx": (resolution, "Resolution No. {{ resolution.number or 'draft' }}",
                        "{{ resolution.title }}", "Resolution No. {{ resolution.number or '(draft)' }}"),
    "certification.docx": (certification, "Certificate of adoption, Resolution No. {{ resolution.number }}",
                           "{{ resolution.title }}", "Resolution No. {{ resolution.number }}"),
    "certified-copy.docx": (certified_copy, "Certified copy of Resolution No. {{ resolution.number }}",
                            "{{ resolution.title }}", "Certified copy of Resolution No. {{ resolution.number }}"),
}


def write_templates(templates: dict, outdir: Path) -> list[Path]:
    """Write each ``name: (fill, title, subject, footer)`` template into ``outdir``
    in the house style. Every tools/make_*_templates.py script uses this."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (fill, title, subject, footer) in templates.items():
        doc = new_document(title, subject, footer)
        fill(doc)
        path = outdir / name
        doc.save(path)
        written.append(path)
    return written


def build(outdir: Path) -> list[Path]:
    return write_templates(TEMPLATES, outdir)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"
    for p in build(target):
        print(p)
