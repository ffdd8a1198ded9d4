"""One exception tree for govdocs.

Every error govdocs raises on purpose is a ``GovdocsError``. Each class carries
the exit status the CLI uses for it; the CLI maps them to messages in exactly
one place (``govdocs.cli.main``), so commands never catch and re-wrap.

Exit statuses:

* 1 - the records or the store say no (bad record file, integrity, audit)
* 2 - the command was given impossible input (unknown rule, negative count)
* 3 - a rule of the field refuses the action (certifying a vote that failed)
* 4 - the thing named does not exist
* 5 - a tool govdocs needs is not installed (LibreOffice, Tesseract)
"""

from __future__ import annotations


class GovdocsError(Exception):
    """Root of every error govdocs raises on purpose."""

    exit_code = 1

    def __init__(self, message: str = "", **details):
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class InvalidInput(GovdocsError):
    """A value given on the command line or to the API cannot be used."""

    exit_code = 2


class RecordError(GovdocsError):
    """A record (usually from a file in records/) is wrong.

    Names the file, the line where it can be known, the field and what was
    expected, e.g. ``records/people.toml:14: field 'term_end': expected a date
    (YYYY-MM-DD), got '2024-13-01'``.
    """

    exit_code = 1

    def __init__(self, message: str, *, file=None, line=None, field=None, expected=None):
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        self.expected = expected
        super().__init__(message)
        self.message = self._format(message)

    def _format(self, message: str) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "")
        parts = []
        if self.field:
            parts.append(f"field '{self.field}'")
        parts.append(message)
        text = ": ".join(parts)
        if self.expected and "expected" not in message:
            text += f" (expected {self.expected})"
        return f"{where}: {text}" if where else text


class RecordErrors(GovdocsError):
    """Several record errors found in one pass; ``errors`` holds each one."""

    exit_code = 1

    def __init__(self, errors):
        self.errors = list(errors)
        count = len(self.errors)
        head = f"{count} error{'s' if count != 1 else ''} in the records; nothing was changed"
        super().__init__(head + ":\n" + "\n".join(f"  {e}" for e in self.errors))


class NotFound(GovdocsError):
    """The record, file or key named does not exist."""

    exit_code = 4


class Refused(GovdocsError):
    """A rule of the field forbids the action (and no flag overrides it)."""

    exit_code = 3


class ImmutableRecord(Refused):
    """An adopted resolution, a cast vote or an issued document cannot change."""


class IntegrityError(GovdocsError):
    """The store's integrity checks failed (e.g. a broken audit chain)."""

    exit_code = 1


class MissingTool(GovdocsError):
    """An optional external tool (LibreOffice, Tesseract, Chromium) is absent."""

    exit_code = 5
