"""Document kinds: which template renders which document, and the context
builder that gathers its facts from the records.

Each kind is registered once, by the module that knows its records::

    from govdocs.render import document_kind

    @document_kind("notice", docx="notice.docx", markdown="notice.md.j2",
                   sample=sample_notice_context)
    def notice_context(db, key, **options) -> dict:
        ...

``check_templates()`` proves, for every kind, that each variable and each
attribute path its templates use (``body.clerk.name``, ``ayes[].surname``)
is provided by its builder, using the builder's ``sample()`` context, and
that the templates render with it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.meta import find_undeclared_variables

from govdocs.errors import InvalidInput, NotFound
from govdocs.render.env import environment, find_template

_KINDS: dict[str, "DocumentKind"] = {}


@dataclass
class DocumentKind:
    """A kind of document govdocs issues."""

    name: str
    build: Callable[..., dict]            # build(db, key, **options) -> context
    sample: Callable[[], dict]            # a context from example facts, no database
    docx: str | None = None               # template file in templates/
    markdown: str | None = None           # .md.j2 template in templates/
    description: str = ""
    module: str = ""

    def templates(self) -> list[str]:
        return [t for t in (self.docx, self.markdown) if t]


def register(kind: DocumentKind) -> DocumentKind:
    """Register a kind (replacing one of the same name from the same module)."""
    old = _KINDS.get(kind.name)
    if old is not None and old.module != kind.module:
        raise InvalidInput(f"document kind {kind.name!r} is already registered by {old.module}")
    _KINDS[kind.name] = kind
    return kind


def document_kind(name: str, *, sample: Callable[[], dict], docx: str | None = None,
                  markdown: str | None = None, description: str = ""):
    """Decorator registering a context builder ``build(db, key, **options)``."""

    def wrap(build):
        register(DocumentKind(name, build, sample, docx, markdown,
                              description or (build.__doc__ or "").strip().split("\n")[0],
                              build.__module__))
        return build

    return wrap


_DISCOVERED = False
_DISCOVERY_ERRORS: dict[str, str] = {}


def discover() -> None:
    """Import every govdocs module that registers document kinds (any module
    whose source calls ``document_kind(`` or ``register(DocumentKind(``)."""
    global _DISCOVERED
    if _DISCOVERED:
        return
    root = Path(__file__).resolve().parents[1]
    for path in sorted(root.rglob("*.py")):
        if path.parent.name == "render" and path.name == "registry.py":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        if re.search(r"@document_kind\(|register\(DocumentKind\(", text):
            rel = path.relative_to(root.parent).with_suffix("")
            name = ".".join(rel.parts)
            try:
                importlib.import_module(name)
            except Exception as exc:   # noqa: BLE001 - reported by check_templates / get_kind
                _DISCOVERY_ERRORS[name] = f"{type(exc).__name__}: {exc}"
    _DISCOVERED = True


def get_kind(name: str) -> DocumentKind:
    discover()
    try:
        return _KINDS[name]
    except KeyError:
        known = ", ".join(sorted(_KINDS)) or "none"
        broken = "".join(f"; module {m} failed to load ({e})" for m, e in sorted(_DISCOVERY_ERRORS.items()))
        raise NotFound(f"no document kind {name!r} (known: {known}){broken}") from None


def all_kinds() -> list[DocumentKind]:
    discover()
    return [_KINDS[k] for k in sorted(_KINDS)]


# -- checking templates against their builders ------------------------------

@dataclass
class TemplateProblem:
    kind: str
    template: str
    message: str

    def __str__(self) -> str:
        return f"{self.template} ({self.kind}): {self.message}"


@dataclass
class TemplateReport:
    kind: str
    template: str
    variables: list[str] = field(default_factory=list)
    problems: list[TemplateProblem] = field(default_factory=list)


def template_sources(template: str) -> list[str]:
    """The jinja source(s) of a template: every templated part of a .docx
    (after docxtpl's tag patching), or the text of a .md.j2 file."""
    path = find_template(template)
    if path.suffix.lower() == ".docx":
        from govdocs.render.docx import compiled

        return [p.source for p in compiled(path).parts.values()]
    return [path.read_text(encoding="utf-8")]


class _PathCollector:
    """Attribute paths used by a template, with loop variables resolved to
    the list they iterate (``for m in ayes`` + ``m.surname`` -> ``ayes[].surname``)."""

    def __init__(self):
        self.paths: set[tuple[str, ...]] = set()

    def path_of(self, node, aliases):
        if isinstance(node, nodes.Name):
            if node.name in aliases:
                return aliases[node.name]
            return (node.name,)
        if isinstance(node, nodes.Getattr):
            base = self.path_of(node.node, aliases)
            return base + (node.attr,) if base is not None else None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str):
            base = self.path_of(node.node, aliases)
            return base + (node.arg.value,) if base is not None else None
        if isinstance(node, nodes.Filter) and node.name in ("sort", "reverse", "list", "unique",
                                                            "default", "d"):
            return self.path_of(node.node, aliases)
        return None

    def visit(self, node, aliases):
        if isinstance(node, nodes.For):
            self.visit(node.iter, aliases)
            inner = dict(aliases)
            it = self.path_of(node.iter, aliases)
            targets = [node.target] if isinstance(node.target, nodes.Name) else \
                list(getattr(node.target, "items", []))
            for t in targets:
                if isinstance(t, nodes.Name):
                    inner[t.name] = (it + ("[]",)) if (it is not None and len(targets) == 1) else None
            inner["loop"] = None
            for child in node.body + node.else_:
                self.visit(child, inner)
            if node.test is not None:
                self.visit(node.test, inner)
            return
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            if isinstance(node, nodes.Assign):
                self.visit(node.node, aliases)
            for name in node.target.find_all(nodes.Name):
                aliases[name.name] = None
            if isinstance(node, nodes.AssignBlock):
                for child in node.body:
                    self.visit(child, aliases)
            return
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            path = self.path_of(node, aliases)
            if path is not None and path[0] is not None:
                self.paths.add(path)
            elif path is None and isinstance(node, (nodes.Getattr, nodes.Getitem)):
                self.visit(node.node, aliases)
            if isinstance(node, nodes.Getitem):
                self.visit(node.arg, aliases)
            return
        for child in node.iter_child_nodes():
            self.visit(child, aliases)


def _resolve(sample: dict, path: tuple[str, ...]):
    """None if ``path`` resolves in the sample (or cannot be followed further
    because a value is empty/None); else the step that is missing."""
    value = sample
    for i, step in enumerate(path):
        if value is None:
            return None
        if step == "[]":
            if isinstance(value, (list, tuple)):
                if not value:
                    return None
                value = value[0]
                continue
            return None
        if isinstance(value, dict):
            if step not in value:
                return i
            value = value[step]
        elif hasattr(value, step):
            value = getattr(value, step)
        elif isinstance(value, (str, int, float, list, tuple)):
            return None    # a method or attribute of a plain value (e.g. name.upper)
        else:
            return i
    return None


def check_template(kind: DocumentKind, template: str, sample: dict | None = None) -> TemplateReport:
    env = environment()
    report = TemplateReport(kind.name, template)
    try:
        sources = template_sources(template)
    except Exception as exc:   # noqa: BLE001 - reported, not raised
        report.problems.append(TemplateProblem(kind.name, template, f"cannot load: {exc}"))
        return report
    if sample is None:
        sample = kind.sample()
    provided = set(sample) | set(env.globals)
    used = set()
    for source in sources:
        try:
            ast = env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            report.problems.append(TemplateProblem(kind.name, template, f"syntax error: {exc.message}"))
            continue
        used |= find_undeclared_variables(ast)
        collector = _PathCollector()
        collector.visit(ast, {})
        for path in sorted(collector.paths):
            if path[0] not in provided or path[0] in env.globals:
                continue
            missing = _resolve(sample, path)
            if missing is not None:
                shown = ".".join(p for p in path[: missing + 1]).replace(".[]", "[]")
                report.problems.append(TemplateProblem(
                    kind.name, template,
                    f"uses '{shown}', which the {kind.name} context builder does not provide"))
    report.variables = sorted(used)
    for name in sorted(used - provided):
        report.problems.append(TemplateProblem(
            kind.name, template,
            f"uses variable '{name}', which the {kind.name} context builder does not provide"))
    if not report.problems:
        try:
            if template.endswith(".docx"):
                from govdocs.render.docx import render_docx

                render_docx(template, sample)
            else:
                from govdocs.render.markdown import render_markdown

                render_markdown(template, sample)
        except Exception as exc:   # noqa: BLE001 - reported, not raised
            report.problems.append(TemplateProblem(kind.name, template,
                                                   f"does not render with the sample context: {exc}"))
    # dedupe, keep order
    seen, unique = set(), []
    for p in report.problems:
        if p.message not in seen:
            seen.add(p.message)
            unique.append(p)
    report.problems = unique
    return report


def check_templates(kinds: list[str] | None = None) -> list[TemplateReport]:
    """Check every template of every registered kind (or of ``kinds``)."""
    chosen = [get_kind(k) for k in kinds] if kinds else all_kinds()
    reports = []
    if not kinds:
        for module, error in sorted(_DISCOVERY_ERRORS.items()):
            report = TemplateReport("?", module)
            report.problems.append(TemplateProblem("?", module, f"module failed to load: {error}"))
            reports.append(report)
    for kind in chosen:
        sample = kind.sample()
        for template in kind.templates():
            reports.append(check_template(kind, template, sample))
    return reports
