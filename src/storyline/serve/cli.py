"""The ``storyline`` command: a thin shell over :mod:`storyline.ledger` and :mod:`storyline.analyze`.

Each command parses its options, calls one library function and formats the result. Errors are
printed one line per bad item (``[E0xx] source:line: reason``), a summary closes the run, and the
exit code is 1 when anything failed.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from storyline import __version__
from storyline.errors import StorylineError, UsageError
from storyline.ingest import ReadOptions
from storyline.ingest.sources import DEFAULT_MAX_CHARS
from storyline.model import Analysis
from storyline.store import DEFAULT_DB, Filters, Row

F = TypeVar("F", bound=Callable[..., Any])
err = Console(stderr=True, highlight=False, soft_wrap=True)
# Piped output (make demo, scripts) gets room for a table's id and date columns; a terminal or
# $COLUMNS decides otherwise.
out = Console(highlight=False, soft_wrap=True,
              width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160)


def db_option(func: F) -> F:
    return click.option("--db", default=DEFAULT_DB, show_default=True, envvar="STORYLINE_DB",
                        help="SQLite file of the ledger (env STORYLINE_DB).")(func)


_FILTER_OPTIONS: dict[str, Callable[[F], F]] = {
    "speaker": click.option("--speaker", help="Only statements whose speaker (for events: whose source) "
                                              "contains this text, any case."),
    "type": click.option("--type", "type_", help="Only this event type (ASSAULT …) or conflict kind "
                                                 "(contradiction, correction, dispute)."),
    "since": click.option("--since", help="Only from this date on (YYYY-MM-DD, inclusive)."),
    "until": click.option("--until", help="Only up to this date (YYYY-MM-DD, inclusive)."),
    "doc": click.option("--doc", help="Only this document id."),
    "limit": click.option("--limit", type=int, help="At most this many rows."),
    "json": click.option("--json", "as_json", is_flag=True, help="Print JSON (one array) instead of a table."),
}


def filter_options(*names: str) -> Callable[[F], F]:
    """The listing options named (all of them by default), in a stable order."""
    chosen = names or tuple(_FILTER_OPTIONS)

    def decorate(func: F) -> F:
        for name in reversed(chosen):
            func = _FILTER_OPTIONS[name](func)
        return func

    return decorate


def _filters(speaker: str | None, type_: str | None, since: str | None, until: str | None, doc: str | None,
             limit: int | None) -> Filters:
    for name, value in (("--since", since), ("--until", until)):
        if value is not None:
            _check_date(value, name)
    return Filters(speaker=speaker, type=type_, since=since, until=until, doc=doc, limit=limit)


def _check_date(value: str, option: str) -> str:
    from storyline.ingest.dates import parse_date

    parsed = parse_date(value)
    if parsed is None or len(value.strip()) < 10:
        raise UsageError("E040", f"{option} {value!r}: expected YYYY-MM-DD")
    return parsed


@contextmanager
def _errors_as_exit() -> Iterator[None]:
    """A StorylineError that ends a command prints its coded line and exits 1 (2 for usage)."""
    try:
        yield
    except StorylineError as exc:
        err.print(exc.render(), markup=False)
        sys.exit(2 if isinstance(exc, UsageError) else 1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def cli() -> None:
    """storyline: a sourced, time-resolved ledger of who did what to whom, and who said what, when.

    Analyse news text into times, entities, quotes, events and conflicts (`analyze`), or keep them in
    a SQLite ledger (`ingest`) and query it (`show`, `quotes`, `events`, `conflicts`, `search`,
    `export`, `stats`).
    """


# -- analyze -------------------------------------------------------------------------------------

@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--published", help="Publication date (YYYY-MM-DD) when the input gives none.")
@click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False, allow_dash=True),
              help="Analyse a JSONL file ('-' for stdin) of {id, text, published, …}: one result per line.")
@click.option("--id", "doc_id", help="Document id for FILE (default: the file name).")
@click.option("--pretty", is_flag=True, help="Indent the JSON of a single document.")
@click.option("--batch-size", default=16, show_default=True, help="Documents per spaCy batch.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=0),
              help="Processes for the analysis (0: one per core); pays off from a few dozen documents.")
def analyze(file: str | None, published: str | None, jsonl: str | None, doc_id: str | None, pretty: bool,
            batch_size: int, workers: int) -> None:
    """Analyse documents without a database: the analysis contract (JSON) on stdout.

    FILE is a .txt/.md/.html/.json file or '-' for text on stdin; with --jsonl each input line
    gives one output line, in the same order (a bad line gives {"schema", "error"}).
    """
    from storyline.analyze import analyze_stream, result_record
    from storyline.ingest import read_file, read_stream

    with _errors_as_exit():
        if (file is None) == (jsonl is None):
            raise UsageError("E040", "give either FILE or --jsonl")
        options = ReadOptions(published=_check_date(published, "--published") if published else None)
        source = jsonl if jsonl is not None else file
        assert source is not None
        items = read_stream(sys.stdin, "-", options) if source == "-" else read_file(Path(source), options)
        failed = 0
        for result in analyze_stream(items, batch_size=batch_size, workers=workers):
            if isinstance(result, StorylineError):
                failed += 1
                err.print(result.render(), markup=False)
                if jsonl is not None:  # keep output line n for input line n
                    sys.stdout.write(json.dumps(result_record(result)) + "\n")
                continue
            if doc_id and jsonl is None:
                result.document.id = doc_id
            indent = 2 if pretty and jsonl is None else None
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n")
        if failed:
            err.print(f"{failed} document(s) failed", markup=False)
            sys.exit(1)


# -- ingest --------------------------------------------------------------------------------------

class RateColumn(ProgressColumn):
    """Documents per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:5.1f} docs/s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True), metavar="PATHS...")
@db_option
@click.option("--published", help="Publication date (YYYY-MM-DD) for items whose metadata gives none.")
@click.option("--max-chars", default=DEFAULT_MAX_CHARS, show_default=True,
              help="Refuse documents longer than this (E004).")
@click.option("--batch-size", default=16, show_default=True, help="Documents per spaCy batch.")
@click.option("--no-resolve", is_flag=True, help="Skip the cross-document conflict pass after storing.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=0),
              help="Processes for the analysis (0: one per core); pays off from a few dozen documents.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the summary.")
def ingest(paths: tuple[str, ...], db: str, published: str | None, max_chars: int, batch_size: int,
           no_resolve: bool, workers: int, quiet: bool) -> None:
    """Read, analyse and store documents: files (.txt .md .html .json .jsonl), directories
    (recursively) or '-' for stdin. Re-ingesting the same texts stores nothing twice."""
    from storyline.ledger import ItemOutcome, Ledger

    with _errors_as_exit():
        options = ReadOptions(published=_check_date(published, "--published") if published else None,
                              max_chars=max_chars)
        started = time.perf_counter()
        with Ledger(db) as ledger, _progress(quiet) as advance:
            def on_item(outcome: ItemOutcome) -> None:
                if outcome.error is not None:
                    err.print(outcome.error.render(), markup=False)
                advance()

            report = ledger.ingest(paths, options=options, batch_size=batch_size, resolve=not no_resolve,
                                   progress=on_item, workers=workers)
        seconds = time.perf_counter() - started
        done = len(report.added) + len(report.duplicates)
        rate = f" in {seconds:.1f} s ({done / seconds:.1f} docs/s)" if seconds > 0 else ""
        err.print(f"{report.summary()}{rate} → {db}", markup=False)
        if not report.ok:
            sys.exit(1)


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress bar with docs/s, shown only once a run has lasted more than a second."""
    started = time.perf_counter()
    bar: Progress | None = None
    task = None
    count = 0

    def advance() -> None:
        nonlocal bar, task, count
        count += 1
        if quiet or not err.is_terminal:
            return
        if bar is None and time.perf_counter() - started > 1.0:
            bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), RateColumn(),
                           TimeElapsedColumn(), console=err, transient=True)
            bar.start()
            task = bar.add_task("ingest", total=None, completed=count)
        elif bar is not None and task is not None:
            bar.update(task, completed=count)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.stop()


# -- queries -------------------------------------------------------------------------------------

def _open(db: str) -> Any:
    from storyline.store import open_store

    if db != ":memory:" and not Path(db).exists():
        raise StorylineError("E030", f"{db} does not exist; run 'storyline ingest' first")
    return open_store(db)


def _print_rows(rows: list[Row], columns: list[tuple[str, str]], as_json: bool, title: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(title=f"{title} ({len(rows)})", show_lines=False, expand=False)
    for key, header in columns:
        # identifiers, dates and counts stay on one line; free text folds
        short = key in _SHORT_COLUMNS or all(isinstance(row.get(key), int | float | None) for row in rows)
        table.add_column(header, overflow="fold", no_wrap=short)
    for row in rows:
        table.add_row(*[_cell(row.get(key)) for key, _ in columns])
    out.print(table)


_SHORT_COLUMNS = frozenset({"id", "doc_id", "published", "said_on", "date", "type", "kind", "hit", "quote_id"})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value)


@cli.command()
@filter_options("since", "until", "doc", "limit", "json")
@db_option
def documents(since: str | None, until: str | None, doc: str | None, limit: int | None, as_json: bool,
              db: str) -> None:
    """List stored documents with how many quotes, events, times, entities and conflicts each has
    (--since/--until apply to the publication date)."""
    with _errors_as_exit(), _open(db) as store:
        rows = store.documents(_filters(None, None, since, until, doc, limit))
        _print_rows(rows, [("id", "document"), ("published", "published"), ("outlet", "outlet"),
                           ("quotes", "quotes"), ("events", "events"), ("times", "times"),
                           ("entities", "entities"), ("conflicts", "conflicts")], as_json, "documents")


@cli.command()
@filter_options("speaker", "since", "until", "doc", "limit", "json")
@db_option
def quotes(speaker: str | None, since: str | None, until: str | None, doc: str | None, limit: int | None,
           as_json: bool, db: str) -> None:
    """List statements: who said what, when (--since/--until apply to the date said)."""
    with _errors_as_exit(), _open(db) as store:
        rows = store.quotes(_filters(speaker, None, since, until, doc, limit))
        _print_rows(rows, [("said_on", "said on"), ("speaker_name", "speaker"), ("speaker_code", "code"),
                           ("kind", "kind"), ("content", "statement"), ("doc_id", "document"), ("id", "id")],
                    as_json, "quotes")


@cli.command()
@filter_options()
@db_option
def events(speaker: str | None, type_: str | None, since: str | None, until: str | None, doc: str | None,
           limit: int | None, as_json: bool, db: str) -> None:
    """List PLOVER events: who did what to whom, where and when (--speaker matches the source)."""
    with _errors_as_exit(), _open(db) as store:
        rows = store.events(_filters(speaker, type_, since, until, doc, limit))
        _print_rows(rows, [("date", "date"), ("type", "type"), ("mode", "mode"), ("source_name", "source"),
                           ("source_code", "src code"), ("target_name", "target"), ("target_code", "tgt code"),
                           ("location_name", "where"), ("fatalities", "killed"), ("negated", "neg"),
                           ("text", "trigger"), ("doc_id", "document")], as_json, "events")


@cli.command()
@filter_options()
@db_option
def conflicts(speaker: str | None, type_: str | None, since: str | None, until: str | None, doc: str | None,
              limit: int | None, as_json: bool, db: str) -> None:
    """List conflicting accounts and corrections, both sides with speaker, date and document."""
    with _errors_as_exit(), _open(db) as store:
        rows = store.conflicts(_filters(speaker, type_, since, until, doc, limit))
        if as_json:
            _print_rows(rows, [], True, "conflicts")
            return
        out.print(f"[bold]conflicts ({len(rows)})[/bold]")
        for row in rows:
            out.print(f"\n[bold]{row['kind']}[/bold] ({row['scope']}): {row['reason']}", markup=True)
            for side in ("a", "b"):
                out.print(f"  {side}. {row[side + '_said_on'] or '?'}  {row[side + '_speaker'] or '?'}: "
                          f"“{row[side + '_content'] or ''}”  [{row[side + '_doc']} {row[side]}]", markup=False)


@cli.command()
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored analysis (the contract JSON).")
def show(doc_id: str, db: str, as_json: bool) -> None:
    """Show one document with its quotes, events, times and conflicts."""
    with _errors_as_exit(), _open(db) as store:
        analysis = store.get(doc_id)
        if as_json:
            sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
            return
        conflicts_rows = store.conflicts(Filters(doc=doc_id))
        out.print(format_analysis(analysis, conflicts_rows), markup=False)


def format_analysis(analysis: Analysis, conflict_rows: list[Row] | None = None) -> str:
    """A readable account of one analysis (used by ``show`` and ``make demo``)."""
    d = analysis.document
    lines = [f"{d.id} · published {d.published}" + (f" · {d.outlet}" if d.outlet else "")
             + (f" · {d.title}" if d.title else "")]
    lines.append(f"\nquotes ({len(analysis.quotes)})")
    for q in analysis.quotes:
        sp = q.speaker
        who = sp.name if sp else "?"
        extra = ", ".join(x for x in ((sp.role if sp else None), (sp.code if sp else None)) if x)
        when = f"{q.said_on}" + (" (publication date)" if q.said_on_from == "publication" else "")
        lines.append(f"  {q.id} [{q.kind}] {who}{f' ({extra})' if extra else ''}, said {when}:")
        lines.append(f"      “{q.content}”")
    lines.append(f"\nevents ({len(analysis.events)})")
    for e in analysis.events:
        flags = [f for f, on in (("negated", e.negated), ("hypothetical", e.hypothetical),
                                 ("background", e.background)) if on]
        src = f"{e.source.name} [{e.source.code}]" if e.source else "?"
        tgt = f"{e.target.name} [{e.target.code}]" if e.target else "?"
        where = f" in {e.location.name}" if e.location else ""
        killed = f", {e.fatalities} killed" if e.fatalities is not None else ""
        date = f"{e.date}" + (" (publication date)" if e.date_from == "publication" else "")
        mode = f" ({e.mode})" if e.mode else ""
        lines.append(f"  {e.id} {e.type}{mode}: {src} → {tgt}{where}, {date}{killed}"
                     f"{' [' + ', '.join(flags) + ']' if flags else ''}  «{e.text}»")
    lines.append(f"\ntimes ({len(analysis.times)})")
    for t in analysis.times:
        mod = f" {t.mod}" if t.mod else ""
        rng = f" [{t.range_from} … {t.range_to}]" if t.range_from or t.range_to else ""
        lines.append(f"  {t.text!r} → {t.type} {t.value}{mod}{rng}")
    rows = conflict_rows if conflict_rows is not None else [
        {"kind": c.kind, "reason": c.reason, "a": c.a, "b": c.b, "a_doc": c.a_doc or d.id, "b_doc": c.b_doc or d.id}
        for c in analysis.conflicts]
    lines.append(f"\nconflicts ({len(rows)})")
    for c in rows:
        lines.append(f"  {c['kind']}: {c['a_doc']}/{c['a']} ↔ {c['b_doc']}/{c['b']}: {c['reason']}")
    return "\n".join(lines)


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, help="At most this many hits of each kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def search(query: str, db: str, limit: int, as_json: bool) -> None:
    """Full-text search (SQLite FTS5 syntax) over document texts and quotes."""
    with _errors_as_exit(), _open(db) as store:
        rows = store.search(query, limit)
        _print_rows(rows, [("hit", "hit"), ("doc_id", "document"), ("quote_id", "quote"),
                           ("published", "date"), ("snippet", "text")], as_json, "hits")


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str, as_json: bool) -> None:
    """Counts of what the ledger holds."""
    with _errors_as_exit(), _open(db) as store:
        counts = store.stats()
        if as_json:
            sys.stdout.write(json.dumps(counts) + "\n")
            return
        for name, value in counts.items():
            out.print(f"{name:<10} {value:>8}", markup=False)


EXPORT_TABLES = ("documents", "quotes", "events", "times", "entities", "conflicts")


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "plover", "gdelt"]), default="jsonl",
              show_default=True,
              help="jsonl: one analysis (the contract) per document; csv: one table; plover: PLOVER-style event "
                   "JSON lines; gdelt: GDELT-like event TSV.")
@click.option("--table", type=click.Choice(EXPORT_TABLES), default="quotes", show_default=True,
              help="The table written by --format csv.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file ('-' for stdout).")
def export(db: str, fmt: str, table: str, out_path: str) -> None:
    """Export the ledger: analyses as JSONL, a table as CSV, or events as PLOVER JSON / GDELT-like TSV."""
    with _errors_as_exit(), _open(db) as store, _output(out_path) as handle:
        if fmt == "jsonl":
            for analysis in store.analyses():
                handle.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            rows = getattr(store, table)()
            if rows:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        else:
            _export_events(store, fmt, handle)


def _export_events(store: Any, fmt: str, handle: IO[str]) -> None:
    from storyline.serve.event_exports import GDELT_FIELDS, to_gdelt_row, to_plover

    if fmt == "gdelt":
        handle.write("\t".join(GDELT_FIELDS) + "\n")
    for analysis in store.analyses():
        for event in analysis.events:
            if fmt == "plover":
                handle.write(json.dumps(to_plover(event, analysis.document), ensure_ascii=False) + "\n")
            else:
                handle.write("\t".join(to_gdelt_row(event, analysis.document)) + "\n")


@contextmanager
def _output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the analysis contract (storyline.analysis/1)."""
    from storyline.schema import schema_json

    sys.stdout.write(schema_json())


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
