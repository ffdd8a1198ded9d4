"""Resolution numbers: formats, resets by calendar or fiscal year, series."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from govdocs import numbering as n
from govdocs.errors import InvalidInput

D = dt.date


def test_formats_from_practice():
    assert n.format_number("{yy}-{seq}", 91, D(1979, 12, 3)) == "79-91"
    assert n.format_number("{yyyy}-{seq:03}", 15, D(2024, 5, 1)) == "2024-015"
    assert n.format_number("{seq}", 14263, D(2024, 5, 1)) == "14263"
    assert n.format_number("{yy}R-{seq}", 538, D(1978, 6, 1)) == "78R-538"
    assert n.format_number("{yy}{series}-{seq}", 538, D(1978, 6, 1), series="R") == "78R-538"
    assert n.format_number("{fy}-{seq}", 7, D(2025, 1, 15)) == "24-25-7"
    assert n.format_number("{fyyyy}-{seq:02}", 7, D(2025, 7, 1)) == "2025-26-07"
    assert n.format_number("Res. {yyyy}/{seq:04}", 3, D(2026, 1, 2)) == "Res. 2026/0003"


def test_padding_keeps_longer_numbers():
    assert n.format_number("{yyyy}-{seq:03}", 1234, D(2024, 1, 1)) == "2024-1234"
    assert n.parse_number("{yyyy}-{seq:03}", "2024-1234").seq == 1234


def test_next_number_counts_within_the_calendar_year():
    existing = ["79-89", "79-90", "78-200", "80-1"]
    assert n.next_number("{yy}-{seq}", existing, D(1979, 12, 3)) == "79-91"
    assert n.next_number("{yy}-{seq}", existing, D(1981, 1, 5)) == "81-1"
    assert n.next_number("{yyyy}-{seq:03}", [], D(2024, 1, 2)) == "2024-001"
    assert n.next_number("{yyyy}-{seq:03}", ["2024-014"], D(2024, 9, 9)) == "2024-015"


def test_next_number_uses_adoption_dates_when_given():
    existing = [("7", "2025-06-30"), ("8", "2025-07-01")]
    # fiscal year 2025-26 starts 07-01: only "8" is in it
    assert n.next_number("{fy}-{seq}", [("25-26-8", "2025-07-01"), ("24-25-40", "2025-06-30")],
                         D(2025, 9, 1), reset="fiscal-year") == "25-26-9"
    assert n.next_number("{seq}", existing, D(2025, 9, 1), reset="never") == "9"


def test_fiscal_year_reset_with_body_start():
    existing = ["24-25-40", "25-26-3"]
    assert n.next_number("{fy}-{seq}", existing, D(2025, 6, 30), reset="fiscal-year") == "24-25-41"
    assert n.next_number("{fy}-{seq}", existing, D(2025, 7, 1), reset="fiscal-year") == "25-26-4"
    # a body whose fiscal year starts on October 1
    assert n.fiscal_year(D(2025, 9, 30), "10-01") == 2024
    assert n.fiscal_year(D(2025, 10, 1), "10-01") == 2025
    assert n.next_number("{fyyyy}-{seq}", [], D(2025, 10, 1), reset="fiscal-year",
                         fiscal_year_start="10-01") == "2025-26-1"


def test_running_count_never_resets():
    assert n.next_number("{seq}", ["14261", "14262"], D(2030, 1, 1), reset="never") == "14263"
    assert n.next_number("{yy}R-{seq}", ["77R-537"], D(1978, 1, 3), reset="never") == "78R-538"


def test_series_are_counted_separately():
    existing = ["78R-538", "78O-12"]
    assert n.next_number("{yy}{series}-{seq}", existing, D(1978, 2, 1), reset="never", series="R") == "78R-539"
    assert n.next_number("{yy}{series}-{seq}", existing, D(1978, 2, 1), reset="never", series="O") == "78O-13"
    with pytest.raises(InvalidInput, match="series"):
        n.next_number("{yy}{series}-{seq}", existing, D(1978, 2, 1), reset="never")


def test_other_formats_and_start_and_gaps():
    # numbers in another format (older books) are ignored
    assert n.next_number("{yyyy}-{seq:03}", ["79-91", "CC RES 2024-0918"], D(2024, 3, 1)) == "2024-001"
    assert n.next_number("{seq}", [], D(2024, 3, 1), reset="never", start=14263) == "14263"
    # the next number is after the highest, gaps are not filled
    assert n.next_number("{yy}-{seq}", ["79-1", "79-5"], D(1979, 3, 1)) == "79-6"


@pytest.mark.parametrize("fmt, reset, message", [
    ("{yy}-", "calendar-year", "no {seq}"),
    ("{yy}-{seq}-{seq}", "calendar-year", "appears twice"),
    ("{year}-{seq}", "calendar-year", "unknown field"),
    ("{yy:02}-{seq}", "calendar-year", "only {seq} can be padded"),
    ("{seq}", "calendar-year", "numbers would repeat"),
    ("{yy}-{seq}", "fiscal-year", "numbers would repeat"),
    ("{yy}-{seq", "calendar-year", "unexpected brace"),
    ("", "never", "format is needed"),
    ("{seq}", "monthly", "unknown numbering reset"),
])
def test_bad_formats(fmt, reset, message):
    with pytest.raises(InvalidInput, match=message.replace("{", r"\{").replace("}", r"\}")):
        n.next_number(fmt, [], D(2024, 1, 1), reset=reset)


def test_bad_fiscal_start():
    with pytest.raises(InvalidInput, match="MM-DD"):
        n.fiscal_year(D(2024, 1, 1), "July 1")
    with pytest.raises(InvalidInput, match="not a day"):
        n.fiscal_year(D(2024, 1, 1), "02-30")


FORMATS = [("{yy}-{seq}", "calendar-year"), ("{yyyy}-{seq:03}", "calendar-year"),
           ("{seq}", "never"), ("{yy}R-{seq}", "never"), ("{fy}-{seq}", "fiscal-year"),
           ("{fyyyy}-{seq:02}", "fiscal-year")]


@given(st.sampled_from(FORMATS), st.lists(st.dates(min_value=D(1970, 1, 1), max_value=D(2099, 12, 31)),
                                          min_size=1, max_size=40))
def test_a_sequence_of_adoptions_never_repeats_a_number(fmt_reset, days):
    fmt, reset = fmt_reset
    existing = []
    for day in sorted(days):
        number = n.next_number(fmt, existing, day, reset=reset)
        assert number not in [e for e, _ in existing]
        parsed = n.parse_number(fmt, number)
        assert parsed is not None
        existing.append((number, day))


@given(st.integers(min_value=1, max_value=10**6), st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 1, 1)))
def test_format_and_parse_round_trip(seq, day):
    for fmt, _ in FORMATS:
        assert n.parse_number(fmt, n.format_number(fmt, seq, day)).seq == seq
