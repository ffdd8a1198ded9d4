"""Commands for the records store: init, load, list, show, correct, backup."""

from __future__ import annotations

import click

from ..store import corrections, loader, queries
from .common import echo_json, json_option, store_options


@click.command()
@store_options
def init(store):
    """Create the records store (or bring its schema up to date).

    Example:

        govdocs init --db office.db
    """
    applied = store.migrations_applied
    if applied:
        click.echo(f"Created {store.path} (schema: {', '.join(applied)}).")
    else:
        click.echo(f"{store.path} is up to date.")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=False))
@store_options
def load(paths, store):
    """Load record files (TOML, Markdown with +++ front matter) or folders.

    All or nothing: one bad file and nothing is loaded. Loading the same files
    again changes nothing.

    Example:

        govdocs load records/
    """
    report = loader.load(store, paths)
    click.echo(report.summary())


@click.command(name="list")
@click.argument("kind")
@json_option
@store_options
def list_(kind, as_json, store):
    """List records of one kind (resolutions, people, bodies, votes, ...).

    Example:

        govdocs list resolutions --json
    """
    table, rows = queries.list_records(store, kind)
    if as_json:
        echo_json(rows)
    else:
        click.echo(queries.format_table(rows, queries.columns_for(table, rows)))


@click.command()
@click.argument("kind")
@click.argument("key")
@json_option
@store_options
def show(kind, key, as_json, store):
    """Show one record and what refers to it.

    Example:

        govdocs show resolution arbor-vista-2026-041
    """
    record = queries.show_record(store, kind, key)
    if as_json:
        echo_json(record)
        return
    related = record.pop("_related", {})
    width = max(len(k) for k in record)
    for name, value in record.items():
        if isinstance(value, list):
            click.echo(f"{name.ljust(width)} :")
            for item in value:
                click.echo(f"{'':{width}}   - {item}")
        else:
            click.echo(f"{name.ljust(width)} : {'' if value is None else value}")
    for name, items in related.items():
        click.echo(f"\n{name}:")
        for item in items:
            click.echo(f"  {item}")


@click.command()
@click.argument("out", type=click.Path(dir_okay=False))
@store_options
def backup(out, store):
    """Write an online backup of the store (safe while others write).

    Example:

        govdocs backup backups/govdocs-2026-11-22.db
    """
    path = store.backup(out)
    click.echo(f"Backed up {store.path} to {path}.")


def _parse_sets(pairs):
    changes = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r}: expected FIELD=VALUE", param_hint="--set")
        name, value = pair.split("=", 1)
        changes[name.strip()] = value
    return changes


@click.command()
@click.argument("kind", type=click.Choice(["resolution", "vote"]))
@click.argument("key")
@click.option("--set", "sets", multiple=True, metavar="FIELD=VALUE", help="A corrected field (resolutions).")
@click.option("--aye", multiple=True, help="Corrected roll call (votes): a person id per option.")
@click.option("--no", "no_", multiple=True)
@click.option("--abstain", multiple=True)
@click.option("--absent", multiple=True)
@click.option("--recused", multiple=True)
@click.option("--reason", required=True, help="Why the correction is made; kept in the record.")
@click.option("--as", "new_id", default=None, help="Id for the correcting record (default KEY-c1, -c2, ...).")
@store_options
def correct(kind, key, sets, aye, no_, abstain, absent, recused, reason, new_id, store):
    """Correct a resolution or a vote with a new record linked to the old one.

    Nothing adopted is edited in place: the correction is a new record that
    says what it corrects and why; both stay visible.

    Example:

        govdocs correct resolution arbor-vista-2026-041 --set title="..." --reason "typo in title"
    """
    if kind == "resolution":
        row = corrections.correct_resolution(store, key, _parse_sets(sets), reason, new_id)
    else:
        options = {"aye": list(aye), "no": list(no_), "abstain": list(abstain), "absent": list(absent), "recused": list(recused)}
        row = corrections.correct_vote(store, key, options, reason, new_id)
    click.echo(f"Recorded {kind} {row['id']}, correcting {key}: {reason}")


@click.group()
def audit():
    """The hash-chained audit log.

    Example:

        govdocs audit verify
    """


@audit.command()
@store_options
def verify(store):
    """Recompute the audit chain and name the first broken entry.

    Example:

        govdocs audit verify --db office.db
    """
    report = store.verify_audit()
    if not report.ok:
        from ..errors import IntegrityError

        raise IntegrityError(str(report))
    click.echo(str(report))


def register(cli):
    for command in (init, load, list_, show, backup, correct, audit):
        cli.add_command(command)
