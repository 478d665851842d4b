"""The ``Doc._`` attributes the storyline components read and write.

``published`` (ISO date) and ``doc_id`` are set before the pipeline runs; each component fills
its own list with records from :mod:`storyline.model`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_ATTRS: dict[str, object] = {
    "published": None,
    "doc_id": None,
    "times": None,
    "entities": None,
    "quotes": None,
    "events": None,
    "conflicts": None,
    "claims": None,
}


def register() -> None:
    """Register the extensions once (idempotent, so components can call it freely)."""
    for name, default in _ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)



_TEXT_KEY = "storyline_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins all the tokens again on every access,
    which made per-quote slicing quadratic. The string is kept in ``doc.user_data`` (serialisable)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give :func:`text_of` the text the Doc was made from, so no component rebuilds it."""
    doc.user_data[_TEXT_KEY] = text


def entity_at(token: Token) -> Span | None:
    """The named entity ``token`` belongs to, read off the IOB tags around it: ``doc.ents``
    would build every entity of the document on each call."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


register()
