"""``govdocs demo`` builds a store from the example records and runs every job."""

from __future__ import annotations

import re
from pathlib import Path

from govdocs.cli import cli


def test_demo_makes_what_it_says(runner, tmp_path):
    out = tmp_path / "demo"
    result = runner.invoke(cli, ["demo", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    made = re.findall(r"^  made (.+?): (.+)$", result.output, flags=re.M)
    assert made, result.output
    for what, path in made:
        assert Path(path).exists(), f"demo says it made {what} at {path}, but it is not there"
    assert "Audit chain intact" in result.output
    assert re.search(r"Done: \d+ files in ", result.output)
    # running it again reuses the store and changes nothing in the records
    again = runner.invoke(cli, ["demo", "--out", str(out)], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    assert "0 inserted" not in again.output and re.search(r"Loaded \d+ records from \d+ files: \d+ unchanged", again.output)
