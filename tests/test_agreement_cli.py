"""``govdocs agreement load|show|list``."""

from __future__ import annotations

import json

import pytest

from govdocs.store.loader import load

from conftest import RECORDS

PLAIN = """\
JOINT POWERS AGREEMENT OF THE TEST AUTHORITY

NOW, THEREFORE, the parties agree as follows:

ARTICLE 1. PURPOSE
The parties pool their risks.

ARTICLE 2. AMENDMENTS
(a) An amendment needs two-thirds of the members.
(b) Notice goes to each member.
"""


@pytest.fixture
def loaded(store):
    load(store, [RECORDS])
    return store


def test_list(invoke, loaded):
    out = invoke(["agreement", "list"]).stdout
    assert out.splitlines()[0].startswith("cvcrma-agreement  agreement  ")
    rows = json.loads(invoke(["agreement", "list", "--json"]).stdout)
    assert [r["id"] for r in rows] == ["cvcrma-agreement", "cvcrma-bylaws"]
    assert rows[0]["amendments"] == 1


def test_show_text_and_citation(invoke, loaded):
    out = invoke(["agreement", "show", "cvcrma-agreement"]).stdout
    assert out.startswith("Joint Exercise of Powers Agreement Creating the Costa Verde Cities")
    assert "\nARTICLE 6. AMENDMENTS\n\nNo amendment to this Agreement" in out
    out = invoke(["agreement", "show", "cvcrma-bylaws", "--cite", "Sec. 6.110"]).stdout
    assert out.startswith("Sec. 6.110 CONTRIBUTIONS\n")
    assert "(2) the member agency's losses in the five years before." in out
    data = json.loads(invoke(["agreement", "show", "cvcrma-bylaws", "--cite", "Sec. 7.110(a)(2)",
                              "--json"]).stdout)
    assert data == {"citation": "Sec. 7.110(a)(2)", "uid": "sec-7.110-a-2", "label": "2",
                    "heading": "", "text": "on the form the Board adopts; and"}


def test_show_as_of_after_ratification(invoke, loaded):
    for member, day in (("encina-springs", "2026-10-27"), ("foxhollow", "2026-11-03"),
                        ("granite-ridge", "2026-11-10")):
        invoke(["ratification", "record", "cvcrma-2026-1", member, "--approved", "--on", day])
    old = invoke(["agreement", "show", "cvcrma-bylaws", "--as-of", "2026-11-09",
                  "--cite", "Sec. 6.110(a)(2)"]).stdout
    new = invoke(["agreement", "show", "cvcrma-bylaws", "--as-of", "2026-11-10",
                  "--cite", "Sec. 6.110(a)(2)"]).stdout
    assert "five years" in old and "seven years" in new
    md = invoke(["agreement", "show", "cvcrma-bylaws", "--format", "markdown"]).stdout
    assert "## Sec. 16.100 EFFECTIVE DATE" in md and "Sec. 9.100" not in md


def test_citation_that_does_not_exist(invoke, loaded):
    result = invoke(["agreement", "show", "cvcrma-agreement", "--cite", "Art. 9"], expect=4)
    assert "Art. 9 does not exist: the agreement has no article 9" in result.stderr
    result = invoke(["agreement", "show", "nope"], expect=4)
    assert "no agreement 'nope'" in result.stderr


def test_load_plain_text(invoke, loaded, tmp_path):
    path = tmp_path / "test.txt"
    path.write_text(PLAIN, encoding="utf-8")
    result = invoke(["agreement", "load", path, "--id", "test-agreement", "--organization",
                     "cvcrma", "--scheme", "agreement", "--adopted", "2020-01-01"])
    assert result.stdout == "test-agreement: loaded.\n"
    again = invoke(["agreement", "load", path, "--id", "test-agreement", "--organization",
                    "cvcrma", "--scheme", "agreement", "--adopted", "2020-01-01"])
    assert again.stdout == "test-agreement: unchanged.\n"
    out = invoke(["agreement", "show", "test-agreement", "--cite", "Art. 2(b)"]).stdout
    assert out.startswith("Art. 2(b)  (b) Notice goes to each member.")
    result = invoke(["agreement", "load", path], expect=2)
    assert "--id, --organization and --scheme" in result.stderr


def test_load_record_file(invoke, store):
    load(store, [RECORDS / "organizations.toml"])
    result = invoke(["agreement", "load", RECORDS / "agreements" / "cvcrma-bylaws.md"])
    assert result.stdout.startswith("Loaded 1 records from 1 files")
