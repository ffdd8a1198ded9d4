"""The compiled DOCX engine renders what docxtpl renders, only faster."""

import io
import zipfile

import docx
import pytest
from docx.shared import Pt
from docxtpl import DocxTemplate, Listing, RichText

from govdocs.errors import InvalidInput, RecordError
from govdocs.render import compiled, environment, render_docx, render_docx_sequence


def texts(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            out.append(" | ".join(c.text for c in row.cells))
    for s in d.sections:
        out += ["header: " + p.text for p in s.header.paragraphs]
        out += ["footer: " + p.text for p in s.footer.paragraphs]
    out.append("title: " + (d.core_properties.title or ""))
    return out


@pytest.fixture
def feature_template(tmp_path):
    """A template using the docxtpl features govdocs templates may use."""
    d = docx.Document()
    d.add_paragraph("Plain {{ name }} and {{ title|upper }}.")
    d.add_paragraph("{%p if show %}")
    d.add_paragraph("Shown when show is true: {{ count|words }} items.")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p for item in items %}")
    d.add_paragraph("Item {{ loop.index }}: {{ item }}")
    d.add_paragraph("{%p endfor %}")
    p = d.add_paragraph("Rich: ")
    p.add_run("{{r rich }}")
    p.add_run(" end.")
    d.add_paragraph("Listing: {{ listing }}")
    d.add_paragraph("Multi-line: {{ multiline }}")
    t = d.add_table(rows=3, cols=2)
    t.rows[0].cells[0].text = "{%tr for row in rows %}"
    t.rows[1].cells[0].text = "{{ row.label }}"
    t.rows[1].cells[1].text = "{{ row.names|names_list }}"
    t.rows[2].cells[0].text = "{%tr endfor %}"
    t2 = d.add_table(rows=1, cols=3)
    t2.rows[0].cells[0].text = "{%tc for c in cols %}"
    t2.rows[0].cells[1].text = "{{ c }}"
    t2.rows[0].cells[2].text = "{%tc endfor %}"
    d.sections[0].header.paragraphs[0].text = "Header for {{ name }}"
    d.sections[0].footer.paragraphs[0].text = "Footer {{ count }}"
    d.core_properties.title = "Doc for {{ name }}"
    run = d.add_paragraph().add_run("Bold {{ name }}")
    run.bold = True
    run.font.size = Pt(14)
    path = tmp_path / "features.docx"
    d.save(path)
    return path


def context():
    rich = RichText("bold & red", bold=True, color="FF0000")
    rich.add(" <plain>", italic=True)
    return {
        "name": "Smith & Wesson <Muñoz>", "title": "a \"quoted\" title", "show": True, "count": 3,
        "items": ["one & two", "Zoë's <three>"], "rich": rich,
        "listing": Listing("line one\nline two & <three>"), "multiline": "first\nsecond\tcol",
        "rows": [{"label": "AYES", "names": ["Lee", "Ng"]}, {"label": "NOES", "names": []}],
        "cols": ["A & B", "C", "D"],
    }


def docxtpl_render(path, ctx) -> bytes:
    tpl = DocxTemplate(path)
    tpl.render(ctx, jinja_env=environment())
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def test_same_text_as_docxtpl_for_every_feature(feature_template):
    ours = render_docx(feature_template, context())
    theirs = docxtpl_render(feature_template, context())
    assert texts(ours)[:-1] == texts(theirs)[:-1]
    # docxtpl escapes core properties twice when autoescape is on
    # ("Smith &amp; Wesson" in File > Properties); govdocs once.
    assert texts(theirs)[-1] == "title: Doc for Smith &amp; Wesson &lt;Muñoz&gt;"
    got = "\n".join(texts(ours))
    assert "Plain Smith & Wesson <Muñoz> and A \"QUOTED\" TITLE." in got
    assert "Shown when show is true: three items." in got
    assert "Item 2: Zoë's <three>" in got
    assert "Rich: bold & red <plain> end." in got
    assert "AYES | Lee and Ng" in got and "NOES | None" in got
    assert "A & B | C | D" in got
    assert "header: Header for Smith & Wesson <Muñoz>" in got
    assert "footer: Footer 3" in got
    assert "title: Doc for Smith & Wesson <Muñoz>" in got


def test_rich_text_keeps_its_formatting(feature_template):
    d = docx.Document(io.BytesIO(render_docx(feature_template, context())))
    runs = [r for p in d.paragraphs for r in p.runs if r.text == "bold & red"]
    assert runs and runs[0].bold and str(runs[0].font.color.rgb) == "FF0000"


def test_listings_and_newlines_become_breaks(feature_template):
    xml = zipfile.ZipFile(io.BytesIO(render_docx(feature_template, context()))).read("word/document.xml").decode()
    assert "line one</w:t><w:br/>" in xml
    assert "<w:tab/>" in xml


def test_tc_loop_fixes_the_table_grid(feature_template):
    d = docx.Document(io.BytesIO(render_docx(feature_template, context())))
    table = d.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["A & B", "C", "D"]


def test_paragraph_if_false_drops_the_paragraph(feature_template):
    ctx = dict(context(), show=False, items=[])
    got = texts(render_docx(feature_template, ctx))
    assert not any("Shown when" in t or t.startswith("Item") for t in got)
    assert texts(docxtpl_render(feature_template, ctx))[:-1] == got[:-1]


def test_same_context_same_bytes(feature_template):
    assert render_docx(feature_template, context()) == render_docx(feature_template, context())


def test_compiled_once(feature_template):
    assert compiled(feature_template) is compiled(feature_template)


def test_missing_value_is_an_error(feature_template):
    import jinja2

    ctx = context()
    del ctx["name"]
    with pytest.raises(jinja2.UndefinedError, match="name"):
        render_docx(feature_template, ctx)


def test_bad_templates_are_record_errors(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RecordError, match="not a .docx"):
        compiled(bad)
    d = docx.Document()
    d.add_paragraph("{{ unclosed ")
    d.add_paragraph("{% if x %} never closed")
    d.save(tmp_path / "syntax.docx")
    with pytest.raises(RecordError, match="template syntax error in word/document.xml"):
        compiled(tmp_path / "syntax.docx")


def test_sequence_puts_documents_one_after_another(feature_template, tmp_path):
    other = docx.Document()
    other.add_paragraph("Second document for {{ name }}")
    other.save(tmp_path / "second.docx")
    data = render_docx_sequence([(feature_template, context()), (tmp_path / "second.docx", context())])
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:sectPr") == 1 and xml.count('w:type="page"') == 1
    got = texts(data)
    assert got.index("Second document for Smith & Wesson <Muñoz>") > got.index("Item 2: Zoë's <three>")
    with pytest.raises(InvalidInput):
        render_docx_sequence([])


def test_sequence_refuses_pieces_with_relationships(feature_template, tmp_path):
    d = docx.Document()
    p = d.add_paragraph("see ")
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = d.part.relate_to("https://example.org", RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    p._p.append(link)
    d.save(tmp_path / "linked.docx")
    with pytest.raises(InvalidInput, match="pictures or links"):
        render_docx_sequence([(feature_template, context()), (tmp_path / "linked.docx", {})])


def test_curly_quotes_typed_by_word_inside_tags_still_work(tmp_path):
    d = docx.Document()
    d.add_paragraph("{{ name|default(\u201cnobody\u201d) }} & {{ \u2018x\u2019 if name else \u2018y\u2019 }}")
    d.core_properties.title = "For {{ name|default(\u201cnobody\u201d) }}"
    d.save(tmp_path / "quotes.docx")
    got = texts(render_docx(tmp_path / "quotes.docx", {"name": "Zoë"}))
    assert got[0] == "Zoë & x" and got[-1] == "title: For Zoë"
