"""Job classes in the store (revisions), the CLI, the documents and the book."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from conftest import RECORDS, requires_tool
from govdocs.errors import ImmutableRecord, InvalidInput, NotFound
from govdocs.jobclass_parse import parse_text
from govdocs.render import check_templates
from govdocs.store import jobclasses as lib
from govdocs.textfiles import read_text

FIXTURES = Path(__file__).parent / "fixtures"
SIX = [FIXTURES / f"{n}.txt" for n in ("capitals", "numbered", "salary_table", "titlecase",
                                        "unplaceable", "web_chrome")]


def _class(name="numbered.txt", change=None):
    text = (FIXTURES / name).read_text()
    if change:
        text = text.replace(*change)
    return parse_text(text)


def test_a_changed_spec_makes_a_new_revision_and_the_old_one_stays(store):
    first = _class()
    assert lib.save_job_class(store, first.job_class, agency="cvcrma").to_dict() == {
        "id": "cvcrma:RMA-110", "revision": 1, "status": "new"}
    assert lib.save_job_class(store, first.job_class, agency="cvcrma").status == "unchanged"
    changed = _class(change=("Three years", "Four years"))
    saved = lib.save_job_class(store, changed.job_class, agency="cvcrma", source="v2.txt",
                               coverage=changed.coverage)
    assert (saved.revision, saved.status) == (2, "revised")
    old, _ = lib.load_job_class(store, "RMA-110@1")
    new, rev = lib.load_job_class(store, "cvcrma:RMA-110")
    assert old.section("qualifications").items[0].text.startswith("Three years")
    assert new.section("qualifications").items[0].text.startswith("Four years")
    assert (rev["revision"], rev["source"], rev["coverage"]) == (2, "v2.txt", 1.0)
    assert [r["revision"] for r in lib.revisions(store, "RMA-110")] == [1, 2]
    assert store.get("job_classes", "cvcrma:RMA-110")["revision"] == 2
    audited = [r["table_name"] for r in store.rows("audit")]
    assert audited.count("job_class_revisions") == 2


def test_a_revision_cannot_be_changed_or_deleted(store):
    lib.save_job_class(store, _class().job_class, agency="cvcrma")
    with pytest.raises(ImmutableRecord):
        with store.transaction():
            store.update("job_class_revisions", "cvcrma:RMA-110@1", {"source": "edited"})
    with pytest.raises(ImmutableRecord):
        with store.transaction():
            store.delete("job_class_revisions", "cvcrma:RMA-110@1")


def test_looking_up_classes(store):
    jc = _class().job_class
    lib.save_job_class(store, jc, agency="cvcrma")
    lib.save_job_class(store, jc, agency="arbor-vista")
    with pytest.raises(InvalidInput, match="several agencies"):
        lib.resolve(store, "RMA-110")
    assert lib.resolve(store, "RMA-110", "arbor-vista") == ("arbor-vista:RMA-110", None)
    assert lib.resolve(store, "cvcrma:RMA-110@1") == ("cvcrma:RMA-110", 1)
    with pytest.raises(NotFound):
        lib.resolve(store, "9999")
    with pytest.raises(NotFound, match="no revision 7"):
        lib.load_job_class(store, "cvcrma:RMA-110@7")


def test_an_import_is_all_or_nothing(store, tmp_path):
    bad = tmp_path / "spec.rtf"
    bad.write_text("{\\rtf1 CLERK}")
    with pytest.raises(InvalidInput, match="cannot read a .rtf file"):
        lib.import_specs(store, [FIXTURES / "capitals.txt", bad], "cvcrma")
    assert store.rows("job_classes") == []


def test_the_agency_can_come_from_the_spec_header(loaded_store):
    results = lib.import_specs(loaded_store, [FIXTURES / "titlecase.txt"])
    assert results[0]["saved"]["id"] == "arbor-vista:2215"


def test_the_templates_use_only_what_the_builders_give():
    reports = check_templates(["jobclass", "jobclass-book"])
    assert [r.problems for r in reports] == [[], []]


# -- CLI -------------------------------------------------------------------------


def test_import_json_gives_the_parsed_structure(invoke):
    out = json.loads(invoke(["jobclass", "import", FIXTURES / "web_chrome.txt", "--json"]).stdout)
    assert (out["code"], out["title"]) == ("5120", "Risk Analyst I/II")
    assert out["salary"][0] == {"label": "Risk Analyst I", "code": None, "minimum": "6102.00",
                                "maximum": "7418.00", "per": "month", "steps": []}
    assert [s["name"] for s in out["sections"]][:3] == [
        "definition", "distinguishing_characteristics", "duties"]
    assert set(out["sections"][2]) == {"name", "heading", "items"}
    assert out["sections"][2]["items"][0] == {
        "kind": "item", "text": "Reviews insurance requirements in city contracts and recommends limits."}
    assert out["coverage"]["ratio"] == 1.0 and len(out["coverage"]["chrome"]) == 6
    assert out["saved"] is None


def test_import_reports_coverage_and_uncovered_lines(invoke):
    out = invoke(["jobclass", "import", FIXTURES / "unplaceable.txt", FIXTURES / "capitals.txt",
                  "--agency", "cvcrma"]).stdout
    assert "7003 PARK RANGER - 2 sections, coverage 80.0% - new, revision 1 of cvcrma:7003" in out
    assert "  not placed, line 6: These notes were typed by the retiring analyst" in out
    assert "4417 RISK AND BENEFITS ANALYST - 8 sections, coverage 100.0% - new" in out


def test_list_show_render_and_diff(invoke, tmp_path):
    invoke(["jobclass", "import", *SIX, "--agency", "cvcrma"])
    listed = invoke(["jobclass", "list", "--order", "title"]).stdout.splitlines()
    assert [line.split()[1] for line in listed] == ["RMA-110", "7003", "5120", "4417", "2215", "3302"]
    shown = invoke(["jobclass", "show", "2215"]).stdout
    assert "# Safety and Loss Control Coordinator" in shown and "## Knowledge of" in shown
    md = invoke(["jobclass", "render", "2215", "--format", "md"]).stdout
    assert parse_text(md).job_class.code == "2215"
    html = invoke(["jobclass", "render", "2215", "--format", "html"]).stdout
    assert "<h2>Supervision Received and Exercised</h2>" in html
    out = tmp_path / "2215.docx"
    invoke(["jobclass", "render", "2215", "--format", "docx", "--out", out])
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Safety and Loss Control Coordinator" in texts and "Sites and Facilities" in texts
    assert invoke(["jobclass", "render", "2215", "--format", "docx"], expect=2).exit_code == 2
    assert invoke(["jobclass", "show", "0000"], expect=4).exit_code == 4
    changed = tmp_path / "numbered.txt"
    changed.write_text((FIXTURES / "numbered.txt").read_text().replace("Three years", "Four years"))
    assert "revised, revision 2" in invoke(["jobclass", "import", changed, "--agency", "cvcrma"]).stdout
    diff = invoke(["jobclass", "diff", "RMA-110@1", "RMA-110@2"]).stdout
    assert diff.splitlines() == [
        "~ section Minimum Qualifications", "    @@ -1 +1 @@",
        "    -Three years of experience adjusting liability claims, public entity experience preferred.",
        "    +Four years of experience adjusting liability claims, public entity experience preferred."]
    between = json.loads(invoke(["jobclass", "diff", "4417", FIXTURES / "capitals.txt", "--json"]).stdout)
    assert between["same"] is True


def test_the_book_has_contents_in_order_and_every_class(invoke, tmp_path):
    invoke(["jobclass", "import", *SIX, "--agency", "cvcrma"])
    out = tmp_path / "book.docx"
    invoke(["jobclass", "book", "--agency", "cvcrma", "--out", out, "--order", "title"])
    text = read_text(out)
    contents = text.split("## Contents", 1)[1]
    titles = ["Liability Claims Adjuster", "Park Ranger", "Risk Analyst I/II",
              "Risk and Benefits Analyst", "Safety and Loss Control Coordinator",
              "Workers' Compensation Claims Examiner"]
    positions = [contents.index(t) for t in titles]
    assert positions == sorted(positions)
    assert all(text.count("## " + t) == 1 for t in titles)  # each class has its own page
    assert text.count("### Definition") == 5 and "### Purpose of the Class" in text
    assert invoke(["jobclass", "book", "--agency", "nobody", "--out", out], expect=4).exit_code == 4


@pytest.mark.libreoffice
def test_the_book_as_pdf(invoke, tmp_path):
    requires_tool("libreoffice")
    invoke(["jobclass", "import", FIXTURES / "numbered.txt", FIXTURES / "capitals.txt",
            "--agency", "cvcrma"])
    out = invoke(["jobclass", "book", "--agency", "cvcrma", "--out", tmp_path / "book.pdf"]).stdout
    assert out.splitlines() == [f"Wrote {tmp_path / 'book.docx'}", f"Wrote {tmp_path / 'book.pdf'}"]
    text = read_text(tmp_path / "book.pdf")
    assert "Liability Claims Adjuster" in text and "Risk and Benefits Analyst" in text


def test_every_example_record_imports_whole():
    folder = RECORDS / "jobclasses"
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".markdown"))
    assert len(files) >= 7
    for path in files:
        result = parse_text(read_text(path))
        assert result.coverage.ratio == 1.0, (path, result.coverage.uncovered)
        assert result.job_class.code and result.job_class.title


@pytest.mark.parametrize("name", ["capitals.txt", "titlecase.txt", "numbered.txt", "salary_table.txt",
                                  "web_chrome.txt", "twolevel.md"])
def test_a_class_rendered_as_docx_imports_back_with_the_same_content(name, tmp_path):
    from govdocs.jobclass_render import render_class

    first = parse_text((FIXTURES / name).read_text()).job_class
    path = tmp_path / "class.docx"
    path.write_bytes(render_class(first, "docx"))
    again = parse_text(read_text(path))
    assert again.coverage.ratio == 1.0
    back = again.job_class

    def content(jc):
        return [(s.name, [(i.kind, i.text, i.level) for i in s.items]) for s in jc.sections]

    assert content(back) == content(first)
    assert (back.code, back.salary, back.dates, back.flsa, back.eeo, back.bargaining_unit) == (
        first.code, first.salary, first.dates, first.flsa, first.eeo, first.bargaining_unit)


def test_the_agency_must_be_a_known_organization_once_there_are_any(loaded_store):
    with pytest.raises(NotFound, match="no organization 'arbor-vist'"):
        lib.save_job_class(loaded_store, _class().job_class, agency="arbor-vist")
    assert lib.save_job_class(loaded_store, _class().job_class, agency="arbor-vista").status == "new"
