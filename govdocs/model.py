"""The record types of a clerk's office, as plain dataclasses (no I/O).

Each class is one kind of record a clerk keeps. The field annotations are the
contract for record files: the loader checks every value against them
(``str``, ``int``, ``bool``, ``datetime.date``, ``datetime.datetime``,
``list[str]``, optional with ``| None``), and field metadata says what a value
must refer to (``ref``) or be one of (``choices``).

Record files name a record's kind in the TOML array header (``[[person]]``)
or in a Markdown file's front matter (``kind = "resolution"``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


def ref(table: str, **kw):
    """A field whose value is the id of a record in ``table``."""
    return field(metadata={"ref": table}, **kw)


def choice(*values: str, **kw):
    """A field whose value must be one of ``values``."""
    return field(metadata={"choices": values}, **kw)


ORGANIZATION_KINDS = ("city", "county", "district", "authority", "state", "other")
BODY_KINDS = ("council", "board", "committee", "commission")
SEAT_ROLES = (
    "mayor", "mayor-pro-tem", "member", "chair", "vice-chair", "director", "alternate",
)
MEETING_KINDS = ("regular", "special", "adjourned", "emergency", "joint")
MEETING_STATUSES = ("scheduled", "held", "cancelled")
RESOLUTION_STATUSES = ("draft", "adopted", "failed", "withdrawn")
ABSTENTION_RULES = ("not-counted", "with-majority", "as-no")
NUMBERING_RESETS = ("calendar-year", "fiscal-year", "never")


@dataclass(frozen=True, kw_only=True)
class Organization:
    """A city, county, district or joint powers authority."""

    id: str
    name: str
    kind: str = choice(*ORGANIZATION_KINDS)
    short_name: str | None = None
    state: str | None = None
    county: str | None = None
    time_zone: str | None = None
    website: str | None = None


@dataclass(frozen=True, kw_only=True)
class Person:
    """A person who holds or held a seat, or serves as clerk.

    ``email``, ``phone`` and ``address`` are personal contact data: they never
    reach the public archive.
    """

    id: str
    name: str
    honorific: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True, kw_only=True)
class Body:
    """A legislative body: a city council, a JPA's board, a committee.

    ``seats`` is the whole membership (every seat, vacant or not).
    ``quorum`` and ``vote_rule`` are vote rules such as ``majority-of-members``
    (see ``govdocs.votes``); ``abstentions`` says how an abstention counts.
    """

    id: str
    organization: str = ref("organizations")
    name: str
    kind: str = choice(*BODY_KINDS)
    seats: int
    quorum: str = "majority-of-members"
    abstentions: str = choice(*ABSTENTION_RULES, default="not-counted")
    vote_rule: str = "majority-of-members"
    numbering: str = "{yyyy}-{seq:03}"
    numbering_reset: str = choice(*NUMBERING_RESETS, default="calendar-year")
    fiscal_year_start: str = "07-01"
    clerk: str | None = ref("people", default=None)
    clerk_title: str = "City Clerk"
    member_title: str = "Councilmember"
    city: str | None = None
    county: str | None = None
    state: str | None = None
    time_zone: str = "America/Los_Angeles"


@dataclass(frozen=True, kw_only=True)
class Seat:
    """A person's seat on a body for a term.

    On a JPA board, ``represents`` is the member agency the seat speaks for.
    """

    body: str = ref("bodies")
    person: str = ref("people")
    term_start: dt.date
    role: str = choice(*SEAT_ROLES, default="member")
    term_end: dt.date | None = None
    represents: str | None = ref("organizations", default=None)
    id: str | None = None


@dataclass(frozen=True, kw_only=True)
class Meeting:
    """A meeting of a body. ``start`` is a local time in the body's zone, or
    carries its own UTC offset."""

    id: str
    body: str = ref("bodies")
    kind: str = choice(*MEETING_KINDS)
    start: dt.datetime
    place: str | None = None
    status: str = choice(*MEETING_STATUSES, default="scheduled")


@dataclass(frozen=True, kw_only=True)
class Resolution:
    """A resolution of a body, from draft to adopted (or failed, withdrawn)."""

    id: str
    body: str = ref("bodies")
    title: str
    status: str = choice(*RESOLUTION_STATUSES, default="draft")
    number: str | None = None
    meeting: str | None = ref("meetings", default=None)
    adopted_on: dt.date | None = None
    recitals: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    supersedes: str | None = ref("resolutions", default=None)
    rescinds: str | None = ref("resolutions", default=None)
    corrects: str | None = ref("resolutions", default=None)
    exhibits: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Vote:
    """A roll-call vote at a meeting on a subject (``resolution:ID``).

    The names under each option are person ids. The outcome is never typed:
    the store computes it from the casts and the rule.
    """

    id: str
    meeting: str = ref("meetings")
    subject: str
    motion: str | None = None
    rule: str | None = None
    aye: list[str] = field(default_factory=list)
    no: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    recused: list[str] = field(default_factory=list)
    corrects: str | None = ref("votes", default=None)


def seat_is_held_on(seat: dict, day: dt.date) -> bool:
    """True when a seat (row with ISO ``term_start``/``term_end``) is held on ``day``.

    A term includes its first day and ends the day before ``term_end``'s
    successor takes office; govdocs treats ``term_end`` as the last day held.
    """
    start = dt.date.fromisoformat(str(seat["term_start"]))
    end = seat.get("term_end")
    if day < start:
        return False
    return end is None or day <= dt.date.fromisoformat(str(end))


def terms_overlap(a: dict, b: dict) -> bool:
    """True when two seat terms share at least one day."""
    a_start = dt.date.fromisoformat(str(a["term_start"]))
    b_start = dt.date.fromisoformat(str(b["term_start"]))
    a_end = dt.date.fromisoformat(str(a["term_end"])) if a.get("term_end") else dt.date.max
    b_end = dt.date.fromisoformat(str(b["term_end"])) if b.get("term_end") else dt.date.max
    return a_start <= b_end and b_start <= a_end
