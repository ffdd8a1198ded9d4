"""Resolutions in the store: drafting, adoption by roll call (with the number
assigned then), failure, withdrawal, rescission and supersession, and the
facts a certification is built from.

An adopted resolution is never changed (SQLite triggers refuse it). A later
resolution that rescinds or supersedes it carries the link (``rescinds`` /
``supersedes``), set while it is a draft; once that later resolution is
adopted, the earlier one reads as rescinded or superseded.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from .. import numbering
from ..errors import InvalidInput, NotFound, Refused
from . import rollcalls
from .kinds_core import meeting_bodies

STATUSES = ("draft", "adopted", "failed", "withdrawn")


# -- finding ---------------------------------------------------------------------

def find_resolution(store, ref: str, body: str | None = None) -> dict:
    """A resolution by id, or by number (within ``body`` when numbers repeat)."""
    row = store.find("resolutions", ref)
    if row is not None:
        return row
    params = [str(ref)]
    where = "number = ? and corrects is null"
    if body:
        where += " and body = ?"
        params.append(body)
    rows = store.rows("resolutions", where, params)
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise InvalidInput(f"resolution number {ref} is used by several bodies "
                           f"({', '.join(r['body'] for r in rows)}): give the id or --body")
    raise NotFound(f"no resolution with id or number {ref!r}")


def newest_version(store, row: dict) -> dict:
    """Follow corrections: the newest record correcting ``row`` (or ``row``)."""
    seen = {row["id"]}
    while True:
        later = store.rows("resolutions", "corrects = ?", [row["id"]], order_by="rowid")
        if not later or later[-1]["id"] in seen:
            return row
        row = later[-1]
        seen.add(row["id"])


def _chain(store, row: dict) -> list[str]:
    ids = [row["id"]]
    while row.get("corrects"):
        row = store.get("resolutions", row["corrects"])
        ids.append(row["id"])
    return ids


def links(store, key: str) -> dict:
    """Adopted resolutions that rescind, supersede or correct ``key``."""
    out = {}
    for column in ("rescinds", "supersedes"):
        rows = store.rows("resolutions", f"{column} = ? and status = 'adopted'", [key])
        out[column] = [r.get("number") or r["id"] for r in rows]
    out["corrects"] = [r["id"] for r in store.rows("resolutions", "corrects = ?", [key])]
    return {"rescinded_by": out["rescinds"], "superseded_by": out["supersedes"],
            "corrected_by": out["corrects"]}


def status_of(store, key: str) -> str:
    """The status as a clerk reads it: draft, adopted, failed, withdrawn,
    rescinded or superseded."""
    row = store.get("resolutions", key)
    if row["status"] == "adopted":
        ln = links(store, key)
        if ln["rescinded_by"]:
            return "rescinded"
        if ln["superseded_by"]:
            return "superseded"
    return row["status"]


def list_resolutions(store, body: str | None = None, status: str | None = None) -> list[dict]:
    where, params = [], []
    if body:
        where.append("body = ?")
        params.append(body)
    rows = store.rows("resolutions", " and ".join(where) or None, params,
                      order_by="coalesce(adopted_on, ''), number, id")
    out = []
    for r in rows:
        shown = status_of(store, r["id"])
        if status and shown != status:
            continue
        out.append({**r, "status": shown})
    return out


def describe(store, key: str) -> dict:
    """A resolution with its derived status, decoded lists, vote and links."""
    row = store.get("resolutions", key)
    info = dict(row)
    for name in ("recitals", "clauses", "exhibits"):
        info[name] = json.loads(row.get(name) or "[]")
    info["status"] = status_of(store, key)
    vote = _vote_for(store, _chain(store, row), row.get("meeting"))
    if vote:
        casts: dict[str, list[str]] = {o: [] for o in rollcalls.OPTION_FIELDS}
        for c in store.rows("vote_casts", "vote = ?", [vote["id"]]):
            casts[c["option"]].append(c["person"])
        info["vote"] = {**vote, "casts": casts}
    info.update(links(store, key))
    return info


# -- drafting ----------------------------------------------------------------------

def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def draft(store, body: str, title: str, *, recitals=(), clauses=(), exhibits=(),
          id: str | None = None, rescinds: str | None = None, supersedes: str | None = None) -> dict:
    """A new draft resolution of ``body``."""
    body_row = store.get("bodies", body)
    if not str(title or "").strip():
        raise InvalidInput("a resolution needs a title")
    if rescinds:
        rescinds = _check_link(store, body_row, "rescinds", rescinds)["id"]
    if supersedes:
        supersedes = _check_link(store, body_row, "supersedes", supersedes)["id"]
    with store.transaction():
        if id is None:
            n = 1 + len(store.rows("resolutions", "body = ?", [body]))
            while store.find("resolutions", f"{body}-draft-{n}") is not None:
                n += 1
            id = f"{body}-draft-{n}"
        elif store.find("resolutions", id) is not None:
            raise InvalidInput(f"a resolution with id {id!r} already exists")
        store.insert("resolutions", {
            "id": id, "body": body, "title": " ".join(str(title).split()), "status": "draft",
            "recitals": json.dumps([str(r) for r in recitals], ensure_ascii=False),
            "clauses": json.dumps([str(c) for c in clauses], ensure_ascii=False),
            "exhibits": json.dumps([str(e) for e in exhibits], ensure_ascii=False),
            "rescinds": rescinds, "supersedes": supersedes,
        })
    return store.get("resolutions", id)


def _check_link(store, body_row: dict, what: str, target: str) -> dict:
    old = find_resolution(store, target)
    if old["status"] != "adopted":
        done = {"rescinds": "rescinded", "supersedes": "superseded"}[what]
        raise Refused(f"only an adopted resolution can be {done}; {old['id']} is {old['status']}")
    if old["body"] != body_row["id"]:
        raise Refused(f"{old['id']} is a resolution of {old['body']}, not of {body_row['id']}")
    return old


def _draft_row(store, key: str) -> dict:
    row = find_resolution(store, key)
    if row["status"] != "draft":
        raise Refused(f"resolution {row['id']} is {status_of(store, row['id'])}, not a draft")
    return row


def link(store, key: str, *, rescinds: str | None = None, supersedes: str | None = None) -> dict:
    """Make draft ``key`` rescind or supersede an adopted resolution."""
    row = _draft_row(store, key)
    body = store.get("bodies", row["body"])
    changes = {}
    if rescinds:
        changes["rescinds"] = _check_link(store, body, "rescinds", rescinds)["id"]
    if supersedes:
        changes["supersedes"] = _check_link(store, body, "supersedes", supersedes)["id"]
    if not changes:
        raise InvalidInput("give the resolution it rescinds or supersedes")
    with store.transaction():
        return store.update("resolutions", row["id"], changes)


def rescind(store, key: str, old: str) -> dict:
    return link(store, key, rescinds=old)


def supersede(store, key: str, old: str) -> dict:
    return link(store, key, supersedes=old)


def withdraw(store, key: str) -> dict:
    """A draft taken off the table: it keeps no number and cannot be adopted."""
    row = _draft_row(store, key)
    with store.transaction():
        return store.update("resolutions", row["id"], {"status": "withdrawn"})


def fail(store, key: str) -> dict:
    """A draft that failed without a roll call being recorded (e.g. no second)."""
    row = _draft_row(store, key)
    with store.transaction():
        return store.update("resolutions", row["id"], {"status": "failed"})


# -- adoption -------------------------------------------------------------------------

def next_number(store, body: dict, on: dt.date, series: str | None = None) -> str:
    existing = [(r["number"], r.get("adopted_on")) for r in store.rows(
        "resolutions", "body = ? and number is not null and corrects is null", [body["id"]])]
    return numbering.next_number(
        body.get("numbering") or "{yyyy}-{seq:03}", existing, on,
        reset=body.get("numbering_reset") or "calendar-year",
        fiscal_year_start=body.get("fiscal_year_start") or "07-01", series=series)


def adopt(store, key: str, meeting: str, casts: dict[str, list[str]], *, rule: str | None = None,
          number: str | None = None, vote_id: str | None = None, motion: str | None = None,
          series: str | None = None) -> dict:
    """Record the roll call on draft ``key`` at ``meeting``; if it carried, the
    resolution is adopted and gets the body's next number (or ``number``).

    ``casts`` is ``{"aye": [person ids], "no": [...], "abstain": [...],
    "absent": [...], "recused": [...]}``; it must account for every member
    seated on the meeting day. Returns ``{"resolution": row, "vote": row,
    "outcome": Outcome}``. All in one transaction: two clerks adopting at the
    same moment are serialised, and never get the same number.
    """
    with store.transaction():
        row = _draft_row(store, key)
        body = store.get("bodies", row["body"])
        meet = store.get("meetings", meeting)
        hosts = meeting_bodies(store, meeting)
        if body["id"] not in hosts:
            raise Refused(f"meeting {meeting} is a meeting of {' and '.join(hosts)}, not of {body['id']}")
        if meet.get("status") == "cancelled":
            raise Refused(f"meeting {meeting} was cancelled")
        day = rollcalls.meeting_day(meet, body)
        held = rollcalls.seated_on(store.rows("seats", "body = ?", [body["id"]], order_by="rowid"), day)
        votes_cast, twice = rollcalls.casts_by_person(casts)
        problems = rollcalls.roll_call_problems(votes_cast, [s["person"] for s in held], twice, day)
        if problems:
            raise Refused("the roll call cannot be recorded: " + "; ".join(problems))
        result = rollcalls.outcome(body, len(held), votes_cast, rule or body.get("vote_rule"))
        vid = vote_id or f"{row['id']}-vote"
        n = 2
        while store.find("votes", vid) is not None:
            vid, n = f"{row['id']}-vote-{n}", n + 1
        motion = motion or f"Adopt the resolution \u201c{row['title'][:120]}\u201d"
        rollcalls.insert_vote(store, vid, meeting, f"resolution:{row['id']}", motion, result, votes_cast)
        if result.outcome == "carried":
            if number:
                clash = store.rows("resolutions", "body = ? and number = ? and corrects is null",
                                   [body["id"], number])
                if clash:
                    raise Refused(f"number {number} is already used by {clash[0]['id']}")
            else:
                number = next_number(store, body, day, series)
            changes = {"status": "adopted", "number": number, "meeting": meeting,
                       "adopted_on": day.isoformat()}
        else:
            changes = {"status": "failed", "meeting": meeting}
        updated = store.update("resolutions", row["id"], changes)
        return {"resolution": updated, "vote": store.get("votes", vid), "outcome": result}


# -- facts for certifications and documents ------------------------------------------

def _vote_for(store, ids: list[str], meeting: str | None) -> dict | None:
    subjects = [f"resolution:{i}" for i in ids]
    marks = ", ".join("?" for _ in subjects)
    rows = store.rows("votes", f"subject in ({marks})", subjects, order_by="rowid")
    corrected = {r["corrects"] for r in rows if r.get("corrects")}
    live = [r for r in rows if r["id"] not in corrected]
    at_meeting = [r for r in live if meeting and r["meeting"] == meeting]
    chosen = (at_meeting or live or [None])[-1]
    return chosen


def certification_input(store, key: str, body: str | None = None):
    """The ``CertificationInput`` for resolution ``key`` (id or number)."""
    from ..certification import CertificationInput, Member, VoteRecord

    first = find_resolution(store, key, body)
    row = newest_version(store, first)
    body_row = store.get("bodies", row["body"])
    meeting = store.find("meetings", row["meeting"]) if row.get("meeting") else None
    day = rollcalls.meeting_day(meeting, body_row) if meeting else None
    vote_row = _vote_for(store, _chain(store, row), row.get("meeting"))
    members: list = []
    if day is not None:
        for seat in rollcalls.seated_on(store.rows("seats", "body = ?", [body_row["id"]], order_by="rowid"), day):
            person = store.get("people", seat["person"])
            members.append(Member(seat["person"], person["name"], seat.get("role") or "member"))
    vote = None
    names = {}
    if vote_row is not None:
        casts = {c["person"]: c["option"] for c in store.rows("vote_casts", "vote = ?", [vote_row["id"]])}
        vote = VoteRecord(vote_row["id"], vote_row["rule"], casts, vote_row["meeting"], vote_row["outcome"])
        for p in casts:
            person = store.find("people", p)
            names[p] = person["name"] if person else p
    ln = links(store, row["id"])
    adopted = dt.date.fromisoformat(row["adopted_on"][:10]) if row.get("adopted_on") else None
    return CertificationInput(
        resolution=row["id"], number=row.get("number"), title=row["title"], status=row["status"],
        body_seats=int(body_row["seats"]), members=tuple(members), vote=vote,
        meeting=row.get("meeting"), meeting_kind=meeting.get("kind") if meeting else None,
        meeting_date=day, adopted_on=adopted,
        quorum=body_row.get("quorum") or "majority-of-members",
        abstentions=body_row.get("abstentions") or "not-counted",
        rescinded_by=tuple(ln["rescinded_by"]), superseded_by=tuple(ln["superseded_by"]),
        names=names,
    )


def document_context(store, key: str, *, certify=False, appended: bool = False,
                     certified_on=None, body: str | None = None) -> dict:
    """The context of the resolution documents for ``key``.

    ``certify`` is False (the resolution alone), ``"adoption"`` (the
    certificate of adoption) or ``"copy"`` (a certified true copy); either
    certificate is refused, with the reasons, when the records do not allow it.
    """
    from ..certification import certify_adoption, certify_copy
    from ..render.resolutions import resolution_context

    facts_in = certification_input(store, key, body)
    row = store.get("resolutions", facts_in.resolution)
    body_row = store.get("bodies", row["body"])
    org = store.get("organizations", body_row["organization"])
    clerk = store.find("people", body_row["clerk"]) if body_row.get("clerk") else None
    meeting = store.find("meetings", row["meeting"]) if row.get("meeting") else None
    facts = None
    if certify == "adoption":
        facts = certify_adoption(facts_in)
    elif certify == "copy":
        facts = certify_copy(facts_in)
    elif certify:
        raise InvalidInput(f"unknown certification {certify!r}: expected adoption or copy")
    presiding = None
    for m in facts_in.members:
        if m.role in ("mayor", "chair"):
            presiding = {"name": m.name, "title": "Mayor" if m.role == "mayor" else "Chair"}
            break
    sources = [f"resolutions:{i}" for i in _chain(store, row)]
    if meeting:
        sources.append(f"meetings:{meeting['id']}")
    if facts:
        sources.append(f"votes:{facts.vote}")
    sources.append(f"bodies:{body_row['id']}")
    if certified_on is None:
        from zoneinfo import ZoneInfo

        zone = body_row.get("time_zone") or org.get("time_zone") or "America/Los_Angeles"
        certified_on = dt.datetime.now(ZoneInfo(zone)).date()
    ctx = resolution_context(
        org=org, body=body_row, resolution=row, clerk=clerk, presiding=presiding,
        meeting=meeting, meeting_date=facts_in.meeting_date, facts=facts, appended=appended,
        certified_on=certified_on, sources=sources)
    if certify == "adoption":
        ctx["document_title"] = f"Certificate of adoption of Resolution No. {row['number']}"
    elif certify == "copy":
        ctx["document_title"] = f"Certified copy of Resolution No. {row['number']}"
    return ctx


# -- issuing certifications ----------------------------------------------------------

def _number_slug(ctx: dict) -> str:
    number = ctx["resolution"]["number"] or ctx["resolution"]["id"]
    return "resolution-" + _slug(str(number))


def issue_certification(store, key: str, *, out=None, copy: bool = False, alone: bool = False,
                        pdf: bool = False, packet=None, certified_on=None, body: str | None = None,
                        exhibits_dir=None) -> dict:
    """Issue the certified resolution for ``key``.

    * default: the resolution with the clerk's certificate of adoption
      appended (one .docx);
    * ``alone``: the certificate of adoption on its own;
    * ``copy``: a certified true copy (the copy certificate, the resolution
      and its certificate of adoption), refused if the resolution has since
      been rescinded or superseded.

    ``pdf`` also writes the PDF; ``packet`` writes one PDF with the
    resolution, the certificate(s) and the resolution's exhibits, bookmarked,
    with title, number, body and date in its metadata. Every file is
    registered as issued. Returns ``{"docx": Path, "pdf": Path|None,
    "packet": Path|None, "records": [register rows]}``.
    """
    import hashlib
    from pathlib import Path

    from ..render import compiled, docx_to_pdf, render_docx, render_docx_sequence
    from .issued import register_issued, write_bytes

    res_ctx = document_context(store, key, certify=False, body=body)
    cert_ctx = document_context(store, key, certify="adoption", appended=not alone,
                                certified_on=certified_on, body=body)
    pieces = []
    if copy:
        copy_ctx = document_context(store, key, certify="copy", certified_on=certified_on, body=body)
        pieces.append(("certified-copy.docx", copy_ctx))
    if not alone:
        pieces.append(("resolution.docx", res_ctx))
    pieces.append(("certification.docx", cert_ctx))
    kind = "certified-copy" if copy else "certification"
    templates = [t for t, _ in pieces]
    template_sha = hashlib.sha256("".join(compiled(t).sha256 for t in templates).encode()).hexdigest()
    title = (pieces[0][1]["document_title"] if copy else
             cert_ctx["document_title"] if alone else
             f"Resolution No. {res_ctx['resolution']['number']} with certificate of adoption")
    sources = list(dict.fromkeys(s for _, c in pieces for s in c["sources"]))
    slug = _number_slug(res_ctx)
    out = Path(out) if out else Path(f"{slug}-{'certified-copy' if copy else 'certified'}.docx")
    if out.suffix.lower() != ".docx":
        raise InvalidInput(f"--out {out}: expected a .docx file name")
    data = render_docx_sequence(pieces) if len(pieces) > 1 else render_docx(pieces[0][0], pieces[0][1])
    write_bytes(out, data)
    records = [register_issued(store, out, kind=kind, template="+".join(templates),
                               template_sha256=template_sha, title=title, sources=sources)]
    result = {"docx": out, "pdf": None, "packet": None, "records": records}
    if pdf:
        (pdf_path,) = docx_to_pdf([out], out.parent)
        records.append(register_issued(store, pdf_path, kind=kind, template="+".join(templates),
                                       template_sha256=template_sha, title=title, sources=sources))
        result["pdf"] = pdf_path
    if packet:
        result["packet"] = _packet(store, Path(packet), res_ctx, cert_ctx,
                                   copy_ctx if copy else None, exhibits_dir, sources)
        records.append(result["packet"][1])
        result["packet"] = result["packet"][0]
    return result


def _exhibit_path(name: str, exhibits_dir) -> "Path":
    from pathlib import Path

    p = Path(name)
    candidates = [p] if p.is_absolute() else [Path(exhibits_dir) / p] if exhibits_dir else [p]
    if not p.is_absolute():
        candidates.append(Path.cwd() / p)
    for c in candidates:
        if c.exists():
            return c
    from ..errors import RecordError

    raise RecordError("exhibit file not found", file=candidates[0], field="exhibits")


def _packet(store, out, res_ctx, cert_ctx, copy_ctx, exhibits_dir, sources):
    import tempfile
    from pathlib import Path

    from ..render import PacketPart, build_packet, docx_to_pdf, render_docx
    from .issued import register_issued

    if out.suffix.lower() != ".pdf":
        raise InvalidInput(f"--packet {out}: expected a .pdf file name")
    number = res_ctx["resolution"]["number"]
    cert_alone = dict(cert_ctx, appended=False)
    docs = []
    if copy_ctx is not None:
        docs.append(("certified-copy", "certified-copy.docx", copy_ctx,
                     f"Certificate: certified copy of Resolution No. {number}"))
    docs.append(("resolution", "resolution.docx", res_ctx, f"Resolution No. {number}"))
    docs.append(("certification", "certification.docx", cert_alone,
                 f"Certificate of adoption, Resolution No. {number}"))
    exhibits = [_exhibit_path(e, exhibits_dir) for e in res_ctx["resolution"]["exhibits"]]
    with tempfile.TemporaryDirectory(prefix="govdocs-packet-") as tmp:
        tmp = Path(tmp)
        paths = []
        for i, (name, template, ctx, _) in enumerate(docs):
            p = tmp / f"{i:02d}-{name}.docx"
            p.write_bytes(render_docx(template, ctx))
            paths.append(p)
        to_convert = paths + [e for e in exhibits if e.suffix.lower() == ".docx"]
        pdfs = docx_to_pdf(to_convert, tmp / "pdf") if len({p.stem for p in to_convert}) == len(to_convert) \
            else [docx_to_pdf([p], tmp / f"pdf{i}")[0] for i, p in enumerate(to_convert)]
        parts = [PacketPart(title, pdfs[i]) for i, (_, _, _, title) in enumerate(docs)]
        converted = dict(zip(to_convert[len(paths):], pdfs[len(paths):]))
        for label, e in zip(res_ctx["resolution"]["exhibit_titles"], exhibits):
            parts.append(PacketPart(label, converted.get(e, e)))
        body = res_ctx["body"]["full_name"]
        adopted = res_ctx["adoption"]["date"].isoformat() if res_ctx["adoption"] else ""
        out.parent.mkdir(parents=True, exist_ok=True)
        build_packet(
            parts, out, title=f"Resolution No. {number} \u2014 certified packet",
            subject=res_ctx["resolution"]["title"],
            author=f"{res_ctx['clerk']['name']}, {res_ctx['clerk']['title']}",
            keywords=f"resolution; {number}; {body}; {adopted}",
            extra={"ResolutionNumber": number, "Body": body, "AdoptedOn": adopted,
                   "Organization": res_ctx["organization"]["name"]})
    row = register_issued(store, out, kind="packet", template="+".join(t for _, t, _, _ in docs),
                          title=f"Resolution No. {number} \u2014 certified packet",
                          sources=sources + [f"exhibit:{e.name}" for e in exhibits], fmt="packet")
    return out, row
