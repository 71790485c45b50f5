"""Kazakh date and number formats."""
