"""Build the amendment templates (.docx) with python-docx, in the house style
of tools/make_templates.py:

    .venv/bin/python tools/make_agreement_templates.py [OUTDIR]   (default: templates/)

redline.docx, ratification-report.docx, model-resolution.docx and
transmittal-letter.docx. The committed files are what an office edits in
Word; this script is how they were first made.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Inches, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_templates import para, signature, tag, write_templates  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def redline(doc):
    para(doc, "{{ authority.name|upper }}", bold=True, center=True, space_after=4)
    para(doc, "PROPOSED REVISIONS", bold=True, center=True, space_after=4)
    para(doc, "{{ amendment.title }}", center=True, space_after=4)
    para(doc, "Proposed {{ amendment.proposed_on|long_date }}", center=True, space_after=4)
    p = para(doc, "{{ legend }}", center=True, space_after=18)
    p.runs[0].italic = True
    tag(doc, "{%p for d in documents %}")
    para(doc, "{{ d.title|upper }}", bold=True, center=True, space_after=14)
    tag(doc, "{%p for p in d.paragraphs %}")
    tag(doc, "{%p if p.depth == 0 %}")
    para(doc, "{{r p.rich }}", justify=False)
    tag(doc, "{%p elif p.depth == 1 %}")
    para(doc, "{{r p.rich }}", left=0.5)
    tag(doc, "{%p elif p.depth == 2 %}")
    para(doc, "{{r p.rich }}", left=1.0)
    tag(doc, "{%p else %}")
    para(doc, "{{r p.rich }}", left=1.5)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")


def _table(doc, headers, cells, loop, widths):
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Inches(w)
    for cell, text in zip(table.rows[0].cells, headers):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    table.rows[1].cells[0].paragraphs[0].add_run(loop)
    for cell, text in zip(table.rows[2].cells, cells):
        cell.paragraphs[0].add_run(text)
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    for row in table.rows:
        for cell in row.cells:
            pf = cell.paragraphs[0].paragraph_format
            pf.space_after = Pt(2)
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(10)
    para(doc, "", space_after=6)


def report(doc):
    para(doc, "{{ authority.name|upper }}", bold=True, center=True, space_after=4)
    para(doc, "RATIFICATION STATUS REPORT", bold=True, center=True, space_after=4)
    para(doc, "{{ amendment.title }}", center=True, space_after=4)
    para(doc, "As of {{ status.as_of|long_date }}", center=True, space_after=14)
    para(doc, "The {{ secretary.board }} proposed this amendment on "
              "{{ amendment.proposed_on|long_date }}. {% if rule.provision %}Under "
              "{{ rule.provision }}, it{% else %}It{% endif %} takes effect when the governing "
              "bodies of {{ rule.text }} approve it: {{ status.required|words }} approvals are "
              "needed.", indent=True)
    para(doc, "Status: {{ status.status|upper }}. {{ status.explanation }}", bold=True)
    tag(doc, "{%p if status.effective_on %}")
    para(doc, "The amendment took effect on {{ status.effective_on|long_date }}. The notice of "
              "amendment must be filed with the Secretary of State by "
              "{{ status.filing_due_on|long_date }} (Government Code section 6503.5).",
         indent=True)
    tag(doc, "{%p elif status.status == 'pending' %}")
    para(doc, "{{ status.still_needed|words|capitalize }} more "
              "{% if status.still_needed == 1 %}approval is{% else %}approvals are{% endif %} "
              "needed. Not yet acted: {{ status.pending|names_list }}.", indent=True)
    tag(doc, "{%p endif %}")
    _table(doc, ["Member agency", "Action", "Date", "Resolution", "Vote", "Certified copy"],
           ["{{ m.name }}{% if not m.counted %} (not counted){% endif %}", "{{ m.action }}",
            "{{ m.acted_on }}", "{{ m.resolution_number }}", "{{ m.vote }}",
            "{{ m.copy_received_on }}"],
           "{%tr for m in members %}", [1.9, 0.9, 1.0, 0.9, 0.9, 1.0])
    para(doc, "History", bold=True, space_after=4)
    tag(doc, "{%p for e in status.events %}")
    para(doc, "{{ e.on|long_date }}: {{ e.text }}", hanging=0.3, space_after=2)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for n in status.notes %}")
    p = para(doc, "{{ n }}", space_after=2)
    p.runs[0].italic = True
    tag(doc, "{%p endfor %}")
    para(doc, "", space_after=18)
    signature(doc, "{{ secretary.name|upper }}", "{{ secretary.title }}")


def model_resolution(doc):
    para(doc, "RESOLUTION NO. ________", bold=True, center=True)
    p = para(doc, "A RESOLUTION OF THE {{ council.name|upper }} APPROVING "
                  "{{ amendment.title|upper }} OF THE {{ authority.name|upper }}",
             bold=True, space_after=18)
    p.paragraph_format.left_indent = Inches(0.75)
    p.paragraph_format.right_indent = Inches(0.75)
    para(doc, "WHEREAS, the {{ member.name }} is a member agency of the {{ authority.name }} "
              "(\u201c{{ authority.short_name }}\u201d), a joint powers authority formed under "
              "Chapter 5 (beginning with Section 6500) of Division 7 of Title 1 of the "
              "Government Code; and", indent=True)
    para(doc, "WHEREAS, on {{ amendment.proposed_on|long_date }}, the {{ secretary.board }} "
              "proposed {{ amendment.title }}, which changes the "
              "{{ agreements|names_list(attribute='short_title') }} of "
              "{{ authority.short_name }} as shown in Exhibit A; and", indent=True)
    tag(doc, "{%p if amendment.summary %}")
    para(doc, "WHEREAS, in the Board's words, the amendment "
              "{{ amendment.summary[:1]|lower }}{{ amendment.summary[1:]|trim('.') }}; and", indent=True)
    tag(doc, "{%p endif %}")
    para(doc, "WHEREAS, {% if rule.provision %}under {{ rule.provision }}, {% endif %}an "
              "amendment takes effect only when the governing bodies of {{ rule.text }} "
              "approve it;", indent=True)
    para(doc, "NOW, THEREFORE, the {{ council.name }} resolves as follows:", indent=True)
    para(doc, "Section 1. The {{ council.name }} approves {{ amendment.title }} of the "
              "{{ authority.name }}, as set out in Exhibit A.", indent=True)
    para(doc, "Section 2. The Mayor is authorized to sign the approval on behalf of the "
              "{{ member.name }}, and the {{ council.clerk_title }} shall send a certified "
              "copy of this resolution to the {{ secretary.title }} of "
              "{{ authority.short_name }}.", indent=True)
    para(doc, "PASSED, APPROVED AND ADOPTED by the {{ council.name }} at a ____________ "
              "meeting held on the ____ day of ______________, ______.",
         indent=True, keep=True, space_after=24)
    signature(doc, "________________________", "Mayor")
    signature(doc, "{{ council.clerk|upper }}", "{{ council.clerk_title }}", left=0, label="ATTEST:")
    para(doc, "EXHIBIT A", bold=True, center=True, space_after=6)
    para(doc, "Changes made by {{ amendment.title }}", center=True, space_after=10)
    tag(doc, "{%p for c in amendment.changes %}")
    para(doc, "{{ loop.index }}. {{ c.agreement }}: {{ c.description }}.", hanging=0.3,
         space_after=4)
    tag(doc, "{%p endfor %}")
    para(doc, "The full text of each change, with deletions struck through and additions "
              "underlined, is in the proposed revisions sent with this resolution.", indent=True)


def transmittal(doc):
    para(doc, "{{ authority.name|upper }}", bold=True, center=True, space_after=18)
    para(doc, "{{ letter_date|long_date }}", justify=False, space_after=14)
    para(doc, "{{ council.clerk }}", justify=False, space_after=0)
    para(doc, "{{ council.clerk_title }}", justify=False, space_after=0)
    para(doc, "{{ member.name }}", justify=False, space_after=14)
    para(doc, "Re: {{ amendment.title }}: action by the {{ council.name }}", bold=True)
    para(doc, "Dear {{ council.clerk or council.clerk_title }}:", justify=False)
    para(doc, "On {{ amendment.proposed_on|long_date }}, the {{ secretary.board }} proposed "
              "{{ amendment.title }} to the member agencies of {{ authority.short_name }}. "
              "{% if rule.provision %}Under {{ rule.provision }}, it{% else %}It{% endif %} takes "
              "effect only when the governing bodies of {{ rule.text }} have approved it.",
         indent=True)
    para(doc, "Enclosed are a model resolution, prepared for the {{ council.name }}, and the "
              "proposed revisions showing every change. Please place the resolution on an "
              "agenda of the council{% if reply_by %} before {{ reply_by|long_date }}{% endif %}, "
              "and send me a certified copy of the resolution as adopted, whether the council "
              "approves or rejects the amendment, with the roll-call vote.", indent=True)
    para(doc, "Thank you for your help.", indent=True, space_after=24)
    para(doc, "Sincerely,", justify=False, space_after=30)
    para(doc, "{{ secretary.name }}", justify=False, space_after=0)
    para(doc, "{{ secretary.title }}", justify=False, space_after=14)
    para(doc, "Enclosures: model resolution; proposed revisions", justify=False)


TEMPLATES = {
    "redline.docx": (redline, "Proposed revisions: {{ amendment.title }}",
                     "{{ authority.name }}", "Proposed revisions \u2014 {{ amendment.title }}"),
    "ratification-report.docx": (report, "Ratification status: {{ amendment.title }}",
                                 "{{ authority.name }}", "Ratification status \u2014 {{ amendment.title }}"),
    "model-resolution.docx": (model_resolution, "Model resolution: {{ amendment.title }}",
                              "{{ member.name }}", "Resolution approving {{ amendment.title }}"),
    "transmittal-letter.docx": (transmittal, "Transmittal: {{ amendment.title }}",
                                "{{ member.name }}", "{{ authority.short_name }}"),
}


def build(outdir: Path) -> list[Path]:
    return write_templates(TEMPLATES, outdir)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"
    for p in build(target):
        print(p)
