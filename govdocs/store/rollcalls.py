"""Roll calls against the seats of a body: who may vote, and the outcome.

The rules of counting live in ``govdocs.votes``; this module brings the
records to them: who held a seat on the meeting day, whether a roll call
accounts for each of them exactly once, and the computed outcome.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .. import model

OPTION_FIELDS = ("aye", "no", "abstain", "absent", "recused")


def meeting_day(meeting: dict, body: dict) -> dt.date:
    """The calendar day of a meeting in its body's time zone."""
    start = dt.datetime.fromisoformat(str(meeting["start"]))
    if start.tzinfo is not None:
        start = start.astimezone(ZoneInfo(body.get("time_zone") or "America/Los_Angeles"))
    return start.date()


def seated_on(seats: list[dict], day: dt.date) -> list[dict]:
    """The seats (rows) held on ``day``, excluding alternates."""
    return [s for s in seats if model.seat_is_held_on(s, day) and s.get("role") != "alternate"]


def casts_by_person(options: dict[str, list[str]]) -> tuple[dict[str, str], list[str]]:
    """{person: option} from {option: [people]}, and the people named twice."""
    casts: dict[str, str] = {}
    twice: list[str] = []
    for option in OPTION_FIELDS:
        for person in options.get(option, []) or []:
            if person in casts:
                twice.append(person)
            casts[person] = option
    return casts, twice


def roll_call_problems(casts: dict[str, str], seated: list[str], twice=(), day=None) -> list[str]:
    """Plain sentences for each way a roll call fails to match the seats held."""
    on = f" on {day.isoformat()}" if day else ""
    problems = [f"{p} is named under more than one option" for p in twice]
    strangers = sorted(set(casts) - set(seated))
    missing = sorted(set(seated) - set(casts))
    problems += [f"{p} does not hold a seat on this body{on}" for p in strangers]
    problems += [f"the roll call does not account for {p}, who held a seat{on}" for p in missing]
    return problems


def outcome(body: dict, seats_held: int, casts: dict[str, str], rule: str | None, eligible: int | None = None):
    """The computed outcome (a ``govdocs.votes.Outcome``) of a roll call."""
    from .. import votes  # the rules of the field

    return votes.decide(
        votes.tally(casts),
        rule or body.get("vote_rule") or "majority-of-members",
        seats=int(body["seats"]),
        vacant=max(int(body["seats"]) - seats_held, 0),
        quorum=body.get("quorum") or "majority-of-members",
        abstentions=body.get("abstentions") or "not-counted",
        eligible=eligible,
    )


def vote_rows(vote_id: str, meeting: str, subject: str, motion, result, casts: dict[str, str],
              corrects: str | None = None) -> list[tuple[str, dict]]:
    """The rows of a recorded vote: the vote with its computed outcome, then
    one cast per member. Every way of recording a vote writes these."""
    rows = [("votes", {
        "id": vote_id, "meeting": meeting, "subject": subject, "motion": motion,
        "rule": result.rule, "outcome": result.outcome, "required": result.required,
        "quorum_met": int(bool(result.quorum_met)), "explanation": result.explanation,
        "corrects": corrects,
    })]
    rows += [("vote_casts", {"vote": vote_id, "person": p, "option": o}) for p, o in sorted(casts.items())]
    return rows


def insert_vote(store, *args, **kwargs) -> None:
    """Write :func:`vote_rows` through the store (inside its transaction)."""
    with store.transaction():
        for table, row in vote_rows(*args, **kwargs):
            store.insert(table, row)
