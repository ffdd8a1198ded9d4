"""Meetings, agendas and notices in the records store.

Record kinds for ``records/meetings/`` (agenda items, notices, deliveries,
cancellations, adjournments, joint meetings), the library calls behind
``govdocs meeting`` and ``govdocs notice``, and the facts each notice document
is rendered from. The rules themselves are in ``govdocs.deadlines`` and
``govdocs.meetings``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from govdocs import deadlines
from govdocs import meetings as rules
from govdocs.errors import InvalidInput, NotFound
from govdocs.store.kinds import RecordKind, register_kind, to_row

ZONE = deadlines.DEFAULT_ZONE


def _db(source):
    """A sqlite_utils.Database from a RecordStore or a Database."""
    return getattr(source, "db", source)


def _zone_of(view_or_db, meeting_id: str) -> ZoneInfo:
    get = view_or_db.get if hasattr(view_or_db, "pending") else None
    if get:
        meeting = get("meetings", meeting_id) or {}
        body = get("bodies", meeting.get("body")) if meeting.get("body") else None
    else:
        db = _db(view_or_db)
        meeting = _find(db, "meetings", meeting_id) or {}
        body = _find(db, "bodies", meeting.get("body")) if meeting.get("body") else None
    return deadlines.zone((body or {}).get("time_zone") or ZONE)


def _find(db, table: str, key) -> dict | None:
    if key is None or table not in db.table_names():
        return None
    rows = list(db[table].rows_where("[{}] = ?".format(db[table].pks[0]), [key]))
    return rows[0] if rows else None


def _aware(value: dt.datetime | None, z: ZoneInfo) -> str | None:
    return deadlines.localize(value, z).isoformat() if value is not None else None


# -- record kinds ------------------------------------------------------------------

def _item_prepare(item, view):
    return item if item.id else dataclasses.replace(item, id=f"{item.meeting}/{item.number}")


def _delivery_prepare(d, view):
    return d if d.id else dataclasses.replace(d, id=f"{d.notice}/{d.recipient}")


def _notice_rows(notice, view):
    row = to_row(notice)
    row["posted_at"] = _aware(notice.posted_at, _zone_of(view, notice.meeting))
    return [("notices", row)]


def _delivery_rows(d, view):
    notice = view.get("notices", d.notice) or {}
    row = to_row(d)
    row["received_at"] = _aware(d.received_at, _zone_of(view, notice.get("meeting")))
    return [("notice_deliveries", row)]


def _cancellation_rows(c, view):
    row = to_row(c)
    row["decided_at"] = _aware(c.decided_at, _zone_of(view, c.meeting))
    return [("cancellations", row)]


def _adjournment_rows(a, view):
    row = to_row(a)
    row["adjourned_at"] = _aware(a.adjourned_at, _zone_of(view, a.adjourned_from))
    return [("adjournments", row)]


def _check_notices(items, view):
    errors = []
    for notice, raw in items:
        for day in notice.published_on:
            try:
                dt.date.fromisoformat(day)
            except ValueError:
                errors.append(raw.error(f"not a date: {day!r}", "published_on", "dates (YYYY-MM-DD)"))
        if notice.kind == "agreement" and notice.period_days is None:
            errors.append(raw.error("an agreement notice needs the period the agreement sets",
                                    "period_days", "a whole number of days"))
        if notice.kind.startswith("hearing-") and notice.posted_at is None and not notice.published_on:
            errors.append(raw.error("a hearing notice is published; give the publication dates",
                                    "published_on", "dates (YYYY-MM-DD)"))
    return errors


def _check_cancellations(items, view):
    errors = []
    for c, raw in items:
        meeting = view.get("meetings", c.meeting)
        if meeting and meeting.get("status") != "cancelled":
            errors.append(raw.error(f"meeting {c.meeting} is {meeting.get('status')!r}, not 'cancelled'",
                                    "meeting", "a meeting whose status is cancelled"))
    return errors


def _check_adjournments(items, view):
    errors = []
    for a, raw in items:
        meeting, source = view.get("meetings", a.meeting), view.get("meetings", a.adjourned_from)
        if not meeting or not source:
            continue
        if meeting.get("kind") != "adjourned":
            errors.append(raw.error(f"meeting {a.meeting} is a {meeting.get('kind')} meeting; "
                                    "an adjournment leads to an 'adjourned' one", "meeting"))
        if meeting.get("body") != source.get("body"):
            errors.append(raw.error("a meeting can only be adjourned to a meeting of the same body",
                                    "adjourned_from"))
        if not meeting.get("place"):
            errors.append(raw.error("the adjourned meeting needs its stated place", "meeting"))
        z = _zone_of(view, a.adjourned_from)
        at = deadlines.localize(a.adjourned_at, z)
        if at >= dt.datetime.fromisoformat(meeting["start"]).astimezone(z):
            errors.append(raw.error("adjourned at or after the start of the adjourned meeting",
                                    "adjourned_at"))
    return errors


def _check_joint(items, view):
    errors = []
    for j, raw in items:
        meeting = view.get("meetings", j.meeting)
        if meeting and meeting.get("kind") != "joint":
            errors.append(raw.error(f"meeting {j.meeting} is not a joint meeting", "meeting"))
        for body in j.bodies:
            if view.get("bodies", body) is None:
                errors.append(raw.error(f"there is no body {body!r}", "bodies", "ids of bodies"))
            elif meeting and body == meeting.get("body"):
                errors.append(raw.error(f"{body} is the meeting's own body; list the others",
                                        "bodies"))
    return errors


register_kind(RecordKind("agenda_item", rules.AgendaItem, "agenda_items", order=70, prepare=_item_prepare))
register_kind(RecordKind("notice", rules.Notice, "notices", order=71, rows=_notice_rows,
                         check=_check_notices))
register_kind(RecordKind("delivery", rules.Delivery, "notice_deliveries", order=72,
                         prepare=_delivery_prepare, rows=_delivery_rows))
register_kind(RecordKind("cancellation", rules.Cancellation, "cancellations", order=73,
                         rows=_cancellation_rows, check=_check_cancellations, key="meeting"))
register_kind(RecordKind("adjournment", rules.Adjournment, "adjournments", order=73,
                         rows=_adjournment_rows, check=_check_adjournments, key="meeting"))
register_kind(RecordKind("joint_meeting", rules.JointMeeting, "joint_meetings", order=73,
                         check=_check_joint, key="meeting"))


# -- reading a meeting ----------------------------------------------------------------

@dataclass
class MeetingRecord:
    """A meeting with everything recorded about it."""

    meeting: dict
    body: dict
    organization: dict
    zone: ZoneInfo
    items: list[dict] = field(default_factory=list)
    notices: list[dict] = field(default_factory=list)
    deliveries: dict[str, list[dict]] = field(default_factory=dict)
    cancellation: dict | None = None
    adjournment: dict | None = None
    adjourned_from: dict | None = None
    joint: dict | None = None
    joint_bodies: list[dict] = field(default_factory=list)
    people: dict[str, dict] = field(default_factory=dict)

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.meeting["start"]).astimezone(self.zone)

    @property
    def called_as(self) -> str | None:
        return (self.joint or {}).get("called_as")

    @property
    def title(self) -> str:
        return rules.meeting_title(self.meeting["kind"], self.body["name"], self.called_as)


def _number_key(item: dict):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(item["number"]))]


def meeting_record(source, meeting_id: str) -> MeetingRecord:
    db = _db(source)
    meeting = _find(db, "meetings", meeting_id)
    if meeting is None:
        raise NotFound(f"no meeting {meeting_id!r}")
    body = _find(db, "bodies", meeting["body"]) or {}
    rec = MeetingRecord(meeting, body, _find(db, "organizations", body.get("organization")) or {},
                        deadlines.zone(body.get("time_zone") or ZONE))
    rec.items = sorted(db["agenda_items"].rows_where("meeting = ?", [meeting_id]), key=_number_key)
    rec.notices = list(db["notices"].rows_where("meeting = ?", [meeting_id], order_by="id"))
    for n in rec.notices:
        rec.deliveries[n["id"]] = list(db["notice_deliveries"].rows_where("notice = ?", [n["id"]], order_by="rowid"))
    rec.cancellation = _find(db, "cancellations", meeting_id)
    rec.adjournment = _find(db, "adjournments", meeting_id)
    if rec.adjournment:
        rec.adjourned_from = _find(db, "meetings", rec.adjournment["adjourned_from"])
    rec.joint = _find(db, "joint_meetings", meeting_id)
    if rec.joint:
        rec.joint_bodies = [_find(db, "bodies", b) or {"id": b, "name": b} for b in json.loads(rec.joint["bodies"])]
    wanted = {body.get("clerk")} | {n.get("posted_by") for n in rec.notices}
    wanted |= {d.get("person") for ds in rec.deliveries.values() for d in ds}
    rec.people = {p: _find(db, "people", p) for p in wanted if p}
    return rec


def meeting_bodies(source, meeting_id: str) -> list[str]:
    """Every body that meets at ``meeting_id``: its own, then a joint meeting's others.

    A resolution or vote of any of them may name this meeting; each body
    keeps its own numbering. Works on a store, a Database or a loader view.
    """
    if hasattr(source, "pending"):
        meeting, joint = source.get("meetings", meeting_id), source.get("joint_meetings", meeting_id)
    else:
        db = _db(source)
        meeting, joint = _find(db, "meetings", meeting_id), _find(db, "joint_meetings", meeting_id)
    if meeting is None:
        return []
    others = json.loads(joint["bodies"]) if joint and isinstance(joint.get("bodies"), str) else (joint or {}).get("bodies") or []
    return [meeting["body"], *[b for b in others if b != meeting["body"]]]


def _dt(value: str | None, z: ZoneInfo) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value).astimezone(z) if value else None


def notice_facts(rec: MeetingRecord, notice: dict) -> tuple[deadlines.NoticeFacts, deadlines.Rule]:
    """The facts one notice is checked on, and its rule."""
    kind = notice["kind"]
    event = rec.start  # for a continued hearing: the meeting's start, earlier than the continuance (strict)
    if kind == "adjourned":
        if not rec.adjournment:
            raise InvalidInput(f"notice {notice['id']}: the meeting has no recorded adjournment")
        event = _dt(rec.adjournment["adjourned_at"], rec.zone)
    if kind == "agreement":
        rule = deadlines.agreement_rule(
            notice["period_days"], business_days=bool(notice["business_days"]),
            citation=notice.get("citation") or "the agreement's amendment clause",
            content=tuple(json.loads(notice["required_content"] or "[]")) or ("the nature of the amendments",))
    else:
        rule = deadlines.CALIFORNIA.rule(kind)
    deliveries = tuple(
        deadlines.Delivery(d["recipient"], d["role"], _dt(d["received_at"], rec.zone),
                           bool(d["waived"]), bool(d["present"]))
        for d in rec.deliveries.get(notice["id"], []))
    stated = json.loads(notice.get("content_stated") or "[]")
    facts = deadlines.NoticeFacts(
        kind=kind, event=event, posted_at=_dt(notice.get("posted_at"), rec.zone),
        deliveries=deliveries,
        published_on=tuple(dt.date.fromisoformat(d) for d in json.loads(notice.get("published_on") or "[]")),
        dire_emergency=bool(notice.get("dire_emergency")),
        content_stated=tuple(stated) if stated else None, days_before=notice.get("days_before"))
    return facts, rule


@dataclass
class MeetingCheck:
    record: MeetingRecord
    findings: list[tuple[dict, deadlines.Finding]]
    missing: list[str]
    problems: list[str]
    warnings: list[str]

    @property
    def late(self) -> list[tuple[dict, deadlines.Finding]]:
        return [(n, f) for n, f in self.findings if not f.on_time]

    def as_dict(self) -> dict:
        return {
            "meeting": self.record.meeting["id"], "title": self.record.title,
            "start": self.record.start.isoformat(),
            "notices": [{"notice": n["id"], **f.as_dict()} for n, f in self.findings],
            "missing": self.missing, "problems": self.problems, "warnings": self.warnings,
            "all_on_time": not self.late and not self.missing,
        }


def check_meeting(source, meeting_id: str) -> MeetingCheck:
    """Every notice of a meeting, on time or late and by how much."""
    rec = meeting_record(source, meeting_id)
    findings = []
    for notice in rec.notices:
        facts, rule = notice_facts(rec, notice)
        findings.append((notice, deadlines.check(facts, rec.zone, rule=rule)))
    have = {n["kind"] for n in rec.notices}
    needed = rules.required_notices(rec.meeting["kind"], rec.meeting["status"], rec.called_as)
    missing = [k for k in needed if k not in have]
    problems = rules.meeting_problems(
        rec.meeting, cancellation=rec.cancellation, adjournment=rec.adjournment,
        joint={"bodies": [b["id"] for b in rec.joint_bodies]} if rec.joint else None)
    return MeetingCheck(rec, findings, missing, problems, rules.agenda_warnings(rec.items))


# -- writing and listing meetings ------------------------------------------------------

def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def create_meeting(store, *, body: str, kind: str, start: str, place: str | None = None,
                   meeting_id: str | None = None, status: str = "scheduled",
                   items: list[dict] | None = None, joint_with: list[str] | None = None,
                   called_as: str = "special") -> dict:
    """Add a meeting (its agenda items, and for a joint meeting the other bodies)."""
    body_row = _find(store.db, "bodies", body)
    if body_row is None:
        raise NotFound(f"no body {body!r}")
    if kind not in ("regular", "special", "adjourned", "emergency", "joint"):
        raise InvalidInput(f"unknown meeting kind {kind!r} (regular, special, adjourned, emergency, joint)")
    if status not in ("scheduled", "held", "cancelled"):
        raise InvalidInput(f"unknown status {status!r} (scheduled, held, cancelled)")
    if kind == "joint" and not joint_with:
        raise InvalidInput("a joint meeting names the other bodies meeting with it (--with BODY)")
    if joint_with and kind != "joint":
        raise InvalidInput("only a joint meeting has other bodies; use --kind joint")
    for other in joint_with or []:
        if _find(store.db, "bodies", other) is None or other == body:
            raise InvalidInput(f"{other!r} is not another body that could meet jointly with {body}")
    if called_as not in rules.CALLED_AS:
        raise InvalidInput(f"a joint meeting is called as 'regular' or 'special', not {called_as!r}")
    moment = deadlines.parse_moment(start, body_row.get("time_zone") or ZONE)
    meeting_id = meeting_id or f"{body}-{moment:%Y-%m-%d}"
    if _find(store.db, "meetings", meeting_id):
        raise InvalidInput(f"meeting {meeting_id!r} already exists; give --id")
    row = {"id": meeting_id, "body": body, "kind": kind, "start": moment.isoformat(),
           "place": place, "status": status}
    with store.transaction():
        store.insert("meetings", row)
        if joint_with:
            store.insert("joint_meetings", {"meeting": meeting_id, "bodies": json.dumps(list(joint_with)),
                                            "called_as": called_as})
        for item in items or []:
            store.insert("agenda_items", {"id": f"{meeting_id}/{item['number']}", "meeting": meeting_id,
                                          "number": str(item["number"]), "title": item["title"],
                                          "description": item.get("description"),
                                          "section": item.get("section"), "action": int(bool(item.get("action")))})
    return row


def cancel_meeting(store, meeting_id: str, reason: str, *, decided_at: str | None = None) -> dict:
    """Mark a meeting cancelled, with its reason (e.g. no quorum)."""
    rec = meeting_record(store, meeting_id)
    if not reason or not reason.strip():
        raise InvalidInput("give the reason the meeting is cancelled")
    if rec.meeting["status"] == "held":
        raise InvalidInput(f"meeting {meeting_id} was held; it cannot be cancelled")
    if rec.meeting["status"] == "cancelled":
        raise InvalidInput(f"meeting {meeting_id} is already cancelled ({(rec.cancellation or {}).get('reason')})")
    when = deadlines.parse_moment(decided_at, rec.zone) if decided_at else dt.datetime.now(rec.zone)
    row = {"meeting": meeting_id, "reason": reason.strip(), "decided_at": when.replace(microsecond=0).isoformat()}
    with store.transaction():
        store.update("meetings", meeting_id, {"status": "cancelled"})
        store.insert("cancellations", row)
    return row


def adjourn_meeting(store, meeting_id: str, *, to: str, place: str | None = None, at: str,
                    new_id: str | None = None, ordered_by: str | None = None) -> dict:
    """Adjourn a meeting, at ``at``, to a stated time and place: a new adjourned meeting.

    The place defaults to the same place. The order of adjournment must then
    be posted within 24 hours after ``at`` (Gov. Code 54955).
    """
    rec = meeting_record(store, meeting_id)
    adjourned_at = deadlines.parse_moment(at, rec.zone)
    start = deadlines.parse_moment(to, rec.zone)
    if start <= adjourned_at:
        raise InvalidInput("a meeting is adjourned to a later time")
    place = place or rec.meeting.get("place")
    if not place:
        raise InvalidInput("a meeting is adjourned to a stated place; give --place")
    new_id = new_id or f"{rec.meeting['body']}-{start:%Y-%m-%d}"
    if _find(store.db, "meetings", new_id):
        raise InvalidInput(f"meeting {new_id!r} already exists; give --id")
    row = {"id": new_id, "body": rec.meeting["body"], "kind": "adjourned", "start": start.isoformat(),
           "place": place, "status": "scheduled"}
    with store.transaction():
        store.insert("meetings", row)
        store.insert("adjournments", {"meeting": new_id, "adjourned_from": meeting_id,
                                      "adjourned_at": adjourned_at.isoformat(), "ordered_by": ordered_by})
    return {**row, "deadline": deadlines.deadline("adjourned", adjourned_at, rec.zone)}


def list_meetings(source, *, body: str | None = None, since: dt.datetime | None = None) -> list[dict]:
    db = _db(source)
    where, params = [], []
    if body:
        if _find(db, "bodies", body) is None:
            raise NotFound(f"no body {body!r}")
        joint = [r["meeting"] for r in db["joint_meetings"].rows if body in json.loads(r["bodies"])]
        where.append("(body = ? or id in ({}))".format(",".join("?" * len(joint)) or "''"))
        params += [body, *joint]
    rows = list(db["meetings"].rows_where(" and ".join(where) or None, params))
    out = []
    for r in rows:
        start = dt.datetime.fromisoformat(r["start"])
        if since and start < since:
            continue
        b = _find(db, "bodies", r["body"]) or {}
        out.append({**r, "body_name": b.get("name", r["body"]), "time_zone": b.get("time_zone") or ZONE})
    return sorted(out, key=lambda r: dt.datetime.fromisoformat(r["start"]))


def meetings_ics(source, *, body: str | None = None, since: dt.datetime | None = None,
                 stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file of meetings (upcoming ones when ``since`` is now)."""
    db = _db(source)
    events = []
    for m in list_meetings(db, body=body, since=since):
        rec = meeting_record(db, m["id"])
        reason = (rec.cancellation or {}).get("reason")
        events.append({**m, "title": rec.title + (" (CANCELLED)" if m["status"] == "cancelled" else ""),
                       "description": f"Cancelled: {reason}" if reason else None})
    name = "Meetings" + (f" of the {(_find(db, 'bodies', body) or {}).get('name')}" if body else "")
    return rules.calendar_ics(events, name=name, stamp=stamp)


# -- documents ---------------------------------------------------------------------------

DOCUMENT_KINDS = {
    "agenda": "agenda", "special": "notice-special", "adjournment": "notice-adjournment",
    "cancellation": "notice-cancellation", "hearing": "notice-hearing", "affidavit": "affidavit-posting",
}
DOCUMENT_NAMES = {
    "regular": "agenda", "special": "call and notice of special meeting", "emergency": "notice of emergency meeting",
    "adjourned": "order of adjournment", "cancellation": "notice of cancellation",
    "continued-hearing": "order of continuance",
}


def _moment_text(moment: dt.datetime) -> str:
    w = rules.when_text(moment)
    return f"{w['day']}, at {w['time']}"


def _meeting_facts(rec: MeetingRecord) -> dict:
    w = rules.when_text(rec.start)
    return {"id": rec.meeting["id"], "title": rec.title, "kind": rec.meeting["kind"], "day": w["day"],
            "time": w["time"], "zone": w["zone"], "place": rec.meeting.get("place") or "",
            "status": rec.meeting["status"], "start": w["iso"]}


def _pick_notice(rec: MeetingRecord, kinds, notice_id: str | None) -> dict | None:
    if notice_id:
        for n in rec.notices:
            if n["id"] == notice_id:
                return n
        raise NotFound(f"meeting {rec.meeting['id']} has no notice {notice_id!r}")
    return next((n for n in rec.notices if n["kind"] in kinds), None)


def _posting(rec: MeetingRecord, notice: dict | None) -> dict:
    if not notice:
        return {"at": "", "where": [], "by": "", "by_title": ""}
    by = rec.people.get(notice.get("posted_by")) or {}
    at = _dt(notice.get("posted_at"), rec.zone)
    clerk = notice.get("posted_by") == rec.body.get("clerk")
    return {"at": _moment_text(at) if at else "", "where": json.loads(notice.get("posted_where") or "[]"),
            "by": by.get("name", ""), "by_title": rec.body.get("clerk_title", "") if clerk else ""}


def _base(rec: MeetingRecord, title: str) -> dict:
    clerk = rec.people.get(rec.body.get("clerk")) or {}
    return {
        "document_title": f"{title} \u2014 {rec.title}",
        "organization": {"name": rec.organization.get("name", "")},
        "body": {"name": rec.body.get("name", ""), "member_title": rec.body.get("member_title") or "Member"},
        "meeting": _meeting_facts(rec),
        "clerk": {"name": clerk.get("name", ""), "title": rec.body.get("clerk_title") or "Clerk"},
        "joint_bodies": [b.get("name", b.get("id")) for b in rec.joint_bodies],
        "venue": {"state": rec.body.get("state") or "California", "county": rec.body.get("county") or "",
                  "city": rec.body.get("city") or ""},
        "sources": [f"meeting:{rec.meeting['id']}"],
    }


def _items(rec: MeetingRecord) -> list[dict]:
    return [{"number": i["number"], "title": i["title"], "description": i.get("description") or "",
             "action": bool(i.get("action"))} for i in rec.items]


def document_context(source, meeting_id: str, document: str, *, notice: str | None = None,
                     executed_on: dt.date | None = None) -> dict:
    """The facts one notice document states, from the records."""
    if document not in DOCUMENT_KINDS:
        raise InvalidInput(f"unknown document {document!r} (one of {', '.join(DOCUMENT_KINDS)})")
    rec = meeting_record(source, meeting_id)
    chosen = _pick_notice(rec, rules.DOCUMENTS[document], notice)
    if document == "agenda":
        ctx = _base(rec, "Agenda")
        if chosen:
            ctx["sources"].append(f"notice:{chosen['id']}")
        ctx.update(items=_items(rec), posting=_posting(rec, chosen),
                   special_only=rec.meeting["kind"] in ("special", "emergency") or rec.called_as == "special")
        return ctx
    if chosen is None:
        raise NotFound(f"meeting {meeting_id} has no {DOCUMENT_NAMES.get(rules.DOCUMENTS[document][0], document)} recorded")
    ctx = _base(rec, {"special": "Notice of special meeting", "adjournment": "Notice of adjournment",
                      "cancellation": "Notice of cancellation", "hearing": "Notice of public hearing",
                      "affidavit": "Declaration of posting"}[document])
    ctx["posting"] = _posting(rec, chosen)
    ctx["sources"].append(f"notice:{chosen['id']}")
    if document == "special":
        names = [d["recipient"] for d in rec.deliveries.get(chosen["id"], [])]
        ctx.update(items=_items(rec), recipients=names)
    elif document == "adjournment":
        src = rec.adjourned_from or {}
        at = _dt((rec.adjournment or {}).get("adjourned_at"), rec.zone)
        src_start = _dt(src.get("start"), rec.zone)
        ctx["adjournment"] = {
            "from_title": rules.meeting_title(src.get("kind", "regular"), rec.body.get("name", "")),
            "from_day": rules.when_text(src_start)["day"] if src_start else "",
            "at": _moment_text(at) if at else "", "ordered_by": (rec.adjournment or {}).get("ordered_by") or rec.body.get("name", "")}
    elif document == "cancellation":
        ctx["reason"] = (rec.cancellation or {}).get("reason") or ""
    elif document == "hearing":
        rule = deadlines.CALIFORNIA.rule(chosen["kind"])
        ctx["hearing"] = {"subject": chosen.get("subject") or "", "newspaper": chosen.get("newspaper") or "",
                          "publications": [rules.when_text(dt.datetime.fromisoformat(d))["day"]
                                           for d in json.loads(chosen.get("published_on") or "[]")],
                          "citation": rule.citation}
    elif document == "affidavit":
        facts, rule = notice_facts(rec, chosen)
        finding = deadlines.check(facts, rec.zone, rule=rule)
        what = DOCUMENT_NAMES.get(chosen["kind"], "notice") + f" for the {rec.title}"
        rules.refuse_if_late(finding, what)
        latest = finding.deadline.latest
        ctx["declaration"] = {
            "document": DOCUMENT_NAMES.get(chosen["kind"], "notice"),
            "deadline": _moment_text(latest) if latest else "",
            "citation": rule.citation, "rule": rule.text,
            "executed_on": rules.when_text(dt.datetime.combine(executed_on or _dt(chosen["posted_at"], rec.zone).date(),
                                                                dt.time(12)))["day"],
            "executed_at": rec.body.get("city") or "",
        }
    return ctx


def render_document(source, meeting_id: str, document: str, *, fmt: str = "docx",
                    notice: str | None = None, executed_on: dt.date | None = None):
    """Render a notice document: DOCX or PDF bytes, Markdown or HTML text.

    The facts are gathered (and an affidavit refused if they show a late
    posting) before anything is rendered or written.
    """
    from govdocs import render as rendering

    ctx = document_context(source, meeting_id, document, notice=notice, executed_on=executed_on)
    kind = DOCUMENT_KINDS[document]
    if fmt == "pdf":
        return rendering.docx_bytes_to_pdf(rendering.render(kind, ctx, "docx"), name=f"{meeting_id}-{document}")
    return rendering.render(kind, ctx, fmt)


def issue_meeting_document(store, meeting_id: str, document: str, out, *, fmt: str = "docx",
                           notice: str | None = None, executed_on: dt.date | None = None):
    """Write a notice document to ``out`` and register it as issued.

    ``fmt`` is docx, pdf (a .docx beside the PDF), md or html. An affidavit
    that the records show to be late is refused before anything is written.
    """
    from pathlib import Path

    from govdocs.store.issued import issue_document

    ctx = document_context(store, meeting_id, document, notice=notice, executed_on=executed_on)
    out = Path(out)
    if fmt == "pdf":
        out = out.with_suffix(".docx")
    return issue_document(store, DOCUMENT_KINDS[document], meeting_id, out=out, pdf=fmt == "pdf",
                          fmt="docx" if fmt == "pdf" else fmt, context=ctx)


# -- document kinds (templates/*.docx and *.md.j2) ------------------------------------------

def _sample_base(title: str) -> dict:
    return {
        "document_title": f"{title} \u2014 Regular Meeting of the Board of Directors",
        "organization": {"name": "Costa Verde Cities Risk Management Authority"},
        "body": {"name": "Board of Directors of the Costa Verde Cities Risk Management Authority",
                 "member_title": "Director"},
        "meeting": {"id": "sample-2026-12-03", "title": "Regular Meeting of the Board of Directors",
                    "kind": "regular", "day": "Thursday, December 3, 2026", "time": "10:00 a.m.",
                    "zone": "PST", "place": "Salón Peña & Ortiz, 1 Plaza Mayor, Encina Springs, California",
                    "status": "scheduled", "start": "2026-12-03T10:00:00-08:00"},
        "clerk": {"name": "Zoë Ångström-Núñez", "title": "Secretary of the Board"},
        "joint_bodies": ["City Council of the City of Harbor Mesa"],
        "venue": {"state": "California", "county": "Costa Verde", "city": "Encina Springs"},
        "posting": {"at": "Monday, November 30, 2026, at 9:00 a.m.",
                    "where": ["Bulletin board, Peña & Ortiz Hall", "https://example.org/agendas?a=1&b=2"],
                    "by": "Zoë Ångström-Núñez", "by_title": "Secretary of the Board"},
    }


def _sample_items() -> list[dict]:
    return [{"number": "1", "title": "Call to order & roll call", "description": "", "action": False},
            {"number": "2", "title": "Claims of Müller & Søn", "action": True,
             "description": "Consider settling the claims of Müller & Søn for damage at Plaza Mayor."}]


def sample_agenda() -> dict:
    return {**_sample_base("Agenda"), "items": _sample_items(), "special_only": False}


def sample_special() -> dict:
    return {**_sample_base("Notice of special meeting"), "items": _sample_items(),
            "recipients": ["Director José Peña", "The Costa Verde Ledger & Times"]}


def sample_adjournment() -> dict:
    return {**_sample_base("Notice of adjournment"), "adjournment": {
        "from_title": "Regular Meeting of the Board of Directors", "from_day": "Tuesday, November 17, 2026",
        "at": "Tuesday, November 17, 2026, at 10:40 p.m.", "ordered_by": "the Board (Peña & Ortiz present)"}}


def sample_cancellation() -> dict:
    return {**_sample_base("Notice of cancellation"), "reason": "No quorum: Directors Peña & Ortiz are away"}


def sample_hearing() -> dict:
    return {**_sample_base("Notice of public hearing"), "hearing": {
        "subject": "Fees for Müller & Søn's encroachment permits", "newspaper": "The Ledger & Times",
        "publications": ["Tuesday, December 1, 2026", "Tuesday, December 8, 2026"],
        "citation": "Cal. Gov. Code § 6066"}}


def sample_affidavit() -> dict:
    return {**_sample_base("Declaration of posting"), "declaration": {
        "document": "agenda", "deadline": "Monday, November 30, 2026, at 10:00 a.m.",
        "citation": "Cal. Gov. Code § 54954.2(a)(1)", "rule": "Posted at least 72 hours before.",
        "executed_on": "Monday, November 30, 2026", "executed_at": "Encina Springs"}}


def _builder(document: str):
    def build(db, key, **options):
        return document_context(db, key, document, notice=options.get("notice"),
                                executed_on=options.get("executed_on"))
    build.__doc__ = f"The {document} of a meeting, from its records."
    return build


def _register_documents() -> None:
    from govdocs.render.registry import DocumentKind, register

    samples = {"agenda": sample_agenda, "special": sample_special, "adjournment": sample_adjournment,
               "cancellation": sample_cancellation, "hearing": sample_hearing, "affidavit": sample_affidavit}
    for document, kind in DOCUMENT_KINDS.items():
        register(DocumentKind(kind, _builder(document), samples[document], docx=f"{kind}.docx",
                              markdown=f"{kind}.md.j2", description=f"The {document} of a meeting",
                              module=__name__))


# Found by govdocs.render's discover(): register(DocumentKind( ... ))
_register_documents()
