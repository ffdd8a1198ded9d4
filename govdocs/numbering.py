"""Resolution numbers: a body's format and the sequence behind it.

A body numbers its resolutions with a format of literal text and fields:

``{yy}``     two-digit calendar year of adoption         79-91     ``{yy}-{seq}``
``{yyyy}``   four-digit calendar year                    2024-015  ``{yyyy}-{seq:03}``
``{fy}``     fiscal year, two digits each side           24-25-7   ``{fy}-{seq}``
``{fyyyy}``  fiscal year, start year in full             2024-25-7 ``{fyyyy}-{seq}``
``{seq}``    the sequence number (``{seq:03}`` pads to 3 digits)
``{series}`` a series letter given by the caller          78R-538   ``{yy}{series}-{seq}``
             (a letter written into the format, ``{yy}R-{seq}``, works too)

A running count is just ``{seq}`` (14263) with ``reset = "never"``.

The sequence restarts at each calendar year (``calendar-year``), each fiscal
year starting on the body's ``fiscal_year_start`` (``fiscal-year``), or never.
A format that restarts must name the period it restarts in (a calendar-year
reset needs ``{yy}`` or ``{yyyy}``; a fiscal-year reset ``{fy}`` or
``{fyyyy}``), otherwise numbers would repeat.

The next number is one more than the highest sequence used in the current
period (numbers in other formats are ignored), and never one already used.
Plain functions: the store assigns the number inside the adoption's
transaction, so two clerks adopting at once never get the same one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from govdocs.errors import InvalidInput

RESETS = ("calendar-year", "fiscal-year", "never")
_FIELD = re.compile(r"\{([a-z]+)(?::0?(\d+))?\}")
_KNOWN = {"yy", "yyyy", "fy", "fyyyy", "seq", "series"}
_CALENDAR = {"yy", "yyyy"}
_FISCAL = {"fy", "fyyyy"}


@dataclass(frozen=True)
class NumberFormat:
    """A parsed numbering format."""

    text: str
    fields: tuple[str, ...]
    width: int            # zero padding of {seq}
    pattern: re.Pattern

    def __str__(self) -> str:
        return self.text


def parse_format(text: str) -> NumberFormat:
    """Check and compile a format such as ``{yy}-{seq}``."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("a numbering format is needed, e.g. '{yy}-{seq}' or '{yyyy}-{seq:03}'")
    fields, width, regex, pos = [], 0, "", 0
    for m in _FIELD.finditer(text):
        literal = text[pos:m.start()]
        if "{" in literal or "}" in literal:
            raise InvalidInput(f"numbering format {text!r}: unexpected brace in {literal!r}")
        regex += re.escape(literal)
        name, pad = m.group(1), m.group(2)
        if name not in _KNOWN:
            raise InvalidInput(f"numbering format {text!r}: unknown field {{{name}}} "
                               f"(expected one of {', '.join('{' + k + '}' for k in sorted(_KNOWN))})")
        if pad and name != "seq":
            raise InvalidInput(f"numbering format {text!r}: only {{seq}} can be padded")
        if name in fields:
            raise InvalidInput(f"numbering format {text!r}: {{{name}}} appears twice")
        fields.append(name)
        if name == "seq":
            width = int(pad) if pad else 0
            regex += rf"(?P<seq>\d{{{max(width, 1)},}})"
        elif name == "yy":
            regex += r"(?P<yy>\d{2})"
        elif name == "yyyy":
            regex += r"(?P<yyyy>\d{4})"
        elif name == "fy":
            regex += r"(?P<fy>\d{2}-\d{2})"
        elif name == "fyyyy":
            regex += r"(?P<fyyyy>\d{4}-\d{2})"
        else:
            regex += r"(?P<series>[A-Za-z]{1,3})"
        pos = m.end()
    tail = text[pos:]
    if "{" in tail or "}" in tail:
        raise InvalidInput(f"numbering format {text!r}: unexpected brace in {tail!r}")
    regex += re.escape(tail)
    if "seq" not in fields:
        raise InvalidInput(f"numbering format {text!r} has no {{seq}}: expected e.g. '{{yy}}-{{seq}}'")
    return NumberFormat(text, tuple(fields), width, re.compile(rf"^{regex}$"))


def parse_fiscal_start(text: str | None) -> tuple[int, int]:
    """``'07-01'`` -> ``(7, 1)``."""
    value = text or "07-01"
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", str(value).strip())
    if not m:
        raise InvalidInput(f"fiscal year start {value!r}: expected MM-DD, e.g. 07-01")
    month, day = int(m.group(1)), int(m.group(2))
    try:
        dt.date(2001, month, day)   # not a leap year: 02-29 is refused
    except ValueError:
        raise InvalidInput(f"fiscal year start {value!r} is not a day of the year") from None
    return month, day


def fiscal_year(day: dt.date, fiscal_year_start: str | None = "07-01") -> int:
    """The calendar year in which the fiscal year holding ``day`` began."""
    month, d = parse_fiscal_start(fiscal_year_start)
    return day.year if (day.month, day.day) >= (month, d) else day.year - 1


def period(day: dt.date, reset: str, fiscal_year_start: str | None = "07-01") -> int | None:
    """The numbering period ``day`` falls in (a year), or None for ``never``."""
    if reset == "calendar-year":
        return day.year
    if reset == "fiscal-year":
        return fiscal_year(day, fiscal_year_start)
    if reset == "never":
        return None
    raise InvalidInput(f"unknown numbering reset {reset!r}: expected one of {', '.join(RESETS)}")


def check_format(fmt: str | NumberFormat, reset: str) -> NumberFormat:
    """A format that can be used with ``reset`` (numbers would never repeat)."""
    f = fmt if isinstance(fmt, NumberFormat) else parse_format(fmt)
    if reset not in RESETS:
        raise InvalidInput(f"unknown numbering reset {reset!r}: expected one of {', '.join(RESETS)}")
    if reset == "calendar-year" and not (_CALENDAR & set(f.fields)):
        raise InvalidInput(f"numbering format {f.text!r} restarts every calendar year but has no "
                           "{yy} or {yyyy}: numbers would repeat (add the year, or reset never)")
    if reset == "fiscal-year" and not (_FISCAL & set(f.fields)):
        raise InvalidInput(f"numbering format {f.text!r} restarts every fiscal year but has no "
                           "{fy} or {fyyyy}: numbers would repeat (add the fiscal year, or reset never)")
    return f


def format_number(fmt: str | NumberFormat, seq: int, day: dt.date, *,
                  fiscal_year_start: str | None = "07-01", series: str | None = None) -> str:
    """Write number ``seq`` of the period holding ``day`` in format ``fmt``."""
    f = fmt if isinstance(fmt, NumberFormat) else parse_format(fmt)
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise InvalidInput(f"a sequence number is a whole number from 1, got {seq!r}")
    fy = fiscal_year(day, fiscal_year_start) if _FISCAL & set(f.fields) else None
    if "series" in f.fields and not (series and re.fullmatch(r"[A-Za-z]{1,3}", series)):
        raise InvalidInput(f"numbering format {f.text!r} needs a series letter (e.g. R)")
    values = {
        "yy": f"{day.year % 100:02d}", "yyyy": f"{day.year:04d}",
        "fy": f"{fy % 100:02d}-{(fy + 1) % 100:02d}" if fy is not None else "",
        "fyyyy": f"{fy:04d}-{(fy + 1) % 100:02d}" if fy is not None else "",
        "seq": f"{seq:0{f.width}d}" if f.width else str(seq),
        "series": series or "",
    }
    return _FIELD.sub(lambda m: values[m.group(1)], f.text)


@dataclass(frozen=True)
class ParsedNumber:
    seq: int
    period_tokens: tuple[tuple[str, str], ...]   # ((field, text), ...) of the year fields
    series: str | None


def parse_number(fmt: str | NumberFormat, number: str) -> ParsedNumber | None:
    """The parts of ``number`` if it is written in ``fmt``, else None."""
    f = fmt if isinstance(fmt, NumberFormat) else parse_format(fmt)
    m = f.pattern.match(str(number).strip())
    if not m:
        return None
    groups = m.groupdict()
    tokens = tuple((k, groups[k]) for k in ("yy", "yyyy", "fy", "fyyyy") if groups.get(k))
    return ParsedNumber(int(groups["seq"]), tokens, groups.get("series"))


def next_number(fmt: str, existing: Iterable, on: dt.date, *, reset: str = "calendar-year",
                fiscal_year_start: str | None = "07-01", series: str | None = None,
                start: int = 1) -> str:
    """The number the next resolution adopted on ``on`` gets.

    ``existing`` holds the body's numbers, either as strings or as
    ``(number, adopted_on)`` pairs; with a date, a number belongs to the period
    of that date, otherwise to the period its year fields name. ``start`` is
    the first sequence number of a period with no numbers yet.
    """
    f = check_format(fmt, reset)
    if isinstance(start, bool) or not isinstance(start, int) or start < 1:
        raise InvalidInput(f"the first sequence number must be a whole number from 1, got {start!r}")
    current = period(on, reset, fiscal_year_start)
    probe = format_number(f, 1, on, fiscal_year_start=fiscal_year_start, series=series)
    here = parse_number(f, probe)
    used, highest = set(), 0
    for item in existing:
        number, adopted = (item if isinstance(item, (tuple, list)) else (item, None))
        if number is None:
            continue
        used.add(str(number).strip())
        parsed = parse_number(f, number)
        if parsed is None:
            continue
        if "series" in f.fields and (parsed.series or "").upper() != (series or "").upper():
            continue
        if reset != "never":
            if adopted is not None:
                if period(_as_date(adopted), reset, fiscal_year_start) != current:
                    continue
            elif parsed.period_tokens != here.period_tokens:
                continue
        highest = max(highest, parsed.seq)
    seq = max(highest + 1, start)
    number = format_number(f, seq, on, fiscal_year_start=fiscal_year_start, series=series)
    while number in used:
        seq += 1
        number = format_number(f, seq, on, fiscal_year_start=fiscal_year_start, series=series)
    return number


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InvalidInput(f"not a date: {value!r} (expected YYYY-MM-DD)") from None
