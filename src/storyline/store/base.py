"""The store interface: what the rest of storyline may ask of a ledger, whatever the database.

SQLite (:mod:`storyline.store.sqlite`) is the default. Another backend (PostgreSQL) implements
the same :class:`Store` protocol; nothing above this layer names a database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from storyline.model import Analysis, Conflict

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Filters:
    """Selection for listings. Dates are ISO strings compared on their date part; ``since`` and
    ``until`` are inclusive. ``type`` is an event type, or a conflict kind for conflicts."""

    speaker: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    doc: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one document: stored under ``doc_id``, or a duplicate of ``doc_id``."""

    doc_id: str
    added: bool


class Store(Protocol):
    """A ledger of analysed documents. Each ``add`` is one transaction: all of a document's
    facts are stored, or none."""

    def has_text(self, sha256: str) -> str | None:
        """The id of the stored document with this content hash, if any."""
        ...

    def add(self, analysis: Analysis) -> AddResult:
        """Store a document with all its facts; an exact duplicate (same content hash) is not stored again."""
        ...

    def get(self, doc_id: str) -> Analysis:
        """The stored analysis of one document (raises StoreError E031 when unknown)."""
        ...

    def analyses(self) -> Iterator[Analysis]:
        """Every stored analysis, in publication order (for resolve and exports)."""
        ...

    def documents(self, filters: Filters = Filters()) -> list[Row]: ...

    def quotes(self, filters: Filters = Filters()) -> list[Row]: ...

    def events(self, filters: Filters = Filters()) -> list[Row]: ...

    def times(self, filters: Filters = Filters()) -> list[Row]: ...

    def entities(self, filters: Filters = Filters()) -> list[Row]: ...

    def conflicts(self, filters: Filters = Filters()) -> list[Row]: ...

    def replace_corpus_conflicts(self, conflicts: list[Conflict]) -> int:
        """Replace the cross-document conflicts with a freshly resolved set; returns how many."""
        ...

    def search(self, query: str, limit: int = 20) -> list[Row]:
        """Full-text search over document text and quotes."""
        ...

    def stats(self) -> dict[str, int]: ...

    def close(self) -> None: ...
