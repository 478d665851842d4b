"""The JSON Schema of the analysis contract, generated from the records in :mod:`storyline.model`.

Generating it (rather than writing it by hand) keeps the schema and the records in step: a field
added to a record appears in the schema, and ``docs/analysis-1.schema.json`` is checked by a test
against this function's output, so the published file cannot drift either.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from storyline import model

SCHEMA_ID = "https://storyline.invalid/schema/analysis-1.schema.json"
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"}, bool: {"type": "boolean"},
    type(None): {"type": "null"}, Any: {},
}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _records_in(annotation: Any) -> list[type]:
    """The record classes an annotation mentions (``Speaker | None`` → [Speaker])."""
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return [annotation]
    return [cls for arg in get_args(annotation) for cls in _records_in(arg)]


def records() -> dict[str, type]:
    """Every record the contract contains, found from :class:`~storyline.model.Analysis`'s list
    fields down (so a field added to the model is in the schema without touching this module)."""
    found: dict[str, type] = {}
    todo = [cls for name, hint in _hints(model.Analysis).items() if name != "document" for cls in _records_in(hint)]
    while todo:
        cls = todo.pop()
        if cls.__name__ not in found:
            found[cls.__name__] = cls
            todo.extend(c for hint in _hints(cls).values() for c in _records_in(hint))
    return found


def _type_schema(annotation: Any) -> dict[str, Any]:
    if annotation in _SCALARS:
        return dict(_SCALARS[annotation])
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_type_schema(a) for a in args]}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin is dict:
        return {"type": "object"}
    raise TypeError(f"no JSON Schema for {annotation!r}")


def record_schema(cls: type) -> dict[str, Any]:
    """The schema of one record: every field, required when it has no default."""
    hints = _hints(cls)
    fields = dataclasses.fields(cls)
    return {
        "type": "object",
        "description": " ".join((cls.__doc__ or "").split()),
        "properties": {f.name: _type_schema(hints[f.name]) for f in fields},
        # Every field is always written by to_dict, so every field is required in the JSON.
        "required": [f.name for f in fields],
    }


def contract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one ``storyline analyze`` result."""
    document = {
        "type": "object",
        "description": "The analysed document (its text is the input; offsets refer to it exactly as given).",
        "properties": {
            "id": {"type": "string"},
            "published": {"type": "string", "format": "date"},
            "title": {"type": ["string", "null"]},
            "outlet": {"type": ["string", "null"]},
            "url": {"type": ["string", "null"]},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        },
        "required": ["id", "published", "title", "outlet", "url", "sha256"],
    }
    lists = {name: _type_schema(hint) for name, hint in _hints(model.Analysis).items() if name != "document"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": model.SCHEMA,
        "description": "The result of analysing one document with storyline (the analysis contract). "
                       "start/end are Python string offsets (end exclusive) into the document text as given.",
        "type": "object",
        "properties": {"schema": {"const": model.SCHEMA}, "document": document, **lists},
        "required": ["schema", "document", *lists],
        "$defs": {name: record_schema(cls) for name, cls in sorted(records().items())},
    }


def schema_json() -> str:
    return json.dumps(contract_schema(), indent=2, ensure_ascii=False) + "\n"
