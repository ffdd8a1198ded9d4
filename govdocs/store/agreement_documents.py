"""Documents about amendments: the redline, the ratification status report,
the model resolution for each member council, and the transmittal letter.

Each kind has a pure context function (records in, context out) and a
builder registered with ``govdocs.render.document_kind`` that reads the
records. Wording is in the templates; facts are in the context.
"""

from __future__ import annotations

import datetime as dt

from docxtpl import RichText

from .. import legaltext as lt
from .. import ratification as rt
from ..errors import NotFound
from ..render import document_kind, environment, render_docx
from ..render.filters import number_words

# -- redline ------------------------------------------------------------------

LEGEND = "Deleted words are struck through; added words are underlined."


def _rich(segments, bold=False) -> RichText:
    rich = RichText()
    for s in segments:
        rich.add(s.text, bold=bold, strike=s.kind == "del", underline=s.kind == "ins")
    return rich


def redline_paragraphs(blocks) -> list[dict]:
    """Paragraphs of a redline: an article's heading and its words are two
    paragraphs; a subdivision or paragraph is one, label first."""
    out = []
    for b in blocks:
        if b.depth == 0:
            out.append({"depth": 0, "heading": True, "change": b.change,
                        "segments": [{"kind": s.kind, "text": s.text} for s in b.head],
                        "rich": _rich(b.head, bold=True)})
            if b.body:
                out.append({"depth": 0, "heading": False, "change": b.change,
                            "segments": [{"kind": s.kind, "text": s.text} for s in b.body],
                            "rich": _rich(b.body)})
        else:
            kinds = {b.head[-1].kind, b.body[0].kind} if b.head and b.body else {"same"}
            gap = lt.Segment(kinds.pop() if len(kinds) == 1 else "same", " ")
            segs = tuple(b.head) + ((gap,) if b.body else ()) + tuple(b.body)
            out.append({"depth": b.depth, "heading": False, "change": b.change,
                        "segments": [{"kind": s.kind, "text": s.text} for s in segs],
                        "rich": _rich(segs)})
    return out


def redline_context(*, authority: dict, amendment: dict, parts: list[tuple[dict, lt.Document, lt.Document]],
                    whole: bool = True) -> dict:
    documents = []
    for ag, before, after in parts:
        blocks = lt.redline(before, after, whole=whole)
        documents.append({"id": ag["id"], "title": ag["title"],
                          "short_title": ag.get("short_title") or ag["title"],
                          "paragraphs": redline_paragraphs(blocks),
                          "deleted": [s.text for b in blocks for s in b.head + b.body if s.kind == "del"],
                          "inserted": [s.text for b in blocks for s in b.head + b.body if s.kind == "ins"]})
    return {
        "document_title": f"Proposed revisions: {amendment['title']}",
        "authority": authority, "amendment": amendment, "documents": documents,
        "legend": LEGEND,
        "sources": [f"amendments:{amendment['id']}"] + [f"agreements:{d['id']}" for d in documents],
    }


def redline_html(context: dict) -> str:
    """The redline as a web page, deletions in <del> and insertions in <ins>."""
    return environment().get_template("redline.html.j2").render(context)


def _sample_parts():
    text = ("# Sample Agreement\n\n## ARTICLE 1. AMENDMENTS\n\nAn amendment needs six of the "
            "eight members.\n\n(a) Notice goes to each member.\n\n## ARTICLE 2. TERM\n\nIt lasts.\n")
    before = lt.parse(text, "agreement")
    after = lt.apply_changes(before, [
        lt.Change("substitute", "Art. 1", "An amendment needs two-thirds of the members."),
        lt.Change("insert", "Art. 1(a)", "(b) The Board may set a deadline & a form."),
        lt.Change("renumber", "Art. 2", label="3")])
    return [({"id": "sample-agreement", "title": "Sample Agreement", "short_title": "Agreement"},
             before, after)]


SAMPLE_AUTHORITY = {"id": "sample-jpa", "name": "Sample Cities Risk Management Authority",
                    "short_name": "SCRMA"}
SAMPLE_AMENDMENT = {"id": "sample-1", "title": "Amendment No. 1", "proposed_on": dt.date(2026, 9, 17),
                    "summary": "Changes the amendment rule.", "rule": "6-of-8",
                    "effective_on": None, "status": "pending"}


def sample_redline() -> dict:
    return redline_context(authority=SAMPLE_AUTHORITY, amendment=SAMPLE_AMENDMENT,
                           parts=_sample_parts())


def _authority(store, org_id) -> dict:
    org = store.get("organizations", org_id)
    return {"id": org["id"], "name": org["name"], "short_name": org.get("short_name") or org["name"]}


def _amendment_dict(store, amendment_id) -> dict:
    from . import agreements as A

    row = A.amendment(store, amendment_id)
    st = A.status(store, amendment_id)
    return {"id": row["id"], "title": row["title"], "summary": row.get("summary"),
            "proposed_on": dt.date.fromisoformat(row["proposed_on"]), "rule": row["rule"],
            "effective_on": st.effective_on, "status": st.status}


@document_kind("redline", docx="redline.docx", sample=sample_redline)
def redline_document(store, key, **options) -> dict:
    """The amendment's changes word by word: deletions struck, insertions underlined."""
    from . import agreements as A

    row = A.amendment(store, key)
    return redline_context(authority=_authority(store, row["organization"]),
                           amendment=_amendment_dict(store, key),
                           parts=A.before_and_after(store, key),
                           whole=options.get("whole", True))


# -- shared facts about an amendment and its members ---------------------------

def rule_text(rule: str) -> str:
    r = rt.parse_rule(rule)
    if r.kind == "count":
        return f"{number_words(r.count)} of the {number_words(r.of)} member agencies"
    if r.kind == "unanimous":
        return "all of the member agencies"
    if r.kind == "majority":
        return "a majority of the member agencies"
    return f"{r.name} of the member agencies"


def _council(store, member_id) -> dict:
    bodies = store.rows("bodies", "organization = ? and kind = 'council'", [member_id])
    org = store.get("organizations", member_id)
    if not bodies:
        return {"id": None, "name": f"governing body of the {org['name']}", "clerk": None,
                "clerk_title": "Clerk", "member_title": "Member", "city": None,
                "county": org.get("county"), "state": org.get("state")}
    b = bodies[0]
    clerk = store.find("people", b["clerk"]) if b.get("clerk") else None
    return {"id": b["id"], "name": b["name"], "clerk": clerk["name"] if clerk else None,
            "clerk_title": b.get("clerk_title") or "City Clerk",
            "member_title": b.get("member_title") or "Councilmember",
            "city": b.get("city"), "county": b.get("county"), "state": b.get("state")}


def _secretary(store, body_id) -> dict:
    body = store.get("bodies", body_id)
    clerk = store.find("people", body["clerk"]) if body.get("clerk") else None
    return {"name": clerk["name"] if clerk else None,
            "title": body.get("clerk_title") or "Secretary", "board": body["name"]}


def _rule_provision(store, amendment_id) -> str | None:
    """The article of the agreement that states the amendment rule, e.g. 'Article 6'."""
    from . import agreements as A

    for ag in A.agreements_changed(store, amendment_id) or []:
        doc = A.agreement_text(store, ag)
        if doc.scheme != "agreement":
            continue
        for u in doc.units:
            if "AMENDMENT" in u.heading.upper():
                return f"Article {u.label} of the {store.get('agreements', ag).get('short_title') or 'Agreement'}"
    return None


def _common(store, amendment_id) -> dict:
    from . import agreements as A

    row = A.amendment(store, amendment_id)
    changes = [{"citation": c["target"], "agreement": store.get("agreements", c["agreement"])
                .get("short_title") or c["agreement"], "description": A._as_change(c).describe()}
               for c in A.changes_of(store, amendment_id)]
    agreements = [{"id": ag, "title": store.get("agreements", ag)["title"],
                   "short_title": store.get("agreements", ag).get("short_title") or ag}
                  for ag in A.agreements_changed(store, amendment_id)]
    r = rt.parse_rule(row["rule"])
    return {"authority": _authority(store, row["organization"]),
            "amendment": {**_amendment_dict(store, amendment_id), "changes": changes},
            "agreements": agreements, "secretary": _secretary(store, row["body"]),
            "rule": {"name": r.name, "text": rule_text(row["rule"]),
                     "provision": _rule_provision(store, amendment_id)}}


# -- ratification report ---------------------------------------------------------

def report_context(*, common: dict, status: dict, members: list[dict]) -> dict:
    return {**common, "status": status, "members": members,
            "document_title": f"Ratification status: {common['amendment']['title']}",
            "sources": [f"amendments:{common['amendment']['id']}"] +
                       [f"ratifications:{common['amendment']['id']}/{m['id']}"
                        for m in members if m["action"] in ("approved", "rejected")]}


def _member_line(m: dict) -> dict:
    res = m.get("resolution") or {}
    vote = res.get("vote")
    return {"id": m["id"], "name": m["name"], "action": m["action"],
            "acted_on": m.get("acted_on"), "resolution_number": m.get("resolution_number"),
            "resolution_adopted_on": res.get("adopted_on"),
            "vote": (f"{vote['ayes']}-{vote['noes']}" + (f", {vote['absent']} absent" if vote["absent"] else ""))
            if vote else None,
            "copy_received_on": m.get("copy_received_on"), "counted": m["counted"]}


def _status_facts(st: rt.Status) -> dict:
    return {"status": st.status, "required": st.required, "approved": list(st.approved),
            "rejected": list(st.rejected), "pending": list(st.pending),
            "withdrawn": list(st.withdrawn), "not_counted": list(st.not_counted),
            "after_ratification": list(st.after_ratification), "members": list(st.members),
            "ratified_on": st.ratified_on, "failed_on": st.failed_on,
            "effective_on": st.effective_on, "filing_due_on": st.filing_due_on,
            "as_of": st.as_of, "explanation": st.explanation, "notes": list(st.notes),
            "events": [{"on": e.on, "text": e.text} for e in st.events],
            "still_needed": max(st.required - len(st.approved), 0)}


def sample_report() -> dict:
    members = [rt.Member(f"city-{i}", f"City of Sample {i}") for i in range(1, 9)]
    actions = [rt.Action("city-1", "approved", dt.date(2026, 10, 6), "2026-41"),
               rt.Action("city-2", "rejected", dt.date(2026, 10, 7))]
    st = rt.status(rt.Proposal("6-of-8", dt.date(2026, 9, 17)), members, actions)
    lines = [{"id": m.id, "name": m.name, "action": "pending", "acted_on": None,
              "resolution_number": None, "resolution_adopted_on": None, "vote": None,
              "copy_received_on": None, "counted": True} for m in members]
    lines[0].update(action="approved", acted_on="2026-10-06", resolution_number="2026-41",
                    resolution_adopted_on="2026-10-06", vote="4-0, 1 absent",
                    copy_received_on="2026-10-09")
    lines[1].update(action="rejected", acted_on="2026-10-07")
    return report_context(common=sample_common(), status=_status_facts(st), members=lines)


def sample_common() -> dict:
    return {"authority": SAMPLE_AUTHORITY,
            "amendment": {**SAMPLE_AMENDMENT, "changes": [
                {"citation": "Art. 1", "agreement": "Agreement",
                 "description": "Art. 1 is amended to read as follows"}]},
            "agreements": [{"id": "sample-agreement", "title": "Sample Agreement",
                            "short_title": "Agreement"}],
            "secretary": {"name": "Pat Example", "title": "Secretary of the Board",
                          "board": "Board of Directors"},
            "rule": {"name": "6-of-8", "text": "six of the eight member agencies",
                     "provision": "Article 1 of the Agreement"}}


@document_kind("ratification-report", docx="ratification-report.docx",
               markdown="ratification-report.md.j2", sample=sample_report)
def ratification_report(store, key, **options) -> dict:
    """Where ratification of an amendment stands, member by member."""
    from . import agreements as A

    st = A.status(store, key, options.get("as_of"))
    members = [_member_line(m) for m in A.member_rows(store, key, st)]
    return report_context(common=_common(store, key), status=_status_facts(st), members=members)


# -- model resolution and transmittal letter ------------------------------------------

def member_context(*, common: dict, member: dict, council: dict, letter_date: dt.date,
                   reply_by: dt.date | None) -> dict:
    return {**common, "member": member, "council": council, "letter_date": letter_date,
            "reply_by": reply_by,
            "document_title": f"{common['amendment']['title']}: {member['name']}",
            "sources": [f"amendments:{common['amendment']['id']}", f"organizations:{member['id']}"]}


def _sample_member() -> dict:
    common = sample_common()
    return member_context(
        common=common, member={"id": "city-1", "name": "City of Sample & Sons", "short_name": "Sample"},
        council={"id": "sample-council", "name": "City Council of the City of Sample & Sons",
                 "clerk": "Lee Clerk", "clerk_title": "City Clerk", "member_title": "Councilmember",
                 "city": "Sample", "county": "Sample", "state": "California"},
        letter_date=dt.date(2026, 9, 21), reply_by=dt.date(2026, 12, 16))


def _member_builder(store, key, options) -> dict:
    from . import agreements as A

    member_name = options.get("member")
    if not member_name:
        raise NotFound("which member agency? (option member=)")
    members = A.members_for(store, key)
    m = A.find_member(members, store, member_name)
    org = store.get("organizations", m.id)
    row = A.amendment(store, key)
    proposed = dt.date.fromisoformat(row["proposed_on"])
    letter_date = options.get("letter_date") or proposed + dt.timedelta(days=4)
    return member_context(common=_common(store, key),
                          member={"id": m.id, "name": m.name,
                                  "short_name": org.get("short_name") or m.name},
                          council=_council(store, m.id), letter_date=letter_date,
                          reply_by=options.get("reply_by") or proposed + dt.timedelta(days=90))


@document_kind("model-resolution", docx="model-resolution.docx",
               markdown="model-resolution.md.j2", sample=_sample_member)
def model_resolution(store, key, **options) -> dict:
    """The resolution a member council adopts to approve the amendment, pre-filled."""
    return _member_builder(store, key, options)


@document_kind("transmittal-letter", docx="transmittal-letter.docx", sample=_sample_member)
def transmittal_letter(store, key, **options) -> dict:
    """The Secretary's letter to a member's clerk sending the amendment for action."""
    return _member_builder(store, key, options)


def redline_docx(context: dict) -> bytes:
    return render_docx("redline.docx", context)


# -- writing and registering files -------------------------------------------------

def _fmt(out) -> str:
    from pathlib import Path

    from ..errors import InvalidInput

    suffix = Path(out).suffix.lower().lstrip(".")
    fmt = {"docx": "docx", "md": "md", "html": "html", "htm": "html"}.get(suffix)
    if fmt is None:
        raise InvalidInput(f"cannot write a '{suffix or out}' file", expected=".docx, .md or .html")
    return fmt


def write_redline(store, amendment_id: str, out, *, whole: bool = True, pdf: bool = False):
    """Write the redline as DOCX or HTML and register it as issued."""
    from ..errors import InvalidInput
    from .issued import issue_rendered

    ctx = redline_document(store, amendment_id, whole=whole)
    fmt = _fmt(out)
    if fmt == "md":
        raise InvalidInput("a redline is written as .docx or .html (Markdown has no underline)")
    data = redline_docx(ctx) if fmt == "docx" else redline_html(ctx)
    template = "redline.docx" if fmt == "docx" else "redline.html.j2"
    return issue_rendered(store, data, out, kind="redline", template=template,
                          title=ctx["document_title"], sources=ctx["sources"], pdf=pdf)


def write_document(store, kind: str, amendment_id: str, out, *, pdf: bool = False, **options):
    """Write a ratification report, model resolution or transmittal letter."""
    from .issued import issue_document

    return issue_document(store, kind, amendment_id, out=out, fmt=_fmt(out), pdf=pdf, **options)
