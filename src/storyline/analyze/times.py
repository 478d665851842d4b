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
