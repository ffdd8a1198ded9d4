"""The words of a spec's header: field labels and their synonyms, agency,
department and designation lines, date qualifiers ("(Revised)").

Pure vocabulary for :mod:`govdocs.jobclass_parse`.
"""

from __future__ import annotations

import re

LABELS = {
    "code": ["class code", "code", "job code", "class no", "class number", "job class code",
             "class", "job number", "classification code", "job class", "class id", "job no"],
    "title": ["class title", "title", "job title", "classification title", "position title"],
    "agency": ["agency", "employer", "organization", "jurisdiction"],
    "department": ["department", "division", "dept"],
    "designation": ["designation", "class designation", "category", "class type", "service",
                    "classification type", "job category", "class category", "employee type",
                    "employment type", "civil service status"],
    "bargaining_unit": ["representation unit", "bargaining unit", "unit", "union",
                        "bargaining group", "representation", "employee group", "rep unit",
                        "employee unit", "employee association", "mou"],
    "flsa": ["flsa", "flsa status", "overtime status", "exempt status", "flsa designation",
             "fair labor standards act", "fair labor standards act status", "overtime"],
    "eeo": ["eeo", "eeo category", "eeo code", "eeo 4 category", "eeo4", "eeo 4 code",
            "eeo job category", "eeo 4", "eeo class"],
    "established": ["established", "date established", "created", "date created", "est"],
    "adopted": ["adopted", "date adopted", "approved", "date approved"],
    "revised": ["revised", "last revised", "revision date", "date revised", "rev",
                "date of revision", "last updated", "updated"],
    "effective": ["effective", "effective date", "date effective"],
    "date": ["date"],
    "salary": ["salary", "salary range", "pay range", "compensation", "range", "pay grade",
               "grade", "rate", "wage", "hourly rate", "monthly salary", "annual salary",
               "salary grade", "hourly", "monthly", "annual", "bi weekly", "biweekly",
               "salary schedule", "pay"],
    "salary_note": ["salary note", "salary notes", "pay note"],
}
LABEL_INDEX = {lab: key for key, labs in LABELS.items() for lab in labs}
DATE_FIELDS = ("established", "adopted", "revised", "effective", "date")
FOOTER_FIELDS = frozenset(DATE_FIELDS + ("flsa", "eeo", "bargaining_unit"))


KNOWN_LABEL_SPLIT = re.compile(
    r"\s+(?=(?:%s)\s*:\s)" % "|".join(
        re.escape(lab).replace(r"\ ", r"[\s-]+") for lab in sorted(LABEL_INDEX, key=len, reverse=True)
        if len(lab) > 3),
    re.I,
)


ANY_LABEL_SPLIT = re.compile(
    r"(?:\s{2,}|(?<=[\d.)\-])\s+)(?=(?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*:\s)")


def label_field(label: str) -> str | None:
    """The field a header label fills ("Representation Unit" is the
    bargaining unit), or None for a label the model does not know."""
    norm = re.sub(r"[^a-z0-9]+", " ", label.lower()).strip()
    return LABEL_INDEX.get(norm)


LABEL_VALUE_RE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z0-9 /&.'’()#-]{0,44}?)\s*:\s*(?P<value>\S.*)$")


def header_label_value(s: str) -> tuple[str, str] | None:
    m = LABEL_VALUE_RE.match(s)
    if not m or len(m["label"].split()) > 5:
        return None
    return m["label"].strip(), m["value"].strip()


CODE_INLINE_RE = re.compile(
    r"^(?P<pre>.*?)\b(?:class|job|position)\s+(?:code|no\.?|number|#)\s*[:#]?\s*(?P<code>[A-Z0-9][A-Z0-9./-]*)\s*(?P<post>.*)$",
    re.I,
)
AGENCY_RE = re.compile(
    r"\b(?:city|county|town|village|state) of\b|\b(?:district|authority|joint powers|"
    r"agency|insurance pool|risk management pool|consortium)\b",
    re.I,
)
DOC_KIND_RE = re.compile(
    r"\s*[-–,:]?\s*\b(?:class(?:ification)? (?:description|specification)|job (?:description|specification)|"
    r"class spec)s?\s*$",
    re.I,
)
DEPARTMENT_RE = re.compile(
    r"\b(?:department|division|office|commission|bureau|board of directors)$|"
    r"^(?:department|division|office|bureau) of\b|\b(?:human resources|personnel)\b", re.I
)
SUBPARTS = frozenset({"education", "experience", "training", "substitution", "special",
                       "license", "certificate", "certification"})
DESIGNATION_WORDS = frozenset(
    """management district city county civil service confidential exempt nonexempt non at will
    classified unclassified represented unrepresented supervisory executive professional technical
    clerical paraprofessional para part full time seasonal temporary elected appointed safety
    miscellaneous sworn mid middle senior non-represented non-exempt at-will part-time
    full-time employee employees general unit""".split()
)
QUALIFIER_RE = re.compile(
    r"^\(?(?P<q>revised|rev\.?|established|est\.?|adopted|amended|new|effective|updated)\)?$", re.I
)
FOOTER_DATE_RE = re.compile(
    r"^(?P<q>revised|rev\.?|established|est\.?|adopted|effective|updated|amended)\s*:?\s+(?P<d>[\w/,. -]+)$", re.I
)
QUALIFIER_KEY = {"rev": "revised", "revised": "revised", "amended": "revised", "updated": "revised",
                  "established": "established", "est": "established", "new": "established",
                  "adopted": "adopted", "effective": "effective"}


def pure_designation(s: str) -> bool:
    words = [w for w in re.split(r"[\s/,-]+", s.lower()) if w]
    return bool(words) and len(words) <= 4 and all(w in DESIGNATION_WORDS for w in words)
