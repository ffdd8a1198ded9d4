"""The vocabulary of class specs: headings, salary lines, dates, chrome; diff;
and a property: any class survives Markdown and back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdocs.jobclass import (
    Item, JobClass, SalaryRange, Section, class_levels, find_date, heading_name,
    house_heading, is_chrome, parse_date, parse_salary_line,
)
from govdocs.jobclass_parse import label_field, parse_text
from govdocs.jobclass_text import diff_classes, to_markdown


@pytest.mark.parametrize("heading,name", [
    ("TYPICAL DUTIES", "duties"), ("Examples of Essential Duties", "duties"),
    ("Examples of Duties:", "duties"), ("Typical Work", "duties"),
    ("Knowledge of:", "knowledge"), ("Ability to", "abilities"),
    ("Supervision Exercised/Received", "supervision"),
    ("DISTINGUISHING CHARACTERISTICS AMONG RELATED CLASSES", "distinguishing_characteristics"),
    ("License or Certificate", "licenses"), ("Minimum Qualifications Guidelines", "qualifications"),
    ("Career Ladder Information", "career_ladder"), ("SPECIAL NOTE", "notes"),
    ("Class History", "history"), ("Physical Demands", "working_conditions"),
    ("Salary Range", "salary"), ("Examples of Important Duties", "duties"),
    ("Liability", None), ("Workers' Compensation", None), ("Bilingual Assignment", None),
])
def test_headings_and_their_synonyms(heading, name):
    assert heading_name(heading) == name


@pytest.mark.parametrize("line,expected", [
    ("$53.18-$72.51 Hourly", [(None, None, "53.18", "72.51", "hour", [])]),
    ("Monthly: $4,512 - $6,033", [(None, None, "4512.00", "6033.00", "month", [])]),
    ("Salary Range: M-36", [(None, "M-36", None, None, None, [])]),
    ("$110,240 to $148,866 annually", [(None, None, "110240.00", "148866.00", "year", [])]),
    ("$53.18-$72.51 Hourly / $9,217.87-$12,568.40 Monthly",
     [(None, None, "53.18", "72.51", "hour", []), (None, None, "9217.87", "12568.40", "month", [])]),
    ("Hourly $28.10 - $34.16 Monthly $4,870 - $5,921",
     [(None, None, "28.10", "34.16", "hour", []), (None, None, "4870.00", "5921.00", "month", [])]),
    ("Risk Analyst I, Range 42: $28.10 $29.51 $30.98 hourly",
     [("Risk Analyst I", "42", "28.10", "30.98", "hour", ["28.10", "29.51", "30.98"])]),
    ("Bi-Weekly | $2,729.60 | $2,866.40 | $3,009.60",
     [(None, None, "2729.60", "3009.60", "biweekly", ["2729.60", "2866.40", "3009.60"])]),
])
def test_salary_lines(line, expected):
    got = parse_salary_line(line)
    assert [(r.label, r.code, r.minimum, r.maximum, r.per, r.steps) for r in got] == expected


def test_prose_with_a_dollar_amount_is_not_a_salary_line():
    assert parse_salary_line("Reviews claims of up to $25,000 and recommends settlement.") is None
    assert parse_salary_line("Drives to sites.") is None


def test_a_salary_range_describes_itself_in_words_it_reads_back():
    r = SalaryRange(minimum="2311.20", maximum="2809.60", per="biweekly", code="A-21", label="Tech I")
    assert r.describe() == "Tech I, Range A-21: $2,311.20 – $2,809.60 bi-weekly"
    assert parse_salary_line(r.describe())[0] == r


@pytest.mark.parametrize("text,iso", [
    ("September 2011", "2011-09"), ("Sept. 2011", "2011-09"), ("March 3, 1989", "1989-03-03"),
    ("07/01/2009", "2009-07-01"), ("7/2021", "2021-07"), ("2025-07-01", "2025-07-01"),
    ("3 June 2020", "2020-06-03"), ("Revised 2019", None),
])
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_find_date_takes_the_first_date_in_a_line():
    assert find_date("Revised: July 1, 2009, Council action of 8/4/2009") == "2009-07-01"
    assert find_date("no date here") is None


@pytest.mark.parametrize("line,chrome", [
    ("Close Window : Print Page", True), ("TO EXPRESS INTEREST IN THIS POSITION, CLICK HERE", True),
    ("Home > Jobs > Class Specifications", True), ("Home » Human Resources » Specs", True),
    ("Print", True), ("Back to Top", True), ("Page 2 of 3", True),
    ("Prints reports for the claims board.", False), ("Home health aide visits", False),
])
def test_web_chrome(line, chrome):
    assert is_chrome(line) is chrome


def test_levels_of_a_two_level_class():
    assert class_levels("Risk Analyst I/II") == ["Risk Analyst I", "Risk Analyst II"]
    assert class_levels("Engineer I, II and III") == ["Engineer I", "Engineer II", "Engineer III"]
    assert class_levels("Claims Technician") == []


def test_header_labels_and_house_headings():
    assert label_field("Representation Unit") == "bargaining_unit"
    assert label_field("EEO-4 Category") == "eeo"
    assert label_field("Class No.") == "code"
    assert label_field("Favourite Colour") is None
    assert house_heading("DISTINGUISHING CHARACTERISTICS AMONG RELATED CLASSES") == \
        "Distinguishing Characteristics among Related Classes"
    assert house_heading("Knowledge of:") == "Knowledge of"
    assert house_heading("RISK ANALYST I/II") == "Risk Analyst I/II"


def test_unknown_labelled_header_fields_are_kept():
    jc = parse_text("Class Code: 9\nJob Family: Risk\n\nCLERK\n\nDEFINITION\n\nFiles.").job_class
    assert jc.fields == {"Job Family": "Risk"}


def test_diff_section_by_section():
    a = parse_text("CLERK\nClass Code: 1\n\nDEFINITION\n\nFiles papers.\n\nTYPICAL DUTIES\n\n"
                   "Files.\n\nSorts mail.\n").job_class
    b = parse_text("CLERK\nClass Code: 1\nFLSA: Non-exempt\n\nDEFINITION\n\nFiles papers.\n\n"
                   "TYPICAL DUTIES\n\nFiles.\n\nScans mail.\n\nSPECIAL NOTE\n\nNone.\n").job_class
    d = diff_classes(a, b)
    assert d.header == [("FLSA status", None, "Non-exempt")]
    assert [(s.name, s.change) for s in d.sections] == [("duties", "changed"), ("notes", "added")]
    assert "-- Sorts mail." in d.sections[0].lines and "+- Scans mail." in d.sections[0].lines
    assert diff_classes(a, a).same
    assert "~ section Typical Duties" in d.to_text()


# -- property: Markdown round trip ---------------------------------------------

_WORDS = ["claims", "insurance", "records", "reports", "the", "city", "reviews", "prepares",
          "liability", "safety", "budget", "and", "of", "coverage", "losses", "program"]
_sentence = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14).map(
    lambda ws: (" ".join(ws)).capitalize() + ".")
_item = st.builds(Item, text=_sentence, kind=st.sampled_from(["item", "paragraph"]),
                  level=st.just(0))
_sub = st.sampled_from(["Liability", "Workers' Compensation", "Education", "Either I"]).map(
    lambda t: Item(text=t, kind="subheading"))
_section_names = st.sampled_from([
    ("definition", "DEFINITION"), ("duties", "Examples of Duties"), ("knowledge", "Knowledge of"),
    ("abilities", "Ability to"), ("qualifications", "Minimum Qualifications"),
    ("licenses", "License or Certificate"), ("notes", "Notes"),
    ("bilingual_pay", "Bilingual Pay"),
])


@st.composite
def _sections(draw):
    name, heading = draw(_section_names)
    items = draw(st.lists(st.one_of(_item, _item, _sub), min_size=1, max_size=6))
    if name in ("duties", "knowledge", "abilities") and not any(i.kind == "item" for i in items):
        items = [Item(text=i.text, kind="item") if i.kind == "paragraph" else i for i in items]
    if items[-1].kind == "subheading":
        items.append(Item(text="Performs related work.", kind="item"))
    if draw(st.booleans()) and items[-1].kind == "item":  # a nested list under the last item
        items.append(Item(text=draw(_sentence), kind="item", level=1))
    return Section(name=name, heading=heading, items=items)


_amount = st.decimals(min_value=10, max_value=200000, places=2).map(lambda d: f"{d:.2f}")


@st.composite
def _salary(draw):
    lo, hi = sorted([draw(_amount), draw(_amount)], key=float)
    steps = sorted(draw(st.lists(_amount, min_size=3, max_size=6)), key=float) if draw(st.booleans()) else []
    if steps:
        lo, hi = steps[0], steps[-1]
    return SalaryRange(minimum=lo, maximum=hi, steps=steps, per=draw(st.sampled_from(["hour", "month", "year", "biweekly"])),
                       code=draw(st.sampled_from([None, "42", "M-36"])),
                       label=draw(st.sampled_from([None, "Analyst I"])))


@st.composite
def _classes(draw):
    return JobClass(
        title=draw(st.sampled_from(["Claims Technician", "RISK ANALYST I/II", "Safety Officer"])),
        code=draw(st.sampled_from(["1128", "RMA-110", "4417"])),
        agency=draw(st.sampled_from([None, "City of Arbor Vista"])),
        flsa=draw(st.sampled_from([None, "Exempt"])),
        salary=draw(st.lists(_salary(), max_size=2)),
        dates=draw(st.sampled_from([{}, {"revised": "2011-09"}, {"established": "1998-03-12"}])),
        sections=draw(st.lists(_sections(), min_size=1, max_size=5)),
    )


@settings(max_examples=150, deadline=None)
@given(_classes())
def test_any_class_survives_markdown_and_back(jc):
    again = parse_text(to_markdown(jc))
    assert again.job_class.to_dict() == jc.to_dict()
    assert again.coverage.ratio == 1.0


def test_house_headings_keep_acronyms_the_prose_uses():
    from govdocs.jobclass import acronyms

    keep = acronyms(["Manages the OCIP and the CCIP.", "ALL CAPS LINE IS NOT PROSE"])
    assert keep == frozenset({"OCIP", "CCIP"})
    assert house_heading("OCIP COORDINATOR", keep) == "OCIP Coordinator"
    assert house_heading("OCIP COORDINATOR") == "Ocip Coordinator"
