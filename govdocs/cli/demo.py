"""``govdocs demo``."""

from __future__ import annotations

import click

from ..demo import run_demo


@click.command()
@click.option("--out", default="govdocs-demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo store and everything it makes.")
def demo(out):
    """Build a demo store from the example records and run every job on it.

    Prints what it made and where. Running it again reuses the store: loading
    is idempotent.

    Example:

        govdocs demo --out /tmp/govdocs-demo
    """
    result = run_demo(out, echo=click.echo)
    click.echo(f"\nDone: {len(result.outputs)} files in {result.out}/")


def register(cli):
    cli.add_command(demo)
