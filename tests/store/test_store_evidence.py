"""Records are evidence: atomic, idempotent, immutable once adopted, audited."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from conftest import RECORDS
from govdocs.errors import ImmutableRecord
from govdocs.store import RecordStore
from govdocs.store.loader import load


def test_loading_twice_changes_nothing_and_writes_no_audit(store):
    first = load(store, [RECORDS])
    assert first.changed > 0
    counts = store.row_counts()
    second = load(store, [RECORDS])
    assert second.changed == 0
    assert store.row_counts() == counts


def test_a_transaction_is_all_or_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert("people", {"id": "a", "name": "A"})
            raise RuntimeError("power cut")
    assert store.find("people", "a") is None
    assert store.row_counts()["audit"] == 0


def test_writes_outside_a_transaction_are_refused(store):
    with pytest.raises(RuntimeError, match="inside store.transaction"):
        store.insert("people", {"id": "a", "name": "A"})


def test_every_write_is_audited_with_before_and_after(store):
    with store.transaction():
        store.insert("people", {"id": "a", "name": "Ann"})
        store.update("people", "a", {"name": "Anne"})
        store.delete("people", "a")
    entries = store.rows("audit", order_by="id")
    assert [e["action"] for e in entries] == ["insert", "update", "delete"]
    assert all(e["actor"] == "test-clerk" for e in entries)
    assert json.loads(entries[1]["before"])["name"] == "Ann"
    assert json.loads(entries[1]["after"])["name"] == "Anne"
    assert entries[2]["after"] is None
    assert entries[1]["prev_hash"] == entries[0]["hash"]
    assert store.verify_audit().ok


def test_adopted_resolution_cannot_be_changed_even_by_raw_sql(loaded_store, db_path):
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="adopted resolution cannot be changed"):
        raw.execute("update resolutions set title = 'x' where id = 'arbor-vista-2026-41'")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        raw.execute("delete from resolutions where id = 'arbor-vista-2026-41'")
    raw.close()
    with pytest.raises(ImmutableRecord):
        with loaded_store.transaction():
            loaded_store.update("resolutions", "arbor-vista-2026-41", {"title": "x"})


def test_cast_votes_cannot_be_changed_or_deleted_by_raw_sql(loaded_store, db_path):
    raw = sqlite3.connect(db_path)
    for sql in (
        "update vote_casts set option = 'no' where person = 'munoz-rosa'",
        "delete from vote_casts where person = 'munoz-rosa'",
        "update votes set outcome = 'failed'",
        "delete from votes",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute(sql)
    raw.close()


def test_a_draft_resolution_can_still_be_edited(loaded_store):
    with loaded_store.transaction():
        loaded_store.insert("resolutions", {"id": "d1", "body": "arbor-vista-council", "title": "Draft"})
        loaded_store.update("resolutions", "d1", {"title": "Better draft"})
    assert loaded_store.get("resolutions", "d1")["title"] == "Better draft"


def test_changing_an_adopted_resolution_in_its_file_is_refused(store, tmp_path):
    import shutil

    folder = tmp_path / "records"
    shutil.copytree(RECORDS, folder)
    load(store, [folder])
    counts = store.row_counts()
    path = folder / "resolutions" / "arbor-vista-2026-41.md"
    path.write_text(path.read_text().replace("Approving Amendments", "Approving Changes"))
    with pytest.raises(Exception, match="adopted resolution cannot be changed"):
        load(store, [folder])
    assert store.row_counts() == counts


def test_audit_tampering_is_detected_and_named(loaded_store, db_path):
    assert loaded_store.verify_audit().ok
    raw = sqlite3.connect(db_path)
    raw.execute("update audit set actor = 'mallory' where id = 7")
    raw.commit()
    raw.close()
    report = loaded_store.verify_audit()
    assert not report.ok and report.broken_id == 7
    assert "edited" in report.reason


def test_audit_entries_cannot_be_deleted(loaded_store, db_path):
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("delete from audit where id = 3")
    raw.close()


def test_store_pragmas(store):
    assert store.conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("pragma foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("pragma busy_timeout").fetchone()[0] >= 5000


def test_migrations_are_applied_once(db_path):
    first = RecordStore(db_path)
    assert "m0001_core" in first.migrations_applied
    first.close()
    again = RecordStore(db_path)
    assert again.migrations_applied == []
    again.close()


WRITER = textwrap.dedent("""
    import sys
    from govdocs.store import RecordStore
    store = RecordStore(sys.argv[1], actor=sys.argv[2])
    for i in range(int(sys.argv[3])):
        with store.transaction():
            store.insert("people", {"id": f"{sys.argv[2]}-{i}", "name": f"Person {i}"})
    store.close()
""")


@pytest.mark.slow
def test_two_processes_writing_at_once(db_path, tmp_path):
    RecordStore(db_path).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    procs = [
        subprocess.Popen([sys.executable, str(script), str(db_path), name, "150"], stderr=subprocess.PIPE)
        for name in ("alpha", "beta")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    store = RecordStore(db_path)
    assert store.row_counts()["people"] == 300
    report = store.verify_audit()
    assert report.ok and report.entries == 300
    store.close()


@pytest.mark.slow
def test_backup_while_another_process_writes(db_path, tmp_path):
    load_store = RecordStore(db_path)
    load(load_store, [RECORDS])
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    proc = subprocess.Popen([sys.executable, str(script), str(db_path), "gamma", "200"])
    out = load_store.backup(tmp_path / "backup.db")
    proc.wait(timeout=120)
    assert proc.returncode == 0
    copy = RecordStore(out)
    assert copy.verify_audit().ok
    assert copy.find("resolutions", "arbor-vista-2026-41") is not None
    copy.close()
    load_store.close()
