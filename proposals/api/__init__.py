"""Open data: the published register as JSON and CSV."""
