"""govdocs' one rendering path (see docs/RENDERING.md).

* ``environment()`` - the jinja environment (autoescape on, StrictUndefined,
  the clerk's filters: ``ordinal_date``, ``long_date``, ``words``,
  ``names_list``, ``surname`` ...);
* ``document_kind`` - register a context builder and its templates;
* ``render(kind, context, fmt)`` - DOCX bytes, Markdown or HTML text;
* ``render_docx`` / ``render_docx_sequence`` - a template (or several, one
  after another in one file) to DOCX bytes, fast;
* ``docx_to_pdf`` / ``build_packet`` - PDF through LibreOffice, packets
  through pypdf;
* ``check_templates()`` - every variable a template uses is provided by
  its builder.

Writing files and registering them as issued documents is
``govdocs.store.issued.issue_document``.
"""

from __future__ import annotations

from govdocs.errors import InvalidInput
from govdocs.render.docx import CompiledDocx, compiled, render_docx, render_docx_sequence
from govdocs.render.env import environment, find_template
from govdocs.render.filters import (
    FILTERS, long_date, names_list, number_words, ordinal, ordinal_date, surname,
)
from govdocs.render.markdown import html_page, markdown_to_html, render_html, render_markdown
from govdocs.render.pdf import (
    PacketPart, build_packet, docx_bytes_to_pdf, docx_to_pdf, have_soffice, pdf_text,
)
from govdocs.render.registry import (
    DocumentKind, TemplateProblem, TemplateReport, all_kinds, check_templates, discover,
    document_kind, get_kind, register,
)

FORMATS = ("docx", "md", "html")


def render(kind: str | DocumentKind, context: dict, fmt: str = "docx"):
    """Render a document of ``kind`` from a context its builder made.

    ``fmt`` is ``docx`` (bytes), ``md`` or ``html`` (str; needs the kind's
    markdown template).
    """
    k = kind if isinstance(kind, DocumentKind) else get_kind(kind)
    if fmt == "docx":
        if not k.docx:
            raise InvalidInput(f"document kind {k.name!r} has no .docx template")
        return render_docx(k.docx, context)
    if fmt in ("md", "html"):
        if not k.markdown:
            raise InvalidInput(f"document kind {k.name!r} has no Markdown template")
        if fmt == "md":
            return render_markdown(k.markdown, context)
        title = context.get("document_title") or k.name
        return render_html(k.markdown, context, title=str(title))
    raise InvalidInput(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def build_context(kind: str, db, key, **options) -> dict:
    """Run ``kind``'s context builder on the records."""
    return get_kind(kind).build(db, key, **options)


__all__ = [
    "CompiledDocx", "DocumentKind", "FILTERS", "FORMATS", "PacketPart", "TemplateProblem",
    "TemplateReport", "all_kinds", "build_context", "build_packet", "check_templates",
    "compiled", "discover", "docx_bytes_to_pdf", "docx_to_pdf", "document_kind",
    "environment", "find_template", "get_kind", "have_soffice", "html_page", "long_date",
    "markdown_to_html", "names_list", "number_words", "ordinal", "ordinal_date",
    "pdf_text", "register", "render", "render_docx", "render_docx_sequence",
    "render_html", "render_markdown", "surname",
]
