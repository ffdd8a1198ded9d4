"""``govdocs demo``: a store from the example records, and every job run on it.

Each step is a module ``step_NN_name.py`` in this package with a function
``run(demo: Demo)``; steps run in name order. A step writes its files under
``demo.out`` and reports each with ``demo.made(path, what)``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NotFound
from ..store import RecordStore


def example_records() -> Path:
    """The example record set: ``records/`` beside the package, or in the cwd."""
    for candidate in (Path(__file__).resolve().parents[2] / "records", Path.cwd() / "records"):
        if candidate.is_dir():
            return candidate
    raise NotFound("cannot find the example records folder 'records/' (run from a govdocs checkout)")


@dataclass
class Demo:
    out: Path
    store: RecordStore
    records: Path
    echo: callable = print
    outputs: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def made(self, path, what: str) -> None:
        self.outputs.append((Path(path), what))
        self.echo(f"  made {what}: {path}")

    def note(self, text: str) -> None:
        self.notes.append(text)
        self.echo(f"  {text}")


def command_name() -> str:
    """How the user ran govdocs (e.g. ``.venv/bin/govdocs``), for commands the
    demo suggests; plain ``govdocs`` when it was not run from its script."""
    invoked = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if invoked is not None and invoked.name == "govdocs":
        return str(invoked)
    return "govdocs"


def steps():
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("step_"):
            found.append((info.name, importlib.import_module(f"{__name__}.{info.name}")))
    return sorted(found)


def run_demo(out="govdocs-demo", *, actor="govdocs-demo", echo=print) -> Demo:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    store = RecordStore(out / "govdocs.db", actor=actor)
    demo = Demo(out=out, store=store, records=example_records(), echo=echo)
    try:
        for name, module in steps():
            title = (module.__doc__ or name).strip().splitlines()[0]
            echo(f"* {title}")
            module.run(demo)
    finally:
        store.close()
    return demo
