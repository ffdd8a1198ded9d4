"""Filters the document templates use: dates as a clerk writes them, numbers
in words, lists of names.

Plain functions over plain values (no I/O). Every template filter is listed
in ``FILTERS`` and installed in the one jinja environment
(``govdocs.render.env.environment``).

    >>> ordinal_date("1979-12-03")
    'the 3rd day of December, 1979'
    >>> long_date("1979-12-03")
    'December 3, 1979'
    >>> number_words(5)
    'five'
    >>> names_list(["Schuster", "Saltarelli", "Welsh"])
    'Schuster, Saltarelli and Welsh'
    >>> names_list([])
    'None'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from govdocs.errors import InvalidInput

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth",
    "eight": "eighth", "nine": "ninth", "twelve": "twelfth",
}

# Name suffixes and surname particles, for ``surname``.
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "esq", "esq.", "phd", "ph.d.", "md", "m.d."}
_PARTICLES = {"de", "del", "della", "der", "di", "da", "dos", "du", "la", "le", "van", "von", "st.", "saint", "bin", "ibn", "al", "ter", "ten", "y"}


def as_date(value) -> _dt.date:
    """A ``date`` from a date, a datetime or an ISO 8601 string.

    A datetime keeps its own wall-clock date (convert to the body's time zone
    before formatting).
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) > 10:
                return _dt.datetime.fromisoformat(text).date()
            return _dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidInput(f"not a date: {value!r} (expected YYYY-MM-DD)")


def ordinal(n: int) -> str:
    """``3`` -> ``'3rd'``, ``11`` -> ``'11th'``, ``22`` -> ``'22nd'``."""
    n = int(n)
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_date(value, article: str = "the") -> str:
    """``the 3rd day of December, 1979`` (``article=""`` drops "the")."""
    d = as_date(value)
    text = f"{ordinal(d.day)} day of {MONTHS[d.month - 1]}, {d.year}"
    return f"{article} {text}" if article else text


def long_date(value) -> str:
    """``December 3, 1979``."""
    d = as_date(value)
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def iso_date(value) -> str:
    """``1979-12-03``."""
    return as_date(value).isoformat()


def _below_thousand(n: int) -> str:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words.append(f"{_ONES[hundreds]} hundred")
    if rest:
        if rest < 20:
            words.append(_ONES[rest])
        else:
            tens, ones = divmod(rest, 10)
            words.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    return " ".join(words)


def number_words(n) -> str:
    """A whole number in words: ``5`` -> ``'five'``, ``21`` -> ``'twenty-one'``."""
    if isinstance(n, bool) or not isinstance(n, int):
        try:
            if isinstance(n, bool):
                raise ValueError
            n = int(str(n).strip())
        except ValueError:
            raise InvalidInput(f"not a whole number: {n!r}") from None
    if n < 0:
        return "minus " + number_words(-n)
    if n < 1000:
        return _below_thousand(n) if n else "zero"
    if n >= 10**12:
        raise InvalidInput(f"number too large to write in words: {n}")
    parts = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            parts.append(f"{number_words(count)} {name}")
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


def ordinal_words(n) -> str:
    """``3`` -> ``'third'``, ``21`` -> ``'twenty-first'``."""
    words = number_words(n)
    head, sep, last = words.rpartition(" ")
    head2, sep2, last2 = last.rpartition("-")
    if last2 in _ORDINAL_WORDS:
        last2 = _ORDINAL_WORDS[last2]
    elif last2.endswith("y"):
        last2 = last2[:-1] + "ieth"
    else:
        last2 += "th"
    return head + sep + head2 + sep2 + last2


def _name_of(item, attribute: str | None):
    if attribute is None:
        return item
    if isinstance(item, Mapping):
        return item[attribute]
    return getattr(item, attribute)


def names_list(names: Iterable | None, conjunction: str | None = "and",
               empty: str = "None", attribute: str | None = None) -> str:
    """Names joined the way a clerk lists them.

    ``['A', 'B', 'C']`` -> ``'A, B and C'``; with ``conjunction=None``
    -> ``'A, B, C'`` (a roll call); an empty list -> ``'None'``.
    ``attribute`` picks a field from each item (``names_list(ayes, attribute='surname')``).
    """
    items = [str(_name_of(i, attribute)) for i in (names or [])]
    items = [i for i in items if i.strip()]
    if not items:
        return empty
    if conjunction is None or len(items) == 1:
        return ", ".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def surname(name: str) -> str:
    """The surname a roll call uses: ``'Ursula E. Kennedy'`` -> ``'Kennedy'``,
    ``'Ana de la Cruz'`` -> ``'de la Cruz'``, ``'Frank H. Greinke, Jr.'`` -> ``'Greinke'``.
    """
    text = " ".join(str(name).replace(",", " ").split())
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    if not words or not words[0]:
        return ""
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    return " ".join(words[i:])


def plural(count, singular: str, plural_form: str | None = None) -> str:
    """``plural(1, 'member')`` -> ``'member'``; ``plural(5, 'member')`` -> ``'members'``."""
    if int(count) == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def pluralize_title(title: str) -> str:
    """A member title in the plural, as a roll call heads it:
    ``Councilmember`` -> ``Councilmembers``, ``Boardmember`` -> ``Boardmembers``,
    ``Director`` -> ``Directors``, ``Councilman`` -> ``Councilmen``.
    """
    t = str(title).strip()
    if not t:
        return t
    low = t.lower()
    if low.endswith("man") and not low.endswith("human"):
        return t[:-3] + ("MEN" if t.isupper() else "men")
    if low.endswith(("s", "x", "ch", "sh")):
        return t + ("ES" if t.isupper() else "es")
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return t[:-1] + ("IES" if t.isupper() else "ies")
    return t + ("S" if t.isupper() else "s")


FILTERS = {
    "ordinal_date": ordinal_date,
    "long_date": long_date,
    "iso_date": iso_date,
    "ordinal": ordinal,
    "words": number_words,
    "number_words": number_words,
    "ordinal_words": ordinal_words,
    "names_list": names_list,
    "surname": surname,
    "plural": plural,
    "pluralize_title": pluralize_title,
}
