"""store stage of storyline."""
