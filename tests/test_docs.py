from __future__ import annotations

from importlib import resources

from tests.conftest import ROOT


def test_every_data_file_is_documented_and_has_a_header() -> None:
    doc = (ROOT / "docs" / "vocabularies.md").read_text(encoding="utf-8")
    files = [f for f in resources.files("storyline.data").iterdir() if f.name.endswith((".tsv", ".yml", ".yaml"))]
    assert files
    for f in files:
        assert f"`{f.name}`" in doc, f"{f.name} is not described in docs/vocabularies.md"
        assert f.read_text(encoding="utf-8").startswith("#"), f"{f.name} has no header comment"
