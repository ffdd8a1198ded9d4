"""The plugin's pages through Datasette's own test client (no browser)."""

import asyncio
from pathlib import Path

import pytest

from govdocs.archive import ingest
from govdocs.archive.publish import publish
from govdocs.cli.serve import make_datasette
from govdocs.store import RecordStore
from govdocs.store.loader import load

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    store = RecordStore(folder / "store.db", actor="test")
    load(store, [REPO / "records"])
    ingest.ingest_paths(store, sorted(p for p in (REPO / "records" / "archive").iterdir() if p.is_file()), public=True)
    ingest.ingest_paths(store, [REPO / "records" / "archive" / "private"], public=False)
    publish(store, folder / "public.db")
    store.close()
    return make_datasette(folder / "public.db")


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_search_page_snippets_and_facets(ds):
    page = get(ds, "/search?q=deductible")
    assert page.status_code == 200
    assert "<mark>deductible</mark>" in page.text
    assert 'class="facets"' in page.text and "resolution" in page.text


def test_search_page_never_errors(ds):
    for q in ['"unbalanced', "((( AND", "*", "-", "a:b:c", "NOT"]:
        assert get(ds, "/search?q=" + q).status_code == 200
    assert get(ds, "/search?q=x&from=abc&to=1900").status_code == 200


def test_private_document_is_not_served(ds):
    assert "<mark>" not in get(ds, "/search?q=counsel+settlement").text.split('class="count"')[1]


def test_record_page_with_download_and_vote(ds):
    hits = get(ds, "/search?q=deductible").text
    assert "/record/document:" in hits
    key = hits.split('href="/record/')[1].split("?")[0]
    page = get(ds, f"/record/{key}?q=deductible")
    assert page.status_code == 200 and "<mark>deductible</mark>" in page.text
    assert 'class="download"' in page.text
    sha = page.text.split('href="/file/')[1].split('"')[0]
    original = get(ds, f"/file/{sha}")
    assert original.status_code == 200 and b"RESOLUTION NO. 81" in original.content
    resolution = get(ds, "/record/resolution:arbor-vista-2026-41")
    assert 'class="vote-link"' in resolution.text
    assert get(ds, "/record/resolution:nope").status_code == 404


def test_board_meetings_and_datasette_json(ds):
    assert get(ds, "/board").status_code == 200
    assert get(ds, "/meetings").status_code == 200
    tables = get(ds, "/public.json")
    assert tables.status_code == 200
    names = {t["name"] for t in tables.json()["tables"]}
    assert "documents" in names and "audit" not in names


def test_facet_filters_and_paging(ds):
    page = get(ds, "/search?q=council&kind=resolution")
    assert page.status_code == 200
    assert 'class="active-filters"' in page.text and "kind: resolution" in page.text
    assert 'name="kind" value="resolution"' in page.text
    everything = get(ds, "/search?q=the")
    assert 'rel="next"' in everything.text  # the example records give more than a page
    second = get(ds, "/search?q=the&page=2")
    assert second.status_code == 200 and "page 2" in second.text and 'rel="prev"' in second.text


def test_board_says_how_many_approvals_are_still_needed(ds):
    page = get(ds, "/board").text
    assert 'class="ratification-status"' in page
    assert "approvals needed" in page and "yet to act" in page


def test_agreement_units_have_pages(ds):
    hits = get(ds, "/search?q=quorum&kind=by-laws").text
    link = hits.split('class="hit-title" href="')[1].split('"')[0]
    assert link.startswith("/record/provision:")
    page = get(ds, link.replace("&amp;", "&"))
    assert page.status_code == 200 and "By-Laws Sec." in page.text and "<mark>" in page.text
