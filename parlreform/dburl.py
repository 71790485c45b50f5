"""Turn a DATABASE_URL into a Django DATABASES entry (SQLite file when unset)."""
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


class DatabaseURLError(ValueError):
    """The DATABASE_URL cannot be understood."""


def parse_database_url(url, *, sqlite_path, statement_timeout_ms=0):
    """Return the settings dict for ``url``; an empty url means the SQLite file ``sqlite_path``.

    Raises DatabaseURLError for a scheme other than PostgreSQL or SQLite, or a
    PostgreSQL URL without a database name.
    """
    if not url:
        return _sqlite(Path(sqlite_path))
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute/path.db, as dj-database-url reads them.
        path = unquote(parts.path)[1:] if parts.path.startswith("/") else unquote(parts.path)
        return _sqlite(Path(path or sqlite_path))
    if scheme not in POSTGRES_SCHEMES:
        raise DatabaseURLError(f"Unsupported DATABASE_URL scheme {scheme!r}: use postgres:// or sqlite://")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise DatabaseURLError("DATABASE_URL names no database (postgres://user:password@host:port/NAME)")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if statement_timeout_ms:
        # One slow query must not hold a worker for ever.
        options["options"] = f"-c statement_timeout={int(statement_timeout_ms)}"
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": unquote(parts.hostname or ""),
        "PORT": str(parts.port or ""),
        "OPTIONS": options,
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def _sqlite(path):
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # IMMEDIATE takes the write lock when a transaction starts, so a
        # read-check-write inside transaction.atomic() is serialised as on PostgreSQL.
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
    }
