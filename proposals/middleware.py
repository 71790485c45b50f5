"""Request guard: refuse oversized bodies before anything reads them (views.server_error answers database outages)."""
from django.conf import settings
from django.shortcuts import render


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

