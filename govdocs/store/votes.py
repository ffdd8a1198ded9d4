"""Recording and showing roll-call votes in the store.

A vote belongs to a meeting and a subject (``resolution:ID`` for now). The
roll call must name every member seated on the body on the meeting day
exactly once, and nobody else; the outcome is computed from the casts and the
rule (``govdocs.votes``), never typed. A roll call that does not fit is
refused before anything is written.
"""

from __future__ import annotations

import re

from .. import votes as rules
from ..errors import InvalidInput, NotFound, Refused
from . import rollcalls
from .kinds_core import meeting_bodies
from .kinds_core import SUBJECT_TABLES


def parse_subject(store, subject: str) -> tuple[str, str, dict]:
    """``resolution:ID`` (or a bare resolution id) -> (kind, key, row)."""
    subject = (subject or "").strip()
    kind, sep, key = subject.partition(":")
    if not sep:
        kind, key = "resolution", subject
    if kind not in SUBJECT_TABLES or not key:
        raise InvalidInput(
            f"unknown subject {subject!r}: expected KIND:ID with KIND one of "
            + ", ".join(sorted(SUBJECT_TABLES))
        )
    row = store.find(SUBJECT_TABLES[kind], key)
    if row is None:
        raise NotFound(f"no {kind} with id {key!r}")
    return kind, key, row


def default_rule(body: dict, subject_kind: str) -> str:
    """The rule a vote on this kind of subject takes unless one is given.

    A resolution takes the body's ``vote_rule`` (a general-law council's is
    a majority of its members, Gov. Code 36936); other subjects fall back to
    the same rule until they have their own.
    """
    return body.get("vote_rule") or "majority-of-members"


def _split_names(values) -> list[str]:
    names = []
    for value in values or ():
        names += [part.strip() for part in str(value).split(",") if part.strip()]
    return names


def resolve_person(store, name: str, seated: list[str]) -> str:
    """A person id for what the clerk typed: an id, a full name or a surname.

    Ids and names of members seated that day are tried first; a name nobody
    seated has is looked up among all people, so a stranger is reported by
    id. A name that fits more than one seated member is refused.
    """
    if store.find("people", name) is not None:
        return name
    wanted = _fold(name)
    people = {pid: store.find("people", pid) for pid in seated}
    full = [pid for pid, row in people.items() if row and _fold(row["name"]) == wanted]
    if len(full) == 1:
        return full[0]
    surname = [pid for pid, row in people.items()
               if row and _fold(row["name"]).split(" ")[-1:] == [wanted]]
    if len(surname) == 1:
        return surname[0]
    if len(surname) > 1:
        raise InvalidInput(
            f"{name!r} could be any of {', '.join(sorted(surname))}: give the person's id"
        )
    others = [r["id"] for r in store.rows("people") if _fold(r["name"]) == wanted]
    if len(others) == 1:
        return others[0]
    return name


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).strip().lower())


def _next_vote_id(store, key: str) -> str:
    n = 1
    while store.find("votes", f"{key}-vote-{n}") is not None:
        n += 1
    return f"{key}-vote-{n}"


def record_vote(store, subject: str, options: dict[str, list[str]], *, meeting: str | None = None,
                rule: str | None = None, motion: str | None = None,
                vote_id: str | None = None) -> dict:
    """Record a roll call and its computed outcome; returns :func:`show_vote` of it.

    ``options`` maps each option (aye, no, abstain, absent, recused) to the
    people under it: ids, full names or surnames of seated members.
    ``meeting`` defaults to the subject's meeting. Refuses (and writes
    nothing) when a seated member is missing, named twice, or a stranger
    voted.
    """
    unknown = set(options) - set(rules.OPTIONS)
    if unknown:
        raise InvalidInput(
            f"unknown vote option(s) {', '.join(sorted(unknown))}: expected {', '.join(rules.OPTIONS)}"
        )
    kind, key, subject_row = parse_subject(store, subject)
    meeting = meeting or subject_row.get("meeting")
    if not meeting:
        raise InvalidInput(f"which meeting? {kind} {key} names none: give --meeting")
    meeting_row = store.find("meetings", meeting)
    if meeting_row is None:
        raise NotFound(f"no meeting with id {meeting!r}")
    hosts = meeting_bodies(store, meeting)
    body = store.get("bodies", subject_row.get("body") or meeting_row["body"])
    if body["id"] not in hosts:
        raise Refused(
            f"{kind} {key} belongs to {body['id']}, but meeting {meeting} "
            f"is a meeting of {' and '.join(hosts)}"
        )
    if meeting_row.get("status") == "cancelled":
        raise Refused(f"meeting {meeting} was cancelled: no vote can be taken at it")
    day = rollcalls.meeting_day(meeting_row, body)
    held = rollcalls.seated_on(store.rows("seats", "body = ?", [body["id"]]), day)
    seated = [s["person"] for s in held]

    resolved = {
        option: [resolve_person(store, name, seated) for name in _split_names(options.get(option))]
        for option in rules.OPTIONS
    }
    casts, twice = rollcalls.casts_by_person(resolved)
    problems = rollcalls.roll_call_problems(casts, seated, sorted(set(twice)), day)
    if problems:
        raise Refused("the roll call does not match the seats held: " + "; ".join(problems))

    rule_text = str(rules.parse_rule(rule or default_rule(body, kind)))
    result = rollcalls.outcome(body, len(held), casts, rule_text)
    vote_id = vote_id or _next_vote_id(store, key)
    if store.find("votes", vote_id) is not None:
        raise Refused(f"vote {vote_id} is already recorded; a recorded vote is corrected, not replaced")
    with store.transaction():
        rollcalls.insert_vote(store, vote_id, meeting, f"{kind}:{key}", motion, result, casts)
    return show_vote(store, vote_id)


def voting_body(store, vote: dict, meeting: dict) -> str:
    """The body that cast ``vote``: its subject's body (at a joint meeting each
    body votes on its own matters), else the meeting's host body."""
    kind, _, key = vote["subject"].partition(":")
    subject = store.find(SUBJECT_TABLES[kind], key) if kind in SUBJECT_TABLES else None
    if subject and subject.get("body") in meeting_bodies(store, meeting["id"]):
        return subject["body"]
    return meeting["body"]


def show_vote(store, vote_id: str) -> dict:
    """One vote with its roll call by option (ids and names) and its outcome."""
    row = store.find("votes", vote_id)
    if row is None:
        raise NotFound(f"no vote {vote_id!r}")
    meeting = store.get("meetings", row["meeting"])
    body = store.get("bodies", voting_body(store, row, meeting))
    casts = store.rows("vote_casts", "vote = ?", [vote_id], order_by="person")
    by_option = {option: [] for option in rules.OPTIONS}
    names = {option: [] for option in rules.OPTIONS}
    for cast in casts:
        by_option[cast["option"]].append(cast["person"])
        person = store.find("people", cast["person"])
        names[cast["option"]].append(person["name"] if person else cast["person"])
    corrected_by = [r["id"] for r in store.rows("votes", "corrects = ?", [vote_id], order_by="id")]
    tally = rules.tally({c["person"]: c["option"] for c in casts})
    return {
        "id": row["id"],
        "subject": row["subject"],
        "meeting": row["meeting"],
        "date": rollcalls.meeting_day(meeting, body).isoformat(),
        "body": body["id"],
        "body_name": body["name"],
        "motion": row["motion"],
        "rule": row["rule"],
        "outcome": row["outcome"],
        "required": row["required"],
        "quorum_met": bool(row["quorum_met"]),
        "explanation": row["explanation"],
        "ayes": tally.ayes,
        "noes": tally.noes,
        "abstentions": tally.abstentions,
        "absent": tally.absent,
        "recused": tally.recused,
        "casts": by_option,
        "names": names,
        "corrects": row["corrects"],
        "corrected_by": corrected_by,
    }


def votes_on(store, subject: str) -> list[dict]:
    """Every vote on a subject (``resolution:ID``), or the one vote with that id.

    Oldest meeting first; corrections follow what they correct.
    """
    if store.find("votes", subject) is not None and ":" not in subject:
        return [show_vote(store, subject)]
    kind, key, _ = parse_subject(store, subject)
    rows = store.rows("votes", "subject = ?", [f"{kind}:{key}"], order_by="id")
    shown = [show_vote(store, r["id"]) for r in rows]
    return sorted(shown, key=lambda v: (v["date"], v["corrects"] is not None, v["id"]))


def standing_vote(votes: list[dict]) -> dict | None:
    """The vote that stands: the latest one nothing corrects."""
    standing = [v for v in votes if not v["corrected_by"]]
    return standing[-1] if standing else None


def format_vote(vote: dict) -> str:
    """The vote as a clerk reads it: the roll call by option, then the outcome."""
    lines = [
        f"Vote {vote['id']} on {vote['subject']}",
        f"Meeting: {vote['meeting']} ({vote['date']}), {vote['body_name']}",
    ]
    if vote["motion"]:
        lines.append(f"Motion: {vote['motion']}")
    lines.append(f"Rule: {vote['rule']}")
    labels = {"aye": "AYES", "no": "NOES", "abstain": "ABSTAIN", "absent": "ABSENT",
              "recused": "RECUSED"}
    for option in rules.OPTIONS:
        names = vote["names"][option]
        lines.append(f"{labels[option] + ':':9}{', '.join(names) if names else 'None'}")
    lines.append(f"Outcome: {vote['outcome']}. {vote['explanation']}")
    if vote["corrects"]:
        lines.append(f"Corrects: {vote['corrects']}")
    if vote["corrected_by"]:
        lines.append(f"Corrected by: {', '.join(vote['corrected_by'])}")
    return "\n".join(lines)
