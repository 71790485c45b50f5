"""The project's own promises: the README's commands are the ones CI runs."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands():
    return re.findall(r"```(?:sh|bash|shell)?\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_opens_with_two_commands():
    commands = readme_commands()
    assert len(commands) >= 2
    assert "runserver" in commands[0] and "seed_demo" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^TEST_COMMAND='(.+)'$", ci, re.MULTILINE)
    assert match, "the test command is not defined in .ci/run"
    assert match.group(1) == readme_commands()[1]


def test_every_python_module_has_a_docstring():
    import ast

    missing = []
    for path in ROOT.glob("*/**/*.py"):
        if ".venv" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.stat().st_size and not ast.get_docstring(tree):
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_readme_lists_every_environment_variable():
    settings_source = (ROOT / "parlreform" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r"""(?:environ\.get|env_bool|env_list|env_int)\(\s*["']([A-Z_]+)["']""", settings_source))
    assert "DATABASE_URL" in names and "DJANGO_SECRET_KEY" in names
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(name for name in names if f"`{name}`" not in readme) == []


# Test runners, linters and the browser-test stack: installed for development, never in production.
DEVELOPMENT_TOOLS = {
    "pytest", "pytest-django", "hypothesis", "ruff", "playwright", "pytest-playwright", "axe-playwright-python",
    "greenlet", "python-slugify", "text-unidecode",
}


def requirement_lines(name):
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def requirement_names(name):
    return {re.split(r"[\[=<>!~; ]", line, maxsplit=1)[0].lower() for line in requirement_lines(name)
            if not line.startswith("-")}


def test_production_requirements_hold_no_test_or_development_tool():
    assert requirement_names("requirements.txt") & DEVELOPMENT_TOOLS == set()


def test_development_requirements_add_the_tools_to_the_production_set():
    assert requirement_lines("requirements-dev.txt")[0] == "-r requirements.txt"
    assert requirement_names("requirements-dev.txt") >= DEVELOPMENT_TOOLS
    assert requirement_names("requirements.txt") & requirement_names("requirements-dev.txt") == set()


def test_every_requirement_is_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        assert [line for line in requirement_lines(name) if not line.startswith("-") and "==" not in line] == []


def test_the_readme_test_command_installs_the_development_requirements():
    assert "-r requirements-dev.txt" in readme_commands()[1]
