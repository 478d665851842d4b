from __future__ import annotations

import io
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest import ReadOptions, read_file, read_paths, read_stream
from storyline.ingest.dates import date_from_text, parse_date
from storyline.model import Document
from tests.conftest import DATA


def _codes(items: list[object]) -> list[str]:
    return [i.code if isinstance(i, InputError) else "ok" for i in items]


def test_text_file_takes_metadata_from_its_sidecar() -> None:
    [doc] = list(read_file(DATA / "story.txt"))
    assert isinstance(doc, Document)
    # the sidecar's date wins over the dateline in the text
    assert (doc.id, doc.published, doc.title, doc.outlet) == ("story", "2025-03-04", "Budget next week", "Sample Wire")
    assert doc.text == (DATA / "story.txt").read_text(encoding="utf-8")


def test_dateline_gives_the_date_when_metadata_has_none(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("KINGSTOWN, March 3, 2025 (Sample Wire) - The minister resigned.", encoding="utf-8")
    [doc] = list(read_file(path))
    assert isinstance(doc, Document) and doc.published == "2025-03-03"


def test_user_date_comes_before_the_dateline_and_missing_date_is_E010(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The minister resigned on Friday.", encoding="utf-8")
    assert _codes(list(read_file(path))) == ["E010"]
    [doc] = list(read_file(path, ReadOptions(published="2025-01-10")))
    assert isinstance(doc, Document) and doc.published == "2025-01-10"


def test_html_is_extracted_with_its_metadata() -> None:
    [doc] = list(read_file(DATA / "page.html"))
    assert isinstance(doc, Document)
    assert doc.published == "2025-04-02"
    assert "approved the new bridge" in doc.text


def test_html_without_text_is_E007() -> None:
    assert _codes(list(read_file(DATA / "empty.html"))) == ["E007"]


def test_each_bad_jsonl_line_gets_its_own_coded_error_with_its_line() -> None:
    items = list(read_file(DATA / "batch.jsonl"))
    assert _codes(items) == ["ok", "E005", "E010", "E001", "E011", "ok", "E006"]
    lines = [i.line for i in items if isinstance(i, InputError)]
    assert lines == [2, 3, 4, 5, 7]
    assert "batch.jsonl:2" in str(items[1])


def test_directory_is_read_recursively_with_errors_in_place() -> None:
    items = list(read_paths([str(DATA / "batch")]))
    by_source = {i.source: i for i in items}
    assert isinstance(by_source[str(DATA / "batch" / "nested" / "good.txt")], Document)
    codes = sorted(i.code for i in items if isinstance(i, InputError))
    assert codes == ["E001", "E003", "E010"]  # empty.txt, latin1.txt, nodate.txt


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"first line\nsecond \xff line\n")
    [error] = list(read_file(path, ReadOptions(published="2025-01-01")))
    assert isinstance(error, InputError) and error.code == "E003" and error.line == 2


def test_binary_file_is_E002(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert _codes(list(read_file(path, ReadOptions(published="2025-01-01")))) == ["E002"]


def test_twenty_megabyte_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"word " * (4 * 1024 * 1024))
    assert path.stat().st_size >= 20 * 1024 * 1024
    assert _codes(list(read_file(path, ReadOptions(published="2025-01-01")))) == ["E004"]


def test_missing_path_and_unknown_suffix(tmp_path: Path) -> None:
    weird = tmp_path / "table.xlsx"
    weird.write_text("x", encoding="utf-8")
    assert _codes(list(read_paths([str(tmp_path / "nope.txt"), str(weird)]))) == ["E009", "E008"]


def test_stdin_plain_text_and_jsonl() -> None:
    class Stdin(io.TextIOWrapper):
        pass

    text = Stdin(io.BytesIO(b"The envoy said talks would resume."), encoding="utf-8")
    [doc] = list(read_stream(text, "-", ReadOptions(published="2025-02-02")))
    assert isinstance(doc, Document) and doc.text == "The envoy said talks would resume."
    lines = Stdin(io.BytesIO(b'{"id": "a", "published": "2025-01-01", "text": "One."}\n{"id": "b"}\n'),
                  encoding="utf-8")
    assert _codes(list(read_stream(lines, "-"))) == ["ok", "E006"]


def test_text_is_never_altered(tmp_path: Path) -> None:
    raw = "\ufeffLine one\r\n  “Quoted”\u00a0text\r\n\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    [doc] = list(read_file(path, ReadOptions(published="2025-01-01")))
    assert isinstance(doc, Document) and doc.text == raw


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-02-05", "2024-02-05"), ("2024-02-05T10:00:00Z", "2024-02-05"), ("February 5, 2024", "2024-02-05"),
    ("5 Feb 2024", "2024-02-05"), ("Monday", None), ("2024-02-30", None), ("2024", None),
])
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_dateline_only_near_the_top() -> None:
    assert date_from_text("BERLIN, Jan. 9, 2023 - Talks began.") == "2023-01-09"
    assert date_from_text("x " * 200 + "On March 3, 2020 it rained.") is None


def test_user_date_beats_a_dateline_but_not_metadata(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("KINGSTOWN, March 3, 2025 (Sample Wire) - The minister resigned.", encoding="utf-8")
    [doc] = list(read_file(path, ReadOptions(published="2025-03-05")))
    assert isinstance(doc, Document) and doc.published == "2025-03-05"
    [story] = list(read_file(DATA / "story.txt", ReadOptions(published="2025-03-05")))
    assert isinstance(story, Document) and story.published == "2025-03-04"
