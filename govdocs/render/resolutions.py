"""Context builders for a resolution, its certificate of adoption and a
certified true copy.

``resolution_context`` turns plain records (dicts as the store holds them,
plus the certification facts from ``govdocs.certification``) into the
context the templates use; the registered builders load those records with
``govdocs.store.resolutions``. Every fact comes from the records; wording
lives in the templates.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from govdocs.certification import (
    CertificationFacts, CertificationInput, Member, RollCallLine, VoteRecord, certify_adoption,
)
from govdocs.render.filters import as_date, pluralize_title
from govdocs.render.registry import document_kind

PRESIDING_ROLES = {"mayor": "Mayor", "chair": "Chair"}
_DEFAULT_MEMBER_TITLE = {"council": "Councilmember", "board": "Director",
                         "committee": "Member", "commission": "Commissioner"}


def _list(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        value = json.loads(value) if value.strip().startswith("[") else [value]
    return [str(v) for v in value]


def body_names(body: dict, org: dict) -> tuple[str, str]:
    """(short name, full name): ("City Council", "City Council of the City of Tustin")."""
    name = " ".join(str(body["name"]).split())
    org_name = str(org["name"])
    for joiner in (" of the ", " of "):
        if name.lower().endswith((joiner + org_name).lower()):
            return name[: -len(joiner + org_name)], name
    if org_name.lower() in name.lower():
        return name, name
    return name, f"{name} of the {org_name}"


def _strip_lead(text: str, lead: str) -> str:
    return re.sub(rf"^\s*{lead}\s*,?\s*", "", text, flags=re.I)


def exhibit_title(n: int, path: str) -> str:
    """``Exhibit A: proposed revisions`` for the first exhibit file ``proposed-revisions.pdf``."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", str(path).replace("\\", "/").rsplit("/", 1)[-1])
    letter = chr(64 + n) if n <= 26 else str(n)
    return f"Exhibit {letter}: {stem.replace('-', ' ').replace('_', ' ').strip()}"


def resolution_parts(resolution: dict, body_full: str, org: dict, state: str | None) -> dict:
    title = " ".join(str(resolution["title"]).split())
    if re.match(r"^(a\s+)?resolution\b", title, re.I):
        heading = title
    else:
        where = f"{org['name']}, {state}" if state and org.get("kind") in ("city", "county") else org["name"]
        body_only = body_full[: -len(" of the " + org["name"])] if body_full.endswith(" of the " + org["name"]) else body_full
        heading = f"A Resolution of the {body_only} of the {where}, {title}"
    recitals = [_strip_lead(r, "WHEREAS") for r in _list(resolution.get("recitals"))]
    clauses = _list(resolution.get("clauses"))
    # Records either hold the resolving clauses whole ("NOW, THEREFORE, BE IT
    # RESOLVED that ...", "BE IT FURTHER RESOLVED ...", "Section 1. ...") or
    # as plain sentences, which the template numbers under its own lead-in.
    whole = bool(clauses) and bool(re.match(r"^\s*(now,?\s+therefore|be it|section\s+\d)", clauses[0], re.I))
    items = [{"label": "" if whole else f"Section {i}. ", "text": c} for i, c in enumerate(clauses, 1)]
    exhibits = _list(resolution.get("exhibits"))
    return {
        "id": resolution["id"], "number": resolution.get("number"), "title": title,
        "heading": heading, "recitals": recitals, "lead": not whole, "clauses": items,
        "status": resolution.get("status", "draft"), "exhibits": exhibits,
        "exhibit_titles": [exhibit_title(i, e) for i, e in enumerate(exhibits, 1)],
    }


def resolution_context(*, org: dict, body: dict, resolution: dict, clerk: dict | None,
                       presiding: dict | None = None, meeting: dict | None = None,
                       meeting_date=None, facts: CertificationFacts | None = None,
                       appended: bool = False, certified_on=None, sources=()) -> dict:
    """The context of all three resolution documents."""
    short, full = body_names(body, org)
    state = body.get("state") or org.get("state") or ""
    county = body.get("county") or org.get("county") or ""
    city = body.get("city") if org.get("kind") == "city" or body.get("city") else None
    if org.get("kind") == "city":
        city_line = org["name"] if org["name"].lower().startswith("city of") else f"City of {city or org['name']}"
    else:
        city_line = f"City of {city}" if city else ""
    res = resolution_parts(resolution, full, org, state)
    if org.get("kind") in ("city", "county") and state:
        clerk_of = f"the {org['name']}, {state}"
    else:
        clerk_of = f"the {org['name']}"
    member_title = body.get("member_title") or _DEFAULT_MEMBER_TITLE.get(body.get("kind"), "Member")
    adoption = None
    if res["status"] == "adopted" and meeting is not None:
        adoption = {"date": as_date(meeting_date or resolution.get("adopted_on")),
                    "meeting_kind": meeting.get("kind", "regular"), "meeting": meeting["id"]}
    roll_call = [{"label": line.label, "names": list(line.names)} for line in facts.roll_call] if facts else []
    number = res["number"]
    return {
        "organization": {"name": org["name"], "kind": org.get("kind"),
                         "short_name": org.get("short_name") or org["name"]},
        "body": {"name": short, "full_name": full, "kind": body.get("kind"), "seats": body.get("seats")},
        "resolution": res,
        "adoption": adoption,
        "presiding": presiding or {"name": "", "title": PRESIDING_ROLES.get(
            "mayor" if body.get("kind") == "council" else "chair")},
        "clerk": {"name": (clerk or {}).get("name", ""),
                  "title": body.get("clerk_title") or ("City Clerk" if org.get("kind") == "city" else "Clerk of the Board"),
                  "of": clerk_of},
        "venue": {"state": state, "county": f"{county}" if county else "", "city": city or "",
                  "city_line": city_line},
        "whole_number": facts.whole_number if facts else int(body.get("seats") or 0),
        "roll_call": roll_call,
        "member_title_plural": pluralize_title(member_title),
        "appended": appended,
        "certified_on": as_date(certified_on or dt.date.today()),
        "document_title": f"Resolution No. {number}" if number else f"Draft resolution {res['id']}",
        "sources": list(sources),
    }


# -- sample records (for check_templates and tests) ---------------------------

def sample_records() -> dict:
    """A small council and an adopted resolution, invented for checks."""
    org = {"id": "alder", "name": "City of Alder Creek", "kind": "city", "state": "California",
           "county": "Placer"}
    body = {"id": "alder-council", "organization": "alder", "name": "City Council", "kind": "council",
            "seats": 5, "clerk_title": "City Clerk", "member_title": "Councilmember",
            "city": "Alder Creek", "county": "Placer", "state": "California"}
    members = (Member("a", "Ana Ruiz", "mayor"), Member("b", "Ben Cho"), Member("c", "Cy Dunn"),
               Member("d", "Di Eng"), Member("e", "Ed Fox"))
    resolution = {"id": "alder-2026-7", "body": "alder-council", "number": "2026-7",
                  "title": "Approving a lease of the old library", "status": "adopted",
                  "adopted_on": "2026-03-03", "meeting": "alder-2026-03-03",
                  "recitals": ["WHEREAS, the library moved; and", "the old building is empty;"],
                  "clauses": ["The lease is approved.", "The Mayor may sign it."],
                  "exhibits": ["exhibits/library-lease.pdf"]}
    meeting = {"id": "alder-2026-03-03", "body": "alder-council", "kind": "regular",
               "start": "2026-03-03T18:00:00-08:00"}
    vote = VoteRecord("alder-2026-7-vote", "majority-of-members",
                      {"a": "aye", "b": "aye", "c": "aye", "d": "no", "e": "absent"}, meeting["id"])
    facts_in = CertificationInput(
        resolution["id"], resolution["number"], resolution["title"], "adopted", 5, members, vote,
        meeting["id"], "regular", dt.date(2026, 3, 3), dt.date(2026, 3, 3))
    return {"org": org, "body": body, "resolution": resolution, "meeting": meeting,
            "clerk": {"id": "k", "name": "Kim Lowe"}, "presiding": {"name": "Ana Ruiz", "title": "Mayor"},
            "facts": facts_in}


def _sample(appended: bool) -> dict:
    r = sample_records()
    return resolution_context(
        org=r["org"], body=r["body"], resolution=r["resolution"], clerk=r["clerk"],
        presiding=r["presiding"], meeting=r["meeting"], meeting_date=dt.date(2026, 3, 3),
        facts=certify_adoption(r["facts"]), appended=appended, certified_on=dt.date(2026, 4, 1),
        sources=["resolutions:alder-2026-7"])


def sample_resolution() -> dict:
    return _sample(False)


# -- registered kinds ----------------------------------------------------------

@document_kind("resolution", docx="resolution.docx", markdown="resolution.md.j2",
               sample=sample_resolution)
def resolution_document(store, key, **options) -> dict:
    """A resolution: title block, recitals, resolving clauses, adoption and signatures."""
    from govdocs.store.resolutions import document_context

    return document_context(store, key, certify=False, **options)


@document_kind("certification", docx="certification.docx", markdown="certification.md.j2",
               sample=lambda: _sample(False))
def certification_document(store, key, **options) -> dict:
    """The clerk's certificate of adoption: venue, whole number of members, roll call."""
    from govdocs.store.resolutions import document_context

    return document_context(store, key, certify="adoption", **options)


@document_kind("certified-copy", docx="certified-copy.docx", sample=lambda: _sample(False))
def certified_copy_document(store, key, **options) -> dict:
    """The clerk's certificate that a copy is full, true and correct, and in effect."""
    from govdocs.store.resolutions import document_context

    return document_context(store, key, certify="copy", **options)


__all__ = ["body_names", "resolution_context", "resolution_parts", "sample_records",
           "RollCallLine"]
