"""A job class as text: its Markdown form, and the difference between two.

Pure functions over :class:`govdocs.jobclass.JobClass`. The Markdown form is
the one the importer reads back to the same record (header fields as a list
of "**Label:** value" lines, sections as "##" headings, list items as "-",
sub-groups in bold), so ``parse_text(to_markdown(jc)).job_class == jc``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .jobclass import DATE_KEYS, JobClass, Section, house_heading

__all__ = ["to_markdown", "header_rows", "diff_classes", "SectionChange", "ClassDiff"]

_DATE_LABELS = {"established": "Established", "adopted": "Adopted", "revised": "Revised",
                "effective": "Effective", "date": "Date"}


def header_rows(jc: JobClass) -> list[tuple[str, str]]:
    """The header fields of a class as (label, value) rows, in house order."""
    rows = []
    for label, value in (("Agency", jc.agency), ("Class code", jc.code),
                         ("Department", jc.department), ("Designation", jc.designation),
                         ("Bargaining unit", jc.bargaining_unit), ("FLSA status", jc.flsa),
                         ("EEO category", jc.eeo)):
        if value:
            rows.append((label, value))
    for r in jc.salary:
        rows.append(("Salary", r.describe()))
    for note in jc.salary_notes:
        rows.append(("Salary note", note))
    for key in DATE_KEYS:
        if key in jc.dates:
            rows.append((_DATE_LABELS[key], jc.dates[key]))
    for label, value in jc.fields.items():
        rows.append((label, value))
    return rows


def _section_md(section: Section) -> list[str]:
    out = [f"## {section.heading}", ""]
    in_list = False
    for item in section.items:
        if item.kind == "item":
            out.append("  " * item.level + f"- {item.text}")
            in_list = True
            continue
        if in_list:
            out.append("")
            in_list = False
        if item.kind == "subheading":
            out.extend([f"**{item.text}**", ""])
        else:
            out.extend([item.text, ""])
    if in_list:
        out.append("")
    return out


def to_markdown(jc: JobClass) -> str:
    """The class as Markdown that the importer reads back to the same record."""
    out = [f"# {jc.title}", ""]
    rows = header_rows(jc)
    out.extend(f"- **{label}:** {value}" for label, value in rows)
    if rows:
        out.append("")
    for section in jc.sections:
        out.extend(_section_md(section))
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------
# Differences


@dataclass
class SectionChange:
    """How one section differs: ``added``, ``removed`` or ``changed``;
    ``lines`` is a unified diff of its items for a changed section."""

    name: str
    heading: str
    change: str
    lines: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "heading": self.heading, "change": self.change,
                "lines": self.lines}


@dataclass
class ClassDiff:
    """The differences between two classes (or two revisions of one)."""

    header: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    sections: list[SectionChange] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not self.header and not self.sections

    def to_dict(self) -> dict:
        return {"same": self.same,
                "header": [{"field": f, "a": a, "b": b} for f, a, b in self.header],
                "sections": [s.to_dict() for s in self.sections]}

    def to_text(self, a_name: str = "a", b_name: str = "b") -> str:
        if self.same:
            return f"{a_name} and {b_name} are the same\n"
        out = []
        for f, a, b in self.header:
            out.append(f"{f}: {a or '(none)'} -> {b or '(none)'}")
        for s in self.sections:
            title = house_heading(s.heading)
            if s.change == "added":
                out.append(f"+ section {title} (only in {b_name})")
            elif s.change == "removed":
                out.append(f"- section {title} (only in {a_name})")
            else:
                out.append(f"~ section {title}")
            out.extend("    " + line for line in s.lines)
        return "\n".join(out) + "\n"


def _keyed_sections(jc: JobClass) -> dict[str, Section]:
    """Sections keyed by name, with a counter for repeated names
    ("duties", "duties#2") so a class with two duty lists compares pairwise."""
    seen: dict[str, int] = {}
    out = {}
    for s in jc.sections:
        seen[s.name] = seen.get(s.name, 0) + 1
        key = s.name if seen[s.name] == 1 else f"{s.name}#{seen[s.name]}"
        out[key] = s
    return out


def _item_lines(section: Section) -> list[str]:
    marks = {"item": "- ", "subheading": "## ", "paragraph": ""}
    return ["  " * i.level + marks[i.kind] + i.text for i in section.items]


def diff_classes(a: JobClass, b: JobClass) -> ClassDiff:
    """Section by section: header fields that differ, sections added,
    removed or changed (with a line diff of their items)."""
    result = ClassDiff()
    rows_a, rows_b = dict(_header_map(a)), dict(_header_map(b))
    for key in list(dict.fromkeys(list(rows_a) + list(rows_b))):
        if rows_a.get(key) != rows_b.get(key):
            result.header.append((key, rows_a.get(key), rows_b.get(key)))
    sa, sb = _keyed_sections(a), _keyed_sections(b)
    for key in list(dict.fromkeys(list(sa) + list(sb))):
        x, y = sa.get(key), sb.get(key)
        if x is None:
            result.sections.append(SectionChange(y.name, y.heading, "added", _item_lines(y)))
        elif y is None:
            result.sections.append(SectionChange(x.name, x.heading, "removed", _item_lines(x)))
        elif x.heading != y.heading or _item_lines(x) != _item_lines(y):
            lines = [ln.rstrip("\n") for ln in difflib.unified_diff(
                _item_lines(x), _item_lines(y), lineterm="", n=1)][2:]
            if x.heading != y.heading:
                lines.insert(0, f"heading: {x.heading} -> {y.heading}")
            result.sections.append(SectionChange(y.name, y.heading, "changed", lines))
    return result


def _header_map(jc: JobClass) -> list[tuple[str, str]]:
    rows = [("Title", jc.title)] + header_rows(jc)
    out, seen = [], {}
    for label, value in rows:
        seen[label] = seen.get(label, 0) + 1
        out.append((label if seen[label] == 1 else f"{label} {seen[label]}", value))
    return out
