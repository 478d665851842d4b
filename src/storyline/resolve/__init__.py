"""Resolve: work across stored documents (conflicting accounts, corrections reported elsewhere)."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.model import Analysis, Conflict


def resolve_conflicts(analyses: Iterable[Analysis]) -> list[Conflict]:
    """Conflicts between statements and events of *different* documents (``a_doc`` ≠ ``b_doc``)."""
    from storyline.resolve.conflicts import find_conflicts

    return [c for c in find_conflicts(analyses) if c.a_doc != c.b_doc]


__all__ = ["resolve_conflicts"]
