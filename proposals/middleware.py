"""Request guards: refuse oversized bodies before anything reads them; a clear 503 page while the database is down."""
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.PARLREFORM_MAX_REQUEST_BYTES and not request.path.startswith("/admin/"):
            return render(request, "errors/413.html", status=413)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer 503 with a page that says so (nothing was saved)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.error("Database unavailable: %s", exception.__class__.__name__)
            response = render(request, "errors/503.html", status=503)
            response["Retry-After"] = "30"
            return response
        return None
