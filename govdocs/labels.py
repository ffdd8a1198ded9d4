"""Labels of numbered units and the order of siblings.

Numbering styles: ``arabic`` (ARTICLE 13, (2)), ``decimal`` (Sec. 7.110),
``lower`` letters ((a) ... (z), then (aa), (bb)), ``upper`` letters and
``roman`` numerals ((i), (iv), (xiv)). :func:`label_order` gives a sort key,
:func:`next_label` the label that follows.

Siblings are ordered by a position key: a string of digits read as a decimal
fraction, written without trailing zeros, so that plain string order (SQLite's
too) is numeric order and a key always exists between two others
(:func:`key_between`): inserting a unit never renumbers its neighbours.

Pure: no database, no files.
"""

from __future__ import annotations

import re
from fractions import Fraction

from govdocs.errors import InvalidInput

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def to_roman(n: int) -> str:
    """Lower-case Roman numeral for ``n`` (1 -> 'i', 14 -> 'xiv')."""
    if n < 1:
        raise InvalidInput(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(s: str) -> int:
    """Value of a Roman numeral; ``InvalidInput`` if it is not a canonical one."""
    s = s.lower()
    total, i = 0, 0
    for value, letters in _ROMAN:
        while s.startswith(letters, i):
            total += value
            i += len(letters)
    if i != len(s) or not s or to_roman(total) != s:
        raise InvalidInput(f"'{s}' is not a Roman numeral")
    return total


def _letters_value(s: str) -> int:
    # a..z, then aa, bb, ... zz, then aaa ...: the drafting convention
    if not s or len(set(s)) != 1 or not s.isalpha():
        raise InvalidInput(f"'{s}' is not a letter label")
    return (len(s) - 1) * 26 + (ord(s[0].lower()) - ord("a") + 1)


def _letters_label(n: int, upper: bool = False) -> str:
    rep, idx = divmod(n - 1, 26)
    ch = chr(ord("A" if upper else "a") + idx)
    return ch * (rep + 1)


STYLES = ("arabic", "decimal", "lower", "upper", "roman")


def label_order(style: str, label: str):
    """A sort key for ``label`` in a numbering style; ``InvalidInput`` if it does not fit."""
    if style == "arabic":
        if not label.isdigit():
            raise InvalidInput(f"'{label}' is not an Arabic numeral")
        return int(label)
    if style == "decimal":
        if not re.fullmatch(r"\d+(\.\d+)*", label):
            raise InvalidInput(f"'{label}' is not a section number like 7.110")
        return tuple(int(p) for p in label.split("."))
    if style == "lower":
        if not label.islower():
            raise InvalidInput(f"'{label}' is not a lower-case letter")
        return _letters_value(label)
    if style == "upper":
        if not label.isupper():
            raise InvalidInput(f"'{label}' is not an upper-case letter")
        return _letters_value(label)
    if style == "roman":
        if not label.islower():
            raise InvalidInput(f"'{label}' is not a lower-case Roman numeral")
        return from_roman(label)
    raise InvalidInput(f"unknown numbering style '{style}'", expected=", ".join(STYLES))


def label_fits(style: str, label: str) -> bool:
    try:
        label_order(style, label)
    except InvalidInput:
        return False
    return True


def first_label(style: str) -> str:
    return {"arabic": "1", "decimal": "1.100", "lower": "a", "upper": "A", "roman": "i"}[style]


def next_label(style: str, label: str) -> str:
    """The label that follows ``label`` ('h' -> 'i', 'iv' -> 'v', '7.110' -> '7.120')."""
    key = label_order(style, label)
    if style == "arabic":
        return str(key + 1)
    if style == "decimal":
        head, _, tail = label.rpartition(".")
        if not head:
            return str(int(label) + 1)
        return f"{head}.{int(tail) + 10:0{len(tail)}d}"
    if style in ("lower", "upper"):
        return _letters_label(key + 1, upper=style == "upper")
    return to_roman(key + 1)


# Positions: decimal fractions written as digit strings without trailing
# zeros, so that plain string order (SQLite's too) is numeric order.

def _frac(key: str | None, default: int) -> Fraction:
    if key is None:
        return Fraction(default)
    if not re.fullmatch(r"\d*[1-9]", key):
        raise InvalidInput(f"'{key}' is not a position key")
    return Fraction(int(key), 10 ** len(key))


def key_between(before: str | None, after: str | None) -> str:
    """The shortest position key strictly between two keys (None = either end)."""
    lo, hi = _frac(before, 0), _frac(after, 1)
    if not lo < hi:
        raise InvalidInput(f"no position between '{before}' and '{after}'")
    mid, k = (lo + hi) / 2, 1
    while True:
        scale = 10 ** k
        candidate = Fraction(round(mid * scale), scale)
        if lo < candidate < hi:
            return str(int(candidate * scale)).rjust(k, "0").rstrip("0")
        k += 1


def initial_keys(n: int) -> list[str]:
    """Evenly spread position keys for ``n`` siblings, in order."""
    width = len(str(n))
    return [str(i).rjust(width, "0").rstrip("0") for i in range(1, n + 1)]
