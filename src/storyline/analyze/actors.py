"""The storyline_actors component (placeholder: finds nothing yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import extensions
from storyline.model import Actor


class ActorTagger:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = []
        return doc


@Language.factory("storyline_actors")
def make_actors(nlp: Language, name: str) -> ActorTagger:
    return ActorTagger(nlp, name)


def resolve_actor(doc: Doc, start: int, end: int) -> Actor | None:
    """The canonical actor for the phrase ``doc.text[start:end]`` (a name, an organisation, a role
    such as "State Department deputy spokesperson"), or None when it cannot be coded."""
    return None
