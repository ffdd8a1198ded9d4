"""The one jinja environment every govdocs document is rendered with.

* ``autoescape=True`` always: a value such as ``Smith & Wesson`` or
  ``<Muñoz>`` becomes ``&amp;`` / ``&lt;`` in the document XML (and in HTML),
  so no record can corrupt a DOCX. (docxtpl's own default is
  ``autoescape=False``; govdocs never uses it.) docxtpl's ``RichText`` and
  ``Listing`` carry ``__html__`` and go in as the XML they already are.
* ``StrictUndefined``: a template asking for a fact its context does not
  provide fails loudly instead of printing nothing in a certification.
* ``finalize`` turns ``None`` into ``""`` and drops characters XML 1.0
  cannot hold (NUL, vertical tab, ...), keeping the tab, newline, ``\\a``
  (new paragraph) and ``\\f`` (page break) that docxtpl turns into Word breaks.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import jinja2

from govdocs.render.filters import FILTERS

# Characters not allowed in XML 1.0, except \a (\x07) and \f (\x0c) which
# docxtpl's listing pass turns into a paragraph / page break.
_XML_ILLEGAL = re.compile("[\x00-\x06\x08\x0b\x0e-\x1f\ufffe\uffff]")

_ENV: jinja2.Environment | None = None


def default_template_dirs() -> list[Path]:
    """Where templates are looked up, first match wins.

    ``GOVDOCS_TEMPLATES`` (os.pathsep-separated directories, e.g. an office's
    own edited templates), then the ``templates/`` folder of the checkout.
    """
    dirs = []
    extra = os.environ.get("GOVDOCS_TEMPLATES")
    if extra:
        dirs += [Path(p) for p in extra.split(os.pathsep) if p]
    dirs.append(Path(__file__).resolve().parents[2] / "templates")
    return dirs


def find_template(name: str | os.PathLike) -> Path:
    """The path of template ``name`` (a file name such as ``resolution.docx``,
    or a path)."""
    from govdocs.errors import NotFound

    p = Path(name)
    if p.is_absolute() or p.parent != Path("."):
        if p.exists():
            return p
        raise NotFound(f"template not found: {p}")
    for d in default_template_dirs():
        if (d / p).exists():
            return d / p
    where = ", ".join(str(d) for d in default_template_dirs())
    raise NotFound(f"template not found: {name} (looked in {where})")


def _finalize(value):
    if value is None:
        return ""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _XML_ILLEGAL.sub("", value)
    return value


class _TemplateDirsLoader(jinja2.BaseLoader):
    """Loads text templates (``*.md.j2``) from ``default_template_dirs()``,
    re-reading the search path each time so GOVDOCS_TEMPLATES can change."""

    def get_source(self, environment, template):
        path = find_template(template)
        source = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.exists() and path.stat().st_mtime == mtime


def environment() -> jinja2.Environment:
    """The shared environment (created once)."""
    global _ENV
    if _ENV is None:
        env = jinja2.Environment(
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=_finalize,
            loader=_TemplateDirsLoader(),
            keep_trailing_newline=True,
        )
        env.filters.update(FILTERS)
        _ENV = env
    return _ENV
