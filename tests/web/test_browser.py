"""The public archive in a real browser: serve, search, open a result, see the
marked words, follow the link to the vote (Debian's chromium via Playwright)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from govdocs.archive import ingest
from govdocs.archive.publish import publish
from govdocs.store import RecordStore
from govdocs.store.loader import load

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not path:
        message = "needs Chromium (Debian: apt-get install chromium), which is not installed"
        if os.environ.get("GOVDOCS_REQUIRE_ALL") == "1":
            pytest.fail(message + " (GOVDOCS_REQUIRE_ALL=1)")
        pytest.skip(message)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    store = RecordStore(tmp_path / "store.db", actor="test")
    load(store, [REPO / "records"])
    ingest.ingest_paths(store, sorted(p for p in (REPO / "records" / "archive").iterdir() if p.is_file()), public=True)
    out = tmp_path / "public.db"
    publish(store, out)
    store.close()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "govdocs", "serve", str(out), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/search", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("govdocs serve did not start: " + process.stdout.read1().decode())
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.chromium
def test_search_open_result_see_marks_follow_vote(served):
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        page = browser.new_page()
        page.goto(served + "/search")
        page.fill("input[name=q]", "Risk Management Authority amendments")
        page.click("button[type=submit]")
        page.wait_for_selector(".hit")
        assert "found" in page.inner_text(".count")
        page.click("a.hit-title[href*='resolution:arbor-vista-2026-41']")
        page.wait_for_selector("pre.record-text")
        marked = page.locator("pre.record-text mark").all_inner_texts()
        assert any(m.lower() == "amendments" for m in marked)
        page.click("a.vote-link")
        page.wait_for_load_state()
        assert "/votes/" in page.url
        assert "arbor-vista-2026-41" in page.content()
        page.goto(served + "/search?q=CVCRMA&fuzzy=1")
        snippets = page.locator(".snippet mark").all_inner_texts()
        assert "CVCR4A" in snippets or "CVCR'`1A" in snippets
        browser.close()
