"""Reading what a person typed into the search box (pure).

Supported: words (all must match), "quoted phrases", prefixes (``counc*``),
``OR`` between two terms, and exclusion (``-word`` or ``NOT word``) when
something else is asked for. Everything else is read as plain words: an
unbalanced quote, a stray ``*`` or ``(``, ``field:value``, ``AND``. Parsing
never fails. A word with punctuation inside ("79-91", "by-laws",
"7.110(a)(2)") is read as the phrase of its parts, the way it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TERMS = 32
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # lower case; one word, or the words of a phrase
    prefix: bool = False  # the last word is a prefix
    quoted: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def __str__(self) -> str:
        text = " ".join(self.words) + ("*" if self.prefix else "")
        return f'"{text}"' if self.is_phrase or self.quoted else text


@dataclass(frozen=True)
class Query:
    """Terms to match: every group must match, any term within a group will do."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]

    def words(self) -> list[str]:
        return [word for term in self.terms() for word in term.words]

    def __str__(self) -> str:
        parts = [" OR ".join(str(t) for t in group) for group in self.groups]
        parts += [f"NOT {t}" if t.is_phrase or t.quoted else f"-{t}" for t in self.excluded]
        return " ".join(parts)


def _lex(text: str) -> list[tuple[str, str]]:
    """("quoted", text) and ("bare", token) pieces; an unclosed quote is bare."""
    pieces = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            close = text.find('"', i + 1)
            if close == -1:  # unbalanced: the rest is plain words
                pieces.extend(("bare", t) for t in text[i + 1 :].split())
                break
            pieces.append(("quoted", text[i + 1 : close]))
            i = close + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        pieces.append(("bare", text[i:j]))
        i = j
    return pieces


def _term(raw: str, quoted: bool) -> Term | None:
    words = tuple(w.lower() for w in _WORD.findall(raw))
    if not words:
        return None
    prefix = raw.rstrip().endswith("*") and len(words[-1]) >= 2
    return Term(words=words, prefix=prefix, quoted=quoted)


def parse(text: str) -> Query:
    """The query in ``text``; never raises."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    pending_not = False
    for kind, raw in _lex(text or ""):
        if kind == "bare":
            if raw == "OR" and groups:
                pending_or = True
                continue
            if raw == "AND":
                continue
            if raw == "NOT":
                pending_not = True
                continue
            negate = pending_not or (raw.startswith("-") and len(raw) > 1)
            term = _term(raw.lstrip("-+"), False)
        else:
            negate = pending_not
            term = _term(raw, True)
        pending_not = False
        if term is None:
            continue
        if negate:
            excluded.append(term)
            pending_or = False
            continue
        if pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
        if sum(len(g) for g in groups) >= MAX_TERMS:
            break
    if not groups and excluded:  # "-council" alone: read the words, do not exclude
        groups = [[t] for t in excluded]
        excluded = []
    return Query(tuple(tuple(g) for g in groups), tuple(excluded[:MAX_TERMS]))


def highlight_pattern(stems: list[tuple[tuple[str, ...], bool]]) -> re.Pattern | None:
    """One regular expression that finds the words of a query in text.

    ``stems`` holds, per term, the stems of its words (as the index stems
    them) and whether the last is a prefix; every word matches its stem and
    any ending ("approv" finds "approve", "approved", "approving").
    """
    alternatives = []
    for words, _prefix in stems:
        parts = [re.escape(w) + r"\w*" for w in words if w]
        if parts:
            alternatives.append(r"\b" + r"[\W_]+".join(parts))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def highlight_spans(text: str, pattern: re.Pattern | None) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
