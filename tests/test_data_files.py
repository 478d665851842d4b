"""The packaged vocabularies parse cleanly: no key twice in a YAML file, no row wider than its header."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import pytest
import yaml

DATA = files("storyline.data")
YAML_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".yml"))
TSV_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".tsv"))


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        assert key not in seen, f"key {key!r} twice (line {key_node.start_mark.line + 1})"
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_vocabularies_have_each_key_once(name: str) -> None:
    data = yaml.load(DATA.joinpath(name).read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    assert isinstance(data, dict) and data


@pytest.mark.parametrize("name", TSV_FILES)
def test_tsv_rows_are_no_wider_than_their_header(name: str) -> None:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    width = len(lines[0].split("\t"))
    wide = [n for n, ln in enumerate(lines[1:], 2) if len(ln.split("\t")) > width]
    assert not wide, f"{name}: rows wider than the header: {wide[:5]}"


def test_the_checks_catch_a_repeated_key() -> None:
    with pytest.raises(AssertionError):
        yaml.load("a: [1]\nb: [2]\na: [3]\n", Loader=_UniqueKeyLoader)
