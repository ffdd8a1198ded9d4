"""``govdocs notice`` and ``govdocs meeting``: deadlines with citations, checks
of the example records, documents (DOCX, Markdown, HTML, PDF) and the
calendar, through the command line."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document
from icalendar import Calendar

from govdocs import deadlines, render
from govdocs.store import meetings as sm

from conftest import requires_tool


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join(p.text for p in doc.paragraphs)


# ---------------------------------------------------------------- notice deadline

def test_deadline_json_has_kind_deadline_and_rule(invoke):
    out = invoke(["notice", "deadline", "--kind", "regular", "--meeting", "2026-12-01T18:00", "--json"]).stdout
    data = json.loads(out)
    assert data["kind"] == "regular"
    assert data["deadline"] == "2026-11-28T18:00:00-08:00"
    assert data["rule"] == "Agenda of a regular meeting"
    assert data["citation"] == "Cal. Gov. Code § 54954.2(a)(1)"


@pytest.mark.parametrize("kind", [k for k in deadlines.CALIFORNIA.rules])
def test_every_rule_answers_with_its_citation(invoke, kind):
    result = invoke(["notice", "deadline", "--kind", kind, "--meeting", "2026-12-15T19:00"])
    assert deadlines.CALIFORNIA.rule(kind).citation in result.stdout


def test_deadline_text_across_the_fall_change(invoke):
    out = invoke(["notice", "deadline", "--kind", "regular", "--meeting", "2026-11-03T18:00"]).stdout
    assert out.splitlines()[0] == ("Agenda of a regular meeting: no later than 2026-10-31 19:00 PDT (-07:00) "
                                   "(Cal. Gov. Code § 54954.2(a)(1))")


def test_deadline_for_a_hearing_and_an_agreement(invoke):
    data = json.loads(invoke(["notice", "deadline", "--kind", "hearing-6066", "--meeting", "2026-12-15T19:00",
                              "--newspaper-days", "thu", "--json"]).stdout)
    assert data["publication_dates"] == ["2026-11-26", "2026-12-03"]
    data = json.loads(invoke(["notice", "deadline", "--kind", "agreement", "--agreement-days", "10",
                              "--business-days", "--citation", "Agreement § 20", "--meeting",
                              "2026-12-03T18:00", "--json"]).stdout)
    assert data["deadline"] == "2026-11-17T23:59:59-08:00" and data["citation"] == "Agreement § 20"


def test_deadline_bad_input_exits_2(invoke):
    r = invoke(["notice", "deadline", "--kind", "weekly", "--meeting", "2026-12-01T18:00"], expect=2)
    assert "unknown notice kind 'weekly'" in r.stderr
    r = invoke(["notice", "deadline", "--kind", "agreement", "--meeting", "2026-12-01T18:00"], expect=2)
    assert "--agreement-days" in r.stderr
    r = invoke(["notice", "deadline", "--kind", "regular", "--meeting", "2026-03-08T02:30"], expect=2)
    assert "does not exist in America/Los_Angeles" in r.stderr
    invoke(["notice", "deadline", "--kind", "hearing-6066", "--meeting", "2026-12-15T19:00",
            "--newspaper-days", "someday"], expect=2)


# ---------------------------------------------------------------- notice check

def test_check_flags_the_late_example_notice(loaded_store, invoke):
    out = invoke(["notice", "check", "harbor-mesa-council-2026-11-17"]).stdout
    assert ("harbor-mesa-council-2026-11-17/agenda: Agenda of a regular meeting: LATE by 2 hours 30 minutes "
            "(Cal. Gov. Code § 54954.2(a)(1))") in out
    data = json.loads(invoke(["notice", "check", "harbor-mesa-council-2026-11-17", "--json"]).stdout)
    assert data["all_on_time"] is False
    assert data["notices"][0]["late_by_seconds"] == 9000


def test_check_on_time_meeting_and_missing_notice(loaded_store, invoke):
    out = invoke(["notice", "check", "cvcrma-board-2026-12-17"]).stdout
    assert "Call and notice of a special meeting: on time" in out
    out = invoke(["notice", "check", "arbor-vista-council-2026-10-06"]).stdout
    assert "Agenda of a regular meeting: on time, 1 day 2 hours 45 minutes to spare" in out
    with loaded_store.transaction():
        loaded_store.insert("meetings", {
            "id": "arbor-vista-council-2026-12-01", "body": "arbor-vista-council", "kind": "regular",
            "start": "2026-12-01T19:00:00-08:00", "status": "scheduled",
        })
    out = invoke(["notice", "check", "arbor-vista-council-2026-12-01"]).stdout
    assert "MISSING: no regular notice is recorded (Cal. Gov. Code § 54954.2(a)(1))" in out
    invoke(["notice", "check", "no-such-meeting"], expect=4)


# ---------------------------------------------------------------- documents

def test_affidavit_for_a_late_posting_is_refused_before_writing(loaded_store, invoke, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "affidavit.docx"
    r = invoke(["notice", "render", "harbor-mesa-council-2026-11-17", "--kind", "affidavit", "--out", out],
               expect=3)
    assert "2 hours 30 minutes after the latest lawful time" in r.stderr
    assert not list(folder.iterdir())
    issued = list(loaded_store.db.query("select count(*) n from issued where kind = 'affidavit-posting'"))
    assert issued[0]["n"] == 0


def test_affidavit_for_a_timely_posting_states_the_facts(loaded_store, invoke, tmp_path):
    out = tmp_path / "affidavit.docx"
    r = invoke(["notice", "render", "cvcrma-board-2026-12-03", "--kind", "affidavit", "--out", out,
                "--executed-on", "2026-11-25"])
    assert "registered as issued" in r.stdout
    text = _docx_text(out.read_bytes())
    assert "I, August Lindgren, Secretary of the Board, declare" in text
    assert "on Wednesday, November 25, 2026, at 4:00 p.m." in text
    assert "The latest time for that posting was Monday, November 30, 2026, at 10:00 a.m." in text
    row = list(loaded_store.db.query("select sources from issued where kind = 'affidavit-posting'"))[0]
    assert json.loads(row["sources"]) == ["meeting:cvcrma-board-2026-12-03", "notice:cvcrma-board-2026-12-03/agenda"]


@pytest.mark.parametrize("meeting,document,expect", [
    ("cvcrma-board-2026-12-03", "agenda", "Liability program renewal"),
    ("cvcrma-board-2026-12-17", "special", "Costa Verde Ledger & Times"),
    ("harbor-mesa-council-2026-11-24", "adjournment", "was adjourned by the City Council on Tuesday, November 17, 2026, at 10:40 p.m."),
    ("cvcrma-board-2026-11-19", "cancellation", "Reason: No quorum"),
    ("harbor-mesa-council-2026-12-15", "hearing", "Harbor Mesa Ledger & Times on Tuesday, December 1, 2026 and Tuesday, December 8, 2026"),
])
def test_every_document_renders_from_the_records(loaded_store, invoke, tmp_path, meeting, document, expect):
    for fmt in ("docx", "md", "html"):
        out = tmp_path / f"{document}.{fmt}"
        invoke(["notice", "render", meeting, "--kind", document, "--format", fmt, "--out", out])
        if fmt == "docx":
            assert expect in _docx_text(out.read_bytes())
        elif fmt == "html":
            assert expect.replace("&", "&amp;") in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("document", list(sm.DOCUMENT_KINDS))
def test_ampersands_and_accents_survive_every_template(document):
    kind = sm.DOCUMENT_KINDS[document]
    ctx = render.get_kind(kind).sample()
    data = render.render(kind, ctx, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Peña &amp; Ortiz" in xml and "Zoë Ångström-Núñez" in xml
    Document(io.BytesIO(data))  # a well-formed file Word can open
    html = render.render(kind, ctx, "html")
    assert "Peña &amp; Ortiz" in html and "&amp;amp;" not in html


def test_template_variables_match_their_builders():
    ours = set(sm.DOCUMENT_KINDS.values())
    reports = [r for r in render.check_templates() if r.kind in ours]
    assert {r.kind for r in reports} == ours
    assert [str(p) for r in reports for p in r.problems] == []


def test_meeting_with_ampersand_and_accents_renders(store, invoke, tmp_path):
    from govdocs.store.loader import load

    records = tmp_path / "r.toml"
    records.write_text('''[[organization]]
id = "pena"
name = "Ciudad de Peña & Ortiz"
kind = "city"

[[person]]
id = "zoe"
name = "Zoë Ångström"

[[body]]
id = "pena-council"
organization = "pena"
name = "Concejo de Peña & Ortiz"
kind = "council"
seats = 5
clerk = "zoe"
clerk_title = "Secretaria & Archivista"
county = "Costa Verde"
state = "California"
time_zone = "America/Los_Angeles"

[[meeting]]
id = "pena-2026-12-10"
body = "pena-council"
kind = "special"
start = 2026-12-10T18:00:00
place = "Salón Núñez & Hijos"

[[agenda_item]]
meeting = "pena-2026-12-10"
number = "1"
title = "Contrato con Müller & Søn"

[[notice]]
id = "pena-2026-12-10/call"
meeting = "pena-2026-12-10"
kind = "special"
posted_at = 2026-12-08T09:00:00
posted_where = ["Tablón de anuncios, Plaza Peña & Ortiz"]
posted_by = "zoe"

[[delivery]]
notice = "pena-2026-12-10/call"
recipient = "José Ñúñez"
received_at = 2026-12-08T09:05:00
''', encoding="utf-8")
    load(store, [records])
    for document in ("agenda", "special", "affidavit"):
        out = tmp_path / f"{document}.docx"
        invoke(["notice", "render", "pena-2026-12-10", "--kind", document, "--out", out])
        text = _docx_text(out.read_bytes())
        assert "Salón Núñez & Hijos" in text
    assert "Zoë Ångström, Secretaria & Archivista, declare" in _docx_text((tmp_path / "affidavit.docx").read_bytes())
    assert "Contrato con Müller & Søn" in _docx_text((tmp_path / "agenda.docx").read_bytes())


@pytest.mark.libreoffice
@pytest.mark.parametrize("document,meeting", [("agenda", "cvcrma-board-2026-12-03"),
                                              ("special", "cvcrma-board-2026-12-17"),
                                              ("affidavit", "cvcrma-board-2026-12-03")])
def test_documents_render_to_pdf(loaded_store, invoke, tmp_path, document, meeting):
    requires_tool("libreoffice")
    out = tmp_path / f"{document}.pdf"
    r = invoke(["notice", "render", meeting, "--kind", document, "--format", "pdf", "--out", out])
    assert out.exists() and (tmp_path / f"{document}.docx").exists()
    assert r.stdout.count("registered as issued") == 2
    text = render.pdf_text(out)
    assert "Risk Management Board" in text


# ---------------------------------------------------------------- meeting commands

def test_meeting_new_list_show(loaded_store, invoke):
    out = invoke(["meeting", "new", "--body", "cvcrma-board", "--kind", "regular", "--start", "2027-02-04T10:00",
                  "--place", "Board Room", "--item", "Call to order", "--item", "Budget & fees"]).stdout
    assert out.splitlines()[0] == "Added meeting cvcrma-board-2027-02-04 (regular, 2027-02-04T10:00:00-08:00)."
    assert "no later than 2027-02-01 10:00 PST (-08:00)" in out
    listing = invoke(["meeting", "list", "--body", "cvcrma-board"]).stdout
    assert "cvcrma-board-2027-02-04  2027-02-04 10:00 PST  regular   scheduled" in listing
    shown = invoke(["meeting", "show", "cvcrma-board-2027-02-04"]).stdout
    assert "  2. Budget & fees" in shown and "Missing: no regular notice is recorded" in shown
    data = json.loads(invoke(["meeting", "show", "cvcrma-board-2026-12-03", "--json"]).stdout)
    assert len(data["items"]) == 6 and len(data["warnings"]) == 1
    invoke(["meeting", "new", "--body", "cvcrma-board", "--kind", "regular", "--start", "2027-02-04T10:00"], expect=2)


def test_meeting_ics_is_parsed_back(loaded_store, invoke, tmp_path):
    out = tmp_path / "all.ics"
    invoke(["meeting", "ics", "--all", "--out", out])
    cal = Calendar.from_ical(out.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == len(sm.list_meetings(loaded_store))
    printed = invoke(["meeting", "ics", "--body", "harbor-mesa-council", "--all"]).stdout
    cal = Calendar.from_ical(printed.encode("utf-8"))
    assert {str(e["uid"]).split("@")[0] for e in cal.walk("VEVENT")} >= {
        "harbor-mesa-council-2026-11-17", "cvcrma-board-2027-01-14-joint"}


def test_meeting_cancel_adjourn_and_joint(loaded_store, invoke):
    out = invoke(["meeting", "cancel", "cvcrma-board-2026-12-03", "--reason", "No quorum & no room",
                  "--decided-at", "2026-12-01T09:00"]).stdout
    assert out.splitlines()[0] == "Cancelled cvcrma-board-2026-12-03: No quorum & no room"
    check = json.loads(invoke(["notice", "check", "cvcrma-board-2026-12-03", "--json"]).stdout)
    assert check["missing"] == ["cancellation"]
    invoke(["meeting", "cancel", "cvcrma-board-2026-12-03", "--reason", "again"], expect=2)
    invoke(["meeting", "cancel", "harbor-mesa-council-2026-11-17", "--reason", "late"], expect=2)

    out = invoke(["meeting", "adjourn", "harbor-mesa-council-2026-12-15", "--at", "2026-12-15T22:45",
                  "--to", "2026-12-22T18:00"]).stdout
    assert out.splitlines()[0].startswith("Adjourned harbor-mesa-council-2026-12-15 to harbor-mesa-council-2026-12-22")
    assert "post no later than 2026-12-16 22:45 PST (-08:00) (Cal. Gov. Code § 54955)" in out
    shown = invoke(["meeting", "show", "harbor-mesa-council-2026-12-22"]).stdout
    assert "Adjourned from harbor-mesa-council-2026-12-15" in shown
    assert "Missing: no adjourned notice is recorded" in shown
    invoke(["meeting", "adjourn", "harbor-mesa-council-2026-12-15", "--at", "2026-12-15T22:45",
            "--to", "2026-12-15T20:00", "--id", "x"], expect=2)

    out = invoke(["meeting", "new", "--body", "harbor-mesa-council", "--kind", "joint", "--with", "cvcrma-board",
                  "--start", "2027-03-04T18:00", "--place", "Library"]).stdout
    assert "Call and notice of a special meeting: no later than 2027-03-03 18:00 PST" in out
    assert sm.meeting_bodies(loaded_store, "harbor-mesa-council-2027-03-04") == ["harbor-mesa-council", "cvcrma-board"]
    invoke(["meeting", "new", "--body", "harbor-mesa-council", "--kind", "joint", "--start", "2027-03-05T18:00"],
           expect=2)
