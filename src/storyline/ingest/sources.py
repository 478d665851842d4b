"""Read documents from files, directories, JSON/JSONL and standard input.

Every reader yields, in input order, either a :class:`~storyline.model.Document` or the
:class:`~storyline.errors.InputError` that explains why that one item is unusable, so a batch
never stops at a bad item. Texts are kept exactly as given (plain text, JSON ``text`` fields):
every offset storyline reports refers to them. HTML is the exception by nature: the stored text
is what trafilatura extracts from the page, and offsets refer to that.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from storyline.errors import InputError
from storyline.ingest.dates import date_from_text, parse_date
from storyline.model import Document, content_hash

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: Sidecar metadata files sit next to a text file: ``story.txt`` + ``story.meta.json``.
SIDECAR_SUFFIX = ".meta.json"
#: spaCy refuses longer texts by default, and no news article comes close.
DEFAULT_MAX_CHARS = 1_000_000
_META_FIELDS = ("title", "outlet", "url")

Item = Document | InputError


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: a fallback publication date and the size limit."""

    published: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS


def read_paths(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Documents (or errors) from files, directories (recursively, in sorted order) and ``-``."""
    for raw in paths:
        if raw == "-":
            yield from read_stream(sys.stdin, "-", options)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_document_file(child):
                    yield from read_file(child, options)
        elif path.is_file():
            yield from read_file(path, options)
        else:
            yield InputError("E009", str(path), source=str(path))


def _is_document_file(path: Path) -> bool:
    if path.name.endswith(SIDECAR_SUFFIX) or path.name.startswith("."):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


def read_file(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Documents from one file, by its suffix; unknown suffixes are read as plain text when they
    decode as UTF-8 text (``E008`` otherwise)."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        # Line by line, so a JSONL file of any size streams through in constant memory.
        try:
            with path.open("rb") as lines:
                yield from read_jsonl_bytes(lines, source, options)
        except OSError as exc:
            yield InputError("E009", str(exc), source=source)
        return
    # Read at most a little more than the limit allows: a 20 MB file must not be loaded whole
    # just to be refused (4 bytes per character is UTF-8's worst case).
    limit = None if suffix in JSON_SUFFIXES else options.max_chars * 4 + 4
    try:
        with path.open("rb") as handle:
            data = handle.read(limit) if limit else handle.read()
            too_big = limit is not None and len(data) >= limit and bool(handle.read(1))
    except OSError as exc:
        yield InputError("E009", str(exc), source=source)
        return
    if too_big:
        yield InputError("E004", f"over {options.max_chars:,} characters", source=source)
        return
    text_or_error = decode(data, source)
    if isinstance(text_or_error, InputError):
        yield text_or_error
        return
    if suffix in JSON_SUFFIXES:
        yield from _json_documents(text_or_error, source, options)
    elif suffix in HTML_SUFFIXES:
        yield _html_document(text_or_error, path, options)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        yield _text_document(text_or_error, path, options)
    else:
        yield InputError("E008", suffix, source=source)


def decode(data: bytes, source: str, line: int | None = None) -> str | InputError:
    """UTF-8 text from bytes, or E002 (binary) / E003 (invalid UTF-8, with the line it is on)."""
    if b"\x00" in data:
        return InputError("E002", "contains NUL bytes", source=source, line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = line if line is not None else data.count(b"\n", 0, exc.start) + 1
        return InputError("E003", f"byte 0x{data[exc.start]:02x} at offset {exc.start}", source=source,
                          line=bad_line)


def read_stream(stream: IO[str], source: str, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Standard input: JSONL (streamed line by line) when the first non-blank character is ``{``,
    else the whole stream as one plain text."""
    buffer = getattr(stream, "buffer", None)
    lines: Iterator[bytes] = iter(buffer) if buffer is not None else (line.encode("utf-8") for line in stream)
    head: list[bytes] = []
    for raw in lines:
        head.append(raw)
        if raw.strip():
            break
    if b"".join(head).lstrip().startswith(b"{"):
        yield from read_jsonl_bytes(itertools.chain(head, lines), source, options)
        return
    text = decode(b"".join(itertools.chain(head, lines)), source)
    if isinstance(text, InputError):
        yield text
    else:
        yield _checked(text, {}, source=source, default_id=content_hash(text)[:16], options=options)


def read_jsonl_bytes(lines: Iterable[bytes], source: str, options: ReadOptions) -> Iterator[Item]:
    """One document per non-blank JSON line; each bad line is its own coded error."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        text = decode(raw, source, line=number)
        if isinstance(text, InputError):
            yield text
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError("E005", exc.msg, source=source, line=number)
            continue
        yield _record_document(record, source, number, options)


def read_records(records: Iterable[Any], source: str = "records",
                 options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Documents (or coded errors) from already parsed JSON records ``{id, text, published, …}``,
    e.g. one partition of a Dask bag; ``line`` in an error is the record's 1-based position."""
    for number, record in enumerate(records, start=1):
        yield _record_document(record, source, number, options)


def _json_documents(text: str, source: str, options: ReadOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError("E005", f"{exc.msg} (line {exc.lineno})", source=source)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        yield _record_document(record, source, index if len(records) > 1 else None, options)


def _record_document(record: Any, source: str, line: int | None, options: ReadOptions) -> Item:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return InputError("E006", source=source, line=line)
    text: str = record["text"]
    default_id = f"{Path(source).stem}-{line}" if line else Path(source).stem
    return _checked(text, record, source=source, line=line, default_id=default_id, options=options)


def _text_document(text: str, path: Path, options: ReadOptions) -> Item:
    meta = _sidecar(path)
    if isinstance(meta, InputError):
        return meta
    return _checked(text, meta, source=str(path), default_id=path.stem, options=options)


def _sidecar(path: Path) -> dict[str, Any] | InputError:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return InputError("E005", f"sidecar {sidecar.name}: {exc}", source=str(path))
    return data if isinstance(data, dict) else {}


def _html_document(html: str, path: Path, options: ReadOptions) -> Item:
    import trafilatura

    extracted: Any = trafilatura.bare_extraction(html, with_metadata=True)
    text = getattr(extracted, "text", None)
    if not text or not text.strip():
        return InputError("E007", source=str(path))
    # trafilatura's ``filedate`` is today's date, never the publication date: only ``date`` counts.
    meta: dict[str, Any] = {name: getattr(extracted, attr, None) for name, attr in
                            (("title", "title"), ("url", "url"), ("outlet", "sitename"), ("published", "date"))}
    sidecar = _sidecar(path)
    if isinstance(sidecar, InputError):
        return sidecar
    meta.update({k: v for k, v in sidecar.items() if v is not None})
    return _checked(text, meta, source=str(path), default_id=path.stem, options=options)


def _checked(text: str, meta: dict[str, Any], *, source: str, default_id: str, options: ReadOptions,
             line: int | None = None) -> Item:
    """The document, once its text and publication date pass the checks."""
    if not text.strip():
        return InputError("E001", source=source, line=line)
    if len(text) > options.max_chars:
        return InputError("E004", f"{len(text):,} characters > {options.max_chars:,}", source=source, line=line)
    published = _publication_date(text, meta, options, source=source, line=line)
    if isinstance(published, InputError):
        return published
    extra = {k: v for k, v in meta.items()
             if k not in {"id", "text", "published", *_META_FIELDS} and v is not None}
    return Document(
        id=str(meta.get("id") or default_id),
        text=text,
        published=published,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        meta=extra,
        source=f"{source}:{line}" if line else source,
    )


def _publication_date(text: str, meta: dict[str, Any], options: ReadOptions, *, source: str,
                      line: int | None) -> str | InputError:
    """Metadata first, then the user's ``--published``, then a full date in the text's dateline:
    an explicit word (the document's own, then the user's) beats our reading of the text."""
    given = meta.get("published") or meta.get("date")
    if given:
        parsed = parse_date(str(given))
        if parsed is None:
            return InputError("E011", repr(given), source=source, line=line)
        return parsed
    if options.published:
        return options.published
    found = date_from_text(text)
    if found:
        return found
    return InputError("E010", source=source, line=line)
