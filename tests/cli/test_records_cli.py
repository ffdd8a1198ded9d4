"""The spine's commands, run as a clerk would run them."""

from __future__ import annotations

import json
import sqlite3

import click

from conftest import RECORDS
from govdocs.cli import cli


def _leaf_commands(group, prefix=()):
    for name, command in group.commands.items():
        path = prefix + (name,)
        if isinstance(command, click.Group):
            yield path, command
            yield from _leaf_commands(command, path)
        else:
            yield path, command


def test_every_command_has_help_with_an_example(invoke):
    missing = []
    for path, command in _leaf_commands(cli):
        result = invoke([*path, "--help"])
        if "Example" not in result.output:
            missing.append(" ".join(path))
    assert missing == [], f"commands without an example in --help: {missing}"


def test_init_creates_the_store(invoke, db_path):
    result = invoke(["init"])
    assert result.output == f"Created {db_path} (schema: m0001_core" + result.output.split("m0001_core", 1)[1]
    assert db_path.exists()
    assert invoke(["init"]).output == f"{db_path} is up to date.\n"


def test_load_list_show(invoke):
    result = invoke(["load", RECORDS])
    assert result.output.startswith("Loaded ")
    assert "inserted" in result.output
    again = invoke(["load", RECORDS])
    assert "inserted" not in again.output and "updated" not in again.output
    listing = invoke(["list", "resolutions"]).output
    assert "arbor-vista-2026-41" in listing and "2026-41" in listing and "adopted" in listing
    rows = json.loads(invoke(["list", "people", "--json"]).output)
    assert {"id": "poe-clara", "name": "Clara Poe"}.items() <= rows[[r["id"] for r in rows].index("poe-clara")].items()
    shown = json.loads(invoke(["show", "vote", "arbor-vista-2026-41-adoption", "--json"]).output)
    assert shown["outcome"] == "carried"
    casts = {c["person"]: c["option"] for c in shown["_related"]["casts"]}
    assert casts["lee-marcus"] == "absent" and casts["munoz-rosa"] == "aye"
    text = invoke(["show", "resolution", "arbor-vista-2026-41"]).output
    assert "number" in text and "2026-41" in text and "WHEREAS" in text


def test_unknown_kind_and_key_are_clear_errors(invoke):
    invoke(["load", RECORDS])
    result = invoke(["list", "widgets"], expect=4)
    assert "unknown kind of record 'widgets'" in result.stderr
    result = invoke(["show", "resolution", "nope"], expect=4)
    assert "no resolution 'nope'" in result.stderr


def test_load_with_one_bad_file_exits_nonzero_and_changes_nothing(invoke, tmp_path, db_path):
    import shutil

    folder = tmp_path / "records"
    shutil.copytree(RECORDS, folder)
    (folder / "people" / "zz-bad.toml").write_text('[[person]]\nid = "x"\nname = "X"\nnickname = "Ex"\n')
    result = invoke(["load", folder], expect=1)
    assert f"{folder / 'people' / 'zz-bad.toml'}:4: field 'nickname': unknown field" in result.stderr
    conn = sqlite3.connect(db_path)
    counts = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0]
              for (t,) in conn.execute("select name from sqlite_master where type='table'")}
    conn.close()
    assert all(n == 0 for t, n in counts.items() if t != "_migrations"), counts


def test_audit_verify_names_the_edited_entry(invoke, db_path):
    invoke(["load", RECORDS])
    assert invoke(["audit", "verify"]).output.startswith("Audit chain intact:")
    conn = sqlite3.connect(db_path)
    conn.execute("update audit set after = replace(after, 'Clara Poe', 'Clara Pope') where key = 'poe-clara'")
    (entry,) = conn.execute("select id from audit where key = 'poe-clara'").fetchone()
    conn.commit()
    conn.close()
    result = invoke(["audit", "verify"], expect=1)
    assert f"Audit chain broken at entry {entry}" in result.stderr


def test_backup(invoke, tmp_path):
    invoke(["load", RECORDS])
    out = tmp_path / "copy.db"
    assert invoke(["backup", out]).output.endswith(f"to {out}.\n")
    conn = sqlite3.connect(out)
    assert conn.execute("select count(*) from resolutions").fetchone()[0] == 1
    conn.close()
    assert "already exists" in invoke(["backup", out], expect=1).stderr


def test_correct_resolution_keeps_both(invoke):
    invoke(["load", RECORDS])
    result = invoke(["correct", "resolution", "arbor-vista-2026-41", "--set", "title=Corrected title",
                     "--reason", "scrivener's error in the title"])
    assert "Recorded resolution arbor-vista-2026-41-c1, correcting arbor-vista-2026-41" in result.output
    old = json.loads(invoke(["show", "resolution", "arbor-vista-2026-41", "--json"]).output)
    new = json.loads(invoke(["show", "resolution", "arbor-vista-2026-41-c1", "--json"]).output)
    assert old["title"].startswith("A Resolution of the City Council")
    assert new["title"] == "Corrected title" and new["corrects"] == "arbor-vista-2026-41"
    assert old["_related"]["corrected_by"][0]["correction"] == "arbor-vista-2026-41-c1"
    assert invoke(["audit", "verify"]).exit_code == 0


def test_correct_vote_recomputes_the_outcome(invoke):
    invoke(["load", RECORDS])
    result = invoke(["correct", "vote", "arbor-vista-2026-41-adoption",
                     "--aye", "munoz-rosa", "--aye", "okafor-daniel", "--aye", "brandt-helen",
                     "--no", "raman-priya", "--absent", "lee-marcus", "--reason", "minutes corrected"])
    assert "arbor-vista-2026-41-adoption-c1" in result.output
    new = json.loads(invoke(["show", "vote", "arbor-vista-2026-41-adoption-c1", "--json"]).output)
    assert new["corrects"] == "arbor-vista-2026-41-adoption"
    assert new["outcome"] == "carried" and "3 ayes" in new["explanation"]
    bad = invoke(["correct", "vote", "arbor-vista-2026-41-adoption", "--aye", "munoz-rosa",
                  "--reason", "x"], expect=3)
    assert "does not account for" in bad.stderr


def test_actor_option_reaches_the_audit_log(invoke, db_path):
    invoke(["load", RECORDS, "--actor", "clara.poe"])
    conn = sqlite3.connect(db_path)
    actors = {a for (a,) in conn.execute("select distinct actor from audit")}
    conn.close()
    assert actors == {"clara.poe"}
