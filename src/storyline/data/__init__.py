"""Vocabularies and rules as data files, loaded once.

Each file is documented in its own header comment and in ``docs/vocabularies.md``. Users extend
a vocabulary by passing their own file to the component's config (see each component).
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def _read(name: str | Path) -> str:
    # A bare file name is a packaged vocabulary; anything with a directory part is the user's file.
    path = Path(name)
    if path.parent != Path("."):
        return path.read_text(encoding="utf-8")
    return resources.files(__name__).joinpath(str(name)).read_text(encoding="utf-8")


def read_bytes(name: str | Path) -> bytes:
    """The raw bytes of a packaged data file (by name) or a user's file (by path); b"" if unreadable."""
    try:
        return _read(name).encode("utf-8")
    except OSError:
        return b""


@cache
def load_yaml(name: str) -> Any:
    """A packaged YAML vocabulary (by file name) or a user's file (by path)."""
    return yaml.safe_load(_read(name))


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """A packaged TSV table (header row; ``#`` lines are comments) as a tuple of row dicts."""
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
