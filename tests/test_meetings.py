"""Meetings: the pure rules (agenda items, required notices, affidavit refusal,
calendar) and the store (record kinds, checks, creating and listing)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from govdocs import deadlines
from govdocs import meetings as rules
from govdocs.errors import InvalidInput, NotFound, Refused
from govdocs.store import meetings as sm
from govdocs.store.loader import load

LA = ZoneInfo("America/Los_Angeles")


# ---------------------------------------------------------------- pure rules

def test_agenda_item_over_twenty_words_is_a_warning():
    twenty = " ".join(["word"] * 20)
    items = [{"number": "1", "title": "Short", "description": twenty},
             {"number": "2", "title": "Long", "description": twenty + " more"},
             {"number": "3", "title": "None", "description": None}]
    warnings = rules.agenda_warnings(items)
    assert len(warnings) == 1
    assert warnings[0].startswith("item 2 (Long): the description has 21 words")
    assert rules.word_count("Peña & Ortiz's claim, re-filed") == 5


def test_required_notices_by_kind_and_status():
    assert rules.required_notices("regular") == ["regular"]
    assert rules.required_notices("special") == ["special"]
    assert rules.required_notices("emergency") == ["emergency"]
    assert rules.required_notices("adjourned") == ["adjourned"]
    assert rules.required_notices("joint") == ["special"]
    assert rules.required_notices("joint", called_as="regular") == ["regular"]
    assert rules.required_notices("regular", "cancelled") == ["cancellation"]


def test_meeting_problems():
    cancelled = {"kind": "regular", "status": "cancelled", "start": "2026-12-01T18:00:00-08:00"}
    assert rules.meeting_problems(cancelled) == ["a cancelled meeting needs the reason it was cancelled"]
    assert rules.meeting_problems(cancelled, cancellation={"reason": "no quorum"}) == []
    adjourned = {"kind": "adjourned", "status": "scheduled", "start": "2026-12-01T18:00:00-08:00"}
    problems = rules.meeting_problems(adjourned)
    assert "an adjourned meeting is adjourned to a stated place; none given" in problems
    assert "an adjourned meeting needs the meeting it was adjourned from" in problems
    joint = {"kind": "joint", "status": "scheduled", "start": "x", "place": "y"}
    assert rules.meeting_problems(joint) == ["a joint meeting names the other bodies meeting with it"]


def _finding(posted):
    start = dt.datetime(2026, 12, 1, 18, tzinfo=LA)
    return deadlines.check(deadlines.NoticeFacts("regular", start, posted_at=posted))


def test_affidavit_refused_for_a_late_or_missing_posting():
    rules.refuse_if_late(_finding(dt.datetime(2026, 11, 28, 17, tzinfo=LA)), "agenda")
    with pytest.raises(Refused, match=r"posted 2026-11-28 20:15 PST .*2 hours 15 minutes after"):
        rules.refuse_if_late(_finding(dt.datetime(2026, 11, 28, 20, 15, tzinfo=LA)), "agenda")
    with pytest.raises(Refused, match="no posting of the agenda is recorded"):
        rules.refuse_if_late(_finding(None), "agenda")


def test_calendar_parses_back():
    meetings = [
        {"id": "a", "title": "Regular Meeting & Hearing of Peña Council", "kind": "regular",
         "start": "2026-11-03T18:00:00-08:00", "place": "Salón 1, Main St", "status": "scheduled"},
        {"id": "b", "kind": "special", "body": "x", "start": dt.datetime(2026, 12, 1, 9, tzinfo=LA),
         "status": "cancelled", "description": "Cancelled: no quorum"},
    ]
    stamp = dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc)
    cal = Calendar.from_ical(rules.calendar_ics(meetings, stamp=stamp))
    events = cal.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["a@govdocs.invalid", "b@govdocs.invalid"]
    assert events[0].decoded("dtstart") == dt.datetime(2026, 11, 4, 2, tzinfo=dt.timezone.utc)
    assert str(events[0]["summary"]) == "Regular Meeting & Hearing of Peña Council"
    assert str(events[0]["location"]) == "Salón 1, Main St"
    assert str(events[1]["status"]) == "CANCELLED"
    with pytest.raises(InvalidInput, match="no time zone"):
        rules.calendar_ics([{"id": "c", "kind": "regular", "start": "2026-11-03T18:00", "status": "x"}])


def test_when_text():
    assert rules.when_text(dt.datetime(2026, 12, 1, 12, tzinfo=LA))["time"] == "12:00 noon"
    w = rules.when_text(dt.datetime(2026, 12, 1, 18, 5, tzinfo=LA))
    assert (w["day"], w["time"]) == ("Tuesday, December 1, 2026", "6:05 p.m.")
    assert rules.when_text(dt.datetime(2026, 12, 1, 9, 30, tzinfo=LA))["time"] == "9:30 a.m."


# ---------------------------------------------------------------- the example records

def test_example_records_flag_the_late_agenda(loaded_store):
    late = []
    for m in sm.list_meetings(loaded_store):
        late += [(n["id"], f) for n, f in sm.check_meeting(loaded_store, m["id"]).late]
    assert [n for n, _ in late] == ["harbor-mesa-council-2026-11-17/agenda"]
    finding = late[0][1]
    assert finding.late_by == dt.timedelta(hours=2, minutes=30)
    assert finding.deadline.latest.isoformat() == "2026-11-14T19:00:00-08:00"


def test_special_meeting_with_a_late_but_waived_member(loaded_store):
    result = sm.check_meeting(loaded_store, "cvcrma-board-2026-12-17")
    call = dict((n["id"], f) for n, f in result.findings)["cvcrma-board-2026-12-17/call"]
    assert call.on_time
    stone = [p for p in call.parts if p.subject == "notice to Richard Stone"][0]
    assert stone.status == "excused" and "written waiver" in stone.message()
    agreement = dict((n["id"], f) for n, f in result.findings)["cvcrma-board-2026-12-17/amendment-notice"]
    assert agreement.on_time and agreement.deadline.rule.citation.startswith("Joint Powers Agreement")


def test_adjourned_cancelled_joint_and_hearing_examples(loaded_store):
    adj = sm.check_meeting(loaded_store, "harbor-mesa-council-2026-11-24")
    (notice, finding), = adj.findings
    assert finding.on_time and finding.deadline.latest.isoformat() == "2026-11-18T22:40:00-08:00"
    assert adj.record.adjourned_from["id"] == "harbor-mesa-council-2026-11-17"
    cancelled = sm.check_meeting(loaded_store, "cvcrma-board-2026-11-19")
    assert cancelled.record.cancellation["reason"].startswith("No quorum")
    assert cancelled.missing == [] and cancelled.findings[0][1].status == "no-deadline"
    joint = sm.check_meeting(loaded_store, "cvcrma-board-2027-01-14-joint")
    assert [b["id"] for b in joint.record.joint_bodies] == ["harbor-mesa-council"]
    assert joint.record.title.startswith("Joint Special Meeting of the")
    hearing = dict((n["id"], f) for n, f in sm.check_meeting(loaded_store, "harbor-mesa-council-2026-12-15").findings)
    assert hearing["harbor-mesa-council-2026-12-15/hearing"].on_time
    board = sm.check_meeting(loaded_store, "cvcrma-board-2026-12-03")
    assert len(board.warnings) == 1 and "item 5" in board.warnings[0]


def test_joint_meeting_bodies(loaded_store):
    assert sm.meeting_bodies(loaded_store, "cvcrma-board-2027-01-14-joint") == ["cvcrma-board", "harbor-mesa-council"]
    assert sm.meeting_bodies(loaded_store, "cvcrma-board-2026-12-03") == ["cvcrma-board"]
    assert sm.meeting_bodies(loaded_store, "nothing") == []


def test_joint_meeting_is_listed_for_each_body(loaded_store):
    ids = [m["id"] for m in sm.list_meetings(loaded_store, body="harbor-mesa-council")]
    assert "cvcrma-board-2027-01-14-joint" in ids
    assert all(m.startswith(("harbor-mesa", "cvcrma-board-2027-01-14")) for m in ids)
    with pytest.raises(NotFound):
        sm.list_meetings(loaded_store, body="nobody")


def test_loading_meetings_twice_changes_nothing(loaded_store):
    from pathlib import Path

    records = Path(__file__).resolve().parents[1] / "records" / "meetings"
    report = load(loaded_store, [records])
    assert report.changed == 0


# ---------------------------------------------------------------- bad records

def _write(tmp_path, text):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _load_error(store, path):
    from govdocs.errors import GovdocsError

    with pytest.raises(GovdocsError) as info:
        load(store, [path])
    return str(info.value)


def test_cancellation_of_a_meeting_not_cancelled_names_the_line(loaded_store, tmp_path):
    path = _write(tmp_path, '[[cancellation]]\nmeeting = "cvcrma-board-2026-12-03"\nreason = "rain"\n')
    message = _load_error(loaded_store, path)
    assert "bad.toml:" in message and "'meeting'" in message and "not 'cancelled'" in message


def test_adjournment_to_a_regular_meeting_and_bad_publication_date(loaded_store, tmp_path):
    path = _write(tmp_path, '''[[adjournment]]
meeting = "cvcrma-board-2026-12-03"
adjourned_from = "cvcrma-board-2026-11-19"
adjourned_at = 2026-11-19T12:00:00

[[notice]]
id = "x/hearing"
meeting = "cvcrma-board-2026-12-03"
kind = "hearing-6066"
published_on = ["2026-13-01"]

[[notice]]
id = "x/agreement"
meeting = "cvcrma-board-2026-12-03"
kind = "agreement"
''')
    message = _load_error(loaded_store, path)
    assert "an adjournment leads to an 'adjourned' one" in message
    assert "not a date: '2026-13-01'" in message
    assert "an agreement notice needs the period" in message


def test_special_meeting_notice_reached_one_member_late_from_records(loaded_store, tmp_path):
    path = _write(tmp_path, '''[[meeting]]
id = "harbor-mesa-council-2026-12-09"
body = "harbor-mesa-council"
kind = "special"
start = 2026-12-09T17:00:00
place = "Council Chamber, Harbor Mesa City Hall"

[[notice]]
id = "harbor-mesa-council-2026-12-09/call"
meeting = "harbor-mesa-council-2026-12-09"
kind = "special"
posted_at = 2026-12-07T12:00:00

[[delivery]]
notice = "harbor-mesa-council-2026-12-09/call"
recipient = "Arthur Quinn"
person = "quinn-arthur"
received_at = 2026-12-07T12:05:00

[[delivery]]
notice = "harbor-mesa-council-2026-12-09/call"
recipient = "Linda Morrow"
person = "morrow-linda"
received_at = 2026-12-08T18:20:00
''')
    load(loaded_store, [path])
    result = sm.check_meeting(loaded_store, "harbor-mesa-council-2026-12-09")
    (_, finding), = result.late
    assert finding.status == "late" and finding.late_by == dt.timedelta(hours=1, minutes=20)
    assert finding.problems == ("notice to Linda Morrow: LATE by 1 hour 20 minutes (Cal. Gov. Code § 54956)",)


def test_hearing_published_on_the_wrong_days_from_records(loaded_store, tmp_path):
    path = _write(tmp_path, '''[[notice]]
id = "harbor-mesa-council-2026-12-15/hearing-2"
meeting = "harbor-mesa-council-2026-12-15"
kind = "hearing-6066"
subject = "A second matter"
newspaper = "Harbor Mesa Ledger & Times"
published_on = ["2026-12-03", "2026-12-07"]
''')
    load(loaded_store, [path])
    found = dict((n["id"], f) for n, f in sm.check_meeting(loaded_store, "harbor-mesa-council-2026-12-15").findings)
    bad = found["harbor-mesa-council-2026-12-15/hearing-2"]
    assert bad.status == "defective"
    assert "only 3 days between the publications of 2026-12-03 and 2026-12-07" in bad.message()


# ---------------------------------------------------------------- creating meetings

def test_create_meeting_with_items_is_audited(loaded_store):
    row = sm.create_meeting(loaded_store, body="harbor-mesa-council", kind="special",
                            start="2027-02-02T17:30", place="Salón Peña & Ortiz",
                            items=[{"number": "1", "title": "Budget & fees"}])
    assert row["id"] == "harbor-mesa-council-2027-02-02"
    assert row["start"] == "2027-02-02T17:30:00-08:00"
    rec = sm.meeting_record(loaded_store, row["id"])
    assert [i["title"] for i in rec.items] == ["Budget & fees"]
    audited = list(loaded_store.db.query(
        "select count(*) n from audit where table_name in ('meetings', 'agenda_items') and key like ?",
        [row["id"] + "%"]))
    assert audited[0]["n"] == 2
    with pytest.raises(InvalidInput, match="already exists"):
        sm.create_meeting(loaded_store, body="harbor-mesa-council", kind="special", start="2027-02-02T19:00")
    with pytest.raises(NotFound):
        sm.create_meeting(loaded_store, body="nobody", kind="regular", start="2027-02-02T19:00")
    with pytest.raises(InvalidInput, match="does not exist"):
        sm.create_meeting(loaded_store, body="harbor-mesa-council", kind="regular", start="2027-03-14T02:30")
    with pytest.raises(NotFound):
        sm.meeting_record(loaded_store, "no-such-meeting")


def test_meetings_ics_upcoming_only(loaded_store):
    since = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    cal = Calendar.from_ical(sm.meetings_ics(loaded_store, body="cvcrma-board", since=since))
    uids = [str(e["uid"]).split("@")[0] for e in cal.walk("VEVENT")]
    assert uids == ["cvcrma-board-2026-12-03", "cvcrma-board-2026-12-17", "cvcrma-board-2027-01-14-joint"]
    first = cal.walk("VEVENT")[0]
    assert first.decoded("dtstart") == dt.datetime(2026, 12, 3, 18, tzinfo=dt.timezone.utc)
    everything = Calendar.from_ical(sm.meetings_ics(loaded_store, body="cvcrma-board"))
    cancelled = [e for e in everything.walk("VEVENT") if str(e["status"]) == "CANCELLED"]
    assert len(cancelled) == 1 and "No quorum" in str(cancelled[0]["description"])


# ---------------------------------------------------------------- properties

from hypothesis import given, strategies as st  # noqa: E402

words = st.lists(st.sampled_from(["claims", "Peña", "&", "budget", "año", "re-filed"]), max_size=40)


@given(words)
def test_warning_exactly_when_over_twenty_words(ws):
    text = " ".join(ws)
    warned = rules.agenda_warnings([{"number": "1", "title": "t", "description": text}])
    assert bool(warned) == (rules.word_count(text) > rules.WORD_LIMIT)


@given(st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 12, 31),
                    timezones=st.sampled_from([LA, ZoneInfo("America/New_York"), dt.timezone.utc])))
def test_calendar_keeps_the_instant(start):
    data = rules.calendar_ics([{"id": "m", "kind": "regular", "start": start, "status": "scheduled"}],
                              stamp=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("dtstart") == start.astimezone(dt.timezone.utc).replace(microsecond=0)
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(hours=2)
