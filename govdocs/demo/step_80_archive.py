"""Archive: ingest example documents, generate more, publish the public archive."""

from __future__ import annotations

from ..archive import ingest, synthetic
from ..archive.publish import publish
from . import command_name


def run(demo) -> None:
    folder = demo.records / "archive"
    public = [p for p in sorted(folder.glob("*")) if p.is_file()]
    summary = ingest.ingest_paths(demo.store, public, public=True)
    private = ingest.ingest_paths(demo.store, [folder / "private"], public=False, closed_session=True)
    demo.note(f"archive: {len(summary.added)} public and {len(private.added)} private files added "
              f"({len(summary.duplicates) + len(private.duplicates)} already there)")
    generated = [
        ingest.DocumentInput(
            title=d.title, text=d.text, kind=d.kind, number=d.number, date=d.date, public=True,
            id=d.id,
        )
        for d in synthetic.generate(300, seed=2026)
    ]
    made = ingest.add_documents(demo.store, generated)
    demo.note(f"archive: {len(made.added)} generated documents added")
    out = demo.out / "public.db"
    counts = publish(demo.store, out, overwrite=True)
    demo.made(out, f"public archive ({counts.get('documents', 0)} documents, "
                   f"{counts.get('resolutions', 0)} resolutions)")
    demo.note(f"serve it with: {command_name()} serve {out} --port 8001   (then open http://127.0.0.1:8001/search)")
