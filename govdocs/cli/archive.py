"""``govdocs archive``: put files into the archive, rebuild its search index."""

from __future__ import annotations

import sys

import click

from ..archive import ingest as ingest_module
from ..archive.index import SearchIndex
from .common import echo_json, json_option, store_options


@click.group()
def archive():
    """The archive of documents the office issued or received.

    Example:

        govdocs archive ingest scans/ --kind resolution --public
    """


@archive.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--kind", help="The kind of every file (default: read from each text).")
@click.option("--body", help="The body (id) of every file (default: read from each text).")
@click.option("--public/--private", default=False, show_default=True,
              help="Whether the files may be published in the public archive.")
@click.option("--closed-session", is_flag=True,
              help="Papers of a closed session: kept in the archive, never published.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@json_option
@store_options
def ingest(paths, kind, body, public, closed_session, quiet, as_json, store):
    """Archive PDF, DOCX, Markdown and text files (folders are searched).

    A file already archived (same SHA-256) is not stored again; a file that
    cannot be read is reported with the reason and the rest go in. Scanned
    PDFs are OCRed when OCRmyPDF and Tesseract are installed, otherwise
    listed as needing OCR.

    Example:

        govdocs archive ingest minutes/1979/ --body tustin-council --public
    """
    files = ingest_module.expand(paths)
    show = not quiet and not as_json and sys.stderr.isatty() and len(files) > 1
    if show:
        with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
            summary = ingest_module.ingest_paths(
                store, files, kind=kind, body=body, public=public, closed_session=closed_session,
                progress=lambda _p: bar.update(1),
            )
    else:
        summary = ingest_module.ingest_paths(
            store, files, kind=kind, body=body, public=public, closed_session=closed_session)
    if as_json:
        echo_json(summary.as_dict())
        return
    for line in summary.lines():
        click.echo(line)


@archive.command()
@store_options
def reindex(store):
    """Rebuild the search index from the store (it is kept in step anyway).

    Example:

        govdocs archive reindex
    """
    count = SearchIndex(store.db, store.path).rebuild()
    click.echo(f"Indexed {count} records and documents.")


def register(cli):
    cli.add_command(archive)
