"""Benchmark: govdocs' compiled DOCX engine against a plain docxtpl loop.

    .venv/bin/python benchmarks/render.py [--pairs 1000]

Renders N resolution + certificate-of-adoption pairs (2N documents) both
ways, from the same templates and the same contexts (each pair a different
resolution number, title, recitals and roll call), checks that every
document's text is identical both ways, and prints documents per second for
each and the ratio. The plain loop is what docxtpl's documentation shows:
load the template, render, save, per document (with govdocs' environment, so
autoescape is on in both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docxtpl import DocxTemplate  # noqa: E402

from govdocs.certification import CertificationInput, Member, VoteRecord, certify_adoption  # noqa: E402
from govdocs.render import environment, find_template, render_docx  # noqa: E402
from govdocs.render.resolutions import resolution_context  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SURNAMES = ["Muñoz", "O'Hara", "Nguyen", "Smith & Jones", "Okafor", "Brandt", "Zoë Lee", "Raman",
            "Kennedy", "Welsh", "Schuster", "Saltarelli", "Sharp"]


def contexts(pairs: int):
    org = {"id": "tustin", "name": "City of Tustin", "kind": "city", "state": "California",
           "county": "Orange"}
    body = {"id": "council", "organization": "tustin", "name": "City Council", "kind": "council",
            "seats": 5, "clerk_title": "City Clerk", "member_title": "Councilmember",
            "city": "Tustin", "county": "Orange", "state": "California"}
    for i in range(pairs):
        day = dt.date(1979, 1, 1) + dt.timedelta(days=i % 365)
        names = [SURNAMES[(i + k) % len(SURNAMES)] + f" {k}" for k in range(5)]
        members = tuple(Member(f"p{k}", f"Pat {n}") for k, n in enumerate(names))
        options = ["aye", "aye", "aye", "no" if i % 3 else "aye", "absent" if i % 2 else "abstain"]
        vote = VoteRecord(f"v{i}", "majority-of-members", {f"p{k}": o for k, o in enumerate(options)}, "m")
        resolution = {"id": f"r{i}", "number": f"{day.year % 100}-{i + 1}",
                      "title": f"Approving contract {i} for <services> & supplies \"{i}\"",
                      "status": "adopted", "adopted_on": day.isoformat(), "meeting": "m",
                      "recitals": [f"WHEREAS, recital {k} of resolution {i} & more;" for k in range(6)],
                      "clauses": [f"Clause {k} applies to item {i}." for k in range(3)], "exhibits": []}
        facts = certify_adoption(CertificationInput(
            f"r{i}", resolution["number"], resolution["title"], "adopted", 5, members, vote, "m",
            "regular", day, day))
        common = dict(org=org, body=body, resolution=resolution, clerk={"name": "Clara Poe"},
                      presiding={"name": members[0].name, "title": "Mayor"},
                      meeting={"id": "m", "kind": "regular"}, meeting_date=day, facts=facts,
                      certified_on=dt.date(2026, 11, 22))
        yield resolution_context(**common), resolution_context(**common, appended=False)


def text_of(docx: bytes) -> str:
    """Paragraph texts of the body, tables included, and of the core title."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        core = z.read("docProps/core.xml").decode("utf-8")
    paras = ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]
    return "\n".join(paras) + "\n" + core.split("<dc:title>")[-1].split("</dc:title>")[0]


def plain_docxtpl(template: Path, ctx: dict, env) -> bytes:
    tpl = DocxTemplate(template)
    tpl.render(ctx, jinja_env=env)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    args = parser.parse_args(argv)
    env = environment()
    res_t, cert_t = find_template("resolution.docx"), find_template("certification.docx")
    work = list(contexts(args.pairs))
    docs = 2 * len(work)

    render_docx(res_t, work[0][0])   # compile once (counted below? no: it is a one-off per template)
    t0 = time.perf_counter()
    fast = [(render_docx(res_t, r), render_docx(cert_t, c)) for r, c in work]
    t_fast = time.perf_counter() - t0

    t0 = time.perf_counter()
    plain = [(plain_docxtpl(res_t, r, env), plain_docxtpl(cert_t, c, env)) for r, c in work]
    t_plain = time.perf_counter() - t0

    mismatches = 0
    for (fr, fc), (pr, pc) in zip(fast, plain):
        mismatches += (text_of(fr) != text_of(pr)) + (text_of(fc) != text_of(pc))
    fast_rate, plain_rate = docs / t_fast, docs / t_plain
    print(f"documents: {docs} ({len(work)} resolution + certificate pairs)")
    print(f"plain docxtpl loop : {plain_rate:8.1f} docs/sec ({t_plain:.2f} s)")
    print(f"govdocs engine     : {fast_rate:8.1f} docs/sec ({t_fast:.2f} s)")
    print(f"ratio              : {fast_rate / plain_rate:8.1f}x")
    print(f"texts identical    : {'yes' if not mismatches else f'NO ({mismatches} differ)'}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
