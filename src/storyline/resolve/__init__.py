"""resolve stage of storyline."""
