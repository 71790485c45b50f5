"""The tooling's app: installed for its management commands (seed_demo, generate_proposals, benchmark, loadtest)."""
from django.apps import AppConfig


class ToolingConfig(AppConfig):
    name = "proposals.tooling"
    label = "proposals_tooling"
