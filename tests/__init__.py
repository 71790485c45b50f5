"""The parlreform test suite (pytest-django)."""
