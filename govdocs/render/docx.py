"""The DOCX engine: docxtpl's template language, compiled once, rendered fast.

A plain docxtpl loop loads the .docx with python-docx, patches and compiles
the XML, renders, and saves the whole package again for every document. Here
each template is loaded once:

1. the package is read and every part kept as bytes;
2. ``word/document.xml`` (and any header, footer or footnotes part holding
   template tags) is serialised the way docxtpl does it and run through
   docxtpl's own ``patch_xml``: the ``{%p %}``, ``{%tr %}``, ``{%tc %}``,
   ``{{r }}`` tags, merged cells, colspan and cell colours all become plain
   jinja source;
3. that source is compiled once with the govdocs environment (autoescape on);
4. the unchanged parts are deflated once.

Per document, the compiled template renders the part XML, docxtpl's
post-processing runs (``{_{`` escapes, listings: ``\\n`` line breaks, ``\\a``
paragraphs, ``\\f`` page breaks, tabs; table grid fixes when ``{%tc %}`` is
used; drawing ids), and a zip is written from the pre-deflated parts plus the
rendered ones. The zip entries carry a fixed timestamp, so the same records
give byte-identical files (useful for the issued-documents register).

RichText, RichTextParagraph and Listing values work as in docxtpl.
InlineImage, Subdoc and RichText hyperlinks (``url_id``) need a live
python-docx document and are not supported; a template that needs them is
rendered with ``docxtpl`` directly.
"""

from __future__ import annotations

import io
import re
import struct
import threading
import zlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docxtpl import DocxTemplate
from lxml import etree

from govdocs.errors import InvalidInput, RecordError
from govdocs.render.env import environment, find_template

_DOCXTPL = DocxTemplate(io.BytesIO())   # only for its XML helper methods
_TAG = re.compile(r"{{|{%|{#")
_TABLE_FIX = re.compile(r"{%-?\s*(tc|hm)\s|colspan|{%\s*hm\s*%}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DOCPR = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_ZIP_TIME = (1980 - 1980) << 9 | 1 << 5 | 1   # 1980-01-01 (date); time 00:00
_PARAGRAPH_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


@dataclass
class _Entry:
    name: str
    method: int
    crc: int
    csize: int
    usize: int
    data: bytes   # compressed bytes


def _deflate(name: str, raw: bytes, level: int = 6) -> _Entry:
    if len(raw) < 64:
        return _Entry(name, zipfile.ZIP_STORED, zlib.crc32(raw), len(raw), len(raw), raw)
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = c.compress(raw) + c.flush()
    return _Entry(name, zipfile.ZIP_DEFLATED, zlib.crc32(raw), len(data), len(raw), data)


def _write_zip(entries: list[_Entry]) -> bytes:
    """A zip archive from already-compressed entries (no zip64; documents are small)."""
    out = io.BytesIO()
    central = []
    for e in entries:
        name = e.name.encode("utf-8")
        offset = out.tell()
        flags = 0x800 if not e.name.isascii() else 0
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, e.method, 0, _ZIP_TIME,
                              e.crc, e.csize, e.usize, len(name), 0))
        out.write(name)
        out.write(e.data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, e.method, 0,
                                   _ZIP_TIME, e.crc, e.csize, e.usize, len(name), 0, 0, 0, 0,
                                   0, offset) + name)
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), size, start, 0))
    return out.getvalue()


@dataclass
class _Part:
    name: str
    head: str            # text before the rendered XML
    tail: str            # text after it
    source: str          # patched jinja source
    template: object     # compiled jinja template
    table_fix: bool
    raw_jinja: bool = False   # docProps/core.xml: rendered as is, no docxtpl patching


@dataclass
class CompiledDocx:
    """One .docx template, loaded and compiled once. Thread-safe to render."""

    path: Path
    order: list[str]
    static: dict[str, _Entry]
    parts: dict[str, _Part]
    sha256: str
    body_source: str = field(repr=False, default="")

    # -- loading -----------------------------------------------------------
    @classmethod
    def load(cls, path) -> "CompiledDocx":
        import hashlib

        path = Path(path)
        blob = path.read_bytes()
        try:
            zf = zipfile.ZipFile(io.BytesIO(blob))
        except zipfile.BadZipFile:
            raise RecordError("not a .docx file (not a zip archive)", file=path) from None
        env = environment()
        order, static, parts = [], {}, {}
        with zf:
            for info in zf.infolist():
                name = info.filename
                data = zf.read(name)
                order.append(name)
                text = None
                if name == "word/document.xml":
                    parts[name] = cls._body_part(name, data, env, path)
                    continue
                if name.endswith(".xml") and (
                    re.match(r"word/(header|footer)\d*\.xml$", name) or name == "word/footnotes.xml"
                ):
                    text = data.decode("utf-8")
                    if _TAG.search(text):
                        parts[name] = cls._whole_part(name, data, env, path)
                        continue
                if name == "docProps/core.xml":
                    text = data.decode("utf-8")
                    if _TAG.search(text):
                        # docxtpl's patching also mends Word's curly quotes inside tags
                        source = _DOCXTPL.patch_xml(text)
                        parts[name] = _Part(name, "", "", source, cls._compile(env, source, path, name),
                                            False, raw_jinja=True)
                        continue
                static[name] = _deflate(name, data)
        if "word/document.xml" not in parts:
            raise RecordError("not a Word document (no word/document.xml)", file=path)
        return cls(path, order, static, parts, hashlib.sha256(blob).hexdigest(),
                   parts["word/document.xml"].source)

    @staticmethod
    def _compile(env, source, path, name):
        import jinja2

        try:
            return env.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            line = source.splitlines()[exc.lineno - 1] if exc.lineno else ""
            near = re.sub(r"<[^>]+>", "", line)[:120]
            raise RecordError(f"template syntax error in {name}: {exc.message} near {near!r}",
                              file=path) from None

    @classmethod
    def _body_part(cls, name, data, env, path) -> _Part:
        root = etree.fromstring(data)
        body = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
        body_xml = _DOCXTPL.xml_to_string(body)
        shell = etree.fromstring(data)
        sbody = shell.find(body.tag)
        for child in list(sbody):
            sbody.remove(child)
        sbody.text = "@@BODY@@"
        whole = etree.tostring(shell, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
        marker = re.search(r"<w:body[^>]*>@@BODY@@</w:body>", whole)
        head, tail = whole[: marker.start()], whole[marker.end():]
        source = cls._prepare(body_xml)
        return _Part(name, head, tail, source, cls._compile(env, source, path, name),
                     bool(_TABLE_FIX.search(body_xml)))

    @classmethod
    def _whole_part(cls, name, data, env, path) -> _Part:
        xml = _DOCXTPL.xml_to_string(etree.fromstring(data))
        source = cls._prepare(xml)
        return _Part(name, _DECL, "", source, cls._compile(env, source, path, name),
                     bool(_TABLE_FIX.search(xml)))

    @staticmethod
    def _prepare(xml: str) -> str:
        # docxtpl's tag patching, then its line split (so jinja errors name a paragraph)
        source = _DOCXTPL.patch_xml(xml)
        return re.sub(r"<w:p([ >])", r"\n<w:p\1", source)

    # -- rendering ---------------------------------------------------------
    def render_part_xml(self, name: str, context: dict) -> str:
        part = self.parts[name]
        xml = part.template.render(context)
        if not part.raw_jinja:
            xml = _postprocess(xml, part.table_fix)
        # a \a or \f outside a run (or in document properties) has no Word meaning
        return _CONTROL.sub("", xml) if _CONTROL.search(xml) else xml

    def body_xml(self, context: dict) -> str:
        """The rendered ``<w:body>`` element (with its namespace declarations)."""
        return self.render_part_xml("word/document.xml", context)

    def render(self, context: dict) -> bytes:
        """The finished .docx as bytes."""
        rendered = {}
        for name, part in self.parts.items():
            xml = self.render_part_xml(name, context)
            rendered[name] = part.head + xml + part.tail
        return self._package(rendered)

    def _package(self, rendered: dict[str, str]) -> bytes:
        entries = []
        for name in self.order:
            if name in rendered:
                entries.append(_deflate(name, rendered[name].encode("utf-8")))
            else:
                entries.append(self.static[name])
        return _write_zip(entries)


def _postprocess(xml: str, table_fix: bool) -> str:
    """What docxtpl does after jinja renders a part (same order, same effect)."""
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    if "_" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if "\t" in xml or "\n" in xml or "\a" in xml or "\f" in xml:
        xml = _DOCXTPL.resolve_listing(xml)
    if table_fix:
        tree = _DOCXTPL.fix_tables(xml)
        xml = etree.tostring(tree, encoding="unicode")
    if "docPr" in xml:
        counter = iter(range(1001, 10**9))
        xml = _DOCPR.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(3)}", xml)
    return xml


_CACHE: dict[tuple[str, float, int], CompiledDocx] = {}
_CACHE_LOCK = threading.Lock()


def compiled(template) -> CompiledDocx:
    """The compiled template for ``template`` (a name in the template
    directories or a path); compiled once per file version."""
    path = find_template(template)
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime, st.st_size)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
    if hit is None:
        hit = CompiledDocx.load(path)
        with _CACHE_LOCK:
            _CACHE[key] = hit
    return hit


def render_docx(template, context: dict) -> bytes:
    """Render one .docx template with ``context``; returns the file's bytes."""
    return compiled(template).render(context)


_BODY_OPEN = re.compile(r"^<w:body\b[^>]*>")


def render_docx_sequence(pieces: list[tuple[object, dict]], page_breaks: bool = True) -> bytes:
    """Render several templates into ONE .docx, each starting on a new page:
    e.g. a resolution followed by its clerk's certification.

    The package (styles, page setup, headers) is the first template's; the
    later templates' bodies are appended. The templates must share style
    names and must not carry pictures or other relationship-bound content
    (the govdocs templates are built that way by tools/make_templates.py).
    """
    if not pieces:
        raise InvalidInput("nothing to render")
    first = compiled(pieces[0][0])
    bodies, opening, final_sect = [], "", ""
    sect = re.compile(r"<w:sectPr\b(?:(?!<w:sectPr\b).)*?</w:sectPr>$", re.S)
    for i, (template, context) in enumerate(pieces):
        tpl = compiled(template)
        xml = tpl.body_xml(context)
        m = _BODY_OPEN.match(xml)
        inner = xml[m.end(): -len("</w:body>")]
        found = sect.search(inner)
        if found:
            inner = inner[: found.start()]
        if i == 0:
            opening = m.group(0)
            final_sect = found.group(0) if found else ""
        else:
            if re.search(r'\br:(id|embed|link)="', inner):
                raise InvalidInput(f"{tpl.path.name} holds pictures or links and cannot be appended")
            if page_breaks:
                inner = _PARAGRAPH_BREAK + inner
        bodies.append(inner)
    bodies.append(final_sect)
    body = opening + "".join(bodies) + "</w:body>"
    doc = first.parts["word/document.xml"]
    rendered = {"word/document.xml": doc.head + body + doc.tail}
    for name in first.parts:
        if name != "word/document.xml":
            rendered[name] = first.parts[name].head + first.render_part_xml(name, pieces[0][1]) + first.parts[name].tail
    return first._package(rendered)
