"""Cross-document conflicts (placeholder until the conflict finder lands)."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.model import Analysis, Conflict


def find_conflicts(analyses: Iterable[Analysis]) -> list[Conflict]:
    for _ in analyses:
        pass
    return []
