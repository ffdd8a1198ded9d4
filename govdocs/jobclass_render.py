"""Job classes as documents: one class (DOCX, Markdown, HTML) and the book.

The context builders are pure (a :class:`JobClass` in, a dict out); the two
document kinds registered here read the store. Wording and layout live in
``templates/jobclass.docx`` and ``templates/jobclass-book.docx`` (made by
``tools/make_jobclass_templates.py``). Markdown is the record's own text form
(:func:`govdocs.jobclass_text.to_markdown`), which imports back to the same
record; HTML is that Markdown with headings in house style.
"""

from __future__ import annotations

import datetime as dt

from .errors import InvalidInput
from .jobclass import JobClass, acronyms, house_heading
from .jobclass_text import header_rows, to_markdown
from .render.registry import document_kind

__all__ = ["class_context", "book_context", "class_markdown", "class_html", "render_class",
           "render_book"]


def _job(jc: JobClass, agency_name: str | None = None) -> dict:
    keep = acronyms(i.text for s in jc.sections for i in s.items)
    return {
        "agency": jc.agency or agency_name or "",
        "code": jc.code or "",
        "title": house_heading(jc.title, keep) if jc.title.isupper() else jc.title,
        "header": [{"label": label, "value": value} for label, value in header_rows(jc)
                   if label not in ("Agency", "Document")],
        "sections": [
            {"name": s.name, "title": house_heading(s.heading, keep),
             "entries": [{"kind": i.kind, "text": i.text, "level": i.level} for i in s.items]}
            for s in jc.sections
        ],
    }


def class_context(jc: JobClass, *, agency_name: str | None = None, source: str | None = None) -> dict:
    """The context of ``jobclass.docx`` for one class."""
    job = _job(jc, agency_name)
    return {"job": job, "document_title": f"{job['code']} {job['title']}".strip(),
            "sources": [source] if source else []}


def book_context(classes: list[JobClass], *, agency_name: str, order: str = "code",
                 date: dt.date | None = None, sources: list[str] | None = None) -> dict:
    """The context of ``jobclass-book.docx``: every class, in ``order``."""
    if order not in ("code", "title"):
        raise InvalidInput(f"cannot order the book by {order!r} (expected code or title)")
    jobs = [_job(jc, agency_name) for jc in classes]
    from .store.jobclasses import _code_key

    if order == "code":
        jobs.sort(key=lambda j: (_code_key(j["code"]), j["title"].lower()))
    else:
        jobs.sort(key=lambda j: (j["title"].lower(), _code_key(j["code"])))
    return {
        "book": {"agency": agency_name, "count": len(jobs), "order": order,
                 "date": (date or dt.date.today()).isoformat(), "classes": jobs},
        "document_title": f"Class Specifications, {agency_name}",
        "sources": sources or [],
    }


def class_markdown(jc: JobClass) -> str:
    return to_markdown(jc)


def class_html(jc: JobClass) -> str:
    from .render import html_page, markdown_to_html

    house = JobClass.from_dict(jc.to_dict())
    job = _job(jc)
    house.title = job["title"]
    for section, styled in zip(house.sections, job["sections"]):
        section.heading = styled["title"]
    return html_page(f"{jc.code or ''} {house.title}".strip(), markdown_to_html(to_markdown(house)))


def render_class(jc: JobClass, fmt: str, **context_options):
    """One class as ``docx`` (bytes), ``md`` or ``html`` (text)."""
    if fmt == "md":
        return class_markdown(jc)
    if fmt == "html":
        return class_html(jc)
    if fmt == "docx":
        from .render import render

        return render("jobclass", class_context(jc, **context_options), "docx")
    raise InvalidInput(f"unknown format {fmt!r} (expected docx, md or html)")


def render_book(context: dict) -> bytes:
    from .render import render

    return render("jobclass-book", context, "docx")


# -- document kinds (read the store) ------------------------------------------------


def _sample_class() -> JobClass:
    from .jobclass_parse import parse_text

    return parse_text(
        "City of Arbor Vista\nClass Code: 2215\nFLSA Status: Exempt\nSalary: $53.18-$72.51 Hourly\n\n"
        "Safety Coordinator\n\nDefinition\n\nRuns the safety program.\n\nEssential Duties\n\n"
        "- Inspects work sites.\n  - Writes corrective plans.\n- Training:\n- Teaches safety classes.\n"
    ).job_class


def _agency_name(store, agency: str) -> str:
    row = store.find("organizations", agency) if "organizations" in store.db.table_names() else None
    return row["name"] if row else agency


@document_kind("jobclass", docx="jobclass.docx", sample=lambda: class_context(_sample_class()))
def jobclass_document(store, key, **options) -> dict:
    """A class specification in the house style."""
    from .store.jobclasses import load_job_class

    jc, rev = load_job_class(store, key, options.get("agency"))
    row = store.get("job_classes", rev["job_class"])
    return class_context(jc, agency_name=_agency_name(store, row["agency"]), source=f"job_class_revisions:{rev['id']}")


@document_kind("jobclass-book", docx="jobclass-book.docx",
               sample=lambda: book_context([_sample_class()], agency_name="City of Arbor Vista"))
def jobclass_book(store, key, **options) -> dict:
    """The class-specification book of an agency: contents and every class."""
    from .store.jobclasses import list_job_classes, load_job_class

    rows = list_job_classes(store, key)
    if not rows:
        from .errors import NotFound

        raise NotFound(f"agency {key!r} has no job classes")
    classes, sources = [], []
    for row in rows:
        jc, rev = load_job_class(store, row["id"])
        classes.append(jc)
        sources.append(f"job_class_revisions:{rev['id']}")
    return book_context(classes, agency_name=_agency_name(store, key),
                        order=options.get("order", "code"), sources=sources)
