"""Names and titles with &, <, quotes and accents, very long titles, forty
recitals and an empty NOES list all make valid documents."""

import dataclasses
import io
import zipfile

import docx
import pytest
from lxml import etree

from govdocs.certification import CertificationInput, Member, VoteRecord, certify_adoption
from govdocs.render import render, render_docx_sequence
from govdocs.render.resolutions import resolution_context, sample_records

LONG_TITLE = ("Approving the Joint Powers Agreement & By-Laws <Amended> of the \"Costa Verde\" "
              "Cities' Risk Management Authority, ") * 4
LONG_TITLE = LONG_TITLE[:300]


def hard_context(appended=False):
    r = sample_records()
    members = (Member("a", "Rosa Muñoz", "mayor"), Member("b", "Zoë O'Hara"),
               Member("c", "Smith & Wesson"), Member("d", "Ann <Lee>"), Member("e", "Bo \"Doc\" Ng"))
    vote = VoteRecord("v", "majority-of-members", {"a": "aye", "b": "aye", "c": "aye", "d": "aye",
                                                  "e": "absent"}, r["meeting"]["id"])
    facts = certify_adoption(dataclasses.replace(r["facts"], members=members, vote=vote,
                                                 title=LONG_TITLE))
    resolution = dict(r["resolution"], title=LONG_TITLE,
                      recitals=[f"recital {i} says A & B < C > D \"quoted\" 'single' Muñoz;"
                                for i in range(40)],
                      clauses=["Smith & Wesson <shall> pay \"all\" fees.", "Zoë's clause\x0b with a control char."])
    org = dict(r["org"], name="City of Peña & Sons <Test>")
    return resolution_context(org=org, body=r["body"], resolution=resolution,
                              clerk={"name": "María-José Muñoz & Co"},
                              presiding={"name": "Rosa Muñoz", "title": "Mayor"},
                              meeting=r["meeting"], meeting_date=r["facts"].meeting_date,
                              facts=facts, appended=appended)


def check_valid(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))   # well-formed XML, or raises
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs)
    for t in d.tables:
        for row in t.rows:
            text += "\n" + " | ".join(c.text for c in row.cells)
    return text


@pytest.mark.parametrize("kind", ["resolution", "certification", "certified-copy"])
def test_hard_values_make_valid_documents(kind):
    text = check_valid(render(kind, hard_context()))
    assert "Muñoz" in text.replace("MUÑOZ", "Muñoz")


def test_resolution_text_is_exact():
    text = check_valid(render("resolution", hard_context()))
    assert LONG_TITLE.upper().strip() in text
    assert text.count("WHEREAS, recital") == 40
    assert "WHEREAS, recital 39 says A & B < C > D \"quoted\" 'single' Muñoz;" in text
    assert "Section 1. Smith & Wesson <shall> pay \"all\" fees." in text
    assert "Section 2. Zoë's clause with a control char." in text   # \x0b dropped


def test_certificate_with_empty_noes_and_special_names():
    text = check_valid(render("certification", hard_context()))
    assert "AYES: | COUNCILMEMBERS: | Muñoz, O'Hara, Wesson, <Lee>" in text
    assert "NOES: | COUNCILMEMBERS: | None" in text
    assert "ABSENT: | COUNCILMEMBERS: | Ng" in text
    assert "I, MARÍA-JOSÉ MUÑOZ & CO, City Clerk of the City of Peña & Sons <Test>, California" in text
    assert f"entitled \u201c{LONG_TITLE.strip()}\u201d" in text


def test_appended_sequence_is_valid():
    ctx = hard_context()
    data = render_docx_sequence([("resolution.docx", ctx), ("certification.docx", hard_context(True))])
    text = check_valid(data)
    assert "set out above" in text and text.index("CERTIFICATE OF ADOPTION") > text.index("ATTEST:")


def test_markdown_and_html_escape_markup():
    ctx = hard_context()
    ctx["resolution"]["clauses"][0]["text"] = "<script>alert('x')</script> & more"
    html = render("resolution", ctx, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    md = render("certification", ctx, "md")
    assert "City of Peña &amp; Sons &lt;Test&gt;" in md


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from govdocs.render import render_docx  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=200))
def test_any_text_makes_a_valid_document(value):
    """Whatever a record holds, the DOCX stays well-formed and shows the text
    (less the characters XML cannot hold; \\n, \\t, \\a and \\f become Word breaks)."""
    ctx = hard_context()
    ctx["resolution"]["recitals"] = [value]
    ctx["resolution"]["title"] = value
    data = render_docx("certification.docx", ctx)
    check_valid(data)
    data = render_docx("resolution.docx", ctx)
    text = check_valid(data)
    import re

    kept = re.sub("[\x00-\x06\x08\x0b\x0e-\x1f\ufffe\uffff]", "", value)
    for line in re.split("[\n\t\r\x07\x0c]", kept):
        if line.strip():
            assert line.strip() in text
