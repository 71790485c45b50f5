"""Suggested splits of a package into points, from its text and its attached DOCX, ODT and PDF files."""
from proposals.core.splitting.attachment import attachment_text
from proposals.core.splitting.errors import ExtractionError
from proposals.core.splitting.proposal import suggestions_for
from proposals.core.splitting.suggest import Suggestion, suggest_points

__all__ = ["ExtractionError", "Suggestion", "attachment_text", "suggest_points", "suggestions_for"]
