"""Per-client rate limits with fixed windows in the shared cache (database or Redis), not local memory."""
import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache


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


def _keys(scope, request, rates):
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    now = int(time.time())
    return [(f"rl:{scope}:{seconds}:{now // seconds}:{client}", count, seconds) for count, seconds in rates]


def is_limited(scope, request, spec):
    """True if the client has used up any of the windows in ``spec`` for ``scope``."""
    keys = _keys(scope, request, parse_rates(spec))
    values = cache.get_many([key for key, _count, _seconds in keys])
    return any(values.get(key, 0) >= count for key, count, _seconds in keys)


def record(scope, request, spec):
    """Count one use of ``scope`` by this client in every window."""
    for key, _count, seconds in _keys(scope, request, parse_rates(spec)):
        if not cache.add(key, 1, timeout=seconds + 1):
            try:
                cache.incr(key)
            except ValueError:
                # The window expired between add and incr.
                cache.add(key, 1, timeout=seconds + 1)
