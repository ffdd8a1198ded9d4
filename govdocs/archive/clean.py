"""Cleaning text extracted from scanned and exported records (pure).

Three kinds of noise get in the way of search and of reading a record:

* pleading-paper line numbers (1 to 32 down the left margin), which OCR puts
  on lines of their own or in front of each line of text;
* words broken with a hyphen at the end of a line ("admin-" / "istrative");
* the chrome of the web portal a record was exported from ("HomeMy
  WebLinkAbout...", "Close Window : Print Page", "Page 3 of 12").

Each cleaner is a plain function from text to text; ``clean_text`` applies
them all. Pages are kept apart by form feeds (``\\f``) throughout govdocs, and
the cleaners never remove one.
"""

from __future__ import annotations

import re

# Lines that are portal or print chrome, not part of the record.
_CHROME_LINE = re.compile(
    r"""^\s*(?:
        home\s*my\s*web\s*link\s*about.*          # Laserfiche WebLink export header
      | my\s*web\s*link\s*about.*
      | close\s+window\b.*
      | print\s+page\b.*
      | click\s+here\b.*
      | page\s+\d+\s+of\s+\d+\s*$
      | powered\s+by\s+\w+.*
      | back\s+to\s+top\s*$
      | skip\s+to\s+(?:main\s+)?content\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CHROME_INLINE = re.compile(r"close\s+window\s*:\s*print\s+page|click\s+here", re.IGNORECASE)

# A margin line number as OCR sees it: 1-32, sometimes with a misread digit.
_NUMBER_LINE = re.compile(r"^\s*[\d]{1,2}\s*[.,]?\s*$")
# Short junk lines OCR makes of margin numbers and marks: "3i", ":La", "{", "161".
_JUNK_LINE = re.compile(r"^\s*\S{1,3}\s*$")
_LEADING_NUMBER = re.compile(r"^(\s*)(\d{1,2})(\s+)(?=\S)")

# Prefixes that really are hyphenated ("by-laws", "two-thirds", "ex-officio").
_KEEP_HYPHEN = {
    "by", "ex", "self", "vice", "non", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "half", "mid", "full",
    "part", "long", "short", "well", "cross", "multi", "sub",
}
_HYPHEN_BREAK = re.compile(r"(\b[A-Za-z]+)-{1,2}[ \t]*\n[ \t]*([a-z][A-Za-z]*|[A-Z]+\b)")


def strip_portal_chrome(text: str) -> str:
    """Remove lines and phrases that come from the portal, not the record."""
    kept = []
    for line in text.split("\n"):
        if _CHROME_LINE.match(line):
            continue
        kept.append(_CHROME_INLINE.sub("", line) if _CHROME_INLINE.search(line) else line)
    return "\n".join(kept)


def _is_margin_run(lines: list[str]) -> bool:
    numbers = [int(line.strip().rstrip(".,")) for line in lines if _NUMBER_LINE.match(line)]
    return len(numbers) >= 2 and all(1 <= n <= 40 for n in numbers)


def strip_line_numbers(text: str) -> str:
    """Remove pleading-paper line numbers.

    Two shapes: runs of short lines that are mostly margin numbers (with the
    OCR junk that comes with them), and a number in front of each line of a
    passage where the numbers count up one by one.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _NUMBER_LINE.match(lines[i]) or _JUNK_LINE.match(lines[i]):
            j = i
            while j < len(lines) and (
                _NUMBER_LINE.match(lines[j]) or _JUNK_LINE.match(lines[j]) or not lines[j].strip()
            ):
                j += 1
            run = [line for line in lines[i:j] if line.strip()]
            if len(run) >= 3 and _is_margin_run(run):
                i = j
                continue
            out.append(lines[i])
            i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(_strip_leading_numbers(out))


def _strip_leading_numbers(lines: list[str]) -> list[str]:
    """Drop "12 WHEREAS ..." style margin numbers where they count up."""
    numbers = []
    for line in lines:
        match = _LEADING_NUMBER.match(line)
        numbers.append(int(match.group(2)) if match else None)
    strip = [False] * len(lines)
    i = 0
    while i < len(lines):
        if numbers[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and numbers[j + 1] is not None and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            for k in range(i, j + 1):
                strip[k] = True
        i = j + 1
    return [
        _LEADING_NUMBER.sub(r"\1", line, count=1) if flag else line
        for line, flag in zip(lines, strip)
    ]


def join_hyphenated(text: str) -> str:
    """Join words broken across lines: "admin-\\nistrative" -> "administrative".

    Real compounds keep their hyphen ("by-\\nlaws" -> "by-laws").
    """

    def repl(match: re.Match) -> str:
        head, tail = match.group(1), match.group(2)
        if tail.isupper() and not head.isupper():  # "Anti-\nTRUST": not one broken word
            return match.group(0)
        if head.lower() in _KEEP_HYPHEN:
            return f"{head}-{tail}"
        return head + tail

    return _HYPHEN_BREAK.sub(repl, text)


def tidy_whitespace(text: str) -> str:
    """Trailing spaces off, runs of blank lines down to one; form feeds kept."""
    pages = []
    for page in text.split("\f"):
        lines = [line.rstrip() for line in page.split("\n")]
        page = "\n".join(lines)
        page = re.sub(r"\n{3,}", "\n\n", page).strip("\n")
        pages.append(page)
    return "\f".join(pages)


def clean_text(text: str) -> str:
    """All the cleaners, page by page, in the order that works."""
    pages = []
    for page in text.replace("\r\n", "\n").replace("\r", "\n").split("\f"):
        page = strip_portal_chrome(page)
        page = strip_line_numbers(page)
        page = join_hyphenated(page)
        pages.append(page)
    return tidy_whitespace("\f".join(pages))
