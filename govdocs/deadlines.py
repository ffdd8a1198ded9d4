"""Notice deadlines: when an agenda must be posted, a notice delivered, a
hearing published - and whether it was.

The rules of one state are kept as data (a ``RuleSet`` of ``Rule`` objects),
so another state's set can be added beside California's without touching the
arithmetic. Every rule names its citation; every answer carries its rule.

How time is counted, and why:

* **Hour rules** (the Brown Act's 72 hours, 24 hours, one hour) are elapsed
  hours. They are computed in absolute time (UTC) and shown in the body's
  zone, so a weekend counts like any other day and a daylight-saving change
  does not move the instant: 72 hours before 6:00 p.m. on the Tuesday after
  the November change is 7:00 p.m. local time on the Saturday.
* **Day rules** follow Gov. Code 6800: the day the act is done is excluded and
  the last day included, so "at least N days before" a meeting on day M is met
  by an act on day M - N or earlier. A rule that counts business days skips
  Saturdays, Sundays and holidays (California's and the federal ones, from the
  ``holidays`` package) and says so in its data.
* **Newspaper publication** (Gov. Code 6060-6066) counts calendar days: the
  period of notice begins on the day of first publication and ends at the end
  of its last day, counting the first day. The period must be over before the
  day of the hearing. Successive publications need the stated number of whole
  days *between* them, not counting the publication days themselves.

Checked against public copies of Gov. Code 54954.2, 54955, 54956, 54956.5,
6040.5, 6064 and 6800; 6061, 6062, 6062a, 6063 and 6066 follow 6064's pattern
and are to be re-read against the official code (each rule names its section).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, Mapping, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from govdocs.errors import InvalidInput

UTC = timezone.utc
DEFAULT_ZONE = "America/Los_Angeles"
END_OF_DAY = time(23, 59, 59)

# ---- The shapes a timing rule can take -------------------------------------


@dataclass(frozen=True)
class HoursBefore:
    """Done at least ``hours`` elapsed hours before the event starts."""

    hours: int
    counting: str = "elapsed hours; weekends and holidays count; DST does not move it"


@dataclass(frozen=True)
class HoursAfter:
    """Done within ``hours`` elapsed hours after the event (an adjournment)."""

    hours: int
    counting: str = "elapsed hours after the event"


@dataclass(frozen=True)
class DaysBefore:
    """Done at least ``days`` days before the day of the event (Gov. Code 6800).

    ``business_days``: count only days that are not Saturday, Sunday or a
    holiday. ``holiday_last_day``: when counting calendar days and the last
    day for the act falls on a weekend or holiday, ``"earlier"`` moves it back
    to the business day before; ``"keep"`` leaves it.
    """

    days: int
    business_days: bool = False
    holiday_last_day: str = "keep"

    @property
    def counting(self) -> str:
        if self.business_days:
            return "business days; Saturdays, Sundays and holidays are not counted"
        text = "calendar days; the day of the act excluded, the last day included"
        if self.holiday_last_day == "earlier":
            text += "; a last day on a weekend or holiday moves to the business day before"
        return text


@dataclass(frozen=True)
class Publication:
    """Publication in a newspaper of general circulation.

    ``times``: how many publications. ``period_days``: the period of notice in
    days counting the first day of publication (None when the section fixes no
    period and the law that calls for the hearing must say). ``intervening``:
    whole days required between successive publications, not counting the
    publication days. ``daily``: publications on successive days of
    publication of the newspaper.
    """

    times: int
    period_days: int | None
    intervening: int = 0
    daily: bool = False

    @property
    def counting(self) -> str:
        text = "calendar days; the period of notice counts the first day of publication"
        between = f"; at least {self.intervening} days between publications, not counting them"
        return text + (between if self.intervening else "")


Timing = HoursBefore | HoursAfter | DaysBefore | Publication | None


@dataclass(frozen=True)
class Rule:
    """One notice rule: what must be done, by when, and where the law says so."""

    kind: str
    title: str
    citation: str
    text: str
    timing: Timing
    posted: bool = True
    recipients: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def counting(self) -> str:
        return self.timing.counting if self.timing is not None else "no fixed period"


@dataclass(frozen=True)
class RuleSet:
    """A state's notice rules, keyed by kind, and the holiday calendar it uses."""

    code: str
    name: str
    rules: Mapping[str, Rule]
    holiday_country: str = "US"
    holiday_subdivision: str | None = None

    def rule(self, kind: str) -> Rule:
        try:
            return self.rules[kind]
        except KeyError:
            known = ", ".join(self.rules)
            raise InvalidInput(f"unknown notice kind {kind!r} for {self.name} (known: {known})") from None


def _hearing(section: str, title: str, text: str, timing: Publication, *notes: str) -> Rule:
    return Rule(kind=f"hearing-{section}", title=title, citation=f"Cal. Gov. Code § {section}",
                text=text, timing=timing, posted=False, recipients=("newspaper",), notes=tuple(notes))


CALIFORNIA = RuleSet(
    code="CA",
    name="California (Ralph M. Brown Act and Gov. Code 6060-6066)",
    holiday_subdivision="CA",
    rules={
        "regular": Rule(
            kind="regular",
            title="Agenda of a regular meeting",
            citation="Cal. Gov. Code § 54954.2(a)(1)",
            text=("The agenda, with a brief general description of each item, is posted "
                  "at least 72 hours before the regular meeting, where the public can "
                  "freely see it, and on the agency's website."),
            timing=HoursBefore(72),
            content=("time and place of the meeting",
                     "a brief general description of each item (generally 20 words or fewer)"),
        ),
        "special": Rule(
            kind="special",
            title="Call and notice of a special meeting",
            citation="Cal. Gov. Code § 54956",
            text=("Written notice reaches each member and each newspaper or station that "
                  "asked for it at least 24 hours before the meeting, and the call and "
                  "notice are posted at least 24 hours before it. A member who files a "
                  "written waiver, or is present when the meeting convenes, needs no notice."),
            timing=HoursBefore(24),
            recipients=("members", "media"),
            content=("time and place of the meeting", "the business to be transacted"),
            notes=("No other business may be considered at a special meeting.",),
        ),
        "emergency": Rule(
            kind="emergency",
            title="Notice of an emergency meeting",
            citation="Cal. Gov. Code § 54956.5",
            text=("The 24-hour notice and posting of a special meeting are excused, but each "
                  "newspaper or station that asked for notice of special meetings is told by "
                  "telephone at least one hour before; in a dire emergency, at or near the "
                  "time the members are told."),
            timing=HoursBefore(1),
            posted=False,
            recipients=("media",),
        ),
        "adjourned": Rule(
            kind="adjourned",
            title="Order or notice of adjournment",
            citation="Cal. Gov. Code § 54955",
            text=("A copy of the order or notice of adjournment is posted conspicuously on "
                  "or near the door of the place where the meeting was held, within 24 hours "
                  "after the adjournment."),
            timing=HoursAfter(24),
            content=("the time and place of the adjourned meeting",),
            notes=("If the order does not state the hour, the adjourned meeting is held at "
                   "the hour of regular meetings.",),
        ),
        "continued-hearing": Rule(
            kind="continued-hearing",
            title="Order or notice of continuance of a hearing",
            citation="Cal. Gov. Code § 54955.1",
            text=("A copy of the order or notice of continuance is posted on or near the "
                  "door of the meeting place within 24 hours after the continuance."),
            timing=HoursAfter(24),
        ),
        "cancellation": Rule(
            kind="cancellation",
            title="Notice of cancellation",
            citation="none (good practice; the Brown Act fixes no period)",
            text=("The Brown Act sets no deadline for saying a meeting will not be held; "
                  "post the notice where the agenda was posted as soon as the meeting is "
                  "cancelled."),
            timing=None,
            content=("the meeting cancelled", "the reason"),
        ),
        "hearing-6061": _hearing(
            "6061", "Public hearing notice, published once",
            "Published once in a newspaper of general circulation. Section 6061 fixes "
            "no period; the law that calls for the hearing does (10 days is common, e.g. "
            "Gov. Code 65090 and 65091).",
            Publication(times=1, period_days=None),
            "Give --days-before from the law that calls for the hearing; 10 is assumed.",
        ),
        "hearing-6062": _hearing(
            "6062", "Public hearing notice, published daily",
            "Published once a day on five successive days of publication of a daily "
            "newspaper (Gov. Code 6040.5: published five or more days a week); the period "
            "of notice ends at the end of the fifth day, counting the first.",
            Publication(times=5, period_days=5, daily=True),
        ),
        "hearing-6062a": _hearing(
            "6062a", "Public hearing notice, published twice",
            "Published twice, with at least five days between the two publication dates "
            "(not counting them); the period of notice ends at the end of the tenth day, "
            "counting the first.",
            Publication(times=2, period_days=10, intervening=5),
        ),
        "hearing-6063": _hearing(
            "6063", "Public hearing notice, three successive weeks",
            "Published once a week for three successive weeks: three publications with at "
            "least five days between each (not counting them); the period of notice ends at "
            "the end of the 21st day, counting the first.",
            Publication(times=3, period_days=21, intervening=5),
        ),
        "hearing-6064": _hearing(
            "6064", "Public hearing notice, four successive weeks",
            "Published once a week for four successive weeks: four publications with at "
            "least five days between each (not counting them); the period of notice ends at "
            "the end of the 28th day, counting the first.",
            Publication(times=4, period_days=28, intervening=5),
        ),
        "hearing-6066": _hearing(
            "6066", "Public hearing notice, two successive weeks",
            "Published once a week for two successive weeks: two publications with at least "
            "five days between them (not counting them); the period of notice begins on the "
            "first day of publication and ends at the end of the 14th day, counting the first.",
            Publication(times=2, period_days=14, intervening=5),
        ),
    },
)

RULE_SETS: dict[str, RuleSet] = {"CA": CALIFORNIA}


def rule_set(code: str = "CA") -> RuleSet:
    try:
        return RULE_SETS[code.upper()]
    except KeyError:
        raise InvalidInput(f"no notice rules for {code!r} (known: {', '.join(RULE_SETS)})") from None


def agreement_rule(days: int, *, business_days: bool = False, holiday_last_day: str = "keep",
                   recipients: Sequence[str] = ("members",),
                   content: Sequence[str] = ("the nature of the amendments",),
                   citation: str = "the agreement's amendment clause",
                   title: str = "Notice of a vote on amending the agreement or by-laws") -> Rule:
    """The notice a joint powers agreement itself demands before an amendment vote.

    The period, how it is counted, who must receive the notice and what it
    must state come from the agreement, so they are parameters here.
    """
    if days < 0:
        raise InvalidInput(f"the agreement's notice period cannot be negative ({days} days)")
    if holiday_last_day not in ("keep", "earlier"):
        raise InvalidInput("holiday_last_day is 'keep' or 'earlier'")
    unit = "business days" if business_days else "days"
    return Rule(
        kind="agreement",
        title=title,
        citation=citation,
        text=(f"Written notice to each of the {', '.join(recipients)} at least {days} {unit} "
              f"before the vote, stating {'; '.join(content)}."),
        timing=DaysBefore(days, business_days=business_days, holiday_last_day=holiday_last_day),
        posted=False,
        recipients=tuple(recipients),
        content=tuple(content),
    )


# ---- Time zones and holidays -----------------------------------------------


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {name!r}") from None


def localize(moment: datetime, tz: str | ZoneInfo | None = None) -> datetime:
    """An aware datetime in the body's zone.

    A naive wall-clock time is read in ``tz``; one that does not exist (the
    spring-forward hour) or exists twice (the fall-back hour) is refused,
    because a clerk must say which instant is meant.
    """
    z = tz if isinstance(tz, ZoneInfo) else zone(tz)
    if moment.tzinfo is not None:
        return moment.astimezone(z)
    first = moment.replace(tzinfo=z, fold=0)
    second = moment.replace(tzinfo=z, fold=1)
    back = first.astimezone(UTC).astimezone(z)
    if back.replace(tzinfo=None) != moment:
        raise InvalidInput(f"{moment.isoformat()} does not exist in {z.key} "
                           "(the clocks skip that hour); give the time with its UTC offset")
    if first.utcoffset() != second.utcoffset():
        raise InvalidInput(f"{moment.isoformat()} happens twice in {z.key} "
                           "(the clocks fall back); give the time with its UTC offset")
    return first


def parse_moment(text: str, tz: str | ZoneInfo | None = None) -> datetime:
    """Read an ISO 8601 date-time (offset optional) in the body's zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"not an ISO 8601 date and time: {text!r} (e.g. 2026-12-01T18:00)") from None
    return localize(moment, tz)


@functools.lru_cache(maxsize=64)
def _holiday_table(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    import holidays as holidays_pkg

    table: dict[date, str] = {}
    table.update(holidays_pkg.country_holidays(country, years=year))
    if subdivision:
        table.update(holidays_pkg.country_holidays(country, subdiv=subdivision, years=year))
    return table


def holiday_name(day: date, rules: RuleSet = CALIFORNIA) -> str | None:
    """The holiday on ``day`` (state or federal), or None."""
    return _holiday_table(rules.holiday_country, rules.holiday_subdivision, day.year).get(day)


def is_business_day(day: date, rules: RuleSet = CALIFORNIA) -> bool:
    return day.weekday() < 5 and holiday_name(day, rules) is None


def business_days_before(day: date, count: int, rules: RuleSet = CALIFORNIA) -> date:
    """The day ``count`` business days before ``day`` (each step to the previous business day)."""
    current = day
    for _ in range(count):
        current -= timedelta(days=1)
        while not is_business_day(current, rules):
            current -= timedelta(days=1)
    return current


def previous_business_day(day: date, rules: RuleSet = CALIFORNIA) -> date:
    return day if is_business_day(day, rules) else business_days_before(day, 1, rules)


# ---- Deadlines -------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    """The answer to "by when?" for one rule and one event."""

    kind: str
    rule: Rule
    event: datetime
    latest: datetime | None
    earliest: datetime | None = None
    publication_dates: tuple[date, ...] = ()
    period_of_notice: tuple[date, date] | None = None
    notes: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.rule.timing is None:
            return f"{self.rule.title}: no statutory deadline ({self.rule.citation})"
        when = format_moment(self.latest) if self.latest else "-"
        if isinstance(self.rule.timing, HoursAfter):
            return f"{self.rule.title}: post no later than {when} ({self.rule.citation})"
        if isinstance(self.rule.timing, Publication):
            dates = ", ".join(d.isoformat() for d in self.publication_dates)
            return (f"{self.rule.title}: first publication no later than "
                    f"{self.latest.date().isoformat()}; a lawful schedule: {dates} "
                    f"({self.rule.citation})")
        return f"{self.rule.title}: no later than {when} ({self.rule.citation})"

    def as_dict(self) -> dict:
        data = {
            "kind": self.kind,
            "deadline": self.latest.isoformat() if self.latest else None,
            "rule": self.rule.title,
            "citation": self.rule.citation,
            "text": self.rule.text,
            "counting": self.rule.counting,
            "event": self.event.isoformat(),
        }
        if self.earliest is not None:
            data["earliest"] = self.earliest.isoformat()
        if self.publication_dates:
            data["publication_dates"] = [d.isoformat() for d in self.publication_dates]
        if self.period_of_notice:
            data["period_of_notice"] = [d.isoformat() for d in self.period_of_notice]
        if self.notes:
            data["notes"] = list(self.notes)
        return data


def format_moment(moment: datetime) -> str:
    """``2026-11-28 18:00 PST (-08:00)``: wall time, zone abbreviation and offset."""
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M} {moment.tzname()} ({offset[:3]}:{offset[3:]})"


def _end_of_day(day: date, z: ZoneInfo) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=z)


def deadline(kind: str | Rule, event: datetime, tz: str | ZoneInfo | None = None, *,
             rules: RuleSet = CALIFORNIA, days_before: int | None = None,
             newspaper_days: Iterable[int] | None = None) -> Deadline:
    """The latest lawful moment (or publication dates) for a notice.

    ``event`` is the meeting's start, or for ``adjourned`` and
    ``continued-hearing`` the moment of the adjournment or continuance; for a
    hearing, the hearing's start. ``tz`` is the body's zone (naive times are
    read in it; answers are given in it). ``days_before`` is the interval the
    law calling for a hearing adds to a Gov. Code 6060-series publication
    (the first publication at least that many days before the hearing).
    ``newspaper_days`` lists the weekdays the newspaper comes out (0 = Monday).
    """
    rule = kind if isinstance(kind, Rule) else rules.rule(kind)
    z = tz if isinstance(tz, ZoneInfo) else zone(tz)
    start = localize(event, z)
    timing = rule.timing
    if timing is None:
        return Deadline(rule.kind, rule, start, None)
    if isinstance(timing, HoursBefore):
        latest = (start.astimezone(UTC) - timedelta(hours=timing.hours)).astimezone(z)
        return Deadline(rule.kind, rule, start, latest)
    if isinstance(timing, HoursAfter):
        latest = (start.astimezone(UTC) + timedelta(hours=timing.hours)).astimezone(z)
        return Deadline(rule.kind, rule, start, latest, earliest=start)
    if isinstance(timing, DaysBefore):
        day = _days_before(start.date(), timing, rules)
        return Deadline(rule.kind, rule, start, _end_of_day(day, z))
    return _publication_deadline(rule, timing, start, z, days_before, newspaper_days)


def _days_before(event_day: date, timing: DaysBefore, rules: RuleSet) -> date:
    if timing.business_days:
        return business_days_before(event_day, timing.days, rules)
    day = event_day - timedelta(days=timing.days)
    if timing.holiday_last_day == "earlier":
        day = previous_business_day(day, rules)
    return day


def _publication_deadline(rule: Rule, timing: Publication, start: datetime, z: ZoneInfo,
                          days_before: int | None, newspaper_days: Iterable[int] | None) -> Deadline:
    notes: list[str] = []
    if days_before is not None and days_before < 0:
        raise InvalidInput(f"days before the hearing cannot be negative ({days_before})")
    if timing.period_days is None and days_before is None:
        days_before = 10
        notes.append("Section 6061 fixes no period; 10 days before the hearing assumed "
                     "(give the period of the law that calls for the hearing).")
    weekdays = frozenset(range(7)) if newspaper_days is None else frozenset(newspaper_days)
    if not weekdays or not weekdays <= frozenset(range(7)):
        raise InvalidInput("newspaper days are weekday numbers 0 (Monday) to 6 (Sunday)")
    schedule = lawful_schedule(timing, start.date(), days_before=days_before, newspaper_days=weekdays)
    if schedule is None:
        raise InvalidInput(f"no lawful {rule.title.lower()} fits a newspaper published on "
                           f"weekdays {sorted(weekdays)}")
    first = schedule[0]
    period = _period(timing, schedule)
    return Deadline(rule.kind, rule, start, _end_of_day(first, z),
                    publication_dates=tuple(schedule), period_of_notice=period, notes=tuple(notes))


def _period(timing: Publication, dates: Sequence[date]) -> tuple[date, date]:
    if timing.period_days is None:
        return (dates[0], dates[0])
    return (dates[0], dates[0] + timedelta(days=timing.period_days - 1))


def _latest_first(timing: Publication, hearing: date, days_before: int | None) -> date:
    """The latest first publication: the period must end before the hearing day."""
    candidates = [hearing - timedelta(days=1)]
    if timing.period_days is not None:
        candidates.append(hearing - timedelta(days=timing.period_days))
    if days_before is not None:
        candidates.append(hearing - timedelta(days=days_before))
    return min(candidates)


def lawful_schedule(timing: Publication, hearing: date, *, days_before: int | None = None,
                    newspaper_days: frozenset[int] = frozenset(range(7)),
                    search_days: int = 70) -> list[date] | None:
    """The latest publication dates that satisfy the rule, or None if none fit.

    Tries the latest possible first publication and walks back one
    newspaper day at a time until the later publications fit the period.
    """
    first = _latest_first(timing, hearing, days_before)
    for _ in range(search_days):
        if first.weekday() in newspaper_days:
            dates = _fill(timing, first, hearing, newspaper_days)
            if dates is not None:
                return dates
        first -= timedelta(days=1)
    return None


def _fill(timing: Publication, first: date, hearing: date, paper: frozenset[int]) -> list[date] | None:
    dates = [first]
    period_end = _period(timing, dates)[1] if timing.period_days else hearing - timedelta(days=1)
    while len(dates) < timing.times:
        nxt = dates[-1] + timedelta(days=timing.intervening + 1)
        while nxt.weekday() not in paper:
            nxt += timedelta(days=1)
        if nxt > period_end or nxt >= hearing:
            return None
        dates.append(nxt)
    return dates


# ---- Checking what was done ------------------------------------------------

ON_TIME = "on-time"
LATE = "late"
MISSING = "missing"
DEFECTIVE = "defective"
EXCUSED = "excused"
NO_DEADLINE = "no-deadline"
_SEVERITY = {ON_TIME: 0, EXCUSED: 0, NO_DEADLINE: 0, LATE: 1, DEFECTIVE: 2, MISSING: 3}


@dataclass(frozen=True)
class Delivery:
    """Written notice to one person or outlet, and when it was received.

    ``waived``: the member filed a written waiver of notice with the clerk;
    ``present``: the member was present when the meeting convened. Either
    excuses a late or missing notice to that member (Gov. Code 54956).
    """

    recipient: str
    role: str = "member"
    received_at: datetime | None = None
    waived: bool = False
    present: bool = False


@dataclass(frozen=True)
class NoticeFacts:
    """What the records say was done for one notice."""

    kind: str
    event: datetime
    posted_at: datetime | None = None
    deliveries: tuple[Delivery, ...] = ()
    published_on: tuple[date, ...] = ()
    dire_emergency: bool = False
    content_stated: tuple[str, ...] | None = None
    days_before: int | None = None


@dataclass(frozen=True)
class Finding:
    """On time or not, by how much, and why."""

    kind: str
    subject: str
    status: str
    deadline: Deadline
    acted_at: datetime | None = None
    late_by: timedelta | None = None
    margin: timedelta | None = None
    problems: tuple[str, ...] = ()
    parts: tuple["Finding", ...] = ()

    @property
    def on_time(self) -> bool:
        return _SEVERITY[self.status] == 0

    def message(self) -> str:
        rule = self.deadline.rule
        head = f"{self.subject}: "
        if self.status == NO_DEADLINE:
            done = f" (done {format_moment(self.acted_at)})" if self.acted_at else ""
            return head + f"no statutory deadline{done}"
        if self.status == EXCUSED:
            return head + "excused; " + "; ".join(self.problems)
        if self.status == ON_TIME:
            extra = f", {describe_duration(self.margin)} to spare" if self.margin else ""
            extra = ", at the last lawful moment" if self.margin == timedelta(0) else extra
            return head + f"on time{extra} ({rule.citation})"
        if self.status == LATE and self.late_by is not None:
            text = head + f"LATE by {describe_duration(self.late_by)} ({rule.citation})"
            if self.problems:
                text += "; " + "; ".join(self.problems)
            return text
        return head + f"{self.status.upper()}: " + "; ".join(self.problems) + f" ({rule.citation})"

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "status": self.status,
            "on_time": self.on_time,
            "deadline": self.deadline.latest.isoformat() if self.deadline.latest else None,
            "rule": self.deadline.rule.title,
            "citation": self.deadline.rule.citation,
            "acted_at": self.acted_at.isoformat() if self.acted_at else None,
            "late_by_seconds": int(self.late_by.total_seconds()) if self.late_by is not None else None,
            "late_by": describe_duration(self.late_by) if self.late_by is not None else None,
            "problems": list(self.problems),
            "parts": [p.as_dict() for p in self.parts],
            "message": self.message(),
        }


def describe_duration(span: timedelta) -> str:
    """``2 days 3 hours 5 minutes``; seconds only when under a minute."""
    seconds = int(abs(span.total_seconds()))
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    for value, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")):
        if value:
            parts.append(f"{value} {unit}{'s' if value != 1 else ''}")
    return " ".join(parts)


def _worst(findings: Sequence[Finding]) -> str:
    return max((f.status for f in findings), key=lambda s: _SEVERITY[s], default=ON_TIME)


def _timed(kind: str, subject: str, dl: Deadline, acted: datetime | None, z: ZoneInfo) -> Finding:
    """Compare one act with a before-deadline or an after-window."""
    if acted is None:
        return Finding(kind, subject, MISSING, dl, problems=("no record that it was done",))
    acted = localize(acted, z)
    if dl.earliest is not None and acted < dl.earliest:
        return Finding(kind, subject, DEFECTIVE, dl, acted_at=acted,
                       problems=(f"done at {format_moment(acted)}, before the adjournment it reports",))
    late = acted.astimezone(UTC) - dl.latest.astimezone(UTC)
    if late > timedelta(0):
        return Finding(kind, subject, LATE, dl, acted_at=acted, late_by=late)
    return Finding(kind, subject, ON_TIME, dl, acted_at=acted, margin=-late)


def check(facts: NoticeFacts, tz: str | ZoneInfo | None = None, *, rules: RuleSet = CALIFORNIA,
          rule: Rule | None = None, newspaper_days: Iterable[int] | None = None) -> Finding:
    """Was this notice given on time, and if not, late by how much?

    ``rule`` overrides the rule looked up by ``facts.kind`` (for a notice
    period set by an agreement, see ``agreement_rule``).
    """
    z = tz if isinstance(tz, ZoneInfo) else zone(tz)
    the_rule = rule or rules.rule(facts.kind)
    dl = deadline(the_rule, facts.event, z, rules=rules, days_before=facts.days_before,
                  newspaper_days=newspaper_days)
    kind = the_rule.kind
    timing = the_rule.timing
    if timing is None:
        acted = localize(facts.posted_at, z) if facts.posted_at else None
        return Finding(kind, the_rule.title, NO_DEADLINE, dl, acted_at=acted)
    if isinstance(timing, Publication):
        return _check_publication(kind, the_rule, timing, dl, facts)
    parts: list[Finding] = []
    if the_rule.posted:
        parts.append(_timed(kind, "posting", dl, facts.posted_at, z))
    parts.extend(_check_deliveries(kind, the_rule, dl, facts, z))
    problems = _content_problems(the_rule, facts)
    status = _worst(parts)
    if problems and _SEVERITY[status] < _SEVERITY[DEFECTIVE]:
        status = DEFECTIVE
    late_by = max((p.late_by for p in parts if p.late_by is not None), default=None)
    late_by = late_by if status == LATE else None
    acted = max((p.acted_at for p in parts if p.acted_at), default=None)
    margin = min((p.margin for p in parts if p.margin is not None), default=None)
    margin = margin if status == ON_TIME else None
    for p in parts:
        if not p.on_time:
            problems += (p.message(),) if len(parts) > 1 else p.problems
    return Finding(kind, the_rule.title, status, dl, acted_at=acted, late_by=late_by,
                   margin=margin, problems=problems, parts=tuple(parts))


def _check_deliveries(kind: str, rule: Rule, dl: Deadline, facts: NoticeFacts,
                      z: ZoneInfo) -> list[Finding]:
    wanted = {"members": "member", "media": "media"}
    roles = {wanted[r] for r in rule.recipients if r in wanted}
    findings: list[Finding] = []
    for d in facts.deliveries:
        if d.role not in roles:
            continue
        subject = f"notice to {d.recipient}"
        if kind == "emergency" and facts.dire_emergency:
            relaxed = replace(dl, latest=dl.event, notes=dl.notes + (
                "dire emergency: notice due at or near the time the members are notified",))
            findings.append(_timed(kind, subject, relaxed, d.received_at, z))
            continue
        found = _timed(kind, subject, dl, d.received_at, z)
        if not found.on_time and d.role == "member" and (d.waived or d.present):
            why = "written waiver on file" if d.waived else "present when the meeting convened"
            found = replace(found, status=EXCUSED, problems=(why,), late_by=None)
        findings.append(found)
    if "member" in roles and not any(d.role == "member" for d in facts.deliveries):
        findings.append(Finding(kind, "notice to the members", MISSING, dl,
                                problems=("no delivery to any member recorded",)))
    return findings


def _content_problems(rule: Rule, facts: NoticeFacts) -> tuple[str, ...]:
    if facts.content_stated is None or rule.kind != "agreement":
        return ()
    stated = {c.strip().lower() for c in facts.content_stated}
    return tuple(f"the notice does not state {c}" for c in rule.content if c.lower() not in stated)


def _check_publication(kind: str, rule: Rule, timing: Publication, dl: Deadline,
                       facts: NoticeFacts) -> Finding:
    hearing = dl.event.date()
    z = dl.event.tzinfo
    dates = sorted(set(facts.published_on))
    if not dates:
        return Finding(kind, rule.title, MISSING, dl, problems=("no publication recorded",))
    problems: list[str] = []
    first, latest_first = dates[0], dl.latest.date()
    late_by = timedelta(days=(first - latest_first).days) if first > latest_first else None
    if len(dates) < timing.times:
        problems.append(f"published {len(dates)} time{'s' if len(dates) != 1 else ''}; "
                        f"the section requires {timing.times}")
    counted = dates[: timing.times]
    for a, b in zip(counted, counted[1:]):
        between = (b - a).days - 1
        if between < timing.intervening:
            problems.append(f"only {between} day{'s' if between != 1 else ''} between the "
                            f"publications of {a.isoformat()} and {b.isoformat()}; "
                            f"at least {timing.intervening} required")
    end = _period(timing, counted)[1]
    for d in counted:
        if d >= hearing:
            problems.append(f"publication on {d.isoformat()} is not before the hearing")
        elif timing.period_days is not None and d > end:
            problems.append(f"publication on {d.isoformat()} falls after the period of notice "
                            f"({first.isoformat()} to {end.isoformat()})")
    acted = _end_of_day(first, z)
    if problems:
        status = DEFECTIVE
    elif late_by is not None:
        status = LATE
        problems.append(f"first publication {first.isoformat()}; the latest lawful first "
                        f"publication was {latest_first.isoformat()}")
    else:
        return Finding(kind, rule.title, ON_TIME, dl, acted_at=acted,
                       margin=timedelta(days=(latest_first - first).days))
    return Finding(kind, rule.title, status, dl, acted_at=acted, late_by=late_by,
                   problems=tuple(problems))
