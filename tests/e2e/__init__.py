"""End-to-end journeys in Debian's Chromium against a live server."""
