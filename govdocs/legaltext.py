"""Structured legal text: agreements and by-laws as trees of numbered units.

A joint powers agreement is divided into articles ("ARTICLE 13. AMENDMENTS"),
articles into subdivisions ("(a)") and subdivisions into paragraphs ("(i)").
By-laws are divided into sections ("Sec. 7.110 CLAIMS"), subdivisions ("(a)"),
paragraphs ("(1)") and subparagraphs ("(i)"). A :class:`Scheme` names those
levels and how each is numbered; a :class:`Document` is the tree of
:class:`Unit` s parsed from Markdown or plain text.

Citations ("Art. 13", "Article 5(b)", "Sec. 7.110(a)(2)") are parsed,
formatted and resolved to a unit; a citation to a unit that does not exist is
a :class:`~govdocs.errors.NotFound` that says what does exist.

An amendment is a list of typed :class:`Change` s (substitute, insert,
repeal, renumber). Applied to a :class:`History` it closes the versions of
the units it touches on its effective date and opens new ones, so the text in
force on any day can be rebuilt (:func:`consolidate`). :func:`redline` shows
the change between two versions word by word.

Every unit keeps a ``uid`` for life: renumbering changes its label and its
citation, not its identity. Siblings are ordered by ``position``, a string of
digits read as a decimal fraction, so a unit can always be inserted between
two others without touching them.

Labels and position keys are in ``govdocs.labels``, the word-level redline in
``govdocs.redline``; both are re-exported here.

Pure: no database, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, Iterator

from govdocs.errors import InvalidInput, NotFound, RecordError, Refused
from govdocs.labels import (  # noqa: F401  (re-exported: part of this module's API)
    STYLES, first_label, from_roman, initial_keys, key_between, label_fits, label_order,
    next_label, to_roman,
)

# --------------------------------------------------------------------------
# Numbering schemes

@dataclass(frozen=True)
class Level:
    """One level of a numbering scheme."""

    name: str                 # "article", "subdivision", "paragraph", ...
    style: str                # one of STYLES
    short: str = ""           # citation word for a top level: "Art." / "Sec."
    long: str = ""            # "Article" / "Section"
    head: str = ""            # heading format for a top level: "ARTICLE {label}. {heading}"
    pattern: str = ""         # regex recognising that heading in text


@dataclass(frozen=True)
class Scheme:
    """The numbering of one kind of document, from the top level down."""

    name: str
    levels: tuple[Level, ...]

    @property
    def top(self) -> Level:
        return self.levels[0]

    def level(self, depth: int) -> Level:
        if depth >= len(self.levels):
            raise InvalidInput(f"the {self.name} has no level below {self.levels[-1].name}s")
        return self.levels[depth]

    def head_of(self, unit: "Unit", depth: int) -> str:
        """The line that introduces a unit: 'ARTICLE 13. AMENDMENTS', 'Sec. 7.110 CLAIMS', '(a)'."""
        if depth == 0:
            return self.top.head.format(label=unit.label, heading=unit.heading).strip()
        return f"({unit.label})"


AGREEMENT = Scheme("agreement", (
    Level("article", "arabic", "Art.", "Article", "ARTICLE {label}. {heading}",
          r"ARTICLE\s+(?P<label>\d+)\s*[.,]?\s*(?P<heading>.*)"),
    Level("subdivision", "lower"),
    Level("paragraph", "roman"),
))

BYLAWS = Scheme("by-laws", (
    Level("section", "decimal", "Sec.", "Section", "Sec. {label} {heading}",
          r"Sec\.\s*(?P<label>\d+\.\d+)\.?\s+(?P<heading>.*)"),
    Level("subdivision", "lower"),
    Level("paragraph", "arabic"),
    Level("subparagraph", "roman"),
))

SCHEMES = {s.name: s for s in (AGREEMENT, BYLAWS)}
_CITE_KINDS = {s.top.name: s for s in SCHEMES.values()}


def scheme_named(name: str) -> Scheme:
    try:
        return SCHEMES[name]
    except KeyError:
        raise InvalidInput(f"unknown numbering scheme '{name}'",
                           expected=" or ".join(SCHEMES)) from None


# --------------------------------------------------------------------------
# The tree

@dataclass(frozen=True)
class Unit:
    """An article, section, subdivision, paragraph ... and everything under it."""

    uid: str
    kind: str
    label: str
    heading: str = ""
    text: str = ""
    children: tuple["Unit", ...] = ()
    position: str = ""


@dataclass(frozen=True)
class Document:
    """An agreement or by-laws: title, preamble (recitals) and units."""

    scheme: str
    title: str = ""
    preamble: str = ""
    units: tuple[Unit, ...] = ()

    @property
    def numbering(self) -> Scheme:
        return scheme_named(self.scheme)

    def walk(self) -> Iterator[tuple[tuple[str, ...], int, Unit, str | None]]:
        """Every unit with its label path, depth and parent uid, in reading order."""
        def rec(units, path, depth, parent):
            for u in units:
                p = path + (u.label,)
                yield p, depth, u, parent
                yield from rec(u.children, p, depth + 1, u.uid)
        yield from rec(self.units, (), 0, None)

    def unit(self, citation: "str | Citation") -> Unit:
        return resolve(self, citation)[1]

    def cite(self, uid: str, style: str = "short") -> "Citation":
        for path, _, u, _ in self.walk():
            if u.uid == uid:
                return Citation(self.numbering.top.name, path, style)
        raise NotFound(f"no unit '{uid}' in the {self.scheme}")


def _make_uid(scheme: Scheme, parent_uid: str | None, label: str) -> str:
    if parent_uid is None:
        return f"{scheme.top.short.rstrip('.').lower()}-{label}"
    return f"{parent_uid}-{label}"


# --------------------------------------------------------------------------
# Parsing

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LABELLED = re.compile(r"^\s*(?:[-*+]\s+)?\((?P<label>[A-Za-z]{1,6}|\d{1,4})\)\s*(?P<rest>.*)$")


class _Node:
    __slots__ = ("uid", "kind", "label", "heading", "paras", "children", "position", "line")

    def __init__(self, kind, label, heading="", line=None):
        self.uid = None
        self.kind, self.label, self.heading, self.line = kind, label, heading, line
        self.paras: list[list[str]] = [[]]
        self.children: list[_Node] = []
        self.position = ""

    def add_line(self, text: str):
        if text:
            self.paras[-1].append(text)

    def blank(self):
        if self.paras[-1]:
            self.paras.append([])

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paras if p)


def _head_match(level: Level, line: str, markdown_heading: bool):
    m = re.fullmatch(level.pattern, line.strip())
    if not m:
        return None
    heading = m.group("heading").strip()
    if not markdown_heading and (not heading or re.search(r"[a-z]", heading)):
        # in plain text a wrapped line may start with "Sec. 6.110." mid-sentence;
        # a real heading line carries an upper-case caption
        return None
    return m.group("label"), heading


def _choose_depth(scheme: Scheme, stack: list[_Node], label: str, min_depth: int):
    """Which depth a '(label)' line opens, given the units open above it."""
    best = None
    for d in range(max(1, min_depth), min(len(stack), len(scheme.levels) - 1) + 1):
        style = scheme.levels[d].style
        if not label_fits(style, label):
            continue
        if d < len(stack):
            prev = stack[d]
            if label == next_label(style, prev.label):
                score = 3
            elif label_order(style, label) > label_order(style, prev.label):
                score = 1
            else:
                continue
        else:
            score = 2 if label == first_label(style) else 0
        if best is None or (score, d) >= (best[0], best[1]):
            best = (score, d)
    return None if best is None else best[1]


def _parse_nodes(lines: list[str], scheme: Scheme, *, depth: int = 0, file=None,
                 first_line: int = 1, context: list[_Node] | None = None,
                 loose: bool = False):
    """Parse lines into top-of-fragment nodes at ``depth``; returns (lead, nodes, title).

    ``lead`` is the node holding text before the first unit (the preamble);
    ``context`` is the chain of open ancestors for a fragment (their labels
    are not needed, only their count).
    """
    lead = _Node("preamble", "")
    roots: list[_Node] = []
    stack: list[_Node] = list(context or [])
    base = len(stack)
    current = lead
    title = None
    top = scheme.top
    for offset, raw in enumerate(lines):
        lineno = first_line + offset
        line = raw.rstrip()
        if not line.strip():
            current.blank()
            continue
        md = _MD_HEADING.match(line)
        content = md.group(2) if md else line
        if depth == 0:
            hm = _head_match(top, content, bool(md) or loose)
            if hm:
                label, heading = hm
                if roots and label_order(top.style, label) <= label_order(top.style, roots[-1].label):
                    raise RecordError(f"{top.long} {label} comes after {top.long} {roots[-1].label}",
                                      file=file, line=lineno, field=top.name,
                                      expected="numbers in increasing order")
                node = _Node(top.name, label, heading, lineno)
                roots.append(node)
                stack = [node]
                current = node
                continue
        if md and md.group(1) == "#" and title is None and not roots and depth == 0:
            title = content.strip()
            continue
        lm = _LABELLED.match(line)
        if lm and (len(stack) > base or depth > 0):
            label = lm.group("label")
            d = _choose_depth(scheme, stack, label, max(depth, 1))
            if d is None:
                raise RecordError(f"'({label})' does not fit the numbering here", file=file,
                                  line=lineno, field="label",
                                  expected=_expected_here(scheme, stack))
            level = scheme.levels[d]
            node = _Node(level.name, label, "", lineno)
            if d == depth and depth > 0:
                roots.append(node)
            else:
                stack[d - 1].children.append(node)
            del stack[d:]
            stack.append(node)
            current = node
            current.add_line(lm.group("rest").strip())
            continue
        current.add_line(content.strip() if md else line.strip())
    return lead, roots, title


def _expected_here(scheme: Scheme, stack: list[_Node]) -> str:
    options = []
    for d in range(1, min(len(stack), len(scheme.levels) - 1) + 1):
        style = scheme.levels[d].style
        nxt = next_label(style, stack[d].label) if d < len(stack) else first_label(style)
        options.append(f"({nxt}) {scheme.levels[d].name}")
    return " or ".join(options) if options else "a heading first"


def _freeze(nodes: list[_Node], scheme: Scheme, parent_uid: str | None) -> tuple[Unit, ...]:
    keys = initial_keys(len(nodes))
    out = []
    for node, key in zip(nodes, keys):
        uid = node.uid or _make_uid(scheme, parent_uid, node.label)
        out.append(Unit(uid=uid, kind=node.kind, label=node.label, heading=node.heading,
                        text=node.text, children=_freeze(node.children, scheme, uid),
                        position=node.position or key))
    return tuple(out)


def parse(text: str, scheme: str | Scheme = "agreement", *, file=None) -> Document:
    """Parse an agreement or by-laws written in Markdown or plain text.

    Top-level units are heading lines ("ARTICLE 13. AMENDMENTS", or
    "## ARTICLE 13. AMENDMENTS" in Markdown; "Sec. 7.110 CLAIMS"). Lower units
    start with their label in parentheses, "(a)", "(ii)", "(2)", optionally as
    a list item; which level a label belongs to follows from the scheme and
    from the labels before it ("(i)" after "(h)" is a subdivision, "(i)" as the
    first item under "(h)" is a paragraph). Wrapped lines are joined; blank
    lines separate paragraphs. Text before the first unit is the preamble; a
    Markdown "# " heading (or, in plain text, the first paragraph) is the title.
    """
    sch = scheme if isinstance(scheme, Scheme) else scheme_named(scheme)
    lead, roots, title = _parse_nodes(text.splitlines(), sch, file=file)
    paras = [" ".join(p) for p in lead.paras if p]
    if title is None and paras:
        title, paras = paras[0], paras[1:]
    if not roots:
        raise RecordError(f"no {sch.top.name}s found", file=file, field="text",
                          expected=f"lines like '{sch.top.head.format(label=first_label(sch.top.style), heading='TITLE')}'")
    return Document(scheme=sch.name, title=title or "", preamble="\n\n".join(paras),
                    units=_freeze(roots, sch, None))


def to_markdown(doc: Document) -> str:
    """The document as Markdown that :func:`parse` reads back to the same tree."""
    sch = doc.numbering
    out = []
    if doc.title:
        out.append(f"# {doc.title}")
    if doc.preamble:
        out.append(doc.preamble)
    for _, depth, unit, _ in doc.walk():
        head = sch.head_of(unit, depth)
        if depth == 0:
            out.append(f"## {head}")
            if unit.text:
                out.append(unit.text)
        else:
            out.append(f"{head} {unit.text}".rstrip())
    return "\n\n".join(out) + "\n"


def to_text(doc: Document) -> str:
    """Plain text: headings and labels as in print, sub-units indented."""
    sch = doc.numbering
    out = []
    if doc.title:
        out.append(doc.title)
    if doc.preamble:
        out.append(doc.preamble)
    for _, depth, unit, _ in doc.walk():
        head = sch.head_of(unit, depth)
        pad = "    " * max(depth - 1, 0)
        if depth == 0:
            out.append(head + ("\n\n" + unit.text if unit.text else ""))
        else:
            out.append(pad + f"{head} {unit.text}".rstrip().replace("\n\n", "\n\n" + pad))
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Citations

_CITE_WORDS = {"art.": "article", "article": "article", "sec.": "section",
               "section": "section", "§": "section"}
_CITE = re.compile(r"^\s*(?P<word>Art\.|Article|Sec\.|Section|§)\s*(?P<num>\d+(?:\.\d+)?)"
                   r"\s*(?P<rest>(?:\(\s*[A-Za-z0-9]+\s*\)\s*)*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """A reference to a unit: 'Art. 13', 'Article 5(b)', 'Sec. 7.110(a)(2)'."""

    kind: str                  # "article" or "section": the document's top level
    path: tuple[str, ...]      # labels from the top: ("7.110", "a", "2")
    style: str = "short"       # "short" (Art./Sec.) or "long" (Article/Section)

    def __str__(self) -> str:
        return format_citation(self)


def parse_citation(text: str) -> Citation:
    """Parse a citation; ``InvalidInput`` if it is not one."""
    m = _CITE.match(text or "")
    if not m:
        raise InvalidInput(f"'{text}' is not a citation",
                           expected="e.g. 'Art. 13', 'Article 5(b)' or 'Sec. 7.110(a)(2)'")
    word = m.group("word").lower()
    kind = _CITE_WORDS[word]
    style = "short" if word in ("art.", "sec.", "§") else "long"
    subs = tuple(re.findall(r"\(\s*([A-Za-z0-9]+)\s*\)", m.group("rest")))
    return Citation(kind, (m.group("num"),) + subs, style)


def format_citation(citation: Citation, style: str | None = None) -> str:
    sch = _CITE_KINDS.get(citation.kind)
    if sch is None:
        raise InvalidInput(f"unknown citation kind '{citation.kind}'")
    style = style or citation.style
    word = sch.top.short if style == "short" else sch.top.long
    return f"{word} {citation.path[0]}" + "".join(f"({p})" for p in citation.path[1:])


def _as_citation(citation: "str | Citation") -> Citation:
    return citation if isinstance(citation, Citation) else parse_citation(citation)


def resolve(doc: Document, citation: "str | Citation") -> tuple[int, Unit]:
    """The unit a citation points at, with its depth; ``NotFound`` says what exists."""
    cit = _as_citation(citation)
    sch = doc.numbering
    if cit.kind != sch.top.name:
        raise NotFound(f"{format_citation(cit)} cites a {cit.kind}, but the {doc.scheme} "
                       f"is divided into {sch.top.name}s")
    units = doc.units
    found = None
    for depth, label in enumerate(cit.path):
        match = [u for u in units if u.label == label]
        if not match:
            where = (format_citation(Citation(cit.kind, cit.path[:depth], cit.style))
                     if depth else f"the {doc.scheme}")
            have = ", ".join((f"({u.label})" if depth else u.label) for u in units) or "none"
            level = sch.levels[depth].name if depth < len(sch.levels) else "unit"
            raise NotFound(f"{format_citation(cit)} does not exist: {where} has no {level} "
                           f"{label} ({level}s: {have})")
        found = match[0]
        units = found.children
    return len(cit.path) - 1, found


# --------------------------------------------------------------------------
# Amendments: typed changes

ACTIONS = ("substitute", "insert", "repeal", "renumber")


@dataclass(frozen=True)
class Change:
    """One change an amendment makes.

    - ``substitute``: ``target`` gets new ``text`` (its own words; if the text
      also contains labelled sub-units they replace the old ones) and, if
      given, a new ``heading``.
    - ``insert``: the unit(s) written in ``text`` (starting with their heading
      or label, e.g. "(c) ..." or "ARTICLE 17. NOTICES") go ``where`` =
      "after" (default) or "before" ``target``, or "in" it as its last children.
    - ``repeal``: ``target`` and everything under it cease to be in force.
    - ``renumber``: ``target`` gets ``label``; its words and identity stay.
    """

    action: str
    target: str
    text: str = ""
    heading: str | None = None
    label: str | None = None
    where: str = "after"

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise InvalidInput(f"unknown amendment action '{self.action}'",
                               expected=", ".join(ACTIONS))
        parse_citation(self.target)
        if self.action == "renumber" and not self.label:
            raise InvalidInput(f"renumbering {self.target} needs the new label")
        if self.action == "insert" and not self.text.strip():
            raise InvalidInput(f"inserting at {self.target} needs the text of the new unit")
        if self.action == "insert" and self.where not in ("after", "before", "in"):
            raise InvalidInput(f"insert where '{self.where}'", expected="after, before or in")

    def describe(self) -> str:
        """The change in the words of an amending resolution."""
        t = self.target
        if self.action == "substitute":
            return f"{t} is amended to read as follows"
        if self.action == "repeal":
            return f"{t} is repealed"
        if self.action == "renumber":
            label = self.label
            cit = parse_citation(t)
            new = Citation(cit.kind, cit.path[:-1] + (label,), cit.style)
            return f"{t} is renumbered {format_citation(new)}"
        return {"after": f"a new unit is added after {t}",
                "before": f"a new unit is added before {t}",
                "in": f"a new unit is added at the end of {t}"}[self.where]


class _MNode:
    """Mutable copy of a unit while changes are applied."""

    __slots__ = ("uid", "kind", "label", "heading", "text", "children", "position")

    def __init__(self, u: Unit):
        self.uid, self.kind, self.label = u.uid, u.kind, u.label
        self.heading, self.text, self.position = u.heading, u.text, u.position
        self.children = [_MNode(c) for c in u.children]

    def freeze(self) -> Unit:
        kids = sorted(self.children, key=lambda n: n.position)
        return Unit(self.uid, self.kind, self.label, self.heading, self.text,
                    tuple(k.freeze() for k in kids), self.position)


def _locate(roots: list[_MNode], doc_scheme: Scheme, citation: str):
    """(depth, parent, siblings, node) for a citation in the tree being changed."""
    cit = parse_citation(citation)
    probe = Document(doc_scheme.name, units=tuple(n.freeze() for n in roots))
    resolve(probe, cit)  # raises NotFound with a helpful message
    parent, siblings = None, roots
    for label in cit.path[:-1]:
        parent = next(n for n in siblings if n.label == label)
        siblings = parent.children
    node = next(n for n in siblings if n.label == cit.path[-1])
    return len(cit.path) - 1, parent, siblings, node


def _all_uids(nodes) -> set[str]:
    out = set()
    for n in nodes:
        out.add(n.uid)
        out |= _all_uids(n.children)
    return out


def _fragment(text: str, sch: Scheme, depth: int, parent_uid: str | None,
              taken: set[str]) -> tuple[str, list[Unit]]:
    """Parse text written for a unit at ``depth``: its leading words and units."""
    context = [_Node("ctx", "")] * depth
    lead, roots, _ = _parse_nodes(text.splitlines(), sch, depth=depth, context=context,
                                  loose=True)
    units = []
    for node in roots:
        uid = _make_uid(sch, parent_uid, node.label)
        while uid in taken:
            uid += "'"
        node.uid = uid
        taken.add(uid)
        _assign_uids(node, sch, taken)
        units.append(_freeze([node], sch, parent_uid)[0])
    return lead.text, units


def _assign_uids(node: _Node, sch: Scheme, taken: set[str]):
    for child in node.children:
        uid = _make_uid(sch, node.uid, child.label)
        while uid in taken:
            uid += "'"
        child.uid = uid
        taken.add(uid)
        _assign_uids(child, sch, taken)


def _check_label(sch: Scheme, depth: int, label: str, siblings, exclude=None):
    style = sch.level(depth).style
    if not label_fits(style, label):
        raise InvalidInput(f"'{label}' is not a {sch.level(depth).name} number",
                           expected=f"{style} numbering like '{first_label(style)}'")
    for s in siblings:
        if s is not exclude and s.label == label:
            raise Refused(f"there is already a {sch.level(depth).name} {label} here")


def _top_heading_split(text: str, sch: Scheme, depth: int, label: str):
    """If substitute text starts with the unit's own heading line, split it off."""
    lines = text.strip().splitlines()
    if not lines:
        return None, text
    first = lines[0]
    md = _MD_HEADING.match(first)
    content = md.group(2) if md else first
    if depth == 0:
        hm = _head_match(sch.top, content, True)
        if hm:
            if hm[0] != label:
                raise InvalidInput(f"the new text is headed {sch.top.long} {hm[0]}, not {label}",
                                   expected="a renumber change to change the number")
            return hm[1], "\n".join(lines[1:])
        return None, text
    lm = _LABELLED.match(first)
    if lm and lm.group("label") == label:
        return None, "\n".join([lm.group("rest")] + lines[1:])
    return None, text


def apply_changes(doc: Document, changes: Iterable[Change], *,
                  taken: Iterable[str] = ()) -> Document:
    """The document with the changes made, in order (each change cites the text
    as already changed by the ones before it). ``taken`` are uids that must not
    be reused (units repealed earlier)."""
    sch = doc.numbering
    roots = [_MNode(u) for u in doc.units]
    used = set(taken) | _all_uids(roots)
    for change in changes:
        depth, parent, siblings, node = _locate(roots, sch, change.target)
        if change.action == "repeal":
            siblings.remove(node)
        elif change.action == "renumber":
            _check_label(sch, depth, change.label, siblings, exclude=node)
            node.label = change.label
        elif change.action == "substitute":
            heading, body = _top_heading_split(change.text, sch, depth, node.label)
            if change.heading is not None:
                heading = change.heading
            if heading is not None:
                node.heading = heading
            if depth + 1 < len(sch.levels):
                own, kids = _fragment(body, sch, depth + 1, node.uid, set())
            else:
                own, kids = " ".join(body.split()), []
            node.text = own
            if kids:
                node.children = _reuse(node.children, kids, used)
        else:  # insert
            if change.where == "in":
                ins_depth, ins_parent, ins_siblings = depth + 1, node, node.children
                if ins_depth >= len(sch.levels):
                    raise InvalidInput(f"{change.target} cannot have units under it")
                ordered = sorted(ins_siblings, key=lambda n: n.position)
                lo, hi = (ordered[-1].position if ordered else None), None
            else:
                ins_depth, ins_parent, ins_siblings = depth, parent, siblings
                ordered = sorted(ins_siblings, key=lambda n: n.position)
                i = ordered.index(node)
                if change.where == "after":
                    lo = node.position
                    hi = ordered[i + 1].position if i + 1 < len(ordered) else None
                else:
                    lo = ordered[i - 1].position if i > 0 else None
                    hi = node.position
            lead, new_units = _fragment(change.text, sch, ins_depth,
                                        ins_parent.uid if ins_parent else None, used)
            if not new_units or lead.strip():
                head = (sch.top.head.format(label=first_label(sch.top.style), heading="HEADING")
                        if ins_depth == 0 else f"({first_label(sch.level(ins_depth).style)})")
                raise InvalidInput(f"the text to insert at {change.target} must start with the "
                                   f"new unit's heading or label", expected=f"e.g. '{head} ...'")
            for u in new_units:
                _check_label(sch, ins_depth, u.label, ins_siblings)
                pos = key_between(lo, hi)
                m = _MNode(replace(u, position=pos))
                ins_siblings.append(m)
                lo = pos
    return Document(doc.scheme, doc.title, doc.preamble,
                    tuple(n.freeze() for n in sorted(roots, key=lambda n: n.position)))


def _reuse(old: list[_MNode], new: list[Unit], used: set[str]) -> list[_MNode]:
    """New children replacing old ones keep the identity of the old unit with the
    same label, so the redline compares them word by word."""
    by_label = {o.label: o for o in old}
    out = []
    for u, key in zip(new, initial_keys(len(new))):
        m = _MNode(u)
        m.position = key
        prior = by_label.get(u.label)
        if prior is not None:
            m.uid = prior.uid
            m.children = _reuse(prior.children, list(u.children), used)
        else:
            while m.uid in used:
                m.uid += "'"
            used.add(m.uid)
        out.append(m)
    return out


# --------------------------------------------------------------------------
# Versions in time

@dataclass(frozen=True)
class Version:
    """One version of one unit, in force from ``valid_from`` (None: from the
    start) until the day before ``valid_to`` (None: still in force)."""

    uid: str
    parent: str | None
    position: str
    kind: str
    label: str
    heading: str
    text: str
    valid_from: date | None = None
    valid_to: date | None = None
    amendment: str | None = None

    def in_force(self, on: date | None) -> bool:
        if on is None:
            return self.valid_to is None
        return ((self.valid_from is None or self.valid_from <= on)
                and (self.valid_to is None or on < self.valid_to))

    def content(self) -> tuple:
        return (self.parent, self.position, self.kind, self.label, self.heading, self.text)


@dataclass(frozen=True)
class History:
    """Every version of every unit of an agreement or by-laws."""

    scheme: str
    title: str = ""
    preamble: str = ""
    versions: tuple[Version, ...] = ()

    def dates(self) -> list[date]:
        out = set()
        for v in self.versions:
            out.update(d for d in (v.valid_from, v.valid_to) if d is not None)
        return sorted(out)


def _flat(doc: Document) -> dict[str, Version]:
    return {u.uid: Version(u.uid, parent, u.position, u.kind, u.label, u.heading, u.text)
            for _, _, u, parent in doc.walk()}


def history_of(doc: Document, valid_from: date | None = None) -> History:
    """A history whose only versions are the document as adopted."""
    versions = tuple(replace(v, valid_from=valid_from) for v in _flat(doc).values())
    return History(doc.scheme, doc.title, doc.preamble, versions)


def consolidate(history: History, as_of: date | None = None) -> Document:
    """The text in force on ``as_of`` (None: the latest text)."""
    live = [v for v in history.versions if v.in_force(as_of)]
    by_parent: dict[str | None, list[Version]] = {}
    uids = {v.uid for v in live}
    for v in live:
        if v.parent is not None and v.parent not in uids:
            raise RecordError(f"unit '{v.uid}' is in force on {as_of} but its parent "
                              f"'{v.parent}' is not", field="provisions")
        by_parent.setdefault(v.parent, []).append(v)

    def build(parent):
        kids = sorted(by_parent.get(parent, []), key=lambda v: v.position)
        return tuple(Unit(v.uid, v.kind, v.label, v.heading, v.text, build(v.uid), v.position)
                     for v in kids)

    return Document(history.scheme, history.title, history.preamble, build(None))


def apply_amendment(history: History, changes: Iterable[Change], effective_on: date,
                    amendment: str | None = None) -> History:
    """The history with an amendment applied on ``effective_on``: each unit it
    touches gets a new version from that day; all older versions stay."""
    later = [d for d in history.dates() if d > effective_on]
    if later:
        raise Refused(f"the {history.scheme} already has changes effective {later[-1]}; "
                      f"an amendment effective {effective_on} must be applied before them")
    before = consolidate(history, effective_on)
    taken = {v.uid for v in history.versions}
    after = apply_changes(before, changes, taken=taken)
    old, new = _flat(before), _flat(after)
    versions = []
    for v in history.versions:
        if v.in_force(effective_on) and (v.uid not in new or new[v.uid].content() != v.content()):
            v = replace(v, valid_to=effective_on)
        versions.append(v)
    for uid, v in new.items():
        if uid not in old or old[uid].content() != v.content():
            versions.append(replace(v, valid_from=effective_on, amendment=amendment))
    return replace(history, versions=tuple(versions))


# The redline (word-level difference between two versions) lives in
# govdocs.redline and is re-exported here.
from govdocs.redline import (  # noqa: E402  (it builds on the classes above)
    RedlineBlock, Segment, redline, redline_text, word_diff,
)

__all__ = [
    "AGREEMENT", "BYLAWS", "SCHEMES", "Level", "Scheme", "Unit", "Document", "Citation",
    "Change", "Version", "History", "Segment", "RedlineBlock", "parse", "to_markdown",
    "to_text", "parse_citation", "format_citation", "resolve", "apply_changes",
    "history_of", "consolidate", "apply_amendment", "word_diff", "redline", "redline_text",
    "key_between", "initial_keys", "to_roman", "from_roman", "next_label", "label_order",
    "scheme_named",
]
