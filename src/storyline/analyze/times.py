"""The storyline_times component (placeholder: finds nothing yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import extensions


class TimeTagger:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        return doc


@Language.factory("storyline_times")
def make_times(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger(nlp, name)


def reanchor(doc: Doc, start: int, end: int, anchor: str) -> None:
    """Re-resolve deictic time expressions inside ``doc.text[start:end]`` against ``anchor``
    (ISO date): quotes call this so "today" in a statement means the day it was made."""
