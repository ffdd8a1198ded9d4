import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from govdocs.archive import extract, ingest
from govdocs.archive.publish import open_public, publish
from govdocs.archive.search import Searcher

from .pdfmaker import make_pdf, make_scan_pdf

SCAN = """RESOLUTION NO. 81 -14
A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF ARBOR VISTA APPROVING
THE BY-LAWS OF CVCR4A
WHEREAS, the Board of 0CCR'`1A recommends the deductible; and
PASSED, APPROVED AND ADOPTED at a regular meeting of the City Council of
the City of Arbor Vista held on this 17th day of February, 1981.
AYES: COUNCILMEMBERS: Alvarez, Brandt
NOES: COUNCILMEMBERS: Okafor
ABSENT: COUNCILMEMBERS: None
"""


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "res-81-14.txt").write_text(SCAN)
    (folder / "copy-of-res.txt").write_text(SCAN)  # same bytes, another name
    (folder / "minutes.md").write_text("# Minutes\n\nThe board met on March 11, 1982 about sewer bonds.\n")
    (folder / "budget.pdf").write_bytes(make_pdf(["Budget report for the fiscal year", "Page two: street lighting"]))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "notes.xyz").write_text("not a kind we read")
    return folder


def test_ingest_batch_semantics(store, files):
    summary = ingest.ingest_paths(store, [files, files / "notes.xyz"], public=True)
    assert len(summary.added) == 3 + 0  # txt, md, pdf; the copy is a duplicate
    assert [p.split("/")[-1] for p, _ in summary.duplicates] == ["res-81-14.txt"]
    failed = {p.split("/")[-1]: reason for p, reason in summary.failed}
    assert set(failed) == {"broken.pdf", "notes.xyz"}
    assert "PDF" in failed["broken.pdf"] and "unknown file type" in failed["notes.xyz"]
    assert summary.lines()[0] == "3 added, 1 already in the archive, 2 could not be read"
    again = ingest.ingest_paths(store, [files])
    assert again.added == [] and len(again.duplicates) == 4  # re-ingest is a no-op
    assert store.db["documents"].count == 3


def test_metadata_pages_and_original_kept(store, files):
    ingest.ingest_paths(store, [files / "copy-of-res.txt", files / "budget.pdf"], public=True)
    res = next(store.db.query("select * from documents where filename = 'copy-of-res.txt'"))
    assert (res["kind"], res["number"], res["date"], res["meeting_kind"]) == ("resolution", "81-14", "1981-02-17", "regular")
    assert json.loads(res["metadata"])["roll_call"] == {"aye": ["Alvarez", "Brandt"], "no": ["Okafor"]}
    pdf = next(store.db.query("select * from documents where filename = 'budget.pdf'"))
    assert pdf["pages"] == 2 and pdf["text"].count("\f") == 1
    blob = store.db.execute("select content from document_files where sha256 = ?", [pdf["sha256"]]).fetchone()[0]
    assert blob == (files / "budget.pdf").read_bytes()
    assert store.db.execute("select count(*) from audit where table_name = 'documents'").fetchone()[0] == 2


def test_scan_without_text_needs_ocr_when_no_tool(store, tmp_path, monkeypatch):
    monkeypatch.setattr(extract, "ocr_available", lambda: False)
    (tmp_path / "scan.pdf").write_bytes(make_pdf([""]))
    summary = ingest.ingest_paths(store, [tmp_path / "scan.pdf"])
    assert summary.needs_ocr == [str(tmp_path / "scan.pdf")]
    assert "need OCR" in summary.lines()[0]
    assert store.db.execute("select status from documents").fetchone()[0] == "needs-ocr"


def test_search_words_phrases_fuzzy_and_filters(store, files):
    ingest.ingest_paths(store, [files], public=True)
    searcher = Searcher(store.db, store.path)
    hits = searcher.search("deductible").hits
    assert [h.number for h in hits] == ["81-14"]
    assert "<mark>deductible</mark>" in hits[0].snippet
    assert searcher.search('"sewer bonds"').hits[0].kind == "minutes"
    assert searcher.search("CVCRMA").total == 0
    fuzzy = searcher.search("CVCRMA", fuzzy=True)
    assert fuzzy.total == 1 and "<mark>CVCR4A</mark>" in fuzzy.hits[0].snippet
    assert searcher.search("lighting", kind="minutes").total == 0
    assert searcher.search("lighting", kind="document").hits[0].page == 2
    assert searcher.search("", voter="Okafor", vote="no").hits[0].number == "81-14"
    assert searcher.search("", voter="okafor", vote="aye").total == 0
    assert searcher.search("deductible", year_from=1982).total == 0
    for odd in ['"unbalanced', "((( AND", "*", "-", "title:", "OR"]:
        searcher.search(odd)  # never an error


def test_index_keeps_in_step_with_the_store(loaded_store):
    store = loaded_store
    searcher = Searcher(store.db, store.path)
    assert searcher.search("quokkaberry").total == 0
    with store.transaction():
        store.insert("resolutions", {"id": "av-draft-1", "body": "arbor-vista-council",
                                     "title": "A draft about quokkaberry lighting", "status": "draft"})
    assert [h.id for h in searcher.search("quokkaberry").hits] == ["resolution:av-draft-1"]
    with store.transaction():
        store.update("resolutions", "av-draft-1", {"title": "A draft about street lighting"})
    assert searcher.search("quokkaberry").total == 0
    with store.transaction():
        store.delete("resolutions", "av-draft-1")
    assert searcher.search("street lighting").total == 0 or all(
        h.id != "resolution:av-draft-1" for h in searcher.search("street lighting").hits)


SECRET_WORDS = ["quokkaberry", "zanzibarite", "settlement", "draft"]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    from govdocs.store import RecordStore
    from govdocs.store.loader import load

    from pathlib import Path

    RECORDS = Path(__file__).resolve().parents[2] / "records"
    folder = tmp_path_factory.mktemp("pub")
    store = RecordStore(folder / "store.db", actor="test")
    load(store, [RECORDS])
    with store.transaction():
        store.insert("resolutions", {"id": "av-draft-9", "body": "arbor-vista-council", "status": "draft",
                                     "title": "A draft resolution on quokkaberry zanzibarite settlement"})
        store.insert("issued", {"sha256": "0" * 64, "kind": "resolution", "title": "Draft quokkaberry resolution",
                                "sources": '["resolutions:av-draft-9"]', "issued_at": "2026-11-01T00:00:00Z",
                                "actor": "test"})
        store.insert("issued", {"sha256": "1" * 64, "kind": "certification", "title": "Certified copy",
                                "sources": '["resolutions:arbor-vista-2026-41"]',
                                "issued_at": "2026-11-01T00:00:00Z", "actor": "test"})
    ingest.add_documents(store, [
        ingest.DocumentInput(title="Private memo", text="quokkaberry zanzibarite settlement memo", public=False),
        ingest.DocumentInput(title="Closed session", text="zanzibarite settlement conference",
                             public=True, closed_session=True),
        ingest.DocumentInput(title="Street lighting notice", text="public hearing on street lighting", public=True),
    ])
    out = folder / "public.db"
    publish(store, out)
    store.close()
    return out


def test_publish_leaves_out_everything_not_public(published):
    db = open_public(published)
    assert "audit" not in db.table_names()
    assert {c.name for c in db["people"].columns} == {"id", "name", "honorific"}
    assert db.execute("select count(*) from resolutions where status = 'draft'").fetchone()[0] == 0
    assert [r[0] for r in db.execute("select title from documents")] == ["Street lighting notice"]
    assert [r[0] for r in db.execute("select title from issued")] == ["Certified copy"]
    with pytest.raises(sqlite3.OperationalError):
        db.execute("insert into documents (id) values ('x')")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(st.sampled_from(SECRET_WORDS + ["resolution", "memo", "av-draft-9", '"', "*"]),
                                 st.text(max_size=8)), min_size=0, max_size=4),
       fuzzy=st.booleans(), sort=st.sampled_from(["relevance", "date", "oldest"]))
def test_a_draft_never_appears_whatever_is_searched(published, words, fuzzy, sort):
    searcher = Searcher(open_public(published), published)
    results = searcher.search(" ".join(words), fuzzy=fuzzy, sort=sort, limit=500, facets=True)
    keys = {h.id for h in results.hits}
    assert "resolution:av-draft-9" not in keys
    assert not any("quokkaberry" in h.snippet or "zanzibarite" in h.snippet for h in results.hits)


@pytest.mark.tesseract
def test_a_scan_is_ocred_when_the_tools_are_there(store, tmp_path):
    import os
    import shutil

    missing = [tool for tool in ("ocrmypdf", "tesseract") if shutil.which(tool) is None]
    if missing:
        message = f"needs {', '.join(missing)} (Debian: apt-get install ocrmypdf tesseract-ocr)"
        if os.environ.get("GOVDOCS_REQUIRE_ALL") == "1":
            pytest.fail(message + " (GOVDOCS_REQUIRE_ALL=1)")
        pytest.skip(message)
    (tmp_path / "scan.pdf").write_bytes(make_scan_pdf("RESOLUTION NO. 88-12\nSTREET LIGHTING DISTRICT"))
    summary = ingest.ingest_paths(store, [tmp_path / "scan.pdf"], public=True)
    assert summary.failed == [] and summary.needs_ocr == []
    row = next(store.db.query("select status, text, number from documents"))
    assert row["status"] == "ocr"
    assert "LIGHTING" in row["text"].upper() and row["number"] == "88-12"


def test_titles_come_from_the_title_block(store):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "records" / "archive"
    ingest.ingest_paths(store, sorted(p for p in folder.iterdir() if p.is_file()))
    titles = sorted(r[0] for r in store.db.execute("select title from documents"))
    assert titles == [
        "A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF ARBOR VISTA, CALIFORNIA, APPROVING THE FIRST "
        "AMENDMENT TO THE BY-LAWS OF THE COSTA VERDE CITIES RISK MANAGEMENT AUTHORITY",
        "AN ORDINANCE OF THE CITY COUNCIL OF THE CITY OF GRANITE RIDGE ESTABLISHING A STREET LIGHTING "
        "ASSESSMENT DISTRICT",
        "Minutes of the Regular Meeting of the Board of Directors of the Costa Verde Cities Risk Management Authority",
    ]


def test_an_index_left_beside_another_store_is_rebuilt(tmp_path):
    from govdocs.store import RecordStore

    path = tmp_path / "office.db"
    first = RecordStore(path, actor="a")
    ingest.add_documents(first, [ingest.DocumentInput(title="Sewer bond", text="sewer bond election", public=True)])
    assert Searcher(first.db, path).search("sewer").total == 1
    first.close()
    for suffix in ("", "-wal", "-shm"):
        if (tmp_path / f"office.db{suffix}").exists():
            (tmp_path / f"office.db{suffix}").unlink()
    second = RecordStore(path, actor="b")  # a new store at the same path, the old index still beside it
    ingest.add_documents(second, [ingest.DocumentInput(title="Park lease", text="park lease renewal", public=True)])
    searcher = Searcher(second.db, path)
    assert searcher.search("sewer").total == 0
    assert searcher.search("park").total == 1
    second.close()


def test_long_phrases_in_titles_and_texts(loaded_store):
    searcher = Searcher(loaded_store.db, loaded_store.path)
    hits = searcher.search('"quorum; voting"', kind="by-laws").hits
    assert hits and hits[0].label == "By-Laws Sec. 2.130"
    three = searcher.search('"joint powers agreement"')
    assert three.total >= 1
    assert searcher.search('"agreement powers joint"').total == 0


def test_one_document_issued_in_several_formats_is_one_hit(loaded_store):
    store = loaded_store
    searcher = Searcher(store.db, store.path)
    entry = {"kind": "agenda", "title": "Agenda of the wallabyfern meeting",
             "sources": '["meetings:cvcrma-board-2026-12-03"]', "actor": "test"}
    with store.transaction():
        store.insert("issued", {**entry, "sha256": "a" * 64, "issued_at": "2026-11-20T00:00:00Z"})
        store.insert("issued", {**entry, "sha256": "b" * 64, "issued_at": "2026-11-20T00:00:01Z"})
    hits = searcher.search("wallabyfern").hits
    assert len(hits) == 1
    newest = store.db.execute("select max(id) from issued where title = ?", [entry["title"]]).fetchone()[0]
    assert hits[0].id == f"issued:{newest}"
    with store.transaction():  # a later re-issue retires the earlier hit
        store.insert("issued", {**entry, "sha256": "c" * 64, "issued_at": "2026-11-21T00:00:00Z"})
    hits = searcher.search("wallabyfern").hits
    assert len(hits) == 1 and hits[0].id == f"issued:{newest + 1}"
