"""Search benchmark: govdocs (Tantivy index) against plain SQLite FTS5 (bm25 + snippet).

Builds a synthetic corpus (``govdocs.archive.synthetic``: about 2 KB of
council vocabulary per document, a quarter with OCR damage), ingests it
through govdocs' audited ingest (the search index is kept in step by the
store's after-commit hook), puts the same documents in a plain sqlite-utils
table with FTS5, then runs each query class and prints p50/p95 latency for
both, the ratio, how many documents each matched (the OCR-tolerant class
shows what exact matching misses), index sizes and the ingest rate.

The OCR-tolerant class has no FTS5 equivalent: the baseline column is a
plain FTS5 search for the same word.

    python benchmarks/search.py                 # 100,000 documents
    python benchmarks/search.py --docs 20000    # quicker
    python benchmarks/search.py --large         # 1,000,000 documents
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlite_utils  # noqa: E402

from govdocs.archive import ingest, synthetic  # noqa: E402
from govdocs.archive.search import Searcher  # noqa: E402
from govdocs.store import RecordStore  # noqa: E402


def query_classes(rng: random.Random) -> dict[str, list[tuple[str, bool]]]:
    rare = synthetic.rare_words()
    mid = synthetic.MID
    common = ["council", "whereas", "city", "resolution", "approve", "public", "meeting", "board"]
    return {
        "common word": [(w, False) for w in common],
        "mid word": [(w, False) for w in rng.sample(mid, 12)],
        "rare word": [(w, False) for w in rng.sample(rare, 12)],
        "two words": [(f"{rng.choice(common)} {rng.choice(mid)}", False) for _ in range(12)],
        "phrase": [(f'"{p}"', False) for p in ("risk management", "city council", "council whereas",
                                                "county cities risk", "workers compensation", "public hearing",
                                                "approve resolution", "board clerk")],
        "prefix": [(p, False) for p in ("counc*", "approv*", "liab*", "resol*", "assess*", "deduct*", "pool*", "ratif*")],
        "OCR-tolerant": [(w, True) for w in ("OCCRMA", "OCCR4A", "liabi1ity", "deductib1e", "actuaria1",
                                             "councll", "ratificatlon", "underwritlng")],
    }


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(values) - 1)
    return values[f] + (values[c] - values[f]) * (k - f)


def baseline_search(db: sqlite_utils.Database, q: str):
    """sqlite-utils FTS5: rank every match by bm25, then snippets for the best ten."""
    quoted = db.quote_fts(q.replace("*", "")) if "*" not in q else q
    rows = db.execute(
        "select rowid from documents_fts where documents_fts match ? order by rank limit 10", [quoted]
    ).fetchall()
    ids = [r[0] for r in rows]
    if ids:
        db.execute(
            "select rowid, snippet(documents_fts, -1, '<mark>', '</mark>', '…', 24) from documents_fts"
            f" where documents_fts match ? and rowid in ({', '.join('?' for _ in ids)})", [quoted, *ids]
        ).fetchall()
    return len(ids)


def baseline_count(db: sqlite_utils.Database, q: str) -> int:
    """How many documents the FTS5 baseline matches (not timed)."""
    quoted = db.quote_fts(q.replace("*", "")) if "*" not in q else q
    return db.execute("select count(*) from documents_fts where documents_fts match ?", [quoted]).fetchone()[0]


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--large", action="store_true", help="1,000,000 documents")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query")
    parser.add_argument("--workdir", help="keep the corpus here (reused if present)")
    args = parser.parse_args(argv)
    n = 1_000_000 if args.large else args.docs
    work = Path(args.workdir or tempfile.mkdtemp(prefix="govdocs-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    store_path = work / f"govdocs-{n}.db"
    base_path = work / f"fts5-{n}.db"
    print(f"corpus: {n:,} synthetic documents in {work}")

    store = RecordStore(store_path, actor="benchmark")
    if store.db["documents"].count < n:
        Searcher(store.db, store_path).index.ensure()  # an index exists: the hook keeps it in step
        start = time.perf_counter()
        inputs = (
            ingest.DocumentInput(title=d.title, text=d.text, kind=d.kind, number=d.number, date=d.date,
                                 public=True, id=d.id)
            for d in synthetic.iter_documents(n)
        )
        ingest.add_documents(store, inputs, batch=2000)
        took = time.perf_counter() - start
        print(f"govdocs ingest + index: {n / took:,.0f} documents/s ({took:.1f} s)")
    if not base_path.exists():
        start = time.perf_counter()
        base = sqlite_utils.Database(base_path)
        base["documents"].insert_all(
            ({"id": d.id, "title": d.title, "number": d.number, "text": d.text} for d in synthetic.iter_documents(n)),
            batch_size=2000,
        )
        base["documents"].enable_fts(["title", "number", "text"], tokenize="porter")
        took = time.perf_counter() - start
        print(f"FTS5 baseline ingest + index: {n / took:,.0f} documents/s ({took:.1f} s)")
    base = sqlite_utils.Database(base_path)
    searcher = Searcher(store.db, store_path)
    searcher.index.ensure()
    print(f"index size: govdocs (Tantivy) {folder_size(Path(str(store_path) + '.search')) / 1e6:,.0f} MB;"
          f" store {folder_size(store_path) / 1e6:,.0f} MB; FTS5 database {folder_size(base_path) / 1e6:,.0f} MB")

    rng = random.Random(7)
    print(f"\n{'class':<14} {'govdocs p50':>11} {'p95':>8} {'FTS5 p50':>10} {'p95':>8} {'p95 ratio':>10}"
          "  documents matched, govdocs / FTS5")
    for name, queries in query_classes(rng).items():
        ours, theirs, found = [], [], [0, 0]
        for q, fuzzy in queries:
            for _ in range(args.repeat):
                t = time.perf_counter()
                result = searcher.search(q, fuzzy=fuzzy)
                ours.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                baseline_search(base, q)
                theirs.append((time.perf_counter() - t) * 1000)
            found[0] += result.total
            found[1] += baseline_count(base, q)
        p95o, p95t = percentile(ours, 95), percentile(theirs, 95)
        print(f"{name:<14} {percentile(ours, 50):>9.1f}ms {p95o:>6.1f}ms {percentile(theirs, 50):>8.1f}ms"
              f" {p95t:>6.1f}ms {p95t / p95o:>9.1f}x  {found[0]:,} / {found[1]:,}")
    store.close()
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
