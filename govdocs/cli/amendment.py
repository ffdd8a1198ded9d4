"""``govdocs amendment new|show|redline``: amendments as typed textual changes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import click

from .. import legaltext as lt
from ..errors import InvalidInput, RecordError
from ..store import agreement_documents as docs
from ..store import agreements as lib
from .common import echo_json, json_option, store_options

DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.group()
def amendment():
    """Propose amendments to an agreement or by-laws and show their redline.

    Example:

        govdocs amendment redline cvcrma-2026-1 --out redline.docx
    """


def _read_changes(path: Path, default_agreement: str | None) -> list[dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise RecordError(f"invalid TOML: {error}", file=path) from None
    changes = data.get("change")
    if not isinstance(changes, list) or not changes:
        raise RecordError("no [[change]] tables", file=path,
                          expected="[[change]] with action, target and text/label")
    out = []
    for c in changes:
        c = dict(c)
        c.setdefault("agreement", default_agreement)
        out.append(c)
    return out


@amendment.command(name="new")
@click.argument("amendment_id", metavar="AMENDMENT")
@click.option("--changes", "changes_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file of [[change]] tables: action, target, text, label, place, agreement.")
@click.option("--agreement", "agreement_id", help="The agreement changes apply to, when they don't say.")
@click.option("--authority", required=True, help="The authority (organization id).")
@click.option("--board", help="The board proposing it (default: the authority's board).")
@click.option("--title", required=True)
@click.option("--proposed-on", type=DATE, required=True)
@click.option("--rule", required=True, help="6-of-8, two-thirds, three-fourths, majority or unanimous.")
@click.option("--counting", type=click.Choice(["proposal", "action"]), default="proposal",
              show_default=True, help="Count the members on the proposal date, or at each action.")
@click.option("--effective", default="on ratification", show_default=True,
              help="e.g. '30 days after ratification' or 'on 2027-07-01'.")
@click.option("--summary")
@store_options
def new(amendment_id, changes_file, agreement_id, authority, board, title, proposed_on, rule,
        counting, effective, summary, store):
    """Propose an amendment; every change must apply to the text in force.

    Example:

        govdocs amendment new cvcrma-2027-1 --authority cvcrma --agreement cvcrma-bylaws
          --title "Amendment No. 2027-1" --proposed-on 2027-02-18 --rule two-thirds
          --changes changes.toml
    """
    if board is None:
        boards = store.rows("bodies", "organization = ? and kind = 'board'", [authority])
        if len(boards) != 1:
            raise InvalidInput(f"say which board of {authority} proposes it (--board)")
        board = boards[0]["id"]
    row = lib.new_amendment(store, amendment_id=amendment_id, organization=authority, body=board,
                            title=title, proposed_on=proposed_on.date(), rule=rule,
                            changes=_read_changes(changes_file, agreement_id), counting=counting,
                            effective=effective, summary=summary)
    click.echo(f"Proposed {row['id']}: {row['title']} ({rule}).")


@amendment.command()
@click.argument("amendment_id", metavar="AMENDMENT")
@json_option
@store_options
def show(amendment_id, as_json, store):
    """Show an amendment: its rule, its changes and where ratification stands.

    Example:

        govdocs amendment show cvcrma-2026-1
    """
    row = lib.amendment(store, amendment_id)
    changes = lib.changes_of(store, amendment_id)
    st = lib.status(store, amendment_id)
    if as_json:
        echo_json({**row, "changes": changes, "status": st.status})
        return
    click.echo(f"{row['title']} ({row['id']})")
    click.echo(f"Proposed {row['proposed_on']} by {row['body']}; rule {row['rule']}, members "
               f"counted at {'the proposal' if row['counting'] == 'proposal' else 'each action'}; "
               f"effective {row['effective']}.")
    if row.get("summary"):
        click.echo(row["summary"])
    for c in changes:
        click.echo(f"  {c['seq']}. {c['agreement']}: {lib._as_change(c).describe()}")
    click.echo(f"Status: {st.status}. {st.explanation}")


@amendment.command()
@click.argument("amendment_id", metavar="AMENDMENT")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a .docx (struck/underlined) or .html (<del>/<ins>) file.")
@click.option("--changed-only", is_flag=True, help="Only the articles or sections that change.")
@store_options
def redline(amendment_id, out, changed_only, store):
    """The amendment's changes word by word.

    Without --out, prints the redline as text: [-deleted-] {+inserted+}.

    Example:

        govdocs amendment redline cvcrma-2026-1 --out revisions.docx
    """
    if out is None:
        for ag, before, after in lib.before_and_after(store, amendment_id):
            click.echo(ag["title"])
            click.echo(lt.redline_text(lt.redline(before, after, whole=not changed_only)))
        return
    issued = docs.write_redline(store, amendment_id, out, whole=not changed_only)
    click.echo(f"Wrote {issued.paths[0]}")


def register(cli):
    cli.add_command(amendment)
