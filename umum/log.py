"""Structured logs: one JSON object per line with the request id, and the middleware that gives every request
an id (the `X-Request-ID` the reverse proxy sent, e.g. nginx's `$request_id`, else a new one) and returns it in
the response's `X-Request-ID` header, so a user's report of a failure can be found in the logs."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.core.signals import request_finished
from django.dispatch import receiver

id_permintaan: contextvars.ContextVar[str] = contextvars.ContextVar("id_permintaan", default="-")
_ID_SAH = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
HEADER = "X-Request-ID"


class IdPermintaanMiddleware:
    """First in MIDDLEWARE: every log line of the request carries its id (`SaringIdPermintaan`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        masuk = request.headers.get(HEADER, "")
        nilai = masuk if _ID_SAH.match(masuk) else uuid.uuid4().hex
        request.id_permintaan = nilai
        # Kept until the response is closed (request_finished): Django logs a 4xx/5xx after the middleware.
        id_permintaan.set(nilai)
        response = self.get_response(request)
        response[HEADER] = nilai
        return response


@receiver(request_finished, dispatch_uid="sakip-id-permintaan-selesai")
def _lepas_id(sender, **kwargs):
    id_permintaan.set("-")


class SaringIdPermintaan(logging.Filter):
    """Adds `request_id` to every record (a logging filter on the handler)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = id_permintaan.get()
        return True


class FormatJSON(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id, and the exception;
    extra fields given with `extra=` that are JSON values are kept."""

    _BAWAAN = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}

    def format(self, record):
        data = {
            "waktu": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pesan": record.getMessage(),
            "request_id": getattr(record, "request_id", id_permintaan.get()),
        }
        for kunci, nilai in vars(record).items():
            if kunci not in self._BAWAAN and isinstance(nilai, str | int | float | bool | None):
                data[kunci] = nilai
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)
