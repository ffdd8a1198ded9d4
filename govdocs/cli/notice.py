"""``govdocs notice``: posting deadlines, checks of what was posted, and the
notice documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .. import deadlines
from ..errors import InvalidInput
from ..store import meetings as store_meetings
from .common import echo_json, json_option, store_options

WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _weekdays(text: str | None):
    if not text:
        return None
    try:
        return [WEEKDAYS[w.strip().lower()[:3]] for w in text.split(",") if w.strip()]
    except KeyError:
        raise InvalidInput(f"--newspaper-days takes weekday names such as mon,thu; got {text!r}") from None


@click.group()
def notice():
    """Notice deadlines, checks of notices given, and notice documents.

    Example:

        govdocs notice deadline --kind regular --meeting 2026-12-01T18:00
    """


@notice.command()
@click.option("--kind", required=True,
              help="regular, special, emergency, adjourned, continued-hearing, cancellation, "
                   "hearing-6061, hearing-6062, hearing-6062a, hearing-6063, hearing-6064, "
                   "hearing-6066, or agreement.")
@click.option("--meeting", "when", required=True,
              help="The meeting's start (ISO 8601; for adjourned, when the meeting was adjourned).")
@click.option("--tz", default=deadlines.DEFAULT_ZONE, show_default=True, help="The body's time zone.")
@click.option("--days-before", type=int, help="For hearings: the period of the law calling the hearing.")
@click.option("--newspaper-days", help="For hearings: the days the newspaper comes out, e.g. thu or mon,wed,fri.")
@click.option("--agreement-days", type=int, help="For --kind agreement: the notice period the agreement sets.")
@click.option("--business-days", is_flag=True, help="For --kind agreement: the period counts business days.")
@click.option("--citation", help="For --kind agreement: where the agreement says so.")
@json_option
def deadline(kind, when, tz, days_before, newspaper_days, agreement_days, business_days, citation, as_json):
    """The latest lawful posting (or publication dates), with the rule and its citation.

    Example:

        govdocs notice deadline --kind hearing-6066 --meeting 2026-12-15T19:00 --json
    """
    moment = deadlines.parse_moment(when, tz)
    rule = kind
    if kind == "agreement":
        if agreement_days is None:
            raise InvalidInput("--kind agreement needs --agreement-days (the period the agreement sets)")
        rule = deadlines.agreement_rule(agreement_days, business_days=business_days,
                                        citation=citation or "the agreement's amendment clause")
    answer = deadlines.deadline(rule, moment, tz, days_before=days_before,
                                newspaper_days=_weekdays(newspaper_days))
    if as_json:
        echo_json(answer.as_dict())
        return
    click.echo(answer.describe())
    click.echo(f"Rule: {answer.rule.text}")
    click.echo(f"Counting: {answer.rule.counting}")
    for note in answer.notes:
        click.echo(f"Note: {note}")


@notice.command()
@click.argument("meeting")
@json_option
@store_options
def check(meeting, as_json, store):
    """Every notice of a meeting: on time, or late and by how much.

    Example:

        govdocs notice check harbor-mesa-council-2026-11-17
    """
    result = store_meetings.check_meeting(store, meeting)
    if as_json:
        echo_json(result.as_dict())
        return
    click.echo(f"{result.record.title}, {deadlines.format_moment(result.record.start)}")
    for n, finding in result.findings:
        click.echo(f"  {n['id']}: {finding.message()}")
    for kind in result.missing:
        click.echo(f"  MISSING: no {kind} notice is recorded ({deadlines.CALIFORNIA.rule(kind).citation})")
    for problem in result.problems:
        click.echo(f"  PROBLEM: {problem}")
    for warning in result.warnings:
        click.echo(f"  warning: {warning}")
    if not result.findings and not result.missing:
        click.echo("  no notices recorded")


@notice.command()
@click.argument("meeting")
@click.option("--kind", "document", required=True,
              type=click.Choice(list(store_meetings.DOCUMENT_KINDS)), help="Which document.")
@click.option("--format", "fmt", type=click.Choice(["docx", "pdf", "md", "html"]), default="docx",
              show_default=True)
@click.option("--notice", "notice_id", help="The notice to use (default: the meeting's first of that kind).")
@click.option("--executed-on", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="For an affidavit: the day it is signed (default: the day of posting).")
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: MEETING-KIND.FORMAT).")
@store_options
def render(meeting, document, fmt, notice_id, executed_on, out, store):
    """Render an agenda, notice or affidavit of posting for a meeting.

    An affidavit is refused, before anything is written, when the records
    show the posting was late.

    Example:

        govdocs notice render cvcrma-board-2026-12-03 --kind affidavit --out affidavit.docx
    """
    issued = store_meetings.issue_meeting_document(
        store, meeting, document, Path(out or f"{meeting}-{document}.{fmt}"), fmt=fmt,
        notice=notice_id, executed_on=executed_on.date() if isinstance(executed_on, dt.datetime) else None)
    for path, record in zip(issued.paths, issued.records):
        click.echo(f"Wrote {path} (sha256 {record['sha256'][:12]}, registered as issued)")


def register(cli):
    cli.add_command(notice)
