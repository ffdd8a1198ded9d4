"""Benchmark: import 1,000 class specifications and publish them as one book.

    .venv/bin/python benchmarks/jobclass.py [--classes 1000] [--store]

Makes 1,000 specs from the test fixtures (six agency styles, each copy with
its own code, title and duties), then times:

* import: text -> JobClass with coverage (the pure parser), classes/second;
  with ``--store``, also saving them all as revisions in a fresh store;
* the book: context + DOCX of every class with a table of contents,
  classes/second, and the book's size.

Ratios are against baselines run in the same process on the same input:
markdown-it-py tokenizing the same texts (a fast, well-known text parser) for
the import, and plain docxtpl rendering the same book template for the
book (on a tenth of the classes, as it is slow). Target: the 1,000-class book
in under 10 seconds. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govdocs.jobclass_parse import parse_text  # noqa: E402
from govdocs.jobclass_render import book_context, render_book  # noqa: E402

FIXTURES = ROOT / "tests" / "jobclass" / "fixtures"
STYLES = ["capitals.txt", "titlecase.txt", "numbered.txt", "salary_table.txt", "web_chrome.txt",
          "twolevel.md"]
VERBS = ["Reviews", "Prepares", "Coordinates", "Inspects", "Maintains", "Analyzes", "Trains"]
OBJECTS = ["claim files", "loss reports", "certificates of insurance", "safety plans",
           "budget requests", "training records", "excess insurance renewals"]


def make_specs(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    bases = [(FIXTURES / s).read_text() for s in STYLES]
    codes = ["4417", "2215", "RMA-110", "3302", "5120", "1040"]
    specs = []
    for i in range(n):
        k = i % len(bases)
        text = bases[k].replace(codes[k], f"{k + 1}{i:04d}")
        extra = "\n".join(f"- {rng.choice(VERBS)} {rng.choice(OBJECTS)} for unit {i}-{j}."
                          for j in range(rng.randint(2, 8)))
        text += f"\n\nAdditional Duties\n\n{extra}\n"
        specs.append(text)
    return specs


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--classes", type=int, default=1000)
    ap.add_argument("--store", action="store_true", help="also time saving them in a store")
    args = ap.parse_args(argv)
    n = args.classes
    specs = make_specs(n)

    results, t_import = timed(lambda: [parse_text(s) for s in specs])
    coverage = sum(r.coverage.ratio for r in results) / n
    from markdown_it import MarkdownIt

    md = MarkdownIt()
    _, t_md = timed(lambda: [md.parse(s) for s in specs])
    print(f"import: {n} classes in {t_import:.2f} s = {n / t_import:,.0f} classes/s "
          f"(mean coverage {coverage:.1%}); markdown-it tokenizing the same texts: "
          f"{n / t_md:,.0f}/s; ratio {t_import / t_md:.1f}x its time")

    classes = [r.job_class for r in results]
    if args.store:
        from govdocs.store import RecordStore
        from govdocs.store.jobclasses import save_job_class

        with tempfile.TemporaryDirectory() as tmp:
            store = RecordStore(Path(tmp) / "bench.db", actor="benchmark")

            def save_all():
                with store.transaction():
                    for jc in classes:
                        save_job_class(store, jc, agency="bench")

            _, t_store = timed(save_all)
            store.close()
        print(f"store: {n} classes saved as revisions in {t_store:.2f} s = {n / t_store:,.0f} classes/s")

    def book():
        return render_book(book_context(classes, agency_name="Benchmark City", order="title"))

    data, t_book = timed(book)
    verdict = "meets" if t_book < 10 else "MISSES"
    print(f"book: {n} classes in {t_book:.2f} s = {n / t_book:,.0f} classes/s, "
          f"{len(data) / 1e6:.2f} MB DOCX ({verdict} the 10 s target)")

    from docxtpl import DocxTemplate

    from govdocs.render import environment

    few = max(n // 10, 1)
    ctx = book_context(classes[:few], agency_name="Benchmark City", order="title")

    def plain():
        tpl = DocxTemplate(str(ROOT / "templates" / "jobclass-book.docx"))
        tpl.render(ctx, jinja_env=environment())
        with tempfile.TemporaryFile() as fh:
            tpl.save(fh)

    _, t_plain = timed(plain)
    print(f"baseline: plain docxtpl, {few} classes in {t_plain:.2f} s = {few / t_plain:,.0f} classes/s; "
          f"govdocs' book is {(n / t_book) / (few / t_plain):.1f}x faster per class")
    return 0


if __name__ == "__main__":
    sys.exit(main())
