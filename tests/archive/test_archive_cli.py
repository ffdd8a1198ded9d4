import json
from pathlib import Path

from govdocs.store import RecordStore

REPO = Path(__file__).resolve().parents[2]
ARCHIVE = REPO / "records" / "archive"
PUBLIC_FILES = [str(p) for p in sorted(ARCHIVE.iterdir()) if p.is_file()]


def test_ingest_summary_and_no_op_again(invoke, db_path):
    first = invoke(["archive", "ingest", *PUBLIC_FILES, "--public"])
    assert first.stdout.splitlines()[0] == "3 added, 0 already in the archive, 0 could not be read"
    assert "Ingesting" not in first.output  # not a terminal: no progress bar
    again = invoke(["archive", "ingest", str(ARCHIVE), "--quiet", "--json"])  # the folder: one more (private/)
    report = json.loads(again.stdout)
    assert len(report["added"]) == 1 and len(report["duplicates"]) == 3


def test_ingest_reports_unreadable_and_goes_on(invoke, tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf at all")
    (tmp_path / "good.txt").write_text("NOTICE OF PUBLIC HEARING on sewer rates, March 3, 1990.")
    result = invoke(["archive", "ingest", str(tmp_path / "bad.pdf"), str(tmp_path / "good.txt")])
    lines = result.stdout.splitlines()
    assert lines[0] == "1 added, 0 already in the archive, 1 could not be read"
    assert lines[1].startswith(f"  skipped {tmp_path / 'bad.pdf'}: not a readable PDF")


def test_ingest_unknown_body_is_an_error(invoke):
    result = invoke(["archive", "ingest", str(ARCHIVE), "--body", "atlantis-council"], expect=4)
    assert "no body 'atlantis-council'" in result.stderr


def test_search_json_hits(invoke):
    invoke(["load", str(REPO / "records")])
    invoke(["archive", "ingest", *PUBLIC_FILES, "--public"])
    hits = json.loads(invoke(["search", "deductible", "--json"]).stdout)
    assert hits and {"id", "kind", "title", "number", "date", "snippet", "score"} <= set(hits[0])
    assert hits[0]["number"] == "81-14" and "<mark>deductible</mark>" in hits[0]["snippet"]
    fuzzy = json.loads(invoke(["search", "CVCRMA", "--fuzzy", "--json", "--kind", "resolution"]).stdout)
    assert any("<mark>CVCR4A</mark>" in h["snippet"] for h in fuzzy)
    by_year = json.loads(invoke(["search", "deductible", "--from", "1990", "--json"]).stdout)
    assert all((h["date"] or "9999") >= "1990" for h in by_year)
    text = invoke(["search", '"unbalanced (quote']).stdout
    assert text.startswith("0 found") or "found" in text.splitlines()[0]
    voted_no = json.loads(invoke(["search", "--voter", "Okafor", "--vote", "no", "--json"]).stdout)
    assert [h["number"] for h in voted_no] == ["81-14"]


def test_search_bad_years_is_invalid_input(invoke):
    result = invoke(["search", "budget", "--from", "1990", "--to", "1980"], expect=2)
    assert "after --to" in result.stderr


def test_publish_and_serve_errors(invoke, tmp_path, db_path):
    invoke(["load", str(REPO / "records")])
    store = RecordStore(db_path)
    with store.transaction():
        store.insert("resolutions", {"id": "draft-x", "body": "arbor-vista-council", "status": "draft",
                                     "title": "Draft on the quokkaberry levy"})
    store.close()
    out = tmp_path / "public.db"
    result = invoke(["publish", str(out)])
    assert result.stdout.startswith(f"Published {out}:")
    assert f"govdocs serve {out}" in result.stdout
    assert invoke(["publish", str(out)], expect=1).stderr.startswith("Error:")
    from govdocs.archive.publish import open_public
    from govdocs.archive.search import Searcher

    assert Searcher(open_public(out), out).search("quokkaberry").total == 0
    missing = invoke(["serve", str(tmp_path / "nope.db")], expect=4)
    assert "govdocs publish" in missing.stderr


def test_docx_and_closed_session(invoke, tmp_path, db_path):
    import docx

    document = docx.Document()
    document.add_paragraph("MINUTES OF THE SPECIAL MEETING")
    document.add_paragraph("The council met in closed session about the Vireo Street lease.")
    document.save(tmp_path / "closed.docx")
    result = invoke(["archive", "ingest", str(tmp_path / "closed.docx"), "--public", "--closed-session"])
    assert result.stdout.startswith("1 added")
    store = RecordStore(db_path)
    row = next(store.db.query("select kind, public, closed_session, text, media_type from documents"))
    store.close()
    assert (row["kind"], row["public"], row["closed_session"]) == ("minutes", 1, 1)
    assert "Vireo Street lease" in row["text"] and row["media_type"].endswith("document")
    out = tmp_path / "public.db"
    invoke(["publish", str(out)])
    from govdocs.archive.publish import open_public

    assert open_public(out).execute("select count(*) from documents").fetchone()[0] == 0


def test_search_facets_in_text(invoke):
    invoke(["load", str(REPO / "records")])
    invoke(["archive", "ingest", *PUBLIC_FILES, "--public"])
    lines = invoke(["search", "--voter", "Okafor", "--facets", "--sort", "date"]).stdout.splitlines()
    assert lines[0] == "2 found"
    assert "  kind: resolution 2" in lines
    assert any(line.startswith("  voter: ") and "Daniel Okafor 1" in line and "Okafor 1" in line for line in lines)
