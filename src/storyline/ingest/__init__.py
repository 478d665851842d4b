"""ingest stage of storyline."""
