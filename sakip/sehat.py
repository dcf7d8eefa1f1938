"""`/sehat/`: health of the parts a request needs (database, cache, task queue) for a load balancer or a
monitor. 200 when all answer; 503 naming the failed parts. No login, no data in the answer."""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as c:
        c.execute("SELECT 1")
        if c.fetchone()[0] != 1:
            raise RuntimeError("SELECT 1")


def _cache() -> None:
    kunci, nilai = f"sehat:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(kunci, nilai, 10)
    try:
        if cache.get(kunci) != nilai:
            raise RuntimeError("nilai cache tidak terbaca kembali")
    finally:
        cache.delete(kunci)


def _antrean_tugas() -> None:
    """The task backend loads; with the database backend its queue table answers."""
    try:
        from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    except ImportError:
        from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.exists()


PEMERIKSAAN = {"database": _database, "cache": _cache, "antrean_tugas": _antrean_tugas}


@never_cache
@require_GET
def sehat(request):
    hasil, gagal = {}, []
    for nama, periksa in PEMERIKSAAN.items():
        try:
            periksa()
            hasil[nama] = "ok"
        except Exception as e:  # any failure of a part is the answer, not an error page
            log.warning("Pemeriksaan kesehatan %s gagal: %s", nama, e)
            hasil[nama] = f"gagal: {type(e).__name__}"
            gagal.append(nama)
    return JsonResponse(
        {"status": "gagal" if gagal else "ok", "gagal": gagal, "bagian": hasil}, status=503 if gagal else 200
    )
