"""Options and output helpers shared by every command module."""

from __future__ import annotations

import functools
import json

import click

from ..store import RecordStore


def store_options(function):
    """Add --db and --actor to a command and pass it an open ``store``."""

    @click.option(
        "--db", "db_path", envvar="GOVDOCS_DB", default="govdocs.db", show_default=True,
        type=click.Path(dir_okay=False), help="The records store (or $GOVDOCS_DB).",
    )
    @click.option(
        "--actor", envvar="GOVDOCS_ACTOR", default=None,
        help="Who is acting, for the audit log (or $GOVDOCS_ACTOR; default: the OS user).",
    )
    @functools.wraps(function)
    def wrapper(*args, db_path, actor, **kwargs):
        store = RecordStore(db_path, actor=actor)
        try:
            return function(*args, store=store, **kwargs)
        finally:
            store.close()

    return wrapper


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def echo_json(value) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))
