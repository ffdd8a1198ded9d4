"""govdocs vote: record and show roll calls, and the vote calculator."""

from __future__ import annotations

from pathlib import Path

import click

from .. import votes as rules
from ..errors import NotFound
from ..rollcall import parse_roll_calls
from ..store import votes as store_votes
from .common import echo_json, json_option, store_options

CHECK_KEYS = ("outcome", "required", "ayes", "noes", "abstentions", "absent", "recused",
              "quorum_met", "quorum_required", "base", "rule", "quorum", "abstention_rule",
              "present", "seats", "vacant", "eligible", "explanation")


@click.group()
def vote():
    """Roll-call votes: record them, show them, check a count.

    Example:

        govdocs vote check --seats 5 --rule majority-of-members --aye 3 --absent 2
    """


def _people_option(name, help_text):
    return click.option(f"--{name}", f"{name}_", multiple=True, metavar="PERSON",
                        help=help_text)


@vote.command()
@click.argument("subject")
@click.option("--meeting", help="The meeting id (default: the subject's meeting).")
@_people_option("aye", "A member voting aye: id, full name or surname (repeat, or commas).")
@_people_option("no", "A member voting no.")
@_people_option("abstain", "A member present who abstained.")
@_people_option("absent", "A member seated but absent.")
@_people_option("recused", "A member who recused (conflict of interest).")
@click.option("--rule", help="The vote rule, e.g. two-thirds-of-members (default: the body's).")
@click.option("--motion", help="The motion as stated, for the record.")
@click.option("--id", "vote_id", help="Id for the vote (default SUBJECT-vote-N).")
@json_option
@store_options
def record(subject, meeting, aye_, no_, abstain_, absent_, recused_, rule, motion, vote_id,
           as_json, store):
    """Record a roll call on SUBJECT (resolution:ID) and compute its outcome.

    Every member seated on the body on the meeting day must be named under
    exactly one option, and nobody else; otherwise the roll call is refused
    and nothing is written. The rule defaults from the body.

    Example:

        govdocs vote record resolution:arbor-vista-2026-41 --meeting
        arbor-vista-council-2026-10-06 --aye munoz-rosa,okafor-daniel,brandt-helen
        --aye raman-priya --absent lee-marcus
    """
    options = {"aye": aye_, "no": no_, "abstain": abstain_, "absent": absent_,
               "recused": recused_}
    shown = store_votes.record_vote(store, subject, options, meeting=meeting, rule=rule,
                                    motion=motion, vote_id=vote_id)
    if as_json:
        echo_json(shown)
    else:
        click.echo(f"Recorded vote {shown['id']}: {shown['explanation']}")


@vote.command()
@click.argument("subject")
@json_option
@store_options
def show(subject, as_json, store):
    """Show the votes on SUBJECT (resolution:ID), or one vote by its id.

    Example:

        govdocs vote show resolution:arbor-vista-2026-41 --json
    """
    shown = store_votes.votes_on(store, subject)
    if not shown:
        raise NotFound(f"no vote has been recorded on {subject}")
    if as_json:
        echo_json(shown)
        return
    click.echo("\n\n".join(store_votes.format_vote(v) for v in shown))


@vote.command()
@click.option("--seats", type=int, required=True, help="The whole membership of the body.")
@click.option("--vacant", type=int, default=0, show_default=True, help="Seats nobody holds.")
@click.option("--rule", required=True, help="FRACTION-of-BASE, e.g. majority-of-members.")
@click.option("--aye", "ayes", type=int, default=0, help="How many voted aye.")
@click.option("--no", "noes", type=int, default=0, help="How many voted no.")
@click.option("--abstain", "abstentions", type=int, default=0, help="How many abstained.")
@click.option("--absent", type=int, default=0, help="How many were absent.")
@click.option("--recused", type=int, default=0, help="How many recused.")
@click.option("--quorum", default="majority-of-members", show_default=True,
              help="The body's quorum rule.")
@click.option("--abstentions", "abstention_rule", default="not-counted", show_default=True,
              help="How an abstention counts: not-counted, with-majority or as-no.")
@click.option("--eligible", type=int, default=None,
              help="Members entitled to vote on this matter (a JPA risk area).")
@click.option("--present", type=int, default=None,
              help="Members present for the quorum when the counts cover eligible members only.")
@json_option
def check(seats, vacant, rule, ayes, noes, abstentions, absent, recused, quorum,
          abstention_rule, eligible, present, as_json):
    """Work out whether a vote carried, from counts alone (no store needed).

    Seated members not counted under any option are taken to be absent.
    Impossible input (more votes than seats, a negative count, an unknown
    rule) is an error with exit status 2.

    Example:

        govdocs vote check --seats 7 --rule four-fifths-of-members --aye 4 --no 1 --json
    """
    tally = rules.Tally(ayes=ayes, noes=noes, abstentions=abstentions, absent=absent,
                        recused=recused)
    result = rules.decide(tally, rule, seats=seats, vacant=vacant, quorum=quorum,
                          abstentions=abstention_rule, eligible=eligible, present=present)
    if as_json:
        data = result.to_dict()
        echo_json({key: data[key] for key in CHECK_KEYS})
        return
    click.echo(result.explanation)
    click.echo(
        f"ayes {result.ayes}, noes {result.noes}, abstentions {result.abstentions}, "
        f"absent {result.absent}, recused {result.recused}; "
        f"quorum {'met' if result.quorum_met else 'not met'} "
        f"({result.present} present, {result.quorum_required} required)"
    )


@vote.command(name="read")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def read_(path, as_json):
    """Read the roll calls in a text file (a certification, minutes, OCR).

    Example:

        govdocs vote read minutes-1981-06-02.txt --json
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    calls = parse_roll_calls(text)
    if as_json:
        echo_json([c.to_dict() for c in calls])
        return
    if not calls:
        raise NotFound(f"no roll call found in {path}")
    labels = {"aye": "AYES", "no": "NOES", "abstain": "ABSTAIN", "absent": "ABSENT",
              "recused": "RECUSED"}
    for i, call in enumerate(calls):
        if i:
            click.echo("")
        click.echo(f"Roll call at line {call.line}:")
        for option in call.labels:
            names = call.names(option)
            stated = f" (stated: {call.stated[option]})" if option in call.stated else ""
            click.echo(f"  {labels[option] + ':':9}{', '.join(names) if names else 'None'}{stated}")
        if call.unread:
            click.echo(f"  could not read: {' | '.join(call.unread)}")


def register(cli):
    cli.add_command(vote)
