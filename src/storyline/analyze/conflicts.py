"""The storyline_conflicts component (placeholder: finds nothing yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import extensions


class ConflictFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        doc._.conflicts = []
        return doc


@Language.factory("storyline_conflicts")
def make_conflicts(nlp: Language, name: str) -> ConflictFinder:
    return ConflictFinder(nlp, name)
