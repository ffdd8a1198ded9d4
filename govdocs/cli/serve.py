"""``govdocs serve``: the public archive on the web (Datasette + the govdocs plugin)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import NotFound


def make_datasette(public_db: str | Path):
    """A read-only Datasette over a public archive, with the govdocs plugin."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from ..web import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="govdocs")
    templates = Path(__file__).resolve().parents[1] / "web" / "templates"
    return Datasette(
        immutables=[str(public_db)], template_dir=str(templates),
        settings={"default_page_size": 50, "sql_time_limit_ms": 3000},
        metadata={"title": "Public archive", "allow_sql": False},
    )


@click.command()
@click.argument("public_db", default="public.db", type=click.Path(dir_okay=False))
@click.option("--port", type=int, default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(public_db, port, host):
    """Serve a public archive (made by `govdocs publish`) on the web, read-only.

    Search at /search, each record at /record/<id>, the ratification board at
    /board, upcoming meetings at /meetings; Datasette's tables, JSON and CSV
    come with it.

    Example:

        govdocs serve public.db --port 8001
    """
    if not Path(public_db).is_file():
        raise NotFound(f"{public_db} does not exist; make it with `govdocs publish {public_db}`")
    import uvicorn

    from ..archive.index import SearchIndex
    from ..archive.publish import open_public

    SearchIndex(open_public(public_db), public_db).ensure()  # built before the first visitor
    ds = make_datasette(public_db)
    click.echo(f"Serving {public_db}: search at http://{host}:{port}/search")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


def register(cli):
    cli.add_command(serve)
