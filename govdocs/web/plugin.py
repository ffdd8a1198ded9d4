"""The govdocs Datasette plugin: search, record pages, the ratification board
and upcoming meetings over a public archive (read-only).

Pages (besides Datasette's own tables, JSON and CSV):

* ``/search?q=...`` search with snippets and facets (kind, body, year, voter),
  ``&fuzzy=1`` for OCR-tolerant search, ``&sort=date``;
* ``/record/<key>`` one record or document: its metadata, its text with the
  searched words marked, the original file to download, links to related
  records and to the vote;
* ``/file/<sha256>`` the original file of a document;
* ``/board`` amendments and each member's ratification;
* ``/meetings`` upcoming meetings with their notices and agenda.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from ..archive import query as query_module, snippets, sources
from ..archive.ocr import find_approximate
from ..archive.publish import open_public
from ..archive.search import FACETS, Searcher

_searchers: dict[str, Searcher] = {}
PAGE = 20


def _database(datasette):
    db = datasette.get_database()
    return db.name, db.path


def _searcher(datasette) -> tuple[str, Searcher]:
    name, path = _database(datasette)
    if path not in _searchers:
        _searchers[path] = Searcher(open_public(path), path)
    return name, _searchers[path]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


async def search_page(datasette, request):
    name, searcher = _searcher(datasette)
    args = request.args
    q = args.get("q", "")
    kind = args.getlist("kind")
    body = args.getlist("body")
    fuzzy = args.get("fuzzy") == "1"
    sort = args.get("sort", "relevance")
    if sort not in ("relevance", "date", "oldest"):
        sort = "relevance"
    voter = args.get("voter") or None
    year_from, year_to = _int(args.get("from")), _int(args.get("to"))
    if year_from and year_to and year_from > year_to:
        year_from, year_to = year_to, year_from
    page = max(1, _int(args.get("page")) or 1)
    results = None
    if q or kind or body or voter or year_from or year_to:
        results = searcher.search(
            q, kind=kind or None, body=body or None, fuzzy=fuzzy, sort=sort, voter=voter,
            year_from=year_from, year_to=year_to, facets=True, limit=PAGE, offset=(page - 1) * PAGE,
        )
    current = [("q", q), ("fuzzy", "1" if fuzzy else ""), ("sort", sort if sort != "relevance" else ""),
               *[("kind", k) for k in kind], *[("body", b) for b in body], ("voter", voter or ""),
               ("from", year_from or ""), ("to", year_to or "")]
    current = [(k, v) for k, v in current if v]

    def link(add=(), drop=None, page_number=None):
        params = [(k, v) for k, v in current if (k, str(v)) != drop and not (drop == "year" and k in ("from", "to"))]
        params += list(add)
        if page_number and page_number > 1:
            params.append(("page", page_number))
        return "/search?" + urlencode(params)

    def facet_link(facet, value):
        if facet == "year":
            return link(add=[("from", value), ("to", value)], drop="year")
        return link(add=[(facet, value)])

    active = [(k, v, link(drop=(k, str(v)))) for k, v in current if k in ("kind", "body", "voter")]
    if year_from or year_to:
        active.append(("year", f"{year_from or ''}–{year_to or ''}", link(drop="year")))
    paging = {}
    if results is not None:
        if page > 1:
            paging["previous"] = link(page_number=page - 1)
        if page * PAGE < results.total:
            paging["next"] = link(page_number=page + 1)

    record_q = urlencode({"q": q, **({"fuzzy": "1"} if fuzzy else {})})
    return Response.html(await datasette.render_template(
        "govdocs_search.html",
        {"q": q, "results": results, "fuzzy": fuzzy, "sort": sort, "facet_names": FACETS,
         "facet_link": facet_link, "record_q": record_q, "database": name, "active": active,
         "paging": paging, "page": page,
         "filters": {"kind": kind, "body": body, "voter": voter, "from": year_from, "to": year_to}},
        request=request,
    ))


def _link_for(key: str, database: str) -> str:
    source, _, ident = key.partition(":")
    if source == "meeting":
        return f"/{database}/meetings/{ident}"
    if source == "vote":
        return f"/{database}/votes/{ident}"
    return f"/record/{key}"


async def record_page(datasette, request):
    name, searcher = _searcher(datasette)
    key = request.url_vars["key"]
    found = sources.load(searcher.db, [key])
    item = found.get(key)
    if item is None:
        return Response.html(await datasette.render_template(
            "govdocs_missing.html", {"key": key}, request=request), status=404)
    q = request.args.get("q", "")
    fuzzy = request.args.get("fuzzy") == "1"
    def marked(text):
        spans = []
        if q:
            parsed = query_module.parse(q)
            spans = query_module.highlight_spans(text, searcher._highlighter(parsed))
            if fuzzy:
                for word in parsed.words():
                    spans += find_approximate(word, text)
        return snippets.render(text, spans, 0, len(text), keep_lines=True)

    text_html = marked(item.text)
    title_html = marked(item.title)
    db = searcher.db
    votes, files, row = [], [], {}
    tables = set(db.table_names())
    source, _, ident = key.partition(":")
    subject = item.related[0] if source == "document" and item.related else key
    if "votes" in tables:
        for vote in db.query("select * from votes where subject = ? order by rowid", [subject]):
            casts = {}
            for cast in db.query(
                "select c.option, p.name from vote_casts c join people p on p.id = c.person"
                " where c.vote = ? order by p.name", [vote["id"]]):
                casts.setdefault(cast["option"], []).append(cast["name"])
            votes.append({**vote, "casts": casts, "url": f"/{name}/votes/{vote['id']}"})
    if source == "document" and "documents" in tables:
        row = next(db.query("select * from documents where id = ?", [ident]), {})
        if row and "document_files" in tables and next(
                db.query("select 1 as x from document_files where sha256 = ?", [row["sha256"]]), None):
            files.append({"name": row["filename"] or "original", "url": f"/file/{row['sha256']}"})
    if source == "issued" and "document_files" in tables:
        issued = next(db.query("select sha256 from issued where id = ?", [ident]), None)
        if issued and next(db.query("select 1 as x from document_files where sha256 = ?", [issued["sha256"]]), None):
            files.append({"name": item.title, "url": f"/file/{issued['sha256']}"})
    if "issued" in tables and source != "issued":
        have_files = "document_files" in tables
        for issued in db.query("select id, sha256, title, kind, sources from issued order by id"):
            if key not in {sources.normal_key(r) for r in json.loads(issued["sources"] or "[]")}:
                continue
            stored = have_files and next(
                db.query("select 1 as x from document_files where sha256 = ?", [issued["sha256"]]), None)
            files.append({"name": f"{issued['title'] or issued['kind']} ({issued['kind']})",
                          "url": f"/file/{issued['sha256']}" if stored else f"/record/issued:{issued['id']}"})
    meta = json.loads(row.get("metadata") or "{}") if row else {}
    related = [{"key": k, "url": _link_for(k, name)} for k in item.related]
    if source == "resolution" and "amendments" in tables:
        for amendment in db.query("select id from amendments where board_resolution = ?", [ident]):
            related.append({"key": f"amendment:{amendment['id']}", "url": f"/record/amendment:{amendment['id']}"})
    return Response.html(await datasette.render_template(
        "govdocs_record.html",
        {"item": item, "text_html": text_html, "title_html": title_html, "votes": votes, "files": files, "related": related,
         "meta": meta, "database": name, "table_url": f"/{name}/{_table_of(source)}/{ident}", "q": q},
        request=request,
    ))


def _table_of(source: str) -> str:
    return {"document": "documents", "resolution": "resolutions", "provision": "provisions",
            "amendment": "amendments", "notice": "notices", "job_class": "job_classes",
            "issued": "issued"}.get(source, source)


async def file_download(datasette, request):
    _, searcher = _searcher(datasette)
    sha = request.url_vars["sha"]
    if "document_files" not in searcher.db.table_names():
        return Response.text("not found", status=404)
    row = next(searcher.db.query("select * from document_files where sha256 = ?", [sha]), None)
    if row is None:
        return Response.text("not found", status=404)
    return Response(
        row["content"], content_type=row["media_type"] or "application/octet-stream",
        headers={"content-disposition": f'attachment; filename="{(row["filename"] or sha).replace(chr(34), "")}"'},
    )


async def board_page(datasette, request):
    name, searcher = _searcher(datasette)
    db = searcher.db
    tables = set(db.table_names())
    amendments = []
    if "amendments" in tables:
        for amendment in db.query("select * from amendments order by proposed_on desc"):
            actions = []
            if "ratifications" in tables:
                actions = list(db.query(
                    "select r.*, o.name as member_name from ratifications r left join organizations o"
                    " on o.id = r.member where r.amendment = ? order by r.acted_on", [amendment["id"]]))
            approved = sum(1 for a in actions if a["action"] == "approved")
            amendments.append({**amendment, "actions": actions, "approved": approved,
                               "rejected": sum(1 for a in actions if a["action"] == "rejected"),
                               "status": _ratification_status(db, amendment, actions)})
    return Response.html(await datasette.render_template(
        "govdocs_board.html", {"amendments": amendments, "database": name}, request=request))


class _Records:
    """A public archive seen the way the agreements module reads a store."""

    def __init__(self, db):
        self.db = db

    def find(self, table, key):
        if table not in self.db.table_names():
            return None
        return next(self.db.query(f"select * from [{table}] where id = ?", [key]), None)

    def rows(self, table, where=None, params=()):
        if table not in self.db.table_names():
            return []
        return list(self.db[table].rows_where(where, params))


def _ratification_status(db, amendment, actions):
    """Where ratification stands (the agreements module's rules), or None when
    the published records do not say enough to work it out."""
    from ..errors import GovdocsError
    from .. import ratification as rt
    from ..store import agreements as ag

    try:
        records = _Records(db)
        members = ag.members_of(records, amendment["body"], amendment["organization"])
        done = [rt.Action(a["member"], a["action"], dt.date.fromisoformat(a["acted_on"]),
                          a.get("resolution_number"), a.get("resolution"), None,
                          dt.date.fromisoformat(a["copy_received_on"]) if a.get("copy_received_on") else None)
                for a in actions]
        return rt.status(ag.proposal_of(amendment), members, done, as_of=dt.date.today())
    except (GovdocsError, ValueError, KeyError):
        return None


async def meetings_page(datasette, request):
    name, searcher = _searcher(datasette)
    db = searcher.db
    tables = set(db.table_names())
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    meetings = []
    if "meetings" in tables:
        for meeting in db.query(
                "select m.*, b.name as body_name from meetings m left join bodies b on b.id = m.body"
                " where m.start >= ? and m.status = 'scheduled' order by m.start", [now[:10]]):
            notices = list(db.query("select * from notices where meeting = ?", [meeting["id"]])) if "notices" in tables else []
            items = list(db.query("select * from agenda_items where meeting = ? order by number", [meeting["id"]])) if "agenda_items" in tables else []
            meetings.append({**meeting, "notices": notices, "agenda": items})
    return Response.html(await datasette.render_template(
        "govdocs_meetings.html", {"meetings": meetings, "database": name}, request=request))


@hookimpl
def register_routes():
    return [
        (r"^/search$", search_page),
        (r"^/record/(?P<key>.+)$", record_page),
        (r"^/file/(?P<sha>[0-9a-f]{64})$", file_download),
        (r"^/board$", board_page),
        (r"^/meetings$", meetings_page),
    ]


@hookimpl
def menu_links(datasette, actor):
    return [{"href": "/search", "label": "Search the archive"},
            {"href": "/board", "label": "Ratification board"},
            {"href": "/meetings", "label": "Upcoming meetings"}]
