"""``govdocs amendment ...`` and ``govdocs ratification ...`` on the example records."""

from __future__ import annotations

import json
import re

import docx
import pytest

from govdocs import legaltext as lt
from govdocs.store import agreements as A
from govdocs.store.loader import load

from conftest import RECORDS

AM = "cvcrma-2026-1"


@pytest.fixture
def loaded(store):
    load(store, [RECORDS])
    return store


def test_status_json_shows_the_example_state(invoke, loaded):
    data = json.loads(invoke(["ratification", "status", AM, "--json"]).stdout)
    assert data["status"] == "pending"
    assert data["rule"] == "6-of-8" and data["required"] == 6
    assert data["approved"] == ["City of Arbor Vista", "City of Bellhaven", "City of Cedar Glen"]
    assert data["rejected"] == ["City of Driftwood Bay"]
    assert data["pending"] == ["City of Encina Springs", "City of Foxhollow",
                               "City of Granite Ridge", "City of Harbor Mesa"]
    assert data["effective_on"] is None and data["filing_due_on"] is None
    av = next(m for m in data["members_detail"] if m["id"] == "arbor-vista")
    assert av["resolution"]["id"] == "arbor-vista-2026-41"


def test_status_text(invoke, loaded):
    out = invoke(["ratification", "status", AM]).stdout
    assert out.splitlines()[:2] == ["cvcrma-2026-1: PENDING (6-of-8, 6 needed)",
                                    "Pending: 3 of 6 approvals needed; 4 members have not acted."]


def test_record_until_ratified(invoke, loaded):
    invoke(["ratification", "record", AM, "encina-springs", "--approved", "--on", "2026-10-27"])
    invoke(["ratification", "record", AM, "Foxhollow", "--rejected", "--on", "2026-11-03",
            "--resolution", "2026-88"])
    out = invoke(["ratification", "record", AM, "granite-ridge", "--approved", "--on",
                  "2026-11-10", "--copy-received", "2026-11-13"]).stdout
    assert "Status: pending. Pending: 5 of 6" in out
    out = invoke(["ratification", "record", AM, "harbor-mesa", "--approved", "--on",
                  "2026-11-17"]).stdout
    assert out.splitlines() == [
        "Recorded: harbor-mesa approved on 2026-11-17.",
        "Status: ratified. Ratified on 2026-11-17: approval of 6 of the 8 member agencies was "
        "met. Effective 2026-11-17.",
        "Notice of amendment due to the Secretary of State by 2026-12-17 (Gov. Code 6503.5)."]
    data = json.loads(invoke(["ratification", "status", AM, "--json"]).stdout)
    assert (data["status"], data["effective_on"], data["filing_due_on"]) == (
        "ratified", "2026-11-17", "2026-12-17")
    assert data["rejected"] == ["City of Driftwood Bay", "City of Foxhollow"]


def test_record_errors(invoke, loaded):
    result = invoke(["ratification", "record", AM, "arbor-vista", "--approved", "--on",
                     "2026-11-01"], expect=3)
    assert "City of Arbor Vista's action is already recorded: approved on 2026-10-06" in result.stderr
    result = invoke(["ratification", "record", AM, "atlantis", "--approved", "--on", "2026-11-01"],
                    expect=4)
    assert "'atlantis' is not a member agency" in result.stderr
    result = invoke(["ratification", "record", AM, "foxhollow", "--on", "2026-11-01"], expect=2)
    assert "--approved or --rejected" in result.stderr
    result = invoke(["ratification", "record", AM, "foxhollow", "--approved", "--on", "2026-11-05",
                     "--copy-received", "2026-11-01"], expect=2)
    assert "certified copy cannot arrive" in result.stderr


def test_amendment_show(invoke, loaded):
    out = invoke(["amendment", "show", AM]).stdout
    assert "  6. cvcrma-bylaws: Sec. 9.100 is renumbered Sec. 16.100" in out
    assert out.rstrip().endswith("Status: pending. Pending: 3 of 6 approvals needed; "
                                 "4 members have not acted.")


def test_redline_text(invoke, loaded):
    out = invoke(["amendment", "redline", AM, "--changed-only"]).stdout
    assert "losses in the [-five-]{+seven+} years before." in out
    assert "Sec. [-9.100-]{+16.100+} EFFECTIVE DATE" in out
    assert "[-(b)-] [-The Board may levy an assessment" in out
    assert "{+(c)+} {+A city that joins after" in out


def _expected(store, kind):
    words = []
    for _, before, after in A.before_and_after(store, AM):
        for b in lt.redline(before, after, whole=True):
            for s in b.head + b.body:
                if s.kind == kind:
                    words += s.text.split()
    return words


def test_redline_docx_marks_exactly_the_changed_words(invoke, loaded, tmp_path):
    out = tmp_path / "redline.docx"
    invoke(["amendment", "redline", AM, "--out", out])
    d = docx.Document(str(out))
    runs = [r for p in d.paragraphs for r in p.runs]
    struck = [w for r in runs if r.font.strike for w in r.text.split()]
    underlined = [w for r in runs if r.font.underline for w in r.text.split()]
    assert struck == _expected(loaded, "del")
    assert underlined == _expected(loaded, "ins")
    assert "five" in struck and "seven" in underlined and "16.100" in underlined
    assert "writing" in struck and "sixth" in underlined
    assert not [r for r in runs if r.font.strike and r.font.underline]
    text = "\n".join(p.text for p in d.paragraphs)
    assert "PROPOSED REVISIONS" in text and "ARTICLE 8. EFFECTIVE DATE" in text
    row = loaded.db.execute("select kind, template from issued where path = ?",
                            [str(out.resolve())]).fetchone()
    assert row == ("redline", "redline.docx")


def test_redline_html_has_del_and_ins(invoke, loaded, tmp_path):
    out = tmp_path / "redline.html"
    invoke(["amendment", "redline", AM, "--out", out])
    html = out.read_text(encoding="utf-8")
    assert "<del>five</del><ins>seven</ins>" in html
    assert "Sec. <del>9.100</del><ins>16.100</ins> EFFECTIVE DATE" in html
    deleted = [w for t in re.findall(r"<del>(.*?)</del>", html) for w in t.split()]
    inserted = [w for t in re.findall(r"<ins>(.*?)</ins>", html) for w in t.split()]
    assert deleted == _expected(loaded, "del")
    assert [w.replace("&#39;", "'") for w in inserted] == _expected(loaded, "ins")
    result = invoke(["amendment", "redline", AM, "--out", tmp_path / "r.pdf"], expect=2)
    assert "cannot write a 'pdf' file" in result.stderr


def test_amendment_new_from_changes_file(invoke, loaded, tmp_path):
    changes = tmp_path / "changes.toml"
    changes.write_text('[[change]]\naction = "substitute"\ntarget = "Sec. 7.110(a)(1)"\n'
                       'text = "within sixty days after it pays the loss;"\n\n'
                       '[[change]]\naction = "repeal"\ntarget = "Sec. 7.110(b)"\n',
                       encoding="utf-8")
    out = invoke(["amendment", "new", "cvcrma-2027-1", "--changes", changes, "--agreement",
                  "cvcrma-bylaws", "--authority", "cvcrma", "--title", "Amendment No. 2027-1",
                  "--proposed-on", "2027-01-21", "--rule", "two-thirds",
                  "--effective", "30 days after ratification"]).stdout
    assert out == "Proposed cvcrma-2027-1: Amendment No. 2027-1 (two-thirds).\n"
    red = invoke(["amendment", "redline", "cvcrma-2027-1", "--changed-only"]).stdout
    assert "within [-thirty-]{+sixty+} days" in red
    bad = tmp_path / "bad.toml"
    bad.write_text('[[change]]\naction = "repeal"\ntarget = "Sec. 7.110(q)"\n', encoding="utf-8")
    result = invoke(["amendment", "new", "cvcrma-2027-2", "--changes", bad, "--agreement",
                     "cvcrma-bylaws", "--authority", "cvcrma", "--title", "X", "--proposed-on",
                     "2027-01-21", "--rule", "majority"], expect=4)
    assert "Sec. 7.110(q) does not exist" in result.stderr
    result = invoke(["amendment", "new", "cvcrma-2027-3", "--changes", changes, "--agreement",
                     "cvcrma-bylaws", "--authority", "cvcrma", "--title", "X", "--proposed-on",
                     "2027-01-21", "--rule", "most"], expect=2)
    assert "unknown ratification rule 'most'" in result.stderr


def test_report_in_three_formats(invoke, loaded, tmp_path):
    for name in ("status.docx", "status.md", "status.html"):
        invoke(["ratification", "report", AM, "--out", tmp_path / name])
    md = (tmp_path / "status.md").read_text(encoding="utf-8")
    assert "**Status: PENDING.**" in md
    assert "| City of Arbor Vista | approved | 2026-10-06 | 2026-41 | 4-0, 1 absent | 2026-10-09 |" in md
    assert "Three more approvals are needed." in md
    assert "<table>" in (tmp_path / "status.html").read_text(encoding="utf-8")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "status.docx")).paragraphs)
    assert "Status: PENDING." in text


def test_model_resolution_and_letter_for_every_member(invoke, loaded, tmp_path):
    out = invoke(["ratification", "model-resolution", AM, "--out", tmp_path / "mr"]).stdout
    assert out.count("Wrote ") == 8
    for m in A.members_for(loaded, AM):
        d = docx.Document(str(tmp_path / "mr" / f"model-resolution-{m.id}.docx"))
        text = "\n".join(p.text for p in d.paragraphs)
        council = loaded.rows("bodies", "organization = ? and kind = 'council'", [m.id])[0]
        assert council["name"].upper() in text
        assert f"WHEREAS, the {m.name} is a member agency of the Costa Verde Cities" in text
        assert "six of the eight member agencies" in text
        assert "Sec. 9.100 is renumbered Sec. 16.100" in text
    invoke(["ratification", "letter", AM, "foxhollow", "--out", tmp_path / "letter.docx"])
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "letter.docx")).paragraphs)
    assert "Dear Miriam Tso:" in text and "August Lindgren" in text
    invoke(["ratification", "model-resolution", AM, "foxhollow", "--out", tmp_path / "f.md"])
    assert "CITY COUNCIL OF THE CITY OF FOXHOLLOW" in (tmp_path / "f.md").read_text(encoding="utf-8")
