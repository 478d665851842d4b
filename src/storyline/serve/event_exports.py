"""Events in the formats conflict researchers load: PLOVER-style JSON and a GDELT-like TSV row.

Pure functions of an :class:`~storyline.model.Event` and the :class:`~storyline.model.Document`
it came from; ``docs/exports.md`` documents both formats field by field. CAMEO codes come from
``data/cameo_plover.tsv`` (derived from the official CAMEO→PLOVER table).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from storyline.data import load_tsv
from storyline.model import Actor, Document, Event

PLOVER_VERSION = "PLOVER 0.8 (2021-09-17)"

#: The manual's quad categories, numbered as GDELT's QuadClass.
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

#: The columns of the GDELT-like TSV, in order (GDELT 2.0 event-table names where one exists).
GDELT_FIELDS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "DateFrom",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "PloverType",
    "PloverMode",
    "Fatalities",
    "CountMin",
    "CountMax",
    "Negated",
    "Hypothetical",
    "Background",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DocumentId",
    "Published",
    "SOURCEURL",
    "TriggerStart",
    "TriggerEnd",
    "TriggerText",
    "QuoteId",
)


@cache
def _cameo_table() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    by_mode: dict[tuple[str, str], str] = {}
    default: dict[str, str] = {}
    for row in load_tsv("cameo_plover.tsv"):
        typ, mode, code = row["plover_type"].strip(), row["plover_mode"].strip(), row["cameo_code"].strip()
        if mode:
            by_mode.setdefault((typ, mode), code)
        if row.get("default", "").strip() == "default":
            default.setdefault(typ, code)
    return by_mode, default


def cameo_code(event_type: str, mode: str | None = None) -> str | None:
    """The CAMEO code of a PLOVER type and mode (the type's default code when the mode has none)."""
    by_mode, default = _cameo_table()
    if mode and (event_type, mode) in by_mode:
        return by_mode[(event_type, mode)]
    return default.get(event_type)


def _split_code(actor: Actor | None) -> tuple[str | None, str | None]:
    """(country or international code, sector) of an actor code such as "USA GOV"."""
    parts = (actor.code or "").split() if actor is not None else []
    return (parts[0] if parts else None), (parts[1] if len(parts) > 1 else None)


def _plover_actor(actor: Actor | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    country, sector = _split_code(actor)
    return [{"actorText": actor.name, "code": country, "sector": sector, "affiliation": actor.affiliation}]


def to_plover(event: Event, document: Document) -> dict[str, Any]:
    """One event as a PLOVER-style record (the PLOVER manual's field names; see docs/exports.md)."""
    sentence = None
    if event.sentence_start is not None and event.sentence_end is not None and document.text:
        sentence = document.text[event.sentence_start : event.sentence_end]
    loc = event.location
    return {
        "id": f"{document.id}-{event.id}",
        "date": event.date,
        "dateFrom": event.date_from,
        "event": event.type,
        "mode": event.mode,
        "context": [
            c
            for c, on in (
                ("negation", event.negated),
                ("hypothetical", event.hypothetical),
                ("historical", event.background),
            )
            if on
        ],
        "actor": _plover_actor(event.source),
        "recipient": _plover_actor(event.target),
        "eventText": event.text,
        "text": sentence,
        "eventLoc": None
        if loc is None
        else {"name": loc.name, "country": loc.country, "admin1": loc.admin1, "lat": loc.lat, "lon": loc.lon},
        "dead": event.fatalities,
        "size": None
        if event.count_min is None and event.count_max is None
        else {"min": event.count_min, "max": event.count_max},
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "background": event.background,
        "quote": event.quote,
        "evidence": {
            "document": document.id,
            "start": event.start,
            "end": event.end,
            "sentenceStart": event.sentence_start,
            "sentenceEnd": event.sentence_end,
        },
        "publication": document.outlet,
        "publicationDate": document.published,
        "url": document.url,
        "language": "en",
        "version": PLOVER_VERSION,
    }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    # TSV cells hold no tabs or line breaks: they become spaces.
    return " ".join(str(value).split())


def to_gdelt_row(event: Event, document: Document) -> list[str]:
    """One event as a row of cells in :data:`GDELT_FIELDS` order (see docs/exports.md)."""
    code = cameo_code(event.type, event.mode) or ""
    a1_country, a1_sector = _split_code(event.source)
    a2_country, a2_sector = _split_code(event.target)
    loc = event.location
    values: dict[str, object] = {
        "GLOBALEVENTID": f"{document.id}-{event.id}",
        "SQLDATE": (event.date or "").replace("-", "")[:8] or None,
        "DateFrom": event.date_from,
        "Actor1Code": "".join(p for p in (a1_country, a1_sector) if p) or None,
        "Actor1Name": event.source.name if event.source else None,
        "Actor1CountryCode": a1_country,
        "Actor1Type1Code": a1_sector,
        "Actor2Code": "".join(p for p in (a2_country, a2_sector) if p) or None,
        "Actor2Name": event.target.name if event.target else None,
        "Actor2CountryCode": a2_country,
        "Actor2Type1Code": a2_sector,
        "IsRootEvent": None,
        "EventCode": code or None,
        "EventBaseCode": code[:3] or None,
        "EventRootCode": code[:2] or None,
        "QuadClass": QUAD_CLASS.get(event.type),
        "PloverType": event.type,
        "PloverMode": event.mode,
        "Fatalities": event.fatalities,
        "CountMin": event.count_min,
        "CountMax": event.count_max,
        "Negated": event.negated,
        "Hypothetical": event.hypothetical,
        "Background": event.background,
        "ActionGeo_FullName": loc.name if loc else None,
        "ActionGeo_CountryCode": loc.country if loc else None,
        "ActionGeo_ADM1Code": loc.admin1 if loc else None,
        "ActionGeo_Lat": loc.lat if loc else None,
        "ActionGeo_Long": loc.lon if loc else None,
        "DocumentId": document.id,
        "Published": document.published,
        "SOURCEURL": document.url,
        "TriggerStart": event.start,
        "TriggerEnd": event.end,
        "TriggerText": event.text,
        "QuoteId": event.quote,
    }
    return [_cell(values[name]) for name in GDELT_FIELDS]


def gdelt_header() -> str:
    """The TSV header line (without the line break)."""
    return "\t".join(GDELT_FIELDS)
