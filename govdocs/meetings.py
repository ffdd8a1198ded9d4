"""Meetings, agendas and notices: the clerk's rules, over plain data.

What notices a meeting needs, what an agenda item may say, when an affidavit
of posting may be signed, and how a meeting looks in a calendar. No database
and no files here: ``govdocs.store.meetings`` reads the records and calls in.

* An agenda item carries a *brief general description*; the Brown Act says it
  generally need not exceed 20 words (Gov. Code 54954.2(a)(1)), so a longer
  one gets a warning, never an error.
* A regular meeting needs its agenda posted; a special or joint meeting its
  call and notice; an emergency meeting its telephone notice to the media; an
  adjourned meeting the order of adjournment posted; a cancelled meeting a
  notice of cancellation, with its reason.
* An affidavit of posting states facts from the records. If the records show
  the posting was late, it is refused before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from govdocs import deadlines
from govdocs.errors import InvalidInput, Refused
from govdocs.model import choice, ref

WORD_LIMIT = 20
NOTICE_KINDS = tuple(deadlines.CALIFORNIA.rules) + ("agreement",)
DELIVERY_ROLES = ("member", "media", "other")
CALLED_AS = ("regular", "special")
AGENDA_SECTIONS = ("opening", "public-comment", "consent", "hearing", "business",
                   "closed-session", "reports", "closing")

# The document a ``notice render --kind`` names, and the notice kinds it draws on.
DOCUMENTS = {
    "agenda": ("regular", "special", "adjourned", "emergency"),
    "special": ("special",),
    "adjournment": ("adjourned",),
    "cancellation": ("cancellation",),
    "hearing": tuple(k for k in NOTICE_KINDS if k.startswith("hearing-")),
    "affidavit": ("regular", "special", "adjourned", "cancellation", "continued-hearing"),
}


# -- record kinds (loaded from records/meetings/) --------------------------------

@dataclass(frozen=True, kw_only=True)
class AgendaItem:
    """One item of business on a meeting's agenda."""

    meeting: str = ref("meetings")
    number: str
    title: str
    description: str | None = None
    section: str | None = choice(*AGENDA_SECTIONS, default=None)
    action: bool = False
    id: str | None = None


@dataclass(frozen=True, kw_only=True)
class Notice:
    """A notice given for a meeting: posted, delivered or published.

    ``kind`` is a notice rule (``regular``, ``special``, ``hearing-6066``,
    ``agreement`` ...). For ``agreement`` notices the period, how it is
    counted, the citation and the required content come from the agreement.
    """

    id: str
    meeting: str = ref("meetings")
    kind: str = choice(*NOTICE_KINDS)
    posted_at: dt.datetime | None = None
    posted_where: list[str] = field(default_factory=list)
    posted_by: str | None = ref("people", default=None)
    subject: str | None = None
    newspaper: str | None = None
    published_on: list[str] = field(default_factory=list)
    days_before: int | None = None
    dire_emergency: bool = False
    period_days: int | None = None
    business_days: bool = False
    citation: str | None = None
    required_content: list[str] = field(default_factory=list)
    content_stated: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Delivery:
    """Written notice to one member or media outlet, and when it arrived."""

    notice: str = ref("notices")
    recipient: str
    role: str = choice(*DELIVERY_ROLES, default="member")
    person: str | None = ref("people", default=None)
    received_at: dt.datetime | None = None
    method: str | None = None
    waived: bool = False
    present: bool = False
    id: str | None = None


@dataclass(frozen=True, kw_only=True)
class Cancellation:
    """Why a meeting was cancelled (the meeting's status is ``cancelled``)."""

    meeting: str = ref("meetings")
    reason: str
    decided_at: dt.datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Adjournment:
    """A meeting adjourned to a stated time and place (the adjourned meeting)."""

    meeting: str = ref("meetings")
    adjourned_from: str = ref("meetings")
    adjourned_at: dt.datetime
    ordered_by: str | None = None


@dataclass(frozen=True, kw_only=True)
class JointMeeting:
    """A meeting of several bodies at once; each keeps its own numbering."""

    meeting: str = ref("meetings")
    bodies: list[str]
    called_as: str = choice(*CALLED_AS, default="special")


# -- agenda items -----------------------------------------------------------------

def word_count(text: str | None) -> int:
    return len(re.findall(r"[\w'’&-]+", text or ""))


def agenda_warnings(items) -> list[str]:
    """Warnings (not errors) for descriptions longer than a brief general one."""
    out = []
    for item in items:
        get = item.get if isinstance(item, dict) else (lambda k, i=item: getattr(i, k, None))
        n = word_count(get("description"))
        if n > WORD_LIMIT:
            out.append(f"item {get('number')} ({get('title')}): the description has {n} words; "
                       f"a brief general description generally need not exceed {WORD_LIMIT} "
                       "(Gov. Code 54954.2(a)(1))")
    return out


# -- which notices a meeting needs ---------------------------------------------------

def required_notices(kind: str, status: str = "scheduled", called_as: str | None = None) -> list[str]:
    """The notice kinds a meeting of ``kind`` (and ``status``) must have."""
    if status == "cancelled":
        return ["cancellation"]
    if kind == "joint":
        kind = called_as or "special"
    return {"regular": ["regular"], "special": ["special"], "emergency": ["emergency"],
            "adjourned": ["adjourned"]}.get(kind, [])


def meeting_problems(meeting: dict, *, cancellation: dict | None = None,
                     adjournment: dict | None = None, joint: dict | None = None) -> list[str]:
    """What is missing from a meeting's own record."""
    problems = []
    if meeting.get("status") == "cancelled" and not cancellation:
        problems.append("a cancelled meeting needs the reason it was cancelled")
    if cancellation and meeting.get("status") != "cancelled":
        problems.append("a cancellation is recorded but the meeting's status is not 'cancelled'")
    if meeting.get("kind") == "adjourned":
        if not meeting.get("place"):
            problems.append("an adjourned meeting is adjourned to a stated place; none given")
        if not adjournment:
            problems.append("an adjourned meeting needs the meeting it was adjourned from")
        elif adjournment["adjourned_at"] >= meeting["start"]:
            problems.append("the meeting was adjourned to a time before the adjournment")
    if meeting.get("kind") == "joint" and (not joint or len(joint.get("bodies") or []) < 1):
        problems.append("a joint meeting names the other bodies meeting with it")
    return problems


# -- affidavit of posting ------------------------------------------------------------

def refuse_if_late(finding: deadlines.Finding, what: str) -> None:
    """An affidavit states facts; it cannot state a late posting as timely."""
    posting = next((p for p in finding.parts if p.subject == "posting"), finding)
    if posting.status == deadlines.ON_TIME or finding.status == deadlines.NO_DEADLINE:
        return
    if posting.status == deadlines.MISSING:
        raise Refused(f"no posting of the {what} is recorded; there is nothing to declare")
    if posting.status == deadlines.LATE:
        raise Refused(
            f"the {what} was posted {deadlines.format_moment(posting.acted_at)}, "
            f"{deadlines.describe_duration(posting.late_by)} after the latest lawful time "
            f"({deadlines.format_moment(posting.deadline.latest)}, {finding.deadline.rule.citation}); "
            "an affidavit cannot declare it posted on time. Record the facts instead "
            "(e.g. in the minutes) and consult the agency's counsel.")
    raise Refused(f"the posting of the {what} is not in order: " + "; ".join(posting.problems))


# -- calendar -----------------------------------------------------------------------

def calendar_ics(meetings: list[dict], *, name: str = "govdocs meetings",
                 domain: str = "govdocs.invalid", stamp: dt.datetime | None = None,
                 length: dt.timedelta = dt.timedelta(hours=2)) -> bytes:
    """An iCalendar file of meetings (dicts with id, title, start, place, status,
    kind, body_name). Cancelled meetings are kept, marked CANCELLED, so a
    calendar that imported them earlier learns of the cancellation."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//govdocs//meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    for m in meetings:
        start = m["start"] if isinstance(m["start"], dt.datetime) else dt.datetime.fromisoformat(m["start"])
        if start.tzinfo is None:
            raise InvalidInput(f"meeting {m['id']} has no time zone")
        start = start.replace(microsecond=0)  # iCalendar times are whole seconds
        event = Event()
        event.add("uid", f"{m['id']}@{domain}")
        event.add("dtstamp", stamp.astimezone(dt.timezone.utc))
        begin = start.astimezone(dt.timezone.utc)
        event.add("dtstart", begin)
        event.add("dtend", begin + length)  # in UTC: local wall-clock sums drift across DST
        who = m.get("body_name") or m.get("body") or "Meeting"
        event.add("summary", m.get("title") or f"{who}: {m['kind']} meeting")
        if m.get("place"):
            event.add("location", m["place"])
        status = m.get("status")
        event.add("status", "CANCELLED" if status == "cancelled" else "CONFIRMED")
        if m.get("description"):
            event.add("description", m["description"])
        cal.add_component(event)
    return cal.to_ical()


# -- document facts -------------------------------------------------------------------

def meeting_title(kind: str, body_name: str, called_as: str | None = None) -> str:
    words = {"regular": "Regular Meeting", "special": "Special Meeting",
             "adjourned": "Adjourned Regular Meeting", "emergency": "Emergency Meeting",
             "joint": f"Joint {'Special' if (called_as or 'special') == 'special' else 'Regular'} Meeting"}
    return f"{words.get(kind, 'Meeting')} of the {body_name}"


def when_text(start: dt.datetime) -> dict:
    """``Tuesday, December 1, 2026`` and ``6:00 p.m.``: the wording of a notice."""
    hour = start.strftime("%I").lstrip("0")
    minute = start.strftime("%M")
    meridian = "a.m." if start.hour < 12 else "p.m."
    clock = f"{hour}:{minute} {meridian}"
    if start.hour == 12 and start.minute == 0:
        clock = "12:00 noon"
    return {"day": f"{start:%A}, {start:%B} {start.day}, {start.year}",
            "time": clock, "iso": start.isoformat(), "zone": start.tzname()}
