"""``govdocs jobclass``: import class specifications, keep them, publish the book."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InvalidInput
from ..jobclass_parse import parse_text
from ..jobclass_render import render_class
from ..jobclass_text import diff_classes, to_markdown
from ..store import jobclasses as store_jc
from ..textfiles import read_text
from .common import echo_json, json_option, store_options

_agency_option = click.option("--agency", help="The agency's id (an organization, e.g. arbor-vista).")


@click.group()
def jobclass():
    """Job-class specifications: import, list, show, render, diff, publish.

    Example:

        govdocs jobclass import records/jobclasses/arbor-vista/*.txt --agency arbor-vista
    """


@jobclass.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@_agency_option
@json_option
@store_options
def import_(files, agency, as_json, store):
    """Import specs from .txt, .md, .docx or .pdf files.

    Each file becomes a job class of the agency (from --agency, or the
    organization its header names); a changed spec becomes a new revision,
    an unchanged one adds nothing. With --json, print the parsed structure
    with its coverage. Without a known agency the files are only read.

    Example:

        govdocs jobclass import spec.docx --agency arbor-vista --json
    """
    results = store_jc.import_specs(store, [Path(f) for f in files], agency)
    if as_json:
        echo_json(results[0] if len(results) == 1 else results)
        return
    for r in results:
        cov = r["coverage"]
        saved = r["saved"]
        what = (f"{saved['status']}, revision {saved['revision']} of {saved['id']}" if saved
                else "read only (no agency: give --agency)")
        click.echo(f"{r['source']}: {r['code']} {r['title']} - {len(r['sections'])} sections, "
                   f"coverage {cov['ratio']:.1%} - {what}")
        for line in cov["uncovered"]:
            click.echo(f"  not placed, line {line['line']}: {line['text']}")


@jobclass.command(name="list")
@_agency_option
@click.option("--order", type=click.Choice(["code", "title"]), default="code", show_default=True)
@json_option
@store_options
def list_(agency, order, as_json, store):
    """List the job classes (of one agency).

    Example:

        govdocs jobclass list --agency cvcrma --order title
    """
    rows = store_jc.list_job_classes(store, agency, order)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['agency']:<14} {r['code']:<10} {r['title']}  (revision {r['revision']})")


@jobclass.command()
@click.argument("code")
@_agency_option
@json_option
@store_options
def show(code, agency, as_json, store):
    """Show a class (CODE, AGENCY:CODE, or CODE@N for revision N).

    Example:

        govdocs jobclass show 2215 --agency arbor-vista
    """
    jc, rev = store_jc.load_job_class(store, code, agency)
    if as_json:
        d = jc.to_dict()
        d["revision"] = rev["revision"]
        d["id"] = rev["job_class"]
        echo_json(d)
        return
    click.echo(f"<!-- {rev['job_class']} revision {rev['revision']}, saved {rev['saved_at']} -->")
    click.echo(to_markdown(jc), nl=False)


@jobclass.command()
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "html"]), default="md",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write here (needed for docx).")
@_agency_option
@store_options
def render(code, fmt, out, agency, store):
    """Render one class in the house style as DOCX, Markdown or HTML.

    Example:

        govdocs jobclass render RMA-110 --format docx --out rma-110.docx
    """
    from ..store.issued import issue_rendered

    jc, rev = store_jc.load_job_class(store, code, agency)
    if fmt == "docx" and not out:
        raise InvalidInput("a DOCX needs --out FILE")
    data = render_class(jc, fmt, agency_name=None, source=f"job_class_revisions:{rev['id']}") \
        if fmt == "docx" else render_class(jc, fmt)
    if not out:
        click.echo(data, nl=False)
        return
    issue_rendered(store, data, out, kind="jobclass", template="jobclass.docx" if fmt == "docx" else None,
                   title=f"{jc.code} {jc.title}", sources=[f"job_class_revisions:{rev['id']}"])
    click.echo(f"Wrote {out}")


@jobclass.command()
@_agency_option
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="The book's .docx (a .pdf name writes the .docx beside it and converts it).")
@click.option("--order", type=click.Choice(["code", "title"]), default="code", show_default=True)
@click.option("--pdf", is_flag=True, help="Also write a PDF (needs LibreOffice).")
@store_options
def book(agency, out, order, pdf, store):
    """Publish the agency's class-specification book: contents and every class.

    Example:

        govdocs jobclass book --agency arbor-vista --out arbor-vista-classes.docx --pdf
    """
    if not agency:
        raise InvalidInput("give --agency: the book is one agency's classes")
    out = Path(out)
    if out.suffix.lower() == ".pdf":
        out, pdf = out.with_suffix(".docx"), True
    issued = store_jc.write_book(store, agency, out, order=order, pdf=pdf)
    for path in issued.paths:
        click.echo(f"Wrote {path}")


def _load_side(store, ref: str, agency):
    path = Path(ref)
    if path.is_file():
        return parse_text(read_text(path)).job_class, ref
    jc, rev = store_jc.load_job_class(store, ref, agency)
    return jc, f"{rev['job_class']}@{rev['revision']}"


@jobclass.command()
@click.argument("a")
@click.argument("b")
@_agency_option
@json_option
@store_options
def diff(a, b, agency, as_json, store):
    """Compare two classes, two revisions (CODE@1 CODE@2) or spec files, section by section.

    Example:

        govdocs jobclass diff 5120@1 5120@2 --agency cedar-glen
    """
    left, a_name = _load_side(store, a, agency)
    right, b_name = _load_side(store, b, agency)
    result = diff_classes(left, right)
    if as_json:
        echo_json({"a": a_name, "b": b_name, **result.to_dict()})
        return
    click.echo(result.to_text(a_name, b_name), nl=False)


@jobclass.command()
@click.argument("code")
@_agency_option
@json_option
@store_options
def revisions(code, agency, as_json, store):
    """List the revisions of a class, oldest first.

    Example:

        govdocs jobclass revisions 2215 --agency arbor-vista
    """
    rows = store_jc.revisions(store, code, agency)
    if as_json:
        echo_json([{k: v for k, v in r.items() if k != "record"} for r in rows])
        return
    for r in rows:
        title = json.loads(r["record"]).get("title")
        click.echo(f"{r['id']}  saved {r['saved_at']}  coverage {r['coverage']}  {title}  ({r['source']})")


def register(cli):
    cli.add_command(jobclass)
