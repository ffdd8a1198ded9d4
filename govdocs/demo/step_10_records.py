"""Load the example records into a new store."""

from ..store import loader


def run(demo):
    report = loader.load(demo.store, [demo.records])
    demo.note(report.summary())
    demo.made(demo.store.path, "records store")
