"""The real OCR'd resolution in ../shared/samples (beside the checkout), when present."""

from pathlib import Path

import pytest

from govdocs.archive import ingest
from govdocs.archive.search import Searcher

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "resolution-tustin-79-91-jpa-bylaws-amendment-ocr.txt"


@pytest.fixture
def sample():
    if not SAMPLE.exists():
        pytest.skip(f"the real samples are not beside this checkout ({SAMPLE.parent})")
    return SAMPLE


def test_the_seed_resolution_reads_and_is_found_through_its_ocr_damage(store, sample):
    summary = ingest.ingest_paths(store, [sample], public=True)
    assert len(summary.added) == 1
    row = next(store.db.query("select * from documents"))
    assert (row["kind"], row["number"], row["date"], row["meeting_kind"]) == ("resolution", "79-91", "1979-12-03", "regular")
    assert "WebLink" not in row["text"]
    searcher = Searcher(store.db, store.path)
    fuzzy = searcher.search("OCCRMA", fuzzy=True)
    assert fuzzy.total == 1
    from govdocs.archive import ocr

    damaged = {row["text"][a:b] for a, b in ocr.find_approximate("OCCRMA", row["text"])}
    assert {"OCCR 4-A", "OCCRUA", "0CCR'`1A", "OCCIUMA"} <= damaged
    assert searcher.search("Schuster", kind="resolution").total == 1
    assert searcher.search("", voter="Schuster", vote="aye").total == 1
