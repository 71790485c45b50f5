"""The one settings module: every deployment difference comes from environment variables."""
import os
import secrets
from pathlib import Path
from urllib.parse import quote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def database_from_url(url, *, sqlite_path, statement_timeout_ms=0):
    """The DATABASES entry for ``url`` (read by dj-database-url); an empty url means the SQLite file ``sqlite_path``.

    Only PostgreSQL and SQLite are supported (search, locks and indexes are written for them): any other database,
    a PostgreSQL URL without a database name, or a URL that cannot be read is refused at start.
    """
    try:
        config = dj_database_url.parse(url or f"sqlite:///{quote(str(sqlite_path))}")
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {error}") from error
    options = config.setdefault("OPTIONS", {})
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # IMMEDIATE takes the write lock when a transaction starts, so a
        # read-check-write inside transaction.atomic() is serialised as on PostgreSQL.
        options.update(transaction_mode="IMMEDIATE", timeout=20)
        return config
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must be postgres://user:password@host:port/NAME or sqlite:///PATH")
    if not config["NAME"]:
        raise ImproperlyConfigured("DATABASE_URL names no database (postgres://user:password@host:port/NAME)")
    if statement_timeout_ms:
        # One slow query must not hold a worker for ever.
        timeout = f"-c statement_timeout={int(statement_timeout_ms)}"
        options["options"] = f"{options['options']} {timeout}" if options.get("options") else timeout
    return {**config, "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}


PRODUCTION = os.environ.get("DJANGO_ENV", "").strip().lower() == "production"
DEBUG = env_bool("DJANGO_DEBUG") and not PRODUCTION


def installation_secret_key(path):
    """This installation's own development signing key, read from ``path`` or created there on first use.

    A key published with the code would let anyone sign sessions and status links for a site that runs
    without DJANGO_SECRET_KEY. The file (mode 0600, ignored by git) is written under another name and linked
    into place, so processes starting together (gunicorn's workers) all end up with the one key.
    """
    if not path.exists():
        draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        try:
            descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="ascii") as file:
                file.write(secrets.token_urlsafe(50) + "\n")
            try:
                os.link(draft, path)
            except FileExistsError:
                pass  # Another process got there first: use its key.
            finally:
                draft.unlink()
        except OSError as error:
            raise ImproperlyConfigured(
                f"Could not create the development secret key file {path} ({error.strerror}): "
                "make the folder writable or set DJANGO_SECRET_KEY."
            ) from error
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 50:
        raise ImproperlyConfigured(f"{path} does not hold a secret key: delete it and it is created again.")
    return key


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and not PRODUCTION:
    SECRET_KEY = installation_secret_key(BASE_DIR / ".secret_key")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver")

if PRODUCTION:
    # Refuse to start rather than run a public site with guessable signing keys.
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "DJANGO_ENV=production needs DJANGO_SECRET_KEY: a random string of at least 50 characters."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ENV=production needs DJANGO_ALLOWED_HOSTS (comma-separated host names).")

INSTALLED_APPS = [
    "proposals.console.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    # The rooms of proposals/ that Django must know (README, "Layout"); the core owns the models, under the app
    # label "proposals". The open-data room (proposals.api) has nothing for Django to discover.
    "proposals.core",
    "proposals.site",
    "proposals.console",
    "proposals.tooling",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, but open data's answers (their language is the lang parameter) do not vary on Accept-Language.
    "proposals.core.infra.http_cache.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After the user is known (the staff import may be larger); still before anything reads the body, which
    # only happens in views and in the CSRF check's process_view, after every middleware has been entered.
    "proposals.core.infra.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Static files straight from the app servers (hashed names, compressed, cached for ever).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

AUTHENTICATION_BACKENDS = [
    # Refuses logins while a username and address are locked out after repeated failures.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "parlreform.urls"
WSGI_APPLICATION = "parlreform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", ""),
        sqlite_path=BASE_DIR / "db.sqlite3",
        statement_timeout_ms=env_int("DJANGO_DB_STATEMENT_TIMEOUT_MS", 15000),
    )
}
# The covering indexes' extra columns serve PostgreSQL; SQLite builds the same indexes without them.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every worker process and host: rate limits must not live in local memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        # Rendered public pages (proposals.core.infra.http_cache): Redis's own memory limit and eviction bound them.
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                  "KEY_PREFIX": "pages"},
    }
else:
    # Django's default of 300 entries is too few for the cached public figures, counts and lists (Django counts the
    # table on each write, so not unbounded either). Rate-limit counters have their own table
    # (proposals.core.infra.ratelimit).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "parlreform_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        # Rendered public pages in a table of their own, bounded apart: every query string is its own page (junk
        # parameters too), and pages (tens of KB each) must not push the figures and counts out of the other.
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "parlreform_pages",
            "OPTIONS": {"MAX_ENTRIES": env_int("PARLREFORM_PAGE_CACHE_ENTRIES", 3_000)},
        },
    }
# Each process's own copy of the rendered public pages it served (proposals.core.infra.http_cache): keyed, as the
# shared page cache is, by the data versions, so never stale; about 300 pages of tens of KB per process.
CACHES["pages-local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "parlreform-pages",
    "OPTIONS": {"MAX_ENTRIES": env_int("PARLREFORM_LOCAL_PAGE_ENTRIES", 300)},
}
# Rendered HTML fragments, in each process: their keys name everything they show (query, language, choices,
# reference version), so one is never stale and a process that lacks one renders it again.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "parlreform-fragments",
    "TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 1_000},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "parlreform" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production serves hashed, compressed files through WhiteNoise (after collectstatic).
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Uploaded files live outside the static root and are never served by URL: staff download them through a view.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_PERMISSIONS = 0o640

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
FORMAT_MODULE_PATH = ["parlreform.formats"]

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if PRODUCTION and EMAIL_BACKEND.endswith("console.EmailBackend"):
    # The console backend would print every receipt, with its address and status link, into the logs.
    raise ImproperlyConfigured("DJANGO_ENV=production needs DJANGO_EMAIL_BACKEND (e.g. the SMTP backend).")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "parlreform <noreply@localhost>")
# Where replies to notifications go (empty: no Reply-To header, replies go to the sender).
PARLREFORM_EMAIL_REPLY_TO = env_list("DJANGO_EMAIL_REPLY_TO")
# A mail server that stops answering must not hold a worker: the attempt fails and is retried later.
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 30)

# Work outside the request (notifications) goes through Django's tasks API. "database": rows that
# `manage.py db_worker` runs (production, several workers); "immediate": in this process right after the commit
# (development's one command, no worker to start).
_task_backend = os.environ.get("DJANGO_TASK_BACKEND", "database" if PRODUCTION else "immediate").strip().lower()
if _task_backend not in ("database", "immediate"):
    raise ImproperlyConfigured(f"DJANGO_TASK_BACKEND must be database or immediate, not {_task_backend!r}")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if _task_backend == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}
# Delivery attempts of one message before it is marked failed (staff see it and may send it again), and the
# first wait before a retry (doubled after each failed attempt, at most a day).
PARLREFORM_NOTIFY_MAX_ATTEMPTS = env_int("PARLREFORM_NOTIFY_MAX_ATTEMPTS", 8)
PARLREFORM_NOTIFY_RETRY_SECONDS = env_int("PARLREFORM_NOTIFY_RETRY_SECONDS", 60)

CSRF_FAILURE_VIEW = "proposals.site.views.csrf_failure"
# No inline scripts or styles anywhere: the pages load their own files only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Staff sign in with a password and a code from an authenticator app (TOTP); on by default in production.
PARLREFORM_REQUIRE_2FA = env_bool("PARLREFORM_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = "parlreform"
# Repeated failed staff logins lock that username from that address out for a while; failures across
# usernames (password spraying) lock the address itself at a higher limit (proposals.console.lockout).
AXES_FAILURE_LIMIT = env_int("PARLREFORM_LOGIN_FAILURE_LIMIT", 5)
PARLREFORM_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("PARLREFORM_LOGIN_ADDRESS_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = env_int("PARLREFORM_LOGIN_LOCKOUT_MINUTES", 60) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "proposals.console.lockout.LockoutHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "errors/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "proposals.core.infra.ratelimit.client_address"
AXES_VERBOSE = False
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Tasks run in-process (the immediate backend) log two lines each, between a command's own lines; the database
    # worker logs them as usual.
    "loggers": {"django_tasks": {"level": "WARNING"}} if _task_backend == "immediate" else {},
}

# The public form's limits (shown to users before they hit them).
PARLREFORM_MAX_ATTACHMENTS = env_int("PARLREFORM_MAX_ATTACHMENTS", 5)
PARLREFORM_MAX_ATTACHMENT_BYTES = env_int("PARLREFORM_MAX_ATTACHMENT_MB", 10) * 1024 * 1024
PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES = env_int("PARLREFORM_MAX_TOTAL_ATTACHMENT_MB", 25) * 1024 * 1024
# Whole request bodies above this are refused before they are read (attachments plus the form itself), on
# every path; only signed-in staff may send the larger CSV import.
PARLREFORM_MAX_REQUEST_BYTES = PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES + 2 * 1024 * 1024
PARLREFORM_MAX_IMPORT_BYTES = env_int("PARLREFORM_MAX_IMPORT_MB", 50) * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = PARLREFORM_MAX_ATTACHMENTS + 5
# Reading an attachment's text for suggested points runs in a child process with these hard limits.
PARLREFORM_EXTRACT_SECONDS = env_int("PARLREFORM_EXTRACT_SECONDS", 10)
PARLREFORM_EXTRACT_MEMORY_MB = env_int("PARLREFORM_EXTRACT_MEMORY_MB", 512)
if PARLREFORM_EXTRACT_SECONDS < 1 or PARLREFORM_EXTRACT_MEMORY_MB < 64:
    raise ImproperlyConfigured(
        "PARLREFORM_EXTRACT_SECONDS must be at least 1 and PARLREFORM_EXTRACT_MEMORY_MB at least 64."
    )
# The console's confirmation of a bulk release names each selected proposal (up to 5,000); the request size
# limit above still bounds every body.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 6000
PARLREFORM_MIN_FILL_SECONDS = env_int("PARLREFORM_MIN_FILL_SECONDS", 3)
# Rate limits per client: "count/seconds" pairs, comma-separated. Proposals registered, and (a larger budget)
# every form sent, refused ones included, so that fixing a typo twice does not use up the proposals.
PARLREFORM_SUBMIT_RATE = os.environ.get("PARLREFORM_SUBMIT_RATE", "5/600,20/86400")
PARLREFORM_SUBMIT_ATTEMPT_RATE = os.environ.get("PARLREFORM_SUBMIT_ATTEMPT_RATE", "20/600,100/86400")
PARLREFORM_TRACK_RATE = os.environ.get("PARLREFORM_TRACK_RATE", "10/60")
# Whole-register CSV downloads per client (the heaviest public answer; conditional requests answered 304 are free).
PARLREFORM_CSV_RATE = os.environ.get("PARLREFORM_CSV_RATE", "30/3600")
# Receipt emails per recipient address (per UTC day by default); past it proposals are still registered.
PARLREFORM_RECEIPTS_PER_ADDRESS = os.environ.get("PARLREFORM_RECEIPTS_PER_ADDRESS", "3/86400")
# Number of reverse proxies in front of the app whose X-Forwarded-For we trust (0: use the socket address).
PARLREFORM_TRUSTED_PROXIES = env_int("DJANGO_TRUSTED_PROXIES", 0)
if PARLREFORM_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXIES must be 0 or more.")
if PRODUCTION and not os.environ.get("DJANGO_TRUSTED_PROXIES", "").strip():
    # Guessing 0 behind a proxy gives every client the proxy's address: one client's rate limit or login
    # lockout would stop everyone. Guessing more behind none would let clients forge their address.
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs DJANGO_TRUSTED_PROXIES: the number of reverse proxies in front of the app "
        "(0 if clients connect to it directly)."
    )
PARLREFORM_STATUS_LINK_DAYS = env_int("PARLREFORM_STATUS_LINK_DAYS", 365)
# How long submitting, a lookup or the email's link opens the receipt and status page in that browser session.
PARLREFORM_PUBLIC_ACCESS_MINUTES = env_int("PARLREFORM_PUBLIC_ACCESS_MINUTES", 60)


def site_url(value, *, https):
    """PARLREFORM_SITE_URL without its trailing slash, refused unless it is a bare origin (scheme, host, port)."""
    value = value.strip().rstrip("/")
    parts = urlsplit(value)
    try:
        valid_port = parts.port is None or parts.port > 0
    except ValueError:  # not a number, or out of range
        valid_port = False
    bare = parts.hostname and "@" not in parts.netloc and not any(mark in value for mark in "?#") and not parts.path
    if not (bare and valid_port and parts.scheme in (("https",) if https else ("http", "https"))):
        raise ImproperlyConfigured(
            f"PARLREFORM_SITE_URL must be the site's address{' with https' if https else ''} and nothing after the "
            f"host name and port, e.g. https://reform.example.kz, not {value!r}."
        )
    return value


# The site's public address for links that leave it (the receipt email, open data): never a request's Host
# header, whose port and any allowed host name an attacker chooses.
_site_url = os.environ.get("PARLREFORM_SITE_URL", "").strip()
if PRODUCTION and not _site_url:
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs PARLREFORM_SITE_URL: the site's public address, e.g. https://reform.example.kz."
    )
PARLREFORM_SITE_URL = site_url(_site_url or "http://127.0.0.1:8000", https=PRODUCTION)
# Public pages and open data (anonymous GETs): how long browsers may keep an answer, and how long shared caches may
# (a proxy or CDN in front, and the app's own page cache). Changes to public data show at once on this site (the
# cache is keyed by the data versions); a proxy in front may show an answer up to the longer time old.
PARLREFORM_PUBLIC_MAX_AGE = env_int("PARLREFORM_PUBLIC_MAX_AGE", 60)
PARLREFORM_PUBLIC_S_MAXAGE = env_int("PARLREFORM_PUBLIC_S_MAXAGE", 600)
# Whether the app keeps rendered public answers in its default cache (off: every request renders, e.g. to measure or
# profile the renders; the headers above are sent either way).
PARLREFORM_PAGE_CACHE = env_bool("PARLREFORM_PAGE_CACHE", True)
if PARLREFORM_PUBLIC_MAX_AGE < 0 or PARLREFORM_PUBLIC_S_MAXAGE < 0:
    raise ImproperlyConfigured("PARLREFORM_PUBLIC_MAX_AGE and PARLREFORM_PUBLIC_S_MAXAGE must be 0 or more seconds.")
# Submitters' personal data are removed this many months after the decision (manage.py anonymise_expired).
PARLREFORM_RETENTION_MONTHS = env_int("PARLREFORM_RETENTION_MONTHS", 24)

# Working-day deadlines of the appeals practice (DESIGN.md section 4).
PARLREFORM_ACKNOWLEDGE_WORKING_DAYS = env_int("PARLREFORM_ACKNOWLEDGE_WORKING_DAYS", 3)
PARLREFORM_DECIDE_WORKING_DAYS = env_int("PARLREFORM_DECIDE_WORKING_DAYS", 15)

# How long opening a proposal's console page for editing keeps it checked out to that person (renewed by each
# open and save; a lead can take it over sooner).
PARLREFORM_EDIT_LOCK_MINUTES = env_int("PARLREFORM_EDIT_LOCK_MINUTES", 15)
