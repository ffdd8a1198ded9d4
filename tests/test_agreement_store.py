"""Agreements, amendments and ratifications in the store, on the example records."""

from __future__ import annotations

import datetime as dt

import pytest

from govdocs import legaltext as lt
from govdocs.errors import NotFound, RecordErrors, Refused
from govdocs.store import agreements as A
from govdocs.store.loader import load

from conftest import RECORDS

AMENDMENT = "cvcrma-2026-1"
D = dt.date.fromisoformat


def test_example_agreements_load(loaded_store):
    rows = {r["id"]: r for r in A.list_agreements(loaded_store)}
    assert set(rows) == {"cvcrma-agreement", "cvcrma-bylaws"}
    assert rows["cvcrma-agreement"]["scheme"] == "agreement"
    doc = A.agreement_text(loaded_store, "cvcrma-agreement")
    assert [u.label for u in doc.units] == [str(n) for n in range(1, 9)]
    assert doc.unit("Art. 1(f)(ii)").kind == "paragraph"
    bylaws = A.agreement_text(loaded_store, "cvcrma-bylaws")
    assert bylaws.unit("Sec. 7.110(a)(2)").text == "on the form the Board adopts; and"
    # before it was adopted there was no text
    assert A.agreement_text(loaded_store, "cvcrma-agreement", D("1980-01-01")).units == ()


def test_loading_twice_changes_nothing(loaded_store):
    report = load(loaded_store, [RECORDS / "agreements"])
    assert report.changed == 0


def test_example_ratification_is_under_way(loaded_store):
    st = A.status(loaded_store, AMENDMENT)
    assert st.status == "pending" and st.rule == "6-of-8" and st.required == 6
    assert st.approved == ("City of Arbor Vista", "City of Bellhaven", "City of Cedar Glen")
    assert st.rejected == ("City of Driftwood Bay",)
    assert st.pending == ("City of Encina Springs", "City of Foxhollow", "City of Granite Ridge",
                          "City of Harbor Mesa")
    assert st.effective_on is None


def test_members_are_the_agencies_the_board_seats_represent(loaded_store):
    members = A.members_for(loaded_store, AMENDMENT)
    assert len(members) == 8
    assert all(m.member_on(D("2026-09-17")) for m in members)
    assert A.find_member(members, loaded_store, "Foxhollow").id == "foxhollow"
    assert A.find_member(members, loaded_store, "city of foxhollow").id == "foxhollow"
    with pytest.raises(NotFound, match="'Atlantis' is not a member agency"):
        A.find_member(members, loaded_store, "Atlantis")


def test_arbor_vista_approval_points_at_its_resolution_and_vote(loaded_store):
    rows = {r["id"]: r for r in A.member_rows(loaded_store, AMENDMENT)}
    av = rows["arbor-vista"]
    assert av["action"] == "approved" and av["copy_received_on"] == "2026-10-09"
    assert av["resolution"]["id"] == "arbor-vista-2026-41"
    assert av["resolution"]["vote"]["ayes"] == 4 and av["resolution"]["vote"]["absent"] == 1
    assert rows["foxhollow"]["action"] == "pending"


def test_ratifying_applies_the_amendment_from_the_effective_date(loaded_store):
    before = A.agreement_text(loaded_store, "cvcrma-agreement")
    bylaws_before = A.agreement_text(loaded_store, "cvcrma-bylaws")
    A.record_action(loaded_store, AMENDMENT, "encina-springs", "approved", D("2026-10-27"))
    st = A.record_action(loaded_store, AMENDMENT, "granite-ridge", "approved", D("2026-11-10"),
                         resolution_number="2026-90", copy_received_on=D("2026-11-12"))
    assert st.status == "pending" and len(st.approved) == 5
    st = A.record_action(loaded_store, AMENDMENT, "Harbor Mesa", "approved", D("2026-11-17"))
    assert st.status == "ratified" and st.effective_on == D("2026-11-17")
    assert st.filing_due_on == D("2026-12-17")
    assert loaded_store.get("amendments", AMENDMENT)["effective_on"] == "2026-11-17"
    day_before = D("2026-11-16")
    assert A.agreement_text(loaded_store, "cvcrma-agreement", day_before) == before
    assert A.agreement_text(loaded_store, "cvcrma-bylaws", day_before) == bylaws_before
    after = A.agreement_text(loaded_store, "cvcrma-agreement", D("2026-11-17"))
    assert "at the start of any quarter" in after.unit("Art. 4(b)").text
    assert after.unit("Art. 4(c)").uid == "art-4-c"
    bylaws = A.agreement_text(loaded_store, "cvcrma-bylaws")
    assert bylaws.unit("Sec. 16.100").uid == "sec-9.100"
    with pytest.raises(NotFound):
        bylaws.unit("Sec. 6.110(b)")
    # a late approval is still recorded, and does not apply the amendment twice
    versions = loaded_store.db["provisions"].count
    st = A.record_action(loaded_store, AMENDMENT, "foxhollow", "approved", D("2026-11-24"))
    assert st.after_ratification == ("City of Foxhollow",) and st.pending == ()
    assert loaded_store.db["provisions"].count == versions
    # the redline now compares the versions on either side of the effective date
    (ag, old, new), _ = A.before_and_after(loaded_store, AMENDMENT)
    assert old == before and new == after


def test_recording_an_action_twice_is_refused(loaded_store):
    with pytest.raises(Refused, match="City of Arbor Vista's action is already recorded"):
        A.record_action(loaded_store, AMENDMENT, "arbor-vista", "approved", D("2026-11-01"))
    with pytest.raises(NotFound, match="no amendment 'nope'"):
        A.status(loaded_store, "nope")
    count = loaded_store.db["ratifications"].count
    with pytest.raises(NotFound):
        A.record_action(loaded_store, AMENDMENT, "atlantis", "approved", D("2026-11-01"))
    assert loaded_store.db["ratifications"].count == count


def test_ratification_through_load_applies_the_amendment(loaded_store, tmp_path):
    text = "".join(f"""
[[ratification]]
amendment = "{AMENDMENT}"
member = "{m}"
action = "approved"
acted_on = 2026-11-0{i}
""" for i, m in enumerate(["encina-springs", "foxhollow", "granite-ridge"], start=1))
    (tmp_path / "more.toml").write_text(text, encoding="utf-8")
    load(loaded_store, [tmp_path / "more.toml"])
    row = loaded_store.get("amendments", AMENDMENT)
    assert row["effective_on"] == "2026-11-03"   # the sixth approval
    assert "seven" in A.agreement_text(loaded_store, "cvcrma-bylaws").unit("Sec. 6.110(a)(2)").text


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_agreement_file_with_bad_numbering_names_the_line(loaded_store, tmp_path):
    path = _write(tmp_path, "bad.md", "+++\nkind = \"agreement\"\nid = \"bad\"\n"
                  "organization = \"cvcrma\"\nscheme = \"agreement\"\n+++\n\n"
                  "## ARTICLE 1. ONE\n\n(a) first\n\n(c) third\n\n(b) second\n")
    with pytest.raises(RecordErrors) as e:
        load(loaded_store, [path])
    assert f"{path}:14: field 'label': '(b)' does not fit" in str(e.value)
    assert loaded_store.find("agreements", "bad") is None


def test_change_citing_a_unit_that_does_not_exist(loaded_store, tmp_path):
    path = _write(tmp_path, "a.toml", """
[[amendment]]
id = "x-1"
organization = "cvcrma"
body = "cvcrma-board"
title = "X"
proposed_on = 2026-11-01
rule = "two-thirds"

[[amendment-change]]
amendment = "x-1"
seq = 1
agreement = "cvcrma-agreement"
action = "repeal"
target = "Art. 4(d)"
""")
    with pytest.raises(RecordErrors) as e:
        load(loaded_store, [path])
    assert "field 'target': Art. 4(d) does not exist: Art. 4 has no subdivision d" in str(e.value)
    assert f"{path}:15" in str(e.value)
    assert loaded_store.find("amendments", "x-1") is None


def test_ratification_file_for_a_stranger_or_before_the_proposal(loaded_store, tmp_path):
    path = _write(tmp_path, "r.toml", f"""
[[ratification]]
amendment = "{AMENDMENT}"
member = "foxhollow"
action = "approved"
acted_on = 2026-09-01
""")
    with pytest.raises(RecordErrors, match="before the amendment was proposed"):
        load(loaded_store, [path])


def test_new_amendment_checks_its_changes(loaded_store):
    with pytest.raises(NotFound, match="Sec. 7.110\\(c\\) does not exist"):
        A.new_amendment(loaded_store, amendment_id="cvcrma-2027-1", organization="cvcrma",
                        body="cvcrma-board", title="T", proposed_on=D("2027-01-21"),
                        rule="two-thirds", changes=[{"agreement": "cvcrma-bylaws",
                                                     "action": "repeal", "target": "Sec. 7.110(c)"}])
    assert loaded_store.find("amendments", "cvcrma-2027-1") is None
    A.new_amendment(loaded_store, amendment_id="cvcrma-2027-1", organization="cvcrma",
                    body="cvcrma-board", title="T", proposed_on=D("2027-01-21"), rule="unanimous",
                    changes=[{"agreement": "cvcrma-bylaws", "action": "insert",
                              "target": "Sec. 7.110(b)", "text": "(c) Claims are kept ten years."}])
    (ag, before, after), = A.before_and_after(loaded_store, "cvcrma-2027-1")
    blocks = [b for b in lt.redline(before, after) if b.changed]
    assert [(b.uid, b.change) for b in blocks] == [("sec-7.110-c", "inserted")]
    with pytest.raises(Refused, match="already exists"):
        A.new_amendment(loaded_store, amendment_id="cvcrma-2027-1", organization="cvcrma",
                        body="cvcrma-board", title="T", proposed_on=D("2027-01-21"),
                        rule="unanimous", changes=[{"agreement": "cvcrma-bylaws",
                                                    "action": "repeal", "target": "Sec. 7.110(b)"}])


def test_a_member_whose_seat_ends_has_withdrawn(loaded_store):
    seat = loaded_store.rows("seats", "body = ? and represents = ?", ["cvcrma-board", "foxhollow"])[0]
    with loaded_store.transaction():
        loaded_store.update("seats", seat["id"], {"term_end": "2026-10-31"})
    members = {m.id: m for m in A.members_for(loaded_store, AMENDMENT)}
    assert members["foxhollow"].withdrew_on == D("2026-11-01")
    st = A.status(loaded_store, AMENDMENT, D("2026-11-05"))
    # counted as of the proposal: Foxhollow still counts but can no longer act
    assert st.withdrawn == ("City of Foxhollow",) and "City of Foxhollow" not in st.pending
    assert {r["id"]: r["action"] for r in A.member_rows(loaded_store, AMENDMENT, st)}[
        "foxhollow"] == "withdrawn"
    with pytest.raises(Refused, match="City of Foxhollow was not a member agency on 2026-11-02"):
        A.record_action(loaded_store, AMENDMENT, "foxhollow", "approved", D("2026-11-02"))
