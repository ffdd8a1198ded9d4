"""Every variable each template uses is provided by its context builder."""

import docx
import pytest

from govdocs.render import check_templates, document_kind
from govdocs.render.registry import DocumentKind, _KINDS, check_template


def test_every_registered_template_checks_clean():
    reports = check_templates()
    assert {"resolution", "certification", "certified-copy"} <= {r.kind for r in reports}
    problems = [str(p) for r in reports for p in r.problems]
    assert problems == []
    cert = next(r for r in reports if r.template == "certification.docx")
    assert {"clerk", "venue", "whole_number", "roll_call", "resolution", "adoption"} <= set(cert.variables)


def test_templates_check_command(invoke):
    result = invoke(["templates", "check"])
    assert "ok   certification.docx (certification)" in result.output
    assert "no problems" in result.output


def _template(tmp_path, *lines):
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    path = tmp_path / "t.docx"
    d.save(path)
    return str(path)


def _kind(template):
    return DocumentKind("test-kind", lambda *a, **k: {}, lambda: {
        "body": {"name": "Council", "members": [{"name": "Lee"}]}, "items": [], "n": 5}, docx=template)


def test_unknown_variable_is_reported(tmp_path):
    kind = _kind(_template(tmp_path, "{{ body.name }} {{ clerk.name }}"))
    report = check_template(kind, kind.docx)
    assert [p.message for p in report.problems] == [
        "uses variable 'clerk', which the test-kind context builder does not provide"]


def test_unknown_attribute_is_reported(tmp_path):
    kind = _kind(_template(tmp_path, "{{ body.nmae }}", "{{ n|words }}"))
    report = check_template(kind, kind.docx)
    assert [p.message for p in report.problems] == [
        "uses 'body.nmae', which the test-kind context builder does not provide"]


def test_loop_variables_are_followed(tmp_path):
    kind = _kind(_template(tmp_path, "{%p for m in body.members %}", "{{ m.name }} {{ m.surname }}",
                           "{%p endfor %}", "{% for i in items %}{{ i.whatever }}{% endfor %}"))
    report = check_template(kind, kind.docx)
    assert [p.message for p in report.problems] == [
        "uses 'body.members[].surname', which the test-kind context builder does not provide"]


def test_a_template_that_does_not_render_is_reported(tmp_path):
    kind = _kind(_template(tmp_path, "{{ body.name|words }}"))
    report = check_template(kind, kind.docx)
    assert len(report.problems) == 1
    assert "does not render with the sample context" in report.problems[0].message


def test_registering_the_same_kind_from_another_module_is_refused():
    from govdocs.errors import InvalidInput

    with pytest.raises(InvalidInput, match="already registered"):
        document_kind("resolution", sample=dict)(lambda store, key: {})
    assert _KINDS["resolution"].module == "govdocs.render.resolutions"


def test_a_module_that_fails_to_load_is_reported(monkeypatch):
    from govdocs.errors import NotFound
    from govdocs.render import get_kind, registry

    monkeypatch.setitem(registry._DISCOVERY_ERRORS, "govdocs.broken", "SyntaxError: oops")
    reports = check_templates()
    assert any(p.message == "module failed to load: SyntaxError: oops" for r in reports for p in r.problems)
    with pytest.raises(NotFound, match="module govdocs.broken failed to load"):
        get_kind("no-such-kind")
