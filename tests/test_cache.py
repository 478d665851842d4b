from __future__ import annotations

from pathlib import Path

import pytest

from storyline.cache import cache_dir, cached, digest


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_table_is_built_once_then_read_back(folder: Path) -> None:
    calls, build = counting({"a": [1, 2]})
    assert cached("t", "k1", build) == {"a": [1, 2]}  # type: ignore[arg-type]
    assert cached("t", "k1", build) == {"a": [1, 2]}  # type: ignore[arg-type]
    assert len(calls) == 1
    assert [p.name for p in folder.iterdir()] == ["t-k1.pickle"]


def test_a_new_key_rebuilds_and_drops_the_stale_file(folder: Path) -> None:
    cached("t", "k1", lambda: 1)
    assert cached("t", "k2", lambda: 2) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["t-k2.pickle"]


def test_a_damaged_file_is_rebuilt(folder: Path) -> None:
    folder.mkdir()
    (folder / "t-k1.pickle").write_bytes(b"not a pickle")
    assert cached("t", "k1", lambda: "fresh") == "fresh"
    assert cached("t", "k1", lambda: "other") == "fresh"  # the rebuilt value was stored


def test_an_unusable_directory_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(blocker / "sub"))  # a directory under a file
    calls, build = counting(5)
    assert cached("t", "k", build) == 5 and cached("t", "k", build) == 5
    assert len(calls) == 2


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_CACHE_DIR", "")
    assert cache_dir() is None


def test_keys_depend_on_every_part_and_its_boundaries() -> None:
    assert digest(["ab", "c"]) != digest(["a", "bc"])
    assert digest([b"x"]) == digest(["x"])


def test_the_cached_lexicon_and_gazetteer_equal_fresh_builds(folder: Path) -> None:
    from storyline.analyze import actor_lexicon, geo

    fresh_gaz = geo._build_gazetteer()
    assert cached("gazetteer", geo.gazetteer_key(), geo._build_gazetteer) == fresh_gaz
    assert cached("gazetteer", geo.gazetteer_key(), lambda: None) == fresh_gaz  # read from disk
    fresh = actor_lexicon._build_lexicon((), (), ())
    actor_lexicon._lexicon.cache_clear()
    first = actor_lexicon.build_lexicon()
    actor_lexicon._lexicon.cache_clear()
    second = actor_lexicon.build_lexicon()  # this one from disk
    assert first == fresh and second == fresh
    assert any(p.name.startswith("actor-lexicon-") for p in folder.iterdir())
