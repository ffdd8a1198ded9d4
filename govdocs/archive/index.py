"""The search index: Tantivy, derived from the store, kept in step with it.

Why Tantivy and not SQLite FTS5 alone: FTS5 ranks every match before it can
return the best ten, so a common word ("council", "whereas") costs time in
proportion to the whole archive (about 250 ms over 100,000 documents here,
measured by ``benchmarks/search.py``). Tantivy keeps block-wise score bounds
and skips blocks that cannot reach the top ten (block-max WAND), so the same
query takes a few milliseconds, and its term dictionary is an automaton, so
an OCR-tolerant query (every word within two edits of "occrma") is cheap too.

The index is a cache, never the record: it lives in a folder beside the
database (``govdocs.db.search/``), is rebuilt from the store whenever it is
missing or was made by another version of this schema, and catches up from
the audit log (every change to a record is there, with its table and key):
after each commit (the store's after-commit hook) and before each search.
A public archive has no audit log; its index is rebuilt when the file
changes.

Fields: ``title``, ``number`` and ``text`` stemmed (English); ``pairs_a`` and
``pairs_b`` hold every pair of adjacent words (the first from the first word,
the second from the second), so a two-word phrase is one term lookup and
longer phrases are checked on pairs before positions; ``ocr`` holds the
folded words and joined fragments of ``govdocs.archive.ocr``; ``kind``,
``body``, ``year``, ``date`` and the voters are fast fields for filters,
facets and ordering by date.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import tantivy

from . import ocr, sources
from .sources import SearchItem

SCHEMA_VERSION = 4
_STATE = "govdocs-index.json"


def _analyzer():
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def _pair_analyzer():
    # fed with words already analysed (lower case, folded, stemmed), one space apart
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(r"[^ ]+ [^ ]+")).build()


def _lower_analyzer(tokenizer):
    return tantivy.TextAnalyzerBuilder(tokenizer).filter(tantivy.Filter.lowercase()).build()


WORDS = _analyzer()


def stems(text: str) -> list[str]:
    """The index's terms for ``text`` (lower case, folded, stemmed)."""
    return WORDS.analyze(text)


def pair_term(first: str, second: str) -> str | None:
    """The term for two adjacent words, each stemmed as the index stems it."""
    a, b = stems(first), stems(second)
    return f"{a[0]} {b[0]}" if a and b else None


def build_schema():
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("key", stored=True, tokenizer_name="raw")
    for name in ("title", "number", "text"):
        sb.add_text_field(name, tokenizer_name="govdocs")
    sb.add_text_field("pairs_a", tokenizer_name="govdocs_pairs", index_option="freq")
    sb.add_text_field("pairs_b", tokenizer_name="govdocs_pairs", index_option="freq")
    sb.add_text_field("ocr", tokenizer_name="govdocs_ocr", index_option="freq")
    sb.add_text_field("kind", tokenizer_name="raw", fast=True)
    sb.add_text_field("body", tokenizer_name="raw", fast=True)
    sb.add_text_field("voter", tokenizer_name="raw", fast=True)  # names as written
    sb.add_text_field("voter_key", tokenizer_name="govdocs_lower")  # full names and surnames, lower case
    sb.add_text_field("vote", tokenizer_name="govdocs_lower")  # "no:schuster"
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_integer_field("date", fast=True)  # YYYYMMDD, for ordering by date
    sb.add_integer_field("public", indexed=True, fast=True)
    return sb.build()


def _register(index: tantivy.Index) -> None:
    index.register_tokenizer("govdocs", _analyzer())
    index.register_tokenizer("govdocs_pairs", _pair_analyzer())
    index.register_tokenizer("govdocs_ocr", _lower_analyzer(tantivy.Tokenizer.whitespace()))
    index.register_tokenizer("govdocs_lower", _lower_analyzer(tantivy.Tokenizer.raw()))


def voter_keys(name: str) -> list[str]:
    name = " ".join(name.split())
    keys = [name.lower()]
    parts = name.split()
    if len(parts) > 1:
        keys.append(parts[-1].lower())
    return keys


def to_document(item: SearchItem) -> tantivy.Document:
    tokens = WORDS.analyze("\n".join(filter(None, [item.title, item.number, item.text])))
    words = " ".join(tokens)
    second = " ".join(tokens[1:])
    doc = tantivy.Document()
    doc.add_text("key", item.key)
    doc.add_text("title", item.title or "")
    doc.add_text("number", item.number or "")
    doc.add_text("text", item.text or "")
    doc.add_text("pairs_a", words)
    doc.add_text("pairs_b", second)
    doc.add_text("ocr", ocr.ocr_tokens("\n".join(filter(None, [item.title, item.number, item.text]))))
    doc.add_text("kind", item.kind or "document")
    doc.add_text("body", item.body or "")
    for option, names in (item.votes or {}).items():
        for name in names:
            doc.add_text("voter", name)
            for key in voter_keys(name):
                doc.add_text("voter_key", key)
                doc.add_text("vote", f"{option}:{key}")
    digits = (item.date or "").replace("-", "")[:8]
    if len(digits) == 8 and digits.isdigit():
        doc.add_integer("year", int(digits[:4]))
        doc.add_integer("date", int(digits))
    else:
        doc.add_integer("date", 0)
    doc.add_integer("public", 1 if item.public else 0)
    return doc


def index_path_for(db_path: str | os.PathLike) -> Path:
    return Path(str(db_path) + ".search")


class SearchIndex:
    """The index of one database (a store or a public archive)."""

    def __init__(self, db, db_path: str | os.PathLike | None, *, folder: str | os.PathLike | None = None):
        self.db = db
        self.db_path = str(db_path) if db_path else None
        if folder is not None:
            self.folder = Path(folder)
        elif self.db_path and self.db_path != ":memory:" and os.access(Path(self.db_path).resolve().parent, os.W_OK):
            self.folder = index_path_for(self.db_path)
        elif self.db_path and self.db_path != ":memory:" and (index_path_for(self.db_path) / _STATE).exists():
            self.folder = index_path_for(self.db_path)  # read-only folder, index made by publish
        else:
            self.folder = Path(tempfile.mkdtemp(prefix="govdocs-search-"))
        self.schema = build_schema()
        self._index: tantivy.Index | None = None

    # -- state -----------------------------------------------------------------
    def _state(self) -> dict:
        try:
            return json.loads((self.folder / _STATE).read_text())
        except (OSError, ValueError):
            return {}

    def _write_state(self, state: dict) -> None:
        (self.folder / _STATE).write_text(json.dumps(state))

    def _has_audit(self) -> bool:
        return "audit" in self.db.table_names()

    def _last_audit(self) -> int:
        if not self._has_audit():
            return 0
        return self.db.execute("select coalesce(max(id), 0) from audit").fetchone()[0]

    def _fingerprint(self) -> list:
        """What identifies the database: the first link of its audit chain (a
        store), or the file's size and time (a public archive, never written)."""
        if self._has_audit():
            first = self.db.execute("select hash from audit order by id limit 1").fetchone()
            return ["audit", first[0] if first else ""]
        if not self.db_path or self.db_path == ":memory:" or not os.path.exists(self.db_path):
            return []
        stat = os.stat(self.db_path)
        return [stat.st_size, stat.st_mtime_ns]

    # -- open, build, catch up -------------------------------------------------
    @property
    def index(self) -> tantivy.Index:
        if self._index is None:
            self.ensure()
        return self._index

    def _open(self) -> tantivy.Index:
        index = tantivy.Index(self.schema, path=str(self.folder), reuse=True)
        _register(index)
        return index

    def ensure(self) -> None:
        """Open the index, building it if missing or stale, catching up if behind."""
        state = self._state()
        fingerprint = self._fingerprint()
        fresh = state.get("version") == SCHEMA_VERSION and (
            state.get("fingerprint") == fingerprint
            # a store whose chain was empty when indexed has its first link now
            or (fingerprint[:1] == ["audit"] and state.get("fingerprint") == ["audit", ""])
        )
        if not fresh:
            self.rebuild()
            return
        if self._index is None:
            self._index = self._open()
            self._seen = state.get("audit", 0)
        elif state.get("audit", 0) != getattr(self, "_seen", None):
            self._index.reload()  # another writer (the commit hook) moved it on
            self._seen = state.get("audit", 0)
        if self._has_audit() and state.get("audit", 0) < self._last_audit():
            self.catch_up()
            self._seen = self._state().get("audit", 0)

    def rebuild(self) -> int:
        """Index every item of the database afresh; returns how many."""
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        audit = self._last_audit()
        self._index = self._open()
        writer = self._index.writer(heap_size=128_000_000, num_threads=1)
        count = 0
        for item in sources.all_items(self.db):
            writer.add_document(to_document(item))
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        self._index.reload()
        self._write_state({"version": SCHEMA_VERSION, "audit": audit, "fingerprint": self._fingerprint()})
        return count

    def add_items(self, items, writer=None) -> int:
        """Add items in bulk (for a fresh batch of documents); commits."""
        own = writer is None
        writer = writer or self.index.writer(heap_size=128_000_000, num_threads=1)
        count = 0
        for item in items:
            writer.delete_documents_by_term("key", item.key)
            writer.add_document(to_document(item))
            count += 1
        if own:
            writer.commit()
            writer.wait_merging_threads()
            self.index.reload()
        return count

    def update(self, keys) -> int:
        """Re-read these items from the database: add, replace or remove them."""
        keys = sorted(set(keys))
        if not keys:
            return 0
        found = sources.load(self.db, keys)
        writer = self.index.writer(heap_size=64_000_000, num_threads=1)
        for key in keys:
            writer.delete_documents_by_term("key", key)
            if key in found:
                writer.add_document(to_document(found[key]))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        return len(keys)

    def catch_up(self) -> int:
        """Apply every audited change since the index was last brought up to date."""
        state = self._state()
        since = state.get("audit", 0)
        rows = self.db.execute(
            "select id, table_name, key from audit where id > ? order by id", [since]
        ).fetchall()
        if not rows:
            return 0
        keys: set[str] = set()
        for _, table, key in rows:
            keys.update(sources.keys_for_change(self.db, table, key))
        try:
            self.update(keys)
        except ValueError as error:  # another process holds the writer: try again later
            if "lock" in str(error).lower():
                return 0
            raise
        state["audit"] = rows[-1][0]
        state["fingerprint"] = self._fingerprint()
        self._write_state(state)
        return len(keys)

    def searcher(self) -> tantivy.Searcher:
        self.ensure()
        return self.index.searcher()


def after_commit(store, changes) -> None:
    """The store's after-commit hook: bring an existing index up to date.

    The records are already committed; an index that cannot be updated now
    (say, another process holds its writer) is left behind and catches up
    from the audit log at the next search, so a warning is enough here."""
    folder = index_path_for(store.path)
    if not (folder / _STATE).exists():
        return  # no index yet: the first search builds it
    try:
        SearchIndex(store.db, store.path).ensure()
    except (OSError, ValueError) as error:
        warnings.warn(f"search index not updated yet ({error}); it catches up at the next search")
