"""``govdocs issued verify|list``: the register of issued documents."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import IntegrityError, NotFound
from .common import echo_json, json_option, store_options


@click.group()
def issued():
    """The register of documents govdocs issued (SHA-256, template, sources).

    Example:

        govdocs issued verify resolution-2026-41-certified.pdf
    """


@issued.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@json_option
@store_options
def verify(file, as_json, store):
    """Say whether FILE is a document govdocs issued, and unaltered.

    Exit status 0 if it is; 1 if a file issued at that path was altered;
    4 if govdocs never issued it.

    Example:

        govdocs issued verify resolution-2026-41-certified.docx
    """
    from ..store.issued import verify_file

    result = verify_file(store, file)
    if as_json:
        echo_json({"path": result.path, "sha256": result.sha256, "status": result.status,
                   "records": result.records})
    if result.status == "altered":
        raise IntegrityError(result.message())
    if result.status == "unknown":
        raise NotFound(result.message())
    if not as_json:
        click.echo(result.message())
        sources = json.loads(result.records[0]["sources"] or "[]")
        if sources:
            click.echo("from records: " + ", ".join(sources))


@issued.command(name="list")
@click.option("--kind", default=None, help="Only documents of this kind.")
@json_option
@store_options
def list_(kind, as_json, store):
    """List issued documents, newest last.

    Example:

        govdocs issued list --kind certification
    """
    from ..store.issued import list_issued

    rows = list_issued(store, kind)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['id']:>4} {r['issued_at']} {r['kind']:<15} {r['sha256'][:12]} {r['path']}")


def register(cli):
    cli.add_command(issued)
