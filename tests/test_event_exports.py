"""PLOVER-style JSON and GDELT-like TSV rows of events (pure functions, no model)."""

from __future__ import annotations

import json

from storyline.model import Actor, Document, Event, Location
from storyline.serve.event_exports import GDELT_FIELDS, cameo_code, gdelt_header, to_gdelt_row, to_plover

TEXT = "Rebels shelled the town of Aleppo on Friday, killing 12 people."
DOC = Document(id="d1", text=TEXT, published="2024-03-09", url="https://example.org/a")
EVENT = Event(
    id="e1",
    type="ASSAULT",
    start=7,
    end=14,
    mode="heavy-weapons",
    source=Actor("rebels", "SYR REB"),
    target=None,
    location=Location("Aleppo", "SYR", 36.2, 37.16, "09"),
    date="2024-03-08",
    date_from="text",
    fatalities=12,
    text="shelled",
    sentence_start=0,
    sentence_end=len(TEXT),
)


def test_cameo_codes_from_the_official_mapping() -> None:
    assert cameo_code("ASSAULT", "heavy-weapons") == "194"
    assert cameo_code("ASSAULT", "firearms") == "193"
    assert cameo_code("CONSULT", "phone") == "041"
    assert cameo_code("ACCUSE") == "110"
    assert cameo_code("PROTEST", "no-such-mode") == "140"


def test_plover_record() -> None:
    rec = to_plover(EVENT, DOC)
    json.dumps(rec)
    assert rec["event"] == "ASSAULT" and rec["mode"] == "heavy-weapons"
    assert rec["actor"] == [{"actorText": "rebels", "code": "SYR", "sector": "REB", "affiliation": None}]
    assert rec["recipient"] == []
    assert rec["text"] == TEXT and rec["dead"] == 12 and rec["date"] == "2024-03-08"
    assert rec["eventLoc"]["country"] == "SYR"
    assert rec["id"] == "d1-e1"


def test_gdelt_row() -> None:
    row = to_gdelt_row(EVENT, DOC)
    assert len(row) == len(GDELT_FIELDS) == len(gdelt_header().split("\t"))
    cells = dict(zip(GDELT_FIELDS, row, strict=True))
    assert cells["SQLDATE"] == "20240308"
    assert cells["EventCode"] == "194" and cells["EventRootCode"] == "19" and cells["QuadClass"] == "4"
    assert cells["Actor1Code"] == "SYRREB" and cells["Actor1CountryCode"] == "SYR"
    assert cells["Actor2Code"] == ""
    assert cells["Fatalities"] == "12" and cells["Negated"] == "0"
    assert all("\t" not in c and "\n" not in c for c in row)


def test_every_field_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "exports.md").read_text(encoding="utf-8")
    for name in GDELT_FIELDS:
        assert f"| `{name}` |" in doc, f"GDELT column {name} is not in docs/exports.md"
    for key in to_plover(EVENT, DOC):
        assert f"| `{key}` |" in doc, f"PLOVER field {key} is not in docs/exports.md"
