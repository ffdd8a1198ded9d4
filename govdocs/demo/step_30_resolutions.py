"""Render the example resolution, its certified copy and a certified packet."""

from __future__ import annotations

import datetime as dt

from ..render import have_soffice
from ..store.issued import issue_document
from ..store.resolutions import issue_certification, list_resolutions


def run(demo):
    store = demo.store
    adopted = list_resolutions(store, status="adopted")
    if not adopted:
        demo.note("no adopted resolution in the example records")
        return
    res = adopted[0]
    folder = demo.out / "resolutions"
    folder.mkdir(parents=True, exist_ok=True)
    number = res["number"]
    pdf = have_soffice()
    issued = issue_document(store, "resolution", res["id"], out=folder / f"resolution-{number}.docx")
    demo.made(issued.paths[0], f"Resolution No. {number} (DOCX)")
    html = issue_document(store, "resolution", res["id"], out=folder / f"resolution-{number}.html", fmt="html")
    demo.made(html.paths[0], f"Resolution No. {number} (web page)")
    result = issue_certification(store, res["id"], out=folder / f"resolution-{number}-certified.docx",
                                 pdf=pdf, packet=folder / f"resolution-{number}-packet.pdf" if pdf else None,
                                 certified_on=dt.date.today())
    demo.made(result["docx"], "resolution with the clerk's certificate of adoption (DOCX)")
    if result["pdf"]:
        demo.made(result["pdf"], "the same, as PDF")
    if result["packet"]:
        demo.made(result["packet"], "certified packet (resolution, certificate and exhibits, bookmarked)")
    copy = issue_certification(store, res["id"], copy=True,
                               out=folder / f"resolution-{number}-certified-copy.docx",
                               certified_on=dt.date.today())
    demo.made(copy["docx"], "certified true copy (DOCX)")
    if not pdf:
        demo.note("LibreOffice is not installed: PDF and packet skipped "
                  "(sudo apt-get install libreoffice-writer)")
