"""What a record says about itself: kind, number, dates, body, meeting (pure).

Clerks' documents announce their own metadata in a few set phrases:
"RESOLUTION NO. 79-91", "PASSED, APPROVED AND ADOPTED at a regular meeting of
the City Council of the City of Tustin held on this 3rd day of December,
1979", and the roll call under the clerk's certification. These functions
find them in cleaned text, OCR noise and all, without a database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# "this 3rd day of December, 1979" (OCR puts spaces before the comma)
_DAY_OF = re.compile(
    r"(?P<day>\d{1,2})\s*(?:st|nd|rd|th|d)?\s+day\s+of\s+" + _MONTH + r"\s*,?\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
# "December 3, 1979"
_MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{4})\b", re.IGNORECASE
)
# "3 December 1979"
_DAY_MONTH = re.compile(
    r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"\s*,?\s*(?P<year>\d{4})\b", re.IGNORECASE
)
# "12/3/79", "12/03/1979", "12-3-79"
_NUMERIC = re.compile(r"(?P<month>\d{1,2})[/-](?P<day>\d{1,2})[/-](?P<year>\d{4}|\d{2})(?![\d/])")
# Searched in ASCII-lowered text (same length, same offsets): much faster than IGNORECASE.
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")

_NUMBERED = re.compile(
    r"\b(?P<kind>RESOLUTION|ORDINANCE|MINUTE\s+ORDER)\s+(?:NO|NUMBER|#)\s*[.:]?\s*"
    r"(?P<number>\d{1,4}(?:\s*[-–]\s*\d{1,4})?[A-Z]?)\b",
    re.IGNORECASE,
)
_KIND_MARKERS = [
    ("resolution", re.compile(r"\bRESOLUTION\s+(?:NO\b|NUMBER\b|OF\s+THE\b)", re.IGNORECASE)),
    ("ordinance", re.compile(r"\bORDINANCE\s+(?:NO\b|NUMBER\b|OF\s+THE\b)", re.IGNORECASE)),
    ("minutes", re.compile(r"^\s*MINUTES\b|\bMINUTES\s+OF\s+THE\b", re.IGNORECASE | re.MULTILINE)),
    ("agenda", re.compile(r"^\s*(?:\w+\s+){0,3}AGENDA\b", re.IGNORECASE | re.MULTILINE)),
    ("notice", re.compile(r"^\s*(?:PUBLIC\s+)?NOTICE\s+(?:OF|IS)\b", re.IGNORECASE | re.MULTILINE)),
    ("job-class", re.compile(r"\bCLASS\s+(?:SPECIFICATION|DESCRIPTION|CODE)\b|\bJOB\s+DESCRIPTION\b", re.IGNORECASE)),
    ("bylaws", re.compile(r"^\s*BY[- ]?LAWS\b", re.IGNORECASE | re.MULTILINE)),
    ("agreement", re.compile(r"\bAGREEMENT\b", re.IGNORECASE)),
]
_BODY = re.compile(
    r"\b(?P<body>(?:City|Town)\s+Council|Board\s+of\s+(?:Directors|Supervisors|Trustees|Education)"
    r"|(?:Risk\s+Management\s+|Planning\s+|Executive\s+)?(?:Board|Commission|Committee))"
    r"\s+of\s+(?:the\s+)?(?P<of>(?:City|Town|County)\s+of\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?"
    r"|[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,6})",
)
_MEETING_KIND = re.compile(
    r"\b(?P<kind>regular|special|adjourned(?:\s+regular)?|emergency|joint)\s+(?:\w+\s+)?meeting\b",
    re.IGNORECASE,
)
_ADOPTION = re.compile(r"ADOPTED|PASSED|APPROVED|held\s+on", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    date: str  # ISO 8601
    start: int  # offset in the text
    form: str  # "day-of", "month-day", "day-month", "numeric", "iso"


@dataclass
class Metadata:
    kind: str | None = None
    number: str | None = None
    label: str | None = None  # "RESOLUTION NO. 79-91"
    date: str | None = None  # the date the record was adopted or held, ISO 8601
    dates: list[str] = field(default_factory=list)
    body: str | None = None  # "City Council of the City of Tustin"
    meeting_kind: str | None = None
    roll_call: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "number": self.number, "label": self.label, "date": self.date,
            "dates": self.dates, "body": self.body, "meeting_kind": self.meeting_kind,
            "roll_call": self.roll_call,
        }


def full_year(year: int, pivot: int = 2026) -> int:
    """Two-digit years: the latest year not after ``pivot`` ("79" -> 1979, "24" -> 2024)."""
    if year >= 100:
        return year
    century = pivot - pivot % 100
    candidate = century + year
    return candidate if candidate <= pivot else candidate - 100


def _make_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, pivot: int = 2026) -> list[FoundDate]:
    """Every date in the text, in the forms clerks write them, in text order."""
    found: dict[int, FoundDate] = {}
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, form: str, month: int, year: int, offset: int = 0) -> None:
        span = (match.start() + offset, match.end() + offset)
        if any(s < span[1] and span[0] < e for s, e in taken):
            return
        iso = _make_date(year, month, int(match.group("day")))
        if iso:
            taken.append(span)
            found[span[0]] = FoundDate(iso, span[0], form)

    # The long forms need a month name: look only around the month names found.
    for hit in _MONTH_WORD.finditer(text.translate(_ASCII_LOWER)):
        if hit.group() not in MONTHS:
            continue
        lo, hi = max(0, hit.start() - 40), min(len(text), hit.end() + 40)
        window = text[lo:hi]
        for pattern, form in ((_DAY_OF, "day-of"), (_MONTH_DAY, "month-day"), (_DAY_MONTH, "day-month")):
            for match in pattern.finditer(window):
                if match.start("month") + lo != hit.start():
                    continue
                add(match, form, MONTHS[match.group("month").lower()], int(match.group("year")), lo)
    for match in _ISO.finditer(text):
        add(match, "iso", int(match.group("month")), int(match.group("year")))
    for match in _NUMERIC.finditer(text):
        if match.start() and (text[match.start() - 1].isdigit() or text[match.start() - 1] == "/"):
            continue
        add(match, "numeric", int(match.group("month")), full_year(int(match.group("year")), pivot))
    return [found[k] for k in sorted(found)]


def find_number(text: str) -> tuple[str | None, str | None]:
    """("79-91", "RESOLUTION NO. 79-91") from the first numbered heading."""
    match = _NUMBERED.search(text)
    if not match:
        return None, None
    number = re.sub(r"\s*[-–]\s*", "-", match.group("number")).upper()
    kind = re.sub(r"\s+", " ", match.group("kind")).upper()
    return number, f"{kind} NO. {number}"


def find_kind(text: str) -> str | None:
    """The kind of record, judged from its opening."""
    head = re.sub(r"^[ \t]*#+[ \t]*", "", text[:3000], flags=re.MULTILINE)  # Markdown headings
    for kind, pattern in _KIND_MARKERS:
        if pattern.search(head):
            return kind
    return None


def find_body(text: str) -> str | None:
    matches = list(_BODY.finditer(text))
    if not matches:
        return None
    # prefer "... of the City of Tustin" over an OCR-damaged "of the Ci ter"
    places = [m for m in matches if re.match(r"(?:City|Town|County)\s+of\s", m.group("of"))]
    match = (places or matches)[0]
    body = re.sub(r"\s+", " ", match.group("body")).strip()
    of = re.sub(r"\s+", " ", match.group("of")).strip()
    of = re.split(r"\s+(?:held|on|at|in|to|and|hereinafter|is|was)\b", of)[0]
    return f"{body} of the {of}" if not of.lower().startswith("the ") else f"{body} of {of}"


def find_meeting_kind(text: str) -> str | None:
    """The kind of meeting at which the record was adopted (regular, special...)."""
    adoption = _ADOPTION.search(text)
    start = adoption.start() if adoption else 0
    match = _MEETING_KIND.search(text, start) or _MEETING_KIND.search(text)
    if not match:
        return None
    kind = match.group("kind").lower()
    return "adjourned" if kind.startswith("adjourned") else kind


def adoption_date(text: str, dates: list[FoundDate]) -> str | None:
    """The date of adoption: the first "day of" date after PASSED/ADOPTED, else
    the first long-form date, else the first date at all."""
    if not dates:
        return None
    adoption = _ADOPTION.search(text)
    if adoption:
        after = [d for d in dates if d.start >= adoption.start() and d.form != "numeric"]
        if after:
            return after[0].date
    long_form = [d for d in dates if d.form != "numeric"]
    return (long_form or dates)[0].date


def roll_call(text: str) -> dict[str, list[str]]:
    """Names per option (aye, no, abstain, absent, recused), read with the
    votes module's roll-call parser."""
    from govdocs.rollcall import parse_roll_call
    from govdocs.votes import OPTIONS

    parsed = parse_roll_call(text)
    return {option: list(parsed.names(option)) for option in OPTIONS if parsed.names(option)}


_VOTE_WORDS = re.compile(r"ayes|noes|absent|abstain|vote", re.IGNORECASE)
HEAD = 6000


def vote_passages(text: str, around: int = 12) -> str:
    """The opening of a long text, the lines near its first vote words, and its
    last lines (where a clerk's certification is): all the roll-call parser
    needs to see."""
    if len(text) <= 2 * HEAD:
        return text
    lines = text.split("\n")
    keep = set(range(max(0, len(lines) - 40), len(lines)))
    length = 0
    for i, line in enumerate(lines):  # the opening pages: a resolution's certification is there
        if length > HEAD:
            break
        keep.add(i)
        length += len(line) + 1
    found = 0
    for i, line in enumerate(lines):
        if _VOTE_WORDS.search(line):
            keep.update(range(max(0, i - around), min(len(lines), i + around + 1)))
            found += 1
            if found == 3:  # the first roll call is what is kept; three passages are plenty
                break
    return "\n".join(lines[i] for i in sorted(keep))


def extract(text: str, pivot: int = 2026, with_roll_call: bool = True) -> Metadata:
    """All the metadata a cleaned text gives."""
    head = text[:HEAD]
    number, label = find_number(head)
    # a long text: its dates of record are at its start and its end
    dates = find_dates(text if len(text) <= 3 * HEAD else text[:HEAD] + "\n" + text[-HEAD:], pivot)
    if len(text) > 3 * HEAD:
        tail_from = len(text) - HEAD
        dates = [d if d.start < HEAD else FoundDate(d.date, d.start - HEAD - 1 + tail_from, d.form) for d in dates]
    meta = Metadata(
        kind=find_kind(head),
        number=number,
        label=label,
        date=adoption_date(text, dates),
        dates=sorted({d.date for d in dates}),
        body=find_body(head),
        meeting_kind=find_meeting_kind(text if len(text) <= 3 * HEAD else head + "\n" + text[-HEAD:]),
    )
    if label and meta.kind is None:
        meta.kind = label.split(" NO.")[0].lower().replace(" ", "-")
    if with_roll_call:
        meta.roll_call = roll_call(vote_passages(text))
    return meta
