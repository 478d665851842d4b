"""Store: the ledger behind a small interface (:class:`Store`); SQLite by default."""

from __future__ import annotations

from pathlib import Path

from storyline.errors import StoreError
from storyline.store.base import AddResult, Filters, Row, Store
from storyline.store.sqlite import DEFAULT_DB, SQLiteStore

__all__ = ["DEFAULT_DB", "AddResult", "Filters", "Row", "SQLiteStore", "Store", "open_store"]


def open_store(location: str | Path = DEFAULT_DB) -> Store:
    """The store at ``location``: a SQLite file path (or ``:memory:``). Database URLs of other
    backends are recognised and refused until their backend exists."""
    text = str(location)
    if "://" in text and not text.startswith("sqlite://"):
        raise StoreError("E030", f"{text}: only SQLite files are supported in this version")
    return SQLiteStore(text.removeprefix("sqlite://"))
