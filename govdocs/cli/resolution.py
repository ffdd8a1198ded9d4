"""``govdocs resolution new|show|list|adopt|render|withdraw|fail|link``."""

from __future__ import annotations

from pathlib import Path

import click

from ..store import resolutions as lib
from .common import echo_json, json_option, store_options


@click.group()
def resolution():
    """Draft, adopt and render resolutions.

    Example:

        govdocs resolution list --body arbor-vista-council
    """


def _names(values) -> list[str]:
    out = []
    for v in values:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return out


def _prose(path: Path) -> tuple[list[str], list[str]]:
    """Recitals and clauses from a Markdown file with '## Recitals' and
    '## Resolved' (or '## Clauses') sections, paragraphs separated by blank lines."""
    section, found = None, {"recitals": [], "clauses": []}
    paragraph: list[str] = []

    def flush():
        if section and paragraph:
            found[section].append(" ".join(paragraph))
        paragraph.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        heading = line.strip().lower()
        if heading.startswith("## "):
            flush()
            name = heading[3:].strip()
            section = "recitals" if name == "recitals" else "clauses" if name in ("resolved", "clauses") else None
        elif not line.strip():
            flush()
        else:
            paragraph.append(line.strip())
    flush()
    return found["recitals"], found["clauses"]


@resolution.command(name="new")
@click.option("--body", required=True, help="The body that will adopt it (id).")
@click.option("--title", required=True, help="The title of the resolution.")
@click.option("--recital", "recitals", multiple=True, help="A WHEREAS recital (repeat).")
@click.option("--clause", "clauses", multiple=True, help="A resolving clause (repeat).")
@click.option("--from", "source", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Markdown with '## Recitals' and '## Resolved' sections.")
@click.option("--exhibit", "exhibits", multiple=True, help="An exhibit file (PDF or DOCX; repeat).")
@click.option("--id", "key", default=None, help="Record id (default BODY-draft-N).")
@click.option("--rescinds", default=None, help="The adopted resolution it rescinds.")
@click.option("--supersedes", default=None, help="The adopted resolution it supersedes.")
@json_option
@store_options
def new(body, title, recitals, clauses, source, exhibits, key, rescinds, supersedes, as_json, store):
    """Draft a new resolution.

    Example:

        govdocs resolution new --body arbor-vista-council --title "Approving the budget" --clause "The budget is approved."
    """
    recitals, clauses = list(recitals), list(clauses)
    if source:
        more_r, more_c = _prose(source)
        recitals += more_r
        clauses += more_c
    row = lib.draft(store, body, title, recitals=recitals, clauses=clauses, exhibits=exhibits,
                    id=key, rescinds=rescinds, supersedes=supersedes)
    if as_json:
        echo_json(row)
    else:
        click.echo(f"Drafted {row['id']}: {row['title']}")


@resolution.command()
@click.argument("ref")
@click.option("--body", default=None, help="The body, when a number is used by several.")
@json_option
@store_options
def show(ref, body, as_json, store):
    """Show a resolution: number, status, adoption, vote and links.

    Example:

        govdocs resolution show 2026-41
    """
    row = lib.find_resolution(store, ref, body)
    info = lib.describe(store, row["id"])
    if as_json:
        echo_json(info)
        return
    for name in ("id", "number", "status", "body", "title", "meeting", "adopted_on",
                 "rescinds", "supersedes", "corrects"):
        if info.get(name):
            click.echo(f"{name:<11}: {info[name]}")
    for name in ("recitals", "clauses", "exhibits"):
        for i, text in enumerate(info[name], 1):
            click.echo(f"{name[:-1]} {i:<3}: {text}")
    if info.get("vote"):
        v = info["vote"]
        click.echo(f"vote       : {v['id']} {v['outcome']} ({v['explanation']})")
        for option, people in v["casts"].items():
            click.echo(f"  {option:<8}: {', '.join(people) or 'None'}")
    for name in ("rescinded_by", "superseded_by", "corrected_by"):
        if info.get(name):
            click.echo(f"{name:<11}: {', '.join(info[name])}")


@resolution.command(name="list")
@click.option("--body", default=None, help="Only this body's resolutions.")
@click.option("--status", default=None,
              type=click.Choice(["draft", "adopted", "failed", "withdrawn", "rescinded", "superseded"]))
@json_option
@store_options
def list_(body, status, as_json, store):
    """List resolutions with their number and status.

    Example:

        govdocs resolution list --status adopted
    """
    rows = lib.list_resolutions(store, body, status)
    if as_json:
        echo_json([{k: r[k] for k in ("id", "body", "number", "status", "adopted_on", "title")} for r in rows])
        return
    if not rows:
        click.echo("No resolutions.")
        return
    for r in rows:
        click.echo(f"{(r['number'] or '-'):<10} {r['status']:<10} {(r['adopted_on'] or ''):<10} "
                   f"{r['id']}  {r['title'][:70]}")


@resolution.command()
@click.argument("ref")
@click.option("--meeting", required=True, help="The meeting at which the roll call was taken.")
@click.option("--aye", multiple=True, help="Person ids voting aye (comma-separated or repeated).")
@click.option("--no", "no_", multiple=True, help="Person ids voting no.")
@click.option("--abstain", multiple=True, help="Person ids abstaining.")
@click.option("--absent", multiple=True, help="Person ids absent.")
@click.option("--recused", multiple=True, help="Person ids recused.")
@click.option("--rule", default=None, help="Vote rule (default: the body's), e.g. two-thirds-of-members.")
@click.option("--number", default=None, help="Use this number instead of the body's next one.")
@json_option
@store_options
def adopt(ref, meeting, aye, no_, abstain, absent, recused, rule, number, as_json, store):
    """Record the roll call on a draft; if it carries, adopt and number it.

    The roll call must name every member seated on the meeting day.

    Example:

        govdocs resolution adopt arbor-vista-council-draft-3 --meeting arbor-vista-council-2026-10-06 --aye munoz-rosa,okafor-daniel,brandt-helen --no raman-priya --absent lee-marcus
    """
    casts = {"aye": _names(aye), "no": _names(no_), "abstain": _names(abstain),
             "absent": _names(absent), "recused": _names(recused)}
    result = lib.adopt(store, ref, meeting, casts, rule=rule, number=number)
    row, outcome = result["resolution"], result["outcome"]
    if as_json:
        echo_json({"resolution": row, "vote": result["vote"]})
        return
    if row["status"] == "adopted":
        click.echo(f"Adopted as Resolution No. {row['number']} on {row['adopted_on']}. {outcome.explanation}")
    else:
        click.echo(f"Not adopted: {outcome.explanation} ({row['id']} is now {row['status']}.)")


@resolution.command()
@click.argument("ref")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default resolution-NUMBER.docx / .md / .html).")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "html"]), default=None,
              help="Output format (default: from --out's extension, else docx).")
@click.option("--pdf", is_flag=True, help="Also write a PDF (needs LibreOffice).")
@click.option("--body", default=None, help="The body, when a number is used by several.")
@store_options
def render(ref, out, fmt, pdf, body, store):
    """Render a resolution (a draft too) as DOCX, Markdown or HTML.

    Example:

        govdocs resolution render 2026-41 --out resolution-2026-41.docx --pdf
    """
    from ..store.issued import issue_document

    row = lib.find_resolution(store, ref, body)
    if fmt is None:
        fmt = (out.suffix.lstrip(".").lower() if out and out.suffix else "docx")
        if fmt not in ("docx", "md", "html"):
            fmt = "docx"
    if out is None:
        out = Path(f"resolution-{row['number'] or row['id']}.{fmt}")
    issued = issue_document(store, "resolution", row["id"], out=out, fmt=fmt, pdf=pdf, body=body)
    for path, rec in zip(issued.paths, issued.records):
        click.echo(f"Wrote {path} (SHA-256 {rec['sha256'][:16]}...)")


@resolution.command()
@click.argument("ref")
@store_options
def withdraw(ref, store):
    """Withdraw a draft resolution.

    Example:

        govdocs resolution withdraw arbor-vista-council-draft-3
    """
    row = lib.withdraw(store, ref)
    click.echo(f"{row['id']} withdrawn.")


@resolution.command()
@click.argument("ref")
@store_options
def fail(ref, store):
    """Record that a draft failed without a recorded roll call (e.g. no second).

    Example:

        govdocs resolution fail arbor-vista-council-draft-3
    """
    row = lib.fail(store, ref)
    click.echo(f"{row['id']} failed.")


@resolution.command()
@click.argument("ref")
@click.option("--rescinds", default=None, help="The adopted resolution this draft rescinds.")
@click.option("--supersedes", default=None, help="The adopted resolution this draft supersedes.")
@store_options
def link(ref, rescinds, supersedes, store):
    """Make a draft rescind or supersede an adopted resolution (takes effect on adoption).

    Example:

        govdocs resolution link arbor-vista-council-draft-3 --rescinds 2026-41
    """
    row = lib.link(store, ref, rescinds=rescinds, supersedes=supersedes)
    target = row.get("rescinds") or row.get("supersedes")
    click.echo(f"{row['id']} will {'rescind' if row.get('rescinds') else 'supersede'} {target} when adopted.")


def register(cli):
    cli.add_command(resolution)
