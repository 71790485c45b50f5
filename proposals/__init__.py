"""Proposals: submission, triage workflow and public register of reform proposals."""
