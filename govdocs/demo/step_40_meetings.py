"""Check every meeting's notices, render an agenda and an affidavit of posting, report the late one."""

from govdocs import render as rendering
from govdocs.errors import Refused
from govdocs.store import meetings


def run(demo):
    late = []
    for m in meetings.list_meetings(demo.store):
        result = meetings.check_meeting(demo.store, m["id"])
        for notice, finding in result.late:
            late.append(notice["id"])
            demo.note(f"LATE NOTICE {notice['id']}: {finding.message()}")
        for kind in result.missing:
            demo.note(f"no {kind} notice recorded for {m['id']}")
    demo.note(f"{len(late)} late notice(s) in the example records")

    folder = demo.out / "meetings"
    folder.mkdir(parents=True, exist_ok=True)
    board = "cvcrma-board-2026-12-03"
    for document, fmt in (("agenda", "docx"), ("agenda", "html"), ("affidavit", "docx"),
                          ("special", "docx")):
        meeting = "cvcrma-board-2026-12-17" if document == "special" else board
        issued = meetings.issue_meeting_document(demo.store, meeting, document,
                                                 folder / f"{meeting}-{document}.{fmt}", fmt=fmt)
        demo.made(issued.paths[0], f"{document} ({fmt})")
    if rendering.have_soffice():
        issued = meetings.issue_meeting_document(demo.store, board, "agenda",
                                                 folder / f"{board}-agenda.pdf", fmt="pdf")
        demo.made(issued.paths[-1], "agenda (PDF)")
    for notice_id in late:
        meeting = notice_id.split("/")[0]
        try:
            meetings.render_document(demo.store, meeting, "affidavit", notice=notice_id)
        except Refused as refusal:
            demo.note(f"affidavit for {notice_id} refused: {refusal}")
    ics = folder / "meetings.ics"
    ics.write_bytes(meetings.meetings_ics(demo.store))
    demo.made(ics, "calendar of meetings (iCalendar)")
