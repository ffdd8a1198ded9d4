"""``govdocs templates check|list``."""

from __future__ import annotations

import click

from ..errors import IntegrityError


@click.group()
def templates():
    """Document templates and the context builders that fill them.

    Example:

        govdocs templates check
    """


@templates.command()
@click.option("--kind", "kinds", multiple=True, help="Only this document kind (repeat).")
def check(kinds):
    """Check that every variable each template uses is provided by its builder.

    Example:

        govdocs templates check --kind certification
    """
    from ..render import check_templates

    reports = check_templates(list(kinds) or None)
    problems = 0
    for report in reports:
        if report.problems:
            problems += len(report.problems)
            for p in report.problems:
                click.echo(f"FAIL {p}")
        else:
            click.echo(f"ok   {report.template} ({report.kind}): {len(report.variables)} variables")
    if problems:
        raise IntegrityError(f"{problems} template problem(s) in {len(reports)} template(s)")
    click.echo(f"{len(reports)} templates checked, no problems.")


@templates.command(name="list")
def list_():
    """List document kinds and their templates.

    Example:

        govdocs templates list
    """
    from ..render import all_kinds, find_template

    for kind in all_kinds():
        for t in kind.templates():
            click.echo(f"{kind.name:<22} {t:<28} {find_template(t)}")


def register(cli):
    cli.add_command(templates)
