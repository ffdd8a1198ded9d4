"""Build the meeting and notice .docx templates with python-docx.

    .venv/bin/python tools/make_meeting_templates.py [OUTDIR]   (default: templates/)

Agenda, notice of special meeting, notice of adjournment, notice of
cancellation, notice of public hearing and the declaration (affidavit) of
posting. They share the house style of tools/make_templates.py (page, fonts,
footer), so a notice and its declaration can be printed as one packet.
Tags are docxtpl's; each paragraph is one run so Word keeps a tag whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_templates import para, tag, write_templates  # noqa: E402  (the house style)

ROOT = Path(__file__).resolve().parents[1]


def heading(doc, subtitle: str) -> None:
    para(doc, "{{ organization.name|upper }}", bold=True, center=True, space_after=0)
    para(doc, subtitle, bold=True, center=True, space_after=0, caps=True)
    para(doc, "{{ meeting.title }}", center=True, space_after=0)
    tag(doc, "{%p if joint_bodies %}")
    para(doc, "held jointly with the {{ joint_bodies|names_list }}", center=True, space_after=0)
    tag(doc, "{%p endif %}")
    para(doc, "{{ meeting.day }}, {{ meeting.time }}", center=True, space_after=0)
    para(doc, "{{ meeting.place }}", center=True, space_after=14)


def items_block(doc) -> None:
    tag(doc, "{%p for item in items %}")
    para(doc, "{{ item.number }}.\t{{ item.title }}{% if item.action %} (action){% endif %}",
         bold=True, justify=False, hanging=0.5, keep=True, space_after=2)
    tag(doc, "{%p if item.description %}")
    para(doc, "{{ item.description }}", left=0.5, space_after=8)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def posting_line(doc) -> None:
    tag(doc, "{%p if posting.at %}")
    para(doc, "Posted {{ posting.at }}{% if posting.where %}, at {{ posting.where|names_list }}"
              "{% endif %}{% if posting.by %}, by {{ posting.by }}{% if posting.by_title %}, "
              "{{ posting.by_title }}{% endif %}{% endif %}.", size=10, justify=False)
    tag(doc, "{%p endif %}")


def clerk_signature(doc) -> None:
    para(doc, "_" * 34, justify=False, left=3.25, keep=True, space_after=0)
    para(doc, "{{ clerk.name }}", justify=False, left=3.25, keep=True, space_after=0)
    para(doc, "{{ clerk.title }}", justify=False, left=3.25)


def agenda(doc) -> None:
    heading(doc, "Agenda")
    tag(doc, "{%p if special_only %}")
    para(doc, "Only the business stated below will be considered at this meeting.", bold=True)
    tag(doc, "{%p endif %}")
    items_block(doc)
    para(doc, "Members of the public may address the {{ body.name }} on any item on this agenda "
              "before or during its consideration.", size=10)
    posting_line(doc)


def special(doc) -> None:
    heading(doc, "Call and notice of special meeting")
    para(doc, "A special meeting of the {{ body.name }} is called for {{ meeting.day }}, at "
              "{{ meeting.time }}, at {{ meeting.place }}, to consider only the business below.")
    items_block(doc)
    tag(doc, "{%p if recipients %}")
    para(doc, "Delivered in writing to: {{ recipients|names_list }}.", size=10)
    tag(doc, "{%p endif %}")
    clerk_signature(doc)
    posting_line(doc)


def adjournment(doc) -> None:
    heading(doc, "Notice of adjournment")
    para(doc, "The {{ adjournment.from_title }} of {{ adjournment.from_day }} was adjourned by "
              "{{ adjournment.ordered_by }} on {{ adjournment.at }}, to {{ meeting.day }}, at "
              "{{ meeting.time }}, at {{ meeting.place }}.")
    clerk_signature(doc)
    posting_line(doc)


def cancellation(doc) -> None:
    heading(doc, "Notice of cancellation")
    para(doc, "The {{ meeting.title }} set for {{ meeting.day }}, at {{ meeting.time }}, will not be held.")
    para(doc, "Reason: {{ reason }}")
    clerk_signature(doc)
    posting_line(doc)


def hearing(doc) -> None:
    heading(doc, "Notice of public hearing")
    para(doc, "The {{ body.name }} will hold a public hearing on {{ meeting.day }}, at "
              "{{ meeting.time }}, at {{ meeting.place }}, on: {{ hearing.subject }}.")
    para(doc, "Anyone may appear and be heard, or write to the {{ clerk.title }} before the hearing.")
    tag(doc, "{%p if hearing.publications %}")
    para(doc, "Published in {{ hearing.newspaper }} on {{ hearing.publications|names_list }} "
              "({{ hearing.citation }}).", size=10, justify=False)
    tag(doc, "{%p endif %}")
    clerk_signature(doc)


def affidavit(doc) -> None:
    para(doc, "DECLARATION OF POSTING", bold=True, center=True)
    para(doc, "STATE OF {{ venue.state|upper }}\t)", justify=False, tabs=[3.25], space_after=0)
    para(doc, "COUNTY OF {{ venue.county|upper }}\t)  ss.", justify=False, tabs=[3.25], space_after=12)
    para(doc, "I, {{ clerk.name }}, {{ clerk.title }}, declare: I posted the {{ declaration.document }} "
              "of the {{ meeting.title }}, to be held {{ meeting.day }}, at {{ meeting.time }}, at "
              "{{ meeting.place }}, on {{ posting.at }}, at {{ posting.where|names_list }}.", indent=True)
    para(doc, "The latest time for that posting was {{ declaration.deadline }} "
              "({{ declaration.citation }}).", indent=True)
    para(doc, "I declare under penalty of perjury under the laws of the State of {{ venue.state }} "
              "that the foregoing is true and correct. Executed on {{ declaration.executed_on }}"
              "{% if declaration.executed_at %}, at {{ declaration.executed_at }}, {{ venue.state }}{% endif %}.",
         indent=True)
    clerk_signature(doc)


TEMPLATES = {
    "agenda.docx": ("Agenda", agenda),
    "notice-special.docx": ("Call and notice of special meeting", special),
    "notice-adjournment.docx": ("Notice of adjournment", adjournment),
    "notice-cancellation.docx": ("Notice of cancellation", cancellation),
    "notice-hearing.docx": ("Notice of public hearing", hearing),
    "affidavit-posting.docx": ("Declaration of posting", affidavit),
}


def build(outdir: Path) -> list[Path]:
    return write_templates({name: (fill, title, "Meetings and notices", "{{ body.name }}")
                            for name, (title, fill) in TEMPLATES.items()}, outdir)


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"):
        print(path)
