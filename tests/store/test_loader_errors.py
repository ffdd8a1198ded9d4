"""Bad record files get a clear error (file:line, field) and change nothing."""

from __future__ import annotations

import shutil

import pytest

from conftest import RECORDS
from govdocs.errors import RecordErrors
from govdocs.store.loader import load

GOOD_BODY = """
[[organization]]
id = "testville"
name = "City of Testville"
kind = "city"

[[person]]
id = "doe-jane"
name = "Jane Doe"

[[body]]
id = "testville-council"
organization = "testville"
name = "City Council of the City of Testville"
kind = "council"
seats = 3
"""


@pytest.fixture
def records_copy(tmp_path):
    target = tmp_path / "records"
    shutil.copytree(RECORDS, target)
    return target


def _snapshot(store):
    return store.row_counts()


def line_of(text, needle, nth=1):
    """The 1-based line of the nth line of ``text`` that contains ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1]


def _load_bad(store, folder, name, text, *, encoding="utf-8"):
    """Load the good records, then the folder with one bad file added."""
    load(store, [RECORDS])
    before = _snapshot(store)
    bad = folder / name
    bad.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        bad.write_bytes(text)
    else:
        bad.write_text(text, encoding=encoding)
    with pytest.raises(RecordErrors) as caught:
        load(store, [folder])
    assert _snapshot(store) == before, "a failed load must leave every table as it was"
    return str(caught.value), str(bad)


def test_invalid_toml_names_file_and_line(store, records_copy):
    message, path = _load_bad(store, records_copy, "zz/bad.toml", '[[person]]\nid = "x"\nname = "X\n')
    assert f"{path}:3:" in message
    assert "invalid TOML" in message


def test_unknown_field(store, records_copy):
    message, path = _load_bad(store, records_copy, "zz/bad.toml", '[[person]]\nid = "x"\nname = "X"\nbirthday = 1970-01-01\n')
    assert f"{path}:4: field 'birthday': unknown field" in message
    assert "one of: id, name" in message


def test_missing_required_field(store, records_copy):
    message, path = _load_bad(store, records_copy, "zz/bad.toml", '\n[[person]]\nid = "x"\n')
    assert f"{path}:2: field 'name': missing required field" in message


def test_wrong_type(store, records_copy):
    message, path = _load_bad(store, records_copy, "zz/bad.toml", GOOD_BODY.replace("seats = 3", 'seats = "three"'))
    assert "field 'seats': expected a whole number, got 'three'" in message
    assert f"{path}:{line_of(GOOD_BODY, 'seats =')}:" in message


def test_invalid_date(store, records_copy):
    text = GOOD_BODY + '\n[[seat]]\nbody = "testville-council"\nperson = "doe-jane"\nterm_start = "2024-13-01"\n'
    message, path = _load_bad(store, records_copy, "zz/bad.toml", text)
    assert f"{path}:{line_of(text, 'term_start')}: field 'term_start': invalid date '2024-13-01'" in message
    assert "YYYY-MM-DD" in message


def test_reference_to_missing_body(store, records_copy):
    text = '[[seat]]\nbody = "nowhere-council"\nperson = "munoz-rosa"\nterm_start = 2024-01-01\n'
    message, path = _load_bad(store, records_copy, "zz/bad.toml", text)
    assert f"{path}:2: field 'body': there is no record 'nowhere-council' in bodies" in message


def test_reference_to_missing_person(store, records_copy):
    text = GOOD_BODY + '\n[[seat]]\nbody = "testville-council"\nperson = "nobody"\nterm_start = 2024-01-01\n'
    message, path = _load_bad(store, records_copy, "zz/bad.toml", text)
    assert f"{path}:{line_of(text, 'nobody')}: field 'person': there is no record 'nobody' in people" in message


def test_duplicate_resolution_number_in_one_body(store, records_copy):
    text = (
        '+++\nkind = "resolution"\nid = "arbor-vista-dup"\nbody = "arbor-vista-council"\n'
        'number = "2026-41"\ntitle = "Another resolution"\n+++\n'
    )
    message, path = _load_bad(store, records_copy, "zz/dup.md", text)
    assert f"{path}:5: field 'number': resolution number 2026-41 is already used by arbor-vista-2026-41" in message


def test_one_person_in_two_seats_of_one_body_at_once(store, records_copy):
    text = ('[[seat]]\nbody = "arbor-vista-council"\nperson = "munoz-rosa"\nrole = "member"\n'
            'term_start = 2024-06-01\nterm_end = 2025-06-01\n')
    message, path = _load_bad(store, records_copy, "zz/bad.toml", text)
    assert f"{path}:5: field 'term_start': munoz-rosa already holds a seat on arbor-vista-council" in message


def test_more_seats_filled_than_the_body_has(store, records_copy):
    text = GOOD_BODY.replace("seats = 3", "seats = 1") + (
        '\n[[person]]\nid = "roe-richard"\nname = "Richard Roe"\n'
        '\n[[seat]]\nbody = "testville-council"\nperson = "doe-jane"\nterm_start = 2024-01-01\n'
        '\n[[seat]]\nbody = "testville-council"\nperson = "roe-richard"\nterm_start = 2024-02-01\n'
    )
    message, path = _load_bad(store, records_copy, "zz/bad.toml", text)
    assert "2 seats of testville-council would be filled on 2024-02-01, but the body has 1 seats" in message
    assert f"{path}:{line_of(text, 'term_start', 2)}: field 'term_start'" in message


def test_vote_cast_by_someone_without_a_seat_that_day(store, records_copy):
    # Teresa Gallo's term ended in 2024; she cannot vote at the 2026 meeting.
    vote = records_copy / "council-actions" / "arbor-vista-2026-10-06.toml"
    vote.write_text(vote.read_text().replace('absent = ["lee-marcus"]', 'absent = ["lee-marcus", "gallo-teresa"]'))
    load(store, [RECORDS / "organizations.toml", RECORDS / "people", RECORDS / "bodies"])
    before = _snapshot(store)
    with pytest.raises(RecordErrors) as caught:
        load(store, [records_copy])
    message = str(caught.value)
    text = vote.read_text()
    assert (
        f"{vote}:{line_of(text, 'gallo-teresa')}: field 'absent': "
        "gallo-teresa does not hold a seat on arbor-vista-council on 2026-10-06"
    ) in message
    assert _snapshot(store) == before


def test_roll_call_must_account_for_every_seated_member(store, records_copy):
    vote = records_copy / "council-actions" / "arbor-vista-2026-10-06.toml"
    vote.write_text(vote.read_text().replace('absent = ["lee-marcus"]', "absent = []"))
    with pytest.raises(RecordErrors) as caught:
        load(store, [records_copy])
    assert "does not account for lee-marcus" in str(caught.value)
    assert store.row_counts()["votes"] == 0


def test_file_that_is_not_utf8(store, records_copy):
    text = '[[person]]\nid = "x"\nname = "Mu\xf1oz"\n'.encode("latin-1")
    message, path = _load_bad(store, records_copy, "zz/latin1.toml", text)
    assert f"{path}:3: the file is not UTF-8 text" in message


def test_unknown_record_kind(store, records_copy):
    message, path = _load_bad(store, records_copy, "zz/bad.toml", '\n\n[[persn]]\nid = "x"\nname = "X"\n')
    assert f"{path}:3: unknown kind of record 'persn'" in message


def test_markdown_without_front_matter_and_unknown_section(store, records_copy):
    message, path = _load_bad(store, records_copy, "zz/bad.md", "# Just a heading\n")
    assert f"{path}:1:" in message and "front matter" in message
    text = '+++\nkind = "resolution"\nid = "r1"\nbody = "arbor-vista-council"\ntitle = "T"\n+++\n\n## Whereases\n\ntext\n'
    (records_copy / "zz" / "bad.md").unlink()
    message, path = _load_bad(store, records_copy, "zz/bad2.md", text)
    assert f"{path}:8: unknown section 'Whereases'" in message


def test_every_error_is_reported_at_once(store, tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.toml").write_text('[[person]]\nid = "a"\n')
    (folder / "b.toml").write_text('[[person]]\nid = "b"\nname = 3\n')
    with pytest.raises(RecordErrors) as caught:
        load(store, [folder])
    assert len(caught.value.errors) == 2
    assert store.row_counts()["people"] == 0


def test_invalid_bare_toml_date_names_the_field(store, records_copy):
    text = '[[seat]]\nbody = "arbor-vista-council"\nperson = "munoz-rosa"\nterm_start = 2024-02-30\n'
    message, path = _load_bad(store, records_copy, "zz/bad.toml", text)
    assert f"{path}:4: field 'term_start': invalid date 2024-02-30 (expected a date (YYYY-MM-DD))" in message
