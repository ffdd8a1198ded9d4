"""Ratification of an amendment by the member agencies of a joint powers authority.

A JPA's agreement says how it may be amended: usually the governing bodies
(city councils) of some share of the member agencies must approve the
amendment, each by its own resolution, and the amendment takes effect when
enough of them have. This module counts those approvals.

The rule is one of:

- ``"N-of-M"`` (the 1979 sample: "approval of 6 of the 8 ... City Councils"):
  N approvals, whatever the membership (M is the membership the rule was
  written for; the status notes it when the membership differs);
- ``"two-thirds"``, ``"three-fourths"``, ``"majority"`` of the members
  (rounded up: two-thirds of 8 is 6, a majority of 8 is 5);
- ``"unanimous"``: every member; one rejection and it fails.

Which members count is the other half of the rule:

- ``"proposal"``: the members on the day the amendment was proposed. A city
  that joins later does not count (its action is recorded and shown); a city
  that withdraws still counts, its approval stands, and if it had not acted it
  never can.
- ``"action"``: the members on the date of each action. The rule is checked on
  every date something happens (an action, a member joining or withdrawing)
  against the membership of that day; a withdrawn member's approval no longer
  counts and a new member's does.

The status is ``ratified`` from the day the rule is met (later approvals are
still recorded), ``failed`` once the approvals still possible cannot reach the
rule (for unanimity: one rejection), and ``pending`` otherwise. The amendment
takes effect on the day the rule is met unless it says otherwise ("30 days
after ratification", "on 2027-07-01", "first day of the month after
ratification"). Government Code section 6503.5 requires the authority to file
a notice of the amendment with the Secretary of State within 30 days after its
effective date; a last day falling on a weekend or California holiday moves to
the next business day (Code of Civil Procedure section 12a).

One member acts once: a second action for the same member is refused.

Pure: no database, no files.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from govdocs.errors import InvalidInput, NotFound, Refused

COUNTING = ("proposal", "action")
ACTIONS = ("approved", "rejected")
FILING_DAYS = 30  # Gov. Code 6503.5

_FRACTIONS = {"two-thirds": (2, 3), "three-fourths": (3, 4), "three-quarters": (3, 4)}
_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "sixty": 60, "ninety": 90, "forty-five": 45})


@dataclass(frozen=True)
class Rule:
    """How many approvals ratify an amendment."""

    name: str                 # as written: "6-of-8", "two-thirds", ...
    kind: str                 # "count", "fraction", "majority", "unanimous"
    count: int = 0            # for "count": approvals needed
    of: int = 0               # for "count": the membership the rule was written for
    fraction: tuple[int, int] = (0, 1)

    def required(self, members: int) -> int:
        """Approvals needed when ``members`` member agencies count."""
        if self.kind == "count":
            return self.count
        if self.kind == "unanimous":
            return members
        if self.kind == "majority":
            return members // 2 + 1
        num, den = self.fraction
        return math.ceil(members * num / den)

    def describe(self, members: int) -> str:
        need = self.required(members)
        if self.kind == "count":
            return f"approval of {self.count} of the {self.of} member agencies"
        if self.kind == "unanimous":
            return f"approval of all {members} member agencies"
        word = "a majority" if self.kind == "majority" else self.name
        return f"approval of {word} of the member agencies ({need} of {members})"


def parse_rule(text: str) -> Rule:
    """'6-of-8', '6 of 8', 'two-thirds', 'three-fourths', 'majority', 'unanimous'."""
    t = (text or "").strip().lower()
    m = re.fullmatch(r"(\d+)\s*(?:-|\s)\s*of\s*(?:-|\s)\s*(\d+)", t)
    if m:
        n, of = int(m.group(1)), int(m.group(2))
        if not 0 < n <= of:
            raise InvalidInput(f"rule '{text}': the approvals needed must be between 1 and {of}")
        return Rule(f"{n}-of-{of}", "count", n, of)
    if t in _FRACTIONS:
        return Rule(t, "fraction", fraction=_FRACTIONS[t])
    if t == "majority":
        return Rule(t, "majority")
    if t in ("unanimous", "unanimity", "all"):
        return Rule("unanimous", "unanimous")
    raise InvalidInput(f"unknown ratification rule '{text}'",
                       expected="'6-of-8', 'two-thirds', 'three-fourths', 'majority' or 'unanimous'")


@dataclass(frozen=True)
class Member:
    """A member agency; ``withdrew_on`` is the first day it is no longer a party."""

    id: str
    name: str
    joined_on: date | None = None
    withdrew_on: date | None = None

    def member_on(self, day: date) -> bool:
        return ((self.joined_on is None or self.joined_on <= day)
                and (self.withdrew_on is None or day < self.withdrew_on))


@dataclass(frozen=True)
class Action:
    """A member council's action on the amendment."""

    member: str                        # Member.id
    action: str                        # "approved" or "rejected"
    on: date
    resolution: str | None = None      # the council's resolution number
    resolution_id: str | None = None   # the resolution record, when it is in the store
    vote: str | None = None            # its roll call, e.g. "5-0"
    copy_received_on: date | None = None

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise InvalidInput(f"unknown action '{self.action}'", expected="approved or rejected")
        if self.copy_received_on and self.copy_received_on < self.on:
            raise InvalidInput(f"the certified copy cannot arrive ({self.copy_received_on}) "
                               f"before the council acted ({self.on})")


@dataclass(frozen=True)
class Proposal:
    """What the amendment says about its own ratification."""

    rule: str
    proposed_on: date
    counting: str = "proposal"
    effective: str = "on ratification"

    def __post_init__(self):
        parse_rule(self.rule)
        if self.counting not in COUNTING:
            raise InvalidInput(f"unknown way of counting members '{self.counting}'",
                               expected="proposal (members on the day proposed) or action "
                                        "(members on the day of each action)")
        effective_date(self.effective, self.proposed_on)


def effective_date(statement: str, ratified_on: date) -> date:
    """The effective date, given what the amendment says and the day it was ratified."""
    s = (statement or "on ratification").strip().lower()
    if s in ("on ratification", "upon ratification", "immediately", "when ratified", ""):
        return ratified_on
    m = re.fullmatch(r"([\w-]+)\s+days?\s+after(?:\s+ratification)?", s)
    if m:
        word = m.group(1)
        days = int(word) if word.isdigit() else _WORD_NUMBERS.get(word)
        if days is None:
            raise InvalidInput(f"cannot read the number of days in '{statement}'")
        return ratified_on + timedelta(days=days)
    if re.fullmatch(r"first day of the (next )?month( after ratification)?", s):
        return date(ratified_on.year + ratified_on.month // 12, ratified_on.month % 12 + 1, 1)
    m = re.fullmatch(r"(?:on\s+)?(\d{4}-\d{2}-\d{2})", s)
    if m:
        stated = date.fromisoformat(m.group(1))
        return max(stated, ratified_on)
    raise InvalidInput(f"cannot read the effective date '{statement}'",
                       expected="'on ratification', '30 days after ratification', "
                                "'first day of the month after ratification' or 'on YYYY-MM-DD'")


def _is_holiday(day: date) -> bool:
    import holidays  # a data package, no I/O

    return day.weekday() >= 5 or day in holidays.country_holidays("US", subdiv="CA",
                                                                  years=day.year)


def filing_due(effective_on: date) -> date:
    """Last day to file the notice of amendment with the Secretary of State."""
    due = effective_on + timedelta(days=FILING_DAYS)
    while _is_holiday(due):
        due += timedelta(days=1)
    return due


def check_action(proposal: Proposal, members: list[Member], actions: list[Action],
                 new: Action) -> None:
    """Refuse an action that cannot be recorded; the message says why."""
    by_id = {m.id: m for m in members}
    member = by_id.get(new.member)
    if member is None:
        raise NotFound(f"'{new.member}' is not a member agency",
                       expected=", ".join(sorted(by_id)) or "no members")
    for old in actions:
        if old.member == new.member:
            raise Refused(f"{member.name}'s action is already recorded: {old.action} on "
                          f"{old.on.isoformat()}; a member acts on an amendment once")
    if new.on < proposal.proposed_on:
        raise InvalidInput(f"{member.name} cannot act on {new.on} before the amendment was "
                           f"proposed ({proposal.proposed_on})")
    if not member.member_on(new.on):
        raise Refused(f"{member.name} was not a member agency on {new.on}")


def record(proposal: Proposal, members: list[Member], actions: list[Action],
           new: Action) -> tuple[Action, ...]:
    """The actions with ``new`` added, after :func:`check_action`."""
    check_action(proposal, members, actions, new)
    return tuple(actions) + (new,)


@dataclass(frozen=True)
class Event:
    on: date
    text: str


@dataclass(frozen=True)
class Status:
    """Where ratification stands."""

    status: str                         # pending, ratified, failed
    rule: str
    counting: str
    required: int
    members: tuple[str, ...]            # names of the member agencies that count
    approved: tuple[str, ...]
    rejected: tuple[str, ...]
    pending: tuple[str, ...]            # members that count and can still act
    withdrawn: tuple[str, ...] = ()     # counted members that withdrew without acting
    not_counted: tuple[str, ...] = ()   # "Name (reason)" for actions that do not count
    after_ratification: tuple[str, ...] = ()
    ratified_on: date | None = None
    failed_on: date | None = None
    effective_on: date | None = None
    filing_due_on: date | None = None
    as_of: date | None = None
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = ()
    explanation: str = ""

    @property
    def outstanding(self) -> tuple[str, ...]:
        return self.pending

    def as_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "status": self.status, "rule": self.rule, "counting": self.counting,
            "required": self.required, "members": list(self.members),
            "approved": list(self.approved), "rejected": list(self.rejected),
            "pending": list(self.pending), "withdrawn": list(self.withdrawn),
            "not_counted": list(self.not_counted),
            "after_ratification": list(self.after_ratification),
            "ratified_on": iso(self.ratified_on), "failed_on": iso(self.failed_on),
            "effective_on": iso(self.effective_on), "filing_due_on": iso(self.filing_due_on),
            "as_of": iso(self.as_of), "explanation": self.explanation,
            "notes": list(self.notes),
            "events": [{"on": e.on.isoformat(), "text": e.text} for e in self.events],
        }


def _counted(proposal: Proposal, members: list[Member], day: date) -> list[Member]:
    on = proposal.proposed_on if proposal.counting == "proposal" else day
    return [m for m in members if m.member_on(on)]


def _tally(proposal, members, actions, day):
    """(counted members, counted approvals, counted rejections, still possible) on ``day``."""
    counted = _counted(proposal, members, day)
    ids = {m.id for m in counted}
    acted = {a.member: a for a in actions if a.on <= day}
    approvals = [a for a in acted.values() if a.action == "approved" and a.member in ids]
    rejections = [a for a in acted.values() if a.action == "rejected" and a.member in ids]
    can_act = [m for m in counted if m.id not in acted and m.member_on(day)]
    if proposal.counting == "action":
        approvals = [a for a in approvals if _by_id(members)[a.member].member_on(day)]
        rejections = [a for a in rejections if _by_id(members)[a.member].member_on(day)]
    return counted, approvals, rejections, len(approvals) + len(can_act)


def _by_id(members):
    return {m.id: m for m in members}


def status(proposal: Proposal, members: list[Member], actions: list[Action],
           as_of: date | None = None) -> Status:
    """Compute the ratification status on ``as_of`` (default: the latest date known)."""
    rule = parse_rule(proposal.rule)
    by_id = _by_id(members)
    checked: list[Action] = []
    for a in sorted(actions, key=lambda a: a.on):
        check_action(proposal, members, checked, a)
        checked.append(a)
    changes = [d for m in members for d in (m.joined_on, m.withdrew_on)
               if d is not None and d > proposal.proposed_on]
    known = [proposal.proposed_on] + [a.on for a in checked] + changes
    if as_of is None:
        as_of = max([proposal.proposed_on] + [a.on for a in checked])
    days = sorted({d for d in known if d <= as_of})

    ratified_on = failed_on = None
    events: list[Event] = []
    for day in days:
        counted, approvals, rejections, possible = _tally(proposal, members, checked, day)
        need = rule.required(len(counted))
        if day == proposal.proposed_on:
            events.append(Event(day, f"Proposed; {rule.describe(len(counted))} needed "
                                     f"({need} of {len(counted)})"))
        for m in members:
            if m.joined_on == day and day > proposal.proposed_on:
                note = "" if proposal.counting == "action" else " (not counted: joined after the proposal)"
                events.append(Event(day, f"{m.name} joined the Authority{note}"))
            if m.withdrew_on == day and day > proposal.proposed_on:
                events.append(Event(day, f"{m.name} withdrew from the Authority"))
        for a in checked:
            if a.on == day:
                res = f" (Resolution No. {a.resolution})" if a.resolution else ""
                events.append(Event(day, f"{by_id[a.member].name} {a.action}{res}"))
        if ratified_on is None and failed_on is None and need > 0 and len(approvals) >= need:
            ratified_on = day
            events.append(Event(day, f"Ratified: {len(approvals)} of {len(counted)} approved, "
                                     f"{need} needed"))
        if ratified_on is None:
            cannot = possible < need or (rule.kind == "unanimous" and rejections)
            if cannot and failed_on is None:
                failed_on = day
                events.append(Event(day, f"Failed: at most {possible} approvals are still "
                                         f"possible, {need} needed"))
            elif not cannot and failed_on is not None:
                failed_on = None
                events.append(Event(day, "No longer certain to fail: the membership changed"))

    counted, approvals, rejections, possible = _tally(proposal, members, checked, as_of)
    need = rule.required(len(counted))
    counted_ids = {m.id for m in counted}
    approved_ids = {a.member for a in approvals}
    rejected_ids = {a.member for a in rejections}
    acted = {a.member: a for a in checked if a.on <= as_of}
    pending = [m for m in counted if m.id not in acted and m.member_on(as_of)]
    withdrawn = [m for m in counted if m.id not in acted and not m.member_on(as_of)]
    not_counted = []
    for a in acted.values():
        if a.member in approved_ids or a.member in rejected_ids:
            continue
        m = by_id[a.member]
        if m.id not in counted_ids:
            why = "joined after the proposal" if proposal.counting == "proposal" else "not a member now"
        else:
            why = f"withdrew on {m.withdrew_on}"
        not_counted.append(f"{m.name} ({a.action}; {why})")

    state = "ratified" if ratified_on else ("failed" if failed_on else "pending")
    effective_on = effective_date(proposal.effective, ratified_on) if ratified_on else None
    after = [by_id[a.member].name for a in checked
             if ratified_on and a.action == "approved" and a.on > ratified_on and a.on <= as_of]
    notes = []
    if rule.kind == "count" and len(counted) != rule.of:
        notes.append(f"The rule was written for {rule.of} members; {len(counted)} count now. "
                     f"{rule.count} approvals are still needed.")
    if proposal.counting == "proposal":
        notes.append(f"Members are counted as of the proposal date, {proposal.proposed_on}.")
    else:
        notes.append("Members are counted as of the date of each action.")
    names = lambda ms: tuple(m.name for m in ms)  # noqa: E731
    if state == "ratified":
        explanation = (f"Ratified on {ratified_on}: {rule.describe(len(counted))} was met. "
                       f"Effective {effective_on}.")
    elif state == "failed":
        explanation = (f"Failed: {len(rejections)} rejected and at most {possible} approvals "
                       f"are possible; {need} needed.")
    else:
        explanation = (f"Pending: {len(approvals)} of {need} approvals needed; "
                       f"{len(pending)} members have not acted.")
    return Status(
        status=state, rule=rule.name, counting=proposal.counting, required=need,
        members=names(counted),
        approved=tuple(by_id[i].name for i in _ordered(checked, approved_ids)),
        rejected=tuple(by_id[i].name for i in _ordered(checked, rejected_ids)),
        pending=names(pending), withdrawn=names(withdrawn), not_counted=tuple(not_counted),
        after_ratification=tuple(after), ratified_on=ratified_on,
        failed_on=failed_on if state == "failed" else None, effective_on=effective_on,
        filing_due_on=filing_due(effective_on) if effective_on else None, as_of=as_of,
        events=tuple(events), notes=tuple(notes), explanation=explanation)


def _ordered(actions: list[Action], ids: set[str]) -> list[str]:
    return [a.member for a in actions if a.member in ids]


__all__ = ["Rule", "Member", "Action", "Proposal", "Status", "Event", "parse_rule",
           "effective_date", "filing_due", "check_action", "record", "status",
           "COUNTING", "ACTIONS"]
