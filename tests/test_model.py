from __future__ import annotations

from storyline.model import (
    SCHEMA,
    Actor,
    Analysis,
    Conflict,
    Cue,
    Document,
    EntityMention,
    Event,
    Location,
    Quote,
    Speaker,
    TimeExpression,
    content_hash,
)


def _analysis() -> Analysis:
    text = "Iraq condemned the strikes on Friday, the ministry said."
    doc = Document(id="d1", text=text, published="2024-02-05", title="T", outlet="O", url="http://x")
    return Analysis(
        document=doc,
        times=[TimeExpression(30, 36, "Friday", "DATE", "2024-02-02")],
        entities=[EntityMention(0, 4, "Iraq", "GPE", Actor("Iraq", "IRQ"))],
        quotes=[Quote("q1", "indirect", 0, 36, text[0:36], Speaker("the ministry", 38, 50, org="ministry"),
                      Cue("said", 51, 55), "2024-02-05", "publication")],
        events=[Event("e1", "ACCUSE", 5, 14, source=Actor("Iraq", "IRQ GOV"), location=Location("Iraq", "IRQ"),
                      date="2024-02-02", date_from="text", quote="q1", text="condemned")],
        conflicts=[Conflict("contradiction", "q1", "q1", "test")],
    )


def test_round_trip_through_the_contract_keeps_every_field() -> None:
    analysis = _analysis()
    data = analysis.to_dict()
    assert data["schema"] == SCHEMA
    again = Analysis.from_dict(data, analysis.document.text)
    assert again.to_dict() == data


def test_document_header_carries_the_content_hash_not_the_text() -> None:
    header = _analysis().to_dict()["document"]
    assert "text" not in header
    assert header["sha256"] == content_hash("Iraq condemned the strikes on Friday, the ministry said.")


def test_content_hash_ignores_whitespace_and_unicode_composition_only() -> None:
    assert content_hash("Caf\u00e9  au\nlait ") == content_hash("Cafe\u0301 au lait")
    assert content_hash("Cafe au lait") != content_hash("Café au lait")
