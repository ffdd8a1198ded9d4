"""Reading record files: TOML, and Markdown with TOML front matter.

This module only reads and locates: it turns files into ``RawRecord``s that
know their file, the line of their header and the line of each key, so every
later error can say ``file:line: field 'x': ...``. Checking values against the
record kinds is the loader's job.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RecordError

SUFFIXES = (".toml", ".md")
FRONT_MATTER = "+++"
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass
class RawRecord:
    """One record as written in a file, before it is checked."""

    kind: str
    data: dict
    file: str
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str | None = None  # Markdown prose after the front matter
    body_line: int = 0

    def line_of(self, name: str | None) -> int:
        return self.key_lines.get(name, self.line) if name else self.line

    def error(self, message: str, field_name: str | None = None, expected: str | None = None):
        return RecordError(
            message, file=self.file, line=self.line_of(field_name),
            field=field_name, expected=expected,
        )


def find_files(paths) -> list[Path]:
    """Record files named directly, or found in folders (recursively), sorted."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith(".")
            )
        elif path.is_file():
            found.append(path)
        else:
            raise RecordError("no such file or folder", file=path)
    return found


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RecordError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})",
            file=path, line=line, expected="a UTF-8 encoded text file",
        ) from None


def _parse_toml(text: str, path: Path, line_offset: int = 0) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        bad_date = _bad_bare_date(text.splitlines()[line - 1]) if line else None
        if bad_date:
            name, value = bad_date
            raise RecordError(
                f"invalid date {value}", file=path, line=line + line_offset, field=name,
                expected="a date (YYYY-MM-DD)",
            ) from None
        raise RecordError(
            f"invalid TOML: {message}", file=path, line=line + line_offset if line else None,
        ) from None


_BARE_DATE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=\s*(\d{4}-\d{2}-\d{2})\b")


def _bad_bare_date(line: str):
    """(field, value) when a TOML line holds a date that does not exist."""
    import datetime as dt

    match = _BARE_DATE.match(line)
    if not match:
        return None
    try:
        dt.date.fromisoformat(match.group(2))
    except ValueError:
        return match.group(1), match.group(2)
    return None


def _locate(lines: list[str], line_offset: int = 0) -> dict[tuple[str, int], tuple[int, dict]]:
    """Map (kind, index) to (header line, {key: line}) for ``[[kind]]`` entries."""
    where: dict[tuple[str, int], tuple[int, dict]] = {}
    counts: dict[str, int] = {}
    current = None
    for number, text in enumerate(lines, start=1 + line_offset):
        header = _ARRAY_HEADER.match(text)
        if header:
            kind = header.group(1)
            index = counts.get(kind, 0)
            counts[kind] = index + 1
            current = (number, {})
            where[(kind, index)] = current
            continue
        if _TABLE_HEADER.match(text):
            current = None
            continue
        key = _KEY.match(text)
        if key and current is not None:
            current[1].setdefault(key.group(1), number)
    return where


def read_toml_file(path: Path, text: str) -> list[RawRecord]:
    document = _parse_toml(text, path)
    where = _locate(text.splitlines())
    records = []
    for kind, entries in document.items():
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            line = next(
                (i for i, t in enumerate(text.splitlines(), 1) if re.match(rf"^\s*\[?{re.escape(kind)}\b", t)),
                None,
            )
            raise RecordError(
                f"'{kind}' must be written as [[{kind}]] tables, one per record",
                file=path, line=line, field=kind,
            )
        for index, entry in enumerate(entries):
            line, key_lines = where.get((kind, index), (1, {}))
            records.append(RawRecord(kind, entry, str(path), line, dict(key_lines)))
    return records


def read_markdown_file(path: Path, text: str) -> list[RawRecord]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise RecordError(
            "a Markdown record must start with TOML front matter between '+++' lines",
            file=path, line=1, expected="'+++' on the first line",
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER)
    except StopIteration:
        raise RecordError("the front matter is not closed with a '+++' line", file=path, line=1) from None
    front = "\n".join(lines[1:end])
    data = _parse_toml(front, path, line_offset=1)
    key_lines = {}
    for number, line in enumerate(lines[1:end], start=2):
        key = _KEY.match(line)
        if key:
            key_lines.setdefault(key.group(1), number)
    kind = data.pop("kind", None)
    if not isinstance(kind, str):
        raise RecordError(
            "the front matter does not say what kind of record this is",
            file=path, line=1, field="kind", expected='kind = "resolution" (or another record kind)',
        )
    body = "\n".join(lines[end + 1:])
    return [RawRecord(kind, data, str(path), key_lines.get("kind", 2), key_lines, body, end + 2)]


def read_file(path: Path) -> list[RawRecord]:
    text = read_text(path)
    if path.suffix == ".md":
        return read_markdown_file(path, text)
    if path.suffix == ".toml":
        return read_toml_file(path, text)
    raise RecordError(
        f"unknown kind of record file '{path.suffix}'", file=path, expected="a .toml or .md file",
    )


def prose_sections(raw: RawRecord, sections: dict[str, str]) -> dict[str, list[str]]:
    """Split a Markdown body into paragraphs under ``## Heading`` sections.

    ``sections`` maps a heading (case-insensitive) to the field it fills.
    Text outside a known heading is an error naming its line.
    """
    known = {heading.lower(): name for heading, name in sections.items()}
    result: dict[str, list[str]] = {}
    current = None
    paragraph: list[str] = []

    def flush():
        if paragraph and current is not None:
            result.setdefault(current, []).append(" ".join(s.strip() for s in paragraph))
        paragraph.clear()

    for number, line in enumerate((raw.body or "").splitlines(), start=raw.body_line):
        stripped = line.strip()
        if stripped.startswith("#"):
            flush()
            heading = stripped.lstrip("#").strip().lower()
            if heading not in known:
                raise RecordError(
                    f"unknown section '{stripped.lstrip('#').strip()}'",
                    file=raw.file, line=number,
                    expected="one of: " + ", ".join(f"'## {h}'" for h in sections),
                )
            current = known[heading]
            result.setdefault(current, [])
            continue
        if not stripped:
            flush()
            continue
        if current is None:
            raise RecordError(
                "text before the first section heading", file=raw.file, line=number,
                expected="a heading such as " + ", ".join(f"'## {h}'" for h in sections),
            )
        paragraph.append(stripped)
    flush()
    return result
