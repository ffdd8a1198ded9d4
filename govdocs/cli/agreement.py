"""``govdocs agreement load|show|list``: a JPA's agreement and by-laws."""

from __future__ import annotations

from pathlib import Path

import click

from .. import legaltext as lt
from ..errors import InvalidInput
from ..store import agreements as lib
from ..store import loader
from .common import echo_json, json_option, store_options

DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.group()
def agreement():
    """Agreements and by-laws as numbered text, in force on any date.

    Example:

        govdocs agreement show cvcrma-agreement --as-of 2026-12-01
    """


@agreement.command(name="load")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "agreement_id", help="Id for a plain-text file (no front matter).")
@click.option("--organization", help="The authority whose agreement it is (plain text).")
@click.option("--scheme", type=click.Choice(sorted(lt.SCHEMES)),
              help="Numbering: agreement (ARTICLE n, (a), (i)) or by-laws (Sec. n.nnn, (a), (1)).")
@click.option("--adopted", type=DATE, help="The day the text took effect (YYYY-MM-DD).")
@click.option("--title", help="Title, if the text's first line is not it.")
@store_options
def load(files, agreement_id, organization, scheme, adopted, title, store):
    """Load an agreement or by-laws from Markdown or plain text.

    A record file (front matter between +++ lines, kind = "agreement") loads
    like any record; a plain file needs --id, --organization and --scheme.

    Example:

        govdocs agreement load records/agreements/cvcrma-agreement.md
    """
    records = [f for f in files if f.read_text(encoding="utf-8").lstrip().startswith("+++")]
    plain = [f for f in files if f not in records]
    if records:
        click.echo(loader.load(store, records).summary())
    if plain:
        if len(plain) > 1 or not (agreement_id and organization and scheme):
            raise InvalidInput("a plain-text agreement is loaded one file at a time with "
                               "--id, --organization and --scheme")
        what = lib.load_text(store, plain[0], agreement_id=agreement_id, organization=organization,
                             scheme=scheme, adopted_on=adopted.date() if adopted else None,
                             title=title)
        click.echo(f"{agreement_id}: {what}.")


@agreement.command()
@click.argument("agreement_id", metavar="AGREEMENT")
@click.option("--as-of", type=DATE,
              help="Show the text in force on this day (default: the latest text, "
                   "including ratified changes not yet in effect).")
@click.option("--cite", help="Show only this unit, e.g. 'Art. 6' or 'Sec. 7.110(a)'.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True)
@json_option
@store_options
def show(agreement_id, as_of, cite, fmt, as_json, store):
    """Print an agreement as it read on a given day.

    Example:

        govdocs agreement show cvcrma-bylaws --as-of 2026-10-01 --cite "Sec. 6.110"
    """
    doc = lib.agreement_text(store, agreement_id, as_of.date() if as_of else None)
    if cite:
        depth, unit = lt.resolve(doc, cite)
        if as_json:
            echo_json({"citation": cite, "uid": unit.uid, "label": unit.label,
                       "heading": unit.heading, "text": unit.text})
            return
        sub = lt.Document(doc.scheme, units=(unit,)) if depth == 0 else None
        if sub is not None:
            click.echo((lt.to_markdown if fmt == "markdown" else lt.to_text)(sub), nl=False)
        else:
            click.echo(f"{cite}  ({unit.label}) {unit.text}")
            for _, d, u, _ in lt.Document(doc.scheme, units=unit.children).walk():
                click.echo("    " * (d + 1) + f"({u.label}) {u.text}")
        return
    if as_json:
        echo_json({"id": agreement_id, "title": doc.title, "scheme": doc.scheme,
                   "as_of": as_of.date().isoformat() if as_of else None,
                   "units": [{"citation": str(lt.Citation(doc.numbering.top.name, p)),
                              "uid": u.uid, "heading": u.heading, "text": u.text}
                             for p, _, u, _ in doc.walk()]})
        return
    click.echo((lt.to_markdown if fmt == "markdown" else lt.to_text)(doc), nl=False)


@agreement.command(name="list")
@json_option
@store_options
def list_(as_json, store):
    """List agreements and by-laws with their units in force and amendments.

    Example:

        govdocs agreement list --json
    """
    rows = lib.list_agreements(store)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['id']}  {r['scheme']}  {r['units']} units  {r['amendments']} amendments  "
                   f"{r['title']}")


def register(cli):
    cli.add_command(agreement)
