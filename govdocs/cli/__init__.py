"""The govdocs command line: a thin layer over the library.

Each module in this package adds its commands with ``register(cli)``; they
are found automatically. Errors are turned into messages and exit statuses
here, in one place (see ``govdocs.errors`` for the statuses).
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3

import click

from ..errors import GovdocsError


class GovdocsGroup(click.Group):
    """The top-level group: maps every GovdocsError to a message and exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GovdocsError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except sqlite3.OperationalError as error:
            click.echo(f"Error: the store could not be used: {error}", err=True)
            ctx.exit(1)


@click.group(cls=GovdocsGroup)
@click.version_option(package_name="govdocs")
def cli():
    """govdocs: records and documents for city clerks and joint powers authorities.

    Every command takes --db (default ./govdocs.db, or $GOVDOCS_DB).

    Example:

        govdocs demo
    """


def _register_all():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(cli)


_register_all()


def main():
    cli(prog_name="govdocs")
