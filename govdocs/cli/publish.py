"""``govdocs publish``: write the public archive."""

from __future__ import annotations

import click

from ..archive.publish import publish as publish_archive
from .common import echo_json, json_option, store_options


@click.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--overwrite", is_flag=True, help="Replace OUT if it exists.")
@json_option
@store_options
def publish(out, overwrite, as_json, store):
    """Write the public archive OUT: a separate, read-only database.

    Only public records: no drafts, private documents, closed-session items,
    audit log or contact details. Serve it with `govdocs serve OUT`.

    Example:

        govdocs publish public.db && govdocs serve public.db
    """
    counts = publish_archive(store, out, overwrite=overwrite)
    if as_json:
        echo_json(counts)
        return
    click.echo(f"Published {out}: " + ", ".join(f"{n} {t}" for t, n in counts.items() if n))
    click.echo(f"Serve it with: govdocs serve {out}")


def register(cli):
    cli.add_command(publish)
