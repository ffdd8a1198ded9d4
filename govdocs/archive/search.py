"""Searching the archive: words, phrases, prefixes, OCR-tolerant, with facets.

``search(db, db_path, "budget amendment", kind="resolution")`` reads the
query (``govdocs.archive.query``: never an error), turns it into a Tantivy
query over the index of ``govdocs.archive.index``, and returns the best hits
with snippets (the matched words in ``<mark>``) and, when asked, counts by
kind, body, year and voter. Title and number weigh more than the body text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

import tantivy

from ..errors import InvalidInput
from . import ocr, query as query_module, snippets, sources
from .index import SearchIndex, pair_term, stems

TITLE_BOOST = 3.0
NUMBER_BOOST = 4.0
SORTS = ("relevance", "date", "oldest")
FACETS = ("kind", "body", "year", "voter")
MAX_LIMIT = 500
SNIPPET_TEXT = 200_000  # characters of a long record looked at for a snippet
Occur = tantivy.Occur
Q = tantivy.Query


@dataclass
class Hit:
    id: str  # the item key, e.g. "document:cc-res-79-91"
    kind: str
    title: str
    number: str | None
    label: str | None
    date: str | None
    body: str | None
    snippet: str
    score: float
    page: int | None = None
    public: bool = False
    related: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    fuzzy: bool = False

    def as_dict(self) -> dict:
        return {
            "query": self.query, "total": self.total, "fuzzy": self.fuzzy,
            "hits": [h.as_dict() for h in self.hits],
            "facets": {k: [list(x) for x in v] for k, v in self.facets.items()},
        }


class Searcher:
    """Search over one database (a store or a public archive)."""

    def __init__(self, db, db_path=None, *, index: SearchIndex | None = None):
        self.db = db
        self.index = index or SearchIndex(db, db_path)
        self.schema = self.index.schema

    # -- building queries ------------------------------------------------------
    def _word(self, word: str) -> tantivy.Query | None:
        terms = stems(word)
        if not terms:
            return None
        term = terms[0]
        return Q.boolean_query([
            (Occur.Should, Q.boost_query(Q.term_query(self.schema, "title", term), TITLE_BOOST)),
            (Occur.Should, Q.boost_query(Q.term_query(self.schema, "number", term), NUMBER_BOOST)),
            (Occur.Should, Q.term_query(self.schema, "text", term)),
        ])

    def _prefix(self, word: str) -> tantivy.Query:
        pattern = re.escape(word.lower()) + ".*"
        return Q.boolean_query([
            (Occur.Should, Q.boost_query(Q.regex_query(self.schema, "title", pattern), TITLE_BOOST)),
            (Occur.Should, Q.regex_query(self.schema, "text", pattern)),
        ])

    def _pair(self, a: str, b: str) -> tantivy.Query | None:
        term = pair_term(a, b)
        if term is None:
            return None
        return Q.boolean_query([
            (Occur.Should, Q.term_query(self.schema, "pairs_a", term)),
            (Occur.Should, Q.term_query(self.schema, "pairs_b", term)),
        ])

    def _phrase(self, term: query_module.Term) -> tantivy.Query | None:
        words = list(term.words)
        parts = []
        last = len(words) - 1 if term.prefix else len(words)
        for a, b in zip(words[:last], words[1:last]):
            pair = self._pair(a, b)
            if pair is not None:
                parts.append((Occur.Must, pair))
        if term.prefix:
            terms = [t for w in words[:-1] for t in stems(w)] + [words[-1]]
            parts.append((Occur.Must, Q.phrase_prefix_query(self.schema, "text", terms)))
        elif len(words) > 2:  # the pairs found it may be apart: the positions decide
            terms = [t for w in words for t in stems(w)]
            parts.append((Occur.Must, Q.boolean_query([
                (Occur.Should, Q.phrase_query(self.schema, field_name, terms)) for field_name in ("text", "title")
            ])))
        if not parts:
            return None
        return parts[0][1] if len(parts) == 1 else Q.boolean_query(parts)

    def _fuzzy_word(self, word: str) -> tantivy.Query | None:
        folded = ocr.fold_query_word(word)
        if not folded:
            return None
        edits = ocr.allowed_edits(folded)
        options = [(Occur.Should, Q.fuzzy_term_query(
            self.schema, "ocr", folded, distance=edits, transposition_cost_one=True,
        ))]
        if len(folded) >= 4:  # the word at the start of a longer one ("occrma" in "occrmaboard")
            options.append((Occur.Should, Q.fuzzy_term_query(
                self.schema, "ocr", folded, distance=min(edits, 1), transposition_cost_one=True, prefix=True,
            )))
        exact = self._word(word)
        if exact is not None:
            options.append((Occur.Should, exact))
        return Q.boolean_query(options)

    def _term(self, term: query_module.Term, fuzzy: bool) -> tantivy.Query | None:
        if fuzzy:
            parts = [q for q in (self._fuzzy_word(w) for w in term.words) if q is not None]
            if not parts:
                return None
            return parts[0] if len(parts) == 1 else Q.boolean_query([(Occur.Must, p) for p in parts])
        if term.is_phrase:
            return self._phrase(term)
        if term.prefix:
            return self._prefix(term.words[0])
        return self._word(term.words[0])

    def build(self, parsed: query_module.Query, *, fuzzy=False, kind=None, body=None,
              year_from=None, year_to=None, voter=None, vote=None, public_only=False):
        clauses = []
        for group in parsed.groups:
            options = [q for q in (self._term(t, fuzzy) for t in group) if q is not None]
            if not options:
                continue
            clauses.append((Occur.Must, options[0] if len(options) == 1
                            else Q.boolean_query([(Occur.Should, o) for o in options])))
        if parsed.groups and not clauses:
            return None  # every word was empty after analysis: nothing can match
        for term in parsed.excluded:
            q = self._term(term, False)
            if q is not None:
                clauses.append((Occur.MustNot, q))
        filters = []
        for field_name, value in (("kind", kind), ("body", body)):
            if value:
                values = [value] if isinstance(value, str) else list(value)
                filters.append(Q.term_set_query(self.schema, field_name, values))
        if year_from is not None or year_to is not None:
            filters.append(Q.range_query(self.schema, "year", tantivy.FieldType.Integer,
                                         year_from if year_from is not None else None,
                                         year_to if year_to is not None else None))
        if voter:
            key = " ".join(voter.split()).lower()
            if vote:
                filters.append(Q.term_query(self.schema, "vote", f"{vote}:{key}"))
            else:
                filters.append(Q.term_query(self.schema, "voter_key", key))
        elif vote:
            raise InvalidInput("--vote needs --voter (whose vote?)")
        if public_only:
            filters.append(Q.term_query(self.schema, "public", 1))
        for f in filters:
            clauses.append((Occur.Must, Q.const_score_query(f, 0.0)))
        if not clauses or all(o == Occur.MustNot for o, _ in clauses):
            clauses.append((Occur.Must, Q.all_query()))
        return Q.boolean_query(clauses)

    # -- running them ----------------------------------------------------------
    def search(self, text: str, *, limit: int = 10, offset: int = 0, fuzzy: bool = False,
               sort: str = "relevance", kind=None, body=None, year_from=None, year_to=None,
               voter=None, vote=None, public_only=False, facets: bool = False,
               count: bool = True) -> Results:
        if sort not in SORTS:
            raise InvalidInput(f"unknown order '{sort}'", expected=", ".join(SORTS))
        if year_from is not None and year_to is not None and year_from > year_to:
            raise InvalidInput(f"--from {year_from} is after --to {year_to}")
        limit = max(1, min(int(limit), MAX_LIMIT))
        parsed = query_module.parse(text)
        built = self.build(parsed, fuzzy=fuzzy, kind=kind, body=body, year_from=year_from,
                           year_to=year_to, voter=voter, vote=vote, public_only=public_only)
        if built is None:
            return Results(text, 0, [], {}, fuzzy)
        searcher = self.index.searcher()
        if sort == "relevance" and not parsed.is_empty:
            result = searcher.search(built, limit, count=count, offset=offset)
        else:
            order = tantivy.Order.Asc if sort == "oldest" else tantivy.Order.Desc
            result = searcher.search(built, limit, count=count, offset=offset,
                                     order_by_field="date", order=order)
        keyed = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            keyed.append((doc["key"][0], float(score) if sort == "relevance" else 0.0))
        items = sources.load(self.db, [k for k, _ in keyed])
        highlighter = self._highlighter(parsed)
        hits = []
        for key, score in keyed:
            item = items.get(key)
            if item is None:  # removed since the index last caught up
                continue
            hits.append(self._hit(item, score, parsed, fuzzy, highlighter))
        total = result.count if count and result.count is not None else len(hits)
        facet_counts = self.facets(searcher, built) if facets else {}
        return Results(text, total, hits, facet_counts, fuzzy)

    def _highlighter(self, parsed):
        patterns = []
        for term in parsed.terms():
            if term.prefix and len(term.words) == 1:
                patterns.append(((term.words[0],), True))
            else:
                patterns.append((tuple(stems(w)[0] if stems(w) else w for w in term.words), term.prefix))
        return query_module.highlight_pattern(patterns)

    def _hit(self, item, score, parsed, fuzzy, highlighter) -> Hit:
        text = item.text[:SNIPPET_TEXT]
        spans = query_module.highlight_spans(text, highlighter)
        if fuzzy:
            spans += self._fuzzy_spans(text, parsed.words())
        if not spans and item.title:  # the match is in the title (or the text is empty)
            title_spans = query_module.highlight_spans(item.title, highlighter)
            if title_spans or not text.strip():
                text, spans = item.title, title_spans
        snippet = snippets.make_snippet(text, spans)
        page = snippets.page_of(text, spans[0][0]) if spans and "\f" in text else None
        return Hit(
            id=item.key, kind=item.kind, title=item.title, number=item.number, label=item.label,
            date=item.date, body=item.body, snippet=snippet, score=round(score, 4), page=page,
            public=item.public, related=item.related,
        )

    @staticmethod
    def _fuzzy_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
        """Approximate matches for a snippet: find the first one, then all of
        them in the passage around it (a snippet shows one passage)."""
        squashed = ocr.squash(text)
        firsts = [s for w in words for s in ocr.find_approximate(w, text, limit=1, squashed=squashed)]
        if not firsts:
            return []
        anchor = min(a for a, _ in firsts)
        lo = max(0, anchor - snippets.WIDTH // 2)
        hi = min(len(text), anchor + snippets.WIDTH * 2)
        return [(a + lo, b + lo) for w in words for a, b in ocr.find_approximate(w, text[lo:hi])]

    def facets(self, searcher, built) -> dict[str, list[tuple[str, int]]]:
        spec = {name: {"terms": {"field": name, "size": 200 if name == "year" else 50}} for name in FACETS}
        raw = searcher.aggregate(built, spec)
        out = {}
        for name in FACETS:
            buckets = raw.get(name, {}).get("buckets", [])
            out[name] = [(str(b["key"]), int(b["doc_count"])) for b in buckets if str(b["key"]) != ""]
        out["year"].sort(reverse=True)  # years in order, newest first
        return out


def search(db, db_path, text: str, **options) -> Results:
    """One search over the database at ``db_path`` (opened as ``db``)."""
    return Searcher(db, db_path).search(text, **options)
