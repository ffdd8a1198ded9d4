"""Notice deadlines: Brown Act hours, Gov. Code 6060-series publication,
agreement notice periods; weekends, holidays, both DST changes, midnight and
year end."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings, strategies as st

from govdocs import deadlines as dl
from govdocs.deadlines import Delivery, NoticeFacts, check, deadline
from govdocs.errors import InvalidInput

LA = ZoneInfo("America/Los_Angeles")


def la(*args):
    return datetime(*args, tzinfo=LA)


# ---------------------------------------------------------------- rule data

def test_every_california_rule_cites_its_section():
    for kind, rule in dl.CALIFORNIA.rules.items():
        assert rule.kind == kind
        assert rule.title and rule.text
        if kind != "cancellation":
            assert rule.citation.startswith("Cal. Gov. Code § ")


def test_publication_counts_are_the_statute_counts():
    t = {k: r.timing for k, r in dl.CALIFORNIA.rules.items() if k.startswith("hearing-")}
    assert (t["hearing-6061"].times, t["hearing-6061"].period_days) == (1, None)
    assert (t["hearing-6062"].times, t["hearing-6062"].period_days, t["hearing-6062"].daily) == (5, 5, True)
    assert (t["hearing-6062a"].times, t["hearing-6062a"].period_days, t["hearing-6062a"].intervening) == (2, 10, 5)
    assert (t["hearing-6063"].times, t["hearing-6063"].period_days, t["hearing-6063"].intervening) == (3, 21, 5)
    assert (t["hearing-6064"].times, t["hearing-6064"].period_days, t["hearing-6064"].intervening) == (4, 28, 5)
    assert (t["hearing-6066"].times, t["hearing-6066"].period_days, t["hearing-6066"].intervening) == (2, 14, 5)


def test_unknown_kind_and_rule_set_are_invalid_input():
    with pytest.raises(InvalidInput, match="unknown notice kind 'weekly'.*regular"):
        deadline("weekly", la(2026, 12, 1, 18))
    with pytest.raises(InvalidInput, match="no notice rules for 'TX'"):
        dl.rule_set("TX")
    assert dl.rule_set("ca") is dl.CALIFORNIA


# ---------------------------------------------------------------- regular: 72 elapsed hours

def test_regular_agenda_72_hours_plain_week():
    d = deadline("regular", la(2026, 12, 1, 18, 0))
    assert d.latest == la(2026, 11, 28, 18, 0)
    assert d.latest.isoformat() == "2026-11-28T18:00:00-08:00"
    assert d.rule.citation == "Cal. Gov. Code § 54954.2(a)(1)"


def test_regular_agenda_weekend_counts():
    # Monday meeting: the agenda goes up on Friday, the weekend hours count.
    d = deadline("regular", la(2026, 12, 7, 18, 0))
    assert d.latest == la(2026, 12, 4, 18, 0)
    assert d.latest.weekday() == 4


def test_regular_agenda_holiday_does_not_move_it():
    # Thanksgiving and the day after are holidays; hours still run.
    d = deadline("regular", la(2026, 11, 30, 9, 0))
    assert d.latest == la(2026, 11, 27, 9, 0)
    assert dl.holiday_name(d.latest.date()) == "Day After Thanksgiving"


def test_regular_agenda_across_fall_back():
    # 2026-11-01 02:00 PDT -> 01:00 PST. 72 elapsed hours, so 19:00 local.
    d = deadline("regular", la(2026, 11, 3, 18, 0))
    assert d.latest.isoformat() == "2026-10-31T19:00:00-07:00"
    # same-zone subtraction in Python is wall-clock (71 hours here); real time is 72
    assert la(2026, 11, 3, 18) - d.latest == timedelta(hours=71)
    utc = timezone.utc
    assert la(2026, 11, 3, 18).astimezone(utc) - d.latest.astimezone(utc) == timedelta(hours=72)


def test_regular_agenda_across_spring_forward():
    # 2026-03-08 02:00 PST -> 03:00 PDT.
    d = deadline("regular", la(2026, 3, 10, 18, 0))
    assert d.latest.isoformat() == "2026-03-07T17:00:00-08:00"
    assert d.event.astimezone(timezone.utc) - d.latest.astimezone(timezone.utc) == timedelta(hours=72)


def test_regular_agenda_midnight_and_year_end():
    d = deadline("regular", la(2027, 1, 2, 0, 0))
    assert d.latest == la(2026, 12, 30, 0, 0)
    d = deadline("regular", la(2027, 1, 1, 0, 30))
    assert d.latest == la(2026, 12, 29, 0, 30)


def test_naive_times_are_read_in_the_body_zone_and_answers_given_in_it():
    d = deadline("regular", datetime(2026, 12, 1, 18, 0), "America/New_York")
    assert d.latest.isoformat() == "2026-11-28T18:00:00-05:00"
    d = deadline("regular", datetime(2026, 12, 1, 18, 0, tzinfo=timezone.utc), LA)
    assert d.latest.isoformat() == "2026-11-28T10:00:00-08:00"


def test_nonexistent_and_ambiguous_wall_times_are_refused():
    with pytest.raises(InvalidInput, match="does not exist"):
        deadline("regular", datetime(2026, 3, 8, 2, 30))
    with pytest.raises(InvalidInput, match="happens twice"):
        deadline("regular", datetime(2026, 11, 1, 1, 30))
    with pytest.raises(InvalidInput, match="unknown time zone"):
        deadline("regular", datetime(2026, 12, 1, 18), "Mars/Olympus")
    with pytest.raises(InvalidInput, match="ISO 8601"):
        dl.parse_moment("next tuesday")
    assert dl.parse_moment("2026-12-01T18:00").isoformat() == "2026-12-01T18:00:00-08:00"


def test_regular_check_exact_boundary_and_one_second_late():
    start = la(2026, 12, 1, 18)
    ok = check(NoticeFacts("regular", start, posted_at=la(2026, 11, 28, 18)))
    assert ok.status == "on-time" and ok.on_time and ok.margin == timedelta(0)
    late = check(NoticeFacts("regular", start, posted_at=la(2026, 11, 28, 18, 0, 1)))
    assert late.status == "late" and late.late_by == timedelta(seconds=1)
    assert "LATE by 1 second" in late.message()


def test_regular_check_late_over_fall_back_is_measured_in_real_hours():
    start = la(2026, 11, 3, 18)
    # posted at 18:00 local Saturday (PDT), one hour after the deadline of 19:00? no: before
    early = check(NoticeFacts("regular", start, posted_at=la(2026, 10, 31, 18)))
    assert early.on_time and early.margin == timedelta(hours=1)
    # posted Sunday 9:00 PST: from Sat 19:00 PDT that is 15 elapsed hours
    late = check(NoticeFacts("regular", start, posted_at=la(2026, 11, 1, 9)))
    assert late.late_by == timedelta(hours=15)
    assert late.message().startswith("Agenda of a regular meeting: LATE by 15 hours")


def test_missing_posting_is_reported():
    f = check(NoticeFacts("regular", la(2026, 12, 1, 18)))
    assert f.status == "missing" and not f.on_time


# ---------------------------------------------------------------- special: 24 hours, each member

def _special(deliveries, posted=la(2026, 12, 3, 9)):
    return NoticeFacts("special", la(2026, 12, 4, 12), posted_at=posted, deliveries=tuple(deliveries))


def test_special_meeting_all_on_time():
    f = check(_special([Delivery("Ana Núñez", received_at=la(2026, 12, 3, 10)),
                        Delivery("Bo Smith & Sons Gazette", role="media", received_at=la(2026, 12, 3, 11))]))
    assert f.status == "on-time"
    assert f.deadline.latest == la(2026, 12, 3, 12)
    assert [p.subject for p in f.parts] == ["posting", "notice to Ana Núñez", "notice to Bo Smith & Sons Gazette"]


def test_special_meeting_notice_reached_one_member_late():
    f = check(_special([Delivery("Ana Núñez", received_at=la(2026, 12, 3, 10)),
                        Delivery("Carl Ortiz", received_at=la(2026, 12, 3, 14, 30))]))
    assert f.status == "late"
    assert f.late_by == timedelta(hours=2, minutes=30)
    late = [p for p in f.parts if not p.on_time]
    assert [p.subject for p in late] == ["notice to Carl Ortiz"]
    assert "notice to Carl Ortiz: LATE by 2 hours 30 minutes" in f.problems[0]


def test_special_meeting_waiver_or_presence_excuses_a_member():
    f = check(_special([Delivery("Ana", received_at=la(2026, 12, 4, 9), waived=True),
                        Delivery("Carl", received_at=None, present=True)]))
    assert f.status == "on-time"
    assert {p.status for p in f.parts[1:]} == {"excused"}
    assert "written waiver on file" in f.parts[1].message()


def test_special_meeting_media_has_no_waiver_and_missing_member_list_is_flagged():
    f = check(_special([Delivery("Daily Star", role="media", received_at=la(2026, 12, 4, 9), waived=True)]))
    assert f.status == "missing"
    assert any("no delivery to any member" in p for p in f.problems)
    assert any(p.subject == "notice to Daily Star" and p.status == "late" for p in f.parts)


def test_special_meeting_posting_late_across_midnight():
    f = check(_special([Delivery("Ana", received_at=la(2026, 12, 2, 9))], posted=la(2026, 12, 4, 0, 5)))
    assert f.status == "late" and f.late_by == timedelta(hours=12, minutes=5)


# ---------------------------------------------------------------- emergency: one hour to the media

def test_emergency_one_hour_media_notice():
    start = la(2026, 12, 24, 15)
    d = deadline("emergency", start)
    assert d.latest == la(2026, 12, 24, 14)
    f = check(NoticeFacts("emergency", start, deliveries=(
        Delivery("KXYZ Radio", role="media", received_at=la(2026, 12, 24, 14, 20)),)))
    assert f.status == "late" and f.late_by == timedelta(minutes=20)
    assert [p.subject for p in f.parts] == ["notice to KXYZ Radio"]  # no posting required


def test_dire_emergency_needs_notice_only_before_the_meeting():
    start = la(2026, 12, 24, 15)
    f = check(NoticeFacts("emergency", start, dire_emergency=True, deliveries=(
        Delivery("KXYZ Radio", role="media", received_at=la(2026, 12, 24, 14, 50)),)))
    assert f.on_time


# ---------------------------------------------------------------- adjourned: within 24 hours after

def test_adjournment_order_posted_within_24_hours_after():
    adjourned_at = la(2026, 12, 31, 22, 15)
    d = deadline("adjourned", adjourned_at)
    assert d.latest == la(2027, 1, 1, 22, 15) and d.earliest == adjourned_at
    assert check(NoticeFacts("adjourned", adjourned_at, posted_at=la(2026, 12, 31, 23, 0))).on_time
    late = check(NoticeFacts("adjourned", adjourned_at, posted_at=la(2027, 1, 2, 8, 0)))
    assert late.late_by == timedelta(hours=9, minutes=45)
    early = check(NoticeFacts("adjourned", adjourned_at, posted_at=la(2026, 12, 31, 20)))
    assert early.status == "defective" and "before the adjournment" in early.message()


def test_adjournment_across_fall_back_is_24_real_hours():
    d = deadline("adjourned", la(2026, 10, 31, 21, 0))
    assert d.latest.isoformat() == "2026-11-01T20:00:00-08:00"


def test_cancellation_has_no_deadline():
    f = check(NoticeFacts("cancellation", la(2026, 12, 1, 18), posted_at=la(2026, 12, 1, 17)))
    assert f.status == "no-deadline" and f.on_time
    assert deadline("cancellation", la(2026, 12, 1, 18)).latest is None


# ---------------------------------------------------------------- publication under 6060-6066

def test_6066_latest_schedule_period_of_14_days_before_hearing():
    d = deadline("hearing-6066", la(2026, 12, 15, 18))
    assert d.publication_dates == (date(2026, 12, 1), date(2026, 12, 7))
    assert d.period_of_notice == (date(2026, 12, 1), date(2026, 12, 14))
    assert d.latest.isoformat() == "2026-12-01T23:59:59-08:00"


def test_6066_weekly_paper_on_thursdays():
    d = deadline("hearing-6066", la(2026, 12, 15, 18), newspaper_days=[3])
    assert d.publication_dates == (date(2026, 11, 26), date(2026, 12, 3))


def test_6063_and_6064_schedules():
    d = deadline("hearing-6063", la(2027, 1, 12, 18), newspaper_days=[2])  # Wednesdays
    assert d.publication_dates == (date(2026, 12, 16), date(2026, 12, 23), date(2026, 12, 30))
    assert d.period_of_notice[1] == date(2027, 1, 5)
    d = deadline("hearing-6064", la(2027, 1, 29, 10))
    assert d.publication_dates[0] == date(2027, 1, 1)
    assert d.period_of_notice == (date(2027, 1, 1), date(2027, 1, 28))


def test_6062_daily_skips_days_the_paper_is_not_out():
    d = deadline("hearing-6062", la(2026, 12, 15, 18), newspaper_days=range(5))
    assert d.publication_dates == tuple(date(2026, 12, n) for n in range(7, 12))


def test_6061_uses_days_before_from_the_calling_law():
    d = deadline("hearing-6061", la(2026, 12, 15, 18))
    assert d.publication_dates == (date(2026, 12, 5),) and d.notes
    d = deadline("hearing-6061", la(2026, 12, 15, 18), days_before=20)
    assert d.publication_dates == (date(2026, 11, 25),) and not d.notes


def test_impossible_newspaper_is_invalid_input():
    with pytest.raises(InvalidInput, match="weekday numbers"):
        deadline("hearing-6066", la(2026, 12, 15, 18), newspaper_days=[9])


def _pub(kind, hearing, *days, days_before=None):
    return check(NoticeFacts(kind, hearing, published_on=tuple(days), days_before=days_before))


def test_6066_publication_on_time():
    f = _pub("hearing-6066", la(2026, 12, 15, 18), date(2026, 11, 30), date(2026, 12, 7))
    assert f.on_time and f.margin == timedelta(days=1)


def test_hearing_published_on_the_wrong_days():
    # only four days between the two publications
    f = _pub("hearing-6066", la(2026, 12, 15, 18), date(2026, 12, 1), date(2026, 12, 6))
    assert f.status == "defective"
    assert "only 4 days between" in f.problems[0]
    # first publication a day too late: the period would run into the hearing day
    f = _pub("hearing-6066", la(2026, 12, 15, 18), date(2026, 12, 2), date(2026, 12, 9))
    assert f.status == "late" and f.late_by == timedelta(days=1)
    # second publication outside the period of notice
    f = _pub("hearing-6066", la(2026, 12, 30, 18), date(2026, 12, 1), date(2026, 12, 20))
    assert f.status == "defective" and "after the period of notice" in f.problems[0]
    # too few publications
    f = _pub("hearing-6064", la(2027, 1, 29, 10), date(2027, 1, 1), date(2027, 1, 8))
    assert "published 2 times; the section requires 4" in f.problems[0]
    # nothing published
    assert _pub("hearing-6063", la(2027, 1, 29, 10)).status == "missing"


def test_6061_checked_against_days_before():
    f = _pub("hearing-6061", la(2026, 12, 15, 18), date(2026, 12, 8), days_before=10)
    assert f.status == "late" and f.late_by == timedelta(days=3)


# ---------------------------------------------------------------- agreement (JPA by-law amendment)

def test_agreement_notice_calendar_days_year_end():
    rule = dl.agreement_rule(30, citation="Agreement art. 14")
    d = deadline(rule, la(2027, 1, 20, 10))
    assert d.latest.date() == date(2026, 12, 21)
    assert d.rule.citation == "Agreement art. 14"


def test_agreement_business_days_skip_thanksgiving():
    rule = dl.agreement_rule(10, business_days=True)
    assert deadline(rule, la(2026, 12, 3, 18)).latest.date() == date(2026, 11, 17)


def test_agreement_last_day_on_holiday_moves_earlier_when_the_agreement_says_so():
    keep = dl.agreement_rule(7)
    earlier = dl.agreement_rule(7, holiday_last_day="earlier")
    meeting = la(2027, 1, 1, 10)  # seven days before is Christmas Day
    assert deadline(keep, meeting).latest.date() == date(2026, 12, 25)
    assert deadline(earlier, meeting).latest.date() == date(2026, 12, 24)


def test_agreement_check_content_and_each_member():
    rule = dl.agreement_rule(30, content=("the nature of the amendments",))
    facts = NoticeFacts("agreement", la(2027, 1, 20, 10), deliveries=(
        Delivery("City of Tustin", received_at=la(2026, 12, 18, 9)),
        Delivery("City of Irvine", received_at=la(2026, 12, 22, 9)),
    ), content_stated=("time and place",))
    f = check(facts, rule=rule)
    assert f.status == "defective"
    assert "the notice does not state the nature of the amendments" in f.problems
    assert any("City of Irvine: LATE by" in p for p in f.problems)


def test_agreement_rule_validates():
    with pytest.raises(InvalidInput):
        dl.agreement_rule(-1)
    with pytest.raises(InvalidInput):
        dl.agreement_rule(3, holiday_last_day="later")


# ---------------------------------------------------------------- holidays and helpers

def test_holidays_state_and_federal():
    assert dl.holiday_name(date(2026, 3, 31)) == "Cesar Chavez Day"   # California
    assert dl.holiday_name(date(2026, 10, 12)) is not None            # federal Columbus Day
    assert dl.holiday_name(date(2026, 12, 25)) == "Christmas Day"
    assert not dl.is_business_day(date(2026, 11, 27))
    assert dl.business_days_before(date(2027, 1, 4), 1) == date(2026, 12, 31)


def test_describe_duration_and_json_shape():
    assert dl.describe_duration(timedelta(days=1, hours=2, minutes=3)) == "1 day 2 hours 3 minutes"
    assert dl.describe_duration(timedelta(seconds=59)) == "59 seconds"
    data = deadline("special", la(2026, 12, 4, 12)).as_dict()
    assert data["kind"] == "special" and data["deadline"] == "2026-12-03T12:00:00-08:00"
    assert data["citation"] == "Cal. Gov. Code § 54956"
    f = check(_special([Delivery("Ana", received_at=la(2026, 12, 3, 13))])).as_dict()
    assert f["status"] == "late" and f["late_by_seconds"] == 3600 and f["parts"][1]["late_by"] == "1 hour"


# ---------------------------------------------------------------- properties

ZONES = ["America/Los_Angeles", "America/New_York", "America/Denver", "Pacific/Honolulu"]
moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31),
                       timezones=st.sampled_from([ZoneInfo(z) for z in ZONES]))


@given(moments, st.sampled_from(["regular", "special", "emergency"]))
def test_hour_rules_are_exact_elapsed_hours_in_the_body_zone(start, kind):
    d = deadline(kind, start)
    hours = d.rule.timing.hours
    assert d.latest.tzinfo.key == "America/Los_Angeles"
    assert start.astimezone(timezone.utc) - d.latest.astimezone(timezone.utc) == timedelta(hours=hours)


@given(moments, st.integers(min_value=-3600 * 100, max_value=3600 * 100))
def test_check_agrees_with_the_deadline(start, offset):
    latest = deadline("regular", start).latest
    # add real seconds (in UTC): wall-clock addition would drift across a DST change
    posted = (latest.astimezone(timezone.utc) + timedelta(seconds=offset)).astimezone(LA)
    f = check(NoticeFacts("regular", start, posted_at=posted))
    assert f.on_time == (offset <= 0)
    if offset > 0:
        assert f.late_by == timedelta(seconds=offset)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 40))
def test_business_days_before_counts_exactly_n_business_days(day, n):
    result = dl.business_days_before(day, n)
    span = [result + timedelta(days=i) for i in range((day - result).days)]
    assert sum(dl.is_business_day(d) for d in span) == n
    if n:
        assert dl.is_business_day(result)


@settings(max_examples=60)
@given(st.dates(min_value=date(2021, 1, 1), max_value=date(2034, 12, 31)),
       st.sampled_from(["hearing-6062a", "hearing-6063", "hearing-6064", "hearing-6066", "hearing-6062"]),
       st.sets(st.integers(0, 6), min_size=1))
def test_computed_schedule_passes_its_own_check_and_a_day_later_does_not(day, kind, paper):
    start = datetime(day.year, day.month, day.day, 18, tzinfo=LA)
    rule = dl.CALIFORNIA.rule(kind)
    if rule.timing.daily:  # five successive days of publication must fit in five days
        paper = set(range(7)) if len(paper) > 5 else set(range(5))
    d = deadline(kind, start, newspaper_days=paper)
    f = check(NoticeFacts(kind, start, published_on=d.publication_dates), newspaper_days=paper)
    assert f.on_time, f.message()
    # with a paper out every day the schedule is the latest one: a day later is late
    every_day = deadline(kind, start)
    shifted = tuple(x + timedelta(days=1) for x in every_day.publication_dates)
    g = check(NoticeFacts(kind, start, published_on=shifted))
    assert not g.on_time and g.late_by == timedelta(days=1)
