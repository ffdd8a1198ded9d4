"""What a clerk may certify: every refusal, and the facts a certificate states."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from govdocs.certification import (
    CertificationInput, Member, VoteRecord, adoption_refusals, certify_adoption, certify_copy,
    copy_refusals, roll_call_names,
)
from govdocs.errors import Refused

DAY = dt.date(1979, 12, 3)
COUNCIL = (Member("schuster", "James Schuster"), Member("saltarelli", "Donald Saltarelli"),
           Member("sharp", "Richard Sharp"), Member("kennedy", "Ursula Kennedy"),
           Member("welsh", "Frank Welsh", "mayor"))


def facts(**changes) -> CertificationInput:
    casts = {m.person: "aye" for m in COUNCIL}
    base = CertificationInput(
        resolution="tustin-79-91", number="79-91", title="Approving changes to the JPA",
        status="adopted", body_seats=5, members=COUNCIL,
        vote=VoteRecord("v1", "majority-of-members", casts, "m1", "carried"),
        meeting="m1", meeting_kind="regular", meeting_date=DAY, adopted_on=DAY)
    vote_changes = changes.pop("casts", None)
    rule = changes.pop("rule", None)
    if vote_changes is not None or rule is not None:
        vc = dict(casts)
        vc.update(vote_changes or {})
        changes["vote"] = VoteRecord("v1", rule or "majority-of-members", vc, "m1", "carried")
    return dataclasses.replace(base, **changes)


def test_seed_case_certifies_with_every_fact():
    cert = certify_adoption(facts())
    assert cert.number == "79-91"
    assert cert.whole_number == 5
    assert cert.meeting_kind == "regular" and cert.meeting_date == DAY
    assert cert.names("aye") == ("Schuster", "Saltarelli", "Sharp", "Kennedy", "Welsh")
    assert cert.names("no") == () and cert.names("absent") == ()
    assert [line.label for line in cert.roll_call] == ["AYES", "NOES", "ABSTAIN", "ABSENT"]
    assert cert.outcome.outcome == "carried"


@pytest.mark.parametrize("status, why", [
    ("draft", "it was not adopted: it is still a draft"),
    ("failed", "it was not adopted: it failed"),
    ("withdrawn", "it was not adopted: it was withdrawn"),
])
def test_refuses_what_was_not_adopted(status, why):
    with pytest.raises(Refused) as err:
        certify_adoption(facts(status=status))
    assert str(err.value) == f"Resolution No. 79-91 cannot be certified: {why}."
    assert err.value.exit_code == 3


def test_refuses_without_a_vote():
    with pytest.raises(Refused, match="no roll-call vote on it is recorded"):
        certify_adoption(facts(vote=None))


def test_refuses_a_vote_that_did_not_carry_under_its_rule():
    # 3 ayes of 5 is a majority of members, but not two-thirds (4 needed)
    f = facts(casts={"kennedy": "no", "welsh": "no"}, rule="two-thirds-of-members")
    with pytest.raises(Refused) as err:
        certify_adoption(f)
    msg = str(err.value)
    assert "the vote did not carry under its rule (two-thirds-of-members)" in msg
    assert "Failed: 3 ayes" in msg and "requires 4" in msg


def test_refuses_a_majority_of_those_present_when_the_rule_is_of_members():
    # 2 ayes, 1 no, 2 absent: a majority of those voting, not of the five members
    f = facts(casts={"sharp": "no", "kennedy": "absent", "welsh": "absent"})
    with pytest.raises(Refused, match=r"did not carry.*requires 3"):
        certify_adoption(f)


def test_refuses_a_tie_and_no_quorum():
    with pytest.raises(Refused, match="tie"):
        certify_adoption(facts(casts={"sharp": "no", "kennedy": "no", "welsh": "abstain"},
                               rule="1/2-of-cast"))
    with pytest.raises(Refused, match="No quorum"):
        certify_adoption(facts(casts={"sharp": "absent", "kennedy": "absent", "welsh": "absent"}))


def test_a_stored_outcome_is_not_trusted():
    f = facts(casts={"saltarelli": "no", "sharp": "no", "kennedy": "no"})
    assert f.vote.outcome == "carried"   # what the row says
    with pytest.raises(Refused, match="did not carry"):
        certify_adoption(f)


def test_refuses_a_roll_call_missing_a_seat():
    casts = {m.person: "aye" for m in COUNCIL if m.person != "sharp"}
    f = facts(vote=VoteRecord("v1", "majority-of-members", casts, "m1"))
    with pytest.raises(Refused) as err:
        certify_adoption(f)
    assert ("the roll call does not account for every seat: no vote is recorded for Richard Sharp, "
            "who held a seat on 1979-12-03") in str(err.value)


def test_refuses_a_roll_call_naming_a_stranger():
    f = facts(casts={"greinke": "aye"}, names={"greinke": "Frank Greinke"})
    with pytest.raises(Refused, match="names Frank Greinke, who held no seat on the body on 1979-12-03"):
        certify_adoption(f)


def test_refuses_more_members_than_seats():
    f = facts(body_seats=4)
    with pytest.raises(Refused, match="5 members seated on 1979-12-03, more than the body's 4 seats"):
        certify_adoption(f)


def test_refuses_inconsistent_meeting_and_dates():
    with pytest.raises(Refused, match="roll call was taken at meeting m1"):
        certify_adoption(facts(meeting="m2"))
    with pytest.raises(Refused, match="adoption date 1979-12-04 is not the day of the meeting"):
        certify_adoption(facts(adopted_on=dt.date(1979, 12, 4)))
    with pytest.raises(Refused, match="no resolution number"):
        certify_adoption(facts(number=None))


def test_all_reasons_are_given_together():
    f = facts(adopted_on=dt.date(1979, 12, 4), meeting="m2")
    assert len(adoption_refusals(f)) == 2


def test_there_is_no_override():
    import inspect

    for fn in (certify_adoption, certify_copy):
        assert list(inspect.signature(fn).parameters) == ["facts"]


def test_certified_copy_refused_once_rescinded_or_superseded():
    assert certify_copy(facts()).number == "79-91"
    with pytest.raises(Refused, match="cannot be certified as a true copy in effect: it was rescinded by 80-12"):
        certify_copy(facts(rescinded_by=("80-12",)))
    with pytest.raises(Refused, match="superseded by 81-3"):
        certify_copy(facts(superseded_by=("81-3",)))
    with pytest.raises(Refused, match="correcting record"):
        certify_copy(facts(corrected_by=("tustin-79-91-c1",)))
    assert copy_refusals(facts(rescinded_by=("80-12",))) == ["it was rescinded by 80-12"]
    # the adoption itself can still be certified
    assert certify_adoption(facts(rescinded_by=("80-12",))).number == "79-91"


def test_roll_call_lines_and_recusal():
    cert = certify_adoption(facts(casts={"kennedy": "abstain", "welsh": "recused"}))
    assert [(line.label, line.names) for line in cert.roll_call] == [
        ("AYES", ("Schuster", "Saltarelli", "Sharp")), ("NOES", ()), ("ABSTAIN", ("Kennedy",)),
        ("ABSENT", ()), ("RECUSED", ("Welsh",))]


def test_shared_surnames_use_full_names():
    members = (Member("a", "Ann Smith"), Member("b", "Bob Smith"), Member("c", "Cy Lee"))
    assert roll_call_names(members) == {"a": "Ann Smith", "b": "Bob Smith", "c": "Lee"}


OPTIONS = st.sampled_from(["aye", "no", "abstain", "absent", "recused"])


@given(st.lists(OPTIONS, min_size=5, max_size=5))
def test_certify_only_what_carries(options):
    casts = {m.person: o for m, o in zip(COUNCIL, options)}
    f = facts(vote=VoteRecord("v1", "majority-of-members", casts, "m1"))
    ayes = options.count("aye")
    present = sum(o in ("aye", "no", "abstain") for o in options)
    carries = present >= 3 and ayes >= 3 and ayes > options.count("no")
    if carries:
        cert = certify_adoption(f)
        listed = sum(len(line.names) for line in cert.roll_call)
        assert listed == 5    # every seat appears exactly once
    else:
        with pytest.raises(Refused):
            certify_adoption(f)
