"""What a clerk may certify, and the facts a certification states.

A clerk's certificate of adoption states, from the records: the whole number
of members of the body, that the resolution was passed and adopted at a
meeting of a given kind on a given day, and the roll call by name. A
certified true copy further states that the resolution has not been amended
or repealed. So the clerk must refuse to certify when:

* the resolution was not adopted (a draft, a failed or withdrawn resolution);
* there is no recorded roll-call vote on it;
* the vote did not carry under its rule (counted again here with
  ``govdocs.votes.decide``; a stored outcome is not trusted);
* the roll call does not account for every seat held on the meeting day, or
  names someone who held no seat;
* (certified copy only) a later resolution rescinded, superseded or
  corrected it.

Each refusal is a ``Refused`` error whose message says exactly why. There is
no flag to turn a refusal off. Plain data in, plain data out: no database.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from govdocs import votes
from govdocs.errors import InvalidInput, Refused
from govdocs.render.filters import surname

# The roll-call lines of a certificate, in order: option, label.
ROLL_CALL_LINES = (("aye", "AYES"), ("no", "NOES"), ("abstain", "ABSTAIN"),
                   ("absent", "ABSENT"), ("recused", "RECUSED"))
ALWAYS_SHOWN = {"aye", "no", "abstain", "absent"}   # RECUSED only when someone was


@dataclass(frozen=True)
class Member:
    """A person holding a seat on the body on the meeting day."""

    person: str          # record id
    name: str            # full name as recorded
    role: str = "member"


@dataclass(frozen=True)
class VoteRecord:
    """A recorded roll-call vote."""

    id: str
    rule: str
    casts: dict[str, str]               # person id -> aye | no | abstain | absent | recused
    meeting: str | None = None
    outcome: str | None = None          # as stored; recomputed before certifying


@dataclass(frozen=True)
class CertificationInput:
    """Everything the records say that bears on certifying one resolution."""

    resolution: str                      # record id
    number: str | None
    title: str
    status: str                          # draft | adopted | failed | withdrawn
    body_seats: int                      # the whole membership
    members: tuple[Member, ...]          # seats held on the meeting day, in roll-call order
    vote: VoteRecord | None = None
    meeting: str | None = None
    meeting_kind: str | None = None      # regular | special | adjourned | emergency | joint
    meeting_date: dt.date | None = None
    adopted_on: dt.date | None = None
    quorum: str = "majority-of-members"
    abstentions: str = "not-counted"
    eligible: int | None = None
    rescinded_by: tuple[str, ...] = ()   # numbers (or ids) of later resolutions
    superseded_by: tuple[str, ...] = ()
    corrected_by: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)   # person id -> name, for strangers


@dataclass(frozen=True)
class RollCallLine:
    option: str
    label: str                       # AYES, NOES, ...
    names: tuple[str, ...]


@dataclass(frozen=True)
class CertificationFacts:
    """The facts a certificate states (all taken from the records)."""

    resolution: str
    number: str
    title: str
    whole_number: int
    meeting_kind: str
    meeting_date: dt.date
    roll_call: tuple[RollCallLine, ...]
    outcome: votes.Outcome
    vote: str

    def names(self, option: str) -> tuple[str, ...]:
        for line in self.roll_call:
            if line.option == option:
                return line.names
        return ()


def _label(facts: CertificationInput) -> str:
    return f"Resolution No. {facts.number}" if facts.number else f"resolution {facts.resolution}"


def _name(facts: CertificationInput, person: str) -> str:
    for m in facts.members:
        if m.person == person:
            return m.name
    return facts.names.get(person, person)


def adoption_refusals(facts: CertificationInput) -> list[str]:
    """Every reason the adoption of ``facts`` cannot be certified (empty if none)."""
    reasons: list[str] = []
    if facts.status != "adopted":
        what = {"draft": "it is still a draft", "failed": "it failed",
                "withdrawn": "it was withdrawn"}.get(facts.status, f"its status is {facts.status!r}")
        reasons.append(f"it was not adopted: {what}")
        return reasons
    if not facts.number:
        reasons.append("it has no resolution number")
    if facts.adopted_on is None:
        reasons.append("no adoption date is recorded")
    if facts.meeting is None or facts.meeting_date is None or not facts.meeting_kind:
        reasons.append("the meeting at which it was adopted is not recorded")
    vote = facts.vote
    if vote is None:
        reasons.append("no roll-call vote on it is recorded")
        return reasons
    if facts.meeting and vote.meeting and vote.meeting != facts.meeting:
        reasons.append(f"the roll call was taken at meeting {vote.meeting}, "
                       f"but the resolution records its adoption at meeting {facts.meeting}")
    if facts.adopted_on and facts.meeting_date and facts.adopted_on != facts.meeting_date:
        reasons.append(f"the adoption date {facts.adopted_on.isoformat()} is not the day of the "
                       f"meeting ({facts.meeting_date.isoformat()})")
    seated = [m.person for m in facts.members]
    for option in vote.casts.values():
        votes.normalize_option(option)
    missing = [p for p in seated if p not in vote.casts]
    strangers = sorted(p for p in vote.casts if p not in set(seated))
    day = f" on {facts.meeting_date.isoformat()}" if facts.meeting_date else ""
    if missing:
        who = ", ".join(_name(facts, p) for p in missing)
        reasons.append(f"the roll call does not account for every seat: no vote is recorded "
                       f"for {who}, who held a seat{day}")
    if strangers:
        who = ", ".join(_name(facts, p) for p in strangers)
        reasons.append(f"the roll call names {who}, who held no seat on the body{day}")
    if len(seated) > facts.body_seats:
        reasons.append(f"the records show {len(seated)} members seated{day}, more than the "
                       f"body's {facts.body_seats} seats")
    if missing or strangers or len(seated) > facts.body_seats:
        return reasons
    try:
        outcome = decide(facts)
    except InvalidInput as exc:
        reasons.append(f"the vote cannot be counted under its rule ({vote.rule}): {exc}")
        return reasons
    if outcome.outcome != "carried":
        reasons.append(f"the vote did not carry under its rule ({outcome.rule}): {outcome.explanation}")
    return reasons


def copy_refusals(facts: CertificationInput) -> list[str]:
    """Reasons a certified true copy ("not amended or repealed") cannot be issued."""
    reasons = adoption_refusals(facts)
    if facts.rescinded_by:
        reasons.append("it was rescinded by " + ", ".join(facts.rescinded_by))
    if facts.superseded_by:
        reasons.append("it was superseded by " + ", ".join(facts.superseded_by))
    if facts.corrected_by:
        reasons.append("a correcting record replaces it (" + ", ".join(facts.corrected_by)
                       + "); certify the correction")
    return reasons


def decide(facts: CertificationInput) -> votes.Outcome:
    """The outcome of the recorded roll call under its rule, counted afresh."""
    vote = facts.vote
    if vote is None:
        raise Refused(f"{_label(facts)}: no roll-call vote is recorded")
    seated = len(facts.members)
    return votes.decide(
        votes.tally(vote.casts), vote.rule, seats=facts.body_seats,
        vacant=max(facts.body_seats - seated, 0), quorum=facts.quorum,
        abstentions=facts.abstentions, eligible=facts.eligible,
    )


def _refuse(facts: CertificationInput, reasons: list[str], what: str) -> None:
    if reasons:
        raise Refused(f"{_label(facts)} cannot be {what}: " + "; ".join(reasons) + ".")


def roll_call_names(members: tuple[Member, ...]) -> dict[str, str]:
    """The name each member is called by in the roll call: the surname, or the
    full name where two members share a surname."""
    surnames = {m.person: surname(m.name) or m.name for m in members}
    counts = Counter(s.lower() for s in surnames.values())
    return {p: (s if counts[s.lower()] == 1 else next(m.name for m in members if m.person == p))
            for p, s in surnames.items()}


def certify_adoption(facts: CertificationInput) -> CertificationFacts:
    """The facts of a certificate of adoption, or ``Refused`` saying why not."""
    _refuse(facts, adoption_refusals(facts), "certified")
    return _facts(facts)


def certify_copy(facts: CertificationInput) -> CertificationFacts:
    """The facts for a certified true copy, or ``Refused`` saying why not."""
    _refuse(facts, copy_refusals(facts), "certified as a true copy in effect")
    return _facts(facts)


def _facts(facts: CertificationInput) -> CertificationFacts:
    outcome = decide(facts)
    called = roll_call_names(facts.members)
    lines = []
    for option, label in ROLL_CALL_LINES:
        names = tuple(called[m.person] for m in facts.members if facts.vote.casts.get(m.person) == option)
        if names or option in ALWAYS_SHOWN:
            lines.append(RollCallLine(option, label, names))
    return CertificationFacts(
        resolution=facts.resolution, number=facts.number, title=facts.title,
        whole_number=facts.body_seats, meeting_kind=facts.meeting_kind,
        meeting_date=facts.meeting_date, roll_call=tuple(lines), outcome=outcome,
        vote=facts.vote.id,
    )
