"""Helpers shared by the rule tests: analyse one sentence of our own and read what a component made of it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.model import Event


def analysed(nlp: Language, text: str, published: str) -> Doc:
    """``text`` through the full storyline pipeline ``nlp``, published on ``published``."""
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    return nlp(make_doc(nlp, Document(id="t", text=text, published=published)))


def actor_code(nlp: Language, text: str, phrase: str, published: str = "2016-05-02") -> str | None:
    """The actor code of ``phrase`` (its first occurrence) in ``text``."""
    from storyline.analyze.actors import resolve_actor

    doc = analysed(nlp, text, published)
    start = text.index(phrase)
    actor = resolve_actor(doc, start, start + len(phrase))
    return actor.code if actor else None


def entity_code(nlp: Language, text: str, name: str, published: str = "2016-05-02") -> str | None:
    """The actor code the actors component gave the named entity ``name``."""
    doc = analysed(nlp, text, published)
    found = {e.text: e.actor.code if e.actor else None for e in doc._.entities}
    return found.get(name)


def run_times(nlp: Language, text: str, published: str) -> Doc:
    """``text`` through a pipeline ending in ``storyline_times``, published on ``published``."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def times_found(doc: Doc) -> dict[str, tuple[str, str]]:
    """Each time expression's text → (type, value)."""
    return {t.text: (t.type, t.value) for t in doc._.times}


def events_of(text: str, published: str) -> list[Event]:
    """The events the full pipeline codes in ``text``."""
    from storyline.analyze import get_pipeline

    return list(analysed(get_pipeline(), text, published)._.events)


def of_type(events: list[Event], ev_type: str) -> list[Event]:
    return [e for e in events if e.type == ev_type]
