"""Ratification of an amendment by the member agencies' councils."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from govdocs import ratification as r
from govdocs.errors import InvalidInput, NotFound, Refused

PROPOSED = date(2026, 9, 10)
CITIES = ["Almaden", "Bayside", "Cedar Grove", "Dos Rios", "El Sereno", "Fairhaven",
          "Granite Bay", "Hollister Park"]


def members(n=8, **changes):
    out = []
    for name in CITIES[:n]:
        mid = name.lower().replace(" ", "-")
        out.append(r.Member(mid, name, date(1979, 12, 3), changes.get(mid)))
    return out


def act(member, on, action="approved", **kw):
    return r.Action(member, action, on, **kw)


def day(n):
    return PROPOSED + timedelta(days=n)


def status(rule, actions, ms=None, counting="proposal", effective="on ratification", as_of=None):
    prop = r.Proposal(rule, PROPOSED, counting, effective)
    return r.status(prop, ms if ms is not None else members(), actions, as_of)


IDS = ["almaden", "bayside", "cedar-grove", "dos-rios", "el-sereno", "fairhaven",
       "granite-bay", "hollister-park"]


# ---------------------------------------------------------------- rules

@pytest.mark.parametrize("rule,members_,required", [
    ("6-of-8", 8, 6), ("6 of 8", 8, 6), ("two-thirds", 8, 6), ("two-thirds", 9, 6),
    ("two-thirds", 7, 5), ("three-fourths", 8, 6), ("majority", 8, 5), ("majority", 7, 4),
    ("unanimous", 8, 8), ("unanimous", 3, 3)])
def test_required(rule, members_, required):
    assert r.parse_rule(rule).required(members_) == required


@pytest.mark.parametrize("bad", ["", "most", "9-of-8", "0-of-8", "two thirds"])
def test_unknown_rule(bad):
    with pytest.raises(InvalidInput):
        r.parse_rule(bad)


def test_proposal_checks_its_terms():
    with pytest.raises(InvalidInput, match="unknown way of counting"):
        r.Proposal("majority", PROPOSED, "today")
    with pytest.raises(InvalidInput, match="cannot read the effective date"):
        r.Proposal("majority", PROPOSED, effective="next spring")


# ---------------------------------------------------------------- the sample's rule: 6 of 8

def test_pending_with_some_approved_one_rejected():
    s = status("6-of-8", [act("almaden", day(20), resolution="26-41"),
                          act("bayside", day(27)), act("cedar-grove", day(27), "rejected")])
    assert s.status == "pending"
    assert (s.required, s.approved, s.rejected) == (6, ("Almaden", "Bayside"), ("Cedar Grove",))
    assert s.pending == ("Dos Rios", "El Sereno", "Fairhaven", "Granite Bay", "Hollister Park")
    assert s.outstanding == s.pending
    assert s.effective_on is None and s.filing_due_on is None
    assert s.explanation == "Pending: 2 of 6 approvals needed; 5 members have not acted."
    assert [e.text for e in s.events][:2] == [
        "Proposed; approval of 6 of the 8 member agencies needed (6 of 8)",
        "Almaden approved (Resolution No. 26-41)"]


def test_threshold_met_early_and_later_approvals_still_recorded():
    acts = [act(m, day(10 + i)) for i, m in enumerate(IDS[:7])]
    s = status("6-of-8", acts)
    assert s.status == "ratified"
    assert s.ratified_on == day(15)                 # the sixth approval
    assert s.effective_on == day(15)
    assert len(s.approved) == 7
    assert s.after_ratification == ("Granite Bay",)
    assert s.pending == ("Hollister Park",)
    assert any(e.text == "Ratified: 6 of 8 approved, 6 needed" and e.on == day(15)
               for e in s.events)
    # the day before the sixth approval it was still pending
    assert status("6-of-8", acts, as_of=day(14)).status == "pending"


def test_failure_becomes_certain():
    acts = [act("almaden", day(5)), act("bayside", day(6), "rejected"),
            act("cedar-grove", day(7), "rejected")]
    assert status("6-of-8", acts).status == "pending"      # 6 still possible
    acts.append(act("dos-rios", day(9), "rejected"))       # only 5 possible now
    s = status("6-of-8", acts)
    assert s.status == "failed" and s.failed_on == day(9)
    assert s.explanation == "Failed: 3 rejected and at most 5 approvals are possible; 6 needed."
    # a later approval does not revive it
    s2 = status("6-of-8", acts + [act(m, day(12)) for m in IDS[4:]])
    assert s2.status == "failed" and s2.ratified_on is None


# ---------------------------------------------------------------- other rules

def test_two_thirds():
    acts = [act(m, day(3)) for m in IDS[:5]]
    assert status("two-thirds", acts).status == "pending"
    assert status("two-thirds", acts + [act("fairhaven", day(4))]).ratified_on == day(4)
    s = status("two-thirds", acts[:3] + [act(m, day(5), "rejected") for m in IDS[3:6]])
    assert s.status == "failed"


def test_majority():
    acts = [act(m, day(i)) for i, m in enumerate(IDS[:5], start=1)]
    s = status("majority", acts)
    assert (s.status, s.required, s.ratified_on) == ("ratified", 5, day(5))
    s = status("majority", [act(m, day(1), "rejected") for m in IDS[:4]])
    assert s.status == "failed"    # 4 approvals possible, 5 needed


def test_unanimous_one_rejection_fails():
    acts = [act(m, day(1)) for m in IDS[:5]] + [act("fairhaven", day(2), "rejected")]
    s = status("unanimous", acts)
    assert s.status == "failed" and s.failed_on == day(2)
    assert s.pending == ("Granite Bay", "Hollister Park")
    s = status("unanimous", [act(m, day(i)) for i, m in enumerate(IDS, start=1)])
    assert s.status == "ratified" and s.ratified_on == day(8)


# ---------------------------------------------------------------- effective date and filing

def test_effective_date_stated_delays():
    acts = [act(m, date(2026, 10, 1)) for m in IDS[:6]]
    s = status("6-of-8", acts, effective="30 days after ratification")
    assert (s.ratified_on, s.effective_on) == (date(2026, 10, 1), date(2026, 10, 31))
    assert status("6-of-8", acts, effective="thirty days after").effective_on == date(2026, 10, 31)
    assert status("6-of-8", acts, effective="first day of the month after ratification"
                  ).effective_on == date(2026, 11, 1)
    assert status("6-of-8", acts, effective="on 2027-07-01").effective_on == date(2027, 7, 1)
    # a stated date already past when the rule is met: effective on ratification
    assert status("6-of-8", acts, effective="on 2026-09-15").effective_on == date(2026, 10, 1)
    assert r.effective_date("first day of the month after ratification",
                            date(2026, 12, 9)) == date(2027, 1, 1)


def test_filing_due_under_gov_code_6503_5():
    # 30 days after 2026-10-01 is Saturday 2026-10-31: the next business day
    assert r.filing_due(date(2026, 10, 1)) == date(2026, 11, 2)
    # 30 days after 2026-10-12 is 2026-11-11, Veterans Day: the next day
    assert r.filing_due(date(2026, 10, 12)) == date(2026, 11, 12)
    assert r.filing_due(date(2026, 10, 6)) == date(2026, 11, 5)
    s = status("6-of-8", [act(m, date(2026, 10, 6)) for m in IDS[:6]])
    assert s.filing_due_on == date(2026, 11, 5)
    assert s.as_dict()["filing_due_on"] == "2026-11-05"


# ---------------------------------------------------------------- membership changes

def test_withdrawal_midway_counted_as_of_the_proposal():
    ms = members(bayside=day(15))      # Bayside leaves on day 15 without acting
    acts = [act(m, day(5)) for m in ["almaden", "cedar-grove", "dos-rios"]]
    acts.append(act("el-sereno", day(6), "rejected"))
    s = status("6-of-8", acts, ms, as_of=day(16))
    assert s.status == "pending" and s.required == 6
    assert "Bayside" in s.members and s.withdrawn == ("Bayside",)
    assert "Bayside" not in s.pending
    # one more rejection and 6 can no longer be reached (Bayside cannot act now)
    s = status("6-of-8", acts + [act("fairhaven", day(20), "rejected")], ms)
    assert s.status == "failed"
    assert any(e.text == "Bayside withdrew from the Authority" for e in s.events)
    with pytest.raises(Refused, match="Bayside was not a member agency on"):
        status("6-of-8", acts + [act("bayside", day(16))], ms)


def test_withdrawal_midway_counted_at_each_action():
    # two-thirds of 8 is 6; after Bayside withdraws, two-thirds of 7 is 5
    ms = members(bayside=day(15))
    acts = [act(m, day(5)) for m in ["almaden", "cedar-grove", "dos-rios", "el-sereno", "fairhaven"]]
    assert status("two-thirds", acts, ms, "action", as_of=day(14)).status == "pending"
    s = status("two-thirds", acts, ms, "action", as_of=day(20))
    assert s.status == "ratified" and s.ratified_on == day(15) and s.required == 5
    assert "Bayside" not in s.members


def test_withdrawn_members_approval_stops_counting_at_each_action():
    ms = members(almaden=day(8))
    acts = [act("almaden", day(1))] + [act(m, day(10)) for m in IDS[1:5]]
    s = status("6-of-8", acts, ms, "action")
    assert s.status == "pending"
    assert s.approved == ("Bayside", "Cedar Grove", "Dos Rios", "El Sereno")
    assert s.not_counted == ("Almaden (approved; not a member now)",)
    assert s.notes[0] == "The rule was written for 8 members; 7 count now. 6 approvals are still needed."
    # counted as of the proposal, Almaden's approval stands
    s = status("6-of-8", acts, ms, "proposal")
    assert len(s.approved) == 5


def test_member_joining_midway():
    ms = members() + [r.Member("ivanhoe", "Ivanhoe", day(12))]
    acts = [act(m, day(14)) for m in IDS[:5]] + [act("ivanhoe", day(14))]
    s = status("two-thirds", acts, ms, "proposal")
    assert s.status == "pending" and s.required == 6
    assert s.not_counted == ("Ivanhoe (approved; joined after the proposal)",)
    assert any("Ivanhoe joined the Authority (not counted" in e.text for e in s.events)
    s = status("two-thirds", acts, ms, "action")
    assert s.required == 6 and len(s.members) == 9 and s.status == "ratified"


# ---------------------------------------------------------------- errors

def test_approval_recorded_twice_is_an_error():
    prop = r.Proposal("6-of-8", PROPOSED)
    acts = r.record(prop, members(), [], act("almaden", day(1)))
    with pytest.raises(Refused, match="Almaden's action is already recorded: approved on 2026-09-11"):
        r.record(prop, members(), acts, act("almaden", day(3)))
    with pytest.raises(Refused):
        r.record(prop, members(), acts, act("almaden", day(3), "rejected"))
    with pytest.raises(Refused, match="already recorded"):
        r.status(prop, members(), list(acts) * 2)


def test_bad_actions():
    prop = r.Proposal("6-of-8", PROPOSED)
    with pytest.raises(NotFound, match="'zenith' is not a member agency"):
        r.record(prop, members(), [], act("zenith", day(1)))
    with pytest.raises(InvalidInput, match="before the amendment was proposed"):
        r.record(prop, members(), [], act("almaden", day(-1)))
    with pytest.raises(InvalidInput, match="certified copy cannot arrive"):
        act("almaden", day(5), copy_received_on=day(4))
    with pytest.raises(InvalidInput, match="unknown action"):
        act("almaden", day(5), "tabled")


def test_as_dict_has_the_promised_keys():
    d = status("6-of-8", [act("almaden", day(1), resolution="26-41",
                              copy_received_on=day(4))]).as_dict()
    for key in ("status", "rule", "required", "approved", "rejected", "pending",
                "effective_on", "filing_due_on"):
        assert key in d
    assert d["approved"] == ["Almaden"] and d["effective_on"] is None and d["rule"] == "6-of-8"


# ---------------------------------------------------------------- properties

@given(st.lists(st.tuples(st.sampled_from(IDS), st.booleans(), st.integers(0, 60)),
                unique_by=lambda t: t[0]),
       st.sampled_from(["6-of-8", "two-thirds", "majority", "unanimous"]))
def test_property_status_is_consistent(raw, rule):
    acts = [act(m, day(n), "approved" if ok else "rejected") for m, ok, n in raw]
    s = status(rule, acts)
    assert len(s.approved) + len(s.rejected) + len(s.pending) == 8
    if s.status == "ratified":
        assert len(s.approved) >= s.required
        on_day = [a for a in acts if a.on <= s.ratified_on and a.action == "approved"]
        assert len(on_day) >= s.required
        earlier = [a for a in acts if a.on < s.ratified_on and a.action == "approved"]
        assert len(earlier) < s.required
    elif s.status == "failed":
        assert len(s.approved) + len(s.pending) < s.required or (
            rule == "unanimous" and s.rejected)
    else:
        assert len(s.approved) < s.required <= len(s.approved) + len(s.pending)
