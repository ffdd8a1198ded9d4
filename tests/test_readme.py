"""The README's commands are the ones CI runs."""

import re

from conftest import REPO


def _commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```\n(python3 -m venv[^\n]*)\n```", text)


def test_readme_gives_a_demo_command_and_a_test_command():
    commands = _commands()
    assert any(c.endswith("govdocs demo") for c in commands)
    assert any(c.endswith("pytest") for c in commands)


def test_ci_runs_the_readme_test_command_as_written():
    test_command = next(c for c in _commands() if c.endswith("pytest"))
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
