"""PDF ingest benchmark: govdocs' page extraction against pypdf's extract_text.

Writes a set of text PDFs (council vocabulary, several pages each), then
times govdocs' extraction with cleaning and metadata (``extract.pdf_pages``:
PDFium, else pdftotext, else pypdf) and pypdf's ``extract_text`` over the same
files, and prints pages per second for each and the ratio (target: 5x).

    python benchmarks/ingest.py [--files 40] [--pages 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pypdf  # noqa: E402

from _pdfmaker import make_pdf  # noqa: E402
from govdocs.archive import extract, ingest, synthetic  # noqa: E402
from govdocs.store import RecordStore  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        docs = synthetic.iter_documents(args.files * args.pages, seed=5)
        paths = []
        for i in range(args.files):
            pages = []
            for _ in range(args.pages):
                text = next(docs).text
                lines = []
                for paragraph in text.split("\n"):
                    words, line = paragraph.split(), ""
                    for w in words:
                        if len(line) + len(w) > 90:
                            lines.append(line)
                            line = ""
                        line += w + " "
                    lines.append(line)
                pages.append("\n".join(lines[:50]))
            path = Path(tmp) / f"doc-{i}.pdf"
            path.write_bytes(make_pdf(pages))
            paths.append(path)
        total = args.files * args.pages
        print(f"{args.files} PDFs, {total} pages")

        start = time.perf_counter()
        for path in paths:
            reader = pypdf.PdfReader(str(path))
            for page in reader.pages:
                page.extract_text()
        pypdf_rate = total / (time.perf_counter() - start)

        results = {}
        for engine in ("pdfium", "pdftotext"):
            try:
                start = time.perf_counter()
                for path in paths:
                    extract.pdf_pages(path, engine)
                results[f"extraction only ({engine})"] = total / (time.perf_counter() - start)
            except Exception as error:  # engine not installed here
                print(f"  {engine}: not available ({error})")
        store = RecordStore(Path(tmp) / "store.db", actor="benchmark")
        start = time.perf_counter()
        summary = ingest.ingest_paths(store, paths)
        results["govdocs ingest (extract, clean, metadata, store)"] = total / (time.perf_counter() - start)
        assert len(summary.added) == len(paths), summary.lines()
        store.close()
        print(f"{'pypdf extract_text':<52} {pypdf_rate:8,.0f} pages/s")
        for name, rate in results.items():
            print(f"{name:<52} {rate:8,.0f} pages/s  ratio {rate / pypdf_rate:.1f}x")


if __name__ == "__main__":
    main()
