"""Import the example class specifications (each agency's own style), revise one, publish each agency's book."""

from ..jobclass_render import render_class
from ..jobclass_text import diff_classes
from ..render import have_soffice
from ..store import jobclasses as lib
from ..store.issued import issue_rendered
from ..textfiles import SUFFIXES


def _specs(folder):
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def run(demo):
    root = demo.records / "jobclasses"
    out = demo.out / "jobclasses"
    pdf = have_soffice()
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        agency = folder.name
        for result in lib.import_specs(demo.store, _specs(folder), agency):
            cov = result["coverage"]
            demo.note(f"{agency} {result['code']} {result['title']}: {len(result['sections'])} sections, "
                      f"coverage {cov['ratio']:.0%} ({result['saved']['status']})")
        later = folder / "later"
        if later.is_dir():
            for result in lib.import_specs(demo.store, _specs(later), agency):
                saved = result["saved"]
                demo.note(f"{agency} {result['code']}: {saved['status']}, now revision {saved['revision']}")
                if saved["revision"] > 1:
                    old, _ = lib.load_job_class(demo.store, f"{saved['id']}@{saved['revision'] - 1}")
                    new, _ = lib.load_job_class(demo.store, saved["id"])
                    changes = diff_classes(old, new)
                    path = out / agency / f"{result['code']}-revisions.diff.txt"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(changes.to_text(f"revision {saved['revision'] - 1}",
                                                    f"revision {saved['revision']}"), encoding="utf-8")
                    demo.made(path, f"what changed in {result['code']} between its revisions")
        issued = lib.write_book(demo.store, agency, out / agency / f"{agency}-class-specifications.docx",
                                pdf=pdf)
        for path in issued.paths:
            demo.made(path, f"class-specification book of {agency} ({path.suffix[1:].upper()})")
        first = lib.list_job_classes(demo.store, agency)[0]
        jc, rev = lib.load_job_class(demo.store, first["id"])
        for fmt in ("md", "html"):
            path = out / agency / f"{first['code']}.{fmt}"
            issue_rendered(demo.store, render_class(jc, fmt), path, kind="jobclass", template=None,
                           title=f"{jc.code} {jc.title}", sources=[f"job_class_revisions:{rev['id']}"])
            demo.made(path, f"class {first['code']} as {fmt.upper()}")
    if not pdf:
        demo.note("LibreOffice is not installed: the books were written as DOCX only")
