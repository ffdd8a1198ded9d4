"""``govdocs search``: find records and documents."""

from __future__ import annotations

import sys

import click

from ..archive.search import SORTS, Searcher
from ..archive.snippets import to_terminal
from .common import echo_json, json_option, store_options


def run_search(db, db_path, query, *, kind, body, year_from, year_to, fuzzy, sort, voter, vote,
               limit, public_only=False, facets=False):
    return Searcher(db, db_path).search(
        query, kind=kind or None, body=body or None, year_from=year_from, year_to=year_to,
        fuzzy=fuzzy, sort=sort, voter=voter, vote=vote, limit=limit, public_only=public_only,
        facets=facets,
    )


@click.command()
@click.argument("query", default="")
@click.option("--kind", multiple=True, help="Only this kind (resolution, minutes, agreement...); repeatable.")
@click.option("--body", multiple=True, help="Only this body (id); repeatable.")
@click.option("--from", "year_from", type=int, help="From this year.")
@click.option("--to", "year_to", type=int, help="To this year.")
@click.option("--fuzzy", is_flag=True, help="OCR-tolerant: damaged spellings and substrings match.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--voter", help="Only records with this person in the roll call.")
@click.option("--vote", type=click.Choice(["aye", "no", "abstain", "absent", "recused"]),
              help="With --voter: only where they voted this way.")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--facets", is_flag=True, help="Also print counts by kind, body, year and voter.")
@json_option
@store_options
def search(query, kind, body, year_from, year_to, fuzzy, sort, voter, vote, limit, facets, as_json, store):
    """Search records and archived documents.

    Words must all match; "quoted phrases", prefixes (counc*), OR and -word
    work; anything else is read as words.

    Example:

        govdocs search "risk management" --kind resolution --from 1975 --to 1985
    """
    results = run_search(store.db, store.path, query, kind=kind, body=body, year_from=year_from,
                         year_to=year_to, fuzzy=fuzzy, sort=sort, voter=voter, vote=vote, limit=limit,
                         facets=facets and not as_json)
    if as_json:
        echo_json([hit.as_dict() for hit in results.hits])
        return
    click.echo(f"{results.total} found" + (" (OCR-tolerant)" if fuzzy else ""))
    for name, counts in results.facets.items():
        if counts:
            click.echo(f"  {name}: " + ", ".join(f"{value} {count}" for value, count in counts[:12]))
    bold = "\x1b[1m" if sys.stdout.isatty() else "["
    reset = "\x1b[0m" if bold != "[" else "]"
    for hit in results.hits:
        head = " · ".join(filter(None, [hit.kind, hit.label or hit.number, hit.date]))
        click.echo(f"\n{hit.title}\n  {head}  ({hit.id})")
        click.echo("  " + to_terminal(hit.snippet, bold, reset))


def register(cli):
    cli.add_command(search)
