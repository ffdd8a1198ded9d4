"""Redline: the change between two versions of an agreement, word by word.

:func:`word_diff` compares two texts as words, numbers ("7.110") and
punctuation marks; :func:`redline` walks two versions of a document unit by
unit (matched by identity, so a renumbered unit shows its old and new
number) and gives, for each unit, the segments of its heading line and of
its words: unchanged, deleted (struck through) or inserted (underlined).
Renderers turn the segments into DOCX runs or HTML ``<del>``/``<ins>``.

Pure: no database, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from govdocs.legaltext import Document

@dataclass(frozen=True)
class Segment:
    kind: str   # "same", "del" (struck), "ins" (underlined)
    text: str


# spaces, numbers like 7.110 or 1,000, words, and each punctuation mark apart
_TOKEN = re.compile(r"\s+|\d+(?:[.,]\d+)+|[\w'\u2019-]+|[^\w\s]")


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level difference. Joining the "same" and "del" segments gives back
    ``old`` exactly, and "same" and "ins" gives ``new``; changed words that are
    separated only by spaces form one deletion followed by one insertion."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    raw: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            raw.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(("ins", "".join(b[j1:j2])))
    out: list[Segment] = []
    i = 0
    while i < len(raw):
        if raw[i][0] == "same":
            out.append(Segment("same", raw[i][1]))
            i += 1
            continue
        dels, inss = [], []
        while i < len(raw):
            kind, text = raw[i]
            if kind == "del":
                dels.append(text)
            elif kind == "ins":
                inss.append(text)
            elif (not text.strip() and i + 1 < len(raw) and dels and inss):
                # a lone space between two changes joins them into one
                dels.append(text)
                inss.append(text)
            else:
                break
            i += 1
        if dels:
            out.append(Segment("del", "".join(dels)))
        if inss:
            out.append(Segment("ins", "".join(inss)))
    merged: list[Segment] = []
    for s in out:
        if merged and merged[-1].kind == s.kind:
            merged[-1] = Segment(s.kind, merged[-1].text + s.text)
        elif s.text:
            merged.append(s)
    return tuple(merged)


@dataclass(frozen=True)
class RedlineBlock:
    """One unit in a redline: its heading line and its words, as segments."""

    uid: str
    kind: str
    depth: int
    change: str                    # unchanged, changed, renumbered, inserted, repealed
    head: tuple[Segment, ...]
    body: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return self.change != "unchanged"


def _whole(kind: str, text: str) -> tuple[Segment, ...]:
    return (Segment(kind, text),) if text else ()


def redline(before: Document, after: Document, *, whole: bool = False) -> tuple[RedlineBlock, ...]:
    """The change from ``before`` to ``after``, unit by unit in reading order.

    Units are matched by identity (so a renumbered unit shows its old and new
    number, not a repeal and an insert). With ``whole=False`` only the
    top-level units that contain a change are shown, in full.
    """
    sch = before.numbering
    old = {u.uid: (d, u) for _, d, u, _ in before.walk()}
    new = {u.uid: (d, u) for _, d, u, _ in after.walk()}

    def kids(units_old, units_new):
        pos = {}
        for u in units_old:
            pos[u.uid] = u.position
        for u in units_new:
            pos[u.uid] = u.position
        return sorted(pos, key=lambda uid: (pos[uid], uid))

    def block(uid) -> list[RedlineBlock]:
        o, n = old.get(uid), new.get(uid)
        if o and n:
            (d, ou), (_, nu) = o, n
            head = word_diff(sch.head_of(ou, d), sch.head_of(nu, d))
            body = word_diff(ou.text, nu.text)
            if ou.label != nu.label and ou.text == nu.text and ou.heading == nu.heading:
                change = "renumbered"
            elif any(s.kind != "same" for s in head + body):
                change = "changed"
            else:
                change = "unchanged"
            kind = nu.kind
            children = kids(ou.children, nu.children)
        elif o:
            d, ou = o
            head, body = _whole("del", sch.head_of(ou, d)), _whole("del", ou.text)
            change, kind, children = "repealed", ou.kind, kids(ou.children, ())
        else:
            d, nu = n
            head, body = _whole("ins", sch.head_of(nu, d)), _whole("ins", nu.text)
            change, kind, children = "inserted", nu.kind, kids((), nu.children)
        out = [RedlineBlock(uid, kind, d, change, head, body)]
        for c in children:
            out.extend(block(c))
        return out

    result: list[RedlineBlock] = []
    for uid in kids(before.units, after.units):
        blocks = block(uid)
        if whole or any(b.changed for b in blocks):
            result.extend(blocks)
    return tuple(result)


def redline_text(blocks: Iterable[RedlineBlock], *, struck=("[-", "-]"),
                 underlined=("{+", "+}")) -> str:
    """A redline as plain text, deletions as [-...-] and insertions as {+...+}."""
    marks = {"same": ("", ""), "del": struck, "ins": underlined}
    lines = []
    for b in blocks:
        head = "".join(marks[s.kind][0] + s.text + marks[s.kind][1] for s in b.head)
        body = "".join(marks[s.kind][0] + s.text + marks[s.kind][1] for s in b.body)
        lines.append(("    " * max(b.depth - 1, 0)) + (head + " " + body).strip())
    return "\n".join(lines) + ("\n" if lines else "")


__all__ = ["Segment", "RedlineBlock", "word_diff", "redline", "redline_text"]
