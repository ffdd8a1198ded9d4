"""Resolution contexts: headings, body names, a JPA board's certificate."""

import dataclasses
import datetime as dt

from govdocs.certification import CertificationInput, Member, VoteRecord, certify_adoption
from govdocs.render import render
from govdocs.render.resolutions import body_names, exhibit_title, resolution_context, resolution_parts

import docx
import io


def test_body_names():
    org = {"name": "City of Arbor Vista", "kind": "city"}
    assert body_names({"name": "City Council of the City of Arbor Vista"}, org) == (
        "City Council", "City Council of the City of Arbor Vista")
    assert body_names({"name": "City Council"}, org) == ("City Council", "City Council of the City of Arbor Vista")
    jpa = {"name": "Costa Verde Cities Risk Management Authority", "kind": "authority"}
    assert body_names({"name": "Board of Directors"}, jpa) == (
        "Board of Directors", "Board of Directors of the Costa Verde Cities Risk Management Authority")


def test_heading_and_clauses_from_records():
    org = {"name": "City of Tustin", "kind": "city"}
    parts = resolution_parts({"id": "r", "title": "Approving a lease", "recitals": '["WHEREAS, a; and", "b;"]',
                              "clauses": '["The lease is approved."]'},
                             "City Council of the City of Tustin", org, "California")
    assert parts["heading"] == "A Resolution of the City Council of the City of Tustin, California, Approving a lease"
    assert parts["recitals"] == ["a; and", "b;"]
    assert parts["lead"] is True and parts["clauses"][0]["label"] == "Section 1. "
    whole = resolution_parts({"id": "r", "title": "A RESOLUTION OF THE COUNCIL ...", "recitals": [],
                              "clauses": ["NOW, THEREFORE, BE IT RESOLVED that x.", "BE IT FURTHER RESOLVED y."]},
                             "City Council of the City of Tustin", org, "California")
    assert whole["heading"] == "A RESOLUTION OF THE COUNCIL ..."
    assert whole["lead"] is False and [c["label"] for c in whole["clauses"]] == ["", ""]


def test_exhibit_titles():
    assert exhibit_title(1, "exhibits/proposed-revisions.pdf") == "Exhibit A: proposed revisions"
    assert exhibit_title(2, "C:\\files\\by_laws.docx") == "Exhibit B: by laws"


def test_jpa_board_certificate():
    org = {"id": "cvcrma", "name": "Costa Verde Cities Risk Management Authority", "kind": "authority",
           "state": "California", "county": "Costa Verde"}
    body = {"id": "board", "name": "Board of Directors", "kind": "board", "seats": 8,
            "clerk_title": "Secretary", "member_title": "Director"}
    members = tuple(Member(f"d{i}", f"Director Number{i}") for i in range(8))
    vote = VoteRecord("v", "two-thirds-of-members", {m.person: "aye" for m in members[:6]} |
                      {"d6": "no", "d7": "absent"}, "m")
    day = dt.date(2026, 9, 17)
    facts = certify_adoption(CertificationInput("r", "2026-3", "Amending the By-Laws", "adopted", 8,
                                                members, vote, "m", "special", day, day))
    ctx = resolution_context(org=org, body=body, resolution={"id": "r", "number": "2026-3",
                             "title": "Amending the By-Laws", "status": "adopted", "recitals": [],
                             "clauses": ["The By-Laws are amended."]},
                             clerk={"name": "August Lindgren"}, meeting={"id": "m", "kind": "special"},
                             meeting_date=day, facts=facts)
    d = docx.Document(io.BytesIO(render("certification", ctx)))
    text = "\n".join(p.text for p in d.paragraphs)
    rows = [" ".join(c.text for c in r.cells) for r in d.tables[0].rows]
    assert "CITY OF" not in text
    assert "COUNTY OF COSTA VERDE\t)  ss." in text
    assert ("I, AUGUST LINDGREN, Secretary of the Costa Verde Cities Risk Management Authority, certify "
            "that the whole number of members of the Board of Directors of the Costa Verde Cities Risk "
            "Management Authority is eight") in text
    assert "at a special meeting held on the 17th day of September, 2026" in text
    assert rows[0].startswith("AYES: DIRECTORS: Number0, Number1")
    assert rows[1] == "NOES: DIRECTORS: Number6"
