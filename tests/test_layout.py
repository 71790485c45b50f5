"""The rooms of proposals/: imports point down (the core uses no other room; the product never uses tooling)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ABOVE_CORE = ("site", "console", "api", "tooling")
PRODUCT = ("core", "site", "console", "api")


def modules(*folders):
    """The Python files under ``folders`` (relative to the project root)."""
    paths = (path for folder in folders for path in (ROOT / folder).rglob("*.py"))
    return sorted(path for path in paths if "__pycache__" not in path.parts)


def dotted(path):
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def imported(source, package):
    """Every module name ``source`` imports, relative imports resolved against ``package``.

    ``from a import b`` gives "a" and "a.b" (b may be a module); ``importlib.import_module("a.b")`` gives "a.b".
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


def imports_of(path):
    return set(imported(path.read_text(encoding="utf-8"), ".".join(path.parent.relative_to(ROOT).parts)))


def into(name, rooms):
    return any(name == f"proposals.{room}" or name.startswith(f"proposals.{room}.") for room in rooms)


def offences(paths, rooms):
    return sorted(f"{dotted(path)} imports {name}" for path in paths for name in imports_of(path) if into(name, rooms))


def test_the_core_imports_none_of_the_rooms_above_it():
    core = modules("proposals/core")
    assert len(core) > 20  # the core is where this test looks for it
    assert offences(core, ABOVE_CORE) == []


def test_nothing_in_the_product_imports_the_tooling():
    product = modules(*(f"proposals/{room}" for room in PRODUCT), "parlreform") + [ROOT / "proposals" / "__init__.py"]
    assert all(modules(f"proposals/{room}") for room in PRODUCT)
    assert offences(product, ["tooling"]) == []


def test_the_core_app_keeps_the_label_tables_and_migrations_of_the_proposals_app():
    # An existing database keeps working unmigrated: same app label, table names, migration names, permissions.
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    config = apps.get_app_config("proposals")
    assert config.name == "proposals.core"
    assert config.get_model("Proposal")._meta.db_table == "proposals_proposal"
    assert MigrationLoader.migrations_module("proposals") == ("proposals.core.migrations", False)
