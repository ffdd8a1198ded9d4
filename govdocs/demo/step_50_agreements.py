"""Amendments: the redline, the ratification status report, and a model resolution and transmittal letter for every member council."""

from ..store import agreement_documents as docs
from ..store import agreements as lib


def run(demo):
    out = demo.out / "amendments"
    for row in demo.store.rows("amendments", order_by="id"):
        key = row["id"]
        folder = out / key
        for name in ("redline.docx", "redline.html"):
            demo.made(docs.write_redline(demo.store, key, folder / name).paths[0],
                      f"redline of {key} ({name.split('.')[1].upper()})")
        for name in ("ratification-report.docx", "ratification-report.html"):
            demo.made(docs.write_document(demo.store, "ratification-report", key,
                                          folder / name).paths[0],
                      f"ratification status report ({name.split('.')[1].upper()})")
        for m in lib.members_for(demo.store, key):
            for kind in ("model-resolution", "transmittal-letter"):
                path = docs.write_document(demo.store, kind, key,
                                           folder / "members" / f"{kind}-{m.id}.docx",
                                           member=m.id).paths[0]
                demo.made(path, f"{kind.replace('-', ' ')} for {m.name}")
        st = lib.status(demo.store, key)
        demo.note(f"{key}: {st.status}; {st.explanation}")
