from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.model import Actor, Analysis, Conflict, Cue, Document, Event, Quote, Speaker, TimeExpression
from storyline.store import Filters, SQLiteStore, open_store
from storyline.store.sqlite import migrations


def _analysis(doc_id: str = "d1", text: str = "Iraq condemned the strikes on Friday, the ministry said.",
              published: str = "2024-02-05") -> Analysis:
    doc = Document(id=doc_id, text=text, published=published, source="test")
    return Analysis(
        document=doc,
        times=[TimeExpression(30, 36, "Friday", "DATE", "2024-02-02")],
        quotes=[Quote("q1", "indirect", 0, 36, text[:36], Speaker("Foreign Ministry", 38, 50, code="IRQ GOV"),
                      Cue("said", 51, 55), "2024-02-05", "publication"),
                Quote("q2", "direct", 0, 4, text[:4], Speaker("Ali Hassan"), None, "2024-02-03", "text")],
        events=[Event("e1", "ACCUSE", 5, 14, source=Actor("Iraq", "IRQ GOV"), target=Actor("USA", "USA"),
                      date="2024-02-02TEV", date_from="text", text="condemned")],
        conflicts=[Conflict("contradiction", "q1", "q2", "before vs after")],
    )


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    SQLiteStore(path).close()
    store = SQLiteStore(path)
    assert store.applied_migrations() == [name for name, _ in migrations()]
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO migrations VALUES ('9999_future', 'x')")
    with pytest.raises(StoreError) as info:
        SQLiteStore(path)
    assert info.value.code == "E032"


def test_add_is_idempotent_by_content_hash() -> None:
    store = open_store(":memory:")
    assert store.add(_analysis()).added
    again = _analysis(doc_id="other-id")
    result = store.add(again)
    assert (result.added, result.doc_id) == (False, "d1")
    assert store.stats()["documents"] == 1 and store.stats()["quotes"] == 2


def test_same_id_different_text_gets_a_distinct_id() -> None:
    store = open_store(":memory:")
    store.add(_analysis())
    result = store.add(_analysis(text="Syria condemned the strikes on Friday, the ministry said."))
    assert result.added and result.doc_id.startswith("d1~")
    assert store.get(result.doc_id).document.text.startswith("Syria")


def test_a_failed_write_leaves_nothing_behind() -> None:
    store = open_store(":memory:")
    broken = _analysis()
    broken.quotes.append(broken.quotes[0])  # same (doc_id, id) twice violates the primary key
    with pytest.raises(sqlite3.IntegrityError):
        store.add(broken)
    assert store.stats()["documents"] == 0 and store.stats()["times"] == 0
    assert store.add(_analysis()).added


def test_round_trip_and_unknown_document() -> None:
    store = open_store(":memory:")
    analysis = _analysis()
    store.add(analysis)
    assert store.get("d1").to_dict() == analysis.to_dict()
    with pytest.raises(StoreError) as info:
        store.get("nope")
    assert info.value.code == "E031"


def test_filters_and_full_text_search() -> None:
    store = open_store(":memory:")
    store.add(_analysis())
    store.add(_analysis("d2", "Jordan welcomed the talks on Sunday, the king said.", "2024-03-01"))
    assert [(q["doc_id"], q["id"]) for q in store.quotes(Filters(speaker="hassan"))] == [("d1", "q2"), ("d2", "q2")]
    assert [q["id"] for q in store.quotes(Filters(speaker="ministry", doc="d2"))] == ["q1"]
    assert len(store.quotes(Filters(since="2024-02-04", until="2024-02-05"))) == 2  # q1 of each
    assert [q["id"] for q in store.quotes(Filters(since="2024-02-01", until="2024-02-03", doc="d1"))] == ["q2"]
    assert [e["doc_id"] for e in store.events(Filters(type="accuse", until="2024-02-02"))] == ["d1", "d2"]
    assert [d["id"] for d in store.documents(Filters(since="2024-02-10"))] == ["d2"]
    conflicts = store.conflicts(Filters(doc="d1"))
    assert conflicts[0]["a_speaker"] == "Foreign Ministry" and conflicts[0]["b_said_on"] == "2024-02-03"
    hits = store.search("condemned")
    assert {h["doc_id"] for h in hits} == {"d1"}
    with pytest.raises(StoreError):
        store.search('"unbalanced')


def test_corpus_conflicts_are_replaced_not_accumulated() -> None:
    store = open_store(":memory:")
    store.add(_analysis())
    store.add(_analysis("d2", "Jordan welcomed the talks on Sunday, the king said."))
    cross = [Conflict("contradiction", "q1", "q1", "toll 3 vs 5", a_doc="d1", b_doc="d2")]
    assert store.replace_corpus_conflicts(cross) == 1
    assert store.replace_corpus_conflicts(cross) == 1
    assert store.stats()["conflicts"] == 3  # two per-document ones plus one across


def test_other_database_urls_are_refused_clearly() -> None:
    with pytest.raises(StoreError) as info:
        open_store("postgresql://localhost/storyline")
    assert info.value.code == "E030"


def test_a_conflict_between_event_reports_shows_both_events() -> None:
    store = open_store(":memory:")
    store.add(_analysis())
    store.add(_analysis("d2", "Jordan welcomed the talks on Sunday, the king said."))
    store.replace_corpus_conflicts([Conflict("contradiction", "e1", "e1", "toll", a_doc="d1", b_doc="d2")])
    [row] = store.conflicts(Filters(type="contradiction", speaker="iraq"))[-1:]
    assert row["scope"] == "corpus" and row["a_content"] == "ACCUSE: condemned"
    assert row["a_said_on"] == "2024-02-02TEV"
