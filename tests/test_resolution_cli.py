"""Resolutions through the CLI and the store: drafting, adoption with its
number, refusals, certification (the Tustin seed case), packets, the issued
register, and two processes adopting at the same moment."""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import requires_tool
from govdocs.store.loader import load

TUSTIN = {
    "organizations.toml": """
[[organization]]
id = "tustin"
name = "City of Tustin"
kind = "city"
state = "California"
county = "Orange"
time_zone = "America/Los_Angeles"
""",
    "people.toml": "\n".join(
        f'[[person]]\nid = "{pid}"\nname = "{name}"\n' for pid, name in [
            ("schuster", "Schuster"), ("saltarelli", "Saltarelli"), ("sharp", "Sharp"),
            ("kennedy", "Kennedy"), ("welsh", "Welsh"), ("poe", "C. Poe")]),
    "council.toml": """
[[body]]
id = "tustin-council"
organization = "tustin"
name = "City Council"
kind = "council"
seats = 5
vote_rule = "majority-of-members"
numbering = "{yy}-{seq}"
numbering_reset = "calendar-year"
clerk = "poe"
clerk_title = "City Clerk"
member_title = "Councilmember"
city = "Tustin"
county = "Orange"
state = "California"
""" + "\n".join(
        f'[[seat]]\nid = "seat-{p}"\nbody = "tustin-council"\nperson = "{p}"\nrole = "member"\nterm_start = 1978-04-11\n'
        for p in ("schuster", "saltarelli", "sharp", "kennedy", "welsh")),
    "meetings.toml": """
[[meeting]]
id = "tustin-council-1979-11-19"
body = "tustin-council"
kind = "regular"
start = 1979-11-19T19:00:00
status = "held"

[[meeting]]
id = "tustin-council-1979-12-03"
body = "tustin-council"
kind = "regular"
start = 1979-12-03T19:00:00
status = "held"
""",
    "res-79-90.md": """+++
kind = "resolution"
id = "tustin-79-90"
body = "tustin-council"
number = "79-90"
title = "A Resolution of the City Council of the City of Tustin, California, Setting a Public Hearing"
status = "adopted"
meeting = "tustin-council-1979-11-19"
adopted_on = 1979-11-19
+++

## Resolved

The public hearing is set for December 17, 1979.
""",
    "res-jpa.md": """+++
kind = "resolution"
id = "tustin-jpa-bylaws"
body = "tustin-council"
title = "A Resolution of the City Council of the City of Tustin, California, to Approve Certain Modifications to the Joint Powers Agreement and Related By-Laws for the Orange County Cities Risk Management Authority"
status = "draft"
+++

## Recitals

WHEREAS, the City Council has authorized participation by the City in the Orange County Cities Risk Management Authority; and

WHEREAS, approval of 6 of the 8 member city councils is required to change the Joint Powers Agreement or the By-Laws;

## Resolved

NOW, THEREFORE, BE IT RESOLVED that the City Council of the City of Tustin approves the attached changes to the Joint Powers Agreement and the By-Laws.
""",
}

ALL_AYE = ["--aye", "schuster,saltarelli,sharp,kennedy,welsh"]
MEETING = "tustin-council-1979-12-03"


@pytest.fixture
def tustin(store, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    for name, text in TUSTIN.items():
        (folder / name).write_text(text, encoding="utf-8")
    load(store, [folder])
    return store


def docx_text(path) -> str:
    d = docx.Document(str(path))
    text = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            text.append(" ".join(c.text for c in row.cells))
    return "\n".join(text)


def adopt_seed(invoke):
    out = invoke(["resolution", "adopt", "tustin-jpa-bylaws", "--meeting", MEETING, *ALL_AYE])
    assert "Adopted as Resolution No. 79-91 on 1979-12-03" in out.output


def test_seed_case_certification_states_every_fact(tustin, invoke, tmp_path):
    adopt_seed(invoke)
    out = tmp_path / "79-91.docx"
    invoke(["certify", "79-91", "--out", out])
    text = docx_text(out)
    flat = " ".join(text.split())
    assert "RESOLUTION NO. 79-91" in text
    assert "STATE OF CALIFORNIA\t)" in text and "COUNTY OF ORANGE\t)  ss." in text
    assert "CITY OF TUSTIN\t)" in text
    assert "I, C. POE, City Clerk of the City of Tustin, California" in flat
    assert "the whole number of members of the City Council of the City of Tustin is five" in flat
    assert "Resolution No. 79-91, set out above, was duly passed and adopted" in flat
    assert "at a regular meeting held on the 3rd day of December, 1979" in flat
    assert "AYES: COUNCILMEMBERS: Schuster, Saltarelli, Sharp, Kennedy, Welsh" in text
    assert "NOES: COUNCILMEMBERS: None" in text
    assert "ABSENT: COUNCILMEMBERS: None" in text
    assert "ABSTAIN: COUNCILMEMBERS: None" in text
    assert "PASSED, APPROVED AND ADOPTED by the City Council of the City of Tustin at a regular " \
           "meeting held on the 3rd day of December, 1979." in flat


@pytest.mark.libreoffice
def test_seed_case_pdf_and_packet(tustin, invoke, tmp_path):
    requires_tool("libreoffice")
    adopt_seed(invoke)
    out, packet = tmp_path / "cert.docx", tmp_path / "packet.pdf"
    invoke(["certify", "79-91", "--out", out, "--pdf", "--packet", packet])
    pdf = tmp_path / "cert.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    for fact in ("RESOLUTION NO. 79-91", "STATE OF CALIFORNIA", "COUNTY OF ORANGE", "CITY OF TUSTIN",
                 "C. POE", "is five", "regular meeting held on the 3rd day of December, 1979",
                 "Schuster, Saltarelli, Sharp, Kennedy, Welsh", "NOES: COUNCILMEMBERS: None",
                 "ABSENT: COUNCILMEMBERS: None"):
        assert fact in text, fact
    reader = PdfReader(packet)
    assert [o.title for o in reader.outline] == [
        "Resolution No. 79-91", "Certificate of adoption, Resolution No. 79-91"]
    assert reader.metadata.title == "Resolution No. 79-91 \u2014 certified packet"
    assert reader.metadata["/ResolutionNumber"] == "79-91"
    assert reader.metadata["/Body"] == "City Council of the City of Tustin"
    assert reader.metadata["/AdoptedOn"] == "1979-12-03"
    assert "Schuster, Saltarelli, Sharp, Kennedy, Welsh" in " ".join(
        reader.pages[-1].extract_text().split())
    invoke(["issued", "verify", packet])
    invoke(["issued", "verify", pdf])


@pytest.mark.libreoffice
def test_packet_includes_exhibits(store, invoke, tmp_path, tustin):
    requires_tool("libreoffice")
    from pypdf import PdfWriter

    exhibit = tmp_path / "proposed-revisions.pdf"
    w = PdfWriter()
    for _ in range(2):
        w.add_blank_page(612, 792)
    w.write(exhibit)
    invoke(["resolution", "new", "--body", "tustin-council", "--title", "Approving the exhibit",
            "--clause", "The exhibit is approved.", "--exhibit", str(exhibit), "--id", "ex-1"])
    invoke(["resolution", "adopt", "ex-1", "--meeting", MEETING, *ALL_AYE])
    packet = tmp_path / "p.pdf"
    invoke(["certify", "ex-1", "--packet", packet, "--out", tmp_path / "c.docx"])
    reader = PdfReader(packet)
    assert [o.title for o in reader.outline][-1] == "Exhibit A: proposed revisions"
    assert len(reader.pages) == 4


def test_refusals_through_the_cli(tustin, invoke, tmp_path):
    # a draft
    r = invoke(["certify", "tustin-jpa-bylaws", "--out", tmp_path / "x.docx"], expect=3)
    assert "cannot be certified: it was not adopted: it is still a draft" in r.stderr
    # a vote that fails under its rule (3 of 5 is not two-thirds)
    r = invoke(["resolution", "adopt", "tustin-jpa-bylaws", "--meeting", MEETING, "--rule",
                "two-thirds-of-members", "--aye", "schuster,saltarelli,sharp", "--no", "kennedy,welsh"])
    assert "Not adopted: Failed: 3 ayes" in r.output
    r = invoke(["certify", "tustin-jpa-bylaws", "--out", tmp_path / "x.docx"], expect=3)
    assert "it was not adopted: it failed" in r.stderr
    assert not (tmp_path / "x.docx").exists()
    # a roll call that leaves out a seat is not even recorded
    invoke(["resolution", "new", "--body", "tustin-council", "--title", "Another", "--id", "other"])
    r = invoke(["resolution", "adopt", "other", "--meeting", MEETING, "--aye",
                "schuster,saltarelli,sharp,kennedy"], expect=3)
    assert "does not account for welsh, who held a seat on 1979-12-03" in r.stderr
    assert tustin.get("resolutions", "other")["status"] == "draft"


def test_certify_refuses_a_roll_call_missing_a_seat_in_the_records(tustin, invoke, tmp_path):
    """A roll call recorded before a seat was added to the records is caught at certification."""
    adopt_seed(invoke)
    with tustin.transaction():
        tustin.insert("people", {"id": "greinke", "name": "Frank Greinke"})
        tustin.insert("seats", {"id": "seat-greinke", "body": "tustin-council", "person": "greinke",
                                "role": "member", "term_start": "1979-06-01"})
    r = invoke(["certify", "79-91", "--out", tmp_path / "x.docx"], expect=3)
    assert ("the roll call does not account for every seat: no vote is recorded for Frank Greinke, "
            "who held a seat on 1979-12-03") in r.stderr
    assert "records show 6 members seated on 1979-12-03, more than the body's 5 seats" in r.stderr


def test_lifecycle_new_show_list_render(tustin, invoke, tmp_path):
    src = tmp_path / "draft.md"
    src.write_text("## Recitals\n\nWHEREAS, the roof leaks; and\n\nWHEREAS, bids came in;\n\n"
                   "## Resolved\n\nThe contract is awarded to Smith & Sons.\n\nThe Mayor may sign it.\n")
    r = invoke(["resolution", "new", "--body", "tustin-council", "--title", "Awarding the roof contract",
                "--from", src, "--json"])
    draft = json.loads(r.output)
    assert draft["status"] == "draft" and draft["number"] is None
    out = tmp_path / "draft.docx"
    invoke(["resolution", "render", draft["id"], "--out", out])
    text = docx_text(out)
    assert "RESOLUTION NO. ____" in text
    assert "A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF TUSTIN, CALIFORNIA, AWARDING THE ROOF CONTRACT" in text
    assert "Section 1. The contract is awarded to Smith & Sons." in text
    assert "held on the ____ day of ______________, ______." in text
    invoke(["resolution", "render", draft["id"], "--out", tmp_path / "draft.html"])
    assert "Smith &amp; Sons" in (tmp_path / "draft.html").read_text()
    r = invoke(["resolution", "adopt", draft["id"], "--meeting", MEETING, "--aye",
                "schuster,saltarelli,sharp", "--no", "kennedy", "--absent", "welsh"])
    assert "Adopted as Resolution No. 79-91" in r.output
    r = invoke(["resolution", "show", "79-91"])
    assert "status     : adopted" in r.output and "aye     : saltarelli, schuster, sharp" in r.output
    r = invoke(["resolution", "list", "--status", "adopted"])
    assert [line.split()[0] for line in r.output.splitlines()] == ["79-90", "79-91"]
    # adopted is final
    r = invoke(["resolution", "withdraw", "79-91"], expect=3)
    assert "is adopted, not a draft" in r.stderr
    r = invoke(["resolution", "adopt", "79-91", "--meeting", MEETING, *ALL_AYE], expect=3)


def test_withdraw_fail_rescind_supersede(tustin, invoke, tmp_path):
    invoke(["resolution", "new", "--body", "tustin-council", "--title", "Withdrawn one", "--id", "w"])
    invoke(["resolution", "withdraw", "w"])
    invoke(["resolution", "new", "--body", "tustin-council", "--title", "No second", "--id", "f"])
    invoke(["resolution", "fail", "f"])
    r = invoke(["resolution", "list", "--json"])
    statuses = {row["id"]: row["status"] for row in json.loads(r.output)}
    assert statuses["w"] == "withdrawn" and statuses["f"] == "failed"
    # rescind 79-90 with a new resolution; certified copies of 79-90 are then refused
    invoke(["certify", "79-90", "--copy", "--out", tmp_path / "ok.docx"], expect=3)  # 79-90 has no vote
    adopt_seed(invoke)
    invoke(["certify", "79-91", "--copy", "--out", tmp_path / "copy.docx", "--date", "2026-11-22"])
    text = docx_text(tmp_path / "copy.docx")
    flat = " ".join(text.split())
    assert "is a full, true and correct copy of Resolution No. 79-91" in flat
    assert "has not been amended or repealed" in flat
    assert "Dated November 22, 2026." in text
    assert flat.index("CERTIFIED COPY") < flat.index("RESOLUTION NO. 79-91") < flat.index("CERTIFICATE OF ADOPTION")
    invoke(["resolution", "new", "--body", "tustin-council", "--title", "Rescinding 79-91",
            "--id", "resc", "--rescinds", "79-91"])
    invoke(["resolution", "adopt", "resc", "--meeting", MEETING, *ALL_AYE])
    r = invoke(["resolution", "show", "79-91"])
    assert "status     : rescinded" in r.output and "rescinded_by: 79-92" in r.output
    r = invoke(["certify", "79-91", "--copy", "--out", tmp_path / "copy2.docx"], expect=3)
    assert "cannot be certified as a true copy in effect: it was rescinded by 79-92" in r.stderr
    invoke(["certify", "79-91", "--alone", "--out", tmp_path / "alone.docx"])   # the adoption still can
    assert "entitled \u201cA Resolution of the City Council" in docx_text(tmp_path / "alone.docx")
    invoke(["resolution", "new", "--body", "tustin-council", "--title", "Superseding", "--id", "sup"])
    invoke(["resolution", "link", "sup", "--supersedes", "79-92"])
    invoke(["resolution", "adopt", "sup", "--meeting", MEETING, *ALL_AYE])
    assert "status     : superseded" in invoke(["resolution", "show", "79-92"]).output
    r = invoke(["resolution", "new", "--body", "tustin-council", "--title", "x", "--rescinds", "w"], expect=3)
    assert "only an adopted resolution can be rescinded; w is withdrawn" in r.stderr
    r = invoke(["resolution", "new", "--body", "tustin-council", "--title", "x", "--supersedes", "f"], expect=3)
    assert "only an adopted resolution can be superseded; f is failed" in r.stderr


def test_issued_register_and_verify(tustin, invoke, tmp_path):
    adopt_seed(invoke)
    out = tmp_path / "c.docx"
    invoke(["certify", "79-91", "--out", out])
    r = invoke(["issued", "verify", out])
    assert "issued by govdocs and unaltered" in r.output
    assert "resolutions:tustin-jpa-bylaws" in r.output and "votes:tustin-jpa-bylaws-vote" in r.output
    row = tustin.rows("issued")[-1]
    assert row["template"] == "resolution.docx+certification.docx" and len(row["template_sha256"]) == 64
    data = bytearray(out.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        assert "word/document.xml" in z.namelist()
    out.write_bytes(bytes(data) + b"tampered")
    r = invoke(["issued", "verify", out], expect=1)
    assert "ALTERED" in r.stderr
    stranger = tmp_path / "stranger.docx"
    stranger.write_bytes(b"hello")
    r = invoke(["issued", "verify", stranger], expect=4)
    assert "not a document govdocs issued" in r.stderr
    with pytest.raises(Exception, match="append-only"):
        with tustin.transaction():
            tustin.update("issued", row["id"], {"title": "changed"})


ADOPT_SCRIPT = """
import sys, time
from govdocs.store import RecordStore
from govdocs.store.resolutions import adopt
start = float(sys.argv[3])
store = RecordStore(sys.argv[1], actor="clerk-" + sys.argv[2])
while time.time() < start:
    time.sleep(0.001)
result = adopt(store, sys.argv[2], "tustin-council-1979-12-03",
               {"aye": ["schuster", "saltarelli", "sharp", "kennedy", "welsh"]})
print(result["resolution"]["number"])
"""


@pytest.mark.slow
def test_processes_adopting_at_the_same_moment_get_different_numbers(tustin, invoke, db_path, tmp_path):
    import time

    ids = [f"same-moment-{i}" for i in range(6)]
    for key in ids:
        invoke(["resolution", "new", "--body", "tustin-council", "--title", key, "--id", key])
    tustin.close()
    start = time.time() + 1.5
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    procs = [subprocess.Popen([sys.executable, "-c", ADOPT_SCRIPT, str(db_path), key, str(start)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for key in ids]
    numbers = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        numbers.append(out.strip())
    assert sorted(numbers, key=lambda n: int(n.split("-")[1])) == [f"79-{n}" for n in range(91, 97)]
    r = invoke(["resolution", "list", "--status", "adopted", "--json"])
    stored = [row["number"] for row in json.loads(r.output)]
    assert len(stored) == len(set(stored)) == 7


def test_numbering_follows_the_body_format_across_years(store, invoke, tmp_path, tustin):
    with tustin.transaction():
        tustin.insert("meetings", {"id": "jan-1980", "body": "tustin-council", "kind": "adjourned",
                                   "start": "1980-01-07T19:00:00-08:00", "status": "held"})
    invoke(["resolution", "new", "--body", "tustin-council", "--title", "New year", "--id", "ny"])
    r = invoke(["resolution", "adopt", "ny", "--meeting", "jan-1980", *ALL_AYE])
    assert "Adopted as Resolution No. 80-1 on 1980-01-07" in r.output
    out = tmp_path / "ny.docx"
    invoke(["certify", "80-1", "--alone", "--out", out])
    assert "adjourned meeting held on the 7th day of January, 1980" in " ".join(docx_text(out).split())


def test_listing_commands(tustin, invoke, tmp_path):
    adopt_seed(invoke)
    info = json.loads(invoke(["resolution", "show", "79-91", "--json"]).output)
    assert info["number"] == "79-91" and info["vote"]["outcome"] == "carried"
    assert info["vote"]["casts"]["aye"] == ["kennedy", "saltarelli", "schuster", "sharp", "welsh"]
    invoke(["certify", "79-91", "--alone", "--out", tmp_path / "a.docx"])
    listed = invoke(["issued", "list", "--kind", "certification"]).output
    assert str(tmp_path / "a.docx") in listed
    rows = json.loads(invoke(["issued", "list", "--json"]).output)
    assert rows[-1]["kind"] == "certification" and json.loads(rows[-1]["sources"])[0] == "resolutions:tustin-jpa-bylaws"
    kinds = invoke(["templates", "list"]).output
    assert "certification" in kinds and "certified-copy.docx" in kinds
    r = invoke(["certify", "79-91", "--out", tmp_path / "a.pdf"], expect=2)
    assert "expected a .docx file name" in r.stderr
    r = invoke(["certify", "no-such", "--out", tmp_path / "b.docx"], expect=4)
    assert "no resolution with id or number 'no-such'" in r.stderr


def _shape(value):
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [_shape(value[0])]
    return type(value).__name__ if value is not None else None


@pytest.mark.parametrize("certify", [False, "adoption", "copy"])
def test_builders_give_the_shape_their_samples_promise(loaded_store, certify):
    """check_templates checks templates against each kind's sample; the real
    builder on the example records must give a context of the same shape."""
    from govdocs.render.resolutions import sample_resolution
    from govdocs.store.resolutions import document_context

    real = _shape(document_context(loaded_store, "2026-41", certify=certify))
    sample = _shape(sample_resolution())
    if not certify:
        real["roll_call"] = sample["roll_call"]          # only certificates list the roll call
    real["resolution"]["exhibits"] = sample["resolution"]["exhibits"]
    real["resolution"]["exhibit_titles"] = sample["resolution"]["exhibit_titles"]
    assert real == sample
