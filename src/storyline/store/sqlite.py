"""The SQLite ledger (the default store).

WAL journal, foreign keys on, one writer connection through which every write goes (each
document in one ``BEGIN IMMEDIATE`` transaction), reads on a connection of their own, schema
changes as named SQL migrations applied in a transaction and recorded in ``migrations``.
The full analysis JSON is kept beside the fact tables, so fields added to the contract later
survive a round trip without a migration.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.errors import StoreError
from storyline.model import Analysis, Conflict
from storyline.store.base import AddResult, Filters, Row

DEFAULT_DB = "storyline.db"


def migrations() -> list[tuple[str, str]]:
    """(name, SQL) of every packaged migration, in the order they apply."""
    folder = resources.files("storyline.store").joinpath("migrations")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


class SQLiteStore:
    """A ledger in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self._writer = self._connect(self.path)
            if self.path != ":memory:":
                self._writer.execute("PRAGMA journal_mode=WAL")
            self._migrate()
            # Readers see committed data only; an in-memory database has a single connection.
            self._reader = self._writer if self.path == ":memory:" else self._connect(self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError("E030", f"{self.path}: {exc}") from None

    @staticmethod
    def _connect(path: str) -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        return conn

    # -- schema ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        db = self._writer
        db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        applied = {r[0] for r in db.execute("SELECT name FROM migrations")}
        known = migrations()
        unknown = applied - {name for name, _ in known}
        if unknown:
            raise StoreError("E032", f"{self.path} has migrations {sorted(unknown)}")
        for name, sql in known:
            if name in applied:
                continue
            stamp = _now()
            try:
                db.executescript(
                    f"BEGIN IMMEDIATE;\n{sql}\n"
                    f"INSERT INTO migrations(name, applied_at) VALUES ('{name}', '{stamp}');\nCOMMIT;"
                )
            except sqlite3.Error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self._reader.execute("SELECT name FROM migrations ORDER BY name")]

    # -- writes -----------------------------------------------------------------------------

    def has_text(self, sha256: str) -> str | None:
        row = self._reader.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return str(row[0]) if row else None

    def add(self, analysis: Analysis) -> AddResult:
        document = analysis.document
        sha = document.sha256
        db = self._writer
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if row:
                db.execute("ROLLBACK")
                return AddResult(str(row[0]), added=False)
            # Two different texts under one id (two files called article.txt) both deserve a
            # place: the later one gets the id suffixed with its hash.
            if db.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
                document.id = f"{document.id}~{sha[:8]}"
            self._insert(db, analysis)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return AddResult(document.id, added=True)

    @staticmethod
    def _insert(db: sqlite3.Connection, analysis: Analysis) -> None:
        d = analysis.document
        db.execute(
            "INSERT INTO documents(id, sha256, published, title, outlet, url, source, meta_json, text,"
            " analysis_json, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (d.id, d.sha256, d.published, d.title, d.outlet, d.url, d.source,
             json.dumps(d.meta, ensure_ascii=False, default=str), d.text,
             json.dumps(analysis.to_dict(), ensure_ascii=False), _now()),
        )
        db.executemany(
            'INSERT INTO times(doc_id, start, "end", text, type, value, mod, range_from, range_to)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(d.id, t.start, t.end, t.text, t.type, t.value, t.mod, t.range_from, t.range_to)
             for t in analysis.times],
        )
        db.executemany(
            'INSERT INTO entities(doc_id, start, "end", text, label, actor_name, actor_code) VALUES (?,?,?,?,?,?,?)',
            [(d.id, e.start, e.end, e.text, e.label, e.actor.name if e.actor else None,
              e.actor.code if e.actor else None) for e in analysis.entities],
        )
        db.executemany(
            'INSERT INTO quotes(doc_id, id, kind, start, "end", content, speaker_name, speaker_role,'
            " speaker_org, speaker_code, speaker_start, speaker_end, cue_text, cue_start, cue_end, said_on,"
            " said_on_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(d.id, q.id, q.kind, q.start, q.end, q.content,
              *((q.speaker.name, q.speaker.role, q.speaker.org, q.speaker.code, q.speaker.start, q.speaker.end)
                if q.speaker else (None,) * 6),
              *((q.cue.text, q.cue.start, q.cue.end) if q.cue else (None,) * 3),
              q.said_on, q.said_on_from) for q in analysis.quotes],
        )
        db.executemany(
            'INSERT INTO events(doc_id, id, type, mode, start, "end", text, source_name, source_code,'
            " target_name, target_code, location_name, location_country, lat, lon, date, date_from,"
            " fatalities, negated, hypothetical, background, quote_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(d.id, e.id, e.type, e.mode, e.start, e.end, e.text,
              e.source.name if e.source else None, e.source.code if e.source else None,
              e.target.name if e.target else None, e.target.code if e.target else None,
              *((e.location.name, e.location.country, e.location.lat, e.location.lon)
                if e.location else (None,) * 4),
              e.date, e.date_from, e.fatalities, int(e.negated), int(e.hypothetical), int(e.background),
              e.quote) for e in analysis.events],
        )
        db.executemany(
            "INSERT OR IGNORE INTO conflicts(scope, kind, a_doc, a, b_doc, b, reason)"
            " VALUES ('document',?,?,?,?,?,?)",
            [(c.kind, c.a_doc or d.id, c.a, c.b_doc or d.id, c.b, c.reason) for c in analysis.conflicts],
        )

    def replace_corpus_conflicts(self, conflicts: list[Conflict]) -> int:
        db = self._writer
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM conflicts WHERE scope = 'corpus'")
            db.executemany(
                "INSERT OR IGNORE INTO conflicts(scope, kind, a_doc, a, b_doc, b, reason)"
                " VALUES ('corpus',?,?,?,?,?,?)",
                [(c.kind, c.a_doc, c.a, c.b_doc, c.b, c.reason) for c in conflicts if c.a_doc and c.b_doc],
            )
            count = int(db.execute("SELECT count(*) FROM conflicts WHERE scope = 'corpus'").fetchone()[0])
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return count

    # -- reads ------------------------------------------------------------------------------

    def get(self, doc_id: str) -> Analysis:
        row = self._reader.execute("SELECT text, analysis_json, source, meta_json FROM documents WHERE id = ?",
                                   (doc_id,)).fetchone()
        if row is None:
            raise StoreError("E031", doc_id)
        return self._analysis(row)

    @staticmethod
    def _analysis(row: sqlite3.Row) -> Analysis:
        analysis = Analysis.from_dict(json.loads(row["analysis_json"]), row["text"])
        analysis.document.source = row["source"]
        analysis.document.meta = json.loads(row["meta_json"])
        return analysis

    def analyses(self) -> Iterator[Analysis]:
        rows = self._reader.execute("SELECT text, analysis_json, source, meta_json FROM documents"
                              " ORDER BY published, id")
        for row in rows:
            yield self._analysis(row)

    def documents(self, filters: Filters = Filters()) -> list[Row]:
        sql = ("SELECT d.id, d.published, d.outlet, d.title, d.source,"
               " (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,"
               " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,"
               " (SELECT count(*) FROM times t WHERE t.doc_id = d.id) AS times,"
               " (SELECT count(*) FROM entities n WHERE n.doc_id = d.id) AS entities,"
               " (SELECT count(*) FROM conflicts c WHERE c.a_doc = d.id OR c.b_doc = d.id) AS conflicts"
               " FROM documents d")
        where, args = _where(filters, date="d.published", doc="d.id = ?")
        return self._rows(sql + where + " ORDER BY d.published, d.id", args, filters.limit)

    def quotes(self, filters: Filters = Filters()) -> list[Row]:
        sql = ('SELECT q.doc_id, q.id, q.kind, q.said_on, q.said_on_from, q.speaker_name, q.speaker_role,'
               ' q.speaker_org, q.speaker_code, q.cue_text, q.content, q.start, q."end" FROM quotes q')
        where, args = _where(filters, date="q.said_on", doc="q.doc_id = ?", speaker="q.speaker_name LIKE ?")
        return self._rows(sql + where + " ORDER BY q.said_on, q.doc_id, q.start", args, filters.limit)

    def events(self, filters: Filters = Filters()) -> list[Row]:
        sql = ('SELECT e.doc_id, e.id, e.type, e.mode, e.date, e.date_from, e.source_name, e.source_code,'
               ' e.target_name, e.target_code, e.location_name, e.location_country, e.lat, e.lon,'
               ' e.fatalities, e.negated, e.hypothetical, e.background, e.quote_id, e.text, e.start, e."end"'
               ' FROM events e')
        where, args = _where(filters, date="e.date", doc="e.doc_id = ?", type="upper(e.type) = upper(?)",
                             speaker="e.source_name LIKE ?")
        return self._rows(sql + where + " ORDER BY e.date, e.doc_id, e.start", args, filters.limit)

    def times(self, filters: Filters = Filters()) -> list[Row]:
        sql = 'SELECT t.doc_id, t.text, t.type, t.value, t.mod, t.range_from, t.range_to, t.start, t."end" FROM times t'
        where, args = _where(filters, doc="t.doc_id = ?", type="upper(t.type) = upper(?)")
        return self._rows(sql + where + " ORDER BY t.doc_id, t.start", args, filters.limit)

    def entities(self, filters: Filters = Filters()) -> list[Row]:
        sql = ('SELECT n.doc_id, n.text, n.label, n.actor_name, n.actor_code, n.start, n."end"'
               ' FROM entities n')
        where, args = _where(filters, doc="n.doc_id = ?", type="upper(n.label) = upper(?)")
        return self._rows(sql + where + " ORDER BY n.doc_id, n.start", args, filters.limit)

    def conflicts(self, filters: Filters = Filters()) -> list[Row]:
        # A side is a quote, or (for conflicting reports of one event) an event: show whichever it is.
        side = ("coalesce(q{s}.speaker_name, e{s}.source_name) AS {s}_speaker,"
                " coalesce(q{s}.said_on, e{s}.date) AS {s}_said_on,"
                " coalesce(q{s}.content, e{s}.type || ': ' || e{s}.text"
                " || coalesce(' (' || e{s}.fatalities || ' killed)', '')) AS {s}_content")
        sql = ("SELECT c.scope, c.kind, c.reason, c.a_doc, c.a, " + side.format(s="a") + ", c.b_doc, c.b, "
               + side.format(s="b") + " FROM conflicts c"
               " LEFT JOIN quotes qa ON qa.doc_id = c.a_doc AND qa.id = c.a"
               " LEFT JOIN quotes qb ON qb.doc_id = c.b_doc AND qb.id = c.b"
               " LEFT JOIN events ea ON ea.doc_id = c.a_doc AND ea.id = c.a"
               " LEFT JOIN events eb ON eb.doc_id = c.b_doc AND eb.id = c.b")
        where, args = _where(
            filters,
            doc="? IN (c.a_doc, c.b_doc)",
            type="c.kind = ?",
            speaker="(coalesce(a_speaker, '') || ' | ' || coalesce(b_speaker, '')) LIKE ?",
            # the pair's later statement is on or after since; its earlier one on or before until
            since="max(coalesce(a_said_on, ''), coalesce(b_said_on, '')) >= ?",
            until="min(coalesce(a_said_on, '9999'), coalesce(b_said_on, '9999')) <= ?",
        )
        return self._rows(sql + where + " ORDER BY c.scope DESC, c.a_doc, c.a, c.b", args, filters.limit)

    def search(self, query: str, limit: int = 20) -> list[Row]:
        try:
            docs = self._rows(
                "SELECT 'document' AS hit, d.id AS doc_id, NULL AS quote_id, d.published,"
                " snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                " WHERE documents_fts MATCH ? ORDER BY rank", [query], limit)
            quotes = self._rows(
                "SELECT 'quote' AS hit, q.doc_id, q.id AS quote_id, q.said_on AS published,"
                " q.speaker_name || ': ' || snippet(quotes_fts, 0, '[', ']', '…', 12) AS snippet"
                " FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
                " WHERE quotes_fts MATCH ? ORDER BY rank", [query], limit)
        except sqlite3.OperationalError as exc:
            raise StoreError("E030", f"search query {query!r}: {exc}") from None
        return quotes + docs

    def stats(self) -> dict[str, int]:
        tables = ("documents", "quotes", "events", "times", "entities", "conflicts")
        counts = {t: int(self._reader.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
        counts["corpus_conflicts"] = int(self._reader.execute(
            "SELECT count(*) FROM conflicts WHERE scope = 'corpus'").fetchone()[0])
        counts["speakers"] = int(self._reader.execute(
            "SELECT count(DISTINCT speaker_name) FROM quotes").fetchone()[0])
        return counts

    def _rows(self, sql: str, args: list[Any], limit: int | None) -> list[Row]:
        if limit:
            sql += " LIMIT ?"
            args = [*args, limit]
        return [dict(r) for r in self._reader.execute(sql, args)]

    def close(self) -> None:
        if self._reader is not self._writer:
            self._reader.close()
        self._writer.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _where(filters: Filters, *, doc: str | None = None, type: str | None = None, speaker: str | None = None,
           date: str | None = None, since: str | None = None, until: str | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause for ``filters``: each keyword is a SQL condition with one ``?`` for the
    filter's value (``date`` is a column, for both ``since`` and ``until``)."""
    since = since or (f"{date} >= ?" if date else None)
    until = until or (f"{date} <= ?" if date else None)
    wanted = [
        (doc, filters.doc),
        (type, filters.type),
        (speaker, f"%{filters.speaker}%" if filters.speaker else None),
        (since, filters.since),
        # Values like 2024-02-02TEV sort after 2024-02-02: compare against the end of that day.
        (until, filters.until + "\uffff" if filters.until else None),
    ]
    used = [(condition, value) for condition, value in wanted if condition and value is not None]
    where = " WHERE " + " AND ".join(condition for condition, _ in used) if used else ""
    return where, [value for _, value in used]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
