"""Importing class specifications in many agency styles, from text, DOCX and PDF."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govdocs.jobclass_parse import parse_text
from govdocs.jobclass_text import diff_classes, to_markdown
from govdocs.textfiles import read_text

from jobclass_docs import libreoffice_pdfs, logical_lines, make_docx, soffice
from pdfmaker import make_pdf

FIXTURES = Path(__file__).parent / "fixtures"
STYLES = ["capitals", "titlecase", "numbered", "salary_table", "web_chrome", "twolevel",
          "state_series", "tabbed_fields"]


def fixture(name: str) -> Path:
    return next(FIXTURES.glob(name + ".*"))


# What each agency style must give: code, title, agency and the sections in order.
EXPECTED = {
    "capitals": ("4417", "RISK AND BENEFITS ANALYST", "HARBOR UNION HIGH SCHOOL DISTRICT",
                 ["definition", "duties", "distinguishing_characteristics", "supervision",
                  "knowledge", "abilities", "qualifications", "notes"]),
    "titlecase": ("2215", "Safety and Loss Control Coordinator", "City of Arbor Vista",
                  ["definition", "supervision", "duties", "duties", "knowledge", "skills",
                   "abilities", "qualifications", "licenses", "working_conditions"]),
    "numbered": ("RMA-110", "LIABILITY CLAIMS ADJUSTER", "COSTA VERDE CITIES RISK MANAGEMENT AUTHORITY",
                 ["definition", "duties", "knowledge", "qualifications", "licenses",
                  "working_conditions"]),
    "salary_table": ("3302", "Workers' Compensation Claims Examiner", "CITY OF BELLHAVEN",
                     ["definition", "duties", "knowledge", "qualifications", "licenses", "history"]),
    "web_chrome": ("5120", "Risk Analyst I/II", "City of Cedar Glen",
                   ["definition", "distinguishing_characteristics", "duties",
                    "bilingual_assignment", "qualifications"]),
    "twolevel": ("1040", "Accounting Technician I/II", "City of Driftwood Bay",
                 ["definition", "duties", "qualifications", "career_ladder"]),
    "state_series": ("4690", "RISK MANAGEMENT SPECIALIST SERIES", None,
                     ["definition", "definition", "risk_management_specialist_i",
                      "risk_management_specialist_ii", "qualifications", "knowledge", "abilities",
                      "special_personal_characteristics", "qualifications"]),
    "tabbed_fields": ("61230", "Safety Officer", "County of Costa Verde",
                      ["definition", "duties", "qualifications", "working_conditions"]),
}


@pytest.mark.parametrize("style", STYLES)
def test_each_style_gives_its_header_and_sections_with_full_coverage(style):
    result = parse_text(fixture(style).read_text())
    jc = result.job_class
    code, title, agency, names = EXPECTED[style]
    assert (jc.code, jc.title, jc.agency) == (code, title, agency)
    assert [s.name for s in jc.sections] == names
    assert result.coverage.ratio == 1.0, result.coverage.uncovered
    assert result.coverage.uncovered == []


def test_capitals_style_reads_unmarked_lists_and_either_or_patterns():
    jc = parse_text(fixture("capitals").read_text()).job_class
    assert jc.department == "CLASSIFIED PERSONNEL OFFICE"
    assert jc.designation == "Classified-Confidential"
    assert len(jc.section("duties").items) == 5
    assert all(i.kind == "item" for i in jc.section("knowledge").items)
    quals = jc.section("qualifications").items
    assert [i.text for i in quals if i.kind == "subheading"] == [
        "EITHER I", "Education", "Experience", "OR II", "Education", "Experience"]
    assert quals[2].text.startswith("Graduation from an accredited four-year college with major work in business")


def test_title_case_style_reads_fields_salary_subgroups_and_bullets():
    jc = parse_text(fixture("titlecase").read_text()).job_class
    assert jc.flsa == "Exempt" and jc.eeo == "Professionals"
    assert jc.bargaining_unit == "Arbor Vista Mid-Management Association"
    assert jc.department == "Human Resources Department"
    assert [r.to_dict() for r in jc.salary] == [{"label": None, "code": None, "minimum": "53.18",
                                                "maximum": "72.51", "per": "hour", "steps": []}]
    duties = jc.section("duties")
    assert [i.text for i in duties.items if i.kind == "subheading"] == ["Sites and Facilities", "Training"]
    assert duties.items[0].text.endswith("with the responsible department.")
    assert jc.sections_named("duties")[1].heading == "Marginal Duties"


def test_numbered_style_reads_several_fields_on_a_line_run_in_headings_and_sub_items():
    jc = parse_text(fixture("numbered").read_text()).job_class
    assert (jc.flsa, jc.bargaining_unit) == ("Non-exempt", "Unrepresented")
    assert jc.dates == {"established": "2004-07-01"}
    assert jc.section("definition").items[0].text.startswith("Under general supervision")
    items = jc.section("duties").items
    assert [(i.level, i.text[:12]) for i in items[1:5]] == [
        (0, "Investigates"), (1, "taking recor"), (1, "obtaining po"), (1, "visiting the")]
    assert jc.section("licenses").items[0].text == "Possession of a valid California driver's license."


def test_salary_table_style_reads_steps_per_period_and_dated_history():
    jc = parse_text(fixture("salary_table").read_text()).job_class
    assert [(r.code, r.per, r.steps[0], r.steps[-1]) for r in jc.salary] == [
        ("42", "hour", "34.12", "41.48"), ("42", "biweekly", "2729.60", "3318.40"),
        ("42", "month", "5914.13", "7189.87")]
    assert [h["date"] for h in jc.history] == ["1989-03-03", "2009-07-01", "2023-11-14"]
    assert jc.dates == {"established": "1989-03-03", "revised": "2023-11-14"}
    assert jc.eeo == "Technicians" and jc.flsa == "Non-Exempt"


def test_web_chrome_is_removed_and_listed_and_levels_get_their_salaries():
    result = parse_text(fixture("web_chrome").read_text())
    jc = result.job_class
    assert [t for _, t in result.coverage.chrome] == [
        "Skip to main content", "Home > Human Resources > Class Specifications > Risk Analyst I/II",
        "Close Window  :  Print Page", "Click here to apply for open positions in this class",
        "Back to Top", "Copyright 2026 City of Cedar Glen"]
    assert jc.levels == ["Risk Analyst I", "Risk Analyst II"]
    assert [(r.label, r.minimum, r.maximum, r.per) for r in jc.salary] == [
        ("Risk Analyst I", "6102.00", "7418.00", "month"), ("Risk Analyst II", "6728.00", "8178.00", "month")]
    assert jc.dates == {"revised": "2024-08"}
    unknown = jc.section("bilingual_assignment")
    assert unknown.heading == "Bilingual Assignment" and not unknown.known
    assert unknown.items[0].text.startswith("Positions designated bilingual")


def test_markdown_two_level_class_with_either_or():
    jc = parse_text(fixture("twolevel").read_text()).job_class
    assert [(r.label, r.code, r.per) for r in jc.salary] == [
        ("Accounting Technician I", "A-21", "biweekly"), ("Accounting Technician II", "A-25", "biweekly")]
    assert [i.text for i in jc.section("qualifications").items if i.kind == "subheading"] == ["Either I", "Or II"]
    assert jc.dates == {"effective": "2025-07-01"}


def test_a_state_series_with_levels_patterns_and_run_in_lists():
    jc = parse_text(fixture("state_series").read_text()).job_class
    assert jc.department == "STATE PERSONNEL BOARD"
    assert jc.dates == {"established": "1996-03-14", "revised": "2019-11"}
    assert jc.fields == {"Schematic Code": "XY12", "Title Changed": "--"}
    quals = jc.section("qualifications").items
    assert [(i.kind, i.text[:20]) for i in quals] == [
        ("subheading", "Risk Management Spec"), ("subheading", "Either I"), ("subheading", "Experience"),
        ("paragraph", "One year of experien"), ("subheading", "Or II"), ("subheading", "Education"),
        ("paragraph", "Equivalent to gradua")]
    assert [i.text for i in jc.section("knowledge").items] == [
        "Knowledge of", "Principles of insurance and risk financing; loss control methods."]
    assert jc.section("abilities").items[0].text == "Analyze data; reason logically; write clearly."


def test_tab_separated_header_fields_and_a_footer_date():
    jc = parse_text(fixture("tabbed_fields").read_text()).job_class
    assert (jc.title, jc.code, jc.bargaining_unit, jc.flsa) == ("Safety Officer", "61230", "15", "Exempt")
    assert [(r.minimum, r.maximum, r.per) for r in jc.salary] == [("4951.20", "6342.40", "biweekly")]
    assert jc.dates == {"revised": "2022-04"}
    assert len(jc.section("duties").items) == 3


def test_a_paragraph_the_model_cannot_place_is_reported_with_its_line_numbers():
    result = parse_text(fixture("unplaceable").read_text())
    assert result.coverage.lines == 10
    assert result.coverage.ratio == pytest.approx(0.8)
    assert [n for n, _ in result.coverage.uncovered] == [6, 7]
    assert result.coverage.uncovered[0][1].startswith("These notes were typed")
    assert result.job_class.title == "PARK RANGER"
    assert result.to_dict()["coverage"]["uncovered"][1]["line"] == 7


@pytest.mark.parametrize("style", STYLES + ["unplaceable"])
def test_round_trip_through_markdown_gives_the_same_record(style):
    first = parse_text(fixture(style).read_text()).job_class
    again = parse_text(to_markdown(first))
    assert again.job_class.to_dict() == first.to_dict(), diff_classes(first, again.job_class).to_text()
    assert again.coverage.ratio == 1.0


def _same(a, b):
    assert b.job_class.to_dict() == a.job_class.to_dict(), diff_classes(a.job_class, b.job_class).to_text()


@pytest.mark.parametrize("style", STYLES)
def test_import_from_docx_gives_the_same_record(style, tmp_path):
    text = fixture(style).read_text()
    path = make_docx(text, tmp_path / f"{style}.docx")
    from_docx = parse_text(read_text(path))
    _same(parse_text(text), from_docx)
    assert from_docx.coverage.ratio == 1.0


@pytest.mark.parametrize("style", STYLES)
def test_import_from_a_pdf_gives_the_same_record(style, tmp_path):
    text = fixture(style).read_text()
    path = tmp_path / f"{style}.pdf"
    make_pdf("\n".join(logical_lines(text)), path)
    from_pdf = parse_text(read_text(path))
    _same(parse_text(text), from_pdf)
    assert from_pdf.coverage.ratio == 1.0


@pytest.fixture(scope="module")
def libreoffice_pdfs_of_fixtures(tmp_path_factory):
    if not soffice():
        if os.environ.get("GOVDOCS_REQUIRE_ALL") == "1":
            pytest.fail("LibreOffice (soffice) is required (GOVDOCS_REQUIRE_ALL=1) but not installed")
        pytest.skip("LibreOffice (soffice) is not installed: cannot convert Word files to PDF")
    out = tmp_path_factory.mktemp("lo")
    docs = [make_docx(fixture(s).read_text(), out / f"{s}.docx") for s in STYLES]
    return dict(zip(STYLES, libreoffice_pdfs(docs, out)))


@pytest.mark.libreoffice
@pytest.mark.parametrize("style", STYLES)
def test_import_from_a_libreoffice_pdf_gives_the_same_record(style, libreoffice_pdfs_of_fixtures):
    from_pdf = parse_text(read_text(libreoffice_pdfs_of_fixtures[style]))
    _same(parse_text(fixture(style).read_text()), from_pdf)
    assert from_pdf.coverage.ratio == 1.0


SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not beside this checkout")
@pytest.mark.parametrize("name,code,names", [
    ("jobclass-lausd-2361-ocip-coordinator.txt", "2361",
     ["definition", "duties", "distinguishing_characteristics", "supervision", "qualifications",
      "knowledge", "abilities", "qualifications", "notes"]),
    ("jobclass-torrance-1128-claims-technician.txt", "1128",
     ["definition", "distinguishing_characteristics", "supervision", "duties", "duties",
      "qualifications", "knowledge", "abilities", "licenses", "qualifications",
      "special_requirements", "career_ladder"]),
])
def test_the_real_samples_import_whole(name, code, names):
    result = parse_text((SAMPLES / name).read_text())
    assert result.job_class.code == code
    assert [s.name for s in result.job_class.sections] == names
    assert result.coverage.ratio == 1.0
    again = parse_text(to_markdown(result.job_class))
    assert again.job_class.to_dict() == result.job_class.to_dict()
