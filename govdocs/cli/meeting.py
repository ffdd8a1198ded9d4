"""``govdocs meeting``: add, list and show meetings; export a calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .. import deadlines
from .. import meetings as rules
from ..store import meetings as store_meetings
from .common import echo_json, json_option, store_options


@click.group()
def meeting():
    """Meetings of councils, boards and committees.

    Example:

        govdocs meeting list --body cvcrma-board
    """


@meeting.command()
@click.option("--body", required=True, help="The body that meets (its id).")
@click.option("--kind", required=True,
              type=click.Choice(["regular", "special", "adjourned", "emergency", "joint"]))
@click.option("--start", required=True, help="ISO 8601; read in the body's time zone unless it has an offset.")
@click.option("--place", help="Where the meeting is held.")
@click.option("--id", "meeting_id", help="The meeting's id (default: BODY-YYYY-MM-DD).")
@click.option("--item", "items", multiple=True, help="An agenda item title (repeat, in order).")
@click.option("--with", "joint_with", multiple=True, help="For --kind joint: another body meeting jointly (repeat).")
@click.option("--called-as", type=click.Choice(["regular", "special"]), default="special", show_default=True,
              help="For --kind joint: how the joint meeting is called.")
@json_option
@store_options
def new(body, kind, start, place, meeting_id, items, joint_with, called_as, as_json, store):
    """Add a meeting, with its agenda items.

    Example:

        govdocs meeting new --body cvcrma-board --kind regular --start 2027-02-04T10:00 --place "Board Room" --item "Call to order"
    """
    row = store_meetings.create_meeting(
        store, body=body, kind=kind, start=start, place=place, meeting_id=meeting_id,
        items=[{"number": str(i), "title": t} for i, t in enumerate(items, 1)],
        joint_with=list(joint_with), called_as=called_as)
    if as_json:
        echo_json(row)
        return
    click.echo(f"Added meeting {row['id']} ({kind}, {row['start']}).")
    for kind_needed in rules.required_notices(kind, called_as=called_as):
        answer = deadlines.deadline(kind_needed, dt.datetime.fromisoformat(row["start"]))
        click.echo(f"  {answer.describe()}")


@meeting.command(name="list")
@click.option("--body", help="Only meetings of this body (joint meetings included).")
@click.option("--upcoming", is_flag=True, help="Only meetings that have not started yet.")
@json_option
@store_options
def list_(body, upcoming, as_json, store):
    """List meetings, earliest first.

    Example:

        govdocs meeting list --upcoming
    """
    since = dt.datetime.now(dt.timezone.utc) if upcoming else None
    rows = store_meetings.list_meetings(store, body=body, since=since)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        start = dt.datetime.fromisoformat(r["start"]).astimezone(deadlines.zone(r["time_zone"]))
        click.echo(f"{r['id']}  {start:%Y-%m-%d %H:%M %Z}  {r['kind']:<9} {r['status']:<9} {r['body_name']}")
    if not rows:
        click.echo("No meetings.")


@meeting.command()
@click.argument("meeting_id")
@json_option
@store_options
def show(meeting_id, as_json, store):
    """Show a meeting, its agenda and its notices (and warnings about them).

    Example:

        govdocs meeting show cvcrma-board-2026-12-03
    """
    result = store_meetings.check_meeting(store, meeting_id)
    rec = result.record
    if as_json:
        echo_json({"meeting": rec.meeting, "title": rec.title, "items": rec.items,
                   "cancellation": rec.cancellation, "adjournment": rec.adjournment,
                   "joint_bodies": [b.get("id") for b in rec.joint_bodies], **result.as_dict()})
        return
    click.echo(rec.title)
    if rec.joint_bodies:
        click.echo("Held jointly with the " + ", ".join(b.get("name", b.get("id")) for b in rec.joint_bodies))
    click.echo(f"{deadlines.format_moment(rec.start)}, {rec.meeting.get('place') or 'place not set'}")
    click.echo(f"Status: {rec.meeting['status']}")
    if rec.cancellation:
        click.echo(f"Cancelled: {rec.cancellation['reason']}")
    if rec.adjourned_from:
        click.echo(f"Adjourned from {rec.adjourned_from['id']} at {rec.adjournment['adjourned_at']}")
    for item in rec.items:
        click.echo(f"  {item['number']}. {item['title']}" + (" (action)" if item.get("action") else ""))
    for n, finding in result.findings:
        click.echo(f"Notice {n['id']}: {finding.message()}")
    for kind in result.missing:
        click.echo(f"Missing: no {kind} notice is recorded")
    for line in result.problems:
        click.echo(f"Problem: {line}")
    for line in result.warnings:
        click.echo(f"Warning: {line}")


@meeting.command()
@click.argument("meeting_id")
@click.option("--reason", required=True, help="Why it will not be held (e.g. no quorum).")
@click.option("--decided-at", help="When it was cancelled (ISO 8601; default now).")
@store_options
def cancel(meeting_id, reason, decided_at, store):
    """Cancel a meeting, recording the reason.

    Example:

        govdocs meeting cancel cvcrma-board-2026-12-03 --reason "No quorum"
    """
    row = store_meetings.cancel_meeting(store, meeting_id, reason, decided_at=decided_at)
    click.echo(f"Cancelled {meeting_id}: {row['reason']}")
    click.echo(f"Post the notice: govdocs notice render {meeting_id} --kind cancellation")


@meeting.command()
@click.argument("meeting_id")
@click.option("--at", "at", required=True, help="When the meeting was adjourned (ISO 8601).")
@click.option("--to", "to", required=True, help="The time it is adjourned to (ISO 8601).")
@click.option("--place", help="The place it is adjourned to (default: the same place).")
@click.option("--id", "new_id", help="The adjourned meeting's id (default: BODY-YYYY-MM-DD).")
@click.option("--ordered-by", help="Who ordered the adjournment (e.g. the Council, or the clerk).")
@store_options
def adjourn(meeting_id, at, to, place, new_id, ordered_by, store):
    """Adjourn a meeting to a stated time and place (an adjourned meeting).

    Example:

        govdocs meeting adjourn harbor-mesa-council-2026-12-15 --at 2026-12-15T22:45 --to 2026-12-22T18:00
    """
    row = store_meetings.adjourn_meeting(store, meeting_id, to=to, place=place, at=at,
                                         new_id=new_id, ordered_by=ordered_by)
    click.echo(f"Adjourned {meeting_id} to {row['id']} ({row['start']}, {row['place']}).")
    click.echo(row["deadline"].describe())


@meeting.command()
@click.option("--body", help="Only meetings of this body (joint meetings included).")
@click.option("--all", "everything", is_flag=True, help="Past meetings too, not only upcoming ones.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the .ics here instead of printing it.")
@store_options
def ics(body, everything, out, store):
    """An iCalendar (.ics) file of upcoming meetings, for calendar programs.

    Example:

        govdocs meeting ics --body cvcrma-board --out board.ics
    """
    since = None if everything else dt.datetime.now(dt.timezone.utc)
    data = store_meetings.meetings_ics(store, body=body, since=since)
    if out:
        Path(out).write_bytes(data)
        click.echo(f"Wrote {out}")
    else:
        click.echo(data.decode("utf-8"), nl=False)


def register(cli):
    cli.add_command(meeting)
