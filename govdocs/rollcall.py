"""Reading roll calls out of certifications and minutes.

A clerk's certification ends with the roll call::

    AYES:    COUNCILMEMBERS: Amante, Davert, Gavello, Murray
    NOES:    COUNCILMEMBERS: None
    ABSENT:  COUNCILMEMBERS: Nielsen

and minutes put it in a sentence ("... by the following vote: AYES: Bone,
Chu; NOES: None; ABSENT: Ortiz."). Decades of scanned records add OCR damage:
``A.....5: CpjjNNCIWIEN: Schuster, ...`` is an AYES line, ``BISEN- T :`` an
ABSENT line. :func:`parse_roll_call` reads such text into the names under
each option, the counts the text states ("- 5"), and the lines it could not
read. It never guesses a name: a fragment that does not look like a name is
reported, not kept.

Pure text processing: no files, no database.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher

from govdocs.votes import OPTIONS, Tally, tally

# The words clerks put before a list of names, and the option each means.
LABELS = {
    "AYES": "aye", "AYE": "aye", "YEAS": "aye", "AYES AND": "aye",
    "NOES": "no", "NAYES": "no", "NAYS": "no", "NAY": "no", "NOS": "no",
    "ABSTAIN": "abstain", "ABSTAINED": "abstain", "ABSTAINING": "abstain",
    "ABSTAINS": "abstain", "ABSTENTION": "abstain", "ABSTENTIONS": "abstain",
    "ABSENT": "absent", "EXCUSED": "absent", "ABSENT AND EXCUSED": "absent",
    "RECUSED": "recused", "RECUSE": "recused", "RECUSAL": "recused", "RECUSALS": "recused",
    "DISQUALIFIED": "recused", "NOT PARTICIPATING": "recused",
}
# Colon-headed words near a roll call that are not options.
NOT_LABELS = (
    "ATTEST", "PRESENT", "ALSO PRESENT", "STAFF PRESENT", "ROLL CALL", "MOTION",
    "MOVED", "SECOND", "SECONDED", "APPROVED", "DATED", "DATE", "SIGNED", "BY",
    "ACTION", "VOTE", "RESOLUTION", "ORDINANCE", "ITEM", "CITY CLERK", "MAYOR",
    "NOTE", "RE", "SUBJECT", "TO", "FROM", "ADOPTED", "PASSED",
)
_OPTION_ORDER = {"aye": 0, "no": 1, "abstain": 2, "absent": 3, "recused": 4}

_label_alternatives = "|".join(
    re.escape(label).replace(r"\ ", r"\s+") for label in sorted(LABELS, key=len, reverse=True)
)
# Anywhere in a line, a label needs its colon; at the start of a line a dash,
# a tab or a run of spaces will do.
_LABEL_ANYWHERE = re.compile(
    rf"(?<![A-Za-z])({_label_alternatives})\s*(?:\(\s*\d+\s*\))?\s*:", re.IGNORECASE
)
_LABEL_AT_START = re.compile(
    rf"^\s*({_label_alternatives})\s*(?:\(\s*\d+\s*\))?\s*(?::|[-\u2013\u2014](?!\w)|\t|\s{{2,}})",
    re.IGNORECASE,
)

_TITLE = re.compile(
    r"^(?:(?:mayor\s+pro\s+tem(?:pore)?|vice[\s-]+mayor|deputy\s+mayor|mayor|"
    r"council\s*(?:members?|men|man|women|woman|persons?)(?:\s*\(s\))?|"
    r"board\s*members?(?:\s*\(s\))?|directors?(?:\s*\(s\))?|supervisors?(?:\s*\(s\))?|"
    r"commissioners?(?:\s*\(s\))?|trustees?(?:\s*\(s\))?|members?(?:\s*\(s\))?|"
    r"vice[\s-]+(?:chair|president)(?:man|woman|person)?|chair(?:man|woman|person)?|"
    r"president|alderm[ae]n|mr\.?|mrs\.?|ms\.?|dr\.?)\s*)+",
    re.IGNORECASE,
)
_TITLE_WORDS = ("COUNCILMEN", "COUNCILMEMBERS", "COUNCILMEMBER", "COUNCILMAN",
                "BOARDMEMBERS", "DIRECTORS", "SUPERVISORS", "COMMISSIONERS", "TRUSTEES",
                "MEMBERS")
_NONE_WORDS = ("NONE", "NOONE", "NOBODY", "NA")
_OCR_DIGITS = str.maketrans({"0": "O", "1": "I", "5": "S", "7": "T", "8": "B", "4": "A",
                             "3": "E", "6": "G", "$": "S", "|": "I", "!": "I"})
_SENTENCE_AFTER = re.compile(r"\.\s+[A-Z][a-z]+\s+[a-z]")
_STATED_AT_END = re.compile(r"(?:\s*[-\u2013\u2014]\s*|\s*\(\s*)(\d{1,2})\s*\)?\s*\.?\s*$")


@dataclass
class RollCall:
    """Names under each option, as the text gives them.

    ``stated`` holds the counts the text writes out ("- 5", "(3)"), which a
    reader can compare with the names found. ``unread`` holds lines and
    fragments of the roll call that could not be read as a label or a name.
    ``line`` is the 1-based line where the roll call starts, or None if the
    text has none.
    """

    aye: list[str] = field(default_factory=list)
    no: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    recused: list[str] = field(default_factory=list)
    stated: dict[str, int] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    line: int | None = None

    @property
    def found(self) -> bool:
        return bool(self.labels)

    def names(self, option: str) -> list[str]:
        if option not in OPTIONS:
            raise ValueError(f"unknown option {option!r}")
        return getattr(self, option)

    def casts(self) -> dict[str, str]:
        """``{name: option}``; a name read under two options keeps the first."""
        result: dict[str, str] = {}
        for option in OPTIONS:
            for name in self.names(option):
                result.setdefault(name, option)
        return result

    def tally(self) -> Tally:
        return tally([o for o in OPTIONS for _ in self.names(o)])

    def to_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------
# Labels


def _letters(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text.translate(_OCR_DIGITS).upper())


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def _option_scores(prefix: str) -> dict[str, float]:
    """How much a (possibly damaged) label looks like each option's labels."""
    letters = _letters(prefix)
    scores = dict.fromkeys(OPTIONS, 0.0)
    for label, option in LABELS.items():
        scores[option] = max(scores[option], _similarity(letters, _letters(label)))
    return scores


def _looks_like_title(word: str) -> float:
    letters = _letters(word)
    return max(_similarity(letters, t) for t in _TITLE_WORDS) if letters else 0.0


def _is_not_a_label(prefix: str, best: float) -> bool:
    letters = _letters(prefix)
    return any(
        letters == _letters(word) or _similarity(letters, _letters(word)) > max(best, 0.8)
        for word in NOT_LABELS
    )


@dataclass
class _Line:
    number: int
    text: str
    spans: list = field(default_factory=list)  # (start of label, start of body, option)
    fuzzy: dict | None = None  # option -> score, for a damaged label
    prefix_end: int = 0
    accepted: bool = False


def _classify(number: int, text: str) -> _Line:
    line = _Line(number, text)
    start = _LABEL_AT_START.match(text)
    spans = []
    if start:
        spans.append((start.start(1), start.end(), LABELS[_norm_label(start.group(1))]))
    for m in _LABEL_ANYWHERE.finditer(text):
        if start and m.start() < start.end():
            continue
        spans.append((m.start(1), m.end(), LABELS[_norm_label(m.group(1))]))
    if spans:
        line.spans = spans
        line.accepted = True
        return line
    colon = text.find(":")
    if 0 < colon <= 20:
        prefix = text[:colon]
        letters = _letters(prefix)
        if 1 <= len(letters) <= 12 and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", prefix):
            scores = _option_scores(prefix)
            best = max(scores.values())
            if not _is_not_a_label(prefix, best):
                line.fuzzy = scores
                line.prefix_end = colon + 1
                rest = text[colon + 1:].strip()
                first_word = re.split(r"[\s:,]+", rest, maxsplit=1)[0] if rest else ""
                if best >= 0.8 or (best >= 0.3 and _looks_like_title(first_word) >= 0.6):
                    line.accepted = True
    return line


def _norm_label(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip().upper())


def _accept_neighbours(lines: list[_Line]) -> None:
    """A damaged label next to a roll-call line is a roll-call line too."""
    text_lines = [ln for ln in lines if ln.text.strip()]
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(text_lines):
            if ln.accepted or ln.fuzzy is None or max(ln.fuzzy.values()) < 0.25:
                continue
            neighbours = text_lines[max(0, i - 1):i] + text_lines[i + 1:i + 2]
            if any(n.accepted for n in neighbours):
                ln.accepted = True
                changed = True


# --------------------------------------------------------------------------
# Names


def _split_title_zone(body: str) -> str:
    """Drop "COUNCILMEMBERS:" (however damaged) that sits before the names."""
    if ":" in body:
        head, _, rest = body.rpartition(":")
        if len(head.strip()) <= 30 and ("," not in head or _looks_like_title(head) >= 0.6):
            return rest
    return body


def _strip_title(part: str) -> str:
    part = _TITLE.sub("", part.strip())
    words = part.split()
    # A damaged title with no colon: "C0UNCILMEN Schuster"
    if len(words) > 1 and words[0].isupper() and _looks_like_title(words[0]) >= 0.75:
        part = " ".join(words[1:])
    return part.strip()


def _is_none(part: str) -> bool:
    stripped = part.strip(" .-\u2013\u2014()")
    if stripped in ("", "0", "-0-"):
        return True
    letters = _letters(stripped)
    if letters in _NONE_WORDS:
        return True
    return len(stripped) <= 6 and _similarity(letters, "NONE") >= 0.75


def _is_name(part: str) -> bool:
    if not re.search(r"[A-Za-z]{2,}", part):
        return False
    if re.search(r"\d", part):
        return False
    letters = sum(ch.isalpha() for ch in part)
    return letters / max(1, len(part.replace(" ", ""))) >= 0.8 and len(part.split()) <= 4


def _read_names(body: str) -> tuple[list[str], int | None, list[str]]:
    """Names, the stated count, and fragments that are not names."""
    text = _split_title_zone(body).strip()
    sentence = _SENTENCE_AFTER.search(text)
    if sentence:
        text = text[:sentence.start()]
    text = text.strip().rstrip(";,.").strip()
    stated = None
    alone = re.fullmatch(r"\(?\s*(\d{1,2})\s*\)?", text)
    leading = re.match(r"(\d{1,2})\s*(?:[-\u2013\u2014:]\s*|(?=\())", text)
    trailing = _STATED_AT_END.search(text)
    if alone:
        stated, text = int(alone.group(1)), ""
    elif leading:
        stated, text = int(leading.group(1)), text[leading.end():]
    elif trailing and trailing.start() > 0:
        stated, text = int(trailing.group(1)), text[:trailing.start()]
    text = text.strip().strip("()[]").strip()
    if not text:
        return [], stated, []
    names, unread = [], []
    parts = re.split(r"\s*[,;&]\s*|\s+and\s+", text, flags=re.IGNORECASE)
    for part in parts:
        part = re.sub(r"^and\s+", "", part.strip(), flags=re.IGNORECASE)
        if not part:
            continue
        if _is_none(part):
            continue
        name = _strip_title(part)
        name = name.strip(" .'\"`\u2018\u2019()[]-")
        name = re.sub(r"\s+", " ", name)
        if not name:
            continue
        if _is_name(name):
            names.append(name)
        else:
            unread.append(part.strip())
    if stated is None and not names and not unread:
        stated = 0
    return names, stated, unread


# --------------------------------------------------------------------------
# Blocks


def _is_continuation(previous_body: str, text: str) -> bool:
    stripped = text.strip()
    if not stripped or ":" in stripped or len(stripped) > 80:
        return False
    if not re.fullmatch(r"[A-Za-z][A-Za-z.,'\u2019\- &()]*(?:[-\u2013\u2014(]\s*\d{1,2}\)?)?",
                        stripped):
        return False
    if len(stripped.split()) > 12:
        return False
    tail = previous_body.rstrip()
    body_so_far = _split_title_zone(tail).strip()
    return (
        not body_so_far
        or tail.endswith((",", "&", "-"))
        or re.search(r"\band$", tail, re.IGNORECASE) is not None
        or text[:1] in (" ", "\t")
    )


def _join(body: str, more: str) -> str:
    if body.rstrip().endswith("-") and more.strip()[:1].islower():
        return body.rstrip()[:-1] + more.strip()
    return body.rstrip() + " " + more.strip()


def parse_roll_calls(text: str) -> list[RollCall]:
    """Every vote roll call in the text, in order.

    A roll call is a run of option lines (a few stray lines between them are
    allowed); a repeated option starts the next one. A run with neither an
    AYES nor a NOES line (an attendance list, "Absent: Ortiz") is not a vote
    and is left out.
    """
    raw_lines = text.splitlines()
    lines = [_classify(i + 1, t) for i, t in enumerate(raw_lines)]
    _accept_neighbours(lines)

    blocks: list[list[tuple[_Line, list]]] = []  # each: list of (line, [segments])
    current: list = []
    used: set[str] = set()
    gap = 0
    last_body = None  # [option or None, body] of the last segment
    for ln in lines:
        if ln.accepted:
            segments = _segments(ln)
            options = {opt for opt, _ in segments if opt}
            if current and (gap >= 2 or options & used):
                blocks.append(current)
                current, used = [], set()
            current.append((ln, segments))
            used |= options
            gap = 0
            last_body = segments[-1]
        elif current and last_body is not None and _is_continuation(last_body[1], ln.text):
            last_body[1] = _join(last_body[1], ln.text)
        elif ln.text.strip():
            gap += 1
            last_body = None
    if current:
        blocks.append(current)

    calls = []
    for block in blocks:
        call = _read_block(block)
        if {"aye", "no"} & set(call.labels):
            calls.append(call)
    return calls


def _segments(ln: _Line) -> list[list]:
    """[[option or None, body], ...] for each label on the line."""
    if ln.spans:
        out = []
        for i, (_, body_start, option) in enumerate(ln.spans):
            end = ln.spans[i + 1][0] if i + 1 < len(ln.spans) else len(ln.text)
            out.append([option, ln.text[body_start:end]])
        return out
    return [[None, ln.text[ln.prefix_end:]]]


def _read_block(block) -> RollCall:
    call = RollCall(line=block[0][0].number)
    fixed = [seg[0] for _, segs in block for seg in segs if seg[0]]
    taken = set(fixed)
    # Damaged labels: the most confident first, each to an option not yet used.
    pending = [(ln, seg) for ln, segs in block for seg in segs if seg[0] is None]
    pending.sort(key=lambda item: -max(item[0].fuzzy.values()))
    for ln, seg in pending:
        choices = [(score, -_OPTION_ORDER[opt], opt) for opt, score in ln.fuzzy.items()
                   if opt not in taken and score >= 0.2]
        if not choices:
            call.unread.append(ln.text.strip())
            seg[0] = "?"
            continue
        _, _, option = max(choices)
        seg[0] = option
        taken.add(option)
    for ln, segs in block:
        for option, body in segs:
            if option == "?":
                continue
            names, stated, unread = _read_names(body)
            if option not in call.labels:
                call.labels.append(option)
            call.names(option).extend(n for n in names if n not in call.names(option))
            if stated is not None:
                call.stated[option] = call.stated.get(option, 0) + stated
            call.unread.extend(unread)
    return call


def parse_roll_call(text: str) -> RollCall:
    """The first vote roll call in the text (an empty RollCall if none)."""
    calls = parse_roll_calls(text)
    return calls[0] if calls else RollCall()
