"""``govdocs certify RESOLUTION``: the clerk's certified resolution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .common import store_options


@click.command()
@click.argument("resolution")
@click.option("--copy", is_flag=True,
              help="A certified true copy (refused if the resolution was rescinded or superseded).")
@click.option("--alone", is_flag=True, help="The certificate of adoption on its own, without the resolution.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The .docx to write (default resolution-NUMBER-certified.docx).")
@click.option("--pdf", is_flag=True, help="Also write the PDF beside it (needs LibreOffice).")
@click.option("--packet", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write one PDF: resolution, certificate(s) and exhibits, bookmarked.")
@click.option("--date", "certified_on", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date of the certificate (default today), YYYY-MM-DD.")
@click.option("--body", default=None, help="The body, when a number is used by several.")
@click.option("--exhibits-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder the resolution's exhibit paths are relative to.")
@store_options
def certify(resolution, copy, alone, out, pdf, packet, certified_on, body, exhibits_dir, store):
    """Certify the adoption of a resolution, from the records.

    States the whole number of members, the meeting and its date, and the
    roll call by name. Refused, with the reason, if the resolution was not
    adopted, its vote did not carry under its rule, or the roll call does not
    account for every seat.

    Example:

        govdocs certify 2026-41 --pdf --packet resolution-2026-41-packet.pdf
    """
    from ..store.resolutions import issue_certification

    on = certified_on.date() if isinstance(certified_on, dt.datetime) else None
    result = issue_certification(store, resolution, out=out, copy=copy, alone=alone, pdf=pdf,
                                 packet=packet, certified_on=on, body=body, exhibits_dir=exhibits_dir)
    for record in result["records"]:
        click.echo(f"Wrote {record['path']} ({record['kind']}, SHA-256 {record['sha256'][:16]}...)")


def register(cli):
    cli.add_command(certify)
