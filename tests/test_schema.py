from __future__ import annotations

import json

import jsonschema
import pytest

from storyline.schema import contract_schema, schema_json
from tests.conftest import ROOT


def test_published_schema_is_the_generated_one() -> None:
    published = (ROOT / "docs" / "analysis-1.schema.json").read_text(encoding="utf-8")
    assert published == schema_json(), "regenerate with: storyline schema > docs/analysis-1.schema.json"


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(contract_schema())


@pytest.mark.model
def test_seed_result_validates_and_every_span_matches_its_text(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(seed_analysis.to_dict()))
    jsonschema.validate(data, contract_schema())
    text = seed_analysis.document.text
    assert_spans_consistent(data, text)


def assert_spans_consistent(data: dict, text: str) -> None:  # type: ignore[type-arg]
    for t in data["times"]:
        assert text[t["start"]:t["end"]] == t["text"]
    for e in data["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["content"]
        if q["speaker"] and q["speaker"]["start"] is not None:
            assert q["speaker"]["end"] > q["speaker"]["start"]
            if q["speaker"].get("mention") is not None:
                assert text[q["speaker"]["start"]:q["speaker"]["end"]] == q["speaker"]["mention"]
        if q["cue"]:
            assert text[q["cue"]["start"]:q["cue"]["end"]] == q["cue"]["text"]
    for ev in data["events"]:
        if ev.get("text"):
            assert text[ev["start"]:ev["end"]] == ev["text"]
    ids = {q["id"] for q in data["quotes"]}
    for c in data["conflicts"]:
        if not c.get("a_doc") and not c.get("b_doc"):
            assert c["a"] in ids and c["b"] in ids
