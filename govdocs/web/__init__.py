"""The public archive on the web: Datasette plus the govdocs plugin."""
