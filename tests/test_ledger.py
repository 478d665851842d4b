from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ledger import Ledger
from tests.conftest import CORPUS, DATA
from tests.test_schema import assert_spans_consistent


@pytest.mark.model
def test_ingesting_the_corpus_twice_stores_the_same_counts(tmp_path: Path, corpus_records: list[dict]) -> None:  # type: ignore[type-arg]
    db = tmp_path / "l.db"
    with Ledger(db) as ledger:
        first = ledger.ingest([str(CORPUS)])
        counts = ledger.store.stats()
    assert first.ok and len(first.added) == len(corpus_records) == counts["documents"]
    with Ledger(db) as ledger:
        second = ledger.ingest([str(CORPUS)])
        assert second.ok and not second.added and len(second.duplicates) == len(corpus_records)
        assert ledger.store.stats() == counts
        for analysis in ledger.store.analyses():
            data = json.loads(json.dumps(analysis.to_dict()))
            assert_spans_consistent(data, analysis.document.text)


@pytest.mark.model
def test_a_document_whose_analysis_fails_is_reported_and_the_rest_stored(monkeypatch: pytest.MonkeyPatch,
                                                                        tmp_path: Path) -> None:
    from storyline.analyze import get_pipeline

    quotes = get_pipeline().get_pipe("storyline_quotes")
    original = type(quotes).__call__

    def flaky(self, doc):  # type: ignore[no-untyped-def]
        if "Police" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(type(quotes), "__call__", flaky)
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest([str(DATA / "batch.jsonl")])
        assert [e.code for e in report.errors].count("E020") == 1
        assert report.added == ["b1"]
    monkeypatch.undo()
    with Ledger(tmp_path / "l.db") as ledger:
        again = ledger.ingest([str(DATA / "batch.jsonl")])
        assert again.added == ["b6"] and again.duplicates == ["b1"]


@pytest.mark.model
def test_the_bundled_sample_ingests_cleanly(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest([str(ROOT / "samples" / "sample.jsonl")])
        assert report.ok and len(report.added) == 3
        stats = ledger.store.stats()
        assert stats["quotes"] >= 3 and stats["times"] >= 3
