"""Rate limits and one-time values, counted atomically in storage every process and host shares.

Each use is counted first and judged after (``hit``), so racing requests cannot all pass a check made before any
of them is recorded. The counter lives where the count can be incremented in one step: with Redis configured
(``REDIS_URL``), in the cache (``add`` then ``incr``, which is Redis's atomic INCR); otherwise in the RateCounter
table, with one ``INSERT … ON CONFLICT DO UPDATE SET uses = uses + 1 … RETURNING`` (PostgreSQL and SQLite 3.35+).
Django's database cache is not used for this: its ``incr`` reads the value and writes it back, so racing requests
lose counts. One-time values (``claim``) always use the table, to be claimed inside the transaction that uses them.
Windows are fixed; a new row or key carries its expiry, and each new row removes a bounded batch of expired ones.
Clients and other identities appear in keys only as keyed hashes.
"""
import contextlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils.crypto import salted_hmac

# Rows of expired windows removed by each new row: enough to keep up, few enough to stay cheap.
CLEANUP_BATCH = 200


def parse_rates(spec):
    """"5/600,20/86400" -> [(5, 600), (20, 86400)]."""
    rates = []
    for part in spec.split(","):
        if part.strip():
            count, seconds = part.strip().split("/")
            rates.append((int(count), int(seconds)))
    return rates


UNKNOWN_ADDRESS = "0.0.0.0"


def client_address(request):
    """The client's IP address: the entry our trusted proxies added to X-Forwarded-For, else the socket peer.

    Always a valid address (the lockout log stores it in an inet column): anything else becomes 0.0.0.0.
    """
    proxies = settings.PARLREFORM_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and _valid(forwarded[-proxies]):
            return forwarded[-proxies]
    address = request.META.get("REMOTE_ADDR", "")
    return address if _valid(address) else UNKNOWN_ADDRESS


def _valid(address):
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def hit(scope, request, spec, *, identity=None):
    """Count one use of ``scope`` in every window of ``spec``; True if this use is within all of them.

    ``identity`` is whose uses are counted: the client's address unless given (e.g. an email address).
    A refused use is taken back, so a burst refused by a short window does not use up a longer one.
    """
    who = _digest(client_address(request) if identity is None else identity)
    now = time.time()
    counted = []
    allowed = True
    for count, seconds in parse_rates(spec):
        window = int(now // seconds)
        key = f"{scope}:{seconds}:{window}:{who}"
        counted.append(key)
        if _count(key, expires=(window + 1) * seconds, now=now) > count:
            allowed = False
    if not allowed:
        for key in counted:
            _uncount(key)
    return allowed


def claim(scope, value, seconds):
    """True for the first claim of ``value`` in ``scope`` within ``seconds``; False for every later one.

    Always in the database table, Redis or not: called inside a transaction, the claim commits or rolls
    back with it (a proposal and the claim of its form), and a racing claim waits for that outcome.
    """
    key = f"{scope}:{_digest(value)}"
    now = int(time.time())
    if _count_in_table(key, expires=now + seconds, now=now) == 1:
        return True
    _uncount_in_table(key)
    return False


def _digest(value):
    return salted_hmac("proposals.ratelimit", str(value), algorithm="sha256").hexdigest()[:32]


def _in_redis():
    return settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def _count(key, *, expires, now):
    """Add one use to ``key`` (a fresh count if it expired by ``now``); the count after this use."""
    if _in_redis():
        return _count_in_cache(f"rl:{key}", timeout=max(int(expires - now), 0) + 1)
    return _count_in_table(key, expires=expires, now=int(now))


def _uncount(key):
    if _in_redis():
        # A key that expired meanwhile has nothing left to take back.
        with contextlib.suppress(ValueError):
            cache.decr(f"rl:{key}")
        return
    _uncount_in_table(key)


def _uncount_in_table(key):
    from proposals.core.models import RateCounter

    RateCounter.objects.filter(key=key, uses__gt=0).update(uses=F("uses") - 1)


def _count_in_cache(key, timeout):
    for _attempt in range(3):
        cache.add(key, 0, timeout=timeout)
        try:
            return cache.incr(key)
        except ValueError:
            continue  # Expired between add and incr: add it again.
    raise RuntimeError(f"rate counter {key} kept expiring")


def _count_in_table(key, *, expires, now):
    from proposals.core.models import RateCounter

    table = connection.ops.quote_name(RateCounter._meta.db_table)
    key_column, uses, expiry = (connection.ops.quote_name(name) for name in ("key", "uses", "expires"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {uses}, {expiry}) VALUES (%s, 1, %s) "
            f"ON CONFLICT ({key_column}) DO UPDATE SET "
            f"{uses} = CASE WHEN {table}.{expiry} <= %s THEN 1 ELSE {table}.{uses} + 1 END, "
            f"{expiry} = CASE WHEN {table}.{expiry} <= %s THEN excluded.{expiry} ELSE {table}.{expiry} END "
            f"RETURNING {uses}",
            [key, expires, now, now],
        )
        uses_now = cursor.fetchone()[0]
        if uses_now == 1:
            # Skipping rows another request is already deleting keeps racing clean-ups from queueing.
            skip_locked = " FOR UPDATE SKIP LOCKED" if connection.features.has_select_for_update_skip_locked else ""
            cursor.execute(
                f"DELETE FROM {table} WHERE {key_column} IN "
                f"(SELECT {key_column} FROM {table} WHERE {expiry} <= %s LIMIT {CLEANUP_BATCH}{skip_locked})",
                [now],
            )
    return uses_now
