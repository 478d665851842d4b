"""The ledger: ingest → analyze → store → resolve, as one importable core.

The CLI (and later the HTTP API) only parse their input, call a function here and format the
result, so a notebook gets exactly what the shell gets::

    from storyline.ledger import Ledger
    with Ledger("storyline.db") as ledger:
        report = ledger.ingest(["articles/"])
        ledger.store.quotes()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.analyze import analyze_stream
from storyline.analyze.pipeline import DEFAULT_MODEL
from storyline.errors import StorylineError
from storyline.ingest import ReadOptions, read_paths
from storyline.model import Analysis, Document
from storyline.resolve import resolve_conflicts
from storyline.store import DEFAULT_DB, Store, open_store

#: Called after each input item with (documents done, the item's outcome).
Progress = Callable[["ItemOutcome"], None]


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """What became of one input item."""

    status: str  # "added" | "duplicate" | "error"
    doc_id: str | None = None
    error: StorylineError | None = None


@dataclass(slots=True)
class IngestReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[StorylineError] = field(default_factory=list)
    corpus_conflicts: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.duplicates)} duplicates skipped, "
                f"{len(self.errors)} failed; {self.corpus_conflicts} cross-document conflicts")


class Ledger:
    """A store plus the pipeline that fills it."""

    def __init__(self, db: str | Path = DEFAULT_DB, *, model: str = DEFAULT_MODEL) -> None:
        self.store: Store = open_store(db)
        self.model = model

    def ingest(self, paths: Iterable[str], *, options: ReadOptions = ReadOptions(), batch_size: int = 16,
               resolve: bool = True, progress: Progress | None = None, workers: int = 1) -> IngestReport:
        """Read, analyse and store every document under ``paths``; each bad item becomes a coded
        error in the report and the rest go on. Re-ingesting the same texts adds nothing.
        ``workers`` > 1 analyses in that many processes (0: one per core); this process stores."""
        return self.ingest_items(read_paths(paths, options), batch_size=batch_size, resolve=resolve,
                                 progress=progress, workers=workers)

    def ingest_items(self, items: Iterable[Document | StorylineError], *, batch_size: int = 16,
                     resolve: bool = True, progress: Progress | None = None, workers: int = 1) -> IngestReport:
        report = IngestReport()
        analysed = analyze_stream(self._skip_known(items, report, progress), model=self.model,
                                  batch_size=batch_size, workers=workers)
        return self.store_analyses(analysed, resolve=resolve, progress=progress, report=report)

    def store_analyses(self, results: Iterable[Analysis | StorylineError], *, resolve: bool = True,
                       progress: Progress | None = None, report: IngestReport | None = None) -> IngestReport:
        """Store analyses made elsewhere (worker processes, a Dask cluster): each in one
        transaction, a text already stored counted as a duplicate, errors kept in the report."""
        report = report if report is not None else IngestReport()
        for result in results:
            if isinstance(result, StorylineError):
                outcome = ItemOutcome("error", error=result)
            else:
                added = self.store.add(result)
                outcome = ItemOutcome("added" if added.added else "duplicate", added.doc_id)
            if outcome.status == "added" and outcome.doc_id:
                report.added.append(outcome.doc_id)
            elif outcome.status == "duplicate" and outcome.doc_id:
                report.duplicates.append(outcome.doc_id)
            elif outcome.error:
                report.errors.append(outcome.error)
            if progress:
                progress(outcome)
        if resolve and report.added:
            report.corpus_conflicts = self.resolve()
        elif resolve:
            report.corpus_conflicts = self.store.stats()["corpus_conflicts"]
        return report

    def _skip_known(self, items: Iterable[Document | StorylineError], report: IngestReport,
                    progress: Progress | None) -> Iterator[Document | StorylineError]:
        """Drop texts already stored before the (costly) analysis: re-ingest is cheap and idempotent."""
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Document):
                sha = item.sha256
                known = self.store.has_text(sha) or (item.id if sha in seen else None)
                if known:
                    report.duplicates.append(known)
                    if progress:
                        progress(ItemOutcome("duplicate", known))
                    continue
                seen.add(sha)
            yield item

    def resolve(self) -> int:
        """Recompute the cross-document conflicts over everything stored; returns how many."""
        return self.store.replace_corpus_conflicts(resolve_conflicts(self.store.analyses()))

    def get(self, doc_id: str) -> Analysis:
        return self.store.get(doc_id)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
