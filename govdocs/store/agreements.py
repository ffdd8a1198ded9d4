"""Agreements, amendments and ratifications in the records store.

The rules live in ``govdocs.legaltext`` (the text, its versions, redlines)
and ``govdocs.ratification`` (who must approve, where it stands); this module
reads and writes the rows they work on:

* record kinds ``agreement`` (Markdown: front matter, then the text),
  ``amendment``, ``amendment-change`` and ``ratification``;
* the member agencies of an authority: the organizations its board's seats
  represent (``seats.represents``), each a member from its first seat's
  term start, and withdrawn the day after its last seat ended;
* recording a member council's action, and applying the amendment to the
  provisions (new versions from the effective date) in the same transaction
  once the rule is met. An after-commit hook does the same when ratifications
  arrive through ``govdocs load``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .. import legaltext as lt
from .. import ratification as rt
from ..errors import GovdocsError, InvalidInput, NotFound, RecordError, Refused
from ..model import choice, ref
from .core import register_after_commit
from .kinds import RecordKind, register_kind, to_row


# -- record kinds -------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Agreement:
    """A JPA's agreement or by-laws; its text is the Markdown body of the file
    (or ``text``)."""

    id: str
    organization: str = ref("organizations")
    scheme: str = choice(*lt.SCHEMES)
    title: str | None = None
    short_title: str | None = None
    adopted_on: dt.date | None = None
    text: str | None = None


@dataclass(frozen=True, kw_only=True)
class Amendment:
    """An amendment proposed by an authority's board to its member agencies."""

    id: str
    organization: str = ref("organizations")
    body: str = ref("bodies")
    title: str
    proposed_on: dt.date
    rule: str
    counting: str = choice(*rt.COUNTING, default="proposal")
    effective: str = "on ratification"
    summary: str | None = None
    board_resolution: str | None = None


@dataclass(frozen=True, kw_only=True)
class AmendmentChange:
    """One typed change of an amendment, in order (``seq``)."""

    amendment: str = ref("amendments")
    seq: int
    agreement: str = ref("agreements")
    action: str = choice(*lt.ACTIONS)
    target: str
    text: str = ""
    heading: str | None = None
    label: str | None = None
    place: str = choice("after", "before", "in", default="after")
    id: str | None = None


@dataclass(frozen=True, kw_only=True)
class Ratification:
    """A member council's action on an amendment."""

    amendment: str = ref("amendments")
    member: str = ref("organizations")
    action: str = choice(*rt.ACTIONS)
    acted_on: dt.date
    resolution_number: str | None = None
    resolution: str | None = ref("resolutions", default=None)
    copy_received_on: dt.date | None = None
    note: str | None = None
    id: str | None = None


def _check_agreements(items, view):
    errors = []
    for record, raw in items:
        from_body = raw.body is not None and "text" not in raw.data
        pad = "\n" * (raw.body_line - 1 if from_body and raw.body_line else 0)
        try:
            lt.parse(pad + (record.text or ""), record.scheme, file=raw.file)
        except RecordError as error:
            errors.append(error)
    return errors


def provision_id(agreement: str, uid: str, valid_from) -> str:
    return f"{agreement}/{uid}@{valid_from or 'adopted'}"


def _provision_row(agreement: str, v: lt.Version, *, with_end: bool = True) -> dict:
    row = {"id": provision_id(agreement, v.uid, v.valid_from), "agreement": agreement,
           "uid": v.uid, "parent": v.parent, "position": v.position, "kind": v.kind,
           "label": v.label, "heading": v.heading, "text": v.text,
           "valid_from": v.valid_from.isoformat() if v.valid_from else None,
           "amendment": v.amendment}
    if with_end:
        row["valid_to"] = v.valid_to.isoformat() if v.valid_to else None
    return row


def agreement_rows(record: Agreement, doc: lt.Document) -> list[tuple[str, dict]]:
    """The agreement row and one provision row per unit as adopted. ``valid_to``
    is left out so a reload never reopens a version an amendment closed."""
    row = {"id": record.id, "organization": record.organization, "kind": record.scheme,
           "scheme": record.scheme, "title": record.title or doc.title or record.id,
           "short_title": record.short_title, "preamble": doc.preamble,
           "adopted_on": record.adopted_on.isoformat() if record.adopted_on else None}
    rows = [("agreements", row)]
    for v in lt.history_of(doc, record.adopted_on).versions:
        rows.append(("provisions", _provision_row(record.id, v, with_end=False)))
    return rows


def _agreement_rows(record, view):
    return agreement_rows(record, lt.parse(record.text or "", record.scheme))


def _prepare_change(change, view):
    return change if change.id else _replace(change, id=f"{change.amendment}#{change.seq}")


def _prepare_ratification(r, view):
    return r if r.id else _replace(r, id=f"{r.amendment}/{r.member}")


def _replace(record, **kw):
    import dataclasses

    return dataclasses.replace(record, **kw)


def _as_change(row) -> lt.Change:
    get = row.get if isinstance(row, dict) else (lambda k: getattr(row, k))
    return lt.Change(get("action"), get("target"), get("text") or "", get("heading"),
                     get("label"), get("place") or "after")


def _check_changes(items, view):
    errors = []
    groups: dict[tuple[str, str], list] = {}
    for change, raw in items:
        try:
            _as_change(change)
        except InvalidInput as error:
            errors.append(raw.error(str(error), "target" if "citation" in str(error) else "text"))
            continue
        groups.setdefault((change.amendment, change.agreement), []).append((change, raw))
    for (amendment_id, agreement_id), group in groups.items():
        amendment = view.get("amendments", amendment_id)
        loading = view.pending.get("agreements", {}).get(agreement_id)
        if loading is not None and loading.get("text") is not None:
            doc = lt.parse(loading["text"], loading["scheme"])  # an agreement in the files being loaded
        else:
            try:
                doc = _text_from(view, agreement_id, None)
            except GovdocsError:
                continue
        if amendment and view.get("agreements", agreement_id) and \
                view.get("agreements", agreement_id)["organization"] != amendment["organization"]:
            errors.append(group[0][1].error(f"agreement {agreement_id} is not an agreement of "
                                            f"{amendment['organization']}", "agreement"))
            continue
        for change, raw in sorted(group, key=lambda cr: cr[0].seq):
            try:
                doc = lt.apply_changes(doc, [_as_change(change)])
            except GovdocsError as error:
                errors.append(raw.error(str(error), "target"))
                break
    return errors


def _check_ratifications(items, view):
    errors = []
    for r, raw in items:
        amendment = view.get("amendments", r.amendment)
        if amendment is None:
            continue
        try:
            members = members_of(view, amendment["body"], amendment["organization"])
            others = [_action(row) for row in view.rows("ratifications", amendment=r.amendment)
                      if row["member"] != r.member]
            rt.check_action(proposal_of(amendment), members, others, _action(to_row(r)))
        except GovdocsError as error:
            errors.append(raw.error(str(error), "member" if "member" in str(error) else "acted_on"))
        if r.resolution:
            res = view.get("resolutions", r.resolution)
            body = view.get("bodies", res["body"]) if res else None
            if body and body["organization"] != r.member:
                errors.append(raw.error(f"resolution {r.resolution} is a resolution of "
                                        f"{body['organization']}, not of {r.member}", "resolution"))
    return errors


register_kind(RecordKind("agreement", Agreement, "agreements", order=70, body="text",
                         check=_check_agreements, rows=_agreement_rows))
register_kind(RecordKind("amendment", Amendment, "amendments", order=71))
register_kind(RecordKind("amendment-change", AmendmentChange, "amendment_changes", order=72,
                         prepare=_prepare_change, check=_check_changes))
register_kind(RecordKind("ratification", Ratification, "ratifications", order=73,
                         prepare=_prepare_ratification, check=_check_ratifications))


# -- reading --------------------------------------------------------------------

class _Reader:
    """The store seen through the loader's View interface (get, rows by equality)."""

    def __init__(self, store):
        self.store = store

    def get(self, table, key):
        return self.store.find(table, key)

    def rows(self, table, **equal):
        where = " and ".join(f"[{k}] = ?" for k in equal) or None
        return self.store.rows(table, where, list(equal.values()))


def _view(source):
    return source if hasattr(source, "pending") or isinstance(source, _Reader) else _Reader(source)


def _date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def members_of(source, body_id: str, organization: str | None = None) -> list[rt.Member]:
    """The member agencies: organizations represented by seats on the board."""
    view = _view(source)
    spans: dict[str, list] = {}
    for seat in view.rows("seats", body=body_id):
        if seat.get("represents"):
            spans.setdefault(seat["represents"], []).append(seat)
    members = []
    for org_id, seats in sorted(spans.items()):
        org = view.get("organizations", org_id) or {"name": org_id}
        joined = min(_date(s["term_start"]) for s in seats)
        ends = [_date(s.get("term_end")) for s in seats]
        withdrew = None if any(e is None for e in ends) else max(ends) + dt.timedelta(days=1)
        members.append(rt.Member(org_id, org["name"], joined, withdrew))
    if not members:
        raise NotFound(f"no member agencies: no seat on {body_id} represents an organization")
    return members


def find_member(members: list[rt.Member], source, name: str) -> rt.Member:
    """A member by id, name or short name (any case)."""
    view = _view(source)
    wanted = name.strip().lower()
    for m in members:
        org = view.get("organizations", m.id) or {}
        if wanted in {m.id.lower(), m.name.lower(), (org.get("short_name") or "").lower()}:
            return m
    raise NotFound(f"'{name}' is not a member agency",
                   expected=", ".join(m.id for m in members))


def proposal_of(amendment: dict) -> rt.Proposal:
    return rt.Proposal(amendment["rule"], _date(amendment["proposed_on"]),
                       amendment.get("counting") or "proposal",
                       amendment.get("effective") or "on ratification")


def _action(row: dict) -> rt.Action:
    return rt.Action(row["member"], row["action"], _date(row["acted_on"]),
                     row.get("resolution_number"), row.get("resolution"), None,
                     _date(row.get("copy_received_on")))


def history(source, agreement_id: str) -> lt.History:
    view = _view(source)
    ag = view.get("agreements", agreement_id)
    if ag is None:
        raise NotFound(f"no agreement '{agreement_id}'")
    versions = tuple(
        lt.Version(p["uid"], p["parent"], p["position"], p["kind"], p["label"], p["heading"] or "",
                   p["text"] or "", _date(p["valid_from"]), _date(p.get("valid_to")),
                   p.get("amendment"))
        for p in view.rows("provisions", agreement=agreement_id))
    return lt.History(ag["scheme"], ag["title"], ag.get("preamble") or "", versions)


def _text_from(source, agreement_id, as_of):
    return lt.consolidate(history(source, agreement_id), as_of)


def agreement_text(store, agreement_id: str, as_of: dt.date | None = None) -> lt.Document:
    """The text in force on ``as_of`` (default: the latest)."""
    return _text_from(store, agreement_id, as_of)


def list_agreements(store) -> list[dict]:
    out = []
    for ag in store.rows("agreements", order_by="id"):
        count = store.db.execute(
            "select count(distinct uid) from provisions where agreement = ? and valid_to is null",
            [ag["id"]]).fetchone()[0]
        amendments = store.db.execute(
            "select count(distinct amendment) from amendment_changes where agreement = ?",
            [ag["id"]]).fetchone()[0]
        out.append({"id": ag["id"], "organization": ag["organization"], "scheme": ag["scheme"],
                    "title": ag["title"], "adopted_on": ag["adopted_on"], "units": count,
                    "amendments": amendments})
    return out


def load_text(store, path, *, agreement_id: str, organization: str, scheme: str,
              adopted_on: dt.date | None = None, title: str | None = None) -> str:
    """Load an agreement from a plain-text or Markdown file (no front matter)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    doc = lt.parse(text, scheme, file=str(path))
    store.get("organizations", organization)
    record = Agreement(id=agreement_id, organization=organization, scheme=scheme, title=title,
                       adopted_on=adopted_on)
    results = []
    with store.transaction():
        for table, row in agreement_rows(record, doc):
            results.append(store.upsert(table, row))
    return "unchanged" if all(r == "unchanged" for r in results) else "loaded"


def amendment(store, amendment_id: str) -> dict:
    row = store.find("amendments", amendment_id)
    if row is None:
        raise NotFound(f"no amendment '{amendment_id}'")
    return row


def changes_of(store, amendment_id: str) -> list[dict]:
    return store.rows("amendment_changes", "amendment = ?", [amendment_id], order_by="seq")


def agreements_changed(store, amendment_id: str) -> list[str]:
    seen = []
    for c in changes_of(store, amendment_id):
        if c["agreement"] not in seen:
            seen.append(c["agreement"])
    return seen


def before_and_after(store, amendment_id: str) -> list[tuple[dict, lt.Document, lt.Document]]:
    """For each agreement the amendment changes: the text before and after it.
    Once in force, the versions on either side of its effective date; before,
    the latest text and that text with the changes made."""
    row = amendment(store, amendment_id)
    out = []
    for ag_id in agreements_changed(store, amendment_id):
        ag = store.get("agreements", ag_id)
        changes = [_as_change(c) for c in changes_of(store, amendment_id) if c["agreement"] == ag_id]
        if row.get("effective_on"):
            day = _date(row["effective_on"])
            before = agreement_text(store, ag_id, day - dt.timedelta(days=1))
            after = agreement_text(store, ag_id, day)
        else:
            before = agreement_text(store, ag_id)
            after = lt.apply_changes(before, changes)
        out.append((ag, before, after))
    return out


def new_amendment(store, *, amendment_id: str, organization: str, body: str, title: str,
                  proposed_on: dt.date, rule: str, changes: list[dict], counting="proposal",
                  effective="on ratification", summary=None) -> dict:
    """Create a proposed amendment with its changes; each change must apply to
    the text in force (a citation that does not exist is NotFound)."""
    if store.find("amendments", amendment_id):
        raise Refused(f"amendment '{amendment_id}' already exists")
    if not changes:
        raise InvalidInput("an amendment needs at least one change")
    rt.Proposal(rule, proposed_on, counting, effective)
    store.get("organizations", organization)
    members_of(store, store.get("bodies", body)["id"])
    docs = {}
    for i, c in enumerate(changes, start=1):
        ag = c.get("agreement")
        if not ag:
            raise InvalidInput(f"change {i} does not name the agreement it changes")
        if store.get("agreements", ag)["organization"] != organization:
            raise InvalidInput(f"agreement {ag} is not an agreement of {organization}")
        doc = docs.get(ag) or agreement_text(store, ag)
        docs[ag] = lt.apply_changes(doc, [_as_change(c)])
    row = {"id": amendment_id, "organization": organization, "body": body, "title": title,
           "summary": summary, "proposed_on": proposed_on.isoformat(), "rule": rule,
           "counting": counting, "effective": effective}
    with store.transaction():
        store.insert("amendments", row)
        for i, c in enumerate(changes, start=1):
            store.insert("amendment_changes", {
                "id": f"{amendment_id}#{i}", "amendment": amendment_id, "seq": i,
                "agreement": c["agreement"], "action": c["action"], "target": c["target"],
                "text": c.get("text") or "", "heading": c.get("heading"),
                "label": c.get("label"), "place": c.get("place") or "after"})
    return row


# -- ratification -----------------------------------------------------------------

def members_for(store, amendment_id: str) -> list[rt.Member]:
    row = amendment(store, amendment_id)
    return members_of(store, row["body"], row["organization"])


def actions_of(store, amendment_id: str) -> list[rt.Action]:
    return [_action(r) for r in store.rows("ratifications", "amendment = ?", [amendment_id],
                                           order_by="acted_on, member")]


def status(store, amendment_id: str, as_of: dt.date | None = None) -> rt.Status:
    row = amendment(store, amendment_id)
    return rt.status(proposal_of(row), members_for(store, amendment_id),
                     actions_of(store, amendment_id), as_of)


def council_resolution(store, member: str, number: str | None,
                       resolution_id: str | None = None) -> dict | None:
    """The member council's resolution in the store (by id or number), with its vote."""
    if resolution_id:
        res = store.find("resolutions", resolution_id)
    elif number:
        rows = list(store.db.query(
            "select r.* from resolutions r join bodies b on r.body = b.id "
            "where b.organization = ? and r.number = ?", [member, number]))
        res = rows[0] if rows else None
    else:
        res = None
    if res is None:
        return None
    tally = None
    if "votes" in store.db.table_names():
        vote = next(iter(store.db.query(
            "select * from votes where subject = ? and corrects is null order by id desc limit 1",
            [f"resolution:{res['id']}"])), None)
        if vote:
            counts = dict(store.db.execute(
                "select option, count(*) from vote_casts where vote = ? group by option",
                [vote["id"]]).fetchall())
            tally = {"ayes": counts.get("aye", 0), "noes": counts.get("no", 0),
                     "abstain": counts.get("abstain", 0), "absent": counts.get("absent", 0),
                     "outcome": vote["outcome"], "id": vote["id"]}
    return {"id": res["id"], "number": res["number"], "adopted_on": res.get("adopted_on"),
            "title": res["title"], "status": res["status"], "vote": tally}


def record_action(store, amendment_id: str, member: str, action: str, on: dt.date, *,
                  resolution_number: str | None = None, copy_received_on: dt.date | None = None,
                  note: str | None = None) -> rt.Status:
    """Record a member council's action; apply the amendment if it is now ratified."""
    row = amendment(store, amendment_id)
    members = members_for(store, amendment_id)
    m = find_member(members, store, member)
    new = rt.Action(m.id, action, on, resolution_number, None, None, copy_received_on)
    rt.check_action(proposal_of(row), members, actions_of(store, amendment_id), new)
    res = council_resolution(store, m.id, resolution_number)
    with store.transaction():
        store.insert("ratifications", {
            "id": f"{amendment_id}/{m.id}", "amendment": amendment_id, "member": m.id,
            "action": action, "acted_on": on.isoformat(), "resolution_number": resolution_number,
            "resolution": res["id"] if res else None,
            "copy_received_on": copy_received_on.isoformat() if copy_received_on else None,
            "note": note})
        apply_if_ratified(store, amendment_id)
    return status(store, amendment_id)


def apply_if_ratified(store, amendment_id: str) -> dt.date | None:
    """Once the rule is met, give every unit the amendment touches a new version
    from the effective date (in the caller's transaction, or a new one)."""
    row = amendment(store, amendment_id)
    if row.get("effective_on"):
        return _date(row["effective_on"])
    st = status(store, amendment_id)
    if st.status != "ratified":
        return None
    with store.transaction():
        for ag_id in agreements_changed(store, amendment_id):
            changes = [_as_change(c) for c in changes_of(store, amendment_id)
                       if c["agreement"] == ag_id]
            old = history(store, ag_id)
            new = lt.apply_amendment(old, changes, st.effective_on, amendment_id)
            before = {(v.uid, v.valid_from): v for v in old.versions}
            for v in new.versions:
                key = provision_id(ag_id, v.uid, v.valid_from)
                prior = before.get((v.uid, v.valid_from))
                if prior is None:
                    store.insert("provisions", _provision_row(ag_id, v))
                elif prior.valid_to != v.valid_to:
                    store.update("provisions", key, {"valid_to": v.valid_to.isoformat()})
        store.update("amendments", amendment_id, {"effective_on": st.effective_on.isoformat()})
    return st.effective_on


def _after_commit(store, changes):
    touched = sorted({c.key.split("/")[0] for c in changes if c.table == "ratifications"})
    for amendment_id in touched:
        if store.find("amendments", amendment_id):
            apply_if_ratified(store, amendment_id)


register_after_commit(_after_commit)


def status_json(store, amendment_id: str, as_of: dt.date | None = None) -> dict:
    st = status(store, amendment_id, as_of)
    out = st.as_dict()
    out["amendment"] = amendment_id
    out["members_detail"] = member_rows(store, amendment_id, st)
    return json.loads(json.dumps(out, default=str))


def member_rows(store, amendment_id: str, st: rt.Status | None = None) -> list[dict]:
    """One row per member agency: its action, resolution, vote, copy received."""
    st = st or status(store, amendment_id)
    acted = {r["member"]: r for r in store.rows("ratifications", "amendment = ?", [amendment_id])}
    rows = []
    for m in members_for(store, amendment_id):
        r = acted.get(m.id)
        res = council_resolution(store, m.id, r.get("resolution_number"), r.get("resolution")) \
            if r else None
        if r:
            state = r["action"]
        elif m.name in st.withdrawn:
            state = "withdrawn"
        elif m.name in st.pending:
            state = "pending"
        else:
            state = "not counted"
        rows.append({"id": m.id, "name": m.name, "action": state,
                     "acted_on": r["acted_on"] if r else None,
                     "resolution_number": (r or {}).get("resolution_number"),
                     "resolution": res, "copy_received_on": (r or {}).get("copy_received_on"),
                     "counted": m.name in st.members})
    return rows
