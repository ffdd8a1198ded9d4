"""``govdocs ratification record|status|report|model-resolution|letter``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InvalidInput
from ..store import agreement_documents as docs
from ..store import agreements as lib
from .common import echo_json, json_option, store_options

DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.group()
def ratification():
    """Member councils' actions on an amendment, and where ratification stands.

    Example:

        govdocs ratification status cvcrma-2026-1 --json
    """


@ratification.command()
@click.argument("amendment_id", metavar="AMENDMENT")
@click.argument("member")
@click.option("--approved", "action", flag_value="approved", help="The council approved it.")
@click.option("--rejected", "action", flag_value="rejected", help="The council rejected it.")
@click.option("--on", "on", type=DATE, required=True, help="The day the council acted.")
@click.option("--resolution", "resolution_number", help="The council's resolution number.")
@click.option("--copy-received", type=DATE, help="The day the certified copy arrived.")
@click.option("--note")
@store_options
def record(amendment_id, member, action, on, resolution_number, copy_received, note, store):
    """Record a member council's action (once per member).

    MEMBER is the member agency's id, name or short name. When the approvals
    meet the rule, the amendment takes effect and its text is in force from
    the effective date.

    Example:

        govdocs ratification record cvcrma-2026-1 foxhollow --approved --on 2026-11-03
          --resolution 2026-88 --copy-received 2026-11-06
    """
    if action is None:
        raise InvalidInput("say --approved or --rejected")
    st = lib.record_action(store, amendment_id, member, action, on.date(),
                           resolution_number=resolution_number,
                           copy_received_on=copy_received.date() if copy_received else None,
                           note=note)
    click.echo(f"Recorded: {member} {action} on {on.date().isoformat()}.")
    click.echo(f"Status: {st.status}. {st.explanation}")
    if st.effective_on:
        click.echo(f"Notice of amendment due to the Secretary of State by "
                   f"{st.filing_due_on.isoformat()} (Gov. Code 6503.5).")


@ratification.command()
@click.argument("amendment_id", metavar="AMENDMENT")
@click.option("--as-of", type=DATE, help="Status on this day (default: after the last action).")
@json_option
@store_options
def status(amendment_id, as_of, as_json, store):
    """Where ratification stands: approved, rejected, pending, effective date.

    Example:

        govdocs ratification status cvcrma-2026-1 --json
    """
    day = as_of.date() if as_of else None
    if as_json:
        echo_json(lib.status_json(store, amendment_id, day))
        return
    st = lib.status(store, amendment_id, day)
    click.echo(f"{amendment_id}: {st.status.upper()} ({st.rule}, {st.required} needed)")
    click.echo(st.explanation)
    for label, names in (("Approved", st.approved), ("Rejected", st.rejected),
                         ("Pending", st.pending), ("Withdrawn", st.withdrawn),
                         ("Not counted", st.not_counted)):
        if names:
            click.echo(f"{label}: {', '.join(names)}")
    if st.effective_on:
        click.echo(f"Effective {st.effective_on}; notice to the Secretary of State due "
                   f"{st.filing_due_on}.")


@ratification.command()
@click.argument("amendment_id", metavar="AMENDMENT")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help=".docx, .md or .html")
@click.option("--as-of", type=DATE)
@store_options
def report(amendment_id, out, as_of, store):
    """Write the ratification status report.

    Example:

        govdocs ratification report cvcrma-2026-1 --out status.docx
    """
    issued = docs.write_document(store, "ratification-report", amendment_id, out,
                                 as_of=as_of.date() if as_of else None)
    click.echo(f"Wrote {issued.paths[0]}")


def _member_documents(kind, amendment_id, member, out, store):
    members = lib.members_for(store, amendment_id)
    chosen = [lib.find_member(members, store, member)] if member else members
    written = []
    for m in chosen:
        path = out if member else Path(out) / f"{kind}-{m.id}.docx"
        written.append(docs.write_document(store, kind, amendment_id, path, member=m.id).paths[0])
    for p in written:
        click.echo(f"Wrote {p}")


@ratification.command(name="model-resolution")
@click.argument("amendment_id", metavar="AMENDMENT")
@click.argument("member", required=False)
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="A file for one MEMBER (.docx, .md, .html); a folder for all members.")
@store_options
def model_resolution(amendment_id, member, out, store):
    """Write the model resolution, pre-filled for one member council or all.

    Example:

        govdocs ratification model-resolution cvcrma-2026-1 --out model-resolutions/
    """
    _member_documents("model-resolution", amendment_id, member, out, store)


@ratification.command()
@click.argument("amendment_id", metavar="AMENDMENT")
@click.argument("member", required=False)
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="A .docx file for one MEMBER; a folder for all members.")
@store_options
def letter(amendment_id, member, out, store):
    """Write the transmittal letter to one member's clerk, or to all.

    Example:

        govdocs ratification letter cvcrma-2026-1 foxhollow --out letter.docx
    """
    _member_documents("transmittal-letter", amendment_id, member, out, store)


def register(cli):
    cli.add_command(ratification)
