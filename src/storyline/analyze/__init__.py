"""Per-document analysis: a pure function of text + publication date + metadata."""

from storyline.analyze.pipeline import (
    analyze,
    analyze_documents,
    analyze_stream,
    build_pipeline,
    get_pipeline,
    result_record,
)

__all__ = ["analyze", "analyze_documents", "analyze_stream", "build_pipeline", "get_pipeline", "result_record"]
