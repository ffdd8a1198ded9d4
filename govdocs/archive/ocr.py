"""OCR-tolerant matching (pure).

Scanned records spell the same word many ways: the seed resolution has
"OCCRMA" as "OCCR4A", "OCCR`'1A", "0CCR'`1A", "OCCRUA", "OCCIUMA" and
"OCCR 4-A". Three ideas make them findable:

* **folding**: lower case, punctuation inside a word dropped, and the
  characters OCR confuses most folded together (0/o, 1/l/i/|, 5/s), so
  "0CCR'`1A" folds to "occrla" and "OCCRMA" to "occrma": one edit apart;
* **joined fragments**: a word OCR split in two ("OCCR 4-A") is also kept
  joined ("occr4a"), so a whole-word comparison can see it;
* **edit distance by length**: short words must match exactly, longer words
  may differ by one or two edits (``allowed_edits``).

``ocr_tokens`` gives the folded words an index stores; ``find_approximate``
finds the places in a text that match a word within the allowed edits, for
highlighting.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s", "$": "s", "!": "l"})
_PUNCT_IN_WORD = re.compile(r"[^\w\s]+|_+")
# Short words that are words, not fragments of a broken one.
_SHORT_WORDS = frozenset(
    "a an and as at be by do for he if in is it me no not of on or our so the to up us we".split()
)
_ALNUM_RUN = re.compile(r"[^\W_]+")


_ASCII_PUNCT = str.maketrans("", "", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def strip_punctuation(text: str) -> str:
    """Punctuation out, letters, digits and spaces kept (fast for ASCII text)."""
    if text.isascii():
        return text.translate(_ASCII_PUNCT)
    return _PUNCT_IN_WORD.sub("", text)


def fold(text: str) -> str:
    """Lower case with OCR look-alikes folded together (no other change)."""
    return text.lower().translate(_FOLD)


def allowed_edits(word: str) -> int:
    """Edits a word of this length may carry and still match: 0, 1 or 2."""
    n = len(word)
    if n <= 3:
        return 0
    if n <= 5:
        return 1
    return 2


def ocr_tokens(text: str) -> str:
    """The folded words of ``text`` for an OCR-tolerant index, space separated,
    followed by the joined forms of words split around a short fragment."""
    squashed = strip_punctuation(fold(text))
    words = squashed.split()
    joins = []
    for a, b in zip(words, words[1:]):
        if (len(a) <= 3 or len(b) <= 3) and a not in _SHORT_WORDS and b not in _SHORT_WORDS:
            joins.append(a + b)
    return squashed + ("\n" + " ".join(joins) if joins else "")


def fold_query_word(word: str) -> str:
    return strip_punctuation(fold(word))


def squash(text: str) -> tuple[str, list[int]]:
    """The folded letters and digits of ``text`` run together, and for each of
    them its offset in ``text``."""
    chars = []
    offsets: list[int] = []
    for match in _ALNUM_RUN.finditer(text):
        chars.append(match.group())
        offsets.extend(range(match.start(), match.end()))
    return fold("".join(chars)), offsets


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; stops early (returning limit + 1) past ``limit``."""
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1] if limit is None else min(previous[-1], limit + 1)


def _pieces(pattern: str, k: int, s: str | None = None) -> list[tuple[int, str]]:
    """Split into k+1 pieces: a match with at most k edits contains one exactly.

    Of the ways to cut the pattern (pieces of two or more characters), the one
    whose pieces occur least often in ``s`` is taken: fewer places to check."""
    n = k + 1
    m = len(pattern)
    if s is None or m < 2 * n or n > 3:
        size = m // n
        cuts = [i * size for i in range(1, n)]
    else:
        best = None
        for first in range(2, m - 2 * (n - 1) + 1):
            options = [[first]] if n == 2 else [[first, second] for second in range(first + 2, m - 1)]
            for cut in options:
                bounds = [0, *cut, m]
                pieces = [pattern[a:b] for a, b in zip(bounds, bounds[1:])]
                total = sum(s.count(p) for p in pieces)
                if best is None or total < best[0]:
                    best = (total, cut)
        cuts = best[1]
    bounds = [0, *cuts, m]
    return [(a, pattern[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]


def _occurs_within(pattern: str, s: str, k: int) -> bool:
    """Whether some substring of ``s`` is within ``k`` edits of ``pattern``
    (Sellers' dynamic programme, one column per character of ``s``)."""
    column = list(range(len(pattern) + 1))
    for ch in s:
        new = [0]
        for i, pc in enumerate(pattern, 1):
            new.append(min(column[i] + 1, new[i - 1] + 1, column[i - 1] + (pc != ch)))
        if new[-1] <= k:
            return True
        column = new
    return False


def _best_in_window(pattern: str, s: str, lo: int, hi: int, k: int):
    """Best (distance, start, end) of ``pattern`` inside s[lo:hi], or None.

    Sellers' dynamic programme carrying, for each cell, where the match
    began. A match may be one character shorter than the pattern at most:
    OCR turns one letter into one to three marks, it seldom drops two."""
    m = len(pattern)
    window = s[lo:hi]
    # column j: (cost, start) for pattern[:i] ending at window[:j]
    cost = list(range(m + 1))
    begin = [0] * (m + 1)
    best = None
    for j, ch in enumerate(window, 1):
        new_cost = [0]
        new_begin = [j]
        for i in range(1, m + 1):
            sub = cost[i - 1] + (pattern[i - 1] != ch)
            dele = cost[i] + 1
            ins = new_cost[i - 1] + 1
            if sub <= dele and sub <= ins:
                new_cost.append(sub)
                new_begin.append(begin[i - 1])
            elif dele <= ins:
                new_cost.append(dele)
                new_begin.append(begin[i])
            else:
                new_cost.append(ins)
                new_begin.append(new_begin[i - 1])
        cost, begin = new_cost, new_begin
        d = cost[m]
        if d <= k and j - begin[m] >= m - 1:
            candidate = (d, begin[m] + lo, j + lo)
            if best is None or d < best[0] or (d == best[0] and candidate[1] == best[1]):
                best = candidate
            elif best is not None and begin[m] + lo >= best[2]:
                break  # a later, separate match: leave it for the next round
    return best


def find_approximate(
    pattern: str, text: str, max_edits: int | None = None, enough: int | None = None,
    limit: int | None = None, squashed: tuple[str, list[int]] | None = None,
) -> list[tuple[int, int]]:
    """Spans of ``text`` (start, end offsets) that match ``pattern`` with at
    most ``max_edits`` edits, ignoring case, punctuation and spaces inside the
    match, and OCR look-alikes. Substrings of longer words match too.

    With ``enough``, exact matches alone are returned when there are at least
    that many (a snippet needs a few, not all); with ``limit``, the search
    stops after that many matches, in text order. ``squashed`` is
    ``squash(text)`` when the caller has it already."""
    p, _ = squash(pattern)
    if not p:
        return []
    k = allowed_edits(p) if max_edits is None else max_edits
    s, offsets = squashed if squashed is not None else squash(text)
    if not s:
        return []
    exact: list[tuple[int, int]] = []
    at = s.find(p)
    while at != -1:
        exact.append((at, at + len(p)))
        at = s.find(p, at + len(p))
    if enough is not None and len(exact) >= enough:
        return [(offsets[a], offsets[b - 1] + 1) for a, b in exact]
    windows: list[list[int]] = [[a, b] for a, b in exact]
    covered = bytearray(len(s) + 1)
    for a, b in exact:
        covered[a:b] = b"\x01" * (b - a)
    for offset, piece in _pieces(p, k, s) if k else []:
        at = s.find(piece)
        while at != -1:
            if not covered[at]:  # inside an exact match: already found
                lo = max(0, at - offset - k)
                hi = min(len(s), at - offset + len(p) + k)
                windows.append([lo, hi])
            at = s.find(piece, at + 1)
    windows.sort()
    merged: list[list[int]] = []
    exact_set = set(exact)
    for lo, hi in windows:
        if merged and lo <= merged[-1][1] and (lo, hi) not in exact_set and tuple(merged[-1]) not in exact_set:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    spans = []
    for lo, hi in merged:
        if limit is not None and len(spans) >= limit:
            break
        if (lo, hi) in exact_set:
            spans.append((offsets[lo], offsets[hi - 1] + 1))
            continue
        while lo < hi:
            best = _best_in_window(p, s, lo, hi, k)
            if best is None:
                break
            _, start, end = best
            spans.append((offsets[start], offsets[end - 1] + 1))
            lo = end
    return spans
