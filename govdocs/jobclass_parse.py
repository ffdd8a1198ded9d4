"""Reading an agency's class specification from text into a :class:`JobClass`.

Pure: text in, record and coverage out. The text may be a plain-text copy of
a Word file or PDF, a web page pasted as text, or Markdown (the importer reads
its own Markdown rendering back to the same record). What it copes with:

* the header before the first section: agency, class code (also run into
  another line, "PERSONNEL COMMISSION Class Code 2361"), title, labelled
  fields ("Representation Unit: ..."), several fields on one line, dates with
  a "(Revised)" line under them, salary lines and salary tables;
* section headings in capitals, in title case, in Markdown or bold, with or
  without a colon, bulleted by a careless web page, or run in ("DEFINITION:
  Under general direction ..."), mapped to canonical names by their synonyms;
* bulleted, numbered and unmarked list items, lines wrapped by a PDF or a
  mail program, "Knowledge of:" / "Ability to:" lists, sub-groups inside a
  section ("Liability:", "Education:", "Either I" / "Or II");
* web-page chrome ("Close Window : Print Page", "CLICK HERE", breadcrumbs),
  removed and listed.

Every non-blank, non-chrome line is either placed in some field or reported in
``Coverage.uncovered`` with its line number.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from .jobclass import (
    LIST_SECTIONS,
    Coverage,
    Imported,
    Item,
    JobClass,
    SalaryRange,
    Section,
    find_date,
    heading_name,
    is_chrome,
    is_salary_table_head,
    normalize_heading,
    parse_date,
    parse_salary_line,
    slug,
)
from .jobclass_labels import (
    AGENCY_RE,
    ANY_LABEL_SPLIT,
    CODE_INLINE_RE,
    DATE_FIELDS,
    DEPARTMENT_RE,
    DOC_KIND_RE,
    FOOTER_DATE_RE,
    FOOTER_FIELDS,
    header_label_value,
    KNOWN_LABEL_SPLIT,
    label_field,
    pure_designation,
    QUALIFIER_KEY,
    QUALIFIER_RE,
    SUBPARTS,
)

__all__ = ["parse_text", "label_field", "header_label_value"]

_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",
                         "\u200b": "", "\ufeff": "", "\t": "    "})
_BULLET_RE = re.compile(r"^(?P<m>[•·▪■◦●○◆➢►✓\u2022\u2023\u2043\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf0a8]|[-*–](?!\*)|o(?=\s))\s+(?P<t>\S.*)$")
_NUMBER_RE = re.compile(
    r"^(?P<m>\(?\d{1,2}[.)]|\([a-z]\)|[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)])\s+(?P<t>\S.*)$"
)
_MD_HEADING_RE = re.compile(r"^(?P<h>#{1,6})\s+(?P<t>.*?)\s*#*$")
_BOLD_RE = re.compile(r"^\*\*(?P<t>[^*]+?)\*\*\s*(?P<c>:?)\s*$")
_EITHER_RE = re.compile(
    r"^(?P<h>(?:either|or|pattern|option|alternative)\s+(?:[IVX]{1,4}|[1-9]|[A-D]))\b[.:)]?\s*(?P<rest>.*)$",
    re.I,
)
_TERMINAL = (".", ";", "!", "?", '."', ".”", ";”")


@dataclass
class _Line:
    no: int
    text: str          # normalized, right-stripped, with indentation
    kind: str          # blank | chrome | md | bold | bullet | number | plain
    body: str = ""     # without marker, bold stars or hashes
    indent: int = 0
    md_level: int = 0
    colon: bool = False
    marker: str = ""
    spaced: str = ""   # the body with its inner runs of spaces kept (columns)


def _classify(no: int, raw: str) -> _Line:
    text = raw.translate(_SPACES).rstrip()
    stripped = text.strip()
    indent = len(text) - len(text.lstrip())
    if not stripped:
        return _Line(no, text, "blank")
    if is_chrome(stripped):
        return _Line(no, text, "chrome", stripped, indent)
    spaced = stripped
    stripped = " ".join(stripped.split())
    m = _MD_HEADING_RE.match(stripped)
    if m and m["t"]:
        return _Line(no, text, "md", m["t"].strip().rstrip(":").strip(), indent, len(m["h"]))
    m = _BOLD_RE.match(stripped)
    if m:
        body = m["t"].strip()
        colon = bool(m["c"]) or body.endswith(":")
        return _Line(no, text, "bold", body.rstrip(":").strip(), indent, colon=colon)
    m = _BULLET_RE.match(stripped)
    if m:
        return _Line(no, text, "bullet", m["t"].strip(), indent, marker=m["m"])
    m = _NUMBER_RE.match(stripped)
    if m:
        return _Line(no, text, "number", m["t"].strip(), indent, marker=m["m"])
    return _Line(no, text, "plain", stripped, indent, spaced=spaced)


_LETTER_RE = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=4096)
def _is_caps(s: str) -> bool:
    return (s.upper() == s and not s.endswith((".", ";", ",")) and len(s.split()) <= 10
            and len(_LETTER_RE.findall(s)) >= 3)


_SMALL = frozenset("a an the and or nor of to in on at by for from with as per among into its".split())


@functools.lru_cache(maxsize=4096)
def _is_title_case(s: str, max_words: int = 8) -> bool:
    s = s.rstrip(":").strip()
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", s)
    if not words or len(s.split()) > max_words or s.endswith((".", ";", ",")):
        return False
    if not s[0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)


def _strip_md(s: str) -> str:
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    s = re.sub(r"^#+\s+", "", s)
    return s.strip()


class _Parser:
    def __init__(self, text: str):
        raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = [_classify(i + 1, raw.replace("\f", "")) for i, raw in enumerate(raw_lines)]
        self.page_breaks = {i for i, raw in enumerate(raw_lines) if raw.startswith("\f")}
        self.jc = JobClass()
        self.coverage = Coverage()
        self.uncovered: dict[int, str] = {}
        content = [len(ln.text.strip()) for ln in self.lines if ln.kind in ("plain", "bullet", "number")]
        content.sort()
        self.width = content[int(len(content) * 0.95) - 1] if content else 80
        self.wrapped = self.width <= 130
        self._shape_cache: dict[int, bool] = {}

    # -- front matter -----------------------------------------------------
    def front_matter(self) -> int:
        first = next((i for i, ln in enumerate(self.lines) if ln.kind != "blank"), None)
        if first is None or self.lines[first].text.strip() != "+++":
            return 0
        end = next((i for i in range(first + 1, len(self.lines))
                    if self.lines[i].text.strip() == "+++"), None)
        if end is None:
            return 0
        data = tomllib.loads("\n".join(ln.text for ln in self.lines[first + 1:end]))
        jc = self.jc
        for key in ("title", "code", "agency", "department", "designation",
                    "bargaining_unit", "flsa", "eeo"):
            if key in data:
                setattr(jc, key, str(data[key]))
        jc.dates.update({k: str(v) for k, v in (data.get("dates") or {}).items()})
        jc.fields.update({k: str(v) for k, v in (data.get("fields") or {}).items()})
        jc.salary.extend(SalaryRange.from_dict(r) for r in data.get("salary") or [])
        jc.salary_notes.extend(data.get("salary_notes") or [])
        return end + 1

    # -- headings ----------------------------------------------------------
    def heading_at(self, i: int, current: str | None, marked: bool = False):
        """(name, heading, rest) if line i starts a section, else None."""
        ln = self.lines[i]
        prev_blank = i == 0 or self.lines[i - 1].kind in ("blank", "chrome") or \
            self._starts_section_shape(i - 1)
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        next_blank = nxt is None or nxt.kind in ("blank", "chrome")
        if ln.kind == "md":
            name = heading_name(ln.body)
            if name and name == current and normalize_heading(ln.body) in SUBPARTS:
                return None
            return (name or slug(ln.body), ln.body, "")
        if ln.kind == "bold":  # bold on a line of its own: a sub-group, unless a known heading
            name = heading_name(ln.body, keywords=False)
            if (name and name != "salary" and name != current and (_is_caps(ln.body) or _is_title_case(ln.body))
                    and normalize_heading(ln.body) not in SUBPARTS):
                return (name, ln.body, "")
            return None
        if ln.kind not in ("plain", "bullet"):
            return None
        s = ln.body
        lv = header_label_value(s)
        if s.endswith(":") and not lv:
            head = s[:-1].strip()
            name = heading_name(head, keywords=_is_caps(head) or _is_title_case(head))
            if name and name == current and (normalize_heading(head) in SUBPARTS or not prev_blank):
                return None
            if name:
                return (name, head, "")
            return None
        if lv:
            head, rest = lv
            name = heading_name(head, keywords=False)
            if name and name != current and (_is_caps(head) or _is_title_case(head)):
                return (name, head, rest)
            return None
        shaped_caps = _is_caps(s)
        prev_ends = i > 0 and self.lines[i - 1].body.endswith((".", ":", ";"))
        shaped_title = _is_title_case(s) and (prev_blank or ln.kind == "bullet" or (
            prev_ends and heading_name(s, keywords=False) is not None))
        if not (shaped_caps or shaped_title):
            return None
        name = heading_name(s)
        if name:
            if ln.kind == "bullet" and not _is_title_case(s, 6):
                return None
            if name == current and normalize_heading(s) in SUBPARTS:
                return None
            return (name, s, "")
        if ln.kind == "bullet" or _EITHER_RE.match(s):
            return None
        if shaped_caps and (len(s.split()) >= 2 or len(s) >= 8) and current is not None:
            return (slug(s), s, "")
        if (shaped_title and next_blank and (current not in LIST_SECTIONS or marked)
                and current is not None and len(s.split()) <= 6):
            return (slug(s), s, "")
        return None

    def _starts_section_shape(self, i: int) -> bool:
        if i in self._shape_cache:
            return self._shape_cache[i]
        self._shape_cache[i] = value = self._section_shape(i)
        return value

    def _section_shape(self, i: int) -> bool:
        ln = self.lines[i]
        return ln.kind == "md" or (ln.kind in ("plain", "bold") and _is_caps(ln.body)
                                   and heading_name(ln.body) is not None)

    def header_end(self, start: int) -> int:
        titled = False
        for i in range(start, len(self.lines)):
            ln = self.lines[i]
            if ln.kind == "md" and (ln.md_level == 1 or (not titled and heading_name(ln.body) is None)):
                titled = True
                continue
            if ln.kind == "md":
                if heading_name(ln.body) != "salary":
                    return i
                continue
            h = self.heading_at(i, current="")
            if h and h[0] != "salary" and (h[0] in _KNOWN or ln.kind == "md"):
                return i
        return len(self.lines)

    # -- header --------------------------------------------------------------
    def header(self, start: int, end: int) -> None:
        jc = self.jc
        for i in range(end - 1, start, -1):
            ln, up = self.lines[i], self.lines[i - 1]
            if (ln.kind == "plain" and ln.body[:1].islower() and up.kind not in ("blank", "chrome")
                    and (up.body.endswith("-") or ln.indent > up.indent)):
                glue = "" if up.body.endswith("-") and up.body[-2:-1].isalpha() else " "
                up.body = up.body + glue + ln.body
                up.spaced = (up.spaced or up.body) + glue + ln.body if up.spaced else ""
                ln.kind = "joined"
        free: list[tuple[int, str, bool]] = []
        last_date_key = None
        in_salary = False
        for i in range(start, end):
            ln = self.lines[i]
            if ln.kind == "chrome":
                self.coverage.chrome.append((ln.no, ln.body))
                continue
            if ln.kind in ("blank", "joined"):
                continue
            s = _strip_md(ln.body if ln.kind != "md" else ln.body)
            if ln.kind in ("bullet", "number"):
                s = _strip_md(ln.body)
            if ln.kind == "md" and heading_name(s) != "salary":
                if jc.title:
                    free.append((ln.no, s, True))
                else:
                    jc.title = s
                continue
            if heading_name(s.rstrip(":"), keywords=False) == "salary" and len(s.split()) <= 4:
                in_salary = True
                continue
            if in_salary or "$" in s or is_salary_table_head(s):
                if is_salary_table_head(s):
                    continue
                ranges = parse_salary_line(s, bare_amounts=in_salary)
                if ranges:
                    self.add_salary(ranges)
                    continue
                in_salary = False
            q = QUALIFIER_RE.match(s)
            if q and last_date_key == "date":
                jc.dates[QUALIFIER_KEY[q["q"].lower().rstrip(".")]] = jc.dates.pop("date")
                last_date_key = None
                continue
            m = re.fullmatch(r"(?P<d>.+?)\s*\((?P<q>[A-Za-z.]+)\)", s)
            if m and parse_date(m["d"]) and QUALIFIER_RE.match(m["q"]):
                jc.dates[QUALIFIER_KEY[m["q"].lower().rstrip(".")]] = parse_date(m["d"])
                continue
            iso = parse_date(s)
            if iso and not re.fullmatch(r"\d{4}", s.strip()):
                jc.dates["date"] = iso
                last_date_key = "date"
                continue
            last_date_key = None
            if self.labelled(_strip_md(ln.spaced) if ln.spaced else s):
                continue
            m = CODE_INLINE_RE.match(s)
            if m and not jc.code:
                jc.code = m["code"].rstrip(".")
                pre = m["pre"].strip(" -–:,")
                if pre:
                    self.place_org(pre)
                post = m["post"].strip(" -–:,")
                if post:
                    free.append((ln.no, post, False))
                continue
            if DOC_KIND_RE.fullmatch(" " + s) and "Document" not in jc.fields:
                jc.fields["Document"] = s
                continue
            if DEPARTMENT_RE.search(s) and not jc.department and len(s.split()) <= 8 \
                    and not AGENCY_RE.search(s) and not s.endswith("."):
                jc.department = s
                continue
            if pure_designation(s) and not self.jc.designation:
                self.jc.designation = s
                continue
            if AGENCY_RE.search(s) and len(s.split()) <= 12 and not s.endswith("."):
                self.place_org(s)
                continue
            free.append((ln.no, s, False))
        self.place_free(free)

    def place_org(self, s: str) -> None:
        jc = self.jc
        name = DOC_KIND_RE.sub("", s).strip() or s
        if name != s and "Document" not in jc.fields:
            jc.fields["Document"] = s[len(name):].strip(" -–,:")
        if not jc.agency and AGENCY_RE.search(name):
            jc.agency = name
        elif not jc.department:
            jc.department = name
        else:
            jc.fields["Office"] = name

    def labelled(self, s: str) -> bool:
        """Place a line of one or more "Label: value" fields; False if it is not one."""
        cells = [c.strip() for c in s.strip().strip("|").split("|")] if "|" in s else []
        if len(cells) == 2 and header_label_value(cells[0] + ": " + cells[1]):  # a table row
            self.set_field(cells[0], cells[1], cells[0] + ": " + cells[1])
            return True
        segments = [seg.strip() for seg in re.split(
            r"\s{3,}(?=[A-Z][\w .'/#()&-]{0,40}:)|\s+\|\s+|;\s+(?=[A-Z][\w ]{0,30}:)", s) if seg.strip()]
        segments = [re.sub(r":\s{2,}", ": ", seg) for seg in segments]
        split = []
        for seg in segments:
            lv = header_label_value(seg)
            if lv:
                value = seg[len(seg) - len(lv[1]):]
                first, *more = KNOWN_LABEL_SPLIT.split(value)
                if not more and label_field(lv[0]) in DATE_FIELDS + ("code", "flsa", "eeo"):
                    first, *more = ANY_LABEL_SPLIT.split(value)
                split.append(seg[: len(seg) - len(lv[1])] + first)
                split.extend(more)
            else:
                split.append(seg)
        segments = [seg.strip() for seg in split if seg.strip()]
        pairs = [header_label_value(seg) for seg in segments]
        if not pairs or not all(pairs):
            return False
        if not all(label_field(lab) or len(val) <= 80 for lab, val in pairs):
            return False
        for (label, value), seg in zip(pairs, segments):
            self.set_field(label, value, seg)
        return True

    def set_field(self, label: str, value: str, segment: str) -> None:
        jc = self.jc
        key = label_field(label)
        value = _strip_md(value)
        if key == "salary":
            ranges = parse_salary_line(segment) or parse_salary_line(value)
            if ranges:
                self.add_salary(ranges)
            else:
                jc.salary_notes.append(value)
        elif key == "salary_note":
            jc.salary_notes.append(value)
        elif key in DATE_FIELDS:
            iso = parse_date(value) or find_date(value)
            if iso:
                jc.dates[key] = iso
            else:
                jc.fields[label] = value
        elif key and not getattr(jc, key):
            setattr(jc, key, value)
        else:
            jc.fields[label] = value

    def add_salary(self, ranges: list[SalaryRange]) -> None:
        sal = self.jc.salary
        code_only = [r for r in sal if r.minimum is None and r.code and not r.label]
        for r in ranges:
            if r.minimum is not None and not r.code and code_only:
                r.code = code_only[-1].code
                self._used_codes.add(id(code_only[-1]))
            sal.append(r)

    def finish_salary(self) -> None:
        self.jc.salary = [r for r in self.jc.salary if id(r) not in self._used_codes]

    def place_free(self, free: list[tuple[int, str, bool]]) -> None:
        jc = self.jc
        candidates = [(no, s) for no, s, _ in free
                      if len(s.split()) <= 12 and len(s) <= 90 and not s.endswith(".")
                      and re.search(r"[A-Za-z]", s)]
        if not jc.title:
            titled = [c for c in candidates if not pure_designation(c[1])] or candidates
            if titled:
                jc.title = titled[-1][1]
                free = [f for f in free if f[0] != titled[-1][0]]
        for no, s, _ in free:
            if not jc.designation and pure_designation(s):
                jc.designation = s
            else:
                self.uncovered[no] = s

    # -- body ----------------------------------------------------------------
    def body(self, start: int) -> None:
        current: Section | None = None
        marked: dict[int, bool] = {}
        entry: list | None = None  # [kind, level, parts, marked]
        prev: _Line | None = None
        in_salary = False
        base_indent: dict[int, int] = {}

        def flush():
            nonlocal entry
            if entry is not None and current is not None:
                text = _join(entry[2])
                current.items.append(Item(text=text, kind=entry[0], level=entry[1]))
                marked.setdefault(id(current), False)
                if entry[3]:
                    marked[id(current)] = True
            entry = None

        def open_section(name, heading):
            nonlocal current
            flush()
            current = Section(name=name, heading=heading)
            self.jc.sections.append(current)

        skip: set[int] = set()
        for i in range(start, len(self.lines)):
            ln = self.lines[i]
            if i in skip:
                continue
            if ln.kind == "chrome":
                self.coverage.chrome.append((ln.no, ln.body))
                continue
            if ln.kind == "blank":
                flush()
                prev = ln
                continue
            if current is not None and ln.kind == "plain" and FOOTER_DATE_RE.match(ln.body) \
                    and self.footer_field(ln.body, current):
                flush()
                prev = ln
                continue
            h = None if self._label_under_heading(i, current, entry) else self.heading_at(
                i, current.name if current else None, bool(current and marked.get(id(current))))
            if h:
                name, heading, rest = h
                flush()
                if not rest and self._heading_goes_on(i):
                    heading = heading + " " + self.lines[i + 1].body
                    skip.add(i + 1)
                if name == "salary":
                    in_salary = True
                    prev = ln
                    continue
                in_salary = False
                open_section(name, heading)
                if rest:
                    entry = ["paragraph", 0, [rest], False]
                prev = ln
                continue
            s = ln.body
            if in_salary:
                if is_salary_table_head(s):
                    continue
                ranges = parse_salary_line(_strip_md(s), bare_amounts=True)
                if ranges:
                    self.add_salary(ranges)
                else:
                    self.jc.salary_notes.append(_strip_md(s))
                continue
            if current is None:  # text after the header that no heading claims
                self.uncovered[ln.no] = s
                continue
            if ln.kind in ("plain", "bullet") and self.footer_field(s, current):
                flush()
                prev = ln
                continue
            sub = self.subheading(ln, current)
            if not sub and self._label_under_heading(i, current, entry):
                sub = (s, "")  # a label right under a heading: a sub-group ("Analyst I")
            if sub:
                flush()
                head, rest = sub
                current.items.append(Item(text=head, kind="subheading"))
                if rest:
                    entry = ["paragraph", 0, [rest], False]
                prev = ln
                continue
            if ln.kind in ("bullet", "number"):
                flush()
                key = id(current)
                base = base_indent.setdefault(key, ln.indent)
                level = 1 if (ln.indent >= base + 2 or ln.marker in ("o", "◦", "○")
                              or re.fullmatch(r"\(?[a-z][.)]|\([a-z]\)|\(?[ivx]{1,4}[.)]|\([ivx]{1,4}\)", ln.marker)) else 0
                if ln.indent < base:
                    base_indent[key] = ln.indent
                entry = ["item", level, [s], True]
            elif entry is not None and prev is not None and prev.kind != "blank" and \
                    self.joins(entry[2][-1], s, page_break=i in self.page_breaks):
                entry[2].append(s)
            else:
                flush()
                entry = ["paragraph", 0, [s], False]
            if s.endswith(":"):
                flush()
            prev = ln
        flush()
        for section in self.jc.sections:
            if section.name in LIST_SECTIONS and not marked.get(id(section)):
                for item in section.items:
                    if item.kind == "paragraph":
                        item.kind = "item"

    def _label_under_heading(self, i: int, current: Section | None, entry) -> bool:
        ln = self.lines[i]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return (current is not None and not current.items and entry is None and ln.kind == "plain"
                and _is_title_case(ln.body) and not re.search(r"[:\d]", ln.body)
                and not _is_caps(ln.body) and (nxt is None or nxt.kind == "blank"))

    def _heading_goes_on(self, i: int) -> bool:
        """A capitals heading a PDF wrapped onto a second line."""
        ln = self.lines[i]
        if i + 1 >= len(self.lines) or not _is_caps(ln.body):
            return False
        nxt = self.lines[i + 1]
        after = self.lines[i + 2] if i + 2 < len(self.lines) else None
        return (nxt.kind == "plain" and _is_caps(nxt.body) and len(nxt.body.split()) <= 4
                and heading_name(nxt.body, keywords=False) is None and not _EITHER_RE.match(nxt.body)
                and (after is None or after.kind == "blank" or not _is_caps(after.body)))

    def subheading(self, ln: _Line, current: Section):
        s = ln.body
        if ln.kind in ("bold", "md"):
            return (s, "")
        if (ln.kind == "plain" and _is_title_case(s, 3) and normalize_heading(s) in SUBPARTS
                and heading_name(s, keywords=False) == current.name):
            return (s.rstrip(":").strip(), "")
        if ln.kind not in ("plain", "bullet"):
            return None
        m = _EITHER_RE.match(s)
        if m and (not m["rest"] or m["rest"][:1].isupper()):
            return (m["h"], m["rest"])
        if s.endswith(":"):
            head = s[:-1].strip()
            if (len(head.split()) <= 6 and len(head) <= 50 and not head.endswith(_TERMINAL)
                    and _is_title_case(head) and "," not in head):
                return (head, "")
            return None
        lv = header_label_value(s)
        if lv:
            head, rest = lv
            if heading_name(head, keywords=False) == current.name and head[:1].isupper():
                return (head, rest)
        return None

    def footer_field(self, s: str, current: Section) -> bool:
        if current.name == "history":
            return False
        m = FOOTER_DATE_RE.match(s)
        if m and parse_date(m["d"]):
            self.jc.dates[QUALIFIER_KEY[m["q"].lower().rstrip(".")]] = parse_date(m["d"])
            return True
        segments = [seg.strip() for seg in re.split(r"\s{3,}|\s+\|\s+|;\s+", s) if seg.strip()]
        pairs = [header_label_value(seg) for seg in segments]
        if not pairs or not all(pairs):
            return False
        keys = [label_field(lab) for lab, _ in pairs]
        if not all(k in FOOTER_FIELDS for k in keys):
            return False
        if not all(parse_date(v) for (_, v), k in zip(pairs, keys) if k in DATE_FIELDS):
            return False
        for (label, value), seg in zip(pairs, segments):
            self.set_field(label, value, seg)
        return True

    def joins(self, prev: str, cur: str, page_break: bool = False) -> bool:
        """Whether line ``cur`` goes on the paragraph whose last line is ``prev``."""
        if prev.endswith(":") or _LABEL_START_RE.match(cur):
            return False
        last = prev.rsplit(None, 1)[-1].lower()
        glued = cur[:1].islower() or prev.endswith(("-", ",", "/")) or last in _GLUE_WORDS
        if page_break:  # a new page: only an obviously unfinished sentence goes on
            return glued and not prev.endswith(_TERMINAL)
        if prev.endswith(_TERMINAL):
            return self.wrapped and len(prev) >= self.width - 25
        return glued or len(prev) >= 0.55 * self.width

    # -- all -------------------------------------------------------------------
    def run(self) -> Imported:
        self._used_codes: set[int] = set()
        start = self.front_matter()
        end = self.header_end(start)
        self.header(start, end)
        self.body(end)
        self.finish_salary()
        self.derive_dates()
        counted = [ln for ln in self.lines[start:] if ln.kind not in ("blank", "chrome")]
        self.coverage.lines = len(counted) + (1 if start else 0)
        self.coverage.uncovered = sorted(self.uncovered.items())
        return Imported(job_class=self.jc, coverage=self.coverage)

    def derive_dates(self) -> None:
        dates = self.jc.dates
        for entry in self.jc.history:
            if not entry["date"]:
                continue
            low = entry["text"].lower()
            if re.search(r"\b(establish|creat|adopt)", low) and "established" not in dates:
                dates["established"] = entry["date"]
        revised = [e["date"] for e in self.jc.history if e["date"]
                   and re.search(r"\b(revis|amend|updat|retitl|reclass)", e["text"].lower())]
        if revised and "revised" not in dates:
            dates["revised"] = max(revised)


_KNOWN = frozenset(
    ["definition", "distinguishing_characteristics", "supervision", "duties", "knowledge",
     "skills", "abilities", "qualifications", "licenses", "special_requirements",
     "working_conditions", "career_ladder", "notes", "history"]
)


_GLUE_WORDS = frozenset(
    "a an the and or of for to in on at by with as from into including such than that which who".split()
)
_LABEL_START_RE = re.compile(r"^[A-Z][\w.'’-]*(?: [\w.'’-]+){0,3}:(?:\s|$)")


def _join(parts: list[str]) -> str:
    out = parts[0]
    for p in parts[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and p[:1].islower():
            out = out + p
        else:
            out = out + " " + p
    return out


def parse_text(text: str, source: str | None = None) -> Imported:
    """Parse one class specification; the record and its coverage.

    >>> r = parse_text("CLAIMS CLERK\\nClass Code: 101\\n\\nDEFINITION\\n\\nFiles claims.")
    >>> r.job_class.code, r.job_class.sections[0].name, r.coverage.ratio
    ('101', 'definition', 1.0)
    """
    result = _Parser(text).run()
    result.source = source
    return result
