"""Markdown and HTML output, for web views and plain-text copies.

Text templates (``templates/*.md.j2``) render through the same environment
as the DOCX templates. Values are HTML-escaped on the way in (``&`` becomes
``&amp;``), which Markdown treats as the character itself, so a name with
``<`` or ``&`` shows as typed and can never inject markup. HTML is produced
by markdown-it-py with raw HTML disabled.
"""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

from govdocs.render.env import environment

_MD = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def render_markdown(template: str, context: dict) -> str:
    """Render a ``.md.j2`` template (a name in the template directories)."""
    return environment().get_template(template).render(context)


def markdown_to_html(text: str) -> str:
    """HTML fragment for Markdown text (raw HTML in the text is escaped)."""
    return _MD.render(text)


def html_page(title: str, fragment: str, lang: str = "en") -> str:
    """A complete, self-contained HTML page around a fragment."""
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5}"
        "h1,h2{text-align:center}table{border-collapse:collapse}td,th{padding:.2em .6em;"
        "vertical-align:top}</style>\n</head>\n<body>\n"
        f"{fragment}</body>\n</html>\n"
    )


def render_html(template: str, context: dict, title: str | None = None) -> str:
    """Render a ``.md.j2`` template straight to a full HTML page."""
    fragment = markdown_to_html(render_markdown(template, context))
    return html_page(title or template, fragment)
