"""The shared records of storyline: one place defines what every part of the system exchanges.

Every fact carries its evidence: the document it came from (``doc_id`` where records travel
alone, the enclosing :class:`Analysis` otherwise) and a character span ``start``/``end``
(Python string offsets, end exclusive) into the document text *exactly as given*.

This module imports nothing of ours (STYLE: imports go downstream only). The JSON form of an
:class:`Analysis` is the analysis contract ``storyline.analysis/1``; its JSON Schema lives in
``docs/schema/analysis-1.schema.json`` and a test keeps the two in step.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "storyline.analysis/1"

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed"]
ConflictKind = Literal["contradiction", "correction", "dispute"]
DateFrom = Literal["text", "publication"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def normalised_text(text: str) -> str:
    """The form of a text used to recognise exact duplicates: NFC, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    """SHA-256 of :func:`normalised_text`; two documents with the same hash are the same text."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """A text to analyse, with the metadata it came with. ``published`` is an ISO date (YYYY-MM-DD)."""

    id: str
    text: str
    published: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # where it was read from (path, path:line, "-")
    _sha256: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def sha256(self) -> str:
        """:func:`content_hash` of the text, computed once: ingest, the store and the contract all
        ask for it, and a document's text never changes once read."""
        if self._sha256 is None:
            self._sha256 = content_hash(self.text)
        return self._sha256

    def header(self) -> dict[str, Any]:
        """The ``document`` object of the contract (no text: the caller has it)."""
        return {
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "sha256": self.sha256,
        }


@dataclass(slots=True)
class TimeExpression:
    """A temporal expression with its TIMEX3-style normalised value.

    ``value`` follows TimeML: ``2024-02-02``, ``2024-02-02TEV``, ``2023-10`` (+ ``mod`` MID),
    ``2024-W05``, ``P3D``, ``PRESENT_REF``, ``198`` (the 1980s), ``XXXX-10-28``.
    ``range_from``/``range_to`` bound an interval ("since mid-October" → from 2023-10 to the
    publication date); ``anchor`` says what the value was resolved against.
    """

    start: int
    end: int
    text: str
    type: TimeType
    value: str
    mod: str | None = None
    range_from: str | None = None
    range_to: str | None = None
    anchor: str | None = None


@dataclass(slots=True)
class Actor:
    """A canonical actor: a name and a CAMEO/PLOVER-style code (``USA GOV``, ``IRQ``, ``IGO UNO``)."""

    name: str
    code: str | None = None
    # The country a non-state actor is aligned with ("pro-Iran armed groups" → IRN), ISO3.
    affiliation: str | None = None


@dataclass(slots=True)
class EntityMention:
    """A named-entity mention and, when known, the canonical actor it stands for."""

    start: int
    end: int
    text: str
    label: str
    actor: Actor | None = None


@dataclass(slots=True)
class Speaker:
    """Who made a statement. ``name`` is the fullest form the article gives; ``start``/``end``
    point at the mention used at the cue (which may be "he" or "Mr. Kirby")."""

    name: str
    start: int | None = None
    end: int | None = None
    role: str | None = None
    org: str | None = None
    code: str | None = None
    mention: str | None = None


@dataclass(slots=True)
class Cue:
    """The speech cue (verb or noun phrase) that introduces a statement."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Quote:
    """A statement: direct (``start``/``end`` cover the content without the quote marks),
    indirect (the reported clause) or mixed (a reported clause holding a quoted fragment)."""

    id: str
    kind: QuoteKind
    start: int
    end: int
    content: str
    speaker: Speaker | None = None
    cue: Cue | None = None
    said_on: str | None = None
    said_on_from: DateFrom = "publication"


@dataclass(slots=True)
class Location:
    """A geocoded place. ``country`` is ISO-3166 alpha-3."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None


@dataclass(slots=True)
class Event:
    """A PLOVER event. ``start``/``end`` cover the trigger; ``date_from`` says whether ``date``
    came from the text or fell back to the publication date."""

    id: str
    type: str
    start: int
    end: int
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    location: Location | None = None
    date: str | None = None
    date_from: DateFrom = "publication"
    fatalities: int | None = None
    negated: bool = False
    quote: str | None = None
    text: str = ""
    hypothetical: bool = False
    background: bool = False
    sentence_start: int | None = None
    sentence_end: int | None = None
    # An aggregate ("more than 165 drone strikes"): how many, as a range (min = max when exact).
    count_min: int | None = None
    count_max: int | None = None


@dataclass(slots=True)
class Conflict:
    """Two statements that disagree (contradiction, dispute) or where one revises the other
    (correction: ``a`` is the earlier statement, ``b`` the revision). Within one document
    ``a``/``b`` are quote ids; across documents ``a_doc``/``b_doc`` say which documents."""

    kind: ConflictKind
    a: str
    b: str
    reason: str
    a_doc: str | None = None
    b_doc: str | None = None


@dataclass(slots=True)
class Claim:
    """A comparable frame read from one statement (quote ``quote``): what is asserted, about whom,
    with which values, so that statements from different speakers, days and documents can be
    compared. ``start``/``end`` cover the clause the frame was read from.

    ``predicate`` is the verb lemma and ``pclass`` its class (``claim_predicates.tsv``: notify and
    tell are both ``inform``); ``subject_key``/``object_key`` are the participants as compared
    (an actor code's country/organisation part, or a normalised name). ``relation``/``anchor`` hold
    a temporal relation ("before" the strikes); ``low``/``high`` a quantity as an interval ("more
    than 165" → 165..None); ``stance`` marks statements about another statement (deny, correct).
    ``kind`` is ``fact`` (checkable), ``opinion`` or ``meta``.
    """

    id: str
    quote: str
    start: int
    end: int
    text: str
    predicate: str
    pclass: str | None = None
    kind: str = "fact"
    subject: str | None = None
    subject_key: str | None = None
    object: str | None = None
    object_key: str | None = None
    negated: bool = False
    modality: str | None = None
    relation: str | None = None
    relation_mod: str | None = None
    anchor: str | None = None
    anchor_key: str | None = None
    quantity: str | None = None
    low: float | None = None
    high: float | None = None
    dates: list[str] = field(default_factory=list)
    stance: str | None = None
    speaker: str | None = None
    speaker_key: str | None = None
    said_on: str | None = None
    terms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """Everything storyline found in one document: the analysis contract."""

    document: Document
    times: list[TimeExpression] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (``storyline.analysis/1``)."""
        return {
            "schema": SCHEMA,
            "document": self.document.header(),
            "times": [_plain(t) for t in self.times],
            "entities": [_plain(e) for e in self.entities],
            "quotes": [_plain(q) for q in self.quotes],
            "events": [_plain(e) for e in self.events],
            "conflicts": [_plain(c) for c in self.conflicts],
            "claims": [_plain(c) for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str) -> Analysis:
        """Rebuild an :class:`Analysis` from its contract JSON and the document text."""
        d = data["document"]
        doc = Document(id=d["id"], text=text, published=d["published"], title=d.get("title"),
                       outlet=d.get("outlet"), url=d.get("url"))
        return cls(
            document=doc,
            times=[TimeExpression(**t) for t in data.get("times", [])],
            entities=[_entity(e) for e in data.get("entities", [])],
            quotes=[_quote(q) for q in data.get("quotes", [])],
            events=[_event(e) for e in data.get("events", [])],
            conflicts=[Conflict(**c) for c in data.get("conflicts", [])],
            claims=[Claim(**c) for c in data.get("claims", [])],
        )


def _actor(d: dict[str, Any] | None) -> Actor | None:
    return Actor(**d) if d else None


def _entity(d: dict[str, Any]) -> EntityMention:
    return EntityMention(**{**d, "actor": _actor(d.get("actor"))})


def _quote(d: dict[str, Any]) -> Quote:
    sp, cue = d.get("speaker"), d.get("cue")
    return Quote(**{**d, "speaker": Speaker(**sp) if sp else None, "cue": Cue(**cue) if cue else None})


def _event(d: dict[str, Any]) -> Event:
    loc = d.get("location")
    return Event(**{**d, "source": _actor(d.get("source")), "target": _actor(d.get("target")),
                    "location": Location(**loc) if loc else None})


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the model's records, without its generic deep copy: the records
    hold only strings, numbers, lists and other records."""
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
