"""Job-class specifications: the structure of a class spec, and its words.

A class specification ("class description", "job description") is what a
personnel office keeps for each job class: a header (agency, class code,
title, designation, bargaining unit, FLSA status, EEO category, salary ranges,
dates) and ordered sections (definition, distinguishing characteristics,
supervision, duties, knowledge, skills, abilities, minimum qualifications,
licenses, special requirements, working conditions, career ladder, notes and
the class history). Agencies write them in many styles; this module holds the
model and the vocabulary (section headings and their synonyms, header labels,
salary periods, dates, web-page chrome). Parsing text into the model is in
:mod:`govdocs.jobclass_parse`; both are pure: no database, no files.

Every section has a canonical ``name`` (``duties``, ``knowledge`` ...) and the
``heading`` as the agency wrote it. A heading the model does not know is kept
as a section of its own, named after its heading, never dropped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

# --------------------------------------------------------------------------
# Sections and their headings

#: Canonical section names, in the order a house-style spec presents them.
SECTION_NAMES = (
    "definition",
    "distinguishing_characteristics",
    "supervision",
    "duties",
    "knowledge",
    "skills",
    "abilities",
    "qualifications",
    "licenses",
    "special_requirements",
    "working_conditions",
    "career_ladder",
    "notes",
    "history",
)

#: House-style titles of the canonical sections.
SECTION_TITLES = {
    "definition": "Definition",
    "distinguishing_characteristics": "Distinguishing Characteristics",
    "supervision": "Supervision Received and Exercised",
    "duties": "Duties",
    "knowledge": "Knowledge",
    "skills": "Skills",
    "abilities": "Abilities",
    "qualifications": "Minimum Qualifications",
    "licenses": "Licenses and Certificates",
    "special_requirements": "Special Requirements",
    "working_conditions": "Working Conditions",
    "career_ladder": "Career Ladder",
    "notes": "Notes",
    "history": "Class History",
}

#: Sections whose unmarked paragraphs are list items (one duty per paragraph).
LIST_SECTIONS = frozenset({"duties", "knowledge", "skills", "abilities", "history"})

# Exact headings (normalized: lower case, letters, digits and single spaces).
_SYNONYMS = {
    "definition": [
        "definition", "class definition", "general definition", "purpose",
        "general purpose", "purpose of the class", "summary", "class summary",
        "job summary", "position summary", "general description", "basic function",
        "nature of work", "nature of the work", "scope", "general statement of duties",
        "concept of the class", "class concept", "description",
    ],
    "distinguishing_characteristics": [
        "distinguishing characteristics", "distinguishing characteristics among related classes",
        "class characteristics", "distinguishing features", "level distinctions",
        "class distinctions", "distinguishing features of the class",
    ],
    "supervision": [
        "supervision", "supervision received and exercised", "supervision exercised and received",
        "supervision exercised received", "supervision received exercised",
        "supervision received", "supervision exercised", "supervisory responsibilities",
        "reports to", "supervision received and given",
    ],
    "duties": [
        "duties", "typical duties", "examples of essential duties", "examples of duties",
        "typical work", "essential duties", "essential functions", "examples of other duties",
        "other duties", "duties and responsibilities", "essential duties and responsibilities",
        "typical tasks", "example of duties", "essential job functions",
        "examples of essential functions", "examples of important and essential duties",
        "marginal duties", "responsibilities", "typical duties and responsibilities",
        "representative duties", "examples of typical duties",
    ],
    "knowledge": [
        "knowledge", "knowledge of", "knowledge skills and abilities",
        "knowledge skills abilities", "knowledge and abilities", "knowledge skills and other characteristics",
        "ksas",
    ],
    "skills": ["skills", "skill in", "skill to", "skills in"],
    "abilities": ["abilities", "ability to", "ability"],
    "qualifications": [
        "qualifications", "minimum qualifications", "entrance qualifications",
        "class qualifications", "minimum qualifications guidelines",
        "education and experience", "experience and education", "training and experience",
        "experience and training", "employment standards", "desirable qualifications",
        "requirements", "minimum requirements", "education", "experience",
        "qualification guidelines", "education and or experience", "entrance requirements",
    ],
    "licenses": [
        "license", "licenses", "license or certificate", "licenses and certificates",
        "license and certificate", "licenses or certificates", "license certification",
        "license and certification", "licenses and certifications", "certificates",
        "certification", "certifications", "required licenses or certificates",
        "licensing and certification", "special licenses", "necessary special requirements",
    ],
    "special_requirements": [
        "special requirements", "special conditions", "conditions of employment",
        "other requirements", "special qualifications", "special requirements and working conditions",
    ],
    "working_conditions": [
        "working conditions", "physical demands", "environmental conditions",
        "working environment", "work environment", "physical requirements",
        "physical and mental demands", "physical demands and working conditions",
        "working conditions and physical demands", "physical and mental requirements",
        "physical abilities", "environmental and physical conditions",
    ],
    "career_ladder": [
        "career ladder", "career ladder information", "promotional opportunities",
        "career path", "promotional path", "class series", "career opportunities",
    ],
    "notes": [
        "note", "notes", "special note", "special notes", "additional information",
        "other information", "comments", "remarks",
    ],
    "history": [
        "history", "class history", "revision history", "history of class",
        "specification history", "classification history", "class history and revisions",
    ],
}

HEADING_SYNONYMS = {syn: name for name, syns in _SYNONYMS.items() for syn in syns}

#: Headings of the salary block (its lines fill ``JobClass.salary``).
SALARY_HEADINGS = frozenset({
    "salary", "salary range", "salary ranges", "compensation", "pay range", "pay",
    "rate of pay", "salary schedule", "salary and benefits", "pay rate", "pay rates",
    "salary information", "wage", "wages",
})

# Keyword fall-backs for heading-shaped lines that are not exact synonyms.
_KEYWORDS = (
    ("distinguishing", "distinguishing_characteristics"),
    ("supervis", "supervision"),
    ("knowledge", "knowledge"),
    ("skill", "skills"),
    ("abilit", "abilities"),
    ("special requirement", "special_requirements"),
    ("working condition", "working_conditions"),
    ("physical demand", "working_conditions"),
    ("environment", "working_conditions"),
    ("licens", "licenses"),
    ("certificat", "licenses"),
    ("qualification", "qualifications"),
    ("career", "career_ladder"),
    ("history", "history"),
    ("duties", "duties"),
    ("typical work", "duties"),
    ("essential function", "duties"),
    ("definition", "definition"),
    ("purpose", "definition"),
    ("note", "notes"),
)


def normalize_heading(text: str) -> str:
    """Lower case, ``&`` as ``and``, letters and digits only, single spaces."""
    text = text.replace("&", " and ").lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


@functools.lru_cache(maxsize=8192)
def heading_name(text: str, *, keywords: bool = True) -> str | None:
    """The canonical section name of a heading, ``"salary"``, or None.

    Exact synonyms first ("Typical Work" is duties); with ``keywords``, a
    heading that contains a telling word ("Examples of Important Duties").
    """
    norm = normalize_heading(text)
    if not norm:
        return None
    if norm in HEADING_SYNONYMS:
        return HEADING_SYNONYMS[norm]
    if norm in SALARY_HEADINGS:
        return "salary"
    if not keywords or len(norm.split()) > 7:
        return None
    if norm.startswith("salary") or norm.startswith("compensation"):
        return "salary"
    for key, name in _KEYWORDS:
        if re.search(r"\b" + key, norm):
            return name
    return None


def slug(text: str) -> str:
    """The name of a section the model does not know: its heading as a slug."""
    return "_".join(normalize_heading(text).split()) or "section"


_SMALL_WORDS = frozenset(
    "a an the and or nor of to in on at by for from with as per via vs among into".split()
)


def house_heading(text: str, keep: frozenset = frozenset()) -> str:
    """A heading in house style: title case, no trailing colon. Words in
    ``keep`` (acronyms such as "OCIP", found in the spec's prose) stay as they are."""
    text = text.strip().rstrip(":").strip()
    words = text.split()
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if word.strip("(),.;:'’s") in keep:
            out.append(word)
        elif i and low in _SMALL_WORDS:
            out.append(low)
        elif word.isupper() and len(word) <= 4 and not word.isalpha():
            out.append(word)
        elif word.isupper() and len(word) > 1 and _is_roman(word):
            out.append(word)
        elif word.isupper() or word.islower():
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
        else:
            out.append(word)
    return " ".join(out)


def acronyms(texts) -> frozenset:
    """Words written in capitals inside mixed-case prose ("the OCIP program")."""
    found = set()
    for text in texts:
        if text.upper() == text:
            continue
        found.update(w for w in re.findall(r"\b[A-Z][A-Z0-9&/-]{1,9}\b", text) if not _is_roman(w))
    return frozenset(found)


def _is_roman(word: str) -> bool:
    return bool(re.fullmatch(r"[IVX]+", word))


# --------------------------------------------------------------------------
# The model


ITEM_KINDS = ("paragraph", "item", "subheading")


@dataclass
class Item:
    """One entry of a section: a prose paragraph, a list item or a sub-group
    heading (such as "Liability", "Education", "Either I")."""

    text: str
    kind: str = "item"
    level: int = 0

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "text": self.text}
        if self.level:
            d["level"] = self.level
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Item":
        return cls(text=d["text"], kind=d.get("kind", "item"), level=int(d.get("level", 0)))


@dataclass
class Section:
    """A section of a spec: canonical ``name``, ``heading`` as written, items."""

    name: str
    heading: str
    items: list[Item] = field(default_factory=list)

    @property
    def known(self) -> bool:
        return self.name in SECTION_TITLES

    def to_dict(self) -> dict:
        return {"name": self.name, "heading": self.heading,
                "items": [i.to_dict() for i in self.items]}

    @classmethod
    def from_dict(cls, d: dict) -> "Section":
        return cls(name=d["name"], heading=d["heading"],
                   items=[Item.from_dict(i) for i in d.get("items", [])])

    def text(self) -> str:
        return "\n".join(i.text for i in self.items)


PERIODS = ("hour", "week", "biweekly", "semimonthly", "month", "year")
PERIOD_WORDS = {"hour": "hourly", "week": "weekly", "biweekly": "bi-weekly",
                "semimonthly": "semi-monthly", "month": "monthly", "year": "annually"}


@dataclass
class SalaryRange:
    """A salary range: amounts per period, a range code, optional steps.

    Amounts are decimal strings with two places ("53.18"). ``label`` names the
    level or group the range belongs to ("Risk Analyst I").
    """

    minimum: str | None = None
    maximum: str | None = None
    per: str | None = None
    code: str | None = None
    steps: list[str] = field(default_factory=list)
    label: str | None = None

    def to_dict(self) -> dict:
        return {"label": self.label, "code": self.code, "minimum": self.minimum,
                "maximum": self.maximum, "per": self.per, "steps": list(self.steps)}

    @classmethod
    def from_dict(cls, d: dict) -> "SalaryRange":
        return cls(minimum=d.get("minimum"), maximum=d.get("maximum"), per=d.get("per"),
                   code=d.get("code"), steps=list(d.get("steps") or []), label=d.get("label"))

    def describe(self) -> str:
        """One line, e.g. ``Range 42: $28.10 – $34.16 hourly``; parses back."""
        parts = []
        if self.label:
            parts.append(self.label + ",")
        if self.code:
            parts.append(f"Range {self.code}")
        head = " ".join(parts).rstrip(",")
        amounts = ""
        if self.steps:
            amounts = " ".join(money(s) for s in self.steps)
        elif self.minimum and self.maximum and self.minimum != self.maximum:
            amounts = f"{money(self.minimum)} – {money(self.maximum)}"
        elif self.minimum:
            amounts = money(self.minimum)
        if amounts and self.per:
            amounts += " " + PERIOD_WORDS[self.per]
        if head and amounts:
            return f"{head}: {amounts}"
        return head or amounts


def money(amount: str) -> str:
    """``"4512.00"`` as ``"$4,512.00"``."""
    return "${:,.2f}".format(Decimal(amount))


DATE_KEYS = ("established", "revised", "effective", "adopted", "date")


@dataclass
class JobClass:
    """One job class as an agency specifies it."""

    title: str = ""
    code: str | None = None
    agency: str | None = None
    department: str | None = None
    designation: str | None = None
    bargaining_unit: str | None = None
    flsa: str | None = None
    eeo: str | None = None
    salary: list[SalaryRange] = field(default_factory=list)
    salary_notes: list[str] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)

    @property
    def levels(self) -> list[str]:
        """The titles of a two-level (or more) class: "Analyst I/II"."""
        return class_levels(self.title)

    @property
    def history(self) -> list[dict]:
        """The dated entries of the class history sections."""
        out = []
        for section in self.sections:
            if section.name != "history":
                continue
            for item in section.items:
                if item.kind == "subheading":
                    continue
                out.append({"date": find_date(item.text), "text": item.text})
        return out

    def section(self, name: str) -> Section | None:
        """The first section with canonical ``name``."""
        return next((s for s in self.sections if s.name == name), None)

    def sections_named(self, name: str) -> list[Section]:
        return [s for s in self.sections if s.name == name]

    def to_dict(self) -> dict:
        return {
            "agency": self.agency, "code": self.code, "title": self.title,
            "levels": self.levels, "department": self.department,
            "designation": self.designation, "bargaining_unit": self.bargaining_unit,
            "flsa": self.flsa, "eeo": self.eeo,
            "salary": [r.to_dict() for r in self.salary],
            "salary_notes": list(self.salary_notes),
            "dates": dict(self.dates), "fields": dict(self.fields),
            "sections": [s.to_dict() for s in self.sections],
            "history": self.history,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "JobClass":
        return cls(
            title=d.get("title") or "", code=d.get("code"), agency=d.get("agency"),
            department=d.get("department"), designation=d.get("designation"),
            bargaining_unit=d.get("bargaining_unit"), flsa=d.get("flsa"), eeo=d.get("eeo"),
            salary=[SalaryRange.from_dict(r) for r in d.get("salary") or []],
            salary_notes=list(d.get("salary_notes") or []),
            dates=dict(d.get("dates") or {}), fields=dict(d.get("fields") or {}),
            sections=[Section.from_dict(s) for s in d.get("sections") or []],
        )


@dataclass
class Coverage:
    """How much of an input landed in the record.

    ``lines`` counts the input's non-blank, non-chrome lines; ``uncovered``
    lists (line number, text) of those that landed in no field; ``chrome`` the
    web-page lines removed.
    """

    lines: int = 0
    uncovered: list[tuple[int, str]] = field(default_factory=list)
    chrome: list[tuple[int, str]] = field(default_factory=list)

    @property
    def covered(self) -> int:
        return self.lines - len(self.uncovered)

    @property
    def ratio(self) -> float:
        return 1.0 if not self.lines else self.covered / self.lines

    def to_dict(self) -> dict:
        return {
            "ratio": round(self.ratio, 4), "lines": self.lines, "covered": self.covered,
            "uncovered": [{"line": n, "text": t} for n, t in self.uncovered],
            "chrome": [{"line": n, "text": t} for n, t in self.chrome],
        }


@dataclass
class Imported:
    """The result of one import: the class, its coverage, the source's name."""

    job_class: JobClass
    coverage: Coverage
    source: str | None = None

    def to_dict(self) -> dict:
        d = self.job_class.to_dict()
        d["coverage"] = self.coverage.to_dict()
        if self.source:
            d["source"] = self.source
        return d


# --------------------------------------------------------------------------
# Levels, dates, salary


_ROMAN = r"(?:I{1,3}|IV|V|VI{0,3})"
_LEVELS_RE = re.compile(rf"^(?P<base>.*?)\s+(?P<first>{_ROMAN})(?P<rest>(?:\s*(?:/|,|-|–|and|&)\s*{_ROMAN})+)$")


def class_levels(title: str) -> list[str]:
    """``"Risk Analyst I/II"`` gives ``["Risk Analyst I", "Risk Analyst II"]``."""
    m = _LEVELS_RE.match((title or "").strip())
    if not m:
        return []
    levels = [m["first"]] + re.findall(_ROMAN, m["rest"].replace("and", " "))
    levels = [lv for lv in levels if lv]
    return [f"{m['base']} {lv}" for lv in levels]


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b"),
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b"),
    re.compile(r"\b(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
    re.compile(_MONTH_RE + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH_RE + r",?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b" + _MONTH_RE + r",?\s+(?P<y>\d{4})\b", re.I),
]


def _date_from_match(m: re.Match) -> str | None:
    g = m.groupdict()
    year = int(g["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    if g.get("mon"):
        mon = g["mon"].lower().rstrip(".")
        month = _MONTHS["sept" if mon.startswith("sept") else mon[:3]]
    else:
        month = int(g["m"])
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    if g.get("d"):
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}"


def find_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 (day or month precision)."""
    best = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _date_from_match(m)
            if iso and (best is None or m.start() < best[0]):
                best = (m.start(), iso)
            break
    if best:
        return best[1]
    m = re.search(r"\b(19\d\d|20\d\d)\b", text)
    return m.group(1) if m else None


def parse_date(text: str) -> str | None:
    """``text`` as an ISO date if the whole text is a date, else None."""
    t = text.strip().strip(".,;()").strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(t)
        if m:
            return _date_from_match(m)
    if re.fullmatch(r"(19|20)\d\d", t):
        return t
    return None


_PERIOD_RE = re.compile(
    r"(?P<per>per\s+hour|hourly|/\s*hr\b|/\s*hour\b|per\s+hr\b|bi-?\s?weekly|per\s+pay\s+period|"
    r"semi-?\s?monthly|per\s+month|monthly|/\s*mo(?:nth)?\b|per\s+year|per\s+annum|annually|annual|"
    r"yearly|/\s*yr\b|/\s*year\b|per\s+week|weekly|\bhour\b|\bmonth\b|\byear\b)",
    re.I,
)
_AMOUNT_RE = re.compile(r"\$\s?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\$\s?\d+(?:\.\d{1,2})?")
_BARE_AMOUNT_RE = re.compile(r"(?<![\w.$])\d{1,3}(?:,\d{3})*\.\d{2}(?![\w.])")
_CODE_RE = re.compile(
    r"\b(?:salary\s+range|pay\s+grade|range|grade|schedule)\s*(?:no\.?|number|#|:)?\s*"
    r"(?P<code>[A-Z]{0,3}-?\d{1,3}[A-Z]?)\b|\b(?P<bare>[A-Z]{1,3}-\d{1,3}[A-Z]?)\b",
    re.I,
)
_TABLE_HEAD_RE = re.compile(
    r"^(?:(?:salary\s+)?(?:range|grade|class|level|period|rate|pay|title)\s*)*"
    r"(?:(?:step|stp)\s*[A-Z0-9]+[\s|]*){2,}$|^(?:minimum|min\.?)[\s|]+(?:maximum|max\.?)$",
    re.I,
)


def period_of(word: str) -> str:
    w = re.sub(r"[^a-z]", "", word.lower())
    if "semi" in w:
        return "semimonthly"
    if "bi" in w or "payperiod" in w:
        return "biweekly"
    if "hour" in w or w in ("hr", "perhr"):
        return "hour"
    if "week" in w:
        return "week"
    if "mo" in w:
        return "month"
    return "year"


def _amount(text: str) -> str:
    try:
        return "{:.2f}".format(Decimal(text.replace("$", "").replace(",", "").strip()))
    except InvalidOperation:  # pragma: no cover - the patterns only match numbers
        return text


def is_salary_table_head(line: str) -> bool:
    """A salary table's column heads ("Range  Step A  Step B ...")."""
    return bool(_TABLE_HEAD_RE.match(re.sub(r"\s+", " ", line.replace("|", " ")).strip()))


_LABEL_NOISE = re.compile(
    r"^(?:salary\s+ranges?|salary|pay\s+ranges?|pay|compensation|rate|wages?)\b\s*", re.I
)


def parse_salary_line(line: str, *, bare_amounts: bool = False) -> list[SalaryRange] | None:
    """The salary ranges a line states, or None if it states none.

    Understands "$53.18-$72.51 Hourly", "Monthly: $4,512 - $6,033",
    "Range M-36", "Risk Analyst I, Range 42: $28.10 $29.51 $30.98 hourly",
    table rows ("Hourly | $28.10 | $29.51 | ...") and two periods on a line.
    ``bare_amounts`` also reads numbers without "$" (inside a salary table).
    """
    text = line.replace("|", " ").replace("\t", " ")
    tokens = []
    for m in _AMOUNT_RE.finditer(text):
        tokens.append((m.start(), m.end(), "amount", m.group()))
    if bare_amounts:
        for m in _BARE_AMOUNT_RE.finditer(text):
            if not any(s <= m.start() < e for s, e, _, _ in tokens):
                tokens.append((m.start(), m.end(), "amount", m.group()))
    for m in _PERIOD_RE.finditer(text):
        if not any(s <= m.start() < e for s, e, _, _ in tokens):
            tokens.append((m.start(), m.end(), "per", m.group()))
    codes = []
    for m in _CODE_RE.finditer(text):
        if any(s <= m.start() < e for s, e, _, _ in tokens):
            continue
        code = m.group("code") or m.group("bare")
        if m.group("code") and not re.search(r"\d", code):
            continue
        codes.append(code.upper().replace(" ", ""))
        tokens.append((m.start(), m.end(), "code", code))
    tokens.sort()
    if not any(t[2] in ("amount", "code") for t in tokens):
        return None
    first = tokens[0][0]
    label = _LABEL_NOISE.sub("", text[:first].strip()).strip(" ,:;-–").strip()
    # Everything outside the tokens must be glue, or the line is prose.
    rest = text
    for s, e, _, _ in sorted(tokens, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    rest = rest[first:] if first < len(rest) else ""
    glue = re.sub(r"(?i)\b(?:to|and|steps?|[a-e]|per|from|salary|range|through)\b|[-–—,:;/()\s.]", "", rest)
    if glue:
        return None
    ranges: list[SalaryRange] = []
    pending: list[str] = []
    per_before: str | None = None

    def emit(per):
        if not pending:
            return
        amounts = [_amount(a) for a in pending]
        r = SalaryRange(minimum=amounts[0], maximum=amounts[-1], per=per)
        if len(amounts) >= 3:
            r.steps = amounts
        ranges.append(r)
        pending.clear()

    for _, _, kind, value in tokens:
        if kind == "amount":
            pending.append(value)
        elif kind == "per":
            per = period_of(value)
            if pending:
                if per_before:
                    emit(per_before)
                    per_before = per
                else:
                    emit(per)
            else:
                per_before = per
    emit(per_before)
    if not ranges:
        ranges = [SalaryRange()]
    for r in ranges:
        r.code = codes[0] if codes else None
        r.label = label or None
    return ranges


# --------------------------------------------------------------------------
# Web-page chrome

_CHROME_RES = [
    re.compile(p, re.I)
    for p in (
        r"^close\s+window\b.*$",
        r"^print(\s+(this\s+)?page)?$",
        r"^(close window|print page|print|email|share|bookmark)(\s*[:|•·/]\s*(close window|print page|print|email|share|bookmark))+$",
        r".*\bclick\s+here\b.*",
        r"^back\s+to\s+(top|list|search|results|class\s+specifications?)\b.*$",
        r"^return\s+to\b.*$",
        r"^skip\s+to\s+(main\s+)?content$",
        r"^(share|share this|email this page|bookmark|printer[- ]friendly( version)?|apply( now| online| here)?|sign in|log ?in)$",
        r"^page\s+\d+(\s+of\s+\d+)?$",
        r"^(©|copyright\b).*$",
        r"^powered\s+by\b.*$",
        r"^view\s+(all\s+)?(job|class)\w*\b.*$",
    )
]
_CHROME_RE = re.compile("|".join(f"(?:{p.pattern})" for p in _CHROME_RES), re.I)
_BREADCRUMB_RE = re.compile(r"^[\w .,'&-]{1,40}(\s*(>|»|›|/)\s*[\w .,'&-]{1,60}){2,}$")


def is_chrome(line: str) -> bool:
    """A line of web-page furniture ("Close Window : Print Page", "CLICK
    HERE", "Home > Jobs > Class Specs") rather than part of the spec."""
    t = " ".join(line.split())
    if not t:
        return False
    if _CHROME_RE.match(t):
        return True
    if _BREADCRUMB_RE.match(t) and re.match(r"(?i)^home\b", t):
        return True
    return False
