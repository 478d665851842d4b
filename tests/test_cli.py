from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from storyline.serve.cli import cli
from tests.conftest import DATA, ROOT

DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def run(*args: str, input: str | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_is_documented_with_all_its_options(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
    assert f"## `storyline {name}`" in DOC, f"docs/cli.md has no section for {name}"
    section = DOC.split(f"## `storyline {name}`", 1)[1].split("\n## ", 1)[0]
    command = cli.commands[name]
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            if longest != "--help":
                assert f"`{longest}" in section, f"{name} {longest} is not documented in docs/cli.md"
        else:
            assert param.name and param.name.upper() in section, f"{name} argument {param.name} undocumented"


def test_documented_commands_exist() -> None:
    documented = set(re.findall(r"^## `storyline (\w+)`", DOC, flags=re.M))
    assert documented == set(COMMANDS)


def test_every_error_code_is_documented() -> None:
    from storyline.errors import MESSAGES

    errors_doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in MESSAGES:
        assert f"`{code}`" in errors_doc, f"{code} missing from docs/errors.md"


@pytest.mark.model
def test_analyze_one_file_prints_the_contract() -> None:
    result = run("analyze", str(DATA / "story.txt"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "storyline.analysis/1"
    assert data["document"]["id"] == "story" and data["document"]["published"] == "2025-03-04"


@pytest.mark.model
def test_analyze_jsonl_keeps_line_order_with_coded_errors_in_place() -> None:
    result = run("analyze", "--jsonl", str(DATA / "batch.jsonl"))
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["id"] if "document" in r else r["error"]["code"] for r in lines] == [
        "b1", "E005", "E010", "E001", "E011", "b6", "E006"]
    assert "[E005]" in result.stderr and "batch.jsonl:2" in result.stderr


def test_analyze_needs_a_file_or_jsonl() -> None:
    result = run("analyze")
    assert result.exit_code == 2 and "[E040]" in result.stderr


def test_analyze_rejects_a_bad_date_option() -> None:
    result = run("analyze", str(DATA / "story.txt"), "--published", "yesterday")
    assert result.exit_code == 2 and "[E040]" in result.stderr


@pytest.mark.model
def test_ingest_bad_batch_stores_the_good_items_and_rerun_adds_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    batch = tmp_path / "in"
    shutil.copytree(DATA / "batch", batch)
    shutil.copy(DATA / "batch.jsonl", batch / "batch.jsonl")
    (batch / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    with (batch / "huge.txt").open("wb") as handle:
        handle.write(b"word " * (4 * 1024 * 1024))

    first = run("ingest", str(batch), "--db", db, "-q", "--workers", "2")  # analysed in two processes
    assert first.exit_code == 1
    codes = re.findall(r"^\[(E\d{3})\]", first.stderr, flags=re.M)
    assert sorted(codes) == sorted(["E002", "E004", "E001", "E003", "E010",  # files
                                    "E005", "E010", "E001", "E011", "E006"])  # jsonl lines
    assert "3 added" in first.stderr
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 3

    again = run("ingest", str(batch), "--db", db, "-q")
    assert again.exit_code == 1 and "0 added, 3 duplicates skipped" in again.stderr
    assert json.loads(run("stats", "--db", db, "--json").stdout) == stats


@pytest.mark.model
def test_queries_and_exports_on_a_small_ledger(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    assert run("ingest", str(DATA / "story.txt"), str(DATA / "page.html"), "--db", db, "-q").exit_code == 0
    docs = json.loads(run("documents", "--db", db, "--json").stdout)
    assert [d["id"] for d in docs] == ["story", "page"]
    assert run("show", "story", "--db", db).exit_code == 0
    shown = json.loads(run("show", "story", "--db", db, "--json").stdout)
    assert shown["document"]["id"] == "story"
    for command in ("quotes", "events", "conflicts"):
        result = run(command, "--db", db, "--json")
        assert result.exit_code == 0 and isinstance(json.loads(result.stdout), list)
    assert run("search", "bridge", "--db", db, "--json").exit_code == 0
    jsonl = run("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert len(jsonl) == 2 and json.loads(jsonl[0])["schema"] == "storyline.analysis/1"
    out = tmp_path / "docs.csv"
    assert run("export", "--db", db, "--format", "csv", "--table", "documents", "--out", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,published")
    missing = run("show", "nope", "--db", db)
    assert missing.exit_code == 1 and "[E031]" in missing.stderr


def test_query_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    result = run("stats", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "[E030]" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_schema_command_prints_the_published_schema() -> None:
    published = (ROOT / "docs" / "analysis-1.schema.json").read_text(encoding="utf-8")
    assert run("schema").stdout == published
