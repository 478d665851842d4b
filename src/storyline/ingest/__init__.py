"""Ingest: documents and their metadata from files, directories, JSON/JSONL, HTML and stdin."""

from storyline.ingest.sources import ReadOptions, read_file, read_paths, read_records, read_stream

__all__ = ["ReadOptions", "read_file", "read_paths", "read_records", "read_stream"]
