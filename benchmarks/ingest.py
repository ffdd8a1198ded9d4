"""PDF ingest benchmark: govdocs' page extraction against pypdf's extract_text.

Writes a set of text PDFs (council vocabulary, several pages each), then
times govdocs' extraction with cleaning and metadata (``extract.pdf_pages``:
PDFium, else pdftotext, else pypdf) and pypdf's ``extract_text`` over the same
files, and prints pages per second for each and the ratio (target: 5x).

    python benchmarks/ingest.py [--files 10] [--pages 12] [--simple]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "archive"))  # the tests' PDF writer

import pypdf  # noqa: E402

from pdfmaker import make_pdf  # noqa: E402
from govdocs.archive import extract, ingest, synthetic  # noqa: E402
from govdocs.store import RecordStore  # noqa: E402


def make_pdfs(folder: Path, files: int, pages: int, use_libreoffice: bool = True) -> list[Path]:
    """Council documents as PDFs: made by LibreOffice (real fonts, the way
    govdocs renders PDFs) when it is installed, else by a tiny PDF writer
    (base-14 font: much easier for pypdf, so the ratio comes out lower)."""
    docs = synthetic.iter_documents(files * pages * 2, seed=5)
    soffice = shutil.which("soffice") if use_libreoffice else None
    paths = []
    for i in range(files):
        texts = [next(docs).text for _ in range(pages)]
        if soffice:
            (folder / f"doc-{i}.txt").write_text("\n\n".join(texts))
        else:
            path = folder / f"doc-{i}.pdf"
            path.write_bytes(make_pdf(["\n".join(line[:95] for line in t.replace(". ", ".\n").split("\n"))[:3200]
                                       for t in texts]))
            paths.append(path)
    if soffice:
        sources = sorted(folder.glob("doc-*.txt"))
        subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(folder),
                        *map(str, sources)], check=True, capture_output=True, timeout=600)
        for source in sources:
            source.unlink()
        paths = sorted(folder.glob("doc-*.pdf"))
        print("PDFs made by LibreOffice")
    else:
        print("PDFs made by the built-in writer (LibreOffice not installed or --simple)")
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--pages", type=int, default=12, help="documents of about one page each per file")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported")
    parser.add_argument("--simple", action="store_true", help="use the built-in PDF writer, not LibreOffice")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_pdfs(Path(tmp), args.files, args.pages, use_libreoffice=not args.simple)
        total = sum(len(pypdf.PdfReader(str(p)).pages) for p in paths)
        print(f"{len(paths)} PDFs, {total} pages")

        def best(run) -> float:
            """Pages a second of the best of ``args.repeat`` runs (a shared machine is noisy)."""
            times = []
            for attempt in range(args.repeat):
                start = time.perf_counter()
                run(attempt)
                times.append(time.perf_counter() - start)
            return total / min(times)

        def pypdf_run(_):
            for path in paths:
                for page in pypdf.PdfReader(str(path)).pages:
                    page.extract_text()

        def engine_run(engine):
            def run(_):
                for path in paths:
                    extract.pdf_pages(path, engine)
            return run

        def ingest_run(attempt):
            store = RecordStore(Path(tmp) / f"store-{attempt}.db", actor="benchmark")
            summary = ingest.ingest_paths(store, paths)
            store.close()
            assert len(summary.added) == len(paths), summary.lines()

        warm = RecordStore(Path(tmp) / "warm-up.db", actor="benchmark")  # imports, first-call costs
        ingest.ingest_paths(warm, paths[:1])
        warm.close()
        pypdf_rate = best(pypdf_run)
        results = {}
        for engine in ("pdfium", "pdftotext"):
            try:
                results[f"extraction only ({engine})"] = best(engine_run(engine))
            except Exception as error:  # engine not installed here
                print(f"  {engine}: not available ({error})")
        results["govdocs ingest (extract, clean, metadata, store)"] = best(ingest_run)
        print(f"{'pypdf extract_text':<52} {pypdf_rate:8,.0f} pages/s")
        for name, rate in results.items():
            print(f"{name:<52} {rate:8,.0f} pages/s  ratio {rate / pypdf_rate:.1f}x")


if __name__ == "__main__":
    main()
