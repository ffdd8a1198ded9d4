"""Shared fixtures: a fresh store per test, the example records, the CLI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdocs.cli import cli
from govdocs.store import RecordStore
from govdocs.store.loader import load

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "records"
SAMPLES = REPO.parent / "shared" / "samples"

TOOLS = {
    "libreoffice": ("soffice", "LibreOffice (Debian: apt-get install libreoffice-writer)"),
    "chromium": ("chromium", "Chromium (Debian: apt-get install chromium)"),
    "tesseract": ("tesseract", "Tesseract (Debian: apt-get install tesseract-ocr)"),
    "ocrmypdf": ("ocrmypdf", "OCRmyPDF (Debian: apt-get install ocrmypdf)"),
    "pdftotext": ("pdftotext", "poppler-utils (Debian: apt-get install poppler-utils)"),
}


def require_all() -> bool:
    return os.environ.get("GOVDOCS_REQUIRE_ALL") == "1"


def requires_tool(name: str) -> str:
    """The tool's path; skips the test with a reason when it is missing, or
    fails it when GOVDOCS_REQUIRE_ALL=1 (as CI sets)."""
    command, label = TOOLS.get(name, (name, name))
    path = shutil.which(command)
    if path is None:
        message = f"needs {label}, which is not installed"
        if require_all():
            pytest.fail(message + " (GOVDOCS_REQUIRE_ALL=1)")
        pytest.skip(message)
    return path


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "govdocs.db"
    monkeypatch.setenv("GOVDOCS_DB", str(path))
    monkeypatch.setenv("GOVDOCS_ACTOR", "test-clerk")
    return path


@pytest.fixture
def store(db_path):
    s = RecordStore(db_path)
    yield s
    s.close()


@pytest.fixture
def loaded_store(store):
    load(store, [RECORDS])
    return store


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def invoke(runner, db_path):
    """Run the CLI against the test store: ``invoke(["list", "people"])``."""

    def run(args, input=None, expect=0, catch=False):
        result = runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=catch)
        if expect is not None:
            assert result.exit_code == expect, (
                f"exit {result.exit_code} (expected {expect})\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            )
        return result

    return run
