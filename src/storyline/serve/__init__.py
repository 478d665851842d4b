"""serve stage of storyline."""
