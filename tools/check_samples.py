#!/usr/bin/env python3
"""Import the real class specifications in a samples folder and check nothing is lost.

Usage: python tools/check_samples.py ../shared/samples

For each ``jobclass-*.txt`` in the folder: import it, then fail (exit 1) if
its coverage is below 98 %, if a heading-shaped line of the source (a line in
capitals, or a known section heading) did not become a section heading or a
sub-group, if a word of the source's non-chrome text is missing from the
record (lines reported as uncovered are shown, and count against the
coverage only), or if it does not come back the same from its Markdown form. For the
two samples the project knows, the canonical sections must be exactly the
expected ones. Prints one line per file.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from govdocs.jobclass import heading_name, is_chrome  # noqa: E402
from govdocs.jobclass_labels import LABEL_INDEX  # noqa: E402
from govdocs.jobclass_parse import parse_text  # noqa: E402
from govdocs.jobclass_text import to_markdown  # noqa: E402

MINIMUM = 0.98
KNOWN = {
    "jobclass-lausd-2361-ocip-coordinator.txt": [
        "definition", "duties", "distinguishing_characteristics", "supervision", "qualifications",
        "knowledge", "abilities", "qualifications", "notes"],
    "jobclass-torrance-1128-claims-technician.txt": [
        "definition", "distinguishing_characteristics", "supervision", "duties", "duties",
        "qualifications", "knowledge", "abilities", "licenses", "qualifications",
        "special_requirements", "career_ladder"],
}


# Words of header labels and dates: the record keeps them as structure
# (a field name, an ISO date), not as text.
_STRUCTURE_WORDS = frozenset(
    " ".join(LABEL_INDEX).split()
    + "january february march april may june july august september october november december"
      " jan feb mar apr jun jul aug sep sept oct nov dec revised established adopted".split()
)


def _words(text: str) -> Counter:
    return Counter(re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")))


def _record_words(d) -> Counter:
    out: Counter = Counter()
    if isinstance(d, dict):
        for key, value in d.items():
            if key in ("history", "levels", "coverage"):
                continue
            out += _record_words(value)
            if key == "fields" and isinstance(value, dict):
                out += _words(" ".join(value))
    elif isinstance(d, list):
        for value in d:
            out += _record_words(value)
    elif isinstance(d, str):
        out += _words(d)
    return out


def check(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    result = parse_text(text, source=str(path))
    jc, problems = result.job_class, []
    if result.coverage.ratio < MINIMUM:
        problems.append(f"coverage {result.coverage.ratio:.1%} is below {MINIMUM:.0%}")
    for no, line in result.coverage.uncovered:  # counted in the coverage, shown, not failed on
        print(f"  {path.name}: note: line {no} landed nowhere: {line[:70]}")
    headings = {h.lower() for s in jc.sections for h in [s.heading]}
    headings |= {i.text.lower() for s in jc.sections for i in s.items if i.kind == "subheading"}
    seen_first = False
    for raw in text.splitlines():
        line = " ".join(raw.replace("\u00a0", " ").split()).lstrip("•-* ").rstrip(":").strip()
        if not line or is_chrome(line):
            continue
        if line.endswith((".", ";", ",")) or not line[:1].isupper():
            continue
        known = heading_name(line, keywords=False)
        if known and known != "salary":
            seen_first = True
        if seen_first and known and line.lower() not in headings:
            problems.append(f"section heading lost: {line}")
    uncovered = {no for no, _ in result.coverage.uncovered}
    source = _words("\n".join(l for no, l in enumerate(text.splitlines(), 1)
                               if not is_chrome(l.strip()) and no not in uncovered))
    missing = source - _record_words(jc.to_dict())
    missing = {w: n for w, n in missing.items()
               if w not in _STRUCTURE_WORDS and (not w.isdigit() or len(w) > 2)}
    if missing:
        problems.append("words lost: " + ", ".join(sorted(missing)[:20]))
    again = parse_text(to_markdown(jc)).job_class
    if again.to_dict() != jc.to_dict():
        problems.append("the Markdown form does not read back to the same record")
    expected = KNOWN.get(path.name)
    if expected and [s.name for s in jc.sections] != expected:
        problems.append(f"sections {[s.name for s in jc.sections]} != expected {expected}")
    print(f"{path.name}: {jc.code} {jc.title!r}, {len(jc.sections)} sections, "
          f"coverage {result.coverage.ratio:.1%}, {len(result.coverage.chrome)} chrome lines"
          + ("" if not problems else f", {len(problems)} problem(s)"))
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder = Path(argv[0])
    files = sorted(folder.glob("jobclass-*.txt"))
    if not files:
        print(f"no jobclass-*.txt in {folder}", file=sys.stderr)
        return 1
    failed = False
    for path in files:
        for problem in check(path):
            failed = True
            print(f"  {path.name}: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
