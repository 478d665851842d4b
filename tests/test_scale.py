"""docs/scale.md: its Dask recipe runs as written (on the synchronous scheduler, to stay quick)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.ingest import read_records
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[1]
RECORDS = [
    {"id": "a", "text": "Rebels attacked an army post on Sunday, the army said.", "published": "2025-01-12"},
    {"id": "b", "published": "2025-01-12"},  # no text: E006 in its place
    {"id": "c", "text": "The minister said on Friday that talks had failed.", "published": "2025-01-12"},
]


def test_records_become_documents_or_coded_errors() -> None:
    items = list(read_records(RECORDS, source="part-0"))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    error = items[1]
    assert (error.code, error.source, error.line) == ("E006", "part-0", 2)  # type: ignore[union-attr]


@pytest.mark.model
def test_the_dask_recipe_in_the_docs_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    dask = pytest.importorskip("dask")
    doc = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "one.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with dask.config.set(scheduler="synchronous"):
        exec(compile(code, "docs/scale.md", "exec"), {})
        exec(compile(code, "docs/scale.md", "exec"), {})  # a second run stores nothing twice
    lines = [json.loads(line) for f in sorted((tmp_path / "analysed").glob("*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines()]
    assert [r["document"]["id"] if "document" in r else r["error"]["code"] for r in lines] == ["a", "E006", "c"]
    out = capsys.readouterr().out
    assert "2 added, 0 duplicates skipped, 1 failed" in out and "0 added, 2 duplicates skipped, 1 failed" in out
    store = open_store(tmp_path / "storyline.db")
    try:
        assert store.stats()["documents"] == 2
    finally:
        store.close()
