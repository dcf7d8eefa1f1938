"""The RQ task backend end to end (CI's RQ leg: SAKIP_TUGAS_BACKEND=rq on PostgreSQL with the Redis at
127.0.0.1:6379): the web request puts the report render and the IKU decree on the RQ queue, a real
`manage.py rqworker --burst` process renders them into private storage, and the files download as PDFs.

Skipped unless the RQ backend is configured, its Redis answers and the test database is PostgreSQL (the worker is
another process and must see the committed data)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from indikator.enums import Peran
from laporan.models import BerkasLaporan
from tests.conftest import backend_rq
from tests.laporan.conftest import buat_unit_kecil
from tests.pabrik import buat_pengguna

AKAR = Path(__file__).resolve().parents[1]
HTMX = {"HTTP_HX_REQUEST": "true"}


def _redis_hidup() -> bool:
    alamat = urllib.parse.urlsplit(getattr(settings, "SAKIP_RQ_URL", "") or "redis://127.0.0.1:6379/0")
    try:
        with socket.create_connection((alamat.hostname, alamat.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.tugas,
    pytest.mark.skipif(not backend_rq(), reason="backend tugas bukan RQ (SAKIP_TUGAS_BACKEND=rq)"),
    pytest.mark.skipif(backend_rq() and not _redis_hidup(), reason="Redis antrean RQ tidak menjawab"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pekerja RQ terpisah butuh basis data PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _url_basis_data() -> str:
    d = connection.settings_dict
    pengguna = urllib.parse.quote(d["USER"] or "")
    sandi = f":{urllib.parse.quote(d['PASSWORD'])}" if d.get("PASSWORD") else ""
    return f"postgres://{pengguna}{sandi}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def test_pekerja_rq_merender_laporan_dan_keputusan_iku(client, settings, tmp_path):
    import django_rq

    antrean = django_rq.get_queue("default")
    antrean.empty()
    settings.SAKIP_PRIVATE_ROOT = tmp_path / "privat"
    unit = buat_unit_kecil("unit-rq", 2)
    client.force_login(buat_pengguna("perencana-rq", Peran.PERENCANA, unit))
    assert client.post(reverse("laporan:pdf", args=[unit.slug, 2018]), **HTMX).status_code == 200
    assert client.post(reverse("kerja:keputusan_iku_pdf", args=[unit.slug, 2018]), **HTMX).status_code == 200
    assert set(BerkasLaporan.objects.values_list("status", flat=True)) == {"antri"}
    assert antrean.count == 2  # on the Redis queue, not run

    env = {
        **os.environ,
        "SAKIP_TESTING": "1",
        "DATABASE_URL": _url_basis_data(),
        "SAKIP_TUGAS_BACKEND": "rq",
        "SAKIP_RQ_URL": settings.SAKIP_RQ_URL,
        "SAKIP_PRIVATE_ROOT": str(settings.SAKIP_PRIVATE_ROOT),
    }
    pekerja = subprocess.run(
        [sys.executable, "manage.py", "rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job"],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert pekerja.returncode == 0, pekerja.stderr[-3000:]
    assert antrean.count == 0
    for berkas in BerkasLaporan.objects.order_by("pk"):
        assert berkas.status == "selesai", berkas.alasan
        r = client.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
        assert r.status_code == 200 and b"".join(r.streaming_content)[:4] == b"%PDF"
    assert sorted(BerkasLaporan.objects.values_list("jenis", flat=True)) == ["iku", "laporan"]
