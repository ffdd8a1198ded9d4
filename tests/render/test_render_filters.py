"""The clerk's filters: dates, numbers in words, lists of names."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from govdocs.errors import InvalidInput
from govdocs.render.filters import (
    long_date, names_list, number_words, ordinal, ordinal_date, ordinal_words, plural,
    pluralize_title, surname,
)


@pytest.mark.parametrize("value, expected", [
    ("1979-12-03", "the 3rd day of December, 1979"),
    (dt.date(2026, 1, 1), "the 1st day of January, 2026"),
    (dt.date(2026, 2, 22), "the 22nd day of February, 2026"),
    (dt.date(2026, 3, 11), "the 11th day of March, 2026"),
    (dt.date(2026, 3, 12), "the 12th day of March, 2026"),
    (dt.date(2026, 3, 13), "the 13th day of March, 2026"),
    (dt.date(2026, 5, 31), "the 31st day of May, 2026"),
    (dt.datetime(2026, 10, 6, 19, 0), "the 6th day of October, 2026"),
    ("2026-10-06T19:00:00-07:00", "the 6th day of October, 2026"),
])
def test_ordinal_date(value, expected):
    assert ordinal_date(value) == expected


def test_ordinal_date_without_article_and_long_date():
    assert ordinal_date("1979-12-03", article="") == "3rd day of December, 1979"
    assert ordinal_date("1979-12-03", article="this") == "this 3rd day of December, 1979"
    assert long_date("1979-12-03") == "December 3, 1979"


def test_bad_date_is_invalid_input():
    with pytest.raises(InvalidInput, match="not a date"):
        long_date("3 December 1979")
    with pytest.raises(InvalidInput):
        ordinal_date(None)


@pytest.mark.parametrize("n, words", [
    (0, "zero"), (1, "one"), (5, "five"), (8, "eight"), (13, "thirteen"), (20, "twenty"),
    (21, "twenty-one"), (99, "ninety-nine"), (100, "one hundred"), (101, "one hundred one"),
    (115, "one hundred fifteen"), (1000, "one thousand"), (1979, "one thousand nine hundred seventy-nine"),
    (14263, "fourteen thousand two hundred sixty-three"), (1_000_000, "one million"),
    (2_000_005, "two million five"), ("7", "seven"),
])
def test_number_words(n, words):
    assert number_words(n) == words


def test_number_words_refuses_non_numbers():
    for bad in ("five", 2.5, True, None):
        with pytest.raises(InvalidInput):
            number_words(bad)
    assert number_words(-3) == "minus three"


@given(st.integers(min_value=0, max_value=10**9))
def test_number_words_is_plain_words(n):
    words = number_words(n)
    assert words == words.strip() and "  " not in words
    assert all(c.isalpha() or c in " -" for c in words)


def test_number_words_is_one_to_one():
    seen = [number_words(n) for n in range(0, 3001)]
    assert len(set(seen)) == len(seen)


@pytest.mark.parametrize("n, text, words", [
    (1, "1st", "first"), (2, "2nd", "second"), (3, "3rd", "third"), (4, "4th", "fourth"),
    (11, "11th", "eleventh"), (12, "12th", "twelfth"), (13, "13th", "thirteenth"),
    (20, "20th", "twentieth"), (21, "21st", "twenty-first"), (22, "22nd", "twenty-second"),
    (101, "101st", "one hundred first"), (111, "111th", "one hundred eleventh"),
])
def test_ordinals(n, text, words):
    assert ordinal(n) == text
    assert ordinal_words(n) == words


@given(st.integers(min_value=1, max_value=100000))
def test_ordinal_suffix_property(n):
    text = ordinal(n)
    assert text[:-2] == str(n)
    if n % 100 in (11, 12, 13):
        assert text.endswith("th")


def test_names_list():
    assert names_list(["Schuster", "Saltarelli", "Welsh"]) == "Schuster, Saltarelli and Welsh"
    assert names_list(["Schuster", "Welsh"]) == "Schuster and Welsh"
    assert names_list(["Welsh"]) == "Welsh"
    assert names_list([]) == "None"
    assert names_list(None) == "None"
    assert names_list([], empty="none") == "none"
    assert names_list(["A", "B", "C"], conjunction=None) == "A, B, C"
    assert names_list(["A", "B"], conjunction="or") == "A or B"
    assert names_list([{"surname": "Lee"}, {"surname": "Ng"}], attribute="surname") == "Lee and Ng"
    assert names_list(["", "  ", "Kim"]) == "Kim"


@pytest.mark.parametrize("name, expected", [
    ("Ursula E. Kennedy", "Kennedy"), ("Welsh", "Welsh"), ("Ana de la Cruz", "de la Cruz"),
    ("Frank H. Greinke, Jr.", "Greinke"), ("Ludwig van Beethoven", "van Beethoven"),
    ("Rosa Muñoz", "Muñoz"), ("Zoë O'Hara III", "O'Hara"), ("C. Poe", "Poe"),
])
def test_surname(name, expected):
    assert surname(name) == expected


def test_plurals():
    assert plural(1, "member") == "member"
    assert plural(5, "member") == "members"
    assert plural(2, "councilman", "councilmen") == "councilmen"
    assert pluralize_title("Councilmember") == "Councilmembers"
    assert pluralize_title("COUNCILMAN") == "COUNCILMEN"
    assert pluralize_title("Director") == "Directors"
    assert pluralize_title("Boardmember") == "Boardmembers"
    assert pluralize_title("Secretary") == "Secretaries"
