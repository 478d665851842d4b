"""The storyline_events component (placeholder: finds nothing yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import extensions


class EventCoder:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("storyline_events")
def make_events(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
