"""Request guard: refuse oversized bodies before they are read (site.views.server_error answers database outages)."""
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse


class RequestSizeLimitMiddleware:
    """Every path has PARLREFORM_MAX_REQUEST_BYTES; the staff CSV import, for signed-in staff only, the larger limit.

    The size is the declared Content-Length. A body without one (chunked) is never read: Django reads
    exactly Content-Length bytes, none when it is missing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.PARLREFORM_MAX_REQUEST_BYTES and not (
            length <= settings.PARLREFORM_MAX_IMPORT_BYTES and self.is_staff_import(request)
        ):
            return render(request, "errors/413.html", self.limits(), status=413)
        return self.get_response(request)

    @staticmethod
    def limits():
        """The figures the 413 page names: what any request may carry, and the form's attachment limits."""
        megabyte = 1024 * 1024
        return {
            "request_mb": settings.PARLREFORM_MAX_REQUEST_BYTES // megabyte,
            "count": settings.PARLREFORM_MAX_ATTACHMENTS,
            "file_mb": settings.PARLREFORM_MAX_ATTACHMENT_BYTES // megabyte,
            "total_mb": settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES // megabyte,
        }

    @staticmethod
    def is_staff_import(request):
        from django.contrib import admin

        return request.path == reverse("admin:proposals_proposal_import") and admin.site.has_permission(request)
