"""`/sehat/` (database, cache, task queue: 200, or 503 naming the failed part) and the JSON logs with the request
id returned in X-Request-ID."""

import io
import json
import logging
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse

from umum.log import FormatJSON, SaringIdPermintaan

pytestmark = pytest.mark.django_db


def test_sehat_200_semua_bagian_ok(client):
    r = client.get(reverse("sehat"))
    assert r.status_code == 200
    assert r.json() == {
        "status": "ok",
        "gagal": [],
        "bagian": {"database": "ok", "cache": "ok", "antrean_tugas": "ok"},
    }
    assert "no-cache" in r["Cache-Control"] or "no-store" in r["Cache-Control"]


def test_sehat_503_menyebut_cache_yang_mati(client):
    mati = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=mati):
        r = client.get(reverse("sehat"))
    assert r.status_code == 503
    data = r.json()
    assert data["status"] == "gagal" and data["gagal"] == ["cache"]
    assert data["bagian"]["database"] == "ok" and data["bagian"]["cache"].startswith("gagal")


def test_sehat_503_menyebut_database(client):
    with mock.patch("sakip.sehat.connection") as koneksi:
        koneksi.cursor.side_effect = RuntimeError("database tidak menjawab")
        r = client.get(reverse("sehat"))
    assert r.status_code == 503 and r.json()["gagal"] == ["database"]


def test_sehat_503_menyebut_antrean_tugas(client):
    with override_settings(TASKS={"default": {"BACKEND": "tidak.ada.Backend"}}):
        r = client.get(reverse("sehat"))
    assert r.status_code == 503 and r.json()["gagal"] == ["antrean_tugas"]


def test_antrean_database_diperiksa(client):
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        assert client.get(reverse("sehat")).status_code == 200
        with mock.patch("django_tasks_db.models.DBTaskResult.objects") as objek:
            objek.exists.side_effect = RuntimeError("tabel antrean hilang")
            r = client.get(reverse("sehat"))
    assert r.status_code == 503 and r.json()["gagal"] == ["antrean_tugas"]


def test_id_permintaan_dikembalikan_dan_dicatat_di_log_json(client):
    aliran = io.StringIO()
    penangan = logging.StreamHandler(aliran)
    penangan.addFilter(SaringIdPermintaan())
    penangan.setFormatter(FormatJSON())
    pencatat = logging.getLogger("django.request")
    pencatat.addHandler(penangan)
    try:
        r = client.get("/tidak-ada/", HTTP_X_REQUEST_ID="dari-nginx-12345")  # Django logs the 404 (WARNING)
        baru = client.get("/tidak-ada/", HTTP_X_REQUEST_ID="<script>")
    finally:
        pencatat.removeHandler(penangan)
    assert r.status_code == 404 and r["X-Request-ID"] == "dari-nginx-12345"
    # A malformed incoming id is replaced by a new one.
    assert len(baru["X-Request-ID"]) == 32 and baru["X-Request-ID"].isalnum()
    baris = [json.loads(b) for b in aliran.getvalue().splitlines()]
    assert [b["request_id"] for b in baris] == ["dari-nginx-12345", baru["X-Request-ID"]]
    assert baris[0]["level"] == "WARNING" and baris[0]["logger"] == "django.request"
    assert "Not Found: /tidak-ada/" in baris[0]["pesan"] and baris[0]["status_code"] == 404
    assert baris[0]["waktu"].endswith("+00:00")


def test_log_di_luar_permintaan_dan_pengecualian():
    rekaman = logging.LogRecord("sakip", logging.ERROR, __file__, 1, "gagal %s", ("x",), None)
    SaringIdPermintaan().filter(rekaman)
    try:
        raise ValueError("rusak")
    except ValueError:
        import sys

        rekaman.exc_info = sys.exc_info()
    data = json.loads(FormatJSON().format(rekaman))
    assert data["request_id"] == "-" and data["pesan"] == "gagal x" and "ValueError: rusak" in data["exc"]
