"""Snippets: the passage of a record around the words that matched (pure).

A snippet is a short window of the text with the matched words wrapped in
``<mark>``; everything else is HTML-escaped, so a snippet is safe to put in a
page as it is. ``to_terminal`` turns the marks into something a terminal
shows.
"""

from __future__ import annotations

import html
import re

WIDTH = 220
ELLIPSIS = "…"


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def best_window(text: str, spans: list[tuple[int, int]], width: int = WIDTH) -> tuple[int, int]:
    """The window of about ``width`` characters holding the most matches,
    widened to word boundaries."""
    if not spans:
        end = min(len(text), width)
    else:
        best = (0, spans[0][0])
        j = 0
        for i, (start, _) in enumerate(spans):
            while j < len(spans) and spans[j][1] <= start + width:
                j += 1
            count = j - i
            if count > best[0]:
                best = (count, start)
        centre = best[1]
        start = max(0, centre - width // 4)
        end = min(len(text), start + width)
        start = max(0, min(start, end - width))
        while start > 0 and not text[start - 1].isspace() and centre - start < width // 2:
            start -= 1
        while end < len(text) and not text[end].isspace() and end - start < width + 30:
            end += 1
        return start, end
    while end < len(text) and not text[end].isspace() and end < width + 30:
        end += 1
    return 0, end


def render(text: str, spans: list[tuple[int, int]], start: int, end: int, keep_lines: bool = False) -> str:
    """``text[start:end]`` escaped, spans marked, ellipses where it was cut.
    With ``keep_lines`` line breaks are kept (for a whole text in a page)."""
    _flat = (lambda t: t) if keep_lines else _flatten
    out = [ELLIPSIS if start > 0 else ""]
    at = start
    for a, b in merge_spans(spans):
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        out.append(html.escape(_flat(text[at:a])))
        out.append("<mark>" + html.escape(_flat(text[a:b])) + "</mark>")
        at = b
    out.append(html.escape(_flat(text[at:end])))
    out.append(ELLIPSIS if end < len(text) else "")
    return "".join(out) if keep_lines else "".join(out).strip()


def _flatten(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = WIDTH) -> str:
    spans = merge_spans(spans)
    start, end = best_window(text, spans, width)
    return render(text, spans, start, end)


def to_terminal(snippet: str, bold: str = "\x1b[1m", reset: str = "\x1b[0m") -> str:
    """A snippet for a terminal: marks as bold (or given markers), entities undone."""
    text = snippet.replace("<mark>", bold).replace("</mark>", reset)
    return html.unescape(text)


def page_of(text: str, offset: int) -> int:
    """The 1-based page holding ``offset`` (pages are separated by form feeds)."""
    return text.count("\f", 0, offset) + 1
