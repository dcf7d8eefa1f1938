"""Two instances, one database: two gunicorn instances on different loopback ports share the PostgreSQL test
database, the Redis cache and the private file storage. A session started on one is valid on the other, a report
file queued on one is seen queued on the other and, once the task worker stored it, downloads the same bytes from
both, and a period approved on one refuses an edit made on the other.

Runs where the test database is PostgreSQL (CI's PostgreSQL leg) and a Redis answers at SAKIP_TEST_REDIS_URL;
skipped otherwise. Every wait is bounded and the processes are stopped in any case."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from demo.skala import buat_data_skala
from indikator.enums import Peran, StatusPeriode
from indikator.models import Indikator, Keanggotaan, PeriodeUnit, Realisasi
from laporan.models import BerkasLaporan
from tests.pabrik import buat_pengguna

from .test_cache_bersama import REDIS_UJI, _redis_hidup

AKAR = Path(__file__).resolve().parents[2]
SANDI = "Sandi-uji-dua-instans-9"
BATAS_MULAI = 60  # seconds for an instance to answer /sehat/
BATAS_PERMINTAAN = 30

pytestmark = [
    pytest.mark.produksi,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="memakai PostgreSQL (jalur PostgreSQL di CI)"),
    pytest.mark.skipif(not _redis_hidup(), reason=f"Redis tidak menjawab di {REDIS_UJI}"),
]


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _url_basis_data() -> str:
    d = connection.settings_dict
    pengguna = urllib.parse.quote(d["USER"] or "")
    sandi = f":{urllib.parse.quote(d['PASSWORD'])}" if d.get("PASSWORD") else ""
    return f"postgres://{pengguna}{sandi}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


class Klien:
    """A browser-like client: cookies, CSRF token from the cookie, no automatic redirects."""

    def __init__(self):
        self.kue = http.cookiejar.CookieJar()
        self.pembuka = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.kue), _TanpaAlih())

    def csrf(self) -> str:
        return next(c.value for c in self.kue if c.name == "csrftoken")

    def minta(self, basis: str, jalur: str, data: dict | None = None) -> tuple[int, dict, bytes]:
        header = {}
        badan = None
        if data is not None:
            badan = urllib.parse.urlencode(data).encode()
            header = {"X-CSRFToken": self.csrf(), "Referer": basis + jalur}
        permintaan = urllib.request.Request(basis + jalur, data=badan, headers=header)
        try:
            with self.pembuka.open(permintaan, timeout=BATAS_PERMINTAAN) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def salin_sesi_ke(self, lain: Klien) -> None:
        for c in self.kue:
            lain.kue.set_cookie(c)


class _TanpaAlih(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _mulai(port: int, env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "sakip.wsgi"],
        cwd=AKAR,
        env={**env, "SAKIP_BIND": f"127.0.0.1:{port}"},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _tunggu_siap(proses: subprocess.Popen, basis: str, log: Path) -> None:
    batas = time.monotonic() + BATAS_MULAI
    while time.monotonic() < batas:
        if proses.poll() is not None:
            pytest.fail(f"gunicorn berhenti saat mulai:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(basis + "/sehat/", timeout=5) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"gunicorn tidak menjawab dalam {BATAS_MULAI} dtk:\n{log.read_text(errors='replace')[-3000:]}")


def _hentikan(proses: subprocess.Popen) -> None:
    if proses.poll() is None:
        proses.terminate()
        try:
            proses.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait(timeout=10)


@pytest.fixture
def dua_instans(transactional_db, tmp_path):
    env = {
        **os.environ,
        "SAKIP_TESTING": "1",  # plain static files and the test password hasher; otherwise production settings
        "DATABASE_URL": _url_basis_data(),
        "REDIS_URL": REDIS_UJI,
        "SAKIP_CACHE_PREFIX": "dua-instans-" + uuid.uuid4().hex,
        "SAKIP_TUGAS_BACKEND": "db",
        "SAKIP_PRIVATE_ROOT": str(tmp_path / "privat"),
        "SAKIP_WEB_WORKERS": "1",
        "SAKIP_ACCESS_LOG": "",
        "DJANGO_SETTINGS_MODULE": "sakip.settings",
    }
    proses, basis = [], []
    try:
        for nama in ("a", "b"):
            port = _port_bebas()
            log = tmp_path / f"gunicorn-{nama}.log"
            proses.append(_mulai(port, env, log))
            basis.append((f"http://127.0.0.1:{port}", log))
        for p, (url, log) in zip(proses, basis, strict=True):
            _tunggu_siap(p, url, log)
        yield basis[0][0], basis[1][0], env
    finally:
        for p in proses:
            _hentikan(p)


def _masuk(klien: Klien, basis: str, username: str) -> None:
    status, _h, _b = klien.minta(basis, reverse("login"))
    assert status == 200
    status, header, badan = klien.minta(basis, reverse("login"), {"username": username, "password": SANDI})
    assert status == 302, badan.decode(errors="replace")[:2000]


def test_dua_instans_berbagi_sesi_berkas_kunci_periode_dan_antrean(dua_instans):
    a, b, env = dua_instans
    hasil = buat_data_skala(unit=2, tahun=2, indikator=2, baris_anggaran=24, seed=7, awalan="dua")
    tahun = hasil.tahun[-1]
    diajukan, draf = hasil.units  # the scale data submits the first unit's last year
    assert PeriodeUnit.objects.get(unit=diajukan, tahun=tahun).status == StatusPeriode.DIAJUKAN
    perencana = buat_pengguna("perencana-dua", password=SANDI)
    pimpinan = buat_pengguna("pimpinan-dua", password=SANDI)
    for u in hasil.units:
        Keanggotaan.objects.create(pengguna=perencana, unit=u, peran=Peran.PERENCANA)
        Keanggotaan.objects.create(pengguna=pimpinan, unit=u, peran=Peran.PIMPINAN)

    # Session: log in on A, the same cookie works on B (a login page on B would redirect).
    di_a = Klien()
    _masuk(di_a, a, "perencana-dua")
    di_b = Klien()
    di_a.salin_sesi_ke(di_b)
    status, _h, badan = di_b.minta(b, reverse("kerja:realisasi", args=[draf.slug, tahun]))
    assert status == 200, status
    assert "perencana-dua" in badan.decode()

    # Queued task: the XLSX requested on A is queued; B shows it queued.
    status, header, _b = di_a.minta(a, reverse("laporan:xlsx", args=[draf.slug, tahun]), {})
    assert status == 302, status
    berkas = BerkasLaporan.objects.get(unit=draf, tahun=tahun, format=BerkasLaporan.Format.XLSX)
    assert berkas.status == BerkasLaporan.Status.ANTRI
    assert header["Location"] == reverse("laporan:berkas", args=[berkas.pk])
    status, _h, badan = di_b.minta(b, header["Location"])
    assert status == 200
    assert "dalam antrean" in badan.decode()

    # Stored report file: the task worker renders it into the shared private storage; both serve the same bytes.
    pekerja = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch"],
        cwd=AKAR,
        env=env,
        capture_output=True,
        timeout=180,
    )
    assert pekerja.returncode == 0, pekerja.stderr.decode(errors="replace")[-3000:]
    berkas.refresh_from_db()
    assert berkas.status == BerkasLaporan.Status.SELESAI, berkas.alasan
    unduhan = reverse("laporan:berkas_unduh", args=[berkas.pk])
    status_a, _h, isi_a = di_a.minta(a, unduhan)
    status_b, _h, isi_b = di_b.minta(b, unduhan)
    assert (status_a, status_b) == (200, 200)
    assert isi_a == isi_b and isi_a.startswith(b"PK")  # an XLSX (zip) file
    status, _h, badan = di_b.minta(b, reverse("laporan:berkas", args=[berkas.pk]))
    assert "Unduh" in badan.decode()

    # Approval needs every mandatory narrative section of the submitted year (the scale data writes none).
    from types import SimpleNamespace

    from indikator.struktur import renstra_untuk, revisi_untuk
    from tests.kerja.conftest import isi_narasi_wajib

    isi_narasi_wajib(SimpleNamespace(unit=diajukan, revisi=revisi_untuk(renstra_untuk(diajukan, tahun), tahun)), tahun)
    # Period lock: approved on A (head), an edit on B (planner) is refused and changes nothing; the draft unit's
    # edit on B goes through (the refusal is the lock, not the instance).
    ind_draf = Indikator.objects.filter(sasaran__revisi__renstra__unit=draf).order_by("pk").first()
    ind_sah = Indikator.objects.filter(sasaran__revisi__renstra__unit=diajukan).order_by("pk").first()
    status, _h, _b = di_b.minta(
        b, reverse("kerja:realisasi_sel", args=[draf.slug, tahun, ind_draf.pk, 1]), {"nilai": "12,5"}
    )
    assert status == 302
    assert Realisasi.objects.get(indikator=ind_draf, tahun=tahun, triwulan=1).nilai == Decimal("12.5")

    kepala = Klien()
    _masuk(kepala, a, "pimpinan-dua")
    status, _h, _b = kepala.minta(a, reverse("kerja:periode_aksi", args=[diajukan.slug, tahun, "sahkan"]), {})
    assert status == 302
    assert PeriodeUnit.objects.get(unit=diajukan, tahun=tahun).status == StatusPeriode.DISAHKAN
    sebelum = Realisasi.objects.get(indikator=ind_sah, tahun=tahun, triwulan=1).nilai
    jalur = reverse("kerja:realisasi_sel", args=[diajukan.slug, tahun, ind_sah.pk, 1])
    status, header, badan = di_b.minta(b, jalur, {"nilai": "99"})
    assert status in {302, 403}, status
    assert Realisasi.objects.get(indikator=ind_sah, tahun=tahun, triwulan=1).nilai == sebelum
    if status == 302:  # the refusal is shown on the page the edit returns to
        _s, _h, halaman = di_b.minta(b, header["Location"])
        assert re.search(r"sudah disahkan|tidak dapat diubah", halaman.decode())
