"""Settings: DATABASE_URL parsing, and production mode refusing to start without its secrets."""
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from parlreform.settings import database_from_url

ROOT = Path(__file__).resolve().parent.parent
GOOD_SECRET = "k7#Qm2v9Lx4Zp8Rt1Wb6Yn3Hc5Jd0Fg-Sa7Ue2Io9Pl4Kj8Mh1Nb6"


def test_no_url_means_the_sqlite_file():
    config = database_from_url("", sqlite_path="/srv/db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/db.sqlite3"


def test_postgres_url_is_parsed_with_escapes_and_port():
    config = database_from_url(
        "postgres://reform%40kz:p%3Ass%2Fw@db.internal:6543/parlreform?sslmode=require",
        sqlite_path="unused",
        statement_timeout_ms=5000,
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["USER"], config["PASSWORD"]) == ("reform@kz", "p:ss/w")
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 6543, "parlreform")
    assert config["OPTIONS"]["sslmode"] == "require"
    assert config["OPTIONS"]["options"] == "-c statement_timeout=5000"
    assert config["CONN_HEALTH_CHECKS"] is True


def test_postgresql_scheme_without_port_or_password():
    config = database_from_url("postgresql://localhost/reform", sqlite_path="unused")
    assert (config["HOST"], config["PORT"], config["USER"], config["PASSWORD"]) == ("localhost", "", "", "")
    assert "options" not in config["OPTIONS"]


def test_sqlite_url_is_accepted():
    assert database_from_url("sqlite:////tmp/x.db", sqlite_path="unused")["NAME"] == "/tmp/x.db"


@pytest.mark.parametrize("url", ["", "sqlite:////tmp/x.db"])
def test_sqlite_transactions_take_the_write_lock_when_they_start(url):
    config = database_from_url(url, sqlite_path="/srv/db.sqlite3", statement_timeout_ms=5000)
    assert config["OPTIONS"] == {"transaction_mode": "IMMEDIATE", "timeout": 20}


def test_the_statement_timeout_keeps_a_search_path_named_in_the_url():
    config = database_from_url("postgres://db.internal/parlreform?currentSchema=reform", sqlite_path="unused",
                               statement_timeout_ms=5000)
    assert config["OPTIONS"]["options"] == "-c search_path=reform -c statement_timeout=5000"


@pytest.mark.parametrize("url", [
    "mysql://u:p@h/db", "postgres://localhost", "postgres://localhost/", "postgres://h:port/db", "oracle://h/db",
])
def test_bad_urls_are_refused_with_a_message(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url(url, sqlite_path="unused")


def start_django(setting="DEBUG", **env):
    """Import the settings in a fresh interpreter with ``env``; return (exit code, stdout and stderr).

    The last line printed is ``setting``'s value.
    """
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "PARLREFORM_"))}
    clean.update(env)
    script = f"import django; django.setup(); from django.conf import settings as s; print(s.{setting})"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT, env={**clean, "DJANGO_SETTINGS_MODULE": "parlreform.settings"},
        capture_output=True, text=True, timeout=60,
    )
    return result.returncode, result.stdout + result.stderr


# Everything production needs; each test below leaves one out or changes one.
PRODUCTION = {
    "DJANGO_ENV": "production", "DJANGO_SECRET_KEY": GOOD_SECRET, "DJANGO_ALLOWED_HOSTS": "reform.example.kz",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "PARLREFORM_SITE_URL": "https://reform.example.kz", "DJANGO_TRUSTED_PROXIES": "1",
}


def production_without(*names, **changes):
    return {**{k: v for k, v in PRODUCTION.items() if k not in names}, **changes}


def test_production_refuses_a_missing_secret_key():
    code, output = start_django(DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="reform.example.kz")
    assert code != 0 and "DJANGO_SECRET_KEY" in output


def test_production_refuses_a_short_secret_key():
    code, output = start_django(
        DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="reform.example.kz", DJANGO_SECRET_KEY="secret"
    )
    assert code != 0 and "DJANGO_SECRET_KEY" in output


def test_production_refuses_missing_allowed_hosts():
    code, output = start_django(DJANGO_ENV="production", DJANGO_SECRET_KEY=GOOD_SECRET)
    assert code != 0 and "DJANGO_ALLOWED_HOSTS" in output


def test_production_starts_with_its_secrets_and_never_debugs():
    code, output = start_django(**PRODUCTION, DJANGO_DEBUG="1")
    assert code == 0, output
    assert output.strip().endswith("False")


def test_production_refuses_a_missing_site_address():
    code, output = start_django(**production_without("PARLREFORM_SITE_URL"))
    assert code != 0 and "PARLREFORM_SITE_URL" in output


@pytest.mark.parametrize(
    "value",
    ["reform.example.kz", "http://reform.example.kz", "https://reform.example.kz/kk/", "https://u:p@reform.example.kz",
     "https://reform.example.kz?x=1", "https://"],
)
def test_production_refuses_a_site_address_that_is_not_an_https_origin(value):
    code, output = start_django(**production_without(PARLREFORM_SITE_URL=value))
    assert code != 0 and "PARLREFORM_SITE_URL" in output


def test_site_address_is_read_without_a_trailing_slash():
    code, output = start_django(
        "PARLREFORM_SITE_URL", **production_without(PARLREFORM_SITE_URL="https://reform.example.kz:8443/")
    )
    assert code == 0, output
    assert output.strip().splitlines()[-1] == "https://reform.example.kz:8443"


def test_development_links_point_at_the_local_server():
    code, output = start_django("PARLREFORM_SITE_URL")
    assert code == 0, output
    assert output.strip().splitlines()[-1] == "http://127.0.0.1:8000"


def test_production_refuses_to_guess_the_number_of_trusted_proxies():
    code, output = start_django(**production_without("DJANGO_TRUSTED_PROXIES"))
    assert code != 0 and "DJANGO_TRUSTED_PROXIES" in output


def test_production_accepts_zero_trusted_proxies_when_it_is_said():
    code, output = start_django("PARLREFORM_TRUSTED_PROXIES", **production_without(DJANGO_TRUSTED_PROXIES="0"))
    assert code == 0, output
    assert output.strip().splitlines()[-1] == "0"


def test_a_negative_number_of_trusted_proxies_is_refused():
    code, output = start_django(DJANGO_TRUSTED_PROXIES="-1")
    assert code != 0 and "DJANGO_TRUSTED_PROXIES" in output


@pytest.mark.parametrize(("value", "expected"), [("", "False"), ("0", "False"), ("1", "True"), ("true", "True")])
def test_debug_is_off_unless_set(value, expected):
    code, output = start_django(DJANGO_DEBUG=value)
    assert code == 0, output
    assert output.strip().endswith(expected)


def test_languages_time_zone_and_fixtures(settings):
    assert settings.LANGUAGE_CODE == "kk"
    assert [code for code, _name in settings.LANGUAGES] == ["kk", "ru", "en"]
    assert settings.TIME_ZONE == "Asia/Almaty"
    assert Path(settings.FIXTURE_DIRS[0]).name == "fixtures"
    assert Path(settings.STATIC_ROOT) != Path(settings.MEDIA_ROOT)
    assert not Path(settings.MEDIA_ROOT).is_relative_to(Path(settings.STATIC_ROOT))


def test_check_deploy_is_clean_in_production():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "PARLREFORM_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**clean, **PRODUCTION},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_console_email_backend():
    code, output = start_django(**production_without("DJANGO_EMAIL_BACKEND"))
    assert code != 0 and "DJANGO_EMAIL_BACKEND" in output


@pytest.mark.postgres
@pytest.mark.django_db
def test_migrate_lifts_the_web_statement_timeout_for_its_index_builds_and_restores_it():
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.signals import pre_migrate

    seen = []

    def during_migrate(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            seen.append(cursor.fetchone()[0])

    proposals_app = apps.get_app_config("proposals")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        before = cursor.fetchone()[0]
        # Connected after the app's own handler, so it runs once the timeout is lifted.
        pre_migrate.connect(during_migrate, sender=proposals_app)
        try:
            call_command("migrate", verbosity=0)
        finally:
            pre_migrate.disconnect(during_migrate, sender=proposals_app)
        cursor.execute("SHOW statement_timeout")
        after = cursor.fetchone()[0]

    assert seen == ["0"]
    assert after == before


# The development signing key: each installation's own, never a key published with the code.

PUBLISHED_DEVELOPMENT_KEY = "dev-only-insecure-key-never-use-in-production"


def fresh_install(folder):
    """A copy of the project's settings package in ``folder``, as a fresh clone has it (no key file)."""
    shutil.copytree(ROOT / "parlreform", folder / "parlreform", ignore=shutil.ignore_patterns("locale", "__pycache__"))
    return folder


def secret_key_of(install):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "PARLREFORM_"))}
    result = subprocess.run(
        [sys.executable, "-c", "import parlreform.settings as s; print(s.SECRET_KEY)"],
        cwd=install, env=clean, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_two_fresh_installations_sign_with_different_keys_of_their_own(tmp_path):
    first, second = fresh_install(tmp_path / "a"), fresh_install(tmp_path / "b")
    keys = [secret_key_of(first), secret_key_of(second)]
    assert keys[0] != keys[1] and PUBLISHED_DEVELOPMENT_KEY not in keys
    assert all(len(key) >= 50 for key in keys)
    assert secret_key_of(first) == keys[0]  # kept: sessions and signed links survive a restart
    key_file = first / ".secret_key"
    assert key_file.read_text().strip() == keys[0]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_processes_starting_together_in_a_fresh_installation_share_one_key(tmp_path):
    install = fresh_install(tmp_path / "workers")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "PARLREFORM_"))}
    workers = [
        subprocess.Popen([sys.executable, "-c", "import parlreform.settings as s; print(s.SECRET_KEY)"],
                         cwd=install, env=clean, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    keys = {worker.communicate(timeout=60)[0].strip() for worker in workers}
    assert len(keys) == 1 and PUBLISHED_DEVELOPMENT_KEY not in keys
    assert [path.name for path in install.iterdir() if path.name.startswith(".secret_key")] == [".secret_key"]


def test_the_published_development_key_is_gone(settings):
    assert settings.SECRET_KEY != PUBLISHED_DEVELOPMENT_KEY
    assert PUBLISHED_DEVELOPMENT_KEY not in (ROOT / "parlreform" / "settings.py").read_text()


def test_the_key_file_is_ignored_by_git():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run(["git", "check-ignore", "-q", ".secret_key"], cwd=ROOT, timeout=60)
    tracked = subprocess.run(["git", "ls-files", ".secret_key"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert ignored.returncode == 0 and tracked.stdout == ""


def test_production_never_reads_or_writes_the_key_file(tmp_path):
    install = fresh_install(tmp_path / "prod")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "PARLREFORM_"))}
    result = subprocess.run(
        [sys.executable, "-c", "import parlreform.settings"], cwd=install,
        env={**clean, **{k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr
    assert not (install / ".secret_key").exists()
