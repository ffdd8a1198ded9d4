"""The core record kinds: organizations, people, bodies, seats, meetings,
resolutions and votes, with the checks that span records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import model
from ..errors import GovdocsError, RecordError
from . import rollcalls
from .kinds import RecordKind, register_kind, to_row


def meeting_bodies(view, meeting_id: str) -> list[str]:
    """Every body meeting at ``meeting_id`` (a joint meeting has several)."""
    from .meetings import meeting_bodies as bodies  # joint meetings live with the meetings

    return bodies(view, meeting_id)

SUBJECT_TABLES = {"resolution": "resolutions"}


def _err(raw, message, field=None, expected=None):
    return raw.error(message, field, expected)


# -- bodies and seats -----------------------------------------------------------

def _check_bodies(items, view):
    errors = []
    for body, raw in items:
        if body.seats < 1:
            errors.append(_err(raw, f"a body must have at least one seat, got {body.seats}", "seats"))
        try:
            ZoneInfo(body.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            errors.append(_err(raw, f"unknown time zone {body.time_zone!r}", "time_zone", "an IANA zone such as America/Los_Angeles"))
    return errors


def _prepare_seat(seat, view):
    if seat.id:
        return seat
    return dataclasses.replace(seat, id=f"{seat.body}/{seat.person}/{seat.term_start.isoformat()}")


def _check_seats(items, view):
    errors = []
    sources = {seat.id: raw for seat, raw in items}
    for body_id in sorted({seat.body for seat, _ in items}):
        body = view.get("bodies", body_id)
        if body is None:
            continue
        seats = view.rows("seats", body=body_id)
        for i, a in enumerate(seats):
            if a.get("term_end") and a["term_end"] < a["term_start"]:
                raw = sources.get(a["id"])
                if raw:
                    errors.append(_err(raw, "the term ends before it starts", "term_end"))
            for b in seats[i + 1:]:
                if a["person"] == b["person"] and model.terms_overlap(a, b):
                    raw = sources.get(b["id"]) or sources.get(a["id"])
                    if raw:
                        errors.append(_err(
                            raw, f"{b['person']} already holds a seat on {body_id} "
                            f"from {a['term_start']} to {a.get('term_end') or 'open'}; "
                            "one person cannot hold two seats of one body at the same time", "term_start",
                        ))
        for seat in seats:
            day = dt.date.fromisoformat(seat["term_start"])
            held = rollcalls.seated_on(seats, day)
            if len(held) > int(body["seats"]) and seat["id"] in sources:
                errors.append(_err(
                    sources[seat["id"]],
                    f"{len(held)} seats of {body_id} would be filled on {day.isoformat()}, "
                    f"but the body has {body['seats']} seats", "term_start",
                ))
    return errors


# -- meetings -------------------------------------------------------------------

def _meeting_rows(meeting, view):
    body = view.get("bodies", meeting.body) or {}
    start = meeting.start
    if start.tzinfo is None:
        start = start.replace(tzinfo=ZoneInfo(body.get("time_zone") or "America/Los_Angeles"))
    row = to_row(meeting)
    row["start"] = start.isoformat()
    return [("meetings", row)]


# -- resolutions ----------------------------------------------------------------

def _check_resolutions(items, view):
    errors = []
    for res, raw in items:
        if res.status == "adopted":
            if res.adopted_on is None:
                errors.append(_err(raw, "an adopted resolution needs the date it was adopted", "adopted_on", "a date (YYYY-MM-DD)"))
            if not res.number:
                errors.append(_err(raw, "an adopted resolution needs its number", "number"))
        if res.meeting and view.get("meetings", res.meeting) is not None:
            bodies = meeting_bodies(view, res.meeting)
            if res.body not in bodies:
                errors.append(_err(
                    raw, f"meeting {res.meeting} is a meeting of {' and '.join(bodies)}, not of {res.body}", "meeting",
                ))
        if res.number and not res.corrects:
            same = [
                r for r in view.rows("resolutions", body=res.body)
                if r.get("number") == res.number and r["id"] != res.id and not r.get("corrects")
            ]
            if same:
                errors.append(_err(raw, f"resolution number {res.number} is already used by {same[0]['id']} in {res.body}", "number", "a number unique within the body"))
    return errors


# -- votes ----------------------------------------------------------------------

def _subject(vote, raw, view):
    kind, _, key = vote.subject.partition(":")
    table = SUBJECT_TABLES.get(kind)
    if not table or not key:
        raise _err(raw, f"unknown subject {vote.subject!r}", "subject", "'resolution:ID'")
    if view.get(table, key) is None:
        raise _err(raw, f"no {kind} with id {key!r}", "subject", f"the id of a {kind}")
    return table, key


def _voting_body(vote, meeting, view) -> dict:
    """The body whose members vote: the subject's body (at a joint meeting
    each body votes on its own resolutions), else the meeting's host."""
    kind, _, key = vote.subject.partition(":")
    subject = view.get(SUBJECT_TABLES[kind], key) if kind in SUBJECT_TABLES else None
    if subject and subject.get("body") in meeting_bodies(view, vote.meeting):
        return view.get("bodies", subject["body"])
    return view.get("bodies", meeting["body"])


def _roll_call(vote, view):
    meeting = view.get("meetings", vote.meeting)
    body = _voting_body(vote, meeting, view)
    day = rollcalls.meeting_day(meeting, body)
    held = rollcalls.seated_on(view.rows("seats", body=body["id"]), day)
    options = {name: getattr(vote, name) for name in rollcalls.OPTION_FIELDS}
    casts, twice = rollcalls.casts_by_person(options)
    return body, day, held, casts, twice


def _check_votes(items, view):
    errors = []
    for vote, raw in items:
        try:
            _subject(vote, raw, view)
        except RecordError as error:
            errors.append(error)
        if view.get("meetings", vote.meeting) is None:
            continue
        body, day, held, casts, twice = _roll_call(vote, view)
        seated = {s["person"] for s in held}
        for option in rollcalls.OPTION_FIELDS:
            for person in getattr(vote, option):
                if person in twice:
                    errors.append(_err(raw, f"{person} is named under more than one option", option))
                elif person not in seated:
                    errors.append(_err(
                        raw, f"{person} does not hold a seat on {body['id']} on {day.isoformat()}",
                        option, "only members seated on the meeting day",
                    ))
        for person in sorted(seated - set(casts)):
            errors.append(_err(
                raw, f"the roll call does not account for {person}, who held a seat on {day.isoformat()}",
                None, "every member seated on the meeting day named under aye, no, abstain, absent or recused",
            ))
    return errors


def _vote_rows(vote, view):
    body, day, held, casts, _ = _roll_call(vote, view)
    try:
        result = rollcalls.outcome(body, len(held), casts, vote.rule)
    except GovdocsError as error:
        raise RecordError(str(error), field="rule") from error
    return rollcalls.vote_rows(vote.id, vote.meeting, vote.subject, vote.motion, result, casts, vote.corrects)


register_kind(RecordKind("organization", model.Organization, "organizations", order=10))
register_kind(RecordKind("person", model.Person, "people", order=10))
register_kind(RecordKind("body", model.Body, "bodies", order=20, check=_check_bodies))
register_kind(RecordKind("seat", model.Seat, "seats", order=30, prepare=_prepare_seat, check=_check_seats))
register_kind(RecordKind("meeting", model.Meeting, "meetings", order=40, rows=_meeting_rows))
register_kind(RecordKind(
    "resolution", model.Resolution, "resolutions", order=50,
    prose={"Recitals": "recitals", "Clauses": "clauses", "Resolved": "clauses"},
    check=_check_resolutions,
))
register_kind(RecordKind("vote", model.Vote, "votes", order=60, check=_check_votes, rows=_vote_rows))
